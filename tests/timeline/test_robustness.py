"""The extractor never raises and keeps its offsets inside the text, whatever it is given (these
tests run in strict mode, where nothing that fails is swallowed); a rule that does fail costs
only its candidate, and says so in the log."""

from __future__ import annotations

import logging
import re
import sys
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tuireader.timeline import extract_timeline, extractor
from tuireader.timeline.normalise import NORMALISERS, Ctx, Norm
from tuireader.timeline.strict import STRICT_ENV, strict_mode

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

    def test_days_off_the_calendar_are_no_failure(self, caplog: pytest.LogCaptureFixture
                                                  ) -> None:
        """"2022-02-30", "13/13/2013", "tomorrow" on 31 December 9999: no value, no error."""
        text = "On 2022-02-30, 13/13/2013 and tomorrow it rained."
        with caplog.at_level(logging.DEBUG, logger="tuireader.timeline"):
            assert extract_timeline(text, date(9999, 12, 31)) == []
        assert [r for r in caplog.records if r.levelno >= logging.WARNING] == []
        assert len([r for r in caplog.records if "names no calendar day" in r.getMessage()]) == 3


TEXT = "On Friday the court met again; the ruling of 3 March 2021 still stands."
REF = date(2022, 9, 1)


@pytest.fixture
def broken_weekday(monkeypatch: pytest.MonkeyPatch) -> None:
    """The weekday rule's normaliser fails on every candidate."""

    def broken(ctx: Ctx) -> Norm | None:
        raise RuntimeError(f"broken on {ctx.match.group(0)!r}")

    monkeypatch.setitem(NORMALISERS, "weekday", broken)


def errors(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.levelno >= logging.ERROR]


class TestFailuresAreSeen:
    def test_strict_mode_is_read_from_the_environment(self, monkeypatch: pytest.MonkeyPatch
                                                      ) -> None:
        assert strict_mode()
        monkeypatch.setenv(STRICT_ENV, "0")
        assert not strict_mode()
        monkeypatch.delenv(STRICT_ENV)
        assert not strict_mode()

    @pytest.mark.usefixtures("broken_weekday")
    def test_a_failing_rule_raises_in_strict_mode(self) -> None:
        with pytest.raises(RuntimeError, match="broken on 'Friday'"):
            extract_timeline(TEXT, REF)

    @pytest.mark.usefixtures("broken_weekday")
    def test_outside_strict_mode_it_costs_only_its_candidate_and_is_logged(
        self, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
    ) -> None:
        monkeypatch.delenv(STRICT_ENV)
        events = extract_timeline(TEXT, REF)
        assert [(e.text, e.value) for e in events] == [("3 March 2021", "2021-03-03")]
        (record,) = errors(caplog)
        assert "weekday normaliser failed on 'Friday'" in record.getMessage()
        assert record.exc_info is not None and record.exc_info[0] is RuntimeError

    def test_a_failing_filter_raises_in_strict_mode_and_is_logged_outside(
        self, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
    ) -> None:
        plausible = extractor.plausible

        def broken(rule: str, m: re.Match[str], text: str) -> bool:
            if rule == "day_month":
                raise ValueError("broken filter")
            return plausible(rule, m, text)

        monkeypatch.setattr(extractor, "plausible", broken)
        with pytest.raises(ValueError, match="broken filter"):
            extract_timeline(TEXT, REF)
        monkeypatch.delenv(STRICT_ENV)
        caplog.clear()
        # the failed candidate is dropped before selection: a shorter reading of it may win
        assert [e.text for e in extract_timeline(TEXT, REF)] == ["Friday", "March 2021"]
        assert "day_month filter failed" in errors(caplog)[0].getMessage()

    def test_a_failing_extraction_costs_the_timeline_outside_strict_mode(
        self, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
    ) -> None:
        def broken(*_args: object) -> None:
            raise RuntimeError("broken splitter")

        monkeypatch.setattr(extractor, "split_sentences", broken)
        with pytest.raises(RuntimeError, match="broken splitter"):
            extract_timeline(TEXT, REF)
        monkeypatch.delenv(STRICT_ENV)
        caplog.clear()
        assert extract_timeline(TEXT, REF) == []
        (record,) = errors(caplog)
        assert "timeline extraction failed" in record.getMessage()
        assert record.exc_info is not None


class TestIsolation:
    def test_importing_the_timeline_does_not_import_textual(self) -> None:
        import subprocess

        code = ("import sys, tuireader.timeline; "
                "sys.exit(1 if any(m.split('.')[0] == 'textual' for m in sys.modules) else 0)")
        assert subprocess.run([sys.executable, "-c", code]).returncode == 0
