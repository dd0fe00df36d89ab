"""Read articles from files, directories, glob patterns and standard input.

Formats: plain text and Markdown (one article a file), HTML pages (the
article's own text and metadata, found by trafilatura), JSON Lines and CSV
(one article a line or row, with configurable field names).

Reading streams: an archive of any size is read one article at a time, so
memory does not grow with it. What is named explicitly on the command line is
checked before anything is read for indexing (a missing path, a binary or
empty file, a file that is not UTF-8, a JSONL file without one valid line, a
CSV file without the text column), so a mistake stops ``index`` before it
writes anything. Inside directories, glob matches and big files, bad files,
lines and rows are skipped with a warning naming the file and line number.

Only the standard library is imported here: the command line loads this module
on every ``index`` run, and trafilatura is imported only when an HTML page is
converted.

Text is decoded as UTF-8 (a byte-order mark is dropped) and line endings are
normalised to ``\\n``; quote offsets refer to that normalised text.
"""

from __future__ import annotations

import csv
import glob
import hashlib
import io
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from quotecli.errors import InputError
from quotecli.model import STDIN_SOURCE, Article

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
CSV_SUFFIXES = frozenset({".csv"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES
STDIN = "-"

TEXT, HTML, JSONL, CSV = "text", "html", "jsonl", "csv"
INPUT_FORMATS = ("auto", TEXT, HTML, JSONL, CSV)

# How many bytes to inspect for NUL bytes when deciding a file is binary.
_SNIFF_BYTES = 8192
# A file whose invalid byte sequences outnumber its valid non-ASCII characters
# (and are more than a stray few) was written in another encoding; replacing
# every accented letter with U+FFFD would index garbage.
_MAX_STRAY_BYTES = 3

# The most text one article may hold. The longest BBC article is about 25 KB
# and a long feature under 200 KB; two megabytes (some 330,000 words) is far
# beyond any article, so more is a whole archive or a dump joined by mistake.
# Refusing it keeps a run's memory bounded (the engine holds the text and its
# sentences and spans, many times the text's size) and its time short.
MAX_ARTICLE_BYTES = 2_000_000
# An HTML page carries markup, scripts and styles around its article.
MAX_PAGE_BYTES = 4 * MAX_ARTICLE_BYTES
# A JSONL line is read whole: escapes (\u00e9) may make it longer than its text.
_MAX_LINE_BYTES = 4 * MAX_ARTICLE_BYTES

# An article body may well be longer than the csv module's 128 KiB default;
# a longer field than this is no article (see _record for the real limit).
_CSV_FIELD_LIMIT = _MAX_LINE_BYTES

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Checked first: the UTF-32 little-endian mark begins with UTF-16's.
_UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")
_UTF8_BOM = "\ufeff"
_GLOB_CHARS = frozenset("*?[")


def content_hash(text: str) -> str:
    """The SHA-256 hex digest of ``text``: how re-indexing recognises an unchanged article."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class Fields:
    """Which JSONL keys or CSV columns hold each part of an article.

    ``source`` names the article's URL or origin; the first present key wins.
    """

    text: str = "text"
    id: str = "id"
    title: str = "title"
    date: str = "date"
    source: tuple[str, ...] = ("url", "source")
    author: str = "author"


@dataclass(frozen=True)
class HtmlPage:
    """An HTML page whose article text is yet to be found.

    Finding it is the slow part of reading HTML, so the indexer does it in its
    worker processes with ``to_article``.
    """

    html: str
    source: str
    key: str | None = None

    def to_article(self) -> Article:
        """The page's article: main text, title, author and date; InputError if it has none."""
        return html_article(self.html, self.source, self.key)


def html_article(html: str, source: str, key: str | None = None) -> Article:
    """The article in an HTML page, without navigation, ads or scripts."""
    import trafilatura

    found = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False
    )
    if found is not None and not isinstance(found, dict):
        found = found.as_dict()  # trafilatura 2 returns a Document
    text = (found or {}).get("text") or ""
    if not text.strip():
        raise InputError(f"{source}: no article text found in the HTML")
    text, _ = _clean_string(text)

    def meta(name: str) -> str | None:
        value = (found or {}).get(name)
        return _clean_string(value.strip())[0] if isinstance(value, str) and value.strip() else None

    return Article(
        text=text,
        source=source,
        title=meta("title"),
        date=meta("date"),
        author=meta("author"),
        key=key,
    )


Item = Article | HtmlPage
Warn = Callable[[str], None]


@dataclass(frozen=True)
class _Input:
    """One thing to read: a file (``explicit`` when named on the command line) or stdin."""

    path: Path | None
    fmt: str
    explicit: bool
    size: int = 0


class Reader:
    """Articles from ``paths``, streamed; iterate to get them.

    Creating a Reader checks every explicitly named input and raises InputError
    for the first bad one, before anything is read for indexing. Problems met
    while streaming go to ``warn`` (by default collected in ``warnings``).
    ``bytes_total`` and ``bytes_read`` measure progress through the files.
    """

    def __init__(
        self,
        paths: Sequence[str],
        *,
        stdin: BinaryIO | None = None,
        fields: Fields | None = None,
        input_format: str = "auto",
        warn: Warn | None = None,
    ) -> None:
        if input_format not in INPUT_FORMATS:
            raise InputError(
                f"unknown input format {input_format!r}",
                hint=f"choose one of {', '.join(INPUT_FORMATS)}",
            )
        self.fields = fields or Fields()
        self.input_format = input_format
        self.warnings: list[str] = []
        self._warn = warn or self.warnings.append
        self.bytes_total = 0
        self.bytes_read = 0
        self.articles_read = 0
        # True when an input is a pipe read as it comes, which may pause at any time.
        self.streams = False
        self._stdin = stdin
        self._stdin_item: tuple[str, object] | None = None
        self._plan: list[tuple[str, object]] = []
        for raw in paths:
            self._plan.append(self._check(raw))

    # Checking, before anything is read for indexing --------------------------

    def _check(self, raw: str) -> tuple[str, object]:
        if raw == STDIN:
            return ("stdin", self._check_stdin())
        path = Path(raw)
        if path.is_dir():
            if _first(_article_files(path)) is None:
                raise InputError(
                    f"{raw}: no articles found",
                    hint="quotecli reads .txt, .md, .html, .jsonl, .ndjson and .csv files",
                )
            return ("dir", path)
        if path.exists() and not path.is_file():
            # A named pipe, a device or a process substitution (`<(…)`): read once, as it comes.
            return ("stdin", self._check_stream(_open(path), raw, path))
        if path.exists():
            fmt = _format_of(path, self.input_format)
            self._check_file(path, fmt)
            return ("file", _Input(path, fmt, explicit=True, size=_size(path)))
        if _GLOB_CHARS & set(raw):
            matches = [Path(m) for m in sorted(glob.glob(os.path.expanduser(raw), recursive=True))]
            if not any(m.is_dir() or _is_article_file(m) for m in matches):
                raise InputError(f"{raw}: no articles match this pattern")
            return ("glob", matches)
        raise InputError(f"{raw}: no such file or directory")

    def _check_file(self, path: Path, fmt: str) -> None:
        source = _path_text(path)
        if fmt in (TEXT, HTML):
            # One article a file: read it whole now, so a bad one stops the run.
            _decode(_read_bytes(path, fmt), source)
            return
        with _open(path) as stream:
            head = stream.read(_SNIFF_BYTES)
        _sniff(head, source)
        if fmt == JSONL:
            problems: list[str] = []
            with _open(path) as stream:
                for _ in _jsonl_records(stream, source, self.fields, problems.append):
                    return
            first = problems[0] if problems else f"{source}: no lines"
            raise InputError(
                f'{source}: no valid JSON lines with a "{self.fields.text}" field ({first})',
                hint="name the text field with --text-field",
            )
        with _open(path) as stream:
            header = _csv_header(stream, source)
        if self.fields.text not in header:
            raise InputError(
                f'{source}: no "{self.fields.text}" column (columns: {", ".join(header)})',
                hint="name the text column with --text-field",
            )

    def _check_stdin(self) -> tuple[str, object, str]:
        stream = self._stdin if self._stdin is not None else sys.stdin.buffer
        return self._check_stream(stream, STDIN_SOURCE)

    def _check_stream(
        self, stream: BinaryIO, source: str, path: Path | None = None
    ) -> tuple[str, object, str]:
        fmt = self.input_format
        if path is not None and path.suffix.lower() in ARTICLE_SUFFIXES:
            fmt = _format_of(path, fmt)
        name = "standard input" if source == STDIN_SOURCE else source
        try:
            if fmt in (TEXT, HTML):
                return (fmt, _decode(_read_limited(stream, fmt, source), source), source)
            # Look at the first line to tell JSON lines from prose, then stream.
            first = stream.readline(_MAX_LINE_BYTES)
            while fmt == "auto" and first and not first.strip():
                first = stream.readline(_MAX_LINE_BYTES)
            if fmt == "auto":
                line = first.decode("utf-8", "replace").lstrip(_UTF8_BOM).strip()
                if line.startswith("{") and _json_object(line) is not None:
                    fmt = JSONL
                elif self.fields.text in _csv_line(line):
                    fmt = CSV  # a header naming the text column
                else:
                    data = first + stream.read(MAX_PAGE_BYTES + 1 - len(first))
                    if b"\x00" in data[:_SNIFF_BYTES]:
                        _sniff(data[:_SNIFF_BYTES], source)  # binary, UTF-16 or UTF-32
                    head = data[:_SNIFF_BYTES].decode("utf-8", "replace")
                    found = HTML if _looks_like_html(head.lstrip(_UTF8_BOM)) else TEXT
                    _check_length(data, found, source)
                    return (found, _decode(data, source), source)
        except OSError as exc:
            raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from exc
        _sniff(first, source)
        self.streams = True
        return (fmt, _Prefixed(first, stream), source)

    # Streaming ---------------------------------------------------------------

    def __iter__(self) -> Iterator[Item]:
        for kind, target in self._plan:
            if kind == "stdin":
                yield from self._read_stdin(target)  # type: ignore[arg-type]
            elif kind == "file":
                yield from self._read_input(target)  # type: ignore[arg-type]
            else:
                walk = _article_files if kind == "dir" else _glob_files
                paths = walk(target, self._warn)  # type: ignore[arg-type]
                for path in paths:
                    if not path.is_file():
                        # A pipe would wait forever for a writer, /dev/zero never ends.
                        self._warn(f"skipped {path}: {_not_a_file(path)}")
                        continue
                    fmt = _format_of(path, "auto")
                    yield from self._read_input(_Input(path, fmt, False, _size(path)))

    def measure(self) -> int:
        """Set and return ``bytes_total``, the size of every input file (stdin excluded)."""
        total = 0
        for kind, target in self._plan:
            if kind == "file":
                total += target.size  # type: ignore[attr-defined]
            elif kind == "dir":
                total += sum(_size(p) for p in _article_files(target))  # type: ignore[arg-type]
            elif kind == "glob":
                total += sum(_size(p) for p in _glob_files(target))  # type: ignore[arg-type]
        self.bytes_total = total
        return total

    def _read_stdin(self, target: tuple[str, object, str]) -> Iterator[Item]:
        fmt, content, source = target
        if fmt == TEXT:
            yield self._counted(_text_article(content, source, None))  # type: ignore[arg-type]
        elif fmt == HTML:
            self.articles_read += 1
            yield HtmlPage(content, source)  # type: ignore[arg-type]
        elif fmt == JSONL:
            yield from self._records(_jsonl_records(content, source, self.fields, self._warn))  # type: ignore[arg-type]
        else:
            buffered = io.BufferedReader(content)  # type: ignore[arg-type]
            text = io.TextIOWrapper(buffered, "utf-8-sig", "surrogateescape", newline="")
            yield from self._records(_csv_records(text, source, self.fields, self._warn))

    def _read_input(self, item: _Input) -> Iterator[Item]:
        assert item.path is not None
        source = _path_text(item.path)
        try:
            if item.fmt in (TEXT, HTML):
                text = _decode(_read_bytes(item.path, item.fmt), source, self._warn)
                key = _file_key(item.path)
                if item.fmt == TEXT and item.path.suffix.lower() in MARKDOWN_SUFFIXES:
                    yield self._counted(_markdown_article(text, source, key))
                elif item.fmt == TEXT:
                    yield self._counted(_text_article(text, source, key))
                else:
                    self.articles_read += 1
                    yield HtmlPage(text, source, key)
                return
            with _open(item.path) as stream:
                if not item.explicit:
                    _sniff(stream.read(_SNIFF_BYTES), source)
                    stream.seek(0)
                if item.fmt == JSONL:
                    records = _jsonl_records(stream, source, self.fields, self._warn)
                else:
                    text = io.TextIOWrapper(stream, "utf-8-sig", "surrogateescape", newline="")
                    header = _csv_header(text, source)
                    if self.fields.text not in header:
                        raise InputError(f'{source}: no "{self.fields.text}" column')
                    text.seek(0)
                    records = _csv_records(text, source, self.fields, self._warn)
                base = self.bytes_read
                for article in records:
                    self.bytes_read = base + stream.tell()
                    yield self._counted(article)
                self.bytes_read = base
        except InputError as exc:
            if item.explicit:
                raise
            self._warn(f"skipped {exc}")
        self.bytes_read += item.size

    def _records(self, records: Iterator[Article]) -> Iterator[Item]:
        for article in records:
            yield self._counted(article)

    def _counted(self, article: Article) -> Article:
        self.articles_read += 1
        return article


def read_articles(
    paths: Sequence[str],
    stdin: BinaryIO | None = None,
    *,
    fields: Fields | None = None,
    input_format: str = "auto",
) -> list[Article]:
    """Every article named by ``paths`` (files, directories, globs or ``-``), in a list.

    For a handful of articles; ``Reader`` streams an archive of any size.
    HTML pages are converted here. Warnings are attached to the first article.
    Raises InputError when the paths give no article at all.
    """
    reader = Reader(paths, stdin=stdin, fields=fields, input_format=input_format)
    articles: list[Article] = []
    for item in reader:
        if isinstance(item, HtmlPage):
            try:
                item = item.to_article()
            except InputError as exc:
                reader.warnings.append(f"skipped {exc}")
                continue
        articles.append(item)
    if not articles:
        raise no_articles_error(paths, reader.warnings)
    if reader.warnings:
        articles[0] = replace(articles[0], warnings=(*reader.warnings, *articles[0].warnings))
    return articles


def no_articles_error(paths: Sequence[str], warnings: Sequence[str]) -> InputError:
    """The error for inputs that held no readable article."""
    named = ", ".join(paths)
    if warnings:
        first = warnings[0].removeprefix("skipped ")
        return InputError(
            f"{named}: no readable articles ({len(warnings)} skipped; first: {first})"
        )
    return InputError(f"{named}: no articles found")


# Files -------------------------------------------------------------------------


def _first(items: Iterator[Path]) -> Path | None:
    return next(items, None)


def _is_article_file(path: Path) -> bool:
    return (
        path.is_file() and not path.name.startswith(".") and path.suffix.lower() in ARTICLE_SUFFIXES
    )


def _article_files(directory: Path, warn: Warn | None = None) -> Iterator[Path]:
    """Article files under ``directory``, recursively, sorted, hidden entries skipped.

    A folder that cannot be listed is skipped, with a warning when ``warn`` is given.
    """

    def unreadable(exc: OSError) -> None:
        if warn is not None:
            warn(f"skipped {_path_text(Path(exc.filename))}: cannot read ({exc.strerror or exc})")

    for root, dirs, files in os.walk(directory, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in ARTICLE_SUFFIXES:
                yield Path(root) / name


def _glob_files(matches: list[Path], warn: Warn | None = None) -> Iterator[Path]:
    for match in matches:
        if match.is_dir():
            yield from _article_files(match, warn)
        elif not match.name.startswith(".") and match.suffix.lower() in ARTICLE_SUFFIXES:
            yield match  # a special file is skipped, with a warning, when read


def _not_a_file(path: Path) -> str:
    """Why ``path``, found in a folder, is not read."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return f"cannot read ({exc.strerror or exc})"
    import stat

    if stat.S_ISFIFO(mode):
        return "a named pipe, not a file (name it on its own to read it)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device, not a file"
    return "not a regular file"


def _format_of(path: Path, input_format: str) -> str:
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return HTML
    if suffix in JSONL_SUFFIXES:
        return JSONL
    if suffix in CSV_SUFFIXES:
        return CSV
    if suffix in TEXT_SUFFIXES or input_format == "auto":
        return TEXT
    return input_format


def _file_key(path: Path) -> str:
    """What identifies a file's article across runs: its absolute path."""
    return _path_text(path.resolve())


def _path_text(path: Path) -> str:
    """A path as text that can be stored and shown: bytes of a name that is not
    UTF-8 (an old Latin-1 archive) are written as \\xe9, not left as surrogates."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _open(path: Path) -> BinaryIO:
    try:
        return path.open("rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc


def _read_bytes(path: Path, fmt: str = TEXT) -> bytes:
    """A whole text or HTML file; InputError when it is too big to be one article."""
    try:
        with path.open("rb") as stream:
            return _read_limited(stream, fmt, str(path))
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc


def _read_limited(stream: BinaryIO, fmt: str, source: str, already: int = 0) -> bytes:
    """All of ``stream``, unless it is more than one article may be (InputError)."""
    limit = (MAX_PAGE_BYTES if fmt == HTML else MAX_ARTICLE_BYTES) - already
    data = stream.read(limit + 1)
    _check_length(data, fmt, source, already)
    return data


def _check_length(data: bytes, fmt: str, source: str, already: int = 0) -> None:
    limit = MAX_PAGE_BYTES if fmt == HTML else MAX_ARTICLE_BYTES
    if len(data) + already > limit:
        if fmt == HTML:
            raise InputError(
                f"{source}: is over {_megabytes(limit)}, the most an HTML page may hold"
            )
        raise InputError(
            f"{source}: is over {_megabytes(limit)}, the most one article may hold",
            hint="split it into articles, for example as JSON lines",
        )


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:g} MB"


class _Prefixed(io.RawIOBase):
    """A stream that first gives back a line already read from ``rest``."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readline(self, size: int | None = -1) -> bytes:
        if self._head:
            head, self._head = self._head, b""
            return head
        return self._rest.readline(size)

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        data = self._head[: len(buffer)] if self._head else self._rest.read(len(buffer))
        self._head = self._head[len(data) :] if self._head else b""
        buffer[: len(data)] = data
        return len(data)

    def __iter__(self) -> Iterator[bytes]:  # type: ignore[override]
        while line := self.readline():
            yield line


# Decoding ------------------------------------------------------------------------


def _sniff(head: bytes, source: str) -> None:
    """Refuse binary and UTF-16 data, and empty input, from its first bytes."""
    if head.startswith(_UTF32_BOMS):
        raise InputError(
            f"{source}: is UTF-32 text, but quotecli reads UTF-8",
            hint="convert it with `iconv -f UTF-32 -t UTF-8`",
        )
    if head.startswith(_UTF16_BOMS):
        raise InputError(
            f"{source}: is UTF-16 text, but quotecli reads UTF-8",
            hint="convert it with `iconv -f UTF-16 -t UTF-8`",
        )
    if b"\x00" in head:
        raise InputError(f"{source}: looks like a binary file, not text")
    if not head.strip():
        raise InputError(f"{source}: is empty")


def _decode(data: bytes, source: str, warn: Warn | None = None) -> str:
    """Decode UTF-8 leniently, refusing binary, other encodings and empty input."""
    if data.startswith(_UTF16_BOMS) or b"\x00" in data[:_SNIFF_BYTES]:
        _sniff(data[:_SNIFF_BYTES], source)
    # surrogateescape keeps each undecodable byte as one lone surrogate, so
    # they can be counted and then replaced.
    escaped = data.decode("utf-8", errors="surrogateescape")
    bad = sum(1 for ch in escaped if "\udc80" <= ch <= "\udcff")
    if bad:
        good = sum(1 for ch in escaped if ord(ch) > 127 and not "\udc80" <= ch <= "\udcff")
        if bad > _MAX_STRAY_BYTES and bad > good:
            raise InputError(
                f"{source}: is not UTF-8 text",
                hint="convert it first, for example `iconv -f LATIN1 -t UTF-8`",
            )
        if warn is not None:
            plural = "s" if bad != 1 else ""
            warn(f"{source}: {bad} invalid UTF-8 byte{plural} replaced with U+FFFD")
    text = data.decode("utf-8", errors="replace").removeprefix(_UTF8_BOM)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f"{source}: is empty")
    return text


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:1000].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head)


