"""Wagtail admin additions for the guidance pages: the review dashboard and our content checks."""

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.userbar import ContentCheckerItem
from wagtail.models import Page
from wagtail.permissions import policy_registry

from .review import DUE_SOON_DAYS, pages_due_for_review


class ReviewDuePanel(Component):
    """Dashboard panel: pages past their review date and pages due in the next month."""

    name = "pages_due_for_review"
    template_name = "guidance_pages/admin/review_panel.html"
    # Just after Wagtail's own moderation panels (200s), before recent edits (250).
    order = 240

    def get_context_data(self, parent_context=None):
        due = pages_due_for_review()
        return {
            "overdue": due.overdue,
            "due_soon": due.due_soon,
            "due_soon_days": DUE_SOON_DAYS,
        }


def can_edit_pages(user) -> bool:
    """Whether the user may change (or publish) any page, so has pages to keep current."""
    return policy_registry.get_by_type(Page).user_has_any_permission(user, {"change", "publish"})


@hooks.register("construct_homepage_panels")
def add_review_due_panel(request, panels):
    if can_edit_pages(request.user):
        panels.append(ReviewDuePanel())


# WCAG 2.2 level A and AA, which UK public sector sites must meet.
WCAG_22_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


class WCAG22ContentCheckerItem(ContentCheckerItem):
    """Wagtail's content checker, run against WCAG 2.2 AA as well as Wagtail's own checks.

    axe-core takes either tags or rule IDs in ``runOnly``, not both. We run the WCAG tags, and
    keep Wagtail's own rules (some of them tagged best-practice or seo, so outside those tags)
    by switching each on in ``rules``: axe runs a rule that ``rules`` enables whatever the
    ``runOnly`` tags say. Subclasses ContentCheckerItem, not AccessibilityItem, which Wagtail 8
    deprecates.
    """

    axe_run_only = WCAG_22_AA_TAGS
    axe_rules = {rule_id: {"enabled": True} for rule_id in ContentCheckerItem.axe_run_only}


@hooks.register("construct_wagtail_userbar")
def use_wcag22_content_checker(request, items, page):
    """Replace Wagtail's checker in the userbar, the preview and the editor's Checks panel."""
    for index, item in enumerate(items):
        if isinstance(item, ContentCheckerItem) and not isinstance(item, WCAG22ContentCheckerItem):
            items[index] = WCAG22ContentCheckerItem(in_editor=item.in_editor)
