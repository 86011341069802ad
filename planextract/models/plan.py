"""The output contract (schema_version 1.0): dataclasses that *are* the JSON.

The classes are plain dataclasses, so that a process that extracts a plan does not import
pydantic nor build its 39 models (about 0.13 s of every such process). pydantic reads the
same classes where it is needed: the published JSON Schema and reading a plan JSON back
(models/contract.py), and the check of every JSON written (models/check.py); each field's
description and bounds are in its dataclass metadata, where pydantic finds them.

Conventions
- A template field or sub-part that is absent from the form is ``null``; one that is
  present but left empty (only the prompt, or only "/") has empty text and empty lists.
- Every extracted value carries ``pages``: the printed page numbers it was read from,
  sorted; a page is left out when the source does not say it (never guessed).
- Keys listed in DESIGN.md stay; new keys may be added.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import MISSING, field, fields
from functools import cache
from typing import Any, Literal, get_type_hints

from planextract.models.record import record

SCHEMA_VERSION = "1.0"
BOXES = "PDF input: per page, the box around the lines the value was read from."


# Default factories as Python functions: pydantic inspects each factory's signature when it
# builds a schema, and for the builtins `list` and `dict` that means parsing their text
# signature.
def new_list() -> list[Any]:
    return []


def new_dict() -> dict[Any, Any]:
    return {}


def Field(default: Any = MISSING, *, default_factory: Any = MISSING, **info: Any) -> Any:
    """A dataclass field with pydantic's field arguments (description, ge, le) as metadata:
    pydantic takes them from there for the schema and the checks."""
    return field(default=default, default_factory=default_factory, metadata=info)


class Model:
    """Base of the contract's dataclasses."""

    # Read by pydantic for every dataclass of the contract: unknown keys are refused.
    __pydantic_config__ = {"extra": "forbid"}  # noqa: RUF012

    def __iter__(self) -> Iterator[tuple[str, Any]]:
        """(name, value) of each field in declaration order, as a pydantic model gives."""
        for f in fields(self):  # type: ignore[arg-type]
            yield f.name, getattr(self, f.name)


_dataclass = record(kw_only=True)


@cache
def field_types(cls: type[Model]) -> dict[str, Any]:
    """Each field's type, in declaration order (the annotations are strings here)."""
    hints = get_type_hints(cls)
    return {f.name: hints[f.name] for f in fields(cls)}  # type: ignore[arg-type]


@_dataclass
class PageRange(Model):
    """Where a value's unpinned lines must lie: between the pages of the known lines around
    them (a text export whose page marks and footers do not add up). Never a guess of one
    page: `pages` keeps only the pages that are known."""

    first: int
    last: int
    uncertain: Literal[True] = True
    lines: int = Field(description="Lines of the value whose page is unknown.")


PAGE_RANGE = "Set when some lines have no page: the range they must lie in (uncertain)."


