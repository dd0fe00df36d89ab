"""Which reported clauses and partly quoted claims are found, and where they start and end."""

from __future__ import annotations

from quotecli.extract import extract
from quotecli.model import DIRECT, Quote


def quotes(text: str) -> list[Quote]:
    found = list(extract(text).quotes)
    for q in found:
        assert text[q.start : q.end] == q.text
    return found


def test_a_programme_title_after_the_cue_of_a_quotation_is_no_claim():
    text = '"The scheme is a shambles," Ms Okafor said on Sunday on ITV\'s "Weekend Politics."'
    found = quotes(text)
    assert [(q.text, q.kind) for q in found] == [("The scheme is a shambles,", DIRECT)]


def test_quoted_words_after_the_cue_and_a_comma_still_go_on():
    text = '"We looked at the figures," she said, "and they are alarming."'
    found = quotes(text)
    assert all("Weekend" not in q.text for q in found)
    assert any("and they are alarming." in q.text for q in found)
