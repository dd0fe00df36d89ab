"""Indexing with worker processes gives exactly the index one process gives.

The workers settle each article's speakers and make its quote rows; the one
writer merges speakers across the archive. Whatever the split, the stored
quotes, speakers, aliases, found_as and trace groups must be the same.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

import pytest

from quotecli.extract import extract
from quotecli.identity import resolve_article
from quotecli.indexing import extract_batch, index_articles
from quotecli.model import Article
from quotecli.registry import Decision, Registry
from quotecli.store import Store, _NamesakeMemo, prepare
from quotecli.trace import with_fingerprints

# Each template is one article; {n} makes every copy a text of its own. Together
# they give the writer every kind of speaker merge: a bare surname met before and
# after the full name, two people of one surname, forms of address, a title
# given to its holder, party name variants, and a quote reprinted elsewhere.
TEMPLATES = (
    "“The harbour in Kelby {n} will reopen in May,” said Dr Helen Marsh, the port's "
    "director. Mr Grant, who chairs the council, disagreed. “It will not be ready by "
    "then,” Mr Grant said.",
    "“We need more buses on route {n},” Grant said on Monday. Councillor Peter Grant "
    "added: “Fares must fall before the winter comes.”",
    "Prime Minister Alan Reeve visited depot {n} on Friday. “This is a good day "
    "for the town and for the region,” the prime minister said. “We have waited long "
    "enough for it,” said Mr Reeve.",
    "“Taxes will rise in district {n},” the Lib Dems said in a statement. The Liberal "
    "Democrats later said that schools would come first.",
    "“I never said that about pier {n},” Marsh told reporters. Dr Marsh later said she "
    "would not resign over the delay.",
    "Two brothers spoke at hall {n}. “The market is closing,” said Tom Okafor. “It is "
    "not,” said David Okafor. Mr Okafor, the younger, left early.",
    "“This is a good day for the town and for the region,” the prime minister told a "
    "crowd at square {n}, repeating his speech. Mr Reeve smiled.",
    "Sir Howard Newby opened library {n}. “Reading matters more than ever,” Sir Howard "
    "said. Michael Howard, the opposition leader, said he agreed.",
)


def corpus(copies: int) -> list[Article]:
    return [
        Article(template.format(n=n), f"a{n}-{i}.txt", key=f"a{n}-{i}")
        for n in range(copies)
        for i, template in enumerate(TEMPLATES)
    ]


def dump(db: Path | sqlite3.Connection) -> dict[str, Any]:
    """Everything an index run decides, ids included."""
    conn = db if isinstance(db, sqlite3.Connection) else sqlite3.connect(db)
    try:
        quotes = conn.execute(
            'SELECT q.id, a.key, q.start, q."end", q.text, q.kind, q.cue, q.mention, q.rule,'
            " q.role, q.parts, q.context, q.context_start, q.context_end, q.speaker_type,"
            " q.found_as, q.speaker_id, s.name, g.group_id"
            " FROM quotes q JOIN articles a ON a.id = q.article_id"
            " LEFT JOIN speakers s ON s.id = q.speaker_id"
            " LEFT JOIN quote_groups g ON g.quote_id = q.id ORDER BY q.id"
        ).fetchall()
        return {
            "articles": conn.execute("SELECT id, key, hash FROM articles ORDER BY id").fetchall(),
            "quotes": quotes,
            "speakers": conn.execute(
                "SELECT id, name, type, aliases, roles, quotes, articles FROM speakers ORDER BY id"
            ).fetchall(),
            "names": conn.execute(
                "SELECT speaker_id, name FROM speaker_names ORDER BY rowid"
            ).fetchall(),
            "prints": conn.execute(
                "SELECT hash, group_id FROM quote_prints ORDER BY 1, 2"
            ).fetchall(),
        }
    finally:
        if conn is not db:
            conn.close()


def indexed(db: Path, articles: list[Article], jobs: int, batch_size: int = 8) -> dict[str, Any]:
    with Store(db) as store:
        summary = index_articles(store, articles, jobs=jobs, batch_size=batch_size)
    assert summary.added == len(articles)
    return dump(db)


@pytest.fixture(scope="module")
def one_process(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return indexed(tmp_path_factory.mktemp("one") / "one.db", corpus(4), jobs=1)


def test_the_corpus_exercises_the_writer(one_process: dict[str, Any]) -> None:
    speakers = {row[1] for row in one_process["speakers"]}
    found = {(q[15], q[17]) for q in one_process["quotes"]}
    # A bare surname and a form of address joined their person, a title its holder,
    # a party variant its canonical name; two Okafors stayed two speakers.
    assert {("Mr Grant", "Peter Grant"), ("Dr Marsh", "Helen Marsh")} <= found
    assert ("prime minister", "Alan Reeve") in found
    assert ("Lib Dems", "Liberal Democrats") in found
    assert {"Tom Okafor", "David Okafor"} <= speakers
    assert not speakers & {"Grant", "Marsh", "prime minister", "Lib Dems"}
    # The repeated speech is one trace group across articles.
    assert any(q[18] is not None and q[18] != q[0] for q in one_process["quotes"])


def test_two_workers_give_the_same_index_as_one_process(
    tmp_path: Path, one_process: dict[str, Any]
) -> None:
    assert indexed(tmp_path / "two.db", corpus(4), jobs=2) == one_process


def test_the_writer_preparing_articles_itself_gives_the_same_index(
    tmp_path: Path, one_process: dict[str, Any]
) -> None:
    """Store.write_batch given extractions (as the Parquet loader gives them), not prepared rows."""
    articles = corpus(4)
    with Store(tmp_path / "self.db") as store:
        for start in range(0, len(articles), 8):
            batch = articles[start : start + 8]
            store.write_batch([(a, with_fingerprints(extract(a.text))) for a in batch])
    assert dump(tmp_path / "self.db") == one_process


def test_kept_namesake_lookups_never_change_the_index(
    tmp_path: Path, one_process: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_NamesakeMemo, "get", lambda self, probe: None)
    assert indexed(tmp_path / "nomemo.db", corpus(4), jobs=1) == one_process


def test_kept_lookups_match_the_query_whenever_they_are_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every lookup answered from the batch's memory is checked against the query itself."""
    kept: list[str] = []
    original_get = _NamesakeMemo.get
    original = Store._namesakes

    def get(self: _NamesakeMemo, probe: str) -> list | None:
        found = original_get(self, probe)
        if found is not None:
            kept.append(probe)
        return found

    def checked(self: Store, name: str) -> list:
        memo, self._memo = self._memo, None
        truth = original(self, name)
        self._memo = memo
        assert original(self, name) == truth, name
        return truth

    monkeypatch.setattr(_NamesakeMemo, "get", get)
    monkeypatch.setattr(Store, "_namesakes", checked)
    # One big batch: the most lookups kept, and the most writes between them.
    indexed(tmp_path / "checked.db", corpus(4), jobs=1, batch_size=64)
    assert kept


