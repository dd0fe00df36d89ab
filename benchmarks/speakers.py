"""Speakers of an archive as a journalist reads them, and how fast their names complete.

    python benchmarks/speakers.py [CORPUS.jsonl] [--db PATH] [--top 100] [--runs 20]

CORPUS defaults to ../shared/corpora/bbc-news-2005.jsonl. Without --db the
corpus is indexed into a temporary database first. The script prints:

- TAB completion of `list --speaker` from the index, timed as whole
  `quotecli` processes (what the shell starts on every TAB), for a few prefixes;
- which speakers `list --speaker` finds for several forms of one name;
- the --top most quoted speakers with their type and every name their quotes
  were found under, for reading by hand (duplicates, non-names, wrong types).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpora" / "bbc-news-2005.jsonl"
PREFIXES = ("", "B", "Tony", "Mi", "Lib", "zz")
NAME_FORMS = ("Tony Blair", "Mr Blair", "Blair", "tony blar", "Mr Brown", "Lord Falconer")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--db", type=Path, help="an index to read instead of indexing CORPUS")
    parser.add_argument("--top", type=int, default=100)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    binary = shutil.which("quotecli", path=str(Path(sys.executable).parent)) or "quotecli"

    work = Path(tempfile.mkdtemp(prefix="quotecli-speakers-"))
    try:
        db = args.db
        if db is None:
            db = work / "index.db"
            subprocess.run([binary, "index", str(args.corpus), "--db", str(db)], check=True)
        print(f"load average before timing: {os.getloadavg()[0]:.2f} ({os.cpu_count()} cores)")
        completion(binary, db, args.runs)
        lookups(binary, db)
        top(binary, db, args.top)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def completion(binary: str, db: Path, runs: int) -> None:
    print(f"\nTAB completion of --speaker, whole processes, {runs} runs each (target < 150 ms)")
    everything = []
    for prefix in PREFIXES:
        env = {
            **os.environ,
            "QUOTECLI_DB": str(db),
            "_QUOTECLI_COMPLETE": "complete_bash",
            "COMP_WORDS": f"quotecli list --speaker {prefix}",
            "COMP_CWORD": "3",
        }
        timings = []
        names: list[str] = []
        for _ in range(runs):
            started = time.perf_counter()
            done = subprocess.run([binary], env=env, capture_output=True, text=True, check=True)
            timings.append((time.perf_counter() - started) * 1000)
            names = [n for n in done.stdout.splitlines() if n]
        everything += timings
        shown = ", ".join(names[:3]) + (", …" if len(names) > 3 else "")
        print(f"  {prefix!r:8} {_spread(timings)}; {len(names)} names: {shown}")
    print(f"  all      {_spread(everything)}, max {max(everything):.0f} ms")


def lookups(binary: str, db: Path) -> None:
    print("\nlist --speaker: the speakers each form of a name finds (quotes each)")
    for form in NAME_FORMS:
        done = subprocess.run(
            [binary, "list", "--speaker", form, "--db", str(db), "-f", "tsv"],
            capture_output=True,
            text=True,
            check=False,
        )
        found = Counter(line.split("\t")[0] for line in done.stdout.splitlines()[1:])
        summary = "; ".join(f"{name} {count}" for name, count in found.most_common(4))
        print(f"  {form!r:16} {summary or 'nothing'}")


def top(binary: str, db: Path, count: int) -> None:
    done = subprocess.run(
        [binary, "speakers", "-n", str(count), "--db", str(db), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    rows = json.loads(done.stdout)
    print(f"\nThe {len(rows)} most quoted speakers: rank, name, type, quotes, found as")
    for rank, row in enumerate(rows, 1):
        found_as = row.get("found_as", row.get("aliases", ""))
        print(f"  {rank:3} {row['speaker']} | {row['type'] or '?'} | {row['quotes']} | {found_as}")


def _spread(timings: list[float]) -> str:
    ordered = sorted(timings)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"median {statistics.median(ordered):.0f} ms, p95 {p95:.0f} ms"


if __name__ == "__main__":
    main()
