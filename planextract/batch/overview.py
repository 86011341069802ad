"""The archive quality overview of a batch: the report command's overview over every plan
converted or up to date, with one report per plan, in `DIR/_kwaliteitsrapport/`.

No plan is read back for it: each worker writes its plan's report next to the result and
sends back the plan's summary (report/overview.py: PlanSummary), and the overview is made
from those, so the supervisor's memory grows neither with the archive nor with one
result. A plan whose report could not be made is left out of the overview (the index
still lists it).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import Any

from planextract.output import inside
from planextract.report.archive import write_overview_pages
from planextract.report.files import unique_names
from planextract.report.overview import PlanSummary, overview_of

REPORT_DIR = "_kwaliteitsrapport"
WITH_RESULT = ("converted", "skipped")


def report_name(output: str) -> str:
    """'2024/zone-a.json' -> '2024__zone-a': the input tree flattened into one folder."""
    return "__".join(PurePosixPath(output).with_suffix("").parts)


def report_names(items: Iterable[tuple[str, str]]) -> dict[str, str]:
    """(source, output JSON) -> {source: name of its report}, distinct, in source order."""
    ordered = sorted(items)
    names = unique_names(report_name(output) for _, output in ordered)
    return {source: name for (source, _), name in zip(ordered, names, strict=True)}


def write_archive_overview(
    out_dir: Path, rows: list[dict[str, Any]], summaries: dict[str, PlanSummary]
) -> Path | None:
    """Write the overview for the results of `rows` (index rows, in the order to show)
    from the summaries the workers sent (by source file). Returns the overview's HTML
    page, None when no plan has a result."""
    done = [r for r in rows if r["status"] in WITH_RESULT and r.get("output")]
    if not done:
        return None
    report_dir = inside(out_dir, REPORT_DIR)
    report_dir.mkdir(parents=True, exist_ok=True)
    shown = (summaries[r["file"]] for r in done if r["file"] in summaries)
    write_overview_pages(overview_of(shown), report_dir)
    return out_dir / REPORT_DIR / "index.html"  # as the user named the folder, like the index
