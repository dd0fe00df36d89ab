"""Shapes of British news reports: who is said to have said what."""

from __future__ import annotations

from quotecli.extract import extract


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract(text).quotes]


def test_a_denied_subject_says_nothing() -> None:
    # "No one said…" reports that nobody said it: no claim, and not the speaker "one".
    for text in (
        "The council met on Tuesday. No one said the bridge would close before spring.",
        "The council met on Tuesday. No official said the bridge would close in spring.",
        "The council met. None of the ministers said the bridge would close in spring.",
        "The council met. Not one minister said the bridge would close before spring.",
        "The council met on Tuesday. Neither man said the bridge would close in spring.",
    ):
        assert speakers(text) == [], text


def test_no_before_a_number_is_a_name_not_a_denial() -> None:
    assert speakers("No 10 said the talks had gone well.") == ["No 10"]


def test_a_reported_clause_may_open_with_a_number_in_thousands() -> None:
    text = "The storm hit on Sunday. The governor said 12,000 people had left their homes."
    quotes = extract(text).quotes
    assert [(q.speaker, q.text) for q in quotes] == [
        ("governor", "12,000 people had left their homes")
    ]


def test_a_count_of_things_before_a_participle_is_no_speaker() -> None:
    text = "The flood was the worst in the region, with 3,000 of the 45,000 reported cases."
    assert speakers(text) == []


def test_a_panel_is_not_the_body_named_last() -> None:
    text = (
        "Home broadband will double this year, says a panel of industry experts. "
        "The experts met at a trade fair to discuss Zoomnet technology. "
        "Prices will fall sharply, according to the panel."
    )
    assert speakers(text)[-1] == "panel"


def test_a_described_committee_keeps_its_description() -> None:
    text = "Acme was criticised. The work and pensions committee said the scheme had failed."
    assert speakers(text) == ["work and pensions committee"]


def test_a_share_of_people_opens_with_its_number() -> None:
    text = "The regulator approved three of a total of 12 proposed routes, its chairman said."
    assert "of 12" not in speakers(text)


def test_a_place_phrase_with_a_possessive_stands_between_verb_and_that() -> None:
    text = "Taxes were debated. Mr Brown said at Friday's press conference that taxes would stay."
    assert [q.text for q in extract(text).quotes] == ["that taxes would stay"]


def test_a_place_inside_a_role_before_a_name() -> None:
    for text, role in (
        ('"The count was close," said former Ohio governor Jo Banner.', "former Ohio governor"),
        ('"The count was close," said former Ohio Governor Jo Banner.', "former Ohio Governor"),
        ('"The count was close," said former New York mayor Jo Banner.', "former New York mayor"),
        ('"The count was close," said polling expert Dr Jo Banner.', "polling expert"),
    ):
        (quote,) = extract(text).quotes
        assert (quote.speaker, quote.role) == ("Jo Banner", role), text


def test_a_body_described_with_a_name_inside_gets_a_speaker() -> None:
    text = "Fighting went on. The U.N. food agency said 3,000 families had crossed the border."
    assert speakers(text) == ["U.N."]
    text = "Fighting went on. The US farm agency said that families had crossed the border."
    assert speakers(text) == ["US farm agency"]
    # A document is no speaker, and nor is a body's statement.
    text = "Prices rose. The firm said in a written statement that sales would fall."
    assert speakers(text) == [None]


def test_a_world_number_one_is_the_player_written_about() -> None:
    text = (
        "Maria Lopez won her third title. The world number one said that she would "
        "play on next season."
    )
    assert speakers(text) == ["Maria Lopez"]


def test_a_body_name_joined_by_and_may_open_with_a_place() -> None:
    text = '"It is fair," said United States Citizenship and Immigration Services.'
    assert speakers(text) == ["United States Citizenship and Immigration Services"]


def test_a_name_no_list_knows_before_a_title() -> None:
    (quote,) = extract('"He must rest," said Davis Cup captain Jo Banner.').quotes
    assert (quote.speaker, quote.role) == ("Jo Banner", "Davis Cup captain")
    (quote,) = extract('"He must rest," said Hopman Cup doctor Jo Banner.').quotes
    assert (quote.speaker, quote.role) == ("Jo Banner", "Hopman Cup doctor")


def test_where_someone_works_is_a_body() -> None:
    text = (
        "Jo Roe, a security manager at Zentro, said the attack was small. "
        "Zentro said it did not believe the program was widespread."
    )
    assert [q.speaker_type for q in extract(text).quotes] == ["person", "organisation"]


def test_a_name_with_a_plural_verb_is_a_body() -> None:
    text = "Kelham say they will not be rushed into a bid. Kelham said the offer was too low."
    assert [q.speaker_type for q in extract(text).quotes] == ["organisation", "organisation"]
    # A pair takes a plural verb whatever each is.
    text = "Jo Banner and Al Day have agreed. Banner said the deal was fair."
    assert [q.speaker_type for q in extract(text).quotes][-1] == "person"


