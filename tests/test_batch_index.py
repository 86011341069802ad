"""Index rows and the provisional completeness score."""

from __future__ import annotations

from pathlib import Path

from conftest import KEMP_TXT
from variants import drop_lines, sample_text, write_variant

from planextract.batch.completeness import completeness
from planextract.batch.index import plan_stats
from planextract.models.plan import Plan
from planextract.pipeline import extract_file


def test_fully_answered_forms_score_100(kemp: Plan, elzoh: Plan) -> None:
    assert completeness(kemp) == 100.0
    assert completeness(elzoh) == 100.0


def test_an_emptied_answer_lowers_completeness(tmp_path: Path) -> None:
    # Lines 365-373 of the Kemp en Duin plan are the answer under the first 'Waarom?'.
    text = drop_lines(sample_text("kemp"), 365, 373)
    plan = extract_file(write_variant(tmp_path, KEMP_TXT.name, text)).plan
    first = plan.actions()[0]
    assert first.why is not None and first.why.text == ""
    assert completeness(plan) == round(100 * (12 * 6 - 1) / (12 * 6), 1)


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
    assert stats["findings_warning"] == 2  # SD 2 and OD 4.5 reuse a number
