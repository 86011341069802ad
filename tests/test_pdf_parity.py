"""PDF and text export of the same plan give the same contract, pages aside.

The whole Plan is compared (sections, goals, actions, every field and sub-part, list
items, checkbox states) after dropping what only one format can know: page numbers and
boxes, the source block and the line accounting. Differences that are inherent to the
text export are taken out one by one below, each with its reason; nothing else is
allowed to differ.
"""

from __future__ import annotations

from typing import Any

import pytest

from planextract.models.check import plan_data
from planextract.models.plan import Plan
from planextract.pipeline import Result

PROVENANCE = {"pages", "boxes", "page_range"}  # a PDF knows every page: no ranges
PER_FORMAT = {"source", "extraction", "quality"}  # quality is compared separately below
# Findings that only one format can raise: the text export loses page marks
# ('pages.uncertain') and empty timeline cells ('timeline.cells_uncertain'); only the PDF
# shows that a page is a picture ('pages.no_text'); only a Word file has reader notes
# ('source.note': approximate pages, stale checkbox glyphs).
FORMAT_FINDINGS = {"pages.uncertain", "timeline.cells_uncertain", "pages.no_text", "source.note"}


def without_keys(value: Any, keys: set[str]) -> Any:
    """A model dump with `keys` dropped at every level."""
    if isinstance(value, dict):
        return {k: without_keys(v, keys) for k, v in value.items() if k not in keys}
    if isinstance(value, list):
        return [without_keys(v, keys) for v in value]
    return value


def contract(plan: Plan) -> dict[str, Any]:
    data = without_keys(plan_data(plan), PROVENANCE)
    return {k: v for k, v in data.items() if k not in PER_FORMAT}


def findings(plan: Plan) -> list[tuple[str, str, str | None, str | None]]:
    return [
        (f.code, f.message, f.action_id, f.field)
        for f in plan.quality.findings
        if f.code not in FORMAT_FINDINGS
    ]


def test_elzoh_pdf_equals_text_export(elzoh_result: Result, elzoh_pdf_result: Result) -> None:
    text, pdf = elzoh_result.plan, elzoh_pdf_result.plan
    assert contract(pdf) == contract(text)
    assert findings(pdf) == findings(text)


# How a timeline cell was read: a ruled PDF cell is certain, a flattened text cell is
# placed by alignment with a confidence; the line numbers are those of each input.
HOW_READ = {"lines", "source", "confidence", "uncertain", "alternative_column", "stats"}


def assert_same_plan(plan: Plan, other: Plan) -> None:
    """The same contract and findings; the timeline compared on what it says (titles,
    links, months, cells, milestone links), not on how each cell was read."""
    a, b = contract(plan), contract(other)
    timeline_a, timeline_b = a.pop("timeline"), b.pop("timeline")
    assert without_keys(timeline_a, HOW_READ) == without_keys(timeline_b, HOW_READ)
    assert a == b
    assert findings(plan) == findings(other)


def test_kemp_pdf_equals_text_export(kemp_result: Result, kemp_pdf_result: Result) -> None:
    assert_same_plan(kemp_pdf_result.plan, kemp_result.plan)


@pytest.mark.parametrize("name", ["elzoh", "kemp"])
def test_pdf_knows_every_page(name: str, request: pytest.FixtureRequest) -> None:
    pdf: Plan = request.getfixturevalue(f"{name}_pdf_result").plan
    assert pdf.extraction.pages_uncertain_lines == 0
    assert pdf.source.format == "pdf" and pdf.source.pages
    for action in pdf.actions():
        assert action.pages, action.id
        assert action.pages == list(range(action.pages[0], action.pages[-1] + 1))
    assert pdf.extraction.coverage == 100.0
    assert pdf.unassigned == []
