"""Text exports whose page-start marks are missing or drowned in indentation (variants of
the samples' own text): the plan reads the same and no page is guessed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ELZOH_TXT, KEMP_TXT

from planextract.pipeline import extract_file


def _variant(tmp_path: Path, sample: Path, rewrite) -> Path:
    lines = sample.read_text("utf-8").split("\n")
    path = tmp_path / f"variant-{sample.name}"
    path.write_text("\n".join(rewrite(line) for line in lines), "utf-8")
    return path


def _without_marks(line: str) -> str:
    """An exporter that does not mark page starts with a leading space."""
    return re.sub(r"^ (?=\S)", "", line)


def _indented(line: str) -> str:
    """A writer (or exporter) that indents every line by one space."""
    return " " + line.lstrip() if line.strip() else line


def _values(plan) -> list[tuple[str, list[int]]]:
    """Every action and each of its fields with the pages it was read from."""
    out = []
    for a in plan.actions():
        out.append((a.title, a.pages))
        for name in ("what", "why", "for_whom", "with_whom", "how", "evaluation"):
            value = getattr(a, name)
            if value is not None:
                out.append((f"{a.title} / {name}", value.pages))
    return out


@pytest.mark.parametrize("sample", [KEMP_TXT, ELZOH_TXT])
@pytest.mark.parametrize("rewrite", [_without_marks, _indented])
def test_without_page_marks_no_page_is_guessed(tmp_path: Path, sample: Path, rewrite) -> None:
    """The few footers ('Pagina 15 van 24') fix their own page only: the lines before the
    first and after the last cannot be counted from them, so they have no page rather
    than the footer's (every action of Zuidoost Hageland before page 15 was 'page 15')."""
    plan = extract_file(_variant(tmp_path, sample, rewrite), enrich=False).plan
    original = dict(_values(extract_file(sample, enrich=False).plan))
    values = _values(plan)
    assert values
    for key, pages in values:
        if key in original:
            assert set(pages) <= set(original[key]), key


def test_one_space_before_every_line_is_indentation(tmp_path: Path) -> None:
    """A leading space on every line (so a page mark on every line) does not cut the
    Kemp en Duin plan apart: the same goals, actions and answers as the unmodified export.
    (Zuidoost Hageland's narrative actions, whose titles only a page start opens, are
    not all found in such an export: the marks there say nothing.)"""
    plan = extract_file(_variant(tmp_path, KEMP_TXT, _indented), enrich=False).plan
    original = extract_file(KEMP_TXT, enrich=False).plan

    def answers(p) -> list[tuple]:
        return [
            (
                a.id,
                a.title,
                a.what and a.what.text,
                a.how and [s.text for s in a.how.steps],
                a.evaluation
                and [
                    t and t.selected
                    for t in (a.evaluation.process, a.evaluation.output, a.evaluation.outcome)
                ],
            )
            for a in p.actions()
        ]

    assert answers(plan) == answers(original)
    assert [od.title for sd in plan.strategic_goals for od in sd.operational_goals] == [
        od.title for sd in original.strategic_goals for od in sd.operational_goals
    ]
    assert plan.unassigned == []
