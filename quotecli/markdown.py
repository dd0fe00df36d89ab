"""Markdown articles as plain text, with their front matter as metadata.

Read as plain text, Markdown loses quotes: in ``**"A great day,"** said
council leader [Mary Smith](https://…)`` the asterisks hide the quotation
marks and the link's address looks like the quote. So a Markdown file is
parsed (CommonMark, by markdown-it-py) and its article is the text a reader
sees: emphasis and link markup gone, a link's words kept, block quotes and
list items without their markers, one blank line between blocks. That plain
text is what is stored, so every quote's offsets point into it.

YAML front matter (between ``---`` lines at the very top, as Jekyll, Hugo and
most static-site tools write it) gives the title, date and author.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


@dataclass(frozen=True)
class MarkdownText:
    """The plain text of a Markdown document and what its front matter says."""

    text: str
    title: str | None = None
    date: str | None = None
    author: str | None = None
    problem: str | None = None  # why the front matter was ignored, if it was


def plain_text(markdown: str) -> MarkdownText:
    """The article in ``markdown``: its plain text, title, date and author."""
    meta, body, problem = _front_matter(markdown)
    text, heading = _blocks(body)
    title = _string(meta.get("title")) or heading
    author = meta.get("author", meta.get("authors"))
    return MarkdownText(
        text=text,
        title=title,
        date=_string(meta.get("date")),
        author=_string(author),
        problem=problem,
    )


def _front_matter(markdown: str) -> tuple[dict[str, Any], str, str | None]:
    found = _FRONT_MATTER.match(markdown)
    if found is None:
        return {}, markdown, None
    body = markdown[found.end() :]
    import yaml

    try:
        meta = yaml.safe_load(found.group(1) or "")
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" (line {where.line + 2})" if where is not None else ""
        return {}, body, f"front matter is not valid YAML{line}; ignored"
    if meta is None:
        return {}, body, None
    if not isinstance(meta, dict):
        return {}, body, "front matter is not a set of fields; ignored"
    return {str(k).lower(): v for k, v in meta.items()}, body, None


def _string(value: Any) -> str | None:
    """A front-matter value as text: dates as ISO dates, lists of names joined."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (list, tuple)):
        names = [name for v in value if (name := _string(v))]
        return "; ".join(names) or None
    if isinstance(value, dict):
        return _string(value.get("name"))
    if hasattr(value, "isoformat"):
        return value.isoformat()
    text = " ".join(str(value).split())
    return text or None


def _blocks(body: str) -> tuple[str, str | None]:
    """The text of every block, blank-line separated; and the first level-one heading."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(body)
    blocks: list[str] = []
    heading: str | None = None
    for i, token in enumerate(tokens):
        if token.type == "inline":
            text = _inline(token.children or [])
            opener = tokens[i - 1] if i else None
            if heading is None and opener and opener.type == "heading_open" and opener.tag == "h1":
                heading = " ".join(text.split()) or None
            blocks.append(text)
        elif token.type in ("fence", "code_block"):
            blocks.append(token.content.rstrip("\n"))
    return "\n\n".join(b for b in blocks if b.strip()), heading


def _inline(children: list[Any]) -> str:
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type == "image":
            parts.append(_inline(child.children or []))
        # Markup (emphasis, links' addresses) and inline HTML tags add no words.
    return "".join(parts)
