"""Results are read back without holding them whole (issue 16, point 4).

A result has an absolute bound in bytes besides the bound relative to its input; every
command that reads one back checks its size first and refuses a larger file unread. The
batch supervisor never receives or parses a plan: each worker writes the JSON and the
quality report into a staging folder and sends back only a summary. `report` and `export`
read one plan at a time. Checked structurally (what crosses the pipe, what is parsed, how
many plans are alive), not with the clock.
"""

from __future__ import annotations

import json
import pickle
import sys
from copy import deepcopy
from pathlib import Path

import pytest
from bounded import cli
from conftest import ELZOH_TXT, KEMP_TXT
from variants import replace_once, sample_text, write_variant

from planextract.batch.job import Outcome, Setup, Task, _report, run_task
from planextract.batch.progress import Progress
from planextract.batch.run import BatchOptions, run_batch
from planextract.batch.staging import RESULT, Staging, remove_stale_staging
from planextract.errors import LimitExceeded
from planextract.extract.limits import Limits, check_output
from planextract.models import contract
from planextract.models.plan import Plan
from planextract.pipeline import plan_to_json

LABELS = "Wat?\nWaarom?\nVoor wie?\nMet wie?\nHoe?\nEvaluatie\n☒ Procesevaluatie\n"
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


def _labels_plan(tmp: Path, reps: int) -> Path:
    """Kemp en Duin with `reps` bare label blocks: each one more action, so the JSON is
    many times the text (500: about 2.7 MB from 94 KB, under the output bound)."""
    text = replace_once(sample_text("kemp"), "Wat? \n", LABELS * reps + "Wat? \n")
    return write_variant(tmp, f"labels-{reps}.txt", text)


def test_the_worker_sends_a_summary_not_the_plan(tmp_path: Path) -> None:
    """What crosses the pipe for a 2.7 MB result is a few KB; the JSON is in the stage."""
    from planextract.batch.discover import WorkItem
    from planextract.rules.profile import load_profile

    source = _labels_plan(tmp_path, 500)
    stage = tmp_path / "stage"
    stage.mkdir()
    item = WorkItem(source=source.name, path=source, name=source.name, output="x.json")
    task = Task(item, tmp_path / "x.json", stage=stage, report_name="x")
    outcome = run_task(task, Setup(enrich=False), load_profile())
    assert (outcome.status, outcome.staged, outcome.error) == ("converted", True, None)
    result = (stage / RESULT).stat().st_size
    assert result > 2_000_000
    assert len(pickle.dumps(outcome)) * 100 < result, len(pickle.dumps(outcome))
    assert outcome.summary is not None and outcome.summary.entry.actions > 500
    assert sorted(p.name for p in stage.iterdir()) == [
        "result.json",
        "x.rapport.html",
        "x.rapport.json",
        "x.rapport.md",
    ]


def _no_parsing(*args: object, **kwargs: object) -> Plan:
    raise AssertionError("the supervisor parsed a plan")


def test_the_supervisor_never_parses_a_plan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Converted and skipped alike: results and reports are moved into place, the overview
    is made from the workers' summaries (the workers are separate processes: the patch
    holds only here)."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "kemp.txt").write_bytes(KEMP_TXT.read_bytes())
    (folder / "elzoh.txt").write_bytes(ELZOH_TXT.read_bytes())
    (folder / "kapot.txt").write_bytes(b"\x00\x01 no plan")
    out = tmp_path / "out"
    monkeypatch.setattr(contract, "plan_from_json", _no_parsing)
    monkeypatch.setattr(contract, "plan_adapter", _no_parsing)
    options = BatchOptions(out_dir=out, jobs=2, setup=Setup(enrich=False))
    for status in ("converted", "skipped"):
        report = run_batch([folder], options, Progress(sys.stderr))
        got = {r["file"]: r["status"] for r in report.rows}
        assert got == {"in/elzoh.txt": status, "in/kemp.txt": status, "in/kapot.txt": "failed"}
        assert report.overview is not None
        overview = json.loads((out / "_kwaliteitsrapport" / "index.json").read_text())
        assert [p["short"] for p in overview["plans"]] == ["Zuidoost Hageland", "Kemp en Duin"]
        assert [p["link"] for p in overview["plans"]] == [
            "in__elzoh.rapport.html",
            "in__kemp.rapport.html",
        ]
        assert (out / "_kwaliteitsrapport" / "in__kemp.rapport.md").is_file()
        assert json.loads((out / "in" / "kemp.json").read_text())["year"] == 2025
        # Nothing staged is left behind, and the staging folder is gone.
        assert sorted(p.name for p in (out / ".planextract").iterdir()) == ["journal.jsonl"]


def test_a_stage_that_cannot_be_written_is_no_failure_of_the_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worker cannot write its result (as with a full disk): 'output', retried next run."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "kemp.txt").write_bytes(KEMP_TXT.read_bytes())
    out = tmp_path / "out"
    options = BatchOptions(out_dir=out, jobs=1, setup=Setup(enrich=False))
    monkeypatch.setattr(Staging, "prepare", staticmethod(lambda stage: None))
    report = run_batch([folder], options, Progress(sys.stderr))
    row = report.rows[0]
    assert (row["status"], row["code"]) == ("failed", "output")
    assert row["error"].startswith("cannot write the result (")
    assert not (out / "in" / "kemp.json").exists()
    monkeypatch.undo()
    report = run_batch([folder], options, Progress(sys.stderr))
    assert report.rows[0]["status"] == "converted"


