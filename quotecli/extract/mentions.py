"""Find mentions of names: capitalised runs, split into role and name, typed.

"National Security Advisor Mike Waltz" becomes the name "Mike Waltz" with the
role "National Security Advisor"; "the New York Post" an organisation; "Sunday"
nothing at all. Pronouns and role nouns ("the minister") are read where a rule
needs them (see ``subjects``), not here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, fields, replace
from functools import lru_cache

from quotecli.extract import lexicon as lx
from quotecli.model import ANONYMOUS, GROUP, ORGANISATION, PERSON

# Uppercase letters, including the accented ones names start with.
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĖĘĚĜĞĠĢĤĦĨĪĮİĴĶĹĻĽĿŁŃŅŇŌŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
# "S&P", "M&S", "AT&T": an ampersand between capitals joins one name. Letters
# run in one class; the rarer joins are tried only where a run of them stops.
_WORD_TAIL = r"[\w\-]*(?:(?:[’'](?![sS]\b)(?=\w)|&(?=[A-Z]))[\w\-]*)*"
# Abbreviations that end in a full stop, as regular expressions.
_ABBREVIATIONS = (
    *("Mr", "Mrs", "Ms", "Dr", "Jr", "Sr", "Gov", "Sens?", "Reps?", "Gen", "Prof", "Lt"),
    *("Col", "Capt", "Sgt", "Rev", "St", "Adm", "Hon", "Pres"),
)
_ABBREV = rf"(?:{'|'.join(_ABBREVIATIONS)})\."
_CAPWORD = rf"(?:{_ABBREV}|[A-Z]\.(?:[A-Z]\.)*|[{_UPPER}]{_WORD_TAIL})"
_CONNECTOR = "|".join(sorted(lx.NAME_CONNECTORS))
# A run of capitalised words, in its plain form: _RUN_FROM_CAPITAL finds the
# same runs faster, and is the one compiled (the tests compile this one to
# check that). The lookahead first lets a search skip to capital letters
# before it tests what stands before them; without it every position is tried.
# "Marsh & McLennan", "Marks & Spencer": an ampersand joins names as "of" does.
# "Conseil Supérieur de l'Audiovisuel", "Côte d'Ivoire": a French article
# elided before a capital goes on with the name.
_ELIDED = rf"(?:[ld][’'](?=[{_UPPER}]))?"
CAPITAL_RUN_PATTERN = (
    rf"(?=[{_UPPER}])(?<![\w’'])(?<!\w-){_CAPWORD}"
    rf"(?:[ \t](?:(?:{_CONNECTOR})[ \t]|&[ \t])?{_ELIDED}{_CAPWORD})*"
)
_TOKEN = re.compile(rf"{_CAPWORD}|\S+")
# CAPITAL_RUN_PATTERN written to open with the set of capitals itself: a search
# for it skips straight to the next capital, where the plain pattern's lookahead has
# the search try every position of the text. The capital is read first, so the
# lookbehinds look past it, and the first word goes on from its second letter:
# an abbreviation or an initial is known by its first letter looking back, once
# the letter after it is read (an alternative that opens with a letter is passed
# over at once where that letter is not next).
_AFTER_CAPITAL = "|".join(rf"{a[1]}(?<={a[:2]}){a[2:]}" for a in _ABBREVIATIONS)
_RUN_FROM_CAPITAL = re.compile(
    rf"[{_UPPER}](?<![\w’'].)(?<!\w-.)"
    rf"(?:(?:{_AFTER_CAPITAL})\.|\.(?<=[A-Z]\.)(?:[A-Z]\.)*|{_WORD_TAIL})"
    rf"(?:[ \t](?:(?:{_CONNECTOR})[ \t]|&[ \t])?{_ELIDED}{_CAPWORD})*"
)


def _capital_runs(text: str) -> Iterator[re.Match[str]]:
    """What ``CAPITAL_RUN_PATTERN`` finds in ``text``, found faster (see _RUN_FROM_CAPITAL)."""
    return _RUN_FROM_CAPITAL.finditer(text)


_POSSESSIVE = re.compile(r"[’']s?(?!\w)")
_APOSTROPHES = ("’", "'")


@dataclass(frozen=True, slots=True)
class Mention:
    """A named mention: ``text[start:end]`` is the whole run, title included."""

    start: int
    end: int
    name: str  # the name without its role: "Mike Waltz", "New York Post"
    role: str | None  # "National Security Advisor"
    type: str  # person | organisation | group | anonymous | place | unknown
    gender: str | None  # "m" | "f" | None
    possessive: bool  # "Trump’s"
    sentence_initial: bool

    # Built for every name in every article: a frozen dataclass's own ``__init__``
    # sets each field through ``object.__setattr__`` by name; the fields' slot
    # descriptors set them directly (and the class stays frozen to everyone else).
    def __init__(
        self,
        start: int,
        end: int,
        name: str,
        role: str | None,
        type: str,
        gender: str | None,
        possessive: bool,
        sentence_initial: bool,
    ) -> None:
        _set_start(self, start)
        _set_end(self, end)
        _set_name(self, name)
        _set_role(self, role)
        _set_type(self, type)
        _set_gender(self, gender)
        _set_possessive(self, possessive)
        _set_sentence_initial(self, sentence_initial)

    @property
    def tokens(self) -> tuple[str, ...]:
        return tuple(self.name.split())


(
    _set_start,
    _set_end,
    _set_name,
    _set_role,
    _set_type,
    _set_gender,
    _set_possessive,
    _set_sentence_initial,
) = (getattr(Mention, f.name).__set__ for f in fields(Mention))


@lru_cache(maxsize=1 << 16)
def _norm(token: str) -> str:
    return token.rstrip(".").lower()


_ORDINALS = lx.load("mentions-ordinals")


@lru_cache(maxsize=1 << 14)
def _is_title(low: str) -> bool:
    """A title word, also inside a compound: "editor-in-chief", "vice-chair"."""
    # Asked of most words of every new run, some twice: the same words recur.
    return low in lx.TITLE_WORDS or (
        "-" in low and any(p in lx.TITLE_WORDS for p in low.split("-"))
    )


def _place_then_title(tokens: list[str], i: int) -> bool:
    """Whether the place at ``tokens[i]`` and its next word or two lead to a title."""
    for j in range(i + 1, min(i + 3, len(tokens))):
        low = _norm(tokens[j])
        if low in lx.TITLE_WORDS:
            return True
        if low not in lx.PLACES:
            return False
    return False


def _split_role(tokens: list[str]) -> tuple[list[str], list[str]]:
    """Split a run into its leading role words and the name that follows."""
    cut = 0
    for i, tok in enumerate(tokens):
        low = _norm(tok)
        is_role = _is_title(low) or low in lx.NATIONALITIES
        if low == "grand" and not (i + 1 < len(tokens) and _is_title(_norm(tokens[i + 1]))):
            is_role = False  # "Grand Ayatollah Ali Sistani", but not "Grand Slam"
        if is_role and len(tokens) == 2 and i == 0 and low in lx.FIRST_NAMES:
            # "Dean Boyd" before a family name alone is a first name; the title
            # has its "of" ("Dean of Westminster") or comes before a whole name.
            is_role = False
        if is_role and i > 0 and _norm(tokens[i - 1]) in _BEFORE_SURNAME and low not in _ADDRESSED:
            # "Ms King", "Mr Dean", "Dr Bishop": after a form of address a title
            # word is a family name ("Mr President" is still the office).
            is_role = False
        if low in lx.NAME_CONNECTORS and 0 < i < len(tokens) - 1:
            # "Secretary of State Marco Rubio": "of" joins two role words.
            nxt = _norm(tokens[i + 1])
            is_role = cut == i and (nxt in lx.TITLE_WORDS or nxt in lx.PLACES)
        if low in lx.PLACES and cut == i and _place_then_title(tokens, i):
            is_role = True  # "Ukraine President", "South Carolina Gov. Nikki Haley"
        if is_role and cut == i:
            cut = i + 1
        else:
            break
    # A role ends in a title: "Russian President", but "New Hampshire Republican"
    # has no title, so its first word is part of the name.
    while cut > 0 and not _is_title(_norm(tokens[cut - 1])):
        cut -= 1
    return tokens[:cut], tokens[cut:]


def _split_after_organisation(tokens: list[str]) -> tuple[list[str], list[str]] | None:
    """ "RNC Chief of Staff Katie Walsh": an organisation and a title, then the name."""
    for t in range(len(tokens) - 2, 0, -1):
        if not _is_title(_norm(tokens[t])):
            continue
        name = tokens[t + 1 :]
        if (
            len(name) > 3
            or _is_title(_norm(name[0]))
            or any(_norm(w) in lx.ORG_WORDS or _norm(w) in lx.NAME_CONNECTORS for w in name)
        ):
            return None
        if any(_norm(w) in lx.ORG_WORDS or w.isupper() for w in tokens[:t]):
            return tokens[: t + 1], name
        return None
    return None


def _first_name_and_surname(lows: list[str]) -> bool:
    """ "Liam Fox", "Mr Fox", "Charlotte Church": a first name or a form of address,
    and a family name that would otherwise mark an organisation ("Fox News")."""
    # The first name may follow one word of description ("Singer Charlotte Church").
    first = next(
        (i for i, low in enumerate(lows[:2]) if low in lx.FIRST_NAMES or low in _HONORIFICS),
        None,
    )
    return (
        first is not None
        and 2 <= len(lows) - first <= 3
        and lows[-1] in lx.ORG_SURNAMES
        and not any(low in lx.ORG_WORDS for low in lows[:-1])
    )


# Titles held "of" a place: "Bishop of Carlow", "Mayor of London".
_PLACE_TITLES = lx.load("mentions-place-titles")


def _title_of_place(role: list[str], name: list[str]) -> bool:
    """Whether a role's last word and the words after it are a title held of a
    place, with no one's name after it: "Bishop of Carlow", not "Mayor of London
    Ken Livingstone" nor "Secretary of State"."""
    return (
        2 <= len(name) <= 3
        and name[0] == "of"
        and _norm(role[-1]) in _PLACE_TITLES
        and all(
            t[:1].isupper() and _norm(t) not in lx.FIRST_NAMES and _norm(t) not in lx.ORG_WORDS
            for t in name[1:]
        )
    )


