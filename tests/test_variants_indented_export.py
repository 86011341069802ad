"""An export that indents every line (a converter that writes each paragraph with a leading
space or two), made from the real samples: its page-start marks sit one space further in,
and the plan is the same as from the sample itself."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ELZOH_TXT, KEMP_TXT

from planextract.models.check import checked_data
from planextract.pipeline import extract_file
from planextract.rules.pages import after_indent, export_indent


def _indented(tmp_path: Path, sample: Path, spaces: int) -> Path:
    lines = sample.read_text("utf-8").split("\n")
    path = tmp_path / f"indented-{spaces}-{sample.name}"
    path.write_text("\n".join(" " * spaces + x if x.strip() else x for x in lines), "utf-8")
    return path


def _plan_json(path: Path) -> dict:
    data = checked_data(extract_file(path, enrich=False).plan)
    data.pop("source")  # its file name and checksum differ by construction
    return data


@pytest.mark.parametrize("spaces", [1, 2])
@pytest.mark.parametrize("sample", [ELZOH_TXT, KEMP_TXT], ids=["elzoh", "kemp"])
def test_an_indented_export_gives_the_same_plan(tmp_path: Path, sample: Path, spaces: int) -> None:
    variant = _indented(tmp_path, sample, spaces)
    assert _plan_json(variant) == _plan_json(sample)


def test_indented_elzoh_keeps_the_narrative_actions_a_page_start_opens(tmp_path: Path) -> None:
    # ' ELZOH implementeert de nieuwe organisatiestructuur …' (line 211) opens a page right
    # under the last criterion of action 1.1-1, no blank line between them: only its mark
    # makes it a title. Indented, the mark is two spaces. Its page is 9: six page marks
    # (lines 241, 306, 365, 420, 465, 539) before the footer 'Pagina 15 van 24' (line 569).
    variant = _indented(tmp_path, ELZOH_TXT, 1)
    assert "\n  ELZOH implementeert de nieuwe organisatiestructuur" in variant.read_text("utf-8")
    plan = extract_file(variant, enrich=False).plan
    od = plan.strategic_goals[0].operational_goals[0]
    action = next(a for a in od.actions if a.id == "1.1-2")
    assert action.kind == "narrative"
    assert action.title.startswith("ELZOH implementeert de nieuwe organisatiestructuur")
    assert action.pages[0] == 9


def test_the_usual_export_has_no_indentation_of_its_own() -> None:
    for sample in (ELZOH_TXT, KEMP_TXT):
        assert export_indent(sample.read_text("utf-8").split("\n")) == 0


def test_after_indent_keeps_a_line_with_less_indentation() -> None:
    assert after_indent("  Wat?", 1) == " Wat?"
    assert after_indent("Wat?", 1) == "Wat?"
    assert after_indent(" Wat?", 0) == " Wat?"
