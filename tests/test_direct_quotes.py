"""Direct quotations end to end: which quoted words are quotations, and whose."""

from __future__ import annotations

from quotecli.extract import extract


def direct(text: str) -> list[tuple[str | None, str]]:
    """(speaker, words) of each direct quotation, a split one a part at a time."""
    out = []
    for q in extract(text).quotes:
        if q.kind != "direct":
            continue
        for start, end in q.parts or [(q.start, q.end)]:
            out.append((q.speaker, text[start:end]))
    return out


def test_a_quotation_goes_on_after_a_verb_first_attribution():
    text = (
        '"It was a hard game," said the Ohio senator Ruth Kemp, '
        '"because we lost our best player in the first half."'
    )
    assert direct(text) == [
        ("Ruth Kemp", "It was a hard game,"),
        ("Ruth Kemp", "because we lost our best player in the first half."),
    ]


def test_a_quotation_goes_on_after_a_name_with_an_abbreviation():
    text = '"We lost," Gov. Alan Pike said, "but we will be back next spring."'
    assert direct(text) == [
        ("Alan Pike", "We lost,"),
        ("Alan Pike", "but we will be back next spring."),
    ]


def test_a_clause_about_the_speaker_holds_no_second_part():
    text = (
        '"I was surprised to finish second," said Tara Bell, who wore the club\'s motto, '
        '"Never Give In", on her vest.'
    )
    assert direct(text) == [("Tara Bell", "I was surprised to finish second,")]


def test_titles_and_names_in_marks_are_nobodys_words():
    text = (
        'Dan Orr, author of the book "Mills and Men: How a Town Lost Its Trade," spoke first. '
        'His rival likes a show called "Harbour Lights" and the film "Cold Water." '
        'The paper ran it under the headline: "Mayor Quits in Shame." '
        '"It was a good night," Orr said.'
    )
    assert direct(text) == [("Dan Orr", "It was a good night,")]


def test_quoted_words_opening_a_sentence_as_its_subject_are_no_quotation():
    text = (
        '"Silent wards" are now common in the region\'s hospitals. '
        '"We need more nurses," said Ella Mund, a nurse.'
    )
    assert direct(text) == [("Ella Mund", "We need more nurses,")]


def test_what_is_told_to_a_programme_is_a_quotation():
    text = 'Jo Pike told the Morning Show: "We will not give in."'
    assert direct(text) == [("Jo Pike", "We will not give in.")]


def test_what_a_speaker_called_something_stays_his():
    text = 'Tom Hale spoke of what he called "a betrayal of the voters" and left.'
    assert [q.speaker for q in extract(text).quotes] == ["Tom Hale"]


def test_a_quotation_right_after_another_with_no_space_opens():
    text = 'Jane Roe said: "We played well.""The second half was better," she added.'
    assert direct(text) == [
        ("Jane Roe", "We played well."),
        ("Jane Roe", "The second half was better,"),
    ]


def test_a_closing_mark_with_no_space_after_it_closes():
    text = '"We won,"said Jane Roe. "It was close."'
    assert direct(text) == [("Jane Roe", "We won,"), ("Jane Roe", "It was close.")]


def test_a_quotation_inside_a_quotation_in_the_same_marks():
    text = '"He looked at me and said "go home now" and then he left," Jane Roe said.'
    assert direct(text) == [
        ("Jane Roe", 'He looked at me and said "go home now" and then he left,')
    ]


def test_a_straight_quotation_inside_a_curly_one():
    text = (
        "“I read a column by Ann Hale last week. It was called "
        '"The Quiet Harbour," but it was about the town,” Jo Roe said.'
    )
    assert direct(text) == [
        (
            "Jo Roe",
            "I read a column by Ann Hale last week. It was called "
            '"The Quiet Harbour," but it was about the town,',
        )
    ]
    # A straight mark glued to the words before it still closes a curly quotation.
    text = '“We will win the cup this year," Jo Roe said.'
    assert direct(text) == [("Jo Roe", "We will win the cup this year,")]


def test_a_quotation_left_open_does_not_swallow_the_next():
    text = (
        'Tom Hale said the bill "had the feel of a draft, and urged them to promise that '
        '"the rules will be kept" before the vote.'
    )
    quotes = extract(text).quotes
    assert any(
        q.text.startswith("the rules will be kept") or '"the rules' in q.text for q in quotes
    )


def test_british_single_marks_with_the_stop_outside():
    text = "Jane Roe said: 'We will win the title this year'. She left."
    assert direct(text) == [("Jane Roe", "We will win the title this year")]


