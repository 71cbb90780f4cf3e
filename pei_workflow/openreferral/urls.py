"""The open data's addresses, included at /openreferral/ by the site's urls. HSDS names its
paths without a trailing slash (`/services`, `/services/{id}`); the root is the include's
own address. Anything else under the prefix is a JSON 404 (`UnknownAddress`)."""

from django.urls import path, re_path

from . import views

app_name = "openreferral"

urlpatterns = [
    path("", views.ApiIndex.as_view(), name="index"),
    path("openapi.json", views.OpenApiDocument.as_view(), name="openapi"),
    path("services", views.ServiceList.as_view(), name="services"),
    path("services/<str:id>", views.ServiceDetail.as_view(), name="service"),
    re_path(r"^.*$", views.UnknownAddress.as_view(), name="unknown"),
]
