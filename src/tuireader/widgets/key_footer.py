"""The key footer: the focused pane's keys on one line, repainted in place when they change.

Textual's `Footer` recomposes itself (a widget per key, then a layout of the whole screen)
whenever the focus moves; on a pane switch that cost more than everything else together.
This footer draws the same line itself, so a change of keys is a one-line repaint.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget


@dataclass(frozen=True)
class FooterItem:
    """One key as the footer shows it."""

    key: str
    """The key to simulate when the item is clicked."""
    display: str
    description: str
    enabled: bool
    kept: bool = False
    """Shown however narrow the footer (see `KeyFooter.ALWAYS_SHOWN`)."""

    @property
    def width(self) -> int:
        """Cells the item takes: ` key ` then `description `."""
        return cell_len(f" {self.display} ") + (
            cell_len(f"{self.description} ") if self.description else 0)


class KeyFooter(Widget):
    """Shows the active bindings marked `show`, one per action, and the palette key on the
    right, looking like Textual's `Footer` (its colours come from the same theme variables).

    Unlike `Footer` it shows no tooltips and draws binding groups as separate keys (tuireader
    declares none). When the keys do not fit, whole keys drop from the end (the focused
    widget's keys come first, the app's last), except those in `ALWAYS_SHOWN`.
    """

    ALWAYS_SHOWN: ClassVar[frozenset[str]] = frozenset({"app.help"})
    """Binding ids the footer never drops: `?` is how a new user finds the rest."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "key-footer--key",
        "key-footer--description",
        "key-footer--hover",
        "key-footer--separator",
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._items: tuple[FooterItem, ...] = ()
        self._palette: FooterItem | None = None
        self._hover: FooterItem | None = None
        self._spans: list[tuple[int, int, FooterItem]] = []
        """(start, end, item) per drawn item, for the mouse."""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)
        self._read_bindings(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Called at once when the focus or the bindings change (no deferral, no layout)."""
        # As Textual's Footer: when the terminal loses focus the keys stay as they were.
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._read_bindings(screen)

    def _read_bindings(self, screen: Screen[object]) -> None:
        app = self.app
        active = screen.active_bindings
        first_per_action: dict[str, FooterItem] = {}
        for _node, binding, enabled, _tooltip in active.values():
            if binding.show and binding.action not in first_per_action:
                first_per_action[binding.action] = FooterItem(
                    binding.key, app.get_key_display(binding), binding.description, enabled,
                    kept=binding.id in self.ALWAYS_SHOWN)
        palette: FooterItem | None = None
        if app.ENABLE_COMMAND_PALETTE and app.COMMAND_PALETTE_BINDING in active:
            _node, binding, enabled, _tooltip = active[app.COMMAND_PALETTE_BINDING]
            palette = FooterItem(binding.key, app.get_key_display(binding),
                                 binding.description, enabled)
        items = tuple(first_per_action.values())
        if items != self._items or palette != self._palette:
            self._items, self._palette = items, palette
            self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if y or width <= 0:
            return Strip.blank(width, self.rich_style)
        base = self.rich_style
        blank = Style(bgcolor=base.bgcolor)
        key = base + self.get_component_rich_style("key-footer--key")
        description = base + self.get_component_rich_style("key-footer--description")
        hover = Style(bgcolor=self.get_component_rich_style("key-footer--hover").bgcolor)
        right = self._palette_segments(base, key, description, blank, hover)
        room = max(width - Segment.get_line_length(right), 0)
        segments: list[Segment] = []
        spans: list[tuple[int, int, FooterItem]] = []
        x = 0
        for item in self._fitting(room):
            extra = self._extra(item, hover)
            label = [Segment(f" {item.display} ", key + extra)]
            if item.description:
                label.append(Segment(f"{item.description} ", description + extra))
            segments += label
            end = x + Segment.get_line_length(label)
            spans.append((x, end, item))
            x = end
        line = Strip(segments).crop_extend(0, room, blank)
        self._spans = [span for span in spans if span[0] < room]
        if self._palette is not None:
            self._spans.append((room + 1, width, self._palette))
        return Strip.join([line, Strip(right)]).crop(0, width)

    def _palette_segments(self, base: Style, key: Style, description: Style, blank: Style,
                          hover: Style) -> list[Segment]:
        """Textual draws the palette key compact (`▏^p palette `), docked on the right."""
        item = self._palette
        if item is None:
            return []
        extra = self._extra(item, hover)
        separator = base + self.get_component_rich_style("key-footer--separator")
        right = [Segment("▏", separator), Segment(item.display, key + extra)]
        if item.description:
            right.append(Segment(f" {item.description}", description + extra))
        right.append(Segment(" ", blank))
        return right

    def _fitting(self, room: int) -> list[FooterItem]:
        """The items that fit in `room` cells, in their order: the kept ones, then the others
        from the first until one does not fit (a key is never drawn cut)."""
        free = room - sum(item.width for item in self._items if item.kept)
        shown: set[int] = set()
        for index, item in enumerate(self._items):
            if item.kept:
                continue
            if item.width > free:
                break
            free -= item.width
            shown.add(index)
        return [item for index, item in enumerate(self._items) if item.kept or index in shown]

    def _extra(self, item: FooterItem, hover: Style) -> Style:
        """Disabled keys are dim; the key under the mouse gets the hover background."""
        return (Style.null() if item.enabled else Style(dim=True)) + (
            hover if item is self._hover else Style.null())

    def _item_at(self, x: int) -> FooterItem | None:
        return next((item for start, end, item in self._spans if start <= x < end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._set_hover(self._item_at(event.x))

    def on_leave(self, _: events.Leave) -> None:
        self._set_hover(None)

    def _set_hover(self, item: FooterItem | None) -> None:
        if item is not self._hover:
            self._hover = item
            self.refresh()

    def on_click(self, event: events.Click) -> None:
        item = self._item_at(event.x)
        if item is None:
            return
        if item.enabled:
            self.app.simulate_key(item.key)
        else:
            self.app.bell()
