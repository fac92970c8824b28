"""Which web browser `o` would start, and whether it needs the terminal.

`webbrowser` picks a browser from $BROWSER, the desktop's default, then console browsers
(lynx, w3m, links, www-browser) when only a terminal is there. A console browser runs in
the foreground and reads the keyboard: started beside a full-screen app, both would draw on
the same screen. The app therefore hands the terminal over (suspends) for those, starts
graphical ones in the background, and when there is none copies the link instead.
"""

from __future__ import annotations

import logging
import webbrowser
from dataclasses import dataclass
from enum import Enum

logger = logging.getLogger(__name__)


class BrowserKind(Enum):
    GRAPHICAL = "graphical"
    """Starts in its own window; `open` returns at once."""
    TERMINAL = "terminal"
    """Runs in this terminal until the user quits it."""


@dataclass(frozen=True)
class Browser:
    controller: webbrowser.BaseBrowser
    kind: BrowserKind

    @property
    def name(self) -> str:
        return str(getattr(self.controller, "name", "") or type(self.controller).__name__)

    def open(self, url: str) -> bool:
        """Open `url`; False if the browser could not be started or failed."""
        try:
            return bool(self.controller.open(url))
        except OSError:
            logger.exception("starting the browser %s for %s failed", self.name, url)
            return False


def kind_of(controller: webbrowser.BaseBrowser) -> BrowserKind:
    """A plain `GenericBrowser` waits for its process: a console browser, or a command
    named in $BROWSER that `webbrowser` does not know (taken for a console one: suspending
    the app for a window is harmless, drawing over it is not); so does a `UnixBrowser`
    that is not started in the background (elinks)."""
    if type(controller) is webbrowser.GenericBrowser:
        return BrowserKind.TERMINAL
    if getattr(controller, "background", True) is False and isinstance(
            controller, webbrowser.UnixBrowser):
        return BrowserKind.TERMINAL
    return BrowserKind.GRAPHICAL


def find_browser() -> Browser | None:
    """The browser `webbrowser.open` would use, or None when there is none."""
    try:
        controller = webbrowser.get()
    except webbrowser.Error:
        return None
    return Browser(controller, kind_of(controller))
