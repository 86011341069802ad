"""Quality reports: content on the real plans, escaping, file names, the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ELZOH_TXT, KEMP_TXT
from variants import EVIL, evil_text, write_variant

from planextract.cli import main
from planextract.models.plan import Plan
from planextract.pipeline import extract_file, plan_to_json
from planextract.report.archive import write_overview
from planextract.report.content import plan_report
from planextract.report.files import safe_name, unique_names
from planextract.report.html import plan_html
from planextract.report.markdown import plan_markdown
from planextract.report.overview import overview


def cell(report, action_id: str, key: str) -> str:  # type: ignore[no-untyped-def]
    row = next(r for r in report.actions if r.action_id == action_id)
    return next(c.state for c in row.cells if c.key == key)


def test_kemp_report_content(kemp: Plan) -> None:
    r = plan_report(kemp)
    assert r.title == "Kwaliteitsrapport actieplan 2025 – ELZ Kemp en Duin"
    assert r.summary.completeness_text == "100,0 %"
    assert (r.summary.actions, r.summary.complete_actions) == (12, 12)
    assert (r.summary.errors, r.summary.warnings, r.summary.infos) == (0, 4, 13)
    # 4.5c-1: outcome box ☐ with 'Te bepalen per interventie'; process and output ☒.
    assert cell(r, "4.5c-1", "evaluation.outcome") == "unticked_with_criteria"
    assert cell(r, "4.5c-1", "evaluation.process") == "ticked"
    # 1.1-1: '☐ Procesevaluatie' followed by '/'.
    assert cell(r, "1.1-1", "evaluation.process") == "unticked"
    assert cell(r, "1.1-1", "how.milestones") == "filled"
    unticked = next(f for f in r.findings if f.code == "evaluation.criteria_unselected")
    assert unticked.field_name == "Evaluatie › impact (outcome)"
    assert unticked.action_title == "Project transmurale zorg i.s.m. ZOL en ELZ Maasland"
    assert r.timeline is not None and r.timeline_note is None
    assert r.summary.timeline == "12 kolommen in de tijdslijn, waarvan 12 gekoppeld aan een actie"


def test_elzoh_report_content(elzoh: Plan) -> None:
    r = plan_report(elzoh)
    assert r.summary.completeness_text == "62,1 %"
    assert (r.summary.template_actions, r.summary.narrative_actions) == (7, 4)
    assert r.summary.not_on_form == [
        "Met wie? › rol zorgraad",
        "Met wie? › samenwerkingen",
        "Hoe? › mijlpalen",
        "Evaluatie › impact (outcome)",
    ]
    assert cell(r, "1.1-1", "what.dont") == "missing"
    assert cell(r, "1.1-1", "how.milestones") == "na"  # the form has no milestones part
    assert cell(r, "1.1-2", "what") == "narrative"
    row = next(a for a in r.actions if a.action_id == "1.1-1")
    assert row.completeness_text == "91,7 %" and row.missing == ["Wat? › niet doen"]
    assert row.pages_text == "pp. 7, 8"


def test_gantt_from_the_timeline(kemp: Plan) -> None:
    r = plan_report(kemp)
    assert r.timeline is not None and r.timeline.pages == [9, 10]
    assert len(r.timeline.rows) == 12
    first = r.timeline.rows[0]
    assert first.action_id == "1.1-1"
    assert first.action_title is not None and first.action_title.startswith(
        "ELZ Kemp en Duin denkt"
    )
    assert first.months[0] == (
        "Bepalen of expertise aanwezig is binnen het team/DB/BO en indien nodig expertise inkopen"
    )
    assert first.months[1] is None
    assert first.months[11] == "Definitieve keuze van methodiek(en)"
    # 5.5-1 (Logo and IGP), the last column: January, February, November, December.
    assert [m is not None for m in r.timeline.rows[11].months] == [
        True, True, False, False, False, False, False, False, False, False, True, True,
    ]  # fmt: skip
    # Doubt is shown: the Sociale Kaart column's link, and its March cell (line 151).
    sociale_kaart = r.timeline.rows[4]
    assert sociale_kaart.link_uncertain and sociale_kaart.doubtful[2]
    assert not first.link_uncertain and not any(first.doubtful)
    html = plan_html(r)
    assert '<table class="gantt">' in html
    assert 'title="december: Definitieve keuze van methodiek(en)"' in html
    assert 'title="maart (kolom onzeker): Actie 1 uitvoeren en evalueren' in html
    md = plan_markdown(r)
    assert "- **1.1-1 – Zoeken naar evenwicht" in md
    assert "januari: Bepalen of expertise aanwezig" in md
    assert "| 4.1-1 ? Bekendmaking Sociale Kaart" in md


def test_no_gantt_says_why(elzoh: Plan) -> None:
    r = plan_report(elzoh)
    assert r.timeline is None and r.timeline_note is not None
    assert r.timeline_note.startswith(
        "De sectie ‘Tijdslijn’ bevat geen tabel maar verwijst naar Bijlage I; die bijlage "
        "bevat geen tekst (wellicht een afbeelding). (p. 6)"
    )


def evil_plan(tmp: Path) -> Plan:
    return extract_file(write_variant(tmp, "kemp<img src=x>.txt", evil_text())).plan


def test_document_text_is_escaped(tmp_path: Path) -> None:
    plan = evil_plan(tmp_path)
    assert plan.action("1.1-1").title.startswith(EVIL)
    written = write_overview([plan, plan], tmp_path / "out")
    for path in written:
        text = path.read_text("utf-8")
        if path.suffix in (".html", ".md"):
            assert "<script" not in text.lower(), path.name
            assert "<img" not in text, path.name
    page = (tmp_path / "out" / "kemp-img-src-x.rapport.html").read_text("utf-8")
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; denkt na" in page
    assert "kemp&lt;img src=x&gt;.txt" in page
    assert "Strategische doelstelling 1 – &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    md = (tmp_path / "out" / "kemp-img-src-x.rapport.md").read_text("utf-8")
    assert "&lt;script&gt;alert('x')&lt;/script&gt; denkt na" in md


def test_safe_file_names() -> None:
    assert safe_name("../../etc/passwd") == "etc-passwd"
    assert safe_name("Plan ELZ Kemp & Duin 2025") == "Plan-ELZ-Kemp-Duin-2025"
    assert safe_name("...") == "plan" and safe_name("") == "plan"
    assert safe_name("x" * 300) == "x" * 80
    assert unique_names(["kemp", "Kemp", "kemp", "../kemp"]) == [
        "kemp",
        "Kemp-2",
        "kemp-3",
        "kemp-4",
    ]


def test_overview_never_writes_outside(tmp_path: Path, kemp: Plan) -> None:
    out = tmp_path / "out"
    written = write_overview([("../../buiten", kemp), ("/etc/x", kemp)], out)
    assert all(out.resolve() in p.parents for p in written)
    assert sorted(p.name for p in written) == [
        "buiten.rapport.html",
        "buiten.rapport.json",
        "buiten.rapport.md",
        "etc-x.rapport.html",
        "etc-x.rapport.json",
        "etc-x.rapport.md",
        "index.html",
        "index.json",
        "index.md",
    ]


def test_archive_overview(tmp_path: Path, kemp: Plan, elzoh: Plan) -> None:
    write_overview([kemp, elzoh], tmp_path)
    data = json.loads((tmp_path / "index.json").read_text("utf-8"))
    assert [p["link"] for p in data["plans"]] == [
        "kemp-en-duin-actieplan-2025.rapport.html",
        "zuidoost-hageland-actieplan-2025.rapport.html",
    ]
    heat = {row["name"]: {c["key"]: c for c in row["cells"]} for row in data["heatmap"]}
    elzoh_row = heat["Eerstelijnszone Zuidoost Hageland"]
    # Shares of the 7 actions on the form: 5 of them have 'niet doen'; the 4 free-text
    # actions are a column of their own, not a gap in every field.
    assert elzoh_row["what.dont"]["percent"] == 71.4
    assert elzoh_row["what"]["percent"] == 100.0
    elzoh_heat = next(r for r in data["heatmap"] if r["name"].endswith("Zuidoost Hageland"))
    assert elzoh_heat["template"]["percent"] == 63.6  # 7 of 11 actions on the form
    assert (elzoh_heat["template_actions"], elzoh_heat["actions"]) == (7, 11)
    fields = {c["key"]: c["field"] for c in data["columns"]}
    assert fields["evaluation.selected"] == fields["evaluation.criteria"] == "Evaluatie"
    assert fields["with_whom.lead"] == "Met wie?"
    assert elzoh_row["how.milestones"]["percent"] is None  # not on ELZOH's form
    assert elzoh_row["how.milestones"]["band"] == "na"
    assert heat["ELZ Kemp en Duin"]["what.dont"]["band"] == "good"
    codes = {c["code"]: c for c in data["codes"]}
    assert codes["action.not_template"]["per_plan"] == [0, 4]
    assert codes["goal.number_gap"]["per_plan"] == [3, 0]
    # Kemp en Duin's two grids have 12 columns; ELZOH's Tijdslijn says 'zie Bijlage I'.
    assert [p["timeline"] for p in data["plans"]] == [
        "tabel, 12 kolommen",
        "alleen een verwijzing (Bijlage I)",
    ]
    html = (tmp_path / "index.html").read_text("utf-8")
    assert "<td>alleen een verwijzing (Bijlage I)</td>" in html
    assert '<a href="kemp-en-duin-actieplan-2025.rapport.html">ELZ Kemp en Duin</a>' in html
    md = (tmp_path / "index.md").read_text("utf-8")
    assert "[ELZ Kemp en Duin](kemp-en-duin-actieplan-2025.rapport.html)" in md


def test_overview_of_a_generator_keeps_the_year(kemp: Plan, elzoh: Plan) -> None:
    """The batch passes plans one at a time; the title's year comes from what was read."""
    pairs = [("k.html", kemp), ("e.html", elzoh)]
    from_list = overview(pairs)
    from_generator = overview(pair for pair in pairs)
    assert from_generator.title == from_list.title == "Kwaliteitsoverzicht actieplannen 2025"
    assert [p.short for p in from_generator.plans] == ["Kemp en Duin", "Zuidoost Hageland"]


