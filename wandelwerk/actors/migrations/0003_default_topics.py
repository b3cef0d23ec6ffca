"""Default topics: the action fields (Handlungsfelder) from the seed pages and the 17 SDGs.

Idempotent: rows are looked up by slug and created only when missing; an admin's later edits to names or
order are never overwritten, and nothing is deleted on the way back (topics may be in use by then).
Where each field comes from: docs/decisions/0004-synthetic-data.md.
"""

from django.db import migrations

# slug, German name, English name — order is the display order
FIELDS = [
    # seed 001 (ZusammenWachsen – Engagiert im Revier): the ten action fields, verbatim
    (
        "ehrenamt-engagement",
        "Ehrenamt und bürgerschaftliches Engagement",
        "Volunteering and civic engagement",
    ),
    (
        "beteiligung-demokratie",
        "Beteiligung und demokratische Mitbestimmung",
        "Participation and democratic co-determination",
    ),
    (
        "lebendige-doerfer",
        "Lebendige Dörfer und sozialer Zusammenhalt",
        "Vibrant villages and social cohesion",
    ),
    ("bildung-kultur", "Bildung und Kultur", "Education and culture"),
    ("zirkulaeres-wirtschaften", "Nachhaltiges, zirkuläres Wirtschaften", "Sustainable, circular economy"),
    ("mobilitaet", "Gute Mobilität für alle", "Good mobility for all"),
    ("energie-klimaschutz", "Energie und Klimaschutz", "Energy and climate protection"),
    ("naturschutz-oekologie", "Naturschutz und Ökologie", "Nature conservation and ecology"),
    ("ernaehrung-landwirtschaft", "Ernährung und Landwirtschaft", "Food and agriculture"),
    ("bauen-wohnen", "Nachhaltiges Bauen und Wohnen", "Sustainable building and housing"),
    # seed 002 (Circular Rural Regions): the one target field not already covered above
    ("rohstoffe-recycling", "Rohstoffgewinnung und Recycling", "Raw materials and recycling"),
    # seeds 000/001/003 (structural change in the Revier, regional development teams)
    (
        "strukturwandel-regionalentwicklung",
        "Strukturwandel und Regionalentwicklung",
        "Structural change and regional development",
    ),
    # seed 004 (municipal climate strategies: adaptation to climate change)
    ("klimaanpassung", "Anpassung an den Klimawandel", "Climate change adaptation"),
]

# number, German short name (as on the German SDG icons), English short name
SDGS = [
    (1, "Keine Armut", "No poverty"),
    (2, "Kein Hunger", "Zero hunger"),
    (3, "Gesundheit und Wohlergehen", "Good health and well-being"),
    (4, "Hochwertige Bildung", "Quality education"),
    (5, "Geschlechtergleichheit", "Gender equality"),
    (6, "Sauberes Wasser und Sanitäreinrichtungen", "Clean water and sanitation"),
    (7, "Bezahlbare und saubere Energie", "Affordable and clean energy"),
    (8, "Menschenwürdige Arbeit und Wirtschaftswachstum", "Decent work and economic growth"),
    (9, "Industrie, Innovation und Infrastruktur", "Industry, innovation and infrastructure"),
    (10, "Weniger Ungleichheiten", "Reduced inequalities"),
    (11, "Nachhaltige Städte und Gemeinden", "Sustainable cities and communities"),
    (12, "Nachhaltige/r Konsum und Produktion", "Responsible consumption and production"),
    (13, "Maßnahmen zum Klimaschutz", "Climate action"),
    (14, "Leben unter Wasser", "Life below water"),
    (15, "Leben an Land", "Life on land"),
    (16, "Frieden, Gerechtigkeit und starke Institutionen", "Peace, justice and strong institutions"),
    (17, "Partnerschaften zur Erreichung der Ziele", "Partnerships for the goals"),
]


def create_topics(apps, schema_editor):
    Topic = apps.get_model("actors", "Topic")
    for order, (slug, name, name_en) in enumerate(FIELDS, start=1):
        Topic.objects.get_or_create(
            slug=slug, defaults={"name": name, "name_en": name_en, "group": "field", "order": order}
        )
    for number, name, name_en in SDGS:
        Topic.objects.get_or_create(
            slug=f"sdg-{number}",
            defaults={
                "name": name,
                "name_en": name_en,
                "group": "sdg",
                "number": number,
                "order": number,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("actors", "0002_fulltext")]

    operations = [migrations.RunPython(create_topics, migrations.RunPython.noop)]
