"""`planextract batch`: whole archives (folders, zips, files) to JSON, in parallel."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import click

from planextract.batch.discover import DiscoveryError
from planextract.batch.job import Setup
from planextract.batch.progress import make_progress
from planextract.batch.run import BatchOptions, run_batch
from planextract.batch.summary import summary_lines
from planextract.cli.options import (
    max_pages_option,
    memory_option,
    no_enrich_option,
    no_ocr_option,
    out_folder_option,
    profile_option,
    timeout_option,
)
from planextract.extract.limits import Limits

EXIT_OK = 0  # every file converted or already up to date
EXIT_FAILED = 1  # the batch ran, some files failed (see the summary and the index)
EXIT_USAGE = 2  # wrong options or a PATH that does not exist
EXIT_FATAL = 3  # the batch could not run (output folder not writable, bad profile…)
EXIT_INTERRUPTED = 130  # stopped by Ctrl-C or SIGTERM; run again to finish

EPILOG = """\b
Examples:
  planextract batch samples/ --out output/
  planextract batch archief/ inzendingen-2024.zip --out resultaten/ --jobs 2

\b
Exit codes:
  0    every file converted or skipped (its result was up to date)
  1    some files failed; each is listed with its reason and in the index
  2    usage error (bad option, PATH does not exist)
  3    fatal error: the batch could not run (e.g. output folder not writable)
  130  interrupted; run the same command again to finish
"""


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


@click.command(
    short_help="Convert folders, zips and files in parallel (index, overview).",
    epilog=EPILOG,
)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@out_folder_option("Output folder; the results mirror the input tree under it.", required=True)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=os.cpu_count() or 1,
    show_default="number of cores",
    help="Worker processes.",
)
@click.option("--force", is_flag=True, help="Redo files whose result is up to date.")
@click.option(
    "--retry-failed",
    is_flag=True,
    help="Retry files that failed before (same file, tool and limits).",
)
@profile_option
@timeout_option("Seconds allowed per file; a worker that hangs is killed and replaced.")
@memory_option("Memory (address space, MB) allowed per worker.")
@max_pages_option
@no_enrich_option
@no_ocr_option
@click.option("-q", "--quiet", is_flag=True, help="No progress; only failures are printed.")
def batch(
    paths: tuple[Path, ...],
    out_dir: Path,
    jobs: int,
    force: bool,
    retry_failed: bool,
    profile_path: str | None,
    timeout: float,
    max_memory: int,
    max_pages: int,
    no_enrich: bool,
    no_ocr: bool,
    quiet: bool,
) -> None:
    """Convert folders (recursively), zip archives and single files, PDF and text mixed.

    Each file is converted in a worker process with a time and memory budget; a file that
    fails, hangs or crashes is reported and the batch goes on. A re-run skips files whose
    result is up to date (same source sha256, tool version and profile, enriched unless
    --no-enrich) and files that
    failed before, so an interrupted batch is finished by running it again. Results are
    written atomically; OUT/index.jsonl and OUT/index.csv list every file with its status.
    Progress and the summary go to stderr.
    """
    setup = Setup(
        profile_path=profile_path,
        limits=Limits(max_pages=max_pages, seconds=timeout, ocr=not no_ocr),
        memory_mb=max_memory,
        enrich=not no_enrich,
    )
    options = BatchOptions(
        out_dir=out_dir, jobs=jobs, force=force, retry_failed=retry_failed, setup=setup
    )
    progress = make_progress(sys.stderr, quiet)
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        report = run_batch(list(paths), options, progress)
    except DiscoveryError as exc:
        raise click.UsageError(str(exc)) from exc
    except (OSError, ValueError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_FATAL)
    finally:
        signal.signal(signal.SIGTERM, previous)
    for line in summary_lines(report, quiet):
        click.echo(line, err=True)
    if report.interrupted:
        sys.exit(EXIT_INTERRUPTED)
    sys.exit(EXIT_FAILED if report.count("failed") else EXIT_OK)
