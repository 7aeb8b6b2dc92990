"""Where two claims conflict, slot by slot: a figure of the same thing, a date or weekday
anchored to the articles' days, polarity (a negation or denial of what the other asserts) and
opposite predicates — each only between claims aligned enough for the slot to be one fact.
``checker.compare.relate`` turns these conflicts into verdicts."""

from __future__ import annotations

import functools
import itertools
import re
from datetime import date

from checker.compare.counted import (
    _bound_converted,
    _combined,
    _depth,
    _entities_apart,
    _record,
    _same_tally,
    _same_whole,
    measures_differ,
)
from checker.compare.directions import direction_conflict
from checker.compare.normalize import Features
from checker.compare.quantities import CONVERT_TOLERANCE, Quantity, converted, in_currencies
from checker.compare.times import event_days, months_of, publication_date
from checker.compare.words import (
    denials,
    expansion_words,
    opposites,
    past_forms,
    scope_words,
    stem,
    tallies,
)
from claims.lexicon import read_list

TIMES_ALIGN = 0.3  # similarity from which two claims' times can conflict (same proposition)


POLARITY = 0.2  # similarity from which a denial ("X denied that ...") contradicts the claim


# similarity from which a negation ("did not") or an opposite predicate ("fired" / "hired")
# contradicts: the claims must say the same but for it. On ECB+ news, such pairs below it were
# different events ("hired in 2005", "fired in 2008") or the same fact in other words.
PARAPHRASE = 0.4


QUANTIFIER_NEGATIONS = frozenset({"no", "none", "nobody", "nothing", "neither"})


_WORD = re.compile(r"[A-Za-z]+")


# days between two reports' publication within which their weekdays are compared as days.
# Further apart, the later one is often a retelling (a hearing's report six days on: "the
# bodies were found on Saturday") or carries an "updated" stamp, and its weekday need not be
# of the days just before it.
WEEKDAY_REACH = 3


# Two reports of one count differ by tens of percent (estimates, conversions, a later toll);
# figures of one unit further apart than this count different things: a part and the whole
# ("$4.2 billion in cash" of "$5.4 billion"), one player's points and another's, one raid's
# haul and the total so far. On the ECB+ archive a quarter of the number conflicts flagged
# were of this kind; none of the real ones in the tuned topics of relations-dev were.
FAR_APART = 3.0


def _conflicts(
    a: Features,
    b: Features,
    score: float,
    dates: tuple[str | None, str | None] = (None, None),
    *,
    in_articles: bool = False,
) -> list[str]:
    found = []
    number = _number_conflict(a, b)
    times = (
        _time_conflicts(a, b, dates, in_articles=in_articles)
        if number or score >= TIMES_ALIGN
        else []  # read only where they count: beside a figure, or in one proposition
    )
    if number and (
        times or _weekdays_differ(a, b) or _clocks_differ(a, b) or _futures_differ(a, b)
    ):
        times = []  # a figure and the day differ: two events, or two days of one, not one fact
    elif number:
        found.append(number)
    if score >= TIMES_ALIGN:
        found.extend(times)
    direction = None if number else direction_conflict(a.directions, b.directions)
    if direction and not two_moments(a, b, dates, in_articles=in_articles):
        found.append(direction)  # else a place and the day differ: two events
    opposite = _opposite(a, b)
    if a.negations or b.negations:
        a_negated, b_negated = a.negated(_reach(b)), b.negated(_reach(a))
    else:
        a_negated = b_negated = False
    if a_negated != b_negated and not opposite:
        negated, other = (a, b) if a_negated else (b, a)
        cue = negated.negation_cue(_reach(other))
        if _one_assertion(negated, other) and _polarity_aligned(cue, other, score):
            kind = "denial" if cue == negated.denial else "negation"
            found.append(f"{kind} vs assertion: “{cue}”")
    elif opposite and a_negated == b_negated and score >= PARAPHRASE:
        found.append(f"opposite predicates: {opposite[0]} vs {opposite[1]}")
    return found


# A time of day: "7:48 a.m.", "2: 09 a. m." (wire copy spaces it), "16:30", "1100 hrs".
_CLOCK = re.compile(
    r"\b([01]?\d|2[0-3])\s?[:.]\s?([0-5]\d)\s*(?:([ap])\.?\s?m\b\.?)?"
    r"|\b([01]\d|2[0-3])([0-5]\d)\s?(?:hrs|hours|GMT|IST|UTC)\b",
    re.I,
)