@_dataclass
class Box(Model):
    """A rectangle on a PDF page, in PDF points from the top-left corner."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float


# -- enrichment: normalised data next to the document's own text (enrich/) --------------
@_dataclass
class Partner(Model):
    """An organisation or group named in a field, with its canonical name from the gazetteer."""

    name: str = Field(description="Canonical name (gazetteer), or the name as written if unknown.")
    type: str = Field(
        description="government, care_provider, network, citizen_group, … or unknown."
    )
    text: str = Field(description="The first span in the field that named it, as written.")
    field: str = Field(description="Where it was found, e.g. 'with_whom.stakeholders'.")
    match: Literal["gazetteer", "fuzzy", "zone_name", "name"] = Field(
        description="gazetteer: a listed variant; fuzzy: a spelling variant of one; "
        "zone_name: 'ELZ <name>'; name: a capitalised name in a list of names, not listed."
    )
    own: bool = Field(False, description="The plan's own zone (or one of its bodies).")
    pages: list[int] = Field(default_factory=new_list)


@_dataclass
class Period(Model):
    """A date or period from the text, normalised to months; the words are kept in `text`."""

    text: str = Field(description="The expression as written.")
    kind: Literal[
        "date",
        "month",
        "month_range",
        "part_of_year",
        "season",
        "quarter",
        "year",
        "year_range",
        "relative",
    ]
    relation: Literal["by", "from"] | None = Field(
        None, description="by: done by then ('tegen', 'voor'); from: starting then ('vanaf')."
    )
    start_year: int | None = None
    start_month: int | None = Field(None, ge=1, le=12)
    end_year: int | None = None
    end_month: int | None = Field(None, ge=1, le=12)
    months: list[int] = Field(
        default_factory=new_list,
        description="Months (1-12) of the plan year the period covers; empty when it lies "
        "outside the plan year or is ambiguous.",
    )
    flags: list[str] = Field(
        default_factory=new_list,
        description="year_inferred, approximate, ambiguous, outside_plan_year.",
    )
    field: str = Field("", description="Where it was found, e.g. 'how.steps'.")
    item: int | None = Field(None, description="Index of the list item in that field.")
    pages: list[int] = Field(default_factory=new_list)


@_dataclass
class Target(Model):
    """A quantitative commitment in an evaluation criterion."""

    text: str = Field(description="The words the target was read from.")
    quantity: int | float | None = Field(None, description="Null for a frequency alone.")
    quantity_max: int | float | None = Field(None, description="'2 of 3': the upper bound.")
    unit: str | None = Field(None, description="What is counted, as written; '%' or 'keer'.")
    comparator: Literal[">=", "<=", ">", "<", "="] | None = None
    frequency: str | None = Field(None, description="ISO 8601 duration: P1M, P3M, P1Y…")
    per: str | None = Field(None, description="'per netwerklunch': the unit counted per.")
    of: str | None = Field(None, description="'75% van de deelnemers': the whole.")
    item: int | None = Field(None, description="Index of the criterion.")
    pages: list[int] = Field(default_factory=new_list)


@_dataclass
class ListItem(Model):
    """One item of a list answer: a bullet, a sub-bullet or an unmarked paragraph."""

    text: str
    level: int = Field(1, description="1 for an item, 2 for a sub-item.")
    marker: str | None = Field(None, description="The bullet as written; null for a paragraph.")
    pages: list[int] = Field(default_factory=new_list)
    boxes: list[Box] = Field(default_factory=new_list, description=BOXES)


@_dataclass
class SourceNote(Model):
    code: str
    detail: str = Field(description="Dutch, what was found and done.")


@_dataclass
class Source(Model):
    file: str = Field(description="File name of the plan as given (no directories).")
    sha256: str
    format: Literal["pdf", "text", "docx"]
    pages: int | None = Field(None, description="Number of pages of the source, when known.")
    encoding: str | None = Field(None, description="Text encoding used to read a text file.")
    profile: str = Field(description="Template profile used for extraction.")
    notes: list[SourceNote] = Field(
        default_factory=new_list,
        description="What the reader did with the source that affects the values "
        "(e.g. DOCX: 'pages-approximate', 'tracked-changes', 'comments').",
    )
    readers: dict[str, str] = Field(
        default_factory=new_dict,
        description="Versions of the libraries that read the file ({'pdfplumber': '0.11.10', "
        "'pdfminer.six': '20260107'} for a PDF; a text file is read by Python alone).",
    )


@_dataclass
class Section(Model):
    """A narrative part of the plan outside the goal tree (Inleiding, Algemeen, Tijdslijn…)."""

    title: str
    level: int = 1
    kind: Literal["narrative", "goals", "timeline", "annex"] = "narrative"
    text: str
    pages: list[int] = Field(default_factory=new_list)
    page_range: PageRange | None = Field(None, description=PAGE_RANGE)
    boxes: list[Box] = Field(default_factory=new_list, description=BOXES)
    partners: list[Partner] = Field(default_factory=new_list, description="Enrichment.")


@_dataclass
class What(Model):
    text: str = Field(description="The description before the scope sub-parts.")
    do: list[ListItem] | None = Field(None, description="'Wat ga je wel doen?'")
    dont: list[ListItem] | None = Field(None, description="'Wat ga je niet doen?'")
    pages: list[int] = Field(default_factory=new_list)
    boxes: list[Box] = Field(default_factory=new_list, description=BOXES)


@_dataclass
class Why(Model):
    text: str
    pages: list[int] = Field(default_factory=new_list)
    boxes: list[Box] = Field(default_factory=new_list, description=BOXES)


@_dataclass
class ForWhom(Model):
    text: str = Field(description="The answer as written.")
    target_groups: list[ListItem] | None = None
    pages: list[int] = Field(default_factory=new_list)
    boxes: list[Box] = Field(default_factory=new_list, description=BOXES)


@_dataclass
class WithWhom(Model):
    text: str = Field(description="The whole answer as written, all sub-parts in order.")
    lead: str | None = Field(None, description="'Wie is de trekker van de actie?'")
    council_role: str | None = Field(
        None, description="'Indien de zorgraad niet de trekker is…': the council's role."
    )
    stakeholders: list[ListItem] | None = None
    partnerships: list[ListItem] | None = Field(
        None, description="'Indien je een trekkende of faciliterende rol opneemt…'"
    )
    pages: list[int] = Field(default_factory=new_list)
    boxes: list[Box] = Field(default_factory=new_list, description=BOXES)


@_dataclass
class How(Model):
    text: str = Field(description="The plan as written, before the milestones.")
    steps: list[ListItem] = Field(default_factory=new_list)
    milestones: list[ListItem] | None = Field(
        None, description="'Vermeld hier ook de mijlpalen'; null when the form has no such part."
    )
    pages: list[int] = Field(default_factory=new_list)
    boxes: list[Box] = Field(default_factory=new_list, description=BOXES)


@_dataclass
class EvaluationType(Model):
    selected: bool | None = Field(
        description="Checkbox state; null when the glyph could not be read (see quality)."
    )
    label: str = Field(description="The type label as written.")
    glyph: str | None = Field(None, description="The checkbox glyph as found.")
    text: str
    criteria: list[ListItem] = Field(default_factory=new_list)
    pages: list[int] = Field(default_factory=new_list)
    boxes: list[Box] = Field(default_factory=new_list, description=BOXES)
    targets: list[Target] = Field(default_factory=new_list, description="Enrichment.")


@_dataclass
class Evaluation(Model):
    process: EvaluationType | None = None
    output: EvaluationType | None = None
    outcome: EvaluationType | None = None
    text: str = Field("", description="Text under the label outside any evaluation type.")
    pages: list[int] = Field(default_factory=new_list)
    boxes: list[Box] = Field(default_factory=new_list, description=BOXES)


@_dataclass
class UnknownLabel(Model):
    """A line written as a form label that the template profile does not know ('Budget:');
    its text stays where it was read (`field`) and is reported."""

    text: str
    action_id: str
    field: str = Field(description="Where the line and the text under it went, e.g. 'how.steps'.")
    pages: list[int] = Field(default_factory=new_list)


@_dataclass
class Action(Model):
    id: str = Field(description="Unique in the plan: '<OD key>-<n>', e.g. '4.5b-1'.")
    title: str
    number: str | None = Field(
        None,
        description="The action's printed number ('Actie 1.2.1 – …' gives '1.2.1'), "
        "null when the title has none.",
    )
    kind: Literal["template", "narrative"]
    pages: list[int] = Field(default_factory=new_list)
    page_range: PageRange | None = Field(None, description=PAGE_RANGE)
    boxes: list[Box] = Field(default_factory=new_list, description=BOXES)
    what: What | None = None
    why: Why | None = None
    for_whom: ForWhom | None = None
    with_whom: WithWhom | None = None
    how: How | None = None
    evaluation: Evaluation | None = None
    text: str = Field("", description="Body of a narrative action; text before the form otherwise.")
    partners: list[Partner] = Field(default_factory=new_list, description="Enrichment.")
    periods: list[Period] = Field(default_factory=new_list, description="Enrichment.")


# The template's six form fields, as Action attributes in form order.
TEMPLATE_FIELDS = ("what", "why", "for_whom", "with_whom", "how", "evaluation")


@_dataclass
class OperationalGoal(Model):
    id: str = Field(
        description="Unique key: the number, with a letter when a number is reused; "
        "without a printed number, the SD's key and the place under it ('OD2.?3')."
    )
    number: str | None = Field(
        description="As printed ('4.5', 'B.2'; a Roman first level as digits); null when "
        "the heading prints none."
    )
    title: str
    pages: list[int] = Field(default_factory=new_list)
    page_range: PageRange | None = Field(None, description=PAGE_RANGE)
    boxes: list[Box] = Field(default_factory=new_list, description=BOXES)
    occurrences: int = Field(1, description="How often this heading appears in the document.")
    actions: list[Action] = Field(default_factory=new_list)


@_dataclass
class StrategicGoal(Model):
    id: str = Field(
        description="Unique key: 'SD' and the number, with a letter when a number is "
        "reused; without a printed number, the place in the plan ('SD?2'); 'SD0' holds "
        "the goals and actions before the first SD heading."
    )
    number: str | None = Field(
        description="As printed ('2', 'B'; a Roman 'IV' as '4'); null when the heading prints none."
    )
    title: str
    pages: list[int] = Field(default_factory=new_list)
    page_range: PageRange | None = Field(None, description=PAGE_RANGE)
    boxes: list[Box] = Field(default_factory=new_list, description=BOXES)
    occurrences: int = 1
    operational_goals: list[OperationalGoal] = Field(default_factory=new_list)


@_dataclass
class TimelineColumn(Model):
    title: str
    action_id: str | None = None
    pages: list[int] = Field(default_factory=new_list)
    link_score: float | None = Field(
        None,
        description="How well the column matches its action, 0-1 (title and cells together); "
        "null when unlinked.",
    )
    title_score: float | None = Field(
        None, description="Similarity of the column title with the action's title, 0-1."
    )
    cells_score: float | None = Field(
        None, description="How well the cells repeat the action's milestones and steps, 0-1."
    )
    link_uncertain: bool = Field(
        False, description="A weak link, or the column matches another action better."
    )


@_dataclass
class TimelineCell(Model):
    """How a non-empty cell was read. Flattened text loses the grid: there the column is
    reconstructed, and the doubt is kept here."""

    column: int = Field(description="0-based column of the table.")
    confidence: float = Field(
        description="0.5 (a toss-up between columns) .. 1 (no other reading comes close)."
    )
    uncertain: bool = Field(description="The column (or where the cell ends) is in doubt.")
    alternative_column: int | None = Field(
        None, description="The next most likely column, for uncertain cells."
    )
    match: str | None = Field(
        None, description="The text of the column's action that the cell resembles most."
    )
    match_score: float | None = Field(None, description="Similarity with `match`, 0-1.")
    pages: list[int] = Field(default_factory=new_list)
    lines: list[int] = Field(default_factory=new_list, description="Source line numbers.")


@_dataclass
class TimelineRow(Model):
    month: int = Field(ge=1, le=12)
    label: str
    cells: list[str | None]
    months: list[int] = Field(
        default_factory=new_list, description="All months the label covers (a range, a quarter)."
    )
    details: list[TimelineCell | None] = Field(
        default_factory=new_list, description="Parallel to cells; null for an empty cell."
    )
    pages: list[int] = Field(default_factory=new_list)


@_dataclass
class TimelineTable(Model):
    pages: list[int] = Field(default_factory=new_list)
    columns: list[TimelineColumn]
    rows: list[TimelineRow]
    source: Literal["text", "pdf-table"] = Field(
        "text", description="Rebuilt from flattened text, or read from a ruled PDF table."
    )
    lines: list[int] = Field(
        default_factory=new_list, description="First and last source line of the table."
    )


@_dataclass
class MilestoneLink(Model):
    """A milestone of an action scheduled in a timeline cell."""

    action_id: str
    milestone: str
    milestone_index: int = Field(description="0-based position in how.milestones.")
    table: int
    column: int
    month: int
    months: list[int] = Field(default_factory=new_list)
    score: float = Field(description="Similarity of milestone and cell, 0-1.")


@_dataclass
class ColumnRef(Model):
    table: int
    column: int
    title: str


@_dataclass
class MilestoneRef(Model):
    action_id: str
    milestone: str
    milestone_index: int


@_dataclass
class TimelineStats(Model):
    cells: int = Field(description="Non-empty cells.")
    uncertain: int = Field(description="Cells whose column or extent is in doubt.")


@_dataclass
class Timeline(Model):
    tables: list[TimelineTable] = Field(default_factory=new_list)
    milestone_links: list[MilestoneLink] = Field(default_factory=new_list)
    unlinked_columns: list[ColumnRef] = Field(
        default_factory=new_list, description="Columns that match no action."
    )
    actions_without_column: list[str] = Field(
        default_factory=new_list, description="Template actions that no column schedules."
    )
    unscheduled_milestones: list[MilestoneRef] = Field(
        default_factory=new_list, description="Milestones of linked actions found in no cell."
    )
    stats: TimelineStats = Field(default_factory=lambda: TimelineStats(cells=0, uncertain=0))


@_dataclass
class TimelineStatus(Model):
    """Why `timeline` is what it is; the reason is Dutch, for the policy officer."""

    status: Literal["table", "referenced", "image-only", "no-table", "absent"]
    reason: str
    pages: list[int] = Field(default_factory=new_list)
    reference: str | None = Field(None, description="What the section refers to, as written.")


@_dataclass
class Finding(Model):
    code: str = Field(description="Stable machine code, e.g. 'goal.number_reused'.")
    severity: Literal["error", "warning", "info"]
    message: str = Field(description="Dutch, for the policy officer.")
    action_id: str | None = None
    field: str | None = None
    pages: list[int] = Field(default_factory=new_list)
    page_range: PageRange | None = Field(None, description=PAGE_RANGE)


@_dataclass
class ActionQuality(Model):
    """How completely one action fills in the template (see planextract/quality/score.py)."""

    action_id: str
    completeness: float = Field(description="100 x filled / expected, one decimal.")
    filled: int = Field(description="Template elements filled in.")
    expected: int = Field(description="Template elements this plan's form asks for.")
    missing: list[str] = Field(
        default_factory=new_list, description="Elements not filled in, e.g. 'why', 'what.dont'."
    )


@_dataclass
class SeverityCounts(Model):
    error: int = 0
    warning: int = 0
    info: int = 0


@_dataclass
class Quality(Model):
    findings: list[Finding] = Field(default_factory=new_list)
    completeness: float | None = Field(
        None,
        description="Plan score 0-100: filled / expected over all actions; null without actions.",
    )
    actions: list[ActionQuality] = Field(default_factory=new_list)
    counts: SeverityCounts = Field(default_factory=SeverityCounts)
    codes: dict[str, int] = Field(default_factory=new_dict, description="Findings per code.")
    not_on_form: list[str] = Field(
        default_factory=new_list,
        description="Template elements this plan's form does not have (not counted, not flagged).",
    )


@_dataclass
class UnassignedText(Model):
    """Text that fits nowhere in the template, kept so that nothing is lost."""

    text: str
    pages: list[int] = Field(default_factory=new_list)
    boxes: list[Box] = Field(default_factory=new_list, description=BOXES)
    lines: list[int] = Field(description="Source line numbers.")
    page_range: PageRange | None = Field(None, description=PAGE_RANGE)


@_dataclass
class PageIssue(Model):
    """A problem with one page of the source, found by the reader."""

    page: int
    code: str = Field(
        description="'no-text-layer': the page is a picture (scanned, or an image) and its "
        "content was not read; 'checkbox-without-label': a form checkbox next to no text."
    )
    detail: str = Field(description="Dutch, what was found on the page.")


@_dataclass
class Extraction(Model):
    """Accounting of every input line."""

    lines_total: int
    lines_noise: int = Field(description="Blank lines, running headers and footers.")
    lines_template: int = Field(description="Labels, prompts and headings of the template.")
    lines_content: int = Field(description="Lines placed in a value of the plan.")
    lines_unassigned: int
    coverage: float = Field(description="Share of non-noise lines placed in the plan, 0-100.")
    pages_uncertain_lines: int = Field(0, description="Lines whose page could not be resolved.")
    page_issues: list[PageIssue] = Field(
        default_factory=new_list, description="Pages the reader could not (fully) read."
    )


@_dataclass
class Plan(Model):
    schema_version: Literal["1.0"] = SCHEMA_VERSION
    tool_version: str
    source: Source
    organisation: str | None = None
    zone_key: str | None = Field(
        None, description="Canonical zone key ('kemp-en-duin'), shared with the export."
    )
    year: int | None = None
    title: str | None = None
    sections: list[Section] = Field(default_factory=new_list)
    strategic_goals: list[StrategicGoal] = Field(default_factory=new_list)
    timeline: Timeline | None = None
    timeline_status: TimelineStatus | None = Field(
        None, description="How the timeline was found, or why it is null."
    )
    quality: Quality = Field(default_factory=Quality)
    enriched: bool = Field(
        False, description="Partners, periods and targets were computed (enrich step ran)."
    )
    unassigned: list[UnassignedText] = Field(default_factory=new_list)
    unknown_labels: list[UnknownLabel] = Field(
        default_factory=new_list,
        description="Lines written as labels that the template profile does not know.",
    )
    extraction: Extraction

    def actions(self) -> list[Action]:
        """All actions in document order."""
        return [a for sd in self.strategic_goals for od in sd.operational_goals for a in od.actions]

    def action(self, action_id: str) -> Action:
        for action in self.actions():
            if action.id == action_id:
                return action
        raise KeyError(action_id)
