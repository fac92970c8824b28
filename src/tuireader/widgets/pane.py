"""A titled pane that is highlighted while the focus is inside it."""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, ClassVar, Self

from textual.containers import Vertical
from textual.geometry import Region
from textual.theme import Theme
from textual.widget import Widget

from tuireader import textual_internals

if TYPE_CHECKING:
    from textual.css.styles import RenderStyles


class _BorderLabel:
    """Textual's `border_title`/`border_subtitle`, but a new text repaints the pane's border
    lines only: Textual repaints the whole pane with every widget inside it."""

    def __init__(self, name: str) -> None:
        self._textual = inspect.getattr_static(Vertical, name)

    def __set__(self, pane: Pane, text: object) -> None:
        with pane.repainting_border():
            self._textual.__set__(pane, text)

    def __get__(self, pane: Pane | None, owner: type[Pane] | None = None) -> object:
        if pane is None:
            return self
        return self._textual.__get__(pane, owner)


class Pane(Vertical, textual_internals.FocusedLabels):
    """Draws its border and titles in the focused colours (component styles
    `pane--focused-border`, `-title` and `-subtitle`) while the focus is inside it.

    `:focus-within`, or a class toggled on the pane, would do the same, but Textual then
    restyles every widget inside the pane (their scrollbars repaint), and a change of title
    colour in the CSS repaints every widget inside it. Here the pane sets its border inline
    and has its titles drawn in the focused colours (`FocusedLabels`), and repaints its border
    lines alone.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "pane--focused-border", "pane--focused-title", "pane--focused-subtitle"}

    border_title = _BorderLabel("border_title")  # type: ignore[assignment]
    border_subtitle = _BorderLabel("border_subtitle")  # type: ignore[assignment]

    highlighted = False
    """The focus is inside: the border and titles are in the focused colours."""
    _border_only = False

    def on_mount(self) -> None:
        self.watch(self.screen, "focused", self._focus_moved)
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)

    def _focus_moved(self, focused: Widget | None) -> None:
        inside = focused is not None and (focused is self or self in focused.ancestors)
        if inside != self.highlighted:
            self.highlighted = inside
            self._draw_highlight()

    def _theme_changed(self, _theme: Theme) -> None:
        if self.highlighted:  # the inline colours are the old theme's
            self._draw_highlight()

    def label_styles(self, title: bool) -> RenderStyles | None:
        if not self.highlighted:
            return None
        return self.get_component_styles("pane--focused-title" if title
                                         else "pane--focused-subtitle")

    def _draw_highlight(self) -> None:
        """Inline styles, so nothing is restyled; clearing them brings the stylesheet's back."""
        styles = self.styles
        with self.repainting_border():
            styles.border = (self.get_component_styles("pane--focused-border").border
                             if self.highlighted else None)
            if not textual_internals.enabled(textual_internals.LABELS):
                # Public Textual: a title colour repaints every widget inside the pane.
                title, subtitle = self.label_styles(title=True), self.label_styles(title=False)
                styles.border_title_color = None if title is None else title.color
                styles.border_title_style = None if title is None else title.text_style
                styles.border_subtitle_color = None if subtitle is None else subtitle.color
                styles.border_subtitle_style = None if subtitle is None else subtitle.text_style

    @contextmanager
    def repainting_border(self) -> Iterator[None]:
        """While inside, a repaint of the whole pane repaints its border lines only."""
        self._border_only = True
        try:
            yield
        finally:
            self._border_only = False

    def refresh(self, *regions: Region, repaint: bool = True, layout: bool = False,
                recompose: bool = False) -> Self:
        if self._border_only and not (regions or layout or recompose):
            regions = self._border_regions()
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def _border_regions(self) -> tuple[Region, ...]:
        """The four border lines, relative to the content area (as `refresh` takes them)."""
        width, height = self.outer_size
        x, y = -self.content_offset
        return (Region(x, y, width, 1), Region(x, y + height - 1, width, 1),
                Region(x, y, 1, height), Region(x + width - 1, y, 1, height))
