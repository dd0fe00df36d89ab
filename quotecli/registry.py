"""The user's decisions about speakers, kept as decisions so that they last.

Identity rules get most speakers right, and a journalist corrects the rest:
merge two speakers, rename one, add or remove an alias, split an alias off,
set a type, or give one quote its speaker. Each correction is stored in
``speaker_decisions`` in the order made and applied at once; indexing applies
the decisions again to whatever it writes (a re-indexed or replaced article,
an ``index --rebuild``), so a correction is never undone by the machine.

Decisions name speakers by name, never by id, so they can be exported to a
plain text file (one decision a line, written like the command that made it)
and imported into another index.
"""

from __future__ import annotations

import json
import shlex
import sqlite3
from collections.abc import Iterable
from dataclasses import astuple, dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from quotecli.errors import InputError, NotFoundError, QueryError
from quotecli.migrations import transaction
from quotecli.model import SPEAKER_TYPES

if TYPE_CHECKING:
    from quotecli.store import Store

MERGE = "merge"
RENAME = "rename"
ALIAS_ADD = "alias add"
ALIAS_REMOVE = "alias remove"
SPLIT = "split"
TYPE = "type"
ATTRIBUTE = "attribute"
# How many names each action takes after its verb, in the text format.
_ARGUMENTS = {
    MERGE: (2, 2),
    RENAME: (2, 2),
    ALIAS_ADD: (2, 2),
    ALIAS_REMOVE: (2, 2),
    SPLIT: (2, 3),
    TYPE: (2, 2),
    ATTRIBUTE: (4, 4),
}
HEADER = (
    "# quotecli speaker decisions: one a line, applied in this order.\n"
    "# quotecli speakers import FILE applies them to another index.\n"
)

# How strictly a decision is applied: as a command (every problem is an error),
# from an imported file (an unknown speaker is an error, a decision already in
# effect is not), or replayed after indexing (nothing is an error).
COMMAND = "command"
IMPORT = "import"
REPLAY = "replay"


@dataclass(frozen=True, slots=True)
class Decision:
    """One correction: ``speaker`` is who it is about, ``value`` and ``extra`` its arguments.

    A quote is named by its article's text hash and its offsets, which survive
    re-indexing, where its id does not.
    """

    action: str
    speaker: str
    value: str | None = None
    extra: str | None = None
    article_hash: str | None = None
    start: int | None = None
    end: int | None = None

    def line(self) -> str:
        """The decision as one line of the export format."""
        if self.action == ATTRIBUTE:
            words = [self.action, self.article_hash or "", str(self.start), str(self.end)]
            return " ".join([*words, shlex.quote(self.speaker)])
        names = [self.speaker, self.value, self.extra]
        return " ".join([self.action, *(shlex.quote(n) for n in names if n is not None)])

    def names(self) -> set[str]:
        """Every speaker name the decision mentions, folded."""
        return {n.casefold() for n in (self.speaker, self.value, self.extra) if n}


def parse(text: str, source: str = "input") -> list[Decision]:
    """Decisions from the export format; InputError naming the first malformed line."""
    decisions = []
    for number, line in enumerate(text.splitlines(), start=1):
        try:
            decision = _parse_line(line)
        except ValueError as exc:
            raise InputError(f"{source}, line {number}: {exc}: {line.strip()!r}") from None
        if decision is not None:
            decisions.append(decision)
    return decisions


def _parse_line(line: str) -> Decision | None:
    try:
        words = shlex.split(line, comments=True)
    except ValueError:
        raise ValueError("a quotation mark is not closed") from None
    if not words:
        return None
    action = words[0]
    rest = words[1:]
    if action == "alias" and rest and rest[0] in ("add", "remove"):
        action, rest = f"alias {rest[0]}", rest[1:]
    if action not in _ARGUMENTS:
        raise ValueError(f"unknown decision {words[0]!r}")
    low, high = _ARGUMENTS[action]
    if not low <= len(rest) <= high:
        expected = str(low) if low == high else f"{low} or {high}"
        raise ValueError(f"{action} takes {expected} values, not {len(rest)}")
    if any(not w.strip() for w in rest):
        raise ValueError("empty name")
    if action == ATTRIBUTE:
        article_hash, start, end, name = rest
        if not (start.isdigit() and end.isdigit()):
            raise ValueError("a quote's offsets must be whole numbers")
        return Decision(ATTRIBUTE, name, article_hash=article_hash, start=int(start), end=int(end))
    if action == TYPE and rest[1] not in SPEAKER_TYPES:
        raise ValueError(f"unknown type {rest[1]!r}")
    return Decision(action, rest[0], rest[1], rest[2] if len(rest) > 2 else None)


