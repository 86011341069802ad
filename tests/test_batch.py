"""`planextract batch`: folders and zips with good and broken plans, isolation of crashes
and hangs, resuming, and never writing outside the output folder."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from batch_inputs import faulty_extractor, hostile_zip, mixed_folder, truncated_pdf, write_zip
from click.testing import CliRunner
from conftest import ELZOH_TXT, KEMP_PDF, KEMP_TXT

from planextract.batch.job import Setup
from planextract.batch.progress import BarProgress, Progress, make_progress
from planextract.batch.run import BatchOptions, run_batch
from planextract.cli import main
from planextract.cli.batch import (
    EXIT_FAILED,
    EXIT_FATAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
)
from planextract.extract.limits import Limits
from planextract.pipeline import extract_file, plan_to_json

ROOT = Path(__file__).resolve().parent.parent


def tree(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def index_rows(out: Path) -> dict[str, dict]:
    lines = (out / "index.jsonl").read_text("utf-8").splitlines()
    return {row["file"]: row for row in map(json.loads, lines)}


@pytest.fixture
def archive(tmp_path: Path) -> tuple[Path, Path, Path]:
    inputs = tmp_path / "in"
    inputs.mkdir()
    folder = mixed_folder(inputs)
    zipped = hostile_zip(inputs / "inzending.zip", escape_to=tmp_path / "evil-abs.txt")
    return folder, zipped, tmp_path / "out"


def test_folder_and_zip_with_broken_and_hostile_files(archive: tuple[Path, Path, Path]) -> None:
    folder, zipped, out = archive
    parent = out.parent
    before = tree(parent)
    result = CliRunner().invoke(main, ["batch", str(folder), str(zipped), "--out", str(out)])
    assert result.exit_code == EXIT_FAILED, result.output
    assert "Traceback" not in result.output

    rows = index_rows(out)
    converted = {f: r["output"] for f, r in rows.items() if r["status"] == "converted"}
    assert converted == {
        "archief/2024/zuidoost-hageland-actieplan-2025.pdf": (
            "archief/2024/zuidoost-hageland-actieplan-2025.json"
        ),
        "archief/2025/kemp-en-duin-actieplan-2025.txt": (
            "archief/2025/kemp-en-duin-actieplan-2025.json"
        ),
        "archief/2025/zuidoost-hageland-actieplan-2025.txt": (
            "archief/2025/zuidoost-hageland-actieplan-2025.json"
        ),
        "archief/extra.zip/kemp.txt": "archief/extra/kemp.json",
        "inzending.zip/plannen/elzoh.txt": "inzending/plannen/elzoh.json",
        "inzending.zip/plannen/kemp.txt": "inzending/plannen/kemp.json",
        "inzending.zip/genest/binnen.zip/elzoh.txt": "inzending/genest/binnen/elzoh.json",
    }
    # Every good plan is there, with its real content.
    for output in converted.values():
        data = json.loads((out / output).read_text("utf-8"))
        assert data["organisation"] in {"ELZ Kemp en Duin", "Eerstelijnszone Zuidoost Hageland"}
    kemp = rows["inzending.zip/plannen/kemp.txt"]
    assert (kemp["zone"], kemp["year"], kemp["strategic_goals"], kemp["actions"]) == (
        "ELZ Kemp en Duin",
        2025,
        5,
        12,
    )
    # Converting from a zip gives the same JSON as extracting the file directly.
    expected = plan_to_json(extract_file(ELZOH_TXT).plan).replace(ELZOH_TXT.name, "elzoh.txt")
    assert (out / "inzending/plannen/elzoh.json").read_text("utf-8") == expected

    failed = {f: (r["code"], r["error"]) for f, r in rows.items() if r["status"] == "failed"}
    assert failed.pop("archief/2025/leeg/leeg.txt") == ("unreadable", "empty file")
    assert failed.pop("inzending.zip/plannen/leeg.txt") == ("unreadable", "empty file")
    noise = ("unreadable", "not a PDF file (no %PDF header)")
    assert failed.pop("archief/ruis.pdf") == noise
    assert failed.pop("inzending.zip/plannen/ruis.pdf") == noise
    for truncated in ("archief/2025/afgebroken.pdf", "inzending.zip/plannen/afgebroken.pdf"):
        code, error = failed.pop(truncated)
        assert code == "unreadable" and error  # the reason depends on the PDF reader
    assert failed == {
        "inzending.zip/../evil.txt": (
            "unsafe-entry",
            "'..' in the entry name points outside the archive",
        ),
        "inzending.zip/../../../evil-deep.txt": (
            "unsafe-entry",
            "'..' in the entry name points outside the archive",
        ),
        f"inzending.zip//{str(out.parent / 'evil-abs.txt').lstrip('/')}": (
            "unsafe-entry",
            "absolute path in the entry name",
        ),
        "inzending.zip/C:\\evil-drive.txt": ("unsafe-entry", "drive letter in the entry name"),
        "inzending.zip/plannen/link.txt": ("unsafe-entry", "symbolic link entry, not followed"),
    }
    assert rows["archief/notities.md"]["status"] == "ignored"

    # The PDF's page issues (its annex pages 21-22 are pictures, read by OCR in the worker)
    # are in its JSON.
    pdf = json.loads((out / "archief/2024/zuidoost-hageland-actieplan-2025.json").read_text())
    issues = pdf["extraction"]["page_issues"]
    assert sorted({i["page"] for i in issues}) == [21, 22]
    assert [i["page"] for i in issues if i["code"] == "ocr"] == [21, 22]

    # The archive quality overview links a report per converted plan.
    reports = out / "_kwaliteitsrapport"
    assert f"archive quality overview: {reports / 'index.html'}" in result.stderr
    overview = json.loads((reports / "index.json").read_text("utf-8"))
    # Seven copies of two plans: each plan counts once, its other copies are listed with it
    # (the PDF counts before the text exports, quality/duplicates.py).
    assert [p["file"] for p in overview["plans"]] == [
        "zuidoost-hageland-actieplan-2025.pdf",
        "kemp-en-duin-actieplan-2025.txt",
    ]
    entries = [*overview["plans"], *(c for p in overview["plans"] for c in p["copies"])]
    assert sorted(p["link"] for p in entries) == [
        "archief__2024__zuidoost-hageland-actieplan-2025.rapport.html",
        "archief__2025__kemp-en-duin-actieplan-2025.rapport.html",
        "archief__2025__zuidoost-hageland-actieplan-2025.rapport.html",
        "archief__extra__kemp.rapport.html",
        "inzending__genest__binnen__elzoh.rapport.html",
        "inzending__plannen__elzoh.rapport.html",
        "inzending__plannen__kemp.rapport.html",
    ]
    assert all((reports / p["link"]).is_file() for p in entries)
    completeness = {p["file"]: p["completeness"] for p in overview["plans"]}
    assert completeness["kemp-en-duin-actieplan-2025.txt"] == 100.0
    assert rows["inzending.zip/plannen/elzoh.txt"]["completeness"] == 62.1

    # Each failure is in the summary with its reason, on one line.
    assert "7 converted, 0 skipped (up to date), 11 failed" in result.stderr
    assert "  inzending.zip/../evil.txt: '..' in the entry name points outside" in result.stderr

    # Nothing was written outside the output folder, and nothing named evil anywhere.
    after = tree(parent)
    assert {k: v for k, v in after.items() if not k.startswith("out/")} == before
    assert not list(parent.rglob("*evil*"))
    assert not Path("/evil.txt").exists()

    # index.csv holds the same rows.
    with (out / "index.csv").open(encoding="utf-8") as fh:
        assert [r["file"] for r in csv.DictReader(fh)] == sorted(rows)


def results_of(out: Path) -> dict[Path, tuple[bytes, int]]:
    """The plan JSONs with their modification times (the quality overview, rebuilt on
    every run from all results, is left out)."""
    return {
        p: (p.read_bytes(), p.stat().st_mtime_ns)
        for p in out.rglob("*.json")
        if "_kwaliteitsrapport" not in p.parts
    }


def test_second_run_skips_everything(archive: tuple[Path, Path, Path]) -> None:
    folder, zipped, out = archive
    args = ["batch", str(folder), str(zipped), "--out", str(out), "--jobs", "2"]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == EXIT_FAILED
    results = results_of(out)
    second = CliRunner().invoke(main, args)
    assert second.exit_code == EXIT_FAILED  # the broken files are still broken
    assert "0 converted, 7 skipped (up to date), 11 failed" in second.stderr
    assert "6 failures are from an earlier run with the same file and limits" in second.stderr
    assert results_of(out) == results
    statuses = {r["status"] for r in index_rows(out).values()}
    assert statuses == {"skipped", "failed", "ignored"}

    forced = CliRunner().invoke(main, [*args, "--force"])
    assert "7 converted, 0 skipped (up to date), 11 failed" in forced.stderr


def test_all_good_exits_zero_and_changed_source_is_redone(tmp_path: Path) -> None:
    folder = tmp_path / "plannen"
    folder.mkdir()
    plan = folder / "kemp.txt"
    plan.write_bytes(KEMP_TXT.read_bytes())
    args = ["batch", str(folder), "--out", str(tmp_path / "out"), "--quiet"]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == EXIT_OK
    assert first.stderr == ""
    plan.write_bytes(ELZOH_TXT.read_bytes())  # same name, new content
    CliRunner().invoke(main, args)
    row = index_rows(tmp_path / "out")["plannen/kemp.txt"]
    assert (row["status"], row["zone"]) == ("converted", "Eerstelijnszone Zuidoost Hageland")


def test_no_enrich_and_what_a_rerun_redoes(tmp_path: Path) -> None:
    folder = tmp_path / "plannen"
    folder.mkdir()
    (folder / "kemp.txt").write_bytes(KEMP_TXT.read_bytes())
    out = tmp_path / "out"
    args = ["batch", str(folder), "--out", str(out)]

    def run(*extra: str) -> tuple[str, bool]:
        result = CliRunner().invoke(main, [*args, *extra])
        assert result.exit_code == EXIT_OK, result.output
        data = json.loads((out / "plannen/kemp.json").read_text("utf-8"))
        assert data["enriched"] == bool(data["strategic_goals"][0]["operational_goals"][0][
            "actions"][0]["partners"])  # fmt: skip
        return index_rows(out)["plannen/kemp.txt"]["status"], data["enriched"]

    assert run("--no-enrich") == ("converted", False)
    assert run("--no-enrich") == ("skipped", False)
    assert run() == ("converted", True)  # asked for the enrichment the result lacks
    assert run("--no-enrich") == ("skipped", True)  # an enriched result serves too


def test_a_damaged_journal_is_skipped_with_one_warning(tmp_path: Path) -> None:
    folder = tmp_path / "plannen"
    folder.mkdir()
    (folder / "kemp.txt").write_bytes(KEMP_TXT.read_bytes())
    (folder / "leeg.txt").write_bytes(b"")  # fails, and the journal remembers it
    out = tmp_path / "out"
    args = ["batch", str(folder), "--out", str(out), "-j", "1"]
    assert CliRunner().invoke(main, args).exit_code == EXIT_FAILED
    journal = out / ".planextract" / "journal.jsonl"
    remembered = CliRunner().invoke(main, args)
    assert "1 failures are from an earlier run" in remembered.stderr
    rows = journal.read_bytes()
    assert rows.count(b"\n") == 2  # kemp.txt and leeg.txt; both made unreadable here
    journal.write_bytes(b"\xff garbage\n" + rows.replace(b'{"file"', b'["file"'))

    damaged = CliRunner().invoke(main, args)
    assert damaged.exit_code == EXIT_FAILED, damaged.output
    warning = f"warning: {journal}: 3 unreadable lines skipped; the files they stood for are"
    assert damaged.stderr.count(warning) == 1, damaged.stderr
    assert "failures are from an earlier run" not in damaged.stderr  # leeg.txt was redone
    assert index_rows(out)["plannen/leeg.txt"]["status"] == "failed"
    again = CliRunner().invoke(main, args)  # the journal was rewritten without them
    assert "warning" not in again.stderr and "1 failures are from an earlier run" in again.stderr


def test_a_failure_caused_by_a_limit_is_retried_with_other_limits(tmp_path: Path) -> None:
    """The 38-page sample PDF fails with --max-pages 5, is not retried with the same limit,
    and is converted once the limit is raised (as with --no-ocr, --timeout, --max-memory)."""
    out = tmp_path / "out"
    args = ["batch", str(KEMP_PDF), "--out", str(out), "-j", "1", "--no-ocr"]

    def row() -> dict:
        return index_rows(out)["kemp-en-duin-actieplan-2025.pdf"]

    first = CliRunner().invoke(main, [*args, "--max-pages", "5"])
    assert first.exit_code == EXIT_FAILED
    assert (row()["code"], row()["error"]) == ("limit", "38 pages, more than the limit 5")
    same = CliRunner().invoke(main, [*args, "--max-pages", "5"])
    assert "1 failures are from an earlier run with the same file and limits" in same.stderr
    for other in (["--max-pages", "6"], ["--max-pages", "5", "--max-memory", "3000"]):
        retried = CliRunner().invoke(main, [*args, *other])
        assert "from an earlier run" not in retried.stderr, other
        assert row()["error"] == f"38 pages, more than the limit {other[1]}"
    raised = CliRunner().invoke(main, args)
    assert raised.exit_code == EXIT_OK, raised.output
    assert row()["status"] == "converted"


def test_same_stem_gets_full_names_and_a_real_clash_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "plannen"
    folder.mkdir()
    (folder / "plan.txt").write_bytes(KEMP_TXT.read_bytes())
    (folder / "plan.pdf").write_bytes(truncated_pdf())  # a PDF and its text export
    (folder / "PLAN.TXT").write_bytes(ELZOH_TXT.read_bytes())  # same name but for case
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(folder), "--out", str(out)])
    assert result.exit_code == EXIT_FAILED
    rows = index_rows(out)
    assert rows["plannen/PLAN.TXT"]["output"] == "plannen/PLAN.TXT.json"
    assert rows["plannen/plan.pdf"]["status"] == "failed"  # truncated (until PDFs exist: any)
    assert (rows["plannen/plan.txt"]["status"], rows["plannen/plan.txt"]["error"]) == (
        "failed",
        "same output file as plannen/PLAN.TXT; rename one of them",
    )
    assert sorted(p.name for p in (out / "plannen").iterdir()) == ["PLAN.TXT.json"]


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["batch", str(tmp_path / "nope"), "--out", str(tmp_path)])
    assert result.exit_code == EXIT_USAGE
    assert "no such file or folder" in result.output


def test_help_documents_exit_codes() -> None:
    result = CliRunner().invoke(main, ["batch", "--help"])
    assert "0    every file converted or skipped" in result.output
    assert "1    some files failed" in result.output
    assert "130  interrupted" in result.output


def test_crashes_and_memory_are_isolated(tmp_path: Path) -> None:
    """Real plans next to crashing files, under the default time budget: no clock involved."""
    folder = tmp_path / "fouten"
    folder.mkdir()
    for kind in ("segfault", "exit", "memory", "bug"):
        (folder / f"{kind}.txt").write_text(f"FAULT:{kind}\n", encoding="utf-8")
    (folder / "goed-1.txt").write_bytes(KEMP_TXT.read_bytes())
    (folder / "goed-2.txt").write_bytes(ELZOH_TXT.read_bytes())
    setup = Setup(memory_mb=1024, extractor=faulty_extractor)
    options = BatchOptions(out_dir=tmp_path / "out", jobs=2, setup=setup)
    report = run_batch([folder], options, Progress(sys.stderr))
    got = {f.split("/")[-1]: (r["status"], r["code"], r["error"]) for f, r in _rows(report)}
    assert got["goed-1.txt"][0] == "converted"
    assert got["goed-2.txt"][0] == "converted"
    assert got["segfault.txt"] == ("failed", "crash", "worker crashed (SIGSEGV)")
    assert got["exit.txt"] == ("failed", "crash", "worker stopped unexpectedly (exit code 7)")
    assert got["memory.txt"] == ("failed", "memory", "out of memory (limit 1024 MB)")
    assert got["bug.txt"] == ("failed", "internal", "internal error (KeyError: 'simulated bug')")
    # Lost workers were replaced while files were waiting.
    assert report.workers_started > 2
    assert json.loads((tmp_path / "out/fouten/goed-1.json").read_text("utf-8"))["year"] == 2025


def test_hangs_are_stopped(tmp_path: Path) -> None:
    """A 1 s budget only for files that are slow by construction (they sleep 600 s); the
    file next to them is refused at once ('FAULT:none' is no plan), so a busy machine cannot
    push it past the limit."""
    folder = tmp_path / "fouten"
    folder.mkdir()
    for kind in ("hang", "slow", "none"):
        (folder / f"{kind}.txt").write_text(f"FAULT:{kind}\n", encoding="utf-8")
    setup = Setup(limits=Limits(seconds=1.0), extractor=faulty_extractor, enrich=False)
    options = BatchOptions(out_dir=tmp_path / "out", jobs=2, setup=setup)
    report = run_batch([folder], options, Progress(sys.stderr))
    got = {f.split("/")[-1]: (r["status"], r["code"], r["error"]) for f, r in _rows(report)}
    assert got["hang.txt"] == ("failed", "limit", "no result within 3.1 s; worker stopped")
    assert got["slow.txt"] == ("failed", "limit", "took longer than the time limit of 1 s")
    assert got["none.txt"] == (
        "failed",
        "not-a-plan",
        "no headings or form fields of the action-plan template found",
    )


def _rows(report: object) -> list[tuple[str, dict]]:
    return [(r["file"], r) for r in report.rows]  # type: ignore[attr-defined]


def _with_ctrl_c() -> None:
    """In the batch's process, before it starts: Ctrl-C as in a terminal. A test run
    started in the background by a shell (`pytest &`, as a script does) ignores SIGINT,
    and a child that inherits that ignores the test's Ctrl-C as well."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _run_cli(args: list[str]) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-m", "planextract", "batch", *args],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env=env,
        start_new_session=True,
        preexec_fn=_with_ctrl_c,
    )


