"""The articles in the index: list them, name one, remove some, prune deleted files.

An article is named on the command line by its id in the index, its id in the
feed it came from (JSONL/CSV ``id``), its URL, or its file's path or name;
``resolve_article`` turns any of these into the index id.

- article rows: ARTICLE_COLUMNS; ``quotes`` is how many quotes it holds.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from quotecli.errors import NotFoundError, QueryError
from quotecli.search import article_label
from quotecli.store import Store

ARTICLE_COLUMNS = ("id", "title", "date", "source", "quotes", "author", "external_id")

_ROW_SELECT = """
    SELECT a.id, a.title, a.date, a.source,
           (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes,
           a.author, a.external_id
    FROM articles a
"""


def resolve_article(store: Store, ref: str) -> int:
    """The index id of the article ``ref`` names; NotFoundError or QueryError (ambiguous)."""
    wanted = ref.strip()
    if not wanted:
        raise QueryError("empty article name", hint="give an id, a feed id or a file name")
    is_id = wanted.isdigit() and len(wanted) < 19  # SQLite integers stop at 2**63 - 1
    if is_id and store.scalar("SELECT id FROM articles WHERE id = ?", [int(wanted)]) is not None:
        return int(wanted)
    # One name may fit several ways ("12" an index id and a feed id): the
    # exact forms are tried first, the file name last.
    for sql in (
        "SELECT id FROM articles WHERE external_id = ?",
        "SELECT id FROM articles WHERE source = ? OR key = ?",
        "SELECT id FROM articles WHERE substr(source, -length(?) - 1) = '/' || ?",
    ):
        found = [row["id"] for row in store.rows(sql + " ORDER BY id", [wanted] * sql.count("?"))]
        if len(found) == 1:
            return int(found[0])
        if found:
            shown = ", ".join(str(i) for i in found[:5]) + (", …" if len(found) > 5 else "")
            raise QueryError(
                f"{len(found)} articles are called {ref!r} (ids {shown})",
                hint="give the id from `quotecli articles`",
            )
    raise NotFoundError(f"no article {ref!r}", hint="find ids with `quotecli articles`")


def list_articles(
    store: Store,
    text: str | None = None,
    since: str | None = None,
    until: str | None = None,
    source: str | None = None,
    limit: int | None = None,
) -> tuple[list[dict[str, Any]], int]:
    """Articles by date (undated last), then id, and how many passed the filters in all.

    ``text`` is looked for in the title, the feed id and the article's text;
    ``source`` in its URL or file path; both in any case. ``since`` and
    ``until`` are ISO dates (see ``dates.date_range``).
    """
    clauses: list[str] = []
    params: list[Any] = []
    if text is not None and text.strip():
        pattern = _like(text.strip())
        clauses.append(
            "(a.title LIKE ? ESCAPE '\\' OR a.external_id LIKE ? ESCAPE '\\'"
            " OR a.text LIKE ? ESCAPE '\\')"
        )
        params += [pattern] * 3
    if source is not None and source.strip():
        clauses.append("a.source LIKE ? ESCAPE '\\'")
        params.append(_like(source.strip()))
    if since is not None or until is not None:
        clauses.append("a.date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'")
    if since is not None:
        clauses.append("a.date >= ?")
        params.append(since)
    if until is not None:
        clauses.append("a.date <= ?")
        params.append(until)
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    rows = store.rows(
        f"{_ROW_SELECT} {where} ORDER BY a.date IS NULL, a.date, a.id LIMIT ?",
        [*params, -1 if limit is None else max(limit, 0)],
    )
    total = len(rows)
    if limit is not None and total >= limit:
        total = int(store.scalar(f"SELECT count(*) FROM articles a {where}", params))
    return rows, total


def describe(row: dict[str, Any]) -> str:
    """An article as a person reads it in a message: its id and its name."""
    name = article_label(row.get("title"), row.get("source") or "", row.get("external_id"))
    return f"article {row['id']} ({name})"


def remove_articles(store: Store, refs: Sequence[str]) -> list[dict[str, Any]]:
    """Remove the articles ``refs`` name, with their quotes; return their rows.

    Every name is resolved before anything is removed, so one that is not in
    the index leaves the index as it was.
    """
    ids = list(dict.fromkeys(resolve_article(store, ref) for ref in refs))
    return _remove(store, ids)


def prune(store: Store, paths: Iterable[str]) -> list[dict[str, Any]]:
    """Remove the articles read from files under ``paths`` that no longer exist."""
    gone: list[int] = []
    for path in paths:
        if path == "-":
            continue
        root = Path(path).expanduser().resolve()
        if not root.is_dir():
            continue
        prefix = str(root).rstrip(os.sep) + os.sep
        # Keys of files are absolute paths (of JSONL/CSV records, "path#id"),
        # so the articles under a folder are one range of the key index.
        for row in store.rows(
            "SELECT id, key FROM articles WHERE key >= ? AND key < ? ORDER BY id",
            [prefix, prefix + "\U0010ffff"],
        ):
            file = row["key"].split("#", 1)[0]
            if not os.path.exists(file):
                gone.append(row["id"])
    return _remove(store, list(dict.fromkeys(gone)))


def _remove(store: Store, ids: list[int]) -> list[dict[str, Any]]:
    if not ids:
        return []
    rows = store.rows(
        f"{_ROW_SELECT} JOIN json_each(?) AS wanted ON wanted.value = a.id ORDER BY wanted.key",
        [json.dumps(ids)],
    )
    store.remove_articles(ids)
    return rows


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
