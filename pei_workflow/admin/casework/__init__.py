"""The casework screens in the Wagtail admin (wagtail-modeladmin), all scoped by district."""
