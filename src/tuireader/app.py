"""The tuireader App: screens, global keys, theme, and the reading-state database's lifetime."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import ActiveBinding, Binding, BindingType
from textual.dom import DOMNode
from textual.screen import Screen
from textual.theme import Theme

from tuireader.screens.help import HelpScreen, KeyHelp
from tuireader.screens.main import MainScreen
from tuireader.store import Database

THEME_SETTING = "ui.theme"
FLUSH_SECONDS = 3.0
"""How often reading-state changes reach the disk (and always on exit)."""


def _local_now() -> datetime:
    return datetime.now().astimezone()


class TuiReaderApp(App[None]):
    """A reader for a library of news articles, with a timeline of each article's dates."""

    CSS_PATH = ["app.tcss", "notes.tcss"]  # noqa: RUF012
    TITLE = "tuireader"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark,f1", "help", "Help", id="app.help"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="app.quit"),
    ]

    def __init__(self, paths: list[Path], data_dir: Path, *,
                 now: Callable[[], datetime] | None = None,
                 export_dir: Path | None = None) -> None:
        super().__init__()
        self.paths = list(paths)
        self.data_dir = Path(data_dir)
        self.now = now or _local_now
        self.db: Database | None = None
        self._export_dir = export_dir

    def export_dir(self) -> Path:
        """Where `e` writes: as given (the CLI passes the config's `export_dir`), else the
        current directory."""
        return self._export_dir if self._export_dir is not None else Path.cwd()

    def on_mount(self) -> None:
        self._open_database()
        self._restore_theme()
        self.push_screen(MainScreen(self.paths, self.now))
        self.set_interval(FLUSH_SECONDS, self._flush_soon)

    def _open_database(self) -> None:
        try:
            self.db = Database(self.data_dir, clock=self.now)
        except Exception as error:  # a locked or unwritable store must not stop reading
            self.notify(f"Reading state will not be saved: {error}", title="Database",
                        severity="error", timeout=10, markup=False)
            return
        if self.db.recovery_message:
            self.notify(self.db.recovery_message, title="Database", severity="warning",
                        timeout=10, markup=False)

    def _restore_theme(self) -> None:
        """The theme picked last time (command palette: "Change theme") comes back."""
        if self.db is not None:
            try:
                theme = self.db.settings.get(THEME_SETTING)
            except Exception:  # a bad setting must never stop the app
                theme = None
            if isinstance(theme, str) and theme in self.available_themes:
                self.theme = theme
        self.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, theme: Theme) -> None:
        self.save_theme(theme.name)

    @work(thread=True, exclusive=True, group="theme")
    def save_theme(self, name: str) -> None:
        """Settings are written to disk at once: never on the UI thread."""
        if self.db is None:
            return
        try:
            self.db.settings.set(THEME_SETTING, name)
        except Exception as error:
            self.call_from_thread(self.notify, f"Could not save the theme: {error}",
                                  title="Database", severity="warning", markup=False)

    def _flush_soon(self) -> None:
        if self.db is not None and self.db.reading.pending:
            self.flush_reading_state()

    @work(thread=True, exclusive=True, group="flush")
    def flush_reading_state(self) -> None:
        """Disk writes happen here, never on a keypress."""
        if self.db is None:
            return
        try:
            self.db.reading.flush()
        except Exception as error:
            self.call_from_thread(self.notify, f"Could not save reading state: {error}",
                                  title="Database", severity="error", markup=False)

    def on_unmount(self) -> None:
        if self.db is not None:
            try:
                self.db.close()
            finally:
                self.db = None

    def action_help(self) -> None:
        screen = self.screen
        if isinstance(screen, HelpScreen):
            return
        pane = screen.help_topic() if isinstance(screen, MainScreen) else None
        pane_keys, global_keys = self.describe_bindings(screen)
        self.push_screen(HelpScreen(pane, pane_keys, global_keys))

    def _grouped(self, screen: Screen[object]) -> list[tuple[DOMNode, Binding, list[str]]]:
        """Active bindings grouped per (node, action), with every key that triggers each."""
        groups: dict[tuple[int, str], tuple[DOMNode, Binding, list[str]]] = {}
        active: Iterable[ActiveBinding] = screen.active_bindings.values()
        for node, binding, _enabled, _tooltip in active:
            if not binding.description or not binding.id:
                continue  # Textual's own extras (copy, etc.) carry no id: ours all do
            key = (id(node), binding.action)
            display = self.get_key_display(binding)
            if key in groups:
                if display not in groups[key][2]:
                    groups[key][2].append(display)
            else:
                groups[key] = (node, binding, [display])
        return list(groups.values())

    def describe_bindings(self, screen: Screen[object]) -> tuple[list[KeyHelp], list[KeyHelp]]:
        """(keys of the focused pane, keys that work everywhere) for the help screen."""
        pane_keys: list[KeyHelp] = []
        global_keys: list[KeyHelp] = []
        for node, binding, keys in self._grouped(screen):
            row = KeyHelp(" ".join(keys), binding.description)
            (global_keys if node is screen or node is self else pane_keys).append(row)
        global_keys.append(KeyHelp(self.get_key_display(Binding("ctrl+p", "")),
                                   "Command palette"))
        return pane_keys, global_keys

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for node, binding, keys in self._grouped(screen):
            yield SystemCommand(binding.description, f"Key: {' '.join(keys)}",
                                partial(self.run_action, binding.action, node))
