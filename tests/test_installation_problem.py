"""A library that cannot be loaded is the installation's fault, not the file's: it is said
so on one line, never reported as a damaged PDF, and a batch tries the file again."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import KEMP_PDF

from planextract.batch.discover import WorkItem
from planextract.batch.job import Setup, Task, run_task
from planextract.cli import main
from planextract.errors import SETUP, PlanExtractError
from planextract.extract.limits import Limits
from planextract.extract.read_pdf import read_pdf
from planextract.rules.profile import load_profile


@pytest.fixture
def no_pdfium(monkeypatch: pytest.MonkeyPatch) -> None:
    """`import pypdfium2` fails, as in an installation that lost it (the reader's own
    module, already imported, keeps its bindings: only the package import fails)."""
    import planextract.extract.pdfium_page  # noqa: F401  (imported as a working install has it)

    monkeypatch.setitem(sys.modules, "pypdfium2", None)


def test_a_missing_reader_library_is_no_damaged_pdf(no_pdfium: None) -> None:
    with pytest.raises(ImportError) as caught:
        read_pdf(KEMP_PDF, load_profile(), Limits())
    assert not isinstance(caught.value, PlanExtractError)
    assert "pypdfium2" in str(caught.value)


def test_extract_names_the_file_and_the_installation(no_pdfium: None, tmp_path: Path) -> None:
    done = CliRunner().invoke(
        main, ["extract", str(KEMP_PDF), "--no-enrich", "--out", str(tmp_path)]
    )
    assert done.exit_code == 1
    lines = done.stderr.strip().splitlines()
    assert lines == [
        f"error: {KEMP_PDF}: a library planextract needs cannot be loaded "
        "(import of pypdfium2 halted; None in sys.modules); reinstall planextract"
    ]
    assert "damaged" not in done.stderr and "Traceback" not in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_batch_worker_reports_it_as_setup(no_pdfium: None) -> None:
    setup = Setup(enrich=False)
    item = WorkItem(source=str(KEMP_PDF), path=KEMP_PDF, name=KEMP_PDF.name)
    outcome = run_task(Task(item, None), setup, setup.profile())
    assert (outcome.status, outcome.code) == ("failed", SETUP)
    assert outcome.error is not None and "reinstall planextract" in outcome.error
