"""Turn result rows into a Rich table or a machine-readable stream.

Every command prints through ``render()``, so all of them share the same formats:

- ``table``: a Rich table for people, as wide as the terminal; long cells wrap,
  nothing is cropped. On a narrow terminal a ``context`` column is left out
  when the quote itself is shown.
- ``tsv``: a header line, then one line per row. Inside a cell a backslash, tab,
  newline and carriage return are written as ``\\\\``, ``\\t``, ``\\n`` and ``\\r``,
  and any other control character as ``\\xHH``, so every row stays on one line,
  nothing is truncated and nothing reaches a terminal live.
- ``csv``: the same rows through Python's ``csv`` module (quoted where needed),
  control characters other than newline shown as in tables (``safe_text``).
- ``json``: one JSON list of objects.
- ``jsonl``: one JSON object per line. JSON escapes every control character.

Text from articles is written by their authors, or by whoever made the page: an
escape sequence inside it could clear the screen, set the clipboard (OSC 52)
or hide a link (OSC 8). ``safe_text`` is the one function that makes such text
harmless for people; tables, ``show``, warnings and errors all go through it.

The machine formats are a contract: fields keep their order and new ones are only
ever added at the end.

Rich is imported inside the functions that draw, so importing this module (and
starting the command line) stays fast.
"""

from __future__ import annotations

import csv
import json
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

FORMATS = ("table", "tsv", "csv", "json", "jsonl")

# Control characters as people see them: C0 controls (but newline and tab) and
# DEL as their Unicode control pictures (ESC as ␛, BEL as ␇), C1 controls (CSI
# is one) and the bidirectional overrides that can reorder a line as \xHH/\uHHHH.
_C1 = range(0x80, 0xA0)
_BIDI = (*range(0x202A, 0x202F), *range(0x2066, 0x206A))
_SAFE = {c: chr(0x2400 + c) for c in range(0x20) if c not in (0x09, 0x0A)}
_SAFE[0x7F] = "\u2421"
_SAFE.update({c: f"\\x{c:02x}" for c in _C1})
_SAFE.update({c: f"\\u{c:04x}" for c in _BIDI})
_TSV = {c: f"\\x{c:02x}" for c in (*range(0x20), 0x7F, *_C1)}
_TSV.update({ord("\\"): "\\\\", ord("\t"): "\\t", ord("\n"): "\\n", ord("\r"): "\\r"})
# JSON already escapes C0; DEL and C1 pass through it raw unless asked.
_JSON = {c: f"\\u{c:04x}" for c in (0x7F, *_C1)}


def safe_text(text: str) -> str:
    """``text`` with every control character made visible and harmless on a terminal."""
    return text.translate(_SAFE)


_PIECE = 16_384  # characters per write of a JSON document

# Friendlier table headers for a few keys; machine formats keep the keys themselves.
HEADERS = {
    "text": "quote",
    "article_id": "article id",
    "speaker_type": "type",
}

# Column layout for the table view. When a table is wider than the terminal,
# every column is capped at one common level times its weight, so the long prose
# columns (weight 3) keep most of the width and short ones keep their natural
# size; no column goes below its floor unless nothing else fits.
_NUMERIC = {
    "id",
    "article_id",
    "quotes",
    "articles",
    "start",
    "end",
    "score",
    "context_start",
    "context_end",
    "paragraph_start",
}
# A date cut in two is misread; it is short enough to keep whole.
_NO_WRAP = {"date"}
_WEIGHT = {"text": 3, "context": 3, "paragraph": 3, "diff": 3}
_FLOOR = {
    "text": 16,
    "context": 16,
    "paragraph": 16,
    "diff": 16,
    "speaker": 10,
    "article": 8,
    "role": 10,
    "aliases": 10,
    "cue": 10,
    "date": 10,
}
_DEFAULT_FLOOR = 8
# When even those floors do not fit, any column may shrink to this.
_LAST_RESORT_FLOOR = 5
# A short column's floor is its longest word up to this many characters.
_WORD_CAP = 14

