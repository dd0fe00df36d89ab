"""Reading articles: files, directories, JSONL, stdin, and every kind of bad input."""

from __future__ import annotations

import hashlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotecli.bundled import seed_paths
from quotecli.documents import Fields, Reader, content_hash, read_articles
from quotecli.errors import InputError

ARTICLE = "The mayor said, “The bridge opens in May.”\nCritics disagreed.\n"


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


# Good input -------------------------------------------------------------------


def test_text_file(tmp_path: Path) -> None:
    path = write(tmp_path / "bridge.txt", ARTICLE)
    [article] = read_articles([str(path)])
    assert article.text == ARTICLE
    assert article.source == str(path)
    assert article.title is None
    assert article.warnings == ()


def test_markdown_heading_is_the_title(tmp_path: Path) -> None:
    path = write(tmp_path / "bridge.md", "# Bridge to open in May\n\n" + ARTICLE)
    [article] = read_articles([str(path)])
    assert article.title == "Bridge to open in May"
    # Markdown is stored as the text a reader sees; offsets refer to that text.
    assert article.text.startswith("Bridge to open in May\n\nThe mayor said")


def test_title_is_never_invented_from_prose(tmp_path: Path) -> None:
    path = write(tmp_path / "bridge.md", "Bridge to open in May\n\n" + ARTICLE)
    assert read_articles([str(path)])[0].title is None


def test_line_endings_and_bom_are_normalised(tmp_path: Path) -> None:
    path = write(tmp_path / "win.txt", b"\xef\xbb\xbfLine one.\r\nLine two.\rLine three.")
    [article] = read_articles([str(path)])
    assert article.text == "Line one.\nLine two.\nLine three."


