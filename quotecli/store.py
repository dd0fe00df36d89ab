"""The SQLite index of articles, speakers and quotes.

Articles are written in batches, each batch with its speakers and quotes in
one transaction, so an interrupted ``index`` leaves the database holding every
batch committed before it and nothing of the one in progress.
Every SQLite failure leaves this module as a DatabaseError naming the file.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime, timezone
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from quotecli.dates import normalise_date
from quotecli.errors import DatabaseError
from quotecli.identity import (
    RANKS,
    Known,
    addressed_as,
    compatible,
    is_person_name,
    match,
    name_tokens,
    parse_name,
    resolve_article,
    surname,
    title_key,
    title_of,
)
from quotecli.migrations import (
    MIGRATIONS_TABLE,
    migrate,
    pending,
    quote_context_sql,
    transaction,
)
from quotecli.model import ORGANISATION, PERSON, Article, Extraction, Speaker
from quotecli.trace import group_quotes

if TYPE_CHECKING:
    from sqlite_utils import Database

ENV_VAR = "QUOTECLI_DB"
ARTICLE_COLUMNS = (
    "id",
    "source",
    "external_id",
    "title",
    "date",
    "hash",
    "text",
    "indexed_at",
    "author",
    "key",
)


class Prepared(NamedTuple):
    """An article's extraction as the writer stores it, worked out from the article alone.

    Made by ``prepare``, which the indexing workers run, so that the one writer
    is left only what needs the whole index. Plain tuples: they cross between
    processes several times faster than the engine's objects.
    """

    # Each speaker to store, once: (name, type, aliases, roles, shown to be a
    # person, carried by two people in the article, the title it stands for).
    speakers: tuple[tuple[Any, ...], ...]
    # Every form of a name the article used, for the user's decisions to replay.
    found_as: tuple[str, ...]
    # Each quote: (index of its speaker or -1, found_as, then QUOTE_COLUMNS from speaker_type).
    quotes: tuple[tuple[Any, ...], ...]
    # Each quote's near-duplicate fingerprints, None where not made yet.
    fingerprints: tuple[tuple[int, ...] | None, ...]


# What the writer stores for one article: the article with its extraction, or
# with the extraction already prepared (see ``prepare``).
ToWrite = tuple[Article, Extraction | Prepared]

QUOTE_COLUMNS = (
    "article_id",
    "speaker_id",
    "speaker_type",
    "mention",
    "text",
    "kind",
    "cue",
    "start",
    '"end"',
    "context",
    "context_start",
    "context_end",
    "rule",
    "role",
    "parts",
    "found_as",
)
_INSERT_QUOTE = (
    f"INSERT INTO quotes ({', '.join(QUOTE_COLUMNS)})"
    f" VALUES ({', '.join('?' * len(QUOTE_COLUMNS))})"
)


def prepare(text: str, extraction: Extraction) -> Prepared:
    """What the writer needs of one article's extraction: its speakers settled, its quote rows.

    A pure function of the article, so that it can run in a worker process.
    """
    resolved = resolve_article(extraction.speakers, extraction.quotes, text)
    index: dict[str, int] = {}
    speakers: list[tuple[Any, ...]] = []
    named = [r for r in resolved.names.values() if r is not None]
    for who in (*named, *resolved.quotes.values()):
        key = who.speaker.name.casefold()
        if key in index:
            continue
        index[key] = len(speakers)
        speaker = who.speaker
        speakers.append(
            (
                speaker.name,
                speaker.type,
                tuple(speaker.aliases),
                tuple(speaker.roles),
                who.person,
                who.local,
                title_of(speaker.name),
            )
        )
    rows = []
    for i, quote in enumerate(extraction.quotes):
        who = resolved.of(i, quote)
        # A context the article's text gives through its offsets is not stored again.
        context: str | None = quote.context
        if text[quote.context_start : quote.context_end] == context:
            context = None
        rows.append(
            (
                index[who.speaker.name.casefold()] if who else -1,
                who.found_as if who else None,
                quote.speaker_type,
                quote.mention,
                quote.text,
                quote.kind,
                quote.cue,
                quote.start,
                quote.end,
                context,
                quote.context_start,
                quote.context_end,
                quote.rule,
                quote.role,
                json.dumps([list(p) for p in quote.parts]) if quote.parts else None,
            )
        )
    prints = extraction.fingerprints or (None,) * len(extraction.quotes)
    return Prepared(tuple(speakers), tuple(r.found_as for r in named), tuple(rows), tuple(prints))


# Page size of a new index, in bytes (SQLite's default is 4096).
PAGE_SIZE = 16384
# How long (seconds) a run waits for other processes to let it switch a new
# index to write-ahead logging, as long as SQLite waits for a lock.
_WAL_SWITCH_WAIT = 5.0

# What writing an article did.
ADDED = "added"
REPLACED = "replaced"
UNCHANGED = "unchanged"
# For the indexer: the same text as an article added earlier in the same run.
DUPLICATE = "duplicate"


def default_db_path() -> Path:
    """``$QUOTECLI_DB`` if set, else quotecli.db in the user's data directory."""
    configured = os.environ.get(ENV_VAR, "").strip()
    if configured:
        return Path(configured).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("quotecli", appauthor=False)) / "quotecli.db"


