"""Reported speech in shapes the clause rules used to miss or misread: one sentence each."""

from __future__ import annotations

import pytest
from extracted import claim_by, quotes


def test_a_cue_word_after_a_preposition_is_a_noun_in_the_gap():
    text = "The Hillfield Trust is asking readers with blogs to post a link to the appeal."
    q = claim_by(text, "asking")
    assert q.text == "readers with blogs to post a link to the appeal"
    assert q.kind == "indirect"


def test_a_long_phrase_of_time_and_place_after_the_cue_leaves_the_claim_before_it():
    text = (
        "The depot will close within a year, Maria Santos said in an interview with "
        "the local paper on Monday."
    )
    q = claim_by(text, "said")
    assert q.text == "The depot will close within a year"
    assert q.speaker == "Maria Santos"


def test_the_writers_gloss_after_a_dash_does_not_hide_the_claim():
    text = (
        "Nurses will get a pay rise next spring, Health Secretary Alan Reid said this week "
        "at a hospital in Derby — a reversal of what he told the union in March."
    )
    q = claim_by(text, "said")
    assert q.text == "Nurses will get a pay rise next spring"
    assert q.speaker == "Alan Reid"


def test_a_passive_cue_with_its_agent_after_it_makes_no_claim_of_the_words_before():
    text = (
        "While his brother was praised all season, Tom Hale was warned by the club for "
        "a lack of effort in training at the end of 2003."
    )
    assert quotes(text) == []


def test_the_writers_manner_of_speaking_reports_nothing():
    for text in (
        "It is too early to say whether the new timetable will cut delays.",
        "Given his record, it is safe to say he will not back the bill.",
        "It is hard to say how many jobs will go.",
        "Suffice it to say that the council was not pleased.",
        "The council will mend the roads without asking residents to pay more.",
    ):
        assert quotes(text) == [], text


def test_the_writers_manner_of_speaking_reports_nothing_with_quoted_words_in_it():
    for text in (
        "The union backs the deal. It goes without saying that closing the depot is "
        "“unthinkable” to its members.",
        "It is safe to say that the new timetable was “a shambles” for commuters.",
    ):
        assert quotes(text) == [], text


def test_a_claim_of_what_is_too_early_to_say_is_still_the_speakers():
    text = "Mr Ortiz said it was too early to say whether the new timetable would cut delays."
    q = claim_by(text, "said")
    assert q.text == "it was too early to say whether the new timetable would cut delays"
    assert q.speaker == "Ortiz"


def test_someone_telephoned_is_not_someone_named_something():
    assert quotes("Rachel Moss called Peter Lang shortly after the result was declared.") == []


def test_calling_someone_something_is_still_a_claim():
    q = claim_by("Rachel Moss called Peter Lang a coward.", "called")
    assert q.text == "Peter Lang a coward"
    assert q.speaker == "Rachel Moss"


def test_calling_on_someone_to_act_is_still_a_request():
    q = claim_by("Rachel Moss called on the council to reopen the library.", "called")
    assert q.speaker == "Rachel Moss"
    assert q.text.endswith("to reopen the library")


def test_a_time_after_the_cue_is_not_what_was_announced():
    assert quotes("The clinic was not the one the trust had announced earlier.") == []
    q = claim_by("The trust announced the closure of the clinic last week.", "announced")
    assert q.text == "the closure of the clinic last week"


def test_a_role_word_inside_the_object_is_not_a_speaker_after_the_cue():
    text = (
        "Jo Smith, the former governor of the state and a former mayor of its capital, "
        "stressed his executive record and his plan for jobs."
    )
    q = claim_by(text, "stressed")
    assert q.text == "his executive record and his plan for jobs"
    assert q.speaker == "Jo Smith"


def test_a_claim_before_said_and_a_name_and_a_time():
    q = claim_by("The depot will close within a year, said Maria Santos on Monday.", "said")
    assert q.text == "The depot will close within a year"
    assert q.speaker == "Maria Santos"


