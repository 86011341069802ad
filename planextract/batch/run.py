"""A whole batch: discover, skip what is up to date, convert the rest in isolated workers,
move each result (written by its worker into a staging folder) into place, keep the
journal and write the index and the archive overview."""

from __future__ import annotations

import os
from dataclasses import field, replace
from pathlib import Path
from typing import Any

from planextract import __version__
from planextract.batch.discover import Discovery, WorkItem, discover
from planextract.batch.index import make_row, write_index
from planextract.batch.job import Outcome, Setup, Task
from planextract.batch.overview import REPORT_DIR, report_names, write_archive_overview
from planextract.batch.progress import Progress
from planextract.batch.resume import Journal, failure_limits, remove_stale_temp, state_dir
from planextract.batch.staging import RESULT, Staging, place, remove_stale_staging
from planextract.batch.workers import WorkerPool
from planextract.errors import printable
from planextract.models.record import record
from planextract.output import inside
from planextract.report.overview import PlanSummary


@record
class BatchOptions:
    out_dir: Path
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)
    force: bool = False  # redo files whose result is up to date
    retry_failed: bool = False  # retry files that failed before with the same source
    setup: Setup = field(default_factory=Setup)


@record
class BatchReport:
    rows: list[dict[str, Any]]  # the index, sorted by file
    outcomes: list[Outcome]  # worker outcomes in finishing order (timing, memory)
    interrupted: bool = False
    stale_removed: int = 0
    workers_started: int = 0
    index_files: tuple[Path, ...] = ()
    overview: Path | None = None
    report_errors: list[str] = field(default_factory=list)  # plans without a report
    warnings: list[str] = field(default_factory=list)  # the batch went on (a damaged journal)

    def count(self, status: str) -> int:
        return sum(row["status"] == status for row in self.rows)

    @property
    def known_failures(self) -> int:
        return sum(o.known for o in self.outcomes)


def _row(item: WorkItem, outcome: Outcome | None = None, **extra: Any) -> dict[str, Any]:
    if outcome is None:
        return make_row(file=item.source, output=item.output, **extra)
    output = item.output if outcome.status != "failed" else None
    return make_row(
        file=item.source,
        output=output,
        status=outcome.status,
        error=outcome.error,
        code=outcome.code,
        sha256=outcome.sha256,
        seconds=outcome.seconds,
        **outcome.stats,
    )


class _Recorder:
    """Writes what the workers produce: results, journal lines, index rows, progress."""

    def __init__(self, options: BatchOptions, progress: Progress, profile_id: str) -> None:
        self.out_dir = options.out_dir
        self.progress = progress
        self.profile_id = profile_id
        setup = options.setup
        self.limits = failure_limits(setup.limits, setup.memory_mb, setup.zip_limits)
        self.journal = Journal(options.out_dir)
        self.rows: dict[str, dict[str, Any]] = {}
        self.outcomes: list[Outcome] = []
        self.summaries: dict[str, PlanSummary] = {}
        self.report_errors: list[str] = []

    def _place(self, task: Task, outcome: Outcome) -> None:
        """Move what the worker staged into the output tree: the JSON, then the report."""
        stage = task.stage
        if stage is None or outcome.status == "failed":
            return
        if outcome.status == "converted" and outcome.staged and task.out_file is not None:
            try:
                place(stage / RESULT, task.out_file)
            except OSError as exc:
                outcome.status, outcome.code = "failed", "output"
                outcome.error = f"cannot write the result ({exc.strerror or exc})"
                return
        if outcome.summary is not None:
            try:
                report_dir = inside(self.out_dir, REPORT_DIR)
                for staged in sorted(stage.iterdir()):
                    if staged.name != RESULT:
                        place(staged, report_dir / staged.name)
            except OSError as exc:
                outcome.summary = None
                outcome.report_error = f"cannot write the report ({exc.strerror or exc})"
        if outcome.summary is not None:
            self.summaries[outcome.source] = outcome.summary
            outcome.summary = None  # kept once, by source
        elif outcome.report_error:
            self.report_errors.append(printable(f"{outcome.source}: {outcome.report_error}"))

    def record(self, task: Task, outcome: Outcome) -> None:
        item = task.item
        try:
            self._place(task, outcome)
        finally:
            if task.stage is not None:
                Staging.discard(task.stage)
        self.outcomes.append(outcome)
        if not outcome.known:
            self.journal.append(
                {
                    "file": item.source,
                    "status": outcome.status,
                    "sha256": outcome.sha256,
                    "code": outcome.code,
                    "error": outcome.error,
                    "tool_version": __version__,
                    "profile": self.profile_id,
                    "limits": self.limits,
                }
            )
        self.add(_row(item, outcome))

    def add(self, row: dict[str, Any]) -> None:
        self.rows[row["file"]] = row
        self.progress.finished(row)


