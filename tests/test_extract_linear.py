"""The engine's indexes give what the scans they replace gave, and long input stays cheap."""

from __future__ import annotations

import re
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from quotecli.extract import document, extract
from quotecli.extract.document import parse, tokens
from quotecli.extract.subjects import _merged

# Letters, joiners that glue tokens ("U.S.", "don't", "well-known"), marks and spaces.
_PIECES = st.text(alphabet="aZé9.'’-,“” \n_", max_size=80)


@given(_PIECES, st.integers(-5, 90), st.integers(-5, 90))
@settings(max_examples=400)
def test_tokens_between_matches_tokenising_the_window_alone(text, start, end):
    doc = parse(text)
    assert doc.tokens_between(start, end) == tokens(text, max(0, start), end)
    # And through each sentence's tokens, the way long windows are cut.
    doc._sentence_tokens.clear()
    document_window, document._DIRECT_WINDOW = document._DIRECT_WINDOW, -1
    try:
        assert doc.tokens_between(start, end) == tokens(text, max(0, start), end)
    finally:
        document._DIRECT_WINDOW = document_window
    assert doc.tokens_between(start, end) == tokens(text, max(0, start), end)


def test_a_window_read_again_is_whole_after_a_rule_dropped_tokens_from_it():
    text = "The plan will work, the minister said."
    doc = parse(text)
    first = doc.tokens_between(0, len(text))
    first.pop()  # a rule trims the closing full stop from what it was given
    assert doc.tokens_between(0, len(text)) == tokens(text, 0, len(text))
    assert doc.tokens_between(4, len(text)) == tokens(text, 4, len(text))


@given(_PIECES, st.integers(0, 90), st.integers(0, 90), st.integers(1, 6))
@settings(max_examples=300)
def test_tokens_between_with_a_limit_gives_the_first_tokens(text, start, end, limit):
    doc = parse(text)
    assert doc.tokens_between(start, end, limit) == tokens(text, start, end)[:limit]
    document_window, document._DIRECT_WINDOW = document._DIRECT_WINDOW, -1
    try:
        assert doc.tokens_between(start, end, limit) == tokens(text, start, end)[:limit]
    finally:
        document._DIRECT_WINDOW = document_window


@given(
    _PIECES,
    st.lists(
        st.tuples(st.integers(-5, 90), st.integers(-5, 90), st.sampled_from([None, 0, 1, 2, 5])),
        max_size=12,
    ),
)
@settings(max_examples=400)
def test_windows_cut_from_wider_ones_read_before_are_the_windows_alone(text, windows):
    doc = parse(text)
    # Windows that share a start or an end with one read before, as around a cue.
    for k, (start, end, limit) in enumerate(windows):
        if k % 3 == 1:
            start = windows[k - 1][0]
        elif k % 3 == 2:
            end = windows[k - 1][1]
        alone = tokens(text, max(0, start), end)
        assert doc.tokens_between(start, end, limit) == (alone if limit is None else alone[:limit])


# Words that joiners glue together, marks, and the white space between them.
_WORDS = st.lists(
    st.tuples(
        st.sampled_from(["well-known", "U.S.", "don't", "Roe’s", "envoy", "a", "9.5", ",", "“"]),
        st.sampled_from([" ", "", "\n", "\t", "\u00a0", "  "]),
    ),
    max_size=12,
).map(lambda pieces: "".join(word + space for word, space in pieces))


@given(_WORDS, st.data())
@settings(max_examples=400)
def test_windows_reaching_past_a_narrower_one_with_their_start_are_the_windows_alone(text, data):
    # A window is read on from where one read before with its start stops at
    # white space (a narrower one may end inside a word): the part of it up to
    # there is not tokenised again.
    doc = parse(text)
    start = data.draw(st.integers(-2, len(text) + 2))
    ends = data.draw(st.lists(st.integers(start, len(text) + 3), max_size=6))
    for end in sorted(ends):
        limit = data.draw(st.sampled_from([None, 1, 2, 3, 7]))
        alone = tokens(text, max(0, start), end)
        assert doc.tokens_between(start, end, limit) == (alone if limit is None else alone[:limit])


def test_a_window_inside_a_wider_one_read_before_is_the_window_alone():
    text = "Jo Roe, the well-known envoy, didn't say it."
    doc = parse(text)
    assert [t.text for t in doc.tokens_between(0, len(text))][4:6] == ["well-known", "envoy"]
    # Edges inside "well-known": the part within the window is tokenised alone.
    assert [t.text for t in doc.tokens_between(0, 17)][-2:] == ["well", "-"]
    assert [t.text for t in doc.tokens_between(15, len(text))][:2] == ["l-known", "envoy"]
    assert doc.tokens_between(0, 40, limit=3) == tokens(text, 0, 40)[:3]
    assert doc.tokens_between(21, len(text), limit=2) == tokens(text, 21, len(text))[:2]


def test_tokens_between_cuts_tokens_at_both_edges():
    text = "The U.S. envoy didn't say well-known things."
    doc = parse(text)
    document_window, document._DIRECT_WINDOW = document._DIRECT_WINDOW, -1
    try:
        for start in range(len(text) + 1):
            for end in range(start, len(text) + 1):
                assert doc.tokens_between(start, end) == tokens(text, start, end)
    finally:
        document._DIRECT_WINDOW = document_window