def test_report_command(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["report", str(KEMP_TXT), str(ELZOH_TXT), "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "index.html",
        "index.json",
        "index.md",
        "kemp-en-duin-actieplan-2025.rapport.html",
        "kemp-en-duin-actieplan-2025.rapport.json",
        "kemp-en-duin-actieplan-2025.rapport.md",
        "zuidoost-hageland-actieplan-2025.rapport.html",
        "zuidoost-hageland-actieplan-2025.rapport.json",
        "zuidoost-hageland-actieplan-2025.rapport.md",
    ]
    assert (
        "zuidoost-hageland-actieplan-2025: completeness 62,1 %, 0 errors, 7 warnings, 1 info"
        in result.stderr
    )


def test_report_from_json_equals_report_from_text(tmp_path: Path) -> None:
    plan_json = tmp_path / f"{KEMP_TXT.stem}.json"
    plan_json.write_text(plan_to_json(extract_file(KEMP_TXT).plan), "utf-8")
    runner = CliRunner()
    for source, out in ((plan_json, "a"), (KEMP_TXT, "b")):
        result = runner.invoke(main, ["report", str(source), "--out", str(tmp_path / out)])
        assert result.exit_code == 0, result.output
    for ext in ("html", "md", "json"):
        name = f"{KEMP_TXT.stem}.rapport.{ext}"
        a = (tmp_path / "a" / name).read_text("utf-8")
        assert a == (tmp_path / "b" / name).read_text("utf-8")
    assert not (tmp_path / "a" / "index.html").exists()  # one plan: no overview


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"{not json", "not a planextract plan JSON"),
        (
            b'{"schema_version": "1.0"}',
            "not a planextract plan JSON (tool_version: Field required)",
        ),
    ],
)
def test_bad_json_input(tmp_path: Path, content: bytes, reason: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    result = CliRunner().invoke(
        main, ["report", str(bad), str(ELZOH_TXT), "--out", str(tmp_path / "out")]
    )
    assert result.exit_code == 1
    line = next(x for x in result.stderr.splitlines() if x.startswith("error:"))
    assert line.startswith(f"error: {bad}: {reason}")
    assert "Traceback" not in result.output
    assert (tmp_path / "out" / "zuidoost-hageland-actieplan-2025.rapport.html").exists()


def test_scores_do_not_mislead(tmp_path: Path, kemp: Plan, elzoh: Plan) -> None:
    """ELZOH: 0 errors but 4 of 11 actions in free text and 7 warnings."""
    write_overview([kemp, elzoh], tmp_path)
    page = (tmp_path / "zuidoost-hageland-actieplan-2025.rapport.html").read_text("utf-8")
    # No green '0 fouten' card on a plan with warnings; the free-text actions are flagged.
    assert '<div class="card plain"><div class="v">0</div><div class="k">fouten</div>' in page
    assert '<div class="card warn"><div class="v">11</div>' in page
    # Dutch words only: the source format and the evaluation types.
    assert "(tekstexport, 24 pagina's)" in page and "(text," not in page
    r = plan_report(kemp)
    assert "outcome" not in {f.field_name for f in r.findings}
    # Findings most severe first (the JSON keeps reading order).
    ranks = [{"error": 0, "warning": 1, "info": 2}[f.severity] for f in r.findings]
    assert ranks == sorted(ranks) and ranks[0] == 1 and ranks[-1] == 2
    assert [f.severity for f in kemp.quality.findings] != [f.severity for f in r.findings]
    # Every heatmap sub-header stands under its field.
    index = (tmp_path / "index.html").read_text("utf-8")
    head = index.split('<table class="heatmap">', 1)[1].split("</thead>", 1)[0]
    assert '<th class="group" colspan="3">Evaluatie</th>' in head
    assert '<th title="Evaluatie › aangevinkt">aangevinkt</th>' in head
    assert '<th title="Met wie? › trekker">trekker</th>' in head


def test_quotes_are_cut_at_a_word() -> None:
    from planextract.quality.registry import quote

    title = "ELZ Kemp en Duin verduurzaamt de samenwerking met het Logo en de lokale besturen"
    assert quote(title, 40) == "‘ELZ Kemp en Duin verduurzaamt de …’"
    assert quote("kort", 40) == "‘kort’"
