"""Find quotation spans: the text between matching quotation marks.

Double marks open a quotation (straight, curly, „, « », » « and `` ''). Single marks are
far more often apostrophes (players’ union, rock ’n’ roll, ’90s) than quotation
marks, so inside a double quotation they stay part of it, and outside one a
single-quoted span is only taken when both its marks are unmistakable: a curly
‘ that opens a word and a ’ that no letter follows, or a straight ' whose
quotation ends in punctuation ('We will,' she said).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from quotecli.extract.document import Document

# Invisible direction and joining marks, pasted with text from social media: before
# a quotation they stand where a space would.
FORMAT_MARKS = frozenset(
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
)
# Two apostrophes stand for a straight double mark in some newswire archives,
# and in others close a quotation that two grave accents open (``We will,'' he said).
# German and Nordic text turns guillemets about (»Wir sind bereit«).
# (The pattern opens with the set of marks, so that the search skips to them; an
# apostrophe or a grave accent is a mark only with a second one after it.)
_MARK = re.compile(r"['`\"“”„«»](?:(?<=')'|(?<=`)`|(?<!['`]))")
_CLOSERS = {"“": "”", "„": "“”", "«": "»", "``": "''”", "»": "«"}
# A sentence that ends by naming its source is narrative, not a quotation: ", he said."
_ATTRIBUTED_END = re.compile(
    r"[,;]\s+(?:\S+\s+){1,4}(?:said|says|added|adds|told\s+\S+|explained|noted|stated)[.!?]$"
)


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """One stretch of quoted text inside one paragraph.

    ``start``/``end`` exclude the marks; ``open_mark`` and ``close_mark`` are
    the offsets of the marks themselves (``close_mark`` is None when the
    quotation runs on into the next paragraph, as news style reopens it there).
    """

    start: int
    end: int
    open_mark: int
    close_mark: int | None
    paragraph: int
    continues_previous: bool = False
    outer_end: int = 0  # just past the closing mark (or ``end`` when unclosed)

    @property
    def outer_start(self) -> int:
        return self.open_mark


def _straight_opens(text: str, pos: int, para_start: int) -> bool:
    """A straight mark opens when it is not glued to a word on its left."""
    if pos == para_start:
        return True
    before = text[pos - 1]
    if before in ".!?" and text[pos + 1 : pos + 2].isupper():
        return True  # "…on the red carpet."It's unlike anything," he said": a space lost
    if before in '"”' and text[pos - 2 : pos - 1] in (".", "!", "?", ",") and pos - 2 >= para_start:
        return text[pos + 1 : pos + 2].isalnum()  # "We played well.""The half was…": the same
    return before.isspace() or before in "([{—–-/:;,"


def _opens_word(text: str, pos: int, para_start: int, para_end: int) -> bool:
    """A mark at the start of a paragraph or after a space, right before a word
    or an ellipsis that leads into one ("” … in the end, he won")."""
    # An invisible format character (a direction mark pasted from social media)
    # stands before a quotation as a space would.
    before_ok = pos == para_start or text[pos - 1].isspace() or text[pos - 1] in FORMAT_MARKS
    if not before_ok or pos + 1 >= para_end:
        return False
    return text[pos + 1].isalnum() or _ELLIPSIS_LEAD.match(text, pos + 1, para_end) is not None


_ELLIPSIS_LEAD = re.compile(r"[ \t]?(?:…|\.\.\.)[ \t]?\w")


def _straight_closes(text: str, pos: int, para_end: int) -> bool:
    if pos + 1 >= para_end:
        return True
    after = text[pos + 1]
    # "We won,"said Jo: the space after a closing mark lost. (An upper-case letter
    # there may open a sentence of a new quotation, which the caller reads.)
    return not after.isalnum() or (text[pos - 1] in ",.!?" and after.islower())


# A curly opening single mark at the start of a word, and the first closing
# mark after it that no letter or digit follows ("‘a disgrace’ on Monday",
# but not "rock ’n’ roll"); a closing mark after "s" followed by a lowercase
# word is a plural possessive ("the players’ union") and is skipped.
_CURLY_SINGLE = re.compile(
    r"‘(?<![\w’'‘]‘)(?=[\w$£€])((?:[^‘’\n]|’(?=\w)|(?<=s)’(?= [a-z]))+?)"
    r"(?:(?<!s)’|(?<=s)’(?! [a-z]))(?!\w)"
)
# A straight single quotation whose words end in punctuation: 'We will win,' she said.
# An apostrophe between letters inside it is part of a word ('We didn't know,'), as
# its curly form ’ would be. (The mark comes first in each pattern so the search can
# skip to it; what may stand before it is checked after.)
_STRAIGHT_SINGLE = re.compile(
    r"'(?<![\w']')(?=[A-Z])((?:[^'\n]|(?<=[^\W_])'(?=[^\W_])){2,}?[,.!?])'(?![\w])"
)


# A few words in straight single marks with no punctuation of their own, then a
# space or a stop outside the mark, as British papers set them: the plan was
# 'unworkable'. Each inner apostrophe stands between letters ('a can't-lose bet'),
# or is a plural's after an s with a word after it ('the players' union'), as in
# the curly pattern.
_STRAIGHT_SINGLE_WORDS = re.compile(
    r"'(?<![\w'’]')(?=[^\W\d_])"
    r"((?:[^'\n,.;:!?\"“”]|(?<=[^\W_])'(?=[^\W_])|(?<=s)'(?= [a-z])){2,60}?[^\W_])"
    r"(?:(?<!s)'|(?<=s)'(?! [a-z]))(?=[ \t]*[,.;:!?)]|[ \t]+[a-z]|[ \t]*$)"
)


_STAGE_DIRECTION = re.compile(r"\s*\([^()]{1,40}\)[.!]?\s*")


def _stage_direction(text: str, start: int, end: int) -> bool:
    """Whether the marks hold only a bracketed note in a transcript: "(CROSSTALK.)",
    "(Laughter)". Nobody says it; the transcript's writer notes it."""
    return _STAGE_DIRECTION.fullmatch(text, start, end) is not None


