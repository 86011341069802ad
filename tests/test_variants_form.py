"""Form wording written differently: the 'wel/niet doen' sub-parts in another person
('Wat doen we wel?', '1) Wat gaan we wel doen?') and evaluation checkboxes typed
differently ('Procesevaluatie: ja').
Each variant is one of the real plans rewritten; its extraction is compared with the
unmodified plan's, which is the truth where the variant says the same thing."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ELZOH_TXT, KEMP_TXT

from planextract.models.plan import Plan
from planextract.pipeline import extract_file
from planextract.rules.labels import match_checkbox, match_label, match_part
from planextract.rules.profile import load_profile

_TYPES = ("process", "output", "outcome")
_BOX_LINE = re.compile(r"^(\s*)([☒☐]) (.*\S)\s*$")
_TYPE_BOX = re.compile(r"^\s*[☒☐] (?:Procesevaluatie|Resultaatgerichte evaluatie|Impact evaluatie)")


def _rewrite_sample(tmp_path: Path, sample: Path, old: str, new: str, count: int = -1) -> Path:
    """`sample` with `old` (which must be there) replaced by `new`, `count` times."""
    text = sample.read_text("utf-8")
    assert old in text, old
    path = tmp_path / f"variant-{sample.name}"
    path.write_text(text.replace(old, new, count), "utf-8")
    return path


def _rewrite_lines(tmp_path: Path, sample: Path, fn: Callable[[list[str]], list[str]]) -> Path:
    """`sample` with its lines rewritten by `fn` (which must change something)."""
    lines = sample.read_text("utf-8").split("\n")
    new = fn(list(lines))
    assert new != lines
    path = tmp_path / f"variant-{sample.name}"
    path.write_text("\n".join(new), "utf-8")
    return path


@pytest.fixture(scope="module")
def originals() -> dict[Path, Plan]:
    return {s: extract_file(s, enrich=False).plan for s in (KEMP_TXT, ELZOH_TXT)}


def _do_dont(plan: Plan) -> list[tuple[list[str] | None, list[str] | None] | None]:
    """Per action the 'wel doen' and 'niet doen' items (None: no Wat? field, a free-text
    action of the plan)."""
    out: list[tuple[list[str] | None, list[str] | None] | None] = []
    for a in plan.actions():
        w = a.what
        if w is None:
            out.append(None)
            continue
        do = None if w.do is None else [i.text for i in w.do]
        dont = None if w.dont is None else [i.text for i in w.dont]
        out.append((do, dont))
    assert any(x is not None and x[0] for x in out)
    return out


def _states(plan: Plan) -> list[dict[str, bool | None] | None]:
    out: list[dict[str, bool | None] | None] = []
    for a in plan.actions():
        ev = a.evaluation
        types = [(k, getattr(ev, k)) for k in _TYPES] if ev is not None else []
        out.append({k: t.selected for k, t in types if t is not None} if ev else None)
    assert any(x and True in x.values() for x in out)
    return out


def _criteria(plan: Plan) -> list[dict[str, list[str]] | None]:
    out: list[dict[str, list[str]] | None] = []
    for a in plan.actions():
        ev = a.evaluation
        types = [(k, getattr(ev, k)) for k in _TYPES] if ev is not None else []
        out.append({k: [c.text for c in t.criteria] for k, t in types if t} if ev else None)
    assert any(x and any(x.values()) for x in out)
    return out


def _accounted(plan: Plan) -> None:
    assert plan.unassigned == []
    assert plan.unknown_labels == []
    assert plan.extraction.coverage == 100.0


# -- 'wel doen' / 'niet doen' in another person ------------------------------------------


def test_we_form_sub_parts_kemp(tmp_path: Path, originals: dict[Path, Plan]) -> None:
    path = _rewrite_sample(tmp_path, KEMP_TXT, "1) Wat ga je wel doen?", "Wat doen we wel?")
    path.write_text(
        path.read_text("utf-8").replace("2) Wat ga je niet doen?", "Wat doen we niet?"), "utf-8"
    )
    plan = extract_file(path, enrich=False).plan
    truth = _do_dont(originals[KEMP_TXT])
    assert _do_dont(plan) == truth
    # spot check against the document: the first item of 'Wat ga je wel doen?' (line 353)
    assert truth[1][0] is not None
    assert truth[1][0][0].startswith("In samenwerking met een externe partner wordt een")
    _accounted(plan)


@pytest.mark.parametrize(
    ("do", "dont"),
    [
        ("1) Wat gaan we wel doen?", "2) Wat gaan we niet doen?"),
        ("1) Wat gaan jullie wel doen?", "2) Wat doen jullie niet?"),
        ("Wat doet u wel?", "Wat gaat u niet doen?"),
        ("Wat we wel gaan doen:", "Wat we niet doen:"),
    ],
)
def test_person_and_tense_of_sub_parts_elzoh(
    tmp_path: Path, originals: dict[Path, Plan], do: str, dont: str
) -> None:
    def rewrite(lines: list[str]) -> list[str]:
        lines = [re.sub(r"^\s*\d\) Wat ga je wel doen\?\s*$", do, x) for x in lines]
        return [re.sub(r"^\s*\d\) Wat ga je niet doen\?\s*$", dont, x) for x in lines]

    plan = extract_file(_rewrite_lines(tmp_path, ELZOH_TXT, rewrite), enrich=False).plan
    assert _do_dont(plan) == _do_dont(originals[ELZOH_TXT])
    assert [a.title for a in plan.actions()] == [a.title for a in originals[ELZOH_TXT].actions()]
    _accounted(plan)


def test_sub_part_wording_is_not_the_field_label() -> None:
    profile = load_profile()
    # close to the alias 'Wat gaan we doen' by similarity, but the sub-part's own wording
    assert match_label("1) Wat gaan we wel doen?", profile) is None
    part = match_part("1) Wat gaan we wel doen?", profile)
    assert part is not None and part.key == "do"
    part = match_part("Wat doen we niet?", profile)
    assert part is not None and part.key == "dont"
    # the aliases themselves stay labels of Wat?
    for text in ("Wat gaan we doen?", "Wat doen we?"):
        rule = match_label(text, profile)
        assert rule is not None and rule.key == "what"
        assert match_part(text, profile) is None


# -- states typed as words ----------------------------------------------------------------


def _typed(word_checked: str, word_unchecked: str) -> Callable[[list[str]], list[str]]:
    def rewrite(lines: list[str]) -> list[str]:
        out = []
        for x in lines:
            m = _BOX_LINE.match(x)
            if not (m and _TYPE_BOX.match(x)):
                out.append(x)
            elif m[2] == "☒":
                out.append(f"{m[1]}{m[3]}{word_checked}")
            else:
                out.append(f"{m[1]}{m[3]}{word_unchecked}")
        return out

    return rewrite


@pytest.mark.parametrize(
    ("checked", "unchecked"),
    [(": ja", ": nee"), (" (ja)", " (neen)"), (": x", ""), (": Ja", "")],
    ids=["ja-nee", "parens", "x-bare", "ja-bare"],
)
@pytest.mark.parametrize("sample", [ELZOH_TXT, KEMP_TXT], ids=["elzoh", "kemp"])
def test_state_typed_after_the_type(
    tmp_path: Path,
    originals: dict[Path, Plan],
    sample: Path,
    checked: str,
    unchecked: str,
) -> None:
    path = _rewrite_lines(tmp_path, sample, _typed(checked, unchecked))
    plan = extract_file(path, enrich=False).plan
    # a type left bare beside typed marks is not chosen (rule 'typed marks')
    assert _states(plan) == _states(originals[sample])
    assert _criteria(plan) == _criteria(originals[sample])
    _accounted(plan)


def test_typed_state_words() -> None:
    profile = load_profile()
    found = match_checkbox("Resultaatgerichte evaluatie (Output): ja", profile)
    assert found is not None and found.evaluation_type.key == "output"
    assert found.selected is True and found.glyph == "ja"
    found = match_checkbox("Impactevaluatie – Nee.", profile)
    assert found is not None and found.evaluation_type.key == "outcome"
    assert found.selected is False
    # a criterion that ends in 'ja' is no box, and a type with other text stays one
    assert match_checkbox("De deelnemers antwoorden ja", profile) is None
    found = match_checkbox("☐ Procesevaluatie", profile)
    assert found is not None and found.selected is False and found.glyph == "☐"
