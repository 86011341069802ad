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


_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_to_arabic(numeral: str) -> str:
    """'IV' -> '4'; Arabic numbers are returned as they are."""
    if numeral.isdigit():
        return numeral
    total = 0
    for ch, nxt in zip(numeral, [*numeral[1:], ""], strict=True):
        value = _ROMAN_VALUES[ch]
        total += -value if nxt and _ROMAN_VALUES[nxt] > value else value
    return str(total)


def _goal_number(number: str) -> str:
    """A goal number as digits: 'II' -> '2', 'II.3' -> '2.3', '1.1' stays."""
    first, dot, rest = number.partition(".")
    return roman_to_arabic(first) + dot + rest


def match_goal_heading(text: str, profile: Profile) -> GoalHeading | None:
    """A goal heading by the profile's grammar: 'Strategische doelstelling 2 – title',
    'SD 2. title', 'OD 4.5: title', 'STRATEGISCHE DOELSTELLING II title'."""
    candidate = collapse(text)
    if len(candidate) > 400:
        return None
    for level, pattern in (("SD", profile.strategic_heading), ("OD", profile.operational_heading)):
        m = pattern.match(candidate)
        if m:
            return GoalHeading(
                level=level, number=_goal_number(m["number"]), title=(m["title"] or "").strip()
            )
    return None


def same_title(a: str, b: str) -> bool:
    """Two goal titles say the same thing (spacing, case and quote style aside)."""
    return norm(a) == norm(b)


@dataclass(frozen=True, slots=True)
class ActionTitle:
    title: str  # without the prefix
    number: str | None  # the printed number ('1.2.1'), None without one
    prefixed: bool  # the title opened with 'Actie …'


def split_action_title(text: str, profile: Profile) -> ActionTitle:
    """'Actie 1.2.1 – title' -> title, '1.2.1'; 'Actie: title' -> title, None."""
    stripped = text.lstrip()
    m = profile.action_prefix.match(stripped)
    if m is None:
        return ActionTitle(text, None, False)
    number = (m["number"] or m["dotted"] or "").rstrip(".") or None
    return ActionTitle(stripped[m.end() :].lstrip(), number, True)


def strip_action_prefix(text: str, profile: Profile) -> tuple[str, bool]:
    """Remove a leading 'Actie:' (any numbering) and say whether it was there."""
    found = split_action_title(text, profile)
    return found.title, found.prefixed


def same_type(a: Line, b: Line) -> bool:
    """Rule 'same type' (PDF): a heading or title goes on only in its own weight and size;
    the body text after it, even without a gap, is set in another type."""
    if a.size is None or b.size is None:
        return True
    return bool(a.bold) == bool(b.bold) and abs(a.size - b.size) < 0.5
