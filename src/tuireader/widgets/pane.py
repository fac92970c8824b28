"""A titled pane that is highlighted while the focus is inside it."""

from __future__ import annotations

from typing import ClassVar

from textual.color import Color
from textual.containers import Vertical
from textual.style import Style as VisualStyle
from textual.widget import Widget


class Pane(Vertical):
    """Toggles `-focused` on itself alone when the focus enters or leaves it.

    `:focus-within` would do the same, but Textual then restyles every widget inside both
    panes on each focus change, and a change of title colour repaints every widget inside
    the pane too. Here only the pane is restyled (`.pane.-focused` changes the border, which
    repaints the pane alone), and the focused title colours are component styles, read
    when the border is drawn.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"pane--focused-title", "pane--focused-subtitle"}

    def on_mount(self) -> None:
        self.watch(self.screen, "focused", self._focus_moved)

    def _focus_moved(self, focused: Widget | None) -> None:
        inside = focused is not None and (focused is self or self in focused.ancestors)
        if inside != self.has_class("-focused"):
            self.set_class(inside, "-focused", update=False)
            # Only this node: the `-focused` rules style the pane's border, nothing inside it.
            self.app.stylesheet.update_nodes([self], animate=True)

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
