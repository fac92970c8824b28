"""The aligned tables of `tuireader list` and `tuireader timeline`."""

from __future__ import annotations

import io

import pytest
from rich.cells import cell_len
from rich.console import Console

from tuireader.commands.output import write_table


def render(rows, width=40, *, terminal=False, no_color=False, caps=None):
    file = io.StringIO()
    out = Console(file=file, width=width, force_terminal=terminal, no_color=no_color,
                  color_system="standard" if terminal else None)
    write_table(out, rows, flexible=1, caps=caps)
    return file.getvalue()


class TestLayout:
    def test_columns_line_up(self):
        text = render([[("2022-09-01", ""), ("UN report", "")],
                       [("2013", ""), ("Voyager", "")]])
        assert text.splitlines() == ["2022-09-01  UN report", "2013        Voyager"]

    def test_a_long_flexible_cell_is_cut_with_an_ellipsis_to_the_width(self):
        text = render([[("2022", ""), ("word " * 20, ""), ("tail", "")]], width=30)
        (line,) = text.splitlines()
        assert cell_len(line) == 30
        assert line.startswith("2022  word word")
        assert "…  tail" in line

    def test_a_capped_column_is_cut(self):
        text = render([[("a", ""), ("title here", ""), ("a-very-long-path/name.md", "")]],
                      caps={2: 8})
        assert text.splitlines() == ["a  title here  a-very-…"]

    @pytest.mark.parametrize(
        "title", ["新闻联播报道了很长的新闻标题和内容", "Ünïcödé ✓ títle that runs long"])
    def test_wide_characters_are_measured_in_cells(self, title):
        text = render([[("x", ""), (title, ""), ("end", "")]], width=24)
        (line,) = text.splitlines()
        assert cell_len(line) <= 24
        assert line.endswith("end")

    def test_escape_sequences_in_cells_do_not_reach_the_terminal(self):
        text = render([[("\x1b[2Jclear", ""), ("title\x07", "")]])
        assert "\x1b" not in text and "\x07" not in text
        assert "clear" in text

    def test_nothing_is_written_for_no_rows(self):
        assert render([]) == ""


class TestStyles:
    def test_a_terminal_gets_colours(self):
        text = render([[("●", "cyan"), ("Unread title", "bold")]], terminal=True)
        assert "\x1b[36m●" in text and "\x1b[1mUnread title" in text

    def test_a_pipe_gets_plain_text(self):
        assert "\x1b" not in render([[("●", "cyan"), ("Unread title", "bold")]])

    def test_no_color_keeps_emphasis_but_drops_colour(self):
        text = render([[("●", "cyan"), ("Unread title", "bold")]], terminal=True, no_color=True)
        assert "\x1b[36m" not in text and "\x1b[1mUnread title" in text