def _markdown_article(text: str, source: str, key: str | None) -> Article:
    from quotecli.markdown import plain_text

    found = plain_text(text)
    if not found.text.strip():
        raise InputError(f"{source}: no text in the Markdown")
    return Article(
        text=found.text,
        source=source,
        title=found.title,
        date=found.date,
        author=found.author,
        key=key,
        warnings=(f"{source}: {found.problem}",) if found.problem else (),
    )


def _text_article(text: str, source: str, key: str | None) -> Article:
    return Article(text=text, source=source, title=_markdown_title(text), key=key)


def _markdown_title(text: str) -> str | None:
    """The first line's text when it is a markdown ``# `` heading; never guessed from prose."""
    first = text.lstrip("\n").split("\n", 1)[0].strip()
    if first.startswith("# "):
        return first[2:].strip().rstrip("#").strip() or None
    return None


# JSON Lines and CSV ------------------------------------------------------------------


def _lines(stream: BinaryIO) -> Iterator[bytes | None]:
    """The stream's lines; None for a line too long to be one article, which is skipped unread."""
    while line := stream.readline(_MAX_LINE_BYTES + 1):
        if len(line) <= _MAX_LINE_BYTES or line.endswith(b"\n"):
            yield line
            continue
        while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
            pass
        yield None


