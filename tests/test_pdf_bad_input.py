"""Bad PDFs: one clear line naming the file, never a traceback; limits hold.

Every bad file is made from the sample PDF or the real plan: encrypted by the sample
generator, cut short, damaged, scanned (pages rendered to pictures), or not a PDF.
"""

from __future__ import annotations

import io
import json
import time
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from batch_inputs import pdf_from_objects
from click.testing import CliRunner
from conftest import ELZOH_PDF, ELZOH_TXT
from reportlab.lib.pdfencrypt import StandardEncryption
from test_sample_pdfs import generator

from planextract.cli import main
from planextract.errors import (
    EncryptedInput,
    LimitExceeded,
    NoTextLayer,
    PlanExtractError,
    UnreadableInput,
)
from planextract.extract.limits import Limits, time_budget
from planextract.pipeline import extract_file


def scanned(tmp_path: Path, pages: int = 3) -> Path:
    """The first pages of the sample PDF as pictures only, as a scanner makes them."""
    pdf = pdfium.PdfDocument(ELZOH_PDF)
    images = [pdf[i].render(scale=0.8).to_pil().convert("RGB") for i in range(pages)]
    pdf.close()
    out = tmp_path / "gescand.pdf"
    images[0].save(out, save_all=True, append_images=images[1:], resolution=58)
    return out


@pytest.fixture(scope="module")
def encrypted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    gen = generator()
    layout = gen.plan_layout(ELZOH_TXT)
    out = tmp_path_factory.mktemp("enc") / "beveiligd.pdf"
    return gen.render_pdf(layout, out, encrypt=StandardEncryption("geheim", canPrint=1))


def test_encrypted(encrypted: Path) -> None:
    with pytest.raises(EncryptedInput) as err:
        extract_file(encrypted)
    assert err.value.one_line() == "beveiligd.pdf: encrypted PDF: it needs a password to be read"


@pytest.mark.parametrize("keep", [0.5, 0.97])
def test_truncated(tmp_path: Path, keep: float) -> None:
    data = ELZOH_PDF.read_bytes()
    path = tmp_path / "afgebroken.pdf"
    path.write_bytes(data[: int(len(data) * keep)])
    with pytest.raises(UnreadableInput) as err:
        extract_file(path)
    assert err.value.one_line().startswith("afgebroken.pdf: damaged or truncated PDF (")


def test_pdf_header_on_something_else(tmp_path: Path) -> None:
    path = tmp_path / "kapot.pdf"
    path.write_bytes(b"%PDF-1.7\n" + ELZOH_TXT.read_bytes())
    with pytest.raises(UnreadableInput, match="damaged or truncated PDF"):
        extract_file(path)


