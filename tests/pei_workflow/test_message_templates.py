"""Message templates: the texts an EIDO starts from when a step tells the practitioner
something. Saved only with placeholders that exist and no identifying detail; offered on a
step's form with the submission's district's first, then the county defaults, never another
district's; picked with `?template=<id>` (a template not offered is a 400); the filled text
goes through the same guard as anything typed. EIDOs change their districts' templates,
county leads the county defaults and any district's."""

import html

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from pei_workflow import services
from pei_workflow.admin.casework.steps import STEPS
from pei_workflow.admin.urls import screen_url
from pei_workflow.models import AuditLogEntry, MessageStep, MessageTemplate, TransitionLog
from pei_workflow.placeholders import fill, placeholder_problems, status_page_address
from pei_workflow.selectors import message_templates_offered
from pei_workflow.text_checks import identifying_details_in
from tests.factories import (
    admin_county_lead,
    admin_eido,
    admin_panel_member,
    district,
    submitted_gap,
)
from tests.pei_workflow.test_moderation_screens import snapshot, step_url

pytestmark = pytest.mark.django_db

QUESTION = "Thank you for {reference}. Which services in {district} have you asked already?"
UNKNOWN = (
    "{child} is not a placeholder you can use. You can use {reference}, {district} and "
    "{status_page}."
)


def template(
    district_code=None, *, step="request_information", name="Services asked", body=QUESTION
):
    return MessageTemplate.objects.create(
        district=district(district_code) if district_code else None, step=step, name=name, body=body
    )


def save(actor, *, district_code="PEN", template=None, **fields):
    values = {"step": "request_information", "name": "Services asked", "body": QUESTION}
    return services.save_message_template(
        actor=actor,
        template=template,
        district=district(district_code) if district_code else None,
        **(values | fields),
    )


def in_review(code="PEN"):
    return services.start_review(submission=submitted_gap(code), actor=admin_county_lead())


# The rules of a template.


def test_a_template_with_an_unknown_placeholder_is_refused_by_name_and_nothing_is_saved():
    before = MessageTemplate.objects.count()
    with pytest.raises(ValidationError) as refused:
        save(admin_eido("PEN"), body="Dear {child}, thank you for {reference}.")
    assert refused.value.message_dict == {"body": [UNKNOWN]}
    assert MessageTemplate.objects.count() == before


def test_several_unknown_placeholders_are_named_together():
    assert placeholder_problems("{child} and {school} for {reference}") == [
        "{child} and {school} are not placeholders you can use. You can use {reference}, "
        "{district} and {status_page}."
    ]


@pytest.mark.parametrize(
    "body", ["Thank you for {reference.", "Thank you for reference}.", "{{reference}}"]
)
def test_a_template_with_an_unbalanced_brace_is_refused(body):
    with pytest.raises(ValidationError) as refused:
        save(admin_eido("PEN"), body=body)
    assert "A curly bracket has no partner" in " ".join(refused.value.message_dict["body"])
    assert not MessageTemplate.objects.filter(body=body).exists()


def test_a_template_that_identifies_someone_is_refused_when_it_is_saved():
    with pytest.raises(ValidationError) as refused:
        save(admin_eido("PEN"), body="Is {reference} about Ellie Thompson, aged 9?")
    assert "body" in refused.value.message_dict
    assert not MessageTemplate.objects.filter(name="Services asked").exists()


def test_every_county_default_is_loaded_and_keeps_the_rules():
    """Migration 0015 gives every step a county default that passes the save checks."""
    defaults = MessageTemplate.objects.filter(district=None)
    assert set(defaults.values_list("step", flat=True)) == set(MessageStep.values)
    for default in defaults:
        assert placeholder_problems(default.body) == [], default.name
        assert identifying_details_in(default.body) == [], default.name


def test_every_step_with_a_text_for_the_practitioner_offers_templates_and_only_those():
    offering = {name for name, step in STEPS.items() if step.message_field}
    assert offering == set(MessageStep.values)
    for name in offering:
        assert STEPS[name].message_field in STEPS[name].form_class.base_fields, name


def test_picking_a_template_fills_the_placeholders_for_the_submission():
    gap = in_review("PEN")
    text = fill("{reference} in {district}: {status_page}", gap)
    assert text == f"{gap.reference} in Pendle: http://testserver/status/resend/"
    assert status_page_address() == "http://testserver" + reverse("pei_forms:resend_link")


# Who may change what.


