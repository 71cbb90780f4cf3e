"""The addresses of the open data: `/openreferral/` (what this API is), `/openapi.json` (its
OpenAPI document), `/services` (a page of published services) and `/services/{id}` (one).

Each view only reads its query, asks the selectors and serializes; every view shares
`OpenReferralView`: public and read-only (GET, HEAD and OPTIONS; anything else is a 405),
always JSON, `Access-Control-Allow-Origin: *` on every answer (the Open Referral UK
compliance rules ask for it, so that a page on another site can read the data), and a 400
that names each parameter it could not use.
"""

import uuid

from django.urls import reverse
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView, exception_handler

from . import openapi
from .pagination import page_of
from .parameters import ServiceListParameters, as_given, unexpected_parameters
from .selectors import matching_services, published_service
from .serializers import ServiceSerializer, ServiceSummarySerializer

HSDS_VERSION = "3.0"
# The UK profile's canonical address: HSDS's profiles reference lets a profile be known by
# its repository, from which tools read the profile's files.
UK_PROFILE = "https://github.com/OpenReferralUK/uk-profile"

INVALID_QUERY = "Some of the query's parameters cannot be used: see errors, by parameter."
NO_SUCH_SERVICE = "No published service has this id."
NO_SUCH_ADDRESS = "Nothing is at this address. The API's addresses are in its OpenAPI document."


class JsonOnly(BaseContentNegotiation):
    """Always JSON, whatever `Accept` or `?format=` says. DRF's own negotiation would answer
    404 to an unknown `format` before the view could explain it; the list reads `format`
    itself (HSDS declares it) and refuses anything but json with a 400."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


def explained_exception_handler(exc, context):
    """DRF's answers, with a 400's field errors under `errors` and a `detail` beside them,
    so that every refusal of this API has a `detail` a person can read."""
    response = exception_handler(exc, context)
    if response is not None and isinstance(exc, ValidationError):
        response.data = {"detail": INVALID_QUERY, "errors": response.data}
    return response


class OpenReferralView(APIView):
    """What every address of the open data shares (see the module's docstring).

    `declared_parameters` are the query parameters the address reads; any other is a 400.
    """

    # Public data: nobody signs in, so neither a session nor a CSRF token is read.
    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = []
    renderer_classes = [JSONRenderer]
    parser_classes = []
    content_negotiation_class = JsonOnly
    declared_parameters: frozenset[str] | None = frozenset()

    def get_exception_handler(self):
        return explained_exception_handler

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if request.method in ("GET", "HEAD") and self.declared_parameters is not None:
            problems = unexpected_parameters(request.query_params, self.declared_parameters)
            if problems:
                raise ValidationError(problems)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        return response


class ApiIndex(OpenReferralView):
    """`/`: which HSDS version and profile this API follows, and where its OpenAPI is."""

    def get(self, request):
        return Response(
            {
                "version": HSDS_VERSION,
                "profile": UK_PROFILE,
                "openapi_url": request.build_absolute_uri(reverse("openreferral:openapi")),
            }
        )


class OpenApiDocument(OpenReferralView):
    """The OpenAPI document of this API, with this server's address in it."""

    def get(self, request):
        base = request.build_absolute_uri(reverse("openreferral:index")).rstrip("/")
        return Response(openapi.document(server_url=base))


class ServiceList(OpenReferralView):
    """`/services`: one page of the published services that match the query."""

    declared_parameters = frozenset(ServiceListParameters().fields)

    def get(self, request):
        parameters = ServiceListParameters(data=as_given(request.query_params))
        parameters.is_valid(raise_exception=True)
        query = parameters.validated_data
        services = matching_services(parameters.filters(), nested=query["full"])
        page = page_of(services, number=query["page"], per_page=query["per_page"])
        serializer = ServiceSerializer if query["full"] else ServiceSummarySerializer
        return Response({**page.header(), "contents": serializer(page.items, many=True).data})


class ServiceDetail(OpenReferralView):
    """`/services/{id}`: one published service, fully nested. An id that is not a UUID names
    no service, so it is a 404 like an unknown or unpublished one."""

    def get(self, request, id: str):
        try:
            wanted = uuid.UUID(id)
        except ValueError:
            raise NotFound(NO_SUCH_SERVICE) from None
        service = published_service(wanted)
        if service is None:
            raise NotFound(NO_SUCH_SERVICE)
        return Response(ServiceSerializer(service).data)


class UnknownAddress(OpenReferralView):
    """Any other address under /openreferral/: a JSON 404, with the CORS header, rather than
    the site's HTML page, so that a script on another site can read why."""

    declared_parameters = None

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        raise NotFound(NO_SUCH_ADDRESS)
