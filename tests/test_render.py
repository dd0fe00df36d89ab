"""render(): one function, five formats; the machine formats are a contract."""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotecli.render import FORMATS, color_enabled, make_console, render, render_quote

ROWS = [
    {"id": 1, "speaker": "Ada Byron", "text": "We will\tbuild it.", "score": 0.5},
    {"id": 2, "speaker": None, "text": 'Two lines,\nand a "quote".', "score": 1.25},
]


def _render(fmt: str, rows=ROWS, columns=("id", "speaker", "text"), **kwargs) -> str:
    out = io.StringIO()
    render(rows, columns, fmt, out=out, color=False, **kwargs)
    return out.getvalue()


def test_tsv_escapes_tabs_and_newlines_and_keeps_everything():
    assert _render("tsv") == (
        'id\tspeaker\ttext\n1\tAda Byron\tWe will\\tbuild it.\n2\t\tTwo lines,\\nand a "quote".\n'
    )


def test_tsv_escapes_backslash_so_escapes_are_unambiguous():
    rows = [{"text": "a\\tb\r"}]
    assert _render("tsv", rows, ("text",)) == "text\na\\\\tb\\r\n"


def test_tsv_does_not_truncate_long_cells():
    rows = [{"text": "word " * 500}]
    assert _render("tsv", rows, ("text",)).splitlines()[1] == "word " * 500


def test_csv():
    assert _render("csv") == (
        'id,speaker,text\n1,Ada Byron,We will\tbuild it.\n2,,"Two lines,\nand a ""quote""."\n'
    )


def test_json_is_a_list_of_objects_with_the_columns_in_order():
    text = _render("json", columns=("text", "id"))
    assert json.loads(text) == [
        {"text": "We will\tbuild it.", "id": 1},
        {"text": 'Two lines,\nand a "quote".', "id": 2},
    ]
    assert text.index('"text"') < text.index('"id"')


def test_json_empty_columns_means_every_field():
    assert json.loads(_render("json", columns=())) == ROWS


def test_jsonl_is_one_object_per_line():
    assert _render("jsonl", columns=("id", "speaker")) == (
        '{"id": 1, "speaker": "Ada Byron"}\n{"id": 2, "speaker": null}\n'
    )


def test_json_keeps_non_ascii_readable():
    rows = [{"text": "“Grüße,” she said."}]
    assert _render("json", rows, ("text",)) == '[\n  {\n    "text": "“Grüße,” she said."\n  }\n]\n'


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("tsv", "id\tspeaker\n"),
        ("csv", "id,speaker\n"),
        ("json", "[]\n"),
        ("jsonl", ""),
    ],
)
def test_no_rows(fmt, expected):
    assert _render(fmt, [], ("id", "speaker")) == expected


def test_missing_key_is_an_empty_cell():
    assert _render("tsv", [{"id": 3}], ("id", "speaker")) == "id\tspeaker\n3\t\n"


