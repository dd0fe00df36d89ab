"""The command line: parse options, call the library, render the rows.

This is the only module that imports Typer. Everything heavy (sqlite-utils,
thefuzz, Rich tables, the extraction engine) is imported inside the command
that needs it, because every TAB completion and every pipeline stage starts a
fresh process and pays for whatever is imported here.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, BinaryIO, NoReturn

import typer
from typer.core import TyperGroup

from quotecli.errors import DatabaseError, ExitStatus, InputError, QueryError, QuotecliError
from quotecli.model import EXTRACT_FIELDS as EXTRACT_FIELDS  # shared with the Spark job
from quotecli.model import KINDS, SPEAKER_TYPES, extract_row
from quotecli.render import visible

if TYPE_CHECKING:
    import click

    from quotecli.store import Store

PROG = "quotecli"
COMPLETE_VAR = "_QUOTECLI_COMPLETE"
SHELLS = ("bash", "zsh", "fish")
FORMAT_CHOICES = ("auto", "table", "tsv", "csv", "json", "jsonl")
KIND_CHOICES = KINDS

# Columns per command. The table view is for reading; TSV is for cut/awk/sort,
# so it keeps the fields a pipeline needs, in a fixed order. JSON and JSONL
# always carry every field of the row.
QUOTE_TABLE = ("id", "speaker", "kind", "cue", "text", "article", "date")
# Where and when, for citing: added after the first release, so last in every row.
CITATION_TSV = ("date", "source", "author")
QUOTE_TSV = ("speaker", "kind", "cue", "text", "article", "id", "context", *CITATION_TSV)
WHO_SAID_TABLE = ("speaker", "text", "kind", "cue", "article", "date", "context", "id")
WHO_SAID_TSV = (*QUOTE_TSV[:7], "match", *CITATION_TSV)
SPEAKERS_TABLE = ("speaker", "type", "role", "quotes", "articles", "found_as")
SPEAKERS_TSV = ("speaker", "type", "role", "quotes", "articles", "aliases", "id", "found_as")
EXTRACT_TABLE = ("speaker", "kind", "cue", "text")
EXTRACT_TSV = (
    *("speaker", "kind", "cue", "text", "start", "end", "context", "article"),
    *CITATION_TSV,
)
DEFAULT_WHO_SAID_LIMIT = 20


def _user_error(exc: BaseException) -> QuotecliError | None:
    """The domain error to show for ``exc``, or None when it is a bug to let through."""
    if isinstance(exc, QuotecliError):
        return exc
    # Only a module that is already loaded can have raised; checking sys.modules
    # keeps sqlite3 out of start-up.
    sqlite3 = sys.modules.get("sqlite3")
    if sqlite3 is not None and isinstance(exc, sqlite3.Error):
        return QuotecliError(f"database error: {exc}")
    if isinstance(exc, OSError) and not isinstance(exc, BrokenPipeError):
        where = f"{exc.filename}: " if exc.filename else ""
        return QuotecliError(f"{where}{exc.strerror or exc}")
    if isinstance(exc, OverflowError):
        # SQLite integers stop at 2**63 - 1: "show 99999999999999999999".
        return QueryError(f"number too large ({exc})")
    return None


def _fail(error: QuotecliError) -> NoReturn:
    _note(f"Error: {error}")
    raise typer.Exit(int(error.exit_status))


class _Commands(TyperGroup):
    """The one place where errors become messages and exit codes.

    Converting here rather than only in ``main()`` means ``CliRunner`` tests see
    exactly what a user sees.
    """

    def list_commands(self, ctx: click.Context) -> list[str]:
        # Help lists commands in the order a new user needs them, not alphabetically.
        return list(self.commands)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            typer.echo("Interrupted.", err=True)
            raise typer.Exit(int(ExitStatus.INTERRUPTED)) from None
        except BrokenPipeError:
            # The reader went away ("quotecli list | head -1"): stop quietly, with
            # the status a shell gives a program killed by SIGPIPE, not Click's 1
            # ("nothing matched"). Python would complain again when flushing stdout.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(int(ExitStatus.BROKEN_PIPE)) from None
        except Exception as exc:
            error = _user_error(exc)
            if error is None:
                raise
            _fail(error)


app = typer.Typer(
    name=PROG,
    cls=_Commands,
    help="Find quotes and claims in news articles and ask who said them.",
    epilog=(
        "\b\nExamples:\n"
        '  quotecli who-said "24 hours"\n'
        "  quotecli index articles/\n"
        "  quotecli list --speaker Waltz\n"
        "  quotecli speakers\n\n"
        "Run `quotecli COMMAND --help` for a command's options and examples."
    ),
    no_args_is_help=True,
    # Plain Click help: Rich-formatted help would import Rich's table machinery
    # on every `--help` and every TAB completion.
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _complete_from(choices: Sequence[str]) -> Callable[[str], list[str]]:
    def complete(incomplete: str) -> list[str]:
        return [c for c in choices if c.startswith(incomplete)]

    return complete


def _complete_speaker(ctx: typer.Context, incomplete: str) -> list[str]:
    """Speaker names and aliases from the index, most quoted first, for TAB completion.

    Plain sqlite3 on a read-only connection: completion runs in a fresh process
    on every TAB, so it must not pay for sqlite-utils, and must never create or
    seed an index.
    """
    import sqlite3

    db = ctx.params.get("db") if ctx is not None else None
    # The name store.ENV_VAR holds; importing the store would cost 100 ms per TAB.
    configured = os.environ.get("QUOTECLI_DB", "").strip()
    if db is None and configured:
        db = Path(configured).expanduser()
    if db is None:
        from platformdirs import user_data_dir

        db = Path(user_data_dir("quotecli", appauthor=False)) / "quotecli.db"
    try:
        conn = sqlite3.connect(f"file:{Path(db).expanduser()}?mode=ro", uri=True)
    except sqlite3.Error:
        return []
    try:
        # A range on the NOCASE index finds the prefix without reading every name.
        rows = conn.execute(
            "SELECT n.name FROM speaker_names n JOIN speakers s ON s.id = n.speaker_id"
            " WHERE n.name >= ?1 AND n.name < ?1 || char(1114111) AND s.quotes > 0"
            " ORDER BY s.quotes DESC, n.name LIMIT 50",
            [incomplete],
        ).fetchall()
    except sqlite3.Error:
        return []
    finally:
        conn.close()
    return list(dict.fromkeys(r[0] for r in rows))


# Options shared by the commands. --format and --kind are plain strings checked
# by the command itself, so a bad value is one clear line like every other error.
DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        metavar="PATH",
        # QUOTECLI_DB is read in one place, store.default_db_path, not by Click too.
        help="Index database. [default: $QUOTECLI_DB, else quotecli.db in your user data"
        " directory]",
        show_default=False,
    ),
]
FormatOption = Annotated[
    str,
    typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        help="Output: auto, table, tsv, csv, json or jsonl. "
        "auto is a table on a terminal and TSV in a pipe.",
        autocompletion=_complete_from(FORMAT_CHOICES),
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Same as --format json.")]
LimitOption = Annotated[
    int | None,
    typer.Option(
        "--limit", "-n", metavar="N", help="Show at most N rows (0 for all).", show_default=False
    ),
]
NoColorOption = Annotated[
    bool,
    typer.Option("--no-color", help="No colour (also: NO_COLOR=1 or TERM=dumb)."),
]
SinceOption = Annotated[
    str | None,
    typer.Option(
        "--since",
        metavar="DATE",
        show_default=False,
        help="Only articles of this date or later (2005-03-12, 12 March 2005, 2005-03, 2005).",
    ),
]
UntilOption = Annotated[
    str | None,
    typer.Option(
        "--until",
        metavar="DATE",
        show_default=False,
        help="Only articles of this date or earlier (a month or year counts whole).",
    ),
]
ArticleOption = Annotated[
    str | None,
    typer.Option(
        "--article",
        "-a",
        metavar="ARTICLE",
        show_default=False,
        help="Only quotes from this article: its id, feed id, URL or file name.",
    ),
]
SpeakerFilterOption = Annotated[
    str | None,
    typer.Option(
        "--speaker",
        "-s",
        metavar="NAME",
        show_default=False,
        help="Only this speaker: a name or alias, any case; close spellings match too.",
    ),
]


def _version(value: bool) -> None:
    if value:
        from quotecli import __version__

        typer.echo(f"{PROG} {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Find quotes and claims in news articles and ask who said them."""


