"""Options shared by the commands that extract plans."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from planextract.extract.limits import DEFAULT_MEMORY_MB, Limits, check_seconds

F = TypeVar("F", bound=Callable[..., Any])

profile_option = click.option(
    "--profile",
    "profile_path",
    type=click.Path(exists=True, dir_okay=False),
    help="Template profile (TOML); default: the 2025 template.",
)
max_pages_option = click.option(
    "--max-pages",
    default=Limits().max_pages,
    show_default=True,
    help="Refuse PDFs with more pages.",
)


def _seconds(ctx: click.Context, param: click.Parameter, value: float) -> float:
    try:
        return check_seconds(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc


def timeout_option(help_text: str = "Seconds allowed per file.") -> Callable[[F], F]:
    return click.option(
        "--timeout",
        type=float,
        default=Limits().seconds,
        show_default=True,
        callback=_seconds,
        help=help_text,
    )


def memory_option(help_text: str) -> Callable[[F], F]:
    return click.option(
        "--max-memory",
        default=DEFAULT_MEMORY_MB,
        show_default=True,
        type=click.IntRange(min=64),
        help=help_text,
    )


no_enrich_option = click.option(
    "--no-enrich",
    is_flag=True,
    help="Skip partners, periods and targets (faster; the 'enriched' key says so).",
)
