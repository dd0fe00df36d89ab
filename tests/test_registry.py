"""Speakers across an archive, and the user's corrections to them, which last.

The archive is indexed through the real command (engine included) from short
articles written for these tests; the corrections go through the command line.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest
from clirun import run
from hypothesis import given, settings
from hypothesis import strategies as st

from quotecli.errors import InputError
from quotecli.model import ORGANISATION, PERSON, Article
from quotecli.registry import parse
from quotecli.store import Store

ARTICLES = {
    "budget.txt": (
        "Chancellor Peter Vance unveiled his budget on Wednesday. “This is a budget for "
        "families,” Mr Vance told MPs. The chancellor said growth would be strong.\n\n"
        "The Lib Dems said the plan was unfair. “It is a tax on savers,” said Tory leader "
        "Michael Dale."
    ),
    "defence.txt": (
        "Defence spokesman Dr Ian Marsh attacked the plans. “This is a disgrace,” Dr Marsh "
        "said.\n\nThe Liberal Democrats said they would vote against."
    ),
    "schools.txt": (
        "Sir Alan Pryce, head of the funding council, said fees were fair. “Students will "
        "pay,” Sir Alan said.\n\nThe Conservatives said the scheme was a mess."
    ),
    "tories.txt": ("“We will win,” said Mr Dale. The Tories said they were ready."),
}


@pytest.fixture
def archive(tmp_path: Path, isolated_db: Path) -> Path:
    """The four articles, indexed; returns their folder."""
    folder = tmp_path / "archive"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    result = run("index", str(folder))
    assert result.exit_code == 0, result.stderr
    return folder


def speakers(*args: str) -> dict[str, dict[str, str]]:
    result = run("speakers", "-n", "0", "-f", "json", *args)
    assert result.exit_code == 0, result.stderr
    return {row["speaker"]: row for row in json.loads(result.stdout)}


def dump(path: Path) -> list[str]:
    """Every row of the index, to see that a failed command changed nothing."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


# Identity across the archive ---------------------------------------------------


def test_one_person_one_speaker_across_articles(archive: Path) -> None:
    found = speakers()
    # "Mr Vance" and "the chancellor" are Peter Vance; "Dr Marsh" is Ian Marsh.
    assert found["Peter Vance"]["type"] == PERSON
    assert int(found["Peter Vance"]["quotes"]) >= 2
    assert "Ian Marsh" in found and "Dr Marsh" not in found
    assert found["Ian Marsh"]["type"] == PERSON
    # "Mr Dale" in another article joins the one Dale the archive knows.
    assert "Mr Dale" not in found
    assert "Mr Dale (1)" in found["Michael Dale"]["found_as"]
    # Party variants are one speaker with the forms it was found under.
    assert "Lib Dems" not in found and "Tories" not in found
    assert found["Liberal Democrats"]["type"] == ORGANISATION
    assert "Lib Dems (1)" in found["Liberal Democrats"]["found_as"]
    assert "Tories (1)" in found["Conservatives"]["found_as"]
    # Sir Alan is Sir Alan Pryce, called by his first name.
    assert "Alan Pryce" in found


@pytest.mark.parametrize(
    ("query", "speaker"),
    [
        ("Peter Vance", "Peter Vance"),
        ("Mr Vance", "Peter Vance"),
        ("Vance", "Peter Vance"),
        ("peter vanse", "Peter Vance"),
        ("Tory party", "Conservatives"),
        ("Lib Dems", "Liberal Democrats"),
    ],
)
def test_list_speaker_finds_a_speaker_by_any_form_of_the_name(archive, query, speaker) -> None:
    result = run("list", "--speaker", query, "-f", "tsv")
    assert result.exit_code == 0, query
    assert {line.split("\t")[0] for line in result.stdout.splitlines()[1:]} == {speaker}


def test_speakers_can_be_searched_by_name_and_type(archive: Path) -> None:
    assert list(speakers("--name", "dr marsh")) == ["Ian Marsh"]
    organisations = speakers("--type", "organisation")
    assert {"Liberal Democrats", "Conservatives"} <= set(organisations)
    assert all(row["type"] == ORGANISATION for row in organisations.values())
    bad = run("speakers", "--type", "robot")
    assert bad.exit_code == 2
    assert bad.stderr.startswith("Error: unknown type 'robot'")


