"""Rules for headlines: a short paragraph that names its speaker before a colon.

A headline rule takes a paragraph and the quoted fragments not yet attributed,
and returns its claim, the fragments inside it and the quotations it absorbs,
or ``None``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from quotecli.extract import lexicon as lx
from quotecli.extract.catalogue import HEADLINE, rule
from quotecli.extract.claims import Claim
from quotecli.model import ANONYMOUS, DIRECT, GROUP, INDIRECT, MIXED, ORGANISATION, PERSON

if TYPE_CHECKING:
    from collections.abc import Callable

    from quotecli.extract.attribute import Attributor
    from quotecli.extract.document import Span, Token
    from quotecli.extract.entities import Entity
    from quotecli.extract.marks import QuoteSpan
    from quotecli.extract.subjects import Speaker

# Labels that open a paragraph without naming a speaker: "NOTE:", "UPDATE:".
_NOT_SPEAKER_LABELS = lx.load("attribute-not-speaker-labels")
# Labels that name a source with no name: "Poll:", "Report:".
_SOURCE_LABELS = lx.load("headline-source-labels")

# "Trump: Cruz Has ‘To Come a Long Way’": a headline whose label names the speaker.
_HEADLINE_LABEL = re.compile(r"([A-Z][\w.’'\-]*(?: [A-Z][\w.’'\-]*){0,4}):\s+(?=\S)")
# Labels that name the speaker among other words: the topic after the name ("Obama
# on Climate Change: …") or role words before it ("Union leader Jo Roe: …").
_TOPIC_LABEL = re.compile(
    r"([A-Z][\w.’'\-]*(?: [A-Z][\w.’'\-]*){0,3}) on [A-Za-z][\w.’'\-]*(?: [\w.’'\-]+){0,4}"
    r":\s+(?=\S)"
)
_ROLE_LABEL = re.compile(
    r"[A-Z][\w’'\-]*(?: [a-z][\w’'\-]*){1,3} ([A-Z][\w.’'\-]*(?: [A-Z][\w.’'\-]*){1,3}):\s+(?=\S)"
)


def _label(text: str, para: Span) -> tuple[int, int, int] | None:
    """Where a headline's label names the speaker (start, end) and where its claim
    starts, if the paragraph opens with a label and a colon."""
    for pattern in (_HEADLINE_LABEL, _TOPIC_LABEL, _ROLE_LABEL):
        match = pattern.match(text, para.start, para.end)
        if match is not None:
            return match.start(1), match.end(1), match.end()
    return None


@rule(
    "headline_colon",
    HEADLINE,
    "a headline names the speaker before a colon",
    ("Blair: Tax cuts will come after the election\n\nTony Blair spoke in Leeds on Monday.",),
)
def headline_colon(
    a: Attributor, para: Span, left: list[QuoteSpan]
) -> tuple[Claim, list[QuoteSpan], list[Claim]] | None:
    """Headlines that name the speaker before a colon: "Mayor: Bridge Will Reopen"."""
    text = a.text
    found = _label(text, para)
    if found is None or len(text[para.start : para.end].split()) > 40:
        return None
    label_start, label_end, start = found
    label = text[label_start:label_end]
    plain = label_start == para.start and text[label_end] == ":"  # the label is only a name
    end = para.end
    while end > start and text[end - 1] in " .":
        end -= 1
    if label.lower() in _SOURCE_LABELS:
        if text[end - 1] == "?":
            return None  # "Poll: Who won the debate?" asks the reader
    elif set(label.lower().split()) & _NOT_SPEAKER_LABELS:
        return None
    quoted = a._claims_starting_within(start, end, DIRECT)
    if sum(c.outer_end - c.outer_start for c in quoted) > 0.8 * (end - start):
        return None  # "Lynch: ‘Be the voice…’" is a quotation, attributed already
    body = a.doc.tokens_between(start, end)
    # "Sanders: ‘It Is Not A Radical Idea’ To Ask For…": the quoted words
    # are part of the headline's claim.
    inside = [f for f in left if start <= f.open_mark < end]
    if a._names_in_a_row(body) or not (
        a._has_verb(body, present=True)
        # "Clinton: I support statehood"; "Roe: Plan ‘Absolutely Wrong’ for Us".
        or (len(body) > 1 and body[0].low in lx.SUBJECT_PRONOUNS and body[1].text.isalpha())
        or inside
        # "Ward: Sack the Chief, ‘Stop the Waste’": a quotation no one was found to say.
        or any(c.speaker is None or c.speaker.name is None for c in quoted)
    ):
        return None  # "Chelsea: Cech, Ferreira, Terry": a list, not a claim
    # An untyped label is trusted only where no quotation in the headline is
    # attributed already: it adds a speaker, it does not overrule one.
    speaker = _label_speaker(a, label_start, label_end, untyped=not quoted)
    if speaker is None or (not plain and speaker.type != PERSON):
        return None  # among other words, only a person's name is trusted as the speaker
    kind = MIXED if inside or quoted else INDIRECT
    return Claim(start, end, kind, speaker, None, "headline_colon", start, end), inside, quoted


def _label_speaker(a: Attributor, start: int, end: int, untyped: bool = False) -> Speaker | None:
    """The person, organisation or group a headline label names, if it names one.

    With ``untyped``, a name of no known type counts when the story quotes its bearer.
    """
    label = a.text[start:end]
    if label.lower() in _SOURCE_LABELS:
        # "Poll: Smith leads in Ohio": the poll is the source, as in "according to a poll".
        from quotecli.extract.subjects import Speaker

        return Speaker(label, ANONYMOUS, label, start, None, "source_label")
    mention = a.ctx.mention_starting(start)
    if mention is not None and mention.end == end:
        # Known as a person or organisation somewhere in the article: a bare
        # "GoldenEye:" may as well be a title.
        entity = a.ctx.entities.entity_at(mention.start)
        kind = entity.type if entity is not None else mention.type
        if kind in (PERSON, ORGANISATION, GROUP) or (
            untyped and kind == "unknown" and entity is not None and _quoted_below(a, start, entity)
        ):
            return a.ctx.from_mention(mention)
        return None
    from quotecli.extract.subjects import nominal  # the engine loads only when it runs

    toks = a.doc.tokens_between(start, end)
    if len(toks) <= 3 and toks[-1].low in lx.GROUP_NOUNS:
        return nominal(a.ctx, toks, len(toks) - 1)  # "Historians: …", "GOP Leaders: …"
    return None


def _quoted_below(a: Attributor, start: int, entity: Entity) -> bool:
    """Whether the story under a headline quotes the one its label names.

    "Jo Roe: …" over an article that quotes Jo Roe names a speaker, though
    nothing else says whether Jo Roe is a person or, say, a film.
    """
    own = a.doc.paragraph_index(start)
    return any(
        c.speaker is not None
        and c.speaker.entity is entity
        and a.doc.paragraph_index(c.start) != own
        for c in a.claims
    )


# A headline is short; a paragraph of more words is a sentence of the story.
_HEADLINE_WORDS = 30
_HEADLINE_CHARS = 300
_CAPITALISED_RUN = re.compile(r"[A-Z][\w.’'\-]*(?: [A-Z][\w.’'\-]*){1,7}")


def _title_cue(tok: Token) -> bool:
    """A capitalised verb of saying in the present that takes a clause: "Says", "Warns"."""
    lemma = lx.SPEECH_FORMS.get(tok.low)
    return (
        tok.text[:1].isupper()
        and lemma in lx.BARE_CLAUSE_VERBS
        and lemma not in lx.OBJECT_VERBS
        and (tok.low == lemma or tok.low.endswith("s"))
    )


@rule(
    "headline_says",
    HEADLINE,
    "a headline names the speaker, then a verb of saying",
    ("Jo Hart Says Bridge Repairs Will Take Two Years\n\nMayor Jo Hart spoke in Leeds on Monday.",),
)
def headline_says(
    a: Attributor, para: Span, left: list[QuoteSpan]
) -> tuple[Claim, list[QuoteSpan], list[Claim]] | None:
    """Headlines in title case that name the speaker: "Mayor Says Bridge Will Reopen"."""
    text = a.text
    toks = _title_case_headline(a, para, lambda w: bool(lx.SPEECH_FORMS.get(w)))
    if toks is None:
        return None
    k = _verb_after_name(toks, lambda i: _title_cue(toks[i]))
    if k is None:
        return None
    start, end = toks[k + 1].start, para.end
    while end > start and text[end - 1] in " .;":
        end -= 1
    from quotecli.extract.subjects import pronoun_of  # the engine loads only when it runs

    body = toks[k + 1 :]
    if not (
        a._has_verb(body, present=True)
        or (len(body) > 1 and body[0].low in lx.SUBJECT_PRONOUNS)
        or pronoun_of(body[0].low) in lx.SUBJECT_PRONOUNS  # "He’s Unlikely To…"
    ):
        return None
    speaker = _headline_speaker(a, para.start, toks[k - 1].end)
    if speaker is None:
        return None
    verb = toks[k]
    return _said_in_headline(
        a, left, start, end, speaker, (verb.start, verb.end, verb.text), "headline_says"
    )


def _title_case_headline(
    a: Attributor, para: Span, verb_word: Callable[[str], bool]
) -> list[Token] | None:
    """The tokens of ``para`` if it is a short one-sentence headline in title case
    with a word after its first that ``verb_word`` (given it lower-cased) accepts."""
    # Most paragraphs are sentences of the story: the run of capitalised words a
    # headline opens with is read for its verb before any token is made.
    run = _CAPITALISED_RUN.match(a.text, para.start, para.end)
    if (
        run is None
        or para.end - para.start > _HEADLINE_CHARS
        or not any(verb_word(w.lower()) for w in run.group().split()[1:])
    ):
        return None
    toks = a.doc.tokens_between(para.start, para.end, limit=_HEADLINE_WORDS + 1)
    if len(toks) > _HEADLINE_WORDS or len(toks) < 4 or a.doc.sentence_at(para.start).end < para.end:
        return None
    return toks


def _verb_after_name(toks: list[Token], is_verb: Callable[[int], bool]) -> int | None:
    """Where the headline's verb is: the first that ``is_verb`` accepts after a
    name of a few capitalised words."""
    k = next((i for i in range(1, min(7, len(toks))) if is_verb(i)), None)
    if k is None or not all(t.text[:1].isupper() or t.text in ".-" for t in toks[:k]):
        return None
    return k


def _headline_speaker(a: Attributor, start: int, end: int) -> Speaker | None:
    """Whom the words before a headline's verb name, as a label or as the story names them."""
    return _label_speaker(a, start, end) or _named_in_story(a, start, end)


