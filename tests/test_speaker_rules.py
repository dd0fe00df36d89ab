"""The speaker is the head of its phrase: never a date, a title, or the listener."""

from __future__ import annotations

from quotecli.extract import extract
from quotecli.model import Quote


def only(text: str) -> Quote:
    found = extract(text).quotes
    assert len(found) == 1, found
    return found[0]


def test_a_day_before_a_first_name_is_a_date() -> None:
    quote = only("Tuesday Angela Rayner said the vote would go ahead as planned.")
    assert quote.speaker == "Angela Rayner"


def test_a_month_after_in_is_a_date() -> None:
    quote = only("In November Nokia said it would close its plant in Bochum.")
    assert quote.speaker == "Nokia"


def test_a_title_through_of_the_ends_at_the_first_name() -> None:
    quote = only(
        '"Borrowing will rise this year," said Shadow Chancellor of the Exchequer Philip Hammond.'
    )
    assert quote.speaker == "Philip Hammond"
    assert "Chancellor" in (quote.role or "")


def test_whom_the_words_were_told_to_is_not_the_speaker() -> None:
    quote = only(
        'Ms Reeves is said to have told the home secretary: "You will have to find '
        'the money yourself."'
    )
    assert quote.speaker == "Reeves"


def test_told_names_the_listener_after_a_named_speaker() -> None:
    quote = only('Patel told her campaign staff, "We can still win this seat."')
    assert quote.speaker == "Patel"


def test_said_the_year_old_is_the_person_just_written_about() -> None:
    text = 'Sarah Okafor won the final in straight sets. "I am delighted," said the 24-year-old.'
    assert only(text).speaker == "Sarah Okafor"


def test_said_the_year_old_before_a_name_is_that_name() -> None:
    text = (
        "Leeds boss Kevin Blackwell wants to sign Tomas Rosicky. "
        '"I would like to play in England," said the 24-year-old Rosicky.'
    )
    assert only(text).speaker == "Tomas Rosicky"


def test_an_employer_between_the_comma_and_the_role_noun() -> None:
    quote = only('"Flights will run as normal," Petra Vogel, a Condor spokeswoman told the BBC.')
    assert quote.speaker == "Petra Vogel"


def test_a_role_whose_comma_is_never_closed_is_not_the_speaker() -> None:
    quote = only(
        "Helen Marsh, director of research at the Joseph Rowntree Foundation said "
        "the figures were worrying."
    )
    assert quote.speaker == "Helen Marsh"


def test_a_party_that_opens_a_role_is_not_a_second_name() -> None:
    quote = only('Simon Hughes, Liberal Democrat justice spokesman, said: "It is a mess."')
    assert quote.speaker == "Simon Hughes"


def test_friends_of_a_person_speak_for_themselves() -> None:
    quote = only("Kennedy's old friends said he would never stand down.")
    assert quote.speaker is not None
    assert quote.speaker != "Kennedy"
    assert quote.speaker.startswith("old friends")


def test_a_place_before_the_comma_is_not_the_speaker() -> None:
    quote = only(
        'At a rally in Dover, New Hampshire, the Kasich supporter said: "He is the only adult."'
    )
    assert quote.speaker not in ("New Hampshire", "Dover")


def test_a_statement_is_spoken_by_the_body_that_issued_it() -> None:
    quote = only("Fulham’s statement said the striker had been suspended for two matches.")
    assert quote.speaker == "Fulham"


def test_the_title_of_a_show_is_not_a_speaker() -> None:
    text = (
        "Ms Hale has never spoken about her marriage before. "
        'On Channel 4\'s This Week she said: "We argue like anyone else."'
    )
    assert only(text).speaker == "Hale"


def test_a_union_named_before_its_description_is_the_speaker() -> None:
    quote = only("The Bectu broadcasting union said the cuts would close two studios.")
    assert quote.speaker == "Bectu"


def test_labour_alone_is_the_party() -> None:
    assert only("The Labour party said the plan had not been costed.").speaker == "Labour"
    text = "Labour launched its poster on Monday. The party said the poster would be withdrawn."
    assert only(text).speaker == "Labour"


def test_a_report_is_the_body_that_published_it_not_a_place() -> None:
    text = (
        "ActionAid published its findings in Kisumu on Friday. "
        "The report said aid had been slow to reach the villages."
    )
    assert only(text).speaker == "ActionAid"


def test_a_body_described_by_its_nationality_is_not_another_named_before() -> None:
    text = (
        "Ericsson shares fell in Stockholm. "
        "The Finnish company said it would cut 300 jobs at its Espoo plant."
    )
    assert only(text).speaker == "Finnish company"


def test_an_opening_adverbial_before_the_named_subject_and_its_role() -> None:
    quote = only(
        "In a statement, Dr Anne Poole, Acme senior vice president, Research and "
        'Development, said: "We are proud of the team."'
    )
    assert quote.speaker == "Anne Poole"


def test_it_said_after_a_company_named_a_sentence_before() -> None:
    text = (
        "Brakewell has cut 400 jobs at its plants. Brakewell shares fell by 8% in early "
        "trading. It said the cuts were needed to protect the rest of the business."
    )
    assert only(text).speaker == "Brakewell"


def test_it_said_is_not_a_word_that_merely_opened_a_sentence() -> None:
    text = "Initially the plan was popular. It said the plan would cost less than expected."
    assert only(text).speaker is None


def test_the_company_is_the_one_the_article_is_about() -> None:
    text = (
        "Brakewell has agreed to buy a stake in Hollin Motors. Brakewell will pay £40m, "
        "and Brakewell shares rose 2%. Hollin Motors makes brake pads in Derby. "
        "The company said the deal would add to earnings next year."
    )
    assert only(text).speaker == "Brakewell"


def test_an_ampersand_between_capitals_joins_one_name() -> None:
    assert only("Overall, P&O said that bookings were strong.").speaker == "P&O"


def test_a_letter_alone_is_never_a_speaker() -> None:
    quote = only('"Sales will recover," said the K spokesman.')
    assert quote.speaker != "K"


def test_an_adverb_opening_a_sentence_is_not_a_name() -> None:
    text = (
        "Mintel published its survey of shoppers on Monday. "
        "Surprisingly, the report said that most shoppers still paid in cash."
    )
    assert only(text).speaker == "Mintel"


def test_people_named_together_speak_under_the_first_name() -> None:
    quote = only("But Mr. Hatch and Mr. Wyden say the bill will pass.")
    assert quote.speaker == "Hatch"


def test_bodies_named_together_speak_under_the_first_name() -> None:
    assert only("In May, Zorbex and Quillon announced the tablet would ship soon.").speaker == (
        "Zorbex"
    )
    text = "The Ramblers Association and the Open Spaces Society said the path must stay open."
    assert only(text).speaker == "Ramblers Association"


def test_a_quantifier_after_the_subject_leaves_the_first_name_speaking() -> None:
    text = "Nadia Ferro and Colin Brandt have both urged the council to rethink the plan."
    assert only(text).speaker == "Nadia Ferro"
    text = "The keeper and his captain Colin Brandt have both urged the club to act."
    assert all(q.speaker != "Colin Brandt" for q in extract(text).quotes)


def test_a_comma_before_the_subject_ends_no_list_of_bodies() -> None:
    text = "For both Dunmore and Rovers, Pettigrew said the fee was not the point."
    assert only(text).speaker == "Pettigrew"


def test_a_title_joined_by_and_is_not_a_second_person() -> None:
    text = "Energy and Transport Secretary Alan Rees said the tax would stay."
    assert only(text).speaker == "Alan Rees"


def test_a_place_before_and_does_not_join_the_subject() -> None:
    text = "Smith has been training in Portugal and Mr Hughes said he was fit."
    assert only(text).speaker == "Hughes"


def test_the_year_old_is_whom_the_sentence_before_was_about() -> None:
    text = (
        "Alicia Moss reached the final on Friday. She will now face Maria Petrov. "
        '"I am ready for her," said the 23-year-old.'
    )
    assert only(text).speaker == "Alicia Moss"


def test_a_word_capitalised_only_because_it_opened_a_sentence_is_no_body() -> None:
    text = (
        "Shares in Acme Foods rose on Monday. Sloppy accounting was blamed for the delay. "
        "The company said the figures were now correct."
    )
    assert only(text).speaker != "Sloppy"


def test_a_post_named_by_a_noun_like_cue_is_not_the_verb() -> None:
    quote = only('"The talks went well," Downing Street press secretary Ellen Marsh said.')
    assert quote.speaker == "Ellen Marsh"


