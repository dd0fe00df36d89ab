"""Searching the index: who-said, list, speakers, show, indexing and seeding.

Extractions are built by hand (see conftest.build_extraction) so these tests
pin down search behaviour whatever the extraction engine currently finds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotecli import search
from quotecli.bundled import seed_paths
from quotecli.documents import read_articles
from quotecli.errors import NotFoundError, QueryError
from quotecli.indexing import IndexSummary, index_articles
from quotecli.model import ANONYMOUS, INDIRECT, MIXED, ORGANISATION, Article, Extraction, Speaker
from quotecli.search import (
    QUOTE_COLUMNS,
    SHOW_COLUMNS,
    SPEAKER_COLUMNS,
    WHO_SAID_COLUMNS,
    article_label,
    ensure_seeded,
    get_quote,
    list_quotes,
    list_speakers,
    paragraph_bounds,
    who_said,
)
from quotecli.store import Store

Factory = Callable[[str, Sequence[dict]], Extraction]

FLOOD = """# Council approves flood barrier

Mayor Ana Ruiz said, “The barrier will protect 4,000 homes before the winter storms.” She added that costs would be shared with the regional government.

“We will reimburse every penny the residents spent on sandbags,” Ruiz told reporters. The Environment Agency said the well-being of riverside families came first.

