"""The collector paused while many long-lived objects are built, and on again for work that
makes cycles of its own inside such a pause."""

from __future__ import annotations

import gc

from tuireader.gc_pause import collecting, paused_gc


def test_a_pause_and_a_collecting_block_inside_it_restore_the_collector() -> None:
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
        with collecting():
            assert gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_collecting_leaves_a_running_collector_on() -> None:
    with collecting():
        assert gc.isenabled()
    assert gc.isenabled()
