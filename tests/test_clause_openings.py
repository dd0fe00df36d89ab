"""Where a reported clause begins after the words between it and its verb."""

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