def test_they_is_never_a_place_or_a_nationality() -> None:
    text = "Exports from Chile and Peru rose in May, they said, helped by copper."
    assert only(text).speaker not in ("Chile", "Peru")


def test_they_is_the_plural_subject_before_it() -> None:
    text = (
        "Korean union leaders will meet the carmaker on Friday. "
        "They said the closure would cost 900 jobs."
    )
    assert only(text).speaker == "Korean union leaders"


def test_they_is_the_people_named_together() -> None:
    text = "As Mr. Ortega and Mr. Baines toured Ohio, the race tightened, they said."
    assert only(text).speaker == "Ortega"


def test_a_name_that_modifies_a_noun_is_not_the_speaker() -> None:
    assert only('"We will appeal," said a Vodafone spokeswoman.').speaker == "Vodafone spokeswoman"
    assert only('"It is over," said another Reddit user, Anna Berg.').speaker == "Anna Berg"


def test_the_name_after_a_long_role_is_the_speaker() -> None:
    text = '"This is a tax on homes," said Tory shadow local government secretary Ruth Pell.'
    assert only(text).speaker == "Ruth Pell"


def test_the_place_after_from_is_not_the_speaker() -> None:
    text = '"I am scared," wrote a Dutch user from Utrecht calling himself Pim.'
    assert only(text).speaker not in ("Utrecht", "Dutch")


def test_the_local_man_is_the_person_the_text_is_about() -> None:
    text = (
        "Kieran Walsh crashed his car on the eve of the final. "
        '"I knew my ankle was broken," says the Cork man.'
    )
    assert only(text).speaker == "Kieran Walsh"


def test_the_name_set_beside_a_possessed_role_after_the_quote() -> None:
    text = '"We are ready," Ms. Lund\'s spokesman, Erik Dahl, wrote on Twitter.'
    assert only(text).speaker == "Erik Dahl"


def test_a_spokesman_named_by_the_body_he_speaks_for_after_the_quote() -> None:
    text = '"Flights will resume on Monday," an Iberia spokeswoman told the BBC.'
    assert only(text).speaker == "Iberia spokeswoman"


def test_a_question_does_not_run_on_into_the_next_sentence_subject() -> None:
    text = 'Mr Hale asked: "Who pays for it?" His deputy, Rosa Kent, said that the council would.'
    quotes = extract(text).quotes
    assert quotes[0].speaker == "Hale"


def test_a_firm_named_after_its_founder_is_a_body_when_which_follows() -> None:
    text = (
        "Ted Hollis, which makes garden furniture, lost money again. "
        "Ted Hollis shares fell 5% on the Madrid Stock Exchange. "
        "In March the company said it would close two shops."
    )
    assert extract(text).quotes[-1].speaker == "Ted Hollis"


def test_modifiers_joined_by_and_stay_in_the_role_noun() -> None:
    text = (
        "Norco said profits fell. The frozen and chilled food maker said sales had slowed in March."
    )
    assert extract(text).quotes[-1].speaker == "Norco"


def test_that_opening_a_clause_is_not_a_determiner_of_the_speaker() -> None:
    text = (
        "Norco raised prices again on Monday. Shares rose the day that the company said "
        "it would buy a rival."
    )
    assert extract(text).quotes[-1].speaker == "Norco"


def test_a_name_listed_after_a_place_is_no_body_for_the_government() -> None:
    text = (
        "The ministry has opened new offices in Leeds and Bexley since 1997 in response "
        "to what the government says are changing needs."
    )
    assert extract(text).quotes[-1].speaker != "Bexley"


def test_capitalised_words_before_a_role_and_a_name_describe_the_name() -> None:
    text = (
        "Likely Democratic nominee Maria Ostrow has offered few ideas, "
        "stating that rents must fall."
    )
    assert extract(text).quotes[-1].speaker == "Maria Ostrow"


def test_a_dateline_is_not_the_speaker() -> None:
    text = (
        "Election report.\n\nMARBLE FALLS, Texas - Rallying farmers on Monday, "
        "Carla Mendez promised to cut water bills."
    )
    assert all(q.speaker != "MARBLE FALLS" for q in extract(text).quotes)


def test_it_said_after_a_body_that_acted_in_the_sentence_before() -> None:
    assert only('Norsk Hydro posted record profits. "Demand is strong," it said.').speaker == (
        "Norsk Hydro"
    )


def test_where_a_group_is_from_stays_in_its_name() -> None:
    text = "Ohio election officials say the count will finish on Friday."
    assert only(text).speaker == "Ohio election officials"


def test_the_person_from_a_body_is_the_speaker_not_the_body() -> None:
    assert only('"Sales are flat," Ruth Ames from Kalder said.').speaker == "Ruth Ames"
    text = '"Prices will rise," Omar Diaz of the Retail Guild, told the BBC.'
    assert only(text).speaker == "Omar Diaz"


def test_a_possessor_with_a_bare_apostrophe_before_the_name() -> None:
    text = '"We will not sell," Brightwater Partners\' Jane Ellery told the Sunday Times.'
    assert only(text).speaker == "Jane Ellery"


def test_a_body_a_person_owns_speaks_under_its_own_name() -> None:
    text = "Dana Pruitt sued the firm. Contracts were rigged, Ms Pruitt's office added."
    assert extract(text).quotes[-1].speaker == "office of Dana Pruitt"


def test_a_report_a_person_wrote_is_that_person_speaking() -> None:
    text = "Wim Tal led the review. Mr Tal's report said growth was far too slow."
    assert extract(text).quotes[-1].speaker == "Wim Tal"


def test_a_name_whose_description_runs_on_to_the_verb_after_the_quote() -> None:
    text = '"Prices will fall," Nina Brandt, editor of Gadgetweek.com told BBC News.'
    assert only(text).speaker == "Nina Brandt"
    text = '"It is the future," Lars Ek, from the Nordic Games Council (NGC) told the BBC.'
    assert only(text).speaker == "Lars Ek"


def test_a_role_with_of_before_the_name_after_the_quote() -> None:
    text = '"We want him fit," director of football Ian Marsh told the Evening Post.'
    assert only(text).speaker == "Ian Marsh"


def test_said_a_possessed_role_then_the_name() -> None:
    text = '"He is ready," said Garcia\'s chief of staff, Laura Moss.'
    assert only(text).speaker == "Laura Moss"
    text = '"He is ready," said the team\'s press officer, Laura Moss.'
    assert only(text).speaker == "Laura Moss"


def test_he_is_a_person_before_a_capitalised_word_named_once() -> None:
    text = (
        "Marcus Hale spoke to reporters on Monday. "
        "The plan would send Allied forces to the coast, he said."
    )
    assert only(text).speaker == "Marcus Hale"


def test_whose_people_they_are_stays_in_their_name() -> None:
    assert only("Gore's close friends said he was tired.").speaker == "close friends of Gore"


def test_a_title_full_stop_between_the_verb_and_the_colon() -> None:
    text = 'Another reader, Ida Kahn, wrote of Mr. Vance: "He has let us down."'
    assert only(text).speaker == "Ida Kahn"


def test_a_sentence_that_only_says_who_spoke_after_a_full_stop() -> None:
    text = '"Nobody is counting the crowds." Ms Vega said to cheers.'
    assert only(text).speaker == "Vega"
    text = '"It is serious." Mr Roe said the plan would fail.'
    assert extract(text).quotes[0].speaker is None


def test_whom_a_letter_was_written_to_does_not_ask() -> None:
    text = "Mayor Dan Ortiz wrote to Governor Ann Lee asking her to review the count."
    assert only(text).speaker == "Dan Ortiz"
    text = "Turnout was low, with Ann Lee insisting that the count was fair."
    assert only(text).speaker == "Ann Lee"


def test_the_subject_after_a_linking_word_says_the_participle() -> None:
    text = 'And then Ruiz went on the attack, saying, "The mayor has failed this city."'
    assert only(text).speaker == "Ruiz"


def test_a_name_inside_the_claim_is_not_whom_a_parenthetical_he_means() -> None:
    text = (
        "Mr Hollis launched his campaign in Leeds. "
        "Mr Grant has failed to cut crime, he claimed, and must go."
    )
    assert only(text).speaker == "Hollis"
    text = 'Ann Price said the count was slow, which is an outcome, she said, "we expected."'
    assert all(q.speaker == "Ann Price" for q in extract(text).quotes)


