"""Helpers for the audit tests: a fake linter with the engine's signature, and the pages of a
small test website."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import date

from pytest_httpserver import HTTPServer
from werkzeug.wrappers import Request

from factcheck.models import FileReport, Finding, RunInfo, SourceRef

# phrase -> (rule, kind, verdict, severity, fact, since)
RULES = {
    "FDA approval is expected within months": (
        "mdma/approval-imminent", "regulatory-status", "outdated", "error",
        "The FDA declined to approve it on 2024-08-09.", "2024-08-09",
    ),
    "cut symptoms by 90%": (
        "trial-effect-size", "trial-statistic", "contradicted", "warning",
        "The trial reported a 67% remission rate.", None,
    ),
    "Smith et al. 2020": (
        "retracted-citation", "citation", "retracted", "error",
        "Smith et al. 2020 was retracted in 2021.", "2021-03-01",
    ),
    "may help everyone": (
        "unsupported-claim", "other", "unsupported", "info",
        "No source in the database supports this.", None,
    ),
}  # fmt: skip


class FakeLinter:
    """Flags fixed phrases wherever they occur in the source, like the real engine would."""

    def __init__(self, as_of: date = date(2026, 11, 1)) -> None:
        self.as_of = as_of
        self.calls: list[tuple[str, str]] = []

    def lint_text(
        self,
        text: str,
        path: str,
        fmt: str,
        published: date | None = None,
        updated: date | None = None,
    ) -> FileReport:
        self.calls.append((path, fmt))
        if "RAISE-IN-LINTER" in text:
            raise RuntimeError("boom")
        findings = []
        for phrase, (rule, kind, verdict, sev, fact, since) in RULES.items():
            start = text.find(phrase)
            while start >= 0:
                end = start + len(phrase)
                line = text.count("\n", 0, start) + 1
                col = start - (text.rfind("\n", 0, start) + 1) + 1
                findings.append(
                    Finding(
                        rule=rule, kind=kind, verdict=verdict, severity=sev, start=start,
                        end=end, text=phrase, message=f"{rule} fired", fact=fact, line=line,
                        column=col, end_line=line, end_column=col + len(phrase), since=since,
                        suggestion="Rewrite it." if verdict != "unsupported" else None,
                        sources=[SourceRef("src-1", "A <b>source</b>", "https://example.org/s")],
                    )
                )  # fmt: skip
                start = text.find(phrase, end)
        return FileReport(path=path, findings=findings, published=published, updated=updated)


def fake_run(as_of: date = date(2026, 11, 1), fingerprint: str = "db0123456789abcdef") -> RunInfo:
    return RunInfo(
        tool_version="0.1.0",
        as_of=as_of,
        database_claims=12,
        database_sources=7,
        database_fingerprint=fingerprint,
    )


def html_page(title: str, body: str, head: str = "") -> str:
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>{head}</head>"
        f"<body><nav>Home | About</nav><article><h1>{title}</h1>{body}</article>"
        "<footer>© Site</footer></body></html>"
    )


DATED_HEAD = (
    '<meta property="article:published_time" content="2023-05-04T09:00:00+02:00">'
    '<meta property="article:modified_time" content="2024-01-15T10:00:00Z">'
)
JSONLD_HEAD = (
    '<script type="application/ld+json">{"@context":"https://schema.org","@graph":['
    '{"@type":"WebSite","name":"Site"},{"@type":"NewsArticle","headline":"JSON-LD story",'
    '"datePublished":"2022-02-02","dateModified":"2022-03-03"}]}</script>'
)
XSS_TEXT = (
    "<p>Payload one &lt;script&gt;window.__xss=1&lt;/script&gt; and "
    "&quot;&gt;&lt;img src=x onerror=&quot;window.__xss=2&quot;&gt; here. "
    "FDA approval is expected within months.</p>"
    # And real markup in the page itself, which the report must not carry over either.
    "<script>window.__xss=3</script><img src=x onerror=\"window.__xss=4\">"
)


@dataclass
class Site:
    server: HTTPServer
    hits: dict[str, int] = field(default_factory=dict)
    user_agents: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    # Pages whose content a test changes between two runs.
    bodies: dict[str, str] = field(default_factory=dict)

    def url(self, path: str) -> str:
        return self.server.url_for(path)

    def hit(self, request: Request) -> int:
        with self.lock:
            self.hits[request.path] = self.hits.get(request.path, 0) + 1
            self.user_agents.append(request.headers.get("User-Agent", ""))
            return self.hits[request.path]


SLOW_SECONDS = 1.5  # the tests use a 0.4 s read timeout


