"""Ask `who-said` about annotated quotes and count how often the first answer names the speaker.

    python benchmarks/who_said.py ../shared/eval/bbc-dev.jsonl [--words 4] [--wrong]

Indexes the annotated articles into a new index in a temporary directory, as
`quotecli index` would, then, for every annotated quote whose speaker the
annotators named (not left as "he" or "the company"), asks ``who_said`` for a
run of ``--words`` consecutive words from the middle of the quote and checks the
first answer's speaker against the annotated one, with the scorer's rule for
names ("Waltz" is "Mike Waltz"; titles and case aside). This measures what a user
gets: extraction, speakers merged across the archive, and the search's ranking
together. ``--wrong`` lists the questions whose first answer was wrong.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path
from types import ModuleType

from quotecli.indexing import index_articles
from quotecli.model import Article
from quotecli.search import who_said
from quotecli.store import Store

HERE = Path(__file__).resolve().parent
DEFAULT_SCORER = HERE.parent.parent / "shared" / "eval" / "score.py"
_WORD = re.compile(r"[^\W_][\w’'\-]*")


def load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"{path}: cannot load the scorer")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def middle_words(text: str, count: int) -> str | None:
    """``count`` consecutive words from the middle of ``text``; None if it is shorter."""
    words = _WORD.findall(text)
    if len(words) < count:
        return None
    first = (len(words) - count) // 2
    return " ".join(words[first : first + count])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--words", type=int, default=4, help="words asked about per quote")
    parser.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    parser.add_argument("--wrong", action="store_true", help="list the wrong first answers")
    args = parser.parse_args()
    speaker_ok = load_scorer(args.scorer).speaker_ok
    docs = [json.loads(line) for line in args.gold.open(encoding="utf-8")]

    outcomes: Counter[str] = Counter()
    wrong: list[tuple[str, str, str, str | None]] = []
    tmp = tempfile.TemporaryDirectory(prefix="quotecli-who-said-")
    with tmp, Store(Path(tmp.name) / "eval.db") as store:
        articles = [Article(d["text"], d["id"], external_id=d["id"]) for d in docs]
        index_articles(store, articles)
        for doc in docs:
            for gold in doc["quotes"]:
                if not gold.get("speaker") or gold.get("speaker_is_mention"):
                    continue
                words = middle_words(gold["text"], args.words)
                if words is None:
                    continue
                rows = who_said(store, words, limit=1)
                if not rows:
                    outcome, said = "no answer", None
                else:
                    said = rows[0]["speaker"]
                    if said is None:
                        outcome = "no speaker"
                    elif speaker_ok(gold["speaker"], said):
                        outcome = "right"
                    else:
                        outcome = "wrong speaker"
                outcomes[outcome] += 1
                if outcome != "right":
                    wrong.append((doc["id"], words, gold["speaker"], said))

    asked = sum(outcomes.values())
    print(f"{args.gold.name}: {asked} quotes with a named speaker, {args.words} words from each")
    for outcome in ("right", "wrong speaker", "no speaker", "no answer"):
        share = outcomes[outcome] / asked if asked else 0.0
        print(f"  first answer {outcome:<13} {outcomes[outcome]:>5}  {share:6.1%}")
    if args.wrong:
        for doc_id, words, expected, said in wrong:
            print(f"  {doc_id}: {words!r}: {expected} <- {said}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
