"""Month labels of timeline rows: Dutch names, abbreviations, ranges and quarters.

The vocabulary is data (rules/months_nl.toml); these functions only combine it.
"""

from __future__ import annotations

import re
from functools import cache

from planextract.models.record import record
from planextract.rules.months import months_data


@record(frozen=True, slots=True)
class MonthLabel:
    """A row label as written and the months (1-12) it covers."""

    text: str
    months: tuple[int, ...]
    end: int  # offset in the parsed text just after the label
    year: int | None = None  # the year written after it ('Januari 2025'), if any

    @property
    def first(self) -> int:
        return self.months[0]

    def before(self, other: MonthLabel) -> bool:
        """This label's months all come before the other's: by year and month when both
        name a year ('December 2025' before 'Januari 2026'), else by month."""
        if self.year is not None and other.year is not None and self.year != other.year:
            return self.year < other.year
        return self.months[-1] < other.first


@record(frozen=True, slots=True)
class MonthVocabulary:
    names: dict[str, int]  # lower-case name or abbreviation -> month number
    month: re.Pattern[str]  # one month name
    range: re.Pattern[str]  # month, separator, month
    quarters: tuple[re.Pattern[str], ...]
    ordinals: dict[str, int]
    display: tuple[tuple[str, str], ...]  # (full name, abbreviation) of months 1-12
    year: re.Pattern[str] | None  # a year after a label, groups `year` or `short`


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def load_vocabulary(data: dict) -> MonthVocabulary:
    names = {name.lower(): int(n) for n, words in data["months"].items() for name in words}
    end = r"(?=[\s:]|$)"
    year = data.get("years", {}).get("pattern")
    # 'januari 2025 - maart 2025': a year may follow the first month of a range too.
    bare_year = re.sub(r"\(\?P<\w+>", "(?:", year) if year else None
    first_year = rf"(?:\s+{bare_year}{end})?" if bare_year else ""
    month = rf"(?:{_alternation(list(names))})\.?"
    dashes = [s for s in data["ranges"]["separators"] if not s.isalpha() and "/" not in s]
    words = [s for s in data["ranges"]["separators"] if s not in dashes]
    separator = rf"(?:\s*(?:{_alternation(dashes)})\s*|\s+(?:{_alternation(words)})\s+)"
    ordinals = {k.lower(): int(v) for k, v in data["quarters"].get("ordinals", {}).items()}
    quarter_words = rf"(?:{_alternation(list(ordinals))})\s+kwartaal" if ordinals else None
    quarters = [re.compile(p, re.IGNORECASE) for p in data["quarters"]["patterns"]]
    return MonthVocabulary(
        names=names,
        month=re.compile(rf"^(?P<a>{month}){end}", re.IGNORECASE),
        range=re.compile(
            rf"^(?P<a>{month}){first_year}{separator}(?P<b>{month}){end}", re.IGNORECASE
        ),
        quarters=(
            *quarters,
            *([re.compile(rf"^{quarter_words}$", re.IGNORECASE)] if quarter_words else []),
        ),
        ordinals=ordinals,
        display=tuple(
            (words[0], words[1] if len(words) > 1 else words[0])
            for _, words in sorted(data["months"].items(), key=lambda kv: int(kv[0]))
        ),
        year=re.compile(rf"\s+{year}{end}") if year else None,
    )


@cache
def vocabulary() -> MonthVocabulary:
    return load_vocabulary(months_data())


def quarter_months(n: int) -> tuple[int, ...]:
    return tuple(range(3 * n - 2, 3 * n + 1))


def _quarter(text: str, vocab: MonthVocabulary) -> MonthLabel | None:
    """A quarter label in the first one to three words of the text."""
    words = list(re.finditer(r"\S+", text))
    for count in (1, 2, 3):
        if len(words) < count:
            break
        end = words[count - 1].end()
        candidate = text[:end].rstrip(":")
        for pattern in vocab.quarters:
            m = pattern.match(candidate)
            if not m:
                continue
            n = int(m.group("n")) if "n" in pattern.groupindex else None
            if n is None:
                n = vocab.ordinals[candidate.split()[0].lower()]
            return MonthLabel(candidate, quarter_months(n), end)
    return None


def _with_year(label: MonthLabel, text: str, vocab: MonthVocabulary) -> MonthLabel:
    """The label with the year written after it ('Januari 2025', "Q1 '25") taken in."""
    m = vocab.year.match(text, label.end) if vocab.year else None
    if m is None:
        return label
    year = int(m["year"]) if m["year"] else 2000 + int(m["short"])
    return MonthLabel(text[: m.end()], label.months, m.end(), year)


def _label(text: str, vocab: MonthVocabulary) -> MonthLabel | None:
    m = vocab.range.match(text)
    if m:
        a, b = vocab.names[m["a"].rstrip(".").lower()], vocab.names[m["b"].rstrip(".").lower()]
        if a < b:
            return MonthLabel(m.group(0), tuple(range(a, b + 1)), m.end())
    quarter = _quarter(text, vocab)
    if quarter:
        return quarter
    m = vocab.month.match(text)
    if m:
        return MonthLabel(m.group(0), (vocab.names[m["a"].rstrip(".").lower()],), m.end())
    return None


def parse_month_label(text: str, vocab: MonthVocabulary | None = None) -> MonthLabel | None:
    """The month label at the start of ``text``: a range, a quarter or one month, with
    the year written after it if there is one."""
    vocab = vocab or vocabulary()
    label = _label(text, vocab)
    return _with_year(label, text, vocab) if label else None
