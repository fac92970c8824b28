"""With Textual's private API turned off (the fallback when Textual changes), the app works and
looks the same; the import-time checks turn a use off when what it needs is gone."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from filelock import FileLock
from textual import events
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widget import Widget

from tuireader import textual_internals
from tuireader.textual_internals import (
    COMPOSITOR,
    FALLBACK_ENV,
    LABELS,
    NAMES,
    QUIET_FOCUS,
    SCREEN_FOCUS,
    Compositor,
    check,
    forced_off,
)

ROOT = Path(__file__).resolve().parents[2]


def walk_app(fallback: str | None) -> dict[str, Any]:
    """`public_textual_run`'s walk in a child process, with TUIREADER_PUBLIC_TEXTUAL=fallback."""
    env = {key: value for key, value in os.environ.items() if key != FALLBACK_ENV}
    if fallback is not None:
        env[FALLBACK_ENV] = fallback
    done = subprocess.run([sys.executable, "-m", "tests.ui.public_textual_run"], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout)
    return result


@pytest.fixture(scope="session")
def walks(tmp_path_factory: pytest.TempPathFactory,
          worker_id: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The two walks, taken once per test run: each costs ~7 s of CPU in child processes,
    and the tests using them land on different xdist workers (the shared file is the
    pattern pytest-xdist documents for a once-per-run fixture)."""
    if worker_id == "master":  # not under xdist
        return walk_app(None), walk_app("1")
    shared = tmp_path_factory.getbasetemp().parent / "public-textual-walks.json"
    with FileLock(f"{shared}.lock"):
        if not shared.is_file():
            shared.write_text(json.dumps([walk_app(None), walk_app("1")]), encoding="utf-8")
        normal, public = json.loads(shared.read_text(encoding="utf-8"))
    return normal, public


class TestPublicTextualOnly:
    def test_the_fallback_is_on_everywhere_when_forced(
        self, walks: tuple[dict[str, Any], dict[str, Any]]
    ) -> None:
        normal, public = walks
        assert normal["enabled"] == dict.fromkeys(NAMES, True)
        assert public["enabled"] == dict.fromkeys(NAMES, False)

    def test_the_keys_move_the_focus_and_scroll_the_reader(
        self, walks: tuple[dict[str, Any], dict[str, Any]]
    ) -> None:
        _normal, public = walks
        focused = [step["focused"] for step in public["steps"]]
        assert focused == ["articles", "reader", "reader", "timeline", "articles", "reader",
                           "articles", "timeline", "timeline", "reader", "reader"]
        tops = [step["reader_top"] for step in public["steps"]]
        assert tops[0] == tops[1] == 0 < tops[2]  # j j space: down
        assert tops[-2] == tops[2] and tops[-1] < tops[-2]  # b: back up

    def test_only_the_focused_pane_is_highlighted(
        self, walks: tuple[dict[str, Any], dict[str, Any]]
    ) -> None:
        _normal, public = walks
        for step in public["steps"]:
            accent = step["accent"]
            for pane, look in step["labels"].items():
                highlighted = (look["corner"] == accent, look["title"] == accent, look["bold"])
                wanted = (True, True, True) if pane == step["focused"] else (False, False, False)
                assert highlighted == wanted, (step["keys"], pane)

    def test_every_screen_is_the_same_as_with_the_private_api(
        self, walks: tuple[dict[str, Any], dict[str, Any]]
    ) -> None:
        normal, public = walks
        assert len(public["steps"]) == len(normal["steps"])
        for ours, theirs in zip(normal["steps"], public["steps"], strict=True):
            assert theirs["focused"] == ours["focused"]
            assert theirs["screen"] == ours["screen"], ours["keys"]


class TestImportChecks:
    def test_everything_is_used_with_the_installed_textual(self) -> None:
        assert check() == dict.fromkeys(NAMES, True)

    @pytest.mark.parametrize(("value", "off"), [
        (None, set()), ("", set()), ("1", set(NAMES)), ("all", set(NAMES)),
        ("compositor", {COMPOSITOR}), (f"{LABELS}, {QUIET_FOCUS}", {LABELS, QUIET_FOCUS}),
    ])
    def test_the_environment_turns_uses_off(self, value: str | None, off: set[str]) -> None:
        assert forced_off(value) == off
        assert check(forced_off(value)) == {name: name not in off for name in NAMES}

    def test_a_missing_compositor_method_turns_the_compositor_off(
        self, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
    ) -> None:
        monkeypatch.delattr(Compositor, "_regions_to_spans")
        with caplog.at_level(logging.WARNING, logger=textual_internals.__name__):
            enabled = check()
        assert enabled == {**dict.fromkeys(NAMES, True), COMPOSITOR: False}
        assert "_regions_to_spans" in caplog.text

    def test_a_focus_handler_that_does_more_turns_quiet_focus_off(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        def _on_focus(self: Widget, event: events.Focus) -> None:
            self.has_focus = True
            self.refresh()
            self.scroll_visible()  # something the stand-in would not do
            if self.parent is not None:
                self.parent.post_message(events.DescendantFocus(self))

        monkeypatch.setattr(Widget, "_on_focus", _on_focus)
        assert check() == {**dict.fromkeys(NAMES, True), QUIET_FOCUS: False}

    def test_a_screen_focus_that_is_no_reactive_turns_screen_focus_off(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(Screen, "focused", None)
        assert check() == {**dict.fromkeys(NAMES, True), SCREEN_FOCUS: False}

    @pytest.mark.parametrize("name", ["_get_title_style_information",
                                      "_get_subtitle_style_information"])
    def test_a_missing_label_style_method_turns_labels_off(
        self, monkeypatch: pytest.MonkeyPatch, name: str
    ) -> None:
        monkeypatch.delattr(DOMNode, name)
        assert check() == {**dict.fromkeys(NAMES, True), LABELS: False}

    def test_label_style_methods_with_another_signature_turn_labels_off(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        original = DOMNode._get_title_style_information
        monkeypatch.setattr(DOMNode, "_get_title_style_information",
                            lambda self, background, focused: original(self, background))
        assert check() == {**dict.fromkeys(NAMES, True), LABELS: False}
