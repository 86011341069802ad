"""The Tijdslijn under the names and in the places coordinators give it: variants built
from Kemp en Duin's own text, compared with the extraction of the unmodified plan (the
truth)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sample_rewrite import (
    KEMP_TIMELINE_HEADING,
    kemp_timeline_moved_to_the_end,
    rewrite_sample,
    timeline_contents,
)

from planextract.models.plan import Plan
from planextract.pipeline import extract_file

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
KEMP_TXT = SAMPLES / "kemp-en-duin-actieplan-2025.txt"
HEADING = KEMP_TIMELINE_HEADING


def _rewrite_sample(tmp_path: Path, sample: Path, old: str, new: str, count: int = 1) -> Path:
    return rewrite_sample(tmp_path, sample, old, new, count)


def _extract(path: Path) -> Plan:
    return extract_file(path, enrich=False).plan


@pytest.fixture(scope="module")
def original() -> Plan:
    return _extract(KEMP_TXT)


def _moved_to_the_end(title: str) -> str:
    return kemp_timeline_moved_to_the_end(KEMP_TXT, title)


def test_the_original_has_two_tables_of_twelve_months(original: Plan) -> None:
    tables = timeline_contents(original)
    assert [len(cols) for cols, _, _ in tables] == [6, 6]
    assert [[row[0] for row in rows] for _, _, rows in tables] == [list(range(1, 13))] * 2
    assert tables[0][0][0].startswith("Zoeken naar evenwicht tussen informeren over")
    assert tables[0][1] == ["1.1-1", "2.1-1", "2.2-1", "2.3-1", "4.1-1", "4.5-1"]


def test_the_timeline_as_an_annex_after_the_goals(tmp_path: Path, original: Plan) -> None:
    """'Bijlage 1: Tijdslijn' behind the last action: the same tables, the annex is the
    timeline section, and the form of the last action is not touched."""
    path = tmp_path / "kemp-annex.txt"
    path.write_text(_moved_to_the_end("Bijlage 1: Tijdslijn"), "utf-8")
    plan = _extract(path)
    assert timeline_contents(plan) == timeline_contents(original)
    assert [s.title for s in plan.sections][-2:] == ["Acties 2025", "Bijlage 1: Tijdslijn"]
    annex = plan.sections[-1]
    assert annex.kind == "timeline" and annex.text == ""
    assert plan.timeline_status.status == "table"
    assert "‘Bijlage 1: Tijdslijn’" in plan.timeline_status.reason
    last, before = plan.actions()[-1], original.actions()[-1]
    assert last.title == before.title and last.evaluation == before.evaluation
    assert len(plan.actions()) == len(original.actions()) == 12


@pytest.mark.parametrize(
    "title",
    [
        "Tijdsplanning",
        "Tijdlijn",
        "Tijdspad",
        "Timeline",
        "Planning 2025",
        "Planning acties 2025",
        "3. Tijdslijn",
        "Bijlage 2 – Planning",
        "Overzicht tijdslijn",
        "Tijdslijn per maand",
    ],
)
def test_the_timeline_under_another_name(tmp_path: Path, original: Plan, title: str) -> None:
    path = _rewrite_sample(tmp_path, KEMP_TXT, HEADING, f" {title} \n")
    plan = _extract(path)
    assert timeline_contents(plan) == timeline_contents(original)
    section = next(s for s in plan.sections if s.kind == "timeline")
    assert section.title == title
    assert [s.title for s in plan.sections] == [
        title if s.kind == "timeline" else s.title for s in original.sections
    ]
    assert plan.timeline_status.reason == f"De tijdslijn staat als tabel in de sectie ‘{title}’."


def test_a_month_table_under_an_unknown_heading(tmp_path: Path, original: Plan) -> None:
    """'Overzicht per maand' is no section name: its line stays text of the section
    before, the table is known by its header and month rows and leaves that text."""
    path = _rewrite_sample(tmp_path, KEMP_TXT, HEADING, " Overzicht per maand \n")
    plan = _extract(path)
    assert timeline_contents(plan) == timeline_contents(original)
    assert not any(s.kind == "timeline" for s in plan.sections)
    network = next(s for s in plan.sections if s.title == "Functioneren als netwerkorganisatie")
    before = next(s for s in original.sections if s.title == network.title)
    assert network.text == before.text + "\nOverzicht per maand"
    assert "Januari" not in network.text and "Zoeken naar evenwicht" not in network.text
    assert plan.timeline_status.reason == (
        "De tijdslijn staat als tabel in de sectie ‘Functioneren als netwerkorganisatie’."
    )
    assert plan.extraction.coverage == original.extraction.coverage


def test_an_annex_with_another_title_holding_the_table(tmp_path: Path, original: Plan) -> None:
    path = tmp_path / "kemp-overzicht.txt"
    path.write_text(_moved_to_the_end("Bijlage 3: Overzicht"), "utf-8")
    plan = _extract(path)
    assert timeline_contents(plan) == timeline_contents(original)
    annex = plan.sections[-1]
    assert (annex.title, annex.kind, annex.text) == ("Bijlage 3: Overzicht", "annex", "")


def test_a_few_lines_opening_with_months_in_a_narrative_are_no_table(
    tmp_path: Path, original: Plan
) -> None:
    """Outside the timeline section a header and two month lines are not enough: they
    stay the section's text and the timeline is the sample's own."""
    old = "Partners binnen welzijn- en zorg oplijsten \n"
    lines = [
        "Wanneer we de partners bevragen:",
        "Januari kick-off met de partners",
        "Maart evaluatie",
    ]
    path = _rewrite_sample(tmp_path, KEMP_TXT, old, old + "\n".join(lines) + "\n")
    plan = _extract(path)
    assert timeline_contents(plan) == timeline_contents(original)
    network = next(s for s in plan.sections if s.title == "Functioneren als netwerkorganisatie")
    assert all(line in network.text for line in lines)


@pytest.mark.parametrize("heading", ["Tijdsplanning", "Planning 2025", "Timing"])
def test_a_timeline_name_typed_inside_an_answer_is_answer_text(
    tmp_path: Path, original: Plan, heading: str
) -> None:
    """The new names head the steps of 'Hoe?' of the first action: the form goes on under
    them, so the line is a step, not a section."""
    prompt = "Geef een beknopt plan hoe deze actie gaat worden opgezet of aangepakt. \n"
    path = _rewrite_sample(tmp_path, KEMP_TXT, prompt, prompt + heading + "\n")
    plan = _extract(path)
    assert [s.title for s in plan.sections] == [s.title for s in original.sections]
    first, before = plan.actions()[0], original.actions()[0]
    assert first.how is not None and before.how is not None
    assert [i.text for i in first.how.steps] == [heading, *(i.text for i in before.how.steps)]
    assert first.evaluation == before.evaluation
    assert timeline_contents(plan) == timeline_contents(original)
