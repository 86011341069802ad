"""Plans as normalised tables: the export schema and the rows of one plan.

Every table has `plan_id`; actions are keyed by (plan_id, action_id), goals by
(plan_id, goal_id). Page lists are JSON arrays in text (`"[12, 13]"`), so SQLite's
json_each() can unpack them. Booleans are 0/1, absent values NULL.
"""

from __future__ import annotations

import json
import types
import typing
from typing import Any

from planextract.models.plan import (
    TEMPLATE_FIELDS,
    Action,
    Evaluation,
    ListItem,
    Model,
    OperationalGoal,
    Plan,
    StrategicGoal,
    field_types,
)
from planextract.rules.zones import zone_key

Row = tuple[Any, ...]
EVALUATION_TYPES = ("process", "output", "outcome")

# table -> columns with their SQLite types.
TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "plans": (
        ("plan_id", "INTEGER PRIMARY KEY"),
        ("file", "TEXT NOT NULL"),  # the JSON, relative to the exported folder
        ("source_file", "TEXT"),
        ("sha256", "TEXT"),
        ("format", "TEXT"),
        ("pages", "INTEGER"),
        ("profile", "TEXT"),
        ("tool_version", "TEXT"),
        ("organisation", "TEXT"),
        ("year", "INTEGER"),
        ("title", "TEXT"),
        ("coverage", "REAL"),
        ("completeness", "REAL"),
        ("unassigned", "INTEGER"),
        ("zone_key", "TEXT"),  # canonical zone ('kemp-en-duin'), shared with partners
        ("duplicate_of", "INTEGER"),  # plan_id of the copy that counts; NULL: this one counts
    ),
    "sections": (
        ("plan_id", "INTEGER"),
        ("position", "INTEGER"),
        ("title", "TEXT"),
        ("level", "INTEGER"),
        ("kind", "TEXT"),
        ("text", "TEXT"),
        ("pages", "TEXT"),
    ),
    "goals": (
        ("plan_id", "INTEGER"),
        ("goal_id", "TEXT"),  # SD2b, OD4.5c
        ("level", "TEXT"),  # strategic | operational
        ("parent_id", "TEXT"),  # the SD of an OD
        ("position", "INTEGER"),
        ("number", "TEXT"),
        ("title", "TEXT"),
        ("occurrences", "INTEGER"),
        ("pages", "TEXT"),
    ),
    "actions": (
        ("plan_id", "INTEGER"),
        ("action_id", "TEXT"),
        ("goal_id", "TEXT"),  # the OD
        ("strategic_goal_id", "TEXT"),
        ("position", "INTEGER"),
        ("title", "TEXT"),
        ("kind", "TEXT"),  # template | narrative
        ("text", "TEXT"),
        ("pages", "TEXT"),
    ),
    "fields": (  # one row per template part of every template action, present or not
        ("plan_id", "INTEGER"),
        ("action_id", "TEXT"),
        ("field", "TEXT"),  # what | why | for_whom | with_whom | how | evaluation
        ("part", "TEXT"),  # text, do, dont, lead, steps, milestones…
        ("present", "INTEGER"),  # 0: not on the form (null in the JSON)
        ("text", "TEXT"),  # list parts: the items, one per line
        ("items", "INTEGER"),  # list parts: number of items
        ("pages", "TEXT"),
    ),
    "list_items": (
        ("plan_id", "INTEGER"),
        ("action_id", "TEXT"),
        ("field", "TEXT"),
        ("part", "TEXT"),  # for evaluation criteria: process | output | outcome
        ("position", "INTEGER"),
        ("text", "TEXT"),
        ("level", "INTEGER"),
        ("marker", "TEXT"),
        ("pages", "TEXT"),
    ),
    "evaluations": (
        ("plan_id", "INTEGER"),
        ("action_id", "TEXT"),
        ("type", "TEXT"),  # process | output | outcome
        ("present", "INTEGER"),  # 0: the form has no such checkbox
        ("selected", "INTEGER"),  # NULL when the glyph could not be read
        ("label", "TEXT"),
        ("glyph", "TEXT"),
        ("text", "TEXT"),
        ("criteria_count", "INTEGER"),  # number of criteria (the items are in list_items)
        ("pages", "TEXT"),
    ),
    "timeline_columns": (
        ("plan_id", "INTEGER"),
        ("table_no", "INTEGER"),
        ("column_no", "INTEGER"),
        ("title", "TEXT"),
        ("action_id", "TEXT"),
        ("pages", "TEXT"),
    ),
    "timeline_cells": (  # only cells with text
        ("plan_id", "INTEGER"),
        ("table_no", "INTEGER"),
        ("column_no", "INTEGER"),
        ("month", "INTEGER"),
        ("month_label", "TEXT"),
        ("action_id", "TEXT"),
        ("text", "TEXT"),
    ),
    # Enrichment (empty for a plan extracted with --no-enrich).
    "partners": (
        ("plan_id", "INTEGER"),
        ("action_id", "TEXT"),  # NULL: named in a section's text
        ("section", "INTEGER"),  # position of that section, else NULL
        ("name", "TEXT"),  # canonical name
        ("type", "TEXT"),
        ("field", "TEXT"),
        ("text", "TEXT"),  # as written
        ("match", "TEXT"),
        ("own", "INTEGER"),
        ("pages", "TEXT"),
        ("zone_key", "TEXT"),  # a partner that is a zone: its key, as plans.zone_key
    ),
    "periods": (
        ("plan_id", "INTEGER"),
        ("action_id", "TEXT"),
        ("field", "TEXT"),
        ("item", "INTEGER"),
        ("text", "TEXT"),
        ("kind", "TEXT"),
        ("relation", "TEXT"),
        ("start_year", "INTEGER"),
        ("start_month", "INTEGER"),
        ("end_year", "INTEGER"),
        ("end_month", "INTEGER"),
        ("months", "TEXT"),  # JSON list of months of the plan year
        ("flags", "TEXT"),  # JSON list
        ("pages", "TEXT"),
    ),
    "targets": (
        ("plan_id", "INTEGER"),
        ("action_id", "TEXT"),
        ("type", "TEXT"),  # evaluation type: process | output | outcome
        ("item", "INTEGER"),  # criterion index
        ("text", "TEXT"),
        ("quantity", "REAL"),
        ("quantity_max", "REAL"),
        ("unit", "TEXT"),
        ("comparator", "TEXT"),
        ("frequency", "TEXT"),
        ("per", "TEXT"),
        ("of", "TEXT"),
        ("pages", "TEXT"),
    ),
    "findings": (
        ("plan_id", "INTEGER"),
        ("position", "INTEGER"),
        ("code", "TEXT"),
        ("severity", "TEXT"),
        ("message", "TEXT"),
        ("action_id", "TEXT"),
        ("field", "TEXT"),  # as fields.field: what, with_whom, evaluation…
        ("pages", "TEXT"),
        ("part", "TEXT"),  # as fields.part / list_items.part: dont, lead, outcome…
    ),
}


