"""Every use of Textual's private API, in one place, each checked when this module is imported.

Each one is here because a benchmark showed that a target of issue #5 fails without it
(bench/README.md, "Private Textual API"). When the installed Textual no longer has what one
of them needs, in the shape it needs, that one is turned off (with a warning in the log) and
the app does what public Textual does: slower, never broken.

`TUIREADER_PUBLIC_TEXTUAL=1` turns them all off; a comma-separated list of names (`compositor`,
`quiet-focus`, `screen-focus`, `labels`) turns off those only (for the benchmarks'
`--compare`).
"""

from __future__ import annotations

import inspect
import logging
import os
from collections.abc import Callable, Iterable
from itertools import pairwise
from typing import TYPE_CHECKING, Any, cast

from textual import events
from textual.color import Color
from textual.dom import DOMNode
from textual.geometry import Region
from textual.reactive import Reactive
from textual.screen import Screen
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.css.styles import RenderStyles

logger = logging.getLogger(__name__)

try:
    from textual._compositor import ChopsUpdate, Compositor, LayoutUpdate
except ImportError:  # the check below turns the compositor off
    logger.warning("textual._compositor is gone: using Textual's compositor", exc_info=True)
    Compositor = object  # type: ignore[misc,assignment]

FALLBACK_ENV = "TUIREADER_PUBLIC_TEXTUAL"

COMPOSITOR = "compositor"
"""`RegionCompositor` draws a partial update widget by widget (a subclass of Textual's)."""
QUIET_FOCUS = "quiet-focus"
"""`focus_quietly`/`blur_quietly` stand in for `Widget._on_focus`/`_on_blur`, without their
repaint of the whole widget."""
SCREEN_FOCUS = "screen-focus"
"""`focused_without_repaint`: `Screen.focused`, but a focus change does not repaint the
whole screen."""
LABELS = "labels"
"""`FocusedLabels` draws border titles in other colours without a restyle (it overrides
`_get_title_style_information`/`_get_subtitle_style_information`)."""

NAMES = (COMPOSITOR, QUIET_FOCUS, SCREEN_FOCUS, LABELS)


def forced_off(value: str | None) -> frozenset[str]:
    """The uses `TUIREADER_PUBLIC_TEXTUAL=value` turns off: all for "1", else those named."""
    names = {part.strip() for part in (value or "").split(",") if part.strip()}
    return frozenset(NAMES) if names & {"1", "all"} else frozenset(names)


def _compositor_problem() -> str | None:
    if Compositor is object:
        return "textual._compositor is gone"
    for name in ("render_full_update", "render_partial_update", "_regions_to_spans", "cuts",
                 "visible_widgets"):
        if not hasattr(Compositor, name):
            return f"Compositor.{name} is gone"
    attributes = vars(Compositor())
    if not isinstance(attributes.get("_dirty_regions"), set) or "size" not in attributes:
        return "a Compositor keeps no _dirty_regions set or size"
    shapes: list[tuple[Callable[..., object], list[str]]] = [
        (ChopsUpdate, ["chops", "spans", "chop_ends"]), (LayoutUpdate, ["strips", "region"]),
        (Compositor.render_full_update, ["self", "simplify"])]
    for function, wanted in shapes:
        if list(inspect.signature(function).parameters) != wanted:
            return f"{function.__qualname__} takes other arguments"
    if "_compositor" not in Screen.__init__.__code__.co_names:
        return "Screen keeps its compositor elsewhere"
    return None


def _quiet_focus_problem() -> str | None:
    # The replacements do what Textual's handlers do bar the repaint: only while that is all.
    for name, message in (("_on_focus", "DescendantFocus"), ("_on_blur", "DescendantBlur")):
        code = getattr(getattr(Widget, name, None), "__code__", None)
        if code is None:
            return f"Widget.{name} is gone"
        if set(code.co_names) != {"has_focus", "refresh", "parent", "post_message", "events",
                                  message}:
            return f"Widget.{name} does more than set has_focus, repaint and post {message}"
    return None


def _screen_focus_problem() -> str | None:
    if not isinstance(inspect.getattr_static(Screen, "focused", None), Reactive):
        return "Screen.focused is not a Reactive"
    if "repaint" not in inspect.signature(Reactive).parameters:
        return "Reactive takes no repaint argument"
    return None


