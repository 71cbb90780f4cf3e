"""Entering a project's monitoring return, and correcting one (URL names
`urls.ADD_RETURN` and `urls.CORRECT_RETURN`). The view parses the form and calls
`save_monitoring_return`, which holds every rule:

- a project this person may not read, or a return not of that project: 404;
- a project they read but may not change (a panel member, say): 403, saying why;
- input the service refuses: the form again, with an error summary and each message beside
  its field, and nothing saved;
- saved: back to the project's page, with a message.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods
from wagtail.admin import messages

from ...selectors import projects_visible_to
from ...services import save_monitoring_return
from ...services.projects import MAY_NOT_CHANGE_PROJECT, may_change_project
from .. import urls
from ..base import add_service_errors, refused, scoped_object_or_404
from .forms import ReturnForm


@require_http_methods(["GET", "POST"])
def return_view(request, pk, return_pk=None):
    """Show (GET) or save (POST) a new return of a project, or a correction of one."""
    project = scoped_object_or_404(projects_visible_to(request.user), pk)
    monitoring_return = None
    if return_pk is not None:
        monitoring_return = scoped_object_or_404(project.returns.all(), return_pk)
    back = urls.inspect_url(project)
    if not may_change_project(request.user, project):
        return _refused(request, project, back)
    outcomes = list(project.outcomes.all())
    data = request.POST if request.method == "POST" else None
    form = ReturnForm(data, outcomes=outcomes, instance=monitoring_return)
    if data is not None and form.is_valid():
        try:
            saved = save_monitoring_return(
                actor=request.user,
                project=project,
                monitoring_return=monitoring_return,
                **form.service_arguments(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        except PermissionDenied:
            return _refused(request, project, back)
        else:
            done = "corrected" if monitoring_return else "added"
            messages.success(request, f"Monitoring return for {saved.period} {done}.")
            return redirect(back)
    title = "Correct a monitoring return" if monitoring_return else "Add a monitoring return"
    context = {
        "project": project,
        "title": title,
        "form": form,
        "back_url": back,
        "action_url": request.path,
        "submit_label": "Save the correction" if monitoring_return else "Save the return",
        "no_outcomes": not outcomes,
        "edit_url": urls.screen_url(project, "edit"),
    }
    return TemplateResponse(request, "pei_workflow/projects/return_form.html", context)


def _refused(request, project, back):
    return refused(
        request,
        MAY_NOT_CHANGE_PROJECT,
        subject=str(project),
        heading="Monitoring returns",
        back_url=back,
        back_label="Back to the project",
    )
