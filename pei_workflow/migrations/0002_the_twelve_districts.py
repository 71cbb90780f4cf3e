"""Creates Lancashire's 12 districts. After this, districts are edited as data in the admin."""

from django.db import migrations

DISTRICTS = [
    ("Burnley", "BUR"),
    ("Chorley", "CHO"),
    ("Fylde", "FYL"),
    ("Hyndburn", "HYN"),
    ("Lancaster", "LAN"),
    ("Pendle", "PEN"),
    ("Preston", "PRE"),
    ("Ribble Valley", "RIB"),
    ("Rossendale", "ROS"),
    ("South Ribble", "SRI"),
    ("West Lancashire", "WLA"),
    ("Wyre", "WYR"),
]


def create_districts(apps, schema_editor):
    District = apps.get_model("pei_workflow", "District")
    for name, code in DISTRICTS:
        District.objects.get_or_create(
            code=code, defaults={"name": name, "slug": name.lower().replace(" ", "-")}
        )


class Migration(migrations.Migration):
    dependencies = [("pei_workflow", "0001_initial")]

    operations = [migrations.RunPython(create_districts, migrations.RunPython.noop)]
