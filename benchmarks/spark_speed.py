"""Words per second per core: the Spark job (local mode) against `quotecli index`, in one run.

    python benchmarks/spark_speed.py [CORPUS.jsonl] [--cores N]

CORPUS defaults to ../shared/corpora/bbc-news-2005.jsonl (2,225 BBC articles).
Both paths get the same N cores (default: all): `quotecli index -j N` into a
new database, then `quotecli.spark.run` on a local[N] session writing Parquet,
timed after the session has started (its start-up is reported on its own),
then once more with the JVM and workers warm, then `index --from-parquet` of
that output. Needs the spark extra.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpora" / "bbc-news-2005.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--cores", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    cores = args.cores
    texts = [json.loads(line)["text"] for line in args.corpus.open(encoding="utf-8")]
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts):,} articles, {words:,} words, {cores} cores", file=sys.stderr)
    binary = shutil.which("quotecli", path=str(Path(sys.executable).parent)) or "quotecli"
    work = Path(tempfile.mkdtemp(prefix="quotecli-spark-speed-"))
    try:
        started = time.perf_counter()
        subprocess.run(
            [binary, "index", str(args.corpus), "--db", str(work / "index.db"), "-j", str(cores)],
            check=True,
            stderr=subprocess.DEVNULL,
        )
        index_s = time.perf_counter() - started

        from pyspark.sql import SparkSession

        from quotecli import spark

        started = time.perf_counter()
        session = (
            SparkSession.builder.master(f"local[{cores}]")
            .config("spark.ui.showConsoleProgress", "false")
            .getOrCreate()
        )
        session.sparkContext.setLogLevel("ERROR")
        startup_s = time.perf_counter() - started
        started = time.perf_counter()
        spark.run(str(args.corpus), str(work / "out"))
        spark_s = time.perf_counter() - started
        # Again, with the JVM warm and the Python workers holding the engine: what a
        # long job over many files costs per article.
        started = time.perf_counter()
        spark.run(str(args.corpus), str(work / "again"))
        warm_s = time.perf_counter() - started
        session.stop()

        started = time.perf_counter()
        subprocess.run(
            [binary, "index", "--from-parquet", str(work / "out"), "--db", str(work / "p.db")],
            check=True,
            stderr=subprocess.DEVNULL,
        )
        load_s = time.perf_counter() - started
    finally:
        shutil.rmtree(work, ignore_errors=True)

    def per_core(seconds: float) -> str:
        return f"{words / seconds / cores:,.0f} words/s/core ({seconds:.1f} s)"

    rows = [
        (f"quotecli index -j {cores}", per_core(index_s)),
        (f"Spark job, local[{cores}], to Parquet", per_core(spark_s)),
        ("  the same again, warm", per_core(warm_s)),
        ("Spark job / index (words/s)", f"{index_s / spark_s:.2f}x, warm {index_s / warm_s:.2f}x"),
        ("Spark session start-up", f"{startup_s:.1f} s"),
        ("index --from-parquet of the job's output", f"{load_s:.1f} s"),
    ]
    width = max(len(r[0]) for r in rows)
    for label, value in rows:
        print(f"{label.ljust(width)}  {value}")


if __name__ == "__main__":
    main()
