"""Fetching published pages politely and robustly, for `factcheck lint URL` and `factcheck audit`.

One shared `requests.Session`, a clear User-Agent, connect/read timeouts plus an overall deadline
per page, retries with exponential backoff on 429/5xx and connection errors (honouring a bounded
`Retry-After`), a cap on concurrent requests overall and per host, a size cap per page (the body
is streamed and dropped once it passes the cap), and content types other than HTML/text skipped
with a reason. Nothing here raises for one bad page: every outcome is a `FetchedPage` whose
`error` (and `skipped`) say what happened.

Every connection, for the first request and each redirect, goes through `factcheck.netguard`:
no private, loopback, link-local or metadata address unless allowed (`allow_hosts`), and an
overall deadline that holds even against a server trickling bytes. A redirect from https to
http is refused.

Also: URL lists from a sitemap (sitemap indexes followed, gzip accepted, parsed with defusedxml:
no DTDs or entities; a sitemap over the size cap is read up to the cap) and from a text file
(one URL a line, `#` comments).
"""

from __future__ import annotations

import email.utils
import random
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field, fields
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests
from requests.adapters import HTTPAdapter

from factcheck import __version__
from factcheck.netguard import GUARDED_POOLS, BlockedAddressError, Deadline, DeadlinePassedError, guarded, policy_from

USER_AGENT = f"factcheck/{__version__} (+https://github.com/factcheck/factcheck)"

# Media types we can lint, and the document format each maps to.
TEXT_TYPES: dict[str, str] = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
}
XML_TYPES = (
    "application/xml",
    "text/xml",
    "application/x-gzip",
    "application/gzip",
    "application/octet-stream",
)
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True)
class FetchLimits:
    """Every knob of the fetcher, with defaults fit for auditing a publisher's own site."""

    connect_timeout: float = 5.0
    read_timeout: float = 15.0  # longest silence between two bytes
    total_timeout: float = 60.0  # whole page, so a server trickling bytes cannot hold a worker
    max_bytes: int = 5_000_000
    retries: int = 3  # extra attempts after the first
    backoff: float = 0.5  # first wait; doubles each retry (with jitter)
    max_backoff: float = 10.0
    max_retry_after: float = 30.0  # a longer Retry-After gives up instead of stalling the audit
    max_redirects: int = 10
    jobs: int = 8  # requests at once, overall
    per_host: int = 4  # requests at once to one host
    allow_hosts: tuple[str, ...] = ()  # hosts/addresses/networks allowed despite being private

    def __post_init__(self) -> None:
        object.__setattr__(self, "allow_hosts", tuple(self.allow_hosts))

    @classmethod
    def from_kwargs(cls, **limits: Any) -> FetchLimits:
        known = {f.name for f in fields(cls)}
        unknown = set(limits) - known
        if unknown:
            raise TypeError(f"unknown fetch limit(s): {', '.join(sorted(unknown))}")
        return cls(**limits)


@dataclass
class FetchedPage:
    """The outcome of fetching one URL. `text` is set only for a page we can lint."""

    url: str
    final_url: str | None = None
    status: int | None = None  # HTTP status of the last response, None if none arrived
    content_type: str | None = None  # media type without parameters, lower case
    text: str | None = None
    error: str | None = None  # one-line reason when there is no text
    redirects: list[str] = field(default_factory=list)  # every URL that answered with a redirect
    elapsed: float = 0.0  # seconds, all attempts included
    skipped: bool = False  # True when the page was reachable but not something we lint (PDF...)
    attempts: int = 0
    encoding: str | None = None
    truncated: bool = False  # the body was cut at the size cap (sitemaps only)

    @property
    def ok(self) -> bool:
        return self.text is not None and self.error is None

    @property
    def format(self) -> str:
        """The document format for the linter: html, markdown or text."""
        return TEXT_TYPES.get(self.content_type or "", "html")


class FetchError(Exception):
    """Raised only by the URL-list helpers (a sitemap or URL file that cannot be read at all)."""


