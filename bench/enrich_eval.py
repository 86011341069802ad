"""Precision and recall of the enrichment against the hand-labelled gold list.

    PYTHONPATH=$PWD python bench/enrich_eval.py [-v]

Gold: bench/enrich_gold.toml (labelled by reading samples/*.txt). Both sample plans are
extracted with enrichment, then:
- partners: (action, field, canonical name) triples in the fields that list names;
- periods: every gold period is matched to a predicted one of the same action and field
  whose text overlaps; it counts as correct when relation, start, end, months of the plan
  year and the 'ambiguous' flag all equal the gold values;
- targets: a predicted target is correct when quantity, quantity_max, unit, comparator,
  frequency, per and of all equal a gold target of the same action and evaluation type.
`-v` lists every miss and every false hit.
"""

from __future__ import annotations

import sys
import tomllib
from collections import defaultdict
from pathlib import Path

from planextract.models.plan import Action, Period, Plan, Target
from planextract.pipeline import extract_file
from planextract.rules.enrich import load_gazetteer

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "bench" / "enrich_gold.toml"
PLANS = {
    "zuidoost-hageland": ROOT / "samples" / "zuidoost-hageland-actieplan-2025.txt",
    "kemp-en-duin": ROOT / "samples" / "kemp-en-duin-actieplan-2025.txt",
}


class Score:
    def __init__(self, name: str) -> None:
        self.name = name
        self.tp = self.fp = self.fn = 0
        self.gold = 0
        self.misses: list[str] = []

    def line(self) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return (
            f"{self.name:9} gold {self.gold:4}  predicted {self.tp + self.fp:4}"
            f"  correct {self.tp:4}  precision {p:6.1%}  recall {r:6.1%}  F1 {f:6.1%}"
        )


def _month(year: int | None, month: int | None) -> str:
    if year is None:
        return ""
    return f"{year:04d}-{month:02d}" if month else f"{year:04d}"


def period_value(p: Period) -> tuple:
    return (
        p.relation or "",
        _month(p.start_year, p.start_month),
        _month(p.end_year, p.end_month),
        tuple(p.months),
        "ambiguous" in p.flags,
    )


def gold_period_value(g: dict) -> tuple:
    return (
        g.get("relation", ""),
        g["start"],
        g["end"],
        tuple(g["months"]),
        bool(g.get("ambiguous", False)),
    )


TARGET_KEYS = ("quantity", "quantity_max", "unit", "comparator", "frequency", "per", "of")


def target_value(t: Target | dict) -> tuple:
    get = t.get if isinstance(t, dict) else lambda k: getattr(t, k)
    return tuple(get(k) for k in TARGET_KEYS)


def _overlaps(a: str, b: str) -> bool:
    a, b = " ".join(a.split()), " ".join(b.split())
    return a in b or b in a


def score_partners(plans: dict[str, Plan], gold: list[dict], score: Score) -> None:
    fields = load_gazetteer().name_fields
    expected: dict[tuple[str, str, str], set[str]] = {}
    for g in gold:
        expected[(g["plan"], g["action"], g["field"])] = set(g["names"])
    found: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for key, plan in plans.items():
        for action in plan.actions():
            for p in action.partners:
                if p.field in fields:
                    found[(key, action.id, p.field)].add(p.name)
    for k in sorted(set(expected) | set(found)):
        gold_names, names = expected.get(k, set()), found.get(k, set())
        score.gold += len(gold_names)
        score.tp += len(gold_names & names)
        score.fp += len(names - gold_names)
        score.fn += len(gold_names - names)
        for n in sorted(gold_names - names):
            score.misses.append(f"missed  {k}: {n}")
        for n in sorted(names - gold_names):
            score.misses.append(f"extra   {k}: {n}")


def _actions(plans: dict[str, Plan]) -> dict[tuple[str, str], Action]:
    return {(key, a.id): a for key, plan in plans.items() for a in plan.actions()}


def score_periods(plans: dict[str, Plan], gold: list[dict], score: Score) -> None:
    by_action = {(g["plan"], g["action"]): g["items"] for g in gold}
    for key, action in _actions(plans).items():
        preds = list(action.periods)
        used: set[int] = set()
        for g in by_action.get(key, []):
            score.gold += 1
            match = next(
                (
                    i
                    for i, p in enumerate(preds)
                    if i not in used and p.field == g["field"] and _overlaps(p.text, g["text"])
                ),
                None,
            )
            if match is None:
                score.fn += 1
                score.misses.append(f"missed  {key} {g['field']}: {g['text']!r}")
                continue
            used.add(match)
            if period_value(preds[match]) == gold_period_value(g):
                score.tp += 1
            else:
                score.fn += 1
                score.fp += 1
                score.misses.append(
                    f"wrong   {key} {g['field']}: {g['text']!r} "
                    f"{period_value(preds[match])} != {gold_period_value(g)}"
                )
        for i, p in enumerate(preds):
            if i not in used:
                score.fp += 1
                score.misses.append(f"extra   {key} {p.field}: {p.text!r} {period_value(p)}")


def score_targets(plans: dict[str, Plan], gold: list[dict], score: Score) -> None:
    by_action = {(g["plan"], g["action"]): g["items"] for g in gold}
    for key, action in _actions(plans).items():
        preds: list[tuple[str, Target]] = []
        if action.evaluation is not None:
            for etype in ("process", "output", "outcome"):
                ev = getattr(action.evaluation, etype)
                preds.extend((etype, t) for t in (ev.targets if ev else []))
        remaining = [(g["type"], target_value(g), g["source"]) for g in by_action.get(key, [])]
        score.gold += len(remaining)
        for etype, t in preds:
            hit = next(
                (i for i, r in enumerate(remaining) if r[0] == etype and r[1] == target_value(t)),
                None,
            )
            if hit is None:
                score.fp += 1
                score.misses.append(f"extra   {key} {etype}: {t.text!r} {target_value(t)}")
            else:
                score.tp += 1
                remaining.pop(hit)
        for etype, value, source in remaining:
            score.fn += 1
            score.misses.append(f"missed  {key} {etype}: {source!r} {value}")


def main(argv: list[str]) -> int:
    gold = tomllib.loads(GOLD.read_text("utf-8"))
    plans = {key: extract_file(path).plan for key, path in PLANS.items()}
    scores = [Score("partners"), Score("periods"), Score("targets")]
    score_partners(plans, gold["partners"], scores[0])
    score_periods(plans, gold["periods"], scores[1])
    score_targets(plans, gold["targets"], scores[2])
    total = sum(s.gold for s in scores)
    print(f"gold list {GOLD.relative_to(ROOT)}: {total} labelled items")
    for s in scores:
        print(s.line())
    if "-v" in argv:
        for s in scores:
            for m in s.misses:
                print(f"  {s.name}: {m}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
