"""First names make a person of a name, and give "he" or "she" someone to mean."""

from __future__ import annotations

import pytest

from quotecli.extract import extract
from quotecli.extract import lexicon as lx


def speaker_of(text: str, words: str) -> str | None:
    """The speaker of the quote or claim holding ``words``."""
    found = [q for q in extract(text).quotes if words in q.text]
    assert found, extract(text).quotes
    return found[0].speaker


def test_she_means_the_woman_named_and_not_the_man() -> None:
    text = (
        "A lawyer for Dexter Moyle and Winifred Tate spoke on Monday. "
        "She said the claim would be dropped."
    )
    assert speaker_of(text, "claim would be dropped") == "Winifred Tate"


def test_she_after_a_woman_named_beside_her_husband() -> None:
    text = (
        "Along with her husband, Dexter Moyle, a banker, Winifred Tate has given money "
        'to both parties. She called the race "a mess".'
    )
    assert speaker_of(text, "a mess") == "Winifred Tate"


def test_he_means_the_man_of_two_with_one_family_name() -> None:
    text = "Rosalind Pike met Desmond Pike on Monday. He said the council had ignored them."
    assert speaker_of(text, "council had ignored them") == "Desmond Pike"


@pytest.mark.parametrize(
    ("man", "woman"),
    [("Ingvar Lund", "Svetlana Orlova"), ("Gerhard Falke", "Priyanka Rao")],
)
def test_first_names_from_abroad_carry_their_gender(man: str, woman: str) -> None:
    text = f"{man} met {woman} in Geneva on Monday. She said the talks had gone well."
    assert speaker_of(text, "talks had gone well") == woman
    text = f"{woman} met {man} in Geneva on Monday. He said the talks had gone well."
    assert speaker_of(text, "talks had gone well") == man


def test_a_name_carried_by_men_and_women_blocks_neither_pronoun() -> None:
    text = (
        '"We will not give up," said Marty Kell, who leads the parents\' group. '
        "She said the school board had until May to decide."
    )
    assert speaker_of(text, "school board had until May") == "Marty Kell"
    assert "marty" in lx.MALE_NAMES and "marty" in lx.FEMALE_NAMES


@pytest.mark.parametrize(
    "word",
    [
        "chase",
        "hunter",
        "major",
        "young",
        "may",
        "summer",
        "chelsea",
        "sydney",
        "clinton",
        "taylor",
    ],
)
def test_words_places_and_family_names_are_not_first_names(word: str) -> None:
    assert word not in lx.FIRST_NAMES


def test_first_names_are_single_lower_case_words_and_never_not_names() -> None:
    for name in lx.FIRST_NAMES:
        assert name == name.lower() and " " not in name, name
    # "Will" alone is both ("Will Smith", "Will the deal hold?").
    assert not (lx.FIRST_NAMES & lx.NOT_NAMES) - {"will"}


def test_a_hyphenated_first_name_carries_its_gender() -> None:
    text = "Jean-Pierre Roux met Anne-Marie Blanc on Monday. She said the plan would fail."
    assert speaker_of(text, "plan would fail") == "Anne-Marie Blanc"


def test_kim_is_a_name_men_carry_too() -> None:
    text = 'Kim Tarrant will race on Sunday. Tarrant won here in 2003. "I like it," he said.'
    assert speaker_of(text, "I like it") == "Kim Tarrant"


@pytest.mark.parametrize("first", ["Dean", "Earl"])
def test_a_title_that_is_also_a_first_name_before_a_family_name_alone(first: str) -> None:
    text = f"A spokesman for the port, {first} Marsh, said the ferry would sail at noon."
    assert speaker_of(text, "ferry would sail") == f"{first} Marsh"


def test_the_same_title_before_a_whole_name_is_a_role() -> None:
    quote = extract("“The chapel will reopen,” said Dean Alan Marsh.").quotes[0]
    assert (quote.speaker, quote.role) == ("Alan Marsh", "Dean")