def test_he_after_an_unnamed_spokesman_is_the_spokesman() -> None:
    text = (
        "A spokesman for the Film Council said the awards were a success. "
        "He added that ten British films had been nominated."
    )
    assert all(q.speaker == "spokesman for the Film Council" for q in extract(text).quotes)


def test_said_the_nationality_is_the_person_just_written_about() -> None:
    text = 'David Kowalski beat the top seed in Sydney. "I felt good," said the American.'
    assert only(text).speaker == "David Kowalski"


def test_a_capitalised_word_before_a_plural_subject_is_not_the_speaker() -> None:
    text = "Security firms say the new virus spreads by e-mail, warning that it deletes files."
    assert all(q.speaker != "Security" for q in extract(text).quotes)


def test_a_name_set_off_by_dashes_before_the_verb_after_the_quote() -> None:
    text = (
        '"Now officials are doing it," Ivan Petrov - then adviser to the president - '
        "told reporters."
    )
    assert only(text).speaker == "Ivan Petrov"


def test_said_a_hyphenated_title_then_the_name() -> None:
    assert only('"We must act," said vice-chairman Robert Lamb.').speaker == "Robert Lamb"


def test_the_person_set_beside_a_role_subject_speaks() -> None:
    text = (
        "But the other candidate on the stage, former Governor Martha Quinn, drew a "
        "contrast, saying that the plan would cost jobs."
    )
    assert only(text).speaker == "Martha Quinn"
    text = (
        "But many farmers at the fair, including Mr. Dale Hobbs, said they had no "
        "problem with the plan."
    )
    assert only(text).speaker != "Dale Hobbs"


def test_the_name_before_a_role_beats_someone_else_with_that_role() -> None:
    text = (
        "Amy Hart, chief economist at Lorne Bank, said rates would hold. "
        "Tom Reyes, economist at Fenwick Research said a rise was likely."
    )
    assert extract(text).quotes[-1].speaker == "Tom Reyes"


def test_a_knight_by_first_name_is_the_person_named_in_full() -> None:
    text = (
        "Police chief Sir Roland Pike said more officers were needed. "
        "Later Sir Roland said the plan would cost £2m."
    )
    assert [q.speaker for q in extract(text).quotes] == ["Roland Pike", "Roland Pike"]


def test_he_opening_the_clause_carries_on_to_a_later_he() -> None:
    text = (
        "Prime Minister Jim Callow spoke in Leeds on Monday. "
        'When he refused to back Harold Tate, he said: "I am not going to resign."'
    )
    assert extract(text).quotes[-1].speaker == "Jim Callow"


def test_what_someone_does_before_their_full_name_is_their_role() -> None:
    quote = only("Singer Bruce Hollins said the tour would start in May.")
    assert quote.speaker == "Bruce Hollins"


def test_a_name_described_as_someone_is_a_person() -> None:
    text = (
        "Agusto Ferrante, a retired teacher, said he would vote. "
        "Did that mean Ferrante would vote for Dan Reese? "
        '"No, no," he said.'
    )
    assert extract(text).quotes[-1].speaker == "Agusto Ferrante"


def test_who_after_a_body_is_the_person_the_description_is_of() -> None:
    text = (
        '"This is new," said Nora Vance, a scholar at the Linden Institute who describes '
        'the race as "a circus."'
    )
    assert all(q.speaker == "Nora Vance" for q in extract(text).quotes)


def test_a_name_after_by_in_an_aside_is_not_set_beside_the_subject() -> None:
    text = (
        "Party leaders hoped the meeting, requested by Ruth Dale, would end the row, "
        "saying that unity mattered."
    )
    assert all(q.speaker != "Ruth Dale" for q in extract(text).quotes)
    text = '"We are proud," said Opera spokeswoman, Karen Lind.'
    assert only(text).speaker == "Karen Lind"


def test_an_agent_or_publicist_speaks_for_a_performer() -> None:
    quote = only("The tour will start in Osaka next spring, her agent said.")
    assert quote.speaker == "agent"
    assert quote.text == "The tour will start in Osaka next spring"
    # The publicist speaks, named by whose publicist they are.
    text = "Rob Hale has left the band, his publicist confirmed."
    assert only(text).speaker == "publicist of Rob Hale"


def test_a_passive_with_an_adverb_before_it_names_no_speaker() -> None:
    text = (
        "Danny Hale is fit again. The 29-year-old was only called into the squad "
        "on Sunday night as cover."
    )
    assert extract(text).quotes == ()


def test_the_agent_of_a_passive_is_the_speaker_of_its_quoted_words() -> None:
    quote = only('The budget was described as "a gamble" by Harriet Vance, the shadow chancellor.')
    assert (quote.speaker, quote.kind, quote.text) == ("Harriet Vance", "mixed", 'as "a gamble"')


def test_quoted_words_in_a_passive_with_no_agent_are_nobodys_claim() -> None:
    text = (
        "Telco Vision launched the service on Monday. "
        'It is being branded as "television for everyone".'
    )
    assert all(q.speaker is None for q in extract(text).quotes)


def test_a_role_noun_that_modifies_another_is_not_the_head() -> None:
    officials = only('"The offer is an insult," said union officials.')
    assert (officials.speaker, officials.speaker_type) == ("union officials", "anonymous")
    sources = only('"No decision has been taken," said government sources.')
    assert sources.speaker_type == "anonymous"


def test_an_ordinal_that_opens_a_title_is_part_of_the_role() -> None:
    quote = only("First Minister Alys Morgan has insisted the ban will save lives.")
    assert (quote.speaker, quote.role) == ("Alys Morgan", "First Minister")
    quote = only("First, Alys Morgan said the ban would save lives.")
    assert (quote.speaker, quote.role) == ("Alys Morgan", None)


def test_people_listed_after_a_plural_title_speak_under_the_first_name() -> None:
    quote = only("Sens. Ada Lowe, Dorthea Vance and Ben Hale said the vote was rushed.")
    assert quote.speaker == "Ada Lowe"


def test_a_full_name_of_unknown_kind_in_a_list_of_people_is_one_of_them() -> None:
    quote = only("Tom Pryce, Dorthea Vance and Ben Hale said the vote was rushed.")
    assert quote.speaker == "Tom Pryce"


def test_the_subject_of_quoted_as_saying_is_the_speaker() -> None:
    quote = only('"The deal is dead," Ada Lowe was quoted by a local paper as saying.')
    assert (quote.speaker, quote.kind, quote.cue) == ("Ada Lowe", "direct", "saying")


def test_a_role_noun_after_the_opening_capital_describes_the_name_after_it() -> None:
    # The first capital describes; the name after the role noun is the speaker,
    # even with a clause between it and the verb of saying.
    text = "Retail giant Marlowes, which has 40 stores in Kent, said on Monday that sales fell."
    assert only(text).speaker == "Marlowes"
    text = "Fund manager Orla Kettering - the club's largest investor - said she would sell."
    assert only(text).speaker == "Orla Kettering"


def test_a_capital_before_a_verb_is_still_the_subject() -> None:
    # "Brakewell recently warned …": no role noun stands between, so no other name
    # after it is described.
    text = "Brakewell recently warned Hollin Motors, its main rival, that prices would rise."
    assert only(text).speaker == "Brakewell"


def test_the_government_is_not_the_body_named_last() -> None:
    text = (
        "Brakewell shares fell 4% on Monday. "
        "The government said it would review the rules on brake pads."
    )
    assert only(text).speaker == "government"
    text = (
        "The Irish Government has met the unions. Brakewell shares fell 4% on Monday. "
        "The government said it would review the rules on brake pads."
    )
    assert extract(text).quotes[-1].speaker == "Irish Government"


def test_a_word_for_someone_from_a_country_is_the_person_last_spoken_of() -> None:
    text = (
        'Karl Wessel scored twice for the visitors. "We were patient," said Wessel. '
        '"It was a professional display," the Dutchman said.'
    )
    assert [q.speaker for q in extract(text).quotes] == ["Karl Wessel", "Karl Wessel"]
    text = (
        "Daniel Morel won the final in four sets. "
        "The Frenchman admitted that he had been nervous at the start."
    )
    assert only(text).speaker == "Daniel Morel"


def test_a_country_word_is_not_someone_named_only_in_its_own_sentence() -> None:
    text = (
        "Daniel Morel won the final in four sets. Asked about a remark by the umpire "
        'Tom Ricks, the Frenchman said: "I did not hear it."'
    )
    assert only(text).speaker == "Daniel Morel"
    assert only("The EU said the tax would be paid by airlines.").speaker == "EU"


