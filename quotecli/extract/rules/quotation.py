"""Rules for quotations: who says the quoted sentence, from the words around its marks.

Each rule takes the ``Attributor`` and one quotation and returns its speaker
and cue, or ``None`` when it does not apply. The rules for a run of
quotations that none of these attributed come last.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from typing import TYPE_CHECKING

from quotecli.extract import lexicon as lx
from quotecli.extract.catalogue import QUOTATION, QUOTED_PHRASE, UNATTRIBUTED, rule
from quotecli.extract.subjects import Speaker
from quotecli.model import DIRECT, ORGANISATION, PERSON

if TYPE_CHECKING:
    from quotecli.extract.attribute import Attributor, Claim, Found
    from quotecli.extract.document import Span, Token
    from quotecli.extract.marks import QuoteSpan


# Before a speaker's phrase that names whose it is: "…,” a Brakewell spokesman said."
_ARTICLES = lx.load("quotation-articles")
# "Ms.", "Gov.", "Sen.": a full stop that ends no sentence.
_ABBREVIATION = re.compile(r"\b[A-Z][a-z]{0,3}\.")
# "…,” Reuters quoted one trader as saying": who quotes, then whom.
_QUOTED_BY = re.compile(
    r"[ \t]*[^,.;:“”\"]{1,60}?[ \t](quoted)[ \t]+[^,.;:“”\"]{1,60}?[ \t]+as[ \t]+"
)
# "… he is quoted as saying", "Jo Roe was quoted by Reuters as saying": the
# passive before a participle cue, whose subject is the speaker.
_QUOTED_AS = re.compile(
    r"\b(?:is|was|were|are|been|being)[ \t]+quoted[ \t]+"
    r"(?:by[ \t]+[^,.;:“”\"]{1,60}?[ \t]+)?as[ \t]+$"
)


@rule(
    "quote_then_cue_speaker",
    QUOTATION,
    "a verb of saying, then the speaker, follow the quotation",
    ("“We will rebuild the bridge by spring,” said Mayor Ann Holt.",),
    also=(QUOTED_PHRASE,),
)
def quote_then_cue_speaker(a: Attributor, span: QuoteSpan) -> Found | None:
    """“…,” said Waltz / “…,” said the minister."""
    tail = a._tail_after(span)
    if tail is None or tail.cue is None:
        return None
    cue = tail.cue
    if cue.participle:
        # "…was “very excited”, describing Charles as…": a participle's
        # subject comes before it; the name after is its object.
        return None
    found = a.ctx.subject_after(cue.end, tail.limit)
    if found is None:
        return None
    speaker, end = found
    return a._with_trailing_role(speaker, end, tail.limit), cue


# An infinitive ("…happy to share") has no subject of its own to speak the quotation.
_INFINITIVE_TO = re.compile(r"(?<!\w)to[ \t]+$")


@rule(
    "quote_then_speaker_cue",
    QUOTATION,
    "the speaker and a verb of saying follow the quotation",
    (
        "“The figures are worse than we feared,” Tom Reed said.",
        "“The deal is dead,” Tom Reed was quoted as saying.",
    ),
    also=(QUOTED_PHRASE,),
)
def quote_then_speaker_cue(a: Attributor, span: QuoteSpan) -> Found | None:
    """“…,” Waltz said / “…,” he told reporters."""
    tail = a._tail_after(span)
    if tail is None or tail.cue is not None:
        return None  # a verb right after the quotation is the rule above's
    text, head = a.text, tail.head
    for cue in a._cues_between(head, min(tail.limit, head + 250)):
        if (
            a._sentence_start(cue.start) != a._sentence_start(head)
            and text[tail.start : cue.start].strip(" ,—–-")
            and any(ch in text[tail.start : cue.start] for ch in ".!?")
        ):
            break
        if text[span.start : span.end].rstrip(" ’'\"”")[-1:] in ("?", "!") and re.match(
            r"\s+that\b", text[cue.end : cue.end + 8]
        ):
            # "“…anti-Semitism?” Mr Milburn replied that they were not": the answer
            # opens a sentence of its own; the question was someone else's.
            break
        if _INFINITIVE_TO.search(text, max(head, cue.start - 4), cue.start):
            continue  # "…that point users to others happy to share the file": no subject
        if text[head : cue.start].strip().lower() in _ARTICLES - {""}:
            continue  # "…,” the report said": a noun after its article, not the verb
        described = _named_then_described(a, span, head, cue.start)
        if described is not None:
            return described, cue
        verb = cue.start
        if cue.participle:
            passive = _QUOTED_AS.search(text, max(head, cue.start - 90), cue.start)
            verb = passive.start() if passive else verb
        speaker = a.ctx.subject_before(verb, head)
        if speaker is None and text[head:verb].rstrip().endswith(","):
            # "…,” shop owner Jo Roe, told the paper": a comma astray before the verb.
            speaker = _name_before_comma(a, span, head, verb)
        if speaker is None:
            break
        named = _name_then_role(a, head, speaker)
        if named is not None:
            return named, cue
        lead = text[head : speaker.mention_start]
        quoted = _QUOTED_BY.fullmatch(text, head, cue.start)
        if quoted is not None and speaker.mention_start >= quoted.end(1):
            # "…,” Reuters quoted one trader as saying.": the one quoted.
            return speaker, cue
        if not lead.strip() or lead.strip().lower() in _ARTICLES:
            # "…,” The Blaze reported.", "…,” a Brakewell spokesman said."
            return speaker, cue
        if speaker.rule == "role_noun" and _article_and_modifiers(lead):
            # "…,” a senior Pentagon official said.": the role noun after a name
            # that says whose official, and the words that grade it.
            return speaker, cue
        words = lead.split()
        if _adjunct_lead(lead):
            # "“I admire the mechanics” of the plan, Jo Roe said": the quoted
            # sentence runs on for a few words before its speaker.
            return speaker, cue
        run_on = _runs_on_to(a, span, speaker, lead)
        if run_on is not None:
            return run_on, cue
        if words and words[0].lower() in ("the", "a", "an") and len(words) > 1:
            words = words[1:]  # "…,” the 45-year-old former striker Bob Smith said
        if speaker.type == PERSON and _a_role(words):
            # "psychotherapist Jane Roe says": a role before the name.
            role = speaker.role or lead.strip()
            return speaker.with_role(role), cue
        break
    return None


def _article_and_modifiers(lead: str) -> bool:
    """Whether the words before a role noun's phrase are an article and one or two
    lower-case words that describe it: "a senior", "one former" (not "a motion by")."""
    words = lead.split()
    return (
        1 < len(words) <= 3
        and words[0].lower() in _ARTICLES
        and all(
            w.isalpha() and w.islower() and not _finite_verb(w) and w not in _NOT_VERBS
            for w in words[1:]
        )
    )


def _name_before_comma(a: Attributor, span: QuoteSpan, head: int, verb: int) -> Speaker | None:
    """The person named just before a comma that stands astray before the verb,
    after a quotation that ends on a comma: "“…,” shop owner Jo Roe, told the paper"."""
    if a.text[span.start : span.end].rstrip()[-1:] != ",":
        return None
    comma = head + a.text[head:verb].rstrip().rfind(",")
    speaker = a.ctx.subject_before(comma, head)
    if (
        speaker is None
        or speaker.type != PERSON
        or speaker.rule != "name"
        or a.text[speaker.mention_start + len(speaker.mention) : comma].strip()
    ):
        return None
    return speaker


def _name_then_role(a: Attributor, head: int, role: Speaker) -> Speaker | None:
    """A person named right after the quotation, with a role after the name and no
    comma between: "“…,” Dr Jo Roe head of exploration said." The role alone was
    found before the verb; the name before it is whose role it is."""
    if role.rule != "role_noun" or role.entity is not None or role.mention_start <= head:
        return None
    mention = a.ctx.mention_starting(head)
    if (
        mention is None
        or mention.possessive
        or mention.type != PERSON
        or a.text[mention.end : role.mention_start].strip()
    ):
        return None
    return a.ctx.from_mention(mention).with_role(
        a.text[role.mention_start : role.mention_start + len(role.mention)]
    )


def _a_role(words: list[str]) -> bool:
    """Whether the few words between a quotation and a person's name are a role."""
    return (
        1 <= len(words) <= 6
        and not any(
            # "director of rugby Nigel Melville": a link word inside a role
            (
                w.islower()
                and w in lx.NOT_NAMES
                and not (0 < k < len(words) - 1 and w in _ROLE_LINKS)
            )
            or not re.fullmatch(r"[\w\-.’']+", w)
            for k, w in enumerate(words)
        )
        # A role has a role word in it: "BBC" alone is where, not what; but
        # "Twitter’s Adam Sharp" says whose.
        and any(
            w.islower() or w.lower() in lx.TITLE_WORDS or w.endswith(("’s", "'s", "’", "'"))
            for w in words
        )
    )


