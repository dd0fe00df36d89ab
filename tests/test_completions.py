"""Shell completion: the committed scripts are the command's output, and they work."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotecli import cli

ROOT = Path(__file__).resolve().parent.parent
COMPLETIONS = ROOT / "completions"


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_committed_script_is_the_command_output(shell):
    result = CliRunner().invoke(cli.app, ["completion", shell])
    assert result.exit_code == 0
    committed = (COMPLETIONS / f"quotecli.{shell}").read_text(encoding="utf-8")
    assert committed == result.stdout, (
        f"completions/quotecli.{shell} is stale: "
        f"regenerate it with `quotecli completion {shell} > completions/quotecli.{shell}`"
    )


def test_scripts_call_back_with_the_complete_variable():
    for shell in ("bash", "zsh", "fish"):
        script = (COMPLETIONS / f"quotecli.{shell}").read_text(encoding="utf-8")
        assert f"_QUOTECLI_COMPLETE=complete_{shell}" in script


def _complete(quotecli_bin: str, env: dict[str, str]) -> list[str]:
    result = subprocess.run(
        [quotecli_bin],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_bash_completes_commands(quotecli_bin):
    words = _complete(
        quotecli_bin,
        {
            "_QUOTECLI_COMPLETE": "complete_bash",
            "COMP_WORDS": "quotecli who",
            "COMP_CWORD": "1",
        },
    )
    assert words == ["who-said"]


def test_bash_completes_choices(quotecli_bin):
    kinds = _complete(
        quotecli_bin,
        {
            "_QUOTECLI_COMPLETE": "complete_bash",
            "COMP_WORDS": "quotecli list --kind ",
            "COMP_CWORD": "3",
        },
    )
    assert kinds == ["direct", "indirect", "mixed"]
    formats = _complete(
        quotecli_bin,
        {
            "_QUOTECLI_COMPLETE": "complete_bash",
            "COMP_WORDS": "quotecli speakers -f js",
            "COMP_CWORD": "3",
        },
    )
    assert formats == ["json", "jsonl"]


def test_fish_completes_shells(quotecli_bin):
    shells = _complete(
        quotecli_bin,
        {
            "_QUOTECLI_COMPLETE": "complete_fish",
            "_TYPER_COMPLETE_FISH_ACTION": "get-args",
            "_TYPER_COMPLETE_ARGS": "quotecli completion ",
        },
    )
    assert shells == ["bash", "zsh", "fish"]
