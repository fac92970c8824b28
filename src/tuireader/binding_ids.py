"""The binding ids a `[keymap]` in the config may name: every id declared in the `BINDINGS`
of the app, its screens and its widgets. Textual ignores an id it does not know, so a typo
in the config would otherwise change nothing and say nothing."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Iterable, Mapping

from textual.binding import Binding


def all_bindings() -> dict[str, Binding]:
    """Every binding with an id, by id. Imports every screen and widget module (call it
    off the UI thread)."""
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
