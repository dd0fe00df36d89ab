"""The document every pass reads: the text cut into paragraphs, sentences and tokens.

Every span is a pair of character offsets into the original text, never a
copy, so later passes can always point back at the source. It is built once
per text (``parse``); passes look things up in it by offset (``sentence_at``,
``paragraph_at``, ``tokens_between``) rather than cutting and tokenising windows
of the text again, which also keeps every lookup cheap on very long input.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import islice
from operator import attrgetter

from quotecli.extract.lexicon import load

# Abbreviations whose full stop does not end a sentence.
_ABBREVIATIONS = load("document-abbreviations")

# A candidate sentence end: terminal punctuation, any closing marks, then space.
# A run of marks is tried once, from its first mark: the lookbehind turns the
# others away at once, where a pattern tried at every mark of a long run of dots
# would cost the run's length squared. Opening with the mark itself (not with a
# lookbehind, nor a repeat) lets the search skip straight to marks.
_END_AFTER_MARK = r"(?<![.!?…].)[.!?…]*[\"”’')\]]*(?=\s+[\"“‘'(\[]{0,2}[A-Z0-9À-ÖØ-Þ])"
_SENTENCE_END = re.compile(r"[.!?…]" + _END_AFTER_MARK)
# The same for a paragraph whose only marks of the four are full stops, as most
# are: the search skips to one character many times faster than to any of a set.
_FULL_STOP_END = re.compile(r"\." + _END_AFTER_MARK)
# Windows up to this many characters are tokenised directly, longer ones cut from
# each sentence's tokens, made once.
_DIRECT_WINDOW = 1_000
_WORD_BEFORE = re.compile(r"([\w.]+)$")
# The same, tried only where a word starts: the search above is tried at every
# letter of the word and reads on to its end from each. It finds the same word
# unless the window's start cuts it; then the pattern above matches at the
# window's start.
_WHOLE_WORD_BEFORE = re.compile(r"(?<![\w.])([\w.]+)$")
_PARAGRAPH = re.compile(r"[^\n]+")
# A dateline opening a paragraph of wire copy, a press release or a live blog:
# "LONDON (Reuters) - ", "NAIROBI, Kenya (AP) — ", "SAN DIEGO, March 3, 2024
# /PRNewswire/ -- ", "BOSTON--(BUSINESS WIRE)--", "14:05 - ". It names where and
# when, not who: it is a sentence of its own, so no clause or speaker runs into it.
_DATELINE = re.compile(
    r"(?:[A-Z][A-Z.'’\-]*[A-Z.](?: [A-Z][A-Z.'’\-]*[A-Z.])*"  # LONDON, ST. LOUIS
    r"(?:, [A-Z0-9][\w.'’\-]*(?: [A-Z0-9][\w.'’\-]*)*){0,3}"  # , Kenya / , March 3, 2024
    r"(?:[ \u00a0]?(?:--)?\([^()\n]{2,40}\)| /[^/\n]{2,40}/)?"  # (Reuters), /PRNewswire/
    r"|\d{1,2}[:.]\d{2}(?:[ \u00a0]?[ap]\.?m\.?)?)"  # 14:05, 2.15pm
    r"(?:[ \u00a0]*(?:—|–|--)[ \u00a0]*|[ \u00a0]+-[ \u00a0]+)"
    r"(?=[\"“‘'`«A-Z0-9])"
)


# A word (\w+, joined by an apostrophe, hyphen or full stop to more \w+) or any
# other mark but white space. Written as one character that is not white space,
# then the rest of a word if that character is a word character, so that the
# pattern opens with a set of characters and the search skips white space without
# trying the pattern there; it matches exactly what \w+(?:[’'\-.]\w+)*|[^\w\s]
# matches. A number's thousands stay in it ("9,000"), so a reported clause that
# opens with one is not cut at its comma. Nothing after a repeat can fail, so
# no match ever gives back what a repeat took: written possessive (``*+``), the
# repeats match the same and keep no record to go back to, which costs less a word.
_TOKEN_PATTERN = r"\S(?:(?<=\w)\w*(?:[’'\-.]\w+|(?<=\d),\d{3}(?!\w))*|(?<!\w))"
try:
    TOKEN = re.compile(_TOKEN_PATTERN.replace("*", "*+"))
except re.error:  # no possessive repeats before Python 3.11
    TOKEN = re.compile(_TOKEN_PATTERN)


# Slots rather than a named tuple: the rules read these fields more often than
# anything else, and a slot is read directly where a named tuple's field goes
# through a descriptor call.
@dataclass(slots=True)
class Token:
    """A word or a punctuation mark, with its offsets and its lowercase form."""

    text: str
    start: int
    end: int
    low: str


_TOKEN_START, _TOKEN_END = attrgetter("start"), attrgetter("end")


def tokens(text: str, start: int, end: int, limit: int | None = None) -> list[Token]:
    """The words and punctuation marks of text[start:end] (only the first ``limit``)."""
    matches = TOKEN.finditer(text, start, end)
    return [
        Token(word := m[0], (at := m.start()), at + len(word), word.lower())
        for m in (matches if limit is None else islice(matches, limit))
    ]


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(slots=True)
class Document:
    """Text plus its paragraphs and sentences, as sorted, non-overlapping spans,
    and each sentence's tokens once something has asked for them."""

    text: str
    paragraphs: list[Span]
    sentences: list[Span]
    _sentence_starts: list[int]
    _paragraph_starts: list[int]
    # Each sentence's tokens with their starts and ends, made on first use.
    _sentence_tokens: dict[int, tuple[list[Token], list[int], list[int]]] = field(
        default_factory=dict
    )
    # Short windows already tokenised, the widest from each start and to each end:
    # start -> (end, tokens) and end -> (start, tokens).
    _from_start: dict[int, tuple[int, list[Token]]] = field(default_factory=dict)
    _to_end: dict[int, tuple[int, list[Token]]] = field(default_factory=dict)

    def tokens_between(self, start: int, end: int, limit: int | None = None) -> list[Token]:
        """The tokens of text[start:end], exactly as if that window were tokenised alone.

        With ``limit``, only the first ``limit`` of them: a rule that reads a few
        words after an offset costs the same however long the sentence is.
        A short window is tokenised alone, or cut from a wider one read before
        that shares its start or its end (``_long_window`` reads long ones).

        The rules read several windows that open right after a cue, or close right
        before it, each a few words wider or narrower than the others. A token
        of a wider window that lies inside the narrower one is a token of it
        too; a token cut by the new edge is made again from that edge, and ends
        where it did (as ``_sentence_window`` relies on).
        """
        if end - start > _DIRECT_WINDOW:
            return self._long_window(start, end, limit)
        # Most windows are a few words around a cue, cheaper to tokenise afresh
        # (the search clamps offsets outside the text, as ``_long_window`` does);
        # read here rather than through a call, since every rule asks for them.
        text = self.text
        known = self._from_start.get(start)
        if known is not None and end <= known[0]:
            toks = known[1]
            stop = len(toks) if limit is None else min(len(toks), limit)
            # Tokens' ends rise: i counts the first ``stop`` tokens that end by ``end``.
            i = bisect_right(toks, end, 0, stop, key=_TOKEN_END)
            if i < stop and toks[i].start < end:
                # The window closes inside a token: its first part is tokenised alone.
                return [*toks[:i], *tokens(text, toks[i].start, end)][:limit]
            return toks[:i]
        wider = self._to_end.get(end)
        if wider is not None and start >= wider[0]:
            toks = wider[1]
            # Tokens' starts rise: j counts those that open before ``start``.
            j = bisect_left(toks, start, key=_TOKEN_START)
            if j > 0 and toks[j - 1].end > start:
                # The window opens inside a token: what is left of it ends where it did.
                return [*tokens(text, start, toks[j - 1].end), *toks[j:]][:limit]
            return toks[j:] if limit is None else toks[j : j + limit]
        found = self._extended(start, end, limit, known)
        # Cut short by ``limit``, the tokens are all those of the window up to the
        # last one's end.
        complete = limit is None or len(found) < limit
        reached = end if complete else (found[-1].end if found else start)
        if reached > (start if known is None else known[0]):
            self._from_start[start] = (reached, found)
        if reached == end and start < self._to_end.get(end, (end, found))[0]:
            self._to_end[end] = (start, found)
        # The caller gets its own list: the one kept above must stay as made, since
        # a rule may drop tokens from what it was given.
        return found[:]

    def _long_window(self, start: int, end: int, limit: int | None) -> list[Token]:
        """``tokens_between`` for a long window.

        Each sentence is tokenised once, when a window first reaches it (no token
        crosses the white space between sentences); whole tokens are cut from
        that, and only a token cut by an edge of the window is made again.
        """
        start = max(0, start)
        end = min(len(self.text), end)
        if not self.sentences:
            return []
        found: list[Token] = []
        for index in range(self.sentence_index(start), len(self.sentences)):
            sentence = self.sentences[index]
            if sentence.start >= end:
                break
            lo, hi = max(start, sentence.start), min(end, sentence.end)
            if lo >= hi:
                continue
            left = None if limit is None else limit - len(found)
            window = self._sentence_window(index, lo, hi, left)
            if not found and (hi == end or (limit is not None and len(window) >= limit)):
                return window  # the usual case: a window inside one sentence
            found += window
            if limit is not None and len(found) >= limit:
                return found[:limit]
        return found

    def _extended(
        self, start: int, end: int, limit: int | None, known: tuple[int, list[Token]] | None
    ) -> list[Token]:
        """The tokens of a window that a narrower one read before opens like: its
        tokens up to the last that white space follows are the window's first,
        and only the rest is tokenised.

        No token's match reads past the white space after it, so the scan of
        the wider window finds the same tokens up to there and goes on from
        that white space as a scan opening there does. Rules that read a few
        words after a cue, then a clause after it, ask for such windows.
        ``known`` is the widest window read before from ``start``, if any.
        """
        text = self.text
        if known is None:
            return tokens(text, start, end, limit)
        toks = known[1]
        k = len(toks)
        size = len(text)
        while k and not (toks[k - 1].end >= size or text[toks[k - 1].end].isspace()):
            k -= 1
        if not k:
            return tokens(text, start, end, limit)
        if limit is None:
            return [*toks[:k], *tokens(text, toks[k - 1].end, end)]
        if k >= limit:
            return toks[:limit]
        return [*toks[:k], *tokens(text, toks[k - 1].end, end, limit - k)]

    def _sentence_window(self, index: int, start: int, end: int, limit: int | None) -> list[Token]:
        text = self.text
        cached = self._sentence_tokens.get(index)
        if cached is None:
            sentence = self.sentences[index]
            whole = tokens(text, sentence.start, sentence.end)
            cached = (whole, [t.start for t in whole], [t.end for t in whole])
            self._sentence_tokens[index] = cached
        whole, starts, ends = cached
        i = bisect_left(starts, start)
        head: list[Token] = []
        if i > 0 and ends[i - 1] > start:
            # The window opens inside a token: what is left of it ends where it did.
            cut = ends[i - 1]
            if end <= cut:
                return tokens(text, start, end)[:limit]
            head = tokens(text, start, cut)
        j = max(i, bisect_right(ends, end))
        if limit is not None:
            if len(head) >= limit:
                return head[:limit]
            if j - i > limit - len(head):
                return [*head, *whole[i : i + limit - len(head)]]
        if j < len(whole) and whole[j].start < end:
            # The window closes inside a token: its first part is tokenised alone.
            return [*head, *whole[i:j], *tokens(text, whole[j].start, end)][:limit]
        if head:
            return [*head, *whole[i:j]]
        return whole[i:j]

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence that holds ``offset`` (or the last one before it)."""
        return max(0, bisect_right(self._sentence_starts, offset) - 1)

    def paragraph_index(self, offset: int) -> int:
        return max(0, bisect_right(self._paragraph_starts, offset) - 1)

    # The two below are asked for at almost every rule: they look the index up
    # themselves rather than through a second call.
    def sentence_at(self, offset: int) -> Span:
        return self.sentences[max(0, bisect_right(self._sentence_starts, offset) - 1)]

    def paragraph_at(self, offset: int) -> Span:
        return self.paragraphs[max(0, bisect_right(self._paragraph_starts, offset) - 1)]


def _is_abbreviation(text: str, end: int) -> bool:
    """True when the full stop at ``end`` belongs to an abbreviation or initial."""
    match = _WHOLE_WORD_BEFORE.search(text, max(0, end - 12), end + 1)
    if match is None:
        match = _WORD_BEFORE.match(text, max(0, end - 12), end + 1)
    if not match:
        return False
    raw = match.group(1).rstrip(".")
    if len(raw) > 1 and raw.isupper() and "." not in raw:
        # An acronym, not a title: "patients with MS. Final approval…", "5pm EST. The…"
        return False
    word = raw.lower()
    if word in _ABBREVIATIONS:
        return True
    # Initials: "J. K. Rowling", "George W. Bush", "George H.W. Bush", "J.K. Rowling".
    if len(word) > 5:
        return False  # longer than three initials: most sentences end in such a word
    # One to three letters parted by single full stops ("j", "h.w", "a.b.c"):
    # the letters at even places, full stops at odd ones, without splitting.
    return len(word) in (1, 3, 5) and word[::2].isalpha() and word[1::2] == "." * (len(word) // 2)


def sentence_cuts(text: str, start: int, end: int) -> list[int]:
    """Offsets in text[start:end] just past each sentence's end (its marks included)."""
    cuts = []
    find = text.find
    if find("?", start, end) == -1 and find("!", start, end) == -1 and find("…", start, end) == -1:
        pattern = _FULL_STOP_END
    else:
        pattern = _SENTENCE_END
    for match in pattern.finditer(text, start, end):
        if (
            text[match.start()] == "."
            and match.end() - match.start() == 1
            and _is_abbreviation(text, match.start())
        ):
            continue
        cuts.append(match.end())
    return cuts


def split_sentences(text: str, start: int, end: int) -> list[Span]:
    """Sentences of one paragraph, trimmed of surrounding white space."""
    trimmed = []
    cursor = start
    for cut in [*sentence_cuts(text, start, end), end]:
        s, e = cursor, cut
        cursor = cut
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            trimmed.append(Span(s, e))
    return trimmed


def parse(text: str) -> Document:
    """Cut ``text`` into paragraphs (lines) and sentences."""
    paragraphs: list[Span] = []
    sentences: list[Span] = []
    for match in _PARAGRAPH.finditer(text):
        s, e = match.start(), match.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s == e:
            continue
        paragraphs.append(Span(s, e))
        dateline = _DATELINE.match(text, s, e)
        if dateline is not None:
            lead = dateline.end()
            while text[lead - 1].isspace():
                lead -= 1
            sentences.append(Span(s, lead))
            s = dateline.end()
        sentences.extend(split_sentences(text, s, e))
    return Document(
        text=text,
        paragraphs=paragraphs,
        sentences=sentences,
        _sentence_starts=[span.start for span in sentences],
        _paragraph_starts=[span.start for span in paragraphs],
    )