# Cells longer than this make row separators worth their space.
_LONG_CELL = 40


def color_enabled(
    stream: TextIO, *, no_color: bool = False, environ: Mapping[str, str] | None = None
) -> bool:
    """Decide whether output on ``stream`` gets colour.

    ``--no-color`` and ``NO_COLOR`` always win; ``TERM=dumb`` means no colour;
    ``FORCE_COLOR`` turns it on even in a pipe; otherwise colour only on a terminal.
    """
    env = os.environ if environ is None else environ
    if no_color or env.get("NO_COLOR"):
        return False
    if env.get("TERM") == "dumb":
        return False
    if env.get("FORCE_COLOR") not in (None, "", "0"):
        return True
    return _isatty(stream)


def make_console(file: TextIO, *, color: bool) -> Console:
    """Build a Rich console for ``file`` now, with the colour decision already made.

    Consoles are never created at import time: a module-level console would freeze
    its colour and width choice before the command line has been parsed.
    """
    from rich.console import Console

    return Console(
        file=file,
        color_system="auto" if color else None,
        # Off a terminal, our decision stands (FORCE_COLOR included); on one, let Rich
        # measure it.
        force_terminal=None if _isatty(file) else color,
        no_color=not color,
        highlight=False,
        emoji=False,
        markup=False,
    )


def render(
    rows: Sequence[Mapping[str, Any]],
    columns: Sequence[str],
    fmt: str,
    *,
    out: TextIO,
    color: bool,
    title: str | None = None,
    caption: str | None = None,
) -> None:
    """Write ``rows`` to ``out`` as ``fmt``, showing ``columns`` in that order.

    ``columns`` may be empty to mean every key of the first row. A key missing
    from a row is shown as an empty cell (``null`` in JSON). ``title`` and
    ``caption`` (a line under the table) are for tables only.
    """
    cols = list(columns) if columns else (list(rows[0].keys()) if rows else [])
    if fmt == "table":
        _render_table(rows, cols, out=out, color=color, title=title, caption=caption)
    elif fmt == "tsv":
        _render_tsv(rows, cols, out)
    elif fmt == "csv":
        _render_csv(rows, cols, out)
    elif fmt == "json":
        data = [{c: row.get(c) for c in cols} for row in rows]
        text = json.dumps(data, ensure_ascii=False, indent=2).translate(_JSON) + "\n"
        # In pieces: a reader that leaves during one huge write makes Python
        # drop the rest without an error, and the run would look complete.
        for at in range(0, len(text), _PIECE):
            out.write(text[at : at + _PIECE])
    elif fmt == "jsonl":
        for row in rows:
            line = json.dumps({c: row.get(c) for c in cols}, ensure_ascii=False)
            out.write(line.translate(_JSON) + "\n")
    else:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")


def render_quote(row: Mapping[str, Any], *, out: TextIO, color: bool) -> None:
    """Show one quote for a person: its paragraph with the quote highlighted, then every field.

    ``row`` is a quote row with ``paragraph`` and ``paragraph_start`` (see
    ``search.get_quote``); ``start``/``end`` are offsets into the article.
    """
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    console = make_console(out, color=color)
    # One character for one: the offsets below still point into the paragraph.
    paragraph = _one_for_one(row.get("paragraph") or row.get("context") or "")
    offset = row.get("paragraph_start") or 0
    # An interrupted quotation is highlighted in its parts, its attribution left plain.
    spans = row.get("parts") or [(row.get("start") or 0, row.get("end") or 0)]
    body = Text()
    done = 0
    for span_start, span_end in spans:
        start = max(done, span_start - offset)
        end = min(len(paragraph), span_end - offset)
        if not start < end:
            continue
        body.append(paragraph[done:start])
        if color:
            body.append(paragraph[start:end], style="bold black on yellow")
        else:
            # Without colour the highlight would vanish: mark the span instead.
            body.append("**" + paragraph[start:end] + "**")
        done = end
    body.append(paragraph[done:])

    speaker = safe_text(row.get("speaker") or "unattributed")
    heading = f"Quote {row.get('id')}: {speaker}"
    if row.get("kind"):
        heading += f" ({row['kind']})"
    console.print(
        Panel(
            body,
            title=Text(heading),
            title_align="left",
            subtitle=Text(safe_text(str(row.get("article") or ""))),
            subtitle_align="right",
        )
    )

    fields = Table.grid(padding=(0, 2))
    fields.add_column(style="bold", no_wrap=True)
    fields.add_column(overflow="fold")
    for key, value in row.items():
        if key == "paragraph":
            continue
        fields.add_row(Text(key), Text(_display(value)))
    console.print(fields)


