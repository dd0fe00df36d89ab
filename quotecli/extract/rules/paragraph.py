"""Rules for whole paragraphs tried before any quotation: transcript lines.

A paragraph rule takes a paragraph and returns the claim it makes, or ``None``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from quotecli.extract import lexicon as lx
from quotecli.extract.catalogue import PARAGRAPH, rule
from quotecli.extract.claims import Claim
from quotecli.model import DIRECT, MIXED, PERSON

if TYPE_CHECKING:
    from quotecli.extract.attribute import Attributor
    from quotecli.extract.document import Span
    from quotecli.extract.marks import QuoteSpan

# "PENCE: Well, look, …": a speaker's name in capitals opening a paragraph.
# Labels that open a line without naming a speaker: "NOTE:", "UPDATE:", "Q:".
_NOT_SPEAKER_LABELS = lx.load("attribute-not-speaker-labels")
# A transcript quoted line by line opens each line with a quotation mark: "“PENCE: …".
_TRANSCRIPT_LABEL = re.compile(r"([\"“]?)([A-Z][A-Z.’'\-]+(?: [A-Z][A-Z.’'\-]+){0,3}):\s+")
_CLOSING = ' ."”'
# "Lowe: Are we heading into a recession?": a transcript may name its speakers in
# ordinary capitals, when they are people the article has named and the lines
# around are transcript lines too (a lone "Blair: Tax cuts will come" is a headline).
_NAME_LABEL = re.compile(r"([A-Z][a-z][\w’'\-]*(?: [A-Z][a-z][\w’'\-]*)?):\s+")
_ANY_LABEL = re.compile(
    r"[\"“]?(?:[A-Z][A-Z.’'\-]+(?: [A-Z][A-Z.’'\-]+){0,3}|[A-Z]"
    r"|[A-Z][a-z][\w’'\-]*(?: [A-Z][a-z][\w’'\-]*)?):\s"
)


_SAID_WORD = re.compile(r"\b[a-z]{2,}\b")


def _named_label(a: Attributor, para: Span) -> re.Match[str] | None:
    """ "Lowe:" opening a line of a transcript whose speakers the article named."""
    match = _NAME_LABEL.match(a.text, para.start, para.end)
    if match is None:
        return None
    entity = a.ctx.entities.named(match.group(1))
    if entity is None or entity.type not in (PERSON, "unknown"):
        return None
    # Words said, not a tally or a list of names: "Clinton: 1,769".
    if not _SAID_WORD.search(a.text, match.end(), para.end):
        return None
    if set(match.group(1).lower().split()) & _NOT_SPEAKER_LABELS:
        return None
    if not _beside_a_label(a, para):
        return None
    return match


def _beside_a_label(a: Attributor, para: Span) -> bool:
    """Whether the paragraph before or after opens with a label too, as the
    lines of a transcript do."""
    index = a.doc.paragraph_index(para.start)
    paragraphs = a.doc.paragraphs
    neighbours = [paragraphs[k] for k in (index - 1, index + 1) if 0 <= k < len(paragraphs)]
    return any(_ANY_LABEL.match(a.text, p.start, p.end) for p in neighbours)


@rule(
    "transcript_label",
    PARAGRAPH,
    "a transcript line opened by the speaker’s name, in capitals or as the article named them",
    (
        "Senator Jo Smith took questions.\n\n"
        "SMITH: We are going to win this election and we will govern for everyone.",
    ),
)
def transcript_label(a: Attributor, para: Span) -> Claim | None:
    """Interview transcripts: "PENCE: Well, look, …" is Pence speaking, and so is
    "Pence: Well, look, …" among other transcript lines of an article that names him."""
    text = a.text
    match = _TRANSCRIPT_LABEL.match(text, para.start, para.end)
    if match is not None:
        quoted = bool(match.group(1))
        label = match.group(2).strip()
    else:
        match = _named_label(a, para)
        if match is None:
            return None
        quoted, label = False, match.group(1)
    if len(label) < 3 or set(label.lower().split()) & _NOT_SPEAKER_LABELS:
        return None  # "NOTE:", "UPDATE:", "Q:"
    start = match.end()
    if start >= para.end:
        return None
    # Quoted words inside the line are someone else's, unless the line's own mark
    # opens them or they are a title of a few words ("as “The Journal” wrote").
    inner = _inner_quotations(a, para.start + quoted, para.end)
    if inner is None:
        return None
    from quotecli.extract.subjects import Speaker  # the engine loads only when it runs

    name = " ".join(w.capitalize() for w in label.split())
    entity = a.ctx.entities.named(name)
    if entity is None and not _beside_a_label(a, para):
        # "STAT OF THE WEEK: $43 million…", "CLARIFICATION: …": a lone label in
        # capitals that the article names nobody by is a heading, not a speaker.
        return None
    speaker = Speaker(
        entity.name if entity else name, PERSON, label, para.start, None, "name", entity
    )
    end = para.end
    while end > start and text[end - 1] in (_CLOSING if quoted else " ."):
        end -= 1
    # A quoted line's claim holds its marks, so the quotation they make is this claim.
    outer = (para.start, para.end) if quoted else (start, end)
    kind = MIXED if inner else DIRECT
    return Claim(start, end, kind, speaker, None, "transcript_label", *outer)


# Quoted words of at most this many inside a transcript line are a title or a
# phrase the speaker quotes, not someone else's line.
_TITLE_WORDS_IN_LINE = 6


def _inner_quotations(a: Attributor, start: int, end: int) -> list[QuoteSpan] | None:
    """The quotations opening in text[start:end], when all are a few words long
    and closed in the line; None when any is longer."""
    k = bisect_left(a._open_marks, start)
    inner = []
    while k < len(a.spans) and a.spans[k].open_mark < end:
        span = a.spans[k]
        if (
            span.close_mark is None
            or span.close_mark >= end
            or len(a.text[span.start : span.end].split()) > _TITLE_WORDS_IN_LINE
        ):
            return None
        inner.append(span)
        k += 1
    return inner


# "Q: …" and "A: …": an interview printed as questions and answers.
_ANSWER = re.compile(r"A[:.]\s+(?=\S)")
_QUESTION = re.compile(r"Q[:.]\s+(?=\S)")
# How far back an answer looks for the interview's first question.
_INTERVIEW_REACH = 40


@rule(
    "interview_answer",
    PARAGRAPH,
    "an answer of a question-and-answer interview is the person the interview is with",
    (
        "Novelist Clara Hughes talked to us about her book.\n\nQ: Where did the idea come from?\n\n"
        "A: From a newspaper story about a lighthouse keeper.",
    ),
)
def interview_answer(a: Attributor, para: Span) -> Claim | None:
    """ "A: From a newspaper story…" after "Q: …": the person named before the
    first question, whom the interview is with."""
    text = a.text
    match = _ANSWER.match(text, para.start, para.end)
    if match is None or a._span_opens_within(para.start, para.end):
        return None
    paragraphs = a.doc.paragraphs
    index = a.doc.paragraph_index(para.start)
    first = None
    for k in range(index - 1, max(-1, index - _INTERVIEW_REACH), -1):
        if _QUESTION.match(text, paragraphs[k].start, paragraphs[k].end):
            first = paragraphs[k]
    if first is None:
        return None
    entity = a.ctx._salient(first.start, (PERSON, "unknown"), None)
    if entity is None:
        return None
    from quotecli.extract.subjects import Speaker  # the engine loads only when it runs

    speaker = Speaker(entity.name, PERSON, entity.name, first.start, None, "name", entity)
    start, end = match.end(), para.end
    while end > start and text[end - 1] in " .":
        end -= 1
    return Claim(start, end, DIRECT, speaker, None, "interview_answer", start, end)
