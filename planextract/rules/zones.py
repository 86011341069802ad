"""Zone names: one canonical key per eerstelijnszone, however the plan writes its name.

'ELZ Kemp en Duin' and 'Eerstelijnszone Kemp en Duin' are one zone, key 'kemp-en-duin'. The
key joins plans, partners and the export; the prefixes are the ones zones use for themselves.
"""

from __future__ import annotations

import re
import unicodedata

# Longest first: 'Eerstelijnszone ' must not lose only its 'ELZ'-like start.
ZONE_PREFIXES = ("Eerstelijnszone ", "Eerstelijnzone ", "Zorgraad ", "ELZ ")


# The word alone names no zone ('de eerstelijnszone', 'ELZ's'): no key.
BARE = frozenset(p.strip().casefold() for p in ZONE_PREFIXES) | {"eerstelijnszones", "elz's"}


def short_zone(name: str) -> str:
    """'ELZ Kemp en Duin' -> 'Kemp en Duin' (the name without its zone prefix)."""
    name = name.strip()
    for prefix in ZONE_PREFIXES:
        if name.lower().startswith(prefix.lower()):
            return name[len(prefix) :].strip()
    return name


def zone_key(name: str | None) -> str | None:
    """'ELZ Kemp en Duin' / 'Eerstelijnszone Kemp en Duin' -> 'kemp-en-duin'; None when the
    name is unknown or holds no letters or digits."""
    if not name or name.strip().casefold() in BARE:
        return None
    folded = unicodedata.normalize("NFKD", short_zone(name)).encode("ascii", "ignore").decode()
    key = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    return key or None
