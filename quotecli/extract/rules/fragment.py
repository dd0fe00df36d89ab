"""Rules for quoted fragments no claim holds yet: whose words they are.

A fragment rule takes a quoted fragment and the claims the partial-quote rule
has made so far, changes the claims through the ``Attributor`` and says
whether it attributed the fragment.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from quotecli.extract import lexicon as lx
from quotecli.extract.catalogue import FRAGMENT, rule
from quotecli.extract.claims import Claim
from quotecli.model import DIRECT, MIXED

if TYPE_CHECKING:
    from quotecli.extract.attribute import Attributor
    from quotecli.extract.cues import Cue
    from quotecli.extract.document import Span
    from quotecli.extract.marks import QuoteSpan
    from quotecli.extract.subjects import Speaker

# "… by the unions": the agent of a passive, right after the quoted words.
_PASSIVE_AGENT = re.compile(r"[\"”’']?,?[ \t]+by[ \t]+")
_POSSESSIVE_NOUN = re.compile(
    r"[’']s\s+(?:[a-z]+\s+){0,2}?("
    + "|".join(sorted(lx.SPEECH_NOUNS))
    + r")(?:\s+(?:of|that|was|is))?[\s:,]*$"
)


def _words_back(text: str, floor: int, end: int, count: int) -> int:
    """Where the ``count``-th word before ``end`` starts, passing over the spaces,
    colons and commas that end the text (never before ``floor``)."""
    at = end
    while at > floor and (text[at - 1].isspace() or text[at - 1] in ":,"):
        at -= 1
    for _ in range(count):
        while at > floor and text[at - 1].isspace():
            at -= 1
        while at > floor and not text[at - 1].isspace():
            at -= 1
    return at


_PREPOSITIONS = lx.load("attribute-prepositions")
_TEMPORAL = lx.load("attribute-temporal")
_SUBORDINATORS = lx.load("attribute-subordinators")
_NUMBER_WORDS = lx.load("attribute-number-words")


_OPENING_MARKS = ("“", '"')


def _title_after_cue(a: Attributor, cue: Cue, span: QuoteSpan, sent: Span) -> bool:
    """Whether quoted words in the time or place after a cue that has its words
    already are a title: "“It’s a fraud,” Perez said Sunday on “Meet the Press”"
    (the quotation that opens the sentence is the cue's, even when its speaker
    was not found)."""
    return (
        cue.start in a.used_cues or a.text[sent.start : sent.start + 1] in _OPENING_MARKS
    ) and _adjunct_follows(a, cue.end, span.open_mark)


def _adjunct_follows(a: Attributor, start: int, end: int) -> bool:
    """Whether the words after a cue open with a time or a place: "said on Sunday", "said
    Thursday morning on", "says in the advert". ("Said, “and…”" and "said that…" do not.)"""
    first = a.doc.tokens_between(start, end)[:1]
    return bool(first) and (
        first[0].low in _PREPOSITIONS or first[0].low in _TEMPORAL or first[0].low in lx.CALENDAR
    )


def _adjunct_after(a: Attributor, span: QuoteSpan) -> bool:
    """Whether the words after a quotation's closing mark (a comma aside) open a
    phrase of time, place or number, or a subordinate clause: "“…” at the
    rally", "“…” five times", "“…,” before leaving". (Not "“Mexico” will pay",
    where the quoted word is the subject of a clause that goes on.)"""
    toks = a.doc.tokens_between(span.outer_end, min(span.outer_end + 40, len(a.text)), limit=3)
    if toks and toks[0].text == ",":
        toks = toks[1:]
    if not toks:
        return False
    first = toks[0]
    if first.text[0].isdigit():
        return True
    if first.low == "for":
        return False  # "blamed “a lack of talent” for the defeat": the verb's own complement
    if first.low == "as" and len(toks) > 1 and toks[1].low in _TO_OBJECTS:
        # "cited “Top Gear” as his favourite show": what it was cited as (but "as
        # the crowd cheered" is a clause of time)
        rest = a.doc.tokens_between(toks[1].start, min(toks[1].start + 60, len(a.text)), limit=6)
        return a._has_verb(rest)
    if first.low == "to":
        # "called for “fresh talks” to end the strike": a purpose that belongs to
        # the claim; but "said “no” to the plan" ends it.
        after = toks[1] if len(toks) > 1 else None
        return after is not None and (after.text[0].isupper() or after.low in _TO_OBJECTS)
    return first.text.islower() and (
        first.low in _PREPOSITIONS
        or first.low in _TEMPORAL
        or first.low in _SUBORDINATORS
        or first.low in _NUMBER_WORDS
    )


