"""Quantitative commitments in evaluation criteria (a pure function over one criterion).

`parse_targets("Er werden minstens 2 raakvlakken en 2 opportuniteiten bepaald.")` gives two
targets {2, raakvlakken, >=} and {2, opportuniteiten, >=}. Vocabulary: rules/targets_nl.toml.

    target    := [comparator …≤window words] number [range number] unit [per noun] [frequency]
    unit      := "%" [van noun-phrase] | x | keer | modifier{0,2} noun
    frequency := adverb (tweemaandelijks) | per/elke period | "/" period | om de n period
A comparator before a coordinated number carries over ("minstens 2 X en 2 Y"); the
criterion's frequency applies to each of its targets; a frequency without any number is a
target of its own ("Er wordt maandelijks deelgenomen").
"""

from __future__ import annotations

import re
from functools import cache

from planextract.models.plan import Target
from planextract.models.record import record
from planextract.rules.enrich import TargetRules, load_target_rules
from planextract.rules.text import MAX_NUMBER_DIGITS

_TOKEN = re.compile(
    r"(?P<num>\d+(?:[.,]\d+)?)(?=x(?![^\W\d_])|[^\w]|$)"
    r"|(?P<x>(?<=\d)x)(?![^\W\d_])"
    r"|(?P<word>[^\W\d_]+(?:[-/'’][^\W\d_]+)*)"
    r"|(?P<other>\S)"
)
_CLAUSE_END = frozenset(",.;:!?()")
_DETERMINERS = frozenset({"de", "het", "deze", "die", "dit", "onze", "hun", "alle", "elke"})
_FREQ_UNITS = {"W": "W", "M": "M", "Q": "3M", "S": "6M", "Y": "Y"}


@record(slots=True)
class _Tok:
    kind: str  # num | x | word | other
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower()


def _tokens(text: str) -> list[_Tok]:
    return [
        _Tok(m.lastgroup or "other", m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)
    ]


def _duration(n: int, letter: str) -> str:
    unit = _FREQ_UNITS[letter]
    if unit[0].isdigit():  # quarter / semester in months
        return f"P{n * int(unit[:-1])}{unit[-1]}"
    return f"P{n}{unit}"


@cache
def _comparators_by_first_word(rules: TargetRules) -> dict[str, list[tuple[list[str], str]]]:
    """The comparator phrases as words, by their first word, in the rules' order (longest
    first): at a token only the phrases that start with it are tried, as before."""
    out: dict[str, list[tuple[list[str], str]]] = {}
    for phrase, op in rules.comparators:
        words = phrase.split()
        out.setdefault(words[0], []).append((words, op))
    return out


