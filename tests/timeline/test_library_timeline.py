"""The library timeline: rows of many articles merged by date, grouped under headings, counted
per period, filtered by dates, and cached per article so a warm build analyses nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tuireader.library import scan
from tuireader.library.article import Article
from tuireader.timeline.library import Heading, LibraryTimeline, bucket_of, in_dates
from tuireader.timeline.library_build import build_library_rows, library_row_cache
from tuireader.timeline.library_row import LibraryRow, Period


def make_row(article: Article, period: Period, start: str, end: str, label: str = "x",
             anchor: int = 0) -> LibraryRow:
    order = "{:04d}-{:02d}-{:02d} {} {}".format(*period, start, end)
    return LibraryRow(article, 10, period, order, start, end, "day", start[:10], None, start[:10],
                      label, anchor, anchor, anchor + 3, False, "", ("e1",), "", None)


A = Article(id="a", path=Path("/lib/a.md"), title="Alpha")
B = Article(id="b", path=Path("/lib/b.md"), title="Beta")


def sample_rows() -> list[LibraryRow]:
    return [
        make_row(A, (2022, 8, 31), "2022-08-31T23:47:00", "2022-08-31T23:48:00", "late"),
        make_row(A, (2019, 0, 0), "2019-01-01T00:00:00", "2020-01-01T00:00:00", "that year"),
        make_row(B, (2022, 8, 31), "2022-08-31T00:00:00", "2022-09-01T00:00:00", "same day"),
        make_row(B, (2019, 3, 0), "2019-03-01T00:00:00", "2019-04-01T00:00:00", "in March"),
        make_row(B, (2019, 3, 12), "2019-03-12T00:00:00", "2019-03-13T00:00:00", "on the 12th"),
    ]


class TestMerging:
    def test_rows_sit_under_year_month_and_day_headings_across_articles(self) -> None:
        timeline = LibraryTimeline(sample_rows())
        shown = [line.text if isinstance(line, Heading) else f"{line.article.title}: {line.label}"
                 for line in timeline.lines]
        assert shown == [
            "2019", "Alpha: that year",
            "March 2019", "Beta: in March",
            "Tuesday 12 March 2019", "Beta: on the 12th",
            "2022", "August 2022", "Wednesday 31 August 2022",
            "Beta: same day", "Alpha: late",  # one day, two sources: together, day before minute
        ]
        assert [line.level for line in timeline.lines if isinstance(line, Heading)] == [
            0, 1, 2, 0, 1, 2]
        assert timeline.articles == 2

    def test_json_row_carries_its_article_and_file_offsets(self) -> None:
        row = LibraryTimeline(sample_rows()).rows[0].to_json()
        assert (row["article_id"], row["path"], row["title"]) == ("a", "/lib/a.md", "Alpha")
        assert row["anchor"] == 10 and row["label_start"] == 10  # body offset 0 + body_start
        assert set(row) >= {"value", "end_value", "start", "end", "granularity", "label",
                            "expressions", "context", "derived_from"}

    @pytest.mark.parametrize(("since", "until", "labels"), [
        (date(2019, 3, 12), date(2019, 3, 12), ["that year", "in March", "on the 12th"]),
        (date(2019, 3, 13), date(2022, 8, 30), ["that year", "in March"]),
        (date(2022, 9, 1), None, []),  # a day's end is exclusive: 31 August ends at 1 September
        (None, date(2018, 12, 31), []),
        (date(2022, 8, 31), None, ["late", "same day"]),
    ])
    def test_date_filters_keep_rows_that_overlap(self, since: date | None, until: date | None,
                                                 labels: list[str]) -> None:
        assert sorted(row.label for row in in_dates(sample_rows(), since, until)) == sorted(labels)
        assert len(LibraryTimeline(sample_rows(), since, until).rows) == len(labels)


class TestHeadings:
    def test_a_week_sits_under_its_month_and_reads_as_a_week(self, tmp_path: Path) -> None:
        library = tmp_path / "lib"
        library.mkdir()
        write_article(library, "a.md", "2022-09-29",
                      "The storm formed late last week. It struck Cuba on Tuesday.")
        rows = build_library_rows(scan([library]).articles,
                                  *library_row_cache(tmp_path / "cache", [library])).rows
        lines = list(LibraryTimeline(rows).lines)
        texts = [line.text if isinstance(line, Heading) else line.short_when for line in lines]
        assert texts == ["2022", "September 2022", "week of 2022-09-19",
                         "Tuesday 27 September 2022", "2022-09-27 Tue"]


class TestDensity:
    def test_counts_per_month_span_the_empty_months_too(self) -> None:
        timeline = LibraryTimeline(sample_rows())
        assert timeline.unit_for(80) == "month" and timeline.unit_for(20) == "year"
        months = timeline.density("month")
        assert months.first == bucket_of((2019, 1, 0), "month")
        assert len(months.counts) == 44  # January 2019 to August 2022
        assert months.counts[0] == 1 and months.counts[2] == 2 and months.counts[-1] == 2
        assert sum(months.counts) == 5
        years = timeline.density("year")
        assert (years.first, years.counts) == (2019, (3, 0, 0, 2))

    def test_period_keys_jump_between_periods_with_rows(self) -> None:
        timeline = LibraryTimeline(sample_rows())
        lines = timeline.lines
        march = lines.index(next(line for line in lines if getattr(line, "text", "") ==
                                 "March 2019"))
        august = lines.index(next(line for line in lines if getattr(line, "text", "") ==
                                  "August 2022"))
        year_2022 = august - 1  # the year's heading starts its first month with rows
        assert timeline.next_period(0, 1, "month") == march
        assert timeline.next_period(march, 1, "month") == year_2022
        assert timeline.next_period(august + 3, -1, "month") == year_2022  # back to its start
        assert timeline.next_period(year_2022, -1, "month") == march
        # From a period's first row (where the cursor rests), { goes to the period before.
        first_row = next(index for index in range(year_2022, len(lines))
                         if not isinstance(lines[index], Heading))
        assert timeline.next_period(first_row, -1, "month") == march
        assert timeline.next_period(0, 1, "year") == year_2022
        assert timeline.line_of_bucket(bucket_of((2020, 5, 0), "month"), "month") == year_2022
        assert timeline.bucket_at(year_2022, "month") == bucket_of((2022, 8, 0), "month")


def write_article(folder: Path, name: str, day: str, text: str) -> Path:
    path = folder / name
    path.write_text(f"---\ntitle: {name}\ndate: {day}\n---\n\n{text}\n", encoding="utf-8")
    return path


class TestBuild:
    def test_rows_are_cached_per_article_and_an_edit_recomputes_that_one(
            self, tmp_path: Path) -> None:
        library = tmp_path / "lib"
        library.mkdir()
        write_article(library, "a.md", "2022-09-01", "The vote was on 31 August 2022.")
        edited = write_article(library, "b.md", "2021-01-05",
                               "Talks began on 4 January 2021 and resumed two days later.")
        articles = scan([library]).articles
        cache = tmp_path / "cache"

        def build() -> tuple[list[str], int]:
            result = build_library_rows(articles, *library_row_cache(cache, [library]))
            assert result.complete and result.save_error is None
            timeline = LibraryTimeline(result.rows)
            return [f"{row.when} {row.article.title}" for row in timeline.rows], result.computed

        first, computed = build()
        assert computed == 2
        assert first == ["2021-01-04 Mon b.md", "2021-01-06 Wed b.md", "2022-08-31 Wed a.md"]
        assert build() == (first, 0)  # warm: nothing analysed again
        edited.write_text(edited.read_text(encoding="utf-8").replace("4 January", "3 January")
                          + "\n", encoding="utf-8")
        rebuilt, computed = build()
        assert computed == 1 and rebuilt[0] == "2021-01-03 Sun b.md"

    def test_damaged_cache_is_rebuilt_and_an_unreadable_article_is_a_problem(
            self, tmp_path: Path) -> None:
        library = tmp_path / "lib"
        library.mkdir()
        write_article(library, "a.md", "2022-09-01", "The vote was on 31 August 2022.")
        articles = scan([library]).articles
        caches = library_row_cache(tmp_path / "cache", [library])
        build_library_rows(articles, *caches)
        caches[0].path.write_bytes(caches[0].path.read_bytes()[:-5] + b"xxxxx")
        gone = Article(id="gone", path=library / "gone.md", title="Gone")
        result = build_library_rows([*articles, gone], *library_row_cache(tmp_path / "cache",
                                                                          [library]))
        assert result.computed == 1 and len(result.rows) == 1
        assert [problem.path for problem in result.problems] == [gone.path]
