"""Why a plan has no timeline table: recorded instead of an empty table."""

from __future__ import annotations

from planextract.models.plan import Plan, Section, TimelineStatus
from planextract.rules.text import norm
from planextract.rules.timeline import StatusRules


def _reference(text: str, rules: StatusRules) -> str | None:
    """What the section points to ('bijlage I', 'Excel'), as written."""
    for pattern in rules.reference_patterns:
        m = pattern.search(text)
        if m:
            return m.group(0)
    return None


def _annex(plan: Plan, reference: str) -> Section | None:
    """The annex section the reference names ('bijlage I' -> 'BIJLAGE I')."""
    key = norm(reference)
    for section in plan.sections:
        if section.kind == "annex" and (norm(section.title) == key or key in norm(section.title)):
            return section
    return None


def table_status(sections: list[Section], pages: list[int], rules: StatusRules) -> TimelineStatus:
    """Found: the pages are the tables' pages."""
    name = sections[0].title if sections else "Tijdslijn"
    return TimelineStatus(
        status="table", reason=rules.reasons["table"].format(section=name), pages=pages
    )


def missing_status(plan: Plan, rules: StatusRules) -> TimelineStatus:
    """The timeline section exists but holds no table: does it refer elsewhere, hold only
    an image, or hold text that is not a month table? Or is there no such section?"""
    sections = [s for s in plan.sections if s.kind == "timeline"]
    if not sections:
        return TimelineStatus(status="absent", reason=rules.reasons["absent"])
    section = sections[0]
    text = "\n".join(s.text for s in sections)
    pages = sorted({p for s in sections for p in s.pages})
    reference = _reference(text, rules)
    if reference is not None:
        annex = _annex(plan, reference)
        if annex is not None and not annex.text.strip():
            reason = rules.reasons["referenced_image"]
            pages = sorted({*pages, *annex.pages})
        else:
            reason = rules.reasons["referenced"]
        return TimelineStatus(
            status="referenced",
            reason=reason.format(section=section.title, target=reference),
            pages=pages,
            reference=reference,
        )
    if not text.strip():
        return TimelineStatus(
            status="image-only",
            reason=rules.reasons["image_only"].format(section=section.title),
            pages=pages,
        )
    return TimelineStatus(
        status="no-table",
        reason=rules.reasons["no_table"].format(section=section.title),
        pages=pages,
    )
