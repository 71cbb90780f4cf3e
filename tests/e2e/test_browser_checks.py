"""The checks the browser tests rely on cannot pass when they do not run: the Nu HTML Checker
finds known errors and fails the test when it cannot start, says nothing or skips a page;
axe-core runs in pages without JavaScript; an audit of nothing, or of fewer pages than the
tab loaded, fails. The Nu tests need Java only; the Audit and axe tests a browser tab but no
server (pages are served by Playwright's router)."""

import stat

import pytest

from tests.e2e.browser_checks import Audit, axe_violations, nu_html_errors

VALID = (
    '<!DOCTYPE html><html lang="en"><head><title>Valid</title></head>'
    "<body><main><h1>Valid</h1><p>Nothing wrong here.</p></main></body></html>"
)
DUPLICATE_ID = (
    '<!DOCTYPE html><html lang="en"><head><title>Duplicate id</title></head>'
    '<body><main><h1 id="x">One</h1><p id="x">Two</p></main></body></html>'
)
UNCLOSED = (
    '<!DOCTYPE html><html lang="en"><head><title>Unclosed</title></head>'
    "<body><main><h1>Unclosed</h1><div><p>Never closed</main></body></html>"
)

Failed = pytest.fail.Exception


def fake_java(tmp_path, script: str) -> str:
    """A `java` that runs `script` (sh) with the checker's arguments instead."""
    path = tmp_path / "java"
    path.write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return str(path)


# Prints the names of the .html files it is given, as `--verbose` does.
LIST_FILES = 'for f in "$@"; do case "$f" in *.html) echo "$f";; esac; done'


def test_the_checker_reports_a_duplicate_id_on_the_page_that_has_it(tmp_path):
    """A duplicate id is an error of that page, and only of that page."""
    errors = nu_html_errors({"valid": VALID, "duplicate": DUPLICATE_ID}, tmp_path)
    assert errors == {"duplicate": ["line 1: Duplicate ID “x”."]}


def test_the_checker_reports_an_unclosed_element(tmp_path):
    """An element left open is an error."""
    (messages,) = nu_html_errors({"unclosed": UNCLOSED}, tmp_path).values()
    assert any("Unclosed element “div”" in m for m in messages), messages


def test_the_checker_finds_nothing_wrong_in_a_valid_page(tmp_path):
    """A valid page has no errors, and the run (with its canary) passes."""
    assert nu_html_errors({"valid": VALID}, tmp_path) == {}


def test_the_checker_fails_when_given_no_pages(tmp_path):
    """Checking nothing fails instead of passing."""
    with pytest.raises(Failed, match="No pages were given"):
        nu_html_errors({}, tmp_path)


def test_the_checker_fails_when_its_jar_is_missing(tmp_path):
    """A missing vnu.jar fails the test."""
    with pytest.raises(Failed, match="missing"):
        nu_html_errors({"valid": VALID}, tmp_path, jar=tmp_path / "no-such.jar")


def test_the_checker_fails_when_java_cannot_start_it(tmp_path):
    """A jar Java cannot open (it exits 1 with a message, no report) fails the test."""
    broken = tmp_path / "vnu.jar"
    broken.write_text("not a jar", encoding="utf-8")
    with pytest.raises(Failed, match="report is empty or not the JSON"):
        nu_html_errors({"valid": VALID}, tmp_path, jar=broken)


def test_the_checker_fails_when_java_exits_1_silently(tmp_path):
    """A `java` that exits 1 and prints nothing fails the test."""
    java = fake_java(tmp_path, "exit 1")
    with pytest.raises(Failed, match="report is empty"):
        nu_html_errors({"valid": VALID}, tmp_path, java=java)


def test_the_checker_fails_when_java_cannot_be_run(tmp_path):
    """A `java` that is not a program fails the test."""
    with pytest.raises(Failed, match="could not run"):
        nu_html_errors({"valid": VALID}, tmp_path, java=str(tmp_path / "no-such-java"))


def test_an_empty_report_fails(tmp_path):
    """A run that exits 0 and prints nothing at all fails: silence is not a clean result."""
    java = fake_java(tmp_path, "exit 0")
    with pytest.raises(Failed, match="report is empty"):
        nu_html_errors({"valid": VALID}, tmp_path, java=java)


def test_a_report_that_does_not_list_every_page_fails(tmp_path):
    """A clean report that never says it read the pages fails."""
    java = fake_java(tmp_path, """echo '{"messages": []}' >&2; exit 0""")
    with pytest.raises(Failed, match=r"did not read \['valid', '\(the canary page\)'\]"):
        nu_html_errors({"valid": VALID}, tmp_path, java=java)


