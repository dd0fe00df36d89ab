"""Rules that join two claims once every claim is known.

A join rule takes the claim before and the claim after, in text order, and
returns the one claim they make together, or ``None``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quotecli.extract.catalogue import JOIN, rule
from quotecli.extract.claims import Claim, in_two_parts
from quotecli.extract.marks import in_title_case
from quotecli.model import DIRECT

if TYPE_CHECKING:
    from quotecli.extract.attribute import Attributor


@rule(
    "quote_cue_quote",
    JOIN,
    "the speaker and a verb of saying interrupt the quotation",
    ("“We will win,” Tom Reed said, “and we will win well.”",),
)
def quote_cue_quote(a: Attributor, prev: Claim, claim: Claim) -> Claim | None:
    """One quotation in two parts around its attribution: “…,” she said, “…”."""
    if (
        prev.kind == DIRECT == claim.kind
        and not prev.parts
        and prev.cue is not None
        and claim.cue is not None
        and prev.cue.start == claim.cue.start
        and prev.outer_end <= prev.cue.start < claim.outer_start
        and (prev.speaker and prev.speaker.name) == (claim.speaker and claim.speaker.name)
        and a.text[prev.outer_end : claim.outer_start].rstrip().endswith(",")
        and "\n" not in a.text[prev.outer_end : claim.outer_start]
        # "the anthem “A Change Is Gonna Come,” she added the words, “…”": a title
        # and then her words, not one quotation.
        and not in_title_case(a.text, prev.start, prev.end)
    ):
        outer = (prev.outer_start, claim.outer_end)
        return in_two_parts(prev, claim, DIRECT, "quote_cue_quote", outer)
    return None
