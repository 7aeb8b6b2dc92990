"""Quantities in a claim: sums of money, counts, percentages, each with its unit and bounds.

"$700M", "$700 million" and "700 million dollars" are all 7e8 dollars; "100,000 vans" counts
vehicles; "about 20 percent" is 18–22 percent; "more than 700 jobs" is anything above 700;
"thousands of workers" is 2,000–999,999 people. Two quantities conflict when they have the
same unit and their bounds cannot both hold. Offsets are into the text analysed.
"""

from __future__ import annotations

import functools
import math
import re

import attrs

from checker.compare.words import TOKEN, pairs, stem, stopwords
from claims.lexicon import lower_set, month_names, read_list

# Wire copy detokenised by a machine writes "150, 000", "2, 117 points" and "2. 5 million": a
# group of three digits after ", " that opens with 0, follows a currency sign, or is followed
# by a word ("points", "people"; not after a month: "Sept. 19, 186 people" is a date and a
# count, see ``_pattern``), and a decimal part after ". ", belong to the number.
_WIRE_GROUP = r"\d{1,3}(?:, \d{3})+(?=\s+[a-z])"
_GROUPED = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:, 0\d\d)+(?!\d)"
_FRACTIONS = {"½": 1 / 2, "¼": 1 / 4, "¾": 3 / 4, "⅓": 1 / 3, "⅔": 2 / 3}
_PLAIN = (
    r"(?:(?<=[$€£])|(?<=[$€£] ))\d{1,3}(?:, \d{3})+(?!\d)"
    r"|\d+\. \d(?=\d*\s*(?:million|billion|m\b|bn\b|%|per))|\d+(?:\.\d+)?|\.\d+"
)
_MAGNITUDE_BEFORE = re.compile(r"\bmagnitude[\s-]+$", re.I)
# A quake's magnitude as wire copy writes it: "magnitude 7.6", "magnitude-6.1", "a magnitude
# of 4.6", "6.1-magnitude", "a 4. 2 magnitude quake" (detokenised), "a 7.6 quake", "6.1 on the
# Richter scale", and "measuring 4.6" in a claim about a quake (``quake_words.txt``).
_MAGNITUDE_VALUE = r"\d(?:\.\s?\d\d?)?(?!\d|,\d|\.\s?\d)"
_MAGNITUDE = re.compile(
    rf"\bmagnitude(?:[\s-]+of)?[\s-]+(?P<after>{_MAGNITUDE_VALUE})"
    r"|(?<![\d.,])(?P<before>\d\.\s?\d\d?)(?:-|\s+)"
    r"(?:magnitude|(?:earth)?quake|temblor|on\s+the\s+richter)\b"
    rf"|\bmeasur(?:ing|ed)\s+(?:at\s+)?(?P<measured>{_MAGNITUDE_VALUE})(?!\s+on\s+the\s+richter)",
    re.I,
)
_MAGNITUDE_HINT = re.compile(r"agnitude|ichter|easur|quake|temblor", re.I)
_DEMONYMS = ("ians", "ans", "ese", "is")  # Palestinians, Americans, Chinese, Israelis
_AGE = re.compile(r"\s+years?[- ]old\b", re.I)
_SPACED_TIME = re.compile(r"\d: \d\d")
_YEAR = re.compile(r"(?:1[89]|20)\d\d|2100")
_ABOUT = 0.1
_NEARLY = 0.15


