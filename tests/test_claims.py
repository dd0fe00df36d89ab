"""Which reported clauses and partly quoted claims are found, and where they start and end."""

from __future__ import annotations

from extracted import claim_by, quotes

from quotecli.model import DIRECT, INDIRECT, MIXED


def test_a_programme_title_after_the_cue_of_a_quotation_is_no_claim():
    text = '"The scheme is a shambles," Ms Okafor said on Sunday on ITV\'s "Weekend Politics."'
    found = quotes(text)
    assert [(q.text, q.kind) for q in found] == [("The scheme is a shambles,", DIRECT)]


def test_quoted_words_after_the_cue_and_a_comma_still_go_on():
    text = '"We looked at the figures," she said, "and they are alarming."'
    found = quotes(text)
    assert all("Weekend" not in q.text for q in found)
    assert any("and they are alarming." in q.text for q in found)


STORY = "\n\nLEEDS -- Mayor Joanna Hart and Councillor Rob Pike met builders on Monday."


def test_a_title_case_headline_names_its_speaker_before_says():
    q = next(q for q in quotes("Hart Says She Will Not Stand Again." + STORY) if q.cue == "Says")
    assert (q.text, q.speaker, q.kind, q.rule.split("+")[0]) == (
        "She Will Not Stand Again",
        "Joanna Hart",
        INDIRECT,
        "headline_says",
    )


def test_a_headline_says_with_quoted_words_is_mixed():
    q = next(q for q in quotes("Pike Says Bridge Plan Is “A Fiasco”." + STORY) if q.cue == "Says")
    assert (q.speaker, q.kind) == ("Rob Pike", MIXED)


def test_a_story_sentence_in_title_case_words_is_no_headline():
    text = "Hart Says Goodbye." + STORY
    assert all(q.rule.split("+")[0] != "headline_says" for q in quotes(text))


def test_a_title_case_headline_names_what_its_speaker_calls_for_or_promises():
    q = next(q for q in quotes("Pike Calls for Inquiry after Bridge Collapse." + STORY))
    assert (q.text, q.speaker, q.rule.split("+")[0]) == (
        "Inquiry",
        "Rob Pike",
        "headline_announces",
    )
    q = next(q for q in quotes("Hart Promises New Bridge by Spring." + STORY))
    assert (q.text, q.speaker) == ("New Bridge by Spring", "Joanna Hart")


def test_calls_with_no_particle_in_a_headline_is_no_verb_of_saying():
    text = "Hart Calls Grow Louder Over Bridge." + STORY
    assert all(q.rule.split("+")[0] != "headline_announces" for q in quotes(text))


def test_a_headline_with_a_pronoun_clause_after_the_colon():
    q = next(q for q in quotes("Hart: I will not stand again." + STORY))
    assert (q.text, q.speaker) == ("I will not stand again", "Joanna Hart")
    assert q.rule == "headline_colon"


def test_a_poll_named_before_the_colon_is_the_source():
    q = next(q for q in quotes("Poll: Hart leads in Leeds race." + STORY))
    assert (q.text, q.speaker) == ("Hart leads in Leeds race", "poll")


def test_a_poll_that_asks_the_reader_is_no_claim():
    assert quotes("Poll: Who will win the Leeds race?" + STORY) == []


def test_a_relative_clause_inside_the_claim_stays_in_it():
    text = (
        "Ms Oduya warned that the strong pound, which has hit exports, would cut"
        " exporters’ profits by a tenth."
    )
    assert claim_by(text, "warned").text == (
        "that the strong pound, which has hit exports, would cut exporters’ profits by a tenth"
    )


def test_a_relative_clause_at_the_end_of_the_claim_still_ends_it():
    text = "Ms Oduya said the council would sell the land, which angered residents."
    assert claim_by(text, "said").text == "the council would sell the land"


def test_a_participle_takes_a_clause_that_opens_with_a_bare_noun():
    text = "Ms Oduya closed the library on Friday, saying volunteers had run out of money."
    assert claim_by(text, "saying").text == "volunteers had run out of money"


def test_a_participle_inside_a_noun_phrase_takes_no_clause():
    text = "Two men from the so-called Red Fox hacking group were jailed in Leeds on Monday."
    assert all(q.cue != "hacking" for q in quotes(text))


