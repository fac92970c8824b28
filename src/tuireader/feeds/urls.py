"""Which URLs tuireader fetches: http and https only, never `file:`, `ftp:` or the like."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

ALLOWED_SCHEMES = frozenset({"http", "https"})


class RefusedURLError(ValueError):
    """A URL tuireader will not fetch; the message says why in one line."""


def checked_url(url: str) -> str:
    """`url` stripped, when it is an absolute http(s) URL with a host; else RefusedURLError."""
    cleaned = url.strip()
    parts = urlsplit(cleaned)
    scheme = parts.scheme.lower()
    if not scheme:
        raise RefusedURLError(f"{cleaned!r} is not a URL (it needs http:// or https://)")
    if scheme not in ALLOWED_SCHEMES:
        raise RefusedURLError(f"{scheme}: URLs are refused (only http and https are fetched)")
    if not parts.hostname:
        raise RefusedURLError(f"{cleaned!r} has no host")
    return cleaned


def resolved(base: str, reference: str) -> str:
    """`reference` (a redirect's Location, a link's href) made absolute against `base`."""
    return urljoin(base, reference.strip())


def host_of(url: str) -> str:
    """The host a per-host limit counts against (case-folded; the port does not matter)."""
    return (urlsplit(url).hostname or "").lower()
