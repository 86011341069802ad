"""The output contract (schema_version 1.0): pydantic models that *are* the JSON.

Conventions
- A template field or sub-part that is absent from the form is ``null``; one that is
  present but left empty (only the prompt, or only "/") has empty text and empty lists.
- Every extracted value carries ``pages``: the printed page numbers it was read from,
  sorted; a page is left out when the source does not say it (never guessed).
- Keys listed in DESIGN.md stay; new keys may be added.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Box(_Model):
    """A rectangle on a PDF page, in PDF points from the top-left corner."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float


class ListItem(_Model):
    """One item of a list answer: a bullet, a sub-bullet or an unmarked paragraph."""

    text: str
    level: int = Field(1, description="1 for an item, 2 for a sub-item.")
    marker: str | None = Field(None, description="The bullet as written; null for a paragraph.")
    pages: list[int] = Field(default_factory=list)


class Source(_Model):
    file: str = Field(description="File name of the plan as given (no directories).")
    sha256: str
    format: Literal["pdf", "text", "docx"]
    pages: int | None = Field(None, description="Number of pages of the source, when known.")
    encoding: str | None = Field(None, description="Text encoding used to read a text file.")
    profile: str = Field(description="Template profile used for extraction.")


class Section(_Model):
    """A narrative part of the plan outside the goal tree (Inleiding, Algemeen, Tijdslijn…)."""

    title: str
    level: int = 1
    kind: Literal["narrative", "goals", "timeline", "annex"] = "narrative"
    text: str
    pages: list[int] = Field(default_factory=list)


class What(_Model):
    text: str = Field(description="The description before the scope sub-parts.")
    do: list[ListItem] | None = Field(None, description="'Wat ga je wel doen?'")
    dont: list[ListItem] | None = Field(None, description="'Wat ga je niet doen?'")
    pages: list[int] = Field(default_factory=list)


class Why(_Model):
    text: str
    pages: list[int] = Field(default_factory=list)


class ForWhom(_Model):
    text: str = Field(description="The answer as written.")
    target_groups: list[ListItem] | None = None
    pages: list[int] = Field(default_factory=list)


class WithWhom(_Model):
    text: str = Field(description="The whole answer as written, all sub-parts in order.")
    lead: str | None = Field(None, description="'Wie is de trekker van de actie?'")
    council_role: str | None = Field(
        None, description="'Indien de zorgraad niet de trekker is…': the council's role."
    )
    stakeholders: list[ListItem] | None = None
    partnerships: list[ListItem] | None = Field(
        None, description="'Indien je een trekkende of faciliterende rol opneemt…'"
    )
    pages: list[int] = Field(default_factory=list)


class How(_Model):
    text: str = Field(description="The plan as written, before the milestones.")
    steps: list[ListItem] = Field(default_factory=list)
    milestones: list[ListItem] | None = Field(
        None, description="'Vermeld hier ook de mijlpalen'; null when the form has no such part."
    )
    pages: list[int] = Field(default_factory=list)


class EvaluationType(_Model):
    selected: bool | None = Field(
        description="Checkbox state; null when the glyph could not be read (see quality)."
    )
    label: str = Field(description="The type label as written.")
    glyph: str | None = Field(None, description="The checkbox glyph as found.")
    text: str
    criteria: list[ListItem] = Field(default_factory=list)
    pages: list[int] = Field(default_factory=list)


class Evaluation(_Model):
    process: EvaluationType | None = None
    output: EvaluationType | None = None
    outcome: EvaluationType | None = None
    text: str = Field("", description="Text under the label outside any evaluation type.")
    pages: list[int] = Field(default_factory=list)


class Action(_Model):
    id: str = Field(description="Unique in the plan: '<OD key>-<n>', e.g. '4.5b-1'.")
    title: str
    kind: Literal["template", "narrative"]
    pages: list[int] = Field(default_factory=list)
    what: What | None = None
    why: Why | None = None
    for_whom: ForWhom | None = None
    with_whom: WithWhom | None = None
    how: How | None = None
    evaluation: Evaluation | None = None
    text: str = Field("", description="Body of a narrative action; text before the form otherwise.")


