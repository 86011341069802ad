"""Quality findings and completeness on the real plans and on variants made from them.

Every expected finding below was checked against the document (samples/*.txt): the
heading numbers, the checkbox glyphs and the form prompts as printed.
"""

from __future__ import annotations

from collections import Counter
from copy import deepcopy
from pathlib import Path

import pytest
from variants import cut, keep_only, replace_within, sample_text, write_variant

from planextract.models.contract import plan_from_json
from planextract.models.plan import Finding, Plan
from planextract.pipeline import Result, extract_file, plan_to_json
from planextract.quality.assess import assess

Key = tuple[str, str | None, str | None]

# Markers in the Kemp en Duin export (lines 334-441: action 1.1-1; 446-567: action 2.1-1).
KEMP_1 = "Actie: ELZ Kemp en Duin denkt na"
KEMP_2 = "Operationele doelstelling 2.1 –"
KEMP_SD2 = " Strategische doelstelling 2 –"


def keys(findings: list[Finding]) -> Counter[Key]:
    return Counter((f.code, f.action_id, f.field) for f in findings)


def by_code(plan: Plan, code: str) -> list[Finding]:
    return [f for f in plan.quality.findings if f.code == code]


def changes(tmp: Path, name: str, text: str, original: Plan) -> tuple[list[Key], list[Key]]:
    """(findings added, findings gone) in a variant compared with the original plan."""
    variant = extract_file(write_variant(tmp, name, text)).plan
    new, old = keys(variant.quality.findings), keys(original.quality.findings)
    return sorted((new - old).elements()), sorted((old - new).elements())


# -- the real plans --------------------------------------------------------------------


def test_kemp_findings(kemp: Plan) -> None:
    assert keys(kemp.quality.findings) == Counter(
        {
            ("goal.sd_number_reused", None, None): 1,  # SD 2 with two titles (p. 13, 17)
            ("goal.od_number_reused", None, None): 1,  # OD 4.5 with three titles
            ("goal.heading_repeated", None, None): 3,  # SD 2, 4 and 5 before every action
            ("goal.number_gap", None, None): 3,  # SD 3; OD 4.3-4.4; OD 5.2-5.3
            ("goal.number_order", None, None): 1,  # OD 4.2 after 4.5
            ("evaluation.criteria_unselected", "4.5c-1", "evaluation.outcome"): 1,
            ("pages.uncertain", None, None): 1,
            # Timeline (lines 53-322). Column 'Bekendmaking Sociale Kaart…' shares few words
            # with its action's title 'Het stimuleren van registratie op de Sociale Kaart'.
            ("timeline.link_uncertain", "4.1-1", None): 1,
            # Milestones that no cell of the action's column repeats: 1.1-1's 'Onderzoek
            # naar expertise…' (January says 'Bepalen of expertise aanwezig…'), 2.3-1's
            # 'Contacteren van bestaande overlegfora…' (March's cell names the fora only
            # after its first step), 4.1-1's three sentences about the whole year. 5.1-1's
            # milestones dated 2024 are not expected in the 2025 timeline.
            ("timeline.milestone_unscheduled", "1.1-1", "how.milestones"): 1,
            ("timeline.milestone_unscheduled", "2.3-1", "how.milestones"): 1,
            ("timeline.milestone_unscheduled", "4.1-1", "how.milestones"): 1,
            # The text export drops empty cells: 5 + 3 cells placed with doubt.
            ("timeline.cells_uncertain", None, None): 2,
        }
    )
    sociale_kaart = by_code(kemp, "timeline.milestone_unscheduled")[2]
    assert sociale_kaart.message.startswith("De mijlpalen ‘Het stimuleren van registratie")
    assert [f.pages for f in by_code(kemp, "timeline.cells_uncertain")] == [[9], [10]]
    assert "van 5 cel(len)" in by_code(kemp, "timeline.cells_uncertain")[0].message
    gaps = [f.message for f in by_code(kemp, "goal.number_gap")]
    assert gaps == [
        "In de nummering van de strategische doelstellingen ontbreekt 3 (gevonden: 1, 2, 2, 4, 5).",
        "In de nummering van de operationele doelstellingen onder strategische doelstelling 4 "
        "ontbreken 4.3–4.4 (gevonden: 4.1, 4.5, 4.5, 4.2, 4.5).",
        "In de nummering van de operationele doelstellingen onder strategische doelstelling 5 "
        "ontbreken 5.2–5.3 (gevonden: 5.1, 5.4, 5.5).",
    ]
    assert by_code(kemp, "goal.number_gap")[0].pages == [19, 21, 24]  # where SD 4 stands
    (order,) = by_code(kemp, "goal.number_order")
    assert (
        order.message == "Operationele doelstelling 4.2 staat na 4.5; de nummering loopt niet op."
    )
    (sd2,) = by_code(kemp, "goal.sd_number_reused")
    assert sd2.pages == [13, 15, 17]
    (unticked,) = by_code(kemp, "evaluation.criteria_unselected")
    assert unticked.severity == "warning"
    assert "‘Impact evaluatie (Outcome)’" in unticked.message
    assert "‘Te bepalen per interventie’" in unticked.message


