"""`planextract schema`: the published JSON Schema."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from planextract.cli.stdout import write_stdout
from planextract.output import schema_json, write_atomic


@click.command(epilog="\b\nExample:\n  planextract schema --out schema/plan-1.0.schema.json")
@click.option(
    "--out",
    "out_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the schema to this file instead of stdout.",
)
def schema(out_file: Path | None) -> None:
    """Print the JSON Schema of the output (schema_version 1.0)."""
    text = schema_json()
    if out_file is None:
        write_stdout(text)
    else:
        try:
            write_atomic(out_file, text)
        except OSError as exc:  # an unwritable folder or a full disk: one line
            click.echo(f"error: {out_file}: cannot write ({exc.strerror or exc})", err=True)
            sys.exit(1)