class OperationalGoal(_Model):
    id: str = Field(description="Unique key: the number, with a letter when a number is reused.")
    number: str | None
    title: str
    pages: list[int] = Field(default_factory=list)
    occurrences: int = Field(1, description="How often this heading appears in the document.")
    actions: list[Action] = Field(default_factory=list)


class StrategicGoal(_Model):
    id: str
    number: str | None
    title: str
    pages: list[int] = Field(default_factory=list)
    occurrences: int = 1
    operational_goals: list[OperationalGoal] = Field(default_factory=list)


class TimelineColumn(_Model):
    title: str
    action_id: str | None = None
    pages: list[int] = Field(default_factory=list)


class TimelineRow(_Model):
    month: int = Field(ge=1, le=12)
    label: str
    cells: list[str | None]


class TimelineTable(_Model):
    pages: list[int] = Field(default_factory=list)
    columns: list[TimelineColumn]
    rows: list[TimelineRow]


class Timeline(_Model):
    tables: list[TimelineTable] = Field(default_factory=list)


class Finding(_Model):
    code: str = Field(description="Stable machine code, e.g. 'goal.number_reused'.")
    severity: Literal["error", "warning", "info"]
    message: str = Field(description="Dutch, for the policy officer.")
    action_id: str | None = None
    field: str | None = None
    pages: list[int] = Field(default_factory=list)


class ActionQuality(_Model):
    """How completely one action fills in the template (see planextract/quality/score.py)."""

    action_id: str
    completeness: float = Field(description="100 x filled / expected, one decimal.")
    filled: int = Field(description="Template elements filled in.")
    expected: int = Field(description="Template elements this plan's form asks for.")
    missing: list[str] = Field(
        default_factory=list, description="Elements not filled in, e.g. 'why', 'what.dont'."
    )


class SeverityCounts(_Model):
    error: int = 0
    warning: int = 0
    info: int = 0


class Quality(_Model):
    findings: list[Finding] = Field(default_factory=list)
    completeness: float | None = Field(
        None,
        description="Plan score 0-100: filled / expected over all actions; null without actions.",
    )
    actions: list[ActionQuality] = Field(default_factory=list)
    counts: SeverityCounts = Field(default_factory=SeverityCounts)
    codes: dict[str, int] = Field(default_factory=dict, description="Findings per code.")
    not_on_form: list[str] = Field(
        default_factory=list,
        description="Template elements this plan's form does not have (not counted, not flagged).",
    )


class UnassignedText(_Model):
    """Text that fits nowhere in the template, kept so that nothing is lost."""

    text: str
    pages: list[int] = Field(default_factory=list)
    lines: list[int] = Field(description="Source line numbers.")


class PageProblem(_Model):
    """A page-level problem found by a reader, e.g. code 'no_text': no text layer."""

    page: int
    code: str
    detail: str = ""


class Extraction(_Model):
    """Accounting of every input line."""

    lines_total: int
    lines_noise: int = Field(description="Blank lines, running headers and footers.")
    lines_template: int = Field(description="Labels, prompts and headings of the template.")
    lines_content: int = Field(description="Lines placed in a value of the plan.")
    lines_unassigned: int
    coverage: float = Field(description="Share of non-noise lines placed in the plan, 0-100.")
    pages_uncertain_lines: int = Field(0, description="Lines whose page could not be resolved.")
    page_issues: list[PageProblem] = Field(
        default_factory=list, description="Page-level problems seen by the reader."
    )


class Plan(_Model):
    schema_version: Literal["1.0"] = SCHEMA_VERSION
    tool_version: str
    source: Source
    organisation: str | None = None
    year: int | None = None
    title: str | None = None
    sections: list[Section] = Field(default_factory=list)
    strategic_goals: list[StrategicGoal] = Field(default_factory=list)
    timeline: Timeline | None = None
    quality: Quality = Field(default_factory=Quality)
    unassigned: list[UnassignedText] = Field(default_factory=list)
    extraction: Extraction

    def actions(self) -> list[Action]:
        """All actions in document order."""
        return [a for sd in self.strategic_goals for od in sd.operational_goals for a in od.actions]

    def action(self, action_id: str) -> Action:
        for action in self.actions():
            if action.id == action_id:
                return action
        raise KeyError(action_id)
