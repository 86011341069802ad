"""Every plan JSON is checked against the contract without pydantic (models/check.py)."""

from __future__ import annotations

from copy import deepcopy

import pytest
from pydantic_core import ValidationError

from planextract.models.check import CORE_SCHEMA_FILE, checked_data
from planextract.models.contract import output_core_schema_text
from planextract.models.plan import Plan
from planextract.pipeline import plan_to_json


def test_the_stored_core_schema_is_made_from_the_current_contract() -> None:
    """After a change to models/plan.py: python scripts/make_output_schema.py."""
    assert CORE_SCHEMA_FILE.read_text("utf-8") == output_core_schema_text()


def test_an_int_where_the_contract_has_a_float_is_written_as_that_float(kemp: Plan) -> None:
    plan = deepcopy(kemp)
    assert kemp.quality.completeness == 100.0  # every action fills in the whole form
    plan.quality.completeness = 100
    data = checked_data(plan)
    assert type(data["quality"]["completeness"]) is float
    assert '\n    "completeness": 100.0,\n' in plan_to_json(plan)


def test_a_value_of_the_wrong_type_is_refused(kemp: Plan) -> None:
    plan = deepcopy(kemp)
    assert plan.strategic_goals[1].title.startswith("ELZ Kemp en Duin werkt data-gedreven")
    plan.strategic_goals[1].title = None  # type: ignore[assignment]
    with pytest.raises(ValidationError, match=r"strategic_goals\.1\.title"):
        plan_to_json(plan)
