"""HTML rendering of the reports: one self-contained page, inline CSS, no scripts.

Every value that comes from a plan goes through ``esc`` (html.escape); the markup around
it is fixed text of this module.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from urllib.parse import quote

from planextract.report.content import Cell, PlanReport
from planextract.report.labels import (
    BANDS,
    HEATMAP_NOTE,
    MONTHS,
    MONTHS_SHORT,
    NO_FINDINGS,
    SEVERITY_SYMBOLS,
    STATES,
    WHOLE_FORM,
    band,
    number,
    score_class,
)
from planextract.report.overview import HeatCell, Overview, PlanEntry
from planextract.report.style import CSS


def esc(value: object) -> str:
    return escape("" if value is None else str(value), quote=True)


def href(name: str) -> str:
    """A relative link to a file we wrote ourselves (safe name), quoted anyway."""
    return esc(quote(name))


def page(title: str, body: Iterable[str]) -> str:
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="nl">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
            "style-src 'unsafe-inline'; img-src data:\">",
            f"<title>{esc(title)}</title>",
            f"<style>{CSS}</style>",
            "</head>",
            "<body>",
            *body,
            "</body>",
            "</html>",
            "",
        ]
    )


def _legend(items: Iterable[tuple[str, str, str]]) -> str:
    lis = "".join(
        f'<li><span class="{cls}">{esc(symbol)}</span>{esc(meaning)}</li>'
        for symbol, meaning, cls in items
    )
    return f'<ul class="legend">{lis}</ul>'


def _card(value: object, key: str, cls: str = "") -> str:
    return (
        f'<div class="card {cls}"><div class="v">{esc(value)}</div>'
        f'<div class="k">{esc(key)}</div></div>'
    )


def _cell(cell: Cell) -> str:
    symbol, meaning, cls = STATES[cell.state]
    return f'<td class="c {cls}" title="{esc(meaning)}">{esc(symbol)}</td>'


def _summary(r: PlanReport) -> list[str]:
    s = r.summary
    cls = BANDS[band(s.completeness)][2]
    form = ", ".join(s.not_on_form) if s.not_on_form else WHOLE_FORM
    return [
        '<section id="samenvatting">',
        "<h2>Samenvatting</h2>",
        '<div class="cards">',
        _card(s.completeness_text, "volledigheid van het sjabloon", cls),
        _card(
            f"{s.complete_actions} van {s.actions}",
            "acties volledig ingevuld",
        ),
        _card(
            s.actions,
            f"acties: {s.template_actions} in het sjabloon, {s.narrative_actions} in vrije tekst",
            "warn" if s.narrative_actions else "",
        ),
        _card(
            f"{s.strategic_goals} / {s.operational_goals}",
            "strategische / operationele doelstellingen",
        ),
        # Green only for a clean plan: '0 fouten' next to free-text actions is no good news.
        _card(s.errors, "fouten", "bad" if s.errors else "plain" if s.warnings else "ok"),
        _card(s.warnings, "waarschuwingen", "warn" if s.warnings else "ok"),
        _card(s.infos, "ter info", "plain"),
        "</div>",
        "<table>",
        f"<tr><th>Formulier van dit plan zonder</th><td>{esc(form)}</td></tr>",
        f"<tr><th>Tijdslijn</th><td>{esc(s.timeline)}</td></tr>",
        f"<tr><th>Bron</th><td>{esc(r.source.file)} ({esc(r.source.format_name)}, "
        f"{esc(r.source.pages if r.source.pages is not None else '?')} pagina's), "
        f"gelezen met {esc(r.source.extracted_by)}, sjabloon {esc(r.source.profile)}; "
        f"{esc(number(r.source.coverage))} % van de regels geplaatst</td></tr>",
        f"<tr><th>SHA-256</th><td><code>{esc(r.source.sha256)}</code></td></tr>",
        "</table>",
        "</section>",
    ]


def _actions(r: PlanReport) -> list[str]:
    groups: list[tuple[str, int]] = []
    for col in r.columns:
        if groups and groups[-1][0] == col.field:
            groups[-1] = (col.field, groups[-1][1] + 1)
        else:
            groups.append((col.field, 1))
    names = {c.key: c.name for c in r.columns}
    head1 = "".join(
        f'<th class="group" colspan="{n}">{esc(names[field])}</th>' for field, n in groups
    )
    head2 = "".join(f"<th>{esc('veld' if c.key == c.field else c.name)}</th>" for c in r.columns)
    rows = []
    width = len(r.columns) + 3
    sd = od = ""
    for a in r.actions:
        if a.strategic_goal != sd:
            sd, od = a.strategic_goal, ""
            rows.append(f'<tr class="sd"><td colspan="{width}">{esc(sd)}</td></tr>')
        if a.operational_goal != od:
            od = a.operational_goal
            rows.append(f'<tr class="od"><td colspan="{width}">{esc(od)}</td></tr>')
        if a.kind == "narrative":
            symbol, meaning, cls = STATES["narrative"]
            cells = (
                f'<td class="c {cls}" colspan="{len(r.columns)}">{esc(symbol)} {esc(meaning)}</td>'
            )
        else:
            cells = "".join(_cell(c) for c in a.cells)
        score_cls = score_class(a.completeness)
        rows.append(
            f'<tr id="actie-{esc(a.action_id)}"><td class="id"><b>{esc(a.action_id)}</b></td>'
            f'<td class="title">{esc(a.title)}<div class="muted">{esc(a.pages_text)}</div></td>'
            f'{cells}<td class="c {score_cls}">{esc(a.completeness_text)}</td></tr>'
        )
    return [
        '<section id="acties">',
        "<h2>Acties × velden van het sjabloon</h2>",
        _legend(STATES[s] for s in STATES),
        '<div class="scroll"><table class="fields">',
        '<thead><tr><th rowspan="2">Actie</th><th rowspan="2">Titel</th>'
        f'{head1}<th rowspan="2">Volledig</th></tr><tr>{head2}</tr></thead>',
        "<tbody>",
        *rows,
        "</tbody></table></div>",
        "</section>",
    ]


def _findings(r: PlanReport) -> list[str]:
    if not r.findings:
        body = [f'<p class="note">{esc(NO_FINDINGS)}</p>']
    else:
        rows = []
        for f in r.findings:
            action = (
                f'<a href="#actie-{esc(f.action_id)}">{esc(f.action_id)}</a>'
                if f.action_id
                else '<span class="muted nowrap">heel het plan</span>'
            )
            rows.append(
                f'<tr><td><span class="sev {esc(f.severity)}">'
                f"{esc(SEVERITY_SYMBOLS[f.severity])} {esc(f.severity_name)}</span></td>"
                f'<td class="nowrap">{action}</td><td>{esc(f.field_name or "")}</td>'
                f"<td>{esc(f.message)}</td><td>{esc(f.pages_text)}</td>"
                f'<td><code title="{esc(f.code_name)}">{esc(f.code)}</code></td></tr>'
            )
        body = [
            "<table>",
            "<thead><tr><th>Ernst</th><th>Actie</th><th>Onderdeel</th><th>Melding</th>"
            "<th>Pagina</th><th>Code</th></tr></thead>",
            "<tbody>",
            *rows,
            "</tbody></table>",
        ]
    return [
        '<section id="meldingen">',
        f"<h2>Meldingen ({len(r.findings)})</h2>",
        *body,
        "</section>",
    ]


def _timeline(r: PlanReport) -> list[str]:
    head = ['<section id="tijdslijn">', "<h2>Tijdslijn</h2>"]
    if r.timeline is None:
        return [*head, f'<p class="note">{esc(r.timeline_note)}</p>', "</section>"]
    months = "".join(
        f'<th title="{esc(full)}">{esc(short)}</th>'
        for short, full in zip(MONTHS_SHORT, MONTHS, strict=True)
    )
    rows, texts = [], []
    for row in r.timeline.rows:
        label = (
            f'<a href="#actie-{esc(row.action_id)}">{esc(row.action_id)}</a> '
            if row.action_id
            else '<span class="sev warning">⚠ geen actie</span> '
        )
        if row.link_uncertain:
            label += '<span class="sev info" title="koppeling met de actie onzeker">?</span> '
        cells, planned = [], []
        for month, text, doubt in zip(MONTHS, row.months, row.doubtful, strict=True):
            if text:
                short = text if len(text) <= 60 else _cut(text, 60)
                mark, cls, note = (
                    ("■?", "m on doubt", " (kolom onzeker)") if doubt else ("■", "m on", "")
                )
                cells.append(
                    f'<td class="{cls}" title="{esc(month)}{note}: {esc(text)}">'
                    f'<b>{mark}</b><span class="t">{esc(short)}</span></td>'
                )
                planned.append(f"<li><b>{esc(month)}{esc(note)}:</b> {esc(text)}</li>")
            else:
                cells.append('<td class="m"></td>')
        rows.append(f'<tr><td class="title">{label}{esc(row.title)}</td>{"".join(cells)}</tr>')
        if planned:
            texts.append(f"<li>{label}{esc(row.title)}<ul>{''.join(planned)}</ul></li>")
    return [
        *head,
        '<p class="muted">Eén rij per kolom van de tijdslijn; ■ = in die maand gepland '
        "(de volledige teksten staan onder de tabel); ■? = in welke kolom deze tekst staat, "
        "is niet zeker; ? bij een kolom = de koppeling met de actie is onzeker.</p>",
        '<table class="gantt"><colgroup><col class="label">' + "<col>" * 12 + "</colgroup>",
        f"<thead><tr><th>Kolom van de tijdslijn</th>{months}</tr></thead>",
        "<tbody>",
        *rows,
        "</tbody></table>",
        '<h3>Volledige teksten van de tijdslijn</h3><ul class="gantt-texts">',
        *texts,
        "</ul>",
        "</section>",
    ]


def _cut(text: str, limit: int) -> str:
    """A preview of a cell, cut at a word (the full text is listed under the grid)."""
    head = text[: limit - 1]
    return (head.rsplit(" ", 1)[0] if " " in head else head) + " …"


def plan_html(r: PlanReport) -> str:
    subtitle = r.plan_title or r.source.file
    return page(
        r.title,
        [
            "<header>",
            f"<h1>{esc(r.title)}</h1>",
            f'<p class="sub">{esc(subtitle)}</p>',
            '<nav><a href="#samenvatting">Samenvatting</a><a href="#acties">Acties × velden</a>'
            '<a href="#meldingen">Meldingen</a><a href="#tijdslijn">Tijdslijn</a></nav>',
            "</header>",
            *_summary(r),
            *_actions(r),
            *_findings(r),
            *_timeline(r),
            _footer(r.tool_version),
        ],
    )


def _footer(version: str) -> str:
    return (
        "<footer>Gemaakt met planextract "
        f"{esc(version)}. Volledigheid = ingevulde onderdelen / onderdelen die het formulier "
        "van dit plan vraagt (de velden, de verplichte deelvragen, minstens één aangevinkte "
        "evaluatiemanier en criteria bij elke aangevinkte). Een actie in vrije tekst vult "
        "niets in.</footer>"
    )


def _copies(p: PlanEntry) -> str:
    return "<br>".join(f'<a href="{href(c.link)}">{esc(c.file)}</a>' for c in p.copies)


def _heat_heads(o: Overview) -> tuple[str, str]:
    """Two header rows: each template field over its elements (a sub-part never stands
    without the field it belongs to)."""
    groups: list[tuple[str, int]] = []
    for c in o.columns:
        if groups and groups[-1][0] == c.field:
            groups[-1] = (c.field, groups[-1][1] + 1)
        else:
            groups.append((c.field, 1))
    head1 = "".join(f'<th class="group" colspan="{n}">{esc(name)}</th>' for name, n in groups)
    head2 = "".join(
        f'<th title="{esc(c.path)}">{esc("veld" if c.name == c.field else c.name)}</th>'
        for c in o.columns
    )
    return head1, head2


def _heat_cell(cell: HeatCell, note: str = "") -> str:
    symbol, meaning, cls = BANDS[cell.band]
    return (
        f'<td class="heat {cls}" title="{esc(note or meaning)}">'
        f"{esc(symbol)}<br><span>{esc(cell.text)}</span></td>"
    )


def overview_html(o: Overview) -> str:
    head1, head2 = _heat_heads(o)
    heat_rows = []
    for row in o.heatmap:
        cells = "".join(_heat_cell(cell) for cell in row.cells)
        on_form = (
            _heat_cell(row.template, f"{row.template_actions} van {row.actions} acties")
            if row.template is not None
            else "<td></td>"
        )
        heat_rows.append(
            f'<tr><td><a href="{href(row.link)}">{esc(row.name)}</a></td>{on_form}{cells}'
            f'<td class="c">{esc(row.completeness_text)}</td></tr>'
        )
    plan_heads = "".join(f'<th><a href="{href(p.link)}">{esc(p.short)}</a></th>' for p in o.plans)
    code_rows = []
    for c in o.codes:
        counts = "".join(f'<td class="c">{esc(n or "")}</td>' for n in c.per_plan)
        code_rows.append(
            f'<tr><td><span class="sev {esc(c.severity)}">{esc(SEVERITY_SYMBOLS[c.severity])} '
            f"{esc(c.severity_name)}</span></td><td><code>{esc(c.code)}</code></td>"
            f'<td>{esc(c.name)}</td>{counts}<td class="c">{esc(c.total)}</td></tr>'
        )
    plan_rows = "".join(
        f'<tr><td><a href="{href(p.link)}">{esc(p.name)}</a></td><td>{esc(p.year or "")}</td>'
        f'<td>{esc(p.file)}</td><td class="c">{esc(p.actions)}</td>'
        f'<td class="c">{esc(p.completeness_text)}</td><td class="c">{esc(p.errors)}</td>'
        f'<td class="c">{esc(p.warnings)}</td><td class="c">{esc(p.infos)}</td>'
        f"<td>{esc(p.timeline)}</td><td>{_copies(p)}</td></tr>"
        for p in o.plans
    )
    return page(
        o.title,
        [
            f"<header><h1>{esc(o.title)}</h1>",
            f'<p class="sub">{esc(o.subtitle)}</p>',
            '<nav><a href="#plannen">Plannen</a><a href="#heatmap">Zones × velden</a>'
            '<a href="#codes">Meldingen per code</a></nav></header>',
            '<section id="plannen"><h2>Plannen</h2><table>',
            "<thead><tr><th>Zone</th><th>Jaar</th><th>Bestand</th><th>Acties</th>"
            "<th>Volledig</th><th>Fouten</th><th>Waarsch.</th><th>Info</th><th>Tijdslijn</th>"
            '<th title="Hetzelfde plan nog eens in het archief (zelfde zone en jaar of zelfde '
            'inhoud); alleen dit plan telt mee.">Andere kopieën</th></tr></thead>',
            f"<tbody>{plan_rows}</tbody></table></section>",
            '<section id="heatmap"><h2>Zones × velden van het sjabloon</h2>',
            f'<p class="muted">{esc(HEATMAP_NOTE)}</p>',
            _legend(BANDS[b] for b in BANDS),
            '<div class="scroll"><table class="heatmap"><thead><tr><th rowspan="2">Zone</th>'
            '<th rowspan="2">Acties op het formulier</th>'
            f'{head1}<th rowspan="2">Volledig</th></tr><tr>{head2}</tr>',
            f"</thead><tbody>{''.join(heat_rows)}</tbody></table></div></section>",
            '<section id="codes"><h2>Meldingen per code</h2><table>',
            f"<thead><tr><th>Ernst</th><th>Code</th><th>Betekenis</th>{plan_heads}"
            "<th>Totaal</th></tr></thead>",
            f"<tbody>{''.join(code_rows)}</tbody></table></section>",
            _footer(o.tool_version),
        ],
    )
