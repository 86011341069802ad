"""Options shared by the commands that extract plans."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from planextract.extract.limits import DEFAULT_MEMORY_MB, Limits, check_seconds

F = TypeVar("F", bound=Callable[..., Any])


def _check_profile(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A profile that cannot be read is a usage error with its reason, not a traceback."""
    if value is not None:
        from planextract.rules.profile import load_profile

        try:
            load_profile(value)
        except (ValueError, KeyError, OSError) as exc:
            raise click.BadParameter(str(exc), ctx=ctx, param=param) from None
    return value


profile_option = click.option(
    "--profile",
    "profile_path",
    type=click.Path(exists=True, dir_okay=False),
    callback=_check_profile,
    help="Template profile (TOML); default: the 2025 template.",
)
max_pages_option = click.option(
    "--max-pages",
    type=click.IntRange(min=1),  # 0 or less would refuse every PDF
    default=Limits().max_pages,
    show_default=True,
    help="Refuse PDFs with more pages.",
)


# The largest --timeout: a week. Far more than any plan needs, and small enough for every
# clock the budget is given to (setitimer, and the supervisor's wait in milliseconds, a
# 32-bit number that overflows after 24 days).
MAX_TIMEOUT_SECONDS = 7 * 24 * 3600


def _seconds(ctx: click.Context, param: click.Parameter, value: float) -> float:
    try:
        seconds = check_seconds(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc
    if seconds > MAX_TIMEOUT_SECONDS:
        raise click.BadParameter(
            f"the time limit may be at most {MAX_TIMEOUT_SECONDS} seconds (a week), "
            f"not {value:.15g}"
        )
    return seconds


def timeout_option(help_text: str = "Seconds allowed per file.") -> Callable[[F], F]:
    limits = Limits()
    return click.option(
        "--timeout",
        type=float,
        default=limits.seconds,
        show_default=True,
        callback=_seconds,
        help=f"{help_text} At most {MAX_TIMEOUT_SECONDS} (a week). Each page read with OCR "
        f"adds {limits.ocr_page_seconds:g} s (at most {limits.ocr_seconds:g} s per file).",
    )


# --max-memory in MB: below the floor no plan can be read; above the ceiling (a terabyte)
# the address-space limit no longer fits the system's number for it.
MIN_MEMORY_MB = 64
MAX_MEMORY_MB = 1024 * 1024


def memory_option(help_text: str) -> Callable[[F], F]:
    return click.option(
        "--max-memory",
        default=DEFAULT_MEMORY_MB,
        show_default=True,
        type=click.IntRange(min=MIN_MEMORY_MB, max=MAX_MEMORY_MB),
        help=help_text,
    )


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


def _out_folder(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """--out must name a folder (created when missing), never an existing file."""
    if value is not None and value.exists() and not value.is_dir():
        raise click.BadParameter(
            f"{value} is a file; give a folder (it is created when missing)", ctx, param
        )
    return value


def out_folder_option(help_text: str, *, required: bool = False) -> Callable[[F], F]:
    from pathlib import Path

    return click.option(
        "--out",
        "out_dir",
        required=required,
        type=click.Path(path_type=Path),
        callback=_out_folder,
        help=help_text,
    )


def check_files(paths: tuple[Any, ...]) -> None:
    """Inputs of `extract` and `report`: every path must be an existing file. A missing path
    is a usage error (exit code 2), as in `batch`; a folder gets the batch command as hint.
    Messages name the path as the user typed it."""
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise click.UsageError(f"no such file or folder: {', '.join(missing)}")
    folders = [p for p in paths if p.is_dir()]
    if folders:
        raise click.UsageError(
            f"{folders[0]} is a folder; convert folders and zips with "
            f"'planextract batch {folders[0]} --out DIR'"
        )


pdf_reader_option = click.option(
    "--reader",
    "pdf_reader",
    type=click.Choice(["pdfium", "pdfplumber"]),  # extract/read_pdf.py READERS
    default="pdfium",
    show_default=True,
    help="PDF reader: PDFium (fast) or pdfplumber (the former reader, to compare with).",
)