def _jsonl_records(stream: BinaryIO, source: str, fields: Fields, warn: Warn) -> Iterator[Article]:
    # Once per file: resolving the path for every line was half the reader's time.
    origin = _origin(source)
    for lineno, raw in enumerate(_lines(stream), start=1):
        if raw is None:
            warn(f"{source}:{lineno}: skipped, over {_megabytes(_MAX_LINE_BYTES)} on one line")
            continue
        if lineno == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            line = raw.decode("utf-8", errors="replace")
            warn(f"{source}:{lineno}: invalid UTF-8 bytes replaced with U+FFFD")
        obj, problem = _parse_json_object(line)
        if obj is None:
            warn(f"{source}:{lineno}: skipped, {problem}")
            continue
        article = _record(obj, source, lineno, fields, warn, origin)
        if article is not None:
            yield article


def _csv_header(stream: BinaryIO | io.TextIOBase, source: str) -> list[str]:
    text = (
        stream
        if isinstance(stream, io.TextIOBase)
        else io.TextIOWrapper(stream, "utf-8-sig", "surrogateescape", newline="")
    )
    try:
        header = next(csv.reader(text), None)
    except csv.Error as exc:
        raise InputError(f"{source}: not readable as CSV ({exc})") from exc
    finally:
        if text is not stream:
            text.detach()  # type: ignore[union-attr]
    if not header:
        raise InputError(f"{source}: is empty")
    return [_clean_string(name.strip())[0] for name in header]