# A short phrase after a quotation that finishes its sentence: "of the plan, ",
# "in November, ", "for the win, ".
_ADJUNCT_LEAD = re.compile(
    r"(?:of|for|in|on|at|about|to|from|with|over)\s[^,;:.!?“”\"()]{1,60},\s*"
)


def _adjunct_lead(lead: str) -> bool:
    return bool(_ADJUNCT_LEAD.fullmatch(lead)) and len(lead.split()) <= 8


def _runs_on_to(a: Attributor, span: QuoteSpan, speaker: Speaker, lead: str) -> Speaker | None:
    """The speaker when the words between a quotation ending on a comma and the
    speaker found before the verb are the speaker's own phrase."""
    # Only a quotation that ends on a comma runs on into its speaker's phrase:
    # after “…?” a new sentence may name someone else.
    if a.text[span.start : span.end].rstrip()[-1:] != ",":
        return None
    words = lead.split()
    if (
        speaker.rule == "name_appositive"
        and lead.rstrip().endswith(",")
        and len(words) <= 10
        and not any(ch in _ABBREVIATION.sub("", lead) for ch in '.!?;:“”"')
    ):
        # "…,” Ms Merkel’s spokesman, Steffen Seibert, wrote": the name set
        # beside the role is the speaker.
        return speaker
    head = speaker.mention_start - len(lead)
    if (
        1 <= len(words) <= 3
        and speaker.name is not None
        and speaker.rule == "role_noun"
        and speaker.entity is None
        and words[0].lower() in ("a", "an", "one")
        and all(w[:1].isupper() and w.isalpha() for w in words[1:])
        and any(a.ctx.mention_starting(head + lead.find(w)) for w in words[1:])
    ):
        # "…,” a Lufthansa spokesman told the BBC", "…,” one Bombay trader said":
        # named by whom it speaks for, or where it is.
        named = " ".join(words[1:])
        if speaker.name.startswith(named):
            return speaker  # "the Delta subsidiary": the name has it already
        return replace(speaker, name=f"{named} {speaker.name}")
    return None