def test_a_spokesman_of_a_named_body_after_the_quotation() -> None:
    quote = only('"We regret the delay," a Brakewell spokesman said.')
    assert quote.speaker == "Brakewell spokesman"
    quote = only('"We regret the delay," an Acme spokeswoman told reporters.')
    assert quote.speaker == "Acme spokeswoman"


def test_a_team_mate_named_after_the_quotation() -> None:
    quote = only('"He is a huge loss for us," said team-mate Owen Pryce.')
    assert quote.speaker == "Owen Pryce"


def test_the_champion_is_the_person_the_text_is_about() -> None:
    text = (
        "Lena Hartmann won the 800m in Leeds on Sunday. "
        'The double Olympic champion said: "I am delighted with that."'
    )
    assert only(text).speaker == "Lena Hartmann"


def test_a_surname_that_is_a_month_speaks() -> None:
    text = (
        "Singer Rosa May has finished her album. "
        '"It took three years," May wrote on her website. '
        'May said: "I am proud of it." "We will tour," said May.'
    )
    assert [q.speaker for q in extract(text).quotes] == ["Rosa May"] * 3


def test_a_month_is_still_a_date() -> None:
    text = "Prices rose in May, said Tom Lee. Sales for May said little about jobs."
    assert [q.speaker for q in extract(text).quotes] == ["Tom Lee"]


def test_the_agent_is_the_person_last_written_about() -> None:
    text = (
        "Owen Pryce's agent has warned the club that time is running out. "
        "Tim Garvey says the offer is too low. "
        '"We want this settled by Friday," the agent added.'
    )
    assert extract(text).quotes[-1].speaker == "Tim Garvey"


def test_a_day_after_a_cue_is_a_date_even_if_a_show_holds_it() -> None:
    text = (
        "Ann Roe spoke to the show Morning Ted Monday in Leeds. "
        "Ann Roe said Monday that the vote was rigged."
    )
    quote = only(text)
    assert quote.speaker == "Ann Roe"
    assert quote.text == "that the vote was rigged"


def test_he_is_not_a_name_the_text_writes_after_the() -> None:
    text = (
        "Tom Garvey quit the Exchequer job in June. Rosa Kemp joined the Exchequer "
        "team and Exchequer staff cheered. He said he would write a book."
    )
    assert only(text).speaker == "Tom Garvey"


def test_a_sports_role_is_the_person_the_text_is_about() -> None:
    text = (
        "Rhys Garvey scored twice as Leeds beat Bath. "
        '"We were patient and it paid off," said the fly-half.'
    )
    assert only(text).speaker == "Rhys Garvey"
    text = 'Tom Garvey won in straight sets. "I played well," said the top seed.'
    assert only(text).speaker == "Tom Garvey"


def test_a_report_is_not_a_word_that_merely_opened_a_sentence() -> None:
    text = (
        "Brakewell published its findings on Monday. Brakewell said it was pleased. "
        "Technical issues must be settled first, said the report."
    )
    assert extract(text).quotes[-1].speaker == "Brakewell"


def test_senators_named_together_speak_under_the_first_name() -> None:
    quote = only("Sens. Ann Reed, Tom Tull and Al Lang said the bill would pass.")
    assert (quote.speaker, quote.role) == ("Ann Reed", "Sens.")


def test_market_traders_and_a_former_monopoly_are_sources() -> None:
    trader = only('"The market is falling," said one trader.')
    assert (trader.speaker, trader.speaker_type) == ("trader", "anonymous")
    assert only("A dealer said prices would rise.").speaker == "dealer"
    firm = only('"We want fair access," the former monopoly said in a statement.')
    assert firm.speaker_type == "organisation"


def test_a_body_named_for_what_it_does_is_one_speaker() -> None:
    quote = only('"Services will resume in the spring," the Department for Transport said.')
    assert (quote.speaker, quote.speaker_type) == ("Department for Transport", "organisation")


def test_where_someone_is_based_describes_the_speaker_after_the_verb() -> None:
    analyst = only('"Prices will fall," said a London-based analyst.')
    assert (analyst.speaker, analyst.speaker_type) == ("analyst", "anonymous")
    named = only('"Prices will fall," said London-based analyst Ada Lowe.')
    assert (named.speaker, named.role) == ("Ada Lowe", "London-based analyst")


def test_said_then_a_title_running_through_of_the_then_the_name():
    text = '"The harbour will reopen in May," said Leader of the Council Anna Quist.'
    (quote,) = extract(text).quotes
    assert quote.speaker == "Anna Quist"


def test_a_body_named_with_and_speaks_by_its_whole_name() -> None:
    quote = only("The Department of Roads and Harbours said the bridge would reopen in May.")
    assert quote.speaker == "Department of Roads and Harbours"
    quote = only("A spokesman for the Kestrel Valley Ballet said the tour would go ahead.")
    assert quote.speaker == "spokesman for the Kestrel Valley Ballet"


def test_a_spokesman_for_a_body_whose_name_holds_for_and_commas() -> None:
    quote = only("A spokesman for the Department for Roads, Rail and Shipping said it was shut.")
    assert quote.speaker == "spokesman for the Department for Roads, Rail and Shipping"


def test_he_after_an_official_named_by_the_body_before_the_noun() -> None:
    text = (
        '"The striker will train with us on Monday," said a Kestrel official, who asked '
        'not to be named. "Then he will sign for two years," he added.'
    )
    assert [q.speaker for q in extract(text).quotes] == ["Kestrel official", "Kestrel official"]


def test_names_in_a_participle_phrase_before_he_are_not_whom_he_means() -> None:
    text = (
        "Mr Hale met his daughter for the first time last year. Describing that meeting "
        'at Leeds\'s Kirkgate Market, he said: "It changed my life."'
    )
    assert extract(text).quotes[-1].speaker == "Hale"
    text = (
        "Tom Brandt lost his seat in 2001. Driving home from a late Burnley Arena rally "
        'in May, he crashed his car. "I was lucky," he said later.'
    )
    assert extract(text).quotes[-1].speaker == "Tom Brandt"


def test_the_report_belongs_to_the_body_whose_report_it_was() -> None:
    text = (
        "A report by telecoms firm Zentrix found wide gaps in rural coverage. Ann Roe, "
        "director of the Harbour Trust, called the findings alarming. The report said "
        "four in ten villages had no signal."
    )
    assert extract(text).quotes[-1].speaker == "Zentrix"
    text = (
        "The Kestrel Institute survey was published on Monday. Critics at the Harbour "
        "Group questioned its methods. The survey said that rents had doubled."
    )
    assert extract(text).quotes[-1].speaker == "Kestrel Institute"


def test_kin_named_by_a_first_name_in_apposition() -> None:
    text = 'Tom Brandt died at home on Friday. "He loved the sea," said his widow, Margaret.'
    assert extract(text).quotes[-1].speaker == "Margaret"
    text = 'Tom Brandt died at home on Friday. "He loved the sea," said his son, Peter Brandt.'
    assert extract(text).quotes[-1].speaker == "Peter Brandt"


def test_an_unclosed_relative_clause_is_not_the_speaker() -> None:
    text = "Ms Okafor, who presents The Night Garden told reporters that she would stay."
    assert only(text).speaker == "Okafor"
    text = (
        "Ann Roe has left Radio Kestrel. The 41-year-old presenter who also hosts "
        "Morning Brew said she wanted a rest."
    )
    assert only(text).speaker == "Ann Roe"


def test_a_role_noun_set_beside_a_named_person() -> None:
    text = "His brother, former Harbour Group chief Tom Brandt, said the sale was a mistake."
    assert only(text).speaker == "Tom Brandt"
    text = "A senior police officer, speaking to reporter Ann Roe, said the road was shut."
    assert only(text).speaker == "police officer"


def test_a_title_of_the_body_then_the_person() -> None:
    text = 'Chairman of the Harbour Select Committee Tom Brandt MP, said: "It is a mess."'
    assert only(text).speaker == "Tom Brandt"


def test_a_year_before_the_cue_is_when_not_who() -> None:
    text = "The ferry was late again. Tom Brandt had in 1998 complained that it was slow."
    assert only(text).speaker == "Tom Brandt"
    text = "The Harbour Trust in 2002 said that the pier was safe."
    assert only(text).speaker == "Harbour Trust"


def test_a_body_described_by_its_country() -> None:
    text = "On Friday, Norway's NHF fishing industry association said catches had fallen."
    assert only(text).speaker == "NHF"
    text = "Rents will rise again next year, Canada's national housing regulator has said."
    assert only(text).speaker == "Canada's national housing regulator"
    assert only("Germany said it would not pay.").speaker == "Germany"


