"""Page numbers: from page-start marks and printed footers, never guessed."""

from __future__ import annotations

from pathlib import Path

from variants import sample_text, write_variant

from planextract.models.plan import Plan
from planextract.pipeline import extract_file


def test_pages_between_footers(elzoh: Plan, kemp: Plan) -> None:
    # Fixed by the footers 'Pagina 15/18/19 van 24' and 'Pagina 15/23 van 36'.
    assert elzoh.action("1.3-1").pages == [14, 15]
    assert elzoh.action("2.1-1").pages == [16, 17]
    assert elzoh.action("2.1-2").pages == [18, 19]
    assert kemp.action("2.2-1").pages == [15, 16]
    assert kemp.action("4.5-1").pages == [21, 22, 23]


def test_pages_of_fields(elzoh: Plan, kemp: Plan) -> None:
    # The 'Evaluatie' block of the events action is the only thing on page 19.
    events = elzoh.action("2.1-2")
    assert events.evaluation is not None and events.evaluation.pages == [19]
    assert events.how is not None and events.how.pages == [18]
    onderzoek = kemp.action("2.2-1")
    assert onderzoek.with_whom is not None and onderzoek.with_whom.pages == [15, 16]
    assert onderzoek.for_whom is not None and onderzoek.for_whom.pages == [15]
    assert [i.pages for i in onderzoek.with_whom.stakeholders or []] == [[16]] * 4


def test_pages_before_the_first_footer_are_counted_back(elzoh: Plan, kemp: Plan) -> None:
    assert elzoh.sections[0].title == "Inleiding" and elzoh.sections[0].pages == [4]
    assert elzoh.action("1.1-1").pages == [7, 8]
    assert kemp.action("1.1-1").pages == [11, 12]


def test_uncertain_pages_are_left_out(elzoh: Plan, kemp: Plan) -> None:
    # After the last footer of ELZOH the page marks outnumber the 24 pages: where a line's
    # page cannot be pinned down, no page is given rather than a wrong one.
    assert elzoh.action("3.2-1").pages == []
    assert elzoh.action("3.1-1").pages == [20]
    assert elzoh.extraction.pages_uncertain_lines > 0
    assert any(f.code == "pages.uncertain" for f in elzoh.quality.findings)
    for plan in (elzoh, kemp):
        assert plan.source.pages is not None
        for action in plan.actions():
            assert all(1 <= p <= plan.source.pages for p in action.pages)


def test_no_footers_means_no_pages(tmp_path: Path) -> None:
    text = "\n".join(line for line in sample_text("elzoh").split("\n") if "Pagina" not in line)
    plan = extract_file(write_variant(tmp_path, "elzoh.txt", text)).plan
    assert all(a.pages == [] for a in plan.actions())
    assert plan.source.pages is None


def test_unpinned_lines_get_the_range_they_must_lie_in(elzoh: Plan, kemp: Plan) -> None:
    """A value whose lines have no page gets the pages of the known lines around it."""
    # ELZOH: after the last footer ('Pagina 19 van 24', line 787) action 3.1-1 is pinned to
    # page 20; the free-text actions after it lie somewhere on pages 20-24 of 24.
    for action_id in ("3.2-1", "3.3-1", "3.3-2"):
        action = elzoh.action(action_id)
        assert action.pages == []
        assert action.page_range is not None and action.page_range.uncertain
        assert (action.page_range.first, action.page_range.last) == (20, 24)
    # Kemp en Duin: 4.2-1 and 4.5c-1 stand between 'Pagina 23 van 36' (line 1106) and
    # 'Pagina 32 van 36' (line 1662), after 4.5b-1 pinned to page 24: pages 24-32; 5.4-1
    # and 5.5-1 come after 'Pagina 32 van 36': pages 33-36.
    ranges = {a.id: (a.page_range.first, a.page_range.last) for a in kemp.actions() if a.page_range}
    assert ranges["4.2-1"] == ranges["4.5c-1"] == (24, 32)
    assert ranges["5.4-1"] == ranges["5.5-1"] == (33, 36)
    # Every action either has pages or a range: none is left with nothing.
    for plan in (elzoh, kemp):
        assert all(a.pages or a.page_range for a in plan.actions())
    # Pinned values carry no range.
    assert kemp.action("2.2-1").page_range is None
    # The free-text findings point to the same range.
    finding = next(
        f
        for f in elzoh.quality.findings
        if f.code == "action.not_template" and f.action_id == "3.2-1"
    )
    assert finding.pages == [] and finding.page_range == elzoh.action("3.2-1").page_range


def test_page_range_in_the_report(elzoh: Plan) -> None:
    from planextract.report.content import plan_report

    report = plan_report(elzoh)
    row = next(r for r in report.actions if r.action_id == "3.2-1")
    assert row.pages_text == "pp. 20–24 (onzeker)" and row.pages_uncertain
    assert not any(r.pages_text == "onbekend" for r in report.actions)
    finding = next(f for f in report.findings if f.action_id == "3.3-1")
    assert finding.pages_text == "pp. 20–24 (onzeker)"


def test_no_range_without_any_known_page(tmp_path: Path) -> None:
    text = "\n".join(line for line in sample_text("elzoh").split("\n") if "Pagina" not in line)
    plan = extract_file(write_variant(tmp_path, "elzoh.txt", text)).plan
    assert all(a.page_range is None for a in plan.actions())


def test_goal_findings_get_the_goal_range(kemp: Plan) -> None:
    # 'OD 4.2 staat na 4.5': OD 4.2's heading lies between the footers of pages 23 and 32.
    order = next(f for f in kemp.quality.findings if f.code == "goal.number_order")
    assert order.pages == []
    assert order.page_range is not None
    assert (order.page_range.first, order.page_range.last) == (24, 32)
