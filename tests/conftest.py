"""Shared fixtures: the two real plans, extracted once per test session."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from planextract.extract.limits import Limits
from planextract.models.plan import Action, Plan
from planextract.pipeline import Result, extract_file

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
ELZOH_TXT = SAMPLES / "zuidoost-hageland-actieplan-2025.txt"
KEMP_TXT = SAMPLES / "kemp-en-duin-actieplan-2025.txt"
# Rendered from the text exports by scripts/make_sample_pdfs.py.
ELZOH_PDF = SAMPLES / "pdf" / "zuidoost-hageland-actieplan-2025.pdf"
KEMP_PDF = SAMPLES / "pdf" / "kemp-en-duin-actieplan-2025.pdf"
# Test fixtures, not samples: scripts/make_sample_pdfs.py --variants.
PDF_VARIANTS = Path(__file__).resolve().parent / "fixtures" / "pdf"


@pytest.fixture(scope="session")
def elzoh_result() -> Result:
    return extract_file(ELZOH_TXT)


@pytest.fixture(scope="session")
def kemp_result() -> Result:
    return extract_file(KEMP_TXT)


@pytest.fixture(scope="session")
def elzoh_pdf_result() -> Result:
    # The text layer only: the annex pictures are not in the text export either, and the
    # parity tests compare the two (the annex read by OCR: tests/test_ocr_mixed.py).
    return extract_file(ELZOH_PDF, limits=Limits(ocr=False))


@pytest.fixture(scope="session")
def kemp_pdf_result() -> Result:
    return extract_file(KEMP_PDF)


@pytest.fixture(scope="session")
def elzoh(elzoh_result: Result) -> Plan:
    return elzoh_result.plan


@pytest.fixture(scope="session")
def kemp(kemp_result: Result) -> Plan:
    return kemp_result.plan


def action_by_title(plan: Plan, start: str) -> Action:
    """The one action whose title starts with `start`."""
    found = [a for a in plan.actions() if a.title.startswith(start)]
    assert len(found) == 1, [a.title for a in found]
    return found[0]


def pdfium_pages(
    path: Path, order: Iterable[int] | None = None
) -> Iterator[tuple[int, Any, Any, float]]:
    """(index, page, PDFium text page, the page's top as the reader takes it) for each page
    of a PDF, in `order` (default: all), each closed after its turn."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    pdf = pdfium.PdfDocument(path)
    try:
        for index in range(len(pdf)) if order is None else order:
            page = pdf[index]
            textpage = pdfium_c.FPDFText_LoadPage(page.raw)
            try:
                yield index, page, textpage, page.get_mediabox()[3]
            finally:
                pdfium_c.FPDFText_ClosePage(textpage)
                page.close()
    finally:
        pdf.close()


def texts(items: list | None) -> list[str]:
    assert items is not None
    return [item.text for item in items]


# Word versions of the samples, written by scripts/make_sample_docx.py into a temporary
# folder once per session (test fixtures, not samples: `batch samples/` does not see them).
def _docx_script():
    import importlib.util
    import sys

    name = "make_sample_docx"
    if name not in sys.modules:
        path = SAMPLES.parent / "scripts" / f"{name}.py"
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture(scope="session")
def docx_script():
    return _docx_script()


@pytest.fixture(scope="session")
def docx_dir(tmp_path_factory: pytest.TempPathFactory, docx_script) -> Path:
    out = tmp_path_factory.mktemp("docx")
    for name in (ELZOH_TXT.name, KEMP_TXT.name):
        docx_script.write_sample(name, out)
    return out


@pytest.fixture(scope="session")
def elzoh_docx(docx_dir: Path) -> Path:
    return docx_dir / ELZOH_TXT.name.replace(".txt", ".docx")


@pytest.fixture(scope="session")
def kemp_docx(docx_dir: Path) -> Path:
    return docx_dir / KEMP_TXT.name.replace(".txt", ".docx")


@pytest.fixture(scope="session")
def elzoh_docx_result(elzoh_docx: Path) -> Result:
    return extract_file(elzoh_docx)


@pytest.fixture(scope="session")
def kemp_docx_result(kemp_docx: Path) -> Result:
    return extract_file(kemp_docx)
