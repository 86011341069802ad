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


def span(text: str, start: str, end: str, *, after: str = "") -> tuple[int, int]:
    """Offsets of the first `start` (looked for after the first `after`) up to, not
    including, the next `end`."""
    base = text.index(after) if after else 0
    i = text.index(start, base)
    return i, text.index(end, i + len(start))


def cut(text: str, start: str, end: str, *, after: str = "") -> str:
    """Delete from `start` up to `end` (see span)."""
    i, j = span(text, start, end, after=after)
    return text[:i] + text[j:]


def keep_only(text: str, start: str, end: str, keep: str, *, after: str = "") -> str:
    """Replace the block from `start` up to `end` by `keep` (e.g. only the label and the
    prompt of a field, or '/')."""
    i, j = span(text, start, end, after=after)
    return text[:i] + keep + text[j:]


def replace_within(text: str, old: str, new: str, start: str, end: str, *, after: str = "") -> str:
    """Replace every `old` by `new` between `start` and `end` only."""
    i, j = span(text, start, end, after=after)
    assert old in text[i:j], old
    return text[:i] + text[i:j].replace(old, new) + text[j:]


EVIL = "<script>alert('x')</script>"


def evil_text() -> str:
    """Kemp en Duin with markup in an action title and in an SD title."""
    text = replace_once(
        sample_text("kemp"), "Actie: ELZ Kemp en Duin denkt na", f"Actie: {EVIL} denkt na"
    )
    return replace_once(
        text, "Strategische doelstelling 1 – ELZ", f"Strategische doelstelling 1 – {EVIL}"
    )
