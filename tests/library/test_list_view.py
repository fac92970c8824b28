"""The list's sort orders and narrowings, on articles in display order (newest first)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from tuireader.library.article import Article
from tuireader.library.list_view import (
    ListIndex,
    ListView,
    Marks,
    Narrowing,
    SortOrder,
    arrange,
    tag_counts,
)
from tuireader.library.order import sort_for_display


def article(key: str, title: str, day: int, tags: tuple[str, ...] = ()) -> Article:
    return Article(id=key, path=Path(f"{key}.txt"), title=title, date=date(2024, 3, day),
                   tags=tags)


ARTICLES = sort_for_display([
    article("a", "budget vote delayed", 1, ("council", "budget")),
    article("b", "Ferry strike", 2, ("transport",)),
    article("c", "all quiet at the harbour", 3),
    article("d", "Budget passes", 4, ("budget",)),
    article("e", "Ferry strike", 5),  # the same title as b, newer
])
MARKS = Marks(read={"b", "d"}, starred={"c"}, noted={"a", "e"})


def shown(view: ListView, needle: str = "", marks: Marks = MARKS) -> list[str]:
    return [ARTICLES[i].id for i in arrange(ListIndex(ARTICLES), view, marks, needle)]


class TestSort:
    def test_date_is_the_display_order(self) -> None:
        assert shown(ListView()) == ["e", "d", "c", "b", "a"]

    def test_title_ignores_case_and_keeps_display_order_for_equal_titles(self) -> None:
        assert shown(ListView(SortOrder.TITLE)) == ["c", "d", "a", "e", "b"]

    def test_unread_first_then_read_each_newest_first(self) -> None:
        assert shown(ListView(SortOrder.UNREAD_FIRST)) == ["e", "c", "a", "d", "b"]

    def test_feed_groups_by_the_feeds_name_then_newest_first_no_feed_last(self) -> None:
        feeds = {"a": "https://z.example/feed", "b": "https://a.example/rss",
                 "d": "https://z.example/feed", "e": "https://a.example/rss"}
        articles = [replace(a, feed=feeds.get(a.id)) for a in ARTICLES]
        names = {"https://z.example/feed": "Harbour Gazette",
                 "https://a.example/rss": "Valley Chronicle"}
        index = ListIndex(articles, names.__getitem__)
        rows = arrange(index, ListView(SortOrder.FEED), MARKS)
        assert [articles[i].id for i in rows] == ["d", "a", "e", "b", "c"]
        narrowed = arrange(index, ListView(SortOrder.FEED, Narrowing.UNREAD), MARKS)
        assert [articles[i].id for i in narrowed] == ["a", "e", "c"]
        assert ListView(SortOrder.FEED).describe() == "by feed"


class TestNarrow:
    @pytest.mark.parametrize(("narrowing", "expected"), [
        (Narrowing.UNREAD, ["e", "c", "a"]),
        (Narrowing.STARRED, ["c"]),
        (Narrowing.ANNOTATED, ["e", "a"]),
    ])
    def test_by_mark(self, narrowing: Narrowing, expected: list[str]) -> None:
        assert shown(ListView(narrowing=narrowing)) == expected

    def test_by_tag(self) -> None:
        assert shown(ListView(narrowing=Narrowing.TAG, tag="budget")) == ["d", "a"]

    def test_with_the_title_filter_and_a_sort(self) -> None:
        view = ListView(SortOrder.TITLE, Narrowing.UNREAD)
        assert shown(view, "BUDGET") == ["a"]
        assert shown(view, "strike") == ["e"]

    def test_nothing_left_says_why(self) -> None:
        view = ListView(narrowing=Narrowing.STARRED)
        assert shown(view, marks=Marks()) == []
        assert view.empty_message() == "No starred articles"
        assert ListView(narrowing=Narrowing.TAG, tag="x").empty_message() == (
            "No articles tagged x")


class TestSetting:
    def test_round_trip(self) -> None:
        for view in (ListView(), ListView(SortOrder.TITLE, Narrowing.UNREAD),
                     ListView(SortOrder.UNREAD_FIRST, Narrowing.TAG, "budget")):
            assert ListView.from_setting(view.to_setting()) == view

    @pytest.mark.parametrize("saved", [
        None, "title", 3, {"sort": "size"}, {"narrowing": "tag"}, {"narrowing": "tag", "tag": ""},
    ])
    def test_what_cannot_be_read_is_the_default_view(self, saved: object) -> None:
        assert ListView.from_setting(saved) == ListView()

    def test_described_in_words(self) -> None:
        assert ListView().describe() == ""
        assert ListView(SortOrder.TITLE, Narrowing.ANNOTATED).describe() == (
            "with notes only · by title")
        assert ListView(narrowing=Narrowing.TAG, tag="budget").describe() == "tagged budget"


def test_tag_counts_most_used_first() -> None:
    assert tag_counts(ListIndex(ARTICLES)) == [("budget", 2), ("council", 1), ("transport", 1)]
