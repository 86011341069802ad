"""The JSON contract: deterministic, valid against the published schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from conftest import ELZOH_TXT, KEMP_TXT

from planextract.models.contract import plan_from_json
from planextract.output import schema_json
from planextract.pipeline import extract_file, plan_to_json

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "schema" / "plan-1.0.schema.json"


@pytest.mark.parametrize("path", [ELZOH_TXT, KEMP_TXT], ids=["elzoh", "kemp"])
def test_same_input_gives_byte_identical_json(path: Path) -> None:
    assert plan_to_json(extract_file(path).plan) == plan_to_json(extract_file(path).plan)


@pytest.mark.parametrize("path", [ELZOH_TXT, KEMP_TXT], ids=["elzoh", "kemp"])
def test_json_validates_against_schema(path: Path) -> None:
    data = json.loads(plan_to_json(extract_file(path).plan))
    jsonschema.validate(data, json.loads(schema_json()))
    assert data["schema_version"] == "1.0"
    assert data["source"]["format"] == "text"
    assert data["source"]["file"] == path.name


def test_published_schema_is_current() -> None:
    """schema/plan-1.0.schema.json is what `planextract schema` prints."""
    assert SCHEMA_FILE.read_text("utf-8") == schema_json()


def test_contract_keys_present(tmp_path: Path) -> None:
    data = json.loads(plan_to_json(extract_file(KEMP_TXT).plan))
    assert {
        "schema_version",
        "source",
        "organisation",
        "year",
        "title",
        "sections",
        "strategic_goals",
        "timeline",
        "quality",
    } <= data.keys()
    action = data["strategic_goals"][0]["operational_goals"][0]["actions"][0]
    assert {
        "id",
        "title",
        "kind",
        "pages",
        "what",
        "why",
        "for_whom",
        "with_whom",
        "how",
        "evaluation",
        "text",
    } <= action.keys()
    assert {"text", "do", "dont"} <= action["what"].keys()
    assert {"text", "lead", "council_role", "stakeholders"} <= action["with_whom"].keys()
    assert {"text", "steps", "milestones"} <= action["how"].keys()
    assert {"selected", "text", "criteria"} <= action["evaluation"]["output"].keys()


def test_written_files_get_the_usual_permissions(tmp_path: Path) -> None:
    """Not the owner-only mode 0600 of the temporary file they are written through."""
    from planextract.export.writers import Export, write_tables
    from planextract.output import FILE_MODE, write_atomic

    if FILE_MODE == 0o600:
        pytest.skip("umask 077: the usual mode is the temporary file's mode")
    path = tmp_path / "a.json"
    write_atomic(path, "{}\n")
    db = tmp_path / "plans.db"
    write_tables(Export(), sqlite_file=db)
    assert path.stat().st_mode & 0o777 == db.stat().st_mode & 0o777 == FILE_MODE


def test_empty_provenance_is_left_out(kemp_result: object, kemp_pdf_result: object) -> None:
    """A text export has no PDF boxes: no `boxes: []` on every item; a value with known pages
    has no `page_range: null`. Read back, the plan is the same."""

    text = plan_to_json(kemp_result.plan)  # type: ignore[attr-defined]
    assert '"boxes": []' not in text and '"page_range": null' not in text
    assert '"page_range": {' in text  # 4.2-1 and the others between unmatched footers
    assert plan_from_json(text) == kemp_result.plan  # type: ignore[attr-defined]
    pdf = json.loads(plan_to_json(kemp_pdf_result.plan))  # type: ignore[attr-defined]
    first = pdf["strategic_goals"][0]["operational_goals"][0]["actions"][0]
    assert first["boxes"] and first["boxes"][0]["page"] == first["pages"][0]


def test_zone_key_in_the_json(elzoh_result: object, kemp_result: object) -> None:
    assert json.loads(plan_to_json(elzoh_result.plan))["zone_key"] == "zuidoost-hageland"  # type: ignore[attr-defined]
    assert json.loads(plan_to_json(kemp_result.plan))["zone_key"] == "kemp-en-duin"  # type: ignore[attr-defined]
