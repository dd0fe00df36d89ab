"""Run code against the engine as it stood at a git revision, beside the working tree's.

    from engine_at import engine_source

    with engine_source("main") as root:   # a directory holding that revision's quotecli/
        subprocess.run([sys.executable, "-c", code], cwd=root, env=engine_env(root))

``engine_source(None)`` gives the working tree itself. The revision is exported
with ``git archive`` into a temporary directory, so nothing in the checkout (its
branch, index or files) is touched, and the two engines never share a process:
each is imported fresh in its own interpreter.
"""

from __future__ import annotations

import io
import os
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def describe(rev: str) -> str:
    """``rev`` as a short commit id, for headings."""
    out = subprocess.run(
        ["git", "rev-parse", "--short", rev], cwd=ROOT, capture_output=True, text=True
    )
    if out.returncode != 0:
        raise SystemExit(f"unknown revision {rev!r}: {out.stderr.strip()}")
    return out.stdout.strip()


@contextmanager
def engine_source(rev: str | None) -> Iterator[Path]:
    """A directory whose ``quotecli/`` is the package at ``rev`` (None: the working tree)."""
    if rev is None:
        yield ROOT
        return
    describe(rev)
    archive = subprocess.run(
        ["git", "archive", "--format=tar", rev, "quotecli"], cwd=ROOT, capture_output=True
    )
    if archive.returncode != 0:
        raise SystemExit(f"git archive {rev} failed: {archive.stderr.decode().strip()}")
    with tempfile.TemporaryDirectory(prefix="quotecli-engine-") as tmp:
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            try:
                tar.extractall(tmp, filter="data")
            except TypeError:  # a Python from before extraction filters
                tar.extractall(tmp)  # our own repository's archive
        yield Path(tmp)


def engine_env(root: Path) -> dict[str, str]:
    """An environment in which ``import quotecli`` finds the package under ``root`` first."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(root), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def run_engine(root: Path, code: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -c code args…`` with the engine under ``root``; raise on failure."""
    import sys

    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=root,
        env=engine_env(root),
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise SystemExit(f"engine under {root} failed:\n{done.stderr}")
    return done
