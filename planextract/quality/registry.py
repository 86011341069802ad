"""The check registry: small named rules over a plan, each yielding findings in Dutch.

A check is a function ``(ctx) -> Iterable[Finding]`` registered with ``@check``; the order
of registration is the order of the findings. Checks read only the Plan (and the template
profile), so the same checks run on a freshly extracted plan and on a JSON file read back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from planextract.models.plan import Finding, PageRange, Plan
from planextract.models.record import record
from planextract.quality.codes import CODES
from planextract.quality.form import Form, plan_form
from planextract.rules.profile import Profile, load_profile


@record(frozen=True, slots=True)
class Context:
    """What a check may look at: the plan, the template profile and this plan's form."""

    plan: Plan
    profile: Profile
    form: Form


Check = Callable[[Context], Iterable[Finding]]
CHECKS: list[Check] = []


def check(fn: Check) -> Check:
    CHECKS.append(fn)
    return fn


def context(plan: Plan, profile: Profile | None = None) -> Context:
    profile = profile or load_profile()
    return Context(plan=plan, profile=profile, form=plan_form(plan, profile))


def finding(
    code: str,
    message: str,
    *,
    action_id: str | None = None,
    field: str | None = None,
    pages: list[int] | None = None,
    page_range: PageRange | None = None,
) -> Finding:
    """A finding whose severity comes from the code catalogue (quality/codes.py); the
    page range of what it is about counts only when its pages are unknown."""
    return Finding(
        code=code,
        severity=CODES[code].severity,
        message=message,
        action_id=action_id,
        field=field,
        pages=list(pages or []),
        page_range=None if pages else page_range,
    )


def quote(text: str, limit: int = 80) -> str:
    """Document text quoted for a message, shortened at a word boundary."""
    text = " ".join(text.split())
    if len(text) > limit:
        cut = text[: limit - 1]
        head = cut.rsplit(" ", 1)[0] if " " in cut else cut
        text = head.rstrip(",;:.–-") + " …"
    return f"‘{text}’"


def join_nl(items: list[str]) -> str:
    """'a', 'a en b', 'a, b en c'."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} en {items[-1]}"