Councillor Tom Baker claimed the plan was “pay-as-you-go” and warned: “Sanctions, tariffs and fines won't fix a river.”
"""  # noqa: E501
FLOOD_SPECS = [
    {
        "speaker": "Ana Ruiz",
        "role": "Mayor",
        "aliases": ["Ruiz", "Mayor Ana Ruiz"],
        "quote": "The barrier will protect 4,000 homes before the winter storms.",
    },
    {
        "speaker": "Ana Ruiz",
        "kind": INDIRECT,
        "cue": "added",
        "mention": "She",
        "quote": "costs would be shared with the regional government",
    },
    {
        "speaker": "Ana Ruiz",
        "cue": "told",
        "mention": "Ruiz",
        "quote": "We will reimburse every penny the residents spent on sandbags,",
        "context": "“We will reimburse every penny the residents spent on sandbags,”"
        " Ruiz told reporters.",
    },
    {
        "speaker": "The Environment Agency",
        "kind": INDIRECT,
        "type": ORGANISATION,
        "quote": "the well-being of riverside families came first",
    },
    {
        "speaker": "Tom Baker",
        "quote": "pay-as-you-go",
        "kind": MIXED,
        "cue": "claimed",
        "role": "Councillor",
    },
    {
        "speaker": "Tom Baker",
        "quote": "Sanctions, tariffs and fines won't fix a river.",
        "cue": "warned",
        "mention": "Tom Baker",
    },
]

TRADE = (
    "Volodymira Kovalenkova, the trade minister, said: “Exports rose by a third this year.” "
    "Her deputy, Piotr Lindqvist, said that the figures were preliminary. "
    "An official said the talks would resume on Friday."
)
TRADE_SPECS = [
    {
        "speaker": "Volodymira Kovalenkova",
        "quote": "Exports rose by a third this year.",
        "role": "trade minister",
    },
    {"speaker": "Piotr Lindqvist", "quote": "the figures were preliminary", "kind": INDIRECT},
    {
        "speaker": "An official",
        "quote": "the talks would resume on Friday",
        "kind": INDIRECT,
        "type": ANONYMOUS,
    },
]

# The seed article, attributed by hand the way the issue describes it.
SEED_SPECS = [
    {
        "speaker": "Donald Trump",
        "quote": "I don’t want to do that.",
        "cue": "stated",
        "mention": "He",
        "aliases": ["Trump"],
        "roles": ["President"],
    },
    {"speaker": "Donald Trump", "quote": "We have to get that war ended.", "cue": "remarked"},
    {
        "speaker": "Mike Waltz",
        "quote": "We need to recoup those costs,",
        "cue": "shared",
        "aliases": ["Waltz"],
        "role": "National Security Advisor",
    },
    {
        "speaker": "Vladimir Putin",
        "quote": "clever and pragmatic",
        "kind": MIXED,
        "cue": "expressed",
        "aliases": ["Putin"],
    },
    {
        "speaker": "Donald Trump",
        "quote": "he could resolve the conflict in a mere 24 hours",
        "kind": INDIRECT,
        "cue": "claimed",
    },
    {
        "speaker": "Volodymyr Zelenskyy",
        "quote": "Nothing about Ukraine without Ukraine",
        "kind": MIXED,
        "aliases": ["Zelenskyy"],
        "roles": ["Ukrainian President"],
    },
]


@pytest.fixture
def store(tmp_path: Path, extraction_for: Factory) -> Iterator[Store]:
    """Three articles: two written for these tests and the bundled seed."""
    seed = read_articles([str(p) for p in seed_paths()])[0]
    with Store(tmp_path / "search.db") as opened:
        opened.add_article(
            Article(FLOOD, "articles/flood.md", title="Council approves flood barrier"),
            extraction_for(FLOOD, FLOOD_SPECS),
        )
        opened.add_article(
            Article(TRADE, "https://news.example/trade", external_id="t-1"),
            extraction_for(TRADE, TRADE_SPECS),
        )
        opened.add_article(seed, extraction_for(seed.text, SEED_SPECS))
        yield opened


def speakers_of(rows: list[dict]) -> list[str | None]:
    return [row["speaker"] for row in rows]


# who-said ------------------------------------------------------------------------


def test_who_said_row_is_a_stable_contract(store: Store) -> None:
    assert WHO_SAID_COLUMNS == (
        "id",
        "speaker",
        "speaker_type",
        "role",
        "kind",
        "cue",
        "text",
        "article_id",
        "article",
        "context",
        "start",
        "end",
        "mention",
        "rule",
        "match",
        "score",
        "parts",
        "date",
        "source",
        "author",
    )
    [row] = who_said(store, "4,000 homes")
    assert tuple(row) == WHO_SAID_COLUMNS
    assert row == {
        "id": 1,
        "speaker": "Ana Ruiz",
        "speaker_type": "person",
        "role": "Mayor",
        "kind": "direct",
        "cue": "said",
        "text": "The barrier will protect 4,000 homes before the winter storms.",
        "article_id": 1,
        "article": "Council approves flood barrier",
        "context": "Mayor Ana Ruiz said, “The barrier will protect 4,000 homes before the "
        "winter storms.”",
        "start": FLOOD.index("The barrier"),
        "end": FLOOD.index("storms.") + len("storms."),
        "mention": "Ana Ruiz",
        "rule": "test",
        "match": "phrase",
        "score": 100.0,
        "parts": None,
        "date": None,
        "source": "articles/flood.md",
        "author": None,
    }


@pytest.mark.parametrize(
    ("query", "speaker"),
    [
        ("24 hours", "Donald Trump"),
        ("clever and pragmatic", "Vladimir Putin"),
        ("Nothing about Ukraine without Ukraine", "Volodymyr Zelenskyy"),
        ("We have to get that war ended", "Donald Trump"),
        ("well-being", "The Environment Agency"),
        ("pay-as-you-go", "Tom Baker"),
        ("won't fix", "Tom Baker"),
        ("EXPORTS ROSE", "Volodymira Kovalenkova"),
        ("shared with the regional", "Ana Ruiz"),
    ],
)
def test_phrase_search(store: Store, query: str, speaker: str) -> None:
    rows = who_said(store, query)
    assert rows and rows[0]["speaker"] == speaker
    assert rows[0]["match"] == "phrase"


def test_phrase_words_must_be_adjacent(store: Store) -> None:
    rows = who_said(store, "barrier homes")
    assert all(row["match"] != "phrase" for row in rows)


def test_context_is_searched_when_no_quote_matches(store: Store) -> None:
    [row] = who_said(store, "Ruiz told reporters")
    assert (row["speaker"], row["match"]) == ("Ana Ruiz", "context")
    assert row["text"].startswith("We will reimburse")


@pytest.mark.parametrize(
    ("query", "speaker"),
    [
        ("recoop those costs", "Mike Waltz"),
        ("reimburce every peny", "Ana Ruiz"),
        ("exports rose by a thrid", "Volodymira Kovalenkova"),
    ],
)
def test_fuzzy_fallback_finds_misremembered_quotes(store: Store, query: str, speaker: str) -> None:
    rows = who_said(store, query)
    assert rows and rows[0]["speaker"] == speaker
    assert rows[0]["match"] == "fuzzy" and rows[0]["score"] >= search.FUZZY_THRESHOLD


def test_fuzzy_fallback_rejects_unrelated_queries(store: Store) -> None:
    assert who_said(store, "quantum chromodynamics lecture") == []


def test_fuzzy_candidates_are_capped(
    store: Store, monkeypatch: pytest.MonkeyPatch, extraction_for: Factory
) -> None:
    text = " ".join(f"Witness {i} said, “The river rose {i} metres overnight.”" for i in range(40))
    specs = [
        {"speaker": f"Witness {i}", "quote": f"The river rose {i} metres overnight."}
        for i in range(40)
    ]
    store.add_article(Article(text, "witnesses.txt"), extraction_for(text, specs))
    monkeypatch.setattr(search, "MAX_FUZZY_CANDIDATES", 5)
    assert len(who_said(store, "the rivr rose metres", limit=None)) <= 5


def test_limit(store: Store) -> None:
    assert len(who_said(store, "the", limit=2)) == 2
    assert len(who_said(store, "the", limit=None)) > 2
    assert who_said(store, "the", limit=0) == []


@pytest.mark.parametrize(
    "query",
    [
        'sanctions, "tariffs" AND (',
        "NEAR(barrier homes)",
        "NEAR/2",
        "text: barrier",
        "{text context}: barrier",
        "barri*",
        "^barrier",
        "-barrier",
        "+barrier",
        "barrier OR homes",
        "barrier NOT homes",
        '"unbalanced',
        "it's",
        "'single quotes'",
        "a\x00b",
        "AND",
        "“curly” ‘marks’",
        "Zelenskyy’s",
        "ümlaut café naïve",
        "日本語",
    ],
)
def test_query_syntax_is_always_literal(store: Store, query: str) -> None:
    rows = who_said(store, query)
    # Operators are words: a phrase match must hold every word of the query in order.
    words = [w.lower() for w in re.findall(r"[^\W_]+", query)]
    for row in rows:
        if row["match"] == "phrase":
            found = [w.lower() for w in re.findall(r"[^\W_]+", row["text"])]
            assert any(found[i : i + len(words)] == words for i in range(len(found)))


def test_or_is_not_an_operator(store: Store) -> None:
    assert all(row["match"] != "phrase" for row in who_said(store, "barrier OR homes"))


def test_fts_operators_are_words(store: Store) -> None:
    [row] = who_said(store, 'sanctions, "tariffs" AND (')
    assert (row["speaker"], row["match"]) == ("Tom Baker", "phrase")
    # A trailing * is not a prefix query: "barri" is no word of any quote.
    assert all(row["match"] != "phrase" for row in who_said(store, "barri*"))


@pytest.mark.parametrize("query", ["", "   ", "?!", "--", '"" ()', "* : ^", "___", "…"])
def test_query_without_words_is_a_query_error(store: Store, query: str) -> None:
    with pytest.raises(QueryError):
        who_said(store, query)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.text(max_size=40))
def test_any_query_gives_rows_or_a_query_error(store: Store, query: str) -> None:
    try:
        rows = who_said(store, query, limit=5)
    except QueryError:
        assert not any(ch.isalnum() for ch in query)
    else:
        assert len(rows) <= 5


# list ------------------------------------------------------------------------------


def test_list_all_in_article_order(store: Store) -> None:
    rows = list_quotes(store)
    assert len(rows) == len(FLOOD_SPECS) + len(TRADE_SPECS) + len(SEED_SPECS)
    assert tuple(rows[0]) == QUOTE_COLUMNS
    keys = [(row["article_id"], row["start"]) for row in rows]
    assert keys == sorted(keys)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Ana Ruiz", "Ana Ruiz"),
        ("ana ruiz", "Ana Ruiz"),
        ("  ANA   RUIZ ", "Ana Ruiz"),
        ("Ruiz", "Ana Ruiz"),
        ("mayor ana ruiz", "Ana Ruiz"),
        ("Waltz", "Mike Waltz"),
        ("mike waltz", "Mike Waltz"),
        ("Zelensky", "Volodymyr Zelenskyy"),
        ("Kovalenkowa", "Volodymira Kovalenkova"),
        ("Lindquist", "Piotr Lindqvist"),
        ("environment agency", "The Environment Agency"),
    ],
)
def test_list_by_speaker(store: Store, name: str, expected: str) -> None:
    rows = list_quotes(store, speaker=name)
    assert rows and set(speakers_of(rows)) == {expected}


def test_list_by_speaker_returns_every_quote_in_order(store: Store) -> None:
    rows = list_quotes(store, speaker="Ruiz")
    assert [row["text"][:20] for row in rows] == [
        "The barrier will pro",
        "costs would be share",
        "We will reimburse ev",
    ]


@pytest.mark.parametrize("name", ["Nobody Atall", "Li", "Ann", "Trumpet Player"])
def test_list_by_unknown_speaker_is_empty(store: Store, name: str) -> None:
    assert list_quotes(store, speaker=name) == []


def test_list_by_kind(store: Store) -> None:
    rows = list_quotes(store, kind="Indirect")
    assert rows and {row["kind"] for row in rows} == {INDIRECT}
    with pytest.raises(QueryError, match="unknown kind"):
        list_quotes(store, kind="paraphrase")


def test_list_by_article(store: Store) -> None:
    rows = list_quotes(store, article=2)
    assert speakers_of(rows) == ["Volodymira Kovalenkova", "Piotr Lindqvist", "An official"]
    assert {row["article"] for row in rows} == {"https://news.example/trade"}
    with pytest.raises(NotFoundError):
        list_quotes(store, article=99)


def test_list_filters_combine(store: Store) -> None:
    rows = list_quotes(store, speaker="Trump", kind="indirect", limit=5)
    assert [row["text"] for row in rows] == ["he could resolve the conflict in a mere 24 hours"]
    assert len(list_quotes(store, speaker="Trump", limit=1)) == 1


def test_role_falls_back_to_the_speakers_known_role(store: Store) -> None:
    rows = list_quotes(store, speaker="Ruiz")
    assert [row["role"] for row in rows] == ["Mayor"] * 3


def test_filtered_queries_never_scan_all_quotes(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The statements list/who-said run look quotes up by index, not by a full scan."""
    issued: list[tuple[str, Sequence]] = []
    rows = Store.rows

    def recording(self: Store, sql: str, params: Sequence = ()) -> list[dict]:
        issued.append((sql, params))
        return rows(self, sql, params)

    monkeypatch.setattr(Store, "rows", recording)
    list_quotes(store, speaker="Ruiz")
    list_quotes(store, article=2)
    who_said(store, "24 hours")
    who_said(store, "recoop those costs")
    monkeypatch.undo()
    plans = [
        " | ".join(r["detail"] for r in store.rows(f"EXPLAIN QUERY PLAN {sql}", params))
        for sql, params in issued
        if "FROM quotes q" in sql
    ]
    assert plans
    for plan in plans:
        assert not re.search(r"\bSCAN (q|quotes)\b", plan), plan
    assert any("idx_quotes_speaker" in plan for plan in plans)
    assert any("idx_quotes_article" in plan for plan in plans)