def test_whom_a_paper_quoted_as_saying_is_the_speaker() -> None:
    text = 'Dealers were wary. "Nobody is buying," the Gazette quoted one broker as saying.'
    assert extract(text).quotes[-1].speaker == "broker"
    assert only("The Gazette quoted Ann Roe as saying the pier was unsafe.").speaker == "Ann Roe"
    assert only('The Gazette quoted Ann Roe as saying: "The pier is unsafe."').speaker == "Ann Roe"
    assert only("The Gazette quoted local residents as saying the pier was unsafe.").speaker == (
        "local residents"
    )


def test_where_an_unnamed_source_is_from_stays_in_the_name() -> None:
    text = 'Shares slid in Asia. "Demand is weak," the Madrid analyst said.'
    assert extract(text).quotes[-1].speaker == "Madrid analyst"
    text = 'Shares slid in Asia. "Demand is weak," one Madrid dealer said.'
    assert extract(text).quotes[-1].speaker == "Madrid dealer"


def test_it_after_a_body_of_unknown_kind_that_spoke() -> None:
    text = (
        '"Sales were strong in every region," said Zentrix. '
        '"We expect more of the same next year," it said.'
    )
    assert [q.speaker for q in extract(text).quotes] == ["Zentrix", "Zentrix"]
    text = 'Tom Roe met the board on Friday. "We will stay," it said.'
    assert extract(text).quotes[-1].speaker is None


def test_they_after_unnamed_people_who_spoke() -> None:
    text = (
        "Harbour Ferries cancelled 40 sailings. Union officials denied there had been "
        "a strike. They said that many crew members had flu."
    )
    assert extract(text).quotes[-1].speaker == "union officials"


def test_he_after_a_spokesman_whose_words_are_reported_before() -> None:
    text = (
        "Mr Roe attacked the poster. A Harbour Party spokesman later said the timing was "
        'not affected by the row. "It has been up for two weeks," he said.'
    )
    assert extract(text).quotes[-1].speaker == "Harbour Party spokesman"


def test_he_does_not_mean_a_name_that_describes_a_thing() -> None:
    from quotecli.extract.document import parse
    from quotecli.extract.entities import build_entities
    from quotecli.extract.mentions import find_mentions
    from quotecli.extract.subjects import Context

    text = "Her role has led to an Emmy nomination. Kestrel said it would go on."
    doc = parse(text)
    found = find_mentions(text, frozenset(s.start for s in doc.sentences))
    ctx = Context(doc, found, build_entities(found, text), [])
    emmy, kestrel = found
    assert ctx._describes_a_thing(emmy) and not ctx._describes_a_thing(kestrel)


def test_a_deputy_does_not_hold_the_office_of_whom_he_deputises() -> None:
    text = (
        "Ann Roe met Deputy Mayor Tom Brandt. Firstly, the mayor insisted on Friday that "
        "she had been involved in the plans."
    )
    assert extract(text).quotes[-1].speaker != "Tom Brandt"
    assert extract(text).quotes[-1].speaker != "Firstly"


def test_a_spokesman_for_a_body_described_in_a_relative_clause() -> None:
    text = (
        "A spokesman for the Harbour Ferry Association, which represents the operators, "
        "said the fares were fair. He said the timetable would not change."
    )
    assert [q.speaker for q in extract(text).quotes] == [
        "spokesman for the Harbour Ferry Association"
    ] * 2


def test_he_after_a_spokesman_two_sentences_before() -> None:
    text = (
        "A spokesman for the Kestrel Ferry Association, which represents the operators, "
        "said fares were fair. He said the timetable would not change. "
        '"The service is one of the best in Europe," he said.'
    )
    speakers = [q.speaker for q in extract(text).quotes]
    assert speakers == ["spokesman for the Kestrel Ferry Association"] * 3


def test_according_to_figures_issued_by_a_body() -> None:
    text = "Rents rose 4% last year, according to figures released by the Harbour Trust."
    assert only(text).speaker == "Harbour Trust"
    text = "Rents rose 4% last year, according to data from the Kestrel Institute."
    assert only(text).speaker == "Kestrel Institute"
    # What the body is may stand between "by" and its name.
    text = "Rents rose 4% last year, according to research carried out by letting firm Dunmore."
    assert only(text).speaker == "Dunmore"
    # But "a" opens a description with no name of its own.
    text = "Rents rose 4% last year, according to research from a Leeds lettings agency."
    assert only(text).speaker != "Leeds"


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract(text).quotes]


def test_who_after_a_described_name_is_that_person() -> None:
    text = (
        '"You will see a lot of tactics," said Ann Berry, 32, a nurse from Leeds '
        'who said she planned to march. "I do not like being arrested."'
    )
    assert speakers(text) == ["Ann Berry", "Ann Berry", "Ann Berry"]


def test_the_attribution_sentence_names_no_new_speaker_for_what_follows() -> None:
    text = (
        '"The deals are binding," spokesman Ron Vale told the Journal in July, after '
        'the mayor stated an interest in ending them. "These contracts hold."'
    )
    assert speakers(text) == ["Ron Vale", "Ron Vale"]


def test_a_quoted_sentence_runs_on_for_a_few_words_before_its_speaker() -> None:
    text = (
        "The plan came out on Monday.\n\n"
        '"I admire the mechanics" of the plan, Mr. Hale said. "But I worry about it."'
    )
    assert speakers(text) == ["Hale", "Hale"]


def test_the_subject_of_a_sentence_ending_in_a_colon_speaks() -> None:
    assert speakers('And Mr. Dorn gloated: "I told you he would fail."') == ["Dorn"]
    text = 'Mitch Conn, R-Ky., delivered a blunt message to the mayor: "Stop it."'
    assert speakers(text) == ["Mitch Conn"]
    assert speakers('Or, as Tom Ridley, a former minister, put it: "They are in."') == [
        "Tom Ridley"
    ]
    assert speakers('Clinton\'s response was: "Is the shop in Leeds?"') == ["Clinton"]
    # With no name opening the sentence, the name before the colon speaks.
    text = 'The decision did not surprise analyst Maria Lopez: "Nobody wanted to buy."'
    assert speakers(text) == ["Maria Lopez"]


def test_a_name_set_beside_another_user_is_the_speaker() -> None:
    text = '"We are anxious," said another forum user, Jo Bayer. "The storms are closer."'
    assert speakers(text) == ["Jo Bayer", "Jo Bayer"]


def test_a_role_noun_before_a_name_gives_the_name() -> None:
    text = (
        "The journalist Olivia Messer, writing in the Observer in 2013, said that "
        "there was a culture of abuse."
    )
    assert speakers(text) == ["Olivia Messer"]


def test_a_written_statement_is_not_the_verb_of_saying() -> None:
    text = 'Mr Dorn told the Post in a written statement, "I do not want his support."'
    assert speakers(text) == ["Dorn"]


def test_mrs_and_a_surname_is_not_the_man_of_that_name() -> None:
    text = (
        "Jo Pell was an aide to President Bill Linton. Mrs. Linton will face the "
        "same fire Mr. Obara has. He noted that the fight would be long."
    )
    assert speakers(text) == ["Obara"]


def test_he_told_someone_is_not_the_one_he_told() -> None:
    text = (
        "Hanley asked Marsh how high the fence would be.\n\n"
        '"I think it could be 35 feet," he told Hanley.'
    )
    assert speakers(text)[-1] == "Marsh"


def test_a_possessor_inside_a_phrase_is_not_what_he_means() -> None:
    text = (
        "At the door was Wayne Boyd, a 33-year-old who left his job in November. "
        "Dismayed by his memory of Bill Linton's years in office, he is committed.\n\n"
        '"I am knocking on doors all over town," he said.'
    )
    assert speakers(text) == ["Wayne Boyd"]


def test_he_after_a_long_quotation_looks_past_its_sentences() -> None:
    text = (
        "Hanley asked Marsh how high the fence would be.\n\n"
        '"I think it could be 35 feet. That is a good height. That is a good height. '
        'Anywhere near that. Could be higher," he told Hanley.'
    )
    assert speakers(text)[-1] == "Marsh"


def test_the_writer_with_no_one_named_just_before_is_the_one_written_about() -> None:
    text = (
        "Novelist Arthur Hale, who has died at 84, wrote eleven books. Hale was born "
        "in Luton. The film starred Dean Martin as a pilot. Three sequels followed. "
        "The writer was known for his research. "
        '"I have never been able to write quickly," he once said.'
    )
    assert speakers(text)[-1] == "Arthur Hale"