def test_unattributed_quotes_are_listed(isolated_db: Path, extraction_for) -> None:
    text = "Nobody knew who wrote it. “The bridge is closed,” read the sign. Ana Ruiz said no."
    with Store(isolated_db) as store:
        extraction = extraction_for(
            text,
            [
                {"speaker": None, "quote": "The bridge is closed"},
                {"speaker": "Ana Ruiz", "quote": "no"},
            ],
        )
        store.add_article(Article(text, "sign.txt"), extraction)
    result = run("list", "--unattributed", "-f", "tsv")
    assert result.exit_code == 0
    assert [line.split("\t")[3] for line in result.stdout.splitlines()[1:]] == [
        "The bridge is closed"
    ]
    both = run("list", "--unattributed", "--speaker", "Ana Ruiz")
    assert (both.exit_code, both.stderr) == (2, "Error: --unattributed contradicts --speaker\n")


# Decisions that last ------------------------------------------------------------


def test_merge_rename_alias_split_type_survive_rebuild(archive: Path, isolated_db: Path) -> None:
    steps = [
        ("speakers", "merge", "Michael Dale", "Conservatives"),
        ("speakers", "rename", "Michael Dale", "Mike Dale"),
        ("speakers", "alias", "add", "Liberal Democrats", "Yellows"),
        ("speakers", "split", "Mike Dale", "Mr Dale", "--as", "Martin Dale"),
        ("speakers", "type", "Liberal Democrats", "group"),
    ]
    for step in steps:
        result = run(*step)
        assert result.exit_code == 0, (step, result.stderr)

    def check() -> None:
        found = speakers()
        assert "Michael Dale" not in found and "Conservatives" not in found
        dale = found["Mike Dale"]
        assert "Michael Dale" in dale["aliases"] and "Conservatives" in dale["aliases"]
        assert "Tories (1)" in dale["found_as"]
        assert "Michael Dale (1)" in dale["found_as"]
        assert "Yellows" in found["Liberal Democrats"]["aliases"]
        assert found["Liberal Democrats"]["type"] == "group"
        assert found["Martin Dale"]["found_as"] == "Mr Dale (1)"
        assert "Mr Dale" not in found["Mike Dale"]["found_as"]
        assert list(speakers("--name", "Yellows")) == ["Liberal Democrats"]

    check()
    before = run("speakers", "export", "-").stdout
    result = run("index", "--rebuild", str(archive))
    assert result.exit_code == 0, result.stderr
    check()
    assert run("speakers", "export", "-").stdout == before
    # Re-indexing a changed article applies them again too.
    (archive / "tories.txt").write_text(ARTICLES["tories.txt"] + " The end.", encoding="utf-8")
    assert run("index", str(archive)).exit_code == 0
    check()


def test_alias_remove_takes_the_name_and_its_quotes_away(archive: Path) -> None:
    result = run("speakers", "alias", "remove", "Michael Dale", "Mr Dale")
    assert result.exit_code == 0, result.stderr
    found = speakers()
    assert "Mr Dale" not in found["Michael Dale"]["aliases"]
    assert found["Mr Dale"]["found_as"] == "Mr Dale (1)"
    assert run("index", "--rebuild", str(archive)).exit_code == 0
    assert speakers()["Mr Dale"]["found_as"] == "Mr Dale (1)"


def test_a_quote_set_by_hand_keeps_its_speaker(archive: Path) -> None:
    quotes = run("list", "--speaker", "Ian Marsh", "-f", "tsv").stdout.splitlines()[1:]
    quote_id = quotes[0].split("\t")[5]
    result = run("attribute", quote_id, "Mr Dale")
    assert result.exit_code == 0, result.stderr
    shown = run("show", quote_id, "-f", "json").stdout
    assert '"speaker": "Michael Dale"' in shown
    assert "set by hand" in shown
    assert run("index", "--rebuild", str(archive)).exit_code == 0
    moved = run("list", "--speaker", "Michael Dale", "-f", "tsv").stdout
    assert "This is a disgrace" in moved


def test_export_and_import_into_another_index(archive: Path, tmp_path: Path) -> None:
    assert run("speakers", "merge", "Michael Dale", "Conservatives").exit_code == 0
    assert run("speakers", "rename", "Ian Marsh", "Dr Ian Marsh").exit_code == 0
    registry = tmp_path / "registry.txt"
    assert run("speakers", "export", str(registry)).exit_code == 0
    text = registry.read_text(encoding="utf-8")
    assert "merge 'Michael Dale' Conservatives\n" in text
    assert "rename 'Ian Marsh' 'Dr Ian Marsh'\n" in text

    other = tmp_path / "other.db"
    assert run("index", str(archive), "--db", str(other)).exit_code == 0
    result = run("speakers", "import", str(registry), "--db", str(other))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == "Imported 2 new decisions.\n"
    found = speakers("--db", str(other))
    assert "Dr Ian Marsh" in found and "Conservatives" not in found
    # Importing again changes nothing and adds no decision twice.
    again = run("speakers", "import", "-", "--db", str(other), input=text)
    assert again.stderr == "Imported 0 new decisions.\n"
    assert run("speakers", "export", "-", "--db", str(other)).stdout == text


