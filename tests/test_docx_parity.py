"""Word (DOCX) versions of the two real plans give the same contract as their text export
and their PDF, pages aside; checkboxes follow their controls; the timeline is exact.

The DOCX files are written from the text exports by scripts/make_sample_docx.py (the
template's own structures: label/answer tables, checkbox content controls, a legacy
checkbox, Wingdings symbols, Word lists, the Tijdslijn as Word tables).
"""

from __future__ import annotations

import json
import re
import tomllib
import zipfile
from pathlib import Path

import pytest
from conftest import ELZOH_TXT, KEMP_TXT, SAMPLES
from test_pdf_parity import assert_same_plan, contract, findings

from planextract.models.plan import Plan
from planextract.pipeline import Result

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
_TYPES = ("Procesevaluatie", "Resultaatgerichte evaluatie", "Impact evaluatie")


def test_elzoh_docx_equals_text_and_pdf(
    elzoh_result: Result, elzoh_docx_result: Result, elzoh_pdf_result: Result
) -> None:
    docx = elzoh_docx_result.plan
    assert contract(docx) == contract(elzoh_result.plan)
    assert contract(docx) == contract(elzoh_pdf_result.plan)
    assert findings(docx) == findings(elzoh_result.plan)


def test_kemp_docx_equals_text_and_pdf(
    kemp_result: Result, kemp_docx_result: Result, kemp_pdf_result: Result
) -> None:
    assert_same_plan(kemp_docx_result.plan, kemp_result.plan)
    assert_same_plan(kemp_docx_result.plan, kemp_pdf_result.plan)


def _states_in_text(path: Path) -> list[tuple[bool, str]]:
    """(checked, evaluation type) of every ☒/☐ line of the text export, in order."""
    out = []
    for line in path.read_text("utf-8").splitlines():
        m = re.match(r"^\s*([☒☐])\s*(.+)$", line)
        if m and m[2].strip().startswith(_TYPES):
            out.append((m[1] == "☒", m[2].strip().split(" (")[0]))
    return out


def _states_in_plan(plan: Plan) -> list[bool]:
    out = []
    for action in plan.actions():
        if action.evaluation is None:
            continue
        for kind in (
            action.evaluation.process,
            action.evaluation.output,
            action.evaluation.outcome,
        ):
            if kind is not None and kind.selected is not None:
                out.append(kind.selected)
    return out


@pytest.mark.parametrize(("name", "txt"), [("elzoh", ELZOH_TXT), ("kemp", KEMP_TXT)])
def test_checkbox_states_are_those_of_the_document(
    name: str, txt: Path, request: pytest.FixtureRequest
) -> None:
    docx: Plan = request.getfixturevalue(f"{name}_docx_result").plan
    expected = [checked for checked, _ in _states_in_text(txt)]
    assert expected and _states_in_plan(docx) == expected
    assert False in expected and True in expected


def _controls(path: Path) -> list[tuple[bool, str]]:
    """(state, glyph shown) of every checkbox content control in the Word file."""
    from lxml import etree

    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    out = []
    for sdt in root.iter(f"{W}sdt"):
        checked = sdt.find(f"{W}sdtPr/{W14}checkbox/{W14}checked")
        if checked is not None:
            shown = "".join(t.text or "" for t in sdt.iter(f"{W}t"))
            out.append((checked.get(f"{W14}val") == "1", shown))
    return out


@pytest.mark.parametrize(("name", "txt"), [("elzoh", ELZOH_TXT), ("kemp", KEMP_TXT)])
def test_stale_glyph_follows_the_control(
    name: str, txt: Path, request: pytest.FixtureRequest
) -> None:
    """Some controls show the opposite glyph of their state: the plan has the state,
    which is the document's (the text export's box)."""
    path: Path = request.getfixturevalue(f"{name}_docx")
    stale = [(s, g) for s, g in _controls(path) if g != ("☒" if s else "☐")]
    assert stale, "the sample has controls whose glyph disagrees"
    plan: Plan = request.getfixturevalue(f"{name}_docx_result").plan
    assert _states_in_plan(plan) == [c for c, _ in _states_in_text(txt)]
    notes = {n.code: n.detail for n in plan.source.notes}
    assert notes["checkbox-glyph-disagrees"].startswith(f"{len(stale)} selectievakje")


