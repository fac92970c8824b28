"""A worker that fails is logged with its traceback and said in a notification.

Workers run with `exit_on_error=False` (a failed scan or timeline must not close the
reader); Textual then only posts `Worker.StateChanged`, which does not bubble, so each node
that starts workers (the app, the screens) hands it here.
"""

from __future__ import annotations

import logging

from textual.dom import DOMNode
from textual.worker import Worker, WorkerState

logger = logging.getLogger(__name__)

WHAT_FAILED = {
    "database": "Could not open the database",
    "theme": "Could not save the theme",
    "flush": "Could not save the reading state",
    "scan": "Could not scan the library",
    "text": "Could not open the article",
    "timeline": "Could not compute the timeline",
    "feeds": "Could not refresh the feeds",
    "feed-names": "Could not read the subscriptions",
    "full-text": "Could not fetch the full text",
    "browser": "Could not open the browser",
}


def report_worker_failure(node: DOMNode, event: Worker.StateChanged) -> None:
    worker = event.worker
    if event.state is not WorkerState.ERROR or worker.error is None:
        return
    error = worker.error
    logger.error("%s failed", worker.name, exc_info=error)
    what = WHAT_FAILED.get(worker.group, "A background task failed")
    node.app.notify(f"{what}: {error}", title="Something went wrong", severity="error",
                    timeout=10, markup=False)