def test_kemp_is_complete(kemp: Plan) -> None:
    """Every Kemp en Duin action fills in every part of its form (13 elements each)."""
    q = kemp.quality
    assert q.completeness == 100.0
    assert [(a.action_id, a.filled, a.expected) for a in q.actions][:2] == [
        ("1.1-1", 13, 13),
        ("2.1-1", 13, 13),
    ]
    assert all(a.missing == [] for a in q.actions)
    assert q.not_on_form == []
    assert q.counts.error == 0 and q.counts.warning == 4 and q.counts.info == 13
    assert q.codes["goal.number_gap"] == 3


def test_elzoh_findings(elzoh: Plan) -> None:
    assert keys(elzoh.quality.findings) == Counter(
        {
            # The forms of 1.1-1 (p. 7) and 2.1-2 (p. 18) only have '1) Wat ga je wel doen?'.
            ("part.missing", "1.1-1", "what.dont"): 1,
            ("part.missing", "2.1-2", "what.dont"): 1,
            # Four actions written as free text, without the form.
            ("action.not_template", "1.1-2", None): 1,
            ("action.not_template", "3.2-1", None): 1,
            ("action.not_template", "3.3-1", None): 1,
            ("action.not_template", "3.3-2", None): 1,
            ("pages.uncertain", None, None): 1,
            # 'Tijdslijn' (p. 6) only says 'zie Bijlage I'; the annex is a picture.
            ("timeline.unreadable", None, None): 1,
        }
    )
    (timeline,) = by_code(elzoh, "timeline.unreadable")
    assert timeline.pages == [6] and "verwijst naar Bijlage I" in timeline.message
    first = by_code(elzoh, "part.missing")[0]
    assert first.pages == [7]
    assert "‘Wat ga je niet doen?’" in first.message
    assert by_code(elzoh, "action.not_template")[0].pages == [9]


def test_elzoh_form_without_milestones_or_impact_is_not_a_finding(elzoh: Plan) -> None:
    q = elzoh.quality
    assert "how.milestones" in q.not_on_form and "evaluation.outcome" in q.not_on_form
    assert not any(f.field in ("how.milestones", "evaluation.outcome") for f in q.findings)


def test_elzoh_completeness(elzoh: Plan) -> None:
    """ELZOH's form has 12 elements (no milestones). 1.1-1 and 2.1-2 miss 'niet doen';
    the four free-text actions fill nothing: (7 x 12 - 2) / (11 x 12) = 62.1 %."""
    q = elzoh.quality
    scores = {a.action_id: a for a in q.actions}
    assert scores["1.1-1"].completeness == 91.7 and scores["1.1-1"].missing == ["what.dont"]
    assert scores["1.2-1"].completeness == 100.0
    assert scores["3.2-1"].completeness == 0.0 and scores["3.2-1"].expected == 12
    assert q.completeness == 62.1


def test_quality_is_recomputed_identically_from_json(kemp: Plan) -> None:
    again = plan_from_json(plan_to_json(kemp))
    assert assess(again) == kemp.quality


# -- variants: one defect each, flagged exactly once at the right action -----------------


def test_deleted_field(tmp_path: Path, kemp: Plan) -> None:
    text = cut(sample_text("kemp"), "Waarom? \n", "Voor wie? \n", after=KEMP_1)
    added, gone = changes(tmp_path, "kemp.txt", text, kemp)
    assert added == [("field.missing", "1.1-1", "why")] and gone == []


