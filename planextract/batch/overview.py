"""The archive quality overview of a batch: the report command's overview over every plan
converted or up to date, with one report per plan, in `DIR/_kwaliteitsrapport/`.

Plans are read back from their JSON one at a time, so memory does not grow with the
archive. A result that cannot be read back is left out of the overview (the index still
lists it).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import ValidationError

from planextract.models.plan import Plan
from planextract.output import inside
from planextract.report.archive import write_overview_pages
from planextract.report.files import report_file, unique_names, write_plan_report
from planextract.report.overview import overview

REPORT_DIR = "_kwaliteitsrapport"
WITH_RESULT = ("converted", "skipped")


def report_name(output: str) -> str:
    """'2024/zone-a.json' -> '2024__zone-a': the input tree flattened into one folder."""
    return "__".join(PurePosixPath(output).with_suffix("").parts)


def _plans(
    out_dir: Path, report_dir: Path, rows: list[dict[str, Any]]
) -> Iterator[tuple[str, Plan]]:
    names = unique_names(report_name(row["output"]) for row in rows)
    for name, row in zip(names, rows, strict=True):
        try:
            plan = Plan.model_validate_json(inside(out_dir, row["output"]).read_bytes())
        except (OSError, ValueError, ValidationError):
            continue
        write_plan_report(plan, report_dir, name)
        yield report_file(name, "html"), plan


def write_archive_overview(out_dir: Path, rows: list[dict[str, Any]]) -> Path | None:
    """Write the overview for the results of `rows` (index rows; `output` is the JSON path
    relative to `out_dir`). Returns the overview's HTML page, None when no plan has a
    result."""
    done = [r for r in rows if r["status"] in WITH_RESULT and r.get("output")]
    if not done:
        return None
    report_dir = inside(out_dir, REPORT_DIR)
    report_dir.mkdir(parents=True, exist_ok=True)
    write_overview_pages(overview(_plans(out_dir, report_dir, done)), report_dir)
    return out_dir / REPORT_DIR / "index.html"  # as the user named the folder, like the index