def _said_in_headline(
    a: Attributor,
    left: list[QuoteSpan],
    start: int,
    end: int,
    speaker: Speaker,
    verb: tuple[int, int, str],
    name: str,
) -> tuple[Claim, list[QuoteSpan], list[Claim]]:
    """The claim of a headline with a verb of saying, the fragments inside it, and
    the quotations it absorbs; any quoted words make it mixed."""
    from quotecli.extract.cues import Cue  # the engine loads only when it runs

    verb_start, verb_end, surface = verb
    cue = Cue(verb_start, verb_end, lx.SPEECH_FORMS[surface.lower()], surface)
    quoted = a._claims_starting_within(start, end, DIRECT)
    inside = [f for f in left if start <= f.open_mark < end]
    kind = MIXED if inside or quoted else INDIRECT
    return Claim(start, end, kind, speaker, cue, name, start, end), inside, quoted


def _named_in_story(a: Attributor, start: int, end: int) -> Speaker | None:
    """The person the story names in full, for a name the headline runs into its
    title-case words ("Trump Says He’s…" reads as one long name)."""
    label = a.text[start:end]
    entity = a.ctx.entities.named(label)
    if entity is None or entity.speaker_type != PERSON:
        return None
    from quotecli.extract.subjects import Speaker

    return Speaker(entity.name, PERSON, label, start, None, "headline_name", entity)


