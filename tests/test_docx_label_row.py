"""A form turned a quarter: the labels (Wat? Waarom? ... Evaluatie) in the first row of the
table, each answer in the cell below its label, as some coordinators lay out the template.
Read column by column (each label, then its answer), the plan is that of the 2-column
form. The coordinators of these variants also deleted the grey prompt that opens each
answer, so the labels, not the prompts, must place the answers.

Variants: tests/docx_zone_styles.py ('first-prompts-deleted', then 'labels-in-first-row').
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import texts
from docx_zone_styles import write_variant
from test_pdf_parity import contract

from planextract.extract.limits import Limits
from planextract.extract.read_docx import read_docx
from planextract.models.plan import Plan
from planextract.pipeline import extract_file
from planextract.rules.profile import load_profile

LABELS = ["Wat?", "Waarom?", "Voor wie?", "Met wie?", "Hoe?", "Evaluatie"]


@pytest.fixture(scope="module")
def variants(elzoh_docx: Path, kemp_docx: Path, tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("label_row")
    found = {}
    for name, sample in (("elzoh", elzoh_docx), ("kemp", kemp_docx)):
        for variant in ("first-prompts-deleted", "first-prompts-deleted+labels-in-first-row"):
            found[name, variant] = write_variant(sample, variant, out)
    return found


@pytest.mark.parametrize("name", ["elzoh", "kemp"])
def test_labels_in_the_first_row_give_the_plan_of_the_form(name: str, variants) -> None:
    rows = extract_file(variants[name, "first-prompts-deleted+labels-in-first-row"], enrich=False)
    columns = extract_file(variants[name, "first-prompts-deleted"], enrich=False)
    assert contract(rows.plan) == contract(columns.plan)
    assert len(rows.plan.actions()) == len(columns.plan.actions())
    assert [a.pages for a in rows.plan.actions()] == [a.pages for a in columns.plan.actions()]


def test_each_label_is_followed_by_its_own_answer(variants) -> None:
    path = variants["kemp", "first-prompts-deleted+labels-in-first-row"]
    doc = read_docx(path, load_profile(), Limits())
    lines = [line for line in doc.lines if line.text]
    labels = [k for k, line in enumerate(lines) if line.hint == "label"]
    assert [lines[k].text for k in labels[:6]] == LABELS
    # the first action's answers: each right after its label (samples/kemp...txt)
    first = labels[0]
    assert lines[first + 1].text.startswith(
        "ELZ Kemp en Duin wil efficiënte en effectieve vergaderingen organiseren"
    )
    assert lines[labels[1] + 1].text.startswith("We merken dat bestuursleden")


@pytest.fixture(scope="module")
def kemp_plan(kemp_docx: Path) -> Plan:
    return extract_file(kemp_docx, enrich=False).plan


def test_kemp_first_action_fields(variants, kemp_plan: Plan) -> None:
    plan: Plan = extract_file(
        variants["kemp", "first-prompts-deleted+labels-in-first-row"], enrich=False
    ).plan
    action = plan.actions()[0]
    assert action.title.startswith("ELZ Kemp en Duin denkt na over hoe er op de vergaderingen")
    assert texts(action.what.do) == [
        "Zoeken naar methodiek(en) die effectief zijn om een evenwicht te vinden tussen "
        "informeren en participeren",
        "Implementeren van methodiek(en)",
    ]
    assert texts(action.what.dont) == ["Samenstelling BO aanpassen /veranderen"]
    assert texts(action.for_whom.target_groups) == [
        "Bestuursleden ELZ Kemp en Duin",
        "Leden van de algemene vergadering ELZ Kemp en Duin",
    ]
    original = kemp_plan.actions()[0]
    assert action.evaluation == original.evaluation
    assert action.how == original.how and action.with_whom == original.with_whom


def test_the_timeline_stays_row_by_row(variants, kemp_plan: Plan) -> None:
    """The Tijdslijn tables (a bold first row too, but a row per month) are no forms."""
    plan = extract_file(
        variants["kemp", "first-prompts-deleted+labels-in-first-row"], enrich=False
    ).plan
    assert plan.timeline is not None and plan.timeline.tables
    assert plan.timeline == kemp_plan.timeline