class Store:
    """An open quotecli database; use as a context manager to close it."""

    def __init__(self, path: str | Path, *, create: bool = True) -> None:
        self.path = Path(path).expanduser()
        self._absorbed: dict[int, int] = {}
        # Speaker names the batch being written has used (see write_batch).
        self._touched: set[str] = set()
        # Namesake lookups of the batch being written (see _NamesakeMemo), and
        # those kept from the last batch with the index's state when it committed.
        self._memo: _NamesakeMemo | None = None
        self._kept: tuple[_NamesakeMemo, int, int] | None = None
        # Who holds which title (see _title_index), built on first need.
        self._titles: dict[str, set[int]] | None = None
        if self.path.is_dir():
            raise DatabaseError(f"{self.path}: is a directory, not a database file")
        if not self.path.exists():
            if not create:
                raise DatabaseError(
                    f"{self.path}: no such database", hint="create it with `quotecli index FILE`"
                )
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DatabaseError(f"{self.path}: cannot create ({exc.strerror})") from exc
        # A plain connection: a query then never imports sqlite-utils (which may
        # pull in pandas); only migrations and writes go through ``db``.
        new = not self.path.exists() or self.path.stat().st_size == 0
        try:
            self.conn = sqlite3.connect(str(self.path))
        except sqlite3.Error as exc:
            raise _database_error(self.path, exc) from exc
        # A long query would otherwise hold Ctrl-C until it finished.
        self.conn.set_progress_handler(_let_signals_in, 20_000)
        try:
            with self.guard():
                if new:
                    # An article is a few kilobytes: on 4 KiB pages about a quarter
                    # of each page was left empty; 16 KiB pages pack them tighter.
                    self.conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
                # As sqlite-utils sets it, so the triggers behave as they always have.
                self.conn.execute("PRAGMA recursive_triggers = ON")
                self._check_is_ours()
                if pending(self.conn):
                    migrate(_LazyDatabase(self.conn))  # type: ignore[arg-type]
                self.conn.execute("PRAGMA foreign_keys = ON")
        except BaseException:
            self.conn.close()
            raise

    @cached_property
    def db(self) -> Database:
        """The same connection as a sqlite-utils Database (loaded on first use)."""
        from sqlite_utils import Database

        return Database(self.conn)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r})"

    def close(self) -> None:
        """Close the connection; safe to call twice."""
        self.conn.close()

    @contextmanager
    def guard(self) -> Iterator[None]:
        """Turn any SQLite error inside the block into a DatabaseError."""
        try:
            yield
        except sqlite3.Error as exc:
            if isinstance(exc, sqlite3.OperationalError) and str(exc) == "interrupted":
                raise KeyboardInterrupt from None  # Ctrl-C, let in by _let_signals_in
            raise _database_error(self.path, exc) from exc

    def _check_is_ours(self) -> None:
        # Reading the schema is the first real read: it is what fails on a
        # file of random bytes or a text file passed as --db by mistake.
        tables = {
            row[0]
            for row in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        if tables and MIGRATIONS_TABLE not in tables:
            raise DatabaseError(
                f"{self.path}: is an SQLite database, but not a quotecli one",
                hint="choose another file with --db",
            )

    # Reading -----------------------------------------------------------------

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Run a query and return its rows as dicts, in column order."""
        with self.guard():
            cursor = self.conn.execute(sql, tuple(params))
            columns = [d[0] for d in cursor.description]
            return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The first column of the first row, or None."""
        with self.guard():
            row = self.conn.execute(sql, tuple(params)).fetchone()
        return None if row is None else row[0]

    def is_empty(self) -> bool:
        """True when no article has been indexed yet."""
        return self.scalar("SELECT EXISTS (SELECT 1 FROM articles)") == 0

    def article_count(self) -> int:
        """Number of indexed articles."""
        return int(self.scalar("SELECT count(*) FROM articles"))

    def quote_count(self) -> int:
        """Number of stored quotes."""
        return int(self.scalar("SELECT count(*) FROM quotes"))

    def speaker_count(self) -> int:
        """Number of distinct speakers across all articles."""
        return int(self.scalar("SELECT count(*) FROM speakers"))

    def get_article(self, article_id: int) -> dict[str, Any] | None:
        """One article row (keys as ARTICLE_COLUMNS), or None."""
        found = self.rows(
            f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles WHERE id = ?", [article_id]
        )
        return found[0] if found else None

    def find_article(self, text: str) -> int | None:
        """The id of an article with exactly this text, if already indexed."""
        from quotecli.documents import content_hash

        return self.scalar("SELECT id FROM articles WHERE hash = ?", [content_hash(text)])

    # Writing -----------------------------------------------------------------

    def prepare_for_bulk_writes(self) -> None:
        """Write-ahead logging: readers keep working while an index run commits batches.

        With WAL, ``synchronous=NORMAL`` still never corrupts the database; a
        power cut can only lose the last batches, which the next run redoes.
        """
        with self.guard():
            # Switching to WAL needs the file to itself and fails at once, without
            # waiting, when another process has it open: several first runs on a
            # new index at the same time. One of them switches; the others find
            # it done, or try again shortly.
            deadline = time.monotonic() + _WAL_SWITCH_WAIT
            while True:
                try:
                    mode = self.conn.execute("PRAGMA journal_mode").fetchone()[0]
                    if mode.lower() != "wal":
                        self.conn.execute("PRAGMA journal_mode = WAL")
                    break
                except sqlite3.OperationalError as exc:
                    if "locked" not in str(exc) or time.monotonic() > deadline:
                        raise
                    time.sleep(0.02)
            self.conn.execute("PRAGMA synchronous = NORMAL")

    def check_intact(self) -> None:
        """DatabaseError unless SQLite's quick check finds the file sound.

        Run before writing: a damaged file written to only gets worse, and the
        damage may sit in pages no query has read yet.
        """
        with self.guard():
            found = self.conn.execute("PRAGMA quick_check(1)").fetchone()
        if found is None or found[0] != "ok":
            found = found or ("",)
            # One line: SQLite's report spans several ("*** in database main ***\nPage 3…").
            problem = " ".join(found[0].replace("*** in database main ***", "").split())
            problem = problem or "no answer"
            raise DatabaseError(
                f"{self.path}: is damaged ({problem}); nothing was written",
                hint="rebuild it with `quotecli index --rebuild`, or move it aside",
            )

    def copy_into(self, target: Store) -> None:
        """Replace everything in ``target`` with this database's content, in one transaction.

        SQLite's backup writes the pages into the target file itself, so the
        file keeps its permissions, a symlink keeps pointing at it, and its
        readers see the old index or the new one, never a mix.
        """
        with self.guard(), target.guard():
            self.conn.backup(target.conn)
        # Pages written under the target's connection change neither of the counters
        # its kept namesake lookups are checked against.
        target._kept = None

    def known_hashes(self, digests: Sequence[str]) -> set[str]:
        """Those of ``digests`` already indexed."""
        if not digests:
            return set()
        with self.guard():
            found = self.conn.execute(
                "SELECT hash FROM articles WHERE hash IN (SELECT value FROM json_each(?))",
                [json.dumps(list(digests))],
            ).fetchall()
        return {row[0] for row in found}

    def known_texts(self, digests: Sequence[str]) -> dict[str, tuple[int, str | None]]:
        """Those of ``digests`` already indexed, each with its article's (id, key)."""
        if not digests:
            return {}
        with self.guard():
            found = self.conn.execute(
                "SELECT hash, id, key FROM articles WHERE hash IN (SELECT value FROM json_each(?))",
                [json.dumps(list(digests))],
            ).fetchall()
        return {row[0]: (int(row[1]), row[2]) for row in found}

    def retire(self, keys: Sequence[tuple[str, str]]) -> int:
        """For each (key, hash): drop the article stored under ``key`` unless it has that text.

        A file whose text became the same as another file's is stored once,
        under the other key; what it said before must not stay findable.
        Returns how many articles were dropped.
        """
        if not keys:
            return 0
        with self.guard(), transaction(self.conn):
            return sum(self._retire(key, digest) for key, digest in keys)

    def _retire(self, key: str | None, digest: str) -> bool:
        if key is None:
            return False
        conn = self.conn
        old = conn.execute(
            "SELECT id FROM articles WHERE key = ? AND hash != ?", [key, digest]
        ).fetchone()
        if old is None:
            return False
        self._drop_quotes(int(old[0]))
        conn.execute("DELETE FROM articles WHERE id = ?", [int(old[0])])
        return True

    def add_article(self, article: Article, extraction: Extraction) -> tuple[int, bool]:
        """Store an article with its quotes; return (article id, whether it was added).

        An article whose text is already indexed is left alone: (its id, False).
        """
        [(article_id, outcome)] = self.write_batch([(article, extraction)])
        return article_id, outcome != UNCHANGED

    def write_batch(self, batch: Sequence[ToWrite]) -> list[tuple[int, str]]:
        """Store articles with their quotes in one transaction: all of them, or none.

        Returns (article id, outcome) for each: ADDED; REPLACED when an article
        with the same key (file, URL or feed id) had other text, whose quotes
        are dropped; UNCHANGED when the same text is already indexed, under any
        key (a duplicate is stored once, and an older text stored under this
        article's key is dropped, since the key no longer holds it).

        An article may come with its extraction already prepared (``prepare``),
        as the indexing workers send it.
        """
        from quotecli.registry import replay

        outcomes: list[tuple[int, str]] = []
        from quotecli.documents import content_hash

        self._touched.clear()
        conn = self.conn
        kept, self._kept = self._kept, None
        with self.guard(), transaction(conn), self._quotes_indexed_at_the_end(), self._no_memo():
            self._memo = self._resume(kept)
            # Quote ids only grow (AUTOINCREMENT): the batch's are those above this.
            before = conn.execute(
                "SELECT coalesce(max(seq), 0) FROM sqlite_sequence WHERE name = 'quotes'"
            ).fetchone()[0]
            stored: list[Prepared] = []
            for article, extraction in batch:
                outcome = self._write(article, extraction)
                outcomes.append(outcome[:2])
                if outcome[2] is not None:
                    stored.append(outcome[2])
            # Fingerprints made by the extracting worker, in the order the quotes were stored.
            prints = [made for prepared in stored for made in prepared.fingerprints]
            group_quotes(conn, before, prints)
            # The user's decisions about these speakers and quotes hold for the new rows too.
            hashes = [content_hash(article.text) for article, _ in batch]
            # Decisions change speakers behind the kept lookups' back.
            memo = None if replay(conn, self._touched, hashes) else self._memo
        if memo is not None and not conn.in_transaction:  # committed, not a savepoint
            self._kept = (memo, self._data_version(), conn.total_changes)
        return outcomes

    def _resume(self, kept: tuple[_NamesakeMemo, int, int] | None) -> _NamesakeMemo:
        """The last batch's namesake lookups, if nothing has written to the index since.

        ``data_version`` changes when another connection commits, ``total_changes``
        when this one writes (a speaker merged between two index runs, say).
        """
        if kept is not None:
            memo, version, changes = kept
            if (version, changes) == (self._data_version(), self.conn.total_changes) and len(
                memo
            ) < _NamesakeMemo.MAX_KEPT:
                return memo
        return _NamesakeMemo()

    def _data_version(self) -> int:
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    @contextmanager
    def _no_memo(self) -> Iterator[None]:
        try:
            yield
        finally:
            self._memo = None

    @contextmanager
    def _quotes_indexed_at_the_end(self) -> Iterator[None]:
        """Add the quotes written in the block to the full-text index in one statement.

        The row trigger costs about three times as much a quote as one
        INSERT ... SELECT for the batch. It is dropped inside the batch's
        transaction and restored before the commit, so every other writer
        (and every committed state) still has it. Quote ids only grow
        (AUTOINCREMENT), so the new quotes are those above the highest id before.
        """
        conn = self.conn
        trigger = conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'quotes_fts_ai'"
        ).fetchone()
        if trigger is None:
            yield
            return
        before = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'quotes'").fetchone()
        conn.execute("DROP TRIGGER quotes_fts_ai")
        yield
        conn.execute(
            "INSERT INTO quotes_fts(rowid, text, context)"
            f" SELECT q.id, q.text, {quote_context_sql('q')} FROM quotes q WHERE q.id > ?",
            [before[0] if before else 0],
        )
        conn.execute(trigger[0])

    def _write(
        self, article: Article, extraction: Extraction | Prepared
    ) -> tuple[int, str, Prepared | None]:
        """Store one article: (its id, the outcome, what was stored of its extraction)."""
        from quotecli.documents import content_hash

        conn = self.conn
        digest = content_hash(article.text)
        existing = conn.execute("SELECT id, key FROM articles WHERE hash = ?", [digest]).fetchone()
        if existing is not None:
            # Stored once; but what this key held before is no longer its text.
            if existing[1] != article.key:
                self._retire(article.key, digest)
            return int(existing[0]), UNCHANGED, None
        old = None
        if article.key is not None:
            old = conn.execute("SELECT id FROM articles WHERE key = ?", [article.key]).fetchone()
        if old is not None:
            article_id = int(old[0])
            self._drop_quotes(article_id)
            conn.execute(
                "UPDATE articles SET source = ?, external_id = ?, title = ?, date = ?, hash = ?,"
                " text = ?, indexed_at = ?, author = ? WHERE id = ?",
                (*self._article_values(article, digest), article_id),
            )
            outcome = REPLACED
        else:
            cursor = conn.execute(
                "INSERT INTO articles (source, external_id, title, date, hash, text, indexed_at,"
                " author, key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*self._article_values(article, digest), article.key),
            )
            article_id = int(cursor.lastrowid)
            outcome = ADDED
        prepared = (
            extraction if isinstance(extraction, Prepared) else prepare(article.text, extraction)
        )
        speaker_ids = self._save_speakers(prepared.speakers, article.text)
        self._touched.update(s[0].casefold() for s in prepared.speakers)
        self._touched.update(prepared.found_as)
        for who, found_as, speaker_type, *columns in prepared.quotes:
            self._insert_quote(
                (
                    article_id,
                    speaker_ids[who] if who >= 0 else None,
                    # A non-name the registry dropped leaves the quote without a speaker.
                    speaker_type if who >= 0 else None,
                    *columns,
                    found_as,
                )
            )
        self._count_speakers(article_id, +1)
        return article_id, outcome, prepared

    @staticmethod
    def _article_values(article: Article, digest: str) -> tuple[Any, ...]:
        return (
            article.source,
            article.external_id,
            article.title,
            normalise_date(article.date),
            digest,
            article.text,
            datetime.now(timezone.utc).isoformat(timespec="seconds"),
            article.author,
        )

    def _drop_quotes(self, article_id: int) -> None:
        """Delete an article's quotes (the FTS triggers unindex them) and their counts."""
        self._count_speakers(article_id, -1)
        self.conn.execute("DELETE FROM quotes WHERE article_id = ?", [article_id])

    def _count_speakers(self, article_id: int, sign: int) -> None:
        """Add (or take away) one article's quotes to its speakers' counts."""
        self.conn.execute(
            """
            UPDATE speakers SET quotes = quotes + ? * per.n, articles = articles + ?
            FROM (SELECT speaker_id, count(*) AS n FROM quotes
                  WHERE article_id = ? AND speaker_id IS NOT NULL GROUP BY speaker_id) AS per
            WHERE speakers.id = per.speaker_id
            """,
            [sign, sign, article_id],
        )

    def remove_articles(self, article_ids: Sequence[int]) -> int:
        """Delete articles with their quotes in one transaction; return how many quotes went.

        Speakers keep their rows (with lower counts), as when an article is replaced.
        """
        removed = 0
        conn = self.conn
        with self.guard(), transaction(conn):
            for article_id in article_ids:
                removed += conn.execute(
                    "SELECT count(*) FROM quotes WHERE article_id = ?", [article_id]
                ).fetchone()[0]
                self._drop_quotes(article_id)
                conn.execute("DELETE FROM articles WHERE id = ?", [article_id])
        return removed

    def clear(self) -> None:
        """Delete every article, quote and speaker in one transaction (for ``--rebuild``)."""
        conn = self.conn
        with self.guard(), transaction(conn):
            # Emptying the full-text index at once and deleting quotes without
            # their per-row trigger takes seconds, not minutes, on a big index.
            conn.execute("INSERT INTO quotes_fts(quotes_fts) VALUES ('delete-all')")
            trigger = conn.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'quotes_fts_ad'"
            ).fetchone()[0]
            conn.execute("DROP TRIGGER quotes_fts_ad")
            conn.execute("DELETE FROM quotes")
            conn.execute(trigger)
            conn.execute("INSERT INTO speaker_names_fts(speaker_names_fts) VALUES ('delete-all')")
            trigger = conn.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger'"
                " AND name = 'speaker_names_fts_ad'"
            ).fetchone()[0]
            conn.execute("DROP TRIGGER speaker_names_fts_ad")
            conn.execute("DELETE FROM speaker_names")
            conn.execute(trigger)
            conn.execute("DELETE FROM speakers")
            conn.execute("DELETE FROM articles")
            conn.execute("DELETE FROM quote_prints")  # quote_groups went with the quotes

    def _save_speakers(self, speakers: Sequence[tuple[Any, ...]], text: str) -> list[int]:
        """Upsert the article's speakers (see Prepared); the id of each."""
        ids: list[int] = []
        self._absorbed = {}
        for name, kind, aliases, roles, person, local, title in speakers:
            holder = self._title_holder(title, text) if title else None
            if holder is not None:
                ids.append(holder)
            else:
                speaker = Speaker(name, kind, aliases, roles)
                ids.append(self._upsert_speaker(speaker, person=person, local=local))
        # "Smith" saved first and then absorbed by "John Smith" from the same
        # article no longer exists: its quotes go to the one who absorbed it.
        for i, speaker_id in enumerate(ids):
            while speaker_id in self._absorbed:
                speaker_id = self._absorbed[speaker_id]
            ids[i] = speaker_id
        return ids

    def _title_holder(self, title: str, text: str) -> int | None:
        """The one known person the index gives this title whom the article names too.

        "The prime minister said" in an article that speaks of "Mr Blair", when
        Tony Blair is the only prime minister the archive knows.
        """
        known = self._title_index().get(title)
        if not known:
            return None
        rows = self.conn.execute(
            "SELECT id, name FROM speakers WHERE type = ? AND id IN"
            " (SELECT value FROM json_each(?))",
            [PERSON, json.dumps(sorted(known))],
        ).fetchall()
        holders = {
            speaker_id
            for speaker_id, name in rows
            if re.search(rf"\b{re.escape(name.split()[-1])}\b", text)
        }
        return holders.pop() if len(holders) == 1 else None

    def _title_index(self) -> dict[str, set[int]]:
        """Speaker ids by the titles their roles are, read once, then kept up to date.

        Looking a title up must not read every speaker for every article.
        """
        if self._titles is None:
            self._titles = {}
            rows = self.conn.execute("SELECT id, roles FROM speakers WHERE roles != '[]'")
            for speaker_id, roles in rows:
                self._note_roles(speaker_id, stored_list(roles))
        return self._titles

    def _note_roles(self, speaker_id: int, roles: Iterable[str]) -> None:
        if self._titles is not None:
            for role in roles:
                self._titles.setdefault(title_key(role), set()).add(speaker_id)

    def _upsert_speaker(
        self, speaker: Speaker, *, person: bool = False, local: bool = False
    ) -> int:
        """Merge with the speaker already indexed as this person, else insert.

        The same canonical name (any case) is the same speaker; so is a
        spelling variant or a bare surname only one known person carries
        (see ``identity``), unless ``local`` says two people in the article
        carry it. ``person`` says the article shows it to be a person.
        """
        conn = self.conn
        row = conn.execute(
            "SELECT id, name, type, aliases, roles FROM speakers WHERE name = ?", [speaker.name]
        ).fetchone()
        if row is None and not local and speaker.name.isupper() and len(speaker.name) > 1:
            # "GM", too short for the namesake search, is the one body spelt out so.
            same = self._spelt_out_as(speaker.name)
            if same is not None:
                row = conn.execute(
                    "SELECT id, name, type, aliases, roles FROM speakers WHERE id = ?", [same]
                ).fetchone()
                speaker = replace(speaker, aliases=(speaker.name, *speaker.aliases))
        # A surname alone known as a speaker may meanwhile have found its person.
        if not local and (row is None or not parse_name(speaker.name).is_full):
            same = match(speaker, self._namesakes(speaker.name))
            if same is not None and (row is None or same != row[0]):
                row = conn.execute(
                    "SELECT id, name, type, aliases, roles FROM speakers WHERE id = ?", [same]
                ).fetchone()
                speaker = replace(speaker, aliases=(speaker.name, *speaker.aliases))
        if row is None:
            aliases = _union([], speaker.aliases, exclude=speaker.name)
            cursor = conn.execute(
                "INSERT INTO speakers (name, type, aliases, roles) VALUES (?, ?, ?, ?)",
                (
                    speaker.name,
                    speaker.type,
                    json.dumps(aliases),
                    json.dumps(_union([], speaker.roles)),
                ),
            )
            speaker_id = int(cursor.lastrowid)
            new = Known(speaker_id, speaker.name, speaker.type, tuple(aliases))
            self._add_names(speaker_id, [speaker.name, *aliases], new=new)
            self._note_roles(speaker_id, speaker.roles)
            if speaker.type == PERSON and parse_name(speaker.name).is_full:
                self._absorb_bare_surname(speaker_id, speaker.name)
            elif speaker.type == ORGANISATION and not local:
                self._absorb_short_forms(speaker_id, aliases)
            return speaker_id
        speaker_id, name, kind, aliases, roles = row
        old_aliases = stored_list(aliases)
        merged_aliases = _union(old_aliases, speaker.aliases, exclude=name)
        merged_roles = _union(stored_list(roles), speaker.roles)
        self._note_roles(int(speaker_id), speaker.roles)
        # "person" is the engine's guess for a name of no known kind; an article
        # that shows the name to be an organisation ("the company said") corrects
        # it, unless the name has been written as a person's ("Dr Fox").
        corrected = (
            kind == PERSON
            and speaker.type == ORGANISATION
            and not any(is_person_name(n) for n in (name, *merged_aliases))
        ) or (person and kind != PERSON)
        if (
            len(merged_aliases) != len(old_aliases)
            or merged_roles != stored_list(roles)
            or not kind
            or corrected
        ):
            self._changed(int(speaker_id))
            conn.execute(
                "UPDATE speakers SET type = ?, aliases = ?, roles = ? WHERE id = ?",
                (
                    (PERSON if person else speaker.type) if corrected or not kind else kind,
                    json.dumps(merged_aliases),
                    json.dumps(merged_roles),
                    speaker_id,
                ),
            )
            self._add_names(speaker_id, merged_aliases[len(old_aliases) :])
            if not local and (speaker.type == ORGANISATION or kind == ORGANISATION):
                self._absorb_short_forms(int(speaker_id), merged_aliases[len(old_aliases) :])
            if person and kind != PERSON and parse_name(name).is_full:
                # Now known to be a person, it may take over "Dr Fox" indexed before.
                self._absorb_bare_surname(int(speaker_id), name)
        return int(speaker_id)

    def _spelt_out_as(self, short: str) -> int | None:
        """The one body known to the index that has ``short`` as an alias."""
        rows = self.conn.execute(
            "SELECT DISTINCT s.id, s.name FROM speaker_names n JOIN speakers s"
            " ON s.id = n.speaker_id WHERE n.name = ? AND s.type = ?",
            [short, ORGANISATION],
        ).fetchall()
        # The index compares names without case; a short form is written in capitals.
        bodies = [r[0] for r in rows if r[1] != short]
        return bodies[0] if len(bodies) == 1 else None

    def _absorb_bare_surname(self, speaker_id: int, name: str) -> None:
        """ "Trump" indexed before anyone named "… Trump": now he has a full name.

        The bare speaker's quotes move to the new one, unless another person
        of that surname is known too, which would make the bare name ambiguous.
        """
        family = surname(name)
        full = parse_name(name)
        others = [k for k in self._namesakes(name) if k.id != speaker_id]
        bare = [
            k
            for k in others
            if name_tokens(parse_name(k.name).core) == [family]
            and k.type in (PERSON, None)
            and compatible(parse_name(k.name), full)
        ]
        bearers = [k for k in others if parse_name(k.name).is_full and surname(k.name) == family]
        row = self.conn.execute("SELECT aliases FROM speakers WHERE id = ?", [speaker_id])
        me = Known(speaker_id, name, PERSON, tuple(stored_list(row.fetchone()[0])))
        # A rank names one person: "Lord Browne" is Des Browne only if an article says so.
        bare = [
            k
            for k in bare
            if (honorific := parse_name(k.name).honorific) is None
            or honorific.lower() not in RANKS
            or addressed_as(me, honorific)
        ]
        if bearers:
            # With namesakes about, only the way articles address this one tells:
            # "Dr Fox" is the Fox written "Dr Liam Fox", if no other Fox is a doctor.
            bare = [
                k
                for k in bare
                if (honorific := parse_name(k.name).honorific)
                and addressed_as(me, honorific)
                and not any(addressed_as(b, honorific) for b in bearers)
            ]
        self._fold_into(speaker_id, name, bare)

    def _absorb_short_forms(self, speaker_id: int, aliases: Iterable[str]) -> None:
        """ "GM" indexed as a speaker of its own before an article spelt it out as
        General Motors: its quotes move to the body, unless another body known
        to the index is written that way too.
        """
        conn = self.conn
        for alias in aliases:
            if not (alias.isupper() and len(alias) > 1):
                continue
            carriers = {
                row[0]
                for row in conn.execute(
                    "SELECT n.speaker_id FROM speaker_names n"
                    " JOIN speakers s ON s.id = n.speaker_id WHERE n.name = ? AND s.type = ?",
                    [alias, ORGANISATION],
                )
            }
            bare = conn.execute(
                "SELECT id, name, type, aliases FROM speakers WHERE name = ? AND id != ?"
                " AND (type IS NULL OR type = ?)",
                [alias, speaker_id, ORGANISATION],
            ).fetchall()
            # Names are compared without case; a short form is written in capitals.
            bare = [row for row in bare if row[1] == alias]
            if not bare or carriers - {speaker_id, *(row[0] for row in bare)}:
                continue
            (name,) = conn.execute(
                "SELECT name FROM speakers WHERE id = ?", [speaker_id]
            ).fetchone()
            self._fold_into(
                speaker_id,
                name,
                [Known(r[0], r[1], r[2], tuple(stored_list(r[3]))) for r in bare],
            )

    def _fold_into(self, speaker_id: int, name: str, bare: Sequence[Known]) -> None:
        """Move the quotes of ``bare`` speakers to ``speaker_id`` and drop them;
        their names become its aliases."""
        if not bare:
            return
        conn = self.conn
        for old in bare:
            conn.execute(
                "UPDATE quotes SET speaker_id = ? WHERE speaker_id = ?", (speaker_id, old.id)
            )
            conn.execute("DELETE FROM speaker_names WHERE speaker_id = ?", (old.id,))
            conn.execute("DELETE FROM speakers WHERE id = ?", (old.id,))
            self._changed(old.id)
            self._absorbed[old.id] = speaker_id
        (aliases,) = conn.execute(
            "SELECT aliases FROM speakers WHERE id = ?", (speaker_id,)
        ).fetchone()
        absorbed = [n for old in bare for n in (old.name, *old.aliases)]
        merged = _union(stored_list(aliases), absorbed, exclude=name)
        self._changed(speaker_id)
        conn.execute(
            "UPDATE speakers SET aliases = ?,"
            " quotes = (SELECT count(*) FROM quotes WHERE speaker_id = ?),"
            " articles = (SELECT count(DISTINCT article_id) FROM quotes WHERE speaker_id = ?)"
            " WHERE id = ?",
            (json.dumps(merged), speaker_id, speaker_id, speaker_id),
        )
        self._add_names(speaker_id, absorbed)

    def _namesakes(self, name: str) -> list[Known]:
        """Speakers whose names share most of this name's surname: the candidates to merge with."""
        family = surname(name)
        if len(family) < 3:
            return []
        # A prefix, so that "Zelensky" and "Zelenskyy" find each other either way.
        probe = family[: max(3, len(family) - 2)]
        memo = self._memo
        if memo is not None:
            found = memo.get(probe)
            if found is not None:
                return list(found)
        rows = self.conn.execute(
            "SELECT DISTINCT s.id, s.name, s.type, s.aliases FROM speaker_names_fts f"
            " JOIN speaker_names n ON n.rowid = f.rowid JOIN speakers s ON s.id = n.speaker_id"
            f" WHERE speaker_names_fts MATCH ? LIMIT {_NamesakeMemo.LIMIT}",
            ['"' + probe.replace('"', "") + '"'],
        ).fetchall()
        found = [Known(r[0], r[1], r[2], tuple(stored_list(r[3]))) for r in rows]
        if memo is not None:
            memo.put(probe, found)
        return list(found)

    def _insert_quote(self, row: tuple[Any, ...]) -> int:
        """Insert one quote (values in QUOTE_COLUMNS order); its id."""
        return int(self.conn.execute(_INSERT_QUOTE, row).lastrowid)

    def _changed(self, speaker_id: int) -> None:
        """A speaker's row is about to change or go: lookups that found it are stale."""
        if self._memo is not None:
            self._memo.changed(speaker_id)

    def _add_names(
        self, speaker_id: int, names: Iterable[str], *, new: Known | None = None
    ) -> None:
        """Add names a speaker is found by; ``new`` is the speaker, when it was just inserted."""
        names = list(names)
        self.conn.executemany(
            "INSERT OR IGNORE INTO speaker_names (speaker_id, name) VALUES (?, ?)",
            [(speaker_id, name) for name in names],
        )
        if self._memo is not None:
            self._memo.named(names, new)


