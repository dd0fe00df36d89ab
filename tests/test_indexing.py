"""Indexing archives: incremental runs, replacement, batches in worker processes, interruption."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotecli import cli
from quotecli.documents import Reader
from quotecli.indexing import BATCH_SIZE, extract_batch, index_articles
from quotecli.model import Article
from quotecli.search import list_quotes, list_speakers, match_speakers, who_said
from quotecli.store import Store


def story(n: int, promise: str = "repair the road") -> str:
    return (
        f"Residents of district {n} met on Tuesday. “We will {promise} in district {n} "
        f"before winter,” said Mayor Ann Lee. Critics said that district {n} had waited too long."
    )


def feed(path: Path, numbers: range, **extra: str) -> Path:
    lines = [json.dumps({"id": f"d{n}", "text": story(n), **extra}) for n in numbers]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(*args: str, input: str | None = None):
    result = CliRunner().invoke(cli.app, list(args), input=input)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def snapshot(db: Path) -> dict:
    """What a reader sees: articles, quotes, speakers with counts, and the indexes agree."""
    with Store(db) as store:
        assert store.scalar("PRAGMA integrity_check") == "ok"
        store.db.execute("INSERT INTO quotes_fts(quotes_fts) VALUES ('integrity-check')")
        store.db.execute(
            "INSERT INTO speaker_names_fts(speaker_names_fts) VALUES ('integrity-check')"
        )
        counted = store.rows(
            "SELECT s.name, s.quotes, s.articles, count(q.id) AS real_quotes,"
            " count(DISTINCT q.article_id) AS real_articles"
            " FROM speakers s LEFT JOIN quotes q ON q.speaker_id = s.id GROUP BY s.id"
        )
        for row in counted:
            assert (row["quotes"], row["articles"]) == (row["real_quotes"], row["real_articles"])
        return {
            "articles": sorted(r["text"] for r in store.rows("SELECT text FROM articles")),
            "quotes": sorted(
                (r["text"], r["name"])
                for r in store.rows(
                    "SELECT q.text, s.name FROM quotes q"
                    " LEFT JOIN speakers s ON s.id = q.speaker_id"
                )
            ),
            "speakers": sorted((r["name"], r["quotes"], r["articles"]) for r in counted),
        }


# Incremental runs ------------------------------------------------------------------------


def test_changed_article_replaces_the_old_one_and_its_quotes(isolated_db, tmp_path):
    path = tmp_path / "road.txt"
    path.write_text(story(1), encoding="utf-8")
    assert run("index", str(path)).exit_code == 0
    path.write_text(story(1, promise="rebuild the bridge"), encoding="utf-8")
    result = run("index", str(path))
    assert result.exit_code == 0
    assert result.stderr.startswith("Indexed 0 new articles, 1 replaced (")
    with Store(isolated_db) as store:
        assert store.article_count() == 1
        assert store.get_article(1)["text"] == story(1, promise="rebuild the bridge")
        assert who_said(store, "repair the road") == []
        assert [r["speaker"] for r in who_said(store, "rebuild the bridge")] == ["Ann Lee"]
        assert all("road" not in r["text"] for r in list_quotes(store))
        [lee] = [r for r in list_speakers(store) if r["speaker"] == "Ann Lee"]
        assert lee["articles"] == 1
    snapshot(isolated_db)


def test_quote_ids_of_a_replaced_article_are_never_given_out_again(isolated_db, tmp_path):
    path = tmp_path / "road.txt"
    path.write_text(story(1), encoding="utf-8")
    run("index", str(path))
    with Store(isolated_db) as store:
        old_ids = {r["id"] for r in list_quotes(store)}
    path.write_text(story(1, promise="rebuild the bridge"), encoding="utf-8")
    run("index", str(path))
    with Store(isolated_db) as store:
        new_ids = {r["id"] for r in list_quotes(store)}
    assert new_ids and min(new_ids) > max(old_ids)


def test_changed_feed_line_replaces_by_id(isolated_db, tmp_path):
    path = feed(tmp_path / "feed.jsonl", range(3))
    run("index", str(path))
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[1] = json.dumps({"id": "d1", "text": story(1, promise="open the school")})
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("index", str(path))
    assert result.stderr.startswith("Indexed 0 new articles, 1 replaced, 2 unchanged (")
    with Store(isolated_db) as store:
        assert store.article_count() == 3
        assert who_said(store, "open the school")[0]["article"] == "d1"


def test_duplicates_under_two_paths_are_stored_once(isolated_db, tmp_path):
    for name in ("a.txt", "copy/of/a.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(story(5), encoding="utf-8")
    result = run("index", str(tmp_path))
    assert result.stderr.startswith("Indexed 1 new article, 1 duplicate (")
    with Store(isolated_db) as store:
        assert store.article_count() == 1
    # Run again: both were in the index before this run.
    again = run("index", str(tmp_path)).stderr
    assert again.startswith("Indexed 0 new articles, 2 unchanged (0 quotes)")


def test_rebuild_starts_over(isolated_db, tmp_path):
    run("index", str(feed(tmp_path / "old.jsonl", range(4))))
    result = run("index", "--rebuild", str(feed(tmp_path / "new.jsonl", range(10, 12))))
    assert result.stderr.startswith("Indexed 2 new articles (")
    state = snapshot(isolated_db)
    assert state["articles"] == sorted([story(10), story(11)])
    assert ("Ann Lee", 2, 2) in state["speakers"]
    assert all(articles == 2 for _, _, articles in state["speakers"])


def test_failed_rebuild_leaves_the_index_as_it_was(isolated_db, tmp_path):
    run("index", str(feed(tmp_path / "old.jsonl", range(4))))
    before = snapshot(isolated_db)
    (tmp_path / "bad.jsonl").write_text('{"body": "no text field"}\n', encoding="utf-8")
    result = run("index", "--rebuild", str(tmp_path / "bad.jsonl"))
    assert result.exit_code == 2
    assert snapshot(isolated_db) == before
    assert not Path(f"{isolated_db}.rebuild").exists()


# Batches and worker processes -----------------------------------------------------------


def test_workers_give_the_same_index_as_one_process(tmp_path):
    articles = [Article(story(n), f"s{n}.txt", key=f"s{n}") for n in range(30)]
    articles.insert(10, Article(story(3), "again.txt"))  # a duplicate inside the run
    results = {}
    for jobs in (1, 2):
        db = tmp_path / f"jobs{jobs}.db"
        with Store(db) as store:
            summary = index_articles(store, articles, jobs=jobs, batch_size=4)
        assert (summary.added, summary.duplicates, summary.articles) == (30, 1, 31)
        assert summary.unchanged == 0
        results[jobs] = snapshot(db)
    assert results[1] == results[2]
    assert len(results[1]["quotes"]) >= 30


def test_each_batch_is_one_transaction(tmp_path, monkeypatch):
    """A failure while writing a batch leaves the batches before it and nothing of it."""
    articles = [Article(story(n), f"s{n}.txt") for n in range(10)]
    original = Store.write_batch
    calls = []

    def failing(self, batch):
        calls.append(len(batch))
        if len(calls) == 2:
            self._write(*batch[0])  # half a batch written, then the failure
            raise RuntimeError("disk on fire")
        return original(self, batch)

    monkeypatch.setattr(Store, "write_batch", failing)
    with Store(tmp_path / "t.db") as store, pytest.raises(RuntimeError):
        index_articles(store, articles, batch_size=4)
    monkeypatch.undo()
    with Store(tmp_path / "t.db") as store:
        assert store.article_count() == 4


@pytest.mark.parametrize("fails", [False, True])
def test_the_collector_skips_old_objects_only_while_indexing(tmp_path, monkeypatch, fails):
    """The program's objects are frozen for the run and given back to the collector after it,
    however the run ends."""
    import gc

    articles = [Article(story(n), f"s{n}.txt") for n in range(3)]
    original = Store.write_batch
    frozen_while_writing = []

    def watched(self, batch):
        frozen_while_writing.append(gc.get_freeze_count())
        if fails:
            raise RuntimeError("disk on fire")
        return original(self, batch)

    monkeypatch.setattr(Store, "write_batch", watched)
    assert gc.get_freeze_count() == 0
    with Store(tmp_path / "t.db") as store:
        if fails:
            with pytest.raises(RuntimeError):
                index_articles(store, articles)
        else:
            index_articles(store, articles)
    assert frozen_while_writing and frozen_while_writing[0] > 0
    assert gc.get_freeze_count() == 0


def test_a_failing_article_is_skipped_with_a_warning(monkeypatch):
    import quotecli.extract

    def fragile(text: str):
        if "district 2 " in text:
            raise ValueError("cannot parse")
        return quotecli.extract.Extraction()

    quotecli.extract.Extraction = __import__("quotecli.model").model.Extraction
    monkeypatch.setattr(quotecli.extract, "extract", fragile)
    results = extract_batch([Article(story(1), "a.txt"), Article(story(2), "b.txt")])
    assert results[0][2] is None
    assert results[1][2] == "skipped b.txt: extraction failed (ValueError('cannot parse'))"


# The command line -----------------------------------------------------------------------


def test_malformed_lines_and_rows_are_reported_and_the_rest_indexed(isolated_db, tmp_path):
    jsonl = tmp_path / "feed.jsonl"
    jsonl.write_text(
        "\n".join(
            [
                json.dumps({"id": "a", "text": story(1)}),
                '{"id": "b", "text": "unterminated',
                json.dumps({"id": "c", "title": "no text"}),
                json.dumps({"id": "d", "text": story(2)}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    table = tmp_path / "export.csv"
    table.write_text(
        f'id,text\ne,"{story(3)}"\nf,too,many\ng,"{story(4)}"\n',
        encoding="utf-8",
    )
    result = run("index", str(jsonl), str(table))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"Warning: {jsonl}:2: skipped, not valid JSON"
        " (Unterminated string starting at character 21)",
        f'Warning: {jsonl}:3: skipped, no text in its "text" field',
        f"Warning: {table}:3: skipped, 3 fields where the header has 2",
        result.stderr.splitlines()[-1],
    ]
    assert result.stderr.splitlines()[-1].startswith("Indexed 4 new articles, 3 warnings (")
    with Store(isolated_db) as store:
        assert store.article_count() == 4


def test_field_options(isolated_db, tmp_path):
    table = tmp_path / "export.csv"
    table.write_text(f'guid,body,headline\n9,"{story(9)}",Roads\n', encoding="utf-8")
    result = run(
        "index", str(table), "--text-field", "body", "--id-field", "guid", "--title-field",
        "headline",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    with Store(isolated_db) as store:
        row = store.get_article(1)
    assert (row["external_id"], row["title"], row["key"]) == ("9", "Roads", f"{table.resolve()}#9")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("id,body\n1,x\n", 'no "text" column'),
        ('{"body": "x"}\n', 'no valid JSON lines with a "text" field'),
    ],
)
def test_bad_explicit_archive_fails_before_writing(isolated_db, tmp_path, content, message):
    good = feed(tmp_path / "good.jsonl", range(2))
    bad = tmp_path / ("bad.csv" if content.startswith("id") else "bad.jsonl")
    bad.write_text(content, encoding="utf-8")
    result = run("index", str(good), str(bad))
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ") and message in result.stderr
    assert not isolated_db.exists()


def test_directory_of_only_bad_files_is_an_error(isolated_db, tmp_path):
    (tmp_path / "a.jsonl").write_text("nonsense\n", encoding="utf-8")
    result = run("index", str(tmp_path))
    assert result.exit_code == 2
    assert f"Warning: {tmp_path / 'a.jsonl'}:1: skipped" in result.stderr
    assert "no articles found" in result.stderr


def test_jobs_must_be_positive(isolated_db, tmp_path):
    result = run("index", str(feed(tmp_path / "f.jsonl", range(1))), "--jobs", "0")
    assert result.exit_code == 2
    assert result.stderr == "Error: --jobs must be 1 or more, not 0\n"


def test_speaker_lookup_uses_the_name_index(isolated_db, tmp_path):
    run("index", str(feed(tmp_path / "f.jsonl", range(3))))
    with Store(isolated_db) as store:
        lee = match_speakers(store, "Ann Lee")
        assert lee and match_speakers(store, "ann lee") == lee
        assert match_speakers(store, "Ann Leee") == lee  # close spelling, via trigrams
        assert match_speakers(store, "Lee") == lee  # an alias
        assert match_speakers(store, "Zebedee Quux") == []


# Interruption: a real indexing process, killed -------------------------------------------

TOTAL = 6 * BATCH_SIZE


def _start(db: Path, **kwargs) -> subprocess.Popen:
    env = {**os.environ, "QUOTECLI_DB": str(db)}
    return subprocess.Popen(
        [sys.executable, "-m", "quotecli", "index", "-", "--jobs", "2"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        **kwargs,
    )


def _committed(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:
        return 0  # not created yet


def _feed_until_committed(process: subprocess.Popen, db: Path, lines: list[str]) -> None:
    """Send batches until the index holds some, then stop feeding but keep stdin open.

    With stdin open the run cannot finish, so whatever happens next happens mid-run.
    """
    assert process.stdin is not None
    deadline = time.monotonic() + 30
    sent = 0
    while _committed(db) == 0:
        assert time.monotonic() < deadline, "no batch was committed"
        if sent < len(lines) // 2:
            process.stdin.write("".join(lines[sent : sent + BATCH_SIZE]).encode())
            process.stdin.flush()
            sent += BATCH_SIZE
        time.sleep(0.05)


def _no_workers_left(db: Path) -> bool:
    """No process still has this database on its command line (Linux /proc)."""
    for _ in range(50):
        alive = []
        for entry in Path("/proc").iterdir():
            try:
                if entry.name.isdigit() and str(db).encode() in (entry / "environ").read_bytes():
                    alive.append(entry.name)
            except OSError:
                continue
        if not alive:
            return True
        time.sleep(0.1)
    return False


def _resume_and_compare(db: Path, source: Path, tmp_path: Path) -> None:
    committed = _committed(db)
    assert committed % BATCH_SIZE == 0 and 0 < committed < TOTAL  # whole batches only
    snapshot(db)
    result = run("index", str(source), "--db", str(db))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith(
        f"Indexed {TOTAL - committed:,} new articles, {committed:,} unchanged ("
    )
    clean = tmp_path / "clean.db"
    run("index", str(source), "--db", str(clean))
    assert snapshot(db) == snapshot(clean)


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs Linux /proc")
def test_sigkill_leaves_every_committed_batch_and_the_next_run_continues(tmp_path):
    db = tmp_path / "killed.db"
    source = feed(tmp_path / "all.jsonl", range(TOTAL))
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    process = _start(db)
    try:
        _feed_until_committed(process, db, lines)
        process.kill()
        process.wait(timeout=10)
    finally:
        process.kill()
    assert _no_workers_left(db)
    _resume_and_compare(db, source, tmp_path)


@pytest.mark.skipif(sys.platform == "win32", reason="needs process groups")
def test_ctrl_c_exits_130_with_a_consistent_index(tmp_path):
    db = tmp_path / "interrupted.db"
    source = feed(tmp_path / "all.jsonl", range(TOTAL))
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    process = _start(db, start_new_session=True)
    try:
        _feed_until_committed(process, db, lines)
        # A terminal's Ctrl-C goes to the whole process group, workers included.
        os.killpg(process.pid, signal.SIGINT)
        _, stderr = process.communicate(timeout=20)
    finally:
        process.kill()
    assert process.returncode == 130
    assert "Interrupted." in stderr.decode()
    assert "run the same command again to continue" in stderr.decode()
    assert "Traceback" not in stderr.decode()
    _resume_and_compare(db, source, tmp_path)


def test_reader_and_indexer_stream_a_few_batches_at_a_time(tmp_path):
    """Articles are pulled from the reader as batches are written, not all up front."""
    source = feed(tmp_path / "all.jsonl", range(8 * BATCH_SIZE))
    reader = Reader([str(source)])
    ahead = []
    with Store(tmp_path / "s.db") as store:
        index_articles(
            store, reader, on_batch=lambda s: ahead.append(reader.articles_read - s.articles)
        )
    assert len(ahead) == 8
    # Only the read-ahead queue (two batches), one batch waiting to join it and
    # the batch being cut: never the whole input of eight.
    assert max(ahead) <= 4 * BATCH_SIZE
