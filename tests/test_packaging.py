"""The wheel carries what a non-editable install needs: the seeds and the entry point."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    # Built in-process with the build backend itself: no network, no pip.
    from hatchling.builders.wheel import WheelBuilder

    out = tmp_path_factory.mktemp("dist")
    builder = WheelBuilder(str(ROOT))
    (path,) = builder.build(directory=str(out), versions=["standard"])
    with zipfile.ZipFile(path) as archive:
        yield archive


def test_seed_article_ships_inside_the_package(wheel):
    packaged = wheel.read("quotecli/seeds/munich-ukraine-talks.txt")
    assert packaged == (ROOT / "seeds" / "munich-ukraine-talks.txt").read_bytes()


def test_every_module_ships(wheel):
    names = set(wheel.namelist())
    for module in sorted((ROOT / "quotecli").rglob("*.py")):
        assert module.relative_to(ROOT).as_posix() in names
    assert "quotecli/extract/__init__.py" in names
    assert not any(name.startswith("tests/") for name in names)


def test_console_script(wheel):
    (entry_points,) = [n for n in wheel.namelist() if n.endswith(".dist-info/entry_points.txt")]
    assert "quotecli = quotecli.cli:main" in wheel.read(entry_points).decode()


def test_word_lists_ship(wheel):
    names = set(wheel.namelist())
    lists = sorted((ROOT / "quotecli" / "extract" / "words").glob("*.txt"))
    assert lists
    for path in lists:
        assert path.relative_to(ROOT).as_posix() in names
