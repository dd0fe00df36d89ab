"""Group an article's mentions into entities: "Mike Waltz" … "Waltz" is one person.

The canonical name is the fullest form seen ("Donald Trump", not "Trump");
roles are kept apart ("National Security Advisor"); a surname alone joins the
person most recently named with it, so "Donald Trump" and "Ivanka Trump" stay
two people.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from quotecli.extract import lexicon as lx
from quotecli.extract.mentions import Mention
from quotecli.model import ORGANISATION, PERSON

SPEAKER_TYPES_FROM_MENTION = {PERSON, ORGANISATION, "unknown", "place", "group"}


_TITLE_ABBREVIATIONS = {
    "gov": "governor",
    "sen": "senator",
    "rep": "representative",
    "gen": "general",
    "pres": "president",
    "sec": "secretary",
    "lt": "lieutenant",
    "col": "colonel",
    "capt": "captain",
    "sgt": "sergeant",
    "adm": "admiral",
    "supt": "superintendent",
}


def spelt_out(role: str) -> str:
    """A role in lower case with its abbreviated titles in full: "gov." -> "governor"."""
    words = role.lower().replace(".", " ").split()
    return " ".join(_TITLE_ABBREVIATIONS.get(w, w) for w in words)


def clean_role(role: str | None) -> str | None:
    """A role as shown to readers: "senior adviser to the mayor", not "a senior adviser…"."""
    if not role:
        return None
    words = role.split()
    if len(words) > 1 and words[0].lower() in ("a", "an", "the"):
        words = words[1:]
    return " ".join(words)


# Compared by identity: two entities are never the same one, and linking asks
# "is it in this bucket?" for every mention, which field-by-field equality slows.
@dataclass(slots=True, eq=False)
class Entity:
    index: int
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    gender: str | None = None
    # Named after a word only a body is called ("oil giant Yukos"): stored as an
    # organisation, though the rules still read the name as of no known kind.
    named_as_body: bool = False

    @property
    def surname(self) -> str:
        return _surname(self.name)

    def add_alias(self, alias: str) -> None:
        if alias not in self.aliases:
            self.aliases.append(alias)

    def add_role(self, role: str | None) -> None:
        role = clean_role(role)
        if role and role.lower() not in (r.lower() for r in self.roles):
            self.roles.append(role)

    @property
    def speaker_type(self) -> str:
        if self.type == "unknown" and self.named_as_body:
            return ORGANISATION
        if self.type in (PERSON, "unknown"):
            return PERSON
        if self.type == "place":
            return ORGANISATION
        return self.type


@lru_cache(maxsize=1 << 14)
def _surname(name: str) -> str:
    # Asked for every mention linked: the same few names, over and over.
    tokens = [t for t in name.split() if t.rstrip(".").lower() not in lx.NAME_SUFFIXES]
    return tokens[-1].lower() if tokens else name.lower()


def _file(index: dict[str, list[Entity]], key: str, entity: Entity) -> None:
    """Add ``entity`` to the bucket of ``key``, once."""
    bucket = index.get(key)
    if bucket is None:
        index[key] = [entity]
    # Most often the entity is the one filed last, found without a scan.
    elif bucket[-1] is not entity and entity not in bucket:
        bucket.append(entity)


def _same_kind(entity: Entity, mention: Mention) -> bool:
    if entity.gender and mention.gender and entity.gender != mention.gender:
        return False  # "Mrs. Clinton" after "Bill Clinton" is someone else
    if mention.type == "unknown" or entity.type == "unknown":
        return True
    return (entity.type == PERSON) == (mention.type == PERSON)


@dataclass(slots=True)
class Entities:
    """The entities of one article and the entity each mention belongs to."""

    entities: list[Entity] = field(default_factory=list)
    by_mention: dict[int, Entity] = field(default_factory=dict)  # mention start -> entity
    _by_alias: dict[str, list[Entity]] = field(default_factory=dict)
    _by_surname: dict[str, list[Entity]] = field(default_factory=dict)
    # Bodies of more than one word by each word of their name that says what
    # they are: "board" for "Harbour Board".
    _by_head: dict[str, list[Entity]] = field(default_factory=dict)
    # People named in full by their first name: "serena" for "Serena Williams".
    _by_first: dict[str, list[Entity]] = field(default_factory=dict)
    # Mentions linked so far to each entity, by its index. A plain dict, not a
    # Counter: a Counter's first count of a key goes through a Python-level
    # ``__missing__``, and most entities are counted once or twice.
    _times_linked: dict[int, int] = field(default_factory=dict)

    def note(self, mention_start: int, entity: Entity) -> None:
        """Record that the mention starting at ``mention_start`` names ``entity``."""
        self.by_mention[mention_start] = entity
        linked = self._times_linked
        linked[entity.index] = linked.get(entity.index, 0) + 1

    def link(self, mention: Mention, text: str = "") -> Entity:
        """The entity ``mention`` (in ``text``) names."""
        # Asked for every name in every article: the name is lowercased once for
        # the search and the filing, and a new entity is made with its alias.
        name = mention.name
        low = name.lower()
        entity = self._find(mention, text, low)
        if entity is None:
            entity = Entity(len(self.entities), name, mention.type, [name])
            self.entities.append(entity)
        else:
            # A fuller name is kept. Names are words joined by single spaces: their
            # spaces count their words, where splitting them would build lists.
            if mention.type != ORGANISATION and name.count(" ") > entity.name.count(" "):
                entity.name = name
            if entity.type == "unknown" or (entity.type == "place" and mention.type == PERSON):
                entity.type = mention.type
            first_name_alone = (
                " " not in name
                and low in lx.FIRST_NAMES
                and entity.type != ORGANISATION
                and " " in entity.name
                and low == entity.name.split(maxsplit=1)[0].lower()
            )
            if not first_name_alone:
                # (a first name alone, "Serena", is no other name for the person:
                # many people share it)
                entity.add_alias(name)
        self._register(entity, name, low)
        if mention.role:  # most mentions have none, which adds nothing
            entity.add_role(mention.role)
        if not entity.gender:
            entity.gender = mention.gender
        self.note(mention.start, entity)
        return entity

    def _find(self, mention: Mention, text: str, name: str) -> Entity | None:
        """The entity ``mention``, whose name lowercased is ``name``, names, if any yet."""
        # Most names are new to the article: their buckets are empty, and are
        # passed over before a search of them is set up.
        same_name = self._by_alias.get(name)
        found = self._latest(same_name, mention) if same_name else None
        if (
            found is None
            and mention.type == ORGANISATION
            and name in lx.ORG_WORDS
            and mention.name.istitle()  # not "BBC", a name in its own right
        ):
            # "the Board said" after "the Harbour Board": a body by the word that
            # says what it is, the one named most if more than one has it (but
            # "the Acme national poll" only describes the poll).
            heads = self._by_head.get(name, ())
            if heads and not _modifies_noun(text, mention.end):
                named = self._times_linked
                found = max(heads, key=lambda e: (named.get(e.index, 0), e.index))
        if found is not None or mention.type in (ORGANISATION, "place"):
            return found
        tokens = name.split()
        last = tokens[-1]
        if len(tokens) == 1:
            # "Waltz" after "Mike Waltz": the most recent person of that surname.
            same_surname = self._by_surname.get(last)
            if same_surname:
                return self._latest(same_surname, mention)
            return self._by_first_name(mention, text, last)
        if (
            len(tokens) == 2
            and tokens[0] in lx.NATIONALITIES
            and tokens[0] not in lx.PLACES
            and tokens[0] not in lx.TITLE_WORDS
            # a nationality keeps its capital inside a sentence; "Top", "Former" do not
            and not mention.sentence_initial
        ):
            # "American Dent" after "Taylor Dent": the same person, by nationality
            # and surname (not "British Airways", which no one is named after).
            same_surname = self._by_surname.get(last)
            found = self._latest(same_surname, mention) if same_surname else None
            if (
                found is not None
                and found.type in (PERSON, "unknown")
                and not found.named_as_body
                and " " in found.name
                # not "Munich Re" for "Swiss Re": a place's body
                and found.name.split()[0].lower() not in lx.PLACES
            ):
                return found
        # "Donald Trump" after a bare "Trump": the same person, now named in full.
        same_last = self._by_alias.get(last)
        if not same_last:
            return None
        return self._latest([e for e in same_last if e.name.lower() == last], mention)

    @staticmethod
    def _latest(entities: Iterable[Entity], mention: Mention) -> Entity | None:
        # Asked at nearly every link, mostly of an empty or one-entity bucket: one
        # loop keeps the newest that fits, where a filtered list and ``max`` cost more.
        latest = None
        for e in entities:
            if (
                (latest is None or e.index > latest.index)
                and _same_kind(e, mention)
                and (mention.type == ORGANISATION or e.type != ORGANISATION)
            ):
                latest = e
        return latest

    def _by_first_name(self, mention: Mention, text: str, first: str) -> Entity | None:
        """ "Serena" after "Serena Williams": the one person named in full with
        that first name, when the word is a first name and no one has it as a
        surname. With two such people ("Venus Williams", "Venus Ebony") it is
        not known which is meant."""
        if first not in lx.FIRST_NAMES or mention.role:
            return None
        if not text.startswith(mention.name, mention.start):
            return None  # "Mr Howard", "King Michael": a surname, or someone else titled
        before = _WORD_BEFORE_NAME.search(text, max(0, mention.start - 30), mention.start)
        if before is not None and before.group(1).lower() in lx.TITLE_WORDS:
            return None  # "ex-King Michael of Romania"
        people = self._by_first.get(first)
        if not people or len(people) > 1:
            return None
        return self._latest(people, mention)

    def _register(self, entity: Entity, alias: str, low: str) -> None:
        """File ``entity`` under ``alias`` (lowercased ``low``) and its surname."""
        _file(self._by_alias, low, entity)
        _file(self._by_surname, _surname(entity.name), entity)
        if entity.type in (PERSON, "unknown") and " " in alias:
            _file(self._by_first, low.split(maxsplit=1)[0], entity)
        if entity.type == ORGANISATION and " " in alias:
            for word in low.split():
                if word in lx.ORG_WORDS:
                    _file(self._by_head, word, entity)

    def named(self, name: str) -> Entity | None:
        """The person this name or surname refers to, if the article names them."""
        key = name.lower()
        found = [*self._by_alias.get(key, ()), *self._by_surname.get(key, ())]
        people = [e for e in found if e.type != ORGANISATION]
        return max(people, key=lambda e: e.index) if people else None

    def entity_at(self, mention_start: int) -> Entity | None:
        return self.by_mention.get(mention_start)

    def with_role(self, role_phrase: str) -> Entity | None:
        """The person whose role, as seen anywhere in the article, is ``role_phrase``.

        "the governor" finds "Gov. Chris Christie": abbreviated titles are spelt out.
        """
        wanted = role_phrase.lower()
        for entity in self.entities:
            if entity.type == PERSON and any(holds(spelt_out(r), wanted) for r in entity.roles):
                return entity
        return None


# Links that make a title someone else's: "adviser to the president", "friend of the leader".
_TIED_TO = frozenset(("of", "to", "for", "with"))

# Words that make a title another office: "Deputy Prime Minister" is not "the prime minister".
_OTHER_OFFICE = lx.load("entities-other-office")


def holds(role: str, wanted: str) -> bool:
    """Whether ``role`` is the office ``wanted`` names, not a deputy's or a shadow's,
    nor someone's tied to it ("a friend of the Tory leader", "adviser to the
    president")."""
    at = role.find(wanted)
    while at != -1:
        before = role[:at]
        words = before.split()
        if (
            not before.endswith("-")
            and (words or [""])[-1] not in _OTHER_OFFICE
            and not _TIED_TO.intersection(words)
        ):
            return True
        at = role.find(wanted, at + 1)
    return False


