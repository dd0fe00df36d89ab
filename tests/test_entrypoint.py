"""Real runs of the installed ``quotecli`` script: what a user's shell sees."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import quotecli
from quotecli.cli import WHO_SAID_TSV
from quotecli.model import DIRECT, Article, Extraction, Quote
from quotecli.store import Store

# Modules that must stay out of `quotecli --help`: each costs start-up time on
# every TAB completion and every pipeline stage.
HEAVY = (
    "sqlite_utils",
    "thefuzz",
    "rapidfuzz",
    "rich.table",
    "rich.console",
    "quotecli.store",
    "quotecli.search",
    "quotecli.extract",
    "quotecli.indexing",
    "trafilatura",
    "lxml",
)


def run(args: list[str], db: Path, **kwargs) -> subprocess.CompletedProcess[str]:
    from quotecli.store import default_db_path

    env = dict(os.environ)
    # The default location (where the seed may go) is chosen by leaving QUOTECLI_DB out.
    if db != default_db_path():
        env["QUOTECLI_DB"] = str(db)
    env.pop("FORCE_COLOR", None)
    return subprocess.run(args, env=env, capture_output=True, text=True, timeout=120, **kwargs)


def test_version(quotecli_bin, isolated_db):
    result = run([quotecli_bin, "--version"], isolated_db)
    assert result.returncode == 0
    assert result.stdout == f"quotecli {quotecli.__version__}\n"
    assert not isolated_db.exists()


def test_python_dash_m(isolated_db):
    result = run([sys.executable, "-m", "quotecli", "--help"], isolated_db)
    assert result.returncode == 0
    assert result.stdout.startswith("Usage: quotecli ")


def test_who_said_on_the_seeds_through_a_pipe(quotecli_bin, isolated_db):
    result = run([quotecli_bin, "who-said", "We have to get that war ended"], isolated_db)
    assert result.returncode == 0, result.stderr
    assert "Indexed the bundled seed article" in result.stderr
    lines = result.stdout.splitlines()
    # stdout is a pipe here, so `auto` means TSV: a header, then tab-separated rows.
    assert lines[0] == "\t".join(WHO_SAID_TSV)
    assert "\x1b[" not in result.stdout
    fields = lines[1].split("\t")
    assert len(fields) == len(WHO_SAID_TSV)
    assert "We have to get that war ended" in fields[WHO_SAID_TSV.index("text")]
    assert fields[WHO_SAID_TSV.index("speaker")] == "Donald Trump"


def test_readme_example_answers(quotecli_bin, isolated_db):
    result = run([quotecli_bin, "who-said", "24 hours", "--json"], isolated_db)
    assert result.returncode == 0, result.stderr
    assert '"speaker": "Donald Trump"' in result.stdout


def test_no_match_exits_1(quotecli_bin, isolated_db):
    run([quotecli_bin, "speakers"], isolated_db)
    result = run([quotecli_bin, "who-said", "xylophone quartet"], isolated_db)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == 'No quote matches "xylophone quartet".\n'


def test_bad_path_is_one_line_exit_2(quotecli_bin, isolated_db, tmp_path):
    result = run([quotecli_bin, "index", str(tmp_path / "missing.txt")], isolated_db)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == f"Error: {tmp_path / 'missing.txt'}: no such file or directory\n"
    assert not isolated_db.exists()


def test_corrupt_database_is_one_line_exit_2(quotecli_bin, tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"\x00garbage" * 100)
    result = run([quotecli_bin, "list"], bad)
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_index_from_stdin(quotecli_bin, isolated_db):
    result = run(
        [quotecli_bin, "index", "-"],
        isolated_db,
        input="“The ferry is late again,” said Omar Haddad.\n",
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith("Indexed 1 new article (")


def test_closed_pipe_is_not_a_traceback(quotecli_bin, isolated_db):
    # Far more output than a pipe buffers, so `head` really closes the pipe early.
    sentences = [f"“We will build {i} homes,” said Lina Park." for i in range(1500)]
    text = " ".join(sentences)
    quotes, offset = [], 0
    for sentence in sentences:
        start = text.index("We", offset)
        end = text.index(",”", start) + 1
        quotes.append(
            Quote(
                text=text[start:end],
                start=start,
                end=end,
                kind=DIRECT,
                speaker="Lina Park",
                speaker_type="person",
                mention="Lina Park",
                cue="said",
                context=sentence,
                context_start=start - 1,
                context_end=start - 1 + len(sentence),
                rule="test",
            )
        )
        offset = end
    with Store(isolated_db) as store:
        store.add_article(Article(text=text, source="homes.txt"), Extraction(quotes=tuple(quotes)))
    env = {**os.environ, "QUOTECLI_DB": str(isolated_db)}
    shell = f"'{quotecli_bin}' list -f jsonl | head -n 1; echo \"status ${{PIPESTATUS[0]}}\""
    result = subprocess.run(
        ["bash", "-c", shell], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.stdout.count("\n") == 2
    # The status a shell reports for a program whose reader left (128 + SIGPIPE),
    # not 1, which would mean that nothing matched.
    assert result.stdout.endswith("status 141\n")
    assert "Traceback" not in result.stderr
    assert "Exception ignored" not in result.stderr


def _imported_modules(args: list[str], env_extra: dict[str, str] | None = None) -> set[str]:
    env = {**os.environ, **(env_extra or {})}
    result = subprocess.run(
        [sys.executable, "-X", "importtime", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    names = set()
    for line in result.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip())
    return names


@pytest.mark.parametrize(
    "args",
    [
        ["-m", "quotecli", "--help"],
        ["-m", "quotecli", "who-said", "--help"],
        ["-m", "quotecli", "index", "--help"],
        ["-m", "quotecli", "--version"],
    ],
)
def test_help_does_not_import_heavy_modules(args):
    imported = _imported_modules(args)
    assert "typer" in imported  # the measurement works
    assert not imported & set(HEAVY)


def test_completion_does_not_import_the_database():
    imported = _imported_modules(
        ["-m", "quotecli"],
        {
            "_QUOTECLI_COMPLETE": "complete_bash",
            "COMP_WORDS": "quotecli li",
            "COMP_CWORD": "1",
        },
    )
    assert not imported & {"sqlite_utils", "thefuzz", "rapidfuzz", "quotecli.store"}


def test_import_quotecli_is_light():
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, quotecli; quotecli.__version__; quotecli.QuotecliError;"
            "print(sorted(m for m in sys.modules if m.startswith(('sqlite', 'thefuzz', 'rich',"
            " 'typer', 'quotecli.'))))",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['quotecli.errors']"


def test_library_api_resolves():
    for name in quotecli.__all__:
        assert getattr(quotecli, name) is not None, name
    assert "Store" in dir(quotecli)


def test_engine_is_exported_beside_its_package():
    import quotecli.extract

    text = "“We are ready,” said Ana Ruiz."
    assert quotecli.extract_quotes(text) == quotecli.extract.extract(text)
    assert [q.speaker for q in quotecli.extract_quotes(text).quotes] == ["Ana Ruiz"]


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_auto_format_is_a_table_on_a_terminal(quotecli_bin, isolated_db):
    import pty

    primary, secondary = pty.openpty()
    env = {**os.environ, "COLUMNS": "100", "TERM": "xterm"}
    env.pop("NO_COLOR", None)
    env.pop("FORCE_COLOR", None)
    try:
        result = subprocess.run(
            [quotecli_bin, "speakers"],
            env=env,
            stdout=secondary,
            stderr=subprocess.PIPE,
            timeout=120,
        )
        os.close(secondary)
        chunks = []
        while True:
            try:
                chunk = os.read(primary, 65536)
            except OSError:  # Linux signals the end of a pty's output this way
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(primary)
    shown = b"".join(chunks).decode()
    assert result.returncode == 0
    assert "speaker" in shown and "\t" not in shown
    assert "\x1b[" in shown  # coloured on a terminal
    plain = run([quotecli_bin, "speakers"], isolated_db)
    assert plain.stdout.startswith("speaker\ttype\t")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_index_shows_progress_on_a_terminal_and_one_line_elsewhere(
    quotecli_bin, isolated_db, tmp_path
):
    import json
    import pty

    feed = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": n, "text": f"“Road {n} opens soon,” said Mayor Ann Lee."})
        for n in range(150)
    ]
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    primary, secondary = pty.openpty()
    env = {**os.environ, "COLUMNS": "100", "TERM": "xterm"}
    try:
        result = subprocess.run(
            [quotecli_bin, "index", str(feed)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=secondary,
            timeout=120,
        )
        os.close(secondary)
        chunks = []
        while True:
            try:
                chunk = os.read(primary, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(primary)
    shown = b"".join(chunks).decode()
    assert result.returncode == 0
    assert "Indexing" in shown and "articles ·" in shown and "quotes" in shown
    assert "Indexed 150 new articles (" in shown

    again = run([quotecli_bin, "index", str(feed)], isolated_db)
    assert again.returncode == 0
    assert again.stderr.count("\n") == 1
    assert again.stderr.startswith("Indexed 0 new articles, 150 unchanged (0 quotes) into ")


@pytest.mark.parametrize(
    "command",
    [
        ["who-said", "first light", "-f", "tsv"],
        ["who-said", "we sail again at frist light", "-f", "json"],
        ["list", "--speaker", "Delgado", "-f", "jsonl"],
        ["speakers", "-f", "csv"],
        ["show", "1", "-f", "json"],
    ],
)
def test_read_commands_do_not_import_the_writer_side(command, tmp_path):
    """A query needs no sqlite-utils (it may load pandas), article readers or engine."""
    db = tmp_path / "read.db"
    text = "The ferry captain, Rosa Delgado, said, “We sail again at first light.”"
    start = text.index("We")
    end = text.index("”")
    quote = Quote(
        text=text[start:end],
        start=start,
        end=end,
        kind=DIRECT,
        speaker="Rosa Delgado",
        speaker_type="person",
        mention="Rosa Delgado",
        cue="said",
        context=text,
        context_start=0,
        context_end=len(text),
        rule="test",
    )
    with Store(db) as store:
        store.add_article(Article(text=text, source="ferry.txt"), Extraction(quotes=(quote,)))
    imported = _imported_modules(["-m", "quotecli", *command], {"QUOTECLI_DB": str(db)})
    assert "quotecli.search" in imported  # the measurement works
    writer_side = {"sqlite_utils", "quotecli.documents", "quotecli.indexing", "pandas"}
    assert not imported & {*writer_side, "quotecli.extract.pipeline", "quotecli.extract.attribute"}
