"""Attribution: pair each quotation and each reported clause with a speaker.

The rules themselves are small functions in ``quotecli.extract.rules``,
registered in the catalogue; this module holds what they share (the claims,
changed through add, absorb and replace only; the lookups by offset; the
clause boundaries) and the passes that try them. Transcript lines are
attributed first, then quotations, headlines, reported speech, and the
partial quotes left inside it; the joins come last.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Iterator
from dataclasses import replace
from operator import attrgetter
from typing import Any, NamedTuple

from quotecli.extract import lexicon as lx
from quotecli.extract import rules as _rules  # noqa: F401  (loading them fills the catalogue)
from quotecli.extract.catalogue import (
    CUE,
    FRAGMENT,
    HEADLINE,
    JOIN,
    PARAGRAPH,
    QUOTATION,
    QUOTED_PHRASE,
    REPORTED,
    SOURCE,
    UNATTRIBUTED,
    Rule,
    named,
    rules_by_trigger,
)
from quotecli.extract.claims import Claim
from quotecli.extract.cues import Cue
from quotecli.extract.document import Document, Span, Token
from quotecli.extract.entities import clean_role
from quotecli.extract.marks import FORMAT_MARKS, QuoteSpan
from quotecli.extract.mentions import Mention, nominal_type
from quotecli.extract.rules.cue import impersonal_subject, named_after_bare_cue, won_thing
from quotecli.extract.subjects import (
    Context,
    Speaker,
    _compound_head_follows,
    _gender_of_role,
    is_head_noun,
    nominal,
    pronoun_of,
)
from quotecli.model import ANONYMOUS, DIRECT, GROUP, INDIRECT, MIXED, ORGANISATION, PERSON

_SENTENCE_LIKE_END = tuple(".?!…,;:—–-")
# "Gov.", "Mr.", "Jr.": full stops inside a name, which end no sentence.
_ABBREVIATION_STOP = re.compile(r"\b(?:[A-Z][a-z]{0,3}|[A-Z])\.")
# What a role noun after a sentence's first capital may describe: "Retail giant Marlowes".
_DESCRIBED = (PERSON, ORGANISATION, "unknown")
_CLAUSE_STARTERS = lx.load("attribute-clause-starters")
_CONNECTORS = lx.load("attribute-connectors")
_COMPLEMENTISERS = lx.load("attribute-complementisers")
# Words that show a finite verb, and so a clause: "said the deal was dead".
_FINITE = lx.load("attribute-finite")
_AUXILIARIES = lx.load("attribute-auxiliaries")
# After one of these, a noun is its object: "said in a statement that…".
_PREPOSITIONS = lx.load("attribute-prepositions")
_BE = lx.load("attribute-be")
# Here "where" opens a relative clause too ("the town where…"); the clause
# rules of rules/cue.py read the list without it.
_RELATIVES = lx.load("attribute-relatives") | {"where"}
# What opens a description set off by commas after a noun: "the driver, a man
# from Leeds,", "Smith, who is 45,".
_DESCRIPTION_OPENERS = lx.load("attribute-description-openers")
_PASSIVE_ADVERBS = lx.load("attribute-passive-adverbs")
_ABBREVIATIONS = lx.load("attribute-abbreviations")
_TEMPORAL = lx.load("attribute-temporal")
_TIME_NOUNS = lx.load("attribute-time-nouns")
# Words in "-ing" that open a phrase, not a clause: "said during the visit that…".
_ING_PREPOSITIONS = lx.load("attribute-ing-prepositions")
# "…recalled thinking, “…”": verbs of thought that introduce quoted words.
_THINKING = frozenset({"thinking", "wondering"})
# Words that open a clause of their own, so that no addressee holds them.
_CLAUSE_JOINS = frozenset(
    {"and", "but", "or", "because", "while", "although", "though", "if", "unless", "whereas"}
)
# After "said on Monday," these open the writer's clause, not the claim.
_CONCESSIVES = frozenset({"although", "though", "while", "whilst", "whereas", "unless"})
_MODALS = frozenset({"will", "would", "could", "can", "should", "might", "may", "must", "to"})
_RECALLING = frozenset({"recalled", "remembered", "recalls", "remembers", "kept"})
# Words that end what was said rather than open a clause: "said so", "said yes".
_NOT_CLAUSE_OPENERS = lx.load("attribute-not-clause-openers")
_SUBORDINATORS = lx.load("attribute-subordinators")
# A dash right after "that", or the one that closes the aside it opens: "that –
# in his professional life – he is…".
_ASIDE_AFTER_THAT = re.compile(r"\b(?:[Tt]hat|whether) [—–] (?:[^—–.;:!?]+ [—–] )?$")
# Those that only say when ("as" and "while" may also set another's words beside).
_TIME_SUBORDINATORS = frozenset(("before", "after", "until", "since", "when", "once"))
_POSSESSIVES = lx.load("attribute-possessives")
_QUESTION_WORDS = lx.load("attribute-question-words")
_DISCOURSE_WORDS = lx.load("attribute-discourse-words")


# "…, and implying", "but has withheld", ", compared with": where a clause may end.
_COORDINATION = re.compile(
    r"(?:,\s*)?\b(?P<link>and|but|compared|comparing)\s+(?P<word>[^\W\d_][\w’'\-]*)"
    r"(?=[ \t]+(?P<next>[a-z]+))?"
)
# The words a coordination opens with ("compar" for "compared" and "comparing"):
# a stretch of text with none of them holds no match, and is not searched (the
# pattern above is tried at every position).
_COORDINATION_WORDS = ("and", "but", "compar")
# Every offset where _COORDINATION matches, overlapping matches included.
_COORDINATION_AT = re.compile(r"(?=(?:,\s*)?\b(?:and|but|compared|comparing)\s+[^\W\d_])")
# Two characters of the word group above: an offset between them is inside a word.
_WORD_PART = re.compile(r"[\w’'\-]{2}")


def _may_coordinate(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] holds a word a coordination opens with."""
    return any(text.find(word, start, end) >= 0 for word in _COORDINATION_WORDS)


def _adverb(low: str) -> bool:
    """ "only", "later", "formally": a word that may stand inside a verb phrase."""
    return low in _PASSIVE_ADVERBS or (low.endswith("ly") and low.isalpha())


# After "but would…": words that make it the speaker's refusal, not the claim.
_REFUSING = frozenset(("not", "never", "decline", "refuse"))


def _modal_goes_on(after: str | None) -> bool:
    """Whether "but" and a modal carry on the claim's own subject, given the word
    after the modal: "…would cut revenue at first but would add $84bn later" (but
    "…, but would not comment" is the speaker refusing)."""
    return after is not None and after not in _REFUSING


def _coordination_cuts(link: str, word: str, after: str | None = None) -> bool:
    """Whether "and implying", "but has", ", compared with" is the speaker acting again.

    A verb that is a cue only with its particle cuts only with it: "and went on"
    is the speaker again, "and go back to work" goes on with the claim.
    """
    low = word.lower()
    if link in ("compared", "comparing"):
        return low in ("to", "with")
    lemma = lx.SPEECH_FORMS.get(low)
    return (
        (
            low.endswith("ing")
            and len(low) > 5
            and word.islower()
            # "…standards, curriculum and testing should be left to…": a noun, its verb next
            and not (after is not None and (after in _AUXILIARIES or after in _BE))
        )
        or (
            lemma is not None
            and low not in lx.NOUN_LIKE_CUES
            and (lemma not in lx.PARTICLE_REQUIRED or after in lx.CUE_PARTICLES.get(lemma, ()))
        )
        or (
            link == "but"
            and (low in _AUXILIARIES or _finite(low))
            and not (low in _MODALS and _modal_goes_on(after))
        )
    )


_APPROXIMATORS = lx.load("attribute-approximators")
_APPROXIMATOR_PHRASES = tuple(p.split() for p in sorted(lx.load("attribute-approximator-phrases")))
# Words that may follow a speaker's name and still belong to the name's phrase.
_AFTER_SPEAKER = lx.load("attribute-after-speaker")


_NUMBER_WORDS = lx.load("attribute-number-words")
# "two days after…", "a week before…", "hours later": a span of time from an event.
_TIME_COUNTS = frozenset(("a", "an", "several", "just", "some"))
_TIME_LINKS = frozenset(("after", "before", "later", "earlier", "ago"))


# ", but that…", ", but not…": words after ", but" that carry the same claim on.
_CLAIM_GOES_ON = lx.load("attribute-claim-goes-on")
_COMMA = re.compile(",")
_WORD_AFTER = re.compile(r"[\w’']+")
# A possessive mark, if the mention left it out, and the space after it.
_POSSESSIVE_THEN_WORD = re.compile(r"(?:[’']s?)?[ \t]+")


# "…, the report said": words that open a source's phrase after a comma.
_SOURCE_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their"})


def _after_title(toks: list[Token], k: int) -> bool:
    """Whether ``toks[k]`` is the full stop of "Ms.", "Gov.", "Sen."."""
    return k > 0 and toks[k - 1].low in _ABBREVIATIONS


def _source_phrase(toks: list[Token]) -> bool:
    """Whether a few words are a source's noun phrase: "the report", "a spokesman"."""
    return (
        1 < len(toks) <= 5
        and toks[0].low in _SOURCE_DETERMINERS
        and all(
            t.text.replace("-", "").isalpha()
            and t.low not in _PREPOSITIONS
            and t.low not in _AUXILIARIES
            and not _finite(t.low)
            for t in toks[1:]
        )
    )


_OPENING_SUBORDINATORS = lx.load("attribute-opening-subordinators")
_NOUN_MARKERS = lx.load("attribute-noun-markers")
_NOT_PARTICIPLES = lx.load("attribute-not-participles")
_PARTICIPLE = re.compile(r"\b[a-z]{3,}ing\b")


def _stop_forms(stop: str) -> tuple[str, ...]:
    """A clause stop as written, and with a closing mark after its comma."""
    if not stop.startswith(","):
        return (stop,)
    return (stop, ",”" + stop[1:], ',"' + stop[1:])


def _number_follows(toks: list[Token], i: int) -> bool:
    """Whether a number comes after ``toks[i]``: "about 50", "nearly half"."""
    return i + 1 < len(toks) and (toks[i + 1].text[0].isdigit() or toks[i + 1].low in _NUMBER_WORDS)


def _approximates(toks: list[Token], i: int) -> bool:
    """Whether ``toks[i]`` opens "at least", "as many as"… before a number."""
    for phrase in _APPROXIMATOR_PHRASES:
        k = i + len(phrase)
        if [t.low for t in toks[i:k]] == phrase and _number_follows(toks, k - 1):
            return True
    return False


def _plain_word(tok: Token) -> bool:
    """A lowercase word that may open a clause: not a time, place, link or title."""
    return (
        tok.text.isalpha()
        and tok.text.islower()
        and tok.low not in lx.PERSON_NOUNS
        and tok.low not in _TEMPORAL
        and tok.low not in _GAP_OPENERS
        and tok.low not in _PREPOSITIONS
        and tok.low not in _CONNECTORS
        and tok.low not in lx.VERB_MODIFIERS
        and tok.low not in lx.SPEECH_FORMS
        and tok.low not in _NOT_CLAUSE_OPENERS
    )


def _is_list(toks: list[Token]) -> bool:
    """Whether words are a list of short items: "Peel, Wilson (57), Thompson"."""
    items: list[int] = [0]
    for tok in toks:
        if tok.text in ",;":
            items.append(0)
        elif tok.text.isalnum():
            items[-1] += 1
    return len(items) >= 3 and all(n <= 4 for n in items)


def _gerund(tok: Token) -> bool:
    """A lowercase word in "-ing" long enough to be a verb's: "viewing", not "king"."""
    return tok.text.islower() and len(tok.text) > 4 and tok.text.endswith("ing")


def _present_verb(tok: Token) -> bool:
    """A word that reads as a verb in the present: "Shows", "Destroying", "Backs"."""
    low = tok.low
    return len(low) > 3 and low.endswith(("s", "ing")) and not low.endswith(("ss", "us", "is"))


def _after_determiner(toks: list[Token], i: int) -> bool:
    """Whether ``toks[i]`` is a noun after a preposition and a determiner,
    perhaps with an adjective or two between: "in a report", "in its annual
    report" (but not "because of concerns", a reason)."""
    for k in range(i - 1, max(0, i - 4), -1):
        low = toks[k].low
        if low in ("the", "a", "an", "this") or low in _POSSESSIVES:
            return toks[k - 1].low in _PREPOSITIONS
        if low.endswith(("’s", "'s")) and toks[k].text[:1].isupper():
            # "at Friday's press conference", "told Labour's press office": a
            # name's, as a determiner; right after the cue, the object it names
            return k == 0 or toks[k - 1].low in _PREPOSITIONS
        if not (toks[k].text.isalpha() and toks[k].text.islower()) or _finite(low):
            return False
    return False


def _plea(toks: list[Token]) -> bool:
    """ "guilty", "not guilty", "no contest": what a defendant pleads."""
    words = [t.low for t in toks[:2]]
    if words[:1] == ["not"]:
        words = words[1:]
    return bool(words) and words[0] in ("guilty", "innocent", "no")


def _the_month(toks: list[Token], k: int) -> bool:
    """Whether ``toks[k]`` is "May" the month ("In May, …", "since May 4"), not the
    verb: written with a capital inside the words, with no capital after it as a
    headline in title case would have ("Prices May Rise")."""
    if k == 0 or toks[k].text != "May":
        return False
    after = toks[k + 1].text if k + 1 < len(toks) else ""
    return not after[:1].isupper()


# Verbs in the past with no "-ed": a clause that tells of the past.
_PAST_FORMS = lx.load("attribute-past-forms")
# Small words a programme's or a paper's title may hold: "Meet the Press".
_TITLE_SMALL_WORDS = frozenset(
    {"the", "a", "an", "of", "and", "in", "on", "at", "for", "with", "to"}
)


def _quoted_title_end(toks: list[Token], i: int) -> int | None:
    """Where the gap goes on after a quoted title that a possessive names
    ("told ABC’s “Good Morning America” that…", "said on CBS’s “Face the
    Nation” that…"): the index after the closing mark, or None."""
    if i == 0 or toks[i].text not in ("“", '"') or not toks[i - 1].low.endswith(("’s", "'s")):
        return None
    for k in range(i + 1, min(len(toks), i + 7)):
        word = toks[k]
        if word.text in ("”", '"'):
            return k + 1 if k > i + 1 else None
        if not (word.text[:1].isupper() or word.low in _TITLE_SMALL_WORDS):
            return None
    return None


def _only_role_words_and_name(toks: list[Token]) -> bool:
    """Whether the words up to the first stop are only role words and names:
    "former Ohio governor Jo Roe", the speaker after the cue, not a clause."""
    words = []
    for tok in toks:
        if not tok.text[0].isalnum():
            break
        words.append(tok)
    return bool(words) and all(
        t.text[0].isupper() or t.low in lx.TITLE_WORDS or t.low in ("the", "of") for t in words
    )


def _verb_word(low: str) -> bool:
    """Whether a lowercase word is a verb that can carry a clause: an auxiliary,
    a form of "be", or a finite verb."""
    return low in _AUXILIARIES or low in _BE or _finite(low)


def _finite(word: str) -> bool:
    """Whether a word is most likely a finite verb: "was", "won’t", "collapsed"."""
    return (
        word in _FINITE or word.endswith(("n’t", "n't")) or (word.endswith("ed") and len(word) > 4)
    )


# Words that may open the short phrase between a cue and its "that":
# "said on Sunday that", "warned, in a statement, that", "told reporters that".
_GAP_OPENERS = lx.load("attribute-gap-openers")
_GAP_STOPS = frozenset({".", "!", "?", ";", "“", "”", '"', "(", ")"})
# Words that link a clause to the one before it, ahead of its subject.
_CLAUSE_LINKS = lx.load("attribute-clause-links")
# Opening a subordinate clause: "as Mrs. Clinton echoed…", "While leaders push…".
_CLAUSE_SUBORDINATORS = _OPENING_SUBORDINATORS | {"as"}
_SUBORDINATOR_LEADS = lx.load("attribute-subordinator-leads")
# A verb of saying after these reports nothing: "declined to say", "wouldn't say".
_REFUSALS = lx.load("attribute-refusals")
_WITHHELD = lx.load("attribute-withheld")
_IMPERSONAL = lx.load("attribute-impersonal")
_REFUSAL_HINT = re.compile(r"(?:ed|es|se|ing) to |n[’']t |not ", re.I)
# The same hints, searched for in lowercased text: a search that ignores case
# tries the pattern at every position, one in plain lowercase skips to the
# letters the hints open with. Only three letters match a hint's letter when
# case is ignored but are not lowercased to it ("ſ" to "s", "İ" and "ı" to "i"):
# a window that holds one is searched ignoring case.
_REFUSAL_HINT_LOWER = re.compile(r"ed to |es to |se to |ing to |n’t |n't |not ")


def _hints_refusal(window: str) -> bool:
    """Whether ``_REFUSAL_HINT`` is found in ``window``."""
    if "ſ" in window or "İ" in window or "ı" in window:
        return _REFUSAL_HINT.search(window) is not None
    return _REFUSAL_HINT_LOWER.search(window.lower()) is not None


# “… not reporting it.” Trump said to cheers.: a sentence that only says who spoke.
_BARE_ATTRIBUTION = re.compile(
    r"(?:[A-Z][\w’'\-]*\.?[ \t]+){0,3}[A-Z][\w’'\-]*[ \t]+(?:said|says|added|wrote|tweeted)"
    r"(?:[ \t]+(?:to|in|on|at|with|later|then|again)(?:[ \t]+[\w’'\-]+){0,3})?\.(?:[ \t]|$)"
)


# Rules that only guess a quotation's speaker from what came before it: a
# reported clause that holds the quotation says more.
# "… was quoted in the Herald newspaper saying": the passive before a participle.
_QUOTED_IN = re.compile(
    r"\b(?:is|was|were|are|been|being)[ \t]+quoted[ \t]+(?:in|by|on)[ \t]+[^,.;:“”\"]{1,60}?"
    r"[ \t]+(?:as[ \t]+)?$"
)
_WEAK_RULES = frozenset({"same_speaker_as_previous_quote", "cue_in_previous_sentence"})

# Where a reported clause ends before its sentence does: "…, according to X",
# "…, which…", "…; …".
# Up to this many claims, lookups read the whole list; past it, the claim index.
_FEW_CLAIMS = 48
_CLAIM_START = attrgetter("start")
# How far a relative clause inside a claim may run before its closing comma.
_RELATIVE_REACH = 160
# A parenthesis inside a claim is short, and holds no sentence of its own:
# "(£8.5bn)", "(£458m; $874m)", "(Segas)".
_ASIDE_REACH = 40
_NOT_AN_ASIDE = re.compile(r"[(!?“”\"]|[.:](?:\s|$)")
_ABBREVIATION_END = re.compile(r"(?<![A-Za-z])(?:[A-Z][a-z]{0,3}|[A-Z])\.$")
# How far back from a later cue its speaker phrase is looked for.
_CUT_REACH = 100
# A clause shorter than this is searched directly; a longer one (a "sentence" of
# thousands of words) through indexes made once for the document.
_SHORT_CLAUSE = 2_000
# The subject of a reported clause and the aside after it, before the clause's
# verb: "the mayor, who is 45," / "the plan — a cut of 5% —".
_SUBJECT_ASIDE = re.compile(
    r"(?:[^\s,;:!?“”\"—–]*[^\s,;:!?“”\"—–-]\s+){0,5}?[^\s,;:!?“”\"—–]*[^\s,;:!?“”\"—–-]"
    r"(?P<open>,\s+|\s*[—–]\s*|\s+--?\s+)"
)
_ASIDE_OPENS = re.compile(r",|[—–]|\s-")
_BLANKS = re.compile(r"\s*")


def _after_blanks(text: str, start: int, end: int) -> int:
    """Where the white space from ``start`` ends (``_BLANKS`` always matches)."""
    found = _BLANKS.match(text, start, end)
    return found.end() if found is not None else start


_SUBJECT_REACH = 80
_ASIDE_CONTENT = frozenset(
    ("including", "such", "like", "especially", "notably", "particularly", "excluding", "except")
)
_THING_RELATIVES = frozenset(("which", "where", "that"))
_COORDINATORS = frozenset(("and", "but", "or", "nor", "yet", "so"))
_RANKING_WORDS = frozenset(("most", "least", "best", "worst"))
# A condition that opens a sentence, then the speaker of the clause and the cue:
# "[If the vote fails], she said…", "[And even if he wins], Ms Roe said…" (not
# "If she runs, she has already indicated that…": what she said before).
_OPENING_CONDITION = re.compile(
    r"(?P<condition>(?:(?:And|But|So)\s+)?(?:(?:[Ee]ven|[Oo]nly)\s+)?(?:[Ii]f|[Uu]nless)\s"
    r"[^,;:!?“”\"()—–]{3,120}),\s+(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|(?:the\s+)?[A-Z][\w.’'\-]*"
    r"(?:\s+[A-Z][\w.’'\-]*){0,3})\s+$"
)
_CLAUSE_STOPS = (
    "; ",
    " — ",
    " – ",
    ", according to",
    ", but ",
    ", which ",
    ", who ",
    # "…, who threatened to shut it down, and who has been hoping…": a second
    # relative clause of the speaker's, not the claim.
    ", and who ",
    ", while ",
    # The report's circumstances, not the claim's: "…, amid continuing rows",
    # "…, citing the figures", "…, even as the polls closed".
    ", amid ",
    ", citing ",
    ", prompting ",
    ", even as ",
    ", after ",
    ", in a bid to ",
    ", whereas ",
    ", including ",
    ", despite ",
    ", although ",
    ", though ",
    ", for whom ",
    ", whose ",
    " (",
    # "…said he was delighted, as did the Tory leader": someone else doing the same.
    ", as did ",
    ", as does ",
    ", as do ",
    ", as had ",
    ", as has ",
    ", as have ",
)


