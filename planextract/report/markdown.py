"""Markdown rendering of the reports: the same content as the HTML, as plain tables.

Document text is escaped for Markdown (and for the HTML that Markdown may contain), so a
title like '<script>' or '| a | b |' stays text.
"""

from __future__ import annotations

from planextract.report.content import GanttRow, PlanReport
from planextract.report.labels import (
    BANDS,
    HEATMAP_NOTE,
    MONTHS,
    MONTHS_SHORT,
    NO_FINDINGS,
    SEVERITY_SYMBOLS,
    STATES,
    WHOLE_FORM,
)
from planextract.report.overview import Overview

_ESCAPES = str.maketrans(
    {
        "\\": "\\\\",
        "`": "\\`",
        "*": "\\*",
        "_": "\\_",
        "[": "\\[",
        "]": "\\]",
        "|": "\\|",
        "#": "\\#",
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
    }
)


def md(value: object) -> str:
    """One line of escaped Markdown text."""
    return " ".join(("" if value is None else str(value)).split()).translate(_ESCAPES)


def code(value: str) -> str:
    return "`" + value.replace("`", "'") + "`"


def table(head: list[str], rows: list[list[str]]) -> list[str]:
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    out += ["| " + " | ".join(row) + " |" for row in rows]
    return [*out, ""]


def legend(items: list[tuple[str, str, str]]) -> str:
    return "Legende: " + " · ".join(f"{s} {md(m)}" for s, m, _ in items)


def plan_markdown(r: PlanReport) -> str:
    s = r.summary
    out = [f"# {md(r.title)}", "", md(r.plan_title or r.source.file), ""]
    out += ["## Samenvatting", ""]
    form = ", ".join(s.not_on_form) if s.not_on_form else WHOLE_FORM
    out += table(
        ["", ""],
        [
            ["Volledigheid van het sjabloon", md(s.completeness_text)],
            ["Acties volledig ingevuld", f"{s.complete_actions} van {s.actions}"],
            [
                "Acties",
                f"{s.actions}: {s.template_actions} in het sjabloon, "
                f"{s.narrative_actions} in vrije tekst",
            ],
            [
                "Strategische / operationele doelstellingen",
                f"{s.strategic_goals} / {s.operational_goals}",
            ],
            ["Meldingen", f"{s.errors} fouten, {s.warnings} waarschuwingen, {s.infos} ter info"],
            ["Formulier van dit plan zonder", md(form)],
            ["Tijdslijn", md(s.timeline)],
            [
                "Bron",
                f"{md(r.source.file)} ({md(r.source.format_name)}, {md(r.source.pages)} pagina's), "
                f"gelezen met {md(r.source.extracted_by)}, sjabloon {md(r.source.profile)}",
            ],
            ["SHA-256", code(r.source.sha256)],
        ],
    )
    out += ["## Acties × velden van het sjabloon", "", legend(list(STATES.values())), ""]
    head = ["Actie", "Titel", *[md(c.name) for c in r.columns], "Volledig"]
    rows = []
    sd = od = ""
    for a in r.actions:
        for goal, last in ((a.strategic_goal, sd), (a.operational_goal, od)):
            if goal != last:
                rows.append(["", f"**{md(goal)}**", *[""] * (len(r.columns) + 1)])
        sd, od = a.strategic_goal, a.operational_goal
        cells = [c.symbol for c in a.cells]
        rows.append([md(a.action_id), md(a.title), *cells, md(a.completeness_text)])
    out += table(head, rows)
    out += [f"## Meldingen ({len(r.findings)})", ""]
    if r.findings:
        out += table(
            ["Ernst", "Actie", "Onderdeel", "Melding", "Pagina", "Code"],
            [
                [
                    f"{SEVERITY_SYMBOLS[f.severity]} {md(f.severity_name)}",
                    md(f.action_id or "heel het plan"),
                    md(f.field_name or ""),
                    md(f.message),
                    md(f.pages_text),
                    code(f.code),
                ]
                for f in r.findings
            ],
        )
    else:
        out += [NO_FINDINGS, ""]
    out += ["## Tijdslijn", ""]
    if r.timeline is None:
        out += [md(r.timeline_note), ""]
    else:
        out += [
            "■ = in die maand gepland; ■? = kolom onzeker; ? = koppeling met de actie onzeker; "
            "de teksten staan onder de tabel.",
            "",
        ]
        grid = [
            [md(_gantt_label(row))]
            + [
                ("■?" if d else "■") if m else ""
                for m, d in zip(row.months, row.doubtful, strict=True)
            ]
            for row in r.timeline.rows
        ]
        out += table(["Kolom van de tijdslijn", *MONTHS_SHORT], grid)
        for row in r.timeline.rows:
            planned = [
                f"{month}: {md(m)}" for month, m in zip(MONTHS, row.months, strict=True) if m
            ]
            label = md(f"{row.action_id or 'geen actie'} – {row.title}")
            out.append(f"- **{label}**: " + ("; ".join(planned) or "niets gepland"))
        out.append("")
    return "\n".join(out)


def _gantt_label(row: GanttRow) -> str:
    doubt = " ?" if row.link_uncertain else ""
    return f"{row.action_id or '⚠ geen actie'}{doubt} {row.title}"


def overview_markdown(o: Overview) -> str:
    out = [f"# {md(o.title)}", "", md(o.subtitle), "", "## Plannen", ""]
    out += table(
        [
            "Zone",
            "Jaar",
            "Bestand",
            "Acties",
            "Volledig",
            "Fouten",
            "Waarsch.",
            "Info",
            "Tijdslijn",
            "Andere kopieën",
        ],
        [
            [
                f"[{md(p.name)}]({p.link})",
                md(p.year or ""),
                md(p.file),
                str(p.actions),
                md(p.completeness_text),
                str(p.errors),
                str(p.warnings),
                str(p.infos),
                md(p.timeline),
                ", ".join(f"[{md(c.file)}]({c.link})" for c in p.copies),
            ]
            for p in o.plans
        ],
    )
    out += ["## Zones × velden van het sjabloon", "", md(HEATMAP_NOTE), ""]
    out += [legend(list(BANDS.values())), ""]
    out += table(
        ["Zone", "Acties op het formulier", *[md(c.path) for c in o.columns], "Volledig"],
        [
            [
                md(row.name),
                f"{BANDS[row.template.band][0]} {md(row.template.text)}" if row.template else "",
                *[f"{BANDS[c.band][0]} {md(c.text)}" for c in row.cells],
                md(row.completeness_text),
            ]
            for row in o.heatmap
        ],
    )
    out += ["## Meldingen per code", ""]
    out += table(
        ["Ernst", "Code", "Betekenis", *[md(p.short) for p in o.plans], "Totaal"],
        [
            [
                f"{SEVERITY_SYMBOLS[c.severity]} {md(c.severity_name)}",
                code(c.code),
                md(c.name),
                *[str(n) for n in c.per_plan],
                str(c.total),
            ]
            for c in o.codes
        ],
    )
    return "\n".join(out)
