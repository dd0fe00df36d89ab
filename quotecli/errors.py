"""Domain errors and exit codes, shared by the library and the command line."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    """Process exit codes, grep-style: 0 found, 1 nothing matched, 2 error."""

    OK = 0
    NO_MATCH = 1
    ERROR = 2
    INTERRUPTED = 130
    BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell reports a program its reader left


class QuotecliError(Exception):
    """A problem the user can act on; the CLI prints it as one line, no traceback."""

    exit_status: ExitStatus = ExitStatus.ERROR

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message if not self.hint else f"{self.message} ({self.hint})"


class InputError(QuotecliError):
    """An input path or stream that cannot be read as articles."""


class DatabaseError(QuotecliError):
    """The index database is missing, corrupt or not a quotecli database."""


class QueryError(QuotecliError):
    """A search query that cannot be run (for instance, only punctuation)."""


class NotFoundError(QuotecliError):
    """A quote or article id that is not in the index."""
