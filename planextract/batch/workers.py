"""Worker processes with a time and memory budget per file.

Each worker is a separate process (forkserver where available, else spawn: no state or
open files are shared with the supervisor) that takes one task at a time over a pipe.
The worker bounds itself (SIGALRM time budget, RLIMIT_AS address-space limit); the
supervisor bounds it from outside: a worker that has not answered within the hard
deadline is killed and replaced, and a worker that dies (segfault, os._exit, the kernel's
OOM killer) is recorded as a failure of the file it held. Either way the batch goes on.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.connection
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess

from planextract.batch.job import Outcome, Setup, Task, run_task, warm_up
from planextract.collector import tune_collector
from planextract.extract.limits import limit_memory
from planextract.extract.ocr_hook import OcrNote, ocr_listener
from planextract.models.record import record

_GRACE_SECONDS = 2.0  # beyond the worker's own time budget, before it is killed
# One wait for the workers at most this long (the loop waits again): the selector takes
# milliseconds as a 32-bit number, which a deadline weeks away would overflow.
_MAX_WAIT_SECONDS = 3600.0


def hard_deadline(seconds: float) -> float:
    """How long the supervisor waits for one file before killing the worker."""
    return seconds * 1.1 + _GRACE_SECONDS


def worker_main(conn: multiprocessing.connection.Connection, setup: Setup) -> None:
    """Loop of a worker process: receive a task, send its outcome, until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the supervisor's business
    tune_collector()
    limit_memory(setup.memory_mb)
    profile = setup.profile()
    warm_up(profile)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):  # the supervisor is gone
            return
        if task is None:
            return
        with ocr_listener(partial(_tell, conn)):  # pages read with OCR, as they start
            outcome = run_task(task, setup, profile)
        try:
            conn.send(outcome)
        except OSError:
            return
        if outcome.recycle:
            return


def _tell(conn: multiprocessing.connection.Connection, note: OcrNote) -> None:
    with contextlib.suppress(OSError):  # the supervisor is gone: the outcome will fail too
        conn.send(note)


def _death_reason(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        if -exitcode == signal.SIGKILL:
            return f"worker was killed ({name}; out of memory?)"
        return f"worker crashed ({name})"
    return f"worker stopped unexpectedly (exit code {exitcode})"


def default_context() -> BaseContext:
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    if method == "forkserver":  # import the extraction code and spaCy once, in the fork server
        context.set_forkserver_preload(["planextract.batch.job", "planextract.batch.preload"])
    return context


@record
class _Slot:
    process: BaseProcess
    conn: multiprocessing.connection.Connection
    task: Task | None = None
    deadline: float = 0.0
    started: float = 0.0
    allowed: float = 0.0  # seconds from `started` to `deadline`


class WorkerPool:
    """Run tasks in `jobs` isolated worker processes; outcomes arrive as they finish."""

    def __init__(self, jobs: int, setup: Setup, context: BaseContext | None = None) -> None:
        self.jobs = max(1, jobs)
        self.setup = setup
        self.context = context or default_context()
        self.slots: list[_Slot] = []
        self.hard_seconds = hard_deadline(setup.limits.seconds)
        self.workers_started = 0
        self.on_ocr: Callable[[Task, OcrNote], None] | None = None

    def _spawn(self) -> _Slot:
        parent, child = self.context.Pipe()
        process = self.context.Process(
            target=worker_main, args=(child, self.setup), name="planextract-worker", daemon=True
        )
        process.start()
        child.close()
        self.workers_started += 1
        return _Slot(process, parent)

    def _retire(self, slot: _Slot, kill: bool) -> None:
        if kill and slot.process.is_alive():
            slot.process.kill()
        slot.process.join(timeout=5)
        slot.conn.close()
        self.slots.remove(slot)

    def _failed(self, slot: _Slot, reason: str, code: str) -> Outcome:
        assert slot.task is not None
        outcome = Outcome(slot.task.item.source, "failed", code=code, error=reason)
        outcome.worker_pid = slot.process.pid
        return outcome

    def run(
        self,
        tasks: Iterable[Task],
        on_start: Callable[[Task], None] | None = None,
        on_ocr: Callable[[Task, OcrNote], None] | None = None,
    ) -> Iterator[Outcome]:
        """`on_ocr`: a page of the task is being read with OCR (for the progress display)."""
        self.on_ocr = on_ocr
        pending = deque(tasks)
        try:
            while pending or any(s.task for s in self.slots):
                while pending and len(self.slots) < self.jobs:
                    self.slots.append(self._spawn())
                for slot in self.slots:
                    if slot.task is None and pending:
                        slot.task = pending.popleft()
                        if on_start:  # before the worker has it (it prepares its folder)
                            on_start(slot.task)
                        slot.started, slot.allowed = time.monotonic(), self.hard_seconds
                        slot.deadline = slot.started + slot.allowed
                        slot.conn.send(slot.task)
                yield from self._collect()
        finally:
            self.close()

    def _collect(self) -> Iterator[Outcome]:
        busy = [s for s in self.slots if s.task is not None]
        if not busy:
            return
        timeout = min(max(0.0, min(s.deadline for s in busy) - time.monotonic()), _MAX_WAIT_SECONDS)
        waitables = [s.conn for s in busy] + [s.process.sentinel for s in busy]
        multiprocessing.connection.wait(waitables, timeout=timeout)
        for slot in busy:
            outcome = self._check(slot)
            if outcome is not None:
                yield outcome

    def _noted(self, slot: _Slot, note: OcrNote) -> None:
        """A page of the slot's file is read with OCR: the file's time budget has grown by
        `note.granted` in the worker (never beyond Limits.ocr_seconds), the deadline too."""
        limits = self.setup.limits
        extra = min(max(note.granted, 0.0), limits.ocr_seconds)
        slot.allowed = hard_deadline(limits.seconds + extra)
        slot.deadline = slot.started + slot.allowed
        if self.on_ocr is not None and slot.task is not None:
            self.on_ocr(slot.task, note)

    def _check(self, slot: _Slot) -> Outcome | None:
        """The slot's outcome when it has one: an answer, a death or a missed deadline."""
        while slot.conn.poll():
            try:
                message: Outcome | OcrNote = slot.conn.recv()
            except (EOFError, OSError):
                slot.process.join(timeout=5)
                reason = _death_reason(slot.process.exitcode)
                outcome = self._failed(slot, reason, "crash")
                self._retire(slot, kill=True)
                return outcome
            if isinstance(message, OcrNote):
                self._noted(slot, message)
                continue
            slot.task = None
            if message.recycle:
                self._retire(slot, kill=False)
            return message
        if not slot.process.is_alive():
            reason = _death_reason(slot.process.exitcode)
            outcome = self._failed(slot, reason, "crash")
            self._retire(slot, kill=False)
            return outcome
        if time.monotonic() >= slot.deadline:
            reason = f"no result within {slot.allowed:g} s; worker stopped"
            outcome = self._failed(slot, reason, "limit")
            self._retire(slot, kill=True)
            return outcome
        return None

    def close(self) -> None:
        """Stop all workers: politely when idle, by force when busy."""
        for slot in list(self.slots):
            if slot.task is None:
                with contextlib.suppress(OSError):
                    slot.conn.send(None)
            self._retire(slot, kill=slot.task is not None)
