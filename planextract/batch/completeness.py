"""A provisional completeness score for the index and the export.

PROVISIONAL: the quality work defines the project's completeness score; when it lands,
`completeness` below is the one function to replace (its callers only need a number
0-100 or None).
"""

from __future__ import annotations

from typing import Any

from planextract.models.plan import Plan

TEMPLATE_FIELDS = ("what", "why", "for_whom", "with_whom", "how", "evaluation")
# Keys that describe the form rather than hold an answer.
_FORM_KEYS = frozenset({"pages", "label", "glyph", "marker", "level"})


def _has_answer(value: Any) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, bool):
        return value  # a ticked evaluation box is an answer
    if isinstance(value, dict):
        return any(_has_answer(v) for k, v in value.items() if k not in _FORM_KEYS)
    if isinstance(value, list):
        return any(_has_answer(v) for v in value)
    return False


def completeness(plan: Plan) -> float | None:
    """Share (0-100, one decimal) of the template fields of template actions that are on
    the form and answered; None when the plan has no template actions."""
    actions = [a for a in plan.actions() if a.kind == "template"]
    if not actions:
        return None
    answered = sum(
        _has_answer(getattr(action, name).model_dump())
        for action in actions
        for name in TEMPLATE_FIELDS
        if getattr(action, name) is not None
    )
    return round(100 * answered / (len(actions) * len(TEMPLATE_FIELDS)), 1)