_ROLE_LINKS = lx.load("quotation-role-links")
_INNER_STOP = re.compile(r"\.(?=\w)")
# What sets a name's description off: a comma, or a dash between spaces.
_SET_OFF = re.compile(r",|[ \t]+[-–—][ \t]+")
_DASH_END = re.compile(r"[ \t]+[-–—][ \t]*$")
# Between a speaker's name and the verb: a description with no clause of its own.
_DESCRIPTION = re.compile(r"[^,;:.!?“”\"]{2,90}")


def _named_then_described(
    a: Attributor, span: QuoteSpan, head: int, cue_start: int
) -> Speaker | None:
    """ "…,” Adam Hume, the BBC's futurologist told the BBC": a name set off by a
    comma whose description runs on to the verb without a closing comma."""
    if a.text[span.start : span.end].rstrip()[-1:] != ",":
        return None
    mention = a.ctx.mention_starting(head)
    if (
        mention is None
        or mention.possessive
        or not (mention.type == PERSON or (mention.type == "unknown" and " " in mention.name))
    ):
        return None
    set_off = _SET_OFF.match(a.text, mention.end)
    if set_off is None:
        return None
    # "Mr.", "Computerandvideogames.com": full stops that end no sentence.
    described = a.text[set_off.end() : cue_start]
    if set_off.group().strip() != ",":
        # "Andrei Illarionov - then adviser to the president - told": dashes close it.
        closing = _DASH_END.search(described)
        if closing is None:
            return None
        described = described[: closing.start()]
    between = _INNER_STOP.sub("", _ABBREVIATION.sub("", described))
    if not _DESCRIPTION.fullmatch(between) or len(between.split()) > 12:
        return None
    words = between.split()
    if any(w in lx.SPEECH_FORMS or w.lower() in ("who", "which", "and", "but") for w in words):
        return None  # "Jo Roe, who said…", "Jo Roe, and later Al Day, said": not one phrase
    role = described.strip()
    return a.ctx.from_mention(mention, "name_appositive").with_role(
        role if len(role) <= 80 else None
    )


@rule(
    "quote_dash_speaker",
    QUOTATION,
    "the speaker is named after a dash",
    ("“We will never give up on the people we love” — Helen Ward, at the vigil.",),
)
def quote_dash_speaker(a: Attributor, span: QuoteSpan) -> Found | None:
    """“…” — Commissioner X, in the quotation's own paragraph."""
    tail = a._tail_after(span)
    if tail is None or tail.cue is not None or not tail.dash:
        return None
    mention = a.ctx.mention_starting(tail.head)
    if mention is None and tail.first.low == "the" and tail.second is not None:
        mention = a.ctx.mention_starting(tail.second.start)
    if mention is None:
        return None
    return a.ctx.from_mention(mention), None


@rule(
    "speaker_cue_colon_quote",
    QUOTATION,
    "the paragraph before ends with the speaker, a verb and a colon",
    ("Jane Morrow told the committee:\n\n“We ran out of money in March.”",),
)
def speaker_cue_colon_quote(a: Attributor, span: QuoteSpan) -> Found | None:
    """ "Waltz said:" closing one paragraph, the quotation opening the next."""
    _, before = a._lead_before(span)
    if before.strip() or span.paragraph == 0:
        return None
    prev = a.doc.paragraphs[span.paragraph - 1]
    if a.text[prev.end - 1] != ":":
        return None
    return a._cue_before(prev.end, a._sentence_start(prev.end - 1))


