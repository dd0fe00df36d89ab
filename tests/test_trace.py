"""trace: the same quote across articles, grouped at index time, in the order it appeared."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from clirun import run
from hypothesis import given
from hypothesis import strategies as st
from sqlite_utils import Database

from quotecli.errors import NotFoundError
from quotecli.migrations import MIGRATIONS, migrate
from quotecli.model import Article
from quotecli.search import get_quote
from quotecli.store import Store
from quotecli.trace import containment, shingles, trace, winnow

PLEDGE = "We will build forty new homes on the old dairy site before next winter"
# The pledge as three papers printed it: whole, with a word changed, cut short and split.
REPORTS = [
    ("2005-03-03", "Ann Kell", f"“{PLEDGE},” said Ann Kell."),
    ("2005-03-01", "Ruth Kell", f"Ruth Kell said: “{PLEDGE}.”"),
    (
        "2005-03-09",
        "Dan Pike",
        "Councillor Dan Pike said: “We will build forty new homes on the old dairy site.”",
    ),
    (
        None,
        "Ruth Kell",
        "“We will build forty new houses on the old dairy site before next winter,” Kell said.",
    ),
]
OTHER = "“The library will open on Sundays from May onwards,” said librarian Ivo Marsh."


def _quoted(text: str) -> str:
    return text[text.index("“") + 1 : text.index("”")].rstrip(",.") + (
        "." if text[text.index("”") - 1] == "." else ""
    )


@pytest.fixture
def store(isolated_db: Path, extraction_for):
    with Store(isolated_db) as store:
        for n, (date, speaker, text) in enumerate(REPORTS, start=1):
            store.add_article(
                Article(text, f"paper{n}.txt", title=f"Paper {n}", date=date),
                extraction_for(text, [{"speaker": speaker, "quote": _quoted(text)}]),
            )
        store.add_article(
            Article(OTHER, "library.txt", title="Library", date="2005-03-02"),
            extraction_for(OTHER, [{"speaker": "Ivo Marsh", "quote": _quoted(OTHER)}]),
        )
        yield store


def test_every_copy_is_found_in_date_order(store):
    rows, how = trace(store, "forty new homes on the old dairy site")
    assert how == "phrase"
    assert [(r["date"], r["article"], r["seen"]) for r in rows] == [
        ("2005-03-01", "Paper 2", "first"),
        ("2005-03-03", "Paper 1", "later"),
        ("2005-03-09", "Paper 3", "later"),
        (None, "Paper 4", "later"),
    ]


def test_a_different_speaker_is_flagged(store):
    rows, _ = trace(store, "1")
    flagged = {r["speaker"]: r["speaker_differs"] for r in rows}
    assert flagged == {"Ruth Kell": False, "Ann Kell": True, "Dan Pike": True}


def test_an_unrelated_quote_stands_alone(store):
    rows, _ = trace(store, "library will open on Sundays")
    assert [r["article"] for r in rows] == ["Library"]
    assert rows[0]["seen"] == "first" and rows[0]["speaker_differs"] is False


def test_dates_narrow_the_appearances(store):
    from quotecli.filters import QuoteFilter

    rows, _ = trace(store, "dairy site", QuoteFilter(since="2005-03-02", until="2005-03-05"))
    assert [r["article"] for r in rows] == ["Paper 1"]


def test_show_says_how_many_other_articles_carry_the_quote(store):
    assert get_quote(store, 1)["same_quote_articles"] == 3
    assert get_quote(store, 5)["same_quote_articles"] == 0


def test_removed_articles_leave_their_group(store):
    store.remove_articles([2])  # the first appearance, and the group's first quote
    rows, _ = trace(store, "1")
    assert [r["article"] for r in rows] == ["Paper 1", "Paper 3", "Paper 4"]


def test_a_quote_indexed_after_its_group_lost_its_first_member_still_joins(store, extraction_for):
    store.remove_articles([1, 2])
    text = f"Ruth Kell repeated: “{PLEDGE}.”"
    store.add_article(
        Article(text, "paper9.txt", title="Paper 9", date="2005-04-01"),
        extraction_for(text, [{"speaker": "Ruth Kell", "quote": _quoted(text)}]),
    )
    rows, _ = trace(store, "dairy site before next winter")
    assert sorted(r["article"] for r in rows) == ["Paper 3", "Paper 4", "Paper 9"]


def test_unknown_id_and_no_match(store):
    with pytest.raises(NotFoundError, match="no quote with id 99"):
        trace(store, "99")
    assert trace(store, "zebra crossing at dawn") == ([], "")


def test_fingerprints_survive_cuts_and_edits():
    whole = set(shingles(PLEDGE))
    cut = set(shingles("We will build forty new homes on the old dairy site"))
    edited = set(shingles(PLEDGE.replace("homes", "houses")))
    assert containment(cut, whole) == 1.0
    assert containment(edited, whole) >= 0.5
    assert winnow(shingles(PLEDGE)) & winnow(shingles("forty new homes on the old dairy site"))
    assert containment(set(shingles(_quoted(OTHER))), whole) == 0.0


@given(st.text(max_size=200))
def test_fingerprints_of_any_text(text):
    hashes = shingles(text)
    prints = winnow(hashes)
    assert prints <= set(hashes)
    assert bool(prints) == bool(hashes)


def test_migration_groups_quotes_indexed_before(tmp_path: Path, extraction_for):
    path = tmp_path / "old.db"
    db = Database(path)
    migrate(db, [fn for fn in MIGRATIONS if fn.__name__ != "m009_quote_groups"])
    for n, (_, _, text) in enumerate(REPORTS[:2], start=1):
        quote = _quoted(text)
        start = text.index(quote)
        db.execute(
            "INSERT INTO articles (source, hash, text, indexed_at) VALUES (?, ?, ?, '2024')",
            [f"{n}.txt", f"h{n}", text],
        )
        db.execute(
            'INSERT INTO quotes (article_id, text, kind, start, "end") VALUES (?, ?, ?, ?, ?)',
            [n, quote, "direct", start, start + len(quote)],
        )
    db.conn.commit()
    db.close()
    with Store(path) as store:
        assert [r["id"] for r in trace(store, "1")[0]] == [1, 2]


# command line ------------------------------------------------------------------------


def test_cli_trace_tsv(store):
    result = run("trace", "forty", "new", "homes", "-f", "tsv")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split("\t") == [
        *("seen", "date", "speaker", "speaker_differs", "text", "article", "id"),
        *("source", "author", "context"),
    ]
    assert [line.split("\t")[:4] for line in lines[1:]] == [
        ["first", "2005-03-01", "Ruth Kell", "false"],
        ["later", "2005-03-03", "Ann Kell", "true"],
        ["later", "2005-03-09", "Dan Pike", "true"],
        ["later", "", "Ruth Kell", "false"],
    ]
    assert result.stderr == (
        "In 4 articles; first seen 2005-03-01 in Paper 2; 3 different speakers: Ruth Kell,"
        " Ann Kell, Dan Pike.\n"
    )


def test_cli_trace_json_rows_are_quote_rows_then_seen_and_speaker_differs(store):
    from quotecli.search import QUOTE_COLUMNS

    rows = json.loads(run("trace", "2", "--json").stdout)
    assert list(rows[0]) == [*QUOTE_COLUMNS, "seen", "speaker_differs"]


def test_cli_trace_table_flags_other_speakers_and_cut_rows(store):
    result = run("trace", "2", "-n", "2", "-f", "table", "--no-color")
    assert "other" in result.stdout and "speaker" in result.stdout.split("Mayor")[-1]
    assert "2 of 4 shown; --limit 0 for all" in result.stdout


@pytest.mark.parametrize(
    ("args", "status", "message"),
    [
        (("trace", "   "), 2, "Error: nothing to search for"),
        (("trace", "99"), 2, "Error: no quote with id 99"),
        (("trace", "zebra crossing at dawn"), 1, 'No quote matches "zebra crossing at dawn".'),
        (("trace", "dairy", "--since", "2005-05", "--until", "2005-04"), 2, "Error: --since"),
        (("trace", "dairy", "--since", "whenever"), 2, "Error: --since: cannot read"),
        (("trace", "dairy", "--since", "2006"), 1, "The quote appears nowhere since 2006."),
    ],
)
def test_cli_trace_bad_input_and_nothing_found(store, args, status, message):
    result = run(*args)
    assert result.exit_code == status
    assert result.stderr.startswith(message)
    assert result.stdout == ""


def test_clearing_the_index_clears_the_groups(store):
    store.clear()
    assert store.scalar("SELECT count(*) FROM quote_groups") == 0
    assert store.scalar("SELECT count(*) FROM quote_prints") == 0
