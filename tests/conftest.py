"""Shared fixtures: the two real plans, extracted once per test session."""

from __future__ import annotations

from pathlib import Path

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
PDF_VARIANTS = SAMPLES / "pdf" / "variants"


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


def texts(items: list | None) -> list[str]:
    assert items is not None
    return [item.text for item in items]
