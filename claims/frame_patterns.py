"""The regular expressions of the attribution frames (``claims/attribution.py``), built once
from the verbs of saying (``attribution_verbs.txt``), the weekdays and the occasions lists."""

from __future__ import annotations

import functools
import re

from claims.lexicon import read_list, weekdays

_OCCASIONS = sorted(read_list("occasions.txt"))
_ADVERBIAL = (
    # ("said in a statement the jury ...": the second word is no determiner)
    r"(?:\s+(?:in|on|during|at)\s+(?:an?|the|his|her|their|its)\s+[\w-]+"
    r"(?:\s+(?!(?:the|a|an|his|her|its|their)\s)[\w-]+)?"
    r"|\s+on\s+(?:" + "|".join(name for name, _ in weekdays()) + ")"
    r"|\s+(?:(?:early|late|earlier|later)\s+)?(?:last|this|next)\s+(?:week|month|year|quarter)"
    r"|\s+(?:earlier|previously|today|yesterday|recently|publicly|separately|also|later|tonight)"
    r"|\s+(?:early|late)\s+(?:today|yesterday|tonight)"
    # "said after court", "told reporters after the hearing"
    r"|\s+(?:after|before|outside|following)\s+(?:the\s+|a\s+)?(?:" + "|".join(_OCCASIONS) + ")"
    # "said Thursday", "late Tuesday night", "on Twitter", "on condition of anonymity"
    r"|\s+(?:on\s+)?(?:(?:early|late)\s+)?(?:" + "|".join(name for name, _ in weekdays()) + ")"
    r"(?:\s+(?:morning|afternoon|evening|night))?"
    r"|\s+(?:on|via)\s+(?:Twitter|Facebook|Instagram|X|YouTube|television|TV|radio|state\s+television)"
    r"|\s+on\s+condition\s+of\s+anonymity|\s+by\s+(?:phone|telephone|email|e-mail)"
    r"|\s+\([^()]{1,40}\))*"  # "announced on Twitter today (20 October 2011) that"
)

# A tail frame ends the sentence, so its adverbial can be longer without taking the content's
# words: "he said at a White House ceremony", "said during a stunning admission aired nationwide"
_TAIL_ADVERBIAL = (
    r"(?:\s+(?:in|on|during|at)\s+(?:an?|the|his|her|their|its)\s+[\w-]+(?:\s+[\w-]+){2,3})?"
    + _ADVERBIAL
)

# "Howard said Saturday after Nichols was sentenced.": a time clause closing a tail frame
_AFTER = r"(?:\s+(?:after|before|as|when|while|following)\s+[^,;“”\"]{2,80})?"


@functools.cache
def _verbs() -> str:
    return "|".join(
        sorted((re.escape(v) for v in read_list("attribution_verbs.txt")), key=len)[::-1]
    )


# the verbs that come before their speaker ("..., said Ana Ruiz"); "..., confirmed her death
# to the Associated Press" is a verb and its object
INVERTED = "said|says|added|adds|asked|wrote|writes|explained|noted|continued|recalled"


