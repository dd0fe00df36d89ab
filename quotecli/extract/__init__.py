"""The extraction engine: a pure function from article text to quotes and speakers.

It runs as a row of small passes over one document (see STYLE.md):
sentences -> quotation spans -> cues -> named mentions -> entities ->
attribution. Nothing here reads files, touches a database or keeps state
between calls.
"""

from __future__ import annotations

from typing import Any

__all__ = ["extract"]


def __getattr__(name: str) -> Any:
    # The passes load on first use: the identity rules and the read commands
    # need only the word lists (quotecli.extract.lexicon), not the whole engine.
    if name == "extract":
        from quotecli.extract.pipeline import extract

        return extract
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
