"""Redaction: an EIDO or county lead takes an identifying detail out of a submission, the whole
of an answer or every occurrence of a passage, and it is then found nowhere in the database;
the history says who redacted which answer, when and why, without the text."""

import pickle

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from wagtail.models import ModelLogEntry
from wagtail.search import index
from wagtail.search.models import IndexEntry

from pei_workflow import services
from pei_workflow.admin.urls import inspect_url, redact_url, screen_url
from pei_workflow.mail import deliver_email
from pei_workflow.models import AuditLogEntry, CafEscalation, GapInService, TransitionLog
from pei_workflow.services.redaction import REDACTED, REVIEW_HISTORY, redactable_fields
from pei_workflow.text_checks import refuse_identifying_details
from tests.database_scan import find_everywhere, tables_holding
from tests.email_queue import run_email_worker
from tests.factories import (
    admin_county_lead,
    admin_eido,
    admin_panel_member,
    county_lead,
    eido,
    in_state,
    submitted_caf,
    submitted_gap,
)

pytestmark = pytest.mark.django_db

# A detail that identifies a child without a name, a school or an address: the anonymity
# guard cannot know it, which is why redaction exists.
PHRASE = "the only girl in her year who plays the bagpipes at assembly"
NEED = f"Counselling after a bereavement for {PHRASE}, who is withdrawn."


def history_of(submission):
    return list(type(submission).history.filter(id=submission.pk).order_by("history_id"))


def the_scenario():
    """The issue's case: the phrase written into a gap's free text, corrected twice (once
    quoted in the reason), quoted in an information request, in a queued email and in a
    Wagtail log entry."""
    officer = eido("PEN", first_name="Rita", last_name="Officer")
    gap = services.start_review(submission=submitted_gap("PEN", unmet_need=NEED), actor=officer)
    gap = services.correct_answers(
        submission=gap,
        actor=officer,
        changes={"unmet_need": NEED + " Since the summer term."},
        reason="The practitioner added when it started.",
    )
    gap = services.correct_answers(
        submission=gap,
        actor=officer,
        changes={"what_has_been_tried": f"Lunchtime club for {PHRASE}."},
        reason=f"Moved “{PHRASE}” into what was tried, as the practitioner asked.",
    )
    gap = services.request_information(
        submission=gap, actor=officer, message=f"You wrote “{PHRASE}”. Is she in Year 9?"
    )
    deliver_email.enqueue(
        subject=f"About {gap.reference}",
        body=f"The panel will hear about {PHRASE}.",
        to=["rita.officer@example.org"],
        about=gap.reference,
    )
    ModelLogEntry.objects.log_action(gap, "wagtail.edit", data={"note": PHRASE})
    return officer, GapInService.objects.get(pk=gap.pk)


def test_the_phrase_passes_the_anonymity_guard_so_only_redaction_can_take_it_out():
    """The scenario is worth testing only if the guard lets the phrase through."""
    refuse_identifying_details(NEED, label="The unmet need")


def test_a_phrase_corrected_twice_and_quoted_is_found_nowhere_after_it_is_redacted():
    """After redacting the passage from the unmet need, a scan of every column of every
    table finds it nowhere, on SQLite and PostgreSQL alike."""
    officer, gap = the_scenario()
    before = tables_holding(PHRASE)
    assert {
        "pei_workflow_gapinservice",
        "pei_workflow_historicalgapinservice",
        "pei_workflow_transitionlog",
        "django_tasks_database_dbtaskresult",
        "wagtailcore_modellogentry",
    } <= before, "the scan must see every kind of copy before it can prove them gone"

    removed = services.redact(
        submission=gap,
        actor=officer,
        field="unmet_need",
        passage=PHRASE,
        reason="It describes the child closely enough to pick her out.",
    )

    assert find_everywhere(PHRASE) == []
    assert removed.submission == 1 and removed.versions >= 4
    assert removed.review_history == 2  # the second correction's reason and the question
    assert removed.tasks == 1 and removed.log_entries == 1
    gap.refresh_from_db()
    assert gap.unmet_need == f"Counselling after a bereavement for {REDACTED}, who is " + (
        "withdrawn. Since the summer term."
    )
    assert gap.what_has_been_tried == f"Lunchtime club for {REDACTED}."


