"""Every plan JSON is checked against the contract before it is written, without pydantic.

`plan_data` turns the dataclasses into plain data, every key in declaration order;
`checked_data` validates that data with pydantic_core (compiled, imported anyway for
writing JSON) against the core schema pydantic makes from the same classes, stored in
plan-output.core-schema.json (models/contract.py makes it; a test keeps it current). The
check does what building pydantic models did: a value of the wrong type is refused, an
int where the contract has a float becomes that float.
"""

from __future__ import annotations

import json
from dataclasses import fields
from functools import cache
from pathlib import Path
from typing import Any

from pydantic_core import SchemaValidator

from planextract.models.plan import Plan

CORE_SCHEMA_FILE = Path(__file__).with_name("plan-output.core-schema.json")


@cache
def _validator() -> SchemaValidator:
    return SchemaValidator(json.loads(CORE_SCHEMA_FILE.read_text("utf-8")))


@cache
def _names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


# Values that are their own data: most of a plan's values, converted without a call.
_PLAIN = frozenset({str, int, float, bool, type(None)})


def _data(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return [v if type(v) in _PLAIN else _data(v) for v in value]
    if isinstance(value, dict):
        return {k: v if type(v) in _PLAIN else _data(v) for k, v in value.items()}
    if hasattr(type(value), "__dataclass_fields__"):  # a contract class
        return {
            n: v if type(v := getattr(value, n)) in _PLAIN else _data(v)
            for n in _names(type(value))
        }
    return value


def plan_data(plan: Plan) -> dict[str, Any]:
    """The plan as plain data (dicts, lists, strings, numbers), not yet checked."""
    return _data(plan)


def checked_data(plan: Plan) -> dict[str, Any]:
    """The plan as plain data, checked against the contract; raises pydantic_core's
    ValidationError (a bug, never the document's fault) when it does not hold."""
    return _validator().validate_python(plan_data(plan))