@attrs.frozen
class Quantity:
    """A number as written, its value and bounds, and what it counts."""

    start: int
    end: int
    text: str
    value: float
    low: float
    high: float
    unit: str
    noun: str
    span: bool = False  # a stated range ("between 4.5% and 4.75%"), not one uncertain value

    def conflicts(self, other: Quantity) -> bool:
        """Same unit, and no value fits both; two stated ranges conflict unless they are the
        same range ("4.25% to 4.5%" against "4.5% to 4.75%")."""
        if self.unit != other.unit:
            return False
        if self.span and other.span:
            return (self.low, self.high) != (other.low, other.high)
        return self.high < other.low or other.high < self.low

    def same_figure(self, other: Quantity) -> bool:
        """The same number of the same thing: the values written are equal, or one is inside
        the other's stated range. "about 55" is not "about 65", nor "at least 4" "at least
        149", though their bounds overlap."""
        if self.unit != other.unit:
            return converted(self, other)
        if self.value == other.value:
            return True
        return (self.span and self.low <= other.value <= self.high) or (
            other.span and other.low <= self.value <= other.high
        )

    def label(self) -> str:
        return self.noun or self.unit


CONVERT_TOLERANCE = 0.05  # relative: a converted figure rounded by the writer


@functools.cache
def _conversions() -> dict[tuple[str, str], float]:
    table = {}
    for line in read_list("conversions.txt", "checker"):
        unit, other, factor = line.split()
        table[(unit, other)] = float(factor)
        table[(other, unit)] = 1 / float(factor)
    return table


def converted(a: Quantity, b: Quantity) -> bool:
    """Whether two figures in units of one measure are the same once converted."""
    factor = _conversions().get((a.unit, b.unit))
    if factor is None or not b.value:
        return False
    return abs(a.value * factor - b.value) <= CONVERT_TOLERANCE * abs(b.value)


def in_currencies(a: Quantity, b: Quantity) -> bool:
    """Whether two figures are sums in two different currencies ("euro110 billion ($141
    billion)"): a writer's conversion at a rate of the day, which no table here holds."""
    money = frozenset(_tables()[0].values())
    return a.unit != b.unit and a.unit in money and b.unit in money


@functools.cache
def _tables() -> tuple[dict[str, str], dict[str, float], dict[str, str], dict[str, str]]:
    currencies = {symbol.lower(): unit for symbol, unit in pairs("currencies.txt").items()}
    scales = {word: float(value) for word, value in pairs("scales.txt").items()}
    approx = {}
    for line in read_list("approximations.txt", "checker"):
        phrase, _, bound = line.rpartition(" ")
        approx[phrase] = bound
    units = {
        stem(noun) if noun.isalpha() else noun: unit for noun, unit in pairs("units.txt").items()
    }
    return currencies, scales, approx, units


COMPOUND_HEAD = 5  # letters a counted noun needs to be found at the end of a compound
COMPOUND_UNITS = frozenset({"people", "vehicles"})  # "steelworkers", "firetrucks"; not "investor"


@functools.lru_cache(maxsize=1 << 14)
def compound_head(concept: str) -> str:
    """The counted noun a compound ends with ("dockworker" → worker, "firetruck" → truck), or
    ``""``: a dockworker is counted as a worker is."""
    units = _tables()[3]
    if concept in units:
        return ""
    for cut in range(3, len(concept) - COMPOUND_HEAD + 1):
        if units.get(concept[cut:]) in COMPOUND_UNITS:
            return concept[cut:]
    return ""


@functools.cache
def _number_words() -> dict[str, tuple[float, float]]:
    table = {}
    for line in read_list("number_words.txt", "checker"):
        word, *bounds = line.split()
        low = float(bounds[0])
        table[word] = (low, float(bounds[1]) if len(bounds) > 1 else low)
    return table


