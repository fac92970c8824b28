"""HTTP fetching with every limit a feed reader needs against a hostile or broken server.

http/https only, a timeout on every phase and a deadline on the whole response, a size limit
on the decompressed body, redirects followed by hand (scheme checked on each hop, loops
stopped), retries with backoff on 5xx, timeouts and connection errors, conditional GET, and
at most `per_host` requests at a time to one host whatever the number of threads.
"""

from __future__ import annotations

import logging
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import httpx

from tuireader import __version__
from tuireader.feeds.bounded_body import BodyTooLargeError, BoundedBody, UnsupportedEncodingError
from tuireader.feeds.urls import RefusedURLError, checked_url, host_of, resolved

logger = logging.getLogger(__name__)

USER_AGENT = f"tuireader/{__version__} (feed reader)"
REDIRECTS = frozenset({301, 302, 303, 307, 308})
RETRIED_STATUSES = frozenset({429, 500, 502, 503, 504})
CHUNK = 16 * 1024


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


@dataclass(frozen=True, slots=True)
class Validators:
    """What a server said identifies its last response, sent back for a conditional GET."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


@dataclass(frozen=True, slots=True)
class Fetched:
    """A response: the URL it finally came from (after redirects) and its decoded body."""

    url: str
    status: int
    content: bytes = b""
    content_type: str = ""
    validators: Validators = field(default_factory=Validators)

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class FetchError(Exception):
    """A fetch that failed; the message is one line for the user ("timed out after 10 s")."""


class _Retry(Exception):
    """An attempt that failed in a way worth another try."""


class Fetcher:
    """One HTTP client shared by the threads of a refresh (httpx's pool is thread-safe)."""

    def __init__(self, policy: FetchPolicy | None = None, *,
                 transport: httpx.BaseTransport | None = None,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.policy = policy or FetchPolicy()
        self._sleep = sleep
        self._client = httpx.Client(
            timeout=httpx.Timeout(self.policy.timeout),
            follow_redirects=False,
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
            transport=transport,
            trust_env=False,
        )
        self._hosts: dict[str, threading.BoundedSemaphore] = {}
        self._hosts_lock = threading.Lock()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def fetch(self, url: str, validators: Validators | None = None,
              accept: str = "*/*") -> Fetched:
        """GET `url` (following redirects); raises FetchError with a one-line reason."""
        try:
            current = checked_url(url)
        except RefusedURLError as error:
            raise FetchError(str(error)) from None
        seen = {current}
        for _hop in range(self.policy.max_redirects + 1):
            fetched, location = self._with_retries(current, validators, accept)
            if location is None:
                return fetched
            try:
                current = checked_url(resolved(current, location))
            except RefusedURLError as error:
                raise FetchError(f"redirected to a refused URL: {error}") from None
            if current in seen:
                raise FetchError("redirect loop")
            seen.add(current)
        raise FetchError(f"too many redirects (over {self.policy.max_redirects})")

    def _with_retries(self, url: str, validators: Validators | None,
                      accept: str) -> tuple[Fetched, str | None]:
        attempts = self.policy.retries + 1
        for attempt in range(attempts):
            try:
                return self._attempt(url, validators, accept)
            except _Retry as error:
                if attempt + 1 == attempts:
                    raise FetchError(str(error)) from None
                logger.info("Retrying %s after: %s", url, error)
                self._sleep(self.policy.backoff * 2 ** attempt)
        raise AssertionError("unreachable")

    def _attempt(self, url: str, validators: Validators | None,
                 accept: str) -> tuple[Fetched, str | None]:
        headers = {"Accept": accept, **(validators.headers() if validators else {})}
        with self._host_slot(url):
            try:
                with self._client.stream("GET", url, headers=headers) as response:
                    return self._read(url, response)
            except httpx.TimeoutException:
                raise _Retry(f"timed out after {self.policy.timeout:g} s") from None
            except httpx.TransportError as error:
                raise _Retry(_transport_reason(error)) from None

    def _read(self, url: str, response: httpx.Response) -> tuple[Fetched, str | None]:
        status = response.status_code
        if status in REDIRECTS:
            location = response.headers.get("Location")
            if not location:
                raise FetchError(f"HTTP {status} redirect without a Location")
            return Fetched(url=url, status=status), location
        if status in RETRIED_STATUSES:
            raise _Retry(f"HTTP {status} {response.reason_phrase}".rstrip())
        if status >= 400:
            raise FetchError(f"HTTP {status} {response.reason_phrase}".rstrip())
        validators = Validators(response.headers.get("ETag"),
                                response.headers.get("Last-Modified"))
        if status == 304:
            return Fetched(url=url, status=status, validators=validators), None
        content = self._body(response)
        return Fetched(url=url, status=status, content=content,
                       content_type=response.headers.get("Content-Type", ""),
                       validators=validators), None

    def _body(self, response: httpx.Response) -> bytes:
        limit = self.policy.max_bytes
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(f"response larger than {_size(limit)} (not read)")
        try:
            body = BoundedBody(response.headers.get("Content-Encoding", ""), limit)
            started = time.monotonic()
            for chunk in response.iter_raw(CHUNK):
                body.add(chunk)
                if time.monotonic() - started > self.policy.deadline:
                    raise FetchError(
                        f"response took longer than {self.policy.deadline:g} s (stopped)")
            return body.finish()
        except BodyTooLargeError:
            raise FetchError(f"response larger than {_size(limit)} (stopped)") from None
        except UnsupportedEncodingError as error:
            raise FetchError(str(error)) from None
        except zlib.error as error:
            raise FetchError(f"response could not be decompressed ({error})") from None

    @contextmanager
    def _host_slot(self, url: str) -> Iterator[None]:
        host = host_of(url)
        with self._hosts_lock:
            slot = self._hosts.setdefault(host, threading.BoundedSemaphore(self.policy.per_host))
        with slot:
            yield


def _transport_reason(error: httpx.TransportError) -> str:
    if isinstance(error, httpx.ConnectError):
        detail = str(error) or "connection failed"
        if "refused" in detail.lower():
            return "connection refused"
        return f"cannot connect: {detail}"
    if isinstance(error, httpx.RemoteProtocolError):
        return f"the server broke the protocol: {error}"
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


def _size(count: int) -> str:
    if count >= 1024 * 1024:
        return f"{count / (1024 * 1024):g} MB"
    if count >= 1024:
        return f"{count / 1024:g} KB"
    return f"{count} bytes"
