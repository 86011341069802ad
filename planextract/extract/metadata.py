"""Plan-level facts: organisation, year and title."""

from __future__ import annotations

import re
from collections import Counter

from planextract.models.document import Document
from planextract.models.plan import Section
from planextract.rules.pages import match_header, organisation_in_header
from planextract.rules.profile import Profile
from planextract.rules.text import collapse

_FILE_YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")


def organisation_and_title(doc: Document, profile: Profile) -> tuple[str | None, str | None]:
    """From the running header 'Actieplan <zone>'; the most frequent one wins. The zone is
    what the header pattern names with the year, page numbers and separators taken out
    ('Actieplan 2025 ELZ Kemp en Duin', 'Actieplan ELZ Kemp en Duin 2025 | p. 3')."""
    if not doc.header_texts:
        return None, None
    counts = Counter(line.text for line in doc.lines if line.text in doc.header_texts)
    header = max(doc.header_texts, key=lambda h: (counts[h], -doc.header_texts.index(h)))
    named = match_header(header, profile)
    organisation = (named and organisation_in_header(named)) or organisation_in_header(header)
    return organisation, collapse(header)


def plan_year(doc: Document, sections: list[Section], profile: Profile) -> int | None:
    """The plan's year: an 'Acties 2025' heading, else the year most often written as
    'actieplan 2025' (plans also cite last year's plan; a tie goes to the later year),
    else a year in the file name."""
    texts = [s.title for s in sections] + [line.text for line in doc.lines if line.is_content]
    for pattern in profile.year_patterns:
        years = Counter(int(m["year"]) for text in texts for m in pattern.finditer(text))
        if years:
            return max(years, key=lambda y: (years[y], y))
    m = _FILE_YEAR.search(doc.file)
    return int(m.group(1)) if m else None
