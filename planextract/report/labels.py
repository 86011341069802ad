"""Dutch names for template elements, cell states and numbers in reports."""

from __future__ import annotations

from planextract.models.plan import PageRange
from planextract.rules.profile import Profile
from planextract.timeline.months import vocabulary

# Month names and abbreviations for the timeline grid, from rules/months_nl.toml.
MONTHS = [full for full, _ in vocabulary().display]
MONTHS_SHORT = [short for _, short in vocabulary().display]

# A cell of the actions x fields table: state -> (symbol, Dutch meaning, colour class).
STATES: dict[str, tuple[str, str, str]] = {
    "filled": ("✔", "ingevuld", "ok"),
    "empty": ("○", "leeg (alleen de vraag of ‘/’)", "warn"),
    "missing": ("✘", "ontbreekt", "bad"),
    "narrative": ("✘", "vrije tekst, geen sjabloon", "bad"),
    "unknown": ("?", "vakje onleesbaar", "unknown"),
    "na": ("–", "niet op het formulier van dit plan", "na"),
    "ticked": ("☒", "aangevinkt, met criteria", "ok"),
    "ticked_no_criteria": ("☒!", "aangevinkt, zonder criteria", "warn"),
    "unticked": ("☐", "niet aangevinkt", "plain"),
    "unticked_with_criteria": ("☐!", "niet aangevinkt, wel criteria", "warn"),
}

WHOLE_FORM = "alle onderdelen van het sjabloon"  # a form without any part missing
NO_FINDINGS = "Geen meldingen: het sjabloon is volledig ingevuld."

HEATMAP_NOTE = (
    "Per zone: het aandeel van de acties dat in het sjabloon staat, en per onderdeel het "
    "aandeel van die acties dat het onderdeel invult. Acties in vrije tekst tellen alleen in "
    "de eerste kolom (en in de volledigheid, waar ze niets invullen)."
)

# Source formats (Source.format) as the report names them.
FORMATS = {"pdf": "PDF", "text": "tekstexport", "docx": "Word"}

# Findings in the report: most severe first (the JSON keeps reading order).
SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}

SEVERITY_SYMBOLS: dict[str, str] = {"error": "✘", "warning": "⚠", "info": "ℹ"}

# Colour bands of a share filled in (percent): at least GOOD is good, below MID is bad.
GOOD, MID = 90, 50

# A cell of the archive heatmap: band -> (symbol, Dutch meaning, colour class).
BANDS: dict[str, tuple[str, str, str]] = {
    "good": ("✔", f"{GOOD} % of meer van de acties ingevuld", "ok"),
    "mid": ("◐", f"{MID} tot {GOOD} % ingevuld", "warn"),
    "bad": ("✘", f"minder dan {MID} % ingevuld", "bad"),
    "na": ("–", "niet op het formulier van dit plan", "na"),
}


def band(percent: float | None) -> str:
    """A heatmap cell: the share of a zone's actions that fill an element in."""
    if percent is None:
        return "na"
    return "good" if percent >= GOOD else "mid" if percent >= MID else "bad"


def score_class(completeness: float) -> str:
    """Colour of an action's completeness: only a complete action is good."""
    return "ok" if completeness == 100 else "warn" if completeness >= MID else "bad"


def element_name(key: str, profile: Profile) -> str:
    """'what' -> 'Wat?'; 'what.dont' -> 'niet doen'; 'evaluation.outcome' -> 'impact
    (outcome)'."""
    field, _, part = key.partition(".")
    if not part:
        try:
            return profile.field_rule(field).label
        except KeyError:
            return key
    return profile.quality.name(key, part)


def element_path(key: str, profile: Profile) -> str:
    """'what.dont' -> 'Wat? › niet doen': the element with its field, for findings."""
    field, _, part = key.partition(".")
    if not part:
        return element_name(key, profile)
    return f"{element_name(field, profile)} › {element_name(key, profile)}"


def number(value: float, decimals: int = 1) -> str:
    """Dutch decimal comma: 62.1 -> '62,1'."""
    return f"{value:.{decimals}f}".replace(".", ",")


def percent_text(value: float | None) -> str:
    return "n.v.t." if value is None else f"{number(value)} %"


def pages_text(pages: list[int], page_range: PageRange | None = None) -> str:
    """'p. 12', 'pp. 12, 13'; with unpinned lines the range they must lie in, marked:
    'pp. 24–32 (onzeker)'."""
    if page_range is not None:
        first, last = page_range.first, page_range.last
        span = f"p. {first}" if first == last else f"pp. {first}–{last}"
        return f"{span} (onzeker)"
    if not pages:
        return "onbekend"
    return ("p. " if len(pages) == 1 else "pp. ") + ", ".join(str(p) for p in pages)


# The state of a plan's timeline in the archive overview (TimelineStatus.status).
TIMELINE_STATES = {
    "table": "tabel",
    "referenced": "alleen een verwijzing",
    "image-only": "afbeelding",
    "no-table": "geen maandtabel",
    "absent": "ontbreekt",
}
