"""The HTML reports in a real browser: headless Chromium renders them and shows the
findings. CI installs Debian's `chromium` (.ci/run); without it these tests are skipped."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from headless import dump_dom, find_chromium, layout_at, print_pdf, screenshot
from pdftext import page_texts
from PIL import Image
from variants import EVIL, evil_text, write_variant

from planextract.models.plan import Plan
from planextract.pipeline import extract_file
from planextract.report.archive import write_overview

pytestmark = pytest.mark.skipif(
    find_chromium() is None,
    reason="chromium not installed (CI installs it: apt-get install chromium)",
)


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory, kemp: Plan, elzoh: Plan) -> Path:
    out = tmp_path_factory.mktemp("reports")
    write_overview([("kemp", kemp), ("elzoh", elzoh)], out)
    return out


def test_kemp_report_renders_with_its_findings(reports: Path) -> None:
    dom = dump_dom(reports / "kemp.rapport.html")
    assert "<h1>Kwaliteitsrapport actieplan 2025 – ELZ Kemp en Duin</h1>" in dom
    assert "Strategische doelstelling 2 komt 2 keer voor met een andere titel" in dom
    assert "Operationele doelstelling 4.2 staat na 4.5; de nummering loopt niet op." in dom
    assert "ontbreken 4.3–4.4 (gevonden: 4.1, 4.5, 4.5, 4.2, 4.5)" in dom
    assert "(‘Te bepalen per interventie’), maar het vakje is niet aangevinkt." in dom
    assert '<table class="gantt">' in dom and "Definitieve keuze van methodiek(en)" in dom
    assert "<script" not in dom


def test_elzoh_report_renders_with_its_findings(reports: Path) -> None:
    dom = dump_dom(reports / "elzoh.rapport.html")
    assert "Bij ‘Wat?’ ontbreekt het onderdeel ‘Wat ga je niet doen?’" in dom
    assert dom.count("Deze actie staat als vrije tekst in het plan") == 4
    assert "verwijst naar Bijlage I; die bijlage bevat geen tekst" in dom


def test_overview_renders(reports: Path) -> None:
    dom = dump_dom(reports / "index.html")
    assert '<a href="kemp.rapport.html">ELZ Kemp en Duin</a>' in dom
    assert '<a href="elzoh.rapport.html">Eerstelijnszone Zuidoost Hageland</a>' in dom
    assert "71,4 %" in dom  # "niet doen" in 5 of the 7 actions on ELZOH's form


def test_markup_in_a_plan_stays_text(tmp_path: Path) -> None:
    plan = extract_file(write_variant(tmp_path, "kemp.txt", evil_text())).plan
    write_overview([("evil", plan)], tmp_path / "out")
    dom = dump_dom(tmp_path / "out" / "evil.rapport.html")
    assert "<script" not in dom  # no element was created from the plan's text
    assert "&lt;script&gt;alert('x')&lt;/script&gt; denkt na" in dom
    assert EVIL not in dom


@pytest.mark.parametrize("name", ["kemp.rapport", "elzoh.rapport", "index"])
def test_screenshot(reports: Path, name: str) -> None:
    png = screenshot(reports / f"{name}.html", reports / f"{name}.png", height=2000)
    with Image.open(png) as image:
        assert image.size == (1400, 2000)
        colours = image.convert("RGB").getcolors(maxcolors=1 << 16)
    # A rendered report has text and the coloured cells, not a blank page.
    assert colours is None or len(colours) > 50


@pytest.mark.parametrize("name", ["kemp.rapport.html", "elzoh.rapport.html", "index.html"])
def test_reports_fit_a_1024_pixel_screen(reports: Path, name: str, tmp_path: Path) -> None:
    """No table wider than its box at 1024 px: every column is on screen (the field
    sub-headers stand upright there). The screenshot is for a person to look at."""
    width, overflowing = layout_at(reports / name, 1024)
    assert width <= 1024 and overflowing == "", (width, overflowing)
    png = screenshot(reports / name, tmp_path / f"{name}.png", width=1024, height=1600)
    assert Image.open(png).size == (1024, 1600)


def test_printed_report_keeps_every_column_and_text(
    reports: Path, tmp_path: Path, kemp: Plan
) -> None:
    pdf = print_pdf(reports / "kemp.rapport.html", tmp_path / "kemp.pdf")
    texts = [" ".join(t.split()) for t in page_texts(pdf)]
    with pdfplumber.open(pdf) as doc:
        sizes = [(float(p.width), float(p.height)) for p in doc.pages]
    # The actions x fields table is printed landscape, its head on every page it spans,
    # with the last column ('Volledig') and every action's score.
    table_pages = [k for k, t in enumerate(texts) if "100,0 %" in t and "Titel" in t]
    assert len(table_pages) >= 2
    for k in table_pages:
        width, height = sizes[k]
        assert width > height, k
        glued = texts[k].replace(" ", "")  # upright sub-headers come out letter by letter
        assert "Volledig" in glued and "stakeholders" in glued, k
        assert "impact(outcome)" in glued, k
    printed = " ".join(texts)
    for action in kemp.actions():
        assert f"{action.id} " in printed
    # Timeline texts are printed in full (not cut, not only on hover), words whole.
    assert kemp.timeline is not None
    cells = [c for t in kemp.timeline.tables for r in t.rows for c in r.cells if c]
    for cell in cells:
        assert " ".join(cell.split()) in printed, cell
