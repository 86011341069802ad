"""Checks on the evaluation block: ticked boxes and their criteria."""

from __future__ import annotations

from collections.abc import Iterable

from planextract.models.plan import Action, Evaluation, Finding
from planextract.quality.form import blank, evaluation_types, field_empty, has_criteria
from planextract.quality.registry import Context, check, finding, join_nl, quote


def _filled_evaluations(ctx: Context) -> Iterable[tuple[Action, Evaluation]]:
    """Template actions with an evaluation block that is not empty (an empty or missing
    block is reported by the field checks)."""
    for action in ctx.plan.actions():
        ev = action.evaluation
        if action.kind == "template" and ev is not None and not field_empty(ev, ctx.profile):
            yield action, ev


def _label(ctx: Context, key: str) -> str:
    return next(t.label for t in ctx.profile.evaluation_types if t.key == key)


def none_selected(ev: Evaluation, ctx: Context) -> bool:
    """No box ticked, and every box readable (an unreadable box may be the ticked one)."""
    states = [t.selected for _, t in evaluation_types(ev, ctx.profile)]
    return bool(states) and all(s is False for s in states)


@check
def evaluation_none_selected(ctx: Context) -> Iterable[Finding]:
    for action, ev in _filled_evaluations(ctx):
        if not none_selected(ev, ctx):
            continue
        with_criteria = [
            quote(_label(ctx, k)) for k, t in evaluation_types(ev, ctx.profile) if has_criteria(t)
        ]
        extra = f" Er staan wel criteria bij {join_nl(with_criteria)}." if with_criteria else ""
        yield finding(
            code="evaluation.none_selected",
            message=(
                "Geen enkele manier van evaluatie is aangevinkt; het sjabloon vraagt er "
                f"minstens één.{extra}"
            ),
            action_id=action.id,
            field="evaluation",
            pages=ev.pages or action.pages,
        )


@check
def evaluation_criteria(ctx: Context) -> Iterable[Finding]:
    """A ticked type without criteria, or criteria under a box that is not ticked. When
    no box at all is ticked, evaluation.none_selected already names the criteria."""
    for action, ev in _filled_evaluations(ctx):
        if none_selected(ev, ctx):
            continue
        for key, t in evaluation_types(ev, ctx.profile):
            label = quote(_label(ctx, key))
            if t.selected is True and not has_criteria(t) and blank(ev.text):
                yield finding(
                    code="evaluation.criteria_missing",
                    message=f"{label} is aangevinkt, maar er staan geen criteria bij.",
                    action_id=action.id,
                    field=f"evaluation.{key}",
                    pages=t.pages or ev.pages or action.pages,
                )
            elif t.selected is False and has_criteria(t):
                written = t.criteria[0].text if t.criteria else t.text
                yield finding(
                    code="evaluation.criteria_unselected",
                    message=(
                        f"Bij {label} staan criteria ({quote(written, 60)}), maar het vakje "
                        "is niet aangevinkt."
                    ),
                    action_id=action.id,
                    field=f"evaluation.{key}",
                    pages=t.pages or ev.pages or action.pages,
                )


@check
def evaluation_criteria_shared(ctx: Context) -> Iterable[Finding]:
    """Criteria written under the evaluation but under no one type (below a row of boxes
    with several ticked): kept as the evaluation's text, so a ticked type without its own
    criteria is not reported missing; said once instead."""
    for action, ev in _filled_evaluations(ctx):
        if blank(ev.text):
            continue
        ticked = [quote(_label(ctx, k)) for k, t in evaluation_types(ev, ctx.profile) if t.selected]
        if len(ticked) < 2:
            continue
        yield finding(
            code="evaluation.criteria_shared",
            message=(
                f"De criteria staan onder {join_nl(ticked)} samen, niet per evaluatiemanier; "
                "ze staan in de tekst van de evaluatie."
            ),
            action_id=action.id,
            field="evaluation",
            pages=ev.pages or action.pages,
        )


@check
def evaluation_types_missing(ctx: Context) -> Iterable[Finding]:
    """An evaluation type that this plan's form has but one action's form leaves out."""
    for action, ev in _filled_evaluations(ctx):
        for t in ctx.profile.evaluation_types:
            if t.key in ctx.form.evaluation_types and getattr(ev, t.key) is None:
                yield finding(
                    code="evaluation.type_missing",
                    message=(
                        f"De evaluatiemanier {quote(t.label)} ontbreekt op het formulier van "
                        "deze actie; andere acties van dit plan hebben ze wel."
                    ),
                    action_id=action.id,
                    field=f"evaluation.{t.key}",
                    pages=ev.pages or action.pages,
                )


@check
def unreadable_checkboxes(ctx: Context) -> Iterable[Finding]:
    for action in ctx.plan.actions():
        if action.evaluation is None:
            continue
        for key, ev in evaluation_types(action.evaluation, ctx.profile):
            if ev.selected is None:
                glyph = f"teken {quote(ev.glyph)}" if ev.glyph else "geen vakje"
                yield finding(
                    code="evaluation.checkbox_unreadable",
                    message=(
                        f"Het vakje bij {quote(ev.label)} is niet te lezen ({glyph}); "
                        "aangevinkt of niet is onbekend."
                    ),
                    action_id=action.id,
                    field=f"evaluation.{key}",
                    pages=ev.pages,
                )
