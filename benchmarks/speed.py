"""Measure how fast quotecli indexes and answers, and print a table.

    python benchmarks/speed.py [CORPUS.jsonl] [--quick] [--copies 50] [--jobs N]
    python benchmarks/speed.py [CORPUS.jsonl] --scaling-only [--pairs 5]
    python benchmarks/speed.py --base main [--engine-only]

CORPUS defaults to ../shared/corpora/bbc-news-2005.jsonl (2,225 BBC articles).
The script measures the extraction engine on one core, indexes the corpus with
`quotecli index` on all cores, then builds a corpus of CORPUS repeated
``--copies`` times (each copy with its own ids and a one-line note appended, so
no two texts are identical) in a temporary directory and indexes that too.
On both indexes it times 200 varied queries, in this process and as whole
`quotecli` processes, and 200 `check` and `trace` questions in this process.
``--quick`` skips the big corpus.

`index -j 1` against `-j N` is timed as ``--pairs`` pairs of runs (one after the
other, each into a new database), each pair's ratio printed with the load
average before it; the table gives the median pair. ``--scaling-only`` stops there.
Before any whole process is timed, the package is byte-compiled, as ``pip install``
does, so that no process spends its start compiling modules.

``--base REV`` also measures the engine as it stood at a git revision, in the same
run, alternating rounds of the two (each in its own interpreter) and keeping each
one's best round; ``--engine-only`` stops after the engine.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpora" / "bbc-news-2005.jsonl"
QUERIES = 200
PROCESS_QUERIES = 200
FACT_QUERIES = 200
STARTUP_RUNS = 20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--quick", action="store_true", help="skip the repeated corpus")
    parser.add_argument("--copies", type=int, default=50)
    parser.add_argument("--jobs", type=int, default=None, help="worker processes for index")
    parser.add_argument("--keep", type=Path, help="keep the databases in this directory")
    parser.add_argument("--base", help="also time the engine at this git revision")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of each engine with --base")
    parser.add_argument("--engine-only", action="store_true", help="only time the engine")
    parser.add_argument("--pairs", type=int, default=1, help="pairs of index -j 1 / -j N runs")
    parser.add_argument(
        "--scaling-only", action="store_true", help="only time index -j 1 against -j N"
    )
    args = parser.parse_args()
    # Engines built from git run in their own folder: they need the corpus's full path.
    args.corpus = args.corpus.resolve()

    from quotecli.indexing import default_jobs

    jobs = args.jobs or default_jobs()
    rows: list[tuple[str, str, str]] = []
    texts = [json.loads(line)["text"] for line in args.corpus.open(encoding="utf-8")]
    words = sum(len(t.split()) for t in texts)
    print(
        f"{len(texts):,} articles, {words:,} words; {os.cpu_count()} cores, {jobs} jobs",
        file=sys.stderr,
    )

    if not args.engine_only:
        byte_compile()
    if args.scaling_only:
        work = Path(tempfile.mkdtemp(prefix="quotecli-speed-"))
        try:
            rows += scaling_rows(args.corpus, work, jobs, args.pairs)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        print_table(rows, jobs)
        return
    if args.base:
        rows += engine_against(args.corpus, args.base, args.rounds)
    else:
        rate = engine_speed(texts)
        rows.append(("Engine, one core", f"{rate:,.0f} words/s", "≥ 300,000 words/s"))
    if args.engine_only:
        print_table(rows, jobs)
        return

    work = Path(tempfile.mkdtemp(prefix="quotecli-speed-"))
    try:
        small_db = work / "small.db"
        if jobs > 1:
            rows += scaling_rows(args.corpus, work, jobs, args.pairs)
        rows += index_rows(args.corpus, small_db, jobs, f"{len(texts):,} articles", "< 5 s")
        rows += query_rows(small_db, f"{len(texts):,}", target="")
        if not args.quick:
            big = work / "big.jsonl"
            count = repeat_corpus(args.corpus, big, args.copies)
            label = f"{count:,} articles"
            big_db = work / "big.db"
            rows += index_rows(big, big_db, jobs, label, "< 180 s", rerun=True)
            rows += query_rows(big_db, f"{count:,}", target="p95 < 100 ms in-process")
        rows += startup_rows(small_db)
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            for db in work.glob("*.db"):
                shutil.copy2(db, args.keep / db.name)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print_table(rows, jobs)


def byte_compile() -> None:
    """Compile the package as ``pip install`` does, so that every process timed
    starts as it would on a user's machine: with PYTHONDONTWRITEBYTECODE set,
    or in a read-only checkout, each would otherwise compile every module it
    imports afresh (about 0.15 s a process)."""
    import compileall

    import quotecli

    compileall.compile_dir(Path(quotecli.__file__).parent, quiet=1)


# Engine -------------------------------------------------------------------------


def engine_speed(texts: list[str]) -> float:
    from quotecli.extract import extract

    for text in texts[:50]:  # warm caches and lazy tables
        extract(text)
    words = 0
    started = time.perf_counter()
    for text in texts:
        extract(text)
        words += len(text.split())
    return words / (time.perf_counter() - started)


_ENGINE_ROUND = """
import json, sys, time
from quotecli.extract import extract
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
for text in texts[:50]:
    extract(text)
