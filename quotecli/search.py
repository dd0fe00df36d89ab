"""Questions asked of the index: who said it, which quotes, which speakers.

Every function returns plain dicts whose keys come in a fixed order. That
order is the contract of the machine-readable formats: keys are only ever
added at the end.

- quote rows: QUOTE_COLUMNS; ``article`` is the title, else the URL, the
  JSONL id or the file name; ``role`` is the role given with the quote,
  else the speaker's first known role.
- who_said rows: WHO_SAID_COLUMNS; ``match`` says how the quote was found
  ("phrase", "context" or "fuzzy") and ``score`` is the 0-100 similarity of
  the query to the matched text.
- speaker rows: SPEAKER_COLUMNS; roles and aliases joined with "; ";
  ``found_as`` is every name the speaker's quotes were found under, with how
  many quotes each brought, most first: "Tony Blair (280); Mr Blair (12)".
- get_quote: SHOW_COLUMNS, the quote row plus the paragraph around it,
  ``evidence``, a sentence saying why the quote has its speaker, and
  ``same_quote_articles``, how many other articles carry the same quote.
"""

from __future__ import annotations

import bisect
import json
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import PurePath
from typing import Any

from thefuzz import fuzz

from quotecli.errors import NotFoundError, QueryError
from quotecli.filters import QuoteFilter
from quotecli.model import KINDS, SPEAKER_TYPES, STDIN_SOURCE
from quotecli.store import Store, stored_json, stored_list

QUOTE_COLUMNS = (
    "id",
    "speaker",
    "speaker_type",
    "role",
    "kind",
    "cue",
    "text",
    "article_id",
    "article",
    "context",
    "start",
    "end",
    "mention",
    "rule",
    "parts",
    "date",
    "source",
    "author",
)
# Fields added after the first release come last in every row, after those of each kind.
_BASE_COLUMNS = QUOTE_COLUMNS[:14]
LATER_COLUMNS = QUOTE_COLUMNS[14:]
WHO_SAID_COLUMNS = (*_BASE_COLUMNS, "match", "score", *LATER_COLUMNS)
SPEAKER_COLUMNS = ("id", "speaker", "type", "role", "quotes", "articles", "aliases", "found_as")
SHOW_COLUMNS = (
    *(*_BASE_COLUMNS, "paragraph", "paragraph_start", "evidence", *LATER_COLUMNS),
    "same_quote_articles",
)

# Below this similarity a fuzzy hit is more likely noise than a misremembered quote.
FUZZY_THRESHOLD = 80
# Speaker names are short, so one wrong letter costs more; demand closer matches.
SPEAKER_THRESHOLD = 85
# Fuzzy scoring is done in Python, so bound the rows the FTS pre-filter may return.
MAX_FUZZY_CANDIDATES = 500
# A word in this many quotes (or 1% of them, if more) is too common to find candidates by.
COMMON_WORD_MIN = 200
MAX_SPEAKER_CANDIDATES = 200
# A who-said query is a phrase someone remembers, not a document: these bound
# the work one query can ask for (each word is a lookup in the index).
MAX_QUERY_WORDS = 64
MAX_QUERY_LENGTH = 1_000
# "Every word but one" is tried over this many words at most: the expression
# grows with the square of the words it covers.
_LEAVE_ONE_OUT_WORDS = 6

# Letters and digits only: every other character is a separator to FTS5's
# unicode61 tokenizer, so leaving it out of the query loses nothing.
_WORD = re.compile(r"[^\W_]+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")

