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

from batch_inputs import pdf_from_objects

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


def pdf_bomb(path: Path, inflated: int) -> Path:
    """A one-page PDF whose content stream inflates to `inflated` bytes of spaces (about
    1 000 times its own size): memory, not the file size, is what it attacks."""
    import zlib

    # One compressed MiB repeated: after a full flush a block depends on nothing before it.
    chunk = b" " * (1 << 20)
    packer = zlib.compressobj(9)
    head = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    block = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    count = max(1, inflated >> 20)
    check = 1
    for _ in range(count):
        check = zlib.adler32(chunk, check)
    stream = head + block * (count - 1) + b"\x03\x00" + check.to_bytes(4, "big")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    path.write_bytes(pdf_from_objects(objects))
    return path
