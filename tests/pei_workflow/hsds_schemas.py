"""The official Open Referral JSON schemas, read from the copies in openreferral_schemas/ (its
README says where each came from), with every `$ref` resolved from those copies: the tests
that use them need no network.

Each schema is registered under the address it is published at, so that a relative `$ref`
such as "phone.json" in service.json resolves to its sibling, as it does for a reader online.
"""

import json
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

FOLDER = Path(__file__).with_name("openreferral_schemas")
HSDS = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
UK_PROFILE = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/"
SOURCES = {HSDS: FOLDER / "hsds-3.0", UK_PROFILE: FOLDER / "uk-profile"}

# The formats the HSDS schemas use. Without its optional packages jsonschema skips a format
# it cannot check and says nothing, so the tests ask for these by name (see `validator`).
FORMATS = {"uuid", "uri", "email", "date-time"}


@cache
def registry() -> Registry:
    resources = []
    for address, folder in SOURCES.items():
        for path in sorted(folder.rglob("*.json")):
            contents = json.loads(path.read_text(encoding="utf-8"))
            uri = address + path.relative_to(folder).as_posix()
            resources.append(
                (uri, Resource.from_contents(contents, default_specification=DRAFT202012))
            )
    return Registry().with_resources(resources)


def validator(schema: str | dict) -> Draft202012Validator:
    """A validator for the schema published at this address (or this schema), checking
    formats too."""
    checker = Draft202012Validator.FORMAT_CHECKER
    missing = FORMATS - set(checker.checkers)
    assert not missing, f"jsonschema cannot check {sorted(missing)}: install jsonschema[format]"
    if isinstance(schema, str):
        schema = {"$ref": schema}
    return Draft202012Validator(schema, registry=registry(), format_checker=checker)


def errors(schema: str | dict, instance) -> list[str]:
    """Every way the instance breaks the schema, each with where it is."""
    return [
        f"{'/'.join(str(part) for part in error.absolute_path) or '(top)'}: {error.message}"
        for error in validator(schema).iter_errors(instance)
    ]


def page_schema() -> dict:
    """HSDS's `Page`: the paginated list's header, from HSDS's own OpenAPI document."""
    openapi = json.loads((FOLDER / "hsds-3.0" / "openapi.json").read_text(encoding="utf-8"))
    return openapi["components"]["schemas"]["Page"]