_QUOTE_SELECT = """
    SELECT q.id, s.name AS speaker, COALESCE(s.type, q.speaker_type) AS speaker_type,
           q.role, s.roles AS speaker_roles, q.kind, q.cue, q.text, q.article_id,
           a.title, a.source, a.external_id,
           COALESCE(q.context, substr(a.text, q.context_start + 1, q.context_end - q.context_start))
           AS context, q.start, q."end", q.mention, q.rule,
           q.parts, a.date, a.author
    FROM quotes q
    JOIN articles a ON a.id = q.article_id
    LEFT JOIN speakers s ON s.id = q.speaker_id
"""
# Ranking (bm25) costs a few microseconds per matching quote. A phrase as
# common as "we were" matches tens of thousands of quotes in a big archive, so
# when only the best few are wanted, the most recently indexed RANK_WINDOW
# matches are ranked and the older ones left aside.
RANK_WINDOW = 10_000
# The newest FTS5 matches as a CTE named hits(id); parameters: expression, limit.
_NEWEST_HITS = """
    WITH hits AS (
        SELECT rowid AS id FROM quotes_fts WHERE quotes_fts MATCH ? ORDER BY rowid DESC LIMIT ?
    )
"""
# The FTS5 matches as a CTE named hits(id, rank); parameters: expression,
# window (-1 for every match), limit.
_FTS_HITS = """
    WITH hits AS (
        SELECT id, rank FROM (
            SELECT rowid AS id, rank FROM quotes_fts WHERE quotes_fts MATCH ?
            ORDER BY rowid DESC LIMIT ?
        )
        ORDER BY rank, id LIMIT ?
    )
"""


# who-said ------------------------------------------------------------------


def query_words(query: str) -> list[str]:
    """The words of a who-said query; QueryError when it has none to search for."""
    if len(query) > MAX_QUERY_LENGTH:
        raise QueryError(
            f"the query is {len(query):,} characters long; the most is {MAX_QUERY_LENGTH:,}",
            hint="search for a shorter phrase from the quote",
        )
    words = _words(query)
    if not words:
        raise QueryError(
            f"nothing to search for in {query!r}",
            hint="the query needs at least one letter or digit",
        )
    if len(words) > MAX_QUERY_WORDS:
        raise QueryError(
            f"the query has {len(words):,} words; the most is {MAX_QUERY_WORDS}",
            hint="search for a shorter phrase from the quote",
        )
    return words


def check_kind(kind: str) -> str:
    """``kind`` as stored ("direct", "indirect", "mixed"); QueryError for any other."""
    return _one_of(kind, KINDS, "kind")


def _one_of(value: str, choices: Sequence[str], what: str) -> str:
    normal = value.strip().lower()
    if normal not in choices:
        raise QueryError(f"unknown {what} {value!r}", hint=f"choose one of {', '.join(choices)}")
    return normal


def who_said(
    store: Store, query: str, limit: int | None = 20, filters: QuoteFilter | None = None
) -> list[dict[str, Any]]:
    """Quotes matching ``query``, best first: phrase in the quote, else in its context, else fuzzy.

    Punctuation and FTS5 operators in the query are taken literally.
    Raises QueryError when the query has no letters or digits.
    """
    return who_said_counted(store, query, limit, filters)[0]


def who_said_counted(
    store: Store, query: str, limit: int | None = 20, filters: QuoteFilter | None = None
) -> tuple[list[dict[str, Any]], int]:
    """``who_said``'s rows and how many quotes matched in all, so a cut list can say so."""
    words = query_words(query)
    phrase = '"' + " ".join(words) + '"'
    for column, match in (("text", "phrase"), ("context", "context")):
        expression = f"{column} : {phrase}"
        raw = _fts_rows(store, expression, _sql_limit(limit), filters)
        if raw:
            rows = [_with_match(_quote_row(r), match, _similarity(words, r[column])) for r in raw]
            cut = limit is not None and len(rows) >= limit
            return rows, _fts_count(store, expression, filters) if cut else len(rows)
    return _fuzzy(store, words, limit, filters)


def phrase_matches(
    store: Store, words: Sequence[str], limit: int | None, filters: QuoteFilter | None = None
) -> list[dict[str, Any]]:
    """Quote rows holding ``words`` as a phrase (stemmed, as FTS5 reads it), newest first.

    Not ranked: a caller that compares words itself needs the matches, not
    bm25's order, and ranking a common phrase's every match is what costs.
    """
    phrase = '"' + " ".join(words) + '"'
    where, params = (filters or QuoteFilter()).sql()
    # FTS5 hands matches over newest first and stops at the window: a phrase as
    # common as "is the" is not collected whole. Filtered, the newest
    # RANK_WINDOW matches are searched.
    window = _sql_limit(limit) if not filters else RANK_WINDOW
    raw = store.rows(
        f"{_QUOTE_SELECT} JOIN (SELECT rowid AS id FROM quotes_fts WHERE quotes_fts MATCH ?"
        f" ORDER BY rowid DESC LIMIT ?) AS hits ON hits.id = q.id WHERE {where}"
        " ORDER BY q.id DESC LIMIT ?",
        [f"text : {phrase}", window, *params, _sql_limit(limit)],
    )
    return [_quote_row(r) for r in raw]