class Registry:
    """Corrections to the speakers of one index."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn = store.db.conn

    # Commands ---------------------------------------------------------------

    def decide(self, decision: Decision) -> None:
        """Apply a decision as a command and keep it; nothing changes if it fails."""
        with self.store.guard(), transaction(self.conn):
            apply(self.conn, decision, COMMAND)
            _keep(self.conn, decision)

    def attribute(self, quote_id: int, name: str) -> Decision:
        """Give one quote its speaker by hand."""
        row = self.conn.execute(
            'SELECT a.hash, q.start, q."end" FROM quotes q JOIN articles a ON a.id = q.article_id'
            " WHERE q.id = ?",
            [quote_id],
        ).fetchone()
        if row is None:
            raise NotFoundError(
                f"no quote with id {quote_id}", hint="find ids with `quotecli list`"
            )
        decision = Decision(ATTRIBUTE, name, article_hash=row[0], start=row[1], end=row[2])
        self.decide(decision)
        return decision

    def decisions(self) -> list[Decision]:
        """Every decision kept, oldest first."""
        return _decisions(self.conn)

    def export(self) -> str:
        """The decisions in the plain text format."""
        return HEADER + "".join(d.line() + "\n" for d in self.decisions())

    def import_text(self, text: str, source: str = "input") -> int:
        """Apply and keep the decisions of an exported file; return how many were new.

        All of them or none: a malformed line or one naming no known speaker
        leaves the index as it was.
        """
        decisions = parse(text, source)
        kept = set(map(astuple, self.decisions()))
        added = 0
        with self.store.guard(), transaction(self.conn):
            for number, decision in _numbered(text, decisions):
                try:
                    apply(self.conn, decision, IMPORT)
                except (NotFoundError, QueryError) as exc:
                    raise type(exc)(f"{source}, line {number}: {exc.message}", exc.hint) from None
                if astuple(decision) not in kept:
                    _keep(self.conn, decision)
                    kept.add(astuple(decision))
                    added += 1
        return added


def _numbered(text: str, decisions: list[Decision]) -> list[tuple[int, Decision]]:
    """Each decision with the line it came from."""
    numbers = [n for n, line in enumerate(text.splitlines(), 1) if _parse_line(line)]
    return list(zip(numbers, decisions, strict=True))


def _keep(conn: sqlite3.Connection, decision: Decision) -> None:
    conn.execute(
        "INSERT INTO speaker_decisions (action, speaker, value, extra, article_hash, start,"
        ' "end", made_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        (*astuple(decision), datetime.now(timezone.utc).isoformat(timespec="seconds")),
    )


def _decisions(conn: sqlite3.Connection) -> list[Decision]:
    rows = conn.execute(
        'SELECT action, speaker, value, extra, article_hash, start, "end"'
        " FROM speaker_decisions ORDER BY id"
    ).fetchall()
    return [Decision(*row) for row in rows]


def replay(conn: sqlite3.Connection, names: Iterable[str], hashes: Iterable[str]) -> bool:
    """Apply again the decisions about these speaker names or these articles' quotes.

    Called by the writer after each batch, inside its transaction, so that a
    speaker an article has just created anew is corrected as the user decided.
    Returns whether any decision was applied (and may have changed speakers).
    """
    if conn.execute("SELECT NOT EXISTS (SELECT 1 FROM speaker_decisions)").fetchone()[0]:
        return False
    folded = {n.casefold() for n in names}
    articles = set(hashes)
    applied = False
    for decision in _decisions(conn):
        if decision.article_hash in articles or decision.names() & folded:
            apply(conn, decision, REPLAY)
            applied = True
    return applied


def copy_decisions(store: Store, source: Path) -> None:
    """Bring the decisions of the index at ``source`` into ``store`` (for ``--rebuild``)."""
    if not source.exists():
        return
    conn = store.db.conn
    with store.guard():
        conn.execute("ATTACH DATABASE ? AS previous", [str(source)])
        try:
            has_table = conn.execute(
                "SELECT 1 FROM previous.sqlite_master WHERE name = 'speaker_decisions'"
            ).fetchone()
            if has_table:
                with transaction(conn):
                    conn.execute(
                        "INSERT INTO speaker_decisions (action, speaker, value, extra,"
                        ' article_hash, start, "end", made_at) SELECT action, speaker, value,'
                        ' extra, article_hash, start, "end", made_at'
                        " FROM previous.speaker_decisions ORDER BY id"
                    )
        finally:
            conn.execute("DETACH DATABASE previous")


# Applying one decision ----------------------------------------------------------


class _Skip(Exception):
    """A decision that has nothing to do (already in effect, or about no speaker here)."""


def apply(conn: sqlite3.Connection, decision: Decision, mode: str) -> None:
    """Carry out one decision on the speakers and quotes as they are now."""
    try:
        _APPLY[decision.action](conn, decision, mode)
    except _Skip:
        return
    except (NotFoundError, QueryError):
        if mode == REPLAY:
            return
        raise


def _no_change(message: str, mode: str) -> None:
    """Nothing to do: an error for a command, nothing at all otherwise."""
    if mode == COMMAND:
        raise QueryError(message)
    raise _Skip


def resolve(conn: sqlite3.Connection, name: str) -> int:
    """The id of the speaker called ``name``: its canonical name, else the one alias."""
    wanted = " ".join(name.split())
    row = conn.execute("SELECT id FROM speakers WHERE name = ?", [wanted]).fetchone()
    if row is not None:
        return int(row[0])
    rows = conn.execute(
        "SELECT DISTINCT n.speaker_id, s.name FROM speaker_names n"
        " JOIN speakers s ON s.id = n.speaker_id WHERE n.name = ? ORDER BY s.quotes DESC",
        [wanted],
    ).fetchall()
    if len(rows) == 1:
        return int(rows[0][0])
    if rows:
        names = ", ".join(repr(r[1]) for r in rows[:5])
        raise QueryError(f"{name!r} names {len(rows)} speakers ({names})", hint="use the full name")
    raise NotFoundError(
        f"no speaker named {name!r}", hint="find it with `quotecli speakers --name NAME`"
    )


def _speaker(conn: sqlite3.Connection, speaker_id: int) -> tuple[str, str | None, list, list]:
    name, kind, aliases, roles = conn.execute(
        "SELECT name, type, aliases, roles FROM speakers WHERE id = ?", [speaker_id]
    ).fetchone()
    return name, kind, json.loads(aliases), json.loads(roles)


def _canonical(conn: sqlite3.Connection, name: str) -> int | None:
    row = conn.execute("SELECT id FROM speakers WHERE name = ?", [" ".join(name.split())])
    found = row.fetchone()
    return None if found is None else int(found[0])


def _union(*lists: Iterable[str], exclude: str = "") -> list[str]:
    seen = {exclude.casefold()}
    out = []
    for value in (v for values in lists for v in values):
        if value and value.casefold() not in seen:
            seen.add(value.casefold())
            out.append(value)
    return out


def _recount(conn: sqlite3.Connection, *speaker_ids: int | None) -> None:
    conn.executemany(
        "UPDATE speakers SET quotes = (SELECT count(*) FROM quotes WHERE speaker_id = ?1),"
        " articles = (SELECT count(DISTINCT article_id) FROM quotes WHERE speaker_id = ?1)"
        " WHERE id = ?1",
        [(i,) for i in set(speaker_ids) if i is not None],
    )


def _set_names(conn: sqlite3.Connection, speaker_id: int, name: str, aliases: list[str]) -> None:
    """Make a speaker's name, aliases and lookup names exactly these."""
    conn.execute(
        "UPDATE speakers SET name = ?, aliases = ? WHERE id = ?",
        [name, json.dumps(aliases), speaker_id],
    )
    wanted = {n.casefold(): n for n in (name, *aliases)}
    have = {
        r[0].casefold(): r[0]
        for r in conn.execute("SELECT name FROM speaker_names WHERE speaker_id = ?", [speaker_id])
    }
    gone = [have[k] for k in have.keys() - wanted.keys()]
    conn.executemany(
        "DELETE FROM speaker_names WHERE speaker_id = ? AND name = ?",
        [(speaker_id, n) for n in gone],
    )
    conn.executemany(
        "INSERT OR IGNORE INTO speaker_names (speaker_id, name) VALUES (?, ?)",
        [(speaker_id, wanted[k]) for k in wanted.keys() - have.keys()],
    )