_CALENDAR_OR_TERMS = lx.CALENDAR | lx.TERMS
# Joined by ``find_mentions`` from "Number" or "No" and "10": a name, of a body.
_NUMBER_TEN = frozenset(("Number 10", "No 10"))
_PLACES_OR_NATIONALITIES = lx.PLACES | lx.NATIONALITIES


def _type_of(name_tokens: Sequence[str], role_tokens: Sequence[str], after_the: bool) -> str | None:
    """The mention's type, or None for capitalised words that are never speakers."""
    # Every name new to the archive comes here: the words' lists are asked about
    # all of them at once, as sets, not a word at a time.
    lows = list(map(_norm, name_tokens))
    if _CALENDAR_OR_TERMS.issuperset(lows):
        return None
    if (
        len(lows) == 1
        and (
            lows[0] in lx.GROUP_NOUNS
            # "Germans", "Americans"; but "Germany" is a place
            or (lows[0].endswith("s") and lows[0][:-1] in lx.NATIONALITIES)
        )
    ):
        return GROUP
    if (
        not lx.ORG_WORDS.isdisjoint(lows)
        and not _first_name_and_surname(lows)
        # "Mr Fox", "Ms Church": the form of address makes the word a family name
        and not (
            role_tokens
            and _norm(role_tokens[-1]) in _HONORIFICS
            and _first_name_and_surname([_norm(role_tokens[-1]), *lows])
        )
    ) or (len(lows) == 1 and lows[0] in _PARTIES):
        return ORGANISATION
    if " ".join(name_tokens) in _NUMBER_TEN:
        return ORGANISATION  # the prime minister's office
    if len(lows) > 2 and lows[0] in _PLACE_TITLES and lows[1] == "of":
        return PERSON  # "the Bishop of Carlow"
    if lx.PLACES.issuperset(lows):
        return "place"  # "UK", "US": places, though written like acronyms
    if len(name_tokens) == 1 and name_tokens[0].isupper() and len(name_tokens[0]) > 1:
        return ORGANISATION
    if role_tokens and not _TITLES_UNMODIFIED.isdisjoint(map(_norm, role_tokens)):
        return PERSON  # not "Former Northern Ireland", "Former Stone Roses"
    if role_tokens and _body_noun(_norm(role_tokens[-1])) and lows[0] not in lx.FIRST_NAMES:
        return ORGANISATION  # "Carmaker Acme", but "Producer Simon Fuller"
    if (
        len(lows) > 1
        and role_tokens
        and _norm(role_tokens[-1]) in _PERSON_DESCRIPTIONS
        and _norm(role_tokens[-1]) not in _TITLE_MODIFIERS
    ):
        return PERSON  # "Spaniard Tomas Reyes", "Singer Jo Roe"
    if _PLACES_OR_NATIONALITIES.issuperset(lows):
        return "place"
    if lows[0] in lx.FIRST_NAMES and len(lows) > 1:
        if name_tokens[-1] in _STREET_WORDS and name_tokens[-1] != "Lane":
            # "Stanley Park", "Gordon Street": a place named after someone (but
            # "Lane" is as often a family name: "Nathan Lane").
            return "place"
        return PERSON
    if after_the:
        return ORGANISATION
    return "unknown"