def _kill_after(proc: subprocess.Popen[str], converted: int, sig: signal.Signals) -> list[str]:
    """Send `sig` to the batch (its main process only) once `converted` files are done."""
    seen: list[str] = []
    assert proc.stderr is not None
    for line in proc.stderr:
        seen.append(line)
        if sum(" converted " in s for s in seen) >= converted:
            os.kill(proc.pid, sig)
            break
    seen.extend(proc.stderr)
    proc.wait(timeout=60)
    return seen


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["kill", "ctrl-c"])
def test_interrupted_batch_is_finished_by_a_rerun(tmp_path: Path, sig: signal.Signals) -> None:
    folder = tmp_path / "archief"
    folder.mkdir()
    sources = [KEMP_TXT, ELZOH_TXT]
    for k in range(16):
        (folder / f"plan-{k:02d}.txt").write_bytes(sources[k % 2].read_bytes())
    out = tmp_path / "out"
    proc = _run_cli([str(folder), "--out", str(out), "--jobs", "1"])
    lines = _kill_after(proc, converted=3, sig=sig)
    if sig == signal.SIGINT:
        assert proc.returncode == EXIT_INTERRUPTED
        assert any("interrupted:" in line for line in lines)
        assert {r["status"] for r in index_rows(out).values()} == {"converted", "pending"}
    else:
        assert proc.returncode == -signal.SIGKILL
    time.sleep(0.5)  # let the orphaned worker see that its supervisor is gone
    done = sorted(p.name for p in (out / "archief").glob("*.json"))
    assert 3 <= len(done) < 16, done
    for path in (out / "archief").glob("*.json"):  # never half a JSON
        json.loads(path.read_text("utf-8"))

    rerun = _run_cli([str(folder), "--out", str(out), "--jobs", "2"])
    _stdout, stderr = rerun.communicate(timeout=120)
    assert rerun.returncode == EXIT_OK, stderr
    assert f"{16 - len(done)} converted, {len(done)} skipped (up to date), 0 failed" in stderr
    expected = [plan_to_json(extract_file(source).plan) for source in sources]
    for k in range(16):
        result = (out / "archief" / f"plan-{k:02d}.json").read_text("utf-8")
        assert result == expected[k % 2].replace(sources[k % 2].name, f"plan-{k:02d}.txt")
    assert not [p for p in out.rglob("*.tmp")]