def test_a_player_described_by_club_and_position() -> None:
    text = "Tom Varley scored twice. The Harlow wing said he had grounded the ball."
    (quote,) = extract(text).quotes
    assert (quote.speaker, quote.role) == ("Tom Varley", "wing")


def test_claiming_a_title_is_winning_it() -> None:
    for text in (
        "Harlow claimed top spot in the group with three wins.",
        "Jo Banner claimed her first national title over the distance.",
        "Kelham claimed victory in the relay.",
    ):
        assert speakers(text) == [], text
    assert speakers("Jo Banner claimed the vote had been rigged.") == ["Jo Banner"]


def test_the_company_is_the_firm_whose_shares_were_named():
    text = (
        "Shares in Bellwether Pastries fell after the firm revealed it would restate its"
        " accounts.\n\nThe company warned the move would cut its profits by a tenth."
    )
    assert [(q.speaker, q.speaker_type) for q in extract(text).quotes] == [
        ("Bellwether Pastries", "organisation"),
        ("Bellwether Pastries", "organisation"),
    ]


def test_the_firm_an_analyst_works_at_is_not_the_company_spoken_of_next():
    text = (
        'German bank Rhine Holdings doubled its profit. "They have done well," said Jo Roe,'
        " an analyst at Calder Webb Securities. The company also said it would pay a dividend."
    )
    last = extract(text).quotes[-1]
    assert last.text == "it would pay a dividend"
    assert last.speaker != "Calder Webb Securities"


def test_a_spokesman_named_by_the_body_before_him_keeps_the_body():
    for text, claim in (
        (
            "Sales fell sharply in May, a Kestrel spokesman said on Monday.",
            "Sales fell sharply in May",
        ),
        ("On Monday a Kestrel spokesman said the plant would close.", "the plant would close"),
        ("The plant will close, an Ardent Foods official told reporters.", "The plant will close"),
    ):
        (quote,) = extract(text).quotes
        assert quote.text == claim
        assert quote.speaker in ("Kestrel spokesman", "Ardent Foods official")
        assert quote.speaker_type == "anonymous"


def test_a_first_name_alone_is_the_one_person_named_in_full_with_it() -> None:
    text = (
        "Marla Quint has rejected talk that her career is over. "
        'But Marla said her knee had healed. "I feel ready," Marla added.'
    )
    assert speakers(text) == ["Marla Quint", "Marla Quint"]
    # A titled name is a surname or someone else: not the first name of the one named.
    text = "Howard Tilby quit the board. Mr Howard said the party's rules had been kept."
    assert speakers(text) == ["Howard"]
    # Two people share it: which one is meant is not known.
    text = "Marla Quint and Marla Dent met on Monday. Marla said the talks had gone well."
    assert speakers(text) == ["Marla"]


def test_claiming_a_title_past_its_modifiers_is_winning_it() -> None:
    for text in (
        "Kelham claimed only their second ever win over Harlow.",
        "The 2001 champion claimed her fourth Grand Slam title, and her first since 2003.",
        "Jo Banner claimed the coaching award while her side took the team award.",
        "Tom Varley claims the vital first break and serves out the set.",
    ):
        assert speakers(text) == [], text
    # A clause whose subject holds the word, or words before any object, are a claim.
    assert speakers("Jo Banner claimed the championship race would be close.") == ["Jo Banner"]
    text = "Jo Banner, who claimed at one point that the vote had been rigged, lost."
    assert speakers(text) == ["Jo Banner"]


def test_a_quotation_left_open_speaks_with_the_one_right_after_it() -> None:
    text = (
        "The club's new season starts on Friday. "
        '"I was slow at first and my knee was sore. "Now it is fine," Tom Varley said.'
    )
    assert [(q.speaker, q.rule) for q in extract(text).quotes] == [
        ("Tom Varley", "same_speaker_as_next_quote"),
        ("Tom Varley", "quote_then_speaker_cue"),
    ]
    # Closed, it stays unattributed: the next speaker need not be its speaker.
    text = 'The crowd was loud. "We want more." "Now it is fine," Varley said.'
    assert speakers(text)[0] is None


def test_a_nationality_after_a_speaker_named_by_surname_alone() -> None:
    text = (
        "Varga beat Kessler in four sets. Varga said he had kept his temper. "
        "The Hungarian added that he was not worried by his ankle."
    )
    assert speakers(text) == ["Varga", "Varga"]


def test_an_adverb_opening_a_quoted_sentence_is_no_part_of_a_name() -> None:
    text = (
        'Jo Banner spoke on Monday. "Unfortunately Kelham cannot rely on their captain." '
        "Kelham will announce their squad on Saturday."
    )
    assert speakers(text)[-1] == "Kelham"


def test_a_nationality_before_a_surname_is_the_person_named_in_full() -> None:
    text = (
        "Joachim Varga beat Tom Kessler in the final. Varga had lost to German Kessler "
        "last year. Afterwards, Kessler said he rated Varga highly."
    )
    assert speakers(text) == ["Tom Kessler"]
    # A body named after a place is not the body of another place.
    text = (
        "Munich Re and Swiss Re have said exposure will be small. Swiss Re has said claims are low."
    )
    assert speakers(text)[-1] == "Swiss Re"


