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
