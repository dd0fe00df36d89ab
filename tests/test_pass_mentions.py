"""The mention pass alone: names, their kinds, genders and possessives."""

from __future__ import annotations

from quotecli.extract.document import parse
from quotecli.extract.mentions import find_mentions


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