def test_a_scare_quote_in_single_marks_is_nobodys_quotation():
    text = (
        "The 'big four' clubs met on Monday. "
        "Players' unions and rock 'n' roll fans of the '90s came."
    )
    assert extract(text).quotes == ()


def test_a_scare_quote_in_single_marks_makes_a_reported_clause_mixed():
    text = "Minister Paul Grant said the plan was 'unworkable'."
    assert [(q.speaker, q.kind) for q in extract(text).quotes] == [("Paul Grant", "mixed")]


def test_quoted_words_used_as_a_noun_at_a_sentence_start():
    text = (
        "'Lite' versions of the games could help, she wrote in a paper. "
        'The "Late Show" host laughed.'
    )
    assert direct(text) == []


def test_a_whole_sentence_in_marks_right_after_a_verb_of_saying():
    text = "Tom Hale joked “You are the smartest people in the room.”"
    assert direct(text) == [("Tom Hale", "You are the smartest people in the room.")]


def test_what_a_sign_reads_or_a_label_is_not_a_quotation_after_a_verb():
    text = "The fans wore shirts that read “Settle for less.” It was labeled “Mostly True.”"
    assert direct(text) == []


def test_a_described_name_after_the_quotation():
    text = (
        '"We have opened the accounts," the central bank\'s vice president Omar Rahid said. '
        '"I am so happy," a tearful Ann Cole told reporters.'
    )
    assert direct(text) == [
        ("Omar Rahid", "We have opened the accounts,"),
        ("Ann Cole", "I am so happy,"),
    ]


def test_a_quotation_after_a_sentence_about_its_speaker():
    text = 'Ruth Amos spent a year away from the track. "I wanted to stop for good."'
    assert direct(text) == [("Ruth Amos", "I wanted to stop for good.")]


def test_a_sentence_that_opens_on_a_word_names_no_speaker():
    text = 'Hours later the deal fell apart. "We could not agree on the terms."'
    assert direct(text) == [(None, "We could not agree on the terms.")]


def test_a_headline_with_its_byline_is_no_quotation():
    text = (
        'CLOSING—"Corner bakery to shut after 40 years," by the Ledger\'s Ann Hale. '
        '"If the rent had not doubled" by the spring, we would stay, Tom Rees said.'
    )
    quoted = [q.text for q in extract(text).quotes]
    assert not any("Corner bakery" in words for words in quoted)
    assert any("If the rent had not doubled" in words for words in quoted)


def test_a_title_in_title_case_before_its_noun():
    text = 'The network has a new problem: "Sunday Night Darts" ratings have fallen by half.'
    assert direct(text) == []


def test_a_label_before_a_link_is_no_quotation():
    text = '"We will go higher," Jo Roe said.\n\n"See also:"\n\nRoe wins the vote in Leeds'
    assert direct(text) == [("Jo Roe", "We will go higher,")]


def test_a_quotation_goes_on_after_a_verb_and_a_time_phrase():
    text = (
        '"If the rent had not doubled" by the spring, Tom Rees said on Monday, '
        '"we would stay in the old shop for years."'
    )
    assert ("Tom Rees", "we would stay in the old shop for years.") in direct(text)


def test_a_clause_after_the_verb_keeps_the_words_a_partial_quote():
    text = 'The union said in a statement they would "set out any concerns in private".'
    assert [q.kind for q in extract(text).quotes] == ["mixed"]


def test_a_long_phrase_borrowed_into_the_writers_sentence_is_no_quotation():
    text = (
        "The scheme would be paid for by "
        '"trimming reliefs that mostly help the best-off households in the country." '
        "Critics doubt the sums add up."
    )
    assert direct(text) == []


def test_speech_after_a_comma_or_colon_stays_a_quotation_without_a_speaker():
    text = (
        "The crowd grew restless by the hour, asking, "
        '"When will the buses get here to take us home?" '
        'A sign read: "Nobody leaves until the last train has gone."'
    )
    assert [words for _, words in direct(text)] == [
        "When will the buses get here to take us home?",
        "Nobody leaves until the last train has gone.",
    ]


def kinds(text: str) -> list[tuple[str | None, str, str]]:
    return [(q.speaker, q.kind, q.text) for q in extract(text).quotes]


def test_quoted_words_that_are_the_whole_object_stand_alone():
    text = (
        "The hall was packed.\n\n"
        'Councillor Maya Patel shouted "Shame on you!" at the chairman during the vote.'
    )
    assert kinds(text) == [("Maya Patel", "direct", "Shame on you!")]


