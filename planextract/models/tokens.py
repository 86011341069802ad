"""Tokens: what the classifier makes of each content line, read by the tree builder."""

from __future__ import annotations

from enum import StrEnum

from planextract.models.record import record


class Kind(StrEnum):
    SECTION = "section"
    GOAL = "goal"
    LABEL = "label"
    PART = "part"
    PROMPT = "prompt"
    CHECKBOX = "checkbox"
    EMPTY = "empty"  # '/' : the answer 'nothing'
    BULLET = "bullet"
    TEXT = "text"


STRUCTURE = frozenset({Kind.SECTION, Kind.GOAL, Kind.LABEL, Kind.PART, Kind.PROMPT, Kind.CHECKBOX})


@record(slots=True)
class Token:
    kind: Kind
    index: int  # index of the line in doc.lines
    text: str  # content: heading title, bullet text without marker, text after a label…
    key: str | None = None  # field, part, evaluation type or section name
    level: int = 0  # list level, section level
    marker: str | None = None
    number: str | None = None  # goal number
    goal_level: str | None = None  # "SD" | "OD"
    selected: bool | None = None
    glyph: str | None = None
    section_kind: str | None = None
    blank_before: bool = False  # a blank line separates it from the previous content line
    break_before: bool = False  # a page boundary separates it from the previous content line
    page_mark: bool = False  # the line starts a page (text export mark / first line of a page)
    label_like: bool = False  # text written as a label the profile does not know
