"""The text as the engine reads it: hard wrapping undone, line ends and spaces made one form.

Plain-text archives, wire copy and books break their lines at a fixed width, so
a line break there is no paragraph end, and a quotation that runs over one must
be read as one quotation. ``normalise`` finds those breaks and turns each into a
space (or into nothing after a word's hyphen: "long-\\nrunning"); it also turns
CRLF and lone CR line ends into LF and every run of spaces or tabs into one
space. The engine then reads one form of every layout, and ``Layout`` maps its
offsets back to the original text, which is what a quote's offsets index.

A line break is a wrap break when the text is hard-wrapped (some full line ends
inside a sentence), the line before it is full (the next line's first word would
not have fitted on it, at the width of the longest lines), and the next line does
not start a paragraph of its own (indented further, or a list item after a
finished sentence or another item). A blank line always ends a paragraph. Text
with none of these (most text) is left as it is, at the cost of a few searches.

A quote's ``text`` and ``context`` are then the original's characters with each
wrap break read as the engine read it (a space, or nothing after a hyphen), so
they hold words, not line breaks; runs of spaces within a line are kept as they
were, so in text that was not wrapped ``original[start:end] == text``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from itertools import pairwise

from quotecli.model import Quote

# White space that holds a line break (with the blank lines and indentation
# around it), or a run of spaces and tabs within a line.
_SPACE = re.compile(r"[ \t]*(?:\r\n?|\n)[ \t\r\n]*|[ \t]{2,}|\t")
_LINE_BREAK = re.compile(r"\r\n?|\n")
# A line that ends a sentence: terminal punctuation, then any closing marks.
_SENTENCE_END = re.compile(r"[.!?:…][\"”’')\]]*$")
# A line that opens a list item starts a paragraph however full the line before.
_LIST_ITEM = re.compile(r"(?:[-*•]|\d{1,3}[.)])\s")
# A no-break space binds what it joins into one word for the wrapping.
_FIRST_WORD = re.compile(r"[^ \t\r\n]*")
# Wider than this, lines were not wrapped by hand or by a tool: they are paragraphs.
_WIDEST_WRAP = 200


@dataclass(frozen=True, slots=True)
class _Edit:
    """text[start:end] of the original became ``new`` at ``at`` in the normalised text."""

    start: int
    end: int
    at: int
    new: str
    joins: bool  # a wrap break (as opposed to a line end or a run of spaces)


@dataclass(frozen=True, slots=True)
class Layout:
    """The normalised text and the edits that made it from the original."""

    text: str
    original: str
    edits: tuple[_Edit, ...] = ()
    # Where each edit starts, in the normalised text and in the original, for bisection.
    _ats: list[int] = field(default_factory=list, repr=False)
    _starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._ats[:] = [edit.at for edit in self.edits]
        self._starts[:] = [edit.start for edit in self.edits]

    @property
    def edited(self) -> bool:
        return bool(self.edits)

    def start(self, offset: int) -> int:
        """The original offset of the character at ``offset`` of the normalised text."""
        k = bisect_right(self._ats, offset) - 1
        if k < 0:
            return offset
        edit = self.edits[k]
        if offset < edit.at + len(edit.new):
            return edit.start + (offset - edit.at)
        return edit.end + offset - (edit.at + len(edit.new))

    def end(self, offset: int) -> int:
        """The original offset just past the character before ``offset`` (a span's end)."""
        k = bisect_right(self._ats, offset) - 1
        if k >= 0 and self.edits[k].at == offset:
            # A span that ends where white space was replaced ends before that space.
            return self.edits[k].start
        return self.start(offset)

    def words(self, start: int, end: int) -> str:
        """original[start:end] with each wrap break in it read as a space (or nothing
        after a hyphen): what a reader of the quotation sees, without line breaks."""
        pieces: list[str] = []
        cursor = start
        for k in range(bisect_right(self._starts, start - 1), len(self.edits)):
            edit = self.edits[k]
            if edit.end > end:
                break
            if edit.joins:
                pieces += (self.original[cursor : edit.start], edit.new)
                cursor = edit.end
        pieces.append(self.original[cursor:end])
        return "".join(pieces)

    def restore(self, quote: Quote) -> Quote:
        """A quote found in the normalised text, with offsets into the original."""
        start, end = self.start(quote.start), self.end(quote.end)
        ctx_start, ctx_end = self.start(quote.context_start), self.end(quote.context_end)
        return replace(
            quote,
            text=self.words(start, end),
            start=start,
            end=end,
            context=self.words(ctx_start, ctx_end),
            context_start=ctx_start,
            context_end=ctx_end,
            parts=tuple((self.start(s), self.end(e)) for s, e in quote.parts),
        )


def normalise(text: str) -> Layout:
    """``text`` with wrap breaks joined, line ends made LF and runs of spaces made one."""
    wraps = _wrap_breaks(text)
    if not wraps and "\r" not in text and "\t" not in text and "  " not in text:
        return Layout(text, text)
    edits: list[_Edit] = []
    pieces: list[str] = []
    cursor = 0
    shift = 0  # normalised offset minus original offset, so far
    for match in _SPACE.finditer(text):
        start, end = match.span()
        run = match.group()
        joins = start in wraps
        if joins:
            new = "" if _hyphen_ends(text, start, end) else " "
        elif "\r" in run or "\n" in run:
            if "\r" not in run:
                continue  # a paragraph end already in the one form
            new = _LINE_BREAK.sub("\n", run)
        else:
            new = " "
        pieces += (text[cursor:start], new)
        edits.append(_Edit(start, end, start + shift, new, joins))
        shift += len(new) - (end - start)
        cursor = end
    if not edits:
        return Layout(text, text)
    pieces.append(text[cursor:])
    return Layout("".join(pieces), text, tuple(edits))


def _hyphen_ends(text: str, start: int, end: int) -> bool:
    """A line that ends in a word's hyphen, before a word: "long-\\nrunning" is one word."""
    return (
        start >= 2
        and text[start - 1] == "-"
        and text[start - 2].isalpha()
        and end < len(text)
        and text[end].isalpha()
    )


def _wrap_breaks(text: str) -> set[int]:
    """Starts of the white-space runs, each holding one line break, that are wrap breaks."""
    body = text.strip()
    if "\r" not in body and body.count("\n") == 2 * body.count("\n\n"):
        # Every run of line breaks inside the text is of even length, most often
        # a blank line between paragraphs: no line break stands alone. (Counted
        # in C: this is the case of most text.)
        return set()
    lines = _LINE_BREAK.split(text)
    filled = [bool(line.strip(" \t")) for line in lines]
    if not any(a and b for a, b in pairwise(filled)):
        return set()  # every line break ends a paragraph (or the text)
    # The width is that of the longest lines but a few: some may stick out (an
    # unbreakable word, list items that kept their indent) past the width the
    # rest were wrapped at.
    width = _width(lines)
    if width > _WIDEST_WRAP:
        return set()
    # The space the next word would have needed: typists who double spaces
    # (after a full stop, say) may have needed two.
    gap = 2 if "  " in text else 1
    found: set[int] = set()
    inside_sentence = False
    line_start = 0
    for i, line_break in enumerate(_LINE_BREAK.finditer(text)):
        start = line_start
        line_start = line_break.end()
        if not (filled[i] and filled[i + 1]):
            continue
        before = lines[i].rstrip(" \t")
        after = lines[i + 1].lstrip(" \t")
        word = _FIRST_WORD.match(after).group()  # type: ignore[union-attr]  # "*" always matches
        if len(before) + gap + len(word) <= width:
            continue  # the next word would have fitted: the line ends a paragraph
        if len(lines[i + 1]) - len(after) > len(before) - len(before.lstrip(" \t")):
            continue  # indented further: a new paragraph
        ends_sentence = _SENTENCE_END.search(before) is not None
        # A dash or number that opens a line inside a sentence was only wrapped
        # there; after a finished sentence or another item, it opens a list item.
        if _LIST_ITEM.match(after) and (
            ends_sentence or _LIST_ITEM.match(before.lstrip()) is not None
        ):
            continue
        found.add(start + len(before))
        inside_sentence = inside_sentence or not ends_sentence
    # Lines of paragraphs that happen to be long end sentences; wrapped lines
    # break sentences too.
    return found if inside_sentence else set()


def _width(lines: list[str]) -> int:
    """The length below the longest tenth of the lines (but at least two of them).

    Counted by length, not sorted, so that it stays linear: any length over the
    widest wrap counts as one, since all that matters then is that it is too wide.
    """
    counts = [0] * (_WIDEST_WRAP + 2)
    for line in lines:
        counts[min(len(line.rstrip()), _WIDEST_WRAP + 1)] += 1
    rank = min(max(2, len(lines) // 10), len(lines) - 1)  # lines longer than the width
    seen = 0
    for length in range(_WIDEST_WRAP + 1, -1, -1):
        seen += counts[length]
        if seen > rank:
            return length
    return 0
