"""Rates are amounts, not repetitions: "per hour" after a quantity is no SET."""

import pytest

from tuireader.timeline import EventType, extract_timeline


@pytest.mark.parametrize(
    "text",
    [
        "DART hit at about 14,000 miles per hour.",
        "The plant now makes 40 cars per hour.",
        "Prices rose 3% per year.",
        "Tickets cost $12 per day.",
    ],
)
def test_a_rate_after_an_amount_is_not_a_set(text):
    assert [e for e in extract_timeline(text, None) if e.type is EventType.SET] == []


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Buses leave every hour.", "every hour", "PT1H"),
        ("Rent is charged per month.", "per month", "P1M"),
        ("The council meets each Thursday.", "each Thursday", "XXXX-WXX-4"),
    ],
)
def test_repetitions_are_still_sets(text, expression, value):
    [event] = extract_timeline(text, None)
    assert (event.text, event.type, event.value) == (expression, EventType.SET, value)
