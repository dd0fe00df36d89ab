"""The cue pass alone: verbs of saying, their particles, inverted cues and "according to"."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from quotecli.extract import cues as cue_pass
from quotecli.extract.cues import find_cues


def cues(text: str) -> list[tuple[str, str, bool]]:
    return [(c.surface, c.lemma, c.participle) for c in find_cues(text)]


def test_a_verb_of_saying_with_its_lemma():
    assert cues("The mayor said the road was closed.") == [("said", "say", False)]


def test_a_particle_belongs_to_its_verb():
    assert cues("She pointed out that the map was old.") == [("pointed out", "point", False)]
    assert cues("She pointed to the map.") == [("pointed to", "point", False)]


def test_a_participle_is_marked():
    assert cues("He left early, saying the roads were icy.") == [("saying", "say", True)]


def test_a_participle_with_its_particle_is_marked():
    assert cues("He left early, calling for calm.") == [("calling for", "call", True)]
    assert cues("She stood up, pointing out the error.") == [("pointing out", "point", True)]


def test_an_inverted_cue_opening_a_sentence():
    text = "The crowd fell silent. Said Mr Hale, “Fine.”"
    assert cues(text) == [("Said", "say", False)]
    (cue,) = find_cues(text)
    assert text[cue.start : cue.end] == "Said"


def test_according_to_is_a_cue_but_no_participle():
    assert cues("The board stated it, according to the minutes.") == [
        ("stated", "state", False),
        ("according to", "according to", False),
    ]


def test_cues_come_in_text_order_with_offsets_into_the_text():
    text = "According to Ruth Okafor, who said so twice, the pier is safe."
    found = find_cues(text)
    assert [c.start for c in found] == sorted(c.start for c in found)
    assert [text[c.start : c.end] for c in found] == ["According to", "said"]


def test_a_word_that_only_contains_a_cue_is_none():
    assert cues("The unsaid rule and the resaid line.") == []


def test_a_cue_is_a_whole_word_wherever_it_stands():
    # At the very start, right after a mark or a line break, and back to back.
    assert [text for _, text in spans("said it would rain")] == ["said"]
    assert [text for _, text in spans("“said”, (told) —warned\nsaid said")] == [
        "said",
        "told",
        "warned",
        "said",
        "said",
    ]
    # Joined to a word by a hyphen or an apostrophe it is part of that word.
    assert spans("a well-said line, the ex-told tale, o'said") == []
    # So it is after a letter beyond ASCII or a curly apostrophe, but not after
    # another mark or space beyond ASCII.
    assert spans("the ésaid, the Δtold, the o’said") == []
    assert [text for _, text in spans("«said» ‘told them’ –warned\u00a0said")] == [
        "said",
        "told",
        "warned",
        "said",
    ]


def test_texts_without_an_inverted_cue_or_according_to_have_none():
    assert cues("Saidi Roe added more. The accord holds.") == [("added", "add", False)]


def spans(text: str) -> list[tuple[int, str]]:
    return [(c.start, text[c.start : c.end]) for c in find_cues(text)]


# The cue word pattern as it reads, with a Unicode test of the character before.
_PRECISE_CUE_WORD = re.compile(r"[^\w’'\-](" + cue_pass._CUE_FORMS + r")(?![\w’'\-])")
# Cue words, and characters that do or do not join a word, beyond ASCII and in it.
_PIECES = ["said", "told", "added", *"éΔ日’'-“«—x", " ", "\n", "\u00a0"]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join))
def test_the_table_of_ascii_characters_finds_what_a_unicode_test_finds(text):
    fast = [(c.start, c.end, c.lemma) for c in find_cues(text)]
    table = cue_pass._CUE_WORD
    cue_pass._CUE_WORD = _PRECISE_CUE_WORD
    try:
        precise = [(c.start, c.end, c.lemma) for c in find_cues(text)]
    finally:
        cue_pass._CUE_WORD = table
    assert fast == precise


def test_so_called_with_its_hyphen_lost_is_no_cue():
    assert cues('The so called "reforms" and the so- called deal both failed.') == []
    assert cues("She called the plan a mistake.") == [("called", "call", False)]


def test_a_noun_first_cue_after_an_article_or_possessive_is_a_noun():
    assert cues("The senator won the state that her father lost in 1990.") == []
    assert cues("Farmers in their states that border the river were angry.") == []
    assert cues("The memo states that the plant will close.") == [("states", "state", False)]


def test_a_name_given_is_no_cue():
    # The name, then the sentence goes on: a name given, not words said.
    assert cues("They hired a small firm called Brightwell Data to run the site.") == []
    assert cues("A charity called the Harbour Trust (HT) has raised the money.") == []
    assert cues("The band released an album dubbed Northern Lights, which sold well.") == []
    assert cues("Savers moved to an account called Easy Saver that pays more.") == []
    # A verb of speech: the name comes with more after it, a possessive, or a day.
    assert cues("The senator called Jones a liar.") == [("called", "call", False)]
    assert cues("Critics called Labour's plans a tax on jobs.") == [("called", "call", False)]
    assert cues("Ms. Hale called Mrs. Ross a fraud.") == [("called", "call", False)]
    assert cues("The union called Tuesday for fresh talks.") == [("called", "call", False)]


def test_a_thing_named_in_quotation_marks_is_no_cue():
    assert cues('The app stores small files called "seeds" that list where data is kept.') == []
    assert cues("A local paper dubbed “The Courier” printed the story first.") == []
    # People, pronouns and a passive may be saying it.
    assert cues('Critics called "the scheme a stealth tax".') == [("called", "call", False)]
    assert cues('She called "the vote a farce".') == [("called", "call", False)]
    assert cues('The plan was called "a farce" by the mayor.') == [("called", "call", False)]