def find_quotes(doc: Document) -> list[QuoteSpan]:
    """Every quotation span in the document, in text order."""
    doubles = _double_quotes(doc)
    singles = _single_quotes(doc, doubles)
    if not singles:
        return doubles
    return sorted([*doubles, *singles], key=lambda s: s.open_mark)


def _single_quotes(doc: Document, doubles: list[QuoteSpan]) -> list[QuoteSpan]:
    """Single-quoted spans outside every double quotation (whose single marks are its own)."""
    text = doc.text
    patterns = [_STRAIGHT_SINGLE, _STRAIGHT_SINGLE_WORDS]
    if "‘" in text:
        patterns.append(_CURLY_SINGLE)
    # Double quotations, as (open mark, end) in text order, to test containment.
    starts = [s.open_mark for s in doubles]
    spans = []
    for pattern in patterns:
        for match in pattern.finditer(text):
            k = bisect_right(starts, match.start()) - 1
            if k >= 0 and match.start() < doubles[k].outer_end:
                continue  # nested inside a double quotation
            if k + 1 < len(starts) and starts[k + 1] < match.end():
                continue  # it would run across a double quotation
            inner_start, inner_end = match.span(1)
            spans.append(
                QuoteSpan(
                    inner_start,
                    inner_end,
                    match.start(),
                    inner_end,
                    doc.paragraph_index(match.start()),
                    False,
                    match.end(),
                )
            )
    return spans


