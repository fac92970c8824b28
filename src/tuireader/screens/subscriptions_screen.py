"""The feeds screen (`S`): the subscriptions with their last refresh; `a` adds a feed or a
page by URL, `d` unsubscribes (the saved entries stay), enter shows only that feed's entries
in the list. What `tuireader add` and `unsubscribe` do, without leaving the app."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tuireader.screens.confirm import ConfirmScreen
from tuireader.widgets.key_footer import KeyFooter
from tuireader.widgets.safe_text import visible

if TYPE_CHECKING:
    from tuireader.feeds.adding import Added
    from tuireader.feeds.subscriptions import Subscription
    from tuireader.store.session import Session

logger = logging.getLogger(__name__)

ADD_BINDING = "feeds.add"


def empty_message(add_key: str) -> str:
    """What the empty list says, with the key that adds (the keymap's, if remapped)."""
    return (f"No subscriptions yet: press {add_key} to add the URL of a feed, or of a page "
            "that links one.")


@dataclass(frozen=True, slots=True)
class FeedsClosed:
    """How the screen was left: `changed` the library folder or the subscriptions (the list
    re-scans), `narrow_to` a feed whose entries alone the list should show, `removed` the
    feeds unsubscribed from."""

    library: Path
    changed: bool = False
    narrow_to: str | None = None
    removed: frozenset[str] = frozenset()


class SubscriptionsLoaded(Message):
    def __init__(self, subscriptions: Sequence[Subscription], problem: str | None = None) -> None:
        super().__init__()
        self.subscriptions = list(subscriptions)
        self.problem = problem


class AddDone(Message):
    def __init__(self, url: str, added: Added | None, error: str | None) -> None:
        super().__init__()
        self.url = url
        self.added = added
        self.error = error


class FeedOptions(OptionList):
    """The subscriptions; enter (its own `select`) is named for what it does here."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Show its entries", id="feeds.choose"),
    ]


class UrlInput(Input):
    """The URL box. Its footer names what enter and escape do here; the screen's `+` (add)
    is typed into the box, and the footer no longer offers it (Textual does not know the
    key `plus` as a character, so it took `+` for a key the box leaves to the screen)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", "Add", id="feeds.add_url"),
        Binding("escape", "screen.close", "Cancel", id="feeds.cancel_add"),
    ]

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return super().check_consume_key(key, "+" if key == "plus" else character)


