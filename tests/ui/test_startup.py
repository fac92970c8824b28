"""Start-up: the launcher turns the garbage collector off; the app turns it back on."""

from __future__ import annotations

import gc
from collections.abc import Callable

from tests.ui.conftest import settle

from tuireader.app import TuiReaderApp

AppFactory = Callable[..., TuiReaderApp]


class TestCollector:
    async def test_collector_runs_again_once_the_list_is_painted(
        self, make_app: AppFactory
    ) -> None:
        gc.disable()  # as `tuireader` does before importing the app
        try:
            async with make_app().run_test(size=(120, 30)) as pilot:
                await settle(pilot)
                assert gc.isenabled()
        finally:
            gc.enable()
            gc.unfreeze()

    async def test_an_app_started_with_the_collector_on_freezes_nothing(
        self, make_app: AppFactory
    ) -> None:
        # Tests and other embedders: their process outlives the app, so nothing may be
        # frozen out of collection.
        async with make_app().run_test(size=(120, 30)) as pilot:
            await settle(pilot)
        assert gc.get_freeze_count() == 0
