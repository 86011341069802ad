"""`planextract export`: JSON results to normalised SQLite or CSV tables."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import click

from planextract.errors import printable
from planextract.export.tables import TABLES
from planextract.export.writers import collect, load_results, write_csv, write_sqlite

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


@click.command(help=HELP, short_help="Batch results as SQLite or CSV tables.", epilog=EXAMPLE)
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--sqlite",
    "sqlite_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write a SQLite database (replaced if it exists).",
)
@click.option(
    "--csv",
    "csv_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write one CSV file per table into this folder.",
)
def export(folder: Path, sqlite_file: Path | None, csv_dir: Path | None) -> None:
    if sqlite_file is None and csv_dir is None:
        raise click.UsageError("give --sqlite FILE, --csv FOLDER or both")
    plans, problems = load_results(folder)
    tables = collect(plans, problems)
    for line in problems:
        click.echo(f"error: {printable(line)}", err=True)
    try:
        if sqlite_file is not None:
            write_sqlite(sqlite_file, tables)
        if csv_dir is not None:
            write_csv(csv_dir, tables)
    except (OSError, sqlite3.Error) as exc:  # an unwritable target or a full disk: one line
        where = getattr(exc, "filename", None) or sqlite_file or csv_dir
        click.echo(f"error: {printable(str(where))}: cannot write ({exc})", err=True)
        sys.exit(EXIT_PROBLEMS)
    counts = ", ".join(f"{len(rows)} {name}" for name, rows in tables.items())
    click.echo(f"{len(tables['plans'])} plans exported: {counts}", err=True)
    sys.exit(EXIT_PROBLEMS if problems else EXIT_OK)
