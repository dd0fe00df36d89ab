"""The rule catalogue: every rule explained, every example firing its rule, in trial order."""

from __future__ import annotations

import pytest

from quotecli.extract import extract
from quotecli.extract.attribute import Attributor
from quotecli.extract.evidence import RULES, explain
from quotecli.extract.rules import CATALOGUE, TRIGGERS, rule


@pytest.mark.parametrize("entry", CATALOGUE, ids=lambda r: r.name)
def test_every_rule_is_explained_and_has_examples(entry):
    assert entry.explanation and "\n" not in entry.explanation
    assert entry.trigger in TRIGGERS
    assert entry.examples
    assert hasattr(Attributor, entry.method), f"{entry.name}: no Attributor.{entry.method}"


@pytest.mark.parametrize(
    ("name", "example"),
    [(r.name, example) for r in CATALOGUE for example in r.examples],
)
def test_each_example_fires_its_rule(name, example):
    fired = [q.rule.partition("+")[0] for q in extract(example).quotes]
    assert name in fired, f"{example!r} fired {fired}"


def test_evidence_comes_from_the_catalogue():
    assert list(RULES) == [r.name for r in CATALOGUE]
    assert explain("according_to", None, None).startswith("“according to” names the source")


def test_a_rule_is_catalogued_once_with_a_known_trigger():
    with pytest.raises(ValueError, match="twice"):
        rule("according_to", "cue", "again", ("x",), "run")
    with pytest.raises(ValueError, match="trigger"):
        rule("brand_new", "sentence", "unknown trigger", ("x",), "run")
    assert [r.name for r in CATALOGUE].count("according_to") == 1
