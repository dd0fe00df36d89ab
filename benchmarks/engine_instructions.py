"""Count the instructions the engine runs per article, here and at a git revision.

    python benchmarks/engine_instructions.py --base REV [CORPUS.jsonl] [--articles 200]

Wall-clock speed on a shared machine moves by a tenth from one run to the next;
an instruction count does not. Each engine runs under ``valgrind --tool=callgrind``
(which must be installed) twice in its own interpreter: once importing the engine
and extracting one short text, once also extracting ``--articles`` articles taken
evenly from the corpus. The difference is what those articles cost, without the
import; the ratio of the two engines' differences is their speed ratio as far as
instructions go (memory and caches aside). Hash randomisation is switched off so
that a run repeats exactly.

Instructions are not all alike: the regular expression engine's inner loops run
several a cycle, the interpreter's own far fewer. A change that trades regular
expression work for Python code moves the count more than the clock (``speed.py
--base REV --engine-only`` times both engines by the clock and by CPU time), so
``--by-function`` also prints the functions (the interpreter's and the regular
expression engine's, in C) whose counts differ most between the two engines.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpora" / "bbc-news-2005.jsonl"

_RUN = """
import json, sys
from quotecli.extract import extract
count = int(sys.argv[2])
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
step = max(1, len(texts) // count) if count else 1
extract("Warm up, he said.")
for text in texts[::step][:count]:
    extract(text)
"""
_COLLECTED = re.compile(r"Collected\s*:\s*(\d+)")


# A line of callgrind_annotate's listing: "1,234,567 (12.3%)  file:function [object]".
_FUNCTION_LINE = re.compile(r"^\s*([\d,]+)\s+(?:\([^)]*\)\s+)?\S*?:(\S+)")


def instructions(
    root: Path, corpus: Path, articles: int, by_function: Counter[str] | None = None
) -> int:
    """Instructions of one interpreter running the engine under ``root`` over ``articles``;
    ``by_function`` gets each function's own instructions added."""
    from engine_at import engine_env  # on the path once main() has put scripts/ there

    env = {**engine_env(root), "PYTHONHASHSEED": "0"}
    with tempfile.TemporaryDirectory(prefix="quotecli-callgrind-") as tmp:
        done = subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                f"--callgrind-out-file={Path(tmp) / 'out'}",
                sys.executable,
                "-c",
                _RUN,
                str(corpus),
                str(articles),
            ],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
        )
        found = _COLLECTED.search(done.stderr)
        if done.returncode != 0 or found is None:
            raise SystemExit(f"callgrind failed under {root}:\n{done.stderr[-2000:]}")
        if by_function is not None:
            listing = subprocess.run(
                ["callgrind_annotate", "--threshold=100", str(Path(tmp) / "out")],
                capture_output=True,
                text=True,
            ).stdout
            for line in listing.splitlines():
                if (row := _FUNCTION_LINE.match(line)) is not None:
                    by_function[row.group(2)] += int(row.group(1).replace(",", ""))
    return int(found.group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--base", required=True, help="git revision to compare against")
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument(
        "--by-function", action="store_true", help="also list the functions that differ most"
    )
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed")
    sys.path.insert(0, str(HERE.parent / "scripts"))
    from engine_at import describe, engine_source

    corpus = args.corpus.resolve()
    cost: dict[str, int] = {}
    functions: dict[str, Counter[str]] = {}
    with engine_source(args.base) as old, engine_source(None) as new:
        for side, root in (("base", old), ("tree", new)):
            # Each function's instructions over the articles: added by the long
            # run, taken away by the start-up run.
            own: Counter[str] = Counter()
            start = instructions(root, corpus, 0, own if args.by_function else None)
            over = Counter() if args.by_function else None
            cost[side] = instructions(root, corpus, args.articles, over) - start
            if over is not None:
                over.subtract(own)
                functions[side] = over
            print(
                f"{side}: {cost[side] / args.articles / 1e6:,.2f} million instructions an"
                f" article ({start / 1e6:,.0f} million to start)",
                file=sys.stderr,
            )
    label = f"{args.base} ({describe(args.base)})"
    print(f"{args.articles} articles of {corpus.name}, instructions an article:")
    print(f"  {label:<30} {cost['base'] / args.articles / 1e6:8.2f} million")
    print(f"  {'working tree':<30} {cost['tree'] / args.articles / 1e6:8.2f} million")
    print(f"  working tree / base: {cost['tree'] / cost['base']:.3f} (below 1 is faster)")
    if functions:
        base, tree = functions["base"], functions["tree"]
        names = sorted(set(base) | set(tree), key=lambda f: -abs(tree[f] - base[f]))
        print("Functions whose own instructions differ most, millions an article (base, tree):")
        for name in names[:25]:
            per = [n / args.articles / 1e6 for n in (base[name], tree[name])]
            print(f"  {per[0]:8.3f} {per[1]:8.3f} {per[1] - per[0]:+8.3f}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
