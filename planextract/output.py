"""Writing results: atomic files, and output paths that never leave the output folder."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# mkstemp creates files readable by the owner only; outputs get the usual permissions.
_UMASK = os.umask(0)
os.umask(_UMASK)
FILE_MODE = 0o666 & ~_UMASK


# Temporary files are '.<name>.planextract-<8 random>.tmp' next to their target: a name no
# user would choose, so the clean-up of a killed run never touches the user's own files.
TEMP_MARK = "planextract-"
TEMP_SUFFIX = ".tmp"


# The longest file name most file systems take, in bytes (NAME_MAX on Linux and macOS).
NAME_MAX_BYTES = 255
# mkstemp's random part
_RANDOM_CHARS = 8


def _cut_bytes(text: str, limit: int) -> str:
    """The longest start of `text` that is at most `limit` bytes in UTF-8."""
    return text.encode("utf-8")[: max(0, limit)].decode("utf-8", "ignore")


def fitting_name(stem: str, suffix: str) -> str:
    """stem + suffix as a file name a file system takes: a stem too long for it is cut
    and marked with a short hash of the whole stem, so two long names that share their
    start still get different files ('<start>~1a2b3c4d.json')."""
    name = stem + suffix
    if len(name.encode("utf-8")) <= NAME_MAX_BYTES:
        return name
    mark = "~" + hashlib.sha256(stem.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    room = NAME_MAX_BYTES - len((mark + suffix).encode("utf-8"))
    return _cut_bytes(stem, room) + mark + suffix


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary file in the same folder to write; renamed into place when the block
    ends without error, removed otherwise, so a reader never sees half a file. The
    temporary name holds as much of the target's name as fits in a file name."""
    path.parent.mkdir(parents=True, exist_ok=True)
    room = NAME_MAX_BYTES - len(f"..{TEMP_MARK}{TEMP_SUFFIX}") - _RANDOM_CHARS
    import tempfile  # only where files are written (4 ms of start-up)

    fd, name = tempfile.mkstemp(
        prefix=f".{_cut_bytes(path.name, room)}.{TEMP_MARK}", suffix=TEMP_SUFFIX, dir=path.parent
    )
    tmp = Path(name)
    try:
        os.fchmod(fd, FILE_MODE)
        os.close(fd)
        yield tmp
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_atomic(path: Path, text: str) -> None:
    """Write `text` (UTF-8, LF) to `path` atomically."""
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8", newline="\n")


# OWASP "CSV injection": a cell starting with one of these is a formula to a spreadsheet.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
SQLITE_INT = (-(2**63), 2**63 - 1)


def csv_cell(value: object) -> object:
    """A value for a CSV cell: None as empty, and text that a spreadsheet would run as a
    formula prefixed with a single quote (numbers are left alone)."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def inside(root: Path, relative: str | Path) -> Path:
    """root/relative, refusing anything that would land outside root (.., absolute)."""
    root = root.resolve()
    target = (root / relative).resolve()
    if target != root and root not in target.parents:
        raise ValueError(f"{relative}: path leaves the output folder")
    return target


def schema_json() -> str:
    """The published JSON Schema of the output contract."""
    from planextract.models.contract import plan_json_schema  # pydantic: only for the schema

    return json.dumps(plan_json_schema(), indent=2, ensure_ascii=False) + "\n"