@given(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 50)), max_size=8), st.integers(-2, 52))
def test_merged_quotations_hold_the_same_offsets(spans, offset):
    starts, ends = _merged(spans)
    inside = any(s <= offset < e for s, e in spans)
    assert inside == any(s <= offset < e for s, e in zip(starts, ends, strict=True))
    assert all(a < b for a, b in zip(ends, starts[1:], strict=False))  # disjoint and apart


def test_a_run_of_cues_with_no_sentence_end_is_still_read():
    # Thousands of cue words in one sentence: each finds its clause without
    # looking at every later cue again.
    found = extract("Officials said " * 2000 + "the talks had failed.")
    assert found.quotes
    assert found.quotes[-1].text.endswith("the talks had failed")


# The sentence-end pattern as one regex, as it was before the run of marks was
# found first: the split must be the same.
_ONE_PATTERN = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s+[\"“‘'(\[]{0,2}[A-Z0-9À-ÖØ-Þ])")


def _split_with_one_pattern(text: str) -> list[tuple[int, int]]:
    ends = []
    for match in _ONE_PATTERN.finditer(text):
        if (
            text[match.start()] == "."
            and match.end() - match.start() == 1
            and document._is_abbreviation(text, match.start())
        ):
            continue
        ends.append(match.end())
    return ends


def _sentences_from(text: str, cuts: list[int]) -> list[document.Span]:
    spans = []
    for a, b in pairwise([0, *cuts, len(text)]):
        piece = text[a:b]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            spans.append(document.Span(a + lead, a + len(piece.rstrip())))
    return spans


@given(st.text(alphabet=".!?…\"”') aZ9Mr", max_size=60))
@settings(max_examples=400)
def test_sentence_ends_are_where_the_single_pattern_put_them(text):
    assert document.sentence_cuts(text, 0, len(text)) == _split_with_one_pattern(text)
    assert [(s.start, s.end) for s in document.split_sentences(text, 0, len(text))] == [
        (s.start, s.end) for s in _sentences_from(text, _split_with_one_pattern(text))
    ]


def test_a_long_run_of_dots_is_one_candidate():
    text = "Wait" + "." * 5000 + "then on"
    assert document.sentence_cuts(text, 0, len(text)) == []
    assert document.sentence_cuts("Wait... Then on", 0, 15) == [7]


def test_the_document_answers_lookups_by_offset():
    text = "Ms Roe spoke first. She said no.\n\n“Never,” he said."
    doc = parse(text)
    second = text.index("She")
    assert text[doc.sentence_at(second).start : doc.sentence_at(second).end] == "She said no."
    assert doc.paragraph_at(second) == doc.paragraphs[0]
    assert doc.paragraph_at(text.index("Never")) == doc.paragraphs[1]
    assert [t.text for t in doc.tokens_between(second, second + 12)] == ["She", "said", "no", "."]
    # A window over two paragraphs is tokenised as one.
    assert [t.low for t in doc.tokens_between(text.index("no"), text.index("Never") + 5)] == [
        "no",
        ".",
        "“",
        "never",
    ]


@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)), min_size=0, max_size=70),
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)), max_size=5),
    st.lists(st.integers(0, 69), max_size=6),
    st.integers(0, 90),
)
@settings(max_examples=300)
def test_claims_ending_by_gives_what_a_scan_of_the_list_gives(spans, added, revised, offset):
    from dataclasses import replace

    from quotecli.extract.attribute import Attributor
    from quotecli.extract.claims import Claim
    from quotecli.extract.cues import find_cues
    from quotecli.extract.entities import build_entities
    from quotecli.extract.mentions import find_mentions
    from quotecli.extract.subjects import Context
    from quotecli.model import DIRECT

    text = "Ann Roe said the road was shut. " * 3
    doc = parse(text)
    mentions = find_mentions(text, frozenset(s.start for s in doc.sentences))
    a = Attributor(
        doc, Context(doc, mentions, build_entities(mentions, text), []), [], find_cues(text)
    )

    def claim(start: int, length: int, rule: str = "r") -> Claim:
        return Claim(start, start + length, DIRECT, None, None, rule, start, start + length)

    def scanned() -> list[Claim]:
        return [c for c in reversed(a.claims) if c.end <= offset]

    # Sorted, as the pass that revisits quotations sorts it; then revised in place
    # (the index kept), and grown at the end.
    a.claims = sorted((claim(s, n) for s, n in spans), key=lambda c: (c.start, c.end))
    a._sorted = (a._claims_version, len(a.claims))
    assert list(a.claims_ending_by(offset)) == scanned()
    a._claims_touching(0)  # the sentence index made, then kept through revisions
    for k in revised:
        if k < len(a.claims):
            a._replace_claim(a.claims[k], replace(a.claims[k], rule="revised"), k)
            assert list(a.claims_ending_by(offset)) == scanned()
    # The sentence index kept through the revisions is the one made afresh.
    kept = [a._claims_touching(at) for at in (0, 40, 80)]
    a._claims_version += 1
    assert [a._claims_touching(at) for at in (0, 40, 80)] == kept
    for s, n in added:
        a.claims.append(claim(s, n))
        assert list(a.claims_ending_by(offset)) == scanned()
