"""Organisations and groups named in a text, with canonical names (gazetteer + rules).

Three rules, in this order, each explainable from the output's `match`:
- gazetteer: the EntityRuler found a listed variant ("LOGO" -> Logo, "OCMW’s" -> OCMW);
- fuzzy: a capitalised name not listed is a spelling variant of a listed one by rapidfuzz
  ratio, compared without case and spaces ("Campus 03" -> Campus O3, "Think3Lab");
- zone_name: "ELZ"/"Eerstelijnszone" + a capitalised name not listed -> a zone "ELZ <name>";
- name: in a field that lists names (rules: name_fields), a capitalised name inside a
  sentence that none of the above explains is kept as it is written, type "unknown".
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from planextract.enrich.nlp import pieces, plan_pipeline
from planextract.models.record import record
from planextract.rules.enrich import Gazetteer, load_gazetteer, load_period_rules
from planextract.rules.profile import ReflowRule

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

GENERIC_ZONE = "Eerstelijnszone"
_SQUASH = re.compile(r"[\s\-‐‑]+")


@record(frozen=True, slots=True)
class Mention:
    name: str
    type: str
    text: str
    match: str


def _squash(text: str) -> str:
    return _SQUASH.sub("", text.lower())


@cache
def _fuzzy_choices(gazetteer: Gazetteer) -> dict[str, str]:
    """Squashed variant -> canonical name, for variants long enough to compare fuzzily."""
    choices: dict[str, str] = {}
    for org in gazetteer.orgs:
        for variant in org.variants:
            key = _squash(variant)
            if len(key) >= gazetteer.fuzzy_min_length:
                choices.setdefault(key, org.name)
    return choices


@lru_cache(maxsize=256)  # by gazetteer and key length: a few dozen lengths
def _choices_of_length(gazetteer: Gazetteer, n: int) -> tuple[str, ...]:
    """The squashed variants that can reach the fuzzy ratio with a key of n characters,
    in the gazetteer's order (the first best match wins a tie): a ratio is at most
    200 x shorter / (n + length), so the others are left out before rapidfuzz converts
    every choice at every call. One point of margin keeps rounding out of it."""
    return tuple(
        key
        for key in _fuzzy_choices(gazetteer)
        if 200 * min(n, len(key)) / (n + len(key)) >= gazetteer.fuzzy_ratio - 1
    )


@cache
def _month_words() -> frozenset[str]:
    return frozenset(load_period_rules().month_words)


def _name_like(tok: Token) -> bool:
    """A token that can be part of a name: capitalised, an acronym, or a code like 'O3'."""
    text = tok.text
    if tok.is_space or tok.is_punct or not text[:1].isalnum():
        return False
    if tok.is_title or (tok.is_upper and len(text) > 1):
        return True
    if text.isalpha():  # most words: no digit (no letter is a digit), so no code
        return False
    return any(c.isupper() for c in text) and any(c.isdigit() for c in text)


# (name-like, a digit) by a token's text (its orth, the text's hash): both depend on the
# text only, so each distinct word is judged once per process (the Vocab keeps each word
# once too), not at each of its tokens.
_KINDS: dict[int, tuple[bool, bool]] = {}
# Distinct words remembered, cleared when full (a hostile text's words). spaCy's own Vocab
# still keeps every word a worker has seen.
_MAX_KINDS = 65_536


def _candidates(doc: Doc, taken: set[int]) -> list[Span]:
    """Runs of name-like tokens outside the gazetteer's entities ('Campus 03', 'Perinti')."""
    spans, start = [], None
    for tok in doc:
        kind = _KINDS.get(tok.orth)
        if kind is None:
            if len(_KINDS) >= _MAX_KINDS:
                _KINDS.clear()
            kind = _KINDS[tok.orth] = (_name_like(tok), tok.is_digit)
        name_like, digit = kind
        continues = start is not None and digit  # 'Campus 03'
        inside = tok.i not in taken and (name_like or continues)
        if inside and start is None:
            start = tok.i
        elif not inside and start is not None:
            spans.append(doc[start : tok.i])
            start = None
    if start is not None:
        spans.append(doc[start:])
    return spans