def test_a_clause_may_open_with_a_number():
    text = "Ms Oduya said 300 homes would be built on the site."
    assert claim_by(text, "said").text == "300 homes would be built on the site"


def test_a_promise_not_to_act_is_the_claim():
    text = "Ms Oduya promised not to raise council tax next year."
    assert claim_by(text, "promised").text == "not to raise council tax next year"


def test_it_was_announced_that_is_a_claim_with_no_named_source():
    q = claim_by("It was announced on Monday that the depot would close.", "announced")
    assert (q.text, q.speaker, q.kind) == ("that the depot would close", None, INDIRECT)


def test_it_has_long_been_reported_that():
    q = claim_by("It has long been reported that the owner wants to sell the club.", "reported")
    assert (q.text, q.speaker) == ("that the owner wants to sell the club", None)


def test_is_said_to_is_a_claim_about_the_subject():
    q = claim_by("Two rival clubs are said to be interested in the striker.", "said")
    assert (q.text, q.speaker) == ("to be interested in the striker", None)


def test_shapes_of_the_passive_that_report_no_claim():
    for text, cue in (
        ("The theft was reported to the police by a neighbour.", "reported"),
        ("She was told to leave the building at once.", "told"),
        ("It is announced every six months by the league.", "announced"),
    ):
        assert all(q.cue != cue for q in quotes(text)), text


def test_a_claim_after_one_with_no_named_source_is_its_subjects():
    text = (
        "Many Labour backbenchers are said to be unhappy with the campaign and have said"
        " they want the chancellor to take a bigger role."
    )
    found = [(q.text, q.speaker) for q in quotes(text)]
    assert found == [
        ("to be unhappy with the campaign", None),
        ("they want the chancellor to take a bigger role", "Labour backbenchers"),
    ]


def test_quoted_words_that_finish_the_reporters_sentence_make_it_mixed():
    text = (
        "Turnout fell in every ward and “the council has only itself to blame for"
        " that, frankly,” Ms Oduya said."
    )
    (q,) = quotes(text)
    assert q.kind == MIXED
    assert q.text.startswith("Turnout fell in every ward and “the council")
    assert q.speaker == "Oduya"


def test_such_words_with_no_cue_in_their_sentence_stay_a_quotation():
    text = (
        "“Rates will rise,” said the economist Jo Marsh. The bank “may sound"
        " cautious but it will act when the data allows it to.”"
    )
    found = quotes(text)
    assert [q.kind for q in found] == [DIRECT, DIRECT]


def test_a_straight_mark_glued_to_the_full_stop_before_it_opens_a_quotation():
    text = 'Jo Marsh reached the stage at last."It was worth the wait," she said.'
    (q,) = quotes(text)
    assert (q.text, q.kind, q.speaker) == ("It was worth the wait,", DIRECT, "Jo Marsh")


def test_noted_and_alleged_take_a_clause_with_no_that():
    assert claim_by("Ms Oduya noted the council had missed its target.", "noted").text == (
        "the council had missed its target"
    )
    assert claim_by("Mr Pike alleged the firm knew of the fault.", "alleged").text == (
        "the firm knew of the fault"
    )


def test_the_circumstances_of_the_report_end_the_claim():
    for text, cue in (
        ("Ms Oduya said the depot would close, amid rows over the council budget.", "said"),
        ("Mr Pike said the plan would fail, citing figures from the treasury.", "said"),
        ("Ms Oduya promised to cut fares, in a bid to win back commuters.", "promised"),
    ):
        assert "," not in claim_by(text, cue).text, text


def test_warned_and_promised_take_a_clause_straight_after_them():
    assert claim_by("The club has warned it could go bankrupt by May.", "warned").text == (
        "it could go bankrupt by May"
    )
    assert claim_by("Ms Oduya warned fares would rise again.", "warned").text == (
        "fares would rise again"
    )


def test_after_told_the_first_word_is_still_the_listener():
    assert claim_by("Mr Pike told staff he would stay.", "told").text == "he would stay"


def test_a_cue_and_speaker_aside_after_an_opening_adverb():
    q = claim_by("Currently, says Ms Oduya, the depot loses money every week.", "says")
    assert (q.text, q.speaker) == ("the depot loses money every week", "Oduya")
    q = claim_by("For instance, said Mr Pike, buses could run all night at weekends.", "said")
    assert (q.text, q.speaker) == ("buses could run all night at weekends", "Pike")


