"""OCR at run time, without Tesseract: the file's time budget that grows with its pages
read by OCR (capped), the supervisor's deadline that grows alike, the progress display,
and resuming a batch with and without OCR.

The OCR of a page is replaced by a fake that returns one line and moves a fake clock on
by a fixed number of seconds, so no test here depends on how fast the machine is.
"""

from __future__ import annotations

import io
import signal
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import KEMP_TXT
from PIL import Image

from planextract import __version__
from planextract.batch.job import Setup, Task
from planextract.batch.progress import BarProgress, LineProgress, Progress
from planextract.batch.resume import Journal, existing_result
from planextract.batch.workers import WorkerPool, _Slot, hard_deadline
from planextract.errors import LimitExceeded
from planextract.extract import ocr_hook, ocr_page, read_pdf
from planextract.extract.limits import Limits, extend_time_budget, time_budget
from planextract.extract.ocr_hook import OcrNote, ocr_listener, unread_note
from planextract.extract.ocr_issues import OCR_OFF
from planextract.extract.pdf_page import PageContent
from planextract.models.document import Line
from planextract.models.plan import SourceNote
from planextract.pipeline import Result, extract_file, plan_to_json
from planextract.rules.profile import load_profile


def pictures_pdf(path: Path, pages: int) -> Path:
    """A PDF of `pages` small white pictures: every page without a text layer."""
    images = [Image.new("L", (60, 85), 255) for _ in range(pages)]
    images[0].save(path, format="PDF", save_all=True, append_images=images[1:], resolution=10)
    return path


SECONDS_PER_PAGE = 15.0  # within the per-page grant of 20 s; 9 pages pass the default 120 s


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def monotonic(self) -> float:
        return self.now


