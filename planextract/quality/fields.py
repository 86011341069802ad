"""Checks on the template fields of each action: missing, empty, sub-parts."""

from __future__ import annotations

from collections.abc import Iterable

from planextract.models.plan import Action, Finding
from planextract.quality.form import blank, field_empty
from planextract.quality.registry import Context, check, finding, join_nl, quote
from planextract.rules.profile import FieldRule


def _pages(value: object, action: Action) -> list[int]:
    return getattr(value, "pages", None) or action.pages


@check
def actions_without_title(ctx: Context) -> Iterable[Finding]:
    for action in ctx.plan.actions():
        if not action.title:
            yield finding(
                code="action.title_missing",
                message="Deze actie heeft geen titel.",
                action_id=action.id,
                pages=action.pages,
            )


@check
def narrative_actions(ctx: Context) -> Iterable[Finding]:
    """An action written as free text: one finding instead of one per missing field."""
    labels = join_nl([f.label for f in ctx.profile.fields])
    for action in ctx.plan.actions():
        if action.kind == "narrative":
            yield finding(
                code="action.not_template",
                message=(
                    f"Deze actie staat als vrije tekst in het plan, niet in het sjabloon: "
                    f"{labels} ontbreken."
                ),
                action_id=action.id,
                pages=action.pages,
            )


def _template_fields(ctx: Context) -> Iterable[tuple[Action, FieldRule, object]]:
    for action in ctx.plan.actions():
        if action.kind != "template":
            continue
        for rule in ctx.profile.fields:
            yield action, rule, getattr(action, rule.key, None)


@check
def fields_missing(ctx: Context) -> Iterable[Finding]:
    for action, rule, value in _template_fields(ctx):
        if value is None:
            yield finding(
                code="field.missing",
                message=f"Het veld {quote(rule.label)} ontbreekt in het formulier van deze actie.",
                action_id=action.id,
                field=rule.key,
                pages=action.pages,
            )


@check
def fields_empty(ctx: Context) -> Iterable[Finding]:
    for action, rule, value in _template_fields(ctx):
        if value is not None and field_empty(value, ctx.profile):  # type: ignore[arg-type]
            yield finding(
                code="field.empty",
                message=(
                    f"Het veld {quote(rule.label)} is niet ingevuld "
                    "(alleen de vraag van het sjabloon, of ‘/’)."
                ),
                action_id=action.id,
                field=rule.key,
                pages=_pages(value, action),
            )


@check
def required_parts(ctx: Context) -> Iterable[Finding]:
    """Required sub-parts ('wel doen', 'niet doen', trekker, stakeholders, mijlpalen) that
    this plan's form has but an action leaves out or leaves empty. An empty field is
    reported once, as field.empty, not again per part."""
    required = [k for k in ctx.profile.quality.required_parts if ctx.form.has_part(k)]
    for action, rule, value in _template_fields(ctx):
        if value is None or field_empty(value, ctx.profile):  # type: ignore[arg-type]
            continue
        for part in rule.parts:
            key = f"{rule.key}.{part.key}"
            if key not in required:
                continue
            part_value = getattr(value, part.key)
            if part_value is None:
                yield finding(
                    code="part.missing",
                    message=(
                        f"Bij {quote(rule.label)} ontbreekt het onderdeel {quote(part.label)}; "
                        "andere acties van dit plan hebben het wel."
                    ),
                    action_id=action.id,
                    field=key,
                    pages=_pages(value, action),
                )
            elif blank(part_value):
                yield finding(
                    code="part.empty",
                    message=f"Bij {quote(rule.label)} is {quote(part.label)} niet ingevuld.",
                    action_id=action.id,
                    field=key,
                    pages=_pages(value, action),
                )
