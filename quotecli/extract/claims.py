"""Claims: attributed stretches of text, as the rules make them and before they become quotes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quotecli.extract.cues import Cue
    from quotecli.extract.subjects import Speaker


@dataclass(frozen=True, slots=True)
class Claim:
    """An attributed stretch of text before it becomes a ``Quote``."""

    start: int
    end: int
    kind: str
    speaker: Speaker | None
    cue: Cue | None
    rule: str
    outer_start: int  # with the quotation marks, for the context sentence
    outer_end: int
    # The quoted words, when the attribution interrupts them: "“…,” she said, “…”".
    parts: tuple[tuple[int, int], ...] = ()


def in_two_parts(first: Claim, last: Claim, kind: str, rule: str, outer: tuple[int, int]) -> Claim:
    """One claim made of two, around the attribution that interrupts them."""
    return Claim(
        first.start,
        last.end,
        kind,
        first.speaker,
        first.cue,
        rule,
        outer[0],
        outer[1],
        ((first.start, first.end), (last.start, last.end)),
    )
