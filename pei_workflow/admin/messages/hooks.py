"""Registers the "Message templates" screen with the Wagtail admin."""

from wagtail_modeladmin.options import modeladmin_register

from .options import MessageTemplateAdmin

modeladmin_register(MessageTemplateAdmin)
