"""A compositor that renders each widget only where it shows a changed cell."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise
from typing import cast

from textual._compositor import ChopsUpdate, Compositor, LayoutUpdate
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget


class RegionCompositor(Compositor):
    """Textual's compositor, but a partial update renders each widget for the changed cells
    it shows, not for the bounding box of every change on screen.

    When the focus moves to another pane, the changes are the footer line and two panes'
    border lines. Their bounding box is the whole screen, so Textual re-rendered and re-cut
    every line of every widget (~15 ms here); the list and reader inside the panes touch no
    changed cell and are now skipped.

    Full updates (the first frame, resizes) go the same way: widgets covered by others (the
    screen and the containers behind the panes) are not rendered at all.

    The cells written are the same: a cell is written when a changed region covers it, and
    the front-most widget at every such cell overlaps that region, so it is rendered for
    that line (tests compare the cells both compositors write; the bytes differ in where
    styled runs are split).
    """

    def render_full_update(self, simplify: bool = False) -> LayoutUpdate:
        """Every cell, each from the front-most widget there: widgets that are covered
        (the screen and containers behind the panes) are not rendered at all."""
        if simplify:  # screenshots: Textual's own, which joins and simplifies the lines
            return super().render_full_update(simplify=True)
        screen = self.size.region
        self._dirty_regions.clear()
        chops = self._changed_chops([screen])
        return LayoutUpdate([cast("list[Strip]", list(chop.values())) for chop in chops],
                            screen)

    def render_partial_update(self) -> ChopsUpdate | None:
        changed = list(self._dirty_regions)
        self._dirty_regions.clear()
        if not changed:
            return None
        spans = list(self._regions_to_spans(changed))
        chops = self._changed_chops(changed)
        return ChopsUpdate(chops, spans, [cut_set[1:] for cut_set in self.cuts])

    def _changed_chops(self, changed: list[Region]) -> list[dict[int, Strip | None]]:
        """Each line's pieces between cuts, from the front-most widget showing a changed cell
        there (None where no changed cell is)."""
        cuts = self.cuts
        chops: list[dict[int, Strip | None]] = [dict.fromkeys(cut_set[:-1]) for cut_set in cuts]
        for widget, (region, clip) in self.visible_widgets.items():  # front to back
            shown = region.intersection(clip)
            wanted = self._unfilled_pieces(chops, shown, changed)
            if not wanted:  # nothing changed under it, or widgets in front cover it
                continue
            box = Region.from_union([Region(shown.x, y, shown.width, 1) for y in wanted])
            for y, strip in zip(box.line_range, _lines(widget, region, shown, box),
                                strict=False):
                if pieces := wanted.get(y):
                    line = chops[y]
                    for start, end in pieces:  # a crop each: `divide` also made the pieces between
                        line[start] = strip.crop(start - shown.x, end - shown.x)
        return chops

    def _unfilled_pieces(self, chops: list[dict[int, Strip | None]], shown: Region,
                         changed: list[Region]) -> dict[int, list[tuple[int, int]]]:
        """Per line, the pieces (start, end) inside `shown` that a change covers and no
        widget in front has filled."""
        spans: dict[int, list[tuple[int, int]]] = {}
        for region in changed:
            if part := region.intersection(shown):
                for y in part.line_range:
                    spans.setdefault(y, []).append(part.column_span)
        first_cut, last_cut = shown.column_span
        wanted: dict[int, list[tuple[int, int]]] = {}
        for y, ranges in spans.items():
            line_cuts = [cut for cut in self.cuts[y] if last_cut >= cut >= first_cut]
            line = chops[y]
            pieces = [(start, end) for start, end in pairwise(line_cuts)
                      if line[start] is None
                      and any(start < right and end > left for left, right in ranges)]
            if pieces:
                wanted[y] = pieces
        return wanted


def _lines(widget: Widget, region: Region, shown: Region, box: Region) -> Iterable[Strip]:
    """The widget's lines `box` spans, each as wide as the part of it on screen."""
    return widget.render_lines(
        Region(shown.x - region.x, box.y - region.y, shown.width, box.height))