# speakers ----------------------------------------------------------------------------


def test_list_speakers(store: Store, extraction_for: Factory) -> None:
    text = "Nobody said anything. Mr Silent Witness was there."
    extraction = extraction_for(text, [])
    store.add_article(
        Article(text, "silent.txt"),
        Extraction(speakers=(Speaker("Silent Witness"),), quotes=extraction.quotes),
    )
    rows = list_speakers(store)
    assert tuple(rows[0]) == SPEAKER_COLUMNS
    assert [row["speaker"] for row in rows[:2]] == ["Ana Ruiz", "Donald Trump"]
    assert "Silent Witness" not in [row["speaker"] for row in rows]
    by_name = {row["speaker"]: row for row in rows}
    assert by_name["Ana Ruiz"] == {
        "id": by_name["Ana Ruiz"]["id"],
        "speaker": "Ana Ruiz",
        "type": "person",
        "role": "Mayor",
        "quotes": 3,
        "articles": 1,
        "aliases": "Ruiz; Mayor Ana Ruiz",
        "found_as": "Ana Ruiz (3)",
    }
    assert by_name["The Environment Agency"]["type"] == ORGANISATION
    assert len(list_speakers(store, limit=2)) == 2


# show -------------------------------------------------------------------------------


def test_get_quote_with_its_paragraph(store: Store) -> None:
    quote_id = list_quotes(store, speaker="Ruiz")[2]["id"]
    row = get_quote(store, quote_id)
    assert tuple(row) == SHOW_COLUMNS
    assert row["paragraph"].startswith("“We will reimburse")
    assert row["paragraph"].endswith("came first.")
    offset = row["start"] - row["paragraph_start"]
    assert row["paragraph"][offset : offset + len(row["text"])] == row["text"]
    assert FLOOD[row["paragraph_start"] :].startswith(row["paragraph"])


