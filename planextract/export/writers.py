"""Read the JSON results of a folder and write them as SQLite tables or CSV files, with the
standard library only.

One plan at a time: a first pass reads each result (after a size check: a file larger
than a result may be is refused, not read) and keeps only what tells copies apart; the
second reads each again and writes its rows straight into the database and the CSV files.
So memory grows neither with the archive nor past one result's bound.
"""

from __future__ import annotations

import csv
import os
import sqlite3
import stat
from contextlib import ExitStack
from dataclasses import field
from pathlib import Path
from typing import Any

from planextract.batch.overview import REPORT_DIR
from planextract.errors import PlanExtractError
from planextract.export.tables import PRIMARY_KEYS, TABLES, Row, plan_rows
from planextract.extract.limits import DEFAULT_MEMORY_MB, Limits, memory_budget
from planextract.models.plan import Plan
from planextract.models.record import record
from planextract.output import SQLITE_INT, atomic_path, csv_cell
from planextract.quality.duplicates import CopyKey, copy_key, counting_copies
from planextract.results import NotAPlanResult, read_result


def result_files(folder: Path) -> list[tuple[str, Path]]:
    """Every .json file under `folder` as (path relative to it, path), sorted by path;
    hidden files and folders (the batch journal) and the batch's reports are skipped."""
    found = []
    for current, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != REPORT_DIR)
        for name in sorted(files):
            if name.endswith(".json") and not name.startswith("."):
                path = Path(current) / name
                found.append((path.relative_to(folder).as_posix(), path))
    found.sort(key=lambda p: p[0])
    return found


SQLITE_HEADER = b"SQLite format 3\x00"  # the first 16 bytes of every SQLite database


def _within(path: Path, folder: Path) -> bool:
    """Whether `path` is `folder` or lies under it (links resolved)."""
    target, root = path.resolve(), folder.resolve()
    return target == root or root in target.parents


def _is_sqlite(path: Path) -> bool:
    """An empty file (SQLite's own new database) or one that starts with SQLite's header."""
    with path.open("rb") as fh:
        head = fh.read(len(SQLITE_HEADER))
    return head in (b"", SQLITE_HEADER)


def sqlite_target_problem(folder: Path, path: Path) -> str | None:
    """Why the database may not be written at `path`, None when it may: it replaces only
    an SQLite database, never another file, and never one among the exported results."""
    if _within(path, folder):
        return f"{path} is inside {folder}, the folder being exported; write it elsewhere"
    try:
        mode = path.lstat().st_mode
    except OSError:  # nothing there (or no way there: writing it will say why)
        return None
    if stat.S_ISLNK(mode):
        return f"{path} is a symbolic link; not replaced"
    if not stat.S_ISREG(mode):
        return f"{path} exists and is not a regular file; not replaced"
    try:
        if _is_sqlite(path):
            return None
    except OSError as exc:
        return f"{path}: cannot read whether it is an SQLite database ({exc.strerror or exc})"
    return f"{path} exists and is not an SQLite database; not replaced"


def csv_target_problem(folder: Path, path: Path, sqlite_file: Path | None = None) -> str | None:
    """Why the CSV files may not be written into `path`, None when they may."""
    if _within(path, folder):
        return f"{path} is inside {folder}, the folder being exported; write it elsewhere"
    if path.exists() and not path.is_dir():
        return f"{path} exists and is not a folder"
    if sqlite_file is not None and sqlite_file.resolve() in {
        (path / f"{name}.csv").resolve() for name in TABLES
    }:
        return f"{sqlite_file} would be replaced by one of the CSV files; write it elsewhere"
    return None


def _too_large(rows: dict[str, list[Row]]) -> int | None:
    """An integer SQLite cannot store (a page count above 2**63), if any."""
    low, high = SQLITE_INT
    for table in rows.values():
        for row in table:
            for value in row:
                if isinstance(value, int) and not low <= value <= high:
                    return value
    return None


@record
class Export:
    """What the first pass found: the plans to export and why the others are left out."""

    files: list[tuple[str, Path]] = field(default_factory=list)  # in path order
    duplicate_of: list[int | None] = field(default_factory=list)  # plan_id of the copy
    problems: list[str] = field(default_factory=list)  # one line per file left out
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TABLES, 0))


def _problem(rel: str, exc: PlanExtractError) -> str:
    if isinstance(exc, NotAPlanResult):
        return f"{rel}: not a plan result ({exc.detail})"
    return f"{rel}: {exc.reason}"


