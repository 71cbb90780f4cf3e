"""Registers the "Directory" admin group (services, themes, CYPP priorities)."""

from wagtail_modeladmin.options import modeladmin_register

from .options import DirectoryGroup

modeladmin_register(DirectoryGroup)
