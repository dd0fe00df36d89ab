"""The registry of attribution rules: each one's name, trigger, explanation and examples.

A rule is a small function registered with ``@rule(...)``. The engine tries
the rules of a trigger by walking the catalogue, so the catalogue's order is
the order of trial, and ``evidence`` explains a quote from the entry of the
rule that fired. The rules themselves live in ``quotecli.extract.rules``,
one module per kind of trigger; importing that package fills the catalogue.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

# What a rule starts from, in the order the engine's passes visit them.
PARAGRAPH = "paragraph"  # a transcript line, before any quotation
QUOTATION = "quotation"  # each quoted sentence of a run of quotations
QUOTED_PHRASE = "quoted phrase"  # a quoted word or phrase inside a sentence
UNATTRIBUTED = "unattributed quotation"  # a run of quotations no rule above attributed
HEADLINE = "headline"  # a short paragraph opened by a label and a colon
SOURCE = "source"  # "according to", not inside a claim already made
REPORTED = "reported clause"  # who says the clause a verb of saying introduces
CUE = "cue"  # a verb of saying with no clause after it, not used by a quotation
FRAGMENT = "fragment"  # quoted words no claim holds yet
JOIN = "join"  # two claims next to each other, once every claim is known
TRIGGERS = (
    PARAGRAPH,
    QUOTATION,
    QUOTED_PHRASE,
    UNATTRIBUTED,
    HEADLINE,
    SOURCE,
    REPORTED,
    CUE,
    FRAGMENT,
    JOIN,
)


@dataclass(frozen=True, slots=True)
class Rule:
    """One attribution rule, as a reader of the evidence sees it."""

    name: str  # unique in the catalogue
    triggers: tuple[str, ...]  # the first is the rule's own; others reuse it
    explanation: str  # one line, completing "Attributed because …"
    examples: tuple[str, ...]  # sentences in which the rule fires
    apply: Callable[..., Any]  # the rule itself; what it takes depends on the trigger
    stores: str  # stored with every quote it attributes: its name, or the rule it is a form of

    @property
    def trigger(self) -> str:
        return self.triggers[0]


CATALOGUE: list[Rule] = []


def rule(
    name: str,
    trigger: str,
    explanation: str,
    examples: tuple[str, ...],
    *,
    also: tuple[str, ...] = (),
    stores: str | None = None,
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register the decorated function as a rule, tried after those already catalogued.

    ``also`` names further triggers on which the same rule is tried; ``stores``
    lets a second form of a rule, tried at another point, record the first's name.
    """
    triggers = (trigger, *also)
    unknown = [t for t in triggers if t not in TRIGGERS]
    if unknown:
        raise ValueError(f"unknown trigger {unknown[0]!r} for rule {name!r}")
    if any(r.name == name for r in CATALOGUE):
        raise ValueError(f"rule {name!r} is catalogued twice")
    if "\n" in explanation or not explanation or not examples:
        raise ValueError(f"rule {name!r} needs a one-line explanation and examples")

    def register(apply: Callable[..., Any]) -> Callable[..., Any]:
        CATALOGUE.append(Rule(name, triggers, explanation, tuple(examples), apply, stores or name))
        return apply

    return register


def tried_on(trigger: str) -> tuple[Rule, ...]:
    """The rules a trigger sets off, in the order they are tried."""
    return tuple(r for r in CATALOGUE if trigger in r.triggers)


def rules_by_trigger() -> dict[str, tuple[Rule, ...]]:
    """``tried_on`` for every trigger, read in one pass of the catalogue.

    The engine asks this for every article: one pass costs a third of one per
    trigger. The catalogue is compared with the one last read each time, so a
    rule added or moved takes effect at once; an unchanged one (every article
    but the first) is answered from that reading, a copy of its rules for each
    trigger.
    """
    global _last_read
    entries = tuple(CATALOGUE)
    # Rules are frozen: the same entries in the same order give the same answer.
    read, answer = _last_read
    if entries == read:
        return dict(answer)
    found: dict[str, list[Rule]] = {trigger: [] for trigger in TRIGGERS}
    for entry in entries:
        for trigger in entry.triggers:
            rules = found[trigger]
            if not rules or rules[-1] is not entry:  # a trigger named twice: tried once
                rules.append(entry)
    answer = {trigger: tuple(rules) for trigger, rules in found.items()}
    _last_read = (entries, answer)  # one assignment: a reader sees both or neither
    return dict(answer)


# The catalogue as ``rules_by_trigger`` last read it, and its answer then.
_last_read: tuple[tuple[Rule, ...] | None, dict[str, tuple[Rule, ...]]] = (None, {})


def named(name: str) -> Rule | None:
    """The rule of that name, if it is catalogued."""
    return next((entry for entry in CATALOGUE if entry.name == name), None)
