from django.contrib.admin import SimpleListFilter
from django.contrib.contenttypes.models import ContentType
from wagtail_modeladmin.views import InspectView

from ..models import TransitionLog
from ..selectors import districts_visible_to


class ReviewHistoryInspectView(InspectView):
    """Every answer of a submission, then its review history as a timeline."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["review_history"] = TransitionLog.objects.filter(
            content_type=ContentType.objects.get_for_model(self.instance),
            object_id=self.instance.pk,
        ).select_related("actor")
        return context


class VisibleDistrictFilter(SimpleListFilter):
    """Filter by district, offering only the districts this person may see."""

    title = "district"
    parameter_name = "district"

    def lookups(self, request, model_admin):
        return [(str(d.pk), d.name) for d in districts_visible_to(request.user)]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(district_id=self.value())
        return queryset
