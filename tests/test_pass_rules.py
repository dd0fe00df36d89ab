"""Each trigger's rules tried alone on an article made ready for them, and the passes.

The end-to-end tests say what ``extract`` finds; these say which rule finds
it and that its neighbours in the catalogue leave it alone.
"""

from __future__ import annotations

from quotecli.extract.attribute import Attributor, CueSite
from quotecli.extract.claims import Claim
from quotecli.extract.cues import find_cues
from quotecli.extract.document import parse
from quotecli.extract.entities import build_entities
from quotecli.extract.marks import find_quotes
from quotecli.extract.mentions import find_mentions
from quotecli.extract.rules import cue as cue_rules
from quotecli.extract.rules import fragment, headline, join, paragraph, quotation
from quotecli.extract.subjects import Context
from quotecli.model import DIRECT, INDIRECT, MIXED


def attributor(text: str) -> Attributor:
    """The attributor ``extract`` would run on ``text``, before any pass."""
    doc = parse(text)
    spans = find_quotes(doc)
    mentions = find_mentions(text, frozenset(s.start for s in doc.sentences))
    ctx = Context(doc, mentions, build_entities(mentions, text), [(s.start, s.end) for s in spans])
    return Attributor(doc, ctx, spans, find_cues(text))


def site(a: Attributor, surface: str) -> CueSite:
    """The cue written ``surface``, ready for the cue rules."""
    return CueSite(a, next(c for c in a.cues if c.surface == surface))


def named(found) -> tuple[str | None, str | None]:
    speaker, cue = found
    return (speaker.name if speaker else None), (cue.surface if cue else None)


def words(a: Attributor, claim: Claim) -> str:
    return a.text[claim.start : claim.end]


# -- paragraphs ---------------------------------------------------------------


def test_a_transcript_line_is_its_labels_speaker():
    a = attributor("OKAFOR: The pier stays shut until the survey is done.\n\nHOST: And after that?")
    claim = paragraph.transcript_label(a, a.doc.paragraphs[0])
    assert claim is not None
    assert (claim.speaker.name, claim.kind) == ("Okafor", DIRECT)
    assert words(a, claim) == "The pier stays shut until the survey is done"


def test_a_note_is_no_transcript_line():
    a = attributor("NOTE: The pier stays shut until the survey is done.")
    assert paragraph.transcript_label(a, a.doc.paragraphs[0]) is None


def test_a_lone_heading_in_capitals_names_no_speaker():
    a = attributor(
        "The harbour board met on Monday.\n\n"
        "FIGURE OF THE DAY: 40 boats were kept in port by the storm."
    )
    assert paragraph.transcript_label(a, a.doc.paragraphs[1]) is None


def test_a_lone_line_in_capitals_speaks_for_someone_the_article_names():
    a = attributor(
        "Harbour master Ruth Okafor took questions.\n\n"
        "OKAFOR: The pier stays shut until the survey is done."
    )
    claim = paragraph.transcript_label(a, a.doc.paragraphs[1])
    assert claim is not None and claim.speaker.name == "Ruth Okafor"


def test_a_headline_names_its_speaker_and_takes_the_quoted_words_inside():
    a = attributor(
        "Okafor: Pier ‘will reopen’ after the survey\n\nRuth Okafor spoke at the harbour."
    )
    fragments = a.direct()
    found = headline.headline_colon(a, a.doc.paragraphs[0], fragments)
    assert found is not None
    claim, inside, quoted = found
    assert claim.speaker.name == "Ruth Okafor" and claim.kind == MIXED
    assert inside == fragments and quoted == []
    assert a.headlines(fragments) == []  # the pass takes them out of what is left


def test_a_list_after_a_colon_is_no_headline_claim():
    a = attributor("Rovers: Hale, Okafor, Brandt\n\nThe team was named on Friday.")
    assert headline.headline_colon(a, a.doc.paragraphs[0], []) is None


# -- quotations ---------------------------------------------------------------


def test_cue_then_speaker_after_the_quotation():
    a = attributor("“The tide turned early,” said harbour master Ruth Okafor.")
    span = a.spans[0]
    assert named(quotation.quote_then_cue_speaker(a, span)) == ("Ruth Okafor", "said")
    # The verb right after the closing mark is that rule's: the next one stays out.
    assert quotation.quote_then_speaker_cue(a, span) is None
    assert quotation.quote_dash_speaker(a, span) is None


