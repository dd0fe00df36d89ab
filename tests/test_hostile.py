"""Hostile and unlucky input: nothing may lose the index, lie about it, hang or crash.

Where the behaviour belongs to the process (locks between runs, pipes,
signals), these tests run the installed ``quotecli`` command itself.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotecli import cli
from quotecli.model import Article
from quotecli.search import who_said
from quotecli.store import Store

POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX processes and files")


def story(n: int, promise: str = "mend the bridge") -> str:
    return (
        f"Farmers from valley {n} gathered at dawn. “We will {promise} at valley {n} "
        f"before the thaw,” said Councillor Rhys Bowen. Neighbours said valley {n} was cut off."
    )


def jsonl(numbers: range, prefix: str = "v") -> str:
    return "".join(json.dumps({"id": f"{prefix}{n}", "text": story(n)}) + "\n" for n in numbers)


def run(*args: str, input: str | None = None):
    result = CliRunner().invoke(cli.app, list(args), input=input)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def articles_in(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:
        return 0  # not created yet, or no tables yet


def sources_in(db: Path) -> set[str]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10) as conn:
        return {row[0] for row in conn.execute("SELECT source FROM articles")}


def wait_for(condition, what: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def start(bin_: str, *args: str, db: Path, **kwargs) -> subprocess.Popen:
    env = {**os.environ, "QUOTECLI_DB": str(db)}
    return subprocess.Popen(
        [bin_, *args],
        stdin=kwargs.pop("stdin", subprocess.PIPE),
        stdout=subprocess.PIPE,
        stderr=kwargs.pop("stderr", subprocess.PIPE),
        env=env,
        **kwargs,
    )


def finish(process: subprocess.Popen, timeout: float = 60) -> tuple[int, str]:
    if process.stdin is not None and process.stdin.closed:
        process.stdin = None
    try:
        _, err = process.communicate(timeout=timeout)
    finally:
        process.kill()
    return process.returncode, (err or b"").decode()


def stderr_file(path: Path):
    """A file to send a process's stderr to, so a test can watch it while the process runs."""
    return path.open("wb")


WAITING = "Waiting for another quotecli index run"


# Errors that lose data or lie ----------------------------------------------------------


