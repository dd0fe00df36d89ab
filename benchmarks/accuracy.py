"""Measure the extraction engine against human-annotated news.

    python benchmarks/accuracy.py ../shared/eval/polnear-dev.jsonl [--out PRED.jsonl]

Runs ``quotecli.extract`` over every article's text, writes predictions in the
scorer's format and prints the scorer's figures for each kind of quote, the
engine's speed in words per second, how many quotes are left without a speaker
although a person is named in their sentence or the one before, and how the
seed article fares.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from quotecli.extract import extract
from quotecli.extract.document import parse
from quotecli.extract.mentions import find_mentions
from quotecli.model import PERSON, Quote

HERE = Path(__file__).resolve().parent
DEFAULT_SCORER = HERE.parent.parent / "shared" / "eval" / "score.py"

RUNS = (
    ("direct", ["--kind", "direct"]),
    ("mixed", ["--kind", "mixed"]),
    ("indirect, verbs of saying", ["--kind", "indirect", "--cues", "speech"]),
    ("all kinds, verbs of saying", ["--kind", "all", "--cues", "speech"]),
)


def unnamed_near_names(text: str, quotes: Sequence[Quote]) -> list[tuple[Quote, str]]:
    """The quotes left without a speaker although a person is named in their
    sentence or the one before (outside the quoted words), with that name."""
    if all(q.speaker is not None for q in quotes):
        return []
    doc = parse(text)
    starts = frozenset(s.start for s in doc.sentences)
    mentions = [m for m in find_mentions(text, starts) if m.type == PERSON]
    found = []
    for q in quotes:
        if q.speaker is not None or not doc.sentences:
            continue
        index = doc.sentence_index(q.start)
        start = doc.sentences[max(0, index - 1)].start
        end = doc.sentences[index].end
        for m in mentions:
            if start <= m.start and m.end <= end and (m.end <= q.start or m.start >= q.end):
                found.append((q, m.name))
                break
    return found


def predict(
    gold_path: Path, out_path: Path, unattributed: list[tuple[str, Quote, str]]
) -> tuple[int, float, int]:
    """Write the engine's predictions; return the words read, the seconds the
    engine took and the quotes it found. ``unattributed`` gets each quote left
    without a speaker although a person is named next to it."""
    words = found = 0
    elapsed = 0.0
    with gold_path.open(encoding="utf-8") as gold, out_path.open("w", encoding="utf-8") as out:
        for line in gold:
            doc = json.loads(line)
            text = doc["text"]
            words += len(text.split())
            started = time.perf_counter()
            extraction = extract(text)
            elapsed += time.perf_counter() - started
            found += len(extraction.quotes)
            # The annotators mark each part of an interrupted quotation on its own.
            quotes = [
                {"start": start, "end": end, "speaker": q.speaker, "kind": q.kind}
                for q in extraction.quotes
                for start, end in q.parts or [(q.start, q.end)]
            ]
            out.write(json.dumps({"id": doc["id"], "quotes": quotes}) + "\n")
            for q, name in unnamed_near_names(text, extraction.quotes):
                unattributed.append((doc["id"], q, name))
    return words, elapsed, found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    parser.add_argument(
        "--unattributed",
        action="store_true",
        help="list the quotes left without a speaker although a person is named next to them",
    )
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp()) / "pred.jsonl"
    unattributed: list[tuple[str, Quote, str]] = []
    words, elapsed, found = predict(args.gold, out, unattributed)
    print(f"{words:,} words in {elapsed:.2f} s: {words / elapsed:,.0f} words/s on one core")
    print(
        f"{len(unattributed)} of {found:,} quotes without a speaker although a person is named"
        " in their sentence or the one before (--unattributed lists them)"
    )
    if args.unattributed:
        for doc_id, q, name in unattributed:
            text = q.text if len(q.text) <= 70 else q.text[:67] + "..."
            print(f"  {doc_id} {q.start}: {q.kind} {text!r} (named: {name})")
    for label, flags in RUNS:
        result = subprocess.run(
            [sys.executable, str(args.scorer), str(args.gold), str(out), *flags],
            capture_output=True,
            text=True,
            check=True,
        )
        print(f"\n== {label}\n{result.stdout.strip()}")
    print_seed()
    return 0


def print_seed() -> None:
    """Every quote and claim found in the bundled seed article, with its speaker."""
    seed = HERE.parent / "seeds" / "munich-ukraine-talks.txt"
    quotes = extract(seed.read_text(encoding="utf-8")).quotes
    print(f"\n== the seed article: {len(quotes)} quotes and claims")
    for q in quotes:
        text = q.text if len(q.text) <= 70 else q.text[:67] + "..."
        print(f"{q.kind:<9} {q.speaker or '(unknown)':<20} {q.cue or '':<12} {text}")


if __name__ == "__main__":
    sys.exit(main())
