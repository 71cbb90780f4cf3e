"""Repeated needs (issue 15): the guidance's "if this is a repeated issue this can then be fed
up to the sub group". A gap is a repeated need when its district has had at least a number
of similar gaps within a period; both are settings of the district (`District.
repeated_need_count`, `repeated_need_months`), changed by a county lead with a reason.

"Similar" is the selectors' (`selectors.similarity`): one meaning of the word everywhere.
"""

import calendar
import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils import timezone

from .models import District, GapInService
from .selectors import similar_counts_for, similar_gap_counts, similar_gaps

#: The most references a draft Sub Group reason lists; it says how many more there are.
MOST_REFERENCES = 20

#: The value of the escalation form's `?draft=` that fills in a repeated need's reason.
REPEATED_NEED_DRAFT = "repeated_need"


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` months earlier; the month's last day where it is shorter (31
    March less one month is 28 or 29 February)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return datetime.date(year, month + 1, min(day.day, last))


@dataclass(frozen=True)
class Rule:
    """A district's rule: at least `count` similar gaps within the last `months` months."""

    count: int
    months: int

    def since(self, today: datetime.date | None = None) -> datetime.date:
        return months_before(today or timezone.localdate(), self.months)

    @property
    def description(self) -> str:
        """ "at least 3 similar gaps in the last 12 months"."""
        return f"at least {_gaps(self.count)} in {self.period}"

    @property
    def period(self) -> str:
        """ "the last 12 months", "the last month"."""
        return "the last month" if self.months == 1 else f"the last {self.months} months"


def rule_of(district: District) -> Rule:
    return Rule(district.repeated_need_count, district.repeated_need_months)


def rules_for(district_ids: Iterable[int]) -> dict[int, Rule]:
    """Each district's rule, in one query."""
    rows = District.objects.filter(pk__in=set(district_ids)).values_list(
        "pk", "repeated_need_count", "repeated_need_months"
    )
    return {pk: Rule(count, months) for pk, count, months in rows}


@dataclass(frozen=True)
class PageCounts:
    """For a page of gaps: how many similar gaps each one's district had within its
    district's period, and the rules that say which are repeated needs."""

    counts: dict[int, int]
    rules: dict[int, Rule]

    def is_repeated(self, gap: GapInService) -> bool:
        rule = self.rules.get(gap.district_id)
        return rule is not None and self.counts.get(gap.pk, 0) >= rule.count


def repeated_need_counts(
    gaps: Iterable[GapInService], *, today: datetime.date | None = None
) -> PageCounts:
    """Two queries after the vectors' (the rules, the page's words), whatever the page's
    size."""
    gaps = list(gaps)
    rules = rules_for(gap.district_id for gap in gaps)
    since = {pk: rule.since(today) for pk, rule in rules.items()}
    return PageCounts(similar_counts_for(gaps, since_by_district=since), rules)


def repeated_need_ids(
    gaps: Iterable[GapInService], *, today: datetime.date | None = None
) -> set[int]:
    """The gaps of a page that are repeated needs under their district's rule."""
    gaps = list(gaps)
    page = repeated_need_counts(gaps, today=today)
    return {gap.pk for gap in gaps if page.is_repeated(gap)}


def is_repeated_need(gap: GapInService, *, today: datetime.date | None = None) -> bool:
    return gap.pk in repeated_need_ids([gap], today=today)


def sub_group_reason_draft(gap: GapInService, user, *, today: datetime.date | None = None) -> str:
    """A draft of the reason for passing a repeated need to the Sub Group. It names the
    similar gaps by reference only, never by their words: the reason is read at the Sub
    Group, and by anyone who reads this gap's history. Only references the person may see
    are listed; the count is the district's."""
    rule = rule_of(gap.district)
    since = rule.since(today)
    counts = similar_gap_counts(gap, since=since)
    found = similar_gaps(gap, user, limit=MOST_REFERENCES, since=since, same_district_only=True)
    references = sorted(similar.gap.reference for similar in found)
    sentence = f"{_gaps(counts.district)} {_were(counts.district)} sent in {gap.district.name}"
    lines = [f"Repeated need. {sentence} in {rule.period}" + (":" if references else ".")]
    if references:
        more = counts.district - len(references)
        listed = ", ".join(references)
        lines.append(f"{listed} and {more} more." if more > 0 else f"{listed}.")
    if counts.met_by:
        lines.append(f"{met_by_sentence(counts.met_by)}.")
    return "\n".join(lines)


def met_by_sentence(met_by, most: int = 3) -> str:
    """ "3 met by Bereavement Service, 1 by Pendle Lifts": the services that met the most."""
    (first, n), *rest = met_by[:most]
    return ", ".join([f"{n} met by {first.name}", *(f"{k} by {s.name}" for s, k in rest)])


def _gaps(n: int) -> str:
    return f"{n} similar gap" if n == 1 else f"{n} similar gaps"


def _were(n: int) -> str:
    return "was" if n == 1 else "were"
