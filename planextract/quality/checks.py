"""Quality checks: small named rules over a Plan, each yielding findings in Dutch.

A check is a function ``(plan) -> Iterable[Finding]`` registered with ``@check``; the
order of registration is the order of the findings. Checks read only the Plan, so the
same checks run on a freshly extracted plan and on a JSON file read back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import groupby

from planextract.models.plan import Finding, Plan

Check = Callable[[Plan], Iterable[Finding]]
CHECKS: list[Check] = []


def check(fn: Check) -> Check:
    CHECKS.append(fn)
    return fn


def run_checks(plan: Plan) -> list[Finding]:
    return [finding for fn in CHECKS for finding in fn(plan)]


def _quote(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return f"‘{text if len(text) <= limit else text[: limit - 1] + '…'}’"


@check
def goal_numbers_reused(plan: Plan) -> Iterable[Finding]:
    """The same SD or OD number used with different titles (kept apart, flagged)."""
    sds = sorted(plan.strategic_goals, key=lambda g: g.number or "")
    for number, group in groupby(sds, key=lambda g: g.number):
        goals = list(group)
        if number is not None and len(goals) > 1:
            titles = " en ".join(_quote(g.title) for g in goals)
            yield Finding(
                code="goal.sd_number_reused",
                severity="warning",
                message=(
                    f"Strategische doelstelling {number} komt {len(goals)} keer voor met een "
                    f"andere titel: {titles}."
                ),
                pages=sorted({p for g in goals for p in g.pages}),
            )
    ods = sorted(
        (od for sd in plan.strategic_goals for od in sd.operational_goals),
        key=lambda g: g.number or "",
    )
    for number, group in groupby(ods, key=lambda g: g.number):
        goals = list(group)
        if number is not None and len(goals) > 1:
            titles = " en ".join(_quote(g.title) for g in goals)
            yield Finding(
                code="goal.od_number_reused",
                severity="warning",
                message=(
                    f"Operationele doelstelling {number} komt {len(goals)} keer voor met een "
                    f"andere titel: {titles}."
                ),
                pages=sorted({p for g in goals for p in g.pages}),
            )


@check
def goal_headings_repeated(plan: Plan) -> Iterable[Finding]:
    """The same heading repeated before several actions (merged into one goal)."""
    for sd in plan.strategic_goals:
        if sd.occurrences > 1:
            yield Finding(
                code="goal.heading_repeated",
                severity="info",
                message=(
                    f"De kop van strategische doelstelling {sd.number} staat {sd.occurrences} "
                    "keer in het plan; de herhalingen zijn samengevoegd."
                ),
                pages=sd.pages,
            )
        for od in sd.operational_goals:
            if od.occurrences > 1:
                yield Finding(
                    code="goal.heading_repeated",
                    severity="info",
                    message=(
                        f"De kop van operationele doelstelling {od.number} staat "
                        f"{od.occurrences} keer in het plan; de herhalingen zijn samengevoegd."
                    ),
                    pages=od.pages,
                )


@check
def actions_without_title(plan: Plan) -> Iterable[Finding]:
    for action in plan.actions():
        if not action.title:
            yield Finding(
                code="action.title_missing",
                severity="warning",
                message="Deze actie heeft geen titel.",
                action_id=action.id,
                pages=action.pages,
            )


@check
def unassigned_text(plan: Plan) -> Iterable[Finding]:
    for chunk in plan.unassigned:
        yield Finding(
            code="text.unassigned",
            severity="warning",
            message=f"Tekst die nergens in het sjabloon past: {_quote(chunk.text)}.",
            pages=chunk.pages,
        )


@check
def uncertain_pages(plan: Plan) -> Iterable[Finding]:
    n = plan.extraction.pages_uncertain_lines
    if n:
        yield Finding(
            code="pages.uncertain",
            severity="info",
            message=(
                f"Voor {n} regels is het paginanummer niet met zekerheid te bepalen; "
                "die pagina's ontbreken bij de betrokken onderdelen."
            ),
        )


@check
def unreadable_checkboxes(plan: Plan) -> Iterable[Finding]:
    for action in plan.actions():
        if action.evaluation is None:
            continue
        for key in ("process", "output", "outcome"):
            ev = getattr(action.evaluation, key)
            if ev is not None and ev.selected is None:
                glyph = f"teken {_quote(ev.glyph)}" if ev.glyph else "geen vakje"
                yield Finding(
                    code="evaluation.checkbox_unreadable",
                    severity="warning",
                    message=(
                        f"Het vakje bij {_quote(ev.label)} is niet te lezen ({glyph}); "
                        "aangevinkt of niet is onbekend."
                    ),
                    action_id=action.id,
                    field=f"evaluation.{key}",
                    pages=ev.pages,
                )


@check
def page_issues(plan: Plan) -> Iterable[Finding]:
    """Pages the reader could not read: a scan or picture, a checkbox without a label."""
    for issue in plan.extraction.page_issues:
        if issue.code == "no-text-layer":
            yield Finding(
                code="pages.no_text",
                severity="warning",
                message=(
                    f"Pagina {issue.page} heeft geen tekstlaag ({issue.detail}): het is een "
                    "scan of een afbeelding en wat erop staat, is niet gelezen."
                ),
                pages=[issue.page],
            )
        else:
            yield Finding(
                code=f"pages.{issue.code.replace('-', '_')}",
                severity="warning",
                message=f"Pagina {issue.page} is niet volledig gelezen: {issue.detail}.",
                pages=[issue.page],
            )
