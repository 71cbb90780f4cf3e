from wagtail_modeladmin.views import InspectView

from ... import audit
from ...labels import state_label
from ...models import GapInService
from ...services import editable_parts
from ...services.editing import ANSWERS, ASSIGNEE, NOTES, THEMES
from ...workflow_graph import workflow_steps, workflow_svg
from .. import urls
from .actions import offered_steps
from .answers import answer_groups, decision_answers, monitoring_answers, summary
from .similar import similar_panel
from .timeline import timeline


class ReviewHistoryInspectView(InspectView):
    """A submission as an EIDO reads it: its answers in groups, its themes and meeting, what
    was decided, its review history as a timeline beside the picture of its workflow, and a
    button for each step this person may take now (none for someone who may only read)."""

    def get_fields_dict(self):
        # The template shows the answers in groups (see answers.py) instead.
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        submission = self.instance
        user = self.request.user
        # Reached only once the screen has found the submission to be this person's to see.
        audit.record_view(self.request, submission)
        parts = editable_parts(submission, user)
        steps = offered_steps(submission, user)
        if isinstance(submission, GapInService):
            names = {step.name for step in steps}
            context["similar"] = similar_panel(submission, user, offered_steps=names)
        context.update(
            summary=summary(submission),
            answer_groups=answer_groups(submission),
            themes=list(submission.themes.all()),
            meeting=submission.meeting,
            decisions=decision_answers(submission),
            spot_purchases=(
                list(submission.spot_purchases.all())
                if hasattr(submission, "spot_purchases")
                else []
            ),
            monitoring=monitoring_answers(submission),
            review_history=timeline(submission),
            steps=steps,
            correct_url=urls.correct_url(submission) if ANSWERS in parts else "",
            themes_url=urls.themes_url(submission) if THEMES in parts else "",
            assigned_to=submission.assigned_to,
            assign_url=urls.assign_url(submission) if ASSIGNEE in parts else "",
            note_url=urls.note_url(submission) if NOTES in parts else "",
            **self._workflow_context(submission),
        )
        return context

    def _workflow_context(self, submission):
        model = type(submission)
        steps = workflow_steps(model)
        return {
            "workflow_svg": workflow_svg(model, submission.state),
            "workflow_steps": steps,
            "current_state_label": state_label(model, submission.state),
            "next_steps": [s for s in steps if submission.state in s.sources],
        }