class _NamesakeMemo:
    """Namesake lookups, each kept while it is what the query would return.

    The lookup is a full-text query (about 50 µs) made for every new name and
    again for every new person, and a batch meets the same surnames again and
    again. An entry holds the query's rows in the query's order, and is dropped
    when a speaker in it changes or goes, or when a name that contains its
    probe is added; except that a speaker just inserted is appended to it: its
    names have the highest rowids, so the query would list it last.
    """

    LIMIT = 200  # rows a lookup returns at most
    MAX_KEPT = 20_000  # lookups kept from batch to batch, so memory stays flat

    def __len__(self) -> int:
        return len(self._found)

    def __init__(self) -> None:
        self._found: dict[str, list[Known]] = {}
        self._by_id: dict[int, set[str]] = {}
        # Probes by their first three letters, to find those a new name contains.
        self._by_start: dict[str, set[str]] = {}

    def get(self, probe: str) -> list[Known] | None:
        return self._found.get(probe)

    def put(self, probe: str, found: list[Known]) -> None:
        self._found[probe] = found
        self._by_start.setdefault(probe[:3], set()).add(probe)
        for known in found:
            self._by_id.setdefault(known.id, set()).add(probe)

    def changed(self, speaker_id: int) -> None:
        for probe in self._by_id.pop(speaker_id, ()):
            self._found.pop(probe, None)

    def named(self, names: list[str], new: Known | None) -> None:
        """Names were added to a speaker (``new`` when it was just inserted)."""
        found = self._found
        if not found:
            return
        hit: set[str] = set()
        for name in names:
            if not name.isascii():
                # The index folds case beyond ASCII its own way: start afresh.
                found.clear()
                self._by_id.clear()
                self._by_start.clear()
                return
            # Probes are lowercase ASCII, matched anywhere in a name, case aside.
            low = name.lower()
            starts = {low[i : i + 3] for i in range(len(low) - 2)} & self._by_start.keys()
            for start in starts:
                hit.update(p for p in self._by_start[start] if p in low and p in found)
        for probe in hit:
            rows = found[probe]
            if new is not None and len(rows) < self.LIMIT and all(k.id != new.id for k in rows):
                rows.append(new)
                self._by_id.setdefault(new.id, set()).add(probe)
            else:
                del found[probe]