@rule(
    "speaker_cue_quote",
    QUOTATION,
    "the speaker and a verb of saying introduce the quotation",
    ("Peter Lang said: “The plant will close next year.”",),
)
def speaker_cue_quote(a: Attributor, span: QuoteSpan) -> Found | None:
    """Waltz said, “…” / He stated: “…” / X told the BBC: “…”."""
    head_start, before = a._lead_before(span)
    if not before.strip():
        return None
    return a._cue_before(span.open_mark, head_start)


# Words that may open a sentence before its subject: "And Mr Roe gloated:",
# "Or, as Jo Roe put it:".
_SUBJECT_OPENERS = re.compile(r"(?:(?:and|but|or|yet|so|as)\b[ \t,]*)*", re.I)
# Not the verb after a subject: "Smith and Jones disagree:".
_NOT_VERBS = frozenset(
    ("and", "or", "of", "in", "for", "at", "to", "from", "with", "on", "by", "who")
)
# A reply, not a verb: "Mr Roe’s answer was: “…”".
_REPLY_IS = re.compile(
    r"(?:[’']s?)?[ \t]+(?:response|reply|answer|retort|verdict|message)[ \t]+(?:was|is)[ \t]*:"
)


# A quotation closing its sentence, then the next sentence with no space between.
_GLUED_SENTENCE_END = re.compile(r"[.!?][”\"](?=[A-Z])")


@rule(
    "subject_colon_quote",
    QUOTATION,
    "the sentence's subject, named first, introduces the quotation with a colon",
    ("And Mr Hale gloated: “I told you he would fail.”",),
)
def subject_colon_quote(a: Attributor, span: QuoteSpan) -> Found | None:
    """ "Kasich resisted: “…”", "Or, as Jo Roe put it: “…”": no verb of saying, but
    the sentence opens on the one whose words the colon brings in."""
    head_start, before = a._lead_before(span)
    if not before.rstrip().endswith(":"):
        return None
    if a._sentence_start(span.open_mark) != head_start:
        return None
    # "…I love it!”Former minister Jo Roe broke down…: “…”": a quotation that ends
    # its sentence with no space after it still ends it.
    glued = max((m.end() for m in _GLUED_SENTENCE_END.finditer(before)), default=0)
    head_start += glued
    before = before[glued:]
    # A participle ("When she was talking about energy, she offered up this line:")
    # describes; a finite verb of saying is the rules' above.
    cues = a._cues_between(head_start, span.open_mark)
    if any(not c.participle for c in cues) or len(before.split()) > 25:
        return None
    if any(ch in before for ch in '“”"();'):
        return None
    opener = _SUBJECT_OPENERS.match(before)
    start = head_start + (opener.end() if opener else 0)
    comma = before.find(",", start - head_start)
    if a.ctx.mention_starting(start) is None and 0 < comma < 60:
        # "As if addressing him directly, the Board of Elections was firm: “…”"
        start = head_start + comma + 1
        while start < span.open_mark and a.text[start] in " \t":
            start += 1
    if a.text.startswith(("the ", "The "), start) and a.ctx.mention_starting(start + 4):
        start += 4
    mention = a.ctx.mention_starting(start)
    if mention is not None and mention.possessive:
        if not _REPLY_IS.match(a.text, mention.end):
            return None
        return a.ctx.from_mention(mention), None
    toks = a.doc.tokens_between(start, span.open_mark)
    k = 0
    if mention is not None:
        while k < len(toks) and toks[k].start < mention.end:
            k += 1  # "the Board of Elections was firm": past the whole name
    while k < len(toks):
        tok = toks[k]
        if tok.text == "," and k > 0:
            # "Mitch Roe, R-Ky., delivered", "Tom Ridge, a former minister, put it"
            reach = range(k + 1, min(len(toks), k + 12))
            close = next((m for m in reach if toks[m].text == ","), None)
            if close is None:
                return None
            k = close + 1
            continue
        if tok.text.isalpha() and tok.text.islower():
            if tok.low in lx.TITLE_WORDS or tok.low in lx.PERSON_NOUNS:
                k += 1
                continue
            ahead = _role_words_before_name(toks, k)
            if ahead is not None:
                k = ahead  # "Former Republican presidential candidate Jo Roe broke down…"
                continue
            break
        if not (tok.text[:1].isupper() or tok.text in ".-’'"):
            return None
        k += 1
    if k == 0 or k >= len(toks) or toks[k].low in _NOT_VERBS:
        return None
    speaker = a.ctx.subject_before(toks[k].start, start)
    if speaker is None or speaker.name is None:
        return None
    lead = a.text[start : max(start, speaker.mention_start)]
    if "," in lead or len(lead.split()) > 4:
        return None  # "Senate leader Mitch Roe" may stand before the name, no more
    if speaker.type not in (PERSON, ORGANISATION) and speaker.rule != "pronoun":
        return None
    return speaker, None