@functools.cache
def _pattern() -> re.Pattern[str]:
    currencies, scales, approx, _ = _tables()
    symbols = sorted((c for c in currencies if not c.isalpha()), key=len, reverse=True)
    words = sorted((c for c in currencies if c.isalpha()), key=len, reverse=True)
    scale_words = sorted(scales, key=len, reverse=True)
    long_scales = "|".join(s for s in scale_words if len(s) > 2)
    short_scales = "|".join(s for s in scale_words if len(s) <= 2)
    approx_words = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in approx)
    number_words = "|".join(sorted(_number_words(), key=len, reverse=True))
    not_a_day = "".join(
        rf"(?<!{re.escape(name)}{dot} )" for name, _ in month_names() for dot in ("", ".")
    )
    number = "|".join((_GROUPED, not_a_day + _WIRE_GROUP, _PLAIN))
    return re.compile(
        rf"(?:\b(?P<approx>{approx_words})\s+)?"
        # wire copy glues a currency word to its figure: "euro110 billion"
        rf"(?:(?P<currency>{'|'.join(map(re.escape, symbols))}|\b(?-i:{'|'.join(words)})(?=\d))\s?)?"
        rf"(?:(?P<number>{number})(?P<fraction>[{''.join(_FRACTIONS)}])?|\b(?P<word>(?:a\s+)?(?:{number_words}))\b)"
        rf"(?:(?:(?:\s*|-)(?P<scale>{long_scales})\b)|(?P<suffix>{short_scales})\b)?"
        rf"(?:\s*(?P<unit>%|(?:per\s?cent|percent|pct)\b|(?:{'|'.join(words)})\b))?",
        re.IGNORECASE,
    )


@functools.cache
def _anchor() -> re.Pattern[str]:
    """What every quantity contains: a digit or a number word. Most claims have neither, and
    looking for this first spares them the full pattern, which is tried at every position."""
    words = "|".join(sorted(_number_words(), key=len, reverse=True))
    return re.compile(rf"\d|\b(?:{words})\b", re.IGNORECASE)


def find_quantities(text: str) -> tuple[Quantity, ...]:
    """Every quantity in ``text``, in order. Years, times and model numbers are not quantities."""
    if not _anchor().search(text):
        return ()
    currencies, scales, approx, units = _tables()
    magnitudes = _magnitudes(text)
    found: list[Quantity] = []
    for match in _pattern().finditer(text):
        number, word = match["number"], match["word"]
        if _overlaps(match, magnitudes) or (
            number is not None and not _is_quantity(text, match, number)
        ):
            continue  # read as a magnitude, or not a quantity
        if word is not None and text[max(0, match.start("word") - 1) : match.start("word")] == "-":
            continue  # the units of "Sixty-five": not five (a compound is not read as one)
        if word is not None:
            low, high = _number_words()[_word_read(text, match)]
        else:
            low = high = float(number.replace(",", "").replace(" ", ""))
            low = high = low + _FRACTIONS.get(match["fraction"] or "", 0.0)  # "3½ minutes"
        scale = (match["scale"] or match["suffix"] or "").lower()
        if scale and (match["suffix"] is None or match["currency"]):
            low, high = low * scales[scale], high * scales[scale]
        elif match["suffix"]:
            continue  # "5m" without a currency is a length, "3b" a label: not compared
        end = match.end() if match["suffix"] is None or match["currency"] else match.end("number")
        unit, noun = _unit(text, match, end, currencies, units)
        if not unit and found and found[-1].noun and _verb_follows(text, end):
            unit, noun = found[-1].unit, found[-1].noun  # "41 people fell ill and 15 have ..."
        if word is not None and not noun and unit != "percent":
            continue  # "two" alone is too often a pronoun-like use ("the two agreed")
        if unit == "" and word is None and "." not in number and "," not in number and low < 10:
            continue  # a bare small number ("Model 3", "Game 7") is a name or a list label
        bound = approx.get(" ".join((match["approx"] or "").lower().split()), "")
        written = low if low == high else None  # "about 400" is 400, within 360-440
        low, high = _bounds(bound, low, high)
        if written is None:
            written = low if high == math.inf else high if low == 0 else low
        start = match.start()
        found.append(
            Quantity(
                start,
                end,
                text[start:end],
                written,
                low,
                high,
                unit,
                noun,
            )
        )
    return tuple(_ranges(text, sorted((*found, *magnitudes), key=lambda q: q.start)))


_DETERMINERS = frozenset({"a", "an", "one", "half", "the", "per", "each", "every"})


