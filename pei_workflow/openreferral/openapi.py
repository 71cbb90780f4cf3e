"""The OpenAPI document the API publishes at /openreferral/openapi.json.

Kept by hand, derived from HSDS 3.0's own openapi.json and the UK profile's: the same paths,
operation ids and parameter names, cut to what this API offers. Its schemas describe exactly
what the views send (every object closed with `additionalProperties: false`, every optional
field left out rather than empty), and the tests hold the views to it with schemathesis; a
second test checks the answers against the official HSDS schemas themselves. HSDS's
document points at its schemas online; this one is self-contained, so that a reader or a
test needs nothing else.
"""

from .parameters import DEFAULT_PER_PAGE, MAX_PER_PAGE, SEARCH_MAX_LENGTH, SEARCH_MAX_WORDS

OPENAPI_VERSION = "3.1.0"
DOCUMENT_VERSION = "1.0.0"
HSDS_SCHEMAS = "https://github.com/openreferral/specification/tree/3.0/schema"

UUID = {"type": "string", "format": "uuid"}


def _text(description: str) -> dict:
    # Optional text is left out when empty, so whatever is sent has something in it.
    return {"type": "string", "minLength": 1, "description": description}


def _list_of(name: str, description: str) -> dict:
    return {
        "type": "array",
        "minItems": 1,
        "items": {"$ref": f"#/components/schemas/{name}"},
        "description": description,
    }


def _object(properties: dict, required: list[str], description: str) -> dict:
    return {
        "type": "object",
        "description": description,
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


SCHEMAS = {
    "ApiInformation": _object(
        {
            "version": {"type": "string", "description": "HSDS version of this API."},
            "profile": {
                "type": "string",
                "format": "uri",
                "description": "The HSDS profile this API follows: Open Referral UK.",
            },
            "openapi_url": {
                "type": "string",
                "format": "uri",
                "description": "This OpenAPI document.",
            },
        },
        ["version", "profile", "openapi_url"],
        "Information about this API and its relationship with HSDS.",
    ),
    "Taxonomy": _object(
        {
            "id": UUID,
            "name": {"type": "string"},
            "description": {"type": "string"},
        },
        ["id", "name", "description"],
        "The themes taxonomy: the themes the PEI panels give to gaps and services.",
    ),
    "TaxonomyTerm": _object(
        {
            "id": UUID,
            "name": {"type": "string"},
            "description": {
                "type": "string",
                "description": "The theme's description, or its name when it has none.",
            },
            "taxonomy_id": UUID,
            "taxonomy_detail": {"$ref": "#/components/schemas/Taxonomy"},
        },
        ["id", "name", "description", "taxonomy_id", "taxonomy_detail"],
        "A theme.",
    ),
    "Attribute": _object(
        {
            "id": UUID,
            "link_id": {**UUID, "description": "The service's id."},
            "link_entity": {"const": "service"},
            "taxonomy_term_id": UUID,
            "taxonomy_term": {"$ref": "#/components/schemas/TaxonomyTerm"},
        },
        ["id", "link_id", "link_entity", "taxonomy_term_id", "taxonomy_term"],
        "A theme given to the service.",
    ),
    "ServiceArea": _object(
        {
            "id": UUID,
            "service_id": UUID,
            "name": {"type": "string", "description": "The Lancashire district's name."},
        },
        ["id", "service_id", "name"],
        "A Lancashire district the service covers.",
    ),
    "Phone": _object(
        {"id": UUID, "number": {"type": "string", "minLength": 1}},
        ["id", "number"],
        "The service's contact phone number.",
    ),
    "Service": _object(
        {
            "id": UUID,
            "name": {"type": "string"},
            "description": _text("What the service offers."),
            "url": {"type": "string", "format": "uri", "description": "Its website."},
            "email": {"type": "string", "format": "email", "description": "Its contact email."},
            "status": {
                "enum": ["active", "inactive", "defunct", "temporarily closed"],
                "description": "Only published services are served, so always active.",
            },
            "application_process": _text("How to refer."),
            "eligibility_description": _text("Who it is for."),
            "wait_time": _text("Its waiting list, in the directory's words."),
            "last_modified": {"type": "string", "format": "date-time"},
            "phones": _list_of("Phone", "Its contact phone (in the list only with full)."),
            "service_areas": _list_of(
                "ServiceArea", "The districts it covers (in the list only with full)."
            ),
            "attributes": _list_of("Attribute", "Its themes (in the list only with full)."),
        },
        ["id", "name", "status"],
        "A published service of the directory. Optional fields with nothing in them are left "
        f"out. The HSDS 3.0 service schema is at {HSDS_SCHEMAS}.",
    ),
    "ServicePage": _object(
        {
            "total_items": {"type": "integer", "minimum": 0},
            "total_pages": {"type": "integer", "minimum": 0},
            "page_number": {"type": "integer", "minimum": 1},
            "size": {
                "type": "integer",
                "minimum": 0,
                "description": "The number of services in this page.",
            },
            "first_page": {"type": "boolean"},
            "last_page": {"type": "boolean"},
            "empty": {"type": "boolean", "description": "Whether this page has no services."},
            "contents": {
                "type": "array",
                "items": {"$ref": "#/components/schemas/Service"},
                "maxItems": MAX_PER_PAGE,
            },
        },
        [
            "total_items",
            "total_pages",
            "page_number",
            "size",
            "first_page",
            "last_page",
            "empty",
            "contents",
        ],
        "HSDS's Page, with its contents.",
    ),
    "Error": _object(
        {
            "detail": {"type": "string", "minLength": 1},
            "errors": {
                "type": "object",
                "description": "For each parameter that cannot be used, why.",
                "additionalProperties": {"type": "array", "items": {"type": "string"}},
            },
        },
        ["detail"],
        "Why the request was refused.",
    ),
}


def _query(name: str, schema: dict, description: str) -> dict:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema,
    }


