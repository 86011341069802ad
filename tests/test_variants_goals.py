"""Goal headings written other ways: lettered ('Strategische doelstelling A', 'Operationele
doelstelling A.1'). Each variant is one of the real plans rewritten; the unmodified plan's
extraction is the truth."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ELZOH_TXT, KEMP_TXT

from planextract.models.plan import Plan
from planextract.pipeline import extract_file
from planextract.rules.headings import GoalHeading, match_goal_heading
from planextract.rules.profile import load_profile

P = load_profile()


def _rewrite_sample(tmp_path: Path, sample: Path, old: str, new: str, count: int = 1) -> Path:
    """`sample` with `old` (which must be there) replaced by `new`, `count` times."""
    text = sample.read_text("utf-8")
    assert old in text, old
    path = tmp_path / f"variant-{sample.name}"
    path.write_text(text.replace(old, new, count), "utf-8")
    return path


def _rewrite_lines(tmp_path: Path, sample: Path, fn: Callable[[str], str]) -> Path:
    """`sample` with every line passed through `fn` (which must change some)."""
    text = sample.read_text("utf-8")
    new = "\n".join(fn(line) for line in text.split("\n"))
    assert new != text
    path = tmp_path / f"variant-{sample.name}"
    path.write_text(new, "utf-8")
    return path


def _plan(path: Path) -> Plan:
    return extract_file(path, enrich=False).plan


@pytest.fixture(scope="module")
def kemp_plan() -> Plan:
    return _plan(KEMP_TXT)


@pytest.fixture(scope="module")
def elzoh_plan() -> Plan:
    return _plan(ELZOH_TXT)


def _actions(plan: Plan) -> list[tuple[str, list[int], str, str]]:
    """Every action in document order: title, pages, kind and its 'Wat?' text."""
    return [
        (a.title, a.pages, a.kind, a.what.text if a.what else "")
        for sd in plan.strategic_goals
        for od in sd.operational_goals
        for a in od.actions
    ]


def _tree(plan: Plan, number: Callable[[str | None], str | None] = lambda n: n) -> list:
    """Goals with numbers (renamed by `number`), titles, pages and their actions' titles."""
    return [
        (
            number(sd.number),
            sd.title,
            sd.pages,
            [
                (number(od.number), od.title, od.pages, [a.title for a in od.actions])
                for od in sd.operational_goals
            ],
        )
        for sd in plan.strategic_goals
    ]


# -- lettered goals (ELZOH) ------------------------------------------------------------------
_LETTER = {"1": "A", "2": "B", "3": "C"}


def _letters(line: str) -> str:
    line = re.sub(
        r"Strategische doelstelling (\d)",
        lambda m: "Strategische doelstelling " + _LETTER[m[1]],
        line,
    )
    return re.sub(
        r"Operationele doelstelling (\d)\.(\d)",
        lambda m: f"Operationele doelstelling {_LETTER[m[1]]}.{m[2]}",
        line,
    )


def test_lettered_goals(tmp_path: Path, elzoh_plan: Plan) -> None:
    plan = _plan(_rewrite_lines(tmp_path, ELZOH_TXT, _letters))
    assert [sd.number for sd in plan.strategic_goals] == ["A", "B", "C"]
    assert [od.number for od in plan.strategic_goals[0].operational_goals] == ["A.1", "A.2", "A.3"]
    assert [sd.title for sd in plan.strategic_goals] == [
        "ELZOH komt tot goed bestuur",
        *[sd.title for sd in elzoh_plan.strategic_goals[1:]],
    ]
    # C is a letter here, not the Roman numeral 100.
    assert plan.strategic_goals[2].id == "SDC"
    back = {v: k for k, v in _LETTER.items()}

    def digits(n: str | None) -> str | None:
        return None if n is None else back.get(n[0], n[0]) + n[1:]

    assert _tree(plan, digits) == _tree(elzoh_plan)
    assert _actions(plan) == _actions(elzoh_plan)
    assert plan.unassigned == elzoh_plan.unassigned
    assert [a.id for a in plan.actions()] == [
        _LETTER[a.id[0]] + a.id[1:] for a in elzoh_plan.actions()
    ]
    assert [a.id for a in plan.strategic_goals[0].operational_goals[0].actions] == [
        "A.1-1",
        "A.1-2",
    ]


