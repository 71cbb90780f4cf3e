"""Registers the "Response times" screens with the Wagtail admin."""

from wagtail_modeladmin.options import modeladmin_register

from .options import ResponseTimesGroup

modeladmin_register(ResponseTimesGroup)
