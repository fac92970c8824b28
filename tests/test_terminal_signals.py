"""After a hang-up the app saves and exits; a process whose exit hangs is ended for it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

STUCK = """
import sys, threading
from pathlib import Path
from tuireader.log_file import current_log_file, start_logging
from tuireader.terminal_signals import end_process_if_stuck

start_logging(Path(sys.argv[1]))
threading.Thread(target=threading.Event().wait, name="never-ends").start()
end_process_if_stuck(current_log_file(), grace=0.2)
"""


def test_an_exit_held_by_a_thread_is_ended_and_its_stacks_logged(tmp_path: Path) -> None:
    # The interpreter waits for the non-daemon thread at exit: without the watch it would
    # wait forever (the timeout is a hang guard, not a speed check).
    done = subprocess.run([sys.executable, "-c", STUCK, str(tmp_path)], timeout=60,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 1
    log = (tmp_path / "tuireader.log").read_text(encoding="utf-8")
    assert "still running" in log and "after a signal to end" in log
    assert "(most recent call first)" in log  # every thread's stack, for the cause
    assert "wait" in log
