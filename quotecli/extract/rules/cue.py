"""Rules for cues: reported speech found from a verb of saying or "according to".

A cue whose verb takes a clause ("said that…") makes a claim of that clause,
and the ``REPORTED`` rules say whose it is. Other cues go through the ``CUE``
rules, each of which returns the claims it makes or ``None`` when it does not
apply; "according to" has its own ``SOURCE`` rule.
"""

from __future__ import annotations

import re
from itertools import takewhile
from typing import TYPE_CHECKING, NamedTuple

from quotecli.extract import lexicon as lx
from quotecli.extract.catalogue import CUE, REPORTED, SOURCE, rule
from quotecli.extract.claims import Claim, in_two_parts
from quotecli.model import ANONYMOUS, DIRECT, INDIRECT, MIXED, ORGANISATION, PERSON

if TYPE_CHECKING:
    from quotecli.extract.attribute import Attributor, CueSite
    from quotecli.extract.cues import Cue
    from quotecli.extract.document import Span, Token
    from quotecli.extract.subjects import Speaker

_AUXILIARIES = lx.load("attribute-auxiliaries")
_BE = lx.load("attribute-be")
_GAP_OPENERS = lx.load("attribute-gap-openers")
_CONNECTORS = lx.load("attribute-connectors")
_DISCOURSE_WORDS = lx.load("attribute-discourse-words")
# After one of these, a noun is its object: "said in a statement that…".
_PREPOSITIONS = lx.load("attribute-prepositions")
_NOUN_MARKERS = lx.load("attribute-noun-markers")
_POSSESSIVES = lx.load("attribute-possessives")
_SUBORDINATORS = lx.load("attribute-subordinators")
_RELATIVES = lx.load("attribute-relatives")
_TEMPORAL = lx.load("attribute-temporal")
_TIME_NOUNS = lx.load("attribute-time-nouns")
# What may stand before a role noun in its subject: "the aides", "Mrs. Clinton’s aides".
_SUBJECT_LEAD = re.compile(
    r"(?:(?:[Tt]he )?(?:[A-Z][\w.\-]* ){0,3}[A-Z][\w.\-]*[’']s"
    # "…, a Tesco spokesman said": the article of a phrase whose speaker is the
    # name inside it
    r"|[Tt]he|[Tt]hese|[Tt]hose|[Ss]ome|[Mm]any|[Aa]n?|)$"
)
# ", and the top 10 percent paid…" resumes a claim; ", a lawyer for…" or ", who…" describes.
_BLANK = re.compile(r"\s*")
_CONJUNCTIONS = frozenset(("and", "but", "yet", "so", "or"))
_DEGREE_WORDS = frozenset(
    ("most", "more", "less", "least", "not", "even", "perhaps", "just", "very")
)
_RESUMES = re.compile(r"\s*,\s*(?:(?:and|but)\s+)?(?!(?:a|an|who|which|whose|whom)\b)(?=\w)")

# -- "according to" ---------------------------------------------------------


@rule(
    "according_to",
    SOURCE,
    "“according to” names the source",
    ("According to the city council, the bridge will reopen in May.",),
)
def according_to(a: Attributor, site: CueSite) -> list[Claim]:
    """According to X, … / …, according to X."""
    cue, text = site.cue, a.text
    sent = site.sentence
    found = a.ctx.subject_after(cue.end, sent.end)
    if found is None or found[0].name is None:
        # "according to the council": a source no name stands for is named by its phrase.
        found = _source_phrase(a, cue.end, sent.end) or found
    if found is None:
        return []
    speaker, after = found
    issued = None
    if speaker.name and speaker.name.split()[-1].lower() in _ISSUED_THINGS:
        # "according to figures released by the CEA": the body that issued them.
        issued = _ISSUED_BY.match(text, after, sent.end)
    elif speaker.rule == "source_phrase" and _issued_thing_heads(speaker.mention):
        # "according to a report earlier this week from the CBI": the phrase
        # runs on to the body that issued it.
        issued = _ISSUED_BY.search(text, speaker.mention_start, after)
    if issued is not None:
        body = a.ctx.mention_starting(issued.end())
        people = _PEOPLE_AFTER.match(text, body.end) if body is not None else None
        if (
            body is not None
            and body.type in (ORGANISATION, "unknown")
            and not body.possessive
            and people is None  # "by CES organisers": the people, not CES
        ):
            speaker, after = a.ctx.from_mention(body, "source_phrase"), body.end
    if _BLANK.fullmatch(text, sent.start, cue.start) is not None:
        comma = text.find(",", after, sent.end)
        if comma == -1:
            return []
        start, end = comma + 1, sent.end
        trailing = False
    else:
        trailing = True
        head_end = cue.start  # the words before the cue, without the space after them
        while head_end > sent.start and text[head_end - 1].isspace():
            head_end -= 1
        if text[head_end - 1] != ",":
            return []
        start, end = sent.start, head_end - 1
        tail = _resumed_after_source(a, after, sent.end, start)
        if tail is not None:
            # "Fundraising, according to the campaign, has surged": one claim
            # in two parts around its source.
            first = a._claim(start, end, speaker, cue, "according_to")
            last = a._claim(tail, sent.end, speaker, cue, "according_to")
            if first.end > first.start and last.end > last.start:
                outer = (sent.start, sent.end)
                return [in_two_parts(first, last, INDIRECT, "according_to", outer)]
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in " .;:!?":
        end -= 1
    if end - start < 10:
        return []
    start, kind = _reported_quotation(a, start, end, trailing)
    return [Claim(start, end, kind, speaker, cue, "according_to", sent.start, sent.end)]


def _reported_quotation(a: Attributor, start: int, end: int, trailing: bool) -> tuple[int, str]:
    """Where a claim "…, according to X" opens and its kind, once a quotation with its
    own cue inside it is taken in: "“…,” Grayson said, according to Frankel" is one
    claim of the source's, partly quoted. (Not "According to the advance text, he
    told delegates: “…”": his words, sent out.)"""
    if not trailing:
        return start, INDIRECT
    # A quotation that ends on "?" or "!" closes a sentence of its own before
    # "…,” she said, according to…": the claim opens at its mark.
    before = [
        c
        for c in a._claims_touching(max(0, start - 3))
        if c.kind == DIRECT
        and start - 3 <= c.outer_end <= start
        and c.cue is not None
        and start <= c.cue.start < end
    ]
    if before:
        start = before[0].outer_start
    nested = [
        c
        for c in a._claims_opening_within(start, end)
        if c.kind == DIRECT and c.end <= end and c.cue is not None and start <= c.cue.start < end
    ]
    if not nested:
        return start, INDIRECT
    a._drop_claims(nested)
    return start, MIXED


# What a body issues, and the words that name the body after it: "figures released
# by the CEA", "data from the Office for National Statistics".
_ISSUED_THINGS = frozenset(
    (
        *("figures", "data", "statistics", "estimates", "research", "report", "survey", "study"),
        *("poll", "polls", "surveys", "results"),
    )
)
# "figures released by the CEA", "research carried out by security firm Acme",
# "exit polls conducted for the Herald": who issued it, after up to three words of
# what the body is.
_ISSUED_BY = re.compile(
    r"[ \t]+(?:(?:released|published|revealed|compiled|issued|produced|provided|gathered"
    r"|commissioned|conducted|carried[ \t]+out|undertaken)[ \t]+(?:by|from|for)"
    r"|by|from)[ \t]+(?:the[ \t]+)?"
    r"(?:(?!(?:a|an|one|its|their|his|her)[ \t])[a-z][a-z\-]*[ \t]+){0,3}(?=[A-Z])"
)


_PEOPLE_AFTER = re.compile(r"[ \t]+[a-z]+(?:ers|ists|ors|ians)\b")


