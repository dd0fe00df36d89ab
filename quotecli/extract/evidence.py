"""Why a quote was given to its speaker, in words a reader can check.

Every quote stores the name of the rule that attributed it, and of the way
its speaker mention was resolved ("quote_then_speaker_cue+pronoun"). This
module turns that into a sentence for ``quotecli show``.
"""

from __future__ import annotations

from quotecli.extract.rules import CATALOGUE

# Attribution rules, by the name stored with each quote: from the catalogue. A
# second form of a rule stores the first's name, and is explained as it is.
RULES: dict[str, str] = {}
for _rule in CATALOGUE:
    RULES.setdefault(_rule.stores, _rule.explanation)

# How the speaker mention was resolved, when it was not a plain name.
RESOLUTIONS = {
    "pronoun": "the pronoun “{mention}” refers to {speaker}",
    "role_noun": "“{mention}” refers to {speaker}",
    "name_appositive": "“{mention}” is named with a description set off by commas",
    "possessor": "“{mention}” is the possessor",
    "clause_subject": "“{mention}” is the subject of the sentence",
    "relative_who": "“who” refers to {speaker}",
    "source_phrase": "the source is “{mention}”",
    "share_of_people": "“{mention}” is a share of the people asked",
    "quantifier": "“{mention}” stands for the people the sentence is about",
    "addressee": "“{mention}” is who was told, not who spoke: the source goes unnamed",
}


def explain(rule: str, mention: str | None, speaker: str | None) -> str:
    """A sentence saying why a quote has its speaker, from its stored rule."""
    attribution, _, resolution = rule.partition("+")
    parts = [RULES.get(attribution, attribution.replace("_", " "))]
    if resolution:
        template = RESOLUTIONS.get(resolution, resolution.replace("_", " "))
        parts.append(
            template.format(mention=mention or "?", speaker=speaker or "no one in particular")
        )
    elif mention and speaker and mention != speaker:
        parts.append(f"“{mention}” is {speaker}")
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."