def test_a_claim_interrupted_by_verb_then_speaker_is_one_claim_in_two_parts():
    text = "The answer, says Ms Oduya, is a new bus station."
    q = claim_by(text, "says")
    assert [text[s:e] for s, e in q.parts] == ["The answer", "is a new bus station"]


def test_the_speakers_description_after_verb_then_speaker_is_no_claim():
    text = "The depot will close in May, said Jo Marsh, head of the transport union."
    assert claim_by(text, "said").text == "The depot will close in May"


def test_a_claim_then_a_role_and_name_then_the_verb():
    text = "Fares will rise again in April, transport spokesman Rob Pike said."
    q = claim_by(text, "said")
    assert (q.text, q.speaker) == ("Fares will rise again in April", "Rob Pike")


def test_promised_takes_a_clause_that_opens_with_further():
    text = "Ms Oduya promised further cuts would be announced in the spring."
    assert claim_by(text, "promised").text == "further cuts would be announced in the spring"


def test_a_cue_after_a_question_still_reports_the_answer_after_that():
    text = '"Were the posters a smear?" Ms Oduya replied that they were only a joke.'
    found = [(q.text, q.kind) for q in quotes(text)]
    assert ("that they were only a joke", INDIRECT) in found


def test_a_time_phrase_between_the_cue_and_its_clause_stays_out():
    for text in (
        "Ms Oduya said Tuesday the depot would close.",
        "Ms Oduya said last week the depot would close.",
        "Ms Oduya said earlier this month the depot would close.",
    ):
        assert claim_by(text, "said").text == "the depot would close", text
    assert claim_by("Ms Oduya said this year was the worst.", "said").text == (
        "this year was the worst"
    )
    assert claim_by("Ms Oduya said DEC had closed the depot.", "said").text == (
        "DEC had closed the depot"
    )


def test_according_to_a_source_with_no_name_is_its_phrase():
    text = "The depot will close in May, according to a report by the council."
    q = claim_by(text, "according to")
    assert (q.text, q.speaker) == ("The depot will close in May", "report by the council")


def test_quoted_words_earlier_in_the_sentence_belong_to_the_same_claim():
    text = "Voters want “change” and “hope”, Ms Oduya said."
    (q,) = quotes(text)
    assert (q.text, q.kind, q.speaker) == ("Voters want “change” and “hope”", MIXED, "Oduya")


def test_dotted_initials_do_not_end_the_sentence_of_a_claim():
    text = "Ms Oduya said the plan was no different from one George H.W. Bush backed."
    assert claim_by(text, "said").text == (
        "the plan was no different from one George H.W. Bush backed"
    )


def test_the_speakers_next_verb_after_quoted_words_ends_the_claim():
    text = "Ms Oduya hit back, calling him a “fraud” and “a liar”, and contrasted him with Jo."
    assert claim_by(text, "calling").text == "him a “fraud” and “a liar”"
    text = "Mr Pike accused the board of “cheating” and was fined and “reprimanded” by the club."
    assert claim_by(text, "accused").text == "the board of “cheating”"


def test_the_claims_own_verb_after_quoted_words_stays_in_it():
    text = "Mr Pike said he was focused on “fairness” and had no wish to delay the vote."
    assert claim_by(text, "said").text.endswith("had no wish to delay the vote")


def test_a_free_relative_object_ends_where_the_sentences_verb_comes():
    text = "The row over what staff have called a “cynical ploy” took a new turn on Monday."
    assert claim_by(text, "called").text == "a “cynical ploy”"


def test_quoted_words_introduced_inside_the_claim_belong_to_it():
    text = "Mr Pike said he felt voters were saying, “We are safe now,” before the count."
    q = claim_by(text, "said")
    assert (q.kind, q.text) == (
        MIXED,
        "he felt voters were saying, “We are safe now,” before the count",
    )


def test_a_quotation_after_adding_stays_the_speakers_own():
    text = "Mr Pike said the vote was close, adding: “We will know by Friday.”"
    assert any(q.kind == DIRECT and q.text == "We will know by Friday." for q in quotes(text))


def test_was_to_blame_is_no_new_speaker_inside_the_claim():
    text = "Ms Oduya said the board and the council were to blame for the delays."
    assert claim_by(text, "said").text == "the board and the council were to blame for the delays"


