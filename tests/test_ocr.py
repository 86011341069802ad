"""Scanned plans read with OCR: the sample PDFs printed-and-scanned by
scripts/make_scanned_pdfs.py (200 dpi, turned slightly, noise, JPEG, no text layer) and
compared with what the text layer of the same PDF gives.

OCR costs seconds per page on 2 shared cores (4-5 s): each sample is scanned whole and read
once per test session (session fixtures, about 3 minutes for Kemp en Duin's 38 pages and 2
for ELZOH's 22), under the default limits (a page read with OCR adds to the file's time
budget); the mixed PDFs and the batch on a few pages.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ELZOH_PDF, KEMP_PDF
from ocr_compare import actions, checkboxes, compare, norm, title_similarity

from planextract.cli import main
from planextract.errors import LimitExceeded, NoTextLayer
from planextract.extract.limits import Limits
from planextract.extract.ocr_issues import OCR_OFF, OCR_PAGE
from planextract.models.document import NO_TEXT_LAYER
from planextract.models.plan import Action, Plan
from planextract.pipeline import Result, extract_file, plan_to_json

HAS_TESSERACT = shutil.which("tesseract") is not None
if not HAS_TESSERACT and os.environ.get("REQUIRE_TESSERACT") == "1":
    raise RuntimeError("REQUIRE_TESSERACT=1 but tesseract is not installed")
pytestmark = pytest.mark.skipif(not HAS_TESSERACT, reason="tesseract is not installed")

_SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "make_scanned_pdfs.py"
_spec = importlib.util.spec_from_file_location("make_scanned_pdfs", _SCRIPT)
assert _spec and _spec.loader
scanner = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(scanner)

NO_OCR = Limits(ocr=False)
DEFAULTS = Limits()  # 120 s per file, plus 20 s per page read with OCR (at most 1200 s)


@pytest.fixture(scope="session")
def scans(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("scans")


@pytest.fixture(scope="session")
def elzoh_text() -> Result:
    """The same PDF from its text layer (its picture annex OCR'd alike, see below)."""
    return extract_file(ELZOH_PDF, enrich=False)


@pytest.fixture(scope="session")
def elzoh_scanned(scans: Path) -> Result:
    path = scanner.scan_pdf(ELZOH_PDF, scans / "elzoh.pdf")
    return extract_file(path, limits=DEFAULTS, enrich=False)


@pytest.fixture(scope="session")
def kemp_text() -> Result:
    """Kemp en Duin from the text layer of the sample PDF (it has no pictures)."""
    return extract_file(KEMP_PDF, limits=NO_OCR, enrich=False)


@pytest.fixture(scope="session")
def kemp_scanned(scans: Path) -> Result:
    """All 38 pages of the Kemp en Duin PDF, scanned, read once per session."""
    path = scanner.scan_pdf(KEMP_PDF, scans / "kemp.pdf")
    return extract_file(path, limits=DEFAULTS, enrich=False)


def by_title(plan: Plan, start: str) -> Action:
    found = [a for a in actions(plan) if title_similarity(a.title[: len(start)], start) > 0.9]
    assert len(found) == 1, [a.title for a in actions(plan)]
    return found[0]


def test_scanned_plan_has_the_same_goals_and_actions(
    elzoh_text: Result, elzoh_scanned: Result
) -> None:
    cmp = compare(elzoh_text.plan, elzoh_scanned.plan)
    assert cmp.same_structure
    for ref, got in zip(cmp.goals_ref, cmp.goals_ocr, strict=True):
        assert title_similarity(ref, got) > 0.95, (ref, got)
    for ref, got in zip(cmp.titles_ref, cmp.titles_ocr, strict=True):
        assert title_similarity(ref, got) > 0.95, (ref, got)
    assert cmp.content >= 0.95, cmp.worst[:5]
    assert not cmp.boxes_wrong  # every checkbox right or flagged as unreadable
    assert cmp.boxes_right + cmp.boxes_flagged == 14


def test_scanned_plan_real_content(elzoh_scanned: Result) -> None:
    plan = elzoh_scanned.plan
    assert plan.strategic_goals[0].title == "ELZOH komt tot goed bestuur"
    action = by_title(plan, "ELZOH inventariseert en zet verdere stappen naar optimalisatie")
    assert action.title.endswith("van de IT workflow")  # the wrapped title joined
    assert action.evaluation is not None
    assert action.evaluation.process is not None and action.evaluation.process.selected
    assert action.evaluation.output is not None and action.evaluation.output.selected
    criteria = [norm(c.text) for c in action.evaluation.output.criteria]
    assert "Er is een interne audit over het gebruik van 'Mailchimp'." in [
        c.replace("Eris", "Er is") for c in criteria
    ] or any("interne audit over het gebruik van" in c for c in criteria)
    assert action.pages == [4, 5]
    assert action.what is not None and action.what.do
    assert norm(action.what.do[0].text).startswith("ELZOH gaat een samenwerkingsverband aan")
    assert action.what.do[0].marker == "•"


def test_the_plan_says_which_pages_were_read_by_ocr(elzoh_scanned: Result) -> None:
    issues = elzoh_scanned.plan.extraction.page_issues
    assert sorted(i.page for i in issues if i.code == OCR_PAGE) == list(range(1, 23))
    assert not [i for i in issues if i.code == NO_TEXT_LAYER]
    ocr_findings = [f for f in elzoh_scanned.plan.quality.findings if f.code == "pages.ocr"]
    assert [f.pages for f in ocr_findings] == [[n] for n in range(1, 23)]
    assert "gelezen met OCR" in ocr_findings[0].message


# From samples/kemp-en-duin-actieplan-2025.txt, by hand: the goal headings as the document
# has them (it reuses SD 2 with another title, and OD 4.5 three times), each action's title
# as it starts, and its boxes (Procesevaluatie, Output, Outcome) as ☒ / ☐ there.
KEMP_GOALS = [
    ("1", "ELZ Kemp en Duin handelt naar de principes van goed bestuur"),
    ("2", "ELZ Kemp en Duin werkt data-gedreven, complementair en met gedragenheid"),
    (
        "2",
        "ELZ Kemp en Duin stimuleert preventief aanbod ter bevordering van de algehele "
        "mentale en fysieke gezondheid van de PZON",
    ),
    ("4", "Interprofessionele communicatie en afstemming"),
    (
        "5",
        "ELZ Kemp en Duin stimuleert preventief aanbod ter bevordering van de algehele "
        "mentale en fysieke gezondheid van de PZON",
    ),
]
KEMP_ODS = ["1.1", "2.1", "2.2", "2.3", "4.1", "4.5", "4.5", "4.2", "4.5", "5.1", "5.4", "5.5"]
KEMP_ACTIONS = [
    ("ELZ Kemp en Duin denkt na over hoe er op de vergaderingen van het BO", (0, 1, 1)),
    ("ELZ Kemp en Duin gaat het gesprek aan door een inspiratiesessie te", (1, 1, 1)),
    ("ELZ Kemp en Duin voert kwalitatief onderzoek uit om de noden", (0, 1, 0)),
    ("ELZ Kemp en Duin betrekt de PZON/burger actiever in haar werking", (1, 1, 0)),
    ("ELZ Kemp en Duin stimuleert eerstelijnsactoren om zich te registreren", (1, 0, 0)),
    ("ELZ Kemp en Duin faciliteert en gaat een structurele samenwerking aan", (1, 1, 0)),
    ("ELZ Kemp en Duin organiseert netwerklunches op wijkniveau", (1, 1, 0)),
    ("ELZ Kemp en Duin deelt haar activiteiten en 'good practices' via", (1, 1, 0)),
    ("Project transmurale zorg i.s.m. ZOL en ELZ Maasland", (1, 1, 0)),
    ("ELZ Kemp en Duin stimuleert traumasensitief werken", (1, 1, 0)),
    ("ELZ Kemp en Duin gaat in overleg met lokale partners om beschikbare", (1, 1, 0)),
    ("ELZ Kemp en Duin verduurzaamt de samenwerking met het Logo en de", (1, 1, 0)),
]


def test_scanned_kemp_has_the_same_goals_and_actions(
    kemp_text: Result, kemp_scanned: Result
) -> None:
    """The whole Kemp en Duin scan against the text layer of the same PDF."""
    cmp = compare(kemp_text.plan, kemp_scanned.plan)
    assert cmp.same_structure
    assert len(cmp.goals_ref) == 17 and len(cmp.titles_ref) == 12
    for ref, got in zip(cmp.goals_ref, cmp.goals_ocr, strict=True):
        assert title_similarity(ref, got) > 0.95, (ref, got)
    for ref, got in zip(cmp.titles_ref, cmp.titles_ocr, strict=True):
        assert title_similarity(ref, got) > 0.95, (ref, got)
    assert [a.id for a in actions(kemp_scanned.plan)] == [a.id for a in actions(kemp_text.plan)]
    assert cmp.content >= 0.95, cmp.worst[:5]
    assert not cmp.boxes_wrong  # every checkbox right or flagged as unreadable
    assert cmp.boxes_right + cmp.boxes_flagged == 36
    assert cmp.boxes_flagged <= 2, cmp.boxes_flagged  # measured: 36 right, none flagged


def test_scanned_kemp_goals_and_titles_as_the_document_has_them(kemp_scanned: Result) -> None:
    plan = kemp_scanned.plan
    got = [(g.number, norm(g.title)) for g in plan.strategic_goals]
    assert [n for n, _ in got] == [n for n, _ in KEMP_GOALS]
    for (_, title), (_, expected) in zip(got, KEMP_GOALS, strict=True):
        assert title_similarity(title, expected) > 0.97, (title, expected)
    assert [od.number for g in plan.strategic_goals for od in g.operational_goals] == KEMP_ODS
    titles = [norm(a.title) for a in actions(plan)]
    assert len(titles) == len(KEMP_ACTIONS)
    for title, (start, _) in zip(titles, KEMP_ACTIONS, strict=True):
        assert title_similarity(title[: len(start)], start) > 0.95, (title, start)


def test_scanned_kemp_checkboxes(kemp_scanned: Result) -> None:
    """Every box of the 12 actions from the pixels: right, or flagged; none wrong."""
    wrong, flagged = [], []
    for action, (start, states) in zip(actions(kemp_scanned.plan), KEMP_ACTIONS, strict=True):
        got = checkboxes(action)
        for key, state in zip(("process", "output", "outcome"), states, strict=True):
            if got[key] is None:
                flagged.append((start, key))
            elif got[key] != bool(state):
                wrong.append((start, key, got[key]))
    assert wrong == []
    assert len(flagged) <= 2, flagged


def items(values: list | None) -> list[tuple[str | None, int, str]]:
    assert values is not None
    return [(v.marker, v.level, norm(v.text)) for v in values]


def assert_items(got: list | None, expected: list[tuple[str | None, int, str]]) -> None:
    """The same items with the same markers and levels; each text read alike."""
    found = items(got)
    assert [(m, lvl) for m, lvl, _ in found] == [(m, lvl) for m, lvl, _ in expected], found
    for (_, _, text), (_, _, want) in zip(found, expected, strict=True):
        assert title_similarity(text, want) > 0.9, (text, want)


def test_scanned_kemp_list_items(kemp_scanned: Result) -> None:
    """List items as the sample text has them (checked by hand against
    samples/kemp-en-duin-actieplan-2025.txt): markers, sub-items, both halves of 'Wat?',
    and no running header or footer among them."""
    plan = kemp_scanned.plan
    first = by_title(plan, "ELZ Kemp en Duin denkt na over hoe er op de vergad")
    assert first.what is not None
    assert_items(
        first.what.do,
        [
            (
                "-",
                1,
                "Zoeken naar methodiek(en) die effectief zijn om een evenwicht te vinden "
                "tussen informeren en participeren",
            ),
            ("-", 1, "Implementeren van methodiek(en)"),
        ],
    )
    assert_items(first.what.dont, [("-", 1, "Samenstelling BO aanpassen /veranderen")])
    last = by_title(plan, "ELZ Kemp en Duin verduurzaamt de samenwerking")
    assert last.what is not None and last.with_whom is not None and last.how is not None
    assert_items(
        last.what.do,
        [
            ("-", 1, "Systematisch overleg inplannen"),
            ("-", 1, "Acties bepalen waarrond er samengewerkt kan worden"),
            ("-", 1, "Rolverheldering: wie doet wat wanneer"),
        ],
    )
    assert_items(
        last.with_whom.stakeholders,
        [("-", 1, "LOGO"), ("-", 1, "IGP"), ("-", 1, "Lokale partners")],
    )
    assert_items(
        last.how.steps,
        [
            ("-", 1, "Contacteren van LOGO en IGP."),
            ("-", 1, "Overlegmomenten structureel plannen."),
            ("-", 1, "Overlegmomenten organiseren"),
            ("o", 2, "Logistiek"),
            ("o", 2, "Uitnodigingen versturen"),
            ("o", 2, "Agenda opstellen"),
            ("o", 2, "Verslag maken"),
            ("-", 1, "Overlopen van rollen en taken opgesteld door Departement Zorg."),
            (
                "-",
                1,
                "Minimum twee acties bepalen waarrond samengewerkt wordt. Deze acties worden "
                "uitgewerkt en uitgerold.",
            ),
        ],
    )
    assert_items(
        last.how.milestones,
        [
            ("-", 1, "Contacteren + overlegmomenten plannen"),
            ("-", 1, "Overleg"),
            ("-", 1, "Actie(s) uitwerken en uitrollen"),
            ("-", 1, "Samenwerking evalueren + structureel plannen van overleg"),
        ],
    )
    assert last.evaluation is not None and last.evaluation.outcome is not None
    assert last.evaluation.outcome.criteria == []  # not 'Pagina 38 van 38'
    # Dashes far from their words, which Tesseract leaves out, come from the pixels.
    sharing = by_title(plan, "ELZ Kemp en Duin deelt haar activiteiten")
    assert sharing.for_whom is not None
    assert_items(
        sharing.for_whom.target_groups,
        [("-", 1, "Eerstelijnsactoren ELZ Kemp en Duin"), ("-", 1, "Burger ELZ Kemp en Duin")],
    )
    clusters = by_title(plan, "ELZ Kemp en Duin betrekt de PZON/burger actiever")
    assert clusters.evaluation is not None and clusters.evaluation.outcome is not None
    assert clusters.evaluation.outcome.criteria == []  # '/' in the form; no footer
    assert not [f for f in plan.quality.findings if f.code == "template.unknown_label"]


def list_mismatches(ref: Plan, got: Plan) -> tuple[int, list[str]]:
    """Every list of every action (what to do and not, target groups, stakeholders,
    steps, milestones, each evaluation type's criteria), read by OCR against the text
    layer: how many lists, and each item whose marker or level differs or whose text
    reads less than 0.9 alike (a list of another length: one entry)."""
    count, out = 0, []
    for a, b in zip(actions(ref), actions(got), strict=True):
        theirs = action_lists(b)
        for name, values in action_lists(a).items():
            count += 1
            want, found = items(values), items(theirs.get(name, []))
            if len(want) != len(found):
                out.append(f"{a.id} {name}: {len(found)} items, not {len(want)}")
                continue
            for k, ((m, lvl, text), (m2, lvl2, text2)) in enumerate(zip(want, found, strict=True)):
                if (m, lvl) != (m2, lvl2) or title_similarity(text, text2) <= 0.9:
                    out.append(f"{a.id} {name} {k}: {(m, lvl, text)!r} -> {(m2, lvl2, text2)!r}")
    return count, out


def test_scanned_kemp_every_list_as_the_text_layer(kemp_text: Result, kemp_scanned: Result) -> None:
    count, wrong = list_mismatches(kemp_text.plan, kemp_scanned.plan)
    assert wrong == []
    assert count > 100


def test_scanned_elzoh_every_list_as_the_text_layer(
    elzoh_text: Result, elzoh_scanned: Result
) -> None:
    count, wrong = list_mismatches(elzoh_text.plan, elzoh_scanned.plan)
    # Tesseract reads the arrow marker '➔' as '>', which is left so: '>' may start a
    # criterion ('> 50 deelnemers').
    assert wrong == [
        "3.1-1 what.do 5: ('➔', 1, 'En hoe gaan we deze allen verduurzamen?') -> "
        "('>', 1, 'En hoe gaan we deze allen verduurzamen?')"
    ]
    assert count > 40


def action_lists(action: Action) -> dict[str, list]:
    out: dict[str, list] = {}
    for part, keys in (
        ("what", ("do", "dont")),
        ("for_whom", ("target_groups",)),
        ("with_whom", ("stakeholders",)),
        ("how", ("steps", "milestones")),
    ):
        value = getattr(action, part)
        for key in keys:
            if value is not None and getattr(value, key) is not None:
                out[f"{part}.{key}"] = getattr(value, key)
    if action.evaluation is not None:
        for key, ev in action.evaluation:
            if ev is not None and hasattr(ev, "criteria"):
                out[f"evaluation.{key}"] = ev.criteria
    return out


def test_scanned_timeline_from_the_rulings(kemp_scanned: Result) -> None:
    """The Tijdslijn's cells come from the ruling lines found in the image."""
    plan = kemp_scanned.plan
    assert plan.timeline_status is not None and plan.timeline_status.status == "table"
    assert plan.timeline is not None
    first = plan.timeline.tables[0]
    assert norm(first.columns[1].title) == (
        "Organiseren van inspiratiesessie met schepenen en sociale diensten van de lokale "
        "besturen om het lokaal sociaal beleid af te stemmen."
    )
    assert first.rows[0].label == "Januari"
    assert "Bepalen of expertise aanwezig is binnen het team/DB/BO" in first.rows[0].cells[0]
    assert [len(t.rows) for t in kemp_scanned.document.tables][:2] == [8, 6]


def test_mixed_pdf_reads_text_pages_as_today(scans: Path) -> None:
    """Text pages + a scanned annex: the text pages exactly as without OCR, the rest OCR'd."""
    path = scanner.scan_pdf(KEMP_PDF, scans / "mixed.pdf", [7, 8, 9], text_pages=2)
    plain = extract_file(path, limits=NO_OCR, enrich=False).document
    mixed = extract_file(path, enrich=False).document
    assert [i.page for i in plain.page_issues if i.code == NO_TEXT_LAYER] == [3]

    def page_lines(doc: object, page: int) -> list[tuple[str, object]]:
        return [(line.text, line.bbox) for line in doc.lines if line.page == page]  # type: ignore[attr-defined]

    for page in (1, 2):
        assert page_lines(mixed, page) == page_lines(plain, page)
    assert [i.page for i in mixed.page_issues if i.code == OCR_PAGE] == [3]
    annex = " ".join(text for text, _ in page_lines(mixed, 3))
    assert "ELZ Kemp en Duin gaat het gesprek aan" in annex
    assert any(line.font and line.font.startswith("OCR") for line in mixed.lines)


def test_batch_redoes_what_no_ocr_left_and_shows_the_ocr_pages(tmp_path: Path) -> None:
    """A result made with --no-ocr that left pictured pages unread is redone by a run that
    asks for OCR, and so is a failure for want of OCR; an OCR'd result also serves
    --no-ocr. The pages read with OCR in the batch workers show in the progress."""
    folder = tmp_path / "in"
    scanner.scan_pdf(KEMP_PDF, folder / "mixed.pdf", [7, 8, 9], text_pages=2)
    scanner.scan_pdf(KEMP_PDF, folder / "scan.pdf", [7])
    out = tmp_path / "out"

    def run(*extra: str) -> tuple[str, dict[str, tuple[str, str | None]]]:
        args = ["batch", str(folder), "--out", str(out), "--no-enrich", "--jobs", "1"]
        result = CliRunner().invoke(main, [*args, *extra])
        lines = (out / "index.jsonl").read_text("utf-8").splitlines()
        rows = {r["file"]: (r["status"], r["code"]) for r in map(json.loads, lines)}
        return result.stderr, rows

    err, rows = run("--no-ocr")
    assert rows == {"in/mixed.pdf": ("converted", None), "in/scan.pdf": ("failed", "no-text")}
    assert "OCR pagina" not in err
    notes = json.loads((out / "in" / "mixed.json").read_text("utf-8"))["source"]["notes"]
    assert [n["code"] for n in notes] == [OCR_OFF]
    err, rows = run("--no-ocr")
    assert rows == {"in/mixed.pdf": ("skipped", None), "in/scan.pdf": ("failed", "no-text")}
    assert "were not retried" in err
    err, rows = run()  # asks for OCR: both redone
    assert rows == {"in/mixed.pdf": ("converted", None), "in/scan.pdf": ("converted", None)}
    assert "ocr       in/mixed.pdf: OCR pagina 3/3\n" in err
    assert "ocr       in/scan.pdf: OCR pagina 1/1\n" in err
    mixed = json.loads((out / "in" / "mixed.json").read_text("utf-8"))
    assert mixed["source"]["notes"] == []
    assert [i["page"] for i in mixed["extraction"]["page_issues"] if i["code"] == OCR_PAGE] == [3]
    for extra in (["--no-ocr"], []):  # an OCR'd result serves both
        err, rows = run(*extra)
        assert rows == {"in/mixed.pdf": ("skipped", None), "in/scan.pdf": ("skipped", None)}
        assert "OCR pagina" not in err


def test_sample_annex_pictures_are_read(elzoh_text: Result) -> None:
    """The ELZOH sample PDF is itself mixed: its annex timeline pages are pictures."""
    doc = elzoh_text.document
    assert sorted(i.page for i in doc.page_issues if i.code == OCR_PAGE) == [21, 22]
    annex = " ".join(line.text for line in doc.lines if line.page == 21)
    assert "Tijdslijn Eerstelijnszone Zuidoost Hageland 2025" in annex
    assert "ELZOH realiseert meer betrokkenheid van cluster PZON" in annex
    assert "BIJLAGE I" in annex


def test_ocr_json_is_deterministic(elzoh_text: Result) -> None:
    again = extract_file(ELZOH_PDF, enrich=False)
    assert plan_to_json(again.plan) == plan_to_json(elzoh_text.plan)


def test_no_ocr_keeps_the_clear_error(scans: Path) -> None:
    path = scanner.scan_pdf(KEMP_PDF, scans / "one.pdf", [7])
    with pytest.raises(NoTextLayer) as err:
        extract_file(path, limits=NO_OCR)
    assert str(err.value) == (
        "one.pdf: no text layer on any of its 1 pages (scanned or image-only PDF)"
    )


def test_ocr_time_is_bounded(scans: Path) -> None:
    """However many pages need OCR, the file's budget grows by at most Limits.ocr_seconds
    (the arithmetic with a fake clock: tests/test_ocr_runtime.py)."""
    path = scanner.scan_pdf(KEMP_PDF, scans / "slow.pdf", [7, 8])
    with pytest.raises(LimitExceeded) as err:
        extract_file(path, limits=Limits(seconds=0.2, ocr_page_seconds=0.1, ocr_seconds=0.1))
    assert "took longer than the time limit of 0.2 s plus 0.1 s for its pages read with OCR" in (
        str(err.value)
    )


def test_without_tesseract_text_pages_go_on(
    scans: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import pytesseract

    from planextract.extract import ocr_engine, ocr_hook

    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    ocr_engine.check_available.cache_clear()
    monkeypatch.setattr(ocr_hook, "_warned", set())
    try:
        path = scanner.scan_pdf(KEMP_PDF, scans / "mixed-no-tess.pdf", [7, 8, 9], text_pages=2)
        doc = extract_file(path, enrich=False).document
        issues = [i for i in doc.page_issues if i.code == NO_TEXT_LAYER]
        assert [i.page for i in issues] == [3]
        assert "OCR niet beschikbaar (tesseract is not installed" in issues[0].detail
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and "OCR unavailable" in err[0] and "pages 3 not read" in err[0]
        scanned = scanner.scan_pdf(KEMP_PDF, scans / "scan-no-tess.pdf", [7])
        with pytest.raises(NoTextLayer) as failed:
            extract_file(scanned)
        assert "OCR unavailable: tesseract is not installed" in str(failed.value)
    finally:
        ocr_engine.check_available.cache_clear()


def test_the_page_goes_to_tesseract_uncompressed_and_reads_the_same() -> None:
    """recognise hands the page over as PGM (fast to write), not PNG: tesseract reads the
    same pixels, so the lines are those a PNG gives (the sample's annex page 21)."""
    import pypdfium2 as pdfium
    import pytesseract

    from planextract.extract.ocr_engine import parse_hocr, recognise
    from planextract.extract.ocr_image import render
    from planextract.rules.ocr import load_ocr_rules

    pdf = pdfium.PdfDocument(ELZOH_PDF)
    try:
        image, _ = render(pdf[20], load_ocr_rules())
    finally:
        pdf.close()
    png = image.copy()  # no format: pytesseract writes PNG
    assert png.format is None
    lines = recognise(image, "nld", 120)
    assert image.format == "PPM"
    expected = parse_hocr(
        pytesseract.image_to_pdf_or_hocr(
            png, lang="nld", config="--oem 1 --psm 3", extension="hocr", timeout=120
        )
    )
    assert lines == expected
    assert "Tijdslijn" in " ".join(w.text for line in lines for w in line.words)
