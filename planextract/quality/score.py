"""Completeness: how much of the template an action and a plan fill in.

Formula
- The *elements* of this plan's form are, in template order: each template field
  (``what``, ``why``, ``for_whom``, ``with_whom``, ``how``, ``evaluation``); each required
  sub-part of the profile (``what.do``, ``what.dont``, ``with_whom.lead``,
  ``with_whom.stakeholders``, ``how.milestones``) that this plan's form has; and two
  evaluation elements: ``evaluation.selected`` (at least one type ticked) and
  ``evaluation.criteria`` (every ticked type has criteria, or criteria shared by the
  ticked types are written under the evaluation itself).
- An element is *filled* when it is present and not empty (not only the prompt or "/").
  A narrative action (free text, no form) fills none.
- Action completeness = 100 × filled / expected, one decimal. An element that cannot be
  judged (evaluation boxes unreadable, none readable as ticked) is left out of expected.
- Plan completeness = 100 × (sum of filled) / (sum of expected) over all actions, which is
  the mean of the action scores when every action has the same form. Null without actions.
"""

from __future__ import annotations

from typing import Literal

from planextract.models.plan import Action, ActionQuality
from planextract.quality.form import (
    CRITERIA,
    SELECTED,
    Form,
    blank,
    evaluation_types,
    field_empty,
    has_criteria,
)
from planextract.rules.profile import Profile

State = Literal["filled", "empty", "missing", "unknown"]


def _evaluation_state(action: Action, element: str, profile: Profile) -> State:
    ev = action.evaluation
    if ev is None:
        return "missing"
    types = [t for _, t in evaluation_types(ev, profile)]
    ticked = [t for t in types if t.selected is True]
    if not ticked:
        return "unknown" if any(t.selected is None for t in types) else "empty"
    if element == SELECTED:
        return "filled"
    # criteria written below a row of boxes belong to the ticked types together
    shared = not blank(ev.text)
    return "filled" if shared or all(has_criteria(t) for t in ticked) else "empty"


def element_state(action: Action, element: str, profile: Profile) -> State:
    """State of one element (a field, 'field.part', or an evaluation element)."""
    if action.kind != "template":
        return "missing"
    if element in (SELECTED, CRITERIA):
        return _evaluation_state(action, element, profile)
    field, _, part = element.partition(".")
    value = getattr(action, field, None)
    if value is None:
        return "missing"
    if not part:
        return "empty" if field_empty(value, profile) else "filled"
    part_value = getattr(value, part, None)
    if part_value is None:
        return "missing"
    return "empty" if blank(part_value) else "filled"


def action_states(action: Action, form: Form, profile: Profile) -> dict[str, State]:
    return {e: element_state(action, e, profile) for e in form.elements}


def action_quality(action: Action, form: Form, profile: Profile) -> ActionQuality:
    states = action_states(action, form, profile)
    judged = [e for e, s in states.items() if s != "unknown"]
    filled = sum(1 for e in judged if states[e] == "filled")
    return ActionQuality(
        action_id=action.id,
        completeness=percent(filled, len(judged)),
        filled=filled,
        expected=len(judged),
        missing=[e for e in judged if states[e] != "filled"],
    )


def percent(part: int, whole: int) -> float:
    return round(100.0 * part / whole, 1) if whole else 100.0


def plan_completeness(actions: list[ActionQuality]) -> float | None:
    if not actions:
        return None
    return percent(sum(a.filled for a in actions), sum(a.expected for a in actions))
