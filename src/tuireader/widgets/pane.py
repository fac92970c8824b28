"""A titled pane that is highlighted while the focus is inside it."""

from __future__ import annotations

from typing import ClassVar, Self

from textual.color import Color
from textual.containers import Vertical
from textual.geometry import Region
from textual.style import Style as VisualStyle
from textual.widget import Widget


class _BorderLabel:
    """Textual's `border_title`/`border_subtitle`, but a new text repaints the pane's border
    lines only: Textual repaints the whole pane with every widget inside it."""

    def __init__(self, name: str) -> None:
        self._textual = Widget.__dict__[name]

    def __set__(self, pane: Pane, text: object) -> None:
        pane._restyling_border = True
        try:
            self._textual.__set__(pane, text)
        finally:
            pane._restyling_border = False

    def __get__(self, pane: Pane | None, owner: type[Pane] | None = None) -> object:
        if pane is None:
            return self
        return self._textual.__get__(pane, owner)


class Pane(Vertical):
    """Toggles `-focused` on itself alone when the focus enters or leaves it.

    `:focus-within` would do the same, but Textual then restyles every widget inside both
    panes on each focus change, and a change of title colour repaints every widget inside
    the pane too. Here only the pane is restyled (`.pane.-focused` changes the border, which
    repaints the pane alone), and the focused title colours are component styles, read
    when the border is drawn.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"pane--focused-title", "pane--focused-subtitle"}

    border_title = _BorderLabel("border_title")  # type: ignore[assignment]
    border_subtitle = _BorderLabel("border_subtitle")  # type: ignore[assignment]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._restyling_border = False

    def on_mount(self) -> None:
        self.watch(self.screen, "focused", self._focus_moved)

    def _focus_moved(self, focused: Widget | None) -> None:
        inside = focused is not None and (focused is self or self in focused.ancestors)
        if inside != self.has_class("-focused"):
            self.set_class(inside, "-focused", update=False)
            # Only this node: the `-focused` rules style the pane's border, nothing inside it.
            self._restyling_border = True
            try:
                self.app.stylesheet.update_nodes([self], animate=True)
            finally:
                self._restyling_border = False

    def refresh(self, *regions: Region, repaint: bool = True, layout: bool = False,
                recompose: bool = False) -> Self:
        if self._restyling_border and not (regions or layout or recompose):
            # The border changed colour or text: repaint (and send to the terminal) its cells
            # only.
            regions = self._border_regions()
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def _border_regions(self) -> tuple[Region, ...]:
        """The four border lines, relative to the content area (as `refresh` takes them)."""
        width, height = self.outer_size
        x, y = -self.content_offset
        return (Region(x, y, width, 1), Region(x, y + height - 1, width, 1),
                Region(x, y, 1, height), Region(x + width - 1, y, 1, height))

    def _get_title_style_information(self, background: Color
                                     ) -> tuple[Color, Color, VisualStyle]:
        return self._focused_label(super()._get_title_style_information(background),
                                   "pane--focused-title")

    def _get_subtitle_style_information(self, background: Color
                                        ) -> tuple[Color, Color, VisualStyle]:
        return self._focused_label(super()._get_subtitle_style_information(background),
                                   "pane--focused-subtitle")

    def _focused_label(self, label: tuple[Color, Color, VisualStyle], component: str
                       ) -> tuple[Color, Color, VisualStyle]:
        """Textual's title colours, or the focused ones while the focus is inside."""
        if not self.has_class("-focused"):
            return label
        _color, label_background, style = label
        styles = self.get_component_styles(component)
        return (styles.color, label_background,
                style + VisualStyle.from_rich_style(styles.text_style))