def merge_speakers(conn: sqlite3.Connection, keep: int, gone: int) -> None:
    """Move one speaker's quotes, names and roles to another, and delete it."""
    name, _, aliases, roles = _speaker(conn, keep)
    other, other_kind, other_aliases, other_roles = _speaker(conn, gone)
    # Quotes indexed before quotes recorded their name keep the one they came by.
    conn.execute(
        "UPDATE quotes SET found_as = ? WHERE speaker_id = ? AND found_as IS NULL", [other, gone]
    )
    conn.execute("UPDATE quotes SET speaker_id = ? WHERE speaker_id = ?", [keep, gone])
    conn.execute("DELETE FROM speaker_names WHERE speaker_id = ?", [gone])
    conn.execute("DELETE FROM speakers WHERE id = ?", [gone])
    _set_names(conn, keep, name, _union(aliases, [other], other_aliases, exclude=name))
    conn.execute(
        "UPDATE speakers SET roles = ?, type = COALESCE(type, ?) WHERE id = ?",
        [json.dumps(_union(roles, other_roles)), other_kind, keep],
    )
    _recount(conn, keep)


def _merge(conn: sqlite3.Connection, d: Decision, mode: str) -> None:
    keep = resolve(conn, d.speaker)
    gone = resolve(conn, d.value or "")
    if keep == gone:
        if " ".join(d.speaker.split()).casefold() == " ".join((d.value or "").split()).casefold():
            _no_change(f"cannot merge {d.speaker!r} into itself", mode)
        _no_change(f"{d.speaker!r} and {d.value!r} are already one speaker", mode)
    merge_speakers(conn, keep, gone)


