"""The compass slot of a claim: where something lies from a named place ("55 km south of
Bireun", "west of the town of Bireun"). Two claims that place something in directions with no
point in common from the same place ("south" and "west"; not "south" and "southwest") differ
in that slot."""

from __future__ import annotations

import functools
import re

_POINTS = r"north|south|east|west"
_DIRECTION = re.compile(
    rf"\b(?P<first>{_POINTS})(?:[- ]?(?P<second>east|west))?(?:ern|ward)?\s+of\s+"
    r"(?:the\s+)?(?:(?:town|city|village|port|capital|island|province|region)\s+of\s+)?"
    r"(?P<place>[A-Z][\w-]+)",
    re.I,
)


@functools.lru_cache(maxsize=16384)
def directions(text: str) -> dict[str, tuple[str, frozenset[str]]]:
    """Each place a direction is given from, as written, with the compass points it names:
    "southwest of Bandar Abbas" → ``{"bandar": ("southwest", {"south", "west"})}``."""
    found: dict[str, tuple[str, frozenset[str]]] = {}
    for match in _DIRECTION.finditer(text):
        if not match["place"][:1].isupper():
            continue  # "south of the river": no named place
        points = frozenset(p.lower() for p in (match["first"], match["second"]) if p)
        written = text[
            match.start() : match.end("second") if match["second"] else match.end("first")
        ]
        found.setdefault(match["place"].lower(), (written, points))
    return found


def direction_conflict(a: str, b: str) -> str | None:
    """The reason two claims differ in direction from one place, if they do."""
    theirs = directions(b)
    for place, (written, points) in directions(a).items():
        if place in theirs and not points & theirs[place][1]:
            return f"direction differs: {written} vs {theirs[place][0]} (of {place.title()})"
    return None
