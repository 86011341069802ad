"""The whole quality verdict on a plan: findings, counts and completeness scores."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from planextract.models.plan import Finding, Plan, Quality, SeverityCounts
from planextract.quality.checks import CHECKS
from planextract.quality.registry import Context, context
from planextract.quality.score import action_quality, plan_completeness
from planextract.rules.profile import Profile


def _order(ctx: Context) -> Callable[[Finding], tuple[int, int, int]]:
    """Findings in reading order: goal numbering first, then per action in document order
    and template field order, then document-wide findings. Ties keep check order."""
    actions = {a.id: i for i, a in enumerate(ctx.plan.actions())}
    fields = {key: i for i, key in enumerate(ctx.profile.field_keys)}

    def key(finding: Finding) -> tuple[int, int, int]:
        if finding.code.startswith("goal."):
            return (0, 0, 0)
        if finding.action_id is not None:
            field = (finding.field or "").partition(".")[0]
            return (1, actions.get(finding.action_id, -1), fields.get(field, -1))
        return (2, 0, 0)

    return key


def assess(plan: Plan, profile: Profile | None = None) -> Quality:
    ctx = context(plan, profile)
    findings = sorted((f for fn in CHECKS for f in fn(ctx)), key=_order(ctx))
    ranges = {a.id: a.page_range for a in plan.actions() if a.page_range is not None}
    for f in findings:  # a finding without pages points to its action's page range
        if not f.pages and f.action_id in ranges:
            f.page_range = ranges[f.action_id]
    actions = [action_quality(a, ctx.form, ctx.profile) for a in plan.actions()]
    severities = Counter(f.severity for f in findings)
    return Quality(
        findings=findings,
        completeness=plan_completeness(actions),
        actions=actions,
        counts=SeverityCounts(**severities),
        codes=dict(sorted(Counter(f.code for f in findings).items())),
        not_on_form=list(ctx.form.not_on_form),
    )
