"""Shared factories. Page factories build published pages under a given parent."""

import datetime

import factory
import wagtail_factories
from django.contrib.auth import get_user_model

from guidance_pages import models as guidance


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password("correct-horse-battery-staple")


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = guidance.HomePage

    title = "Prevention and Early Intervention"
    slug = "home"
    intro = "<p>Help for families with additional needs.</p>"


class GuidancePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = guidance.GuidancePage

    title = factory.Sequence(lambda n: f"Guidance {n}")
    summary = "A page of guidance."
    body = factory.LazyFunction(
        lambda: [
            {"type": "heading", "value": {"text": "What it is", "level": "h2"}},
            {"type": "paragraph", "value": "<p>Some guidance text.</p>"},
        ]
    )
    review_by = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=200))


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = guidance.NewsIndexPage

    title = "News"
    slug = "news"


class NewsPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = guidance.NewsPage

    title = factory.Sequence(lambda n: f"News story {n}")
    summary = "Something happened."
    date = factory.Sequence(lambda n: datetime.date(2026, 1, 1) + datetime.timedelta(days=n))
    body = factory.LazyFunction(lambda: [{"type": "paragraph", "value": "<p>Story.</p>"}])
