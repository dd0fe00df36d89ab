"""The bundled seed articles that answer the README examples on a fresh install."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from quotecli.documents import ARTICLE_SUFFIXES


def seed_paths() -> list[Path]:
    """The bundled seed files, sorted; empty if the package ships none."""
    for directory in (_packaged_dir(), _repository_dir()):
        if directory is not None and directory.is_dir():
            found = sorted(
                p
                for p in directory.iterdir()
                if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
            )
            if found:
                return found
    return []


def _packaged_dir() -> Path | None:
    """quotecli/seeds/ inside an installed wheel (copied there at build time)."""
    try:
        traversable = resources.files("quotecli") / "seeds"
    except (ModuleNotFoundError, TypeError):
        return None
    # Wheels install as plain directories; a zipped package has no real path
    # and falls through to the repository layout.
    return traversable if isinstance(traversable, Path) else None


def _repository_dir() -> Path:
    """seeds/ at the top of a source checkout (editable installs, tests)."""
    return Path(__file__).resolve().parent.parent / "seeds"
