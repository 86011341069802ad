"""Dutch dates and periods -> month ranges within the plan year (a pure function).

`parse_periods("maart 2025 – 31 mei 2025", 2025)` gives one Period with months [3, 4, 5]
and the words as written. The vocabulary (month names, parts of the year, seasons,
relation words) lives in rules/periods_nl.toml; this module holds the grammar:

    range    := point SEP point | "tussen" point "en" point | month "/" month [year]
    point    := [day] [part] month [year]
    part     := begin | medio | eind …          (of a year, or of a month)
    season   := [de|het] voorjaar|zomer|najaar … [[van] year]
    quarter  := Q1-Q4 | eerste … vierde kwartaal [[van] year]
    year     := 2025 | '25 ;  year/year (ambiguous) ; year - year
    relation := tegen|voor|ten laatste … (by) | vanaf|sinds (from), right before any of these

No spaCy here: this runs on any string (a list item, a timeline cell).
"""

from __future__ import annotations

import re
from dataclasses import field
from functools import cache

from planextract.models.plan import Period
from planextract.models.record import record
from planextract.rules.enrich import PeriodRules, load_period_rules

# Same-length normalisation so that match offsets index the original text.
_SAME_LENGTH = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u00b4": "'",
        "`": "'",
        "\u2013": "-",
        "\u2014": "-",
        "\u2010": "-",
        "\u2011": "-",
        "\u00a0": " ",
    }
)

AMBIGUOUS = "ambiguous"
APPROXIMATE = "approximate"
YEAR_INFERRED = "year_inferred"
OUTSIDE = "outside_plan_year"


