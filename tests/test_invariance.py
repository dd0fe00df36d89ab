"""The same quotes whatever the layout: wrapped lines, CRLF, either kind of marks, doubled spaces.

Each property builds an article from paragraphs written for these tests (direct,
split, reported and mixed quotes, pronouns, curly and straight marks), makes a
variant of it, and checks that the engine finds the same quotes, kinds and
speakers in both, at offsets that map one onto the other.
"""

from __future__ import annotations

import re
import textwrap
from bisect import bisect_left

from hypothesis import given, settings
from hypothesis import strategies as st

from quotecli.extract import extract

PARAGRAPHS = [
    'The chief executive, Anna Kowalski, was blunt: "We have lost the trust of our '
    'customers and we intend to win it back, one flight at a time."',
    '"The figures are worse than we feared," said Dr Peter Marsh, who leads the research '
    'team at the university. "If nothing changes, the river will be dead within a decade."',
    "Police said on Friday that two men had been arrested in connection with the robbery "
    "and that a third was being sought. The council said it would review security at the "
    "market before the summer.",
    "The union's general secretary, Brian Hollis, said the offer was \"an insult to every "
    'worker on the line" and warned that members would vote on strike action next month.',
    'Sarah Patel, 34, has run the bakery on Mill Street since 2009. "People still want '
    'bread that tastes of something," she said. "That has not changed, whatever the '
    'supermarkets tell you."',
    "The opposition leader, Mark Ellison, called the budget “a gamble with other people’s "
    "money”. “They are betting the country’s future on a single good year,” he told the BBC.",
    'A spokesman for the ministry said the report was "inaccurate and misleading", adding '
    "that the minister had not been consulted before it was published.",
    'According to the coach, Tom Reyes, the team "played with real heart" in the second '
    'half. "I could not ask for more from them," Reyes said after the match on Saturday.',
    '"We began with nothing. There was no money and no building, only a list of names and '
    'a kitchen table," said Margaret Hill, the founder of the charity.',
    'Mr Okafor told the committee that the contract had been signed "in good faith" and '
    "that he had no reason to doubt the supplier's accounts at the time.",
    '"It is not over," the mayor, Linda Grant, said. "We will appeal, and we will keep '
    'appealing until the families get the answers they were promised."',
    "Shares in the firm fell by 12% after it warned that profits would be lower than "
    "expected. Analysts said the slowdown in China was the main cause.",
    "The head teacher, Paul Dunn, said the inspectors had called the school 'a model for "
    "others' and that he was proud of his staff.",
    "'We didn't see it coming,' said Kate O'Neill, whose shop on the quay was flooded for "
    "the second time in a year.",
    "“He told me, ‘Don’t worry, it will be fixed by Friday,’ and nothing happened,” said "
    "Joan Price, a tenant of the block for 20 years.",
]

articles = st.lists(st.sampled_from(PARAGRAPHS), min_size=1, max_size=5, unique=True).map(
    lambda paras: "\n\n".join(paras)
)


class Variant:
    """A variant of a text, and the map from the text's offsets to the variant's.

    Variants change only white space and the shape of marks, so the characters
    that are not white space are the same, in the same order, in both: the
    map pairs them up.
    """

    def __init__(self, original: str, text: str) -> None:
        self.text = text
        ours = [i for i, c in enumerate(original) if not c.isspace()]
        theirs = [i for i, c in enumerate(text) if not c.isspace()]
        assert len(ours) == len(theirs)
        self._ours, self._theirs = ours, theirs

    def start(self, offset: int) -> int:
        """Where the span that starts at ``offset`` starts in the variant."""
        k = bisect_left(self._ours, offset)
        return self._theirs[k] if k < len(self._theirs) else len(self.text)

    def end(self, offset: int) -> int:
        """Where the span that ends at ``offset`` ends in the variant."""
        k = bisect_left(self._ours, offset) - 1
        return self._theirs[k] + 1 if k >= 0 else 0


def wrapped(text: str, width: int) -> str:
    """Each paragraph hard-wrapped at ``width`` columns, a blank line between them."""
    return "\n\n".join(
        textwrap.fill(p, width, break_long_words=False, break_on_hyphens=False)
        for p in text.split("\n\n")
    )


def crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


def doubled(text: str, every: int) -> str:
    """One space in every ``every`` made two."""
    count = iter(range(len(text)))
    return re.sub(" ", lambda m: "  " if next(count) % every == 0 else " ", text)


