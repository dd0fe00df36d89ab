"""The attribution rules, one small registered function each, grouped by what triggers them.

Importing this package fills the catalogue (``quotecli.extract.catalogue``) in
the order the engine tries the rules: transcript lines, then each quotation,
then headlines, then each cue, then quoted fragments left over, then the joins
made at the end. ``evidence`` explains a quote from its entry there, and a test
runs every example through the engine and checks that the rule it illustrates
is the one that fires, so the catalogue cannot drift from what the engine does.

To add a rule, write its function in the module for its trigger, under a
``@rule(...)`` line, where it should be tried among the others.
"""

from __future__ import annotations

from quotecli.extract.catalogue import CATALOGUE, TRIGGERS, Rule, rule, tried_on

# The modules in the order of the passes, so that the catalogue reads in trial order.
# isort: off
from quotecli.extract.rules import paragraph
from quotecli.extract.rules import quotation
from quotecli.extract.rules import headline
from quotecli.extract.rules import cue
from quotecli.extract.rules import fragment
from quotecli.extract.rules import join
# isort: on

__all__ = [
    "CATALOGUE",
    "TRIGGERS",
    "Rule",
    "cue",
    "fragment",
    "headline",
    "join",
    "paragraph",
    "quotation",
    "rule",
    "tried_on",
]
