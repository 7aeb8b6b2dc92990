"""Golden rows for each normalisation rule: quantities, times, words and entities."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.compare.normalize import features
from checker.compare.quantities import find_quantities
from checker.compare.times import find_times
from checker.compare.words import stem

QUANTITIES = [
    ("Amazon led a $700 million round", "$700 million", 7e8, 7e8, "dollars"),
    ("Amazon led a $700M round", "$700M", 7e8, 7e8, "dollars"),
    ("it raised 700 million dollars", "700 million dollars", 7e8, 7e8, "dollars"),
    ("It raised $1.5bn", "$1.5bn", 1.5e9, 1.5e9, "dollars"),
    ("plans to order 100,000 vans", "100,000", 1e5, 1e5, "vehicles"),
    ("8,000 delivery vans", "8,000", 8e3, 8e3, "vehicles"),
    ("thousands of workers", "thousands", 2000, 999_999, "people"),
    ("three workers were hurt", "three", 3, 3, "people"),
    ("about 20 percent of staff", "about 20 percent", 18, 22, "percent"),
    ("up 20% on the year", "20%", 20, 20, "percent"),
    ("more than 3,100 jobs", "more than 3,100", 3100, math.inf, "jobs"),
    ("fewer than 50 stores", "fewer than 50", 0, 50, "stores"),
    ("nearly 200 employees", "nearly 200", 170, 200, "people"),
    ("Around 1,200 dockworkers joined", "Around 1,200", 1080, 1320, "people"),  # compound
    ("5 firetrucks arrived", "5", 5, 5, "vehicles"),
    ("40 investors", "40", 40, 40, "investor"),  # "investor" does not end in a counted noun
    ("it paid 700 Dollars", "700 Dollars", 700, 700, "dollars"),  # currency words in any case
    ("a A$700 million deal", "A$700 million", 7e8, 7e8, "australian dollars"),
    # wire copy's "Dozen of" is "dozens of"; "a dozen" is twelve
    ("Dozen of warships patrol the gulf", "Dozen", 24, 143, "warship"),
    ("he bought a dozen boats", "a dozen", 12, 12, "boat"),
    # a vulgar fraction belongs to its number: "3½ minutes" is not three minutes
    ("in the first 3½ minutes", "3½", 3.5, 3.5, "minut"),
    # wire copy glues the currency word to the figure
    ("a euro110 billion package", "euro110 billion", 1.1e11, 1.1e11, "euros"),
    ("a $4¼ million bond", "$4¼ million", 4.25e6, 4.25e6, "dollars"),
    # a quake's magnitude, as wire copy writes it (detokenised "6. 1" too)
    ("A 6.1-magnitude quake hit Aceh.", "6.1", 6.1, 6.1, "magnitude"),
    ("A magnitude-6. 1 quake hit Aceh.", "6. 1", 6.1, 6.1, "magnitude"),
    ("It had a preliminary magnitude of 4.4.", "4.4", 4.4, 4.4, "magnitude"),
    ("The quake measured 6.1 on the Richter scale.", "6.1", 6.1, 6.1, "magnitude"),
    ("An earthquake measuring 4. 6 rattled Sonoma.", "4. 6", 4.6, 4.6, "magnitude"),
    ("A 7.6 quake struck Papua.", "7.6", 7.6, 7.6, "magnitude"),
    ("The fish measuring 4.5 feet was caught.", "4.5", 4.5, 4.5, "feet"),  # no quake: a size
]


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("At least 41 people fell ill and 15 have been hospitalized.", ["people", "people"]),
        ("Three workers were hurt and two were killed.", ["people", "people"]),
        ("It sold 40 cars and 15 were returned.", ["vehicles", "vehicles"]),
        ("He said 15 were hurt.", [""]),  # nothing counted before it
        (
            "Revenue rose 5 percent and 30 were sold.",
            ["percent", ""],
        ),  # a percentage counts nothing
    ],
)
def test_a_bare_number_before_a_verb_counts_what_the_last_number_counted(
    text: str, units: list[str]
) -> None:
    assert [q.unit for q in find_quantities(text)] == units


@pytest.mark.parametrize(("text", "quote", "low", "high", "unit"), QUANTITIES)
def test_quantity_rules(text: str, quote: str, low: float, high: float, unit: str) -> None:
    (quantity,) = find_quantities(text)
    assert quantity.text == quote == text[quantity.start : quantity.end]
    assert quantity.low == pytest.approx(low)
    assert quantity.high == pytest.approx(high)
    assert quantity.unit == unit


@pytest.mark.parametrize(
    "text",
    [
        "In 2023 the Model 3 sold well",
        "at 10:30 on 2022-01-05",
        "Game 7 is tonight",
        "He returned to Tenet as president in 2003",  # "Ten" + "et" was read as 10 once
        "the fourth test of the series",
        "Seventeenth-century sources",
        "tickets for Euro2012 sold out",  # a tournament, not a sum in euros
    ],
)
def test_years_times_and_model_numbers_are_not_quantities(text: str) -> None:
    assert find_quantities(text) == ()


@pytest.mark.parametrize(
    ("text", "concept", "written"),
    [
        ("Workers walked out on Monday", "strike", "walked out"),
        ("3,100 workers will stop work", "strike", "stop work"),
        ("The firm laid off 200 staff", "cut", "laid off"),
        ("The chief executive stepped down", "resign", "stepped down"),
        ("Prices went up", "rise", "went up"),
    ],
)
def test_phrases_are_compared_as_one_word(text: str, concept: str, written: str) -> None:
    item = features(text)
    assert stem(concept) in item.content
    assert item.surfaces[stem(concept)] == written


def test_compounds_of_counted_nouns_count_as_their_head() -> None:
    assert "worker" in features("1,300 dockworkers would strike").content
    assert "worker" in features("Steelworkers met").content
    assert "stor" not in features("Investors met").content  # not "inve" + "stor(e)"


def test_equivalent_money_spellings_have_one_value() -> None:
    values = {find_quantities(t)[0].value for t in ("$700M", "$700 million", "700 million dollars")}
    assert values == {7e8}


TIMES = [
    ("workers will vote on Monday", "weekday", "monday", False),
    ("Rivian announced Friday that", "weekday", "friday", True),
    ("In November, Rivian unveiled", "month", "11", False),
    ("On June 10, the owners", "date", "06-10", False),
    ("on 10 June they met", "date", "06-10", False),
    ("date 2022-06-10", "date", "06-10", False),
    ("it will buy vans in 2023", "year", "2023", False),
]


@pytest.mark.parametrize(("text", "kind", "value", "said"), TIMES)
def test_time_rules(text: str, kind: str, value: str, said: bool) -> None:
    ref = find_times(text)[0]
    assert (ref.kind, ref.value, ref.said) == (kind, value, said)
    assert text[ref.start : ref.end] == ref.text


def test_may_opening_a_sentence_is_not_a_month() -> None:
    assert find_times("May offer more.") == ()
    assert [r.text for r in find_times("May offer more. It ended in May.")] == ["May"]


@pytest.mark.parametrize(
    ("words", "same"),
    [
        (("invested", "investment", "investing"), True),
        (("rose", "rising", "rise"), True),
        (("injuries", "injured", "hurt"), True),
        (("bought", "buys", "purchase"), True),
        (("rose", "fell"), False),
        (("evacuation", "evacuated", "evacuating"), True),  # "-tion" names the act
        (("investigation", "investigated"), True),
        (("station", "state"), False),  # too short to be a "-tion" form
        (("question", "quest"), False),
        (("blaze", "inferno"), True),
        (("factory", "plant"), True),
    ],
)
def test_stemming_and_synonyms(words: tuple[str, ...], same: bool) -> None:
    assert (len({stem(w) for w in words}) == 1) is same


@pytest.mark.parametrize(
    ("text", "quote", "low", "high"),
    [
        ("raised it to a range of 4.25% to 4.5%.", "range of 4.25% to 4.5%", 4.25, 4.5),
        ("to between 4.5% and 4.75%.", "between 4.5% and 4.75%", 4.5, 4.75),
        ("between 40 and 50 workers were hurt", "between 40 and 50", 40, 50),
    ],
)
def test_a_stated_range_is_one_quantity(text: str, quote: str, low: float, high: float) -> None:
    (quantity,) = find_quantities(text)
    assert (quantity.text, quantity.low, quantity.high, quantity.span) == (quote, low, high, True)


def test_a_change_from_one_figure_to_another_is_no_range() -> None:
    assert [q.span for q in find_quantities("Inflation rose from 3.2% to 3.4%.")] == [False, False]


def test_an_approximate_figure_keeps_the_number_written() -> None:
    (about,) = find_quantities("about 250 workers")
    assert (about.value, about.low, about.high) == (250, 225, 275)
    assert (
        features("Corvane employs about 250 workers.").numbers
        == features("Corvane employs 250 people.").numbers
    )


@pytest.mark.parametrize(
    ("text", "is_predicate"),
    [
        ("A fire broke out at the plant.", False),  # the noun: a blaze
        ("Fire crews battled the flames.", False),
        ("The company will fire 50 staff.", True),  # after a modal: to dismiss
        ("The company plans to fire 50 staff.", True),
        ("The company fired 50 staff.", True),  # an inflected form is the verb
    ],
)
def test_homographs_read_as_the_noun_unless_a_verb_marker_precedes(
    text: str, is_predicate: bool
) -> None:
    assert (stem("fire") in features(text).predicates) is is_predicate


def test_entities_drop_possessives_and_name_forming_hyphens() -> None:
    item = features("A yet-to-be-named Amazon-affiliated brand rivals Tesla’s cars.")
    assert {"amazon", "tesla"} <= item.entities


def test_abbreviations_expand() -> None:
    assert (
        features("The EV market grows.").content
        == features("The electric vehicle market grows.").content
    )


def test_attribution_context_adds_actors_not_content() -> None:
    item = features("Amazon led the round.", "Rivian")
    assert "rivian" in item.actors and "rivian" not in item.content


@given(st.text(max_size=300))
def test_normaliser_never_crashes_and_offsets_hold(text: str) -> None:
    item = features(text)
    for quantity in item.quantities:
        assert text[quantity.start : quantity.end] == quantity.text
        assert quantity.low <= quantity.high
    for ref in item.times:
        assert text[ref.start : ref.end] == ref.text


@given(st.integers(min_value=1, max_value=999), st.sampled_from(["million", "billion"]))
def test_money_spellings_agree(number: int, scale: str) -> None:
    short = {"million": "M", "billion": "bn"}[scale]
    spellings = (f"${number} {scale}", f"${number}{short}", f"{number} {scale} dollars")
    values = {find_quantities(f"It raised {s}.")[0].value for s in spellings}
    assert len(values) == 1


@given(st.integers(min_value=1000, max_value=10**9))
def test_separators_do_not_change_a_count(number: int) -> None:
    plain, grouped = find_quantities(f"{number} jobs"), find_quantities(f"{number:,} jobs")
    if plain and grouped:  # a bare 4-digit year-like number is a time, not a count
        assert plain[0].value == grouped[0].value


@given(
    st.integers(min_value=1, max_value=9),
    st.integers(min_value=0, max_value=9),
    st.sampled_from(
        [
            "A {}-magnitude quake hit the coast.",
            "A magnitude-{} earthquake hit the coast.",
            "The quake had a magnitude of {}, officials said.",
            "It measured {} on the Richter scale.",
            "An earthquake measuring {} rattled the coast.",
        ]
    ),
    st.sampled_from([".", ". "]),
)
def test_a_magnitude_reads_the_same_however_written(
    whole: int, tenth: int, shape: str, point: str
) -> None:
    text = shape.format(f"{whole}{point}{tenth}")
    (quantity,) = find_quantities(text)
    assert (quantity.unit, quantity.value) == ("magnitude", whole + tenth / 10)
    assert text[quantity.start : quantity.end] == quantity.text
