"""The text a batch prints when it ends."""

from __future__ import annotations

from planextract.batch.progress import failure_line
from planextract.batch.run import BatchReport


def summary_lines(report: BatchReport, quiet: bool = False) -> list[str]:
    """Warnings, counts, then every failure with its reason; only the warnings and the
    failures when quiet."""
    failures = [failure_line(r) for r in report.rows if r["status"] == "failed"]
    warnings = [f"warning: {line}" for line in report.warnings]
    if quiet:
        lost = [f"no quality report: {line}" for line in report.report_errors]
        return warnings + [f"failed: {line}" for line in failures] + lost
    total = sum(report.count(s) for s in ("converted", "skipped", "failed", "pending"))
    lines = [
        *warnings,
        f"{total} files: {report.count('converted')} converted, "
        f"{report.count('skipped')} skipped (up to date), {report.count('failed')} failed",
    ]
    if report.count("ignored"):
        lines.append(
            f"{report.count('ignored')} file(s) ignored (not PDF, text or zip; "
            "listed in the index as 'ignored')"
        )
    if report.known_failures:
        lines.append(
            f"{report.known_failures} failures are from an earlier run with the same file "
            "and limits and were not retried (--retry-failed to try again)"
        )
    if report.interrupted:
        lines.append(
            f"interrupted: {report.count('pending')} files not done; "
            "run the same command again to finish"
        )
    if failures:
        lines.append("failed:")
        lines.extend(f"  {line}" for line in failures)
    if report.report_errors:
        lines.append("results without a quality report (left out of the overview):")
        lines.extend(f"  {line}" for line in report.report_errors)
    lines.append("index: " + ", ".join(str(p) for p in report.index_files))
    if report.overview is None:
        lines.append("archive quality overview: none (no plan converted)")
    else:
        lines.append(f"archive quality overview: {report.overview}")
    return lines