def test_said_his_wife_and_her_name() -> None:
    text = (
        "Novelist Arthur Hale has died. He moved to Nassau with his wife Sheila.\n\n"
        '"He had a wonderful life," said his wife, Sheila.'
    )
    assert speakers(text) == ["Sheila"]


def test_an_opening_subordinate_clause_does_not_hold_the_subject() -> None:
    text = (
        "While business leaders push for free trade, Mr. Dorn has rallied "
        "thousands by promising to impose tariffs on imported goods."
    )
    assert speakers(text) == ["Dorn"]
    text = (
        "It was a potent punch, as Mrs. Linton echoed the criticism, saying Mr. Dorn "
        '"reminds us every day that he is not in it for the people."'
    )
    assert speakers(text) == ["Linton"]


def test_a_nameless_earlier_speaker_is_not_shared() -> None:
    text = (
        "But Tom Miller, at a consulting firm called Gavekal Partners, argues that "
        'as trade deepens, "its influence will strengthen," too.'
    )
    assert speakers(text)[-1] == "Tom Miller"


def test_an_aside_opened_by_asked_keeps_the_name_before_it() -> None:
    text = (
        "The issue came up after Mr. Dorn, asked about the deaths of reporters abroad, "
        'had said, "I think our country does plenty of that."'
    )
    assert speakers(text) == ["Dorn"]


def test_an_infinitive_verb_of_saying_has_the_sentence_subject() -> None:
    text = (
        "Ever since she endorsed Mrs. Linton this month, Ms. Warne has been a surrogate, "
        "visiting the campaign's headquarters in Leeds to encourage staff with a simple "
        'message: "Do not give up!"'
    )
    assert speakers(text) == ["Warne"]


def test_a_quotation_after_a_sentence_reporting_a_claim_is_its_speaker() -> None:
    text = (
        "Mr. Dorn was quick to add that the talks do not include dropping the wall.\n\n"
        '"Building it? Not negotiable."'
    )
    assert speakers(text) == ["Dorn", "Dorn"]


def test_scare_quotes_do_not_cut_a_participle_from_its_subject() -> None:
    text = (
        "According to Phil Kerner, the post was made on request.\n\n"
        'Kerner needled the CNN "reporter," saying, "A reporter who posts on request!"'
    )
    assert speakers(text)[-1] == "Phil Kerner"


def test_a_colon_after_an_opening_phrase_and_a_body() -> None:
    text = (
        "As if to settle it, the Ohio Board of Elections was firm in its findings: "
        '"Further discussion is unnecessary."'
    )
    assert speakers(text) == ["Ohio Board of Elections"]


def test_it_after_a_company_owning_what_the_sentence_is_about() -> None:
    text = (
        "Brakewell's net income fell to 537m euros during 2004. It blamed weak demand. "
        "It had warned in September that the weak dollar would cut its profits."
    )
    assert speakers(text) == ["Brakewell"]


def test_an_answer_after_a_question_is_not_the_question_s_speaker() -> None:
    text = (
        "In the Commons, Tory spokesman Mr Lowe suggested the posters went too far.\n\n"
        '"How could you have thought otherwise?" Mr Mills replied that they did not.'
    )
    found = extract(text).quotes
    question = next(q for q in found if q.text.startswith("How"))
    assert question.speaker == "Lowe"


def test_a_call_someone_received_says_what_it_says() -> None:
    text = "The newspaper Gara received a telephone call saying a bomb would go off at nine."
    assert speakers(text) == ["telephone call"]
    text = "Clinton issued a statement saying she would push for investment."
    assert speakers(text) == ["Clinton"]


def test_a_quotation_ending_in_a_quoted_word_is_still_followed_by_its_speaker() -> None:
    text = (
        "His son worked his way up.\n\n"
        "''I would use the word 'old-school,''' said Greg Slayne, whom the mayor "
        "appointed, and who now backs Tom Fry. ''Humility is something I love.''"
    )
    assert speakers(text) == ["Greg Slayne", "Greg Slayne"]


def test_a_body_named_with_and_is_one_speaker() -> None:
    text = (
        "A spokesman for the Department for Culture, Media and Sport said there were "
        "no plans to sell the channel."
    )
    # An unnamed source is given as its noun phrase, the body's whole name in it.
    assert speakers(text) == ["spokesman for the Department for Culture, Media and Sport"]
    text = "The Department of Trade and Industry said exports had risen."
    assert speakers(text) == ["Department of Trade and Industry"]
    text = "A Department for Work and Pensions spokeswoman said he was still in post."
    assert speakers(text) == ["Department for Work and Pensions spokeswoman"]
    # Two names joined by "and" stay two.
    text = "The Department of Health and Mr Blair said the plan was sound."
    assert "and" not in (speakers(text)[0] or "")


def test_a_word_capitalised_only_to_open_its_sentence_speaks_for_no_one() -> None:
    text = (
        "The latest figures are worse. Latest research suggests that new viruses "
        "appear at a rate of 200 a week."
    )
    assert "Latest" not in speakers(text)
    text = "The odds have shortened for bookmakers. Bookmakers predict Ann Lowe will win."
    assert speakers(text) == ["Bookmakers"]


def test_number_10_and_downing_street_open_sentences_as_names() -> None:
    assert speakers("Number 10 said ministers were busy governing.") == ["Number 10"]
    text = "Downing Street said ministers were busy governing."
    assert speakers(text) == ["Downing Street"]
    # Both are the prime minister's office, not people.
    for text in (
        "Number 10 said the talks went well.",
        "No 10 said the talks went well.",
        "The talks went well, No 10 said.",
        "Downing Street said the talks went well.",
    ):
        assert {q.speaker_type for q in extract(text).quotes} == {"organisation"}, text


def test_an_abstract_noun_opening_a_sentence_is_no_speaker() -> None:
    text = "It was the second bid. Speculation suggests that the rival will raise its offer."
    assert "Speculation" not in speakers(text)
    text = '"Would it be negotiable?" Hannity pressed. "Maybe some could stay?"'
    assert speakers(text) == ["Hannity", "Hannity"]


def test_words_before_and_and_a_verb_are_no_speaker_phrase() -> None:
    text = (
        "The WTO said there was no consensus among its members to retain the quotas "
        "and emphasised that funding was available."
    )
    assert all(s == "WTO" for s in speakers(text))


def test_the_report_is_the_last_body_that_spoke() -> None:
    text = (
        "Some 45 million children will die needlessly, Oxfam says in a report. The call "
        "comes as the G8 of rich nations meets. None of the members have met the target, "
        "the report says."
    )
    assert speakers(text)[-1] == "Oxfam"


def test_the_first_word_of_a_quotation_is_no_body_for_the_report() -> None:
    text = (
        "The National Audit Office praised ministers. Sir John Bourn said: "
        '"Higher levels of literacy will help." The report recommends gathering more details.'
    )
    assert speakers(text)[-1] == "National Audit Office"


def test_quoted_in_a_paper_saying_is_the_one_quoted() -> None:
    text = 'Mr Hume was quoted in the Herald newspaper saying: "They have over-reacted."'
    assert speakers(text) == ["Hume"]


def test_a_club_before_a_hyphenated_position_describes_the_player() -> None:
    text = (
        "Jason Robson spoke on Monday.\n\n"
        '"There is no lack of confidence in the team," said the Sale full-back.'
    )
    assert speakers(text) == ["Jason Robson"]


def test_one_trader_named_by_where_he_is() -> None:
    assert speakers('"Prices are too high," one Bombay trader said.') == ["Bombay trader"]


def test_a_person_of_a_body_is_the_person() -> None:
    text = (
        "Detective Inspector Paul Millar of Thames Valley Police said a man used a ladder. "
        '"The burglar was disturbed by the singer, who tackled him," he said.'
    )
    assert speakers(text) == ["Paul Millar", "Paul Millar"]


def test_a_short_stage_direction_does_not_end_a_run_of_quotations() -> None:
    text = (
        '"I am calling from the campaign," Eva Moller said into the phone.\n\n'
        "She pauses.\n\n"
        '"Well, thank you so much."\n\n'
        "Tom Fry arrives.\n\n"
        '"Hello."'
    )
    assert speakers(text) == ["Eva Moller", "Eva Moller", None]


def test_a_participle_before_the_colon_does_not_stop_the_subject_speaking() -> None:
    text = 'Speaking to reporters on Monday, Mr Hale was blunt: "We will not back down."'
    assert speakers(text) == ["Hale"]