def _double_quotes(doc: Document) -> list[QuoteSpan]:
    """Every quotation between double marks, in text order."""
    text = doc.text
    spans: list[QuoteSpan] = []
    carried = False  # the previous paragraph ended inside a quotation
    for index, para in enumerate(doc.paragraphs):
        found, open_at, opener, continuing, nested = _paragraph_quotes(doc, index, carried, True)
        if nested:
            # A quotation seemed to hold another but never closed: read the marks
            # again as quotations one after another.
            found, open_at, opener, continuing, _ = _paragraph_quotes(doc, index, carried, False)
        spans.extend(found)
        carried = False
        if open_at is not None:
            next_para = doc.paragraphs[index + 1] if index + 1 < len(doc.paragraphs) else None
            reopens = next_para is not None and (
                text[next_para.start] in '"“„«' or text.startswith(("''", "``"), next_para.start)
            )
            end = para.end
            inner = open_at + len(opener)
            if reopens and end > inner and not _stage_direction(text, inner, end):
                spans.append(QuoteSpan(inner, end, open_at, None, index, continuing, end))
                carried = True
            elif (
                next_para is not None
                and open_at == para.start
                and end > inner
                and _SIGNATURE.fullmatch(text, next_para.start, next_para.end)
            ):
                # A pulled quotation, its source on the line under it inside the
                # same marks: "“…cuts.\nDean Baker, Center for Economic Research.”"
                spans.append(QuoteSpan(inner, end, open_at, None, index, continuing, end))
    return spans


# A line that signs a quotation and closes its marks: a name of two to four
# capitalised words, then a description after a comma or nothing more.
_SIGNATURE = re.compile(
    r"[A-Z][\w.’'\-]+(?:[ \t]+[A-Z][\w.’'\-]+){1,3}(?:,[^\"“”\n]{1,100})?\.?[ \t]*[\"”][ \t]*"
)


# A nickname between a first name and a surname: Marion "Suge" Knight, Earvin
# “Magic” Johnson. Its marks set off part of a name, not words anyone said.
_NICKNAME = re.compile(r"[A-Z][\w.’'\-]*(?:[ \t][A-Z][\w.’'\-]*)?")
_NAME_BEFORE = re.compile(r"(?<![\w.’'\-])[A-Z][a-z]+[ \t]$")
_NAME_AFTER = re.compile(r"[ \t][A-Z][a-z]")


def _nickname(text: str, open_at: int, inner: int, close: int, after: int) -> bool:
    """Whether the quoted words are a nickname set inside a person's name."""
    return (
        _NICKNAME.fullmatch(text, inner, close) is not None
        and _NAME_BEFORE.search(text, max(0, open_at - 20), open_at) is not None
        and _NAME_AFTER.match(text, after) is not None
    )


def _opens_inside(text: str, pos: int, mark: str, open_at: int, opener: str) -> bool:
    """Whether a mark, inside a quotation, opens a quotation within it: after a space
    and before a word, as in “He told me “go home” and left,” she said."""
    if opener in ("«", "»", "„") or mark not in ('"', "“"):
        return False
    # Only a quoted sentence holds another: "the bill “had the feel of a…" with its
    # closing mark lost may run on into the next quotation.
    if not text[open_at + len(opener) : open_at + len(opener) + 1].isupper():
        return False
    return text[pos - 1 : pos].isspace() and text[pos + 1 : pos + 2].isalpha()