# ---------------------------------------------------------------------------
# helpers


def _note(message: str) -> None:
    """Something for the person at the terminal, never for the pipeline."""
    from quotecli.render import safe_text

    # File names and queries come from outside: no escape sequence may act.
    typer.echo(safe_text(message), err=True)


def _output_format(fmt: str, as_json: bool) -> str:
    fmt = fmt.strip().lower()
    if fmt not in FORMAT_CHOICES:
        raise QueryError(
            f"unknown format {fmt!r}", hint=f"choose one of {', '.join(FORMAT_CHOICES)}"
        )
    if as_json:
        if fmt not in ("auto", "json"):
            raise QueryError(f"--json contradicts --format {fmt}")
        return "json"
    if fmt == "auto":
        # A Rich table in a pipe would crop cells to the terminal width and lose data.
        return "table" if sys.stdout.isatty() else "tsv"
    return fmt


def _limit(limit: int | None, default: int | None = None) -> int | None:
    if limit is None:
        return default
    if limit < 0:
        raise QueryError(f"--limit must be 0 or more, not {limit}")
    return limit or None


def _db_path(db: Path | None) -> Path:
    from quotecli.store import ENV_VAR, default_db_path

    chosen = db is not None or bool(os.environ.get(ENV_VAR, "").strip())
    path = db if db is not None else default_db_path()
    # The user data directory is made on first use; a folder named by hand that
    # does not exist is more likely a typo than a wish for a new index.
    if chosen and not path.expanduser().parent.is_dir():
        raise DatabaseError(f"{path.parent}: no such directory", hint="check the --db path")
    return path


def _open_store(db: Path | None) -> Store:
    from quotecli.store import Store

    return Store(_db_path(db))


def _open_for_reading(db: Path | None) -> Store:
    """Open the index; at the default location, first index the bundled seeds when it is empty.

    An index named by --db or QUOTECLI_DB is the user's own: a missing one is
    a typo to report, never a place to create an index and fill it with the demo.
    """
    from quotecli.locks import idle
    from quotecli.search import ensure_seeded
    from quotecli.store import ENV_VAR

    if db is not None or os.environ.get(ENV_VAR, "").strip():
        from quotecli.store import Store

        return Store(_existing_db(db))
    store = _open_store(db)
    try:
        # An index run in progress (perhaps the first, with nothing committed
        # yet) holds the run lock: the index is not empty, only not filled yet.
        with idle(store.path) as nobody_writing:
            added = ensure_seeded(store) if nobody_writing else 0
    except BaseException:
        store.close()
        raise
    if added:
        what = "the bundled seed article" if added == 1 else f"the {added} bundled seed articles"
        _note(
            f"Indexed {what} into {store.path} (the index was empty). "
            "Add your own with `quotecli index PATH`."
        )
    return store


def _emit(
    rows: Sequence[dict],
    fmt: str,
    *,
    table: Sequence[str],
    tsv: Sequence[str],
    no_color: bool,
    title: str | None = None,
    caption: str | None = None,
) -> None:
    from quotecli.render import color_enabled, render

    _check_stdout()
    if fmt == "table":
        columns: Sequence[str] = table
    elif fmt in ("tsv", "csv"):
        columns = tsv
    else:
        columns = list(rows[0].keys()) if rows else []
    out = sys.stdout
    render(
        rows,
        columns,
        fmt,
        out=out,
        color=color_enabled(out, no_color=no_color),
        title=title,
        caption=caption,
    )


def _echo(query: str, width: int = 60) -> str:
    """A query as repeated back to the user: a long one is cut, not printed whole."""
    return query if len(query) <= width else query[: width - 1].rstrip() + "…"


def _nothing(message: str) -> NoReturn:
    _note(message)
    raise typer.Exit(int(ExitStatus.NO_MATCH))


def _stdin_if_needed(paths: Iterable[str]) -> BinaryIO | None:
    from quotecli.documents import STDIN

    # Standard input is read only when asked for with "-", never just because it is a pipe.
    if STDIN not in paths:
        return None
    if 0 in _closed_at_start or sys.stdin is None:
        raise InputError("standard input is closed", hint="pipe articles in, or name files")
    return typer.get_binary_stream("stdin")


# Standard streams that were closed when the process started (`quotecli list >&-`).
_closed_at_start: set[int] = set()


def _hold_closed_streams() -> None:
    """Put /dev/null where a standard stream was closed, and remember which.

    Otherwise the next file opened (the index itself) would take descriptor 1,
    and results written "to standard output" would land in the database.
    """
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            held = os.open(os.devnull, os.O_RDWR)
            if held != fd:
                os.dup2(held, fd)
                os.close(held)
            _closed_at_start.add(fd)
    if 1 in _closed_at_start:
        sys.stdout = open(1, "w", closefd=False)  # noqa: SIM115 - lives as long as the process
    if 2 in _closed_at_start:
        sys.stderr = open(2, "w", closefd=False)  # noqa: SIM115


def _check_stdout() -> None:
    if 1 in _closed_at_start:
        raise QuotecliError("standard output is closed; nowhere to write the results")


