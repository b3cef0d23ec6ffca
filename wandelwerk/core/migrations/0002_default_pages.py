from django.db import migrations

PAGES = [
    (
        "impressum",
        "Impressum",
        "Legal notice",
        10,
        "Angaben gemäß § 5 DDG.\n\n**Betreiber dieser Installation:** bitte im Verwaltungsbereich unter "
        "„Seiten“ eintragen (Name, Anschrift, E-Mail, Vertretungsberechtigte).",
    ),
    (
        "datenschutz",
        "Datenschutzerklärung",
        "Privacy policy",
        20,
        "Wandelwerk speichert nur, was für den Betrieb nötig ist.\n\n"
        "- **Öffentliche Seiten** setzen keine Cookies und laden nichts von fremden Servern.\n"
        "- **Konto:** E-Mail-Adresse und Passwort (als Hash); ein Sitzungs-Cookie nach der Anmeldung.\n"
        "- **Personen im Akteursverzeichnis** werden erst nach ihrer ausdrücklichen Einwilligung öffentlich "
        "angezeigt (Art. 25 Abs. 2 DSGVO); Zeitpunkt und Text der Einwilligung werden gespeichert.\n"
        "- **Auskunft und Löschung:** Unter „Mein Konto“ können Sie alle über Sie gespeicherten Daten "
        "herunterladen und Ihr Konto löschen.\n\n"
        "Verantwortliche Stelle: bitte im Verwaltungsbereich ergänzen.",
    ),
    (
        "barrierefreiheit",
        "Erklärung zur Barrierefreiheit",
        "Accessibility statement",
        30,
        "Diese Installation soll die Anforderungen der BITV 2.0 / WCAG 2.1 Stufe AA erfüllen. "
        "Alle Seiten werden automatisch mit axe-core geprüft; die Karte hat eine gleichwertige Liste.\n\n"
        "**Feedback:** Wenn Ihnen Barrieren auffallen, schreiben Sie bitte an die im Impressum genannte Adresse. "
        "Schlichtungsstelle: bitte im Verwaltungsbereich ergänzen.",
    ),
]


def create(apps, schema_editor):
    Page = apps.get_model("core", "Page")
    for slug, title, title_en, order, body in PAGES:
        Page.objects.get_or_create(
            slug=slug, defaults={"title": title, "title_en": title_en, "footer_order": order, "body": body}
        )


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