def test_the_sources_role_after_according_to_is_no_part_of_the_claim():
    text = "Fares will rise in May, according to Jo Marsh, editor of the Transport Gazette."
    q = claim_by(text, "according to")
    assert (q.text, q.parts) == ("Fares will rise in May", ())


def test_a_clause_may_open_with_at_least_or_as_many_as_and_a_number():
    assert claim_by("Police said at least 50 people had died.", "said").text == (
        "at least 50 people had died"
    )
    assert claim_by("Ms Oduya said as many as 700 jobs could go.", "said").text == (
        "as many as 700 jobs could go"
    )


def test_a_title_case_headline_may_end_with_its_speaker():
    q = next(q for q in quotes("Depot Will Close In May, Hart Says." + STORY) if q.cue == "Says")
    assert (q.text, q.speaker, q.rule.split("+")[0]) == (
        "Depot Will Close In May",
        "Joanna Hart",
        "headline_claim_says",
    )


def test_a_refusal_to_say_reports_no_claim():
    for text in (
        "The minister refused to say whether the plant would close.",
        "Acme declined to publicly say how many jobs would go.",
        "The club would not confirm that the striker had been sold.",
        "Her lawyer wouldn’t say when the appeal would be heard.",
    ):
        assert quotes(text) == [], text


def test_a_refusal_does_not_hide_what_is_said_after_it():
    found = quotes("The spokesman refused to comment but said the talks would go on.")
    assert [q.text for q in found] == ["the talks would go on"]


def test_a_bracketed_note_in_marks_is_no_quotation():
    text = (
        'The exchange went on.\n\n"HOST: Will you stand again?\n\n"(CROSSTALK.)\n\n'
        '"GUEST: I will not stand again."\n\nShe said "(laughs)" and left.'
    )
    assert all("CROSSTALK" not in q.text and "laughs" not in q.text for q in quotes(text))


def test_the_speakers_next_verb_ends_an_object_that_is_the_claim():
    q = claim_by("Tom Pryce denied the charges and took the paper to court.", "denied")
    assert (q.text, q.speaker) == ("the charges", "Tom Pryce")
    q = claim_by(
        "Ada Lowe has proposed a levy on second homes and has gone on to defend it.", "proposed"
    )
    assert q.text == "a levy on second homes"


def test_an_object_with_a_verb_of_its_own_keeps_its_and():
    q = claim_by("Tom Pryce announced a plan that was costly and unpopular.", "announced")
    assert q.text == "a plan that was costly and unpopular"
    q = claim_by("Ada Lowe reported weak sales and worse-than-expected profits.", "reported")
    assert q.text == "weak sales and worse-than-expected profits"


def test_a_closing_appositive_is_the_writers_gloss_not_the_claim():
    q = claim_by("Ada Lowe said turnout was up by a third, a record for the county.", "said")
    assert q.text == "turnout was up by a third"


def test_a_closing_phrase_with_a_verb_of_its_own_stays_in_the_claim():
    q = claim_by("Ada Lowe said that, if it rained, a recount could not be done.", "said")
    assert q.text == "that, if it rained, a recount could not be done"


def test_a_cue_that_needs_its_particle_cuts_a_claim_only_with_it():
    q = claim_by("Jo Roe said she would get up and go back to work on Monday.", "said")
    assert q.text == "she would get up and go back to work on Monday"
    q = claim_by("Jo Roe said the plan would fail and went on to attack the council.", "said")
    assert q.text == "the plan would fail"


def test_state_before_a_noun_or_a_name_is_no_verb_of_saying():
    assert quotes("The Guard and state troopers will stay in the city through Sunday.") == []
    assert quotes("Rep. Jo Roe and state House Speaker Al Day want the post.") == []


def test_states_before_what_it_says_is_still_a_cue():
    q = claim_by("Jo Roe said the rule is clear. It states that no fee may be charged.", "states")
    assert q.text == "that no fee may be charged"


def test_boomed_introduces_a_quotation():
    text = "Ada Lowe thanked the crowd and then boomed, “This city never gives up.”"
    q = claim_by(text, "boomed")
    assert (q.text, q.speaker) == ("This city never gives up.", "Ada Lowe")