def test_the_history_says_who_redacted_which_answer_when_and_why_without_the_text():
    """A review history row ("redact") and a new version name the person, the answer and the
    reason; neither holds the removed text."""
    officer, gap = the_scenario()
    reason = "It describes the child closely enough to pick her out."
    services.redact(
        submission=gap, actor=officer, field="unmet_need", passage=PHRASE, reason=reason
    )
    log = TransitionLog.objects.filter(object_id=gap.pk, transition="redact").get()
    assert log.actor == officer and log.actor_label == "Rita Officer"
    assert log.comment == reason and log.created_at is not None
    assert log.data == {"field": "The unmet need", "redacted": "Every occurrence of a passage"}
    latest = history_of(gap)[-1]
    assert latest.history_user == officer
    assert latest.history_change_reason == f"Redacted the unmet need: {reason}"
    assert PHRASE not in str(log.data) + log.comment + latest.history_change_reason
    entry = AuditLogEntry.objects.filter(action="pei_workflow.redact").get()
    assert (entry.user, entry.district_id, entry.data) == (
        officer,
        gap.district_id,
        {"field": "unmet_need"},
    )


def test_redacting_a_whole_answer_empties_it_in_every_version_and_its_copies():
    """The whole field becomes "[redacted]" in the live row and every version that held it;
    each value it held is taken out where it was pasted; other answers are untouched."""
    officer = eido("PEN")
    gap = services.start_review(submission=submitted_gap("PEN"), actor=officer)
    first = "Taxi to the bereavement group for the boy with the green wheelchair."
    gap = services.correct_answers(
        submission=gap, actor=officer, changes={"barrier_detail": first}, reason="Added."
    )
    second = first + " On Tuesdays."
    gap = services.correct_answers(
        submission=gap, actor=officer, changes={"barrier_detail": second}, reason="Added a day."
    )
    services.request_information(submission=gap, actor=officer, message=f"About: {second}")

    services.redact(submission=gap, actor=officer, field="barrier_detail", reason="Too close.")

    assert find_everywhere("green wheelchair") == []
    values = {row.barrier_detail for row in history_of(gap)}
    assert values == {"", REDACTED}
    gap.refresh_from_db()
    assert gap.barrier_detail == REDACTED
    assert gap.unmet_need == "Bereavement counselling for a young person in Year 9."
    question = TransitionLog.objects.get(object_id=gap.pk, transition="request_information")
    assert question.comment == f"About: {REDACTED}"


def test_a_passage_in_the_review_history_only_can_be_redacted():
    """The practitioner's answer to a question is in the review history and nowhere else."""
    officer = eido("PEN")
    gap = services.start_review(submission=submitted_gap("PEN"), actor=officer)
    gap = services.request_information(submission=gap, actor=officer, message="Which year?")
    services.provide_information(submission=gap, answer=f"She is {PHRASE}.")
    services.redact(
        submission=gap, actor=officer, field=REVIEW_HISTORY, passage=PHRASE, reason="Too close."
    )
    assert find_everywhere(PHRASE) == []
    answer = TransitionLog.objects.get(object_id=gap.pk, transition="provide_information")
    assert answer.comment == f"She is {REDACTED}."


def test_a_passage_is_found_whatever_its_capitals_and_line_breaks():
    officer = eido("PEN")
    need = "Help for the only girl in her year\nwho plays the BAGPIPES at assembly."
    gap = submitted_gap("PEN", unmet_need=need)
    services.redact(
        submission=gap, actor=officer, field="unmet_need", passage=PHRASE, reason="Too close."
    )
    gap.refresh_from_db()
    assert gap.unmet_need == f"Help for {REDACTED}."


def test_a_passage_is_whole_words_so_longer_words_and_the_reference_are_left_alone():
    """Redacting "pen" takes out the word, not the letters in "happened" or in the
    reference GAP-PEN-…; a word touching punctuation ("pen's") is still taken out."""
    officer = eido("PEN")
    need = "Bereavement support; the pen pal scheme happened to stop, and the pen's owner left."
    gap = submitted_gap("PEN", unmet_need=need)
    ModelLogEntry.objects.log_action(gap, "wagtail.edit")
    services.redact(
        submission=gap, actor=officer, field="unmet_need", passage="pen", reason="Too close."
    )
    gap.refresh_from_db()
    assert gap.unmet_need == (
        f"Bereavement support; the {REDACTED} pal scheme happened to stop, and the "
        f"{REDACTED}'s owner left."
    )
    assert ModelLogEntry.objects.get(object_id=str(gap.pk)).label == gap.reference