def _issued_thing_heads(phrase: str) -> bool:
    """Whether a source phrase opens on what a body issues: "a new report …",
    "the latest figures …" (an article and up to two describing words first)."""
    words = phrase.lower().split(maxsplit=4)[:4]
    if words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return any(w in _ISSUED_THINGS for w in words[:3])


def _resumed_after_source(
    a: Attributor, after: int, end: int, head: int | None = None
) -> int | None:
    """Where a claim resumes after ", according to X,", if it does (the claim
    opened at ``head``, when known)."""
    match = _RESUMES.match(a.text, after, end)
    if match is None or len(a.doc.tokens_between(match.end(), end)) < 3:
        return None
    first = a.doc.tokens_between(match.end(), end, limit=1)[0]
    if first.low in lx.TITLE_WORDS or first.low in lx.PERSON_NOUNS:
        return None  # "…, according to Jo Roe, editor of the site": her role, not the claim
    if head is None:
        return match.end()
    tail = a.doc.tokens_between(match.end(), end, limit=40)
    before = a.doc.tokens_between(head, after)
    source = next((k for k in range(len(before) - 1, -1, -1) if before[k].text == ","), 0)
    own = next((k for k, t in enumerate(tail) if t.low in _GLOSS_RELATIVES), len(tail))
    if (
        own > 0  # "there was evidence, according to Gartner, that…" goes on
        # "…16.5bn euros and, according to some, balloon to…": the source inside
        # a coordination, which goes on after it
        and not (source > 0 and before[source - 1].low in ("and", "but", "or"))
        and not a._has_verb(tail[:own], present=True)
        and a._has_verb(before[:source])
    ):
        # "Incomes would rise 19.9%, according to the group, more than twice the
        # rise for…": a claim whole before its source; what follows without a
        # verb is the writer's comparison.
        return None
    return match.end()


# Words that open a clause inside a noun phrase: "more than twice [what it projected]".
_GLOSS_RELATIVES = frozenset(("what", "which", "who", "whom", "whose", "that", "where", "when"))


def _resumed_after_role(a: Attributor, after: int, end: int) -> int | None:
    """Where a claim resumes with its verb after the speaker's role: "The problem,
    said Jo Roe, head of the firm, is educating people" resumes at "is"."""
    text = a.text
    if not text.startswith(", ", after):
        return None
    comma = text.find(",", after + 2, min(end, after + 90))
    if comma == -1 or any(c in text[after + 2 : comma] for c in '“”"():;'):
        return None
    role = a.doc.tokens_between(after + 2, comma, limit=12)
    if not role or not (role[0].low in lx.TITLE_WORDS or role[0].low in ("the", "a", "an")):
        return None
    verb = a.doc.tokens_between(comma + 1, end, limit=1)
    if not verb or not (verb[0].low in _AUXILIARIES or verb[0].low in _BE):
        return None
    return verb[0].start


def _source_phrase(a: Attributor, start: int, end: int) -> tuple[Speaker, int] | None:
    """A source that is neither a name nor a role: "according to early returns"."""
    text = a.text
    stop = text.find(",", start, end)
    stop = end if stop == -1 else stop
    raw = text[start:stop]
    phrase = raw.strip().rstrip(".")
    named = a.ctx.mention_ending(start + len(raw.rstrip().rstrip(".")))
    # Splits stop one word past what the tests below can accept.
    lead = text[start : named.start].split(maxsplit=4) if named is not None else []
    if (
        named is not None
        and named.start >= start
        and not named.possessive
        and named.type != "place"
        and len(lead) <= 3
        and not any(w.lower() in _PREPOSITIONS or w.lower() == "of" for w in lead)
    ):
        # "according to the nonpartisan Congressional Budget Office"
        return a.ctx.from_mention(named, "source_phrase"), stop
    words = phrase.split(maxsplit=25)
    if not words or len(words) > 25:
        return None
    if words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    name = " ".join(words)
    if not name:
        return None
    from quotecli.extract.subjects import Speaker  # the engine loads only when it runs

    offset = start + (len(text[start:stop]) - len(text[start:stop].lstrip()))
    return Speaker(name, ANONYMOUS, phrase, offset, None, "source_phrase"), stop


# -- who says a reported clause ---------------------------------------------

# "It was announced that…", "It has long been reported that…": no source is named.
_IMPERSONAL = re.compile(
    r"(?:^|[\s,;(])[Ii]t\s+(?:(?:is|was|has|had|have|will|would|may|might)\s+)?"
    r"(?:\w+ly\s+|long\s+)?(?:been\s+|be\s+)?$"
)


def _told_not_telling(a: Attributor, speaker: Speaker, cue: Cue) -> bool:
    """Whether a passive cue makes its subject the one told: "the court was told",
    not "it was announced" (no one) nor "was reported as saying" (the speaker)."""
    if speaker.mention.lower() == "it" or not a._passive(cue):
        return False
    return not a.text.startswith((" as ", "\tas ", "\nas "), cue.end)


def _unnamed(at: int, mention: str = "it", why: str = "unnamed") -> Speaker:
    """No one in particular: "it was announced", or ``mention`` when that is
    whom it was told ("…, a court has been told")."""
    from quotecli.extract.subjects import Speaker  # the engine loads only when it runs

    return Speaker(None, None, mention, at, None, why)


@rule(
    "impersonal_passive",
    REPORTED,
    "a passive with “it” names no source: the claim is nobody’s in particular",
    ("It was announced on Monday that the plant would close.",),
)
def impersonal_passive(a: Attributor, site: CueSite) -> Speaker | None:
    """It has been reported that…"""
    at = impersonal_subject(a, site.cue)
    return None if at is None else _unnamed(at)


def impersonal_subject(a: Attributor, cue: Cue) -> int | None:
    """Where the "it" of "it was announced", "it has long been reported" is, if the
    cue has that subject."""
    if cue.participle or cue.lemma not in lx.PASSIVE_REPORT_VERBS:
        return None
    floor = max(a.doc.sentence_at(cue.start).start, cue.start - 40)
    head = a.text[floor : cue.start]
    match = _IMPERSONAL.search(head)
    if match is None or not (a._passive(cue) or "been" in head[match.start() :]):
        return None
    # A clause follows: "…announced last July that…", "…reported they could…" (not
    # "it is announced every six months", where "it" is the thing announced).
    after = a.doc.tokens_between(cue.end, a.doc.sentence_at(cue.start).end, limit=5)
    if not after or not (
        any(t.low == "that" for t in after) or after[0].low in lx.SUBJECT_PRONOUNS
    ):
        return None
    return floor + match.start()


# A message its subject received, whose words are someone else's: "received a
# telephone call saying…", "got an anonymous letter saying…".
_RECEIVED_NOUN = re.compile(
    r"\b(?:received|receives|got|gets)[ \t]+"
    r"(?P<phrase>(?:a|an)[ \t]+(?:[a-z]+[ \t]+){0,2}(?:call|letter|message|note|email|text))"
    r"[ \t]+$"
)
# Before a noun that is inside a phrase, never a sentence's subject: "at a firm".
_PHRASE_PREPOSITIONS = lx.load("cue-phrase-prepositions")
_WON_THINGS = lx.load("cue-won-things")


