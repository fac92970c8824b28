"""TIMEX3 values that depend on the tense around an expression or on how news annotates it."""

from __future__ import annotations

from datetime import date

import pytest

from tuireader.timeline import extract_timeline

THU = date(2022, 9, 1)  # a Thursday


def value_of(text: str, ref: date, span: str) -> str:
    """The value of the expression whose text is exactly `span`."""
    events = extract_timeline(text, ref)
    for event in events:
        if event.text == span:
            return event.value
    raise AssertionError(f"{span!r} not found; got {[(e.text, e.value) for e in events]}")


class TestBareMonthInThePresent:
    """With no past or future verb, a bare month is the nearest one, not always this year's."""

    @pytest.mark.parametrize(
        ("text", "ref", "span", "value"),
        [
            ("Rents in November are half what they are now.", date(2022, 2, 3), "November",
             "2021-11"),
            ("The fair in February is the biggest in town.", date(2022, 11, 20), "February",
             "2023-02"),
            ("The fair in May is the biggest in town.", THU, "May", "2022-05"),
            ("The fair in December is the biggest in town.", THU, "December", "2022-12"),
        ],
    )
    def test_nearest_month(self, text: str, ref: date, span: str, value: str) -> None:
        assert value_of(text, ref, span) == value

    def test_tense_still_decides_when_there_is_one(self) -> None:
        assert value_of("The fair was held in November.", date(2022, 2, 3),
                        "November") == "2021-11"
        assert value_of("The fair will be held in February.", date(2022, 11, 20),
                        "February") == "2023-02"
        assert value_of("The fair was held in February.", date(2022, 11, 20),
                        "February") == "2022-02"


class TestPartOfANamedDay:
    @pytest.mark.parametrize(
        ("text", "span", "value"),
        [
            ("The minister spoke Tuesday evening.", "Tuesday evening", "2022-08-30TEV"),
            ("The minister spoke Tuesday afternoon.", "Tuesday afternoon", "2022-08-30TAF"),
        ],
    )
    def test_evening_and_afternoon_stay_in_the_value(self, text: str, span: str,
                                                      value: str) -> None:
        assert value_of(text, THU, span) == value

    @pytest.mark.parametrize("part", ["night", "morning"])
    def test_night_and_morning_keep_the_day(self, part: str) -> None:
        text = f"The minister spoke Tuesday {part}."
        assert value_of(text, THU, f"Tuesday {part}") == "2022-08-30"


class TestWeekdayTense:
    def test_until_with_a_pluperfect_after_it_looks_back(self) -> None:
        text = "Until Wednesday, the police had not named a suspect."
        assert value_of(text, THU, "Wednesday") == "2022-08-31"

    def test_until_alone_looks_ahead(self) -> None:
        assert value_of("The offer stands until Friday.", THU, "Friday") == "2022-09-02"

    def test_a_plan_in_the_past_progressive_still_looks_ahead(self) -> None:
        text = "Fans planned a march on Saturday and were planning a vigil on Sunday."
        assert value_of(text, THU, "Saturday") == "2022-09-03"
        assert value_of(text, THU, "Sunday") == "2022-09-04"

    def test_a_plain_past_still_looks_back(self) -> None:
        text = "Fans were marching on Saturday and held a vigil on Sunday."
        assert value_of(text, THU, "Saturday") == "2022-08-27"
        assert value_of(text, THU, "Sunday") == "2022-08-28"


class TestParticiplesAfterADeterminer:
    def test_an_adjective_in_ed_is_no_past_verb(self) -> None:
        text = "The dividend would be paid on a still undisclosed date in January."
        assert value_of(text, date(2022, 10, 5), "January") == "2023-01"

    def test_a_past_verb_in_ed_still_counts(self) -> None:
        text = "The dividend was paid on a date the board disclosed in January."
        assert value_of(text, date(2022, 10, 5), "January") == "2022-01"