# Keys within the export (rows of timeline_cells are not guaranteed unique per month).
PRIMARY_KEYS: dict[str, tuple[str, ...]] = {
    "sections": ("plan_id", "position"),
    "goals": ("plan_id", "goal_id"),
    "actions": ("plan_id", "action_id"),
    "fields": ("plan_id", "action_id", "field", "part"),
    "list_items": ("plan_id", "action_id", "field", "part", "position"),
    "evaluations": ("plan_id", "action_id", "type"),
    "timeline_columns": ("plan_id", "table_no", "column_no"),
    "findings": ("plan_id", "position"),
}


# Provenance (pages, PDF boxes) and enrichment (own tables) are not answer parts.
NOT_PARTS = frozenset({"pages", "boxes", "partners", "periods", "targets"})


def _pages(pages: list[int]) -> str | None:
    """'[12, 13]'; NULL when the page is unknown (SQL: `pages IS NULL`)."""
    return json.dumps(pages) if pages else None


def _is_list_part(annotation: Any) -> bool:
    """list[ListItem] or list[ListItem] | None."""
    union = typing.get_origin(annotation) in (typing.Union, types.UnionType)
    options = typing.get_args(annotation) if union else ()
    return any(typing.get_args(a) == (ListItem,) for a in (annotation, *options))


def _parts(model: type[Model]) -> list[tuple[str, bool]]:
    """The answer parts of a field model (name, is_list), in declaration order; new parts
    added to the models are exported without changes here."""
    return [
        (name, _is_list_part(annotation))
        for name, annotation in field_types(model).items()
        if name not in NOT_PARTS and not (model is Evaluation and name in EVALUATION_TYPES)
    ]


def _items(plan_id: int, action_id: str, field: str, part: str, items: list[ListItem]) -> list[Row]:
    return [
        (plan_id, action_id, field, part, k, i.text, i.level, i.marker, _pages(i.pages))
        for k, i in enumerate(items, start=1)
    ]


def _action_fields(plan_id: int, action: Action, out: dict[str, list[Row]]) -> None:
    for field in TEMPLATE_FIELDS:
        value = getattr(action, field)
        model = field_types(Action)[field]
        model = next(a for a in typing.get_args(model) if a is not type(None))
        for part, is_list in _parts(model):
            content = getattr(value, part) if value is not None else None
            pages = _pages(value.pages) if value is not None else _pages([])
            if content is None:
                out["fields"].append((plan_id, action.id, field, part, 0, None, None, pages))
            elif is_list:
                text = "\n".join(i.text for i in content)
                out["fields"].append(
                    (plan_id, action.id, field, part, 1, text, len(content), pages)
                )
                out["list_items"].extend(_items(plan_id, action.id, field, part, content))
            else:
                out["fields"].append((plan_id, action.id, field, part, 1, content, None, pages))


