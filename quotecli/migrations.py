"""Schema changes as an ordered list of functions, each applied once.

A migration's name is recorded in ``_migrations`` in the same transaction
as its changes, and an upgrade commits all its migrations at once, so an
interrupted upgrade leaves the database as it was, to be upgraded again, and
an old database keeps working after quotecli is upgraded. Append new
migrations at the end; never edit or reorder one that has shipped.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

MIGRATIONS_TABLE = "_migrations"

Migration = Callable[["Database"], None]
MIGRATIONS: list[Migration] = []


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """Commit everything in the block, or nothing (also on Ctrl-C); nests as a savepoint.

    Written here rather than borrowed from sqlite-utils because its 3.x write
    methods commit on their own, which would split one article across commits.
    """
    if conn.in_transaction:
        conn.execute("SAVEPOINT quotecli")
        try:
            yield
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK TO SAVEPOINT quotecli")
                conn.execute("RELEASE SAVEPOINT quotecli")
            raise
        conn.execute("RELEASE SAVEPOINT quotecli")
        return
    # IMMEDIATE takes the write lock up front, so two writers wait for each
    # other instead of failing half-way through an article.
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    try:
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def migration(fn: Migration) -> Migration:
    """Register ``fn`` as the next migration."""
    MIGRATIONS.append(fn)
    return fn


def applied(db: Database) -> set[str]:
    """Names of the migrations already applied to ``db``."""
    return _applied(db.conn)


def pending(conn: sqlite3.Connection) -> bool:
    """Whether any migration is still to apply (answered without loading sqlite-utils)."""
    return not {fn.__name__ for fn in MIGRATIONS} <= _applied(conn)


def _applied(conn: sqlite3.Connection) -> set[str]:
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [MIGRATIONS_TABLE]
    ).fetchone()
    if exists is None:
        return set()
    return {row[0] for row in conn.execute(f"SELECT name FROM {MIGRATIONS_TABLE}").fetchall()}


def _is_applied(db: Database, name: str) -> bool:
    found = db.execute(f"SELECT 1 FROM {MIGRATIONS_TABLE} WHERE name = ?", [name]).fetchone()
    return found is not None


def migrate(db: Database, migrations: list[Migration] | None = None) -> list[str]:
    """Apply every pending migration in order; return the names applied now."""
    db.execute(
        f"CREATE TABLE IF NOT EXISTS {MIGRATIONS_TABLE} "
        "(name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    done = applied(db)
    todo = [
        fn for fn in (MIGRATIONS if migrations is None else migrations) if fn.__name__ not in done
    ]
    ran: list[str] = []
    if not todo:
        return ran
    # One commit for the whole upgrade: a new database would otherwise wait for
    # the disk once per migration, a quarter of a second before its first
    # article. Each migration is still a savepoint of its own.
    with transaction(db.conn):
        for fn in todo:
            with transaction(db.conn):
                # Another process may have applied it while this one waited for
                # the write lock (two first uses of a new database at once).
                if _is_applied(db, fn.__name__):
                    continue
                fn(db)
                db.execute(
                    f"INSERT INTO {MIGRATIONS_TABLE} (name, applied_at) VALUES (?, ?)",
                    [fn.__name__, datetime.now(timezone.utc).isoformat(timespec="seconds")],
                )
            ran.append(fn.__name__)
    return ran


@migration
def m001_initial(db: Database) -> None:
    """Articles, speakers and quotes."""
    db.execute(
        """
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            external_id TEXT,
            title TEXT,
            date TEXT,
            hash TEXT NOT NULL UNIQUE,
            text TEXT NOT NULL,
            indexed_at TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE speakers (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            type TEXT,
            aliases TEXT NOT NULL DEFAULT '[]',
            roles TEXT NOT NULL DEFAULT '[]'
        )
        """
    )
    db.execute(
        """
        CREATE TABLE quotes (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id),
            speaker_id INTEGER REFERENCES speakers(id),
            speaker_type TEXT,
            mention TEXT,
            text TEXT NOT NULL,
            kind TEXT NOT NULL,
            cue TEXT,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            context TEXT,
            context_start INTEGER,
            context_end INTEGER,
            rule TEXT,
            role TEXT
        )
        """
    )
    # list --article and list --speaker filter on these; without them every
    # filtered query is a full scan of quotes.
    db.execute("CREATE INDEX idx_quotes_article ON quotes(article_id, start)")
    db.execute("CREATE INDEX idx_quotes_speaker ON quotes(speaker_id)")


@migration
def m002_quotes_fts(db: Database) -> None:
    """Full-text index over quote text and context, kept in sync by triggers."""
    db.execute(
        """
        CREATE VIRTUAL TABLE quotes_fts USING fts5(
            text, context,
            content='quotes', content_rowid='id',
            tokenize='porter unicode61 remove_diacritics 2'
        )
        """
    )
    db.execute(
        """
        CREATE TRIGGER quotes_fts_ai AFTER INSERT ON quotes BEGIN
            INSERT INTO quotes_fts(rowid, text, context)
            VALUES (new.id, new.text, new.context);
        END
        """
    )
    db.execute(
        """
        CREATE TRIGGER quotes_fts_ad AFTER DELETE ON quotes BEGIN
            INSERT INTO quotes_fts(quotes_fts, rowid, text, context)
            VALUES ('delete', old.id, old.text, old.context);
        END
        """
    )
    db.execute(
        """
        CREATE TRIGGER quotes_fts_au AFTER UPDATE ON quotes BEGIN
            INSERT INTO quotes_fts(quotes_fts, rowid, text, context)
            VALUES ('delete', old.id, old.text, old.context);
            INSERT INTO quotes_fts(rowid, text, context)
            VALUES (new.id, new.text, new.context);
        END
        """
    )
    # Quotes written before this migration existed need indexing too.
    db.execute("INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild')")


@migration
def m003_incremental_and_speaker_lookup(db: Database) -> None:
    """Article keys and authors; speaker counts and a name index for large archives."""
    # key identifies an article across runs (file path, URL or feed id), so a
    # changed version replaces the old one instead of being stored beside it.
    db.execute("ALTER TABLE articles ADD COLUMN key TEXT")
    db.execute("ALTER TABLE articles ADD COLUMN author TEXT")
    db.execute("CREATE UNIQUE INDEX idx_articles_key ON articles(key) WHERE key IS NOT NULL")
    # Kept up to date by the writer, so `speakers` never groups the quotes table.
    db.execute("ALTER TABLE speakers ADD COLUMN quotes INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE speakers ADD COLUMN articles INTEGER NOT NULL DEFAULT 0")
    db.execute(
        """
        UPDATE speakers SET
            quotes = (SELECT count(*) FROM quotes WHERE speaker_id = speakers.id),
            articles = (SELECT count(DISTINCT article_id) FROM quotes
                        WHERE speaker_id = speakers.id)
        """
    )
    db.execute("CREATE INDEX idx_speakers_quotes ON speakers(quotes DESC, name)")
    # Every name and alias of a speaker, one a row: an exact lookup by index,
    # and a trigram index that narrows a misspelt name to a few candidates.
    db.execute(
        """
        CREATE TABLE speaker_names (
            speaker_id INTEGER NOT NULL REFERENCES speakers(id),
            name TEXT NOT NULL COLLATE NOCASE,
            UNIQUE (name, speaker_id)
        )
        """
    )
    db.execute(
        """
        CREATE VIRTUAL TABLE speaker_names_fts USING fts5(
            name, content='speaker_names', content_rowid='rowid', tokenize='trigram'
        )
        """
    )
    db.execute(
        """
        CREATE TRIGGER speaker_names_fts_ai AFTER INSERT ON speaker_names BEGIN
            INSERT INTO speaker_names_fts(rowid, name) VALUES (new.rowid, new.name);
        END
        """
    )
    db.execute(
        """
        CREATE TRIGGER speaker_names_fts_ad AFTER DELETE ON speaker_names BEGIN
            INSERT INTO speaker_names_fts(speaker_names_fts, rowid, name)
            VALUES ('delete', old.rowid, old.name);
        END
        """
    )
    db.execute(
        """
        INSERT OR IGNORE INTO speaker_names (speaker_id, name)
        SELECT id, name FROM speakers
        UNION ALL
        SELECT speakers.id, aliases.value FROM speakers, json_each(speakers.aliases) AS aliases
        """
    )


@migration
def m004_speaker_quotes_in_order(db: Database) -> None:
    """Index a speaker's quotes in article order, so `list --speaker` reads them presorted."""
    db.execute("DROP INDEX idx_quotes_speaker")
    db.execute("CREATE INDEX idx_quotes_speaker ON quotes(speaker_id, article_id, start)")