def test_decisions_replay_alike_with_workers(tmp_path: Path) -> None:
    articles = corpus(3)
    results = []
    for jobs in (1, 2):
        db = tmp_path / f"decided{jobs}.db"
        with Store(db) as store:
            index_articles(store, articles[:8], jobs=1)
            Registry(store).decide(Decision("rename", "Helen Marsh", "Helen Marsh-Owen"))
            Registry(store).decide(Decision("split", "Peter Grant", "Grant", "Ed Grant"))
            index_articles(store, articles[8:], jobs=jobs, batch_size=4)
        results.append(dump(db))
    assert results[0] == results[1]
    names = {row[1] for row in results[0]["speakers"]}
    assert "Helen Marsh-Owen" in names and "Helen Marsh" not in names


def test_workers_send_the_article_prepared() -> None:
    text = TEMPLATES[0].format(n=1)
    [(converted, prepared, problem)] = extract_batch([Article(text, "a.txt")])
    assert converted is None and problem is None
    extraction = with_fingerprints(extract(text))
    assert prepared == prepare(text, extraction)
    assert len(prepared.quotes) == len(extraction.quotes)
    # Plain values only: nothing of the engine's classes crosses between processes.
    assert all(
        type(value) in (str, int, bool, tuple, type(None))
        for part in (prepared.speakers, prepared.quotes)
        for row in part
        for value in row
    )