def swapped_marks(text: str) -> str:
    """Straight double marks made curly and curly ones straight."""

    def swap(match: re.Match[str]) -> str:
        if match.group() in "“”":
            return '"'
        at = match.start()
        return "“" if at == 0 or text[at - 1] in " \n(—" else "”"

    return re.sub(r"[\"“”]", swap, text)


def swapped_single_marks(text: str) -> str:
    """Straight single marks and apostrophes made curly, and curly ones straight."""

    def swap(match: re.Match[str]) -> str:
        if match.group() in "‘’":
            return "'"
        at = match.start()
        return "‘" if at == 0 or text[at - 1] in ' \n(—"“' else "’"

    return re.sub(r"['‘’]", swap, text)


def _marks(text: str | None) -> str | None:
    """Quotation marks and apostrophes of either shape as one."""
    return None if text is None else re.sub("[‘’]", "'", re.sub("[“”]", '"', text))


def _words(text: str) -> str:
    """Words and marks as a reader compares them: white space and mark shapes aside."""
    return " ".join(_marks(text).split())


def summary(text: str, variant: Variant | None = None) -> list[tuple]:
    """Each quote's offsets (mapped into the variant), kind, speaker, cue and words."""
    found = extract(text if variant is None else variant.text)
    rows = []
    for q in found.quotes:
        rows.append(
            (
                q.start,
                q.end,
                q.kind,
                _marks(q.speaker),
                q.speaker_type,
                _marks(q.cue),
                _words(q.text),
                q.context_start,
                q.context_end,
                q.parts,
            )
        )
    return rows


def speakers(text: str) -> list[tuple]:
    return [
        (_marks(s.name), s.type, tuple(map(_marks, s.aliases)), tuple(map(_marks, s.roles)))
        for s in extract(text).speakers
    ]


def assert_same(text: str, changed: str) -> None:
    variant = Variant(text, changed)
    expected = [
        (
            variant.start(s),
            variant.end(e),
            kind,
            speaker,
            stype,
            cue,
            words,
            variant.start(cs),
            variant.end(ce),
            tuple((variant.start(a), variant.end(b)) for a, b in parts),
        )
        for s, e, kind, speaker, stype, cue, words, cs, ce, parts in summary(text)
    ]
    assert summary(text, variant) == expected
    assert speakers(text) == speakers(variant.text)
    # Offsets index the variant as given: its quotes are there, up to white space.
    for q in extract(variant.text).quotes:
        assert _words(variant.text[q.start : q.end]) == _words(q.text)
        assert "\n" not in q.text and "\r" not in q.text


@settings(max_examples=60, deadline=None)
@given(articles, st.integers(min_value=28, max_value=120))
def test_wrapped_at_any_width(text: str, width: int) -> None:
    assert_same(text, wrapped(text, width))


@settings(max_examples=30, deadline=None)
@given(articles)
def test_wrapped_at_72_columns(text: str) -> None:
    assert_same(text, wrapped(text, 72))


@settings(max_examples=30, deadline=None)
@given(articles)
def test_crlf_line_ends(text: str) -> None:
    assert_same(text, crlf(text))


@settings(max_examples=30, deadline=None)
@given(articles, st.integers(min_value=28, max_value=100))
def test_wrapped_with_crlf_line_ends(text: str, width: int) -> None:
    assert_same(text, crlf(wrapped(text, width)))


@settings(max_examples=40, deadline=None)
@given(articles, st.integers(min_value=1, max_value=5))
def test_doubled_spaces(text: str, every: int) -> None:
    assert_same(text, doubled(text, every))


@settings(max_examples=30, deadline=None)
@given(articles)
def test_straight_and_curly_marks_swapped(text: str) -> None:
    assert_same(text, swapped_marks(text))


@settings(max_examples=30, deadline=None)
@given(articles)
def test_straight_and_curly_single_marks_and_apostrophes_swapped(text: str) -> None:
    assert_same(text, swapped_single_marks(text))


@settings(max_examples=30, deadline=None)
@given(articles, st.integers(min_value=28, max_value=100), st.integers(1, 4))
def test_every_variant_at_once(text: str, width: int, every: int) -> None:
    # Spaces doubled before wrapping, as a typist's text is wrapped by a tool.
    changed = swapped_single_marks(swapped_marks(text))
    assert_same(text, crlf(wrapped(doubled(changed, every), width)))


def test_every_paragraph_has_quotes() -> None:
    # The properties would hold trivially over text with no quotes in it.
    for paragraph in PARAGRAPHS:
        assert extract(paragraph).quotes, paragraph
