"""Help for the focused pane: its keys, then the keys that work everywhere."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static


@dataclass(frozen=True, slots=True)
class KeyHelp:
    keys: str
    description: str


PANE_NOTES = {
    "articles": "The library. ● unread, ★ starred, ✎ has notes; read articles are dimmed. "
    "e exports every annotated article to Markdown. "
    "/ filters titles as you type; escape clears the filter.",
    "reader": "The open article. It counts as read once you reach its end. "
    "v selects the first sentence in view; then j/k move the selection's end by a sentence "
    "and } / { by a paragraph (esc cancels); a mouse drag selects too. "
    "a annotates the selection (or the paragraph in view), y copies it with its source, "
    "e exports this article's notes; noted passages are shaded. "
    "/ finds in the article (\"3 of 17\"); n and N step through the matches.",
    "timeline": "The open article's dates, earliest first; enter jumps to the sentence, "
    "a writes a note on the event; ctrl+n shows the article's notes instead. "
    "Durations, repetitions and dates that could not be placed come last, dimmed.",
    "notes": "The open article's notes in text order: when, the quoted passage, the note. "
    "enter shows the passage in the reader, e edits, d deletes (after asking). "
    "⚠ marks a note whose passage is no longer in the article (kept, never dropped); "
    "◷ a note on a timeline event. ctrl+n goes back to the timeline.",
}

DERIVED_HELP = "counted from another date (\"two days later\")"


class HelpScreen(ModalScreen[None]):
    """Lists bindings as collected from the focused chain when help was asked for."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close help", id="help.close"),
        Binding("j", "scroll(1)", "Scroll down", show=False, id="help.down"),
        Binding("k", "scroll(-1)", "Scroll up", show=False, id="help.up"),
        Binding("g,home", "edge(0)", "Top", show=False, id="help.top"),
        Binding("G,end", "edge(1)", "Bottom", show=False, id="help.bottom"),
    ]

    def __init__(self, pane: str | None, pane_keys: list[KeyHelp],
                 global_keys: list[KeyHelp]) -> None:
        super().__init__()
        self.pane = pane
        self.pane_keys = pane_keys
        self.global_keys = global_keys

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = Content(f"Help · {(self.pane or 'tuireader').capitalize()}")
            body.border_subtitle = Content("escape to close")
            if self.pane in PANE_NOTES:
                yield Static(Text(PANE_NOTES[self.pane]), classes="help-note")
            if self.pane_keys:
                yield Static(Text("This pane", style="bold"), classes="help-heading")
                yield Static(self._table(self.pane_keys), classes="help-keys")
            yield Static(Text("Everywhere", style="bold"), classes="help-heading")
            yield Static(self._table(self.global_keys), classes="help-keys")
            if self.pane == "timeline":
                # Imported here: the timeline package is costly to import at start-up.
                from tuireader.timeline.labels import (
                    DERIVED_MARK,
                    RESOLUTION_HELP,
                    RESOLUTION_MARKS,
                )

                yield Static(Text("Markers", style="bold"), classes="help-heading")
                legend = [KeyHelp(RESOLUTION_MARKS[r], RESOLUTION_HELP[r])
                          for r in RESOLUTION_MARKS]
                legend.append(KeyHelp(DERIVED_MARK, DERIVED_HELP))
                yield Static(self._table(legend), classes="help-keys")

    def action_scroll(self, lines: int) -> None:
        # Immediate: held-down keys arrive faster than the screen refreshes, and a
        # deferred scroll would count each press from the same position.
        body = self.query_one("#help-body", VerticalScroll)
        body.scroll_relative(y=lines, animate=False, immediate=True)

    def action_edge(self, bottom: int) -> None:
        """g and G, as in every pane (the help of the timeline is longer than a short
        terminal)."""
        body = self.query_one("#help-body", VerticalScroll)
        body.scroll_to(y=body.max_scroll_y if bottom else 0, animate=False, immediate=True)

    @staticmethod
    def _table(rows: list[KeyHelp]) -> Text:
        """Two aligned columns (keys, what they do) as one plain Text."""
        width = max((len(row.keys) for row in rows), default=0) + 2
        text = Text(end="")
        for number, row in enumerate(rows):
            if number:
                text.append("\n")
            text.append(row.keys.ljust(width), style="bold")
            text.append(row.description)
        return text
