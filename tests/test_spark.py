"""The Spark job, in local mode: the same quotes as `extract`, the same index as `index`."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from clirun import runner

from quotecli import cli
from quotecli import spark as quotecli_spark
from quotecli.search import list_quotes, who_said
from quotecli.store import Store

ARTICLES = [
    {
        "id": "harbour-1",
        "title": "Ferries resume",
        "date": "2025-03-04",
        "author": "J. Lund",
        "url": "https://news.example/ferries",
        "text": "Ferries will sail again on Monday.\n\n“We sail again at first light,” said the"
        " captain, Rosa Delgado. The harbour board said that the new pier would open next spring.",
    },
    {
        "id": "harbour-2",
        "title": "Fish prices double",
        # Windows line endings: offsets must count them as `index` does, one \n each.
        "text": "“Prices at the fish market doubled overnight,” Ms Delgado said on Tuesday.\r\n\r\n"
        "Traders were not surprised. “It was bound to happen,” said Omar Haddad, who sells"
        " mackerel.",
    },
    {
        "id": 3,
        "title": "Bridge repairs",
        "text": "“The bridge,” Mayor Ana Ruiz said, “will reopen in June.” Ruiz added that the"
        " council had found the money.",
    },
    {"id": "quiet", "title": "Weather", "text": "Rain is expected across the coast this weekend."},
    {"id": "blank", "title": "Nothing", "text": "   "},
]
# The same text again under another id: stored once, as `index` stores it.
ARTICLES.append({**ARTICLES[1], "id": "harbour-2-copy", "title": "Fish prices (copy)"})


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    # One small local session for the module: starting the JVM is most of the cost.
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("quotecli-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "articles.jsonl"
    with path.open("w", encoding="utf-8", newline="") as out:
        for article in ARTICLES:
            out.write(json.dumps(article, ensure_ascii=False) + "\n")
    return path


@pytest.fixture(scope="module")
def extracted(spark: Any, corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("extracted") / "out"
    result = runner().invoke(
        cli.app, ["spark-extract", str(corpus), str(output)], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    assert "Extracted 8 quotes from 5 articles" in result.stderr
    return output


def _extract_json(path: Path) -> list[dict[str, Any]]:
    result = runner().invoke(cli.app, ["extract", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    return _unsourced(json.loads(result.stdout))


def _unsourced(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows without ``source``: where each article was read from.

    `extract` names a line of a file ("feed.jsonl:3"); a DataFrame has no lines,
    so the job gives the article's own source field. Every other field is the same.
    """
    return [{k: v for k, v in row.items() if k != "source"} for row in rows]


def test_job_gives_exactly_the_quotes_extract_gives(spark: Any, corpus: Path) -> None:
    articles = quotecli_spark.read_articles(spark, str(corpus))
    rows = [row.asDict(recursive=True) for row in quotecli_spark.extract_quotes(articles).collect()]
    expected = _extract_json(corpus)
    assert len(expected) == 8
    assert _unsourced([{k: v for k, v in row.items() if k != "article_id"} for row in rows]) == (
        expected
    )
    assert [k for k in rows[0] if k != "source"] == ["article_id", *expected[0]]
    assert [row["article_id"] for row in rows] == [
        "harbour-1",
        "harbour-1",
        "harbour-2",
        "harbour-2",
        "3",
        "3",
        "harbour-2-copy",
        "harbour-2-copy",
    ]


def test_parquet_output_holds_the_same_quotes(extracted: Path, corpus: Path) -> None:
    import pyarrow.parquet as pq

    quotes = pq.read_table(extracted / "quotes").to_pylist()
    assert _unsourced(
        [{k: v for k, v in q.items() if k != "article_id"} for q in quotes]
    ) == _extract_json(corpus)
    speakers = pq.read_table(extracted / "speakers").to_pylist()
    assert {"article_id": "3", "name": "Ana Ruiz", "type": "person"}.items() <= next(
        s for s in speakers if s["name"] == "Ana Ruiz"
    ).items()


def _dump(path: Path) -> dict[str, list[tuple]]:
    """Everything an index holds, except where each article was read from and when."""
    conn = sqlite3.connect(path)
    try:
        return {
            "articles": conn.execute(
                "SELECT id, external_id, title, date, hash, text, author FROM articles ORDER BY id"
            ).fetchall(),
            "quotes": conn.execute("SELECT * FROM quotes ORDER BY id").fetchall(),
            "speakers": conn.execute("SELECT * FROM speakers ORDER BY id").fetchall(),
            "speaker_names": conn.execute(
                "SELECT rowid, * FROM speaker_names ORDER BY rowid"
            ).fetchall(),
        }
    finally:
        conn.close()


