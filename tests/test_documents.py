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
from quotecli.documents import content_hash, read_articles
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
    assert article.text.startswith("# Bridge")  # offsets still refer to the whole file


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
        "# First\n\nFirst article.",
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
