"""Article dates: the formats articles come in, normalised to ISO dates.

Feeds give RFC 2822 ("Tue, 01 Mar 2005 10:00:00 GMT"), exports ISO 8601
("2005-03-01T10:00:00Z"), and pages or hand-made files write dates out
("12 March 2005", "March 12, 2005"). All are stored as "YYYY-MM-DD", so that
dates sort and compare as text and `--since`/`--until` are one indexed
comparison. A date nothing here can read is kept as it was: data is never lost,
it just does not pass a date filter.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

from quotecli.errors import QueryError

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?")
_ISO_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_YEAR = re.compile(r"\d{4}")
# "12 March 2005", "Saturday 12 March, 2005", "12th Mar 2005"
_DAY_MONTH_YEAR = re.compile(
    r"(?:[a-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})\b.*", re.IGNORECASE
)
# "March 12, 2005", "Saturday, March 12 2005"
_MONTH_DAY_YEAR = re.compile(
    r"(?:[a-z]+,?\s+)?([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b.*", re.IGNORECASE
)


def parse_date(text: str) -> date | None:
    """The calendar date ``text`` names, in any of the formats above; None if it names none."""
    value = " ".join(text.split())
    if not value:
        return None
    if m := _ISO.fullmatch(value):
        return _date(m[1], m[2], m[3])
    if m := _DAY_MONTH_YEAR.fullmatch(value):
        return _date(m[3], _MONTHS.get(m[2].lower()), m[1])
    if m := _MONTH_DAY_YEAR.fullmatch(value):
        return _date(m[3], _MONTHS.get(m[1].lower()), m[2])
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    # The day the article was published where it was published: its own offset.
    return parsed.date() if isinstance(parsed, datetime) else None


def normalise_date(text: str | None) -> str | None:
    """``text`` as "YYYY-MM-DD" when it is a readable date, else unchanged."""
    if text is None:
        return None
    parsed = parse_date(text)
    return parsed.isoformat() if parsed else text


def date_bound(text: str, option: str, *, end: bool = False) -> str:
    """A `--since`/`--until` value as "YYYY-MM-DD"; QueryError if it is not a date.

    A year ("2005") or a month ("2005-03") stands for its first day, or with
    ``end`` its last, so `--until 2005` includes all of 2005.
    """
    value = text.strip()
    if _YEAR.fullmatch(value):
        return f"{value}-12-31" if end else f"{value}-01-01"
    if m := _ISO_MONTH.fullmatch(value):
        first = _date(m[1], m[2], "1")
        if first is not None:
            if not end:
                return first.isoformat()
            following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return date.fromordinal(following.toordinal() - 1).isoformat()
    parsed = parse_date(value)
    if parsed is None:
        raise QueryError(
            f"{option}: cannot read {text!r} as a date",
            hint='use YYYY-MM-DD, e.g. 2005-03-12, or "12 March 2005"',
        )
    return parsed.isoformat()


def date_range(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """Both bounds normalised; QueryError when ``since`` is after ``until``."""
    low = date_bound(since, "--since") if since is not None else None
    high = date_bound(until, "--until", end=True) if until is not None else None
    if low is not None and high is not None and low > high:
        raise QueryError(f"--since {since} is after --until {until}")
    return low, high


def _date(year: str, month: int | str | None, day: str) -> date | None:
    if month is None:
        return None
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None
