"""The date an article's timeline counts from, when the user gives one (`D`): kept per
article beside the notes, read by every command, cleared back to the article's own date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from tuireader.commands.reference_dates import saved_reference_dates
from tuireader.library.article import Article
from tuireader.store import Database
from tuireader.store.reference_dates import parse_given, redated

UNDATED = Article(id="a1", path=Path("seed.txt"), title="China criticizes UN report")


def test_a_given_date_is_kept_on_disk_and_cleared(
        db: Database, data_dir: Path, on_disk: Callable[[], dict[str, Any]]) -> None:
    db.reference_dates.set("a1", date(2022, 9, 1))
    db.reference_dates.set("a2", datetime(2022, 9, 1, 10, 30))
    assert on_disk()["reference_dates"]["a1"] == {"date": "2022-09-01"}
    assert saved_reference_dates(data_dir) == {"a1": date(2022, 9, 1),
                                              "a2": datetime(2022, 9, 1, 10, 30)}
    db.reference_dates.set("a1", None)
    db.reference_dates.set("never-given", None)
    assert db.reference_dates.all() == {"a2": datetime(2022, 9, 1, 10, 30)}


def test_an_article_is_dated_from_its_given_date_only(db: Database) -> None:
    db.reference_dates.set("a1", date(2022, 9, 1))
    assert redated(UNDATED, db.reference_dates.all()).date == date(2022, 9, 1)
    other = Article(id="b", path=Path("b.txt"), title="B", date=date(2020, 1, 1))
    assert redated(other, db.reference_dates.all()) is other


def test_no_database_no_dates(tmp_path: Path) -> None:
    assert saved_reference_dates(tmp_path / "nothing-here") == {}
    assert not (tmp_path / "nothing-here").exists()  # reading created nothing


@pytest.mark.parametrize(("typed", "expected"), [
    ("2022-09-01", date(2022, 9, 1)),
    ("1 Sep 2022", date(2022, 9, 1)),
    ("September 1, 2022", date(2022, 9, 1)),
    ("31/08/2022", date(2022, 8, 31)),
    ("Sept. 1, 2022 10:30", datetime(2022, 9, 1, 10, 30)),
    ("1 September 2022 at 11:47 pm", datetime(2022, 9, 1, 23, 47)),
    ("2022-09-01T10:30", datetime(2022, 9, 1, 10, 30)),
])
def test_what_a_user_types(typed: str, expected: date) -> None:
    assert parse_given(typed) == expected


@pytest.mark.parametrize("typed", ["Thursday", "September 2022", "soon", "2022-13-45"])
def test_a_date_needs_a_day_a_month_and_a_year(typed: str) -> None:
    with pytest.raises(ValueError, match="not a date with a day, month and year"):
        parse_given(typed)