# "Andriy Yermak, a senior adviser to the president, said": a role set off by commas.
_APPOSITIVE_ROLE = re.compile(r",\s+((?:a|an|the)\s+[^,;:.“”\"()]{3,80}?),")


# "Jo Roe, 45,": an age set off by commas says a person is meant.
_AGE = re.compile(r",[ \t]+\d{1,3},")


def build_entities(mentions: list[Mention], text: str = "") -> Entities:
    entities = Entities()
    for mention in mentions:
        if mention.type in SPEAKER_TYPES_FROM_MENTION:
            knight = (
                _knighted(entities, mention, text)
                if text.startswith(("Sir ", "Dame "), mention.start)
                else None
            )
            if knight is not None:
                # "Sir John said" after "Sir John Stevens": a knight by first name.
                entities.note(mention.start, knight)
                continue
            entity = entities.link(mention, text)
            if (
                entity.type == "unknown"
                and not entity.named_as_body
                and _reads_as_body(mention, entity, text)
            ):
                entity.named_as_body = True
            # Both patterns open with the comma after the name, and most names have none.
            if (
                text.startswith(",", mention.end)
                and mention.type in (PERSON, "unknown")
                and not mention.possessive
            ):
                match = _APPOSITIVE_ROLE.match(text, mention.end)
                if match and _names_a_role(match.group(1)):
                    entity.add_role(match.group(1))
                    if entity.type == "unknown" and " " in entity.name:
                        entity.type = PERSON  # "Agusein Garcia, a service worker,"
                elif (
                    entity.type == "unknown"
                    and " " in entity.name
                    and _AGE.match(text, mention.end)
                ):
                    entity.type = PERSON  # "Agusein Garcia, 45, said"
    return entities


