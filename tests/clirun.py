"""Running the command line in-process, as the CLI tests do."""

from __future__ import annotations

from typer.testing import CliRunner

from quotecli import cli


def runner() -> CliRunner:
    try:
        # Click < 8.2 mixes stderr into stdout unless told not to.
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:
        return CliRunner()


def run(*args: str, input: str | bytes | None = None):
    """``quotecli ARGS``; an exception other than an exit is raised, not hidden in the result."""
    result = runner().invoke(cli.app, list(args), input=input)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result
