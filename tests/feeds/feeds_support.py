"""Helpers of the feed tests: fixture files, running the CLI in-process, serving a file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tuireader.cli import main
from tuireader.feeds.fetching import FetchPolicy

FIXTURES = Path(__file__).parent / "fixtures"
FAST = FetchPolicy(timeout=2.0, deadline=10.0, max_bytes=1024 * 1024, retries=1, backoff=0.0)


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def subscriptions(capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    status, out, _err = run(capsys, "feeds", "--json")
    assert status == 0
    return [json.loads(line) for line in out.splitlines()]


def serve(server: HTTPServer, path: str, content: str | bytes,
          content_type: str = "application/rss+xml") -> str:
    """Serve a fixture file (by name) or bytes at `path`; returns its URL."""
    data = fixture(content) if isinstance(content, str) else content
    server.expect_request(path).respond_with_data(data, content_type=content_type)
    return server.url_for(path)