def test_from_parquet_gives_the_same_index_as_index(
    extracted: Path, corpus: Path, tmp_path: Path
) -> None:
    indexed, loaded = tmp_path / "indexed.db", tmp_path / "loaded.db"
    result = runner().invoke(cli.app, ["index", str(corpus), "--db", str(indexed), "-j", "1"])
    assert result.exit_code == 0, result.output
    result = runner().invoke(
        cli.app, ["index", "--from-parquet", str(extracted), "--db", str(loaded)]
    )
    assert result.exit_code == 0, result.output
    assert "Loaded 4 new articles (6 quotes), 1 unchanged or replaced" in result.stderr
    assert _dump(loaded) == _dump(indexed)
    # "Ms Delgado" is merged with Rosa Delgado in both.
    with Store(indexed) as a, Store(loaded) as b:
        for query in ("first light", "fish market", "will reopen in June"):
            assert _unsourced(who_said(b, query)) == _unsourced(who_said(a, query))
        assert _unsourced(list_quotes(b, speaker="Delgado")) == _unsourced(
            list_quotes(a, speaker="Delgado")
        )
        assert {q["speaker"] for q in list_quotes(b, speaker="Delgado")} == {"Rosa Delgado"}
    # Loading again adds nothing.
    result = runner().invoke(
        cli.app, ["index", "--from-parquet", str(extracted), "--db", str(loaded)]
    )
    assert "Loaded 0 new articles (0 quotes), 5 unchanged or replaced" in result.stderr


def test_articles_written_by_the_job_are_parquet_input(
    spark: Any, extracted: Path, corpus: Path
) -> None:
    articles = quotecli_spark.read_articles(spark, str(extracted / "articles"))
    rows = [row.asDict(recursive=True) for row in quotecli_spark.extract_quotes(articles).collect()]
    got = _unsourced([{k: v for k, v in row.items() if k != "article_id"} for row in rows])

    def order(row: dict[str, Any]) -> tuple:
        # Spark reads several files largest first, so only the set of rows is the same.
        return (row["article"], row["start"])

    assert sorted(got, key=order) == sorted(_extract_json(corpus), key=order)


def test_readme_queries_on_the_parquet_output(
    spark: Any, extracted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import duckdb

    spark.read.parquet(str(extracted / "quotes")).createOrReplaceTempView("quotes")
    said = spark.sql(
        "SELECT speaker, text FROM quotes WHERE lower(text) LIKE '%first light%'"
    ).collect()
    assert [tuple(row) for row in said] == [("Rosa Delgado", "We sail again at first light,")]
    monkeypatch.chdir(extracted)  # the README's DuckDB example runs beside the output
    rows = duckdb.sql(
        "SELECT kind, text FROM read_parquet('quotes/*.parquet') WHERE speaker = 'Ana Ruiz'"
    ).fetchall()
    assert rows == [
        ("direct", "The bridge,” Mayor Ana Ruiz said, “will reopen in June."),
        ("indirect", "that the council had found the money"),
    ]


def test_from_parquet_errors_are_one_line(tmp_path: Path, corpus: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = runner().invoke(cli.app, ["index", "--from-parquet", str(empty)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {empty}: no articles/ folder")
    assert "Traceback" not in result.stderr
    result = runner().invoke(cli.app, ["index", str(corpus), "--from-parquet", str(empty)])
    assert result.exit_code == 2
    assert "either PATH... or --from-parquet" in result.stderr


def test_spark_submit_entry_point(
    spark: Any, corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """What `spark-submit quotecli/spark.py INPUT OUTPUT` runs, in the session already up."""
    import pyarrow.parquet as pq

    quotecli_spark.main([str(corpus), str(tmp_path / "out"), "--input-format", "jsonl"])
    assert capsys.readouterr().out == f"5 articles, 8 quotes written to {tmp_path / 'out'}\n"
    assert pq.read_table(tmp_path / "out" / "quotes").num_rows == 8


def test_spark_errors_are_one_line(spark: Any, tmp_path: Path) -> None:
    result = runner().invoke(
        cli.app, ["spark-extract", str(tmp_path / "missing.jsonl"), str(tmp_path / "out")]
    )
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: Spark: ")
    assert len(result.stderr.strip().splitlines()) == 1
    assert "missing.jsonl" in result.stderr