def test_an_author_after_written_by_is_not_a_speaker():
    text = "The play is a comedy of manners, written and directed by Ann Hollis."
    assert [q for q in quotes(text) if q.kind != "direct"] == []


def test_a_bare_noun_after_whom_it_was_told_opens_the_claim():
    q = claim_by("Ms Okafor told councillors parking charges would double in May.", "told")
    assert q.text == "parking charges would double in May"
    assert q.speaker == "Okafor"


def test_a_national_adjective_is_not_whom_it_was_told():
    text = "Mr Lindqvist warned Nordic banks could soon stop lending to the project."
    assert all(not q.text.startswith("banks") for q in quotes(text))


def test_a_claim_resumes_after_an_inverted_source():
    q = claim_by("Often, said Mr Okonjo, the old files were never deleted at all.", "said")
    assert q.speaker == "Okonjo"
    assert q.parts and q.text.endswith("the old files were never deleted at all")
    q = claim_by("This, said Ms Varga, would make the network harder to shut down.", "said")
    assert [q.text[s - q.start : e - q.start] for s, e in q.parts] == [
        "This",
        "would make the network harder to shut down",
    ]


def test_the_month_may_is_no_verb():
    text = "In May, said Mr Okonjo, the files were moved to a new office in the city."
    q = claim_by(text, "said")
    assert q.text == "the files were moved to a new office in the city"
    assert q.speaker == "Okonjo"
    # The verb is still one, in lower case or in a headline's title case.
    q = claim_by("Prices may rise next year, said Ms Tanaka.", "said")
    assert q.text == "Prices may rise next year"


@pytest.mark.parametrize(
    ("text", "claim", "speaker"),
    [
        # The speaker, then the topic.
        (
            "Carter on Housing: Rents Are ‘Out of Reach’ for Young Families.\n\n"
            "Housing minister Ellen Carter spoke in Bristol on Tuesday.",
            "Rents",
            "Ellen Carter",
        ),
        # Role words before the name.
        (
            "Union leader Maria Okafor: Strike Will Go Ahead on Monday.\n\n"
            "Maria Okafor told members in Cardiff that talks had failed.",
            "Strike",
            "Maria Okafor",
        ),
    ],
)
def test_a_headline_label_may_name_the_speaker_among_other_words(text, claim, speaker):
    q = next(q for q in quotes(text) if q.text.startswith(claim))
    assert (q.speaker, q.rule) == (speaker, "headline_colon")


def test_a_label_with_other_words_names_no_speaker_unless_a_person():
    for text in (
        "Another challenge: Most councils have passed the deadline for bids.",
        "Still to come: results from Leeds, Derby and Hull.",
        "Fans on Twitter: The Final Was a Farce.",
    ):
        assert all(q.rule != "headline_colon" for q in quotes(text)), text


def test_a_programme_title_in_quotation_marks_between_cue_and_clause_is_no_quote():
    text = (
        "Senator Ray Okonkwo told NBC’s “Meet the Press” on Sunday that the bill "
        "would pass before the recess."
    )
    found = quotes(text)
    assert [(q.text, q.speaker) for q in found] == [
        ("that the bill would pass before the recess", "Ray Okonkwo")
    ]


def test_a_phrase_that_frames_the_claim_before_its_speaker_is_the_claims_first_part():
    text = "In the northern towns, the mayor said, bus fares will rise by a third."
    q = claim_by(text, "said")
    assert [text[s:e] for s, e in q.parts] == [
        "In the northern towns",
        "bus fares will rise by a third",
    ]


@pytest.mark.parametrize(
    "opening",
    ["In a radio interview", "On Monday", "At the party conference", "In May 2004"],
)
def test_a_phrase_that_says_where_or_when_it_was_said_stays_out_of_the_claim(opening):
    text = f"{opening}, the mayor said, bus fares will rise by a third."
    q = claim_by(text, "said")
    assert (q.text, q.parts) == ("bus fares will rise by a third", ())