def _tasks(
    found: Discovery, options: BatchOptions, recorder: _Recorder, staging: Staging
) -> list[Task]:
    """Tasks for the workers; items rejected during discovery are recorded at once."""
    known = {}
    if not (options.force or options.retry_failed):
        known = recorder.journal.known_failures(recorder.profile_id, recorder.limits)
    tasks = []
    for item in found.items:
        if item.error is None:
            try:
                out_file = inside(options.out_dir, item.output or "")
            except ValueError as exc:
                item_error = str(exc)
            else:
                tasks.append(Task(item, out_file, options.force, known.get(item.source)))
                continue
        else:
            item_error = item.error
        recorder.add(_row(item, status="failed", error=item_error, code=item.code or "output"))
    names = report_names((t.item.source, t.item.output or "") for t in tasks)
    return [
        replace(task, stage=staging.task(number), report_name=names[task.item.source])
        for number, task in enumerate(tasks)
    ]


def _started(task: Task, progress: Progress) -> None:
    if task.stage is not None:
        Staging.prepare(task.stage)
    progress.started(task.item.source)


def run_batch(paths: list[Path], options: BatchOptions, progress: Progress) -> BatchReport:
    """Convert everything under `paths` into `options.out_dir`. Raises DiscoveryError for a
    PATH that does not exist, ValueError for a journal folder that is a link; every problem
    with a file ends up in the report instead."""
    out_dir = options.out_dir
    out_dir.mkdir(parents=True, exist_ok=True)
    state_dir(out_dir)  # refused before anything is read or removed when it is a link
    found = discover(paths, out_dir, options.setup.zip_limits)
    stale = remove_stale_staging(out_dir) + remove_stale_temp(out_dir)
    recorder = _Recorder(options, progress, options.setup.profile().id)
    progress.start(len(found.items))
    interrupted = False
    with Staging(out_dir) as staging:
        tasks = _tasks(found, options, recorder, staging)
        by_source = {task.item.source: task for task in tasks}
        pool = WorkerPool(min(options.jobs, len(tasks)) or 1, options.setup)
        try:
            for outcome in pool.run(
                tasks,
                on_start=lambda t: _started(t, progress),
                on_ocr=lambda t, note: progress.ocr_page(t.item.source, note.page, note.pages),
            ):
                recorder.record(by_source[outcome.source], outcome)
        except KeyboardInterrupt:
            interrupted = True
        finally:
            pool.close()
            progress.close()
    rows = recorder.rows
    for task in tasks:
        if task.item.source not in rows:
            rows[task.item.source] = _row(task.item, status="pending")
    for source in found.ignored:
        rows[source] = make_row(file=source, status="ignored")
    report = BatchReport(
        rows=sorted(rows.values(), key=lambda r: r["file"]),
        outcomes=recorder.outcomes,
        interrupted=interrupted,
        stale_removed=stale,
        workers_started=pool.workers_started,
        report_errors=recorder.report_errors,
    )
    report.index_files = write_index(out_dir, report.rows)
    recorder.journal.compact()
    journal_warning = recorder.journal.warning()
    if journal_warning is not None:
        report.warnings.append(journal_warning)
    report.overview = write_archive_overview(out_dir, report.rows, recorder.summaries)
    return report
