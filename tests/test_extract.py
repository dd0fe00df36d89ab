"""The extraction engine, specified by example: a sentence, its quote, its speaker."""

from __future__ import annotations

from pathlib import Path

import pytest
from extracted import quotes
from hypothesis import given, settings
from hypothesis import strategies as st

from quotecli.extract import extract
from quotecli.model import ANONYMOUS, DIRECT, GROUP, INDIRECT, MIXED, ORGANISATION, PERSON, Quote

SEED = Path(__file__).resolve().parent.parent / "seeds" / "munich-ukraine-talks.txt"


def only(text: str) -> Quote:
    found = quotes(text)
    assert len(found) == 1, [(q.text, q.speaker) for q in found]
    return found[0]


def find(text: str, fragment: str) -> Quote:
    for q in quotes(text):
        if fragment in q.text:
            return q
    raise AssertionError(f"no quote contains {fragment!r}: {[q.text for q in quotes(text)]}")


# -- direct quotations -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quoted", "speaker", "cue"),
    [
        (
            'Maria Lopez said, "The bridge will open in May."',
            "The bridge will open in May.",
            "Maria Lopez",
            "said",
        ),
        ("“We are not done yet,” Tom Baker said.", "We are not done yet,", "Tom Baker", "said"),
        ("“Prices will fall,” said Anna Novak.", "Prices will fall,", "Anna Novak", "said"),
        (
            "Carlos Reyes told reporters: “The vote was fair.”",
            "The vote was fair.",
            "Carlos Reyes",
            "told",
        ),
        (
            "«Nous resterons ici», declared Pierre Dubois.",
            "Nous resterons ici",
            "Pierre Dubois",
            "declared",
        ),
        ("„Wir schaffen das“, said Helga Braun.", "Wir schaffen das", "Helga Braun", "said"),
    ],
)
def test_direct_quote_with_speaker_before_or_after(
    text: str, quoted: str, speaker: str, cue: str
) -> None:
    q = only(text)
    assert (q.text, q.speaker, q.kind, q.cue) == (quoted, speaker, DIRECT, cue)


def test_pronoun_speaker_is_the_person_last_named() -> None:
    text = (
        "Senator Laura Chen visited the flooded town on Monday. "
        "She said, “Every family here will get help.”"
    )
    q = only(text)
    assert (q.speaker, q.mention, q.rule) == ("Laura Chen", "She", "speaker_cue_quote+pronoun")


def test_pronoun_skips_people_of_the_other_gender() -> None:
    text = "Ms Karen Holt met Peter Vance in Leeds. “The deal is done,” she said."
    assert only(text).speaker == "Karen Holt"


def test_pronoun_follows_a_chain_of_pronouns_back_to_the_name() -> None:
    text = (
        "Governor Nina Hale toured the harbour on Friday. "
        "She later met fishermen from Kettle Bay. "
        "During her visit to Portmoor, she spoke briefly. "
        "“We will rebuild the sea wall,” she said."
    )
    assert only(text).speaker == "Nina Hale"


def test_whoever_was_quoted_last_is_the_likeliest_he() -> None:
    text = (
        "Tom Reyes, who farms near Lidwell, says he had never heard of Sam Kerr until May. "
        "“He talks about the things that matter,” he said."
    )
    assert find(text, "things that matter").speaker == "Tom Reyes"


def test_sentence_opening_inverted_cue() -> None:
    text = "Said Carla Diaz: “Nobody asked us.”"
    assert only(text).speaker == "Carla Diaz"


def test_inverted_cue_with_a_party_in_the_role() -> None:
    q = only("“I have doubts,” said undecided Republican voter Sue Hart of Derry.")
    assert (q.speaker, q.role) == ("Sue Hart", "undecided Republican voter")


def test_inverted_cue_with_a_role_before_the_name() -> None:
    text = "“I have not decided,” said undecided voter Ray Olsen of Brill."
    q = only(text)
    assert (q.speaker, q.role) == ("Ray Olsen", "undecided voter")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“Nothing shifts week to week,” Twitter’s Adam Sharp said.", "Adam Sharp"),
        ("“The count was 699,” The Blaze reported.", "Blaze"),
        ("“Investors were duped,” Senator Chuck Grass, Republican of Iowa, said.", "Chuck Grass"),
    ],
)
def test_more_speakers_after_the_quote(text: str, speaker: str) -> None:
    assert only(text).speaker == speaker


def test_a_first_name_that_is_also_a_word() -> None:
    q = only("“It is an expensive model,” said Will Dorr, a professor at Leeds.")
    assert q.speaker == "Will Dorr"


def test_an_aside_after_the_speaker_does_not_name_a_new_one() -> None:
    text = '"They know words," said Brad Shum, speaking of politicians, "and use them well."'
    assert {q.speaker for q in quotes(text)} == {"Brad Shum"}


def test_quote_split_by_its_attribution_is_one_quote_in_two_parts() -> None:
    text = "“The plan is simple,” Gordon Hale said, “and it starts today.”"
    q = only(text)
    assert q.speaker == "Gordon Hale"
    assert [text[a:b] for a, b in q.parts] == ["The plan is simple,", "and it starts today."]
    assert q.text == "The plan is simple,” Gordon Hale said, “and it starts today."
    assert (q.rule, q.cue, q.kind) == ("quote_cue_quote", "said", DIRECT)


def test_two_quoted_sentences_around_a_cue_stay_two_quotes() -> None:
    text = "“The plan is simple,” Gordon Hale said. “It starts today.”"
    found = quotes(text)
    assert [q.text for q in found] == ["The plan is simple,", "It starts today."]
    assert all(q.parts == () for q in found)


def test_a_quoted_sentence_right_after_another_is_not_a_fragment() -> None:
    text = "“It is done.” “We will win,” Ana Ruiz said."
    q = find(text, "We will win")
    assert (q.text, q.kind) == ("We will win,", DIRECT)


def test_quote_with_no_cue_continues_the_previous_speaker() -> None:
    text = "“We lost the match,” coach Ian Ford said. “We will learn from it.”"
    second = find(text, "learn")
    assert second.speaker == "Ian Ford"
    assert second.rule == "same_speaker_as_previous_quote"


def test_continuation_survives_a_cue_in_the_speakers_description() -> None:
    text = (
        "“Turnout will decide it,” says Amy Cho, a pollster who advised two governors. "
        "“Nobody else matters this year.”"
    )
    assert find(text, "Nobody").speaker == "Amy Cho"


def test_continuation_after_a_partly_quoted_claim() -> None:
    text = (
        "The deal achieved “too little,” Mayor Tom Boyd said. "
        "“We expected far more from the region.”"
    )
    assert find(text, "expected").speaker == "Tom Boyd"


def test_quote_after_a_claim_attributed_at_its_end() -> None:
    text = (
        "Voters “liked his plain talk” in 2008, said historian Jo Carr of Leeds. "
        "“That was his strength.”"
    )
    assert find(text, "strength").speaker == "Jo Carr"


def test_participle_cue_after_a_pronoun_subject() -> None:
    text = "Senator Kay Holt left the room. She then defended the vote, saying, “It was right.”"
    assert only(text).speaker == "Kay Holt"


def test_name_with_party_and_state_then_an_aside() -> None:
    text = "Sen. Dick Moran (D-Ohio), noting the crowd, said, “This is a movement.”"
    assert only(text).speaker == "Dick Moran"


def test_quote_introduced_in_the_sentence_before() -> None:
    text = (
        "Mayor Dana Price stressed the need for patience. "
        "“Repairs take time, and we will do them right.”"
    )
    q = find(text, "Repairs")
    assert (q.speaker, q.rule) == ("Dana Price", "cue_in_previous_sentence")
    # The sentence that introduces the quote is a claim of its own.
    claim = find(text, "need for patience")
    assert (claim.kind, claim.speaker, claim.text) == (
        "indirect",
        "Dana Price",
        "the need for patience",
    )