# A word in more quotes than this says little about which quote is meant;
# counting stops there, so looking a common word up costs no more than a rare one.
_COMMON_IN_QUOTES = 1000
CLOSE_WINDOW = 2000


def close_candidates(
    store: Store, words: Sequence[str], filters: QuoteFilter | None = None
) -> list[dict[str, Any]]:
    """Quotes (id, text, speaker_id) holding two of the query's three rarest known words.

    Words in no quote at all (a misspelling, or the word changed) are left out;
    two of three lets one of the rare words be the changed one. Each rare word
    has a short list in the full-text index, so this stays fast on a big
    archive, unlike an OR of every word.
    """
    unique = list(dict.fromkeys(w.lower() for w in words))
    seen: list[tuple[int, str]] = []
    for word in unique:
        count = store.scalar(
            "SELECT count(*) FROM (SELECT 1 FROM quotes_fts WHERE quotes_fts MATCH ? LIMIT ?)",
            [f'text : "{word}"', _COMMON_IN_QUOTES],
        )
        if count:
            seen.append((count, word))
    seen.sort()
    rare = [f'"{word}"' for _, word in seen[:3]]
    if not rare:
        return []
    if len(rare) == 3:
        a, b, c = rare
        expression = f"({a} {b}) OR ({a} {c}) OR ({b} {c})"
    else:
        expression = " ".join(rare)
    where, params = (filters or QuoteFilter()).sql()
    # Words as common as "the" and "new" match much of the archive: only the
    # newest matches are looked at then, as who-said ranks only its newest.
    return store.rows(
        "SELECT q.id, q.text, q.speaker_id FROM"
        " (SELECT rowid AS id FROM quotes_fts WHERE quotes_fts MATCH ?"
        "  ORDER BY rowid DESC LIMIT ?) AS hits"
        " JOIN quotes q ON q.id = hits.id JOIN articles a ON a.id = q.article_id"
        f" WHERE {where} ORDER BY q.id DESC LIMIT ?",
        [f"text : ({expression})", CLOSE_WINDOW, *params, MAX_FUZZY_CANDIDATES],
    )


def quote_rows(store: Store, ids: Sequence[int]) -> list[dict[str, Any]]:
    """Quote rows (QUOTE_COLUMNS) for ``ids``, in the order given."""
    return _quote_rows(store, ids)


def similarity(words: Sequence[str], text: str | None) -> float:
    """0-100: how closely ``words`` appear in ``text`` (who-said's ``score``)."""
    return _similarity(list(words), text)


def _fts_count(store: Store, expression: str, filters: QuoteFilter | None) -> int:
    """How many quotes match an FTS5 expression (and the filters)."""
    if not filters:
        return int(
            store.scalar("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH ?", [expression])
        )
    where, params = filters.sql()
    return int(
        store.scalar(
            "SELECT count(*) FROM quotes_fts f JOIN quotes q ON q.id = f.rowid"
            f" JOIN articles a ON a.id = q.article_id WHERE quotes_fts MATCH ? AND {where}",
            [expression, *params],
        )
    )


