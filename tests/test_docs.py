"""README and --help stay in step with the commands."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from quotecli import cli
from quotecli.render import FORMATS

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
GROUP = typer.main.get_command(cli.app)
COMMANDS = sorted(GROUP.commands)  # type: ignore[attr-defined]
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.MULTILINE | re.DOTALL)


def test_every_command_is_documented():
    expected = [
        *("index", "who-said", "list", "speakers", "attribute", "show", "extract"),
        *("spark-extract", "completion", "check", "trace", "articles", "remove"),
    ]
    assert sorted(expected) == COMMANDS


@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_help_and_examples(name):
    command = GROUP.commands[name]  # type: ignore[attr-defined]
    assert command.help and command.help.strip()
    result = CliRunner().invoke(cli.app, [name, "--help"])
    assert result.exit_code == 0
    assert "Examples:" in result.stdout or "Install:" in result.stdout
    assert f"quotecli {name}" in result.stdout


@pytest.mark.parametrize("name", COMMANDS)
def test_command_is_in_readme(name):
    assert re.search(rf"^### `quotecli {re.escape(name)}\b", README, re.MULTILINE), name


@pytest.mark.parametrize("name", COMMANDS)
def test_every_option_is_in_readme(name):
    command = GROUP.commands[name]  # type: ignore[attr-defined]
    for param in command.params:
        for option in param.opts:
            if option.startswith("--") and option != "--help":
                assert f"`{option}" in README, f"{name} {option}"


def test_readme_starts_with_what_it_is_and_the_two_commands():
    lines = README.splitlines()
    assert lines[:2] == ["# quotecli", ""]
    assert lines[2] and lines[3] and not lines[4]  # what it is, in two lines
    blocks = [body for _, body in FENCE.findall(README)]
    assert blocks[0] == 'pip install . && quotecli who-said "24 hours"\n'
    assert blocks[1] == "pip install -e '.[test]' && pytest\n"
    # Nothing but the description comes before them.
    assert README.index("```") > README.index(lines[3])
    assert "##" not in README[: README.index(blocks[1])]


def test_ci_runs_exactly_the_second_readme_command():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = [body for _, body in FENCE.findall(README)][1].strip()
    assert command in script.splitlines()


def test_readme_documents_formats_and_exit_codes():
    for fmt in ("auto", *FORMATS):
        assert f"`{fmt}`" in README
    for code in (0, 1, 2, 130):
        assert re.search(rf"^\| {code} \|", README, re.MULTILINE)
    for shell in ("bash", "zsh", "fish"):
        assert f"quotecli completion {shell}" in README


def test_readme_has_the_tour_section():
    assert "\n## A short tour\n" in README


def test_readme_python_example_runs(tmp_path, monkeypatch, capsys):
    (code,) = [body for lang, body in FENCE.findall(README) if lang == "python"]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "bridge.txt").write_text(
        "“We will reopen the bridge in June,” said Mayor Ana Ruiz.\n", encoding="utf-8"
    )
    exec(compile(code, "README.md", "exec"), {})
    assert "1 articles added" in capsys.readouterr().out


CONSOLE = re.compile(r"^```console\n\$ (quotecli [^\n]*)\n(.*?)^```", re.MULTILINE | re.DOTALL)


@pytest.mark.parametrize(("command", "expected"), CONSOLE.findall(README))
def test_readme_tour_output_is_what_the_tool_prints(command, expected):
    """The machine-readable examples in README are real output on the bundled seed."""
    import shlex

    args = shlex.split(command)[1:]
    result = CliRunner().invoke(cli.app, args)
    if args[0] == "check":
        # check answers 1 when the words were not said verbatim, as some examples show.
        verdict = result.stdout.splitlines()[1].split("\t")[0]
        assert result.exit_code == (0 if verdict == "said" else 1), result.output
    else:
        assert result.exit_code == 0, result.output
    assert result.stdout == expected


def test_readme_lists_json_fields_in_the_order_the_tool_prints_them():
    from quotecli.search import (
        LATER_COLUMNS,
        QUOTE_COLUMNS,
        SHOW_COLUMNS,
        SPEAKER_COLUMNS,
        WHO_SAID_COLUMNS,
    )

    section = README[README.index("JSON and JSONL carry every field") :]
    start = section.index("\n- ")
    section = section[start : section.index("\n\n", start)]

    def named(item: str) -> list[str]:
        start = section.index(f"- {item}")
        end = section.find("\n- ", start + 1)
        item_text = section[start : end if end != -1 else None]
        # The fields themselves, not the words in the explanations after them.
        return re.findall(r"`([a-z_-]+)`", re.sub(r"\([^)]*\)", "", item_text))

    assert named("quote rows") == list(QUOTE_COLUMNS)
    # Each kind of row adds its own fields before the common ones added later.
    base = list(QUOTE_COLUMNS[: -len(LATER_COLUMNS)])
    later = list(LATER_COLUMNS)
    assert later == ["parts", "date", "source", "author"]
    for columns in (WHO_SAID_COLUMNS, SHOW_COLUMNS[:-1]):
        assert list(columns[: len(base)]) == base
        assert list(columns[-len(later) :]) == later
    assert SHOW_COLUMNS[-1] == "same_quote_articles"
    assert named("`who-said` adds")[1:] == list(WHO_SAID_COLUMNS[len(base) :])
    assert named("`show` adds")[1:] == list(SHOW_COLUMNS[len(base) :])
    assert named("`speakers`")[1:] == list(SPEAKER_COLUMNS)