def _csv_line(line: str) -> list[str]:
    """The fields of one line read as CSV; [] when it is not."""
    try:
        return [name.strip() for name in next(csv.reader([line]), [])]
    except csv.Error:
        return []


class _CountedLines:
    """The lines of a text stream, keeping those the CSV reader took for its last row."""

    def __init__(self, stream: io.TextIOBase) -> None:
        self._stream = stream
        self.taken: list[str] = []

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        line = self._stream.readline()
        if not line:
            raise StopIteration
        self.taken.append(line)
        return line


def _closes_its_quotes(lines: list[str]) -> bool:
    try:
        for _ in csv.reader(lines, strict=True):
            pass
    except csv.Error as exc:
        return "unexpected end of data" not in str(exc)
    return True


def _csv_records(
    stream: io.TextIOBase, source: str, fields: Fields, warn: Warn
) -> Iterator[Article]:
    csv.field_size_limit(_CSV_FIELD_LIMIT)
    origin = _origin(source)
    lines = _CountedLines(stream)
    reader = csv.reader(lines)
    try:
        header = [_clean_string(name.strip())[0] for name in next(reader)]
    except (StopIteration, csv.Error):
        return
    while True:
        lineno = reader.line_num + 1
        lines.taken = []
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            warn(f"{source}:{lineno}: skipped, not a CSV row ({exc})")
            continue
        if len(lines.taken) > 1 and not _closes_its_quotes(lines.taken):
            # A quote opened and never closed swallows every row after it, to
            # the end of the file: one merged "article" that no row really is.
            warn(
                f"{source}:{lineno}: skipped, a quoted field opens here and never closes"
                f" (lines {lineno:,} to {reader.line_num:,})"
            )
            continue
        if not row or not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            found = f"{len(row)} field{'s' if len(row) != 1 else ''}"
            problem = f"{found} where the header has {len(header)}"
            warn(f"{source}:{lineno}: skipped, {problem}")
            continue
        article = _record(dict(zip(header, row, strict=True)), source, lineno, fields, warn, origin)
        if article is not None:
            yield article


