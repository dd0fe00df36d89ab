"""The same quote across the archive: near-duplicate groups, made at index time.

Method: word shingles with winnowing (Schleimer, Wilkerson and Aiken, 2003, the
fingerprinting behind MOSS), then a similarity check. A quote's words are cut
into overlapping runs of SHINGLE words; each run is hashed, and in every window
of WINDOW consecutive hashes the smallest is kept as a fingerprint. Two texts
sharing a run of SHINGLE + WINDOW - 1 words are certain to share a fingerprint,
whatever surrounds it, so a quote found again truncated, with a word changed,
or split into other sentences still meets its earlier copies. Fingerprints are
kept per group, not per quote, so a quote reprinted a hundred times costs one
lookup, not a hundred.

A quote that shares a fingerprint with a group joins it when enough of its
shingles are in the group's first quote: at least MIN_CONTAINMENT of the
shorter one's. Containment, not Jaccard similarity, so that a short excerpt
joins the long quote it was cut from. Quotes of fewer than MIN_SHINGLES
shingles are too generic ("we are very disappointed") to group.

Why this rather than MinHash with LSH: MinHash estimates the Jaccard
similarity of whole texts, which is low between a quote and an excerpt of it,
and needs dozens of hashes per shingle; winnowing needs one hash per shingle
and finds shared passages of any length, which is what a reused quote is.

Rows: ``trace`` gives TRACE_COLUMNS, the quote row plus ``seen`` ("first" or
"later") and ``speaker_differs`` (true when the speaker is not the one of the
first appearance), ordered by article date (undated last), then quote id.
"""

from __future__ import annotations

import json
import re
import sqlite3
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from quotecli.model import Extraction

SHINGLE = 4
# Wider windows keep fewer fingerprints (about 2 / (WINDOW + 1) of the runs):
# less to store and look up, at the price of a longer run two texts must share.
WINDOW = 6
MIN_SHINGLES = 3
MIN_CONTAINMENT = 0.5
# Groups sharing most fingerprints with a quote are checked first; a quote
# sharing passages with more groups than this joins none of the rest.
MAX_GROUPS_CHECKED = 3
# A quote with this share of its fingerprints in a group joins it without a word comparison.
SURE_SHARE = 0.8

_WORD = re.compile(r"[^\W_]+")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class WordHashes(dict):
    """Word -> CRC-32, computed on first sight; shared by the quotes of a batch."""

    def __missing__(self, word: str) -> int:
        value = self[word] = zlib.crc32(word.encode())
        return value


def shingles(text: str, word_hashes: WordHashes | None = None) -> list[int]:
    """Hashes of every run of SHINGLE words, in order (case and punctuation aside).

    Grouping runs in the one writer process, so this is written for speed: the
    loops run inside map() and zip(). A run's hash is Python's hash of its
    tuple of word CRCs: for integers it is the same in every process and run
    (only strings are hashed with a per-process seed).
    """
    table = WordHashes() if word_hashes is None else word_hashes
    words = list(map(table.__getitem__, _WORD.findall(text.casefold())))
    return list(map(hash, zip(words, words[1:], words[2:], words[3:], strict=False)))


def winnow(hashes: list[int]) -> set[int]:
    """The fingerprints: the smallest hash of every WINDOW consecutive ones."""
    if len(hashes) <= WINDOW:
        return {min(hashes)} if hashes else set()
    windows = zip(*(hashes[i:] for i in range(WINDOW)), strict=False)
    return set(map(min, windows))


def containment(a: set[int], b: set[int]) -> float:
    """Share of the smaller set found in the other."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def fingerprints(text: str, word_hashes: WordHashes | None = None) -> tuple[int, ...]:
    """A quote's fingerprints, sorted; empty when it is too short to group."""
    hashes = shingles(text, word_hashes)
    if len(hashes) < MIN_SHINGLES:
        return ()
    return tuple(sorted(winnow(hashes)))


