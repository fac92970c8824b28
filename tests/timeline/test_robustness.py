"""The extractor never raises and keeps its offsets inside the text, whatever it is given."""

from __future__ import annotations

import sys
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tuireader.timeline import extract_timeline

_DATEISH = st.sampled_from(
    ["May", "may", "Friday", "12:30 p.m.", "1999", "the 1990s", "two days ago", "every",
     "last", "week", "the third quarter", "31 August", "8/31/2022", " ", "\n", ",", "-", "'",
     "a.m.", "now", "years", "2 1/2", "noon", "Q3", "\x00", "\u202e", "\u2013"]
)  # fmt: skip


def check(text: str, ref: date | datetime | None) -> None:
    for event in extract_timeline(text, ref):
        assert 0 <= event.start < event.end <= len(text)
        assert text[event.start : event.end] == event.text
        assert 0 <= event.sentence_start <= event.start


class TestNeverRaises:
    @settings(max_examples=200, deadline=None)
    @given(st.text(max_size=400), st.none() | st.dates())
    def test_any_text(self, text: str, ref: date | None) -> None:
        check(text, ref)

    @settings(max_examples=200, deadline=None)
    @given(st.lists(_DATEISH | st.text(max_size=5), max_size=60).map("".join),
           st.none() | st.dates(min_value=date(1, 1, 8), max_value=date(9998, 12, 24)))
    def test_date_like_soup(self, text: str, ref: date | None) -> None:
        check(text, ref)

    @pytest.mark.parametrize(
        "ref", [date(1, 1, 1), date(9999, 12, 31), datetime(2022, 9, 1, 23, 59), None]
    )
    def test_extreme_reference_dates(self, ref: date | datetime | None) -> None:
        check("Yesterday, last week, next year, in the 1990s, on Friday at noon, in May, "
              "two centuries ago, the next century, the third quarter, a year earlier.", ref)

    @pytest.mark.parametrize(
        "text",
        [
            "9" * 50_000,
            "May " * 20_000,
            "the past " * 10_000 + "year",
            "each of the " * 5_000,
            "1/1/1/1/" * 5_000,
            ("a" * 10_000 + " ") * 5,
            "31 February 2022, 30 February, 2022-02-30, 13/13/2013, 25:99 p.m.",
        ],
    )
    def test_pathological_inputs_finish(self, text: str) -> None:
        check(text, date(2022, 9, 1))

    def test_impossible_dates_are_dropped_not_raised(self) -> None:
        assert extract_timeline("It happened on 31 February 2022.", date(2022, 9, 1)) == []


class TestIsolation:
    def test_importing_the_timeline_does_not_import_textual(self) -> None:
        import subprocess

        code = ("import sys, tuireader.timeline; "
                "sys.exit(1 if any(m.split('.')[0] == 'textual' for m in sys.modules) else 0)")
        assert subprocess.run([sys.executable, "-c", code]).returncode == 0