class TestVagueDurations:
    @pytest.mark.parametrize(
        ("text", "span", "value"),
        [
            ("Families were cut off for decades.", "decades", "PXE"),
            ("The feud lasted for centuries.", "centuries", "PXC"),
            ("It has been accused for years.", "years", "PXY"),
        ],
    )
    def test_unknown_counts_of_long_units(self, text: str, span: str, value: str) -> None:
        assert value_of(text, THU, span) == value


class TestNeighbourDays:
    """A day named as the neighbour of another: of "yesterday", or of the day the story last
    named."""

    @pytest.mark.parametrize(
        ("text", "span", "value"),
        [
            ("The parcel was posted the day before yesterday.", "the day before yesterday",
             "2022-08-30"),
            ("We fly out the day after tomorrow.", "the day after tomorrow", "2022-09-03"),
            ("Talks failed on Friday, 3 June 2022. The following Monday, a strike began.",
             "The following Monday", "2022-06-06"),
            ("Talks failed on Friday, 3 June 2022. The previous Monday, the union had met.",
             "The previous Monday", "2022-05-30"),
        ],
    )
    def test_value(self, text: str, span: str, value: str) -> None:
        assert value_of(text, THU, span) == value


class TestYearsCutShort:
    """"2019-20": two consecutive years, the second cut to two digits."""

    @pytest.mark.parametrize(
        ("text", "values"),
        [
            ("He scored 30 goals in the 2019\u201320 season.", ["2019", "2020"]),
            ("Rates were cut in 2008-09.", ["2008", "2009"]),
            ("The 1999/00 budget was cut.", ["1999", "2000"]),
            ("The bill passed by 2010-35 in the upper house.", []),
        ],
    )
    def test_values(self, text: str, values: list[str]) -> None:
        assert [event.value for event in extract_timeline(text, THU)] == values


class TestHalfAUnit:
    @pytest.mark.parametrize(
        ("text", "span", "value"),
        [
            ("The meeting lasted half an hour.", "half an hour", "PT30M"),
            ("Voters queued for half a day.", "half a day", "PT12H"),
            ("The project took half a year.", "half a year", "P6M"),
            ("The rules have stood for half a century.", "half a century", "P50Y"),
            ("Passengers faced a half-hour wait.", "a half-hour", "PT30M"),
        ],
    )
    def test_half_of_one_unit_is_its_half(self, text: str, span: str, value: str) -> None:
        assert value_of(text, THU, span) == value


class TestTheWeekAfterADateNamed:
    """"The following week" after a day the story names is the week after that day (the
    derived row's date), not the week after publication."""

    @pytest.mark.parametrize(
        ("text", "span", "value"),
        [
            ("On 3 May 2021 the deal was signed. The following week, shares rose.",
             "The following week", "2021-W19"),
            ("The deal was signed on 3 May 2021, and the following week shares rose.",
             "the following week", "2021-W19"),
            ("The strike began on Friday 14 January 2022. The previous week, talks failed.",
             "The previous week", "2022-W01"),
        ],
    )
    def test_counted_from_the_day_named(self, text: str, span: str, value: str) -> None:
        assert value_of(text, THU, span) == value

    def test_a_month_named_is_no_day_to_count_from(self) -> None:
        text = "In May 2021 the deal was signed. The following week, shares rose."
        assert value_of(text, THU, "The following week") == "2022-W36"

    def test_with_no_date_before_it_counts_from_publication(self) -> None:
        assert value_of("The following week, shares rose.", THU,
                        "The following week") == "2022-W36"


def test_a_clock_with_its_date_after_another_date_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """The year-framing step looked for groups the clock's rule names otherwise and raised
    (the time was lost, and strict mode failed)."""
    monkeypatch.setenv("TUIREADER_STRICT", "1")
    text = "On Monday, the count ends 5 p.m. EST, Nov. 6."
    assert value_of(text, date(1998, 11, 1), "5 p.m. EST, Nov. 6") == "1998-11-06T17:00"
