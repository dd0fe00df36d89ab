"""The entity pass alone: mentions grouped into the people and bodies they name."""

from __future__ import annotations

from quotecli.extract.document import parse
from quotecli.extract.entities import Entities, build_entities
from quotecli.extract.mentions import find_mentions


def entities(text: str) -> Entities:
    starts = frozenset(s.start for s in parse(text).sentences)
    return build_entities(find_mentions(text, starts), text)


def test_a_surname_joins_the_person_named_in_full():
    found = entities("Nadia Brook opened the pier. Brook said it was late. Mr Tom Brook smiled.")
    names = [(e.name, e.type, e.gender) for e in found.entities]
    assert names == [("Nadia Brook", "person", "f"), ("Tom Brook", "person", "m")]
    nadia = found.entities[0]
    assert nadia.aliases == ["Nadia Brook", "Brook"]
    assert found.entity_at(0) is nadia
    assert found.named("Brook") is found.entities[1]


def test_a_fuller_name_after_a_surname_is_the_same_person():
    found = entities("Okafor spoke first. Later Ruth Okafor said more.")
    okafor = [e for e in found.entities if "Okafor" in e.name]
    assert len(okafor) == 1 and okafor[0].name == "Ruth Okafor"
    assert okafor[0].aliases == ["Okafor", "Ruth Okafor"]


def test_roles_and_ages_set_off_by_commas():
    found = entities("Ivo Marsh, a senior adviser to the mayor, spoke. Lia Gant, 45, wept.")
    marsh, gant = found.entities[:2]
    assert marsh.roles == ["senior adviser to the mayor"]
    assert (gant.name, gant.type) == ("Lia Gant", "person")


def test_a_body_is_found_by_the_word_that_says_what_it_is():
    found = entities("The Harbour Board met on Monday. The Board said the pier would open.")
    board = [e for e in found.entities if e.type == "organisation"]
    assert len(board) == 1 and board[0].name == "Harbour Board"
    assert board[0].aliases == ["Harbour Board", "Board"]


def test_a_name_that_has_shares_is_a_company():
    for text in (
        "Shares in Bellwether Pastries fell on Monday.",
        "Bellwether Pastries shares fell on Monday.",
        "Bellwether Pastries' stock fell on Monday.",
    ):
        (entity,) = entities(text).entities
        assert entity.name == "Bellwether Pastries"
        assert entity.speaker_type == "organisation"
    (person,) = entities("Nadia Brook sold her shares on Monday.").entities
    assert person.speaker_type == "person"
