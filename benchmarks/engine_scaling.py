"""How the engine's time grows with its input: each shape doubled, with the ratios.

    python benchmarks/engine_scaling.py [--doublings 4] [--scale 1.0] [--budget 30]
                                        [--shape NAME ...] [--corpus CORPUS.jsonl]

For each shape of text (phrases repeated that once made the engine quadratic, and
real BBC articles from ../shared/corpora/bbc-news-2005.jsonl joined into one
document), builds a text of the shape's starting size times ``--scale``, doubles it
``--doublings`` times and prints the seconds ``extract()`` takes on each and the
ratio to the size before. A linear engine gives ratios near 2. A shape stops
doubling once one run takes longer than ``--budget`` seconds.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpora" / "bbc-news-2005.jsonl"


def repeated(phrase: str) -> Callable[[int, Path], str]:
    def build(size: int, _corpus: Path) -> str:
        return (phrase * (size // len(phrase) + 1))[:size]

    return build


def joined_articles(size: int, corpus: Path) -> str:
    parts: list[str] = []
    total = 0
    while total < size:
        with corpus.open(encoding="utf-8") as lines:
            for line in lines:
                text = json.loads(line)["text"]
                parts.append(text)
                total += len(text) + 2
                if total >= size:
                    break
    return "\n\n".join(parts)


# name -> (builder, starting size in characters)
SHAPES: dict[str, tuple[Callable[[int, Path], str], int]] = {
    "said": (repeated("said "), 2_000),
    "fine-he-said": (repeated('"Fine," he said. '), 10_000),
    "according-to": (repeated("according to "), 10_000),
    # Full stops with no capital after them: the sentence-end pattern.
    "dots": (repeated("."), 5_000),
    "curly-quotes": (repeated("“a” "), 5_000),
    "saying": (repeated(", saying "), 5_000),
    "bbc-joined": (joined_articles, 320_000),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--doublings", type=int, default=4)
    parser.add_argument("--scale", type=float, default=1.0, help="multiply starting sizes")
    parser.add_argument("--budget", type=float, default=30.0, help="seconds before a shape stops")
    parser.add_argument("--shape", action="append", choices=sorted(SHAPES), help="only these")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()

    from quotecli.extract import extract

    extract("“Warm up,” she said.")
    print(f"{'shape':<15} {'chars':>10} {'seconds':>9} {'ratio':>6}")
    worst = 0.0
    for name in args.shape or SHAPES:
        build, start = SHAPES[name]
        size = max(1, int(start * args.scale))
        previous = None
        for _ in range(args.doublings + 1):
            text = build(size, args.corpus)
            started = time.perf_counter()
            extract(text)
            took = time.perf_counter() - started
            ratio = took / previous if previous else None
            if ratio is not None and previous >= 0.05:  # tinier times are all noise
                worst = max(worst, ratio)
            shown = f"{ratio:6.2f}" if ratio is not None else ""
            print(f"{name:<15} {len(text):>10,} {took:>9.3f} {shown:>6}", flush=True)
            previous = took
            if took > args.budget:
                break
            size *= 2
    print(f"worst ratio per doubling (runs over 0.05 s): {worst:.2f}", file=sys.stderr)


if __name__ == "__main__":
    main()
