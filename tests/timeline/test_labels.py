from datetime import datetime

import pytest

from tuireader.timeline.event import Granularity, Interval
from tuireader.timeline.labels import interval_label, trimmed


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
        ],
    )
    def test_granularity_is_honest(self, start, end, granularity, expected):
        assert interval_label(Interval(start, end, granularity)) == expected


class TestTrimmed:
    def test_collapses_whitespace(self):
        assert trimmed("a\n  b\tc") == "a b c"

    def test_cuts_with_ellipsis(self):
        assert trimmed("word " * 30, width=12) == "word word w…"