def test_a_forum_for_something_is_one_body() -> None:
    text = "Jo Roe is an adviser at the Forum for the Future, which said phones are wasted."
    assert "Forum for the Future" in speakers(text)


def test_the_report_said_after_a_quotation() -> None:
    text = (
        "The Harlow Trust published a report on Monday. "
        '"Rural roads are getting safer," the report said.'
    )
    assert speakers(text) == ["Harlow Trust"]


def test_the_place_based_company_is_the_one_named_before() -> None:
    text = "Games firm Harlo is to hold auditions. The Leeds-based company says it wants faces."
    assert speakers(text) == ["Harlo"]


def test_a_name_given_is_no_claim() -> None:
    for text in (
        "The piracy group called itself the Underground Network.",
        "The council ran a trial of what it calls the Harlow Road Scheme last year.",
    ):
        assert speakers(text) == [], text
    # A description of oneself or of a thing may be a claim.
    assert speakers("Jo Roe called himself a victim of the reforms.") == ["Jo Roe"]


def test_a_first_name_alone_is_no_alias_of_the_person() -> None:
    text = "Marla Quint has recovered. But Marla said her knee had healed."
    (speaker,) = extract(text).speakers
    assert (speaker.name, speaker.aliases) == ("Marla Quint", ())
    # A role adjective that opens a sentence is no nationality before a surname.
    text = "Ben Sanders spoke first. Top Sanders aides said the vote was close."
    assert "Top Sanders" not in [a for s in extract(text).speakers for a in s.aliases]


def test_a_committee_of_a_chamber_is_not_the_chamber() -> None:
    text = (
        "Rail fares rose again in March. A report by the Commons transport committee "
        "called for the fares to be frozen. It warned that fares would rise further."
    )
    assert speakers(text) == ["Commons transport committee"] * 2
    text = "The scheme failed, the Senate farm committee said."
    assert speakers(text) == ["Senate farm committee"]


def test_the_places_a_person_is_at_are_not_the_speaker() -> None:
    text = "Our reporter Jo Roe at Hale in the Peak District said the road had closed."
    assert speakers(text) == ["Jo Roe"]
    text = "The BBC's Jo Roe, with the Harlow Hunt in Hale, Lancashire said the road had closed."
    assert speakers(text) == ["Jo Roe"]
    text = "One of the walkers, Tom Day, 34, from Hale, Lancashire, said the road had closed."
    assert speakers(text) == ["Tom Day"]
    # A place that speaks for its government keeps doing so.
    assert speakers("France, which holds a veto, said it would back the plan.") == ["France"]


def test_an_executive_is_a_body() -> None:
    text = "But the Welsh Executive has insisted the minister was speaking about adults."
    assert speakers(text) == ["Welsh Executive"]
    text = "The Roads and Bridges Executive said the crossing would reopen in May."
    assert speakers(text) == ["Roads and Bridges Executive"]
    # A chief executive is still a person.
    text = "Acme Chief Executive Jo Roe said profits rose."
    assert speakers(text) == ["Jo Roe"]


def test_the_chancellor_is_the_person_the_report_opens_with() -> None:
    text = (
        "Tom Harlow has frozen fuel duty in his autumn statement. "
        "The shadow chancellor said it was a gimmick. "
        "The chancellor said the freeze would help drivers."
    )
    assert speakers(text) == ["shadow chancellor", "Tom Harlow"]
    text = "Fares will be frozen, Tom Harlow has said. The prime minister said fares were high."
    assert speakers(text) == ["Tom Harlow"] * 2
    # Not someone the article gives another office, nor someone the sentence names.
    text = (
        "Fares will rise, party leader Tom Harlow has said. "
        "The prime minister said fares were too high."
    )
    assert speakers(text)[-1] == "prime minister"
    text = (
        "Tom Harlow said fares would rise. Mr Harlow denied it, but the chancellor said they would."
    )
    assert speakers(text)[-1] == "chancellor"


def test_a_member_named_by_the_seat_is_the_person() -> None:
    text = 'Jo Roe spoke on Monday. "The plan will fail," said the Harlow West MP.'
    assert speakers(text) == ["Jo Roe"]
    text = "Tom Day, the Harlow West MP, said the plan would fail."
    assert speakers(text) == ["Tom Day"]


def test_a_qualified_title_is_whoever_was_given_it_before_a_name() -> None:
    text = (
        "Green leader Jo Roe has launched a campaign. Tom Day, a friend of the Green "
        "leader, said she was tireless. The Green leader said the campaign would win."
    )
    assert speakers(text) == ["Tom Day", "Jo Roe"]
    # A shadow's title is another office.
    text = (
        "Tom Day has spoken. Green shadow culture secretary Jo Roe said no. "
        "The Culture Secretary said the plan would go ahead."
    )
    assert speakers(text)[-1] != "Jo Roe"
