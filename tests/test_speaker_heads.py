"""Who speaks is the head of the speaker's phrase: not its possessor, its
paper, or a word it shares with the name of an event."""

from __future__ import annotations

from quotecli.extract import extract
from quotecli.model import Quote


def only(text: str) -> Quote:
    found = extract(text).quotes
    assert len(found) == 1, found
    return found[0]


def test_a_surname_that_ends_event_names_is_still_a_surname() -> None:
    assert only('"The rota is fair," said Maureen Day.').speaker == "Maureen Day"
    assert only("Graham Press said the depot would stay open.").speaker == "Graham Press"


def test_an_event_named_after_a_first_name_is_no_one() -> None:
    text = 'Crowds filled the park on Victoria Day. "It was lovely," said Nadia Kerr.'
    assert only(text).speaker == "Nadia Kerr"


def test_an_abbreviated_title_joined_by_and_to_another() -> None:
    quote = only('"We will hold the seat," said former Ohio Gov. and party treasurer Lewis Brandt.')
    assert quote.speaker == "Lewis Brandt"


def test_said_after_a_possessor_is_the_one_possessed() -> None:
    quote = only('"He will not resign," said Councillor Ruth Abbey\'s spokesman.')
    assert quote.speaker == "spokesman of Ruth Abbey"
    quote = only('"The matter is closed," said Ruth Abbey’s official spokesman.')
    assert quote.speaker == "official spokesman of Ruth Abbey"


def test_said_after_a_possessor_and_a_role_then_a_name_is_the_name() -> None:
    quote = only('"Orders are up," said Acme\'s finance director Colin Marsh.')
    assert quote.speaker == "Colin Marsh"


def test_an_assistant_after_a_possessor_speaks_for_themself() -> None:
    quote = only("Ferreira's assistant said the squad was tired after the trip.")
    assert quote.speaker == "assistant of Ferreira"


def test_a_statement_from_a_body_is_the_body_speaking() -> None:
    quote = only("A statement from Halden Foods said the factory would close in May.")
    assert quote.speaker == "Halden Foods"


def test_a_report_published_by_a_body_is_the_body_speaking() -> None:
    quote = only("The report, published by the Rail Passengers Council, said fares had risen.")
    assert quote.speaker == "Rail Passengers Council"


def test_sources_close_to_someone_are_not_that_person() -> None:
    quote = only("Sources close to Mr Ambrose said the bid would be dropped.")
    assert quote.speaker == "sources close to Mr Ambrose"
    quote = only('"The bid is dead," said a source close to the chancellor.')
    assert quote.speaker == "source close to the chancellor"


def test_a_plural_before_a_listed_name_is_not_part_of_it() -> None:
    quote = only("Judges Nadia Kerr and Lewis Brandt said the final was close.")
    assert quote.speaker == "Nadia Kerr"


def test_a_word_for_a_firm_before_its_name_is_its_role() -> None:
    quote = only("Carmaker Velden said the plant in Ghent would close.")
    assert quote.speaker == "Velden"
    assert quote.speaker_type == "organisation"


def test_a_firm_described_beside_its_name_is_an_organisation() -> None:
    quote = only("Velden, the carmaker, said the plant in Ghent would close.")
    assert quote.speaker == "Velden"
    assert quote.speaker_type == "organisation"


def test_a_person_described_beside_their_name_stays_a_person() -> None:
    quote = only("Velden, a senior producer at the studio, said the film was late.")
    assert quote.speaker_type == "person"


def test_a_hyphened_description_before_a_name_is_not_part_of_it() -> None:
    quote = only('"We were lucky," said Man-of-the-match Corin Vale.')
    assert quote.speaker == "Corin Vale"


def test_a_club_before_a_role_noun_describes_the_person() -> None:
    quote = only(
        "The Hartfield striker signed the singer to his label and claims he spent"
        " thousands on the album."
    )
    assert quote.speaker != "Hartfield"


def test_a_name_after_a_word_for_a_firm_is_stored_as_an_organisation() -> None:
    quote = only("Software firm Zentrix said the flaw had been fixed.")
    assert quote.speaker == "Zentrix"
    assert quote.speaker_type == "organisation"
    quote = only('"We remain cautious," investment bank Halden Kerr said of the brewer.')
    assert quote.speaker == "Halden Kerr"


def test_letters_after_a_name_set_off_by_one_comma_are_not_the_speaker() -> None:
    assert only("Judge Colin Marsh, QC told the inquiry the papers were lost.").speaker == (
        "Colin Marsh"
    )
    assert only("Ruth Abbey, MP said the depot would stay open.").speaker == "Ruth Abbey"
    # Closed by a second comma, the letters were always an aside.
    assert only("Ruth Abbey, OBE, said the depot would stay open.").speaker == "Ruth Abbey"


def test_people_in_a_place_are_the_people_whatever_their_plural() -> None:
    # "bosses", "coaches": plurals in -es of words for people.
    quote = only("Ferry bosses in Portugal said the new timetable would help.")
    assert quote.speaker == "bosses in Portugal"
    quote = only("Youth coaches in Dundee said the pitches were too wet.")
    assert quote.speaker == "coaches in Dundee"