@functools.cache
def patterns() -> dict[str, re.Pattern[str]]:
    verbs = _verbs()
    who = r"[^,;:“”\"]{1,80}?"
    return {
        "according_lead": re.compile(r"^\W{0,2}According to (?P<who>[^,]{2,80}),\s+", re.I),
        "according_tail": re.compile(
            r",?\s+according to (?P<who>[^,;]{2,80}?)"
            # ", a Texas Ranger ...", ", Shamika Woods": an apposition, a title or a name
            r"(?:,\s+(?:(?:an?|the)\s+[^,;]{2,80}?|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}))?"
            r"[.!?]?[\"”']?$",
            re.I,
        ),
        "tail": re.compile(
            rf"(?P<sep>,(?:''|[\"”’'])?|''|[\"”’'])\s+(?P<who>{who})"
            # '"...," Commodore Nirad Sinha, a navy spokesman, told CNN.': an apposition
            rf"(?:,\s+(?:an?|the|his|her|its|their)\s+[^,;:“”\"]{{2,80}}?,|,\s+\d{{1,3}},)?"
            rf"\s+(?:(?:has|have|had)\s+)?"
            rf"(?:{verbs})\b(?:\s+(?:[a-z]{{3,}}s|him|her|them|us|me"
            rf"|(?:[Tt]he\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){{0,3}}"
            # "told the rapt OpenWorld crowd" (after "told" only: "ever claimed their innocence")
            rf"|(?:(?<=told\s)|(?<=tells\s))(?:the|a|an|his|her|their|its)\s+(?:[\w'’-]+\s+){{0,3}}[a-z][\w'’-]*"
            # "said of the injuries"
            rf"|of\s+(?:the|his|her|their|its|a|an)\s+[\w'’-]+(?:\s+[\w'’-]+)?"
            # "confirmed to People and Us Weekly"
            rf"|to\s+(?:the\s+)?[A-Z][\w.-]*(?:\s+(?:and\s+)?[A-Z][\w.-]*){{0,4}}))?"
            rf"{_TAIL_ADVERBIAL}{_AFTER}(?:\s+\([^()]{{1,40}}\))?"
            # '"...," he said of his company, formerly named Caldera Systems.'
            rf"(?:,\s+(?:formerly|now|once)\s+[^,;“”\"]{{2,60}})?[.!?]?$"
        ),
        "tail_inverted": re.compile(
            rf"(?P<sep>,(?:''|[\"”’'])?|''|[\"”’'])\s+(?:{INVERTED})\s+(?P<who>[^;]{{2,120}}?)"
            # ", a Republican who led a failed bid last year to ...", ", chairman of the House
            # committee on ...": an apposition of any length
            rf"(?:,\s+(?:in|on|at|during)\s+[^,;]{{2,40}}|,\s+(?!adding|noting|saying|explaining)[^;“”\"]{{2,240}})?"
            rf"[.!?]?$"
        ),
        "lead": re.compile(
            rf"(?P<who>[^;:“”\"]{{1,160}}?)\s+"
            # "Germany has since said", "officials have repeatedly said"
            rf"(?:(?:has|have|had|also|then|since|now|already|repeatedly|publicly)\s+)*"
            rf"(?P<verb>{verbs})\b(?!\s+(?:{verbs})\b)"
            # "told the panel that ...", "said to eWEEK that": whom it was told, before "that"
            rf"(?:(?<=told)(?:\s+[\w'’.-]+){{1,4}}?(?=\s+that\b)|\s+to(?:\s+[\w'’.-]+){{1,4}}?(?=\s+that\b))?"
            # 'Mills admitted, "We made some mistakes"': a comma before the quotation
            rf"(?P<adv>{_ADVERBIAL})(?:\s+that\b|:|,(?=\s*[“\"]))?\s+(?=\S)"
        ),
        # "... the wall collapsed said Juan Perez." (no comma): a capitalised name only
        "tail_bare": re.compile(
            r"(?<=[a-z0-9%])\s+(?:said|says|added|told\s+\w+)\s+"
            r"(?P<who>(?:[A-Z][\w.’'-]*\s+){1,4}[A-Z][\w’'-]+)[.!?]?$"
        ),
        # "As Isaacs of Samaritan's Purse contends, ...", "As the WSJ notes, ..."
        "as_lead": re.compile(
            rf"As\s+(?P<who>[^,;:“”\"]{{2,80}}?)\s+(?:(?:has|have|had)\s+)?(?:{verbs})\b"
            rf"(?P<adv>{_ADVERBIAL}),\s+(?=\S)"
        ),
        "role_lead": re.compile(
            rf"(?P<role>[^,;:“”\"]{{3,80}}),\s+(?P<who>(?:[A-Z][\w.’'-]*\s+){{0,3}}[A-Z][\w’'-]+),?"
            rf"\s+(?P<verb>{verbs})\b(?P<adv>{_ADVERBIAL})(?:\s+that\b)?\s+(?=\S)"
        ),
        # "Another news agency quoted the governor as saying ...", '..., People quoted him as saying.'
        "quoted_lead": re.compile(
            r"(?P<source>[^,;:“”\"]{2,80}?)\s+quoted\s+(?P<who>[^,;:“”\"]{2,80}?)\s+as\s+saying"
            r"(?:\s+that)?\s+(?=\S)"
        ),
        "quoted_tail": re.compile(
            r"(?P<sep>,(?:''|[\"”’'])?|''|[\"”’'])\s+(?P<source>[^,;:“”\"]{2,80}?)\s+quoted\s+"
            r"(?P<who>[^,;:“”\"]{2,60}?)\s+as\s+saying[.!?]?$"
        ),
        # '"...," Qeshm governor Mehdi Irannejad was quoted as saying.'
        "quoted_passive": re.compile(
            r"(?P<sep>,(?:''|[\"”’'])?|''|[\"”’'])\s+(?P<who>[^,;:“”\"]{2,80}?)\s+(?:was|were)\s+"
            r"quoted\s+(?:by\s+[^,;:“”\"]{2,40}\s+)?as\s+saying[.!?]?$"
        ),
        # "Report: Red Sox offer Teixeira $200 million" (a headline's source, before a colon)
        "label_lead": re.compile(r"^(?P<who>(?i:reports?|sources?)):\s+(?=\S)"),
        # "Told the deceased's father, Herbert Flynn Jr: 'She was ...'"
        "inverted_lead": re.compile(
            r"^(?:Said|Told|Added|Explained|Wrote)\s+(?P<who>[^:;“”\"]{2,80}?):\s+(?=\S)"
        ),
        "according_middle": re.compile(r",\s+according to (?P<who>[^,;]{2,80}),\s+", re.I),
        # '"A," said Oscar producer Laurence Mark, explaining that B.'
        "middle_inverted": re.compile(
            rf",(?:''|[\"”’'])\s+(?:{verbs})\s+(?P<who>[^,;“”\"]{{1,60}}?),\s+"
        ),
        "middle": re.compile(
            rf",(?:''|[\"”’'])?\s+(?P<who>[^,;“”\"]{{1,60}}?)\s+(?:{verbs}){_ADVERBIAL},\s+"
        ),
    }
