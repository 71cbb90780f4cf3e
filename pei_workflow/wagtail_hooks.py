from wagtail_modeladmin.options import modeladmin_register

from .casework_admin.options import CaseworkGroup

modeladmin_register(CaseworkGroup)
