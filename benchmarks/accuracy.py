"""Measure the extraction engine against human-annotated news.

    python benchmarks/accuracy.py ../shared/eval/polnear-dev.jsonl [--out PRED.jsonl]

Runs ``quotecli.extract`` over every article's text, writes predictions in the
scorer's format and prints the scorer's figures for each kind of quote, the
engine's speed in words per second, and how the seed article fares.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from quotecli.extract import extract

HERE = Path(__file__).resolve().parent
DEFAULT_SCORER = HERE.parent.parent / "shared" / "eval" / "score.py"

RUNS = (
    ("direct", ["--kind", "direct"]),
    ("mixed", ["--kind", "mixed"]),
    ("indirect, verbs of saying", ["--kind", "indirect", "--cues", "speech"]),
    ("all kinds, verbs of saying", ["--kind", "all", "--cues", "speech"]),
)


def predict(gold_path: Path, out_path: Path) -> tuple[int, float]:
    words = 0
    elapsed = 0.0
    with gold_path.open(encoding="utf-8") as gold, out_path.open("w", encoding="utf-8") as out:
        for line in gold:
            doc = json.loads(line)
            text = doc["text"]
            words += len(text.split())
            started = time.perf_counter()
            extraction = extract(text)
            elapsed += time.perf_counter() - started
            # The annotators mark each part of an interrupted quotation on its own.
            quotes = [
                {"start": start, "end": end, "speaker": q.speaker, "kind": q.kind}
                for q in extraction.quotes
                for start, end in q.parts or [(q.start, q.end)]
            ]
            out.write(json.dumps({"id": doc["id"], "quotes": quotes}) + "\n")
    return words, elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp()) / "pred.jsonl"
    words, elapsed = predict(args.gold, out)
    print(f"{words:,} words in {elapsed:.2f} s: {words / elapsed:,.0f} words/s on one core")
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