def test_a_short_aside_in_brackets_stays_inside_the_claim():
    text = "Brakewell said it would cut 900 jobs after its $4bn (£2.1bn) takeover of Hollin."
    assert claim_by(text, "said").text.endswith("(£2.1bn) takeover of Hollin")
    text = "Mr Pryce said the Textile Federation (TF) would meet on Friday."
    assert claim_by(text, "said").text == "the Textile Federation (TF) would meet on Friday"


def test_an_aside_in_brackets_at_the_end_still_ends_the_claim():
    text = "Mr Pryce said taxes would rise (which he opposes)."
    assert claim_by(text, "said").text == "taxes would rise"


def test_someone_else_doing_the_same_ends_the_claim() -> None:
    text = "Ms Hale said she was pleased with the result, as did her deputy, Tom Pryce."
    assert claim_by(text, "said").text == "she was pleased with the result"


def test_a_claim_that_opens_on_quoted_words_keeps_their_mark_and_is_mixed():
    text = (
        "The report was published on Monday.\n\n"
        '"Major delays" are expected next year, the committee warned.'
    )
    assert [(q.text, q.kind) for q in quotes(text)] == [
        ('"Major delays" are expected next year', MIXED)
    ]


def test_that_after_a_preposition_is_no_clause_opening():
    text = "The row went on.\n\nThe firm told the BBC at that time that it had not signed the deal."
    assert [q.text for q in quotes(text)] == ["that it had not signed the deal"]
    text = 'The row went on.\n\nJo Roe responded to that post by calling the mayor "a bully".'
    assert [(q.text, q.kind) for q in quotes(text)] == [('the mayor "a bully"', MIXED)]


def test_a_partial_quote_after_a_time_or_place_and_about_starts_after_about():
    text = (
        "The dinner went on.\n\n"
        "Senator Jo Roe joked at a bankers' dinner in June about the traders being "
        "“the cleverest people.”"
    )
    assert [(q.text, q.kind) for q in quotes(text)] == [
        ("the traders being “the cleverest people.”", MIXED)
    ]


def test_an_aside_saying_who_put_it_so_ends_the_claim():
    text = (
        "The campaign went on.\n\n"
        "Mayor Jo Roe often pledges to “make the town work for everyone, not just the rich,” "
        "as she put it on Monday in Leeds, where she also spoke about buses."
    )
    assert [q.text for q in quotes(text)][:1] == [
        "to “make the town work for everyone, not just the rich,”"
    ]
    text = (
        "The row went on.\n\n"
        "A spokesman said safety had not been compromised, as the papers were found."
    )
    assert [q.text for q in quotes(text)] == [
        "safety had not been compromised, as the papers were found"
    ]


def test_a_quotation_and_its_cue_reported_according_to_a_source_are_one_claim():
    text = (
        "The feud went on.\n\n"
        "“She will have my name, and I will spend a lot on television,” Roe said, "
        "according to Okafor."
    )
    assert [(q.text, q.kind, q.speaker) for q in quotes(text)] == [
        (
            "“She will have my name, and I will spend a lot on television,” Roe said",
            MIXED,
            "Okafor",
        )
    ]
    text = (
        "The speech was due at noon.\n\nAccording to an advance text released by aides, "
        'Mayor Jo Roe told delegates: "We must all stand together."'
    )
    assert ("We must all stand together.", DIRECT, "Jo Roe") in [
        (q.text, q.kind, q.speaker) for q in quotes(text)
    ]


def test_a_question_before_its_cue_and_a_trailing_according_to_is_one_claim():
    text = (
        "The feud went on.\n\n"
        "“Is this a priority for them because it is an election year?” Roe said at a rally, "
        "according to the Gazette."
    )
    assert [(q.kind, q.speaker) for q in quotes(text)] == [(MIXED, "Gazette")]
    assert quotes(text)[0].text.startswith("“Is this a priority")


def test_a_claim_named_after_amid_or_over_is_nobodys_in_the_sentence():
    # Neither the one speaking amid the claims nor the one who resigned made them.
    for text in (
        "The former minister was speaking amid claims that the party had a secret fund.",
        "Mr Dale resigned following claims that he had misled the board.",
    ):
        found = quotes(text)
        assert [(q.cue, q.speaker) for q in found] == [("claims", None)], text
    # A cue word that is a verb after its subject keeps that subject.
    assert [q.speaker for q in quotes("The minister claims that the fund was legal.")] == [
        "minister"
    ]