@rule(
    "shared_subject",
    REPORTED,
    "it shares the speaker of the claim before it in the sentence",
    (
        "Sarah Jones said that the plant would close, adding that the staff"
        " would be offered other posts.",
    ),
)
def shared_subject(a: Attributor, site: CueSite) -> Speaker | None:
    """ "…, underscoring that…" / "… highlighted that… and indicated that…"."""
    cue, earlier = site.cue, site.earlier
    if not earlier or earlier[-1].rule == "unnamed":
        return None  # "X are said to be…, and have said…": X, not the unnamed source
    if earlier[-1].name is None and (
        cue.participle or a.ctx._word_before(earlier[-1].mention_start) in _PHRASE_PREPOSITIONS
    ):
        # "Tom Miller, at a firm called Gavekal, argues": the firm said nothing;
        # "…his campaign promise…, calling…": the sentence's subject calls.
        return None
    if cue.participle:
        # "…, underscoring that…": the participle's subject is the main speaker.
        return earlier[-1]
    if site.subject is not None:
        return None
    before = a.doc.tokens_between(max(site.clause_start, cue.start - 80), cue.start)
    j = len(before) - 1
    while j >= 0 and before[j].low in lx.VERB_MODIFIERS:
        j -= 1
    if j >= 0 and (before[j].low in _CONNECTORS or before[j].text == ","):
        # "… highlighted that… and indicated that…": the same speaker.
        return earlier[-1]
    return None


@rule(
    "clause_subject",
    REPORTED,
    "the speaker is the subject of the sentence",
    (
        "Sarah Jones, who has run the plant for a decade, visited the site on"
        " Monday and said that the staff had been told.",
    ),
)
def clause_subject(a: Attributor, site: CueSite) -> Speaker | None:
    """The sentence's subject, when nothing nearer the cue is its speaker."""
    cue, sent = site.cue, site.sentence
    if lx.nominal_claim(cue.surface, a.ctx._word_before(cue.start)):
        # "Two men pleaded guilty to charges that they…": whose charges they
        # are, the sentence does not say; not the men's.
        return _unnamed(cue.start, cue.surface)
    if a._participle_after_comma(cue, site.clause_start):
        # "Petrilli, head of the Fordham Institute, tied the scores to the law,
        # saying…": the sentence's subject, not the last name before the comma.
        subject = a._clause_subject(cue, sent.start)
        if subject is not None:
            return subject
    speaker = site.subject
    received = _RECEIVED_NOUN.search(a.text, max(sent.start, cue.start - 60), cue.start)
    if cue.participle and received is not None:
        # "Gara received a telephone call saying…": the call came from someone else.
        from quotecli.extract.subjects import Speaker

        phrase = received.group("phrase")
        name = phrase.split(None, 1)[1]  # "telephone call", as "said one trader" is "trader"
        return Speaker(name, ANONYMOUS, phrase, received.start("phrase"), None, "role_noun")
    # "The paper quoted one trader as saying…": the one quoted, found already.
    quoted_as = speaker is not None and a.text[max(0, cue.start - 4) : cue.start] == " as "
    if cue.participle and not quoted_as and (speaker is None or speaker.rule == "role_noun"):
        # "Clinton issued a statement saying…": the statement is not the speaker.
        subject = a._clause_subject(cue, sent.start)
        if subject is not None:
            return subject
    if speaker is None:
        return a._clause_subject(cue, sent.start)
    return None


@rule(
    "speaker_cue_that",
    REPORTED,
    "reported speech: the speaker, a verb of saying, then the claim",
    ("Sarah Jones said that the company would cut 300 jobs next year.",),
)
def speaker_cue_that(a: Attributor, site: CueSite) -> Speaker | None:
    """Sarah Jones said that…"""
    speaker = site.subject
    return speaker if speaker is not None and speaker.rule != "pronoun" else None


@rule(
    "pronoun_cue_that",
    REPORTED,
    "reported speech: a pronoun, a verb of saying, then the claim",
    ("Sarah Jones runs the plant. She said that 300 jobs would go next year.",),
)
def pronoun_cue_that(a: Attributor, site: CueSite) -> Speaker | None:
    """She said that…"""
    speaker = site.subject
    return speaker if speaker is not None and speaker.rule == "pronoun" else None


@rule(
    "aside_cue_speaker",
    REPORTED,
    "the verb and its speaker stand aside, between commas, before the claim",
    ("Currently, says Sarah Jones, the plant loses money every week.",),
)
def aside_cue_speaker(a: Attributor, site: CueSite) -> Speaker | None:
    """Currently, says Dr Roe, the equipment is costly."""
    found = a.after_aside(site.cue)
    return None if found is None else found[0]


# -- claims found around a cue that takes no clause -------------------------

_AS_HEAD = re.compile(r"(?:(?:And|But|Yet|So|Still),?\s+)?[Aa]s\s+")


@rule(
    "as_speaker_cue",
    CUE,
    "“as” the speaker said: the claim follows the comma",
    ("As Sarah Jones has said, the plant will close within a year.",),
)
def as_speaker_cue(a: Attributor, site: CueSite) -> list[Claim] | None:
    """As the minister said on Monday, prices will rise."""
    cue, sent, text = site.cue, site.sentence, a.text
    if cue.lemma not in lx.CLAUSE_VERBS:
        return None
    head = _AS_HEAD.match(text, sent.start, cue.start)
    if head is None:
        return None
    comma = text.find(",", cue.end, sent.end)
    if comma == -1 or not a._adjunct_or_empty(cue.end, comma):
        return None
    speaker = a.ctx.subject_before(cue.start, head.end())
    if speaker is None:
        return None
    start = comma + 1
    while start < sent.end and text[start].isspace():
        start += 1
    end = a._clause_end(start, cue)
    if len(a.doc.tokens_between(start, end)) < 4:
        return None
    return [a._claim(start, end, speaker, cue, "as_speaker_cue")]


class _Before(NamedTuple):
    """The words before a cue up to its last comma, read for the claim they may be."""

    sentence: Span
    content_end: int  # the comma
    toks: list[Token]
    is_claim: bool
    inverted: bool  # nothing between the comma and the cue: ", said Ms Smith"


def _before_comma(a: Attributor, site: CueSite) -> _Before | None:
    if "before_comma" not in site.memo:
        site.memo["before_comma"] = _read_before_comma(a, site)
    return site.memo["before_comma"]


def _read_before_comma(a: Attributor, site: CueSite) -> _Before | None:
    cue, sent, text = site.cue, site.sentence, a.text
    if not (cue.lemma in lx.CLAUSE_VERBS or cue.lemma == "ask"):
        return None
    head = text[sent.start : cue.start]
    comma = head.rfind(",")
    if comma == -1:
        if not named_after_bare_cue(a, site.cue, site.sentence):
            return None
        # "Prices will rise said Jo Roe, an economist.": the comma left out.
        comma = len(head.rstrip())
    content_end = sent.start + comma
    head_toks = a.doc.tokens_between(sent.start, content_end)
    # "Recently, he said, he…" / "And yet, aides say, Syria…": a lone
    # adverb before the cue is no claim, but what follows may be.
    head_is_claim = (
        len(head_toks) >= 2
        and not all(t.low in _DISCOURSE_WORDS for t in head_toks)
        # "Most importantly, say analysts, …", "More significantly, …": an adverb
        and not all(t.low.endswith("ly") or t.low in _DEGREE_WORDS for t in head_toks)
        # "In her speech, the senator noted…": a phrase with no verb is no claim.
        # "But in her speech, …" too.
        and not (_opening(head_toks).low in _PREPOSITIONS and not a._has_verb(head_toks))
    )
    if not head_toks:
        return None
    if any(
        c.kind == DIRECT and c.start < content_end and sent.start < c.end
        for c in a._claims_touching(sent.start)
    ):
        return None  # the words before are a quotation attributed on its own
    inverted = not text[content_end + 1 : cue.start].strip()
    return _Before(sent, content_end, head_toks, head_is_claim, inverted)