def test_a_spot_purchase_that_quotes_the_passage_is_redacted_too():
    """What a spot purchase buys belongs to the gap, and may repeat its words."""
    from decimal import Decimal

    from tests.factories import budget, meeting, on_agenda

    officer = admin_eido("PEN")
    panel = meeting("PEN")
    budget("PEN", meeting=panel)
    gap = on_agenda(submitted_gap("PEN", unmet_need=NEED), panel, officer)
    services.record_panel_decision(
        submission=gap,
        actor=officer,
        outcome="spot_purchase",
        amount=Decimal("120.00"),
        purchase_for=f"Lessons for {PHRASE}.",
    )
    services.redact(
        submission=gap, actor=officer, field="unmet_need", passage=PHRASE, reason="Too close."
    )
    assert find_everywhere(PHRASE) == []
    assert gap.spot_purchases.get().purchase_for == f"Lessons for {REDACTED}."


def state_of_everything(submission) -> tuple:
    """What a refused redaction must leave alone."""
    return (
        list(type(submission).history.filter(id=submission.pk).order_by("history_id").values()),
        list(TransitionLog.objects.filter(object_id=submission.pk).values()),
        list(DBTaskResult.objects.values("args_kwargs")),
    )


@pytest.mark.parametrize(
    "arguments,key",
    [
        ({"field": "unmet_need", "passage": "not in the answer", "reason": "R."}, "passage"),
        ({"field": "unmet_need", "passage": "ab", "reason": "Too close."}, "passage"),
        ({"field": "unmet_need", "passage": "redacted", "reason": "Too close."}, "passage"),
        ({"field": "practitioner_name", "passage": "Sam", "reason": "Too close."}, "field"),
        ({"field": "state", "reason": "Too close."}, "field"),
        ({"field": "unmet_need", "passage": PHRASE, "reason": "   "}, "reason"),
        ({"field": "unmet_need", "passage": PHRASE, "reason": f"Said {PHRASE}."}, "reason"),
        ({"field": "barrier_detail", "reason": "Too close."}, "field"),
        ({"field": REVIEW_HISTORY, "reason": "Too close."}, "passage"),
    ],
)
def test_a_refused_redaction_says_why_beside_its_field_and_changes_nothing(arguments, key):
    """Passage not found, too short or already redacted; a field that is not free text;
    an empty reason or one that repeats the text; an empty answer; the whole review history."""
    officer, gap = the_scenario()
    before = state_of_everything(gap)
    with pytest.raises(ValidationError) as refused:
        services.redact(submission=gap, actor=officer, **arguments)
    assert list(refused.value.message_dict) == [key]
    assert state_of_everything(gap) == before


def test_only_the_districts_eido_or_a_county_lead_may_redact():
    """Burnley's EIDO is refused and nothing changes; Pendle's EIDO and a county lead may."""
    gap = submitted_gap("PEN", unmet_need=NEED)
    before = state_of_everything(gap)
    with pytest.raises(PermissionDenied):
        services.redact(
            submission=gap, actor=eido("BUR"), field="unmet_need", passage=PHRASE, reason="R."
        )
    assert state_of_everything(gap) == before
    services.redact(
        submission=gap, actor=eido("PEN"), field="unmet_need", passage="bagpipes", reason="R."
    )
    services.redact(
        submission=gap, actor=county_lead(), field="unmet_need", passage="assembly", reason="R."
    )
    assert TransitionLog.objects.filter(object_id=gap.pk, transition="redact").count() == 2


def test_the_redactable_fields_are_the_free_text_answers_and_the_staff_notes():
    assert redactable_fields(GapInService) == [
        "decision_notes",
        "closing_notes",
        "unmet_need",
        "what_has_been_tried",
        "service_that_would_meet_need",
        "barrier_detail",
        "spot_purchase_purpose",
    ]
    assert redactable_fields(CafEscalation) == [
        "decision_notes",
        "closing_notes",
        "agencies_involved",
        "issue",
        "steps_taken",
        "outcome_sought",
    ]


def test_submissions_are_not_in_the_search_index_so_there_is_no_copy_there():
    """Neither kind of submission is indexed, and sending, reviewing and redacting one adds
    nothing to Wagtail's search index."""
    assert not index.class_is_indexed(GapInService)
    assert not index.class_is_indexed(CafEscalation)
    officer, gap = the_scenario()
    caf = submitted_caf("PEN")
    services.redact(submission=gap, actor=officer, field="unmet_need", passage=PHRASE, reason="R.")
    types = ContentType.objects.get_for_models(GapInService, CafEscalation).values()
    assert not IndexEntry.objects.filter(content_type__in=types).exists()
    assert caf.pk  # made, and not indexed either


