"""Timeline rows are events: nested dates make one row, ranges one row, generic dates none,
and an offset anchored on a date makes a row of its own, derived from it."""

from __future__ import annotations

from datetime import date

import pytest

from tuireader.timeline import extract_timeline
from tuireader.timeline.rows import MAX_SENTENCE, TimelineRow, timeline_rows

PUBLISHED = date(2022, 9, 1)  # a Thursday


def rows_of(text: str, reference: date = PUBLISHED) -> list[TimelineRow]:
    return timeline_rows(text, extract_timeline(text, reference))


def values(text: str, reference: date = PUBLISHED) -> list[tuple[str, str | None]]:
    return [(row.value, row.end_value) for row in rows_of(text, reference)]


class TestNestedDates:
    def test_month_day_and_minute_of_one_event_are_one_row_at_the_minute(self):
        text = "The file went online at 11:47 p.m. on Wednesday, at the end of August."
        [row] = rows_of(text)
        assert row.value == "2022-08-31T23:47"
        assert row.when == "2022-08-31 23:47"
        assert row.context_text == "end of August"
        assert {event.text for event in row.events} == {"11:47 p.m. on Wednesday",
                                                         "the end of August"}

    def test_a_year_and_a_day_in_it_are_one_row(self):
        assert values("In 2019, the museum reopened on 3 May 2019.") == [("2019-05-03", None)]

    def test_the_same_day_said_twice_is_one_row(self):
        text = "Negotiators said on Friday that progress was slow, and on Friday they left."
        [row] = rows_of(text, date(2025, 5, 10))
        assert row.value == "2025-05-09" and row.context_text == "Friday"

    def test_the_same_day_in_two_long_sentences_is_a_row_each(self):
        said = ("the ministry, which had been asked about the matter by several newspapers "
                "and by at least two members of parliament over many weeks, declined to "
                "comment on any of the allegations raised in the article, saying only that "
                "the inquiry would take its course and that its findings would be published "
                "in full once every witness had been heard.")
        text = f"Her lawyer on Friday said that {said} The ministry on Friday said that {said}"
        rows = rows_of(text, date(2025, 5, 10))
        assert [row.value for row in rows] == ["2025-05-09", "2025-05-09"]
        assert [row.event.start for row in rows] == [text.index("Friday"),
                                                    text.rindex("Friday")]

    @pytest.mark.parametrize(
        "text",
        [
            "The minister condemned on Friday the blasts that shook the capital earlier "
            "in the day.",
            "She lands in Nairobi on 13 May 2025 and flies home later in the day.",
        ],
    )
    def test_earlier_in_the_day_is_the_day_of_the_sentence(self, text):
        [row] = rows_of(text, date(2025, 5, 10))
        assert row.value.startswith(("2025-05-09", "2025-05-13"))
        assert row.context_text in ("earlier in the day", "later in the day")

    def test_earlier_in_the_day_alone_keeps_its_date(self):
        assert values("The president arrived later in the day.") == [("2022-09-01", None)]

    def test_disjoint_dates_stay_separate_rows(self):
        text = "The talks opened on 2 May 2023 and collapsed on 9 June 2023."
        assert values(text) == [("2023-05-02", None), ("2023-06-09", None)]

    def test_a_quarter_and_a_month_inside_it_are_two_events(self):
        text = "The flood last month will cut fourth-quarter profit, the firm said."
        assert len(rows_of(text, date(2022, 11, 2))) == 2