def named_after_bare_cue(a: Attributor, cue: Cue, sent: Span) -> bool:
    """Whether a sentence with no comma before its cue has the speaker's name right
    after the cue, then a comma or the sentence's end: "…turn to Windows said Jo
    Roe, head of…" (not "Labour said Jo Roe was wrong", where the name opens
    the clause). The words before are the claim, a comma left out."""
    text = a.text
    if (
        cue.participle
        or cue.lemma not in lx.CLAUSE_VERBS
        or text.find(",", sent.start, cue.start) >= 0
    ):
        return False
    start = cue.end
    while start < sent.end and text[start] == " ":
        start += 1
    named = a.ctx.mention_starting(start)
    if named is None or named.possessive or named.type not in (PERSON, "unknown"):
        return False
    after = text[named.end : named.end + 2]
    if after.startswith(","):
        # "…said Jo Roe, head of the union." (but "said Jo Roe, the mayor, was
        # wrong": the name with its aside opens the clause)
        if a._has_verb(a.doc.tokens_between(named.end, sent.end)):
            return False
    elif after.rstrip() not in (".", ""):
        return False
    return len(a.doc.tokens_between(sent.start, cue.start, limit=4)) >= 4


class _Subject(NamedTuple):
    """A claim before its speaker and cue, and what follows them."""

    before: _Before
    speaker: Speaker
    rest: list[Token]  # from the cue to the end of the sentence
    tail: Claim | None  # the claim resuming after ", he said," if it does


def _subject_after_comma(a: Attributor, site: CueSite) -> _Subject | None:
    if "subject_after_comma" not in site.memo:
        site.memo["subject_after_comma"] = _read_subject_after_comma(a, site)
    return site.memo["subject_after_comma"]


def _read_subject_after_comma(a: Attributor, site: CueSite) -> _Subject | None:
    before = _before_comma(a, site)
    if before is None or before.inverted:
        return None
    cue, text, sent = site.cue, a.text, before.sentence
    speaker = a.ctx.subject_before(cue.start, before.content_end + 1)
    if speaker is not None and _told_not_telling(a, speaker, cue):
        # "…, a Leeds court has been told": a claim whose source goes unnamed.
        speaker = _unnamed(speaker.mention_start, speaker.mention, "addressee")
    lead = text[before.content_end + 1 : speaker.mention_start] if speaker else "-"
    if speaker is None or not (_SUBJECT_LEAD.match(lead.strip()) or _role_lead(lead)):
        return None
    rest = a.doc.tokens_between(cue.end, sent.end)
    quotation = a.quotation_after(cue) if cue.start in a.used_cues else None
    if quotation is not None:
        # "The economy, he said, “could be better”": the quotation is attributed
        # on its own; the words before it are a claim when they hold a verb or
        # the quotation goes on with theirs (not "In an interview, he said, “We…”").
        return _Subject(before, speaker, rest, None) if _head_of(a, before, quotation) else None
    comma, resumes = _adjunct_comma(a, rest, cue)
    if (
        comma is None
        and len([t for t in rest if t.text not in ".!?"]) > 6
        and not _circumstances_only(a, cue, rest)
    ):
        return None
    if rest and _takes_object(cue, rest[0]) and not any(t.low == "as" for t in rest[:8]):
        # "Amid discord, Trump claims nomination": the cue's object follows (but
        # "…, Reuters reported BaFin as saying" names whom it quotes)
        return None
    tail = None
    if (
        comma is not None
        and resumes
        and len(rest) > comma + 3
        # "…, the group said, compared with $2,700 for…": the writer's comparison
        and rest[comma + 1].low not in ("compared", "comparing")
        # "…, the agency declared on Thursday, two days after voters went to the
        # polls": the writer's time for it
        and not a._time_after(rest[comma + 1 : comma + 4])
    ):
        start = rest[comma + 1].start
        tail = a._claim(start, a._clause_end(start, cue), speaker, cue, "claim_then_speaker_cue")
        if tail.end <= tail.start or _appositive_after(a, before, rest[comma + 1 : comma + 12]):
            # "So she toughened up, she said, and advises…": the next cue's words;
            # "…for asylum, Sanders said, a policy that could…": the writer's gloss
            tail = None
    return _Subject(before, speaker, rest, tail)


# How many words of time, place and occasion may follow the cue to the sentence's end.
_CIRCUMSTANCES_REACH = 16


def _circumstances_only(a: Attributor, cue: Cue, rest: list[Token]) -> bool:
    """Whether the words after a cue, to the end of its sentence, say only when,
    where or to whom it was said: "…, Jo Roe said in an interview with the
    local paper on Monday." (not "…, he said the council would…", nor a
    quotation or another verb after it)."""
    words = [t for t in rest[: _CIRCUMSTANCES_REACH + 1] if t.text not in ".!?"]
    if not words:
        return False
    first = words[0].low
    if first == "by" or a._passive(cue):
        return False  # "…, he was warned by the board for…": the words were said to him
    if not (
        (first in _GAP_OPENERS and first not in (",", "("))
        or first in _TEMPORAL
        or first in _TIME_NOUNS
        or first in lx.CALENDAR
    ):
        return False
    for k, tok in enumerate(words):
        if k > 1 and tok.text in ("—", "–", "--", ";"):
            return True  # "…, he said on Monday — a reversal of…": the writer's own words follow
        if not (tok.text[0].isalnum() or tok.text in ("’s", "'s", "-", "’", "'")):
            return False  # a comma, a quotation mark, a parenthesis: more than circumstances
        if a._has_verb([tok]):
            return False
        if (
            tok.low in lx.SPEECH_FORMS
            and k > 0
            and words[k - 1].low not in _NOUN_MARKERS
            and words[k - 1].low not in _POSSESSIVES
        ):
            return False  # another verb of saying ("…, he said on Monday told…")
    return len(words) <= _CIRCUMSTANCES_REACH


# A clause of the writer's after the cue: "…, Mr Mendis told reporters, although…".
_CIRCUMSTANCES = frozenset(("although", "though", "while", "whereas", "because", "unless", "since"))


def _appositive_after(a: Attributor, before: _Before, tail: list[Token]) -> bool:
    """Whether "a"/"an" after ", he said," opens the writer's description of the
    claim before it: a noun whose first verb is a relative clause's, after a claim
    that ends with no verb waiting for its complement ("…for asylum, he said, a
    policy that could…", not "It was, he said, a stone where…" nor "…, he said,
    a manual worker will live…")."""
    last = before.toks[-1].low
    if tail[0].low not in ("a", "an") or last in _AUXILIARIES or last in _BE:
        return False
    for tok in tail[1:]:
        if tok.low in _RELATIVES:
            return a._has_verb(before.toks) and not a._has_verb(before.toks[-1:])
        if a._has_verb([tok]) or not tok.text[0].isalnum():
            return False
    return False


def _takes_object(cue: Cue, first: Token) -> bool:
    """Whether the word after a cue shows that the cue has an object of its own
    ("…, he claimed the nomination"), not a time or place ("…, he said on
    Monday", "…, she said yesterday") or whom it was told ("…, he told the BBC")."""
    low = first.low
    return not (
        not first.text[0].isalnum()
        or low in _GAP_OPENERS
        or low == "as"  # "…, he has been reported as saying"
        or low in _TEMPORAL
        or low in _TIME_NOUNS
        or low in lx.CALENDAR
        or low in lx.VERB_MODIFIERS
        or low in lx.CUE_PARTICLES.get(cue.lemma, ())
        or cue.lemma in lx.OBJECT_VERBS
        or first.text[0].isdigit()
    )


