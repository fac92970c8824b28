"""The density strip's drawing, without an app: bars two lines tall, and an axis that names
years and, when there is room, months, at 1, 3 and 20 years of rows."""

from __future__ import annotations

import pytest

from tuireader.timeline.library import Density, bucket_of
from tuireader.widgets.axis_labels import AxisLabel, place_labels
from tuireader.widgets.density_strip import BLOCKS, axis_line, bar, strip_layout


def drawn(density: Density, width: int) -> tuple[int, str]:
    cell, start = strip_layout(len(density.counts), 0, width)
    shown = range(start, min(len(density.counts), start + width // cell))
    return cell, axis_line(density, shown, cell, width)


class TestBars:
    @pytest.mark.parametrize(("count", "upper", "lower"), [
        (0, " ", " "), (1, " ", BLOCKS[0]), (50, " ", BLOCKS[-1]), (60, BLOCKS[1], BLOCKS[-1]),
        (100, BLOCKS[-1], BLOCKS[-1])])
    def test_a_bar_takes_two_lines_and_any_count_shows(self, count: int, upper: str,
                                                       lower: str) -> None:
        assert (bar(count, 100, 0), bar(count, 100, 1)) == (upper, lower)


class TestAxis:
    def test_one_year_names_every_month_under_its_bar(self) -> None:
        year = Density("month", bucket_of((2022, 1, 0), "month"), (3,) * 12)
        cell, axis = drawn(year, 156)
        assert cell == 13
        assert axis.split() == ["Jan", "2022", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
                                "Aug", "Sep", "Oct", "Nov", "Dec"]
        assert axis.index("Mar") == 2 * cell  # each name starts under its own bar
        _, narrow = drawn(year, 78)
        assert narrow.split()[:2] == ["2022", "Feb"]

    def test_three_years_name_each_january_by_its_year_and_the_first_month_in_full(
            self) -> None:
        span = Density("month", bucket_of((2020, 3, 0), "month"), (1,) * 34)
        cell, axis = drawn(span, 156)
        assert cell == 4
        words = axis.split()
        assert words[:2] == ["Mar", "2020"]
        assert {"2021", "2022"} <= set(words) and "Jun" in words
        assert axis.index("2021") == 10 * cell  # January 2021 is the eleventh month shown

    def test_twenty_years_are_counted_per_year_with_round_years_first(self) -> None:
        years = Density("year", 2005, (2,) * 20)
        _, wide = drawn(years, 156)
        assert wide.split() == [str(year) for year in range(2005, 2025)]
        _, narrow = drawn(years, 40)  # 2 cells a year: round years first, where they fit
        assert narrow.split()[:4] == ["2005", "2010", "2015", "2020"]
        assert narrow.index("2015") == 10 * 2


class TestPlacing:
    def test_labels_never_touch_nor_pass_the_edge(self) -> None:
        line = place_labels([AxisLabel(0, "2019", 1), AxisLabel(4, "Feb", 0),
                             AxisLabel(8, "Mar", 2), AxisLabel(9, "Apr", 2)], 11)
        assert line == "    Feb Mar"
