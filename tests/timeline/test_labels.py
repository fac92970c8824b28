from datetime import datetime

import pytest

from tuireader.timeline.event import Granularity, Interval
from tuireader.timeline.labels import interval_label, trimmed, under_heading


class TestIntervalLabel:
    @pytest.mark.parametrize(
        ("start", "end", "granularity", "expected"),
        [
            (datetime(2022, 8, 31, 23, 47), datetime(2022, 8, 31, 23, 48), Granularity.MINUTE,
             "2022-08-31 23:47"),
            (datetime(2022, 9, 1), datetime(2022, 9, 2), Granularity.DAY, "2022-09-01 Thu"),
            (datetime(2022, 8, 1), datetime(2022, 9, 1), Granularity.MONTH, "2022-08"),
            (datetime(2017, 1, 1), datetime(2020, 1, 1), Granularity.YEAR, "2017–2019"),
            (datetime(2022, 7, 1), datetime(2022, 10, 1), Granularity.QUARTER, "2022 Q3"),
            (datetime(1970, 1, 1), datetime(1980, 1, 1), Granularity.DECADE, "1970s"),
            (datetime(2022, 6, 1), datetime(2022, 9, 1), Granularity.SEASON, "2022 summer"),
            (datetime(2022, 5, 1), datetime(2022, 8, 1), Granularity.MONTH, "2022-05–2022-07"),
            (datetime(2022, 9, 1), datetime(2022, 9, 3), Granularity.DAY,
             "2022-09-01 Thu – 2022-09-02 Fri"),
            # A reader's words, not TIMEX3 codes: "2022-W38", "2020-WI", "TNI".
            (datetime(2022, 9, 19), datetime(2022, 9, 26), Granularity.WEEK,
             "week of 2022-09-19"),
            (datetime(2022, 12, 26), datetime(2023, 1, 2), Granularity.WEEK,
             "week of 2022-12-26"),
            (datetime(2020, 12, 1), datetime(2021, 3, 1), Granularity.SEASON, "2020–21 winter"),
            (datetime(2022, 9, 29, 20), datetime(2022, 9, 30, 6), Granularity.PART_OF_DAY,
             "2022-09-29 night"),
            (datetime(2022, 9, 29, 8), datetime(2022, 9, 29, 18), Granularity.PART_OF_DAY,
             "2022-09-29 daytime"),
            (datetime(2022, 9, 27, 18), datetime(2022, 9, 28, 12), Granularity.PART_OF_DAY,
             "2022-09-27 evening – 2022-09-28 morning"),
        ],
    )
    def test_granularity_is_honest(self, start, end, granularity, expected):
        assert interval_label(Interval(start, end, granularity)) == expected

    @pytest.mark.parametrize(
        ("start", "end", "granularity", "expected"),
        [
            (datetime(2021, 12, 24), datetime(2021, 12, 26), Granularity.DAY,
             "2021-12-24 Fri – 25 Sat"),
            (datetime(2013, 4, 9), datetime(2013, 5, 23), Granularity.DAY,
             "2013-04-09 Tue – 05-22 Wed"),
            (datetime(2022, 9, 4, 9), datetime(2022, 9, 4, 17, 1), Granularity.MINUTE,
             "2022-09-04 09:00 – 17:00"),
            (datetime(2022, 5, 1), datetime(2022, 8, 1), Granularity.MONTH, "2022-05–07"),
            (datetime(2014, 12, 1), datetime(2015, 2, 1), Granularity.MONTH, "2014-12–2015-01"),
            (datetime(2017, 1, 1), datetime(2020, 1, 1), Granularity.YEAR, "2017–2019"),
            (datetime(2022, 7, 1), datetime(2023, 1, 1), Granularity.QUARTER, "2022 Q3 – Q4"),
            (datetime(2022, 9, 1), datetime(2022, 9, 2), Granularity.DAY, "2022-09-01 Thu"),
        ],
    )
    def test_compact_leaves_out_what_the_start_says(self, start, end, granularity, expected):
        assert interval_label(Interval(start, end, granularity), compact=True) == expected


class TestTrimmed:
    def test_collapses_whitespace(self):
        assert trimmed("a\n  b\tc") == "a b c"

    def test_cuts_with_ellipsis(self):
        assert trimmed("word " * 30, width=12) == "word word w…"


class TestUnderHeading:
    """A library-timeline row says only what the year, month or day heading above it does
    not: the time, the part of the year, a range's end."""

    @pytest.mark.parametrize(("start", "end", "granularity", "shown"), [
        (datetime(2022, 12, 18), datetime(2022, 12, 19), Granularity.DAY, ""),
        (datetime(2022, 1, 1), datetime(2023, 1, 1), Granularity.YEAR, ""),
        (datetime(2017, 1, 1), datetime(2020, 1, 1), Granularity.YEAR, "– 2019"),
        (datetime(2022, 7, 1), datetime(2022, 10, 1), Granularity.QUARTER, "Q3"),
        (datetime(2020, 12, 1), datetime(2021, 3, 1), Granularity.SEASON, "winter"),
        (datetime(2022, 9, 19), datetime(2022, 9, 26), Granularity.WEEK, "week of 19 Sep"),
        (datetime(2022, 12, 18, 18), datetime(2022, 12, 18, 18, 1), Granularity.MINUTE,
         "18:00"),
        (datetime(2022, 9, 4, 9), datetime(2022, 9, 4, 17, 1), Granularity.MINUTE,
         "09:00 – 17:00"),
        (datetime(2022, 12, 31, 22), datetime(2023, 1, 1, 2, 1), Granularity.MINUTE,
         "22:00 – 1 Jan 2023 02:00"),
        (datetime(2022, 11, 20), datetime(2022, 12, 19), Granularity.DAY, "– 18 Dec"),
        (datetime(2022, 12, 30), datetime(2023, 1, 3), Granularity.DAY, "– 2 Jan 2023"),
        (datetime(2021, 3, 1), datetime(2021, 6, 1), Granularity.MONTH, "– May"),
        (datetime(2022, 9, 29, 20), datetime(2022, 9, 30, 6), Granularity.PART_OF_DAY, "night"),
        (datetime(1990, 1, 1), datetime(2000, 1, 1), Granularity.DECADE, "1990s"),
    ])
    def test_what_the_heading_does_not_say(self, start: datetime, end: datetime,
                                           granularity: Granularity, shown: str) -> None:
        assert under_heading(Interval(start, end, granularity)) == shown
