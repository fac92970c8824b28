"""The tuireader App: screens, global keys, theme, and the reading-state database's lifetime."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import ActiveBinding, Binding, BindingType, Keymap
from textual.dom import DOMNode
from textual.message import Message
from textual.screen import Screen
from textual.theme import Theme
from textual.worker import Worker

from tuireader.config import Config, ConfigError, load_config
from tuireader.log_file import current_log_file
from tuireader.screens.early_keys import EarlyKeys, ListReady
from tuireader.screens.first_frame import after_first_frame
from tuireader.screens.key_routing import KeyScreens
from tuireader.screens.list_view_screen import LIST_VIEW_SETTING
from tuireader.screens.main import MainScreen
from tuireader.screens.pacing import pacing
from tuireader.screens.worker_failures import report_worker_failure
from tuireader.store.session import SavedState, Session
from tuireader.store.settings import peek_setting
from tuireader.terminal_signals import (
    end_process_if_stuck,
    is_hang_up,
    unwatch_terminal_signals,
    watch_terminal_signals,
)
from tuireader.widgets.safe_text import visible

if TYPE_CHECKING:
    from tuireader.screens.help import KeyHelp
    from tuireader.store import Database

THEME_SETTING = "ui.theme"
EXPORTS_DIR = "exports"
"""The folder in the data dir that `e` writes to when the config names no `export_dir`."""

TEXTUAL_COMMANDS_WE_HAVE = {"Quit": "quit", "Keys": "help"}
"""Textual's own palette commands (title) that an app binding of ours (action) does too:
the palette lists ours, with the key shown. (Our help replaces Textual's keys panel.)"""

logger = logging.getLogger(__name__)


class DatabaseOpened(Message):
    """The opening worker is done: `state` is what the list shows (its `error` says why the
    database could not be opened, if it could not)."""

    def __init__(self, state: SavedState, theme: str | None, list_view: object = None) -> None:
        super().__init__()
        self.state = state
        self.theme = theme
        self.list_view = list_view
        """The list's saved sort and narrowing (the raw setting)."""


class SavingFailed(Message):
    """A flush failed (`reason`), or succeeded (`reason` is None)."""

    def __init__(self, reason: str | None) -> None:
        super().__init__()
        self.reason = reason


def not_saving_message(reason: str) -> str:
    """The store says why in a sentence of its own ("Changes will not be saved (DIR: not
    writable)."); an OSError in a few words ("No space left on device"). Neither is wrapped
    in the other."""
    if reason.endswith("."):
        return f"{reason} Reading goes on, and saving is retried."
    return (f"Changes cannot be saved ({reason}). Reading goes on; what is already saved is "
            "safe, and saving is retried.")


def _config_or_default() -> Config:
    """The config file, or the defaults when it cannot be used (the command line reports
    why before the app starts; an app started otherwise logs it)."""
    try:
        return load_config()
    except ConfigError:
        logger.warning("The config file cannot be used; the defaults apply", exc_info=True)
        return Config()


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
                 export_dir: Path | None = None, config: Config | None = None) -> None:
        super().__init__()
        self.config = config if config is not None else _config_or_default()
        """The config file as it was when the app started (it is not read again)."""
        self.paths = list(paths)
        self.data_dir = Path(data_dir)
        self.now = now or _local_now
        self.session = Session(self.data_dir, self.now)
        """Reading state and notes: the one way to the database."""
        self._export_dir = export_dir if export_dir is not None else self.config.export_dir
        self._saved_theme: str | None = None
        self._saving_failure: str | None = None
        self._theme_chosen = False
        self.early_keys = EarlyKeys()
        self.user_keymap: dict[str, str] = {}
        """The config's `[keymap]` (binding id -> keys), as given to `set_keymap`."""
        """Keys typed before the list has rows, handled once it has (`on_list_ready`)."""
        self.key_screens = KeyScreens()

    @property
    def db(self) -> Database | None:
        """The open database (None while it opens and when it could not be opened)."""
        return self.session.database

    def export_dir(self) -> Path:
        """Where `e` writes: as given (the CLI passes the config's `export_dir`), else
        `exports` in the data dir; never the current directory, which is wherever the app
        happened to be started."""
        return self._export_dir if self._export_dir is not None else self.data_dir / EXPORTS_DIR

    def get_default_screen(self) -> Screen[Any]:
        """The main screen from the start: pushed over Textual's default screen instead, the
        blank default screen was painted first (one more full frame before the list)."""
        saved_theme = peek_setting(self.data_dir, THEME_SETTING)  # before the first frame
        self._restore_theme(saved_theme if isinstance(saved_theme, str) else None)
        return MainScreen(self.paths, self.now, self.session, self.export_dir, self.config)

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        # The list is painted from the library index; the database (TinyDB, filelock and the
        # reading state: ~25 ms of imports, more to load) opens once that frame is out.
        after_first_frame(self, self.open_database)
        if self.user_keymap:
            after_first_frame(self, self.check_keymap)
        self.set_interval(pacing().flush, self._flush_soon)
        watch_terminal_signals(self._terminal_gone)

    def key_shown(self, binding_id: str, default: str) -> str:
        """The key that runs binding `binding_id` (its first, the keymap's if remapped), as the
        footer writes it: for hints in messages ("press a to annotate")."""
        keys = self.user_keymap.get(binding_id, default)
        first = next((key.strip() for key in keys.split(",") if key.strip()), default)
        return self.get_key_display(Binding(first, ""))

    def set_keymap(self, keymap: Keymap) -> None:
        """The config's `[keymap]`: applied by Textual, its ids checked after the first frame."""
        self.user_keymap = dict(keymap)
        super().set_keymap(keymap)

    @work(thread=True, exclusive=True, group="keymap", exit_on_error=False)
    def check_keymap(self) -> None:
        """Say which `[keymap]` ids name no binding (a typo changes nothing otherwise)."""
        from tuireader.binding_ids import shadowed_keys, unknown_ids_with_guesses

        unknown = unknown_ids_with_guesses(self.user_keymap)
        if unknown:
            self._keymap_warning(f"[keymap] in the config names no binding: "
                                 f"{', '.join(unknown)}; ignored. `python -m "
                                 "tuireader.binding_ids` lists the ids.")
        for clash in shadowed_keys(self.user_keymap):
            self._keymap_warning(f"[keymap]: {clash}.")

    def _keymap_warning(self, message: str) -> None:
        self.call_from_thread(self.notify, visible(message), title="Config",
                              severity="warning", timeout=12, markup=False)

    @work(thread=True, exclusive=True, group="database", exit_on_error=False)
    def open_database(self) -> None:
        """Open the database and read what the list shows (off the UI thread)."""
        state = self.session.open()
        theme = list_view = None
        database = self.session.database
        if database is not None:
            try:
                saved = database.settings.get(THEME_SETTING)
                theme = saved if isinstance(saved, str) else None
                list_view = database.settings.get(LIST_VIEW_SETTING)
            except Exception:  # a bad setting must never stop the app
                logger.exception("could not read the saved settings")
        self.post_message(DatabaseOpened(state, theme, list_view))

    async def on_event(self, event: events.Event) -> None:
        if (isinstance(event, events.Key) and not event.is_forwarded
                and self.early_keys.holding and self._waits_for_the_list(event.key)
                and self.early_keys.hold(event)):
            return
        if isinstance(event, events.Key) and not event.is_forwarded:
            self.key_screens.routing(event, self.screen)
        await super().on_event(event)

    async def _on_key(self, event: events.Key) -> None:
        """A key no widget handled, before the app's bindings (Textual's `App._on_key`,
        called after this unless prevented): see `KeyScreens`."""
        again = self.key_screens.retyped(event, self.screen)
        if again is not None:
            event.prevent_default()
            # After the screen's own mount (its queue has it first), so the key finds its focus.
            self.screen.call_later(self.post_message, again)

    def _waits_for_the_list(self, key: str) -> bool:
        """Keys for the main screen wait; not ctrl+q and the like, nor keys for a screen
        over it (the command palette)."""
        screen = self.screen
        if not isinstance(screen, MainScreen):
            return False
        active = screen.active_bindings.get(key)
        return not (active is not None and active.node is self and active.binding.priority)

    def on_list_ready(self, _: ListReady) -> None:
        """Handled in the app's own queue, so a key that came in after the rows and before this
        was held too: the keys go back to the queue in the order they were typed."""
        keys = self.early_keys.release()
        if keys:
            for screen in self.screen_stack:
                if isinstance(screen, MainScreen):
                    screen.leave_cursor_alone()  # the keys say where it goes
        for key in keys:
            self.post_message(key)

    def on_database_opened(self, message: DatabaseOpened) -> None:
        state = message.state
        database = self.session.database
        if database is not None and database.recovery_message:
            self.notify(database.recovery_message, title="Database", severity="warning",
                        timeout=10, markup=False)
        if state.error is not None:
            self.notify(state.error, title="Database", severity="error", timeout=10,
                        markup=False)
        if database is not None and not database.writable:
            self.on_saving_failed(SavingFailed(database.save_error or "the data dir is read-only"))
        self._saved_theme = message.theme
        self._restore_theme(message.theme)
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                screen.restore_view(message.list_view)
                screen.reading_state_loaded(state)

    def _restore_theme(self, theme: str | None) -> None:
        """The theme picked last time (command palette: "Change theme") comes back, unless
        one was picked in this session before the database opened."""
        if self._theme_chosen or theme is None or theme == self.theme:
            return
        if theme in self.available_themes:
            self.theme = theme

    def _theme_changed(self, theme: Theme) -> None:
        if self.session.opening:
            self._theme_chosen = True
        if theme.name != self._saved_theme:
            self._saved_theme = theme.name
            self.save_theme(theme.name)

    @work(thread=True, exclusive=True, group="theme", exit_on_error=False)
    def save_theme(self, name: str) -> None:
        """Settings are written to disk at once: never on the UI thread."""
        db = self.session.wait()
        if db is not None:
            db.settings.set(THEME_SETTING, name)

    def _flush_soon(self) -> None:
        if self.session.pending:
            self.flush_reading_state()

    @work(thread=True, exclusive=True, group="flush", exit_on_error=False)
    def flush_reading_state(self) -> None:
        """Disk writes happen here, never on a keypress. A disk that refuses (full, read-only)
        keeps the changes pending: the next flush tries again."""
        try:
            self.session.flush()
        except OSError as error:
            logger.warning("could not save the reading state", exc_info=True)
            self.post_message(SavingFailed(error.strerror or str(error)))
        else:
            self.post_message(SavingFailed(None))

    def on_saving_failed(self, message: SavingFailed) -> None:
        """Said once when saving starts failing, and once when it works again."""
        if (message.reason is None) == (self._saving_failure is None):
            return
        self._saving_failure = message.reason
        if message.reason is not None:
            self.notify(not_saving_message(message.reason), title="Not saving",
                        severity="error", timeout=15, markup=False)
        else:
            self.notify("Changes are being saved again.", title="Saving", timeout=5)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        report_worker_failure(self, event)

    def _terminal_gone(self, number: int) -> None:
        """SIGHUP (the terminal was closed) or SIGTERM: save everything, then end.

        After a hang-up the process ends here, once everything is on disk: Textual's own
        exit writes to the terminal that is gone, and the kernel's SIGCONT after the SIGHUP
        has it start a second output thread, so that exit could wait forever on the first
        (seen: an app alive minutes after its tmux server was killed)."""
        logger.info("signal %d: saving and ending", number)
        end_process_if_stuck(current_log_file())
        try:
            self.session.flush()
        except Exception:
            logger.exception("could not save the reading state on a hang-up")
        if is_hang_up(number):
            self.session.close()
            logging.shutdown()
            os._exit(0)
        self.exit()

    def on_unmount(self) -> None:
        unwatch_terminal_signals()
        # Quitting right after the start: changes made already are saved all the same.
        self.session.close()

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
        """Textual's commands, less those one of our keys does too, then ours, one per
        action (with its keys shown)."""
        ours = self._palette_commands(screen)
        app_actions = {action for node, action, _title, _keys in ours if node is self}
        for command in super().get_system_commands(screen):
            if TEXTUAL_COMMANDS_WE_HAVE.get(command.title) not in app_actions:
                yield command
        for node, action, title, keys in ours:
            yield SystemCommand(title, f"Key: {' '.join(keys)}",
                                partial(self.run_action, action, node))

    def _palette_commands(self, screen: Screen[object]) -> list[tuple[DOMNode, str, str,
                                                                      list[str]]]:
        """(node, action, title, keys) per action: a binding that names where its action
        runs ("app.quit" in the list) joins that node's own binding (ctrl+q)."""
        commands: dict[tuple[int, str], tuple[DOMNode, str, str, list[str]]] = {}
        for node, binding, keys in self._grouped(screen):
            target, action = self._action_target(node, binding.action, screen)
            known = commands.get((id(target), action))
            if known is None:
                commands[(id(target), action)] = (target, action, binding.description, keys)
            else:
                known[3].extend(key for key in keys if key not in known[3])
        return list(commands.values())

    def _action_target(self, node: DOMNode, action: str,
                       screen: Screen[object]) -> tuple[DOMNode, str]:
        namespace, dot, name = action.partition(".")
        if dot and namespace == "app":
            return self, name
        if dot and namespace == "screen":
            return screen, name
        return node, action