def test_rebuild_from_input_without_articles_refuses_and_keeps_the_index(isolated_db, tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(jsonl(range(3)), encoding="utf-8")
    run("index", str(feed))
    page = tmp_path / "scripts.html"
    page.write_text(
        "<html><head><script>var a = 1;</script></head><body><script>go()</script></body></html>",
        encoding="utf-8",
    )
    result = run("index", "--rebuild", str(page))
    assert result.exit_code == 2
    assert "no article to rebuild the index from" in result.stderr
    assert "was left as it was" in result.stderr
    assert articles_in(isolated_db) == 3
    assert not Path(f"{isolated_db}.rebuild").exists()


@POSIX
def test_rebuild_keeps_the_file_mode_and_writes_through_a_symlink(tmp_path, quotecli_bin):
    real = tmp_path / "real" / "index.db"
    real.parent.mkdir()
    link = tmp_path / "link.db"
    feed = tmp_path / "feed.jsonl"
    feed.write_text(jsonl(range(3)), encoding="utf-8")
    run("index", str(feed), "--db", str(real))
    real.chmod(0o600)
    link.symlink_to(real)
    feed.write_text(jsonl(range(10, 12)), encoding="utf-8")
    code, err = finish(start(quotecli_bin, "index", "--rebuild", str(feed), db=link))
    assert code == 0, err
    assert link.is_symlink()
    assert stat.S_IMODE(real.stat().st_mode) == 0o600
    assert articles_in(real) == 2
    assert not list(tmp_path.glob("*.rebuild*")) and not list(real.parent.glob("*.rebuild*"))


@POSIX
def test_a_rebuild_waits_for_a_running_index_and_loses_none_of_its_articles(tmp_path, quotecli_bin):
    db = tmp_path / "shared.db"
    feed = tmp_path / "feed.jsonl"
    feed.write_text(jsonl(range(50, 52), prefix="r"), encoding="utf-8")
    indexer = start(quotecli_bin, "index", "-", "--jobs", "1", db=db)
    assert indexer.stdin is not None
    indexer.stdin.write(jsonl(range(3)).encode())
    indexer.stdin.flush()
    wait_for(lambda: articles_in(db) == 3, "the trickled articles to be committed")

    log = tmp_path / "rebuild.err"
    with stderr_file(log) as err_out:
        rebuild = start(quotecli_bin, "index", "--rebuild", str(feed), db=db, stderr=err_out)
    wait_for(lambda: WAITING in log.read_text(encoding="utf-8"), "the rebuild to wait")
    assert rebuild.poll() is None, "the rebuild did not wait for the index run"
    indexer.stdin.write(jsonl(range(3, 5)).encode())
    indexer.stdin.close()
    code, err = finish(indexer)
    assert code == 0, err
    assert err.startswith("Indexed 5 new articles")
    code, _ = finish(rebuild)
    assert code == 0, log.read_text(encoding="utf-8")
    assert articles_in(db) == 2  # the rebuild came after the run, and replaced its index

    # And the other way round: a run started during a rebuild adds to the rebuilt index.
    rebuild = start(quotecli_bin, "index", "--rebuild", "-", "--jobs", "1", db=db)
    assert rebuild.stdin is not None
    rebuild.stdin.write(jsonl(range(20, 23), prefix="n").encode())
    rebuild.stdin.flush()
    fresh = Path(f"{db}.rebuild")
    wait_for(fresh.exists, "the rebuild to start filling its new index")
    log = tmp_path / "later.err"
    with stderr_file(log) as err_out:
        later = start(
            quotecli_bin, "index", str(feed), db=db, stdin=subprocess.DEVNULL, stderr=err_out
        )
    wait_for(lambda: WAITING in log.read_text(encoding="utf-8"), "the run to wait")
    assert later.poll() is None, "an index run did not wait for the rebuild"
    rebuild.stdin.close()
    code, err = finish(rebuild)
    assert code == 0, err
    code, _ = finish(later)
    assert code == 0, log.read_text(encoding="utf-8")
    assert "Indexed 2 new articles" in log.read_text(encoding="utf-8")
    assert articles_in(db) == 5


@POSIX
def test_two_rebuilds_at_once_both_succeed_one_after_the_other(tmp_path, quotecli_bin):
    db = tmp_path / "twice.db"
    feeds = []
    for name, numbers in (("one", range(4)), ("two", range(10, 13))):
        path = tmp_path / f"{name}.jsonl"
        path.write_text(jsonl(numbers, prefix=name), encoding="utf-8")
        feeds.append(path)
    run("index", str(feeds[0]), "--db", str(db))
    first, second = (start(quotecli_bin, "index", "--rebuild", str(f), db=db) for f in feeds)
    for process in (first, second):
        code, err = finish(process)
        assert code == 0, err
    assert articles_in(db) in (3, 4)  # whichever came last
    assert sqlite3.connect(db).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@POSIX
def test_first_use_of_a_new_database_by_several_processes_at_once(tmp_path, quotecli_bin):
    for attempt in range(3):
        db = tmp_path / f"new{attempt}.db"
        processes = []
        for n in range(4):
            path = tmp_path / f"a{attempt}-{n}.txt"
            path.write_text(story(attempt * 10 + n), encoding="utf-8")
            processes.append(start(quotecli_bin, "index", str(path), db=db))
        for process in processes:
            code, err = finish(process)
            assert code == 0, err
        assert articles_in(db) == 4


@POSIX
def test_a_reader_does_not_seed_an_index_being_written_for_the_first_time(tmp_path, quotecli_bin):
    db = tmp_path / "first.db"
    indexer = start(quotecli_bin, "index", "-", "--jobs", "1", db=db)
    assert indexer.stdin is not None
    # Still waiting for its first line of input: the run already holds the new index.
    wait_for(db.exists, "the index file")
    code, err = finish(start(quotecli_bin, "list", db=db, stdin=subprocess.DEVNULL))
    assert "bundled seed" not in err
    indexer.stdin.write(jsonl(range(1)).encode())
    indexer.stdin.flush()
    time.sleep(0.5)  # read, perhaps not yet committed
    code, err = finish(start(quotecli_bin, "list", db=db, stdin=subprocess.DEVNULL))
    assert "bundled seed" not in err
    indexer.stdin.write(jsonl(range(1, 3)).encode())
    indexer.stdin.close()
    code, err = finish(indexer)
    assert code == 0, err
    assert sources_in(db) == {"<stdin>:1", "<stdin>:2", "<stdin>:3"}


def test_a_speaker_absorbed_by_a_full_name_in_the_same_article_keeps_its_quotes(
    tmp_path, extraction_for
):
    text = "Okafor said “the roof leaks”. Later Grace Okafor said “we need a new one”."
    extraction = extraction_for(
        text,
        [
            {"speaker": "Okafor", "quote": "the roof leaks"},
            {"speaker": "Grace Okafor", "quote": "we need a new one"},
        ],
    )
    with Store(tmp_path / "one.db") as store:
        store.add_article(Article(text, "roof.txt"), extraction)
        rows = store.rows(
            "SELECT s.name, q.text FROM quotes q JOIN speakers s ON s.id = q.speaker_id"
            " ORDER BY q.id"
        )
        assert rows == [
            {"name": "Grace Okafor", "text": "the roof leaks"},
            {"name": "Grace Okafor", "text": "we need a new one"},
        ]
        assert store.scalar("SELECT quotes FROM speakers WHERE name = 'Grace Okafor'") == 2


def test_a_file_changed_to_the_text_of_another_no_longer_answers_with_its_old_text(
    isolated_db, tmp_path
):
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(story(1, "dredge the canal"), encoding="utf-8")
    second.write_text(story(2), encoding="utf-8")
    run("index", str(tmp_path))
    first.write_text(story(2), encoding="utf-8")
    run("index", str(tmp_path))
    with Store(isolated_db) as store:
        assert who_said(store, "dredge the canal") == []
        assert store.article_count() == 1
    # The same through the writer, when the text was not known before the batch.
    third = tmp_path / "third.txt"
    third.write_text(story(3, "fix the weir"), encoding="utf-8")
    run("index", str(third))
    third.write_text(story(4), encoding="utf-8")
    (tmp_path / "fourth.txt").write_text(story(4), encoding="utf-8")
    run("index", str(tmp_path))
    with Store(isolated_db) as store:
        assert who_said(store, "fix the weir") == []
        assert store.article_count() == 2


@POSIX
def test_articles_trickled_into_stdin_are_committed_without_waiting_for_a_full_batch(
    tmp_path, quotecli_bin
):
    db = tmp_path / "trickle.db"
    indexer = start(quotecli_bin, "index", "-", db=db, start_new_session=True)
    assert indexer.stdin is not None
    for line in jsonl(range(3)).splitlines(keepends=True):
        indexer.stdin.write(line.encode())
        indexer.stdin.flush()
        time.sleep(0.2)
    wait_for(lambda: articles_in(db) == 3, "three trickled articles to be committed", 15)
    os.killpg(indexer.pid, signal.SIGINT)
    code, err = finish(indexer)
    assert code == 130
    assert "3 new articles committed by this run; 3 articles in" in err
    assert articles_in(db) == 3


def test_a_damaged_database_is_not_written_to(isolated_db, tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(jsonl(range(40)), encoding="utf-8")
    run("index", str(feed))
    with sqlite3.connect(isolated_db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    data = bytearray(isolated_db.read_bytes())
    # Scribble over the page headers of the second half of the file.
    for page in range(pages // 2, pages):
        at = page * page_size
        data[at : at + 12] = b"\x2a" * 12
    isolated_db.write_bytes(bytes(data))
    before = isolated_db.read_bytes()
    (tmp_path / "new.txt").write_text(story(99), encoding="utf-8")
    result = run("index", str(tmp_path / "new.txt"))
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ")
    assert "is damaged" in result.stderr or "not a readable SQLite database" in result.stderr
    assert result.stderr.count("\n") == 1
    assert isolated_db.read_bytes() == before


# Hangs outside the engine ---------------------------------------------------------------


@POSIX
def test_a_named_pipe_given_by_name_is_read_once_as_a_stream(tmp_path, quotecli_bin):
    import threading

    fifo = tmp_path / "feed"
    os.mkfifo(fifo)

    def write() -> None:
        with fifo.open("w", encoding="utf-8") as pipe:
            pipe.write(jsonl(range(3)))

    # A daemon: should the reader never open the pipe, the writer must not keep
    # the test run alive after this test has failed.
    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    db = tmp_path / "fifo.db"
    code, err = finish(start(quotecli_bin, "index", str(fifo), db=db), timeout=60)
    writer.join(timeout=10)
    assert code == 0, err
    assert articles_in(db) == 3


@POSIX
def test_process_substitution_works_for_index_and_extract(tmp_path, quotecli_bin):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(jsonl(range(5)), encoding="utf-8")
    db = tmp_path / "sub.db"
    env = {**os.environ, "QUOTECLI_DB": str(db), "BIN": quotecli_bin, "FEED": str(feed)}
    done = subprocess.run(
        ["bash", "-c", '"$BIN" index <(head -3 "$FEED")'],
        capture_output=True,
        env=env,
        timeout=60,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert articles_in(db) == 3
    env["TEXT"] = story(7)
    done = subprocess.run(
        ["bash", "-c", '"$BIN" extract -f tsv <(echo "$TEXT") | cut -f1,4'],
        capture_output=True,
        env=env,
        timeout=60,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert "Rhys Bowen\tWe will mend the bridge at valley 7 before the thaw," in done.stdout


@POSIX
def test_pipes_and_devices_inside_a_folder_are_skipped_with_a_warning(tmp_path, quotecli_bin):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "real.txt").write_text(story(1), encoding="utf-8")
    os.mkfifo(folder / "waiting.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    db = tmp_path / "folder.db"
    code, err = finish(start(quotecli_bin, "index", str(folder), db=db), timeout=60)
    assert code == 0, err
    assert "waiting.txt: a named pipe, not a file" in err
    assert "zero.txt: a device, not a file" in err
    assert articles_in(db) == 1


def test_jobs_is_capped_at_the_number_of_cores(isolated_db, tmp_path):
    from quotecli.indexing import default_jobs

    feed = tmp_path / "feed.jsonl"
    feed.write_text(jsonl(range(3)), encoding="utf-8")
    result = run("index", str(feed), "--jobs", "100000")
    assert result.exit_code == 0
    assert f"--jobs 100,000 lowered to {default_jobs()}, the number of cores" in result.stderr
    assert "one per core" in run("index", "--help").stdout


def test_long_queries_are_refused_before_the_index_is_opened(isolated_db):
    words = " ".join(f"q{n}" for n in range(100))
    result = run("who-said", words)
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: the query has 100 words; the most is 64")
    result = run("who-said", "a" * 5_000)
    assert result.exit_code == 2
    assert "5,000 characters long; the most is 1,000" in result.stderr
    assert len(result.stderr) < 200
    assert not isolated_db.exists()


def test_a_query_of_many_unknown_words_still_answers(isolated_db):
    words = " ".join(f"zq{n}x" for n in range(64))
    result = run("who-said", words)
    assert result.exit_code == 1
    last = result.stderr.splitlines()[-1]
    assert last.startswith('No quote matches "zq0x zq1x')
    assert last.endswith('…".') and len(last) < 100


@POSIX
# Datasette, imported by the browsing tests, turns sqlite3's callback tracebacks
# on for the whole test run, so the KeyboardInterrupt that stops the query from
# the progress handler is also reported as an error nobody could catch. quotecli
# leaves them off: at the command line Ctrl-C prints no such report.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_ctrl_c_stops_a_long_query_at_once(tmp_path):
    import threading

    with Store(tmp_path / "slow.db") as store:
        timer = threading.Timer(0.3, os.kill, (os.getpid(), signal.SIGINT))
        timer.start()
        began = time.monotonic()
        with pytest.raises(KeyboardInterrupt):
            store.scalar(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                " WHERE i < 10000000000) SELECT count(*) FROM n"
            )
        assert time.monotonic() - began < 10  # the query alone would run for many minutes
        timer.join()


def test_an_article_over_the_size_limit_is_refused_with_the_limit_named(isolated_db, tmp_path):
    from quotecli.documents import MAX_ARTICLE_BYTES

    big = tmp_path / "big.txt"
    big.write_text(story(1) + " word" * (MAX_ARTICLE_BYTES // 5), encoding="utf-8")
    result = run("index", str(big))
    assert result.exit_code == 2
    assert "is over 2 MB, the most one article may hold" in result.stderr
    assert not isolated_db.exists() or articles_in(isolated_db) == 0
    result = run("index", "-", input=big.read_text(encoding="utf-8"))
    assert result.exit_code == 2
    assert "<stdin>: is over 2 MB" in result.stderr

    # Inside a folder, or as a JSONL field or line, it is skipped with a warning.
    (tmp_path / "small.txt").write_text(story(2), encoding="utf-8")
    feed = tmp_path / "feed.jsonl"
    huge = "x" * (4 * MAX_ARTICLE_BYTES + 10)
    feed.write_text(
        json.dumps({"id": "a", "text": big.read_text(encoding="utf-8")})
        + "\n"
        + json.dumps({"id": "b", "text": huge})
        + "\n"
        + json.dumps({"id": "c", "text": story(3)})
        + "\n",
        encoding="utf-8",
    )
    result = run("index", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert "big.txt: is over 2 MB" in result.stderr
    assert "feed.jsonl:1: skipped, its text is over 2 MB" in result.stderr
    assert "feed.jsonl:2: skipped, over 8 MB on one line" in result.stderr
    assert articles_in(isolated_db) == 2


# Tracebacks -------------------------------------------------------------------------------


@POSIX
def test_file_names_that_are_not_utf8_are_indexed_and_shown(tmp_path, quotecli_bin):
    folder = tmp_path / "latin"
    folder.mkdir()
    name = os.fsdecode(b"caf\xe9.txt")
    (folder / name).write_text(story(1), encoding="utf-8")
    (folder / "plain.txt").write_text(story(2), encoding="utf-8")
    db = tmp_path / "names.db"
    code, err = finish(start(quotecli_bin, "index", str(folder), db=db))
    assert code == 0, err
    assert articles_in(db) == 2
    assert "caf\\xe9.txt" in {Path(s).name for s in sources_in(db)}
    # Named on its own, and again: unchanged, not a crash.
    code, err = finish(start(quotecli_bin, "index", str(folder / name), db=db))
    assert code == 0, err
    assert err.startswith("Indexed 0 new articles, 1 unchanged")


@POSIX
def test_closed_standard_streams_give_one_line_errors(tmp_path, quotecli_bin):
    # The default location, where a first read seeds the index: the seed must not
    # land through descriptor 1.
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "BIN": quotecli_bin}
    env.pop("QUOTECLI_DB", None)
    db = tmp_path / "data" / "quotecli" / "quotecli.db"
    closed_in = subprocess.run(
        ["bash", "-c", '"$BIN" index - <&-'], capture_output=True, env=env, timeout=60, text=True
    )
    assert closed_in.returncode == 2
    assert closed_in.stderr == "Error: standard input is closed (pipe articles in, or name files)\n"
    closed_out = subprocess.run(
        ["bash", "-c", '"$BIN" list >&-'], capture_output=True, env=env, timeout=60, text=True
    )
    assert closed_out.returncode == 2
    assert closed_out.stderr.endswith(
        "Error: standard output is closed; nowhere to write the results\n"
    )
    assert "Traceback" not in closed_out.stderr
    with sqlite3.connect(db) as conn:  # nothing landed in the index through descriptor 1
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@POSIX
def test_a_speaker_or_query_that_is_not_utf8_is_an_error(tmp_path, quotecli_bin):
    db = tmp_path / "args.db"
    for args in (["list", "--speaker", b"caf\xe9"], ["who-said", b"caf\xe9 au lait"]):
        done = subprocess.run(
            [quotecli_bin, *args],
            capture_output=True,
            env={**os.environ, "QUOTECLI_DB": str(db)},
            timeout=60,
        )
        assert done.returncode == 2
        assert done.stderr.decode().endswith("is not valid UTF-8 text\n")


def test_damaged_json_in_a_stored_column_costs_only_that_value(isolated_db, tmp_path):
    (tmp_path / "a.txt").write_text(story(1), encoding="utf-8")
    run("index", str(tmp_path / "a.txt"))
    with sqlite3.connect(isolated_db) as conn:
        conn.execute("UPDATE speakers SET roles = '[\"unclosed', aliases = '{not json'")
        conn.execute("UPDATE quotes SET parts = 'garbage'")
    for args in (["list", "-f", "json"], ["speakers", "-f", "tsv"], ["show", "1", "-f", "json"]):
        result = run(*args)
        assert result.exit_code == 0, (args, result.stderr)
    assert json.loads(run("list", "-f", "json").stdout)[0]["parts"] is None
    (tmp_path / "b.txt").write_text(story(2), encoding="utf-8")
    assert run("index", str(tmp_path / "b.txt")).exit_code == 0  # the writer reads them too


@POSIX
def test_a_reader_that_leaves_early_gives_141_for_every_format(tmp_path, quotecli_bin):
    db = tmp_path / "many.db"
    feed = tmp_path / "feed.jsonl"
    feed.write_text(jsonl(range(600)), encoding="utf-8")
    run("index", str(feed), "--db", str(db))
    env = {**os.environ, "QUOTECLI_DB": str(db), "BIN": quotecli_bin}
    for fmt in ("json", "jsonl", "tsv", "csv"):
        done = subprocess.run(
            [
                "bash",
                "-c",
                f'"$BIN" list -f {fmt} | head -c 10 >/dev/null; echo ${{PIPESTATUS[0]}}',
            ],
            capture_output=True,
            env=env,
            timeout=60,
            text=True,
        )
        assert done.stdout.strip() == "141", (fmt, done.stderr)
        assert done.stderr == ""


# Terminal safety --------------------------------------------------------------------------

ESCAPES = (
    "\x1b[2J",  # clear the screen
    "\x1b]52;c;aGVsbG8=\x07",  # write to the clipboard, ended by BEL
    "\x1b]8;;http://example.invalid/\x1b\\link\x1b]8;;\x1b\\",  # a hidden hyperlink
    "\x9b31m",  # CSI as one C1 character
    "\x7f",
)
LIVE = ("\x1b", "\x07", "\x9b", "\x7f")


def hostile_story() -> str:
    return (
        "The council met on Monday. “We will rebuild "
        + " ".join(ESCAPES)
        + " the old library by spring,” said Councillor Rhys Bowen."
    )


def test_escape_sequences_in_articles_never_reach_the_terminal_live(
    isolated_db, tmp_path, monkeypatch
):
    monkeypatch.setenv("COLUMNS", "600")  # one line a row, to read the cells whole
    article = tmp_path / "story.txt"
    article.write_text(hostile_story(), encoding="utf-8")
    assert run("index", str(article)).exit_code == 0
    outputs = {}
    for fmt in ("table", "tsv", "csv", "json", "jsonl"):
        outputs[f"list {fmt}"] = run("list", "-f", fmt).stdout
        outputs[f"who-said {fmt}"] = run("who-said", "old library", "-f", fmt).stdout
        outputs[f"show {fmt}"] = run("show", "1", "-f", fmt).stdout
    for name, output in outputs.items():
        assert "old library" in output, name
        for char in LIVE:
            assert char not in output, (name, char)
    assert "␛[2J" in outputs["list table"] and "␛[2J" in outputs["show table"]
    assert "\\x1b[2J" in outputs["list tsv"] and "\\x07" in outputs["list tsv"]
    assert "␛]52;c;aGVsbG8=␇" in outputs["list csv"]
    # JSON keeps the text exactly: every control character escaped, nothing lost.
    [row] = json.loads(outputs["list json"])
    assert all(sequence in row["text"] for sequence in ESCAPES)


def test_file_names_in_warnings_and_errors_are_shown_harmlessly(isolated_db, tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "ok.txt").write_text(story(1), encoding="utf-8")
    (folder / "bad\x1b[2J\x07.txt").write_bytes(b"\x00\x01binary")
    result = run("index", str(folder))
    assert result.exit_code == 0
    assert "bad␛[2J␇.txt: looks like a binary file" in result.stderr
    result = run("index", str(folder / "missing\x1b]52;c;eA==\x07.txt"))
    assert result.exit_code == 2
    assert not any(char in result.stderr for char in LIVE)


def test_safe_text_is_one_function_for_every_control_character():
    from quotecli.render import safe_text

    assert safe_text("a\nb\tc") == "a\nb\tc"
    assert safe_text("\x1b[2J\x07\r\x00") == "␛[2J␇␍␀"
    assert safe_text("\x9b\u202eevil") == "\\x9b\\u202eevil"
    assert safe_text("Zoë said “non”") == "Zoë said “non”"


# Ingestion --------------------------------------------------------------------------------

MARKDOWN = """---
title: Ferry service resumes
date: 2023-11-04
author:
  - Ines Duarte
  - Paul Okoro
---

# Ferry back

**"This is a fine morning for the island,"** said harbour chief [Nadia Berg](https://example.invalid/berg).

> "Two crossings a day will do for now," said skipper Owen Pryce.

- "Tickets cost the same as before," said clerk Lena Vos.
"""


def test_markdown_is_read_as_the_text_a_reader_sees_with_its_front_matter(isolated_db, tmp_path):
    from quotecli.markdown import plain_text

    found = plain_text(MARKDOWN)
    assert (found.title, found.date, found.author) == (
        "Ferry service resumes",
        "2023-11-04",
        "Ines Duarte; Paul Okoro",
    )
    assert "**" not in found.text and "https://" not in found.text and "> " not in found.text
    (tmp_path / "ferry.md").write_text(MARKDOWN, encoding="utf-8")
    rows = json.loads(run("extract", str(tmp_path / "ferry.md"), "-f", "json").stdout)
    pairs = {(r["speaker"], r["text"]) for r in rows}
    assert pairs == {
        ("Nadia Berg", "This is a fine morning for the island,"),
        ("Owen Pryce", "Two crossings a day will do for now,"),
        ("Lena Vos", "Tickets cost the same as before,"),
    }
    assert run("index", str(tmp_path / "ferry.md")).exit_code == 0
    with Store(isolated_db) as store:
        article = store.get_article(1)
        assert (article["title"], article["date"], article["author"]) == (
            "Ferry service resumes",
            "2023-11-04",
            "Ines Duarte; Paul Okoro",
        )
        for quote in store.rows('SELECT text, start, "end" FROM quotes'):
            assert article["text"][quote["start"] : quote["end"]] == quote["text"]


def test_markdown_with_bad_front_matter_is_read_with_a_warning(tmp_path):
    from quotecli.markdown import plain_text

    found = plain_text("---\ntitle: [unclosed\n---\n\nBody text here.\n")
    assert found.text == "Body text here."
    assert found.problem is not None and "not valid YAML" in found.problem
    assert plain_text("# Only a heading\n\nWords.").title == "Only a heading"


def test_csv_on_standard_input_is_recognised_by_its_header(isolated_db):
    data = 'id,title,body\n1,Valley,"' + story(1).replace('"', '""') + '"\n'
    result = run("index", "-", "--text-field", "body", input=data)
    assert result.exit_code == 0, result.stderr
    with Store(isolated_db) as store:
        assert store.rows("SELECT title, external_id FROM articles") == [
            {"title": "Valley", "external_id": "1"}
        ]
    extracted = run("extract", "-", "--text-field", "body", "-f", "tsv", input=data)
    assert extracted.exit_code == 0, extracted.stderr
    assert "Rhys Bowen" in extracted.stdout


def test_a_csv_quote_that_never_closes_is_skipped_not_merged(isolated_db, tmp_path):
    feed = tmp_path / "feed.csv"
    feed.write_text(
        f'id,text\n1,"{story(1)}"\n'.replace("“", "'").replace("”", "'")
        + f'2,"{story(2)}\n3,{story(3)}\n4,{story(4)}\n'.replace("“", "'").replace("”", "'"),
        encoding="utf-8",
    )
    result = run("index", str(feed))
    assert result.exit_code == 0, result.stderr
    assert "feed.csv:3: skipped, a quoted field opens here and never closes" in result.stderr
    assert articles_in(isolated_db) == 1


def test_utf32_is_named_as_utf32(tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes(story(1).encode("utf-32"))
    result = run("extract", str(path))
    assert result.exit_code == 2
    assert "is UTF-32 text" in result.stderr


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root reads all")
def test_an_unreadable_subfolder_is_skipped_with_a_warning(isolated_db, tmp_path):
    folder = tmp_path / "inbox"
    (folder / "locked").mkdir(parents=True)
    (folder / "locked" / "a.txt").write_text(story(1), encoding="utf-8")
    (folder / "b.txt").write_text(story(2), encoding="utf-8")
    (folder / "locked").chmod(0)
    try:
        result = run("index", str(folder))
    finally:
        (folder / "locked").chmod(0o755)
    assert result.exit_code == 0
    assert "locked: cannot read (Permission denied)" in result.stderr


def test_an_unreadable_subfolder_warning_from_the_walk(tmp_path, monkeypatch):
    from quotecli import documents

    def walk(top, onerror=None):
        onerror(PermissionError(13, "Permission denied", str(tmp_path / "locked")))
        yield str(tmp_path), [], ["b.txt"]

    (tmp_path / "b.txt").write_text(story(2), encoding="utf-8")
    monkeypatch.setattr(documents.os, "walk", walk)
    warnings: list[str] = []
    list(documents.Reader([str(tmp_path)], warn=warnings.append))
    assert warnings == [f"skipped {tmp_path / 'locked'}: cannot read (Permission denied)"]


def test_messages_count_and_plural_properly(isolated_db, tmp_path):
    feed = tmp_path / "feed.csv"
    feed.write_text(f'id,text\n1,"{story(1)}"\nlonely\n2,\n', encoding="utf-8")
    result = run("index", str(feed))
    assert "feed.csv:3: skipped, 1 field where the header has 2" in result.stderr
    assert 'feed.csv:4: skipped, no text in its "text" field' in result.stderr


def test_a_first_index_into_the_default_location_makes_its_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("QUOTECLI_DB", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    (tmp_path / "a.txt").write_text(story(1), encoding="utf-8")
    result = run("index", str(tmp_path / "a.txt"))
    assert result.exit_code == 0, result.stderr
    assert articles_in(tmp_path / "data" / "quotecli" / "quotecli.db") == 1


def test_a_rebuild_mends_damage_in_an_index_that_still_opens(isolated_db, tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(jsonl(range(150)), encoding="utf-8")
    run("index", str(feed))
    with sqlite3.connect(isolated_db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    data = bytearray(isolated_db.read_bytes())
    for page in range(pages - 3, pages):  # the last pages: table data, not the schema
        data[page * page_size : page * page_size + 12] = b"\x2a" * 12
    isolated_db.write_bytes(bytes(data))
    (tmp_path / "new.txt").write_text(story(99), encoding="utf-8")
    result = run("index", str(tmp_path / "new.txt"))
    assert result.exit_code == 2
    assert "is damaged (" in result.stderr and "quotecli index --rebuild" in result.stderr
    result = run("index", "--rebuild", str(tmp_path / "new.txt"))
    assert result.exit_code == 0, result.stderr
    with sqlite3.connect(isolated_db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert articles_in(isolated_db) == 1


def test_a_first_run_with_bad_input_leaves_no_file_behind(tmp_path):
    db = tmp_path / "never.db"
    result = run("index", str(tmp_path / "missing.txt"), "--db", str(db))
    assert result.exit_code == 2
    assert not db.exists()


@POSIX
def test_devices_named_on_the_command_line_are_refused_quickly(tmp_path):
    for device in ("/dev/zero", "/dev/urandom"):
        result = run("extract", device)
        assert result.exit_code == 2
        assert result.stderr.startswith(f"Error: {device}: ")
    assert run("index", "/dev/null").stderr == "Error: /dev/null: is empty\n"
