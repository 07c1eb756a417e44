"""report.html in a real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright's
Python package; no browser download): the summary numbers shown, sorting and filtering the pages
table, the page view, and that no script from page content runs. Saves screenshots to
$FACTCHECK_ARTIFACTS (default tests/artifacts/).

Skipped when Chromium or Playwright is missing, except under CI (CI=true), where that fails.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from audit_fakes import FakeLinter, fake_run
from click.testing import CliRunner

from factcheck.cli import main

CHROMIUM = os.environ.get("FACTCHECK_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
# As the machine notes advise: no background traffic from the browser on a closed network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
ARTIFACTS = Path(os.environ.get("FACTCHECK_ARTIFACTS") or Path(__file__).resolve().parents[1] / "artifacts")


def _require_browser():  # type: ignore[no-untyped-def]
    in_ci = os.environ.get("CI", "").lower() in ("1", "true", "yes")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if in_ci:
            pytest.fail("playwright is not installed (pip install playwright), and CI=true")
        pytest.skip("playwright is not installed (pip install playwright)")
    if not Path(CHROMIUM).exists():
        if in_ci:
            pytest.fail(f"{CHROMIUM} not found (apt-get install -y chromium), and CI=true")
        pytest.skip(f"{CHROMIUM} not found (apt-get install -y chromium)")
    return sync_playwright


@pytest.fixture
def report(site, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> tuple[Path, dict]:
    """Two audits of the test site a month apart; the second compared with the first."""
    monkeypatch.setattr(
        "factcheck.cli.audit._make_linter",
        lambda as_of, config_path, packs=(): (FakeLinter(), fake_run(as_of)),
    )
    args = ["--timeout", "0.4", "--retries", "1", "--quiet", "--allow-host", "127.0.0.1",
            "--sitemap", site.url("/sitemap.xml")]
    runner = CliRunner()
    res = runner.invoke(main, ["audit", *args, "--out", str(tmp_path / "r1"), "--as-of", "2026-10-01"])
    assert res.exit_code == 2 and "page(s) failed" in res.output, res.output  # the site has broken pages
    # Fixed: the dated page; new: a problem on the undated page.
    site.bodies["/dated"] = site.bodies["/dated"].replace("FDA approval is expected within months", "FDA said no")
    site.bodies["/undated"] = site.bodies["/undated"].replace("nothing to flag", "may help everyone")
    out = tmp_path / "r2"
    res = runner.invoke(
        main, ["audit", *args, "--out", str(out), "--as-of", "2026-11-01", "--compare", str(tmp_path / "r1")]
    )
    assert res.exit_code == 2 and "page(s) failed" in res.output, res.output  # the site has broken pages
    return out / "report.html", json.loads((out / "audit.json").read_text(encoding="utf-8"))


def test_report_in_headless_chromium(report: tuple[Path, dict]) -> None:
    sync_playwright = _require_browser()
    html_path, data = report
    summary = data["summary"]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1300, "height": 950})
            dialogs: list[str] = []
            errors: list[str] = []
            requests: list[str] = []
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("request", lambda r: requests.append(r.url))
            page.goto(html_path.as_uri())

            # Summary numbers shown on the page are those of audit.json.
            def shown(testid: str) -> int:
                return int(page.get_by_test_id(testid).inner_text())

            assert shown("n-pages") == summary["files"] == 10
            assert shown("n-findings") == summary["findings"]
            assert shown("n-error") == summary["by_severity"]["error"]
            assert shown("n-warning") == summary["by_severity"]["warning"]
            assert shown("n-failed") == summary["pages"]["failed"] == 2
            assert shown("n-skipped") == summary["pages"]["skipped"] == 1
            assert shown("n-with-findings") == summary["pages"]["with_findings"]
            c = summary["compare"]
            assert (shown("n-new"), shown("n-fixed"), shown("n-open")) == (c["new"], c["fixed"], c["open"]) == (1, 1, 5)
            assert page.get_by_test_id("as-of").inner_text() == "2026-11-01"
            assert page.get_by_test_id("db-fingerprint").get_attribute("title") == data["database"]["fingerprint"]
            bars = page.locator("[data-testid=chart-verdict] g[data-label]")
            chart = {bars.nth(i).get_attribute("data-label"): int(bars.nth(i).get_attribute("data-value"))
                     for i in range(bars.count())}  # fmt: skip
            assert {k: v for k, v in chart.items() if v} == summary["by_verdict"]
            page.screenshot(path=str(ARTIFACTS / "audit-report-overview.png"), full_page=True)

            rows = page.locator("#pages tbody tr:not(.hide)")

            def column(n: int) -> list[str]:
                return [t.strip() for t in page.locator(f"#pages tbody tr:not(.hide) td:nth-child({n})").all_inner_texts()]

            assert rows.count() == 10
            assert page.get_by_test_id("shown").inner_text() == "Showing 10 of 10 pages"
            # Initial order is the fix-first ranking: priorities never increase down the table.
            prios = [float(x) for x in column(2)]
            assert prios == sorted(prios, reverse=True) and prios[0] > 0

            # Sorting: the errors column, most first, then reversed on a second click.
            page.click("#pages th[data-sort=errors]")
            errs = [int(x) for x in column(5)]
            assert errs == sorted(errs, reverse=True)
            assert page.get_attribute("#pages th[data-sort=errors]", "aria-sort") == "descending"
            page.click("#pages th[data-sort=errors]")
            assert [int(x) for x in column(5)] == sorted(errs)
            page.click("#pages th[data-sort=label]")
            titles = [t.split("\n")[0].lower() for t in column(3)]
            assert titles == sorted(titles)

            # Filtering: by status, by text, by verdict, and only pages to fix.
            page.select_option("#f-status", "failed")
            assert rows.count() == 2 and page.get_by_test_id("shown").inner_text() == "Showing 2 of 10 pages"
            assert all("/missing" in t or "/slow" in t for t in column(3))
            page.select_option("#f-status", "")
            page.fill("#q", "jsonld")
            assert rows.count() == 1 and "JSON-LD" in column(3)[0]
            page.fill("#q", "")
            page.select_option("#f-verdict", "retracted")
            assert rows.count() == 1 and "/new-path" not in column(3)[0] and "/old-path" in column(3)[0]
            page.select_option("#f-verdict", "")
            page.check("#f-only")
            assert rows.count() == summary["pages"]["with_findings"]
            page.uncheck("#f-only")
            assert rows.count() == 10

            # The page view of the page carrying XSS payloads: text shown escaped, spans marked.
            xss_row = page.locator("#pages tbody tr", has_text="/xss")
            xss_row.locator("td.page a").click()
            # The view opens from a hash change: wait for it rather than race the click.
            page.wait_for_selector(".pageview.active", timeout=5000)
            view = page.locator(".pageview.active")
            assert view.count() == 1
            article = view.locator("article.article")
            assert "<script>window.__xss=1</script>" in article.inner_text()
            assert '"><img src=x onerror="window.__xss=2">' in article.inner_text()
            mark = article.locator("mark").first
            assert mark.inner_text() == "FDA approval is expected within months"
            mark.click()
            assert view.locator(".finding").first.locator(".badge.error").count() == 1
            assert "FDA declined" in view.locator(".finding").first.inner_text()
            page.screenshot(path=str(ARTIFACTS / "audit-report-page.png"), full_page=False)

            # Nothing from the pages ran or loaded.
            assert page.evaluate("typeof window.__xss") == "undefined"
            assert page.evaluate("document.querySelectorAll('img, iframe, object, embed').length") == 0
            assert dialogs == [] and errors == []
            assert all(u.startswith("file://") for u in requests), requests

            # Back to the list.
            page.click(".pageview.active a.back")
            page.wait_for_selector("#overview", state="visible", timeout=5000)
            assert page.locator("#overview").is_visible()
        finally:
            browser.close()