@functools.lru_cache(maxsize=1 << 14)
def _clocks(text: str) -> frozenset[tuple[int, int]]:
    """The times of day a claim names, as (hour, minute) on a 24-hour clock; a decimal such as
    "4.6" is no time (it needs a.m./p.m. or a colon to be read as one)."""
    found = set()
    for match in _CLOCK.finditer(text):
        if match[1] is not None:
            hour, minute, half = int(match[1]), int(match[2]), (match[3] or "").lower()
            if ":" not in match.group() and not half:
                continue
            if half == "p" and hour < 12:
                hour += 12
            elif half == "a" and hour == 12:
                hour = 0
        else:
            hour, minute = int(match[4]), int(match[5])
        found.add((hour, minute))
    return frozenset(found)


def _clocks_differ(a: Features, b: Features) -> bool:
    """Both claims name a time of day and no time of one is in the other: beside a figure that
    differs, they tell of two events ("the quake struck at 7:48 a.m. ... 75 km west" and "the
    first quake struck at 4:43 a.m. ... at a depth of 35 km"), not one fact told two ways."""
    ours, theirs = _clocks(a.text), _clocks(b.text)
    return bool(ours and theirs) and not ours & theirs


def _futures_differ(a: Features, b: Features) -> bool:
    """One claim tells of what is to come ("will miss the final two games") and the other of
    what was ("missed four games earlier this season"): figures of two times. A claim in the
    present ("the 15-inch starts at $1,799") may state what the other announces."""
    future = _whole_words("future_markers.txt")
    ahead = (bool(future.search(a.text)), bool(future.search(b.text)))
    if ahead[0] == ahead[1]:
        return False
    return _past(b if ahead[0] else a)


_PAST = frozenset({"was", "were", "had", "did"})


def _past(item: Features) -> bool:
    """Whether a claim has a verb in the past: "was", "had", an irregular past ("rose") or a
    word in "-ed"."""
    words = [word.lower() for word in _WORD.findall(item.text)]
    return any(w in _PAST or w in past_forms() or (len(w) > 4 and w.endswith("ed")) for w in words)


def two_moments(
    a: Features, b: Features, dates: tuple[str | None, str | None], *, in_articles: bool
) -> bool:
    """The claims date what they state differently: a date, weekday or time of day."""
    return bool(
        _time_conflicts(a, b, dates, in_articles=in_articles)
        or _weekdays_differ(a, b)
        or _clocks_differ(a, b)
    )


def two_places_and_moments(
    a: Features, b: Features, dates: tuple[str | None, str | None], *, in_articles: bool
) -> bool:
    """A direction from one place and the day both differ ("Dec. 30, three miles east of The
    Geysers", "In June 2012 ... one mile north of The Geysers"): two events, which neither
    agree nor contradict."""
    return bool(a.directions and b.directions) and (
        direction_conflict(a.directions, b.directions) is not None
        and two_moments(a, b, dates, in_articles=in_articles)
    )


def _number_conflict(a: Features, b: Features) -> str | None:
    """The figure in which two claims differ, as a reason. Claims that each list figures of
    several things and differ in more than one of them ("six rifles, 12 magazines" and "14
    rifles, 31 magazines") list the hauls of two operations, not one fact twice."""
    if not (a.quantities and b.quantities) or not _figures_comparable(a, b):
        return None
    if (_pronoun_led(a) or _pronoun_led(b)) and not a.entities & b.entities:
        return None  # "He grabbed seven rebounds": whose, the claims do not say
    if _entities_apart(a, b) or measures_differ(a, b):
        return None
    differing = []
    for unit in dict.fromkeys(q.unit for q in a.quantities if q.unit):
        pairs = [
            (x, y)
            for x in a.quantities
            if x.unit == unit
            for y in b.quantities
            if y.unit == unit
            and _same_tally(a, x, b, y)
            and _same_whole(a, x, b, y)
            and _combined(a.text, x) == _combined(b.text, y)
            and _depth(a.text, x) == _depth(b.text, y)
            and _record(a.text, x) == _record(b.text, y)
            and not (_bound_converted(a, x) or _bound_converted(b, y))
        ]
        if pairs and all(_differ(a, x, b, y) for x, y in pairs):
            # name the closest two figures: "12 vs 15 hospitalized", not "12 vs 41 ill"
            differing.append(min(pairs, key=lambda p: abs(p[0].value - p[1].value)))
    if not differing:
        return None
    x, y = differing[0]
    if _far_apart(x, y):
        return None
    if _owned_apart(_owners(a, x), _owners(b, y)):
        return None  # "the Retina model costs $2,199", "the MacBook Air $1,499": two things
    if (
        len(differing) > 1
        and _listed(a, [x for x, _ in differing])
        and _listed(b, [y for _, y in differing])
    ):
        return None
    return f"number differs: {x.text} vs {y.text} ({x.label()})"