def test_quote_running_over_paragraphs_reopens_without_closing() -> None:
    text = (
        'Chief executive Ruth Evans said: "Sales rose in every region this year.\n\n'
        '"We expect the same next year."\n'
    )
    found = quotes(text)
    assert [q.text for q in found] == [
        "Sales rose in every region this year.",
        "We expect the same next year.",
    ]
    assert {q.speaker for q in found} == {"Ruth Evans"}


def test_colon_at_paragraph_end_introduces_the_next_paragraph() -> None:
    text = "The minister, Omar Haddad, wrote:\n\n“Our schools need more teachers.”"
    assert only(text).speaker == "Omar Haddad"


def test_transcript_lines_opened_by_a_name_in_capitals() -> None:
    text = "Senator Joe Pence spoke to the host.\n\nPENCE: Well, look, the plan is serious.\n"
    q = only(text)
    assert (q.speaker, q.kind, q.text) == ("Joe Pence", DIRECT, "Well, look, the plan is serious")


def test_a_transcript_quoted_line_by_line_names_each_lines_speaker() -> None:
    text = (
        "Senator Joe Pence spoke to the host, Ann Rowe.\n\n"
        '"ROWE: Will the mayor be there tomorrow?\n\n'
        '"PENCE: She will not be there. The plan is serious."\n\n'
        "The interview ran for an hour.\n"
    )
    found = [(q.speaker, q.kind, q.text) for q in quotes(text)]
    assert found == [
        ("Ann Rowe", DIRECT, "Will the mayor be there tomorrow?"),
        ("Joe Pence", DIRECT, "She will not be there. The plan is serious"),
    ]


def test_speaker_named_before_a_colon() -> None:
    text = "The result does not surprise pollster Dara Shore: “Upsets come early.”"
    assert only(text).speaker == "Dara Shore"


def test_a_surname_that_is_also_a_title() -> None:
    text = "Editor-in-Chief Martin Baron spoke. “We will report it all,” said Baron."
    q = only(text)
    assert (q.speaker, q.role) == ("Martin Baron", "Editor-in-Chief")


def test_dash_attribution() -> None:
    text = "“Stay calm and stay home.” — Commissioner Rosa Klein"
    assert only(text).speaker == "Rosa Klein"


def test_quotation_signed_on_the_next_line() -> None:
    text = "“Great speech. She is ready.”\n\n— President Ana Ruiz, writing after the debate.\n"
    assert only(text).speaker == "Ana Ruiz"


def test_interview_cues() -> None:
    text = "“Would it be negotiable?” Ed Hanna pressed. “I would say this,” Tom Trask answered."
    assert [q.speaker for q in quotes(text)] == ["Ed Hanna", "Tom Trask"]


def test_name_with_party_and_state_before_a_colon() -> None:
    text = "Rep. Troy Gale (R-S.C.): “I have not heard anyone cite that figure.”"
    assert only(text).speaker == "Troy Gale"


def test_quotation_signed_with_a_hyphen() -> None:
    text = "“It needs to stop.”\n\n-Michelle Marr, Philadelphia.\n"
    assert only(text).speaker == "Michelle Marr"


def test_long_lead_in_closed_by_a_colon() -> None:
    text = (
        "Since Jo Park began her campaign, she has said the same thing at every stop and every "
        "rally in the county: “It is about us.”"
    )
    assert only(text).speaker == "Jo Park"


def test_inverted_cue_with_role_after_name() -> None:
    text = "“Demand is strong,” said Paul Grant, chief economist at the bank."
    q = only(text)
    assert q.speaker == "Paul Grant"
    assert q.role == "chief economist at the bank"


def test_lowercase_role_before_the_name() -> None:
    text = "“Sleep matters more than diet,” nutritionist Kay Moss says."
    q = only(text)
    assert (q.speaker, q.role) == ("Kay Moss", "nutritionist")


def test_a_programme_name_and_a_title_before_the_person() -> None:
    text = "“That was the first time in months,” CBS This Morning co-anchor Dee Moran said."
    q = only(text)
    assert (q.speaker, q.role) == ("Dee Moran", "CBS This Morning co-anchor")


def test_organisation_role_before_the_person() -> None:
    text = "“We will appeal,” said Greenfield Trust director Alan Page."
    assert only(text).speaker == "Alan Page"


def test_organisation_and_title_before_the_name() -> None:
    text = "Costs are rising, NHS Chief Executive Ruth Ames said. “We must act,” she added."
    found = quotes(text)
    assert {q.speaker for q in found} == {"Ruth Ames"}
    assert found[0].role == "NHS Chief Executive"


def test_surname_opening_a_sentence_is_an_antecedent() -> None:
    text = (
        "Patrick Doyle won the seat in 2012. Doyle, a farmer, rarely gives interviews. "
        "“I listen more than I talk,” he said."
    )
    assert find(text, "listen").speaker == "Patrick Doyle"


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        ("“It was close,” said former Obama adviser Dan Axel.", "Dan Axel", "former Obama adviser"),
        (
            "“Stay calm,” said Clinton campaign manager Rob Mock.",
            "Rob Mock",
            "Clinton campaign manager",
        ),
    ],
)
def test_the_person_named_after_a_patron_and_a_role(text: str, speaker: str, role: str) -> None:
    q = only(text)
    assert (q.speaker, q.role) == (speaker, role)


def test_role_nouns_before_the_name_in_an_inverted_cue() -> None:
    q = only("“We will not back down,” said union leader Jo Marsh.")
    assert (q.speaker, q.role) == ("Jo Marsh", "union leader")


def test_a_place_name_before_a_party_is_not_a_role() -> None:
    q = only("“It is wide open,” said a New Hampshire Republican.")
    assert q.speaker == "New Hampshire Republican"


def test_name_before_a_description_without_a_closing_comma() -> None:
    text = "Sam Lui, the spokesman for the party said in a statement that no ballots were lost."
    q = only(text)
    assert (q.speaker, q.text) == ("Sam Lui", "that no ballots were lost")


def test_the_governor_finds_the_gov() -> None:
    text = "Gov. Chris Dale spoke first. “I back him,” the governor said."
    assert only(text).speaker == "Chris Dale"


def test_a_name_after_small_words_is_not_the_speaker() -> None:
    q = only("“Trade failed us,” said Ed Alder of the Council on Foreign Relations.")
    assert q.speaker == "Ed Alder"


def test_the_listener_before_a_colon_is_not_the_speaker() -> None:
    text = "Senator Mia Cole gave a message to Tom Ruiz: “Stop attacking your rivals.”"
    assert only(text).speaker != "Tom Ruiz"


def test_appositive_between_name_and_cue() -> None:
    text = (
        "David Frost, director general of the chamber of commerce, warned: "
        "“Firms cannot cope with more tax.”"
    )
    q = only(text)
    assert q.speaker == "David Frost"
    assert q.role == "director general of the chamber of commerce"


def test_appositive_that_is_a_name_is_the_speaker() -> None:
    text = "The carmakers' trade body, the SMMT, said demand would fall."
    assert only(text).speaker == "SMMT"


def test_an_age_is_not_a_role() -> None:
    text = "Jim Roe, 57, said that he would vote for the first time."
    q = only(text)
    assert (q.speaker, q.role) == ("Jim Roe", None)


def test_unnamed_organisation_is_not_merged_into_a_speaker_called_company() -> None:
    q = only("The company said that profits would double.")
    assert (q.speaker, q.speaker_type, q.mention) == (None, ORGANISATION, "The company")


# -- quotation marks ----------------------------------------------------------


def test_apostrophes_are_never_quotation_marks() -> None:
    text = (
        "The players’ union backed rock ’n’ roll nights in the ’90s, "
        "and Jo O'Neill's fans didn't mind. “It was fun,” Jo O'Neill said."
    )
    q = only(text)
    assert (q.text, q.speaker) == ("It was fun,", "Jo O'Neill")