def _head_of(a: Attributor, before: _Before, quotation: Claim) -> bool:
    """Whether the words before ", he said, “…”" are a claim of their own: they
    hold a verb, or the quotation goes on with theirs ("The economy, he said,
    “could be better”"); they hold no quoted words, open with no phrase ("In an
    interview", "Asked why") and end no relative clause ("…which, he says, “is…”");
    and the quotation ends the sentence."""
    text, first = a.text, _opening(before.toks)
    rest = text[quotation.outer_end : before.sentence.end]
    return (
        before.toks[-1].low not in _RELATIVES
        and not any(c in text[before.sentence.start : before.content_end] for c in '“”"')
        and "''" not in text[before.sentence.start : before.content_end]
        and first.low not in _PREPOSITIONS
        and first.low not in _SUBORDINATORS
        and not (first.text.istitle() and a._has_verb([first]))  # "Asked why…"
        and not rest.strip(" .!?”\"'")
        and (text[quotation.start : quotation.start + 1].islower() or a._has_verb(before.toks))
    )


def _adjunct_comma(a: Attributor, rest: list[Token], cue: Cue) -> tuple[int | None, bool]:
    """Where the comma after a cue is, at once or after a short phrase of time
    or place ("The tax, she said in a tweet, will be cut") or whom it was told
    ("The tax, she told the BBC, will be cut"), and whether the claim may
    resume after it."""
    if not rest:
        return None, False
    if rest[0].text == ",":
        return 0, True
    told = (
        cue.lemma in lx.OBJECT_VERBS
        and rest[0].text[0].isalnum()
        and rest[0].low not in _GAP_OPENERS
        and rest[0].low not in lx.SPEECH_FORMS
        and not a._has_verb(rest[:1])
    )
    if rest[0].low not in _GAP_OPENERS and not told:
        return None, False
    for k, tok in enumerate(rest[1:10], start=1):
        if tok.text == ",":
            # The claim resumes with its verb or a clause ("…, will be cut"), not
            # with the report's circumstances ("…, as it exits…", "…, which was…").
            tail = rest[k + 1 : k + 12]
            if (
                not tail
                or tail[0].low in _SUBORDINATORS
                or tail[0].low in _CONNECTORS
                or tail[0].low in _CIRCUMSTANCES
                or tail[0].low in ("which", "who", "whom", "whose", "where", "a", "an")
            ):
                # Whom it was told is a short phrase ("Wasp tells the story of a
                # young mum, who…" tells nothing).
                short = (
                    k <= 5
                    and tail
                    and (tail[0].low in _CIRCUMSTANCES or tail[0].low in _CONNECTORS)
                )
                return (k, False) if short or not told else (None, False)
            verb = tail[0].low in _AUXILIARIES or tail[0].low in _BE
            # "…, don't last long", "…, did not work": the claim's own verb
            finite = tail[0].text.islower() and a._has_verb(tail[:1])
            resumes = verb or finite or (tail[0].text.islower() and a._looks_like_clause(tail))
            if told and not (resumes and k <= 5):
                return None, False
            return k, resumes
        # "in a tweet": a cue word after a determiner is a noun
        noun = rest[k - 1].low in _NOUN_MARKERS or rest[k - 1].low in _POSSESSIVES
        if (
            not (tok.text[0].isalnum() or tok.text in ("’s", "'s"))
            or (tok.low in lx.SPEECH_FORMS and not noun)
            or a._has_verb([tok])
        ):
            return None, False
    return None, False


def _role_lead(lead: str) -> bool:
    """Role words before a name: "…, party spokesman Neil Sroka said", "…, the
    political scientist Jo Roe said" (capitalised words may name the body)."""
    words = lead.split()
    return (
        0 < len(words) <= 5
        and words[-1].lower() in lx.TITLE_WORDS
        and all(
            w[:1].isupper() or w.lower() in lx.TITLE_WORDS or w.lower() in ("the", "a", "an")
            for w in words
        )
    )


def _resumesin_two_parts(found: _Subject) -> bool:
    """ "The goal, he said, is a durable ceasefire": one claim around its attribution.

    A lone "Recently" or "But" before the cue belongs to it, and so does a phrase
    that frames what was said ("In Miami, he said, the party…"); one that says
    where or when it was said ("In her speech", "On Monday") does not.
    """
    tail = found.tail
    if tail is None or tail.end <= tail.start:
        return False
    before = found.before
    if all(t.low in _CONJUNCTIONS for t in before.toks):
        return False  # "But, he added, …": the link to the sentence before, not the claim's
    if before.is_claim or _opening(before.toks).low not in _PREPOSITIONS:
        return True
    # The phrase has no quoted words, so it stays apart from a claim that has.
    return tail.kind != MIXED and _frames_claim(before.toks)


# Where words are said, which a phrase before the cue may name: "In an interview, …".
_OCCASIONS = lx.load("subjects-media") | lx.EVENT_WORDS | lx.SPEECH_NOUNS


def _frames_claim(toks: list[Token]) -> bool:
    """Whether a phrase that opens with a preposition belongs to the claim after
    it ("At the time", "In any case", "To understand the ruling"), not to the
    saying: it names no occasion of speech and is more than a time ("On Monday",
    "In May", "Earlier this week")."""
    words = [t for t in toks if t.text[0].isalnum()]
    if len(words) < 2 or any(t.low in _OCCASIONS for t in words):
        return False
    return not all(
        t.low in _PREPOSITIONS
        or t.low in _TEMPORAL
        or t.low in _TIME_NOUNS
        or t.low in lx.CALENDAR
        or t.low in _TIME_LEADS
        or t.text[0].isdigit()
        for t in words
    )


def _opening(toks: list[Token]) -> Token:
    """The first word, or the one after an opening "But" or "And" ("But to
    prevent it, he said, …" opens with an infinitive, not a preposition)."""
    if len(toks) > 1 and toks[0].low in ("but", "and", "yet", "so") and toks[1].low != "to":
        return toks[1]
    return toks[0]


@rule(
    "claim_then_speaker_cue",
    CUE,
    "the speaker and a verb of saying follow the claim",
    (
        "The plant will close within a year, Sarah Jones said.",
        "A slower economy, Sarah Jones said, “could be the moment to pay down debt.”",
    ),
)
def claim_then_speaker_cue(a: Attributor, site: CueSite) -> list[Claim] | None:
    """Prices will rise, the minister said."""
    found = _subject_after_comma(a, site)
    if found is None:
        return None
    if found.tail is not None:
        # What resumes after the cue is the claim, unless the rule below joins
        # it to what came before.
        return None if _resumesin_two_parts(found) else [found.tail]
    before = found.before
    if not before.is_claim:
        return None
    rule_name = "claim_then_speaker_cue"
    return [a._claim(before.sentence.start, before.content_end, found.speaker, site.cue, rule_name)]


@rule(
    "claim_cue_claim",
    CUE,
    "the speaker and a verb of saying interrupt the claim",
    ("The plant, Sarah Jones said, will close within a year.",),
)
def claim_cue_claim(a: Attributor, site: CueSite) -> list[Claim] | None:
    """The goal, he said, is a durable ceasefire."""
    found = _subject_after_comma(a, site)
    if found is None or not _resumesin_two_parts(found):
        return None
    tail = found.tail
    assert tail is not None
    before = found.before
    head_claim = a._claim(
        before.sentence.start, before.content_end, found.speaker, site.cue, "claim_then_speaker_cue"
    )
    kind = MIXED if MIXED in (head_claim.kind, tail.kind) else INDIRECT
    outer = (head_claim.start, tail.end)
    return [in_two_parts(head_claim, tail, kind, "claim_cue_claim", outer)]


# Prepositions that may follow a speaker named after the cue, beyond those of a gap:
# "…, suggests a report into search habits".
_LATER_PREPOSITIONS = lx.load("cue-later-prepositions")


def _noun_goes_on(tok: Token) -> bool:
    """Whether a plain word right after a speaker found after the cue shows that
    the words were the start of a longer noun phrase, the cue's object: "stressed
    his executive [record]" (but "said the mayor yesterday", "said Jo Roe in
    a statement", "said a spokesman who…")."""
    low = tok.low
    return (
        tok.text.isalpha()
        and tok.text.islower()
        and low not in _GAP_OPENERS
        and low not in _PREPOSITIONS
        and low not in _TEMPORAL
        and low not in _TIME_NOUNS
        and low not in _RELATIVES
        and low not in _CONNECTORS
        and low not in lx.VERB_MODIFIERS
        and low not in lx.CALENDAR
        and not low.endswith("ly")
        and low not in _LATER_PREPOSITIONS
    )