def _text_argument(value: str, what: str) -> str:
    """An argument as text; QueryError when the shell passed bytes that are not UTF-8."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise QueryError(f"{what} is not valid UTF-8 text") from None
    return value


class _IndexReport:
    """Warnings and progress of an index run, on stderr.

    On a terminal, a transient Rich progress bar (articles, quotes, rate, time
    left); warnings print above it. Elsewhere, warnings as they happen and one
    summary line at the end. Past MAX_WARNINGS only the count is kept, so a
    broken archive cannot flood the terminal.
    """

    MAX_WARNINGS = 20

    def __init__(self, no_color: bool) -> None:
        self.no_color = no_color
        self.warning_count = 0
        self.summary: Any = None
        self._progress: Any = None
        self._task: Any = None
        self._started = 0.0
        self._lock = threading.Lock()

    def warn(self, message: str) -> None:
        # Called from the reading thread as well as the writing one.
        with self._lock:
            self.warning_count += 1
            if self.warning_count > self.MAX_WARNINGS:
                return
            line = f"Warning: {message}"
            if self.warning_count == self.MAX_WARNINGS:
                line += " (further warnings are only counted)"
            if self._progress is not None:
                from quotecli.render import safe_text

                self._progress.console.print(safe_text(line), markup=False, highlight=False)
            else:
                _note(line)

    @contextmanager
    def running(self, reader: Any) -> Iterator[None]:
        import time

        self._started = time.monotonic()
        if not sys.stderr.isatty():
            yield
            return
        from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

        from quotecli.render import color_enabled, make_console

        console = make_console(sys.stderr, color=color_enabled(sys.stderr, no_color=self.no_color))
        total = reader.measure() or None
        progress = Progress(
            TextColumn("Indexing"),
            BarColumn(),
            TextColumn("{task.fields[counts]}"),
            TimeRemainingColumn(),
            console=console,
            transient=True,
            # Redrawn after each batch, from this thread: a refreshing thread
            # would be running when the indexing workers are forked, and a
            # fork copies whatever lock that thread holds, held forever.
            auto_refresh=False,
        )
        with progress:
            self._progress = progress
            self._task = progress.add_task("index", total=total, counts="")
            self._reader = reader
            try:
                yield
            finally:
                self._progress = None

    def on_batch(self, summary: Any) -> None:
        import time

        self.summary = summary
        if self._progress is None:
            return
        elapsed = max(time.monotonic() - self._started, 1e-6)
        counts = (
            f"{summary.articles:,} articles · {summary.quotes:,} quotes · "
            f"{summary.articles / elapsed:,.0f}/s"
        )
        self._progress.update(
            self._task, completed=self._reader.bytes_read, counts=counts, refresh=True
        )

    def elapsed(self) -> float:
        import time

        return time.monotonic() - self._started


# ---------------------------------------------------------------------------
# commands


def _own_stdin(stream: BinaryIO | None) -> BinaryIO | None:
    """A private reader of the real standard input, for the indexer's reading thread.

    Python's own sys.stdin must not be left busy in a thread when the process
    exits (Ctrl-C while a pipe is quiet): shutting down would abort on its lock.
    """
    if stream is None:
        return None
    try:
        fd = stream.fileno()
    except (OSError, ValueError, AttributeError):
        return stream  # not a real file (CliRunner's input)
    return open(os.dup(fd), "rb")  # lives as long as the process


def _field_option(name: str, default: str, what: str) -> Any:
    return typer.Option(
        f"--{name}-field",
        metavar="NAME",
        help=f"JSONL key or CSV column holding {what}. [default: {default}]",
        show_default=False,
    )


@app.command(
    epilog=(
        "\b\nExamples:\n"
        "  quotecli index article.txt page.html\n"
        "  quotecli index ~/news/ --db newsroom.db\n"
        "  quotecli index 'archive/**/*.jsonl'\n"
        "  quotecli index export.csv --text-field body --id-field guid\n"
        "  jq -c '{id, title, text}' feed.json | quotecli index -\n"
        "  curl -s https://example.com/story.html | quotecli index - --input-format html"
    ),
)
def index(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="PATH...",
            show_default=False,
            help="Files, directories or glob patterns "
            "(.txt, .md, .html, .jsonl, .ndjson, .csv); - for stdin.",
        ),
    ] = None,
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Empty the index first, then index everything.")
    ] = False,
    prune: Annotated[
        bool,
        typer.Option(
            "--prune",
            help="Also remove the articles of files under the folders given that no longer exist.",
        ),
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            metavar="N",
            help="Worker processes for extraction. [default and maximum: one per core;"
            " extraction keeps a core busy, so more workers only cost memory]",
            show_default=False,
        ),
    ] = None,
    input_format: Annotated[
        str,
        typer.Option(
            "--input-format",
            metavar="FORMAT",
            help="How to read stdin and files of unknown type: auto, text, html, jsonl or csv.",
            autocompletion=_complete_from(("auto", "text", "html", "jsonl", "csv")),
        ),
    ] = "auto",
    text_field: Annotated[str, _field_option("text", "text", "the article text")] = "text",
    id_field: Annotated[str, _field_option("id", "id", "the article id")] = "id",
    title_field: Annotated[str, _field_option("title", "title", "the headline")] = "title",
    date_field: Annotated[str, _field_option("date", "date", "the publication date")] = "date",
    source_field: Annotated[
        str | None, _field_option("source", "url, then source", "the URL or origin")
    ] = None,
    author_field: Annotated[str, _field_option("author", "author", "the byline")] = "author",
    from_parquet: Annotated[
        Path | None,
        typer.Option(
            "--from-parquet",
            metavar="DIR",
            help="Load what `spark-extract` wrote to DIR, without extracting again.",
            show_default=False,
        ),
    ] = None,
    db: DbOption = None,
    no_color: NoColorOption = False,
) -> None:
    """Index articles: extract quotes and speakers into the database.

    Directories are read recursively. A JSONL line or CSV row needs a text field
    and may have an id, title, date, author and URL (see the --*-field options).
    Unchanged articles are skipped; a changed one (same file, URL or id) is
    replaced. Paths named here are checked before anything is written; bad files,
    lines and rows inside directories and archives are skipped with a warning.
    Work is committed in batches, so after Ctrl-C the same command continues.
    """
    if from_parquet is not None:
        if paths:
            raise InputError("give either PATH... or --from-parquet DIR, not both")
        _index_from_parquet(from_parquet, rebuild, db)
        return
    if not paths:
        raise InputError("missing PATH...", hint="name the files to index, or - for stdin")
    from quotecli.documents import Fields, Reader, no_articles_error
    from quotecli.indexing import default_jobs, index_articles

    if jobs is not None and jobs < 1:
        raise InputError(f"--jobs must be 1 or more, not {jobs}")
    fields = Fields(
        text=text_field,
        id=id_field,
        title=title_field,
        date=date_field,
        source=(source_field,) if source_field else Fields.source,
        author=author_field,
    )
    report = _IndexReport(no_color)
    target = _db_path(db)
    workers = min(jobs, default_jobs()) if jobs is not None else default_jobs()
    if jobs is not None and jobs > workers:
        _note(f"Note: --jobs {jobs:,} lowered to {workers}, the number of cores.")

    def run(store: Store) -> Any:
        store.prepare_for_bulk_writes()
        if not rebuild:
            _drop_seed(store)
        else:
            from quotecli.registry import copy_decisions

            # The user's corrections outlive the index they were made in.
            copy_decisions(store, target)
        try:
            with report.running(reader):
                return index_articles(
                    store,
                    reader,
                    jobs=workers,
                    on_batch=report.on_batch,
                    warn=report.warn,
                    slow_input=reader.streams,
                )
        except KeyboardInterrupt:
            if rebuild:
                _note(f"Interrupted. {target} was left as it was.")
            else:
                added = report.summary.added if report.summary is not None else 0
                _note(
                    f"Interrupted. {_count(added, 'new article')} committed by this run; "
                    f"{_count(store.article_count(), 'article')} in {store.path}; "
                    "run the same command again to continue."
                )
            raise typer.Exit(int(ExitStatus.INTERRUPTED)) from None

    def waiting() -> None:
        what = "finish before the rebuild" if rebuild else "finish its rebuild"
        _note(f"Waiting for another quotecli index run on {target} to {what}…")

    from quotecli.locks import index_lock

    # Index runs share the file; a rebuild has it to itself, so that no run's
    # committed articles are lost when the rebuilt index is copied in.
    pruned: list[str] = []
    with index_lock(target, exclusive=rebuild, on_wait=waiting):
        # Read the input's first line under the lock: a first run waiting for its
        # input already keeps readers from filling the new index with the seeds.
        reader = Reader(
            paths,
            stdin=_own_stdin(_stdin_if_needed(paths)),
            fields=fields,
            input_format=input_format.strip().lower(),
            warn=report.warn,
        )
        with _open_store(target) as live:
            if not rebuild:
                # (A rebuild writes every page anew: damage the file can still be
                # opened with is mended, not made worse.)
                live.check_intact()
                summary = run(live)
                if reader.articles_read == 0:
                    raise no_articles_error(paths, [])
                if prune:
                    pruned = _prune(live, paths)
            else:
                # A rebuild fills a new file and copies it in at the end, so a failed
                # or interrupted rebuild leaves the old index exactly as it was.
                fresh = _fresh_sibling(target)
                with _discarded_on_failure(fresh):
                    with _open_store(fresh) as store:
                        summary = run(store)
                        if store.is_empty():
                            raise InputError(
                                f"{', '.join(paths)}: no article to rebuild the index from; "
                                f"{target} was left as it was"
                            )
                        store.copy_into(live)
                    _remove_database(fresh)
    _note(_index_summary(summary, report, target))
    for row in pruned:
        _note(visible(f"Removed {row} (its file is gone)."))


def _drop_seed(store: Store) -> None:
    """Your own articles replace the bundled demo article, when it is all the index holds."""
    from quotecli.search import remove_seed_if_alone

    removed = remove_seed_if_alone(store)
    if removed:
        what = (
            "the bundled seed article" if removed == 1 else f"the {removed} bundled seed articles"
        )
        _note(f"Removed {what} from {store.path}: the index now holds only your own articles.")


def _prune(store: Store, paths: Sequence[str]) -> list[str]:
    from quotecli.articles import describe, prune

    return [describe(row) for row in prune(store, paths)]


def _index_from_parquet(directory: Path, rebuild: bool, db: Path | None) -> None:
    try:
        import pyarrow  # noqa: F401
    except ImportError as exc:
        raise InputError(
            "--from-parquet needs pyarrow", hint="pip install 'quotecli[spark]'"
        ) from exc
    from quotecli.locks import index_lock
    from quotecli.spark import load_parquet

    target = _db_path(db)
    started = _monotonic()
    # The same protocol as `index`: runs share the file, a rebuild has it to itself
    # and copies a finished new index in, so a failed load leaves the old one as it was.
    with index_lock(target, exclusive=rebuild), _open_store(target) as live:
        if not rebuild:
            live.check_intact()
            live.prepare_for_bulk_writes()
            added, other, quotes = load_parquet(live, directory)
        else:
            fresh = _fresh_sibling(target)
            with _discarded_on_failure(fresh):
                with _open_store(fresh) as store:
                    store.prepare_for_bulk_writes()
                    added, other, quotes = load_parquet(store, directory)
                    if store.is_empty():
                        raise InputError(
                            f"{directory}: no article to rebuild the index from; "
                            f"{target} was left as it was"
                        )
                    store.copy_into(live)
                _remove_database(fresh)
    _note(
        f"Loaded {added:,} new articles ({quotes:,} quotes), {other:,} unchanged or replaced,"
        f" from {directory} into {target} in {_monotonic() - started:.1f} s."
    )


def _monotonic() -> float:
    import time

    return time.monotonic()


def _count(count: int, word: str) -> str:
    """ "1 article", "2,092 articles"."""
    return f"{count:,} {word}{'s' if count != 1 else ''}"


@contextmanager
def _discarded_on_failure(path: Path | None) -> Iterator[None]:
    """Remove a half-built rebuild if the run fails or is interrupted."""
    try:
        yield
    except BaseException:
        if path is not None:
            _remove_database(path)
        raise


def _fresh_sibling(target: Path) -> Path:
    """An empty path beside ``target`` to build a new index in."""
    fresh = target.with_name(target.name + ".rebuild")
    _remove_database(fresh)
    return fresh


def _remove_database(path: Path, *, keep_main: bool = False) -> None:
    suffixes = ("-wal", "-shm", "-journal") if keep_main else ("", "-wal", "-shm", "-journal")
    for suffix in suffixes:
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _index_summary(summary: Any, report: _IndexReport, path: Path) -> str:
    def n(count: int, word: str) -> str:
        return f"{count:,} {word}{'s' if count != 1 else ''}"

    parts = [f"Indexed {n(summary.added, 'new article')}"]
    if summary.replaced:
        parts.append(f"{summary.replaced:,} replaced")
    if summary.unchanged:
        parts.append(f"{summary.unchanged:,} unchanged")
    if summary.duplicates:
        parts.append(n(summary.duplicates, "duplicate"))
    if summary.skipped:
        parts.append(f"{summary.skipped:,} skipped")
    if report.warning_count:
        parts.append(n(report.warning_count, "warning"))
    quotes = n(summary.quotes, "quote")
    return f"{', '.join(parts)} ({quotes}) into {path} in {report.elapsed():.1f} s."


@app.command(
    "who-said",
    epilog=(
        "\b\nExamples:\n"
        '  quotecli who-said "24 hours"\n'
        '  quotecli who-said "recoop those costs"     # fuzzy: finds "recoup"\n'
        '  quotecli who-said "end that war" --json | jq -r ".[0].speaker"\n'
        '  quotecli who-said "sanctions" -f tsv | cut -f1 | sort | uniq -c\n'
        "  quotecli who-said shedding jobs --since 2005-01 --until 2005-06\n"
        "  quotecli who-said economy --speaker Brown"
    ),
)
def who_said(
    query: Annotated[
        list[str],
        typer.Argument(
            metavar="QUERY...",
            show_default=False,
            help="Words or a phrase from the quote (quotes around it are optional).",
        ),
    ],
    speaker: SpeakerFilterOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    db: DbOption = None,
    fmt: FormatOption = "auto",
    as_json: JsonOption = False,
    limit: LimitOption = None,
    no_color: NoColorOption = False,
) -> None:
    """Who said or claimed it: matching quotes, best match first.

    Searches quote text as a phrase (punctuation is taken literally), then the
    sentences around quotes, then falls back to fuzzy matching so a misremembered
    quote still finds its speaker. Exit status 1 when nothing matches.
    """
    out_fmt = _output_format(fmt, as_json)
    n = _limit(limit, DEFAULT_WHO_SAID_LIMIT)
    from quotecli.dates import date_range
    from quotecli.search import query_words, who_said_counted

    text = " ".join(query)
    # Checked before the index is opened, so a bad query never seeds or writes.
    query_words(_text_argument(text, "the query"))
    low, high = date_range(since, until)

    with _open_for_reading(db) as store:
        filters = _quote_filter(store, speaker=speaker, since=low, until=high)
        rows, total = who_said_counted(store, text, limit=n, filters=filters)
    if not rows:
        _nothing(f'No quote matches "{_echo(text)}"{_described(speaker, since, until)}.')
    how = rows[0].get("match")
    if how == "fuzzy":
        title = f"No quote holds “{_echo(text)}”: the closest (fuzzy matches)"
    elif how == "context":
        title = (
            f"No quote holds “{_echo(text)}”: found in the sentences around these (context matches)"
        )
    else:
        title = f"Who said “{_echo(text)}”"
    _emit(
        rows,
        out_fmt,
        table=WHO_SAID_TABLE,
        tsv=WHO_SAID_TSV,
        no_color=no_color,
        title=title,
        caption=_cut_note(len(rows), total, out_fmt),
    )


def _quote_filter(
    store: Store,
    *,
    speaker: str | None = None,
    since: str | None = None,
    until: str | None = None,
    article: str | None = None,
) -> Any:
    """The filter the options describe; an unknown speaker or article is an error."""
    from quotecli.filters import QuoteFilter

    speaker_ids = None
    if speaker is not None:
        from quotecli.errors import NotFoundError
        from quotecli.search import match_speakers

        speaker_ids = tuple(match_speakers(store, speaker))
        if not speaker_ids:
            raise NotFoundError(
                f"no speaker called {speaker!r} in the index", hint="see `quotecli speakers`"
            )
    article_id = None
    if article is not None:
        from quotecli.articles import resolve_article

        article_id = resolve_article(store, article)
    return QuoteFilter(speaker_ids=speaker_ids, since=since, until=until, article_id=article_id)


def _described(speaker: str | None, since: str | None, until: str | None) -> str:
    parts = [
        f" by {speaker}" if speaker else "",
        f" since {since}" if since else "",
        f" until {until}" if until else "",
    ]
    return "".join(parts)


def _cut_note(shown: int, total: int, fmt: str) -> str | None:
    """ "20 of 198 shown; --limit 0 for all": in the table, or on stderr for a pipe."""
    if shown >= total:
        return None
    note = f"{shown:,} of {total:,} shown; --limit 0 for all"
    if fmt == "table":
        return note
    _note(note.capitalize() + ".")
    return None


@app.command(
    "list",
    epilog=(
        "\b\nExamples:\n"
        "  quotecli list --speaker Waltz\n"
        '  quotecli list --speaker "mike waltz" --kind direct\n'
        "  quotecli list --article 1 --format csv > quotes.csv\n"
        "  quotecli list --kind indirect -f jsonl"
    ),
)
def list_(
    speaker: Annotated[
        str | None,
        typer.Option(
            "--speaker",
            "-s",
            metavar="NAME",
            show_default=False,
            help="Only this speaker: a name or alias, any case; close spellings match too.",
            autocompletion=_complete_speaker,
        ),
    ] = None,
    unattributed: Annotated[
        bool,
        typer.Option("--unattributed", help="Only quotes with no speaker."),
    ] = False,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            "-k",
            metavar="KIND",
            show_default=False,
            help="Only direct, indirect or mixed quotes.",
            autocompletion=_complete_from(KIND_CHOICES),
        ),
    ] = None,
    article: ArticleOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    db: DbOption = None,
    fmt: FormatOption = "auto",
    as_json: JsonOption = False,
    limit: LimitOption = None,
    no_color: NoColorOption = False,
) -> None:
    """List quotes, filtered by speaker, kind, article or date.

    Quotes come in article order. Exit status 1 when no quote passes the filters.
    """
    out_fmt = _output_format(fmt, as_json)
    n = _limit(limit)
    from quotecli.dates import date_range
    from quotecli.search import check_kind, list_quotes_counted

    if kind is not None:
        kind = check_kind(kind)  # before the index is opened, so nothing is seeded
    if unattributed and speaker is not None:
        raise QueryError("--unattributed contradicts --speaker")
    if speaker is not None:
        _text_argument(speaker, "--speaker")
    low, high = date_range(since, until)

    with _open_for_reading(db) as store:
        filters = _quote_filter(store, since=low, until=high, article=article)
        rows, total = list_quotes_counted(
            store,
            speaker=speaker,
            kind=kind,
            limit=n,
            filters=filters,
            unattributed=unattributed,
        )
    if not rows:
        described_filters = [
            f"speaker {speaker!r}" if speaker else "",
            "no speaker" if unattributed else "",
            f"kind {kind!r}" if kind else "",
            f"article {article}" if article is not None else "",
            f"since {since}" if since else "",
            f"until {until}" if until else "",
        ]
        described = ", ".join(f for f in described_filters if f)
        _nothing(f"No quotes match {described}." if described else "No quotes in the index.")
    _emit(
        rows,
        out_fmt,
        table=QUOTE_TABLE,
        tsv=QUOTE_TSV,
        no_color=no_color,
        caption=_cut_note(len(rows), total, out_fmt),
    )


speakers_app = typer.Typer(
    cls=_Commands,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(speakers_app, name="speakers")
alias_app = typer.Typer(
    cls=_Commands,
    rich_markup_mode=None,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
speakers_app.add_typer(alias_app, name="alias", help="Add or remove a name a speaker is found by.")

NameArgument = Annotated[
    str,
    typer.Argument(
        metavar="NAME",
        show_default=False,
        help="A speaker's name or alias, as `speakers` shows.",
        autocompletion=_complete_speaker,
    ),
]


@speakers_app.callback(
    invoke_without_command=True,
    epilog=(
        "\b\nExamples:\n"
        "  quotecli speakers\n"
        "  quotecli speakers -n 5\n"
        '  quotecli speakers --name "mr blair"\n'
        "  quotecli speakers --type organisation -f tsv | cut -f1,4\n"
        '  quotecli speakers merge "Liam Fox" "Dr Fox"\n'
        "  quotecli speakers export registry.txt"
    ),
)
def speakers(
    ctx: typer.Context,
    name: Annotated[
        str | None,
        typer.Option(
            "--name",
            metavar="NAME",
            show_default=False,
            help="Only speakers called so: a name or alias, any case; close spellings match too.",
        ),
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option(
            "--type",
            "-t",
            metavar="TYPE",
            show_default=False,
            help="Only speakers of this type: person, organisation, group or anonymous.",
            autocompletion=_complete_from(SPEAKER_TYPES),
        ),
    ] = None,
    db: DbOption = None,
    fmt: FormatOption = "auto",
    as_json: JsonOption = False,
    limit: LimitOption = None,
    no_color: NoColorOption = False,
) -> None:
    """List speakers, or correct them: merge, rename, alias, split, type.

    Most quoted first, with roles, counts and every name their quotes were
    found under ("found as", with how many quotes each brought). Corrections
    are kept in the index and applied again whenever it is re-indexed; export
    and import carry them to another index. Exit status 1 when none is listed.
    """
    if ctx.invoked_subcommand is not None:
        return
    out_fmt = _output_format(fmt, as_json)
    n = _limit(limit)
    from quotecli.search import check_type, list_speakers

    if kind is not None:
        kind = check_type(kind)
    with _open_for_reading(db) as store:
        rows = list_speakers(store, limit=n, name=name, kind=kind)
    if not rows:
        _nothing("No speakers match." if name or kind else "No speakers in the index.")
    _emit(rows, out_fmt, table=SPEAKERS_TABLE, tsv=SPEAKERS_TSV, no_color=no_color)


def _decide(db: Path | None, decision: Any, done: str, show: str) -> None:
    """Apply and keep one decision, then say what it did and how ``show`` looks now."""
    from quotecli.registry import Registry
    from quotecli.search import list_speakers

    with _open_store(db) as store:
        Registry(store).decide(decision)
        rows = list_speakers(store, name=show, limit=1)
    _note(done)
    if rows:
        row = rows[0]
        quotes = f"{row['quotes']} quote{'s' if row['quotes'] != 1 else ''}"
        articles = f"{row['articles']} article{'s' if row['articles'] != 1 else ''}"
        _note(
            f"{row['speaker']}: {row['type'] or 'type unknown'}, {quotes} in {articles};"
            f" found as {row['found_as']}"
        )


@speakers_app.command(
    "merge",
    epilog='\b\nExample:\n  quotecli speakers merge "Liam Fox" "Dr Fox"',
)
def speakers_merge(name: NameArgument, other: NameArgument, db: DbOption = None) -> None:
    """Merge OTHER into NAME: its quotes, names and roles become NAME's."""
    from quotecli.registry import MERGE, Decision

    _decide(db, Decision(MERGE, name, other), f"Merged {other!r} into {name!r}.", name)