@pytest.mark.parametrize(
    "order", [("Mr Frasca", "Dr Frasca"), ("Dr Frasca", "Mr Frasca")], ids=["mr-dr", "dr-mr"]
)
def test_a_speakers_forms_of_address_keep_the_articles_order(order: tuple[str, str]) -> None:
    first, second = order
    text = (
        f"Gonzalo Frasca designs games. “Play is serious,” {first} said. "
        f"“Games teach,” {second} said."
    )
    extraction = extract(text)
    resolved = resolve_article(extraction.speakers, extraction.quotes, text)
    frasca = resolved.names["Gonzalo Frasca"]
    assert frasca is not None
    assert [a for a in frasca.speaker.aliases if a in order] == list(order)


def test_index_gives_the_same_database_whatever_the_jobs_and_hash_seed(
    tmp_path: Path, quotecli_bin: str
) -> None:
    """The installed command, run as a user runs it, on more articles than one batch holds."""
    feed = tmp_path / "feed.jsonl"
    lines = [json.dumps({"id": a.key, "text": a.text}) for a in corpus(10)]
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    dumps = []
    for jobs, seed in (("1", "1"), ("2", "2")):
        db = tmp_path / f"cli{jobs}.db"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [quotecli_bin, "index", str(feed), "--db", str(db), "-j", jobs],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert done.stderr.startswith(f"Indexed {len(lines)} new articles (")
        dumps.append(dump(db))
    assert dumps[0] == dumps[1]


# Kept lookups against any order of speakers -------------------------------------------

# Names that share surnames and spellings, written every way articles write them, and
# sentences that show a name to be a person, an organisation, or neither.
NAMES = (
    "Kelso",
    "Mr Kelso",
    "Dr Kelso",
    "Anna Kelso",
    "Ian Kelso",
    "Ian Kelsoe",
    "Lord Kelso",
    "Kelso Holdings",
    "Marr",
    "Mrs Marr",
    "Andrew Marr",
)
SENTENCES = (
    "“Prices will rise again this year,” said {name}.",
    "“We disagree with the ruling,” {name} said. He left the court at noon.",
    "“The company will appeal,” {name} said in a statement from the firm.",
)


@pytest.fixture(scope="module")
def pool() -> list[tuple[Article, Any]]:
    articles = []
    for i, name in enumerate(NAMES):
        for j, sentence in enumerate(SENTENCES):
            other = NAMES[(i * 3 + j) % len(NAMES)]
            text = f"{sentence.format(name=name)} “Nobody asked us first,” said {other}."
            articles.append((Article(text, f"p{i}-{j}.txt"), with_fingerprints(extract(text))))
    return articles


class _NoKeptLookups(Store):
    def _namesakes(self, name: str) -> list:
        self._memo = None
        return super()._namesakes(name)


def test_kept_lookups_give_the_same_index_for_any_articles_in_any_order(
    pool: list[tuple[Article, Any]],
) -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    @settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(st.sampled_from(range(len(pool))), min_size=1, max_size=20, unique=True))
    def check(order: list[int]) -> None:
        batch = [pool[i] for i in order]
        dumps = []
        for kind in (Store, _NoKeptLookups):
            with kind(":memory:") as store:  # SQLite's own name for a database in memory
                store.write_batch(batch)
                dumps.append(dump(store.conn))
        assert dumps[0] == dumps[1]

    check()