def test_single_quotes_nested_inside_double_stay_inside() -> None:
    text = "“He told me, ‘Go home now,’ and I did,” Lena Fox said."
    q = only(text)
    assert q.text == "He told me, ‘Go home now,’ and I did,"
    assert q.speaker == "Lena Fox"


def test_unclosed_mark_costs_one_quote_not_the_article() -> None:
    text = (
        "“This one never closes, Ben Rowe said.\n\n"
        "The meeting ended early.\n\n"
        "“This one is fine,” Ben Rowe said."
    )
    found = quotes(text)
    assert found[-1].text == "This one is fine,"
    # The unclosed mark swallows nothing past its own paragraph.
    assert all("\n" not in q.text and "meeting" not in q.text for q in found)


def test_scare_quote_or_title_gets_no_invented_speaker() -> None:
    text = "The film “Cold Harbour” opened in 40 cinemas on Friday."
    assert quotes(text) == []


def test_doubled_apostrophes_as_quotation_marks() -> None:
    text = "''We will win this seat,'' said Jane Ortiz."
    q = only(text)
    assert (q.text, q.speaker) == ("We will win this seat,", "Jane Ortiz")


def test_single_curly_marks_open_a_quotation_outside_double_ones() -> None:
    q = only("‘We will win the seat,’ the senator said.")
    assert (q.text, q.kind, q.speaker) == ("We will win the seat,", DIRECT, "senator")
    q = only("Mayor Jo Hart called the plan ‘a disgrace’ on Monday.")
    assert (q.kind, q.speaker) == (MIXED, "Jo Hart")
    assert "‘a disgrace’" in q.text


def test_a_plural_possessive_does_not_close_a_single_quotation() -> None:
    q = only("‘The players’ union is strong,’ she said.")
    assert q.text == "The players’ union is strong,"


def test_straight_single_marks_need_closing_punctuation() -> None:
    q = only("'We will win,' the senator said.")
    assert q.text == "We will win,"
    # Apostrophes alone make no quotation.
    assert quotes("It's the players' union and rock 'n' roll from the '90s.") == []


def test_a_closing_mark_that_opens_a_word_opens_a_quotation() -> None:
    text = "Readers wrote in.\n\n”I am afraid the bridge will never open,” said Tom Hale.\n"
    q = only(text)
    assert (q.text, q.speaker) == ("I am afraid the bridge will never open,", "Tom Hale")


def test_a_closing_mark_after_a_direction_mark_or_before_an_ellipsis_opens_a_quotation() -> None:
    text = "The post drew replies.\n\n\u202a”The bridge must open by June!” wrote Tom Hale.\n"
    q = only(text)
    assert (q.text, q.speaker) == ("The bridge must open by June!", "Tom Hale")
    text = "Critics were unmoved.\n\n” … in the end, the bridge is too costly,” wrote Ada Lowe.\n"
    q = only(text)
    assert (q.text.strip(" …"), q.speaker) == ("in the end, the bridge is too costly,", "Ada Lowe")


# -- reported speech ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "claim", "speaker", "cue"),
    [
        (
            "Governor Ann Miles announced on Tuesday that the bridge would reopen.",
            "that the bridge would reopen",
            "Ann Miles",
            "announced",
        ),
        (
            "Frank Dorsey claimed he could fix the budget in a week.",
            "he could fix the budget in a week",
            "Frank Dorsey",
            "claimed",
        ),
        (
            "Rita Singh told reporters that the talks had stalled.",
            "that the talks had stalled",
            "Rita Singh",
            "told",
        ),
        (
            "Hugo Lamb pointed out that nobody had read the report.",
            "that nobody had read the report",
            "Hugo Lamb",
            "pointed out",
        ),
        (
            "Prices will keep rising next year, Janet Cole said.",
            "Prices will keep rising next year",
            "Janet Cole",
            "said",
        ),
    ],
)
def test_reported_speech(text: str, claim: str, speaker: str, cue: str) -> None:
    q = only(text)
    assert (q.text, q.speaker, q.kind, q.cue) == (claim, speaker, INDIRECT, cue)


def test_attribution_in_the_middle_of_a_claim() -> None:
    text = "The aim, Lou Baird said, is a ceasefire that lasts."
    q = only(text)
    assert [text[a:b] for a, b in q.parts] == ["The aim", "is a ceasefire that lasts"]
    assert (q.speaker, q.kind, q.rule) == ("Lou Baird", INDIRECT, "claim_cue_claim")


def test_claim_then_inverted_speaker_with_a_long_role() -> None:
    text = (
        "Turnout will be the highest in decades, said Ada Brill, director of the "
        "Centre for Electoral Studies at the University of Leeds."
    )
    q = only(text)
    assert (q.text, q.speaker) == ("Turnout will be the highest in decades", "Ada Brill")


def test_bare_clause_opening_with_a_name() -> None:
    text = "Election officials say Senator Joan Wu’s name was printed twice."
    q = only(text)
    assert q.text == "Senator Joan Wu’s name was printed twice"


@pytest.mark.parametrize(
    ("text", "claim", "speaker"),
    [
        (
            "Ada Lin said she’d rather see the money spent on schools.",
            "she’d rather see the money spent on schools",
            "Ada Lin",
        ),
        (
            "Rita Moss says tonight she is a step closer to winning.",
            "she is a step closer to winning",
            "Rita Moss",
        ),
        (
            "Union officials say that, even if asked, they could not recount the votes.",
            "that, even if asked, they could not recount the votes",
            "union officials",
        ),
        (
            "The loss hurt Ben Park, who said he needed a day off.",
            "he needed a day off",
            "Ben Park",
        ),
        (
            "Lou Dray, wearing a green scarf, said the march was peaceful.",
            "the march was peaceful",
            "Lou Dray",
        ),
    ],
)
def test_more_reported_speech(text: str, claim: str, speaker: str) -> None:
    q = only(text)
    assert (q.text, q.speaker) == (claim, speaker)


def test_share_of_poll_respondents_is_a_group_speaker() -> None:
    q = only("About six in 10 said they want a change of direction.")
    assert (q.speaker, q.speaker_type) == ("about six in 10", GROUP)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The rally was quiet. Several said they would stay home in the autumn.", "several"),
        ("The fee, many argue, would drive small traders out of the market.", "many"),
        ("Asked about the budget, those polled say schools should come first.", "those polled"),
        ("Two mayors spoke, and both said the bridge must reopen by June.", "both"),
    ],
)
def test_a_quantifier_that_is_the_whole_subject_is_a_group_speaker(text: str, speaker: str) -> None:
    q = only(text)
    assert (q.speaker, q.speaker_type) == (speaker, GROUP)


def test_a_quantifier_before_its_noun_is_not_the_speaker() -> None:
    q = only("Many residents said the bridge must reopen by June.")
    assert q.speaker == "residents"


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("The self-described socialist said he would win the state.", "he would win the state"),
        (
            "The firms, which answered few questions, said they did nothing wrong.",
            "they did nothing wrong",
        ),
        (
            "Her campaign workers here said they had worked the state for months.",
            "they had worked the state for months",
        ),
        (
            "Ann Cole says at a stop in Lima, Ohio, that the plant will stay open.",
            "that the plant will stay open",
        ),
    ],
)
def test_subjects_and_gaps_in_reported_speech(text: str, claim: str) -> None:
    assert only(text).text == claim


def test_plural_agent_noun_is_a_group_speaker() -> None:
    q = only("Some state lobbyists said they avoid the capital at night.")
    assert (q.speaker_type, q.text) == (GROUP, "they avoid the capital at night")


def test_role_noun_subject_of_a_coordinated_cue() -> None:
    text = "The spokesman refused to take questions but said no meeting was planned."
    q = only(text)
    assert (q.text, q.speaker_type, q.mention) == (
        "no meeting was planned",
        ANONYMOUS,
        "The spokesman",
    )


