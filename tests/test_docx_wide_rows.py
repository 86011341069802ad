"""A table row of many cells (hostile, or a timeline pasted wide) costs work in proportion
to its cells: the Word sample with such a row appended reads as the sample does."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

import planextract.extract.docx_body as docx_body
from planextract.pipeline import extract_file

CELLS = 400


def _with_wide_row(sample: Path, out: Path, cells: int) -> Path:
    row = "<w:tbl><w:tr>" + "<w:tc><w:p/></w:tc>" * cells + "</w:tr></w:tbl>"
    with zipfile.ZipFile(sample) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                text = data.decode("utf-8")
                at = text.rindex("<w:sectPr")
                data = (text[:at] + row + text[at:]).encode("utf-8")
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