def _rows(
    rel: str, path: Path, limits: Limits, plan_id: int = 0, duplicate_of: int | None = None
) -> tuple[Plan, dict[str, list[Row]]]:
    """One plan and its rows, read within the memory budget of one file."""
    with memory_budget(DEFAULT_MEMORY_MB, rel):
        plan = read_result(path, rel, limits)
        return plan, plan_rows(plan_id, rel, plan, duplicate_of)


def scan(folder: Path, limits: Limits | None = None) -> Export:
    """First pass: which results to export, which copies count. A plan with a number too
    large for a 64-bit integer is left out and named in `problems`. The same plan twice
    (quality/duplicates.py) counts once: its other copies get only a `plans` row."""
    limits = limits or Limits()
    export = Export()
    keys: list[CopyKey] = []
    for rel, path in result_files(folder):
        try:
            plan, rows = _rows(rel, path, limits)
        except PlanExtractError as exc:
            export.problems.append(_problem(rel, exc))
            continue
        big = _too_large(rows)
        if big is not None:
            export.problems.append(f"{rel}: number too large for the tables ({str(big)[:30]}…)")
            continue
        keys.append(copy_key(plan))
        export.files.append((rel, path))
        del plan, rows
    export.duplicate_of = [None if best is None else best + 1 for best in counting_copies(keys)]
    return export


def _create_sql(name: str) -> str:
    columns = [f"{column} {kind}" for column, kind in TABLES[name]]
    if name in PRIMARY_KEYS:
        columns.append(f"PRIMARY KEY ({', '.join(PRIMARY_KEYS[name])})")
    if name != "plans":
        columns.append("FOREIGN KEY (plan_id) REFERENCES plans(plan_id)")
    return f"CREATE TABLE {name} (\n  " + ",\n  ".join(columns) + "\n)"


class _Sqlite:
    def __init__(self, stack: ExitStack, path: Path) -> None:
        tmp = stack.enter_context(atomic_path(path))
        self.db = sqlite3.connect(tmp)
        stack.callback(self.db.close)
        for name in TABLES:
            self.db.execute(_create_sql(name))

    def add(self, name: str, rows: list[Row]) -> None:
        marks = ", ".join("?" * len(TABLES[name]))
        self.db.executemany(f"INSERT INTO {name} VALUES ({marks})", rows)

    def finish(self) -> None:
        self.db.execute("CREATE INDEX timeline_cells_action ON timeline_cells(plan_id, action_id)")
        self.db.commit()


class _Csv:
    """One <table>.csv per table (UTF-8, header row, empty cell for NULL)."""

    def __init__(self, stack: ExitStack, folder: Path) -> None:
        self.writers: dict[str, Any] = {}
        for name in TABLES:
            tmp = stack.enter_context(atomic_path(folder / f"{name}.csv"))
            fh = stack.enter_context(tmp.open("w", encoding="utf-8", newline=""))
            self.writers[name] = csv.writer(fh, lineterminator="\n")
            self.writers[name].writerow(column for column, _kind in TABLES[name])

    def add(self, name: str, rows: list[Row]) -> None:
        self.writers[name].writerows([csv_cell(v) for v in row] for row in rows)

    def finish(self) -> None:
        return None


def write_tables(
    export: Export,
    sqlite_file: Path | None = None,
    csv_dir: Path | None = None,
    limits: Limits | None = None,
) -> Export:
    """Second pass: the rows of every plan of `export`, one plan at a time, into a new
    database at `sqlite_file` and/or CSV files in `csv_dir`, each built next to its place
    and renamed into place when all is written. plan_id is the 1-based position in path
    order. A file that changed since the first pass is left out and named."""
    limits = limits or Limits()
    with ExitStack() as stack:
        targets: list[_Sqlite | _Csv] = []
        if sqlite_file is not None:
            targets.append(_Sqlite(stack, sqlite_file))
        if csv_dir is not None:
            targets.append(_Csv(stack, csv_dir))
        plan_id = 0
        for (rel, path), duplicate_of in zip(export.files, export.duplicate_of, strict=True):
            plan_id += 1
            try:
                _plan, rows = _rows(rel, path, limits, plan_id, duplicate_of)
            except PlanExtractError as exc:
                export.problems.append(f"{_problem(rel, exc)} (changed during the export)")
                continue
            if _too_large(rows) is not None:
                export.problems.append(f"{rel}: changed during the export; left out")
                continue
            for name, table in rows.items():
                for target in targets:
                    target.add(name, table)
                export.counts[name] += len(table)
            del _plan, rows
        for target in targets:
            target.finish()
    return export
