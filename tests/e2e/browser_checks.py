"""What the browser tests check on every page state: axe-core's WCAG 2.2 A/AA rules in the
page, and the Nu HTML Checker on its HTML (given as files: the checker refuses loopback URLs)."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / "frontend" / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_violations(page) -> list[dict]:
    """Run axe-core's WCAG 2.2 A and AA rules on the page as it is now."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return [
        {
            "rule": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "targets": [node["target"] for node in v["nodes"]][:5],
        }
        for v in result["violations"]
    ]


def nu_html_errors(pages: dict[str, str], workdir: Path) -> dict[str, list[str]]:
    """Check each page's HTML with the Nu HTML Checker; returns the errors by page name."""
    java = shutil.which("java")
    if not java:
        pytest.fail("Java is missing: the Nu HTML Checker needs it.")
    files = {}
    for n, (name, html) in enumerate(sorted(pages.items())):
        path = workdir / f"page-{n:03d}.html"
        path.write_text(html, encoding="utf-8")
        files[str(path)] = name
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    errors: dict[str, list[str]] = {}
    for message in messages:
        if message.get("type") != "error":
            continue
        name = files.get(message.get("url", "").removeprefix("file:"), message.get("url", ""))
        errors.setdefault(name, []).append(
            f"line {message.get('lastLine')}: {message.get('message')}"
        )
    return errors


class Audit:
    """Collects each page state's HTML and axe violations, to check them all at the end."""

    def __init__(self, page):
        self.page = page
        self.html: dict[str, str] = {}
        self.violations: dict[str, list] = {}

    def check(self, name: str, response, status: int = 200) -> None:
        assert response.status == status, name
        assert self.page.locator("main h1").count() == 1, name
        self.html[name] = response.text()
        found = axe_violations(self.page)
        if found:
            self.violations[name] = found

    def check_errors(self, name: str, response, messages: list[str]) -> None:
        """A page with errors: "Error: " in the title, the summary focused and listing the
        messages, each linking to a field on the page."""
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

    def assert_clean(self, tmp_path) -> None:
        assert self.violations == {}, self.violations
        assert nu_html_errors(self.html, tmp_path) == {}
