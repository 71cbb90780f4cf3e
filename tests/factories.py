"""Shared factories. Page factories build published pages under a given parent."""

import datetime

import factory
import wagtail_factories
from django.contrib.auth import get_user_model

from guidance_pages import models as guidance


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password("correct-horse-battery-staple")


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = guidance.HomePage

    title = "Prevention and Early Intervention"
    slug = "pei-home"
    intro = "<p>Help for families with additional needs.</p>"


class GuidancePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = guidance.GuidancePage

    title = factory.Sequence(lambda n: f"Guidance {n}")
    summary = "A page of guidance."
    body = factory.LazyFunction(
        lambda: [
            {"type": "heading", "value": {"text": "What it is", "level": "h2"}},
            {"type": "paragraph", "value": "<p>Some guidance text.</p>"},
        ]
    )
    review_by = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=200))


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = guidance.NewsIndexPage

    title = "News"
    slug = "news"


class NewsPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = guidance.NewsPage

    title = factory.Sequence(lambda n: f"News story {n}")
    summary = "Something happened."
    date = factory.Sequence(lambda n: datetime.date(2026, 1, 1) + datetime.timedelta(days=n))
    body = factory.LazyFunction(lambda: [{"type": "paragraph", "value": "<p>Story.</p>"}])


from pei_site import roles  # noqa: E402  (appended section: the role factories below)


def _joins_group(default_group):
    """A post-generation step that puts the user in a role's group (made by the migrations)."""

    def join(user, create, extracted, **kwargs):
        from django.contrib.auth.models import Group

        group_name = extracted or default_group
        if create and group_name:
            user.groups.add(Group.objects.get(name=group_name))

    return factory.PostGeneration(join)


class RoleUserFactory(UserFactory):
    """A user in one role's group: ``RoleUserFactory(role=roles.EIDOS)``."""

    class Meta:
        # Joining a group needs no second save of the user.
        skip_postgeneration_save = True

    role = _joins_group(None)


class EditorFactory(RoleUserFactory):
    """A member of Editors: edits pages, cannot publish them."""

    username = factory.Sequence(lambda n: f"editor{n}")
    first_name = "Eden"
    last_name = factory.Sequence(lambda n: f"Editor{n}")
    role = _joins_group(roles.EDITORS)


class ApproverFactory(RoleUserFactory):
    """A member of Guidance approvers: approves, publishes, compares and reverts pages."""

    username = factory.Sequence(lambda n: f"approver{n}")
    first_name = "Ada"
    last_name = factory.Sequence(lambda n: f"Approver{n}")
    role = _joins_group(roles.GUIDANCE_APPROVERS)


# Casework. The answers are what a practitioner's completed form gives the submit services.


def district(code: str = "PEN"):
    from pei_workflow.models import District

    return District.objects.get(code=code)


def gap_answers(district_code: str = "PEN", **overrides) -> dict:
    answers = {
        "district": district(district_code),
        "practitioner_name": "Sam Taylor",
        "job_title": "Learning mentor",
        "organisation": "Example High School",
        "workforce": "education",
        "email": "sam.taylor@example.org",
        "phone": "01632 960001",
        "route": "caf_needs_unknown",
        "caf_in_place": "yes",
        "tac_consulted": "yes",
        "affected_group": "child_or_young_person",
        "age_band": "11_15",
        "children_affected": 1,
        "families_affected": 1,
        "unmet_need": "Bereavement counselling for a young person in Year 9.",
        "what_has_been_tried": "School pastoral support since March 2026.",
        "service_that_would_meet_need": "",
        "barrier": "no_service_known",
        "barrier_detail": "",
        "spot_purchase_requested": False,
        "spot_purchase_amount": None,
        "spot_purchase_purpose": "",
        "panel_attendee": "lead_professional",
        "confirmed_anonymous": True,
    }
    answers.update(overrides)
    return answers


def caf_answers(district_code: str = "PEN", **overrides) -> dict:
    answers = {
        "district": district(district_code),
        "practitioner_name": "Alex Morgan",
        "job_title": "Health visitor",
        "organisation": "Example Health Trust",
        "workforce": "health",
        "email": "alex.morgan@example.org",
        "phone": "01632 960002",
        "escalation_type": "agency_not_engaging",
        "agencies_involved": "Housing and a youth service.",
        "issue": "An agency has not come to three Team Around the Child meetings.",
        "steps_taken": "Emailed and phoned the service manager twice.",
        "outcome_sought": "The agency attends the next meeting.",
        "county_implications": "no",
        "confirmed_anonymous": True,
    }
    answers.update(overrides)
    return answers


def eido(district_code: str = "PEN", **kwargs):
    """A user who is an EIDO for the given district."""
    from pei_workflow.models import DistrictAssignment, DistrictRole

    user = UserFactory(**kwargs)
    DistrictAssignment.objects.create(
        user=user, district=district(district_code), role=DistrictRole.EIDO
    )
    return user


def county_lead(**kwargs):
    from django.contrib.auth.models import Permission

    user = UserFactory(**kwargs)
    user.user_permissions.add(Permission.objects.get(codename="work_in_all_districts"))
    return user


