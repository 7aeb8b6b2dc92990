"""Who a pronoun speaker is: "he said" after a person was named, "it said" after an organisation;
a pronoun that names no one is left without a name, never stored as one."""

from __future__ import annotations

import re

import attrs

from claims.attribution import Frame
from claims.lexicon import lower_set, month_names, weekdays, word_set
from claims.models import Attribution

_PERSON_PRONOUNS = frozenset({"he", "she", "i"})
_THING_PRONOUNS = frozenset({"it", "they", "we"})
_NAME_RUN = re.compile(r"(?:[A-Z][\w.’'-]+\s+){0,3}[A-Z][\w’'-]+(?=\s+[a-z])")
_NOT_NAMES = (
    lower_set("sentence_starters.txt")
    | lower_set("determiners.txt")
    # "Yesterday a neighbour recalled ...": a day opening the sentence is nobody's name
    | {name.lower() for name, _ in weekdays()}
    | {name.lower() for name, _ in month_names()}
    | {"yesterday", "today", "tonight", "tomorrow", "according"}
)
_ORG_WORDS = word_set("org_suffixes.txt")
_ROLE_THEN_NAME = re.compile(
    r"\s+(?P<role>[a-z]+(?:\s+[a-z]+)?)\s+(?P<name>(?:[A-Z][\w.’'-]+\s+){0,3}[A-Z][\w’'-]+)(?=\s+[a-z])"
)


@attrs.define
class Speakers:
    """Who spoke last in the article, for a pronoun that names no one ("he said")."""

    person: Attribution | None = None
    other: Attribution | None = None
    since: int = 0  # sentences since the last one was named
    previous: list[str] = attrs.Factory(list)  # the sentences before, for a name opening one

    def resolve(self, frame: Frame | None, sentence: str) -> Frame | None:
        if frame is not None:
            frame = self._resolved(frame)
            attribution = frame.attribution
            if attribution.who:
                if is_person(attribution):
                    self.person, self.since = attribution, 0
                else:
                    self.other, self.since = attribution, 0
        self.since += 1
        if self.since > 8:
            self.person = self.other = None
        self.previous = [*self.previous[-2:], sentence]
        return frame

    def _resolved(self, frame: Frame) -> Frame:
        attribution = frame.attribution
        pronoun = attribution.who.lower()
        if pronoun in _PERSON_PRONOUNS:
            found = self.person or self._named_before()
            if found is None and self.other is not None and is_person(self.other):
                found = self.other
        elif pronoun in _THING_PRONOUNS:
            found = self.other
        else:
            return frame
        # an unresolved pronoun is left without a name, never stored as one
        who, kind = (found.who, found.type) if found else ("", attribution.type)
        return attrs.evolve(frame, attribution=attrs.evolve(attribution, who=who, type=kind))

    def _named_before(self) -> Attribution | None:
        """A person's full name opening the sentence before ("Ana Ruiz arrived. She said")."""
        for sentence in reversed(self.previous):
            match = _NAME_RUN.match(sentence)
            if match is None or match.group().lower() in _NOT_NAMES:
                continue
            if _ORG_WORDS.intersection(match.group().split()):
                continue  # "Kestrel Games Inc" is no person
            if match.group().endswith(("'s", "’s")):
                continue  # "Felt's loyalty": whose, not who
            role = _ROLE_THEN_NAME.match(sentence, match.end())
            if role and role.group("role").split()[-1] in _ROLES:
                # "Red Sox owner John Henry spoke": the person is the name after the role
                return Attribution(role.group("name"), "named", 0, 0)
            return Attribution(match.group(), "named", 0, 0)
        return None


def is_person(attribution: Attribution) -> bool:
    """Whether the speaker is one person: named, or described by a role ("the mayor")."""
    last = attribution.who.split(",")[0].split()[-1:] or [""]
    return attribution.type == "named" or last[0].lower() in _ROLES


_ROLES = lower_set("person_roles.txt")