_LIST_JOIN = re.compile(r"[^.;:]{0,30}?(?:,|\band\b)[^.;:]{0,12}")


@functools.cache
def _pronouns() -> frozenset[str]:
    return frozenset(read_list("pronouns.txt", "checker"))


def _pronoun_led(item: Features) -> bool:
    """The claim opens with a pronoun: its subject is named elsewhere."""
    first = _WORD.search(item.text)
    return first is not None and first.group().lower() in _pronouns()


def _differ(a: Features, x: Quantity, b: Features, y: Quantity) -> bool:
    """The figures conflict, beyond the rounding of a conversion: "58 km (36 miles)" against
    "35 miles" is one distance, each converted and rounded by its writer."""
    if not x.conflicts(y):
        return False
    close = abs(x.value - y.value) <= CONVERT_TOLERANCE * max(abs(x.value), abs(y.value))
    return not (close and (_with_conversion(a, x) or _with_conversion(b, y)))


def _with_conversion(item: Features, quantity: Quantity) -> bool:
    """The claim gives ``quantity`` in another unit of its measure as well, or in another
    currency: "euro110 billion ($141 billion)" against "$144 billion" is one sum, converted."""
    return any(
        other.unit != quantity.unit
        and (converted(quantity, other) or in_currencies(quantity, other))
        for other in item.quantities
    )


def _listed(item: Features, figures: list[Quantity]) -> bool:
    """The figures follow each other in one list: "six AK-47 rifles, 12 magazines and ..."."""
    spans = sorted((q.start, q.end) for q in figures)
    return all(
        _LIST_JOIN.fullmatch(item.text, first[1], second[0])
        for first, second in itertools.pairwise(spans)
    )


_CLAUSE_BREAK = re.compile(r"[,;:()\u2014\u2013]|\s-\s|\b(?:and|but|while|whereas)\b")


def _owners(item: Features, quantity: Quantity) -> tuple[frozenset[str], frozenset[str]]:
    """The names in the clause of a figure, ahead of it and in all of it: whose points,
    which product's price."""
    text = item.text
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, quantity.start)]
    start = breaks[-1] if breaks else 0
    after = _CLAUSE_BREAK.search(text, quantity.end)
    end = after.start() if after else len(text)

    def names(part: str) -> frozenset[str]:
        return frozenset(w.lower() for w in _WORD.findall(part) if w.lower() in item.entities)

    return names(text[start : quantity.start]), names(text[start:end])


def _owned_apart(
    a: tuple[frozenset[str], frozenset[str]], b: tuple[frozenset[str], frozenset[str]]
) -> bool:
    """The two figures belong to different named things: the names ahead of each figure in
    its clause (its subject: "Ty Lawson chipped in 16 points for the Tar Heels" and "Shy Ely
    put up 23 points against the Tar Heels") where both clauses have some, else the names of
    the whole clauses."""
    (a_ahead, a_clause), (b_ahead, b_clause) = a, b
    if a_ahead and b_ahead:
        return not a_ahead & b_ahead
    return bool(a_clause and b_clause) and not a_clause & b_clause


def _far_apart(x: Quantity, y: Quantity) -> bool:
    """The two figures differ by more than ``FAR_APART`` times."""
    low, high = sorted((abs(x.value), abs(y.value)))
    return high > FAR_APART * low