def _role_words_before_name(toks: list[Token], k: int) -> int | None:
    """Where a capitalised name starts after one to three lower-case words of a role
    at ``toks[k]`` ("presidential candidate Jo Roe"), none of them a verb; else None."""
    j = k
    while j < len(toks) and j - k < 3:
        tok = toks[j]
        if not (tok.text.isalpha() and tok.text.islower()):
            break
        if _finite_verb(tok.low) or tok.low in _NOT_VERBS or tok.low in lx.NOT_NAMES:
            return None
        j += 1
    if j == k or j >= len(toks) or not toks[j].text[:1].isupper():
        return None
    return j


_TITLE_WORD = re.compile(r"[A-Za-z][\w’'\-]*")
_SMALL_WORDS = lx.load("quotation-small-words")


# "As Jo Roe put it in a memo to staff, “…”": the idiom names the speaker.
_AS_PUT_IT = re.compile(
    r"(?:(?:[Aa]nd|[Bb]ut|[Oo]r|[Ss]o)[ \t,]+)?[Aa]s[ \t]+"
    r"(?P<who>[^,;:“”\"]{2,80}?(?:,[^,;:“”\"]{2,80},)?)"
    r"[ \t]+(?:has[ \t]+|had[ \t]+|once[ \t]+)?puts?[ \t]+it\b[^;:“”\"]{0,120},[ \t]*$"
)


@rule(
    "as_put_it_quote",
    QUOTATION,
    "“as … put it” names the speaker before the quotation",
    ("As the chief executive, Jo Roe, put it in a memo to staff, “We will grow.”",),
)
def as_put_it_quote(a: Attributor, span: QuoteSpan) -> Found | None:
    """ "As Jo Roe put it, “…”": no verb of saying, but the idiom says who speaks."""
    head_start, before = a._lead_before(span)
    match = _AS_PUT_IT.match(before)
    if match is None:
        return None
    who = head_start + match.start("who")
    end = head_start + match.end("who")
    # "the Acme chief executive, Jo Roe,": the name set off by commas, else the first.
    mentions = [m for m in a.ctx._mentions_between(who, end) if m.end <= end]
    people = [m for m in mentions if m.type in (PERSON, "unknown") and not m.possessive]
    if not people:
        return None
    return a.ctx.from_mention(people[-1]), None


@rule(
    "title_case_lead",
    QUOTATION,
    "a line in title case names the speaker and a verb before the quotation",
    (
        "Tom Hale Said Reform Must Come From The Industry Itself. “Remember what the"
        " old mayor did. He took on the excesses.”",
    ),
)
def title_case_lead(a: Attributor, span: QuoteSpan) -> Found | None:
    """A summary line in title case before its quotation, as lists of remarks set
    them: "Clinton Said Reform “Has To Come From The Industry.” “…”"."""
    head_start, before = a._lead_before(span)
    words = _TITLE_WORD.findall(before)
    if len(words) < 4 or len(words) > 40:
        return None
    capitalised = [w for w in words if w[0].isupper()]
    if len(capitalised) < 0.8 * len([w for w in words if w.lower() not in _SMALL_WORDS]):
        return None
    for k in range(1, len(words)):
        low = words[k].lower()
        if not words[k][0].isupper() or not (low in lx.SPEECH_FORMS or low.endswith("ed")):
            continue
        for size in (3, 2, 1):
            if k - size < 0:
                continue
            name = " ".join(words[k - size : k])
            entity = a.ctx.entities.named(name)
            at = head_start + max(0, before.find(words[k - size]))
            if entity is not None and entity.type == PERSON:
                role = entity.roles[0] if entity.roles else None
                return Speaker(entity.name, PERSON, name, at, role, "name", entity), None
            if size == 2 and words[k - 2].lower() in lx.FIRST_NAMES:
                # "Tom Nides Thanked Clinton…": a first name and a surname.
                return Speaker(name, PERSON, name, at, None, "name"), None
        return None
    return None


@rule(
    "speaker_colon_quote",
    QUOTATION,
    "the speaker is named just before a colon and the quotation",
    ("The decision did not surprise analyst Maria Lopez: “Nobody wanted to buy.”",),
)
def speaker_colon_quote(a: Attributor, span: QuoteSpan) -> Found | None:
    """ "… doesn’t surprise pollster Daron Shaw: “Historically, …”"."""
    head_start, before = a._lead_before(span)
    if not before.strip():
        return None
    colon = re.search(r"(?:\s*\([^()]{1,30}\))?:\s*$", before)  # "Rep. Jo Roe (R-S.C.):"
    # Only with no verb of saying in sight: "told the Cabinet: “…”" names the listener.
    if not colon or a._cues_between(head_start, span.open_mark):
        return None
    mention = a.ctx.mention_ending(head_start + colon.start())
    if mention is None or mention.type not in (PERSON, "unknown", ORGANISATION):
        return None
    if _listener_before(a.text[max(0, mention.start - 60) : mention.start]):
        return None
    return a.ctx.from_mention(mention), None