def test_get_quote_in_a_line_per_paragraph_article(store: Store) -> None:
    [row] = list_quotes(store, speaker="Waltz")
    shown = get_quote(store, row["id"])
    assert shown["paragraph"].startswith("“We need to recoup")
    assert "\n" not in shown["paragraph"]


def test_get_missing_quote(store: Store) -> None:
    with pytest.raises(NotFoundError, match="no quote with id 999"):
        get_quote(store, 999)


def test_paragraph_bounds_span_several_paragraphs() -> None:
    text = "Intro.\n\n“First part\n\nsecond part,” she said.\n\nOutro."
    start, end = text.index("First"), text.index("part,") + 4
    left, right = paragraph_bounds(text, start, end)
    assert text[left:right] == "“First part\n\nsecond part,” she said."


def test_paragraph_bounds_of_a_wrapped_article_with_indented_paragraphs() -> None:
    first = (
        "The council met on Tuesday evening to decide the fate of the old library on\n"
        "Mill Street, which has stood empty since the spring floods damaged its roof.\n"
    )
    second = (
        "    “We cannot keep paying to heat an empty building while the roof lets in\n"
        "the rain,” the council leader, Ruth Okafor, told the meeting on Tuesday.\n"
    )
    third = "    The vote is due next month.\n"
    text = first + second + third
    start = text.index("We cannot")
    left, right = paragraph_bounds(text, start, start + 20)
    assert text[left:right] == second.strip()
    # One line a paragraph when nothing is wrapped.
    plain = "First line.\nSecond line.\n"
    left, right = paragraph_bounds(plain, plain.index("Second"), len(plain) - 2)
    assert plain[left:right] == "Second line."


