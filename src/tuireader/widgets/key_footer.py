"""The key footer: Textual's Footer, rebuilt only when the keys it shows change."""

from __future__ import annotations

from collections.abc import Hashable

from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    """Textual rebuilds the footer (and lays out the whole screen) twice per focus change;
    this one rebuilds once, and not at all when the shown keys are the same.
    """

    def __init__(self) -> None:
        super().__init__()
        self._shown: Hashable = None
        self._pending = False

    def _signature(self) -> Hashable:
        """Everything `Footer.compose` draws, so an equal signature means an equal footer."""
        screen = self.screen
        app = self.app
        palette = app.COMMAND_PALETTE_BINDING if (
            self.show_command_palette and app.ENABLE_COMMAND_PALETTE) else None
        return (self.compact, palette, tuple(
            (binding.key, app.get_key_display(binding), binding.description, binding.action,
             enabled, tooltip, binding.group)
            for key, (_, binding, enabled, tooltip) in screen.active_bindings.items()
            if binding.show or key == palette
        ))

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or self._pending:
            return
        if self.is_attached and screen is self.screen:
            self._pending = True
            self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        self._pending = False
        if not self.is_attached:
            return
        signature = self._signature()
        if signature != self._shown:
            self._shown = signature
            await self.recompose()
