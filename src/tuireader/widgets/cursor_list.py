"""A keyboard-driven list that renders only its visible rows (line API), for lists of any size."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from tuireader import textual_internals
from tuireader.widgets.paint_region import PaintRegion
from tuireader.widgets.safe_text import visible
from tuireader.widgets.wrapping import screen_lines


def message_strip(message: str, width: int, style: Style) -> Strip:
    """One line of status text, cut to `width` with an ellipsis, in `style` throughout."""
    text = Text(visible(message), no_wrap=True, end="")
    text.truncate(max(width, 0), overflow="ellipsis", pad=True)
    return Strip([Segment(text.plain, style)], max(width, 0))


def component_classes(widget_class: type[Widget]) -> set[str]:
    """Every component class a widget class declares, its bases' included."""
    names: set[str] = set()
    for klass in widget_class.__mro__:
        names |= getattr(klass, "COMPONENT_CLASSES", set())
    return names


def movement_bindings(prefix: str) -> list[Binding]:
    """The shared motion keys, with ids under `prefix` so a keymap can remap each pane apart."""
    return [
        Binding("j,down", "cursor_down", "Down", show=False, id=f"{prefix}.down"),
        Binding("k,up", "cursor_up", "Up", show=False, id=f"{prefix}.up"),
        Binding("space,pagedown", "page_down", "Page down", show=False, id=f"{prefix}.page_down"),
        Binding("b,pageup", "page_up", "Page up", show=False, id=f"{prefix}.page_up"),
        Binding("ctrl+d", "half_page_down", "Half page down", show=False,
                id=f"{prefix}.half_page_down"),
        Binding("ctrl+u", "half_page_up", "Half page up", show=False, id=f"{prefix}.half_page_up"),
        Binding("g,home", "first", "Top", show=False, id=f"{prefix}.top"),
        Binding("G,end", "last", "Bottom", show=False, id=f"{prefix}.bottom"),
    ]


class QuietFocus(Widget):
    """A widget whose look depends on focus only where it says (`focus_changed`).

    On a focus change Textual restyles the widget (which repaints its scrollbars too) and
    repaints all of it, for the widget gaining focus and the one losing it: on a pane switch
    that was most of the frame. These widgets skip both (the repaint through
    `textual_internals.focus_quietly`), so no CSS rule may depend on their `:focus`; the
    focused look comes from component classes read while drawing.
    """

    def watch_has_focus(self, has_focus: bool) -> None:
        self.focus_changed()

    def focus_changed(self) -> None:
        """Repaint what shows the focus (nothing by default)."""

    def on_focus(self, event: events.Focus) -> None:
        textual_internals.focus_quietly(self, event)

    def on_blur(self, event: events.Blur) -> None:
        textual_internals.blur_quietly(self, event)