def _figures_comparable(a: Features, b: Features, *, tally: bool = False) -> bool:
    """Whether the two claims' figures can count the same thing at the same time: neither
    names a figure the other also has (then the other figures count something else: "12 were
    Somali and 11 Yemeni"), only one of them counts over a wider scope ("a total of", "so
    far"), and they name no different years ("In 2004 the tsunami killed 230,000")."""
    values_a = {q.value for q in a.quantities}
    values_b = {q.value for q in b.quantities}
    if values_a & values_b:
        return False
    if bool(a.content & scope_words()) != bool(b.content & scope_words()):
        return False
    years_a = {t.value for t in a.times if t.kind == "year" and not t.said}
    years_b = {t.value for t in b.times if t.kind == "year" and not t.said}
    if years_a and years_b:
        return bool(years_a & years_b)
    # a toll dated in one claim only is a past disaster named as background
    return not (tally or a.content & tallies()) or years_a == years_b


def _one_assertion(negated: Features, other: Features) -> bool:
    """Whether the negation can deny what ``other`` asserts: ``other`` negates nothing itself
    ("we are not competing" and "we are not intending to compete" both deny), and every name
    in the negated claim (in what a denial denies) is in ``other`` too, so the negation is about its participants ("Ross
    wasn't signed on" does not deny that the other stars are; "LaRue denied that he was Deep
    Throat" does not deny "the myth that surrounded Deep Throat"). A plea ("pleaded not
    guilty") answers a charge; it denies no other report (``pleas.txt``)."""
    if other.negations or _pleas().search(negated.text) or _refusals().search(other.text):
        return False  # "they declined to make an offer" denies as "they have not made one"
    if _HEDGED.search(other.text) or _unsaid(negated):
        return False  # "X could have been Deep Throat" asserts nothing a denial can deny;
        # "they haven't said when" reports no answer, not that the thing is false
    if negated.denial and _accusations().search(other.text):
        return False  # "a man denied arson" answers "a man was charged with arson"
    names = negated.entities
    if negated.denial:  # who denies is not in what is denied: "Port officials denied that ..."
        after = negated.text[negated.text.find(negated.denial) + len(negated.denial) :].lower()
        subject = _WORD.findall(after)[:2]
        if not set(subject) & _pronouns():  # "X denied that he was ...": X is denied too
            names = frozenset(e for e in names if re.search(rf"\b{re.escape(e)}\b", after))
    return all(e in other.entities or stem(e) in other.content for e in names)


@functools.cache
def _pleas() -> re.Pattern[str]:
    return re.compile("|".join(read_list("pleas.txt", "checker")), re.I)


# a claim that something may be so: a denial or a negation does not contradict it
_HEDGED = re.compile(r"\b(?:could|might|may)\s+(?:have\s+been|be|have)\b", re.I)


def _unsaid(item: Features) -> bool:
    """The claim's negation is of saying ("haven't said when", "did not confirm") or of news
    ("there are no reports of injuries", "no immediate word on casualties"): what was not yet
    known when it was written, which a report that knows more does not contradict."""
    return _saying().search(item.text) is not None or _NO_NEWS.search(item.text) is not None


_NO_NEWS = re.compile(
    r"\bno\s+(?:\w+\s+){0,2}?(?:reports?|word|news|information|indications?|confirmation)"
    r"\s+(?:of|on|about|yet|so\s+far)\b",
    re.I,
)


@functools.cache
def _saying() -> re.Pattern[str]:
    verbs = "|".join(read_list("attribution_verbs.txt"))
    return re.compile(
        rf"\b(?:not|never|\w+n[’']t)\s+(?:yet\s+|been\s+|publicly\s+)?(?:{verbs})\b", re.I
    )


def _accusations() -> re.Pattern[str]:
    return _whole_words("accusations.txt")


def _refusals() -> re.Pattern[str]:
    return _whole_words("refusals.txt")


@functools.cache
def _whole_words(name: str) -> re.Pattern[str]:
    """The regular expressions of a ``checker/data`` list as one pattern of whole words."""
    return re.compile(rf"\b(?:{'|'.join(read_list(name, 'checker'))})\b", re.I)


def _polarity_aligned(cue: str, other: Features, score: float) -> bool:
    """Whether a negation denies what the other claim asserts rather than something beside
    it: "no one was killed" against a count ("12 were killed"); otherwise the two claims must
    be alike enough to state one proposition (``PARAPHRASE``; a denial ``POLARITY``), so
    that "police did not have suspects" does not contradict every claim about the police and
    suspects."""
    quantifier = cue.lower() in QUANTIFIER_NEGATIONS
    if quantifier and other.quantities and other.content & tallies():
        return True  # "no one was killed" against "12 were killed": the same tally counted
    if cue.lower() in denials():
        return score >= POLARITY
    return score >= PARAPHRASE


