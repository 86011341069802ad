"""A goal heading repeated where the goal goes on, marked '(vervolg)' (variants of the
samples' own text): the mark is no part of the title, the repeat is the same goal."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import KEMP_TXT

from planextract.pipeline import extract_file

HEADING = re.compile(r"^(\s*)Strategische doelstelling (\d) – (.*)$")


def _mark_repeats(tmp_path: Path, mark: str, after_title: bool) -> Path:
    """Every SD heading of Kemp en Duin after the first with its number gets the mark."""
    seen: set[str] = set()
    out = []
    for line in KEMP_TXT.read_text("utf-8").split("\n"):
        m = HEADING.match(line)
        if m and m[2] in seen:
            title = m[3].rstrip()
            line = (
                f"{m[1]}Strategische doelstelling {m[2]} – {title} {mark}"
                if after_title
                else f"{m[1]}Strategische doelstelling {m[2]} {mark} – {title}"
            )
        if m:
            seen.add(m[2])
        out.append(line)
    path = tmp_path / "variant-vervolg.txt"
    path.write_text("\n".join(out), "utf-8")
    return path


def _goals(plan) -> list[tuple]:
    return [
        (
            sd.id,
            sd.number,
            sd.title,
            [(od.id, od.title, len(od.actions)) for od in sd.operational_goals],
        )
        for sd in plan.strategic_goals
    ]


@pytest.mark.parametrize(
    ("mark", "after_title"),
    [("(vervolg)", False), ("(verv.)", False), ("(vervolg)", True), ("– vervolg", True)],
)
def test_a_continued_goal_is_the_same_goal(tmp_path: Path, mark: str, after_title: bool) -> None:
    plan = extract_file(_mark_repeats(tmp_path, mark, after_title), enrich=False).plan
    original = extract_file(KEMP_TXT, enrich=False).plan
    assert _goals(plan) == _goals(original)
    assert not any("verv" in sd.title.lower() for sd in plan.strategic_goals)


def test_a_title_that_starts_with_the_word_is_kept(tmp_path: Path) -> None:
    """'Vervolg' as the title's own first word, without a separator after it, is title."""
    text = KEMP_TXT.read_text("utf-8")
    old = "Strategische doelstelling 1 – ELZ Kemp en Duin handelt"
    assert old in text
    path = tmp_path / "variant.txt"
    path.write_text(
        text.replace(
            old,
            "Strategische doelstelling 1 – Vervolg van ELZ Kemp en Duin handelt",
        ),
        "utf-8",
    )
    plan = extract_file(path, enrich=False).plan
    assert plan.strategic_goals[0].title.startswith("Vervolg van ELZ Kemp en Duin handelt")
