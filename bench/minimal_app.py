"""Baseline: a bare three-pane Textual app (three bordered Statics with titles and a Footer).

It prints nothing; the benchmarks wait for its three titles. With `--toggle-key`, `j` flips a
label, which gives the key-to-repaint floor of Textual in this terminal; `tab` moves focus
between the panes (their border colour changes), the floor for switching panes.
"""

from __future__ import annotations

import argparse
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Footer, Static

CSS = """
Horizontal { height: 1fr; }
Static { border: round $foreground 25%; height: 1fr; }
Static:focus { border: round $accent; }
#articles { width: 1fr; }
#reader { width: 2fr; }
#timeline { width: 1fr; }
"""


class MinimalApp(App[None]):
    CSS = CSS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "toggle", "Toggle"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self, toggle_key: bool) -> None:
        super().__init__()
        self.toggle_key = toggle_key
        self.flipped = False

    def compose(self) -> ComposeResult:
        with Horizontal():
            for name, title in (("articles", "Articles"), ("reader", "Reader"),
                                ("timeline", "Timeline")):
                pane = Static("", id=name)
                pane.can_focus = True
                pane.border_title = title
                yield pane
        yield Footer()

    def action_toggle(self) -> None:
        if not self.toggle_key:
            return
        self.flipped = not self.flipped
        self.query_one("#articles", Static).update("toggled" if self.flipped else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--toggle-key", action="store_true",
                        help="make `j` change the first pane's text (key-repaint baseline)")
    MinimalApp(parser.parse_args().toggle_key).run()


if __name__ == "__main__":
    main()