# Public page types and snippets (appended for the template tests).


class AccessibilityStatementPageFactory(GuidancePageFactory):
    class Meta:
        model = guidance.AccessibilityStatementPage

    title = "Accessibility statement"
    slug = "accessibility"


class PrivacyNoticePageFactory(GuidancePageFactory):
    class Meta:
        model = guidance.PrivacyNoticePage

    title = "Privacy notice"
    slug = "privacy"


def flowchart_steps() -> list[dict]:
    """A short flow with every kind of step: boxes, a decision with two branches, two ends."""
    return [
        {
            "type": "box",
            "value": {"key": "start", "title": "You find a gap", "text": "", "next": "review"},
        },
        {
            "type": "box",
            "value": {
                "key": "review",
                "title": "The EIDO reviews the form",
                "text": "They check it within 5 working days.",
                "next": "can-panel-help",
            },
        },
        {
            "type": "decision",
            "value": {
                "key": "can-panel-help",
                "question": "Can the Resource Panel meet the need?",
                "text": "",
                "branches": [
                    {"answer": "Yes", "goes_to": "agreed"},
                    {"answer": "No", "goes_to": "sub-group"},
                ],
            },
        },
        {
            "type": "end",
            "value": {"key": "agreed", "title": "Action agreed", "text": "The panel acts."},
        },
        {
            "type": "end",
            "value": {
                "key": "sub-group",
                "title": "Sub Group",
                "text": "It goes to the Sub Group.",
            },
        },
    ]


class FlowchartPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = guidance.FlowchartPage

    title = "How a gap is dealt with"
    slug = "flowchart"
    summary = "What happens to a form, step by step."
    intro = "<p>Follow the steps.</p>"
    steps = factory.LazyFunction(flowchart_steps)


class ContactsPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = guidance.ContactsPage

    title = "Contacts"
    slug = "contacts"
    summary = "Who to contact in your district."


class EIDOContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = guidance.EIDOContact

    district = factory.LazyFunction(lambda: district("PEN"))
    team_name = factory.Sequence(lambda n: f"Early Intervention Team {n}")
    email = factory.Sequence(lambda n: f"eido{n}@example.org")
    phone = "01632 960 000"
    office_hours = "Monday to Friday, 9am to 5pm"


class LinksPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = guidance.LinksPage

    title = "Useful links"
    slug = "links"
    summary = "Other places to find help."
    groups = factory.LazyFunction(
        lambda: [
            {
                "type": "group",
                "value": {
                    "heading": "National guidance",
                    "links": [
                        {
                            "title": "Working Together to Safeguard Children",
                            "url": "https://www.example.org/working-together",
                            "page": None,
                            "description": "Statutory guidance on working together.",
                        }
                    ],
                },
            }
        ]
    )


# Status page tests: staff steps that later issues will build as transitions.


def move_to_state(submission, *, transition: str, to_state: str, comment: str = "", actor=None):
    """Put a submission in a state that only a staff transition (built in a later issue)
    reaches, with the review history row that transition will write. Returns it reloaded."""
    from django.contrib.contenttypes.models import ContentType

    from pei_workflow.models import TransitionLog

    model = type(submission)
    from_state = model.objects.values_list("state", flat=True).get(pk=submission.pk)
    model.objects.filter(pk=submission.pk).update(state=to_state)
    TransitionLog.objects.create(
        content_type=ContentType.objects.get_for_model(model),
        object_id=submission.pk,
        transition=transition,
        from_state=from_state,
        to_state=to_state,
        actor=actor,
        comment=comment,
    )
    return model.objects.get(pk=submission.pk)


# Moderation: meetings, budgets, services and submissions in any state.


# The factories' one reading of the clock for casework dates: a meeting's default date, and
# from it a budget's default year, so the two can never drift apart (from 25 to 31 March a
# meeting a week ahead is already in the next financial year).
MEETING_DAYS_AHEAD = 7


def meeting_date(days_ahead: int = MEETING_DAYS_AHEAD) -> datetime.date:
    """The date of a meeting `days_ahead` from today, today as it is in Europe/London."""
    from django.utils import timezone

    return timezone.localdate() + datetime.timedelta(days=days_ahead)


def budget_year(day: datetime.date | None = None) -> int:
    """The financial year of `day`, or, without one, of the date `meeting()` gives a meeting
    by default: the year a spot purchase at that meeting is charged to."""
    from pei_workflow.models import financial_year_of

    return financial_year_of(day or meeting_date())


def meeting(
    district_code: str = "PEN",
    *,
    kind: str = "resource_panel",
    days_ahead: int = MEETING_DAYS_AHEAD,
    date: datetime.date | None = None,
    **kwargs,
):
    """A Resource Panel (or, with kind="sub_group", a Sub Group) meeting on `date`, or
    `days_ahead` from today."""
    from pei_workflow.models import Meeting

    return Meeting.objects.create(
        district=district(district_code),
        kind=kind,
        date=date or meeting_date(days_ahead),
        location=kwargs.pop("location", "Nelson Town Hall"),
        **kwargs,
    )