def test_a_report_that_fails_keeps_the_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kemp: Plan
) -> None:
    import planextract.batch.job as job

    def broken(*args: object) -> dict[str, str]:
        raise ValueError("simulated report bug\nsecond line")

    monkeypatch.setattr(job, "plan_report_texts", broken)
    from planextract.batch.discover import WorkItem
    from planextract.rules.profile import load_profile

    item = WorkItem(source="kemp.txt", path=KEMP_TXT, name="kemp.txt")
    outcome = Outcome("kemp.txt", "converted")
    task = Task(item, None, stage=tmp_path, report_name="kemp")
    _report(kemp, task, load_profile(), outcome)
    assert outcome.summary is None
    assert outcome.report_error == "internal error (ValueError: simulated report bug)"


def test_stale_staging_is_removed_only_when_its_batch_is_gone(tmp_path: Path) -> None:
    from planextract.batch.resume import remove_stale_temp
    from planextract.output import atomic_path

    running = Staging(tmp_path)  # holds its lock, like a batch that is running
    stage = running.task(0)
    Staging.prepare(stage)
    with atomic_path(stage / RESULT) as tmp:  # a worker of that batch is writing
        tmp.write_text("{")
        killed = Staging(tmp_path)
        Staging.prepare(killed.task(0))
        (killed.task(0) / RESULT).write_text("{")
        assert killed._lock is not None
        killed._lock.close()  # as when its batch is killed: the lock goes with the process
        killed._lock = None
        assert remove_stale_staging(tmp_path) == 1
        assert remove_stale_temp(tmp_path) == 0
        assert not killed.path.exists()
        assert tmp.exists() and running.path.exists()
    running.close()
    assert not running.path.exists()


def test_export_refuses_a_result_too_large_unread(tmp_path: Path, kemp: Plan) -> None:
    (tmp_path / "in").mkdir()
    _sparse(tmp_path / "in" / "big.json", BIG + 1)
    (tmp_path / "in" / "ok.json").write_text(plan_to_json(kemp), "utf-8")
    done = cli("export", str(tmp_path / "in"), "--csv", str(tmp_path / "csv"))
    assert done.returncode == 1
    message = f"big.json: the result is {(BIG + 1) // 1024} KB, more than the 32 MB a result"
    assert f"error: {message} may have; not read" in done.stderr, done.stderr
    assert "1 plans exported" in done.stderr


def test_export_holds_one_plan_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kemp: Plan, elzoh: Plan
) -> None:
    import gc
    import weakref

    import planextract.export.writers as writers

    folder = tmp_path / "in"
    folder.mkdir()
    for k in range(4):
        plan = deepcopy((kemp, elzoh)[k % 2])
        plan.year = 2020 + k
        (folder / f"plan-{k}.json").write_text(plan_to_json(plan), "utf-8")
    alive: list[weakref.ref[Plan]] = []
    real = writers.read_result

    def counting(path: Path, name: str, limits: Limits | None = None) -> Plan:
        gc.collect()
        assert sum(ref() is not None for ref in alive) == 0, "an earlier plan is still held"
        plan = real(path, name, limits)
        alive.append(weakref.ref(plan))
        return plan

    monkeypatch.setattr(writers, "read_result", counting)
    found = writers.scan(folder)
    assert (len(found.files), found.problems) == (4, [])
    done = writers.write_tables(found, sqlite_file=tmp_path / "p.db", csv_dir=tmp_path / "csv")
    # plan-2 and plan-3 say what plan-0 and plan-1 say: copies, with a `plans` row only.
    assert done.counts["plans"] == 4 and done.counts["actions"] == 12 + 11
    assert len(alive) == 8  # each plan read twice, one at a time


def test_a_result_out_of_proportion_is_refused_alike_in_report_and_batch(tmp_path: Path) -> None:
    """The input extract refuses (tests/test_hostile.py): report wrote 90 MB of reports for
    the issue's 506 KB of labels; now it refuses with extract's line, and batch as well."""
    folder = tmp_path / "in"
    folder.mkdir()
    path = _labels_plan(folder, 2500)  # 13 MB of JSON from 240 KB
    done = cli("report", str(path), "--out", str(tmp_path / "r"))
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {path}: the result would be"), lines
    assert "more than 25 times the input" in lines[0]
    assert not (tmp_path / "r").exists() or not any((tmp_path / "r").iterdir())
    done = cli("batch", str(folder), "--out", str(tmp_path / "b"), "-j", "1", "--no-enrich")
    assert done.returncode == 1
    row = json.loads((tmp_path / "b" / "index.jsonl").read_text().splitlines()[0])
    assert (row["status"], row["code"]) == ("failed", "limit")
    assert row["error"].startswith("the result would be"), row


def test_batch_refuses_a_device_that_never_ends(tmp_path: Path) -> None:
    """/dev/zero was hashed until the time limit (120 s), then called slow."""
    done = cli("batch", "/dev/zero", "--out", str(tmp_path / "b"), "-j", "1")
    assert done.returncode == 1
    row = json.loads((tmp_path / "b" / "index.jsonl").read_text().splitlines()[0])
    assert (row["code"], row["error"]) == ("limit", "more than the limit of 104857600 bytes")


def test_the_summary_names_results_without_a_report() -> None:
    from planextract.batch.run import BatchReport
    from planextract.batch.summary import summary_lines

    report = BatchReport(rows=[], outcomes=[], report_errors=["a.txt: internal error (X: y)"])
    lines = summary_lines(report)
    at = lines.index("results without a quality report (left out of the overview):")
    assert lines[at + 1] == "  a.txt: internal error (X: y)"
    assert summary_lines(report, quiet=True) == ["no quality report: a.txt: internal error (X: y)"]
