"""Hostile tables in a Word file, added to the Word sample: a row of many cells costs work
in proportion to its cells, rows wrapped deeper than the reader follows are noted."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

import planextract.extract.docx_body as docx_body
from planextract.pipeline import extract_file, plan_to_json

CELLS = 400


def _with_wide_row(sample: Path, out: Path, cells: int) -> Path:
    return _with_block(
        sample, out, "<w:tbl><w:tr>" + "<w:tc><w:p/></w:tc>" * cells + "</w:tr></w:tbl>"
    )


def _with_block(sample: Path, out: Path, block: str) -> Path:
    """The sample's Word file with `block` (body XML) added at the end of its body."""
    with zipfile.ZipFile(sample) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                text = data.decode("utf-8")
                at = text.rindex("<w:sectPr")
                data = (text[:at] + block + text[at:]).encode("utf-8")
            dst.writestr(info, data)
    return out


def test_a_row_of_many_cells_costs_in_proportion(
    elzoh_docx: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wide = _with_wide_row(elzoh_docx, tmp_path / "wide.docx", CELLS)
    calls = 0
    span = docx_body.cell_span

    def counted(tc):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        return span(tc)

    monkeypatch.setattr(docx_body, "cell_span", counted)
    sample = extract_file(elzoh_docx, enrich=False).plan
    for_sample, calls = calls, 0
    plan = extract_file(wide, enrich=False).plan
    assert calls - for_sample <= 3 * CELLS  # a few per cell of the wide row, not its square
    assert [a.title for a in plan.actions()] == [a.title for a in sample.actions()]
    assert plan.actions()[0].title.startswith("ELZOH")


def test_rows_wrapped_too_deep_are_noted(elzoh_docx: Path, tmp_path: Path) -> None:
    """A row inside 25 nested content controls (more than the reader follows) is not read,
    and the plan's notes say so; the sample's own content is read as before."""
    row = "<w:tr><w:tc><w:p><w:r><w:t>ONGELEZEN-RIJ</w:t></w:r></w:p></w:tc></w:tr>"
    for _ in range(25):
        row = f"<w:sdt><w:sdtContent>{row}</w:sdtContent></w:sdt>"
    deep = _with_block(elzoh_docx, tmp_path / "deep.docx", f"<w:tbl>{row}</w:tbl>")
    plan = extract_file(deep, enrich=False).plan
    sample = extract_file(elzoh_docx, enrich=False).plan
    notes = {n.code: n.detail for n in plan.source.notes}
    assert "te diep genest" in notes["too-deep-wrappers"]
    assert "too-deep-wrappers" not in {n.code for n in sample.source.notes}
    assert [a.title for a in plan.actions()] == [a.title for a in sample.actions()]
    assert "ONGELEZEN-RIJ" not in plan_to_json(plan)
