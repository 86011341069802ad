"""Characters -> words: the PDFium reader groups them by pdfplumber's rules, checked here
against pdfplumber's own WordExtractor on hand-made lines (spaces, gaps, kerning, a
change of font, a ligature, two lines of one run, text drawn right to left)."""

from __future__ import annotations

import pytest
from pdfplumber.utils.text import WordExtractor

from planextract.extract.pdf_words import Char, group_words

SIZE = 10.0


def line(text: str, x: float, top: float, font: str = "Sans", width: float = 5.0) -> list[Char]:
    chars = []
    for k, ch in enumerate(text):
        x0 = x + k * width
        chars.append(Char(ch, x0, x0 + width, top, top + SIZE, (font, SIZE, "#000000")))
    return chars


def plumber_words(chars: list[Char]) -> list[tuple[str, float, float, float, float]]:
    dicts = [
        {
            "text": c.text,
            "x0": c.x0,
            "x1": c.x1,
            "top": c.top,
            "bottom": c.bottom,
            "doctop": c.top,
            "upright": True,
            "size": SIZE,
            "fontname": c.style[0],  # type: ignore[index]
        }
        for c in chars
    ]
    extractor = WordExtractor(x_tolerance=3, y_tolerance=3, extra_attrs=["fontname", "size"])
    return [
        (w["text"], w["x0"], w["x1"], w["top"], w["bottom"]) for w in extractor.extract_words(dicts)
    ]


def ours(chars: list[Char]) -> list[tuple[str, float, float, float, float]]:
    return [(w.text, w.x0, w.x1, w.top, w.bottom) for w in group_words(chars, 3.0, 3.0)]


CASES = {
    "spaces": line("Wat ga je doen?", 60, 100),
    "gap wider than the tolerance": line("Doel", 60, 100) + line("groepen", 84.5, 100),
    "kerning gap within it": line("Doel", 60, 100) + line("groepen", 82.5, 100),
    "font change": line("Actie:", 60, 100, font="Sans-Bold") + line("Overleg", 90, 100),
    "ligature": line("de \ufb01nanciering", 60, 100),
    "two lines in one run": line("eerste regel", 60, 100) + line("tweede", 60, 113),
    "tops a little apart": line("half", 60, 100) + line("hoog", 85, 101.5),
    "drawn right to left": list(reversed(line("omgekeerd", 60, 100))),
}


@pytest.mark.parametrize("name", CASES)
def test_words_as_pdfplumber_groups_them(name: str) -> None:
    chars = CASES[name]
    assert ours(chars) == plumber_words(chars)


def test_the_cases_mean_what_they_say() -> None:
    words = lambda name: [w[0] for w in ours(CASES[name])]  # noqa: E731
    assert words("spaces") == ["Wat", "ga", "je", "doen?"]
    assert words("gap wider than the tolerance") == ["Doel", "groepen"]
    assert words("kerning gap within it") == ["Doelgroepen"]
    assert words("font change") == ["Actie:", "Overleg"]
    assert words("ligature") == ["de", "financiering"]
    assert words("two lines in one run") == ["eerste", "regel", "tweede"]
    assert words("tops a little apart") == ["half", "hoog"]
    assert words("drawn right to left") == ["omgekeerd"]
