"""Where a reported clause begins after a gap, and claims left before a quotation."""

from __future__ import annotations

from extracted import claim_by, quotes


def test_a_report_in_the_gap_is_where_it_was_said():
    text = (
        "The water board said in a report released Thursday that leaks had "
        "fallen by a third since spring."
    )
    q = claim_by(text, "said")
    assert q.text == "that leaks had fallen by a third since spring"


def test_an_annual_report_in_the_gap_makes_no_second_claim():
    text = "Harlow Brewing said in its annual report that exports had doubled."
    found = quotes(text)
    assert [q.text for q in found] == ["that exports had doubled"]
    assert found[0].cue == "said"


def test_during_opens_a_phrase_of_time_not_the_claim():
    text = "Ms Adeyemi said during a visit to Cardiff that the hospital would stay open."
    assert claim_by(text, "said").text == "that the hospital would stay open"


def test_a_pronoun_after_a_long_during_phrase_opens_the_claim():
    text = (
        "Mr Lowther said during his nearly 30 years on the council he had seen "
        "budgets rise and fall."
    )
    assert claim_by(text, "said").text == "he had seen budgets rise and fall"


def test_said_of_someone_that_opens_the_claim_at_that():
    text = "Coach Rami Haddad said of his goalkeeper that he had never played better."
    q = claim_by(text, "said")
    assert q.text == "that he had never played better"
    assert q.speaker == "Rami Haddad"


def test_a_negated_verb_after_an_aside_resumes_the_claim():
    text = "Mr Petrov spoke on Monday. Shortcuts, he said in the video, don't pay off."
    q = claim_by(text, "said")
    assert [q.text[s - q.start : e - q.start] for s, e in q.parts] == ["Shortcuts", "don't pay off"]


def test_the_words_before_he_said_and_a_quotation_are_a_claim():
    text = (
        "Mr Petrov spoke on Monday. A slower economy, he said, “could be the moment "
        "to pay down debt.”"
    )
    found = {q.kind: q for q in quotes(text)}
    assert found["indirect"].text == "A slower economy"
    assert found["indirect"].speaker == "Petrov"
    assert found["direct"].text == "could be the moment to pay down debt."


def test_a_phrase_before_he_said_and_a_quotation_is_no_claim():
    text = "Mr Petrov spoke on Monday. In an interview, he said, “We will win this.”"
    assert [q.kind for q in quotes(text)] == ["direct"]


def test_asked_before_he_said_and_a_quotation_is_no_claim():
    text = "Mr Petrov spoke on Monday. Asked why it failed, he said, “We ran out of money.”"
    assert [q.kind for q in quotes(text)] == ["direct"]


def test_a_phrase_before_a_verb_with_its_own_object_is_no_claim():
    text = (
        "Amid protests, the council approved the budget. Despite the rain, "
        "Mr Petrov announced a new stadium."
    )
    assert all(not q.text.startswith(("Despite", "Amid")) for q in quotes(text))


def test_a_claim_before_reported_as_saying_keeps_its_speaker():
    text = "Fares will rise in March, transport chief Lena Morris was reported as saying."
    q = claim_by(text, "reported")
    assert q.text == "Fares will rise in March"
    assert q.speaker == "Lena Morris"


def test_a_claim_before_told_and_whom_it_was_told():
    text = "The pier will reopen in June, councillor Dan Reyes told the Gazette."
    assert claim_by(text, "told").text == "The pier will reopen in June"


def test_a_present_verb_after_which_he_argued_opens_the_claim():
    text = "Ms Lund criticised the levy, which she argued seeks to punish small farms."
    assert claim_by(text, "argued").text == "seeks to punish small farms"


def test_a_claim_before_he_said_stands_when_the_next_verb_is_his_own():
    text = "Ticket sales had doubled, Mr Okoro said, and warned that prices would rise."
    q = claim_by(text, "said")
    assert q.text == "Ticket sales had doubled"
    assert q.speaker == "Okoro"


def test_a_semicolon_inside_a_parenthesis_does_not_end_the_claim():
    text = (
        "Harlow Motors said it would need a further 40bn yen ($380m; £200m) in "
        "fresh backing by March."
    )
    q = claim_by(text, "said")
    assert q.text == "it would need a further 40bn yen ($380m; £200m) in fresh backing by March"


def test_a_description_after_he_said_is_not_the_claim_resumed():
    text = (
        "Flood victims should get priority for housing, Ms Amari said, a change "
        "that would move them ahead of 300 families."
    )
    found = [q for q in quotes(text) if q.cue == "said"]
    assert [q.text for q in found] == ["Flood victims should get priority for housing"]


def test_a_subject_and_its_verb_after_he_said_resume_the_claim():
    text = (
        "If counted from the age of 65, the institute said, a miner will live "
        "to 80 years. Ms Amari runs the institute."
    )
    q = claim_by(text, "said")
    assert [text[s:e] for s, e in q.parts][1] == "a miner will live to 80 years"


def test_the_claim_resumes_after_whom_it_was_told():
    text = "The levy, Mr Okoro told the Gazette, would be scrapped within a year."
    q = claim_by(text, "told")
    assert [text[s:e] for s, e in q.parts] == ["The levy", "would be scrapped within a year"]
    assert q.speaker == "Okoro"


def test_a_story_told_is_no_one_told():
    text = (
        "Set in a seaside town, Tide tells the story of a young fisherman, who "
        "loses his boat in a storm."
    )
    assert quotes(text) == []


def test_although_after_said_on_monday_is_the_writers_clause():
    text = "Growth will slow, Mr Mendis said on Monday, although he would not say by how much."
    assert [q.text for q in quotes(text)] == ["Growth will slow"]


def test_a_description_with_a_relative_clause_after_the_claim_is_the_writers():
    text = (
        "Ms Amari said the club was selling its ground, a move that would clear "
        "its debts by the summer."
    )
    assert claim_by(text, "said").text == "the club was selling its ground"


def test_a_description_after_a_promise_is_the_writers():
    text = "Mr Okoro vowed to repeal the levy, a tax that falls on every household."
    assert claim_by(text, "vowed").text == "to repeal the levy"


def test_when_and_where_a_promise_was_made_stays_out_of_it():
    text = "Councillor Dana Whitlow vowed on Friday at a packed meeting to keep the library open."
    assert claim_by(text, "vowed").text == "to keep the library open"


def test_a_promise_with_a_quoted_phrase_starts_at_to():
    text = 'The union leader Sam Okafor threatened last night to call a strike "within days".'
    q = claim_by(text, "threatened")
    assert q.text == 'to call a strike "within days"'
    assert q.kind == "mixed"


def test_the_to_that_names_the_listener_is_not_the_promise():
    text = "Mayor Ines Carvalho promised in a letter to residents to repair every road by May."
    assert claim_by(text, "promised").text == "to repair every road by May"