def _fuzzy(
    store: Store, words: list[str], limit: int | None, filters: QuoteFilter | None = None
) -> tuple[list[dict[str, Any]], int]:
    """Quotes close to the query's words, found among a few FTS candidates, closest first.

    Scoring runs in Python, so the candidates must be few even on a huge index,
    and ranking them (bm25) costs in proportion to how many quotes match. So the
    candidates are found in two narrow steps rather than one broad OR of every
    word: quotes holding every word of the query but one (one misspelt word),
    then quotes holding the query's rarer words or the start of a word the
    index has never seen ("recoop" -> "rec").
    """
    unique = list(dict.fromkeys(w.lower() for w in words))
    scored: list[tuple[float, int]] = []
    where, params = (filters or QuoteFilter()).sql()
    for expression, ranked in _fuzzy_expressions(store, unique):
        hits = (
            (_FTS_HITS, [f"text : ({expression})", RANK_WINDOW, MAX_FUZZY_CANDIDATES])
            if ranked
            else (_NEWEST_HITS, [f"text : ({expression})", MAX_FUZZY_CANDIDATES])
        )
        candidates = store.rows(
            f"{hits[0]} SELECT q.id, q.text FROM hits JOIN quotes q ON q.id = hits.id"
            f" JOIN articles a ON a.id = q.article_id WHERE {where}",
            [*hits[1], *params],
        )
        scored = [
            (score, row["id"])
            for row in candidates
            if (score := _similarity(words, row["text"])) >= FUZZY_THRESHOLD
        ]
        if scored:
            break
    scored.sort(key=lambda pair: (-pair[0], pair[1]))
    total = len(scored)
    if limit is not None:
        scored = scored[: max(limit, 0)]
    scores = {quote_id: score for score, quote_id in scored}
    rows = _quote_rows(store, [quote_id for _, quote_id in scored])
    return [_with_match(row, "fuzzy", scores[row["id"]]) for row in rows], total


