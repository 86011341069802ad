"""Named rules for headings: narrative sections and strategic/operational goals."""

from __future__ import annotations

import re
from dataclasses import dataclass

from planextract.models.document import Line
from planextract.rules.profile import Profile, SectionRule
from planextract.rules.text import collapse, norm

# A table-of-contents line ("Inleiding ........ 4") is not a heading.
_TOC_LINE = re.compile(r"(\.{4,}|…{2,})")


@dataclass(frozen=True, slots=True)
class GoalHeading:
    level: str  # "SD" | "OD"
    number: str
    title: str  # first line of the title; may continue on following lines


def match_section(text: str, profile: Profile) -> SectionRule | None:
    """A line that is exactly a section name of the template (or matches its pattern)."""
    candidate = collapse(text)
    if not candidate or len(candidate) > 80 or _TOC_LINE.search(candidate):
        return None
    key = norm(candidate)
    for rule in profile.sections:
        if key in rule.keys:
            return rule
        if rule.pattern is not None and rule.pattern.match(candidate):
            return rule
    return None


def match_goal_heading(text: str, profile: Profile) -> GoalHeading | None:
    """'Strategische doelstelling 2 – title' or 'Operationele doelstelling 4.5 – title'."""
    candidate = collapse(text)
    for level, pattern in (("SD", profile.strategic_heading), ("OD", profile.operational_heading)):
        m = pattern.match(candidate)
        if m:
            return GoalHeading(level=level, number=m["number"], title=(m["title"] or "").strip())
    return None


def same_title(a: str, b: str) -> bool:
    """Two goal titles say the same thing (spacing, case and quote style aside)."""
    return norm(a) == norm(b)


def strip_action_prefix(text: str, profile: Profile) -> tuple[str, bool]:
    """Remove a leading 'Actie:' and say whether it was there."""
    stripped = text.lstrip()
    for prefix in profile.action_prefixes:
        if stripped.lower().startswith(prefix.lower()):
            return stripped[len(prefix) :].lstrip(), True
    return text, False


def same_type(a: Line, b: Line) -> bool:
    """Rule 'same type' (PDF): a heading or title goes on only in its own weight and size;
    the body text after it, even without a gap, is set in another type."""
    if a.size is None or b.size is None:
        return True
    return bool(a.bold) == bool(b.bold) and abs(a.size - b.size) < 0.5