def _after_inverted_aside(
    a: Attributor, before: _Before, speaker: Speaker, cue: Cue, resumed: int | None
) -> list[Claim] | None:
    """The claim after ", said Mr Okonjo," when the words before the cue are no
    claim: a lone adverb joins it as its first part ("Often, said Mr Okonjo, the
    files were…"), a phrase that opens with a preposition does not ("In May, …")."""
    sent = before.sentence
    if resumed is None:
        return None
    words = a.doc.tokens_between(resumed, sent.end)
    verb_first = bool(words) and (words[0].low in _AUXILIARIES or words[0].low in _BE)
    subject = list(takewhile(lambda t: t.text[0].isalnum() or t.text in "-’'", words[:25]))
    if not (verb_first or a._looks_like_clause(words) or a._has_verb(subject)):
        return None  # "This, said Jo Roe, would…" goes on with its verb; "Often, …" with a clause
    name = "claim_then_cue_speaker"
    tail = a._claim(resumed, a._clause_end(resumed, cue), speaker, cue, name)
    if tail.end <= tail.start:
        return None
    if len(before.toks) > 3 or _opening(before.toks).low in _PREPOSITIONS:
        return [tail]
    head = a._claim(sent.start, before.content_end, speaker, cue, name)
    kind = MIXED if MIXED in (head.kind, tail.kind) else INDIRECT
    return [in_two_parts(head, tail, kind, name, (head.start, tail.end))]


@rule(
    "claim_then_cue_speaker",
    CUE,
    "a verb of saying, then the speaker, follow the claim",
    ("The plant will close within a year, said Sarah Jones.",),
)
def claim_then_cue_speaker(a: Attributor, site: CueSite) -> list[Claim] | None:
    """Prices will rise, said Ms Smith, an economist."""
    before = _before_comma(a, site)
    cue = site.cue
    if before is None or not before.inverted or cue.participle:
        return None  # "…, saying hackers were behind it": no speaker follows
    sent = before.sentence
    found = a.ctx.subject_after(cue.end, sent.end)
    if found is None:
        return None
    speaker, after = found
    if " by " in f" {a.text[cue.end : speaker.mention_start]} ":
        return None  # "The film is a fantasy, written and directed by Jo Roe": its author
    rest = a.doc.tokens_between(after, sent.end)
    if len([t for t in rest if t.text not in ".!?"]) > 6 and (not rest or rest[0].text != ","):
        return None
    if speaker.rule == "pronoun" and rest and rest[0].text not in ",.;:!?—–":
        return None  # "Her lawyer, Jo Roe, said she “denies” it": the clause's subject
    if speaker.rule != "name" and rest and _noun_goes_on(rest[0]):
        # "…, stressed his executive record": an object, not a speaker (but a
        # name may stand inside its phrase: "…, say the Leeds side")
        return None
    name = "claim_then_cue_speaker"
    resumed = _resumed_after_source(a, after, sent.end) or _resumed_after_role(a, after, sent.end)
    if not before.is_claim:
        # "Often, said Mr Okonjo, the files were…": the claim follows its source.
        return _after_inverted_aside(a, before, speaker, cue, resumed)
    head = a._claim(sent.start, before.content_end, speaker, cue, name)
    verb = a.doc.tokens_between(resumed, sent.end, limit=1) if resumed is not None else []
    if resumed is not None and verb and (verb[0].low in _AUXILIARIES or verb[0].low in _BE):
        # "The plan, says Ms Roe, will fail": one claim in two parts around its
        # source (but in "…, said Jo Roe, head of the firm" her description is none).
        tail = a._claim(resumed, a._clause_end(resumed, cue), speaker, cue, name)
        if tail.end > tail.start and head.end > head.start:
            kind = MIXED if MIXED in (head.kind, tail.kind) else INDIRECT
            return [in_two_parts(head, tail, kind, name, (head.start, tail.end))]
    return [head]


_WON_LEADS = frozenset(("the", "a", "an", "their", "its", "only", "just"))


def won_thing(words: list[Token]) -> bool:
    """Whether an object opens with something won: "victory", "the coaching
    award", "her seventh Grand Slam title", "only their second ever win" (its
    first noun, past a determiner and up to three modifiers), and is no
    clause's subject ("claimed the title was bought")."""
    k = 0
    while k < 2 and k < len(words) and (words[k].low in _WON_LEADS or words[k].low in _POSSESSIVES):
        k += 1
    for i in range(k, min(k + 4, len(words))):
        if words[i].low in _WON_THINGS:
            # "the European Championship race would be…": a clause's subject.
            return not any(t.low in _AUXILIARIES or t.low in _BE for t in words[i + 1 : i + 3])
        if not words[i].text[:1].isalnum() or words[i].low in _PREPOSITIONS:
            return False  # "claimed, at one point, that…": no object there
    return False


def _won_or_convened(cue: Cue, words: list[Token]) -> bool:
    """Whether "claimed" takes something won ("claimed the coaching award",
    "claimed victory") or "called" an event it convenes ("called a strike")."""
    if cue.lemma == "claim":
        return won_thing(words)
    return cue.surface.lower() in _CALL_FORMS and _convened(words)


_CALLED_EVENTS = lx.load("cue-called-events")
_CALL_LEADS = frozenset(("a", "an", "the", "its", "their", "his", "her", "another", "fresh", "new"))


def _convened(words: list[Token]) -> bool:
    """Whether "called" takes an event it convenes or orders: "a snap election",
    "a strike", "an emergency meeting", "a halt to…" (the event within its first
    three words, after an article; not "called the election a sham", where a
    description follows the event)."""
    k = 1 if words and words[0].low in _CALL_LEADS else 0
    for i in range(k, min(k + 3, len(words))):
        if words[i].low in _CALLED_EVENTS:
            nxt = words[i + 1] if i + 1 < len(words) else None
            return nxt is None or not (nxt.low in ("a", "an") or nxt.text[:1] in "“\"'")
    return False


