"""Each TIMEX3 value places on the calendar at its own granularity."""

from __future__ import annotations

from datetime import datetime

import pytest

from tuireader.timeline import Granularity
from tuireader.timeline.intervals import interval_of, spanning


class TestIntervalOf:
    @pytest.mark.parametrize(
        ("value", "start", "end", "granularity"),
        [
            ("2022-08-31T23:47", datetime(2022, 8, 31, 23, 47), datetime(2022, 8, 31, 23, 48),
             Granularity.MINUTE),
            ("2022-08-31TNI", datetime(2022, 8, 31, 20), datetime(2022, 9, 1, 6),
             Granularity.PART_OF_DAY),
            ("2022-08-31", datetime(2022, 8, 31), datetime(2022, 9, 1), Granularity.DAY),
            ("2022-W35", datetime(2022, 8, 29), datetime(2022, 9, 5), Granularity.WEEK),
            ("2022-W35-WE", datetime(2022, 9, 3), datetime(2022, 9, 5), Granularity.DAY),
            ("2022-08", datetime(2022, 8, 1), datetime(2022, 9, 1), Granularity.MONTH),
            ("2022-12", datetime(2022, 12, 1), datetime(2023, 1, 1), Granularity.MONTH),
            ("2022-Q3", datetime(2022, 7, 1), datetime(2022, 10, 1), Granularity.QUARTER),
            ("2022-H2", datetime(2022, 7, 1), datetime(2023, 1, 1), Granularity.HALF),
            ("2021-WI", datetime(2021, 12, 1), datetime(2022, 3, 1), Granularity.SEASON),
            ("2022", datetime(2022, 1, 1), datetime(2023, 1, 1), Granularity.YEAR),
            ("199", datetime(1990, 1, 1), datetime(2000, 1, 1), Granularity.DECADE),
            ("19", datetime(1900, 1, 1), datetime(2000, 1, 1), Granularity.CENTURY),
        ],
    )
    def test_value(self, value: str, start: datetime, end: datetime,
                   granularity: Granularity) -> None:
        interval = interval_of(value)
        assert interval is not None
        assert (interval.start, interval.end, interval.granularity) == (start, end, granularity)

    @pytest.mark.parametrize(
        "value", ["PRESENT_REF", "P4Y", "XXXX-WXX-5", "2022-02-30", "0000", "2022-W60", ""]
    )
    def test_no_interval(self, value: str) -> None:
        assert interval_of(value) is None


class TestSpanning:
    def test_a_range_of_years_spans_both(self) -> None:
        first, last = interval_of("2017"), interval_of("2019")
        assert first is not None and last is not None
        assert spanning(first, last) == spanning(last, first)
        whole = spanning(first, last)
        assert (whole.start, whole.end, whole.granularity) == (
            datetime(2017, 1, 1), datetime(2020, 1, 1), Granularity.YEAR)

    def test_mixed_granularities_keep_the_coarser(self) -> None:
        first, last = interval_of("2022-05"), interval_of("2022-07-15")
        assert first is not None and last is not None
        assert spanning(first, last).granularity is Granularity.MONTH
