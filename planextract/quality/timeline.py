"""Checks on the timeline ('Tijdslijn'): is there a month table, does every column belong to
an action, is every action and milestone in it, and which cells were placed with doubt."""

from __future__ import annotations

from collections.abc import Iterable

from planextract.enrich.periods import parse_periods
from planextract.models.plan import Action, Finding, Timeline
from planextract.quality.registry import Context, check, finding, join_nl, quote
from planextract.rules.timeline import load_timeline_rules

# A milestone dated wholly outside the plan year ('Projectplan opstellen (2024)') is done
# or later work: the plan year's timeline need not schedule it.
OUTSIDE = "outside_plan_year"


@check
def timeline_present(ctx: Context) -> Iterable[Finding]:
    """The template asks for a month table; say why there is none (from timeline_status)."""
    plan = ctx.plan
    if plan.timeline is not None or not ctx.profile.quality.timeline_required:
        return
    status = plan.timeline_status
    if status is None or status.status == "absent":
        # no status: a JSON from before timelines were read; the wording is the rules' own
        reason = status.reason if status else load_timeline_rules().status.reasons["absent"]
        yield finding(
            code="timeline.missing",
            message=f"{reason} Het sjabloon vraagt een tijdslijn per maand en per actie.",
        )
        return
    yield finding(
        code="timeline.unreadable",
        message=(
            f"{status.reason} De tijdslijn kon daarom niet als tabel gelezen worden en is "
            "niet met de acties vergeleken."
        ),
        pages=status.pages,
    )


def _column_pages(timeline: Timeline, table: int, column: int) -> list[int]:
    t = timeline.tables[table]
    return t.columns[column].pages or t.pages


@check
def timeline_columns(ctx: Context) -> Iterable[Finding]:
    """Columns that schedule no action, and links made with doubt."""
    timeline = ctx.plan.timeline
    if timeline is None:
        return
    for ref in timeline.unlinked_columns:
        yield finding(
            code="timeline.column_unlinked",
            message=(
                f"Kolom {quote(ref.title)} van de tijdslijn hoort bij geen enkele actie van "
                "het plan."
            ),
            pages=_column_pages(timeline, ref.table, ref.column),
        )
    for t, table in enumerate(timeline.tables):
        for c, column in enumerate(table.columns):
            if column.action_id is not None and column.link_uncertain:
                yield finding(
                    code="timeline.link_uncertain",
                    message=(
                        f"Kolom {quote(column.title)} van de tijdslijn is aan deze actie "
                        "gekoppeld, maar de titels lijken weinig op elkaar; controleer de "
                        "koppeling."
                    ),
                    action_id=column.action_id,
                    pages=_column_pages(timeline, t, c),
                )


@check
def timeline_actions(ctx: Context) -> Iterable[Finding]:
    """Template actions that no column schedules."""
    timeline = ctx.plan.timeline
    if timeline is None:
        return
    for action in ctx.plan.actions():
        if action.id in timeline.actions_without_column:
            yield finding(
                code="timeline.action_unscheduled",
                message="Deze actie heeft geen kolom in de tijdslijn.",
                action_id=action.id,
                pages=action.pages[:1],
            )


def _dated_elsewhere(text: str, year: int | None) -> bool:
    periods = parse_periods(text, year)
    return bool(periods) and all(OUTSIDE in p.flags for p in periods)


@check
def timeline_milestones(ctx: Context) -> Iterable[Finding]:
    """Milestones of a scheduled action that appear in no month of its column."""
    timeline = ctx.plan.timeline
    if timeline is None:
        return
    by_action: dict[str, list[str]] = {}
    for ref in timeline.unscheduled_milestones:
        if not _dated_elsewhere(ref.milestone, ctx.plan.year):
            by_action.setdefault(ref.action_id, []).append(quote(ref.milestone, 60))
    for action in ctx.plan.actions():
        missing = by_action.get(action.id)
        if missing:
            noun = "De mijlpaal" if len(missing) == 1 else "De mijlpalen"
            verb = "staat" if len(missing) == 1 else "staan"
            yield finding(
                code="timeline.milestone_unscheduled",
                message=(
                    f"{noun} {join_nl(missing)} {verb} in geen enkele maand van de "
                    "tijdslijn van deze actie."
                ),
                action_id=action.id,
                field="how.milestones",
                pages=_milestone_pages(action),
            )


def _milestone_pages(action: Action) -> list[int]:
    how = action.how
    items = how.milestones if how and how.milestones else []
    return sorted({p for item in items for p in item.pages}) or (how.pages if how else [])


@check
def timeline_doubtful_cells(ctx: Context) -> Iterable[Finding]:
    """Cells of a flattened table whose column is in doubt: one finding per table."""
    timeline = ctx.plan.timeline
    if timeline is None:
        return
    for t, table in enumerate(timeline.tables):
        doubtful = [
            (row, c, detail.pages or row.pages)
            for row in table.rows
            for c, detail in enumerate(row.details)
            if detail is not None and detail.uncertain
        ]
        if not doubtful:
            continue
        where = [f"{row.label} › {quote(table.columns[c].title, 40)}" for row, c, _ in doubtful]
        pages = sorted({p for *_, cell_pages in doubtful for p in cell_pages})
        yield finding(
            code="timeline.cells_uncertain",
            message=(
                f"Tabel {t + 1} van de tijdslijn: van {len(doubtful)} cel(len) is niet zeker in "
                f"welke kolom ze staan (de tekstversie laat lege cellen weg): {join_nl(where)}. "
                "Controleer ze in het originele document."
            ),
            pages=pages,
        )