def test_a_time_clause_with_a_verb_of_saying_inside_the_claim_does_not_end_it():
    text = "Mr Okafor says he knew little about the charity before he announced his bid."
    q = claim_by(text, "says")
    assert q.text == "he knew little about the charity before he announced his bid"
    assert len(quotes(text)) == 1


def test_a_time_clause_with_a_claim_of_its_own_still_ends_the_claim():
    text = "The paper said the party had repaid the loan after he said the party would lose."
    assert [q.text for q in quotes(text)] == [
        "the party had repaid the loan",
        "the party would lose",
    ]


def test_a_speaker_after_a_role_with_a_place_is_no_claim_but_the_speaker():
    text = "The depot is short of staff, said former Ohio governor Ann Baxter, who chairs it."
    assert [(q.text, q.speaker) for q in quotes(text)] == [
        ("The depot is short of staff", "Ann Baxter")
    ]


@pytest.mark.parametrize("link", ["But", "And yet", "So"])
def test_a_lone_conjunction_before_the_speaker_is_not_part_of_the_claim(link):
    text = f"Ms Roe spoke on Monday. {link}, she added, the plant would stay open."
    q = claim_by(text, "added")
    assert (q.text, q.parts) == ("the plant would stay open", ())


@pytest.mark.parametrize(
    "text",
    [
        "Mr Hale reported daily to the owner of the studio.",
        "The plan cuts the top rate, which Ms Roe proposed under a flat tax.",
    ],
)
def test_a_phrase_of_place_or_manner_after_the_cue_is_no_object_claim(text):
    assert [q.text for q in quotes(text) if q.rule.startswith("speaker_cue_object")] == []


def test_the_source_named_after_a_quotations_attribution_is_not_an_object_claim():
    text = "“We will not close,” said Ann Baxter, head of the depot, reports the Leeds Echo."
    assert [q.kind for q in quotes(text)] == ["direct"]


def test_an_aside_between_dashes_right_after_that_stays_in_the_claim():
    text = "Mr Roe said that — despite the cuts — the depot would stay open."
    q = claim_by(text, "said")
    assert q.text == "that — despite the cuts — the depot would stay open"


@pytest.mark.parametrize(
    ("text", "cue", "claim"),
    [
        ("Mr Roe said, however, he would not resign.", "said", "he would not resign"),
        (
            "Mr Roe says, win or lose, he is staying in the race.",
            "says",
            "win or lose, he is staying in the race",
        ),
    ],
)
def test_a_clause_after_a_short_aside_set_off_by_commas_is_the_claim(text, cue, claim):
    assert claim_by(text, cue).text == claim


def test_a_second_relative_clause_of_the_speaker_ends_the_claim():
    text = (
        "Senator Ann Cole of Ohio, who last year threatened to close the depot, and who "
        "hopes to win the seat, spoke on Monday."
    )
    q = claim_by(text, "threatened")
    assert q.text == "to close the depot"


def test_a_comparison_after_the_speaker_is_not_the_claim_going_on():
    text = "Fares will rise by 8% next year, the council said, compared with 3% this year."
    q = claim_by(text, "said")
    assert (q.text, q.parts) == ("Fares will rise by 8% next year", ())


@pytest.mark.parametrize(
    "text",
    [
        "In 2003 he set up a small firm called Baikal.",
        "She hired a young guitarist called Flicker.",
        "The unions have called off the strike planned for Monday.",
    ],
)
def test_called_that_names_or_summons_is_no_claim(text):
    assert quotes(text) == []


def test_a_speaker_noun_before_called_still_says_it():
    q = claim_by("A spokesman called the plan dangerous.", "called")
    assert q.text == "the plan dangerous"


