"""Who is doing the saying: find the speaker phrase next to a cue and resolve it.

A speaker phrase is a name ("Mike Waltz"), a pronoun ("he"), or a role noun
phrase ("the company", "Trump’s national security advisor", "officials").
Pronouns and role nouns are resolved to the article's entities where the text
allows it; otherwise they stay what they are (an anonymous "spokesman").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from operator import attrgetter
from typing import TypeGuard

from quotecli.extract import lexicon as lx
from quotecli.extract.document import Document, Token
from quotecli.extract.entities import Entities, Entity, clean_role, holds, spelt_out
from quotecli.extract.mentions import Mention, nominal_type, singular_noun
from quotecli.model import ANONYMOUS, GROUP, ORGANISATION, PERSON

_MENTION_START = attrgetter("mention_start")

_DETERMINERS = lx.load("subjects-determiners")
_SUBJECT_REACH = 200
# Words ending in -ly that are not adverbs: "the family said" is not "the, quickly, said".
_LY_NOUNS = lx.load("subjects-ly-nouns")
_NUMBERS = lx.load("subjects-numbers")
_CAUSATIVES = lx.load("subjects-causative-verbs")
# Words that deny a subject: "No one said", "None of them said", "Neither man said".
_NEGATIONS = frozenset(("no", "not", "none", "neither", "nobody", "never"))
_DENIED_BEFORE = re.compile(
    rf"(?<![\w’'])(?:{'|'.join(sorted(_NEGATIONS))})"
    r"(?:\s+(?:of|the|a|single|one|these|those))*\s+$",
    re.IGNORECASE,
)
_PLACE_PREPOSITIONS = lx.load("subjects-place-prepositions")
_LINKS = lx.load("subjects-links")
_NOT_ROLE_WORDS = lx.load("subjects-not-role-words")
_CLAUSE_END = re.compile(r"\s*(?:[,.;:!?)\u201d\"]|\Z)")
# Prepositions that end a role's words: "figures gathered by", "deaths of journalists under".
_ROLE_ENDS = lx.load("attribute-prepositions") | {"under", "about", "against"}
# Endings of abstract nouns, never a name: "Speculation", "Investment".
# (Not "-ity", "-ness", "-ence", "-ment": Hannity, Souness, Spence, Clement.)
_ABSTRACT_ENDINGS = ("tion", "sion", "ism")
# How many sentences a pronoun's antecedent is looked for in, quoted ones included.
_PRONOUN_REACH = 20
# Participles that open an aside between a name and its verb.
_PARTICIPIAL_ASIDES = frozenset(
    ("asked", "pressed", "questioned", "interviewed", "speaking", "writing", "responding")
)
_OF_PREPOSITIONS = lx.load("subjects-of-prepositions")
# Verbs of putting a question to someone: whom they name answers next.
_ASKING_VERBS = frozenset(("asked", "pressed", "questioned", "quizzed", "interviewed"))
# Words that may stand for a whole subject of people: "Several said", "Others insist".
_QUANTIFIERS = lx.load("subjects-quantifiers")


@dataclass(frozen=True, slots=True)
class Speaker:
    """A resolved speaker: what the text says and whom it means."""

    name: str | None  # canonical name, or None when it cannot be known
    type: str | None
    mention: str  # the words in the text: "He", "Waltz", "the company"
    mention_start: int
    role: str | None
    rule: str  # how the mention was resolved: name, pronoun, role_noun, ...
    entity: Entity | None = None

    def with_role(self, role: str | None) -> Speaker:
        """This speaker as described here ("chief economist at the bank"), noted on the entity."""
        described = role
        role = clean_role(role)
        if role and self.entity is not None:
            self.entity.add_role(role)
            if self.entity.gender is None and self.entity.type in (PERSON, "unknown"):
                # "Attallah Shabazz, the daughter of…": what "she" may mean later.
                self.entity.gender = _gender_of_role(role)
            if self.entity.type == "unknown" and _names_a_body(described or ""):
                # "Acme, the carmaker, said": a body, not a person.
                self.entity.type = ORGANISATION
                return replace(self, type=ORGANISATION, role=role)
        return replace(self, role=role)


def _role_head(role: str) -> str:
    """The head word of a role: "daughter" in "the daughter of X", "chief" in
    "Bank of Japan chief"."""
    words = role.lower().split()
    if words and (words[-1] in lx.TITLE_WORDS or words[-1] in lx.PERSON_NOUNS):
        return words[-1]
    phrase = _ROLE_PHRASE_END.split(role.lower(), maxsplit=1)[0].split()
    return phrase[-1] if phrase else ""


def _body_word(word: str) -> bool:
    """A noun only a body is called: "firm", "giant", "carmaker" (not "producer",
    "chairman", "head", which may be a person's)."""
    if word in _BODY_AGENTS:
        return True
    return (
        word in lx.ORG_NOUNS
        and not word.endswith(("er", "or"))
        and word not in lx.PERSON_NOUNS
        and word not in lx.TITLE_WORDS
    )


def _names_a_body(role: str) -> bool:
    """Whether a role set beside a name says it is a body's: "the carmaker", "a
    Dutch retailer", "the country's biggest bank" (not "a senior broadcaster with
    CBS" or "Film-maker", which are people's)."""
    words = role.lower().split()
    if not words or words[0] not in _BODY_ROLE_OPENERS:
        return False
    return _body_word(_role_head(role))


def _gender_of_role(role: str) -> str | None:
    """ "m" or "f" when a role's head is a word for a man or a woman ("the
    daughter of activist Malcolm X", "his brother"), else None."""
    word = _role_head(role)
    return "m" if word in _MALE_NOUNS else "f" if word in _FEMALE_NOUNS else None


_CONTRACTION = re.compile(r"[’'](?:d|s|ll|re|ve|m)$")


def pronoun_of(word: str) -> str:
    """The pronoun in a contraction: "she’d" -> "she"; other words unchanged."""
    if "’" not in word and "'" not in word:
        return word  # most words: no search
    return _CONTRACTION.sub("", word)


_AGENT_SINGULAR = re.compile(r"[a-z]+(?:ist|ian|ator|eur)")
_AGENT_PLURAL = re.compile(
    r"[a-z]+(?:ists|ers|ians|ors)|(?:resid|stud|particip|oppon|immigr|par|consult|assist|applic)"
    r"(?:ents|ants)|representatives"
)


def is_head_noun(word: str) -> bool:
    low = word.lower()
    if nominal_type(low, plural=False):
        return True
    # "lobbyists", "voters", "historians", "residents", "bosses": people in the plural.
    one = singular_noun(low)
    return (one != low and one in lx.PERSON_NOUNS) or bool(_AGENT_PLURAL.fullmatch(low))


# "London-based", "Paris-born": a capitalised place and a lowercase participle.
_PLACE_MODIFIER = re.compile(r"[A-Z][\w’'.]*-[a-z]+")
_PLACE_MODIFIER_ENDS = lx.load("subjects-place-participles")


def _place_based(word: str) -> bool:
    """ "Canada-based", "Leeds-born": where someone or something is, not whose."""
    return (
        _PLACE_MODIFIER.fullmatch(word) is not None
        and word.rsplit("-", 1)[1] in _PLACE_MODIFIER_ENDS
    )


def _compound_head_follows(toks: list[Token], i: int) -> bool:
    """Whether the role noun at ``i`` only modifies the one after it: "union
    officials", "government sources", "opposition MPs"."""
    if i + 1 >= len(toks):
        return False
    word = toks[i + 1].text
    return (word.islower() or _plural_initials(word)) and word.isalpha() and is_head_noun(word)


def _plural_initials(word: str) -> bool:
    """ "MPs", "MEPs": initials made plural, a role noun like "ministers"."""
    return len(word) > 2 and word.endswith("s") and word[:-1].isupper()


def _paired_modifier(ctx: Context, toks: list[Token], head: int) -> Mention | None:
    """The first of two places or bodies joined by "and" before a plural head:
    "Israeli and Palestinian officials", "White House and Pentagon spokesmen"."""
    if head < 3 or not toks[head].low.endswith(("s", "men", "people")):
        return None
    second = ctx.mention_ending(toks[head - 1].end)
    if second is None or second.possessive or second.type not in ("place", ORGANISATION):
        return None
    k = head - 1
    while k > 0 and toks[k].start > second.start:
        k -= 1
    if k < 2 or toks[k - 1].low != "and":
        return None
    first = ctx.mention_ending(toks[k - 2].end)
    if first is None or first.possessive or first.type not in ("place", ORGANISATION):
        return None
    return first


def nominal(
    ctx: Context, toks: list[Token], head: int, through: int | None = None
) -> Speaker | None:
    """A role noun phrase ending at ``toks[head]``: "the company", "officials".

    ``through`` is where the phrase ends when words follow the head noun
    ("lawyers for the family").
    """
    head_tok = toks[head]
    first = head
    # "spokesman for the ministry": the person, not the ministry, is speaking.
    i = head - 1
    while i >= 0 and toks[i].low in _DETERMINERS:
        i -= 1
    if i >= 1 and toks[i].low in _LINKS and is_head_noun(toks[i - 1].text):
        first = head = i - 1
        head_tok = toks[head]
    if (
        through is not None
        and (head_tok.low in lx.SPEECH_NOUNS or head_tok.low in _DOCUMENT_NOUNS)
        and head + 1 < len(toks)
        and toks[head + 1].low in _ISSUED_BY
    ):
        # "A statement from Acme said", "a letter by the senator's lawyers": who
        # issued it speaks, not the paper.
        issuer = ctx.mention_ending(through)
        if issuer is not None and not issuer.possessive and issuer.type != "place":
            return ctx.from_mention(issuer, "role_noun")
    i = head - 1
    possessor: Mention | None = None
    paired = _paired_modifier(ctx, toks, head)  # "Israeli [and Palestinian] officials"
    while i >= 0 and head - i <= 5:
        tok = toks[i]
        if tok.low in ("’s", "'s", "’", "'"):
            possessor = ctx.mention_ending(tok.start)
            if possessor:
                first = i
            break
        mention = ctx.mention_ending(tok.end)
        if mention is None and tok.low.endswith(("’s", "'s")):
            # "Chelsea’s statement said", "Gore’s close friends said": whose they
            # are (the name and its mark are one token).
            mention = ctx.mention_ending(tok.end - 2)
        if mention and (
            mention.possessive
            # "the FAO report", "the Ofsted chief": a name before the noun owns it
            # (when it is the whole name: not "Pops" in "Top of the Pops").
            or (
                # "the Usdaw trade union": lowercase words may stand between the
                # name and an organisation noun.
                # ("The U.N. refugee agency": the name's own capital, not its full stop's)
                (
                    i == head - 1
                    or (head_tok.low in lx.ORG_NOUNS and ctx.text[mention.start].isupper())
                )
                and (
                    mention.type == ORGANISATION
                    or (
                        mention.type == "unknown"
                        # "a Microsoft spokesman", as "an IBM spokesman": whose
                        # spokesman the name right before says.
                        and (i < head - 1 or head_tok.low in lx.ANONYMOUS_NOUNS)
                        and ctx.names_a_body(mention)
                    )
                )
                and _whole_name_before(ctx.text, mention.start)
            )
        ):
            possessor, first = mention, i
            break
        if tok.low in _DETERMINERS:
            if tok.low == "that" and toks[first].low in _DETERMINERS and first < head:
                break  # "the week that the company announced": "that" opens a clause
            first = i
            i -= 1
            continue
        if (
            tok.low in ("and", "or")
            and 0 < i < head - 1  # "politicians and campaigners" joins two heads
            and toks[i - 1].text.isalpha()
            and toks[i - 1].text.islower()
            and toks[i - 1].low not in _DETERMINERS
            # "unfunded mandates and teachers unions": a plural before "and" is a head
            and not toks[i - 1].low.endswith("s")
            and toks[first].low not in _DETERMINERS
        ):
            # "the clothing and home furnishing retailer": modifiers joined by "and".
            first = i
            i -= 1
            continue
        word = _CONTRACTION.sub("", tok.text)
        if toks[first].low in _DETERMINERS:
            break  # "met the men": a determiner opens the phrase
        if i == head - 1 and i > 0 and toks[i - 1].low in ("the", "its") and _place_based(word):
            first = i  # "the Canada-based company": where it is, not whose it is
            i -= 1
            continue
        if word.isalpha() and (
            (word.islower() and tok.low not in lx.NOT_NAMES)
            or (tok.low in lx.NATIONALITIES and head_tok.low in lx.ORG_NOUNS)
        ):
            first = i  # "state lobbyists", "the prime minister’s spokesman", "a Muslim group"
            i -= 1
            continue
        break
    start = possessor.start if possessor is not None else toks[first].start
    surface = ctx.text[start : through or head_tok.end]
    low = head_tok.low
    one = low[:-1] if low.endswith("s") else low
    if one not in lx.SPEAKER_NOUNS and singular_noun(low) in lx.PERSON_NOUNS:
        one = singular_noun(low)  # "bosses", "coaches", "wives"
    plural = one != low and low not in lx.ANONYMOUS_NOUNS and one in lx.SPEAKER_NOUNS
    type_ = nominal_type(one if plural else low, plural) or nominal_type(low, False) or GROUP
    words = [
        t.text
        for t in toks[first : head + 1]
        if t.low not in _DETERMINERS and not ctx.mention_ending(t.end)
    ]
    # The possessor ("the governor’s") is not part of the role, but how a source
    # nobody holds is named keeps it: "the prime minister’s spokesman".
    # A plural's possessive mark stands alone ("the Tories' campaign director").
    role_phrase = " ".join(
        w for w in words if not _CONTRACTION.search(w) and w not in ("’s", "'s", "’", "'")
    )
    described = " ".join(words)
    # "Lib Dem spokesman Vince Cable said … . The Lib Dem spokesman added": an
    # unnamed source's noun is someone's only when the phrase says whose.
    qualified = type_ == ANONYMOUS and " " in role_phrase and not plural
    if (type_ == PERSON and role_phrase) or qualified:
        entity = ctx.entities.with_role(role_phrase)
        # "the minister", "the Tory leader", "the Man Utd boss"
        the = next((t for t in toks[max(0, first - 3) : first + 1] if t.low == "the"), None)
        if (
            entity is None
            and type_ == PERSON
            and the is not None
            and (low in lx.TITLE_WORDS or low in _STAGE_NOUNS)
            # "the United boss": a club named before the title is no possessor.
            and (possessor is None or not possessor.possessive)
            and not set(role_phrase.lower().split()) & _ONE_HOLDER_TITLES
        ):
            # "Ms Hewitt said … . The minister added…": a title never given to
            # anyone here is the person the text was about before this sentence;
            # "the Tory leader" is whoever was written "Tory leader" before a name.
            entity = ctx.lower_role_holder(ctx.text[the.end : head_tok.end].strip())
            entity = entity or ctx.title_holder(ctx.doc.sentence_at(the.start).start, low)
        elif (
            entity is None
            and the is not None
            and possessor is None
            and ctx.text[the.start : head_tok.end].lower() in _LEAD_TITLES
        ):
            # "Gordon Brown has frozen fuel duty. … The chancellor said…": an office
            # with one holder, given to no one here, is held by the person the
            # report opens with, when nothing known of them rules it out.
            entity = ctx.lead_person(ctx.text[the.start : head_tok.end].lower()[4:], the.start)
        if entity is not None:
            return Speaker(entity.name, PERSON, surface, start, role_phrase, "role_noun", entity)
    opening = first
    while opening < head and toks[opening].low in _DETERMINERS:
        opening += 1
    # "the Mexican government": described by whose it is, so no other body.
    # ("the Canada-based company" is the one named before, as "the company" is.)
    by_capital = possessor is None and any(
        t.text[:1].isupper() and not _place_based(t.text) for t in toks[opening:head]
    )
    if type_ == ORGANISATION and low in lx.ORG_NOUNS:
        # "The company said": the organisation named before, or a name of no
        # known kind that is not a person ("Yukos"), else nobody in particular.
        # "The FAO report said": the organisation that owns it.
        entity = None
        if (
            possessor is not None
            and low in _AD_HOC_BODIES
            and possessor.name.rsplit(None, 1)[-1].lower() in _CHAMBERS
        ):
            # "the Commons work and pensions committee", "the Senate panel": a
            # committee of a chamber speaks for itself, not for the chamber.
            phrase = ctx.text[possessor.start : head_tok.end]
            return Speaker(phrase, ORGANISATION, surface, start, None, "role_noun")
        if possessor is not None:
            owner = ctx.entities.entity_at(possessor.start)
            if owner is not None and owner.type in (ORGANISATION, "unknown"):
                entity = owner
            elif owner is not None and owner.type == PERSON and possessor.possessive:
                if low in lx.SPEECH_NOUNS or low in _DOCUMENT_NOUNS:
                    # "Mr Blair's statement said": the person who made it.
                    return Speaker(owner.name, PERSON, surface, start, None, "role_noun", owner)
                # "Mr Spitzer's office added", "Sanders' campaign says": a body
                # that speaks for the person, named after them.
                name = f"{role_phrase or low} of {owner.name}"
                return Speaker(name, ORGANISATION, surface, start, None, "role_noun")
            elif possessor.possessive and possessor.type == "place":
                # "Germany's BdB banks association said": the body named inside the
                # phrase; "the UK's spending watchdog said": the body so described.
                for tok in toks[first + 1 : head]:
                    inner = ctx.mention_starting(tok.start)
                    if inner is not None and inner.type in (ORGANISATION, "unknown"):
                        return ctx.from_mention(inner, "role_noun")
                phrase = ctx.text[possessor.start : head_tok.end]
                return Speaker(phrase, ORGANISATION, surface, start, None, "role_noun")
        elif toks[first].low in ("his", "her"):
            # "His campaign said": the body that speaks for the person meant.
            owner = ctx.owner_of(toks[first])
            if owner is not None:
                name = f"{role_phrase or low} of {owner.name}"
                return Speaker(name, ORGANISATION, surface, start, None, "role_noun")
        elif toks[first].low in ("the", "its") and not by_capital:
            # "the Mexican government", "the German club": described as no body
            # named before (the U.S., the Champions League) could be.
            if low in _DOCUMENT_NOUNS:
                # "the Acme report" tied to its body; else "Oxfam says in a report… .
                # …, the report says": the body that spoke last, not the last named.
                # (the phrase's own word too: "The report, published by Acme, said")
                entity = ctx._document_owner(head_tok.end, low)
                if low not in _ADVERTS:
                    entity = entity or ctx.recent_speaking_body(toks[first].start)
            if low not in _ADVERTS:
                # An advert's target is named near it as often as whoever paid for it,
                # so only a tie to its sponsor names an advert's.
                entity = entity or ctx.recent_entity(
                    toks[first].start, (ORGANISATION, "unknown"), low
                )
        if entity is not None:
            entity.type = ORGANISATION  # "Yukos … the company said": now we know what Yukos is
            return Speaker(entity.name, ORGANISATION, surface, start, None, "role_noun", entity)
        if head > 0:
            named = ctx.mention_ending(toks[head - 1].end)
            if named is not None and not named.possessive and named.type in (PERSON, "unknown"):
                owner = ctx.entities.entity_at(named.start)
                if low in _DOCUMENT_NOUNS and owner is not None and owner.type == PERSON:
                    # "a Clinton ad", "the Kok report": the person it speaks for.
                    return Speaker(owner.name, PERSON, surface, start, None, "role_noun", owner)
                # "the Obama administration", "the Sanders campaign": named by its leader.
                name = ctx.text[named.start : head_tok.end]
                return Speaker(name, ORGANISATION, surface, start, None, "role_noun")
        if low in _ADVERTS:
            return None  # "The ad claims": no one in particular, so no claim of anyone's
        if by_capital and _phrase_ends(ctx.text, head_tok.end):
            # "A British Muslim group said": no name, but described as no other.
            phrase = ctx.text[toks[opening].start : head_tok.end]
            return Speaker(phrase, ORGANISATION, surface, start, None, "role_noun")
        if low in _UNNAMED_BODIES and toks[first].low == "the" and possessor is None:
            return Speaker(low, ORGANISATION, surface, start, None, "role_noun")
        if low in _AD_HOC_BODIES and toks[first].low == "the" and possessor is None:
            # "the environment select committee said": the body as described
            phrase = ctx.text[toks[opening].start : head_tok.end].lower()
            return Speaker(phrase, ORGANISATION, surface, start, None, "role_noun")
        if (
            possessor is None
            and toks[first].low in ("the", "a", "an")
            and first < opening < head
            and low not in _DOCUMENT_NOUNS
            and low not in lx.SPEECH_NOUNS
            and _phrase_ends(ctx.text, head_tok.end)
            # "hacked by a foreign government": an agent, not who speaks;
            # "a new party called Veritas": a name given, not words said.
            and (first == 0 or toks[first - 1].low != "by")
            and not ctx.text.startswith(_NAMING_AFTER, head_tok.end)
        ):
            # "The refugee agency said", "a Paris appeals court ruled": a body described,
            # named nowhere before, goes by its description.
            return Speaker(
                ctx.text[toks[opening].start : head_tok.end],
                ORGANISATION,
                surface,
                start,
                None,
                "role_noun",
            )
        if (
            possessor is not None
            and not possessor.possessive
            and first > 0
            and toks[first - 1].low in ("the", "a", "an")
            and first < head - 1
            and low not in _DOCUMENT_NOUNS
            and low not in lx.SPEECH_NOUNS
            and _phrase_ends(ctx.text, head_tok.end)
        ):
            # "The U.N. refugee agency said": a name of no body inside a description
            # (a place's, an initialism's) leaves the body as described.
            return Speaker(
                ctx.text[possessor.start : head_tok.end],
                ORGANISATION,
                surface,
                start,
                None,
                "role_noun",
            )
        return Speaker(None, ORGANISATION, surface, start, None, "role_noun")
    if type_ == PERSON:
        type_ = ANONYMOUS
    name = (described if possessor is None else role_phrase) or head_tok.text
    if type_ in (GROUP, ANONYMOUS):
        name = name.lower()
    if possessor is None and first > 0 and type_ in (GROUP, ANONYMOUS):
        # "Florida election officials say", "the Tokyo analyst said": where the
        # people are from stays in the name.
        place = ctx.mention_ending(toks[first - 1].end)
        if (
            place is not None
            and place.type == "place"
            and not place.possessive
            # "the Russian president" is one person, whom the text names elsewhere.
            and (plural or head_tok.low not in _ONE_HOLDER_TITLES)
        ):
            start = place.start
            surface = ctx.text[start : through or head_tok.end]
            name = f"{ctx.text[place.start : place.end]} {name}"
    if paired is not None and (possessor is None or not possessor.possessive):
        # Both places or bodies name the people: "White House and Pentagon spokesmen".
        start = paired.start
        surface = ctx.text[start : through or head_tok.end]
        name = ctx.text[start : head_tok.end]
        possessor = None
    if through is not None:
        name = f"{name}{ctx.text[head_tok.end : through]}"  # "spokeswoman for Ana Ruiz"
    if possessor is not None and not possessor.possessive:
        name = f"{ctx.text[possessor.start : possessor.end]} {name}"  # "Union officials"
    elif possessor is not None:
        owner = ctx.entities.entity_at(possessor.start)
        name = f"{name} of {owner.name if owner else possessor.name}"
    elif toks[first].low in ("his", "her"):
        # "Mr Roe … . His spokesman said": whose spokesman, as for "Mr Roe's spokesman".
        owner = ctx.owner_of(toks[first])
        if owner is not None:
            name = f"{name} of {owner.name}"
    return Speaker(
        name,
        type_,
        surface,
        start,
        None,
        "role_noun",
    )


# What a person writes or issues speaks for them: "Mr Kok's report said".
_DOCUMENT_NOUNS = lx.load("subjects-document-nouns")
_ADVERTS = frozenset(("ad", "advert", "advertisement", "commercial"))
# Links after a statement or document to the one who issued it.
_ISSUED_BY = frozenset(("from", "by"))
# Offices with one holder ("the prime minister", "the chancellor"): whoever was
# last spoken of is rarely the holder, so these are never guessed.
_ONE_HOLDER_TITLES = lx.load("subjects-one-holder-titles")
# Titles of a member of a parliament after the seat's name: "the Salford MP".
_SEAT_TITLES = (" MP", " MSP", " MEP", " AM")
_SEAT_TITLE = re.compile(r"[ \t]+(?:MP|MSP|MEP)\b")
_PARTIES = lx.load("mentions-parties")
# The one-holder offices a report names its own subject by ("the chancellor").
_LEAD_TITLES = lx.load("subjects-lead-titles")
# A title in lower case right before a name, with up to two capitalised words
# and one lower-case word before it: "Tory leader", "shadow home secretary".
_LOWER_ROLE = re.compile(r"((?:\b[A-Z][a-z]+ ){0,2}(?:\b[a-z]+ )?\b([a-z]+)) $")
# The end of a report's first sentence that names who said it: "…, Jo Roe has said."
_REPORTED_BY = re.compile(r"\s+(?:has\s+|have\s+)?[a-z]+(?:ed|s)?\s*[.!]?\s*")
# Cues that, after a bare capitalised word, are far likelier nouns than verbs:
# "Strong demand", "Fresh report" (but "Trump claims", "Obama calls" are verbs).
_SINGULAR_NOUN_CUES = lx.load("subjects-singular-noun-cues")


def _last_subject_word(toks: list[Token]) -> int:
    """Index of the last word before a cue that is not an adverb or a time:
    "Waltz [has repeatedly]", "Trump [on Tuesday] said", "Roe [last week] told"."""
    i = len(toks) - 1
    while i >= 0:
        low = toks[i].low
        # "Brian May … May said": a capital makes the modal a surname.
        modal = low in lx.VERB_MODIFIERS and not (low in lx.CALENDAR and toks[i].text[0].isupper())
        if modal or (low.endswith("ly") and toks[i].text.islower() and low not in _LY_NOUNS):
            i -= 1
        elif low in lx.CALENDAR and i > 0 and toks[i - 1].low in ("on", "last", "this", "next"):
            i -= 2  # "on Tuesday", "last month"
        elif low.isdigit() and i > 1 and toks[i - 1].low in lx.CALENDAR and toks[i - 2].low == "on":
            i -= 3  # "on March 3"
        # The year's pattern is tried last: most words follow neither "in" nor "since".
        elif i > 1 and toks[i - 1].low in ("in", "since") and _YEAR.fullmatch(low):
            i -= 2  # "had in 1997 complained"
        else:
            break
    return i


_POSSESSIVE = re.compile(r"[’']s?")
# Past this length a text's words are gathered once rather than searched for one by one.
_LONG_TEXT = 50_000
_AFTER_SPACE = re.compile(r"(?<= )[^ ]+")
# The possessive ending and the space after it: "Arsenal's ", "Jones' ".
_POSSESSIVE_GAP = re.compile(r"[’']s?[ \t]+")
_ROLE_WORDS = re.compile(r"\s+((?:[a-z][\w\-]*\s+){1,3})")
# Two roles joined by "and": "Acme president and chief executive Bill Owens".
_JOINED_ROLE_WORDS = re.compile(r"\s+((?:[a-z][\w\-]*\s+){1,2}and\s+(?:[a-z][\w\-]*\s+){1,2})")
_YEAR_OLD = re.compile(r"\d+-year-old")
# Names that cannot be a body: one or two letters, adverbs, contractions ("They’ve").
_NOT_A_BODY = re.compile(r"^\w{1,2}$|^\w+ly$|[’'](?:ve|re|ll|d|m)$")
_DESCRIPTION_LEAD = re.compile(r",[ \t]+(?:(?:a|an|the)[ \t]+)?(?:[A-Z][\w&’'.\-]*[ \t]+){0,3}$")
_WORD_BEFORE = re.compile(r"(\S+)\s+(\S+)\s+$")


_NEXT_WORD = re.compile(r"\s+([a-z]\w*)")
# Lowercase words that are nouns after a name ("Zorbot users", "Rovers fans"):
# plural agent nouns and a few heads that are never verbs.
_COMMON_NOUN = re.compile(
    r"[a-z]+(?:ers|ors|ists|ians)|fans|hopes|attacks|shares|users|players|"
    r"games|software|network|networks|website|programme|campaign|chief|boss|side"
)


def _verb_follows(text: str, end: int, plural_noun: bool = False) -> bool:
    """Whether the word after ``end`` reads as a verb ("Mintel published"), not as
    the noun an adjective describes ("Sloppy accounting"). With ``plural_noun``,
    a word in -s is read as a noun ("Technical issues")."""
    match = _NEXT_WORD.match(text, end)
    if match is None:
        return True
    word = match.group(1)
    return (
        word.endswith("ed")
        or (word.endswith("s") and not plural_noun)
        or word in lx.SPEECH_FORMS
        or word in lx.VERB_MODIFIERS
        or word in _FINITE_MARKERS
    )


def _did_something(text: str, end: int) -> bool:
    """Whether a past-tense verb follows ``end``: "Shell posted…", "Ryanair cut…"
    (not "Various reasons…")."""
    match = _NEXT_WORD.match(text, end)
    return match is not None and (
        match.group(1).endswith("ed") or match.group(1) in lx.SPEECH_FORMS
    )


def _phrase_ends(text: str, end: int) -> bool:
    """Whether a noun phrase ends at ``end``: no lowercase noun follows
    ("a Republican committee staffer" goes on past "committee")."""
    match = _NEXT_WORD.match(text, end)
    if match is None:
        return True
    word = match.group(1)
    return word in lx.SPEECH_FORMS or word in lx.VERB_MODIFIERS or word in _FINITE_MARKERS


_NAME_LEADS = frozenset(
    ("a", "an", "the", "its", "their", "one", "another", "this", "each", "every")
)


def _whole_name_before(text: str, start: int) -> bool:
    """Whether the name at ``start`` stands alone after a lowercase word ("the")
    that does not itself follow "of" ("Top of the Pops")."""
    match = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if match is None:
        return True
    previous, word = match.group(1), match.group(2)
    # "One Acme ad argues": a determiner that opens the sentence is capitalised too.
    lead = word.islower() or word.lower() in _NAME_LEADS
    # "Germany's BdB banks association": a name after a possessor stands alone too.
    return (lead and previous.lower() != "of") or word.endswith(("’s", "'s"))


def _merged(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """The union of half-open intervals, as the starts and ends of disjoint ones."""
    starts: list[int] = []
    ends: list[int] = []
    for s, e in sorted(spans):
        if s >= e:
            continue  # an empty interval holds no offset
        if ends and s <= ends[-1]:
            ends[-1] = max(ends[-1], e)
        else:
            starts.append(s)
            ends.append(e)
    return starts, ends


class Context:
    """What subject finding needs to know about one article."""

    def __init__(
        self,
        doc: Document,
        mentions: list[Mention],
        entities: Entities,
        quote_spans: list[tuple[int, int]],
    ) -> None:
        self.doc = doc
        self.text = doc.text
        self.mentions = mentions
        self.entities = entities
        self._by_end = {m.end: m for m in mentions}
        self._lowercase_seen: dict[str, bool] = {}
        self._words_after_space: set[str] | None = None
        self._longest_mention: int | None = None
        self._named_counts: dict[int, int] | None = None
        self._modifiers: set[int] | None = None
        self._first_named: dict[int, int] | None = None
        self._most_named: list[Entity] | None = None
        self._after_the: set[int] | None = None
        self._starts = [m.start for m in mentions]
        self._subjects: dict[tuple[int, int], Speaker | None] = {}
        self._by_start = {m.start: m for m in mentions}
        self._documents: list[tuple[int, str, Entity]] | None = None
        self._lower_roles: list[tuple[str, str, Entity]] | None = None
        self._places: dict[str, str] | None = None
        self._document_starts: list[int] = []
        self.quote_spans = quote_spans
        # The quotations as sorted, disjoint intervals, so one lookup is a bisection.
        self._quoted_starts, self._quoted_ends = _merged(quote_spans)
        # Speakers already attributed, by sentence index: the salient ones for pronouns.
        self.sentence_speakers: dict[int, list[Speaker]] = {}

    @property
    def longest_mention(self) -> int:
        """The length of the longest mention, which bounds how far back one reaches."""
        if self._longest_mention is None:
            self._longest_mention = max((m.end - m.start for m in self.mentions), default=0)
        return self._longest_mention

    def mention_ending(self, end: int) -> Mention | None:
        return self._by_end.get(end)

    def mention_starting(self, start: int) -> Mention | None:
        return self._by_start.get(start)

    def inside_quote(self, offset: int) -> bool:
        k = bisect_right(self._quoted_starts, offset) - 1
        return k >= 0 and offset < self._quoted_ends[k]

    def remember(self, offset: int, speaker: Speaker) -> None:
        self.sentence_speakers.setdefault(self.doc.sentence_index(offset), []).append(speaker)
        if (
            speaker.entity is not None
            and speaker.rule == "pronoun"
            and speaker.entity.gender is None
        ):
            gender = {"he": "m", "she": "f"}.get(speaker.mention.lower())
            if gender:
                speaker.entity.gender = gender

    def recent_entity(
        self, before: int, types: tuple[str, ...], head: str | None = None
    ) -> Entity | None:
        """The entity of these types named last before ``before``.

        With ``head`` ("board"), one whose name holds that word ("Illinois Board
        of Elections") is preferred to one merely named later.
        """
        if head in _DOCUMENT_NOUNS:
            owner = self._document_owner(before, head)
            if owner is not None:
                return owner
        fallback: Entity | None = None
        for index in range(bisect_left(self._starts, before) - 1, -1, -1):
            mention = self.mentions[index]
            if before - mention.start > 3000:
                break
            entity = self.entities.entity_at(mention.start)
            if entity is None or entity.type not in types:
                continue
            if (
                entity.type == "unknown"
                and (entity.gender or len(entity.name.split()) > 1)
                # Known as a body ("Shares in Acme Doughnuts fell"), unless only as
                # where someone works ("an analyst at Acme Securities"), which is
                # seldom the company the article goes on to speak of.
                and (not entity.named_as_body or self.text.endswith(" at ", 0, mention.start))
            ):
                continue  # likely a person
            if entity.type == "unknown" and self.inside_quote(mention.start):
                continue  # "“Higher levels of literacy…”": a quotation's first word
            if entity.type == "unknown" and mention.sentence_initial and self._common_word(mention):
                continue  # "Annual bonuses fell": a capital only because a sentence began
            if (
                entity.type == "unknown"
                and not entity.named_as_body
                and (self._after_place_preposition(mention) or self._listed_with_place(mention))
            ):
                continue  # "opened routes to Riga. The statement said": a place
            if (
                entity.type == "unknown"
                and mention.sentence_initial
                and " " not in entity.name
                and self._times_named(entity) < 2
                # "Technical issues remain, the report said": what a report says
                # is not said by a word named once as its sentence began.
                and not _verb_follows(self.text, mention.end, head in _DOCUMENT_NOUNS)
            ):
                continue  # "Sloppy accounting was blamed": an adjective, as a sentence began
            if head is not None and head in entity.name.lower().split():
                return entity
            if head in _PRESS_NOUNS:
                if entity.name.lower().split()[-1] in _PRESS_NAMES or self._named_as_press(mention):
                    return entity  # "the paper said" after "the Financial Times reported"
                # "…, star of the Nightmare on Elm Street franchise. According to
                # the industry newspaper": a paper is a paper named before.
                continue
            if head in _UNNAMED_BODIES or head in _AD_HOC_BODIES:
                continue
            # Of the bodies named in reach, the one the article names most
            # ("the company" after a rival's name is still the one it is about);
            # the latest named among equals.
            if fallback is None or (
                head in _SALIENT_HEADS and self._times_named(entity) > self._times_named(fallback)
            ):
                fallback = entity
        return fallback

    def _named_as_press(self, mention: Mention) -> bool:
        """Whether a name is called a paper where it stands: "Vedomosti newspaper
        reported", "Spanish daily ABC"."""
        after = _NEXT_PRESS.match(self.text, mention.end)
        before = _PRESS_BEFORE.search(self.text, max(0, mention.start - 12), mention.start)
        return after is not None or before is not None

    def recent_speaking_body(self, offset: int) -> Entity | None:
        """The organisation last attributed a claim, in the few sentences up to ``offset``."""
        index = self.doc.sentence_index(offset)
        for i in range(index, max(-1, index - 6), -1):
            for speaker in reversed(self.sentence_speakers.get(i, [])):
                entity = speaker.entity
                if (
                    speaker.mention_start < offset
                    and entity is not None
                    and (
                        entity.type == ORGANISATION
                        # "Oxfam says": a one-word name of no known kind, no person's
                        or (
                            entity.type == "unknown"
                            and not entity.gender
                            and " " not in entity.name
                        )
                    )
                ):
                    return entity
        return None

    def _document_owner(self, before: int, head: str) -> Entity | None:
        """ "A report by telecoms firm Acme … the report said", "the Acme survey …
        the survey found": the body the text last tied to a document of that name
        ("report", "study", …), within reach before ``before``."""
        if self._documents is None:
            # Every tie of a document to a body, found in one pass over the text.
            ties: list[tuple[int, str, Entity]] = []
            for match in _DOCUMENT_WORD.finditer(self.text):
                owner = self._tied_body(match.start(), match.end())
                if owner is not None:
                    ties.append((match.start(), match.group(1).lower(), owner))
            self._documents = ties
            self._document_starts = [t[0] for t in ties]
        k = bisect_left(self._document_starts, before) - 1
        while k >= 0 and before - self._documents[k][0] <= 3000:
            _, noun, owner = self._documents[k]
            if noun == head:
                return owner
            k -= 1
        return None

    def _tied_body(self, start: int, end: int) -> Entity | None:
        """The body a document word at text[start:end] belongs to: "the Acme
        report", "Acme's annual survey", "a report by analysts Acme"."""
        text = self.text
        before = _DOCUMENT_OWNER_BEFORE.search(text, max(0, start - 40), start)
        named = self.mention_ending(before.start()) if before is not None else None
        if named is None:
            after = _DOCUMENT_OWNER_AFTER.match(text, end)
            named = self.mention_starting(after.end()) if after is not None else None
        if named is None:
            return None
        entity = self.entities.entity_at(named.start)
        if entity is None or entity.type not in (ORGANISATION, "unknown"):
            return None
        if entity.type == "unknown" and (entity.gender or self._common_word(named)):
            return None  # a person's, or a word that opened a sentence
        return entity

    def stray_capital(self, mention: Mention) -> bool:
        """A word capitalised only because it opens its sentence ("Speculation
        suggests…", "Latest research shows…"): one word of no known kind, that the
        article also writes in lower case, and no one's name."""
        if mention.type != "unknown" or not mention.sentence_initial or len(mention.tokens) > 1:
            return False
        word = mention.name.lower()
        if is_head_noun(word) or word in lx.GROUP_NOUNS or word.rstrip("s") in lx.GROUP_NOUNS:
            return False  # "Bookmakers predict…": people, as "analysts say" are
        entity = self.entities.entity_at(mention.start)
        if entity is not None and (entity.type != "unknown" or " " in entity.name):
            return False
        # "Speculation suggests…": no one is named "Speculation".
        return word.endswith(_ABSTRACT_ENDINGS) or self._common_word(mention)

    def _common_word(self, mention: Mention) -> bool:
        """Whether the article also writes this one-word mention in lower case."""
        if " " in mention.name.strip():
            return False
        word = mention.name.lower()
        if " " in word or len(self.text) < _LONG_TEXT:
            found = self._lowercase_seen.get(word)
            if found is None:
                found = any(self.text.find(f" {word}{after}") != -1 for after in " ,.;:")
                self._lowercase_seen[word] = found
            return found
        return word in self._written_words()

    def _written_words(self) -> set[str]:
        """Every string w with no space such that " " + w + one of " ,.;:" is in the
        text: what the searches above would find, gathered in one pass."""
        if self._words_after_space is None:
            text, found = self.text, set()
            for match in _AFTER_SPACE.finditer(text):
                run = match.group()
                for k, char in enumerate(run):
                    if char in ",.;:":
                        found.add(run[:k])
                if text.startswith(" ", match.end()):
                    found.add(run)
            self._words_after_space = found
        return self._words_after_space

    def from_mention(self, mention: Mention, rule: str = "name") -> Speaker:
        seat = self._seat_holder(mention)
        if seat is not None:
            return seat
        if mention.type == GROUP and self.text[max(0, mention.start - 4) : mention.start] in (
            "the ",
            "The ",
        ):
            country = self._country_of(mention.name)
            if country is not None:
                # "The Russians said": the country, which the article names.
                surface = self.text[mention.start : mention.end]
                return Speaker(country, ORGANISATION, surface, mention.start, None, rule)
        entity = self.entities.entity_at(mention.start)
        if entity is None:
            return Speaker(
                mention.name,
                mention.type,
                self.text[mention.start : mention.end],
                mention.start,
                mention.role,
                rule,
            )
        if (
            entity.type == "unknown"
            and not entity.named_as_body
            and not any(w.lower() in lx.FIRST_NAMES for w in entity.name.split())
            and self._body_word_before(mention)
        ):
            # "Anglo-Dutch firm Shell said": stored as a body, not a person, and no
            # "he" or "she" (the rules still read "investment bank Acme said" as a
            # role and a name, as for a person).
            entity.named_as_body = True
        return Speaker(
            entity.name,
            PERSON if entity.type == "unknown" else entity.speaker_type,
            self.text[mention.start : mention.end],
            mention.start,
            mention.role or (entity.roles[0] if entity.roles else None),
            rule,
            entity,
        )

    def _seat_holder(self, mention: Mention) -> Speaker | None:
        """ "the Salford MP said", "said the Ealing North MP": a member named by
        the seat, who is the person the text was about (as for "the MP for
        Salford"), not the place."""
        if mention.possessive or mention.type not in (ORGANISATION, "place", "unknown"):
            return None
        if not self.text.startswith(("the ", "The "), max(0, mention.start - 4)):
            return None
        found = _SEAT_TITLE.match(self.text, mention.end)
        if found is not None:
            end = found.end()
        elif self.text[mention.start : mention.end].endswith(_SEAT_TITLES):
            end = mention.end
        else:
            return None
        if mention.name.split()[0].lower() in _PARTIES:
            return None  # "the Labour MP": a party's member, named as such
        holder = None
        if self.text.startswith(", ", mention.start - 6):
            # "Tony Lloyd, the Manchester Central MP, said": the name before it.
            named = self.mention_ending(mention.start - 6)
            if named is not None and not named.possessive and named.type == PERSON:
                holder = self.entities.entity_at(named.start)
        if holder is None:
            holder = self.title_holder(self.doc.sentence_at(mention.start).start, "mp")
        if holder is None:
            return None
        surface = self.text[mention.start - 4 : end]
        return Speaker(holder.name, PERSON, surface, mention.start - 4, None, "role_noun", holder)

    def _country_of(self, people: str) -> str | None:
        """The country a plural of its people ("Russians", "Germans") stands for,
        when the article names it ("Russia", "Germany"), else None."""
        if " " in people or not people.endswith("s") or len(people) < 5:
            return None
        if self._places is None:
            self._places = {m.name.lower(): m.name for m in self.mentions if m.type == "place"}
        one = people[:-1].lower()
        for low, name in self._places.items():
            if (
                low in lx.PLACES
                and len(low) >= 4
                # "Russia" of "Russian", "Germany" of "German"
                and (one.startswith(low) or (low.startswith(one) and len(low) == len(one) + 1))
            ):
                return name
        return None

    def _body_word_before(self, mention: Mention) -> bool:
        """Whether a word for a body stands right before a name ("oil giant
        Yukos", "the firm Shell", "carmaker Fiat")."""
        return _body_word(self._lowercase_word_before(mention))

    def _lowercase_word_before(self, mention: Mention) -> str:
        """The word right before a mention when it is written in lower case ("giant"
        in "oil giant Yukos"), else "" (``_word_before`` takes any word)."""
        before = _OBJECT_BEFORE.search(self.text, max(0, mention.start - 20), mention.start)
        return before.group(1) if before else ""

    # -- pronouns ---------------------------------------------------------

    def resolve_pronoun(self, pronoun: Token) -> Speaker:
        low = pronoun_of(pronoun.low)
        if low in ("i", "we"):
            return Speaker(None, None, pronoun.text, pronoun.start, None, "pronoun")
        if low == "they":
            group = self._recent_group(pronoun.start)
            if group is not None:
                return replace(
                    group, mention=pronoun.text, mention_start=pronoun.start, rule="pronoun"
                )
        if low == "they":
            plural = self._plural_subject(pronoun.start)
            if plural is not None:
                return replace(
                    plural, mention=pronoun.text, mention_start=pronoun.start, rule="pronoun"
                )
        if low == "it" and self._impersonal_passive(pronoun):
            # "…, it was confirmed on Wednesday": nobody is named as saying it.
            return Speaker(None, None, pronoun.text, pronoun.start, None, "pronoun")
        if low == "it":
            body = self._recent_described_body(pronoun.start)
            if body is not None:
                return replace(
                    body, mention=pronoun.text, mention_start=pronoun.start, rule="pronoun"
                )
        if low in ("they", "it"):
            types = (ORGANISATION, GROUP) if low == "they" else (ORGANISATION,)
            entity = self._salient(pronoun.start, types, None)
            if entity is None and low == "it":
                entity = self._subject_body(pronoun.start)
            if entity is None and low == "it":
                # "Heineken's income fell. It blamed weak demand": a name of no known
                # kind that opens the sentence before, owning what it speaks of.
                entity = self._owner_opening_before(pronoun.start)
            if entity is None:
                return Speaker(None, None, pronoun.text, pronoun.start, None, "pronoun")
            return Speaker(
                entity.name,
                entity.speaker_type,
                pronoun.text,
                pronoun.start,
                None,
                "pronoun",
                entity,
            )
        gender = "m" if low in lx.PRONOUNS_MALE else "f"
        spokesman = self._recent_role(pronoun.start, gender)
        if spokesman is not None:
            return replace(
                spokesman, mention=pronoun.text, mention_start=pronoun.start, rule="pronoun"
            )
        entity = self._salient(
            pronoun.start, (PERSON, "unknown"), gender, unlike=self._object_after(pronoun)
        )
        if entity is None:
            return Speaker(None, None, pronoun.text, pronoun.start, None, "pronoun")
        role = entity.roles[0] if entity.roles else None
        return Speaker(entity.name, PERSON, pronoun.text, pronoun.start, role, "pronoun", entity)

    def owner_of(self, pronoun: Token) -> Entity | None:
        """Whom a possessive "his" or "her" before a role noun means: a person
        named before it, as a "he" or "she" there would mean."""
        gender = "m" if pronoun.low == "his" else "f"
        owner = self._salient(pronoun.start, (PERSON,), gender)
        return owner if owner is not None and owner.type == PERSON else None

    def _impersonal_passive(self, pronoun: Token) -> bool:
        """ "It was announced", "it has been reported": a verb of saying in the
        passive after "it", which stands for no one."""
        toks = self.doc.tokens_between(pronoun.end, min(len(self.text), pronoun.end + 30), 3)
        words = [t.low for t in toks]
        if words[:1] in (["has"], ["had"]) and words[1:2] == ["been"]:
            verb = words[2] if len(words) > 2 else ""
        elif words[:1] in (["is"], ["was"]) and len(words) > 1:
            verb = words[1]  # not "it has warned", which is the company speaking
        else:
            return False
        return verb.endswith("ed") and verb in lx.SPEECH_FORMS

    def _object_after(self, pronoun: Token) -> Entity | None:
        """Whom the verb after a pronoun names as its object: "he told Hannity"
        is not Hannity speaking."""
        toks = self.doc.tokens_between(pronoun.end, min(len(self.text), pronoun.end + 40), 3)
        for k, tok in enumerate(toks[:2]):
            if not (tok.text.isalpha() and tok.text.islower()):
                return None
            if k + 1 < len(toks) and tok.low in _ADDRESSEE_VERBS:
                named = self.mention_starting(toks[k + 1].start)
                if named is None or named.possessive:
                    return None
                return self.entities.entity_at(named.start)
        return None

    def _owner_opening_before(self, offset: int) -> Entity | None:
        """The entity of a possessive name of no known kind that opens the sentence
        before ``offset`` (past any that open with "It"), when it is no person's name."""
        index = self.doc.sentence_index(offset)
        for i in range(index - 1, max(-1, index - 4), -1):
            sent = self.doc.sentences[i]
            if self.text.startswith("It ", sent.start):
                continue  # "It blamed weak demand. It had warned…": the same "it"
            mention = self.mention_starting(sent.start)
            if mention is None or not mention.possessive or mention.type != "unknown":
                continue
            entity = self.entities.entity_at(mention.start)
            if (
                entity is not None
                and entity.gender is None
                and entity.name.split()[0].lower() not in lx.FIRST_NAMES
            ):
                return entity
            return None
        return None

    def _plural_subject(self, offset: int) -> Speaker | None:
        """ "Two rival carmakers will merge. They said…", "As Roe and Day toured
        Ohio, they said…": people in the plural, or named together, who open the
        sentence of a "they" or the one before are whom it means."""
        doc = self.doc
        index = doc.sentence_index(offset)
        para = doc.paragraph_index(offset)
        for i in range(index, max(-1, index - 2), -1):
            sent = doc.sentences[i]
            if para - doc.paragraph_index(sent.start) > 1:
                break
            limit = offset if i == index else sent.end
            toks = doc.tokens_between(sent.start, min(limit, sent.start + 160))
            k = 0
            while k < len(toks) and toks[k].low in _PLURAL_LEADS:
                k += 1
            if k < len(toks) and toks[k].low in _OPENING_ADVERBIALS:
                # "Over the past month, delegations of business leaders have…"
                window = range(k, min(len(toks), k + 8))
                comma = next((c for c in window if toks[c].text == ","), None)
                k = comma + 1 if comma is not None else len(toks)
            found = self._opening_plural(toks, k)
            if found is not None:
                return found
        return None

    def _opening_plural(self, toks: list[Token], k: int) -> Speaker | None:
        """The plural subject that opens ``toks`` at ``k``, if there is one."""
        if k >= len(toks) or self.inside_quote(toks[k].start):
            return None
        mention = self.mention_starting(toks[k].start)
        if mention is not None:
            j = k
            while j < len(toks) and toks[j].end <= mention.end:
                j += 1
            if j + 1 < len(toks) and toks[j].low == "and" and self._may_be_person(mention):
                other = self.mention_starting(toks[j + 1].start)
                if other is not None and self._may_be_person(other) and not other.possessive:
                    return self.from_mention(mention)  # named together: the first speaks
        for j in range(k, min(len(toks) - 1, k + 6)):
            tok = toks[j]
            if tok.text in ",;:()" or tok.low in _FINITE_MARKERS:
                return None
            if (
                tok.text.islower()
                and tok.low.endswith("s")
                and is_head_noun(tok.text)
                and (toks[j + 1].low in _FINITE_MARKERS or toks[j + 1].low in _PLURAL_VERB_MARKERS)
            ):
                found = nominal(self, toks[: j + 1], j)
                if found is not None and found.name and found.type in (GROUP, ANONYMOUS):
                    return found
                return None
        return None

    def _subject_body(self, offset: int) -> Entity | None:
        """ "Ryanair cut its fares. It said…": a name of unknown kind that opened
        one of the two sentences before, and reads as no person or place."""
        index = self.doc.sentence_index(offset)
        for i in range(index - 1, max(-1, index - 3), -1):
            sent = self.doc.sentences[i]
            found = self._mentions_between(sent.start, min(sent.end, sent.start + 40))
            mention = found[0] if found else None
            if mention is None or mention.start != sent.start or mention.possessive:
                continue
            entity = self.entities.entity_at(mention.start)
            if entity is None or entity.type != "unknown":
                continue
            first = entity.name.split()[0].lower()
            if (
                entity.gender is None
                and first not in lx.FIRST_NAMES
                and first not in _NUMBERS
                and not _NOT_A_BODY.search(entity.name)
                # Named again elsewhere, or doing something as its sentence opens
                # ("Shell posted record profits"): a body the article is about, not
                # a capitalised word that opened one sentence ("Various", "Initially").
                and (self._times_named(entity) > 1 or _did_something(self.text, mention.end))
                and not self._common_word(mention)
            ):
                return entity
        return None

    def _times_named(self, entity: Entity) -> int:
        """How many mentions in the article are of ``entity`` (counted once for all)."""
        if self._named_counts is None:
            counts: dict[int, int] = {}
            for mention in self.mentions:
                found = self.entities.entity_at(mention.start)
                if found is not None:
                    counts[found.index] = counts.get(found.index, 0) + 1
            self._named_counts = counts
        return self._named_counts.get(entity.index, 0)

    def _main_person(self, offset: int, gender: str, unlike: Entity | None) -> Entity | None:
        """The person named most often in the article, named before ``offset``, of
        ``gender`` or of none known: whom "the writer" or "the 28-year-old" means."""
        if self._most_named is None:
            people = [e for e in self.entities.entities if e.type == PERSON]
            people.sort(key=lambda e: (-self._times_named(e), e.index))
            self._most_named = people[:5]  # a few are enough: the first that fits wins
        for entity in self._most_named:
            if (
                entity is not unlike
                and entity.gender in (None, gender)
                and self._first_named_before(entity, offset)
                and self._times_named(entity) >= 2
            ):
                return entity
        return None

    def _first_named_before(self, entity: Entity, offset: int) -> bool:
        """Whether the article names ``entity`` before ``offset``."""
        if self._first_named is None:
            first: dict[int, int] = {}
            for mention in self.mentions:
                found = self.entities.entity_at(mention.start)
                if found is not None and found.index not in first:
                    first[found.index] = mention.start
            self._first_named = first
        return self._first_named.get(entity.index, offset) < offset

    def lower_role_holder(self, title: str) -> Entity | None:
        """The person whose name follows ``title`` in lower case somewhere ("Tory
        leader Michael Howard" for "Tory leader"), when the title says whose or
        where it is (a capitalised word), so that it names one person."""
        if title[:1].islower() or " " not in title:
            return None
        wanted = title.lower()
        for title_before, words_before, entity in self._titles_before_names():
            # not "shadow culture secretary Jo Roe" for "the Culture Secretary"
            if title_before == wanted and holds(words_before, wanted):
                return entity
        return None

    def _titles_before_names(self) -> list[tuple[str, str, Entity]]:
        """Each title written in lower case right before a person's name ("Tory
        leader Michael Howard"), with the words just before it, and the person;
        gathered in one pass over the mentions."""
        if self._lower_roles is None:
            found: list[tuple[str, str, Entity]] = []
            for mention in self.mentions:
                if mention.role or not (
                    mention.type == PERSON or (mention.type == "unknown" and " " in mention.name)
                ):
                    continue
                before = _LOWER_ROLE.search(self.text, max(0, mention.start - 50), mention.start)
                entity = self.entities.entity_at(mention.start)
                if (
                    before is not None
                    and before.group(2) in lx.TITLE_WORDS
                    and entity is not None
                    and entity.type in (PERSON, "unknown")
                ):
                    words = self.text[max(0, mention.start - 60) : mention.start].lower()
                    found.append((before.group(1).lower(), words, entity))
            self._lower_roles = found
        return self._lower_roles

    def lead_person(self, office: str, offset: int) -> Entity | None:
        """The person a report opens with: who is reported as saying its first
        sentence ("…, Tony Blair has said."), else who opens it ("Gordon Brown
        has frozen…"); not when the roles the article gives them are another
        office than ``office``, nor when the sentence at ``offset`` names them
        before it (then the office is someone else's: "Mr Blair denied it, and
        the chancellor told reporters…")."""
        if not self.doc.sentences or not self.mentions:
            return None
        first = self.doc.sentences[0]
        opening = self._mentions_between(0, first.end)
        if not opening:
            return None
        last = opening[-1]
        if last.type == PERSON and _REPORTED_BY.fullmatch(self.text, last.end, first.end):
            found = last
        elif opening[0].start == first.start and opening[0].type == PERSON:
            found = opening[0]
        else:
            return None
        person = self.entities.entity_at(found.start)
        if person is None or person.type != PERSON or found.possessive:
            return None
        if person.roles and not any(holds(spelt_out(r).lower(), office) for r in person.roles):
            return None
        for title_before, _, entity in self._titles_before_names():
            # "Tory leader Michael Howard": a title in lower case, outside the name.
            if entity is person and not holds(title_before, office):
                return None
        sentence = self.doc.sentence_at(offset).start
        if any(
            self.entities.entity_at(m.start) is person
            for m in self._mentions_between(sentence, offset)
        ):
            return None
        return person

    def title_holder(self, offset: int, title: str) -> Entity | None:
        """The person the text is about just before ``offset``, as for a pronoun,
        unless what is known of them rules ``title`` out ("the candidate" is not
        a spokeswoman)."""
        person = self._salient(offset, (PERSON,), None)
        if person is None or len(person.name.split()) > 4:
            return None  # a headline taken for a name is nobody's title
        if person.roles and not any(title in spelt_out(role).split() for role in person.roles):
            return None
        return person

    def _recent_role(self, offset: int, gender: str | None = None) -> Speaker | None:
        """ "Mr Blair's spokesman said … . He added…": an unnamed person who spoke
        last, in this sentence or the one before, and is named by no one since."""
        index = self.doc.sentence_index(offset)
        for i in (index, index - 1):
            last = self._last_speaker_before(i, offset)
            if last is None and i == index - 1 and i >= 0:
                # The sentence before may not be attributed yet (quotations are
                # read first): "A Labour spokesman said X. “…,” he added." A "he
                # said" opening it refers further back: "A spokesman said X. He
                # said Y. “…,” he said."
                last = self._unnamed_speaking(i)
                if last is None and i > 0 and self._opens_with_he_said(i):
                    last = self._unnamed_speaking(i - 1)
            if last is None:
                continue
            words = last.name.split() if last.name else [""]
            # "a spokesman for the club", or "the Ofcom spokesman", "a Leeds official".
            head = words[0] if words[0] in lx.ANONYMOUS_NOUNS else words[-1]
            if (
                last.entity is None
                and last.type == ANONYMOUS
                and head in lx.ANONYMOUS_NOUNS
                and head not in ("people", "individual")
                and not head.endswith("s")  # "sources said … . He…"
                # "The port spokeswoman said … . “…,” he said": someone else.
                and (gender is None or _GENDERED_SOURCES.get(head, gender) == gender)
                and not any(
                    # "A spokeswoman confirmed Mr Smith was in post. … she said"
                    m.type == PERSON and not m.possessive and m.gender in (None, gender)
                    for m in self._mentions_between(
                        self._after_own_clause(last, i, index, gender), offset
                    )
                )
            ):
                return last
            return None
        return None

    def _after_own_clause(self, last: Speaker, i: int, index: int, gender: str | None) -> int:
        """Where names that could take a pronoun from an unnamed source begin.

        "A spokesman said it had no sign that Mr Jones had the money. He also
        said…": the names in the source's own claim, in the sentence before the
        pronoun's, are what it spoke of, not who speaks next. A gendered source
        ("spokesman", "spokeswoman") only: "an official" may be anyone named.
        """
        words = (last.name or "").lower().split()
        if i == index - 1 and any(_GENDERED_SOURCES.get(w) == gender for w in words):
            return self.doc.sentences[i].end
        return last.mention_start + len(last.mention)

    def _unnamed_speaking(self, index: int) -> Speaker | None:
        """An unnamed source introduced as such ("a spokesman for the club", "an
        Ofcom official") that is the subject of the first verb of saying in
        sentence ``index``; "the Tory spokesman" may be someone named before."""
        sent = self.doc.sentences[index]
        for tok in self.doc.tokens_between(sent.start, sent.end):
            if tok.low not in lx.SPEECH_FORMS or self.inside_quote(tok.start):
                continue
            found = self.subject_before(tok.start, sent.start, pronouns=False)
            if found is None or found.type != ANONYMOUS or found.entity is not None:
                return None
            mention = (found.mention or "").lower()
            lead = f"{self._word_before(found.mention_start or 0)} {mention}"
            indefinite = mention.startswith(_INDEFINITE) or lead.startswith(_INDEFINITE)
            # "The BBC spokeswoman said X. “…,” she said": a definite one is as
            # good, unless linked to someone named (checked above).
            definite = mention.startswith("the ") or lead.startswith("the ")
            return found if indefinite or definite else None
        return None

    def _opens_with_he_said(self, index: int) -> bool:
        """Whether sentence ``index`` opens with "He said", "She added"."""
        sent = self.doc.sentences[index]
        toks = self.doc.tokens_between(sent.start, min(sent.end, sent.start + 40))
        return (
            len(toks) > 1
            and toks[0].low in ("he", "she")
            and (toks[1].low in lx.SPEECH_FORMS or toks[1].low in lx.VERB_MODIFIERS)
        )

    def _last_speaker_before(self, index: int, offset: int) -> Speaker | None:
        """Who was attributed words last in sentence ``index``, before ``offset``."""
        before = [s for s in self.sentence_speakers.get(index, ()) if s.mention_start < offset]
        return max(before, key=_MENTION_START) if before else None

    def _recent_described_body(self, offset: int) -> Speaker | None:
        """ "…, the Commons health committee said. It added…": a committee known
        only by its description, the last to speak in this sentence or the one
        before, is what "it" means (it is no entity a name could recall)."""
        index = self.doc.sentence_index(offset)
        for i in (index, index - 1):
            last = self._last_speaker_before(i, offset)
            if last is None:
                continue
            if (
                last.entity is None
                and last.type == ORGANISATION
                and last.name
                and last.name.rsplit(None, 1)[-1].lower() in _AD_HOC_BODIES
            ):
                return last
            return None
        return None

    def _recent_group(self, offset: int) -> Speaker | None:
        """ "Officials said … . They added …": a group named speaking just before."""
        index = self.doc.sentence_index(offset)
        for i in range(index, max(-1, index - 3), -1):
            for speaker in reversed(self.sentence_speakers.get(i, [])):
                if (
                    speaker.mention_start < offset
                    and speaker.name
                    and (
                        speaker.type == GROUP
                        # "Union officials denied it. They said…": unnamed people, plural.
                        or (
                            speaker.type == ANONYMOUS
                            and speaker.entity is None
                            and speaker.name.split()[-1].endswith("s")
                        )
                    )
                ):
                    return speaker
        return None

    def _salient(
        self,
        offset: int,
        types: tuple[str, ...],
        gender: str | None,
        depth: int = 0,
        inside: bool = False,
        unlike: Entity | None = None,
    ) -> Entity | None:
        """The entity a pronoun at ``offset`` most likely means.

        The subject of the nearest sentence wins: first whoever was attributed
        a claim there, then a pronoun of the same kind opening that sentence
        (resolved in turn), then the first fitting mention in it.
        """
        doc = self.doc
        index = doc.sentence_index(offset)
        para = doc.paragraph_index(offset)

        thing = types == (ORGANISATION,)  # "it"

        def fits(entity: Entity | None, wanted: tuple[str, ...]) -> TypeGuard[Entity]:
            return (
                entity is not None
                and entity is not unlike
                and entity.type in wanted
                and (gender is None or entity.gender in (None, gender))
                and not (gender and entity.named_as_body)
                # "it" may mean a name of no known kind ("Boeing"), not a person's.
                and not (thing and entity.type == "unknown" and self._person_like(entity))
            )

        weak: Entity | None = None
        weak_at = -1
        weak_subject = False
        # "Trump, he said, was not serious": the names inside the claim a
        # parenthetical cue breaks into are not whom the pronoun means.
        # (``inside`` looks there after all, when no one before fits.)
        parenthetical = False
        if not inside and self.text[max(0, offset - 3) : offset].rstrip().endswith(","):
            # "…, which, he said, we expected": a relative or subordinate clause
            # may hold whom the pronoun means ("Robby Mook said … which, he
            # said"), as may a phrase set before it ("As for Trump, he said…").
            before = self.doc.tokens_between(self.doc.sentence_at(offset).start, offset)
            openers = [k for k, t in enumerate(before) if t.low in _CLAUSE_OPENERS]
            parenthetical = (
                # "The plan was drawn up by Jim Hale, he said.", "The player which
                # shows Top Gear will sell, he said.": a cue that closes its
                # sentence after the claim, whose names are not whom it means.
                (not openers or openers[0] > 0) and self._closing_cue(offset)
            ) or (not openers and bool(_PARENTHETICAL_CUE.match(self.text, offset)))
        if PERSON in types:
            speaking: tuple[str, ...] = (PERSON, "unknown")
        else:
            speaking = (ORGANISATION, "unknown") if thing else types
        # In each sentence, people first; a capitalised word of unknown kind
        # only when no person fits there. ("It" may mean a name of unknown kind
        # that spoke: "“…,” said Seagate. “…,” it said.")
        tiers = ((PERSON,), ("unknown",)) if PERSON in types else (types,)
        # Five sentences back, not counting those wholly inside a quotation: after
        # "“… . … . …,” he told Hannity" the names are before the quoted words.
        i = index + 1
        back = -1
        read = 0
        while back < 4 and read < _PRONOUN_REACH:
            i -= 1
            read += 1
            if i < 0 or para - doc.paragraph_index(doc.sentences[i].start) > 2:
                break
            sent = doc.sentences[i]
            if i != index and self._quoted_sentence(sent.start, sent.end):
                for speaker in self.sentence_speakers.get(i, []):
                    if fits(speaker.entity, speaking):
                        return speaker.entity
                continue
            back = index - i if back < 0 else back + 1
            limit = offset if back == 0 else sent.end
            if back == 0 and parenthetical:
                continue
            if (
                back == 0
                and gender
                and self._fronted_phrase_subject(sent.start, offset + 4, gender, [], True)
            ):
                continue  # "Describing the meeting at King's Cross, he said": not King's Cross
            if back and gender:
                # "It was no use Mr Blair claiming it was left, argued Mr Howard. He
                # added…": who spoke, not whom the claim before the cue named.
                inverted = self._speaker_after_claim(sent.start, sent.end)
                if fits(inverted, speaking):
                    return inverted
            if back == 1 and gender and PERSON in types and self._opens_sentence(offset):
                # "Cooper asked Sanders about guns. He said…": who was asked answers.
                asked = self._person_asked(sent.start, sent.end)
                if fits(asked, (PERSON,)):
                    return asked
            speakers = self.sentence_speakers.get(i, [])
            if back == 0 and len(speakers) > 1:
                speakers = sorted(speakers, key=_MENTION_START, reverse=True)
            for speaker in speakers:
                # Whoever speaks by name is a person, known or not.
                if (
                    speaker.mention_start < limit
                    and fits(speaker.entity, speaking)
                    # "He told MPs that Mr Clarke had been reported to…": a
                    # name inside the claim is not whom the claim's speaker is.
                    and not self._in_reported_clause(sent.start, speaker.mention_start)
                ):
                    return speaker.entity
            if back and gender and PERSON in types:
                # "The president looked weary. He said…": the sentence's subject is
                # a title whose holder the article names, not whoever spoke before.
                holder = self._titled_subject(sent.start, sent.end)
                if fits(holder, (PERSON,)):
                    return holder
            candidates = [
                m
                for m in self._mentions_between(sent.start, limit)
                if not self.inside_quote(m.start)
                and not self._unlikely_antecedent(m)
                and not self._addressed(m)
                # "the Kent athlete", "an Oscar nomination": no one a "he" or
                # "the 34-year-old" can mean.
                and not ((gender or PERSON in types) and self._describes_a_thing(m))
                and not (gender and self._names_whose(m))
            ]
            if (
                gender
                and depth < 3
                and back
                and candidates
                and self._fronted_phrase_subject(sent.start, limit, gender, candidates)
            ):
                # "Driving home from a Los Angeles studio, he crashed.": the names of
                # the phrase set before "he" are not whom it means; who "he" was is
                # read from the sentences before.
                return self._salient(sent.start, types, gender, depth + 1)
            first_named = candidates[0].start if candidates else limit
            said = (
                _HE_OR_SHE.search(self.text, sent.start, first_named)
                if depth < 3 and (gender or (back and PERSON in types))
                else None
            )
            if said is not None:
                # "He was once threatened with the sack by boss Kevin Keegan… . The
                # defender said": who "he" is, not the name after "by", even for a
                # title whose holder's sex is not known.
                chained_gender = gender or ("m" if said.group().lower() == "he" else "f")
                chained = self._pronoun_subject(sent.start, limit, chained_gender, candidates)
                if chained is not None:
                    return self._salient(chained, types, chained_gender, depth + 1, unlike=unlike)
            if (
                gender
                and back
                and i > 0
                and PERSON in types
                and self._person_noun_subject(sent.start)
                and not any(
                    fits(self.entities.entity_at(m.start), (PERSON,))
                    for m in self._mentions_between(doc.sentences[i - 1].start, sent.start)
                    if not m.possessive and not self.inside_quote(m.start)
                )
                # "Mr Jones said: “… Gordon Brown is a fine chancellor …” The
                # businessman also …": the one quoted just before is named there.
                and not any(
                    fits(speaker.entity, speaking)
                    for speaker in self.sentence_speakers.get(i - 1, [])
                )
            ):
                # "…, starring Dean Martin. Three sequels followed. The writer was
                # known for his research. “…,” he once said": with no one named just
                # before "the writer", the person the text is about.
                main = self._main_person(sent.start, gender, unlike)
                if main is not None:
                    return main
            for wanted in tiers:
                if wanted == ("unknown",) and gender and depth < 3:
                    # "The problem with Mel Gibson's film, he believed, was … an
                    # ancient Middle Eastern language": with no person named there, a
                    # "he" of the sentence says whom it is about.
                    chained = self._pronoun_subject(sent.start, limit, gender, [])
                    if chained is not None and chained != offset:
                        return self._salient(chained, types, gender, depth + 1, unlike=unlike)
                if wanted == ("unknown",) and back and self._person_noun_subject(sent.start):
                    # "The 28-year-old broke his arm in the win over Bath. He…": the
                    # subject is a person, described; "Bath" is no antecedent.
                    continue
                # Possessors ("Trump’s strategy") are weaker antecedents than subjects.
                for possessive in (False, True):
                    for mention in candidates:
                        entity = self.entities.entity_at(mention.start)
                        if mention.possessive == possessive and fits(entity, wanted):
                            if gender and (
                                self._weak_person(entity)
                                # "Dismayed by his memory of Bill Clinton's years, he…":
                                # a possessor inside a phrase is no one's subject.
                                or (possessive and self._after_preposition(mention))
                                # "OutKast have been acclaimed": a plural, no "he".
                                or (
                                    wanted == ("unknown",)
                                    and _PLURAL_VERB.match(self.text, mention.end) is not None
                                )
                            ):
                                # "…deploying Allied forces, he said": one capitalised
                                # word named once is a person only if no one else fits.
                                if weak is None:
                                    weak, weak_at = entity, i
                                    weak_subject = self._person_subject(mention)
                                continue
                            if gender and wanted == (PERSON,) and back and self._object_of(mention):
                                if self._person_noun_subject(sent.start):
                                    # "The 21-year-old was hurt in a clash with Hartfield's
                                    # Jo Roe. He added…": the described subject is whom
                                    # "he" means, named before; not the name the verb
                                    # governs.
                                    continue
                                opening = self._opening_name(sent.start)
                                subject = (
                                    self.entities.entity_at(opening.start)
                                    if opening is not None and opening.start < mention.start
                                    else None
                                )
                                if (
                                    subject is not None
                                    and fits(subject, speaking)
                                    and (
                                        subject.type == PERSON
                                        or subject.gender is not None
                                        or subject.name.split()[0].lower() in lx.FIRST_NAMES
                                    )
                                ):
                                    # "But Edu was critical of the tackles on Jose Reyes.
                                    # “…,” he said": the subject, not whom it was about.
                                    return subject
                            if gender and wanted == ("unknown",) and self._object_of(mention):
                                # "…undermine Kazaa by…. “…,” he said": a name of no
                                # known kind a verb or preposition governs is no
                                # subject; the sentence's weaker subject ("Barca
                                # midfielder Deco, managed by Mourinho, …") or the
                                # person quoted just before speaks on.
                                if weak is not None and weak_at == i and weak_subject:
                                    return weak
                                spoke = self._person_speaking_before(i, gender, entity)
                                if spoke is not None:
                                    return spoke
                                if entity.name.split()[0].lower() in lx.FIRST_NAMES:
                                    return entity  # "which saw Andre 3000 …": a person
                                # else a weak antecedent: "good displays against West
                                # Brom" is no one "he" means while a subject is in reach
                                if weak is None:
                                    weak, weak_at, weak_subject = entity, i, False
                                continue
                            return entity
        if parenthetical and weak is None:
            return self._salient(offset, types, gender, depth, inside=True, unlike=unlike)
        return weak

    def _object_of(self, mention: Mention, depth: int = 0) -> bool:
        """Whether a mention stands after a lowercase word of its sentence that
        governs it ("than Botafogo", "undermine Kazaa", "ignoring a recent Law
        Lords judgement", "against West Brom and Aston Villa"), where a subject
        does not ("The versatile Mladenovic", "Fund manager Jo Roe")."""
        if mention.sentence_initial:
            return False
        sentence = self.doc.sentence_at(mention.start).start
        reach = max(sentence, mention.start - 60)
        near = self.doc.tokens_between(reach, mention.start)
        # "said master of ceremonies Jo Roe": named just after a verb of saying, a speaker.
        if not near or any(t.low in lx.SPEECH_FORMS for t in near[-5:]):
            return False
        k = len(near) - 1
        word = near[k].low
        owners = self._mentions_between(reach, mention.start) if depth < 3 else []
        if owners and owners[-1].possessive:
            gap = _POSSESSIVE_GAP.match(self.text, owners[-1].end)
            if gap is not None and gap.end() == mention.start:
                # "a clash with Aston Villa's Jo Roe": whose player it is, governed
                # in turn.
                return self._object_of(owners[-1], depth + 1)
        if not (near[k].text.isalpha() and near[k].text.islower()):
            return False
        if word in ("and", "or"):
            # (a number may end a stage name: "Andre 3000 and Big Boi")
            listed = next(
                (
                    m
                    for t in near[max(0, k - 2) : k][::-1]
                    if (m := self.mention_ending(t.end)) is not None
                ),
                None,
            )
            return listed is not None and depth < 3 and self._object_of(listed, depth + 1)
        if is_head_noun(word) or _role_noun(word) or _agent_word(word):
            return False  # "Fund manager Jo Roe", "striker Jo Roe": a role before the name
        j = k
        while j > k - 3 and j >= 0 and near[j].text.islower() and near[j].low not in _DETERMINERS:
            j -= 1
        if j >= 0 and near[j].low in _DETERMINERS:
            # "a recent Law Lords judgement": the word before the phrase governs it.
            if j == 0:
                return False
            k, word = j - 1, near[j - 1].low
            if not (near[k].text.isalpha() and near[k].text.islower()):
                return False
        return word not in _CLAUSE_OPENERS and word not in _CONJUNCT_LEADS

    def _opening_name(self, start: int) -> Mention | None:
        """The name that opens the sentence at ``start`` as its subject ("Edu
        was…", "But Edu was…"), not a possessor."""
        toks = self.doc.tokens_between(start, min(len(self.text), start + 40), 3)
        k = 0
        while k < len(toks) - 1 and (toks[k].low in ("but", "and", "yet") or toks[k].text == ","):
            k += 1
        mention = self.mention_starting(toks[k].start) if toks else None
        if mention is None or mention.possessive or mention.type not in (PERSON, "unknown"):
            return None
        return mention

    def _person_subject(self, mention: Mention) -> bool:
        """Whether a mention opens its sentence or follows a word for a person
        ("Barca midfielder Deco"), as a subject does."""
        if mention.sentence_initial:
            return True
        word = self._lowercase_word_before(mention)
        return word in lx.PERSON_NOUNS or word in lx.TITLE_WORDS or _agent_word(word)

    def _person_speaking_before(self, index: int, gender: str, candidate: Entity) -> Entity | None:
        """The person attributed words last, in sentence ``index`` or the few before
        it (``candidate`` itself if it was), or None."""
        para = self.doc.paragraph_index(self.doc.sentences[index].start)
        for i in range(index, max(-1, index - 5), -1):
            if para - self.doc.paragraph_index(self.doc.sentences[i].start) > 2:
                break
            for speaker in reversed(self.sentence_speakers.get(i, [])):
                entity = speaker.entity
                if entity is candidate:
                    return candidate
                if entity is not None and (
                    (entity.type == PERSON and entity.gender in (None, gender))
                    # a name of no known kind that "he" or "she" has meant already
                    or (entity.type == "unknown" and entity.gender == gender)
                ):
                    return entity
        return None

    def _closing_cue(self, offset: int) -> bool:
        """Whether the pronoun at ``offset`` and its verb of saying end the sentence,
        a few words of where or how aside: "…, he said in an email."."""
        end = self.doc.sentence_at(offset).end
        if end - offset > 80:
            return False
        toks = self.doc.tokens_between(offset, end)
        if len(toks) < 2:
            return False
        k = 1
        if toks[k].low in lx.VERB_MODIFIERS or toks[k].low.endswith("ly"):
            k += 1  # "he later said", "she quickly added"
        if k >= len(toks) or toks[k].low not in lx.SPEECH_FORMS:
            return False
        rest = toks[k + 1 :]
        return len(rest) <= 8 and not any(
            t.text in (",", ";", ":") or t.text in _QUOTE_MARKS for t in rest
        )

    def _in_reported_clause(self, start: int, offset: int) -> bool:
        """Whether ``offset`` lies in the clause that a pronoun's verb of saying
        earlier in its sentence (from ``start``) reports: "He said that Mr
        Clarke…". The pronoun's own antecedent is looked for further back."""
        toks = self.doc.tokens_between(max(start, offset - 160), offset)
        for k in range(1, len(toks)):
            tok = toks[k]
            if (
                tok.low in lx.SPEECH_FORMS
                and toks[k - 1].low in lx.SUBJECT_PRONOUNS
                and not self.inside_quote(tok.start)
            ):
                # "He told the Today programme that …", "He said Veritas would…":
                # the subject is the pronoun; later names are in its clause.
                return True
            if (
                tok.low in lx.SPEECH_FORMS
                and any(t.low == "that" for t in toks[k + 1 : k + 7])
                and not self.inside_quote(tok.start)
                # "When Jo Day suggested that he quit, Mr Roe…": the clause has ended.
                and not any(t.text == "," for t in toks[k + 1 :])
            ):
                # "Mrs Roe replied calmly that she was glad Ms Day had said so": a
                # name in the clause a verb of saying reports, whoever its subject.
                return True
        return False

    def _speaker_after_claim(self, start: int, end: int) -> Entity | None:
        """The person a sentence ending ", argued Mr Howard." or ", Mr Howard
        said." names as the speaker of the claim before the comma, when that
        claim names someone."""
        # The cue and its speaker are the sentence's last words: read those only.
        toks = self.doc.tokens_between(max(start, end - 120), end)
        while toks and not toks[-1].text[:1].isalnum():
            toks.pop()
        if len(toks) < 4:
            return None
        last = toks[-1]
        mention: Mention | None = None
        if last.low in lx.SPEECH_FORMS:
            # ", Mr Howard said."
            before = toks[-2]
            for k in range(len(toks) - 2, 0, -1):
                if toks[k - 1].text == ",":
                    mention = self.mention_starting(toks[k].start)
                    break
            if mention is None or mention.end != before.end:
                return None
            comma = mention.start
        else:
            # ", argued Mr Howard."
            mention = None
            for k in range(len(toks) - 1, 1, -1):
                verb = toks[k - 1].low
                if verb in lx.SPEECH_FORMS and toks[k - 2].text == ",":
                    if verb in _ADDRESSEE_VERBS:
                        return None  # "…, the analyst told Reuters."
                    mention = self.mention_starting(toks[k].start)
                    break
            if mention is None or mention.end != last.end:
                return None
            comma = toks[k - 2].start
        if mention.possessive or self.inside_quote(mention.start):
            return None
        named_before = any(
            not self.inside_quote(m.start) and m.type in (PERSON, "unknown")
            for m in self._mentions_between(max(start, comma - 400), comma)
        )
        return self.entities.entity_at(mention.start) if named_before else None

    def _fronted_phrase_subject(
        self,
        start: int,
        end: int,
        gender: str,
        mentions: list[Mention],
        participle_only: bool = False,
    ) -> bool:
        """Whether the sentence at ``start`` opens with a participle's phrase or one
        of "despite", "during", "following", and "he" (or "she") after its comma is
        the subject: "Describing the meeting at King's Cross, he said…"."""
        # Most sentences open otherwise: their first words are read before the rest.
        toks = self.doc.tokens_between(start, min(end, start + 300), 5)
        if toks and toks[0].low in ("and", "but"):
            toks = toks[1:]  # "And responding to criticism from Jo Roe, he…"
        if len(toks) < 4 or self.mention_starting(toks[0].start) is not None:
            return False
        opener = toks[0].low
        participle = opener.endswith(("ing", "ed")) and opener not in lx.FIRST_NAMES
        if not participle and (participle_only or opener not in _FRONTED_PREPOSITIONS):
            return False
        toks = self.doc.tokens_between(start, min(end, start + 300))
        words = lx.PRONOUNS_MALE if gender == "m" else lx.PRONOUNS_FEMALE
        for k, tok in enumerate(toks[1:-1], 1):
            if tok.text in ";:" or tok.text in _QUOTE_MARKS:
                return False
            if tok.text != ",":
                continue
            nxt = toks[k + 1]
            if nxt.low not in words or nxt.low not in lx.SUBJECT_PRONOUNS:
                return False
            # "Following Jo Roe's defeat, he…", but not "Despite what Jo Roe said, he…".
            return participle or not any(
                m.type == PERSON and not m.possessive for m in mentions if m.start < nxt.start
            )
        return False

    def _describes_a_thing(self, mention: Mention) -> bool:
        """ "an Oscar nomination", "their Grand Slam hopes": a name of unknown kind
        after an article or a possessive, before the noun it describes, is no
        one "he" or "she" can mean."""
        if mention.type != "unknown" or mention.possessive:
            return False
        before = self._word_before(mention.start)
        if before not in lx.NOUN_DETERMINERS:
            return False
        match = _NEXT_WORD.match(self.text, mention.end)
        return match is not None and not (
            match.group(1) in lx.SPEECH_FORMS
            or match.group(1) in lx.VERB_MODIFIERS
            or match.group(1) in _FINITE_MARKERS
            or match.group(1).endswith("ed")
        )

    def _person_like(self, entity: Entity) -> bool:
        """Whether a name of unknown kind may be a person's: a gender, a first
        name, or two words or more."""
        words = entity.name.split()
        return bool(entity.gender) or words[0].lower() in lx.FIRST_NAMES or len(words) > 1

    def _quoted_sentence(self, start: int, end: int) -> bool:
        """Whether a sentence lies wholly inside one quotation."""
        while start < end and self.text[start] in " \t\n“”\"‘’'":
            start += 1
        k = bisect_right(self._quoted_starts, start) - 1
        return k >= 0 and start < self._quoted_ends[k] and end - 1 <= self._quoted_ends[k] + 2

    def _weak_person(self, entity: Entity) -> bool:
        """A one-word name of unknown kind, named once, with nothing to say it is a
        person; or a name of unknown kind the text writes after "the" ("the
        Treasury", "the Commons"), as it does not write a person's."""
        return (
            entity.type == "unknown"
            and entity.gender is None
            and entity.name.split()[0].lower() not in lx.FIRST_NAMES
            and (
                (" " not in entity.name and self._times_named(entity) < 2)
                or self._named_after_the(entity)
                # "Grand Slam hopes", "Zorbot attacks", "Zorbot users": a name written
                # before a common noun names a thing, not a person.
                or (" " not in entity.name and self._modifies_a_noun(entity))
            )
        )

    def _modifies_a_noun(self, entity: Entity) -> bool:
        """Whether a one-word name is written, somewhere in the text, right before
        a lowercase noun ("Zorbot users", "Acme shares"), not before a verb."""
        if self._modifiers is None:
            # One pass over the mentions, the first time it is asked.
            found: set[int] = set()
            for mention in self.mentions:
                match = None if mention.possessive else _NEXT_WORD.match(self.text, mention.end)
                if match is not None and _COMMON_NOUN.fullmatch(match.group(1)):
                    named = self.entities.entity_at(mention.start)
                    if named is not None:
                        found.add(named.index)
            self._modifiers = found
        return entity.index in self._modifiers

    def _named_after_the(self, entity: Entity) -> bool:
        """Whether some mention of ``entity`` follows "the" (worked out once for all)."""
        if self._after_the is None:
            after: set[int] = set()
            text = self.text
            for mention in self.mentions:
                if text[max(0, mention.start - 4) : mention.start].lower() == "the ":
                    found = self.entities.entity_at(mention.start)
                    if found is not None:
                        after.add(found.index)
            self._after_the = after
        return entity.index in self._after_the

    def _opens_sentence(self, offset: int) -> bool:
        """Whether only a conjunction or nothing stands before ``offset`` in its sentence."""
        toks = self.doc.tokens_between(self.doc.sentence_at(offset).start, offset)
        # The quotation a "he said" follows is no word before it: "“…,” he said".
        words = [t for t in toks if t.text[0].isalnum() and not self.inside_quote(t.start)]
        return not words or (len(words) == 1 and words[0].low in ("but", "and", "so"))

    def _person_asked(self, start: int, end: int) -> Entity | None:
        """The person a sentence says someone asked: "Cooper asked Sanders about guns"."""
        toks = self.doc.tokens_between(start, min(end, start + 160))[:25]
        for k, tok in enumerate(toks[1:-1], 1):
            if tok.low not in _ASKING_VERBS:
                continue
            asker = self.mention_ending(toks[k - 1].end)
            asked = self.mention_starting(toks[k + 1].start)
            if asker is None or asked is None or asked.possessive:
                return None
            entity = self.entities.entity_at(asked.start)
            if entity is None or entity.type != PERSON:
                return None
            return entity if entity is not self.entities.entity_at(asker.start) else None
        return None

    def _titled_subject(self, start: int, end: int) -> Entity | None:
        """The person a sentence opening on "The president" or "In defeat, the
        senator" means: the one the article gives that title, when it gives it to one."""
        toks = self.doc.tokens_between(start, min(end, start + 80))[:10]
        k = 0
        if toks and toks[0].low != "the":
            # An opening phrase set off by a comma: "In defeat, the president …".
            comma = next((i for i, t in enumerate(toks[:5]) if t.text == ","), None)
            if comma is None:
                return None
            k = comma + 1
        if k >= len(toks) or toks[k].low != "the":
            return None
        for j in range(k + 1, min(k + 4, len(toks))):
            tok = toks[j]
            if not tok.text.isalpha() or not tok.text.islower():
                break
            if tok.low in lx.TITLE_WORDS:
                after = toks[j + 1] if j + 1 < len(toks) else None
                if (
                    after is None
                    or not after.text.isalpha()
                    or not after.text.islower()
                    or after.low in _OF_PREPOSITIONS
                    or after.low in ("of", "and", "or", "who", "whom", "whose")
                ):
                    return None  # "the president of the union", "the governor and …"
                holders = [
                    e
                    for e in self.entities.entities
                    if e.type == PERSON
                    and any(tok.low in spelt_out(r).split() for r in e.roles)
                    and self._first_named_before(e, start)
                ]
                return holders[0] if len(holders) == 1 else None
        return None

    def _person_noun_subject(self, start: int) -> bool:
        """Whether the sentence at ``start`` opens with "The minister", "The 28-year-old"."""
        toks = self.doc.tokens_between(start, min(len(self.text), start + 60))[:4]
        if not toks or toks[0].low != "the":
            return False
        for tok in toks[1:]:
            if self.mention_starting(tok.start) is not None:
                return False
            if tok.low in lx.PERSON_NOUNS or _YEAR_OLD.fullmatch(tok.low):
                return True
        return False

    def _mentions_between(self, start: int, end: int) -> list[Mention]:
        lo = bisect_left(self._starts, start)
        hi = bisect_left(self._starts, end)
        return self.mentions[lo:hi]

    def _names_whose(self, mention: Mention) -> bool:
        """Whether a name only says whose a person is: "a Clinton supporter",
        "the longtime Trump aide" (the supporter or aide is whom "she" means)."""
        if mention.possessive:
            return False
        match = _NEXT_WORD.match(self.text, mention.end)
        return match is not None and match.group(1) in lx.PERSON_NOUNS

    def _addressed(self, mention: Mention) -> bool:
        """Whether a name is whom words were said to ("…,” he told the BBC."): a
        pronoun that speaks next is not the listener."""
        before = self.text[max(0, mention.start - 24) : mention.start].split()
        if before and before[-1] == "the":
            before.pop()
        if len(before) >= 2 and before[-1] == "with" and before[-2] in _TALKS:
            return True  # "In an interview with Hot 97, …, he said": who asked, not "he"
        return bool(before) and before[-1] in _ADDRESSEE_VERBS

    def _unlikely_antecedent(self, mention: Mention) -> bool:
        """Capitalised words of unknown kind that are rarely people."""
        if mention.type != "unknown":
            return False
        if len(mention.tokens) == 1 and mention.name.lower() in lx.TITLE_WORDS:
            # "made Commander of the Order of the Bath": a title, not a surname.
            entity = self.entities.entity_at(mention.start)
            return entity is None or len(entity.aliases) < 2
        if (
            len(mention.tokens) > 1
            and self.text[max(0, mention.start - 4) : mention.start].rstrip().endswith(_OWNS)
            and _OWNED.search(self.text, max(0, mention.start - 30), mention.start)
        ):
            # "Westlife's Flying Without Wings", "Jo Roe's Midnight Garden": a work
            # or a thing someone has, named right after its owner.
            return True
        before = self.text[max(0, mention.start - 16) : mention.start].lower().split()
        if len(before) >= 2 and before[-1] == "the" and before[-2] in _PLACE_PREPOSITIONS:
            return True  # "in the New Year honours", "at the Old Bailey": not a person
        if mention.sentence_initial and len(mention.tokens) == 1:
            # "Chastened, he…"; but "Murphy, a Democrat, …" after "Patrick Murphy" is a name.
            entity = self.entities.entity_at(mention.start)
            return entity is None or len(entity.aliases) < 2
        return self._after_place_preposition(mention)

    def names_a_body(self, mention: Mention) -> bool:
        """Whether a name of unknown kind before "… group", "… union" can be the
        organisation's own: not "Muslim", "New York-based" or a sentence's first word."""
        words = [w.lower() for w in mention.tokens]
        if all(w in lx.NATIONALITIES or w in lx.PLACES for w in words):
            return False
        if words[-1].endswith(("-based", "-born", "-owned", "-led", "-backed")):
            return False
        return not (mention.sentence_initial and len(words) == 1 and self._common_word(mention))

    def _listed_with_place(self, mention: Mention) -> bool:
        """ "missions in Baghdad and Basra": a name listed after a place is one."""
        if not self.text[max(0, mention.start - 5) : mention.start].endswith(("and ", "or ", ", ")):
            return False
        toks = self.doc.tokens_between(max(0, mention.start - 40), mention.start)
        if len(toks) < 2 or toks[-1].low not in ("and", "or", ","):
            return False
        before = self.mention_ending(toks[-2].end)
        return before is not None and (
            before.type == "place" or self._after_place_preposition(before)
        )

    def _after_preposition(self, mention: Mention) -> bool:
        before = self.text[max(0, mention.start - 12) : mention.start].split()
        return bool(before) and before[-1].lower() in _OF_PREPOSITIONS

    def _after_place_preposition(self, mention: Mention) -> bool:
        """ "a rally in Milwaukee", "took to Twitter": places and things."""
        before = self.text[max(0, mention.start - 12) : mention.start].split()
        return bool(before) and before[-1].lower() in _PLACE_PREPOSITIONS

    def _pronoun_subject(
        self, start: int, end: int, gender: str, mentions: list[Mention]
    ) -> int | None:
        """Offset of a he/she that is the subject of text[start:end], before any name."""
        words = lx.PRONOUNS_MALE if gender == "m" else lx.PRONOUNS_FEMALE
        first_name = mentions[0].start if mentions else end
        for tok in self.doc.tokens_between(start, min(end, first_name)):
            if (
                tok.low in words
                and tok.low in lx.SUBJECT_PRONOUNS
                and not self.inside_quote(tok.start)
            ):
                return tok.start
        return None

    # -- the speaker phrase next to a cue --------------------------------

    def subject_before(
        self, cue_start: int, clause_start: int, pronouns: bool = True
    ) -> Speaker | None:
        """The speaker phrase that ends right before a cue: "Waltz [has] said".

        Names and role nouns are looked up once per cue; pronouns every time,
        since what they refer to grows with what has been attributed. With
        ``pronouns`` false a pronoun subject gives None, unresolved: resolving it
        is much of the cost, and a caller that only wants names can skip it.
        """
        key = (cue_start, clause_start)
        if key in self._subjects:
            return self._subjects[key]
        found = self._subject_before(cue_start, clause_start, pronouns)
        phrase = self._medium_phrase_start(cue_start, clause_start)
        if phrase is not None and (
            found is None or (found.mention_start or 0) + len(found.mention or "") > phrase
        ):
            # "Jeb Bush in a Medium post said", "Acme in a statement on Friday
            # said": the speaker stands before the phrase saying where it spoke.
            before = self._subject_before(phrase, clause_start, pronouns)
            if before is not None and self._opens_clause(before.mention_start or 0):
                found = before
        if found is not None and self.negated(found.mention_start or 0, found.mention or ""):
            found = None  # "No one said…", "None of the ministers said…": nobody spoke
        if (found is None and pronouns) or (found is not None and found.rule != "pronoun"):
            self._subjects[key] = found
        return found

    def _named_before_aside(self, toks: list[Token], close: int) -> Mention | None:
        """The name before an aside set off by dashes that ends at ``toks[close]``:
        "Mr Bez - himself a former executive at Porsche - said"."""
        while close > 0 and toks[close - 1].text in _ASIDE_DASHES:
            close -= 1  # "--" is two tokens
        for j in range(close - 1, max(0, close - 30), -1):
            if toks[j].text in _ASIDE_DASHES:
                while j > 0 and toks[j - 1].text in _ASIDE_DASHES:
                    j -= 1
                if j == 0:
                    return None
                named = self.mention_ending(toks[j - 1].end)
                if named is None or named.possessive or named.type not in _ASIDE_SPEAKERS:
                    return None
                # "Jo Roe, managing director of Acme Estates - a property firm -
                # told": the body is where the speaker works; "Jo Roe, director
                # of the Acme Fund, or AF - which … - said": another name for it.
                before = self._word_before(named.start)
                if before in _OF_A_BODY or before == "or":
                    return None
                return named
            if toks[j].text in ".;:" or toks[j].text in _QUOTE_MARKS:
                return None
        return None

    def _caused_to_speak(self, to_start: int, clause_start: int, pronouns: bool) -> Speaker | None:
        """Whom a verb like "led" or "prompted" made speak: "a show that led 12
        viewers to complain…", "…, leading some analysts to argue that…". They
        speak, not the subject of the sentence."""
        found = self._subject_before(to_start, clause_start, pronouns)
        if found is None or found.mention_start is None or found.rule == "pronoun":
            return None
        back = self.doc.tokens_between(
            max(clause_start, found.mention_start - 30), found.mention_start
        )
        for tok in reversed(back[-3:]):
            if tok.low in _CAUSATIVES:
                return found
            if not (tok.text.isdigit() or tok.low in _NUMBERS or tok.low in _DETERMINERS):
                return None
        return None

    def _floated_subject(
        self, quantifier: int, clause_start: int, pronouns: bool
    ) -> Speaker | None:
        """The named subject before "both" or "all" ("Jo Roe and Al Day have both
        said"): the first of the names, or no one when the list opens with words
        that are no name ("The player and his captain Jo Roe have both said") or
        with a pronoun, which a plural subject leaves unclear."""
        found = self._subject_before(quantifier, clause_start, pronouns)
        if found is None or found.rule == "pronoun" or found.mention_start is None:
            return None
        back = self.doc.tokens_between(
            max(clause_start, found.mention_start - 60), found.mention_start
        )
        k = len(back) - 1
        # Role words, capitalised ones too: "and current Ibrox manager Jo Roe".
        while (
            k >= 0
            and len(back) - k <= 5
            and (_conjunct_lead_word(back[k], False) or back[k].text.istitle())
            and back[k].low != "and"
        ):
            k -= 1
        if k >= 0 and (
            back[k].low == "and"
            or (back[k].text == "," and k > 0 and self.mention_ending(back[k - 1].end))
        ):
            return None  # the list goes on before the name found: its first is unknown
        return found

    def negated(self, start: int, mention: str) -> bool:
        """Whether a subject is denied ("No one said", "Not one minister said",
        "None of the ministers said", "Neither man said"): a negated subject
        names nobody who said anything."""
        words = mention.split()
        if len(words) > 1 and words[1][:1].isdigit():
            return False  # "No 10 said": a number, the prime minister's office
        if words and words[0].lower() in _NEGATIONS:
            return True
        # Only words and spaces between the denial and the subject: one search
        # of a short window, read right to left from the subject.
        return _DENIED_BEFORE.search(self.text, max(0, start - 30), start) is not None

    def _medium_phrase_start(self, cue_start: int, clause_start: int) -> int | None:
        """Where a phrase "in a statement", "in a Medium post on Friday" opens
        that stands between a subject and its verb, if one does."""
        start_at = max(clause_start, cue_start - 80)
        # The phrase opens with the word "in" and white space before the next
        # word, which few windows hold: one search turns the rest away untokenised.
        if _IN_THEN_SPACE.search(self.text, start_at, cue_start) is None:
            return None
        toks = self.doc.tokens_between(start_at, cue_start)
        start: int | None = None
        for k in range(len(toks) - 2, 0, -1):
            tok = toks[k]
            if not (tok.text.isalnum() or tok.low in ("’s", "'s")):
                break  # a comma or a mark: no phrase in the middle of a clause
            if (
                tok.low == "in"
                and toks[k + 1].low in _DETERMINERS
                # "in a statement", "in a Medium post": where it was said, not
                # "voters in a recent poll" or "a Democrat in the assembly".
                and any(t.low in _MEDIA for t in toks[k + 2 :])
            ):
                before = toks[k - 1]
                if self.mention_ending(before.end) is not None or is_head_noun(before.text):
                    start = tok.start
        return start

    def _opens_clause(self, offset: int) -> bool:
        """Whether a subject at ``offset`` opens its clause ("…, while Jeb Bush"),
        not a verb's object ("praised Hillary Clinton in a video")."""
        sent = self.doc.sentence_at(offset)
        toks = self.doc.tokens_between(max(sent.start, offset - 30), offset)
        return not toks or toks[-1].low in _CLAUSE_BOUNDARIES

    def _subject_before(
        self, cue_start: int, clause_start: int, pronouns: bool = True
    ) -> Speaker | None:
        # The subject and any appositive lie within a few hundred characters.
        toks = self.doc.tokens_between(max(clause_start, cue_start - _SUBJECT_REACH), cue_start)
        i = _last_subject_word(toks)
        if i >= 0 and toks[i].text == ")":
            # "Rep. Jane Roe (D-Ohio) said": step over the parenthesis.
            j = i
            while j >= 0 and toks[j].text != "(":
                j -= 1
            i = j - 1
        if (
            i >= 2
            and toks[i - 1].text == ","
            and toks[i].text.isupper()
            and toks[i].low in lx.POST_NOMINALS
            and self.mention_ending(toks[i - 2].end) is not None
        ):
            # "Jo Roe, QC told the court": letters after a name, set off by a comma
            # that the writer did not close.
            i -= 2
        if i < 0:
            return None
        if toks[i].low in ("both", "all") and i > 0 and toks[i - 1].text == ",":
            # "Jo Roe, a Democrat, and Al Day, a Republican, both said": the people
            # named before the quantifier are the subject.
            floated = self._subject_before(toks[i].start, clause_start, pronouns)
            if floated is not None and floated.type == PERSON:
                return floated
        if (
            toks[i].low in ("both", "all")
            and i > 0
            and (
                toks[i - 1].low in lx.VERB_MODIFIERS
                or toks[i - 1].low in ("they", "we")
                or self.mention_ending(toks[i - 1].end) is not None
            )
        ):
            # "Jo Roe and Al Day have both urged", "the unions all said": the
            # quantifier floats after the subject, who speaks.
            return self._floated_subject(toks[i].start, clause_start, pronouns)
        if toks[i].low == "to" and i > 0:
            caused = self._caused_to_speak(toks[i].start, clause_start, pronouns)
            if caused is not None:
                return caused
        if toks[i].low in ("and", "but", "or"):
            # "Don was head of the referees and revealed…": the verb shares a subject
            # named before; the words before "and" are no speaker's phrase.
            return None
        cue_word = (
            self.text[cue_start : cue_start + 12].split()[0].lower()
            if cue_start < len(self.text)
            else ""
        )
        if cue_word in lx.NOUN_LIKE_CUES and (
            toks[i].low in _DETERMINERS
            or toks[i].text[0].isdigit()
            or toks[i].low in _NUMBERS
            or toks[i].low in ("his", "her", "their", "its", "our", "my", "your")
        ):
            return None  # "the first four states that…", "his claims": nouns, not verbs
        if toks[i].low == "as" and cue_word.rstrip(":,;.") in ("saying", "says", "said", "say"):
            quoted = self._quoted_as_saying(toks, i, clause_start)
            if quoted is not None:
                return quoted
        last = i - 1 if toks[i].text == "," else i
        from_body = (
            self._member_of_body(toks, last) if self.mention_ending(toks[last].end) else None
        )
        if from_body is not None:
            # "David Noone from Intervoice said", "Jo Roe of the Consumers'
            # Association, told": the person, not the body they are from.
            return self.from_mention(from_body)
        if toks[i].text in _ASIDE_DASHES:
            named = self._named_before_aside(toks, i)
            if named is not None:
                return self.from_mention(named, "name_appositive")
        if toks[i].text == ",":
            # An appositive: "David Frost, director general of the chamber, warned",
            # "Jane Roe, 63, a retired teacher, said".
            opened = self._name_opening_appositives(toks, i, clause_start)
            if opened is not None:
                head, role = opened
                return self.from_mention(head, "name_appositive").with_role(role)
            for j in range(i - 1, max(-1, i - 40), -1):
                if toks[j].text in ";:":
                    break
                if toks[j].text != "," or j == 0:
                    continue
                if (
                    j >= 4
                    and toks[j - 1].low in _KIN
                    and toks[j - 2].low in ("his", "her", "their")
                    and toks[j - 3].low == "and"
                ):
                    # "Tom Roe and his wife, Mary, said": the couple, who speak
                    # under the first name, as people named together do.
                    partner = self.mention_ending(toks[j - 4].end)
                    if partner is not None and partner.type in (PERSON, "unknown"):
                        return self.from_mention(partner)
                if toks[j - 1].text == ")":
                    # "Sen. Dick Durbin (D-Ill.), noting the crowd, said"
                    k = j - 1
                    while k > 0 and toks[k].text != "(":
                        k -= 1
                    if k > 0 and (bracketed := self.mention_ending(toks[k - 1].end)) is not None:
                        return self.from_mention(bracketed, "name_appositive")
                opening = self.mention_starting(toks[j + 1].start) if j + 1 < i else None
                if (
                    opening is not None
                    and not opening.possessive
                    and (
                        opening.type == PERSON
                        or (opening.type == "unknown" and " " in opening.name)
                    )
                ):
                    # "One pastor backing Cruz, Darran Whiting of Marion, said"
                    return self.from_mention(opening, "name_appositive")
                named = self.mention_ending(toks[i - 1].end) if j + 1 < i else None
                lead = self.text[toks[j + 1].start : named.start] if named else "-"
                # "The Archbishop of Leeds, the Most Reverend Jo Roe, said": the
                # title's holder, past honorifics that open no name.
                honorifics = lead.split()[:1] == ["the"] and all(
                    w.istitle() for w in lead.split()[1:]
                )
                if (
                    named is not None
                    and (
                        lead.strip().lower() in ("", "the") or (honorifics and named.type == PERSON)
                    )
                    and named.type in (PERSON, ORGANISATION, "unknown")
                ):
                    # "The manufacturers' body, the EEF, said": the name is the speaker.
                    return self.from_mention(named, "name_appositive")
                mention = self.mention_ending(toks[j - 1].end)
                named = self.mention_ending(toks[i - 1].end) if j + 1 < i else None
                if (
                    mention is not None
                    and named is not None
                    and named.type == "place"
                    and named.start == toks[j + 1].start
                    and self._word_before(mention.start) in _LOCATED_AT
                ):
                    # "Jo Roe, 34, from Hale, Kent, said": where she is from, after her.
                    located = self._person_before_place(toks, mention, clause_start)
                    if located is not None:
                        return self.from_mention(located, "name_appositive")
                if mention is None:
                    if is_head_noun(toks[j - 1].text) and toks[j - 1].text.islower():
                        if (
                            named is not None
                            and named.type == PERSON
                            and not named.possessive
                            and not any(
                                t.low in _LINKS
                                or t.low in ("who", "which", "whose")
                                or (t.text.islower() and t.low.endswith(("ing", "ed")))
                                for t in toks[j + 1 : i]
                                if t.start < named.start
                            )
                        ):
                            # "His wife, longtime aide Jo Roe, said": the person the
                            # role noun is set beside.
                            return self.from_mention(named, "name_appositive")
                        # "The companies, which had answered, said": a role noun.
                        return nominal(self, toks[:j], j - 1)
                    continue
                if (
                    j > 1
                    and toks[j - 2].low == "the"
                    and mention.start == toks[j - 1].start
                    and _from_a_country(toks[j - 1].low)
                ):
                    # "The Frenchman, who turns 35, said": a person named before.
                    return self._year_old(toks, j - 1, known=True)
                linked = self._linked_head(toks[:j], j - 1)
                if linked is not None and mention.type in (ORGANISATION, "unknown"):
                    # "A spokesman for the Casino Association, which represents the
                    # industry, said": the spokesman, not the body.
                    return self._described(nominal(self, toks, linked, through=toks[j - 1].end))
                mention = self._first_conjunct(mention, clause_start)
                appositive = self.text[toks[j + 1].start : toks[i - 1].end] if j + 1 < i else ""
                if not appositive.strip():
                    break
                if (
                    _AGE.fullmatch(appositive)
                    or appositive.split()[0].lower() in ("who", "whose")
                    # "Mr. Roe, asked about the vote, said": an aside, not a clause.
                    or appositive.split()[0].lower() in _PARTICIPIAL_ASIDES
                ):
                    # "Jo Roe, 57, said", "Jo Roe, who lives nearby, said"
                    return self.from_mention(mention, "name_appositive")
                if _looks_like_role(appositive):
                    role = appositive if len(appositive) <= 80 else None
                    return self.from_mention(mention, "name_appositive").with_role(role)
                if not any(
                    t.low in lx.SPEECH_FORMS or t.low in _FINITE_MARKERS or t.low.endswith("ed")
                    for t in toks[j + 1 : i]
                ):
                    # "Jo Roe, wearing a campaign badge, said": no role, same speaker
                    # (but "In Leeds, Roe stepped up his attack, saying" has a verb).
                    return self.from_mention(mention, "name_appositive")
                break
            return None
        tok = toks[i]
        linked = self._linked_head(toks, i)
        named = self.mention_ending(tok.end)
        if linked is not None and named is not None and named.type == PERSON:
            # "director of rugby Nigel Melville said": a role, then the person
            # (but "a spokeswoman for Jo Roe says" is the spokeswoman).
            k = i
            while k > 0 and toks[k - 1].start >= named.start:
                k -= 1
            if k > 0 and toks[k - 1].low not in _LINKS and toks[k - 1].text.islower():
                role = self.text[toks[linked].start : named.start].strip()
                return self.from_mention(named).with_role(role)
        if tok.low == "who" and i >= 1 and toks[i - 1].text != ",":
            # "…, said Jo Roe, 32, a nurse from Leeds who said she would march":
            # "who" is the person the description set off by a comma is of.
            described = self._described_before(toks, i, clause_start, described_only=True)
            if described is not None:
                return self.from_mention(described, "relative_who")
        if linked is not None:
            # "attorneys for the family said", "a spokeswoman for Jo Roe says"
            return self._described(nominal(self, toks, linked, through=tok.end))
        if tok.low == "which" and i >= 2 and toks[i - 1].text == ",":
            # "Acme, which argued that…": a body, the one before "which".
            before = self.mention_ending(toks[i - 2].end)
            if before is not None and not before.possessive and before.type != PERSON:
                return self.from_mention(before, "relative_who")
        if tok.low == "who" and i >= 2 and toks[i - 1].text == ",":
            # "…, said Mr Sanders, who said he was tired": the one before "who".
            before = self.mention_ending(toks[i - 2].end)
            if before is not None and not before.possessive:
                return self.from_mention(before, "relative_who")
        if tok.low == "who" and i >= 1 and toks[i - 1].text != ",":
            # "voters who say…", "four in 10 who said…": the people just named.
            prev = toks[i - 1]
            named = self.mention_ending(prev.end)
            if named is not None and named.type in (ORGANISATION, "place"):
                # "Norman Ornstein, a scholar at the American Enterprise Institute
                # who describes…": "who" is the person the description is of.
                described = self._described_before(toks, i, clause_start)
                if described is not None:
                    return self.from_mention(described, "relative_who")
            if named is not None and not named.possessive:
                return self.from_mention(named, "relative_who")
            if is_head_noun(prev.text) and prev.text.islower():
                found = nominal(self, toks[:i], i - 1)
                return replace(found, rule="relative_who") if found is not None else None
            if prev.text[0].isdigit() or prev.low in _NUMBERS:
                return self._share_of_people(toks, i - 1)
        mention = self.mention_ending(tok.end)
        if (
            mention is not None
            and cue_word.endswith("ing")
            and mention.start > clause_start
            and self._word_before(mention.start) in _OBJECT_PREPOSITIONS
        ):
            # "wrote a letter to Loretta Lynch asking…": the one written to does not
            # ask; the participle's subject is the sentence's.
            return None
        if (
            mention is not None
            and mention.start == tok.start
            and i > 0
            and (toks[i - 1].low == "the" or _YEAR_OLD.fullmatch(toks[i - 1].low))
            and _from_a_country(tok.low)
            and tok.text.istitle()
            and tok.low not in lx.PLACES
        ):
            # "the Dutchman said", "the 24-year-old Swiss added": the person last
            # spoken of, as "he said" would be, not a place ("the EU said" is a body).
            aged = self._year_old(toks, i, known=True)
            if aged is not None and not self._named_before_sentence(aged.entity, tok.start):
                # "Asked about a remark by Jo Roe, the American said": not Jo Roe,
                # but whom the text was about before the sentence.
                sentence = self.doc.sentence_at(tok.start).start
                aged = self._year_old(toks, i, known=True, before=sentence)
            if aged is not None:
                return aged
        if mention is not None and mention.start >= clause_start:
            member = self._member_for(toks, mention)
            if member is not None:
                return member
            opened = self._unclosed_appositive(toks, i, mention, clause_start)
            if opened is not None:
                head, role = opened
                return self.from_mention(head, "name_appositive").with_role(role)
            relative = self._unclosed_relative(toks, i, clause_start)
            if relative is not None:
                return relative
            if mention.possessive:
                return None
            if (
                cue_word in lx.NOUN_LIKE_CUES
                and mention.type == "unknown"
                and mention.sentence_initial
                and len(mention.tokens) == 1
                and (self._common_word(mention) or cue_word in _SINGULAR_NOUN_CUES)
            ):
                return None  # "Strong demand from China…": an adjective and a noun
            if self.stray_capital(mention):
                return None  # "Speculation suggests…", "Markets responded…"
            body = self._body_before_at(mention, clause_start)
            if body is not None:
                return self.from_mention(body)
            located = self._person_before_place(toks, mention, clause_start)
            if located is not None:
                return self.from_mention(located)
            return self.from_mention(self._first_conjunct(mention, clause_start))
        if pronoun_of(tok.low) in lx.SUBJECT_PRONOUNS:
            return self.resolve_pronoun(tok) if pronouns else None
        if is_head_noun(tok.text) or self._singular_agent(toks, i):
            if i > 0 and toks[i - 1].low in ("to", "for") and cue_word.endswith("ing"):
                # "her memo to employees explaining the deal": whom it is addressed
                # to, not who explains.
                return None
            return self._described(nominal(self, toks, i))
        if _YEAR_OLD.fullmatch(tok.low) and i > 0 and toks[i - 1].low == "the":
            # "The 64-year-old said": the person last spoken of, as a pronoun would be.
            return self._year_old(toks, i)
        if tok.text[0].isdigit() or tok.low in _NUMBERS or tok.low in ("percent", "%"):
            return self._share_of_people(toks, i)
        return self._quantified_people(toks, i)

    def _quoted_as_saying(self, toks: list[Token], as_: int, clause_start: int) -> Speaker | None:
        """ "Reuters quoted one trader as saying", "Mr Roe was quoted as saying":
        whom the words are quoted from, not who quotes them."""
        if as_ < 2:
            return None
        if toks[as_ - 1].low == "quoted":
            if toks[as_ - 2].low in ("was", "were", "is", "are", "been", "being"):
                # "Mr Roe was quoted as saying": the subject of the passive.
                return self._subject_before(toks[as_ - 2].start, clause_start)
            return None
        for q in range(as_ - 2, max(-1, as_ - 10), -1):
            if toks[q].text in ",;:":
                return None
            if toks[q].low != "quoted":
                continue
            last = as_ - 1
            named = self.mention_ending(toks[last].end)
            if named is not None and named.start >= toks[q].end:
                return self.from_mention(named)
            if is_head_noun(toks[last].text) and toks[last].text.islower():
                return nominal(self, toks[q + 1 : last + 1], last - q - 1)
            return None
        return None

    def _quantified_people(self, toks: list[Token], last: int) -> Speaker | None:
        """A quantifier that is the whole subject: "Several said…", "Others insist…",
        "…, many argue, …", and the people a poll asked: "Those surveyed say…"."""
        first = last
        if toks[last].low not in _QUANTIFIERS:
            if not (
                last > 0
                and toks[last - 1].low == "those"
                and toks[last].low.endswith("ed")
                and toks[last].text.islower()
            ):
                return None
            first = last - 1  # "those surveyed", "those polled"
        if first > 0 and not (
            toks[first - 1].text in ",;:(—" or toks[first - 1].low in _CONJUNCT_LEADS
        ):
            return None  # "the other said", "all the same, most…": not the whole subject
        phrase = self.text[toks[first].start : toks[last].end]
        return Speaker(phrase.lower(), GROUP, phrase, toks[first].start, None, "quantifier")

    def _is_located(self, mention: Mention) -> bool:
        """Whether a name is where someone is: a place, or any name after "in",
        "from" or "near" ("at Postbridge on Dartmoor in the West Country")."""
        if mention.possessive:
            return False
        before = self._word_before(mention.start)
        if before == "the":
            before = self._word_before(self.text.rfind("the", 0, mention.start))
        return mention.type == "place" or before in _LOCATED_AT

    def _person_before_place(
        self, toks: list[Token], mention: Mention, clause_start: int
    ) -> Mention | None:
        """ "Our correspondent Jo Roe at Hale in Cheshire said", "the BBC's Jo Roe,
        with the hunt in Hale, Cheshire said": the person before the places she is
        at, not the last place named."""
        if not self._is_located(mention):
            return None
        k = next((n for n, t in enumerate(toks) if t.start == mention.start), None)
        located = False
        while k is not None and k > 0 and toks[k - 1].start >= clause_start:
            prev = toks[k - 1]
            named = self.mention_ending(prev.end)
            if named is not None:
                if not named.possessive and (
                    named.type == PERSON or (named.type == "unknown" and " " in named.name)
                ):
                    return named if located else None
                if named.possessive:
                    return None
                k = next((n for n in range(k - 1, -1, -1) if toks[n].start == named.start), None)
                continue
            if prev.low in _PLACE_PREPOSITIONS or prev.low == "with":
                located = True
            elif prev.text != "," and prev.low != "the" and not prev.text.isdigit():
                return None  # (an age may stand between: "Jo Roe, 34, from Hale")
            k -= 1
        return None

    def _word_before(self, offset: int) -> str:
        """The lowercased word just before ``offset``, or ""."""
        found = _LAST_WORD.search(self.text, max(0, offset - 12), offset)
        return found.group(1).lower() if found else ""

    def _described_before(
        self, toks: list[Token], last: int, clause_start: int, described_only: bool = False
    ) -> Mention | None:
        """The person whose description, set off by a comma, runs up to ``toks[last]``.

        With ``described_only`` the words after the comma must open a description
        ("a nurse", "the head of…"), and an age between name and description is
        stepped over: "Jo Roe, 32, a nurse who…"."""
        for k in range(last - 1, max(0, last - 20), -1):
            if toks[k].text in ";:.":
                return None
            if toks[k].text == "," and toks[k].start >= clause_start:
                if described_only:
                    words = toks[k + 1 : last]
                    if (
                        not words
                        or words[0].low not in ("a", "an", "the")
                        or any(t.low in ("and", "or") or t.text in '“”"' for t in words)
                    ):
                        return None
                    if k >= 3 and _AGE.fullmatch(toks[k - 1].text) and toks[k - 2].text == ",":
                        k -= 2  # "Jo Roe, 32, a nurse"
                person = self.mention_ending(toks[k - 1].end) if k > 0 else None
                if person is not None and (
                    (person.type == PERSON and not person.possessive)
                    or (self._may_be_person(person) and " " in person.name)
                ):
                    return person
                return None
        return None

    def _member_of_body(self, toks: list[Token], last: int) -> Mention | None:
        """The person in "Jo Roe from Acme", "Jo Roe of the Acme Group", whose
        phrase ends at ``toks[last]``."""
        if last < 2:
            return None
        body = self.mention_ending(toks[last].end)
        if body is None or body.possessive or body.type not in (ORGANISATION, "unknown"):
            return None
        k = last
        while k >= 0 and toks[k].start >= body.start:
            k -= 1
        if k >= 0 and toks[k].low == "the":
            k -= 1
        if k < 1 or toks[k].low not in ("from", "of", "at"):
            return None
        person = self.mention_ending(toks[k - 1].end)
        if (
            person is None
            or person.possessive
            or not (person.type == PERSON or (person.type == "unknown" and " " in person.name))
        ):
            return None
        ahead = self.doc.tokens_between(max(0, person.start - 12), person.start)
        if ahead and ahead[-1].low in ("and", "of", "for", "the", "at", "from"):
            return None  # "the Science and Technology Directorate of the Department"
        return person

    def _first_conjunct(self, mention: Mention, clause_start: int) -> Mention:
        """ "Mr Grassley and Mr Leahy said", "Sens. Jo Roe, Al Day and Ed Fry said":
        people named together speak under the first name, as news reports them;
        so do bodies ("Acme and Zorbot announced", "the BBC, ITV and Sky said")."""
        # A body, or one word of no known kind ("Acme", "Zorbot").
        bodies = self._body_like(mention) or (mention.type == "unknown" and " " not in mention.name)
        if (mention.type not in (PERSON, "unknown") and not bodies) or mention.possessive:
            return mention
        first, joined = mention, False
        for _ in range(_MAX_CONJUNCTS):
            toks = self.doc.tokens_between(max(clause_start, first.start - 80), first.start)
            k = len(toks) - 1
            # Role words before a name: "and former Maryland governor Martin O’Malley";
            # before a body's, only "the" ("and the Acme Trust").
            while k >= 0 and len(toks) - k <= 4 and _conjunct_lead_word(toks[k], bodies):
                k -= 1
            if k < 1 or toks[k].low not in ("and", ","):
                break
            if bodies and first is mention and toks[k].low != "and":
                # A list of bodies ends "…, B and C said"; "for both Acme and
                # Zorbot, Roe said" puts a comma before the subject, not in the list.
                break
            joined = joined or toks[k].low == "and"
            k -= 1
            if toks[k].text == ")":
                # "Sen. Bernie Sanders (Vt.) and …"
                back = range(k - 1, max(-1, k - 8), -1)
                opening = next((m for m in back if toks[m].text == "("), None)
                if opening is None or opening < 1:
                    break
                k = opening - 1
            before = self.mention_ending(toks[k].end)
            if (
                before is None
                or before.possessive
                or not (
                    self._known_person(before)
                    # "Tom Roe, Dianne Fry and Ben Day said": a full name of no known
                    # kind, listed with people, is one of them.
                    or (before.type == "unknown" and " " in before.name)
                    or (bodies and (self._body_like(before) or before.type == "unknown"))
                )
            ):
                break  # "Trade and Industry Secretary Jo Roe": a title, not a person
            if (
                bodies
                and self.text[before.end : first.start].strip() == "and"
                and first.name.rsplit(None, 1)[-1].lower() in lx.ORG_WORDS
                and before.name.rsplit(None, 1)[-1].lower() not in lx.ORG_WORDS
            ):
                break  # "the Securities and Exchange Commission": one body's name
            first = before
        if not joined or first is mention:
            return mention
        # The names open the clause ("But Mr Roe and Mr Day said"), not end a phrase
        # before it ("training in Holland and Ferguson said").
        toks = self.doc.tokens_between(max(clause_start, first.start - 40), first.start)
        k = len(toks) - 1
        while k >= 0 and (
            (_conjunct_lead_word(toks[k], bodies) and toks[k].low not in _CONJUNCT_LEADS)
            # the full stop of "Sens." or "Gov." before the names
            or (toks[k].text == "." and k > 0 and toks[k - 1].low in lx.TITLE_WORDS)
        ):
            k -= 1
        if k >= 0 and toks[k].text != "," and toks[k].low not in _CONJUNCT_LEADS:
            return mention
        return first

    def _body_like(self, mention: Mention) -> bool:
        """A company, party or other body, by its name or by what the article calls it."""
        entity = self.entities.entity_at(mention.start)
        kind = entity.speaker_type if entity is not None else mention.type
        return kind in (ORGANISATION, GROUP)

    def _member_for(self, toks: list[Token], mention: Mention) -> Speaker | None:
        """ "The MP for Hartlepool said", "the MEP for Wales": a member for a place,
        who is the person the text was about (as "the minister said" would be),
        else the member so described; not the place."""
        if mention.possessive or mention.type == PERSON:
            return None
        k = next((n for n, t in enumerate(toks) if t.start == mention.start), None)
        while k is not None and k >= 2 and toks[k - 1].low == "and":
            # "the MP for Ashby and Coalville": places joined by "and"
            before = self.mention_ending(toks[k - 2].end)
            if before is None:
                return None
            k = next((n for n in range(k - 2, -1, -1) if toks[n].start == before.start), None)
        if k is None or k < 2 or toks[k - 1].low != "for":
            return None
        title = toks[k - 2]
        if not (title.text.isupper() and title.low in lx.TITLE_WORDS):
            return None
        start = toks[k - 3].start if k >= 3 and toks[k - 3].low == "the" else title.start
        phrase = self.text[title.start : mention.end]
        surface = self.text[start : mention.end]
        entity = self.entities.with_role(phrase)
        if entity is None and start != title.start:
            entity = self.title_holder(self.doc.sentence_at(start).start, title.low)
        if entity is not None:
            return Speaker(entity.name, PERSON, surface, start, phrase, "role_noun", entity)
        return Speaker(phrase, ANONYMOUS, surface, start, None, "role_noun")

    def _body_before_at(self, mention: Mention, clause_start: int) -> Mention | None:
        """The body that a subject's last name is where it sits: "the Centre for
        Tax Policy at Acme University (and the Roe Institute) said" is the Centre."""
        if mention.type == PERSON:
            return None
        at = mention.start
        for _ in range(3):
            # Past the bodies listed with it: "at Acme University and the Roe Institute".
            toks = self.doc.tokens_between(max(clause_start, at - 60), at)
            k = len(toks) - 1
            if k >= 0 and toks[k].low == "the":
                k -= 1
            if k < 1 or toks[k].low not in ("and", ","):
                break
            before = self.mention_ending(toks[k - 1].end)
            if before is None or before.type == PERSON or before.possessive:
                return None
            at = before.start
        toks = self.doc.tokens_between(max(clause_start, at - 60), at)
        k = len(toks) - 1
        if k >= 0 and toks[k].low == "the":
            k -= 1
        if k < 1 or toks[k].low != "at":
            return None
        body = self.mention_ending(toks[k - 1].end)
        if body is None or body.type != ORGANISATION or body.possessive:
            return None
        return body

    def _may_be_person(self, mention: Mention) -> bool:
        """A person's name, or a name of unknown kind that no preposition places."""
        entity = self.entities.entity_at(mention.start)
        kind = entity.type if entity is not None else mention.type
        return (
            kind in (PERSON, "unknown")
            and not mention.possessive
            and not self._after_place_preposition(mention)
        )

    def _known_person(self, mention: Mention) -> bool:
        """Whether a mention is of someone known to be a person (a title, an
        honorific or a first name), not a capitalised word of unknown kind."""
        entity = self.entities.entity_at(mention.start)
        kind = entity.type if entity is not None else mention.type
        return kind == PERSON and not self._after_place_preposition(mention)

    def _unclosed_appositive(
        self, toks: list[Token], last: int, mention: Mention, clause_start: int
    ) -> tuple[Mention, str | None] | None:
        """ "Lisa Power, head of policy at the Trust said": the role's comma is never
        closed, so the name before the cue is inside the role, not the speaker."""
        commas = [k for k in range(last) if toks[k].text == ","]
        if len(commas) != 1:
            return None
        role_words = toks[commas[0] + 1 : last + 1]
        if not any(
            t.start < mention.start
            and t.text.islower()
            and (t.low in lx.TITLE_WORDS or t.low in lx.PERSON_NOUNS)
            for t in role_words
        ):
            return None  # "Obama, the White House said, …": no role before the name
        opened = self._name_opening_appositives(toks, last + 1, clause_start)
        if opened is None or opened[0].type != PERSON or opened[0].end > toks[commas[0]].start:
            return None
        return opened

    def _unclosed_relative(self, toks: list[Token], last: int, clause_start: int) -> Speaker | None:
        """ "Ms Roe, who presents The Late Show said", "The host who also presents
        Top Tunes said": the name before the cue ends a relative clause whose comma
        is never closed; whom "who" is said of speaks."""
        for w in range(last - 1, 0, -1):
            tok = toks[w]
            if tok.start < clause_start or tok.text in _CLAUSE_BREAKS:
                return None
            if tok.low != "who":
                continue
            if w + 1 >= last or not toks[w + 1].text.islower():
                return None  # "…, who Labour said…": no verb of the relative clause
            k = w - 1 if toks[w - 1].text == "," else w
            if k < 1:
                return None
            named = self.mention_ending(toks[k - 1].end)
            if named is not None and not named.possessive and named.type in (PERSON, "unknown"):
                return self.from_mention(named, "relative_who")
            if k == w and is_head_noun(toks[w - 1].text) and toks[w - 1].text.islower():
                found = nominal(self, toks[:w], w - 1)
                return replace(found, rule="relative_who") if found is not None else None
            return None
        return None

    def _pronoun_subject_before(self, offset: int) -> Entity | None:
        """The person a "he" or "she" opening the sentence before ``offset`` means."""
        index = self.doc.sentence_index(offset)
        if index == 0:
            return None
        sent = self.doc.sentences[index - 1]
        toks = self.doc.tokens_between(sent.start, min(sent.end, sent.start + 12))
        if not toks or toks[0].low not in ("he", "she") or self.inside_quote(toks[0].start):
            return None
        gender = "m" if toks[0].low == "he" else "f"
        return self._salient(toks[0].start, (PERSON, "unknown"), gender)

    def _named_before_sentence(self, entity: Entity | None, offset: int) -> bool:
        """Whether ``entity`` was named before the sentence at ``offset``."""
        if self._first_named is None:
            # Where each entity is first named (-1 for mentions of none), found once
            # rather than by reading back through every mention at each question.
            first: dict[int, int] = {}
            for mention in self.mentions:
                found = self.entities.entity_at(mention.start)
                first.setdefault(found.index if found is not None else -1, mention.start)
            self._first_named = first
        named = self._first_named.get(entity.index if entity is not None else -1)
        return named is not None and named < self.doc.sentence_at(offset).start

    def _opens_sentence_before(self, entity: Entity, offset: int) -> bool:
        """Whether ``entity`` is named by the first words of the sentence before
        ``offset`` ("Kofi Mensah scored twice. “…,” said the 28-year-old")."""
        index = self.doc.sentence_index(offset) - 1
        # Past the quotation's own sentences ("“Honestly? I didn't…,” said the 19-year-old").
        floor = index - 4
        while index > floor and index >= 0 and self._opens_quoted(self.doc.sentences[index].start):
            index -= 1
        if index < 0:
            return False
        mention = self.mention_starting(self.doc.sentences[index].start)
        if mention is not None and mention.possessive and mention.type != PERSON:
            # "Arsenal's Edu has lifted the lid…": the club's player opens the sentence.
            marker = _POSSESSIVE_GAP.match(self.text, mention.end)
            mention = self.mention_starting(marker.end()) if marker else None
        return mention is not None and self.entities.entity_at(mention.start) is entity

    def _spoke_before(self, entity: Entity, offset: int) -> bool:
        """Whether ``entity`` was found by name as a speaker in one of the ten
        sentences before ``offset`` ("Safin said he was calm. … The Russian
        added that…"): one who speaks is no headline word taken for a name."""
        index = self.doc.sentence_index(offset)
        spoken = self.sentence_speakers
        for k in range(index - 1, max(-1, index - 11), -1):
            if any(s.entity is entity and s.rule == "name" for s in spoken.get(k, ())):
                return True
        return False

    def _opens_quoted(self, start: int) -> bool:
        return self.text[start] in "\"“‘'«»`" or self.inside_quote(start)

    def _year_old(
        self, toks: list[Token], i: int, known: bool = False, before: int | None = None
    ) -> Speaker | None:
        """ "the 64-year-old" at ``toks[i]``: the person the text was just about
        (before ``before``, when given).

        With ``known``, only someone known to be a person by gender or first name:
        after the quote ("…," said the 30-year-old) other rules may know better
        than a club or a headline word taken for a name.
        """
        offset = toks[i].start if before is None else before
        entity = self._pronoun_subject_before(offset)
        if entity is not None:
            # "She will now meet Venus Williams. “…,” said the 23-year-old": whom
            # the last sentence was about, not the name at its end.
            known = False
        else:
            entity = self._salient(offset, (PERSON,), None)
        if entity is None or (
            known
            and entity.gender is None
            and entity.name.split()[0].lower() not in lx.FIRST_NAMES
            and not self._opens_sentence_before(entity, offset)
            and not self._spoke_before(entity, offset)
        ):
            return None
        mention = self.text[toks[i - 1].start : toks[i].end]
        return Speaker(entity.name, PERSON, mention, toks[i - 1].start, None, "role_noun", entity)

    def _name_opening_appositives(
        self, toks: list[Token], last_comma: int, clause_start: int
    ) -> tuple[Mention, str | None] | None:
        """The name that opens a clause and is described up to the cue, and its role.

        "Hogan Gidley, a former director of the state party, whose roots are in
        the church, said": Gidley, whatever names the descriptions hold.
        """
        if not toks or toks[0].start > clause_start + 4:
            return None  # the clause starts beyond the words read
        first = 0
        if toks[0].low in _OPENING_ADVERBIALS:
            # "In a statement, Dr Jo Roe, head of research, said": past the adverbial.
            comma = next((k for k in range(1, min(len(toks), 8)) if toks[k].text == ","), None)
            if comma is None or comma + 1 >= last_comma:
                return None
            first = comma + 1
        if toks[first].low == "the" and first + 1 < len(toks):
            first += 1
        head = self.mention_starting(toks[first].start)
        if head is None or head.possessive:
            return None
        if first > 0 and toks[first - 1].low == "the" and _from_a_country(head.name.lower()):
            return None  # "The Frenchman, who turns 35, said": a person named before
        entity = self.entities.entity_at(head.start)
        kind = entity.type if entity is not None else head.type
        if kind not in (PERSON, ORGANISATION) and not (kind == "unknown" and " " in head.name):
            return None  # "Recently, …": a capitalised word is not yet a name
        k = first
        while k < last_comma and toks[k].end <= head.end:
            k += 1
        if k >= last_comma or toks[k].text != ",":
            return None
        named = self.mention_starting(toks[k + 1].start) if k + 1 < last_comma else None
        end = next((m for m in range(k + 1, last_comma) if toks[m].text == ","), last_comma)
        if named is None and k + 2 < end and toks[k + 1].low == "the":
            # "The Archbishop of Leeds, the Most Reverend Jo Roe, said": the title's
            # holder, past "the" and honorifics that open no name.
            m = k + 2
            while (
                m < end and self.mention_starting(toks[m].start) is None and toks[m].text.istitle()
            ):
                m += 1
            named = self.mention_starting(toks[m].start) if m < end else None
            if named is not None and named.type != PERSON:
                named = None
        if (
            named is not None
            and named.type in (PERSON, "unknown")
            and not named.possessive
            # "Mark Oaten, Liberal Democrat home affairs spokesman, said": a party
            # that opens a role is no second name.
            and not any(t.start >= named.end and t.text.islower() for t in toks[k + 1 : end])
        ):
            return None  # "Director of Public Prosecutions, Ken Macdonald, said": Macdonald
        # Between the commas, descriptions only: no second verb of saying
        # ("a book calling for stimulus" describes; "who said" would not).
        if any(
            t.low in lx.SPEECH_FORMS
            and t.text.islower()
            and not t.low.endswith("ing")
            and t.low not in _NAMING_VERBS  # "a firm called Gavekal" names it
            for t in toks[k:last_comma]
        ):
            return None
        # The first description is the role when it reads as one.
        role = self.text[toks[k + 1].start : toks[end - 1].end] if end > k + 1 else ""
        return head, role if role and len(role) <= 80 and _looks_like_role(role) else None

    def _share_of_people(self, toks: list[Token], last: int) -> Speaker | None:
        """Poll answers: "six in 10 said…", "about 52 percent of voters say…"."""
        first = last
        while (
            first > 0
            and last - first < 6
            and (
                toks[first - 1].text[0].isdigit()
                or toks[first - 1].low in _NUMBERS
                or toks[first - 1].low in ("in", "of", "percent", "%", "about", "nearly", "almost")
            )
        ):
            first -= 1
        while first < last and toks[first].low in ("in", "of"):
            first += 1  # "two of a total of 10 proposed": the share opens with its number
        if first > 0 and toks[first - 1].low in ("number", "no"):
            # "the world number one said": a ranking, held by the person the
            # text is about, as "the 28-year-old" is
            return self._year_old(toks, last, known=True)
        phrase = self.text[toks[first].start : toks[last].end]
        words = toks[first : last + 1]
        if not any(t.text[0].isdigit() or t.low in _NUMBERS for t in words):
            return None
        if len(words) == 1 and words[0].text.replace(",", "").isdigit():
            # "since 2010 said": a year, not a share of people; "the 140,000
            # confirmed deaths": a count of things
            return None
        if _YEAR.fullmatch(words[-1].text) and all(t.low in ("in", "of") for t in words[:-1]):
            return None  # "had in 1997 complained": when, not who
        return Speaker(phrase.lower(), GROUP, phrase, toks[first].start, None, "share_of_people")

    def _described(self, speaker: Speaker | None) -> Speaker | None:
        """ "Sam Lau, the party's spokesman said": the name before a description
        (even when the description fits someone named before: "Howard Archer,
        economist at Global Insight said" after "Philip Shaw, chief economist")."""
        if speaker is None or (
            speaker.entity is not None
            and (
                speaker.rule != "role_noun"
                or speaker.type != PERSON
                # "Firstly, the prime minister said": a title with "the" is its holder
                or speaker.mention.lower().startswith("the ")
            )
        ):
            return speaker
        if _PARENTHETICAL_AFTER.match(self.text, speaker.mention_start + len(speaker.mention)):
            # "Mr Roe, officials said, has grown wary": the cue is set off inside
            # the claim, which is about the one named; officials are no description.
            return speaker
        # "Jo Roe, a Lufthansa spokesman told": the article and the employer's
        # name may stand between the comma and the role noun.
        window = max(0, speaker.mention_start - 60)
        lead = _DESCRIPTION_LEAD.search(self.text, window, speaker.mention_start)
        if lead is None:
            return speaker
        named = self.mention_ending(lead.start())
        if named is None or named.type not in (PERSON, "unknown") or named.possessive:
            return speaker
        if self._adjunct(named):
            return speaker  # "In Hudson, New Hampshire Monday, the supporter said": a place
        return self.from_mention(named, "name_appositive").with_role(speaker.mention)

    def _adjunct(self, mention: Mention) -> bool:
        """Whether a name stands in a phrase of place or time ("On Capitol Hill,",
        "in Hudson, New Hampshire,"), not as the subject of its clause."""
        before = self.text[max(0, mention.start - 30) : mention.start].rstrip()
        if before.endswith(","):
            # "Hudson, New Hampshire": a name before the comma makes it a list of places.
            return self.mention_ending(self.text.rfind(",", 0, mention.start)) is not None
        words = before.split()
        return bool(words) and words[-1].lower() in _PLACE_PREPOSITIONS

    def named_after_role(
        self,
        mention: Mention,
        end: int,
        types: tuple[str, ...] = (PERSON, "unknown"),
        role_noun: bool = False,
    ) -> Mention | None:
        """A name of these types after ``mention`` and a few role words, if there is one.

        "Clinton campaign manager Robby Mook": but not "Edward Alden of the Council",
        where only small words stand between the two names. With ``role_noun``,
        the role words must end in a noun for a person or a body ("Retail giant
        Marlowes", "Fund manager Orla Kettering"): only then is a name of no known
        kind after them the one they describe.
        """
        after = mention.end
        possessive = _POSSESSIVE.match(self.text, after, end)  # "Clinton’s campaign manager"
        if possessive:
            after = possessive.end()
        follow = _ROLE_WORDS.match(self.text, after, end)
        if follow is not None and self.mention_starting(follow.end()) is None:
            follow = _JOINED_ROLE_WORDS.match(self.text, after, end) or follow
        words = follow.group(1).split() if follow else []
        if follow is None or not words or words[0] in _LINKS or words[-1] in _LINKS:
            # "a German user from Hanover": the name after "from" is a place, not the
            # user; "Jo Roe of grain trader Acme": where the person works.
            return None
        if all(w in _DETERMINERS for w in words):
            return None
        if any(lx.SPEECH_FORMS.get(w, w) != w for w in follow.group(1).split()):
            # "Lord Goldsmith warned Tony Blair": an inflected verb, not a role
            # (but "Clinton press secretary Brian Fallon" has one).
            return None
        if role_noun and not _role_noun(words[-1]):
            return None
        named = self.mention_starting(follow.end())
        if named is None or named.type not in types or named.possessive:
            return None
        return named

    @staticmethod
    def _singular_agent(toks: list[Token], last: int) -> bool:
        """ "The self-described democratic socialist said": an agent noun after "the"."""
        if not (toks[last].text.islower() and _AGENT_SINGULAR.fullmatch(toks[last].low)):
            return False
        for j in range(last - 1, max(-1, last - 5), -1):
            if toks[j].low in ("the", "a", "an"):
                return True
            if not (toks[j].text.islower() and toks[j].text.replace("-", "").isalpha()):
                return False
        return False

    def _linked_head(self, toks: list[Token], last: int) -> int | None:
        """Index of "attorneys" in "attorneys for the family": a role noun and its link."""
        if toks[last].low in _DETERMINERS:
            return None  # "Lawyers for the alleged…": the phrase goes on past a verb-like word
        named = self.mention_ending(toks[last].end)
        if named is not None:
            # "a spokesman for the Department for Culture, Media and Sport": the
            # name's own "for" and commas are no link.
            first = last
            while first > 0 and toks[first - 1].start >= named.start:
                first -= 1
            if any(t.low in _LINKS or t.text == "," for t in toks[first + 1 : last]):
                last = first
        for j in range(last - 1, max(0, last - 6), -1):
            # "sources close to the minister": people near someone, not that person.
            link = j - 1 if toks[j].low == "to" and toks[j - 1].low == "close" else j
            if toks[j].low in _LINKS and link > 0 and is_head_noun(toks[link - 1].text):
                head = toks[link - 1]
                # "Economists at Acme said": a capital only because the sentence opens.
                opening = (
                    head.text.istitle()
                    and head.low.endswith("s")  # not "Director of rugby Jo Roe"
                    and self.doc.sentence_at(head.start).start == head.start
                    # a body, a place or "the …" after the link, not a description
                    # ("Experts from both sides", who are experts)
                    and (toks[j + 1].low in _LINKED_OPENERS or toks[j + 1].text[:1].isupper())
                )
                if (head.text.islower() or opening) and (
                    link - 1 == 0 or toks[link - 2].low not in _LINKS
                ):
                    return link - 1
                return None
            if not (toks[j].text.isalpha() or self.mention_ending(toks[j].end)):
                return None
            if (
                toks[j].low in _DETERMINERS
                and j > 0
                and toks[j - 1].low not in _LINKS
                and toks[j - 1].low not in _DETERMINERS
            ):
                # "In a filing to US regulators the airline said": "the" opens
                # the subject; the link before it belongs to another phrase.
                return None
        return None

    def subject_after(self, start: int, end: int) -> tuple[Speaker, int] | None:
        """A speaker phrase that starts at ``start`` ("said Mr Smith", "said the minister")."""
        # What is read below reaches at most some 25 tokens in.
        toks = self.doc.tokens_between(start, end, limit=40)
        if not toks:
            return None
        verb = _LAST_WORD.search(self.text, max(0, start - 20), start)
        if verb is not None and verb.group(1).lower() in _ADDRESSEE_VERBS:
            return None  # "told the prime minister: “…”": the listener, not the speaker
        tok = toks[0]
        if tok.low in lx.SUBJECT_PRONOUNS:
            return self.resolve_pronoun(tok), tok.end
        first = 1 if tok.low in _DETERMINERS else 0
        if (
            tok.low == "the"
            and len(toks) > 1
            and _YEAR_OLD.fullmatch(toks[1].low)
            # but "said the 28-year-old Morientes" names him
            and (len(toks) < 3 or self.mention_starting(toks[2].start) is None)
        ):
            # "said the 46-year-old": the person last spoken of, as "he said" would be.
            aged = self._year_old(toks, 1, known=True)
            return (aged, toks[1].end) if aged is not None else None
        if (
            tok.low == "the"
            and len(toks) > 1
            and _from_a_country(toks[1].low)
            and (len(toks) < 3 or not toks[2].text.isalpha())
        ):
            # "said the American": the person last spoken of, as "he said" would be.
            aged = self._year_old(toks, 1, known=True)
            return (aged, toks[1].end) if aged is not None else None
        if first < len(toks):
            mention = self.mention_starting(toks[first].start)
            if mention is not None and mention.possessive:
                # "opined Cleveland’s Plain Dealer": the name after the possessor.
                after = _POSSESSIVE_GAP.match(self.text, mention.end, end)
                owned = self.mention_starting(after.end()) if after else None
                if owned is None and after is not None:
                    # "said Jo Roe's spokesman": the one the possessor has, not the possessor.
                    had = self._owned_role(toks, after.end())
                    if had is not None:
                        return had
                mention = owned or mention
            if mention is not None and not mention.possessive:
                person = self.named_after_role(mention, end)
                if person is not None:
                    # "Judicial Watch president Tom Fitton", "Clinton campaign manager
                    # Robby Mook": the person named after the organisation or patron.
                    role = self.text[toks[first].start : person.start].strip()
                    return self.from_mention(person).with_role(role), person.end
                seat = self._seat_holder(mention)
                if seat is not None:
                    return seat, seat.mention_start + len(seat.mention or "")
                described = self._modified_head(toks, first, mention)
                if described is not None:
                    return described
                return self.from_mention(mention), mention.end
        place_end = -1
        loose = linked = False
        for i in range(first, min(len(toks), first + 5)):
            # "said undecided Republican voter Jo Roe of Derry": a role, then the name.
            if toks[i].start < place_end:
                continue  # "York" in "said former New York governor…"
            mention = self.mention_starting(toks[i].start) if i > first else None
            if mention is not None and mention.type == "place" and not mention.possessive:
                # "said former Ohio governor Jo Roe": the person after the place's role.
                person = self.named_after_role(mention, end)
                if person is not None:
                    role = self.text[toks[first].start : person.start].strip()
                    return self.from_mention(person).with_role(role), person.end
            if (
                loose
                and mention is not None
                and not (
                    (mention.type == PERSON or (mention.type == "unknown" and " " in mention.name))
                    # "said co-ordinator Jo Roe.", not "US think-tank Pew Internet and …"
                    and _CLAUSE_END.match(self.text, mention.end)
                )
            ):
                break
            if (
                mention is not None
                and mention.type in (PERSON, "unknown")
                and not mention.possessive
            ):
                person = self.named_after_role(mention, end)
                if person is None:
                    described = self._modified_head(toks, i, mention)
                    if described is not None:
                        return described
                mention = person or mention
                titled = self.from_mention(mention)
                named_at = mention.start
                if titled.name and self.text[mention.start : mention.end].endswith(titled.name):
                    # "said former Pennsylvania Governor Ed Rendell": the title
                    # inside the name is part of the role
                    named_at = mention.end - len(titled.name)
                role = self.text[toks[first].start : named_at].strip()
                while role and role.rsplit(None, 1)[-1].lower().rstrip(".") in _FORMS_OF_ADDRESS:
                    # "usability guru Dr Jo Roe": how the person is addressed, no role
                    role = role.rsplit(None, 1)[0] if " " in role else ""
                return titled.with_role(role or None), mention.end
            if (
                mention is not None
                and mention.type in ("place", ORGANISATION)
                and not mention.possessive
            ):
                # "said former Pennsylvania governor Ed Rendell", "said veteran
                # Treasury official Jo Roe": a place or body inside the role.
                place_end = mention.end
                continue
            if (
                not linked  # "master of ceremonies": only a person's name ends it
                and is_head_noun(toks[i].text)
                and (toks[i].text.islower() or (i > first and _plural_initials(toks[i].text)))
            ):
                if _compound_head_follows(toks, i):
                    continue  # "said union officials": the last noun heads the phrase
                near = self._close_to(toks, i)
                if near is not None:
                    # "said sources close to the minister": the sources, not the minister.
                    speaker = nominal(self, toks[: i + 1], i, through=near)
                    if speaker is not None:
                        return speaker, near
                named = self._named_after_words(toks, i + 1, end)
                if named is not None:
                    # "said union leader Jo Marsh": the role nouns describe the person.
                    role = self.text[toks[first].start : named.start].strip()
                    return self.from_mention(named).with_role(role), named.end
                apposed = self._apposed(toks, i, toks[first].start)
                if apposed is not None:
                    return apposed
                speaker = nominal(self, toks[: i + 1], i)
                if speaker is not None:
                    return speaker, toks[i].end
            if toks[i].text.islower() and (
                toks[i].low in _MALE_NOUNS or toks[i].low in _FEMALE_NOUNS
            ):
                # "said his wife, Sheila": the person set beside the noun.
                apposed = self._apposed(toks, i, toks[first].start)
                if apposed is not None:
                    return apposed
            # Role words, lowercase or a capitalised party or nationality:
            # "undecided Republican voter", "veteran Labour MP".
            role_word = (
                toks[i].low in lx.NATIONALITIES
                or toks[i].low in lx.TITLE_WORDS
                # "said Davis Cup captain Jo Roe": a name no list knows, before a title
                or any(
                    t.text.islower() and (t.low in lx.TITLE_WORDS or t.low in lx.PERSON_NOUNS)
                    for t in toks[i + 1 : i + 3]
                )
            )
            # "said Clinton’s communications director, Jo Roe": whose role it is.
            owner = (
                i == first and toks[i].low.endswith(("’s", "'s")) and toks[i].text[:-2].isalpha()
            )
            if loose and (
                toks[i].low in _ROLE_ENDS or (toks[i].text.islower() and toks[i].low.endswith("ed"))
            ):
                break  # "figures gathered by …": a phrase about something, not a role
            # "said master of ceremonies Jo Roe", "said co-ordinator Jo Roe": a role
            # in lowercase words no list knows, which only a person's name may end.
            loose_word = not any(
                t.low in _ROLE_ENDS or t.low in _DETERMINERS for t in toks[first:i]
            ) and (
                (
                    toks[i].low in ("of", "for")
                    and i > first
                    and i + 1 < len(toks)
                    and toks[i + 1].text.isalpha()
                    and toks[i + 1].text.islower()
                    and toks[i + 1].low not in _DETERMINERS
                )
                or (
                    "-" in toks[i].text
                    and toks[i].text.replace("-", "").isalpha()
                    and toks[i].text.islower()
                )
            )
            if (
                (toks[i].low in _LINKS and not loose_word)
                or toks[i].low in _NOT_ROLE_WORDS
                or not (
                    (toks[i].text.isalpha() and (toks[i].text.islower() or role_word))
                    # "said vice-chairman Vivek Paul": a title with a hyphen in it
                    or (
                        "-" in toks[i].text
                        and toks[i].text.replace("-", "").isalpha()
                        and toks[i].text.islower()
                        and any(part in lx.TITLE_WORDS for part in toks[i].low.split("-"))
                    )
                    or loose_word
                    or _YEAR_OLD.fullmatch(toks[i].low)  # "said the 28-year-old Morientes"
                    # "said a London-based analyst": where someone is based or from
                    or _place_based(toks[i].text)
                    or owner
                    or (i == first + 1 and toks[i].low in ("’s", "'s"))
                )
            ):
                break  # "speaking of politicians": what follows is not the speaker
            loose = loose or loose_word
            linked = linked or (loose_word and toks[i].low in ("of", "for"))
        return self._person_after_title(toks, first)

    def _close_to(self, toks: list[Token], head: int) -> int | None:
        """Where "close to …" after the noun at ``head`` ends ("sources close to
        Mr Roe", "a source close to the chancellor"), or None."""
        k = head + 3
        if k >= len(toks) or toks[head + 1].low != "close" or toks[head + 2].low != "to":
            return None
        if toks[k].low in _DETERMINERS and k + 1 < len(toks):
            k += 1
        named = self.mention_starting(toks[k].start)
        if named is not None:
            return named.end
        return toks[k].end if is_head_noun(toks[k].text) else None

    def _owned_role(self, toks: list[Token], start: int) -> tuple[Speaker, int] | None:
        """The role noun after a possessor, from ``start``: "[Jo Roe's] official
        spokesman", "[the minister's] lawyer", or the person set beside it."""
        j = next((k for k in range(len(toks)) if toks[k].start >= start), len(toks))
        e = j
        while e < min(len(toks), j + 4) and toks[e].text.isalpha() and toks[e].text.islower():
            e += 1
        if e < len(toks) and toks[e].text[:1].isupper():
            return None  # "Gartner's principal analyst Kobita Desai": the name after the role
        for h in range(e - 1, j - 1, -1):
            if not is_head_noun(toks[h].text) or _compound_head_follows(toks, h):
                continue
            apposed = self._apposed(toks, h, toks[j].start)
            if apposed is not None:
                return apposed
            speaker = nominal(self, toks[: h + 1], h)
            return (speaker, toks[h].end) if speaker is not None else None
        return None

    def _modified_head(
        self, toks: list[Token], first: int, mention: Mention
    ) -> tuple[Speaker, int] | None:
        """ "said another Twitter user, Jo Roe", "said a Lufthansa spokesman": a
        name that only modifies the noun after it is not the speaker; the noun,
        or the person named after it or set beside it, is."""
        j = first
        while j < len(toks) and toks[j].start < mention.end:
            j += 1
        h = j
        while (
            h < len(toks)
            and h - j < 5
            and toks[h].text.replace("-", "").isalpha()
            and toks[h].text.islower()
            and toks[h].low not in _LINKS
            and toks[h].low not in _PLACE_PREPOSITIONS
            and toks[h].low not in _DETERMINERS
            and toks[h].low not in _PHRASE_ENDERS
            and toks[h].low not in lx.SPEECH_FORMS
            and toks[h].low not in _CONJUNCT_LEADS
            and toks[h].low not in lx.VERB_MODIFIERS
            and not toks[h].low.endswith(("ly", "ed"))
        ):
            h += 1
        if h == j:
            return None
        if h < len(toks):
            named = self.mention_starting(toks[h].start)
            if named is not None and not named.possessive and named.type != "place":
                # "Tory shadow local government secretary Caroline Spelman"
                role = self.text[toks[first].start : named.start].strip()
                return self.from_mention(named).with_role(role), named.end
            if "’" in toks[h].text or "'" in toks[h].text:
                return None  # "the Republican presidential candidate’s vow": a possessor
        h -= 1
        apposed = self._apposed(toks, h, toks[first].start)
        if apposed is not None:
            return apposed
        head = toks[h].low
        if not (
            head in lx.PERSON_NOUNS
            or (
                mention.type in ("place", GROUP)
                and (is_head_noun(head) or f"{head}s" in lx.GROUP_NOUNS)
            )
        ):
            return None
        speaker = nominal(self, toks[: h + 1], h)
        if speaker is None:
            return None
        if (
            speaker.entity is None
            and first > 0
            and toks[first - 1].low == "the"
            and head not in lx.ANONYMOUS_NOUNS
            and head not in _SOURCE_NOUNS
        ):
            # "said the Waterford man": the person the text is about, as "the
            # 30-year-old" would be.
            the = toks[first - 1].start
            gender = "m" if head in _MALE_NOUNS else "f" if head in _FEMALE_NOUNS else None
            entity = self._pronoun_subject_before(the) or self._salient(
                the, (PERSON, "unknown"), gender
            )
            if entity is not None and (entity.type == PERSON or len(entity.name.split()) > 1):
                surface = self.text[toks[first - 1].start : toks[h].end]
                return (
                    Speaker(
                        entity.name,
                        PERSON,
                        surface,
                        toks[first - 1].start,
                        None,
                        "role_noun",
                        entity,
                    ),
                    toks[h].end,
                )
        if speaker.entity is None and speaker.name:
            # "a Lufthansa spokesman": the body or place stays in how it is named.
            speaker = replace(speaker, name=self.text[mention.start : toks[h].end])
        return speaker, toks[h].end

    def _person_after_title(self, toks: list[Token], first: int) -> tuple[Speaker, int] | None:
        """ "said UK Chancellor of the Exchequer Gordon Brown": a title of any
        length, then the person who holds it."""
        titled = False
        for i in range(first, min(len(toks), first + _TITLE_REACH)):
            tok = toks[i]
            mention = self.mention_starting(tok.start)
            if mention is not None:
                if not titled or mention.type != PERSON or mention.possessive:
                    return None
                role = self.text[toks[first].start : mention.start].strip()
                role = f"{role} {mention.role}" if mention.role else role
                return self.from_mention(mention).with_role(role), mention.end
            titled = titled or tok.low in lx.TITLE_WORDS
            if not (
                tok.low in lx.TITLE_WORDS
                or tok.low in lx.PLACES
                or tok.low in lx.NATIONALITIES
                or tok.low in _TITLE_LINKS
                # "former Pennsylvania Gov. and party chairman Ed Rendell"
                or (tok.text == "." and i > first and toks[i - 1].low in lx.TITLE_WORDS)
            ):
                return None
        return None

    def _named_after_words(self, toks: list[Token], begin: int, end: int) -> Mention | None:
        """A person named right after a few more lowercase words, starting at ``toks[begin]``."""
        for k in range(begin, min(len(toks), begin + 3)):
            mention = self.mention_starting(toks[k].start)
            if mention is not None:
                ok = mention.type in (PERSON, "unknown") and not mention.possessive
                return mention if ok and mention.end <= end else None
            owner_follows = (
                toks[k].low in _LINKS and k + 1 < len(toks) and toks[k + 1].low in _DETERMINERS
            )
            if owner_follows or not (toks[k].text.isalpha() and toks[k].text.islower()):
                return None  # "chairman of the Commons": what follows owns the role
            if toks[k].low in _ROLE_ENDS and k > begin and toks[k - 1].low.endswith("ed"):
                return None  # "figures gathered by Acme": who gathered them, no role
        return None

    def _apposed(self, toks: list[Token], head: int, role_start: int) -> tuple[Speaker, int] | None:
        """The person set beside the role noun at ``head``, with the role read from
        ``role_start`` ("said his wife, Sheila"), and where that person's name ends."""
        apposed = self.named_in_apposition(toks, head)
        if apposed is None:
            return None
        person, role_end = apposed
        return self.from_mention(person).with_role(self.text[role_start:role_end]), person.end

    def named_in_apposition(self, toks: list[Token], head: int) -> tuple[Mention, int] | None:
        """The person a role phrase is set beside: "the chairman of the committee,
        Labour MP Barry Sheerman" ends with who the chairman is."""
        for c in range(head + 1, min(len(toks) - 1, head + 14)):
            if toks[c].text in ".;:!?":
                return None
            if toks[c].text != ",":
                continue
            for k in range(c + 1, min(len(toks), c + 5)):
                mention = self.mention_starting(toks[k].start)
                if mention is None:
                    if (
                        toks[k].low in _EXAMPLE_WORDS
                        or toks[k].low in _LINKS
                        or toks[k].low in ("by", "than")
                        or toks[k].low.endswith("ed")
                    ):
                        # "veterans, including Mr Jebens,": one of them; "the meeting,
                        # requested by Sanders,": who asked for it.
                        return None
                    continue
                closes = self.text[mention.end : mention.end + 2].strip()[:1] in ("", ".", ",", ";")
                entity = self.entities.entity_at(mention.start)
                person = (
                    mention.type == PERSON
                    or (entity is not None and entity.type == PERSON)
                    # "said his wife, Sheila": a first name alone names a person too.
                    or (mention.name.lower() in lx.FIRST_NAMES and toks[head].low in _KIN)
                    # "another Twitter user, Jo Bayer": a name of two words beside a
                    # noun for a person is that person's.
                    or (
                        mention.type == "unknown"
                        and (len(mention.tokens) > 1 or mention.tokens[0].lower() in lx.FIRST_NAMES)
                        and (
                            toks[head].low in lx.PERSON_NOUNS
                            or toks[head].low in _MALE_NOUNS
                            or toks[head].low in _FEMALE_NOUNS
                        )
                    )
                )
                if person and not mention.possessive and closes:
                    return mention, toks[c].start  # the person, and where the role ends
                return None
            return None
        return None


_FINITE_MARKERS = lx.load("subjects-finite-markers")
_ADDRESSEE_VERBS = lx.load("subjects-addressee-verbs")
_OPENING_ADVERBIALS = lx.load("subjects-opening-adverbials")
_SALIENT_HEADS = lx.load("subjects-salient-heads")
# "the paper", "the magazine": a title whose last word names a publication.
_PRESS_NOUNS = lx.load("subjects-press-nouns")
# Last words of newspapers' names: "the paper" is the Financial Times named before.
_PRESS_NAMES = lx.load("subjects-press-names")
# A press noun right after or before a name: "Vedomosti newspaper", "daily ABC".
_PRESS_WORD = "|".join(sorted(_PRESS_NOUNS))
_NEXT_PRESS = re.compile(rf"[ \t]+(?:{_PRESS_WORD})\b")
_PRESS_BEFORE = re.compile(rf"\b(?:{_PRESS_WORD})[ \t]+$")
# What the press calls a performer it has named: "The singer said", "the pop star".
_STAGE_NOUNS = frozenset(("singer", "star"))
# The marks that set off an aside: "Mr Bez - himself a former executive - said".
_ASIDE_DASHES = frozenset(("-", "–", "—", "--"))
_ASIDE_SPEAKERS = frozenset((PERSON, ORGANISATION, "unknown"))
_OF_A_BODY = frozenset(("of", "at", "for", "from", "with", "by"))
# What one has "with" someone who listens: "an interview with the BBC".
_TALKS = frozenset(("interview", "interviews", "conversation", "talks", "meeting", "meetings"))
# How a possessive ends, looked for before the pattern below is tried.
_OWNS = ("'s", "’s", "s'", "s’")
# A capitalised name and its possessive mark, right before another name.
_OWNED = re.compile(r"[A-Z][\w\-]*[’']s?[ \t]+$")
# A document word, and what ties it to the body whose document it is: a name
# before it ("the Acme report", "Acme's annual survey") or after it ("a report
# by telecoms firm Acme", "a study from the Acme Institute").
_DOCUMENT_WORD = re.compile(r"\b(" + "|".join(sorted(_DOCUMENT_NOUNS)) + r")s?\b", re.IGNORECASE)
_DOCUMENT_OWNER_BEFORE = re.compile(r"(?:[’']s?)?(?:[ \t]+[a-z][\w-]*){0,2}[ \t]+$")
_DOCUMENT_OWNER_AFTER = re.compile(
    # "a report by Acme", "the survey, published by Acme,"
    r"(?:,?[ \t]+(?:published|issued|released|compiled|produced|written|prepared|conducted))?"
    r"[ \t]+(?:by|from|for|of)[ \t]+(?:(?:the|a|an|[a-z][\w-]*)[ \t]+){0,3}(?=[A-Z])"
)
_UNNAMED_BODIES = lx.load("subjects-unnamed-bodies")
_AD_HOC_BODIES = lx.load("subjects-ad-hoc-bodies")
# Chambers of a legislature, whose committees are bodies of their own.
_CHAMBERS = lx.load("subjects-chambers")
# How a person is addressed before the name, which says nothing of the role.
_FORMS_OF_ADDRESS = frozenset(
    ("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lord", "lady", "baroness")
)
_LAST_WORD = re.compile(r"(\w+)\W*$")
# A lowercase word, then the space before a name: "than Botafogo", "led Tata".
# Where a role's first phrase ends: "the daughter| of X", "economist| with UFJ".
_ROLE_PHRASE_END = re.compile(r",|[ \t]+(?:of|to|at|for|in|from|with|on)\b")
# What opens a role that describes a body: "the carmaker", "a Dutch retailer".
_BODY_ROLE_OPENERS = frozenset(("the", "a", "an", "its"))
_BODY_AGENTS = lx.load("subjects-body-agents")
# A plural verb right after a subject: "OutKast have", "the Lib Dems are".
_PLURAL_VERB = re.compile(r"[ \t]+(?:have|are|were)\b")
# Endings of words for what someone does: "striker", "editor", "pianist".
_AGENT_ENDINGS = ("er", "or", "ist", "ian")


def _agent_word(word: str) -> bool:
    """A word for someone who does something: "striker", "editor", "pianist"."""
    return len(word) > 5 and word.endswith(_AGENT_ENDINGS)


_OBJECT_BEFORE = re.compile(r"(?<![\w’'-])([a-z]+)[ \t]+$")
# How far a title before a name may run: "UK Chancellor of the Exchequer".
_TITLE_REACH = 12
# How many names one subject may join: "Sens. Tom Carper, Dianne Feinstein, … and …".
_MAX_CONJUNCTS = 6
# Words that may stand before a subject of several names: "But Mr Roe and Mr Day said".
_CONJUNCT_LEADS = lx.load("subjects-conjunct-leads")
# Words that end a noun phrase's run of modifiers: "a Tory person as your reporter".
_PHRASE_ENDERS = frozenset(
    ("as", "than", "who", "whom", "which", "that", "and", "or", "but", "if", "by", "your", "my")
)
_MALE_NOUNS = lx.load("subjects-male-nouns")
_FEMALE_NOUNS = lx.load("subjects-female-nouns")
# Words for kin, often followed by a first name alone: "his wife, Sheila".
_KIN = _MALE_NOUNS | _FEMALE_NOUNS | frozenset(("partner", "cousin", "friend", "widow", "widower"))
# People who report on others, never the person a text is about: "the Hollywood reporter".
_SOURCE_NOUNS = lx.load("subjects-source-nouns")
_CLAUSE_OPENERS = frozenset(
    ("which", "who", "whom", "that", "since", "because", "as", "when", "while", "although")
)
# What opens the phrase after "at", "for", "of" that tells where people are from.
_LINKED_OPENERS = frozenset(("the", "a", "an", "its", "their", "his", "her"))
# "officials said,", "a spokesman later added,": a cue and a comma after a subject.
_PARENTHETICAL_AFTER = re.compile(r"[ \t]+(?:[a-z]+ly[ \t]+)?[a-z]+,")
# "he said,", "she later added,": a pronoun and its verb set off by commas.
_PARENTHETICAL_CUE = re.compile(r"[A-Za-z]+[ \t]+(?:[a-z]+[ \t]+)?[a-z]+,")
# A name after these is the object of a preposition, never a participle's subject
# ("with Mr Kennedy stressing…" is Kennedy stressing).
_OBJECT_PREPOSITIONS = lx.load("subjects-object-prepositions")
# Words before a name that say it is where someone is, not who: "from Hale".
_LOCATED_AT = frozenset(("in", "from", "near"))
# Verbs that give a name rather than report speech: "a firm called Gavekal".
_NAMING_VERBS = lx.load("subjects-naming-verbs")
_NAMING_AFTER = tuple(f" {verb} " for verb in sorted(_NAMING_VERBS))
# A quick look for "he" or "she" before reading a sentence's words.
_HE_OR_SHE = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
# Prepositions that open a sentence with a phrase, not a clause with its own subject.
_FRONTED_PREPOSITIONS = lx.load("subjects-fronted-prepositions")
_QUOTE_MARKS = frozenset('"“”')
# Words before a name that make it describe a thing: "an Oscar nomination".
_INDEFINITE = ("a ", "an ", "one ", "another ")
# What a phrase between a subject and its verb of saying may name as where it
# was said: "Acme in a statement said".
_MEDIA = lx.load("subjects-media")
# Where a token "in" may stand before another word: a token that lowers to "in"
# is these two letters, and only white space parts two words.
_IN_THEN_SPACE = re.compile(r"[iI][nN]\s")
# Words after which a subject opens its clause.
_CLAUSE_BOUNDARIES = frozenset(
    (
        ",",
        ";",
        ":",
        "(",
        "and",
        "but",
        "while",
        "whereas",
        "as",
        "when",
        "after",
        "because",
        "although",
        "though",
        "that",
    )
)
# Unnamed sources whose word says whether "he" or "she" may mean them.
_GENDERED_SOURCES = {
    "spokesman": "m",
    "spokeswoman": "f",
    "chairman": "m",
    "chairwoman": "f",
}
_YEAR = re.compile(r"(?:18|19|20)\d\d")
# Marks across which a relative clause does not run on to a cue.
_CLAUSE_BREAKS = frozenset((",", ";", ":", "(", ")", '"', "“", "”", "-", "–", "—"))
# Words that name one of many, not the one a role means.
_EXAMPLE_WORDS = lx.load("subjects-example-words")
# Words that open a clause before its plural subject: "As Roe and Day toured…".
_PAIR_OPENERS = lx.load("subjects-pair-openers")
_PLURAL_LEADS = _CONJUNCT_LEADS | _PAIR_OPENERS
# Words after a plural subject that show it is one: "officials say", "lawyers could".
_PLURAL_VERB_MARKERS = frozenset(
    ("say", "said", "told", "claim", "claimed", "could", "can", "should", "may", "might", "must")
)


_DEMONYMS = lx.load("subjects-demonyms")


def _from_a_country(word: str) -> bool:
    """ "American", "Dutchman": a word for a person from a country (not "UK" or
    "US", which are also the countries)."""
    return (word in lx.NATIONALITIES and word not in lx.PLACES) or word in _DEMONYMS


def _role_noun(word: str) -> bool:
    """ "manager", "giant", "firm": a word for what a person or a body is."""
    return word in lx.TITLE_WORDS or word in lx.PERSON_NOUNS or word in lx.ORG_NOUNS


def _role_word(tok: Token) -> bool:
    """A word that may describe a person before the name: "former", "Maryland", "governor"."""
    return tok.text.isalpha() and (
        (tok.text.islower() and tok.low not in ("and", "or", "but"))
        or tok.low in lx.TITLE_WORDS
        or tok.low in lx.PLACES
        or tok.low in lx.NATIONALITIES
    )


def _conjunct_lead_word(tok: Token, body: bool) -> bool:
    """A word that may stand before a name in a list of names: a role word
    before a person's ("former governor"), "the" before a body's."""
    return tok.low == "the" if body else _role_word(tok)


_TITLE_LINKS = lx.load("subjects-title-links")
_AGE = re.compile(r"\d{1,3}")


def _looks_like_role(phrase: str) -> bool:
    """An appositive that names a role: "a senior aide", "Obama’s adviser on trade"."""
    words = phrase.split()
    if not words or len(words) > 30:
        return False
    first = words[0].lower()
    if first in ("who", "which", "where", "when", "speaking", "however", "though"):
        return False
    if first in ("a", "an", "the", "its", "his", "her", "their") or first.endswith(("’s", "'s")):
        return True
    lows = [w.lower().strip(",()") for w in words]
    if any(w in lx.SPEECH_FORMS or w in _FINITE_MARKERS for w in lows):
        return False  # a clause, not a role
    return any(w in lx.TITLE_WORDS or w in lx.PERSON_NOUNS for w in lows)