def _gender(role_tokens: Sequence[str], name_tokens: Sequence[str]) -> str | None:
    if name_tokens:
        first = name_tokens[0].lower()
        if first in lx.MALE_NAMES and first not in lx.FEMALE_NAMES:
            return "m"
        if first in lx.FEMALE_NAMES and first not in lx.MALE_NAMES:
            return "f"
    for tok in role_tokens:
        low = _norm(tok)
        if low in lx.MALE_HONORIFICS:
            return "m"
        if low in lx.FEMALE_HONORIFICS:
            return "f"
    return None


# Forms of address are not roles: "Mr", "Dr" say nothing of what someone does.
_HONORIFICS = lx.MALE_HONORIFICS | lx.FEMALE_HONORIFICS | {"dr", "mx"}
# Offices whose holder is addressed by the title after "Mr" or "Madam".
_ADDRESSED = frozenset(
    ("president", "speaker", "chairman", "chairwoman", "chair", "mayor", "ambassador")
)
_FIRST_NAMES_OR_HONORIFICS = lx.FIRST_NAMES | _HONORIFICS
# Words that only ever address someone; "Baron" or "King" alone may be a surname.
_ADDRESS = lx.load("mentions-address")
# The forms of address a family name follows: not "Lord" or "Lady" ("Lord Chief
# Justice", "Lord Mayor" are offices), nor "Sir" or "Dame" (a first name follows).
_BEFORE_SURNAME = _ADDRESS - {"sir", "lord", "lady", "dame", "madam"}
_NEXT_WORD = re.compile(r"[ \t]+([a-z][\w’'\-]*)")


def _heads_phrase(text: str, end: int) -> bool:
    """False when a lowercase noun follows the run: "the Biden administration"."""
    match = _NEXT_WORD.match(text, end)
    if not match:
        return True
    word = match.group(1)
    return (
        word in lx.SPEECH_FORMS
        or word in lx.VERB_MODIFIERS
        or word
        in {
            "and",
            "or",
            "of",
            "in",
            "on",
            "to",
            "for",
            "with",
            "that",
            "which",
            "who",
            "as",
            "at",
            "by",
            "from",
        }
    )


_STREET_WORDS = lx.load("mentions-street-words")


def _is_opening_verb(
    token: str,
    index: int,
    run_start: int,
    sentence_starts: frozenset[int] | set[int],
    run: str = "",
    facts: _TextFacts | None = None,
) -> bool:
    """A capitalised verb opening a sentence: "Describing Mr Jackson, …", "Said Ms Roe".

    An "-ing" word that opens a ``run`` of names the text also writes within a
    sentence is part of the name: "Downing Street has denied…".
    """
    if index or run_start not in sentence_starts:
        return False
    low = token.lower()
    if low.endswith("ing") and run and facts is not None and facts.written_within(run):
        return False
    if low.endswith("ing") and run.split()[1:2] and run.split()[1] in _STREET_WORDS:
        return False  # "Downing Street cited…", "Reading Road": a place's name
    return (low.endswith(("ing", "ed")) or low in lx.SPEECH_FORMS) and low not in lx.FIRST_NAMES


# Two capitalised words in a row, found at every capital: "Omar Diaz", "The News".
# The first word is read (the search skips to its capital; the lookbehind is the
# word boundary before it) and the second looked ahead to, so that it may be the
# first of the next pair: the pairs a lookahead tried at every position finds.
_CAPITAL_PAIR = re.compile(r"([A-Z](?<!\w.)[a-z]+)[ \t]+(?=([A-Z][\w’'\-]*))")


