"""An archive overview as data: several plans side by side (zones × template fields)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from pydantic import BaseModel, Field

from planextract.models.plan import Plan
from planextract.quality.codes import CODES, SEVERITY_NAMES, code_name
from planextract.quality.duplicates import CopyKey, copy_key, counting_copies
from planextract.quality.form import score_elements
from planextract.quality.registry import context
from planextract.quality.score import element_state, percent
from planextract.report.content import ReportHeader
from planextract.report.labels import (
    TIMELINE_STATES,
    band,
    element_name,
    element_path,
    percent_text,
)
from planextract.rules.profile import Profile, load_profile
from planextract.rules.zones import short_zone

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


class CopyEntry(BaseModel):
    """Another copy of a plan in the archive (same zone and year, or the same content)."""

    file: str
    link: str


class PlanEntry(BaseModel):
    name: str
    short: str
    link: str
    year: int | None
    file: str
    actions: int
    completeness: float | None
    completeness_text: str
    errors: int
    warnings: int
    infos: int
    timeline: str = Field(description="Dutch: 'tabel, 12 kolommen', 'alleen een verwijzing'…")
    copies: list[CopyEntry] = Field(
        default_factory=list,
        description="Other copies of this plan; they are not counted (quality/duplicates.py).",
    )


def timeline_text(plan: Plan) -> str:
    status = plan.timeline_status
    if status is None:
        return "onbekend"
    text = TIMELINE_STATES.get(status.status, status.status)
    if plan.timeline is not None:
        columns = sum(len(t.columns) for t in plan.timeline.tables)
        text += f", {columns} kolommen"
    elif status.reference:
        text += f" ({status.reference})"
    return text


class HeatColumn(BaseModel):
    key: str
    name: str
    path: str
    field: str = Field("", description="Name of the template field the element belongs to.")


class HeatCell(BaseModel):
    key: str
    percent: float | None  # share of the plan's actions filling the element; null = n.v.t.
    band: str
    text: str


class HeatRow(BaseModel):
    name: str
    link: str
    completeness_text: str
    cells: list[HeatCell]
    template: HeatCell | None = Field(
        None, description="Share of the actions written in the template (not in free text)."
    )
    template_actions: int = 0
    actions: int = 0


class CodeRow(BaseModel):
    code: str
    severity: str
    severity_name: str
    name: str
    per_plan: list[int]
    total: int


class Overview(ReportHeader):
    report: str = "archive"
    subtitle: str
    plans: list[PlanEntry]
    columns: list[HeatColumn]
    heatmap: list[HeatRow]
    codes: list[CodeRow]


def heat_columns(profile: Profile) -> list[str]:
    """Every element the completeness score can count, in template order."""
    return score_elements(profile)


def _zone(plan: Plan) -> str:
    return plan.organisation or plan.source.file


class PlanSummary(BaseModel):
    """What the overview keeps of one plan: a few numbers per heat column, not the plan. A
    batch worker makes it next to the plan and sends only this back."""

    entry: PlanEntry
    row: HeatRow
    codes: dict[str, int]  # finding code -> how many
    copy_key: CopyKey


def summarise(link: str, plan: Plan, profile: Profile | None = None) -> PlanSummary:
    """The overview's part of one plan; `link` is the plan's own report page."""
    profile = profile or load_profile()
    keys = heat_columns(profile)
    ctx = context(plan, profile)
    actions = plan.actions()
    q = plan.quality
    entry = PlanEntry(
        name=_zone(plan),
        short=short_zone(_zone(plan)),
        link=link,
        year=plan.year,
        file=plan.source.file,
        actions=len(actions),
        completeness=q.completeness,
        completeness_text=percent_text(q.completeness),
        errors=q.counts.error,
        warnings=q.counts.warning,
        infos=q.counts.info,
        timeline=timeline_text(plan),
    )
    # Shares of the actions on the form: a free-text action is its own column, so a
    # part left out of the form is not confused with an action written without it.
    on_form = [a for a in actions if a.kind == "template"]
    shown = percent(len(on_form), len(actions)) if actions else None
    template = HeatCell(key="template", percent=shown, band=band(shown), text=percent_text(shown))
    cells = []
    for key in keys:
        if key not in ctx.form.elements or not on_form:
            pct = None
        else:
            filled = sum(1 for a in on_form if element_state(a, key, profile) == "filled")
            pct = percent(filled, len(on_form))
        cells.append(HeatCell(key=key, percent=pct, band=band(pct), text=percent_text(pct)))
    row = HeatRow(
        name=_zone(plan),
        link=link,
        completeness_text=percent_text(q.completeness),
        cells=cells,
        template=template,
        template_actions=len(on_form),
        actions=len(actions),
    )
    codes = Counter(f.code for f in q.findings)
    return PlanSummary(entry=entry, row=row, codes=dict(codes), copy_key=copy_key(plan))


def overview(plans: Iterable[tuple[str, Plan]], profile: Profile | None = None) -> Overview:
    """`plans`: (link to the plan's own report page, plan), in the order to show. Read
    once, one plan at a time: a generator keeps only one plan in memory."""
    profile = profile or load_profile()
    return overview_of((summarise(link, plan, profile) for link, plan in plans), profile)


def overview_of(summaries: Iterable[PlanSummary], profile: Profile | None = None) -> Overview:
    """The overview of plans given by their summaries, in the order to show."""
    profile = profile or load_profile()
    keys = heat_columns(profile)
    entries, rows, keys_seen = [], [], []
    code_counts: list[Counter[str]] = []
    for summary in summaries:
        entries.append(summary.entry.model_copy(deep=True))  # copies are added below
        rows.append(summary.row)
        code_counts.append(Counter(summary.codes))
        keys_seen.append(summary.copy_key)
    # The same plan twice counts once: the other copies are listed with the one that counts.
    counts_for = counting_copies(keys_seen)
    for i, best in enumerate(counts_for):
        if best is not None:
            entries[best].copies.append(CopyEntry(file=entries[i].file, link=entries[i].link))
    kept = [i for i, best in enumerate(counts_for) if best is None]
    all_files = len(entries)
    entries = [entries[i] for i in kept]
    rows = [rows[i] for i in kept]
    code_counts = [code_counts[i] for i in kept]
    all_codes = sorted(
        {c for counts in code_counts for c in counts},
        key=lambda c: (SEVERITY_ORDER.get(CODES[c].severity if c in CODES else "info", 3), c),
    )
    code_rows = []
    for code in all_codes:
        severity = CODES[code].severity if code in CODES else "info"
        per_plan = [counts.get(code, 0) for counts in code_counts]
        code_rows.append(
            CodeRow(
                code=code,
                severity=severity,
                severity_name=SEVERITY_NAMES[severity],
                name=code_name(code),
                per_plan=per_plan,
                total=sum(per_plan),
            )
        )
    years = sorted({e.year for e in entries if e.year})  # `plans` may be a spent generator
    span = f"{years[0]}–{years[-1]}" if len(years) > 1 else (str(years[0]) if years else "")
    columns = [
        HeatColumn(
            key=k,
            name=element_name(k, profile),
            path=element_path(k, profile),
            field=element_name(k.partition(".")[0], profile),
        )
        for k in keys
    ]
    return Overview(
        title="Kwaliteitsoverzicht actieplannen" + (f" {span}" if span else ""),
        subtitle=f"{len(entries)} plannen"
        + (
            f" ({all_files} bestanden: {all_files - len(entries)} dubbele kopieën niet meegeteld)"
            if all_files > len(entries)
            else ""
        ),
        plans=entries,
        columns=columns,
        heatmap=rows,
        codes=code_rows,
    )