class _LazyDatabase:
    """A connection that passes for a sqlite-utils Database, loading it only if asked to.

    The migrations so far need only ``conn`` and ``execute``, and sqlite-utils
    imports pandas when it is installed (0.4 s and 70 MB for every new index).
    Anything else (``db["table"]``, ``db.table_names()``) is the real Database.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, parameters: Any = None) -> sqlite3.Cursor:
        return self.conn.execute(sql, parameters if parameters is not None else ())

    @cached_property
    def _database(self) -> Database:
        from sqlite_utils import Database

        return Database(self.conn)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._database, name)

    def __getitem__(self, name: str) -> Any:
        return self._database[name]


def stored_list(value: str | None) -> list[str]:
    """A JSON list of names kept in a column; [] when the column was damaged or edited badly.

    The index is an SQLite file anyone may open and change, so one bad cell
    must cost its own value, not every query that reads it.
    """
    found = stored_json(value)
    return [v for v in found if isinstance(v, str)] if isinstance(found, list) else []


def stored_json(value: str | None) -> Any:
    """A JSON value kept in a column; None when it is missing or not valid JSON."""
    if not value:
        return None
    try:
        return json.loads(value)
    except (TypeError, ValueError, RecursionError):
        return None


def _let_signals_in() -> int:
    """Called by SQLite every few thousand steps: lets Python act on Ctrl-C mid-query.

    Python runs signal handlers between its own instructions; a KeyboardInterrupt
    raised here makes SQLite stop the query as "interrupted", which ``guard``
    turns back into KeyboardInterrupt.
    """
    return 0


def _union(existing: Iterable[str], new: Iterable[str], exclude: str | None = None) -> list[str]:
    """Existing values then new ones, dropping case-insensitive duplicates (and ``exclude``)."""
    seen = {exclude.casefold()} if exclude else set()
    merged: list[str] = []
    for value in (*existing, *new):
        key = value.casefold()
        if value and key not in seen:
            seen.add(key)
            merged.append(value)
    return merged


def _database_error(path: Path, exc: sqlite3.Error) -> DatabaseError:
    """One line a user can act on, naming the database file."""
    text = str(exc)
    if "file is not a database" in text or "malformed" in text or "corrupt" in text:
        return DatabaseError(
            f"{path}: is not a readable SQLite database (corrupt, or another kind of file)",
            hint="move it aside and index again, or choose another file with --db",
        )
    if "locked" in text or "busy" in text:
        return DatabaseError(f"{path}: is locked by another process", hint="try again")
    if "readonly" in text or "read-only" in text:
        return DatabaseError(f"{path}: is read-only")
    if "unable to open" in text:
        return DatabaseError(f"{path}: cannot be opened")
    return DatabaseError(f"{path}: database error ({text})")