class OrgFinder:
    def __init__(self, reflow: ReflowRule, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or load_gazetteer()
        self.nlp = plan_pipeline(reflow)
        self.types = {org.name: org.type for org in self.gazetteer.orgs}
        # (piece of text, names expected) -> its mentions: a plan repeats short answers
        # ('ELZ Kemp en Duin', 'Lokale besturen') in many fields. One finder per plan, so
        # this holds one plan's texts at most.
        self._known: dict[tuple[str, bool], list[Mention]] = {}

    def fuzzy(self, text: str) -> str | None:
        key = _squash(text)
        if len(key) < self.gazetteer.fuzzy_min_length:
            return None
        choices = _fuzzy_choices(self.gazetteer)
        best = process.extractOne(
            key,
            _choices_of_length(self.gazetteer, len(key)),
            scorer=fuzz.ratio,
            score_cutoff=self.gazetteer.fuzzy_ratio,
        )
        return choices[best[0]] if best else None

    def _is_unknown_name(self, span: Span) -> bool:
        g = self.gazetteer
        first = span[0]
        if first.is_sent_start or first.is_stop or first.like_num:
            return False
        if span.text.lower() in g.not_names or first.lower_ in _month_words():
            return False
        if all(t.lower_ in g.places or t.lower_ in g.not_names for t in span):
            return False
        before = span.doc[first.i - 1] if first.i else None
        return not (before is not None and before.lower_ == "in")  # "in Limburg": a place

    def _zone_name(self, ent: Span, doc: Doc) -> Span | None:
        """'ELZ Noord-Limburg': the generic zone word followed by a name not listed."""
        end = ent.end
        while end < len(doc) and (
            (doc[end].is_title and not doc[end].is_stop)
            or (doc[end].lower_ == "en" and end + 1 < len(doc) and doc[end + 1].is_title)
        ):
            end += 1
        if end == ent.end or doc[end - 1].lower_ == "en":
            return None
        return doc[ent.start : end]

    def find(self, text: str, *, names_expected: bool) -> list[Mention]:
        return self.find_many([text], [names_expected])[0]

    def find_many(self, texts: list[str], names_expected: list[bool]) -> list[list[Mention]]:
        """Like `find` for many texts at once (one pass of the pipeline). A long text goes
        in bounded pieces (nlp.pieces); its mentions are those of its pieces, in order. A
        piece already read for this plan is not read again: its mentions depend on its
        text and `names_expected` only."""
        owners = [
            (k, (piece, names_expected[k]))
            for k, text in enumerate(texts)
            for piece in pieces(text)
        ]
        known = self._known
        # each new piece once, in order (dict keys keep it)
        todo = list(dict.fromkeys(key for _, key in owners if key not in known))
        docs = self.nlp.pipe(piece for piece, _ in todo)
        for (piece, expected), doc in zip(todo, docs, strict=True):
            known[(piece, expected)] = self.mentions(doc, names_expected=expected)
        out: list[list[Mention]] = [[] for _ in texts]
        for k, key in owners:
            out[k].extend(known[key])
        return out

    def mentions(self, doc: Doc, *, names_expected: bool) -> list[Mention]:
        found: list[tuple[int, Mention]] = []
        taken: set[int] = set()
        for ent in doc.ents:
            name = ent.ent_id_
            if name == GENERIC_ZONE and ent.text.lower() in {"elz", "eerstelijnszone"}:
                zone = self._zone_name(ent, doc)
                if zone is not None:
                    label = "ELZ " + doc[ent.end : zone.end].text
                    found.append((ent.start, Mention(label, "zone", zone.text, "zone_name")))
                    taken.update(range(zone.start, zone.end))
                    continue
            found.append((ent.start, Mention(name, self.types[name], ent.text, "gazetteer")))
            taken.update(range(ent.start, ent.end))
        for span in _candidates(doc, taken):
            canonical = self.fuzzy(span.text)
            if canonical is not None:
                found.append(
                    (span.start, Mention(canonical, self.types[canonical], span.text, "fuzzy"))
                )
            elif names_expected and self._is_unknown_name(span):
                found.append((span.start, Mention(span.text, "unknown", span.text, "name")))
        return [m for _, m in sorted(found, key=lambda pair: pair[0])]