def test_a_checker_that_reads_the_pages_but_finds_nothing_fails(tmp_path):
    """Reading every file and reporting no errors, canary included, is not checking."""
    java = fake_java(tmp_path, f"""{LIST_FILES}; echo '{{"messages": []}}' >&2; exit 0""")
    with pytest.raises(Failed, match="canary"):
        nu_html_errors({"valid": VALID}, tmp_path, java=java)


def test_a_non_document_error_fails(tmp_path):
    """A `non-document-error` (a file the checker could not check) fails the test."""
    report = '{"messages": [{"type": "non-document-error", "message": "Cannot read."}]}'
    java = fake_java(tmp_path, f"{LIST_FILES}; echo '{report}' >&2; exit 1")
    with pytest.raises(Failed, match="could not check a file"):
        nu_html_errors({"valid": VALID}, tmp_path, java=java)


def test_a_report_of_errors_with_a_clean_exit_code_fails(tmp_path):
    """Errors reported (the canary's, the last file) with exit code 0: not a real run."""
    report = (
        '{"messages": [{"type": "error", "url": "file:%s", "lastLine": 1, '
        '"message": "Duplicate ID “canary”."}]}'
    )
    script = LIST_FILES + '; for f in "$@"; do last="$f"; done; '
    script += f"printf '{report}' \"$last\" >&2; exit 0"
    with pytest.raises(Failed, match="exit code"):
        nu_html_errors({"valid": VALID}, tmp_path, java=fake_java(tmp_path, script))


class NoTab:
    """Stands in for a browser tab that loaded nothing."""

    main_frame = None

    def on(self, event, handler):
        pass


def test_an_audit_of_no_pages_fails(tmp_path):
    """An audit that checked no page fails instead of passing."""
    with pytest.raises(AssertionError, match="No page was audited"):
        Audit(NoTab()).assert_clean(tmp_path)


def serve(page, pages: dict[str, str]) -> str:
    """Serve `pages` (path to HTML) to this tab at a made-up origin; return the origin."""
    origin = "http://checks.invalid"

    def fulfil(route):
        path = route.request.url.removeprefix(origin)
        route.fulfill(status=200, content_type="text/html; charset=utf-8", body=pages[path])

    page.route(f"{origin}/**", fulfil)
    return origin


def test_a_page_loaded_but_never_audited_fails(page, tmp_path):
    """A journey that loads a page and does not audit it fails, naming the page."""
    origin = serve(page, {"/one": VALID, "/two": VALID})
    audit = Audit(page)
    audit.check("one", page.goto(f"{origin}/one"))
    page.goto(f"{origin}/two")
    with pytest.raises(AssertionError, match="never audited.*/two"):
        audit.assert_clean(tmp_path)


def test_a_page_audited_twice_under_one_name_fails(page):
    """Two page states under one name would hide one of them."""
    origin = serve(page, {"/one": VALID})
    audit = Audit(page)
    audit.check("one", page.goto(f"{origin}/one"))
    with pytest.raises(AssertionError, match="audited twice"):
        audit.check("one", page.reload())


def test_axe_runs_in_a_page_without_javascript(browser):
    """With JavaScript off, axe-core still runs and finds an image without alt text."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        origin = serve(
            page,
            {"/": VALID.replace("<p>Nothing wrong here.</p>", '<img src="data:,">')},
        )
        page.goto(f"{origin}/")
        assert [v["rule"] for v in axe_violations(page)] == ["image-alt"]
    finally:
        context.close()


def serve_under_policy(page, html: str, policy: str) -> str:
    """Serve one page at a made-up origin with this Content-Security-Policy header."""
    origin = "http://checks.invalid"
    page.route(
        f"{origin}/**",
        lambda route: route.fulfill(
            status=200,
            content_type="text/html; charset=utf-8",
            headers={"Content-Security-Policy": policy},
            body=html,
        ),
    )
    return origin


def test_a_page_that_breaks_its_content_security_policy_fails_the_audit(page, tmp_path):
    """An inline script on a page whose policy allows only the site's own scripts is a
    failure of the audit, naming the page."""
    html = VALID.replace("</main>", "<script>document.title = 'Ran';</script></main>")
    origin = serve_under_policy(page, html, "default-src 'self'")
    audit = Audit(page)
    audit.check("inline script", page.goto(f"{origin}/"))
    with pytest.raises(AssertionError, match=r"checks\.invalid/.*Content Security Policy"):
        audit.assert_clean(tmp_path)


def test_a_content_security_policy_violation_is_caught_without_javascript(browser, tmp_path):
    """With JavaScript off, an inline style the policy forbids still fails the audit."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        html = VALID.replace("<p>", '<p style="color: #0b0c0c">')
        origin = serve_under_policy(page, html, "default-src 'self'")
        audit = Audit(page)
        audit.check("inline style", page.goto(f"{origin}/"))
        with pytest.raises(AssertionError, match="Content Security Policy"):
            audit.assert_clean(tmp_path)
    finally:
        context.close()
