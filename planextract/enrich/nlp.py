"""The spaCy pipeline: `spacy.blank("nl")` with rule components only, built once per process.

No model is downloaded or loaded: the pipeline is a tokenizer plus
- `sentencizer`: sentence ends at punctuation;
- `planextract_line_starts`: a line that starts with a capitalised function word
  ("Enkele", "We", "De") after a line that did not end open starts a sentence
  (rules/sentences.py), so unpunctuated list answers split where the writer broke the line;
- `planextract_org_ruler`: the gazetteer (rules/gazetteer_nl.toml) as phrase patterns,
  label ORG, the canonical name as the entity id (what two `entity_ruler`s would do).
spaCy is imported here only, on first use and without its command line
(enrich/spacy_import.py), so commands that read no plan start fast.
The tokenizer gets its one extra infix at construction, so it is built once, and loads
its special cases as texts need them (enrich/tokenizer.py).
"""

from __future__ import annotations

from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING

from planextract.enrich.doc_text import doc_text
from planextract.enrich.spacy_import import import_spacy
from planextract.rules.enrich import Gazetteer, load_gazetteer, variant_is_case_sensitive
from planextract.rules.profile import ReflowRule
from planextract.rules.sentences import opens_sentence_at_line

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

LINE_STARTS = "planextract_line_starts"
ORG_RULER = "planextract_org_ruler"
# spaCy refuses texts over nlp.max_length (1 000 000 characters) and its memory grows with
# the text: long text goes through the pipeline in pieces of at most this many characters.
PIECE_CHARS = 100_000
Match = tuple[int, int, int]  # (match key, first token, end token) from a PhraseMatcher
# "PZON/burger", "team/DB/BO": a slash between words separates names.
_SLASH_INFIX = r"(?<=[\w)])/(?=[\w(])"


def _register_components() -> None:
    import_spacy()
    from spacy.language import Language

    if Language.has_factory(LINE_STARTS):
        return

    @Language.factory(LINE_STARTS, default_config={"continues_after": "", "continuation_words": []})
    def make_line_starts(
        nlp: Language, name: str, continues_after: str, continuation_words: list[str]
    ) -> LineStarts:
        return LineStarts(continues_after, frozenset(continuation_words))

    @Language.factory(ORG_RULER)
    def make_org_ruler(nlp: Language, name: str) -> OrgRuler:
        return OrgRuler(nlp.vocab)


class LineStarts:
    """Mark a sentence start at a line break followed by a capitalised function word."""

    def __init__(self, continues_after: str, continuation_words: frozenset[str]) -> None:
        # only the 'line ends open' part of the reflow rules is used here
        self.rule = ReflowRule(
            sentence_end="",
            continues_after=continues_after,
            continuation_words=continuation_words,
            short_line_ratio=0.0,
            fit_ratio=0.0,
        )

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        if "\n" not in text:
            return doc
        for prev, tok in pairwise(doc):  # each Token made once (spaCy makes one per access)
            if not (prev.is_space and "\n" in prev.text):
                continue
            line_before = text[: prev.idx].rsplit("\n", 1)[-1]
            if opens_sentence_at_line(
                line_before, tok.text, is_function_word=tok.is_stop, rule=self.rule
            ):
                tok.is_sent_start = True
        return doc