def _paragraph_quotes(
    doc: Document, index: int, carried: bool, nest: bool
) -> tuple[list[QuoteSpan], int | None, str, bool, bool]:
    """The quotations that close in one paragraph, and the one left open at its end
    (its opening mark, the mark, whether it carries one on), and whether a quotation
    that held another failed to close. With ``nest``, a mark that opens a word inside
    a quotation opens one within it, which the next closing mark closes."""
    text = doc.text
    para = doc.paragraphs[index]
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    opener = ""
    continuing = False
    inner_at: int | None = None
    nested = False  # a quotation held another and has not closed yet
    failed = False  # one that held another ended without its closing mark
    for match in _MARK.finditer(text, para.start, para.end):
        pos = match.start()
        mark = match.group()
        straight = mark in ('"', "''")
        if open_at is None:
            # A closer with nothing open is a stray mark and is passed over,
            # unless it opens a word the way only an opening mark can
            # ("”Fear. I am afraid…”", a typesetting slip): then it opens.
            if (
                mark in ("“", "„", "«", "``")
                or (straight and _straight_opens(text, pos, para.start))
                or (mark == "»" and _opens_word(text, pos, para.start, para.end))
            ):
                open_at, opener = pos, mark
                continuing = carried and pos == para.start
            elif mark == "”" and _opens_word(text, pos, para.start, para.end):
                open_at, opener = pos, "“"
                continuing = carried and pos == para.start
            continue
        closes = (
            (opener not in ('"', "''") and mark in _CLOSERS.get(opener, ""))
            or (
                opener in ('"', "''")
                and straight
                and _straight_closes(text, match.end() - 1, para.end)
            )
            # A straight mark that opens a word inside a curly quotation opens a
            # quotation within it, as text pasted together sets them: “It was
            # titled "Losing the Best," but…”.
            or (opener == "“" and straight and not _opens_word(text, pos, para.start, para.end))
            or (opener in ('"', "''") and mark == "”")
            # An opening mark can open nothing at the end of its paragraph: a
            # closing one set the wrong way round ("…worked out.“").
            or (opener == "“" == mark and not text[match.end() : para.end].strip())
        )
        if inner_at is not None:
            if closes or mark == "”":
                inner_at = None  # the quotation within closes; the outer one goes on
            continue
        if closes:
            inner = open_at + len(opener)
            if (
                pos > inner
                and not _stage_direction(text, inner, pos)
                and not _nickname(text, open_at, inner, pos, match.end())
            ):
                spans.append(QuoteSpan(inner, pos, open_at, pos, index, continuing, match.end()))
            open_at = None
            continuing = nested = False
        elif mark in ("“", "„", "«", "``") or straight:
            # A second opener before any closer. After a finished sentence it is
            # a paragraph break lost when the article was flattened ("…potential.
            # "It is…"): the first quotation ends there, unclosed, as a quoted
            # paragraph that runs on would. Unless its last words attribute it
            # (", he said."): then the closing mark went missing and narrative
            # follows, so the first mark costs that quotation and no more.
            inner = open_at + len(opener)
            before = text[inner:pos].rstrip()
            lost_break = (
                before.endswith((".", "?", "!"))
                and len(before) < pos - inner
                and text[pos + len(mark) : pos + len(mark) + 1].isupper()
            )
            if lost_break and not _ATTRIBUTED_END.search(before):
                end = inner + len(before)
                spans.append(QuoteSpan(inner, end, open_at, None, index, continuing, end))
                nested = False  # a quoted paragraph ran on, as it may
            elif nest and not lost_break and _opens_inside(text, pos, mark, open_at, opener):
                inner_at, nested = pos, True
                continue
            failed = failed or nested
            open_at, opener = pos, mark
            continuing = False
    return spans, open_at, opener, continuing, failed or (nested and open_at is not None)


# Words a title in title case capitalises and running prose never does.
_TITLE_CASE_SMALL = frozenset(
    ("Of", "To", "The", "And", "In", "On", "For", "With", "At", "By", "From", "Is", "Are")
)
_WORD = re.compile(r"[^\W\d_][\w’'\-]*")
_LOWER_WORD = re.compile(r"(?<![\w’'\-])[^\W\d_A-Z]")


def in_title_case(text: str, start: int, end: int) -> bool:
    """Whether quoted words are set as a headline or a work's title, every word
    capitalised, small words too: "A Change Is Gonna Come", "Many Of You In This
    Room Are Masters". Nobody speaks in title case: a speaker's sentence has "of"
    and "is" in lower case."""
    # Most quotations have a word in lower case within their first few: found at
    # once, it settles the question without reading every word.
    if _LOWER_WORD.search(text, start, end):
        return False
    words = _WORD.findall(text, start, end)
    return (
        len(words) >= 3
        and all(w[0].isupper() for w in words)
        and any(w in _TITLE_CASE_SMALL for w in words[1:])
    )
