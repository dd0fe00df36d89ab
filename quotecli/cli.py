"""The command line: parse options, call the library, render the rows.

This is the only module that imports Typer. Everything heavy (sqlite-utils,
thefuzz, Rich tables, the extraction engine) is imported inside the command
that needs it, because every TAB completion and every pipeline stage starts a
fresh process and pays for whatever is imported here.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, BinaryIO, NoReturn

import typer
from typer.core import TyperGroup

from quotecli.errors import ExitStatus, InputError, QueryError, QuotecliError
from quotecli.model import KINDS

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
QUOTE_TABLE = ("id", "speaker", "kind", "cue", "text", "article")
QUOTE_TSV = ("speaker", "kind", "cue", "text", "article", "id", "context")
WHO_SAID_TABLE = ("speaker", "text", "kind", "cue", "article", "context", "id")
WHO_SAID_TSV = (*QUOTE_TSV, "match")
SPEAKERS_TABLE = ("speaker", "type", "role", "quotes", "articles")
SPEAKERS_TSV = ("speaker", "type", "role", "quotes", "articles", "aliases", "id")
EXTRACT_TABLE = ("speaker", "kind", "cue", "text")
EXTRACT_TSV = ("speaker", "kind", "cue", "text", "start", "end", "context")
EXTRACT_FIELDS = (
    "speaker",
    "speaker_type",
    "role",
    "kind",
    "cue",
    "text",
    "article",
    "context",
    "start",
    "end",
    "mention",
    "rule",
    "context_start",
    "context_end",
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
    return None


def _fail(error: QuotecliError) -> NoReturn:
    typer.echo(f"Error: {error}", err=True)
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


# Options shared by the commands. --format and --kind are plain strings checked
# by the command itself, so a bad value is one clear line like every other error.
DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        metavar="PATH",
        envvar="QUOTECLI_DB",
        show_envvar=True,
        help="Index database. [default: quotecli.db in your user data directory]",
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
    typer.echo(message, err=True)


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
    if db is not None:
        return db
    from quotecli.store import default_db_path

    return default_db_path()


def _open_store(db: Path | None) -> Store:
    from quotecli.store import Store

    return Store(_db_path(db))


def _open_for_reading(db: Path | None) -> Store:
    """Open the index, first indexing the bundled seeds when it is missing or empty."""
    from quotecli.search import ensure_seeded

    store = _open_store(db)
    try:
        added = ensure_seeded(store)
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
) -> None:
    from quotecli.render import color_enabled, render

    if fmt == "table":
        columns: Sequence[str] = table
    elif fmt in ("tsv", "csv"):
        columns = tsv
    else:
        columns = list(rows[0].keys()) if rows else []
    out = sys.stdout
    render(rows, columns, fmt, out=out, color=color_enabled(out, no_color=no_color), title=title)


def _nothing(message: str) -> NoReturn:
    _note(message)
    raise typer.Exit(int(ExitStatus.NO_MATCH))


def _stdin_if_needed(paths: Iterable[str]) -> BinaryIO | None:
    from quotecli.documents import STDIN

    # Standard input is read only when asked for with "-", never just because it is a pipe.
    return typer.get_binary_stream("stdin") if STDIN in paths else None


@contextmanager
def _progress(total: int, no_color: bool) -> Iterator[Callable[..., None] | None]:
    """A per-article callback driving a transient progress bar, when stderr is a terminal."""
    if total < 2 or not sys.stderr.isatty():
        yield None
        return
    from rich.progress import Progress

    from quotecli.render import color_enabled, make_console

    console = make_console(sys.stderr, color=color_enabled(sys.stderr, no_color=no_color))
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("Indexing", total=total)
        yield lambda *_: progress.advance(task)


# ---------------------------------------------------------------------------
# commands


@app.command(
    epilog=(
        "\b\nExamples:\n"
        "  quotecli index article.txt\n"
        "  quotecli index ~/news/ --db newsroom.db\n"
        "  jq -c '{id, title, text}' feed.json | quotecli index -\n"
        "  curl -s https://example.com/story.txt | quotecli index -"
    ),
)
def index(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH...",
            show_default=False,
            help="Files or directories (.txt, .md, .jsonl, .ndjson); - for stdin.",
        ),
    ],
    db: DbOption = None,
    no_color: NoColorOption = False,
) -> None:
    """Index articles: extract quotes and speakers into the database.

    Directories are read recursively. A JSONL line needs a "text" field and may
    have "id", "title", "date" and "url". Re-indexing an unchanged article does
    nothing. Every input is read and checked before anything is written; the
    summary goes to stderr.
    """
    from quotecli.documents import read_articles
    from quotecli.search import index_articles

    articles = read_articles(paths, stdin=_stdin_if_needed(paths))
    with _open_store(db) as store:
        with _progress(len(articles), no_color) as advance:
            summary = index_articles(store, articles, on_article=advance)
        for warning in summary.warnings:
            _note(f"Warning: {warning}")
        added = f"{summary.added} new article{'s' if summary.added != 1 else ''}"
        unchanged = f", {summary.unchanged} unchanged" if summary.unchanged else ""
        quotes = f"{summary.quotes} quote{'s' if summary.quotes != 1 else ''}"
        _note(f"Indexed {added}{unchanged} ({quotes}) into {store.path}.")


@app.command(
    "who-said",
    epilog=(
        "\b\nExamples:\n"
        '  quotecli who-said "24 hours"\n'
        '  quotecli who-said "recoop those costs"     # fuzzy: finds "recoup"\n'
        '  quotecli who-said "end that war" --json | jq -r ".[0].speaker"\n'
        '  quotecli who-said "sanctions" -f tsv | cut -f1 | sort | uniq -c'
    ),
)
def who_said(
    query: Annotated[
        str,
        typer.Argument(
            metavar="QUERY", show_default=False, help="Words or a phrase from the quote."
        ),
    ],
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
    from quotecli.search import query_words
    from quotecli.search import who_said as search_who_said

    # Checked before the index is opened, so a bad query never seeds or writes.
    query_words(query)

    with _open_for_reading(db) as store:
        rows = search_who_said(store, query, limit=n)
    if not rows:
        _nothing(f'No quote matches "{query}".')
    _emit(
        rows,
        out_fmt,
        table=WHO_SAID_TABLE,
        tsv=WHO_SAID_TSV,
        no_color=no_color,
        title=f"Who said “{query}”",
    )


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
        ),
    ] = None,
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
    article: Annotated[
        int | None,
        typer.Option(
            "--article",
            "-a",
            metavar="ID",
            show_default=False,
            help="Only quotes from the article with this id.",
        ),
    ] = None,
    db: DbOption = None,
    fmt: FormatOption = "auto",
    as_json: JsonOption = False,
    limit: LimitOption = None,
    no_color: NoColorOption = False,
) -> None:
    """List quotes, filtered by speaker, kind or article.

    Quotes come in article order. Exit status 1 when no quote passes the filters.
    """
    out_fmt = _output_format(fmt, as_json)
    n = _limit(limit)
    from quotecli.search import check_kind, list_quotes

    if kind is not None:
        kind = check_kind(kind)  # before the index is opened, so nothing is seeded

    with _open_for_reading(db) as store:
        rows = list_quotes(store, speaker=speaker, kind=kind, article=article, limit=n)
    if not rows:
        filters = [
            f"speaker {speaker!r}" if speaker else "",
            f"kind {kind!r}" if kind else "",
            f"article {article}" if article is not None else "",
        ]
        described = ", ".join(f for f in filters if f)
        _nothing(f"No quotes match {described}." if described else "No quotes in the index.")
    _emit(rows, out_fmt, table=QUOTE_TABLE, tsv=QUOTE_TSV, no_color=no_color)


@app.command(
    epilog=(
        "\b\nExamples:\n"
        "  quotecli speakers\n"
        "  quotecli speakers -n 5\n"
        "  quotecli speakers -f tsv | cut -f1,4"
    ),
)
def speakers(
    db: DbOption = None,
    fmt: FormatOption = "auto",
    as_json: JsonOption = False,
    limit: LimitOption = None,
    no_color: NoColorOption = False,
) -> None:
    """List speakers: roles, number of quotes and articles.

    Most quoted first. Roles and aliases are every form seen in the articles.
    """
    out_fmt = _output_format(fmt, as_json)
    n = _limit(limit)
    from quotecli.search import list_speakers

    with _open_for_reading(db) as store:
        rows = list_speakers(store, limit=n)
    if not rows:
        _nothing("No speakers in the index.")
    _emit(rows, out_fmt, table=SPEAKERS_TABLE, tsv=SPEAKERS_TSV, no_color=no_color)


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
    no_color: NoColorOption = False,
) -> None:
    """Extract quotes from one text without storing anything.

    For checking what the engine finds in an article and for pipelines. Offsets
    (start, end) are character offsets into the text as read. Exit status 1 when
    no quote is found.
    """
    out_fmt = _output_format(fmt, as_json)
    n = _limit(limit)
    from quotecli.documents import read_articles
    from quotecli.extract import extract as run_extract

    articles = read_articles([file], stdin=_stdin_if_needed([file]))
    rows: list[dict] = []
    for article in articles:
        for warning in article.warnings:
            _note(f"Warning: {warning}")
        name = article.title or article.source
        for quote in run_extract(article.text).quotes:
            record = {
                "speaker": quote.speaker,
                "speaker_type": quote.speaker_type,
                "role": quote.role,
                "kind": quote.kind,
                "cue": quote.cue,
                "text": quote.text,
                "article": name,
                "context": quote.context,
                "start": quote.start,
                "end": quote.end,
                "mention": quote.mention,
                "rule": quote.rule,
                "context_start": quote.context_start,
                "context_end": quote.context_end,
            }
            rows.append({key: record[key] for key in EXTRACT_FIELDS})
    if n is not None:
        rows = rows[:n]
    if not rows:
        _nothing(f"No quotes found in {'standard input' if file == '-' else file}.")
    _emit(rows, out_fmt, table=EXTRACT_TABLE, tsv=EXTRACT_TSV, no_color=no_color)


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
    if os.environ.get(COMPLETE_VAR):
        # Completion classes are registered lazily by Typer; without the
        # --install-completion option nothing else registers them.
        from typer.completion import completion_init

        completion_init()
    try:
        app(args=list(argv) if argv is not None else None, prog_name=PROG)
    except KeyboardInterrupt:
        typer.echo("Interrupted.", err=True)
        sys.exit(int(ExitStatus.INTERRUPTED))
    except Exception as exc:
        error = _user_error(exc)
        if error is None:
            raise
        typer.echo(f"Error: {error}", err=True)
        sys.exit(int(error.exit_status))
    sys.exit(int(ExitStatus.OK))
