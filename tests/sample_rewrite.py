"""Variants of the real samples for the tests: a sample's own text with a wording changed,
as another zone's coordinator would write it."""

from __future__ import annotations

from pathlib import Path


def rewrite_sample(tmp_path: Path, sample: Path, old: str, new: str, count: int = -1) -> Path:
    """`sample` with `old` (which must be there) replaced by `new`, `count` times (-1: every
    one), written to tmp_path as variant-<name>."""
    text = sample.read_text("utf-8")
    assert old in text, old
    path = tmp_path / f"variant-{sample.name}"
    path.write_text(text.replace(old, new, count), "utf-8")
    return path
