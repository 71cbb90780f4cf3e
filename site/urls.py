from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from guidance_pages import views as guidance_views

from .password_reset import LimitedPasswordResetView
from .staff_sessions import keep_alive

urlpatterns = [
    # Before the admin's own: the same address and name, with limits.
    path(
        "admin/password_reset/",
        LimitedPasswordResetView.as_view(),
        name="wagtailadmin_password_reset",
    ),
    path("admin/keep-alive/", keep_alive, name="pei_staff_keep_alive"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", guidance_views.search, name="search"),
    path("sitemap.xml", guidance_views.sitemap, name="sitemap"),
    path("robots.txt", guidance_views.robots_txt, name="robots_txt"),
    # The service directory as Open Referral UK open data (HSDS 3.0).
    path("openreferral/", include("pei_workflow.openreferral.urls")),
    path("", include("pei_forms.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

handler404 = "guidance_pages.views.page_not_found"
handler500 = "guidance_pages.views.server_error"
