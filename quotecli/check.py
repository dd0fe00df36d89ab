"""Did they say it? Check words against the quotes in the index.

``check_quote`` finds the real quotes closest to the words given (as a phrase,
then fuzzily) and gives one verdict for the best of them:

- ``said``: the exact words are in a quote by that speaker (any speaker when
  none is named);
- ``close``: a quote by that speaker has most of the words, some changed,
  dropped or added; ``diff`` shows how;
- ``someone else``: only another speaker said the words (or something close);
- ``spliced``: the words join two quotes of the same speaker, or an ellipsis
  hides a cut inside one;
- ``not found``: nothing in the archive comes close.

Words are compared as words: case, punctuation and accents aside (the way the
full-text index reads them), so a curly apostrophe or a missing comma changes
nothing, while one changed word does.

- check rows: CHECK_COLUMNS. ``verdict`` is the answer for the question (the
  same on every row), ``match`` what this row is: ``exact``, ``close`` or
  ``part`` (one of the places a spliced quote comes from). ``diff`` is the quote
  as said, with the words the checked text adds marked ``{+…+}`` and those it
  leaves out or changes marked ``[-…-]``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from typing import Any

from quotecli.errors import NotFoundError
from quotecli.filters import QuoteFilter
from quotecli.search import (
    close_candidates,
    match_speakers,
    phrase_matches,
    query_words,
    quote_rows,
    similarity,
)
from quotecli.store import Store

SAID = "said"
CLOSE = "close"
SOMEONE_ELSE = "someone else"
SPLICED = "spliced"
NOT_FOUND = "not found"

EXACT = "exact"
PART = "part"

CHECK_COLUMNS = (
    "verdict",
    "match",
    "speaker",
    "text",
    "diff",
    "similarity",
    "id",
    "article_id",
    "article",
    "date",
    "source",
    "author",
    "context",
    "kind",
    "cue",
)

# Below this share of words in common (difflib's ratio over the aligned words)
# a quote is another sentence that happens to share words, not a misquotation.
CLOSE_RATIO = 0.6
# Fuzzy candidates are ranked by the fast who-said score; only the best are aligned word by word.
ALIGNED_CANDIDATES = 30
MATCHES_SHOWN = 10
SPLICE_BELOW = 85.0
# Each part of a splice must be this many words, or any two common words would "splice".
MIN_SPLICE_PART = 3

# A word keeps its apostrophe ("don't", "Europe’s"), so a diff reads as the quote does.
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_ELLIPSIS = re.compile(r"\.\s*\.\s*\.|…|\[\s*…\s*\]|\[\s*\.\.\.\s*\]")


@dataclass
class CheckResult:
    """The verdict, a sentence saying it, and the matches behind it (best first)."""

    verdict: str
    summary: str
    rows: list[dict[str, Any]] = field(default_factory=list)

    @property
    def verbatim(self) -> bool:
        """True when the words were found exactly, said by the speaker asked about."""
        return self.verdict == SAID


def check_quote(
    store: Store,
    quote: str,
    speaker: str | None = None,
    filters: QuoteFilter | None = None,
) -> CheckResult:
    """Check ``quote`` (optionally as said by ``speaker``) against the index.

    QueryError when ``quote`` has no words; NotFoundError when ``speaker``
    matches no one in the index.
    """
    query_words(quote)  # QueryError when there is nothing to look for
    words = _words(quote)
    filters = filters or QuoteFilter()
    scope = filters  # where the speaker's own quotes are looked for
    names: set[str] | None = None
    if speaker is not None:
        ids = match_speakers(store, speaker)
        if not ids:
            raise NotFoundError(
                f"no speaker called {speaker!r} in the index", hint="see `quotecli speakers`"
            )
        names = {
            row["name"].casefold()
            for row in store.rows(
                "SELECT name FROM speakers WHERE id IN (SELECT value FROM json_each(?))",
                [_json(ids)],
            )
        }
        scope = replace(filters, speaker_ids=tuple(ids))
    terms = query_words(" ".join(words))
    matches = _aligned(phrase_matches(store, terms, 50, filters), words)
    if names is not None:
        matches = _merge(matches, _aligned(phrase_matches(store, terms, 10, scope), words))
    if not any(m["match"] == EXACT and _by(m, names) for m in matches):
        candidates = close_candidates(store, terms, filters)
        if names is not None:
            candidates += close_candidates(store, terms, scope)
        candidates.sort(key=lambda c: (-similarity(terms, c["text"]), c["id"]))
        ids = list(dict.fromkeys(c["id"] for c in candidates))[:ALIGNED_CANDIDATES]
        matches = _merge(matches, _aligned(quote_rows(store, ids), words))
    # The speaker's own quotes first, exact before close, closest first.
    matches.sort(key=lambda m: (not _by(m, names), m["match"] != EXACT, -m["similarity"]))
    mine = [m for m in matches if _by(m, names)]
    who = speaker

    if mine and mine[0]["match"] == EXACT:
        # An ellipsis the quote itself has is no cut: punctuation aside, the words are one run.
        who_said_it = mine[0]["speaker"] or "an unnamed speaker"
        return _result(SAID, f"Said verbatim by {who_said_it}.", matches)
    segments = [s for s in (_ELLIPSIS.split(quote)) if _WORD.search(s)]
    if len(segments) > 1:
        spliced = _ellipsis_splice(store, segments, names, scope)
        if spliced is not None:
            return spliced
    # A quote this close to one of the speaker's is a misquotation, not a join of two.
    if not mine or mine[0]["similarity"] < SPLICE_BELOW:
        spliced = _two_quote_splice(store, words, names, scope)
        if spliced is not None:
            return spliced
    if mine:
        best = mine[0]
        changed = _changed_words(best["diff"])
        return _result(
            CLOSE,
            f"Close: {best['speaker'] or 'an unnamed speaker'} said something close"
            f" ({changed} {'word differs' if changed == 1 else 'words differ'}).",
            matches,
        )
    if matches:
        others = list(dict.fromkeys(m["speaker"] or "an unnamed speaker" for m in matches))
        how = "these words" if matches[0]["match"] == EXACT else "something close"
        return _result(
            SOMEONE_ELSE,
            f"Said by someone else: {_joined(others)} said {how}, not {who}.",
            matches,
        )
    about = f" by {who}" if who else ""
    return CheckResult(NOT_FOUND, f"Not found{about} in the archive.")


def word_diff(said: Sequence[str], claimed: Sequence[str]) -> str:
    """``said`` rewritten to show how ``claimed`` differs: ``{+added+}``, ``[-left out-]``."""
    out: list[str] = []
    matcher = SequenceMatcher(None, _key_words(said), _key_words(claimed), autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.extend(said[i1:i2])
            continue
        if i2 > i1:
            out.append("[-" + " ".join(said[i1:i2]) + "-]")
        if j2 > j1:
            out.append("{+" + " ".join(claimed[j1:j2]) + "+}")
    return " ".join(out)


# matching --------------------------------------------------------------------


def _aligned(rows: list[dict[str, Any]], typed: Sequence[str]) -> list[dict[str, Any]]:
    """Rows that hold the words exactly or closely, each with match, similarity and diff."""
    wanted = _key_words(typed)
    kept = []
    for row in rows:
        said = _words(row["text"] or "")
        keys = _key_words(said)
        at = _find_run(keys, wanted)
        if at is not None:
            window = said[at : at + len(wanted)]
            diff = _with_ends(said, at, at + len(wanted), " ".join(window))
            # Where the words sit in the quote, for telling a splice from one long quote.
            row.update(match=EXACT, similarity=100.0, diff=diff, _at=at, _words=len(said))
            kept.append(row)
            continue
        matcher = SequenceMatcher(None, keys, wanted, autojunk=False)
        blocks = [b for b in matcher.get_matching_blocks() if b.size]
        if not blocks:
            continue
        # The stretch of the quote the words line up with, not the whole quote,
        # with as many of its words on either side as the typed words have there
        # unmatched: "there is no limit" against "There's no limit" shows
        # "There's" replaced, not "there is" added.
        first, last = blocks[0], blocks[-1]
        start = max(0, first.a - first.b)
        end = min(len(keys), last.a + last.size + len(wanted) - last.b - last.size)
        window_keys = keys[start:end]
        ratio = SequenceMatcher(None, window_keys, wanted, autojunk=False).ratio()
        if ratio < CLOSE_RATIO:
            continue
        row.update(
            match=CLOSE,
            similarity=round(100 * ratio, 1),
            diff=_with_ends(said, start, end, word_diff(said[start:end], typed)),
        )
        kept.append(row)
    return kept


def _with_ends(said: list[str], start: int, end: int, middle: str) -> str:
    """The diff of the aligned stretch, with "…" where the quote goes on around it."""
    return ("… " if start > 0 else "") + middle + (" …" if end < len(said) else "")


def _find_run(keys: Sequence[str], wanted: Sequence[str]) -> int | None:
    """Where ``wanted`` occurs as consecutive words in ``keys``, or None."""
    n = len(wanted)
    first = wanted[0]
    for i in range(len(keys) - n + 1):
        if keys[i] == first and list(keys[i : i + n]) == list(wanted):
            return i
    return None


def _by(row: dict[str, Any], names: set[str] | None) -> bool:
    """Whether ``row`` is by the speaker asked about (anyone, when none was named)."""
    if names is None:
        return True
    return (row.get("speaker") or "").casefold() in names


def _merge(first: list[dict[str, Any]], more: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen = {row["id"] for row in first}
    return first + [row for row in more if row["id"] not in seen]


# splices ---------------------------------------------------------------------


def _ellipsis_splice(
    store: Store,
    segments: list[str],
    names: set[str] | None,
    filters: QuoteFilter,
) -> CheckResult | None:
    """Each piece between ellipses said verbatim, but never together: a cut or a splice."""
    found: list[list[dict[str, Any]]] = []
    for segment in segments:
        words = _words(segment)
        exact = [
            m
            for m in _aligned(phrase_matches(store, query_words(segment), 20, filters), words)
            if m["match"] == EXACT and _by(m, names)
        ]
        if not exact:
            return None
        found.append(exact)
    # A speaker who said every piece; one quote holding them all is a cut, not a join.
    common = set.intersection(*({m["speaker"] for m in pieces} for pieces in found))
    if not common:
        return None
    speaker = sorted(common, key=lambda name: (name is None, name or ""))[0]
    found = [[m for m in pieces if m["speaker"] == speaker] for pieces in found]
    shared = set.intersection(*({m["id"] for m in pieces} for pieces in found))
    parts = [
        next((m for m in pieces if m["id"] in shared), pieces[0]) if shared else pieces[0]
        for pieces in found
    ]
    quotes = {p["id"] for p in parts}
    if len(quotes) == 1:
        summary = (
            f"Spliced: {speaker or 'an unnamed speaker'} said each piece, in one quote,"
            " but the ellipsis leaves words out between them."
        )
    else:
        summary = (
            f"Spliced: {speaker or 'an unnamed speaker'} said each piece, but in"
            f" {len(quotes)} different quotes joined by the ellipsis."
        )
    return _result(SPLICED, summary, [dict(p, match=PART) for p in _unique(parts)])


def _two_quote_splice(
    store: Store,
    words: list[str],
    names: set[str] | None,
    filters: QuoteFilter,
) -> CheckResult | None:
    """The words' start said in one quote and the rest in another, by the same speaker.

    Two quotes that follow each other in one article (a quotation the engine
    split in two) are one thing said, not a splice: the verdict is then ``said``.
    """
    if len(words) < 2 * MIN_SPLICE_PART:
        return None

    def exact(k0: int, k1: int) -> list[dict[str, Any]]:
        rows = phrase_matches(store, query_words(" ".join(words[k0:k1])), 20, filters)
        return [m for m in _aligned(rows, words[k0:k1]) if m["match"] == EXACT and _by(m, names)]

    # The longest start found verbatim: a start found implies every shorter one is.
    low, high = 0, len(words)
    while low < high:
        mid = (low + high + 1) // 2
        if exact(0, mid):
            low = mid
        else:
            high = mid - 1
    cut = low
    if cut < MIN_SPLICE_PART or len(words) - cut < MIN_SPLICE_PART:
        return None
    heads, tails = exact(0, cut), exact(cut, len(words))
    for head in heads:
        for tail in tails:
            if head["speaker"] != tail["speaker"] or head["id"] == tail["id"]:
                continue
            who = head["speaker"] or "an unnamed speaker"
            if _one_after_the_other(store, head, cut, tail):
                return _result(
                    SAID,
                    f"Said verbatim by {who}, in two quotes that follow each other.",
                    [dict(head, match=EXACT), dict(tail, match=EXACT)],
                )
            return _result(
                SPLICED,
                f"Spliced: {who} said the first {cut} words in one quote"
                f" and the other {len(words) - cut} in another.",
                [dict(head, match=PART), dict(tail, match=PART)],
            )
    return None


def _one_after_the_other(
    store: Store, head: dict[str, Any], head_words: int, tail: dict[str, Any]
) -> bool:
    """Whether ``head`` ends with the words and ``tail`` starts with the rest, back to back."""
    if head["article_id"] != tail["article_id"] or tail["start"] < head["end"]:
        return False
    if head["_at"] + head_words != head["_words"] or tail["_at"] != 0:
        return False
    gap = store.scalar(
        "SELECT substr(text, ? + 1, ?) FROM articles WHERE id = ?",
        [head["end"], tail["start"] - head["end"], head["article_id"]],
    )
    return not _WORD.search(gap or "")


# rows ------------------------------------------------------------------------


def _result(verdict: str, summary: str, matches: list[dict[str, Any]]) -> CheckResult:
    rows = [
        {
            "verdict": verdict,
            **{key: m.get(key) for key in CHECK_COLUMNS if key != "verdict"},
        }
        for m in matches[:MATCHES_SHOWN]
    ]
    return CheckResult(verdict, summary, rows)


def _unique(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[int] = set()
    kept = []
    for row in rows:
        if row["id"] not in seen:
            seen.add(row["id"])
            kept.append(row)
    return kept


def _words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFC", text))


def _key_words(words: Sequence[str]) -> list[str]:
    """Words as the comparison sees them: case and accents aside, as the full-text index does."""
    return [
        "".join(
            c
            for c in unicodedata.normalize("NFKD", w.casefold().replace("’", "'"))
            if not unicodedata.combining(c)
        )
        for w in words
    ]


def _changed_words(diff: str) -> int:
    """How many words a diff adds or leaves out."""
    return sum(len((m[1] or m[2]).split()) for m in re.finditer(r"\[-(.*?)-\]|\{\+(.*?)\+\}", diff))


def _joined(names: list[str]) -> str:
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def _json(values: Sequence[int]) -> str:
    import json

    return json.dumps(list(values))