def _rename(conn: sqlite3.Connection, d: Decision, mode: str) -> None:
    new = " ".join((d.value or "").split())
    speaker_id = resolve(conn, d.speaker)
    name, _, aliases, _ = _speaker(conn, speaker_id)
    if name == new:
        _no_change(f"{d.speaker!r} is already called {new!r}", mode)
    holder = _canonical(conn, new)
    if holder is not None and holder != speaker_id:
        if mode == COMMAND:
            raise QueryError(
                f"another speaker is called {new!r}",
                hint=f"merge them with `quotecli speakers merge {shlex.quote(new)} "
                f"{shlex.quote(name)}`",
            )
        # Re-indexing made the old name a speaker again: it rejoins the renamed one.
        merge_speakers(conn, holder, speaker_id)
        return
    _set_names(conn, speaker_id, new, _union(aliases, [name], exclude=new))


def _alias_add(conn: sqlite3.Connection, d: Decision, mode: str) -> None:
    speaker_id = resolve(conn, d.speaker)
    alias = " ".join((d.value or "").split())
    name, _, aliases, _ = _speaker(conn, speaker_id)
    other = _canonical(conn, alias)
    if other is not None and other != speaker_id:
        # A speaker of that name is this one under another name.
        merge_speakers(conn, speaker_id, other)
        return
    if alias.casefold() in {a.casefold() for a in (name, *aliases)}:
        _no_change(f"{name!r} is already called {alias!r}", mode)
    _set_names(conn, speaker_id, name, [*aliases, alias])


def _alias_remove(conn: sqlite3.Connection, d: Decision, mode: str) -> None:
    _split_off(conn, d.speaker, d.value or "", d.value or "", mode)


def _split(conn: sqlite3.Connection, d: Decision, mode: str) -> None:
    _split_off(conn, d.speaker, d.value or "", d.extra or d.value or "", mode)


