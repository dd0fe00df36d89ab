"""Why a quote was given to its speaker, in words a reader can check.

Every quote stores the name of the rule that attributed it, and of the way
its speaker mention was resolved ("quote_then_speaker_cue+pronoun"). This
module turns that into a sentence for ``quotecli show``.
"""

from __future__ import annotations

# Attribution rules, by the name stored with each quote.
RULES = {
    "quote_then_speaker_cue": "the speaker and a verb of saying follow the quotation",
    "quote_then_cue_speaker": "a verb of saying, then the speaker, follow the quotation",
    "quote_dash_speaker": "the speaker is named after a dash",
    "quote_cue_quote": "the speaker and a verb of saying interrupt the quotation",
    "speaker_cue_quote": "the speaker and a verb of saying introduce the quotation",
    "speaker_colon_quote": "the speaker is named just before a colon and the quotation",
    "speaker_cue_colon_quote": "the paragraph before ends with the speaker, a verb and a colon",
    "cue_in_previous_sentence": "the sentence before names the speaker with a verb of saying",
    "same_speaker_as_previous_quote": "it continues the quotation before it, with no new speaker",
    "speaker_cue_that": "reported speech: the speaker, a verb of saying, then the claim",
    "pronoun_cue_that": "reported speech: a pronoun, a verb of saying, then the claim",
    "speaker_cue_object": "what the speaker announced, proposed or denied",
    "shared_subject": "it shares the speaker of the claim before it in the sentence",
    "clause_subject": "the speaker is the subject of the sentence",
    "claim_then_speaker_cue": "the speaker and a verb of saying follow the claim",
    "claim_cue_claim": "the speaker and a verb of saying interrupt the claim",
    "claim_then_cue_speaker": "a verb of saying, then the speaker, follow the claim",
    "according_to": "“according to” names the source",
    "as_speaker_cue": "“as” the speaker said: the claim follows the comma",
    "partial_quote": "quoted words inside reported speech",
    "possessive_speech_noun": "the speaker owns the words (“X’s insistence”)",
    "headline_colon": "a headline names the speaker before a colon",
    "transcript_label": "a transcript line opened by the speaker’s name in capitals",
    "unattributed": "no speaker could be found",
}

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
