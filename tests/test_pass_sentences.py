"""Where ``parse`` ends sentences: full stops of abbreviations and of acronyms."""

from __future__ import annotations

import pytest

from quotecli.extract import extract
from quotecli.extract.document import parse


def sentences(text: str) -> list[str]:
    doc = parse(text)
    return [text[s.start : s.end] for s in doc.sentences]


@pytest.mark.parametrize(
    "text",
    [
        "Ms. Okafor said the vote was close.",
        "Dr. Lind and Mr. Pye left early.",
        "The firm, Acme Corp. of Ohio, said no.",
        "Gov. Moss spoke on Tuesday.",
    ],
)
def test_a_title_or_abbreviation_does_not_end_a_sentence(text):
    assert sentences(text) == [text]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        (
            "The drug helps people with MS. Approval should follow soon, doctors said.",
            "The drug helps people with MS.",
        ),
        ("The vote closes at 8pm EST. Polls open at dawn.", "The vote closes at 8pm EST."),
    ],
)
def test_an_acronym_in_capitals_ends_a_sentence_though_its_word_is_a_title(text, first):
    assert sentences(text)[0] == first


def test_a_claim_before_its_cue_starts_after_an_acronym_that_ends_a_sentence():
    text = (
        "The spray eases pain for people with MS. Its approval should be a formality,"
        " analysts said, and the maker hopes to sell it next year."
    )
    (quote,) = extract(text).quotes
    assert quote.text.startswith("Its approval should be a formality")
    assert quote.speaker == "analysts"