def budget(district_code: str = "PEN", amount="5000.00", *, year: int | None = None, meeting=None):
    """The district's spot-purchase budget for the financial year of `meeting`, or `year`, or
    by default of the default meeting's date (see `budget_year`): a spot purchase is charged
    to the year of the meeting that agrees it, not of the day it is recorded."""
    from decimal import Decimal

    from pei_workflow.models import SpotPurchaseBudget

    if meeting is not None:
        if year is not None and year != budget_year(meeting.date):
            raise ValueError(f"{meeting} is not in financial year {year}")
        year = budget_year(meeting.date)
    return SpotPurchaseBudget.objects.create(
        district=district(district_code),
        financial_year=year if year is not None else budget_year(),
        amount=Decimal(amount),
    )


def service(district_code: str = "PEN", name: str = "Young Minds Bereavement Service", **kwargs):
    from pei_workflow.models import Service

    created = Service.objects.create(
        name=name,
        offers=kwargs.pop("offers", "One-to-one bereavement counselling for ages 5 to 18."),
        who_for=kwargs.pop("who_for", "Children and young people who have lost someone close."),
        how_to_refer=kwargs.pop("how_to_refer", "Any professional can refer by email."),
        **kwargs,
    )
    created.districts.add(district(district_code))
    return created


def submitted_gap(district_code: str = "PEN", **overrides):
    from pei_workflow.services import submit_gap_in_service

    return submit_gap_in_service(answers=gap_answers(district_code, **overrides))


def submitted_caf(district_code: str = "PEN", **overrides):
    from pei_workflow.services import submit_caf_escalation

    return submit_caf_escalation(answers=caf_answers(district_code, **overrides))


# Service directory and CYPP priorities (the directory area).


class ServiceDirectoryPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = guidance.ServiceDirectoryPage

    title = "Service directory"
    slug = "service-directory"
    summary = "Local services that can meet a need."
    intro = "<p>Check the directory before you report a gap.</p>"


def priority(district_code: str = "PEN", title: str = "Emotional health", **kwargs):
    """A CYPP priority of the district."""
    from pei_workflow.models import Priority

    return Priority.objects.create(district=district(district_code), title=title, **kwargs)


def panel_member(district_code: str = "PEN", **kwargs):
    """A user who sits on the district's Resource Panel (read-only)."""
    from pei_workflow.models import DistrictAssignment, DistrictRole

    user = UserFactory(**kwargs)
    DistrictAssignment.objects.create(
        user=user, district=district(district_code), role=DistrictRole.PANEL_MEMBER
    )
    return user


def signposted_gap(service, district_code: str = "PEN", *, unknown: bool = True, actor=None):
    """A gap the EIDO signposted to `service`; `unknown` says the practitioner did not know
    about it, which counts towards the service's times missed."""
    from pei_workflow.services import signpost, start_review

    actor = actor or county_lead()
    gap = start_review(submission=submitted_gap(district_code), actor=actor)
    return signpost(submission=gap, actor=actor, service=service, unknown_to_practitioner=unknown)


# Meetings and budgets in the admin (appended by the meetings area).


def _in_group(user, group_name: str):
    from django.contrib.auth.models import Group

    user.groups.add(Group.objects.get(name=group_name))
    return user


def admin_eido(district_code: str = "PEN", **kwargs):
    """An EIDO for the district who can use the admin (a member of the EIDOs group)."""
    return _in_group(eido(district_code, **kwargs), roles.EIDOS)


def admin_county_lead(**kwargs):
    """A county lead who can use the admin (a member of the County leads group)."""
    return _in_group(county_lead(**kwargs), roles.COUNTY_LEADS)


def admin_panel_member(district_code: str = "PEN", **kwargs):
    """A member of the district's Resource Panel or Sub Group who can use the admin (a member
    of the Panel members group), to read its meetings, agendas and budgets."""
    return _in_group(panel_member(district_code, **kwargs), roles.PANEL_MEMBERS)


def listed_member(
    district_code: str = "PEN", *, body: str = "resource_panel", name: str = "Jo Price", **kwargs
):
    """A listed member of the district's Resource Panel (or, with body="sub_group", its Sub
    Group): a name on the membership list, not an account."""
    from pei_workflow.models import PanelMember

    return PanelMember.objects.create(
        district=district(district_code),
        body=body,
        name=name,
        agency=kwargs.pop("agency", "Lancashire County Council"),
        **kwargs,
    )


def on_agenda(submission, meeting, actor):
    """Review the submission and put it on the meeting's agenda, as its EIDO would."""
    from pei_workflow.services import add_to_agenda, start_review

    reviewed = start_review(submission=submission, actor=actor)
    return add_to_agenda(submission=reviewed, actor=actor, meeting=meeting)


# Moderation screens: submissions put in a state (admin users are the meetings area's above).


def in_state(submission, state: str, *, meeting=None):
    """Test set-up only: put a submission straight into `state` (with its meeting), without
    the transitions that would lead there. Returns it reloaded."""
    model = type(submission)
    model.objects.filter(pk=submission.pk).update(state=state, meeting=meeting)
    return model.objects.get(pk=submission.pk)