def test_a_claim_resumes_with_its_verb_after_the_speakers_role():
    text = "The problem they face, said Ann Roe, head of the depot, is a lack of drivers."
    q = claim_by(text, "said")
    assert [text[s:e] for s, e in q.parts] == ["The problem they face", "is a lack of drivers"]


def test_an_opening_adverb_before_an_inverted_speaker_opens_the_claim():
    text = "More significantly, argues the report, broadband is changing how people shop."
    q = claim_by(text, "argues")
    assert [text[s:e] for s, e in q.parts] == [
        "More significantly",
        "broadband is changing how people shop",
    ]


def test_called_after_a_longer_indefinite_phrase_still_names():
    assert quotes("He then founded another small company called Orchard Systems.") == []
    assert quotes("It is run by a New York-based trade group called The Travel Union.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Prices rose despite a government report that showed stocks were rising.",
        "The Demos report looked at the habits of people online.",
        "Shares fell after the latest labour department report showing a rise in jobless.",
    ],
)
def test_a_cue_word_that_is_a_noun_with_its_own_verb_makes_no_claim(text):
    assert quotes(text) == []


def test_a_cue_word_after_its_subject_still_takes_a_gapped_clause():
    text = "She sued two men who she claims left her afraid to go out."
    assert [q.text for q in quotes(text)] == ["left her afraid to go out"]


def test_a_claim_before_said_and_a_name_with_the_comma_left_out():
    text = (
        "Rising rents are pushing small shops out of the high street said Nora Banks, "
        "head of the traders' group. She said many would close by spring."
    )
    found = quotes(text)
    assert [(q.text, q.speaker) for q in found] == [
        ("Rising rents are pushing small shops out of the high street", "Nora Banks"),
        ("many would close by spring", "Nora Banks"),
    ]
    # The name opens the reported clause: no comma was left out.
    claim = claim_by("The council said Nora Banks, the chair, was wrong.", "said")
    assert claim.text.startswith("Nora Banks")


@pytest.mark.parametrize(
    ("text", "cue", "claim", "speaker"),
    [
        (
            "Councillor Ann Pike is calling for a full review of the parking charges.",
            "calling for",
            "a full review of the parking charges",
            "Ann Pike",
        ),
        (
            "The rail union has been demanding a fresh ballot on the pay offer.",
            "demanding",
            "a fresh ballot on the pay offer",
            "rail union",
        ),
        (
            "Mayor Tom Reyes is also proposing a tram line from the station to the port.",
            "proposing",
            "a tram line from the station to the port",
            "Tom Reyes",
        ),
    ],
)
def test_a_participle_after_a_form_of_be_takes_its_object_as_the_claim(text, cue, claim, speaker):
    q = claim_by(text, cue)
    assert q.text == claim
    assert q.speaker is not None and q.speaker.endswith(speaker)


def test_a_participle_after_with_and_its_speaker_takes_its_object_as_the_claim():
    text = (
        "The club has kept its manager for now, with chairman Ray Dunn calling for "
        "an end to talk about his future."
    )
    q = claim_by(text, "calling for")
    assert q.text == "an end to talk about his future"
    assert q.speaker == "Ray Dunn"


@pytest.mark.parametrize(
    "text",
    [
        "The carmaker is calling back 12,000 vans because of a faulty brake pipe.",
        "The two parties are not calling for a recount in the ward.",
        "Even as the councillors were proposing cuts, the budget grew.",
        "A man calling himself Captain Blue rang the station twice.",
        "Taxpayers reporting gains from shares will pay less next year.",
    ],
)
def test_a_participle_that_is_no_speakers_verb_makes_no_object_claim(text):
    assert [q.text for q in quotes(text)] == []


