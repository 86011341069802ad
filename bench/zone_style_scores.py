"""Zone styles of the third review (tests/zone_styles.py): per style and sample, the share
of goals and actions that come out as in the sample's own extraction.

    PYTHONPATH=. python bench/zone_style_scores.py [STYLE ...]

A goal counts when its number, title, pages and ODs are the same; an action when its id,
title, kind, pages, every list part's items (text, level, pages), why text, lead and every
evaluation type's state and criteria are (tests/zone_styles.action_facts). Styles that
change titles on purpose (od_title_as_action_title) or delete goals (remove_od_headings)
score below 1 by design.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from writer_variants import SOURCES
from zone_styles import STYLES, action_facts, goal_facts, styled

from planextract.pipeline import extract_file


def share(a: list, b: list) -> tuple[int, int]:
    """Items of `a` found equal at the same place in `b`, and the count of `a`."""
    return sum(1 for x, y in zip(a, b, strict=False) if x == y), len(a)


def main() -> int:
    styles = sys.argv[1:] or list(STYLES)
    originals = {n: extract_file(p, enrich=False).plan for n, p in SOURCES.items()}
    print(f"{'style':<26} {'sample':<6} {'goals':>7} {'actions':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for style in styles:
            for name, original in originals.items():
                path = Path(tmp) / f"{name}-{style}.txt"
                path.write_text(styled(name, style), "utf-8")
                plan = extract_file(path, enrich=False).plan
                g, gn = share(goal_facts(original), goal_facts(plan))
                a, an = share(action_facts(original), action_facts(plan))
                print(f"{style:<26} {name:<6} {g:>3}/{gn:<3} {a:>4}/{an:<3}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
