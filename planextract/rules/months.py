"""The month vocabulary (rules/months_nl.toml) as the rules before the timeline need it:
which words name a month. The timeline's row labels are parsed in timeline/months.py."""

from __future__ import annotations

import tomllib
from functools import cache
from typing import Any

from planextract.rules.files import rules_text

MONTHS_FILE = "months_nl.toml"


@cache
def months_data() -> dict[str, Any]:
    """months_nl.toml, parsed once per process."""
    text = rules_text(MONTHS_FILE)
    return tomllib.loads(text)


@cache
def month_names() -> frozenset[str]:
    """Every month name and abbreviation, lower case ('januari', 'jan', 'sept')."""
    return frozenset(name.lower() for words in months_data()["months"].values() for name in words)


def opens_with_month(text: str) -> bool:
    """'Januari …', 'Sept. …', 'mei:' : the line's first word names a month (a row of a
    month table)."""
    words = text.split(None, 1)
    return bool(words) and words[0].rstrip(".:").lower() in month_names()
