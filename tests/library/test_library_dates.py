"""Publication dates: common written forms, a time only when given, no invented days."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from tuireader.library.dates import DateNotUnderstood, parse_date

UTC = UTC


class TestParseDate:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("2022-09-01", date(2022, 9, 1)),
            (
                "2022-09-01T14:30:00+02:00",
                datetime(2022, 9, 1, 14, 30, tzinfo=timezone(timedelta(hours=2))),
            ),
            ("2022-09-01T14:30:00Z", datetime(2022, 9, 1, 14, 30, tzinfo=UTC)),
            ("2022-09-01 14:30", datetime(2022, 9, 1, 14, 30)),
            ("1 September 2022", date(2022, 9, 1)),
            ("1  September\t2022", date(2022, 9, 1)),
            ("Sep 1, 2022", date(2022, 9, 1)),
            ("September 1, 2022", date(2022, 9, 1)),
            ("Thu, 01 Sep 2022 10:00:00 GMT", datetime(2022, 9, 1, 10, 0, tzinfo=UTC)),
            ("1st September 2022", date(2022, 9, 1)),
            ("Thursday 1 September 2022, 3:15 pm", datetime(2022, 9, 1, 15, 15)),
        ],
    )
    def test_written_forms(self, text: str, expected: date) -> None:
        parsed = parse_date(text)
        assert parsed == expected
        assert type(parsed) is type(expected)

    @pytest.mark.parametrize(
        "text", ["September 2022", "2022", "yesterday", "next Tuesday", "2022-13-45", "soon"]
    )
    def test_partial_relative_or_nonsense_dates_are_refused(self, text: str) -> None:
        with pytest.raises(DateNotUnderstood, match="not understood"):
            parse_date(text)

    @pytest.mark.parametrize("value", [None, "", "   "])
    def test_no_date(self, value: object) -> None:
        assert parse_date(value) is None

    @pytest.mark.parametrize("value", [date(2022, 9, 1), datetime(2022, 9, 1, 8, 0, tzinfo=UTC)])
    def test_yaml_dates_pass_through(self, value: date) -> None:
        assert parse_date(value) is value

    def test_non_text_value_is_refused(self) -> None:
        with pytest.raises(DateNotUnderstood):
            parse_date(20220901)
