"""Variants of the real samples for the tests (a sample's own text with a wording changed,
as another zone's coordinator would write it) and what to compare them on."""

from __future__ import annotations

from pathlib import Path

from planextract.models.plan import Plan


def rewrite_sample(tmp_path: Path, sample: Path, old: str, new: str, count: int = -1) -> Path:
    """`sample` with `old` (which must be there) replaced by `new`, `count` times (-1: every
    one), written to tmp_path as variant-<name>."""
    text = sample.read_text("utf-8")
    assert old in text, old
    path = tmp_path / f"variant-{sample.name}"
    path.write_text(text.replace(old, new, count), "utf-8")
    return path


def timeline_contents(plan: Plan) -> list[tuple[list[str], list[str | None], list[tuple]]]:
    """Per table: column titles, linked actions, and (month, months, label, cells) rows."""
    assert plan.timeline is not None
    return [
        (
            [c.title for c in t.columns],
            [c.action_id for c in t.columns],
            [(r.month, r.months, r.label, r.cells) for r in t.rows],
        )
        for t in plan.timeline.tables
    ]


# Kemp en Duin's timeline section as the sample writes it: its heading, then the two
# tables, up to the goals.
KEMP_TIMELINE_HEADING = " Tijdslijn \n"
KEMP_GOALS_HEADING = " Acties 2025"


def kemp_timeline_moved_to_the_end(kemp_txt: Path, title: str) -> str:
    """The Kemp en Duin sample with its timeline block moved behind the last action,
    under `title`."""
    text = kemp_txt.read_text("utf-8")
    start, end = text.index(KEMP_TIMELINE_HEADING), text.index(KEMP_GOALS_HEADING)
    block = f" {title} \n" + text[start + len(KEMP_TIMELINE_HEADING) : end]
    return text[:start] + text[end:].rstrip("\n") + "\n\n" + block