@rule(
    "speaker_cue_object",
    CUE,
    "what the speaker announced, proposed or denied",
    ("Sarah Jones announced the closure of the plant in Leeds.",),
)
def speaker_cue_object(a: Attributor, site: CueSite) -> list[Claim] | None:
    """What was announced, proposed, denied: "Trump called for a ban on…"."""
    cue, sent, text = site.cue, site.sentence, a.text
    if cue.lemma not in lx.OBJECT_CLAIM_VERBS and not _against_doing(a.text, cue):
        return None
    speaker = _object_speaker(a, site)
    if speaker is None or a._passive(cue) or not _verb_of(a, cue, speaker):
        return None
    start = cue.end
    while start < sent.end and text[start].isspace():
        start += 1
    first = a.doc.tokens_between(start, min(sent.end, start + 40))
    if not first or a._stops_gap(first[0].text) or first[0].text in ",:":
        return None
    lead = 1 if len(first) > 1 and first[0].low.endswith("ly") and first[0].text.islower() else 0
    if (first[lead].low in _PREPOSITIONS or first[lead].low in _PLACE_PREPOSITIONS) and first[
        lead
    ].low not in lx.CUE_PARTICLES.get(cue.lemma, ()):
        # "reported to the board", "blamed on", "reported daily to him", "which
        # he proposed under a flat tax": no object, no claim
        return None
    if first[0].low == "of":
        return None  # "the firms it had accused of fraud": the object stands before the verb
    if (
        _telephoned(a, cue, first)
        or _named_not_said(a, cue, first)
        or _noun_then_verb(a, cue, first)
    ):
        return None
    if first[0].low in _AUXILIARIES or first[0].low == "as" or first[0].low in lx.SPEECH_FORMS:
        # "the firms accused were…", "which it reported as revenue", "the
        # report said…": the cue word was no verb with an object.
        return None
    floor = site.clause_start
    opener = a.doc.tokens_between(max(floor, text.rfind(",", floor, cue.start) + 1), cue.start)
    if opener and opener[0].low in _SUBORDINATORS:
        return None  # "when it reported the results, the airline…": a time, not a claim
    end = a._object_end(start, a._clause_end(start, cue))
    article = 1 if first[0].low == "the" and len(first) > 1 else 0
    named = a.ctx.mention_starting(first[article].start)
    if (
        named is not None
        and named.end >= end
        and text[sent.start : cue.start].rstrip().endswith(",")
        and any(mark in text[sent.start : cue.start] for mark in '”"')
    ):
        return None  # "“…,” said Jo Roe, reports the Post.": the source, not an object
    words = a.doc.tokens_between(start, end)
    if len(words) < 2 and not (words and words[0].text.isalpha() and len(words[0].text) > 4):
        return None  # but "denied wrongdoing" is a claim
    if _only_a_time(words):
        return None  # "the plan he announced earlier", "…announced that same day"
    if _won_or_convened(cue, words):
        return None  # "claimed victory", "called a snap election": no words said
    if any(t.low == "what" for t in opener):
        # "the battle over what staff have called a “fraudulent scheme” took a
        # turn": the object ends where the sentence's own verb comes.
        verb = next(
            (
                t
                for t in words[1:]
                if text[max(start, t.start - 3) : t.start].rstrip().endswith(("”", '"'))
                and a._has_verb([t])
                and t.text.islower()
            ),
            None,
        )
        if verb is not None:
            end = verb.start
            while end > start and text[end - 1] in " ,":
                end -= 1
    return [a._claim(start, end, speaker, cue, "speaker_cue_object")]


def _object_speaker(a: Attributor, site: CueSite) -> Speaker | None:
    """Who says what a verb takes as its object: its subject, or after "and" the
    subject of the verb before it; nobody when the verb is denied."""
    cue = site.cue
    if _negated(a, cue):
        return None  # "did not recommend prosecution", "never denied it": nothing said
    speaker = site.subject
    if (
        speaker is None
        and not cue.participle
        and _AND_OR_BUT.search(a.text, max(0, cue.start - 60), cue.start)
        and a._coordinated(cue)
    ):
        # "Jo Roe was ill and called for an inquiry": the subject of the verb
        # before "and" (or of the clause) is this verb's too.
        shared = a._speaker_of(cue, site)
        speaker = shared[0] if shared is not None else None
        if speaker is not None and _relative_between(a, speaker, cue):
            # "a new conversation that humanizes people and demands respect": the
            # verbs are the relative clause's, whose subject is no speaker.
            speaker = None
    return speaker


_NEGATIONS = frozenset(("not", "n't", "never"))
_AND_OR_BUT = re.compile(r"\b(?:and|but)\b", re.IGNORECASE)


def _negated(a: Attributor, cue: Cue) -> bool:
    """Whether the verb is denied by the words right before it: "did not
    recommend", "has never publicly denied"."""
    window = a.text[max(0, cue.start - 40) : cue.start].lower()
    if (
        "not" not in window
        and "n't" not in window
        and "n’t" not in window
        and "never" not in window
    ):
        return False  # most verbs: no tokens read
    before = a.doc.tokens_between(max(0, cue.start - 40), cue.start)
    for tok in reversed(before):
        if tok.low in _NEGATIONS:
            return True
        if tok.low not in lx.VERB_MODIFIERS:
            return False
    return False


def _relative_between(a: Attributor, speaker: Speaker, cue: Cue) -> bool:
    """Whether "that" or "which" stands between a speaker found before "and" and
    the cue: the verb may be a relative clause's."""
    if speaker.mention_start is None:
        return False
    after = speaker.mention_start + len(speaker.mention or "")
    between = a.doc.tokens_between(after, cue.start) if after < cue.start else []
    return any(t.low in ("that", "which") for t in between)


_GERUND_NEXT = re.compile(r"[ \t]+[a-z]{2,}ing\b")


def _against_doing(text: str, cue: Cue) -> bool:
    """Whether a warning or argument is against doing something: "warned against
    placing bets", "cautioned against reading too much into it" (what not to do is
    the claim; "warned against disunity", a noun only, says no more)."""
    return cue.surface.endswith(" against") and _GERUND_NEXT.match(text, cue.end) is not None


def _verb_of(a: Attributor, cue: Cue, speaker: Speaker) -> bool:
    """Whether the speaker before a cue is its subject: always for a finite verb;
    for a participle, only in "is calling for…" or "with Jo Roe calling for…"."""
    return not cue.participle or _progressive(a, cue) or _with_subject(a, cue, speaker)


_PROGRESSIVE_BE = frozenset(("is", "are", "was", "were", "been", "be", "am", "’s", "'s"))


def _progressive(a: Attributor, cue: Cue) -> bool:
    """Whether a participle cue is the verb of its clause, after a form of "be":
    "Fowler is calling for a review", "she has been demanding a recount" (not
    "a bill calling for…", whose participle describes a noun, nor "they are not
    calling for…", which says nothing)."""
    before = a.doc.tokens_between(max(0, cue.start - 40), cue.start)[-3:]
    k = len(before) - 1
    while (
        k > 0
        and before[k].low not in _PROGRESSIVE_BE
        and (
            before[k].low in lx.VERB_MODIFIERS
            or before[k].low.endswith("ly")
            or before[k].low == "now"
        )
    ):
        if before[k].low in _NEGATIONS:
            return False
        k -= 1  # "is now calling for", "are increasingly demanding"
    if k < 0 or before[k].low not in _PROGRESSIVE_BE:
        return False
    # "Even as the MPs were expressing their fears, …": a time, not a claim.
    opener = a.doc.tokens_between(a.doc.sentence_at(cue.start).start, cue.start, limit=2)
    return not any(t.low in ("as", "while", "when") for t in opener)


def _with_subject(a: Attributor, cue: Cue, speaker: Speaker) -> bool:
    """Whether a participle cue follows its speaker, and "with" before them: "…,
    with campaigners calling for more aid", "with chairman Jo Roe demanding an
    apology" (not "a man calling himself…", "taxpayers reporting gains…")."""
    between = a.text[speaker.mention_start : cue.start]
    if not between.startswith(speaker.mention) or between[len(speaker.mention) :].strip():
        return False
    before = a.doc.tokens_between(max(0, speaker.mention_start - 40), speaker.mention_start)
    k = len(before) - 1
    # Up to four words of the speaker's phrase: "with the BBC reporting", "with
    # chairman Jo Roe…", "with politicians and campaigners calling for…".
    while k >= 0 and len(before) - k <= 4 and before[k].text.isalpha() and before[k].low != "with":
        k -= 1
    return k >= 0 and before[k].low == "with"


_TIME_LEADS = frozenset({"that", "this", "last", "next", "same", "the", "every", "each"})
# Prepositions of place and manner that open no object after a cue.
_PLACE_PREPOSITIONS = frozenset(
    ("under", "into", "inside", "outside", "within", "among", "across", "behind", "near", "per")
)


def _only_a_time(words: list[Token]) -> bool:
    """Whether the words after a cue say only when: "earlier", "that same day",
    "last week" (the object stands before the verb, or there is none)."""
    if len(words) == 1:
        return words[0].low in _TEMPORAL
    return (
        len(words) <= 3
        and words[-1].low in _TIME_NOUNS
        and all(t.low in _TIME_LEADS for t in words[:-1])
    )


