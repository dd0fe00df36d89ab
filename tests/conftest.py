"""Shared fixtures: every test gets its own database, never the user's."""

from __future__ import annotations

import re
import shutil
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from quotecli.model import DIRECT, PERSON, Extraction, Quote, Speaker


@pytest.fixture(autouse=True)
def isolated_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the default index location into a temporary directory: no test touches ~.

    The default location, not QUOTECLI_DB, because only there do read commands
    index the bundled seed into a missing index.
    """
    monkeypatch.delenv("QUOTECLI_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    from quotecli.store import default_db_path

    path = default_db_path()
    assert path.is_relative_to(tmp_path)
    # Tests also name this path with --db, which needs its folder to exist.
    path.parent.mkdir(parents=True)
    return path


# Deliberately crude (a closing quote mark ends a sentence too); tests that
# need a particular context pass it explicitly.
_SENTENCE_END = re.compile(r"(?<=[.!?”\"])\s+|\n+")


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (roughly) containing text[start:end]; good enough for fixtures."""
    bounds = [0] + [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]
    left = max(b for b in bounds if b <= start)
    right = min(b for b in bounds if b >= end)
    while right > left and text[right - 1].isspace():
        right -= 1
    return left, right


def _enclosing(text: str, context: str, start: int, end: int) -> int:
    """Offset of the occurrence of ``context`` that contains text[start:end]."""
    at = text.find(context)
    while at != -1 and not (at <= start and end <= at + len(context)):
        at = text.find(context, at + 1)
    if at == -1:
        raise ValueError(f"context {context!r} does not enclose the quote")
    return at


def build_extraction(text: str, specs: Sequence[dict]) -> Extraction:
    """Build an Extraction by hand, independent of the real engine.

    Each spec names at least ``speaker`` and ``quote`` (a substring of ``text``);
    optional keys: kind, cue, type, role, aliases, roles, mention, occurrence, and
    context (a substring of ``text`` around the quote; default: its rough sentence).
    """
    quotes = []
    speakers: dict[str, Speaker] = {}
    for spec in specs:
        start = -1
        for _ in range(spec.get("occurrence", 0) + 1):
            start = text.index(spec["quote"], start + 1)
        end = start + len(spec["quote"])
        if "context" in spec:
            context_start = _enclosing(text, spec["context"], start, end)
            context_end = context_start + len(spec["context"])
        else:
            context_start, context_end = _sentence_around(text, start, end)
        name = spec["speaker"]
        kind_of_speaker = spec.get("type", PERSON)
        quotes.append(
            Quote(
                text=spec["quote"],
                start=start,
                end=end,
                kind=spec.get("kind", DIRECT),
                speaker=name,
                speaker_type=kind_of_speaker if name else None,
                mention=spec.get("mention", name),
                cue=spec.get("cue", "said"),
                context=text[context_start:context_end],
                context_start=context_start,
                context_end=context_end,
                rule=spec.get("rule", "test"),
                role=spec.get("role"),
            )
        )
        if name and name not in speakers:
            speakers[name] = Speaker(
                name=name,
                type=kind_of_speaker,
                aliases=tuple(spec.get("aliases", ())),
                roles=tuple(spec.get("roles", (spec["role"],) if spec.get("role") else ())),
            )
    return Extraction(quotes=tuple(quotes), speakers=tuple(speakers.values()))


@pytest.fixture
def extraction_for() -> Callable[[str, Sequence[dict]], Extraction]:
    """A factory for hand-made extractions, so store tests do not depend on the engine."""
    return build_extraction


@pytest.fixture(scope="session")
def quotecli_bin() -> str:
    """The installed ``quotecli`` console script (next to this Python, as pip puts it)."""
    found = shutil.which("quotecli", path=str(Path(sys.executable).parent))
    assert found, "the quotecli console script is not installed: run `pip install -e '.[test]'`"
    return found
