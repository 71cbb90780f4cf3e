"""Every URL pattern the site serves, found from the URL resolver, with its parameters filled
in from a two-district world (Pendle's records, so that Burnley's EIDO is the reader who may
not see them), and a way to ask each one as each role, GET and POST, leaving nothing changed.
"""

import datetime
import re
from dataclasses import dataclass
from http.cookies import SimpleCookie

from django.contrib.auth.models import Group
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.models import Collection, Page, Site, Workflow

from guidance_pages.models import EIDOContact
from pei_workflow.models import ClosureDay, DistrictAssignment, ResponseTarget, Theme
from tests.factories import admin_county_lead

ROLES = [
    "anonymous",
    "practitioner",
    "editor",
    "approver",
    "pendle_eido",
    "burnley_eido",
    "pendle_panel_member",
    "county_lead",
]
METHODS = ["get", "post"]

CONVERTER = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")
NAMED_GROUP = re.compile(r"\(\?P<(?P<name>\w+)>(?:[^()]|\([^()]*\))*\)")
UNNAMED_GROUP = re.compile(r"\((?!\?)(?:[^()]|\([^()]*\))*\)")


@dataclass(frozen=True)
class Route:
    """One URL pattern: its key (namespace:name, or the route itself when it has no name)
    and the route as written, from the site's root."""

    key: str
    route: str


def _walk(patterns, prefix="", namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(filter(None, [namespace, pattern.namespace]))
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            route = prefix + str(pattern.pattern)
            name = ":".join(filter(None, [namespace, pattern.name])) if pattern.name else ""
            yield Route(key=f"{name} {route}" if name else route, route=route)


def all_routes() -> list[Route]:
    return sorted(set(_walk(get_resolver().url_patterns)), key=lambda r: r.key)


MODELADMIN = re.compile(r"pei_workflow_(?P<model>[a-z]+)_modeladmin_")


class Filler:
    """The value of each URL parameter: a Pendle record where the screen is about one."""

    def __init__(self, world: dict):
        pendle = world["PEN"].records
        self.world = world
        home = Page.objects.filter(depth=2).first()
        self.by_model = {
            "gapinservice": pendle["gap"].pk,
            "cafescalation": pendle["caf"].pk,
            "service": pendle["service"].pk,
            "theme": Theme.objects.get(name="Transport").pk,
            "priority": pendle["priority"].pk,
            "meeting": pendle["meeting"].pk,
            "panelmember": pendle["member"].pk,
            "spotpurchasebudget": pendle["budget"].pk,
            "district": pendle["district"].pk,
            "commissionedproject": pendle["project"].pk,
            "messagetemplate": pendle["template"].pk,
            "districtassignment": DistrictAssignment.objects.filter(user=pendle["person"])
            .first()
            .pk,
            "responsetarget": ResponseTarget.objects.get_or_create(
                district=pendle["district"], kind="GAP", state="submitted", working_days=4
            )[0].pk,
            "closureday": ClosureDay.objects.get_or_create(
                date=datetime.date(2030, 12, 24), name="Offices closed"
            )[0].pk,
        }
        contact = EIDOContact.objects.first()
        workflow = Workflow.objects.first()
        other_lead = admin_county_lead(username="other.lead@example.org")
        page_ids = {"page_id", "parent_page_id", "page_to_move_id", "destination_id", "pk"}
        self.by_prefix = [
            ("admin/pages/", page_ids, home.pk),
            ("admin/api/main/^pages/", {"pk"}, home.pk),
            ("admin/snippets/guidance_pages/eidocontact/", {"pk"}, contact.pk if contact else 1),
            ("admin/users/", {"pk"}, pendle["person"].pk),
            ("admin/groups/", {"pk"}, Group.objects.order_by("pk").first().pk),
            ("admin/sites/", {"pk"}, Site.objects.first().pk),
            ("admin/collections/", {"pk"}, Collection.get_first_root_node().pk),
            ("admin/workflows/", {"pk"}, workflow.pk if workflow else 1),
            ("admin/people/county-leads/", {"user_pk"}, other_lead.pk),
            ("admin/reports/casework/district/", {"code"}, pendle["district"].code),
            ("admin/projects/", {"pk"}, pendle["project"].pk),
            ("admin/projects/", {"return_pk"}, pendle["return"].pk),
        ]

    def value(self, route: Route, name: str, converter: str | None) -> str:
        model = MODELADMIN.search(route.key)
        if name == "instance_pk" and model:
            return str(self.by_model[model["model"]])
        if route.route.startswith("admin/casework/"):
            casework = {
                "model_name": "gapinservice",
                "pk": self.by_model["meeting" if "meetings/" in route.route else "gapinservice"],
                "transition": "start_review",
            }
            return str(casework[name])
        if name == "token" and route.route.startswith("status/"):
            return self.world["PEN"].token
        for prefix, names, value in self.by_prefix:
            if route.route.startswith(prefix) and name in names:
                return str(value)
        words = {
            "app_label": "guidance_pages",
            "app_name": "guidance_pages",
            "content_type_app_name": "guidance_pages",
            "model_name": "guidancepage",
            "content_type_model_name": "guidancepage",
            "action": "delete",
            "action_name": "approve",
            "filter_spec": "original",
            "revision_id_a": "earliest",
            "revision_id_b": "latest",
            "uidb64": "MQ",
            "token": "set-password",
            "object_id": "1",
        }
        if name in words:
            return words[name]
        return "999999" if converter in {"int", None} else "x"

    def url(self, route: Route) -> str:
        path = route.route
        path = NAMED_GROUP.sub(lambda m: self.value(route, m["name"], None), path)
        path = CONVERTER.sub(lambda m: self.value(route, m["name"], m["converter"]), path)
        positional = iter(["1", "file.pdf"] if route.route.startswith("documents/") else [""])
        path = UNNAMED_GROUP.sub(lambda m: next(positional, ""), path)
        path = path.replace("^", "").replace("$", "").replace("\\", "")
        if path.startswith("admin/.*"):
            path = "admin/no-such-screen/"
        if path == "" and route.route.startswith("^(("):
            path = ""
        return "/" + path


#: The link of a practitioner who is not this one: anyone else without the status link.
FORGED_TOKEN = "Zm9yZ2VkLXN0YXR1cy1saW5rLTAwMDAwMDAwMDAwMA"


def url_as(role: str, url: str, world: dict) -> str:
    """The address as this person can know it: only the practitioner holds the status link."""
    if role == "anonymous":
        return url.replace(world["PEN"].token, FORGED_TOKEN)
    return url


def client_for(role: str, world: dict) -> Client:
    client = Client(raise_request_exception=False)
    if role not in {"anonymous", "practitioner"}:
        client.force_login(world["people"][role])
    return client


def ask(client: Client, method: str, url: str):
    """One request, whose every change to the database is rolled back (a POST may delete),
    and whose change to the session cookie is undone (a POST may sign out)."""
    cookies = client.cookies
    client.cookies = SimpleCookie(cookies.output(header="", sep="\n"))
    with transaction.atomic():
        response = getattr(client, method)(url)
        transaction.set_rollback(True)
    client.cookies = cookies
    return response


def answer_code(response) -> str:
    """The answer as the matrix writes it: the status code, with a redirect to the sign-in
    page written "login" and one to the admin home (Wagtail's refusal) written "home"."""
    if response.status_code in (301, 302):
        location = response["Location"]
        if "/login/" in location:
            return "login"
        if location.split("?")[0].rstrip("/") == "/admin":
            return "home"
    return str(response.status_code)