# "call" with no particle: "called for", "called on" are other verbs.
_CALL_FORMS = frozenset(("call", "calls", "called", "calling"))
_CALL_CIRCUMSTANCES = lx.load("cue-call-circumstances")
_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "me", "us"})


def _telephoned(a: Attributor, cue: Cue, first: list[Token]) -> bool:
    """Whether "called" takes a person telephoned, not one it names something:
    "called Sanders shortly after the result", "called her on Friday to…"
    (but "called Sanders a liar", "called him divisive")."""
    if cue.surface.lower() not in _CALL_FORMS:
        return False  # "called for", "called on": a particle makes another verb
    person = a.ctx.mention_starting(first[0].start)
    if person is not None:
        k = next((i for i, t in enumerate(first) if t.end >= person.end), len(first) - 1) + 1
    elif first[0].low in _OBJECT_PRONOUNS:
        k = 1
    else:
        return False
    if k >= len(first):
        return False
    nxt = first[k].low
    return (
        nxt in _PREPOSITIONS
        or nxt in _TEMPORAL
        or nxt in _SUBORDINATORS
        or nxt in _CALL_CIRCUMSTANCES
    )


def _noun_then_verb(a: Attributor, cue: Cue, first: list[Token]) -> bool:
    """Whether a cue word that is as often a noun is one here: its own verb follows
    ("the WEF report shows that…", "a government report that showed…", "the
    labour department report showing…"), or a possessor stands before it ("the
    minister's claims about…")."""
    surface = cue.surface.lower()
    if surface not in lx.NOUN_LIKE_CUES:
        return False
    before = a.doc.tokens_between(max(0, cue.start - 40), cue.start)[-1:]
    if before and (before[0].low in _POSSESSIVES or before[0].low in ("’s", "'s")):
        return True
    if not before or not before[0].text.isalpha():
        return False
    prev = before[0]
    if prev.low in lx.SUBJECT_PRONOUNS or (prev.text.islower() and prev.low.endswith("s")):
        return False  # "who she claims left…", "what critics claim depicted…": a verb
    low = first[0].low
    return (
        a._has_verb(first[:1])
        or (low.endswith("ing") and first[0].text.islower() and len(low) > 4)
        or (low in ("that", "which") and len(first) > 1 and a._has_verb(first[1:2]))
    )


# After "called", words that make another verb of it: "called off the strike",
# "called up a new player", "called time on his career".
_CALL_PARTICLES = frozenset(("off", "up", "back", "in", "time", "round", "away"))


_REFLEXIVES = frozenset(("itself", "himself", "herself", "themselves"))


def _a_proper_name(words: list[Token]) -> bool:
    """Whether the words open with a name in capitals ("the Underground Network",
    "Drink Or Die"), not a description ("a libertarian", "“very pro-choice”")."""
    k = 1 if words and words[0].low in ("the", "a", "an") else 0
    return k < len(words) and words[k].text[:1].isupper()


def _named_not_said(a: Attributor, cue: Cue, first: list[Token]) -> bool:
    """Whether "called" names or summons rather than says: "a firm called
    Baikal", "an album called Dead", "called off the strike" (but "the firm
    called the sale illegal", "called him a liar"). A name given with the
    sentence going on past it is no cue at all (``cues._name_given``)."""
    if cue.surface.lower() not in _CALL_FORMS:
        return False
    if first[0].low in _CALL_PARTICLES:
        return True
    if first[0].low in _REFLEXIVES and _a_proper_name(first[1:]):
        return True  # "the group called itself the Underground Network": its name
    if cue.participle:
        return False
    sent = a.doc.sentence_at(cue.start)
    back = a.doc.tokens_between(max(sent.start, cue.start - 60), cue.start)[-5:]
    if len(back) >= 2 and any(t.low == "what" for t in back[-3:-1]) and _a_proper_name(first):
        return True  # "a trial of what it calls the Media Player": a name it uses
    if not back or not (back[-1].text.isalpha() and back[-1].text.islower()):
        return False  # "Mr Roe called", "he called": a speaker before the verb
    # "a firm called…", "a new company called…": a thing so named, not a subject
    article = next(
        (k for k in range(len(back) - 2, -1, -1) if back[k].low in ("a", "an", "another")), None
    )
    indefinite = (
        article is not None
        and back[-1].low not in lx.SUBJECT_PRONOUNS
        and not any(t.low in _AUXILIARIES or t.low in _BE for t in back[article:])
    )
    noun = back[-1].low
    if noun in lx.SPEAKER_NOUNS or noun.rstrip("s") in lx.SPEAKER_NOUNS:
        # "a guitarist called Flicker" is so named; "a spokesman called the plan
        # dangerous" says so
        return indefinite and first[0].text[0].isupper()
    return indefinite


@rule(
    "said_to",
    CUE,
    "“is said to”, “are reported to”: a claim about the subject, from no named source",
    ("Three builders are said to be interested in buying the site.",),
)
def said_to(a: Attributor, site: CueSite) -> list[Claim] | None:
    """Three studios are said to be interested in the book."""
    cue, sent = site.cue, site.sentence
    if cue.lemma not in lx.PASSIVE_REPORT_VERBS or not a._passive(cue):
        return None
    after = a.doc.tokens_between(cue.end, sent.end, limit=2)
    if (
        len(after) < 2
        or after[0].low != "to"
        or not after[1].text.isalpha()
        or not after[1].text.islower()
        # "was reported to the police": "to" then a noun is whom it was told
        or after[1].low in _NOUN_MARKERS
        or after[1].low in _POSSESSIVES
    ):
        return None
    start = after[0].start
    end = a._clause_end(start, cue)
    if len(a.doc.tokens_between(start, end, limit=3)) < 3 or any(
        c.kind == DIRECT for c in a._claims_opening_within(start, end)
    ):
        return None  # "is alleged to have told him: “…”": the quotation is attributed already
    return [a._claim(start, end, _unnamed(start), cue, "said_to")]


# "The meeting was first reported by Politico.": what was reported, the subject,
# and the paper or agency that reported it, named after "by".
_REPORTED_BY = re.compile(
    r"(?:was|were|has[ \t]+been|had[ \t]+been)[ \t]+"
    r"(?:(?:first|originally|initially|earlier)[ \t]+)?$"
)


@rule(
    "reported_by_source",
    CUE,
    "what “was first reported by” a paper is that paper’s report",
    ("The planned merger was first reported by the Daily Courier.",),
)
def reported_by_source(a: Attributor, site: CueSite) -> list[Claim] | None:
    """The meeting was first reported by The Wall Street Journal."""
    cue, sent, text = site.cue, site.sentence, a.text
    if cue.surface != "reported" or not text.startswith(" by ", cue.end):
        return None
    be = _REPORTED_BY.search(text, max(sent.start, cue.start - 30), cue.start)
    if be is None:
        return None
    found = a.ctx.subject_after(cue.end + 4, sent.end)
    if found is None or found[0].name is None or found[0].type == PERSON:
        return None  # a paper, an agency or a broadcaster reports; a person is read elsewhere
    speaker, after = found
    if text[after : sent.end].strip(" .") != "":
        return None  # "…was reported by the Times on Monday as…": more than the source
    start, end = sent.start, be.start()
    while end > start and text[end - 1] == " ":
        end -= 1
    subject = a.doc.tokens_between(start, end)
    if not 1 < len(subject) <= 10 or any(t.text in ',;:()“”"' for t in subject):
        return None  # a short subject only: "The meeting", "The registration issue"
    if subject[0].low not in ("the", "a", "an", "this", "that", "his", "her", "its", "their"):
        return None
    return [a._claim(start, end, speaker, cue, "reported_by_source")]
