"""The row of passes behind ``quotecli.extract.extract``: text in, quotes and speakers out."""

from __future__ import annotations

from quotecli.extract import lexicon as lx
from quotecli.extract.attribute import Attributor, Claim
from quotecli.extract.cues import find_cues
from quotecli.extract.document import Document, parse
from quotecli.extract.entities import build_entities
from quotecli.extract.layout import normalise
from quotecli.extract.marks import find_quotes, in_title_case
from quotecli.extract.mentions import find_mentions
from quotecli.extract.subjects import Context
from quotecli.extract.subjects import Speaker as ResolvedSpeaker
from quotecli.model import ANONYMOUS, DIRECT, GROUP, PERSON, Extraction, Quote, Speaker

__all__ = ["extract"]


def _context(doc: Document, start: int, end: int) -> tuple[int, int]:
    """The sentence, or sentences, that a span stands in."""
    first = doc.sentences[doc.sentence_index(start)]
    last = doc.sentences[doc.sentence_index(max(start, end - 1))]
    return first.start, max(last.end, end)


def _speaker_type(speaker: ResolvedSpeaker | None) -> str | None:
    # The entity's type, as known at the end of the article ("Yukos" is a company
    # once "the company" has referred to it), over the type at the time of the claim.
    if speaker is None:
        return None
    return speaker.entity.speaker_type if speaker.entity is not None else speaker.type


def _speaker_name(speaker: ResolvedSpeaker) -> str:
    # Groups and unnamed sources are common nouns: "analysts", however a sentence began.
    # Party names ("Tories") and acronyms ("MPs") keep the capitals they were written with.
    name = speaker.name or ""
    if _speaker_type(speaker) not in (GROUP, ANONYMOUS):
        return name
    # Only the first word can owe its capital to the start of a sentence.
    first, _, rest = name.partition(" ")
    words = rest.split()
    if len(words) > 1 and words[0] in ("of", "for") and words[1][:1].isupper():
        return name  # "Department for Work and Pensions spokeswoman": a body's name
    if first.istitle() and _common_noun(first.lower()):
        first = first.lower()
    return f"{first} {rest}" if rest else first


def _common_noun(word: str) -> bool:
    """ "Analysts" opening a sentence is a common noun; "Union", "Tories" are names."""
    if word in lx.PROPER_GROUPS:
        return False
    nouns = lx.SPEAKER_NOUNS
    return word in nouns or word.rstrip("s") in nouns or word in ("of", "for", "the")


def _quote(doc: Document, claim: Claim) -> Quote:
    speaker = claim.speaker
    ctx_start, ctx_end = _context(doc, claim.outer_start, claim.outer_end)
    if claim.cue is not None:
        cue_start, cue_end = _context(doc, claim.cue.start, claim.cue.end)
        if doc.paragraph_index(cue_start) == doc.paragraph_index(ctx_start):
            ctx_start, ctx_end = min(ctx_start, cue_start), max(ctx_end, cue_end)
    named = speaker if speaker is not None and speaker.name is not None else None
    return Quote(
        text=doc.text[claim.start : claim.end],
        start=claim.start,
        end=claim.end,
        kind=claim.kind,
        speaker=_speaker_name(named) if named is not None else None,
        speaker_type=_speaker_type(speaker),
        mention=speaker.mention if speaker is not None else None,
        cue=claim.cue.surface if claim.cue is not None else None,
        context=doc.text[ctx_start:ctx_end],
        context_start=ctx_start,
        context_end=ctx_end,
        rule=claim.rule
        if speaker is None or speaker.rule == "name"
        else f"{claim.rule}+{speaker.rule}",
        role=named.role if named is not None else None,
        parts=claim.parts,
    )


def _scare_quote(text: str, claim: Claim) -> bool:
    """A few quoted words that nobody is said to have said: a title, a label, a
    scare quote ("the so-called “dodgy dossier”"), not a quotation."""
    if claim.kind != DIRECT or claim.speaker is not None:
        return False
    words = text[claim.start : claim.end]
    if _inside_narrative(text, claim.outer_start):
        return True
    return (
        len(words.split()) <= 4
        # A sentence ("“It is serious.”"), or words that lead on to who said them
        # ("“We will fight on,” …"), are quoted speech however short.
        and not words.endswith((".", "!", "?", ",", "…"))
    )


def _title_line(text: str, claim: Claim) -> bool:
    """A quotation in title case is a headline or a work's title, not speech. (The
    rules still read it: a summary line in title case names the speaker of the
    quotation after it, "Jo Roe Said Reform “Must Come Soon.” “We will…”".)"""
    return claim.kind == DIRECT and not claim.parts and in_title_case(text, claim.start, claim.end)


def _inside_narrative(text: str, mark: int) -> bool:
    """Whether a quotation opens in the middle of the writer's own sentence, right
    after a lowercase word ("a plan funded by “closing loopholes for the rich”"):
    with nobody said to have said it, it is a phrase the writer borrowed, not a
    quotation. After a comma or a colon ("she asked, “Why?”") it may be speech."""
    before = text[max(0, mark - 30) : mark].rstrip()
    word = before.rsplit(None, 1)[-1] if before else ""
    return word.isalpha() and word.islower()


def extract(text: str) -> Extraction:
    """Find every quote and claim in ``text`` and attribute each to a speaker."""
    # The passes read one layout of every text (see layout.py); offsets are
    # mapped back to ``text`` at the end.
    layout = normalise(text)
    text = layout.text
    doc = parse(text)
    if not doc.sentences:
        return Extraction()
    spans = find_quotes(doc)
    cues = find_cues(text, [(s.open_mark, s.close_mark, s.outer_end) for s in spans])
    mentions = find_mentions(text, frozenset(s.start for s in doc.sentences))
    entities = build_entities(mentions, text)
    ctx = Context(doc, mentions, entities, [(s.start, s.end) for s in spans])
    claims = list(Attributor(doc, ctx, spans, cues).run())
    quotes = tuple(
        _quote(doc, claim)
        for claim in claims
        if claim.end > claim.start
        and not _scare_quote(doc.text, claim)
        and not _title_line(doc.text, claim)
    )
    if layout.edited:
        quotes = tuple(map(layout.restore, quotes))
    used = {q.speaker for q in quotes if q.speaker}
    speakers: dict[str, Speaker] = {}
    for claim in claims:
        spk = claim.speaker
        if spk is None or spk.name is None or _speaker_name(spk) in speakers:
            continue
        name = _speaker_name(spk)
        entity = spk.entity
        if entity is not None:
            aliases = tuple(a for a in entity.aliases if a != name)
            speakers[name] = Speaker(name, entity.speaker_type, aliases, tuple(entity.roles))
        else:
            # "A spokesman", "the band's spokesman": how a source was described is
            # no other name for it.
            named = spk.type not in (GROUP, ANONYMOUS) and spk.mention.lower() != name.lower()
            speakers[name] = Speaker(
                name,
                spk.type or PERSON,
                (spk.mention,) if named else (),
                (spk.role,) if spk.role else (),
            )
    return Extraction(
        quotes=quotes, speakers=tuple(s for name, s in speakers.items() if name in used)
    )
