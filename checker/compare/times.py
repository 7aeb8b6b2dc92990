"""Time references in a claim: years, months, calendar dates and weekdays.

"June 10", "10 June" and "2022-06-10" are the same date; "on Monday" and "said Friday" are
weekdays, but a weekday right after a reporting verb dates the statement, not the event, so
it is kept apart (``said``) and never makes a contradiction. Offsets are into the text analysed.
"""

from __future__ import annotations

import functools
import re
from datetime import date, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Literal

import attrs

from claims.lexicon import lower_set, month_names, read_list, weekdays

TimeKind = Literal["year", "month", "date", "weekday", "relative"]


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
def _relative() -> dict[str, str]:
    """Phrases that name a day from the report's ("yesterday"), with its offsets."""
    table = {}
    for line in read_list("relative_days.txt", "checker"):
        phrase, _, offsets = line.partition(":")
        table[" ".join(phrase.lower().split())] = offsets.strip()
    return table


def _relative_pattern() -> str:
    return "|".join(r"\s+".join(p.split()) for p in sorted(_relative(), key=len, reverse=True))


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
        rf"|\b(?P<relative>(?i:{_relative_pattern()}))\b(?!['’]s)"
        r"|(?<![\w$€£.,-])(?P<year>(?:1[89]|20)\d\d|2100)\b(?![,.]?\d|\s*(?:%|percent|million|billion))"
    )


@functools.cache
def _anchor() -> re.Pattern[str]:
    """What every time reference contains: a digit, or a month or weekday name. Most claims
    have neither, and looking for this first spares them the full pattern."""
    names = sorted((n.capitalize() for n in [*_months(), *_weekdays()]), key=len, reverse=True)
    return re.compile(rf"\d|\b(?:{'|'.join(names)})|(?i:{_relative_pattern()})")


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
            said = _after_saying(text, start)  # "ITAR-TASS reported September 26": the report's
            if 1 <= day <= 31:
                value = f"{month:02d}-{day:02d}"
                found.append(TimeRef(start, end, match.group(), "date", value, said))
            if year:
                found.append(TimeRef(start, end, match.group(), "year", year, said))
        elif match["month"]:
            found.append(
                TimeRef(start, end, match.group(), "month", f"{_months()[name.lower()]:02d}")
            )
            if match["y3"]:
                found.append(TimeRef(start, end, match.group(), "year", match["y3"]))
        elif match["weekday"] or match["relative"]:
            found.append(_day_ref(text, match))
        else:
            found.append(TimeRef(start, end, match.group(), "year", match["year"]))
    return tuple(found)


def _day_ref(text: str, match: re.Match[str]) -> TimeRef:
    """A weekday ("Monday") or a day named from the report's ("yesterday"); next to a
    reporting verb ("said Friday", "officials said today") it dates the report."""
    start, end = match.span()
    said = _after_saying(text, start)
    if match["weekday"]:
        value = _weekdays()[match["weekday"].lower()]
        return TimeRef(start, end, match.group(), "weekday", value, said)
    value = _relative()[" ".join(match["relative"].lower().split())]
    return TimeRef(start, end, match.group(), "relative", value, said)


def _month_context(text: str, start: int, match: re.Match[str]) -> bool:
    """A capitalised "May" is the month inside a sentence or before a day or year."""
    before = text[:start].rstrip()
    return bool(match["d1"] or match["d2"] or match["y3"]) or bool(
        before and before[-1] not in '.!?"“'
    )


def _after_saying(text: str, start: int) -> bool:
    """A weekday or a date next to a reporting verb dates the report: "said Friday", "the
    navy on Monday confirmed", "reported September 26"."""
    verbs = lower_set("attribution_verbs.txt")
    words = text[:start].split()
    if words and words[-1].strip(",").lower() in verbs:
        return True
    after = text[start:].split()[1:2]
    return bool(after) and after[0].strip(",.").lower() in verbs


def months_of(refs: tuple[TimeRef, ...]) -> frozenset[str]:
    """The months a claim's events fall in, counting those of full dates (not a report's:
    "reported September 26")."""
    return frozenset(r.value[:2] for r in refs if r.kind in ("month", "date") and not r.said)


def publication_date(value: str | None) -> date | None:
    """The day an article was published, from its metadata or dateline as written
    ("2026-11-20", "2026-11-20T08:00Z", "March 3, 2024", "3 March 2024", "Tue, 05 Jan 2010
    10:00:00 GMT"); ``None`` when there is none or it cannot be read."""
    if not value or not value.strip():
        return None
    text = value.strip()
    iso = re.match(r"(\d{4})-(\d\d)-(\d\d)", text)
    if iso:
        try:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    found = [ref for ref in find_times(text.title()) if ref.kind in ("date", "year")]
    days = [ref.value for ref in found if ref.kind == "date"]
    years = [ref.value for ref in found if ref.kind == "year"]
    if not (days and years):
        return None
    try:
        return datetime.strptime(f"{years[0]}-{days[0]}", "%Y-%m-%d").date()
    except ValueError:
        return None


# A date without a year later than the article is taken to be of the year before only if
# that puts it within this many days before the article ("December 30" in a January paper);
# further back, it is more likely a day ahead ("the election is scheduled for December 15").
YEAR_BACK_DAYS = 183


def event_days(
    refs: tuple[TimeRef, ...], published: date, *, weekdays_too: bool = True, relative: bool = True
) -> frozenset[date]:
    """The days a claim's weekdays and dates name, read from the day its article was
    published: a weekday is the last such day on or before it ("Saturday" in a Monday paper
    is two days before), a date without a year is in the year that puts it on or before the
    publication (give or take a day) and at most ``YEAR_BACK_DAYS`` before it, unless the
    claim gives its year ("October 5, 2013").
    Days read from the report's ("yesterday", "last night") are its day or the days around it;
    they are left out without ``relative``. Weekdays that date the report are left out, and all
    weekdays without ``weekdays_too``."""
    days: set[date] = set()
    years = {ref.start: int(ref.value) for ref in refs if ref.kind == "year"}
    # one year named in the claim dates its other days too: "its fiscal 2008 quarter, which
    # ends January 31"
    only = set(years.values())
    claim_year = only.pop() if len(only) == 1 else None
    for ref in refs:
        if ref.said:
            continue
        if ref.kind == "relative":
            if relative:
                days.update(published + timedelta(days=int(step)) for step in ref.value.split())
        elif ref.kind == "weekday" and weekdays_too:
            names = [name.lower() for name, _ in weekdays()]
            back = (published.weekday() - names.index(ref.value)) % 7
            days.add(published - timedelta(days=back))
        elif ref.kind == "date":
            month, day = (int(part) for part in ref.value.split("-"))
            year = years.get(ref.start, claim_year or published.year)
            try:
                found = date(year, month, day)
                if claim_year is None and found > published + timedelta(days=1):
                    found = date(year - 1, month, day)
                    if published - found > timedelta(days=YEAR_BACK_DAYS):
                        continue  # "scheduled for December 15" in September: ahead, not back
            except ValueError:
                continue
            days.add(found)
    return frozenset(days)