def test_an_eido_adds_and_edits_their_districts_template_and_the_audit_log_has_it():
    officer = admin_eido("PEN")
    saved = save(officer)
    saved = save(officer, template=saved, name="Services already asked")
    assert saved.name == "Services already asked" and saved.district.code == "PEN"
    entries = AuditLogEntry.objects.filter(object_id=str(saved.pk), district=district("PEN"))
    assert set(entries.values_list("action", flat=True)) == {"wagtail.create", "wagtail.edit"}


def test_an_eido_cannot_change_another_districts_or_the_countys_templates():
    officer = admin_eido("PEN")
    burnley, county = template("BUR"), template(None, name="County question")
    for existing in (burnley, county):
        with pytest.raises(PermissionDenied):
            save(officer, template=existing, district_code="PEN", name="Taken over")
    with pytest.raises(PermissionDenied):
        save(officer, district_code=None, name="A new county default")
    with pytest.raises(PermissionDenied):
        save(officer, district_code="BUR", name="A new Burnley template")
    assert set(MessageTemplate.objects.filter(name__startswith="A new").values_list("pk")) == set()
    assert MessageTemplate.objects.get(pk=burnley.pk).name == "Services asked"
    assert MessageTemplate.objects.get(pk=county.pk).name == "County question"


def test_a_county_lead_changes_the_county_defaults_and_any_districts():
    lead = admin_county_lead()
    county = save(lead, district_code=None, name="A county question")
    burnley = save(lead, district_code="BUR", name="A Burnley question")
    assert county.district is None and burnley.district.code == "BUR"


def test_a_panel_member_may_not_save_a_template():
    with pytest.raises(PermissionDenied):
        save(admin_panel_member("PEN"))


def test_two_templates_of_one_step_and_district_cannot_share_a_name():
    officer = admin_eido("PEN")
    save(officer)
    with pytest.raises(ValidationError) as refused:
        save(officer, name="services ASKED")
    assert refused.value.message_dict["name"] == [
        "There is already a Pendle template called “services ASKED” for this step. "
        "Choose another name."
    ]


# What a step's form offers.


def test_the_districts_template_is_offered_before_the_county_default_and_another_districts_never():
    pendle = template("PEN", name="Zebra crossing question")
    template("BUR", name="Burnley question")
    gap = in_review("PEN")
    for person in (admin_eido("PEN"), admin_county_lead()):
        offered = message_templates_offered(person, gap, "request_information")
        assert offered[0] == pendle
        assert {t.district_id for t in offered[1:]} == {None}
        assert "Burnley question" not in [t.name for t in offered]


def test_another_districts_eido_is_offered_nothing_on_a_case_they_cannot_see():
    template("PEN")
    assert message_templates_offered(admin_eido("BUR"), in_review("PEN"), "decline") == []


def test_the_step_form_offers_the_templates_and_fills_the_text_for_the_picked_one(client):
    officer = admin_eido("PEN")
    pendle = template("PEN")
    gap = in_review("PEN")
    client.force_login(officer)
    page = html.unescape(client.get(step_url(gap, "request_information")).content.decode())
    assert "Start from a template" in page
    assert page.index(">Services asked<") < page.index(">A question about the need<")
    response = client.get(step_url(gap, "request_information", template=pendle.pk))
    assert response.status_code == 200
    filled = response.context["form"].initial["message"]
    assert (
        filled == f"Thank you for {gap.reference}. Which services in Pendle have you asked already?"
    )
    assert f"{html.escape(filled)}</textarea>" in response.content.decode()
    # The step's form posts to the step itself: the picked template is not sent with it.
    assert response.context["action_url"] == step_url(gap, "request_information")


@pytest.mark.parametrize("value", ["burnley", "999999", "abc", "", "county-on-the-wrong-step"])
def test_a_template_not_offered_for_this_step_is_a_400_and_changes_nothing(client, value):
    officer = admin_eido("PEN")
    gap = in_review("PEN")
    ids = {
        "burnley": template("BUR").pk,
        "county-on-the-wrong-step": MessageTemplate.objects.get(district=None, step="decline").pk,
    }
    client.force_login(officer)
    before = snapshot(gap)
    response = client.get(step_url(gap, "request_information", template=ids.get(value, value)))
    assert response.status_code == 400
    assert "That template is not offered" in response.content.decode()
    assert snapshot(gap) == before


def test_a_template_given_twice_is_a_400(client):
    officer = admin_eido("PEN")
    gap = in_review("PEN")
    pk = template("PEN").pk
    client.force_login(officer)
    url = step_url(gap, "request_information") + f"?template={pk}&template={pk}"
    assert client.get(url).status_code == 400