def test_nothing_in_the_cache_holds_a_submissions_text(client):
    """The inspect page (with its workflow picture), the list and its exports put nothing of
    the submission's text in the cache, so a redaction has no cached copy to drop."""
    caches["default"].clear()
    officer, gap = the_scenario()
    client.force_login(admin_county_lead())
    assert client.get(inspect_url(gap)).status_code == 200
    for export in ("csv", "xlsx"):
        assert client.get(screen_url(GapInService), {"export": export}).status_code == 200
    stored = caches["default"]._cache
    assert stored, "the inspect page caches its workflow picture"
    for value in stored.values():
        assert PHRASE.encode() not in value and PHRASE not in str(pickle.loads(value))


def test_an_email_sent_before_the_redaction_leaves_no_copy_in_the_finished_task():
    """A finished email task keeps its arguments until it is pruned: they are scrubbed too."""
    officer, gap = the_scenario()
    run_email_worker()
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").exists()
    services.redact(submission=gap, actor=officer, field="unmet_need", passage=PHRASE, reason="R.")
    assert find_everywhere(PHRASE) == []


# The admin screen.


def redact_form(**overrides) -> dict:
    data = {
        "field": "unmet_need",
        "part": "passage",
        "passage": PHRASE,
        "reason": "It describes the child closely enough to pick her out.",
        "confirm": "on",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def test_the_inspect_page_offers_redaction_to_the_eido(client):
    gap = in_state(submitted_gap("PEN", unmet_need=NEED), "closed")
    client.force_login(admin_eido("PEN"))
    body = client.get(inspect_url(gap)).content.decode()
    assert f'href="{redact_url(gap)}"' in body


def test_the_form_lists_only_answers_that_hold_text_and_the_review_history(client):
    gap = submitted_gap("PEN", unmet_need=NEED)
    client.force_login(admin_eido("PEN"))
    body = client.get(redact_url(gap)).content.decode()
    assert 'value="unmet_need"' in body and 'value="review_history"' in body
    assert 'value="barrier_detail"' not in body and 'value="closing_notes"' not in body


def test_redacting_through_the_form_confirms_and_returns_to_the_submission(client):
    gap = submitted_gap("PEN", unmet_need=NEED)
    client.force_login(admin_eido("PEN"))
    response = client.post(redact_url(gap), redact_form(), follow=True)
    assert response.redirect_chain == [(inspect_url(gap), 302)]
    body = response.content.decode()
    assert f"Redacted from {gap.reference}" in body
    assert PHRASE not in body and find_everywhere(PHRASE) == []


@pytest.mark.parametrize(
    "overrides,message",
    [
        ({"confirm": None}, "Confirm that you understand the text cannot be brought back."),
        ({"passage": ""}, "Enter the passage to redact."),
        ({"reason": ""}, "Enter why you are redacting it."),
        ({"passage": "words that are not there"}, "That passage is not in the unmet need."),
        ({"field": "review_history", "part": "whole"}, "redacted a passage at a time"),
    ],
)
def test_a_refused_form_shows_an_error_summary_and_changes_nothing(client, overrides, message):
    gap = submitted_gap("PEN", unmet_need=NEED)
    client.force_login(admin_eido("PEN"))
    response = client.post(redact_url(gap), redact_form(**overrides))
    body = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in body and message in body
    assert "<title>Error:" in body
    gap.refresh_from_db()
    assert gap.unmet_need == NEED


@pytest.mark.parametrize("who", ["burnley_eido", "panel_member"])
def test_someone_who_may_not_see_the_submission_gets_404_and_nothing_changes(client, who):
    gap = submitted_gap("PEN", unmet_need=NEED)
    client.force_login(admin_eido("BUR") if who == "burnley_eido" else admin_panel_member("PEN"))
    assert client.get(redact_url(gap)).status_code == 404
    assert client.post(redact_url(gap), redact_form()).status_code == 404
    gap.refresh_from_db()
    assert gap.unmet_need == NEED


def test_an_unknown_kind_of_submission_is_404(client):
    gap = submitted_gap("PEN")
    client.force_login(admin_county_lead())
    url = reverse("pei_workflow_redact", kwargs={"model_name": "meeting", "pk": gap.pk})
    assert client.get(url).status_code == 404
