"""What the engine finds in a text, checked against the text it came from."""

from __future__ import annotations

from quotecli.extract import extract
from quotecli.model import Quote


def quotes(text: str) -> list[Quote]:
    """Every quote found in ``text``; each one's text must match its offsets."""
    found = list(extract(text).quotes)
    for q in found:
        assert text[q.start : q.end] == q.text
    return found


def claim_by(text: str, cue: str) -> Quote:
    """The one quote whose cue is ``cue``."""
    found = quotes(text)
    cued = [q for q in found if q.cue == cue]
    assert len(cued) == 1, [(q.text, q.cue) for q in found]
    return cued[0]
