"""split_lines without a form feed in the text (the usual export) gives what the loop
that carries page breaks gives."""

from __future__ import annotations

import re

from conftest import ELZOH_TXT, KEMP_TXT

from planextract.extract.read_text import split_lines


def _split_by_loop(text: str) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    pending_break = False
    for raw in re.split(r"\r\n|\r|\n", text):
        for k, part in enumerate(raw.split("\f")):
            if k > 0:
                pending_break = True
                if not part:
                    continue
            out.append((part, pending_break))
            pending_break = False
    if out and out[-1] == ("", False):
        out.pop()
    return out


def test_split_lines_without_form_feeds() -> None:
    texts = [p.read_text("utf-8") for p in (KEMP_TXT, ELZOH_TXT)]
    texts += [t.replace("\n", "\r\n") for t in texts] + ["", "\n", "a", "a\n\n", "a\rb\r\n"]
    for text in texts:
        assert "\f" not in text
        assert split_lines(text) == _split_by_loop(text)
    paged = texts[0].replace("\n\n", "\n\f", 5)
    assert split_lines(paged) == _split_by_loop(paged)
