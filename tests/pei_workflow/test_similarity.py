"""Similar gaps (issue 15): what the panel's memory finds, for whom, and at what cost in
queries. Similar means the cosine of two needs' vectors (`pei_workflow.similarity`), the same
on either backend."""

import datetime

import pytest
from django.utils import timezone

from pei_workflow.models import GapInService, NeedVector, Theme
from pei_workflow.permissions import is_county_lead
from pei_workflow.selectors import (
    SimilarCounts,
    similar_counts_for,
    similar_gap_counts,
    similar_gaps,
    suggested_services,
)
from tests.factories import (
    admin_panel_member,
    county_lead,
    eido,
    service,
    submitted_gap,
)
from tests.pei_workflow.similar_needs import BUS, GRIEF, GRIEF_AGAIN, other_needs

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def casework():
    """A district's worth of other needs around the gaps of each test, as in real casework,
    none of which may count as similar to the grief of the tests."""
    return [submitted_gap("HYN", **answers) for answers in other_needs()]


def gap(district_code="PEN", **answers):
    return submitted_gap(district_code, **{**GRIEF_AGAIN, **answers})


def found(asked, user, **kwargs) -> list[GapInService]:
    return [similar.gap for similar in similar_gaps(asked, user, **kwargs)]


def sent_days_ago(submitted, days: int):
    GapInService.objects.filter(pk=submitted.pk).update(
        submitted_at=timezone.now() - datetime.timedelta(days=days)
    )


def test_the_same_need_in_other_words_is_found_and_a_different_need_is_not():
    asked = submitted_gap("PEN", **GRIEF)
    same = gap()
    submitted_gap("PEN", **BUS)
    assert found(asked, county_lead()) == [same]


def test_a_gap_is_never_similar_to_itself_nor_to_one_not_yet_sent():
    asked = submitted_gap("PEN", **GRIEF)
    draft = gap()
    GapInService.objects.filter(pk=draft.pk).update(state="new")
    assert found(asked, county_lead()) == []
    assert similar_gap_counts(asked, since=datetime.date(2000, 1, 1)).county == 0


def test_a_more_similar_gap_comes_first():
    asked = submitted_gap("PEN", **GRIEF)
    alike = gap()
    same_words = submitted_gap("PEN", **GRIEF)
    results = similar_gaps(asked, county_lead())
    assert [r.gap for r in results] == [same_words, alike]
    assert results[0].score > results[1].score


def test_themes_barrier_and_age_band_do_not_make_gaps_similar():
    """Needs a panel tells apart share them as often as not (the labelled set): only the
    words decide."""
    asked = submitted_gap("PEN", **GRIEF)
    bereavement = Theme.objects.get(name="Bereavement")
    asked.themes.add(bereavement)
    bus = submitted_gap("PEN", **{**BUS, "barrier": "waiting_list", "age_band": "5_10"})
    bus.themes.add(bereavement)
    assert found(asked, county_lead()) == []


def test_a_gap_sent_before_vectors_were_made_is_still_asked_about_by_its_words():
    asked = submitted_gap("PEN", **GRIEF)
    same = gap()
    NeedVector.objects.filter(gap_id=asked.pk).delete()
    assert found(asked, county_lead()) == [same]


def test_a_pendle_eido_never_gets_a_burnley_gap():
    asked = submitted_gap("PEN", **GRIEF)
    gap("BUR")
    assert found(asked, eido("PEN")) == []


def test_a_panel_member_gets_no_gap_of_a_district_they_do_not_sit_for():
    """Panel members read agendas, not casework: `visible_to` gives them no submissions, so
    certainly none of another district."""
    asked = submitted_gap("PEN", **GRIEF)
    gap("PEN")
    gap("BUR")
    member = admin_panel_member("PEN")
    assert all(found.district.code == "PEN" for found in found(asked, member))
    assert not any(g.district.code == "BUR" for g in found(asked, member))


def test_a_county_lead_gets_both_districts_the_gaps_own_district_first():
    asked = submitted_gap("PEN", **GRIEF)
    burnley = gap("BUR", **GRIEF)  # the very words: the better score
    pendle = gap("PEN")
    results = similar_gaps(asked, county_lead())
    assert [r.gap for r in results] == [pendle, burnley]
    assert [r.same_district for r in results] == [True, False]
    assert results[1].score > results[0].score


def test_the_limit_is_the_most_gaps_returned():
    asked = submitted_gap("PEN", **GRIEF)
    for _ in range(4):
        gap()
    assert len(similar_gaps(asked, county_lead(), limit=3)) == 3


def test_similar_gaps_may_be_only_the_districts_own_and_only_those_sent_since_a_day():
    asked = submitted_gap("PEN", **GRIEF)
    recent, old = gap("PEN"), gap("PEN")
    sent_days_ago(old, 400)
    burnley = gap("BUR")
    lead = county_lead()
    assert set(found(asked, lead)) == {recent, old, burnley}
    assert set(found(asked, lead, same_district_only=True)) == {recent, old}
    last_year = timezone.localdate() - datetime.timedelta(days=365)
    assert set(found(asked, lead, since=last_year)) == {recent, burnley}
    assert found(asked, lead, since=last_year, same_district_only=True) == [recent]


