"""Who speaks the sentences of a quotation that runs over several sentences, lines or paragraphs.

The frame of one sentence names its speaker; a quotation gives that speaker to the sentences
around it, over the paragraph breaks of wire copy (where each paragraph may be one sentence):

- a quoted sentence after a quoted speaker's takes that speaker ("“We waited,” Demir said.
  / “Nobody came.”"), and so do the lines of a quotation it opens, until it closes;
- a quotation opened after its speaker ("The chief said: “We are ready. / The plant will
  open.”") gives that speaker to its sentences up to where it closes;
- the sentences of a quotation whose speaker is named where it closes ("“I am not done. /
  There is more to do,” she said.") take that speaker, even when an earlier speaker was
  carried to them.
"""

from __future__ import annotations

import re

import attrs

from claims.attribution import Frame
from claims.models import Attribution

_FULLY_QUOTED = re.compile(r"^(?:[“\"‘']|``|'').+(?:[”\"’']|'')$")
# opens a quotation that goes on after it; closes one opened before it (wire copy: `` and '')
_OPENS_QUOTE = re.compile(r"^(?:[“\"]|``|'')(?:(?!'')[^”\"])+$")
_CLOSES_QUOTE = re.compile(r"^(?:(?!``)[^“\"])*(?:[”\"]|'')")
_CLOSING_MARK = re.compile(r"”|''|[.,!?…]['\"’](?:\s|$)")
_MARKS = re.compile("[“”\"'`‘’]")
LONGEST = 8  # sentences a quotation is followed over without a closing mark


@attrs.define
class Quotations:
    """The sentences of an article in reading order, each with its frame, as the quotations
    around them decide it."""

    framed: list[tuple[int, int, Frame | None]] = attrs.Factory(list)
    carried: Attribution | None = None  # the speaker of the last quoted sentence
    quoting: Attribution | None = None  # the speaker of a quotation opened after its speaker
    open_for: int = 0  # sentences since that quotation opened
    pending: list[int] = attrs.Factory(list)  # inside a quotation whose speaker is not named yet
    tentative: set[int] = attrs.Factory(set)  # given a carried speaker the close may overrule
    turn: Attribution | None = None  # a transcript's speaker
    run: list[int] = attrs.Factory(list)  # given the open quotation's speaker, not yet closed
    announced: Attribution | None = None  # "She said:" announced the sentence after it

    def new_block(self) -> None:
        self.turn = None

    def add(self, start: int, end: int, frame: Frame | None, sentence: str) -> None:
        announced, self.announced = self.announced, None
        if not (self.quoting or self.carried or self.pending or self.turn) and not _MARKS.search(
            sentence
        ):
            self.framed.append((start, end, frame))  # no quotation here or going on
            self.turn = frame.attribution if frame and frame.carry else None
            if frame and frame.content_start == frame.content_end and sentence.endswith(":"):
                self.announced = frame.attribution
            return
        index = len(self.framed)
        own = frame is not None
        if frame is None and announced is not None and _carries(sentence):
            # "His exact words: / “We met with him.”": the announced speaker's quotation
            frame, own = Frame(announced, start, end), True
            if _leaves_open(sentence):
                self._open(announced)
        frame = self._in_quotation(frame, sentence, start, end)
        if frame is None and self.turn is not None:
            frame = Frame(self.turn, start, end, carry=True)  # a transcript's speaker goes on
        self.turn = frame.attribution if frame and frame.carry else None
        if frame is None and self.carried is not None and _carries(sentence):
            frame = Frame(self.carried, start, end)
            self.tentative.add(index)
            if _leaves_open(sentence):
                self._open(frame.attribution)
        self.carried = frame.attribution if frame and quotes_speaker(sentence) else None
        self._pending(index, own, frame, sentence)
        self.framed.append((start, end, frame))

    def _in_quotation(
        self, frame: Frame | None, sentence: str, start: int, end: int
    ) -> Frame | None:
        if frame is None and self.quoting is not None:
            self.open_for += 1
            if self.open_for > LONGEST or _OPENS_QUOTE.match(sentence):
                self.finish()  # no close in sight: the sentences were not the quotation's
                return None
            frame = Frame(self.quoting, start, end)
            self.run.append(len(self.framed))
            if _CLOSING_MARK.search(sentence):
                self.quoting, self.run = None, []
            return frame
        if frame is not None and _leaves_open(sentence):
            self._open(frame.attribution)
        return frame

    def _open(self, speaker: Attribution) -> None:
        self.quoting, self.open_for, self.run = speaker, 0, []

    def finish(self) -> None:
        """A quotation that never closes gave its speaker to sentences that were not in it:
        they are the writer's again."""
        for index in self.run:
            start, end, _ = self.framed[index]
            self.framed[index] = (start, end, None)
        self.quoting, self.run = None, []

    def _pending(self, index: int, own: bool, frame: Frame | None, sentence: str) -> None:
        """Sentences inside a quotation not yet closed wait for the speaker named at its
        close; a carried speaker is only a guess until then."""
        unnamed = not own and (frame is None or index in self.tentative)
        if unnamed and (
            _OPENS_QUOTE.match(sentence) or (self.pending and not quotes_speaker(sentence))
        ):
            self.pending.append(index)
            return
        if self.pending and own and frame is not None and _CLOSES_QUOTE.search(sentence):
            for inner in self.pending:
                inner_start, inner_end, _ = self.framed[inner]
                self.framed[inner] = (
                    inner_start,
                    inner_end,
                    Frame(frame.attribution, inner_start, inner_end),
                )
        self.pending = []


def _carries(sentence: str) -> bool:
    """A sentence that can go on with the last quoted speaker: wholly quoted, or opening a
    quotation that goes on."""
    return bool(_FULLY_QUOTED.match(sentence) or _OPENS_QUOTE.match(sentence))


def _leaves_open(sentence: str) -> bool:
    """Whether the sentence opens a quotation it does not close."""
    if sentence.count("“") > sentence.count("”") or sentence.count("``") > sentence.count("''"):
        return True
    if sentence.count('"') % 2 and re.search(r'"[^"]*$', sentence):
        return re.search(r'"\w[^"]*$', sentence) is not None
    return bool(re.search(r"(?:^|[\s:])'[A-Z]", sentence)) and not _CLOSING_MARK.search(sentence)


def quotes_speaker(sentence: str) -> bool:
    """Whether the sentence has a quotation mark (or opens with a single one)."""
    return (
        "“" in sentence
        or '"' in sentence
        or "''" in sentence
        or "``" in sentence
        or sentence[:1] in "'‘"
    )