class _TextFacts:
    """What the whole text says about a run of words, looked up once per run.

    Asked at every occurrence, each answer would read the whole text again:
    time that grows with the square of a text that repeats a name.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._within: dict[str, bool] = {}
        self._full_names: dict[str, bool] = {}
        self._alone: set[str] | None = None
        self._after_name: set[str] | None = None
        self._apart: set[str] | None = None

    def written_within(self, run: str) -> bool:
        """Whether ``run`` is written after a word of a sentence: "… from Downing Street"."""
        found = self._within.get(run)
        if found is None:
            text = self.text
            found = False
            at = text.find(run)
            while at != -1:
                if _MID_SENTENCE.search(text, max(0, at - 3), at):
                    found = True
                    break
                at = text.find(run, at + 1)
            self._within[run] = found
        return found

    def written_alone(self, run: str) -> bool:
        """Whether ``run`` is written somewhere as a whole run of capitalised words
        that no "and" follows ("World Travel" alone, not only in "World Travel and
        Tourism Council"). The runs are counted in one pass over the text."""
        if self._alone is None:
            alone: set[str] = set()
            text = self.text
            for match in _capital_runs(text):
                if not text.startswith((" and ", ", "), match.end()):
                    alone.add(match.group())
            self._alone = alone
        return run in self._alone

    def written_apart(self, run: str) -> bool:
        """Whether ``run`` is written somewhere as a run of capitalised words that
        no "and" or comma comes before ("Foreign Office said", not only "Health
        and Human Services"). The runs are gathered in one pass over the text."""
        if self._apart is None:
            text = self.text
            self._apart = {
                match.group().removeprefix("The ")
                for match in _capital_runs(text)
                if not text[max(0, match.start() - 5) : match.start()].endswith(("and ", ", "))
            }
        return run in self._apart

    def after_a_name(self, word: str) -> bool:
        """Whether ``word`` is written somewhere after a capitalised word that could
        be a first name ("Omar Diaz"), not after a sentence opener ("The News").
        The pairs of capitalised words are gathered in one pass over the text."""
        if self._after_name is None:
            self._after_name = {
                match.group(2)
                for match in _CAPITAL_PAIR.finditer(self.text)
                if match.group(1).lower() not in lx.NOT_NAMES
            }
        return word in self._after_name

    def surname_of_someone(self, name: str) -> bool:
        """Whether the text names someone in full with ``name`` as surname: "Brian May"."""
        found = self._full_names.get(name)
        if found is None:
            found = any(
                first.lower() in lx.FIRST_NAMES
                for first in re.findall(rf"([A-Z][a-z]+)[ \t]+{re.escape(name)}\b", self.text)
            )
            self._full_names[name] = found
        return found


_NEVER_ALONE = lx.NOT_NAMES | lx.CALENDAR
_TITLE_OPENERS = lx.load("mentions-title-openers")
_PARTIES = lx.load("mentions-parties")
# Endings of adverbs, not of names ("Kelly", "Daly", "Kiely" end otherwise).
_ADVERB_ENDINGS = (
    "ally",
    "ingly",
    "ibly",
    "ably",
    "ously",
    "ently",
    "antly",
    "ately",
    "rtly",
    "stly",
)
_ADVERB_FOLLOWS = re.compile(r",|[ \t]+[a-z]")
_MID_SENTENCE = re.compile(r"[\w,][’']?s?[ \t]+$")
# Words after which a capitalised day or month is a date: "in December", "last Monday".
_DATE_LEADS = lx.load("mentions-date-leads")
_LAST_WORD = re.compile(r"(\w+)[ \t]+$")
# A dateline after a place in capitals: ", Calif. -", ", Sept. 28 (UPI) —", " -".
_DATELINE = re.compile(r"(?:,[ \t]+[\w. ]{1,24}?(?:\([A-Z]+\))?)?[ \t]+[-—–]")


def _word_before(text: str, start: int) -> str:
    """The lowercased word right before ``start``, or "" (read within a short window)."""
    match = _LAST_WORD.search(text, max(0, start - 20), start)
    return match.group(1).lower() if match else ""


_ADJECTIVE = re.compile(r"[A-Z][\w’']*(?:-[A-Z]\w*)*-[a-z]+$")
_EVENT_SURNAMES = lx.load("mentions-event-surnames")


@lru_cache(maxsize=1 << 14)
def _role_and_name(
    run: tuple[str, ...], after_the: bool
) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """A run's words (openers skipped) cut into its role and its name, or None
    when they name no one. It depends on the words alone, and the same names
    recur through an article and an archive, so it is worked out once each."""
    tokens = list(run)
    role: list[str]
    if "of" in tokens[2:-1]:
        k = tokens.index("of", 2)
        if (
            _norm(tokens[k - 2]) in lx.FIRST_NAMES
            and _norm(tokens[k - 1]) not in lx.ORG_WORDS
            and _norm(tokens[k - 1]) not in lx.TITLE_WORDS
            and tokens[k + 1][:1].isupper()
        ):
            # "Paul Miller of Thames Valley Police": the person, from the body.
            return _role_and_name(tuple(tokens[:k]), after_the)
    if (
        _norm(tokens[-1]) in lx.EVENT_WORDS
        and len(tokens) > 1
        and not any(_norm(t) in lx.ORG_WORDS for t in tokens)
        # "Doris Day", "Jim Press": a first name and a surname that is also an
        # event's word name a person ("the Jo Day", "Victoria Day" do not).
        and not (
            len(tokens) == 2
            and not after_the
            and _norm(tokens[1]) in _EVENT_SURNAMES
            and _norm(tokens[0]) in lx.FIRST_NAMES
            and _norm(tokens[0]) not in lx.PLACES
        )
    ):
        return None  # "Munich Security Conference", but not "Board of Elections"
    if (
        (
            _norm(tokens[-1]) in lx.ORG_WORDS
            # "Mr Fox", "Dr Fox": a form of address and a family name
            and not (
                _norm(tokens[0]) in _HONORIFICS
                and _first_name_and_surname([_norm(t) for t in tokens])
            )
        )
        or _body_for(tokens)
        or "and" in tokens
    ):
        # "Munich Security Conference", "Office for National Statistics": an
        # organisation's name is never a role. (Only a body's name holds "and":
        # see _joined_by_and.)
        role, name = [], tokens
    else:
        role, name = _split_role(tokens)
        if role and len(name) > 2 and _norm(name[0]) in lx.ORG_WORDS and name[1] in _BODY_OF:
            # "National Union of Students", "Royal College of Nursing": words
            # before a body's "Union of …" are its name, not someone's role.
            role, name = [], tokens
        if not role:
            role, name = _split_after_organisation(tokens) or (role, name)
        elif _title_of_place(role, name):
            # "the Bishop of Carlow", "Mayor of London": the title names its holder,
            # and is the holder's role ("the Bishop said" finds them).
            role, name = role + name, role[-1:] + name
        elif len(name) > 2 and name[0].islower() and _norm(name[0]) in lx.NAME_CONNECTORS:
            # "UK Chancellor of the Exchequer Gordon Brown": the title runs on
            # through "of" to the person's first name, however long it is.
            first = next(
                (k for k in range(1, len(name) - 1) if _norm(name[k]) in lx.FIRST_NAMES),
                None,
            )
            if first is not None:
                role, name = role + name[:first], name[first:]
    if (
        not name
        and len(tokens) == 1
        and (not after_the or _norm(tokens[0]) in _PARTIES)  # "the Labour party"
        and _norm(tokens[0]) not in _ADDRESS
    ):
        # "said Baron", "King told reporters": a surname that is also a title.
        role, name = [], tokens
    if not name:
        # A bare title ("President", "the Minister"): read as a role noun later.
        return None
    # "Antonio Reina of Spain": where someone is from is not part of the name.
    for k in range(1, len(name) - 1):
        if _norm(name[k]) != "of" or (k == 1 and _norm(name[0]) in _PLACE_TITLES):
            continue  # "Mayor of London" is a title, not someone from London
        if any(_norm(t) in lx.ORG_WORDS for t in name):
            # "Jo Roe of Liberty Baptist Church" is Jo Roe; "Bank of England",
            # "Massachusetts Institute of Technology" are one name.
            if 2 <= k <= 3 and not any(
                _norm(t) in lx.ORG_WORDS or _is_title(_norm(t)) or _norm(t) in lx.PLACES
                for t in name[:k]
            ):
                name = name[:k]
            break
        person = _norm(name[0]) in lx.FIRST_NAMES or any(_norm(t) in lx.TITLE_WORDS for t in role)
        if person or all(_norm(t) in lx.PLACES for t in name[k + 1 :]):
            name = name[:k]  # "Jo Roe of Derry", "Peter King of New York"
        break
    # Connectors at the edges ("Bank of") belong to the neighbouring words.
    # ("Al Dorn" is a first name, capitalised; "al" and "de" are not.)
    while name and _norm(name[-1]) in lx.NAME_CONNECTORS and name[-1].islower():
        name.pop()
    while name and _norm(name[0]) in lx.NAME_CONNECTORS and name[0].islower():
        name.pop(0)
    while len(name) > 2 and _norm(name[-1]) in lx.POST_NOMINALS and name[-1].isupper():
        name.pop()  # "Ken Macdonald QC"
    if not name:
        return None
    if (
        len(name) > 2
        and _norm(name[-1]) not in lx.ORG_WORDS
        and _norm(name[0]) not in lx.FIRST_NAMES
    ):
        # "of the Exchequer Gordon Brown": the end of a title, then a person.
        first = next(
            (
                k
                for k in range(1, len(name) - 1)
                if _norm(name[k]) in lx.FIRST_NAMES
                and (after_the or _norm(name[k - 1]) in lx.ORG_WORDS)
            ),
            None,
        )
        if first is not None:
            role, name = role + name[:first], name[first:]
    if not role and len(name) > 2:
        # "Singer Bruce Springsteen", "Phoenix Mayor Greg Stanton": what someone
        # does, then a first name and a surname.
        first = None
        for k in range(1, len(name) - 1):
            if _norm(name[k]) in lx.FIRST_NAMES:
                first = k
                break
        if first is not None and (
            _is_title(_norm(name[first - 1]))
            or all(
                _norm(t) in lx.PERSON_NOUNS or _norm(t) in lx.NATIONALITIES for t in name[:first]
            )
            # "Guitarist Brian May", "Teenager Ann Roe": a word for what someone
            # does or is, then a first name.
            or (
                first == 1
                and _AGENT_NOUN.fullmatch(name[0]) is not None
                and _norm(name[0]) not in lx.FIRST_NAMES
            )
        ):
            role, name = name[:first], name[first:]
    if len(name) > 2 and _norm(name[0]) not in _FIRST_NAMES_OR_HONORIFICS:
        # "Defiant Matt Williams", "Bookmaker Jo Roe", "Court Justice Jo Roe": words
        # before a first name and a surname describe the person; only role words
        # are kept as the role.
        first = next((k for k in range(1, len(name) - 1) if _norm(name[k]) in lx.FIRST_NAMES), None)
        if (
            first is not None
            and len(name) - first <= 3
            and _norm(name[first - 1]) not in lx.NAME_CONNECTORS
            and _norm(name[-1]) not in lx.ORG_WORDS
            and all(t[:1].isupper() for t in name[first:])
            and all(_describes(t) for t in name[:first])
        ):
            described = [
                t
                for t in name[:first]
                if _is_title(_norm(t))
                or _norm(t) in lx.PERSON_NOUNS
                or _norm(t) in lx.NATIONALITIES  # "Missouri Republican", "Texas Democrat"
            ]
            role, name = (role + name[:first] if described else role), name[first:]
    if (
        not role
        and len(name) > 1
        and _body_noun(_norm(name[0]))
        and not any(_norm(t) in lx.ORG_WORDS for t in name[1:])
    ):
        # "Carmaker Acme", "Retailer Marlowes said": a word for what a body does,
        # capitalised to open the sentence, then the body's name.
        role, name = name[:1], name[1:]
    if not role and len(name) > 1 and _hyphened_description(name[0]):
        # "Man-of-the-match Duff": a description, then the name.
        role, name = name[:1], name[1:]
    if not role and 3 <= len(name) <= 5 and not after_the:
        # "American Jo Roe", "Spaniard Tomas Reyes", "Carnegie Mellon Professor
        # Raj Rao": words for what someone is, then a name no first-name list knows.
        role, name = _described_name(name) or (role, name)
    return tuple(role), tuple(name)


# Words in -er for firms, never people: "Carmaker Acme", "Retailer Marlowes".
_BODY_AGENTS = lx.load("subjects-body-agents")


def _hyphened_description(word: str) -> bool:
    """Words joined by hyphens, some in lower case after the first ("Man-of-the-
    match", "Award-winning"): a description, never part of a name."""
    return "-" in word and any(part.islower() for part in word.split("-")[1:])


def _body_noun(low: str) -> bool:
    """A word for what a business does: "retailer", "carmaker" (not "producer",
    which may be a person's role)."""
    return low in _BODY_AGENTS


# Title words that only qualify another: "former", "acting".
_TITLE_MODIFIERS = frozenset(("former", "ex", "acting"))
_TITLES_UNMODIFIED = lx.TITLE_WORDS - _TITLE_MODIFIERS
_DEMONYMS = lx.load("mentions-demonyms")
_DESCRIPTIONS = lx.load("mentions-person-descriptions")
_DOCUMENTS = lx.load("subjects-document-nouns")
# Words before a name that say it is a person's: "Spaniard", "American", "Singer".
_PERSON_DESCRIPTIONS = _DEMONYMS | _DESCRIPTIONS | lx.NATIONALITIES | lx.PERSON_NOUNS


def _described_name(name: list[str]) -> tuple[list[str], list[str]] | None:
    """The description and the name of a run whose last two or three words are a
    person's name after a word for what the person is or where they are from."""
    for t in range(len(name) - 3, -1, -1):
        rest = name[t + 1 :]
        if len(rest) > 3:
            break
        low = _norm(name[t])
        if not (
            _is_title(low)
            or low in lx.NATIONALITIES
            or low in _DEMONYMS
            or low in lx.PERSON_NOUNS
            or low in _DESCRIPTIONS
        ):
            continue
        if all(_name_word(w) for w in rest) and len(rest[-1]) > 2:
            return name[: t + 1], rest
        return None
    return None


def _name_word(word: str) -> bool:
    """A word that may be part of a person's name: capitalised, or an initial,
    and no word for a body, a title, a place, a people or an event."""
    low = _norm(word)
    if re.fullmatch(r"[A-Z]\.?", word):
        return True  # "George W Bush"
    return (
        word[:1].isupper()
        and word.replace("-", "").replace("’", "").replace("'", "").isalpha()
        and not word.isupper()
        and low not in lx.ORG_WORDS
        and not _is_title(low)
        and low not in lx.PLACES
        and low not in lx.NATIONALITIES
        and low not in _DEMONYMS
        and low not in lx.EVENT_WORDS
        and low not in lx.CALENDAR
        and low not in lx.NOT_NAMES
        and low not in _DOCUMENTS  # "American Community Survey"
        and low not in lx.SPEECH_NOUNS
    )


# Endings of adjectives that open a sentence before a name: "Defiant", "Relieved".
_ADJECTIVE_ENDINGS = ("ant", "ent", "ive", "ous", "al", "ful", "less", "ic", "ed", "ing", "able")


def _describes(word: str) -> bool:
    """A word that may describe the person named after it: a title, a noun for a
    person, an adjective ("Defiant", "Controversial") or "Tunisian-born"."""
    low = _norm(word)
    return (
        _is_title(low)
        or low in lx.PERSON_NOUNS
        or low in lx.NATIONALITIES
        or low in lx.PLACES  # "Ohio Republican Tom Brandt": where the person is from
        or low in lx.ORG_WORDS
        or (low.endswith(_ADJECTIVE_ENDINGS) and low not in lx.FIRST_NAMES)
        or _ADJECTIVE.match(word) is not None
        or (word.isupper() and len(word.rstrip(".")) > 1)  # "DJ", not an initial
        or _hyphened_description(word)  # "Man-of-the-match Stephen Jones"
        # "Judges Simon Cowell", "Americans Andy Roddick": a plural that lists people
        or (
            low.endswith("s")
            and (_is_title(low[:-1]) or low[:-1] in lx.PERSON_NOUNS or low[:-1] in lx.NATIONALITIES)
        )
    )


# A capitalised agent noun: "Guitarist", "Songwriter", "Teenager", "Californian",
# "Film-maker", "Co-founder" (six letters at least: "Peter" is a name).
_AGENT_NOUN = re.compile(r"(?=[A-Z][\w-]{5,})[A-Z][a-z]+(?:-[a-z]+)*(?:ist|er|or|ian)")


@lru_cache(maxsize=1 << 14)
def _described(
    name: tuple[str, ...], role: tuple[str, ...], after_the: bool
) -> tuple[str, str | None, str, str | None] | None:
    """The mention's type, role as written, name and gender; None for words that
    are never speakers."""
    type_ = _type_of(name, role, after_the)
    if type_ is None:
        return None
    role_text = " ".join(t for t in role if _norm(t) not in _HONORIFICS) if role else ""
    return type_, role_text or None, " ".join(name), _gender(role, name if len(name) > 1 else ())


# "Department for Transport", "Institute for Fiscal Studies": "for" joins a body's
# name only after a word that names a body ("Leeds for Chelsea" stays two names).
_FOR_NAME = re.compile(r"[ \t]for[ \t](?:the[ \t])?")
_BODY_OF = ("of", "for")


def _body_for(tokens: list[str]) -> bool:
    """ "Office for National Statistics": a body's word, "for", and what it is for."""
    return "for" in tokens and any(
        tokens[k] == "for" and _norm(tokens[k - 1]) in lx.ORG_WORDS for k in range(1, len(tokens))
    )


def _linked_run(
    link: re.Pattern[str], text: str, end: int
) -> tuple[re.Match[str], re.Match[str]] | None:
    """The link ("and", "of the", "for") right at ``end`` and the capitalised run
    after it, or None when either is missing."""
    # The links' patterns do not look ahead for the capital: the run read after
    # them is, and each capital class costs the compiler a table of all of Unicode.
    joined = link.match(text, end)
    if joined is None:
        return None
    following = _RUN_FROM_CAPITAL.match(text, joined.end())
    return None if following is None else (joined, following)


_MEMBERS_MARK = re.compile(r"[’'][ \t]")


def _joined_by_members(text: str, end: int) -> int:
    """Where a body named for its members ends: "Musicians' Union", "Writers'
    Guild of America". The plural's mark is part of the name when a body's word
    ends the run after it ("the Tories' Commons vote" names no body)."""
    linked = _linked_run(_MEMBERS_MARK, text, end)
    if linked is None:
        return end
    last = linked[1].group().rsplit(None, 1)[-1].lower()
    return linked[1].end() if last in lx.ORG_WORDS else end


def _joined_by_for(text: str, start: int, end: int) -> int:
    """Where a run of capitalised words ends once a body's "… for …" joins the next."""
    while text.startswith((" for ", "\tfor"), end):
        last = text[max(start, text.rfind(" ", start, end) + 1) : end].lower()
        linked = _linked_run(_FOR_NAME, text, end) if last in lx.ORG_WORDS else None
        if linked is None:
            break
        end = linked[1].end()
    return end


# ", Media and Sport", " and Industry": the rest of a body's name joined by "and"
# (a few words listed before it at most, so a long list is not read again at each name).
_AND_NAME = re.compile(rf"((?:,[ \t]+{_CAPWORD}){{0,3}})[ \t]+and[ \t]+")


def _joined_by_and(text: str, start: int, end: int, facts: _TextFacts) -> int:
    """Where a body's name ends when "and" joins its last words: "Department of
    Trade and Industry", "Department for Culture, Media and Sport" (a body's word
    and "of" or "for" before), "World Travel and Tourism Council" (a body's word
    at the end). Two names listed ("Bank of England and Barclays", "Tony Blair and
    Labour Party") stay two: no place after "of", no person or acronym after
    "and", and "World Travel" must be written nowhere without what follows."""
    linked = _linked_run(_AND_NAME, text, end)
    if linked is None:
        return end
    joined, following = linked
    first = text[start:end].split()
    while first and _norm(first[0]) in lx.NOT_NAMES:
        first.pop(0)
    added = joined.group(1).replace(",", " ").split() + following.group().split()
    lows, added_lows = [_norm(t) for t in first], [_norm(t) for t in added]
    if (
        not first
        or lows[0] in lx.FIRST_NAMES
        or lows[0] in _HONORIFICS
        or any(t.isupper() and len(t) > 1 for t in first + added)
        or any(low in lx.FIRST_NAMES or low in _HONORIFICS for low in added_lows)
        or all(low in lx.PLACES or low in lx.NATIONALITIES for low in added_lows)
        or _POSSESSIVE.match(text, end)
    ):
        return end
    of = next(
        (
            k
            for k in range(1, len(first) - 1)
            if first[k] in _BODY_OF and lows[k - 1] in lx.ORG_WORDS
        ),
        None,
    )
    if of is not None:
        # "Department of Trade and Industry"; not "Bank of England and Barclays".
        if all(low in lx.PLACES or low in lx.NATIONALITIES for low in lows[of + 1 :]):
            return end
        if any(low in lx.ORG_WORDS for low in added_lows) and facts.written_apart(" ".join(added)):
            # "Ministry of Defence and the Home Office": two bodies, each written
            # alone somewhere; "Department of Health and Human Services" is one.
            return end
        return following.end()
    # "United States Citizenship and Immigration Services": a place may open it.
    lead = 0
    while lead < min(2, len(lows) - 1) and lows[lead] in lx.PLACES:
        lead += 1
    if (
        len(first) - lead <= 2
        and len(added) <= 3
        and added_lows[-1] in lx.ORG_WORDS
        and not any(low in lx.ORG_WORDS for low in lows[lead:] + added_lows[:-1])
        and not all(low in lx.PLACES or low in lx.NATIONALITIES for low in lows)
        and not facts.written_alone(" ".join(first))
    ):
        return following.end()  # "World Travel and Tourism Council"
    return end


_OF_THE = re.compile(r"[ \t]of[ \t]the[ \t]")


def _joined_by_of_the(text: str, start: int, end: int, facts: _TextFacts) -> int:
    """Where a name ends once "of the" joins the next capitalised words: "News of
    the World", "Friends of the Earth", "Chairman of the Audit Committee Jo Roe";
    but a person is not joined to where they are from ("Jo Roe of the Council"),
    nor a title to the body it is held in ("Vice President of the ATP")."""
    linked = _linked_run(_OF_THE, text, end)
    if linked is None:
        return end
    following = linked[1]
    lows = [_norm(t) for t in text[start:end].split()]
    while lows and lows[0] in lx.NOT_NAMES:
        lows.pop(0)
    if not lows or any(low in lx.FIRST_NAMES or low in _HONORIFICS for low in lows):
        return end
    if _POSSESSIVE.match(text, end):
        return end
    if not all(_is_title(low) for low in lows) and (
        len(lows) > 1 or facts.after_a_name(text[end - len(lows[0]) : end])
    ):
        return end  # "Omar Diaz of the Retail Guild", "Diaz of the Guild": a person
    if all(_is_title(low) for low in lows) and not any(
        _norm(t) in lx.FIRST_NAMES for t in following.group().split()[1:]
    ):
        return end  # "Jo Roe, Vice President of the ATP, said": a role, then a body
    return following.end()


_JOIN_OPENINGS = frozenset((" f", "\tf", " o", " a", ", ", " 1", "' ", "’ "))
# "the " in any case, as the four characters before a run: one lookup for every
# run, where lowercasing them would make a string each time. (No other character
# lowercases to a letter of "the " or to its space.)
_THE_BEFORE = frozenset(f"{t}{h}{e} " for t in "tT" for h in "hH" for e in "eE")


def find_mentions(text: str, sentence_starts: frozenset[int] | set[int]) -> list[Mention]:
    """Every named mention in ``text``, in order."""
    mentions: list[Mention] = []
    facts = _TextFacts(text)
    joined_end = -1
    for match in _capital_runs(text):
        run_start, run_end = match.span()
        if run_start < joined_end:
            continue  # the name after "for", already part of a body's name
        # Each join below opens with one of these pairs of characters, and most
        # runs are followed by none: one lookup passes them by.
        if text[run_end : run_end + 2] in _JOIN_OPENINGS:
            if text.startswith((" for ", "\tfor"), run_end):
                run_end = joined_end = _joined_by_for(text, run_start, run_end)
            if text.startswith(" of the ", run_end):
                run_end = joined_end = _joined_by_of_the(text, run_start, run_end, facts)
            if text.startswith((" and ", ", "), run_end):
                joined_and = _joined_by_and(text, run_start, run_end, facts)
                if joined_and != run_end:
                    run_end = joined_end = joined_and
            if text[run_end - 1] == "s" and text.startswith(("' ", "’ "), run_end):
                run_end = joined_end = _joined_by_members(text, run_end)
            if text.startswith(" 10", run_end) and text[run_start:run_end] in ("Number", "No"):
                run_end += 3  # "Number 10 said": the prime minister's office
        group = text[run_start:run_end]
        # "No" opens sentences and never names anyone alone, but "No 10" is a name.
        office = group in _NUMBER_TEN
        if " " not in group and (group.lower() in _NEVER_ALONE or len(group.rstrip(".")) == 1):
            # most runs are one capitalised "The", "He", "Monday": skip them fast;
            # a letter alone ("B", "M.") is an initial or a label, never a name
            if group.lower() in lx.CALENDAR and _surname_speaks(text, run_start, run_end, facts):
                mentions.append(_surname(run_start, run_end, group, sentence_starts))
            continue
        start = run_start
        tokens = group.split()
        if (
            " " not in group
            and start in sentence_starts
            and group.lower().endswith(_ADVERB_ENDINGS)
            and _ADVERB_FOLLOWS.match(text, run_end)
        ):
            continue  # "Originally, …", "Shortly after…": an adverb opening a sentence
        if (
            " " in group
            and _norm(tokens[0]) in _TITLE_OPENERS
            and start not in sentence_starts
            and _MID_SENTENCE.search(text, max(0, start - 3), start)
        ):
            continue  # "on ITV1's This Morning she said": a show, not a name
        if (
            (start == 0 or text[start - 1] == "\n")
            and group.isupper()
            and _DATELINE.match(text, run_end)
        ):
            continue  # "BUENA PARK, Calif. - …": where the story was filed, not who speaks
        # Capitalised sentence openers ("While", "The", "He") are not names.
        skip = 0
        # Most runs stand inside a sentence and open with no opener or date, where
        # none of the tests below holds: one lookup passes them by.
        # "“Unfortunately England cannot…": a quoted sentence opens on the word.
        quoted_opening = (
            start - 1 in sentence_starts
            and text[start - 1] in '"“'
            and tokens[0].lower().endswith(_ADVERB_ENDINGS)
        )
        while (
            (start in sentence_starts or _norm(tokens[0]) in _NEVER_ALONE or quoted_opening)
            and not office
            and skip < len(tokens)
            and (
                (
                    _norm(tokens[skip]) in lx.NOT_NAMES
                    # "the US Federal Reserve": the country, not the word "us"
                    and tokens[skip] != "US"
                    # "First Minister Jo Roe": an ordinal that opens a title is part of it.
                    and not (
                        _norm(tokens[skip]) in _ORDINALS
                        and skip + 1 < len(tokens)
                        and _is_title(_norm(tokens[skip + 1]))
                    )
                )
                # "On Wednesday Prime Minister Yulia Tymoshenko", but "Sunday Times".
                or (
                    _norm(tokens[skip]) in lx.CALENDAR
                    and skip + 1 < len(tokens)
                    and (
                        _is_title(_norm(tokens[skip + 1]))
                        # "on Monday Doherty said"
                        or (skip == 0 and text[max(0, start - 3) : start].lower() == "on ")
                        # "Monday Tony Blair said", "In December Microsoft said": a date
                        # before a first name, or after a word that makes it one.
                        or (
                            (
                                _norm(tokens[skip + 1]) in lx.FIRST_NAMES
                                or (_norm(tokens[skip - 1]) if skip else _word_before(text, start))
                                in _DATE_LEADS
                            )
                            # but "by Sunday Telegraph journalist…" names a paper
                            and not any(_norm(t) in lx.ORG_WORDS for t in tokens[skip + 1 :])
                        )
                    )
                )
                or _is_opening_verb(
                    tokens[skip],
                    skip,
                    start,
                    sentence_starts,
                    group if len(tokens) > 1 else "",
                    facts,
                )
                # "Interestingly Blocher stated": an adverb opening the sentence,
                # or a quoted one ("“Unfortunately England cannot…").
                or (
                    skip == 0
                    and (start in sentence_starts or quoted_opening)
                    and len(tokens) > 1
                    and tokens[0].lower().endswith(_ADVERB_ENDINGS)
                )
            )
        ):
            if _norm(tokens[skip]) in lx.FIRST_NAMES and skip + 1 < len(tokens):
                break  # "Will Doyle", "Bill Clinton": a first name, not the verb
            skip += 1
        if skip == len(tokens) or (
            skip == len(tokens) - 1 and "-" in tokens[-1] and _ADJECTIVE.match(tokens[-1])
        ):
            continue  # "The Paris-based", "Indian-born": they describe, but name no one
        # "told the BBC Mr Howard had…": a form of address starts a new name.
        for k in range(len(tokens) - 2, skip, -1):
            if _norm(tokens[k]) in _ADDRESS:
                skip = k
                break
        after_the = (skip > 0 and _norm(tokens[skip - 1]) == "the") or (
            start >= 4 and text[start - 4 : start] in _THE_BEFORE
        )
        run_start = start
        if skip:
            run_start = [m.start() + start for m in _TOKEN.finditer(group)][skip]
        found = _role_and_name(tuple(tokens[skip:]), after_the)
        if found is None:
            continue
        role, name = found
        if text.endswith(_LINKS, 0, run_start) and len(name) > 1:
            chain = _title_chain_before(text, run_start)
            if chain is not None:
                # "Chancellor of the Exchequer Gordon Brown", "Minister for Europe
                # Denis MacShane": a title begun in an earlier run, before "of the"
                # or "for", runs on to the first name; one role, one mention.
                if not role:
                    first = next(
                        (k for k in range(1, len(name) - 1) if _norm(name[k]) in lx.FIRST_NAMES),
                        None,
                    )
                    role, name = (name[:first], name[first:]) if first else ((), name)
                # Only a person's name ends it ("Minister for Defence Procurement"
                # is all title).
                if role and (_norm(name[0]) in lx.FIRST_NAMES or _norm(name[0]) in _HONORIFICS):
                    role = (*text[chain:run_start].split(), *role)
                    while mentions and mentions[-1].start >= chain:
                        mentions.pop()
                    run_start = chain
        end = run_end
        after_the = after_the and _heads_phrase(text, end)
        described = _described(name, role, after_the)
        if described is None:
            continue
        type_, role_text, name_text, gender = described
        mentions.append(
            # Positional: keywords cost a Mention more than its fields do.
            Mention(
                run_start,
                end,
                name_text,
                role_text,
                type_,
                gender,
                text.startswith(_APOSTROPHES, end)
                and _POSSESSIVE.match(text, end) is not None
                # "Jo Roe of Acme's board": the body's possessive, not the person's
                and (name[-1] == tokens[-1] or type_ != PERSON),
                run_start in sentence_starts or (skip == 0 and start in sentence_starts),
            )
        )
    return _bodies_named_like_people(text, mentions)


# A run of capitalised words holding a title, then "of", "of the", "for" or
# "for the", ending where a later run starts: "Secretary of State for ".
_TITLE_LINK = re.compile(
    rf"(?<![\w’'-])({_CAPWORD}(?:[ \t](?:(?:{_CONNECTOR})[ \t])?{_CAPWORD})*)"
    r"[ \t](?:of|for)(?:[ \t]the)?[ \t]\Z"
)


_LINKS = (" of ", " for ", " of the ", " for the ")


def _title_chain_before(text: str, start: int) -> int | None:
    """Where a title that runs on into the run at ``start`` begins, or None.

    Only the few words before ``start`` are read, a link at a time, so the cost
    per mention stays bounded however long the text.
    """
    found = None
    at = start
    for _ in range(3):  # "Minister of State for Trade of …": a few links at most
        link = _TITLE_LINK.search(text, max(0, at - 60), at)
        if link is None:
            break
        words = link.group(1).split()
        # "The Chancellor of the Exchequer": an opening word is not part of the title.
        skip = next((i for i, w in enumerate(words) if _norm(w) not in lx.NOT_NAMES), len(words))
        if not any(_is_title(_norm(w)) for w in words[skip:]):
            break
        found = at = link.start(1) + len(" ".join(words[:skip])) + (1 if skip else 0)
        if skip:
            break  # the title's opening word is where it starts
    return found


# A verb of saying after a word: "May said", "May has told".
_SPEAKS_NEXT = re.compile(r"[ \t]+(?:(?:has|had|also|later|then)[ \t]+)?([a-z]+)\b")


def _surname_speaks(text: str, start: int, end: int, facts: _TextFacts) -> bool:
    """ "Brian May … May said", "said May": a month that is the surname of
    someone named in full, speaking; "in May said" or "May said" with no one of
    that name is a date."""
    # "said May." ends the attribution; "said Monday that…" is a date.
    stops = text[end : end + 1] in (".", ",")
    verb = _SPEAKS_NEXT.match(text, end)
    speaks = verb is not None and verb.group(1) in lx.SPEECH_FORMS
    if not stops and not speaks:
        return False  # most days and months: the word before them is not read
    before = _word_before(text, start)
    after_cue = stops and before in lx.SPEECH_FORMS
    if not after_cue and (not speaks or before in _DATE_LEADS):
        return False
    return facts.surname_of_someone(text[start:end])


def _surname(
    start: int, end: int, name: str, sentence_starts: frozenset[int] | set[int]
) -> Mention:
    return Mention(start, end, name, None, "unknown", None, False, start in sentence_starts)


# "Laura Ashley, which floated in 1995": "which" is said of a thing, "who" of a person.
_WHICH = re.compile(r",[ \t]+which[ \t]")
_WHO = re.compile(r",[ \t]+who[ \t]")


def _bodies_named_like_people(text: str, mentions: list[Mention]) -> list[Mention]:
    """A firm named after its founder ("Laura Ashley", "John Lewis") reads as a
    person by its first name; "which" after it says the article means the firm."""
    if ", which" not in text:
        return mentions
    which = {
        m.name
        for m in mentions
        if m.type == PERSON
        and not m.role
        and _WHICH.match(text, m.end)
        # "Mr Howard, which…": an honorific says a person is meant.
        and text[m.start : m.end].split()[0].rstrip(".").lower() not in _HONORIFICS
        # "a book by journalist Robert Peston, which…": "which" is said of the
        # book; a name that opens its sentence is what "which" is said of.
        and m.sentence_initial
    }
    if not which:
        return mentions
    which -= {m.name for m in mentions if _WHO.match(text, m.end)}
    return [
        replace(m, type=ORGANISATION, gender=None)
        if m.name in which and m.type == PERSON and not m.role
        else m
        for m in mentions
    ]


def singular_noun(low: str) -> str:
    """The singular of a plural noun written in lower case, as far as its ending
    shows it: "bosses" boss, "coaches" coach, "deputies" deputy, "wives" wife,
    "spokesmen" spokesman, "officials" official. A word with no plural ending
    is returned as it is."""
    if low.endswith("men") and len(low) > 4:
        return low[:-3] + "man"
    if low.endswith("wives"):  # but "executives", "relatives"
        return low[:-3] + "fe"
    if low.endswith("ies") and len(low) > 4:
        return low[:-3] + "y"
    if low.endswith(("sses", "shes", "ches", "xes")):
        return low[:-2]
    if low.endswith("s") and not low.endswith("ss") and len(low) > 2:
        return low[:-1]
    return low


def nominal_type(head: str, plural: bool) -> str | None:
    """Speaker type of a role noun such as "officials" or "the company"."""
    head = head.lower()
    if head in lx.ANONYMOUS_NOUNS:
        return ANONYMOUS
    if head in lx.GROUP_NOUNS:
        return GROUP
    if head in lx.ORG_NOUNS:
        return ORGANISATION
    if head in lx.PERSON_NOUNS:
        return PERSON if not plural else GROUP
    return None
