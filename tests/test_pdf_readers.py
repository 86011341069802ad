"""The PDFium reader (default) and `--reader pdfplumber` give the same Document and the
same JSON on every sample PDF and variant: the same lines with the same text, pages,
fonts, sizes, styles, colours, hints and tables; positions within a point (PDFium keeps
glyph widths in whole thousandths of an em, pdfminer in the font's own precision, so long
lines drift apart by a fraction of a point)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import PDF_VARIANTS, SAMPLES

from planextract.extract.limits import Limits
from planextract.models.document import Document
from planextract.pipeline import extract_document, plan_to_json, read_document
from planextract.rules.profile import load_profile

PDFS = sorted((SAMPLES / "pdf").glob("*.pdf")) + sorted(PDF_VARIANTS.glob("*.pdf"))
POINT = 1.0


def assert_close(a: Any, b: Any, where: str) -> None:
    """Equal, floats within a point, at every level of dicts, lists and tuples."""
    if isinstance(a, float) and isinstance(b, float | int):
        assert abs(a - b) <= POINT, (where, a, b)
    elif isinstance(a, dict):
        assert isinstance(b, dict) and a.keys() == b.keys(), (where, a, b)
        for key in a:
            assert_close(a[key], b[key], f"{where}.{key}")
    elif isinstance(a, list | tuple):
        assert isinstance(b, list | tuple) and len(a) == len(b), (where, a, b)
        for k, (x, y) in enumerate(zip(a, b, strict=True)):
            assert_close(x, y, f"{where}[{k}]")
    else:
        assert a == b, (where, a, b)


def read(path: Path, reader: str) -> Document:
    return read_document(path, load_profile(), Limits(), reader)


@pytest.fixture(scope="module", params=PDFS, ids=[p.name for p in PDFS])
def both(request: pytest.FixtureRequest) -> tuple[Document, Document]:
    return read(request.param, "pdfium"), read(request.param, "pdfplumber")


def test_sample_pdfs_are_all_compared() -> None:
    names = {p.name for p in PDFS}
    assert "kemp-en-duin-actieplan-2025.pdf" in names
    assert "zuidoost-hageland-acroform.pdf" in names
    assert len(names) == 5


def test_same_document(both: tuple[Document, Document]) -> None:
    pdfium, plumber = both
    assert pdfium.page_count == plumber.page_count
    assert len(pdfium.lines) == len(plumber.lines)
    for a, b in zip(pdfium.lines, plumber.lines, strict=True):
        assert_close(dataclasses.asdict(a), dataclasses.asdict(b), f"line {b.no} {b.text!r}")
    assert pdfium.page_issues == plumber.page_issues
    assert_close(
        [dataclasses.asdict(t) for t in pdfium.tables],
        [dataclasses.asdict(t) for t in plumber.tables],
        "tables",
    )


def test_same_json(both: tuple[Document, Document]) -> None:
    pdfium, plumber = both
    profile = load_profile()
    a = json.loads(plan_to_json(extract_document(pdfium, profile).plan))
    b = json.loads(plan_to_json(extract_document(plumber, profile).plan))
    assert a["strategic_goals"] and a["extraction"]["coverage"] == 100.0
    assert_close(a, b, "plan")


def test_reader_names_checked() -> None:
    with pytest.raises(ValueError, match="unknown PDF reader"):
        read(PDFS[0], "poppler")


def test_cli_reader_option(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from planextract.cli import main

    path = SAMPLES / "pdf" / "zuidoost-hageland-actieplan-2025.pdf"
    outputs = []
    for reader in ("pdfium", "pdfplumber"):
        result = CliRunner().invoke(main, ["extract", str(path), "--reader", reader, "-q"])
        assert result.exit_code == 0, result.output
        outputs.append(json.loads(result.stdout))
    assert_close(outputs[0], outputs[1], "plan")
    bad = CliRunner().invoke(main, ["extract", str(path), "--reader", "poppler"])
    assert bad.exit_code == 2