class DowngradeRefused(requests.exceptions.RequestException):
    """A redirect from https to plain http."""


class _Session(requests.Session):
    """A Session that refuses https -> http redirects (checked before the next hop is sent), and
    checks a proxied request's host itself: through a proxy, the socket guard sees the proxy."""

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
        proxies = kwargs.get("proxies") or {}
        if proxies and request.url:
            check_proxied_host(request.url, proxies)
        return super().send(request, **kwargs)

    def get_redirect_target(self, resp: requests.Response) -> str | None:
        target = super().get_redirect_target(resp)
        if target and urlsplit(resp.url).scheme == "https":
            try:
                scheme = urlsplit(urljoin(resp.url, target)).scheme
            except ValueError:
                scheme = ""
            if scheme == "http":
                resp.close()
                raise DowngradeRefused(f"refused redirect from https to http ({target[:200]})")
        return target


def check_proxied_host(url: str, proxies: dict[str, str]) -> None:
    """When `url` goes through a proxy, resolve its host here and apply the address policy."""
    import socket

    from factcheck.netguard import current_policy

    policy = current_policy()
    parts = urlsplit(url)
    host = parts.hostname or ""
    if policy is None or not host or policy.host_allowed(host):
        return
    if not requests.utils.select_proxy(url, proxies) or requests.utils.should_bypass_proxies(url, None):
        return
    try:
        infos = socket.getaddrinfo(host, parts.port or 80, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        return  # the proxy will fail to resolve it too
    for info in infos:
        policy.check(host, str(info[4][0]))


class _GuardedAdapter(HTTPAdapter):
    """An adapter whose connections apply `factcheck.netguard`'s address policy and deadline."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = dict(GUARDED_POOLS)


# ---------------------------------------------------------------------------------------------
# Session


def make_session(pool_size: int = 8) -> requests.Session:
    """A Session with our User-Agent and a connection pool big enough for `pool_size` workers.

    Retries are ours, not urllib3's, so each attempt and wait is recorded and bounded."""
    session = _Session()
    session.headers["User-Agent"] = USER_AGENT
    session.headers["Accept"] = (
        "text/html,application/xhtml+xml,text/plain;q=0.9,text/markdown;q=0.9,*/*;q=0.1"
    )
    adapter = _GuardedAdapter(pool_connections=pool_size, pool_maxsize=pool_size, max_retries=0)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


_default_session: requests.Session | None = None
_default_lock = threading.Lock()


def shared_session() -> requests.Session:
    """The process-wide Session (one connection pool, reused by every fetch)."""
    global _default_session
    with _default_lock:
        if _default_session is None:
            _default_session = make_session(16)
        return _default_session


# ---------------------------------------------------------------------------------------------
# One page


def fetch_page(url: str, session: requests.Session | None = None, **limits: Any) -> FetchedPage:
    """Fetch one page; never raises for a network or HTTP problem (see `FetchedPage.error`).

    `limits` are `FetchLimits` fields, e.g. `fetch_page(url, read_timeout=5, retries=1)`."""
    lim = FetchLimits.from_kwargs(**limits)
    page, _ = _fetch(url, session or shared_session(), lim, _accept_text)
    return page


def _accept_text(media_type: str) -> str | None:
    """None when we lint this media type, else the reason to skip it."""
    if media_type in TEXT_TYPES or media_type == "":
        return None
    return f"content type {media_type} is not HTML or text"


def _accept_xml(media_type: str) -> str | None:
    if (
        media_type in XML_TYPES
        or media_type in TEXT_TYPES
        or media_type.endswith("+xml")
        or media_type == ""
    ):
        return None
    return f"content type {media_type} is not XML"


def _fetch(
    url: str,
    session: requests.Session,
    lim: FetchLimits,
    accept: Callable[[str], str | None],
    gate: Callable[[str], AbstractContextManager[Any]] | None = None,
    truncate: bool = False,
) -> tuple[FetchedPage, bytes | None]:
    """The retry loop. Returns the page record and, on success, the raw body bytes."""
    page = FetchedPage(url=url)
    started = time.monotonic()
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 -- raises ValueError for a port out of range
    except ValueError as exc:
        page.error = f"malformed URL: {exc}"
        return page, None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        page.error = "not an http(s) URL"
        return page, None
    host = parts.netloc.lower()
    body: bytes | None = None
    policy = policy_from(lim.allow_hosts)
    deadline = Deadline(lim.total_timeout)
    try:
        for attempt in range(lim.retries + 1):
            page.attempts = attempt + 1
            wait_s = _one_try(page, session, lim, accept, started, policy, deadline, gate, host, truncate)
            if isinstance(wait_s, bytes):
                body, wait_s = wait_s, None
            if wait_s is None or attempt == lim.retries:
                break
            if time.monotonic() - started + wait_s > lim.total_timeout:
                page.error = (
                    page.error or "retry"
                ) + f"; gave up (retrying would pass {lim.total_timeout:g}s)"
                break
            time.sleep(wait_s)
    finally:
        deadline.cancel()
    page.elapsed = round(time.monotonic() - started, 3)
    return page, body if page.error is None else None


def _one_try(
    page: FetchedPage,
    session: requests.Session,
    lim: FetchLimits,
    accept: Callable[[str], str | None],
    started: float,
    policy: Any,
    deadline: Deadline,
    gate: Callable[[str], AbstractContextManager[Any]] | None,
    host: str,
    truncate: bool = False,
) -> bytes | float | None:
    """One attempt under the address policy and deadline: the body, seconds to wait before a
    retry, or None when done (page.error tells why)."""
    body: bytes | None = None
    wait_s: float | None = None
    with gate(host) if gate else nullcontext(), guarded(policy, deadline):
        try:
            body, wait_s = _attempt(page, session, lim, accept, started, truncate)
        except (BlockedAddressError, DowngradeRefused) as exc:
            # Failed, not skipped: the page could not be checked, and the run says so (exit 2).
            page.error = str(exc)
            return None
        except DeadlinePassedError:
            page.error = f"page took more than {lim.total_timeout:g}s to download"
            return None
        except Exception as exc:  # one bad page never raises (http.client, codecs...)
            if deadline.expired:
                # The deadline timer shut the socket: whatever error that caused, say why.
                page.error = f"page took more than {lim.total_timeout:g}s to download"
                page.text = None
                return None
            page.error, wait_s = _describe(exc, lim, page.attempts - 1)
            page.text = None
            return wait_s
    if deadline.expired:
        # A body cut short by the timer can look complete (no Content-Length): never keep it.
        page.error = f"page took more than {lim.total_timeout:g}s to download"
        page.text = None
        return None
    return body if body is not None else wait_s


def _describe(exc: BaseException, lim: FetchLimits, attempt: int) -> tuple[str, float | None]:
    """A one-line reason for a failed attempt, and the wait before a retry (None: do not retry)."""
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return f"could not connect within {lim.connect_timeout:g}s", _backoff(lim, attempt)
    if isinstance(exc, requests.exceptions.ReadTimeout):
        # A slow server is likely slow again: do not retry, it would multiply the wait.
        return f"no response within {lim.read_timeout:g}s (read timeout)", None
    if isinstance(exc, requests.exceptions.TooManyRedirects):
        return f"more than {lim.max_redirects} redirects", None
    if isinstance(exc, requests.exceptions.SSLError):
        return f"TLS error: {_short(exc)}", None
    if isinstance(exc, requests.exceptions.ConnectionError):
        return f"connection failed: {_short(exc)}", _backoff(lim, attempt)
    if isinstance(exc, requests.exceptions.RequestException):
        return f"request failed: {_short(exc)}", None
    # ValueError from URL parsing of a redirect target, OSError from a socket: one line, no retry.
    return f"request failed: {type(exc).__name__}: {_short(exc)}", None


def _attempt(
    page: FetchedPage,
    session: requests.Session,
    lim: FetchLimits,
    accept: Callable[[str], str | None],
    started: float,
    truncate: bool = False,
) -> tuple[bytes | None, float | None]:
    """One GET. Fills `page`; returns (body, None) on success, (None, wait) to retry.
    With `truncate`, a body over the size cap is cut at the cap instead of refused."""
    page.error = None
    page.skipped = False
    session.max_redirects = lim.max_redirects
    with session.get(
        page.url,
        timeout=(lim.connect_timeout, lim.read_timeout),
        stream=True,
        allow_redirects=True,
    ) as resp:
        page.status = resp.status_code
        page.final_url = resp.url
        page.redirects = [r.url for r in resp.history]
        page.content_type = (
            resp.headers.get("Content-Type", "").split(";")[0].strip().lower() or None
        )
        if resp.status_code in RETRY_STATUSES:
            page.error = f"HTTP {resp.status_code} {resp.reason or ''}".strip()
            retry_after = parse_retry_after(resp.headers.get("Retry-After"))
            if retry_after is not None:
                if retry_after > lim.max_retry_after:
                    page.error += (
                        f"; server asked to retry after {retry_after:g}s"
                        f" (more than {lim.max_retry_after:g}s)"
                    )
                    return None, None
                return None, retry_after
            return None, _backoff(lim, page.attempts - 1)
        if resp.status_code >= 400:
            page.error = f"HTTP {resp.status_code} {resp.reason or ''}".strip()
            return None, None
        reason = accept(page.content_type or "")
        if reason:
            # Reachable, but not something we lint: record and do not download the body.
            page.error = reason
            page.skipped = True
            return None, None
        declared = resp.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > lim.max_bytes and not truncate:
            page.error = f"page is {int(declared):,} bytes, over the {lim.max_bytes:,}-byte cap"
            page.skipped = True
            return None, None
        chunks: list[bytes] = []
        size = 0
        for chunk in resp.iter_content(chunk_size=65536):
            size += len(chunk)
            if size > lim.max_bytes and truncate:
                chunks.append(chunk[: len(chunk) - (size - lim.max_bytes)])
                page.truncated = True
                break
            if size > lim.max_bytes:
                page.error = f"page is over the {lim.max_bytes:,}-byte cap"
                page.skipped = True
                return None, None
            if time.monotonic() - started > lim.total_timeout:
                page.error = f"page took more than {lim.total_timeout:g}s to download"
                return None, None
            chunks.append(chunk)
        body = b"".join(chunks)
        if page.content_type is None or page.content_type in TEXT_TYPES:
            text, page.encoding = decode_body(body, resp.headers.get("Content-Type", ""))
            if page.content_type is None:
                # No declared type: lint it only if it looks like markup or text.
                sniffed = _sniff(text)
                if sniffed is None:
                    page.error = "no content type and the body does not look like HTML or text"
                    page.skipped = True
                    return None, None
                page.content_type = sniffed
            page.text = text
        return body, None


def _backoff(lim: FetchLimits, attempt: int) -> float:
    # Exponential with full jitter: spreads retries of many workers hitting the same host.
    cap = min(lim.max_backoff, lim.backoff * (2**attempt))
    return cap / 2 + random.uniform(0, cap / 2)


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        # A 400-digit value is "never": keep it finite, so messages stay readable (not "infs").
        return float(value) if len(value) <= 9 else 1e9
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    delta = (when - (now or datetime.now(timezone.utc))).total_seconds()
    return max(0.0, delta)


def _short(exc: BaseException) -> str:
    # urllib3 wraps errors several levels deep; the innermost reason is the readable one.
    text = str(exc)
    m = re.search(r"\[Errno -?\d+\] ([^'\")]+)", text)
    if m:
        return m.group(1).strip()
    m = re.search(
        r"(Failed to establish a new connection|Connection refused|Connection reset by peer"
        r"|Name or service not known|Remote end closed connection[^'\"]*)",
        text,
    )
    if m:
        return m.group(1)
    return text[:160]


_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)