_LISTENER_PREPOSITIONS = frozenset(("to", "for", "with", "at"))
_LISTENER_DETERMINERS = frozenset(("the", "a", "an", "his", "her", "its", "their"))


def _listener_before(before: str) -> bool:
    """Whether the words before a name put it after "to" (or "for", "with", "at"),
    directly or through a short description: "explained it to the Dutch newspaper
    NRC:" names the listener, not the speaker."""
    words = before.split()[-5:]
    k = len(words) - 1
    # "the local newspaper", "the Dutch daily": lowercase words and nationalities.
    while (
        k >= 0
        and len(words) - k <= 3
        and (words[k].islower() or words[k].lower() in lx.NATIONALITIES)
    ):
        low = words[k].lower()
        if low in _LISTENER_PREPOSITIONS:
            return True
        if low in _LISTENER_DETERMINERS:
            return k > 0 and words[k - 1].lower() in _LISTENER_PREPOSITIONS
        k -= 1
    return False


# Words that may open a sentence before its subject: "As Ruiz puts it:", "But she was blunt:".
_SENTENCE_OPENERS = lx.load("quotation-sentence-openers")
_POSSESSIVE_PRONOUNS = {"his": "he", "her": "she"}


@rule(
    "colon_sentence_about_speaker",
    QUOTATION,
    "the sentence a colon ends is about the speaker, and the quotation completes it",
    ("Ruiz remembers his first race:\n\n“I fell twice before the first bend.”",),
)
def colon_sentence_about_speaker(a: Attributor, span: QuoteSpan) -> Found | None:
    """ "Ruiz played down his chances: “…”", "As Ruiz puts it: “…”", "Her answer was
    simple: “…”": a person opens the sentence, and no verb of saying names anyone.
    The colon may end the paragraph before a quotation that opens its own."""
    head_start, before = a._lead_before(span)
    end = span.open_mark
    if not before.strip() and span.paragraph > 0:
        # "Grace Mbeki remembers her first day:" ending the paragraph before.
        prev = a.doc.paragraphs[span.paragraph - 1]
        head_start, end, before = a._sentence_start(prev.end - 1), prev.end, a.text[prev.end - 1]
    if not before.rstrip().endswith(":") or a._cues_between(head_start, end):
        return None
    toks = a.doc.tokens_between(head_start, end, limit=21)
    if len(toks) > 20:
        return None
    first = 0
    while first < len(toks) - 1 and toks[first].low in _SENTENCE_OPENERS:
        first += 1
    tok = toks[first]
    if tok.low in ("he", "she") or tok.low in _POSSESSIVE_PRONOUNS:
        speaker = a.ctx.resolve_pronoun(
            replace(tok, low=_POSSESSIVE_PRONOUNS.get(tok.low, tok.low))
        )
        return (speaker, None) if speaker.name is not None else None
    mention = a.ctx.mention_starting(tok.start)
    if mention is None or mention.type not in (PERSON, "unknown"):
        return None
    after = next((t for t in toks if t.start >= mention.end), None)
    if mention.type == "unknown" and (after is None or not after.text.islower()):
        return None  # "Wait, it gets better:": a word, not a name, opens the sentence
    return a.ctx.from_mention(mention), None


@rule(
    "quote_dash_line_speaker",
    QUOTATION,
    "the speaker is named after a dash",
    ("“Never give up on the people you love.”\n\n— Helen Ward",),
    stores="quote_dash_speaker",
)
def quote_dash_line_speaker(a: Attributor, span: QuoteSpan) -> Found | None:
    """A quotation paragraph signed on the next line: “…” / — President Obama, tweeting.
    A pulled quotation may be signed inside its marks: “… / Jo Roe, an economist.”"""
    paragraphs = a.doc.paragraphs
    if span.paragraph + 1 >= len(paragraphs):
        return None
    if a.text[span.outer_end : paragraphs[span.paragraph].end].strip():
        return None
    following = paragraphs[span.paragraph + 1]
    line = a.text[following.start : following.end]
    if span.close_mark is None:
        # signed inside the marks: the line under it closes them
        if not line.rstrip().endswith(('"', "”")):
            return None
        name_at = following.start
    else:
        dash = re.match(r"[—–―-]\s*", line)
        if not dash:
            return None
        name_at = following.start + dash.end()
    mention = a.ctx.mention_starting(name_at)
    if mention is None or mention.type not in (PERSON, "unknown"):
        return None
    if mention.type == "unknown" and _LOWERCASE_WORD.match(a.text, mention.end):
        # "- Listen to the full interview…": a line of the page that opens with a
        # verb, not a signature.
        return None
    return a.ctx.from_mention(mention), None