@migration
def m005_quote_ids_never_reused(db: Database) -> None:
    """Quote ids are never handed out twice, so a saved ``show 42`` keeps meaning one quote.

    Without AUTOINCREMENT, SQLite gives the ids of the newest deleted quotes
    (a replaced article's) to the next ones. The table is rebuilt with the
    same columns, rows, ids, indexes and triggers.
    """
    conn = db.conn
    table_sql = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'quotes'"
    ).fetchone()[0]
    dependants = [
        row[0]
        for row in conn.execute(
            "SELECT sql FROM sqlite_master WHERE tbl_name = 'quotes'"
            " AND type IN ('index', 'trigger') AND sql IS NOT NULL"
        )
    ]
    new_sql = table_sql.replace("CREATE TABLE quotes", "CREATE TABLE quotes_new", 1).replace(
        "id INTEGER PRIMARY KEY", "id INTEGER PRIMARY KEY AUTOINCREMENT", 1
    )
    conn.execute(new_sql)
    conn.execute("INSERT INTO quotes_new SELECT * FROM quotes")
    conn.execute("DROP TABLE quotes")
    conn.execute("ALTER TABLE quotes_new RENAME TO quotes")
    for sql in dependants:
        conn.execute(sql)


@migration
def m006_quote_parts(db: Database) -> None:
    """Where the quoted words are, for a quotation interrupted by its attribution.

    A JSON list of [start, end] pairs, or NULL when the whole quote is quoted words
    (every quote indexed before this, so old rows need no change).
    """
    db.execute("ALTER TABLE quotes ADD COLUMN parts TEXT")