def decode_body(body: bytes, content_type_header: str = "") -> tuple[str, str]:
    """Decode a page: BOM, then the header's charset, then `<meta charset>`, then UTF-8.

    requests' own guess (ISO-8859-1 for any text/* without charset) mangles most modern pages."""
    if body.startswith(b"\xef\xbb\xbf"):
        return body[3:].decode("utf-8", errors="replace"), "utf-8"
    if body.startswith((b"\xff\xfe", b"\xfe\xff")):
        return body.decode("utf-16", errors="replace"), "utf-16"
    candidates: list[str] = []
    m = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", content_type_header, re.IGNORECASE)
    if m:
        candidates.append(m.group(1))
    m2 = _META_CHARSET.search(body[:4096])
    if m2:
        candidates.append(m2.group(1).decode("ascii", "replace"))
    for enc in candidates:
        try:
            return body.decode(enc), enc.lower()
        except (LookupError, UnicodeDecodeError):
            continue
    try:
        return body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return body.decode("windows-1252", errors="replace"), "windows-1252"


def _sniff(text: str) -> str | None:
    head = text[:512].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<head", "<body")) or "<html" in head:
        return "text/html"
    if "\x00" in text[:4096]:
        return None
    return "text/plain"


# ---------------------------------------------------------------------------------------------
# Many pages


