"""Speakers across articles: one person, one speaker; namesakes kept apart."""

from __future__ import annotations

import pytest

from quotecli.identity import Known, match, name_tokens, same_person, surname
from quotecli.model import ORGANISATION, PERSON, Speaker

INDEX = [
    Known(1, "Donald Trump", PERSON),
    Known(2, "Donald Trump Jr.", PERSON),
    Known(3, "Ivanka Trump", PERSON),
    Known(4, "Volodymyr Zelenskyy", PERSON),
    Known(5, "Loretta E. Lynch", PERSON),
    Known(6, "New York Post", ORGANISATION),
    Known(7, "Mike Waltz", PERSON),
]


def person(name: str) -> Speaker:
    return Speaker(name, PERSON)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Donald Trump", 1),
        ("donald trump", 1),
        ("Donald Trump Jr.", 2),
        ("Ivanka Trump", 3),
        ("Volodymyr Zelensky", 4),
        ("Loretta Lynch", 5),
        ("Waltz", 7),
        ("Trump", None),  # three people carry it: no guess
        ("Eric Trump", None),
        ("Michael Waltz", None),  # another first name is another person
        ("Mike Walsh", None),
    ],
)
def test_match_people(name: str, expected: int | None) -> None:
    assert match(person(name), INDEX) == expected


def test_organisations_match_by_name_only() -> None:
    assert match(Speaker("New York Post", ORGANISATION), INDEX) == 6
    assert match(Speaker("New York Times", ORGANISATION), INDEX) is None


def test_name_helpers() -> None:
    assert name_tokens("José  Álvarez-Ruiz") == ["jose", "alvarez", "ruiz"]
    assert surname("Donald Trump Jr.") == "trump"
    assert same_person("Volodymyr Zelensky", "Volodymyr Zelenskyy")
    assert not same_person("Donald Trump", "Donald Trump Jr.")
    assert not same_person("Hillary Clinton", "Hillary Clifton")