def test_answer_only_a_slash(tmp_path: Path, kemp: Plan) -> None:
    text = keep_only(
        sample_text("kemp"),
        "Waarom? \n",
        "Voor wie? \n",
        "Waarom? \n\nWaarom deze actie? Waarom deze actie nu? \n/ \n\n",
        after=KEMP_1,
    )
    added, gone = changes(tmp_path, "kemp.txt", text, kemp)
    assert added == [("field.empty", "1.1-1", "why")] and gone == []


def test_removed_evaluation_block(tmp_path: Path, kemp: Plan) -> None:
    text = cut(sample_text("kemp"), "Evaluatie \n", KEMP_SD2, after=KEMP_1)
    added, gone = changes(tmp_path, "kemp.txt", text, kemp)
    assert added == [("field.missing", "1.1-1", "evaluation")] and gone == []


def test_removed_evaluation_type(tmp_path: Path, kemp: Plan) -> None:
    text = cut(sample_text("kemp"), "☐ Procesevaluatie", "☒ Resultaatgerichte", after=KEMP_1)
    added, gone = changes(tmp_path, "kemp.txt", text, kemp)
    assert added == [("evaluation.type_missing", "1.1-1", "evaluation.process")] and gone == []


def test_all_boxes_unticked(tmp_path: Path, kemp: Plan) -> None:
    text = replace_within(sample_text("kemp"), "☒", "☐", "Evaluatie", KEMP_SD2, after=KEMP_2)
    variant = extract_file(write_variant(tmp_path, "kemp.txt", text)).plan
    added, gone = changes(tmp_path, "kemp.txt", text, kemp)
    assert added == [("evaluation.none_selected", "2.1-1", "evaluation")] and gone == []
    (finding,) = by_code(variant, "evaluation.none_selected")
    assert finding.severity == "error"
    assert finding.pages == [14]
    assert "Er staan wel criteria bij ‘Procesevaluatie’, ‘Resultaatgerichte" in finding.message
    score = next(a for a in variant.quality.actions if a.action_id == "2.1-1")
    assert score.missing == ["evaluation.selected", "evaluation.criteria"]


def test_ticked_box_without_criteria(tmp_path: Path, kemp: Plan) -> None:
    text = cut(sample_text("kemp"), "- Er is minstens één methodiek", "☒ Impact", after=KEMP_1)
    added, gone = changes(tmp_path, "kemp.txt", text, kemp)
    assert added == [("evaluation.criteria_missing", "1.1-1", "evaluation.output")] and gone == []


@pytest.mark.parametrize("sample", ["kemp", "elzoh"])
def test_empty_how(tmp_path: Path, sample: str, kemp: Plan, elzoh: Plan) -> None:
    """Only the label and the prompts left; for Kemp en Duin also the (now empty)
    milestones part, which is not reported a second time."""
    prompt = "Hoe? \n\nGeef een beknopt plan hoe deze actie gaat worden opgezet of aangepakt. \n\n"
    if sample == "kemp":
        keep = prompt + "Vermeld hier ook de mijlpalen (link naar tijdslijn) \n\n"
        text = keep_only(sample_text("kemp"), "Hoe? \n", "Evaluatie \n", keep, after=KEMP_1)
        expected, original = ("1.1-1", kemp)
    else:
        after = "ELZOH inventariseert en zet verdere stappen"
        text = keep_only(sample_text("elzoh"), "Hoe? \n", "Evaluatie \n", prompt, after=after)
        expected, original = ("1.1-1", elzoh)
    added, gone = changes(tmp_path, f"{sample}.txt", text, original)
    if sample == "elzoh":
        assert added == [("field.empty", expected, "how")] and gone == []
        return
    # Kemp en Duin's 1.1-1 loses its milestones too: its unscheduled milestone goes, and its
    # timeline column, now compared with the title alone, is linked with doubt.
    assert added == [("field.empty", "1.1-1", "how"), ("timeline.link_uncertain", "1.1-1", None)]
    assert gone == [("timeline.milestone_unscheduled", "1.1-1", "how.milestones")]


def test_missing_and_empty_parts(tmp_path: Path, kemp: Plan) -> None:
    text = sample_text("kemp")
    text = cut(text, "2) Wat ga je niet doen?", "Waarom? \n", after=KEMP_2)
    text = keep_only(
        text,
        "Vermeld hier ook de mijlpalen",
        "Evaluatie \n",
        "Vermeld hier ook de mijlpalen (link naar tijdslijn) \n\n",
        after=KEMP_1,
    )
    added, gone = changes(tmp_path, "kemp.txt", text, kemp)
    assert added == [
        ("part.empty", "1.1-1", "how.milestones"),
        ("part.missing", "2.1-1", "what.dont"),
    ]
    # 1.1-1 has no milestones left, so none of them is unscheduled.
    assert gone == [("timeline.milestone_unscheduled", "1.1-1", "how.milestones")]


