"""Input files whose names are as long as a file system allows: their results are written
(the JSON name and the temporary file made to fit), by `extract` and by `batch`."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ELZOH_TXT

from planextract.output import NAME_MAX_BYTES, fitting_name

ROOT = Path(__file__).resolve().parent.parent


def test_a_name_that_fits_is_kept() -> None:
    assert (
        fitting_name("kemp-en-duin-actieplan-2025", ".json") == "kemp-en-duin-actieplan-2025.json"
    )
    assert fitting_name("a" * 250, ".json") == "a" * 250 + ".json"


def test_a_name_too_long_is_cut_and_marked() -> None:
    one, two = "é" * 200 + "1", "é" * 200 + "2"  # 401 bytes each, the same start
    a, b = fitting_name(one, ".json"), fitting_name(two, ".json")
    assert a != b
    for name in (a, b):
        assert len(name.encode("utf-8")) <= NAME_MAX_BYTES
        assert name.startswith("é" * 100) and name.endswith(".json")
        assert "~" in name


def _named(folder: Path, length: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / ("p" * (length - 4) + ".txt")
    shutil.copy(ELZOH_TXT, path)
    return path


@pytest.mark.parametrize("length", [240, 255])
def test_extract_writes_the_result_of_a_long_name(tmp_path: Path, length: int) -> None:
    source = _named(tmp_path / "in", length)
    out = tmp_path / "out"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "planextract",
            "extract",
            str(source),
            "--out",
            str(out),
            "--no-enrich",
            "-q",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    (result,) = out.iterdir()
    assert result.name.endswith(".json") and len(result.name.encode()) <= NAME_MAX_BYTES
    assert '"organisation": "Eerstelijnszone Zuidoost Hageland"' in result.read_text("utf-8")


def test_batch_converts_a_255_byte_name_and_skips_it_next_time(tmp_path: Path) -> None:
    _named(tmp_path / "in", 255)
    command = [
        sys.executable,
        "-m",
        "planextract",
        "batch",
        str(tmp_path / "in"),
        "--out",
        str(tmp_path / "out"),
        "-j",
        "1",
        "--no-enrich",
    ]
    first = subprocess.run(command, capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert first.returncode == 0, first.stderr
    assert "1 converted" in first.stderr + first.stdout
    again = subprocess.run(command, capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert "1 skipped" in again.stderr + again.stdout
    results = list((tmp_path / "out" / "in").glob("*.json"))
    assert len(results) == 1 and "~" in results[0].name