def _evaluations(plan_id: int, action: Action, out: dict[str, list[Row]]) -> None:
    for kind in EVALUATION_TYPES:
        ev = getattr(action.evaluation, kind) if action.evaluation is not None else None
        if ev is None:  # not on this form, or a free-text action (no form at all)
            out["evaluations"].append((plan_id, action.id, kind, 0, *([None] * 5), _pages([])))
            continue
        selected = None if ev.selected is None else int(ev.selected)
        out["evaluations"].append(
            (
                plan_id,
                action.id,
                kind,
                1,
                selected,
                ev.label,
                ev.glyph,
                ev.text,
                len(ev.criteria),
                _pages(ev.pages),
            )
        )
        out["list_items"].extend(_items(plan_id, action.id, "evaluation", kind, ev.criteria))


def _timeline(plan_id: int, plan: Plan, out: dict[str, list[Row]]) -> None:
    tables = plan.timeline.tables if plan.timeline is not None else []
    for t, table in enumerate(tables, start=1):
        for c, column in enumerate(table.columns, start=1):
            out["timeline_columns"].append(
                (plan_id, t, c, column.title, column.action_id, _pages(column.pages))
            )
        for row in table.rows:
            for c, cell in enumerate(row.cells, start=1):
                if cell:
                    column = table.columns[c - 1] if c <= len(table.columns) else None
                    action_id = column.action_id if column is not None else None
                    out["timeline_cells"].append(
                        (plan_id, t, c, row.month, row.label, action_id, cell)
                    )


def _enrichment(plan_id: int, plan: Plan, out: dict[str, list[Row]]) -> None:
    def partner_rows(action_id: str | None, section: int | None, partners: list) -> None:
        out["partners"].extend(
            (plan_id, action_id, section, p.name, p.type, p.field, p.text, p.match, int(p.own),
             _pages(p.pages), zone_key(p.name) if p.type == "zone" else None)
            for p in partners
        )  # fmt: skip

    for k, section in enumerate(plan.sections, start=1):
        partner_rows(None, k, section.partners)
    for action in plan.actions():
        partner_rows(action.id, None, action.partners)
        out["periods"].extend(
            (plan_id, action.id, p.field, p.item, p.text, p.kind, p.relation, p.start_year,
             p.start_month, p.end_year, p.end_month, json.dumps(p.months), json.dumps(p.flags),
             _pages(p.pages))
            for p in action.periods
        )  # fmt: skip
        for kind in EVALUATION_TYPES:
            ev = getattr(action.evaluation, kind) if action.evaluation is not None else None
            out["targets"].extend(
                (plan_id, action.id, kind, t.item, t.text, t.quantity, t.quantity_max, t.unit,
                 t.comparator, t.frequency, t.per, t.of, _pages(t.pages))
                for t in (ev.targets if ev is not None else [])
            )  # fmt: skip


def _goal_row(
    plan_id: int,
    position: int,
    goal: StrategicGoal | OperationalGoal,
    level: str,
    parent: str | None,
) -> Row:
    return (
        plan_id,
        goal.id,
        level,
        parent,
        position,
        goal.number,
        goal.title,
        goal.occurrences,
        _pages(goal.pages),
    )


def plan_rows(
    plan_id: int, file: str, plan: Plan, duplicate_of: int | None = None
) -> dict[str, list[Row]]:
    """All rows of one plan, by table, in the column order of TABLES. A copy of another
    plan (`duplicate_of`) has only its `plans` row: the plan counts once."""
    out: dict[str, list[Row]] = {name: [] for name in TABLES}
    source = plan.source
    out["plans"].append(
        (
            plan_id,
            file,
            source.file,
            source.sha256,
            source.format,
            source.pages,
            source.profile,
            plan.tool_version,
            plan.organisation,
            plan.year,
            plan.title,
            plan.extraction.coverage,
            plan.quality.completeness,
            len(plan.unassigned),
            plan.zone_key or zone_key(plan.organisation),
            duplicate_of,
        )
    )
    if duplicate_of is not None:
        return out
    for k, section in enumerate(plan.sections, start=1):
        out["sections"].append(
            (
                plan_id,
                k,
                section.title,
                section.level,
                section.kind,
                section.text,
                _pages(section.pages),
            )
        )
    for sd in plan.strategic_goals:
        out["goals"].append(_goal_row(plan_id, len(out["goals"]) + 1, sd, "strategic", None))
        for od in sd.operational_goals:
            out["goals"].append(_goal_row(plan_id, len(out["goals"]) + 1, od, "operational", sd.id))
            for action in od.actions:
                out["actions"].append(
                    (
                        plan_id,
                        action.id,
                        od.id,
                        sd.id,
                        len(out["actions"]) + 1,
                        action.title,
                        action.kind,
                        action.text,
                        _pages(action.pages),
                    )
                )
                if action.kind == "template":
                    _action_fields(plan_id, action, out)
                # Every action has its three evaluation rows (a free-text one: present 0),
                # so "actions without an outcome evaluation" is one plain query.
                _evaluations(plan_id, action, out)
    _timeline(plan_id, plan, out)
    _enrichment(plan_id, plan, out)
    for k, f in enumerate(plan.quality.findings, start=1):
        field, _, part = (f.field or "").partition(".")
        out["findings"].append(
            (plan_id, k, f.code, f.severity, f.message, f.action_id, field or None,
             _pages(f.pages), part or None)
        )  # fmt: skip
    return out
