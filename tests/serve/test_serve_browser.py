"""The `factcheck serve` page in a real headless Chromium (Debian's /usr/bin/chromium driven by
Playwright, as the audit report's browser test does): paste an example article, see its highlights
and findings, apply a suggestion, and check that script in a draft runs nothing.

Screenshots are saved in each test's pytest tmp dir, e.g.
/tmp/pytest-of-$USER/pytest-N/test_paste_check_apply0/serve-result.png and serve-applied.png, and
.../test_script_in_a_draft_runs_no0/serve-hostile-markdown.png (pytest prints the base with
--basetemp or keeps the last three runs), and copied to $FACTCHECK_ARTIFACTS when that is set. Skipped when Chromium or Playwright is missing, except
under CI (CI=true), where that fails."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("FACTCHECK_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
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
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
FLAGGED = "is now on the verge of FDA approval"
XSS_MD = (
    "# Hostile draft\n\n"
    "<script>window.__xss=1</script>\n\n"
    '<img src=x onerror="window.__xss=2"> MDMA therapy is now on the verge of FDA approval, and clinics are ready.\n\n'
    '"><svg onload="window.__xss=3"> [link](javascript:window.__xss=4)\n'
)
XSS_HTML = (
    "<html><head><script>window.__xss=5</script></head><body><article>"
    '<p onclick="window.__xss=6">MDMA therapy is now on the verge of FDA approval, and clinics are ready.</p>'
    '<img src="http://127.0.0.1:9/x.png" onerror="window.__xss=7"><p>&lt;script&gt;window.__xss=8&lt;/script&gt;</p>'
    "</article></body></html>"
)


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


def _artifact(path: Path) -> None:
    out = os.environ.get("FACTCHECK_ARTIFACTS")
    if out:
        Path(out).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(out) / path.name)


@pytest.fixture
def browser_page(server):  # type: ignore[no-untyped-def]
    sync_playwright = _require_browser()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1300, "height": 950})
            seen: dict[str, list[str]] = {"dialogs": [], "errors": [], "requests": [], "console": []}
            page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
            page.on("pageerror", lambda e: seen["errors"].append(str(e)))
            page.on("request", lambda r: seen["requests"].append(r.url))
            page.on("console", lambda m: seen["console"].append(f"{m.type}: {m.text}") if m.type == "error" else None)
            yield page, seen
        finally:
            browser.close()


def _check(page, server, text: str, fmt: str = "auto") -> None:  # type: ignore[no-untyped-def]
    page.goto(server.url + "/")
    page.fill("#text", text)
    page.select_option("select[name=format]", fmt)
    page.fill("input[name=as_of]", "2026-11-01")
    page.click("[data-testid=check]")
    page.wait_for_selector("[data-testid=findings]")


def test_paste_check_apply(browser_page, server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page, seen = browser_page
    article = (EXAMPLES / "mdma-therapy-explainer.md").read_text(encoding="utf-8")
    _check(page, server, article)

    assert page.get_by_test_id("as-of").inner_text() == "2026-11-01"
    marks = page.locator("[data-testid=article] mark")
    texts = [" ".join(t.split()) for t in marks.all_inner_texts()]
    assert FLAGGED in texts and "(Mithoefer et al., 2019)" in texts
    assert page.locator("[data-testid=article] mark.v-outdated").first.inner_text() == FLAGGED
    assert page.locator("[data-testid=article] mark.error.v-retracted").count() >= 1
    cards = page.locator(".finding")
    n = cards.count()
    assert n == int(page.get_by_test_id("n-findings").inner_text()) >= 4
    first = cards.first
    assert first.get_attribute("data-verdict") == "outdated" and "FDA" in first.locator(".fact").first.inner_text()
    assert first.locator("a[href^='https://']").count() >= 1  # sources as links
    # The shipped script links a highlight to its card.
    page.locator("[data-testid=article] mark").first.click()
    page.wait_for_selector("#f1.flash")
    shot = tmp_path / "serve-result.png"
    page.screenshot(path=str(shot), full_page=True)
    _artifact(shot)

    # Apply the rewrite of the first finding: the draft changes and is checked again.
    before = page.get_by_test_id("draft").input_value()
    assert FLAGGED in before
    page.get_by_test_id("apply-1").click()
    page.wait_for_selector("[data-testid=notice]")
    after = page.get_by_test_id("draft").input_value()
    assert FLAGGED not in after and "the FDA declined to approve" in after
    assert FLAGGED not in page.get_by_test_id("article").inner_text()
    assert page.locator(".finding").count() == n - 1
    shot = tmp_path / "serve-applied.png"
    page.screenshot(path=str(shot), full_page=True)
    _artifact(shot)
    assert seen["dialogs"] == [] and seen["errors"] == [] and seen["console"] == []
    assert all(u.startswith(server.url) for u in seen["requests"]), seen["requests"]


@pytest.mark.parametrize(("text", "fmt"), [(XSS_MD, "markdown"), (XSS_HTML, "html")])
def test_script_in_a_draft_runs_nothing(browser_page, server, tmp_path: Path, text: str, fmt: str) -> None:  # type: ignore[no-untyped-def]
    page, seen = browser_page
    _check(page, server, text, fmt)
    assert page.locator("[data-testid=article] mark").first.inner_text() == FLAGGED
    if fmt == "markdown":
        shown = page.get_by_test_id("article").inner_text()
        assert "<script>window.__xss=1</script>" in shown and 'onerror="window.__xss=2"' in shown
    assert page.get_by_test_id("draft").input_value().replace("\r\n", "\n") == text
    page.locator("[data-testid=article] mark").first.click()
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.evaluate("document.querySelectorAll('main img, main iframe, main object, main embed, main svg').length") == 0
    assert seen["dialogs"] == [] and seen["errors"] == []
    assert all(u.startswith(server.url) for u in seen["requests"]), seen["requests"]
    shot = tmp_path / f"serve-hostile-{fmt}.png"
    page.screenshot(path=str(shot), full_page=True)
    _artifact(shot)