_LOWERCASE_WORD = re.compile(r"[ \t]+[a-z]")


@rule(
    "cue_in_previous_sentence",
    UNATTRIBUTED,
    "the sentence before names the speaker with a verb of saying",
    ("David Cole stressed the need for caution. “We cannot rush this.”",),
)
def cue_in_previous_sentence(a: Attributor, span: QuoteSpan) -> Found | None:
    """He emphasized the need for action. “We will act.”"""
    doc = a.doc
    sent_index = doc.sentence_index(span.open_mark)
    if sent_index == 0:
        return None
    sent = doc.sentences[sent_index]
    if sent.start < span.open_mark and a.text[sent.start : span.open_mark].strip():
        return None
    prev = doc.sentences[sent_index - 1]
    aside = _aside_opening(a, prev.start, prev.end)
    if aside is not None:
        # "Roe spoke about the case. (The law requires … .) “…”": the aside in
        # brackets is the writer's, and the sentence before it introduces the quotation.
        index = doc.sentence_index(aside)
        if index == 0 or doc.sentences[index].start != aside:
            return None
        prev = doc.sentences[index - 1]
    if doc.paragraph_index(prev.start) < span.paragraph - 1:
        return None
    if a._closes_within(prev.start, prev.end):
        return None
    candidates = [c for c in a._cues_between(prev.start, prev.end) if not c.participle]
    if not candidates:
        return None
    cue = candidates[0]
    speaker = a.ctx.subject_before(cue.start, prev.start)
    if speaker is None or speaker.name is None:
        return None
    return speaker, cue


def _aside_opening(a: Attributor, start: int, end: int) -> int | None:
    """Where the bracket opens that the sentence at text[start:end] closes, when
    the sentence ends an aside in brackets that opened at most 600 characters before."""
    stripped = a.text[start:end].rstrip()
    if not stripped.endswith((")", ").")):
        return None
    close = start + stripped.rfind(")")
    opening = a.text.rfind("(", max(0, start - 600), close)
    if opening < 0 or ")" in a.text[opening:close]:
        return None
    return opening


@rule(
    "same_speaker_as_previous_quote",
    UNATTRIBUTED,
    "it continues the quotation before it, with no new speaker",
    (
        "“The match was hard,” said Laura Finch. The crowd cheered."
        " “We earned the win and we will enjoy it.”",
    ),
)
def same_speaker_as_previous_quote(a: Attributor, span: QuoteSpan) -> Found | None:
    """A quotation with no cue of its own continues the last quoted speaker."""
    doc = a.doc
    for claim in a.claims_ending_by(span.start):
        if claim.kind != DIRECT and not a._quotes_within(claim):
            continue
        gap = span.paragraph - doc.paragraph_index(claim.start)
        if gap > 1 and not _only_stage_directions(a, doc.paragraph_index(claim.start), span):
            return None
        if claim.speaker is None or claim.speaker.name is None:
            return None
        same_sentence = doc.sentence_index(claim.outer_end) == doc.sentence_index(span.open_mark)
        if not same_sentence and a._another_speaker(claim, span.open_mark):
            return None
        if not same_sentence and gap == 1:
            about = _narrated_after(a, claim, span)
            if about is not None and (
                about.entity is None or about.entity is not claim.speaker.entity
            ):
                return None  # the sentence in between names who speaks next
        return claim.speaker, None
    return None


def _narrated_after(a: Attributor, claim: Claim, span: QuoteSpan) -> Speaker | None:
    """ "“…,” Mr Roe charged. But Ms Day was relentless. / “…”": the person the
    sentence closing a quotation's paragraph is about, when the next paragraph opens
    on a quotation with no speaker of its own."""
    prev = _sentence_before_quote(a, span)
    if prev is None or prev.start < claim.outer_end:
        return None
    return _about(a, prev)


def _only_stage_directions(a: Attributor, before: int, span: QuoteSpan) -> bool:
    """Whether at most two paragraphs of a few words, with no quotation and no name,
    stand between a quotation and the one before: "“…” / She pauses. / “…”"."""
    between = a.doc.paragraphs[before + 1 : span.paragraph]
    return 0 < len(between) <= 2 and all(
        len(a.text[p.start : p.end].split()) <= 5
        and not a._span_opens_within(p.start, p.end)
        and not any(_names_someone(a, t.start) for t in a.doc.tokens_between(p.start, p.end))
        for p in between
    )


def _names_someone(a: Attributor, start: int) -> bool:
    mention = a.ctx.mention_starting(start)
    return mention is not None and (mention.type != "unknown" or len(mention.tokens) > 1)


_FINITE = lx.load("attribute-finite")


