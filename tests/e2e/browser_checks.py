"""What the browser tests check on every page state: axe-core's WCAG 2.2 A/AA rules in the
page, the Nu HTML Checker on its HTML (given as files: the checker refuses loopback URLs), and
that nothing the tab loaded broke the site's Content-Security-Policy.

Neither check may pass by not running: a checker that cannot start, says nothing, skips a
file or cannot tell a known error fails the test, and so does an audit of no pages or a
journey that visits a page it never audits."""

import json
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

import pytest

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / "frontend" / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# Given to the checker with every batch: if it does not report this duplicate id, it read the
# files without checking them, and its silence about the real pages proves nothing.
CANARY_HTML = (
    '<!DOCTYPE html><html lang="en"><head><title>Canary</title></head>'
    '<body><p id="canary">One</p><p id="canary">Two</p></body></html>'
)
CANARY_ERROR = "Duplicate ID “canary”."

# A page loaded with JavaScript off runs no timers, and axe-core waits on setTimeout between
# rules; in such a page its timers run as microtasks instead. Only axe-core runs there.
# Whether the page runs scripts, asked without running one (an inline <script> probe would
# break the site's Content-Security-Policy): the HTML parser keeps <noscript>'s contents as
# text when scripting is on, and as elements when it is off.
SCRIPTING_ENABLED = """() => {
    const probe = document.createElement('div');
    probe.innerHTML = '<noscript><p></p></noscript>';
    return probe.querySelector('noscript p') === null;
}"""
TIMERS_AS_MICROTASKS = """() => {
    let last = 0;
    const cancelled = new Set();
    window.setTimeout = (callback, delay, ...args) => {
        const id = ++last;
        Promise.resolve().then(() => { if (!cancelled.has(id)) callback(...args); });
        return id;
    };
    window.clearTimeout = id => cancelled.add(id);
    window.requestAnimationFrame = callback => window.setTimeout(() => callback(performance.now()));
    window.cancelAnimationFrame = window.clearTimeout;
}"""


