"""`planextract extract`: plans to JSON files."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import click

from planextract.cli.options import (
    max_pages_option,
    no_enrich_option,
    no_ocr_option,
    profile_option,
    timeout_option,
)
from planextract.errors import PlanExtractError
from planextract.extract.limits import Limits, time_budget
from planextract.output import write_atomic
from planextract.pipeline import Result, extract_file, plan_to_json
from planextract.rules.profile import Profile, load_profile

EXIT_OK = 0
EXIT_FAILED = 1


def _error(message: str) -> None:
    click.echo(f"error: {message}", err=True)


def _summary(result: Result) -> str:
    plan = result.plan
    ext = plan.extraction
    goals = sum(len(sd.operational_goals) for sd in plan.strategic_goals)
    actions = len(plan.actions())
    return (
        f"{plan.source.file}: {len(plan.strategic_goals)} SD, {goals} OD, {actions} actions; "
        f"coverage {ext.coverage:.1f} % of {ext.lines_total - ext.lines_noise} lines "
        f"({ext.lines_unassigned} unassigned)"
    )


def extract_one(path: Path, profile: Profile, limits: Limits, enrich: bool = True) -> Result:
    """Extract one file within the time budget; errors carry the file name."""
    with time_budget(limits.seconds, path.name):
        return extract_file(path, profile, limits, enrich=enrich)


def output_names(files: tuple[Path, ...]) -> dict[Path, str]:
    """<stem>.json, or <name>.json when two inputs share a stem (plan.pdf and its text
    export plan.txt -> plan.pdf.json, plan.txt.json), as the batch names them."""
    stems = Counter(p.stem.casefold() for p in files)
    return {p: f"{p.stem if stems[p.stem.casefold()] == 1 else p.name}.json" for p in files}


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write DIR/<file stem>.json per input (<file name>.json when two inputs share a "
    "stem). Without it, one input goes to stdout.",
)
@profile_option
@max_pages_option
@timeout_option()
@no_enrich_option
@no_ocr_option
@click.option("-q", "--quiet", is_flag=True, help="No per-file summary on stderr.")
def extract(
    files: tuple[Path, ...],
    out_dir: Path | None,
    profile_path: str | None,
    max_pages: int,
    timeout: float,
    no_enrich: bool,
    no_ocr: bool,
    quiet: bool,
) -> None:
    """Extract plans (PDF or text) to JSON.

    Exit code 0 when every file was converted, 1 when any file failed.
    """
    if out_dir is None and len(files) > 1:
        raise click.UsageError("several files need --out DIR")
    profile = load_profile(profile_path)
    limits = Limits(max_pages=max_pages, seconds=timeout, ocr=not no_ocr)
    failed = 0
    names = output_names(files)
    written: dict[str, Path] = {}
    for path in files:
        try:
            result = extract_one(path, profile, limits, enrich=not no_enrich)
        except PlanExtractError as exc:
            _error(exc.one_line())
            failed += 1
            continue
        except Exception as exc:
            _error(f"{path.name}: internal error ({type(exc).__name__}: {exc})")
            failed += 1
            continue
        text = plan_to_json(result.plan)
        if out_dir is None:
            sys.stdout.write(text)
        else:
            name = names[path]
            if name in written:
                _error(f"{path}: same output name as {written[name]}; not written")
                failed += 1
                continue
            write_atomic(out_dir / name, text)
            written[name] = path
        if not quiet:
            click.echo(_summary(result), err=True)
    sys.exit(EXIT_FAILED if failed else EXIT_OK)