@pytest.mark.parametrize(
    ("title", "source", "external_id", "label"),
    [
        ("A title", "x/y.txt", None, "A title"),
        (None, "https://example.org/a", "id-1", "https://example.org/a"),
        (None, "feeds/day.jsonl:4", "id-1", "id-1"),
        (None, "feeds/day.jsonl:4", None, "day.jsonl:4"),
        (None, "archive/2024/report.txt", None, "report.txt"),
        (None, "<stdin>", None, "<stdin>"),
    ],
)
def test_article_label(title: str | None, source: str, external_id: str | None, label: str) -> None:
    assert article_label(title, source, external_id) == label


# indexing ---------------------------------------------------------------------------


def test_index_articles_skips_unchanged_before_extracting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extraction_for: Factory
) -> None:
    import quotecli.extract

    extracted: list[str] = []

    def fake_extract(text: str) -> Extraction:
        extracted.append(text)
        return extraction_for(FLOOD, FLOOD_SPECS) if text == FLOOD else Extraction()

    monkeypatch.setattr(quotecli.extract, "extract", fake_extract)
    articles = [
        Article(FLOOD, "flood.md", warnings=("flood.md: 1 invalid UTF-8 byte replaced",)),
        Article("Nothing quoted here.", "plain.txt"),
    ]
    seen: list[tuple[str, bool]] = []
    with Store(tmp_path / "i.db") as store:
        summary = index_articles(store, articles, lambda a, added: seen.append((a.source, added)))
        assert summary == IndexSummary(
            added=2,
            unchanged=0,
            quotes=len(FLOOD_SPECS),
            warnings=("flood.md: 1 invalid UTF-8 byte replaced",),
        )
        again = index_articles(store, articles)
        assert (again.added, again.unchanged, again.quotes) == (0, 2, 0)
    assert len(extracted) == 2
    assert seen == [("flood.md", True), ("plain.txt", True)]


