"""The names of the roles people have on the PEI site: one Django group per role.

They belong to the domain: the people service gives and takes away these groups, and the
casework screens ask who is in them. `pei_site.roles` imports them from here and wires them
up (each group's permissions and the guidance approval workflow); nothing in `pei_workflow`
imports `pei_site`.

Changing a name here renames nothing in the database: the groups are made by the
`pei_site` migrations, which keep their own copy of the names, and
`tests/pei_site/test_roles.py` checks that the two agree.
"""

EDITORS = "Editors"
GUIDANCE_APPROVERS = "Guidance approvers"
EIDOS = "EIDOs"
PANEL_MEMBERS = "Panel members"
COUNTY_LEADS = "County leads"
