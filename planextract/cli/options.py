"""Options shared by the commands that extract plans."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from planextract.extract.limits import Limits

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


def timeout_option(help_text: str = "Seconds allowed per file.") -> Callable[[F], F]:
    return click.option("--timeout", default=Limits().seconds, show_default=True, help=help_text)


no_ocr_option = click.option(
    "--no-ocr",
    is_flag=True,
    help="Do not read pages without a text layer with OCR; they are reported as unread "
    "(a PDF without any text fails).",
)
no_enrich_option = click.option(
    "--no-enrich",
    is_flag=True,
    help="Skip partners, periods and targets (faster; the 'enriched' key says so).",
)