class _Parser:
    def __init__(self, text: str, rules: TargetRules) -> None:
        self.text = text
        self.rules = rules
        self.toks = _tokens(text)
        self.used: set[int] = set()  # token indices consumed by a frequency phrase

    # -- numbers --------------------------------------------------------------------------
    def number(self, i: int, counted: bool = True) -> int | float | None:
        """The value of token i if it is a number; `counted`: as the count of a target."""
        tok, r = self.toks[i], self.rules
        if counted and i > 0 and self.toks[i - 1].low in r.reference_words:
            return None  # "de twee huisartsenpraktijken": a reference, not a commitment
        if tok.kind == "num":
            before = self.text[tok.start - 1] if tok.start else " "
            after = self.text[tok.end : tok.end + 2]
            if before.isalpha() or before in "/." or re.match(r"[/.]\d", after):
                return None  # part of a code ("O3") or a date ("31/05/2024")
            if len(tok.text) > MAX_NUMBER_DIGITS:
                return None  # no target counts in billions; 5 000 digits are no quantity
            value = float(tok.text.replace(",", "."))
            if value.is_integer():
                value = int(value)
                if r.year_min <= value <= r.year_max and len(tok.text) == 4:
                    return None
            return value
        if tok.kind == "word" and tok.low in r.number_words:
            return r.number_words[tok.low]
        if tok.kind == "word" and tok.low in r.article_words and i > 0:
            prev = self.toks[i - 1].low
            if prev in r.frequency_adverbs or any(prev == p.split()[-1] for p, _ in r.comparators):
                return r.article_words[tok.low]
        return None

    # -- frequencies ----------------------------------------------------------------------
    def frequencies(self) -> list[tuple[str, int, int]]:
        """(ISO duration, first token, last token) of every frequency phrase."""
        r, toks, out = self.rules, self.toks, []
        every_n = r.every_n.split()
        for i, tok in enumerate(toks):
            if tok.low in r.frequency_adverbs:
                out.append((r.frequency_adverbs[tok.low], i, i))
            elif (tok.low in r.every_words or tok.text == "/") and i + 1 < len(toks):
                letter = r.frequency_periods.get(toks[i + 1].low)
                if letter:
                    out.append((_duration(1, letter), i, i + 1))
            elif [t.low for t in toks[i : i + len(every_n)]] == every_n:
                j = i + len(every_n)
                if j + 1 < len(toks):
                    n = self.number(j, counted=False)  # "om de twee weken"
                    letter = r.frequency_periods.get(toks[j + 1].low)
                    if isinstance(n, int) and letter:
                        out.append((_duration(n, letter), i, j + 1))
        for _, a, b in out:
            self.used.update(range(a, b + 1))
        return out

    # -- comparators ----------------------------------------------------------------------
    def comparators(self) -> list[tuple[str, int, int]]:
        out = []
        lows = [t.low for t in self.toks]
        by_first = _comparators_by_first_word(self.rules)
        i = 0
        while i < len(lows):
            for words, op in by_first.get(lows[i], ()):
                if lows[i : i + len(words)] == words:
                    out.append((op, i, i + len(words) - 1))
                    i += len(words) - 1
                    break
            i += 1
        return out

    def comparator_for(self, i: int, comps: list[tuple[str, int, int]]) -> tuple[str, int] | None:
        for op, a, b in reversed(comps):
            if b < i and i - b - 1 <= self.rules.comparator_window:
                between = self.toks[b + 1 : i]
                numbers = any(self.number(k) is not None for k in range(b + 1, i))
                if not numbers and not any(t.text in _CLAUSE_END for t in between):
                    return op, a
        return None

    # -- units ----------------------------------------------------------------------------
    def is_noun(self, j: int) -> bool:
        tok = self.toks[j]
        return (
            tok.kind == "word"
            and tok.low not in self.rules.not_units
            and tok.low not in self.rules.number_words
        )

    def noun_phrase(self, j: int, determiners: bool = False) -> tuple[str, int] | None:
        """modifier{0,max} noun from token j: (text, last token index)."""
        toks, r = self.toks, self.rules
        k = j
        if determiners and k < len(toks) and toks[k].low in _DETERMINERS:
            k += 1
        mods = []
        while (
            k < len(toks)
            and len(mods) < r.max_modifiers
            and self.is_noun(k)
            and r.modifier.match(toks[k].low)
        ):
            mods.append(k)
            k += 1
        if k < len(toks) and self.is_noun(k):
            last = k
        elif mods:
            last = mods[-1]  # "één conclusie en…": the '-e' word is the noun itself
        else:
            return None
        return self.text[toks[j].start : toks[last].end], last

    def unit(self, j: int) -> tuple[str, str | None, int] | None:
        """(unit, of, last token index) for the words after a number."""
        toks, r = self.toks, self.rules
        if j >= len(toks):
            return None
        tok = toks[j]
        if tok.text in r.percent or tok.low in r.percent:
            if j + 1 < len(toks) and toks[j + 1].low == "van":
                of = self.noun_phrase(j + 2, determiners=True)
                if of:
                    return "%", of[0], of[1]
            return "%", None, j
        if tok.kind == "x" or tok.low in r.times_words:
            return r.times_unit, None, j
        found = self.noun_phrase(j)
        return (found[0], None, found[1]) if found else None

    def per(self, j: int) -> tuple[str, int] | None:
        toks = self.toks
        if j < len(toks) and toks[j].low == "per" and j not in self.used:
            return self.noun_phrase(j + 1)
        return None

    # -- all ------------------------------------------------------------------------------
    def targets(self) -> list[Target]:
        freqs = self.frequencies()
        frequency = freqs[0][0] if freqs else None
        comps = self.comparators()
        out: list[Target] = []
        prev_end: int | None = None
        prev_comp: str | None = None
        i = 0
        while i < len(self.toks):
            value = None if i in self.used else self.number(i)
            if value is None:
                i += 1
                continue
            j, top = i + 1, None
            if j + 1 < len(self.toks) and self.toks[j].low in self.rules.range_words:
                top = self.number(j + 1)
                if top is not None:
                    j += 2
            unit = self.unit(j)
            if unit is None:
                i += 1
                continue
            name, of, last = unit
            per = self.per(last + 1)
            if per:
                last = per[1]
            comp = self.comparator_for(i, comps)
            start = self.toks[comp[1]].start if comp else self.toks[i].start
            op = comp[0] if comp else None
            if op is None and prev_end is not None:
                between = [t.low for t in self.toks[prev_end + 1 : i]]
                if between in (["en"], ["of"]):
                    op = prev_comp  # "minstens 2 raakvlakken en 2 opportuniteiten"
            for _, a, b in freqs:  # a frequency right after the unit belongs to the words
                if a == last + 1 or (a == last + 2 and self.toks[last + 1].kind == "x"):
                    last = b
            out.append(
                Target(
                    text=self.text[start : self.toks[last].end],
                    quantity=value,
                    quantity_max=top,
                    unit=name,
                    comparator=op or "=",  # type: ignore[arg-type]
                    frequency=frequency,
                    per=per[0] if per else None,
                    of=of,
                )
            )
            prev_end, prev_comp = last, op
            i = last + 1
        if not out and freqs:
            _, a, b = freqs[0]
            text = self.text[self.toks[a].start : self.toks[b].end]
            out.append(Target(text=text, frequency=frequency))
        return out


def parse_targets(text: str, rules: TargetRules | None = None) -> list[Target]:
    """The quantitative commitments in one evaluation criterion, in order."""
    return _Parser(text, rules or load_target_rules()).targets()
