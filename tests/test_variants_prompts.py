"""The template's grey prompts reworded by a zone (variants of the samples' own text): the
prompt stays template text and every answer stays as in the unmodified plan."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ELZOH_TXT, KEMP_TXT
from sample_rewrite import rewrite_sample

from planextract.pipeline import extract_file, plan_to_json

WHAT = "Geef een korte beschrijving van wat je gaat doen. "
WHY = "Waarom deze actie? Waarom deze actie nu? "
HOW = "Geef een beknopt plan hoe deze actie gaat worden opgezet of aangepakt. "
EVALUATION = "Selecteer minstens één van onderstaande manieren voor evaluatie. "


def _evaluation(ev) -> list | None:
    if ev is None:
        return None
    types = (ev.process, ev.output, ev.outcome)
    return [t and (t.selected, t.text, [c.text for c in t.criteria]) for t in types] + [ev.text]


def _answers(plan) -> list[tuple]:
    """Every action's answers: the texts, lists and checkbox states of its fields."""
    return [
        (
            a.title,
            a.what and (a.what.text, [i.text for i in a.what.do or []]),
            a.why and a.why.text,
            a.for_whom and a.for_whom.text,
            a.with_whom and a.with_whom.text,
            a.how and (a.how.text, [i.text for i in a.how.steps]),
            _evaluation(a.evaluation),
        )
        for a in plan.actions()
    ]


@pytest.mark.parametrize(
    ("sample", "prompt", "reworded"),
    [
        (KEMP_TXT, HOW, "Geef een beknopt plan van hoe deze actie opgezet en aangepakt wordt."),
        (KEMP_TXT, WHAT, "Geef een korte omschrijving van wat jullie gaan doen:"),
        (ELZOH_TXT, WHAT, "Beschrijf kort wat je gaat doen."),
        (ELZOH_TXT, HOW, "Beschrijf beknopt hoe deze actie wordt opgezet of aangepakt."),
        (KEMP_TXT, WHY, "Waarom deze actie en waarom nu?"),
        (KEMP_TXT, EVALUATION, "Duid minstens één van onderstaande evaluatiemanieren aan."),
        # wrapped over two lines, as a narrow table cell exports it
        (KEMP_TXT, HOW, "Geef een beknopt plan van hoe deze actie\nopgezet en aangepakt wordt."),
    ],
)
def test_a_reworded_prompt_is_template_text(
    tmp_path: Path, sample: Path, prompt: str, reworded: str
) -> None:
    plan = extract_file(rewrite_sample(tmp_path, sample, prompt, reworded), enrich=False).plan
    original = extract_file(sample, enrich=False).plan
    assert _answers(plan) == _answers(original)
    assert plan.unassigned == original.unassigned == []
    text = plan_to_json(plan)
    for line in reworded.splitlines():
        assert line not in text  # in no answer, no unassigned text


def test_an_answer_that_starts_like_the_prompt_stays_an_answer(tmp_path: Path) -> None:
    """Without the prompt, the first answer line after 'Hoe?' is the answer, even when it
    borrows the prompt's words: only a line close to the whole prompt is the prompt."""
    answer = (
        "ELZ Kemp en Duin gaat na of er voldoende expertise aanwezig is binnen het team/DB/BO om"
    )
    sentence = "Een beknopt plan: ELZ Kemp en Duin gaat na of er voldoende expertise aanwezig is"
    path = rewrite_sample(
        tmp_path, KEMP_TXT, HOW + "\n- " + answer, sentence + " binnen het team/DB/BO om"
    )
    plan = extract_file(path, enrich=False).plan
    first = next(
        a for sd in plan.strategic_goals for od in sd.operational_goals for a in od.actions
    )
    assert first.how is not None
    assert first.how.text.startswith(sentence)
