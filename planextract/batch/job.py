"""One file of a batch, as done inside a worker process.

The worker reads the source (a file, or a zip entry copied to a private temp folder),
hashes it, skips it when the result is up to date, otherwise extracts it within the time
budget. It writes the plan's JSON and its quality report only into its task's staging
folder (batch/staging.py) and sends back the plan's summary, never the plan: the
supervisor moves the files into place, so its memory does not grow with a result, and a
worker that is killed leaves nothing behind in the output tree. Every failure comes back
as an Outcome with a one-line reason.

Tests replace `Setup.extractor` (any picklable top-level function with the signature of
`extract_plan`) to simulate hangs and crashes.
"""

from __future__ import annotations

import hashlib
import os
import resource
import tempfile
import time
from collections.abc import Callable
from dataclasses import field
from pathlib import Path
from typing import Any

from planextract.batch.discover import WorkItem
from planextract.batch.index import plan_stats
from planextract.batch.resume import KnownFailure, existing_result
from planextract.batch.staging import RESULT, write_staged
from planextract.batch.zipsafe import UnsafeEntry, ZipLimits, read_member
from planextract.errors import (
    SETUP,
    LimitExceeded,
    PlanExtractError,
    UnreadableInput,
    installation_problem,
)
from planextract.extract.limits import (
    DEFAULT_MEMORY_MB,
    Limits,
    check_output,
    check_size,
    time_budget,
)
from planextract.models.plan import Plan
from planextract.models.record import record
from planextract.pipeline import extract_file, plan_to_json
from planextract.report.files import plan_report_texts, report_file
from planextract.report.overview import PlanSummary, summarise
from planextract.rules.profile import Profile, load_profile

Extractor = Callable[[Path, Profile, Limits, bool], Plan]
_CHUNK = 1024 * 1024
_REASON_CHARS = 300  # an exception's message may quote the document: one short line


def extract_plan(path: Path, profile: Profile, limits: Limits, enrich: bool = True) -> Plan:
    """The real extractor."""
    return extract_file(path, profile, limits, enrich=enrich).plan


def warm_up(profile: Profile) -> None:
    """Build the spaCy pipeline before the first file, so its import (about a second) does
    not count against that file's time budget (a no-op when the fork server already built
    it)."""
    from planextract.enrich.nlp import pipeline

    try:
        pipeline(profile.reflow)
    except Exception:
        return


@record(frozen=True)
class Setup:
    """What every worker needs, sent once when it starts."""

    profile_path: str | None = None
    limits: Limits = field(default_factory=Limits)
    zip_limits: ZipLimits = field(default_factory=ZipLimits)
    memory_mb: int | None = DEFAULT_MEMORY_MB  # address space per worker; None: unlimited
    extractor: Extractor = extract_plan
    enrich: bool = True  # partners, periods and targets (extract --no-enrich)

    def profile(self) -> Profile:
        return load_profile(self.profile_path)


@record(frozen=True)
class Task:
    item: WorkItem
    out_file: Path | None  # where the result goes (to check whether it is up to date)
    force: bool = False
    known_failure: KnownFailure | None = None
    stage: Path | None = None  # the task's staging folder; None: write nothing
    report_name: str | None = None  # stem of the plan's quality report, when one is made


@record
class Outcome:
    source: str
    status: str  # converted | skipped | failed
    staged: bool = False  # the JSON is in the task's staging folder (converted only)
    summary: PlanSummary | None = None  # for the overview; its report files are staged
    report_error: str | None = None  # the result is fine, its report could not be made
    stats: dict[str, Any] = field(default_factory=dict)
    sha256: str | None = None
    code: str | None = None
    error: str | None = None
    seconds: float = 0.0
    known: bool = False  # a failure remembered from an earlier run, not retried
    recycle: bool = False  # the worker should not be reused (after MemoryError)
    worker_pid: int | None = None
    peak_rss_kb: int | None = None  # the worker's peak resident memory so far
    rss_kb: int | None = None  # its resident memory after this file


def _hash_file(path: Path, name: str, limits: Limits) -> str:
    """The file's sha256, read up to the byte limit: a device or pipe that never ends
    (/dev/zero) is refused like a big file, as in extract."""
    read = 0
    try:
        check_size(path, name, limits)
        digest = hashlib.sha256()
        with path.open("rb") as fh:
            while chunk := fh.read(min(_CHUNK, limits.max_bytes + 1 - read)):
                digest.update(chunk)
                read += len(chunk)
                if read > limits.max_bytes:
                    raise LimitExceeded(name, f"more than the limit of {limits.max_bytes} bytes")
    except OSError as exc:
        raise UnreadableInput(name, f"cannot read file ({exc.strerror or exc})") from exc
    return digest.hexdigest()