def _render_table(
    rows: Sequence[Mapping[str, Any]],
    cols: list[str],
    *,
    out: TextIO,
    color: bool,
    title: str | None,
    caption: str | None = None,
) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    console = make_console(out, color=color)
    cells = [[_display(row.get(c)) for c in cols] for row in rows]
    width = console.width

    def fit() -> list[int] | None:
        return _fit_widths(cols, cells, width, whole_words=True) or _fit_widths(cols, cells, width)

    natural = _natural_widths(cols, cells)
    if sum(natural) <= _room(width, cols):
        widths: list[int] | None = natural
    else:
        # A column blank in every row (no article has a date, say) tells nothing,
        # and a table that must shrink has no room to spare for it.
        keep = [i for i in range(len(cols)) if any(line[i].strip() for line in cells)]
        if 0 < len(keep) < len(cols):
            cols = [cols[i] for i in keep]
            cells = [[line[i] for i in keep] for line in cells]
        widths = fit()
    if widths is None and "context" in cols and "text" in cols:
        # The context sentence repeats the quote; on a narrow terminal the quote
        # itself is worth more than both squeezed into slivers.
        keep = [i for i, c in enumerate(cols) if c != "context"]
        cols = [cols[i] for i in keep]
        cells = [[line[i] for i in keep] for line in cells]
        widths = fit()
    if widths is None:
        widths = _fit_widths(cols, cells, width, last_resort=True)
    long_cells = any(len(cell) > _LONG_CELL for line in cells for cell in line)
    table = Table(
        title=Text(safe_text(title)) if title else None,
        caption=Text(safe_text(caption)) if caption else None,
        box=box.ROUNDED if long_cells else box.SIMPLE_HEAD,
        show_lines=long_cells,
        header_style="bold",
    )
    for i, col in enumerate(cols):
        numeric = col in _NUMERIC
        table.add_column(
            _header(col),
            justify="right" if numeric else "left",
            no_wrap=numeric or col in _NO_WRAP,
            # fold rather than crop: a table must never lose data
            overflow="fold",
            width=widths[i] if widths else None,
            style=_column_style(col) if color else None,
        )
    for line in cells:
        table.add_row(*(_cell(col, cell, color) for col, cell in zip(cols, line, strict=True)))
    console.print(table)


def _one_for_one(text: str) -> str:
    """Like safe_text, but every character stays one character (offsets are kept)."""
    return "".join(
        "\ufffd" if ord(ch) in _SAFE and len(_SAFE[ord(ch)]) > 1 else _SAFE.get(ord(ch), ch)
        for ch in text
    )


# A word diff marks what a text adds as {+…+} and what it leaves out as [-…-].
_DIFF_MARK = re.compile(r"\[-(.*?)-\]|\{\+(.*?)\+\}", re.DOTALL)


def _cell(col: str, cell: str, color: bool) -> Text:
    """A table cell; a word diff keeps its marks and, in colour, shows them in red and green."""
    from rich.text import Text

    if col != "diff" or not color:
        return Text(cell)
    text = Text()
    done = 0
    for m in _DIFF_MARK.finditer(cell):
        text.append(cell[done : m.start()])
        style = "bold red strike" if m[1] is not None else "bold green underline"
        text.append(m[0], style=style)
        done = m.end()
    text.append(cell[done:])
    return text


def _header(col: str) -> str:
    return HEADERS.get(col, col.replace("_", " "))


