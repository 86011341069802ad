"""A plan's quality report as data: the one source for its HTML, Markdown and JSON.

Texts here are plain (unescaped) Dutch and document text; the renderers escape them.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from planextract import __version__
from planextract.models.plan import Action, EvaluationType, Plan
from planextract.quality.codes import SEVERITY_NAMES, code_name
from planextract.quality.form import EVALUATION, Form, field_elements, has_criteria
from planextract.quality.registry import context
from planextract.quality.score import element_state
from planextract.report.labels import (
    FORMATS,
    SEVERITY_RANK,
    STATES,
    element_name,
    element_path,
    pages_text,
    percent_text,
)
from planextract.rules.profile import Profile

REPORT_VERSION = "1"


class Column(BaseModel):
    key: str
    name: str
    field: str  # the template field the column belongs to


class Cell(BaseModel):
    key: str
    state: str
    symbol: str
    meaning: str


class ActionRow(BaseModel):
    strategic_goal: str = Field(description="'Strategische doelstelling 1 – title'.")
    operational_goal: str = Field(description="'Operationele doelstelling 1.1 – title'.")
    action_id: str
    title: str
    kind: str
    pages: list[int]
    pages_text: str
    pages_uncertain: bool = False  # the value's lines lie somewhere in the range shown
    completeness: float
    completeness_text: str
    missing: list[str]
    cells: list[Cell]


class FindingRow(BaseModel):
    severity: str
    severity_name: str
    code: str
    code_name: str
    message: str
    action_id: str | None
    action_title: str | None
    field: str | None
    field_name: str | None
    pages: list[int]
    pages_text: str
    pages_uncertain: bool = False  # the value's lines lie somewhere in the range shown


class GanttRow(BaseModel):
    title: str = Field(description="The timeline column heading as written.")
    action_id: str | None
    action_title: str | None
    months: list[str | None] = Field(description="12 entries, January first; null = nothing.")
    doubtful: list[bool] = Field(
        description="12 entries: the month's text was placed in this column with doubt."
    )
    link_uncertain: bool = Field(False, description="The column's action is linked with doubt.")


class Gantt(BaseModel):
    pages: list[int]
    rows: list[GanttRow]


class Summary(BaseModel):
    completeness: float | None
    completeness_text: str
    actions: int
    template_actions: int
    narrative_actions: int
    complete_actions: int
    strategic_goals: int
    operational_goals: int
    errors: int
    warnings: int
    infos: int
    not_on_form: list[str] = Field(description="Template parts this plan's form lacks, Dutch.")
    timeline: str


class Source(BaseModel):
    file: str
    format: str
    format_name: str = Field(description="Dutch: 'PDF', 'tekstexport', 'Word'.")
    pages: int | None
    sha256: str
    profile: str
    extracted_by: str
    coverage: float


class ReportHeader(BaseModel):
    """What every report JSON starts with."""

    report: str
    report_version: str = REPORT_VERSION
    tool_version: str = __version__
    title: str


class PlanReport(ReportHeader):
    report: str = "plan"
    organisation: str | None
    year: int | None
    plan_title: str | None
    source: Source
    summary: Summary
    columns: list[Column]
    actions: list[ActionRow]
    findings: list[FindingRow]
    timeline: Gantt | None
    timeline_note: str | None
    legend: list[Cell]


def columns(profile: Profile) -> list[Column]:
    """Actions x fields columns: each field, its required parts, each evaluation type."""
    types = [f"{EVALUATION}.{t.key}" for t in profile.evaluation_types]
    return [
        Column(key=k, name=element_name(k, profile), field=field)
        for field, keys in field_elements(profile, types)
        for k in keys
    ]


def _cell(key: str, state: str) -> Cell:
    symbol, meaning, _ = STATES[state]
    return Cell(key=key, state=state, symbol=symbol, meaning=meaning)


def _type_state(t: EvaluationType) -> str:
    if t.selected is None:
        return "unknown"
    if t.selected:
        return "ticked" if has_criteria(t) else "ticked_no_criteria"
    return "unticked_with_criteria" if has_criteria(t) else "unticked"


def cell_state(action: Action, key: str, form: Form, profile: Profile) -> str:
    if action.kind != "template":
        return "narrative"
    field, _, part = key.partition(".")
    types = {t.key for t in profile.evaluation_types}
    if field == EVALUATION and part in types:
        if part not in form.evaluation_types:
            return "na"
        ev = action.evaluation
        value = getattr(ev, part) if ev is not None else None
        return "missing" if value is None else _type_state(value)
    if part and key not in form.parts:
        return "na"
    return element_state(action, key, profile)


def _goal(kind: str, number: str | None, title: str) -> str:
    return f"{kind} {number} – {title}" if number else f"{kind} – {title}"


def _action_rows(plan: Plan, form: Form, profile: Profile) -> list[ActionRow]:
    scores = {a.action_id: a for a in plan.quality.actions}
    keys = [c.key for c in columns(profile)]
    rows = []
    goals = [
        (sd, od, a)
        for sd in plan.strategic_goals
        for od in sd.operational_goals
        for a in od.actions
    ]
    for sd, od, action in goals:
        score = scores.get(action.id)
        completeness = score.completeness if score else 0.0
        rows.append(
            ActionRow(
                strategic_goal=_goal("Strategische doelstelling", sd.number, sd.title),
                operational_goal=_goal("Operationele doelstelling", od.number, od.title),
                action_id=action.id,
                title=action.title,
                kind=action.kind,
                pages=action.pages,
                pages_text=pages_text(action.pages, action.page_range),
                pages_uncertain=action.page_range is not None,
                completeness=completeness,
                completeness_text=percent_text(completeness),
                missing=[element_path(k, profile) for k in (score.missing if score else [])],
                cells=[_cell(k, cell_state(action, k, form, profile)) for k in keys],
            )
        )
    return rows


def _finding_rows(plan: Plan, profile: Profile) -> list[FindingRow]:
    titles = {a.id: a.title for a in plan.actions()}
    return [
        FindingRow(
            severity=f.severity,
            severity_name=SEVERITY_NAMES[f.severity],
            code=f.code,
            code_name=code_name(f.code),
            message=f.message,
            action_id=f.action_id,
            action_title=titles.get(f.action_id) if f.action_id else None,
            field=f.field,
            field_name=element_path(f.field, profile) if f.field else None,
            pages=f.pages,
            pages_text=pages_text(f.pages, f.page_range),
            pages_uncertain=f.page_range is not None,
        )
        for f in sorted(plan.quality.findings, key=lambda f: SEVERITY_RANK[f.severity])
    ]


def gantt(plan: Plan) -> Gantt | None:
    """The timeline as one row per timeline column (an action) and one cell per month."""
    if plan.timeline is None or not plan.timeline.tables:
        return None
    titles = {a.id: a.title for a in plan.actions()}
    rows: list[GanttRow] = []
    pages: set[int] = set()
    for table in plan.timeline.tables:
        pages.update(table.pages)
        for i, column in enumerate(table.columns):
            months: list[list[str]] = [[] for _ in range(12)]
            doubtful = [False] * 12
            for row in table.rows:
                cell = row.cells[i] if i < len(row.cells) else None
                if cell and cell.strip():
                    months[row.month - 1].append(" ".join(cell.split()))
                    detail = row.details[i] if i < len(row.details) else None
                    doubtful[row.month - 1] |= bool(detail and detail.uncertain)
            rows.append(
                GanttRow(
                    title=column.title,
                    action_id=column.action_id,
                    action_title=titles.get(column.action_id) if column.action_id else None,
                    months=[" · ".join(m) if m else None for m in months],
                    doubtful=doubtful,
                    link_uncertain=bool(column.action_id and column.link_uncertain),
                )
            )
    return Gantt(pages=sorted(pages), rows=rows)


NO_TIMELINE = (
    "Dit plan bevat geen tijdslijn die als tabel gelezen kon worden: ze ontbreekt, of staat "
    "er alleen als afbeelding of vrije tekst."
)


def _no_timeline_note(plan: Plan) -> str:
    """Why there is no grid: the reason recorded by the extraction, when there is one."""
    status = plan.timeline_status
    if status is None:
        return NO_TIMELINE
    pages = f" ({pages_text(status.pages)})" if status.pages else ""
    return f"{status.reason}{pages} {NO_TIMELINE_DRAWN}"


NO_TIMELINE_DRAWN = "Er is daarom geen tijdslijn getekend."


def _timeline_summary(g: Gantt | None) -> str:
    if g is None:
        return "geen tijdslijn als tabel gevonden"
    linked = sum(1 for r in g.rows if r.action_id)
    return f"{len(g.rows)} kolommen in de tijdslijn, waarvan {linked} gekoppeld aan een actie"


def plan_report(plan: Plan, profile: Profile | None = None) -> PlanReport:
    ctx = context(plan, profile)
    profile, form = ctx.profile, ctx.form
    actions = plan.actions()
    q = plan.quality
    rows = _action_rows(plan, form, profile)
    g = gantt(plan)
    name = plan.organisation or plan.source.file
    year = f" {plan.year}" if plan.year else ""
    return PlanReport(
        title=f"Kwaliteitsrapport actieplan{year} – {name}",
        organisation=plan.organisation,
        year=plan.year,
        plan_title=plan.title,
        source=Source(
            file=plan.source.file,
            format=plan.source.format,
            format_name=FORMATS.get(plan.source.format, plan.source.format),
            pages=plan.source.pages,
            sha256=plan.source.sha256,
            profile=plan.source.profile,
            extracted_by=f"planextract {plan.tool_version}",
            coverage=plan.extraction.coverage,
        ),
        summary=Summary(
            completeness=q.completeness,
            completeness_text=percent_text(q.completeness),
            actions=len(actions),
            template_actions=sum(1 for a in actions if a.kind == "template"),
            narrative_actions=sum(1 for a in actions if a.kind == "narrative"),
            complete_actions=sum(1 for r in rows if r.completeness == 100.0),
            strategic_goals=len(plan.strategic_goals),
            operational_goals=sum(len(sd.operational_goals) for sd in plan.strategic_goals),
            errors=q.counts.error,
            warnings=q.counts.warning,
            infos=q.counts.info,
            not_on_form=[element_path(k, profile) for k in q.not_on_form],
            timeline=_timeline_summary(g),
        ),
        columns=columns(profile),
        actions=rows,
        findings=_finding_rows(plan, profile),
        timeline=g,
        timeline_note=None if g else _no_timeline_note(plan),
        legend=[_cell("", state) for state in STATES],
    )
