"""Other tools read the index: sqlite-utils and Datasette find its full-text search."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from datasette.app import Datasette
from datasette.utils import detect_fts
from sqlite_utils import Database
from sqlite_utils.cli import cli as sqlite_utils_cli

from quotecli import store as store_module
from quotecli.migrations import MIGRATIONS, migrate
from quotecli.model import Article, Extraction
from quotecli.search import list_quotes, who_said
from quotecli.store import Store

CONFIG = Path(__file__).resolve().parent.parent / "datasette.yaml"

FERRY = (
    "The ferry captain, Rosa Delgado, said, “We sail again at first light.” "
    "The harbour board said that the new pier would open next spring."
)
FERRY_SPECS = [
    {"speaker": "Rosa Delgado", "quote": "We sail again at first light.", "role": "captain"},
    {
        "speaker": "The harbour board",
        "quote": "the new pier would open next spring",
        "kind": "indirect",
        "type": "organisation",
    },
]
MARKET = "“Prices at the fish market doubled overnight,” Ms Delgado said on Monday."
MARKET_SPECS = [{"speaker": "Ms Delgado", "quote": "Prices at the fish market doubled overnight,"}]


Factory = Callable[[str, Sequence[dict]], Extraction]


@pytest.fixture
def index(tmp_path: Path, extraction_for: Factory) -> Path:
    # Datasette names a database after its file; the config is written for quotecli.db.
    path = tmp_path / "quotecli.db"
    with Store(path) as store:
        store.add_article(
            Article(text=FERRY, source="ferry.txt", title="Ferries resume", date="2025-03-04"),
            extraction_for(FERRY, FERRY_SPECS),
        )
        store.add_article(
            Article(text=MARKET, source="market.txt", title="Fish prices", date="2025-04-10"),
            extraction_for(MARKET, MARKET_SPECS),
        )
    return path


def test_sqlite_utils_detects_the_full_text_indexes(index: Path) -> None:
    db = Database(index)
    assert db["quotes"].detect_fts() == "quotes_fts"
    assert db["speaker_names"].detect_fts() == "speaker_names_fts"
    found = list(db["quotes"].search("pier"))
    db.close()
    assert [row["text"] for row in found] == ["the new pier would open next spring"]


def test_sqlite_utils_search_command(index: Path) -> None:
    result = CliRunner().invoke(
        sqlite_utils_cli, ["search", str(index), "quotes", "first light", "-c", "text", "--csv"]
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["text", "We sail again at first light."]


def _datasette_get(index: Path, url: str) -> tuple[int, dict[str, Any]]:
    async def get() -> tuple[int, dict[str, Any]]:
        config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
        ds = Datasette([str(index)], metadata=config)
        await ds.invoke_startup()
        response = await ds.client.get(url)
        return response.status_code, response.json()

    return asyncio.run(get())


def test_datasette_detects_full_text_search_and_foreign_keys(index: Path) -> None:
    conn = sqlite3.connect(index)
    try:
        assert detect_fts(conn, "quotes") == "quotes_fts"
    finally:
        conn.close()
    status, page = _datasette_get(
        index, "/quotecli/quotes.json?_search=pier&_labels=on&_shape=objects"
    )
    assert status == 200
    [found] = page["rows"]
    assert found["text"] == "the new pier would open next spring"
    assert found["speaker_id"]["label"] == "The harbour board"
    assert found["article_id"]["label"] == "Ferries resume"


def test_datasette_facets_quotes_by_speaker_kind_and_date(index: Path) -> None:
    status, page = _datasette_get(index, "/quotecli/quote_list.json")
    assert status == 200
    facets = page["facet_results"]
    assert set(facets) >= {"speaker", "kind", "date"}
    speakers = {f["value"]: f["count"] for f in facets["speaker"]["results"]}
    assert speakers == {"Rosa Delgado": 2, "The harbour board": 1}  # "Ms Delgado" is Rosa
    kinds = {f["value"]: f["count"] for f in facets["kind"]["results"]}
    assert kinds == {"direct": 2, "indirect": 1}
    days = {f["value"]: f["count"] for f in facets["date"]["results"]}
    assert days == {"2025-03-04": 2, "2025-04-10": 1}
    status, page = _datasette_get(index, "/quotecli/quote_list.json?_search=fish&_shape=objects")
    assert [(row["speaker"], row["article"]) for row in page["rows"]] == [
        ("Rosa Delgado", "Fish prices")
    ]
    assert page["rows"][0]["context"] == MARKET[: MARKET.index(" Ms Delgado")]


def test_upgraded_database_answers_as_before(
    tmp_path: Path, extraction_for: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An index made before the new declarations gives the same results after the upgrade."""
    path = tmp_path / "old.db"
    # Every migration but the new declarations (today's writer needs the others' tables).
    before_them = [m for m in MIGRATIONS if not m.__name__.startswith("m010")]
    monkeypatch.setattr(store_module, "migrate", lambda db: migrate(db, before_them))
    queries = ("pier", "first light", "sale agian")
    with Store(path) as old:
        old.add_article(
            Article(text=FERRY, source="ferry.txt", title="Ferries resume"),
            extraction_for(FERRY, FERRY_SPECS),
        )
        before = [who_said(old, q) for q in queries]
        listed = list_quotes(old, speaker="Delgado")
        assert old.db["quotes"].detect_fts() is None
    monkeypatch.undo()
    with Store(path) as upgraded:
        assert [who_said(upgraded, q) for q in queries] == before
        assert list_quotes(upgraded, speaker="Delgado") == listed
        assert upgraded.db["quotes"].detect_fts() == "quotes_fts"
        # The triggers still feed the rebuilt index.
        upgraded.add_article(
            Article(text=MARKET, source="market.txt"), extraction_for(MARKET, MARKET_SPECS)
        )
        [row] = who_said(upgraded, "fish market")
        assert row["speaker"] == "Rosa Delgado"