@pytest.fixture
def fake_ocr(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    """OCR that takes `SECONDS_PER_PAGE` on a fake clock and reads one line per page."""
    clock = FakeClock()
    monkeypatch.setattr(read_pdf, "time", clock)
    monkeypatch.setattr(ocr_hook, "time", clock)
    monkeypatch.setattr(ocr_page.OcrReader, "unavailable", property(lambda self: None))

    def read(self: Any, page_no: int, rules: Any, seconds: float) -> ocr_page.OcrPage:
        assert seconds > 0  # what is left of the file's budget
        clock.now += SECONDS_PER_PAGE
        line = Line(no=0, raw=f"Pagina {page_no}", text=f"Pagina {page_no}", page=page_no)
        content = PageContent(lines=[line], tables=[], body_chars=8, image_coverage=0.0)
        return ocr_page.OcrPage(content, [], SECONDS_PER_PAGE)

    monkeypatch.setattr(ocr_page.OcrReader, "read", read)
    return clock


def read(path: Path, limits: Limits) -> tuple[list[OcrNote], Any]:
    notes: list[OcrNote] = []
    with ocr_listener(notes.append):
        doc = read_pdf.read_pdf(path, load_profile(), limits)
    return notes, doc


def test_a_scan_within_the_page_bound_completes_under_the_defaults(
    tmp_path: Path, fake_ocr: FakeClock
) -> None:
    """38 scanned pages at 15 s each: 570 s, far more than the default 120 s per file,
    but every page read with OCR adds 20 s to the file's budget."""
    limits = Limits()
    assert (limits.seconds, limits.ocr_page_seconds) == (120.0, 20.0)
    notes, doc = read(pictures_pdf(tmp_path / "scan.pdf", 38), limits)
    assert [line.text for line in doc.lines] == [f"Pagina {n}" for n in range(1, 39)]
    assert [(n.page, n.pages) for n in notes] == [(n, 38) for n in range(1, 39)]
    assert [n.granted for n in notes] == [20.0 * n for n in range(1, 39)]
    assert fake_ocr.now - 1000.0 == 38 * SECONDS_PER_PAGE


def test_the_grant_is_capped_so_a_hostile_scan_stays_bounded(
    tmp_path: Path, fake_ocr: FakeClock
) -> None:
    """100 pictures: the grants stop at 1200 s, and the file ends at 120 + 1200 s."""
    with pytest.raises(LimitExceeded) as err:
        read(pictures_pdf(tmp_path / "many.pdf", 100), Limits())
    # Before page k the clock says 15 (k - 1) s; the budget is 120 + min(20 k, 1200) s.
    assert str(err.value) == (
        "many.pdf: took longer than the time limit of 120 s plus 1200 s for its pages "
        "read with OCR (OCR stopped at page 89 of 100)"
    )
    assert fake_ocr.now - 1000.0 == 88 * SECONDS_PER_PAGE


def test_the_grant_and_its_cap_are_limits(tmp_path: Path, fake_ocr: FakeClock) -> None:
    """20 s, 10 s a page, at most 15 s more: after 3 pages the clock (45 s) is past the
    35 s the file has, and it ends before its 4th page."""
    limits = Limits(seconds=20, ocr_page_seconds=10, ocr_seconds=15)
    notes: list[OcrNote] = []
    with ocr_listener(notes.append), pytest.raises(LimitExceeded) as err:
        read_pdf.read_pdf(pictures_pdf(tmp_path / "four.pdf", 4), load_profile(), limits)
    assert [n.granted for n in notes] == [10, 15, 15]
    assert str(err.value) == (
        "four.pdf: took longer than the time limit of 20 s plus 15 s for its pages read "
        "with OCR (stopped at page 4 of 4)"
    )


def test_without_ocr_nothing_is_granted(tmp_path: Path, fake_ocr: FakeClock) -> None:
    path = pictures_pdf(tmp_path / "scan.pdf", 3)
    notes: list[OcrNote] = []
    with ocr_listener(notes.append), pytest.raises(Exception, match="no text layer"):
        read_pdf.read_pdf(path, load_profile(), Limits(ocr=False))
    assert notes == []


def test_the_running_time_budget_grows() -> None:
    assert extend_time_budget(5) == 0.0  # no budget is running
    with time_budget(100, "plan.pdf"):
        assert extend_time_budget(20) == 20
        assert extend_time_budget(30) == 50
        left = signal.getitimer(signal.ITIMER_REAL)[0]
        assert 140 < left <= 150
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0
    assert extend_time_budget(5) == 0.0


def test_an_extended_budget_names_its_grant_when_it_ends() -> None:
    with pytest.raises(LimitExceeded) as err, time_budget(0.05, "scan.pdf"):
        extend_time_budget(0.05)
        stop = time.monotonic() + 30  # a guard, not a measurement
        while time.monotonic() < stop:
            time.sleep(0.01)
    assert str(err.value) == (
        "scan.pdf: took longer than the time limit of 0.05 s plus 0.05 s for its pages "
        "read with OCR"
    )


def test_the_supervisor_deadline_grows_with_the_worker_grant() -> None:
    limits = Limits(seconds=10)
    pool = WorkerPool(1, Setup(limits=limits, enrich=False))
    seen: list[tuple[str, int, int]] = []
    pool.on_ocr = lambda task, note: seen.append((task.item.source, note.page, note.pages))
    item = type("Item", (), {"source": "scan.pdf"})()
    slot = _Slot(process=None, conn=None, task=Task(item, None))  # type: ignore[arg-type]
    slot.started, slot.allowed = 500.0, pool.hard_seconds
    pool._noted(slot, OcrNote(3, 22, 60.0))
    assert slot.allowed == hard_deadline(10 + 60)
    assert slot.deadline == 500.0 + hard_deadline(70)
    pool._noted(slot, OcrNote(4, 22, 10_000.0))  # never beyond the cap, whatever it says
    assert slot.allowed == hard_deadline(10 + limits.ocr_seconds)
    assert seen == [("scan.pdf", 3, 22), ("scan.pdf", 4, 22)]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_shows_pages_read_by_ocr() -> None:
    terminal = _Terminal()
    bar = BarProgress(terminal)
    bar.start(2)
    bar.started("archief/scan.pdf")
    bar.ocr_page("archief/scan.pdf", 3, 22)
    assert (
        terminal.getvalue().rsplit("\r\x1b[K", 1)[1].endswith("archief/scan.pdf (OCR pagina 3/22)")
    )
    log = io.StringIO()
    lines = LineProgress(log)
    lines.start(12)
    lines.ocr_page("archief/scan.pdf", 3, 22)
    assert log.getvalue() == "[ 0/12] ocr       archief/scan.pdf: OCR pagina 3/22\n"
    quiet = io.StringIO()
    Progress(quiet).ocr_page("archief/scan.pdf", 3, 22)
    assert quiet.getvalue() == ""


def test_extract_on_a_terminal_shows_ocr_pages(tmp_path: Path, fake_ocr: FakeClock) -> None:
    terminal = _Terminal()
    with ocr_hook.ocr_on_terminal("scan.pdf", terminal):
        read_pdf.read_pdf(pictures_pdf(tmp_path / "scan.pdf", 2), load_profile(), Limits())
    assert terminal.getvalue() == (
        "\r\x1b[Kscan.pdf: OCR pagina 1/2\r\x1b[Kscan.pdf: OCR pagina 2/2\r\x1b[K"
    )
    piped = io.StringIO()  # not a terminal: nothing
    with ocr_hook.ocr_on_terminal("scan.pdf", piped):
        read_pdf.read_pdf(pictures_pdf(tmp_path / "scan.pdf", 2), load_profile(), Limits())
    assert piped.getvalue() == ""


def test_a_result_without_ocr_is_redone_when_ocr_is_asked(tmp_path: Path) -> None:
    plan = extract_file(KEMP_TXT, enrich=False).plan
    profile = plan.source.profile
    done = tmp_path / "kemp.json"
    done.write_text(plan_to_json(plan), "utf-8")
    sha = plan.source.sha256
    # No page left unread: the same with or without OCR.
    assert existing_result(done, sha, profile, enrich=False, ocr=True) is not None
    assert existing_result(done, sha, profile, enrich=False, ocr=False) is not None
    note = unread_note({3, 4}, None)[0]
    assert (note.code, note.detail) == (
        OCR_OFF,
        "pagina's zonder tekstlaag niet met OCR gelezen (--no-ocr): 3, 4",
    )
    plan.source.notes.append(SourceNote(code=note.code, detail=note.detail))
    done.write_text(plan_to_json(plan), "utf-8")
    assert existing_result(done, sha, profile, enrich=False, ocr=True) is None
    assert existing_result(done, sha, profile, enrich=False, ocr=False) is not None
    assert unread_note(set(), None) == []


def test_failures_are_remembered_per_ocr_setting(tmp_path: Path) -> None:
    from planextract.batch.resume import failure_limits
    from planextract.extract.zipbounds import ZipLimits

    with_ocr = failure_limits(Limits(ocr=True), 2048, ZipLimits())
    without = failure_limits(Limits(ocr=False), 2048, ZipLimits())
    journal = Journal(tmp_path)
    base = {"status": "failed", "sha256": "ab", "tool_version": __version__, "profile": "p"}
    journal.append({**base, "file": "scan.pdf", "code": "no-text", "limits": without})
    journal.append({**base, "file": "slow.pdf", "code": "limit", "limits": with_ocr})
    journal.append({**base, "file": "old.pdf", "code": "unreadable", "ocr": True})  # no key
    assert sorted(journal.known_failures("p", with_ocr)) == ["slow.pdf"]
    assert sorted(journal.known_failures("p", without)) == ["scan.pdf"]


def test_the_plan_says_which_pages_no_ocr_left_unread(elzoh_pdf_result: Result) -> None:
    """The ELZOH sample PDF read with --no-ocr: its two annex pictures stay unread, and
    the plan says why (a batch run with OCR redoes it)."""
    notes = elzoh_pdf_result.plan.source.notes
    assert [(n.code, n.detail) for n in notes] == [
        (OCR_OFF, "pagina's zonder tekstlaag niet met OCR gelezen (--no-ocr): 21, 22")
    ]
    found = [f.message for f in elzoh_pdf_result.plan.quality.findings if f.code == "source.note"]
    assert found == ["Pagina's zonder tekstlaag niet met OCR gelezen (--no-ocr): 21, 22."]