def test_he_in_the_sentence_before_says_whom_a_he_means_when_no_person_is_named() -> None:
    text = (
        '"It did not sit well with the Academy," says Tim Dane, a news editor. '
        "The problem with Mel Gibbon's film, he believed, was its dialogue in Aramaic, "
        "an ancient Middle Eastern language.\n\n"
        '"Hollywood does not like foreign-language films," he said.'
    )
    assert speakers(text)[-1] == "Tim Dane"


def test_a_title_or_a_name_after_in_the_is_no_one_she_means() -> None:
    text = (
        "Reports that Doug Smyth, made Commander of the Order of the Bath in the New "
        'Year honours, had left were wrong. "No date was ever given," she said.'
    )
    assert speakers(text)[-1] not in ("Commander", "New Year")


def test_the_paper_is_the_publication_named_before() -> None:
    text = (
        "The Kestrel Gazette said the mayor would resign. The mayor met the Harbour Trust "
        "on Monday. The paper said the talks had failed."
    )
    assert [q.speaker for q in extract(text).quotes] == ["Kestrel Gazette", "Kestrel Gazette"]


def test_words_that_never_stand_in_a_role_end_the_search_for_one() -> None:
    text = "According to all those riders and even Ruiz himself, the new course is too hard."
    (quote,) = extract(text).quotes
    assert quote.role is None or "even" not in quote.role
    assert "Ruiz" in (quote.speaker or "")


def test_a_title_held_of_a_place_is_the_speaker_and_he_after_it() -> None:
    from quotecli.extract import extract

    text = (
        "The Bishop of Carlow described the film as dull. Despite liking the actors, "
        'the Bishop said the plot was thin. "It is a muddle," he said.'
    )
    speakers = [q.speaker for q in extract(text).quotes]
    assert speakers == ["Bishop of Carlow"] * 3


def test_people_at_a_body_opening_a_sentence_are_the_speakers() -> None:
    from quotecli.extract import extract

    (quote,) = extract("Economists at Acme Bank said that rates would fall.").quotes
    assert quote.speaker == "economists at Acme Bank"
    (quote,) = extract("Lawyers for the pair said that the claim was false.").quotes
    assert quote.speaker == "lawyers for the pair"


def test_a_singular_title_opening_a_sentence_keeps_the_name_after_it() -> None:
    from quotecli.extract import extract

    (quote,) = extract("Director of rugby Tom Hale said that the side was tired.").quotes
    assert quote.speaker == "Tom Hale"


def test_a_body_at_another_body_is_the_speaker() -> None:
    from quotecli.extract import extract

    text = "The Centre for Tax Studies at Leeds University said that the plan would fail."
    (quote,) = extract(text).quotes
    assert quote.speaker == "Centre for Tax Studies"
    text = (
        "The Centre for Tax Studies at the Roe Institute and Acme Foundation estimates "
        "that the plan would cost more."
    )
    (quote,) = extract(text).quotes
    assert quote.speaker == "Centre for Tax Studies"


def test_a_body_after_a_verb_and_at_is_not_skipped() -> None:
    from quotecli.extract import extract

    text = "The plan was unveiled at Acme Corp and Barclays said that it would fail."
    assert [q.speaker for q in extract(text).quotes] == ["Barclays"]


def test_a_cue_set_off_after_a_name_is_no_description_of_it() -> None:
    from quotecli.extract import extract

    (quote,) = extract("Mr Hale, officials said, has grown wary of the plan.").quotes
    assert quote.speaker == "officials"
    (quote,) = extract("Ms Rowe, a spokesman said, will not stand again.").quotes
    assert quote.speaker == "spokesman"


def test_a_description_without_its_closing_comma_still_names_the_person() -> None:
    from quotecli.extract import extract

    (quote,) = extract("Sam Lau, the party's spokesman said the plan was dead.").quotes
    assert quote.speaker == "Sam Lau"


def test_a_title_holder_named_again_after_he_inside_the_claim_still_speaks() -> None:
    from quotecli.extract import extract

    text = (
        "Gov. Tom Hale backed the bill last week. Hale defended it on his radio show. "
        '"I have known it for years," the governor said, adding that he, Hale, was '
        "the better judge."
    )
    assert {q.speaker for q in extract(text).quotes} == {"Tom Hale"}


def test_the_member_for_a_place_is_the_person_spoken_of_not_the_place() -> None:
    from quotecli.extract import extract

    text = "Mr Pryce spoke on Monday. The MP for Ashby and Coalville said the vote would be close."
    assert [q.speaker for q in extract(text).quotes] == ["Pryce"]
    (quote,) = extract("An MP for Ashby said the vote would be close.").quotes
    assert quote.speaker == "MP for Ashby"


def test_his_spokesman_is_the_spokesman_of_the_person_named_before() -> None:
    from quotecli.extract import extract

    text = "Tom Hale left for Rome. His spokesman said the trip was private."
    assert [q.speaker for q in extract(text).quotes] == ["spokesman of Tom Hale"]
    text = "Ann Pryce came second. Her campaign said that the race was still open."
    assert [q.speaker for q in extract(text).quotes] == ["campaign of Ann Pryce"]


def test_former_before_a_place_or_a_band_makes_no_person_of_it() -> None:
    from quotecli.extract import extract

    text = "Former Leeds Rovers singer Ian Okoro was held, his spokesman said."
    assert [q.speaker for q in extract(text).quotes] == ["spokesman of Ian Okoro"]


def test_an_advert_speaks_for_the_body_that_runs_it() -> None:
    quote = only(
        "The Taxpayers Alliance is spending $2 million on television time. One Taxpayers "
        'Alliance ad, which began airing on Monday, argues that "only Ruth Hale can win."'
    )
    assert quote.speaker == "Taxpayers Alliance"


def test_an_advert_named_after_a_person_speaks_for_that_person() -> None:
    quote = only(
        "Senator Joan Pryce is trailing in the polls. A new Pryce advert says the "
        "governor has cut school budgets three years in a row."
    )
    assert quote.speaker == "Joan Pryce"


def test_an_advert_nobody_is_said_to_run_is_no_source() -> None:
    found = extract(
        "Harbour Freight cut its prices again. The ad claims the rival chain charges "
        "twice as much for the same tools."
    ).quotes
    assert found == ()


def test_a_newspaper_spoken_to_before_a_colon_is_the_listener() -> None:
    quote = only(
        "Former governor Tom Reed broke down what was wrong with the plan to the local "
        'newspaper Daily Courier: "What they did was careless. It hurt everyone."'
    )
    assert quote.speaker == "Tom Reed"


def test_an_aside_in_brackets_does_not_part_a_quotation_from_its_cue() -> None:
    quote = only(
        "Dana Hill also spoke about the court case against the new state law. (The law "
        "requires that clinics keep a doctor on call. It also shuts half of them.)\n"
        '"The law is clear. But it is no right if you cannot use it."'
    )
    assert quote.speaker == "Dana Hill"


def test_who_started_after_a_quotation_is_its_speaker() -> None:
    text = (
        'Lena Moss asked the guest about the vote. "The paper says you met the board in '
        'March," Moss started.'
    )
    assert only(text).speaker == "Lena Moss"


def test_who_sings_after_a_quotation_is_its_speaker() -> None:
    text = '"Hold on to the light," Nina Vale sings to the crowd.'
    assert only(text).speaker == "Nina Vale"


def test_started_after_a_title_in_marks_is_no_cue() -> None:
    assert extract('The "Fresh Start" ad started airing on Monday in three states.').quotes == ()


def test_a_headline_label_names_who_says_its_quoted_words() -> None:
    found = extract(
        "Senate Hopeful Kate Ward: Sack the Chief, ‘Stop the Waste Now.’\n\n"
        "Former state senator Kate Ward called for the chief to go after the audit."
    ).quotes
    said = [(q.speaker, q.kind) for q in found]
    assert said == [("Kate Ward", "mixed"), ("Kate Ward", "indirect")]
    assert found[0].text.startswith("Sack the Chief")


def test_he_after_a_sentence_about_the_president_is_the_president() -> None:
    text = (
        "President Tom Reed met the senators on Monday. “We need sixty votes,” Mr. Hale "
        "said in an interview. The president looked weary. He said the budget would wait."
    )
    found = extract(text).quotes
    assert [q.speaker for q in found] == ["Hale", "Tom Reed"]


