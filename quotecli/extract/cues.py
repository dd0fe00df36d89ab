"""Find cues: verbs of saying ("said", "pointed out") and "according to"."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import chain
from operator import attrgetter

from quotecli.extract import lexicon as lx
from quotecli.extract.mentions import singular_noun

_CUE_FORMS = lx.trie_pattern(sorted(lx.SPEECH_FORMS))
# The character before the word is matched rather than looked behind at: a
# pattern that opens with a set of characters lets the search skip to them
# (white space, punctuation), where one that opens with a lookbehind is tried
# at every position. A word that opens the text has no character before it.
# After that character, a look at the next letter alone turns away most words
# (all that open with a capital, a digit, or a letter no cue word opens with)
# before the alternation of the cue words is set up.
_CUE_FIRST_LETTERS = "[" + "".join(sorted({form[0] for form in lx.SPEECH_FORMS})) + "]"
# The character before is written as a set of ASCII characters, which the
# search looks up in a table, where a test of Unicode word characters costs
# twice as much at every character of the text: ASCII word characters, the
# apostrophe and the hyphen are all it leaves out. It lets every other character
# through, so a match after a letter or mark beyond ASCII is tested again
# (``_JOINS_WORD``); that is rare, and such a match can hide no other, since
# every character it spans after the first is a letter of the cue word.
_CUE_WORD = re.compile(
    r"[^0-9A-Za-z_'\-](?=" + _CUE_FIRST_LETTERS + ")(" + _CUE_FORMS + r")(?![\w’'\-])"
)
_JOINS_WORD = re.compile(r"[\w’'\-]")
_FIRST_CUE_WORD = re.compile(r"(" + _CUE_FORMS + r")(?![\w’'\-])")
# Sentence-initial inverted cues: "Said Comey, “…”", "Added Ms Roe: “…”": the
# word at the start of a line or after a sentence's end and a space, then a
# space and a capital. Each word is looked for with ``str.find``, which runs
# through a text many times faster than a pattern that opens with a set of
# letters, a lookahead or a lookbehind (each tried at every position); the few
# places found are checked by hand.
_OPENING_WORDS = ("Said", "Says", "Added", "Asked", "Wrote", "Explained")
_OPENING_AFTER = frozenset('\n.!?”"')
# A verb of manner says only beside a quotation: right after its closing mark and
# a few words ("“…,” Gary Pike fumed", "“…,” fumed Gary Pike"), or right before
# a colon and an opening mark ("Ferris shrugs: “Maybe.”"). It is looked for
# there only, at each quotation, not through the whole text.
_MANNER = lx.trie_pattern(sorted(lx.MANNER_FORMS))
_MANNER_AFTER = re.compile(
    r",?[ \t]+(?:[^\s\"“”«».!?,;:]+[ \t]+){0,5}?(" + _MANNER + r")(?![\w’'\-])"
)
_MANNER_BEFORE = re.compile(r"(?<![\w’'\-])(" + _MANNER + r"):[ \t]*$")
_QUOTATION_END = frozenset(",!?…—–-")
_ACCORDING = re.compile(r"(?=[Aa])(?<!\w)[Aa]ccording to(?!\w)")
# The pattern above is tried at every position of the text, which costs far
# more than looking for its words: most texts have none, and a text without
# them cannot match, so the search is skipped for them.
_ACCORDING_LEAD = "ccording to"
_PARTICLE = re.compile(r"[ \t]+(out|to|on|at|back|for|against)(?!\w)")
# "the so called “reforms”", "so- called": "so-called" with its hyphen lost or
# spaced, a label the writer distances himself from, not a verb of saying.
_SO_CALLED = re.compile(r"(?<![\w’'\-])[Ss]o[ \t]*[-–]?[ \t]+$")
_NEXT_WORD = re.compile(r"[ \t]+([a-z][\w\-]*)")
_WORD_BEFORE = re.compile(r"(\w+)[ \t]+$")

# "a firm called Gavekal that…", "an umbrella group called the Disasters Emergency
# Committee (DEC) has…", "a charity dubbed Kids First, which…": a name given,
# then the sentence goes on, so nothing was said. A verb of speech takes the
# name with more after it: "called Jones a liar", "called Labour's plans…",
# "called Roe's book “a triumph”" (so a possessive ends no name here), and a
# day is when, not what: "called Wednesday for talks".
_NAME_GIVEN = re.compile(
    r"[ \t]+(?:[Tt]he[ \t]+)?(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
    r"[A-Z0-9](?:[\w\-&]|\.(?=\w)|['’](?!s\b))*"
    r"(?:[ \t]+(?:(?:of|for|and|the|&)[ \t]+)?[A-Z0-9](?:[\w\-&]|\.(?=\w)|['’](?!s\b))*)*"
    r"(?=[ \t]*(?:[,.;:()]|$"
    r"|(?:that|which|who|whose|to|has|have|had|is|was|are|were|will|would)\b))"
)
_NAMING_CUES = frozenset({"called", "dubbed"})
# "links called “trackers” that…", "a band dubbed 'the new Beatles'": a thing's
# name given in quotation marks right after the noun it names. Not after a
# pronoun, an auxiliary or a word for people ("critics called “…”"), who may speak.
_THING_NAMED_IN_QUOTES = re.compile(r"(?<![\w’'\-])([a-z]+)[ \t]+$")
_OPENING_MARKS = "\"“‘'«"
_NOT_A_THING = (
    lx.SUBJECT_PRONOUNS
    | lx.load("attribute-auxiliaries")
    | {"who", "which", "that", "be", "been", "being", "not", "also", "once", "then"}
)
_DOCUMENT_ABBREVIATIONS = lx.load("document-abbreviations")


def _name_given(text: str, end: int) -> bool:
    """Whether a name follows a naming verb and the sentence goes on past it (see
    ``_NAME_GIVEN``). A full stop after "Mrs" or "Gen" is no end of the name:
    "called Mrs. Roe a fraud" is a verb of speech. (What "a firm called…" names
    when no sentence goes on after the name is read by the object rule:
    ``rules.cue._named_not_said``.)"""
    match = _NAME_GIVEN.match(text, end, end + 120)
    if match is None:
        return False
    after = match.end()
    while after < len(text) and text[after] in " \t":
        after += 1
    if text.startswith(".", after):
        last = text[match.start() : match.end()].rsplit(None, 1)[-1]
        return last.lower() not in _DOCUMENT_ABBREVIATIONS
    return True


def _thing_named_in_quotes(text: str, start: int, end: int) -> bool:
    """Whether a naming verb stands between a noun for a thing and a quotation (see
    ``_THING_NAMED_IN_QUOTES``)."""
    if not text.startswith(" ", end) or text[end + 1 : end + 2] not in _OPENING_MARKS:
        return False
    before = _THING_NAMED_IN_QUOTES.search(text, max(0, start - 30), start)
    if before is None:
        return False
    noun = before.group(1)
    return (
        noun not in _NOT_A_THING
        and not noun.endswith("ly")
        and noun not in lx.PERSON_NOUNS
        and singular_noun(noun) not in lx.PERSON_NOUNS
    )


def _modifies_title(word: str, text: str, end: int) -> bool:
    """ "press secretary Josh Earnest said": a cue word that is as often a noun,
    before a title, names the post; the verb of saying comes later."""
    if word not in lx.NOUN_LIKE_CUES:
        return False
    follow = _NEXT_WORD.match(text, end)
    return follow is not None and follow.group(1) in lx.TITLE_WORDS


_AFTER_CUE = re.compile(r"[ \t]*(\w+|\S)")


def _opens_object(text: str, end: int) -> bool:
    """Whether what follows a noun-first cue ("states") opens what it says: "that",
    a determiner or pronoun, a stop ("…, the ad states."), or an adverb."""
    follow = _AFTER_CUE.match(text, end)
    if follow is None:
        return True
    word = follow.group(1)
    return not word[0].isalnum() or word.endswith("ly") or word.lower() in lx.VERB_OPENERS


_OF_DESCRIBED = re.compile(
    r"(?<![\w’'\-])of[ \t]+"
    r"(?:(?:[A-Z][a-z]+(?:ican|atic|ist|ian)|[a-z]+(?:al|ic|an|ous|ive))[ \t]+){1,2}$"
)


def _described_after_of(text: str, start: int) -> bool:
    """Whether a cue word that is as often a noun is one after "of" and the words
    that describe it: "32% of Republican claims", "a string of racial remarks"
    (but a name may end in a place: "Strategy Analytics of Boston estimates")."""
    return _OF_DESCRIBED.search(text, max(0, start - 40), start) is not None


# "states that vote in March", "reports that track spending": after a plural
# noun, "that" and a plain verb with its object or a preposition open a relative
# clause. (A clause's subject after "that" is a noun, most often followed by its
# verb: "claims that prices rose", "reports that voters in Ohio…".)
_RELATIVE_AFTER_PLURAL = re.compile(
    r"[ \t]+that[ \t]+(?!(?:\w+(?:s|ing|ly|ed)|"
    + "|".join(sorted(lx.VERB_OPENERS | lx.NOUN_DETERMINERS))
    + r")[ \t])[a-z]+[ \t]+(?:on|in|at|to|for|from|with|by|about|over|into|it|them"
    r"|the|a|an|their|its|this|these|those)[ \t]"
)


def _noun_before_relative(text: str, start: int, end: int) -> bool:
    """Whether a plural cue word is a noun with a relative clause after it: "Ohio
    and Iowa, states that vote in March", "the early voting states that precede
    it" (but "Jo Roe claims that work on…" says, after its speaker's name)."""
    if not _RELATIVE_AFTER_PLURAL.match(text, end):
        return False
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if before is None:
        return text[max(0, start - 2) : start] == ", "
    word = before.group(1)
    return (
        word.islower()
        and not word.endswith("ly")
        and word not in lx.SUBJECT_PRONOUNS
        and word not in lx.VERB_MODIFIERS
    )