# "…,” as she put it on Wednesday", "…,” as the host did in April": an aside that
# says who else said it, or when, ends the claim at the comma before it.
_AS_PUT_IT = re.compile(
    r",[”\"'’]*(?P<gap>[ \t]+)as[ \t]+(?:[^,.;:“”\"]{1,60}?[ \t])?"
    r"(?:put it|did|said|says|noted|wrote|writes)(?![\w’'])"
)
# A comma, then the opening mark of a quotation: "…, he said, “could be…”".
_COMMA_MARK = re.compile(r",[ \t]*(?:[“\"]|'')")
# Every form of every stop, found in one pass over a short clause.
_STOP_OF_FORM = {form: stop for stop in _CLAUSE_STOPS for form in _stop_forms(stop)}
# As a prefix tree: every stop but two opens with a comma, and a flat alternation
# would try each of them at every comma of the text.
_STOP_FORMS = re.compile(lx.trie_pattern(sorted(_STOP_OF_FORM)))


# "not just X, but Y": the first half of a pair that ", but" completes, read
# within a few words before the comma (no other comma or stop between).
_NOT_ONLY = re.compile(r"\bnot[ \t]+(?:just|only|merely|simply)[ \t]+[^,;:.!?—–()]*$")
_NOT_ONLY_REACH = 80
# ", the biggest…", ", its second-lowest…", ", their first…": a ranking set after a claim.
_RANKING_GLOSS = re.compile(
    r",[ \t]+(?:the|its|their)[ \t]+(?:(?:second|third)-)?"
    r"(?:[a-z]{2,}est|most|least|first|only|worst|best|fewest)[ \t]"
)
# How far apart the two dashes around an aside may be, and what may not stand
# between them.
_DASH_ASIDE_REACH = 120
_SENTENCE_STOP = re.compile(r"[.!?;:](?:\s|$)")
# A dash that opens or closes an aside: "the press conference — excerpts of which …".
_ASIDE_DASH = re.compile(r"[ \t][—–][ \t]|[ \t]--[ \t]")
# A short adjunct, then an aside between dashes, then "that": "complained at the
# hearing — excerpts of which … — that".
_AFTER_DASH_ASIDE = re.compile(
    r"(?:[ \t]+[^\s—–.;:\"“”]+){0,6}?[ \t][—–][ \t][^—–\n]{1,200}?[ \t][—–][ \t]+(?=that\b)"
)
_SPEAKER_PRONOUN = re.compile(r"(?:I|[Ww]e|[Yy]ou)(?:[’'](?:ve|ll|d|m|re))?$")


def _vocative(toks: list[Token], end: int) -> bool:
    """Whether the words ending at ``end`` are set off by commas before "I", "we" or
    "you", as a name is when it is spoken to: "But, Governor Pence, I've got to…"."""
    k = next((i for i, t in enumerate(toks) if t.start >= end), None)
    return (
        k is not None
        and k + 1 < len(toks)
        and toks[k].text == ","
        and _SPEAKER_PRONOUN.match(toks[k + 1].text) is not None
    )


def _trimmed_end(text: str, floor: int, end: int) -> int:
    """``end`` moved back over white space, never before ``floor``."""
    # An invisible format character (a direction mark) counts as white space.
    while end > floor and (text[end - 1].isspace() or text[end - 1] in FORMAT_MARKS):
        end -= 1
    return end


def _words_before(text: str, floor: int, end: int, count: int) -> int:
    """Where the ``count``-th white-space separated word before ``end`` starts
    (``floor`` when there are fewer)."""
    at = end
    for _ in range(count):
        at = _trimmed_end(text, floor, at)
        while at > floor and not text[at - 1].isspace():
            at -= 1
    return at


# Words that show a clause of its own between a verb of saying and a quotation.
_CLAUSE_WORDS = (
    _FINITE
    | _AUXILIARIES
    | frozenset(("he", "she", "they", "we", "i", "you", "it", "that", "who", "which"))
)
_TITLE_NOUNS = lx.load("quotation-title-nouns")
_NAMING_WORDS = lx.load("quotation-naming-words")
# Before a naming verb, words that make it a verb of speech: "what he called “…”".
_NOT_NAMERS = frozenset(
    ("he", "she", "they", "we", "i", "you", "it", "who", "which", "that", "what")
) | frozenset(("has", "have", "had", "was", "were", "is", "are", "be", "been", "being"))
# After quoted words used as a noun, the verb of the sentence they open:
# "“Gaming widows” has become a byword".
_NOUN_THEN_VERB = frozenset(
    ("is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can")
) | frozenset(("may", "might", "must", "should", "remains", "became", "becomes"))
_NAME_DETERMINERS = frozenset(
    ("the", "a", "an", "his", "her", "its", "their", "our", "this", "that")
)
_WORD_BEFORE_MARK = re.compile(r"([\w’'\-]+)([ \t]*[,:]?)[ \t]*$")
# The same, tried only where a word starts: the search above is tried at every
# letter of each word and reads on to the word's end from each. It finds the
# same word, unless the window's start cuts that word; then the pattern above
# matches at the window's start.
_WHOLE_WORD_BEFORE_MARK = re.compile(r"(?<![\w’'\-])([\w’'\-]+)([ \t]*[,:]?)[ \t]*$")
_BY_AUTHOR = re.compile(r"[ \t]*,?[ \t]+by[ \t]+(?:the[ \t]+)?[A-Z]")
_AFTER_BYLINE = re.compile(r"[”\"][ \t]*,?[ \t]+by[ \t]+[^:“”\"\n]{1,60}:[ \t]*$")
_WORD_AFTER_MARK = re.compile(r"[ \t]+([a-z][\w’'\-]*)")
# "“Casablanca” (1942)", "“No to Schengen” (election poster, 2005)": a year in
# brackets right after the marks dates a title, a poster or a slogan.
_DATED = re.compile(r"[ \t]*\((?:[^()\n]{0,60}?[ \t,])?(?:1[89]|20)\d\d\)")


def _names_a_title(
    doc: Document, span: QuoteSpan, cue_before: Callable[[], bool], cue_after: Callable[[], bool]
) -> bool:
    """Whether the quoted words are a title or a name, which nobody says: "the book
    “Failure to Adjust,”", "a show called “Lilyhammer”", "the headline: “…”",
    "“Gaming widows” has become…". ``cue_before()``: whether a verb of saying comes
    earlier in the sentence with no comma between it and the marks ("told the
    Today programme “…”" brings in what was told); ``cue_after()``: whether one follows
    closely ("“We are ready” coach Bob Ames said"). Both are asked only when the
    words themselves leave it open, since most quotations are whole sentences."""
    text = doc.text
    quoted = text[span.start : span.end].strip()
    if not quoted or span.close_mark is None:
        return False
    floor = max(doc.paragraphs[span.paragraph].start, span.open_mark - 40)
    before = _WHOLE_WORD_BEFORE_MARK.search(text, floor, span.open_mark)
    if before is None:
        before = _WORD_BEFORE_MARK.match(text, floor, span.open_mark)
    word = before.group(1).lower() if before else ""
    if before is not None and word in _NAMING_WORDS and ":" not in before.group(2):
        if word in ("titled", "entitled", "so-called"):
            return True
        ahead = text[max(floor, before.start() - 20) : before.start()].split()
        return bool(ahead) and ahead[-1].islower() and ahead[-1] not in _NOT_NAMERS
    if quoted.endswith(":") and len(quoted.split()) <= 2:
        return True  # "“Related:”", "“Read more:”": a label before a link
    lead = max(doc.paragraphs[span.paragraph].start, span.open_mark - 90)
    if _AFTER_BYLINE.search(text, lead, span.open_mark):
        # "“Museum to close,” by the Times' Ann Lee: “The museum…”": the piece's
        # own words under its headline and byline, an excerpt, not speech
        return True
    by = _BY_AUTHOR.match(text, span.outer_end)
    capital = quoted.lstrip("‘’'\"“")[:1].isupper()  # "“‘Hamilton’ to tour,” by…"
    if by and capital and (quoted.endswith(",") or "," in by.group()):
        # "“Museum to close,” by the Times' Ann Lee": a piece's headline and its
        # byline (but "“If it had not been” by the allies, she said…" is her words).
        return True
    if word in ("headline", "slogan", "motto"):
        return True  # "under the headline: “…”", "with the slogan: “…”"
    if _DATED.match(text, span.outer_end):
        return True
    if before is not None and word in _TITLE_NOUNS and not cue_before():
        return ":" not in before.group(2)  # "her memoir: “…”" quotes the memoir
    if quoted[-1:] in _SENTENCE_LIKE_END or len(quoted.split()) > 5:
        return False
    after = _WORD_AFTER_MARK.match(text, span.outer_end)
    if after is None or after.group(1) in lx.SPEECH_FORMS:
        return False
    if after.group(1) in _NOUN_THEN_VERB:
        return True  # "“Major problems” are expected"
    if doc.sentence_at(span.open_mark).start == span.open_mark and not cue_after():
        return True  # "‘Lite’ versions of the games could…": no speaker follows
    words = quoted.split()
    if len(words) > 1 and all(w[:1].isupper() for w in words) and not cue_after():
        # "''Monday Night Football'' ratings have plunged": a name before its noun
        return after.group(1) not in lx.NOT_NAMES
    # "the “Daily Show” host": a name before a noun, after a determiner.
    return before is not None and word in _NAME_DETERMINERS and not before.group(2)


def _scare_single(text: str, span: QuoteSpan) -> bool:
    """A few words in straight single marks with no punctuation of their own, not
    brought in by a colon: the 'big four' clubs. British papers set scare quotes and names so;
    what a reported clause holds of them is quoted, but they are nobody's quotation
    on their own. ("He said: 'We will win'." is one.)"""
    if text[span.open_mark] != "'" or span.start != span.open_mark + 1:
        return False
    if text[span.start : span.end].rstrip()[-1:] in (",", ".", "!", "?"):
        return False
    end = _trimmed_end(text, max(0, span.open_mark - 20), span.open_mark)
    return text[end - 1 : end] != ":"


def _is_fragment(doc: Document, span: QuoteSpan) -> bool:
    """A quoted word or phrase inside a sentence, not a quoted sentence."""
    text = doc.text
    quoted = text[span.start : span.end].strip()
    if not quoted:
        return True
    # The paragraph before the mark matters by its last two characters only.
    floor = doc.paragraphs[span.paragraph].start
    end = _trimmed_end(text, floor, span.open_mark)
    before = text[max(floor, end - 2) : end]
    introduced = (
        not before
        or before.endswith((",", ":", ".", "?", "!", "—", "–"))
        # the first words after a dateline: "MADRID (Reuters) - “We…"
        or doc.sentence_at(span.open_mark).start == span.open_mark
        # "…going to be.” “We will…”: a quoted sentence right after another
        or (before[-2:-1] in (".", "?", "!") and before[-1:] in ("”", '"', "’"))
        or span.continues_previous
    )
    words = len(quoted.split())
    if _continues_narrative(doc, span, quoted) or _carried_on(doc, span, quoted):
        return True
    if introduced and (quoted[0].isupper() or quoted[0].isdigit() or words >= 4):
        return False
    return not (words >= 8 and quoted.rstrip("'’\"").endswith(_SENTENCE_LIKE_END))


def _carried_on(doc: Document, span: QuoteSpan, quoted: str) -> bool:
    """Lower-case quoted words with no stop of their own that the writer's sentence
    carries on after: "the lawyers said, “all command the same conclusion” that
    Cruz complies…" holds part of a clause, not a quoted sentence."""
    if not quoted[0].islower() or quoted[-1] in ",.;:!?—–-…" or span.close_mark is None:
        return False
    after = _WORD_AFTER_MARK.match(doc.text, span.outer_end)
    return (
        after is not None
        and after.group(1) not in lx.SPEECH_FORMS
        and after.group(1) not in lx.SUBJECT_PRONOUNS
    )


def _sentence_after_verb(doc: Document, span: QuoteSpan) -> bool:
    """A whole quoted sentence right after a finite verb of saying, with no comma or
    colon between, that ends the sentence: Jo Roe joked “You are the smartest people.”
    (Not "…yelling at voters, saying “Vote for me.”", a participle in a claim.)"""
    text = doc.text
    quoted = text[span.start : span.end].strip()
    if not quoted or not (quoted[0].isupper() and quoted.rstrip("'’\"”").endswith((".", "!", "?"))):
        return False
    para = doc.paragraphs[span.paragraph]
    rest = text[span.outer_end : min(para.end, span.outer_end + 3)].lstrip()
    if rest and not (rest[0].isupper() or rest[0] in "\"“‘'"):
        return False  # "I say ‘So what?’ to his opinions": the sentence goes on
    end = _trimmed_end(text, para.start, span.open_mark)
    word = text[_words_before(text, para.start, end, 1) : end].lower()
    return (
        word in lx.SPEECH_FORMS
        and lx.SPEECH_FORMS[word] not in lx.PARTICLE_REQUIRED
        and not word.endswith("ing")
        # "shirts that read “…”", "it was labeled “…”": what is written, or a name
        and word not in ("read", "reads")
        and word not in _NAMING_WORDS
    )


def _continues_narrative(doc: Document, span: QuoteSpan, quoted: str) -> bool:
    """A quotation that finishes the reporter's own sentence: "Staff must go to
    mediation first, “and the victim can face sanctions,” said Ms Katz"."""
    if not quoted[0].islower():
        return False
    sent = doc.sentence_at(span.open_mark)
    end = _trimmed_end(doc.text, sent.start, span.open_mark)
    # Only the last four words of the sentence before the mark are read.
    before = doc.text[_words_before(doc.text, sent.start, end, 4) : end]
    if not before.endswith(",") or len(before.split()) < 4:
        return False
    # "…, he said, “and then…”": after a verb of saying the quotation is the speech.
    last = [w.lower().strip(",") for w in before.rstrip(",").split()[-3:]]
    return not any(
        w in lx.SPEECH_FORMS and lx.SPEECH_FORMS[w] not in lx.PARTICLE_REQUIRED for w in last
    )


# What a quotation rule finds: the speaker (``None`` for none) and the cue, if any.
Found = tuple[Speaker | None, Cue | None]


class _Tail(NamedTuple):
    """The words after a quotation's closing mark, as the rules that look there read them."""

    start: int  # the closing mark's end
    limit: int  # the paragraph's end, or the next quotation's opening mark
    first: Token  # the first word after the commas and dashes
    second: Token | None
    dash: bool  # whether a dash comes before that word
    cue: Cue | None  # the cue that word opens, if it opens one

    @property
    def head(self) -> int:
        return self.first.start


class CueSite:
    """One cue and what the rules for it read around it, each read once."""

    def __init__(self, attributor: Attributor, cue: Cue) -> None:
        self.attributor = attributor
        self.cue = cue
        self.sentence: Span = attributor.doc.sentence_at(cue.start)
        self.clause_start = attributor._clause_start(cue.start, self.sentence.start)
        self.memo: dict[str, Any] = {}  # what a module of rules reads once for all of them
        # (Plain attributes read on demand: functools.cached_property takes a lock.)
        self._earlier: list[Speaker] | None = None  # None: not read yet
        self._subject: Speaker | None = None
        self._subject_read = False

    @property
    def earlier(self) -> list[Speaker]:
        """The speakers of claims cued earlier in the sentence."""
        if self._earlier is None:
            cue, start = self.cue, self.sentence.start
            self._earlier = [
                c.speaker
                for c in self.attributor._claims_cued_near(cue.start)
                if c.cue is not None and c.speaker is not None and start <= c.cue.start < cue.start
            ]
        return self._earlier

    @property
    def subject(self) -> Speaker | None:
        """The subject right before the cue, in its clause."""
        if not self._subject_read:
            self._subject = self.attributor.ctx.subject_before(self.cue.start, self.clause_start)
            self._subject_read = True
        return self._subject


