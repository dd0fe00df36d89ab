"""Speakers across articles: one person, one speaker; namesakes kept apart."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotecli.identity import (
    Known,
    alias_group,
    clean_speaker,
    holds_title,
    match,
    name_tokens,
    parse_name,
    resolve_article,
    same_person,
    surname,
)
from quotecli.model import ANONYMOUS, GROUP, ORGANISATION, PERSON, Speaker

INDEX = [
    Known(1, "Donald Trump", PERSON),
    Known(2, "Donald Trump Jr.", PERSON),
    Known(3, "Ivanka Trump", PERSON),
    Known(4, "Volodymyr Zelenskyy", PERSON),
    Known(5, "Loretta E. Lynch", PERSON),
    Known(6, "New York Post", ORGANISATION),
    Known(7, "Mike Waltz", PERSON),
]


def person(name: str) -> Speaker:
    return Speaker(name, PERSON)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Donald Trump", 1),
        ("donald trump", 1),
        ("Donald Trump Jr.", 2),
        ("Ivanka Trump", 3),
        ("Volodymyr Zelensky", 4),
        ("Loretta Lynch", 5),
        ("Waltz", 7),
        ("Trump", None),  # three people carry it: no guess
        ("Eric Trump", None),
        ("Michael Waltz", None),  # another first name is another person
        ("Mike Walsh", None),
    ],
)
def test_match_people(name: str, expected: int | None) -> None:
    assert match(person(name), INDEX) == expected


def test_organisations_match_by_name_only() -> None:
    assert match(Speaker("New York Post", ORGANISATION), INDEX) == 6
    assert match(Speaker("New York Times", ORGANISATION), INDEX) is None


def test_name_helpers() -> None:
    assert name_tokens("José  Álvarez-Ruiz") == ["jose", "alvarez", "ruiz"]
    assert surname("Donald Trump Jr.") == "trump"
    assert same_person("Volodymyr Zelensky", "Volodymyr Zelenskyy")
    assert not same_person("Donald Trump", "Donald Trump Jr.")
    assert not same_person("Hillary Clinton", "Hillary Clifton")


# Names as articles write them ------------------------------------------------


@pytest.mark.parametrize(
    ("written", "kind", "name", "cleaned_kind"),
    [
        ("Friday Nadia Okoro", PERSON, "Nadia Okoro", PERSON),
        ("Exchequer Peter Vance", ORGANISATION, "Peter Vance", PERSON),
        ("Office Minister Carl Dunmore", ORGANISATION, "Carl Dunmore", PERSON),
        ("Writer Simon Pell", PERSON, "Simon Pell", PERSON),
        ("North Wales MEP Robert Alder", PERSON, "Robert Alder", PERSON),
        ("Tory Dr Ian Marsh", ORGANISATION, "Ian Marsh", PERSON),
        ("Dr Marsh", ORGANISATION, "Dr Marsh", PERSON),  # a form of address: a person
        ("Lord Pennant", PERSON, "Lord Pennant", PERSON),
        ("Prime Minister John Major", PERSON, "John Major", PERSON),  # a surname like a title
        ("Sunday Herald", ORGANISATION, "Sunday Herald", ORGANISATION),
        ("National Grid", ORGANISATION, "National Grid", ORGANISATION),
        ("New York Post", ORGANISATION, "New York Post", ORGANISATION),
        ("New York Post", PERSON, "New York Post", PERSON),
        ("Office of Fair Trading", ORGANISATION, "Office of Fair Trading", ORGANISATION),
        # A country's word opens a body's own name; it is no job of a person's.
        ("British Guild of Map Makers", ORGANISATION, "British Guild of Map Makers", ORGANISATION),
        ("Welsh Rugby Union", ORGANISATION, "Welsh Rugby Union", ORGANISATION),
        ("Welsh Minister Alun Pryce", ORGANISATION, "Alun Pryce", PERSON),
        ("Ana Silva of Harbour Trust", PERSON, "Ana Silva", PERSON),
        ("Duke of Westshire", PERSON, "Duke of Westshire", PERSON),
        ("spokesman", ANONYMOUS, "spokesman", ANONYMOUS),
        ("prime minister", ANONYMOUS, "prime minister", ANONYMOUS),
    ],
)
def test_clean_speaker_frees_the_name(written, kind, name, cleaned_kind) -> None:
    cleaned = clean_speaker(Speaker(written, kind))
    assert cleaned is not None
    assert (cleaned.name, cleaned.type) == (name, cleaned_kind)


@pytest.mark.parametrize("written", ["Street", "Morning", "Tuesday", "Mr", "Tory-Labour", "Tory"])
def test_clean_speaker_rejects_non_names(written: str) -> None:
    assert clean_speaker(Speaker(written, PERSON)) is None


def test_party_variants_are_one_organisation() -> None:
    for variant in ("Lib Dems", "the Liberal Democrats", "LIB DEMS"):
        assert alias_group(variant) == "Liberal Democrats"
    for variant in ("Tories", "Conservative Party", "Tory party"):
        cleaned = clean_speaker(Speaker(variant, GROUP))
        assert (cleaned.name, cleaned.type) == ("Conservatives", ORGANISATION)
        assert {"Tories", "Conservative Party", "Tory party"} <= set(cleaned.aliases)
    assert clean_speaker(Speaker("Labour Party", ORGANISATION)).name == "Labour"


def test_parse_name_keeps_the_form_of_address_of_a_bare_surname() -> None:
    assert parse_name("Mrs Okoro").display == "Mrs Okoro"
    assert parse_name("Mrs Okoro").gender == "f"
    assert parse_name("Tory leader Mr Dale").display == "Mr Dale"
    assert parse_name("Chancellor Peter Vance").display == "Peter Vance"


def test_a_title_that_is_also_a_first_name_before_a_family_name_alone_is_the_first_name() -> None:
    assert parse_name("Dean Boyd").display == "Dean Boyd"
    assert parse_name("Earl Cole").display == "Earl Cole"
    assert parse_name("Dean Alan Marsh").display == "Alan Marsh"


def test_a_first_name_that_is_also_a_title_keeps_the_person_whole(article) -> None:
    text = (
        "A spokesman for the agency, Dean Boyd, said the raid was planned for months. "
        "Mr Boyd said more arrests would follow."
    )
    resolved = article(
        text,
        [
            {"speaker": "Dean Boyd", "quote": "the raid was planned for months"},
            {"speaker": "Dean Boyd", "quote": "more arrests would follow", "mention": "Mr Boyd"},
        ],
    )
    assert resolved.names["Dean Boyd"].speaker.name == "Dean Boyd"


def test_a_title_is_held_only_by_its_own_words() -> None:
    assert holds_title("UK Chancellor", "chancellor")
    assert holds_title("Prime Minister", "prime minister")
    assert not holds_title("Deputy Prime Minister", "prime minister")
    assert not holds_title("Former Chancellor", "chancellor")


@pytest.fixture
def article(extraction_for):
    """Resolve the speakers of a hand-made extraction of ``text``."""

    def resolve(text: str, specs: list[dict]):
        extraction = extraction_for(text, specs)
        return resolve_article(extraction.speakers, extraction.quotes, text)

    return resolve


def test_a_surname_joins_the_one_person_in_the_article_who_carries_it(article) -> None:
    text = (
        "Defence spokesman Dr Ian Marsh attacked the plan. "
        "Dr Marsh said it would cost jobs. Mr Okafor, a farmer, disagreed."
    )
    resolved = article(
        text,
        [
            {"speaker": "Dr Marsh", "quote": "it would cost jobs", "type": ORGANISATION},
            {"speaker": "Okafor", "quote": "disagreed", "mention": "Mr Okafor"},
        ],
    )
    marsh = resolved.names["Dr Marsh"]
    assert (marsh.speaker.name, marsh.speaker.type, marsh.found_as) == (
        "Ian Marsh",
        PERSON,
        "Dr Marsh",
    )
    # Nobody in the article is called Okafor in full: he keeps his form of address.
    assert resolved.names["Okafor"].speaker.name == "Mr Okafor"


def test_namesakes_in_one_article_stay_apart(article, extraction_for) -> None:
    text = (
        "Sir Alan Pryce, head of the funding council, spoke first. Alan Pryce said fees were "
        "fair. Sir Alan said students would pay. Opposition leader Michael Alan said it was a "
        "tax. Jane Pryce and Tom Pryce, his children, said nothing. Pryce said it was over."
    )
    resolved = article(
        text,
        [
            {"speaker": "Michael Alan", "quote": "students would pay", "mention": "Sir Alan"},
            {"speaker": "Michael Alan", "quote": "it was a tax"},
            {"speaker": "Pryce", "quote": "it was over"},
        ],
    )
    extraction = extraction_for(
        text,
        [
            {"speaker": "Michael Alan", "quote": "students would pay", "mention": "Sir Alan"},
            {"speaker": "Michael Alan", "quote": "it was a tax"},
        ],
    )
    # "Sir Alan" is called by his first name: Sir Alan Pryce, not Michael Alan.
    assert resolved.of(0, extraction.quotes[0]).speaker.name == "Alan Pryce"
    assert resolved.of(1, extraction.quotes[1]).speaker.name == "Michael Alan"
    # Three people called Pryce: the bare surname joins none of them, here or in the archive.
    assert resolved.names["Pryce"].local
    assert resolved.names["Pryce"].speaker.name == "Pryce"


def test_a_bare_body_word_joins_the_body_the_article_names_in_full(article) -> None:
    text = (
        "The Reserve Bank of Northland raised its main rate to 5%. "
        "The Bank said it had acted to cool house prices."
    )
    resolved = article(
        text, [{"speaker": "Bank", "quote": "it had acted to cool", "type": ORGANISATION}]
    )
    bank = resolved.names["Bank"]
    assert (bank.speaker.name, bank.found_as) == ("Reserve Bank of Northland", "Bank")


def test_a_bare_body_word_stays_as_it_is_when_two_bodies_could_be_meant(article) -> None:
    text = (
        "The Bank of Northland and the Southern Savings Bank both cut rates. "
        "The Bank said borrowing was too weak. Bank Governor Ruth Odum agreed."
    )
    resolved = article(
        text, [{"speaker": "Bank", "quote": "borrowing was too weak", "type": ORGANISATION}]
    )
    assert resolved.names["Bank"].speaker.name == "Bank"
    alone = "Bank Governor Ruth Odum spoke. The Bank said borrowing was too weak."
    resolved = article(
        alone, [{"speaker": "Bank", "quote": "borrowing was too weak", "type": ORGANISATION}]
    )
    assert resolved.names["Bank"].speaker.name == "Bank"


def test_a_short_form_joins_the_name_the_article_spells_it_out_as(article) -> None:
    text = (
        "The Northern Guild of Map Makers (NGMM) warned of falling sales. "
        "The NGMM said prices would rise."
    )
    resolved = article(
        text,
        [
            {
                "speaker": "Northern Guild of Map Makers",
                "quote": "of falling sales",
                "type": ORGANISATION,
            },
            {"speaker": "NGMM", "quote": "prices would rise", "type": ORGANISATION},
        ],
    )
    short = resolved.names["NGMM"]
    assert (short.speaker.name, short.found_as) == ("Northern Guild of Map Makers", "NGMM")
    assert "NGMM" in resolved.names["Northern Guild of Map Makers"].speaker.aliases


def test_a_short_form_whose_initials_do_not_fit_is_left_alone(article) -> None:
    text = "The Northern Guild of Map Makers (BBQ) met. The BBQ said prices would rise."
    resolved = article(
        text, [{"speaker": "BBQ", "quote": "prices would rise", "type": ORGANISATION}]
    )
    assert resolved.names["BBQ"].speaker.name == "BBQ"


def test_a_title_joins_its_holder_when_the_article_says_who_it_is(article) -> None:
    text = (
        "Chancellor Peter Vance unveiled the budget. The chancellor said growth was strong. "
        "Deputy Prime Minister Sam Kerr was absent."
    )
    resolved = article(
        text,
        [
            {"speaker": "Peter Vance", "quote": "unveiled the budget", "role": "Chancellor"},
            {"speaker": "chancellor", "quote": "growth was strong", "type": ANONYMOUS},
        ],
    )
    holder = resolved.names["chancellor"]
    assert (holder.speaker.name, holder.found_as) == ("Peter Vance", "chancellor")


def test_a_title_nobody_holds_in_the_article_stays_a_title(article) -> None:
    text = "The prime minister said the talks had failed. Sam Kerr, his deputy, agreed."
    resolved = article(
        text,
        [
            {"speaker": "prime minister", "quote": "the talks had failed", "type": ANONYMOUS},
            {"speaker": "Sam Kerr", "quote": "agreed"},
        ],
    )
    assert resolved.names["prime minister"].speaker.name == "prime minister"


def test_fragments_of_longer_names_are_not_speakers(article) -> None:
    text = (
        "Downing Street said the plan stood. The rapper 50 Cent said he was pleased. "
        "Morning came. The morning papers said little."
    )
    resolved = article(
        text,
        [
            {"speaker": "Street", "quote": "the plan stood", "type": ORGANISATION},
            {"speaker": "Cent", "quote": "he was pleased"},
            {"speaker": "Morning", "quote": "little"},
        ],
    )
    assert resolved.names == {"Street": None, "Cent": None, "Morning": None}


def test_types_follow_the_evidence(article) -> None:
    text = "Ian Marsh said the plan was wrong. He said it twice. Velcor said profits fell."
    resolved = article(
        text,
        [
            {"speaker": "Ian Marsh", "quote": "the plan was wrong", "type": ORGANISATION},
            {"speaker": "Ian Marsh", "quote": "it twice", "mention": "He", "type": ORGANISATION},
            {"speaker": "Velcor", "quote": "profits fell"},
        ],
    )
    assert resolved.names["Ian Marsh"].speaker.type == PERSON  # "he"
    # One word and nothing to show a person: its type is not known.
    assert resolved.names["Velcor"].speaker.type is None


def test_match_uses_forms_of_address() -> None:
    index = [
        Known(1, "Ian Marsh", PERSON),
        Known(2, "Lord Pennant", PERSON),
        Known(3, "Tony Blake", PERSON, ("Mr Blake",)),
        Known(4, "Cherie Dunn", PERSON),
        Known(5, "Oliver Dunn", PERSON),
    ]
    assert match(Speaker("Dr Marsh", PERSON), index) == 1
    assert match(Speaker("Pennant", PERSON), index) == 2
    assert match(Speaker("Mrs Blake", PERSON), index) is None  # never a man's
    assert match(Speaker("Mr Blake", PERSON), index) == 3
    assert match(Speaker("Dunn", PERSON), index) is None  # two carry it


def test_a_qualified_title_is_another_title(article) -> None:
    text = (
        "Shadow Chancellor Ian Marsh attacked the budget. The chancellor said it was fair. "
        "A spokesman for Mr Marsh said he would reply."
    )
    resolved = article(
        text,
        [
            {"speaker": "Ian Marsh", "quote": "attacked the budget", "role": "Shadow Chancellor"},
            {"speaker": "chancellor", "quote": "it was fair", "type": ANONYMOUS},
            {"speaker": "spokesman", "quote": "he would reply", "type": ANONYMOUS},
        ],
    )
    assert resolved.names["chancellor"].speaker.name == "chancellor"
    assert resolved.names["spokesman"].speaker.name == "spokesman"


@given(st.text(max_size=60), st.sampled_from([PERSON, ORGANISATION, GROUP, ANONYMOUS]))
@settings(max_examples=300, deadline=None)
def test_any_name_is_cleaned_or_dropped_without_error(name: str, kind: str) -> None:
    cleaned = clean_speaker(Speaker(name, kind)) if name.strip() else None
    if cleaned is not None:
        assert cleaned.name.strip()
        # Only words of the name as written (or a known alias group's name) remain.
        assert alias_group(name) or set(cleaned.name.split()) <= set(name.split())


@given(st.text(max_size=300))
@settings(max_examples=200, deadline=None)
def test_any_article_text_resolves_without_error(text: str) -> None:
    speakers = [Speaker("Mr Okoro", PERSON), Speaker("chancellor", ANONYMOUS)]
    resolved = resolve_article(speakers, (), text)
    assert set(resolved.names) == {"Mr Okoro", "chancellor"}


def test_a_club_after_of_is_nobody_s_surname(article) -> None:
    text = "Real Sociedad have signed Nacho Novo of Rangers. Rangers said the fee was fair."
    resolved = article(text, [{"speaker": "Rangers", "quote": "the fee was fair"}])
    assert resolved.names["Rangers"].speaker.name == "Rangers"
