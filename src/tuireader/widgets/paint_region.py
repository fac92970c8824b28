"""The content region of a line-API widget, computed once per repaint."""

from __future__ import annotations

from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget


class PaintRegion(Widget):
    """Textual computes `scrollable_content_region` anew on each access (~50 µs); a widget
    that reads it in `render_line` paid that per line, most of a repaint of cached lines.
    While `render_lines` runs, `paint_region` hands out the one computed at its start."""

    _painting_region: Region | None = None

    @property
    def paint_region(self) -> Region:
        """`scrollable_content_region` (not Textual's `content_region`, which the widget's
        size and mouse offsets depend on: that one keeps its meaning)."""
        region = self._painting_region
        return self.scrollable_content_region if region is None else region

    def render_lines(self, crop: Region) -> list[Strip]:
        self._painting_region = self.scrollable_content_region
        try:
            return super().render_lines(crop)
        finally:
            self._painting_region = None
