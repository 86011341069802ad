"""A month table behind the last action under a heading no profile knows ('Kalender 2025',
'Maandoverzicht'), made from Kemp en Duin's own timeline block moved there: the heading
opens the timeline section, the tables are the sample's own, and no action is made of
their rows. The same table in the middle of the goals stays where it is."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ELZOH_TXT, KEMP_PDF, KEMP_TXT
from sample_rewrite import kemp_timeline_moved_to_the_end, timeline_contents
from test_sample_pdfs import generator

from planextract.models.plan import Plan
from planextract.pipeline import extract_file
from planextract.rules.months import opens_with_month


def _extract(path: Path) -> Plan:
    return extract_file(path, enrich=False).plan


@pytest.fixture(scope="module")
def original() -> Plan:
    return _extract(KEMP_TXT)


def _actions(plan: Plan) -> list[tuple[str, str, str]]:
    return [(a.id, a.kind, a.title) for a in plan.actions()]


@pytest.mark.parametrize("title", ["Kalender 2025", "Maandoverzicht", "Overzicht per maand"])
def test_a_month_table_after_the_goals_under_an_unknown_heading(
    tmp_path: Path, original: Plan, title: str
) -> None:
    path = tmp_path / "kemp-kalender.txt"
    path.write_text(kemp_timeline_moved_to_the_end(KEMP_TXT, title), "utf-8")
    plan = _extract(path)
    assert _actions(plan) == _actions(original)  # before: six narrative actions more
    assert timeline_contents(plan) == timeline_contents(original)
    section = plan.sections[-1]
    assert (section.title, section.kind, section.text) == (title, "timeline", "")
    assert plan.timeline_status.status == "table"
    assert plan.timeline_status.reason == f"De tijdslijn staat als tabel in de sectie ‘{title}’."
    last, before = plan.actions()[-1], original.actions()[-1]
    assert last.title == before.title and last.evaluation == before.evaluation
    assert plan.unassigned == []


def test_the_same_table_inside_the_goals_is_left_to_them(tmp_path: Path, original: Plan) -> None:
    """Between SD 2 and SD 4 the goals go on after it: no section is opened there, and
    every goal after it keeps its actions."""
    text = kemp_timeline_moved_to_the_end(KEMP_TXT, "Kalender 2025")
    cut = text.index("\n Kalender 2025 \n")
    block, text = text[cut:], text[:cut] + "\n"
    sd4 = text.index("\n Strategische doelstelling 4 –")
    path = tmp_path / "kemp-midden.txt"
    path.write_text(text[:sd4] + block.rstrip("\n") + "\n" + text[sd4:], "utf-8")
    plan = _extract(path)
    assert not any(s.kind == "timeline" for s in plan.sections)
    assert [sd.number for sd in plan.strategic_goals] == [
        sd.number for sd in original.strategic_goals
    ]
    template = [a for a in _actions(plan) if a[1] == "template"]
    assert template == [a for a in _actions(original) if a[1] == "template"]


def test_month_rows_open_with_a_month_name() -> None:
    rows = [line for line in KEMP_TXT.read_text("utf-8").split("\n") if opens_with_month(line)]
    assert rows[0].startswith("Januari ")
    assert {line.split()[0] for line in rows} >= {"Januari", "Februari", "Maart", "December"}
    assert not opens_with_month("Maandelijks overleg met de partners")
    assert opens_with_month("sept. Overleg") and opens_with_month("Mei: evaluatie")


def test_a_pdf_with_the_month_table_after_the_goals(tmp_path: Path) -> None:
    """The same variant rendered as the sample PDFs are (scripts/make_sample_pdfs.py):
    the table's cells become no actions either, and the tables are the sample PDF's."""
    gen = generator()
    text = tmp_path / KEMP_TXT.name
    text.write_text(kemp_timeline_moved_to_the_end(KEMP_TXT, "Kalender 2025"), "utf-8")
    timeline = KEMP_TXT.with_name("kemp-en-duin-tijdslijn.toml")  # the tables' cells
    shutil.copy(timeline, tmp_path / timeline.name)
    pdf = gen.render_pdf(gen.plan_layout(text), tmp_path / "kemp-kalender.pdf")
    plan = _extract(pdf)
    sample = _extract(KEMP_PDF)
    assert _actions(plan) == _actions(sample)  # before: 28 narrative actions more
    assert timeline_contents(plan) == timeline_contents(sample)
    assert (plan.sections[-1].title, plan.sections[-1].kind) == ("Kalender 2025", "timeline")
    assert (
        plan.timeline_status.reason == "De tijdslijn staat als tabel in de sectie ‘Kalender 2025’."
    )


def _kemp_table_block(title: str) -> str:
    """Kemp en Duin's own month tables under `title`, as a block of lines to insert."""
    moved = kemp_timeline_moved_to_the_end(KEMP_TXT, title)
    return moved[moved.index(f"\n {title} \n") + 1 :].rstrip("\n") + "\n\n"


WAAKT = "ELZOH waakt erover dat, hoewel doelstellingen"  # Zuidoost Hageland's last paragraph


def test_a_month_table_with_prose_after_it_opens_no_section(tmp_path: Path) -> None:
    """Inside ELZOH's last (narrative) action, its own prose after the table: the rule
    leaves it to the goals (its Tijdslijn section renamed, so no timeline section
    decides). The action keeps its prose; the table's lines stay in the goals, as any
    month table inside them does (their rows read as narrative actions there)."""
    text = ELZOH_TXT.read_text("utf-8").replace("\n Tijdslijn \n", "\n Opvolging \n", 1)
    assert text.count(WAAKT) == 1
    path = tmp_path / "zoh-tabel-in-actie.txt"
    path.write_text(text.replace(WAAKT, _kemp_table_block("Kalender werkgroep") + WAAKT), "utf-8")
    plan = _extract(path)
    assert not any(s.kind == "timeline" for s in plan.sections)
    assert [s.title for s in plan.sections][-2:] == ["Acties 2025", "BIJLAGE I"]
    assert WAAKT in plan.actions()[-1].text
    assert plan.unassigned == []


def test_a_plan_with_its_timeline_section_keeps_it(tmp_path: Path) -> None:
    """ELZOH has its Tijdslijn section (pointing to Bijlage I): a month table behind the
    last action opens no second one."""
    text = ELZOH_TXT.read_text("utf-8")
    annex = "\n BIJLAGE I \n"
    assert text.count(annex) == 1
    path = tmp_path / "zoh-tabel-achteraan.txt"
    path.write_text(
        text.replace(annex, "\n\n" + _kemp_table_block("Kalender 2025") + annex), "utf-8"
    )
    plan = _extract(path)
    assert [s.title for s in plan.sections if s.kind == "timeline"] == ["Tijdslijn"]