def axe_violations(page) -> list[dict]:
    """Run axe-core's WCAG 2.2 A and AA rules on the page as it is now, with or without the
    page's own JavaScript."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        if not page.evaluate(SCRIPTING_ENABLED):
            page.evaluate(TIMERS_AS_MICROTASKS)
        # Evaluated rather than added as a <script>: a page without JavaScript runs no scripts.
        page.evaluate(AXE_JS.read_text(encoding="utf-8") + "\n;undefined")
        if not page.evaluate("typeof window.axe !== 'undefined'"):
            pytest.fail(f"axe-core did not load from {AXE_JS}: nothing was checked.")
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    if not result.get("passes") and not result.get("violations"):
        pytest.fail(f"axe-core ran no rule on {page.url}: nothing was checked.")
    return [
        {
            "rule": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "targets": [node["target"] for node in v["nodes"]][:5],
        }
        for v in result["violations"]
    ]


# Chromium writes each Content-Security-Policy violation to the console as an error ("Refused
# to load...", "Executing inline script violates..."), with JavaScript on or off; a
# `securitypolicyviolation` listener would need the page's JavaScript.
CSP_VIOLATION = "Content Security Policy"


def _checker_failed(why: str, result=None) -> None:
    details = ""
    if result is not None:
        details = (
            f"\nexit code {result.returncode}"
            f"\nstdout: {result.stdout[-2000:]!r}\nstderr: {result.stderr[-2000:]!r}"
        )
    pytest.fail(f"The Nu HTML Checker did not check the pages: {why}{details}")


def nu_html_errors(
    pages: dict[str, str], workdir: Path, *, java: str | None = None, jar: Path = VNU_JAR
) -> dict[str, list[str]]:
    """Check each page's HTML with the Nu HTML Checker; returns the errors by page name.

    Fails the test unless the checker provably checked every page: it must exit 1 (the
    canary page always has an error), print its JSON report, list every file it read
    (`--verbose`), report no `non-document-error` (a file it could not check), and find the
    canary's error. Warnings and info messages are not errors and are left out."""
    if not pages:
        pytest.fail("No pages were given to the Nu HTML Checker: a check of nothing passes.")
    java = java or shutil.which("java")
    if not java:
        pytest.fail("Java is missing: the Nu HTML Checker needs it.")
    if not Path(jar).is_file():
        pytest.fail(f"The Nu HTML Checker is missing at {jar}: run `make install-test`.")

    batch = Path(tempfile.mkdtemp(prefix="nu-html-", dir=workdir))
    names: dict[Path, str] = {}
    for n, (name, html) in enumerate(sorted(pages.items())):
        path = batch / f"page-{n:03d}.html"
        path.write_text(html, encoding="utf-8")
        names[path] = name
    canary = batch / "canary.html"
    canary.write_text(CANARY_HTML, encoding="utf-8")
    files = [*names, canary]
    names[canary] = "(the canary page)"

    try:
        result = subprocess.run(  # noqa: S603 - fixed arguments
            [java, "-jar", str(jar), "--format", "json", "--verbose", *map(str, files)],
            capture_output=True,
            text=True,
            timeout=300,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        _checker_failed(f"it could not run ({error}).")

    # --verbose lists each file it reads on stdout, before checking it; the JSON report goes
    # to stderr. A missing or unreadable file is silently skipped or breaks the report.
    try:
        report = json.loads(result.stderr)
        messages = report["messages"]
        assert isinstance(messages, list)
    except (ValueError, KeyError, TypeError, AssertionError):
        _checker_failed("its report is empty or not the JSON it writes.", result)
    read = [Path(line) for line in result.stdout.splitlines() if line.strip()]
    if sorted(read) != sorted(files):
        missing = [names[path] for path in files if path not in read]
        unexpected = [str(path) for path in read if path not in files]
        _checker_failed(f"it did not read {missing}; it also printed {unexpected}.", result)

    errors: dict[str, list[str]] = {}
    canary_errors = []
    for message in messages:
        kind = message.get("type")
        if kind == "non-document-error":
            _checker_failed(f"it could not check a file: {message}.", result)
        path = Path(url2pathname(urlsplit(message.get("url", "")).path))
        if path not in files:
            _checker_failed(f"it reported on a file it was not given: {message}.", result)
        if kind == "info":  # warnings (subType "warning") and information
            continue
        if kind != "error":
            _checker_failed(f"it reported a message of an unknown type: {message}.", result)
        text = f"line {message.get('lastLine')}: {message.get('message')}"
        if path == canary:
            canary_errors.append(message.get("message"))
        else:
            errors.setdefault(names[path], []).append(text)
    if canary_errors != [CANARY_ERROR]:
        _checker_failed(f"it found {canary_errors} in the canary page, not [{CANARY_ERROR!r}].")
    if result.returncode != 1:  # 1: errors found (the canary's at least)
        _checker_failed("its exit code does not say it found errors.", result)
    return errors


class Audit:
    """Collects each page state's HTML and axe violations, to check them all at the end; and
    every page its browser tab loads, so that a page visited but never checked fails."""

    def __init__(self, page):
        self.page = page
        self.html: dict[str, str] = {}
        self.violations: dict[str, list] = {}
        self.visited: list = []
        self.audited: list = []
        self.csp_violations: list[str] = []
        page.on("response", self._record_navigation)
        page.on("console", self._record_csp_violation)

    def _record_csp_violation(self, message) -> None:
        if CSP_VIOLATION in message.text:
            self.csp_violations.append(f"{self.page.url}: {message.text}")

    def _record_navigation(self, response) -> None:
        request = response.request
        if (
            request.is_navigation_request()
            and response.frame == self.page.main_frame
            and not 300 <= response.status < 400  # a redirect's page is the next response
        ):
            self.visited.append(response)

    def check(self, name: str, response, status: int = 200) -> None:
        assert name not in self.html, f"{name!r} is audited twice: the names must differ"
        assert response is not None, f"{name}: no page was loaded"
        assert response.status == status, name
        # The page on screen is the one the response brought.
        assert urlsplit(self.page.url)._replace(fragment="") == urlsplit(response.url), name
        assert self.page.locator("main h1").count() == 1, name
        self.html[name] = response.text()
        self.audited.append(response)
        found = axe_violations(self.page)
        if found:
            self.violations[name] = found

    def check_errors(self, name: str, response, messages: list[str]) -> None:
        """A page with errors: "Error: " in the title, the summary focused and listing the
        messages, each linking to a field on the page."""
        assert messages, name
        self.check(name, response)
        page = self.page
        assert page.title().startswith("Error: "), name
        assert page.evaluate("document.activeElement.classList.contains('govuk-error-summary')"), (
            name
        )
        summary = page.locator(".govuk-error-summary")
        assert summary.get_by_role("heading").inner_text() == "There is a problem"
        links = summary.locator("a")
        assert [links.nth(n).inner_text() for n in range(links.count())] == messages, name
        for n in range(links.count()):
            target = links.nth(n).get_attribute("href")
            assert page.locator(target).count() == 1, (name, target)

    def unaudited(self) -> list[str]:
        return [r.url for r in self.visited if not any(r is a for a in self.audited)]

    def assert_clean(self, tmp_path, *others: "Audit") -> None:
        """Every page loaded in this tab (and in the others' tabs) was audited, there was at
        least one, none broke the Content-Security-Policy, and none has an axe violation or a
        Nu HTML Checker error."""
        html, violations, unaudited = dict(self.html), dict(self.violations), self.unaudited()
        csp_violations = list(self.csp_violations)
        for other in others:
            assert not html.keys() & other.html.keys(), "audit names must differ across tabs"
            html.update(other.html)
            violations.update(other.violations)
            unaudited += other.unaudited()
            csp_violations += other.csp_violations
        assert html, "No page was audited: a check of nothing passes."
        assert unaudited == [], f"pages loaded but never audited: {unaudited}"
        assert csp_violations == [], csp_violations
        assert violations == {}, violations
        assert nu_html_errors(html, tmp_path) == {}
