"""What an earlier run already did: results that are up to date, and failures to remember.

A result is up to date when its JSON holds the same source sha256, tool version and
template profile. Failures are kept in a journal (`.planextract/journal.jsonl` in the
output folder, one line appended per finished file, so it survives a killed run) and are
not retried for the same source, tool, profile and limits unless asked (a hanging file
would cost its full time budget on every re-run); a run with other limits (pages, time,
memory, OCR…) tries again, since the limit may be what made it fail.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import asdict
from pathlib import Path
from typing import Any

from planextract import __version__
from planextract.errors import SETUP, PlanExtractError, printable
from planextract.extract.limits import Limits
from planextract.extract.ocr_issues import OCR_OFF
from planextract.extract.zipbounds import ZipLimits
from planextract.models.plan import Plan
from planextract.models.record import record
from planextract.output import TEMP_MARK, TEMP_SUFFIX, write_atomic
from planextract.results import read_result

STATE_DIR = ".planextract"
JOURNAL = "journal.jsonl"
STAGING_PREFIX = "staging-"  # the workers' staging folders in STATE_DIR (batch/staging.py)
# Leftovers of write_atomic (".<name>.<random>.tmp": results, index, reports, export) from a
# run that was killed mid-write.
# Only names the tool makes (TEMP_MARK and mkstemp's 8 random characters) are removed.
_STALE_TEMP = re.compile(rf"^\..+\.{re.escape(TEMP_MARK)}[a-z0-9_]{{8}}{re.escape(TEMP_SUFFIX)}$")


# Failures that say nothing about the input (the result could not be written: a full disk,
# an unwritable folder) are retried by the next run instead of being remembered.
NOT_OF_THE_INPUT = frozenset({"output", SETUP})


def state_dir(out_dir: Path) -> Path:
    """OUT/.planextract, where the journal and the staging folders go. A link there (or
    at the journal) is refused (ValueError), never followed: the batch would write, and
    clear stale staging folders, wherever it points."""
    state = out_dir / STATE_DIR
    for path in (state, state / JOURNAL):
        if path.is_symlink():
            raise ValueError(f"{path}: path leaves the output folder (symbolic link, not followed)")
    return state


def failure_limits(limits: Limits, memory_mb: int | None, zip_limits: ZipLimits) -> dict[str, Any]:
    """Every bound that can decide whether a file fails, as the journal keeps it: the
    limits of one file (pages, bytes, time, OCR…), the memory budget and the zip bounds.
    A failure is remembered for exactly these."""
    return {"file": asdict(limits), "memory_mb": memory_mb, "zip": asdict(zip_limits)}


@record(frozen=True, slots=True)
class KnownFailure:
    sha256: str
    code: str
    error: str


def existing_result(
    path: Path,
    sha256: str,
    profile_id: str,
    enrich: bool,
    limits: Limits | None = None,
    ocr: bool = True,
) -> Plan | None:
    """The result at `path` when it was made from these bytes by this tool and profile, and
    holds the enrichment if it is asked for (an enriched result also serves --no-enrich),
    and the OCR of its pictured pages if OCR is asked for (a result that left them unread
    with --no-ocr says so in a source note; an OCR'd result also serves --no-ocr).
    A result larger than a result may be is not read (results.read_result)."""
    try:
        plan = read_result(path, path.name, limits)
    except PlanExtractError:
        return None
    current = (
        plan.source.sha256 == sha256
        and plan.tool_version == __version__
        and plan.source.profile == profile_id
        and (plan.enriched or not enrich)
        and not (ocr and any(note.code == OCR_OFF for note in plan.source.notes))
    )
    return plan if current else None


def _journal_row(line: bytes) -> dict[str, Any] | None:
    """One journal line as its row, None when it is not one the tool wrote (cut short by a
    killed run, damaged, or not UTF-8)."""
    try:
        row = json.loads(line.decode("utf-8"))
    except ValueError:  # UnicodeDecodeError and JSONDecodeError alike
        return None
    if not isinstance(row, dict) or not isinstance(row.get("file"), str):
        return None
    texts = ("status", "sha256", "code", "error", "tool_version", "profile")
    if not all(isinstance(row.get(key), str | None) for key in texts):
        return None
    return row


class Journal:
    """Append-only record of finished files; the last line for a file wins."""

    def __init__(self, out_dir: Path) -> None:
        self.path = state_dir(out_dir) / JOURNAL
        self.unreadable_lines = 0  # lines skipped by the last `load`

    def load(self) -> dict[str, dict[str, Any]]:
        """The last row per file. Lines that are not rows are skipped and counted: the
        failures they recorded are simply forgotten, so those files are done again."""
        rows: dict[str, dict[str, Any]] = {}
        self.unreadable_lines = 0
        try:
            data = self.path.read_bytes()
        except OSError:
            return rows
        for line in data.split(b"\n"):
            if not line.strip():
                continue
            row = _journal_row(line)
            if row is None:
                self.unreadable_lines += 1
            else:
                rows[row["file"]] = row
        return rows

    def warning(self) -> str | None:
        """One line about the lines the last `load` skipped, if it skipped any."""
        count = self.unreadable_lines
        if not count:
            return None
        lines = "1 unreadable line" if count == 1 else f"{count} unreadable lines"
        return printable(f"{self.path}: {lines} skipped; the files they stood for are done again")

    def known_failures(self, profile_id: str, limits: dict[str, Any]) -> dict[str, KnownFailure]:
        """Failures with this tool and profile, made within the same `limits` (as made by
        failure_limits): a run with other ones tries again, whether a limit is what made it
        fail (--max-pages, --timeout, --max-memory) or what it lacked (OCR)."""
        return {
            file: KnownFailure(row["sha256"], row.get("code") or "error", row.get("error") or "")
            for file, row in self.load().items()
            if row.get("status") == "failed"
            and row.get("code") not in NOT_OF_THE_INPUT
            and row.get("sha256")
            and row.get("tool_version") == __version__
            and row.get("profile") == profile_id
            and row.get("limits") == limits
        }

    def append(self, row: dict[str, Any]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")

    def compact(self) -> None:
        """Rewrite with one line per file (and without the lines that are not rows)."""
        rows = self.load()
        if rows or self.unreadable_lines:
            text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows.values())
            write_atomic(self.path, text)


def remove_stale_temp(out_dir: Path) -> int:
    """Delete temporary files that a killed run left behind; returns how many."""
    removed = 0
    state = out_dir / STATE_DIR
    for current, dirs, files in os.walk(out_dir):
        if Path(current) == state:  # staging folders are removed whole, and only when stale
            dirs[:] = [d for d in dirs if not d.startswith(STAGING_PREFIX)]
        for name in files:
            if _STALE_TEMP.match(name):
                (Path(current) / name).unlink(missing_ok=True)
                removed += 1
    return removed
