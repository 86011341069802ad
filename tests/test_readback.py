"""Results are read back without holding them whole (issue 16, point 4).

A result has an absolute bound in bytes besides the bound relative to its input; every
command that reads one back checks its size first and refuses a larger file unread.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bounded import cli
from conftest import KEMP_TXT

from planextract.errors import LimitExceeded
from planextract.extract.limits import Limits, check_output
from planextract.models.plan import Plan
from planextract.pipeline import plan_to_json

BIG = 32 << 20  # Limits.max_output_bytes


def _sparse(path: Path, size: int) -> Path:
    """A file of `size` bytes that takes no disk space and is no JSON."""
    with path.open("wb") as fh:
        fh.truncate(size)
    return path


def _plan(path: Path) -> Plan:
    from planextract.pipeline import extract_file

    return extract_file(path, enrich=False).plan


def test_a_result_has_an_absolute_bound_in_bytes() -> None:
    limits = Limits(max_output_bytes=1 << 20)
    check_output("x" * (1 << 20), 10**9, "a.txt", limits)  # at the bound
    with pytest.raises(LimitExceeded, match="more than the 1 MB a result may have"):
        check_output("x" * ((1 << 20) + 1), 10**9, "a.txt", limits)
    # Counted in bytes as written: 400 000 checkboxes are 1.2 MB of UTF-8.
    with pytest.raises(LimitExceeded, match="more than the 1 MB a result may have"):
        check_output("☒" * 400_000, 10**9, "a.txt", limits)


def test_report_refuses_a_result_too_large_unread(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    big = _sparse(tmp_path / "in" / "big.json", BIG + 1)
    (tmp_path / "in" / "ok.json").write_text(plan_to_json(_plan(KEMP_TXT)), "utf-8")
    message = (
        f"big.json: the result is {(BIG + 1) // 1024} KB, more than the 32 MB a result may have"
    )
    done = cli("report", str(big), str(tmp_path / "in" / "ok.json"), "--out", str(tmp_path / "r"))
    assert done.returncode == 1
    assert f"error: {big}: the result is" in done.stderr and message in done.stderr, done.stderr
    assert (tmp_path / "r" / "ok.rapport.html").is_file()


def test_report_holds_one_plan_at_a_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each plan's report is written as soon as it is read; the overview keeps summaries."""
    import gc
    import weakref

    from click.testing import CliRunner
    from conftest import ELZOH_TXT

    import planextract.cli.report as command
    from planextract.cli import main

    alive: list[weakref.ref[Plan]] = []
    real = command.load_plan

    def counting(*args: object) -> Plan:
        gc.collect()
        assert sum(ref() is not None for ref in alive) == 0, "an earlier plan is still held"
        plan = real(*args)  # type: ignore[arg-type]
        alive.append(weakref.ref(plan))
        return plan

    monkeypatch.setattr(command, "load_plan", counting)
    inputs = [str(KEMP_TXT), str(ELZOH_TXT), str(KEMP_TXT)]
    done = CliRunner().invoke(main, ["report", *inputs, "--out", str(tmp_path)])
    assert done.exit_code == 0, done.output
    assert len(alive) == 3
    assert (tmp_path / "kemp-en-duin-actieplan-2025-2.rapport.html").is_file()
    assert "overview: " in done.stderr and (tmp_path / "index.html").is_file()
