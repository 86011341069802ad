"""pydantic's view of the contract (models/plan.py), built on first use.

A process that only extracts plans never imports pydantic: its JSON is checked by
pydantic_core against a schema made here once and stored with the package
(models/check.py). pydantic itself serves what needs the classes: the published JSON
Schema and reading a plan JSON back into them.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

from pydantic import TypeAdapter

from planextract.models.plan import Plan


@cache
def plan_adapter() -> TypeAdapter[Plan]:
    return TypeAdapter(Plan)


def plan_from_json(data: bytes | str) -> Plan:
    """The plan in a JSON text; raises pydantic's ValidationError when it is not one."""
    return plan_adapter().validate_json(data)


def plan_json_schema() -> dict[str, Any]:
    return plan_adapter().json_schema()


# pydantic's refs end in the class's id ('planextract.models.plan.Box:1402…'): per process.
_REF_ID = re.compile(r":\d+$")


def _json_form(node: Any) -> Any:
    """A core schema of the classes -> the core schema of their JSON form: each dataclass
    becomes a typed dict with all its keys required (the JSON writes every key; defaults
    are only for building the classes), refs lose their per-process part, metadata goes."""
    if isinstance(node, list):
        return [_json_form(n) for n in node]
    if not isinstance(node, dict):
        return node
    kind = node.get("type")
    if kind == "default":
        return _json_form(node["schema"])
    if kind == "dataclass":
        args = node["schema"]
        return {
            "type": "typed-dict",
            "fields": {
                f["name"]: {
                    "type": "typed-dict-field",
                    "schema": _json_form(f["schema"]),
                    "required": True,
                }
                for f in args["fields"]
            },
            "config": {"extra_fields_behavior": node["config"]["extra_fields_behavior"]},
            "ref": _REF_ID.sub("", node["ref"]),
        }
    out = {}
    for key, value in node.items():
        if key == "metadata":
            continue
        if key in ("ref", "schema_ref"):
            value = _REF_ID.sub("", value)
        out[key] = _json_form(value)
    return out


def output_core_schema() -> dict[str, Any]:
    """The core schema every plan JSON is checked against (stored by
    scripts/make_output_schema.py as models/plan-output.core-schema.json)."""
    return _json_form(plan_adapter().core_schema)


def output_core_schema_text() -> str:
    """`output_core_schema` as the stored file's text."""
    return json.dumps(output_core_schema(), indent=1, ensure_ascii=False) + "\n"
