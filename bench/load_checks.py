"""What the load test proves besides its figures (bench/load.py): that every form accepted
was stored once under a reference of its own; that the form rate limit holds for one client
address whose sends are split across the app servers; and that a page published through one
app server is served fresh, at once, by another that had it in its page cache.

Each check returns a problem in one line, or "" when it holds. Their requests go through a
locust environment of their own, so their failures are counted apart from the load's."""

import time
from collections import Counter

import gevent
from locust.contrib.fasthttp import FastHttpSession

from bench.load_users import (
    BehindTheLoadBalancer,
    FormJourney,
    JourneyFailed,
    Visitor,
    answering,
    answers_for,
    https_origin,
    redirect_to,
)

# RFC 5737's TEST-NET-2, apart from the load's practitioners (bench.load_users).
CROWDED_ADDRESS = "198.51.100.7"
# Time the rate limit check's sends take at most; they wait for a fixed window with that
# much left, so the limit is not met twice across a window's end.
SENDING_SECONDS = 20
SIGN_IN = "/admin/login/"


def session(environment, host: str) -> FastHttpSession:
    client = FastHttpSession(host, request_event=environment.events.request, user=None)
    client.cookiejar.set_policy(BehindTheLoadBalancer())
    return client


def stored_once(seen: list[str], stored: list[str]) -> str:
    """Every confirmation seen is one stored submission, and the other way round."""
    twice = [reference for reference, count in Counter(stored).items() if count > 1]
    if twice:
        return f"references stored more than once: {', '.join(sorted(twice)[:5])}"
    shown_twice = [reference for reference, count in Counter(seen).items() if count > 1]
    if shown_twice:
        return f"one reference shown on two confirmations: {', '.join(sorted(shown_twice)[:5])}"
    if len(seen) != len(stored):
        return f"{len(seen)} confirmations seen but {len(stored)} submissions stored"
    missing, unseen = set(seen) - set(stored), set(stored) - set(seen)
    if missing or unseen:
        return (
            f"confirmed but not stored: {sorted(missing)[:5]}; "
            f"stored but never confirmed: {sorted(unseen)[:5]}"
        )
    return ""


def rate_limit_across(environment, hosts, form_pages, *, limit: int, window: int):
    """One address sends `limit` + 2 forms, both kinds, taking turns between the servers:
    exactly `limit` must be accepted and the rest told "too many". Returns (problem, the
    references accepted)."""
    journeys = []
    for index in range(limit + 2):
        host, kind = hosts[index % len(hosts)], ("gap", "caf")[index // 2 % 2]
        visitor = Visitor(
            session(environment, host),
            address=CROWDED_ADDRESS,
            origin=https_origin(host),
            label=f"limit {kind}",
        )
        journeys.append(FormJourney(visitor, base=form_pages[kind], answers=answers_for(kind)))
    # Filled in side by side, as the practitioners of one office would.
    filling = [gevent.spawn(journey.fill) for journey in journeys]
    gevent.joinall(filling)
    for greenlet in filling:
        if not greenlet.successful():
            return f"rate limit check: a form could not be filled in: {greenlet.exception}", []
    left = window - time.time() % window
    if left < SENDING_SECONDS:
        time.sleep(left + 1)
    references, refused = [], 0
    for journey in journeys:
        try:
            reference = journey.send(refusal_allowed=True)
        except JourneyFailed as failed:
            return f"rate limit check: {failed}", references
        if reference is None:
            refused += 1
        else:
            references.append(reference)
    if len(references) != limit or refused != len(journeys) - limit:
        return (
            f"rate limit: {len(references)} of {len(journeys)} sends from one address across "
            f"{len(hosts)} server(s) accepted, {refused} refused; the limit is {limit}",
            references,
        )
    return "", references


def publish_is_fresh(environment, *, editor_host: str, reader_host: str, publisher, page) -> str:
    """A reader without a session reads the page on `reader_host` until it comes from the
    page cache; an approver signs in on `editor_host` (password, then a backup code), changes
    its title and publishes it in the page editor; the reader's next read on `reader_host`
    must show the new title."""
    reader = Visitor(
        session(environment, reader_host),
        address=CROWDED_ADDRESS,
        origin=https_origin(reader_host),
        label="fresh reader",
    )
    editor = Visitor(
        session(environment, editor_host),
        address=CROWDED_ADDRESS,
        origin=https_origin(editor_host),
        label="fresh editor",
    )
    new_title = f"{page['title']} (published at {time.strftime('%H:%M:%S')})"
    path, edit = page["url"], f"/admin/pages/{page['id']}/edit/"
    try:
        reader.request("GET", path, "page", status={200})
        cache = reader.request("GET", path, "page", status={200}, read=_page_cache)
        if cache != "hit":
            return f"fresh page check: {path} did not come from the page cache ({cache!r})"
        password = {"username": publisher["username"], "password": publisher["password"]}
        action, data = editor.request(
            "GET", SIGN_IN, "sign in", status={200}, read=answering(password)
        )
        editor.request("POST", action or SIGN_IN, "sign in", status={302}, data=data)
        # Under the production settings the editor sends a session with only the password
        # to give its second factor, and back to the editor once it has.
        check = editor.request("GET", edit, "edit page", status={302}, read=_location)
        action, data = editor.request(
            "GET", check, "second factor", status={200}, read=answering({"code": publisher["code"]})
        )
        editor.request(
            "POST",
            action or check,
            "second factor",
            status={302},
            read=redirect_to(edit),
            data=data,
        )
        publish = {**page["body"], "action-publish": "action-publish"}
        action, data = editor.request(
            "GET",
            edit,
            "edit page",
            status={200},
            read=answering({"title": new_title}, publish, form_id="page-edit-form"),
        )
        editor.request("POST", action or edit, "publish", status={302}, data=data)
        shown = reader.request("GET", path, "page", status={200}, read=lambda r: r.text)
    except JourneyFailed as failed:
        return f"fresh page check: {failed}"
    if new_title not in shown:
        return f"{path} published on {editor_host} still shows its old title on {reader_host}"
    return ""


def _page_cache(response) -> str:
    return response.headers.get("X-Page-Cache") or ""


def _location(response) -> str:
    return response.headers.get("Location") or ""