def test_time_phrase_between_cue_and_clause() -> None:
    q = only("The club said on Thursday it had signed a new striker.")
    assert q.text == "it had signed a new striker"


def test_bare_clauses_opening_with_a_gerund_or_an_honorific() -> None:
    assert (
        only("Lee Moss said having Ray on the ticket helps.").text
        == "having Ray on the ticket helps"
    )
    assert only("Lee Moss said Mrs. Ortiz had avoided the question.").text == (
        "Mrs. Ortiz had avoided the question"
    )


def test_a_new_speaker_after_and_ends_the_claim_before_it() -> None:
    text = "Most voters said they were worried, and more than 4 in 10 said taxes were too high."
    assert [q.text for q in quotes(text)] == ["they were worried", "taxes were too high"]


def test_doubled_apostrophe_quotes_open_a_new_sentence() -> None:
    text = "Ed Moss said prices had fallen. ''It was bound to happen,'' he said."
    found = quotes(text)
    assert found[0].text == "prices had fallen"


def test_claim_resumed_after_a_parenthetical_attribution_is_one_claim_in_two_parts() -> None:
    text = "Many of the closures, he said, have involved public land."
    q = only(text)
    assert q.text == "Many of the closures, he said, have involved public land"
    assert [text[a:b] for a, b in q.parts] == ["Many of the closures", "have involved public land"]
    # A lone adverb before the cue is part of the claim it opens.
    text = "Ana Silva moved to Leeds. Recently, she said, she has found the city cold."
    q = find(text, "the city cold")
    assert [text[a:b] for a, b in q.parts] == ["Recently", "she has found the city cold"]
    assert q.speaker == "Ana Silva"
    # A phrase of time or place before the cue is not.
    text = "In her speech, Senator Joan Pike said, rents must fall."
    assert (only(text).text, only(text).parts) == ("rents must fall", ())


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("The vote was fair, lawyers for the family said.", "lawyers for the family"),
        ("A spokeswoman for Ana Ruiz says neither of them knew.", "A spokeswoman for Ana Ruiz"),
    ],
)
def test_role_noun_with_a_link_is_the_speaker(text: str, mention: str) -> None:
    q = only(text)
    assert q.mention == mention
    assert q.speaker != "Ana Ruiz"


def test_promise_to_someone_that() -> None:
    q = only("The ministry is promising lawmakers that the review will be quick.")
    assert q.text == "that the review will be quick"


def test_time_phrase_between_subject_and_cue() -> None:
    q = only("Rep. Al Dorn last month joked to the chair that rates would never rise.")
    assert (q.speaker, q.text) == ("Al Dorn", "that rates would never rise")


def test_according_to() -> None:
    text = "According to Nina Park, the factory will close in June."
    q = only(text)
    assert (q.text, q.speaker, q.cue) == (
        "the factory will close in June",
        "Nina Park",
        "According to",
    )


def test_according_to_a_source_that_is_not_a_name() -> None:
    text = "Turnout fell by a third, according to early returns."
    q = only(text)
    assert (q.text, q.speaker, q.speaker_type) == (
        "Turnout fell by a third",
        "early returns",
        ANONYMOUS,
    )


def test_questions_and_calls_to_act() -> None:
    asked = only("Nora Quinn asked the minister whether the school would close.")
    assert (asked.text, asked.speaker) == ("whether the school would close", "Nora Quinn")
    urged = only("Nora Quinn urged voters to reject the plan.")
    assert (urged.text, urged.speaker) == ("voters to reject the plan", "Nora Quinn")
    # Whom a request asks is part of what was asked.
    called = only("Mayor Ada Price called on the council to reopen the library.")
    assert (called.text, called.speaker) == ("the council to reopen the library", "Ada Price")


def test_encouraging_and_imploring_are_calls_to_act() -> None:
    q = only("Nora Quinn encouraged parents to sign the petition before Friday.")
    assert (q.text, q.speaker) == ("parents to sign the petition before Friday", "Nora Quinn")
    q = only("Mayor Ada Price implored residents to stay indoors during the storm.")
    assert (q.text, q.speaker) == ("residents to stay indoors during the storm", "Ada Price")


def test_a_call_to_act_after_quoted_words_is_a_claim_of_its_own() -> None:
    found = quotes(
        "Nora Quinn wrote that the rules were “absurd” and encouraged readers"
        " to “write to the council” at once."
    )
    assert [q.text for q in found] == [
        "that the rules were “absurd”",
        "readers to “write to the council” at once",
    ]
    assert {q.speaker for q in found} == {"Nora Quinn"}


def test_what_was_announced_or_called_for_is_the_claim() -> None:
    q = only("Mayor Lena Vos called for an inquiry into the flooding.")
    assert (q.text, q.speaker, q.cue) == ("an inquiry into the flooding", "Lena Vos", "called for")


def test_the_addressee_of_a_passive_cue_is_not_the_speaker() -> None:
    assert quotes("Ron Tate was told to leave the building.") == []


def test_newspaper_named_after_the_claim() -> None:
    text = "The council will sell the park, the Evening Courier reported."
    q = only(text)
    assert (q.speaker, q.speaker_type) == ("Evening Courier", ORGANISATION)


def test_two_claims_joined_by_and_share_their_speaker() -> None:
    text = "Leo Hart stressed that costs were rising and warned that jobs were at risk."
    found = quotes(text)
    assert [q.text for q in found] == ["that costs were rising", "that jobs were at risk"]
    assert {q.speaker for q in found} == {"Leo Hart"}


def test_participle_cue_shares_the_main_speaker() -> None:
    text = "Mia Grant said that sales fell, adding that the outlook was poor."
    found = quotes(text)
    assert [q.text for q in found] == ["that sales fell", "that the outlook was poor"]
    assert {q.speaker for q in found} == {"Mia Grant"}


def test_a_cue_word_used_as_a_noun_reports_nothing() -> None:
    assert quotes("The first four states that vote hold a third of the delegates.") == []


def test_relative_that_after_a_noun_is_not_reported_speech() -> None:
    text = "Dan Ruiz expressed hopes for a deal that could end the strike."
    # What he expressed is the whole object, not a clause opened by "that".
    assert only(text).text == "hopes for a deal that could end the strike"


def test_short_name_joins_the_full_name_and_keeps_the_role() -> None:
    text = (
        "National Security Advisor Mike Waltz spoke on Sunday. "
        "Waltz said that the talks would start soon."
    )
    q = only(text)
    assert (q.speaker, q.mention, q.role) == ("Mike Waltz", "Waltz", "National Security Advisor")


def test_possessive_role_noun_resolves_to_the_named_holder() -> None:
    text = (
        "The governor’s chief of staff announced that the budget was ready. "
        "Chief of Staff Ella Brooks later confirmed it."
    )
    q = only(text)
    assert q.speaker == "Ella Brooks"


def test_people_sharing_a_surname_stay_apart() -> None:
    text = (
        "Donald Trump Jr. said that the event was sold out. "
        "Ivanka Trump said that the event was postponed."
    )
    assert [q.speaker for q in quotes(text)] == ["Donald Trump Jr.", "Ivanka Trump"]