# Words that open a noun phrase after "to" (a listener or a goal, not an infinitive).
_TO_OBJECTS = frozenset(
    ("the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that")
)


# After a possessive or an article, a word that is as often a noun as a verb of
# saying is the noun: "Clinton's comments come", "the remarks were".
_OWNED_NOUN = re.compile(r"(?:[’']s|\b(?:" + "|".join(sorted(lx.NOUN_DETERMINERS)) + r"))[ \t]+$")
_NOUN_OPENS_CLAIM = frozenset(("that", "of", "about", "on", "to", "by", "from"))


def _owned_noun(a: Attributor, cue: Cue) -> bool:
    """Whether a noun-like cue after a possessive or an article is the subject of the
    words after it, not a verb: "Clinton's comments come weeks before the vote"
    (but "her claim that…", "the report of…" may still introduce a claim)."""
    if cue.surface.lower() not in lx.NOUN_LIKE_CUES:
        return False
    if _OWNED_NOUN.search(a.text, max(0, cue.start - 8), cue.start) is None:
        return False
    after = a.doc.tokens_between(cue.end, min(cue.end + 30, len(a.text)), limit=1)
    return bool(after) and after[0].text.isalpha() and after[0].low not in _NOUN_OPENS_CLAIM


def _about(a: Attributor, cue: Cue, span: QuoteSpan) -> int:
    """Where the words a cue is about begin: after "about" and the time or place
    before it ("joked at a dinner in June about [the bankers being “…”]"), else
    right after the cue."""
    toks = a.doc.tokens_between(cue.end, span.open_mark)
    last = max((k for k, t in enumerate(toks) if t.low == "about"), default=None)
    if last is None or last + 1 == len(toks) or a._has_verb(toks[:last]):
        return cue.end
    if last and toks[0].low not in _PREPOSITIONS and toks[0].low not in _TEMPORAL:
        return cue.end  # "talked to reporters about": whom, not when or where
    return toks[last + 1].start


@rule(
    "possessive_speech_noun",
    FRAGMENT,
    "the speaker owns the words (“X’s insistence”)",
    ("Sarah Jones’s insistence that “the deal is fair” angered the union.",),
)
def possessive_speech_noun(a: Attributor, span: QuoteSpan, covered: list[Claim]) -> bool:
    """Zelenskyy’s insistence of “…”."""
    sent = a.doc.sentence_at(span.open_mark)
    # A match is at most five words ("Putin’s very public claim of") and the
    # marks after them, so only that tail of the sentence is searched.
    tail = _words_back(a.text, sent.start, span.open_mark, 5)
    match = _POSSESSIVE_NOUN.search(a.text, tail, span.open_mark)
    if not match:
        return False
    mention = a.ctx.mention_ending(match.start())
    if mention is None:
        return False
    from quotecli.extract.cues import Cue  # the engine loads only when it runs

    speaker = a.ctx.from_mention(mention, "possessor")
    noun = Cue(match.start(1), match.end(1), match.group(1), match.group(1))
    a._remember(
        Claim(
            span.start,
            span.end,
            MIXED,
            speaker,
            noun,
            "possessive_speech_noun",
            span.outer_start,
            span.outer_end,
        )
    )
    return True


