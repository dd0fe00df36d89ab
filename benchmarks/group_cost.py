"""What grouping near-duplicate quotes (for `trace`) adds to indexing, and print it.

    python benchmarks/group_cost.py [CORPUS.jsonl] [--runs 6] [--jobs N]

CORPUS defaults to ../shared/corpora/bbc-news-2005.jsonl. The corpus is indexed
into fresh databases, alternately with grouping (fingerprints made in the
workers, looked up and stored by the writer) and with both steps switched off,
so that the two share the machine's load as evenly as possible. Printed: the
wall-clock and CPU seconds (this process and its workers, user + system) of
each run, and the median ratio of each. CPU time is the steadier figure on a
machine shared with other work.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpora" / "bbc-news-2005.jsonl"


def cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--runs", type=int, default=6, help="runs of each kind")
    parser.add_argument("--jobs", type=int, default=None, help="worker processes")
    args = parser.parse_args()

    import quotecli.indexing as indexing
    import quotecli.store as store_module
    from quotecli.documents import Reader

    jobs = args.jobs or indexing.default_jobs()
    with_groups = (indexing.with_fingerprints, store_module.group_quotes)
    without = (lambda extraction: extraction, lambda *_: None)
    results: dict[str, list[tuple[float, float]]] = {"with groups": [], "without": []}
    with tempfile.TemporaryDirectory(prefix="quotecli-groups-") as work:
        for run in range(args.runs):
            for label, (fingerprints, group) in (
                ("without", without),
                ("with groups", with_groups),
            ):
                indexing.with_fingerprints = fingerprints
                store_module.group_quotes = group
                path = Path(work) / f"{run}-{label.replace(' ', '-')}.db"
                store = store_module.Store(path)
                store.prepare_for_bulk_writes()
                cpu, wall = cpu_seconds(), time.perf_counter()
                indexing.index_articles(store, Reader([str(args.corpus)]), jobs=jobs)
                wall, cpu = time.perf_counter() - wall, cpu_seconds() - cpu
                store.close()
                results[label].append((wall, cpu))
                load = os.getloadavg()[0]
                print(f"{label:12} wall {wall:6.2f} s  cpu {cpu:6.2f} s  load {load:.1f}")
    for i, what in ((0, "wall"), (1, "cpu")):
        base = statistics.median(r[i] for r in results["without"])
        grouped = statistics.median(r[i] for r in results["with groups"])
        print(
            f"{what}: median {base:.2f} s without, {grouped:.2f} s with groups,"
            f" × {grouped / base:.3f}"
        )
    print(f"{os.cpu_count()} cores, {jobs} jobs, {args.corpus.name}", file=sys.stderr)


if __name__ == "__main__":
    main()
