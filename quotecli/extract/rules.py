"""The catalogue of attribution rules: each one's name, trigger, explanation and examples.

The catalogue is in the order the engine tries the rules (``Attributor.run``):
transcript lines, then each quotation, then headlines, then each verb of
saying, then quoted fragments left over, then the joins made at the end.
``evidence`` explains a quote from its entry here, and a test runs every
example through the engine and checks that the rule it illustrates is the one
that fires, so the catalogue cannot drift from what the engine does.
"""

from __future__ import annotations

from dataclasses import dataclass

# What a rule starts from.
QUOTATION = "quotation"
CUE = "cue"
FRAGMENT = "fragment"
PARAGRAPH = "paragraph"
TRIGGERS = (QUOTATION, CUE, FRAGMENT, PARAGRAPH)


@dataclass(frozen=True, slots=True)
class Rule:
    """One attribution rule, as a reader of the evidence sees it."""

    name: str  # stored with every quote the rule attributes
    trigger: str  # one of TRIGGERS
    explanation: str  # one line, completing "Attributed because …"
    examples: tuple[str, ...]  # sentences in which the rule fires
    method: str  # where in ``Attributor`` it is tried


CATALOGUE: list[Rule] = []


def rule(name: str, trigger: str, explanation: str, examples: tuple[str, ...], method: str) -> Rule:
    """Add a rule to the catalogue, after those already in it."""
    if trigger not in TRIGGERS:
        raise ValueError(f"unknown trigger {trigger!r} for rule {name!r}")
    if any(r.name == name for r in CATALOGUE):
        raise ValueError(f"rule {name!r} is catalogued twice")
    entry = Rule(name, trigger, explanation, examples, method)
    CATALOGUE.append(entry)
    return entry


rule(
    "transcript_label",
    PARAGRAPH,
    "a transcript line opened by the speaker’s name in capitals",
    ("SMITH: We are going to win this election and we will govern for everyone.",),
    "transcript",
)
rule(
    "quote_then_cue_speaker",
    QUOTATION,
    "a verb of saying, then the speaker, follow the quotation",
    ("“We will rebuild the bridge by spring,” said Mayor Ann Holt.",),
    "_after",
)
rule(
    "quote_then_speaker_cue",
    QUOTATION,
    "the speaker and a verb of saying follow the quotation",
    ("“The figures are worse than we feared,” Tom Reed said.",),
    "_after",
)
rule(
    "speaker_cue_colon_quote",
    QUOTATION,
    "the paragraph before ends with the speaker, a verb and a colon",
    ("Jane Morrow told the committee:\n\n“We ran out of money in March.”",),
    "_before",
)
rule(
    "speaker_cue_quote",
    QUOTATION,
    "the speaker and a verb of saying introduce the quotation",
    ("Peter Lang said: “The plant will close next year.”",),
    "_before",
)
rule(
    "speaker_colon_quote",
    QUOTATION,
    "the speaker is named just before a colon and the quotation",
    ("The decision did not surprise analyst Maria Lopez: “Nobody wanted to buy.”",),
    "_before",
)
rule(
    "quote_dash_speaker",
    QUOTATION,
    "the speaker is named after a dash",
    ("“Never give up on the people you love.”\n\n— Helen Ward",),
    "_dash_line_after",
)
rule(
    "cue_in_previous_sentence",
    QUOTATION,
    "the sentence before names the speaker with a verb of saying",
    ("David Cole stressed the need for caution. “We cannot rush this.”",),
    "_previous_sentence_cue",
)
rule(
    "same_speaker_as_previous_quote",
    QUOTATION,
    "it continues the quotation before it, with no new speaker",
    (
        "“The match was hard,” said Laura Finch. The crowd cheered."
        " “We earned the win and we will enjoy it.”",
    ),
    "_previous_speaker",
)
rule(
    "headline_colon",
    PARAGRAPH,
    "a headline names the speaker before a colon",
    ("Blair: Tax cuts will come after the election\n\nTony Blair spoke in Leeds on Monday.",),
    "headlines",
)
rule(
    "according_to",
    CUE,
    "“according to” names the source",
    ("According to the city council, the bridge will reopen in May.",),
    "_according_to",
)
rule(
    "speaker_cue_that",
    CUE,
    "reported speech: the speaker, a verb of saying, then the claim",
    ("Sarah Jones said that the company would cut 300 jobs next year.",),
    "_speaker_of",
)
rule(
    "pronoun_cue_that",
    CUE,
    "reported speech: a pronoun, a verb of saying, then the claim",
    ("Sarah Jones runs the plant. She said that 300 jobs would go next year.",),
    "_speaker_of",
)
rule(
    "shared_subject",
    CUE,
    "it shares the speaker of the claim before it in the sentence",
    (
        "Sarah Jones said that the plant would close, adding that the staff"
        " would be offered other posts.",
    ),
    "_speaker_of",
)
rule(
    "clause_subject",
    CUE,
    "the speaker is the subject of the sentence",
    (
        "Sarah Jones, who has run the plant for a decade, visited the site on"
        " Monday and said that the staff had been told.",
    ),
    "_clause_subject",
)
rule(
    "as_speaker_cue",
    CUE,
    "“as” the speaker said: the claim follows the comma",
    ("As Sarah Jones has said, the plant will close within a year.",),
    "_as_cue",
)
rule(
    "claim_then_speaker_cue",
    CUE,
    "the speaker and a verb of saying follow the claim",
    ("The plant will close within a year, Sarah Jones said.",),
    "_post_positioned",
)
rule(
    "claim_cue_claim",
    CUE,
    "the speaker and a verb of saying interrupt the claim",
    ("The plant, Sarah Jones said, will close within a year.",),
    "_post_positioned",
)
rule(
    "claim_then_cue_speaker",
    CUE,
    "a verb of saying, then the speaker, follow the claim",
    ("The plant will close within a year, said Sarah Jones.",),
    "_post_positioned",
)
rule(
    "speaker_cue_object",
    CUE,
    "what the speaker announced, proposed or denied",
    ("Sarah Jones announced the closure of the plant in Leeds.",),
    "_object_claim",
)
rule(
    "possessive_speech_noun",
    FRAGMENT,
    "the speaker owns the words (“X’s insistence”)",
    ("Sarah Jones’s insistence that “the deal is fair” angered the union.",),
    "partial",
)
rule(
    "partial_quote",
    FRAGMENT,
    "quoted words inside reported speech",
    ("Sarah Jones warned of “grave risks” ahead.",),
    "partial",
)
rule(
    "quote_cue_quote",
    QUOTATION,
    "the speaker and a verb of saying interrupt the quotation",
    ("“We will win,” Tom Reed said, “and we will win well.”",),
    "_join_interrupted",
)
rule(
    "unattributed",
    QUOTATION,
    "no speaker could be found",
    ("The notice on the door was short.\n\n“We are closed for the season and reopen in May.”",),
    "direct",
)
