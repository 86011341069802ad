"""Checks on the goal tree: numbers reused, repeated headings, numbering errors."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import groupby

from planextract.models.plan import Finding, OperationalGoal, StrategicGoal
from planextract.quality.registry import Context, check, finding, join_nl, quote

Goal = StrategicGoal | OperationalGoal


def _ods(ctx: Context) -> list[tuple[StrategicGoal, OperationalGoal]]:
    return [(sd, od) for sd in ctx.plan.strategic_goals for od in sd.operational_goals]


def number_parts(number: str | None) -> tuple[int, ...] | None:
    """'4.5' -> (4, 5); None for a missing or non-numeric number."""
    if not number:
        return None
    try:
        return tuple(int(p) for p in number.split("."))
    except ValueError:
        return None


def _missing_runs(present: set[int]) -> list[tuple[int, int]]:
    """{1, 2, 5, 9} -> [(3, 4), (6, 8)]: the gaps below the highest number, as runs.

    Computed from the numbers found, never by counting up to the highest one: a heading
    'OD 1.99999999999999' costs as much as any other."""
    runs: list[tuple[int, int]] = []
    previous = 0
    for n in sorted(p for p in present if p > 0):
        if n > previous + 1:
            runs.append((previous + 1, n - 1))
        previous = n
    return runs


def _run_text(run: tuple[int, int], prefix: str) -> str:
    """(3, 4) -> '4.3–4.4' for prefix '4.': missing numbers written compactly."""
    first, last = run
    return f"{prefix}{first}" if first == last else f"{prefix}{first}–{prefix}{last}"


def _reused(goals: Sequence[Goal], code: str, kind: str) -> Iterable[Finding]:
    ordered = sorted(goals, key=lambda g: g.number or "")
    for number, group in groupby(ordered, key=lambda g: g.number):
        same = list(group)
        if number is not None and len(same) > 1:
            titles = " en ".join(quote(g.title) for g in same)
            yield finding(
                code=code,
                message=(
                    f"{kind} {number} komt {len(same)} keer voor met een andere titel: {titles}."
                ),
                pages=sorted({p for g in same for p in g.pages}),
            )


def _name(goal: Goal) -> str:
    """A goal as a message names it: its number, or its title when it has none."""
    return goal.number if goal.number is not None else quote(goal.title, 60)


@check
def goal_numbers_missing(ctx: Context) -> Iterable[Finding]:
    """Goal headings that print no number ('Operationele doelstelling – …'): kept with
    `number` null; the numbering checks cannot judge them."""
    for goals, kind in (
        (ctx.plan.strategic_goals, "strategische"),
        ([od for _, od in _ods(ctx)], "operationele"),
    ):
        bare = [g for g in goals if g.number is None and g.title]
        if bare:
            several = len(bare) > 1
            yield finding(
                code="goal.number_missing",
                message=(
                    f"{len(bare)} {kind} doelstelling{'en' if several else ''} "
                    f"{'hebben' if several else 'heeft'} geen nummer: "
                    f"{join_nl([quote(g.title, 60) for g in bare])}."
                ),
                pages=sorted({p for g in bare for p in g.pages}),
            )


@check
def goal_numbers_reused(ctx: Context) -> Iterable[Finding]:
    """The same SD or OD number used with different titles (kept apart, flagged)."""
    yield from _reused(
        ctx.plan.strategic_goals, "goal.sd_number_reused", "Strategische doelstelling"
    )
    yield from _reused(
        [od for _, od in _ods(ctx)], "goal.od_number_reused", "Operationele doelstelling"
    )


@check
def goal_headings_repeated(ctx: Context) -> Iterable[Finding]:
    """The same heading repeated before several actions (merged into one goal)."""
    for sd in ctx.plan.strategic_goals:
        goals: list[tuple[str, Goal]] = [("strategische", sd)]
        goals += [("operationele", od) for od in sd.operational_goals]
        for kind, goal in goals:
            if goal.occurrences > 1:
                yield finding(
                    code="goal.heading_repeated",
                    message=(
                        f"De kop van {kind} doelstelling {_name(goal)} staat "
                        f"{goal.occurrences} keer in het plan; de herhalingen zijn samengevoegd."
                    ),
                    pages=goal.pages,
                    page_range=goal.page_range,
                )


@check
def od_numbers_under_their_sd(ctx: Context) -> Iterable[Finding]:
    """OD n.m belongs under SD n."""
    for sd, od in _ods(ctx):
        sd_no, od_no = number_parts(sd.number), number_parts(od.number)
        # Only an OD numbered within its SD ('4.5') says which SD it belongs to.
        if sd_no and od_no and len(sd_no) == 1 and len(od_no) >= 2 and od_no[0] != sd_no[0]:
            yield finding(
                code="goal.od_number_mismatch",
                message=(
                    f"Operationele doelstelling {od.number} staat onder strategische "
                    f"doelstelling {sd.number}; volgens het nummer hoort ze bij strategische "
                    f"doelstelling {od_no[0]}."
                ),
                pages=od.pages,
                page_range=od.page_range,
            )


def _gap(
    goals: Sequence[tuple[int, Goal]], prefix: str, what: str, found: str
) -> Iterable[Finding]:
    runs = _missing_runs({n for n, _ in goals})
    if not runs:
        return
    after = min((n, i) for i, (n, _) in enumerate(goals) if n > runs[0][0])[1]
    numbers = [_run_text(run, prefix) for run in runs]
    verb = "ontbreekt" if runs == [(runs[0][0], runs[0][0])] else "ontbreken"
    yield finding(
        code="goal.number_gap",
        message=f"In de nummering van {what} {verb} {join_nl(numbers)} (gevonden: {found}).",
        pages=goals[after][1].pages,
        page_range=goals[after][1].page_range,
    )


@check
def goal_number_gaps(ctx: Context) -> Iterable[Finding]:
    """Numbers skipped: SD 1, 2, 4 misses 3; OD 4.1, 4.5 under SD 4 misses 4.2–4.4."""
    sds = [(p[0], sd) for sd in ctx.plan.strategic_goals if (p := number_parts(sd.number))]
    if sds:
        found = ", ".join(str(n) for n, _ in sds)
        yield from _gap(sds, "", "de strategische doelstellingen", found)
    ods = [(p, od) for _, od in _ods(ctx) if (p := number_parts(od.number)) and len(p) == 2]
    for head in sorted({p[0] for p, _ in ods}):
        group = [(p[1], od) for p, od in ods if p[0] == head]
        found = ", ".join(od.number or "" for _, od in group)
        what = f"de operationele doelstellingen onder strategische doelstelling {head}"
        yield from _gap(group, f"{head}.", what, found)


def _out_of_order(goals: Sequence[tuple[tuple[int, ...], Goal]], kind: str) -> Iterable[Finding]:
    highest: tuple[tuple[int, ...], Goal] | None = None
    for number, goal in goals:
        if highest is not None and number < highest[0]:
            yield finding(
                code="goal.number_order",
                message=(
                    f"{kind} {goal.number} staat na {highest[1].number}; de nummering loopt "
                    "niet op."
                ),
                pages=goal.pages,
                page_range=goal.page_range,
            )
        elif highest is None or number > highest[0]:
            highest = (number, goal)


@check
def goal_number_order(ctx: Context) -> Iterable[Finding]:
    """A goal numbered lower than one before it (Kemp en Duin: OD 4.2 after 4.5)."""
    sds = [(p, sd) for sd in ctx.plan.strategic_goals if (p := number_parts(sd.number))]
    yield from _out_of_order(sds, "Strategische doelstelling")
    ods = [(p, od) for _, od in _ods(ctx) if (p := number_parts(od.number))]
    yield from _out_of_order(ods, "Operationele doelstelling")
