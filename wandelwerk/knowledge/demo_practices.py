"""Demo practices for the action pool (written for Wandelwerk; texts are our own).

Each entry: title, summary, steps (Markdown), effort, costs text, cost range (€), rural factors, urban
factors, topic slugs, name prefixes of demo actors that fit (see ``engines/synth_words.py``), titles of
demo projects, AGS of regions that adopt it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PracticeSpec:
    title: str
    summary: str
    steps: str
    effort: str
    costs: str
    cost_range: tuple[int | None, int | None]
    rural: str
    urban: str
    topics: tuple[str, ...]
    actor_prefixes: tuple[str, ...] = ()
    projects: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()


PRACTICES: tuple[PracticeSpec, ...] = (
    PracticeSpec(
        "Repair-Café",
        "Ehrenamtliche und Besucher reparieren gemeinsam Toaster, Fahrräder und Kleidung – das spart Müll "
        "und Geld, und nebenbei lernen alle etwas dazu.",
        "1. Mitstreiter finden: Menschen mit handwerklichem Geschick (Elektrik, Nähen, Fahrrad) und "
        "zwei Personen für Empfang und Café.\n"
        "2. Einen Raum mit Strom, Tischen und gutem Licht suchen – Gemeindehaus, Bibliothek, Jugendclub.\n"
        "3. Grundausstattung beschaffen: Werkzeugkisten, Lötstation, Multimeter, Nähmaschine, "
        "Verlängerungskabel.\n"
        "4. Haftung klären: Besucher unterschreiben einen Laufzettel mit Haftungsausschluss; "
        "Elektroarbeiten nur durch erfahrene Leute, geprüft mit einem Gerätetester.\n"
        "5. Einen festen Termin wählen (z. B. jeden ersten Samstag im Monat) und über Amtsblatt, "
        "Aushänge und Vereine bekannt machen.\n"
        "6. Reparaturen zählen (repariert, nicht reparierbar, Ersatzteil nötig) – die Zahlen überzeugen "
        "Förderer und Presse.",
        "low",
        "Werkzeug und Material zum Start, danach kleine laufende Kosten für Verbrauchsmaterial; "
        "Kaffee und Kuchen gegen Spende decken oft die Miete.",
        (200, 1500),
        "Ein fester, gut erreichbarer Ort im Dorfgemeinschaftshaus; Termine mit dem Wochenmarkt oder "
        "dem Bürgerbus abstimmen. Ältere Handwerker im Ruhestand sind oft die besten Reparateure.",
        "Viele Besucher: mit Wartenummern und Terminvergabe arbeiten. Stadtteilzentren, Bibliotheken "
        "und Hochschulen als Partner gewinnen; Fachbetriebe für schwierige Fälle vermitteln.",
        ("zirkulaeres-wirtschaften", "ehrenamt-engagement"),
        ("Repair-Café", "Reparatur-Treff", "Offene Werkstatt"),
        ("Repair-Café im Stadtteilzentrum",),
    ),
    PracticeSpec(
        "Solidarische Landwirtschaft (Solawi)",
        "Eine Gemeinschaft finanziert einen Hof oder eine Gärtnerei für ein Jahr im Voraus und teilt "
        "sich dafür die Ernte – mit allen Risiken und Überraschungen.",
        "1. Einen Betrieb finden, der mitmachen will, oder eine Gärtnerin, die einen gründet.\n"
        "2. Den Jahreshaushalt offenlegen: Löhne, Pacht, Saatgut, Maschinen, Rücklagen.\n"
        "3. In einer Bieterrunde legt jedes Mitglied seinen Monatsbeitrag selbst fest, bis der Haushalt "
        "gedeckt ist.\n"
        "4. Depots einrichten, in denen die Ernteanteile wöchentlich abgeholt werden.\n"
        "5. Mitgliedschaften über einen Verein oder eine Genossenschaft regeln.\n"
        "6. Mitmachtage auf dem Acker anbieten – sie halten die Gemeinschaft zusammen.",
        "high",
        "Die Kosten trägt die Gemeinschaft über Monatsbeiträge (typisch 60–120 € je Ernteanteil). "
        "Anschubkosten für Kisten, Kühlung und Depots.",
        (2000, 15000),
        "Kurze Wege zum Hof, Flächen sind da. Schwieriger: genügend Mitglieder – Depots in der nächsten "
        "Kleinstadt und Kooperation mit dem Dorfladen helfen.",
        "Mitglieder sind schnell gefunden; Flächen im Umland und die Logistik zu mehreren Depots "
        "(Lastenrad!) sind die Herausforderung.",
        ("ernaehrung-landwirtschaft", "lebendige-doerfer"),
        ("Solawi", "Solidarische Landwirtschaft", "Gemüsekooperative"),
    ),
    PracticeSpec(
        "Energiegenossenschaft gründen",
        "Bürgerinnen und Bürger bauen gemeinsam Solar- oder Windanlagen und halten die Erträge in der "
        "Region – mit Mitsprache nach dem Prinzip „ein Mitglied, eine Stimme“.",
        "1. Kerngruppe bilden und erste Projektidee klären (z. B. Photovoltaik auf kommunalen Dächern).\n"
        "2. Beratung beim Genossenschaftsverband und bei der Energieagentur einholen.\n"
        "3. Satzung und Businessplan erarbeiten; Gründungsprüfung durch den Prüfungsverband.\n"
        "4. Gründungsversammlung, Eintragung ins Genossenschaftsregister.\n"
        "5. Dachnutzungsverträge mit Kommune, Schulen oder Betrieben schließen.\n"
        "6. Mitglieder werben: Infoabende, niedrige Mindestanteile (z. B. 100 €) für alle.",
        "high",
        "Gründungsprüfung und Beratung kosten einige tausend Euro; die Anlagen selbst werden aus "
        "Genossenschaftsanteilen und Bankdarlehen finanziert.",
        (3000, 500000),
        "Große Dächer von Agrarbetrieben und Flächen für Freiflächenanlagen; die Beteiligung der "
        "Anwohner schafft Akzeptanz. Gemeinderat früh einbinden.",
        "Viele Mieter ohne eigenes Dach können sich beteiligen; Mieterstrom-Modelle und Dächer von "
        "Wohnungsgenossenschaften prüfen.",
        ("energie-klimaschutz", "beteiligung-demokratie"),
        ("Energiegenossenschaft", "Bürgerenergie"),
    ),
    PracticeSpec(
        "Freies Lastenrad",
        "Ein Lastenrad, das sich alle kostenlos ausleihen können – für den Wocheneinkauf, den Umzug "
        "oder den Ausflug mit Kindern.",
        "1. Rad beschaffen (Spenden, Förderung, Crowdfunding) und versichern.\n"
        "2. Stationen finden: Läden, Cafés oder Bibliotheken, die Schlüssel und Akku verwalten.\n"
        "3. Buchung über ein freies Buchungssystem (z. B. CommonsBooking) oder eine einfache Liste.\n"
        "4. Nutzungsbedingungen und Einweisung festlegen.\n"
        "5. Pflege organisieren: eine Fahrradwerkstatt als Pate, feste Wartungstermine.",
        "medium",
        "Ein E-Lastenrad kostet 3.000–6.000 €, dazu Versicherung und Wartung (ca. 300 € im Jahr).",
        (3000, 7000),
        "Mit Elektromotor auch für hügelige Strecken; Stationen am Dorfladen oder Gemeindeamt. "
        "Kombiniert mit Hofläden für Einkaufsfahrten.",
        "Viele Stationen in den Quartieren, hohe Auslastung. Sichere Abstellplätze sind entscheidend.",
        ("mobilitaet", "ehrenamt-engagement"),
        ("Freies Lastenrad", "Fahrradwerkstatt"),
        ("Lastenräder für Kitas",),
    ),
    PracticeSpec(
        "Tauschring und Tauschbörse",
        "Nachbarn tauschen Dinge und Fähigkeiten ohne Geld: Rasenmäher gegen Nachhilfe, Marmelade "
        "gegen Fahrradreparatur.",
        "1. Kleine Gruppe gründen und Regeln festlegen (Zeitwährung: eine Stunde ist eine Stunde).\n"
        "2. Angebote und Gesuche sammeln – auf Papier am Schwarzen Brett und online.\n"
        "3. Monatlichen Tauschtreff mit Kaffee organisieren.\n"
        "4. Kleidertausch- oder Pflanzentauschbörsen als offene Aktionen anbieten.\n"
        "5. Klären, wie Leistungen steuerlich einzuordnen sind (Nachbarschaftshilfe).",
        "low",
        "Kaum Kosten: Raum, Aushänge, ggf. eine einfache Tauschplattform.",
        (0, 300),
        "Das Netzwerk gibt es oft schon – der Tauschring macht Nachbarschaftshilfe sichtbar. "
        "Aushänge im Dorfladen und im Amtsblatt erreichen Ältere.",
        "Anonymität überwinden: mit Hausgemeinschaften und Stadtteiltreffs beginnen.",
        ("zirkulaeres-wirtschaften", "lebendige-doerfer"),
        ("Tauschring", "Nachbarschaftshilfe"),
    ),
    PracticeSpec(
        "Unverpackt-Laden",
        "Ein Laden, in dem Lebensmittel und Drogerieartikel lose in mitgebrachte Behälter abgefüllt "
        "werden – weniger Verpackungsmüll, oft regionale Ware.",
        "1. Standort und Zielgruppe prüfen; Businessplan mit realistischen Umsätzen.\n"
        "2. Sortiment festlegen: Trockenwaren, Öle, Reinigungsmittel, regionale Produkte.\n"
        "3. Lieferanten mit Großgebinden und Pfandsystemen finden.\n"
        "4. Hygienekonzept mit dem Lebensmittelüberwachungsamt abstimmen.\n"
        "5. Finanzierung: Eigenkapital, Crowdfunding, Gründungskredit.\n"
        "6. Mit Workshops und Kooperationen Stammkundschaft aufbauen.",
        "high",
        "Einrichtung (Spender, Waagen, Kasse) und Warenbestand: meist 30.000–80.000 €.",
        (30000, 80000),
        "Ein ganzer Laden trägt sich selten; besser als Ecke im Dorfladen, im Hofladen oder als "
        "mobiler Marktstand.",
        "Laufkundschaft und Studierende; Konkurrenz durch Supermärkte mit Unverpackt-Regalen.",
        ("zirkulaeres-wirtschaften", "ernaehrung-landwirtschaft"),
        ("Unverpackt-Laden", "Hofladen"),
    ),
    PracticeSpec(
        "Mitfahrbank",
        "Eine auffällige Bank am Ortsausgang: Wer sich setzt, zeigt, dass er mitgenommen werden "
        "möchte. Autofahrer aus dem Ort halten an – eine Ergänzung zum dünnen Busfahrplan.",
        "1. Gemeinde und Ortschaftsräte gewinnen; Standorte an gut einsehbaren Stellen mit "
        "Haltemöglichkeit wählen.\n"
        "2. Bänke bauen oder kaufen, auffällig streichen, Klappschilder mit Zielen anbringen.\n"
        "3. Regeln bekannt machen: Mitnahme freiwillig und unentgeltlich, Kinder nur in Begleitung.\n"
        "4. Einweihung mit Presse und Probefahrten – damit sich die ersten trauen.\n"
        "5. Nach einem halben Jahr auswerten und weitere Orte verbinden.",
        "low",
        "Bank und Schilder je Standort einige hundert Euro; oft bauen Schulen oder Vereine die Bänke.",
        (300, 1500),
        "Funktioniert gerade auf dem Land: man kennt sich, die Wege zur nächsten Kleinstadt sind klar. "
        "Wichtig sind Bänke in beiden Richtungen und Ziele auf den Schildern.",
        "In der Stadt kaum nötig; an Stadträndern zu Gewerbegebieten oder als Zubringer zum Bahnhof.",
        ("mobilitaet", "lebendige-doerfer"),
        ("Mitfahrbank-Initiative", "Bürgerbus"),
        (),
        ("14628",),
    ),
    PracticeSpec(
        "Bürgersolaranlage auf dem Schuldach",
        "Eine Photovoltaikanlage auf der Schule, finanziert von Menschen aus dem Ort; Schülerinnen "
        "und Schüler verfolgen die Erträge im Unterricht.",
        "1. Geeignete Dachflächen mit dem Schulträger prüfen (Statik, Ausrichtung, Sanierungsbedarf).\n"
        "2. Träger wählen: bestehende Energiegenossenschaft oder Bürgerbeteiligung über Nachrangdarlehen.\n"
        "3. Dachpachtvertrag mit der Kommune schließen; Strom für die Schule oder Einspeisung.\n"
        "4. Angebote einholen, Anlage bauen lassen, Anzeige der Produktionswerte in der Aula.\n"
        "5. Mit Lehrkräften Unterrichtseinheiten zu Energie und Klima planen.",
        "medium",
        "Je nach Größe 30.000–150.000 €, refinanziert über Stromverkauf; Anteile ab 100 €.",
        (30000, 150000),
        "Schulen sind oft die größten Dächer im Ort; die Anlage wird zum Gemeinschaftsprojekt von "
        "Eltern, Handwerk und Gemeinde.",
        "Viele Schulen in einer Hand: ein Rahmenvertrag mit dem Schulträger für mehrere Dächer.",
        ("energie-klimaschutz", "bildung-kultur"),
        ("Sonnenstrom", "Oberschule", "Gymnasium"),
        ("Bürgersolar auf der Oberschule",),
    ),
    PracticeSpec(
        "Streuobstwiese in Gemeinschaftspflege",
        "Alte Obstwiesen werden gemeinsam gepflegt, nachgepflanzt und geerntet – für Artenvielfalt, "
        "Landschaft und regionalen Apfelsaft.",
        "1. Flächen und Eigentümer finden; Pflegevereinbarung schließen.\n"
        "2. Bestand kartieren, Schnittkurs mit einem Pomologen anbieten.\n"
        "3. Pflanzaktion mit alten, regionalen Sorten organisieren.\n"
        "4. Mahd mit Landwirt oder Schafhalterin absprechen.\n"
        "5. Ernte zur Lohnmosterei bringen und Saft unter eigenem Etikett verkaufen.",
        "medium",
        "Jungbäume mit Pfahl und Verbissschutz ca. 60–90 € je Baum; Schnittkurse; Förderung über "
        "Naturschutz- und Landschaftspflegeprogramme.",
        (500, 5000),
        "Flächen und Landwirte sind vor Ort; Schulklassen und Kitas übernehmen Baumpatenschaften.",
        "Obstwiesen am Stadtrand als Ausflugsziel; Mundraub-Karten und Erntefeste ziehen Städter an.",
        ("naturschutz-oekologie", "ernaehrung-landwirtschaft"),
        ("Streuobstwiesenverein", "Landschaftspflegeverband", "Mosterei"),
    ),
    PracticeSpec(
        "Foodsharing-Fairteiler",
        "Ein öffentlich zugänglicher Kühlschrank oder ein Regal, in dem Lebensmittel geteilt werden, "
        "die sonst weggeworfen würden.",
        "1. Standort mit Betreiber finden (Gemeindehaus, Café, Bibliothek), Zugang und Öffnungszeiten "
        "klären.\n"
        "2. Hygieneregeln aufhängen: keine rohen tierischen Produkte, Datum beachten.\n"
        "3. Einen Putzplan mit Verantwortlichen erstellen.\n"
        "4. Betriebe gewinnen (Bäckereien, Märkte), die überschüssige Ware abgeben.\n"
        "5. Mit dem Lebensmittelüberwachungsamt sprechen, bevor es losgeht.",
        "low",
        "Gebrauchter Kühlschrank, Regal, Reinigungsmittel; Strom spendet meist der Gastgeber.",
        (0, 800),
        "Abholungen bei Bäckereien und Höfen bündeln; Fairteiler am Dorfladen. Wenige Ehrenamtliche "
        "tragen viel – Aufgaben gut verteilen.",
        "Hohe Nachfrage; mehrere Fairteiler in Stadtteilen, gut organisierte Abholteams.",
        ("ernaehrung-landwirtschaft", "zirkulaeres-wirtschaften"),
        ("Lebensmittelretter", "Fairteiler", "Essen-retten-Initiative"),
    ),
    PracticeSpec(
        "Reparaturbonus",
        "Die öffentliche Hand übernimmt einen Teil der Reparaturkosten für Elektrogeräte – damit sich "
        "Reparieren statt Neukaufen lohnt.",
        "1. Förderrichtlinie formulieren: welche Geräte, welcher Anteil (z. B. 50 %), welche Obergrenze.\n"
        "2. Antragsweg einfach halten: Rechnung eines Fachbetriebs hochladen, Auszahlung aufs Konto.\n"
        "3. Reparaturbetriebe und Repair-Cafés informieren und als Partner gewinnen.\n"
        "4. Budget und Laufzeit festlegen, Mitnahmeeffekte beobachten.\n"
        "5. Auswerten: reparierte Geräte, eingesparter Elektroschrott, beteiligte Betriebe.",
        "medium",
        "Förderbudget (je nach Region ab 50.000 €) plus Verwaltungsaufwand für die Bearbeitung.",
        (50000, 1000000),
        "Wenige Fachbetriebe: Hol- und Bringdienste und Repair-Cafés als Anlaufstelle einbinden.",
        "Viele Betriebe und hohe Nachfrage: Budget in Tranchen freigeben, damit es nicht nach Tagen "
        "ausgeschöpft ist.",
        ("zirkulaeres-wirtschaften", "rohstoffe-recycling"),
        (),
        (),
        ("14",),
    ),
    PracticeSpec(
        "Bürgerbus",
        "Ehrenamtliche fahren einen Kleinbus nach festem Fahrplan durch Dörfer, die der Linienbus kaum "
        "noch erreicht.",
        "1. Bedarf erheben: Wer muss wann wohin (Arzt, Einkauf, Bahnhof)?\n"
        "2. Verein gründen, Kooperation mit dem Verkehrsunternehmen und dem Landkreis vereinbaren.\n"
        "3. Fahrzeug über Förderprogramme oder Leasing beschaffen.\n"
        "4. Fahrerinnen und Fahrer gewinnen und schulen (Personenbeförderungsschein klären).\n"
        "5. Fahrplan veröffentlichen und in die Fahrplanauskunft aufnehmen lassen.",
        "medium",
        "Fahrzeug 50.000–80.000 € (oft gefördert), laufend Versicherung, Kraftstoff, Wartung.",
        (50000, 90000),
        "Für dünn besiedelte Regionen gemacht; Fahrten zu Arztterminen und Markttagen sind am "
        "gefragtesten. Ergänzend: Mitfahrbänke.",
        "Als Quartiersbus zu Pflegeheimen und Ärztehäusern in Randlagen.",
        ("mobilitaet", "ehrenamt-engagement"),
        ("Bürgerbus",),
    ),
    PracticeSpec(
        "Gemeinschaftsgarten",
        "Eine Fläche, auf der Nachbarinnen und Nachbarn gemeinsam Gemüse, Kräuter und Blumen anbauen – "
        "Lernort, Treffpunkt und Klimaoase zugleich.",
        "1. Fläche finden: Brachen, Kirchengrundstücke, Schulgelände; Nutzungsvertrag schließen.\n"
        "2. Wasseranschluss, Werkzeugschuppen und Kompost einplanen.\n"
        "3. Hochbeete mit Kitas, Schulen und Nachbarn bauen.\n"
        "4. Gartenregeln und Gießplan gemeinsam aufstellen.\n"
        "5. Feste, Saatgut-Tauschbörsen und Workshops öffnen den Garten für alle.",
        "low",
        "Hochbeete, Erde, Werkzeug, Wasser; Stiftungen und Umweltfonds fördern den Start.",
        (500, 5000),
        "Gärten gibt es viele – der Gemeinschaftsgarten wird zum Treffpunkt für Zugezogene und "
        "Alteingesessene, etwa am Pfarrhaus.",
        "Für Menschen ohne eigenen Garten; interkulturelle Gärten verbinden Nachbarschaften.",
        ("ernaehrung-landwirtschaft", "naturschutz-oekologie", "lebendige-doerfer"),
        ("Gemeinschaftsgarten", "Interkultureller Garten", "Nachbarschaftsgarten"),
    ),
    PracticeSpec(
        "Dorfladen in Bürgerhand",
        "Wenn der letzte Laden schließt, gründen die Einwohner ihren eigenen – mit regionalen "
        "Produkten, Post, Café und Treffpunkt.",
        "1. Bürgerversammlung: Bedarf und Bereitschaft zur Beteiligung abfragen.\n"
        "2. Machbarkeitsstudie mit Umsatzplanung (Beratung durch Dorfladen-Netzwerke).\n"
        "3. Rechtsform wählen (Genossenschaft, UG, Verein) und Anteile zeichnen lassen.\n"
        "4. Räume herrichten, Großhändler und regionale Erzeuger als Lieferanten gewinnen.\n"
        "5. Personal einstellen, Ehrenamt für Lieferdienst und Café organisieren.",
        "high",
        "Umbau, Einrichtung und Warenbestand 80.000–200.000 €; Förderung über LEADER und "
        "Landesprogramme zur Grundversorgung.",
        (80000, 200000),
        "Das Herzstück des Dorfs: Post, Bank-Service, Café. Entscheidend ist, dass die Einwohner "
        "auch wirklich dort einkaufen.",
        "In Stadtquartieren ohne Nahversorgung als Quartiersladen oder Mitgliederladen.",
        ("lebendige-doerfer", "ernaehrung-landwirtschaft"),
        ("Dorfladen-Initiative", "Dorfgemeinschaft"),
    ),
    PracticeSpec(
        "Bauteilbörse",
        "Türen, Fenster, Ziegel und Balken aus Rückbau und Sanierung werden erfasst und an neue "
        "Bauherren vermittelt – Kreislaufwirtschaft am Bau.",
        "1. Partner gewinnen: Abbruchunternehmen, Wertstoffhof, Handwerkskammer, Landkreis.\n"
        "2. Lagerfläche und Online-Katalog einrichten.\n"
        "3. Vor dem Abbruch Bauteile begutachten und schonend ausbauen lassen.\n"
        "4. Preise und Gewährleistung klar regeln.\n"
        "5. Mit Architekten und Lehmbaubetrieben Beispiele für den Wiedereinbau zeigen.",
        "medium",
        "Lager, Personal für Ausbau und Katalog; Anschub durch Kreislaufwirtschafts- oder "
        "Regionalentwicklungsförderung.",
        (20000, 120000),
        "Viele Altgebäude und Scheunen mit wertvollen Bauteilen; Transportwege kurz halten und mit "
        "Bauhöfen der Gemeinden kooperieren.",
        "Großer Umschlag durch Sanierungen; ein zentrales Lager mit Verkaufsraum lohnt sich.",
        ("bauen-wohnen", "rohstoffe-recycling", "zirkulaeres-wirtschaften"),
        ("Baustoffrecycling", "Lehmbau"),
        ("Bauteilbörse Mittelsachsen",),
        ("14522",),
    ),
    PracticeSpec(
        "Bibliothek der Dinge",
        "Leihen statt kaufen: Bohrmaschine, Zelt, Nähmaschine oder Waffeleisen werden gegen Ausweis "
        "ausgeliehen – wie Bücher.",
        "1. Träger finden – öffentliche Bibliotheken eignen sich besonders.\n"
        "2. Gegenstände über Spendenaufruf sammeln und auf Sicherheit prüfen.\n"
        "3. Katalog anlegen, Leihfristen und Pfand festlegen.\n"
        "4. Anleitungen zu jedem Gegenstand beilegen.\n"
        "5. Beliebteste Dinge doppelt anschaffen, Ungenutztes weitergeben.",
        "low",
        "Regale, Etiketten, Ersatzteile; die Gegenstände selbst sind meist Spenden.",
        (300, 3000),
        "In der Gemeindebibliothek oder im Dorfladen; Geräte für Garten und Hof sind besonders gefragt.",
        "Wenig Stauraum in Wohnungen: Leihen spart Platz. Mehrere Ausleihstellen in Stadtteilen.",
        ("zirkulaeres-wirtschaften", "bildung-kultur"),
        ("Offene Werkstatt", "Nachbarschaftshilfe"),
    ),
    PracticeSpec(
        "Energiesparen an Schulen (Fifty-fifty)",
        "Schulen sparen Strom und Wärme durch verändertes Verhalten; die Hälfte der eingesparten Kosten "
        "erhält die Schule zur freien Verwendung.",
        "1. Vereinbarung zwischen Schulträger und Schule über die Aufteilung der Einsparung.\n"
        "2. Energieteam aus Schülern, Lehrkräften und Hausmeister bilden.\n"
        "3. Rundgang mit Messgeräten: Wo wird unnötig geheizt und beleuchtet?\n"
        "4. Maßnahmen umsetzen: Lüften mit Plan, Licht aus, Geräte vom Netz.\n"
        "5. Verbräuche monatlich ablesen und in der Schule veröffentlichen.",
        "medium",
        "Messgeräte und Materialien; die Prämie finanziert sich aus den eingesparten Energiekosten.",
        (200, 2000),
        "Kleine Schulen mit engagiertem Hausmeister erreichen schnell Erfolge; Zusammenarbeit mehrerer "
        "Schulen im Schulverband.",
        "Viele Schulen eines Trägers: gemeinsamer Wettbewerb und Vergleich der Einsparungen.",
        ("energie-klimaschutz", "bildung-kultur"),
        ("Grundschule", "Oberschule"),
    ),
)
