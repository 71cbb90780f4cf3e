"""The People and districts screens. Each view parses the request and calls
`pei_workflow.services.people`, where the rules live, so the screen and the `pei_user`
command cannot disagree."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.generic.edit import FormView
from wagtail.admin import messages
from wagtail_modeladmin.views import DeleteView, WMABaseView

from ... import roles
from ...models import DistrictAssignment
from ...services.people import (
    ROLE_GROUPS,
    PersonRole,
    a_role,
    can_set_up_people,
    grant_role,
    remove_assignment,
    remove_role,
)
from .. import urls
from ..base import ScopedIndexView, add_service_errors, refused, scoped_object_or_404
from .forms import AssignForm

REFUSAL = "Only a county lead can give people roles and districts or take them away."


def _message(error: ValidationError) -> str:
    return " ".join(error.messages)


def _may_change(actor, person) -> bool:
    """Only a superuser changes a superuser (the service enforces it; this hides buttons)."""
    return actor.is_superuser or not person.is_superuser


class PeopleIndexView(ScopedIndexView):
    """The district assignments, with the county leads (who have no districts) above them."""

    page_title = "People and districts"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        leads = (
            get_user_model()
            .objects.filter(groups__name=roles.COUNTY_LEADS)
            .order_by("first_name", "last_name", "username")
        )
        actor = self.request.user
        context["county_leads"] = [
            {
                "person": lead,
                "remove_url": urls.remove_county_lead_url(lead)
                if _may_change(actor, lead) and lead.pk != actor.pk
                else None,
            }
            for lead in leads
        ]
        return context


class AssignView(WMABaseView, FormView):
    """Give a person (existing, or new by email address) a casework role and districts."""

    page_title = "Give someone a role"
    template_name = "pei_workflow/people_admin/assign.html"
    form_class = AssignForm

    def check_action_permitted(self, user):
        return self.permission_helper.user_can_create(user)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "actor": self.request.user}

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            change = grant_role(
                actor=self.request.user,
                role=data["role"],
                user=data["user"],
                email=data["email"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                districts=data["districts"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        except PermissionDenied as error:
            # The actor may use this screen (checked on dispatch), so this is about the
            # person chosen, such as a superuser's email address: say so on the form.
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(self.request, change.describe())
        return redirect(self.index_url)

    def form_invalid(self, form):
        messages.error(self.request, "The role could not be given. Check the form for errors.")
        return super().form_invalid(form)


class RemoveAssignmentView(DeleteView):
    """Take one district away from an EIDO or panel member."""

    page_title = "Remove from a district"

    def confirmation_message(self):
        assignment = self.instance
        role = PersonRole(assignment.role)
        who = assignment.user.get_full_name() or assignment.user.email
        message = f"{who} will no longer be {a_role(role)} for {assignment.district}."
        others = DistrictAssignment.objects.filter(user=assignment.user, role=assignment.role)
        if not others.exclude(pk=assignment.pk).exists():
            group = ROLE_GROUPS[role]
            message += f" It is their last district, so they will also leave the {group} group."
        return message

    def get_template_names(self):
        return ["pei_workflow/people_admin/remove.html"]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page_title=self.get_page_title(),
            confirmation=self.confirmation_message(),
            action_url=self.delete_url,
            index_url=self.index_url,
            button_label="Yes, remove",
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        try:
            change = remove_assignment(actor=request.user, assignment=self.instance)
        except ValidationError as error:
            messages.error(request, _message(error))
        else:
            messages.success(request, change.describe())
        return redirect(self.index_url)


def remove_county_lead(request, user_pk: int):
    """Confirm (GET) and take away (POST) someone's county lead role."""
    if not can_set_up_people(request.user):
        return refused(request, REFUSAL)
    county_leads = get_user_model().objects.filter(groups__name=ROLE_GROUPS[PersonRole.COUNTY_LEAD])
    person = scoped_object_or_404(county_leads, user_pk, "county lead")
    if not _may_change(request.user, person):
        return refused(request, "Only an administrator can change an administrator's roles.")
    index_url = urls.screen_url(DistrictAssignment)
    if request.method == "POST":
        try:
            change = remove_role(actor=request.user, user=person, role=PersonRole.COUNTY_LEAD)
        except ValidationError as error:
            messages.error(request, _message(error))
        else:
            messages.success(request, change.describe())
        return redirect(index_url)
    who = person.get_full_name() or person.email or person.get_username()
    return TemplateResponse(
        request,
        "pei_workflow/people_admin/remove.html",
        {
            "page_title": "Remove a county lead",
            "confirmation": f"{who} will no longer be a county lead. Their EIDO or panel "
            "member districts, if any, stay as they are.",
            "action_url": request.path,
            "index_url": index_url,
            "button_label": "Yes, remove",
        },
    )