def with_fingerprints(extraction: Extraction) -> Extraction:
    """``extraction`` carrying its quotes' fingerprints, made where it was extracted.

    The indexer calls this in its worker processes, so the one writer only
    looks fingerprints up and stores them.
    """
    table = WordHashes()
    return replace(
        extraction, fingerprints=tuple(fingerprints(q.text, table) for q in extraction.quotes)
    )


def group_quotes(
    conn: sqlite3.Connection,
    after_id: int,
    prints: Sequence[tuple[int, ...] | None] | None = None,
    up_to_id: int | None = None,
) -> None:
    """Put every quote with an id above ``after_id`` into its group of near-duplicates.

    Runs inside the writer's transaction, once per batch: one query finds every
    group the batch's fingerprints point to, and the quotes are placed in id
    order, so an earlier quote of the same batch can be matched too. ``prints``
    are the quotes' fingerprints in id order when already made (None for one
    not made); those missing are made here. ``up_to_id`` bounds the quotes
    taken, so that an existing index can be grouped a slice at a time.
    """
    quotes = conn.execute(
        "SELECT id, text FROM quotes WHERE id > ? AND id <= ? ORDER BY id",
        [after_id, up_to_id if up_to_id is not None else (1 << 63) - 1],
    ).fetchall()
    if not quotes:
        return
    if prints is None or len(prints) != len(quotes):
        prints = [None] * len(quotes)
    word_hashes = WordHashes()
    todo: list[tuple[int, str, tuple[int, ...]]] = []
    wanted: set[int] = set()
    for (quote_id, text), made in zip(quotes, prints, strict=True):
        own = fingerprints(text, word_hashes) if made is None else made
        if own:
            todo.append((quote_id, text, own))
            wanted.update(own)
    if not todo:
        return
    known: dict[int, list[int]] = {}
    for print_hash, group_id in conn.execute(
        "SELECT hash, group_id FROM quote_prints WHERE hash IN (SELECT value FROM json_each(?))",
        [json.dumps(sorted(wanted))],
    ):
        known.setdefault(print_hash, []).append(group_id)
    # Shingles of each group's first quote, made only when a quote is compared with it.
    first_texts: dict[int, str | None] = {}
    first_shingles: dict[int, set[int] | None] = {}
    new_prints: list[tuple[int, int]] = []
    members: list[tuple[int, int]] = []
    for quote_id, text, own in todo:
        group = quote_id
        hits = [g for p in own for g in known.get(p, ())]
        if hits:
            # One shared fingerprint is a common phrase ("at the end of the day")
            # unless the quote has few; a near-duplicate shares more.
            needed = 1 if len(own) <= 2 else 2
            mine: set[int] | None = None
            for candidate, shared in Counter(hits).most_common(MAX_GROUPS_CHECKED):
                if shared < needed:
                    break
                if shared >= SURE_SHARE * len(own):
                    # Nearly all its fingerprints are the group's: a reprint, no need
                    # to compare the words (most quotes of a syndicated archive).
                    group = candidate
                    break
                if mine is None:
                    mine = set(shingles(text, word_hashes))
                if candidate not in first_shingles:
                    first = first_texts.get(candidate) or _first_text(conn, candidate)
                    first_shingles[candidate] = (
                        set(shingles(first, word_hashes)) if first is not None else None
                    )
                first_set = first_shingles[candidate]
                if first_set is not None and containment(mine, first_set) >= MIN_CONTAINMENT:
                    group = candidate
                    break
        if group == quote_id:
            first_texts[quote_id] = text
        else:
            members += [(group, group), (quote_id, group)]
        for p in own:
            groups = known.setdefault(p, [])
            if group not in groups:
                groups.append(group)
                new_prints.append((p, group))
    new_prints.sort()  # in key order, SQLite appends to its B-tree pages instead of splitting them
    conn.executemany(
        "INSERT OR IGNORE INTO quote_prints (hash, group_id) VALUES (?, ?)", new_prints
    )
    conn.executemany(
        "INSERT OR IGNORE INTO quote_groups (quote_id, group_id) VALUES (?, ?)", members
    )


