"""`tuireader timeline --library`: every article's rows in date order, filtered by dates, as
JSON lines, Markdown or CSV, read from the caches on a warm run."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tuireader.cli import main
from tuireader.store import Database

THIRD = (
    "---\ntitle: 'Markup [x](y) *title*'\ndate: 2022-09-02\n---\n\n"
    "The council met on 31 August 2022 and again on 5 September 2022.\n"
)


@pytest.fixture
def three(library: Path) -> Path:
    (library / "third.md").write_text(THIRD, encoding="utf-8")
    return library


def json_rows(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line]


class TestLibraryTimeline:
    def test_json_rows_of_every_article_in_date_order(self, three: Path, capsys) -> None:
        assert main(["list", str(three), "--json"]) == 0
        ids = {row["path"]: row["id"] for row in json_rows(capsys.readouterr().out)}
        assert main(["timeline", "--library", str(three), "--json"]) == 0
        rows = json_rows(capsys.readouterr().out)
        assert [row["start"] for row in rows] == sorted(row["start"] for row in rows)
        assert {row["title"] for row in rows} == {
            "UN rights office publishes Xinjiang assessment", "Markup [x](y) *title*"}
        for row in rows:
            assert row["article_id"] == ids[row["path"]]
            assert {"anchor", "value", "end_value", "start", "end", "granularity", "label",
                    "label_start", "expressions", "context", "derived_from"} <= set(row)
        # Two sources, one day: 31 August 2022 from the UN article and from the third one.
        same_day = [row["title"] for row in rows if row["start"].startswith("2022-08-31")]
        assert len(set(same_day)) == 2
        # Offsets are file offsets, as in `timeline --json`: the anchor is its expression.
        un = next(row for row in rows if row["value"].startswith("2022-08-31T23:47"))
        text = Path(un["path"]).read_text(encoding="utf-8")
        assert text[un["anchor"]:].startswith("11:47 p.m.")
        assert main(["timeline", "--library", str(three), "--format", "json"]) == 0
        assert json_rows(capsys.readouterr().out) == rows

    def test_from_and_to_keep_rows_that_reach_those_days(self, three: Path, capsys) -> None:
        assert main(["timeline", "--library", str(three), "--json",
                     "--from", "2022-09-01", "--to", "2022-09-30"]) == 0
        rows = json_rows(capsys.readouterr().out)
        assert rows and all(row["end"] > "2022-09-01T00:00:00" and row["start"] < "2022-10-01"
                            for row in rows)
        assert not any(row["start"].startswith("2022-08-31") for row in rows)
        assert any(row["start"].startswith("2022-09-05") for row in rows)
        # Without --library the named articles' rows are merged the same way.
        assert main(["timeline", str(three / "third.md"), "--to", "2022-08-31",
                     "--json"]) == 0
        assert [row["start"][:10] for row in json_rows(capsys.readouterr().out)] == [
            "2022-08-31"]

    def test_an_undated_article_counts_from_the_date_given_in_the_app(
            self, three: Path, data_dir: Path, capsys) -> None:
        (three / "pasted.txt").write_text("Pasted note\n\nThe panel met on Thursday.\n",
                                          encoding="utf-8")
        assert main(["list", str(three), "--json"]) == 0
        [pasted] = [row for row in json_rows(capsys.readouterr().out)
                    if row["title"] == "Pasted note"]
        assert main(["timeline", "--library", str(three), "--json"]) == 0
        assert "Pasted note" not in {row["title"] for row in json_rows(capsys.readouterr().out)}
        with Database(data_dir) as db:  # D in the app
            db.reference_dates.set(pasted["id"], date(2022, 9, 2))
        assert main(["timeline", "--library", str(three), "--json"]) == 0
        rows = [row for row in json_rows(capsys.readouterr().out) if row["title"] == "Pasted note"]
        assert [row["value"] for row in rows] == ["2022-09-01"]

    def test_markdown_has_date_headings_linked_articles_and_quoted_clauses(
            self, three: Path, capsys) -> None:
        assert main(["timeline", "--library", str(three), "--format", "md"]) == 0
        text = capsys.readouterr().out
        lines = text.splitlines()
        assert lines[0] == "# Library timeline"
        assert "## 2022" in lines and "### August 2022" in lines
        assert "#### Wednesday 31 August 2022" in lines
        day = lines.index("#### Wednesday 31 August 2022")
        items = [line for line in lines[day:] if line.startswith("- ")][:2]
        assert any(f"(<{three / 'un.txt'}>)" in item for item in items)
        assert any(r"[Markup \[x\](y) \*title\*]" in item for item in items)  # escaped
        assert "  > The council met on 31 August 2022 and again on 5 September 2022." in lines

    def test_csv_has_one_line_per_row(self, three: Path, capsys) -> None:
        assert main(["timeline", "--library", str(three), "--json"]) == 0
        rows = json_rows(capsys.readouterr().out)
        assert main(["timeline", "--library", str(three), "--format", "csv"]) == 0
        table = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
        assert [(line["start"], line["title"], line["label"]) for line in table] == [
            (row["start"], row["title"], row["label"]) for row in rows]
        assert table[0]["date"] and table[0]["article_id"]

    def test_warm_run_reads_the_cache_and_analyses_nothing(
            self, three: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
        assert main(["timeline", "--library", str(three), "--json"]) == 0
        first = capsys.readouterr().out

        def fail(*_: object) -> None:
            raise AssertionError("analysed again")

        monkeypatch.setattr("tuireader.timeline.library_build.timeline_rows", fail)
        assert main(["timeline", "--library", str(three), "--json"]) == 0
        assert capsys.readouterr().out == first

    def test_table_and_usage_errors(self, three: Path, capsys) -> None:
        assert main(["timeline", "--library", str(three)]) == 0
        out = capsys.readouterr().out
        assert "2022\n" in out and "Wednesday 31 August 2022" in out
        assert "UN rights office publishes Xinjiang assessment" in out
        assert main(["timeline"]) == 2
        assert "--library" in capsys.readouterr().err
        assert main(["timeline", "--library", str(three), "--reference-date",
                     "2022-01-01"]) == 2
        assert "--reference-date" in capsys.readouterr().err
