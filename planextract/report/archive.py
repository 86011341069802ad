"""The archive overview: index.html/.md/.json next to one report per plan.

``write_overview(plans, out_dir)`` is the entry point for the CLI and for batch runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from planextract.models.plan import Plan
from planextract.report.files import (
    plan_stem,
    report_file,
    unique_names,
    write_plan_report,
    write_texts,
)
from planextract.report.html import overview_html
from planextract.report.markdown import overview_markdown
from planextract.report.overview import Overview, overview
from planextract.rules.profile import Profile

INDEX = "index"


def write_overview(
    plans: Sequence[Plan] | Sequence[tuple[str, Plan]],
    out_dir: Path,
    profile: Profile | None = None,
    *,
    plan_pages: bool = True,
) -> list[Path]:
    """Write each plan's report (unless plan_pages is False: then they must exist under
    the same names) and the overview linking them. `plans` are Plans (named after their
    source file) or (name, Plan) pairs; names are made safe and distinct. Returns the
    paths written, the overview's last."""
    pairs = [p if isinstance(p, tuple) else (plan_stem(p), p) for p in plans]
    names = unique_names(name for name, _ in pairs)
    written: list[Path] = []
    if plan_pages:
        for name, (_, plan) in zip(names, pairs, strict=True):
            written += write_plan_report(plan, out_dir, name, profile)
    o = overview(
        [(report_file(n, "html"), plan) for n, (_, plan) in zip(names, pairs, strict=True)],
        profile,
    )
    return [*written, *write_overview_pages(o, out_dir)]


def write_overview_pages(o: Overview, out_dir: Path) -> list[Path]:
    """index.html, .md and .json of an overview."""
    return write_texts(
        out_dir,
        {
            f"{INDEX}.html": overview_html(o),
            f"{INDEX}.md": overview_markdown(o),
            f"{INDEX}.json": o.model_dump_json(indent=2) + "\n",
        },
    )
