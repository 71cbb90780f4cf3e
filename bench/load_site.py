"""The load test's dealings with the site's own code, run by bench/load.py in a fresh process
after django.setup() (bench.servers.django_json), so that the load test itself, which runs
under gevent, never opens the database: the site built, a publisher to sign in with, the
guidance page to publish, the form pages' addresses, and the references stored afterwards."""

import secrets

PUBLISHER = "load-test-publisher@example.org"


def build() -> dict:
    """Migrate the empty database, load the PEI content, and prepare(), in one process, as
    starting the site's code takes seconds each time."""
    import io

    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    call_command("load_pei_content", stdout=io.StringIO())
    return prepare()


def prepare() -> dict:
    """Everything the load test needs to know of the site, and an approver to publish with."""
    from bench.pages import sample_urls
    from pei_forms.protection import rate_limit
    from pei_workflow.models import District

    limit, window = rate_limit()
    return {
        "publisher": set_up_publisher(),
        "page": guidance_page(),
        "form_pages": form_pages(),
        "reader_pages": sample_urls(),
        "districts": list(District.objects.order_by("code").values_list("code", flat=True)),
        "rate_limit": {"limit": limit, "window": window},
    }


def set_up_publisher() -> dict:
    """A guidance approver (who may publish) with a known password and one backup code, so
    that the load test signs in to the admin as staff do under the production settings:
    password, then second factor."""
    from pei_site.second_factor import devices
    from pei_workflow.services import people

    change = people.grant_role(
        actor=None, role=people.PersonRole.APPROVER, email=PUBLISHER, first_name="Load"
    )
    user = change.user
    password = secrets.token_urlsafe(24)
    user.set_password(password)
    user.save(update_fields=["password"])
    code = devices.new_backup_codes(user)[0]
    return {"username": user.get_username(), "password": password, "code": code}


def guidance_page() -> dict:
    """The first guidance page: its id, address and title, and the edit form's StreamField
    part, which Wagtail's editor writes with JavaScript, so it is not in the form's HTML."""
    from guidance_pages.models import GuidancePage

    page = GuidancePage.objects.live().public().order_by("path").first()
    body = type(page).body.field.stream_block
    return {
        "id": page.pk,
        "url": page.url,
        "title": page.title,
        "body": block_form_data(body, body.get_form_state(page.body), "body"),
    }


def block_form_data(block, state, prefix: str) -> dict[str, str]:
    """What the editor posts for a block holding `state` (its get_form_state()), as the
    editor's script names the inputs it makes: streams and lists count and order their
    children, a struct names each child, and a field posts what its widget holds."""
    from wagtail import blocks

    data: dict[str, str] = {}
    if isinstance(block, blocks.StreamBlock | blocks.ListBlock):
        data[f"{prefix}-count"] = str(len(state))
        for index, child in enumerate(state):
            at = f"{prefix}-{index}"
            data.update({f"{at}-deleted": "", f"{at}-order": str(index)})
            data[f"{at}-id"] = child["id"] or ""
            if isinstance(block, blocks.StreamBlock):
                data[f"{at}-type"] = child["type"]
                child_block = block.child_blocks[child["type"]]
            else:
                child_block = block.child_block
            data.update(block_form_data(child_block, child["value"], f"{at}-value"))
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            data.update(block_form_data(child_block, state.get(name), f"{prefix}-{name}"))
    elif isinstance(state, dict):  # a chooser: the chosen object's id
        data[prefix] = str(state.get("id") or "")
    elif isinstance(state, list):  # a select: its chosen options
        data[prefix] = state[0] if state else ""
    elif state is True:
        data[prefix] = "on"
    elif state not in (None, False):
        data[prefix] = str(state)
    return data


def form_pages() -> dict:
    """{kind: address} of the two form pages."""
    from pei_forms.models import CafEscalationFormPage, GapInServiceFormPage

    return {
        "gap": GapInServiceFormPage.objects.get().url,
        "caf": CafEscalationFormPage.objects.get().url,
    }


def stored_references() -> list[str]:
    """Every submission's reference, both kinds, as stored (duplicates kept, to be counted)."""
    from pei_workflow.models import CafEscalation, GapInService

    references = []
    for model in (GapInService, CafEscalation):
        references += model.objects.values_list("reference", flat=True)
    return references