@pytest.mark.parametrize(
    ("text", "claim", "speaker"),
    [
        # A bare clause after "said" whose verb no word list knows.
        (
            "Dr Lena Ortiz runs the clinic. Dr Ortiz said the new wing often treats forty "
            "patients a day.",
            "the new wing often treats forty patients a day",
            "Lena Ortiz",
        ),
        (
            "Harbour master Tom Reyes said smugglers dig tunnels under the old quay.",
            "smugglers dig tunnels under the old quay",
            "Tom Reyes",
        ),
        # "As X said, …": the claim follows the comma.
        (
            "As the Valley Gazette reported on Monday, the mill will close before the winter.",
            "the mill will close before the winter",
            "Valley Gazette",
        ),
        # A lone adverb before a cue in the middle is no claim; what follows is.
        (
            "Ana Silva moved to Leeds in 2010. Recently, she said, she has found the city "
            "less welcoming.",
            "she has found the city less welcoming",
            "Ana Silva",
        ),
        (
            "And yet, Mayor Kim Lowe’s aides say, the bridge remains her first priority.",
            "the bridge remains her first priority",
            "aides of Kim Lowe",
        ),
        # Questions and commitments are content too.
        (
            "Presenter Joe Hart asked the minister how long the repairs would take.",
            "how long the repairs would take",
            "Joe Hart",
        ),
        (
            "Governor Ruth Mayo vowed to reopen the port by spring.",
            "to reopen the port by spring",
            "Ruth Mayo",
        ),
        # What was mentioned, highlighted or alleged is the claim.
        (
            "Councillor Amir Shah accused the contractor of cutting corners on the school roof.",
            "the contractor of cutting corners on the school roof",
            "Amir Shah",
        ),
        (
            "In her speech, Senator Joan Pike mentioned rising rents in the northern suburbs.",
            "rising rents in the northern suburbs",
            "Joan Pike",
        ),
    ],
)
def test_reported_speech_in_more_shapes(text: str, claim: str, speaker: str) -> None:
    q = find(text, claim)
    # A claim interrupted by its attribution keeps the claim as its last part.
    said = text[q.parts[-1][0] : q.parts[-1][1]] if q.parts else q.text
    assert (said, q.speaker) == (claim, speaker)
    assert q.kind == INDIRECT


def test_nothing_reported_after_said_so_or_a_speaker_that_follows() -> None:
    assert quotes("Half of the members said so in the spring.") == []
    text = "Prices rose in May, said economist Ada Lind of the Hull institute."
    assert find(text, "Prices").speaker == "Ada Lind"
    assert all("economist" not in q.text for q in quotes(text))


def test_nothing_reported_when_reported_to_someone() -> None:
    assert quotes("Mayor Ida Blum reported to the council on Tuesday.") == []


def test_a_cue_that_introduces_a_quote_still_reports_its_own_clause() -> None:
    text = (
        "With cameras rolling, Labour Secretary Sam Ortiz says too many parents rush back "
        "to work. “They feel torn every single day.”"
    )
    claim = find(text, "too many parents")
    assert (claim.kind, claim.speaker) == (INDIRECT, "Sam Ortiz")
    assert find(text, "torn").speaker == "Sam Ortiz"


def test_a_state_before_a_title_is_part_of_the_role() -> None:
    q = only("Vermont Sen. Ed Marlow said that the bill would pass.")
    assert (q.speaker, q.role) == ("Ed Marlow", "Vermont Sen.")
    q = only("South Carolina Gov. Lee Banner said that the bill would fail.")
    assert q.speaker == "Lee Banner"


def test_a_reported_clause_ends_where_the_speaker_acts_again() -> None:
    text = "Senator Ana Ruiz warned that the border was open and implying that guards were asleep."
    assert find(text, "border").text == "that the border was open"
    text = "Mayor Ed Moss said he would back the plan but has not signed it."
    assert find(text, "back the plan").text == "he would back the plan"
    text = "The bank reported that sales rose 3%, compared with 2% a year ago."
    assert find(text, "sales").text == "that sales rose 3%"


def test_a_noun_owner_before_a_role_noun_names_the_source() -> None:
    text = "The FAO report said that aid to farmers was falling."
    q = only(text)
    assert (q.speaker, q.text) == ("FAO", "that aid to farmers was falling")
    q = only("A BPI spokesperson said that the chart was fair.")
    assert q.speaker == "BPI spokesperson"
    # A place before the noun says where, not whose.
    q = only("The Leeds-area company said it hoped to return to profit.")
    assert q.speaker is None
    # Only a whole name owns the noun: "Pops" is part of "Top of the Pops".
    q = only("A Top of the Pops spokesperson said that the song was special.")
    assert q.speaker == "Top of the Pops spokesperson"


def test_a_role_with_a_link_then_a_name_is_that_person() -> None:
    text = 'Leeds director of rugby Nigel Marsh said: "He will be out for weeks."'
    q = only(text)
    assert (q.speaker, q.role) == ("Nigel Marsh", "director of rugby")


def test_the_n_year_old_is_the_person_last_spoken_of() -> None:
    text = (
        "Record producer Lou Banks is on trial in Leeds. "
        "The 61-year-old has denied the charge, saying the fire was an accident."
    )
    claim = find(text, "the fire was an accident")
    assert (claim.speaker, claim.mention) == ("Lou Banks", "The 61-year-old")


def test_a_job_before_a_name_is_a_role() -> None:
    q = only("Actor Tim Hale said that the play would close in May.")
    assert (q.speaker, q.role) == ("Tim Hale", "Actor")


def test_a_participle_after_a_comma_speaks_for_the_sentence_subject() -> None:
    text = (
        "Ada Lind, head of the Hull Institute, tied the results to the new law, "
        "saying the law kept “thousands of pupils” in school."
    )
    assert find(text, "the law kept").speaker == "Ada Lind"
    text = "Mayor Jo Hart attacked Tom Reyes over the budget, calling him “reckless.”"
    assert find(text, "reckless").speaker == "Jo Hart"
    text = (
        "Jo Hart’s campaign manager Tom Reyes spoke on the radio, arguing that the "
        "council had “lost its way.”"
    )
    assert find(text, "lost its way").speaker == "Tom Reyes"


def test_a_name_described_at_length_before_its_cue_is_the_speaker() -> None:
    text = (
        "Hal Brody, a former director of the Ohio Farm Bureau, whose family still "
        "farms near Toledo, said the drought was the worst in memory."
    )
    q = only(text)
    assert (q.speaker, q.role) == ("Hal Brody", "former director of the Ohio Farm Bureau")
    text = (
        "One deacon at the rally, Wes Marlo of Grace Baptist Church in Dayton, "
        "said he had called 40 pastors."
    )
    assert only(text).speaker == "Wes Marlo"
    # An organisation named with "of" stays whole.
    assert only("The Bank of Leeds said that rates would rise.").speaker == "Bank of Leeds"


def test_letters_after_a_name_are_not_part_of_it() -> None:
    text = (
        "Director of Public Prosecutions, Ana Reyes QC, who chairs the panel, "
        "said the rule would stand."
    )
    assert only(text).speaker == "Ana Reyes"


def test_a_describing_word_before_an_organisation_is_not_the_speaker() -> None:
    text = "Eurosceptic party UKIP has suspended a candidate, saying his remarks were wrong."
    assert find(text, "his remarks").speaker == "UKIP"


def test_a_title_nobody_was_given_is_the_person_just_spoken_of() -> None:
    text = (
        "Mothers should get longer paid leave, the Health Secretary has said.\n\n"
        "Ruth Kelso said the cost was being studied. Ms Kelso spoke at a seminar.\n\n"
        "The minister said that sexism at work still held women back."
    )
    assert find(text, "sexism at work").speaker == "Ruth Kelso"
    # Not when what is known of the person rules the title out.
    text = (
        "Dan Ortiz, a spokesman for the campaign, spoke first. "
        "The candidate said that the polls were wrong."
    )
    assert find(text, "polls were wrong").speaker != "Dan Ortiz"


def test_a_role_set_beside_a_name_after_the_cue() -> None:
    text = (
        "“It will be a tragedy,” said the chairman of the schools committee, Labour MP Alan Berry."
    )
    q = only(text)
    assert (q.speaker, q.role) == ("Alan Berry", "chairman of the schools committee")


def test_a_word_capitalised_only_by_its_sentence_is_not_the_company() -> None:
    text = (
        "Annual payouts will be lower this year. The annual review found gaps. "
        "The insurer said the cuts followed weak share returns."
    )
    assert find(text, "weak share returns").speaker != "Annual"