def _after_determiner(text: str, start: int) -> bool:
    """Whether an article or possessive comes right before a noun-first cue: "in
    the state that she won" names a place, it does not say."""
    before = _WORD_BEFORE.search(text, max(0, start - 12), start)
    return before is not None and before.group(1).lower() in lx.NOUN_DETERMINERS


@dataclass(frozen=True, slots=True)
class Cue:
    """A verb of saying; ``end`` includes its particle ("pointed out")."""

    start: int
    end: int
    lemma: str
    surface: str
    # The rules ask it of most cues many times over: it is worked out once, when
    # the cue is made (a property would split the surface at every asking).
    participle: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # The verb, not its particle: "calling for", "pointing out" are participles.
        verb = self.surface.split(None, 1)[0]
        object.__setattr__(
            self, "participle", verb.endswith("ing") and self.lemma != "according to"
        )


_START = attrgetter("start")


def _opening_cues(text: str) -> list[Cue]:
    """The inverted cues that open a sentence: "Said Comey, “…”"."""
    found = []
    for word in _OPENING_WORDS:
        lead = word + " "
        at = text.find(lead)
        while at != -1:
            after = at + len(lead)
            if "A" <= text[after : after + 1] <= "Z" and (
                at == 0
                or text[at - 1] == "\n"
                or (at > 1 and text[at - 1] == " " and text[at - 2] in _OPENING_AFTER)
            ):
                found.append(Cue(at, at + len(word), lx.SPEECH_FORMS[word.lower()], word))
            at = text.find(lead, after)
    return found


