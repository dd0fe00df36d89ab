"""The speaker is the head of its phrase: never a date, a title, or the listener."""

from __future__ import annotations

from quotecli.extract import extract
from quotecli.model import Quote


def only(text: str) -> Quote:
    found = extract(text).quotes
    assert len(found) == 1, found
    return found[0]


def test_a_day_before_a_first_name_is_a_date() -> None:
    quote = only("Tuesday Angela Rayner said the vote would go ahead as planned.")
    assert quote.speaker == "Angela Rayner"


def test_a_month_after_in_is_a_date() -> None:
    quote = only("In November Nokia said it would close its plant in Bochum.")
    assert quote.speaker == "Nokia"


def test_a_title_through_of_the_ends_at_the_first_name() -> None:
    quote = only(
        '"Borrowing will rise this year," said Shadow Chancellor of the Exchequer '
        "Philip Hammond."
    )
    assert quote.speaker == "Philip Hammond"
    assert "Chancellor" in (quote.role or "")


def test_whom_the_words_were_told_to_is_not_the_speaker() -> None:
    quote = only(
        'Ms Reeves is said to have told the home secretary: "You will have to find '
        'the money yourself."'
    )
    assert quote.speaker == "Reeves"


def test_told_names_the_listener_after_a_named_speaker() -> None:
    quote = only('Patel told her campaign staff, "We can still win this seat."')
    assert quote.speaker == "Patel"