@pytest.mark.parametrize(
    "text",
    [
        "The prime minister has called a snap election for the spring.",
        "The drivers' union called a strike at the depot on Monday.",
        "The council called an emergency meeting after the flood.",
        "The two sides have called a truce in their long dispute over fishing rights.",
    ],
)
def test_called_that_convenes_an_event_is_no_claim(text):
    assert [q.text for q in quotes(text)] == []


def test_called_with_an_event_and_a_description_still_says_it():
    q = claim_by("Ms Vance called the election a farce from start to finish.", "called")
    assert q.text == "the election a farce from start to finish"


def test_a_cue_noun_described_after_of_makes_no_claim():
    text = "The checkers rated 30% of Liberal claims as false, against 12% of Republican claims."
    assert [q.cue for q in quotes(text)] == []


def test_a_name_ending_in_a_place_after_of_still_says():
    text = "Analysts Harbour Research of Leeds estimates that sales will double by 2009."
    q = claim_by(text, "estimates")
    assert q.text == "that sales will double by 2009"


@pytest.mark.parametrize(
    "text",
    [
        "The senator spent Monday in Ohio and Iowa, states that vote in March.",
        "Ms Ruiz toured Kent and Essex, states that vote on the first of May.",
        "Much rests on the early voting states that precede it in the calendar.",
    ],
)
def test_a_plural_cue_noun_with_a_relative_clause_makes_no_claim(text):
    assert [q.cue for q in quotes(text)] == []


def test_a_plural_cue_after_its_speakers_name_still_says():
    q = claim_by("Mr Okafor claims that work on the bridge was rushed.", "claims")
    assert q.text == "that work on the bridge was rushed"


def test_what_was_first_reported_by_a_paper_is_that_papers_report():
    q = claim_by("The planned takeover was first reported by the Evening Ledger.", "reported")
    assert q.text == "The planned takeover"
    assert q.speaker == "Evening Ledger"


@pytest.mark.parametrize(
    "text",
    [
        "The theft was reported by a neighbour who saw the van.",
        "The fire was reported by Jo Marsh, a teacher at the school.",
        "Three new cases of the disease were reported by the clinic on Monday afternoon.",
    ],
)
def test_reported_by_a_person_or_with_more_after_the_source_makes_no_such_claim(text):
    assert [q.text for q in quotes(text) if q.cue == "reported"] == []


def test_warning_against_doing_something_names_what_not_to_do():
    text = "Bank governor Ann Cole has warned against placing too much weight on one month's data."
    q = claim_by(text, "warned against")
    assert q.text == "placing too much weight on one month's data"
    assert q.speaker == "Ann Cole"


def test_warning_against_a_noun_only_makes_no_claim():
    assert quotes("The party chairman Ann Cole warned against disunity.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Mayor Ann Cole said she had voted for the plan, but cautioned against reading that "
        "as an endorsement.",
        "Mayor Ann Cole backed the plan, but warned against reading that as an endorsement.",
    ],
)
def test_warning_against_doing_something_after_a_first_verb_keeps_what_not_to_do(text):
    q = next(q for q in quotes(text) if q.cue.endswith(" against"))
    assert q.text == "reading that as an endorsement"
    assert q.speaker == "Ann Cole"


def test_state_before_a_noun_in_the_gap_is_no_cue_of_its_own():
    text = "The agency warned state officials to tighten their security before the vote."
    q = claim_by(text, "warned")
    assert q.text.startswith("state officials to tighten their security")


@pytest.mark.parametrize(
    "text",
    [
        "It goes without saying that the “grand bargain” of old is out of reach.",
        "The mayor declined to say whether the “final offer” would stand.",
    ],
)
def test_quoted_words_after_a_refused_or_impersonal_cue_are_no_claim(text):
    assert [q.text for q in quotes(text) if q.kind != "direct"] == []


@pytest.mark.parametrize(
    "text",
    [
        "The bank is advising the brewer as it works on a merger with a rival.",
        "She recalls her editor telling her when she was a junior reporter in Leeds.",
    ],
)
def test_a_pronoun_after_a_conjunction_of_time_or_cause_opens_no_claim(text):
    assert [q.text for q in quotes(text) if q.cue in ("advising", "telling")] == []


