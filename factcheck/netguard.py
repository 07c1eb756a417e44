"""Where the fetcher may connect, and a hard deadline on every socket it reads.

Two guards hook into the connections `requests` opens (urllib3 connection classes), so they hold
for the first request and for every redirect alike:

- Address policy: a page, sitemap or redirect may not reach a private, loopback, link-local,
  multicast or otherwise non-global address (cloud metadata at 169.254.169.254, 10.x, ::1...)
  unless the user allowed that host or address explicitly (`--allow-host`). An IP literal is
  refused before any packet is sent; a host name is checked on the address it actually resolved
  to and connected to, so DNS rebinding between a check and the connect cannot slip past.
- Deadline: a timer shuts down every socket of a request once its overall deadline passes. A
  server trickling one byte every few seconds resets the read timeout forever; the timer does not.

Both are per thread (`guarded(...)`), so one Session can serve many workers with their own limits.
Connections made through a proxy are not address-checked (the peer is the proxy).
"""

from __future__ import annotations

import ipaddress
import socket
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class BlockedAddressError(Exception):
    """A connection to an address the policy refuses. Deliberately not an OSError, so neither
    urllib3 nor requests wraps or retries it: it reaches the caller as it is."""


class DeadlinePassedError(Exception):
    """A connection was requested after the request's overall deadline."""


def _unwrap(ip: IPAddress) -> IPAddress:
    # ::ffff:10.0.0.5 reaches 10.0.0.5; judge it as the IPv4 address it is.
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    return ip


def is_public(ip: IPAddress) -> bool:
    """True for a globally routable unicast address (what a public web page lives on)."""
    ip = _unwrap(ip)
    return ip.is_global and not ip.is_multicast


@dataclass(frozen=True)
class HostPolicy:
    """Public addresses only, plus the hosts, addresses and networks the user allowed."""

    allow: tuple[str, ...] = ()
    _names: frozenset[str] = field(init=False, repr=False, compare=False)
    _nets: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        names: set[str] = set()
        nets = []
        for entry in self.allow:
            entry = entry.strip().strip("[]").rstrip(".").lower()
            try:
                nets.append(ipaddress.ip_network(entry, strict=False))
            except ValueError:
                names.add(entry)
        object.__setattr__(self, "_names", frozenset(names))
        object.__setattr__(self, "_nets", tuple(nets))

    def host_allowed(self, host: str) -> bool:
        return host.strip("[]").rstrip(".").lower() in self._names

    def check(self, host: str, address: str) -> None:
        """Raise BlockedAddressError unless `host` (as named) at `address` (as connected) may be used."""
        if self.host_allowed(host):
            return
        try:
            ip = _unwrap(ipaddress.ip_address(address.split("%", 1)[0]))
        except ValueError:
            raise BlockedAddressError(f"refused {host}: not an IP address ({address})") from None
        if is_public(ip) or any(ip in net for net in self._nets):
            return
        shown = host if host == str(ip) else f"{host} ({ip})"
        raise BlockedAddressError(
            f"refused {shown}: a private, local or reserved address (allow it with --allow-host {host})"
        )


class Deadline:
    """Shuts down the sockets registered with it when `seconds` have passed."""

    def __init__(self, seconds: float) -> None:
        self.expired = False
        self._lock = threading.Lock()
        self._socks: list[socket.socket] = []
        self._timer = threading.Timer(max(0.0, seconds), self._expire)
        self._timer.daemon = True
        self._timer.start()

    def register(self, sock: socket.socket | None) -> None:
        if sock is None:
            return
        with self._lock:
            if self.expired:
                _shutdown(sock)
                raise DeadlinePassedError("the deadline has passed")
            self._socks.append(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._socks:
                _shutdown(sock)

    def cancel(self) -> None:
        self._timer.cancel()


def _shutdown(sock: socket.socket) -> None:
    # socket.socket.shutdown, not SSLSocket.shutdown: the latter drops its SSL object under the
    # reading thread's feet. Shutting the descriptor wakes a blocked recv at once (Linux, BSD).
    try:
        socket.socket.shutdown(sock, socket.SHUT_RDWR)
    except OSError:
        pass


_state = threading.local()


@contextmanager
def guarded(policy: HostPolicy | None, deadline: Deadline | None = None) -> Iterator[None]:
    """Apply `policy` and `deadline` to the connections this thread opens or reuses inside."""
    old = getattr(_state, "policy", None), getattr(_state, "deadline", None)
    _state.policy, _state.deadline = policy, deadline
    try:
        yield
    finally:
        _state.policy, _state.deadline = old


def current_policy() -> HostPolicy | None:
    """The address policy in force for this thread (None outside `guarded`)."""
    return getattr(_state, "policy", None)


class _GuardMixin:
    host: str
    sock: socket.socket | None
    proxy: Any

    def _new_conn(self) -> socket.socket:
        policy: HostPolicy | None = getattr(_state, "policy", None)
        direct = getattr(self, "proxy", None) is None
        if policy is not None and direct:
            try:
                ipaddress.ip_address(self.host.strip("[]").split("%", 1)[0])
            except ValueError:
                pass  # a name: checked below, on the address it resolved to
            else:
                policy.check(self.host, self.host.strip("[]"))  # an IP literal: no packet sent
        sock: socket.socket = super()._new_conn()  # type: ignore[misc]
        if policy is not None and direct:
            try:
                policy.check(self.host, str(sock.getpeername()[0]))
            except BlockedAddressError:
                sock.close()
                raise
        deadline: Deadline | None = getattr(_state, "deadline", None)
        if deadline is not None:
            deadline.register(sock)
        return sock

    def getresponse(self, *args: Any, **kwargs: Any) -> Any:
        # A pooled connection reused by a later request was registered with an older deadline.
        deadline: Deadline | None = getattr(_state, "deadline", None)
        if deadline is not None:
            deadline.register(self.sock)
        return super().getresponse(*args, **kwargs)  # type: ignore[misc]


class GuardedHTTPConnection(_GuardMixin, HTTPConnection):
    pass


class GuardedHTTPSConnection(_GuardMixin, HTTPSConnection):
    pass


class GuardedHTTPPool(HTTPConnectionPool):
    ConnectionCls = GuardedHTTPConnection


class GuardedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = GuardedHTTPSConnection


GUARDED_POOLS = {"http": GuardedHTTPPool, "https": GuardedHTTPSPool}


def policy_from(allow_hosts: Iterable[str] | None) -> HostPolicy:
    return HostPolicy(tuple(allow_hosts or ()))


__all__ = [
    "GUARDED_POOLS",
    "BlockedAddressError",
    "Deadline",
    "DeadlinePassedError",
    "HostPolicy",
    "current_policy",
    "guarded",
    "is_public",
    "policy_from",
]
