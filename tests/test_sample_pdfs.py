"""The sample PDFs: rebuilt byte for byte by the script, from the real text exports.

Checked with pypdfium2 (PDFium's own text extraction), not with our reader.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from conftest import SAMPLES
from pdftext import page_texts

ROOT = SAMPLES.parent
PDFS = SAMPLES / "pdf"


def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_sample_pdfs", ROOT / "scripts" / "make_sample_pdfs.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_sample_pdfs", module)
    spec.loader.exec_module(module)
    return module


def test_script_rebuilds_the_committed_pdf(tmp_path: Path) -> None:
    gen = generator()
    name = "zuidoost-hageland-actieplan-2025"
    layout = gen.plan_layout(SAMPLES / f"{name}.txt")
    out = gen.render_pdf(layout, tmp_path / f"{name}.pdf")
    assert out.read_bytes() == (PDFS / f"{name}.pdf").read_bytes()


@pytest.mark.parametrize(
    ("name", "zone"),
    [
        ("zuidoost-hageland-actieplan-2025", "Eerstelijnszone Zuidoost Hageland"),
        ("kemp-en-duin-actieplan-2025", "ELZ Kemp en Duin"),
    ],
)
def test_running_header_and_footer_on_every_page(name: str, zone: str) -> None:
    texts = page_texts(PDFS / f"{name}.pdf")
    for number, text in enumerate(texts, start=1):
        assert f"Actieplan {zone}" in text
        assert f"Pagina {number} van {len(texts)}" in text


def test_annex_is_a_picture() -> None:
    texts = page_texts(PDFS / "zuidoost-hageland-actieplan-2025.pdf")
    annex = next(n for n, text in enumerate(texts) if "BIJLAGE I" in text)
    assert annex == len(texts) - 2  # the heading page and one more picture page
    for text in texts[annex:]:
        body = [
            line
            for line in text.splitlines()
            if line.strip() and not line.startswith(("Actieplan", "Pagina"))
        ]
        assert body in (["BIJLAGE I"], [])
