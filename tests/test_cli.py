"""The command line through CliRunner: machine formats asserted whole, errors as one line.

The index here is built with Store.add_article from hand-made extractions, so
these tests pin the command line's contract independently of the engine.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest
from clirun import run, runner

import quotecli
from quotecli import cli
from quotecli.model import INDIRECT, ORGANISATION, Article
from quotecli.store import Store

BRIDGE = (
    "Mayor Ana Ruiz said, “The bridge will reopen in June.” Critics were unconvinced.\n"
    "“We have heard that before,” said Tom Hale, who runs a bakery by the river."
)
COUNCIL = "The city council said that repairs would cost more than planned."


@pytest.fixture
def db(isolated_db: Path, extraction_for) -> Path:
    """Two articles, three quotes, three speakers: every id below is known."""
    with Store(isolated_db) as store:
        store.add_article(
            Article(
                text=BRIDGE,
                source="news/bridge.txt",
                title="Bridge repairs",
                # a feed's RFC 2822 date, stored as an ISO date
                date="Tue, 01 Mar 2005 09:30:00 +0000",
                author="Jo Reed",
            ),
            extraction_for(
                BRIDGE,
                [
                    {
                        "speaker": "Ana Ruiz",
                        "quote": "The bridge will reopen in June.",
                        "role": "Mayor",
                        "aliases": ["Ruiz"],
                        "mention": "Mayor Ana Ruiz",
                    },
                    {
                        "speaker": "Tom Hale",
                        "quote": "We have heard that before,",
                        "mention": "Tom Hale",
                    },
                ],
            ),
        )
        store.add_article(
            Article(text=COUNCIL, source="news/council.md", date="12 March 2005"),
            extraction_for(
                COUNCIL,
                [
                    {
                        "speaker": "City council",
                        "quote": "repairs would cost more than planned",
                        "kind": INDIRECT,
                        "type": ORGANISATION,
                        "mention": "The city council",
                        "rule": "reported-that",
                    },
                ],
            ),
        )
    return isolated_db


def digest(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


# machine formats -----------------------------------------------------------------


def test_list_tsv(db):
    result = run("list")
    assert result.exit_code == 0
    assert result.stdout == (
        "speaker\tkind\tcue\ttext\tarticle\tid\tcontext\tdate\tsource\tauthor\n"
        "Ana Ruiz\tdirect\tsaid\tThe bridge will reopen in June.\tBridge repairs\t1\t"
        "Mayor Ana Ruiz said, “The bridge will reopen in June.”\t2005-03-01\tnews/bridge.txt\t"
        "Jo Reed\n"
        "Tom Hale\tdirect\tsaid\tWe have heard that before,\tBridge repairs\t2\t"
        "“We have heard that before,”\t2005-03-01\tnews/bridge.txt\tJo Reed\n"
        "City council\tindirect\tsaid\trepairs would cost more than planned\tcouncil.md\t3\t"
        "The city council said that repairs would cost more than planned.\t2005-03-12\t"
        "news/council.md\t\n"
    )
    assert result.stderr == ""


def test_list_json_has_every_field(db):
    result = run("list", "--kind", "indirect", "--json")
    assert result.exit_code == 0
    assert (
        result.stdout
        == """\