def test_speaker_then_cue_after_the_quotation():
    a = attributor("“The tide turned early,” Ruth Okafor told reporters.")
    span = a.spans[0]
    assert quotation.quote_then_cue_speaker(a, span) is None
    assert named(quotation.quote_then_speaker_cue(a, span)) == ("Ruth Okafor", "told")


def test_a_role_before_the_name_after_the_quotation_is_kept():
    a = attributor("“The tide turned early,” harbour master Ruth Okafor said.")
    speaker, _ = quotation.quote_then_speaker_cue(a, a.spans[0])
    assert (speaker.name, speaker.role) == ("Ruth Okafor", "harbour master")


def test_a_new_sentence_after_a_full_stop_is_not_the_quotations_tail():
    a = attributor("“The tide turned early.” Ruth Okafor said the gate held.")
    assert a._tail_after(a.spans[0]) is None
    assert quotation.quote_then_speaker_cue(a, a.spans[0]) is None


def test_speaker_and_cue_before_the_quotation():
    a = attributor("Ruth Okafor said: “The tide turned early.”")
    span = a.spans[0]
    assert named(quotation.speaker_cue_quote(a, span)) == ("Ruth Okafor", "said")
    # A verb of saying in sight: the colon rule leaves the quotation to it.
    assert quotation.speaker_colon_quote(a, span) is None
    assert quotation.speaker_cue_colon_quote(a, span) is None


def test_speaker_before_a_colon_with_no_verb():
    a = attributor("The closure did not surprise ferryman Tom Brandt: “Nobody sails in March.”")
    span = a.spans[0]
    assert quotation.speaker_cue_quote(a, span) is None
    assert named(quotation.speaker_colon_quote(a, span)) == ("Tom Brandt", None)


def test_the_listener_before_a_colon_is_not_the_speaker():
    a = attributor("The closure was explained to Tom Brandt: “Nobody sails in March.”")
    assert quotation.speaker_colon_quote(a, a.spans[0]) is None


def test_speaker_and_cue_closing_the_paragraph_before():
    a = attributor("Ruth Okafor told the inquiry:\n\n“The tide turned early.”")
    span = a.spans[0]
    assert named(quotation.speaker_cue_colon_quote(a, span)) == ("Ruth Okafor", "told")
    assert quotation.speaker_cue_quote(a, span) is None


def test_a_dash_after_the_quotation_in_its_paragraph():
    a = attributor("“Keep the lamps lit for the boats” — Ruth Okafor, at the harbour wall.")
    span = a.spans[0]
    assert named(quotation.quote_dash_speaker(a, span)) == ("Ruth Okafor", None)
    assert quotation.quote_dash_line_speaker(a, span) is None


def test_a_dash_opening_the_next_paragraph():
    a = attributor("“Keep the lamps lit for the boats.”\n\n— Ruth Okafor")
    span = a.spans[0]
    assert quotation.quote_dash_speaker(a, span) is None
    assert named(quotation.quote_dash_line_speaker(a, span)) == ("Ruth Okafor", None)


def test_the_sentence_before_names_the_speaker():
    a = attributor("Ruth Okafor warned against haste. “The wall needs a month.”")
    found = quotation.cue_in_previous_sentence(a, a.spans[0])
    # The cue keeps its particle, as "pointed out" does.
    assert named(found) == ("Ruth Okafor", "warned against")


def test_a_quotation_with_no_cue_continues_the_last_speaker():
    text = "“The tide turned early,” said Ruth Okafor. Boats waited. “We kept the gate shut.”"
    a = attributor(text)
    a.direct()
    first, second = a.claims
    assert (first.rule, second.rule) == ("quote_then_cue_speaker", "same_speaker_as_previous_quote")
    assert named(quotation.same_speaker_as_previous_quote(a, a.spans[1])) == ("Ruth Okafor", None)


def test_another_speaker_in_between_stops_the_continuation():
    text = (
        "“The tide turned early,” said Ruth Okafor.\n\nTom Brandt said the boats were safe."
        " “We kept the gate shut.”"
    )
    a = attributor(text)
    a.direct()
    assert quotation.same_speaker_as_previous_quote(a, a.spans[1]) is None


