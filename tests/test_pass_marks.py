"""The quotation-mark pass alone: which spans are quotations, with their marks and paragraphs."""

from __future__ import annotations

from quotecli.extract.document import parse
from quotecli.extract.marks import find_quotes


def spans(text: str) -> list[tuple[str, int, bool, bool]]:
    """Each quotation's words, paragraph, whether it carries one on, whether it closes."""
    return [
        (text[s.start : s.end], s.paragraph, s.continues_previous, s.close_mark is not None)
        for s in find_quotes(parse(text))
    ]


def test_straight_and_curly_marks_give_the_same_words():
    assert spans('He said "We sail at dawn," and left.') == [("We sail at dawn,", 0, False, True)]
    assert spans("He said “We sail at dawn,” and left.") == [("We sail at dawn,", 0, False, True)]


def test_offsets_point_inside_the_marks():
    text = "The captain said: “We sail at dawn.”"
    (span,) = find_quotes(parse(text))
    assert text[span.open_mark] == "“" and text[span.close_mark] == "”"
    assert span.start == span.open_mark + 1 and span.outer_end == span.close_mark + 1


def test_a_quotation_reopened_in_the_next_paragraph_carries_on():
    text = "“We sail at dawn. The crew is ready.\n\n“We have food for a week,” the captain said."
    assert spans(text) == [
        ("We sail at dawn. The crew is ready.", 0, False, False),
        ("We have food for a week,", 1, True, True),
    ]


def test_single_marks_around_a_phrase():
    assert spans("She called it ‘a fair deal’ for the town.") == [("a fair deal", 0, False, True)]


def test_a_quotation_inside_a_quotation_stays_inside_it():
    text = "“He told me ‘never again’ last night,” she said."
    assert spans(text) == [("He told me ‘never again’ last night,", 0, False, True)]


def test_apostrophes_are_no_quotation_marks():
    assert spans("The ship’s cook isn’t here, and the crew's mess is shut.") == []


def test_a_mark_never_closed_in_a_last_paragraph_is_no_quotation():
    assert spans("“Never closed") == []


def test_a_quotation_signed_inside_its_marks_closes_before_the_signature():
    text = '"We will not give up on this town.\nJo Roe, a local trader."\n\nThe market shut.'
    (span,) = find_quotes(parse(text))
    assert text[span.start : span.end] == "We will not give up on this town."
    text = '"We will win.\nWe always do."'
    assert all("\n" not in text[s.start : s.end] for s in find_quotes(parse(text)))


def test_an_opening_mark_that_ends_a_paragraph_closes_the_quotation():
    text = "He smiled. “So the blue coat is plan B. I’m glad it worked out.“\n\nThe show went on."
    assert spans(text) == [("So the blue coat is plan B. I’m glad it worked out.", 0, False, True)]


def test_a_nickname_inside_a_name_is_no_quotation():
    text = 'Dwayne "Rocky" Malone, head of the label, said: "We are thrilled."'
    assert spans(text) == [("We are thrilled.", 0, False, True)]
    assert spans("Earvin “Big E” Holt waved.") == []
    # Capitalised words after a lowercase word are a title or a scare quote, kept.
    assert spans('He called the plan "Project Fear" and left.') == [
        ("Project Fear", 0, False, True)
    ]