def test_the_president_of_a_body_is_no_title_the_article_gave() -> None:
    text = (
        "President Tom Reed met the senators on Monday. “We need sixty votes,” Mr. Hale "
        "said in an interview. The president of the union looked weary. He said the "
        "budget would wait."
    )
    found = extract(text).quotes
    assert [q.speaker for q in found] == ["Hale", "Hale"]


def test_the_people_of_a_country_the_article_names_are_the_country() -> None:
    text = "Iran and Britain met in Geneva on Monday. The Iranians said the talks were over."
    assert only(text).speaker == "Iran"


def test_people_of_a_country_without_the_stay_people() -> None:
    text = "Germany held a vote on Sunday. Germans say they are worried about jobs."
    assert only(text).speaker.lower() == "germans"


def test_the_people_of_a_country_not_named_stay_people() -> None:
    assert only("The Germans announced they would expand their army.").speaker == "Germans"


TRANSCRIPT = (
    "Partial transcript as follows:\n\n"
    '"HOST: Let us start with the vote. Will she be there?\n\n'
    '"MARSH: She will not be attending the vote tomorrow night.\n\n'
    '"HOST: But, Governor Marsh, I have got to ask you, because as “The Ledger” wrote, '
    "voters care about temper. So why raise it at all?\n\n"
    '"MARSH: Well, look, the question should be about her campaign.'
)


def test_a_transcript_line_quoting_a_title_is_still_its_speakers() -> None:
    found = extract(TRANSCRIPT).quotes
    assert [(q.speaker, q.kind) for q in found] == [
        ("Host", "direct"),
        ("Marsh", "direct"),
        ("Host", "mixed"),
        ("Marsh", "direct"),
    ]


def test_a_name_spoken_to_before_i_is_not_the_subject() -> None:
    text = 'But, Senator Ruth Ames, I must ask you, as the "Ledger" asked, whether you will run.'
    assert all(q.speaker != "Ruth Ames" for q in extract(text).quotes)


def test_a_couple_named_by_the_first_speak_under_that_name() -> None:
    quote = only("Tom Cole and his wife, Mary, said they would vote early.")
    assert quote.speaker == "Tom Cole"


def test_a_name_that_says_whose_aide_is_not_whom_she_means() -> None:
    text = (
        "Ann Pike met voters on Tuesday. The longtime Tom Cole aide praised the plan. "
        '"It is the best there is," she said.'
    )
    assert only(text).speaker == "Ann Pike"


def test_both_after_people_set_off_by_commas_is_those_people() -> None:
    quote = only("Ruth Ames, a Democrat, and Tom Cole, a Republican, both said the bill passed.")
    assert quote.speaker == "Ruth Ames"


def test_people_of_two_places_joined_by_and_are_named_by_both() -> None:
    quote = only("Israeli and Palestinian officials said the talks would resume next week.")
    assert quote.speaker == "Israeli and Palestinian officials"


def test_spokesmen_of_two_bodies_joined_by_and_are_named_by_both() -> None:
    quote = only("Foreign Office and Home Office spokesmen said the plan had not changed.")
    assert quote.speaker == "Foreign Office and Home Office spokesmen"


def test_a_cue_inside_an_aside_between_dashes_does_not_take_the_clause_after_it() -> None:
    quote = only(
        "Mara Quinn complained at the press conference — a recording of which the council "
        "emailed to reporters later — that the mayor had ignored her letters."
    )
    assert quote.speaker == "Mara Quinn"
    assert quote.text.startswith("that the mayor")


def test_he_after_someone_was_asked_is_who_answers() -> None:
    text = (
        'Anderson Cole asked Bernard Sand about guns on Tuesday. "The law should change," he said.'
    )
    assert only(text).speaker == "Bernard Sand"


def test_he_after_the_asker_is_named_again_is_the_asker() -> None:
    text = (
        "Anderson Cole asked Bernard Sand about guns. Anderson Cole was not convinced. "
        '"That is no answer," he said.'
    )
    assert only(text).speaker == "Anderson Cole"


def test_whom_a_memo_is_addressed_to_is_not_who_explains() -> None:
    quote = only('Jo Roe wrote a memo to employees explaining the deal: "We will be one of them."')
    assert quote.speaker == "Jo Roe"


def test_as_someone_put_it_names_the_speaker_of_the_quotation() -> None:
    quote = only('But as Jo Roe once put it in a memo to staff, "Nobody wins a price war."')
    assert quote.speaker == "Jo Roe"


def test_a_body_described_and_named_nowhere_goes_by_its_description() -> None:
    assert speakers("The refugee agency said that 9,000 people had fled.") == ["refugee agency"]
    assert speakers("A mining trade group said prices would rise.") == ["mining trade group"]
    # A bare "the company" says nothing of which; a report is no body.
    assert speakers("The company said prices would rise.") == [None]
    text = "Jo Roe said the files were stolen by a rival trade group."
    assert speakers(text) == ["Jo Roe"]
    text = "He set up a new protest group called Clean Air Now, which says pollution kills."
    assert "new protest group" not in speakers(text)


def test_a_title_s_holder_named_after_the_and_honorifics_speaks() -> None:
    text = (
        "The Anglican Bishop of Hexham, the Right Reverend John Hale, told local radio "
        "that the church wanted people to reflect."
    )
    assert [q.speaker for q in extract(text).quotes] == ["John Hale"]


def test_a_place_and_modifiers_before_a_person_noun_describe_the_person() -> None:
    text = (
        "Maria Lund has sued her former coach. The Sydney Olympic gold medallist says "
        "the coach damaged her reputation."
    )
    assert [q.speaker for q in extract(text).quotes] == ["Maria Lund"]


def test_a_line_opening_with_a_verb_after_a_dash_signs_no_quotation() -> None:
    text = (
        'Jo Roe said he was happy. "I have settled in well," he said. "But I could '
        'not have wished for a better start."\n\n'
        "- Listen to the full interview on Radio Leeds on Sunday.\n"
    )
    assert [q.speaker for q in extract(text).quotes][-1] == "Jo Roe"


def test_a_body_s_possessive_after_of_leaves_the_person_named_before_it() -> None:
    text = (
        'Rovers were fined for the brawl. "I am extremely disappointed," said Hartfield '
        "manager Alan McLean of Rovers' punishment."
    )
    assert [q.speaker for q in extract(text).quotes] == ["Alan McLean"]


def test_a_stray_mark_opening_the_paragraph_is_not_the_subject() -> None:
    text = (
        "“Your plan will cost jobs,” Ms Hart charged in the debate.\n\n"
        '"Mr Pryce tried to shrug it off by interjecting, “Only in your dreams.”'
    )
    quotes = extract(text).quotes
    assert [q.speaker for q in quotes] == ["Hart", "Pryce"]


def test_a_quotation_glued_to_the_next_sentence_still_ends_it() -> None:
    text = (
        "“Happy holidays!” he posted. “The best cakes are made in my kitchen.”Former"
        " mayor Tom Ellery broke down what was wrong with the picture for a local paper:"
        " “What he did was careless. Not everyone eats cake.”"
    )
    assert extract(text).quotes[-1].speaker == "Tom Ellery"


def test_a_sentence_about_someone_closing_the_paragraph_names_the_next_speaker() -> None:
    text = (
        "“Your plan will cost jobs,” Ms Hart charged in the debate.\n\n"
        "Mr Pryce tried to shrug it off by interjecting, “Only in your dreams.”"
        " But Ms Hart was relentless.\n\n"
        "“Can you answer the question?”"
    )
    quotes = extract(text).quotes
    assert [q.speaker for q in quotes] == ["Hart", "Pryce", "Hart"]


def test_polls_conducted_for_a_body_are_that_body_s() -> None:
    quote = only(
        "According to early results of exit polls conducted for the Daily Ledger and"
        " two radio stations, turnout among young voters rose sharply."
    )
    assert quote.speaker == "Daily Ledger"


def test_a_report_for_an_occasion_names_no_body() -> None:
    quote = only("According to a report for the weekend edition of the Times, prices rose.")
    assert quote.speaker != "Times"


def test_a_graded_role_noun_after_a_body_s_name_speaks_after_the_quotation() -> None:
    text = (
        "Senator Ruth Calder told reporters that the bill would pass.\n\n"
        "“It is over,” a senior Pentagon official said."
    )
    assert extract(text).quotes[-1].speaker == "Pentagon official"


def test_one_former_before_a_body_s_official_grades_the_role() -> None:
    text = (
        "Senator Ruth Calder told reporters that the bill would pass.\n\n"
        "“It is over,” one former White House official said."
    )
    assert extract(text).quotes[-1].speaker == "White House official"