class CursorList(QuietFocus, PaintRegion, ScrollView, can_focus=True, inherit_bindings=False):
    """A list with a cursor row; subclasses say how many rows there are and how one looks.

    Rows are rendered on demand and cached per width, so 100,000 rows cost no more to show than
    twenty. The cursor row is drawn with `cursor-list--cursor`, plus
    `cursor-list--cursor-focused` while the list has focus (not a `:focus` rule: see
    QuietFocus).
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "cursor-list--cursor",
        "cursor-list--cursor-focused",
        "cursor-list--message",
    }

    class RowMessage(Message):
        """Something happened at row `index` of `cursor_list`."""

        def __init__(self, cursor_list: CursorList, index: int) -> None:
            super().__init__()
            self.cursor_list = cursor_list
            self.index = index

        @property
        def control(self) -> CursorList:
            return self.cursor_list

    class CursorMoved(RowMessage):
        """The cursor landed on another row."""

    class Chosen(RowMessage):
        """The user chose the row under the cursor (enter or a click)."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.cursor = 0
        self.message: str | None = None
        """Shown instead of rows when set (e.g. "computing…" or "no articles")."""
        self._row_cache: LRUCache[tuple[int, int, int, Style | None, object], Strip] = (
            LRUCache(1024))
        self._row_styles: tuple[Style, ...] | None = None
        """The styles the cached rows were drawn with (checked after a restyle)."""
        self._row_styles_stale = True
        self._base_style = Style()

    @property
    def row_count(self) -> int:
        raise NotImplementedError

    @property
    def row_height(self) -> int:
        """Screen lines per row; subclasses may use more than one when the pane is narrow."""
        return 1

    def render_row(self, index: int, width: int) -> list[Text]:
        """The lines of one row (`row_height` of them); the base class adds the cursor style."""
        raise NotImplementedError

    def row_top(self, index: int) -> int:
        """The virtual line where row `index` starts; with `row_lines` and `row_at`, what a
        subclass whose rows differ in height overrides (all three agree)."""
        return index * self.row_height

    def row_lines(self, index: int) -> int:
        """Screen lines of row `index`."""
        return self.row_height

    def row_at(self, line: int) -> tuple[int, int]:
        """The row on virtual line `line` and the line within it (`row_count` past the end)."""
        return divmod(line, self.row_height)

    @property
    def line_count(self) -> int:
        """Virtual lines of all rows."""
        return self.row_count * self.row_height

    def row_mark(self, index: int) -> object:
        """Part of a cached row's key besides the cursor: a subclass returns what else changes
        the row's look, so a change of it redraws that row alone (see `refresh_rows`)."""
        return None

    def visible_rows(self) -> range:
        """The rows at least partly on screen."""
        top = int(self.scroll_y)
        height = self.scrollable_content_region.height
        if height <= 0 or self.row_count == 0:
            return range(0)
        last = self.row_at(top + height - 1)[0]
        return range(self.row_at(top)[0], min(last + 1, self.row_count))

    def refresh_rows(self, rows: Iterable[int]) -> None:
        """Repaint these rows' lines only (their `row_mark` changed)."""
        for index in rows:
            self._refresh_row(index)

    def style_of(self, name: str) -> Style:
        """A component style carrying only what the stylesheet sets (so the cursor shows)."""
        return self.get_component_rich_style(name, partial=True)

    def invalidate(self) -> None:
        """Forget cached rows and redraw (call after the rows or their state change)."""
        self._row_cache.clear()
        self._update_virtual_size()
        self.refresh()

    def _update_virtual_size(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, self.line_count)

    def on_resize(self, event: events.Resize) -> None:
        self._row_cache.clear()
        self._update_virtual_size()
        self._keep_cursor_visible()

    def focus_changed(self) -> None:
        self._refresh_row(self.cursor)  # only the cursor row looks different

    def notify_style_update(self) -> None:
        # Called on every restyle, focus changes included: the rows are only forgotten if the
        # styles they use changed (a theme change), see `_check_row_styles`.
        self._row_styles_stale = True
        super().notify_style_update()

    def _check_row_styles(self) -> None:
        """Forget cached rows drawn with other colours than the current ones.

        The cursor's style (which follows the focus) is not part of this: it is in the
        cursor row's cache key, so moving the focus redraws one row, not the whole list.
        """
        self._row_styles_stale = False
        names = sorted(component_classes(type(self))
                       - {"cursor-list--cursor", "cursor-list--cursor-focused"})
        self._base_style = self.rich_style
        styles = (self._base_style, *(self.get_component_rich_style(name, partial=True)
                                      for name in names))
        if styles != self._row_styles:
            self._row_styles = styles
            self._row_cache.clear()


    def render_line(self, y: int) -> Strip:
        if self._row_styles_stale:
            self._check_row_styles()
        width = self.paint_region.width
        base = self._base_style  # `rich_style` walks the ancestors: most of a cached line's cost
        if self.message is not None:
            # Wrapped, not cut: "No notes yet: select a passage and press a" in a narrow pane.
            message_lines = screen_lines(visible(self.message), width)
            if y < len(message_lines):
                return message_strip(message_lines[y], width,
                                     base + self.style_of("cursor-list--message"))
            return Strip.blank(width, base)
        index, part = self.row_at(int(self.scroll_y) + y)
        if index >= self.row_count or width <= 0:
            return Strip.blank(max(width, 0), base)
        cursor_style = self._cursor_style() if index == self.cursor else None
        key = (index, part, width, cursor_style, self.row_mark(index))
        cached = self._row_cache.get(key)
        if cached is not None:
            return cached
        lines = self.render_row(index, width)
        text = lines[part] if part < len(lines) else Text()
        text.no_wrap = True
        text.end = ""
        text.truncate(width, overflow="ellipsis", pad=True)
        style = base if cursor_style is None else base + cursor_style
        segments = [
            Segment(segment.text, style + segment.style if segment.style else style)
            for segment in text.render(self.app.console)
        ]
        strip = Strip(segments).adjust_cell_length(width, style)
        self._row_cache[key] = strip
        return strip

    def _cursor_style(self) -> Style:
        style = self.get_component_rich_style("cursor-list--cursor")
        if self.has_focus:
            style += self.get_component_rich_style("cursor-list--cursor-focused")
        return style

    def move_cursor(self, index: int, *, notify: bool = True) -> None:
        """Put the cursor on `index` (clamped), scroll it into view, and say so."""
        if self.row_count == 0:
            self.cursor = 0
            self.refresh()
            return
        index = max(0, min(index, self.row_count - 1))
        previous = self.cursor
        changed = index != previous
        self.cursor = index
        top = int(self.scroll_y)
        self._keep_cursor_visible()
        if int(self.scroll_y) != top:
            self.refresh()  # scrolled: every line moved
        elif changed:
            # Cached rows are keyed by whether the cursor is on them: only two lines change.
            self._refresh_row(previous)
            self._refresh_row(index)
        if notify and changed:
            self.post_message(self.CursorMoved(self, index))

    def _refresh_row(self, index: int) -> None:
        """Repaint one row's lines, not the whole list."""
        self.refresh_lines(self.row_top(index), self.row_lines(index))

    def _keep_cursor_visible(self) -> None:
        height = self.scrollable_content_region.height
        if height <= 0:
            return
        top = int(self.scroll_y)
        first = self.row_top(self.cursor)
        last = first + self.row_lines(self.cursor) - 1
        if first < top:
            self.scroll_to(y=first, animate=False, immediate=True, force=True)
        elif last >= top + height:
            # A row taller than the pane shows its top.
            self.scroll_to(y=min(first, last - height + 1), animate=False, immediate=True,
                           force=True)

    @property
    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height // self.row_height - 1)

    def action_cursor_down(self) -> None:
        self.move_cursor(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self.move_cursor(self.cursor - 1)

    def action_page_down(self) -> None:
        self.move_cursor(self.cursor + self._page)

    def action_page_up(self) -> None:
        self.move_cursor(self.cursor - self._page)

    def action_half_page_down(self) -> None:
        self.move_cursor(self.cursor + max(1, self._page // 2))

    def action_half_page_up(self) -> None:
        self.move_cursor(self.cursor - max(1, self._page // 2))

    def action_first(self) -> None:
        self.move_cursor(0)

    def action_last(self) -> None:
        self.move_cursor(self.row_count - 1)

    def action_choose(self) -> None:
        if self.message is None and 0 <= self.cursor < self.row_count:
            self.post_message(self.Chosen(self, self.cursor))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or self.message is not None:
            return
        index = self.row_at(int(self.scroll_y) + offset.y)[0]
        if 0 <= index < self.row_count:
            self.focus()
            self.move_cursor(index)
            self.post_message(self.Chosen(self, index))