def test_the_last_rule_for_a_quotation_always_fires():
    a = attributor("“We kept the gate shut all night.”")
    assert quotation.unattributed(a, a.spans[0]) == (None, None)
    a.direct()
    assert [(c.rule, c.speaker) for c in a.claims] == [("unattributed", None)]


def test_a_quoted_phrase_then_its_speaker_is_a_mixed_claim():
    a = attributor("The repairs were “long overdue,” Ruth Okafor said.")
    assert a.direct() == []  # no fragment left: the phrase has its speaker
    (claim,) = a.claims
    assert (claim.kind, claim.rule, claim.speaker.name) == (
        MIXED,
        "quote_then_speaker_cue",
        "Ruth Okafor",
    )
    assert words(a, claim) == "The repairs were “long overdue,”"


# -- cues ---------------------------------------------------------------------


def test_according_to_at_the_start_and_at_the_end():
    a = attributor("According to the harbour board, the pier will reopen in June.")
    (claim,) = cue_rules.according_to(a, site(a, "According to"))
    assert words(a, claim) == "the pier will reopen in June"
    assert (claim.kind, claim.rule) == (INDIRECT, "according_to")
    a = attributor("The pier will reopen in June, according to the harbour board.")
    (claim,) = cue_rules.according_to(a, site(a, "according to"))
    assert words(a, claim) == "The pier will reopen in June"


def test_according_to_with_nothing_said_makes_no_claim():
    a = attributor("According to the harbour board.")
    assert cue_rules.according_to(a, site(a, "According to")) == []


def test_speaker_of_a_reported_clause():
    a = attributor("Ruth Okafor said that the pier would reopen in June.")
    s = site(a, "said")
    assert cue_rules.shared_subject(a, s) is None
    assert cue_rules.clause_subject(a, s) is None
    assert cue_rules.speaker_cue_that(a, s).name == "Ruth Okafor"
    assert cue_rules.pronoun_cue_that(a, s) is None
    assert a._speaker_of(s.cue)[1] == "speaker_cue_that"


def test_a_pronoun_speaker_of_a_reported_clause():
    a = attributor("Ruth Okafor runs the harbour. She said that the pier would reopen in June.")
    s = site(a, "said")
    assert cue_rules.speaker_cue_that(a, s) is None
    assert cue_rules.pronoun_cue_that(a, s).name == "Ruth Okafor"


def test_a_participle_shares_the_speaker_of_the_claim_before():
    a = attributor(
        "Ruth Okafor said that the pier would reopen, adding that the ferry would run daily."
    )
    a.reported([])
    assert [c.rule for c in a.claims] == ["speaker_cue_that", "shared_subject"]
    assert {c.speaker.name for c in a.claims} == {"Ruth Okafor"}


def test_the_subject_of_the_sentence_speaks_a_far_clause():
    a = attributor(
        "Ruth Okafor, who has run the harbour since 2001, visited the pier and said that"
        " the wall had held."
    )
    s = site(a, "said")
    assert cue_rules.speaker_cue_that(a, s) is None
    assert cue_rules.clause_subject(a, s).name == "Ruth Okafor"


def test_the_claim_before_the_speaker_and_cue():
    a = attributor("The pier will reopen in June, Ruth Okafor said.")
    s = site(a, "said")
    (claim,) = cue_rules.claim_then_speaker_cue(a, s)
    assert words(a, claim) == "The pier will reopen in June"
    assert claim.speaker.name == "Ruth Okafor"
    assert cue_rules.claim_cue_claim(a, s) is None
    assert cue_rules.claim_then_cue_speaker(a, s) is None


def test_the_claim_in_two_parts_around_speaker_and_cue():
    a = attributor("The pier, Ruth Okafor said, will reopen in June.")
    s = site(a, "said")
    assert cue_rules.claim_then_speaker_cue(a, s) is None
    (claim,) = cue_rules.claim_cue_claim(a, s)
    assert [a.text[x:y] for x, y in claim.parts] == ["The pier", "will reopen in June"]
    assert claim.rule == "claim_cue_claim"