def _finite_verb(word: str) -> bool:
    """Whether a lower-case word right after a name looks like its verb: "is",
    "feels", "spent", "remembered"."""
    return (
        word.isalpha()
        and word.islower()
        and (word in _FINITE or (word.endswith(("s", "ed")) and word not in _NOT_VERBS))
    )


@rule(
    "sentence_about_speaker",
    UNATTRIBUTED,
    "the sentence before, with no quotation and no verb of saying, is about the speaker",
    ("Edith Lowe is blunt about the mill. “It lied to us for decades.”",),
)
def sentence_about_speaker(a: Attributor, span: QuoteSpan) -> Found | None:
    """ "Hollis is blunt about it. “…”": a short sentence that opens on a person and
    holds no quotation and no verb of saying, then a quotation that opens a sentence
    of its own with no speaker named."""
    prev = _sentence_before_quote(a, span)
    if prev is None:
        return None
    if a.doc.paragraph_index(prev.start) != span.paragraph:
        # Across paragraphs only after a quotation of the paragraph before.
        claim = next(
            (c for c in a.claims_ending_by(span.start) if c.kind == DIRECT or a._quotes_within(c)),
            None,
        )
        if claim is None or a.doc.paragraph_index(claim.start) != span.paragraph - 1:
            return None
        about = _narrated_after(a, claim, span)
    else:
        about = _about(a, prev)
    return None if about is None else (about, None)


def _sentence_before_quote(a: Attributor, span: QuoteSpan) -> Span | None:
    """The sentence before a quotation that opens a sentence of its own, if any."""
    doc = a.doc
    sent_index = doc.sentence_index(span.open_mark)
    sent = doc.sentences[sent_index]
    if sent_index == 0 or (
        sent.start < span.open_mark and a.text[sent.start : span.open_mark].strip()
    ):
        return None
    return doc.sentences[sent_index - 1]


def _about(a: Attributor, prev: Span) -> Speaker | None:
    """The person a short sentence with no quotation and no verb of saying opens on
    ("Edith Lowe is blunt about the mill."), named in full or with an honorific."""
    doc = a.doc
    if a._span_opens_within(prev.start, prev.end) or a._cues_between(prev.start, prev.end):
        return None
    toks = doc.tokens_between(prev.start, prev.end, limit=21)
    if len(toks) > 20 or not toks:
        return None
    first = 0
    while first < len(toks) - 1 and toks[first].low in _SENTENCE_OPENERS:
        first += 1
    mention = a.ctx.mention_starting(toks[first].start)
    if mention is None or mention.type not in (PERSON, "unknown") or mention.possessive:
        return None
    after = next((t for t in toks if t.start >= mention.end), None)
    if after is None or not _finite_verb(after.low):
        return None  # "Hours later Sir Edward's hopes…": no verb after the name
    speaker = a.ctx.from_mention(mention)
    known = speaker.entity.speaker_type if speaker.entity is not None else speaker.type
    if known != PERSON or speaker.name is None:
        return None
    if " " not in speaker.name and not a.text[mention.start : mention.end].startswith(_HONORIFICS):
        return None  # a single word that opens a sentence may be no name ("Time will tell")
    return speaker


_HONORIFICS = ("Mr ", "Mrs ", "Ms ", "Dr ", "Mr. ", "Mrs. ", "Ms. ", "Dr. ", "Sir ", "Dame ")


@rule(
    "same_speaker_as_next_quote",
    UNATTRIBUTED,
    "its closing mark is left out, and the quotation right after it names its speaker",
    (
        "The crowd sang long after the match. “It was hard and we earned the win."
        " “We will enjoy it tonight,” said Laura Finch.",
    ),
)
def same_speaker_as_next_quote(a: Attributor, span: QuoteSpan) -> Found | None:
    """ "“It was hard. “We will enjoy it,” she said.": a quoted sentence whose
    closing mark was left out, with the next quotation of the paragraph opening
    right after it, is the same speaker's, named after that one. It is asked
    once every quotation has its speaker, so the next one's is known."""
    if span.close_mark is not None:
        return None
    k = bisect_right(a._open_marks, span.open_mark)
    if k >= len(a.spans):
        return None
    nxt = a.spans[k]
    if nxt.paragraph != span.paragraph or a.text[span.end : nxt.open_mark].strip():
        return None
    for claim in a._claims_touching(nxt.start):
        if claim.start != nxt.start or claim.kind != DIRECT:
            continue
        speaker, cue = claim.speaker, claim.cue
        if speaker is None or speaker.name is None or cue is None or cue.start < nxt.end:
            return None  # only a speaker named after the quotation speaks both
        return speaker, cue
    return None


@rule(
    "unattributed",
    UNATTRIBUTED,
    "no speaker could be found",
    ("The notice on the door was short.\n\n“We are closed for the season and reopen in May.”",),
)
def unattributed(a: Attributor, span: QuoteSpan) -> Found | None:
    """The quotation is kept, with no speaker."""
    return None, None
