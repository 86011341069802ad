"""Read the JSON results of a folder and write them as SQLite tables or CSV files, with the
standard library only."""

from __future__ import annotations

import csv
import io
import os
import sqlite3
from pathlib import Path

from pydantic import ValidationError

from planextract.batch.overview import REPORT_DIR
from planextract.export.tables import PRIMARY_KEYS, TABLES, Row, plan_rows
from planextract.models.plan import Plan
from planextract.output import SQLITE_INT, atomic_path, csv_cell, write_atomic
from planextract.quality.duplicates import copy_key, counting_copies


def load_results(folder: Path) -> tuple[list[tuple[str, Plan]], list[str]]:
    """Every plan JSON under `folder` (sorted by path, hidden and report folders skipped), and a
    one-line message for each .json file that is not a plan result."""
    plans: list[tuple[str, Plan]] = []
    problems: list[str] = []
    for current, dirs, files in os.walk(folder):
        # hidden folders (the batch journal) and the batch's quality reports hold no plans
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != REPORT_DIR)
        for name in sorted(files):
            if not name.endswith(".json") or name.startswith("."):
                continue
            path = Path(current) / name
            rel = path.relative_to(folder).as_posix()
            try:
                plans.append((rel, Plan.model_validate_json(path.read_bytes())))
            except (OSError, ValidationError, ValueError) as exc:
                first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                problems.append(f"{rel}: not a plan result ({first})")
    plans.sort(key=lambda p: p[0])
    return plans, problems


def _too_large(rows: dict[str, list[Row]]) -> int | None:
    """An integer SQLite cannot store (a page count above 2**63), if any."""
    low, high = SQLITE_INT
    for table in rows.values():
        for row in table:
            for value in row:
                if isinstance(value, int) and not low <= value <= high:
                    return value
    return None


def collect(
    plans: list[tuple[str, Plan]], problems: list[str] | None = None
) -> dict[str, list[Row]]:
    """All rows of all plans; plan_id is the 1-based position in path order. A plan with a
    number too large for a 64-bit integer is left out and named in `problems`. The same
    plan twice (quality/duplicates.py) counts once: its other copies get only a `plans`
    row."""
    storable: list[tuple[str, Plan]] = []
    for file, plan in plans:
        big = _too_large(plan_rows(0, file, plan, None))
        if big is None:
            storable.append((file, plan))
        elif problems is not None:
            problems.append(f"{file}: number too large for the tables ({str(big)[:30]}…)")
    tables: dict[str, list[Row]] = {name: [] for name in TABLES}
    counts_for = counting_copies([copy_key(plan) for _, plan in storable])
    for plan_id, ((file, plan), best) in enumerate(zip(storable, counts_for, strict=True), start=1):
        duplicate_of = None if best is None else best + 1
        for name, rows in plan_rows(plan_id, file, plan, duplicate_of).items():
            tables[name].extend(rows)
    return tables


def _create_sql(name: str) -> str:
    columns = [f"{column} {kind}" for column, kind in TABLES[name]]
    if name in PRIMARY_KEYS:
        columns.append(f"PRIMARY KEY ({', '.join(PRIMARY_KEYS[name])})")
    if name != "plans":
        columns.append("FOREIGN KEY (plan_id) REFERENCES plans(plan_id)")
    return f"CREATE TABLE {name} (\n  " + ",\n  ".join(columns) + "\n)"


def write_sqlite(path: Path, tables: dict[str, list[Row]]) -> None:
    """A new database at `path` (built next to it, then renamed into place)."""
    with atomic_path(path) as tmp:
        with sqlite3.connect(tmp) as db:
            for name, rows in tables.items():
                db.execute(_create_sql(name))
                marks = ", ".join("?" * len(TABLES[name]))
                db.executemany(f"INSERT INTO {name} VALUES ({marks})", rows)
            db.execute("CREATE INDEX timeline_cells_action ON timeline_cells(plan_id, action_id)")
        db.close()


def write_csv(folder: Path, tables: dict[str, list[Row]]) -> list[Path]:
    """One <table>.csv per table (UTF-8, header row, empty cell for NULL)."""
    written = []
    for name, rows in tables.items():
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(column for column, _kind in TABLES[name])
        writer.writerows([csv_cell(v) for v in row] for row in rows)
        path = folder / f"{name}.csv"
        write_atomic(path, buffer.getvalue())
        written.append(path)
    return written