SEARCH_RULE = (
    f"Every word must appear, ignoring case, in the name, the description or who it is for; "
    f"at most {SEARCH_MAX_WORDS} words."
)

LIST_PARAMETERS = [
    _query("search", {"type": "string", "maxLength": SEARCH_MAX_LENGTH}, SEARCH_RULE),
    _query(
        "text",
        {"type": "string", "maxLength": SEARCH_MAX_LENGTH},
        "The same as search, by the name the first Open Referral UK API gave it.",
    ),
    _query("page", {"type": "integer", "minimum": 1, "default": 1}, "The page number."),
    _query(
        "per_page",
        {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE, "default": DEFAULT_PER_PAGE},
        "The number of services in a page.",
    ),
    _query("taxonomy_term_id", UUID, "Only services with this theme."),
    _query("taxonomy_id", UUID, "Only services with any term of this taxonomy."),
    _query(
        "modified_after",
        {"type": "string", "format": "date-time"},
        "Only services changed at or after this moment.",
    ),
    _query(
        "full",
        {"type": "boolean", "default": False},
        "Give each service fully nested (phones, service areas, themes).",
    ),
    _query("format", {"enum": ["json"]}, "The only format offered is json."),
]

CORS_HEADER = {
    "Access-Control-Allow-Origin": {
        "description": "Any site's pages may read the answer.",
        "required": True,
        "schema": {"const": "*"},
    }
}


def _answer(description: str, schema: str) -> dict:
    return {
        "description": description,
        "headers": CORS_HEADER,
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
    }


REFUSED = _answer("A parameter it does not read, or one it cannot use.", "Error")


def document(*, server_url: str) -> dict:
    """The document, with the absolute address of the API on this server."""
    return {
        "openapi": OPENAPI_VERSION,
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "info": {
            "title": "Lancashire Prevention and Early Intervention: service directory",
            "version": DOCUMENT_VERSION,
            "summary": "The published local services, as Open Referral UK (HSDS 3.0) open data.",
            "description": (
                "A read-only public API of the services in the directory of Lancashire's "
                "Prevention and Early Intervention arrangements, following HSDS 3.0 and the "
                "Open Referral UK profile. Only published services are given. No sign-in. "
                "Each address reads only the query parameters it declares: any other is a 400 "
                "naming it."
            ),
        },
        "servers": [{"url": server_url}],
        "paths": {
            "/": {
                "get": {
                    "operationId": "getAPIMetaInformation",
                    "summary": "Information about this API and its relationship with HSDS.",
                    "responses": {
                        "200": _answer("Version, profile and this document.", "ApiInformation"),
                        "400": REFUSED,
                    },
                }
            },
            "/services": {
                "get": {
                    "operationId": "getPaginatedListOfServices",
                    "summary": "A page of the published services, by name.",
                    "description": (
                        "Filters combine with AND. A page past the last is an empty page. "
                        "Without full, each service has its own fields only."
                    ),
                    "parameters": LIST_PARAMETERS,
                    "responses": {
                        "200": _answer("A page of services.", "ServicePage"),
                        "400": REFUSED,
                    },
                }
            },
            "/services/{id}": {
                "parameters": [
                    {
                        "name": "id",
                        "in": "path",
                        "required": True,
                        "description": "The service's id.",
                        "schema": UUID,
                    }
                ],
                "get": {
                    "operationId": "getFullyNestedServiceById",
                    "summary": "One published service, fully nested.",
                    "responses": {
                        "200": _answer("The service.", "Service"),
                        "400": REFUSED,
                        "404": _answer("No published service has this id.", "Error"),
                    },
                },
            },
        },
        "components": {"schemas": SCHEMAS},
    }
