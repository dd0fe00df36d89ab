"""What keeps a big index fast stays correct: batch full-text indexing and the reader."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

import pytest

from quotecli.documents import read_articles
from quotecli.model import Article, Extraction
from quotecli.search import who_said
from quotecli.store import Store

Factory = Callable[[str, Sequence[dict]], Extraction]

QUAY = "Harbour Master Ines Okafor said, “The new quay opens in June.”"
QUAY_SPECS = [{"speaker": "Ines Okafor", "quote": "The new quay opens in June."}]
QUAY_LATER = "Harbour Master Ines Okafor said, “The new quay opens in July.”"
QUAY_LATER_SPECS = [{"speaker": "Ines Okafor", "quote": "The new quay opens in July."}]
SCHOOL = "“We hired nine teachers,” said Okafor."
SCHOOL_SPECS = [{"speaker": "Okafor", "quote": "We hired nine teachers,"}]


def _fts_is_sound(path: Path) -> None:
    conn = sqlite3.connect(path)
    try:
        # Raises "database disk image is malformed" if the index and the table disagree.
        conn.execute("INSERT INTO quotes_fts(quotes_fts) VALUES ('integrity-check')")
        triggers = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        }
    finally:
        conn.close()
    assert {"quotes_fts_ai", "quotes_fts_ad", "quotes_fts_au"} <= triggers


def test_a_batch_indexes_its_quotes_once_and_keeps_the_trigger(
    tmp_path: Path, extraction_for: Factory
) -> None:
    path = tmp_path / "index.db"
    with Store(path) as store:
        # The bare surname first, then a full name that absorbs it, then a new
        # version of the first article, in one batch.
        store.write_batch(
            [
                (
                    Article(text=SCHOOL, source="school.txt", key="school"),
                    extraction_for(SCHOOL, SCHOOL_SPECS),
                ),
                (
                    Article(text=QUAY, source="quay.txt", key="quay"),
                    extraction_for(QUAY, QUAY_SPECS),
                ),
            ]
        )
        store.write_batch(
            [
                (
                    Article(text=QUAY_LATER, source="quay.txt", key="quay"),
                    extraction_for(QUAY_LATER, QUAY_LATER_SPECS),
                )
            ]
        )
        assert [r["speaker"] for r in who_said(store, "nine teachers")] == ["Ines Okafor"]
        assert [r["text"] for r in who_said(store, "quay opens")] == ["The new quay opens in July."]
        assert who_said(store, "June") == []
        # A row written by another tool is still indexed by the trigger.
        store.conn.execute(
            'INSERT INTO quotes (article_id, text, kind, start, "end")'
            " VALUES (1, 'ferry fares', 'direct', 0, 5)"
        )
        store.conn.commit()
        assert [r["text"] for r in who_said(store, "ferry fares")] == ["ferry fares"]
    _fts_is_sound(path)


def test_a_failed_batch_leaves_index_and_trigger_as_they_were(
    tmp_path: Path, extraction_for: Factory
) -> None:
    path = tmp_path / "index.db"
    with Store(path) as store:
        store.add_article(Article(text=QUAY, source="quay.txt"), extraction_for(QUAY, QUAY_SPECS))
        broken = extraction_for(SCHOOL, SCHOOL_SPECS)
        with pytest.raises(Exception):  # noqa: B017 - any failure mid-batch
            store.write_batch(
                [
                    (Article(text=SCHOOL, source="school.txt"), broken),
                    (Article(text=None, source="bad.txt"), broken),  # type: ignore[arg-type]
                ]
            )
        assert store.quote_count() == 1
        assert who_said(store, "nine teachers") == []
    _fts_is_sound(path)


def test_feed_keys_name_the_file_once_resolved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        "\n".join(json.dumps({"id": i, "text": f"Story {i}."}) for i in range(3)) + "\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    keys = [a.key for a in read_articles(["feed.jsonl"])]
    assert keys == [f"{feed.resolve()}#{i}" for i in range(3)]


def test_a_shared_name_lists_the_same_first_quotes(tmp_path: Path, extraction_for: Factory) -> None:
    """With a limit, quotes of several speakers called "Brown" come from each one's first few."""
    from quotecli.search import list_quotes, match_speakers

    with Store(tmp_path / "index.db") as store:
        for n in range(6):
            speaker = ("Ana Brown", "Tom Brown", "Lee Brown")[n % 3]
            text = f"{speaker} said, “Rates rise in month {n}.” {speaker} said that fees fell {n}."
            specs = [
                {"speaker": speaker, "quote": f"Rates rise in month {n}.", "aliases": ["Brown"]},
                {"speaker": speaker, "quote": f"fees fell {n}", "kind": "indirect"},
            ]
            store.add_article(Article(text=text, source=f"{n}.txt"), extraction_for(text, specs))
        assert len(match_speakers(store, "Brown")) == 3
        everything = list_quotes(store, speaker="Brown")
        assert len(everything) == 12
        for limit in (0, 1, 2, 5, 11, 12, 20):
            assert list_quotes(store, speaker="Brown", limit=limit) == everything[:limit]
        indirect = list_quotes(store, speaker="Brown", kind="indirect")
        assert len(indirect) == 6
        assert list_quotes(store, speaker="Brown", kind="indirect", limit=4) == indirect[:4]
        in_article = list_quotes(store, speaker="Brown", article=2, limit=1)
        assert [q["article_id"] for q in in_article] == [2]


