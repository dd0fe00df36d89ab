"""Time every pass on hostile input as the input doubles, and print the ratios.

    python benchmarks/hostile.py [CORPUS.jsonl] [--full] [--budget SECONDS] [--only NAME] [--no-gc]

CORPUS defaults to ../shared/corpora/bbc-news-2005.jsonl (2,225 BBC articles).
Each shape is run at a base size and then doubled four times; the table gives
the seconds for each size and the ratio to the size before. A pass that is
linear in its input shows ratios near 2 (the target is at most 2.3 for every
doubling); a quadratic one shows 4. Shapes:

- engine shapes, timed on ``quotecli.extract.extract`` (whatever engine is
  installed): "said " repeated; '"Fine," he said. ' repeated; "according to "
  repeated; dots with no capital after them ("." repeated); "U.S. " repeated (an
  abbreviation that ends no sentence); a repeated sentence whose name is looked
  up across the text ("May said", "Downing Street said", "the Dutchman said");
  real BBC articles joined into one document, as they
  are and hard-wrapped at 72 columns;
- reading and indexing: N BBC articles read from JSONL and indexed in this
  process (one worker), into a new database each time;
- who-said with k words the index has never seen (k up to the query limit),
  on an index of the BBC corpus;
- the size limit: how long a 50 MB article takes to be refused.

``--no-gc`` runs with the garbage collector off: a shape that doubles by more
than 2.3 only with the collector on grows because the collector walks a bigger
heap each time, not because a pass does more work per word.

The default run is short: small sizes, and a shape stops doubling once one
run takes longer than ``--budget`` seconds (default 5). ``--full`` uses the
sizes the problems were first reported at and a 120 s budget.
A run under a quarter of a second is repeated for 0.2 s, and the best of three
such rounds is kept.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpora" / "bbc-news-2005.jsonl"
DOUBLINGS = 4
TARGET_RATIO = 2.3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--full", action="store_true", help="the sizes first reported")
    parser.add_argument("--budget", type=float, help="seconds a run may take before a shape stops")
    parser.add_argument("--only", help="run only the shapes whose name contains this")
    parser.add_argument(
        "--no-gc",
        action="store_true",
        help="switch the garbage collector off, to tell its share of a growth from the passes'",
    )
    args = parser.parse_args()
    if args.no_gc:
        gc.disable()
    budget = args.budget or (120.0 if args.full else 5.0)
    texts = [json.loads(line)["text"] for line in args.corpus.open(encoding="utf-8")]

    from quotecli.extract import extract

    def engine(unit: str) -> Callable[[int], float]:
        def once(size: int) -> float:
            text = unit * max(1, size // len(unit))
            return _timed(lambda: extract(text))

        return once

    def joined(size: int) -> float:
        text = _joined(texts, size)
        return _timed(lambda: extract(text))

    def wrapped(size: int) -> float:
        # Plain-text archives: every paragraph broken at 72 columns.
        text = _wrapped(_joined(texts, size))
        return _timed(lambda: extract(text))

    full = args.full
    shapes: list[tuple[str, str, int, Callable[[int], float]]] = [
        ('"said " repeated', "bytes", 8_000 if full else 500, engine("said ")),
        (
            '"Fine," he said. repeated',
            "bytes",
            20_000 if full else 2_000,
            engine('"Fine," he said. '),
        ),
        ('"according to " repeated', "bytes", 20_000 if full else 2_000, engine("according to ")),
        ("dots, no capital after", "bytes", 4_000 if full else 1_000, engine(".")),
        ('"U.S. " repeated', "bytes", 8_000 if full else 1_000, engine("U.S. ")),
        # A name the engine looks up across the whole text: a month that may be a
        # surname ("May said"), a run opening with an -ing word ("Downing Street").
        (
            '"It is loud," May said. repeated',
            "bytes",
            20_000 if full else 2_000,
            engine('"It is loud," May said. '),
        ),
        (
            "Downing Street said so. repeated",
            "bytes",
            20_000 if full else 2_000,
            engine("Downing Street said so. "),
        ),
        (
            '"Fine," the Dutchman said. repeated',
            "bytes",
            20_000 if full else 2_000,
            engine('"Fine," the Dutchman said. '),
        ),
        ("BBC articles joined", "bytes", 320_000 if full else 40_000, joined),
        ("BBC joined, wrapped at 72", "bytes", 320_000 if full else 40_000, wrapped),
        ("index N BBC articles", "articles", 140 if full else 35, _indexing(texts)),
        ("who-said, k unknown words", "words", 4, _queries(texts)),
    ]
    print(
        f"{len(texts):,} articles in {args.corpus.name}; {os.cpu_count()} cores, "
        f"load {_load()}; budget {budget:g} s a run",
        file=sys.stderr,
    )
    print(f"{'shape':<28} {'size':>18} {'seconds':>9} {'ratio':>6}")
    worst: list[tuple[str, float]] = []
    for name, unit, base, measure in shapes:
        if args.only and args.only.lower() not in name.lower():
            continue
        previous = None
        ratios = []
        for step in range(DOUBLINGS + 1):
            size = base * 2**step
            seconds = measure(size)
            ratio = seconds / previous if previous else None
            if ratio is not None:
                ratios.append(ratio)
            mark = "" if ratio is None or ratio <= TARGET_RATIO else "  over 2.3"
            shown = f"{ratio:6.2f}" if ratio is not None else f"{'':>6}"
            print(f"{name:<28} {size:>9,} {unit:<8} {seconds:9.4f} {shown}{mark}", flush=True)
            previous = seconds
            if seconds > budget and step < DOUBLINGS:
                print(f"{name:<28} stopped: {seconds:.1f} s is over the {budget:g} s budget")
                break
        if ratios:
            worst.append((name, max(ratios)))
    if not args.only or "50 mb" in args.only.lower():
        print(f"{'50 MB article refused in':<28} {_refusal(50_000_000):9.3f} s")
    print()
    for name, ratio in worst:
        verdict = "ok" if ratio <= TARGET_RATIO else "OVER"
        print(f"worst doubling, {name:<28} {ratio:5.2f}  {verdict}")
    print(f"load after the run: {_load()}", file=sys.stderr)


def _timed(work: Callable[[], object]) -> float:
    """Seconds for one run; a short run is repeated for 0.2 s, best of three such rounds."""
    began = time.perf_counter()
    work()
    seconds = time.perf_counter() - began
    if seconds < 0.25:
        runs = max(1, int(0.2 / max(seconds, 1e-5)))
        for _ in range(3):
            began = time.perf_counter()
            for _ in range(runs):
                work()
            seconds = min(seconds, (time.perf_counter() - began) / runs)
    return seconds


def _joined(texts: list[str], size: int) -> str:
    parts: list[str] = []
    total = 0
    while total < size:
        for text in texts:
            parts.append(text)
            total += len(text) + 2
            if total >= size:
                break
    return "\n\n".join(parts)[:size]


def _wrapped(text: str) -> str:
    return "\n\n".join(
        textwrap.fill(paragraph, 72, break_long_words=False, break_on_hyphens=False)
        for paragraph in text.split("\n\n")
    )


def _indexing(texts: list[str]) -> Callable[[int], float]:
    from quotecli.documents import Reader
    from quotecli.indexing import index_articles
    from quotecli.store import Store

    def once(count: int) -> float:
        with tempfile.TemporaryDirectory(prefix="quotecli-hostile-") as work:
            feed = Path(work) / "feed.jsonl"
            rows = (texts * (count // len(texts) + 1))[:count]
            with feed.open("w", encoding="utf-8") as out:
                for n, text in enumerate(rows):
                    # A different last line for each copy, so no text is a duplicate.
                    out.write(json.dumps({"id": n, "text": f"{text}\n\n(copy {n})"}) + "\n")
            began = time.perf_counter()
            with Store(Path(work) / "index.db") as store:
                index_articles(store, Reader([str(feed)]), jobs=1)
            return time.perf_counter() - began

    return once


def _queries(texts: list[str]) -> Callable[[int], float]:
    from quotecli.documents import Reader
    from quotecli.indexing import index_articles
    from quotecli.search import who_said
    from quotecli.store import Store

    work = tempfile.mkdtemp(prefix="quotecli-hostile-")
    feed = Path(work) / "feed.jsonl"
    with feed.open("w", encoding="utf-8") as out:
        for n, text in enumerate(texts[:400]):
            out.write(json.dumps({"id": n, "text": text}) + "\n")
    store = Store(Path(work) / "index.db")
    index_articles(store, Reader([str(feed)]), jobs=1)

    def once(k: int) -> float:
        query = " ".join(f"zqx{n}vw" for n in range(k))
        return _timed(lambda: who_said(store, query))

    return once


def _refusal(size: int) -> float:
    from quotecli.documents import Reader
    from quotecli.errors import InputError

    with tempfile.TemporaryDirectory(prefix="quotecli-hostile-") as work:
        big = Path(work) / "big.txt"
        with big.open("w", encoding="utf-8") as out:
            line = "The mayor said the road would be mended. " * 25 + "\n"
            for _ in range(size // len(line) + 1):
                out.write(line)
        began = time.perf_counter()
        try:
            list(Reader([str(big)]))
        except InputError as exc:
            print(f"  {exc}", file=sys.stderr)
        return time.perf_counter() - began


def _load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


if __name__ == "__main__":
    main()