class OrgRuler:
    """The gazetteer's variants as entities: first those matched in any case, then, on the
    tokens still free, acronyms and names that are also ordinary words, as written (so
    "ELZ Kemp en Duin" beats "ELZ"). Within each pass the longest match wins, then the
    leftmost, then (a variant listed for two orgs) the org listed first; no overlaps.

    This is what two `entity_ruler`s with phrase patterns (the second not overwriting) do,
    in one component: their per-Doc bookkeeping (an empty token Matcher, warning filters,
    counting all patterns, setting `doc.ents` twice) cost more than the matching itself.
    """

    def __init__(self, vocab: Vocab) -> None:
        from spacy.matcher import PhraseMatcher

        self.vocab = vocab
        self.any_case = PhraseMatcher(vocab, attr="LOWER")
        self.as_written = PhraseMatcher(vocab)
        self.order: dict[int, int] = {}  # match key (the name's hash) -> place in the gazetteer

    def add(self, nlp: Language, gazetteer: Gazetteer) -> None:
        for org in gazetteer.orgs:
            self.order.setdefault(self.vocab.strings.add(org.name), len(self.order))
            for case_sensitive, matcher in ((False, self.any_case), (True, self.as_written)):
                variants = [
                    v for v in org.variants if variant_is_case_sensitive(v, org) == case_sensitive
                ]
                if variants:
                    matcher.add(org.name, [nlp.make_doc(v) for v in variants])

    def _longest_first(self, matches: list[Match], free: list[bool]) -> list[Match]:
        """Matches on free tokens only, longest first, then leftmost, without overlaps;
        marks their tokens taken."""
        ranked = sorted(
            {(key, start, end) for key, start, end in matches if start != end},
            key=lambda m: (m[1] - m[2], m[1], self.order[m[0]]),
        )
        kept = []
        for key, start, end in ranked:
            if all(free[start:end]):
                kept.append((key, start, end))
                free[start:end] = [False] * (end - start)
        return kept

    def __call__(self, doc: Doc) -> Doc:
        from spacy.tokens import Span

        free = [True] * len(doc)
        kept = self._longest_first(self.any_case(doc), free)
        kept += self._longest_first(self.as_written(doc), free)
        # (every token outside an entity is marked "O", as the entity_ruler marks them)
        doc.ents = [
            Span(doc, start, end, label="ORG", span_id=key)  # ent_id_: the canonical name
            for key, start, end in sorted(kept, key=lambda m: m[1])
        ]
        return doc


def pieces(text: str, size: int = PIECE_CHARS) -> list[str]:
    """`text` cut into pieces of at most `size` characters, at a line break where there is
    one, else at a space, else anywhere; joined they give `text` back."""
    out: list[str] = []
    start = 0
    while len(text) - start > size:
        end = start + size
        cut = text.rfind("\n", start + 1, end)
        if cut < 0:
            cut = text.rfind(" ", start + 1, end)
        cut = end if cut < 0 else cut + 1
        out.append(text[start:cut])
        start = cut
    out.append(text[start:])
    return out


def _plan_dutch() -> type[Language]:
    """Dutch with the slash infix in its defaults, so the tokenizer is built with it
    (setting `infix_finditer` afterwards reloads all special cases), and without special
    cases: `_plan_nlp` puts Dutch's in a tokenizer that loads each one when a text needs it."""
    import_spacy()
    from spacy.lang.nl import Dutch

    class PlanDutchDefaults(Dutch.Defaults):  # type: ignore[name-defined,misc]
        infixes = [*Dutch.Defaults.infixes, _SLASH_INFIX]  # noqa: RUF012
        tokenizer_exceptions = {}  # noqa: RUF012 (loaded lazily, see enrich/tokenizer.py)

    class PlanDutch(Dutch):
        Defaults = PlanDutchDefaults

    return PlanDutch


def _plan_nlp() -> Language:
    import_spacy()
    from spacy.lang.nl import Dutch

    from planextract.enrich.tokenizer import LazySpecialsTokenizer

    nlp = _plan_dutch()()
    nlp.tokenizer = LazySpecialsTokenizer.like(nlp.tokenizer, Dutch.Defaults.tokenizer_exceptions)
    return nlp


# spaCy's Vocab and StringStore keep every word the pipeline has seen: in a batch worker
# that reads hundreds of plans (OCR noise included) they grow without end, about 0.5 MB
# per thousand new words. Past this many strings the next plan gets the pipeline built
# afresh (0.1 s): what it finds does not depend on the words it saw before.
MAX_STRINGS = 50_000


def plan_pipeline(reflow: ReflowRule) -> Language:
    """The pipeline for the next plan: `pipeline(reflow)`, rebuilt when its strings have
    grown past MAX_STRINGS."""
    nlp = pipeline(reflow)
    if len(nlp.vocab.strings) > MAX_STRINGS:
        pipeline.cache_clear()
        nlp = pipeline(reflow)
    return nlp


@cache
def pipeline(reflow: ReflowRule) -> Language:
    """The one pipeline of this process (per reflow rule set, i.e. per profile)."""
    _register_components()
    nlp = _plan_nlp()
    nlp.add_pipe("sentencizer")
    nlp.add_pipe(
        LINE_STARTS,
        config={
            "continues_after": reflow.continues_after,
            "continuation_words": sorted(reflow.continuation_words),
        },
    )
    nlp.add_pipe(ORG_RULER).add(nlp, load_gazetteer())  # type: ignore[attr-defined]
    return nlp
