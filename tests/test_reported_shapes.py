"""Reported speech in shapes the clause rules used to miss or misread: one sentence each."""

from __future__ import annotations

from extracted import claim_by


def test_a_cue_word_after_a_preposition_is_a_noun_in_the_gap():
    text = "The Hillfield Trust is asking readers with blogs to post a link to the appeal."
    q = claim_by(text, "asking")
    assert q.text == "readers with blogs to post a link to the appeal"
    assert q.kind == "indirect"