def test_a_gap_with_no_words_left_to_look_for_has_no_similar_gaps():
    asked = submitted_gap("PEN", **GRIEF)
    GapInService.objects.filter(pk=asked.pk).update(
        unmet_need="[redacted]", what_has_been_tried="[redacted]"
    )
    asked.refresh_from_db()
    gap()
    assert found(asked, county_lead()) == []


def test_counts_are_of_the_district_and_the_county_whoever_may_see_them():
    asked = submitted_gap("PEN", **GRIEF)
    gap("PEN")
    gap("PEN")
    gap("BUR")
    submitted_gap("PEN", **BUS)
    counts = similar_gap_counts(asked, since=timezone.localdate())
    assert (counts.district, counts.county) == (2, 3)


def test_counts_leave_out_gaps_sent_before_the_day_given():
    asked = submitted_gap("PEN", **GRIEF)
    sent_days_ago(gap("PEN"), 400)
    gap("PEN")
    since = timezone.localdate() - datetime.timedelta(days=365)
    assert similar_gap_counts(asked, since=since).district == 1


def test_counts_name_the_services_that_met_the_districts_similar_gaps_most_first():
    asked = submitted_gap("PEN", **GRIEF)
    bereavement = service("PEN", name="Pendle Bereavement Service")
    play = service("PEN", name="Play Therapy Pendle")
    burnley = service("BUR", name="Burnley Grief Support")
    for met_by in (bereavement, bereavement, play, None):
        GapInService.objects.filter(pk=gap("PEN").pk).update(identified_service=met_by)
    GapInService.objects.filter(pk=gap("BUR").pk).update(identified_service=burnley)
    assert similar_gap_counts(asked, since=timezone.localdate()) == SimilarCounts(
        district=4, county=5, met_by=[(bereavement, 2), (play, 1)]
    )


def test_counts_for_a_page_count_each_gaps_own_district_since_its_own_day():
    pendle = submitted_gap("PEN", **GRIEF)
    burnley = submitted_gap("BUR", **GRIEF)
    bus = submitted_gap("PEN", **BUS)
    gap("PEN")
    sent_days_ago(gap("PEN"), 100)
    gap("BUR")
    today = timezone.localdate()
    since = {pendle.district_id: today - datetime.timedelta(days=365), burnley.district_id: today}
    assert similar_counts_for([pendle, burnley, bus], since_by_district=since) == {
        pendle.pk: 2,
        burnley.pk: 1,
        bus.pk: 0,
    }


def test_suggested_services_are_the_published_ones_that_met_the_most_similar_gaps():
    asked = submitted_gap("PEN", **GRIEF)
    bereavement = service("BUR", name="Burnley Bereavement Service")
    play = service("PEN", name="Play Therapy Pendle")
    closed = service("PEN", name="A closed service", is_published=False)
    for met_by in (bereavement, bereavement, play, closed, closed, closed):
        GapInService.objects.filter(pk=gap("PEN").pk).update(identified_service=met_by)
    GapInService.objects.filter(pk=submitted_gap("PEN", **BUS).pk).update(
        identified_service=service("PEN", name="Village Minibus")
    )
    assert suggested_services(asked) == [bereavement, play]
    assert suggested_services(asked, limit=1) == [bereavement]


def many_similar_gaps(count: int) -> list[GapInService]:
    made = [gap("PEN") for _ in range(count // 2)] + [gap("BUR") for _ in range(count // 2)]
    services_made = [service("PEN", name=f"Service {n}") for n in range(3)]
    for n, each in enumerate(made):
        each.themes.add(Theme.objects.get(name="Bereavement"))
        GapInService.objects.filter(pk=each.pk).update(identified_service=services_made[n % 3])
    return made


@pytest.mark.parametrize("count", [2, 8])
def test_similar_gaps_takes_five_queries_however_many_there_are(
    count, django_assert_max_num_queries
):
    """Inside a test's transaction the vectors are read afresh each time (two queries); then
    the gaps the person may see, the gaps, their themes."""
    asked = submitted_gap("PEN", **GRIEF)
    many_similar_gaps(count)
    for user in (county_lead(), eido("PEN")):
        is_county_lead(user)  # the permissions a request has read already
        with django_assert_max_num_queries(5):
            assert similar_gaps(asked, user)


@pytest.mark.parametrize("count", [2, 8])
def test_the_counts_take_four_queries_however_many_there_are(count, django_assert_max_num_queries):
    asked = submitted_gap("PEN", **GRIEF)
    many_similar_gaps(count)
    with django_assert_max_num_queries(4):
        counts = similar_gap_counts(asked, since=timezone.localdate())
    assert counts.district == count // 2 and len(counts.met_by) == min(3, count // 2)
    with django_assert_max_num_queries(4):
        assert len(suggested_services(asked)) == min(3, count)


def test_counts_for_a_page_of_fifty_take_three_queries(casework, django_assert_max_num_queries):
    twins = [submitted_gap("HYN", **answers) for answers in other_needs()]
    page = (casework + twins + many_similar_gaps(10))[:50]
    assert len(page) == 50
    since = {each.district_id: timezone.localdate() for each in page}
    with django_assert_max_num_queries(3):
        counts = similar_counts_for(page, since_by_district=since)
    assert len(counts) == 50 and all(counts.values())
