"""Every input line is accounted for: noise, template, a value, or unassigned text."""

from __future__ import annotations

from pathlib import Path

from variants import replace_once, sample_text, write_variant

from planextract.models.plan import Plan
from planextract.pipeline import Result, extract_file


def test_full_coverage_of_both_plans(elzoh_result: Result, kemp_result: Result) -> None:
    for result in (elzoh_result, kemp_result):
        ext = result.plan.extraction
        assert ext.coverage == 100.0
        assert ext.lines_unassigned == 0
        assert ext.lines_total == len(result.document.lines)
        assert ext.lines_noise + ext.lines_template + ext.lines_content == ext.lines_total
        assert result.plan.unassigned == []


def test_every_content_line_has_one_owner(kemp_result: Result) -> None:
    doc = kemp_result.document
    owners = [line.owner for line in doc.lines if line.is_content]
    assert owners and all(owners)
    # Spot checks: a label, a sub-bullet and a checkbox line.
    by_no = {line.no: line for line in doc.lines}
    assert by_no[342].owner == "template"  # 'Wat?'
    assert by_no[533].owner == "actions:2.1-1.how.steps"  # 'o Beleidsplan ELZ …'
    assert by_no[560].owner == "template"  # '☒ Resultaatgerichte evaluatie (Output)'
    assert by_no[561].owner == "actions:2.1-1.evaluation.output"


def test_text_that_fits_nowhere_is_kept_and_reported(tmp_path: Path) -> None:
    # Move a paragraph of the plan between an SD heading and its OD heading: no template
    # part takes text there.
    text = sample_text("elzoh")
    text = replace_once(
        text,
        "netwerken \nOperationele doelstelling 2.1",
        "netwerken \n\nDe zorgraad kan het initiatief nemen om deze partners met elkaar te "
        "verbinden.\n\nOperationele doelstelling 2.1",
    )
    plan: Plan = extract_file(write_variant(tmp_path, "elzoh.txt", text)).plan
    assert [u.text for u in plan.unassigned] == [
        "De zorgraad kan het initiatief nemen om deze partners met elkaar te verbinden."
    ]
    assert plan.unassigned[0].pages == [16]
    assert plan.extraction.lines_unassigned == 1
    assert plan.extraction.coverage < 100.0
    findings = [f for f in plan.quality.findings if f.code == "text.unassigned"]
    assert len(findings) == 1 and findings[0].pages == [16]
    # Nothing else moved.
    assert len(plan.actions()) == 11