def test_ensure_seeded_indexes_the_bundled_seeds_once(tmp_path: Path) -> None:
    """Runs the real engine, but asserts nothing about what it finds."""
    with Store(tmp_path / "fresh.db") as store:
        assert ensure_seeded(store) == len(seed_paths())
        assert store.article_count() == len(seed_paths())
        assert ensure_seeded(store) == 0
        rows = list_quotes(store)
        assert all(tuple(row) == QUOTE_COLUMNS for row in rows)
        assert isinstance(who_said(store, "24 hours"), list)


def test_ensure_seeded_leaves_a_used_store_alone(store: Store) -> None:
    assert ensure_seeded(store) == 0
    assert store.article_count() == 3


def test_common_phrases_are_ranked_among_the_newest_matches(
    store: Store, monkeypatch: pytest.MonkeyPatch, extraction_for: Factory
) -> None:
    """Ranking every match of a very common phrase would be slow on a big index."""
    text = " ".join(f"Witness {i} said, “The river rose {i} metres overnight.”" for i in range(12))
    specs = [
        {"speaker": f"Witness {i}", "quote": f"The river rose {i} metres overnight."}
        for i in range(12)
    ]
    store.add_article(Article(text, "witnesses.txt"), extraction_for(text, specs))
    newest = store.scalar("SELECT max(id) FROM quotes")
    monkeypatch.setattr(search, "RANK_WINDOW", 5)
    ranked = who_said(store, "river rose", limit=3)
    assert len(ranked) == 3
    assert all(row["id"] > newest - 5 for row in ranked)
    assert len(who_said(store, "river rose", limit=None)) == 12


def test_decomposed_accents_in_a_query_match_composed_text(tmp_path: Path) -> None:
    text = "“The café will reopen,” said Ana Ruiz."
    with Store(tmp_path / "q.db") as store:
        index_articles(store, [Article(text, "cafe.txt")])
        decomposed = "cafe\u0301 will reopen"
        assert [r["speaker"] for r in who_said(store, decomposed)] == ["Ana Ruiz"]
