"""A plan saved as Markdown (headings marked with '#', as pandoc or an editor writes them),
made from the Kemp en Duin sample's own text: the same plan as the text export."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import KEMP_TXT

from planextract.pipeline import extract_file

MARKS = [
    (r"Strategische doelstelling \d", "# "),
    (r"Operationele doelstelling \d", "## "),
    (r"Actie:", "### "),
    (r"(?:Wat|Waarom|Voor wie|Hoe)\? *$", "#### "),
]


def _markdown(tmp_path: Path) -> Path:
    out = []
    for line in KEMP_TXT.read_text("utf-8").split("\n"):
        mark = next((m for pattern, m in MARKS if re.match(pattern, line.strip())), "")
        out.append(mark + line.strip() if mark else line)
    path = tmp_path / "kemp-en-duin-actieplan-2025.md"
    path.write_text("\n".join(out), "utf-8")
    return path


def _outline(plan) -> list[tuple]:
    return [
        (
            sd.number,
            sd.title,
            [
                (
                    od.number,
                    od.title,
                    [(a.title, a.what and a.what.text, a.how and a.how.text) for a in od.actions],
                )
                for od in sd.operational_goals
            ],
        )
        for sd in plan.strategic_goals
    ]


def test_markdown_heading_marks_are_not_titles(tmp_path: Path) -> None:
    path = _markdown(tmp_path)
    assert "\n## Operationele doelstelling 1.1 – " in path.read_text("utf-8")
    plan = extract_file(path, enrich=False).plan
    original = extract_file(KEMP_TXT, enrich=False).plan
    assert _outline(plan) == _outline(original)
    assert (
        plan.strategic_goals[0].title
        == "ELZ Kemp en Duin handelt naar de principes van goed bestuur"
    )
    assert plan.unassigned == []
