"""Direct quotations end to end: which quoted words are quotations, and whose."""

from __future__ import annotations

from quotecli.extract import extract


def direct(text: str) -> list[tuple[str | None, str]]:
    """(speaker, words) of each direct quotation, a split one a part at a time."""
    out = []
    for q in extract(text).quotes:
        if q.kind != "direct":
            continue
        for start, end in q.parts or [(q.start, q.end)]:
            out.append((q.speaker, text[start:end]))
    return out


def test_a_quotation_goes_on_after_a_verb_first_attribution():
    text = (
        '"It was a hard game," said the Ohio senator Ruth Kemp, '
        '"because we lost our best player in the first half."'
    )
    assert direct(text) == [
        ("Ruth Kemp", "It was a hard game,"),
        ("Ruth Kemp", "because we lost our best player in the first half."),
    ]


def test_a_quotation_goes_on_after_a_name_with_an_abbreviation():
    text = '"We lost," Gov. Alan Pike said, "but we will be back next spring."'
    assert direct(text) == [
        ("Alan Pike", "We lost,"),
        ("Alan Pike", "but we will be back next spring."),
    ]
