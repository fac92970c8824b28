"""The reader pane: the article body wrapped to the width, drawn line by line (cheap at 1 MB)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tuireader.widgets.cursor_list import QuietFocus, component_classes, message_strip
from tuireader.widgets.paint_region import PaintRegion
from tuireader.widgets.safe_text import visible
from tuireader.widgets.wrapping import WrappedLines, screen_lines, wrap

MAX_MEASURE = 100
"""Lines longer than this are hard to read; wider panes get a margin instead."""
NO_ARTICLE = ("No article open\nChoose one in the list with enter, or click it.\n\n"
              "{feeds} adds a news feed or a web page.\n"
              "{timeline} shows all articles' dates in one timeline.\n"
              "{help} lists the keys; ctrl+p finds commands.")
"""With the keys of these bindings (the keymap's, if remapped)."""
NO_ARTICLE_KEYS = {"feeds": ("main.subscriptions", "S"),
                   "timeline": ("main.library_timeline", "T"), "help": ("app.help", "?")}


def no_article(key_shown: Callable[[str, str], str] | None) -> str:
    """The reader's message with nothing open, naming the keys that do something from here."""
    return NO_ARTICLE.format(**{
        name: key_shown(*binding) if key_shown is not None else binding[1]
        for name, binding in NO_ARTICLE_KEYS.items()})


class ArticleReader(QuietFocus, PaintRegion, ScrollView, can_focus=True,
                    inherit_bindings=False):
    """Shows one body; maps body offsets to screen lines for position restore, find and jumps."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "line_down", "Down", show=False, id="reader.down"),
        Binding("k,up", "line_up", "Up", show=False, id="reader.up"),
        Binding("space,pagedown", "page_down", "Page down", id="reader.page_down"),
        Binding("b,pageup", "page_up", "Page up", show=False, id="reader.page_up"),
        Binding("ctrl+d", "half_page_down", "Half page down", show=False,
                id="reader.half_page_down"),
        Binding("ctrl+u", "half_page_up", "Half page up", show=False, id="reader.half_page_up"),
        Binding("g,home", "top", "Top", show=False, id="reader.top"),
        Binding("G,end", "bottom", "Bottom", show=False, id="reader.bottom"),
        # Like the list's "/": what is typed next goes to the find box (key_routing.py).
        Binding("slash", "screen.open_find", "Find", id="reader.find"),
        Binding("n", "next_match", "Next match", show=False, id="reader.next_match"),
        Binding("N", "previous_match", "Previous match", show=False, id="reader.previous_match"),
        Binding("escape", "clear_find", "Clear find", show=False, id="reader.clear_find"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "reader--match",
        "reader--current-match",
        "reader--highlight",
        "reader--message",
        "reader--heading",
    }

    class Scrolled(Message):
        """Where the reader now is: the body offset of the top line, and how far through."""

        def __init__(self, offset: int, progress: int, at_end: bool) -> None:
            super().__init__()
            self.offset = offset
            self.progress = progress
            self.at_end = at_end

    class FindChanged(Message):
        """The matches or the current match changed (for the "3 of 17" display)."""

        def __init__(self, query: str, current: int, total: int) -> None:
            super().__init__()
            self.find_query = query
            self.current = current
            self.total = total

    class FindCleared(Message):
        """The find was cleared from the reader itself (escape); the screen hides the box."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.body = ""
        self.message: str | None = no_article(None)
        """Shown instead of a body (one line each; the first is the status, any others a
        hint)."""
        self._lines: WrappedLines | None = None
        self._line_cache: LRUCache[tuple[int, int, int], Strip] = LRUCache(1024)
        self._line_styles: tuple[Style, ...] | None = None
        """The styles the cached lines were drawn with (checked after a restyle)."""
        self._styles_stale = True
        self._base_style = Style()
        self._version = 0
        self.find_query = ""
        self.matches: list[tuple[int, int]] = []
        self._match_starts: list[int] = []
        self.current_match = -1
        self.highlight: tuple[int, int] | None = None
        self._pending_offset: int | None = None
        self.headings = False

    def on_mount(self) -> None:
        if self.message == no_article(None):  # with the keys as the keymap has them
            self.message = no_article(getattr(self.app, "key_shown", None))

    def show_message(self, message: str) -> None:
        """Show a line of status (loading, errors) instead of a body."""
        self.message = message
        self.body = ""
        self._reset_decorations()
        self._rewrap()

    def show_body(self, body: str, *, offset: int = 0, headings: bool = False,
                  wrapped: WrappedLines | None = None) -> None:
        """Show a new body, scrolled so the line holding `offset` is at the top.

        With `headings`, paragraphs starting with "#" (Markdown) are drawn bold; the text
        itself is never interpreted. `wrapped` is the body already wrapped (in a worker, for
        big articles); it is used when its width is still the reader's.
        """
        self.message = None
        self.body = body
        self.headings = headings
        self._reset_decorations()
        self._lines = wrapped
        self._pending_offset = offset
        self._rewrap()

    def _reset_decorations(self) -> None:
        self.find_query = ""
        self.matches = []
        self._match_starts = []
        self.current_match = -1
        self.highlight = None
        self._version += 1
        self._line_cache.clear()

    @property
    def wrap_width(self) -> int:
        return max(1, min(self.scrollable_content_region.width, MAX_MEASURE))

    @property
    def line_count(self) -> int:
        return len(self._lines) if self._lines is not None else 0

    def _rewrap(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0:
            return
        keep = self._pending_offset
        if keep is None and self._lines is not None:
            keep = self.top_offset
        if self._lines is None or self._lines.width != self.wrap_width:
            self._lines = wrap(self.body, self.wrap_width) if self.message is None else None
        self._line_cache.clear()
        self.virtual_size = Size(width, self.line_count)
        self._pending_offset = None
        self.scroll_to(y=self._line_of(keep or 0), animate=False, immediate=True, force=True)
        self.refresh()
        self.call_after_refresh(self._report_position)

    def on_resize(self, event: events.Resize) -> None:
        self._rewrap()

    def _line_of(self, offset: int) -> int:
        return self._lines.line_of(offset) if self._lines is not None else 0

    @property
    def top_offset(self) -> int:
        """Body offset of the first visible line: a position that survives any width."""
        if not self._lines:
            return 0
        line = min(int(self.scroll_y), len(self._lines) - 1)
        return self._lines.starts[line]

    @property
    def at_end(self) -> bool:
        return self.message is None and int(self.scroll_y) >= int(self.max_scroll_y)

    @property
    def progress(self) -> int:
        height = self.scrollable_content_region.height
        total = self.line_count
        if total <= height or self.at_end:
            return 100
        return min(100, round(100 * (int(self.scroll_y) + height) / total))

    def _report_position(self) -> None:
        if self.message is None and self._lines is not None and self.size.height > 0:
            self.post_message(self.Scrolled(self.top_offset, self.progress, self.at_end))

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if round(old_value) != round(new_value):
            self._report_position()

    def notify_style_update(self) -> None:
        # Called on every restyle, focus changes included: lines are only forgotten if the
        # styles they use changed (a theme change), see `_check_styles`.
        self._styles_stale = True
        super().notify_style_update()

    def _check_styles(self) -> None:
        """Forget cached lines drawn with other colours than the current ones."""
        self._styles_stale = False
        self._base_style = self.rich_style
        styles = (self._base_style, *(self.get_component_rich_style(name)
                                      for name in sorted(component_classes(type(self)))))
        if styles != self._line_styles:
            self._line_styles = styles
            self._line_cache.clear()

    def render_line(self, y: int) -> Strip:
        if self._styles_stale:
            self._check_styles()
        width = self.paint_region.width
        base = self._base_style  # `rich_style` walks the ancestors: most of a cached line's cost
        if self.message is not None or self._lines is None:
            lines = screen_lines(self.message, width) if self.message else []
            if y < len(lines):
                return message_strip(lines[y], width, base + self.get_component_rich_style(
                    "reader--message", partial=True))
            return Strip.blank(width, base)
        index = int(self.scroll_y) + y
        if index >= len(self._lines):
            return Strip.blank(width, base)
        key = (index, width, self._version)
        cached = self._line_cache.get(key)
        if cached is not None:
            return cached
        start, end = self._lines.starts[index], self._lines.ends[index]
        line_style = base
        if self.headings and self.body.startswith("#", self._lines.paragraph_start(index)):
            line_style = base + self.get_component_rich_style("reader--heading", partial=True)
        text = Text(visible(self.body[start:end]), style=line_style, end="", no_wrap=True)
        for span_start, span_end, style in self._decorations(start, end):
            text.stylize(style, span_start - start, span_end - start)
        segments = [
            Segment(segment.text, segment.style or line_style)
            for segment in text.render(self.app.console)
        ]
        # Offsets let Textual's mouse selection say which line and column a cell covers;
        # applied here, so a scroll step reuses them from the cache.
        strip = Strip(segments).crop_extend(0, width, base).apply_offsets(0, index)
        self._line_cache[key] = strip
        return strip

    def _decorations(self, start: int, end: int) -> list[tuple[int, int, Style]]:
        spans: list[tuple[int, int, Style]] = []
        if self.matches:
            first = max(0, bisect_left(self._match_starts, start) - 1)
            match_style = self.get_component_rich_style("reader--match")
            current_style = self.get_component_rich_style("reader--current-match")
            for number in range(first, len(self.matches)):
                match_start, match_end = self.matches[number]
                if match_start >= end:
                    break
                if match_end > start:
                    style = current_style if number == self.current_match else match_style
                    spans.append((max(match_start, start), min(match_end, end), style))
        if self.highlight is not None:
            high_start, high_end = self.highlight
            if high_start < end and high_end > start:
                spans.append((max(high_start, start), min(high_end, end),
                              self.get_component_rich_style("reader--highlight")))
        return spans

    def _redecorate(self) -> None:
        self._version += 1
        self._line_cache.clear()
        self.refresh()

    def scroll_to_offset(self, offset: int, *, context: int = 0) -> None:
        """Scroll so the line holding `offset` is visible, `context` lines below the top."""
        line = self._line_of(offset)
        self.scroll_to(y=max(0, line - context), animate=False, immediate=True, force=True)

    def show_span(self, start: int, end: int) -> None:
        """Highlight body[start:end] (a timeline expression) and bring it into view."""
        self.highlight = (start, end)
        self._redecorate()
        self._bring_into_view(start)

    def _bring_into_view(self, offset: int) -> None:
        line = self._line_of(offset)
        height = self.scrollable_content_region.height
        top = int(self.scroll_y)
        if not top <= line < top + height:
            self.scroll_to_offset(offset, context=max(0, height // 3))

    def find(self, query: str) -> int:
        """Mark every case-insensitive occurrence of `query`; the current one is the first
        at or after the top of the screen. Returns the number of matches."""
        self.find_query = query
        if query and self.message is None:
            pattern = re.compile(re.escape(query), re.IGNORECASE)
            self.matches = [(m.start(), m.end()) for m in pattern.finditer(self.body)]
        else:
            self.matches = []
        self._match_starts = [start for start, _ in self.matches]
        self.current_match = -1
        if self.matches:
            top = self.top_offset
            self.current_match = bisect_left(self._match_starts, top) % len(self.matches)
            self._bring_into_view(self.matches[self.current_match][0])
        self._redecorate()
        self._announce_find()
        return len(self.matches)

    def _announce_find(self) -> None:
        self.post_message(
            self.FindChanged(self.find_query, self.current_match + 1, len(self.matches))
        )

    def _step_match(self, step: int) -> None:
        if not self.find_query:
            self.notify("No search: press / to find", timeout=3)
            return
        if not self.matches:
            return
        self.current_match = (self.current_match + step) % len(self.matches)
        self._bring_into_view(self.matches[self.current_match][0])
        self._redecorate()
        self._announce_find()

    def action_next_match(self) -> None:
        self._step_match(1)

    def action_previous_match(self) -> None:
        self._step_match(-1)

    def action_clear_find(self) -> None:
        self.find("")
        self.post_message(self.FindCleared())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Escape only belongs to the reader while there is something to clear.
        if action == "clear_find":
            return bool(self.find_query)
        return True

    @property
    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def _scroll_lines(self, lines: int) -> None:
        self.scroll_to(y=int(self.scroll_y) + lines, animate=False, immediate=True, force=True)

    def action_line_down(self) -> None:
        self._scroll_lines(1)

    def action_line_up(self) -> None:
        self._scroll_lines(-1)

    def action_page_down(self) -> None:
        self._scroll_lines(self._page)

    def action_page_up(self) -> None:
        self._scroll_lines(-self._page)

    def action_half_page_down(self) -> None:
        self._scroll_lines(max(1, self._page // 2))

    def action_half_page_up(self) -> None:
        self._scroll_lines(-max(1, self._page // 2))

    def action_top(self) -> None:
        self.scroll_to(y=0, animate=False, immediate=True, force=True)

    def action_bottom(self) -> None:
        self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True, force=True)