def _word_read(text: str, match: re.Match[str]) -> str:
    """The number word as it is read: wire copy's "Dozen of warships", with no article or
    number before it, is "dozens of" (a dozen is "a dozen", "two dozen")."""
    word = match["word"].lower().split()[-1]
    plural = word + "s"
    if plural not in _number_words() or len(match["word"].split()) > 1:
        return word
    if not re.match(r"\s+of\b", text[match.end("word") :]):
        return word
    before = text[: match.start()].split()
    last = before[-1].lower().strip(",;:") if before else ""
    counted = last in _DETERMINERS or last in _number_words() or last[:1].isdigit()
    return word if counted else plural


def _overlaps(match: re.Match[str], found: list[Quantity]) -> bool:
    return any(q.start <= match.end() and match.start() < q.end for q in found)


def _magnitudes(text: str) -> list[Quantity]:
    """The magnitudes of quakes in ``text`` (``_MAGNITUDE``), each a figure in unit
    "magnitude" spanning the number only."""
    if not _MAGNITUDE_HINT.search(text):
        return []
    found = []
    for match in _MAGNITUDE.finditer(text):
        group = next(name for name in ("after", "before", "measured") if match[name])
        if group == "measured" and not _words_of(text) & _quake_words():
            continue
        start, end = match.start(group), match.end(group)
        value = float(match[group].replace(" ", ""))
        if 0 < value < 10:
            found.append(
                Quantity(start, end, text[start:end], value, value, value, "magnitude", "magnitude")
            )
    return found


def _words_of(text: str) -> set[str]:
    return {word.lower() for word in re.findall(r"[A-Za-z]+", text)}


@functools.cache
def _quake_words() -> frozenset[str]:
    """Words that make "measuring 4.6" a quake's magnitude."""
    return lower_set("quake_words.txt", "checker")


# "between 4.5% and 4.75%", "a range of 4.25% to 4.5%": two numbers that state one range
_RANGE_BEFORE = re.compile(r"(?:\bbetween|\brange\s+of|\branging\s+from)\s+$", re.I)
_RANGE_JOIN = re.compile(r"\s+(?:and|to)\s+")


def _ranges(text: str, found: list[Quantity]) -> list[Quantity]:
    """``found`` with each stated range of two numbers made one quantity spanning both."""
    merged: list[Quantity] = []
    index = 0
    while index < len(found):
        first = found[index]
        second = found[index + 1] if index + 1 < len(found) else None
        before = _RANGE_BEFORE.search(text, max(0, first.start - 20), first.start)
        if (
            second is not None
            and before is not None
            and _RANGE_JOIN.fullmatch(text, first.end, second.start)
            and first.unit in ("", second.unit)
            and first.low <= second.high
        ):
            merged.append(
                Quantity(
                    before.start(),
                    second.end,
                    text[before.start() : second.end],
                    first.value,
                    first.low,
                    second.high,
                    second.unit,
                    second.noun,
                    span=True,
                )
            )
            index += 2
            continue
        merged.append(first)
        index += 1
    return merged


def _is_quantity(text: str, match: re.Match[str], number: str) -> bool:
    start = match.start("number")
    glued = match["currency"] and match.end("currency") == start
    if start and not glued and (text[start - 1].isalnum() or text[start - 1] in "-/.:"):
        return False  # part of a code, a date like 2022-01-05 or a decimal point
    if re.search(r"\d\. ?$", text[max(0, start - 3) : start]):
        return False  # the decimals of "USB 3. 0", "magnitude-6. 0" in detokenised wire copy
    if _SPACED_TIME.search(text, max(0, start - 3), match.end("number") + 3):
        return False  # a time written "6: 00 p.m." or "4: 30 a. m." by detokenised wire copy
    after = text[match.end("number") : match.end("number") + 1]
    if after.isalpha() and match.end() == match.end("number"):
        glued = re.match(r"[A-Za-z]+", text[match.end("number") :])
        word = glued.group().lower() if glued else ""
        if stem(word) not in _tables()[3] and word not in _tables()[1]:
            return False  # a name or label with a number in it: "76ers", "4x4", "5G"
    if after in (":", "/") or (after == "-" and not (match["unit"] or match["scale"])):
        return False  # a time (10:30), a date (5/6) or a range / date part
    if _AGE.match(text, match.end("number")):
        return False  # an age written apart ("a 22 year-old resident"), as "22-year-old" is
    plain = not (match["currency"] or match["scale"] or match["suffix"] or match["unit"])
    if plain and _YEAR.fullmatch(number):
        return False  # years are time references (checker.compare.times)
    before = text[:start].rstrip()
    last = before.rsplit(None, 1)[-1] if before else ""
    named = last[:1].isupper() and last.isalpha() and last.lower() not in stopwords()
    return not (plain and named and last.lower() not in _tables()[2])  # "Model 3", not "Around 3"


