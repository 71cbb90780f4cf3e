"""The changes a public page can show, each of which forgets every cached page
(`page_cache.forget_every_page`): connected once, from the app's `ready()`.

Saves and deletions of pages (Page and every page type), sites, collections, locales and
view restrictions; of everything in guidance_pages (the menu, footer and contacts, the
site's settings) and pei_forms (the forms' help text); of images and documents (not
renditions, which are made as pages are drawn); and of the directory's services and what
pages list them by (districts, themes). Moves are Wagtail's own signal, as a move rewrites
paths without saving the page. Casework (submissions, their history, the audit log) is not
a page's business, and is left out, so that a busy panel does not empty the cache.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page
from wagtail.signals import post_page_move

from page_serving.page_cache import forget_every_page

WATCHED_APPS = {"guidance_pages", "pei_forms", "wagtailimages", "wagtaildocs", "taggit"}
WATCHED_MODELS = {
    "wagtailcore.site",
    "wagtailcore.collection",
    "wagtailcore.locale",
    # Who may see a page: also what is remembered per generation of whether a page is
    # private (view_restrictions.py), and a page that becomes private must not be served
    # from the page cache.
    "wagtailcore.pageviewrestriction",
    "pei_workflow.service",
    "pei_workflow.district",
    "pei_workflow.theme",
    "pei_workflow.priority",
}


def is_shown_on_pages(model) -> bool:
    meta = model._meta
    if meta.model_name.endswith("rendition"):
        return False
    return (
        issubclass(model, Page)
        or meta.app_label in WATCHED_APPS
        or meta.label_lower in WATCHED_MODELS
    )


def _changed(sender, **kwargs):
    if is_shown_on_pages(sender):
        forget_every_page()


def _changed_links(sender, instance, **kwargs):
    """A many-to-many change (a service's districts): the model whose links changed."""
    if is_shown_on_pages(type(instance)):
        forget_every_page()


def _moved(sender, **kwargs):
    forget_every_page()


def connect() -> None:
    post_save.connect(_changed, dispatch_uid="pei_site.page_changes.saved")
    post_delete.connect(_changed, dispatch_uid="pei_site.page_changes.deleted")
    m2m_changed.connect(_changed_links, dispatch_uid="pei_site.page_changes.links")
    post_page_move.connect(_moved, dispatch_uid="pei_site.page_changes.moved")
