"""Who the load test sends at the site (bench/load.py): readers on the public pages, and
practitioners each sending a whole form, the Gap in Service and the CAF escalation at once.

The site runs as in production behind a load balancer that ends TLS: every request says it
came over HTTPS (X-Forwarded-Proto) and from its own client address (X-Forwarded-For, one
proxy: PEI_TRUSTED_PROXY_HOPS=1), so the form rate limit, per client address, is left as
production has it. Each journey is a new practitioner: a new session and a new address.

A journey is one locust task, so a run that ends lets each journey finish (the runner's
stop_timeout) rather than leave a form sent whose confirmation nobody read.
"""

import contextlib
import ipaddress
import itertools
import random
from dataclasses import dataclass, field
from http.cookiejar import DefaultCookiePolicy
from urllib.parse import urlencode

from locust import FastHttpUser, between, task

from bench.html_forms import TOO_MANY, post_form, reference_shown
from bench.submissions import CAF_ANSWERS, GAP_ANSWERS

ANSWERS = {"gap": GAP_ANSWERS, "caf": CAF_ANSWERS}
# RFC 2544's range for benchmarks: 131,072 addresses, none of them anyone's.
_ADDRESSES = (str(address) for address in ipaddress.IPv4Network("198.18.0.0/15").hosts())


def next_address() -> str:
    return next(_ADDRESSES)


@dataclass
class LoadPlan:
    """What bench/load.py found on the site, for the users to visit."""

    hosts: list[str]
    #: (label, path, the status it answers)
    reader_pages: list[tuple[str, str, int]]
    #: {"gap" or "caf": the form page's path}
    form_pages: dict[str, str]
    districts: list[str]


@dataclass
class Seen:
    """What the practitioners saw: the reference on each confirmation page, by form."""

    references: dict[str, list[str]] = field(default_factory=lambda: {"gap": [], "caf": []})


PLAN: LoadPlan | None = None
SEEN = Seen()
_hosts = itertools.cycle([""])
_districts = itertools.cycle([""])


def configure(plan: LoadPlan) -> None:
    global PLAN, _hosts, _districts
    PLAN = plan
    _hosts = itertools.cycle(plan.hosts)
    _districts = itertools.cycle(plan.districts)


class BehindTheLoadBalancer(DefaultCookiePolicy):
    """Send the site's Secure cookies back over plain HTTP: the client spoke HTTPS to the
    load balancer, which ends TLS and speaks HTTP to the app servers, as here."""

    def return_ok_secure(self, cookie, request):
        return True


class JourneyFailed(Exception):
    """A request of the journey did not answer as it should (it is counted as a failure)."""


