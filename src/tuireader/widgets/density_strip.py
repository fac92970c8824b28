"""A strip of block characters: how many timeline rows each month (or year) holds, the cursor's
period highlighted; a click asks to jump to a period."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widget import Widget

if TYPE_CHECKING:
    from tuireader.timeline.library import Density

BLOCKS = "▁▂▃▄▅▆▇█"
MAX_CELL = 3
"""Cells per period when few periods leave room."""


def bar(count: int, most: int) -> str:
    """A block as tall as `count` is to `most` (any count above zero shows)."""
    if count <= 0 or most <= 0:
        return " "
    return BLOCKS[max(0, -(-count * len(BLOCKS) // most) - 1)]


class DensityStrip(Widget):
    """Two lines: the bars (scrolled to keep the current period in view), then what the
    current period is and the span."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"density-strip--current", "density-strip--label"}

    class PeriodClicked(Message):
        def __init__(self, bucket: int) -> None:
            super().__init__()
            self.bucket = bucket

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.density: Density | None = None
        self.current = 0
        """The highlighted bucket (see `timeline.library.bucket_of`)."""

    def show(self, density: Density, current: int) -> None:
        self.density = density
        self.current = current
        self.refresh()

    def set_current(self, bucket: int) -> None:
        if bucket != self.current:
            self.current = bucket
            self.refresh()

    def _layout(self, width: int) -> tuple[int, int]:
        """(cells per period, the first period index shown): a few periods get wider bars."""
        assert self.density is not None
        count = len(self.density.counts)
        cell = max(1, min(MAX_CELL, width // max(count, 1)))
        shown = max(1, width // cell)
        if count <= shown:
            return cell, 0
        here = self.current - self.density.first
        return cell, max(0, min(here - shown // 2, count - shown))

    def render(self) -> Text:
        from tuireader.timeline.library import bucket_label

        density = self.density
        if density is None or not density.counts:
            return Text("")
        width = self.size.width
        cell, start = self._layout(width)
        most = max(density.counts)
        here = self.current - density.first
        current = self.get_component_rich_style("density-strip--current", partial=True)
        bars = Text(no_wrap=True, end="")
        for index in range(start, min(len(density.counts), start + width // cell)):
            block = bar(density.counts[index], most)
            if index == here:
                bars.append((block if block != " " else "▁") * cell, current)
            else:
                bars.append(block * cell)
        count = (density.counts[self.current - density.first]
                 if 0 <= self.current - density.first < len(density.counts) else 0)
        per = "per month" if density.unit == "month" else "per year"
        span = (f"{bucket_label(density.first, density.unit)} – "
                f"{bucket_label(density.first + len(density.counts) - 1, density.unit)}, {per}")
        label = f"{bucket_label(self.current, density.unit)}: {count:,} row{'s' * (count != 1)}"
        gap = max(2, width - len(label) - len(span))
        line = Text(f"{label}{' ' * gap}{span}", no_wrap=True, end="",
                    style=self.get_component_rich_style("density-strip--label", partial=True))
        return Text("\n").join([bars, line])

    def on_click(self, event: events.Click) -> None:
        density = self.density
        offset = event.get_content_offset(self)
        if density is None or offset is None or offset.y != 0:
            return
        cell, start = self._layout(self.size.width)
        index = start + offset.x // cell
        if 0 <= index < len(density.counts):
            self.post_message(self.PeriodClicked(density.first + index))
