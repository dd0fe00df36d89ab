"""What keeps a big index fast stays correct: batch full-text indexing and the reader."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence
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
