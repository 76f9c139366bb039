"""Polite, safe fetching of news pages into the raw-articles folder.

The raw bytes are written (atomically) before anything parses them, beside a `.meta` file with the
URL, fetch time, HTTP status, content type and content hash, so a crash after a fetch loses nothing
and a re-run skips what is already stored.

Politeness: a User-Agent naming the project, robots.txt, a minimum interval per host, retries with
backoff on 5xx and timeouts. Safety: http(s) only, bounded redirects, a response size cap, file
names made from hashes so no URL can choose a path.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import json
import os
import socket
import time
import urllib.robotparser
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import httpx

USER_AGENT = "ILP-Monitor/0.1 (research crawler for Integrasi Layanan Primer news; +https://example.invalid/ilp)"
HTML_TYPES = ("text/html", "application/xhtml+xml")
META_SUFFIX = ".meta"


@dataclass
class FetchResult:
    url: str
    ok: bool
    reason: str
    status: int | None = None
    path: Path | None = None
    content_hash: str | None = None

    def line(self) -> str:
        where = f" -> {self.path}" if self.path else ""
        return f"{'ok' if self.ok else 'FAILED'}\t{self.url}\t{self.reason}{where}"


@dataclass
class FetchPolicy:
    user_agent: str = USER_AGENT
    timeout: float = 15.0
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    retries: int = 2
    backoff: float = 1.0
    min_interval: float = 1.0
    respect_robots: bool = True
    allow_private_addresses: bool = False
    """Fetch from loopback, private, link-local and other non-public addresses too. Off: a URL a feed
    lists (or a redirect) must not make a scheduled deployment fetch its own internal services."""


class PrivateAddressRefused(httpx.RequestError):
    """A request (or a redirect) to a host that resolves to a non-public address."""


def non_public_address(host: str) -> str | None:
    """The first non-public address `host` is or resolves to (loopback, private, link-local, reserved,
    multicast, unspecified), or None. A name that does not resolve is left to the connection to fail."""
    try:
        addresses = [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        try:
            addresses = [ipaddress.ip_address(info[4][0]) for info in socket.getaddrinfo(host, None)]
        except (OSError, ValueError):
            return None
    for address in addresses:
        if not address.is_global or address.is_multicast:
            return str(address)
    return None


def url_key(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:24]


def stored_path(raw_dir: Path, url: str) -> Path:
    """Where a URL's page lives: raw_dir/web/<host>/<hash>.html, never a path the URL chooses."""
    host = "".join(c for c in (urlsplit(url).hostname or "unknown").lower() if c.isalnum() or c in ".-")[:100]
    return raw_dir / "web" / (host.strip(".") or "unknown") / f"{url_key(url)}.html"


