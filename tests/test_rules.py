"""The template rules: label typos, checkbox glyphs, bullets, headings, reflow."""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pytest

from planextract.rules.headings import match_goal_heading, match_section
from planextract.rules.labels import (
    match_bullet,
    match_checkbox,
    match_label,
    match_part,
    match_prompt,
    split_label_prefix,
)
from planextract.rules.profile import load_profile
from planextract.rules.reflow import join
from planextract.rules.text import clean_spaces, collapse

P = load_profile()


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("Wat?", "what"),
        ("Wat ?", "what"),
        ("Waarom?", "why"),
        ("Warom?", "why"),
        ("Voor wie?", "for_whom"),
        ("Met wie?", "with_whom"),
        ("Met wie", "with_whom"),
        ("Hoe?", "how"),
        ("Evaluatie", "evaluation"),
        ("Evalutie", "evaluation"),
    ],
)
def test_labels_with_typos(text: str, field: str) -> None:
    rule = match_label(text, P)
    assert rule is not None and rule.key == field


@pytest.mark.parametrize(
    "text",
    [
        "Wat werkt er?",
        "Hoezo?",
        "Evaluatie van elke vergadermethodiek",
        "Met wie gaan we samenwerken?",
    ],
)
def test_answers_are_not_labels(text: str) -> None:
    assert match_label(text, P) is None
    assert split_label_prefix(text, P) is None


def test_label_sharing_a_line_with_a_prompt() -> None:
    found = split_label_prefix(
        "Met wie? Indien de zorgraad niet de trekker is, beschrijf dan kort welke rol de "
        "zorgraad opneemt.",
        P,
    )
    assert found is not None and found[0].key == "with_whom"
    part = match_part(found[1], P)
    assert part is not None and part.key == "council_role"


def test_prompt_starting_with_a_label_word_is_not_split() -> None:
    # Kemp en Duin, line 364: the whole line is the prompt of 'Waarom?', not label + prompt.
    text = "Waarom deze actie? Waarom deze actie nu?"
    assert split_label_prefix(text, P) is None
    found = match_prompt(text, P)
    assert found is not None and found.field == "why"


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("1) Wat ga je wel doen?", "do"),
        ("2) Wat ga je wel doen?", "do"),
        ("3) Wat ga je niet doen?", "dont"),
        ("Wat ga je niet doen", "dont"),
        ("Doelgroep(en)", "target_groups"),
        ("Wie is de trekker van de actie?", "lead"),
        ("Vermeld hier ook de mijlpalen (link naar tijdslijn).", "milestones"),
        ("Vermeld hier ook de mijlpaalen (link naar tijdslijn)", "milestones"),
    ],
)
def test_sub_parts(text: str, part: str) -> None:
    rule = match_part(text, P)
    assert rule is not None and rule.key == part


def test_prompts() -> None:
    found = match_prompt(
        "Geef een beknopt plan hoe deze actie gaat worden opgezet of aangepakt.", P
    )
    assert found is not None and found.field == "how"
    assert match_prompt("Geef een korte beschrijving van wat je gaat doen", P) is not None
    assert match_prompt("Geef een beknopt overzicht van de begroting.", P) is None


@pytest.mark.parametrize(
    ("text", "selected", "key"),
    [
        ("☒ Procesevaluatie", True, "process"),
        ("☐ Procesevaluatie", False, "process"),
        ("☑ Resultaatgerichte evaluatie (Output)", True, "output"),
        ("✔ Impact evaluatie (Outcome)", True, "outcome"),
        ("[x] Procesevaluatie", True, "process"),
        ("[ ] Impact evaluatie (Outcome)", False, "outcome"),
        ("□ Procesevaluatie", False, "process"),
        ("■ Resultaatgerichte evaluatie", True, "output"),
        ("\uf078 Procesevaluatie", None, "process"),  # a private-use glyph: not guessed
        ("Procesevaluatie", None, "process"),
    ],
)
def test_checkboxes(text: str, selected: bool | None, key: str) -> None:
    found = match_checkbox(text, P)
    assert found is not None
    assert found.selected is selected
    assert found.evaluation_type.key == key


@pytest.mark.parametrize(
    "text",
    ["- Procesevaluatie gebeurt jaarlijks", "Procesevaluatie van 2024 toont", "☒ Een methodiek"],
)
def test_not_checkboxes(text: str) -> None:
    assert match_checkbox(text, P) is None


@pytest.mark.parametrize(
    ("text", "marker", "level", "rest"),
    [
        ("- item", "-", 1, "item"),
        ("-Partnerorganisaties", "-", 1, "Partnerorganisaties"),
        ("• punt", "•", 1, "punt"),
        ("o Sub-item", "o", 2, "Sub-item"),
        ("➔ En hoe?", "➔", 1, "En hoe?"),
        ("(1) Partners", "(1)", 1, "Partners"),
        ("(3)Rollen", "(3)", 1, "Rollen"),
        ("1. Focus thema", "1.", 1, "Focus thema"),
        ("2) Iets", "2)", 1, "Iets"),
    ],
)
def test_bullets(text: str, marker: str, level: int, rest: str) -> None:
    found = match_bullet(text, P)
    assert found is not None
    assert (found.marker, found.rule.level, found.text) == (marker, level, rest)