def _split_off(conn: sqlite3.Connection, name: str, alias: str, new: str, mode: str) -> None:
    """Take an alias from a speaker; the quotes it brought go to the speaker called ``new``."""
    alias = " ".join(alias.split())
    new = " ".join(new.split())
    speaker_id = _canonical(conn, name)
    if speaker_id is None:
        # After a re-index the alias may have become the speaker's name.
        speaker_id = resolve(conn, name)
    canonical, kind, aliases, _ = _speaker(conn, speaker_id)
    if alias.casefold() == canonical.casefold():
        if mode == COMMAND:
            raise QueryError(
                f"{alias!r} is the speaker's own name", hint="rename it first, or merge instead"
            )
        raise _Skip
    brought = conn.execute(
        "SELECT id FROM quotes WHERE speaker_id = ? AND found_as = ? COLLATE NOCASE",
        [speaker_id, alias],
    ).fetchall()
    known = alias.casefold() in {a.casefold() for a in aliases}
    stray = _canonical(conn, alias) if alias.casefold() != new.casefold() else None
    if stray is not None and stray != speaker_id and mode != COMMAND:
        # Re-indexing made the alias a speaker of its own: it is the one split off.
        target = _canonical(conn, new)
        if target is None:
            _, _, stray_aliases, _ = _speaker(conn, stray)
            _set_names(conn, stray, new, _union([alias], stray_aliases, exclude=new))
        elif target != stray:
            merge_speakers(conn, target, stray)
    if not known and not brought:
        _no_change(f"{alias!r} is not an alias of {canonical!r}", mode)
    _set_names(
        conn, speaker_id, canonical, [a for a in aliases if a.casefold() != alias.casefold()]
    )
    if brought:
        target = _canonical(conn, new)
        if target is None:
            cursor = conn.execute("INSERT INTO speakers (name, type) VALUES (?, ?)", [new, kind])
            target = int(cursor.lastrowid)
            conn.execute(
                "INSERT OR IGNORE INTO speaker_names (speaker_id, name) VALUES (?, ?)",
                [target, new],
            )
        if alias.casefold() != new.casefold():
            tname, _, taliases, _ = _speaker(conn, target)
            _set_names(conn, target, tname, _union(taliases, [alias], exclude=tname))
        conn.executemany(
            "UPDATE quotes SET speaker_id = ? WHERE id = ?", [(target, r[0]) for r in brought]
        )
        _recount(conn, speaker_id, target)


def _type(conn: sqlite3.Connection, d: Decision, mode: str) -> None:
    if d.value not in SPEAKER_TYPES:
        raise QueryError(
            f"unknown type {d.value!r}", hint=f"choose one of {', '.join(SPEAKER_TYPES)}"
        )
    speaker_id = resolve(conn, d.speaker)
    _, kind, _, _ = _speaker(conn, speaker_id)
    if kind == d.value:
        _no_change(f"{d.speaker!r} is already of type {d.value}", mode)
    conn.execute("UPDATE speakers SET type = ? WHERE id = ?", [d.value, speaker_id])


def _attribute(conn: sqlite3.Connection, d: Decision, mode: str) -> None:
    speaker_id = resolve(conn, d.speaker)
    row = conn.execute(
        "SELECT q.id, q.speaker_id FROM quotes q JOIN articles a ON a.id = q.article_id"
        ' WHERE a.hash = ? AND q.start = ? AND q."end" = ?',
        [d.article_hash, d.start, d.end],
    ).fetchone()
    if row is None:
        # The article is not in this index (yet): the decision waits for it.
        raise _Skip
    quote_id, before = row
    if before == speaker_id and mode != COMMAND:
        raise _Skip
    conn.execute(
        "UPDATE quotes SET speaker_id = ?, found_as = ? WHERE id = ?",
        [speaker_id, " ".join(d.speaker.split()), quote_id],
    )
    _recount(conn, before, speaker_id)


_APPLY = {
    MERGE: _merge,
    RENAME: _rename,
    ALIAS_ADD: _alias_add,
    ALIAS_REMOVE: _alias_remove,
    SPLIT: _split,
    TYPE: _type,
    ATTRIBUTE: _attribute,
}


def set_by_hand(store: Store, quote_id: int) -> str | None:
    """The speaker name a user gave this quote by hand, if one did."""
    return store.scalar(
        "SELECT d.speaker FROM speaker_decisions d JOIN articles a ON a.hash = d.article_hash"
        ' JOIN quotes q ON q.article_id = a.id AND q.start = d.start AND q."end" = d."end"'
        " WHERE q.id = ? AND d.action = ? ORDER BY d.id DESC LIMIT 1",
        [quote_id, ATTRIBUTE],
    )