class Attributor:
    """Runs the rules over one article: each pass walks the catalogue for its trigger."""

    def __init__(
        self, doc: Document, ctx: Context, spans: list[QuoteSpan], cues: list[Cue]
    ) -> None:
        self.doc = doc
        self.text = doc.text
        self.ctx = ctx
        self.spans = spans
        self.cues = [c for c in cues if not ctx.inside_quote(c.start)]
        self.used_cues: set[int] = set()
        # Quoted words read as finishing the reporter's sentence (``_finishes_sentence``)
        # that no rule has attributed yet.
        self._finishing: list[QuoteSpan] = []
        # Opening marks of quoted transcript lines a paragraph rule has attributed:
        # "“PENCE: Well, look, …".
        self._transcribed: set[int] = set()
        # Fragments no rule has attributed yet, by the end of their closing mark.
        self._unclaimed_fragment: dict[int, QuoteSpan] = {}
        # Opening marks of quoted titles and names ("the book “…”"), which nobody says.
        self._titled: set[int] = set()
        self._tails: dict[int, _Tail | None] = {}
        self._leads: dict[int, tuple[int, str]] = {}
        # The catalogue read once per article, trigger by trigger, in the order of trial.
        self._rules = rules_by_trigger()
        self._claims: list[Claim] = []
        # Claims by the sentences they touch and by their cue's sentence, kept in
        # list order; rebuilt whenever the list is replaced, extended as it grows.
        self._claims_version = 0
        self._indexed: tuple[int, int] = (-1, 0)
        # (list version, length) when the list was last sorted by start: those
        # claims can be cut by bisection until the list is replaced.
        self._sorted: tuple[int, int] = (-1, 0)
        self._claims_in: dict[int, list[tuple[int, Claim]]] = {}
        self._claims_cued_in: dict[int, list[tuple[int, Claim]]] = {}
        self._next_position = 0
        self._claims_opening_in: dict[int, list[tuple[int, Claim]]] = {}
        self._claims_starting_in: dict[int, list[tuple[int, Claim]]] = {}
        # Sorted offsets of the cues and quotations, so that the lookups every rule
        # makes are bisections rather than scans: the engine stays linear in its input.
        self._cue_starts = [c.start for c in self.cues]
        # What each cue cuts, judged on its own, and where the next cue that cuts is.
        self._far_cuts: list[int | None] = [None] * len(self.cues)
        self._jump = [-1] * len(self.cues)
        self._stops: dict[str, list[int]] = {}
        self._commas: list[int] | None = None
        self._link_starts: list[int] | None = None
        self._link_matches: list[re.Match[str] | None] = []
        self._link_next: list[int] = []
        self._open_marks = [s.open_mark for s in spans]  # spans come in text order
        self._outer_ends = sorted(s.outer_end for s in spans)
        # For each span in text order, the least outer end among it and those after it.
        self._least_end_from = [0] * len(spans)
        least = None
        for k in range(len(spans) - 1, -1, -1):
            end = spans[k].outer_end
            least = end if least is None else min(least, end)
            self._least_end_from[k] = least

    # -- helpers ------------------------------------------------------------

    @property
    def claims(self) -> list[Claim]:
        return self._claims

    @claims.setter
    def claims(self, claims: list[Claim]) -> None:
        self._claims = claims
        self._claims_version += 1

    def _claim_index(self) -> None:
        """Bring the claim indexes up to date with the list."""
        version, done = self._indexed
        if version != self._claims_version:
            self._claims_in, self._claims_cued_in, done = {}, {}, 0
            self._claims_opening_in, self._claims_starting_in = {}, {}
        for claim in self._claims[done:]:
            self._index_claim(self._next_position, claim)
            self._next_position += 1
        self._indexed = (self._claims_version, len(self._claims))

    def _buckets(self, claim: Claim) -> Iterator[list[tuple[int, Claim]]]:
        """The index entries' lists a claim belongs in."""
        sentence_index = self.doc.sentence_index
        first = sentence_index(claim.start)
        yield self._claims_opening_in.setdefault(sentence_index(claim.outer_start), [])
        yield self._claims_starting_in.setdefault(first, [])
        for k in range(first, sentence_index(max(claim.start, claim.end - 1)) + 1):
            yield self._claims_in.setdefault(k, [])
        if claim.cue is not None:
            yield self._claims_cued_in.setdefault(sentence_index(claim.cue.start), [])

    def _index_claim(self, position: int, claim: Claim) -> None:
        for bucket in self._buckets(claim):
            if not bucket or bucket[-1][0] < position:
                bucket.append((position, claim))
            else:
                insort(bucket, (position, claim), key=lambda entry: entry[0])

    def _unindex_claim(self, claim: Claim) -> int:
        """Take a claim out of the indexes; return the position it had."""
        position = -1
        for bucket in self._buckets(claim):
            for k, (at, indexed) in enumerate(bucket):
                if indexed is claim:
                    position = at
                    del bucket[k]
                    break
        return position

    def _drop_claims(self, doomed: list[Claim]) -> None:
        """Remove every claim equal to one of ``doomed``."""
        if len(self._claims) < _FEW_CLAIMS:
            self.claims = [c for c in self._claims if c not in doomed]
            return
        self._claim_index()
        kept: list[Claim] = []
        for claim in self._claims:
            if claim in doomed:
                self._unindex_claim(claim)
            else:
                kept.append(claim)
        self._claims = kept
        self._indexed = (self._claims_version, len(kept))
        self._sorted = (-1, 0)

    def _replace_claim(self, old: Claim, new: Claim, at: int | None = None) -> None:
        """Put ``new`` where ``old`` was in the list (at index ``at``, when known)."""
        if at is not None and self._claims[at] is old:
            self._claims[at] = new
            if len(self._claims) < _FEW_CLAIMS or self._indexed[0] != self._claims_version:
                self._claims_version += 1  # changed in place: the index is made again
            elif at < self._indexed[1]:
                # The index is kept: made again after every change, a pass that
                # revises each claim in turn would cost their number squared.
                position = self._unindex_claim(old)
                if position >= 0:
                    self._index_claim(position, new)
            if (old.start, old.end) != (new.start, new.end):
                self._sorted = (-1, 0)
            return
        if len(self._claims) < _FEW_CLAIMS:
            self.claims = [new if c is old else c for c in self._claims]
            return
        self._claim_index()
        self._claims = [new if c is old else c for c in self._claims]
        if (old.start, old.end) != (new.start, new.end):
            self._sorted = (-1, 0)
        position = self._unindex_claim(old)
        if position >= 0:
            self._index_claim(position, new)

    def claims_ending_by(self, offset: int) -> Iterator[Claim]:
        """The claims that end at or before ``offset``, last in the list first.

        Once the list is sorted by start, the claims that open after ``offset``
        are cut off by bisection rather than passed one by one: asked for every
        quotation of a text of many, a scan would cost their number squared.
        """
        claims = self._claims
        version, length = self._sorted
        cut = len(claims)
        if version == self._claims_version and length <= len(claims):
            for claim in reversed(claims[length:]):  # added since the sort
                if claim.end <= offset:
                    yield claim
            cut = bisect_right(claims, offset, 0, length, key=_CLAIM_START)
        for k in range(cut - 1, -1, -1):
            if claims[k].end <= offset:
                yield claims[k]

    def _claims_touching(self, offset: int) -> list[Claim]:
        """Claims, in list order, that touch the sentence holding ``offset``: every
        claim that holds the offset is among them."""
        if len(self._claims) < _FEW_CLAIMS:
            return self._claims
        self._claim_index()
        return [c for _, c in self._claims_in.get(self.doc.sentence_index(offset), ())]

    def _claims_opening_within(self, start: int, end: int) -> list[Claim]:
        """Claims, in list order, whose outer start is in [start, end)."""
        if start >= end:
            return []
        if len(self._claims) < _FEW_CLAIMS:
            return [c for c in self._claims if start <= c.outer_start < end]
        self._claim_index()
        sentence_index = self.doc.sentence_index
        found = [
            (position, claim)
            for k in range(sentence_index(start), sentence_index(end - 1) + 1)
            for position, claim in self._claims_opening_in.get(k, ())
            if start <= claim.outer_start < end
        ]
        found.sort(key=lambda pair: pair[0])
        return [claim for _, claim in found]

    def _claims_starting_within(self, start: int, end: int, kind: str) -> list[Claim]:
        """Claims of this kind, in list order, that start in [start, end)."""
        if start >= end:
            return []
        if len(self._claims) < _FEW_CLAIMS:
            return [c for c in self._claims if c.kind == kind and start <= c.start < end]
        self._claim_index()
        sentence_index = self.doc.sentence_index
        found = [
            (position, claim)
            for k in range(sentence_index(start), sentence_index(end - 1) + 1)
            for position, claim in self._claims_starting_in.get(k, ())
            if claim.kind == kind and start <= claim.start < end
        ]
        found.sort(key=lambda pair: pair[0])
        return [claim for _, claim in found]

    def _claims_cued_near(self, offset: int) -> list[Claim]:
        """Claims, in list order, whose cue is in the sentence holding ``offset``."""
        if len(self._claims) < _FEW_CLAIMS:
            return self._claims  # few enough to read them all
        self._claim_index()
        return [c for _, c in self._claims_cued_in.get(self.doc.sentence_index(offset), ())]

    def _sentence_start(self, offset: int) -> int:
        return self.doc.sentence_at(offset).start

    def _cues_between(self, start: int, end: int) -> list[Cue]:
        found = []
        for k in range(bisect_left(self._cue_starts, start), len(self.cues)):
            cue = self.cues[k]
            if cue.start > end:
                break
            if cue.end <= end:
                found.append(cue)
        return found

    def _closed_mark(self, at: int, end: int) -> bool:
        """Whether a quotation opens at ``at`` and closes before ``end``: "…, the
        lawyers said, “all point to one answer” that…" keeps its opening mark."""
        k = bisect_left(self._open_marks, at)
        if k == len(self._open_marks) or self._open_marks[k] != at:
            return False
        close = self.spans[k].close_mark
        return close is not None and close < end

    def _span_opens_within(self, start: int, end: int) -> bool:
        """Whether a quotation opens at an offset in [start, end)."""
        k = bisect_left(self._open_marks, start)
        return k < len(self._open_marks) and self._open_marks[k] < end

    # Claims change in three places only: _remember adds one, _drop_claims absorbs
    # some, _replace_claim puts a grown or re-attributed one in another's place.

    def _remember(self, claim: Claim) -> None:
        self.claims.append(claim)
        if claim.speaker is not None and claim.speaker.name is not None:
            self.ctx.remember(claim.start, claim.speaker)

    # -- direct quotations --------------------------------------------------

    def _tail_after(self, span: QuoteSpan) -> _Tail | None:
        """What follows a quotation in its paragraph, read once for every rule
        that looks there (``None`` when nothing there can name its speaker)."""
        if span.open_mark in self._tails:
            return self._tails[span.open_mark]
        self._tails[span.open_mark] = tail = self._read_tail(span)
        return tail

    def _read_tail(self, span: QuoteSpan) -> _Tail | None:
        if span.close_mark is None:
            return None
        para = self.doc.paragraphs[span.paragraph]
        start = span.outer_end
        limit = para.end
        k = bisect_right(self._open_marks, span.open_mark)
        if k < len(self.spans) and self.spans[k].paragraph == span.paragraph:
            limit = min(limit, self.spans[k].open_mark)
        quoted = self.text[span.start : span.end].rstrip("'’\" ")
        tail = self.text[start:limit].lstrip()
        if (
            quoted.endswith(".")
            and tail[:1].isupper()
            and not tail.startswith(("—", "–"))
            and not _BARE_ATTRIBUTION.match(tail)
        ):
            return None  # “… it is serious.” Mr Roe said… opens a new sentence and claim
        # Only the first two words past any dashes are read: a short window will do,
        # and its first four tokens hold them unless a third mark runs on.
        end = min(limit, start + 80)
        toks = self.doc.tokens_between(start, end, limit=4)
        if len(toks) == 4 and toks[2].text in ",—–―-:":
            toks = self.doc.tokens_between(start, end)
        i = 0
        dash = False
        # A stray mark closing a quotation inside the quotation ("…'old-school,'
        # said") is stepped over like a comma.
        while i < len(toks) and (toks[i].text in ",—–―-:" or toks[i].text in "'’"):
            dash = dash or toks[i].text in "—–―-"
            i += 1
        if i >= len(toks):
            return None
        second = toks[i + 1] if i + 1 < len(toks) else None
        return _Tail(start, limit, toks[i], second, dash, self._cue_at(toks[i].start))

    def _with_trailing_role(self, speaker: Speaker, end: int, limit: int) -> Speaker:
        """“…,” said Tom Jones, chief executive of the firm."""
        match = re.match(r",\s+([^,.;“”\"]{3,90})[,.]?", self.text[end:limit])
        if match and speaker.role is None:
            phrase = match.group(1).strip()
            first = phrase.split()[0].lower()
            if first in ("a", "an", "the") or first in lx.TITLE_WORDS or first in lx.PERSON_NOUNS:
                return speaker.with_role(phrase)
        return speaker

    def _cue_at(self, offset: int) -> Cue | None:
        k = bisect_left(self._cue_starts, offset)
        if k < len(self.cues) and self.cues[k].start == offset:
            return self.cues[k]
        return None

    def _lead_before(self, span: QuoteSpan) -> tuple[int, str]:
        """Where the words leading up to a quotation start, and the words (read once)."""
        lead = self._leads.get(span.open_mark)
        if lead is None:
            self._leads[span.open_mark] = lead = self._read_lead(span)
        return lead

    def _read_lead(self, span: QuoteSpan) -> tuple[int, str]:
        para = self.doc.paragraphs[span.paragraph]
        head_start = max(para.start, self._sentence_start(span.open_mark))
        if head_start >= span.open_mark:
            # The quotation opens its sentence: the lead is the sentence before
            # ("He told reporters. “…”"), not the whole paragraph, which every
            # quotation of a long paragraph would otherwise read again.
            index = self.doc.sentence_index(span.open_mark)
            before = self.doc.sentences[index - 1].start if index > 0 else para.start
            head_start = max(para.start, before)
        return head_start, self.text[head_start : span.open_mark]

    def _cue_before(self, mark: int, head_start: int) -> tuple[Speaker, Cue] | None:
        candidates = self._cues_between(head_start, mark)
        # "told the Post in a written statement, “…”": after a determiner the
        # word describes a noun; the verb of saying is the one before.
        while (
            len(candidates) > 1
            and self.ctx._word_before(candidates[-1].start) in lx.NOUN_DETERMINERS
        ):
            candidates = candidates[:-1]
        if not candidates:
            return None
        cue = candidates[-1]
        gap = self.doc.tokens_between(cue.end, mark)
        # A colon may close a long lead-in: "he's said the same thing at every stop: “…”".
        longest = 20 if gap and gap[-1].text == ":" else 9
        # "said of Ms. Merkel:": the full stop of a title ends no sentence.
        if len(gap) > longest or any(
            (t.text in _GAP_STOPS and not (t.text == "." and _after_title(gap, k)))
            or t.low in _COMPLEMENTISERS
            for k, t in enumerate(gap)
        ):
            return None
        if gap and gap[-1].text not in ",:" and len(gap) > 1:
            return None
        clause_start = self._clause_start(cue.start, head_start)
        speaker = None
        quoted_in = _QUOTED_IN.search(self.text, max(clause_start, cue.start - 90), cue.start)
        if cue.participle and quoted_in is not None:
            # "Mr Houston was quoted in the Herald saying: “…”": the one quoted.
            speaker = self.ctx.subject_before(quoted_in.start(), clause_start)
        if speaker is None and self.ctx._word_before(cue.start) == "to":
            # "…, visiting the headquarters to encourage staff with a message: “…”":
            # the subject of the sentence, not a noun before "to".
            speaker = self._clause_subject(cue, clause_start)
        if speaker is None and self._participle_after_comma(cue, clause_start):
            # "Sanders stepped up his attack, saying, “…”": the sentence's subject.
            speaker = self._clause_subject(cue, clause_start)
        speaker = speaker or self.ctx.subject_before(cue.start, clause_start)
        if speaker is None:
            # "Said Comey: “…”", "Added the senator, “…”"
            found = self.ctx.subject_after(cue.end, mark)
            if found is not None and not self.text[found[1] : mark].strip(" ,:"):
                speaker = found[0]
        speaker = speaker or self._clause_subject(cue, clause_start)
        sentence_start = self._sentence_start(cue.start)
        if speaker is None and clause_start > sentence_start:
            # "Kerpen needled the CNN “reporter,” saying, “…”", "Jo Roe, one of the
            # “Class of 97”, told us: “…”": quoted words inside the sentence do not
            # end the clause whose subject the verb has.
            speaker = self._clause_subject(cue, max(head_start, sentence_start))
        if speaker is None:
            return None
        return speaker, cue

    def _participle_after_comma(self, cue: Cue, clause_start: int) -> bool:
        """ "…, saying…": a participle whose subject is the sentence's, not the last name."""
        return cue.participle and self.text[clause_start : cue.start].rstrip().endswith(",")

    def _clause_start(self, cue_start: int, floor: int) -> int:
        """Where the clause holding a cue begins: after the last quotation or ';'."""
        start = floor
        k = bisect_right(self._outer_ends, cue_start) - 1
        if k >= 0 and self._outer_ends[k] >= floor:
            start = max(start, self._outer_ends[k])
        semi = self.text.rfind(";", floor, cue_start)
        return max(start, semi + 1)

    def _closes_within(self, start: int, end: int) -> bool:
        """Whether a quotation that opens at or after ``start`` closes by ``end``."""
        k = bisect_left(self._open_marks, start)
        return k < len(self.spans) and self._least_end_from[k] <= end

    def _quotes_within(self, claim: Claim) -> bool:
        return self._span_opens_within(claim.start, claim.outer_end)

    def _another_speaker(self, claim: Claim, before: int) -> bool:
        """Whether someone else is named speaking between a claim and ``before``.

        Participles ("…, recalling the vote") and cues with no subject of their
        own ("a pollster who advised Clinton") go with the speaker already named.
        """
        assert claim.speaker is not None
        own = claim.cue
        # The rest of the sentence that names the speaker after the quotation is
        # about them: "“…,” said Jo Roe, a nurse who said she would march." /
        # "“…,” Roe told the Times, after the mayor stated his view."
        own_sentence = (
            self.doc.sentence_at(own.start).start
            if own is not None and own.start >= claim.outer_end
            else None
        )
        for cue in self._cues_between(claim.outer_end, before):
            if cue is claim.cue or cue.participle or cue.lemma not in lx.CLAUSE_VERBS:
                continue  # "a fund called Future45" names, it does not speak
            sent = self.doc.sentence_at(cue.start)
            if sent.start == own_sentence:
                continue
            other = self.ctx.subject_before(cue.start, self._clause_start(cue.start, sent.start))
            if other is None or other.rule == "relative_who":
                continue
            if other.entity is None or other.entity is not claim.speaker.entity:
                return True
        return False

    def _first_found(self, trigger: str, span: QuoteSpan) -> tuple[Rule, Found] | None:
        """The first rule of ``trigger`` that finds a speaker for a quotation, and what it found."""
        for entry in self._rules[trigger]:
            found = entry.apply(self, span)
            if found is not None:
                return entry, found
        return None

    def _fragment_then_speaker(self, span: QuoteSpan) -> Claim | None:
        """The bill's failure was “heartbreaking,” she said: a claim with quoted words."""
        fired = self._first_found(QUOTED_PHRASE, span)
        if fired is None or fired[1][1] is None:
            return None
        entry, (speaker, cue) = fired
        assert speaker is not None and cue is not None
        if cue.start > span.outer_end and self._complement(cue) is not None:
            # "On “Fox News Sunday,” Gov. Mike Pence said his running mate…": the
            # quoted title is not what was said; the clause after the cue is.
            return None
        self.used_cues.add(cue.start)
        floor = self._sentence_start(span.open_mark)
        start = self._clause_start(span.open_mark, floor)
        # "Voters want “change” and “hope”, she said": quoted words before these,
        # in the same sentence and attributed to nobody, are part of the claim.
        earlier = self._unclaimed_fragment.get(start)
        while earlier is not None and earlier.open_mark >= floor:
            start = self._clause_start(earlier.open_mark, floor)
            earlier = self._unclaimed_fragment.get(start)
        while start < span.open_mark and self.text[start] in " ,;:":
            start += 1
        toks = self.doc.tokens_between(start, span.outer_end)
        if toks and toks[0].low in (_PREPOSITIONS | _TEMPORAL) and not self._has_verb(toks):
            # "During his takedown of the “dishonest media” in Miami, Trump called
            # out…", "Later on “This Week,” Sanders said…": a phrase of time or
            # place opening the speaker's sentence, with no verb, says nothing.
            return None
        return Claim(
            start, span.outer_end, MIXED, speaker, cue, entry.stores, start, span.outer_end
        )

    def _finishes_sentence(self, span: QuoteSpan) -> bool:
        """Quoted words, however many, that finish a sentence the reporter began,
        with a cue in it: "…half the delegates and “better reflect the party,” Mook
        wrote" is one claim, partly quoted. (With no cue, "The bank “may cut
        rates…”" stays a quotation for the rules that follow a speaker on.)"""
        text = self.text
        quoted = text[span.start : span.end].lstrip()
        if not quoted[:1].islower():
            return False
        sent = self.doc.sentence_at(span.open_mark)
        end = _trimmed_end(text, sent.start, span.open_mark)
        if not text[end - 1 : end].isalpha():
            return False  # "…, said Jo: “we…”" introduces the quotation
        k = bisect_left(self._cue_starts, sent.start)
        return k < len(self._cue_starts) and self._cue_starts[k] < sent.end

    def direct(self) -> list[QuoteSpan]:
        """Attribute every quoted sentence; return the fragments left for later."""
        fragments: list[QuoteSpan] = []
        chain: list[QuoteSpan] = []
        groups: list[list[QuoteSpan]] = []
        for span in self.spans:
            if span.open_mark in self._transcribed:
                chain = []  # its line is attributed already, and ends the run
                continue
            if chain and (span.continues_previous or self._resumes_after_cue(chain[-1], span)):
                chain.append(span)
            else:
                chain = [span]
                groups.append(chain)
        for group in groups:
            fragment = len(group) == 1 and _is_fragment(self.doc, group[0])
            if fragment and self._after_cue_and_adjunct(group[0]):
                # "…, Clinton said at a town hall on Monday, “we would be looking…”"
                fragment = self._first_found(QUOTATION, group[0]) is None
            if fragment and _sentence_after_verb(self.doc, group[0]):
                # "Jo Roe joked “You are the smartest people.”": a quotation, when
                # the verb before it names its speaker.
                fragment = self._first_found(QUOTATION, group[0]) is None
            if len(group) == 1 and (
                _scare_single(self.text, group[0]) or (not fragment and self._titles(group[0]))
            ):
                # A title is nobody's words, but a reported clause may hold it.
                self._titled.add(group[0].open_mark)
                fragments.append(group[0])
                self._unclaimed_fragment[group[0].outer_end] = group[0]
                continue
            finishes = len(group) == 1 and not fragment and self._finishes_sentence(group[0])
            if fragment or finishes:
                claim = self._fragment_then_speaker(group[0])
                if claim is None:
                    fragments.append(group[0])
                    self._unclaimed_fragment[group[0].outer_end] = group[0]
                    if finishes:
                        self._finishing.append(group[0])
                else:
                    while fragments and fragments[-1].open_mark >= claim.start:
                        taken = fragments.pop()
                        del self._unclaimed_fragment[taken.outer_end]
                        if self._finishing and self._finishing[-1] is taken:
                            self._finishing.pop()
                    self._remember(claim)
                continue
            self._quote_group(group)
        return fragments

    def _titles(self, span: QuoteSpan) -> bool:
        """Whether a quotation names a title or a label: no quotation, and no fragment."""

        def told() -> bool:
            # Only the last words of the sentence before the mark are read.
            sent = max(self._sentence_start(span.open_mark), span.open_mark - 200)
            cues = [c for c in self._cues_between(sent, span.open_mark) if not c.participle]
            return bool(cues) and "," not in self.text[cues[-1].end : span.open_mark]

        def follows() -> bool:
            return bool(self._cues_between(span.outer_end, span.outer_end + 60))

        return _names_a_title(self.doc, span, told, follows)

    def _after_cue_and_adjunct(self, span: QuoteSpan) -> bool:
        """Whether a quotation in lower case comes after a verb of saying and a time or
        place phrase set off by a comma: “…,” she said on Monday, “and we will.”"""
        text = self.text
        if not text[span.start : span.end].lstrip()[:1].islower():
            return False
        floor = max(self.doc.paragraphs[span.paragraph].start, span.open_mark - 120)
        end = _trimmed_end(text, floor, span.open_mark)
        if text[end - 1 : end] != ",":
            return False
        cues = [c for c in self._cues_between(floor, end) if not c.participle]
        if not cues:
            return False
        gap = text[cues[-1].end : end - 1]
        words = gap.split()
        if not 1 <= len(words) <= 10 or any(ch in gap for ch in ',.;:!?“”"'):
            return False
        if any(w.lower() in _CLAUSE_WORDS for w in words):
            return False  # "said in a statement they would, “set out…”": a clause
        return words[0].lower() in _PREPOSITIONS or words[0].lower() in _TEMPORAL

    def _resumes_after_cue(self, prev: QuoteSpan, span: QuoteSpan) -> bool:
        """Whether a quotation goes on after its attribution cut it off: “…,” said
        the senator, “because…”. The words between hold a verb of saying and no
        sentence end, and the first part stopped on a comma."""
        if prev.close_mark is None or prev.paragraph != span.paragraph:
            return False
        if not self.text[prev.start : prev.end].rstrip().endswith(","):
            return False
        between = self.text[prev.outer_end : span.open_mark]
        words = between.split()
        if not 1 <= len(words) <= 10 or not between.rstrip().endswith(","):
            return False
        if any(ch in _ABBREVIATION_STOP.sub("", between) for ch in '.!?;:“”"()'):
            return False
        if any(w.strip(",").lower() in _RELATIVES for w in words):
            return False  # "…,” said Jo Roe, who wore the slogan “Back the Bid”: her clause
        return any(not c.participle for c in self._cues_between(prev.outer_end, span.open_mark))

    def _quote_group(self, group: list[QuoteSpan]) -> None:
        """Attribute a run of quoted sentences by the rules for quotations."""
        fired = None
        for span in group:
            fired = self._first_found(QUOTATION, span)
            if fired:
                break
        # The rules for a run nobody was found for end with one that always fires.
        if fired is None:
            fired = self._first_found(UNATTRIBUTED, group[0])
            assert fired is not None, "the last rule for an unattributed quotation always fires"
        entry, (speaker, cue) = fired
        if cue is not None and entry.name != "cue_in_previous_sentence":
            # A cue borrowed from the sentence before still heads its own
            # clause there: "Perez says the leave pays off. “It works.”"
            self.used_cues.add(cue.start)
        for span in group:
            self._remember(
                Claim(
                    span.start,
                    span.end,
                    DIRECT,
                    speaker,
                    cue,
                    entry.stores,
                    span.outer_start,
                    span.outer_end,
                )
            )

    def quote_unclaimed(self) -> None:
        """Quoted words that finish a sentence but that no claim took are a quotation
        after all: "Comair “deeply regrets the delays…”" with no speaker in sight."""
        for span in self._finishing:
            claims = self._claims_touching(span.start)
            if not any(c.start <= span.open_mark < c.end for c in claims):
                self._quote_group([span])

    # -- reported speech ----------------------------------------------------

    def _complement(self, cue: Cue) -> int | None:
        """Where the reported clause after a cue begins, if there is one."""
        start = self._complement_start(cue)
        if (
            start is not None
            and self.text[max(0, start - 2) : start] == ", "
            and self._time_after(self.doc.tokens_between(start, start + 60, limit=3))
        ):
            # "…, the agency declared on Thursday, two days after voters went to
            # the polls": the writer's time for it, not what was declared.
            return None
        if start is not None and self._aside_closes_between(cue, start):
            # "Roe complained — excerpts of which the campaign emailed to reporters
            # — that …": a cue inside an aside between dashes does not reach past it.
            return None
        if start is None and cue.lemma in lx.CLAUSE_VERBS:
            # "Roe complained at the hearing — excerpts of which … — that …": the
            # clause after an aside between dashes is the cue's before it.
            sent = self.doc.sentence_at(cue.start)
            past = _AFTER_DASH_ASIDE.match(self.text, cue.end, sent.end)
            if past is not None:
                return past.end()
        return start

    def _aside_closes_between(self, cue: Cue, start: int) -> bool:
        """Whether a dash closes, between ``cue`` and ``start``, an aside that a dash
        opened before the cue in the same sentence."""
        after = _ASIDE_DASH.search(self.text, cue.end, start)
        if after is None:
            return False
        sent = self.doc.sentence_at(cue.start)
        return _ASIDE_DASH.search(self.text, sent.start, cue.start) is not None

    def _complement_start(self, cue: Cue) -> int | None:
        sent = self.doc.sentence_at(cue.start)
        # A dozen words of gap and a clause's first words are all that is read:
        # the loop below reads no token past MAX_GAP_BEFORE_THAT + 10, and two
        # more keep each of its length tests as it would be on the whole window.
        toks = self.doc.tokens_between(
            cue.end, min(sent.end, cue.end + 200), limit=lx.MAX_GAP_BEFORE_THAT + 12
        )
        if not toks:
            return None
        lemma = cue.lemma
        if cue.surface.endswith(" against") and _gerund(toks[0]):
            # "warned against viewing that as…": what not to do is the claim, and
            # the "that" after it opens no clause.
            return toks[0].start
        aside = self.after_aside(cue)
        if aside is not None:
            return aside[1]
        resumed = self._clause_after_comma_aside(toks, cue)
        if resumed is not None:
            return resumed
        if self._gap_verb(toks, cue):
            # "the attacks, which the inquiry said were covered up": the clause
            # has its subject before the cue and opens with its verb.
            return toks[0].start
        # "Doyle said each year of study pays": after "say" a noun phrase is
        # rarely the object, so a clause whose verb no list knows still counts;
        # but not in "…, said historian Jo Carr", where the speaker follows.
        before = self.text[max(0, cue.start - 3) : cue.start].rstrip()
        inverted = before.endswith(",") and self._speaker_follows(cue)
        loose = (
            lemma == "say"
            and not cue.participle
            and not before.endswith(("”", '"', "’", "'"))
            # "Jo Roe, an economist, said demand…" but not "…, said economist Jo Roe".
            and not inverted
        )
        if lemma == "plead" and _plea(toks):
            return None  # "pleaded not guilty to all charges": a plea, not a claim
        if lemma == "claim" and not cue.participle and won_thing(toks):
            return None  # "claimed the coaching award while his side…": a thing won
        if (
            toks[0].text == ":"
            and lemma in lx.BARE_CLAUSE_VERBS
            and cue.surface.lower() not in lx.NOUN_LIKE_CUES  # "the report: Title"
            and len(toks) > 3
            and toks[1].text[0].isalnum()
            # Quoted words or another cue after the colon are attributed on their own.
            and not any(c in self.text[cue.end : sent.end] for c in '“”"')
            and not self._cues_from(cue.end, toks[min(4, len(toks) - 1)].end)
            and (self._looks_like_clause(toks[1:]) or self._present_clause(toks[1:]))
        ):
            return toks[1].start  # "he wrote: The deal is dead", with no quotation marks
        i = 0
        # "told reporters that", "said on Sunday that", "warned, in a statement, that".
        while i < len(toks) and i <= lx.MAX_GAP_BEFORE_THAT:
            tok = toks[i]
            if i == 0 and tok.low in lx.SPEECH_FORMS and cue.surface.lower() in lx.NOUN_LIKE_CUES:
                return None  # "the FAO report said…": the cue word was a noun
            if (
                lemma in lx.REQUEST_VERBS
                and not cue.surface.endswith(" for")  # "called for all sides to talk"
                and tok.low in ("if", "whether", "to")
                # "asked Trump campaign manager Kellyanne Conway to…": a longer name
                and (i <= 4 or (i <= 7 and self._plain_addressee(toks[:i])))
                and (tok.low != "to" or i > 0)
                # "told reporters on a visit to Leeds that…": "to" a place, not a request
                and (tok.low != "to" or self._bare_verb_after(toks, i))
            ):
                plain = all(t.text[0].isalnum() or t.text in ".’'-" for t in toks[:i])
                if tok.low == "to" and plain:
                    # A request keeps whom it asks: "urged [voters to reject the plan]".
                    # "called on [the council to…]": the cue's particle is not whom it asks.
                    first = 1 if i > 1 and toks[0].low in ("on", "upon") else 0
                    return toks[first].start
                return tok.start  # "asked the minister whether…"
            if (
                lemma == "ask"
                and tok.low in _QUESTION_WORDS
                and (i <= 4 or (i <= 7 and self._plain_addressee(toks[:i])))
                and not cue.participle
            ):
                return tok.start  # "Hannity asked Trump how high the wall would be"
            if lemma in lx.COMMITMENT_VERBS and tok.low == "to" and i == 0:
                return tok.start  # "vowed to fight on", "is pledging to take it to the floor"
            if (
                lemma in lx.COMMITMENT_VERBS
                and tok.low == "to"
                and self._commitment_adjunct(toks, i)
            ):
                # "vowed on Monday [to fight on]": the time and place of the
                # promise are the reporter's, not part of what was promised.
                return tok.start
            if (
                lemma in lx.COMMITMENT_VERBS
                and tok.low == "not"
                and i == 0
                and len(toks) > 1
                and toks[1].low == "to"
            ):
                return tok.start  # "promised not to raise taxes"
            if (
                lemma in lx.OBJECT_VERBS
                and 0 < i <= 8
                and pronoun_of(tok.low) in lx.SUBJECT_PRONOUNS
                and i + 1 < len(toks)
                and toks[i + 1].text[0].isalpha()
                and toks[i - 1].low not in _PREPOSITIONS
                # "is advising Pfizer as it works on…", "telling her when she was a
                # reporter": the pronoun opens the writer's clause of time or cause
                and (toks[i - 1].low not in _CLAUSE_SUBORDINATORS or toks[i - 1].low == "if")
                and all(t.text[0].isalnum() or t.text in ".’'-" for t in toks[:i])
            ):
                return tok.start  # "told The Star-Ledger last week she would…"
            if (
                lemma in lx.OBJECT_VERBS
                and lemma in lx.BARE_CLAUSE_VERBS  # not "urged the board the…"
                and 0 < i <= 8
                # "told of", "warned about", "warned against disunity and…"
                and toks[0].low not in _PREPOSITIONS
                and toks[0].low not in ("about", "of", "against", "over")
                # (but "the Birmingham and Midlands Institute" is one name)
                and not any(
                    t.low in _CLAUSE_JOINS
                    and not (
                        0 < k < i - 1
                        and toks[k - 1].text[0].isupper()
                        and toks[k + 1].text[0].isupper()
                    )
                    for k, t in enumerate(toks[:i])
                )
                and (
                    # not "told The Music Show that…"
                    (
                        tok.text.islower()
                        and (tok.low in ("the", "a", "an", "there") or tok.low in _POSSESSIVES)
                    )
                    # "told reporters Britain had…": a name after a plain noun
                    or (toks[i - 1].text.islower() and self._name_then_verb(tok))
                )
                and toks[i - 1].low not in _PREPOSITIONS
                # "told the BBC Britain had the…": the clause began at the verb's subject
                and not (
                    _finite(toks[i - 1].low)
                    or toks[i - 1].low in _AUXILIARIES
                    or toks[i - 1].low in _BE
                    # "told a lunch winning the election…" (but "after the meeting the…")
                    or (
                        toks[i - 1].low.endswith("ing")
                        and (i < 2 or toks[i - 2].low not in _NOUN_MARKERS)
                        and (i < 2 or toks[i - 2].low not in _POSSESSIVES)
                    )
                )
                and toks[i - 1].low not in _NOUN_MARKERS
                and toks[i - 1].low not in _POSSESSIVES
                and toks[i - 1].low not in ("and", "or", "that", "about", "of", "against", "into")
                and all(t.text[0].isalnum() or t.text in ".’'" for t in toks[:i])
                and self._looks_like_clause(toks[i:])
            ):
                return tok.start  # "told reporters the plant was safe"
            if (
                lemma in lx.OBJECT_VERBS
                and lemma in lx.BARE_CLAUSE_VERBS
                and not cue.participle
                and 0 < i <= 4
                and self._bare_subject_after_addressee(toks, i)
            ):
                return tok.start  # "told MPs child benefit would rise"
            if (
                lemma in lx.BARE_CLAUSE_VERBS
                and not cue.participle
                and cue.surface.lower() not in lx.NOUN_LIKE_CUES
                and 1 < i <= 8
                and toks[0].low in _GAP_OPENERS
                and toks[0].low in _PREPOSITIONS
                and (
                    (
                        # "said during his nearly 22 years in Parliament he had…"
                        (i <= 6 or toks[0].low in _ING_PREPOSITIONS)
                        and pronoun_of(tok.low) in lx.SUBJECT_PRONOUNS
                        and i + 1 < len(toks)
                        and (toks[i + 1].low in _AUXILIARIES or _finite(toks[i + 1].low))
                    )
                    # "said in a statement the plant would close" (not "agreed to
                    # present a plan…", "agree with the statements made…")
                    or (
                        toks[0].low not in ("to", "with", "for", "of")
                        and toks[i - 1].low not in _QUESTION_WORDS
                        and self._determiner_opens_clause(toks, i)
                    )
                )
                and toks[i - 1].low not in _PREPOSITIONS
                and all(t.text[0].isalnum() or t.text in ".’'-" for t in toks[:i])
                # "insisted on delaying it until he…", "agrees with this and it…"
                and not any(
                    t.low in _CONNECTORS
                    or t.low in _OPENING_SUBORDINATORS
                    or t.low in ("than", "that")
                    or (
                        t.low.endswith("ing")
                        and toks[k - 1].low not in _NOUN_MARKERS
                        and toks[k - 1].low not in _POSSESSIVES
                    )
                    for k, t in enumerate(toks[1:i], start=1)
                )
                # "If the council agrees on the plan it will…": the main clause
                and not self._in_opening_subordinate(cue)
            ):
                return tok.start  # "said after the meeting he would…"
            if (
                lemma in lx.CLAUSE_FIRST_VERBS
                and i == 0
                and not cue.participle
                and (_plain_word(tok) or (tok.low in lx.VERB_MODIFIERS and tok.text.isalpha()))
                and len(toks) > 2
                and (
                    toks[1].low in _AUXILIARIES
                    or (
                        _plain_word(toks[1])
                        and pronoun_of(toks[1].low) not in lx.SUBJECT_PRONOUNS
                        and toks[2].low in _AUXILIARIES
                    )
                )
            ):
                # "promised further patents would be freed", "warned prices could rise"
                return tok.start
            if tok.low == "that":
                nxt = toks[i + 1] if i + 1 < len(toks) else None
                if nxt is None or nxt.text in ".;":
                    return None
                if toks[0].text == "," and toks[i - 1].text != ",":
                    return None  # "The aim, he said, is a plan that works": relative "that"
                if self._cue_is_noun(cue, nxt):
                    return None
                if (toks[i - 1].low if i else cue.surface.rsplit(None, 1)[-1]) in (
                    "to",
                    "on",
                    "at",
                    "for",
                ):
                    i += 1  # "responded to that tweet by…": a determiner after "to"
                    continue
                if self._relative_after_gap(toks, i) and not (
                    # "told reporters that was the end of it": the one told, then a claim
                    lemma in lx.OBJECT_VERBS
                    and all(t.text != "," and t.low not in _PREPOSITIONS for t in toks[:i])
                ):
                    return None
                return tok.start
            if tok.text in _GAP_STOPS:
                title_end = _quoted_title_end(toks, i)
                if title_end is None:
                    return None
                i = title_end  # "told ABC’s “Good Morning America” that…": a programme
                continue
            if (i > 0 and tok.low in _TIME_NOUNS and self._adjunct(toks[: i + 1])) or (
                tok.low in _GAP_OPENERS and i + 1 < len(toks) and toks[i + 1].low in _TIME_NOUNS
            ):
                after = toks[i + 2] if tok.low not in _TIME_NOUNS and i + 2 < len(toks) else None
                if after is not None and (after.low in _AUXILIARIES or _finite(after.low)):
                    return tok.start  # "said this year was the worst": the time is the subject
                i += 1  # "said last week the plan…", "said this morning that…": a time
                continue
            if (
                (i == 0 or (self._adjunct(toks[:i]) and toks[i - 1].low not in _PREPOSITIONS))
                # "The levy, she said on Monday, will be…": the claim before the cue goes
                # on; "said on Monday, although he would not say…": the writer's clause
                and not (
                    i > 0
                    and toks[i - 1].text == ","
                    and (tok.low in _AUXILIARIES or tok.low in _BE or tok.low in _CONCESSIVES)
                )
                and lemma in lx.BARE_CLAUSE_VERBS
                and lemma not in lx.OBJECT_VERBS
                # "…, saying she would…": a participle takes a clause that opens
                # with a pronoun, but nothing looser.
                and (
                    not cue.participle
                    or pronoun_of(tok.low) in lx.SUBJECT_PRONOUNS
                    # "…, saying its inquiry found…", "…, saying the fire was…".
                    or (
                        (tok.low in _POSSESSIVES or tok.low in ("the", "a", "an"))
                        and self._looks_like_clause(toks[i:])
                    )
                    # "…, saying members preferred other posters": a bare noun, then its
                    # verb (after a comma or a plural: "the virus writing group were…"
                    # holds no cue).
                    or (
                        _plain_word(tok)
                        and i + 1 < len(toks)
                        and (toks[i + 1].low in _AUXILIARIES or _finite(toks[i + 1].low))
                        and (tok.low.endswith("s") or before.endswith(","))
                    )
                )
            ):
                if (
                    pronoun_of(tok.low) in lx.SUBJECT_PRONOUNS
                    and len(toks) > i + 1
                    and toks[i + 1].text.isalpha()
                ) or (
                    pronoun_of(tok.low) != tok.low and pronoun_of(tok.low) in lx.SUBJECT_PRONOUNS
                ):
                    return tok.start  # "said he would", "claimed they had", "said she’d"
                starts = (
                    (
                        tok.low in _CLAUSE_STARTERS
                        # "said about 50 came", but not "joked about stereotypes"
                        and (tok.low not in _APPROXIMATORS or _number_follows(toks, i))
                    )
                    # "said having Trump at the top of the ticket puts…" (but "said
                    # during the visit that…" opens a phrase of time)
                    or (
                        tok.low.endswith("ing")
                        and tok.text.islower()
                        and len(tok.low) > 4
                        and tok.low not in _ING_PREPOSITIONS
                    )
                    or (
                        # "said demand would fall", "warned house prices could drop"
                        tok.text.isalpha()
                        and tok.text.islower()
                        and tok.low not in _TEMPORAL
                        and tok.low not in _GAP_OPENERS
                        and (
                            any(t.low in _AUXILIARIES for t in toks[i + 1 : i + 4])
                            or any(_finite(t.low) for t in toks[i + 1 : i + 3])
                        )
                    )
                    # "says 500 of its patents will be released"
                    or tok.text[0].isdigit()
                    # "said at least 50 people had died"
                    or _approximates(toks, i)
                    or (
                        # "say Republican front-runner Jo Roe’s name was left off"
                        tok.text[0].isupper()
                        and (tok.low not in lx.CALENDAR or tok.text.isupper())
                        # ("US" in capitals is a name, though "us" is none)
                        and (
                            tok.low not in lx.NOT_NAMES
                            or (tok.text.isupper() and len(tok.text) > 1)
                        )
                    )
                    or (
                        (mention := self.ctx.mention_starting(tok.start)) is not None
                        and not mention.possessive
                    )
                )
                # "…, said Jo Roe, head of the firm, is that…": her role, not an aside;
                # "…, said Jo Roe, an expert, would…" resumes the claim before the cue.
                described = not before.endswith((",", "”", '"', "’", "'"))
                if starts and self._looks_like_clause(
                    toks[i:], asides=not inverted, described=described
                ):
                    return tok.start
                if (
                    loose
                    and (starts or _plain_word(tok) or self._speech_noun_subject(toks, i))
                    and self._long_enough(toks, i)
                    # "…, said former Ohio governor Jo Roe, who…": her role and name
                    and not (before.endswith(",") and _only_role_words_and_name(toks[i:]))
                ):
                    return tok.start  # "said smugglers dig tunnels under the border"
            if (
                i == 0
                and loose
                and tok.low in lx.SPEECH_FORMS
                and tok.text.isalpha()
                and tok.text.islower()
                and not tok.low.endswith(("ing", "ed"))
                and self._long_enough(toks)
                and self._has_verb(toks[1:8])
            ):
                # "says praise from Putin helps…": right after "say" a word that
                # could be a verb of saying is the clause's subject noun
                return tok.start
            if (
                tok.low in lx.SPEECH_FORMS
                and tok.text.islower()
                and (
                    lx.SPEECH_FORMS[tok.low] not in lx.PARTICLE_REQUIRED or self._cue_at(tok.start)
                )
                # "told state media that…", "warned state officials to…": a noun,
                # not the cue it might have been, in the gap
                and not (tok.low in lx.NOUN_FIRST_CUES and self._cue_at(tok.start) is None)
                # "said in a report released Thursday that…", "in its annual report
                # that…": after a determiner the cue word is what the words were said in
                and not _after_determiner(toks, i)
                # "asking those with blogs to…": right after a preposition, a noun
                and not (
                    i > 0
                    and toks[i - 1].low in _PREPOSITIONS
                    and toks[i - 1].low != "to"
                    and not tok.low.endswith("ing")
                )
            ):
                # another cue: "said, asked about it, that…" is not one clause (but
                # "claimed at one point that…" holds none: "point" needs its "out")
                return None
            if i == 0 and not (
                tok.low in _GAP_OPENERS
                # "said of the plan that it…": what the words were about
                or (tok.low == "of" and lemma == "say")
                or tok.text[0].isupper()
                or tok.text[0].isdigit()
                or lemma in lx.OBJECT_VERBS
                or lemma in lx.REQUEST_VERBS
                or tok.low in lx.VERB_MODIFIERS
            ):
                # "expressed hopes for talks that could…": "that" opens a relative clause.
                return None
            i += 1
        return None

    @staticmethod
    def _bare_subject_after_addressee(toks: list[Token], i: int) -> bool:
        """Whether ``toks[i]`` opens a clause whose subject is a bare noun, after
        whom it was told: "told MPs [child benefit would rise]", "told reporters
        [prices would fall]". The one told is a plural ("MPs", "reporters"),
        the subject one or two plain words, then its verb."""
        told, tok = toks[i - 1], toks[i]
        if not (told.text.isalpha() and told.low.endswith("s")):
            return False  # not "warned Asian states could…", whose subject is "Asian states"
        if any(
            not t.text[0].isalnum()
            or t.low in _PREPOSITIONS
            or t.low in _NOUN_MARKERS
            or t.low in _POSSESSIVES
            or t.low in _CLAUSE_JOINS
            or t.low == "that"
            for t in toks[:i]
        ):
            return False

        def plain(t: Token) -> bool:
            return (
                t.text.isalpha()
                and t.text.islower()
                and t.low not in _PREPOSITIONS
                and t.low not in _NOUN_MARKERS
                and t.low not in _POSSESSIVES
                and t.low not in _AUXILIARIES
                and t.low not in _BE
                and t.low not in _CLAUSE_JOINS
                and t.low not in _TEMPORAL
                and t.low not in lx.VERB_MODIFIERS
                and t.low not in ("to", "that", "not", "there", "about", "of", "against", "over")
                and pronoun_of(t.low) not in lx.SUBJECT_PRONOUNS
                and not _finite(t.low)
            )

        if not plain(tok):
            return False
        k = i + 1
        if k < len(toks) and plain(toks[k]):
            k += 1
        return k < len(toks) and _verb_word(toks[k].low)

    @staticmethod
    def _plain_addressee(toks: list[Token]) -> bool:
        """Words that can only name whom a request is put to: no stop, verb or
        preposition among them ("Trump campaign manager Kellyanne Conway")."""
        return all(
            t.text[0].isalnum()
            and t.low not in _PREPOSITIONS
            and t.low not in _CONNECTORS
            and not t.low.endswith("ing")
            and not _finite(t.low)
            for t in toks
        )

    @staticmethod
    def _bare_verb_after(toks: list[Token], i: int) -> bool:
        """Whether a verb, not a noun phrase, follows the "to" at ``toks[i]``."""
        k = i + 1
        if k < len(toks) and toks[k].text in ('"', "“", "‘", "'"):
            k += 1  # "to “enter into talks”"
        if k >= len(toks):
            return False
        verb = toks[k]
        return (
            verb.text[0].isalpha()
            and verb.text.islower()
            and verb.low not in _NOUN_MARKERS
            and verb.low not in _POSSESSIVES
            and verb.low not in _NUMBER_WORDS
            and pronoun_of(verb.low) not in lx.SUBJECT_PRONOUNS
            and verb.low not in ("him", "her", "them", "us", "me", "it")
        )

    def _determiner_opens_clause(self, toks: list[Token], i: int) -> bool:
        """Whether ``toks[i]``, a determiner after a noun, opens a clause rather
        than going on with a phrase ("in a statement [the plant would close]"),
        when no "that" follows soon to open it instead."""
        tok, prev = toks[i], toks[i - 1]
        return (
            tok.text.islower()
            and (tok.low in ("the", "a", "an", "there") or tok.low in _POSSESSIVES)
            and prev.text[0].isalnum()
            and prev.low not in _NOUN_MARKERS
            and prev.low not in _POSSESSIVES
            and prev.low not in _PREPOSITIONS
            and prev.low not in ("about", "of", "against", "into")
            and not (_finite(prev.low) or prev.low in _AUXILIARIES or prev.low in _BE)
            and not any(t.low == "that" for t in toks[i : i + 8])
            and self._looks_like_clause(toks[i:])
            # "about a colleague who was rude": a noun and its relative clause
            and not self._relative_before_verb(toks[i + 1 : i + 10])
        )

    @staticmethod
    def _relative_before_verb(toks: list[Token]) -> bool:
        for tok in toks:
            if tok.low in _RELATIVES:
                return True
            if _finite(tok.low) or tok.low in _AUXILIARIES:
                return False
        return False

    def _name_then_verb(self, tok: Token) -> bool:
        """Whether a name opens at ``tok`` and a verb follows it: "Britain had"."""
        mention = self.ctx.mention_starting(tok.start)
        if mention is None or mention.possessive or not tok.text[0].isupper():
            return False
        after = self.doc.tokens_between(mention.end, mention.end + 30, limit=1)
        return bool(after) and (after[0].low in _AUXILIARIES or _finite(after[0].low))

    def _present_clause(self, toks: list[Token]) -> bool:
        """Four words or more before any stop, a verb in the present after a
        short subject: "The film mentions neither of them"."""
        words = []
        for tok in toks[:8]:
            if not tok.text[0].isalnum():
                break
            words.append(tok)
        return len(words) >= 4 and any(
            _present_verb(t)
            and t.text.islower()
            and not t.low.endswith("ing")
            and words[k - 1].low not in _PREPOSITIONS
            and words[k - 1].low not in _NOUN_MARKERS
            for k, t in enumerate(words[1:4], start=1)
        )

    def _gap_verb(self, toks: list[Token], cue: Cue) -> bool:
        """Whether a verb follows a cue whose subject stands after a relative
        word: "which he said were at his side", "what she says is growing
        demand", "a trend that the board predicts will continue"."""
        if cue.lemma not in lx.BARE_CLAUSE_VERBS or cue.participle:
            return False
        k = 0
        while k < len(toks) - 1 and _adverb(toks[k].low):
            k += 1  # "which he said also has…"
        verb = toks[k]
        if not verb.text.islower() or not (
            verb.low in _AUXILIARIES
            or verb.low in _BE
            or (_finite(verb.low) and verb.low != "had")
            # "which he argued seeks to restore…"
            or (_present_verb(verb) and _plain_word(verb) and not verb.low.endswith("ing"))
        ):
            return False
        floor = self.doc.sentence_at(cue.start).start
        back = self.doc.tokens_between(max(floor, cue.start - 80), cue.start)
        j = len(back) - 1
        # "which it previously had said", "that he has long argued"
        while j >= 0 and (
            back[j].low in lx.VERB_MODIFIERS or back[j].low in ("had", "has", "have")
        ):
            j -= 1
        if j >= 0 and pronoun_of(back[j].low) in lx.SUBJECT_PRONOUNS:
            j -= 1
        else:
            # A short noun phrase: "the inquiry", "the city's lawyers", "Jo Roe".
            first = j
            while (
                j >= 0
                and first - j < 4
                and (back[j].text[0].isalnum() or back[j].text in ("’s", "'s"))
                and back[j].low not in _RELATIVES
                and not _finite(back[j].low)
                and back[j].low not in _AUXILIARIES
                and back[j].low not in lx.SPEECH_FORMS
            ):
                j -= 1
            if j == first or first - j > 4:
                return False
            lead = back[j + 1]
            if not (lead.low in _SOURCE_DETERMINERS or lead.text[0].isupper()):
                return False
        if j < 0 or back[j].low not in ("which", "that", "what"):
            return False
        # "said that officials say is…" is no relative clause, but "the plan that…" is.
        return j == 0 or back[j - 1].low not in lx.SPEECH_FORMS

    def after_aside(self, cue: Cue) -> tuple[Speaker, int] | None:
        """The speaker, and where the claim starts, when the cue and its speaker stand
        aside after an opening adverb or phrase: "Currently, says Dr Roe, the kit is
        costly", "For instance, said Mr Hogan, filters can stop spam"."""
        if cue.lemma not in lx.BARE_CLAUSE_VERBS or cue.participle:
            return None
        head_end = _trimmed_end(self.text, max(0, cue.start - 4), cue.start)
        if self.text[head_end - 1 : head_end] != ",":
            return None
        sent = self.doc.sentence_at(cue.start)
        head = self.doc.tokens_between(sent.start, head_end - 1, limit=6)
        if not head or len(head) > 5 or self._has_verb(head):
            return None
        if len(head) > 2 and head[0].low in ("but", "and", "yet", "so"):
            head = head[1:]  # "But in some cases, said the report, …"
        if not (
            all(t.low in _DISCOURSE_WORDS or t.low.endswith("ly") or t.text == "," for t in head)
            or (head[0].low in _PREPOSITIONS and head[0].low != "to")
            or head[0].low == "on"
        ):
            return None  # "The plan, says Ms Roe, will fail": the claim opens before
        found = self.ctx.subject_after(cue.end, sent.end)
        if found is None or self.text[found[1] : found[1] + 1] != ",":
            return None
        tail = self.doc.tokens_between(found[1] + 1, sent.end, limit=12)
        if len(tail) < 4 or not (self._looks_like_clause(tail) or self._long_enough(tail)):
            return None
        return found[0], tail[0].start

    def _clause_after_comma_aside(self, toks: list[Token], cue: Cue) -> int | None:
        """Where the clause starts after a short aside set off by commas right after
        the cue, when a pronoun then its verb open it: "said, however, he would
        not resign", "says, win or lose, he is staying in the race"."""
        if (
            not toks
            or toks[0].text != ","
            or cue.lemma not in lx.BARE_CLAUSE_VERBS
            or cue.participle
            or cue.surface.lower() in lx.NOUN_LIKE_CUES
            or self._speaker_follows(cue)
        ):
            return None
        for k, tok in enumerate(toks[1:10], start=1):
            if tok.text == ",":
                if k == 1 or k + 2 >= len(toks):
                    return None
                subject, verb = toks[k + 1], toks[k + 2]
                if pronoun_of(subject.low) not in lx.SUBJECT_PRONOUNS or subject.low in ("it",):
                    return None
                contracted = pronoun_of(subject.low) != subject.low
                if not (contracted or verb.low in _AUXILIARIES or _finite(verb.low)):
                    return None
                if verb.low in lx.SPEECH_FORMS:
                    return None  # "…, like Illinois, he said…": his words, not the cue's
                aside = toks[1:k]
                if all(t.low in _DISCOURSE_WORDS or t.low.endswith("ly") for t in aside) or (
                    aside[0].low in _PREPOSITIONS and not aside[-1].text[0].isdigit()
                ):
                    return subject.start  # "however", "in a statement": the report's
                return aside[0].start  # "win or lose, he is…", "by 2008, he…": the claim's
            if not tok.text[0].isalnum() or tok.low in lx.SPEECH_FORMS:
                return None
        return None

    def _introduced_in_clause(self, start: int, mark: int) -> bool:
        """Whether a verb of saying inside a reported clause, then a comma or colon,
        introduces the quotation opening at ``mark``."""
        before = self.doc.tokens_between(max(start, mark - 40), mark)
        return (
            len(before) >= 3
            and before[-1].text in ",:"
            and before[-2].text.islower()
            and before[-2].low.endswith("ing")
            and (before[-2].low in lx.SPEECH_FORMS or before[-2].low in _THINKING)
            # "they were saying, “…”", "she recalled thinking, “…”"; but in "…,
            # adding: “…”" the quoted words are the speaker's own.
            and (before[-3].low in _BE or before[-3].low in _RECALLING)
        )

    def _that_clause_follows(self, cue: Cue) -> bool:
        """Whether "that" and a clause follow the cue at once: "“Was it a smear?”
        Mr Milburn replied that they were not" reports his answer even though
        the question was put next to his name."""
        if not self.text.startswith(" that ", cue.end):
            return False
        sent = self.doc.sentence_at(cue.start)
        toks = self.doc.tokens_between(cue.end, sent.end, limit=12)
        return len(toks) > 2 and toks[0].low == "that" and self._looks_like_clause(toks[1:])

    def _cue_is_noun(self, cue: Cue, after_that: Token) -> bool:
        """Whether a cue word that is as often a noun is one here, with a relative
        clause after it: "in states that are likely to…", "a charge that might
        have stung", "the four states in the west that vote in March".

        "That" then a verb opens a relative clause; after a determiner, a number
        word or a preposition ("the four states that…") so does "that" then any word
        that cannot open a clause's subject. A gerund takes a clause ("in
        warning that businesses…").
        """
        surface = cue.surface.lower()
        if surface not in lx.NOUN_LIKE_CUES or surface.endswith("ing"):
            return False
        verb = after_that.low
        if not after_that.text.isalpha():
            return False
        if _verb_word(verb):
            return True
        floor = self.doc.sentence_at(cue.start).start
        back = self.doc.tokens_between(max(floor, cue.start - 30), cue.start)
        # Not a figure: "rules introduced in 2002 demand that net cafes…".
        marked = bool(back) and (back[-1].low in _NOUN_MARKERS or back[-1].low in _NUMBER_WORDS)
        return (
            marked
            and after_that.text.islower()
            and verb not in _NOUN_MARKERS
            and verb not in _POSSESSIVES
            and verb not in lx.VERB_MODIFIERS
            and pronoun_of(verb) not in lx.SUBJECT_PRONOUNS
            # "a signal that replacing him would…": a gerund or adjective opens a subject
            and not verb.endswith(("ing", "al", "ic", "ive", "ous", "ful", "ary"))
        )

    @staticmethod
    def _relative_after_gap(toks: list, i: int) -> bool:
        """Whether the "that" at ``toks[i]``, after words between it and the cue,
        opens a relative clause about the last of them: "called on a law firm that
        has long handled…" (but "said on Sunday that was…" is a claim)."""
        if i == 0 or i + 1 >= len(toks):
            return False
        noun, verb = toks[i - 1], toks[i + 1].low
        return (
            noun.text.isalpha()
            and noun.low not in _TEMPORAL
            and noun.low not in lx.CALENDAR
            and noun.low not in _GAP_OPENERS
            and _verb_word(verb)
        )

    def _commitment_adjunct(self, toks: list[Token], i: int) -> bool:
        """Whether the words before the "to" at ``toks[i]`` are a time or place
        phrase after a verb of promising ("pledged last week at a rally in Leeds"),
        and a verb follows the "to". A "to" that names whom the promise was made
        to ("promised in a letter to voters to cut…") is passed over for the next."""
        if not 0 < i <= 8 or not self._bare_verb_after(toks, i):
            return False
        first = toks[0]
        if not (
            first.low in _GAP_OPENERS or first.low in _TEMPORAL or first.low in lx.CALENDAR
        ) or first.low in ("to", ",", "("):
            return False
        if any(t.low == "to" for t in toks[i + 1 : i + 4]):
            return False  # "to voters to cut taxes": the first names the listener
        return all(t.text[0].isalnum() and t.low not in _CLAUSE_WORDS for t in toks[:i])

    @staticmethod
    def _adjunct(toks: list) -> bool:
        """A short time or place phrase between a cue and its clause: "said on Sunday it…"."""
        return (
            0 < len(toks) <= 4
            and toks[0].text != ","  # ", he said, have…" resumes a claim begun before
            and toks[0].low != "to"  # "joked to the chair that…": the listener, not a clause
            and (
                toks[0].low in _GAP_OPENERS
                or toks[0].low in _TEMPORAL
                # "said Tuesday the…" (not "said DEC had…", a name in capitals)
                or (toks[0].low in lx.CALENDAR and not toks[0].text.isupper())
            )
            and all(
                t.low in _GAP_OPENERS
                or t.low in _TEMPORAL
                or t.low in _TIME_NOUNS
                or t.low in lx.CALENDAR
                or t.text[0].isdigit()
                or t.text in ","
                for t in toks
            )
        )

    def _speaker_follows(self, cue: Cue) -> bool:
        """Whether the words after a cue name its speaker: "…, said the economist Jo Roe"."""
        sent = self.doc.sentence_at(cue.start)
        found = self.ctx.subject_after(cue.end, sent.end)
        if found is None:
            return False
        # The speaker phrase ends its clause ("…, said mining chief Luis Parra."),
        # unless a clause goes on ("…, said having Trump on the ticket hurts").
        rest = self.text[found[1] : sent.end].lstrip()
        return not rest or rest[0] in ".,;:!?(" or rest.split()[0].lower() in _AFTER_SPEAKER

    @staticmethod
    def _speech_noun_subject(toks: list, i: int) -> bool:
        """A word for words said that is the subject of a clause in the present:
        "says praise from Putin helps him", "says criticism of the plan misses the
        point" (but not "said thanks to the staff", with no verb for it)."""
        tok = toks[i]
        if not (tok.text.islower() and tok.low in lx.SPEECH_FORMS):
            return False
        for k in range(i + 1, min(len(toks), i + 6)):
            t = toks[k]
            if t.text in ',.;:?!()"“”' or t.low in lx.SPEECH_FORMS:
                return False
            if k > i + 1 and _present_verb(t) and _plain_word(t) and not t.low.endswith("ing"):
                return True
        return False

    @staticmethod
    def _long_enough(toks: list, start: int = 0) -> bool:
        """Four words or more before any stop: "said the process leaves them out".

        After "say" a noun phrase is almost never its object ("said a prayer" is
        rare in news), so a clause whose verb the word lists do not know still counts.
        """
        count = 0
        for tok in toks[start : start + 4]:
            if tok.text in ',.;:?!()"“”':
                break
            count += 1
        return count >= 4

    def _looks_like_clause(self, toks: list, asides: bool = True, described: bool = False) -> bool:
        """A bare clause has a finite verb soon after its subject: "the talks were over".

        A full stop right after an abbreviation ("Mrs.", "J.") does not end it.
        """
        mention = self.ctx.mention_starting(toks[0].start)
        if mention is not None:
            # "said Obama enjoys the event": a present-tense verb right after the name.
            after = self.doc.tokens_between(mention.end, mention.end + 30)
            if (
                after
                and after[0].text.islower()
                and after[0].low.endswith("s")
                and len(after[0].low) > 3
            ):
                return True
        k = 1
        relative = False
        while k < min(len(toks), 14):
            tok = toks[k]
            low = tok.low
            if tok.text == "." and (
                len(toks[k - 1].text) == 1
                or toks[k - 1].low in _ABBREVIATIONS
                or "." in toks[k - 1].text  # "U.S."
            ):
                k += 1
                continue
            if tok.text == ",":
                if described and k <= 4 and self._described_subject(toks, k):
                    return True  # "said the driver, a 45-year-old man…, was arrested"
                # "the mayor, despite his wealth, is better placed": an aside
                # between the subject and its verb.
                return asides and self._after_aside_in_subject(toks, k) is not None
            if tok.text in ".;:?!":
                return False
            if k < 10 and _finite(low):
                return True
            if low in _RELATIVES or low in _OPENING_SUBORDINATORS:
                relative = True
            # A longer subject ("the plan to pay down the debt by selling the
            # parks would…") counts only with an auxiliary for its verb, and
            # not one of a relative clause ("its term by passing a law that has…")
            # or of a clause of time ("the cup when they were…").
            if low in _AUXILIARIES and toks[k - 1].low != "to" and (k < 10 or not relative):
                return True
            k += 1
        return False

    @staticmethod
    def _after_aside_in_subject(toks: list, k: int) -> int | None:
        """Where the verb is, when ``toks[k]`` opens an aside between commas that
        a verb follows: ", despite his wealth, is", ", run by the city, has"."""
        relative = k + 1 < len(toks) and toks[k + 1].low in ("which", "who")
        for m in range(k + 1, min(len(toks), k + 10)):
            tok = toks[m]
            if relative and tok.text != ",":
                # ", which was drafted in May, was dead": a relative aside has verbs
                if tok.text in '.;:?!()"“”' or tok.low in lx.SPEECH_FORMS:
                    return None
                continue
            if tok.text == ",":
                if m == k + 1 or m + 1 >= len(toks):
                    return None
                verb = toks[m + 1]
                if (
                    verb.text.islower()
                    # "said the man, who later left, claimed…": another speaker's claim
                    and verb.low not in lx.SPEECH_FORMS
                    and _verb_word(verb.low)
                ):
                    return m + 1
                return None
            if tok.text in '.;:?!()"“”' or tok.low in lx.SPEECH_FORMS or tok.low in _RELATIVES:
                return None
            if tok.low in _AUXILIARIES or tok.low in _BE:
                return None  # ", who was there," is no aside of a subject's
        return None

    @staticmethod
    def _described_subject(toks: list, comma: int) -> bool:
        """A subject set off by a description, then its verb: "said [the driver, a
        45-year-old man from Leeds, was arrested]", "said [Smith, who is 45, had…]"."""
        if comma + 1 >= len(toks) or not all(t.text[0].isalnum() for t in toks[:comma]):
            return False
        opener = toks[comma + 1]
        if not (opener.low in _DESCRIPTION_OPENERS or opener.text[0].isupper()):
            return False
        for k in range(comma + 2, min(len(toks) - 1, comma + 16)):
            if toks[k].text in ".;:?!":
                return False
            if toks[k].text == ",":
                verb = toks[k + 1].low
                return _verb_word(verb)
        return False

    def _clause_end(self, start: int, cue: Cue) -> int:
        """The reported clause runs to the sentence end, or to the next cue's link."""
        sent = self.doc.sentence_at(cue.start)
        end = sent.end
        cut = self._next_speaker_cut(start, end)
        later = self._past_act_under_present(cue, start, cut) if cut is not None else None
        if later is not None:
            cut = self._next_speaker_cut(later.end, end)  # as below, for the speaker's cue
        if cut is not None:
            end = min(end, cut)
        # "…would be “tough, but we have a first step”": a stop inside quoted
        # words is passed over, and the quoted words go on. A comma set
        # inside the closing mark ("a “fringe candidate,” although…")
        # still stops the clause, after the mark.
        if end - start < _SHORT_CLAUSE:
            end = self._first_stop(start, end)
        else:
            for stop in _CLAUSE_STOPS:
                for form in _stop_forms(stop):
                    shift = len(form) - len(stop)
                    at = self._stop_after(form, start, stop)
                    if at is not None and at + len(form) <= end:
                        end = at + 2 * shift
        aside = _AS_PUT_IT.search(self.text, start, end)
        if aside is not None and not self.ctx.inside_quote(aside.start("gap")):
            end = aside.start("gap")  # "…,” as she put it in Raleigh": the writer's aside
        if self._in_relative_clause(cue):
            end = self._first_comma(start, end)
        elif self._after_who(cue):
            end = self._verb_after_comma(start, end)
        elif self._in_opening_subordinate(cue) or self._in_linked_subordinate(cue):
            end = self._main_clause_comma(start, end)
        whole = end
        end = self._coordination_end(start, end)
        later = self._past_act_under_present(cue, start, end) if end < whole else None
        if later is not None:
            # "McConnell says he spoke to Trump and asked him to…": a verb in the
            # past after "and" goes on with the claim's own past, not the present cue's
            end = self._coordination_end(later.end, whole)
        end = self._appositive_end(start, end)
        while end > start and self.text[end - 1] in " .,;:!?":
            end -= 1
        return end

    def _past_act_under_present(self, cue: Cue, start: int, cut: int) -> Cue | None:
        """The cue in the past that cuts a clause at "and", when the clause's own cue
        is in the present and the clause tells of the past: "says he spoke to Trump
        [and asked him…]" (not "said he spoke to Trump and asked…", nor "says the
        plan will fail and adds…")."""
        surface = cue.surface.lower()
        if not self.text.startswith("and ", cut) or surface not in (
            cue.lemma + "s",
            cue.lemma + "es",
        ):
            return None
        later = next(iter(self._cues_from(cut + 4, cut + 40)), None)
        if later is None or not later.surface.lower().endswith("ed"):
            return None
        between = self.doc.tokens_between(cut + 4, later.start)
        if any(t.low not in lx.VERB_MODIFIERS or t.low in _AUXILIARIES for t in between):
            return None
        claim = self.doc.tokens_between(start, cut)
        past = any(t.low in _PAST_FORMS or (t.low.endswith("ed") and len(t.low) > 4) for t in claim)
        return later if past else None

    def _appositive_end(self, start: int, end: int) -> int:
        """Where a closing appositive ends a claim that has its verb: "…said turnout
        rose[, a record for the county]" is the writer's gloss, not what was said.
        One that has a verb or a cue of its own ("…, a recount could not be done")
        is no gloss and stays."""
        text = self.text
        # Only the claim's last comma can open it (one after would end it).
        at = self._last_comma(start, end)
        if at is None or at + 3 > end or self.ctx.inside_quote(at):
            return end
        if _RANKING_GLOSS.match(text, at, end):
            # "…said sales rose 4%, the biggest rise since 2001": a ranking the
            # writer adds, whatever clause its noun takes ("…the most Democrats have seen").
            tail = self.doc.tokens_between(at + 1, end)
            if any(t.low in lx.SPEECH_FORMS for t in tail):
                return end
            return at if self._has_verb(self.doc.tokens_between(start, at)) else end
        if not text.startswith((", a ", ", an "), at):
            return end
        tail = self.doc.tokens_between(at + 1, end)
        # A verb of a relative clause inside it ("…, a provision that bans…") is not its own.
        own = next((k for k, t in enumerate(tail) if t.low in _RELATIVES), len(tail))
        if self._has_verb(tail[:own]) or any(t.low in lx.SPEECH_FORMS for t in tail):
            return end
        # "vowed to repeal the act[, a provision that…]": an infinitive is a verb too
        if self._has_verb(self.doc.tokens_between(start, at)) or text.startswith("to ", start):
            return at
        return end

    def _first_stop(self, start: int, end: int) -> int:
        """Where the first stop that holds ends a short clause, else ``end``: one
        pass over the clause for all the stops."""
        text, best = self.text, end
        for match in _STOP_FORMS.finditer(text, start, end):
            found = match.start()
            if found >= best:
                break
            form = match.group()
            stop = _STOP_OF_FORM[form]
            shift = len(form) - len(stop)
            if found + len(form) > best or self.ctx.inside_quote(found + shift):
                continue
            if stop[0] == "," and self._aside_before_verb(found + shift):
                continue  # "said the mayor, despite his wealth, is…": the claim goes on
            if self._stop_holds(stop, found + shift):
                best = min(best, found + 2 * shift)
        return best

    def _aside_before_verb(self, at: int) -> bool:
        """Whether the comma at ``at`` opens a short aside that the clause's verb
        follows: ", despite his wealth, is better placed"."""
        toks = self.doc.tokens_between(at, min(len(self.text), at + 160), limit=12)
        return (
            bool(toks) and toks[0].text == "," and self._after_aside_in_subject(toks, 0) is not None
        )

    def _in_relative_clause(self, cue: Cue) -> bool:
        """Whether the cue's subject opens with "which": "actions which it says
        bloggers can take, including…" ends where the relative clause does."""
        floor = self.doc.sentence_at(cue.start).start
        lo = max(floor, cue.start - 60)
        if "which" not in self.text[lo : cue.start].lower():
            return False  # no "which" among the words read: most cues, at the cost of no tokens
        back = self.doc.tokens_between(lo, cue.start)
        j = len(back) - 1
        while j >= 0 and back[j].low in lx.VERB_MODIFIERS:
            j -= 1
        if j < 1 or pronoun_of(back[j].low) not in lx.SUBJECT_PRONOUNS:
            return False
        return back[j - 1].low == "which"

    def _after_who(self, cue: Cue) -> bool:
        """Whether "who" or "which" after a comma is the cue's subject: "Jo Roe,
        who claimed that…"."""
        floor = self.doc.sentence_at(cue.start).start
        back = self.doc.tokens_between(max(floor, cue.start - 60), cue.start)
        j = len(back) - 1
        while j >= 0 and back[j].low in lx.VERB_MODIFIERS:
            j -= 1
        # "Acme, which argued that…" is set off the same way.
        if j >= 1 and back[j].low in ("who", "which") and back[j - 1].text == ",":
            return True
        # "Jo Roe, who backed him in May and said…": the relative clause's second verb
        if j < 0 or back[j].low != "and":
            return False
        k = max((i for i, t in enumerate(back[:j]) if t.text in ",;"), default=-1)
        return (
            k >= 0
            and k + 1 < j
            and back[k].text == ","
            and back[k + 1].low in ("who", "which")
            and not any(t.low in lx.SPEECH_FORMS for t in back[k + 2 : j])
        )

    def _verb_after_comma(self, start: int, end: int) -> int:
        """The first comma in [start, end) that the main clause's verb follows:
        "Jo Roe, who claimed that the plan failed, is…" (only the first few
        hundred characters are read), else ``end``."""
        text = self.text
        stop = min(end, start + 400)
        at = text.find(",", start, stop)
        while at != -1:
            word = _WORD_AFTER.match(text, at + 2)
            if word is not None and _adverb(word.group()) and word.group().islower():
                # "…, ultimately did not show up": the verb after an adverb
                word = _WORD_AFTER.match(text, word.end() + 1)
            if (
                word is not None
                and text[at + 1] == " "
                and not self.ctx.inside_quote(at)
                and (word.group() in _AUXILIARIES or word.group() in _BE or _finite(word.group()))
            ):
                return at
            at = text.find(",", at + 1, stop)
        return end

    def _in_opening_subordinate(self, cue: Cue) -> bool:
        """Whether the cue sits in a clause that opens its sentence with "while",
        "though", "when"…: "While Jo Roe claimed that…, her rivals…"."""
        sent = self.doc.sentence_at(cue.start)
        first = self.doc.tokens_between(sent.start, cue.start, limit=2)
        return any(t.low in _OPENING_SUBORDINATORS for t in first)

    def _in_linked_subordinate(self, cue: Cue) -> bool:
        """Whether the cue sits in a clause that opens with "while", "though"… after
        a comma or "and" inside the sentence: "…, and while he said he would hold
        a hearing, it is unlikely…" (the claim ends where the main clause begins)."""
        floor = self.doc.sentence_at(cue.start).start
        back = self.doc.tokens_between(max(floor, cue.start - 80), cue.start)
        k = max((i for i, t in enumerate(back) if t.text in ",;"), default=-1)
        if k == -1:
            return False
        clause = back[k + 1 :]
        if clause and clause[0].low in ("and", "but"):
            clause = clause[1:]
        return (
            len(clause) >= 2
            and clause[0].low in _OPENING_SUBORDINATORS
            and clause[0].low != "as"
            and not any(t.low in lx.SPEECH_FORMS for t in clause[:-1])
        )

    def _main_clause_comma(self, start: int, end: int) -> int:
        """The first comma in [start, end) after which a main clause begins (a
        subject, then a finite verb or a cue), else ``end``."""
        stop = min(end, start + 600)
        at = self.text.find(",", start, stop)
        while at != -1:
            if not self.ctx.inside_quote(at):
                after = self.doc.tokens_between(at + 1, min(end, at + 120), limit=10)
                if (
                    len(after) > 1
                    and after[0].low not in _CONNECTORS
                    and after[0].low not in _RELATIVES
                    # "…, were understaffed": the clause's own verb, not a new subject
                    and not (after[0].low in _AUXILIARIES or after[0].low in _BE)
                    and not _finite(after[0].low)
                    and (
                        self._looks_like_clause(after)
                        or any(t.low in lx.SPEECH_FORMS for t in after[1:4])
                        # "…, the board met", "…, they left": a new subject
                        or after[0].low in _SOURCE_DETERMINERS
                        or pronoun_of(after[0].low) in lx.SUBJECT_PRONOUNS
                    )
                ):
                    return at
            at = self.text.find(",", at + 1, stop)
        return end

    def _first_comma(self, start: int, end: int) -> int:
        """The first comma in [start, end) outside quoted words, else ``end``.

        A relative clause is short: only its first few hundred characters are read.
        """
        stop = min(end, start + 400)
        at = self.text.find(",", start, stop)
        while at != -1 and self.ctx.inside_quote(at):
            at = self.text.find(",", at + 1, stop)
        return end if at == -1 else at

    def _next_speaker_cut(self, start: int, end: int) -> int | None:
        """Where the first later cue in (start, end) that has a speaker of its own cuts.

        Cues far enough after ``start`` that it cannot change what is read before
        them are judged once per document, and runs of cues that never cut are
        jumped over, so a sentence with thousands of cues costs no more than
        thousands of sentences.
        """
        cues = self.cues
        i = bisect_right(self._cue_starts, start)
        # Before ``far`` a cue's look-back window reaches back to ``start``, or a
        # name before it could: those are judged for this clause alone.
        far = start + _CUT_REACH  # widened by the longest name once a cue is that far
        while i < len(cues) and cues[i].start < end:
            later = cues[i]
            if later.start >= far:
                if far > start + _CUT_REACH:
                    break
                far += self.ctx.longest_mention
                if later.start >= far:
                    break
            cut = self._speaker_cut(later, max(start, later.start - _CUT_REACH), start)
            if cut is not None:
                return cut
            i += 1
        if i >= len(cues) or cues[i].start >= end:
            return None
        i = self._next_far_cut(i, end)
        if i >= len(cues) or cues[i].start >= end:
            return None
        return self._far_cuts[i]

    def _next_far_cut(self, i: int, end: int) -> int:
        """Index of the first cue from ``i`` on that cuts when judged on its own, or of
        one at or past ``end`` (the cues after it are left unjudged)."""
        cues, jump, cuts = self.cues, self._jump, self._far_cuts
        passed = []
        while i < len(cues) and cues[i].start < end:
            if jump[i] > i:
                passed.append(i)
                i = jump[i]
                continue
            if jump[i] == i:
                break
            later = cues[i]
            cuts[i] = self._speaker_cut(later, max(0, later.start - _CUT_REACH), -1)
            if cuts[i] is not None:
                jump[i] = i
                break
            passed.append(i)
            i += 1
        for k in passed:
            jump[k] = i
        return i

    def _speaker_cut(self, later: Cue, lo: int, start: int) -> int | None:
        """Where a clause ends before ``later`` when a new speaker says it.

        ``lo`` is how far back to read, ``start`` where the clause began.
        """
        back = self.doc.tokens_between(lo, later.start)
        if len(back) >= 2 and back[-1].low == "to" and back[-2].low in _BE:
            return None  # "said Democrats and the media were to blame": no new speaker
        if (
            len(back) >= 3
            and back[-1].low == "to"
            and back[-2].text.isalpha()
            and back[-2].text.islower()
            and back[-3].low in _NOUN_MARKERS
            and not _verb_word(back[-2].low)
        ):
            return None  # "…and called a donor to ask for money": the infinitive says what for
        if self._cue_word_is_subject(later):
            return None  # "said his rubble comment was…": a noun, then its verb
        j = len(back) - 1
        while j >= 0 and back[j].low in lx.VERB_MODIFIERS:
            j -= 1
        subject_end = j  # the last word of the later cue's subject, if it has one
        # "… while Muse said…", "…, and he added…", "…, and 4 in 10 said…":
        # a new speaker opens a new claim.
        mention = self.ctx.mention_ending(back[j].end) if j >= 0 else None
        if mention is not None and mention.start > start:
            while j >= 0 and back[j].start >= mention.start:
                j -= 1
            if (
                j > 0
                and back[j].low in _SOURCE_DETERMINERS
                and back[j - 1].text == ","
                and self._ends_its_sentence(later)
            ):
                j -= 1  # "…, the New York Times reported": the next attribution
        elif j > 0 and pronoun_of(back[j].low) in lx.SUBJECT_PRONOUNS:
            j -= 1
            if (
                back[j].low in _TIME_SUBORDINATORS
                and j > 0
                and back[j - 1].text != ","
                and self._complement(later) is None
            ):
                # "says he knew little of Sanders before he announced his bid": a time
                # inside the claim, no new claim (but "…after he said the party
                # could not win" is one)
                return None
        else:
            k = j
            while (
                k > 0 and j - k < 6 and back[k].text not in ",;" and back[k].low not in _CONNECTORS
            ):
                k -= 1
            if k >= 0 and back[k].low in ("and", "but") and k < j:
                j = k
            elif (
                k >= 0
                and back[k].text == ","
                and k < j
                and _source_phrase(back[k + 1 : j + 1])
                and self._ends_its_sentence(later)
            ):
                j = k  # "…, the report said", "…, a spokesman added"
        if (
            j >= 1
            and back[j].text in ('"', "”")
            and back[j - 1].text == ","
            and self.ctx.inside_quote(back[j - 1].start)
            and not self.ctx.inside_quote(back[j].end)
        ):
            return back[j].end  # "…win this race,” adding that…": after the closing mark
        if j >= 0 and (back[j].low in _CONNECTORS or back[j].text == ","):
            if (
                j + 1 < len(back)
                and back[j + 1].low == "that"
                and back[j].low in ("and", "but")
                and self._that_opens_clause(back[j + 1].end)
            ):
                return None  # "said the talks failed and that the committee would…": one claim
            if (
                back[j].low == "and"
                and j == len(back) - 1
                and later.surface.lower() == later.lemma
                and any(
                    t.low in _MODALS or t.low.endswith(("’d", "'d"))
                    for t in back[:j]
                    if t.start >= start
                )
            ):
                # "said he would sit him down and tell him…": a bare verb goes on
                # under the claim's own "would" or "to"; "and says" is the speaker again
                return None
            if (
                back[j].low == "and"
                and later.surface.lower().endswith("ed")
                and j + 1 < len(back)
                and all(
                    t.low in lx.VERB_MODIFIERS and t.low not in _AUXILIARIES for t in back[j + 1 :]
                )
                and self._perfect_before(back[:j], start)
            ):
                # "said he has not held dinners and never called donors": after an
                # adverb, a participle goes on under the claim's own "has", as a bare
                # verb does under its "would"
                return None
            if (
                back[j].low == "and"
                and 0 < j < subject_end
                and back[j - 1].text[0].isalnum()
                and back[0].start >= start
                and self._no_clause_yet([t for t in back[:j] if t.start >= start])
            ):
                # "said the mayor and his deputy were referring to…": "and" joins
                # the clause's subjects, not a new speaker to the claim
                return None
            if back[j].low in _CONNECTORS and j > 0 and back[j - 1].text == ",":
                return back[j - 1].start
            return back[j].start
        return None

    def _cue_word_is_subject(self, later: Cue) -> bool:
        """Whether a later cue word is a noun that an auxiliary follows, the subject of
        a verb of its own: "…and his rubble comment was…", "…composure and answers
        had impressed him" (not "…and added that…")."""
        text = self.text
        surface = later.surface.lower()
        if text[later.end : later.end + 1] != " " or surface not in (
            later.lemma,
            later.lemma + "s",
            later.lemma + "es",
        ):
            return False  # "songs that the minister said were…": a verb, its subject before it
        word = _WORD_AFTER.match(text, later.end + 1)
        if word is None or not (word.group() in _AUXILIARIES or word.group() in _BE):
            return False
        # In "what he says and promises is…" two verbs share the one object.
        before = self.doc.tokens_between(max(0, later.start - 40), later.start)
        return not (
            len(before) >= 2
            and before[-1].low in ("and", "or")
            and before[-2].low in lx.SPEECH_FORMS
        )

    @staticmethod
    def _perfect_before(toks: list[Token], start: int) -> bool:
        """Whether the claim's words (those from ``start`` on) hold "has", "have" or
        "had" and its past participle: "he has not held", "had previously testified"."""
        for k, tok in enumerate(toks):
            if tok.start < start or tok.low not in ("has", "have", "had"):
                continue
            m = k + 1
            while m < len(toks) and (toks[m].low in ("not", "n't") or _adverb(toks[m].low)):
                m += 1  # "has not held", "had previously testified"
            verb = toks[m] if m < len(toks) else None
            if (
                verb is not None
                and verb.text.islower()
                and _finite(verb.low)
                and verb.low not in _AUXILIARIES
                and verb.low not in _BE
            ):
                return True
        return False

    def _no_clause_yet(self, toks: list[Token]) -> bool:
        """Whether the words hold no verb and do not open with a pronoun as a
        subject ("the mayor", "he", but not "they want £6m for him")."""
        # After the last "that": "said the talks failed and that Tapper, Bash and…"
        last = max((k for k, t in enumerate(toks) if t.low == "that"), default=-1)
        words = toks[last + 1 :]
        if len(words) > 1 and pronoun_of(words[0].low) in lx.SUBJECT_PRONOUNS:
            return False  # but "said he and the others would…" is one subject
        return not self._has_verb(words)

    def _ends_its_sentence(self, cue: Cue) -> bool:
        """Whether little but a time or place follows a cue in its sentence: "…, the
        report said on Monday." (not "…, a lawyer had told her the boy would…")."""
        end = self.doc.sentence_at(cue.start).end
        reach = min(end, cue.end + 60)
        after = self.doc.tokens_between(cue.end, reach, limit=6)
        k = next((i for i, t in enumerate(after) if t.text in ",.;:!?"), len(after))
        closed = k < len(after) or (reach == end and len(after) < 6)
        return closed and (k == 0 or self._adjunct(after[:k]))

    def _stop_holds(self, stop: str, at: int) -> bool:
        """Whether the stop found at ``at`` ends the claim, read from the words after it.

        "…said the bill would cost jobs, including 400 in Leeds" (or "— including")
        and "…said it would go ahead, but that talks would go on" are one claim;
        so is "…applied to cars, but not to vans".
        """
        if stop == ", including ":
            return False
        if stop == ", after ":
            # "…would be decisive, after half said so in May": the writer's time for
            # it, a clause of its own (but "…the second gadget, after the phone" and
            # "…in 1990, after which she…" go on with the claim).
            after = at + len(stop)
            toks = self.doc.tokens_between(after, min(len(self.text), after + 160), limit=10)
            for tok in toks[1:]:
                if _verb_word(tok.low):
                    return toks[0].low not in _RELATIVES
                if tok.low in _RELATIVES or tok.low in _PREPOSITIONS or not tok.text[0].isalnum():
                    return False  # "after two years in which…": a time, not a clause
            return False
        if stop == "; " and self._in_parenthesis(at):
            return False  # "…900 rupees ($20.40; £10.50) per tonne": a parenthesis goes on
        if stop in (" — ", " – "):
            # "…lay out specifics — including the cost — of their plans"; "that –
            # in his professional life – he is…": an aside before the clause it opens
            return not (
                self.text.startswith("including ", at + len(stop))
                or _ASIDE_AFTER_THAT.search(self.text, max(0, at - 2 * _ASIDE_REACH), at + 3)
                or self._between_dashes(stop, at)
            )
        if stop in (", which ", ", who "):
            return not self._relative_inside(at + len(stop))
        if stop == ", though ":
            # "…could win traditionally Democratic, though culturally conservative,
            # areas": "though" without a clause of its own goes on with the claim
            # (but "…, though he conceded…" is the writer's or another's clause)
            after = at + len(stop)
            toks = self.doc.tokens_between(after, min(len(self.text), after + 120), limit=12)
            return bool(toks) and (
                pronoun_of(toks[0].low) in lx.SUBJECT_PRONOUNS or self._looks_like_clause(toks)
            )
        if stop == " (":
            return not self._aside_inside(at + len(stop))
        if stop != ", but ":
            return True
        if _NOT_ONLY.search(self.text, max(0, at - _NOT_ONLY_REACH), at):
            return False  # "…has been not just a failure, but a catastrophe": one claim
        word = _WORD_AFTER.match(self.text, at + len(stop))
        if word is not None and word.group() in _MODALS and word.group() != "to":
            next_word = _WORD_AFTER.match(self.text, word.end() + 1)
            return not _modal_goes_on(next_word.group().lower() if next_word else None)
        if word is None or word.group().lower() not in _CLAIM_GOES_ON:
            return True
        return word.group().lower() == "that" and not self._that_opens_clause(word.end())

    def _between_dashes(self, stop: str, at: int) -> bool:
        """Whether the dash at ``at`` opens or closes a short aside that the claim
        goes on after: "…nominate Jo Roe — a member of the board — to replace…",
        "…that abortion – what the group calls care – is central". A lone dash
        ("…would cost jobs — a claim the firm denies") still ends the claim."""
        text = self.text
        after = at + len(stop)
        close = text.find(stop, after, min(len(text), after + _DASH_ASIDE_REACH))
        if close != -1 and not _SENTENCE_STOP.search(text, after, close):
            return self._goes_on_at(close + len(stop))  # the claim opened before the aside
        opened = text.rfind(stop, max(0, at - _DASH_ASIDE_REACH), at)
        if opened == -1 or _SENTENCE_STOP.search(text, opened, at):
            return False
        # "Trump — even as he says his record… — has proposed little": a claim
        # that opens inside the aside, after its own verb of saying, ends with it.
        return not self._cues_between(opened, at) and self._goes_on_at(after)

    def _goes_on_at(self, at: int) -> bool:
        """Whether the words at ``at`` carry on a clause rather than open one: a
        lowercase word that is no link, subject pronoun or verb of saying."""
        word = _WORD_AFTER.match(self.text, at)
        if word is None or not word.group()[0].islower():
            return False
        low = word.group().lower()
        return (
            low not in _CONNECTORS
            and pronoun_of(low) not in lx.SUBJECT_PRONOUNS
            and low not in lx.SPEECH_FORMS
        )

    def _in_parenthesis(self, at: int) -> bool:
        """Whether ``at`` is inside a short parenthesis: one opened shortly before
        and closed shortly after, with no other mark between."""
        text = self.text
        lo, hi = max(0, at - _ASIDE_REACH), min(len(text), at + _ASIDE_REACH)
        opened = text.rfind("(", lo, at)
        closed = text.find(")", at, hi)
        return (
            opened != -1
            and closed != -1
            and ")" not in text[opened:at]
            and "(" not in text[at:closed]
            and not _NOT_AN_ASIDE.search(text, opened + 1, closed)
        )

    def _aside_inside(self, after: int) -> bool:
        """Whether a parenthesis opening at ``after`` is a short aside inside the
        claim, which goes on after it: "…cut jobs after its $16bn (£8.5bn)
        takeover", "…the federation (Segas) would meet" (but "…the plan (which
        he opposes)." ends the claim before it)."""
        text = self.text
        close = text.find(")", after, min(len(text), after + _ASIDE_REACH))
        if close == -1:
            return False
        # "(D-Conn.)", "(R-Ga.)": an abbreviation's full stop is no sentence's end.
        last = _ABBREVIATION_END.search(text, after, close)
        if _NOT_AN_ASIDE.search(text, after, close if last is None else last.start()):
            return False
        word = _WORD_AFTER.match(text, close + 2)
        if word is None or text[close + 1] != " ":
            return False
        first = _WORD_AFTER.match(text, after)
        return first is None or first.group().lower() not in _RELATIVES

    def _relative_inside(self, after: int) -> bool:
        """Whether a relative clause opening at ``after`` closes with a comma before
        the claim's own verb: "…warned that the dollar, which has cut sales, would
        knock 125m euros off profits" is one claim."""
        text = self.text
        comma = text.find(",", after, min(len(text), after + _RELATIVE_REACH))
        if comma == -1 or any(c in '.;:!?“”"' for c in text[after:comma]):
            return False
        word = _WORD_AFTER.match(text, comma + 2)
        if word is None or text[comma + 1] != " ":
            return False
        low = word.group().lower()
        if low in lx.SPEECH_FORMS:
            return False  # "…, who was there, said…": another speaker's cue
        if low == "to":
            # "vowed to form a task force, which would include the army, to
            # crack down on…": the infinitive goes on with the claim
            verb = _WORD_AFTER.match(text, word.end() + 1)
            return verb is not None and verb.group().islower() and verb.group() not in _NOUN_MARKERS
        return _verb_word(low)

    def _that_opens_clause(self, after: int) -> bool:
        """Whether a "that" ending at ``after`` opens a clause ("and that the talks
        failed") rather than standing for a thing ("but that was not the case")."""
        word = _WORD_AFTER.match(self.text, after + 1)
        if word is None or self.text[after : word.start()] != " ":
            return False
        low = word.group().lower()
        return not _verb_word(low)

    def _last_comma(self, start: int, end: int) -> int | None:
        """The last comma in text[start:end], found by bisection: a scan back over
        a long claim, once for each claim, would grow with the square of the text."""
        if self._commas is None:
            self._commas = [m.start() for m in _COMMA.finditer(self.text)]
        k = bisect_left(self._commas, end) - 1
        return self._commas[k] if k >= 0 and self._commas[k] >= start else None

    def _stop_after(self, form: str, start: int, stop: str) -> int | None:
        """The first ``form`` of ``stop`` at or after ``start`` that is not inside a
        quotation (a form with a closing mark after its comma is read from the mark)."""
        found = self._stops.get(form)
        if found is None:
            found = []
            shift = len(form) - len(stop)
            at = self.text.find(form)
            while at != -1:
                if not self.ctx.inside_quote(at + shift) and self._stop_holds(stop, at + shift):
                    found.append(at)
                at = self.text.find(form, at + 1)
            self._stops[form] = found
        k = bisect_left(found, start)
        return found[k] if k < len(found) else None

    def _coordination_end(self, start: int, end: int) -> int:
        """Where the speaker's own next verb cuts the reported clause short.

        "…warned that the border was open and implying that…", "…said she would
        vote for him but has withheld her backing", "…rose 3%, compared with…".
        """
        if self._span_opens_within(start, end):
            # Quoted words run on: the annotated clause is theirs, up to the
            # speaker's own next verb after them (calling him a “train wreck”
            # [and contrasted…], was “disgusting” [and encouraged…]).
            return self._verb_after_quotation(start, end)
        text = self.text
        if end - start < _SHORT_CLAUSE or (
            0 < end < len(text) and _WORD_PART.match(text, end - 1, end + 1)
        ):
            # A short clause is read as it stands. So is one that ends inside a word,
            # where a match may have to stop short (never at a sentence's or stop's end).
            return self._coordination_scan(start, end)
        links = self._links()
        k = bisect_left(links, start)
        # The matches a scan from ``start`` meets, one after another, until one is
        # two words or more into the clause; from there on they are judged once per
        # document (``_first_cutting_link``).
        while k < len(links) and links[k] < end:
            if len(text[start : links[k]].split()) >= 2:
                k = self._first_cutting_link(k)
                if k < len(links) and self._link_match(k).start("word") < end:
                    return links[k]
                return end
            match = _COORDINATION.match(text, links[k], end)
            if match is None:
                return end  # the words left before ``end`` hold no whole link
            k = bisect_left(links, match.end())
        return end

    def _verb_after_quotation(self, start: int, end: int) -> int:
        """Where "and" then a finite verb, right after a closing mark, ends a claim
        that holds quoted words; a few hundred characters are read."""
        text = self.text
        if not _may_coordinate(text, start, min(end, start + 600)):
            return end
        for match in _COORDINATION.finditer(text, start, min(end, start + 600)):
            word = match.group("word")
            if match.group("link") != "and" or not word.islower():
                continue
            low = word.lower()
            before = text[max(start, match.start() - 3) : match.start()].rstrip(" ,")
            if not before.endswith(("”", '"', "’", "'")) or self.ctx.inside_quote(match.start()):
                continue
            if low in lx.SPEECH_FORMS and low not in lx.NOUN_LIKE_CUES:
                return match.start()  # "…“a con” and encouraged Americans to…"
            if _finite(low) and not self._has_verb(self.doc.tokens_between(start, match.start())):
                # "him a “train wreck” and contrasted…": a claim with no verb of its
                # own; after "he was “focused” and had…" the verb is the claim's.
                return match.start()
        return end

    def _object_end(self, start: int, end: int) -> int:
        """Where "and" then a finite verb ends an object that is the claim: "denied
        the charges [and counter-sued her]", "proposed a ban on imports [and has
        gone further]". An object holding a verb of its own keeps its "and"."""
        text = self.text
        for match in _COORDINATION.finditer(text, start, end):
            word = match.group("word")
            if match.group("link") != "and" or not word.islower():
                continue
            low = word.lower()
            # "and worse-than-expected revenue": a phrase made one word is an adjective
            # (but "and counter-sued" is a verb).
            if low.count("-") > 1 or not (_finite(low) or low in _AUXILIARIES):
                continue
            if self._has_verb(self.doc.tokens_between(start, match.start())):
                return end  # "announced a plan that was costly and…": a clause of its own
            cut = match.start()
            while cut > start and text[cut - 1] in " ,":
                cut -= 1
            return cut
        return end

    def _coordination_scan(self, start: int, end: int) -> int:
        if not _may_coordinate(self.text, start, end):
            return end  # most clauses hold no "and", "but" or "compared"
        for match in _COORDINATION.finditer(self.text, start, end):
            if len(self.text[start : match.start()].split()) < 2:
                continue
            if _coordination_cuts(
                match.group("link"), match.group("word"), match.group("next")
            ) and not (self._parallel_participle(start, match)):
                return match.start()
        return end

    def _parallel_participle(self, start: int, match: re.Match[str]) -> bool:
        """Whether "and cooperating" joins a participle the claim already holds:
        "said the bank was dealing with the problem and cooperating with regulators"."""
        word = match.group("word")
        if not word.endswith("ing"):
            return False
        return any(
            m.group().lower() not in _NOT_PARTICIPLES
            for m in _PARTICIPLE.finditer(self.text, start, match.start())
        )

    def _links(self) -> list[int]:
        """Every offset where a coordination match starts, overlapping ones included."""
        if self._link_starts is None:
            self._link_starts = [m.start() for m in _COORDINATION_AT.finditer(self.text)]
            self._link_matches = [None] * len(self._link_starts)  # matched when first met
            self._link_next = [-1] * len(self._link_starts)
        return self._link_starts

    def _link_match(self, k: int) -> re.Match[str]:
        match = self._link_matches[k]
        if match is None:
            match = _COORDINATION.match(self.text, self._links()[k])
            assert match is not None  # the offsets are where it matches
            self._link_matches[k] = match
        return match

    def _first_cutting_link(self, k: int) -> int:
        """From the match at ``links[k]``, following each match to the next one a scan
        would meet, the index of the first that cuts (or ``len(links)``)."""
        links, found = self._links(), self._link_next
        passed = []
        while k < len(links) and found[k] == -1:
            match = self._link_match(k)
            if _coordination_cuts(match.group("link"), match.group("word"), match.group("next")):
                found[k] = k
                break
            passed.append(k)
            k = bisect_left(links, match.end())
        result = found[k] if k < len(links) else len(links)
        for at in passed:
            found[at] = result
        return result

    def _speaker_of(self, cue: Cue, site: CueSite | None = None) -> tuple[Speaker, str] | None:
        """Who says the clause a cue introduces, by the first rule that finds out."""
        site = site or CueSite(self, cue)
        for entry in self._rules[REPORTED]:
            speaker = entry.apply(self, site)
            if speaker is not None:
                return speaker, entry.stores
        return None

    def _refused(self, cue: Cue) -> bool:
        """Whether the verb of saying is refused: "declined to say whether…",
        "would not confirm that…". Whoever refuses to say something claims nothing,
        and neither does the writer's "it is safe to say…"."""
        if cue.lemma == "according to":
            return False
        # Most cues have no refusal in reach: look at the raw text before reading tokens.
        window = self.text[max(0, cue.start - 40) : cue.start]
        if window.endswith((" to ", "without ")) and self._impersonal(cue):
            return True
        if not _hints_refusal(window):
            return False
        before = self.doc.tokens_between(max(0, cue.start - 40), cue.start)
        j = len(before) - 1
        while j >= 0 and before[j].low in lx.VERB_MODIFIERS and before[j].low != "not":
            j -= 1  # "refused to publicly say"
        if j >= 1 and before[j].low == "to":
            return before[j - 1].low in _REFUSALS
        if j >= 0 and before[j].low in _WITHHELD:
            return True  # "wouldn't say"
        return j >= 1 and before[j].low == "not" and before[j - 1].low in ("would", "will")

    def _impersonal(self, cue: Cue) -> bool:
        """Whether the verb of saying is the writer's manner of speaking, which
        reports nobody's words: "it is safe to say…", "too early to say whether…",
        "suffice it to say", "left without saying whether…"."""
        before = self.doc.tokens_between(max(0, cue.start - 30), cue.start)
        if len(before) >= 2 and before[-1].low == "without":
            return cue.participle
        if len(before) < 2 or before[-1].low != "to":
            return False
        if before[-2].low in _IMPERSONAL:
            return True
        return len(before) >= 3 and before[-2].low == "it" and before[-3].low == "suffice"

    def _coordinated(self, cue: Cue) -> bool:
        """Whether the cue follows "and" or "but": "…refused to comment but said…"."""
        before = self.doc.tokens_between(max(0, cue.start - 60), cue.start)
        j = len(before) - 1
        while j >= 0 and before[j].low in lx.VERB_MODIFIERS:
            j -= 1
        return j >= 0 and before[j].low in ("and", "but")

    def _clause_subject(self, cue: Cue, clause_start: int) -> Speaker | None:
        """The clause's first name or group, when nothing nearer fits.

        "Experts from both sides indicate that…", "Andriy Yermak, an aide, is
        set to attend the summit and has indicated that…".
        """
        sent = self.doc.sentence_at(cue.start)
        # (41 tokens are enough to know there are more than 40, however long the sentence.)
        toks = self.doc.tokens_between(max(clause_start, sent.start), cue.start, limit=41)
        if not toks or len(toks) > 40:
            return None
        # Skip opening adverbials: "During his campaign, Trump claimed", "The day
        # before, at a rally, Mr. Trump…".
        commas = [k + 1 for k, t in enumerate(toks) if t.text == ","]
        firsts = [0, *commas[:3]]
        # A subject nobody can name ("It was…", "the campaign"), or one of an opening
        # subordinate clause ("While Republican leaders push…, Mr. Trump has…"), is
        # kept only in case no later clause start gives a named one.
        fallback: Speaker | None = None
        for first in firsts:
            while first < len(toks) - 1 and toks[first].low in _CLAUSE_LINKS:
                first += 1
            if first == 0 and first < len(toks) - 1 and self._stray_mark(toks[0].start):
                # '"Jo Roe tried to laugh it off by interjecting, “…”': a mark that
                # opens no quotation is a typing slip, not the start of the subject.
                first += 1
            if first >= len(toks):
                continue
            tok = toks[first]
            if any(c > first for c in commas) and (
                (tok.low.endswith("ing") and tok.low not in _NOT_PARTICIPLES)
                or (first == 0 and tok.low in _PREPOSITIONS)
            ):
                # "Rallying hundreds of workers, Clinton tried…", "In a statement, the
                # family said…": an opening phrase, not the subject
                continue
            skip = 0
            if first < len(toks) - 2 and toks[first].low in _SUBORDINATOR_LEADS:
                skip = 1  # "Ever since she endorsed Mrs. Clinton, …"
            subordinate = (
                first + skip < len(toks) - 1 and toks[first + skip].low in _CLAUSE_SUBORDINATORS
            )
            if not subordinate:
                skip = 0
            found = self._subject_opening(toks, first + skip + subordinate, cue)
            if found is None:
                continue
            if self.ctx.negated(found.mention_start or 0, found.mention or ""):
                return None  # "No official said…": a denied subject, and no other
            if found.name is None or subordinate:
                if fallback is None or (fallback.name is None and found.name is not None):
                    fallback = found
                continue
            if _vocative(toks, found.mention_start + len(found.mention)):
                continue  # "But, Governor Pence, I have to ask you": spoken to, not speaking
            return found
        return fallback

    def _named_after_place(self, place: Mention) -> Mention | None:
        """The person named right after a place's possessive, their title
        included: "Florida’s Secretary of State Ken Detzner"."""
        if not place.possessive:
            return None
        after = _POSSESSIVE_THEN_WORD.match(self.text, place.end)
        if after is None:
            return None
        named = self.ctx.mention_starting(after.end())
        return named if named is not None and named.type == PERSON else None

    def _stray_mark(self, offset: int) -> bool:
        """A straight double mark opening a paragraph that has no other one to close it."""
        if self.text[offset] != '"':
            return False
        para = self.doc.paragraph_at(offset)
        return para.start == offset and self.text.find('"', offset + 1, para.end) < 0

    def _known_person(self, mention: Mention) -> bool:
        """ "Kerpen" after "Phil Kerpen": a surname of someone named in full."""
        entity = self.ctx.entities.entity_at(mention.start)
        return entity is not None and entity.type == PERSON and " " in entity.name

    def _subject_opening(self, toks: list, first: int, cue: Cue) -> Speaker | None:
        """The subject a clause opening at ``toks[first]`` begins with, if any."""
        if first >= len(toks) or self.ctx.inside_quote(toks[first].start):
            return None
        tok = toks[first]
        if pronoun_of(tok.low) in lx.SUBJECT_PRONOUNS and tok.low not in ("i", "we"):
            return self.ctx.resolve_pronoun(tok)  # "He then defended it, saying, “…”"
        mention = self.ctx.mention_starting(tok.start)
        if mention is None and tok.low == "the" and first + 1 < len(toks):
            mention = self.ctx.mention_starting(toks[first + 1].start)
            if (
                mention is None
                and first + 2 < len(toks)
                and _plain_word(toks[first + 1])
                and nominal_type(toks[first + 1].low, False) is None
            ):
                # "The nonpartisan Commission on Presidential Debates says": a word
                # that describes a body before its name.
                # ("The super PAC, Priorities USA Action, has…" names it after.)
                body = self.ctx.mention_starting(toks[first + 2].start)
                if (
                    body is not None
                    and body.type in (ORGANISATION, GROUP)
                    and not self.text.startswith(",", body.end)
                ):
                    mention = body
        if mention is not None and mention.type == "place":
            # "UK advertising giant WPP has…": the name after the describing words;
            # "Florida's Secretary of State Ken Detzner sent…": the place's officer.
            mention = self._named_after_place(mention) or self.ctx.named_after_role(
                mention, cue.start, (PERSON, "unknown", ORGANISATION)
            )
        elif (
            mention is not None
            and mention.type == "unknown"
            and " " not in mention.name
            and not self._known_person(mention)
        ):
            # "Eurosceptic party UKIP has…": a describing word, then the name;
            # "Retail giant Marlowes has…": a name of no known kind after a role noun.
            mention = (
                self.ctx.named_after_role(mention, cue.start, (PERSON, ORGANISATION))
                or self.ctx.named_after_role(mention, cue.start, _DESCRIBED, role_noun=True)
                # "Latest research suggests…": capitalised only to open the sentence.
                or (None if self.ctx.stray_capital(mention) else mention)
            )
        elif (
            mention is not None
            and mention.type == ORGANISATION
            and " " not in mention.name
            and not mention.possessive
        ):
            # "Fund manager Orla Kettering, the club's largest investor, said…": the
            # capital opens the sentence; the person the role noun describes speaks.
            mention = (
                self.ctx.named_after_role(mention, cue.start, _DESCRIBED, role_noun=True) or mention
            )
        elif mention is not None and mention.type in ("unknown", GROUP):
            # "Likely Republican nominee Donald Trump has…": the person the
            # capitalised words describe.
            mention = self.ctx.named_after_role(mention, cue.start, (PERSON,)) or mention
        elif mention is not None and mention.possessive:
            # "Clinton’s campaign manager Robby Mook said…", but "Trump’s strategy
            # involved describing…" is still Trump's.
            mention = self.ctx.named_after_role(mention, cue.start, (PERSON, "unknown")) or mention
        if mention is not None and mention.type != "place":
            k = first
            while k < len(toks) and toks[k].start < mention.end:
                k += 1
            nxt = toks[k + 1].low if k + 1 < len(toks) else ""
            if (
                nxt
                and not mention.possessive
                and toks[k].text.islower()
                and toks[k].low.endswith("s")
                and is_head_noun(toks[k].text)
                # "Marca refers to…" is a verb; "Security firms say…" a noun
                and (
                    nxt in lx.SPEECH_FORMS
                    or nxt in _AUXILIARIES
                    or nxt in _BE
                    or nxt in lx.VERB_MODIFIERS
                    or _finite(nxt)
                )
            ):
                # "BBC correspondents said…": the people the name describes.
                found = nominal(self.ctx, toks[: k + 1], k)
                if found is not None and found.name:
                    return found
            head = k
            while (
                head < min(k + 2, len(toks) - 1)
                and toks[head].text.isalpha()
                and toks[head].text.islower()
                and nominal_type(toks[head].low, False) is None
                and toks[head].low not in lx.SPEECH_FORMS
                and toks[head].low not in _AUXILIARIES
                and toks[head].low not in _BE
                and not _finite(toks[head].low)
            ):
                head += 1  # "The Sydney Olympic gold medallist says…": past its modifiers
            if (
                toks[first].low == "the"
                and head < len(toks)
                and not mention.possessive
                and toks[head].text.isalpha()
                and toks[head].text.islower()
                and nominal_type(toks[head].low, False) in (PERSON, ANONYMOUS)
                and not _compound_head_follows(toks, head)
            ):
                # "The Everton striker signed…": the person the name describes, not
                # the club.
                found = nominal(self.ctx, toks[: head + 1], head)
                if found is not None:
                    return found
            return self.ctx.from_mention(mention, "clause_subject")
        # "The spokesman refused to comment but said…": a role noun subject.
        for k in range(first, min(first + 4, len(toks))):
            if is_head_noun(toks[k].text) and toks[k].text.islower():
                named = self.ctx.mention_starting(toks[k + 1].start) if k + 1 < len(toks) else None
                if (
                    named is not None
                    and not named.possessive
                    and (
                        named.type == PERSON or (named.type == "unknown" and len(named.tokens) > 1)
                    )
                ):
                    # "the journalist Olivia Messer, writing in…, described": the
                    # person the role noun stands before.
                    return self.ctx.from_mention(named, "clause_subject")
                apposed = self.ctx.named_in_apposition(toks, k)
                if apposed is not None:
                    # "But the other candidate on the stage, former Secretary of
                    # State Hillary Clinton, drew a contrast, saying…"
                    return self.ctx.from_mention(apposed[0], "name_appositive")
                return nominal(self.ctx, toks[: k + 1], k)
            if toks[k].low not in lx.NOT_NAMES and not toks[k].text.isalpha():
                break
        return None

    def _not_named_within(self, speaker: Speaker, start: int, end: int) -> Speaker:
        """A title taken for someone who is named inside the claim was someone else:
        "the party's chief executive said it was a mistake that Mr Kennedy missed
        the vote" is not Kennedy speaking."""
        entity = speaker.entity
        if (
            speaker.rule != "role_noun"
            or entity is None
            or entity.type != PERSON  # "the company said AOL's profit rose" is AOL
            or speaker.mention == entity.name
        ):
            return speaker
        surname = entity.name.split()[-1]
        # "…, adding that he, Hale, was the better man": a name set off after
        # "he" or "she" is the speaker, named again.
        if re.search(rf"(?<![Hh]e, )\b{re.escape(surname)}\b", self.text[start:end]):
            described = clean_role(speaker.mention) or speaker.mention  # "party chief executive"
            return Speaker(
                described.lower(),
                ANONYMOUS,
                speaker.mention,
                speaker.mention_start,
                None,
                "role_noun",
            )
        return speaker

    def _subordinate(self, speaker: Speaker, cue: Cue) -> bool:
        """Whether a subordinate clause opens between a subject and its cue."""
        if speaker.mention_start is None:
            return True
        between = self.doc.tokens_between(speaker.mention_start, cue.start)
        return any(t.low in _SUBORDINATORS for t in between)

    def _absorb_guessed(self, start: int, end: int) -> None:
        """Drop quotations inside a claim whose speaker was only guessed or not found.

        "Obama described the attack as “a sobering reminder…”": the quotation is
        part of his claim, not a quote of whoever spoke before.
        """
        if start >= end:
            return
        doomed = [
            c
            for c in self._claims_starting_within(start, end, DIRECT)
            if c.kind == DIRECT
            and start <= c.start < end
            and (c.speaker is None or c.rule in _WEAK_RULES)
        ]
        if doomed:
            self._drop_claims(doomed)

    def _passive(self, cue: Cue) -> bool:
        """ "was told", "were asked", "had been advised", "was only called": the
        subject is the addressee, or what is spoken of, not the speaker."""
        if cue.participle:
            return False
        words = [w.lower() for w in self.text[max(0, cue.start - 40) : cue.start].split()[-3:]]
        # At most two adverbs between: "was later formally told".
        k = len(words) - 1
        while k > len(words) - 3 and k >= 0 and _adverb(words[k]):
            k -= 1
        return k >= 0 and words[k] in _BE

    def _adjunct_or_empty(self, start: int, end: int) -> bool:
        """Nothing, or a short time or place phrase, between two offsets."""
        toks = self.doc.tokens_between(start, end)
        return not toks or self._adjunct(toks)

    def _claim(self, start: int, end: int, speaker: Speaker, cue: Cue, rule: str) -> Claim:
        """A reported claim over text[start:end]; mixed when it holds quoted words."""
        while start < end and self.text[start] in ' “"' and not self._closed_mark(start, end):
            start += 1  # a mark left unclosed is not part of the claim
        while end > start and self.text[end - 1] in " .,;:!?":
            end -= 1
        quoted = self._span_opens_within(start, end)
        return Claim(start, end, MIXED if quoted else INDIRECT, speaker, cue, rule, start, end)

    def reported(self, fragments: list[QuoteSpan]) -> list[QuoteSpan]:
        """Attribute reported speech; return the fragments not inside any of it."""
        left = list(fragments)
        marks = [f.open_mark for f in left]  # fragments come in text order
        sources, around = self._rules[SOURCE], self._rules[CUE]
        # The rules tried on a cue whose quotation follows it: "The economy, he said, “…”".
        head_rules = [r for r in around if r.name == "claim_then_speaker_cue"]
        # Cue words between a verb and the clause it introduces are nouns there:
        # "said in its annual report that…".
        gap_end = -1
        for cue in self.cues:
            if cue.start < gap_end:
                continue
            # "The economy, he said, “could be better”": the quotation took the cue,
            # and the words before it may still be a claim of their own.
            head_only = cue.start in self.used_cues and self.quotation_after(cue) is not None
            if cue.start in self.used_cues and not head_only and not self._that_clause_follows(cue):
                continue
            if any(
                c.start <= cue.start < c.end
                for c in self._claims_touching(cue.start)
                if c.kind != DIRECT
            ):
                continue  # a verb inside a claim already made: "said they could not recount it"
            if self._refused(cue):
                continue
            site = CueSite(self, cue)
            if cue.lemma == "according to":
                for entry in sources:
                    made = entry.apply(self, site)
                    if made is not None:
                        for claim in made:
                            self._remember(claim)
                        break
                continue
            start = (
                self._complement(cue)
                if (cue.lemma in lx.CLAUSE_VERBS or cue.lemma in lx.REQUEST_VERBS) and not head_only
                else None
            )
            if start is not None and self._passive(cue) and impersonal_subject(self, cue) is None:
                continue  # "she was told to…": the one told is not the speaker
            found = self._speaker_of(cue, site) if start is not None else None
            if found is None:
                # "…, said Sarah Jones on Monday.": what reads as a clause after the cue
                # has nobody to say it, so the claim is around the cue, as with none.
                start = None
            if start is None:
                # No clause follows the verb: the claim is around it, or its object.
                claims: list[Claim] = []
                # After ", he said, “…”" only the words before the cue are left to claim.
                for entry in head_rules if head_only else around:
                    claims = entry.apply(self, site) or []
                    if claims:
                        break
                for claim in claims:
                    self.used_cues.add(cue.start)
                    self._absorb_guessed(claim.start, claim.end)
                    self._remember(claim)
                    lo = bisect_left(marks, claim.start)
                    hi = bisect_left(marks, claim.end)
                    del left[lo:hi], marks[lo:hi]
                continue
            end = self._clause_end(start, cue)
            # A clause never swallows a quotation attributed on its own, but one
            # nobody was found for is its content: X said that “…”.
            absorbed: list[Claim] = []
            for claim in self._claims_opening_within(start, end):
                if claim.kind == DIRECT:
                    if (
                        claim.speaker is None
                        or claim.rule in _WEAK_RULES
                        # "said that because…, “he's a good surrogate”": the quoted
                        # words finish the reported clause.
                        or self.text[claim.start : claim.start + 1].islower()
                        # "said he felt they were saying, “We're safe now”": the
                        # clause's own verb of saying introduces the quoted words.
                        or self._introduced_in_clause(start, claim.outer_start)
                    ):
                        absorbed.append(claim)
                    else:
                        end = claim.outer_start
                        break
            absorbed = [c for c in absorbed if c.outer_start < end]
            while end > start and self.text[end - 1] in " ,;:—–-":
                end -= 1
            if end - start < 6:
                continue
            assert found is not None  # a clause is read only when it has a speaker
            speaker, rule = found
            speaker = self._not_named_within(speaker, start, end)
            if (
                rule == "clause_subject"
                and self.text[start : start + 4].lower() != "that"
                and not self._coordinated(cue)
                and not cue.participle
                and (cue.lemma != "say" or self._subordinate(speaker, cue))
            ):
                # A far subject and no "that": too often a noun ("echoed claims
                # regarding…") rather than a verb of saying. "Said" is a verb, but
                # in "Jo Roe quit as the pair said…" its subject is someone else.
                continue
            # A quoted title in the gap before the clause names a programme, not
            # words said: "told ABC’s “Good Morning America” that…".
            lo, hi = bisect_left(marks, cue.end), bisect_left(marks, start)
            if hi > lo:
                del left[lo:hi], marks[lo:hi]
            # A fragment inside opens at or before ``end``, since it closes by ``end + 1``.
            lo, hi = bisect_left(marks, start), bisect_right(marks, end)
            inside = [f for f in left[lo:hi] if f.outer_end <= end + 1]
            kind = MIXED if inside or absorbed else INDIRECT
            if inside:
                kept = [f for f in left[lo:hi] if f.outer_end > end + 1]
                left[lo:hi], marks[lo:hi] = kept, [f.open_mark for f in kept]
                end = max(end, max(f.outer_end for f in inside))
            if absorbed:
                self._drop_claims(absorbed)
                end = max(end, max(c.outer_end for c in absorbed))
            self.used_cues.add(cue.start)
            gap_end = start
            aside = self._subject_aside(start, end)
            parts = ((start, aside[0]), (aside[1], end)) if aside is not None else ()
            condition = self._opening_condition(cue)
            if condition is not None:
                # "If the vote fails, she said she would resign": the condition
                # is part of what she said, set before her.
                parts = (condition, *(parts or ((start, end),)))
                start = condition[0]
            self._remember(Claim(start, end, kind, speaker, cue, rule, start, end, parts))
        return left

    def _opening_condition(self, cue: Cue) -> tuple[int, int] | None:
        """The condition that opens the sentence before the speaker of a clause:
        "[If the vote fails], she said she would resign"."""
        sent = self.doc.sentence_at(cue.start)
        head = _after_blanks(self.text, sent.start, cue.start)
        match = _OPENING_CONDITION.match(self.text, head, cue.start)
        if match is None:
            return None
        return match.start("condition"), match.end("condition")

    def _subject_aside(self, start: int, end: int) -> tuple[int, int] | None:
        """The aside between a reported clause's subject and its verb, when there
        is one: "said that the mayor[, who is 45,] would stand", "said [that] the
        plan[ — a cut of 5% — ]was dead". The writer's description is not what was
        said, so the claim is in two parts around it."""
        text = self.text
        that = text.startswith(("that ", "That "), start)
        head = start + 5 if that else start
        limit = min(end, head + _SUBJECT_REACH)
        # Most clauses have no comma or dash near their start: one scan for the
        # marks an aside opens with spares the pattern its tries word by word.
        if _ASIDE_OPENS.search(text, head, limit) is None:
            return None
        match = _SUBJECT_ASIDE.match(text, head, limit)
        if match is None:
            return None
        subject = self.doc.tokens_between(head, match.start("open"))
        if not subject or any(
            t.low in _AUXILIARIES
            or t.low in _BE
            or t.low in lx.SPEECH_FORMS
            or t.low in _SUBORDINATORS
            or t.low in _PREPOSITIONS
            or t.low in _RELATIVES
            or _finite(t.low)
            for t in subject
        ):
            return None  # a clause before the aside, or a phrase that only sets the scene
        opener = match.group("open")
        dash = opener.strip()
        if not that and dash == ",":
            # Without "that" only dashes set an aside off ("said the plan, run
            # by the city, has…" is read as what was said).
            return None
        closing = dash if dash == "," or not opener[0].isspace() else " " + dash + " "
        after = match.end("open")
        reach = _RELATIVE_REACH if dash == "," else _DASH_ASIDE_REACH
        close = text.find(closing, after, min(end, after + reach))
        if close == -1 or any(
            c in '.;:!?“”"(' for c in _ABBREVIATION_STOP.sub("", text[after:close])
        ):
            return None
        inner = self.doc.tokens_between(after, close)
        if (
            not inner
            or inner[0].low in _COORDINATORS
            # ", with expert witnesses,", "- such as the growth figures -": what
            # the subject takes in is part of what was said
            or inner[0].low in _PREPOSITIONS
            or inner[0].low in _ASIDE_CONTENT
            # "the dollar, which has cut sales, would…": what a thing did is
            # often the speaker's own reasoning (a person's "who" clause names them)
            or inner[0].low in _THING_RELATIVES
            or self._cues_between(after, close)
        ):
            return None  # "…, and…," or "— even as he says… —": no description
        if dash == "," and inner[0].low not in _RELATIVES and any(_verb_word(t.low) for t in inner):
            return None  # ", prices rose, and…": a clause, not a description
        if any(t.low in _RANKING_WORDS for t in inner):
            # "that Jo Roe, the most hawkish of them, would…": a judgement, and
            # so more likely the speaker's than the writer's
            return None
        resume = _WORD_AFTER.match(text, _after_blanks(text, close + len(closing), len(text)))
        if resume is None or resume.start() >= end:
            return None
        low = resume.group()
        if not low.islower() or low in lx.SPEECH_FORMS or not _verb_word(low):
            return None
        return match.start("open"), resume.start()

    # -- partial quotations ------------------------------------------------

    def quotation_after(self, cue: Cue) -> Claim | None:
        """The quotation attributed on its own, with this cue, right after ", he
        said,": "The economy, he said, “could be better”"."""
        match = _COMMA_MARK.match(self.text, cue.end)
        if match is None:
            return None
        return next(
            (
                c
                for c in self._claims_opening_within(cue.end, match.end())
                if c.kind == DIRECT and c.cue is not None and c.cue.start == cue.start
            ),
            None,
        )

    def _cues_from(self, start: int, end: int) -> list[Cue]:
        """The cues that start in [start, end), in text order."""
        return self.cues[bisect_left(self._cue_starts, start) : bisect_left(self._cue_starts, end)]

    def partial(self, fragments: list[QuoteSpan]) -> None:
        """Zelenskyy’s insistence of “…” / described Putin as “smart”."""
        covered: list[Claim] = []
        rules = self._rules[FRAGMENT]
        for span in fragments:
            if span.open_mark in self._titled:
                continue  # a title: no verb before it says it
            if any(
                c.rule == "transcript_label" and c.start <= span.open_mark < c.end
                for c in self._claims_touching(span.open_mark)
            ):
                continue  # "WALLACE: … as “The Journal” wrote …": the line's own words
            for entry in rules:
                if entry.apply(self, span, covered):
                    break

    def note_named_speakers(self) -> None:
        """Record who is named as speaking in each sentence, before any pronoun is read.

        "Clinton says Trump’s … . She says …": the she is Clinton, which the
        rules for quotations can only know if the reported speech was seen first.
        """
        for cue in self.cues:
            sent = self.doc.sentence_at(cue.start)
            if named_after_bare_cue(self, cue, sent):
                continue  # "…turn to Windows said Jo Roe, …": Windows says nothing
            speaker = self.ctx.subject_before(
                cue.start, self._clause_start(cue.start, sent.start), pronouns=False
            )
            if speaker is None:
                continue
            # Names, and role nouns that name someone ("The minister told…" after
            # "Ms Hewitt said"): either may be what a later pronoun refers to.
            if speaker.rule in ("name", "name_appositive") or (
                speaker.rule == "role_noun" and speaker.entity is not None
            ):
                self.ctx.remember(cue.start, speaker)

    def transcript(self) -> None:
        """Paragraphs that say who speaks them: "PENCE: Well, look, …"."""
        rules = self._rules[PARAGRAPH]
        for para in self.doc.paragraphs:
            for entry in rules:
                claim = entry.apply(self, para)
                if claim is not None:
                    self._remember(claim)
                    if claim.outer_start < claim.start:
                        self._transcribed.add(claim.outer_start)
                    break

    def headlines(self, fragments: list[QuoteSpan]) -> list[QuoteSpan]:
        """Headlines that name their speaker; return the fragments not inside any of them."""
        left = fragments
        rules = self._rules[HEADLINE]
        for para in self.doc.paragraphs:
            for entry in rules:
                found = entry.apply(self, para, left)
                if found is None:
                    continue
                claim, inside, quoted = found
                left = [f for f in left if f not in inside]
                if quoted:
                    self._drop_claims(quoted)
                self._remember(claim)
                break
        return left

    def run(self) -> Iterator[Claim]:
        self.note_named_speakers()
        self.transcript()
        fragments = self.direct()
        fragments = self.headlines(fragments)
        fragments = self.reported(fragments)
        self.partial(fragments)
        self.quote_unclaimed()
        self.revisit_unattributed()
        return iter(self._join_interrupted(sorted(self.claims, key=lambda c: (c.start, c.end))))

    def _join_interrupted(self, claims: list[Claim]) -> list[Claim]:
        """Claims next to each other that make one: “…,” she said, “…”."""
        joined: list[Claim] = []
        rules = self._rules[JOIN]
        for claim in claims:
            prev = joined[-1] if joined else None
            if prev is not None:
                one = next(
                    (j for entry in rules if (j := entry.apply(self, prev, claim)) is not None),
                    None,
                )
                if one is not None:
                    joined[-1] = one
                    continue
            joined.append(claim)
        return joined

    def revisit_unattributed(self) -> None:
        """Give quotations left without a speaker a second look, now that every claim is known.

        “…” in the 2008 primary, said Paul Beck. “That was…”: the first is a
        claim found only by the reported-speech rules, which run after quotations.
        """
        self.claims = sorted(self.claims, key=lambda c: (c.start, c.end))
        self._sorted = (self._claims_version, len(self.claims))
        same_speaker = named("same_speaker_as_previous_quote")
        if same_speaker is None:
            return
        # The claim a cue in the sentence before reported, found only now.
        previous_cue = named("cue_in_previous_sentence")
        next_quote = named("same_speaker_as_next_quote")
        span_at: dict[int, QuoteSpan] = {}
        for quoted in self.spans:
            span_at.setdefault(quoted.start, quoted)
        for index, claim in enumerate(self.claims):
            if claim.kind != DIRECT:
                continue
            if claim.speaker is not None:
                if claim.speaker.rule == "pronoun" and claim.speaker.name is None:
                    role = self._role_spoke_before(claim, index)
                    if role is not None:
                        self._replace_claim(claim, replace(claim, speaker=role), index)
                continue
            span = span_at.get(claim.start)
            if span is None:
                continue
            found = same_speaker.apply(self, span)
            if found is not None:
                revised = replace(claim, speaker=found[0], rule=same_speaker.stores)
                self._replace_claim(claim, revised, index)
                continue
            found = next_quote.apply(self, span) if next_quote is not None else None
            if found is not None and next_quote is not None:
                revised = replace(claim, speaker=found[0], cue=found[1], rule=next_quote.stores)
                self._replace_claim(claim, revised, index)
                continue
            reported = self._reported_just_before(span, index) if previous_cue else None
            if reported is not None and previous_cue is not None:
                revised = replace(
                    claim,
                    speaker=reported.speaker,
                    cue=reported.cue,
                    rule=previous_cue.stores,
                )
                self._replace_claim(claim, revised, index)

    def _role_spoke_before(self, claim: Claim, index: int) -> Speaker | None:
        """Whom a "he" or "she" that named nobody means, when the sentence before
        reports a speaker named only by a role: "A Labour spokesman said the party
        kept to the rules. “…,” he said." Not when the role's sex is the other one."""
        assert claim.speaker is not None
        pronoun = claim.speaker
        sent_index = self.doc.sentence_index(pronoun.mention_start)
        if sent_index == 0:
            return None
        prev = self.doc.sentences[sent_index - 1]
        for k in range(index - 1, max(-1, index - 4), -1):
            before = self.claims[k]
            if before.end <= prev.start:
                return None
            found = before.speaker
            if found is None or found.name is None or found.rule != "role_noun":
                continue
            if before.cue is None or not prev.start <= before.cue.start < prev.end:
                continue
            head = found.name.lower().split()[-1]
            sex = _gender_of_role(found.name) or (
                "f" if head.endswith("woman") else "m" if head.endswith("man") else None
            )
            said = pronoun.mention.lower()
            if said == "it":
                # a body's role, not a person's: "The US government denied it. … it said"
                return found if sex is None and found.type not in (PERSON, ANONYMOUS) else None
            if sex is not None and sex != ("f" if said == "she" else "m"):
                return None
            return found
        return None

    def _reported_just_before(self, span: QuoteSpan, index: int) -> Claim | None:
        """The claim reported in the sentence just before a quotation that opens its
        own sentence: "Trump was quick to add that the wall stays. “Not negotiable.”"."""
        doc = self.doc
        sent_index = doc.sentence_index(span.open_mark)
        if sent_index == 0:
            return None
        sent = doc.sentences[sent_index]
        if self.text[sent.start : span.open_mark].strip():
            return None
        prev = doc.sentences[sent_index - 1]
        if doc.paragraph_index(prev.start) < span.paragraph - 1:
            return None
        for k in range(index - 1, max(-1, index - 4), -1):
            claim = self.claims[k]
            if claim.end <= prev.start:
                return None
            if (
                claim.kind != DIRECT
                and claim.cue is not None
                and prev.start <= claim.cue.start < prev.end
                and claim.speaker is not None
                and claim.speaker.name is not None
            ):
                return claim
        return None

    # -- what the rules read of this module's word tests ----------------------

    @staticmethod
    def _time_after(toks: list[Token]) -> bool:
        """Whether the words are a span of time from an event: "two days after…",
        "a week before…", "hours later"."""
        if len(toks) < 2:
            return False
        first = toks[0]
        k = (
            1
            if first.low in _NUMBER_WORDS or first.low in _TIME_COUNTS or first.text[0].isdigit()
            else 0
        )
        return k < len(toks) - 1 and toks[k].low in _TIME_NOUNS and toks[k + 1].low in _TIME_LINKS

    @staticmethod
    def _has_verb(toks: list[Token], present: bool = False) -> bool:
        """Whether the words hold a finite verb or an auxiliary (or, with
        ``present``, a verb in the present tense)."""
        return any(
            (_finite(t.low) or t.low in _AUXILIARIES or (present and _present_verb(t)))
            and not _the_month(toks, k)
            for k, t in enumerate(toks)
        )

    @staticmethod
    def _names_in_a_row(toks: list[Token]) -> bool:
        """ "Chelsea: Cech, Ferreira, Terry": a list, not a clause."""
        return _is_list(toks)

    @staticmethod
    def _stops_gap(word: str) -> bool:
        """Whether a word ends the gap between a cue and what it introduces."""
        return word in _GAP_STOPS