@pytest.mark.parametrize(
    "text", ["31/05/2024 bij het departement", "2 huisartsenpraktijken", "-2 graden", "onze regio"]
)
def test_not_bullets(text: str) -> None:
    assert match_bullet(text, P) is None


@pytest.mark.parametrize(
    ("text", "level", "number", "title"),
    [
        (
            "Strategische doelstelling 1 – ELZOH komt tot goed bestuur",
            "SD",
            "1",
            "ELZOH komt tot goed bestuur",
        ),
        ("Strategische doelstelling 2 - Titel", "SD", "2", "Titel"),
        ("Strategische doelstelling 3: Titel", "SD", "3", "Titel"),
        ("Operationele doelstelling 4.5 – Titel", "OD", "4.5", "Titel"),
        ("OD 1.2: Titel", "OD", "1.2", "Titel"),
        ("SD 2 – Titel", "SD", "2", "Titel"),
    ],
)
def test_goal_headings(text: str, level: str, number: str, title: str) -> None:
    found = match_goal_heading(text, P)
    assert found is not None and (found.level, found.number, found.title) == (level, number, title)


def test_not_goal_headings() -> None:
    assert (
        match_goal_heading("Uit de actie ‘ELZOH gaat de boer op’ in 2024 (SD 1, OD 1.2)", P) is None
    )
    assert match_goal_heading("Deze actie sluit dan ook aan bij SD 2.", P) is None


def test_sections() -> None:
    assert match_section("Acties 2025", P).kind == "goals"  # type: ignore[union-attr]
    assert match_section("BIJLAGE I", P).kind == "annex"  # type: ignore[union-attr]
    assert match_section("Inleiding", P).name == "Instructies"  # type: ignore[union-attr]
    assert match_section("Inleiding ........ 4", P) is None
    assert match_section("Algemeen gesproken is dit een goed plan", P) is None


@pytest.mark.parametrize(
    ("raw_prev", "acc", "cur", "joined"),
    [
        (
            "bestuurlijke vzw-",
            "bestuurlijke vzw-",
            "aangelegenheden",
            "bestuurlijke vzw-aangelegenheden",
        ),
        (
            "de nodig zorg- ",
            "de nodig zorg-",
            "en/of welzijnshulp",
            "de nodig zorg- en/of welzijnshulp",
        ),
        (
            "communicatiebeleid en -",
            "communicatiebeleid en -",
            "plan",
            "communicatiebeleid en -plan",
        ),
        ("april – ", "april –", "mei 2024", "april – mei 2024"),
    ],
)
def test_join_keeps_compound_hyphens(raw_prev: str, acc: str, cur: str, joined: str) -> None:
    assert join(raw_prev, acc, cur) == joined


def test_profile_refuses_unknown_keys() -> None:
    """A misspelt key in a profile file is refused with its path, not silently ignored."""
    import tomllib

    from planextract.rules.profile import DEFAULT_PROFILE, load_profile_data

    path = Path(__file__).resolve().parent.parent / "planextract" / "rules" / DEFAULT_PROFILE
    data = tomllib.loads(path.read_text("utf-8"))
    data["fields"][1]["alias"] = ["Reden"]  # 'aliases' misspelt
    with pytest.raises(ValueError, match=r"fields → 1 → alias: Extra inputs are not permitted"):
        load_profile_data(data, "misspelt.toml")


def test_the_bundled_profile_passes_the_profile_schema() -> None:
    """The bundled profile is loaded without the schema check: this test is that check."""
    import tomllib

    from planextract.rules.profile import DEFAULT_PROFILE
    from planextract.rules.profile_schema import validate_profile_data

    path = Path(__file__).resolve().parent.parent / "planextract" / "rules" / DEFAULT_PROFILE
    validate_profile_data(tomllib.loads(path.read_text("utf-8")), DEFAULT_PROFILE)


def test_profile_index_is_compiled_with_the_profile() -> None:
    """The wording the matchers compare with is laid out once, with the profile."""
    assert "geef een korte beschrijving van wat je gaat doen" in P.index.prompt_keys
    assert (P.field_rule("with_whom"), "met wie? ") in P.index.label_heads["m"]
    assert P.index.glyphs[0] in ("[x]", "[X]", "[ ]")  # longest glyphs first


def _collapse_by_regex(text: str) -> str:
    """The former definition of `collapse`: exotic spaces replaced, runs of \\s collapsed."""
    return re.sub(r"\s+", " ", clean_spaces(text)).strip()


def test_collapse_is_the_regex_definition_for_every_space_character() -> None:
    spaces = [chr(c) for c in range(sys.maxunicode + 1) if re.fullmatch(r"\s", chr(c))]
    assert "\u00a0" in spaces and "\u2007" in spaces and "\x1f" in spaces
    alphabet = [*spaces, "\ufeff", "a", "é", "?", " ", "Wat"]
    rng = random.Random(7)
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10)))
        assert collapse(text) == _collapse_by_regex(text), repr(text)
    line = "\ufeff  Wat?\u00a0\u00a0Een\tkorte  tekst\u202f "
    assert collapse(line) == "Wat? Een korte tekst"


def test_collapse_of_every_sample_line_is_the_regex_definition() -> None:
    samples = sorted((Path(__file__).parent.parent / "samples").glob("*.txt"))
    lines = [line for p in samples for line in p.read_text("utf-8").splitlines()]
    assert len(lines) > 1000
    assert [collapse(line) for line in lines] == [_collapse_by_regex(line) for line in lines]
