"""Run the tool (or a snippet) in a child process with an address-space limit.

Hostile-input tests check bounds by memory, not by the clock: a child that exceeds the
limit fails with MemoryError instead of slowing down the machine. The timeout only stops a
real hang; it is far above any normal run.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MEMORY_MB = 768  # a normal extraction of either sample PDF needs under 400 MB
HANG_SECONDS = 600


def _limit(megabytes: int) -> None:
    limit = megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def run_bounded(
    args: list[str], memory_mb: int = MEMORY_MB, cwd: Path | None = None, stdin: bytes = b""
) -> subprocess.CompletedProcess[str]:
    """`python ARGS` in a child limited to `memory_mb` of address space."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONHASHSEED="0")
    return subprocess.run(
        [sys.executable, *args],
        input=stdin.decode(),
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env=env,
        timeout=HANG_SECONDS,
        preexec_fn=lambda: _limit(memory_mb),
    )


def cli(*args: str, memory_mb: int = MEMORY_MB) -> subprocess.CompletedProcess[str]:
    return run_bounded(["-m", "planextract", *args], memory_mb)


def snippet(code: str, memory_mb: int = MEMORY_MB) -> subprocess.CompletedProcess[str]:
    return run_bounded(["-c", code], memory_mb)
