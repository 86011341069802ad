"""Index rows: the columns taken from a plan, with the quality completeness score."""

from __future__ import annotations

from pathlib import Path

from conftest import KEMP_TXT
from variants import drop_lines, sample_text, write_variant

from planextract.batch.index import plan_stats
from planextract.models.plan import Plan
from planextract.pipeline import extract_file


def test_completeness_is_the_quality_score(kemp: Plan, elzoh: Plan) -> None:
    # quality/score.py: Kemp en Duin fills every element of every form; ELZOH writes 4 of
    # its 11 actions as free text and leaves 'niet doen' out of 2 (test_quality.py).
    assert plan_stats(kemp)["completeness"] == 100.0
    assert plan_stats(elzoh)["completeness"] == 62.1


def test_an_emptied_answer_lowers_completeness(tmp_path: Path) -> None:
    # Lines 365-373 of the Kemp en Duin plan are the answer under the first 'Waarom?'.
    text = drop_lines(sample_text("kemp"), 365, 373)
    plan = extract_file(write_variant(tmp_path, KEMP_TXT.name, text)).plan
    first = plan.actions()[0]
    assert first.why is not None and first.why.text == ""
    # One of 12 x 13 elements empty.
    assert plan_stats(plan)["completeness"] == round(100 * (12 * 13 - 1) / (12 * 13), 1)


def test_plan_stats(kemp: Plan) -> None:
    stats = plan_stats(kemp)
    assert {k: stats[k] for k in ("zone", "year", "pages", "strategic_goals", "actions")} == {
        "zone": "ELZ Kemp en Duin",
        "year": 2025,
        "pages": 36,
        "strategic_goals": 5,
        "actions": 12,
    }
    assert stats["operational_goals"] == 12
    # SD 2 and OD 4.5 reuse a number, OD 4.2 after 4.5, criteria under an unticked box.
    assert (stats["findings_error"], stats["findings_warning"]) == (0, 4)
