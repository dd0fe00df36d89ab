"""The records that flow through quotecli: articles in, quotes and speakers out."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Quote kinds. A mixed quote is reported speech with a quoted fragment inside it.
DIRECT = "direct"
INDIRECT = "indirect"
MIXED = "mixed"
KINDS = (DIRECT, INDIRECT, MIXED)

# Speaker types.
PERSON = "person"
ORGANISATION = "organisation"
GROUP = "group"
ANONYMOUS = "anonymous"
SPEAKER_TYPES = (PERSON, ORGANISATION, GROUP, ANONYMOUS)

# The source name of an article read from standard input.
STDIN_SOURCE = "<stdin>"


@dataclass(frozen=True, slots=True)
class Speaker:
    """An entity that says things, as resolved within one article."""

    name: str
    type: str = PERSON
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Quote:
    """One quote or claim, with offsets into the article it came from.

    ``article_text[start:end] == text`` holds, so every quote can be checked
    against its source, except in text hard-wrapped at a fixed width: there
    ``text`` (and ``context``) read each line break inside the quote as a space
    (as nothing after a hyphen that ends a line), the words a reader wants,
    while the offsets still index the article. A quotation interrupted by its
    attribution ("“We will,” she said, “and soon.”") is one quote: ``text`` runs
    from its first word to its last, the attribution included, and ``parts``
    holds the (start, end) offsets of the quoted words themselves. ``parts`` is
    empty when the whole of ``text`` is the quote.
    """

    text: str
    start: int
    end: int
    kind: str
    speaker: str | None
    speaker_type: str | None
    mention: str | None
    cue: str | None
    context: str
    context_start: int
    context_end: int
    rule: str
    role: str | None = None
    parts: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything the engine found in one text."""

    quotes: tuple[Quote, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    # Each quote's near-duplicate fingerprints (see quotecli.trace), when the
    # indexer made them beside the extraction; empty otherwise.
    fingerprints: tuple[tuple[int, ...], ...] = ()


@dataclass(frozen=True, slots=True)
class Article:
    """An article as read from a file, a JSONL line or standard input."""

    text: str
    source: str
    title: str | None = None
    date: str | None = None
    external_id: str | None = None
    warnings: tuple[str, ...] = field(default=())
    author: str | None = None
    # What identifies the article across runs (its file, URL or feed id), so
    # a changed version replaces the old one; None when nothing does.
    key: str | None = None


# The fields of a quote as `extract` prints it (and the Spark job writes it):
# a stored quote's fields, in the order of the machine formats.
EXTRACT_FIELDS = (
    "speaker",
    "speaker_type",
    "role",
    "kind",
    "cue",
    "text",
    "article",
    "context",
    "start",
    "end",
    "mention",
    "rule",
    "context_start",
    "context_end",
    "parts",
    "date",
    "source",
    "author",
)


def extract_row(quote: Quote, article: str, read: Any = None) -> dict[str, Any]:
    """A quote as `extract` prints it, named by its article.

    ``read`` is what the article came from (an Article, or any object with
    ``date``, ``source`` and ``author``), for the fields that cite it.
    """
    from quotecli.dates import normalise_date

    # "parts" as stored: the quoted words' offsets, or null when they are the whole text.
    extra = {
        "article": article,
        "parts": [list(p) for p in quote.parts] or None,
        "date": normalise_date(getattr(read, "date", None)),
        "source": getattr(read, "source", None),
        "author": getattr(read, "author", None),
    }
    return {key: extra[key] if key in extra else getattr(quote, key) for key in EXTRACT_FIELDS}
