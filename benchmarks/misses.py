"""List the reported speech the engine misses or cuts wrong, grouped by cue and shape.

    python benchmarks/misses.py ../shared/eval/polnear-dev.jsonl [--pred PRED.jsonl]
        [--named] [--show GROUP] [--top N]

Runs the engine over every article (or reads the predictions ``accuracy.py
--out`` wrote) and matches them to the gold quotes as the scorer does. For the
indirect and mixed gold claims the headline counts (an indirect one only when
its cue is a verb of saying), it prints:

- missed: no prediction overlaps the claim, grouped by the annotated cue;
- wrong spans: a prediction overlaps the claim but by less than half, grouped
  by shape (starts earlier or later; ends longer, or shorter and at which words);
- unmatched: predictions that overlap no gold quote at all, by kind.

``--named`` keeps only the gold claims whose speaker is a name (those the
headline figure counts); ``--show GROUP`` prints every example of the groups
whose label starts with GROUP ("said", "end shorter at , but", "unmatched").
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from types import ModuleType

# The benchmarks beside this one (a script's own folder is on the path).
from accuracy import predict
from who_said import DEFAULT_SCORER, load_scorer


def context(text: str, start: int, end: int, width: int = 70) -> str:
    """The span in [[ ]] with some words either side, on one line."""
    seen = text[max(0, start - width) : start] + "[[" + text[start:end] + "]]"
    return (seen + text[end : end + width]).replace("\n", " ")


def shape(text: str, gold: dict, pred: dict) -> str:
    """How a prediction that overlaps a gold claim by too little is wrong."""
    if abs(pred["start"] - gold["start"]) <= 5:
        if pred["end"] > gold["end"]:
            return "end longer"
        words = text[pred["end"] : pred["end"] + 20].split()[:2]
        return "end shorter at " + " ".join(words)
    if abs(pred["end"] - gold["end"]) <= 2:
        return "start earlier" if pred["start"] < gold["start"] else "start later"
    return "both ends"


def groups(score: ModuleType, gold_docs: dict, pred_docs: dict, named: bool) -> dict:
    found: dict[str, list[str]] = defaultdict(list)
    for doc_id, doc in gold_docs.items():
        text = doc["text"]
        gold = score.spans_of(doc, text, set())
        pred = score.spans_of(pred_docs.get(doc_id, {"quotes": []}), text, set())
        pairs = score.match_overlap(gold, pred)
        matched_gold = {i for i, _ in pairs}
        matched_pred = {j for _, j in pairs}
        for i, g in enumerate(gold):
            if i in matched_gold or g["kind"] == "direct" or (named and not g["named"]):
                continue
            if g["kind"] == "indirect" and not score.speech_cue(g["cue"]):
                continue
            over = [p for p in pred if min(g["end"], p["end"]) > max(g["start"], p["start"])]
            if over:
                label = "wrong span: " + shape(text, g, over[0])
                seen = context(text, g["start"], g["end"])
                found[label].append(f"{seen}\n    got: {text[over[0]['start'] : over[0]['end']]}")
            else:
                cue = (g["cue"] or "?").lower().strip()
                found["missed: " + cue].append(context(text, g["start"], g["end"]))
        for j, p in enumerate(pred):
            if j in matched_pred:
                continue
            if any(min(g["end"], p["end"]) > max(g["start"], p["start"]) for g in gold):
                continue
            found["unmatched: " + p["kind"]].append(context(text, p["start"], p["end"]))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--pred", type=Path, help="predictions from accuracy.py --out")
    parser.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    parser.add_argument(
        "--named", action="store_true", help="only gold claims with a named speaker"
    )
    parser.add_argument("--show", help="print the examples of the groups starting with this")
    parser.add_argument("--top", type=int, default=30, help="how many groups of each sort")
    args = parser.parse_args()
    score = load_scorer(args.scorer)
    pred_path = args.pred
    if pred_path is None:
        pred_path = Path(tempfile.mkdtemp()) / "pred.jsonl"
        predict(args.gold, pred_path, [])
    found = groups(score, score.load(str(args.gold)), score.load(str(pred_path)), args.named)
    if args.show:
        for label, examples in sorted(found.items()):
            short = label.split(": ", 1)[1]
            if label.startswith(args.show) or short.startswith(args.show):
                print(f"== {label} ({len(examples)})")
                for example in examples:
                    print("  " + example)
        return 0
    for sort in ("missed", "wrong span", "unmatched"):
        mine = {k: v for k, v in found.items() if k.startswith(sort + ":")}
        print(f"== {sort}: {sum(len(v) for v in mine.values())}")
        ranked = sorted(mine.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        for label, examples in ranked[: args.top]:
            print(f"{len(examples):6d}  {label.split(': ', 1)[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
