"""A compositor whose partial updates render only the lines each change touches."""

from __future__ import annotations

from collections.abc import Iterable

from textual._compositor import ChopsUpdate, Compositor
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

    The output is the same: a cell is written when a changed region covers it, and the
    front-most widget at every such cell overlaps that region, so it is rendered for that
    line (tests compare both compositors' updates byte for byte).
    """

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
        there (None where no widget was rendered)."""
        cuts = self.cuts
        chops: list[dict[int, Strip | None]] = [dict.fromkeys(cut_set[:-1]) for cut_set in cuts]
        for widget, (region, clip) in self.visible_widgets.items():  # front to back
            shown = region.intersection(clip)
            touched = [part.intersection(shown) for part in changed if part.overlaps(shown)]
            if not touched:
                continue
            rows = {y for part in touched for y in part.line_range}
            box = Region.from_union(touched)
            first_cut, last_cut = shown.column_span
            for y, strip in zip(box.line_range, _lines(widget, region, shown, box), strict=False):
                if y not in rows:
                    continue
                line = chops[y]
                line_cuts = [cut for cut in cuts[y] if last_cut >= cut >= first_cut]
                pieces = strip.divide([cut - shown.x for cut in line_cuts[1:]])
                for cut, piece in zip(line_cuts, pieces, strict=False):
                    if line.get(cut) is None:
                        line[cut] = piece
        return chops


def _lines(widget: Widget, region: Region, shown: Region, box: Region) -> Iterable[Strip]:
    """The widget's lines `box` spans, each as wide as the part of it on screen."""
    return widget.render_lines(
        Region(shown.x - region.x, box.y - region.y, shown.width, box.height))
