"""The limits a fetch keeps to (without httpx: the app's first paint names them)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """The limits of one fetch; tests shrink them, the defaults suit the command line."""

    timeout: float = 10.0
    """Seconds for connecting, and between two reads of the response."""
    deadline: float = 60.0
    """Seconds for the whole response, so a server trickling bytes cannot hold a worker."""
    max_bytes: int = 10 * 1024 * 1024
    """Largest body accepted, counted after decompression."""
    max_redirects: int = 5
    retries: int = 2
    """Further attempts after a 5xx/429, a timeout or a connection error."""
    backoff: float = 0.5
    """Seconds before the first retry; doubled for each next one."""
    per_host: int = 4
    """Requests in flight to one host at a time."""
