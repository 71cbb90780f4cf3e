from .base import ReviewableMixin, SiteChrome
from .contacts import ContactsPage, EIDOContact
from .directory import ServiceDirectoryPage
from .flowchart import FlowchartPage
from .guidance import AccessibilityStatementPage, GuidancePage, PrivacyNoticePage
from .home import HomePage
from .links import LinksPage
from .news import NewsIndexPage, NewsPage

REVIEWABLE_PAGE_TYPES = [
    GuidancePage,
    FlowchartPage,
    ContactsPage,
    LinksPage,
    AccessibilityStatementPage,
    PrivacyNoticePage,
    ServiceDirectoryPage,
]

__all__ = [
    "REVIEWABLE_PAGE_TYPES",
    "AccessibilityStatementPage",
    "ContactsPage",
    "EIDOContact",
    "FlowchartPage",
    "GuidancePage",
    "HomePage",
    "LinksPage",
    "NewsIndexPage",
    "NewsPage",
    "PrivacyNoticePage",
    "ReviewableMixin",
    "ServiceDirectoryPage",
    "SiteChrome",
]