def _record(
    obj: dict, source: str, lineno: int, fields: Fields, warn: Warn, origin: str | None = None
) -> Article | None:
    """The article in one JSON object or CSV row; None (with a warning) when it has no text.

    ``origin`` is ``_origin(source)``, when the caller has worked it out once for the file.
    """
    body = obj.get(fields.text)
    if not isinstance(body, str) or not body.strip():
        warn(f'{source}:{lineno}: skipped, no text in its "{fields.text}" field')
        return None
    size = len(body) if len(body) > MAX_ARTICLE_BYTES else len(body.encode("utf-8", "replace"))
    if size > MAX_ARTICLE_BYTES:
        limit = _megabytes(MAX_ARTICLE_BYTES)
        warn(f"{source}:{lineno}: skipped, its text is over {limit}, the most one article may hold")
        return None
    body, repaired = _clean_string(body)
    if repaired:
        warn(f"{source}:{lineno}: invalid characters replaced with U+FFFD")
    link = next((v for k in fields.source if (v := _field(obj, k))), None)
    external_id = _field(obj, fields.id)
    if link and "://" in link:
        key: str | None = f"url:{link}"
    elif external_id:
        # Ids are only unique within their feed, so the file qualifies them.
        key = f"{origin or _origin(source)}#{external_id}"
    else:
        key = None
    return Article(
        text=body,
        source=link or f"{source}:{lineno}",
        title=_field(obj, fields.title),
        date=_field(obj, fields.date),
        external_id=external_id,
        author=_field(obj, fields.author),
        key=key,
    )


