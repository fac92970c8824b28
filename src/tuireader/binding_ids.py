"""The binding ids a `[keymap]` in the config may name: every id declared in the `BINDINGS`
of the app, its screens and its widgets. Textual ignores an id it does not know, so a typo
in the config would otherwise change nothing and say nothing."""

from __future__ import annotations

import difflib
import importlib
import inspect
import pkgutil
from collections.abc import Iterable, Mapping
from functools import cache

from textual.binding import Binding


@cache
def all_bindings() -> dict[str, Binding]:
    """Every binding with an id, by id (read only). Imports every screen and widget module
    (call it off the UI thread); kept, as the classes do not change: checking a keymap asks
    three times."""
    import tuireader.screens
    import tuireader.widgets
    from tuireader.app import TuiReaderApp

    classes: list[type] = [TuiReaderApp]
    for package in (tuireader.screens, tuireader.widgets):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            classes.extend(cls for _, cls in inspect.getmembers(module, inspect.isclass))
    return {binding.id: binding for cls in classes for binding in _bindings(cls) if binding.id}


def known_binding_ids() -> set[str]:
    return set(all_bindings())


def _bindings(cls: type) -> Iterable[Binding]:
    return (binding for binding in getattr(cls, "BINDINGS", ()) if isinstance(binding, Binding))


def unknown_binding_ids(keymap: Mapping[str, str]) -> list[str]:
    """The ids of `keymap` that no binding has, in the config's order."""
    known = known_binding_ids()
    return [binding_id for binding_id in keymap if binding_id not in known]


def unknown_ids_with_guesses(keymap: Mapping[str, str]) -> list[str]:
    """`unknown_binding_ids`, each with the id it most likely meant when one is close
    (`reader.pagedown (did you mean reader.page_down?)`): the fix, not only the fault."""
    known = sorted(known_binding_ids())
    said = []
    for binding_id in unknown_binding_ids(keymap):
        guesses = difflib.get_close_matches(binding_id, known, n=1, cutoff=0.8)
        said.append(f"{binding_id} (did you mean {guesses[0]}?)" if guesses else binding_id)
    return said


MAIN_PANES = {"list": "the article list", "reader": "the reader", "timeline": "the timeline",
              "notes": "the notes list"}
"""Binding id prefixes of the main screen's panes (their keys win while they have focus)."""
SCREEN_WIDE = ("main", "app")
"""Prefixes of bindings that answer wherever the focus is on the main screen."""


def _keys(keys: str) -> set[str]:
    return {key.strip() for key in keys.split(",") if key.strip()}


def _scope(binding_id: str) -> str:
    return binding_id.partition(".")[0]


def shadowed_keys(keymap: Mapping[str, str]) -> list[str]:
    """What the `keymap` puts out of reach on the main screen, a sentence per binding: a
    pane's key hides a screen-wide binding on the same key while the pane has focus, and two
    screen-wide bindings cannot share a key. Keys shared inside one pane are left alone: its
    modes (find, selection) take turns with them."""
    bindings = all_bindings()
    keys = {binding_id: _keys(keymap.get(binding_id, binding.key))
            for binding_id, binding in bindings.items()}
    hidden: dict[tuple[str, str], list[str]] = {}
    """(screen-wide id, key) -> the panes where a pane's binding has the key, or "@id" of
    another screen-wide binding with it."""
    for binding_id in (binding_id for binding_id in keymap if binding_id in bindings):
        for other, other_keys in keys.items():
            if other == binding_id or (other in keymap and other < binding_id):
                continue  # each pair once
            already = _keys(bindings[binding_id].key) & _keys(bindings[other].key)
            shared = sorted(keys[binding_id] & other_keys - already)  # the keymap's doing
            scopes = (_scope(binding_id), _scope(other))
            for key in shared:
                if scopes[0] in MAIN_PANES and scopes[1] in SCREEN_WIDE:
                    hidden.setdefault((other, key), []).append(MAIN_PANES[scopes[0]])
                elif scopes[0] in SCREEN_WIDE and scopes[1] in MAIN_PANES:
                    hidden.setdefault((binding_id, key), []).append(MAIN_PANES[scopes[1]])
                elif scopes[0] in SCREEN_WIDE and scopes[1] in SCREEN_WIDE:
                    hidden.setdefault((binding_id, key), []).append(f"@{other}")
    return [_hidden_sentence(bindings[binding_id], binding_id, key, panes)
            for (binding_id, key), panes in hidden.items()]


def _hidden_sentence(binding: Binding, binding_id: str, key: str, panes: list[str]) -> str:
    what = f"{binding.description} ({binding_id})"
    others = [pane[1:] for pane in panes if pane.startswith("@")]
    if others:
        return f"{key} is given to {binding_id} and {', '.join(others)}: only one answers it"
    where = list(dict.fromkeys(panes))
    listed = where[0] if len(where) == 1 else f"{', '.join(where[:-1])} or {where[-1]}"
    return f"{what} cannot be reached with {key} while {listed} has focus: {key} is taken there"


def main() -> None:
    """`python -m tuireader.binding_ids`: each id, its default keys and what it does."""
    import signal

    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `| head` ends it quietly
    bindings = all_bindings()
    width = max(map(len, bindings))
    for binding_id in sorted(bindings):
        binding = bindings[binding_id]
        print(f"{binding_id:<{width}}  {binding.key:<22}  {binding.description}")


if __name__ == "__main__":
    main()
