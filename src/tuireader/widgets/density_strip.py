"""A strip of block characters: how many timeline rows each month (or year) holds, two lines
tall, an axis of years and months under it, the cursor's period highlighted; a click asks to
jump to a period."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.message import Message
from textual.widget import Widget

from tuireader.widgets.axis_labels import AxisLabel, place_labels

if TYPE_CHECKING:
    from tuireader.timeline.library import Density

BLOCKS = "▁▂▃▄▅▆▇█"
LEVELS = 2 * len(BLOCKS)
"""Heights a bar can take over its two lines."""
MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
               "Dec")
MONTH_LABEL_CELLS = 4
"""Cells a month needs for its name under it ("Feb" and a space)."""
MONTH_YEAR_CELLS = 9
"""Cells a month needs for "Jan 2019" under it."""
BAR_LINES = 2
GAP_FROM = 3
"""Bars of this many cells or more are a cell narrower: a gap tells one period from the next."""


def level(count: int, most: int) -> int:
    """A bar's height in eighths of a line, 0 to `LEVELS` (any count above zero shows)."""
    if count <= 0 or most <= 0:
        return 0
    return max(1, -(-count * LEVELS // most))


def bar(count: int, most: int, line: int) -> str:
    """The block of a bar on `line` (0: the upper line, 1: the lower)."""
    height = level(count, most) - (BAR_LINES - 1 - line) * len(BLOCKS)
    if height <= 0:
        return " "
    return BLOCKS[min(height, len(BLOCKS)) - 1]


def strip_layout(count: int, here: int, width: int) -> tuple[int, int]:
    """(cells per period, the first period index shown) for `count` periods in `width`
    cells, period `here` in view: few periods get wide bars."""
    cell = max(1, width // max(count, 1))
    shown = max(1, width // cell)
    if count <= shown:
        return cell, 0
    return cell, max(0, min(here - shown // 2, count - shown))


def axis_line(density: Density, shown: range, cell: int, width: int) -> str:
    """Years (and months when there is room) under the bars they name: `shown` are the
    indexes of the periods drawn, `cell` cells each."""
    labels: list[AxisLabel] = []
    for index in shown:
        labels += _labels(density, density.first + index, cell, (index - shown.start) * cell,
                          index == shown.start)
    return place_labels(labels, width)


def _labels(density: Density, bucket: int, cell: int, x: int,
            leftmost: bool) -> list[AxisLabel]:
    """What the axis may say at cell `x` about a period, lower ranks placed first: years
    (round ones first), the first period shown, then month names."""
    if density.unit == "year":
        rank = 0 if leftmost or bucket % 10 == 0 else 1 if bucket % 5 == 0 else 2
        return [AxisLabel(x, str(bucket), rank)]
    year, month = divmod(bucket, 12)
    name = MONTH_NAMES[month]
    if month == 0:
        return [AxisLabel(x, f"{name} {year}" if cell >= MONTH_YEAR_CELLS else str(year), 0)]
    if leftmost:  # the year of the months before the first January shown
        return [AxisLabel(x, f"{name} {year}", 1), AxisLabel(x, str(year), 2)]
    return [AxisLabel(x, name, 3)] if cell >= MONTH_LABEL_CELLS else []


class DensityStrip(Widget):
    """Four lines: the bars (scrolled to keep the current period in view), the axis, then
    what the current period is and the span."""

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
        assert self.density is not None
        return strip_layout(len(self.density.counts), self.current - self.density.first, width)

    def render(self) -> Text:
        density = self.density
        if density is None or not density.counts:
            return Text("")
        width = self.size.width
        cell, start = self._layout(width)
        shown = range(start, min(len(density.counts), start + width // cell))
        label_style = self.get_component_rich_style("density-strip--label", partial=True)
        lines = [self._bars(line, shown, cell) for line in range(BAR_LINES)]
        lines.append(Text(axis_line(density, shown, cell, width), style=label_style,
                          no_wrap=True, end=""))
        lines.append(self._summary(width, label_style))
        return Text("\n").join(lines)

    def _bars(self, line: int, shown: range, cell: int) -> Text:
        assert self.density is not None
        counts = self.density.counts
        most = max(counts)
        here = self.current - self.density.first
        current = self.get_component_rich_style("density-strip--current", partial=True)
        wide = cell - (cell >= GAP_FROM)
        gap = " " * (cell - wide)
        bars = Text(no_wrap=True, end="")
        for index in shown:
            block = bar(counts[index], most, line)
            if index == here:
                empty = block == " " and line == BAR_LINES - 1
                bars.append(("▁" if empty else block) * wide + gap, current)
            else:
                bars.append(block * wide + gap)
        return bars

    def _summary(self, width: int, style: Style) -> Text:
        from tuireader.timeline.library import bucket_label

        density = self.density
        assert density is not None
        index = self.current - density.first
        count = density.counts[index] if 0 <= index < len(density.counts) else 0
        per = "per month" if density.unit == "month" else "per year"
        span = (f"{bucket_label(density.first, density.unit)} – "
                f"{bucket_label(density.first + len(density.counts) - 1, density.unit)}, {per}")
        label = f"{bucket_label(self.current, density.unit)}: {count:,} row{'s' * (count != 1)}"
        gap = max(2, width - len(label) - len(span))
        return Text(f"{label}{' ' * gap}{span}", no_wrap=True, end="", style=style)

    def on_click(self, event: events.Click) -> None:
        density = self.density
        offset = event.get_content_offset(self)
        if density is None or offset is None or offset.y > BAR_LINES:
            return
        cell, start = self._layout(self.size.width)
        index = start + offset.x // cell
        if 0 <= index < len(density.counts):
            self.post_message(self.PeriodClicked(density.first + index))
