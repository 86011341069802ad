"""Command-line interface. One module per command, registered here."""

from __future__ import annotations

import click

from planextract import __version__
from planextract.cli.batch import batch
from planextract.cli.export import export
from planextract.cli.extract import extract
from planextract.cli.report import report
from planextract.cli.schema import schema


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="planextract")
def main() -> None:
    """Turn Flemish primary-care zone action plans into validated JSON."""


main.add_command(extract)
main.add_command(batch)
main.add_command(export)
main.add_command(schema)
main.add_command(report)