def test_the_filled_text_with_an_identifying_detail_added_is_refused_by_the_guard(client):
    officer = admin_eido("PEN")
    gap = in_review("PEN")
    client.force_login(officer)
    pendle = template("PEN")
    filled = (
        client.get(step_url(gap, "request_information", template=pendle.pk))
        .context["form"]
        .initial["message"]
    )
    before = snapshot(gap)
    edited = filled + " Is this about Ellie Thompson at BB9 7LJ?"
    response = client.post(
        step_url(gap, "request_information"), {"seen_state": "in_review", "message": edited}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["message"]
    assert snapshot(gap) == before
    # Sent as filled (and edited without a detail), the step is taken.
    response = client.post(
        step_url(gap, "request_information"),
        {"seen_state": "in_review", "message": filled + " Thank you."},
    )
    assert response.status_code == 302
    asked = TransitionLog.objects.get(object_id=gap.pk, transition="request_information")
    assert asked.comment == filled + " Thank you."


# The screen.


def test_an_eido_sees_their_districts_and_the_county_templates_and_edits_only_their_own(client):
    officer = admin_eido("PEN")
    pendle, burnley = (
        template("PEN", name="Pendle welcome"),
        template("BUR", name="Burnley welcome"),
    )
    county = MessageTemplate.objects.filter(district=None).first()
    client.force_login(officer)
    listing = client.get(screen_url(MessageTemplate)).content.decode()
    assert "Pendle welcome" in listing and county.name in listing
    assert "Burnley welcome" not in listing
    assert client.get(screen_url(MessageTemplate, "edit", pendle.pk)).status_code == 200
    assert client.get(screen_url(MessageTemplate, "inspect", county.pk)).status_code == 200
    assert client.get(screen_url(MessageTemplate, "edit", county.pk)).status_code == 403
    assert client.post(screen_url(MessageTemplate, "delete", county.pk)).status_code == 403
    assert client.get(screen_url(MessageTemplate, "edit", burnley.pk)).status_code == 404
    assert MessageTemplate.objects.filter(pk=county.pk).exists()


def test_saving_a_template_with_an_unknown_placeholder_on_the_screen_shows_the_message(client):
    officer = admin_eido("PEN")
    client.force_login(officer)
    before = MessageTemplate.objects.count()
    response = client.post(
        screen_url(MessageTemplate, "create"),
        {
            "step": "decline",
            "name": "Not for us",
            "district": district("PEN").pk,
            "body": "Dear {child}, we cannot take {reference} further.",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["body"] == [UNKNOWN]
    assert MessageTemplate.objects.count() == before


def test_a_template_saved_on_the_screen_is_offered_on_the_step(client):
    officer = admin_eido("PEN")
    client.force_login(officer)
    response = client.post(
        screen_url(MessageTemplate, "create"),
        {
            "step": "decline",
            "name": "Not for us",
            "district": district("PEN").pk,
            "body": "We cannot take {reference} further in {district}.",
        },
    )
    assert response.status_code == 302
    saved = MessageTemplate.objects.get(name="Not for us")
    assert message_templates_offered(officer, in_review("PEN"), "decline")[0] == saved


def test_an_eido_cannot_make_a_county_default_on_the_screen(client):
    officer = admin_eido("PEN")
    client.force_login(officer)
    response = client.post(
        screen_url(MessageTemplate, "create"),
        {"step": "decline", "name": "Everyone's", "district": "", "body": "We cannot help."},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["district"] == [
        "Select the district the template is for."
    ]
    assert not MessageTemplate.objects.filter(name="Everyone's").exists()


def test_panel_members_do_not_see_the_screen(client):
    client.force_login(admin_panel_member("PEN"))
    assert client.get(screen_url(MessageTemplate)).status_code == 403
    county = MessageTemplate.objects.filter(district=None).first()
    assert client.get(screen_url(MessageTemplate, "inspect", county.pk)).status_code == 404


def test_deleting_a_template_on_the_screen_is_in_the_audit_log(client):
    officer = admin_eido("PEN")
    pendle = template("PEN")
    client.force_login(officer)
    assert client.post(screen_url(MessageTemplate, "delete", pendle.pk)).status_code == 302
    assert not MessageTemplate.objects.filter(pk=pendle.pk).exists()
    deleted = AuditLogEntry.objects.get(object_id=str(pendle.pk), action="wagtail.delete")
    assert (deleted.user, deleted.district.code) == (officer, "PEN")
