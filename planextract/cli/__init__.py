"""Command-line interface. One module per command, imported only when that command runs
(`planextract --help` and `planextract extract` do not load the report or batch code)."""

from __future__ import annotations

import importlib
from typing import Any

import click

from planextract import __version__

# command -> (module, short help shown by --help without importing the module)
COMMANDS: dict[str, tuple[str, str]] = {
    "batch": (
        "planextract.cli.batch",
        "Convert folders, zips and files in parallel (index, overview).",
    ),
    "export": ("planextract.cli.export", "Batch results as SQLite or CSV tables."),
    "extract": (
        "planextract.cli.extract",
        "Extract plans (PDF or text) to JSON, one file per plan.",
    ),
    "report": (
        "planextract.cli.report",
        "Quality reports in Dutch (HTML, Markdown, JSON) and an overview.",
    ),
    "schema": (
        "planextract.cli.schema",
        "Print the JSON Schema of the output (schema_version 1.0).",
    ),
}


class LazyGroup(click.Group):
    """Subcommands imported on first use; the command list shows the help stored above."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*COMMANDS, *self.commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        # A command runs: the garbage collector less often (planextract/collector.py).
        importlib.import_module("planextract.collector").tune_collector()
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            module = importlib.import_module(COMMANDS[cmd_name][0])
            self.add_command(getattr(module, cmd_name), cmd_name)
        return self.commands.get(cmd_name)

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """click's main; standard output that cannot be written while click prints help or
        the version (a full disk, /dev/full) ends in one line on stderr, not a traceback."""
        try:
            return super().main(*args, **kwargs)
        except OSError as exc:
            from planextract.cli.stdout import stdout_failed  # only on failure: --help stays light

            stdout_failed(exc)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][1]) for name in sorted(COMMANDS)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="planextract")
def main() -> None:
    """Turn Flemish primary-care zone action plans into validated JSON."""