def test_a_count_after_the_quoted_word_is_not_part_of_the_claim():
    text = 'The debate was long.\n\nIn one answer, Senator Ruth Okoro said "jobs" five times.'
    assert kinds(text) == [("Ruth Okoro", "direct", "jobs")]


def test_a_purpose_after_the_quoted_words_keeps_the_claim_whole():
    text = (
        'The strike went on.\n\nUnion leader Tom Varga called for "fresh talks" to end the dispute.'
    )
    found = kinds(text)
    assert len(found) == 1 and found[0][1] == "mixed"
    assert found[0][2].endswith("to end the dispute")


def test_a_quoted_subject_whose_clause_goes_on_is_mixed():
    text = 'The bill passed.\n\nGovernor Ella Marsh said "the state" would pay for the repairs.'
    found = kinds(text)
    assert len(found) == 1 and found[0][1] == "mixed"


def test_words_after_so_called_are_nobodys_quotation():
    text = (
        "Exports fell again in May.\n\n"
        "Farm owners are the biggest lenders in the valley and the so called "
        '"river pact" with the city has held since the floods.'
    )
    assert extract(text).quotes == ()


def test_quoted_words_in_claims_nobody_is_said_to_make_have_no_speaker():
    # A claim named by a noun after "amid" or "over" is nobody's in the sentence:
    # neither the one who resigned nor the body under inquiry made it.
    for text in (
        'The mayor resigned amid claims he had "misled" the council.',
        'Acme faces an inquiry over claims its staff broke rules on "cold calling" homes.',
    ):
        assert [q.speaker for q in extract(text).quotes if q.speaker] == [], text
    text = 'Ms Pike made claims that Acme had "misled" buyers.'
    assert [q.speaker for q in extract(text).quotes] == ["Pike"]


def test_a_cue_word_used_as_a_noun_gives_the_quoted_words_no_claim():
    text = (
        "The vote is close.\n\nAnd Mayor Ruth Okoro's comments come days before the vote in "
        "Dover, the town that has been the centre of a “park and ride” row."
    )
    assert extract(text).quotes == ()


def test_a_quoted_title_in_an_opening_phrase_of_time_is_no_claim():
    text = (
        "The campaign went on.\n\nDuring his weekly attack on the “lying press” in Leeds on "
        "Friday, Tom Varga called out two reporters by name."
    )
    assert extract(text).quotes == ()


def test_quoted_words_dated_in_brackets_are_a_title_or_slogan():
    text = (
        "The party ran hard campaigns.\n\n"
        "“Lose safety? Lose work? No to the treaty” (2005) — “Free pass for all? No.” "
        "(town poster, 2007). (Party archive.)"
    )
    assert extract(text).quotes == ()


def test_what_quoted_words_were_cited_as_stays_in_the_claim():
    text = (
        "The quiz went on.\n\n"
        "Former Governor Mike Rowe rounded out the list, citing “Top Gear” as his guilty pleasure."
    )
    assert kinds(text) == [("Mike Rowe", "mixed", "“Top Gear” as his guilty pleasure")]
    text = "The quiz went on.\n\nSenator Ruth Okoro said “jobs” as the crowd cheered."
    assert kinds(text) == [("Ruth Okoro", "direct", "jobs")]


def test_lower_case_quoted_words_the_sentence_carries_on_after_are_part_of_a_claim():
    text = (
        "The case went on.\n\nThe records, the lawyers said, "
        "“all point to the same answer” that the mayor lives in the town."
    )
    assert direct(text) == []
    assert [q.kind for q in extract(text).quotes] == ["mixed"]


def test_a_pulled_quotation_signed_inside_its_marks_on_the_next_line():
    text = (
        "The economists were split.\n\n"
        '"I fear a return of budget talk as the party tries to stand apart.\n'
        'Ruth Okafor, Institute for Fiscal Studies."\n\n'
        "But the critique goes on."
    )
    assert direct(text) == [
        ("Ruth Okafor", "I fear a return of budget talk as the party tries to stand apart.")
    ]


def test_an_excerpt_under_a_headline_and_byline_is_no_quotation():
    text = (
        "ARTS NEWS.\n\n"
        'CLOSING—"The Blue Room to shut in May," by the Gazette\'s Jo Roe: "The Blue Room, a '
        'small club that gave many bands their start, will shut in May, its owners said." '
        "http://example.com/1\n\nNext item."
    )
    assert direct(text) == []


