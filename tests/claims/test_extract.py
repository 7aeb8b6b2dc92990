"""Golden rows for how a quotation gives its speaker to the sentences it spans, and for
what is long enough to be a claim."""

from __future__ import annotations

import pytest

from claims.extract import extract_claims
from claims.ingest import text_article


def speakers(text: str) -> list[tuple[str, str | None]]:
    return [
        (c.text, c.attribution.who if c.attribution else None)
        for c in extract_claims(text_article(text))
    ]


@pytest.mark.parametrize(
    ("rule", "text", "expected"),
    [
        (
            "a quotation over two sentences takes the speaker named where it closes",
            '"I am not done. There is more work to do," Alvarez told supporters. She left the rally.',
            [
                ("I am not done.", "Alvarez"),
                ("There is more work to do.", "Alvarez"),
                ("She left the rally.", None),
            ],
        ),
        (
            "and over three, with curly quotes",
            "“We will appeal. The ruling is wrong. We are confident,” the company said.",
            [
                ("We will appeal.", "the company"),
                ("The ruling is wrong.", "the company"),
                ("We are confident.", "the company"),
            ],
        ),
        (
            "a fully quoted sentence after a quoted speaker's is the same speaker's",
            '"The vans are coming," Smith said. "They will be here in May."',
            [("The vans are coming.", "Smith"), ("They will be here in May.", "Smith")],
        ),
        (
            "a quotation nobody closes with a speaker has none",
            '"The vans are coming. They will be here in May.',
            [("The vans are coming.", None), ("They will be here in May.", None)],
        ),
        (
            "a pronoun opening the content stands for a speaker named before it",
            "Rivian said it had raised $700 million.",
            [("Rivian had raised $700 million.", "Rivian")],
        ),
        (
            "but not for one named after it",
            "He pleaded guilty at a hearing on Friday, his lawyer said.",
            [("He pleaded guilty at a hearing on Friday.", "his lawyer")],
        ),
        (
            "nor for a source named with 'according to'",
            "According to a city poll, her approval rating stands at 61 percent.",
            [("Her approval rating stands at 61 percent.", "a city poll")],
        ),
        (
            "a sentence before the quotation is not in it",
            'Smith spoke first. "It was fine. We won the case," she said.',
            [
                ("Smith spoke first.", None),
                ("It was fine.", "Smith"),
                ("We won the case.", "Smith"),
            ],
        ),
    ],
)
def test_quotation_speakers(rule: str, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rivian said prices rose.", [("Prices rose.", "Rivian")]),  # two words, attributed
        ("Prices rose, officials said.", [("Prices rose.", "officials")]),
        ("Not yet.", []),  # two words and nobody's: a fragment
        ("Watch out.", []),
    ],
)
def test_short_claims(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert speakers(text) == expected


def claims_of(text: str) -> list[tuple[str, str, str | None]]:
    return [
        (c.quote, c.text, c.attribution.who if c.attribution else None)
        for c in extract_claims(text_article(text))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Amazon, which owns about 20 percent of the company, said it will order 100,000 vans.",
            [
                (
                    "owns about 20 percent of the company",
                    "Amazon owns about 20 percent of the company.",
                    None,
                ),
                ("it will order 100,000 vans.", "Amazon will order 100,000 vans.", "Amazon"),
            ],
        ),
        (
            "Kestrel Games, which employs about 1,200 people, said it has no plans to sell.",
            [
                ("employs about 1,200 people", "Kestrel Games employs about 1,200 people.", None),
                (
                    "it has no plans to sell.",
                    "Kestrel Games has no plans to sell.",
                    "Kestrel Games",
                ),
            ],
        ),
        (
            "Acme, whose shares fell 5 percent, said it would cut jobs.",
            [
                ("shares fell 5 percent", "Acme's shares fell 5 percent.", None),
                ("it would cut jobs.", "Acme would cut jobs.", "Acme"),
            ],
        ),
        (  # the aside's hedge is its own, not the speaker's claim's
            "Kestrel, which may sell itself, said revenue rose 5 percent.",
            [
                ("may sell itself", "Kestrel may sell itself.", None),
                ("revenue rose 5 percent.", "Revenue rose 5 percent.", "Kestrel"),
            ],
        ),
    ],
)
def test_an_aside_in_the_speakers_phrase_is_a_claim_of_its_own(
    text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert claims_of(text) == expected


def test_the_asides_hedge_stays_with_it() -> None:
    aside, claim = extract_claims(
        text_article("Kestrel, which may sell itself, said revenue rose 5 percent.")
    )
    assert (aside.kind, claim.kind) == ("speculation", "fact")


@pytest.mark.parametrize(
    ("rule", "text", "expected"),
    [
        (
            "a clause cut from a sentence has the speaker it names itself, not the sentence's",
            "Smith said the plant will close, but the union said it would fight the decision.",
            [
                ("The plant will close.", "Smith"),
                ("The union would fight the decision.", "the union"),
            ],
        ),
        (
            "the writer's clause stays the writer's; the figure is the survey's",
            "Iran's news agency put the magnitude at 5.9, but the USGS said it was 6.1.",
            [("Iran's news agency put the magnitude at 5.9.", None), ("It was 6.1.", "the USGS")],
        ),
        (
            "an infinitive after the verb is no statement ('a man believed to be')",
            "Police arrived at noon, and a man believed to be her husband tried to stop the car.",
            [
                ("Police arrived at noon.", None),
                ("A man believed to be her husband tried to stop the car.", None),
            ],
        ),
        (
            "evidence is no speaker ('the response indicates that')",
            "He signed in May, and the positive response indicates that he is in demand.",
            [
                ("He signed in May.", None),
                ("The positive response indicates that he is in demand.", None),
            ],
        ),
        (
            "a second object of the verb of saying ('and that') is a claim of the same speaker",
            "The governor said 10 people had been killed and that the toll was not expected to rise.",
            [
                ("10 people had been killed.", "The governor"),
                ("The toll was not expected to rise.", "The governor"),
            ],
        ),
        (
            "'and that' in the writer's own sentence is not cut",
            "It is clear that the plan failed and that the city lost money.",
            [("It is clear that the plan failed and that the city lost money.", None)],
        ),
        (
            "an 'it' that stands for no one is not the speaker",
            "The ministry says it will take several days for the cables to be repaired.",
            [("It will take several days for the cables to be repaired.", "The ministry")],
        ),
        (
            "'it' is still the organisation that speaks",
            "Amazon said it will buy the firm.",
            [("Amazon will buy the firm.", "Amazon")],
        ),
        (
            "a plural noun is no 'he'",
            "Prosecutors argued he was feigning illness to avoid prosecution.",
            [("He was feigning illness to avoid prosecution.", "Prosecutors")],
        ),
    ],
)
def test_speakers_inside_sentences(
    rule: str, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert speakers(text) == expected


@pytest.mark.parametrize(
    ("rule", "text", "expected"),
    [
        (
            "'His exact words:' gives the quotation after it to the person named before",
            'Red Sox owner John Henry spoke on Monday. His exact words:\n\n"We made an offer."',
            [
                ("Red Sox owner John Henry spoke on Monday.", None),
                ("We made an offer.", "John Henry"),
            ],
        ),
        (
            "'X told reporters:' gives its speaker to the quotation that opens after it",
            'The minister told reporters:\n\n"The talks have failed.\n\nWe will try again."\n\n'
            "The talks ended.",
            [
                ("The talks have failed.", "The minister"),
                ("We will try again.", "The minister"),
                ("The talks ended.", None),
            ],
        ),
        (
            "an announcement gives its speaker to a quotation only",
            "The minister told reporters:\n\nThe talks ended.",
            [("The talks ended.", None)],
        ),
        (
            "a tail frame with an apposition after the name",
            '"We fired in self-defense," Commodore Nirad Sinha, a navy spokesman, told CNN. '
            "He said the ship was laden with ammunition.",
            [
                ("We fired in self-defense.", "Commodore Nirad Sinha"),
                ("The ship was laden with ammunition.", "Commodore Nirad Sinha"),
            ],
        ),
    ],
)
def test_announced_and_apposed_speakers(
    rule: str, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a tail frame whose verb has "to" and the outlets it was told to
            "Tara Reid has entered a rehab program, her rep confirmed to People and Us Weekly.",
            [("Tara Reid has entered a rehab program.", "her rep")],
        ),
        (  # "As X contends," names the speaker of the content after it
            "As Isaacs of Samaritan's Purse contends, the government denied any bombing.",
            [("The government denied any bombing.", "Isaacs of Samaritan's Purse")],
        ),
        (  # "As prices rose," is a time clause, no frame
            "As prices rose, the company said it would cut jobs.",
            [("The company would cut jobs.", "the company")],
        ),
    ],
)
def test_frames_found_on_the_tuning_topics(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # what was shown is no statement; a clause after "showed" is
            "Prosecutors showed the footage at the trial of the two youths charged with murder.",
            [
                (
                    "Prosecutors showed the footage at the trial of the two youths charged with murder.",
                    None,
                )
            ],
        ),
        ("The survey showed prices rose in May.", [("Prices rose in May.", "The survey")]),
        (  # a verb of thinking inside the who-phrase: no speaker, the fear is the claim's hedge
            "Some fear the measures insisted upon by the EU could make growth worse.",
            [("Some fear the measures insisted upon by the EU could make growth worse.", None)],
        ),
    ],
)
def test_no_speaker_in_what_was_shown_or_feared(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a role "of" an organisation between the name and the verb is an apposition
            "Ben Stephenson, controller of BBC Drama, said the part was cast in May.",
            [("The part was cast in May.", "Ben Stephenson")],
        ),
        (
            "Matthew Roth, attorney for the prosecutor's office, said the office had no lawyer.",
            [("The office had no lawyer.", "Matthew Roth")],
        ),
        (  # "one of 99 alleged members": no organisation, and "alleged" is no verb of saying
            "Gaetano Lo Presti, one of 99 alleged Mafia members seized on Tuesday, has died.",
            [
                (
                    "Gaetano Lo Presti, one of 99 alleged Mafia members seized on Tuesday, has died.",
                    None,
                )
            ],
        ),
    ],
)
def test_appositions_of_office(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a tail frame's adverbial may run longer: nothing of the content comes after it
            '"The public is losing patience," he said at a White House ceremony.',
            [("The public is losing patience.", "")],
        ),
        (  # a lead frame's adverbial takes no determiner of the content
            "The office said in a statement the jury found him guilty.",
            [("The jury found him guilty.", "The office")],
        ),
        (  # "but" without a comma before a pronoun subject opens a clause
            "I thought things went a bit overboard but I prefer to leave it, Sarwan said.",
            [
                ("I thought things went a bit overboard.", "Sarwan"),
                ("I prefer to leave it.", "Sarwan"),
            ],
        ),
    ],
)
def test_adverbials_and_bare_but(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # 'X said, "..."': a comma before the quotation
            'Mills yesterday admitted, "We made some mistakes with this exam."',
            [("We made some mistakes with this exam.", "Mills")],
        ),
        (  # ", and more than 250 homes ..." opens a clause with a counted subject
            "The fire had charred 12,400 acres, and more than 250 homes had been destroyed.",
            [
                ("The fire had charred 12,400 acres.", None),
                ("More than 250 homes had been destroyed.", None),
            ],
        ),
        (  # "sat" is a verb: two clauses at ", but"
            "Several relatives sat in the front row, but few Balinese attended the trial.",
            [
                ("Several relatives sat in the front row.", None),
                ("Few Balinese attended the trial.", None),
            ],
        ),
        (  # claiming responsibility is a deed, not a statement
            "The group has claimed responsibility for arsons against firms that members say pollute.",
            [
                (
                    "The group has claimed responsibility for arsons against firms that members say pollute.",
                    None,
                )
            ],
        ),
    ],
)
def test_after_the_second_sample(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a document on the record, without the participle that says when it came out
            "Dotson admitted that he shot Dennehy, according to an arrest warrant released yesterday.",
            [("Dotson admitted that he shot Dennehy.", "an arrest warrant", "official", "fact")],
        ),
        (  # an apposition after "said of ..." still ends a tail frame
            '"The momentum is ours," Ransom Love said of his company, formerly named Caldera Systems.',
            [("The momentum is ours.", "Ransom Love", "named", "fact")],
        ),
    ],
)
def test_documents_as_speakers(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert [
        (c.text, c.attribution.who, c.attribution.type, c.kind)
        for c in extract_claims(text_article(text))
        if c.attribution
    ] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a one-word participle lead-in, an apposition, "later" and a colon before a quotation
            'Responding, Edward Skyler, a spokesman for the mayor, said later: "The claims are false."',
            [("The claims are false.", "Edward Skyler")],
        ),
        (  # 'X added: "..."' opens a statement whatever verbs the quotation has
            'Coach Tony Dungy added: "Peyton Manning was unbelievable."',
            [("Peyton Manning was unbelievable.", "Coach Tony Dungy")],
        ),
    ],
)
def test_colon_before_a_quotation(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert speakers(text) == expected