def test_duplicate_zip_entries_are_both_reported(tmp_path: Path) -> None:
    with pytest.warns(UserWarning, match="Duplicate name"):
        zipped = write_zip(
            tmp_path / "dubbel.zip",
            [("plan.txt", KEMP_TXT.read_bytes()), ("plan.txt", ELZOH_TXT.read_bytes())],
        )
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(zipped), "--out", str(out)])
    assert result.exit_code == EXIT_FAILED
    rows = index_rows(out)
    # The index would name the first and the reader read the last: neither is read.
    reason = "duplicate entry name in the archive; none of them is read"
    assert rows["dubbel.zip/plan.txt"]["error"] == reason
    assert rows["dubbel.zip/plan.txt [2]"]["error"] == reason


def test_inputs_with_the_same_name_are_a_usage_error(tmp_path: Path) -> None:
    for parent in ("a", "b"):
        (tmp_path / parent / "archief").mkdir(parents=True)
    args = [str(tmp_path / "a/archief"), str(tmp_path / "b/archief"), str(tmp_path / "a/archief")]
    result = CliRunner().invoke(main, ["batch", *args, "--out", str(tmp_path / "out")])
    assert result.exit_code == EXIT_USAGE
    assert "have the same name; their results would mix" in result.output


def test_output_folder_that_cannot_be_made_is_fatal(tmp_path: Path) -> None:
    blocker = tmp_path / "bestand"
    blocker.write_text("x", encoding="utf-8")
    result = CliRunner().invoke(main, ["batch", str(KEMP_TXT), "--out", str(blocker / "out")])
    assert result.exit_code == EXIT_FATAL
    assert result.stderr.startswith("error: ")
    assert "Traceback" not in result.output