@speakers_app.command(
    "rename",
    epilog='\b\nExample:\n  quotecli speakers rename Falconer "Lord Falconer"',
)
def speakers_rename(
    name: NameArgument,
    new: Annotated[str, typer.Argument(metavar="NEW", help="The name to show from now on.")],
    db: DbOption = None,
) -> None:
    """Give a speaker a new canonical name; the old one stays an alias."""
    from quotecli.registry import RENAME, Decision

    _decide(db, Decision(RENAME, name, new), f"Renamed {name!r} to {new!r}.", new)


@alias_app.command(
    "add",
    epilog='\b\nExample:\n  quotecli speakers alias add Conservatives "Tory party"',
)
def speakers_alias_add(
    name: NameArgument,
    alias: Annotated[str, typer.Argument(metavar="ALIAS", help="Another name for the speaker.")],
    db: DbOption = None,
) -> None:
    """Add a name the speaker is found by (a speaker of that name joins it)."""
    from quotecli.registry import ALIAS_ADD, Decision

    _decide(db, Decision(ALIAS_ADD, name, alias), f"{name!r} is also {alias!r}.", name)


@alias_app.command(
    "remove",
    epilog='\b\nExample:\n  quotecli speakers alias remove "John Prescott" Prescott',
)
def speakers_alias_remove(
    name: NameArgument,
    alias: Annotated[str, typer.Argument(metavar="ALIAS", help="The name to take away.")],
    db: DbOption = None,
) -> None:
    """Take a name away from a speaker; quotes found under it become a speaker of that name."""
    from quotecli.registry import ALIAS_REMOVE, Decision

    _decide(db, Decision(ALIAS_REMOVE, name, alias), f"{name!r} is no longer {alias!r}.", name)