def _writers_manner(a: Attributor, cue: Cue) -> bool:
    """ "It goes without saying that…", "it is safe to say that…": the writer's
    manner of speaking reports nobody's words, quoted or not. (A refusal inside
    a claim, "said he would not respond to “gossip”", is still the speaker's.)"""
    return a.text.endswith((" to ", "without "), 0, cue.start) and a._impersonal(cue)


@rule(
    "partial_quote",
    FRAGMENT,
    "quoted words inside reported speech",
    (
        "Sarah Jones warned of “grave risks” ahead.",
        "The plan was described as “a gamble” by Sarah Jones.",
    ),
)
def partial_quote(a: Attributor, span: QuoteSpan, covered: list[Claim]) -> bool:
    """Described Putin as “smart”: the cue before the fragment, and its speaker."""
    if any(c.start <= span.open_mark < c.end for c in covered):
        return False  # a second fragment of a claim already made
    sent = a.doc.sentence_at(span.open_mark)
    cues = [c for c in a._cues_from(sent.start, span.open_mark) if not _owned_noun(a, c)]
    if not cues:
        return False  # a title or a scare quote: no speaker in sight
    cue = cues[-1]
    if lx.nominal_claim(cue.surface, a.ctx._word_before(cue.start)):
        return False  # whose claims they are, the sentence does not say
    if _writers_manner(a, cue):
        return False
    earlier = next(
        (
            c
            for c in a._claims_cued_near(cue.start)
            if c.kind != DIRECT
            and c.cue is not None
            and c.cue.start == cue.start
            and c.start < span.open_mark
            and not c.parts
        ),
        None,
    )
    if earlier is not None:
        cut = a._verb_after_quotation(earlier.start, span.open_mark)
        if cut < span.open_mark and cut <= earlier.end + 2:
            # "accused him of “cheating” and was fined and “reprimanded”": the
            # speaker's own next verb ended the claim before these words.
            return False
        # "said the cost was being evaluated, but it was an “increasingly
        # high priority”": the quoted words carry the claim on.
        end = max(earlier.end, span.outer_end)
        grown = replace(earlier, end=end, kind=MIXED, outer_end=max(earlier.outer_end, end))
        a._replace_claim(earlier, grown)
        return True
    if _title_after_cue(a, cue, span, sent) or a._refused(cue):
        return False  # "declined to say whether “…”", "it goes without saying that…"
    # "was described as “reckless” by the unions": a passive's speaker is its agent;
    # with none ("is being branded as “…”"), the words are nobody's claim.
    passive = a._passive(cue)
    agent = _PASSIVE_AGENT.match(a.text, span.outer_end) if passive else None
    found: tuple[Speaker, int | str] | None
    if passive:
        found = a.ctx.subject_after(agent.end(), sent.end) if agent else None
    else:
        found = a._speaker_of(cue)
    if found is None:
        return False
    # The claim is the cue's whole object, quoted words and all:
    # described [Putin as “smart”], called [the issue “a priority” for women].
    clause = a._complement(cue) if cue.lemma in lx.CLAUSE_VERBS else None
    start = clause if clause is not None and clause < span.open_mark else _about(a, cue, span)
    while start < span.open_mark and (a.text[start].isspace() or a.text[start] in ",:"):
        start += 1
    end = span.outer_end if agent else max(a._clause_end(start, cue), span.outer_end)
    if start == span.open_mark and end > span.outer_end and _adjunct_after(a, span):
        # "yelled “You lie!” at the president", "said “CNN” five times": the quoted
        # words are the verb's whole object, and what follows says when, where or
        # how often: a quotation standing alone, not a clause that holds one.
        claim = Claim(
            span.start, span.end, DIRECT, found[0], cue, "partial_quote", start, span.outer_end
        )
    else:
        claim = Claim(start, end, MIXED, found[0], cue, "partial_quote", start, end)
    covered.append(claim)
    a._remember(claim)
    return True
