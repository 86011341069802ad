"""Zone styles of the third review (tests/zone_styles.py): the real samples rewritten the
way other coordinators' Word or exporter writes the same template, compared with the
extraction of the sample itself on goals, actions, fields, list items, boxes and pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ELZOH_TXT, KEMP_TXT
from zone_styles import action_facts as _facts
from zone_styles import goal_facts as _goals
from zone_styles import items as _items
from zone_styles import styled

from planextract.models.plan import Plan
from planextract.pipeline import extract_file

SAMPLES = {"elzoh": ELZOH_TXT, "kemp": KEMP_TXT}


def _plan(tmp_path: Path, name: str, style: str) -> Plan:
    path = tmp_path / f"{name}-{style}.txt"
    path.write_text(styled(name, style), "utf-8")
    return extract_file(path, enrich=False).plan


def _original(name: str) -> Plan:
    return extract_file(SAMPLES[name], enrich=False).plan


@pytest.mark.parametrize("name", ["elzoh", "kemp"])
@pytest.mark.parametrize("style", ["bold_labels", "bold_headings", "bold_all"])
def test_markdown_bold_labels_and_headings(tmp_path: Path, name: str, style: str) -> None:
    """'**Wat?**', '**Strategische doelstelling 1 – … van' / 'goed bestuur**': a Word-to-
    Markdown export's bold marks are layout; every label, heading and answer as in the
    sample."""
    plan, original = _plan(tmp_path, name, style), _original(name)
    assert _goals(plan) == _goals(original)
    assert _facts(plan) == _facts(original)
    assert plan.unknown_labels == []
    assert not any("**" in sd.title for sd in plan.strategic_goals)


@pytest.mark.parametrize("name", ["elzoh", "kemp"])
def test_heading_page_number_at_the_right(tmp_path: Path, name: str) -> None:
    """'… goed bestuur<TAB>3': a heading printing its page number is a heading (no table of
    contents, no running footer), its title without the number, pages as in the sample."""
    plan, original = _plan(tmp_path, name, "heading_page_number"), _original(name)
    assert _goals(plan) == _goals(original)
    assert _facts(plan) == _facts(original)
    titles = [od.title for sd in plan.strategic_goals for od in sd.operational_goals]
    if name == "kemp":
        assert (
            plan.strategic_goals[0].title
            == "ELZ Kemp en Duin handelt naar de principes van goed bestuur"
        )
        assert (
            "Het (re)organiseren van de AV, BO en DB om de werking van de ELZ te verbeteren"
            in titles
        )
    else:
        assert plan.strategic_goals[0].title == "ELZOH komt tot goed bestuur"
    assert not any(s.title.lower().startswith(("inhoud", "inhoudstafel")) for s in plan.sections)


def test_action_number_alone_is_no_running_footer(tmp_path: Path) -> None:
    """'Actie 1:' … 'Actie 13:' on their own lines above the titles rise like page numbers,
    but are the forms' headings: the pages come from the page marks as in the sample, and
    the printed numbers are kept."""
    plan, original = _plan(tmp_path, "kemp", "action_word_alone"), _original("kemp")
    assert _facts(plan) == _facts(original)
    assert [a.number for a in plan.actions()] == [
        str(k) for k in range(1, len(original.actions()) + 1)
    ]
    assert plan.actions()[0].title.startswith(
        "ELZ Kemp en Duin denkt na over hoe er op de vergaderingen"
    )


@pytest.mark.parametrize("name", ["elzoh", "kemp"])
@pytest.mark.parametrize(
    "style",
    ["numbered_items", "paren_numbered_items", "marker_circle", "marker_middot", "marker_check"],
)
def test_list_markers_of_other_writers(tmp_path: Path, name: str, style: str) -> None:
    """'1.', '1)', '○', '·', '✓' where the sample has '-' or '•': the same items at the same
    levels (the sample's 'o' sub-items stay under them); a tick before an evaluation type
    is still its box."""
    plan, original = _plan(tmp_path, name, style), _original(name)
    assert _facts(plan) == _facts(original)


@pytest.mark.parametrize("name", ["elzoh", "kemp"])
@pytest.mark.parametrize("style", ["lettered_items", "roman_items"])
def test_lists_that_start_at_a_sub_level_marker(tmp_path: Path, name: str, style: str) -> None:
    """'a)', 'b)' or 'i.', 'ii.' as a list's own markers: first-level items, not sub-items
    of nothing; the sample's 'o' sub-items under them stay sub-items."""
    plan, original = _plan(tmp_path, name, style), _original(name)
    first = plan.actions()[0]
    sample_first = original.actions()[0]
    assert first.how is not None and sample_first.how is not None
    assert _items(first.how.steps) == _items(sample_first.how.steps)
    assert all(i.level == 1 for i in first.how.steps)
    # every item text of the sample is there, and a sample sub-item is a sub-item still
    for a, b in zip(plan.actions(), original.actions(), strict=True):
        for got, want in (
            (a.how and a.how.steps, b.how and b.how.steps),
            (a.what and a.what.do, b.what and b.what.do),
        ):
            assert [i.text for i in got or []] == [i.text for i in want or []]
            subs = [i.text for i in want or [] if i.level == 2]
            assert all(i.level == 2 for i in got or [] if i.text in subs)


@pytest.mark.parametrize("name", ["elzoh", "kemp"])
def test_wingdings_square_as_windows_1252_text(tmp_path: Path, name: str) -> None:
    """'§ item': Word's Wingdings square bullet saved as Windows-1252 text; the items as in
    the sample but for an item that starts with a number ('§ 2 huisartsenpraktijken …'
    reads as a paragraph reference, kept as text of the item list)."""
    plan, original = _plan(tmp_path, name, "marker_section"), _original(name)
    for a, b in zip(plan.actions(), original.actions(), strict=True):
        assert a.title == b.title
        assert (
            a.for_whom is None
            or b.for_whom is None
            or len(a.for_whom.target_groups) == len(b.for_whom.target_groups)
        )
    first = plan.actions()[0]
    assert first.how is not None and original.actions()[0].how is not None
    assert [i.text for i in first.how.steps] == [i.text for i in original.actions()[0].how.steps]
    assert {i.marker for i in first.how.steps} == {"§"}


@pytest.mark.parametrize("name", ["elzoh", "kemp"])
def test_strategic_goal_without_operational_goals(tmp_path: Path, name: str) -> None:
    """No OD heading between an SD and its actions: every form's action keeps its title
    (the paragraph right above 'Wat?' under the SD heading) and all its fields, under the
    SD it stands under."""
    plan, original = _plan(tmp_path, name, "remove_od_headings"), _original(name)
    assert [sd.number for sd in plan.strategic_goals] == [
        sd.number for sd in original.strategic_goals
    ]
    assert all(od.number is None for sd in plan.strategic_goals for od in sd.operational_goals)
    want = {f[1]: f[2:] for f in _facts(original) if f[2] == "template"}
    got = {f[1]: f[2:] for f in _facts(plan) if f[2] == "template"}
    assert got == want
    if name == "elzoh":
        first = plan.strategic_goals[0].operational_goals[0].actions[0]
        assert first.title == (
            "ELZOH inventariseert en zet verdere stappen naar optimalisatie van de IT workflow"
        )


def test_action_codes_a1(tmp_path: Path) -> None:
    """'A1. ELZ Kemp en Duin denkt na …', 'A2. …': an action code before the title is the
    action's printed number, not a word of its title."""
    plan, original = _plan(tmp_path, "kemp", "action_prefix_a"), _original("kemp")
    assert _facts(plan) == _facts(original)
    assert [a.number for a in plan.actions()] == [
        f"A{k}" for k in range(1, len(original.actions()) + 1)
    ]


@pytest.mark.parametrize("name", ["elzoh", "kemp"])
@pytest.mark.parametrize("style", ["bare_label_tab_answer", "part_answer_after_tab"])
def test_form_row_cells_separated_by_a_tab(tmp_path: Path, name: str, style: str) -> None:
    """A Word table exported to text: 'Waarom<TAB>We merken dat …' (label without its '?',
    prompts deleted) and 'Doelgroep(en)<TAB>Bestuurders, stafmedewerkers …': the tab ends
    the label's or sub-part's cell, the rest of the line is the answer's first line."""
    plan, original = _plan(tmp_path, name, style), _original(name)
    assert _goals(plan) == _goals(original)
    assert _facts(plan) == _facts(original)
    assert plan.unknown_labels == []
    if name == "elzoh":
        first = plan.actions()[0]
        assert first.for_whom is not None
        assert [g.text for g in first.for_whom.target_groups] == [
            "Bestuurders, stafmedewerkers en uiteindelijk onze leden."
        ]


def _boxes_of(plan: Plan) -> list[list[tuple]]:
    return [
        [
            (t, e.selected, [c.text for c in e.criteria])
            for t in ("process", "output", "outcome")
            if (e := getattr(a.evaluation, t)) is not None
        ]
        for a in plan.actions()
        if a.evaluation is not None
    ]


@pytest.mark.parametrize("name", ["elzoh", "kemp"])
@pytest.mark.parametrize("style", ["wingdings_boxes_cp1252", "wingdings_boxes_x"])
def test_wingdings_check_boxes(tmp_path: Path, name: str, style: str) -> None:
    """Word's Wingdings boxes in a text export: 'þ'/'ý' and '¨' (the font's codes read as
    Windows-1252 letters): the same ticked and empty types as '☒'/'☐'."""
    plan, original = _plan(tmp_path, name, style), _original(name)
    assert _boxes_of(plan) == _boxes_of(original)
    assert _facts(plan) == _facts(original)


def test_wingdings_boxes_in_a_windows_1252_file(tmp_path: Path) -> None:
    """The Kemp en Duin plan saved as Windows-1252 bytes (CR LF) with its boxes as Word's
    Wingdings codes ('þ' ticked, '¨' empty): read as cp1252, every box as in the sample."""
    path = tmp_path / "kemp-cp1252.txt"
    text = styled("kemp", "wingdings_boxes_cp1252").replace("\n", "\r\n")
    path.write_bytes(text.encode("cp1252"))
    plan, original = extract_file(path, enrich=False).plan, _original("kemp")
    assert plan.source.encoding == "cp1252"
    assert _boxes_of(plan) == _boxes_of(original)
    assert _facts(plan) == _facts(original)
    first = plan.actions()[0].evaluation
    assert first is not None and first.process is not None and first.output is not None
    assert (first.process.selected, first.output.selected) == (False, True)