def test_directory_is_read_recursively_in_order(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", "Second article, said nobody.")
    write(tmp_path / "a.md", "# First\n\nFirst article.")
    write(tmp_path / "sub" / "c.jsonl", json.dumps({"text": "Third article."}) + "\n")
    write(tmp_path / "notes.csv", "not,an,article")
    write(tmp_path / ".hidden.txt", "Hidden article.")
    write(tmp_path / ".git" / "d.txt", "Repository internals.")
    articles = read_articles([str(tmp_path)])
    assert [a.text for a in articles] == [
        "First\n\nFirst article.",  # Markdown, as a reader sees it
        "Second article, said nobody.",
        "Third article.",
    ]


def test_jsonl_fields(tmp_path: Path) -> None:
    lines = [
        {
            "text": "One, she said.",
            "id": 17,
            "title": "First",
            "date": "2024-03-01",
            "url": "https://example.org/one",
        },
        {"text": "Two, he said.", "source": "wire"},
        {"text": "Three."},
    ]
    path = write(tmp_path / "feed.ndjson", "\n".join(json.dumps(x) for x in lines) + "\n\n")
    one, two, three = read_articles([str(path)])
    assert (one.external_id, one.title, one.date, one.source) == (
        "17",
        "First",
        "2024-03-01",
        "https://example.org/one",
    )
    assert two.source == "wire"
    assert three.source == f"{path}:3"
    assert all(a.warnings == () for a in (one, two, three))


def test_stdin_text_and_jsonl() -> None:
    [article] = read_articles(["-"], stdin=io.BytesIO(ARTICLE.encode()))
    assert (article.text, article.source) == (ARTICLE, "<stdin>")
    feed = b'{"text": "Piped one."}\n{"text": "Piped two."}\n'
    assert [a.text for a in read_articles(["-"], stdin=io.BytesIO(feed))] == [
        "Piped one.",
        "Piped two.",
    ]


def test_content_hash_is_sha256_of_the_text() -> None:
    assert content_hash("abc") == hashlib.sha256(b"abc").hexdigest()
    assert content_hash("abc") != content_hash("abd")


def test_bundled_seeds_are_found_and_readable() -> None:
    paths = seed_paths()
    assert paths and all(p.is_file() for p in paths)
    assert all(a.text.strip() for a in read_articles([str(p) for p in paths]))


# Bad input: one clear InputError, never a raw exception -------------------------


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_articles([str(tmp_path / "nope.txt")])


def test_missing_path_fails_before_reading_the_rest(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", ARTICLE)
    with pytest.raises(InputError, match="nope"):
        read_articles([str(good), str(tmp_path / "nope")])


def test_directory_without_articles(tmp_path: Path) -> None:
    write(tmp_path / "image.png", b"\x89PNG\r\n")
    with pytest.raises(InputError, match="no articles found"):
        read_articles([str(tmp_path)])


def test_directory_with_only_unreadable_articles(tmp_path: Path) -> None:
    write(tmp_path / "empty.txt", "")
    write(tmp_path / "blob.txt", b"\x00\x01\x02")
    with pytest.raises(InputError, match="no readable articles"):
        read_articles([str(tmp_path)])


def test_bad_file_in_a_directory_is_skipped_with_a_warning(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "b.txt", "   \n")
    [article] = read_articles([str(tmp_path)])
    assert len(article.warnings) == 1
    assert "b.txt" in article.warnings[0] and "empty" in article.warnings[0]


def test_binary_file(tmp_path: Path) -> None:
    path = write(tmp_path / "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InputError, match="binary"):
        read_articles([str(path)])


@pytest.mark.parametrize("content", [b"", b"  \n\t\n", b"\xef\xbb\xbf\n"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = write(tmp_path / "empty.txt", content)
    with pytest.raises(InputError, match="empty"):
        read_articles([str(path)])


def test_empty_stdin() -> None:
    with pytest.raises(InputError, match="<stdin>: is empty"):
        read_articles(["-"], stdin=io.BytesIO(b""))


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le"])
def test_utf16_file(tmp_path: Path, encoding: str) -> None:
    path = write(tmp_path / "wide.txt", ARTICLE.encode(encoding))
    with pytest.raises(InputError, match=r"UTF-16|binary"):
        read_articles([str(path)])


def test_latin1_file_is_not_utf8(tmp_path: Path) -> None:
    text = "Le ministre a déclaré : « Ça sera réglé très bientôt, à l'été. » Déjà évoqué."
    path = write(tmp_path / "french.txt", text.encode("latin-1"))
    with pytest.raises(InputError, match="not UTF-8"):
        read_articles([str(path)])


def test_stray_invalid_bytes_are_replaced_with_a_warning(tmp_path: Path) -> None:
    data = "The mayor said, “It’s done.” ".encode() + b"\xff" + b" The end."
    path = write(tmp_path / "glitch.txt", data)
    [article] = read_articles([str(path)])
    assert "\ufffd" in article.text
    assert "“It’s done.”" in article.text
    assert len(article.warnings) == 1 and "invalid UTF-8" in article.warnings[0]


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read anything"
)
def test_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path / "secret.txt", ARTICLE)
    path.chmod(0)
    try:
        with pytest.raises(InputError, match="cannot read"):
            read_articles([str(path)])
    finally:
        path.chmod(0o644)


def test_jsonl_bad_lines_are_skipped_with_line_numbers(tmp_path: Path) -> None:
    content = "\n".join(
        [
            json.dumps({"text": "First good line."}),
            "{not json",
            json.dumps(["a", "list"]),
            json.dumps({"title": "no text"}),
            json.dumps({"text": "   "}),
            json.dumps({"text": "Second good line."}),
        ]
    )
    path = write(tmp_path / "feed.jsonl", content)
    first, second = read_articles([str(path)])
    assert second.text == "Second good line."
    assert second.warnings == ()
    assert [w.split(": ")[0] for w in first.warnings] == [f"{path}:{n}" for n in (2, 3, 4, 5)]


def test_jsonl_without_a_valid_line(tmp_path: Path) -> None:
    path = write(tmp_path / "feed.jsonl", '{"body": "x"}\nnonsense\n')
    with pytest.raises(InputError, match=r"no valid JSON lines.*:1"):
        read_articles([str(path)])


def test_jsonl_lone_surrogate_is_replaced(tmp_path: Path) -> None:
    path = write(tmp_path / "feed.jsonl", '{"text": "Broken \\ud800 escape, she said."}\n')
    [article] = read_articles([str(path)])
    article.text.encode("utf-8")  # storable
    assert "\ufffd" in article.text and article.warnings


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300), suffix=st.sampled_from([".txt", ".md", ".jsonl"]))
def test_any_bytes_give_articles_or_an_input_error(
    tmp_path: Path, data: bytes, suffix: str
) -> None:
    path = write(tmp_path / f"fuzz{suffix}", data)
    try:
        articles = read_articles([str(path)])
    except InputError as exc:
        assert "\n" not in str(exc)
    else:
        assert articles and all(a.text.strip() for a in articles)
        for a in articles:
            a.text.encode("utf-8")


def test_documents_and_bundled_seeds_import_only_the_standard_library() -> None:
    code = (
        "import sys, quotecli.documents, quotecli.bundled;"
        "heavy = {'sqlite_utils', 'thefuzz', 'rapidfuzz', 'rich', 'typer', 'platformdirs'};"
        "print(sorted(heavy & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# HTML, CSV, field names, globs and streaming ------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <title>Harbour wall to be rebuilt | The Coast Herald</title>
  <meta property="og:title" content="Harbour wall to be rebuilt">
  <meta name="author" content="Nadia Brennan">
  <meta property="article:published_time" content="2024-03-14T09:30:00Z">
  <script>window.tracking = "do not index me";</script>
</head>
<body>
  <nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport</a></li>
  <li><a href="/weather">Weather and tides for the whole coast</a></li></ul></nav>
  <div class="ad">Subscribe now for only one pound a week!</div>
  <article>
    <h1>Harbour wall to be rebuilt</h1>
    <p>The council has approved money to rebuild the old harbour wall, which was damaged in
    the winter storms and has been closed to walkers since January.</p>
    <p>“We cannot let the harbour crumble into the sea,” said councillor Ruth Okafor, who
    chairs the coastal committee. She said work would start in the spring and take a year.</p>
    <p>Fishermen welcomed the decision. “It has been a hard winter for everyone who works
    here,” said Dev Patel, who has fished from the harbour for thirty years.</p>
  </article>
  <footer>Copyright The Coast Herald. All rights reserved. Cookie settings.</footer>
</body>
</html>
"""


def test_html_page_gives_the_article_and_its_metadata(tmp_path: Path) -> None:
    path = write(tmp_path / "harbour.html", PAGE)
    [article] = read_articles([str(path)])
    assert "We cannot let the harbour crumble into the sea" in article.text
    assert "Dev Patel" in article.text
    for boilerplate in ("tracking", "Subscribe now", "Cookie settings", "Weather and tides"):
        assert boilerplate not in article.text
    assert article.title == "Harbour wall to be rebuilt"
    assert article.author == "Nadia Brennan"
    assert article.date == "2024-03-14"
    assert article.key == str(path.resolve())


def test_html_on_stdin_is_recognised() -> None:
    [article] = read_articles(["-"], stdin=io.BytesIO(PAGE.encode()))
    assert article.source == "<stdin>"
    assert "crumble into the sea" in article.text


def test_html_page_without_an_article_in_a_directory_is_skipped(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "empty.html", "<html><head><script>x = 1;</script></head><body></body></html>")
    [article] = read_articles([str(tmp_path)])
    assert article.text == ARTICLE
    assert any("empty.html" in w and "no article text" in w for w in article.warnings)


CSV_EXPORT = (
    "guid,headline,body,published,link\n"
    '7,Bridge,"“It opens in May,” the mayor said.",2024-02-01,https://example.org/bridge\n'
    '8,Flood,"Two lines,\nsaid the warden.",2024-02-02,\n'
    "9,Too,many,fields,here,really\n"
    "10,No body,,2024-02-03,\n"
    '11,Last,"“Done,” she said.",2024-02-04,\n'
)


def test_csv_with_named_fields_and_bad_rows(tmp_path: Path) -> None:
    path = write(tmp_path / "export.csv", CSV_EXPORT)
    fields = Fields(text="body", id="guid", title="headline", date="published", source=("link",))
    first, second, last = read_articles([str(path)], fields=fields)
    assert (first.text, first.title, first.date, first.external_id, first.source) == (
        "“It opens in May,” the mayor said.",
        "Bridge",
        "2024-02-01",
        "7",
        "https://example.org/bridge",
    )
    assert first.key == "url:https://example.org/bridge"
    assert second.text == "Two lines,\nsaid the warden."
    assert second.key == f"{path.resolve()}#8"
    assert last.text == "“Done,” she said."
    # Line numbers count physical lines: row 8 spans lines 3 and 4.
    assert first.warnings == (
        f"{path}:5: skipped, 6 fields where the header has 5",
        f'{path}:6: skipped, no text in its "body" field',
    )


def test_csv_named_on_the_command_line_needs_its_text_column(tmp_path: Path) -> None:
    path = write(tmp_path / "export.csv", CSV_EXPORT)
    with pytest.raises(InputError, match=r'no "text" column \(columns: guid, headline'):
        read_articles([str(path)])


def test_csv_without_the_text_column_in_a_directory_is_skipped(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "export.csv", CSV_EXPORT)
    [article] = read_articles([str(tmp_path)])
    assert any("export.csv" in w and '"text" column' in w for w in article.warnings)


def test_csv_on_stdin() -> None:
    data = b"id,text\n1,First piece.\n2,Second piece.\n"
    articles = read_articles(["-"], stdin=io.BytesIO(data), input_format="csv")
    assert [(a.external_id, a.text) for a in articles] == [
        ("1", "First piece."),
        ("2", "Second piece."),
    ]


def test_jsonl_with_named_fields(tmp_path: Path) -> None:
    line = {"body": "Said so.", "uid": "a-1", "headline": "H", "by": "Kim Cho"}
    path = write(tmp_path / "feed.jsonl", json.dumps(line) + "\n")
    fields = Fields(text="body", id="uid", title="headline", author="by")
    [article] = read_articles([str(path)], fields=fields)
    assert (article.text, article.external_id, article.title, article.author) == (
        "Said so.",
        "a-1",
        "H",
        "Kim Cho",
    )


def test_glob_pattern(tmp_path: Path) -> None:
    write(tmp_path / "2023" / "a.md", "Old article.")
    write(tmp_path / "2024" / "b.md", "New article.")
    write(tmp_path / "2024" / "deep" / "c.md", "Deep article.")
    write(tmp_path / "2024" / "notes.pdf", b"%PDF-1.4\x00")
    articles = read_articles([str(tmp_path / "2024" / "**" / "*.md")])
    assert [a.text for a in articles] == ["New article.", "Deep article."]


def test_glob_pattern_without_matches(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no articles match"):
        read_articles([str(tmp_path / "*.md")])


def test_unknown_input_format() -> None:
    with pytest.raises(InputError, match="unknown input format 'xml'"):
        read_articles(["-"], stdin=io.BytesIO(b"x"), input_format="xml")


def test_reader_streams_without_reading_ahead() -> None:
    """The second article comes from a line that is not there yet when the first is read."""

    class Feed(io.RawIOBase):
        def __init__(self) -> None:
            self.lines = [json.dumps({"text": f"Article {n}."}).encode() + b"\n" for n in (1, 2)]

        def readable(self) -> bool:
            return True

        def readline(self, size: int | None = -1) -> bytes:
            if not self.lines:
                raise AssertionError("read past what was asked for")
            return self.lines.pop(0)

    items = iter(Reader(["-"], stdin=Feed()))
    assert next(items).text == "Article 1."


def test_warnings_stream_to_the_callback(tmp_path: Path) -> None:
    path = write(tmp_path / "feed.jsonl", '{"text": "One."}\nnot json\n{"text": "Two."}\n')
    seen: list[str] = []
    reader = Reader([str(path)], warn=seen.append)
    texts = []
    for article in reader:
        texts.append((article.text, list(seen)))
    assert texts == [
        ("One.", []),
        ("Two.", [f"{path}:2: skipped, not valid JSON (Expecting value at character 1)"]),
    ]
    assert reader.articles_read == 2


def test_a_line_that_is_no_json_object_says_what_is_wrong_with_it(tmp_path: Path) -> None:
    path = write(
        tmp_path / "feed.jsonl",
        '{"text": "One."}\n{"text": "Two."\n["a", "list"]\nnull\n{"text": "Three."}\n',
    )
    seen: list[str] = []
    texts = [article.text for article in Reader([str(path)], warn=seen.append)]
    assert texts == ["One.", "Three."]
    assert seen == [
        f"{path}:2: skipped, not valid JSON (Expecting ',' delimiter at character 16)",
        f"{path}:3: skipped, a JSON array, not an object",
        f"{path}:4: skipped, a JSON null, not an object",
    ]
