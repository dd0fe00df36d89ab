"""The document every pass reads: the text cut into paragraphs and sentences.

Every span is a pair of character offsets into the original text, never a
copy, so later passes can always point back at the source.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import NamedTuple

from quotecli.extract.lexicon import load

# Abbreviations whose full stop does not end a sentence.
_ABBREVIATIONS = load("document-abbreviations")

# A candidate sentence end: terminal punctuation, any closing marks, then space.
# It is tried only where a run of terminal marks begins: tried inside a run too,
# a run of dots with no capital after it would cost its length squared.
_SENTENCE_END = re.compile(
    r"(?=[.!?…])(?<![.!?…])[.!?…]+[\"”’')\]]*(?=\s+[\"“‘'(\[]{0,2}[A-Z0-9À-ÖØ-Þ])"
)
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_PARAGRAPH = re.compile(r"[^\n]+")


TOKEN = re.compile(r"\w+(?:[’'\-.]\w+)*|[^\w\s]")


class Token(NamedTuple):
    """A word or a punctuation mark, with its offsets and its lowercase form."""

    text: str
    start: int
    end: int
    low: str


def tokens(text: str, start: int, end: int) -> list[Token]:
    """The words and punctuation marks of text[start:end]."""
    make = tuple.__new__  # skips NamedTuple's argument handling: this runs per word
    return [
        make(Token, (word := m.group(), (at := m.start()), at + len(word), word.lower()))
        for m in TOKEN.finditer(text, start, end)
    ]


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(slots=True)
class Document:
    """Text plus its paragraphs and sentences, as sorted, non-overlapping spans."""

    text: str
    paragraphs: list[Span]
    sentences: list[Span]
    _sentence_starts: list[int]
    _paragraph_starts: list[int]
    # The whole text's tokens, made on first use; windows are cut from them.
    _tokens: list[Token] | None = field(default=None)
    _token_starts: list[int] = field(default_factory=list)
    _token_ends: list[int] = field(default_factory=list)

    def tokens_between(self, start: int, end: int, limit: int | None = None) -> list[Token]:
        """The tokens of text[start:end], exactly as if that window were tokenised alone.

        Whole tokens come from the document's one tokenisation; only a token cut
        by either edge of the window is made again, from the part inside it.
        With ``limit``, only the first ``limit`` of them: a rule that reads a few
        words after an offset costs the same however long the sentence is.
        """
        text = self.text
        start = max(0, start)
        end = min(len(text), end)
        if end <= start:
            return []
        if self._tokens is None:
            self._tokens = tokens(text, 0, len(text))
            self._token_starts = [t.start for t in self._tokens]
            self._token_ends = [t.end for t in self._tokens]
        whole = self._tokens
        i = bisect_left(self._token_starts, start)
        head: list[Token] = []
        if i > 0 and self._token_ends[i - 1] > start:
            # The window opens inside a token: what is left of it ends where it did.
            cut = self._token_ends[i - 1]
            if end <= cut:
                return tokens(text, start, end)
            head = tokens(text, start, cut)
        j = max(i, bisect_right(self._token_ends, end))
        if limit is not None:
            if len(head) >= limit:
                return head[:limit]
            if j - i > limit - len(head):
                return [*head, *whole[i : i + limit - len(head)]]
        if j < len(whole) and whole[j].start < end:
            if limit is not None:
                return [*head, *whole[i:j], *tokens(text, whole[j].start, end)][:limit]
            # The window closes inside a token: its first part is tokenised alone.
            return [*head, *whole[i:j], *tokens(text, whole[j].start, end)]
        if head:
            return [*head, *whole[i:j]]
        return whole[i:j]

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence that holds ``offset`` (or the last one before it)."""
        return max(0, bisect_right(self._sentence_starts, offset) - 1)

    def paragraph_index(self, offset: int) -> int:
        return max(0, bisect_right(self._paragraph_starts, offset) - 1)

    def sentence_at(self, offset: int) -> Span:
        return self.sentences[self.sentence_index(offset)]


def _is_abbreviation(text: str, end: int) -> bool:
    """True when the full stop at ``end`` belongs to an abbreviation or initial."""
    match = _WORD_BEFORE.search(text, max(0, end - 12), end + 1)
    if not match:
        return False
    word = match.group(1).rstrip(".").lower()
    if word in _ABBREVIATIONS:
        return True
    # Initials: "J. K. Rowling", "George W. Bush".
    return len(word) == 1 and word.isalpha()


def split_sentences(text: str, start: int, end: int) -> list[Span]:
    """Sentences of one paragraph, trimmed of surrounding white space."""
    sentences: list[Span] = []
    cursor = start
    for match in _SENTENCE_END.finditer(text, start, end):
        first = text[match.start()]
        if (
            first == "."
            and match.end() - match.start() == 1
            and _is_abbreviation(text, match.start())
        ):
            continue
        sentences.append(Span(cursor, match.end()))
        cursor = match.end()
    sentences.append(Span(cursor, end))
    trimmed = []
    for span in sentences:
        s, e = span.start, span.end
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
        sentences.extend(split_sentences(text, s, e))
    return Document(
        text=text,
        paragraphs=paragraphs,
        sentences=sentences,
        _sentence_starts=[span.start for span in sentences],
        _paragraph_starts=[span.start for span in paragraphs],
    )
