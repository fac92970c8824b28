"""The tuireader App: screens, global keys, theme, and the reading-state database's lifetime."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import ActiveBinding, Binding, BindingType
from textual.dom import DOMNode
from textual.message import Message
from textual.screen import Screen
from textual.theme import Theme

from tuireader.screens.first_frame import after_first_frame
from tuireader.screens.main import MainScreen
from tuireader.screens.pacing import pacing
from tuireader.store.settings import peek_setting

if TYPE_CHECKING:
    from tuireader.screens.help import KeyHelp
    from tuireader.store import Database

THEME_SETTING = "ui.theme"
DATABASE_WAIT_SECONDS = 15.0
"""The longest anything waits for the database to open (its file lock gives up after 10 s)."""


@dataclass(slots=True)
class SavedState:
    """What the list shows from the database: loaded in the worker that opens it."""

    read: set[str] = field(default_factory=set)
    starred: set[str] = field(default_factory=set)
    noted: set[str] = field(default_factory=set)
    last_opened: str | None = None
    theme: str | None = None
    error: str | None = None


class DatabaseOpened(Message):
    """The opening worker is done: the database is open, or `error` says why it is not."""

    def __init__(self, error: str | None = None) -> None:
        super().__init__()
        self.error = error


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
        """The open database, set on the UI thread (None while opening and when it failed)."""
        self._export_dir = export_dir
        self._opened: Database | None = None
        self._saved_state = SavedState()
        self._database_settled = threading.Event()
        """Set once the opening worker has finished, whether it opened the database or not."""
        self._pending: list[tuple[str, dict[str, Any]]] = []
        """Reading-state changes made while the database was opening, in order."""
        self._theme_chosen = False
        self._opening_started = False

    def export_dir(self) -> Path:
        """Where `e` writes: as given (the CLI passes the config's `export_dir`), else the
        current directory."""
        return self._export_dir if self._export_dir is not None else Path.cwd()

    def get_default_screen(self) -> Screen[Any]:
        """The main screen from the start: pushed over Textual's default screen instead, the
        blank default screen was painted first (one more full frame before the list)."""
        saved_theme = peek_setting(self.data_dir, THEME_SETTING)  # before the first frame
        self._restore_theme(saved_theme if isinstance(saved_theme, str) else None)
        return MainScreen(self.paths, self.now)

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        # The list is painted from the library index; the database (TinyDB, filelock and the
        # reading state: ~25 ms of imports, more to load) opens once that frame is out.
        after_first_frame(self, self._start_opening_database)
        self.set_interval(pacing().flush, self._flush_soon)

    @property
    def database_opening(self) -> bool:
        """True until the database is open on the UI thread, or has failed to open."""
        return self.db is None and not (self._database_settled.is_set() and self._opened is None)

    def _start_opening_database(self) -> None:
        self._opening_started = True
        self.open_database()

    @work(thread=True, exclusive=True, group="database")
    def open_database(self) -> None:
        """Open the database and read what the list shows (off the UI thread)."""
        self._open_database()

    def _open_database(self) -> None:
        try:
            from tuireader.store import Database

            database = Database(self.data_dir, clock=self.now)
        except Exception as error:  # a locked or unwritable store must not stop reading
            self._database_settled.set()
            self.post_message(DatabaseOpened(f"Reading state will not be saved: {error}"))
            return
        self._saved_state = _read_saved_state(database)
        self._opened = database
        self._database_settled.set()
        self.post_message(DatabaseOpened())

    def wait_for_database(self) -> Database | None:
        """For worker threads: the database once it is open (None if it could not be)."""
        self._database_settled.wait(DATABASE_WAIT_SECONDS)
        return self._opened

    def update_reading(self, article_id: str, **fields: Any) -> None:
        """`db.reading.update`, kept in order until the database is open if it is opening
        (then written); dropped only when the database could not be opened at all."""
        if self.db is not None:
            self.db.reading.update(article_id, **fields)
        elif self.database_opening:
            self._pending.append((article_id, fields))

    def on_database_opened(self, message: DatabaseOpened) -> None:
        if message.error is not None:
            self.notify(message.error, title="Database", severity="error", timeout=10,
                        markup=False)
        self._adopt_database()

    def _adopt_database(self) -> None:
        """Use the database opened by the worker: write the changes made meanwhile, then show
        its state. Runs once, on the UI thread (or in `on_unmount` if quitting came first)."""
        database = self._opened
        if database is None or self.db is not None:
            return
        self.db = database
        state = self._saved_state
        pending, self._pending = self._pending, []
        for article_id, fields in pending:
            database.reading.update(article_id, **fields)
            if "read" in fields:
                (state.read.add if fields["read"] else state.read.discard)(article_id)
            if "starred" in fields:
                (state.starred.add if fields["starred"] else state.starred.discard)(article_id)
        if not self.is_running:
            return
        if database.recovery_message:
            self.notify(database.recovery_message, title="Database", severity="warning",
                        timeout=10, markup=False)
        if state.error is not None:
            self.notify(state.error, title="Database", severity="error", timeout=10,
                        markup=False)
        self._restore_theme(state.theme)
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                screen.reading_state_loaded(state.read, state.starred, state.noted,
                                            state.last_opened)

    def _restore_theme(self, theme: str | None) -> None:
        """The theme picked last time (command palette: "Change theme") comes back, unless
        one was picked in this session before the database opened."""
        if self._theme_chosen or theme is None or theme == self.theme:
            return
        if theme in self.available_themes:
            self.theme = theme

    def _theme_changed(self, theme: Theme) -> None:
        if self.db is None:
            self._theme_chosen = True
        if theme.name != self._saved_state.theme:
            self._saved_state.theme = theme.name
            self.save_theme(theme.name)

    @work(thread=True, exclusive=True, group="theme")
    def save_theme(self, name: str) -> None:
        """Settings are written to disk at once: never on the UI thread."""
        db = self.wait_for_database()
        if db is None:
            return
        try:
            db.settings.set(THEME_SETTING, name)
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
        if self.db is None and self.database_opening:
            # Quitting right after the start: changes made already are saved all the same.
            if self._opening_started:
                self._database_settled.wait(DATABASE_WAIT_SECONDS)
            elif self._pending:
                self._open_database()  # the app ends before its first frame was out
            self._adopt_database()
        if self.db is not None:
            try:
                self.db.close()
            finally:
                self.db = None

    def action_help(self) -> None:
        from tuireader.screens.help import HelpScreen  # not needed for the first paint

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
        from tuireader.screens.help import KeyHelp

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


def _read_saved_state(database: Database) -> SavedState:
    """Read and starred articles, those with notes, the last one open, and the theme."""
    state = SavedState()
    try:
        state.read = database.reading.read_ids()
        state.starred = database.reading.starred_ids()
        last = database.reading.last_opened()
        state.last_opened = last.article_id if last is not None else None
        state.noted = database.notes.article_ids_with_notes()
    except Exception as error:  # shown as unread, and said so; changes are still saved
        state.error = f"Could not read the reading state: {error}"
    try:
        theme = database.settings.get(THEME_SETTING)
    except Exception:  # a bad setting must never stop the app
        theme = None
    state.theme = theme if isinstance(theme, str) else None
    return state
