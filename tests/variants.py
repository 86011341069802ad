"""Variants of the real sample plans, generated from them (never invented from scratch):
other encodings, line endings and spacing, text moved or deleted."""

from __future__ import annotations

from pathlib import Path

from conftest import ELZOH_TXT, KEMP_TXT

SAMPLE_FILES = {"elzoh": ELZOH_TXT, "kemp": KEMP_TXT}


def sample_text(name: str) -> str:
    return SAMPLE_FILES[name].read_text("utf-8")


def write_variant(
    tmp: Path,
    name: str,
    text: str,
    *,
    encoding: str = "utf-8",
    newline: str = "\n",
    errors: str = "strict",
) -> Path:
    path = tmp / name
    data = text.replace("\n", newline).encode(encoding, errors=errors)
    path.write_bytes(data)
    return path


def replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) >= 1, old
    return text.replace(old, new, 1)


def drop_lines(text: str, first: int, last: int) -> str:
    """Remove source lines first..last (1-based, inclusive)."""
    lines = text.split("\n")
    return "\n".join(lines[: first - 1] + lines[last:])