def test_a_journal_folder_that_is_a_link_is_refused(tmp_path: Path) -> None:
    """OUT/.planextract (or its journal) pointing elsewhere: the journal and the staging
    folders would be written there, and stale staging folders removed there."""
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "staging-old").mkdir(parents=True)
    (elsewhere / "staging-old" / ".lock").write_text("", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / ".planextract").symlink_to(elsewhere)
    result = CliRunner().invoke(main, ["batch", str(KEMP_TXT), "--out", str(out)])
    assert result.exit_code == EXIT_FATAL
    assert result.stderr == (
        f"error: {out}/.planextract: path leaves the output folder (symbolic link, not followed)\n"
    )
    assert sorted(p.name for p in elsewhere.iterdir()) == ["staging-old"]  # not even cleared
    assert sorted(p.name for p in out.iterdir()) == [".planextract"]

    (out / ".planextract").unlink()
    (out / ".planextract").mkdir()
    (out / ".planextract" / "journal.jsonl").symlink_to(elsewhere / "journal.jsonl")
    result = CliRunner().invoke(main, ["batch", str(KEMP_TXT), "--out", str(out)])
    assert result.exit_code == EXIT_FATAL
    assert "journal.jsonl: path leaves the output folder" in result.stderr
    assert not (elsewhere / "journal.jsonl").exists()


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_and_log_lines() -> None:
    row = {"file": "archief/leeg.txt", "status": "failed", "error": "empty file"}
    terminal = _Terminal()
    bar = make_progress(terminal, quiet=False)
    assert isinstance(bar, BarProgress)
    bar.start(4)
    bar.started("archief/2025/kemp.txt")
    bar.finished(row)
    screen = terminal.getvalue()
    assert "failed: archief/leeg.txt: empty file\n" in screen
    last = screen.rsplit("\r\x1b[K", 1)[1]
    assert re.fullmatch(r"1/4 \[#{5} {15}\]  25% ETA \d+:\d\d  archief/2025/kemp\.txt", last)
    log = io.StringIO()
    lines = make_progress(log, quiet=False)
    lines.start(12)
    lines.finished(row)
    lines.finished({"file": "archief/kemp.txt", "status": "converted"})
    assert log.getvalue() == (
        "[ 1/12] failed    archief/leeg.txt: empty file\n[ 2/12] converted archief/kemp.txt\n"
    )
    quiet = io.StringIO()
    make_progress(quiet, quiet=True).finished(row)
    assert quiet.getvalue() == ""
