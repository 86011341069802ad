"""Compare a plan read by OCR with the same plan read from its text layer: goals, actions,
field-level content and checkbox states. Used by tests/test_ocr_*.py and bench/ocr_bench.py.

Field-level content: every text field of every action (what, why, for whom, with whom,
how, each evaluation type's criteria), compared by rapidfuzz's ratio after whitespace and
quote normalisation, weighted by the reference text's length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from planextract.models.plan import Action, Plan

FIELDS = ("what", "why", "for_whom", "with_whom", "how")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "").translate(_QUOTES)).strip()


def actions(plan: Plan) -> list[Action]:
    return [a for g in plan.strategic_goals for od in g.operational_goals for a in od.actions]


def field_texts(action: Action) -> dict[str, str]:
    out: dict[str, str] = {}
    for name in FIELDS:
        value = getattr(action, name)
        if value is not None and getattr(value, "text", None):
            out[name] = norm(value.text)
    if action.evaluation is not None:
        for key, ev in action.evaluation:
            if ev is not None and getattr(ev, "text", None):
                out[f"evaluation.{key}"] = norm(ev.text)
    return out


def checkboxes(action: Action) -> dict[str, bool | None]:
    out: dict[str, bool | None] = {}
    if action.evaluation is not None:
        for key, ev in action.evaluation:
            if ev is not None and hasattr(ev, "selected"):
                out[key] = ev.selected
    return out


@dataclass
class Comparison:
    goals_ref: list[str]
    goals_ocr: list[str]
    titles_ref: list[str]
    titles_ocr: list[str]
    content: float = 0.0  # weighted field similarity, 0..1
    boxes_right: int = 0
    boxes_flagged: int = 0
    boxes_wrong: list[str] = field(default_factory=list)
    worst: list[tuple[float, str, str, str]] = field(default_factory=list)

    @property
    def same_structure(self) -> bool:
        return len(self.goals_ref) == len(self.goals_ocr) and len(self.titles_ref) == len(
            self.titles_ocr
        )


def title_similarity(a: str, b: str) -> float:
    return fuzz.ratio(norm(a), norm(b)) / 100


def compare(ref: Plan, ocr: Plan) -> Comparison:
    goals_ref = [norm(g.title) for g in ref.strategic_goals] + [
        norm(od.title) for g in ref.strategic_goals for od in g.operational_goals
    ]
    goals_ocr = [norm(g.title) for g in ocr.strategic_goals] + [
        norm(od.title) for g in ocr.strategic_goals for od in g.operational_goals
    ]
    ref_actions, ocr_actions = actions(ref), actions(ocr)
    result = Comparison(
        goals_ref,
        goals_ocr,
        [norm(a.title) for a in ref_actions],
        [norm(a.title) for a in ocr_actions],
    )
    total = weighted = 0.0
    by_id = {a.id: a for a in ocr_actions}
    for action in ref_actions:
        other = by_id.get(action.id)
        texts = field_texts(action)
        theirs = field_texts(other) if other is not None else {}
        for name, text in texts.items():
            score = fuzz.ratio(text, theirs.get(name, "")) / 100
            total += len(text)
            weighted += score * len(text)
            result.worst.append((score, action.id, name, theirs.get(name, "")[:80]))
        mine = checkboxes(other) if other is not None else {}
        for key, state in checkboxes(action).items():
            got = mine.get(key, "missing")
            if got == state:
                result.boxes_right += 1
            elif got is None:
                result.boxes_flagged += 1
            else:
                result.boxes_wrong.append(f"{action.id} {key}: {state} -> {got}")
    result.content = weighted / total if total else 1.0
    result.worst.sort()
    return result