def test_a_new_index_has_large_pages_and_an_old_one_keeps_its_own(tmp_path: Path) -> None:
    from quotecli.store import PAGE_SIZE

    with Store(tmp_path / "new.db") as store:
        assert store.scalar("PRAGMA page_size") == PAGE_SIZE == 16384
    old = sqlite3.connect(tmp_path / "old.db")
    old.execute("CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    old.close()
    with Store(tmp_path / "old.db") as store:
        assert store.scalar("PRAGMA page_size") == 4096


def test_contexts_come_from_the_article_text(tmp_path: Path, extraction_for: Factory) -> None:
    """Stored once (in the article), still searched, shown and unindexed as before."""
    from quotecli.search import get_quote

    text = "The ferry left late. Captain Rosa Delgado, who sails from Leith, said, “We go at dawn.”"
    specs = [{"speaker": "Rosa Delgado", "quote": "We go at dawn."}]
    path = tmp_path / "index.db"
    with Store(path) as store:
        store.add_article(
            Article(text=text, source="ferry.txt", key="ferry"), extraction_for(text, specs)
        )
        assert store.scalar("SELECT count(*) FROM quotes WHERE context IS NOT NULL") == 0
        [row] = who_said(store, "sails from Leith")
        assert row["match"] == "context"
        assert row["context"] == text[text.index("Captain") :]
        assert get_quote(store, row["id"])["context"] == row["context"]
        # A context the article does not give (an engine's own wording) is kept as given.
        odd = Article(text="“Soon,” she said.", source="odd.txt")
        found = extraction_for(odd.text, [{"speaker": "Ana Ruiz", "quote": "Soon,"}])
        edited = replace(found.quotes[0], context="Soon, said Ana Ruiz.")
        store.add_article(odd, replace(found, quotes=(edited,)))
        assert store.scalar("SELECT count(*) FROM quotes WHERE context IS NOT NULL") == 1
        assert [r["context"] for r in who_said(store, "said Ana Ruiz")] == ["Soon, said Ana Ruiz."]
        # Replacing the article unindexes the old context words.
        later = text.replace("Leith", "Oban")
        store.add_article(
            Article(text=later, source="ferry.txt", key="ferry"), extraction_for(later, specs)
        )
        assert who_said(store, "sails from Leith") == []
        assert [r["match"] for r in who_said(store, "sails from Oban")] == ["context"]
    _fts_is_sound(path)


def test_indexing_into_a_new_database_does_not_load_sqlite_utils(tmp_path: Path) -> None:
    """It may import pandas (0.4 s, 70 MB); the migrations so far need only the connection."""
    import subprocess
    import sys

    article = tmp_path / "ferry.txt"
    article.write_text("“We sail at dawn,” said Captain Rosa Delgado.\n", encoding="utf-8")
    db = str(tmp_path / "new.db")
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "quotecli", "index", str(article), "--db", db],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    imported = {
        line.rsplit("|", 1)[1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert "quotecli.store" in imported
    assert not imported & {"sqlite_utils", "pandas"}


def test_a_migration_may_still_use_sqlite_utils(tmp_path: Path) -> None:
    from quotecli.migrations import migrate
    from quotecli.store import _LazyDatabase

    def m_add_column(db) -> None:  # type: ignore[no-untyped-def]
        db["things"].add_column("colour", str)

    conn = sqlite3.connect(tmp_path / "plain.db")
    conn.execute("CREATE TABLE things (id INTEGER PRIMARY KEY)")
    assert migrate(_LazyDatabase(conn), [m_add_column]) == ["m_add_column"]  # type: ignore[arg-type]
    assert [row[1] for row in conn.execute("PRAGMA table_info(things)")] == ["id", "colour"]
    conn.close()