def _labels_problem() -> str | None:
    for name in ("_get_title_style_information", "_get_subtitle_style_information"):
        method = getattr(DOMNode, name, None)
        if method is None:
            return f"DOMNode.{name} is gone"
        signature = inspect.signature(method)
        if (list(signature.parameters) != ["self", "background"]
                or signature.return_annotation != "tuple[Color, Color, VisualStyle]"):
            return f"DOMNode.{name} has another signature"
    try:
        from textual._styles_cache import StylesCache
    except ImportError:
        logger.warning("textual._styles_cache is gone", exc_info=True)
        return "textual._styles_cache is gone"
    drawing = set(StylesCache.render_widget.__code__.co_names)
    if not {"_get_title_style_information", "_get_subtitle_style_information"} <= drawing:
        return "Textual no longer draws border labels through them"
    return None


CHECKS: dict[str, Callable[[], str | None]] = {
    COMPOSITOR: _compositor_problem,
    QUIET_FOCUS: _quiet_focus_problem,
    SCREEN_FOCUS: _screen_focus_problem,
    LABELS: _labels_problem,
}


def check(off: frozenset[str] = frozenset()) -> dict[str, bool]:
    """Which uses are on: those not in `off` whose check passes (each failure is logged)."""
    enabled: dict[str, bool] = {}
    for name, problem_of in CHECKS.items():
        problem = None if name in off else problem_of()
        if problem is not None:
            logger.warning("Textual %s: %s; using public Textual instead", name, problem)
        enabled[name] = name not in off and problem is None
    return enabled


ENABLED = check(forced_off(os.environ.get(FALLBACK_ENV)))


def enabled(name: str) -> bool:
    return ENABLED[name]


# --- screen-focus ---------------------------------------------------------------------------

def focused_without_repaint() -> Reactive[Widget | None]:
    """For a Screen subclass's `focused` (only while `enabled(SCREEN_FOCUS)`): a focus change
    does not repaint the whole screen; the widgets that gain and lose focus and what shows
    the focus repaint themselves."""
    return Reactive(None, repaint=False)


# --- quiet-focus ----------------------------------------------------------------------------

def focus_quietly(widget: Widget, event: events.Focus) -> None:
    """From `on_focus`: what Textual's `Widget._on_focus` does, without repainting the whole
    widget (the widget repaints what shows the focus). In the fallback, nothing: Textual's
    handler runs."""
    if ENABLED[QUIET_FOCUS]:
        event.prevent_default()
        widget.has_focus = True
        if widget.parent is not None:
            widget.parent.post_message(events.DescendantFocus(widget))


def blur_quietly(widget: Widget, event: events.Blur) -> None:
    """From `on_blur`: `focus_quietly`'s counterpart."""
    if ENABLED[QUIET_FOCUS]:
        event.prevent_default()
        widget.has_focus = False
        if widget.parent is not None:
            widget.parent.post_message(events.DescendantBlur(widget))


# --- labels ---------------------------------------------------------------------------------

class FocusedLabels(Widget):
    """A widget that can draw its border title and subtitle in other colours than its CSS
    says without a restyle: they are read when the border is drawn (`label_styles`).

    In the fallback nothing is overridden: the subclass sets inline styles instead (a change
    of title colour then repaints every widget inside this one).
    """

    def label_styles(self, title: bool) -> RenderStyles | None:
        """Styles whose `color` and `text_style` the title (or subtitle) is drawn with
        instead of the CSS ones; None for the CSS ones."""
        return None

    if ENABLED[LABELS]:
        def _get_title_style_information(self, background: Color
                                         ) -> tuple[Color, Color, VisualStyle]:
            return _restyled(super()._get_title_style_information(background),
                             self.label_styles(title=True))

        def _get_subtitle_style_information(self, background: Color
                                            ) -> tuple[Color, Color, VisualStyle]:
            return _restyled(super()._get_subtitle_style_information(background),
                             self.label_styles(title=False))


def _restyled(label: tuple[Color, Color, VisualStyle], styles: RenderStyles | None
              ) -> tuple[Color, Color, VisualStyle]:
    if styles is None:
        return label
    _color, background, style = label
    return styles.color, background, style + VisualStyle.from_rich_style(styles.text_style)


# --- compositor -----------------------------------------------------------------------------

def use_region_compositor(screen: Screen[Any]) -> None:
    """Give `screen` a `RegionCompositor` (in the fallback it keeps Textual's)."""
    if ENABLED[COMPOSITOR]:
        screen._compositor = RegionCompositor()


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