def test_whom_one_praises_or_blames_is_no_claim() -> None:
    # The object is whom or what the words are about, not what was said.
    for text in (
        "The insurer blamed the cuts on weak share returns.",
        "Ms Adeyemi praised her deputy for his work on the budget.",
        "The mayor rejected a compromise offer from the opposition.",
    ):
        assert extract(text).quotes == ()


def test_an_adjective_before_a_noun_like_cue_is_no_speaker() -> None:
    text = (
        "Strong demand from abroad has lifted output, said mining chief Luis Parra. "
        "He added that the boom had paid for two new schools."
    )
    assert find(text, "two new schools").speaker == "Luis Parra"


def test_a_verb_between_two_names_is_no_role() -> None:
    text = (
        "Ana Reyes says Lord Marsh warned Tom Hale in March that the plan was unlawful. "
        "Hale said that he had never been told."
    )
    roles = {s.name: s.roles for s in extract(text).speakers}
    assert all("warned" not in role for spoken in roles.values() for role in spoken)


def test_a_participle_introducing_a_quote_speaks_for_the_sentence_subject() -> None:
    text = (
        "Here in Leeds, Ana Ruiz stepped up her attack on the council, saying, "
        "“We cannot wait another year for the bridge.”"
    )
    assert only(text).speaker == "Ana Ruiz"


def test_a_club_before_a_title_does_not_stop_it_naming_the_manager() -> None:
    text = (
        "Ian Doyle wants a new striker. Doyle believes the side lacks goals. "
        "The Leeds United boss said the club would spend in January."
    )
    assert find(text, "spend in January").speaker == "Ian Doyle"
    text = 'Doyle said: "He is the best candidate." The Man Utd boss added: "He has my vote."'
    assert find(text, "my vote").speaker == "Doyle"


def test_a_title_is_not_the_person_its_claim_names() -> None:
    text = (
        "Mr Dale Ruiz has been criticised for missing the vote. On Saturday, the party "
        "chief executive said it was a mistake that Mr Ruiz missed the vote."
    )
    q = find(text, "a mistake")
    assert q.speaker == "party chief executive"


def test_a_title_looks_to_the_sentences_before_its_own() -> None:
    text = (
        "Voters face a clear choice, said Ann Lowe.\n\n"
        "In his New Year message the Green leader said both rivals relied on fear."
    )
    assert find(text, "relied on fear").speaker == "Ann Lowe"


def test_place_adjectives_are_not_speakers() -> None:
    text = "The Paris-based think tank said it believed growth would return."
    assert only(text).speaker != "Paris-based"
    text = "The Indian-born tycoon did not say where the cuts would fall."
    assert all(q.speaker != "Indian-born" for q in quotes(text))


def test_a_pronoun_skips_places_named_after_a_described_person() -> None:
    text = (
        "Winger Sam Hale is staying positive despite a broken wrist.\n\n"
        "The 24-year-old was hurt during Leeds' win over Bath on Sunday. "
        "He will have surgery on Monday. "
        'He said: "I will be back before the spring."'
    )
    assert find(text, "spring").speaker == "Sam Hale"


@pytest.mark.parametrize(
    ("text", "claim", "speaker", "kind"),
    [
        (
            "Mayor Jo Hart: Bridge Repairs Will Take Two Years.",
            "Bridge Repairs",
            "Jo Hart",
            INDIRECT,
        ),
        (
            "Senator Kim Lowe: Rivals Are ‘Not Serious’ About Rail.",
            "Rivals Are ‘Not Serious’ About Rail",
            "Kim Lowe",
            MIXED,
        ),
        ("Economists: Rates Will Stay High Through Spring.", "Rates Will", "economists", INDIRECT),
    ],
)
def test_headline_naming_its_speaker_before_a_colon(
    text: str, claim: str, speaker: str, kind: str
) -> None:
    q = find(text, claim)
    assert (q.speaker, q.kind, q.rule) == (speaker, kind, "headline_colon")


@pytest.mark.parametrize(
    "text",
    [
        "Poll: Most Voters Back The Plan.",
        "Leeds: Hale, Marsh, Ruiz, Moss.",
        "Update: The road has reopened.",
    ],
)
def test_headline_labels_that_name_no_speaker(text: str) -> None:
    assert all(q.rule != "headline_colon" for q in quotes(text))


def test_a_bare_name_before_a_headline_colon_is_the_speaker_the_story_quotes() -> None:
    # "Quilla" is in no list of first names: the label is of no known type.
    text = (
        "Quilla Roan: Voters Are ‘Tired of Promises’ on Housing.\n\n"
        "Quilla Roan, who ran the campaign, spoke in Leeds on Monday. "
        "“People want homes, not plans,” Roan said."
    )
    q = find(text, "Voters Are")
    assert (q.speaker, q.rule) == ("Quilla Roan", "headline_colon")


def test_a_bare_name_before_a_headline_colon_that_the_story_never_quotes() -> None:
    text = (
        "Quilla Roan: Voters Are ‘Tired of Promises’ on Housing.\n\n"
        "The council met in Leeds on Monday to discuss the housing plan."
    )
    assert all(q.rule != "headline_colon" for q in quotes(text))


def test_quoted_words_that_finish_a_reported_sentence_make_it_mixed() -> None:
    text = (
        "Staff must go through mediation before a complaint can go forward, "
        "“and the victim can face penalties for speaking,” said lawyer Dee Marsh."
    )
    q = only(text)
    assert (q.kind, q.speaker) == (MIXED, "Dee Marsh")
    assert q.text.startswith("Staff must go through mediation")
    text = (
        "Professor Ian Moss said that because the mayor is popular, "
        "“she is the campaign's best asset.”"
    )
    q = only(text)
    assert (q.kind, q.speaker) == (MIXED, "Ian Moss")
    assert q.text.startswith("that because the mayor is popular")
    # After a verb of saying, lowercase quoted words are still the speech itself.
    q = only("Mayor Jo Hart said, “and then we rebuilt the bridge.”")
    assert q.kind == DIRECT


@pytest.mark.parametrize(
    ("text", "claim", "speaker"),
    [
        (
            "Ann Ruiz told the Valley Gazette last week she would run again.",
            "she would run again",
            "Ann Ruiz",
        ),
        (
            "Mayor Ed Moss told reporters it was the best budget in years.",
            "it was the best budget in years",
            "Ed Moss",
        ),
        (
            "Senator Joan Pike tells audiences they can’t afford to stay home.",
            "they can’t afford to stay home",
            "Joan Pike",
        ),
    ],
)
def test_told_someone_then_a_bare_clause(text: str, claim: str, speaker: str) -> None:
    q = only(text)
    assert (q.text, q.speaker, q.kind) == (claim, speaker, INDIRECT)


def test_about_opens_a_clause_only_before_a_number() -> None:
    assert only("Police said about 50 people joined the march.").text == (
        "about 50 people joined the march"
    )
    assert all(
        not q.text.startswith("about")
        for q in quotes("Mayor Ed Moss joked about the weather and said he was cold.")
    )


def test_a_clause_is_not_cut_inside_its_quoted_words() -> None:
    text = 'Mayor Jo Hart said the talks would be "hard, but at least we have begun".'
    q = only(text)
    assert (q.kind, q.text) == (MIXED, 'the talks would be "hard, but at least we have begun"')


def test_the_party_leader_is_the_person_just_spoken_of() -> None:
    text = (
        "Taxes will fall, Ruth Kelso pledged as she opened the Green campaign.\n\n"
        "The Green leader argued that voters felt let down by both big parties."
    )
    assert find(text, "voters felt").speaker == "Ruth Kelso"


