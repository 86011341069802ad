"""Hostile input (issue 16): every cost is bounded by the document's size, never by a
number or count written in it; bad input ends in one clean line, never a traceback.

Bounds are checked with an address-space limit on a child process (tests/bounded.py), not
with the clock: the inputs are huge or slow by construction, so an unbounded algorithm
fails with MemoryError (or an internal error) instead of passing slowly.
"""

from __future__ import annotations

import json
from pathlib import Path

from bounded import cli, snippet
from variants import replace_once, sample_text, write_variant

from planextract.rules.labels import match_column_label
from planextract.rules.profile import load_profile

ELZOH_OD = "Operationele doelstelling 1.3 – Tegen 2026"


def _findings(plan: dict, code: str) -> list[dict]:
    return [f for f in plan["quality"]["findings"] if f["code"] == code]


def test_a_huge_goal_number_costs_no_memory(tmp_path: Path) -> None:
    """OD 1.99999999999999: the gap check lists the gap as a run, never counts up to it."""
    text = replace_once(
        sample_text("elzoh"), ELZOH_OD, "Operationele doelstelling 1.99999999999999 – Tegen 2026"
    )
    path = write_variant(tmp_path, "gap.txt", text)
    done = cli("extract", str(path), "--no-enrich")
    assert done.returncode == 0, done.stderr
    gaps = [f["message"] for f in _findings(json.loads(done.stdout), "goal.number_gap")]
    assert any("1.3–1.99999999999998" in m for m in gaps), gaps


def test_assignment_of_few_columns_to_many_actions_is_not_squared() -> None:
    """12 timeline columns, 20 000 actions: a padded square matrix would need 400 M cells."""
    done = snippet(
        "from planextract.timeline.assignment import max_assignment\n"
        "scores = [[float((i * 7 + j * 13) % 101) for j in range(20000)] for i in range(12)]\n"
        "chosen = max_assignment(scores)\n"
        "assert len(set(chosen)) == 12 and None not in chosen\n"
        "flipped = max_assignment([list(col) for col in zip(*scores)])\n"
        "assert sorted(j for j in flipped if j is not None) == list(range(12))\n"
        "assert all(flipped[chosen[i]] == i for i in range(12))\n"
    )
    assert done.returncode == 0, done.stderr


def test_a_short_word_in_the_label_column_is_no_label() -> None:
    """A ruled table whose left cell is 'CAW' (shorter than every label) crashed PDFs."""
    profile = load_profile()
    assert match_column_label("CAW", profile) is None
    assert match_column_label("", profile) is None
    found = match_column_label("Met wie werk je samen?", profile)
    assert found is not None and found.key == "with_whom"