words = sum(len(t.split()) for t in texts)
started, cpu = time.perf_counter(), time.process_time()
for text in texts:
    extract(text)
print(words / (time.perf_counter() - started), words / (time.process_time() - cpu))
"""


def engine_against(corpus: Path, base: str, rounds: int) -> list[tuple[str, str, str]]:
    """Words/s of the engine at ``base`` and in the working tree, measured in one run."""
    sys.path.insert(0, str(HERE.parent / "scripts"))
    from engine_at import describe, engine_source, run_engine

    # Words per second by the clock and by the CPU time of the process; a
    # program on the other core slows the clock more than the CPU time.
    best = {"base": [0.0, 0.0], "tree": [0.0, 0.0]}
    with engine_source(base) as old, engine_source(None) as new:
        for _ in range(rounds):
            for side, root in (("base", old), ("tree", new)):
                rates = run_engine(root, _ENGINE_ROUND, str(corpus)).stdout.split()
                best[side] = [max(b, float(r)) for b, r in zip(best[side], rates, strict=True)]
    label = f"{base} ({describe(base)})"
    (base_wall, base_cpu), (tree_wall, tree_cpu) = best["base"], best["tree"]
    return [
        (
            f"Engine, one core, {label}",
            f"{base_wall:,.0f} words/s ({base_cpu:,.0f} by CPU time)",
            "",
        ),
        (
            "Engine, one core, working tree",
            f"{tree_wall:,.0f} words/s ({tree_cpu:,.0f} by CPU time)",
            "≥ 300,000 words/s",
        ),
        (
            "  working tree / base",
            f"{tree_wall / base_wall:.2f}× ({tree_cpu / base_cpu:.2f}× by CPU time)",
            "≥ 1.00×",
        ),
    ]


# Indexing -------------------------------------------------------------------------


def repeat_corpus(source: Path, target: Path, copies: int) -> int:
    """Write ``copies`` copies of the corpus, each line with a distinct id and text."""
    count = 0
    with target.open("w", encoding="utf-8") as out:
        for copy in range(copies):
            with source.open(encoding="utf-8") as lines:
                for line in lines:
                    article = json.loads(line)
                    article["id"] = f"{article.get('id', count)}-copy{copy}"
                    article["text"] += f"\n\nArchive copy {copy}."
                    out.write(json.dumps(article, ensure_ascii=False) + "\n")
                    count += 1
    return count


def _rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _cpu_seconds(pid: int) -> tuple[float, float]:
    """User + system seconds of a process, and of the children it has waited for."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    tick = os.sysconf("SC_CLK_TCK")
    own = (int(fields[11]) + int(fields[12])) / tick
    children = (int(fields[13]) + int(fields[14])) / tick
    return own, children


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def measured_index(
    args: list[str], cpu: list[tuple[float, float]] | None = None
) -> tuple[float, int, int, str]:
    """Run `quotecli index ARGS`; return wall seconds, peak KiB of the writer and of
    the writer with all its workers (sampled from /proc every 0.1 s), and stderr.

    ``cpu`` gets (CPU seconds of the writing process, of its workers) appended.
    """
    binary = shutil.which("quotecli", path=str(Path(sys.executable).parent)) or "quotecli"
    peaks = [0, 0]
    done = threading.Event()

    def sample(pid: int) -> None:
        while not done.wait(0.1):
            main_rss = _rss_kib(pid)
            peaks[0] = max(peaks[0], main_rss)
            peaks[1] = max(peaks[1], main_rss + sum(_rss_kib(c) for c in _children(pid)))

    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as log:
        process = subprocess.Popen([binary, "index", *args], stderr=log)
        sampler = threading.Thread(target=sample, args=(process.pid,), daemon=True)
        sampler.start()
        # Waiting for the exit itself, not polling for it, times the run to the
        # millisecond; the process is left to be reaped, so /proc still has its times.
        os.waitid(os.P_PID, process.pid, os.WEXITED | os.WNOWAIT)
        elapsed = time.perf_counter() - started
        done.set()
        sampler.join()
        writer, total = peaks
        # Exited but not yet waited for: its own times and its workers' are still in /proc.
        if cpu is not None:
            cpu.append(_cpu_seconds(process.pid))
        process.wait()
        log.seek(0)
        stderr = log.read()
    if process.returncode != 0:
        raise SystemExit(f"index failed:\n{stderr}")
    return elapsed, writer, total, stderr