class SubscriptionsScreen(Screen[FeedsClosed]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a,plus", "add", "Add feed or page", id=ADD_BINDING),
        Binding("d,delete", "unsubscribe", "Unsubscribe", id="feeds.unsubscribe"),
        Binding("j", "move(1)", "Down", show=False, id="feeds.down"),
        Binding("k", "move(-1)", "Up", show=False, id="feeds.up"),
        Binding("q,escape", "close", "Back", id="feeds.back"),
    ]

    def __init__(self, session: Session, library: Path) -> None:
        super().__init__()
        self.session = session
        self.library = library
        """The folder fetched entries and pages are written to."""
        self.subscriptions: list[Subscription] = []
        self.changed = False
        self.removed: set[str] = set()
        self.adding = False

    def compose(self) -> ComposeResult:
        yield Static("Feeds", id="feeds-status", markup=False)
        yield UrlInput(placeholder="URL of a feed, or of a page (enter: add · escape: cancel)",
                       id="feeds-add", classes="hidden")
        yield FeedOptions(id="feeds-list")
        yield KeyFooter()

    @property
    def options(self) -> OptionList:
        return self.query_one("#feeds-list", OptionList)

    @property
    def url_input(self) -> Input:
        return self.query_one("#feeds-add", Input)

    def on_mount(self) -> None:
        self.options.focus()
        self.load()

    @work(thread=True, exclusive=True, group="feeds-load", exit_on_error=False)
    def load(self) -> None:
        from tuireader.feeds.subscriptions import SubscriptionStore

        db = self.session.wait()
        if db is None:
            self.post_message(SubscriptionsLoaded([], "the database could not be opened"))
            return
        self.post_message(SubscriptionsLoaded(SubscriptionStore(db).all()))

    @on(SubscriptionsLoaded)
    def _loaded(self, event: SubscriptionsLoaded) -> None:
        highlighted = self.selected
        self.subscriptions = event.subscriptions
        options = self.options
        options.clear_options()
        options.add_options(self._option(sub) for sub in self.subscriptions)
        if event.problem is not None:
            options.add_option(Option(visible(f"Feeds not read: {event.problem}"),
                                      disabled=True))
        elif not self.subscriptions:
            options.add_option(Option(empty_message(self._key_of(ADD_BINDING)), disabled=True))
        urls = [sub.url for sub in self.subscriptions]
        if urls:
            previous = highlighted.url if highlighted is not None else None
            options.highlighted = urls.index(previous) if previous in urls else 0
        if event.problem is not None:
            self._status(f"Feeds not read: {event.problem}")
        elif not self.subscriptions:
            self._status(f"No subscriptions yet · entries will be saved in {self.library}")
        else:
            count = len(self.subscriptions)
            self._status(f"{count} subscription{'s' * (count != 1)} · entries are saved in "
                         f"{self.library}")

    def _option(self, sub: Subscription) -> Option:
        label = Text()
        label.append(visible(sub.title or sub.url), style="bold")
        label.append("\n  ")
        label.append(visible(sub.last_result), style="red" if sub.status == "failed" else "cyan")
        label.append("  ")
        label.append(visible(sub.url), style="dim")
        return Option(label, id=sub.url)

    def _key_of(self, binding_id: str) -> str:
        """The key that runs binding `binding_id` here, as the footer shows it."""
        for active in self.active_bindings.values():
            if active.binding.id == binding_id:
                return self.app.get_key_display(active.binding)
        return "?"  # not bound (a keymap cannot unbind, but say something true)

    def _status(self, text: str) -> None:
        self.query_one("#feeds-status", Static).update(visible(text))

    @property
    def selected(self) -> Subscription | None:
        index = self.options.highlighted
        if index is None or not 0 <= index < len(self.subscriptions):
            return None
        return self.subscriptions[index]

    def action_move(self, step: int) -> None:
        if step > 0:
            self.options.action_cursor_down()
        else:
            self.options.action_cursor_up()

    def action_add(self) -> None:
        self.url_input.remove_class("hidden")
        # At once, not after a refresh (focus()): a URL typed right after `a` goes in the box.
        self.set_focus(self.url_input)

    @on(Input.Submitted, "#feeds-add")
    def _url_given(self, event: Input.Submitted) -> None:
        url = event.value.strip()
        if not url:
            return
        if self.adding:
            self.notify("Still adding the last URL.", title="Feeds", timeout=3)
            return
        self.adding = True
        self._status(f"Fetching {url}…")
        self.add(url)

    @work(thread=True, group="feeds-add", exit_on_error=False)
    def add(self, url: str) -> None:
        from tuireader.feeds.adding import Adder, AddError
        from tuireader.feeds.fetching import Fetcher
        from tuireader.feeds.refreshing import FeedRefresher
        from tuireader.feeds.subscriptions import SubscriptionStore
        from tuireader.screens import feeds_screen

        try:
            db = self.session.wait()
            if db is None:
                self.post_message(AddDone(url, None, "the database could not be opened"))
                return
            with Fetcher(feeds_screen.FETCH_POLICY) as fetcher:
                adder = Adder(FeedRefresher(fetcher, self.library), SubscriptionStore(db))
                self.post_message(AddDone(url, adder.add(url), None))
        except AddError as error:
            logger.info("Adding %s failed: %s", url, error)
            self.post_message(AddDone(url, None, str(error)))
        except Exception as error:
            logger.exception("Adding %s failed", url)
            self.post_message(AddDone(url, None, f"{type(error).__name__}: {error}"))

    @on(AddDone)
    def _added(self, event: AddDone) -> None:
        self.adding = False
        added = event.added
        if added is None:
            self._status(f"Not added: {event.error}")
            self.notify(visible(f"{event.url}: {event.error}"), title="Not added",
                        severity="error", timeout=10, markup=False)
            return
        self.changed = True
        self.url_input.value = ""
        if added.result is not None:
            sub = added.result.subscription
            verb = "Refreshed" if added.already_subscribed else "Subscribed to"
            outcome = (f"failed: {sub.error}" if added.result.failed
                       else f"+{added.result.new} new")
            self.notify(visible(f"{verb} {sub.title or sub.url}: {outcome}"), title="Feeds",
                        severity="warning" if added.result.failed else "information",
                        timeout=6, markup=False)
        else:
            self._page_saved(added)
        self.load()

    def _page_saved(self, added: Added) -> None:
        """A page is one article; the feed it links, if any, is offered in the input."""
        message = f"Saved the page “{added.page_title or added.page}” as an article."
        if added.offered:
            link = added.offered[0]
            self.url_input.value = link.url
            message += (f" It links a feed, {link.title or link.url}: enter subscribes to "
                        "it, escape leaves it.")
        else:
            self.url_input.add_class("hidden")
            self.options.focus()
        self.notify(visible(message), title="Feeds", timeout=8, markup=False)

    def action_unsubscribe(self) -> None:
        sub = self.selected
        if sub is None:
            self.notify("No subscription selected.", title="Feeds", timeout=3)
            return
        self.app.push_screen(
            ConfirmScreen(f"Unsubscribe from {sub.title or sub.url}? Its saved entries stay "
                          "in the library, with their notes.", yes="Unsubscribe", no="Keep",
                          title="Unsubscribe"),
            lambda yes: self._confirmed(sub, yes))

    def _confirmed(self, sub: Subscription, yes: bool | None) -> None:
        if yes:
            self.unsubscribe(sub)

    @work(thread=True, group="feeds-remove", exit_on_error=False)
    def unsubscribe(self, sub: Subscription) -> None:
        from tuireader.feeds.subscriptions import SubscriptionStore

        db = self.session.wait()
        if db is None:
            self.post_message(SubscriptionsLoaded([], "the database could not be opened"))
            return
        SubscriptionStore(db).remove(sub.url)
        self.app.call_from_thread(self._unsubscribed, sub)

    def _unsubscribed(self, sub: Subscription) -> None:
        self.changed = True
        self.removed.add(sub.url)
        self.notify(visible(f"Unsubscribed from {sub.title or sub.url}."), title="Feeds",
                    timeout=4, markup=False)
        self.load()

    @on(OptionList.OptionSelected, "#feeds-list")
    def _option_chosen(self, _: OptionList.OptionSelected) -> None:
        self.action_choose()

    def action_choose(self) -> None:
        sub = self.selected
        if sub is not None:
            self.dismiss(FeedsClosed(self.library, self.changed, sub.url, frozenset(self.removed)))

    def action_close(self) -> None:
        if self.url_input.has_focus:
            self.url_input.value = ""
            self.url_input.add_class("hidden")
            self.options.focus()
            return
        self.dismiss(FeedsClosed(self.library, self.changed, removed=frozenset(self.removed)))