class TestRanges:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("The polls are open from 9 a.m. to 5 p.m. on Sunday.",
             ("2022-09-04T09:00", "2022-09-04T17:00")),
            ("Prices rose between 2017 and 2019, the study found.", ("2017", "2019")),
            ("The fair ran 2014\u20132016 in the old market hall.", ("2014", "2016")),
            ("The bridge stayed shut from May 2020 until June 2021.", ("2020-05", "2021-06")),
            ("The exhibition runs March 2023 until June 2023 in Leeds.", ("2023-03", "2023-06")),
        ],
    )
    def test_both_ends_of_a_period_are_one_row(self, text, expected):
        [row] = rows_of(text)
        assert (row.value, row.end_value) == expected
        assert row.partner is not None

    def test_an_end_inside_the_other_is_one_row_at_the_precise_date(self):
        text = "The fund has fallen 2.08% this year through Oct. 19, the filing shows."
        [row] = rows_of(text, date(2022, 10, 27))
        assert (row.value, row.end_value, row.partner) == ("2022-10-19", None, None)
        assert row.context_text == "this year"

    def test_a_range_row_shows_both_ends_as_one_period(self):
        text = "Detention was widespread, at least between 2017 and 2019, the office said."
        [row] = rows_of(text)
        assert row.when == "2017–2019"
        assert row.text == "2017 … 2019"
        assert [event.text for event in row.events] == ["2017", "2019"]

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("The tournament runs from August to May.", ("2022-08", "2023-05")),
            ("The talks lasted from 10pm to 2am.", ("2022-09-01T22:00", "2022-09-02T02:00")),
            ("The office is shut from 30 December to 2 January.",
             ("2022-12-30", "2023-01-02")),
        ],
    )
    def test_an_end_with_no_year_said_never_comes_before_the_start(self, text, expected):
        [row] = rows_of(text)
        assert (row.value, row.end_value) == expected
        assert row.interval.start < row.interval.end

    def test_a_range_row_spans_both_ends(self):
        [row] = rows_of("The polls are open from 9 a.m. to 5 p.m. on Sunday.")
        assert row.when == "2022-09-04 09:00 – 2022-09-04 17:00"


class TestGenericDates:
    @pytest.mark.parametrize(
        "text",
        [
            "The visitors led in the first half, but the second half belonged to the hosts.",
            "The cup was played in winter rather than in June and July.",
            "Ferries usually stop running in October.",
            "The garden is at its best in summer.",
            "The market opens every Saturday morning.",
            "The festival is held in June every year.",
            "The shop is closed on Sundays and in August.",
            "The case is for today's youth what the war was for their parents.",
            "Many of today's personal computers use the chip.",
            "Pay is low in today's dollars.",
            "He would have chosen the people of tomorrow, he said.",
        ],
    )
    def test_dates_said_of_no_particular_time_make_no_row(self, text):
        assert rows_of(text) == []

    def test_a_generic_date_leaves_the_real_ones(self):
        text = "The 2022 cup was played in November 2022 rather than in June."
        assert values(text) == [("2022-11", None)]

    @pytest.mark.parametrize("text", ["Today's vote was delayed.",
                                      "The vote will be held tomorrow, officials said."])
    def test_the_day_itself_is_a_row(self, text):
        assert len(rows_of(text)) == 1

    def test_durations_are_not_rows(self):
        assert rows_of("Her four-year term ended.") == []

    def test_eras_make_no_row(self):
        assert rows_of("Unrest grew through the 1980s.") == []

    def test_a_season_of_a_given_year_is_a_row(self):
        assert [row.value for row in rows_of("The dam was finished in the summer of 2019.")] \
            == ["2019-SU"]