# The word right before a name, across a space or a hyphen: "ex-King Michael".
_WORD_BEFORE_NAME = re.compile(r"([A-Za-z]+)[ \t-]$")
_NEXT_WORD = re.compile(r"[ \t]+([a-z]+)")
_OWNS_SHARES = re.compile(r"(?:'s|’s|'|’)?[ \t]+(?:shares|stock|share price)\b")
_SHARES_IN = re.compile(r"\b(?:[Ss]hares|[Ss]tock|[Ss]take) (?:in|of) $")
_WORD_BEFORE = re.compile(r"([a-z]+)$")
_PLURAL_VERB = re.compile(r"[ \t]+(?:say|insist|claim|believe|admit|are|have|were)\b")


def _reads_as_body(mention: Mention, entity: Entity, text: str) -> bool:
    """Whether a name of no known kind reads as a body's where it stands."""
    start = mention.start
    if _OWNS_SHARES.match(text, mention.end) or _SHARES_IN.search(text, max(0, start - 16), start):
        # "Shares in Acme Doughnuts fell", "Acme shares rose": only a company
        # has shares; a person with a stake is "his shares", "shares he owns".
        return True
    if start >= 4 and text.startswith(" at ", start - 4) and _works_at(text, start - 4):
        # "a security manager at Acme", "an analyst at Gartner": where
        # someone works is a body, not a person.
        return True
    # "Leicester say they…", "Acme have warned": a name that takes a plural verb
    # is a club or a firm, never one person (not "Microsoft and Yahoo have": the
    # verb is the pair's; not "Knight and bass star Jo Size have": a person
    # described).
    return (
        not mention.possessive
        and _PLURAL_VERB.match(text, mention.end) is not None
        and not text[max(0, start - 5) : start].endswith(("and ", "or ", ", ", "& "))
        and not _works_at(text, start - 1)
        and not any(w.lower() in lx.FIRST_NAMES for w in entity.name.split())
    )


