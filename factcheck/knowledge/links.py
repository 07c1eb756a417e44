"""Check that the sources' URLs still answer, for `factcheck db check --links`.

HEAD first (cheap), GET when a server refuses or mishandles HEAD; redirects followed and
recorded; a timeout per request; retries with exponential backoff on 429/5xx and dropped
connections; at most `jobs` requests at once. Nothing here prints or raises for one bad link:
every URL gets a `LinkResult` whose `describe()` is the line the CLI prints.
"""

from __future__ import annotations

import random
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import requests

# Servers that answer these to HEAD often serve the page to GET (HEAD disabled, bot walls,
# frameworks that route only GET), so a HEAD failure is not yet a dead link.
HEAD_FALLBACK = frozenset({400, 403, 404, 405, 406, 501})
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
# Answers that mean "the page may well exist, but you may not see it": not dead, but unverified.
BLOCKED_STATUSES = frozenset({401, 403, 429, 451})
MAX_RETRY_AFTER = 10.0  # a longer Retry-After is not worth stalling the whole check for


@dataclass
class LinkResult:
    """What one URL answered. `outcome`: ok | redirect | blocked | dead | error."""

    url: str
    status: int | None = None  # status of the final response (after redirects)
    final_url: str | None = None
    redirects: list[tuple[int, str]] = field(default_factory=list)  # (status, location) hops
    error: str | None = None  # network-level failure, when no response arrived
    method: str = "HEAD"  # the method whose answer is reported
    attempts: int = 0

    @property
    def outcome(self) -> str:
        if self.status is None:
            return "error"
        if self.status in BLOCKED_STATUSES:
            return "blocked"
        if self.status >= 400:
            return "dead"
        return "redirect" if self.redirects else "ok"

    @property
    def is_problem(self) -> bool:
        """Dead or unreachable: the source can no longer be checked by a reader."""
        return self.outcome in ("dead", "error")

    def describe(self) -> str:
        """One line: `ok 200`, `redirect 301 -> URL`, `dead 404`, `error: timeout`."""
        out = self.outcome
        if out == "error":
            return f"error: {self.error or 'no response'}"
        if out == "redirect":
            first = self.redirects[0][0]
            return f"redirect {first} -> {self.final_url} ({self.status})"
        text = f"{out} {self.status}"
        if self.redirects:
            text += f" (redirected {self.redirects[0][0]} -> {self.final_url})"
        return text


def check_links(urls: list[str], timeout: float = 10.0, retries: int = 2, jobs: int = 8,
                session: requests.Session | None = None, backoff: float = 0.5) -> list[LinkResult]:
    """Check every URL; one result per input URL, in input order (duplicates checked once)."""
    unique = list(dict.fromkeys(urls))
    if session is None:
        from factcheck.fetch import make_session

        session = make_session(pool_size=max(1, jobs))
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        done = dict(zip(unique, pool.map(lambda u: check_link(u, session, timeout, retries, backoff), unique),
                        strict=True))
    return [done[u] for u in urls]


def check_link(url: str, session: requests.Session, timeout: float = 10.0, retries: int = 2,
               backoff: float = 0.5) -> LinkResult:
    """Check one URL (HEAD, then GET if HEAD is refused), retrying transient failures."""
    result = LinkResult(url)
    method = "HEAD"
    attempt = 0
    while True:
        attempt += 1
        result.attempts += 1
        wait = _request(result, session, method, timeout)
        if method == "HEAD" and (result.status in HEAD_FALLBACK or result.error == "connection reset"):
            method = "GET"  # a fallback, not a retry: it does not use up an attempt
            attempt -= 1
            continue
        if wait is None or attempt > retries:
            return result
        time.sleep(wait if wait >= 0 else _backoff(backoff, attempt - 1))


def _request(result: LinkResult, session: requests.Session, method: str, timeout: float) -> float | None:
    """One request; fills `result`. Returns None when final, else seconds to wait (-1: backoff)."""
    result.method = method
    result.status = result.final_url = result.error = None
    result.redirects = []
    from factcheck.netguard import Deadline, guarded

    # A server trickling headers resets the read timeout with every byte; this caps the request.
    deadline = Deadline(2 * timeout)
    try:
        with guarded(None, deadline):
            wait = _send(result, session, method, timeout)
    finally:
        deadline.cancel()
    if deadline.expired:
        # The timer shut the socket: whatever error that caused, the answer is "too slow".
        result.status = None
        result.error = "timeout"
        return None
    return wait


def _send(result: LinkResult, session: requests.Session, method: str, timeout: float) -> float | None:
    try:
        # stream=True: a GET fallback reads the headers only, never the page body.
        with session.request(method, result.url, timeout=(timeout, timeout), allow_redirects=True,
                             stream=True) as resp:
            result.status = resp.status_code
            result.final_url = resp.url
            result.redirects = [(r.status_code, r.headers.get("Location", "")) for r in resp.history]
            if resp.status_code in RETRY_STATUSES:
                return _retry_after(resp.headers.get("Retry-After"))
            return None
    except requests.Timeout:
        result.error = "timeout"
        return None  # a server that does not answer in time would only do it again
    except requests.TooManyRedirects:
        result.error = "too many redirects"
        return None
    except requests.ConnectionError as exc:
        result.error = _connection_reason(exc)
        # A dropped connection may be a passing hiccup; an unknown host or a TLS failure is not.
        return -1.0 if result.error in ("connection reset", "connection failed") else None
    except requests.RequestException as exc:
        result.error = f"{type(exc).__name__}: {str(exc)[:120]}"
        return None


def _retry_after(header: str | None) -> float:
    from factcheck.fetch import parse_retry_after

    seconds = parse_retry_after(header)
    if seconds is None:
        return -1.0
    return min(seconds, MAX_RETRY_AFTER)


def _backoff(base: float, attempt: int) -> float:
    # Exponential with jitter, so parallel workers retrying one host do not arrive together.
    cap = base * (2 ** attempt)
    return cap / 2 + random.uniform(0, cap / 2)


def _connection_reason(exc: requests.ConnectionError) -> str:
    text = str(exc).lower()
    if "reset" in text or "remotedisconnected" in text or "aborted" in text:
        return "connection reset"
    if "name or service not known" in text or "nodename nor servname" in text or "getaddrinfo" in text \
            or "name resolution" in text:
        return "host not found"
    if "refused" in text:
        return "connection refused"
    if "ssl" in text or "certificate" in text:
        return "TLS error"
    return "connection failed"
