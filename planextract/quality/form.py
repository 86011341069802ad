"""What a plan's action form contains, and when a field or part counts as filled in.

Zones use slightly different versions of the template: ELZOH's form has no milestones
part and no impact evaluation. A sub-part or evaluation type therefore counts as being
*on this plan's form* when at least one template action of the plan shows it; only then
is its absence from another action, or its emptiness, a finding.
"""

from __future__ import annotations

from collections.abc import Container, Sequence

from planextract.models.plan import Action, Evaluation, EvaluationType, Model, Plan
from planextract.models.record import record
from planextract.rules.profile import FieldRule, Profile

EVALUATION = "evaluation"
SELECTED = "evaluation.selected"  # at least one evaluation type ticked
CRITERIA = "evaluation.criteria"  # every ticked type has criteria


@record(frozen=True, slots=True)
class Form:
    parts: frozenset[str]  # "field.part" keys on this plan's form
    evaluation_types: frozenset[str]  # evaluation type keys on this plan's form
    elements: tuple[str, ...]  # what the completeness score counts, in template order
    not_on_form: tuple[str, ...]  # template parts and types this plan's form lacks

    def has_part(self, key: str) -> bool:
        return key in self.parts


def template_actions(plan: Plan) -> list[Action]:
    return [a for a in plan.actions() if a.kind == "template"]


def part_key(rule: FieldRule, part: str) -> str:
    return f"{rule.key}.{part}"


def field_elements(
    profile: Profile, evaluation_keys: Sequence[str], parts: Container[str] | None = None
) -> list[tuple[str, list[str]]]:
    """Per template field, in template order: the field, its required parts (those in
    `parts`, when given) and, for the evaluation, `evaluation_keys`."""
    out = []
    for f in profile.fields:
        keys = [f.key]
        keys += [
            k
            for k in profile.quality.required_parts
            if k.startswith(f"{f.key}.") and (parts is None or k in parts)
        ]
        if f.key == EVALUATION:
            keys += evaluation_keys
        out.append((f.key, keys))
    return out


def score_elements(profile: Profile, parts: Container[str] | None = None) -> list[str]:
    """What the completeness score counts, in template order."""
    return [k for _, keys in field_elements(profile, (SELECTED, CRITERIA), parts) for k in keys]


def plan_form(plan: Plan, profile: Profile) -> Form:
    """The parts and evaluation types this plan's form has (see the module docstring)."""
    all_parts = [part_key(f, p.key) for f in profile.fields for p in f.parts]
    all_types = [t.key for t in profile.evaluation_types]
    actions = template_actions(plan)
    if actions:
        parts = {
            part_key(f, p.key)
            for a in actions
            for f in profile.fields
            if (value := getattr(a, f.key, None)) is not None
            for p in f.parts
            if getattr(value, p.key, None) is not None
        }
        types = {
            t.key
            for a in actions
            if a.evaluation is not None
            for t in profile.evaluation_types
            if getattr(a.evaluation, t.key, None) is not None
        }
    else:  # nothing to learn the form from: expect the full template
        parts, types = set(all_parts), set(all_types)
    absent = [k for k in all_parts if k not in parts]
    absent += [f"{EVALUATION}.{t}" for t in all_types if t not in types]
    return Form(
        parts=frozenset(parts),
        evaluation_types=frozenset(types),
        elements=tuple(score_elements(profile, parts)),
        not_on_form=tuple(absent),
    )


def blank(value: object) -> bool:
    """None, whitespace-only text or an empty list."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list):
        return not value
    return False


def has_criteria(ev_type: EvaluationType) -> bool:
    return bool(ev_type.criteria) or not blank(ev_type.text)


def evaluation_types(ev: Evaluation, profile: Profile) -> list[tuple[str, EvaluationType]]:
    """The evaluation types present on this action's form, in template order."""
    return [
        (t.key, value)
        for t in profile.evaluation_types
        if (value := getattr(ev, t.key, None)) is not None
    ]


def field_empty(value: Model, profile: Profile) -> bool:
    """Present but not filled in: only the prompt, or '/', and for the evaluation no box
    ticked and no criteria written."""
    if isinstance(value, Evaluation):
        return blank(value.text) and all(
            t.selected is not True and not has_criteria(t)
            for _, t in evaluation_types(value, profile)
        )
    return all(blank(v) for k, v in value if k != "pages")