def read_meta(page: Path) -> dict | None:
    meta = page.with_name(page.name + META_SUFFIX)
    if not meta.exists():
        return None
    try:
        return json.loads(meta.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


@dataclass
class Fetcher:
    raw_dir: Path
    policy: FetchPolicy = field(default_factory=FetchPolicy)
    transport: httpx.BaseTransport | None = None
    sleep: object = time.sleep
    _robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(default_factory=dict)
    _last_request: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.raw_dir = Path(self.raw_dir)
        self.client = httpx.Client(
            headers={"User-Agent": self.policy.user_agent, "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"},
            timeout=self.policy.timeout,
            follow_redirects=True,
            max_redirects=self.policy.max_redirects,
            transport=self.transport,
            event_hooks={"request": [self._refuse_private]},
        )

    def _refuse_private(self, request: httpx.Request) -> None:
        """Every request, redirects included, goes to a public address unless the policy allows others."""
        if self.policy.allow_private_addresses:
            return
        address = non_public_address(request.url.host)
        if address is not None:
            raise PrivateAddressRefused(
                f"{request.url.host} is a non-public address ({address}); not fetched", request=request
            )

    def close(self) -> None:
        self.client.close()

    def fetch(self, url: str, refetch: bool = False) -> FetchResult:
        """Fetch one page; every failure is a FetchResult with a reason, never an exception."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return FetchResult(url, False, f"refused: only http and https URLs are fetched ({parts.scheme or 'none'})")
        path = stored_path(self.raw_dir, url)
        if path.exists() and not refetch:
            meta = read_meta(path) or {}
            return FetchResult(url, True, "already stored", meta.get("status"), path, meta.get("content_hash"))
        if not self.policy.allow_private_addresses and (address := non_public_address(parts.hostname)):
            return FetchResult(
                url, False, f"refused: {parts.hostname} is a non-public address ({address}); not fetched"
            )
        if self.policy.respect_robots and not self.allowed(url):
            return FetchResult(url, False, "disallowed by robots.txt")
        try:
            response, body = self.get_capped(url)
        except httpx.TooManyRedirects:
            return FetchResult(url, False, f"too many redirects (more than {self.policy.max_redirects})")
        except httpx.TimeoutException:
            return FetchResult(url, False, f"timed out after {self.policy.retries + 1} tries")
        except _TooLarge:
            return FetchResult(url, False, f"too large (over {self.policy.max_bytes} bytes)")
        except httpx.UnsupportedProtocol as exc:
            return FetchResult(url, False, f"refused: redirect to an unsupported scheme ({exc})")
        except PrivateAddressRefused as exc:
            return FetchResult(url, False, f"refused: {exc}")
        except httpx.HTTPError as exc:
            return FetchResult(url, False, f"connection failed: {type(exc).__name__}: {exc}")
        if response.status_code != 200:
            return FetchResult(url, False, f"HTTP {response.status_code}", response.status_code)
        content_type = response.headers.get("content-type", "")
        if not any(t in content_type.lower() for t in HTML_TYPES):
            return FetchResult(url, False, f"not HTML ({content_type or 'no content type'})", response.status_code)
        digest = hashlib.sha256(body).hexdigest()
        _write_atomically(path, body)
        meta = {
            "url": url,
            "final_url": str(response.url),
            "fetched_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "status": response.status_code,
            "content_type": content_type,
            "content_hash": digest,
            "bytes": len(body),
        }
        _write_atomically(path.with_name(path.name + META_SUFFIX), json.dumps(meta, indent=1).encode())
        return FetchResult(url, True, "fetched", response.status_code, path, digest)

    def get_capped(self, url: str) -> tuple[httpx.Response, bytes]:
        """GET with the host's rate limit, retries on 5xx and timeouts, and the size cap (used for listings too)."""
        attempt = 0
        while True:
            self._wait_for_host(url)
            try:
                with self.client.stream("GET", url) as response:
                    body = self._read_capped(response)
                if response.status_code < 500 or attempt >= self.policy.retries:
                    return response, body
            except httpx.TimeoutException:
                if attempt >= self.policy.retries:
                    raise
            attempt += 1
            self.sleep(self.policy.backoff * 2 ** (attempt - 1))

    def _read_capped(self, response: httpx.Response) -> bytes:
        declared = response.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > self.policy.max_bytes:
            raise _TooLarge
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self.policy.max_bytes:
                raise _TooLarge
            chunks.append(chunk)
        return b"".join(chunks)

    def _wait_for_host(self, url: str) -> None:
        host = urlsplit(url).netloc
        last = self._last_request.get(host)
        now = time.monotonic()
        if last is not None and now - last < self.policy.min_interval:
            self.sleep(self.policy.min_interval - (now - last))
        self._last_request[host] = time.monotonic()

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets this project fetch `url`, read as RFC 9309 says: a robots.txt that is
        absent (4xx) allows everything; one that is unreachable (5xx, or no answer) disallows everything."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            parser: urllib.robotparser.RobotFileParser | None = urllib.robotparser.RobotFileParser()
            try:
                self._wait_for_host(url)
                response = self.client.get(origin + "/robots.txt")
                if response.status_code == 200:
                    parser.parse(response.text.splitlines())
                elif 400 <= response.status_code < 500:
                    parser = None  # no robots.txt: everything allowed
                else:
                    parser.disallow_all = True  # the server failed: assume it disallows everything
            except httpx.HTTPError:
                parser.disallow_all = True
            self._robots[origin] = parser
        parser = self._robots[origin]
        return parser is None or parser.can_fetch(self.policy.user_agent, url)


class _TooLarge(Exception):
    pass