class _HostGates:
    """One semaphore per host, created on first use."""

    def __init__(self, per_host: int) -> None:
        self.per_host = max(1, per_host)
        self._lock = threading.Lock()
        self._sems: dict[str, threading.BoundedSemaphore] = {}

    def __call__(self, host: str) -> threading.BoundedSemaphore:
        with self._lock:
            sem = self._sems.get(host)
            if sem is None:
                sem = self._sems[host] = threading.BoundedSemaphore(self.per_host)
            return sem


def fetch_many(
    urls: Iterable[str],
    session: requests.Session | None = None,
    **limits: Any,
) -> Iterator[FetchedPage]:
    """Fetch many pages concurrently, yielding each as it completes (completion order).

    At most `jobs` requests run at once, and at most `per_host` to any one host; a host's slot is
    released while a retry waits, so one struggling host does not starve the others for long.
    Only `jobs * 2` URLs are queued ahead, so a huge sitemap does not hold every future at once."""
    lim = FetchLimits.from_kwargs(**limits)
    own_session = session is None
    sess = session or make_session(max(lim.jobs, 1))
    gates = _HostGates(lim.per_host)
    jobs = max(1, lim.jobs)
    try:
        with ThreadPoolExecutor(max_workers=jobs, thread_name_prefix="factcheck-fetch") as pool:
            pending: set[Future[tuple[FetchedPage, bytes | None]]] = set()
            try:
                yield from _drain(pool, pending, urls, sess, lim, gates, jobs)
            except BaseException:
                # Ctrl-C, SIGTERM or a consumer that stopped: do not start the queued pages.
                for fut in pending:
                    fut.cancel()
                raise
    finally:
        if own_session:
            sess.close()


def _drain(
    pool: ThreadPoolExecutor,
    pending: set[Future[tuple[FetchedPage, bytes | None]]],
    urls: Iterable[str],
    sess: requests.Session,
    lim: FetchLimits,
    gates: _HostGates,
    jobs: int,
) -> Iterator[FetchedPage]:
    """Keep `jobs * 2` fetches queued and yield pages as they complete; `pending` is shared with
    the caller so it can cancel what has not started."""
    it = iter(urls)
    exhausted = False
    while True:
        while not exhausted and len(pending) < jobs * 2:
            try:
                url = next(it)
            except StopIteration:
                exhausted = True
                break
            pending.add(pool.submit(_fetch, url, sess, lim, _accept_text, gates))
        if not pending:
            return
        done, _ = wait(pending, return_when=FIRST_COMPLETED)
        pending.difference_update(done)
        for fut in done:
            yield fut.result()[0]


# ---------------------------------------------------------------------------------------------
# URL lists


__all__ = [
    "USER_AGENT",
    "FetchError",
    "FetchLimits",
    "FetchedPage",
    "decode_body",
    "fetch_many",
    "fetch_page",
    "make_session",
    "parse_retry_after",
    "shared_session",
]