# Bad input: one clear line, exit 2, nothing changed -----------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("speakers", "merge", "Michael Dale", "Nobody Known"),
            "Error: no speaker named 'Nobody Known' (find it with `quotecli speakers --name NAME`)",
        ),
        (
            ("speakers", "merge", "Michael Dale", "Mr Dale"),
            "Error: 'Michael Dale' and 'Mr Dale' are already one speaker",
        ),
        (
            ("speakers", "merge", "Michael Dale", "michael dale"),
            "Error: cannot merge 'Michael Dale' into itself",
        ),
        (
            ("speakers", "rename", "Ian Marsh", "Michael Dale"),
            "Error: another speaker is called 'Michael Dale' (merge them with "
            "`quotecli speakers merge 'Michael Dale' 'Ian Marsh'`)",
        ),
        (
            ("speakers", "split", "Ian Marsh", "Dr Nobody"),
            "Error: 'Dr Nobody' is not an alias of 'Ian Marsh'",
        ),
        (
            ("speakers", "type", "Ian Marsh", "robot"),
            "Error: unknown type 'robot' (choose one of person, organisation, group, anonymous)",
        ),
        (
            ("attribute", "999", "Ian Marsh"),
            "Error: no quote with id 999 (find ids with `quotecli list`)",
        ),
    ],
)
def test_bad_corrections_change_nothing(archive, isolated_db, args, message) -> None:
    before = dump(isolated_db)
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr == message + "\n"
    assert dump(isolated_db) == before


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("merge 'Michael Dale", "registry.txt, line 2: a quotation mark is not closed"),
        ("merge 'Michael Dale'", "registry.txt, line 2: merge takes 2 values, not 1"),
        ("promote 'Michael Dale' x", "registry.txt, line 2: unknown decision 'promote'"),
        ("type 'Michael Dale' robot", "registry.txt, line 2: unknown type 'robot'"),
        ("merge 'Michael Dale' 'Nobody Known'", "registry.txt, line 2: no speaker named"),
    ],
)
def test_a_bad_import_line_changes_nothing(archive, isolated_db, tmp_path, line, message):
    registry = tmp_path / "registry.txt"
    registry.write_text(f"merge 'Liberal Democrats' Conservatives\n{line}\n", encoding="utf-8")
    before = dump(isolated_db)
    result = run("speakers", "import", str(registry))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {registry}, line 2: ")
    assert message.replace("registry.txt", str(registry)) in result.stderr
    assert result.stderr.count("\n") == 1
    assert dump(isolated_db) == before


def test_parse_reads_what_export_writes() -> None:
    text = "# comment\n\nmerge 'A B' C\nalias add C \"D's\"\nsplit X Y Z\nattribute abc 1 5 'A B'\n"
    decisions = parse(text)
    assert [d.line() for d in decisions] == [
        "merge 'A B' C",
        "alias add C 'D'\"'\"'s'",
        "split X Y Z",
        "attribute abc 1 5 'A B'",
    ]
    assert parse("\n".join(d.line() for d in decisions)) == decisions
    with pytest.raises(InputError, match="line 1: a quote's offsets must be whole numbers"):
        parse("attribute abc one 5 X")


# Completion --------------------------------------------------------------------


@pytest.mark.parametrize("words", ["quotecli list --speaker Mi", "quotecli speakers merge Mi"])
def test_tab_completes_speaker_names_from_the_index(archive, isolated_db, quotecli_bin, words):
    result = subprocess.run(
        [quotecli_bin],
        env={
            **os.environ,
            "QUOTECLI_DB": str(isolated_db),
            "_QUOTECLI_COMPLETE": "complete_bash",
            "COMP_WORDS": words,
            "COMP_CWORD": "3",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Michael Dale" in result.stdout.splitlines()


def test_completion_never_creates_an_index(tmp_path, quotecli_bin):
    missing = tmp_path / "none.db"
    result = subprocess.run(
        [quotecli_bin],
        env={
            **os.environ,
            "QUOTECLI_DB": str(missing),
            "_QUOTECLI_COMPLETE": "complete_bash",
            "COMP_WORDS": "quotecli list --speaker ",
            "COMP_CWORD": "3",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0
    assert result.stdout.strip() == ""
    assert not missing.exists()


@given(st.text(max_size=200))
@settings(max_examples=300, deadline=None)
def test_any_import_text_parses_or_is_one_clear_error(text: str) -> None:
    try:
        decisions = parse(text, "registry.txt")
    except InputError as exc:
        assert str(exc).startswith("registry.txt, line ")
    else:
        assert parse("\n".join(d.line() for d in decisions)) == decisions
