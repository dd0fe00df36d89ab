"""Article dates: read in the formats articles use, stored as ISO dates, filtered by range."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlite_utils import Database

from quotecli.dates import date_bound, date_range, normalise_date, parse_date
from quotecli.errors import QueryError
from quotecli.migrations import MIGRATIONS, migrate
from quotecli.model import Article
from quotecli.store import Store


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("2005-03-12", "2005-03-12"),
        ("2005-03-12T23:10:00Z", "2005-03-12"),
        ("2005-3-2 08:00", "2005-03-02"),
        ("Sat, 12 Mar 2005 09:30:00 GMT", "2005-03-12"),
        ("Sat, 12 Mar 2005 23:30:00 -0500", "2005-03-12"),  # that day where it was published
        ("12 March 2005", "2005-03-12"),
        ("Saturday 12 March, 2005", "2005-03-12"),
        ("12th Mar 2005", "2005-03-12"),
        ("March 12, 2005", "2005-03-12"),
        ("Sept. 4, 2005", "2005-09-04"),
    ],
)
def test_dates_in_the_formats_articles_use(written, meant):
    assert normalise_date(written) == meant


@pytest.mark.parametrize("written", ["", "yesterday", "2005-02-30", "31 Smarch 2005", "12/03/05"])
def test_what_is_not_a_date_is_kept_as_written(written):
    assert parse_date(written) is None
    assert normalise_date(written) == written
    assert normalise_date(None) is None


@given(st.text(max_size=60))
def test_any_text_gives_a_date_or_none(text):
    parsed = parse_date(text)
    assert parsed is None or isinstance(parsed, date)


def test_bounds_of_a_year_and_a_month():
    assert date_bound("2005", "--since") == "2005-01-01"
    assert date_bound("2005", "--until", end=True) == "2005-12-31"
    assert date_bound("2004-02", "--until", end=True) == "2004-02-29"
    assert date_bound("2005-12", "--until", end=True) == "2005-12-31"
    assert date_bound("12 March 2005", "--since") == "2005-03-12"


def test_an_unreadable_date_is_a_query_error():
    with pytest.raises(QueryError, match="--since: cannot read 'last week' as a date"):
        date_range("last week", None)


def test_since_after_until_is_a_query_error():
    with pytest.raises(QueryError, match="--since 2005-04-01 is after --until 2005-03-01"):
        date_range("2005-04-01", "2005-03-01")
    assert date_range("2005-03-01", "2005-03-01") == ("2005-03-01", "2005-03-01")


def test_dates_are_stored_normalised(tmp_path: Path, extraction_for) -> None:
    with Store(tmp_path / "q.db") as store:
        article_id, _ = store.add_article(
            Article(text="Plain text.", source="a.txt", date="Tue, 01 Mar 2005 10:00:00 GMT"),
            extraction_for("Plain text.", []),
        )
        assert store.get_article(article_id)["date"] == "2005-03-01"


def test_migration_normalises_dates_stored_before(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = Database(path)
    earlier = [fn for fn in MIGRATIONS if fn.__name__ < "m009"]
    migrate(db, earlier)
    for n, written in enumerate(["12 March 2005", "2005-03-01T10:00:00Z", "someday", None]):
        db.execute(
            "INSERT INTO articles (source, hash, text, indexed_at, date) VALUES (?, ?, ?, ?, ?)",
            [f"{n}.txt", f"h{n}", "Text.", "2024-01-01", written],
        )
    db.conn.commit()
    db.close()
    with Store(path) as store:
        dates = [r["date"] for r in store.rows("SELECT date FROM articles ORDER BY id")]
    assert dates == ["2005-03-12", "2005-03-01", "someday", None]