[
  {
    "id": 3,
    "speaker": "City council",
    "speaker_type": "organisation",
    "role": null,
    "kind": "indirect",
    "cue": "said",
    "text": "repairs would cost more than planned",
    "article_id": 2,
    "article": "council.md",
    "context": "The city council said that repairs would cost more than planned.",
    "start": 27,
    "end": 63,
    "mention": "The city council",
    "rule": "reported-that",
    "parts": null,
    "date": "2005-03-12",
    "source": "news/council.md",
    "author": null
  }
]
"""
    )


def test_list_jsonl(db):
    result = run("list", "--speaker", "tom hale", "-f", "jsonl")
    assert result.exit_code == 0
    assert result.stdout == (
        '{"id": 2, "speaker": "Tom Hale", "speaker_type": "person", "role": null, '
        '"kind": "direct", "cue": "said", "text": "We have heard that before,", '
        '"article_id": 1, "article": "Bridge repairs", '
        '"context": "“We have heard that before,”", "start": 82, "end": 108, '
        '"mention": "Tom Hale", "rule": "test", "parts": null, "date": "2005-03-01", '
        '"source": "news/bridge.txt", "author": "Jo Reed"}\n'
    )


def test_list_csv(db):
    result = run("list", "--article", "1", "--format", "csv")
    assert result.exit_code == 0
    assert result.stdout == (
        "speaker,kind,cue,text,article,id,context,date,source,author\n"
        "Ana Ruiz,direct,said,The bridge will reopen in June.,Bridge repairs,1,"
        '"Mayor Ana Ruiz said, “The bridge will reopen in June.”",2005-03-01,news/bridge.txt,'
        "Jo Reed\n"
        'Tom Hale,direct,said,"We have heard that before,",Bridge repairs,2,'
        '"“We have heard that before,”",2005-03-01,news/bridge.txt,Jo Reed\n'
    )


def test_who_said_tsv(db):
    result = run("who-said", "reopen in June")
    assert result.exit_code == 0
    assert result.stdout == (
        "speaker\tkind\tcue\ttext\tarticle\tid\tcontext\tmatch\tdate\tsource\tauthor\n"
        "Ana Ruiz\tdirect\tsaid\tThe bridge will reopen in June.\tBridge repairs\t1\t"
        "Mayor Ana Ruiz said, “The bridge will reopen in June.”\tphrase\t2005-03-01\t"
        "news/bridge.txt\tJo Reed\n"
    )


def test_who_said_json(db):
    result = run("who-said", "repairs would cost", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == [
        {
            "id": 3,
            "speaker": "City council",
            "speaker_type": "organisation",
            "role": None,
            "kind": "indirect",
            "cue": "said",
            "text": "repairs would cost more than planned",
            "article_id": 2,
            "article": "council.md",
            "context": "The city council said that repairs would cost more than planned.",
            "start": 27,
            "end": 63,
            "mention": "The city council",
            "rule": "reported-that",
            "match": "phrase",
            "score": 100.0,
            "parts": None,
            "date": "2005-03-12",
            "source": "news/council.md",
            "author": None,
        }
    ]


def test_who_said_takes_punctuation_literally(db):
    result = run("who-said", '"heard" AND (that) before*')
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1].startswith("Tom Hale\t")


def test_who_said_falls_back_to_fuzzy(db):
    result = run("who-said", "the brigde will reopen")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1].split("\t")[0] == "Ana Ruiz"
    assert result.stdout.splitlines()[1].split("\t")[7] == "fuzzy"


def test_who_said_nothing_matched(db):
    result = run("who-said", "zebra crossing")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == 'No quote matches "zebra crossing".\n'


def test_speakers_tsv(db):
    result = run("speakers")
    assert result.exit_code == 0
    assert result.stdout == (
        "speaker\ttype\trole\tquotes\tarticles\taliases\tid\tfound_as\n"
        "Ana Ruiz\tperson\tMayor\t1\t1\tRuiz\t1\tAna Ruiz (1)\n"
        "City council\torganisation\t\t1\t1\t\t3\tCity council (1)\n"
        "Tom Hale\tperson\t\t1\t1\t\t2\tTom Hale (1)\n"
    )


def test_speakers_limit(db):
    result = run("speakers", "-n", "1", "-f", "tsv")
    assert result.stdout.count("\n") == 2


def test_show_json(db):
    result = run("show", "1", "--json")
    assert result.exit_code == 0
    (row,) = json.loads(result.stdout)
    assert list(row)[14:21] == [
        "paragraph",
        "paragraph_start",
        "evidence",
        "parts",
        "date",
        "source",
        "author",
    ]
    assert row["evidence"].endswith(".")
    assert row["paragraph"] == (
        "Mayor Ana Ruiz said, “The bridge will reopen in June.” Critics were unconvinced."
    )
    assert row["paragraph_start"] == 0
    assert row["text"] == "The bridge will reopen in June."


def test_show_tsv(db):
    result = run("show", "2", "-f", "tsv")
    header, line = result.stdout.splitlines()
    assert header.split("\t") == [
        "id",
        "speaker",
        "speaker_type",
        "role",
        "kind",
        "cue",
        "text",
        "article_id",
        "article",
        "context",
        "start",
        "end",
        "mention",
        "rule",
        "paragraph",
        "paragraph_start",
        "evidence",
        "parts",
        "date",
        "source",
        "author",
        "same_quote_articles",
    ]
    assert line.split("\t")[:2] == ["2", "Tom Hale"]


def test_show_table_highlights_the_quote(db):
    result = run("show", "2", "--format", "table", "--no-color")
    assert result.exit_code == 0
    assert "**We have heard that before,**" in result.stdout
    assert "Quote 2: Tom Hale (direct)" in result.stdout
    assert "\x1b[" not in result.stdout


def test_show_missing_quote(db):
    result = run("show", "99")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: no quote with id 99")


def test_table_format_on_request(db):
    result = run("list", "--format", "table", "--no-color")
    assert result.exit_code == 0
    assert "Ana Ruiz" in result.stdout
    assert "quote" in result.stdout.splitlines()[1]
    assert "\x1b[" not in result.stdout


def test_force_color_colours_a_table(db, monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("TERM", raising=False)
    assert "\x1b[" in run("list", "-f", "table").stdout
    assert "\x1b[" not in run("list", "-f", "table", "--no-color").stdout


# filters and options ---------------------------------------------------------------


@pytest.mark.parametrize("name", ["Ana Ruiz", "ana ruiz", "Ruiz", "ANA RUIS"])
def test_list_speaker_by_name_alias_and_spelling(db, name):
    result = run("list", "--speaker", name, "-f", "tsv")
    assert result.exit_code == 0
    assert [line.split("\t")[5] for line in result.stdout.splitlines()[1:]] == ["1"]


def test_list_kind_and_limit(db):
    assert run("list", "--kind", "DIRECT", "-f", "tsv").stdout.count("\n") == 3
    assert run("list", "-n", "1", "-f", "tsv").stdout.count("\n") == 2
    assert run("list", "-n", "0", "-f", "tsv").stdout.count("\n") == 4


def test_list_nothing_matched(db):
    result = run("list", "--speaker", "Nobody Known")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "No quotes match speaker 'Nobody Known'.\n"


def test_format_auto_is_tsv_in_a_pipe(db):
    assert run("list", "-f", "auto").stdout == run("list", "-f", "tsv").stdout


def test_json_and_another_format_conflict(db):
    result = run("list", "--json", "-f", "csv")
    assert result.exit_code == 2
    assert result.stderr == "Error: --json contradicts --format csv\n"


def test_negative_limit(db):
    result = run("list", "-n", "-1")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: --limit must be 0 or more")


def test_db_option_beats_environment(db, tmp_path):
    other = tmp_path / "other.db"
    result = run("index", "-", "--db", str(other), input="“Fine,” said Joe Bloggs.\n")
    assert result.exit_code == 0
    with Store(other) as store:
        assert store.article_count() == 1
    with Store(db) as store:
        assert store.article_count() == 2


def test_version():
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout == f"quotecli {quotecli.__version__}\n"


def test_no_arguments_shows_help():
    result = run()
    assert "Usage:" in result.stdout + result.stderr
    assert "who-said" in result.stdout + result.stderr


# seeding and indexing -----------------------------------------------------------


def test_read_command_seeds_a_missing_database(isolated_db):
    assert not isolated_db.exists()
    result = run("speakers")
    assert "Indexed the bundled seed article" in result.stderr
    with Store(isolated_db) as store:
        assert store.article_count() == 1
    again = run("speakers")
    assert "seed" not in again.stderr


def test_read_command_on_an_existing_index_does_not_seed(db):
    before = digest(db)
    result = run("list", "-f", "tsv")
    assert "seed" not in result.stderr
    assert digest(db) == before


def test_index_adds_only_what_it_was_given(isolated_db, tmp_path):
    article = tmp_path / "hall.txt"
    article.write_text("“The hall opens on Monday,” said Priya Shah.\n", encoding="utf-8")
    result = run("index", str(article))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr.startswith("Indexed 1 new article (")
    assert str(isolated_db) in result.stderr
    with Store(isolated_db) as store:
        assert store.article_count() == 1
        assert store.get_article(1)["source"] == str(article)

    again = run("index", str(article))
    assert again.exit_code == 0
    assert again.stderr.startswith("Indexed 0 new articles, 1 unchanged (0 quotes)")


def test_index_directory_and_stdin(isolated_db, tmp_path):
    folder = tmp_path / "archive"
    (folder / "2024").mkdir(parents=True)
    (folder / "a.md").write_text("# Storm\n\n“Stay indoors,” the warden said.\n")
    (folder / "2024" / "b.jsonl").write_text(
        json.dumps({"id": "x1", "title": "Floods", "text": "“Roads are shut,” police said."}) + "\n"
    )
    (folder / "notes.pdf").write_bytes(b"%PDF\x00")
    result = run("index", str(folder), "-", input="“Gates open at nine,” said a steward.")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith("Indexed 3 new articles (")
    with Store(isolated_db) as store:
        titles = {store.get_article(i)["title"] for i in (1, 2, 3)}
    assert titles == {"Storm", "Floods", None}


def test_index_reports_warnings(isolated_db, tmp_path):
    article = tmp_path / "latin.txt"
    article.write_bytes("“Ça va,” said Zoë.".encode() + b" caf\xe9\n")
    result = run("index", str(article))
    assert result.exit_code == 0
    assert "Warning: " in result.stderr
    assert "U+FFFD" in result.stderr


def test_extract_prints_rows_and_stores_nothing(isolated_db, tmp_path):
    article = tmp_path / "one.txt"
    article.write_text("Nothing to see. “The pool is closed,” said Ann Lee.\n")
    result = run("extract", str(article), "--json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert "The pool is closed" in [r["text"].rstrip(",") for r in rows]
    row = rows[0]
    assert list(row) == list(cli.EXTRACT_FIELDS)
    text = article.read_text()
    assert text[row["start"] : row["end"]] == row["text"]
    assert not isolated_db.exists()


def test_extract_uses_the_engine_output(monkeypatch):
    from quotecli.model import Extraction, Quote

    text = "Ann Lee: pools shut."

    def fake_extract(given: str) -> Extraction:
        assert given == text
        return Extraction(
            quotes=(
                Quote(
                    text="pools shut",
                    start=9,
                    end=19,
                    kind="indirect",
                    speaker="Ann Lee",
                    speaker_type="person",
                    mention="Ann Lee",
                    cue=":",
                    context=text,
                    context_start=0,
                    context_end=20,
                    rule="colon",
                    role="Coach",
                ),
            )
        )

    monkeypatch.setattr("quotecli.extract.extract", fake_extract)
    result = run("extract", "-", "-f", "tsv", input=text)
    assert result.exit_code == 0
    assert result.stdout == (
        "speaker\tkind\tcue\ttext\tstart\tend\tcontext\tarticle\tdate\tsource\tauthor\n"
        "Ann Lee\tindirect\t:\tpools shut\t9\t19\tAnn Lee: pools shut.\t<stdin>\t\t<stdin>\t\n"
    )
    result = run("extract", "-", "--json", input=text)
    assert json.loads(result.stdout) == [
        {
            "speaker": "Ann Lee",
            "speaker_type": "person",
            "role": "Coach",
            "kind": "indirect",
            "cue": ":",
            "text": "pools shut",
            "article": "<stdin>",
            "context": "Ann Lee: pools shut.",
            "start": 9,
            "end": 19,
            "mention": "Ann Lee",
            "rule": "colon",
            "context_start": 0,
            "context_end": 20,
            "parts": None,
            "date": None,
            "source": "<stdin>",
            "author": None,
        }
    ]


def test_extract_nothing_found(monkeypatch):
    from quotecli.model import Extraction

    monkeypatch.setattr("quotecli.extract.extract", lambda text: Extraction())
    result = run("extract", "-", input="A quiet day.")
    assert result.exit_code == 1
    assert result.stderr == "No quotes found in standard input.\n"


# bad input ------------------------------------------------------------------------


def _bad_inputs(tmp: Path) -> dict[str, list[str]]:
    binary = tmp / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    empty = tmp / "empty.txt"
    empty.write_text("  \n\n")
    latin1 = tmp / "latin1.txt"
    latin1.write_bytes("“Déjà vu,” a dit Hélène Müller à Genève, très fâchée.".encode("cp1252"))
    return {
        "missing path": ["index", str(tmp / "no-such-file.txt")],
        "binary file": ["index", str(binary)],
        "empty file": ["index", str(empty)],
        "not UTF-8": ["index", str(latin1)],
        "not UTF-8 for extract": ["extract", str(latin1)],
        "punctuation-only query": ["who-said", "?!… --"],
        "unknown kind": ["list", "--kind", "rumour"],
        "bad format": ["list", "--format", "xml"],
        "bad format for who-said": ["who-said", "bridge", "-f", "yaml"],
        "missing article": ["list", "--article", "42"],
        "negative limit": ["speakers", "--limit", "-3"],
        "huge quote id": ["show", "99999999999999999999"],
        "database in a missing folder": ["list", "--db", str(tmp / "typo" / "q.db")],
        "huge article id": ["list", "--article", "99999999999999999999"],
        "unknown shell": ["completion", "tcsh"],
    }


BAD_CASES = [
    "missing path",
    "binary file",
    "empty file",
    "not UTF-8",
    "not UTF-8 for extract",
    "punctuation-only query",
    "unknown kind",
    "bad format",
    "bad format for who-said",
    "missing article",
    "negative limit",
    "huge quote id",
    "huge article id",
    "database in a missing folder",
    "unknown shell",
]


@pytest.mark.parametrize("case", BAD_CASES)
def test_bad_input_is_one_line_exit_2_and_changes_nothing(db, tmp_path, case):
    args = _bad_inputs(tmp_path)[case]
    before = digest(db)
    result = run(*args)
    assert result.exit_code == 2, result.stdout
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ")
    assert "Traceback" not in result.stderr
    assert digest(db) == before


@pytest.mark.parametrize(
    "args", [["index", "-"], ["list"], ["who-said", "bridge"], ["speakers"], ["show", "1"]]
)
def test_corrupt_database(tmp_path, args):
    bad = tmp_path / "corrupt.db"
    bad.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 8)
    before = digest(bad)
    result = run(*args, "--db", str(bad), input="“Hi,” she said.")
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"Error: {bad}: ")
    assert digest(bad) == before


def test_text_file_as_database(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database\n" * 50)
    before = digest(notes)
    result = run("speakers", "--db", str(notes))
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1
    assert digest(notes) == before


def test_bad_query_does_not_create_or_seed_the_database(isolated_db):
    result = run("who-said", "...")
    assert result.exit_code == 2
    assert not isolated_db.exists()


def test_bad_path_does_not_create_the_database(isolated_db, tmp_path):
    run("index", str(tmp_path / "nope.md"))
    assert not isolated_db.exists()


def test_sqlite_errors_become_one_line(db, monkeypatch):
    def broken(*args, **kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr("quotecli.search.list_quotes_counted", broken)
    result = run("list")
    assert result.exit_code == 2
    assert result.stderr == "Error: database error: disk I/O error\n"


def test_os_errors_become_one_line(db, monkeypatch):
    def broken(*args, **kwargs):
        raise PermissionError(13, "Permission denied", "/data/quotes.db")

    monkeypatch.setattr("quotecli.search.list_speakers", broken)
    result = run("speakers")
    assert result.exit_code == 2
    assert result.stderr == "Error: /data/quotes.db: Permission denied\n"


def test_interrupt_exits_130(db, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("quotecli.search.who_said_counted", interrupted)
    result = run("who-said", "bridge")
    assert result.exit_code == 130
    assert "Traceback" not in result.stderr


def test_bugs_are_not_disguised_as_user_errors(db, monkeypatch):
    def buggy(*args, **kwargs):
        raise ZeroDivisionError("oops")

    monkeypatch.setattr("quotecli.search.list_speakers", buggy)
    result = runner().invoke(cli.app, ["speakers"])
    assert isinstance(result.exception, ZeroDivisionError)
