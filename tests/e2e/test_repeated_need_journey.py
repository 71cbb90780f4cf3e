"""An EIDO meets a repeated need in a real browser: the gaps list marks it, its page shows
the similar gaps of Pendle and what met them, the agenda marks it and shows the same panel,
and the EIDO passes it to the Sub Group with the reason drafted from the similar gaps'
references. A second gap's signpost form offers the service that met the similar needs
first. Every screen on the way is checked with axe-core (WCAG 2.2 A and AA) and the Nu HTML
Checker."""

import pytest
from django.urls import reverse

from pei_workflow.admin import urls
from pei_workflow.models import GapInService, TransitionLog
from pei_workflow.services import add_to_agenda, start_review
from tests.e2e.test_moderation_journey import (
    AdminAudit,
    follow,
    sign_in,
    submit_step,
    success_message,
)
from tests.factories import admin_eido, meeting, service, submitted_gap
from tests.pei_workflow.similar_needs import GRIEF, GRIEF_AGAIN

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LIST = "/admin/pei_workflow/gapinservice/"  # as the other journeys


@pytest.fixture
def site_url(live_server):
    return live_server.url


def test_an_eido_passes_a_repeated_need_to_the_sub_group_with_a_drafted_reason(
    page, site_url, tmp_path
):
    officer = admin_eido("PEN", username="priya", first_name="Priya", last_name="Shah")
    bereavement = service("PEN")
    service("PEN", name="Aardvark Family Support")
    earlier = [submitted_gap("PEN", **GRIEF_AGAIN) for _ in range(3)]
    GapInService.objects.filter(pk__in=[gap.pk for gap in earlier[:2]]).update(
        identified_service=bereavement, panel_outcome="service_identified"
    )
    reviewed = start_review(submission=submitted_gap("PEN", **GRIEF), actor=officer)
    gap = add_to_agenda(submission=reviewed, actor=officer, meeting=meeting("PEN"))
    ref = gap.reference
    audit = AdminAudit(page)
    sign_in(audit, site_url, "priya")

    # The list marks it, and the others like it.
    audit.check("list", page.goto(f"{site_url}{LIST}"))
    row = page.locator("tbody tr", has_text=ref)
    assert "Repeated need" in row.inner_text()

    # Its page: the district's similar gaps, what met them, and each one's row.
    audit.check("inspect", follow(page, row.get_by_role("link", name=ref).first))
    panel = page.locator("section.pei-similar")
    assert (
        "3 similar gaps in Pendle in the last 12 months, 2 met by Young Minds Bereavement "
        "Service." in panel.inner_text()
    )
    assert "Repeated need" in panel.inner_text()
    assert panel.locator("tbody tr").count() == 3

    # The agenda marks it and shows the same panel.
    agenda = reverse("pei_workflow_agenda", args=[gap.meeting_id])
    audit.check("agenda", follow(page, page.locator(f"a[href='{agenda}']").first))
    item = page.locator("article", has_text=ref)
    assert "Repeated need" in item.inner_text()
    audit.check("agenda: similar", follow(page, item.get_by_role("link", name="Similar gaps")))
    assert page.locator("section.pei-similar tbody tr").count() == 3

    # Back to its page, and on to the Sub Group with the drafted reason.
    audit.check("inspect again", page.goto(f"{site_url}{urls.inspect_url(gap)}"))
    audit.check(
        "escalate: drafted",
        follow(page, page.get_by_role("link", name="Pass to the Sub Group with a drafted reason")),
    )
    reason = page.get_by_label("Why does it need the Sub Group?").input_value()
    assert all(each.reference in reason for each in earlier)
    assert GRIEF_AGAIN["unmet_need"] not in reason
    audit.check("inspect: escalated", submit_step(page))
    assert success_message(page).endswith(f": {ref}.")
    log = TransitionLog.objects.get(object_id=gap.pk, transition="escalate_to_sub_group")
    assert all(each.reference in log.comment for each in earlier)

    # Another gap like it: the service that met the similar needs is offered first.
    other = start_review(submission=submitted_gap("PEN", **GRIEF_AGAIN), actor=officer)
    audit.check("signpost", page.goto(f"{site_url}{urls.step_url(other, 'signpost')}"))
    groups = page.locator("select[name=service] optgroup")
    assert groups.first.get_attribute("label") == "Suggested for this need"
    assert bereavement.name in groups.first.inner_text()

    audit.assert_clean(tmp_path)
