"""The PDF layout rules (rules/pdf.toml + rules/pdf.py) and the layout reflow rule."""

from __future__ import annotations

import pytest

from planextract.rules.pdf import (
    UNKNOWN_GLYPH,
    clean_cid,
    color_hex,
    font_family,
    font_is_bold,
    font_is_italic,
    is_grey,
    load_pdf_rules,
    symbol_glyph,
    word_fits,
)
from planextract.rules.profile import load_profile
from planextract.rules.reflow import continues_in_layout, continues_paragraph

R = load_pdf_rules()
P = load_profile()


@pytest.mark.parametrize(
    ("fontname", "family"),
    [
        ("ABCDEF+Wingdings-Regular", "wingdings"),
        ("Wingdings", "wingdings"),
        ("Wingdings 2", "wingdings2"),
        ("BCDEEE+MS-Gothic", "msgothic"),
        ("SegoeUISymbol", "segoeuisymbol"),
        ("AAAAAA+DejaVuSans-Bold", "dejavusans"),
    ],
)
def test_font_family(fontname: str, family: str) -> None:
    assert font_family(fontname, load_pdf_rules().style_words) == family


def test_bold_and_italic_from_the_font_name() -> None:
    assert font_is_bold("AAAAAA+DejaVuSans-Bold", R)
    assert font_is_bold("Calibri,Bold", R) and font_is_bold("Arial-BoldMT", R)
    assert not font_is_bold("AAAAAA+DejaVuSans", R)
    assert font_is_italic("AAAAAA+DejaVuSans-Oblique", R) and font_is_italic("Calibri-Italic", R)
    assert not font_is_italic("AAAAAA+DejaVuSans-Bold", R)


def test_grey_prompts_and_colours() -> None:
    assert color_hex((0.45, 0.45, 0.45)) == "#737373"
    assert color_hex((0,)) == "#000000"
    assert color_hex((0, 0, 0, 0.5)) == "#808080"  # CMYK 50 % black
    assert color_hex(None) is None
    assert is_grey("#737373", R) and is_grey("#808080", R)
    assert not is_grey("#000000", R) and not is_grey("#ffffff", R)
    assert not is_grey("#1f4478", R)  # the blue of a heading


@pytest.mark.parametrize(
    ("font", "char", "glyph"),
    [
        ("ABCDEF+Wingdings-Regular", "\uf0fd", "☒"),
        ("Wingdings", "\uf078", "☒"),
        ("Wingdings", "\uf0fe", "☒"),  # ballot box with check
        ("Wingdings", "\u00fd", "☒"),  # the same box without the private-use offset
        ("Wingdings", "\uf0a8", "☐"),
        ("Wingdings", "\uf06f", "☐"),
        ("Wingdings", "o", "☐"),
    ],
)
def test_symbol_font_checkboxes(font: str, char: str, glyph: str) -> None:
    assert symbol_glyph(font, char, R) == glyph


def test_unknown_symbols_stay_unknown() -> None:
    assert symbol_glyph("Wingdings 2", "\uf0fd", R) is None  # another font: not guessed
    assert symbol_glyph("Webdings", "\uf063", R) is None
    assert symbol_glyph("DejaVuSans", "o", R) is None  # a letter o in a text font
    assert clean_cid("(cid:12) Procesevaluatie") == f"{UNKNOWN_GLYPH} Procesevaluatie"


def test_first_word_fits() -> None:
    # A line ending at x=300 in a column whose text ends at x=400: a 60-point word fits.
    assert word_fits(300, 400, 60, R)
    assert not word_fits(300, 400, 100, R)
    assert not word_fits(300, 400, 99.5, R)  # within the tolerance: wrapped


def test_wrapped_line_goes_on_where_character_counts_say_stop() -> None:
    # Kemp en Duin, action 4.1-1, milestones: in the PDF's narrow right column the item
    # wraps before '3 acties'; in characters the line looks short, so the text rule
    # would start a new paragraph there.
    prev = "onder de aandacht gebracht moet worden. Het komende jaar worden"
    cur = "3 acties opgezet die elk in één kwartaal van het jaar plaatsvinden."
    # Positions on page 18 of the sample PDF: the line ends at x=526.9, the cell's text
    # at x=527.91, and '3' plus a space needs 9.54 points.
    assert not word_fits(526.9, 527.91, 9.54, R)
    assert not continues_paragraph(prev, cur, blank_between=False, width=96, rule=P.reflow)
    assert continues_in_layout(prev, cur, blank_between=False, wrapped=True, rule=P.reflow)
    assert not continues_in_layout(prev, cur, blank_between=False, wrapped=False, rule=P.reflow)
    # A paragraph gap ends the paragraph, unless the line clearly goes on.
    assert not continues_in_layout(prev, cur, blank_between=True, wrapped=True, rule=P.reflow)
    assert continues_in_layout("ELZ Kemp en", cur, blank_between=True, wrapped=False, rule=P.reflow)