class Visitor:
    """One person's requests through `client` (a locust FastHttpSession), from `address`,
    each counted in locust's statistics under "<label> <name>"."""

    def __init__(self, client, *, address: str, origin: str, label: str):
        self.client, self.address, self.origin, self.label = client, address, origin, label

    def request(self, method: str, path: str, name: str, *, status, read=None, data=None):
        """What `read` makes of the response (None without one), or JourneyFailed, and the
        request counted as failed, unless it answers one of `status` and `read` raises
        nothing. `data`, if given, is posted as a browser posts a form."""
        headers = {"X-Forwarded-For": self.address, "X-Forwarded-Proto": "https"}
        body = None
        if data is not None:
            headers["Origin"] = self.origin
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            body = urlencode(data)
        result, problem = None, ""
        with self.client.request(
            method,
            path,
            name=f"{self.label} {name}",
            data=body,
            headers=headers,
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code not in status:
                problem = f"{method} {path} answered {response.status_code}"
            elif read is not None:
                try:
                    result = read(response)
                except (KeyError, ValueError, LookupError) as error:
                    problem = f"{method} {path}: {error}"
            if problem:
                response.failure(problem)
            else:
                response.success()
        if problem:
            raise JourneyFailed(problem)
        return result


class FormJourney:
    """One practitioner sending one form: the start page, each step's page read and its
    form posted with the answers, check answers, Send, and the confirmation with the
    reference."""

    def __init__(self, visitor: Visitor, *, base: str, answers: dict):
        self.request, self.base, self.answers = visitor.request, base, answers
        self.sending: tuple[str, list] | None = None

    def fill(self) -> None:
        """Every step, up to the check answers page (nothing is sent yet)."""
        self.request("GET", self.base, "start", status={200})
        slugs = list(self.answers)
        for index, slug in enumerate(slugs):
            path = f"{self.base}{slug}/"
            action, data = self.request(
                "GET", path, slug, status={200}, read=answering(self.answers[slug])
            )
            following = slugs[index + 1] if index + 1 < len(slugs) else "check-answers"
            # An answer the site refuses fails this POST: it answers 200, the step again with
            # the error, rather than going on.
            self.request(
                "POST",
                action or path,
                slug,
                status={302},
                read=redirect_to(f"/{following}/"),
                data=data,
            )
        path = f"{self.base}check-answers/"
        self.sending = self.request("GET", path, "check-answers", status={200}, read=answering({}))

    def send(self, *, refusal_allowed: bool = False) -> str | None:
        """Press Send and read the reference; None if the site refused the send as one too
        many from this address, which is an error unless `refusal_allowed`."""
        action, data = self.sending
        sent = self.request(
            "POST",
            action or f"{self.base}check-answers/",
            "send",
            status={302, 429} if refusal_allowed else {302},
            read=_sent_or_too_many,
            data=data,
        )
        if not sent:
            return None
        return self.request(
            "GET", f"{self.base}confirmation/", "confirmation", status={200}, read=_reference
        )


def answering(answers: dict, extra: dict | None = None, form_id: str = ""):
    """A `read` for a page with a form: where the form posts and what it sends with
    `answers` typed in and `extra` added (html_forms.Form.filled)."""

    def read(response) -> tuple[str, list]:
        form = post_form(response.text, form_id)
        return form.action, form.filled(answers, extra)

    return read


def redirect_to(ending: str):
    def read(response) -> None:
        target = response.headers.get("Location") or ""
        if not target.endswith(ending):
            raise ValueError(f"went to {target!r}, not to ...{ending}")

    return read


def _sent_or_too_many(response) -> bool:
    """True for the redirect to the confirmation, False for the "too many" answer."""
    if response.status_code == 429:
        if TOO_MANY not in response.text:
            raise ValueError("answered 429 without saying too many forms were sent")
        return False
    redirect_to("/confirmation/")(response)
    return True


def _reference(response) -> str:
    return reference_shown(response.text)


def answers_for(kind: str) -> dict:
    """The form's answers (bench/submissions.py's), to the next district in turn."""
    return dict(ANSWERS[kind], district={"district": next(_districts)})


def https_origin(host: str) -> str:
    return host.replace("http://", "https://", 1)


class _OnOneServer(FastHttpUser):
    """A user who sticks to one app server, the next in turn, as a load balancer with sticky
    sessions would send them."""

    abstract = True
    network_timeout = 30.0
    connection_timeout = 10.0

    def __init__(self, environment):
        self.host = next(_hosts)
        super().__init__(environment)


class Reader(_OnOneServer):
    """Someone reading the public pages, without a session: every public page type."""

    wait_time = between(0.2, 1.0)

    def on_start(self):
        self.visitor = Visitor(
            self.client, address=next_address(), origin=https_origin(self.host), label="reader"
        )

    @task
    def read_a_page(self):
        _, path, status = random.choice(PLAN.reader_pages)  # noqa: S311 (not a secret)
        # A failure is counted in locust's statistics; the reader reads on.
        with contextlib.suppress(JourneyFailed):
            self.visitor.request("GET", path, "page", status={status})


class _Practitioner(_OnOneServer):
    abstract = True
    kind = ""
    wait_time = between(0.5, 1.5)

    def on_start(self):
        self.client.cookiejar.set_policy(BehindTheLoadBalancer())

    @task
    def send_a_form(self):
        # A new practitioner each time: no session, and an address of their own.
        self.client.cookiejar.clear()
        visitor = Visitor(
            self.client, address=next_address(), origin=https_origin(self.host), label=self.kind
        )
        journey = FormJourney(
            visitor, base=PLAN.form_pages[self.kind], answers=answers_for(self.kind)
        )
        try:
            journey.fill()
            SEEN.references[self.kind].append(journey.send())
        except JourneyFailed:
            pass  # counted as a failed request already


class GapPractitioner(_Practitioner):
    kind = "gap"


class CafPractitioner(_Practitioner):
    kind = "caf"
