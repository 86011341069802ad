"""The garbage collector runs less often in planextract's own processes only."""

from __future__ import annotations

import gc
import subprocess
import sys
from collections.abc import Iterator

import pytest
from click.testing import CliRunner

from planextract.cli import main
from planextract.collector import YOUNGEST_THRESHOLD, tune_collector


@pytest.fixture
def threshold() -> Iterator[None]:
    saved = gc.get_threshold()
    yield
    gc.set_threshold(*saved)


def test_tune_raises_the_youngest_threshold_and_keeps_the_others(threshold: None) -> None:
    gc.set_threshold(700, 10, 10)
    tune_collector()
    assert gc.get_threshold() == (YOUNGEST_THRESHOLD, 10, 10)


def test_tune_keeps_a_higher_threshold_and_a_disabled_collector(threshold: None) -> None:
    gc.set_threshold(YOUNGEST_THRESHOLD * 5, 3, 4)
    tune_collector()
    assert gc.get_threshold() == (YOUNGEST_THRESHOLD * 5, 3, 4)
    gc.set_threshold(0)  # threshold 0 disables automatic collection: stays so
    tune_collector()
    assert gc.get_threshold()[0] == 0


def test_a_command_tunes_it(threshold: None) -> None:
    gc.set_threshold(700, 10, 10)
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    assert gc.get_threshold()[0] == YOUNGEST_THRESHOLD


def test_importing_the_library_leaves_the_collector_alone() -> None:
    code = (
        "import gc; before = gc.get_threshold()\n"
        "import planextract.pipeline, planextract.batch.run, planextract.cli\n"
        "assert gc.get_threshold() == before, (before, gc.get_threshold())\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
