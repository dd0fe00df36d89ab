"""The mention pass alone: names, their kinds, genders and possessives."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, replace

import pytest

from quotecli.extract.document import parse
from quotecli.extract.mentions import Mention, find_mentions


def mentions(text: str) -> list[tuple[str, str, str | None, bool]]:
    starts = frozenset(s.start for s in parse(text).sentences)
    return [(m.name, m.type, m.gender, m.possessive) for m in find_mentions(text, starts)]


def test_people_with_first_names_and_honorifics():
    assert mentions("Ruth Okafor met Mr Tom Brandt at the pier.") == [
        ("Ruth Okafor", "person", "f", False),
        ("Tom Brandt", "person", "m", False),
    ]


def test_an_organisation_and_a_possessive_surname():
    assert mentions("The Harbour Board said Okafor’s plan was sound.") == [
        ("Harbour Board", "organisation", None, False),
        ("Okafor", "unknown", None, True),
    ]


def test_a_group_opening_a_sentence():
    assert mentions("Analysts said she was right.") == [("Analysts", "group", None, False)]


def test_offsets_point_at_the_name():
    text = "Yesterday Ruth Okafor spoke."
    starts = frozenset(s.start for s in parse(text).sentences)
    (mention,) = find_mentions(text, starts)
    assert text[mention.start : mention.end] == "Ruth Okafor"


def test_a_family_name_that_also_names_a_body_is_a_person_after_a_first_name():
    found = mentions("Niamh Chambers met Mr Fox after Fox News and the Church of Wales spoke.")
    assert found == [
        ("Niamh Chambers", "person", "f", False),
        # A form of address makes a family name of it, as "Mr Smith" is "Smith".
        ("Fox", "person", "m", False),
        ("Fox News", "organisation", None, False),
        ("Church of Wales", "organisation", None, False),
    ]


def test_a_house_after_a_first_name_is_still_a_building():
    assert mentions("Clarence House said the visit was private.")[0][1] != "person"


def test_an_adverb_or_whilst_opening_the_sentence_is_no_part_of_the_name():
    names = [m[0] for m in mentions("Curiously Halvorsen stated that the vote was lost.")]
    assert names == ["Halvorsen"]
    assert [m[0] for m in mentions("Whilst Okafor agreed, the board did not.")] == ["Okafor"]
    assert [m[0] for m in mentions("Kelly Brandt said the vote was lost.")] == ["Kelly Brandt"]


def test_a_name_whose_first_word_ends_in_ing_can_open_a_sentence():
    found = mentions("Dunning Square has denied it. Officials at Dunning Square agreed.")
    assert [name for name, *_ in found] == ["Dunning Square", "Officials", "Dunning Square"]
    found = mentions("Describing Mr Garvey as tired, Ann Roe left.")
    assert [name for name, *_ in found] == ["Garvey", "Ann Roe"]


def test_a_word_for_what_someone_does_before_a_first_name_is_a_role():
    found = mentions("Drummer Tom Brandt said the band would tour. Oliver James Okafor agreed.")
    assert [name for name, *_ in found] == ["Tom Brandt", "Oliver James Okafor"]
    found = mentions("Film-maker Tom Brandt and Co-founder Ann Roe spoke.")
    assert [name for name, *_ in found] == ["Tom Brandt", "Ann Roe"]
    found = mentions("Referee Tom Brandt and DJ Ann Roe spoke.")
    assert [name for name, *_ in found] == ["Tom Brandt", "Ann Roe"]


def test_for_joins_the_name_of_a_body_and_nothing_else():
    found = mentions("The Office for National Statistics said so. He left Leeds for Chelsea.")
    assert [name for name, *_ in found] == ["Office for National Statistics", "Leeds", "Chelsea"]


def roles(text: str) -> list[tuple[str, str | None, str]]:
    starts = frozenset(s.start for s in parse(text).sentences)
    return [(m.name, m.role, text[m.start : m.end]) for m in find_mentions(text, starts)]


def test_a_title_that_runs_on_through_of_the_or_for_is_one_role():
    assert roles("The Chancellor of the Duchy of Lancaster Anna Quist opened it.") == [
        (
            "Anna Quist",
            "Chancellor of the Duchy of Lancaster",
            "Chancellor of the Duchy of Lancaster Anna Quist",
        )
    ]
    assert roles("Then Minister for Fisheries Tom Brandt left.") == [
        ("Tom Brandt", "Minister for Fisheries", "Minister for Fisheries Tom Brandt")
    ]
    assert roles("Secretary of State for Ports Ruth Okafor agreed.") == [
        ("Ruth Okafor", "Secretary of State for Ports", "Secretary of State for Ports Ruth Okafor")
    ]


def test_a_title_of_a_body_with_no_person_after_it_stays_as_it_was():
    # "Minister for Harbour Dredging" names no one: no person's role is made of it.
    found = roles("Anna Quist, Minister for Defence Dredging, said the work was late.")
    assert found[0] == ("Anna Quist", None, "Anna Quist")
    assert [role for _, role, _ in found if role and role.startswith("Minister")] == []


def test_and_joins_the_last_words_of_a_body_name():
    found = mentions("The Ministry of Farming and Fisheries said so. Ann Roe agreed.")
    assert [name for name, *_ in found] == ["Ministry of Farming and Fisheries", "Ann Roe"]
    found = mentions("A spokesman for the Department for Roads, Rail and Shipping said so.")
    assert [name for name, *_ in found] == ["Department for Roads, Rail and Shipping"]
    found = mentions("It cites the Global Rail and Freight Council on it.")
    assert [name for name, *_ in found] == ["Global Rail and Freight Council"]


def test_and_still_lists_two_names():
    found = mentions("The Bank of Wales and Kestrel Holdings agreed.")
    assert [name for name, *_ in found] == ["Bank of Wales", "Kestrel Holdings"]
    found = mentions("Tom Brandt and Harbour Group agreed. Ann Roe and Mr Okafor left.")
    assert [name for name, *_ in found] == ["Tom Brandt", "Harbour Group", "Ann Roe", "Okafor"]
    found = mentions("Zentrix and Harbour Group merged. Zentrix grew.")
    assert [name for name, *_ in found] == ["Zentrix", "Harbour Group", "Zentrix"]


def test_for_the_joins_a_body_name_and_a_title_word_opens_one():
    found = mentions("The Society for the Care of Horses said so. Ann Roe agreed.")
    assert [name for name, *_ in found] == ["Society for the Care of Horses", "Ann Roe"]
    found = mentions("The National Union of Porters and the Royal Ballet replied.")
    assert [name for name, *_ in found] == ["National Union of Porters", "Royal Ballet"]


def test_of_the_and_an_ampersand_join_a_name():
    found = mentions("The Voice of the Valley said so. Marsh & Hollis agreed.")
    assert [name for name, *_ in found] == ["Voice of the Valley", "Marsh & Hollis"]
    found = mentions(
        "Tom Brandt of the Harbour Trust and Ann Roe, Vice President of the Kestrel Club, met."
    )
    assert [name for name, *_ in found][:2] == ["Tom Brandt", "Harbour Trust"]
    assert "Vice President of the Kestrel Club" not in [name for name, *_ in found]


def test_words_describing_a_person_before_a_first_name_are_not_the_name():
    found = mentions("Defiant Tom Brandt said he would stay. Harbour Court Judge Ann Roe agreed.")
    assert [name for name, *_ in found] == ["Tom Brandt", "Ann Roe"]
    found = mentions("J. Peter Okafor and Jean Paul Sartorius spoke.")
    assert [name for name, *_ in found] == ["J. Peter Okafor", "Jean Paul Sartorius"]


def test_a_title_held_of_a_place_names_its_holder():
    assert mentions("The Bishop of Carlow said the hall would close.") == [
        ("Bishop of Carlow", "person", None, False)
    ]
    assert mentions("The Mayor of Leeds spoke.")[0][:2] == ("Mayor of Leeds", "person")


def test_a_title_of_a_place_before_a_name_is_still_a_role():
    assert mentions("Mayor of Leeds Ruth Okafor spoke.")[0][:2] == ("Ruth Okafor", "person")


def test_where_a_party_member_is_from_is_no_part_of_the_name():
    assert mentions("Ohio Republican Tom Brandt spoke.")[0][:2] == ("Tom Brandt", "person")


def test_grand_is_a_title_only_before_another():
    assert mentions("Grand Ayatollah Ali Kazemi spoke.")[0][:2] == ("Ali Kazemi", "person")
    assert mentions("They kept their Grand Slam hopes.") == [("Grand Slam", "unknown", None, False)]


def test_words_for_what_someone_is_before_an_unknown_first_name_are_a_role():
    found = mentions("Spaniard Tomas Okoro and Teenager Sunita Rao met Singer Ade Bello.")
    assert [(name, kind) for name, kind, _, _ in found] == [
        ("Tomas Okoro", "person"),
        ("Sunita Rao", "person"),
        ("Ade Bello", "person"),
    ]


def test_a_body_named_after_a_people_keeps_its_name():
    assert mentions("The American Community Survey said.")[0][0] == "American Community Survey"
    assert mentions("Dresdner Kleinwort Benson said.")[0][0] == "Dresdner Kleinwort Benson"


def test_a_party_before_an_unknown_first_name_is_a_role():
    assert mentions("Fellow Lib Dem Ade Bello spoke.")[0][:2] == ("Ade Bello", "person")
    assert mentions("The Labour Party spoke.")[0][0] == "Labour Party"


def test_a_body_s_name_joined_by_and_ends_in_a_body_word_written_nowhere_alone():
    assert mentions("The Department of Trade and Rural Services said no.")[0][:2] == (
        "Department of Trade and Rural Services",
        "organisation",
    )
    found = mentions("The Ministry of Works and Foreign Office met. The Foreign Office said no.")
    names = [name for name, _, _, _ in found]
    assert names == ["Ministry of Works", "Foreign Office", "Foreign Office"]


def test_a_mention_is_frozen_and_compares_by_its_fields():
    made = Mention(3, 9, "Jo Roe", None, "person", "f", False, True)
    assert made == Mention(3, 9, "Jo Roe", None, "person", "f", False, True)
    assert hash(made) == hash(Mention(3, 9, "Jo Roe", None, "person", "f", False, True))
    assert (made.start, made.end, made.name, made.sentence_initial) == (3, 9, "Jo Roe", True)
    assert replace(made, type="organisation", gender=None) == Mention(
        3, 9, "Jo Roe", None, "organisation", None, False, True
    )
    with pytest.raises(FrozenInstanceError):
        made.start = 4  # type: ignore[misc]


def test_a_month_is_a_surname_only_where_someone_of_that_name_speaks():
    text = "Lena May sang. In May she toured. May said it was hard. Talks end in May, said Jo Roe."
    found = [(name, start) for name, _, _, _, start in mentions_at(text)]
    may_said = text.index("May said")
    assert ("May", may_said) in found
    assert not any(name == "May" and start != may_said for name, start in found)
    # No one is named May: the month is a date wherever it stands.
    found = mentions("Talks end in May, said Jo Roe. May said nothing new.")
    assert "Jo Roe" in [name for name, _, _, _ in found]
    assert "May" not in [name for name, _, _, _ in found]


def mentions_at(text: str) -> list[tuple[str, str, str | None, bool, int]]:
    starts = frozenset(s.start for s in parse(text).sentences)
    return [(m.name, m.type, m.gender, m.possessive, m.start) for m in find_mentions(text, starts)]


def test_the_singular_of_a_plural_as_far_as_its_ending_shows() -> None:
    from quotecli.extract.mentions import singular_noun

    pairs = {
        "bosses": "boss",
        "coaches": "coach",
        "deputies": "deputy",
        "wives": "wife",
        "spokesmen": "spokesman",
        "officials": "official",
        "executives": "executive",
        "judges": "judge",
        "boss": "boss",
        "us": "us",
    }
    assert {word: singular_noun(word) for word in pairs} == pairs


def test_an_elided_french_article_goes_on_with_the_name():
    names = [m[0] for m in mentions("The Institut National de l'Energie said prices would rise.")]
    assert names == ["Institut National de l'Energie"]
    names = [m[0] for m in mentions("Exports from Cote d'Ivoire fell, Mr Brandt said.")]
    assert "Cote d'Ivoire" in names