def test_a_role_joined_by_and_before_the_name_after_a_quotation():
    text = (
        "Sales rose by a tenth. "
        '"It was our best year since the mill opened," chairman and chief executive Ada Hale said. '
        '"Nobody saw the winter coming," Harbour Foods sales and marketing director Tom Keel said.'
    )
    assert direct(text) == [
        ("Ada Hale", "It was our best year since the mill opened,"),
        ("Tom Keel", "Nobody saw the winter coming,"),
    ]


def test_a_body_and_two_roles_joined_by_and_before_the_name_after_the_verb():
    text = (
        "Sales rose by a tenth. "
        '"It was our best year since the mill opened," said Harbour Foods president and'
        " chief executive Ada Hale. "
        '"Nobody saw the winter coming," said Tom Keel of grain trader Sorrel Mills.'
    )
    assert direct(text) == [
        ("Ada Hale", "It was our best year since the mill opened,"),
        ("Tom Keel", "Nobody saw the winter coming,"),
    ]


def test_quoted_words_between_the_speaker_and_the_verb_keep_the_speaker():
    text = (
        "The survey was published on Monday. "
        'Jo Marsh, one of the so-called "Class of 97" first elected that year, told researchers: '
        '"Some members laughed whenever a woman stood up to speak."'
    )
    assert direct(text) == [
        ("Jo Marsh", "Some members laughed whenever a woman stood up to speak.")
    ]


def test_he_or_she_after_a_quotation_is_the_role_that_spoke_just_before():
    text = (
        "The harbour reopened on Friday. The port spokeswoman said 900 boats had come in by noon. "
        '"We expect the rest of the week to be just as busy," she added. "Nobody saw it coming."'
    )
    assert direct(text) == [
        ("port spokeswoman", "We expect the rest of the week to be just as busy,"),
        ("port spokeswoman", "Nobody saw it coming."),
    ]


def test_a_pronoun_of_the_other_sex_is_not_the_role_before():
    text = (
        "The port spokeswoman said 900 boats had come in by noon. "
        '"We expect the rest of the week to be just as busy," he said.'
    )
    assert direct(text) == [(None, "We expect the rest of the week to be just as busy,")]


def test_a_name_then_a_role_with_no_comma_after_a_quotation():
    text = (
        "The well came in on Monday. "
        '"It needs more drilling but it looks very strong," Dr Ann Pike head of exploration said.'
    )
    assert direct(text) == [("Ann Pike", "It needs more drilling but it looks very strong,")]


def test_a_comma_astray_between_the_name_and_the_verb_after_a_quotation():
    text = (
        "Prices rose again in March. "
        '"People with savings will feel it first," shop owner Nadia Orlov, told a news agency.'
    )
    assert direct(text) == [("Nadia Orlov", "People with savings will feel it first,")]


def test_lower_case_role_words_before_the_name_that_opens_a_colon_sentence():
    text = (
        '"Happy holidays!" he wrote.\n\n'
        "Former Liberal presidential candidate Ann Vance broke down what was wrong with the "
        'photo to a Dutch daily: "It was careless and it was unkind."'
    )
    assert direct(text)[-1] == ("Ann Vance", "It was careless and it was unkind.")


def test_a_verb_after_to_has_no_subject_to_speak_the_quotation():
    text = (
        'The site went dark on Monday. It relied on links called "hubs" that steer readers '
        "to others keen to share the files."
    )
    assert [q.speaker for q in extract(text).quotes if q.speaker] == []
    text = (
        '"The crews are worn out," a police source, who was not allowed to speak publicly, '
        "told the Gazette."
    )
    (quote,) = extract(text).quotes
    assert quote.speaker == "police source"


def test_words_in_title_case_are_a_title_or_a_headline_not_speech():
    text = (
        'At the gala the singer closed with the ballad "Home Is Where The Harbour Lies," '
        'she added the words, "Thank you, Leeds."'
    )
    assert [words for _, words in direct(text)] == ["Thank you, Leeds."]
    text = (
        'Jo Roe Said Rents "Are Out Of Reach For The Young." '
        '"I hear it at every meeting, and it has to change," she told the council.'
    )
    assert [words for _, words in direct(text)] == [
        "I hear it at every meeting, and it has to change,"
    ]
    # Capitals that only open the sentence, or a name, are no title.
    text = 'Jo Roe said: "Work In Progress is my favourite film, and I watch it often."'
    assert [words for _, words in direct(text)] == [
        "Work In Progress is my favourite film, and I watch it often."
    ]