@speakers_app.command(
    "split",
    epilog=(
        "\b\nExamples:\n"
        '  quotecli speakers split "Michael Howard" Howard\n'
        '  quotecli speakers split "Michael Howard" Howard --as "Sir Howard Newby"'
    ),
)
def speakers_split(
    name: NameArgument,
    alias: Annotated[
        str, typer.Argument(metavar="ALIAS", help="The name whose quotes go to another speaker.")
    ],
    new: Annotated[
        str | None,
        typer.Option(
            "--as",
            metavar="NAME",
            show_default=False,
            help="The speaker they go to, new or known. [default: ALIAS]",
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """Split an alias off a speaker, with the quotes it brought."""
    from quotecli.registry import SPLIT, Decision

    target = new or alias
    _decide(
        db, Decision(SPLIT, name, alias, new), f"Split {alias!r} off {name!r} as {target!r}.", name
    )


@speakers_app.command(
    "type",
    epilog="\b\nExample:\n  quotecli speakers type Arsenal organisation",
)
def speakers_type(
    name: NameArgument,
    kind: Annotated[
        str,
        typer.Argument(
            metavar="TYPE",
            help="person, organisation, group or anonymous.",
            autocompletion=_complete_from(SPEAKER_TYPES),
        ),
    ],
    db: DbOption = None,
) -> None:
    """Set a speaker's type."""
    from quotecli.registry import TYPE, Decision
    from quotecli.search import check_type

    kind = check_type(kind)
    _decide(db, Decision(TYPE, name, kind), f"{name!r} is now of type {kind}.", name)


@speakers_app.command(
    "export",
    epilog=(
        "\b\nExamples:\n"
        "  quotecli speakers export registry.txt\n"
        "  quotecli speakers export - | grep merge"
    ),
)
def speakers_export(
    file: Annotated[
        str, typer.Argument(metavar="FILE|-", help="Where to write; - for standard output.")
    ],
    db: DbOption = None,
) -> None:
    """Write every decision about speakers to a plain text file, one a line."""
    from quotecli.registry import Registry

    with _open_store(db) as store:
        text = Registry(store).export()
    if file == "-":
        sys.stdout.write(text)
        return
    Path(file).write_text(text, encoding="utf-8")
    _note(f"Wrote {text.count(chr(10)) - 2} decisions to {file}.")


@speakers_app.command(
    "import",
    epilog=(
        "\b\nExamples:\n"
        "  quotecli speakers import registry.txt --db newsroom.db\n"
        "  quotecli speakers export - --db a.db | quotecli speakers import - --db b.db"
    ),
)
def speakers_import(
    file: Annotated[
        str, typer.Argument(metavar="FILE|-", help="An exported file; - for standard input.")
    ],
    db: DbOption = None,
) -> None:
    """Apply the decisions of an exported file to this index: all of them, or none."""
    from quotecli.registry import Registry

    if file == "-":
        text = typer.get_text_stream("stdin").read()
    else:
        try:
            text = Path(file).read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise InputError(f"{file}: not a UTF-8 text file") from None
    with _open_store(db) as store:
        added = Registry(store).import_text(text, "standard input" if file == "-" else file)
    _note(f"Imported {added} new decisions.")


@app.command(
    epilog=('\b\nExamples:\n  quotecli attribute 42 "Tony Blair"\n  quotecli show 42'),
)
def attribute(
    quote_id: Annotated[
        int,
        typer.Argument(
            metavar="QUOTE_ID", show_default=False, help="A quote id, as shown by list or who-said."
        ),
    ],
    name: NameArgument,
    db: DbOption = None,
) -> None:
    """Set the speaker of one quote by hand; re-indexing keeps it."""
    from quotecli.registry import Registry

    with _open_store(db) as store:
        Registry(store).attribute(quote_id, name)
    _note(f"Quote {quote_id} is now attributed to {name!r}.")


@app.command(
    epilog=(
        "\b\nExamples:\n"
        "  quotecli show 3\n"
        "  quotecli show 3 --json\n"
        "  FORCE_COLOR=1 quotecli show 3 --format table | less -R"
    ),
)
def show(
    quote_id: Annotated[
        int,
        typer.Argument(
            metavar="QUOTE_ID", show_default=False, help="A quote id, as shown by list or who-said."
        ),
    ],
    db: DbOption = None,
    fmt: FormatOption = "auto",
    as_json: JsonOption = False,
    no_color: NoColorOption = False,
) -> None:
    """Show one quote in its paragraph, with every field.

    On a terminal the quote is highlighted in its paragraph. In a pipe, or
    with --format tsv, csv, json or jsonl, prints the quote's row instead.
    """
    out_fmt = _output_format(fmt, as_json)
    from quotecli.search import get_quote

    with _open_for_reading(db) as store:
        row = get_quote(store, quote_id)
    if out_fmt == "table":
        from quotecli.render import color_enabled, render_quote

        _check_stdout()
        render_quote(row, out=sys.stdout, color=color_enabled(sys.stdout, no_color=no_color))
        return
    keys = list(row.keys())
    _emit([row], out_fmt, table=keys, tsv=keys, no_color=no_color)


@app.command(
    epilog=(
        "\b\nExamples:\n"
        "  quotecli extract article.txt\n"
        "  pbpaste | quotecli extract - --json\n"
        "  quotecli extract story.md -f tsv | cut -f1,4"
    ),
)
def extract(
    file: Annotated[
        str,
        typer.Argument(
            metavar="FILE|-", show_default=False, help="An article file, or - for stdin."
        ),
    ],
    fmt: FormatOption = "auto",
    as_json: JsonOption = False,
    limit: LimitOption = None,
    text_field: Annotated[str, _field_option("text", "text", "the article text")] = "text",
    no_color: NoColorOption = False,
) -> None:
    """Extract quotes from one text without storing anything.

    For checking what the engine finds in an article and for pipelines. Offsets
    (start, end) are character offsets into the text as read. Exit status 1 when
    no quote is found.
    """
    out_fmt = _output_format(fmt, as_json)
    n = _limit(limit)
    from quotecli.documents import Fields, read_articles
    from quotecli.extract import extract as run_extract

    articles = read_articles([file], stdin=_stdin_if_needed([file]), fields=Fields(text=text_field))
    rows: list[dict] = []
    for article in articles:
        for warning in article.warnings:
            _note(f"Warning: {warning}")
        name = article.title or article.source
        rows.extend(extract_row(quote, name, article) for quote in run_extract(article.text).quotes)
    if n is not None:
        rows = rows[:n]
    if not rows:
        _nothing(f"No quotes found in {'standard input' if file == '-' else file}.")
    _emit(rows, out_fmt, table=EXTRACT_TABLE, tsv=EXTRACT_TSV, no_color=no_color)


CHECK_TABLE = ("match", "speaker", "diff", "article", "date", "context", "id")
CHECK_TSV = (
    *("verdict", "match", "speaker", "text", "diff", "article", "id"),
    *("date", "source", "author", "context"),
)


@app.command(
    epilog=(
        "\b\nExamples:\n"
        '  quotecli check "We need to recoup those costs" --speaker Waltz\n'
        '  quotecli check "We need to get back those costs"        # close: shows the diff\n'
        '  quotecli check "I don\'t want to do that ... We have to get that war ended"\n'
        '  quotecli check "recoup those costs" -s Trump -f json | jq -r ".[0].verdict"'
    ),
)
def check(
    quote: Annotated[
        list[str],
        typer.Argument(
            metavar="QUOTE...",
            show_default=False,
            help="The words to check, as they were quoted to you.",
        ),
    ],
    speaker: Annotated[
        str | None,
        typer.Option(
            "--speaker",
            "-s",
            metavar="NAME",
            show_default=False,
            help="Did this speaker say it? A name or alias, any case; close spellings match too.",
        ),
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    db: DbOption = None,
    fmt: FormatOption = "auto",
    as_json: JsonOption = False,
    no_color: NoColorOption = False,
) -> None:
    """Did they say it? Check words against the real quotes, with a verdict.

    Verdicts: said (verbatim), close (a word diff shows what changed: {+added+},
    [-left out-]), someone else (another speaker said it), spliced (words from two
    quotes joined, or an ellipsis hiding a cut), not found. Each match comes with
    its article, date and context. Exit status 0 only when the words are found
    verbatim for that speaker (any speaker without --speaker), else 1.
    """
    out_fmt = _output_format(fmt, as_json)
    from quotecli.check import check_quote
    from quotecli.dates import date_range
    from quotecli.search import query_words

    text = " ".join(quote)
    query_words(text)  # before the index is opened, so a bad query never seeds
    if speaker is not None and not speaker.strip():
        raise QueryError("empty speaker name")
    low, high = date_range(since, until)

    with _open_for_reading(db) as store:
        filters = _quote_filter(store, since=low, until=high)
        result = check_quote(store, text, speaker=speaker, filters=filters)
    if not result.rows:
        _nothing(result.summary)
    if out_fmt != "table":
        _note(visible(result.summary))
    _emit(
        result.rows,
        out_fmt,
        table=CHECK_TABLE,
        tsv=CHECK_TSV,
        no_color=no_color,
        title=result.summary,
    )
    if not result.verbatim:
        raise typer.Exit(int(ExitStatus.NO_MATCH))


TRACE_TABLE = ("seen", "date", "speaker", "note", "text", "article", "id")
TRACE_TSV = (
    *("seen", "date", "speaker", "speaker_differs", "text", "article", "id"),
    *("source", "author", "context"),
)


@app.command(
    epilog=(
        "\b\nExamples:\n"
        '  quotecli trace "nothing you could ever say to me"\n'
        "  quotecli trace 9\n"
        '  quotecli trace "recoup those costs" -f tsv | cut -f1-3'
    ),
)
def trace(
    query: Annotated[
        list[str],
        typer.Argument(
            metavar="QUOTE...|ID",
            show_default=False,
            help="Words of the quote (found as who-said finds them), or a quote id.",
        ),
    ],
    since: SinceOption = None,
    until: UntilOption = None,
    db: DbOption = None,
    fmt: FormatOption = "auto",
    as_json: JsonOption = False,
    limit: LimitOption = None,
    no_color: NoColorOption = False,
) -> None:
    """Where and when a quote appeared: the same quote across the archive.

    Finds the quote, then every near-identical one in other articles (the same
    words allowing small edits, cuts and another split into sentences), ordered
    by date: where it was first seen, every later appearance, and whether the
    speaker differs from the first. Exit status 1 when no quote matches.
    """
    out_fmt = _output_format(fmt, as_json)
    n = _limit(limit)
    from quotecli.dates import date_range
    from quotecli.search import query_words
    from quotecli.trace import trace as trace_quote

    text = " ".join(query)
    query_words(text)
    low, high = date_range(since, until)
    with _open_for_reading(db) as store:
        rows, how = trace_quote(store, text, _quote_filter(store, since=low, until=high))
    if not rows:
        if how:
            _nothing(f"The quote appears nowhere{_described(None, since, until)}.")
        _nothing(f'No quote matches "{text}".')
    total = len(rows)
    shown = rows[:n] if n is not None else rows
    first = rows[0]
    speakers = list(dict.fromkeys(r["speaker"] or "unattributed" for r in rows))
    articles = len({r["article_id"] for r in rows})
    title = (
        f"In {articles} article{'s' if articles != 1 else ''}; first seen"
        f" {first['date'] or '(undated)'} in {first['article']}"
    )
    if len(speakers) > 1:
        title += f"; {len(speakers)} different speakers: {', '.join(speakers)}"
    if how in ("fuzzy", "context"):
        title += f" ({how} match for “{text}”)"
    if out_fmt != "table":
        _note(visible(title + "."))
    else:
        shown = [dict(r, note="other speaker" if r["speaker_differs"] else "") for r in shown]
    _emit(
        shown,
        out_fmt,
        table=TRACE_TABLE,
        tsv=TRACE_TSV,
        no_color=no_color,
        title=title,
        caption=_cut_note(len(shown), total, out_fmt),
    )


ARTICLES_TABLE = ("id", "title", "date", "source", "quotes")
ARTICLES_TSV = ("id", "title", "date", "source", "quotes", "author", "external_id")


@app.command(
    epilog=(
        "\b\nExamples:\n"
        "  quotecli articles\n"
        "  quotecli articles Greenspan --since 2005-01-01\n"
        "  quotecli articles --source example.com -f tsv | cut -f1,2"
    ),
)
def articles(
    text: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[TEXT...]",
            show_default=False,
            help="Only articles whose title, feed id or text holds these words, in this order.",
        ),
    ] = None,
    source: Annotated[
        str | None,
        typer.Option(
            "--source",
            metavar="TEXT",
            show_default=False,
            help="Only articles whose URL or file path holds this.",
        ),
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    db: DbOption = None,
    fmt: FormatOption = "auto",
    as_json: JsonOption = False,
    limit: LimitOption = None,
    no_color: NoColorOption = False,
) -> None:
    """List articles: id, title, date, source and number of quotes.

    Oldest first; articles without a date come last. The id, the feed id or the
    file name names an article for `list --article` and `remove`.
    """
    out_fmt = _output_format(fmt, as_json)
    n = _limit(limit)
    from quotecli.articles import list_articles
    from quotecli.dates import date_range

    low, high = date_range(since, until)
    words = " ".join(text or [])
    with _open_for_reading(db) as store:
        rows, total = list_articles(
            store, text=words or None, since=low, until=high, source=source, limit=n
        )
    if not rows:
        _nothing("No articles match." if words or source or since or until else "No articles.")
    _emit(
        rows,
        out_fmt,
        table=ARTICLES_TABLE,
        tsv=ARTICLES_TSV,
        no_color=no_color,
        caption=_cut_note(len(rows), total, out_fmt),
    )


@app.command(
    epilog=(
        "\b\nExamples:\n  quotecli remove 12\n  quotecli remove bbc-business-101 old-story.txt"
    ),
)
def remove(
    refs: Annotated[
        list[str],
        typer.Argument(
            metavar="ARTICLE...",
            show_default=False,
            help="Articles to remove: an id, feed id, URL or file name (see `quotecli articles`).",
        ),
    ],
    db: DbOption = None,
) -> None:
    """Remove articles and their quotes from the index.

    Every article named must be in the index; if one is not, nothing is removed.
    """
    from quotecli.articles import describe, remove_articles

    with _open_store(_existing_db(db)) as store:
        removed = remove_articles(store, refs)
    for row in removed:
        _note(visible(f"Removed {describe(row)} and its {_count(row['quotes'], 'quote')}."))


def _existing_db(db: Path | None) -> Path:
    """The index path, which must already exist: there is nothing to change in a new one."""
    path = _db_path(db).expanduser()
    if not path.exists():
        raise DatabaseError(f"{path}: no such index", hint="create it with `quotecli index PATH`")
    return path


@app.command(
    "spark-extract",
    epilog=(
        "\b\nExamples:\n"
        "  quotecli spark-extract archive.jsonl extracted/\n"
        "  quotecli spark-extract 'archive/2024/*.parquet' extracted-2024/ --master local[8]\n"
        "  quotecli spark-extract articles/ extracted/ --input-format text\n"
        "  quotecli index --from-parquet extracted/ --db 2024.db"
    ),
)
def spark_extract(
    input_path: Annotated[
        str,
        typer.Argument(
            metavar="INPUT",
            show_default=False,
            help="JSON Lines, Parquet or text files (a file, folder or glob Spark can read).",
        ),
    ],
    output: Annotated[
        str,
        typer.Argument(
            metavar="OUTPUT",
            show_default=False,
            help="Folder (local or any URL Spark can write) for articles/, quotes/, speakers/.",
        ),
    ],
    input_format: Annotated[
        str,
        typer.Option(
            "--input-format",
            metavar="FORMAT",
            help="auto, jsonl, parquet or text (one article a file).",
            autocompletion=_complete_from(("auto", "jsonl", "parquet", "text")),
        ),
    ] = "auto",
    master: Annotated[
        str | None,
        typer.Option(
            "--master",
            metavar="URL",
            help="Spark master. [default: spark-submit's, else local on every core]",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Extract quotes from articles with Apache Spark, into Parquet.

    Needs the spark extra (pip install 'quotecli[spark]') and Java 17 or newer.
    Articles have an id, a text and optionally a title, date, source (or url)
    and author. Quotes carry the fields of `extract --format json` plus
    article_id; load them into an index with `index --from-parquet`.
    """
    try:
        import pyspark  # noqa: F401
    except ImportError as exc:
        raise InputError(
            "spark-extract needs PySpark", hint="pip install 'quotecli[spark]'"
        ) from exc
    from pyspark.errors import PySparkException

    from quotecli import spark

    try:
        articles, quotes = spark.run(input_path, output, input_format=input_format, master=master)
    except PySparkException as exc:
        # A missing input, an unreadable file, no Java: Spark's first line says which.
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise InputError(f"Spark: {first}") from exc
    _note(f"Extracted {quotes:,} quotes from {articles:,} articles into {output}.")


@app.command(
    epilog=(
        "\b\nInstall:\n"
        "  bash: quotecli completion bash > ~/.local/share/bash-completion/completions/quotecli\n"
        "  zsh:  quotecli completion zsh > ~/.quotecli-completion.zsh\n"
        "        and add `source ~/.quotecli-completion.zsh` to ~/.zshrc, after compinit\n"
        "  fish: quotecli completion fish > ~/.config/fish/completions/quotecli.fish"
    ),
)
def completion(
    shell: Annotated[
        str,
        typer.Argument(
            metavar="bash|zsh|fish",
            show_default=False,
            help="The shell to complete in.",
            autocompletion=_complete_from(SHELLS),
        ),
    ],
) -> None:
    """Print the shell completion script for bash, zsh or fish."""
    typer.echo(completion_script(shell))


def completion_script(shell: str) -> str:
    """The completion script for ``shell``, as committed in completions/."""
    shell = shell.strip().lower()
    if shell not in SHELLS:
        raise InputError(f"unsupported shell {shell!r}", hint=f"choose one of {', '.join(SHELLS)}")
    # Typer's completion classes are Click's ShellComplete subclasses; their
    # scripts call back with the instruction style Typer's runtime understands.
    from typer.completion import completion_init, get_completion_script

    completion_init()
    return get_completion_script(prog_name=PROG, complete_var=COMPLETE_VAR, shell=shell)


def main(argv: Sequence[str] | None = None) -> NoReturn:
    """The console-script entry point: run the app and turn any failure into an exit code."""
    _hold_closed_streams()
    if os.environ.get(COMPLETE_VAR):
        # Completion classes are registered lazily by Typer; without the
        # --install-completion option nothing else registers them.
        from typer.completion import completion_init

        completion_init()
    try:
        try:
            app(args=list(argv) if argv is not None else None, prog_name=PROG)
        finally:
            sys.stdout.flush()  # here, so a reader that left early is handled below
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(int(ExitStatus.BROKEN_PIPE))
    except KeyboardInterrupt:
        typer.echo("Interrupted.", err=True)
        sys.exit(int(ExitStatus.INTERRUPTED))
    except Exception as exc:
        error = _user_error(exc)
        if error is None:
            raise
        _note(f"Error: {error}")
        sys.exit(int(error.exit_status))
    sys.exit(int(ExitStatus.OK))
