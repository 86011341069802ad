"""Goal headings and action titles wrapped in a narrow column (variants of the samples'
own text): the same titles, and the actions under them, as in the unmodified plan."""

from __future__ import annotations

import textwrap
from pathlib import Path

from conftest import ELZOH_TXT, KEMP_TXT
from sample_rewrite import rewrite_sample

from planextract.pipeline import extract_file

OD_2_1 = (
    "Operationele doelstelling 2.1 – ELZ Kemp en Duin stemt haar beleids- en actieplan af op \n"
    "gemeenschappelijke punten in de meerjarenplannen van de lokale besturen. Deze \n"
    "afstemming gebeurt in dialoog met de lokale besturen en de verschillende belanghebbenden."
)
ACE = (
    "ELZOH verduurzaamt de acties binnen het project ‘ACE’s In-Zicht’ aan de hand van \n"
    "ambassadeurs in de regio en haakt aan op het perinataal zorgprogramma binnen het \n"
    "Interfederaal plan \n"
)


def _outline(plan) -> list[tuple]:
    return [
        (od.number, od.title, [(a.title, a.kind, a.what and a.what.text) for a in od.actions])
        for sd in plan.strategic_goals
        for od in sd.operational_goals
    ]


def test_a_goal_heading_wrapped_over_seven_narrow_lines(tmp_path: Path) -> None:
    """OD 2.1 of Kemp en Duin (its title two sentences) in a 40-character column: seven
    lines, more than the five a heading may take at the page's width, fewer characters."""
    narrow = "\n".join(textwrap.wrap(" ".join(OD_2_1.split()), 40))
    plan = extract_file(rewrite_sample(tmp_path, KEMP_TXT, OD_2_1, narrow), enrich=False).plan
    original = extract_file(KEMP_TXT, enrich=False).plan
    assert _outline(plan) == _outline(original)
    od = next(
        od for sd in plan.strategic_goals for od in sd.operational_goals if od.number == "2.1"
    )
    assert od.title.endswith(
        "Deze afstemming gebeurt in dialoog met de lokale besturen en de "
        "verschillende belanghebbenden."
    )


def test_a_title_line_that_ends_in_a_word_cut_at_its_hyphen_goes_on(tmp_path: Path) -> None:
    """'… ‘ACE’s In-' / 'Zicht’ …': a line that ends in a word cut at its hyphen goes on,
    whatever the next line starts with and however short the line."""
    cut = (
        "ELZOH verduurzaamt de acties\n"
        "binnen het project ‘ACE’s In-\n"
        "Zicht’ aan de hand van ambassadeurs in de regio en haakt aan op het perinataal\n"
        "zorgprogramma binnen het Interfederaal plan \n"
    )
    plan = extract_file(rewrite_sample(tmp_path, ELZOH_TXT, ACE, cut), enrich=False).plan
    original = extract_file(ELZOH_TXT, enrich=False).plan
    assert _outline(plan) == _outline(original)
    assert any(
        a.title.startswith("ELZOH verduurzaamt de acties binnen het project ‘ACE’s In-Zicht’ aan")
        and a.title.endswith("binnen het Interfederaal plan")
        for a in plan.actions()
    )


def _narrow(line: str) -> str:
    """The line as an export 45 characters wide writes it (a page mark kept in front)."""
    if len(line) <= 50:
        return line
    mark = " " if line.startswith(" ") and not line.startswith("  ") else ""
    return mark + "\n".join(textwrap.wrap(line.strip(), 45))


def test_an_export_that_wraps_every_line_at_45_characters(tmp_path: Path) -> None:
    """Every goal heading and action title of Kemp en Duin over twice as many lines (OD
    5.1: seven): the same goals and actions, none made up from a heading's last line."""
    text = "\n".join(_narrow(line) for line in KEMP_TXT.read_text("utf-8").split("\n"))
    path = tmp_path / "variant-narrow.txt"
    path.write_text(text, "utf-8")
    plan = extract_file(path, enrich=False).plan
    original = extract_file(KEMP_TXT, enrich=False).plan

    def titles(p) -> list[tuple]:
        return [
            (od.number, od.title, [(a.id, a.title, a.kind) for a in od.actions])
            for sd in p.strategic_goals
            for od in sd.operational_goals
        ]

    assert titles(plan) == titles(original)
    assert plan.unassigned == []

    def form_row(p) -> list[tuple]:  # 'Met wie? Indien de zorgraad niet de' wraps twice
        return [
            (a.with_whom.lead, " ".join((a.with_whom.council_role or "").split()))
            for a in p.actions()
            if a.with_whom is not None
        ]

    assert form_row(plan) == form_row(original)
