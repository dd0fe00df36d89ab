"""The SQLite store: schema, migrations, transactions and damaged databases."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest
from sqlite_utils import Database

from quotecli import migrations
from quotecli.errors import DatabaseError
from quotecli.migrations import MIGRATIONS, migrate
from quotecli.model import ORGANISATION, Article, Extraction
from quotecli.search import match_speakers, who_said
from quotecli.store import Store, default_db_path

Factory = Callable[[str, Sequence[dict]], Extraction]

HARBOUR = (
    "Harbour Master Ines Okafor said, “The new quay opens in June.” "
    "The Port Authority said that dredging would finish early."
)
HARBOUR_SPECS = [
    {
        "speaker": "Ines Okafor",
        "quote": "The new quay opens in June.",
        "role": "Harbour Master",
        "aliases": ["Okafor"],
    },
    {
        "speaker": "The Port Authority",
        "quote": "dredging would finish early",
        "kind": "indirect",
        "type": ORGANISATION,
    },
]
SCHOOL = "“We hired nine teachers,” said okafor. INES OKAFOR added, “Class sizes will fall.”"
SCHOOL_SPECS = [
    {
        "speaker": "INES OKAFOR",
        "quote": "We hired nine teachers,",
        "aliases": ["Ms Okafor"],
        "role": "School Governor",
    },
    {"speaker": "INES OKAFOR", "quote": "Class sizes will fall."},
]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "index.db") as opened:
        yield opened


def counts(store: Store) -> tuple[int, int, int, int]:
    fts = store.scalar("SELECT count(*) FROM quotes_fts")
    return store.article_count(), store.speaker_count(), store.quote_count(), fts


# Location ---------------------------------------------------------------------


def test_default_db_path_honours_the_environment(isolated_db: Path) -> None:
    assert default_db_path() == isolated_db


def test_default_db_path_falls_back_to_the_data_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QUOTECLI_DB", raising=False)
    path = default_db_path()
    assert path.name == "quotecli.db" and "quotecli" in path.parent.parts[-1].lower()


# Writing ----------------------------------------------------------------------


def test_new_database_is_created_with_parents(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "index.db"
    with Store(path) as store:
        assert store.is_empty()
        assert counts(store) == (0, 0, 0, 0)
    assert path.is_file()


def test_add_article(store: Store, extraction_for: Factory) -> None:
    article = Article(text=HARBOUR, source="harbour.txt", title="Quay", date="2024-05-01")
    article_id, added = store.add_article(article, extraction_for(HARBOUR, HARBOUR_SPECS))
    assert added and not store.is_empty()
    assert counts(store) == (1, 2, 2, 2)
    row = store.get_article(article_id)
    assert row is not None
    assert list(row) == [
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
    ]
    assert (row["source"], row["title"], row["date"], row["text"]) == (
        "harbour.txt",
        "Quay",
        "2024-05-01",
        HARBOUR,
    )
    assert store.get_article(article_id + 1) is None
    assert store.find_article(HARBOUR) == article_id


def test_unchanged_article_is_not_written_twice(store: Store, extraction_for: Factory) -> None:
    extraction = extraction_for(HARBOUR, HARBOUR_SPECS)
    first = store.add_article(Article(text=HARBOUR, source="a.txt"), extraction)
    again = store.add_article(Article(text=HARBOUR, source="copy.txt"), extraction)
    assert again == (first[0], False)
    assert counts(store) == (1, 2, 2, 2)


def test_speakers_merge_across_articles_case_insensitively(
    store: Store, extraction_for: Factory
) -> None:
    store.add_article(Article(HARBOUR, "h.txt"), extraction_for(HARBOUR, HARBOUR_SPECS))
    store.add_article(Article(SCHOOL, "s.txt"), extraction_for(SCHOOL, SCHOOL_SPECS))
    assert store.speaker_count() == 2
    [row] = store.rows("SELECT name, aliases, roles FROM speakers WHERE name = 'ines okafor'")
    assert row["name"] == "Ines Okafor"  # the first spelling stays canonical
    assert row["aliases"] == '["Okafor", "Ms Okafor"]'
    assert row["roles"] == '["Harbour Master", "School Governor"]'
    speakers = store.rows("SELECT DISTINCT speaker_id FROM quotes WHERE speaker_id IS NOT NULL")
    assert len(speakers) == 2


def test_one_person_is_one_speaker_across_articles_and_namesakes_stay_apart(
    store: Store, extraction_for: Factory
) -> None:
    articles = {
        "a.txt": (
            "Olek Marchenko said the port would reopen. Rita Lamb agreed.",
            [
                {"speaker": "Olek Marchenko", "quote": "the port would reopen"},
                {"speaker": "Rita Lamb", "quote": "agreed"},
            ],
        ),
        "b.txt": (
            "Olek Marchenkko said the bridge was safe.",
            [
                {"speaker": "Olek Marchenkko", "quote": "the bridge was safe"},
            ],
        ),
        "c.txt": (
            "Lamb said the vote was close. Tom Lamb disagreed.",
            [
                {"speaker": "Lamb", "quote": "the vote was close"},
                {"speaker": "Tom Lamb", "quote": "disagreed"},
            ],
        ),
    }
    for source, (text, specs) in articles.items():
        store.add_article(Article(text, source), extraction_for(text, specs))
    rows = store.rows("SELECT name, aliases FROM speakers ORDER BY id")
    # "Lamb" is the Lamb its own article names in full, not the one known before.
    assert rows == [
        {"name": "Olek Marchenko", "aliases": '["Olek Marchenkko"]'},
        {"name": "Rita Lamb", "aliases": "[]"},
        {"name": "Tom Lamb", "aliases": '["Lamb"]'},
    ]


def test_a_short_form_joins_the_body_another_article_spelt_it_out_as(
    store: Store, extraction_for: Factory
) -> None:
    first = "The Northern Guild of Map Makers (NGMM) said sales had fallen."
    later = "The NGMM said prices would rise."
    store.add_article(
        Article(first, "a.txt"),
        extraction_for(
            first,
            [
                {
                    "speaker": "Northern Guild of Map Makers",
                    "quote": "sales had fallen",
                    "type": "organisation",
                }
            ],
        ),
    )
    store.add_article(
        Article(later, "b.txt"),
        extraction_for(
            later, [{"speaker": "NGMM", "quote": "prices would rise", "type": "organisation"}]
        ),
    )
    rows = store.rows("SELECT name, aliases FROM speakers ORDER BY id")
    assert rows == [{"name": "Northern Guild of Map Makers", "aliases": '["NGMM"]'}]


def test_a_bare_surname_indexed_first_joins_the_full_name_found_later(
    store: Store, extraction_for: Factory
) -> None:
    first = "Lamb said the vote was close."
    store.add_article(
        Article(first, "a.txt"),
        extraction_for(first, [{"speaker": "Lamb", "quote": "the vote was close"}]),
    )
    later = "Rita Lamb said the count was fair."
    store.add_article(
        Article(later, "b.txt"),
        extraction_for(later, [{"speaker": "Rita Lamb", "quote": "the count was fair"}]),
    )
    assert store.rows("SELECT name, aliases, quotes, articles FROM speakers") == [
        {"name": "Rita Lamb", "aliases": '["Lamb"]', "quotes": 2, "articles": 2}
    ]
    assert match_speakers(store, "Lamb") == match_speakers(store, "Rita Lamb")


def test_a_name_first_taken_for_a_person_can_turn_out_an_organisation(
    store: Store, extraction_for: Factory
) -> None:
    text = "Vantor said profits rose."
    spec = [{"speaker": "Vantor", "quote": "profits rose"}]
    store.add_article(Article(text, "a.txt"), extraction_for(text, spec))
    later = "Vantor said sales fell."
    store.add_article(
        Article(later, "b.txt"),
        extraction_for(later, [{"speaker": "Vantor", "quote": "sales fell", "type": ORGANISATION}]),
    )
    assert store.rows("SELECT name, type FROM speakers") == [
        {"name": "Vantor", "type": ORGANISATION}
    ]


def test_quote_speaker_missing_from_the_speaker_list_is_created(
    store: Store, extraction_for: Factory
) -> None:
    listed = extraction_for(HARBOUR, [{"speaker": "Unlisted Person", "quote": "The new quay"}])
    store.add_article(Article(HARBOUR, "h.txt"), Extraction(quotes=listed.quotes))
    assert store.rows("SELECT name, type FROM speakers") == [
        {"name": "Unlisted Person", "type": "person"}
    ]


def test_unattributed_quote_has_no_speaker(store: Store, extraction_for: Factory) -> None:
    extraction = extraction_for(HARBOUR, [{"speaker": None, "quote": "The new quay"}])
    store.add_article(Article(HARBOUR, "h.txt"), extraction)
    assert store.scalar("SELECT speaker_id FROM quotes") is None
    assert store.speaker_count() == 0


# Transactions ------------------------------------------------------------------


@pytest.mark.parametrize("error", [RuntimeError("disk on fire"), KeyboardInterrupt()])
def test_failure_mid_article_leaves_the_database_as_it_was(
    store: Store, extraction_for: Factory, monkeypatch: pytest.MonkeyPatch, error: BaseException
) -> None:
    store.add_article(Article(SCHOOL, "s.txt"), extraction_for(SCHOOL, SCHOOL_SPECS))
    before = counts(store)
    speakers_before = store.rows("SELECT * FROM speakers")
    calls = []
    original = Store._insert_quote

    def fail_on_second_quote(self: Store, *args: object) -> int:
        calls.append(args)
        if len(calls) == 2:
            raise error
        return original(self, *args)

    monkeypatch.setattr(Store, "_insert_quote", fail_on_second_quote)
    with pytest.raises(type(error)):
        store.add_article(Article(HARBOUR, "h.txt"), extraction_for(HARBOUR, HARBOUR_SPECS))
    assert len(calls) == 2  # the article row and the first quote had been written
    assert counts(store) == before
    assert store.rows("SELECT * FROM speakers") == speakers_before
    assert store.find_article(HARBOUR) is None
    monkeypatch.undo()
    # The store is still usable and the same article can now be indexed.
    assert store.add_article(Article(HARBOUR, "h.txt"), extraction_for(HARBOUR, HARBOUR_SPECS))[1]


def test_failed_article_is_not_visible_to_another_connection(
    store: Store, extraction_for: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*args: object) -> int:
        raise RuntimeError("interrupted")

    monkeypatch.setattr(Store, "_save_speakers", boom)
    with pytest.raises(RuntimeError):
        store.add_article(Article(HARBOUR, "h.txt"), extraction_for(HARBOUR, HARBOUR_SPECS))
    with Store(store.path) as other:
        assert counts(other) == (0, 0, 0, 0)


# Migrations --------------------------------------------------------------------


def test_migrations_are_recorded_once(tmp_path: Path) -> None:
    path = tmp_path / "index.db"
    Store(path).close()
    names = [fn.__name__ for fn in MIGRATIONS]
    db = Database(path)
    recorded = db.execute("SELECT name, applied_at FROM _migrations ORDER BY rowid").fetchall()
    db.close()
    assert [name for name, _ in recorded] == names
    Store(path).close()
    db = Database(path)
    assert db.execute("SELECT name, applied_at FROM _migrations ORDER BY rowid").fetchall() == (
        recorded
    )
    db.close()


def test_reopening_does_not_rerun_migrations(tmp_path: Path) -> None:
    ran: list[str] = []

    def m_first(db: Database) -> None:
        ran.append("first")
        db.execute("CREATE TABLE first (x)")

    def m_second(db: Database) -> None:
        ran.append("second")

    db = Database(tmp_path / "plain.db")
    assert migrate(db, [m_first, m_second]) == ["m_first", "m_second"]
    assert migrate(db, [m_first, m_second]) == []
    assert ran == ["first", "second"]
    db.close()


def test_failed_migration_is_rolled_back_and_stays_pending(tmp_path: Path) -> None:
    def m_broken(db: Database) -> None:
        db.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("bug in migration")

    db = Database(tmp_path / "plain.db")
    with pytest.raises(RuntimeError):
        migrate(db, [m_broken])
    assert "half_done" not in db.table_names()
    assert migrations.applied(db) == set()
    db.close()


def test_upgrade_that_fails_half_way_leaves_the_database_as_it_was(tmp_path: Path) -> None:
    """The migrations before the broken one are rolled back with it: all or nothing."""

    def m_good(db: Database) -> None:
        db.execute("CREATE TABLE good (x)")

    def m_broken(db: Database) -> None:
        raise RuntimeError("bug in migration")

    db = Database(tmp_path / "plain.db")
    with pytest.raises(RuntimeError):
        migrate(db, [m_good, m_broken])
    assert "good" not in db.table_names()
    assert migrations.applied(db) == set()
    assert migrate(db, [m_good]) == ["m_good"]
    db.close()


def _old_database(path: Path, migrations_applied: int) -> Database:
    """A database made by an older quotecli: its first migrations, one article, one quote."""
    db = Database(path)
    migrate(db, MIGRATIONS[:migrations_applied])
    db.execute(
        "INSERT INTO articles (source, hash, text, indexed_at) "
        "VALUES ('old.txt', 'h1', ?, '2024-01-01')",
        [HARBOUR],
    )
    db.execute(
        'INSERT INTO quotes (article_id, text, kind, start, "end", context) '
        "VALUES (1, 'The new quay opens in June.', 'direct', 33, 60, 'ctx')"
    )
    db.conn.commit()
    return db


def test_old_database_is_upgraded(tmp_path: Path) -> None:
    """A database made before the FTS migration gets it, and its quotes become searchable."""
    path = tmp_path / "old.db"
    db = _old_database(path, 1)
    assert "quotes_fts" not in db.table_names()
    db.close()
    with Store(path) as store:
        assert migrations.applied(store.db) == {fn.__name__ for fn in MIGRATIONS}
        [row] = who_said(store, "quay opens")
        assert row["text"] == "The new quay opens in June."


# Damaged and foreign databases -------------------------------------------------


def test_missing_database_without_create(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="no such database"):
        Store(tmp_path / "absent.db", create=False)
    assert not (tmp_path / "absent.db").exists()


def test_directory_as_database(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="directory"):
        Store(tmp_path)


def test_random_bytes_database(tmp_path: Path) -> None:
    path = tmp_path / "garbage.db"
    garbage = os.urandom(8192)
    path.write_bytes(garbage)
    with pytest.raises(DatabaseError, match="not a readable SQLite database"):
        Store(path)
    assert path.read_bytes() == garbage  # nothing written


def test_text_file_as_database(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(HARBOUR * 20)
    with pytest.raises(DatabaseError):
        Store(path)
    assert path.read_text() == HARBOUR * 20


def test_truncated_database(tmp_path: Path, extraction_for: Factory) -> None:
    path = tmp_path / "index.db"
    with Store(path) as store:
        for i in range(60):
            text = f"Report {i}. " + HARBOUR * 3
            store.add_article(Article(text, f"{i}.txt"), extraction_for(text, HARBOUR_SPECS))
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    # Depending on where the cut falls SQLite notices on open or on the first query;
    # either way the user sees a DatabaseError.
    with pytest.raises(DatabaseError, match="not a readable SQLite database"), Store(path) as store:
        store.quote_count()
        who_said(store, "quay")


def test_foreign_sqlite_database(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseError, match="not a quotecli one"):
        Store(path)
    conn = sqlite3.connect(path)
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["invoices"]
    conn.close()


def test_empty_file_becomes_a_new_database(tmp_path: Path) -> None:
    path = tmp_path / "touched.db"
    path.touch()
    with Store(path) as store:
        assert store.is_empty()


def test_sqlite_errors_after_opening_become_database_errors(store: Store) -> None:
    with pytest.raises(DatabaseError, match="database error"):
        store.rows("SELECT * FROM no_such_table")


# Interrupted quotations ----------------------------------------------------------

INTERRUPTED = "“The quay will open in June,” harbour master Lena Ortiz said, “and not a day later.”"


def test_an_interrupted_quotation_is_stored_and_found_as_one(tmp_path: Path) -> None:
    from quotecli.extract import extract
    from quotecli.search import get_quote

    with Store(tmp_path / "q.db") as store:
        store.add_article(Article(text=INTERRUPTED, source="quay.txt"), extract(INTERRUPTED))
        [row] = who_said(store, "not a day later")
        assert row["speaker"] == "Lena Ortiz"
        assert [INTERRUPTED[a:b] for a, b in row["parts"]] == [
            "The quay will open in June,",
            "and not a day later.",
        ]
        assert INTERRUPTED[row["start"] : row["end"]] == row["text"]
        shown = get_quote(store, row["id"])
        assert shown["parts"] == row["parts"]


def test_quotes_stored_before_parts_existed_read_as_whole(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _old_database(path, 5).close()  # everything before the parts column
    with Store(path) as store:
        [row] = who_said(store, "quay opens")
        assert row["parts"] is None


def test_a_body_named_with_a_word_in_the_singular_is_the_same_body(
    store: Store, extraction_for: Factory
) -> None:
    first = "The Guild of Harbour Pilots said fees had risen."
    later = "The Guild of Harbour Pilot said the season was long."
    for source, text, quote, name in (
        ("a.txt", first, "fees had risen", "Guild of Harbour Pilots"),
        ("b.txt", later, "the season was long", "Guild of Harbour Pilot"),
    ):
        store.add_article(
            Article(text, source),
            extraction_for(text, [{"speaker": name, "quote": quote, "type": "organisation"}]),
        )
    rows = store.rows("SELECT name, aliases, quotes FROM speakers ORDER BY id")
    assert rows == [
        {"name": "Guild of Harbour Pilots", "aliases": '["Guild of Harbour Pilot"]', "quotes": 2}
    ]


def _body_quotes(store: Store, extraction_for: Factory, items) -> None:
    for source, text, quote, name, aliases in items:
        store.add_article(
            Article(text, source),
            extraction_for(
                text,
                [{"speaker": name, "quote": quote, "type": "organisation", "aliases": aliases}],
            ),
        )


def test_a_short_form_indexed_first_joins_the_body_spelt_out_later(
    store: Store, extraction_for: Factory
) -> None:
    _body_quotes(
        store,
        extraction_for,
        [
            ("a.txt", "NM said output rose.", "output rose", "NM", []),
            (
                "b.txt",
                "Northern Millers (NM) said prices fell.",
                "prices fell",
                "Northern Millers",
                ["NM"],
            ),
            ("c.txt", "NM said stocks were low.", "stocks were low", "NM", []),
        ],
    )
    assert store.rows("SELECT name, aliases, quotes, articles FROM speakers") == [
        {"name": "Northern Millers", "aliases": '["NM"]', "quotes": 3, "articles": 3}
    ]


def test_a_short_form_two_bodies_are_spelt_out_as_stays_apart(
    store: Store, extraction_for: Factory
) -> None:
    _body_quotes(
        store,
        extraction_for,
        [
            (
                "a.txt",
                "Northern Millers (NM) said prices fell.",
                "prices fell",
                "Northern Millers",
                ["NM"],
            ),
            (
                "b.txt",
                "Nordic Mining (NM) said ore was scarce.",
                "ore was scarce",
                "Nordic Mining",
                ["NM"],
            ),
            ("c.txt", "NM said stocks were low.", "stocks were low", "NM", []),
        ],
    )
    names = [r["name"] for r in store.rows("SELECT name FROM speakers ORDER BY id")]
    assert names == ["Northern Millers", "Nordic Mining", "NM"]
