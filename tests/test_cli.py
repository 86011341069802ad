"""The command line: outputs, summaries, one-line errors and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ELZOH_PDF, ELZOH_TXT, KEMP_PDF, KEMP_TXT, SAMPLES

from planextract.cli import main


def test_extract_to_folder(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["extract", str(ELZOH_TXT), str(KEMP_TXT), "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["kemp-en-duin-actieplan-2025.json", "zuidoost-hageland-actieplan-2025.json"]
    data = json.loads((tmp_path / "kemp-en-duin-actieplan-2025.json").read_text("utf-8"))
    assert data["organisation"] == "ELZ Kemp en Duin"
    assert (
        "kemp-en-duin-actieplan-2025.txt: 5 SD, 12 OD, 12 actions; coverage 100.0 %"
        in result.stderr
    )


def test_a_pdf_and_its_text_export_keep_their_extension(tmp_path: Path) -> None:
    copy = tmp_path / "in"
    copy.mkdir()
    (copy / "kemp-en-duin-actieplan-2025.txt").write_bytes(KEMP_TXT.read_bytes())
    (copy / "elders").mkdir()
    (copy / "elders" / "kemp-en-duin-actieplan-2025.txt").write_bytes(KEMP_TXT.read_bytes())
    args = [str(ELZOH_PDF), str(ELZOH_TXT), str(KEMP_TXT), *map(str, sorted(copy.rglob("*.txt")))]
    result = CliRunner().invoke(main, ["extract", *args, "--out", str(tmp_path / "out")])
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "kemp-en-duin-actieplan-2025.txt.json",
        "zuidoost-hageland-actieplan-2025.pdf.json",
        "zuidoost-hageland-actieplan-2025.txt.json",
    ]
    # The same file name three times: the first is written, the others are named.
    assert result.exit_code == 1
    assert result.stderr.count("same output name as") == 2


def test_single_file_goes_to_stdout() -> None:
    result = CliRunner().invoke(main, ["extract", str(ELZOH_TXT), "--quiet"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["source"]["file"] == ELZOH_TXT.name
    assert result.stderr == ""


def test_bad_files_are_reported_and_the_rest_goes_on(tmp_path: Path) -> None:
    empty = tmp_path / "leeg.txt"
    empty.write_bytes(b"")
    fake = tmp_path / "plan.pdf"
    fake.write_bytes(ELZOH_TXT.read_bytes()[:500])
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["extract", str(empty), str(KEMP_TXT), str(fake), "--out", str(out)]
    )
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    # The path as the user typed it, not only its base name.
    assert errors == [
        f"error: {empty}: empty file",
        f"error: {fake}: not a PDF file (no %PDF header)",
    ]
    assert [p.name for p in out.iterdir()] == ["kemp-en-duin-actieplan-2025.json"]
    assert "Traceback" not in result.output


def test_several_files_need_an_output_folder() -> None:
    result = CliRunner().invoke(main, ["extract", str(ELZOH_TXT), str(KEMP_TXT)])
    assert result.exit_code == 2
    assert "--out" in result.output


def test_schema_command() -> None:
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "Plan"
    assert "strategic_goals" in schema["properties"]


def _run_into(stdout: int, *args: str) -> subprocess.CompletedProcess[str]:
    """The tool in a child process whose standard output is the file descriptor given."""
    return subprocess.run(
        [sys.executable, "-m", "planextract", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        timeout=300,
        cwd=Path(__file__).resolve().parent.parent,
    )


COMMANDS_TO_STDOUT = [
    ("extract", str(KEMP_TXT), "-q"),
    ("schema",),
    ("--help",),
    ("extract", "--help"),
    ("--version",),
]


@pytest.mark.parametrize("args", COMMANDS_TO_STDOUT)
def test_a_full_stdout_is_one_line(args: tuple[str, ...]) -> None:
    with open("/dev/full", "w") as full:  # a device that refuses every write
        done = _run_into(full.fileno(), *args)
    assert done.returncode == 1
    assert done.stderr == "error: cannot write to standard output (No space left on device)\n"


@pytest.mark.parametrize("args", COMMANDS_TO_STDOUT)
def test_a_closed_pipe_on_stdout_ends_quietly(args: tuple[str, ...]) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first byte, as after `| head -c 10`
    try:
        done = _run_into(write_end, *args)
    finally:
        os.close(write_end)
    assert done.returncode == 1
    assert done.stderr == "", done.stderr


def test_python_dash_m() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "planextract", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert proc.stdout.startswith("planextract, version ")


@pytest.mark.parametrize("command", ["extract", "report", "batch"])
def test_missing_input_is_a_usage_error_everywhere(tmp_path: Path, command: str) -> None:
    missing = tmp_path / "archief" / "plan.txt"
    result = CliRunner().invoke(main, [command, str(missing), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert f"no such file or folder: {missing}" in result.stderr


@pytest.mark.parametrize("command", ["extract", "report"])
def test_a_folder_points_to_batch(tmp_path: Path, command: str) -> None:
    result = CliRunner().invoke(main, [command, str(SAMPLES), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert (
        f"{SAMPLES} is a folder; convert folders and zips with "
        f"'planextract batch {SAMPLES} --out DIR'"
    ) in " ".join(result.stderr.split())
    assert "Is a directory" not in result.stderr


@pytest.mark.parametrize("command", ["extract", "report", "batch"])
def test_out_naming_a_file(tmp_path: Path, command: str) -> None:
    target = tmp_path / "uitvoer.json"
    target.write_text("{}", encoding="utf-8")
    result = CliRunner().invoke(main, [command, str(KEMP_TXT), "--out", str(target)])
    assert result.exit_code == 2
    text = " ".join(result.stderr.split())
    assert f"{target} is a file; give a folder (it is created when missing)" in text
    assert "Directory" not in text


def test_help_is_complete_with_examples() -> None:
    top = CliRunner().invoke(main, ["--help"]).stdout
    commands = top.split("Commands:", 1)[1]
    assert "..." not in commands  # no description cut off
    for command in ("extract", "report", "batch", "export", "schema"):
        text = CliRunner().invoke(main, [command, "--help"]).stdout
        assert "Example" in text and f"planextract {command} " in text, command
    export_help = " ".join(CliRunner().invoke(main, ["export", "--help"]).stdout.split())
    from planextract.export.tables import TABLES

    assert all(name in export_help for name in TABLES)
    assert len(TABLES) == 13


# -- start-up: each command imports what it uses -------------------------------------------
def test_help_lists_every_command_with_its_own_short_help() -> None:
    import importlib

    from planextract.cli import COMMANDS

    limit = 80 - 6 - max(map(len, COMMANDS))  # what click's own listing would show
    for name, (module, short) in COMMANDS.items():
        command = getattr(importlib.import_module(module), name)
        assert command.get_short_help_str(limit) == short, name
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    assert "extract  Extract plans (PDF or text) to JSON, one file per plan." in result.output


def _modules_after(args: list[str]) -> set[str]:
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from planextract.cli import main\n"
        f"result = CliRunner().invoke(main, {args!r})\n"
        "assert result.exit_code == 0, result.output\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_help_imports_no_command() -> None:
    loaded = _modules_after(["--help"])
    assert not {m for m in loaded if m.startswith("planextract.") and m != "planextract.cli"}


def test_extract_of_a_text_plan_imports_no_report_batch_or_pdf_code(tmp_path: Path) -> None:
    loaded = _modules_after(["extract", str(ELZOH_TXT), "--out", str(tmp_path), "-q"])
    assert "planextract.pipeline" in loaded
    assert not {m for m in loaded if m.split(".")[0] in {"pdfplumber", "pdfminer", "pypdfium2"}}
    assert not {m for m in loaded if m.startswith(("planextract.report", "planextract.batch"))}


def test_extract_without_enrichment_imports_no_pydantic(tmp_path: Path) -> None:
    """The contract's dataclasses are checked by pydantic_core alone (spaCy, for the
    enrichment, brings pydantic with it)."""
    loaded = _modules_after(["extract", str(ELZOH_TXT), "--out", str(tmp_path), "--no-enrich"])
    assert "planextract.models.check" in loaded and "pydantic_core" in loaded
    assert not {m for m in loaded if m.split(".")[0] == "pydantic"}
    assert json.loads((tmp_path / "zuidoost-hageland-actieplan-2025.json").read_text())["title"]


def test_a_text_plan_to_stdout_loads_no_word_pdf_table_or_temp_file_code() -> None:
    """Start-up: what only a Word file, a ruled PDF table or writing a file needs is
    imported when it is needed."""
    code = (  # the command as a user runs it: click's test runner itself imports tempfile
        "import contextlib, io, sys\n"
        f"sys.argv = ['planextract', 'extract', {str(ELZOH_TXT)!r}, '--no-enrich', '-q']\n"
        "from planextract.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        "    try:\n"
        "        main()\n"
        "    except SystemExit as exc:\n"
        "        assert exc.code == 0, exc.code\n"
        "assert '\"actions\"' in out.getvalue()\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(run.stdout.split())
    assert "planextract.timeline.build" in loaded
    unused = {"planextract.extract.docx_package", "planextract.timeline.pdf_table"}
    assert not unused & loaded
    assert not {"tempfile", "zipfile", "importlib.resources"} & loaded


def test_a_pdf_with_text_on_every_page_loads_no_ocr_code(tmp_path: Path) -> None:
    loaded = _modules_after(["extract", str(KEMP_PDF), "--out", str(tmp_path), "-q"])
    assert "planextract.extract.pdfium_page" in loaded
    assert "planextract.extract.ocr_page" not in loaded
    assert not {m for m in loaded if m.split(".")[0] in {"PIL", "pytesseract", "pdfplumber"}}


def test_the_pipeline_loads_numpy_only_for_timeline_linking() -> None:
    code = "import sys, planextract.pipeline\nprint('numpy' in sys.modules)\n"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
