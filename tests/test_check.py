"""check: did this speaker say these words? Verdicts, diffs, splices, exit status."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from clirun import run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotecli.check import (
    CLOSE,
    NOT_FOUND,
    SAID,
    SOMEONE_ELSE,
    SPLICED,
    check_quote,
    word_diff,
)
from quotecli.errors import NotFoundError, QueryError
from quotecli.model import Article
from quotecli.store import Store

BUDGET = (
    "The finance minister, Clara Voss, spoke on Monday. “We will not raise income tax this year,”"
    " Voss said. Later she added: “Borrowing must fall before the election.”\n"
    "“We will protect the schools budget,” she told reporters."
)
# The same words, reported a week later under another speaker.
ECHO = "“We will not raise income tax this year,” said opposition leader Ben Carter."
# Two sentences the engine gave as two quotes, one right after the other.
SPLIT = "“The port is open. Ships are loading again,” said harbour chief Ada Moss."


@pytest.fixture
def store(isolated_db: Path, extraction_for):
    with Store(isolated_db) as store:
        store.add_article(
            Article(BUDGET, "budget.txt", title="No tax rise", date="2005-03-01"),
            extraction_for(
                BUDGET,
                [
                    {"speaker": "Clara Voss", "quote": "We will not raise income tax this year,"},
                    {"speaker": "Clara Voss", "quote": "Borrowing must fall before the election."},
                    {"speaker": "Clara Voss", "quote": "We will protect the schools budget,"},
                ],
            ),
        )
        store.add_article(
            Article(ECHO, "echo.txt", title="Carter echoes", date="2005-03-08"),
            extraction_for(ECHO, [{"speaker": "Ben Carter", "quote": ECHO[1:40]}]),
        )
        store.add_article(
            Article(SPLIT, "port.txt", title="Port reopens", date="2005-03-09"),
            extraction_for(
                SPLIT,
                [
                    {"speaker": "Ada Moss", "quote": "The port is open."},
                    {"speaker": "Ada Moss", "quote": "Ships are loading again,"},
                ],
            ),
        )
        yield store


def test_exact_words_by_the_speaker(store):
    result = check_quote(store, "we will NOT raise income-tax this year", speaker="voss")
    assert result.verdict == SAID and result.verbatim
    assert result.summary == "Said verbatim by Clara Voss."
    best = result.rows[0]
    assert (best["match"], best["speaker"]) == ("exact", "Clara Voss")
    assert best["article"] == "No tax rise"
    assert best["date"] == "2005-03-01"
    # The other speaker who said the same words is listed after.
    assert [r["speaker"] for r in result.rows] == ["Clara Voss", "Ben Carter"]


def test_close_words_show_a_diff(store):
    result = check_quote(store, "We will never raise income tax this year", speaker="Clara Voss")
    assert result.verdict == CLOSE and not result.verbatim
    assert result.rows[0]["diff"] == "We will [-not-] {+never+} raise income tax this year"
    assert result.summary == "Close: Clara Voss said something close (2 words differ)."


def test_dropped_and_added_words(store):
    result = check_quote(store, "We will protect the whole schools budget")
    assert result.verdict == CLOSE
    assert result.rows[0]["diff"] == "We will protect the {+whole+} schools budget"
    dropped = check_quote(store, "Borrowing must fall before election")
    assert dropped.rows[0]["diff"] == "Borrowing must fall before [-the-] election"


def test_a_changed_first_or_last_word_shows_what_it_replaced(store):
    first = check_quote(store, "They will protect the schools budget")
    assert first.rows[0]["diff"] == "[-We-] {+They+} will protect the schools budget"
    last = check_quote(store, "Borrowing must fall before the vote")
    assert last.rows[0]["diff"] == "Borrowing must fall before the [-election-] {+vote+}"


def test_word_diff_marks_insertions_and_deletions():
    said = ["We", "must", "cut", "the", "deficit", "now"]
    claimed = ["We", "will", "cut", "the", "huge", "deficit"]
    assert word_diff(said, claimed) == "We [-must-] {+will+} cut the {+huge+} deficit [-now-]"


def test_said_by_someone_else(store):
    result = check_quote(store, "Borrowing must fall before the election", speaker="Ben Carter")
    assert result.verdict == SOMEONE_ELSE
    assert result.summary == ("Said by someone else: Clara Voss said these words, not Ben Carter.")
    assert result.rows[0]["speaker"] == "Clara Voss"


def test_the_speakers_own_quote_comes_first_even_when_another_is_closer(store):
    result = check_quote(store, "We will not raise income tax this year", speaker="Carter")
    assert result.verdict == SAID
    assert [r["speaker"] for r in result.rows] == ["Ben Carter", "Clara Voss"]


def test_not_found(store):
    result = check_quote(store, "Fishing quotas will double next spring")
    assert result.verdict == NOT_FOUND and result.rows == []


def test_two_quotes_joined_are_a_splice(store):
    result = check_quote(
        store, "We will not raise income tax this year, borrowing must fall before the election"
    )
    assert result.verdict == SPLICED
    assert result.summary == (
        "Spliced: Clara Voss said the first 8 words in one quote and the other 6 in another."
    )
    assert [r["match"] for r in result.rows] == ["part", "part"]


def test_an_ellipsis_joining_two_quotes_is_a_splice(store):
    result = check_quote(store, "We will not raise income tax … protect the schools budget")
    assert result.verdict == SPLICED
    assert "2 different quotes" in result.summary


def test_an_ellipsis_hiding_a_cut_inside_one_quote(store):
    result = check_quote(store, "We will not raise... this year")
    assert result.verdict == SPLICED
    assert "in one quote, but the ellipsis leaves words out" in result.summary


def test_an_ellipsis_the_quote_itself_has_is_no_cut(isolated_db, extraction_for):
    text = "“We tried … and we failed,” admitted coach Lee Park."
    with Store(isolated_db) as store:
        store.add_article(
            Article(text, "park.txt"),
            extraction_for(text, [{"speaker": "Lee Park", "quote": "We tried … and we failed,"}]),
        )
        assert check_quote(store, "We tried... and we failed").verdict == SAID


def test_two_quotes_back_to_back_are_one_thing_said(store):
    result = check_quote(store, "The port is open. Ships are loading again.")
    assert result.verdict == SAID
    assert "two quotes that follow each other" in result.summary


def test_dates_narrow_the_check(store):
    from quotecli.filters import QuoteFilter

    later = QuoteFilter(since="2005-03-05")
    result = check_quote(store, "We will not raise income tax this year", "Voss", later)
    assert result.verdict == SOMEONE_ELSE


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=80))
def test_any_text_gets_a_verdict_or_a_query_error(store, text):
    try:
        result = check_quote(store, text)
    except QueryError:
        return
    assert result.verdict in (SAID, CLOSE, SOMEONE_ELSE, SPLICED, NOT_FOUND)
    assert result.verbatim == (result.verdict == SAID)


def test_bad_input(store):
    with pytest.raises(QueryError):
        check_quote(store, " … !! ")
    with pytest.raises(NotFoundError, match="no speaker called 'Nobody Here'"):
        check_quote(store, "income tax", speaker="Nobody Here")


# command line ------------------------------------------------------------------------


def test_cli_exit_status_says_whether_it_was_said_verbatim(store):
    said = run("check", "We will not raise income tax this year", "--speaker", "Voss")
    assert said.exit_code == 0
    assert said.stderr == "Said verbatim by Clara Voss.\n"
    header, first, *_ = said.stdout.splitlines()
    assert header.split("\t") == [
        *("verdict", "match", "speaker", "text", "diff", "article", "id"),
        *("date", "source", "author", "context"),
    ]
    assert first.split("\t")[:3] == ["said", "exact", "Clara Voss"]
    close = run("check", "We will never raise income tax this year", "-s", "Voss")
    assert close.exit_code == 1
    assert close.stdout.splitlines()[1].split("\t")[:2] == ["close", "close"]
    nothing = run("check", "Fishing quotas will double")
    assert nothing.exit_code == 1
    assert nothing.stdout == ""
    assert nothing.stderr == "Not found in the archive.\n"


def test_cli_json_carries_every_field(store):
    result = run("check", "We", "will", "never", "raise", "income", "tax", "--json")
    rows = json.loads(result.stdout)
    assert list(rows[0]) == [
        *("verdict", "match", "speaker", "text", "diff", "similarity", "id", "article_id"),
        *("article", "date", "source", "author", "context", "kind", "cue"),
    ]


def test_cli_table_colours_the_diff_and_marks_it_without_colour(store, monkeypatch):
    plain = run("check", "We will never raise income tax", "-f", "table", "--no-color")
    assert "[-not-]" in plain.stdout and "{+never+}" in plain.stdout
    assert "Close: Clara Voss said something close" in plain.stdout
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("TERM", raising=False)
    coloured = run("check", "We will never raise income tax", "-f", "table")
    assert "\x1b[" in coloured.stdout
    assert "[-not-]" in coloured.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("check", ""), "Error: nothing to search for in ''"),
        (("check", "...", "--speaker", "Voss"), "Error: nothing to search for"),
        (("check", "income tax", "--speaker", "Nobody Here"), "Error: no speaker called"),
        (("check", "income tax", "--speaker", " "), "Error: empty speaker name"),
        (("check", "income tax", "--since", "2005-04", "--until", "2005-03"), "Error: --since"),
        (("check", "income tax", "--until", "soon"), "Error: --until: cannot read 'soon'"),
    ],
)
def test_cli_bad_input(store, args, message):
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr.startswith(message)
    assert result.stdout == ""
