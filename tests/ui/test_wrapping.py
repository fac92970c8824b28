"""The reader's word wrap: every character lands on exactly one screen line that fits."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from tuireader.widgets.wrapping import first_line_and_rest, screen_lines, wrap

TEXT = st.text(
    alphabet=st.sampled_from([*"abc de\n  ,.", "漢", "字", "é", "\t"]), max_size=300
)


class TestWrap:
    @given(body=TEXT, width=st.integers(min_value=1, max_value=40))
    @settings(max_examples=300, deadline=None)
    def test_lines_cover_the_body_in_order_and_fit(self, body: str, width: int) -> None:
        lines = wrap(body, width)
        covered = ""
        for number, (start, end) in enumerate(zip(lines.starts, lines.ends, strict=True)):
            text = body[start:end]
            assert "\n" not in text
            assert cell_len(text.rstrip()) <= max(width, 2)  # a wide char never splits
            covered += text
            following = lines.starts[number + 1] if number + 1 < len(lines) else len(body)
            covered += body[end:following]
            assert body[end:following] in ("", "\n")
        assert covered == body

    @given(body=TEXT, width=st.integers(min_value=1, max_value=40), data=st.data())
    @settings(max_examples=200, deadline=None)
    def test_line_of_finds_the_line_holding_an_offset(
        self, body: str, width: int, data: st.DataObject
    ) -> None:
        lines = wrap(body, width)
        offset = data.draw(st.integers(min_value=0, max_value=len(body)))
        line = lines.line_of(offset)
        assert lines.starts[line] <= offset
        if line + 1 < len(lines):
            assert offset < lines.starts[line + 1]

    @given(body=TEXT, width=st.integers(min_value=1, max_value=40))
    @settings(max_examples=200, deadline=None)
    def test_each_line_knows_where_its_paragraph_begins(self, body: str, width: int) -> None:
        """(Where the reader looks for a Markdown heading's "#".)"""
        lines = wrap(body, width)
        for number, start in enumerate(lines.starts):
            begins = lines.paragraph_start(number)
            assert begins <= start and "\n" not in body[begins:start]
            assert begins == 0 or body[begins - 1] == "\n"

    @pytest.mark.parametrize(
        ("body", "width", "expected"),
        [
            ("one two three", 7, ["one two ", "three"]),
            ("one two three", 6, ["one ", "two ", "three"]),
            ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
            ("a\n\nb", 10, ["a", "", "b"]),
            ("漢字漢字", 4, ["漢字", "漢字"]),
        ],
    )
    def test_examples(self, body: str, width: int, expected: list[str]) -> None:
        lines = wrap(body, width)
        assert [body[s:e] for s, e in zip(lines.starts, lines.ends, strict=True)] == expected


class TestLinesShownWhole:
    """A status message and a timeline label show every word: no line is wider than the pane
    (a trailing space past the width used to cut the line's last letter with an ellipsis)."""

    LABEL = "were trying to become the first country to retain the trophy since Brazil in 1962."

    def test_a_word_that_ends_at_the_width_is_kept_whole(self) -> None:
        width = len("were trying to become the first country to retain")
        assert first_line_and_rest(self.LABEL, width) == (
            "were trying to become the first country to retain",
            "the trophy since Brazil in 1962.")
        assert screen_lines("No notes yet: select a passage and press a", 29) == [
            "No notes yet: select a", "passage and press a"]

    @given(text=TEXT, width=st.integers(min_value=2, max_value=40))
    @settings(max_examples=200, deadline=None)
    def test_lines_fit_and_keep_every_word(self, text: str, width: int) -> None:
        text = text.replace("\n", " ")
        first, rest = first_line_and_rest(text, width)
        assert cell_len(first) <= width  # a word wider than the pane is split, not cut
        assert "".join((first + rest).split()) == "".join(text.split())
        shown = screen_lines(text, width)
        assert all(cell_len(line) <= width for line in shown)
        assert "".join("".join(shown).split()) == "".join(text.split())