@rule(
    "headline_claim_says",
    HEADLINE,
    "a headline ends with the speaker and a title-case verb of saying",
    (
        "Bridge Repairs Will Take Two Years, Jo Hart Says\n\n"
        "Mayor Jo Hart spoke in Leeds on Monday.",
    ),
)
def headline_claim_says(
    a: Attributor, para: Span, left: list[QuoteSpan]
) -> tuple[Claim, list[QuoteSpan], list[Claim]] | None:
    """Headlines in title case that end with their speaker: "Bridge Will Reopen, Mayor Says"."""
    text = a.text
    end = para.end
    while end > para.start and text[end - 1] in " .":
        end -= 1
    if end - para.start > _HEADLINE_CHARS:
        return None
    verb_start = text.rfind(" ", para.start, end) + 1
    verb = text[verb_start:end]
    if verb_start <= para.start or not verb.istitle() or verb.lower() not in lx.SPEECH_FORMS:
        return None
    lemma = lx.SPEECH_FORMS[verb.lower()]
    if lemma not in lx.BARE_CLAUSE_VERBS or not verb.lower().endswith("s"):
        return None
    comma = text.rfind(",", para.start, verb_start)
    label = text[comma + 1 : verb_start].strip()
    if comma == -1 or not label or not all(w[:1].isupper() for w in label.split()):
        return None
    label_start = text.index(label, comma + 1)
    speaker = _headline_speaker(a, label_start, label_start + len(label))
    if speaker is None:
        return None
    start, claim_end = para.start, comma
    body = a.doc.tokens_between(start, claim_end)
    if len(body) < 3 or not a._has_verb(body, present=True):
        return None
    return _said_in_headline(
        a, left, start, claim_end, speaker, (verb_start, end, verb), "headline_claim_says"
    )