def test_lettered_sub_levels(tmp_path: Path, elzoh_plan: Plan) -> None:
    path = _rewrite_lines(
        tmp_path,
        ELZOH_TXT,
        lambda line: re.sub(
            r"Operationele doelstelling (\d)\.(\d)",
            lambda m: f"Operationele doelstelling {m[1]}.{'abc'[int(m[2]) - 1]}",
            line,
        ),
    )
    plan = _plan(path)
    assert [od.number for od in plan.strategic_goals[2].operational_goals] == ["3.a", "3.b", "3.c"]

    def digits(n: str | None) -> str | None:
        return None if n is None else re.sub(r"\.([abc])$", lambda m: f".{ord(m[1]) - 96}", n)

    assert _tree(plan, digits) == _tree(elzoh_plan)
    assert _actions(plan) == _actions(elzoh_plan)


# The first heading lines of the samples, numbered with letters, Roman numerals or none.
_SD_LINE = "Strategische doelstelling 1 – ELZOH komt tot goed bestuur"
_OD_LINE = "Operationele doelstelling 2.2 – DE ELZ streeft naar data-gedreven werken, om zo"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (_SD_LINE.replace(" 1 ", " B "), GoalHeading("SD", "B", "ELZOH komt tot goed bestuur")),
        (_SD_LINE.replace(" 1 –", " C:"), GoalHeading("SD", "C", "ELZOH komt tot goed bestuur")),
        (_SD_LINE.replace(" 1 ", " L "), GoalHeading("SD", "L", "ELZOH komt tot goed bestuur")),
        (_SD_LINE.replace(" 1 ", " IV "), GoalHeading("SD", "4", "ELZOH komt tot goed bestuur")),
        (_SD_LINE.replace(" 1 ", " b. "), GoalHeading("SD", "b", "ELZOH komt tot goed bestuur")),
        (
            "SD B. ELZOH komt tot goed bestuur",
            GoalHeading("SD", "B", "ELZOH komt tot goed bestuur"),
        ),
        ("B. Strategische doelstelling – Titel", GoalHeading("SD", "B", "Titel")),
        ("3.1 Strategische doelstelling B – Titel", GoalHeading("SD", "B", "Titel")),
        (_OD_LINE.replace("2.2", "B.2"), GoalHeading("OD", "B.2", _OD_LINE[32:])),
        (_OD_LINE.replace("2.2", "b.2"), GoalHeading("OD", "b.2", _OD_LINE[32:])),
        (_OD_LINE.replace("2.2", "2.b"), GoalHeading("OD", "2.b", _OD_LINE[32:])),
        (_OD_LINE.replace("2.2", "II.2"), GoalHeading("OD", "2.2", _OD_LINE[32:])),
        ("Doelstelling B.2 – Titel", GoalHeading("OD", "B.2", "Titel")),
        ("OD B.2: Titel", GoalHeading("OD", "B.2", "Titel")),
    ],
)
def test_goal_numbers_of_other_writers(text: str, expected: GoalHeading) -> None:
    assert match_goal_heading(text, P) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a letter that starts a word is no goal number
        "Strategische doelstelling E-health: ELZOH komt tot goed bestuur",
        "Strategische doelstelling Armoede bestrijden",
        # a lower-case letter only as a number before a separator or sub-level
        "Strategische doelstelling u vindt hieronder",
        # a plural or a goal word alone without a number names goals, it heads none
        "Operationele doelstellingen: ELZOH komt tot goed bestuur",
        "Strategische doelstellingen – zie hieronder",
        "Operationele doelstelling",
        "Operationele doelstelling –",
        # the generic word names a level only by its number
        "Doelstelling – ELZOH komt tot goed bestuur",
        # Roman numerals are well formed
        "Strategische doelstelling IIII – ELZOH komt tot goed bestuur",
    ],
)
def test_not_goal_headings_of_other_writers(text: str) -> None:
    assert match_goal_heading(text, P) is None