def test_the_claim_before_cue_and_speaker():
    a = attributor("The pier will reopen in June, said Ruth Okafor.")
    s = site(a, "said")
    assert cue_rules.claim_then_speaker_cue(a, s) is None
    (claim,) = cue_rules.claim_then_cue_speaker(a, s)
    assert words(a, claim) == "The pier will reopen in June"


def test_a_participle_after_the_claim_has_no_speaker_after_it():
    a = attributor("The pier will reopen in June, saying the wall held.")
    assert cue_rules.claim_then_cue_speaker(a, site(a, "saying")) is None


def test_as_the_speaker_said():
    a = attributor("As Ruth Okafor has said, the pier will reopen in June.")
    (claim,) = cue_rules.as_speaker_cue(a, site(a, "said"))
    assert words(a, claim) == "the pier will reopen in June"


def test_what_the_speaker_announced():
    a = attributor("Ruth Okafor announced the reopening of the pier.")
    (claim,) = cue_rules.speaker_cue_object(a, site(a, "announced"))
    assert words(a, claim) == "the reopening of the pier"


def test_what_someone_was_told_is_no_object_claim():
    a = attributor("Ruth Okafor was told the news on Monday.")
    assert cue_rules.speaker_cue_object(a, site(a, "told")) is None


def test_the_cue_pass_leaves_the_fragments_outside_its_claims():
    a = attributor("Ruth Okafor said the wall was “sound” and the pier would reopen.")
    fragments = a.direct()
    assert len(fragments) == 1
    assert a.reported(fragments) == []
    (claim,) = a.claims
    assert claim.kind == MIXED and claim.rule == "speaker_cue_that"


# -- fragments ----------------------------------------------------------------


def test_the_owner_of_the_words():
    a = attributor("Ruth Okafor’s insistence that “the wall is sound” calmed the crowd.")
    fragments = a.direct()
    assert fragment.possessive_speech_noun(a, fragments[0], [])
    (claim,) = a.claims
    assert (claim.speaker.name, claim.rule, claim.cue.surface) == (
        "Ruth Okafor",
        "possessive_speech_noun",
        "insistence",
    )


def test_quoted_words_in_what_a_cue_introduces():
    a = attributor("Ruth Okafor warned of “grave risks” at the pier.")
    fragments = a.direct()
    assert not fragment.possessive_speech_noun(a, fragments[0], [])
    covered: list[Claim] = []
    assert fragment.partial_quote(a, fragments[0], covered)
    assert covered == a.claims
    assert covered[0].speaker.name == "Ruth Okafor" and covered[0].kind == MIXED


def test_a_scare_quote_with_no_cue_in_sight_is_left_alone():
    a = attributor("The so-called “summer pier” opened in 1902.")
    fragments = a.direct()
    assert not fragment.partial_quote(a, fragments[0], [])
    a.partial(fragments)
    assert a.claims == []


# -- joins --------------------------------------------------------------------


def test_one_quotation_in_two_parts_around_its_attribution():
    a = attributor("“The wall held,” Ruth Okafor said, “and the pier will reopen.”")
    a.direct()
    first, second = a.claims
    joined = join.quote_cue_quote(a, first, second)
    assert joined is not None and joined.rule == "quote_cue_quote"
    assert joined.parts == ((first.start, first.end), (second.start, second.end))
    fresh = attributor(a.text)
    assert [c.rule for c in fresh.run()] == ["quote_cue_quote"]  # the pass at the end joins them


def test_two_quotations_by_different_speakers_are_not_joined():
    a = attributor(
        "“The wall held,” Ruth Okafor said. “The pier will not reopen,” Tom Brandt said."
    )
    a.direct()
    first, second = a.claims
    assert join.quote_cue_quote(a, first, second) is None


def test_a_quotation_left_unattributed_is_looked_at_again_once_every_claim_is_known():
    # The claim before the quotation comes from the reported-speech pass, which
    # runs after the quotations: only the second look gives the quotation a speaker.
    text = "The wall was “sound as a bell” in the spring survey, said Ruth Okafor. “We checked.”"
    a = attributor(text)
    a.direct()
    assert [c.rule for c in a.claims] == ["unattributed"]
    claims = list(attributor(text).run())
    assert [(c.rule, c.speaker.name) for c in claims] == [
        ("claim_then_cue_speaker", "Ruth Okafor"),
        ("same_speaker_as_previous_quote", "Ruth Okafor"),
    ]
