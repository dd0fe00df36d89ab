"""How many quotes the engine still finds when articles are hard-wrapped.

    python benchmarks/wrapped.py [CORPUS.jsonl] [--width 72] [--base main] [--limit N]

CORPUS defaults to ../shared/corpora/bbc-news-2005.jsonl. Every article is
wrapped at ``--width`` columns (each line filled the way ``textwrap`` and ``fmt``
do, the line breaks already there kept, no word broken). The engine
reads both the article and its wrapped copy; a quote found in the article counts
as recalled when the wrapped copy gives a quote at the same words (offsets mapped
from one text to the other), and as recalled with its speaker when the kind and
speaker agree too. The figures are printed for the working tree and for the engine
at ``--base`` (each engine compared with its own output on the unwrapped text),
in one run, for all quotes and for those the wrapping broke over a line.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import textwrap
from bisect import bisect_left
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpora" / "bbc-news-2005.jsonl"

# Runs inside each engine's own interpreter: one JSON line of quotes per text.
WORKER = """
import json, sys
from quotecli.extract import extract
with open(sys.argv[1], encoding="utf-8") as texts, open(sys.argv[2], "w") as out:
    for line in texts:
        found = extract(json.loads(line)).quotes
        out.write(json.dumps([[q.start, q.end, q.kind, q.speaker] for q in found]) + "\\n")
"""


def wrap(text: str, width: int) -> str:
    """``text`` with each of its lines hard-wrapped at ``width`` columns.

    The line breaks already there (blank lines between paragraphs, or single
    ones) are kept as they are: only the wrapping is measured.
    """
    pieces = re.split(r"(\s*\n\s*)", text)
    for i in range(0, len(pieces), 2):
        if pieces[i].strip():
            pieces[i] = textwrap.fill(
                pieces[i], width, break_long_words=False, break_on_hyphens=False
            )
    return "".join(pieces)


class Aligned:
    """Offsets of one text mapped onto another with the same characters but white space."""

    def __init__(self, original: str, wrapped: str) -> None:
        self.ours = [i for i, c in enumerate(original) if not c.isspace()]
        self.theirs = [i for i, c in enumerate(wrapped) if not c.isspace()]
        if len(self.ours) != len(self.theirs):
            raise SystemExit("wrapping changed more than white space")

    def span(self, start: int, end: int) -> tuple[int, int]:
        """text[start:end], trimmed of white space, as offsets into the wrapped text."""
        first = bisect_left(self.ours, start)
        last = bisect_left(self.ours, end) - 1
        if first >= len(self.theirs) or last < first:
            return start, end
        return self.theirs[first], self.theirs[last] + 1


def run(rev: str | None, texts: Path, out: Path) -> list[list]:
    sys.path.insert(0, str(HERE.parent / "scripts"))
    from engine_at import engine_source, run_engine

    with engine_source(rev) as root:
        run_engine(root, WORKER, str(texts), str(out))
    return [json.loads(line) for line in out.open(encoding="utf-8")]


def recall(originals: list[str], wrapped: list[str], plain: list[list], folded: list[list]):
    """(quotes, found, found with kind and speaker) over all quotes and over broken ones."""
    counts = {"all": [0, 0, 0], "broken": [0, 0, 0]}
    for text, other, before, after in zip(originals, wrapped, plain, folded, strict=True):
        aligned = Aligned(text, other)
        # A span may carry two claims (a quotation and the reported clause it ends).
        found: dict[tuple[int, int], list[tuple]] = {}
        for s, e, kind, speaker in after:
            found.setdefault(_trim(other, s, e), []).append((kind, speaker))
        for start, end, kind, speaker in before:
            s, e = aligned.span(start, end)
            groups = ["all"] + (["broken"] if "\n" in other[s:e] else [])
            for group in groups:
                counts[group][0] += 1
                if (s, e) in found:
                    counts[group][1] += 1
                    counts[group][2] += (kind, speaker) in found[s, e]
    return counts


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--width", type=int, default=72)
    parser.add_argument("--base", default="main", help="the engine to compare with")
    parser.add_argument("--limit", type=int, help="only the first N articles")
    args = parser.parse_args()
    lines = args.corpus.resolve().open(encoding="utf-8")
    originals = [json.loads(line)["text"] for line in lines if line.strip()]
    originals = originals[: args.limit]
    wrapped = [wrap(text, args.width) for text in originals]
    print(f"{len(originals):,} articles from {args.corpus.name}, wrapped at {args.width} columns")
    rows = []
    with tempfile.TemporaryDirectory(prefix="quotecli-wrapped-") as tmp:
        for name, texts in (("plain", originals), ("wrapped", wrapped)):
            path = Path(tmp) / f"{name}.jsonl"
            path.write_text("".join(json.dumps(t) + "\n" for t in texts), encoding="utf-8")
        for label, rev in ((f"engine at {args.base}", args.base), ("working tree", None)):
            plain = run(rev, Path(tmp) / "plain.jsonl", Path(tmp) / "plain.out")
            folded = run(rev, Path(tmp) / "wrapped.jsonl", Path(tmp) / "wrapped.out")
            counts = recall(originals, wrapped, plain, folded)
            for group, (total, found, same) in counts.items():
                rows.append((label, group, total, found, same))
    print(f"{'engine':<22} {'quotes':<8} {'count':>7} {'found':>7} {'recall':>7} {'+speaker':>9}")
    for label, group, total, found, same in rows:
        share = found / total if total else 0.0
        agree = same / total if total else 0.0
        print(f"{label:<22} {group:<8} {total:>7,} {found:>7,} {share:>7.4f} {agree:>9.4f}")
    print(
        "(quotes: all of those found in the unwrapped articles; broken: those the"
        " wrapping broke over a line)"
    )


if __name__ == "__main__":
    main()
