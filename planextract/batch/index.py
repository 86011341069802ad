"""The batch index: one row per input (converted, skipped, failed or ignored), written as
`index.jsonl` and `index.csv` in the output folder."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from planextract.models.plan import Plan
from planextract.output import csv_cell, write_atomic

INDEX_FILES = ("index.jsonl", "index.csv")  # in the output folder, beside the results

COLUMNS = (
    "file",  # the input, as a path from the PATH given (zip entries: archive.zip/entry)
    "output",  # the JSON, relative to the output folder
    "status",  # converted | skipped | failed | ignored | pending
    "error",  # one-line reason when failed
    "code",  # stable error code when failed
    "zone",
    "year",
    "pages",
    "strategic_goals",
    "operational_goals",
    "actions",
    "completeness",
    "findings_error",
    "findings_warning",
    "findings_info",
    "sha256",
    "seconds",
)


def plan_stats(plan: Plan) -> dict[str, Any]:
    """The index columns that come from a result."""
    counts = plan.quality.counts
    return {
        "zone": plan.organisation,
        "year": plan.year,
        "pages": plan.source.pages,
        "strategic_goals": len(plan.strategic_goals),
        "operational_goals": sum(len(sd.operational_goals) for sd in plan.strategic_goals),
        "actions": len(plan.actions()),
        "completeness": plan.quality.completeness,
        "findings_error": counts.error,
        "findings_warning": counts.warning,
        "findings_info": counts.info,
    }


def make_row(**values: Any) -> dict[str, Any]:
    """A row with every column, in column order."""
    unknown = set(values) - set(COLUMNS)
    if unknown:
        raise KeyError(f"not index columns: {sorted(unknown)}")
    return {column: values.get(column) for column in COLUMNS}


def write_index(out_dir: Path, rows: list[dict[str, Any]]) -> tuple[Path, Path]:
    """index.jsonl and index.csv, sorted by file, written atomically."""
    rows = sorted(rows, key=lambda r: r["file"])
    jsonl = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: csv_cell(v) for k, v in row.items()} for row in rows)
    paths = out_dir / INDEX_FILES[0], out_dir / INDEX_FILES[1]
    write_atomic(paths[0], jsonl)
    write_atomic(paths[1], buffer.getvalue())
    return paths
