"""Goal headings written other ways: without numbers ('Operationele doelstelling – …'),
lettered ('Strategische doelstelling A', 'Operationele doelstelling A.1') and with a
one-letter slip in the goal word ('Operationeel doelstelling 2.2'). Each variant is one
of the real plans rewritten; the unmodified plan's extraction is the truth."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ELZOH_TXT, KEMP_TXT
from sample_rewrite import rewrite_sample

from planextract.models.plan import Plan
from planextract.pipeline import extract_file
from planextract.rules.headings import GoalHeading, match_goal_heading
from planextract.rules.profile import load_profile

P = load_profile()


def _rewrite_sample(tmp_path: Path, sample: Path, old: str, new: str, count: int = 1) -> Path:
    return rewrite_sample(tmp_path, sample, old, new, count)


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


def _linked_titles(plan: Plan) -> list[tuple[str, str | None]]:
    """Timeline columns with the title of the action each is linked to."""
    titles = {a.id: a.title for a in plan.actions()}
    assert plan.timeline is not None
    return [
        (c.title, titles.get(c.action_id or "")) for t in plan.timeline.tables for c in t.columns
    ]


# -- operational goals without numbers (Kemp en Duin) ----------------------------------------
_OD_NUMBER = re.compile(r"^(\s*)Operationele doelstelling \d+\.\d+ – ")


def test_unnumbered_operational_goals(tmp_path: Path, kemp_plan: Plan) -> None:
    path = _rewrite_lines(
        tmp_path, KEMP_TXT, lambda line: _OD_NUMBER.sub(r"\1Operationele doelstelling – ", line)
    )
    plan = _plan(path)
    # No line is lost: the headings were unassigned text before this rule.
    assert plan.unassigned == kemp_plan.unassigned == []
    assert _actions(plan) == _actions(kemp_plan)
    # The SDs keep their printed numbers; no OD gets a number the document does not give,
    # each is keyed by its SD and its place there.
    sd1, sd2, sd2b, sd4, sd5 = plan.strategic_goals
    assert [sd.id for sd in plan.strategic_goals] == ["SD1", "SD2", "SD2b", "SD4", "SD5"]
    assert all(od.number is None for sd in plan.strategic_goals for od in sd.operational_goals)
    assert [od.id for od in sd2.operational_goals] == ["OD2.?1", "OD2.?2"]
    assert [a.id for a in sd2.operational_goals[1].actions] == ["2.?2-1"]
    assert sd2b.operational_goals[0].id == "OD2b.?1"
    original = {od.title: od for sd in kemp_plan.strategic_goals for od in sd.operational_goals}
    for sd in plan.strategic_goals:
        for od in sd.operational_goals:
            assert od.title in original  # the titles as the numbered plan reads them
    assert sd1.operational_goals[0].title == (
        "Het (re)organiseren van de AV, BO en DB om de werking van de ELZ te verbeteren"
    )
    assert sd1.operational_goals[0].pages == [11]
    assert [a.title for a in sd2.operational_goals[1].actions] == [
        a.title for a in original[sd2.operational_goals[1].title].actions
    ]
    # OD 4.5 (second) and OD 4.2 print the same title under SD 4: without their numbers
    # the two headings name one goal, printed twice, that holds both actions.
    same = sd4.operational_goals[2]
    assert same.title.startswith("ELZ Kemp en Duin streeft naar een snelle en efficiënte")
    assert same.occurrences == 2
    assert [a.title.split(" ")[4] for a in same.actions] == ["organiseert", "deelt"]
    assert [a.title for a in same.actions] == [
        a.title
        for od in kemp_plan.strategic_goals[3].operational_goals
        if od.number in ("4.5", "4.2") and od.title == same.title
        for a in od.actions
    ]
    assert len(sd4.operational_goals) == 4 and len(sd5.operational_goals) == 3
    # The timeline's columns go to the same actions as in the numbered plan.
    assert _linked_titles(plan) == _linked_titles(kemp_plan)
    # Numbering checks have no numbers to judge: no gap or reuse flagged for the ODs.
    codes = {f.code for f in plan.quality.findings}
    assert "goal.od_number_reused" not in codes and "goal.od_number_mismatch" not in codes
    # ... which the report says, naming the goals by title (never 'None').
    (missing,) = [f for f in plan.quality.findings if f.code == "goal.number_missing"]
    assert missing.message.startswith("11 operationele doelstellingen hebben geen nummer: ‘Het")
    assert missing.pages[0] == 11
    repeated = [f.message for f in plan.quality.findings if f.code == "goal.heading_repeated"]
    assert "None" not in " ".join(repeated)
    assert (
        "De kop van operationele doelstelling ‘ELZ Kemp en Duin streeft naar een snelle en "
        "efficiënte …’ staat 2 keer in het plan; de herhalingen zijn samengevoegd."
    ) in repeated


def test_unnumbered_strategic_goals(tmp_path: Path, elzoh_plan: Plan) -> None:
    path = _rewrite_lines(
        tmp_path,
        ELZOH_TXT,
        lambda line: re.sub(
            r"^(\s*)Strategische doelstelling \d – ", r"\1Strategische doelstelling: ", line
        ),
    )
    plan = _plan(path)
    assert [sd.id for sd in plan.strategic_goals] == ["SD?1", "SD?2", "SD?3"]
    assert [sd.number for sd in plan.strategic_goals] == [None, None, None]
    assert _tree(plan) == _tree(elzoh_plan, lambda n: n if n and "." in n else None)
    assert [od.id for od in plan.strategic_goals[0].operational_goals] == [
        "OD1.1",
        "OD1.2",
        "OD1.3",
    ]
    assert _actions(plan) == _actions(elzoh_plan)
    (missing,) = [f for f in plan.quality.findings if f.code == "goal.number_missing"]
    assert missing.message == (
        "3 strategische doelstellingen hebben geen nummer: ‘ELZOH komt tot goed bestuur’, "
        "‘ELZOH werkt aan participatie en krachtgerichte netwerken’ en ‘In Zuidoost Hageland "
        "is preventie- en vroeg-detectie …’."
    )
    assert missing.pages == [sd.pages[0] for sd in elzoh_plan.strategic_goals] == [7, 16, 20]


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
        (_SD_LINE.replace(" 1 ", " "), GoalHeading("SD", None, "ELZOH komt tot goed bestuur")),
        (
            _SD_LINE.replace("Strategische doelstelling 1 –", "Strategisch doel:"),
            GoalHeading("SD", None, "ELZOH komt tot goed bestuur"),
        ),
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
        (_OD_LINE.replace(" 2.2 ", " "), GoalHeading("OD", None, _OD_LINE[32:])),
        (_OD_LINE.replace(" 2.2 –", ":"), GoalHeading("OD", None, _OD_LINE[32:])),
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


# -- a slip in the goal word (Kemp en Duin) --------------------------------------------------
@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Operationele doelstelling 2.2", "Operationeel doelstelling 2.2"),  # the review's
        ("Operationele doelstelling 2.2", "Operationele doelstellling 2.2"),  # a letter added
        ("Operationele doelstelling 2.2", "Operatoinele doelstelling 2.2"),  # two swapped
        ("Operationele doelstelling 2.2", "Operationeledoelstelling 2.2"),  # no space
        ("Operationele doelstelling 2.2", "Operationele doel stelling 2.2"),  # a space added
        ("Operationele doelstelling 2.2", "3.1 Operationeel doelstelling 2.2"),  # outline
    ],
)
def test_slip_in_goal_word(tmp_path: Path, kemp_plan: Plan, old: str, new: str) -> None:
    plan = _plan(_rewrite_sample(tmp_path, KEMP_TXT, old, new))
    assert _tree(plan) == _tree(kemp_plan)
    assert _actions(plan) == _actions(kemp_plan)
    assert _linked_titles(plan) == _linked_titles(kemp_plan)
    assert plan.unassigned == []
    od = plan.strategic_goals[1].operational_goals[1]
    assert (od.id, od.number, od.pages) == ("OD2.2", "2.2", [15])
    assert od.title.startswith("DE ELZ streeft naar data-gedreven werken")


def test_slip_in_strategic_goal_word(tmp_path: Path, elzoh_plan: Plan) -> None:
    path = _rewrite_sample(
        tmp_path, ELZOH_TXT, "Strategische doelstelling 2 –", "Stategische doelstelling 2 –"
    )
    plan = _plan(path)
    assert _tree(plan) == _tree(elzoh_plan)
    assert plan.strategic_goals[1].title == elzoh_plan.strategic_goals[1].title
    assert plan.strategic_goals[1].title.startswith("ELZOH werkt aan participatie")


@pytest.mark.parametrize(
    "text",
    [
        "Operationeel doelstelling – " + _OD_LINE[32:],  # a slip and no number: text
        "Operationeel doelstellingen: " + _OD_LINE[32:],
        "SO 2 – " + _OD_LINE[32:],  # short words are never mended ('SD' and 'OD' differ so)
        "Doelstelling: 2.2 – " + _OD_LINE[32:],
        "Operationeel doelstelling: 2.2",
        "Organisatie doelstelling 2.2 – " + _OD_LINE[32:],
    ],
)
def test_slips_that_stay_text(text: str) -> None:
    assert match_goal_heading(text, P) is None


def test_slip_in_a_sentence_is_text(tmp_path: Path, elzoh_plan: Plan) -> None:
    """'… We sluiten met deze actie aan op' / 'Operationeel doelstelling 1.3.': a goal
    named in running text, its word misspelt, stays the sentence's text."""
    old = "We sluiten met deze actie aan op OD 1.3."
    path = _rewrite_sample(
        tmp_path,
        ELZOH_TXT,
        old,
        "We sluiten met deze actie aan op \nOperationeel doelstelling 1.3.",
    )
    plan = _plan(path)
    assert _tree(plan) == _tree(elzoh_plan)
    action = plan.strategic_goals[0].operational_goals[0].actions[0]
    original = elzoh_plan.strategic_goals[0].operational_goals[0].actions[0]
    assert action.what is not None and original.what is not None
    assert old in original.what.text
    assert action.what.text == original.what.text.replace(
        old, "We sluiten met deze actie aan op Operationeel doelstelling 1.3."
    )
