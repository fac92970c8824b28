"""Hostile titles, quotes and notes: the document keeps its shape and says what was written."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml
from exported_markdown import parse_export, split_front_matter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from tests.export.conftest import EXPORTED_AT, anchor_of, frozen_note

from tuireader.export import render_article
from tuireader.export.escaping import contained_markdown
from tuireader.library import Article, ArticleText, sanitize
from tuireader.store import Note, ReadingState

NASTY_LINES = [
    "# not a heading",
    "## nor this ##",
    "> not a quote",
    "---",
    "***",
    "___",
    "* not a bullet",
    "- nor this",
    "+ nor this",
    "1. not a list",
    "2) nor this",
    "= not an underline",
    "`code` and ``more``",
    "```",
    "~~~",
    "<script>alert('x')</script>",
    "<!-- an open comment",
    "<div>html block</div>",
    "&amp; &#60; &copy; AT&T",
    "[link](http://example.com) and ![image](x.png)",
    "[ref]: http://example.com",
    "<http://example.com> autolink",
    "_under_ *star* __strong__ ~~strike~~",
    "a | table | row",
    "trailing backslash\\",
    "back\\slash \\* escaped",
    "[^1] footnote",
    "{curly} (round) !bang",
]


def article_with(body: str, title: str = "A plain title", **extra: object) -> Article:
    return Article(id="nasty", path=Path("nasty.txt"), title=title, **extra)  # type: ignore[arg-type]


def render(body: str, notes: list[Note], title: str = "A plain title", **extra: object) -> str:
    article = article_with(body, title, **extra)
    return render_article(
        article, ArticleText(body), [], ReadingState("nasty"), notes, EXPORTED_AT
    )


class TestQuotes:
    @pytest.mark.parametrize("line", NASTY_LINES)
    def test_quote_reads_back_as_the_same_plain_text(self, line: str) -> None:
        body = f"Intro paragraph.\n\n{line}\n\nOutro paragraph.\n"
        note = frozen_note("n1", "nasty", "my note", 1, anchor_of(body, line))
        parsed = parse_export(render(body, [note]))
        assert parsed.notes["n1"].quote == line.strip()
        assert parsed.notes["n1"].body == "my note"
        assert [h[1] for h in parsed.headings] == ["A plain title", "Timeline", "Notes"]

    def test_multi_paragraph_quote_stays_one_quote(self) -> None:
        body = "First line\n  indented second\n\n\n\n1. third after blanks\n"
        note = frozen_note("n1", "nasty", "", 1, anchor_of(body, body.rstrip()))
        parsed = parse_export(render(body, [note]))
        assert parsed.notes["n1"].quote == "First line\nindented second\n\n1. third after blanks"

    def test_a_quote_keeps_its_paragraphs_and_line_breaks_when_rendered(self) -> None:
        body = "Intro.\n\nFirst paragraph.\n\nSecond, line one\nline two \\\nline three.\n"
        quote = body[body.index("First"):].rstrip()
        note = frozen_note("n1", "nasty", "two paragraphs", 1, anchor_of(body, quote))
        document = render(body, [note])
        assert "- > First paragraph.\n  >\n  > Second, line one\\\n" in document
        html = MarkdownIt("commonmark").render(document.split("## Notes", 1)[1])
        assert html.count("<p>") == 4  # the quote's two paragraphs, the note, its times
        assert "Second, line one<br />\nline two \\<br />\nline three." in html
        assert parse_export(document).notes["n1"].quote == quote
        assert note.anchor is not None and note.anchor.quote == quote  # stored as it was

    def test_control_characters_are_neutralised(self) -> None:
        body = "Bell \x07 and escape \x1b[2J here.\n"
        note = frozen_note("n1", "nasty", "note \x1b]0;title\x07", 1, anchor_of(body, body[:-1]))
        document = render(body, [note])
        assert "\x1b" not in document and "\x07" not in document
        assert "n1" in parse_export(document).notes


class TestTitlesAndMetadata:
    @pytest.mark.parametrize(
        "title",
        [
            *NASTY_LINES,
            "Title with\n---\ninside",
            "yes",
            "null",
            "2024-01-01",
            "key: value # comment",
            "'single' and \"double\"",
            "@at %percent !tag",
            "  leading spaces",
            "emoji 🚢 and accents: Île",
        ],
    )
    def test_title_survives_yaml_and_markdown(self, title: str) -> None:
        document = render("Body.\n", [], title=title)
        parsed = parse_export(document)
        assert parsed.front["title"] == title
        assert parsed.headings[0] == (1, " ".join(title.split()))
        assert [h[1] for h in parsed.headings[1:]] == ["Timeline", "Notes"]

    def test_front_matter_is_one_line_per_key(self) -> None:
        document = render("Body.\n", [], title="a\n---\nb", author="x\ny")
        front, _ = split_front_matter(document)
        head = document.split("\n---\n", 1)[0]
        assert [line.split(":")[0] for line in head.splitlines()[1:]] == list(front)

    def test_tags_and_dates_round_trip(self) -> None:
        document = render(
            "Body.\n", [], tags=("a: b", "- c", "[d]"), date=datetime(2024, 1, 2, 3, 4, tzinfo=UTC)
        )
        front = yaml.safe_load(document.split("\n---\n", 1)[0][4:])
        assert front["tags"] == ["a: b", "- c", "[d]"]
        assert front["published"] == "2024-01-02T03:04:00+00:00"

    @pytest.mark.parametrize(
        "source, link",
        [
            ("https://example.com/a_(b)*c", "https://example.com/a_(b)*c"),
            ("javascript:alert(1)", None),
            ("Harbour <b>Gazette</b>", None),
        ],
    )
    def test_source_is_a_link_only_for_web_addresses(self, source: str, link: str | None) -> None:
        parsed = parse_export(render("Body.\n", [], source=source))
        links = [n.attrs["href"] for n in parsed.tree.walk() if n.type == "link"]
        html = [n for n in parsed.tree.walk() if n.type in ("html_inline", "html_block")]
        assert links == ([link] if link else [])
        assert not html


NOTE_MARKDOWN = [
    "```python\nprint('unclosed fence')",
    "~~~~\nunclosed tilde fence\n~~~",
    "<script>\nalert(1)",
    "<!-- open comment\nstill open",
    "<pre>\nunclosed pre",
    "## A heading\n---\n",
    "> a quote\nwith a lazy line",
    "    indented code",
    "\tcode after a tab",
    "- a list\n\n  continued",
    "1. one\n2. two",
    "Setext?\n===",
    "[ref]: http://example.com\n\nsee [ref]",
    "  ```\n  indented fence never closed",
    "- ```\n  fence in a list item",
    "text\n\n\n\n\nafter many blank lines",
    "<div>\nblock\n\nafter blank",
]


class TestNotesKeepTheirMarkdownInTheirItem:
    @pytest.mark.parametrize("text", NOTE_MARKDOWN)
    def test_nothing_escapes_the_note(self, text: str) -> None:
        body = "One passage here. Another passage there.\n"
        notes = [
            frozen_note("n1", "nasty", text, 1, anchor_of(body, "One passage")),
            frozen_note("n2", "nasty", "the next note", 2, anchor_of(body, "Another passage")),
            frozen_note("n3", "nasty", text, 3),
        ]
        parsed = parse_export(render(body, notes))
        assert parsed.note_order == ["n1", "n2", "n3"]
        assert parsed.notes["n2"].body == "the next note"
        assert parsed.notes["n2"].quote == "Another passage"
        assert [h for h in parsed.headings if h[0] <= 2] == [
            (1, "A plain title"), (2, "Timeline"), (2, "Notes")
        ]

    @pytest.mark.parametrize(
        "text",
        ["**bold** and `code`\n\n- a\n- b", "## My heading\n\nSome *emphasis*.", "> quoted\n"],
    )
    def test_well_formed_markdown_is_kept_as_written(self, text: str) -> None:
        body = "A passage.\n"
        note = frozen_note("n1", "nasty", text, 1, anchor_of(body, "A passage"))
        parsed = parse_export(render(body, [note]))
        assert parsed.notes["n1"].body == text.strip()

    def test_unclosed_fence_is_closed_not_dropped(self) -> None:
        assert contained_markdown("```\ncode") == ["```", "code", "```"]

    def test_unclosed_script_shows_as_text(self) -> None:
        assert contained_markdown("<script>\nalert(1)") == ["\\<script>", "alert(1)"]


MARKDOWN_ALPHABET = "#>-*_`~[]()<>!&;|\\=+.:1 \n\t\r\x1b\u00a0\u2028aZé<>/!?-"


def expected_quote(quote: str) -> str:
    """What a reader sees of a quote: control characters shown as symbols (as everywhere in
    tuireader), lines stripped, runs of blank lines made one."""
    lines: list[str] = []
    for line in sanitize(quote.replace("\r\n", "\n").replace("\r", "\n")).split("\n"):
        stripped = line.strip()
        if stripped or (lines and lines[-1]):
            lines.append(stripped)
    return "\n".join(lines).strip("\n")


class TestAnyText:
    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        quote=st.text(alphabet=MARKDOWN_ALPHABET, min_size=1, max_size=60),
        note=st.text(alphabet=MARKDOWN_ALPHABET + "<script>~~~```", max_size=80),
        title=st.text(alphabet=MARKDOWN_ALPHABET, max_size=30),
    )
    def test_document_keeps_its_shape(self, quote: str, note: str, title: str) -> None:
        body = f"Before.\n\n{quote}\n\nAfter.\n"
        start = body.index(quote, 9)
        from tuireader.store import NoteAnchor

        anchor = NoteAnchor.from_text(body, start, start + len(quote))
        notes = [
            frozen_note("n1", "nasty", note, 1, anchor),
            frozen_note("n2", "nasty", note, 2),
            frozen_note("n3", "nasty", "plain", 3),
        ]
        parsed = parse_export(render(body, notes, title=title or "t"))
        assert parsed.front["title"] == (title or "t")
        assert [h for h in parsed.headings if h[0] <= 2][1:] == [(2, "Timeline"), (2, "Notes")]
        assert parsed.note_order == ["n1", "n2", "n3"]
        assert parsed.notes["n3"].body == "plain"
        if expected_quote(quote):
            assert parsed.notes["n1"].quote == expected_quote(quote)