@pytest.mark.parametrize(
    ("text", "claim", "speaker"),
    [
        (
            "Ana Ruiz on Friday formally accused the council of hiding the report.",
            "the council of hiding the report",
            "Ana Ruiz",
        ),
        ("Mr. Tom Hale has denied wrongdoing.", "wrongdoing", "Tom Hale"),
        ("Senator Joan Pike on March 3 claimed the nomination.", "the nomination", "Joan Pike"),
    ],
)
def test_a_time_between_speaker_and_verb_and_short_objects(
    text: str, claim: str, speaker: str
) -> None:
    q = only(text)
    assert (q.text, q.speaker) == (claim, speaker)


def test_an_organisation_named_by_its_leader() -> None:
    q = only("The Ruiz administration said that the budget was balanced.")
    assert (q.speaker, q.speaker_type) == ("Ruiz administration", ORGANISATION)


def test_people_who_said_are_the_speakers() -> None:
    text = "Ana Lee leads among voters who say rents are the main issue."
    q = find(text, "rents are the main issue")
    assert (q.speaker, q.rule) == ("voters", "speaker_cue_that+relative_who")
    text = "Half wanted an outsider, while four in 10 who said they had voted before did not."
    assert find(text, "they had voted before").speaker == "four in 10"
    text = "Jo Hart met the men who said the bridge was unsafe."
    assert find(text, "the bridge was unsafe").speaker == "men"


def test_an_unnamed_possessor_stays_in_the_source() -> None:
    q = only("The prime minister’s spokesman said that the talks would resume.")
    assert q.speaker == "prime minister’s spokesman"


def test_a_plural_possessor_leaves_no_apostrophe_in_the_source() -> None:
    text = "The Greens' press officer said the vote would be close."
    assert only(text).speaker == "press officer of Greens"
    text = "Ana Jones was charged on Monday. Ms Jones’ lawyer said she would appeal."
    assert find(text, "she would appeal").speaker == "lawyer of Ana Jones"


def test_according_to_in_the_middle_of_a_claim_makes_two_parts() -> None:
    text = "Rents, according to the Leeds Housing Trust, have doubled since 2010."
    q = only(text)
    assert q.speaker == "Leeds Housing Trust"
    assert [text[a:b] for a, b in q.parts] == ["Rents", "have doubled since 2010"]
    text = "Prices rose, according to Ann Lee, a lawyer for the family."
    q = only(text)
    assert (q.text, q.parts) == ("Prices rose", ())


def test_according_to_a_long_source() -> None:
    text = (
        "According to early results of exit polls conducted for three networks by a "
        "research firm in Ohio, most voters say they feel let down."
    )
    q = only(text)
    assert q.text == "most voters say they feel let down"
    assert q.speaker.startswith("early results of exit polls")


def test_a_quoted_title_before_the_speaker_leaves_the_clause_to_the_cue() -> None:
    text = (
        "On the radio show “Morning Call,” Mayor Jo Hart said the new tax was only "
        "“a first step” toward repairs."
    )
    q = only(text)
    assert (q.kind, q.speaker) == (MIXED, "Jo Hart")
    assert q.text.startswith("the new tax was only")


def test_quoted_words_after_a_reported_clause_extend_it_once() -> None:
    text = (
        'Mayor Jo Hart said the cost was being studied, but it was a "high priority" '
        'and a "shared goal across the council".'
    )
    q = only(text)
    assert q.kind == MIXED
    assert q.text.endswith('"shared goal across the council"')


def test_a_pronoun_finds_a_title_that_named_its_holder_sentences_before() -> None:
    text = (
        "Ruth Kelso said the cost was being studied. Ms Kelso spoke at a seminar.\n\n"
        "Plans include grants for colleges. Pay for women lags, according to a pay board. "
        "Training will also be funded.\n\n"
        # The quoted words keep this sentence from introducing the quotation below,
        # so only the title, remembered as its holder speaking, leads "she" to Kelso.
        "The minister told delegates that ending “career sexism” was vital.\n\n"
        "“Sexism limits women of all ages. “It is simply wrong,” she said."
    )
    assert find(text, "simply wrong").speaker == "Ruth Kelso"


def test_the_name_after_a_participle_is_its_object_not_its_subject() -> None:
    text = 'Ann Keys, a singer, said she was "thrilled", describing Ray Marsh as "a hero of mine".'
    assert {q.speaker for q in quotes(text)} == {"Ann Keys"}


# -- speaker types -------------------------------------------------------------


def test_organisation_speaker() -> None:
    text = "The Daily Ledger reported that the mayor had resigned."
    q = only(text)
    assert (q.speaker, q.speaker_type) == ("Daily Ledger", ORGANISATION)


def test_group_speaker() -> None:
    text = "Economists warned that inflation would return."
    q = only(text)
    assert q.speaker_type == GROUP


def test_they_refers_to_the_group_last_quoted() -> None:
    text = "Economists warned that inflation would return. They said that rates would rise."
    assert [(q.speaker, q.mention) for q in quotes(text)] == [
        ("economists", "Economists"),
        ("economists", "They"),
    ]


def test_anonymous_speaker() -> None:
    text = "A spokesman said that the company would not comment."
    q = only(text)
    assert q.speaker_type == ANONYMOUS


def test_a_name_referred_to_as_the_company_is_an_organisation() -> None:
    text = "Vantor said that sales rose. The company said that profits fell."
    assert {(q.speaker, q.speaker_type) for q in quotes(text)} == {("Vantor", ORGANISATION)}


def test_an_economic_acronym_is_not_the_group_a_later_nominal_refers_to() -> None:
    text = (
        "Slower hiring is the main risk this year, Brightwater said. Its output index, which "
        "predicts GDP movements, stayed flat. However, the index is held back by high oil "
        "prices, the group noted."
    )
    assert find(text, "held back").speaker == "Brightwater"


def test_party_names_and_acronyms_keep_their_capitals_as_group_speakers() -> None:
    assert only('The Tories dismissed the plan as "desperate".').speaker == "Tories"
    assert only("MPs said the plan was weak.").speaker == "MPs"


def test_a_flattened_paragraph_break_between_quotations_keeps_both() -> None:
    text = (
        'Dana Holt said that pay was rising.\n\n"Fair pay helps every worker in the country. '
        '"It is wrong to judge anyone by their sex," Holt said.'
    )
    found = {q.text: q.speaker for q in quotes(text) if q.kind == DIRECT}
    assert found == {
        "Fair pay helps every worker in the country.": "Dana Holt",
        "It is wrong to judge anyone by their sex,": "Dana Holt",
    }


def test_an_unclosed_quotation_does_not_swallow_the_narrative_that_follows() -> None:
    text = (
        'Dana Holt said: "We are used to the pressure now. Meanwhile, the league welcomed '
        'the move, a spokesman said. "The move makes her a role model," Ravi Shen said.'
    )
    found = {q.text: q.speaker for q in quotes(text) if q.kind == DIRECT}
    assert found == {"The move makes her a role model,": "Ravi Shen"}


def test_group_speakers_are_common_nouns_however_the_sentence_begins() -> None:
    assert only("Analysts said that the shares were cheap.").speaker == "analysts"


def test_a_country_before_a_company_is_not_the_speaker() -> None:
    text = (
        "UK advertising giant Vexo has posted record profits and predicted that it will grow. "
        "The firm said that margins improved."
    )
    assert {q.speaker for q in quotes(text)} == {"Vexo"}


def test_a_form_of_address_starts_a_new_name() -> None:
    text = "Mr Hoyle spoke first. Aides told the BBC Mr Hoyle said that the plan was his."
    q = only(text)
    assert (q.speaker, q.role) == ("Hoyle", None)


def test_the_board_prefers_the_organisation_called_a_board() -> None:
    text = (
        "The Ohio Board of Elections met after U.S. officials left. "
        "“The candidate may stand,” the board said."
    )
    assert only(text).speaker == "Ohio Board of Elections"


def test_a_newspaper_after_its_city_in_the_possessive() -> None:
    q = only("“Leave your guns at home,” opined Cleveland’s Plain Dealer.")
    assert q.speaker == "Plain Dealer"


