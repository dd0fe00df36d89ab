"""One speaker per person across the whole index.

Each article's engine run names its speakers in full where it can ("Donald
Trump", "Volodymyr Zelenskyy"). Before an article is stored, its speakers are
settled within the article (``resolve_article``): names are freed of the dates,
titles and parties glued to them, non-names are dropped, a surname or a title
joins the one person in the article who carries it, party names become one
organisation. Then each is matched against the speakers already in the index
(``match``): the same name, a spelling variant of it (Zelensky / Zelenskyy), or
a surname, with its form of address, that only one known person carries.
People who merely share a surname (Donald Trump, Donald Trump Jr., Ivanka
Trump) stay apart. Pure functions: the store looks the candidates up. The
word lists are plain files in ``quotecli/data/``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from thefuzz import fuzz

from quotecli.extract import lexicon
from quotecli.model import ORGANISATION, PERSON, Quote, Speaker

_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_WORD = re.compile(r"[^\W_]+")
# Below these, two spellings are two names: "Zelensky"/"Zelenskyy" scores 94,
# "Davis"/"Davies" 91 (two men called David), "Clinton"/"Clifton" 86.
SURNAME_SIMILARITY = 92
NAME_SIMILARITY = 90


@dataclass(frozen=True, slots=True)
class Known:
    """A speaker already in the index."""

    id: int
    name: str
    type: str | None
    aliases: tuple[str, ...] = ()


@lru_cache(maxsize=65536)
def _tokens(name: str) -> tuple[str, ...]:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = [w.lower() for w in _WORD.findall(plain)]
    return tuple(w for w in words if len(w) > 1 or len(words) == 1)


def name_tokens(name: str) -> list[str]:
    """Lowercase words of a name, without accents, punctuation or initials."""
    # Cached: the writer compares every new name with dozens of known ones.
    return list(_tokens(name))


def surname(name: str) -> str:
    """The family name: the last word that is not a suffix ("Trump" in "Donald Trump Jr.")."""
    words = [w for w in name_tokens(name) if w not in _SUFFIXES]
    return words[-1] if words else ""


def _suffix(words: list[str]) -> str:
    return words[-1] if words and words[-1] in _SUFFIXES else ""


def same_person(a: str, b: str) -> bool:
    """Whether two full names are one person's, allowing for spelling variants."""
    wa, wb = name_tokens(a), name_tokens(b)
    if not wa or not wb:
        return False
    if wa == wb:
        return True
    if _suffix(wa) != _suffix(wb) or len(wa) < 2 or len(wb) < 2:
        return False
    first_a, first_b = wa[0], wb[0]
    if first_a != first_b:
        return False
    return (
        fuzz.ratio(surname(a), surname(b)) >= SURNAME_SIMILARITY
        and fuzz.ratio(" ".join(wa), " ".join(wb)) >= NAME_SIMILARITY
    )


def match(new: Speaker, candidates: Sequence[Known]) -> int | None:
    """The id of the known speaker that ``new`` is, or None for a new speaker.

    Forms of address and titles are no part of the name but do identify it:
    "Dr Fox" joins the one known person called Fox, "Lord Falconer" the one
    Falconer, and "Mrs Blair" never joins a man.
    """
    key = name_tokens(new.name)
    # One name, one speaker: the index keeps canonical names unique.
    exact = next((k.id for k in candidates if name_tokens(k.name) == key), None)
    if exact is None and new.name.isupper() and len(new.name) > 1:
        # "BCC" is the body another article spelt out as the British Chambers of Commerce.
        spelt = [k.id for k in candidates if k.type == ORGANISATION and new.name in k.aliases]
        if len(spelt) == 1:
            return spelt[0]
    if exact is None and new.type == ORGANISATION and len(key) > 1:
        # "British Chamber of Commerce" is the British Chambers of Commerce
        # misspelt: a body's name read with each word in the singular.
        folded = _singular(key)
        same = [
            k.id
            for k in candidates
            if k.type == ORGANISATION and _singular(name_tokens(k.name)) == folded
        ]
        if len(same) == 1:
            return same[0]
    if new.type != PERSON or not key or not new.name[:1].isupper():
        return exact  # a description ("spokesman for Mr Blair") is nobody's name
    parsed = parse_name(new.name)
    core = name_tokens(parsed.core)
    people = [k for k in candidates if _maybe_person(k)]
    if len(core) == 1:
        # A surname alone is kept as a speaker only while nobody known carries it.
        found = _bearer(parsed, people)
        return found if found is not None else exact
    if exact is not None:
        return exact
    variants = [k for k in people if same_person(parsed.core, parse_name(k.name).core)]
    if not variants:
        return None
    best = max(variants, key=lambda k: (fuzz.ratio(new.name.lower(), k.name.lower()), -k.id))
    return best.id