def test_a_text_plan_that_mentions_a_pdf_header_is_text(tmp_path: Path) -> None:
    """'%PDF-' in the first line of a .txt is a mention, not a PDF header."""
    path = tmp_path / "plan.txt"
    path.write_bytes(b"Het origineel was een %PDF-1.7 bestand.\n" + ELZOH_TXT.read_bytes())
    plan = extract_file(path, enrich=False).plan
    assert plan.source.format == "text"
    assert [sd.number for sd in plan.strategic_goals] == ["1", "2", "3"]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (ELZOH_TXT.read_bytes(), "not a PDF file (no %PDF header)"),
    ],
)
def test_not_a_pdf(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "plan.pdf"
    path.write_bytes(data)
    with pytest.raises(UnreadableInput) as err:
        extract_file(path)
    assert err.value.one_line() == f"plan.pdf: {reason}"


def test_picture_named_pdf(tmp_path: Path) -> None:
    pdf = pdfium.PdfDocument(ELZOH_PDF)
    buf = io.BytesIO()
    pdf[0].render(scale=0.5).to_pil().save(buf, format="PNG")
    pdf.close()
    path = tmp_path / "plan.pdf"
    path.write_bytes(buf.getvalue())
    with pytest.raises(UnreadableInput, match="not a PDF file"):
        extract_file(path)


def test_scanned_pdf_has_no_text_layer(tmp_path: Path) -> None:
    # With --no-ocr (with OCR the scan is read: tests/test_ocr.py).
    with pytest.raises(NoTextLayer) as err:
        extract_file(scanned(tmp_path), limits=Limits(ocr=False))
    assert err.value.one_line() == (
        "gescand.pdf: no text layer on any of its 3 pages (scanned or image-only PDF)"
    )


def test_page_limit() -> None:
    with pytest.raises(LimitExceeded) as err:
        extract_file(ELZOH_PDF, limits=Limits(max_pages=10))
    assert err.value.one_line() == (
        "zuidoost-hageland-actieplan-2025.pdf: 22 pages, more than the limit 10"
    )


def test_time_budget_is_checked_between_pages() -> None:
    # No SIGALRM here (called outside the CLI): the reader itself stops.
    with pytest.raises(LimitExceeded, match=r"time limit of 1e-09 s \(stopped at page 1 of 22\)"):
        extract_file(ELZOH_PDF, limits=Limits(seconds=1e-9))


def test_a_timeout_caught_and_rewrapped_by_a_library_stays_a_timeout() -> None:
    # spaCy's config parser catches any exception and raises ValueError('Invalid YAML…'):
    # an alarm that fires inside it must still be reported as the time limit.
    def library_code() -> None:
        try:
            time.sleep(1)
        except Exception as exc:
            raise ValueError("Invalid YAML") from exc

    with (
        pytest.raises(LimitExceeded, match=r"time limit of 0\.05 s"),
        time_budget(0.05, "plan.pdf"),
    ):
        library_code()
    with pytest.raises(ValueError, match="Invalid YAML"), time_budget(5, "plan.pdf"):
        raise ValueError("Invalid YAML")  # a real error, no timeout: kept as it is


def test_cli_reports_each_bad_pdf_on_one_line(tmp_path: Path, encrypted: Path) -> None:
    truncated = tmp_path / "afgebroken.pdf"
    truncated.write_bytes(ELZOH_PDF.read_bytes()[:40000])
    files = [encrypted, truncated, scanned(tmp_path, pages=1), ELZOH_PDF]
    result = CliRunner().invoke(
        main, ["extract", *map(str, files), "--out", str(tmp_path), "--no-ocr"]
    )
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert [e.removeprefix("error: ").split(": ")[0] for e in errors] == [str(f) for f in files[:3]]
    assert "Traceback" not in result.stderr
    assert (tmp_path / "zuidoost-hageland-actieplan-2025.json").exists()
    # Each reason on the same line as its file.
    assert errors[0] == f"error: {files[0]}: encrypted PDF: it needs a password to be read"
    assert errors[1].startswith(f"error: {files[1]}: damaged or truncated PDF (")
    assert errors[2] == (
        f"error: {files[2]}: no text layer on any of its 1 pages (scanned or image-only PDF)"
    )


def test_errors_name_the_file(tmp_path: Path, encrypted: Path) -> None:
    for path in (encrypted, scanned(tmp_path, pages=1)):
        with pytest.raises(PlanExtractError) as err:
            extract_file(path, limits=Limits(ocr=False))
        assert err.value.file == path.name


def _plan_pdf_mapping_x_to(target: bytes) -> bytes:
    """A one-page plan in Helvetica whose ToUnicode map sends the code of 'X' to `target`
    (a UTF-16 surrogate is no character)."""
    lines = [
        "Actieplan ELZ Testzone 2025",
        "SD 1 Strategische doelstelling X een",
        "OD 1.1 Operationele doelstelling X twee",
        "Actie: de zone doet X iets",
        "Wat?",
        "Een beschrijving met X teken.",
        "Waarom?",
        "Omdat het moet.",
    ]
    ops = (
        b"BT /F1 11 Tf 14 TL 72 760 Td "
        + b"".join(b"(" + line.encode("latin-1") + b") '" for line in lines)
        + b" ET"
    )
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def\n"
        b"1 begincodespacerange <00> <FF> endcodespacerange\n"
        b"1 beginbfchar <58> <" + target + b"> endbfchar\n"
        b"1 beginbfrange <20> <57> <0020> endbfrange\n"
        b"1 beginbfrange <59> <7E> <0059> endbfrange\n"
        b"endcmap CMapName currentdict /CMap defineresource pop end end"
    )

    def stream(data: bytes) -> bytes:
        return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"

    return pdf_from_objects(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> >>",
            stream(ops),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
            stream(cmap),
        ]
    )


@pytest.mark.parametrize("reader", ["pdfium", "pdfplumber"])
def test_a_surrogate_in_the_text_layer_becomes_a_replacement_character(
    tmp_path: Path, reader: str
) -> None:
    path = tmp_path / "surrogate.pdf"
    path.write_bytes(_plan_pdf_mapping_x_to(b"D800"))
    out = tmp_path / "out"
    args = ["extract", str(path), "--out", str(out), "--reader", reader]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    plan = json.loads((out / "surrogate.json").read_text("utf-8"))
    od = plan["strategic_goals"][0]["operational_goals"][0]
    action = od["actions"][0]
    # PDFium reads the code and gets U+FFFD; pdfminer leaves the character out.
    mark = "\ufffd " if reader == "pdfium" else ""
    assert od["title"] == f"Operationele doelstelling {mark}twee"
    assert action["title"] == f"de zone doet {mark}iets"
    assert action["what"]["text"] == f"Een beschrijving met {mark}teken."