def test_od_number_under_the_wrong_sd(tmp_path: Path) -> None:
    text = sample_text("elzoh").replace(
        "Operationele doelstelling 2.1", "Operationele doelstelling 3.1", 1
    )
    plan = extract_file(write_variant(tmp_path, "elzoh.txt", text)).plan
    (finding,) = by_code(plan, "goal.od_number_mismatch")
    assert finding.message == (
        "Operationele doelstelling 3.1 staat onder strategische doelstelling 2; volgens het "
        "nummer hoort ze bij strategische doelstelling 3."
    )
    assert finding.pages == [16]


def test_page_without_text_layer(elzoh_pdf_result: Result) -> None:
    """The ELZOH sample PDF's annex 'BIJLAGE I' is two pictures (pages 21-22)."""
    found = [f for f in elzoh_pdf_result.plan.quality.findings if f.code == "pages.no_text"]
    assert [f.pages for f in found] == [[21], [22]]
    assert found[0].message.startswith("Pagina 21 heeft geen tekstlaag (afbeelding(en) over")
    assert {f.severity for f in found} == {"warning"}


# -- timeline variants -------------------------------------------------------------------


def test_timeline_table_removed(tmp_path: Path, kemp: Plan) -> None:
    """Only the 'Tijdslijn' heading left: the section has no text, perhaps a picture."""
    text = cut(sample_text("kemp"), "Maand Zoeken naar evenwicht", " Acties 2025")
    variant = extract_file(write_variant(tmp_path, "kemp.txt", text)).plan
    added, gone = changes(tmp_path, "kemp.txt", text, kemp)
    assert added == [("timeline.unreadable", None, None)]
    # Nothing to compare with: the link, milestone and cell findings go with the table.
    assert {code for code, *_ in gone} == {
        "timeline.link_uncertain",
        "timeline.milestone_unscheduled",
        "timeline.cells_uncertain",
    }
    (finding,) = by_code(variant, "timeline.unreadable")
    assert finding.message.startswith("De sectie ‘Tijdslijn’ bevat geen tekst")


def test_timeline_section_missing(tmp_path: Path, kemp: Plan) -> None:
    text = cut(sample_text("kemp"), " Tijdslijn \n", " Acties 2025")
    variant = extract_file(write_variant(tmp_path, "kemp.txt", text)).plan
    (finding,) = by_code(variant, "timeline.missing")
    assert finding.severity == "warning"
    assert finding.message.startswith("Het plan heeft geen sectie ‘Tijdslijn’.")


def test_action_without_timeline_column(tmp_path: Path, kemp: Plan) -> None:
    """Action 5.1-1 (traumasensitief werken) deleted from the plan: its timeline column
    'Stimuleren van traumasensitief werken' belongs to no action any more."""
    text = cut(
        sample_text("kemp"),
        "Operationele doelstelling 5.1 –",
        "Operationele doelstelling 5.4 –",
    )
    variant = extract_file(write_variant(tmp_path, "kemp.txt", text)).plan
    (unlinked,) = by_code(variant, "timeline.column_unlinked")
    assert "‘Stimuleren van traumasensitief werken’" in unlinked.message
    assert unlinked.pages == [10]
    assert by_code(variant, "timeline.action_unscheduled") == []


def test_template_action_in_no_column(kemp: Plan) -> None:
    """The check on a timeline whose column for 5.1-1 was not linked (the linking itself is
    tested in test_timeline.py): the action keeps its form, no column schedules it."""
    plan = deepcopy(kemp)
    assert plan.timeline is not None
    column = plan.timeline.tables[1].columns[3]
    assert column.action_id == "5.1-1"
    column.action_id = None
    plan.timeline.actions_without_column = ["5.1-1"]
    (finding,) = [f for f in assess(plan).findings if f.code == "timeline.action_unscheduled"]
    assert (finding.action_id, finding.message) == (
        "5.1-1",
        "Deze actie heeft geen kolom in de tijdslijn.",
    )
