"""Extraction as an Apache Spark job, for archives bigger than one machine.

A DataFrame of articles (``id``, ``text`` and optionally ``title``, ``date``,
``source``, ``author``) goes through ``mapInPandas``: each Python worker imports
the engine once and runs it over batches of articles, so the job scales with
the cluster. The quotes come out as a DataFrame with the fields of
``quotecli extract --format json`` plus ``article_id``.

``run`` (and ``quotecli spark-extract``, or ``spark-submit`` on this file) writes
three Parquet datasets under one directory: ``articles``, ``quotes`` and
``speakers``, which ``quotecli index --from-parquet`` loads into a local index
without extracting again (see ``load_parquet``).

PySpark is an optional extra (``pip install 'quotecli[spark]'``); nothing else
in quotecli imports this module, and this module imports PySpark only inside
the functions that need it. ``load_parquet`` needs only pyarrow.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quotecli.errors import InputError
from quotecli.model import EXTRACT_FIELDS, Article, Extraction, Quote, Speaker, extract_row

if TYPE_CHECKING:
    import pandas as pd
    from pyspark.sql import DataFrame, SparkSession

    from quotecli.store import Store

ARTICLE_FIELDS = ("id", "text", "title", "date", "source", "author")
QUOTE_FIELDS = ("article_id", *EXTRACT_FIELDS)
SPEAKER_FIELDS = ("article_id", "name", "type", "aliases", "roles")
INPUT_FORMATS = ("auto", "jsonl", "parquet", "text")

_QUOTE_TYPES = {
    "start": "bigint",
    "end": "bigint",
    "context_start": "bigint",
    "context_end": "bigint",
    "parts": "array<array<bigint>>",
}
QUOTE_SCHEMA = ", ".join(f"`{f}` {_QUOTE_TYPES.get(f, 'string')}" for f in QUOTE_FIELDS)
SPEAKER_SCHEMA = (
    "`article_id` string, `name` string, `type` string,"
    " `aliases` array<string>, `roles` array<string>"
)
# Quotes and speakers leave the workers in one pass as rows of one shape,
# told apart by ``record``; the fields of the other kind are null.
_RECORD_SCHEMA = f"`record` string, {QUOTE_SCHEMA}, `aliases` array<string>, `roles` array<string>"
_QUOTE, _SPEAKER = "quote", "speaker"


# The job -------------------------------------------------------------------------


def extract_quotes(articles: DataFrame) -> DataFrame:
    """Quotes of every article: the fields of ``extract --format json`` plus ``article_id``."""
    return _normalised(articles).mapInPandas(_quote_batches, QUOTE_SCHEMA)


def extract_records(articles: DataFrame) -> DataFrame:
    """Quotes and speakers of every article from one run of the engine: see ``split``."""
    return _normalised(articles).mapInPandas(_record_batches, _RECORD_SCHEMA)


def split(records: DataFrame) -> tuple[DataFrame, DataFrame]:
    """(quotes, speakers) from ``extract_records``; persist it first to extract once for both."""
    from pyspark.sql import functions as F

    quotes = records.where(F.col("record") == _QUOTE).select(*[f"`{f}`" for f in QUOTE_FIELDS])
    speakers = records.where(F.col("record") == _SPEAKER).select(
        "article_id",
        F.col("speaker").alias("name"),
        F.col("speaker_type").alias("type"),
        "aliases",
        "roles",
    )
    return quotes, speakers


def _normalised(articles: DataFrame) -> DataFrame:
    """The article columns the engine needs, with text as `quotecli index` reads it."""
    from pyspark.sql import functions as F

    columns = set(articles.columns)
    if "text" not in columns:
        raise InputError("the articles have no `text` column")
    out = articles.select(
        *[
            (F.col(f).cast("string") if f in columns else F.lit(None).cast("string")).alias(f)
            for f in ARTICLE_FIELDS
        ]
    )
    # Offsets refer to text with \n line endings, as the file readers give it.
    text = F.regexp_replace(F.regexp_replace("text", "\r\n", "\n"), "\r", "\n")
    return out.withColumn("text", text).where(F.length(F.trim("text")) > 0)


def _quote_batches(batches: Iterable[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    yield from _frames(batches, with_speakers=False)


def _record_batches(batches: Iterable[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    yield from _frames(batches, with_speakers=True)


def _frames(batches: Iterable[pd.DataFrame], *, with_speakers: bool) -> Iterator[pd.DataFrame]:
    """Run the engine over each batch of articles (runs in the Python workers)."""
    import pandas as pd

    # Imported here, in the worker: once per worker process, not once per row.
    from quotecli.extract import extract

    columns = ["record", *QUOTE_FIELDS, "aliases", "roles"] if with_speakers else QUOTE_FIELDS
    for batch in batches:
        rows: list[list[Any]] = []
        for article in batch.itertuples(index=False):
            for row in _article_rows(article, extract(article.text), with_speakers):
                # Every field in every row: pandas would fill a missing one with NaN.
                rows.append([row.get(column) for column in columns])
        yield pd.DataFrame(rows, columns=columns, dtype=object)


def _article_rows(article: Any, extraction: Extraction, with_speakers: bool) -> Iterator[dict]:
    name = _label(article.title, article.source, article.id)
    for quote in extraction.quotes:
        row = {"article_id": article.id, **extract_row(quote, name, article)}
        if with_speakers:
            row.update(record=_QUOTE, aliases=None, roles=None)
        yield row
    if with_speakers:
        for speaker in extraction.speakers:
            yield {
                "record": _SPEAKER,
                "article_id": article.id,
                "speaker": speaker.name,
                "speaker_type": speaker.type,
                "aliases": list(speaker.aliases),
                "roles": list(speaker.roles),
            }


def _label(title: str | None, source: str | None, article_id: str | None) -> str:
    """How `extract` names an article: its title, else where it came from."""
    return title or source or article_id or ""


# Reading and writing -------------------------------------------------------------


def session(master: str | None = None, app_name: str = "quotecli") -> SparkSession:
    """The active Spark session, or a new one (local, on every core, unless ``master``)."""
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    return builder.getOrCreate()


def read_articles(spark: SparkSession, path: str, input_format: str = "auto") -> DataFrame:
    """Articles from JSON Lines, Parquet or text files (one article a file)."""
    from pyspark.sql import functions as F

    fmt = _input_format(path, input_format)
    if fmt == "jsonl":
        frame = spark.read.json(path)
        if "source" not in frame.columns and "url" in frame.columns:
            frame = frame.withColumnRenamed("url", "source")
    elif fmt == "parquet":
        frame = spark.read.parquet(path)
        if "source" not in frame.columns and "url" in frame.columns:
            frame = frame.withColumnRenamed("url", "source")
    else:
        frame = spark.read.text(path, wholetext=True).select(
            F.input_file_name().alias("id"),
            F.col("value").alias("text"),
            F.input_file_name().alias("source"),
        )
    if "id" not in frame.columns:
        frame = frame.withColumn("id", F.monotonically_increasing_id().cast("string"))
    return frame


def _input_format(path: str, input_format: str) -> str:
    fmt = input_format.strip().lower()
    if fmt not in INPUT_FORMATS:
        raise InputError(
            f"unknown input format {input_format!r}",
            hint=f"choose one of {', '.join(INPUT_FORMATS)}",
        )
    if fmt != "auto":
        return fmt
    suffix = Path(path.rstrip("/")).suffix.lower()
    if suffix in (".jsonl", ".ndjson", ".json"):
        return "jsonl"
    if suffix == ".parquet" or (Path(path).is_dir() and any(Path(path).glob("*.parquet"))):
        return "parquet"
    return "text"


def _spread(articles: DataFrame) -> DataFrame:
    """Enough partitions to keep every core busy, the articles still in input order.

    A file smaller than Spark's split size is read as one partition, which one
    core would extract alone. Ranges of the input's row order keep the order
    (and so the article ids a later ``index --from-parquet`` gives).
    """
    from pyspark.sql import functions as F

    wanted = 2 * articles.sparkSession.sparkContext.defaultParallelism
    if articles.rdd.getNumPartitions() >= wanted:
        return articles
    return (
        articles.withColumn("_order", F.monotonically_increasing_id())
        .repartitionByRange(wanted, "_order")
        .sortWithinPartitions("_order")
        .drop("_order")
    )


def run(
    input_path: str, output: str, *, input_format: str = "auto", master: str | None = None
) -> tuple[int, int]:
    """Extract every article under ``input_path`` into Parquet under ``output``.

    Writes ``output/articles``, ``output/quotes`` and ``output/speakers``
    (replacing them if there). Returns (articles, quotes).
    """
    from pyspark import StorageLevel

    spark = session(master)
    articles = _spread(_normalised(read_articles(spark, input_path, input_format)))
    # Read (and shuffled into order) once, for the articles written and for the engine.
    articles = articles.persist(StorageLevel.MEMORY_AND_DISK)
    records = extract_records(articles).persist(StorageLevel.MEMORY_AND_DISK)
    quotes, speakers = split(records)
    try:
        articles.write.mode("overwrite").parquet(f"{output}/articles")
        quotes.write.mode("overwrite").parquet(f"{output}/quotes")
        speakers.write.mode("overwrite").parquet(f"{output}/speakers")
        counts = (
            spark.read.parquet(f"{output}/articles").count(),
            spark.read.parquet(f"{output}/quotes").count(),
        )
    finally:
        records.unpersist()
        articles.unpersist()
    return counts


def main(argv: list[str] | None = None) -> None:
    """The ``spark-submit`` entry point: ``spark-submit quotecli/spark.py INPUT OUTPUT``."""
    parser = argparse.ArgumentParser(prog="quotecli.spark", description=__doc__.split("\n")[0])
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--input-format", default="auto", choices=INPUT_FORMATS)
    args = parser.parse_args(argv)
    articles, quotes = run(args.input, args.output, input_format=args.input_format)
    print(f"{articles} articles, {quotes} quotes written to {args.output}")


# Loading into a local index ------------------------------------------------------


def load_parquet(
    store: Store,
    directory: str | Path,
    *,
    batch_size: int = 64,
    on_batch: Callable[[int, int], None] | None = None,
) -> tuple[int, int, int]:
    """Store the articles and quotes a Spark job wrote, without extracting again.

    Each article goes through the same writer as ``quotecli index``, with the
    speakers the engine found in it, so speakers merge across articles exactly
    as they do there. Returns (added, unchanged or replaced, quotes).
    """
    root = Path(directory)
    for part in ("articles", "quotes", "speakers"):
        if not (root / part).is_dir():
            raise InputError(
                f"{root}: no {part}/ folder", hint="write one with `quotecli spark-extract`"
            )
    quotes = _grouped(root / "quotes")
    speakers = _grouped(root / "speakers")
    origin = str(root.resolve())
    added = other = stored = 0
    batch: list[tuple[Article, Extraction]] = []

    def flush() -> None:
        nonlocal added, other, stored
        from quotecli.store import ADDED

        for (_, outcome), (_, extraction) in zip(store.write_batch(batch), batch, strict=True):
            if outcome == ADDED:
                added += 1
                stored += len(extraction.quotes)
            else:
                other += 1
        batch.clear()
        if on_batch is not None:
            on_batch(added, other)

    for row in _rows(root / "articles"):
        article_id = row["id"]
        link = row["source"] if row["source"] and "://" in row["source"] else None
        article = Article(
            text=row["text"],
            source=link or row["source"] or f"{origin}:{article_id}",
            title=row["title"],
            date=row["date"],
            external_id=article_id,
            author=row["author"],
            key=f"url:{link}" if link else f"{origin}#{article_id}",
        )
        extraction = Extraction(
            quotes=tuple(_quote(q) for q in quotes.get(article_id, ())),
            speakers=tuple(
                Speaker(
                    name=s["name"],
                    type=s["type"],
                    aliases=tuple(s["aliases"] or ()),
                    roles=tuple(s["roles"] or ()),
                )
                for s in speakers.get(article_id, ())
            ),
        )
        batch.append((article, extraction))
        if len(batch) >= batch_size:
            flush()
    if batch:
        flush()
    return added, other, stored


def _files(directory: Path) -> list[Path]:
    # Spark names its files by partition number: sorted, they keep the input's order.
    return sorted(p for p in directory.rglob("*.parquet") if not p.name.startswith((".", "_")))


def _rows(directory: Path) -> Iterator[dict[str, Any]]:
    import pyarrow.parquet as pq

    for path in _files(directory):
        for batch in pq.ParquetFile(path).iter_batches():
            yield from batch.to_pylist()


def _grouped(directory: Path) -> dict[str, list[dict[str, Any]]]:
    """Rows by article id, each article's rows in the order the job wrote them."""
    grouped: dict[str, list[dict[str, Any]]] = {}
    for row in _rows(directory):
        grouped.setdefault(row["article_id"], []).append(row)
    return grouped


def _quote(row: dict[str, Any]) -> Quote:
    return Quote(
        text=row["text"],
        start=row["start"],
        end=row["end"],
        kind=row["kind"],
        speaker=row["speaker"],
        speaker_type=row["speaker_type"],
        mention=row["mention"],
        cue=row["cue"],
        context=row["context"],
        context_start=row["context_start"],
        context_end=row["context_end"],
        rule=row["rule"],
        role=row["role"],
        parts=tuple(tuple(p) for p in row["parts"] or ()),
    )


if __name__ == "__main__":
    main()
