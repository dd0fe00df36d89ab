"""Check that the engine's output is byte for byte what it was at another revision.

    python scripts/check_identical.py [--base main] [CORPUS.jsonl ...]

Runs ``extract()`` from the working tree and from ``--base`` (default ``main``) on
every text of each corpus (default: the 2,225 BBC articles in
../shared/corpora/bbc-news-2005.jsonl and every PolNeAR dev text in
../shared/eval/polnear-dev.jsonl), serialises every field of every quote and
speaker deterministically, and compares the two. Prints how many texts and quotes
were compared and the first differences. Exit status 0 when identical, 1 when not.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from engine_at import ROOT, describe, engine_source, run_engine

SHARED = ROOT.parent / "shared"
DEFAULT_CORPORA = [
    SHARED / "corpora" / "bbc-news-2005.jsonl",
    SHARED / "eval" / "polnear-dev.jsonl",
]
SHOWN = 5

# Runs inside the engine's own interpreter: one JSON line per text, in corpus order.
WORKER = """
import dataclasses, json, sys
from quotecli.extract import extract
out = open(sys.argv[1], "w", encoding="utf-8")
for path in sys.argv[2:]:
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            article = json.loads(line)
            found = extract(article["text"])
            record = {
                "id": article.get("id", f"{path}:{number}"),
                "quotes": [dataclasses.asdict(q) for q in found.quotes],
                "speakers": [dataclasses.asdict(s) for s in found.speakers],
            }
            out.write(json.dumps(record, sort_keys=True, ensure_ascii=False) + "\\n")
out.close()
"""


def run(rev: str | None, corpora: list[Path], out: Path) -> float:
    started = time.perf_counter()
    with engine_source(rev) as root:
        run_engine(root, WORKER, str(out), *map(str, corpora))
    return time.perf_counter() - started


def first_difference(old: dict, new: dict) -> str:
    for field in ("quotes", "speakers"):
        a, b = old[field], new[field]
        if len(a) != len(b):
            return f"{field}: {len(a)} before, {len(b)} now"
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            changed = sorted(k for k in x.keys() | y.keys() if x.get(k) != y.get(k))
            if changed:
                key = changed[0]
                return (
                    f"{field}[{i}].{key}: {json.dumps(x.get(key), ensure_ascii=False)[:200]}"
                    f" -> {json.dumps(y.get(key), ensure_ascii=False)[:200]}"
                    + (f" (and {', '.join(changed[1:])})" if len(changed) > 1 else "")
                )
    return "serialisation differs"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpora", nargs="*", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--base", default="main", help="git revision to compare with")
    args = parser.parse_args()
    for corpus in args.corpora:
        if not corpus.is_file():
            raise SystemExit(f"no such corpus: {corpus}")
    base = describe(args.base)
    with tempfile.TemporaryDirectory(prefix="quotecli-gate-") as tmp:
        before, after = Path(tmp) / "before.jsonl", Path(tmp) / "after.jsonl"
        t_before = run(args.base, args.corpora, before)
        t_after = run(None, args.corpora, after)
        old_lines = before.read_text(encoding="utf-8").splitlines()
        new_lines = after.read_text(encoding="utf-8").splitlines()
    texts = quotes = 0
    differences: list[str] = []
    for old_line, new_line in zip(old_lines, new_lines, strict=True):
        texts += 1
        old = json.loads(old_line)
        quotes += len(old["quotes"])
        if old_line != new_line:
            differences.append(f"  {old['id']}: {first_difference(old, json.loads(new_line))}")
    print(
        f"{texts:,} texts, {quotes:,} quotes compared against {args.base} ({base});"
        f" {base} took {t_before:.1f} s, working tree {t_after:.1f} s"
    )
    if not differences:
        print("identical")
        return 0
    print(f"{len(differences):,} texts differ; the first {min(SHOWN, len(differences))}:")
    print("\n".join(differences[:SHOWN]))
    return 1


if __name__ == "__main__":
    sys.exit(main())