@pytest.mark.parametrize("writer", ["another connection", "the same connection"])
def test_lookups_are_not_kept_past_a_write_made_between_batches(
    pool: list[tuple[Article, Any]], tmp_path: Path, writer: str
) -> None:
    """Another program (or this one, outside the writer) may change speakers between batches."""
    db = tmp_path / "kept.db"
    with Store(db) as store:
        store.write_batch(pool[:6])
        assert store._kept is not None
        memo = store._kept[0]
        assert len(memo) > 0
        with store.guard():
            assert store._resume(store._kept) is memo  # nothing written since
        decision = Decision("type", "Anna Kelso", "organisation")
        if writer == "another connection":
            with Store(db) as other:
                Registry(other).decide(decision)
        else:
            Registry(store).decide(decision)
        with store.guard():
            assert store._resume(store._kept) is not memo
        store.write_batch(pool[6:12])
        # A batch whose speakers the decision is about replays it: nothing is kept.
        assert store._kept is None


def test_lookups_are_not_kept_past_a_batch_that_failed(
    pool: list[tuple[Article, Any]], tmp_path: Path
) -> None:
    with Store(tmp_path / "failed.db") as store:
        store.write_batch(pool[:6])
        store.conn.execute("BEGIN")
        store.write_batch(pool[6:9])  # inside an outer transaction: a savepoint, not committed
        store.conn.execute("ROLLBACK")
        assert store._kept is None


@pytest.mark.skipif(not hasattr(os, "fork"), reason="workers are forked only where fork exists")
def test_workers_are_forked_while_no_other_thread_runs(tmp_path, monkeypatch) -> None:
    """Progress on a terminal is redrawn by the writer itself: a thread drawing it
    while the workers are forked could leave a lock it held taken forever in them."""
    import io
    import sys
    import threading

    from quotecli.cli import _IndexReport

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    class Reader:
        bytes_read = 0

        def measure(self) -> int:
            return 1_000

    threads_at_fork: list[set[threading.Thread]] = []
    real_fork = os.fork

    def fork() -> int:
        threads_at_fork.append(set(threading.enumerate()))
        return real_fork()

    # (Threads an earlier test left running are none of this run's.)
    before = set(threading.enumerate())
    monkeypatch.setattr(os, "fork", fork)
    monkeypatch.setattr(sys, "stderr", Terminal())
    report = _IndexReport(no_color=True)
    with Store(tmp_path / "t.db") as store, report.running(Reader()):
        summary = index_articles(store, corpus(1), jobs=2, batch_size=2, on_batch=report.on_batch)
    assert summary.added == len(TEMPLATES)
    assert threads_at_fork and all(threads <= before for threads in threads_at_fork)
    assert "Indexing" in sys.stderr.getvalue()


def test_pages_and_failures_are_named_alike_with_and_without_workers(tmp_path, monkeypatch):
    """Only a text crosses to a worker, so the writer names the article a problem is about."""
    import quotecli.extract
    from quotecli.documents import HtmlPage

    real = quotecli.extract.extract

    def fragile(text: str):
        if "district 0," in text:
            raise ValueError("cannot parse")
        return real(text)

    monkeypatch.setattr(quotecli.extract, "extract", fragile)
    page = (
        "<html><head><title>Harbour news</title></head><body><article><p>"
        + TEMPLATES[0].format(n=9)
        + "</p><p>The port will open its gates to visitors for the first time in years, "
        "and the council expects crowds from across the region.</p></article></body></html>"
    )
    items = [
        *corpus(1),
        HtmlPage(page, "harbour.html"),
        HtmlPage("<html><body></body></html>", "empty.html"),
    ]
    runs = []
    for jobs in (1, 2):
        warnings: list[str] = []
        with Store(tmp_path / f"j{jobs}.db") as store:
            summary = index_articles(store, items, jobs=jobs, batch_size=2, warn=warnings.append)
            quotes = store.db.execute("select text from quotes order by text").fetchall()
        runs.append((summary.added, summary.skipped, sorted(warnings), quotes))
    assert runs[0] == runs[1]
    added, skipped, warnings, _ = runs[0]
    assert (added, skipped) == (len(TEMPLATES), 2)
    assert warnings == [
        "skipped a0-3.txt: extraction failed (ValueError('cannot parse'))",
        "skipped empty.html: no article text found in the HTML",
    ]
