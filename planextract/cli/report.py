"""`planextract report`: quality reports (HTML, Markdown, JSON) per plan, plus an overview."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from pydantic import ValidationError

from planextract.cli.extract import extract_one
from planextract.cli.options import (
    max_pages_option,
    no_ocr_option,
    profile_option,
    timeout_option,
)
from planextract.errors import PlanExtractError, UnreadableInput
from planextract.extract.limits import Limits, read_bounded
from planextract.models.plan import Plan
from planextract.quality.assess import assess
from planextract.report.archive import write_overview
from planextract.report.files import report_file, unique_names, write_plan_report
from planextract.report.labels import percent_text
from planextract.rules.profile import Profile, load_profile

EXIT_OK = 0
EXIT_FAILED = 1


def read_plan_json(path: Path, profile: Profile, limits: Limits) -> Plan:
    """A plan JSON written by `planextract extract`, with its quality recomputed by this
    version's checks."""
    data = read_bounded(path, limits)
    try:
        plan = Plan.model_validate_json(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ())) or "document"
        raise UnreadableInput(
            path.name, f"not a planextract plan JSON ({where}: {first.get('msg', 'invalid')})"
        ) from exc
    plan.quality = assess(plan, profile)
    return plan


def load_plan(path: Path, profile: Profile, limits: Limits) -> Plan:
    if path.suffix.lower() == ".json":
        return read_plan_json(path, profile, limits)
    return extract_one(path, profile, limits).plan


def _line(name: str, plan: Plan) -> str:
    q = plan.quality
    return (
        f"{name}: completeness {percent_text(q.completeness)}, {q.counts.error} errors, "
        f"{q.counts.warning} warnings, {q.counts.info} info -> {report_file(name, 'html')}"
    )


@click.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for <name>.rapport.html/.md/.json and, for several plans, index.*.",
)
@profile_option
@max_pages_option
@timeout_option()
@no_ocr_option
@click.option("-q", "--quiet", is_flag=True, help="No per-file line on stderr.")
def report(
    inputs: tuple[Path, ...],
    out_dir: Path,
    profile_path: str | None,
    max_pages: int,
    timeout: float,
    no_ocr: bool,
    quiet: bool,
) -> None:
    """Quality reports in Dutch for plans (PDF or text) or their JSON.

    Per plan: a self-contained HTML page, Markdown and JSON with the same content. With
    several plans also index.html/.md/.json, an overview of the archive. Exit code 0 when
    every input was reported, 1 when any failed.
    """
    profile = load_profile(profile_path)
    limits = Limits(max_pages=max_pages, seconds=timeout, ocr=not no_ocr)
    failed = 0
    loaded: list[tuple[str, Plan]] = []
    for path in inputs:
        try:
            loaded.append((path.stem, load_plan(path, profile, limits)))
        except PlanExtractError as exc:
            click.echo(f"error: {exc.one_line()}", err=True)
            failed += 1
        except Exception as exc:
            click.echo(
                f"error: {path.name}: internal error ({type(exc).__name__}: {exc})", err=True
            )
            failed += 1
    names = unique_names(name for name, _ in loaded)
    pairs = list(zip(names, (plan for _, plan in loaded), strict=True))
    if len(pairs) > 1:
        write_overview(pairs, out_dir, profile)
    for name, plan in pairs:
        if len(pairs) == 1:
            write_plan_report(plan, out_dir, name, profile)
        if not quiet:
            click.echo(_line(name, plan), err=True)
    if len(pairs) > 1 and not quiet:
        click.echo(f"overview: {out_dir / 'index.html'}", err=True)
    sys.exit(EXIT_FAILED if failed else EXIT_OK)