def test_a_family_name_that_also_names_bodies_after_a_form_of_address() -> None:
    # "Fox" and "Church" mark bodies' names ("Fox News"), but "Mr Fox" is a man.
    text = "Tory chairman Liam Fox spoke first. Dr Fox added that the polls were wrong."
    assert only(text).speaker == "Liam Fox"
    text = "Singer Ellen Church was late. Ms Church said the roads were closed."
    assert only(text).speaker == "Ellen Church"


def test_the_us_is_a_country_that_speaks() -> None:
    text = "Sales rose by 5% in a year, said the US Federal Trade Commission (FTC)."
    assert only(text).speaker == "US Federal Trade Commission"
    text = (
        "Jo Hale wants to sell the gold. The US, which can veto any sale, "
        "said it was looking at other ways."
    )
    assert only(text).speaker == "US"


def test_a_role_in_lowercase_words_no_list_knows_before_a_name() -> None:
    quote = only('"The bill is a good start," said co-ordinator Hannah Blythe.')
    assert (quote.speaker, quote.role) == ("Hannah Blythe", "co-ordinator")
    quote = only('"Thank you all for coming," said master of ceremonies Tomas Okafor.')
    assert (quote.speaker, quote.role) == ("Tomas Okafor", "master of ceremonies")
    quote = only('"We lost our way," admitted shaggy-haired rock drummer Dale Finch.')
    assert quote.speaker == "Dale Finch"


def test_a_phrase_about_a_thing_before_a_name_is_no_role() -> None:
    text = "Prices fell by a tenth, according to sales-floor figures gathered by Marlow Data."
    quote = only(text)
    assert quote.speaker == "Marlow Data"
    assert "gathered" not in (quote.role or "")


def test_whom_a_verb_like_led_made_speak_is_the_speaker() -> None:
    text = 'The broadcast led 40 listeners to complain it was "crude" and "cruel".'
    assert only(text).speaker == "listeners"
    text = (
        "The Reserve Bank of Tolmer held its rate at 3%, prompting some economists"
        " to argue that rates had peaked."
    )
    assert only(text).speaker == "economists"
    text = "The delays led Dunmore Software to warn that it was short of cash."
    assert only(text).speaker == "Dunmore Software"


def test_a_subject_made_to_speak_by_no_one_is_still_the_speaker() -> None:
    text = "Sarah Mott was forced to admit that the figures were wrong."
    assert only(text).speaker == "Sarah Mott"


def test_a_family_name_that_is_also_a_title_after_mr_or_ms() -> None:
    text = "Ruth King plays bass. Ms King said the tour had been cancelled."
    assert only(text).speaker == "Ruth King"
    text = "Colin Dean runs the studio. Mastering takes three months, says Mr Dean."
    assert only(text).speaker == "Colin Dean"
    text = "Carl Major spoke first. Mr Major said the plan was a mistake."
    assert only(text).speaker == "Carl Major"
    # "Lord" before an office is part of the office.
    text = "At the time Lord Pryce, the Lord Chief Justice, had said the cuts would be rare."
    assert only(text).speaker == "Pryce"


def test_a_body_named_for_its_members_keeps_its_plural_possessive() -> None:
    assert only("The Drummers' Union said the fees were unfair.").speaker == "Drummers' Union"
    text = "Jo Roe of the Shoppers' Association said prices rose."
    assert only(text).speaker == "Jo Roe"
    text = "The Tories' Commons leader said the vote was lost."
    assert "Tories" not in (only(text).speaker or "")


def test_the_paper_is_a_paper_named_before_not_the_last_body() -> None:
    text = (
        "Tarn Exchange may bid for its rival, according to the FT. Tarn Exchange has"
        " not commented. The newspaper said the bid would come in March."
    )
    assert [q.speaker for q in extract(text).quotes][-1] == "FT"
    text = (
        "The film stars the hero of the Nightmare on Elm Street series. According to"
        " the industry newspaper, the studio failed to agree terms."
    )
    assert only(text).speaker == "industry newspaper"


def test_the_name_before_an_aside_between_dashes_speaks() -> None:
    text = (
        "Ulla Brenner runs the carmaker. Ms Brenner - herself a former executive at rival"
        " Vantor - said the new model was its cheapest."
    )
    assert only(text).speaker == "Ulla Brenner"
    text = (
        "Jo Marsh, managing director of Halden Estates - a property firm - said"
        " the rule was a big step."
    )
    assert only(text).speaker == "Jo Marsh"
    text = "Unions -- including Ken Ashe -- quickly accused the board of bad faith."
    assert all(q.speaker != "Ken Ashe" for q in extract(text).quotes)
    text = (
        "Ann Roe, director of the group Fair Votes Now, or FVN - which was founded in"
        " 2004 - said the count was flawed."
    )
    assert all(q.speaker != "FVN" for q in extract(text).quotes)


def test_a_place_s_officer_named_after_its_possessive_speaks() -> None:
    text = (
        "Ohio’s Secretary of State Dana Pruitt sent out a statement reassuring voters"
        " that every ballot would be counted."
    )
    assert only(text).speaker == "Dana Pruitt"