@migration
def m008_speaker_registry(db: Database) -> None:
    """The name each quote's speaker was found under, and the user's decisions about speakers.

    ``found_as`` is the form an article used for the speaker ("Dr Fox", "the
    prime minister"), NULL for quotes indexed before it (their speaker's name).
    Decisions are kept as decisions, in the order made, so that re-indexing
    can apply them again to speakers it creates anew.
    """
    db.execute("ALTER TABLE quotes ADD COLUMN found_as TEXT")
    db.execute(
        """
        CREATE TABLE speaker_decisions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            action TEXT NOT NULL,
            speaker TEXT NOT NULL,
            value TEXT,
            extra TEXT,
            article_hash TEXT,
            start INTEGER,
            "end" INTEGER,
            made_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX idx_speaker_decisions_quote ON speaker_decisions(article_hash)")


@migration
def m009_article_dates_normalised(db: Database) -> None:
    """Store article dates as YYYY-MM-DD, so they sort and filter (`--since`, `--until`).

    Dates read before this were kept as the feed or page wrote them; those
    that cannot be read as a date stay as they are.
    """
    from quotecli.dates import normalise_date

    rows = db.execute("SELECT id, date FROM articles WHERE date IS NOT NULL").fetchall()
    changed = [(new, row_id) for row_id, old in rows if (new := normalise_date(old)) != old]
    db.conn.executemany("UPDATE articles SET date = ? WHERE id = ?", changed)
    db.execute("CREATE INDEX IF NOT EXISTS idx_articles_date ON articles(date)")


@migration
def m009_quote_groups(db: Database) -> None:
    """Near-duplicate quotes across articles, for `trace` (see quotecli.trace).

    quote_prints holds each group's fingerprints; quote_groups lists the members
    of every group of two or more quotes. A deleted quote leaves its group.
    """
    db.execute(
        """
        CREATE TABLE quote_prints (
            hash INTEGER NOT NULL,
            group_id INTEGER NOT NULL,
            PRIMARY KEY (hash, group_id)
        ) WITHOUT ROWID
        """
    )
    db.execute(
        "CREATE TABLE quote_groups (quote_id INTEGER PRIMARY KEY, group_id INTEGER NOT NULL)"
    )
    db.execute("CREATE INDEX idx_quote_groups_group ON quote_groups(group_id)")
    db.execute(
        """
        CREATE TRIGGER quote_groups_ad AFTER DELETE ON quotes BEGIN
            DELETE FROM quote_groups WHERE quote_id = old.id;
        END
        """
    )
    from quotecli.trace import group_quotes

    # A slice at a time, so that grouping a big index does not hold all its fingerprints.
    last = db.execute("SELECT coalesce(max(id), 0) FROM quotes").fetchone()[0]
    for start in range(0, last, 5000):
        group_quotes(db.conn, start, up_to_id=start + 5000)


@migration
def m010_browsable_in_datasette(db: Database) -> None:
    """Full-text indexes declared as sqlite-utils declares them; a view of quotes to facet.

    sqlite-utils (``search``, ``Table.detect_fts``) and Datasette (its search box)
    recognise an FTS table by ``content="table"`` or ``content=[table]`` in its
    declaration; ``content='quotes'`` is the same to SQLite but invisible to them.
    Same columns, tokenizers and rowids, so every search answers as before; the
    indexes are rebuilt from their tables, whose triggers keep working.
    """
    conn = db.conn
    conn.execute("DROP TABLE quotes_fts")
    conn.execute(
        """
        CREATE VIRTUAL TABLE quotes_fts USING fts5(
            text, context,
            content="quotes", content_rowid="id",
            tokenize='porter unicode61 remove_diacritics 2'
        )
        """
    )
    conn.execute("INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild')")
    # Only a change of the indexed words needs re-indexing: merging speakers
    # updates speaker_id on many quotes, which cost two FTS writes a row.
    conn.execute("DROP TRIGGER quotes_fts_au")
    conn.execute(
        """
        CREATE TRIGGER quotes_fts_au AFTER UPDATE OF text, context ON quotes BEGIN
            INSERT INTO quotes_fts(quotes_fts, rowid, text, context)
            VALUES ('delete', old.id, old.text, old.context);
            INSERT INTO quotes_fts(rowid, text, context)
            VALUES (new.id, new.text, new.context);
        END
        """
    )
    conn.execute("DROP TABLE speaker_names_fts")
    conn.execute(
        """
        CREATE VIRTUAL TABLE speaker_names_fts USING fts5(
            name, content="speaker_names", content_rowid="rowid", tokenize='trigram'
        )
        """
    )
    conn.execute("INSERT INTO speaker_names_fts(speaker_names_fts) VALUES ('rebuild')")
    # One row per quote with its speaker's name and its article's date, for
    # browsing tools: they facet a table by its own columns only.
    conn.execute(
        """
        CREATE VIEW quote_list AS
        SELECT q.id, s.name AS speaker, q.kind, q.cue, q.text,
               COALESCE(a.title, a.external_id, a.source) AS article, a.date,
               COALESCE(q.context, substr(a.text, q.context_start + 1,
                                          q.context_end - q.context_start)) AS context,
               q.speaker_id, q.article_id
        FROM quotes q
        JOIN articles a ON a.id = q.article_id
        LEFT JOIN speakers s ON s.id = q.speaker_id
        """
    )


# A quote's context as the article gives it: the words between its context offsets.
# SQLite's substr counts characters, as Python's offsets do.
QUOTE_CONTEXT_SQL = (
    "(SELECT substr(a.text, {q}.context_start + 1, {q}.context_end - {q}.context_start)"
    " FROM articles a WHERE a.id = {q}.article_id)"
)


def quote_context_sql(row: str) -> str:
    """SQL for the context of quote ``row`` (an alias, ``new`` or ``old``): stored, else derived."""
    return f"COALESCE({row}.context, {QUOTE_CONTEXT_SQL.format(q=row)})"


@migration
def m010_context_from_article_text(db: Database) -> None:
    """Contexts are read from the article text through their offsets, not stored twice.

    A quote's context is the sentence around it, which the article already
    holds: storing it again was 13-15% of the index. ``context`` stays as a
    column, NULL where the article's text gives it (every quote the engine
    finds); readers take ``quote_context_sql``. The full-text index still
    holds every context, given to it by the triggers and the writer, so it can
    no longer be refilled with FTS5's 'rebuild' (which would read the NULLs):
    refill it with 'delete-all' and an INSERT ... SELECT of ``quote_context_sql``.
    Freed pages are reused by later writes; VACUUM gives them back to the disk.
    """
    conn = db.conn
    for name in ("quotes_fts_ai", "quotes_fts_ad", "quotes_fts_au"):
        conn.execute(f"DROP TRIGGER {name}")
    # The index already holds these very words, so it needs no change.
    conn.execute(
        f"UPDATE quotes SET context = NULL WHERE context = {QUOTE_CONTEXT_SQL.format(q='quotes')}"
    )
    conn.execute(
        f"""
        CREATE TRIGGER quotes_fts_ai AFTER INSERT ON quotes BEGIN
            INSERT INTO quotes_fts(rowid, text, context)
            VALUES (new.id, new.text, {quote_context_sql("new")});
        END
        """
    )
    # An article's quotes are deleted before its text changes or goes (the
    # foreign key forbids deleting an article that has quotes), so the old
    # context can still be read here.
    conn.execute(
        f"""
        CREATE TRIGGER quotes_fts_ad AFTER DELETE ON quotes BEGIN
            INSERT INTO quotes_fts(quotes_fts, rowid, text, context)
            VALUES ('delete', old.id, old.text, {quote_context_sql("old")});
        END
        """
    )
    conn.execute(
        f"""
        CREATE TRIGGER quotes_fts_au AFTER UPDATE OF text, context ON quotes BEGIN
            INSERT INTO quotes_fts(quotes_fts, rowid, text, context)
            VALUES ('delete', old.id, old.text, {quote_context_sql("old")});
            INSERT INTO quotes_fts(rowid, text, context)
            VALUES (new.id, new.text, {quote_context_sql("new")});
        END
        """
    )
