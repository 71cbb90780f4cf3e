"""The "People and districts" admin screen, where a county lead gives people casework roles
and districts. Registered from `hooks`, which `pei_workflow.wagtail_hooks` imports."""
