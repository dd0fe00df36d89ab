"""The SQLite index of articles, speakers and quotes.

Each article is written with its speakers and quotes in one transaction, so
an interrupted ``index`` leaves the database as it was before that article.
Every SQLite failure leaves this module as a DatabaseError naming the file.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from quotecli.documents import content_hash
from quotecli.errors import DatabaseError
from quotecli.migrations import MIGRATIONS_TABLE, migrate, transaction
from quotecli.model import PERSON, Article, Extraction, Quote, Speaker

ENV_VAR = "QUOTECLI_DB"
ARTICLE_COLUMNS = ("id", "source", "external_id", "title", "date", "hash", "text", "indexed_at")


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
        try:
            self.db = Database(self.path)
        except sqlite3.Error as exc:
            raise _database_error(self.path, exc) from exc
        try:
            with self.guard():
                self._check_is_ours()
                migrate(self.db)
                self.db.execute("PRAGMA foreign_keys = ON")
        except BaseException:
            self.db.close()
            raise

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r})"

    def close(self) -> None:
        """Close the connection; safe to call twice."""
        self.db.close()

    @contextmanager
    def guard(self) -> Iterator[None]:
        """Turn any SQLite error inside the block into a DatabaseError."""
        try:
            yield
        except sqlite3.Error as exc:
            raise _database_error(self.path, exc) from exc

    def _check_is_ours(self) -> None:
        # Reading the schema is the first real read: it is what fails on a
        # file of random bytes or a text file passed as --db by mistake.
        tables = set(self.db.table_names())
        if tables and MIGRATIONS_TABLE not in tables:
            raise DatabaseError(
                f"{self.path}: is an SQLite database, but not a quotecli one",
                hint="choose another file with --db",
            )

    # Reading -----------------------------------------------------------------

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Run a query and return its rows as dicts, in column order."""
        with self.guard():
            cursor = self.db.conn.execute(sql, tuple(params))
            columns = [d[0] for d in cursor.description]
            return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The first column of the first row, or None."""
        with self.guard():
            row = self.db.conn.execute(sql, tuple(params)).fetchone()
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
        return self.scalar("SELECT id FROM articles WHERE hash = ?", [content_hash(text)])

    # Writing -----------------------------------------------------------------

    def add_article(self, article: Article, extraction: Extraction) -> tuple[int, bool]:
        """Store an article with its quotes; return (article id, whether it was added).

        An article whose text is already indexed is left alone: (its id, False).
        """
        digest = content_hash(article.text)
        with self.guard(), transaction(self.db.conn):
            existing = self.db.conn.execute(
                "SELECT id FROM articles WHERE hash = ?", [digest]
            ).fetchone()
            if existing is not None:
                return int(existing[0]), False
            article_id = self._insert_article(article, digest)
            speaker_ids = self._save_speakers(extraction)
            for quote in extraction.quotes:
                self._insert_quote(article_id, quote, speaker_ids)
        return article_id, True

    def _insert_article(self, article: Article, digest: str) -> int:
        cursor = self.db.conn.execute(
            "INSERT INTO articles (source, external_id, title, date, hash, text, indexed_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                article.source,
                article.external_id,
                article.title,
                article.date,
                digest,
                article.text,
                datetime.now(timezone.utc).isoformat(timespec="seconds"),
            ),
        )
        return int(cursor.lastrowid)

    def _save_speakers(self, extraction: Extraction) -> dict[str, int]:
        """Upsert the article's speakers; map each name the quotes use to its id."""
        ids: dict[str, int] = {}
        for speaker in extraction.speakers:
            ids[speaker.name] = self._upsert_speaker(speaker)
        for quote in extraction.quotes:
            # An engine may name a speaker without listing it; keep the quote's link.
            if quote.speaker and quote.speaker not in ids:
                ids[quote.speaker] = self._upsert_speaker(
                    Speaker(name=quote.speaker, type=quote.speaker_type or PERSON)
                )
        return ids

    def _upsert_speaker(self, speaker: Speaker) -> int:
        """Merge with a speaker of the same canonical name (case-insensitive), else insert."""
        conn = self.db.conn
        row = conn.execute(
            "SELECT id, name, type, aliases, roles FROM speakers WHERE name = ?", [speaker.name]
        ).fetchone()
        if row is None:
            cursor = conn.execute(
                "INSERT INTO speakers (name, type, aliases, roles) VALUES (?, ?, ?, ?)",
                (
                    speaker.name,
                    speaker.type,
                    json.dumps(_union([], speaker.aliases, exclude=speaker.name)),
                    json.dumps(_union([], speaker.roles)),
                ),
            )
            return int(cursor.lastrowid)
        speaker_id, name, kind, aliases, roles = row
        merged_aliases = _union(json.loads(aliases), speaker.aliases, exclude=name)
        merged_roles = _union(json.loads(roles), speaker.roles)
        conn.execute(
            "UPDATE speakers SET type = ?, aliases = ?, roles = ? WHERE id = ?",
            (
                kind or speaker.type,
                json.dumps(merged_aliases),
                json.dumps(merged_roles),
                speaker_id,
            ),
        )
        return int(speaker_id)

    def _insert_quote(self, article_id: int, quote: Quote, speaker_ids: dict[str, int]) -> int:
        cursor = self.db.conn.execute(
            "INSERT INTO quotes (article_id, speaker_id, speaker_type, mention, text, kind, cue,"
            ' start, "end", context, context_start, context_end, rule, role)'
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article_id,
                speaker_ids.get(quote.speaker) if quote.speaker else None,
                quote.speaker_type,
                quote.mention,
                quote.text,
                quote.kind,
                quote.cue,
                quote.start,
                quote.end,
                quote.context,
                quote.context_start,
                quote.context_end,
                quote.rule,
                quote.role,
            ),
        )
        return int(cursor.lastrowid)


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
