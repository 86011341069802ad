"""The inline stylesheet of the HTML reports (no network, no JavaScript)."""

CSS = """
:root { --ok:#d7efd7; --ok-ink:#145214; --warn:#ffe3b3; --warn-ink:#7a4100;
  --bad:#f7c9c9; --bad-ink:#860000; --na:#ececec; --na-ink:#555; --unknown:#d9e3f0;
  --unknown-ink:#1f3d66; --plain:#fff; --plain-ink:#333; --line:#c8c8c8; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  color: #1d1d1d; margin: 0 auto; padding: 1.2em 2em 3em; max-width: 1400px; }
h1 { font-size: 1.6em; margin: 0 0 .2em; }
h2 { font-size: 1.25em; margin: 1.8em 0 .6em; border-bottom: 2px solid #2b4c7e;
  padding-bottom: .2em; color: #2b4c7e; }
.sub { color: #555; margin: 0 0 1em; }
nav a { margin-right: 1.2em; }
table { border-collapse: collapse; width: 100%; margin: .4em 0 1em; }
th, td { border: 1px solid var(--line); padding: .3em .45em; vertical-align: top;
  text-align: left; }
thead th { background: #2b4c7e; color: #fff; font-weight: 600; position: sticky; top: 0; }
thead a { color: #fff; }
.scroll { overflow-x: auto; }
td.id, .nowrap { white-space: nowrap; }
td.heat { text-align: center; font-weight: 700; font-size: .9em; }
td.heat span { white-space: nowrap; }
th.group { text-align: center; }
td.c { text-align: center; white-space: nowrap; font-weight: 700; }
.ok { background: var(--ok); color: var(--ok-ink); }
.warn { background: var(--warn); color: var(--warn-ink); }
.bad { background: var(--bad); color: var(--bad-ink); }
.na { background: var(--na); color: var(--na-ink); }
.unknown { background: var(--unknown); color: var(--unknown-ink); }
.plain { background: var(--plain); color: var(--plain-ink); }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(210px, 1fr));
  gap: .8em; margin: .5em 0 1em; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: .6em .8em; }
.card .v { font-size: 1.6em; font-weight: 700; }
.card .k { color: #555; }
.sev { display: inline-block; border-radius: 4px; padding: 0 .4em; font-weight: 700;
  white-space: nowrap; }
.sev.error { background: var(--bad); color: var(--bad-ink); }
.sev.warning { background: var(--warn); color: var(--warn-ink); }
.sev.info { background: var(--unknown); color: var(--unknown-ink); }
.legend { display: flex; flex-wrap: wrap; gap: .4em 1em; margin: .3em 0 .6em;
  padding: 0; list-style: none; }
.legend li span { display: inline-block; min-width: 2.2em; text-align: center;
  font-weight: 700; border: 1px solid var(--line); margin-right: .3em; }
tr.sd td { background: #dfe7f3; font-weight: 700; color: #1c3559; }
tr.od td { background: #f2f5fa; font-style: italic; color: #1c3559; }
.title { min-width: 16em; max-width: 30em; }
.muted { color: #666; }
code { font-size: .92em; }
table.gantt { table-layout: fixed; }
table.gantt col.label { width: 22%; }
table.gantt td.m { font-size: .78em; line-height: 1.25; }
table.gantt td.on { background: #cfe0fb; color: #0b2e63; border-left: 4px solid #2b63c4; }
table.gantt td.on b { display: block; }
table.gantt td.doubt { border-left-style: dashed;
  background: repeating-linear-gradient(45deg, #cfe0fb 0 6px, #eef3fc 6px 12px); }
.note { border-left: 4px solid #b07a00; background: #fff6e0; padding: .6em .9em; }
footer { margin-top: 2.5em; color: #666; font-size: .9em; }
table.gantt td.m { overflow: hidden; overflow-wrap: normal; word-break: normal;
  hyphens: auto; }
.gantt-texts { font-size: .9em; }
.gantt-texts ul { margin: .1em 0 .5em; }
/* Narrow screens and paper: sub-headers of the field tables stand upright, so the
   actions x fields table fits without cutting columns; the timeline grid shows only the
   marks (a word never breaks mid-word) and its texts are listed in full under it. */
@media (max-width: 1500px), print {
  table.gantt td.m .t { display: none; }
  table.gantt td.m { text-align: center; }
}
@media (max-width: 1300px), print {
  table.fields thead tr + tr th, table.heatmap thead tr + tr th {
    writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap;
    vertical-align: middle; padding: .45em .2em; }
  table.fields, table.heatmap { font-size: .9em; }
  table.fields th.group, table.heatmap th.group { padding: .3em .2em; }
  .title { min-width: 11em; }
  table.heatmap td.heat { font-size: .72em; padding: .3em .12em; }
  table.heatmap th { padding: .3em .2em; }
}
@page { size: A4; margin: 12mm; }
@page wide { size: A4 landscape; margin: 10mm; }
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { max-width: none; padding: 0; font-size: 11px; }
  thead th { position: static; }
  thead { display: table-header-group; }  /* repeated on every printed page */
  tr { break-inside: avoid; }
  nav { display: none; }
  .scroll { overflow: visible; }
  #acties, #tijdslijn, #heatmap { page: wide; }
  h2 { break-after: avoid; }
}
"""