def _works_at(text: str, at: int) -> bool:
    """Whether a word for a person's job ends right at ``at`` ("manager", "analyst")."""
    match = _WORD_BEFORE.search(text, max(0, at - 30), at)
    return match is not None and (
        match.group(1) in lx.TITLE_WORDS or match.group(1) in lx.PERSON_NOUNS
    )


_AUXILIARIES = lx.load("attribute-auxiliaries")


def _modifies_noun(text: str, end: int) -> bool:
    """Whether a word that is no verb follows, so that the name only describes
    it ("the Acme national poll"), unlike "the Board said", "the Board has"."""
    match = _NEXT_WORD.match(text, end)
    if match is None:
        return False
    word = match.group(1)
    return not (word in lx.SPEECH_FORMS or word in _AUXILIARIES or word.endswith(("ed", "s")))


def _knighted(entities: Entities, mention: Mention, text: str) -> Entity | None:
    """The person a "Sir John" or "Dame Judi" is, by first name, if one is named."""
    if " " in mention.name or not text.startswith(("Sir ", "Dame "), mention.start):
        return None
    first = mention.name.lower()
    found = [
        e
        for e in entities.entities
        if e.type == PERSON and " " in e.name and e.name.split()[0].lower() == first
    ]
    return found[-1] if len(found) == 1 else None


def _names_a_role(phrase: str) -> bool:
    words = [w.lower().strip(",") for w in phrase.split()]
    return any(w in lx.TITLE_WORDS or w in lx.PERSON_NOUNS for w in words[1:])
