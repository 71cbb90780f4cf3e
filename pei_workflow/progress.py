"""What a commissioned project has achieved against its targets, and the evidence behind it,
as one person may see them. The project's page reads both from here, in a fixed number of
queries however many returns, outcomes, submissions and decisions there are.

Progress is cumulative: each return reports its own period, so an outcome's figure so far is
the total of every return's figure for it, set against the target for the whole project.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType

from .charts import bar_chart
from .models import (
    AgreedOutcome,
    CafEscalation,
    CommissionedProject,
    GapInService,
    MonitoringReturn,
    TransitionLog,
)
from .selectors import decode_history_data, visible_to

#: What the page says the chart's figures are.
CUMULATIVE = (
    "Each bar is the total of every monitoring return so far, against the target agreed for "
    "the whole project."
)


@dataclass(frozen=True)
class OutcomeProgress:
    outcome: AgreedOutcome
    achieved: int

    @property
    def met(self) -> bool:
        return self.achieved >= self.outcome.target


@dataclass(frozen=True)
class ReturnRow:
    """One return, with its figure for each outcome (None where it gave none), in the
    outcomes' order."""

    monitoring_return: MonitoringReturn
    figures: list


@dataclass
class Progress:
    outcomes: list[OutcomeProgress]
    returns: list[ReturnRow]

    @property
    def met(self) -> int:
        return sum(1 for outcome in self.outcomes if outcome.met)

    @property
    def finding(self) -> str:
        """The chart's title: what the figures show, in a sentence."""
        total, met = len(self.outcomes), self.met
        if not total:
            return "No outcomes have been agreed for this project yet"
        if not self.returns:
            return "No monitoring returns have been entered yet"
        if total == 1:
            return (
                "The outcome has met its target"
                if met
                else ("The outcome has not met its target yet")
            )
        if met == total:
            return f"All {total} outcomes have met their target"
        if met == 0:
            return f"None of the {total} outcomes has met its target yet"
        verb = "has met its" if met == 1 else "have met their"
        return f"{met} of {total} outcomes {verb} target"

    def chart(self, chart_id: str = "progress") -> str:
        """The bar chart of achieved against target per outcome, or "" before the first
        return."""
        if not self.outcomes or not self.returns:
            return ""
        rows = [
            (_outcome_label(progress.outcome), progress.achieved, progress.outcome.target)
            for progress in self.outcomes
        ]
        return bar_chart(
            self.finding,
            rows,
            label_heading="Agreed outcome",
            value_heading="Achieved so far",
            target_heading="Target",
            note=CUMULATIVE,
            chart_id=chart_id,
        )


def _outcome_label(outcome: AgreedOutcome) -> str:
    """The outcome as the chart names it, with its unit unless the words already say it
    ("Families using the crèche", not "... (families)")."""
    unit = outcome.unit.strip()
    if not unit or unit.lower() in outcome.description.lower():
        return outcome.description
    return f"{outcome.description} ({unit})"


def project_progress(project: CommissionedProject) -> Progress:
    """The project's outcomes with their totals so far, and its returns with their figures:
    two queries for the returns and their figures, one for the outcomes."""
    outcomes = list(project.outcomes.all())
    returns = list(project.returns.prefetch_related("figures").order_by("period_start", "pk"))
    totals = dict.fromkeys((outcome.pk for outcome in outcomes), 0)
    rows = []
    for monitoring_return in returns:
        given = {figure.outcome_id: figure.achieved for figure in monitoring_return.figures.all()}
        for pk, achieved in given.items():
            totals[pk] = totals.get(pk, 0) + achieved
        rows.append(ReturnRow(monitoring_return, [given.get(o.pk) for o in outcomes]))
    return Progress(
        outcomes=[OutcomeProgress(outcome, totals[outcome.pk]) for outcome in outcomes],
        returns=rows,
    )


@dataclass(frozen=True)
class Decision:
    """A decision that commissioned the project or linked it to a submission."""

    log: TransitionLog
    details: dict
    submission: object


@dataclass
class Evidence:
    """The submissions and decisions behind a project, as one person may see them: those of
    the districts whose casework they see in full, and of the rest only how many."""

    gaps: list[GapInService] = field(default_factory=list)
    caf_escalations: list[CafEscalation] = field(default_factory=list)
    hidden_submissions: int = 0
    decisions: list[Decision] = field(default_factory=list)
    hidden_decisions: int = 0

    @property
    def submissions(self) -> list:
        return [*self.gaps, *self.caf_escalations]

    @property
    def total_submissions(self) -> int:
        return len(self.gaps) + len(self.caf_escalations) + self.hidden_submissions


def _linked(user, model, project) -> tuple[list, int]:
    """The submissions of `model` linked to the project that the person may see (with their
    district and themes), and how many are linked in all."""
    links = project.gaps if model is GapInService else project.caf_escalations
    shown = list(
        visible_to(user, links.all())
        .select_related("district")
        .prefetch_related("themes")
        .order_by("submitted_at", "pk")
    )
    return shown, links.count()


def project_evidence(project: CommissionedProject, user) -> Evidence:
    """What led to the project: the linked submissions this person may see (`visible_to`)
    and the decisions about them whose review history names the project, with counts of
    the rest. Seven queries, however many there are."""
    gaps, all_gaps = _linked(user, GapInService, project)
    cafs, all_cafs = _linked(user, CafEscalation, project)
    shown = {
        (ContentType.objects.get_for_model(submission).pk, submission.pk): submission
        for submission in (*gaps, *cafs)
    }
    decisions, hidden = [], 0
    rows = TransitionLog.objects.filter(data__project_id=project.pk).select_related("actor")
    for row in rows.order_by("created_at", "pk"):
        submission = shown.get((row.content_type_id, row.object_id))
        if submission is None:
            hidden += 1
            continue
        decisions.append(Decision(row, decode_history_data(row.transition, row.data), submission))
    return Evidence(
        gaps=gaps,
        caf_escalations=cafs,
        hidden_submissions=all_gaps + all_cafs - len(gaps) - len(cafs),
        decisions=decisions,
        hidden_decisions=hidden,
    )
