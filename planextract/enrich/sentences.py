"""Split list answers written without bullets into items at sentence boundaries.

The line reflow (extract/reflow.py) joins wrapped lines into paragraphs by their length.
In a field the rules call a list (`[parts] list_parts`), an unmarked paragraph is split
further where a sentence (spaCy: sentencizer + the line-start rule, see nlp.py) starts at
the beginning of one of its lines: writers put each item on a new line, and a sentence
that starts mid-line belongs to the item before it ("Haastig zijn. Zoals verwacht…").
Bulleted items are never split: the bullet says where the item starts.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from planextract.extract.reflow import Paragraph
from planextract.models.document import Document
from planextract.rules.profile import Profile
from planextract.rules.reflow import ends_sentence, join
from planextract.rules.sentences import can_start_item
from planextract.rules.text import collapse


def _worth_parsing(parts: Sequence[str], profile: Profile) -> bool:
    """Cheap test before spaCy: some line could start a sentence."""
    for before, line in itertools.pairwise(parts):
        if not can_start_item(line):
            continue
        first = line.split(" ", 1)[0]
        if ends_sentence(before, profile.reflow) or (first[:1].isupper() and first[1:2].islower()):
            return True
    return False


def sentence_line_starts(parts: Sequence[str], profile: Profile) -> list[int]:
    """Indices (> 0) of the lines of a paragraph at which a sentence begins."""
    from planextract.enrich.nlp import ORG_RULERS, PIECE_CHARS, pipeline

    lines = [collapse(p) for p in parts]
    if sum(len(line) + 1 for line in lines) > PIECE_CHARS:
        return []  # over spaCy's bounds; a paragraph this long is kept whole
    offsets, pos = {}, 0
    for k, line in enumerate(lines):
        offsets[pos] = k
        pos += len(line) + 1
    nlp = pipeline(profile.reflow)
    doc = nlp("\n".join(lines), disable=ORG_RULERS)  # sentences only
    starts = []
    for sent in doc.sents:
        first = next((t for t in sent if not t.is_space), None)
        if first is None:
            continue
        k = offsets.get(first.idx)
        if k and can_start_item(lines[k]):
            starts.append(k)
    return starts


def _regroup(para: Paragraph, starts: list[int], doc: Document) -> list[Paragraph]:
    bounds = [0, *starts, len(para.parts)]
    out = []
    for a, b in itertools.pairwise(bounds):
        indices, parts = para.indices[a:b], para.parts[a:b]
        text = parts[0]
        for k in range(1, len(parts)):
            text = join(doc.lines[indices[k - 1]].raw, text, parts[k])
        out.append(Paragraph(collapse(text), None, para.level, indices, parts))
    return out


def split_sentences(paras: Sequence[Paragraph], doc: Document, profile: Profile) -> list[Paragraph]:
    """Unmarked multi-line paragraphs -> one paragraph per sentence-initial line group."""
    out: list[Paragraph] = []
    for para in paras:
        if para.marker is None and len(para.parts) > 1 and _worth_parsing(para.parts, profile):
            starts = sentence_line_starts(para.parts, profile)
            if starts:
                out.extend(_regroup(para, starts, doc))
                continue
        out.append(para)
    return out
