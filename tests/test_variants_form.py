"""Form wording written differently: the 'wel/niet doen' sub-parts in another person
('Wat doen we wel?', '1) Wat gaan we wel doen?') and evaluation checkboxes laid out or
typed differently (the glyph on its own line, a row of boxes on one line, 'ja'/'nee').
Each variant is one of the real plans rewritten; its extraction is compared with the
unmodified plan's, which is the truth where the variant says the same thing."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ELZOH_TXT, KEMP_TXT
from sample_rewrite import rewrite_sample

from planextract.models.plan import Plan
from planextract.pipeline import extract_file
from planextract.rules.labels import match_checkbox, match_checkboxes, match_label, match_part
from planextract.rules.profile import load_profile

_TYPES = ("process", "output", "outcome")
_BOX_LINE = re.compile(r"^(\s*)([☒☐]) (.*\S)\s*$")
_TYPE_BOX = re.compile(r"^\s*[☒☐] (?:Procesevaluatie|Resultaatgerichte evaluatie|Impact evaluatie)")


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
    path = rewrite_sample(tmp_path, KEMP_TXT, "1) Wat ga je wel doen?", "Wat doen we wel?")
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


# -- checkbox layouts -------------------------------------------------------------------


def _glyph_own_line(below: bool) -> Callable[[list[str]], list[str]]:
    def rewrite(lines: list[str]) -> list[str]:
        out = []
        for x in lines:
            m = _BOX_LINE.match(x)
            if m and _TYPE_BOX.match(x):
                out += [m[1] + m[3], m[1] + m[2]] if below else [m[1] + m[2], m[3]]
            else:
                out.append(x)
        return out

    return rewrite


@pytest.mark.parametrize("below", [False, True], ids=["above", "below"])
@pytest.mark.parametrize("sample", [ELZOH_TXT, KEMP_TXT], ids=["elzoh", "kemp"])
def test_glyph_on_its_own_line_next_to_the_type(
    tmp_path: Path, originals: dict[Path, Plan], sample: Path, below: bool
) -> None:
    path = _rewrite_lines(tmp_path, sample, _glyph_own_line(below))
    result = extract_file(path, enrich=False)
    plan = result.plan
    assert _states(plan) == _states(originals[sample])
    assert _criteria(plan) == _criteria(originals[sample])
    _accounted(plan)
    # the lone glyph line is the form's, not a criterion of the type above it
    glyphs = [ln for ln in result.document.lines if ln.text.strip() in ("☒", "☐")]
    assert glyphs and all(ln.owner == "template" for ln in glyphs)


def test_lone_symbol_above_a_type_is_an_unreadable_box(tmp_path: Path) -> None:
    # one box whose glyph the font did not map (a private-use code), on its own line
    path = rewrite_sample(tmp_path, ELZOH_TXT, "☒ Procesevaluatie", "\uf0fe\nProcesevaluatie", 1)
    plan = extract_file(path, enrich=False).plan
    first = plan.actions()[0].evaluation
    assert first is not None and first.process is not None
    assert first.process.selected is None and first.process.glyph == "\uf0fe"
    assert first.process.criteria[0].text.startswith("Groeidocument waar onze afspraken")
    assert any(f.code == "evaluation.checkbox_unreadable" for f in plan.quality.findings)


def _boxes_on_one_line(lines: list[str]) -> list[str]:
    """Each form's boxes on one line, their criteria below it in document order."""
    out: list[str] = []
    i = 0
    stop = re.compile(r"^\s*(?:Operationele|Strategische) doelstelling|^\s*Actie:")
    while i < len(lines):
        if not _TYPE_BOX.match(lines[i]):
            out.append(lines[i])
            i += 1
            continue
        boxes, rest = [], []
        while i < len(lines) and not stop.match(lines[i]):
            (boxes if _TYPE_BOX.match(lines[i]) else rest).append(lines[i].strip())
            i += 1
        out += ["   ".join(boxes), *rest]
    return out


def test_row_of_boxes_on_one_line(tmp_path: Path, originals: dict[Path, Plan]) -> None:
    path = _rewrite_lines(tmp_path, KEMP_TXT, _boxes_on_one_line)
    assert "☐ Procesevaluatie   ☒ Resultaatgerichte evaluatie (Output)   ☐ Impact" in (
        path.read_text("utf-8")
    )
    plan = extract_file(path, enrich=False).plan
    truth = originals[KEMP_TXT]
    assert _states(plan) == _states(truth)
    _accounted(plan)
    shared = {f.action_id for f in plan.quality.findings if f.code == "evaluation.criteria_shared"}
    missing = {
        f.action_id for f in plan.quality.findings if f.code == "evaluation.criteria_missing"
    }
    assert not missing
    for got, want in zip(plan.actions(), truth.actions(), strict=True):
        ev, ev0 = got.evaluation, want.evaluation
        assert ev is not None and ev0 is not None
        ticked = [k for k in _TYPES if (t := getattr(ev, k)) is not None and t.selected]
        written = [c.text for k in _TYPES if (t := getattr(ev0, k)) for c in t.criteria]
        if len(ticked) == 1:
            # one type ticked on the row: the criteria below are that type's
            assert [c.text for c in getattr(ev, ticked[0]).criteria] == written
            assert ev.text == "" and got.id not in shared
        else:
            # several ticked: kept together as the evaluation's own text, said once
            assert all(c in " ".join(ev.text.split()) for c in written), got.title
            assert all(not getattr(ev, k).criteria for k in ticked)
            assert got.id in shared
    # the forms of 2.2-1 (kwalitatief onderzoek, line 696) and 4.1-1 tick one type each
    assert {a.id for a in plan.actions()} - shared == {"2.2-1", "4.1-1"}
    output = plan.action("2.2-1").evaluation.output
    assert output.criteria[0].text.startswith("ELZ Kemp en Duin beschikt over een gevalideerde")


def test_row_of_typed_marks_and_rest() -> None:
    profile = load_profile()
    row = [
        (m.evaluation_type.key, m.selected)
        for m in match_checkboxes(
            "[x] Procesevaluatie [ ] Outputevaluatie X Impactevaluatie", profile
        )
    ]
    assert row == [("process", True), ("output", False), ("outcome", True)]
    # a box whose text goes on past its type is not cut into more boxes
    single = match_checkboxes("☒ Procesevaluatie ☒ tevredenheid van de deelnemers", profile)
    assert len(single) == 1 and single[0].rest == "☒ tevredenheid van de deelnemers"


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