def _alt(words: list[str] | tuple[str, ...]) -> str:
    """Regex alternation, longest first, spaces matching any whitespace."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


@record(frozen=True, slots=True)
class _Grammar:
    date: re.Pattern[str]
    relative: re.Pattern[str]
    month_range: re.Pattern[str]
    year_pair: re.Pattern[str]
    part_of_year: re.Pattern[str]
    season: re.Pattern[str]
    quarter: re.Pattern[str]
    month: re.Pattern[str]
    year: re.Pattern[str]
    relation: re.Pattern[str]
    # Found in every text that holds a period: what each pattern above (but `relation`)
    # cannot match without. Most texts have none, and the ten searches cost more than it.
    any_period: re.Pattern[str]


@cache
def _grammar(rules: PeriodRules) -> _Grammar:
    flags = re.IGNORECASE
    month = rf"(?:{_alt(list(rules.month_words))})(?:(?<=\w)\.)?(?!\w)"
    year4 = r"(?:19|20)\d{2}(?![\d/])"
    year2 = r"'\s?\d{2}(?!\d)"

    def year(n: str) -> str:
        return rf"(?P<y{n}>{year4}|{year2})"

    part = _alt(list(rules.parts_of_year))

    def point(n: str) -> str:
        return (
            rf"(?:(?P<d{n}>\d{{1,2}})\s+)?(?:(?P<p{n}>{part})\s+)?"
            rf"(?P<m{n}>{month})(?:\s+(?:van\s+)?{year(n)})?"
        )

    sep = rf"\s*(?:{_alt(rules.separators)})\s*"
    word_between, word_and = re.escape(rules.between), re.escape(rules.between_and)
    between = rf"{word_between}\s+{point('3')}\s+{word_and}\s+{point('4')}"
    slash = rf"(?P<m1s>{month})\s*/\s*(?P<m2s>{month})(?:\s+(?:van\s+)?{year('s')})?"
    seasons = _alt(list(rules.seasons))
    quarter_words = _alt(list(rules.quarter_words))
    plan_year = _alt(rules.plan_year_phrases)
    relations = _alt([*rules.by_words, *rules.from_words])
    return _Grammar(
        date=re.compile(
            r"(?<![\d/])(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>(?:19|20)\d{2})(?!\d)", flags
        ),
        relative=re.compile(rf"(?<!\w)(?:{_alt(rules.relative_phrases)})(?!\w)", flags),
        month_range=re.compile(
            rf"(?<!\w)(?:{point('1')}{sep}{point('2')}|{between}|{slash})", flags
        ),
        year_pair=re.compile(
            r"(?<![\d/])(?P<y1>(?:19|20)\d{2})\s*(?P<sep>/|-)\s*(?P<y2>(?:19|20)\d{2})(?![\d/])",
            flags,
        ),
        part_of_year=re.compile(
            rf"(?<!\w)(?P<p>{part})\s+(?:van\s+)?(?:{year('')}|(?P<planyear>{plan_year})(?!\w))",
            flags,
        ),
        season=re.compile(
            rf"(?<!\w)(?:(?:de|het)\s+)?(?P<s>{seasons})(?!\w)(?:\s+(?:van\s+)?{year('')})?",
            flags,
        ),
        quarter=re.compile(
            rf"(?<!\w)(?:Q(?P<q>[1-4])|(?P<qw>{quarter_words})\s+kwartaal)(?!\w)"
            rf"(?:\s+(?:van\s+)?{year('')})?",
            flags,
        ),
        month=re.compile(rf"(?<!\w){point('')}", flags),
        year=re.compile(rf"(?<![\w/']){year4}", flags),
        relation=re.compile(rf"(?<!\w)(?P<rel>{relations})\s+$", flags),
        # a year's "19"/"20" (dates, year pairs, years) or, at a word start, a month (month
        # ranges, months), a part of the year, a season, a quarter or a relative phrase
        any_period=re.compile(
            r"(?:19|20)|(?<!\w)(?:Q[1-4]|"
            + _alt(
                [
                    *rules.month_words,
                    *rules.parts_of_year,
                    *rules.seasons,
                    *rules.quarter_words,
                    *rules.relative_phrases,
                ]
            )
            + ")",
            flags,
        ),
    )


@record(slots=True)
class _Found:
    start: int
    end: int
    kind: str
    sy: int | None = None
    sm: int | None = None
    ey: int | None = None
    em: int | None = None
    flags: set[str] = field(default_factory=set)
    relation: str | None = None
    season: bool = False  # "voor de zomer": before the season starts
    bare_year: bool = False


def _year(text: str | None) -> int | None:
    if not text:
        return None
    digits = re.sub(r"\D", "", text)
    return 2000 + int(digits) if len(digits) == 2 else int(digits)


def _month(word: str | None, rules: PeriodRules) -> int | None:
    return rules.month_words.get(word.lower().rstrip(".")) if word else None


def _fill_years(found: _Found, y1: int | None, y2: int | None, plan_year: int | None) -> None:
    """Years of a month range: one written year serves both ends, else the plan year."""
    sm, em = found.sm or 1, found.em or 12
    if y1 is None and y2 is not None:
        y1 = y2 if sm <= em else y2 - 1
    elif y2 is None and y1 is not None:
        y2 = y1 if em >= sm else y1 + 1
    elif y1 is None and y2 is None and plan_year is not None:
        y1 = plan_year
        y2 = plan_year if em >= sm else plan_year + 1
        found.flags.add(YEAR_INFERRED)
    found.sy, found.ey = y1, y2


def _in_year(found: _Found, written: str | None, plan_year: int | None) -> _Found:
    """A period within one year: the year as written, else the plan's (flagged)."""
    year = _year(written)
    if year is None:
        year = plan_year
        found.flags.add(YEAR_INFERRED)
    found.sy = found.ey = year
    return found


