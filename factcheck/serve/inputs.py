"""Turn a submitted form (paste, upload or URL, plus dates) into a draft to check, or a message."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from factcheck.editor.checker import FORMATS

FETCH_LIMITS: dict[str, Any] = {"connect_timeout": 5.0, "read_timeout": 10.0, "total_timeout": 20.0, "retries": 1,
                                "max_bytes": 5_000_000}


class FormError(Exception):
    """A problem with what the user sent, in words for the page."""


@dataclass
class Draft:
    text: str
    name: str  # what the report calls it: the file name, the URL, or "draft"
    fmt: str
    published: date | None = None
    as_of: date | None = None


def parse_date(value: str | None, label: str) -> date | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise FormError(f"The {label} {value!r} is not a date in the form YYYY-MM-DD.") from None


def draft_from_form(form: Any, files: Any, fetch_enabled: bool, allow_hosts: tuple[str, ...] = ()) -> Draft:
    """Paste wins over upload, upload over URL; exactly one is needed."""
    from factcheck.documents import InputError, decode, format_for

    published = parse_date(form.get("published"), "publication date")
    as_of = parse_date(form.get("as_of"), "as-of date")
    chosen = form.get("format", "auto")
    fmt = chosen if chosen in FORMATS else None
    text = (form.get("text") or "").replace("\r\n", "\n")
    upload = files.get("file") if files else None
    url = (form.get("url") or "").strip()
    if text.strip():
        name = (form.get("name") or "").strip() or "draft"
        return Draft(text, name, fmt or format_for(name, text), published, as_of)
    if upload is not None and upload.filename:
        data = upload.read()
        name = upload.filename
        try:
            text = decode(data, name, fmt)
        except InputError as exc:
            raise FormError(f"The file {name!r} cannot be checked: {exc.reason}.") from None
        return Draft(text.replace("\r\n", "\n"), name, fmt or format_for(name, text), published, as_of)
    if url:
        if not fetch_enabled:
            raise FormError("Fetching URLs is turned off on this server (--no-fetch): paste the text instead.")
        return Draft(*_fetch(url, fmt, allow_hosts), published, as_of)
    raise FormError("Nothing to check: paste a draft, choose a file or give a URL.")


def _fetch(url: str, fmt: str | None, allow_hosts: tuple[str, ...] = ()) -> tuple[str, str, str]:
    from factcheck.fetch import fetch_page

    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise FormError(f"Only http:// and https:// URLs can be fetched, not {url!r}.")
    # The same guard as `audit`: no private or metadata address unless the user allows the host.
    page = fetch_page(url, **FETCH_LIMITS, allow_hosts=allow_hosts)
    if not page.ok or page.text is None:
        reason = page.error or f"HTTP {page.status}"
        raise FormError(f"Could not fetch {url}: {reason}.")
    return page.text.replace("\r\n", "\n"), url, fmt or page.format
