"""The text a spaCy Doc was made from, kept beside it.

A Doc keeps no text: `Doc.text` joins every token's text again, which cost a tenth of a
plan's enrichment in the component that reads it. Tokenization keeps every character,
so the text the tokenizer was given is the Doc's text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

_KEY = "planextract.text"


def keep_text(doc: Doc, text: str) -> None:
    doc.user_data[_KEY] = text


def doc_text(doc: Doc) -> str:
    """`doc.text`, from the text kept by `keep_text` where there is one."""
    text = doc.user_data.get(_KEY)
    return text if isinstance(text, str) else doc.text
