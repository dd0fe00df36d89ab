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
from quotecli.model import DIRECT, GROUP, INDIRECT, MIXED, ORGANISATION, PERSON

if TYPE_CHECKING:
    from quotecli.extract.attribute import Attributor
    from quotecli.extract.document import Span
    from quotecli.extract.marks import QuoteSpan
    from quotecli.extract.subjects import Speaker

# Labels that open a paragraph without naming a speaker: "NOTE:", "UPDATE:".
_NOT_SPEAKER_LABELS = lx.load("attribute-not-speaker-labels")

# "Trump: Cruz Has ‘To Come a Long Way’": a headline whose label names the speaker.
_HEADLINE_LABEL = re.compile(r"([A-Z][\w.’'\-]*(?: [A-Z][\w.’'\-]*){0,4}):\s+(?=\S)")


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
    match = _HEADLINE_LABEL.match(text, para.start, para.end)
    if match is None or len(text[para.start : para.end].split()) > 40:
        return None
    label = match.group(1)
    if set(label.lower().split()) & _NOT_SPEAKER_LABELS:
        return None
    start, end = match.end(), para.end
    while end > start and text[end - 1] in " .":
        end -= 1
    quoted = a._claims_starting_within(start, end, DIRECT)
    if sum(c.outer_end - c.outer_start for c in quoted) > 0.8 * (end - start):
        return None  # "Lynch: ‘Be the voice…’" is a quotation, attributed already
    body = a.doc.tokens_between(start, end)
    if a._names_in_a_row(body) or not a._has_verb(body, present=True):
        return None  # "Chelsea: Cech, Ferreira, Terry": a list, not a claim
    speaker = _label_speaker(a, para.start, match.end(1))
    if speaker is None:
        return None
    # "Sanders: ‘It Is Not A Radical Idea’ To Ask For…": the quoted words
    # are part of the headline's claim.
    inside = [f for f in left if start <= f.open_mark < end]
    kind = MIXED if inside or quoted else INDIRECT
    return Claim(start, end, kind, speaker, None, "headline_colon", start, end), inside, quoted


def _label_speaker(a: Attributor, start: int, end: int) -> Speaker | None:
    """The person, organisation or group a headline label names, if it names one."""
    mention = a.ctx.mention_starting(start)
    if mention is not None and mention.end == end:
        # Known as a person or organisation somewhere in the article: a bare
        # "GoldenEye:" may as well be a title.
        entity = a.ctx.entities.entity_at(mention.start)
        kind = entity.type if entity is not None else mention.type
        if kind in (PERSON, ORGANISATION, GROUP):
            return a.ctx.from_mention(mention)
        return None
    from quotecli.extract.subjects import nominal  # the engine loads only when it runs

    toks = a.doc.tokens_between(start, end)
    if len(toks) <= 3 and toks[-1].low in lx.GROUP_NOUNS:
        return nominal(a.ctx, toks, len(toks) - 1)  # "Historians: …", "GOP Leaders: …"
    return None
