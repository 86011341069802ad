"""`planextract extract`: plans to JSON files."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import click

from planextract.cli.options import (
    check_files,
    max_pages_option,
    memory_option,
    no_enrich_option,
    no_ocr_option,
    out_folder_option,
    pdf_reader_option,
    profile_option,
    timeout_option,
)
from planextract.cli.stdout import write_stdout
from planextract.errors import PlanExtractError, installation_problem, printable
from planextract.extract.limits import Limits, check_output, memory_budget, time_budget
from planextract.output import fitting_name, write_atomic
from planextract.pipeline import Result, extract_file, plan_to_json
from planextract.rules.profile import Profile, load_profile

EXIT_OK = 0
EXIT_FAILED = 1


def _error(message: str) -> None:
    click.echo(f"error: {printable(message)}", err=True)


def internal_error(name: str, exc: BaseException) -> str:
    """One line for a bug: the file, the exception's type and its first line."""
    first = (str(exc).splitlines() or [""])[0][:200]
    return f"{name}: internal error ({type(exc).__name__}: {first})"


def write_error(path: Path, exc: OSError) -> str:
    return f"{path}: cannot write ({exc.strerror or exc})"


def _summary(result: Result) -> str:
    plan = result.plan
    ext = plan.extraction
    goals = sum(len(sd.operational_goals) for sd in plan.strategic_goals)
    actions = len(plan.actions())
    return printable(
        f"{plan.source.file}: {len(plan.strategic_goals)} SD, {goals} OD, {actions} actions; "
        f"coverage {ext.coverage:.1f} % of {ext.lines_total - ext.lines_noise} lines "
        f"({ext.lines_unassigned} unassigned)"
    )


def extract_one(
    path: Path,
    profile: Profile,
    limits: Limits,
    enrich: bool = True,
    pdf_reader: str | None = None,
) -> Result:
    """Extract one file within the time budget; errors carry the file name. Pages read
    with OCR show on a terminal as they start."""
    from planextract.extract.ocr_hook import ocr_on_terminal

    with time_budget(limits.seconds, path.name), ocr_on_terminal(str(path), sys.stderr):
        return extract_file(path, profile, limits, enrich=enrich, pdf_reader=pdf_reader)


def output_names(files: tuple[Path, ...]) -> dict[Path, str]:
    """<stem>.json, or <name>.json when two inputs share a stem (plan.pdf and its text
    export plan.txt -> plan.pdf.json, plan.txt.json), as the batch names them."""
    stems = Counter(p.stem.casefold() for p in files)
    return {
        p: fitting_name(p.stem if stems[p.stem.casefold()] == 1 else p.name, ".json") for p in files
    }


EXAMPLE = """\b
Examples:
  planextract extract samples/kemp-en-duin-actieplan-2025.txt > kemp.json
  planextract extract samples/*.txt samples/pdf/*.pdf --out output/
"""


@click.command(short_help="Extract plans (PDF or text) to JSON, one file per plan.", epilog=EXAMPLE)
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@out_folder_option(
    "Write DIR/<file stem>.json per input (<file name>.json when two inputs share a "
    "stem). Without it, one input goes to stdout."
)
@profile_option
@max_pages_option
@timeout_option()
@memory_option("Memory (MB of address space) one file may take beyond the program itself.")
@no_enrich_option
@pdf_reader_option
@no_ocr_option
@click.option("-q", "--quiet", is_flag=True, help="No per-file summary on stderr.")
def extract(
    files: tuple[Path, ...],
    out_dir: Path | None,
    profile_path: str | None,
    max_pages: int,
    timeout: float,
    max_memory: int,
    no_enrich: bool,
    pdf_reader: str,
    no_ocr: bool,
    quiet: bool,
) -> None:
    """Extract plans (PDF, Word .docx or text) to JSON.

    Exit code 0 when every file was converted, 1 when any file failed, 2 on wrong usage
    (also a FILE that does not exist, or a folder: folders go to `planextract batch`).
    """
    check_files(files)
    if out_dir is None and len(files) > 1:
        raise click.UsageError("several files need --out DIR")
    profile = load_profile(profile_path)
    limits = Limits(max_pages=max_pages, seconds=timeout, ocr=not no_ocr)
    failed = 0
    names = output_names(files)
    written: dict[str, Path] = {}
    for path in files:
        try:
            with memory_budget(max_memory, str(path)):
                result = extract_one(path, profile, limits, not no_enrich, pdf_reader)
                text = plan_to_json(result.plan)
                check_output(text, path.stat().st_size, str(path), limits)
        except PlanExtractError as exc:
            _error(f"{path}: {exc.reason}")
            failed += 1
            continue
        except ImportError as exc:
            _error(f"{path}: {installation_problem(exc)}")
            failed += 1
            continue
        except Exception as exc:
            _error(internal_error(str(path), exc))
            failed += 1
            continue
        if out_dir is None:
            write_stdout(text)
        else:
            name = names[path]
            if name in written:
                _error(f"{path}: same output name as {written[name]}; not written")
                failed += 1
                continue
            try:
                write_atomic(out_dir / name, text)
            except OSError as exc:  # a full disk or an unwritable --out: the next file may fit
                _error(write_error(out_dir / name, exc))
                failed += 1
                continue
            written[name] = path
        if not quiet:
            click.echo(_summary(result), err=True)
    sys.exit(EXIT_FAILED if failed else EXIT_OK)