def test_table_wraps_instead_of_cropping(monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    sentence = "The committee will publish every figure before the vote on Thursday afternoon."
    rows = [{"id": 7, "speaker": "Council spokesperson", "text": sentence}]
    text = _render("table", rows, ("id", "speaker", "text"))
    assert "…" not in text
    assert all(len(line) <= 60 for line in text.splitlines())
    words_shown = " ".join(text.split())
    for word in sentence.split():
        assert word.strip(".") in words_shown


def test_table_shows_friendly_headers_and_title():
    text = _render("table", title="Who said it")
    assert "Who said it" in text
    assert "quote" in text
    assert "We will" in text


def test_table_cells_are_not_rich_markup():
    rows = [{"text": "[bold]not markup[/bold] and :smile:"}]
    text = _render("table", rows, ("text",))
    assert "[bold]not markup[/bold]" in text
    assert ":smile:" in text


def test_table_without_color_has_no_escape_codes():
    assert "\x1b[" not in _render("table")


def test_unknown_format():
    with pytest.raises(ValueError, match="unknown format"):
        _render("xml")


def test_formats_constant():
    assert FORMATS == ("table", "tsv", "csv", "json", "jsonl")


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("stream", "env", "flag", "expected"),
    [
        (_Tty(), {}, False, True),
        (_Tty(), {}, True, False),
        (_Tty(), {"NO_COLOR": "1"}, False, False),
        (_Tty(), {"TERM": "dumb"}, False, False),
        (io.StringIO(), {}, False, False),
        (io.StringIO(), {"FORCE_COLOR": "1"}, False, True),
        (io.StringIO(), {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False, False),
        (io.StringIO(), {"FORCE_COLOR": "1"}, True, False),
        (_Tty(), {"NO_COLOR": ""}, False, True),
    ],
)
def test_color_enabled(stream, env, flag, expected):
    assert color_enabled(stream, no_color=flag, environ=env) is expected


def test_forced_color_reaches_a_pipe():
    out = io.StringIO()
    console = make_console(out, color=True)
    console.print("hi", style="bold red")
    assert "\x1b[" in out.getvalue()


def test_console_without_color_writes_plain_text():
    out = _Tty()
    make_console(out, color=False).print("hi", style="bold red")
    assert out.getvalue() == "hi\n"


_PARAGRAPH = "The engineer was certain. We will build it, she said on Monday."
# The paragraph sits 100 characters into its article; offsets are article offsets.
QUOTE_ROW = {
    "id": 4,
    "speaker": "Ada Byron",
    "kind": "direct",
    "cue": "said",
    "text": "We will build it",
    "article": "engines.txt",
    "start": 100 + _PARAGRAPH.index("We will"),
    "end": 100 + _PARAGRAPH.index("We will") + len("We will build it"),
    "paragraph": _PARAGRAPH,
    "paragraph_start": 100,
}


def test_render_quote_marks_the_quote_without_color():
    out = io.StringIO()
    render_quote(QUOTE_ROW, out=out, color=False)
    text = out.getvalue()
    assert "**We will build it**" in " ".join(text.split()).replace("│", "")
    assert "Quote 4: Ada Byron (direct)" in text
    assert "paragraph_start" in text


def test_render_quote_marks_each_part_of_an_interrupted_quotation():
    paragraph = "“We will build it,” she said, “and it will work.”"
    row = {
        **QUOTE_ROW,
        "paragraph": paragraph,
        "start": 101,
        "end": 100 + paragraph.index("work.") + 5,
        "parts": [
            [101, 100 + paragraph.index(",”") + 1],
            [100 + paragraph.index("and"), 100 + paragraph.index("work.") + 5],
        ],
    }
    out = io.StringIO()
    render_quote(row, out=out, color=False)
    text = " ".join(out.getvalue().split()).replace("│", "")
    assert "“**We will build it,**” she said, “**and it will work.**”" in " ".join(text.split())


def test_render_quote_highlights_with_color():
    out = io.StringIO()
    render_quote(QUOTE_ROW, out=out, color=True)
    text = out.getvalue()
    assert "**" not in text
    assert "\x1b[" in text


BORDERS = set("│─╭╮╰╯├┤┬┴┼ ")
WORDS = [
    "the",
    "minister",
    "said",
    "“we",
    "will",
    "not",
    "back",
    "down,”",
    "Zelenskyy",
    "munich-ukraine-talks.txt",
    "24",
    "hours",
    "a" * 30,
]


def _ink(text: str) -> int:
    return sum(1 for ch in text if ch not in BORDERS and not ch.isspace())


@settings(max_examples=60, deadline=None)
@given(
    width=st.integers(min_value=20, max_value=200),
    cells=st.lists(
        st.tuples(*[st.lists(st.sampled_from(WORDS), max_size=25).map(" ".join)] * 4),
        min_size=1,
        max_size=4,
    ),
)
def test_table_fits_the_width_and_loses_nothing(width, cells):
    import os
    from unittest import mock

    cols = ("speaker", "text", "article", "context")
    rows = [dict(zip(cols, line, strict=True)) for line in cells]
    out = io.StringIO()
    with mock.patch.dict(os.environ, {"COLUMNS": str(width)}):
        render(rows, cols, "table", out=out, color=False)
    lines = out.getvalue().splitlines()
    assert max(len(line) for line in lines) <= width
    shown = out.getvalue()
    if "context" in shown.splitlines()[1]:
        expected = sum(_ink(cell) for line in cells for cell in line)
    else:  # dropped on a narrow terminal: it repeats the quote
        expected = sum(_ink(cell) for line in cells for cell in line[:3])
    assert _ink(shown) >= expected
    assert "…" not in shown


def test_narrow_terminal_leaves_out_the_context_column(monkeypatch):
    monkeypatch.setenv("COLUMNS", "50")
    rows = [
        {
            "speaker": "Ada Byron",
            "text": "We will build it " * 5,
            "context": "She said: We will build it " * 5,
            "id": 1,
        }
    ]
    text = _render("table", rows, ("speaker", "text", "context", "id"))
    assert "context" not in text
    monkeypatch.setenv("COLUMNS", "160")
    text = _render("table", rows, ("speaker", "text", "context", "id"))
    assert "context" in text


def test_a_narrow_table_breaks_names_and_kinds_between_words_not_inside(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    row = {
        "id": 28,
        "speaker": "Imogen Fairweather",
        "kind": "indirect",
        "cue": "highlighted",
        "text": "that the harbour scheme would pay for itself within a decade " * 2,
        "article": "Harbour plan gains support in council vote",
        "date": "",
    }
    cols = ("id", "speaker", "kind", "cue", "text", "article", "date")
    text = _render("table", [row, {**row, "id": 29}], cols)
    assert max(len(line) for line in text.splitlines()) <= 80
    words = {w for line in text.splitlines() for w in line.replace("│", " ").split()}
    assert {"Fairweather", "indirect", "highlighted"} <= words
    # No article has a date: the blank column gave its room to the others.
    assert "date" not in text


def test_a_blank_column_stays_when_the_table_fits(monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    rows = [{"speaker": "Ada Byron", "text": "We will build it", "date": ""}]
    assert "date" in _render("table", rows, ("speaker", "text", "date"))
