"""Time references in a claim: years, months, calendar dates and weekdays.

"June 10", "10 June" and "2022-06-10" are the same date; "on Monday" and "said Friday" are
weekdays, but a weekday right after a reporting verb dates the statement, not the event, so
it is kept apart (``said``) and never makes a contradiction. Offsets are into the text analysed.
"""

from __future__ import annotations

import functools
import re
from typing import Literal

import attrs

from claims.lexicon import lower_set, month_names, weekdays

TimeKind = Literal["year", "month", "date", "weekday"]


@attrs.frozen
class TimeRef:
    """One time reference; ``value`` is comparable across spellings ("06-10", "friday")."""

    start: int
    end: int
    text: str
    kind: TimeKind
    value: str
    said: bool = False


@functools.cache
def _months() -> dict[str, int]:
    return {name.lower(): number for name, number in month_names()}


@functools.cache
def _weekdays() -> dict[str, str]:
    table = {}
    for name, short in weekdays():
        table[name.lower()] = table[short.lower()] = name.lower()
    return table


@functools.cache
def _pattern() -> re.Pattern[str]:
    months = "|".join(sorted((m.capitalize() for m in _months()), key=len, reverse=True))
    days = "|".join(sorted((d.capitalize() for d in _weekdays()), key=len, reverse=True))
    return re.compile(
        r"\b(?P<iso>(?P<iy>\d{4})-(?P<im>\d\d)-(?P<id>\d\d))\b"
        rf"|\b(?P<md>(?P<m1>{months})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y1>\d{{4}})\b)?)"
        rf"|\b(?P<dm>(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{months})\b\.?(?:,?\s+(?P<y2>\d{{4}})\b)?)"
        rf"|\b(?P<month>{months})\b(?:\.?,?\s+(?P<y3>\d{{4}})\b)?"
        rf"|\b(?P<weekday>{days})s?\b"
        r"|(?<![\w$€£.,-])(?P<year>(?:1[89]|20)\d\d|2100)\b(?![,.]?\d|\s*(?:%|percent|million|billion))"
    )


@functools.cache
def _anchor() -> re.Pattern[str]:
    """What every time reference contains: a digit, or a month or weekday name. Most claims
    have neither, and looking for this first spares them the full pattern."""
    names = sorted((n.capitalize() for n in [*_months(), *_weekdays()]), key=len, reverse=True)
    return re.compile(rf"\d|\b(?:{'|'.join(names)})")


def find_times(text: str) -> tuple[TimeRef, ...]:
    """Every time reference in ``text``, in order."""
    if not _anchor().search(text):
        return ()
    found: list[TimeRef] = []
    for match in _pattern().finditer(text):
        start, end = match.span()
        if match["iso"]:
            month, day = int(match["im"]), int(match["id"])
            if 1 <= month <= 12 and 1 <= day <= 31:
                found.append(TimeRef(start, end, match.group(), "date", f"{month:02d}-{day:02d}"))
                found.append(TimeRef(start, end, match.group(), "year", match["iy"]))
            continue
        name = match["m1"] or match["m2"] or match["month"]
        if name == "May" and not _month_context(text, start, match):
            continue  # "May" opening a sentence is the modal
        if match["md"] or match["dm"]:
            day, year = int(match["d1"] or match["d2"]), match["y1"] or match["y2"]
            month = _months()[name.lower()]
            if 1 <= day <= 31:
                found.append(TimeRef(start, end, match.group(), "date", f"{month:02d}-{day:02d}"))
            if year:
                found.append(TimeRef(start, end, match.group(), "year", year))
        elif match["month"]:
            found.append(
                TimeRef(start, end, match.group(), "month", f"{_months()[name.lower()]:02d}")
            )
            if match["y3"]:
                found.append(TimeRef(start, end, match.group(), "year", match["y3"]))
        elif match["weekday"]:
            value = _weekdays()[match["weekday"].lower()]
            found.append(
                TimeRef(start, end, match.group(), "weekday", value, _after_saying(text, start))
            )
        else:
            found.append(TimeRef(start, end, match.group(), "year", match["year"]))
    return tuple(found)


def _month_context(text: str, start: int, match: re.Match[str]) -> bool:
    """A capitalised "May" is the month inside a sentence or before a day or year."""
    before = text[:start].rstrip()
    return bool(match["d1"] or match["d2"] or match["y3"]) or bool(
        before and before[-1] not in '.!?"“'
    )


def _after_saying(text: str, start: int) -> bool:
    words = text[:start].split()
    return bool(words) and words[-1].strip(",").lower() in lower_set("attribution_verbs.txt")


def months_of(refs: tuple[TimeRef, ...]) -> frozenset[str]:
    """The months a claim names, counting those of full dates."""
    return frozenset(r.value[:2] for r in refs if r.kind in ("month", "date"))