def _fit_widths(
    cols: list[str],
    cells: list[list[str]],
    width: int,
    *,
    last_resort: bool = False,
    whole_words: bool = False,
) -> list[int] | None:
    """Content widths for a table ``width`` characters wide, or None if it cannot fit."""
    available = _room(width, cols)
    natural = _natural_widths(cols, cells)
    if sum(natural) <= available:
        return natural
    # With ``whole_words``, a short column (a name, a kind, a cue) keeps its
    # longest word whole, up to a cap: split inside a word ("Greensp|an",
    # "indirec|t") it is misread. Prose columns wrap between words anyway.
    floors = [
        min(
            n,
            _LAST_RESORT_FLOOR
            if last_resort
            else max(
                _FLOOR.get(c, _DEFAULT_FLOOR),
                min(_WORD_CAP, _longest_word(line[i] for line in cells))
                if whole_words and c not in _WEIGHT
                else 0,
            ),
        )
        for i, (c, n) in enumerate(zip(cols, natural, strict=True))
    ]
    if sum(floors) > available:
        return None
    weights = [_WEIGHT.get(c, 1) for c in cols]
    columns = list(zip(natural, floors, weights, strict=True))

    def widths_at(level: float) -> list[int]:
        return [max(f, min(n, int(level * w))) for n, f, w in columns]

    # The highest level that fits; the total width only grows with the level.
    low, high = 0.0, float(max(natural))
    for _ in range(40):
        mid = (low + high) / 2
        if sum(widths_at(mid)) <= available:
            low = mid
        else:
            high = mid
    widths = widths_at(low)
    # Hand the rounding remainder to the heaviest columns that still want it.
    spare = available - sum(widths)
    for i in sorted(range(len(cols)), key=lambda i: -weights[i]):
        extra = min(spare, natural[i] - widths[i])
        if extra > 0:
            widths[i] += extra
            spare -= extra
    return widths


def _room(width: int, cols: Sequence[str]) -> int:
    """Characters left for cells: borders take one rule per column plus one, and
    padding a space either side of each cell."""
    return width - (3 * len(cols) + 1)


def _natural_widths(cols: Sequence[str], cells: list[list[str]]) -> list[int]:
    """Each column's width with nothing wrapped."""
    from rich.cells import cell_len

    return [
        max([cell_len(_header(c))] + [max(map(cell_len, line[i].split("\n"))) for line in cells])
        for i, c in enumerate(cols)
    ]


def _longest_word(cells: Iterable[str]) -> int:
    from rich.cells import cell_len

    return max((cell_len(word) for cell in cells for word in cell.split()), default=0)


def _column_style(col: str) -> str | None:
    return {"speaker": "bold cyan", "kind": "magenta", "id": "dim", "cue": "green"}.get(col)


def _render_tsv(rows: Sequence[Mapping[str, Any]], cols: list[str], out: TextIO) -> None:
    out.write("\t".join(_tsv_escape(c) for c in cols) + "\n")
    for row in rows:
        out.write("\t".join(_tsv_escape(_plain(row.get(c))) for c in cols) + "\n")


def _render_csv(rows: Sequence[Mapping[str, Any]], cols: list[str], out: TextIO) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(cols)
    for row in rows:
        writer.writerow([safe_text(_plain(row.get(c))) for c in cols])


def _tsv_escape(text: str) -> str:
    return text.translate(_TSV)


def _plain(value: Any) -> str:
    """A cell for TSV/CSV: the exact value, nothing rounded or shortened."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _display(value: Any) -> str:
    """A cell for people: scores rounded, lists joined, control characters made harmless."""
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, (list, tuple)):
        return safe_text("; ".join(str(v) for v in value))
    return safe_text(_plain(value))


# C0 and C1 control characters and DEL: an escape sequence in an article's
# title must not move the cursor or recolour the terminal it is printed on.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """``text`` for a message on a terminal: control characters written as escapes (``\\x1b``)."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m[0]):02x}", text)


def _isatty(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())
