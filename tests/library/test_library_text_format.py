"""Plain-text articles: title line, optional headers, then the body."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from tuireader.library import load
from tuireader.library.formats.text import parse_text

WriteFile = Callable[..., Path]


class TestTextHeaders:
    @pytest.mark.parametrize(
        "header_block",
        [
            "Date: 2022-09-01\nSource: Reuters\nAuthor: Ann Lee\nTags: politics, UN\n",
            "date: 2022-09-01\nsource: Reuters\nauthor: Ann Lee\ntags: politics, UN\n",
            "DATE:2022-09-01\nSOURCE :  Reuters\nAUTHOR:Ann Lee\nTAGS: politics ,UN,\n",
            "Tags: politics, UN\nAuthor: Ann Lee\nSource: Reuters\nDate: 2022-09-01\n",
        ],
        ids=["title-case", "lower-case", "upper-case-spacing", "any-order"],
    )
    def test_every_header_form(self, header_block: str) -> None:
        content = f"UN report published\n{header_block}\nThe report was published.\n"
        meta = parse_text(content, Path("report.txt"))
        assert meta.title == "UN report published"
        assert meta.date == date(2022, 9, 1)
        assert meta.source == "Reuters"
        assert meta.author == "Ann Lee"
        assert meta.tags == ("politics", "UN")
        assert content[meta.body_start :] == "The report was published.\n"

    @pytest.mark.parametrize("first_line", ["Title: Vote delayed", "TITLE:Vote delayed"])
    def test_labelled_title_line(self, first_line: str) -> None:
        meta = parse_text(f"{first_line}\nDate: 2022-09-01\n\nBody\n", Path("a.txt"))
        assert (meta.title, meta.date) == ("Vote delayed", date(2022, 9, 1))

    def test_title_only_headers_optional(self) -> None:
        content = "Storm season opens\n\nForecasters expect a busy year.\n"
        meta = parse_text(content, Path("storm.txt"))
        assert (meta.title, meta.date, meta.source, meta.author, meta.tags) == (
            "Storm season opens",
            None,
            None,
            None,
            (),
        )
        assert content[meta.body_start :] == "Forecasters expect a busy year.\n"

    def test_leading_blank_lines_and_blank_line_before_headers(self) -> None:
        content = "\n\n  Council vote delayed  \n\nDate: Sep 1, 2022\n\n\n   Members met.\n"
        meta = parse_text(content, Path("vote.txt"))
        assert meta.title == "Council vote delayed"
        assert meta.date == date(2022, 9, 1)
        assert content[meta.body_start :] == "   Members met.\n"

    def test_source_line_inside_the_body_is_body(self) -> None:
        content = "Title\n\nFirst paragraph.\nSource: this is prose, not a header.\n"
        meta = parse_text(content, Path("a.txt"))
        assert meta.source is None
        assert content[meta.body_start :].startswith("First paragraph.")

    def test_headers_without_body(self) -> None:
        content = "Title\nDate: 2022-09-01\n"
        meta = parse_text(content, Path("a.txt"))
        assert meta.date == date(2022, 9, 1)
        assert content[meta.body_start :] == ""

    def test_a_text_that_starts_with_a_paragraph_is_all_body(self) -> None:
        """A wire story saved as one paragraph: it was a 700-character title and no body,
        so the reader showed nothing and the timeline found no date."""
        paragraph = ("THE HAGUE, Netherlands (AP)_ The World Court on Friday rejected objections "
                     "to a case over the 1988 bombing of a jumbo jet. Libya hailed the ruling "
                     "and said it would press for a trial in a neutral country.")
        meta = parse_text(f"\n{paragraph}\n\nDate: not a header here\n", Path("wire.txt"))
        assert meta.title == ("THE HAGUE, Netherlands (AP)_ The World Court on Friday rejected "
                              "objections to a…")  # its first sentence, cut at a word
        assert meta.date is None
        assert meta.body_start == 1  # the paragraph is the body's start

    def test_a_long_labelled_title_is_still_a_title(self) -> None:
        title = "Title: " + "word " * 40
        meta = parse_text(f"{title}\n\nBody\n", Path("a.txt"))
        assert meta.title == " ".join(("word " * 40).split())

    def test_datetime_header_keeps_the_time(self) -> None:
        meta = parse_text("T\nDate: Thu, 01 Sep 2022 10:00:00 GMT\n\nBody\n", Path("a.txt"))
        assert meta.date == datetime(2022, 9, 1, 10, 0, tzinfo=UTC)

    def test_unreadable_date_keeps_the_article_with_a_warning(self, write: WriteFile) -> None:
        loaded = load(write("a.txt", "Title\nDate: sometime soon\n\nBody\n"))
        assert loaded.article.date is None
        assert loaded.article.warnings == ("date 'sometime soon' not understood",)
        assert loaded.text.body == "Body\n"

    def test_text_suffix_is_case_insensitive(self, write: WriteFile) -> None:
        loaded = load(write("SHOUT.TXT", "Loud title\n\nBody\n"))
        assert loaded.article.title == "Loud title"
        assert loaded.article.format == "txt"