def _first_text(conn: sqlite3.Connection, group_id: int) -> str | None:
    """Text of the group's first quote still in the index (None when none is left)."""
    row = conn.execute("SELECT text FROM quotes WHERE id = ?", [group_id]).fetchone()
    if row is None:
        # Its first quote was removed; the oldest member left stands for the group.
        row = conn.execute(
            "SELECT q.text FROM quote_groups m JOIN quotes q ON q.id = m.quote_id"
            " WHERE m.group_id = ? ORDER BY q.id LIMIT 1",
            [group_id],
        ).fetchone()
    return row[0] if row is not None else None


# questions -------------------------------------------------------------------


def group_of(conn: sqlite3.Connection, quote_id: int) -> list[int]:
    """Ids of the quotes in ``quote_id``'s group (itself alone when it has no copies)."""
    row = conn.execute(
        "SELECT group_id FROM quote_groups WHERE quote_id = ?", [quote_id]
    ).fetchone()
    if row is None:
        return [quote_id]
    return [
        r[0]
        for r in conn.execute(
            "SELECT quote_id FROM quote_groups WHERE group_id = ? ORDER BY quote_id", [row[0]]
        )
    ]


def other_articles(conn: sqlite3.Connection, quote_id: int) -> int:
    """How many other articles carry the same quote (or a near-duplicate of it)."""
    ids = group_of(conn, quote_id)
    if len(ids) == 1:
        return 0
    (count,) = conn.execute(
        "SELECT count(DISTINCT article_id) FROM quotes WHERE id IN"
        " (SELECT value FROM json_each(?))"
        " AND article_id != (SELECT article_id FROM quotes WHERE id = ?)",
        [json.dumps(ids), quote_id],
    ).fetchone()
    return int(count)


def appearances(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Quote rows in the order they appeared, marked first or later, speaker changes flagged."""

    def when(row: dict[str, Any]) -> tuple[bool, str, int]:
        date = row.get("date") or ""
        return (not _ISO_DATE.fullmatch(date), date, row["id"])

    ordered = sorted(rows, key=when)
    if not ordered:
        return []
    first_speaker = ordered[0].get("speaker")
    for n, row in enumerate(ordered):
        row["seen"] = "first" if n == 0 else "later"
        row["speaker_differs"] = n > 0 and row.get("speaker") != first_speaker
    return ordered


def trace(store: Any, query: str, filters: Any = None) -> tuple[list[dict[str, Any]], str]:
    """Every appearance of the quote ``query`` names, in order, and how it was found.

    ``query`` is a quote id, or words of the quote (found as who-said finds
    them: "phrase", "context" or "fuzzy", the second value returned; "id" for
    an id). ``filters`` (a QuoteFilter) keeps the appearances in a date range.
    NotFoundError for an id not in the index; ([], "") when no quote matches.
    """
    from quotecli.errors import NotFoundError
    from quotecli.search import quote_rows, who_said

    wanted = query.strip()
    if wanted.isdigit() and len(wanted) < 19:
        quote_id, how = int(wanted), "id"
        if store.scalar("SELECT id FROM quotes WHERE id = ?", [quote_id]) is None:
            raise NotFoundError(f"no quote with id {quote_id}", hint="find ids with `who-said`")
    else:
        best = who_said(store, wanted, limit=1)
        if not best:
            return [], ""
        quote_id, how = best[0]["id"], best[0]["match"]
    with store.guard():
        ids = group_of(store.conn, quote_id)
    rows = appearances(quote_rows(store, ids))
    if filters:
        keep = {
            r["id"]
            for r in store.rows(
                "SELECT q.id FROM quotes q JOIN articles a ON a.id = q.article_id"
                f" WHERE q.id IN (SELECT value FROM json_each(?)) AND {filters.sql()[0]}",
                [json.dumps(ids), *filters.sql()[1]],
            )
        }
        rows = appearances(r for r in rows if r["id"] in keep)
    return rows, how
