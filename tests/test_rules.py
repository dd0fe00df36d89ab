"""The rule catalogue: every rule explained, every example firing its rule, in trial order."""

from __future__ import annotations

import ast
import inspect
import sys
from pathlib import Path

import pytest

from quotecli.extract import catalogue, extract
from quotecli.extract.catalogue import rules_by_trigger
from quotecli.extract.evidence import RULES, explain
from quotecli.extract.rules import CATALOGUE, TRIGGERS, rule, tried_on

RULES_DIR = Path(catalogue.__file__).parent / "rules"


@pytest.mark.parametrize("entry", CATALOGUE, ids=lambda r: r.name)
def test_every_rule_is_explained_and_has_examples(entry):
    assert entry.explanation and "\n" not in entry.explanation
    assert all(t in TRIGGERS for t in entry.triggers)
    assert entry.examples
    assert callable(entry.apply)
    # Each rule is a small function of its own, in the module for its trigger.
    source, lines = _source_and_length(entry.apply)
    assert source.parent == RULES_DIR
    assert lines < 80


def _source_and_length(function) -> tuple[Path, int]:
    """A rule's source file and its length in lines, decorators included, read from
    the module's .py file when the module is a compiled extension (no code object)."""
    if inspect.isfunction(function):
        return Path(inspect.getsourcefile(function)), len(inspect.getsourcelines(function)[0])
    module = sys.modules[function.__module__]
    source = Path(module.__file__).parent / (function.__module__.rsplit(".", 1)[1] + ".py")
    for node in ast.parse(source.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.FunctionDef) and node.name == function.__name__:
            first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            return source, node.end_lineno - first + 1
    raise AssertionError(f"no function {function.__name__} in {source}")


@pytest.mark.parametrize(
    ("name", "example"),
    [(r.name, example) for r in CATALOGUE for example in r.examples],
)
def test_each_example_fires_its_rule(name, example):
    stored = catalogue.named(name).stores
    fired = [q.rule.partition("+")[0] for q in extract(example).quotes]
    assert stored in fired, f"{example!r} fired {fired}"


@pytest.mark.parametrize("entry", CATALOGUE, ids=lambda r: r.name)
def test_each_example_is_found_by_its_rule_when_tried_alone(entry, monkeypatch):
    """Without the rule, its examples no longer come out as its work."""
    if entry.stores != entry.name or entry.name == "unattributed":
        pytest.skip("another form of the rule, or the rule that always fires, stores the name")
    kept = [r for r in CATALOGUE if r is not entry]
    monkeypatch.setattr(catalogue, "CATALOGUE", kept)
    for example in entry.examples:
        fired = [q.rule.partition("+")[0] for q in extract(example).quotes]
        assert entry.name not in fired, f"{example!r} still fired {entry.name} without it"


def test_evidence_comes_from_the_catalogue():
    assert list(RULES) == list(dict.fromkeys(r.stores for r in CATALOGUE))
    assert explain("according_to", None, None).startswith("“according to” names the source")
    assert RULES["quote_dash_speaker"] == catalogue.named("quote_dash_line_speaker").explanation


def test_the_catalogue_is_in_the_order_of_the_passes():
    order = [TRIGGERS.index(r.trigger) for r in CATALOGUE]
    assert order == sorted(order)
    assert [r.name for r in tried_on(catalogue.UNATTRIBUTED)][-1] == "unattributed"
    phrase = [r.name for r in tried_on(catalogue.QUOTED_PHRASE)]
    assert phrase == ["quote_then_cue_speaker", "quote_then_speaker_cue"]


def test_a_rule_is_catalogued_once_with_a_known_trigger():
    with pytest.raises(ValueError, match="twice"):
        rule("according_to", "source", "again", ("x",))
    with pytest.raises(ValueError, match="trigger"):
        rule("brand_new", "sentence", "unknown trigger", ("x",))
    with pytest.raises(ValueError, match="one-line"):
        rule("brand_new", "cue", "two\nlines", ("x",))
    with pytest.raises(ValueError, match="examples"):
        rule("brand_new", "cue", "no examples", ())
    assert [r.name for r in CATALOGUE].count("according_to") == 1


def test_a_new_rule_is_tried_where_it_is_registered(monkeypatch):
    """Adding a rule is one decorated function: the engine finds it in the catalogue."""
    monkeypatch.setattr(catalogue, "CATALOGUE", list(CATALOGUE))
    text = "Nobody was named. “We are closed for the season and reopen in May.”"
    assert extract(text).quotes[0].rule == "unattributed"

    @rule("sign_on_the_door", "unattributed quotation", "a sign says so", (text,))
    def sign_on_the_door(a, span):
        return None, None

    # Registered last, it comes after "unattributed", which always fires.
    assert extract(text).quotes[0].rule == "unattributed"
    entries = catalogue.CATALOGUE
    entries.insert(entries.index(catalogue.named("unattributed")), entries.pop())
    assert extract(text).quotes[0].rule == "sign_on_the_door"


def test_the_rules_of_every_trigger_are_read_in_one_pass():
    assert rules_by_trigger() == {trigger: tried_on(trigger) for trigger in TRIGGERS}
