"""Citable rows: articles listed, named, removed and pruned; date ranges; cut tables; the seed."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from clirun import run

from quotecli.bundled import seed_paths
from quotecli.model import Article
from quotecli.store import Store

FERRY = "“The ferry will run all winter,” said Harbour Master Lena Ortiz."
TOLLS = "“Tolls will stay as they are,” said Harbour Master Lena Ortiz. Critics disagreed."
MARKET = "“The market reopens on Friday,” said trader Sam Okafor."


@pytest.fixture
def db(isolated_db: Path, extraction_for) -> Path:
    """Three articles from a feed: ids 1-3, feed ids ferry-1, tolls-2, market-3."""
    with Store(isolated_db) as store:
        for n, (text, date, speaker, quote) in enumerate(
            [
                (FERRY, "Mon, 07 Mar 2005 08:00:00 GMT", "Lena Ortiz", FERRY[1:31]),
                (TOLLS, "2005-04-02", "Lena Ortiz", TOLLS[1:30]),
                (MARKET, "someday", "Sam Okafor", MARKET[1:31]),
            ],
            start=1,
        ):
            name = ("ferry", "tolls", "market")[n - 1]
            store.add_article(
                Article(
                    text=text,
                    source=f"https://news.example/{name}",
                    title=f"{name.title()} story",
                    date=date,
                    external_id=f"{name}-{n}",
                    author="Kim Lee",
                    key=f"url:https://news.example/{name}",
                ),
                extraction_for(text, [{"speaker": speaker, "quote": quote}]),
            )
    return isolated_db


def test_articles_lists_id_title_date_source_and_quotes(db):
    result = run("articles", "-f", "tsv")
    assert result.exit_code == 0
    assert result.stdout == (
        "id\ttitle\tdate\tsource\tquotes\tauthor\texternal_id\n"
        "1\tFerry story\t2005-03-07\thttps://news.example/ferry\t1\tKim Lee\tferry-1\n"
        "2\tTolls story\t2005-04-02\thttps://news.example/tolls\t1\tKim Lee\ttolls-2\n"
        "3\tMarket story\tsomeday\thttps://news.example/market\t1\tKim Lee\tmarket-3\n"
    )


def test_articles_filters(db):
    def ids(*args: str) -> list[str]:
        result = run("articles", "-f", "tsv", *args)
        return [line.split("\t")[0] for line in result.stdout.splitlines()[1:]]

    assert ids("winter") == ["1"]
    assert ids("TOLLS", "story") == ["2"]
    assert ids("--source", "market") == ["3"]
    assert ids("--since", "2005-04") == ["2"]
    assert ids("--until", "7 March 2005") == ["1"]
    assert run("articles", "zebra").exit_code == 1


def test_articles_table_says_when_rows_were_cut(db):
    result = run("articles", "-n", "2", "-f", "table", "--no-color")
    assert "2 of 3 shown; --limit 0 for all" in result.stdout
    piped = run("articles", "-n", "2", "-f", "tsv")
    assert piped.stdout.count("\n") == 3
    assert piped.stderr == "2 of 3 shown; --limit 0 for all.\n"


@pytest.mark.parametrize("ref", ["2", "tolls-2", "https://news.example/tolls", "tolls"])
def test_article_named_by_id_feed_id_url_or_file_name(db, ref):
    result = run("list", "--article", ref, "-f", "tsv")
    assert result.exit_code == 0, result.stderr
    assert [line.split("\t")[3] for line in result.stdout.splitlines()[1:]] == [TOLLS[1:30]]


def test_article_not_there_is_an_error(db):
    result = run("list", "--article", "bbc-business-101")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: no article 'bbc-business-101'")


def test_list_since_until(db):
    result = run("list", "--since", "2005-03-01", "--until", "2005-03-31", "-f", "tsv")
    assert [line.split("\t")[-3] for line in result.stdout.splitlines()[1:]] == ["2005-03-07"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--since", "2005-05-01", "--until", "2005-04-01"), "--since 2005-05-01 is after"),
        (("--since", "last week"), "--since: cannot read 'last week' as a date"),
        (("--until", "2005-13-01"), "--until: cannot read"),
    ],
)
def test_bad_dates_are_errors_and_change_nothing(db, args, message):
    before = db.read_bytes()
    for command in (("list",), ("who-said", "ferry"), ("articles",)):
        result = run(*command, *args)
        assert result.exit_code == 2
        assert result.stderr.startswith(f"Error: {message}")
        assert result.stdout == ""
    assert db.read_bytes() == before


def test_who_said_takes_words_without_quotes(db):
    result = run("who-said", "ferry", "will", "run", "-f", "tsv")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1].startswith("Lena Ortiz\t")


def test_who_said_speaker_and_dates(db):
    result = run("who-said", "will", "--speaker", "ortiz", "--since", "2005-04", "-f", "tsv")
    rows = result.stdout.splitlines()[1:]
    assert [r.split("\t")[3] for r in rows] == [TOLLS[1:30]]
    assert run("who-said", "market", "--speaker", "Lena Ortiz").exit_code == 1


def test_who_said_speaker_not_in_the_index_is_an_error(db):
    result = run("who-said", "ferry", "--speaker", "Nobody Atall")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: no speaker called 'Nobody Atall' in the index")


def test_who_said_table_marks_fuzzy_matches_and_cut_rows(db):
    fuzzy = run("who-said", "the fery will run all winter", "-f", "table", "--no-color")
    assert "fuzzy matches" in fuzzy.stdout
    cut = run("who-said", "will", "-n", "1", "-f", "table", "--no-color")
    assert "Who said “will”" in cut.stdout
    assert "1 of 2 shown; --limit 0 for all" in cut.stdout


def test_remove_says_what_it_removed(db):
    result = run("remove", "ferry-1", "3")
    assert result.exit_code == 0
    assert result.stderr == (
        "Removed article 1 (Ferry story) and its 1 quote.\n"
        "Removed article 3 (Market story) and its 1 quote.\n"
    )
    with Store(db) as store:
        assert [r["id"] for r in store.rows("SELECT id FROM articles")] == [2]
        assert store.quote_count() == 1
    assert run("who-said", "ferry").exit_code == 1


def test_removing_an_article_not_there_removes_nothing(db):
    before = db.read_bytes()
    result = run("remove", "1", "99")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: no article '99'")
    assert db.read_bytes() == before


def test_remove_from_an_index_that_does_not_exist(tmp_path):
    result = run("remove", "1", "--db", str(tmp_path / "nothing.db"))
    assert result.exit_code == 2
    assert "nothing.db: no such index" in result.stderr
    assert not (tmp_path / "nothing.db").exists()


def test_index_prune_removes_deleted_files(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "ferry.txt").write_text(FERRY, encoding="utf-8")
    (folder / "market.txt").write_text(MARKET, encoding="utf-8")
    db = str(tmp_path / "news.db")
    assert run("index", str(folder), "--db", db, "-j", "1").exit_code == 0
    (folder / "market.txt").unlink()
    result = run("index", str(folder), "--db", db, "--prune", "-j", "1")
    assert result.exit_code == 0
    assert result.stderr.splitlines()[-1] == "Removed article 2 (market.txt) (its file is gone)."
    listed = run("articles", "--db", db, "-f", "tsv").stdout.splitlines()
    assert [line.split("\t")[1] for line in listed[1:]] == [""]
    assert listed[1].split("\t")[3].endswith("ferry.txt")


# The seed stays a demo ------------------------------------------------------------


def test_read_commands_never_create_a_named_index(tmp_path, monkeypatch):
    typo = tmp_path / "smal.db"
    for args in (["who-said", "Trump", "--db", str(typo)], ["list", "--db", str(typo)]):
        result = run(*args)
        assert result.exit_code == 2
        assert result.stderr == (
            f"Error: {typo}: no such index (create it with `quotecli index PATH`)\n"
        )
    monkeypatch.setenv("QUOTECLI_DB", str(typo))
    assert run("speakers").exit_code == 2
    assert not typo.exists()


def test_a_named_empty_index_is_not_seeded(tmp_path):
    path = tmp_path / "empty.db"
    Store(path).close()
    result = run("who-said", "24 hours", "--db", str(path))
    assert result.exit_code == 1
    with Store(path) as store:
        assert store.is_empty()


def test_indexing_your_own_articles_removes_the_seed(isolated_db, tmp_path):
    assert run("who-said", "24 hours").exit_code == 0  # seeds the default index
    own = tmp_path / "ferry.txt"
    own.write_text(FERRY, encoding="utf-8")
    result = run("index", str(own))
    assert result.exit_code == 0
    assert result.stderr.startswith(
        f"Removed the bundled seed article from {isolated_db}: the index now holds only your own"
    )
    with Store(isolated_db) as store:
        assert [r["source"] for r in store.rows("SELECT source FROM articles")] == [str(own)]
    assert run("who-said", "24 hours").exit_code == 1
    # Only the first time: the index is now the user's own.
    second = tmp_path / "market.txt"
    second.write_text(MARKET, encoding="utf-8")
    assert "seed" not in run("index", str(second)).stderr
    with Store(isolated_db) as store:
        assert store.article_count() == 2


def test_the_seed_indexed_by_hand_is_your_own_article(isolated_db, tmp_path):
    (seed,) = seed_paths()
    assert run("index", str(seed)).exit_code == 0
    own = tmp_path / "ferry.txt"
    own.write_text(FERRY, encoding="utf-8")
    result = run("index", str(own))
    assert result.exit_code == 0
    assert "Removed" not in result.stderr
    with Store(isolated_db) as store:
        assert store.article_count() == 2
    assert run("who-said", "24 hours").exit_code == 0


def test_the_bundled_seed_indexed_again_by_hand_stays(isolated_db, tmp_path):
    assert run("who-said", "24 hours").exit_code == 0  # seeds the default index
    (seed,) = seed_paths()
    assert run("index", str(seed)).exit_code == 0
    own = tmp_path / "ferry.txt"
    own.write_text(FERRY, encoding="utf-8")
    assert "Removed" not in run("index", str(own)).stderr
    assert run("who-said", "24 hours").exit_code == 0


def test_seed_rows_name_the_seed_not_where_it_is_installed():
    result = run("list", "-n", "1", "-f", "json")
    (row,) = json.loads(result.stdout)
    assert row["source"] == "seeds/munich-ukraine-talks.txt"
    assert not os.path.isabs(row["source"])


def test_messages_never_carry_live_control_characters(isolated_db, extraction_for):
    text = "“Prices will fall soon,” said trader Mo Diaz."
    with Store(isolated_db) as store:
        store.add_article(
            Article(text, "x.txt", title="Prices\x1b[2J fall"),
            extraction_for(text, [{"speaker": "Mo Diaz", "quote": "Prices will fall soon,"}]),
        )
    traced = run("trace", "1", "-f", "tsv")
    assert "\x1b" not in traced.stderr and "Prices\\x1b[2J fall" in traced.stderr
    removed = run("remove", "1")
    assert removed.stderr == "Removed article 1 (Prices\\x1b[2J fall) and its 1 quote.\n"