class TestDerivedRows:
    def test_minutes_before_an_event_place_that_event(self):
        text = ("The file went online at 11:47 p.m. on Wednesday, just 13 minutes before "
                "the envoy's term came to a close.")
        online, close = rows_of(text)
        assert online.value == "2022-08-31T23:47" and online.derived_from is None
        assert close.value == "2022-09-01T00:00"
        assert close.derived_from is not None
        assert close.derived_from.anchor is online.event
        assert close.derived_from.offset.iso(close.derived_from.sign) == "+PT13M"
        assert close.label.startswith("13 minutes before the envoy's term")

    def test_the_following_weekday_is_counted_in_days_from_the_day_before(self):
        text = "Talks collapsed on Friday, 3 March 2023. The following Monday, a strike began."
        _, monday = rows_of(text, date(2023, 3, 10))
        assert monday.value == "2023-03-06" and monday.derived_from is not None
        assert monday.derived_from.to_json()["offset"] == "+P3D"
        assert monday.note == "derived: Friday, 3 March 2023 + 3 days"

    def test_minutes_left_before_a_deadline(self):
        text = "She signed on 31 August 2022 with 13 minutes left at 11:47 p.m. in Geneva."
        derived = [row for row in rows_of(text) if row.derived_from is not None]
        assert [row.value for row in derived] == ["2022-09-01T00:00"]

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("The talks began on Monday. A week earlier, the envoy had arrived.", "2022-08-22"),
            ("She resigned on 3 March 2021. Two days later, her deputy took over.",
             "2021-03-05"),
            ("The vote was held on 12 May 2022. The following day, protests began.",
             "2022-05-13"),
            ("The law passed in 2019. A year after, it was repealed.", "2020"),
            ("Two days before the vote on 12 May 2022, the polls closed.", "2022-05-10"),
            ("The dam broke on 4 June 2020, three days after the rains began.", "2020-06-01"),
        ],
    )
    def test_an_offset_from_a_date_in_the_same_or_previous_sentence(self, text, expected):
        derived = [row for row in rows_of(text) if row.derived_from is not None]
        assert [row.value for row in derived] == [expected]

    def test_days_from_a_time_of_day_place_a_day(self):
        text = "A jogger saw the car at 6 a.m. on 13 October 1998, ten days before the murder."
        derived = [row for row in rows_of(text) if row.derived_from is not None]
        assert [row.value for row in derived] == ["1998-10-23"]

    def test_the_derivation_names_the_date_it_counts_from(self):
        text = "The talks began on Monday. A week earlier, the envoy had arrived."
        row = next(row for row in rows_of(text) if row.derived_from is not None)
        assert row.derived_from is not None and row.derived_from.value == "2022-08-29"
        assert row.note == "derived: Monday - 1 week"
        assert row.to_json()["derived_from"]["offset"] == "-P1W"

    @pytest.mark.parametrize(
        "text",
        [
            "The team spent three days on the island in May 2020.",
            "He had worked there for two years before joining the board in 2019.",
            "The dam broke on 4 June 2020, nearly two months after the rains began.",
            "Two days later, the envoy left.",
            "The strike began in March 2021. Two days later, the mines closed.",
        ],
    )
    def test_no_derived_row_without_an_exact_distance_from_a_precise_enough_date(self, text):
        assert all(row.derived_from is None for row in rows_of(text))


    @pytest.mark.parametrize(
        "text",
        [
            "Two days later, the envoy left.",
            "If no appeal is filed, the boy could leave seven days later.",
            "A week earlier, the envoy had arrived in the capital.",
        ],
    )
    def test_an_offset_with_no_date_near_makes_no_row_from_the_publication_date(self, text):
        assert extract_timeline(text, PUBLISHED)  # the expression is still found
        assert rows_of(text) == []

    def test_a_year_earlier_with_no_date_near_is_last_year(self):
        text = "Revenue rose to $9 million from $7 million a year earlier."
        assert values(text) == [("2021", None)]


class TestLabels:
    def test_a_long_sentence_is_cut_to_the_clause_of_the_event(self):
        text = ("The agency, which had been criticised for months by lawmakers in three "
                "countries, published its findings on 14 March 2024, and the ministry, "
                "after a long silence, answered in a short statement.")
        [row] = rows_of(text)
        assert "14 March 2024" in row.label
        assert len(row.label) < len(text) / 2
        assert text[row.label_start:row.label_start + len(row.label)] == row.label

    def test_a_short_sentence_is_its_own_label(self):
        [row] = rows_of("China rejected the findings on Thursday.")
        assert row.label == "China rejected the findings on Thursday."

    def test_a_text_with_no_sentence_end_gets_labels_of_a_sentence_length(self):
        """A scraped page run into one line: each date keeps its row, and its label is a
        stretch around it, not the whole text."""
        months = ["January", "February", "March", "April", "May", "June", "July", "August"]
        text = " ".join(f"the board met again on {day} {month} 2021 and talked about the port"
                        for month in months for day in range(1, 29))
        rows = rows_of(text)
        assert len(rows) == len(months) * 28
        assert all(len(row.label) <= MAX_SENTENCE for row in rows)
        assert all(row.label_start <= row.event.start < row.label_start + len(row.label)
                   for row in rows)


class TestJson:
    def test_a_row_carries_its_dates_expressions_and_anchor(self):
        text = "The file went online at 11:47 p.m. on Wednesday, at the end of August."
        events = extract_timeline(text, PUBLISHED)
        [row] = timeline_rows(text, events)
        data = row.to_json(offset=10)
        assert data["anchor"] == text.index("11:47") + 10
        assert data["value"] == "2022-08-31T23:47" and data["end_value"] is None
        assert data["start"] == "2022-08-31T23:47:00" and data["end"] == "2022-08-31T23:48:00"
        assert data["granularity"] == "minute"
        assert set(data["expressions"]) == {event.id for event in events}
        assert data["derived_from"] is None

    def test_rows_come_in_date_order(self):
        text = ("China rejected the report on Thursday. It went online at 11:47 p.m. on "
                "31 August 2022. Detention peaked between 2017 and 2019.")
        assert [row.when for row in rows_of(text)] == [
            "2017–2019", "2022-08-31 23:47", "2022-09-01 Thu"]
