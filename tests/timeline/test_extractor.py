"""What `extract_timeline` finds in news prose and what each expression resolves to."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tuireader.timeline import (
    Event,
    EventType,
    Granularity,
    Resolution,
    chronological,
    extract_timeline,
)

THU = date(2022, 9, 1)  # a Thursday: the publication date of most examples
NOV89 = date(1989, 11, 1)  # a Wednesday in the fourth quarter


def find(text: str, ref: date | datetime | None, span: str) -> Event:
    """The event whose text is exactly `span`; fails with the whole timeline otherwise."""
    events = extract_timeline(text, ref)
    for event in events:
        if event.text == span:
            return event
    raise AssertionError(f"{span!r} not found; got {[(e.text, e.value) for e in events]}")


def spans(text: str, ref: date | None = THU) -> list[tuple[str, str]]:
    return [(e.text, e.value) for e in extract_timeline(text, ref)]


class TestAbsoluteDates:
    @pytest.mark.parametrize(
        ("text", "span", "value"),
        [
            ("It was signed on 31 August 2022 in Geneva.", "31 August 2022", "2022-08-31"),
            ("It was signed on August 31, 2022.", "August 31, 2022", "2022-08-31"),
            ("It was signed Aug. 31, 2022, in Geneva.", "Aug. 31, 2022", "2022-08-31"),
            ("The file is dated 2022-08-31.", "2022-08-31", "2022-08-31"),
            ("The form was filed 8/31/2022.", "8/31/2022", "2022-08-31"),
            ("Unterzeichnet am 31.08.2022 in Bern.", "31.08.2022", "2022-08-31"),
            ("The log says 2022/08/31.", "2022/08/31", "2022-08-31"),
            ("It happened on the 5th of May 2021.", "the 5th of May 2021", "2021-05-05"),
            ("Talks ended Wednesday, Aug. 31, 2022.", "Wednesday, Aug. 31, 2022", "2022-08-31"),
            ("Prices fell in August 2022.", "August 2022", "2022-08"),
            ("The law dates from 1999.", "1999", "1999"),
            ("Sales peaked in fiscal 1990.", "fiscal 1990", "1990"),
            ("It was popular in the 1990s.", "1990s", "199"),
            ("It peaked in the early 1990s.", "the early 1990s", "199"),
            ("It was popular in the '80s.", "the '80s", "198"),
            ("It changed in the 20th century.", "the 20th century", "19"),
            ("Growth slowed in the first half of 2020.", "the first half of 2020", "2020-H1"),
            ("Rates rose in the third quarter of 2021.", "the third quarter of 2021", "2021-Q3"),
            ("Floods came in the summer of 2019.", "the summer of 2019", "2019-SU"),
            ("Revenue rose in Q3 2022.", "Q3 2022", "2022-Q3"),
            ("Margins fell in H1 2021.", "H1 2021", "2021-H1"),
            ("FY2022 results beat forecasts.", "FY2022", "2022"),
            ("It has been fine since mid-2021.", "mid-2021", "2021"),
        ],
    )
    def test_value(self, text: str, span: str, value: str) -> None:
        event = find(text, THU, span)
        assert event.value == value
        assert event.type is EventType.DATE
        assert event.resolution is Resolution.ABSOLUTE

    def test_second_day_of_a_pair_takes_the_month_of_the_first(self) -> None:
        assert spans("The summit meets on April 24 and 25.", date(1999, 3, 12)) == [
            ("April 24", "1999-04-24"), ("25", "1999-04-25")]
        assert spans("Talks ran March 3-5, 2020.") == [("March 3", "2020-03-03"),
                                                       ("5, 2020", "2020-03-05")]

    def test_first_day_of_a_day_first_pair(self) -> None:
        assert spans("Roads close between 1 and 3 September.") == [
            ("1", "2022-09-01"), ("3 September", "2022-09-03")]

    def test_adjacent_years_are_two_dates(self) -> None:
        assert spans("the crisis of 2009-2010") == [("2009", "2009"), ("2010", "2010")]

    def test_day_without_year_takes_the_nearest_year(self) -> None:
        assert find("The deal closed on Dec. 28.", date(2023, 1, 4), "Dec. 28").value == (
            "2022-12-28"
        )


class TestRelativeDates:
    @pytest.mark.parametrize(
        ("text", "span", "value"),
        [
            ("He resigned yesterday.", "yesterday", "2022-08-31"),
            ("He resigns today.", "today", "2022-09-01"),
            ("He resigns tomorrow.", "tomorrow", "2022-09-02"),
            ("Talks began last week.", "last week", "2022-W34"),
            ("Talks began this past week.", "this past week", "2022-W34"),
            ("Crowds came this past weekend.", "this past weekend", "2022-W34-WE"),
            ("Talks begin next month.", "next month", "2022-10"),
            ("Prices rose this year.", "this year", "2022"),
            ("Prices rose last year.", "last year", "2021"),
            ("It opened two days ago.", "two days ago", "2022-08-30"),
            ("It opened three years ago.", "three years ago", "2019"),
            ("It opened a decade ago.", "a decade ago", "2012"),
            ("It was agreed earlier this month.", "earlier this month", "2022-09"),
            ("The storm hit in May.", "May", "2022-05"),
            ("The vote is expected in December.", "December", "2022-12"),
            ("The vote was held last December.", "last December", "2021-12"),
            ("Exports fell last summer.", "last summer", "2022-SU"),
            ("Sales slumped last Christmas.", "last Christmas", "2021-12-25"),
            ("Shops open on Thanksgiving Day.", "Thanksgiving Day", "2022-11-24"),
        ],
    )
    def test_value(self, text: str, span: str, value: str) -> None:
        event = find(text, THU, span)
        assert event.value == value
        assert event.resolution is Resolution.RELATIVE

    @pytest.mark.parametrize(
        ("text", "ref", "value"),
        [
            ("The failures began in the summer.", date(2020, 12, 2), "2020-SU"),
            ("It snowed a lot last winter.", date(2022, 3, 10), "2021-WI"),
            ("It has snowed all winter.", date(2022, 1, 20), "2021-WI"),
            ("Work starts this summer.", date(2022, 3, 10), "2022-SU"),
            ("Work starts next spring.", date(2022, 9, 1), "2023-SP"),
        ],
    )
    def test_seasons_are_named_by_the_year_they_start(self, text: str, ref: date,
                                                      value: str) -> None:
        (event,) = extract_timeline(text, ref)
        assert event.value == value

    def test_bare_quarter_is_the_latest_one_already_reached(self) -> None:
        assert find("Profit rose in the third quarter.", NOV89, "the third quarter").value == (
            "1989-Q3"
        )
        assert find("Profit fell in the fourth quarter.", date(1990, 1, 20),
                    "the fourth quarter").value == "1989-Q4"

    def test_adjectival_quarter_leaves_the_determiner_out(self) -> None:
        assert spans("It posted a third-quarter loss.", NOV89) == [("third-quarter", "1989-Q3")]

    def test_a_year_earlier_in_quarterly_results_is_that_quarter_a_year_before(self) -> None:
        text = "Net income rose in the third quarter, up from $5 million a year earlier."
        assert find(text, NOV89, "a year earlier").value == "1988-Q3"

    @pytest.mark.parametrize(
        ("span", "value"),
        [("that day", "2022-08-29"), ("the next day", "2022-08-30"),
         ("the following morning", "2022-08-30TMO")],
    )
    def test_day_anaphora_lean_on_the_last_day_named(self, span: str, value: str) -> None:
        text = (f"The talks opened on Aug. 29. A deal was struck {span}. "
                "Nobody had expected it.")
        event = find(text, THU, span)
        assert (event.value, event.resolution) == (value, Resolution.INFERRED)

    def test_later_counts_from_a_date_named_in_the_same_sentence(self) -> None:
        text = "Hera launches in October 2024 and reaches the asteroid two years later."
        event = find(text, date(2022, 9, 27), "two years later")
        assert (event.value, event.resolution) == ("2026", Resolution.INFERRED)

    @pytest.mark.parametrize(
        ("text", "span", "value"),
        [
            ("Talks opened on Aug. 22. Two days later, a deal was struck.", "Two days later",
             "2022-08-24"),
            ("Talks opened on Aug. 22. But a day later, they failed.", "a day later", "2022-08-23"),
            ("The war began in March 2003. Two years later, it was over.", "Two years later",
             "2005"),
        ],
    )
    def test_later_opening_the_next_sentence_counts_from_the_date_before(
        self, text: str, span: str, value: str
    ) -> None:
        assert find(text, THU, span).value == value

    def test_later_deep_in_another_sentence_counts_from_the_publication_date(self) -> None:
        text = "Talks opened on Aug. 22. Officials said they would meet two days later."
        assert find(text, THU, "two days later").value == "2022-09-03"

    @pytest.mark.parametrize(
        ("text", "span", "value"),
        [
            ("Exports rose 3% in July from a year earlier.", "a year earlier", "2021-07"),
            ("Prices rose in August, up from a year ago.", "a year ago", "2021-08"),
            ("Prices rose in August. A year earlier they fell.", "A year earlier", "2021"),
            ("He was elected in May 2015, two years ago.", "two years ago", "2020"),
            # compared with a plan, "a year earlier" is a distance, not a date (it was 2014,
            # which the text never says)
            ("He was elected in May 2015, a year earlier than planned.", "a year", "P1Y"),
        ],
    )
    def test_a_year_earlier_than_a_recent_month_is_that_month(
        self, text: str, span: str, value: str
    ) -> None:
        assert find(text, THU, span).value == value

    def test_ago_counts_from_the_publication_date(self) -> None:
        text = "Hera launched in October 2024, two years ago."
        assert find(text, date(2026, 10, 1), "two years ago").value == "2024"

    def test_month_with_this_or_last_year(self) -> None:
        assert find("It began in June last year.", THU, "June last year").value == "2021-06"


class TestWeekdaysAndTense:
    def test_weekday_in_a_past_sentence_written_that_day_is_that_day(self) -> None:
        event = find("The ministry condemned the report on Thursday.", THU, "Thursday")
        assert event.value == "2022-09-01"
        assert event.resolution is Resolution.RELATIVE

    def test_weekday_in_a_past_sentence_is_the_previous_one(self) -> None:
        assert find("The talks collapsed on Monday.", THU, "Monday").value == "2022-08-29"

    def test_weekday_in_a_future_sentence_is_the_next_one(self) -> None:
        assert find("The council will vote on Monday.", THU, "Monday").value == "2022-09-05"

    def test_forecast_looks_ahead(self) -> None:
        assert find("The storm is forecast to hit on Saturday.", THU, "Saturday").value == (
            "2022-09-03"
        )

    def test_by_a_weekday_looks_ahead(self) -> None:
        assert find("The plan has to be filed by Tuesday.", THU, "Tuesday").value == "2022-09-06"

    @pytest.mark.parametrize(
        ("text", "span", "value"),
        [
            ("He left last Thursday.", "last Thursday", "2022-08-25"),
            ("He leaves next Thursday.", "next Thursday", "2022-09-08"),
            ("He left last Friday.", "last Friday", "2022-08-26"),
        ],
    )
    def test_last_and_next(self, text: str, span: str, value: str) -> None:
        assert find(text, THU, span).value == value

    @pytest.mark.parametrize(
        ("text", "span", "value"),
        [
            ("The commander will be named for a mission in December.", "December", "2022-12"),
            ("The dividend is to be paid in January.", "January", "2023-01"),
            ("The vote is set for March 3.", "March 3", "2023-03-03"),
            ("The report is due in February.", "February", "2023-02"),
        ],
    )
    def test_future_passive_and_schedule_words_look_ahead(
        self, text: str, span: str, value: str
    ) -> None:
        assert find(text, THU, span).value == value

    @pytest.mark.parametrize("verb", ["succeed", "exceed", "proceed"])
    def test_verbs_ending_in_eed_are_not_past(self, verb: str) -> None:
        text = f"He will {verb} March 1, the board said."
        assert find(text, THU, "March 1").value == "2023-03-01"

    @pytest.mark.parametrize(
        ("text", "span", "value"),
        [
            ("The committee meets Tuesday to discuss the plan.", "Tuesday", "2022-09-06"),
            ("He and his rival meet separately Monday.", "Monday", "2022-09-05"),
            ("The president arrives in Rome on Friday, officials said.", "Friday", "2022-09-02"),
            ("The law takes effect in January.", "January", "2023-01"),
        ],
    )
    def test_scheduling_present_looks_ahead(self, text: str, span: str, value: str) -> None:
        assert find(text, THU, span).value == value

    @pytest.mark.parametrize(
        ("text", "span", "value"),
        [
            ("The offer had been due to expire Tuesday.", "Tuesday", "2022-08-30"),
            ("The president left for Rome on Tuesday.", "Tuesday", "2022-08-30"),
        ],
    )
    def test_past_and_pluperfect_schedules_stay_past(
        self, text: str, span: str, value: str
    ) -> None:
        assert find(text, THU, span).value == value

    def test_irregular_past_verbs_look_back(self) -> None:
        assert find("In November, the company sold its unit.", THU, "November").value == "2021-11"

    def test_plan_as_a_noun_is_no_future_cue(self) -> None:
        assert find("Parliament rejected the plan on Tuesday.", THU, "Tuesday").value == (
            "2022-08-30"
        )

    def test_plans_to_still_looks_ahead(self) -> None:
        assert find("The party plans to vote on Tuesday.", THU, "Tuesday").value == "2022-09-06"

    def test_a_past_participle_without_future_auxiliary_stays_past(self) -> None:
        assert find("The mission was named in December.", THU, "December").value == "2021-12"


class TestClockTimes:
    def test_bare_time_takes_the_day_named_nearby_in_its_sentence(self) -> None:
        text = ("She had promised to publish before the end of August, and did so with "
                "13 minutes to spare at 11:47 p.m. in Geneva.")
        event = find(text, THU, "11:47 p.m.")
        assert event.type is EventType.TIME
        assert event.value == "2022-08-31T23:47"
        assert event.resolution is Resolution.INFERRED
        assert event.interval is not None
        assert event.interval.granularity is Granularity.MINUTE
        assert event.interval.start == datetime(2022, 8, 31, 23, 47)

    @pytest.mark.parametrize(
        ("text", "value"),
        [
            ("The court met on 3 April 2023. By midday it had adjourned to read the report, "
             "dated 21 March 2023.", "2023-04-03T12:00"),
            ("The court met on 3 April 2023. At 9 a.m., on 5 April 2023, it sat again.",
             "2023-04-05T09:00"),
        ],
    )
    def test_a_day_past_another_clause_is_not_the_clock_times(self, text: str, value: str
                                                              ) -> None:
        assert [e.value for e in extract_timeline(text, date(2023, 4, 10))
                if e.type is EventType.TIME] == [value]

    def test_end_of_month_keeps_month_granularity(self) -> None:
        event = find("It must be done by the end of August.", THU, "the end of August")
        assert event.value == "2022-08"
        assert event.interval is not None
        assert event.interval.granularity is Granularity.MONTH

    def test_bare_time_without_a_day_nearby_is_on_the_reference_date(self) -> None:
        event = find("Polls close at 8 p.m. local time.", THU, "8 p.m. local time")
        assert event.value == "2022-09-01T20:00"
        assert event.resolution is Resolution.RELATIVE

    def test_before_a_clock_time_does_not_make_the_day_future(self) -> None:
        text = "The platform fell shortly before 8 a.m. local time on Tuesday."
        assert find(text, date(2020, 12, 2), "8 a.m. local time on Tuesday").value == (
            "2020-12-01T08:00"
        )

    @pytest.mark.parametrize(
        ("text", "span"),
        [("The market opens at 9:30 a.m. ET.", "9:30 a.m. ET"),
         ("Results come at 4 p.m. HKT.", "4 p.m. HKT")],
    )
    def test_short_zones_in_capitals_belong_to_the_time(self, text: str, span: str) -> None:
        assert find(text, THU, span).type is EventType.TIME

    def test_lowercase_et_is_not_a_zone(self) -> None:
        assert spans("He left at 3 p.m. et al. said.") == [("3 p.m.", "2022-09-01T15:00")]

    def test_time_with_zone_and_weekday(self) -> None:
        event = find("Trading resumed at 9 a.m. EST Tuesday.", THU, "9 a.m. EST Tuesday")
        assert event.value == "2022-08-30T09:00"

    @pytest.mark.parametrize(
        ("text", "span", "value"),
        [
            ("The deadline passed at noon.", "noon", "2022-09-01T12:00"),
            ("The ceasefire began at 1800 GMT.", "1800 GMT", "2022-09-01T18:00"),
            ("It was quiet this morning.", "this morning", "2022-09-01TMO"),
            ("Shots were heard last night.", "last night", "2022-08-31TNI"),
            ("The deadline is 12 a.m.", "12 a.m.", "2022-09-01T00:00"),
        ],
    )
    def test_parts_of_day(self, text: str, span: str, value: str) -> None:
        assert find(text, THU, span).value == value


class TestDurations:
    @pytest.mark.parametrize(
        ("text", "span", "value"),
        [
            ("before the end of her four-year tenure", "four-year", "P4Y"),
            ("with 13 minutes left", "13 minutes", "PT13M"),
            ("It has been accused for years.", "years", "PXY"),
            ("a report over a year in the making", "a year", "P1Y"),
            ("Output rose for the past three years.", "the past three years", "P3Y"),
            ("It lasted 2 1/2 years.", "2 1/2 years", "P2Y6M"),
            ("It lasted a minute and a half.", "a minute and a half", "PT1M30S"),
            ("He served two and a half years.", "two and a half years", "P2Y6M"),
            ("He served 2 and a half years.", "2 and a half years", "P2Y6M"),
            ("a two-and-a-half-year fight", "two-and-a-half-year", "P2Y6M"),
            ("It took one and a half hours.", "one and a half hours", "PT1H30M"),
            ("a 10-day truce", "10-day", "P10D"),
            ("They talked for several hours.", "several hours", "PTXH"),
            ("Troops could stay for some time.", "some time", "PXX"),
            ("We will live without it for a while.", "a while", "PXX"),
            ("Sales may fall in the weeks ahead.", "the weeks ahead", "PXW"),
            ("It took two decades.", "two decades", "P20Y"),
        ],
    )
    def test_value(self, text: str, span: str, value: str) -> None:
        event = find(text, THU, span)
        assert event.type is EventType.DURATION
        assert event.value == value
        assert not event.placed

    def test_age_is_not_a_duration(self) -> None:
        assert spans("A 44-year-old man was arrested.") == []


class TestSets:
    @pytest.mark.parametrize(
        ("text", "span", "value"),
        [
            ("The market opens every Thursday.", "every Thursday", "XXXX-WXX-4"),
            ("The report is published annually.", "annually", "P1Y"),
            ("Prices are checked daily.", "daily", "P1D"),
            ("They meet twice a year.", "a year", "P1Y"),
            ("They meet every two weeks.", "every two weeks", "P2W"),
        ],
    )
    def test_value(self, text: str, span: str, value: str) -> None:
        event = find(text, THU, span)
        assert event.type is EventType.SET
        assert event.value == value
        assert not event.placed


class TestReferenceValues:
    @pytest.mark.parametrize(
        ("text", "span", "value"),
        [
            ("The world must now pay attention.", "now", "PRESENT_REF"),
            ("He is currently abroad.", "currently", "PRESENT_REF"),
            ("She recently resigned.", "recently", "PAST_REF"),
            ("It happened in the past.", "the past", "PAST_REF"),
            ("It may happen in the future.", "the future", "FUTURE_REF"),
            ("Talks will resume soon.", "soon", "FUTURE_REF"),
            ("Under current rules it is legal.", "current", "PRESENT_REF"),
        ],
    )
    def test_value(self, text: str, span: str, value: str) -> None:
        event = find(text, THU, span)
        assert event.value == value
        assert event.interval is None


class TestRanges:
    def test_between_years_gives_both_ends_linked(self) -> None:
        events = extract_timeline("The number, at least between 2017 and 2019, was high.", THU)
        assert [(e.text, e.value) for e in events] == [("2017", "2017"), ("2019", "2019")]
        first, second = events
        assert first.range_partner == second.id
        assert second.range_partner == first.id

    def test_from_month_to_month(self) -> None:
        events = extract_timeline("The curfew lasted from May to July.", THU)
        assert [(e.text, e.value) for e in events] == [("May", "2022-05"), ("July", "2022-07")]
        assert events[0].range_partner == events[1].id

    @pytest.mark.parametrize(
        ("text", "values"),
        [
            # THU is Thursday 2022-09-01
            ("The fair runs from Monday to Friday.", ["2022-08-29", "2022-09-02"]),
            ("The fair will run from Friday to Tuesday.", ["2022-09-02", "2022-09-06"]),
            ("The fair ran from Tuesday to Friday.", ["2022-08-23", "2022-08-26"]),
            ("The fair ran from Monday to Wednesday.", ["2022-08-29", "2022-08-31"]),
        ],
    )
    def test_weekday_range_never_ends_before_it_starts(
        self, text: str, values: list[str]
    ) -> None:
        events = extract_timeline(text, THU)
        assert [e.value for e in events] == values
        assert events[0].range_partner == events[1].id

    def test_unrelated_dates_are_not_a_range(self) -> None:
        events = extract_timeline("It began in 2017. In 2019 it ended.", THU)
        assert all(e.range_partner is None for e in events)


class TestFalsePositives:
    @pytest.mark.parametrize(
        "text",
        [
            "The findings may constitute crimes against humanity.",
            "We will publish it, as we had hoped.",
            "He finished second in the race.",
            "It won a second term.",
            "The answer is 42.",
            "Arsenal won 3-2 at home.",
            "Tickets cost $2,019 each.",
            "Call 555-2017 for details.",
            "Call 0800 555 2022 for details.",
            "They hired 2000 workers.",
            "The house has 1,990 square feet.",
            "MAY DAY PROTESTS CONTINUE",
            "Install version 1.2.3 or 10.2.15.",
            "He said so on CBS's \"60 Minutes.\"",
            "She spoke on ABC's \"This Week\" program.",
            "It is like a scene from High Noon.",
            "They own more than a quarter of the shares.",
            "The current account deficit widened.",
            "He left as soon as he could.",
            "The Sunday Times reported it.",
            "She competed at the Summer Olympics.",
            "The Winter Games drew crowds.",
            "This is VOA Today.",
            "Unemployment is just above its quarter-century low.",
            "The quarter-to-quarter comparison was flattering.",
            "The March on Washington drew crowds.",
            "She gave to the March of Dimes.",
            "The survey was published by USA Today and two other papers.",
        ],
    )
    def test_no_event(self, text: str) -> None:
        assert spans(text) == []

    def test_modal_may_beside_a_real_month(self) -> None:
        assert spans("Prices may rise in May.") == [("May", "2022-05")]

    @pytest.mark.parametrize(
        ("text", "span", "value"),
        [
            ("He spoke on the Sunday before the vote.", "Sunday", "2022-08-28"),
            ("The summer of 2021 was hot.", "The summer of 2021", "2021-SU"),
            ("Today, the envoy met the minister.", "Today", "2022-09-01"),
            ("\"Today is a sad day,\" she said.", "Today", "2022-09-01"),
            ("We expect that to continue into 1990.", "1990", "1990"),
            ("The March accession lets them sign.", "March", "2022-03"),
            ("The May elections were close.", "May", "2022-05"),
        ],
    )
    def test_a_date_beside_what_a_filter_rejects_is_still_found(
        self, text: str, span: str, value: str
    ) -> None:
        """A day or season after "the", "Today" opening a sentence, a year after "into", a
        month word before a noun."""
        assert find(text, THU, span).value == value

    def test_wednesday_is_still_found(self) -> None:
        assert spans("We met on Wednesday.") == [("Wednesday", "2022-08-31")]

    def test_thirteen_minutes_is_a_duration_not_a_time_ago(self) -> None:
        event = find("with 13 minutes left", THU, "13 minutes")
        assert (event.type, event.value) == (EventType.DURATION, "PT13M")

    def test_pm_time_stays_pm(self) -> None:
        assert find("at 11:47 p.m.", THU, "11:47 p.m.").value.endswith("T23:47")


class TestWithoutReferenceDate:
    def test_relative_expressions_are_unresolved(self) -> None:
        event = find("The council met on Friday.", None, "Friday")
        assert event.resolution is Resolution.UNRESOLVED
        assert event.value == "XXXX-WXX-5"
        assert event.interval is None

    def test_absolute_dates_still_resolve(self) -> None:
        assert find("It was signed on 31 August 2022.", None, "31 August 2022").value == (
            "2022-08-31"
        )


class TestEvents:
    def test_offsets_point_at_the_text(self) -> None:
        text = "On Thursday the ministry replied. The report came out in August 2022."
        for event in extract_timeline(text, THU):
            assert text[event.start : event.end] == event.text
            assert text[event.sentence_start :].startswith(event.sentence)
            assert event.text in event.sentence

    def test_sentence_is_the_one_the_expression_came_from(self) -> None:
        text = "The vote failed. On Thursday the ministry replied."
        assert find(text, THU, "Thursday").sentence == "On Thursday the ministry replied."

    def test_ids_are_stable_and_distinct(self) -> None:
        text = "It rained on Monday and on Tuesday."
        first = [e.id for e in extract_timeline(text, THU)]
        assert first == [e.id for e in extract_timeline(text, THU)]
        assert len(set(first)) == 2

    def test_chronological_orders_by_date_then_position_and_skips_durations(self) -> None:
        text = "In 2019 it grew for 13 minutes. On Thursday it shrank. In May 2018 it began."
        ordered = chronological(extract_timeline(text, THU))
        assert [e.text for e in ordered] == ["May 2018", "2019", "Thursday"]

    def test_granularity_is_honest(self) -> None:
        grans = {e.text: e.interval.granularity for e in extract_timeline(
            "In 2019, in March 2020, on 3 April 2020, in the 1990s, at 9 a.m.", THU)
            if e.interval is not None}
        assert grans == {
            "2019": Granularity.YEAR,
            "March 2020": Granularity.MONTH,
            "3 April 2020": Granularity.DAY,
            "1990s": Granularity.DECADE,
            "9 a.m.": Granularity.MINUTE,
        }

    def test_to_json_has_the_scorer_keys(self) -> None:
        event = find("It was signed on 31 August 2022.", THU, "31 August 2022")
        data = event.to_json(offset=100)
        assert data["start"] == event.start + 100
        assert data["end"] == event.end + 100
        assert (data["type"], data["value"]) == ("DATE", "2022-08-31")
        assert data["interval"]["granularity"] == "day"
