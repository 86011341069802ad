"""`planextract report`: quality reports (HTML, Markdown, JSON) per plan, plus an overview."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from planextract.cli.extract import extract_one, internal_error, write_error
from planextract.cli.options import (
    check_files,
    max_pages_option,
    memory_option,
    no_ocr_option,
    out_folder_option,
    profile_option,
    timeout_option,
)
from planextract.errors import PlanExtractError, printable
from planextract.extract.limits import Limits, check_output, memory_budget
from planextract.models.plan import Plan
from planextract.pipeline import plan_to_json
from planextract.quality.assess import assess
from planextract.report.archive import write_overview_pages
from planextract.report.files import UniqueNames, report_file, write_plan_report
from planextract.report.labels import percent_text
from planextract.report.overview import PlanSummary, overview_of, summarise
from planextract.results import read_result
from planextract.rules.profile import Profile, load_profile

EXIT_OK = 0
EXIT_FAILED = 1


def read_plan_json(path: Path, profile: Profile, limits: Limits) -> Plan:
    """A plan JSON written by `planextract extract`, with its quality recomputed by this
    version's checks; one larger than a result may be is refused unread."""
    plan = read_result(path, path.name, limits)
    plan.quality = assess(plan, profile)
    return plan


def load_plan(path: Path, profile: Profile, limits: Limits) -> Plan:
    if path.suffix.lower() == ".json":
        return read_plan_json(path, profile, limits)
    plan = extract_one(path, profile, limits).plan
    # The bound of extract and batch: a plan whose JSON they refuse is refused here too
    # (its reports are larger than its JSON).
    check_output(plan_to_json(plan), path.stat().st_size, str(path), limits)
    return plan


def _line(name: str, plan: Plan) -> str:
    q = plan.quality
    return (
        f"{name}: completeness {percent_text(q.completeness)}, {q.counts.error} errors, "
        f"{q.counts.warning} warnings, {q.counts.info} info -> {report_file(name, 'html')}"
    )


EXAMPLE = """\b
Examples:
  planextract report samples/*.txt --out output/report
  planextract report output/kemp-en-duin-actieplan-2025.json --out output/report
"""


@click.command(
    short_help="Quality reports in Dutch (HTML, Markdown, JSON) and an overview.", epilog=EXAMPLE
)
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@out_folder_option(
    "Folder for <name>.rapport.html/.md/.json and, for several plans, index.*.", required=True
)
@profile_option
@max_pages_option
@timeout_option()
@memory_option("Memory (MB of address space) one plan may take beyond the program itself.")
@no_ocr_option
@click.option("-q", "--quiet", is_flag=True, help="No per-file line on stderr.")
def report(
    inputs: tuple[Path, ...],
    out_dir: Path,
    profile_path: str | None,
    max_pages: int,
    timeout: float,
    max_memory: int,
    no_ocr: bool,
    quiet: bool,
) -> None:
    """Quality reports in Dutch for plans (PDF, Word .docx or text) or their JSON.

    Per plan: a self-contained HTML page, Markdown and JSON with the same content. With
    several plans also index.html/.md/.json, an overview of the archive. Exit code 0 when
    every input was reported, 1 when any failed, 2 on wrong usage (also an INPUT that does
    not exist, or a folder: folders go to `planextract batch`).
    """
    check_files(inputs)
    profile = load_profile(profile_path)
    limits = Limits(max_pages=max_pages, seconds=timeout, ocr=not no_ocr)
    failed = 0
    names = UniqueNames()
    # One plan at a time: its report is written at once, the overview keeps its summary.
    summaries: list[PlanSummary] = []
    for path in inputs:
        try:
            with memory_budget(max_memory, path.name):
                plan = load_plan(path, profile, limits)
                name = names.take(path.stem)
                try:
                    write_plan_report(plan, out_dir, name, profile)
                except OSError as exc:  # an unwritable --out or a full disk: one line
                    _unwritable(exc, out_dir)
                summaries.append(summarise(report_file(name, "html"), plan, profile))
                line = _line(name, plan)
                del plan
        except PlanExtractError as exc:
            click.echo(f"error: {printable(f'{path}: {exc.reason}')}", err=True)
            failed += 1
            continue
        except Exception as exc:
            click.echo(f"error: {printable(internal_error(str(path), exc))}", err=True)
            failed += 1
            continue
        if not quiet:
            click.echo(printable(line), err=True)
    if len(summaries) > 1:
        try:
            write_overview_pages(overview_of(summaries, profile), out_dir)
        except OSError as exc:
            _unwritable(exc, out_dir)
        if not quiet:
            click.echo(f"overview: {printable(str(out_dir / 'index.html'))}", err=True)
    sys.exit(EXIT_FAILED if failed else EXIT_OK)


def _unwritable(exc: OSError, out_dir: Path) -> None:
    target = Path(exc.filename) if exc.filename else out_dir
    click.echo(f"error: {printable(write_error(target, exc))}", err=True)
    sys.exit(EXIT_FAILED)