def _polarity_differs(a: Features, b: Features) -> bool:
    """One claim negates what the other asserts (an opposite predicate cancelling it out)."""
    if not (a.negations or b.negations):
        return False
    if a.negated(_reach(b)) == b.negated(_reach(a)):
        return False
    return _opposite(a, b) is None


def _reach(item: Features) -> frozenset[str]:
    """The concepts a negation in another claim may bear on: this claim's and the opposites
    of its predicates ("did not rise" bears on "fell")."""
    if not item.predicates:
        return item.content
    table = opposites()
    return item.content.union(*(table[p] for p in item.predicates))


def _time_conflicts(
    a: Features,
    b: Features,
    dates: tuple[str | None, str | None] = (None, None),
    *,
    in_articles: bool = False,
) -> list[str]:
    """The first time slot in which two claims differ. In articles, weekdays are compared
    only as days anchored to both articles' publication dates: "Tuesday" in two reports of
    unknown days need not be one day."""
    if not (a.times and b.times):
        return []
    published = _published(dates[0]), _published(dates[1])
    if published[0] and published[1]:
        # Anchored to the articles' days: "Saturday" in Monday's paper is the 1st when the
        # other report says "March 1"; only days that differ once anchored conflict.
        # a weekday is read from the day of its article only between reports a few days
        # apart: a later retelling or an "updated" stamp weeks on moves the anchor
        near = abs((published[0] - published[1]).days) <= WEEKDAY_REACH
        days_a = event_days(a.times, published[0], weekdays_too=near)
        days_b = event_days(b.times, published[1], weekdays_too=near)
        # a day read from the report's day ("yesterday", "this morning") may still be the one
        # the other report names, but never makes a conflict of its own: reports are dated a
        # day late, and reprints carry their own dates
        own_a = event_days(a.times, published[0], weekdays_too=near, relative=False)
        own_b = event_days(b.times, published[1], weekdays_too=near, relative=False)
        if own_a and own_b:
            if days_a & days_b:
                return []
            ta = next(t.text for t in a.times if t.kind in ("weekday", "date") and not t.said)
            tb = next(t.text for t in b.times if t.kind in ("weekday", "date") and not t.said)
            return [f"day differs: {ta} ({min(own_a)}) vs {tb} ({min(own_b)})"]
    slots = [("date", "date"), ("weekday", "day"), ("month", "month"), ("year", "year")]
    if in_articles:
        slots.remove(("weekday", "day"))
    if _unanchored_day(a) or _unanchored_day(b):
        # "on Tuesday and ... today" in a report of unknown date: its days are not only Tuesday
        slots = [slot for slot in slots if slot[0] not in ("date", "weekday")]
    for kind, label in slots:
        if kind == "month":
            va, vb = months_of(a.times), months_of(b.times)
        else:
            va = frozenset(t.value for t in a.times if t.kind == kind and not t.said)
            vb = frozenset(t.value for t in b.times if t.kind == kind and not t.said)
        if va and vb and not va & vb:
            ta = next(t.text for t in a.times if t.kind in (kind, "date") and not t.said)
            tb = next(t.text for t in b.times if t.kind in (kind, "date") and not t.said)
            return [f"{label} differs: {ta} vs {tb}"]
    return []


@functools.lru_cache(maxsize=4096)
def _published(value: str | None) -> date | None:
    return publication_date(value)


def _unanchored_day(item: Features) -> bool:
    """The claim names a day from its report's ("yesterday") besides the days it names."""
    return any(t.kind == "relative" and not t.said for t in item.times)


def _weekdays_differ(a: Features, b: Features) -> bool:
    if _unanchored_day(a) or _unanchored_day(b):
        return False
    days_a = {t.value for t in a.times if t.kind == "weekday" and not t.said}
    days_b = {t.value for t in b.times if t.kind == "weekday" and not t.said}
    return bool(days_a and days_b) and not days_a & days_b


def _opposite(a: Features, b: Features) -> tuple[str, str] | None:
    table = opposites()
    for concept in a.predicates - b.predicates:
        for other in table[concept] & (b.predicates - a.predicates):
            return _surface(a, concept), _surface(b, other)
    return None


def _surface(item: Features, concept: str) -> str:
    return item.surfaces.get(concept) or expansion_words().get(concept, concept)
