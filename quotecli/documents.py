"""Read articles from files, directories, JSONL and standard input.

Everything is read and checked before anything is written, so a bad input
stops an ``index`` run before it touches the database. Only the standard
library is imported here: the command line loads this module on every run.

Text is decoded as UTF-8 (a byte-order mark is dropped) and line endings are
normalised to ``\\n``; quote offsets refer to that normalised text.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from quotecli.errors import InputError
from quotecli.model import Article

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES
STDIN = "-"
STDIN_SOURCE = "<stdin>"

# How many bytes to inspect for NUL bytes when deciding a file is binary.
_SNIFF_BYTES = 8192
# A file whose invalid byte sequences outnumber its valid non-ASCII characters
# (and are more than a stray few) was written in another encoding; replacing
# every accented letter with U+FFFD would index garbage.
_MAX_STRAY_BYTES = 3

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_UTF8_BOM = "\ufeff"


def content_hash(text: str) -> str:
    """The SHA-256 hex digest of ``text``: how re-indexing recognises an unchanged article."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def read_articles(paths: Sequence[str], stdin: BinaryIO | None = None) -> list[Article]:
    """Read every article named by ``paths`` (files, directories or ``-`` for stdin).

    Raises InputError for a path that cannot give at least one article.
    Problems that only cost part of an input (a malformed JSONL line, a bad
    file inside a directory, invalid UTF-8 bytes) become warnings on the
    first article read from that input, so they reach the index summary.
    """
    articles: list[Article] = []
    for raw in paths:
        if raw == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            articles.extend(_read_stdin(stream))
            continue
        path = Path(raw)
        if path.is_dir():
            articles.extend(_read_directory(path))
        elif path.exists():
            articles.extend(_read_file(path))
        else:
            raise InputError(f"{raw}: no such file or directory")
    return articles


def _read_stdin(stream: BinaryIO) -> list[Article]:
    try:
        data = stream.read()
    except OSError as exc:
        raise InputError(f"standard input: cannot read ({exc.strerror or exc})") from exc
    text, warnings = _decode(data, STDIN_SOURCE)
    # Piped JSONL is common (`jq -c ... | quotecli index -`), so sniff for it.
    first_line = text.lstrip().split("\n", 1)[0].strip()
    if first_line.startswith("{") and _json_object(first_line) is not None:
        return _parse_jsonl(text, STDIN_SOURCE, warnings)
    return [_text_article(text, STDIN_SOURCE, warnings)]


def _read_directory(directory: Path) -> list[Article]:
    articles: list[Article] = []
    skipped: list[str] = []
    for path in _article_files(directory):
        try:
            articles.extend(_read_file(path))
        except InputError as exc:
            skipped.append(f"skipped {exc}")
    if not articles:
        if skipped:
            detail = f"{len(skipped)} unreadable; first: {skipped[0].removeprefix('skipped ')}"
            raise InputError(f"{directory}: no readable articles ({detail})")
        raise InputError(
            f"{directory}: no articles found",
            hint="quotecli reads .txt, .md, .jsonl and .ndjson files",
        )
    if skipped:
        articles[0] = _with_warnings(articles[0], skipped)
    return articles


def _article_files(directory: Path) -> list[Path]:
    """Article files under ``directory``, recursively, sorted, hidden entries skipped."""
    found: list[Path] = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in ARTICLE_SUFFIXES:
                found.append(Path(root) / name)
    return found


def _read_file(path: Path) -> list[Article]:
    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{source}: cannot read ({exc.strerror or exc})") from exc
    text, warnings = _decode(data, source)
    if path.suffix.lower() in JSONL_SUFFIXES:
        return _parse_jsonl(text, source, warnings)
    return [_text_article(text, source, warnings)]


def _decode(data: bytes, source: str) -> tuple[str, list[str]]:
    """Decode UTF-8 leniently, refusing binary, other encodings and empty input."""
    if data.startswith(_UTF16_BOMS):
        raise InputError(
            f"{source}: is UTF-16 text, but quotecli reads UTF-8",
            hint="convert it with `iconv -f UTF-16 -t UTF-8`",
        )
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise InputError(f"{source}: looks like a binary file, not text")
    # surrogateescape keeps each undecodable byte as one lone surrogate, so
    # they can be counted and then replaced.
    escaped = data.decode("utf-8", errors="surrogateescape")
    bad = sum(1 for ch in escaped if "\udc80" <= ch <= "\udcff")
    warnings: list[str] = []
    if bad:
        good = sum(1 for ch in escaped if ord(ch) > 127 and not "\udc80" <= ch <= "\udcff")
        if bad > _MAX_STRAY_BYTES and bad > good:
            raise InputError(
                f"{source}: is not UTF-8 text",
                hint="convert it first, for example `iconv -f LATIN1 -t UTF-8`",
            )
        warnings.append(
            f"{source}: {bad} invalid UTF-8 byte{'s' if bad != 1 else ''} replaced with U+FFFD"
        )
    text = data.decode("utf-8", errors="replace").removeprefix(_UTF8_BOM)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f"{source}: is empty")
    return text, warnings


def _text_article(text: str, source: str, warnings: list[str]) -> Article:
    return Article(text=text, source=source, title=_markdown_title(text), warnings=tuple(warnings))


def _markdown_title(text: str) -> str | None:
    """The first line's text when it is a markdown ``# `` heading; never guessed from prose."""
    first = text.lstrip("\n").split("\n", 1)[0].strip()
    if first.startswith("# "):
        return first[2:].strip().rstrip("#").strip() or None
    return None


def _parse_jsonl(text: str, source: str, warnings: list[str]) -> list[Article]:
    articles: list[Article] = []
    problems: list[str] = []
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        obj = _json_object(line)
        if obj is None:
            problems.append(f"{source}:{lineno}: skipped, not a JSON object")
            continue
        body = obj.get("text")
        if not isinstance(body, str) or not body.strip():
            problems.append(f'{source}:{lineno}: skipped, no "text" string')
            continue
        body, repaired = _clean_string(body)
        if repaired:
            problems.append(f"{source}:{lineno}: invalid characters replaced with U+FFFD")
        link = _field(obj, "url") or _field(obj, "source")
        articles.append(
            Article(
                text=body,
                source=link or f"{source}:{lineno}",
                title=_field(obj, "title"),
                date=_field(obj, "date"),
                external_id=_field(obj, "id"),
            )
        )
    if not articles:
        first = problems[0] if problems else f"{source}: no lines"
        raise InputError(f'{source}: no valid JSON lines with a "text" field ({first})')
    notes = warnings + problems
    if notes:
        articles[0] = _with_warnings(articles[0], notes)
    return articles


def _json_object(line: str) -> dict | None:
    try:
        obj = json.loads(line)
    except (ValueError, RecursionError):
        return None
    return obj if isinstance(obj, dict) else None


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


def _with_warnings(article: Article, warnings: list[str]) -> Article:
    return replace(article, warnings=(*warnings, *article.warnings))