def _unit(
    text: str, match: re.Match[str], end: int, currencies: dict[str, str], units: dict[str, str]
) -> tuple[str, str]:
    """The unit a quantity is compared in and the noun it counts as written."""
    if match["currency"]:
        return currencies[match["currency"].lower()], ""
    unit = (match["unit"] or "").lower()
    if unit:
        if unit == "%" or unit.replace(" ", "") in ("percent", "pct"):
            return "percent", ""
        return currencies.get(unit, unit), ""
    run = _noun_phrase(text, end)
    for word in run:
        concept = stem(word.lower())
        unit = units.get(concept) or units.get(compound_head(concept))
        if unit:
            return unit, word
    if _MAGNITUDE_BEFORE.search(text, max(0, match.start() - 12), match.start()):
        return "magnitude", "magnitude"  # "magnitude 7.6", "a magnitude-7.6 quake"
    return _counted(run)


def _noun_phrase(text: str, end: int) -> list[str]:
    """Up to three words after a number, to the first stopword or punctuation ("of" first
    skipped: "thousands of workers")."""
    run: list[str] = []
    for token in TOKEN.finditer(text, end, min(len(text), end + 40)):
        if text[end : token.start()].strip():
            break  # punctuation ends the phrase
        word = token.group().lower()
        if word == "of" and not run:
            end = token.end()
            continue
        if word in stopwords() or len(run) == 3:
            break
        run.append(token.group())
        end = token.end()
    return run


def _counted(run: list[str]) -> tuple[str, str]:
    """The noun a number counts among the words after it, when no unit is listed for them:
    the first plural, a nation's people, else the last word; names are not counted."""
    for word in run:
        if word.lower().endswith("s") and not word[:1].isupper():
            return stem(word.lower()), word
        if word[:1].isupper() and len(word) > 4 and word.lower().endswith(_DEMONYMS):
            return "people", word  # "350 Palestinians", "12 Somalis": people of a nation
    return (stem(run[-1].lower()), run[-1]) if run and not run[-1][:1].isupper() else ("", "")


def _verb_follows(text: str, end: int) -> bool:
    """Whether an auxiliary follows the number: it stands for the noun counted before it."""
    following = TOKEN.match(text, end + 1) if text[end : end + 1] == " " else None
    return following is not None and following.group().lower() in lower_set("auxiliaries.txt")


def _rounding(value: float) -> float:
    """Half the place a round number is rounded to: "about 100,000" stands for 50,000 to
    150,000 as written (one figure given), "about 120,000" for 115,000 to 125,000 at least.
    Numbers below 100 keep the 10% of ``_ABOUT``."""
    if value < 100 or value != int(value):
        return 0.0
    digits = str(int(value))
    return 0.5 * 10.0 ** (len(digits) - len(digits.rstrip("0")))


def _bounds(bound: str, low: float, high: float) -> tuple[float, float]:
    if bound == "~":
        slack = max(low * _ABOUT, _rounding(low))
        return low - slack, high + max(high * _ABOUT, _rounding(high))
    if bound == "<~":
        return low * (1 - _NEARLY), high
    if bound in (">", ">="):
        return low, math.inf
    if bound in ("<", "<="):
        return 0.0, high
    return low, high
