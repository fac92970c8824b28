"""The list pane's title and counts: words a person reads, shortened to fit."""

from __future__ import annotations

from tuireader.screens.pane_titles import ListCounts, articles_border, timeline_border


def test_one_article_is_singular() -> None:
    counts = ListCounts(total=1, unread=0, matches=None, scanning=None)
    assert articles_border(counts, 60)[1] == "1 article · 0 unread"


def test_a_feed_narrowing_shortens_the_counts_to_fit_not_cuts_them() -> None:
    counts = ListCounts(total=14, unread=12, matches=2, scanning=None, feed="Harbour Gazette")
    _, subtitle = articles_border(counts, 50)
    assert subtitle == "feed: Harbour Ga… · 2 matches · 12/14 unread"
    assert len(subtitle) <= 50 - 6  # inside the border: corner, line and space each side
    _, wide = articles_border(counts, 80)
    assert wide == "feed: Harbour Gazette · 2 matches · 14 articles · 12 unread"


def test_a_feed_narrowing_in_a_narrow_pane_keeps_the_name_and_matches_whole() -> None:
    """The list pane of a 120-column terminal (38 cells): the unread counts give way before
    the feed's name is cut to three letters and the border cuts the rest ("feed: Har… ·
    2 matches · 11/13 …")."""
    counts = ListCounts(total=13, unread=11, matches=2, scanning=None, feed="Harbour Gazette")
    _, subtitle = articles_border(counts, 38)
    assert subtitle == "feed: Harbour Gazet… · 2 matches"
    assert len(subtitle) <= 38 - 6


def test_the_timeline_counts_large_numbers_as_the_list_does() -> None:
    """A 5 MB article of 160,000 dates read 'Timeline (3) · 160000 dated'."""
    title, subtitle = timeline_border(article_open=True, computing=False, placed=160_000,
                                      events=161_250, width=64)
    assert title == "Timeline (3) · 160,000 dated"
    assert subtitle == "1,250 not on the calendar"


def test_the_timeline_title_is_worded_shorter_in_a_narrow_pane_not_cut() -> None:
    """The timeline pane of a 120-column terminal is 31 cells wide: 'Timeline (3) · 1,234
    dated' and '12,500 not on the calendar' lost their ends to the border."""
    border = timeline_border(article_open=True, computing=False, placed=1_234, events=13_734,
                             width=31)
    assert border == ("Timeline (3) · 1,234", "12,500 undated")
    assert timeline_border(article_open=True, computing=True, placed=0, events=0,
                           width=24) == ("Timeline (3) · …", None)
    assert timeline_border(article_open=True, computing=False, placed=1_234, events=13_734,
                           width=52) == ("Timeline (3) · 1,234 dated",
                                         "12,500 not on the calendar")
    assert timeline_border(article_open=True, computing=False, placed=7, events=7,
                           width=14)[0] == "Timeline"
