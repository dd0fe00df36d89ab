"""Hard-wrapped text: which line breaks end paragraphs, and offsets back into the original."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from quotecli.extract import extract
from quotecli.extract.layout import normalise

WRAPPED = (
    "Ministers have promised to publish the review of rail fares before the\n"
    'end of the month. "We know that passengers are angry, and they have\n'
    'every right to be," said Helen Ward, the transport secretary, on\n'
    "Wednesday.\n"
    "\n"
    "Labour said the delay was a sign that the government had lost control\n"
    "of the railways."
)


def _words(text: str) -> str:
    return " ".join(text.split())


def test_text_without_wrapping_is_read_as_it_is() -> None:
    text = 'One line.\n\n"A quote," she said.\n\nA third paragraph, a little longer.'
    layout = normalise(text)
    assert layout.text is text
    assert not layout.edited


def test_wrap_breaks_are_read_as_spaces_and_blank_lines_end_paragraphs() -> None:
    layout = normalise(WRAPPED)
    assert layout.text == (
        "Ministers have promised to publish the review of rail fares before the "
        'end of the month. "We know that passengers are angry, and they have '
        'every right to be," said Helen Ward, the transport secretary, on '
        "Wednesday.\n\nLabour said the delay was a sign that the government had lost "
        "control of the railways."
    )


def test_a_quotation_over_a_line_break_is_found_with_offsets_into_the_original() -> None:
    (_, quote, claim) = extract(WRAPPED).quotes
    assert quote.kind == "direct"
    assert quote.speaker == "Helen Ward"
    assert quote.text == "We know that passengers are angry, and they have every right to be,"
    # The offsets index the original; ``text`` is its words, the line break read as a space.
    assert WRAPPED[quote.start : quote.end].replace("\n", " ") == quote.text
    assert "\n" not in quote.context
    assert WRAPPED[quote.context_start : quote.context_end].replace("\n", " ") == quote.context
    assert claim.text == "the delay was a sign that the government had lost control of the railways"
    assert claim.speaker == "Labour"


def test_same_quotes_as_the_text_on_one_line() -> None:
    flat = re.sub(r"(?<=\S)\n(?=\S)", " ", WRAPPED)
    assert len(flat) == len(WRAPPED)

    def rows(text: str) -> list[tuple]:
        return [(q.start, q.end, q.kind, q.speaker, q.cue, q.text) for q in extract(text).quotes]

    assert rows(WRAPPED) == rows(flat)


def test_one_paragraph_a_line_is_not_joined() -> None:
    # Lines of unwrapped paragraphs vary in length and end their sentences.
    text = (
        "The council has approved plans for a new library in the town centre.\n"
        '"It will be open seven days a week," said councillor Jane Moss.\n'
        "Work is due to start in the spring."
    )
    assert normalise(text).text == text


def test_a_short_line_ends_its_paragraph() -> None:
    text = (
        "The strike will go ahead on Monday after talks broke down late on\n"
        "Friday night.\n"
        "Union leaders said they had been left with no choice, and warned that\n"
        "further action could follow."
    )
    assert normalise(text).text == (
        "The strike will go ahead on Monday after talks broke down late on Friday night.\n"
        "Union leaders said they had been left with no choice, and warned that "
        "further action could follow."
    )


def test_an_indented_line_starts_a_paragraph() -> None:
    text = (
        "    The storm brought down trees across the county and left thousands\n"
        "of homes without power for most of the weekend, the company said in a\n"
        "statement.\n"
        '    "Our engineers have worked through the night," a spokesman said, "and\n'
        'most homes will be reconnected today."'
    )
    paragraphs = normalise(text).text.split("\n")
    assert len(paragraphs) == 2
    (quote,) = [q for q in extract(text).quotes if q.kind == "direct"]
    assert quote.text.startswith("Our engineers") and quote.text.endswith("reconnected today.")
    assert quote.speaker_type == "anonymous"


def test_a_list_item_after_a_finished_sentence_starts_a_paragraph() -> None:
    text = (
        "The report makes three recommendations to the board of the hospital trust:\n"
        "- more nurses on night shifts in the accident and emergency department\n"
        "- a review of waiting times"
    )
    assert normalise(text).text.count("\n") == 2


def test_a_dash_that_opens_a_line_inside_a_sentence_was_wrapped_there() -> None:
    text = (
        "The chairman said the plan - which has been opposed by most of the club's\n"
        "- supporters would be put to a vote of members in the summer, and that\n"
        "he expected it to pass."
    )
    assert "\n" not in normalise(text).text


def test_a_word_hyphenated_over_a_line_break_is_one_word() -> None:
    text = (
        '"This has been a long and difficult campaign for the families of the long-\n'
        "term patients,\" said Dr Ruth Evans, who chairs the patients' group in the city."
    )
    layout = normalise(text)
    assert "long-term patients" in layout.text
    (quote,) = extract(text).quotes
    assert quote.text.endswith("the long-term patients,")
    assert text[quote.start : quote.end].endswith("long-\nterm patients,")
    assert quote.speaker == "Ruth Evans"


def test_crlf_line_ends_read_as_lf_with_offsets_into_the_original() -> None:
    text = WRAPPED.replace("\n", "\r\n")
    layout = normalise(text)
    assert "\r" not in layout.text
    assert layout.text == normalise(WRAPPED).text
    quotes = extract(text).quotes
    assert [(q.text, q.speaker) for q in quotes] == [
        (q.text, q.speaker) for q in extract(WRAPPED).quotes
    ]
    for q in quotes:
        assert _words(text[q.start : q.end]) == _words(q.text)


def test_runs_of_spaces_are_read_as_one() -> None:
    text = 'The firm said  profits  had risen.  "We are delighted,"  its chairman said.'
    layout = normalise(text)
    assert layout.text == 'The firm said profits had risen. "We are delighted," its chairman said.'
    for q in extract(text).quotes:
        assert text[q.start : q.end] == q.text  # no line break inside: the original as it is


def test_offsets_map_back_through_every_edit() -> None:
    text = "a  b\r\n\r\nc\td"
    layout = normalise(text)
    assert layout.text == "a b\n\nc d"
    for i, char in enumerate(layout.text):
        if not char.isspace():
            assert text[layout.start(i)] == char
            assert text[layout.end(i + 1) - 1] == char


# Text made of words, spaces, line breaks of all kinds and quotation marks.
PIECES = [
    "a",
    "b",
    "Hi",
    "said",
    '"',
    "“",
    "”",
    ".",
    ",",
    "-",
    " ",
    "  ",
    "\t",
    "\n",
    "\r\n",
    "\n\n",
]
layouts = st.lists(st.sampled_from(PIECES), max_size=200).map("".join)


@settings(max_examples=200, deadline=None)
@given(layouts)
def test_normalising_changes_only_white_space(text: str) -> None:
    layout = normalise(text)
    assert re.sub(r"\s", "", layout.text) == re.sub(r"\s", "", text)
    assert "\r" not in layout.text
    for i, char in enumerate(layout.text):
        if not char.isspace():
            assert text[layout.start(i)] == char


@settings(max_examples=200, deadline=None)
@given(layouts)
def test_quotes_in_any_layout_index_the_original(text: str) -> None:
    for q in extract(text).quotes:
        assert 0 <= q.start <= q.end <= len(text)
        assert _words(text[q.start : q.end]) == _words(q.text)
        assert "\n" not in q.text and "\r" not in q.text


def test_extract_prints_a_wrapped_quotation_on_one_tsv_row(tmp_path) -> None:
    from clirun import run

    article = tmp_path / "wire.txt"
    article.write_bytes(WRAPPED.replace("\n", "\r\n").encode())
    result = run("extract", str(article), "--format", "tsv")
    assert result.exit_code == 0
    header, *rows = result.stdout.splitlines()
    fields = header.split("\t")
    direct = [dict(zip(fields, row.split("\t"), strict=True)) for row in rows]
    (row,) = [r for r in direct if r["kind"] == "direct"]
    assert row["speaker"] == "Helen Ward"
    assert row["text"] == "We know that passengers are angry, and they have every right to be,"
    # The offsets index the article as it is read (its CRLF line ends as LF).
    text = article.read_text()
    assert _words(text[int(row["start"]) : int(row["end"])]) == row["text"]