def _singular(words: Sequence[str]) -> tuple[str, ...]:
    """Each word without a plural "s" ("chambers" is "chamber", "glass" stays)."""
    return tuple(w[:-1] if len(w) > 3 and w[-1] == "s" and w[-2] != "s" else w for w in words)


def _bearer(parsed: ParsedName, people: Sequence[Known]) -> int | None:
    """The one known person a surname (with its form of address) names, if only one."""
    # A bare surname joins the one person who carries it, and only then...
    bearers = [k for k in people if _bears(parsed, k)]
    # A full name says more than another speaker known by the surname alone.
    bearers = [k for k in bearers if parse_name(k.name).is_full] or bearers
    if parsed.honorific and _plain(parsed.honorific) in RANKS:
        # A peer or a knight is a person only if some article called them so:
        # "Lord Browne" of BP is not Des Browne.
        bearers = [k for k in bearers if addressed_as(k, parsed.honorific)]
    ids = {k.id for k in bearers}
    if len(ids) > 1 and parsed.honorific:
        # ...or the one of them articles address the same way ("Dr Fox").
        ids = {k.id for k in bearers if addressed_as(k, parsed.honorific)}
    return ids.pop() if len(ids) == 1 else None


# Forms of address that are a rank, given to one person and not to their namesakes.
RANKS = frozenset({"lord", "lady", "baroness", "baron", "sir", "dame"})


def addressed_as(known: Known, honorific: str) -> bool:
    """Whether articles have called a known speaker by this form of address."""
    wanted = _plain(honorific)
    return any(
        p.honorific is not None and _plain(p.honorific) == wanted
        for p in map(parse_name, (known.name, *known.aliases))
    )


def _maybe_person(known: Known) -> bool:
    if known.type in (PERSON, None):
        return True
    return known.type == ORGANISATION and any(
        is_person_name(n) for n in (known.name, *known.aliases)
    )


def _bears(bare: ParsedName, known: Known) -> bool:
    """Whether a known speaker carries the surname ``bare`` names, by a compatible address."""
    parsed = parse_name(known.name)
    addressed = [parse_name(a) for a in known.aliases]
    if any(not compatible(bare, a) for a in (parsed, *addressed) if a.honorific):
        return False
    if parsed.is_full:
        return _carries(bare, parsed, f"{bare.honorific} {parsed.core}")
    # Known only by a form of address and a surname ("Lord Falconer").
    return bool(parsed.honorific) and name_tokens(parsed.core) == name_tokens(bare.core)


# Names as articles write them ------------------------------------------------
#
# The engine names a speaker by the capitalised run it found, and a run may
# carry words that are no part of the name: a form of address ("Dr Fox"), a
# title or role ("Chancellor Gordon Brown", "Writer Tony Cowell"), a party
# ("Tory Liam Fox") or a date ("Monday Tony Blair"). The functions below take
# those apart, so that every form an archive uses reduces to one core name.


