"""The compass slot of a claim: where something lies from a named place ("55 km south of
Bireun", "west of the town of Bireun"). Two claims that place something in directions with no
point in common from the same place ("south" and "west"; not "south" and "southwest") differ
in that slot."""

from __future__ import annotations

import re

_POINTS = r"north|south|east|west"
_DIRECTION = re.compile(
    rf"\b(?P<first>{_POINTS})(?:[- ]?(?P<second>east|west))?(?:ern|ward)?\s+of\s+"
    r"(?:the\s+)?(?:(?:town|city|village|port|capital|island|province|region)\s+of\s+)?"
    r"(?P<place>[A-Z][\w-]+)",
    re.I,
)


Direction = tuple[str, str, frozenset[str]]  # place, the direction as written, its points


def directions(text: str) -> tuple[Direction, ...]:
    """Each place a direction is given from (the first direction given from it), with the
    direction as written and the compass points it names: "southwest of Bandar Abbas" →
    ``("bandar", "southwest", {"south", "west"})``. Read once per claim
    (``checker.compare.normalize.Features.directions``)."""
    found: dict[str, Direction] = {}
    for match in _DIRECTION.finditer(text):
        if not match["place"][:1].isupper():
            continue  # "south of the river": no named place
        points = frozenset(p.lower() for p in (match["first"], match["second"]) if p)
        written = text[
            match.start() : match.end("second") if match["second"] else match.end("first")
        ]
        found.setdefault(match["place"].lower(), (match["place"].lower(), written, points))
    return tuple(found.values())


def direction_conflict(a: tuple[Direction, ...], b: tuple[Direction, ...]) -> str | None:
    """The reason two claims' directions (``directions``) differ from one place, if they do."""
    theirs = {place: (written, points) for place, written, points in b}
    for place, written, points in a:
        if place in theirs and not points & theirs[place][1]:
            return f"direction differs: {written} vs {theirs[place][0]} (of {place.title()})"
    return None