def _fuzzy_expressions(store: Store, words: list[str]) -> Iterator[tuple[str, bool]]:
    """FTS5 expressions for fuzzy candidates, narrowest first, and whether to rank their matches.

    Quotes holding every word but one are taken newest first, unranked: bm25
    would first count every quote holding each of the query's common words
    ("to", "the": most of a big archive), which cost up to 100 ms, to order
    quotes that all hold the same words anyway. When they are fewer than
    MAX_FUZZY_CANDIDATES, all are scored, so the order does not matter.
    """

    def term(word: str) -> str:
        return f'"{word}"'

    def prefix(word: str) -> str:
        # A misspelling usually keeps the start of the word ("recoop" -> "rec").
        return f'"{word[: max(3, (len(word) + 1) // 2)]}"*'

    if len(words) >= 3:
        some = words[:_LEAVE_ONE_OUT_WORDS]
        yield (
            " OR ".join(
                "(" + " ".join(term(w) for w in some if w != left_out) + ")" for left_out in some
            ),
            False,
        )
    elif len(words) == 2:
        first, second = words
        yield f"({term(first)} {prefix(second)}) OR ({prefix(first)} {term(second)})", False
    # Words in more quotes than this say little about which quote is meant.
    common = max(COMMON_WORD_MIN, (store.scalar("SELECT max(id) FROM quotes") or 0) // 100)
    terms: list[str] = []
    for word in words:
        seen = store.scalar(
            "SELECT count(*) FROM (SELECT 1 FROM quotes_fts WHERE quotes_fts MATCH ? LIMIT ?)",
            [f"text : {term(word)}", common],
        )
        if seen < common:
            terms.append(term(word))
        if not seen and len(word) >= 4:
            terms.append(prefix(word))
    if terms:
        # Rare words and prefixes only: bm25 is cheap here, and favours quotes with more of them.
        yield " OR ".join(terms), True


def _fts_rows(
    store: Store, match: str, limit: int, filters: QuoteFilter | None = None
) -> list[dict[str, Any]]:
    """Raw quote rows for an FTS5 expression, best (bm25) first."""
    if filters:
        # Filtered after ranking every match: the newest matches may all fail the filter.
        where, params = filters.sql()
        return store.rows(
            f"{_FTS_HITS} {_QUOTE_SELECT} JOIN hits ON hits.id = q.id WHERE {where}"
            " ORDER BY hits.rank, q.id LIMIT ?",
            [match, -1, -1, *params, limit],
        )
    return store.rows(
        f"{_FTS_HITS} {_QUOTE_SELECT} JOIN hits ON hits.id = q.id ORDER BY hits.rank, q.id",
        [match, RANK_WINDOW if limit >= 0 else -1, limit],
    )


def _similarity(words: list[str], text: str | None) -> float:
    """0-100: how closely the query's words appear in ``text``, ignoring case and punctuation."""
    if not text:
        return 0.0
    query = " ".join(words).lower()
    target = " ".join(_WORD.findall(text)).lower()
    if len(target) >= len(query):
        score = fuzz.partial_ratio(query, target)
        # Also credit every query word being present in another order, but only
        # this way round: a one-word quote must not match a long query.
        score = max(score, fuzz.token_set_ratio(query, target))
    else:
        score = fuzz.ratio(query, target)
    return float(score)


def _with_match(row: dict[str, Any], match: str, score: float) -> dict[str, Any]:
    row["match"] = match
    row["score"] = score
    _later_fields_last(row)
    return row


def _later_fields_last(row: dict[str, Any]) -> None:
    """Move the fields added since the first release behind those of each kind of row."""
    for key in LATER_COLUMNS:
        row[key] = row.pop(key)


# list and speakers -----------------------------------------------------------


def list_quotes(
    store: Store,
    speaker: str | None = None,
    kind: str | None = None,
    article: int | None = None,
    limit: int | None = None,
    filters: QuoteFilter | None = None,
    unattributed: bool = False,
) -> list[dict[str, Any]]:
    """Quotes in article order, filtered by speaker (name, alias, close spelling), kind, article.

    ``unattributed`` keeps only the quotes with no speaker.
    """
    return list_quotes_counted(store, speaker, kind, article, limit, filters, unattributed)[0]


def list_quotes_counted(
    store: Store,
    speaker: str | None = None,
    kind: str | None = None,
    article: int | None = None,
    limit: int | None = None,
    filters: QuoteFilter | None = None,
    unattributed: bool = False,
) -> tuple[list[dict[str, Any]], int]:
    """``list_quotes``' rows and how many quotes passed the filters in all."""
    where, filter_params = (filters or QuoteFilter()).sql()
    clauses: list[str] = [where]
    params: list[Any] = list(filter_params)
    fetch: tuple[list[str], list[Any]] | None = None
    if unattributed:
        if speaker is not None:
            raise QueryError("--unattributed contradicts --speaker")
        clauses.append("q.speaker_id IS NULL")
    if kind is not None:
        kind = check_kind(kind)
        clauses.append("q.kind = ?")
        params.append(kind)
    if article is not None:
        if not store.scalar("SELECT EXISTS (SELECT 1 FROM articles WHERE id = ?)", [article]):
            raise NotFoundError(f"no article with id {article}")
        clauses.append("q.article_id = ?")
        params.append(article)
    if speaker is not None:
        speaker_ids = match_speakers(store, speaker)
        if not speaker_ids:
            return [], 0
        dated = filters is not None and (filters.since, filters.until) != (None, None)
        if len(speaker_ids) > 1 and limit is not None and not dated:
            # With no date (the only filter on the article), each speaker's first
            # quotes can be read presorted from the speaker index (see _first_of_each).
            each = [v for _ in speaker_ids for v in (*params, _sql_limit(limit))]
            fetch = (
                [*clauses, _first_of_each(speaker_ids, clauses)],
                [*params, *each],
            )
        clauses.append("q.speaker_id IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(speaker_ids))
    fetch_clauses, fetch_params = fetch if fetch is not None else (clauses, params)
    raw = store.rows(
        f"{_QUOTE_SELECT} WHERE {' AND '.join(fetch_clauses)}"
        " ORDER BY q.article_id, q.start, q.id LIMIT ?",
        [*fetch_params, _sql_limit(limit)],
    )
    rows = [_quote_row(r) for r in raw]
    if limit is None or len(rows) < limit:
        return rows, len(rows)
    # Counted over every match, not only the first few of each speaker read above.
    total = store.scalar(
        "SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id"
        f" WHERE {' AND '.join(clauses)}",
        params,
    )
    return rows, int(total)


def _first_of_each(speaker_ids: list[int], clauses: list[str]) -> str:
    """A clause keeping, of each speaker's quotes, only the first ``limit`` in article order.

    A name several speakers share ("Brown") would otherwise sort all their
    quotes to return the first few. Each speaker's first quotes are read
    presorted from the speaker index, and only those few are sorted together.
    Parameters: the other clauses' and the limit, once per speaker.
    """
    others = "".join(f" AND {c}" for c in clauses)
    firsts = " UNION ALL ".join(
        f"SELECT * FROM (SELECT q.id FROM quotes q WHERE q.speaker_id = {int(speaker_id)}"
        f"{others} ORDER BY q.article_id, q.start, q.id LIMIT ?)"
        for speaker_id in speaker_ids
    )
    return f"q.id IN ({firsts})"


def match_speakers(store: Store, name: str) -> list[int]:
    """Ids of speakers called ``name``: exact name or alias (any case), else a close spelling."""
    wanted = " ".join(name.split())
    if not wanted:
        raise QueryError("empty speaker name")
    exact = store.rows(
        "SELECT DISTINCT speaker_id FROM speaker_names WHERE name = ? ORDER BY speaker_id",
        [wanted],
    )
    if exact:
        return [row["speaker_id"] for row in exact]
    addressed = _by_address(store, wanted)
    if addressed:
        return addressed
    words = [w.lower() for w in _words(wanted)]
    if not words:
        return []
    scored: list[tuple[int, int]] = []
    for row in _speaker_candidates(store, words):
        score = max(_name_score(words, candidate) for candidate in row["names"].split("\n"))
        if score >= SPEAKER_THRESHOLD:
            scored.append((score, row["speaker_id"]))
    scored.sort(key=lambda pair: (-pair[0], pair[1]))
    return [speaker_id for _, speaker_id in scored]


def _by_address(store: Store, wanted: str) -> list[int]:
    """Speakers a title or form of address names: "Mr Kennedy" is the Kennedy who is a man."""
    from quotecli.identity import compatible, parse_name

    # Capitalised as a name is written, so that "mr blair" reads as "Mr Blair".
    parsed = parse_name(" ".join(w[:1].upper() + w[1:] for w in wanted.split()))
    if not parsed.prefix:
        return []
    rows = store.rows(
        "SELECT DISTINCT s.id, s.name FROM speaker_names n JOIN speakers s ON s.id = n.speaker_id"
        " WHERE n.name = ? ORDER BY s.id",
        [parsed.core],
    )
    return [r["id"] for r in rows if compatible(parsed, parse_name(r["name"]))]


def _speaker_candidates(store: Store, words: list[str]) -> list[dict[str, Any]]:
    """Speakers sharing a three-letter piece with the query, most pieces first, with all names.

    A close spelling shares most of its trigrams with the name, so the trigram
    index narrows a big speakers table to a few candidates for fuzzy scoring.
    """
    trigrams = {w[i : i + 3] for w in words for i in range(len(w) - 2)}
    if not trigrams:
        return []
    expression = " OR ".join('"' + t.replace('"', '""') + '"' for t in sorted(trigrams))
    return store.rows(
        """
        WITH hits AS (
            SELECT rowid AS id FROM speaker_names_fts WHERE speaker_names_fts MATCH ?
            ORDER BY rank LIMIT ?
        )
        SELECT n.speaker_id, group_concat(all_names.name, char(10)) AS names
        FROM (SELECT DISTINCT speaker_id FROM speaker_names JOIN hits ON hits.id = rowid) AS n
        JOIN speaker_names AS all_names ON all_names.speaker_id = n.speaker_id
        GROUP BY n.speaker_id
        """,
        [expression, MAX_SPEAKER_CANDIDATES],
    )


def _name_score(words: list[str], candidate: str) -> int:
    """Best ratio of the query against the whole name or any run of as many of its words.

    Comparing word runs, not substrings, lets "Waltz" find "Mike Waltz" without
    letting "Li" find "Williams".
    """
    name = [w.lower() for w in _words(candidate)]
    query = " ".join(words)
    best = fuzz.ratio(query, " ".join(name))
    for i in range(len(name) - len(words) + 1):
        best = max(best, fuzz.ratio(query, " ".join(name[i : i + len(words)])))
    return best


def check_type(kind: str) -> str:
    """A speaker type as stored; QueryError for any other."""
    return _one_of(kind, SPEAKER_TYPES, "type")


def list_speakers(
    store: Store,
    limit: int | None = None,
    name: str | None = None,
    kind: str | None = None,
) -> list[dict[str, Any]]:
    """Speakers with at least one quote, most quoted first.

    ``name`` keeps those called so, by name or alias, or spelt closely (as
    ``list --speaker`` finds them); ``kind`` those of one type.
    """
    clauses = ["quotes > 0"]
    params: list[Any] = []
    if kind is not None:
        clauses.append("type = ?")
        params.append(check_type(kind))
    if name is not None:
        clauses.append("id IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(match_speakers(store, name)))
    # The counts are kept by the writer: no grouping of the quotes table here.
    raw = store.rows(
        f"""
        SELECT id, name, type, roles, aliases, quotes, articles
        FROM speakers WHERE {" AND ".join(clauses)}
        ORDER BY quotes DESC, name COLLATE NOCASE, id
        LIMIT ?
        """,
        [*params, _sql_limit(limit)],
    )
    found = _found_as(store, [r["id"] for r in raw])
    return [
        {
            "id": r["id"],
            "speaker": r["name"],
            "type": r["type"],
            "role": "; ".join(stored_list(r["roles"])),
            "quotes": r["quotes"],
            "articles": r["articles"],
            "aliases": "; ".join(stored_list(r["aliases"])),
            "found_as": "; ".join(f"{n} ({c})" for n, c in found.get(r["id"], [])),
        }
        for r in raw
    ]


def _found_as(store: Store, speaker_ids: list[int]) -> dict[int, list[tuple[str, int]]]:
    """For each speaker, the names its quotes were found under and how many each brought."""
    if not speaker_ids:
        return {}
    rows = store.rows(
        """
        SELECT q.speaker_id, COALESCE(q.found_as, s.name) AS name, count(*) AS n
        FROM json_each(?) AS wanted
        JOIN quotes q ON q.speaker_id = wanted.value
        JOIN speakers s ON s.id = q.speaker_id
        GROUP BY q.speaker_id, COALESCE(q.found_as, s.name) COLLATE NOCASE
        ORDER BY q.speaker_id, n DESC, name COLLATE NOCASE
        """,
        [json.dumps(speaker_ids)],
    )
    found: dict[int, list[tuple[str, int]]] = {}
    for r in rows:
        found.setdefault(r["speaker_id"], []).append((r["name"], r["n"]))
    return found


# show ------------------------------------------------------------------------


def get_quote(store: Store, quote_id: int) -> dict[str, Any]:
    """One quote row plus the article paragraph that contains it; NotFoundError if missing."""
    raw = store.rows(f"{_QUOTE_SELECT} WHERE q.id = ?", [quote_id])
    if not raw:
        raise NotFoundError(f"no quote with id {quote_id}", hint="find ids with `quotecli list`")
    row = _quote_row(raw[0])
    text = store.scalar("SELECT text FROM articles WHERE id = ?", [row["article_id"]]) or ""
    paragraph_start, paragraph_end = paragraph_bounds(text, row["start"], row["end"])
    row["paragraph"] = text[paragraph_start:paragraph_end]
    row["paragraph_start"] = paragraph_start
    # Why this speaker: the stored rule, said in words.
    from quotecli.extract.evidence import explain

    row["evidence"] = explain(row["rule"] or "unattributed", row["mention"], row["speaker"])
    from quotecli.registry import set_by_hand

    if set_by_hand(store, quote_id) is not None:
        row["evidence"] = f"The speaker, {row['speaker']}, was set by hand."
    _later_fields_last(row)
    from quotecli.trace import other_articles

    with store.guard():
        row["same_quote_articles"] = other_articles(store.conn, quote_id)
    return row


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the paragraph(s) holding text[start:end], without surrounding whitespace.

    Paragraphs are separated by blank lines when the article has any, else by the
    line breaks the engine reads as paragraph ends: each line is a paragraph unless
    the text is hard-wrapped, where a wrap break joins two lines of one paragraph.
    """
    if _BLANK_LINE.search(text):
        separators = list(_BLANK_LINE.finditer(text))
    else:
        from quotecli.extract.layout import normalise

        wraps = [(edit.start, edit.end) for edit in normalise(text).edits if edit.joins]
        separators = [m for m in re.finditer(r"\n", text) if not _within(m.start(), wraps)]
    left, right = 0, len(text)
    for m in separators:
        if m.end() <= start:
            left = m.end()
        elif m.start() >= end:
            right = m.start()
            break
    while left < start and text[left].isspace():
        left += 1
    while right > end and text[right - 1].isspace():
        right -= 1
    return left, right


def _within(offset: int, spans: list[tuple[int, int]]) -> bool:
    """Whether offset falls in one of the sorted, disjoint spans."""
    k = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= offset < spans[k][1]


# indexing ----------------------------------------------------------------------


def ensure_seeded(store: Store) -> int:
    """Index the bundled seed articles into an empty store; return how many were added."""
    if not store.is_empty():
        return 0
    # Only a first run needs the readers and the indexer: keep them out of every query.
    from quotecli.bundled import seed_paths
    from quotecli.documents import read_articles
    from quotecli.indexing import index_articles

    paths = seed_paths()
    if not paths:
        return 0
    return index_articles(store, map(_as_seed, read_articles([str(p) for p in paths]))).added


SEED_KEY_PREFIX = "seed:"


def remove_seed_if_alone(store: Store) -> int:
    """Remove the bundled seed articles when the index holds nothing else; return how many."""
    from quotecli.bundled import seed_paths
    from quotecli.documents import content_hash

    # Recognised by key, or by text for an index seeded before seeds had keys. A
    # copy the user indexed from a file carries that file's key: it is theirs.
    hashes = []
    for path in seed_paths():
        try:
            hashes.append(content_hash(path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError):
            continue
    rows = store.rows(
        "SELECT id, key LIKE ? OR (key IS NULL AND hash IN (SELECT value FROM json_each(?)))"
        " AS seed"
        " FROM articles LIMIT 100",
        [SEED_KEY_PREFIX + "%", json.dumps(hashes)],
    )
    if not rows or not all(row["seed"] for row in rows):
        return 0
    store.remove_articles([row["id"] for row in rows])
    return len(rows)


def _as_seed(article: Any) -> Any:
    """A bundled article named as the package names it, not by where it is installed.

    Its key marks it as the demo, so indexing one's own articles can remove it.
    """
    name = PurePath(article.source).name
    return replace(article, source=f"seeds/{name}", key=f"{SEED_KEY_PREFIX}{name}")


# rows ------------------------------------------------------------------------


def _quote_rows(store: Store, ids: Sequence[int]) -> list[dict[str, Any]]:
    """Quote rows for ``ids``, in the order given."""
    if not ids:
        return []
    # One JSON parameter instead of "IN (?, ?, ...)": no limit on how many ids.
    raw = store.rows(
        f"{_QUOTE_SELECT} JOIN json_each(?) AS wanted ON wanted.value = q.id ORDER BY wanted.key",
        [json.dumps(list(ids))],
    )
    return [_quote_row(r) for r in raw]


def _quote_row(raw: dict[str, Any]) -> dict[str, Any]:
    roles = stored_list(raw["speaker_roles"])
    return {
        "id": raw["id"],
        "speaker": raw["speaker"],
        "speaker_type": raw["speaker_type"],
        "role": raw["role"] or (roles[0] if roles else None),
        "kind": raw["kind"],
        "cue": raw["cue"],
        "text": raw["text"],
        "article_id": raw["article_id"],
        "article": article_label(raw["title"], raw["source"], raw["external_id"]),
        "context": raw["context"],
        "start": raw["start"],
        "end": raw["end"],
        "mention": raw["mention"],
        "rule": raw["rule"],
        "parts": stored_json(raw["parts"]),
        "date": raw["date"],
        "source": raw["source"],
        "author": raw["author"],
    }


def article_label(title: str | None, source: str, external_id: str | None = None) -> str:
    """How an article is named in results: title, else URL, else its id, else its file name."""
    if title:
        return title
    if "://" in source:
        return source
    if external_id:
        return external_id
    return source if source == STDIN_SOURCE else PurePath(source).name


def _words(text: str) -> list[str]:
    # Composed form first: a pasted "re\u0301sume\u0301" is the word "résumé".
    return _WORD.findall(unicodedata.normalize("NFC", text))


def _sql_limit(limit: int | None) -> int:
    """SQLite's LIMIT for ``limit``: -1 means no limit."""
    if limit is None:
        return -1
    return max(limit, 0)