def _data_lines(name: str) -> list[str]:
    text = (resources.files("quotecli") / "data" / name).read_text(encoding="utf-8")
    lines = (line.strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def _honorifics() -> dict[str, str]:
    pairs = (line.split() for line in _data_lines("honorifics.txt"))
    return {word: gender for word, gender in pairs}


HONORIFICS = _honorifics()
# Words that may stand before a name without being part of it.
PREFIX_WORDS = (
    lexicon.TITLE_WORDS
    | lexicon.CALENDAR
    | lexicon.NATIONALITIES
    | lexicon.POST_NOMINALS
    | frozenset(HONORIFICS)
    | frozenset(_data_lines("name_prefixes.txt"))
)
# Adjectives that may also begin a name ("New York Post", "North Sea").
_ADJECTIVES = frozenset(_data_lines("name_adjectives.txt"))
# Words that are never a whole name on their own.
NOT_NAMES = (
    lexicon.CALENDAR | lexicon.NOT_NAMES | lexicon.TERMS | frozenset(_data_lines("not_names.txt"))
)
# Nouns that make a run of capitals an organisation's name ("Home Office").
_ORG_WORDS = lexicon.ORG_NOUNS


def _alias_groups() -> dict[str, tuple[str, ...]]:
    groups: dict[str, tuple[str, ...]] = {}
    for line in _data_lines("speaker_aliases.txt"):
        names = tuple(n.strip() for n in line.split("|") if n.strip())
        for name in names:
            groups[name.casefold()] = names
    return groups


# Every known form of a party or organisation, folded, to all its names, canonical first.
ALIAS_GROUPS = _alias_groups()


def _plain(word: str) -> str:
    return word.strip(".,;:'’\"()").lower()


@dataclass(frozen=True, slots=True)
class ParsedName:
    """A name as written, taken apart: the words before it, and the name itself."""

    prefix: tuple[str, ...]
    core: str

    @property
    def honorific(self) -> str | None:
        """The form of address right before the core name ("Lord" in "Labour's Lord X")."""
        if self.prefix and _plain(self.prefix[-1]) in HONORIFICS:
            return self.prefix[-1]
        return None

    @property
    def gender(self) -> str | None:
        """ "m" or "f" when the form of address or the first name tells it."""
        if self.honorific:
            told = HONORIFICS[_plain(self.honorific)]
            if told != "-":
                return told
        words = self.core.split()
        if len(words) > 1:
            first = _plain(words[0])
            if first in lexicon.MALE_NAMES and first not in lexicon.FEMALE_NAMES:
                return "m"
            if first in lexicon.FEMALE_NAMES and first not in lexicon.MALE_NAMES:
                return "f"
        return None

    @property
    def is_full(self) -> bool:
        """A first name and a surname, not a surname alone."""
        return len(name_tokens(self.core)) > 1

    @property
    def display(self) -> str:
        """The name to show: the core, with its form of address when it is a surname alone."""
        if not self.is_full and self.honorific:
            return f"{self.honorific} {self.core}"
        return self.core


def _starts_name(word: str) -> bool:
    plain = _plain(word)
    return (
        bool(word)
        and word[0].isupper()
        and plain not in PREFIX_WORDS
        and plain not in NOT_NAMES
        and plain not in _ORG_WORDS
    )


@lru_cache(maxsize=65536)
def parse_name(name: str) -> ParsedName:
    """Split the words that stand before a name from the name itself.

    The cut is made after the last such word that a name still follows:
    "East Midlands MEP Robert Kilroy-Silk" -> "Robert Kilroy-Silk",
    "Prime Minister John Major" -> "John Major" (a surname may look like a title).
    A run with no name after its titles ("Labour Party") is left whole.
    """
    words = name.split()
    for cut in range(len(words) - 1, 0, -1):
        before = _plain(words[cut - 1])
        if before in PREFIX_WORDS and _starts_name(words[cut]):
            if before in _ADJECTIVES and _plain(words[cut]) not in lexicon.FIRST_NAMES:
                continue
            if len(words) == 2 and before in lexicon.FIRST_NAMES:
                continue  # "Dean Boyd": a title that is also a first name, as the engine reads it
            return ParsedName(tuple(words[:cut]), " ".join(words[cut:]))
    return ParsedName((), " ".join(words))


def has_first_name(name: str) -> bool:
    """Whether a name starts with a common first name ("Liam Fox", not "Fox News")."""
    words = parse_name(name).core.split()
    return len(words) > 1 and _plain(words[0]) in lexicon.FIRST_NAMES


def is_person_name(name: str) -> bool:
    """Evidence in the name itself that it is a person's: a form of address or a first name."""
    parsed = parse_name(name)
    return parsed.honorific is not None or has_first_name(parsed.core)


def alias_group(name: str) -> str | None:
    """The canonical name of a party or organisation known by several ("Lib Dems")."""
    names = ALIAS_GROUPS.get(" ".join(name.split()).casefold())
    return names[0] if names else None


def clean_speaker(speaker: Speaker) -> Speaker | None:
    """The speaker with its name freed of words that are not part of it; None for a non-name.

    "Monday Tony Blair" -> Tony Blair, "Office Minister Des Browne" -> Des Browne,
    "Lib Dems" -> Liberal Democrats; "Street", "Morning", "Tory-Labour" -> None.
    The type follows the evidence: a form of address or a first name makes a person.
    """
    group = ALIAS_GROUPS.get(" ".join(speaker.name.split()).casefold())
    if group is not None:
        # Every form is an alias, so that any of them finds the one speaker.
        return Speaker(group[0], ORGANISATION, aliases=group[1:], roles=speaker.roles)
    if not speaker.name[:1].isupper():
        # A description, not a name ("spokesman", "analysts", "prime minister").
        return speaker
    person, _, where = speaker.name.partition(" of ")
    if (
        where
        and _plain_full_name(person)
        and (speaker.type in (PERSON, None) or has_first_name(person))
    ):
        # "Nacho Novo of Rangers" is Nacho Novo; "Duke of Edinburgh" stays whole.
        # What the engine took for his surname ("Rangers") is no name of his.
        mine = set(name_tokens(person))
        aliases = tuple(a for a in speaker.aliases if mine & set(name_tokens(a)))
        speaker = replace(speaker, name=person, aliases=aliases)
    parsed = parse_name(speaker.name)
    if not _is_name(parsed.core):
        return None
    core_words = parsed.core.split()
    titled = bool(parsed.prefix) and not parsed.honorific
    if (
        speaker.type == ORGANISATION
        and titled
        and (
            len(core_words) < 2
            or any(_plain(w) in _ORG_WORDS for w in core_words)
            # "British Chambers of Commerce": a country's name for a body, no job.
            or (
                all(_plain(p) in lexicon.NATIONALITIES for p in parsed.prefix)
                and not has_first_name(parsed.core)
            )
        )
    ):
        # An organisation's own name may begin with a title word ("National Grid").
        return speaker
    kind = speaker.type
    if (
        parsed.honorific
        or has_first_name(parsed.core)
        # Words of a job before a full name ("Office Minister Des Browne").
        or (titled and len(core_words) > 1 and kind in (ORGANISATION, None))
    ):
        kind = PERSON
    name = parsed.display
    # An alias is a name too: "spokesman for Mr Blair" is none of Tony Blair's.
    aliases = [a for a in speaker.aliases if a.casefold() != name.casefold() and _is_alias(a)]
    if name != speaker.name and parsed.honorific and len(name_tokens(name)) > 1:
        # "Dr Liam Fox" is a way to find Liam Fox; "Monday Tony Blair" is not.
        plain_prefix = {_plain(p) for p in parsed.prefix}
        if not plain_prefix & lexicon.CALENDAR:
            aliases.insert(0, f"{parsed.honorific} {parsed.core}")
    return replace(speaker, name=name, type=kind, aliases=tuple(dict.fromkeys(aliases)))


def _plain_full_name(name: str) -> bool:
    """Two or more capitalised words, none a title, a job or an organisation's noun."""
    words = name.split()
    return len(words) > 1 and all(
        w[:1].isupper() and _plain(w) not in PREFIX_WORDS and _plain(w) not in _ORG_WORDS
        for w in words
    )


def _is_alias(alias: str) -> bool:
    words = alias.split()
    return bool(words) and all(
        w[:1].isupper() or w in lexicon.NAME_CONNECTORS or not w[:1].isalpha() for w in words
    )


def _is_name(core: str) -> bool:
    """Whether the words left could be a name at all."""
    words = core.split()
    if not words or not any(ch.isalpha() for ch in core):
        return False
    if len(words) == 1:
        word = words[0]
        parts = [_plain(p) for p in word.split("-") if p]
        if parts and all(p in PREFIX_WORDS or p in NOT_NAMES for p in parts):
            return False  # "Tory-Labour", "Street", "Monday"
    return True


# One article's speakers --------------------------------------------------------

# A run of capitalised words; small words may join a person's name ("Ludwig van
# Beethoven") but "of" never does ("Nacho Novo of Rangers" is no Mr Rangers).
_RUN = re.compile(
    r"[A-Z][\w'’.-]*(?:[ \t]+(?:(?:de|van|von|der|la|le|du|da|di|bin|al)[ \t]+)?[A-Z][\w'’.-]*)*"
)
_PERSON_MENTIONS = lexicon.PRONOUNS_MALE | lexicon.PRONOUNS_FEMALE
# Forms of address followed by the first name, not the surname.
_BY_FIRST_NAME = frozenset({"sir", "dame"})


@dataclass(frozen=True, slots=True)
class Resolved:
    """What one name the engine gave in an article stands for.

    ``speaker`` is the speaker under its cleaned name (the person it joins in the
    article, when it was a surname or title); ``found_as`` the form the article
    used, after cleaning; ``person`` whether the article shows it is a person
    (a form of address, a first name, "he" or "she"); ``local`` that two people
    in the article carry the name, so it must not join anyone across the archive.
    """

    speaker: Speaker
    found_as: str
    person: bool = False
    local: bool = False


def compatible(a: ParsedName, b: ParsedName) -> bool:
    """Whether two names may be one person's, by the gender each shows ("Mrs Blair")."""
    ga, gb = a.gender, b.gender
    return ga is None or gb is None or ga == gb


def _carries(bare: ParsedName, full: ParsedName, text: str) -> bool:
    """Whether the person named ``full`` is the one a surname (with its honorific) names."""
    word = name_tokens(bare.core)
    words = name_tokens(full.core)
    if not word or len(words) < 2 or not compatible(bare, full):
        return False
    if bare.honorific and _plain(bare.honorific) in _BY_FIRST_NAME:
        # A knight or dame is called by first name: "Sir Howard" is Sir Howard Newby,
        # never Michael Howard.
        return words[0] == word[0] and f"{bare.honorific} {full.core}" in text
    return surname(full.core) == word[0]


def _people_in_text(text: str) -> list[ParsedName]:
    """Full names the article gives a person: after a form of address, or with a first name."""
    found: dict[str, ParsedName] = {}
    for run in (piece for whole in _RUN.findall(text) for piece in _sentence_pieces(whole)):
        if " " not in run and "\t" not in run:
            continue
        parsed = parse_name(run.rstrip(".").replace("’s", "").replace("'s", ""))
        if not parsed.is_full or len(parsed.core.split()) > 4:
            continue
        if parsed.honorific or has_first_name(parsed.core):
            found.setdefault(parsed.core.casefold(), parsed)
    return list(found.values())


def _sentence_pieces(run: str) -> list[str]:
    """A run of capitals cut where a sentence ends inside it ("Steve Morgan. Parry")."""
    pieces: list[list[str]] = [[]]
    for word in run.split():
        pieces[-1].append(word)
        if word.endswith(".") and len(word) > 2 and _plain(word) not in HONORIFICS:
            pieces.append([])
    return [" ".join(p) for p in pieces if p]


# Words that may qualify a title without changing who holds it ("UK Chancellor");
# "former" or "deputy" do change it.
_SAME_HOLDER = lexicon.NATIONALITIES - {
    "former",
    "then",
    "late",
    "outgoing",
    "incoming",
    "new",
    "acting",
    "interim",
    "ex",
}


def title_key(role: str) -> str:
    """The title a role is, folded: "UK Chancellor" -> "chancellor"; "Deputy Prime
    Minister" stays "deputy prime minister"."""
    words = [_plain(w) for w in role.split()]
    while words and words[0] in _SAME_HOLDER | {"the"}:
        words = words[1:]
    return " ".join(words)


def holds_title(role: str, title: str) -> bool:
    """Whether a role is this title (see ``title_key``)."""
    return title_key(role) == title


def title_of(name: str) -> str | None:
    """The title a nameless speaker stands for ("prime minister"), if it is one."""
    words = [_plain(w) for w in name.split()]
    if words and words[0] == "the":
        words = words[1:]
    if not words or name[:1].isupper() or not all(w in lexicon.TITLE_WORDS for w in words):
        return None
    if any(w in lexicon.ANONYMOUS_NOUNS for w in words):
        return None  # "a spokesman" is nobody in particular
    return " ".join(words)


def _named_with(title: str, text: str) -> set[str]:
    """Names (folded) the article gives ``title`` to: "Chancellor Gordon Brown", "Gordon
    Brown, the chancellor". One pass over the text."""
    pattern = re.escape(title).replace(r"\ ", r"\s+")
    run = r"[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)*"
    named: set[str] = set()
    for found in re.finditer(rf"(?i:\b{pattern})[ \t]+({run})", text):
        # "Shadow Chancellor Oliver Letwin" and "First Minister Jack McConnell" hold
        # another title than "chancellor" or "minister".
        before = text[max(0, found.start() - 40) : found.start()].split()[-1:]
        if not before or _plain(before[0]) not in lexicon.TITLE_WORDS:
            named.add(found.group(1).casefold())
    for found in re.finditer(rf"({run}),\s+(?i:the\s+(?:(\w+)\s+)?{pattern})\b", text):
        if found.group(2) is None or _plain(found.group(2)) in _SAME_HOLDER:
            named.add(found.group(1).casefold())
    return named


def _holds(title: str, person: ParsedName, speaker: Speaker | None, named: set[str]) -> bool:
    """Whether the article gives ``title`` to this person (``named``: see _named_with)."""
    if speaker is not None and any(holds_title(r, title) for r in speaker.roles):
        return True
    core = person.core.casefold()
    return any(n == core or n.endswith(" " + core) or n.startswith(core + " ") for n in named)


class _Words:
    """How some one-word names stand in an article, gathered in one pass over it."""

    def __init__(self, text: str, words: Iterable[str]) -> None:
        self.lower: set[str] = set()
        self.total: dict[str, int] = {}
        self.glued: dict[str, int] = {}
        wanted = sorted({w for w in words if w}, key=len, reverse=True)
        if not wanted:
            return
        alternatives = "|".join(re.escape(w) for w in wanted)
        for found in re.finditer(rf"(?i)(?<![\w-])(?:{alternatives})(?![\w-])", text):
            word = found.group()
            if word.islower():
                self.lower.add(word)
                continue
            self.total[word] = self.total.get(word, 0) + 1
            before = re.search(r"(\S+)[ \t]+$", text[max(0, found.start() - 40) : found.start()])
            if before and self._glues(before.group(1)):
                self.glued[word] = self.glued.get(word, 0) + 1

    @staticmethod
    def _glues(token: str) -> bool:
        return (
            (token[:1].isupper() or token[:1].isdigit())
            and _plain(token) not in PREFIX_WORDS
            and _plain(token) not in lexicon.NOT_NAMES
            and not token.endswith((".", ",", ":", ";", "’s", "'s"))
        )

    def fragment(self, word: str) -> bool:
        """Whether a one-word name is a common word or a piece of a longer name here.

        "Morning" when the article also writes "morning"; "Street" and "Cent" when
        every time it stands after another capitalised word or a number
        ("Downing Street", "50 Cent").
        """
        if word.lower() in self.lower:
            return True
        total = self.total.get(word, 0)
        return total > 0 and self.glued.get(word, 0) == total


@dataclass(frozen=True, slots=True)
class ArticleSpeakers:
    """An article's speakers as the index should store them.

    ``names`` maps each speaker name the engine gave to what it stands for
    (None for a non-name); ``quotes`` maps the position of a quote whose own
    mention names someone else ("Sir Howard" given to Michael Howard) to its speaker.
    """

    names: dict[str, Resolved | None]
    quotes: dict[int, Resolved]

    def of(self, index: int, quote: Quote) -> Resolved | None:
        """The speaker of the quote at ``index``, or None."""
        if index in self.quotes:
            return self.quotes[index]
        return self.names.get(quote.speaker) if quote.speaker else None


def resolve_article(
    speakers: Sequence[Speaker], quotes: Sequence[Quote], text: str
) -> ArticleSpeakers:
    """What each speaker the engine gave for one article stands for.

    A surname, or a form of address and a surname, joins the one person in the
    article who carries it; a title joins the one person the article gives it
    to. Neither joins anyone when two would fit. Non-names are dropped.
    """
    listed = {s.name: s for s in speakers}
    for quote in quotes:
        if quote.speaker and quote.speaker not in listed:
            listed[quote.speaker] = Speaker(quote.speaker, quote.speaker_type or PERSON)
    # In the order the article gives them (a dict, not a set): which form of
    # address a name takes, and the order of its aliases, must not depend on
    # the process's string hashing, or two runs would give two indexes.
    mentions: dict[str, dict[str, None]] = {}
    for quote in quotes:
        if quote.speaker and quote.mention:
            mentions.setdefault(quote.speaker, {})[quote.mention] = None

    cleaned: dict[str, Speaker | None] = {n: clean_speaker(s) for n, s in listed.items()}
    # People named in full, by their core name: the speakers, then the text.
    people: dict[str, tuple[ParsedName, Speaker | None]] = {}
    for speaker in cleaned.values():
        if speaker is not None and speaker.type == PERSON:
            parsed = parse_name(speaker.name)
            if parsed.is_full:
                people.setdefault(parsed.core.casefold(), (parsed, speaker))
    read: list[bool] = []

    def everyone() -> dict[str, tuple[ParsedName, Speaker | None]]:
        """The people above and those the text names in full, read once, when first needed."""
        if read:
            return people
        read.append(True)
        # Spelling variants are looked for among people of the same surname only, so
        # the work grows with the article, not with the square of its names.
        by_surname: dict[str, list[str]] = {}
        for key in people:
            by_surname.setdefault(surname(key), []).append(key)
        for parsed in _people_in_text(text):
            key = parsed.core.casefold()
            kin = by_surname.setdefault(surname(key), [])
            if key not in people and not any(same_person(parsed.core, k) for k in kin):
                people[key] = (parsed, None)
                kin.append(key)
        return people

    out: dict[str, Resolved | None] = {}
    # Read from the text once per article, and only when needed.
    titled: dict[str, set[str]] = {}
    words: _Words | None = None
    for name, speaker in cleaned.items():
        if speaker is None:
            out[name] = None
            continue
        said = mentions.get(name, {})
        parsed = parse_name(speaker.name)
        named = speaker.name[:1].isupper()
        addressed = [
            p for p in map(parse_name, said) if p.honorific and p.core == parsed.core.split()[-1]
        ]
        if parsed.honorific is None and not parsed.is_full and addressed:
            # "Falconer", whom the article calls Lord Falconer, is Lord Falconer.
            parsed = addressed[0]
            speaker = replace(speaker, name=parsed.display, type=PERSON)
        elif parsed.is_full and addressed:
            # "Dr Marsh" finds Ian Marsh by the name the article used for him.
            forms = [a.display for a in addressed]
            speaker = replace(speaker, aliases=tuple(dict.fromkeys((*speaker.aliases, *forms))))
        person = alias_group(name) is None and (
            is_person_name(name)
            or is_person_name(speaker.name)
            or bool(addressed)
            # The engine gives "he" to any name it takes for a person's, so a pronoun
            # is evidence only for a full name ("Liam Fox", never "Yukos").
            or (parsed.is_full and any(m.lower() in _PERSON_MENTIONS for m in said))
        )
        if speaker.type in (ORGANISATION, None) or speaker.name.isupper():
            spelt = _spelt_out(text).get(speaker.name)
            if spelt is not None:
                # "The British Chambers of Commerce (BCC)": "BCC" is that body.
                out[name] = Resolved(
                    Speaker(spelt, ORGANISATION, aliases=(speaker.name,), roles=speaker.roles),
                    speaker.name,
                )
                continue
            short = next((a for a, full in _spelt_out(text).items() if full == speaker.name), None)
            if short is not None and short not in speaker.aliases:
                speaker = replace(speaker, aliases=(*speaker.aliases, short))
        if speaker.type == ORGANISATION and _plain(speaker.name) in _ORG_WORDS:
            # "the Bank said" is the bank the article names in full, if it names one.
            body = _body_named_in_full(speaker.name, text)
            if body is not None:
                out[name] = Resolved(replace(speaker, name=body), speaker.name)
                continue
        title = title_of(speaker.name)
        # The form the article used: "Lib Dems" though the speaker is the Liberal Democrats.
        found_as = " ".join(name.split()) if alias_group(name) else speaker.name
        if title is not None:
            if title not in titled:
                titled[title] = _named_with(title, text)
            holders = [(p, s) for p, s in everyone().values() if _holds(title, p, s, titled[title])]
            if len(holders) == 1:
                holder, known = holders[0]
                out[name] = Resolved(_as_person(holder, known), found_as, person=True)
                continue
            out[name] = Resolved(speaker, found_as)
            continue
        if named and not parsed.is_full and (speaker.type in (PERSON, None) or parsed.honorific):
            carriers = [(p, s) for p, s in everyone().values() if _carries(parsed, p, text)]
            if len(carriers) == 1:
                holder, known = carriers[0]
                joined = _as_person(holder, known)
                if speaker.name != joined.name:
                    joined = replace(joined, aliases=(*joined.aliases, speaker.name))
                out[name] = Resolved(joined, found_as, person=True)
                continue
            if len(carriers) > 1:
                out[name] = Resolved(speaker, found_as, person=person, local=True)
                continue
            if words is None:
                bare = (parse_name(c.name).core for c in cleaned.values() if c is not None)
                words = _Words(text, (w for w in bare if " " not in w))
            if not parsed.honorific and words.fragment(parsed.core):
                out[name] = None
                continue
        if person and speaker.type != PERSON:
            speaker = replace(speaker, type=PERSON)
        elif not person and named and not parsed.is_full and speaker.type == PERSON:
            # "Arsenal said": one word and nothing to show a person; the type is unknown.
            speaker = replace(speaker, type=None)
        out[name] = Resolved(speaker, found_as, person=person)

    overrides: dict[int, Resolved] = {}
    for i, quote in enumerate(quotes):
        mention = parse_name(quote.mention or "")
        given = out.get(quote.speaker or "")
        if (
            given is None
            or given.speaker.type != PERSON
            or not mention.honorific
            or mention.is_full
            # "A spokesman for Mr Blair" is not Mr Blair.
            or not all(_plain(w) in PREFIX_WORDS for w in mention.prefix)
        ):
            continue
        carriers = [(p, s) for p, s in everyone().values() if _carries(mention, p, text)]
        if len(carriers) == 1 and carriers[0][0].core.casefold() != given.speaker.name.casefold():
            holder, known = carriers[0]
            overrides[i] = Resolved(_as_person(holder, known), mention.display, person=True)
    return ArticleSpeakers(out, overrides)


# A name and the short form it is given in brackets: "Office of Fair Trading (OFT)".
_SPELT_OUT = re.compile(
    r"((?:[A-Z][\w&'’.-]*[ \t]+(?:(?:of|for|and|the|on)[ \t]+)*){1,8})\(([A-Z][A-Za-z&]{1,7})\)"
)


@lru_cache(maxsize=8)
def _spelt_out(text: str) -> dict[str, str]:
    """Short forms the text spells out, each with its full name, when the initials fit."""
    found: dict[str, str] = {}
    for match in _SPELT_OUT.finditer(text):
        words = match.group(1).split()
        short = match.group(2)
        capitals = [w for w in words if w[:1].isupper()]
        # The short form's letters are the last capitals' initials ("the OFT" of
        # "the Office of Fair Trading"); leading words are the sentence's own.
        letters = [c for c in short if c.isupper()]
        if len(letters) < 2 or len(capitals) < len(letters):
            continue
        first = len(capitals) - len(letters)
        if "".join(w[0] for w in capitals[first:]) != "".join(letters):
            continue
        start = words.index(capitals[first]) if capitals[first] in words else 0
        full = " ".join(words[start:]).rstrip("'’")  # "Incomes Data Services' (IDS)"
        found.setdefault(short, full)
    return found


# A body's full name: capitalised words, which "of", "for" or "on" (and "the") may join.
_BODY = re.compile(
    r"[A-Z][\w&'’.-]*(?:(?:[ \t]+(?:of|for|on)(?:[ \t]+the)?)?[ \t]+[A-Z][\w&'’.-]*)*"
)


def _body_named_in_full(word: str, text: str) -> str | None:
    """The one longer name in the text that holds ``word`` ("Bank" -> "Bank of England").

    None when the text names no such body, or two ("the Bank" in an article on
    the Bank of England and the European Central Bank is left as it is). Words
    of a job or a first name mark a person's title, not a body's name.
    """
    found: dict[str, str] = {}
    for match in _BODY.finditer(text):
        words = re.sub(r"['’]s\b.*", "", match.group()).rstrip(".").split()
        if len(words) < 2 or word not in words:
            continue
        # "The Reserve Bank", "Governor of the Reserve Bank": the body's name starts later.
        if words[0] in ("The", "A", "An"):
            words = words[1:]
        if len(words) > 2 and _plain(words[0]) in lexicon.TITLE_WORDS and words[1] == "of":
            words = words[3:] if words[2] == "the" else words[2:]
        after = words[words.index(word) + 1 :] if word in words else []
        if (
            len(words) < 2
            # "Bank Governor Mervyn King": a job and a person, not a body.
            or any(_plain(w) in lexicon.TITLE_WORDS for w in after)
            or any(has_first_name(w) for w in words)
        ):
            continue
        full = " ".join(words)
        found.setdefault(full.casefold(), full)
    # "Reserve Bank" is the Reserve Bank of Australia the article named in full.
    names = sorted(found.values(), key=len, reverse=True)
    if names and all(f" {n.casefold()} " in f" {names[0].casefold()} " for n in names[1:]):
        return names[0]
    return None


def _as_person(parsed: ParsedName, known: Speaker | None) -> Speaker:
    if known is not None:
        return replace(known, type=PERSON)
    return Speaker(parsed.core, PERSON)
