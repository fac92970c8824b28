"""The config's [keymap]: its keys take over; an id that names no binding is said once
(Textual ignores it, so a typo would change nothing and say nothing), and so is a key that
puts another binding out of reach."""

from __future__ import annotations

from tests.ui.conftest import FROZEN_NOW, LIBRARY, main_screen, settle

from tuireader.app import TuiReaderApp
from tuireader.binding_ids import (
    known_binding_ids,
    shadowed_keys,
    unknown_binding_ids,
    unknown_ids_with_guesses,
)


async def test_a_remapped_key_works_and_an_unknown_id_is_said(data_dir) -> None:  # type: ignore[no-untyped-def]
    app = TuiReaderApp([LIBRARY], data_dir, now=lambda: FROZEN_NOW)
    app.set_keymap({"list.bottom": "z", "list.botom": "x", "reader.page_down": "space,f"})
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        await pilot.press("z")
        assert screen.article_list.cursor == screen.article_list.total - 1
        [said, clash] = [n.message for n in app._notifications if n.title == "Config"]
        assert "list.botom (did you mean list.bottom?)" in said
        assert said.count("list.bottom") == 1 and "reader.page_down" not in said
        assert clash == ("[keymap]: Star (main.toggle_star) cannot be reached with f while "
                         "the reader has focus: f is taken there.")


def test_every_id_the_readme_names_is_a_binding() -> None:
    assert unknown_binding_ids({"reader.page_down": "space,z", "reader.top": "g"}) == []
    known = known_binding_ids()
    assert {"main.toggle_read", "feeds.add", "main.reference_date", "library_timeline.open"} <= (
        known)


def test_a_mistyped_id_is_said_with_the_id_it_meant() -> None:
    assert unknown_ids_with_guesses({"reader.pagedown": "z", "list.top": "g",
                                     "nothing.like.this": "x"}) == [
        "reader.pagedown (did you mean reader.page_down?)", "nothing.like.this"]


def test_keys_a_keymap_takes_from_other_bindings_are_said() -> None:
    assert shadowed_keys({"reader.page_down": "space,z", "list.bottom": "z"}) == []
    assert shadowed_keys({"main.back": "q,escape,x"}) == []  # q was the list's already
    assert shadowed_keys({"main.toggle_star": "j"}) == [
        "Star (main.toggle_star) cannot be reached with j while the article list, the "
        "reader, the timeline or the notes list has focus: j is taken there"]
    assert shadowed_keys({"main.toggle_star": "m"}) == [
        "m is given to main.toggle_star and main.toggle_read: only one answers it"]
    assert shadowed_keys({"reader.top": "n"}) == []  # the reader's own modes share keys