def find_cues(text: str, quotations: Sequence[tuple[int, int | None, int]] = ()) -> list[Cue]:
    """Every cue in ``text``, in order.

    ``quotations`` are the (opening mark, closing mark or None, end past the
    closing mark) of each quotation, beside which verbs of manner are cues.
    """
    cues: list[Cue] = []
    first = _FIRST_CUE_WORD.match(text)
    for match in chain((first,) if first else (), _CUE_WORD.finditer(text)):
        start, end = match.span(1)
        if start and text[start - 1] > "\x7f" and _JOINS_WORD.match(text, start - 1):
            continue  # part of a longer word: "ésaid"
        word = match.group(1)
        if word in _NAMING_CUES and (
            _SO_CALLED.search(text, max(0, start - 6), start)
            or _name_given(text, end)
            or _thing_named_in_quotes(text, start, end)
        ):
            continue
        lemma = lx.SPEECH_FORMS[word]
        if word in lx.NOUN_LIKE_CUES and (
            _modifies_title(word, text, end) or _described_after_of(text, start)
        ):
            continue
        if (
            word[-1] == "s"
            and word in lx.NOUN_LIKE_CUES
            and _noun_before_relative(text, start, end)
        ):
            continue
        if word in lx.NOUN_FIRST_CUES and (
            not _opens_object(text, end) or _after_determiner(text, start)
        ):
            continue
        particle = lx.CUE_PARTICLES.get(lemma)
        if particle:
            follow = _PARTICLE.match(text, end)
            if follow and follow.group(1) in particle:
                end = follow.end()
            elif lemma in lx.PARTICLE_REQUIRED:
                continue
        cues.append(Cue(start, end, lemma, text[start:end]))
    manner: dict[int, re.Match[str]] = {}
    for open_mark, close_mark, outer_end in quotations:
        window = max(0, open_mark - 40)
        # The colon is looked for first: the pattern is tried at every position
        # of the window, and few quotations have a colon before them.
        before = None
        if text.find(":", window, open_mark) != -1:
            before = _MANNER_BEFORE.search(text, window, open_mark)
        if before is not None:
            manner[before.start(1)] = before
        if close_mark is None:
            continue
        after = _MANNER_AFTER.match(text, outer_end, outer_end + 80)
        if after is not None and (
            text[close_mark - 1 : close_mark] in _QUOTATION_END or after.group().startswith(",")
        ):
            manner[after.start(1)] = after
    for at, match in manner.items():
        word = match.group(1)
        cues.append(Cue(at, match.end(1), lx.MANNER_FORMS[word], word))
    cues += _opening_cues(text)
    if _ACCORDING_LEAD in text:
        for match in _ACCORDING.finditer(text):
            cues.append(Cue(match.start(), match.end(), "according to", match.group()))
    cues.sort(key=_START)
    return cues
