"""Searches written for speed find exactly what the plain searches they stand for find."""

from __future__ import annotations

import re
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from quotecli.extract import attribute, document, mentions, subjects

# Letters and marks the patterns read, their capitals, the letters that only
# match them when case is ignored, and a few others.
_ALPHABET = "edsingtoEDSINGTOſİıKaA ’'-,:\t\n."


@given(st.text(alphabet=_ALPHABET, max_size=40))
@settings(max_examples=500, deadline=None)
def test_a_refusal_hint_is_found_as_the_case_blind_search_finds_it(window: str) -> None:
    expected = attribute._REFUSAL_HINT.search(window) is not None
    assert attribute._hints_refusal(window) == expected


def test_refusal_hints_in_sentences() -> None:
    assert attribute._hints_refusal("the minister DECLINED TO ")
    assert attribute._hints_refusal("she wouldn’t ")
    assert attribute._hints_refusal("REFUSİNG TO ")
    assert attribute._hints_refusal("refuſed to ")
    assert not attribute._hints_refusal("the minister said on Monday")


@given(st.text(alphabet=_ALPHABET, max_size=60), st.integers(0, 60), st.integers(0, 60))
@settings(max_examples=500, deadline=None)
def test_the_word_before_a_mark_is_the_one_the_plain_search_finds(
    text: str, start: int, end: int
) -> None:
    plain = attribute._WORD_BEFORE_MARK.search(text, start, end)
    found = attribute._WHOLE_WORD_BEFORE_MARK.search(text, start, end)
    if found is None:
        found = attribute._WORD_BEFORE_MARK.match(text, start, end)
    assert (found and (found.span(), found.groups())) == (plain and (plain.span(), plain.groups()))


@given(st.text(alphabet="ab.Z1 \n_-’", max_size=30), st.integers(0, 30))
@settings(max_examples=500, deadline=None)
def test_the_word_before_a_full_stop_is_the_one_the_plain_search_finds(text: str, end: int) -> None:
    start = max(0, end - 12)
    plain = document._WORD_BEFORE.search(text, start, end + 1)
    found = document._WHOLE_WORD_BEFORE.search(text, start, end + 1)
    if found is None:
        found = document._WORD_BEFORE.match(text, start, end + 1)
    assert (found and found.span()) == (plain and plain.span())


@given(st.text(alphabet="andbutcomprs ,\n", max_size=40), st.integers(0, 40), st.integers(0, 40))
@settings(max_examples=500, deadline=None)
def test_a_stretch_without_a_link_word_holds_no_coordination(
    text: str, start: int, end: int
) -> None:
    if not attribute._may_coordinate(text, start, end):
        assert attribute._COORDINATION.search(text, start, end) is None


# Pieces of runs: capitals (one beyond ASCII), abbreviations and what follows
# the first letter of some ("Drs." is no abbreviation), marks that join or part
# the words of a run, and a connector. Few, so that they meet often.
_PLAIN_RUN = re.compile(mentions.CAPITAL_RUN_PATTERN)
_RUN_PIECES = [*"MDRÉXrsx.’'-& \n", "ev", "ens", "Mr", "Rev", "Sens", "of"]


@given(st.lists(st.sampled_from(_RUN_PIECES), max_size=30).map("".join))
@settings(max_examples=500, deadline=None)
def test_capital_runs_are_those_the_plain_search_finds(text: str) -> None:
    plain = [m.span() for m in _PLAIN_RUN.finditer(text)]
    assert [m.span() for m in mentions._capital_runs(text)] == plain


@given(st.lists(st.sampled_from(_RUN_PIECES), max_size=30).map("".join))
@settings(max_examples=300, deadline=None)
def test_a_run_read_at_any_offset_is_the_one_the_plain_pattern_reads(text: str) -> None:
    # The name joined after "and", "of the" or "for" is read at an offset.
    for at in range(len(text) + 1):
        plain = _PLAIN_RUN.match(text, at)
        fast = mentions._RUN_FROM_CAPITAL.match(text, at)
        assert (plain and plain.span()) == (fast and fast.span()), (text, at)


_LINK_PIECES = [*_RUN_PIECES, " and ", " for ", " for the ", " of the ", ", ", "the", "\t"]


@given(st.lists(st.sampled_from(_LINK_PIECES), max_size=20).map("".join))
@settings(max_examples=300, deadline=None)
def test_a_link_and_its_run_are_what_a_link_that_looks_for_the_capital_finds(text: str) -> None:
    for link in (mentions._FOR_NAME, mentions._AND_NAME, mentions._OF_THE):
        looking = re.compile(link.pattern + rf"(?=[{mentions._UPPER}])")
        for at in range(len(text) + 1):
            found = mentions._linked_run(link, text, at)
            joined = looking.match(text, at)
            plain = joined and _PLAIN_RUN.match(text, joined.end())
            expected = (joined.span(), joined.groups(), plain.span()) if plain else None
            got = found and (found[0].span(), found[0].groups(), found[1].span())
            assert got == expected, (text, at)


