"""What narrows a question to some quotes: a speaker, a date range, an article.

One small value shared by who-said, list, check and trace, so that every
command reads `--speaker`, `--since`, `--until` and `--article` the same way.
Its SQL applies to the quotes ``q`` joined with their articles ``a``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

# Only dates stored as YYYY-MM-DD take part in a range; an unreadable one
# compares as text and would pass or fail at random.
_ISO_DATE_GLOB = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"


@dataclass(frozen=True)
class QuoteFilter:
    """Conditions every quote in an answer must meet; an empty filter lets all through."""

    speaker_ids: tuple[int, ...] | None = None
    since: str | None = None
    until: str | None = None
    article_id: int | None = None

    def __bool__(self) -> bool:
        return any(
            value is not None
            for value in (self.speaker_ids, self.since, self.until, self.article_id)
        )

    def sql(self) -> tuple[str, list[Any]]:
        """A WHERE condition over ``q`` and ``a`` ("1" when empty), and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.speaker_ids is not None:
            clauses.append("q.speaker_id IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(list(self.speaker_ids)))
        if self.since is not None or self.until is not None:
            clauses.append(f"a.date GLOB '{_ISO_DATE_GLOB}'")
        if self.since is not None:
            clauses.append("a.date >= ?")
            params.append(self.since)
        if self.until is not None:
            clauses.append("a.date <= ?")
            params.append(self.until)
        if self.article_id is not None:
            clauses.append("q.article_id = ?")
            params.append(self.article_id)
        return (" AND ".join(clauses) or "1"), params
