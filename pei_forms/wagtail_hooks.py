from wagtail import hooks

from .content import ensure_form_pages


@hooks.register("pei_content_pages")
def form_pages(home):
    """`load_pei_content` asks each app for its pages this way, so guidance_pages never
    imports the casework apps; the home page's calls to action link to these by slug."""
    return ensure_form_pages(home)