def _scan(text: str, plan_year: int | None, rules: PeriodRules) -> list[_Found]:
    g = _grammar(rules)
    taken: list[tuple[int, int]] = []
    out: list[_Found] = []

    def free(m: re.Match[str]) -> bool:
        return all(m.end() <= a or m.start() >= b for a, b in taken)

    def add(f: _Found) -> None:
        taken.append((f.start, f.end))
        out.append(f)

    for m in g.date.finditer(text):
        month = int(m["m"])
        if free(m) and 1 <= month <= 12:
            y = int(m["y"])
            add(_Found(m.start(), m.end(), "date", y, month, y, month))
    for m in g.relative.finditer(text):
        if free(m):
            add(_Found(m.start(), m.end(), "relative", flags={AMBIGUOUS}))
    for m in g.month_range.finditer(text):
        if not free(m):
            continue
        f = _Found(m.start(), m.end(), "month_range")
        if m["m1s"]:
            f.sm, f.em = _month(m["m1s"], rules), _month(m["m2s"], rules)
            _fill_years(f, _year(m["ys"]), _year(m["ys"]), plan_year)
        elif m["m3"]:  # tussen … en …
            f.sm, f.em = _month(m["m3"], rules), _month(m["m4"], rules)
            _fill_years(f, _year(m["y3"]), _year(m["y4"]), plan_year)
        else:
            f.sm, f.em = _month(m["m1"], rules), _month(m["m2"], rules)
            _fill_years(f, _year(m["y1"]), _year(m["y2"]), plan_year)
        add(f)
    for m in g.year_pair.finditer(text):
        if free(m):
            y1, y2 = int(m["y1"]), int(m["y2"])
            f = _Found(m.start(), m.end(), "year_range", y1, 1, y2, 12)
            if m["sep"] == "/":  # a working/school year or two calendar years: not guessed
                f.flags.add(AMBIGUOUS)
            add(f)
    for m in g.part_of_year.finditer(text):
        if free(m):
            first, last = rules.parts_of_year[re.sub(r"\s+", " ", m["p"].lower())]
            f = _Found(m.start(), m.end(), "part_of_year", sm=first, em=last, flags={APPROXIMATE})
            add(_in_year(f, m["y"], plan_year))
    for m in g.season.finditer(text):
        if free(m):
            months = rules.seasons[m["s"].lower()]
            f = _Found(m.start(), m.end(), "season", flags={APPROXIMATE}, season=True)
            if months is None:  # crosses the new year
                f.flags.add(AMBIGUOUS)
                add(f)
            else:
                f.sm, f.em = months
                add(_in_year(f, m["y"], plan_year))
    for m in g.quarter.finditer(text):
        if free(m):
            q = int(m["q"]) if m["q"] else rules.quarter_words[m["qw"].lower()]
            f = _Found(m.start(), m.end(), "quarter", sm=3 * q - 2, em=3 * q)
            add(_in_year(f, m["y"], plan_year))
    for m in g.month.finditer(text):
        if free(m):
            month = _month(m["m"], rules)
            add(
                _in_year(_Found(m.start(), m.end(), "month", sm=month, em=month), m["y"], plan_year)
            )
    for m in g.year.finditer(text):
        y = int(m.group())
        if free(m) and rules.year_min <= y <= rules.year_max:
            add(_Found(m.start(), m.end(), "year", y, 1, y, 12, bare_year=True))
    return out


def _apply_relation(text: str, f: _Found, rules: PeriodRules) -> None:
    """'tegen', 'vanaf'… right before the period: extend the span, set the relation."""
    rel = _grammar(rules).relation.search(text[: f.start])
    if rel is None:
        return
    word = re.sub(r"\s+", " ", rel["rel"].lower())
    f.start = rel.start()
    if word in {w.lower() for w in rules.from_words}:
        f.relation = "from"
        f.ey = f.em = None
        return
    f.relation = "by"
    if f.bare_year and word in rules.ambiguous_before_year:
        f.flags.add(AMBIGUOUS)  # "tegen 2026", "voor 2025": by its start, its end, or 'for'?
    if f.season and f.sm is not None and f.sy is not None:
        # before the season starts ("voor de zomer" = by the end of June)
        f.ey, f.em = (f.sy, f.sm - 1) if f.sm > 1 else (f.sy - 1, 12)
    f.sy = f.sm = None


def _plan_months(f: _Found, plan_year: int | None) -> list[int]:
    if plan_year is None or AMBIGUOUS in f.flags:
        return []
    if f.relation is None and (f.sy is None or f.ey is None):
        return []
    start = (f.sy, f.sm or 1) if f.sy is not None else (plan_year, 1)
    end = (f.ey, f.em or 12) if f.ey is not None else (plan_year, 12)
    return [m for m in range(1, 13) if start <= (plan_year, m) <= end]


def parse_periods(
    text: str, plan_year: int | None, rules: PeriodRules | None = None
) -> list[Period]:
    """All dates and periods in `text`, in order, normalised against `plan_year`."""
    rules = rules or load_period_rules()
    norm = text.translate(_SAME_LENGTH)
    if not _grammar(rules).any_period.search(norm):
        return []
    periods = []
    for f in sorted(_scan(norm, plan_year, rules), key=lambda f: f.start):
        _apply_relation(norm, f, rules)
        months = _plan_months(f, plan_year)
        if AMBIGUOUS in f.flags:  # keep the years as written, guess no months
            f.sm = f.em = None
        if not months and AMBIGUOUS not in f.flags and plan_year is not None:
            f.flags.add(OUTSIDE)
        periods.append(
            Period(
                text=text[f.start : f.end].strip(),
                kind=f.kind,  # type: ignore[arg-type]
                relation=f.relation,  # type: ignore[arg-type]
                start_year=f.sy,
                start_month=f.sm if f.sy is not None else None,
                end_year=f.ey,
                end_month=f.em if f.ey is not None else None,
                months=months,
                flags=sorted(f.flags),
            )
        )
    return periods