# Lowercase words that end what a title-case headline's verb takes: "Mayor Calls
# for Inquiry after Flood Report" calls for an inquiry, not for the report.
_HEADLINE_OBJECT_STOPS = frozenset(
    ("after", "as", "amid", "following", "despite", "while", "before", "since", "because")
)


_OBJECT_LEMMAS = lx.OBJECT_CLAIM_VERBS


def _object_cue(toks: list[Token], k: int) -> int | None:
    """Where the object of a title-case verb that takes one begins ("Promises",
    "Announces", "Calls For", "Calls On"), if ``toks[k]`` is such a verb."""
    tok = toks[k]
    lemma = lx.SPEECH_FORMS.get(tok.low)
    if not tok.text[:1].isupper() or lemma not in lx.OBJECT_CLAIM_VERBS or tok.low == lemma:
        return None
    if not tok.low.endswith("s") or k + 1 >= len(toks):
        return None
    if lemma == "call":
        # "Calls" alone is as often the noun: "Calls Grow for…"
        return k + 2 if toks[k + 1].low in ("for", "on") else None
    return k + 1


@rule(
    "headline_announces",
    HEADLINE,
    "a headline names the speaker, then what is announced, promised or called for",
    ("Jo Hart Promises New Bridge by Spring\n\nMayor Jo Hart spoke in Leeds on Monday.",),
)
def headline_announces(
    a: Attributor, para: Span, left: list[QuoteSpan]
) -> tuple[Claim, list[QuoteSpan], list[Claim]] | None:
    """Headlines in title case whose verb takes an object: "Senator Calls for Inquiry"."""
    text = a.text
    toks = _title_case_headline(a, para, lambda w: lx.SPEECH_FORMS.get(w) in _OBJECT_LEMMAS)
    if toks is None:
        return None
    k = _verb_after_name(toks, lambda i: _object_cue(toks, i) is not None)
    if k is None:
        return None
    first = _object_cue(toks, k)
    assert first is not None
    body = []
    for tok in toks[first:]:
        if (tok.low in _HEADLINE_OBJECT_STOPS and tok.text.islower()) or tok.text in ";:":
            break
        body.append(tok)
    if not body or body[-1].end - body[0].start < 5 or not body[0].text[:1].isupper():
        return None
    start, end = body[0].start, body[-1].end
    while end > start and text[end - 1] in " .;,":
        end -= 1
    speaker = _headline_speaker(a, para.start, toks[k - 1].end)
    if speaker is None:
        return None
    verb = toks[k]
    return _said_in_headline(
        a, left, start, end, speaker, (verb.start, verb.end, verb.text), "headline_announces"
    )