def test_a_pronoun_after_the_one_told_still_opens_the_claim():
    q = claim_by("Ann Cole told the Evening Post last week she would stand again.", "told")
    assert q.text == "she would stand again"


def test_a_comparison_after_according_to_is_the_writers():
    text = (
        "Rents in the city rose 9 percent, according to the Lettings Board, "
        "more than twice what it forecast in spring."
    )
    q = claim_by(text, "according to")
    assert q.text == "Rents in the city rose 9 percent"


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        (
            "Rents, according to the Lettings Board, have risen by a tenth.",
            "Rents, according to the Lettings Board, have risen by a tenth",
        ),
        (
            "Rents would rise 9 percent and, according to some forecasts, double by 2030.",
            "Rents would rise 9 percent and, according to some forecasts, double by 2030",
        ),
    ],
)
def test_a_claim_goes_on_after_according_to_when_it_needs_what_follows(text, claim):
    assert claim_by(text, "according to").text == claim


@pytest.mark.parametrize(
    ("text", "cue", "claim"),
    [
        (
            "Ann Cole said the strike had failed and called for talks with the council.",
            "called for",
            "talks with the council",
        ),
        (
            "Ann Cole resigned on Monday and called the decision painful.",
            "called",
            "the decision painful",
        ),
    ],
)
def test_a_verb_with_an_object_after_and_shares_the_subject_before_it(text, cue, claim):
    q = claim_by(text, cue)
    assert q.text == claim
    assert q.speaker == "Ann Cole"


@pytest.mark.parametrize(
    "text",
    [
        "The chief inspector did not recommend prosecution.",
        "The chief inspector criticised the firm but did not recommend prosecution.",
        "Ann Cole has never denied the reports.",
    ],
)
def test_a_denied_verb_with_an_object_says_nothing(text):
    assert [q.text for q in quotes(text) if q.kind != "direct"] == []


def test_a_verb_after_and_in_a_relative_clause_is_not_the_speakers():
    text = "Ann Cole spoke of a campaign that welcomes newcomers and demands respect for them."
    assert [q.text for q in quotes(text) if q.cue == "demands"] == []


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        (
            "Ann Cole says praise from rivals helps her campaign.",
            "praise from rivals helps her campaign",
        ),
        ("Ann Cole said reports of a rift were untrue.", "reports of a rift were untrue"),
    ],
)
def test_a_cue_word_right_after_said_can_be_the_claims_subject(text, claim):
    assert claim_by(text, text.split()[2]).text == claim


def test_a_quoted_title_after_the_time_and_place_of_a_quotation_is_no_claim():
    text = (
        "“The mills are closing one by one,” the veteran campaigner said "
        "in a Monday interview with the radio show “Morning Desk.”"
    )
    assert [q.text for q in quotes(text) if q.kind == "mixed"] == []


def test_a_span_of_time_after_the_cue_leaves_the_claim_before_it():
    text = (
        "Ann Cole won the Leeds primary, the Press Association declared on Friday, "
        "two days after voters went to the polls."
    )
    q = claim_by(text, "declared")
    assert q.text == "Ann Cole won the Leeds primary"


def test_a_word_for_words_said_may_open_a_bare_clause_in_the_present():
    text = "Mayor Ruth Kessler says criticism from the unions helps her campaign"
    q = claim_by(text, "says")
    assert q.text == "criticism from the unions helps her campaign"
    assert q.speaker == "Ruth Kessler"


def test_a_word_describing_a_body_before_its_name_opens_the_subject():
    text = "The nonpartisan Commission on Fair Elections says the count was accurate."
    q = claim_by(text, "says")
    assert q.text == "the count was accurate"
    assert q.speaker is not None and "Commission" in q.speaker
