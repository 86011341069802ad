"""`planextract export`: JSON results to normalised SQLite or CSV tables."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import click

from planextract.errors import printable
from planextract.export.tables import TABLES
from planextract.export.writers import (
    csv_target_problem,
    scan,
    sqlite_target_problem,
    write_tables,
)

EXIT_OK = 0
EXIT_PROBLEMS = 1  # some .json files were not plan results and were left out


HELP = f"""Load the plan JSON files under FOLDER (e.g. the output of `batch`) into normalised
tables: {", ".join(TABLES)}. The columns are in the README; a copy of another plan (same
zone and year, or the same content) has only its `plans` row.

Exit code 0 when every .json file was a plan result, 1 when some were left out (each is
named), 2 on wrong usage.
"""

EXAMPLE = """\b
Example:
  planextract batch samples/ --out output/
  planextract export output/ --sqlite plannen.db --csv tabellen/
"""


def _check_targets(folder: Path, sqlite_file: Path | None, csv_dir: Path | None) -> None:
    """A target that would replace a file that is not ours, or write into the results
    being read, is a usage error, before anything is read or written."""
    problems = {
        "--sqlite": sqlite_file and sqlite_target_problem(folder, sqlite_file),
        "--csv": csv_dir and csv_target_problem(folder, csv_dir, sqlite_file),
    }
    for option, problem in problems.items():
        if problem:
            raise click.BadParameter(printable(problem), param_hint=f"'{option}'")


@click.command(help=HELP, short_help="Batch results as SQLite or CSV tables.", epilog=EXAMPLE)
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--sqlite",
    "sqlite_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write a SQLite database (an existing database is replaced; any other file is "
    "refused, as is a path inside FOLDER).",
)
@click.option(
    "--csv",
    "csv_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write one CSV file per table into this folder (not inside FOLDER).",
)
def export(folder: Path, sqlite_file: Path | None, csv_dir: Path | None) -> None:
    if sqlite_file is None and csv_dir is None:
        raise click.UsageError("give --sqlite FILE, --csv FOLDER or both")
    _check_targets(folder, sqlite_file, csv_dir)
    found = scan(folder)
    for line in found.problems:
        click.echo(f"error: {printable(line)}", err=True)
    shown = len(found.problems)
    try:
        done = write_tables(found, sqlite_file, csv_dir)
    except (OSError, sqlite3.Error) as exc:  # an unwritable target or a full disk: one line
        where = getattr(exc, "filename", None) or sqlite_file or csv_dir
        click.echo(f"error: {printable(str(where))}: cannot write ({exc})", err=True)
        sys.exit(EXIT_PROBLEMS)
    for line in done.problems[shown:]:  # files that changed between the two passes
        click.echo(f"error: {printable(line)}", err=True)
    counts = ", ".join(f"{rows} {name}" for name, rows in done.counts.items())
    click.echo(f"{done.counts['plans']} plans exported: {counts}", err=True)
    sys.exit(EXIT_PROBLEMS if done.problems else EXIT_OK)
