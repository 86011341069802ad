"""Where workers write: a staging folder of the tool's own, moved into place by the
supervisor.

A worker writes a plan's JSON and its quality report into its task's folder under
``OUT/.planextract/staging-<random>/``; the supervisor receives only the plan's summary
(index row, overview numbers), then renames the files into the output tree. So the
supervisor never holds a result, and what a killed worker leaves is removed with its
task's folder. The supervisor holds a lock on its staging folder while it runs: the
clean-up at the start of a batch removes only staging folders whose batch is gone (killed
with ``kill -9``), never those of a batch still running on the same output folder.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import tempfile
from pathlib import Path
from typing import IO

from planextract.batch.resume import STAGING_PREFIX as PREFIX
from planextract.batch.resume import state_dir

LOCK = ".lock"
RESULT = "result.json"  # a plan's JSON in its task's folder; the rest are report files


class Staging:
    """The staging folder of one batch run; a context manager that removes it."""

    def __init__(self, out_dir: Path) -> None:
        state = state_dir(out_dir)
        state.mkdir(parents=True, exist_ok=True)
        self.path = Path(tempfile.mkdtemp(prefix=PREFIX, dir=state))
        self._lock: IO[str] | None = (self.path / LOCK).open("w")
        fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def task(self, number: int) -> Path:
        """The folder of the task `number` (made by `prepare`, not by the worker: a worker
        whose folder is gone writes nothing)."""
        return self.path / str(number)

    @staticmethod
    def prepare(stage: Path) -> None:
        with contextlib.suppress(OSError):  # then the worker cannot write: an 'output' failure
            stage.mkdir()

    @staticmethod
    def discard(stage: Path) -> None:
        shutil.rmtree(stage, ignore_errors=True)

    def close(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def write_staged(stage: Path, name: str, text: str) -> None:
    """Write `text` to stage/name without creating folders (see Staging.task)."""
    with (stage / name).open("x", encoding="utf-8", newline="\n") as fh:
        fh.write(text)


def place(staged: Path, target: Path) -> None:
    """Move a staged file to its place in the output tree (a rename: atomic)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(staged, target)


def remove_stale_staging(out_dir: Path) -> int:
    """Remove the staging folders of batches that are no longer running; returns how many."""
    removed = 0
    state = state_dir(out_dir)
    try:
        folders = sorted(p for p in state.iterdir() if p.name.startswith(PREFIX))
    except OSError:
        return 0
    for folder in folders:
        try:
            fh = (folder / LOCK).open("r")
        except OSError:  # no lock (yet): a batch that is just starting; leave it
            continue
        with fh:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:  # held: that batch is running
                continue
            shutil.rmtree(folder, ignore_errors=True)
            removed += 1
    return removed