def test_every_word_structure_is_in_the_samples(elzoh_docx: Path, kemp_docx: Path) -> None:
    for path in (elzoh_docx, kemp_docx):
        with zipfile.ZipFile(path) as z:
            xml = z.read("word/document.xml").decode("utf-8")
        assert "w14:checkbox" in xml and "FORMCHECKBOX" in xml and 'w:font="Wingdings"' in xml
        assert "<w:sdtContent><w:p>" in xml  # answers inside content controls too


def test_timeline_cells_are_exact(kemp_docx_result: Result) -> None:
    """Every cell of the hand transcription, read from the Word tables, certain."""
    truth = tomllib.loads((SAMPLES / "kemp-en-duin-tijdslijn.toml").read_text("utf-8"))
    timeline = kemp_docx_result.plan.timeline
    assert timeline is not None and len(timeline.tables) == len(truth["tables"])
    for table, raw in zip(timeline.tables, truth["tables"], strict=True):
        assert [c.title for c in table.columns] == raw["columns"]
        assert [c.action_id for c in table.columns] == raw["actions"]
        assert [r.label for r in table.rows] == list(raw["rows"])
        for row, cells in zip(table.rows, raw["rows"].values(), strict=True):
            assert row.cells == [c or None for c in cells]
            for detail in row.details:
                assert detail is None or (detail.confidence == 1.0 and not detail.uncertain)
    codes = {f.code for f in kemp_docx_result.plan.quality.findings}
    assert "timeline.cells_uncertain" not in codes


@pytest.mark.parametrize("name", ["elzoh", "kemp"])
def test_pages_from_words_layout_are_marked_approximate(
    name: str, request: pytest.FixtureRequest
) -> None:
    text: Plan = request.getfixturevalue(f"{name}_result").plan
    docx: Plan = request.getfixturevalue(f"{name}_docx_result").plan
    assert docx.source.format == "docx"
    assert docx.source.notes[0].code == "pages-approximate"
    assert any(
        f.code == "source.note" and f.message.startswith("Paginanummers volgen")
        for f in docx.quality.findings
    )
    assert docx.extraction.pages_uncertain_lines == 0
    for t, d in zip(text.actions(), docx.actions(), strict=True):
        # Breaks are recorded per paragraph: a DOCX action starts where the text's does
        # and covers every page the text export places it on.
        assert d.pages, d.id
        assert set(t.pages) <= set(d.pages), d.id
        if t.pages:
            assert d.pages[0] <= t.pages[0]
    assert [s.pages for s in docx.sections[:5]] == [s.pages for s in text.sections[:5]]


@pytest.mark.parametrize("name", ["elzoh", "kemp"])
def test_headers_and_footers_stay_out_of_the_body(
    name: str, request: pytest.FixtureRequest
) -> None:
    text: Result = request.getfixturevalue(f"{name}_result")
    docx: Result = request.getfixturevalue(f"{name}_docx_result")
    assert docx.plan.organisation == text.plan.organisation and docx.plan.organisation
    body = [line.text for line in docx.document.lines]
    assert not any(t.startswith(("Actieplan ", "Pagina ")) for t in body)
    assert docx.plan.extraction.coverage == 100.0 and docx.plan.unassigned == []


def test_written_files_are_deterministic(docx_script, elzoh_docx: Path, tmp_path: Path) -> None:
    again = docx_script.write_sample(ELZOH_TXT.name, tmp_path)
    assert again.read_bytes() == elzoh_docx.read_bytes()


def test_pictures_are_noted_not_read(elzoh_docx_result: Result, kemp_docx_result: Result) -> None:
    """ELZOH's annex is two pictures (as in its PDF, where those pages have no text)."""
    notes = {n.code: n.detail for n in elzoh_docx_result.plan.source.notes}
    assert notes["pictures"].startswith("2 afbeelding")
    assert "pictures" not in {n.code for n in kemp_docx_result.plan.source.notes}


def test_extract_and_report_accept_word_files(elzoh_docx: Path, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from planextract.cli import main

    runner = CliRunner()
    result = runner.invoke(main, ["extract", str(elzoh_docx), "--out", str(tmp_path / "j")])
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "j" / elzoh_docx.with_suffix(".json").name).read_text("utf-8"))
    assert data["source"]["format"] == "docx"
    assert data["organisation"] == "Eerstelijnszone Zuidoost Hageland"
    result = runner.invoke(main, ["report", str(elzoh_docx), "--out", str(tmp_path / "r")])
    assert result.exit_code == 0, result.output
    html = (tmp_path / "r" / f"{elzoh_docx.stem}.rapport.html").read_text("utf-8")
    assert "Opmerking bij het bronbestand" in html and "docx" in html