def test_every_abbreviation_opens_a_run_as_the_plain_search_finds() -> None:
    for abbreviation in mentions._ABBREVIATIONS:
        for word in {abbreviation.rstrip("?"), abbreviation.replace("s?", "")}:
            for text in (f"{word}. Jo Roe", f"X{word[1:]}. Jo", f"a {word}.Jo", f"{word}s. Jo"):
                plain = [m.span() for m in _PLAIN_RUN.finditer(text)]
                assert [m.span() for m in mentions._capital_runs(text)] == plain, text


def test_capital_runs_in_sentences() -> None:
    text = "Mr. Jo Roe of the Bank met Sens. Al Dorn, J.R. Ewing and O'Neill-Smith at AT&T's."
    plain = [m.group() for m in _PLAIN_RUN.finditer(text)]
    assert [m.group() for m in mentions._capital_runs(text)] == plain
    assert plain[:3] == ["Mr. Jo Roe", "Bank", "Sens. Al Dorn"]
    # Initials are capitals of A to Z only: "É." is a word and its full stop.
    for text in ("É. Roe", "J.R.R. Tolkien", "x É.J. Roe", "Ó.Roe"):
        plain = [m.span() for m in _PLAIN_RUN.finditer(text)]
        assert [m.span() for m in mentions._capital_runs(text)] == plain, text


# Words and marks the pairs are made of: capitals, small letters, a letter and
# a digit beyond ASCII, apostrophes, hyphens and spaces, and whole words, so
# that three capitalised words in a row are common.
_PAIR_PIECES = [*"AOBDx1é’'- \t\n.", "mar", "he", "É", "٣", "Omar ", "Diaz ", "The\t", "News"]


_PLAIN_CAPITAL_PAIR = re.compile(r"(?=\b([A-Z][a-z]+)[ \t]+([A-Z][\w’'\-]*))")


@given(st.lists(st.sampled_from(_PAIR_PIECES), max_size=30).map("".join))
@settings(max_examples=500, deadline=None)
def test_capital_pairs_are_those_a_lookahead_at_every_position_finds(text: str) -> None:
    expected = [(m.start(), m.groups()) for m in _PLAIN_CAPITAL_PAIR.finditer(text)]
    assert [(m.start(), m.groups()) for m in mentions._CAPITAL_PAIR.finditer(text)] == expected


def test_capital_pairs_in_a_sentence() -> None:
    text = "The News said Omar Diaz Jones met O'Hara and éMr Roe."
    pairs = [m.groups() for m in mentions._CAPITAL_PAIR.finditer(text)]
    assert pairs == [("The", "News"), ("Omar", "Diaz"), ("Diaz", "Jones")]


# Words and marks around a phrase "in a statement", with case and joiners varied.
_IN_PIECES = st.lists(
    st.sampled_from(["in", "In", "IN", "iN", "İn", "ın", "begin", "the", "a", "A", "statement"])
    | st.sampled_from(["’s", "-", " ", "  ", "\t", "\u00a0", "\n", "(", ",", ".", "'"]),
    max_size=8,
).map("".join)
_GAPS = st.sampled_from([" ", "  ", "\t", "\u00a0", "\n", "", "-", "(", "’"])


@given(
    _IN_PIECES,
    st.sampled_from(["in", "In", "IN", "iN", "İn", "ın"]),
    _GAPS,
    st.sampled_from(["a", "The", "their", "ONE"]),
    _IN_PIECES,
    st.integers(-2, 10),
    st.integers(0, 60),
)
@settings(max_examples=500, deadline=None)
def test_in_before_a_determiner_is_never_missed_by_the_quick_search(
    before: str, word: str, gap: str, determiner: str, after: str, start: int, end: int
) -> None:
    # The speaker's medium phrase ("in a statement") is only read where the
    # search finds "in" and white space: every token "in" before a determiner.
    text = before + word + gap + determiner + after
    toks = document.tokens(text, max(0, start), end)
    held = any(a.low == "in" and b.low in subjects._DETERMINERS for a, b in pairwise(toks))
    found = subjects._IN_THEN_SPACE.search(text, start, end) is not None
    assert found or not held


def _initials_by_splitting(word: str) -> bool:
    parts = word.split(".")
    return len(parts) <= 3 and all(len(p) == 1 and p.isalpha() for p in parts)


@given(
    st.lists(st.sampled_from(["a", "Z", "é", "9", "²", "İ", "Σ", "jo", "_", ""]), max_size=4).map(
        ".".join
    )
    | st.text(alphabet="ajZé9_.²İΣ", max_size=7)
)
@settings(max_examples=500, deadline=None)
def test_a_full_stop_after_initials_is_told_as_splitting_the_word_tells_it(word: str) -> None:
    # "J. K. Rowling", "George H.W. Bush": a full stop after initials ends no sentence.
    text = f"{word}. Next"
    end = len(word)
    found = document._WHOLE_WORD_BEFORE.search(text, max(0, end - 12), end + 1)
    if found is None:
        found = document._WORD_BEFORE.match(text, max(0, end - 12), end + 1)
    if found is None:
        expected = False
    else:
        before = found.group(1).rstrip(".").lower()
        expected = before in document._ABBREVIATIONS or (
            len(before) <= 5 and _initials_by_splitting(before)
        )
    assert document._is_abbreviation(text, end) == expected