def _materialise(item: WorkItem, setup: Setup, tmp: Path) -> tuple[Path, str]:
    """A path to the plan's bytes and their sha256; zip entries go to the private `tmp`."""
    if not item.members:
        return item.path, _hash_file(item.path, item.name, setup.limits)
    data = read_member(item.path, item.members, setup.zip_limits)
    target = tmp / item.name  # a checked name without folders
    target.write_bytes(data)
    return target, hashlib.sha256(data).hexdigest()


def memory_kb() -> tuple[int, int | None]:
    """(peak, current) resident memory of this process in KiB; current only on Linux."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    try:
        with open("/proc/self/statm") as fh:
            pages = int(fh.read().split()[1])
        return peak, pages * os.sysconf("SC_PAGE_SIZE") // 1024
    except (OSError, ValueError, IndexError):
        return peak, None


def _report(plan: Plan, task: Task, profile: Profile, outcome: Outcome) -> None:
    """Stage the plan's quality report and keep its summary for the overview. A report
    that cannot be made leaves the plan out of the overview, not out of the results."""
    if task.stage is None or task.report_name is None:
        return
    try:
        texts = plan_report_texts(plan, task.report_name, profile)
        for name, text in texts.items():
            write_staged(task.stage, name, text)
        del texts
        outcome.summary = summarise(report_file(task.report_name, "html"), plan, profile)
    except OSError as exc:
        outcome.report_error = f"cannot write the report ({exc.strerror or exc})"
    except (PlanExtractError, MemoryError):
        raise
    except Exception as exc:
        outcome.report_error = _internal(exc)


def _convert(task: Task, setup: Setup, profile: Profile, tmp: Path, outcome: Outcome) -> None:
    """Fill in `outcome`; its sha256 is set before anything can fail in extraction."""
    path, outcome.sha256 = _materialise(task.item, setup, tmp)
    if not task.force and task.out_file is not None:
        plan = existing_result(
            task.out_file,
            outcome.sha256,
            profile.id,
            setup.enrich,
            setup.limits,
            ocr=setup.limits.ocr,
        )
        if plan is not None:
            outcome.status, outcome.stats = "skipped", plan_stats(plan)
            _report(plan, task, profile, outcome)
            return
    known = task.known_failure
    if known is not None and known.sha256 == outcome.sha256:
        outcome.code, outcome.error, outcome.known = known.code, known.error, True
        return
    plan = setup.extractor(path, profile, setup.limits, setup.enrich)
    json_text = plan_to_json(plan)
    check_output(json_text, path.stat().st_size, task.item.name, setup.limits)
    if task.stage is not None:
        try:
            write_staged(task.stage, RESULT, json_text)
        except OSError as exc:  # a full disk: not a failure of the input (not remembered)
            outcome.code = "output"
            outcome.error = f"cannot write the result ({exc.strerror or exc})"
            return
        outcome.staged = True
    del json_text
    outcome.stats = plan_stats(plan)
    outcome.status = "converted"
    _report(plan, task, profile, outcome)


def _internal(exc: BaseException) -> str:
    """One line for a bug: the exception's type and the start of its first line."""
    first = (str(exc).splitlines() or [""])[0][:_REASON_CHARS]
    return f"internal error ({type(exc).__name__}: {first})"


def run_task(task: Task, setup: Setup, profile: Profile) -> Outcome:
    """Process one task; never raises for a problem with the input."""
    started = time.monotonic()
    outcome = Outcome(task.item.source, "failed")
    try:
        with (
            time_budget(setup.limits.seconds, task.item.name),
            tempfile.TemporaryDirectory(prefix="planextract-") as tmp,
        ):
            _convert(task, setup, profile, Path(tmp), outcome)
    except PlanExtractError as exc:
        outcome.code, outcome.error = exc.code, exc.reason
        outcome.recycle = exc.code == "memory"  # a fresh worker after running out of memory
    except UnsafeEntry as exc:
        outcome.code, outcome.error = "unsafe-entry", str(exc)
    except MemoryError:
        limit = f" (limit {setup.memory_mb} MB)" if setup.memory_mb else ""
        outcome.code, outcome.error, outcome.recycle = "memory", f"out of memory{limit}", True
    except ImportError as exc:  # the installation's fault: not remembered (batch/resume.py)
        outcome.code, outcome.error = SETUP, installation_problem(exc)
    except Exception as exc:  # a bug must not stop the batch; report it on one line
        outcome.code, outcome.error = "internal", _internal(exc)
    if outcome.code is not None:  # also when the report of a converted plan ran out
        outcome.status, outcome.staged, outcome.summary = "failed", False, None
    outcome.seconds = round(time.monotonic() - started, 3)
    outcome.worker_pid = os.getpid()
    outcome.peak_rss_kb, outcome.rss_kb = memory_kb()
    return outcome
