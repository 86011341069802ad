"""Writing results: atomic files, and output paths that never leave the output folder."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from planextract.models.plan import Plan

# mkstemp creates files readable by the owner only; outputs get the usual permissions.
_UMASK = os.umask(0)
os.umask(_UMASK)
FILE_MODE = 0o666 & ~_UMASK


def write_atomic(path: Path, text: str) -> None:
    """Write through a temporary file in the same folder and rename it into place, so a
    reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, FILE_MODE)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def inside(root: Path, relative: str | Path) -> Path:
    """root/relative, refusing anything that would land outside root (.., absolute)."""
    root = root.resolve()
    target = (root / relative).resolve()
    if target != root and root not in target.parents:
        raise ValueError(f"{relative}: path leaves the output folder")
    return target


def schema_json() -> str:
    """The published JSON Schema of the output contract."""
    return json.dumps(Plan.model_json_schema(), indent=2, ensure_ascii=False) + "\n"