def scaling_rows(corpus: Path, work: Path, jobs: int, pairs: int = 1) -> list[tuple[str, str, str]]:
    """`index -j 1` against `index -j N`, each into a new database, one after the other.

    The machine may be shared: each pair's ratio is measured within the pair,
    and the load average before it is printed beside it, with the CPU time of
    the writing process and of its workers, which other programs disturb less.
    """
    measured = []
    for pair in range(pairs):
        load = os.getloadavg()[0]
        for db in work.glob("j[1n].db*"):
            db.unlink()
        cpu: list[tuple[float, float]] = []
        one, _, _, _ = measured_index(
            [str(corpus), "--db", str(work / "j1.db"), "-j", "1"], cpu=cpu
        )
        many, _, _, _ = measured_index(
            [str(corpus), "--db", str(work / "jn.db"), "-j", str(jobs)], cpu=cpu
        )
        measured.append((one / many, one, many, load, cpu))
        (one_cpu, _), (writer_cpu, workers_cpu) = cpu
        print(
            f"pair {pair + 1}: -j 1 {one:.2f} s, -j {jobs} {many:.2f} s,"
            f" {one / many:.2f}×, load {load:.1f}; CPU -j 1 {one_cpu:.2f} s,"
            f" -j {jobs} writer {writer_cpu:.2f} s + workers {workers_cpu:.2f} s",
            file=sys.stderr,
        )
    ratio, one, many, _, cpu = sorted(measured, key=lambda m: m[0])[len(measured) // 2]
    loads = [m[3] for m in measured]
    spread = f"; {len(measured)} pairs, load {min(loads):.1f}–{max(loads):.1f}" if pairs > 1 else ""
    (one_cpu, _), (writer_cpu, workers_cpu) = cpu
    return [
        ("index, 1 job", f"{one:.1f} s ({one_cpu:.1f} s CPU)", ""),
        (
            f"index, {jobs} jobs",
            f"{many:.1f} s = {ratio:.2f}× faster{spread}",
            f"≥ {0.9 * jobs:.1f}×",
        ),
        (
            f"index, {jobs} jobs, CPU time",
            f"writer {writer_cpu:.1f} s, workers {workers_cpu:.1f} s",
            "",
        ),
    ]


def index_rows(
    corpus: Path, db: Path, jobs: int, label: str, target: str, rerun: bool = False
) -> list[tuple[str, str, str]]:
    elapsed, writer, total, log = measured_index([str(corpus), "--db", str(db), "-j", str(jobs)])
    print(log.strip().splitlines()[-1], file=sys.stderr)
    raw = sum(
        len(json.loads(line)["text"].encode("utf-8")) for line in corpus.open(encoding="utf-8")
    )
    size = db.stat().st_size
    rows = [
        (f"index {label}, {jobs} jobs", f"{elapsed:.1f} s", target),
        (
            f"peak memory, index {label}",
            f"writer {writer / 1024:.0f} MB; with its {jobs} workers {total / 1024:.0f} MB",
            "< 300 MB",
        ),
        (
            f"database size, {label}",
            f"{size / 2**20:,.0f} MB = {size / raw:.2f} × the raw text ({raw / 2**20:,.0f} MB)",
            "",
        ),
    ]
    if rerun:
        again, _, _, _ = measured_index([str(corpus), "--db", str(db), "-j", str(jobs)])
        rows.append((f"re-index {label}, nothing changed", f"{again:.1f} s", ""))
    return rows


# Queries --------------------------------------------------------------------------

_WORD = re.compile(r"[A-Za-z]{4,}")


def make_queries(db: Path, count: int) -> list[tuple[str, list[str]]]:
    """A fixed mix of questions: (kind, quotecli arguments)."""
    from quotecli.store import Store

    rng = random.Random(4)
    with Store(db) as store:
        top = store.scalar("SELECT max(id) FROM quotes") or 0
        sample = store.rows(
            "SELECT q.text FROM quotes q WHERE q.id IN (SELECT value FROM json_each(?))",
            [json.dumps([rng.randint(1, top) for _ in range(count * 3)])],
        )
        speakers = store.rows(
            "SELECT name, aliases FROM speakers WHERE quotes > 2 AND type = 'person'"
            " ORDER BY quotes DESC LIMIT 300"
        )
    quotes = [r["text"] for r in sample if len(r["text"].split()) >= 6]
    rng.shuffle(quotes)
    queries: list[tuple[str, list[str]]] = []
    for text in quotes:
        words = text.split()
        kind = ("phrase", "word", "misspelt", "speaker", "speaker")[len(queries) % 5]
        if kind == "phrase":
            start = rng.randrange(0, len(words) - 3)
            phrase = " ".join(words[start : start + rng.randint(2, 5)])
            queries.append(("phrase", ["who-said", phrase]))
        elif kind == "word":
            candidates = _WORD.findall(text)
            if candidates:
                queries.append(("single word", ["who-said", rng.choice(candidates)]))
        elif kind == "misspelt":
            start = rng.randrange(0, len(words) - 4)
            phrase = _misspell(" ".join(words[start : start + 4]), rng)
            queries.append(("misspelt", ["who-said", phrase]))
        else:
            speaker = rng.choice(speakers)
            names = [speaker["name"], *json.loads(speaker["aliases"])]
            name = rng.choice(names)
            if rng.random() < 0.3:
                name = _misspell(name, rng)
            queries.append(("speaker", ["list", "--speaker", name, "-n", "20"]))
        if len(queries) == count:
            break
    return queries


def make_fact_queries(db: Path, count: int) -> list[tuple[str, list[str]]]:
    """A fixed mix of check and trace questions on words from real quotes."""
    from quotecli.store import Store

    rng = random.Random(11)
    with Store(db) as store:
        top = store.scalar("SELECT max(id) FROM quotes") or 0
        sample = store.rows(
            "SELECT q.text, s.name FROM quotes q JOIN speakers s ON s.id = q.speaker_id"
            " WHERE q.id IN (SELECT value FROM json_each(?))",
            [json.dumps([rng.randint(1, top) for _ in range(count * 3)])],
        )
    quotes = [r for r in sample if len(r["text"].split()) >= 8]
    rng.shuffle(quotes)
    queries: list[tuple[str, list[str]]] = []
    for row in quotes:
        words = row["text"].split()
        start = rng.randrange(0, len(words) - 6)
        said = words[start : start + rng.randint(6, 10)]
        kind = ("check said", "check changed", "check dropped", "trace")[len(queries) % 4]
        if kind == "check said":
            queries.append((kind, ["check", " ".join(said), "--speaker", row["name"]]))
        elif kind == "check changed":
            changed = list(said)
            changed[rng.randrange(len(changed))] = rng.choice(("never", "always", "not", "all"))
            queries.append((kind, ["check", " ".join(changed), "--speaker", row["name"]]))
        elif kind == "check dropped":
            dropped = list(said)
            del dropped[rng.randrange(1, len(dropped) - 1)]
            queries.append((kind, ["check", " ".join(dropped)]))
        else:
            queries.append((kind, ["trace", " ".join(said)]))
        if len(queries) == count:
            break
    return queries


def _misspell(text: str, rng: random.Random) -> str:
    """Drop, double or swap one letter of a longer word."""
    words = text.split()
    long = [i for i, w in enumerate(words) if len(w) >= 5]
    if not long:
        return text
    i = rng.choice(long)
    w = words[i]
    at = rng.randrange(1, len(w) - 2)
    change = rng.randrange(3)
    if change == 0:
        w = w[:at] + w[at + 1 :]
    elif change == 1:
        w = w[:at] + w[at] + w[at:]
    else:
        w = w[:at] + w[at + 1] + w[at] + w[at + 2 :]
    words[i] = w
    return " ".join(words)


def in_process(db: Path, queries: list[tuple[str, list[str]]]) -> list[float]:
    from quotecli.check import check_quote
    from quotecli.search import list_quotes, who_said
    from quotecli.store import Store
    from quotecli.trace import trace

    def run(args: list[str]) -> Callable[[Store], object]:
        if args[0] == "who-said":
            return lambda store: who_said(store, args[1], limit=20)
        if args[0] == "check":
            speaker = args[3] if len(args) > 3 else None
            return lambda store: check_quote(store, args[1], speaker=speaker)
        if args[0] == "trace":
            return lambda store: trace(store, args[1])
        return lambda store: list_quotes(store, speaker=args[2], limit=20)

    timings = []
    with Store(db) as store:
        for _, args in queries[:10]:  # warm the page cache
            run(args)(store)
        for _, args in queries:
            started = time.perf_counter()
            run(args)(store)
            timings.append((time.perf_counter() - started) * 1000)
    return timings


def as_processes(db: Path, queries: list[tuple[str, list[str]]]) -> list[float]:
    binary = shutil.which("quotecli", path=str(Path(sys.executable).parent)) or "quotecli"
    timings = []
    for _, args in queries[:PROCESS_QUERIES]:
        started = time.perf_counter()
        subprocess.run(
            [binary, *args, "--db", str(db), "-f", "tsv"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def _spread(timings: list[float]) -> str:
    ordered = sorted(timings)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"median {statistics.median(ordered):.1f} ms, p95 {p95:.1f} ms"


def query_rows(db: Path, label: str, target: str) -> list[tuple[str, str, str]]:
    queries = make_queries(db, QUERIES)
    inside = in_process(db, queries)
    rows = [(f"{len(queries)} queries in-process, {label} articles", _spread(inside), target)]
    by_kind: dict[str, list[float]] = {}
    for (kind, _), ms in zip(queries, inside, strict=True):
        by_kind.setdefault(kind, []).append(ms)
    for kind, timings in by_kind.items():
        rows.append((f"  {kind} ({len(timings)})", _spread(timings), ""))
    outside = as_processes(db, queries)
    rows.append((f"{len(outside)} queries as processes, {label} articles", _spread(outside), ""))
    facts = make_fact_queries(db, FACT_QUERIES)
    inside = in_process(db, facts)
    rows.append((f"{len(facts)} check/trace in-process, {label} articles", _spread(inside), target))
    by_kind = {}
    for (kind, _), ms in zip(facts, inside, strict=True):
        by_kind.setdefault(kind, []).append(ms)
    for kind, timings in by_kind.items():
        rows.append((f"  {kind} ({len(timings)})", _spread(timings), ""))
    return rows


# Start-up ---------------------------------------------------------------------------


def startup_rows(db: Path) -> list[tuple[str, str, str]]:
    binary = shutil.which("quotecli", path=str(Path(sys.executable).parent)) or "quotecli"
    env = {
        **os.environ,
        "_QUOTECLI_COMPLETE": "complete_bash",
        "COMP_WORDS": "quotecli list --f",
        "COMP_CWORD": "2",
    }
    rows = []
    # A query and --version taken in turns, so that both see the same load.
    paired: dict[str, list[float]] = {"version": [], "who-said": []}
    for _ in range(STARTUP_RUNS):
        for label, args in (
            ("version", ["--version"]),
            ("who-said", ["who-said", "prime minister", "--db", str(db), "-f", "tsv"]),
        ):
            started = time.perf_counter()
            subprocess.run([binary, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            paired[label].append((time.perf_counter() - started) * 1000)
    version = statistics.median(paired["version"])
    query = statistics.median(paired["who-said"])
    rows.append(
        (
            "whole-process who-said against --version",
            f"median {query:.0f} ms against {version:.0f} ms = {query / version:.2f}×",
            "≤ 1.5×",
        )
    )
    for label, args, extra in (
        ("quotecli --version", ["--version"], None),
        ("quotecli --help", ["--help"], None),
        ("quotecli list --help", ["list", "--help"], None),
        ("TAB completion", [], env),
    ):
        timings = []
        for _ in range(STARTUP_RUNS):
            started = time.perf_counter()
            subprocess.run(
                [binary, *args],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env=extra,
                check=False,
            )
            timings.append((time.perf_counter() - started) * 1000)
        rows.append((f"start-up, {label}", f"median {statistics.median(timings):.0f} ms", ""))
    return rows


def print_table(rows: list[tuple[str, str, str]], jobs: int) -> None:
    header = ("measure", f"result ({os.cpu_count()} cores, {jobs} jobs)", "target")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(3)]
    line = "  ".join("-" * w for w in widths)
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    print(line)
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())


if __name__ == "__main__":
    main()
