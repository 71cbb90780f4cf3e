"""The seed content of the PEI site, as Python data.

The facts come from the PEI guidance document and the Pendle news item; every text is
rewritten in plain English. `load_pei_content` makes these pages if they are missing and
never changes a page that exists, so editors own the text from then on.
"""

from . import (
    about,
    accessibility,
    caf_escalation,
    contacts,
    flowchart,
    gap_in_service,
    home,
    information_flows,
    links,
    news,
    privacy,
    projects,
    resource_panel,
    service_directory,
    sub_group,
)

HOME = home.PAGE

# The home page's children (and the news story), in menu order. A parent comes before its
# children.
PAGES = [
    about.PAGE,
    resource_panel.PAGE,
    sub_group.PAGE,
    gap_in_service.PAGE,
    caf_escalation.PAGE,
    information_flows.PAGE,
    flowchart.PAGE,
    contacts.PAGE,
    service_directory.PAGE,
    links.PAGE,
    news.INDEX,
    news.STORY,
    accessibility.PAGE,
    privacy.PAGE,
]

SITE_NAME = home.TITLE
FOOTER_TEXT = (
    "Prevention and Early Intervention in Lancashire: guidance for practitioners who work with "
    "children, young people and families."
)

EXAMPLE_SERVICES = service_directory.EXAMPLE_SERVICES
EXAMPLE_PROJECTS = projects.EXAMPLE_PROJECTS

__all__ = ["EXAMPLE_PROJECTS", "EXAMPLE_SERVICES", "FOOTER_TEXT", "HOME", "PAGES", "SITE_NAME"]