def _origin(source: str) -> str:
    """What qualifies a feed's ids in article keys: the feed file's absolute path."""
    return source if source == STDIN_SOURCE else str(Path(source).resolve())


def _json_object(line: str) -> dict | None:
    return _parse_json_object(line)[0]


def _parse_json_object(line: str) -> tuple[dict | None, str]:
    """The line's JSON object, or None and why it is not one (for the warning)."""
    try:
        # Without its line end, a string left open reads as unterminated, not as
        # a string holding a control character.
        obj = json.loads(line.rstrip("\r\n"))
    except json.JSONDecodeError as exc:
        what = exc.msg.removesuffix(" at")  # "Invalid control character at"
        return None, f"not valid JSON ({what} at character {exc.pos + 1})"
    except (ValueError, RecursionError):
        return None, "not valid JSON (nested too deeply)"
    if not isinstance(obj, dict):
        return None, f"a JSON {_JSON_KINDS.get(type(obj), 'value')}, not an object"
    return obj, ""


_JSON_KINDS = {
    list: "array",
    str: "string",
    int: "number",
    float: "number",
    bool: "boolean",
    type(None): "null",
}


def _field(obj: dict, key: str) -> str | None:
    """A metadata field as a clean string; numbers (ids, years) are kept as text."""
    value = obj.get(key)
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str) and value.strip():
        return _clean_string(value.strip())[0]
    return None


def _clean_string(value: str) -> tuple[str, bool]:
    """Replace lone surrogates (legal in JSON escapes, not in UTF-8) so SQLite can store them."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        fixed = value.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
        return fixed.replace("\r\n", "\n").replace("\r", "\n"), True
    return value.replace("\r\n", "\n").replace("\r", "\n"), False
