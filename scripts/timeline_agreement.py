"""Compare the timeline rebuilt from a flattened text export with a hand transcription.

    PYTHONPATH=$PWD python scripts/timeline_agreement.py
    PYTHONPATH=$PWD python scripts/timeline_agreement.py --without-spacing -v

Prints, per plan: columns linked to the transcribed action, cells placed, cells flagged
uncertain, and how many placed cells agree with the transcription (same column, same text
after collapsing spaces); cells missed, cells placed where the transcription has none,
and placed cells that disagree although not flagged uncertain. ``--without-spacing``
ignores the runs of spaces (alignment.empty_cells_weight = 0), to see what the
similarity with the actions does alone.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tomllib
from pathlib import Path

from planextract.models.plan import Plan
from planextract.pipeline import extract_file
from planextract.rules.text import collapse
from planextract.rules.timeline import load_timeline_rules

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "samples" / "kemp-en-duin-actieplan-2025.txt"
TRANSCRIPTION = ROOT / "samples" / "kemp-en-duin-tijdslijn.toml"


def compare(plan: Plan, truth: dict, verbose: bool) -> dict[str, int]:
    counts = dict.fromkeys(
        (
            "columns",
            "linked_right",
            "placed",
            "uncertain",
            "agree",
            "missed",
            "extra",
            "wrong_but_certain",
        ),
        0,
    )
    tables = plan.timeline.tables if plan.timeline else []
    if len(tables) != len(truth["tables"]):
        print(f"tables: {len(tables)} extracted, {len(truth['tables'])} transcribed")
    for t, (table, expected) in enumerate(zip(tables, truth["tables"], strict=False)):
        counts["columns"] += len(expected["actions"])
        for column, action_id in zip(table.columns, expected["actions"], strict=False):
            counts["linked_right"] += column.action_id == action_id
        for label, cells in expected["rows"].items():
            row = next((r for r in table.rows if r.label == label), None)
            for c, want in enumerate(cells):
                want = collapse(want)
                got = row.cells[c] if row is not None and c < len(row.cells) else None
                detail = row.details[c] if row is not None and c < len(row.details) else None
                if got:
                    counts["placed"] += 1
                    uncertain = bool(detail and detail.uncertain)
                    counts["uncertain"] += uncertain
                    if got == want:
                        counts["agree"] += 1
                    elif not want:
                        counts["extra"] += 1
                    elif not uncertain:
                        counts["wrong_but_certain"] += 1
                    if verbose and (got != want or uncertain):
                        mark = "ok " if got == want else "BAD"
                        conf = f"{detail.confidence:.2f}" if detail else "-"
                        flag = " uncertain" if uncertain else ""
                        print(f"  {mark} table {t} {label:<9} col {c} conf {conf}{flag}: {got!r}")
                elif want:
                    counts["missed"] += 1
                    if verbose:
                        print(f"  MISS table {t} {label:<9} col {c}: {want!r}")
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--plan", type=Path, default=PLAN)
    parser.add_argument("--transcription", type=Path, default=TRANSCRIPTION)
    parser.add_argument("--without-spacing", action="store_true")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    rules = load_timeline_rules()
    if args.without_spacing:
        rules = dataclasses.replace(
            rules, alignment=dataclasses.replace(rules.alignment, empty_cells_weight=0.0)
        )
    plan = extract_file(args.plan, timeline_rules=rules).plan
    truth = tomllib.loads(args.transcription.read_text("utf-8"))
    c = compare(plan, truth, args.verbose)
    print(
        f"{args.plan.name} vs {args.transcription.name}"
        f"{' (spacing ignored)' if args.without_spacing else ''}"
    )
    print(f"  columns linked to the transcribed action: {c['linked_right']}/{c['columns']}")
    print(f"  cells placed: {c['placed']} (transcribed: {c['placed'] - c['extra'] + c['missed']})")
    print(f"  cells flagged uncertain: {c['uncertain']}")
    print(f"  placed cells agreeing with the transcription: {c['agree']}/{c['placed']}")
    print(
        f"  missed: {c['missed']}, extra: {c['extra']}, "
        f"wrong and not flagged uncertain: {c['wrong_but_certain']}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
