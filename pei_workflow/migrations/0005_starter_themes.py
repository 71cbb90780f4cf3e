from django.db import migrations

# A starting list taken from the guidance's examples; EIDOs edit the list in the admin.
STARTER_THEMES = [
    ("Bereavement", "Loss of a parent, carer, sibling or friend."),
    ("Transport", "Getting children, young people or parents to a service."),
    ("Diversionary activities", "Things for young people to do, especially evenings and weekends."),
    ("Childcare and respite", "Nursery places, crèches and short breaks for families."),
    ("Equipment", "Items a family needs, such as car seats or safety equipment."),
    ("Parenting support", "Parenting courses and one-to-one support for parents."),
    ("Emotional health and wellbeing", "Counselling and mental health support below CAMHS."),
    ("English language and learning", "ESOL and adult learning that helps parents take part."),
]


def add_themes(apps, schema_editor):
    Theme = apps.get_model("pei_workflow", "Theme")
    for name, description in STARTER_THEMES:
        Theme.objects.get_or_create(name=name, defaults={"description": description})


class Migration(migrations.Migration):
    dependencies = [("pei_workflow", "0004_moderation")]

    operations = [migrations.RunPython(add_themes, migrations.RunPython.noop)]
