"""The engine's word lists: plain files, one entry a line, read once, no duplicates."""

from __future__ import annotations

import ast
from importlib.resources import files

import pytest

from quotecli.extract import lexicon as lx

WORDS = files("quotecli.extract").joinpath("words")
LISTS = sorted(p.name.removesuffix(".txt") for p in WORDS.iterdir() if p.name.endswith(".txt"))


def test_there_are_word_lists():
    assert "title-words" in LISTS and "document-abbreviations" in LISTS


@pytest.mark.parametrize("name", LISTS)
def test_a_list_has_no_duplicates_and_no_blank_entries(name):
    found = lx.entries(WORDS.joinpath(f"{name}.txt").read_text(encoding="utf-8"))
    assert found, f"{name} is empty"
    duplicates = sorted({e for e in found if found.count(e) > 1})
    assert not duplicates, f"{name} repeats {duplicates}"
    assert all(e == e.strip() for e in found)


def test_entries_skip_comments_and_blank_lines():
    text = "# a heading\nsaid\n\n  told  # after a word\n# told\nsent word\n"
    assert lx.entries(text) == ["said", "told", "sent word"]


def test_a_list_is_read_once():
    assert lx.load("title-words") is lx.load("title-words")
    assert "minister" in lx.load("title-words")


def test_every_named_list_in_the_engine_is_loaded_from_its_file():
    # The very set the file gave, not a copy spelt out again in code.
    assert lx.TITLE_WORDS is lx.load("title-words")
    assert lx.MALE_HONORIFICS is lx.load("male-honorifics")


# A few function words beside the code that reads them ("the", "a", "his") are
# part of the rule; a longer run of words is vocabulary, kept in a word list.
LONGEST_LIST_IN_CODE = 15


def _word_collections(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, (ast.Tuple, ast.Set, ast.List)) and node.elts:
            values = [e.value if isinstance(e, ast.Constant) else None for e in node.elts]
            if all(isinstance(v, str) and v.replace("-", "").isalpha() for v in values):
                yield node.lineno, values


def test_no_long_word_list_is_spelt_out_in_the_engine_code():
    engine = files("quotecli.extract")
    sources = [p for p in engine.iterdir() if p.name.endswith(".py")]
    sources += [p for p in engine.joinpath("rules").iterdir() if p.name.endswith(".py")]
    long_lists = [
        f"{source.name}:{line} ({len(words)} words)"
        for source in sources
        for line, words in _word_collections(ast.parse(source.read_text(encoding="utf-8")))
        if len(words) > LONGEST_LIST_IN_CODE
    ]
    assert not long_lists, f"move to quotecli/extract/words/: {long_lists}"


def test_the_check_for_long_lists_finds_one():
    spelt_out = ast.parse(f"WORDS = frozenset({[f'w{chr(97 + i)}' for i in range(16)]!r})")
    assert [len(words) for _, words in _word_collections(spelt_out)] == [16]
