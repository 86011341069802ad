"""Load the enrichment rules (gazetteer, periods, targets: TOML data) into typed objects."""

from __future__ import annotations

import re
import tomllib
from functools import cache

from planextract.models.record import record
from planextract.rules.files import rules_text

GAZETTEER = "gazetteer_nl.toml"
PERIODS = "periods_nl.toml"
TARGETS = "targets_nl.toml"


def _data(name: str) -> dict:
    return tomllib.loads(rules_text(name))


# -- organisations --------------------------------------------------------------------------
@record(frozen=True, slots=True)
class Org:
    name: str
    type: str
    variants: tuple[str, ...]
    case_sensitive: bool


@record(frozen=True, slots=True, eq=False)
class Gazetteer:
    orgs: tuple[Org, ...]
    fuzzy_ratio: float
    fuzzy_min_length: int
    name_fields: frozenset[str]
    not_names: frozenset[str]  # lower case
    places: frozenset[str]  # lower case


def variant_is_case_sensitive(variant: str, org: Org) -> bool:
    """Acronyms ("CAW") and entries marked case-sensitive match only as written."""
    letters = [c for c in variant if c.isalpha()]
    return org.case_sensitive or (len(letters) > 1 and all(c.isupper() for c in letters))


@cache
def load_gazetteer() -> Gazetteer:
    data = _data(GAZETTEER)
    settings = data["settings"]
    return Gazetteer(
        orgs=tuple(
            Org(
                name=o["name"],
                type=o["type"],
                variants=tuple(o["variants"]),
                case_sensitive=bool(o.get("case_sensitive", False)),
            )
            for o in data["org"]
        ),
        fuzzy_ratio=float(settings["fuzzy_ratio"]),
        fuzzy_min_length=int(settings["fuzzy_min_length"]),
        name_fields=frozenset(settings["name_fields"]),
        not_names=frozenset(n.lower() for n in settings["not_names"]),
        places=frozenset(p.lower() for p in settings["places"]),
    )


# -- periods --------------------------------------------------------------------------------
@record(frozen=True, slots=True, eq=False)
class PeriodRules:
    month_words: dict[str, int]  # lower-case word -> month
    parts_of_year: dict[str, tuple[int, int]]
    seasons: dict[str, tuple[int, int] | None]  # None: crosses the new year
    quarter_words: dict[str, int]
    by_words: tuple[str, ...]
    from_words: tuple[str, ...]
    ambiguous_before_year: frozenset[str]
    separators: tuple[str, ...]
    between: str
    between_and: str
    relative_phrases: tuple[str, ...]
    plan_year_phrases: tuple[str, ...]
    year_min: int
    year_max: int


def _span(value: list[int]) -> tuple[int, int] | None:
    return (int(value[0]), int(value[1])) if value else None


@cache
def load_period_rules() -> PeriodRules:
    data = _data(PERIODS)
    rel = data["relations"]
    return PeriodRules(
        month_words={w.lower(): int(m) for m, words in data["months"].items() for w in words},
        parts_of_year={k.lower(): (int(v[0]), int(v[1])) for k, v in data["parts_of_year"].items()},
        seasons={k.lower(): _span(v) for k, v in data["seasons"].items()},
        quarter_words={k.lower(): int(v) for k, v in data["quarters"]["words"].items()},
        by_words=tuple(rel["by"]),
        from_words=tuple(rel["from"]),
        ambiguous_before_year=frozenset(w.lower() for w in rel["ambiguous_before_year"]),
        separators=tuple(data["ranges"]["separators"]),
        between=data["ranges"]["between"],
        between_and=data["ranges"]["between_and"],
        relative_phrases=tuple(data["relative"]["phrases"]),
        plan_year_phrases=tuple(data["relative"]["plan_year_phrases"]),
        year_min=int(data["years"]["min"]),
        year_max=int(data["years"]["max"]),
    )


# -- targets --------------------------------------------------------------------------------
@record(frozen=True, slots=True, eq=False)
class TargetRules:
    number_words: dict[str, int]
    article_words: dict[str, int]
    range_words: frozenset[str]
    reference_words: frozenset[str]
    year_min: int
    year_max: int
    comparators: tuple[tuple[str, str], ...]  # (phrase, operator), longest phrase first
    comparator_window: int
    times_unit: str
    times_suffixes: tuple[str, ...]
    times_words: frozenset[str]
    frequency_adverbs: dict[str, str]
    frequency_periods: dict[str, str]  # word -> W | M | Q | S | Y
    every_words: frozenset[str]
    every_n: str
    modifier: re.Pattern[str]
    max_modifiers: int
    percent: frozenset[str]
    not_units: frozenset[str]


@cache
def load_target_rules() -> TargetRules:
    data = _data(TARGETS)
    numbers, comp, times, freq, units = (
        data["numbers"],
        data["comparators"],
        data["times"],
        data["frequencies"],
        data["units"],
    )
    phrases = [(p.lower(), op) for op, words in comp["phrases"].items() for p in words]
    phrases.sort(key=lambda pair: -len(pair[0]))
    return TargetRules(
        number_words={k.lower(): int(v) for k, v in numbers["words"].items()},
        article_words={k.lower(): int(v) for k, v in numbers["article_words"].items()},
        range_words=frozenset(numbers["range_words"]),
        reference_words=frozenset(numbers["reference_words"]),
        year_min=int(numbers["year_min"]),
        year_max=int(numbers["year_max"]),
        comparators=tuple(phrases),
        comparator_window=int(comp["window"]),
        times_unit=times["unit"],
        times_suffixes=tuple(times["suffixes"]),
        times_words=frozenset(times["words"]),
        frequency_adverbs={k.lower(): v for k, v in freq["adverbs"].items()},
        frequency_periods={k.lower(): v for k, v in freq["periods"].items()},
        every_words=frozenset(freq["every_words"]),
        every_n=freq["every_n"],
        modifier=re.compile(units["modifier_pattern"]),
        max_modifiers=int(units["max_modifiers"]),
        percent=frozenset(units["percent"]),
        not_units=frozenset(units["not_units"]),
    )
