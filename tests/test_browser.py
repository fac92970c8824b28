"""Which browser `o` starts, and whether it needs the terminal (console browsers do)."""

from __future__ import annotations

import webbrowser

import pytest

from tuireader.browser import BrowserKind, find_browser, kind_of


@pytest.mark.parametrize(("controller", "kind"), [
    (webbrowser.GenericBrowser("lynx"), BrowserKind.TERMINAL),
    (webbrowser.GenericBrowser(["my-browser", "--new-tab"]), BrowserKind.TERMINAL),
    (webbrowser.Elinks("elinks"), BrowserKind.TERMINAL),
    (webbrowser.BackgroundBrowser("xdg-open"), BrowserKind.GRAPHICAL),
    (webbrowser.Mozilla("firefox"), BrowserKind.GRAPHICAL),
    (webbrowser.Chrome("google-chrome"), BrowserKind.GRAPHICAL),
])
def test_console_browsers_need_the_terminal(controller: webbrowser.BaseBrowser,
                                             kind: BrowserKind) -> None:
    assert kind_of(controller) is kind


def test_no_browser_is_none(monkeypatch: pytest.MonkeyPatch) -> None:
    def nothing(using: str | None = None) -> webbrowser.BaseBrowser:
        raise webbrowser.Error("could not locate runnable browser")

    monkeypatch.setattr(webbrowser, "get", nothing)
    assert find_browser() is None


def test_a_browser_that_cannot_start_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(webbrowser, "get", lambda using=None: webbrowser.GenericBrowser(
        "/nonexistent/tuireader-test-browser"))
    browser = find_browser()
    assert browser is not None and browser.kind is BrowserKind.TERMINAL
    assert browser.name == "/nonexistent/tuireader-test-browser"
    assert browser.open("http://127.0.0.1/") is False