def test_the_company_resolves_to_the_company_named_before() -> None:
    text = "Northwind Holdings posted a loss on Monday. The company said that demand had collapsed."
    q = only(text)
    assert (q.speaker, q.speaker_type) == ("Northwind Holdings", ORGANISATION)


# -- partial quotes ------------------------------------------------------------


def test_partial_quote_is_attributed_to_the_one_describing() -> None:
    text = "Sara Webb’s campaign began by describing her rival as “reckless” in every speech."
    q = only(text)
    assert (q.text, q.speaker, q.kind) == (
        "her rival as “reckless” in every speech",
        "Sara Webb",
        MIXED,
    )


def test_partial_quote_inside_reported_speech_makes_it_mixed() -> None:
    text = "Owen Tate said that the plan was “dead on arrival” and should be dropped."
    q = only(text)
    assert q.kind == MIXED
    assert "dead on arrival" in q.text
    assert q.speaker == "Owen Tate"


def test_quoted_sentence_after_that_is_a_mixed_claim() -> None:
    text = "Dana Cole said that “the council has run out of money and out of time.”"
    q = only(text)
    assert (q.kind, q.speaker) == (MIXED, "Dana Cole")
    assert q.text.startswith("that “the council")


def test_a_quote_ending_its_sentence_is_not_given_the_next_sentences_speaker() -> None:
    text = "Mayor Joan Ruiz called the delays “unacceptable.” Kim Lott said nothing."
    q = find(text, "unacceptable")
    assert (q.speaker, q.kind) == ("Joan Ruiz", MIXED)


def test_a_quotation_continuing_a_reported_clause_joins_it() -> None:
    text = "Ed Vale spoke first. Rob Dunn said the plan is “really an empty promise to voters.”"
    q = find(text, "empty promise")
    assert (q.speaker, q.kind) == ("Rob Dunn", MIXED)
    assert q.text.startswith("the plan is")


def test_a_quoted_object_belongs_to_the_describer_not_the_last_speaker() -> None:
    text = (
        "“We will win,” said Tom Lake. Mayor Ada Voss described the attack as “a sobering "
        "reminder that an attack on one of us is an attack on all of us.”"
    )
    q = find(text, "sobering")
    assert (q.speaker, q.kind) == ("Ada Voss", MIXED)


def test_a_participle_after_a_statement_has_the_sentence_subject() -> None:
    text = "Nina Cole issued a statement saying she would fund the railway."
    assert only(text).speaker == "Nina Cole"


def test_possessive_speech_noun() -> None:
    text = "Voters recalled the senator Mary Dunn’s promise of “a school in every town.”"
    q = only(text)
    assert (q.speaker, q.kind) == ("Mary Dunn", MIXED)


# -- the seed article ------------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> list[Quote]:
    return quotes(SEED.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("words", "speaker", "kind"),
    [
        ("24 hours", "Donald Trump", INDIRECT),
        ("Putin as “smart”", "Donald Trump", MIXED),
        ("clever and pragmatic", "Vladimir Putin", MIXED),
        ("Nothing about Ukraine without Ukraine", "Volodymyr Zelenskyy", MIXED),
        ("We have to get that war ended", "Donald Trump", DIRECT),
        ("recoup those costs", "Mike Waltz", DIRECT),
        ("I don’t want to do that", "Donald Trump", DIRECT),
        ("the New York Post", None, None),
    ],
)
def test_seed_article_examples(
    seed: list[Quote], words: str, speaker: str | None, kind: str | None
) -> None:
    matches = [q for q in seed if words in q.text]
    if speaker is None:
        assert matches == []
        return
    assert len(matches) == 1
    assert (matches[0].speaker, matches[0].kind) == (speaker, kind)


def test_seed_waltz_has_both_direct_quotes_and_his_reported_statements(seed: list[Quote]) -> None:
    waltz = [q for q in seed if q.speaker == "Mike Waltz"]
    direct = [q for q in waltz if q.kind == DIRECT]
    assert [q.text[:20] for q in direct] == ["We need to recoup th", "President Trump is g"]
    assert direct[1].rule == "cue_in_previous_sentence+pronoun"
    assert len([q for q in waltz if q.kind == INDIRECT]) >= 4
    assert all(q.role == "National Security Advisor" or q.role for q in waltz)


def test_seed_roles_from_appositives(seed: list[Quote]) -> None:
    yermak = [q for q in seed if q.speaker == "Andriy Yermak"]
    assert {q.role for q in yermak} == {"senior advisor to Zelenskyy"}
    assert len(yermak) == 2


def test_seed_organisation_and_group_speakers(seed: list[Quote]) -> None:
    by_speaker = {q.speaker: q.speaker_type for q in seed}
    assert by_speaker["New York Post"] == ORGANISATION
    assert by_speaker["experts"] == GROUP
    assert by_speaker["Donald Trump"] == PERSON


# -- properties ------------------------------------------------------------------


def test_context_is_the_sentence_around_the_quote() -> None:
    text = "It rained. Maria Lopez said, “The bridge will open.” Then it stopped."
    q = only(text)
    assert q.context == "Maria Lopez said, “The bridge will open.”"
    assert text[q.context_start : q.context_end] == q.context


def test_extract_is_deterministic() -> None:
    text = SEED.read_text(encoding="utf-8")
    assert extract(text) == extract(text)


def test_empty_and_blank_text() -> None:
    assert extract("").quotes == ()
    assert extract("  \n\n ").quotes == ()


_ALPHABET = st.sampled_from([*list("abc XYZ.,;:!?'\"“”‘’«»„—-\n"), "said", "Mr ", "He ", "that "])


def _same_words(original: str, shown: str) -> bool:
    """The original slice, read as the engine reads a line break it took for a wrap."""
    if "\n" not in original and "\r" not in original:
        return original == shown
    # A wrap break reads as a space, or as nothing after a hyphen.
    return "".join(original.split()) == "".join(shown.split())


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_any_text_gives_quotes_that_point_back_at_it(text: str) -> None:
    for q in extract(text).quotes:
        assert 0 <= q.start <= q.end <= len(text)
        assert _same_words(text[q.start : q.end], q.text)
        assert _same_words(text[q.context_start : q.context_end], q.context)
        assert q.kind in (DIRECT, INDIRECT, MIXED)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_any_unicode_text_never_crashes(text: str) -> None:
    extract(text)


def test_every_rule_seen_has_an_explanation(seed: list[Quote]) -> None:
    from quotecli.extract.evidence import RESOLUTIONS, RULES, explain

    for q in seed:
        attribution, _, resolution = q.rule.partition("+")
        assert attribution in RULES
        assert not resolution or resolution in RESOLUTIONS or resolution == "name"
        sentence = explain(q.rule, q.mention, q.speaker)
        assert sentence.endswith(".") and "_" not in sentence


def test_explain_a_pronoun() -> None:
    from quotecli.extract.evidence import explain

    assert explain("quote_then_speaker_cue+pronoun", "he", "Tom Ford") == (
        "The speaker and a verb of saying follow the quotation; "
        "the pronoun “he” refers to Tom Ford."
    )


def test_a_few_quoted_words_nobody_said_are_a_title_or_label_not_a_quote() -> None:
    text = (
        'The new phone, code-named "Kestrel", goes on sale in May. '
        'Its screen shows the words "Stay tuned" until it is set up.'
    )
    assert quotes(text) == []


def test_a_few_quoted_words_that_lead_on_to_a_speaker_stay_a_quote() -> None:
    found = quotes('"We will fight on," shouted someone at the back of the hall.')
    assert [q.text for q in found] == ["We will fight on,"]


def test_a_body_named_by_the_word_that_says_what_it_is():
    text = (
        "The Harbour Board met on Monday. Ann Roe of the Harbour Board was there. "
        "The Board said it would cut fees."
    )
    assert [q.speaker for q in extract(text).quotes] == ["Harbour Board"]
