"""Synthetic actors on real geography, for demo data and benchmarks. No Django.

Deterministic: record ``n`` depends only on the seed, ``n`` and the inputs (municipalities in the
given order, topics, mix), never on ``count``, so a larger run extends a smaller one and natural keys
``demo:<seed>:<n>`` are stable across reruns. Records are drawn in blocks of ``BLOCK`` with NumPy
(one generator per block, seeded with ``(seed, block)``); names, sentences and offers are assembled
in Python from the word material below. Names are distinct within a run (compared as slugs), so two
records never compete for one slug.

Where an actor sits: a municipality drawn with weight ``population × RURAL_DAMPING[regiostar7]``,
then a point scattered around the municipality's point and kept inside its bounding box (persons sit
exactly on the municipality's point). The factors are explained in docs/decisions/0004-synthetic-data.md.
Names are invented from generic parts plus the real place name; all records are flagged demo.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

BLOCK = 4096

# Actors per inhabitant relative to a metropolis (RegioStaR 7). Modelling assumption, see the decision doc.
RURAL_DAMPING: dict[int, float] = {71: 1.0, 72: 0.95, 73: 0.8, 74: 0.55, 75: 0.85, 76: 0.65, 77: 0.45}
DEFAULT_DAMPING = 0.65  # municipality without a RegioStaR type

CITY, TOWN, RURAL = 0, 1, 2
_CLASS = {71: CITY, 72: CITY, 73: TOWN, 75: TOWN, 76: TOWN, 74: RURAL, 77: RURAL}

# --- word material ------------------------------------------------------------------------------------
# Action-field slugs created by migration actors/0003_default_topics.
EHRENAMT, BETEILIGUNG, DOERFER = "ehrenamt-engagement", "beteiligung-demokratie", "lebendige-doerfer"
BILDUNG, ZIRKULAER, MOBILITAET = "bildung-kultur", "zirkulaeres-wirtschaften", "mobilitaet"
ENERGIE, NATUR, ERNAEHRUNG = "energie-klimaschutz", "naturschutz-oekologie", "ernaehrung-landwirtschaft"
BAUEN, ROHSTOFFE, ANPASSUNG = "bauen-wohnen", "rohstoffe-recycling", "klimaanpassung"
STRUKTUR = "strukturwandel-regionalentwicklung"


@dataclass(frozen=True, slots=True)
class Archetype:
    """One kind of actor. ``names`` are ';'-separated templates with {loc} (place, maybe with a quarter),
    {land} (landscape or "<Adjektiv> Land"), {muni} ("Stadt"/"Gemeinde") or {person}; ``sentences``
    are '|'-separated; offers/needs are "category:title" items separated by ';'. ``weights`` are the
    relative frequencies in city, town and rural municipalities; below ``min_population`` inhabitants
    the archetype is not used."""

    key: str
    kind: str
    sector: str
    names: str
    topics: tuple[str, ...]
    sentences: str
    offers: str
    needs: str
    weights: tuple[float, float, float]
    min_population: int = 0
    quarter_names: str = ""  # templates for a quarter of a city; default: ``names``


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_HELP = "skills:Ehrenamtliche für die Organisation"
_ROOM = "spaces:Raum für Treffen und Werkstatt"
_FUNDS = "money:Fördermittel für das nächste Projekt"
C, A, B, S, R = "civil_society", "administration", "business", "science", "church"

# fmt: off
ARCHETYPES: tuple[Archetype, ...] = (
    Archetype("repair", "initiative", C, "Repair-Café {loc};Reparatur-Treff {loc};Offene Werkstatt {loc}",
        (ZIRKULAER, ROHSTOFFE, EHRENAMT),
        "Einmal im Monat reparieren wir gemeinsam Elektrogeräte, Fahrräder und Kleidung.|Ehrenamtliche "
        "helfen beim Selbermachen statt Wegwerfen.|Wir retten Toaster, Lampen und Radios vor dem Müll.",
        "skills:Reparaturwissen für Elektrogeräte;tools:Lötstation und Werkzeug zum Ausleihen",
        f"{_ROOM};skills:Helfende mit Nähkenntnissen;materials:Ersatzteile und Kleinteile", (3, 2, 1.2)),
    Archetype("garden", "initiative", C, "Gemeinschaftsgarten {loc};Interkultureller Garten {loc};"
        "Nachbarschaftsgarten {loc}", (ERNAEHRUNG, DOERFER, NATUR),
        "Auf unseren Beeten wachsen Gemüse, Kräuter und Blumen für alle, die mitgärtnern.|Im Garten "
        "tauschen Nachbarinnen und Nachbarn Saatgut und ernten gemeinsam.|Wir gärtnern ökologisch und "
        "halten Kompost.", "knowledge:Workshops zum ökologischen Gärtnern;materials:Saatgut und Jungpflanzen",
        f"spaces:Fläche für weitere Beete;tools:Gartengeräte und Schubkarren;{_HELP}", (3, 2, 1)),
    Archetype("solawi", "initiative", C,
        "Solawi {loc};Solidarische Landwirtschaft {land};Gemüsekooperative {loc}",
        (ERNAEHRUNG, ZIRKULAER),
        "Mitglieder finanzieren gemeinsam den Anbau und teilen sich die Ernte.|Wir versorgen unsere "
        "Mitglieder wöchentlich mit regionalem Biogemüse.",
        "materials:Gemüseanteile für neue Mitglieder;knowledge:Hofführungen für Schulklassen",
        "spaces:Depot für die Gemüseverteilung;skills:Mithilfe bei der Ernte", (1, 1.5, 2)),
    Archetype("foodsharing", "initiative", C,
        "Lebensmittelretter {loc};Fairteiler {loc};Essen-retten-Initiative {loc}",
        (ERNAEHRUNG, ZIRKULAER, EHRENAMT),
        "Wir retten Lebensmittel aus Bäckereien und Supermärkten und verteilen sie kostenlos.|Unser "
        "öffentlicher Kühlschrank steht allen offen, die Lebensmittel teilen möchten.",
        "materials:gerettete Lebensmittel",
        f"spaces:Standort für einen Kühlschrank;{_HELP}", (2.5, 1.5, 0.5)),
    Archetype("mobility", "initiative", C,
        "Radentscheid {loc};Freies Lastenrad {loc};Mitfahrbank-Initiative {loc};"
        "Bürgerbus {loc}", (MOBILITAET, BETEILIGUNG),
        "Wir setzen uns für sichere Radwege und einen besseren Nahverkehr ein.|Unser Lastenrad kann "
        "kostenlos ausgeliehen werden.|Mit Mitfahrbänken verbinden wir die Ortsteile auch ohne Auto.",
        "tools:Lastenrad zum Ausleihen;knowledge:Erfahrung mit Bürgerbeteiligung im Verkehr",
        "money:Spenden für ein zweites Lastenrad;skills:Ehrenamtliche Fahrerinnen und Fahrer", (2, 1.5, 1.2)),
    Archetype("transition", "initiative", C, "Transition-Initiative {loc};Klimainitiative {loc};"
        "Zukunftswerkstatt {loc};Wandelbündnis {loc}", (ENERGIE, BETEILIGUNG, STRUKTUR),
        "Wir bringen Menschen zusammen, die ihren Ort klimafreundlich gestalten wollen.|Bei offenen "
        "Treffen entwickeln wir Ideen für den Wandel vor Ort.|Wir organisieren Vorträge und Filmabende "
        "rund um Klimaschutz.",
        "knowledge:Moderation von Beteiligungsformaten;skills:Erfahrung mit Öffentlichkeitsarbeit",
        f"{_ROOM};{_HELP};{_FUNDS}", (2.5, 1.5, 1)),
    Archetype("neighbours", "initiative", C,
        "Nachbarschaftshilfe {loc};Tauschring {loc};Dorfladen-Initiative {loc};"
        "Dorfgemeinschaft {loc}", (DOERFER, EHRENAMT),
        "Wir helfen einander im Alltag: Einkaufen, Fahrdienste, kleine Reparaturen.|Beim Tauschen von "
        "Zeit und Fähigkeiten lernen sich Alt und Jung kennen.|Wir wollen einen Treffpunkt mit Laden "
        "und Café im Ort erhalten.",
        "skills:Fahrdienste für ältere Menschen;spaces:Gemeinschaftsraum für Veranstaltungen",
        f"{_HELP};{_FUNDS}", (1, 1.5, 2.5)),
    Archetype("citizens", "association", C,
        "Bürgerverein {loc} e.V.;Heimat- und Verschönerungsverein {loc} e.V.;"
        "Ortsverein {loc} e.V.", (DOERFER, BETEILIGUNG, EHRENAMT),
        "Der Verein pflegt das Ortsbild, organisiert Feste und bringt Anliegen der Bürgerschaft ein.|"
        "Wir laden zu Bürgerversammlungen ein und begleiten die Entwicklung unseres Ortes.",
        "spaces:Vereinshaus für Veranstaltungen;knowledge:Ortskenntnis und Kontakte",
        f"{_HELP};skills:Unterstützung bei der Vereinsverwaltung", (1, 1.5, 2.5)),
    Archetype("nature", "association", C, "Naturschutzverein {loc} e.V.;Streuobstwiesenverein {land} e.V.;"
        "Imkerverein {loc} e.V.;Landschaftspflegeverband {land} e.V.", (NATUR, ANPASSUNG, BILDUNG),
        "Wir pflegen Streuobstwiesen, Hecken und Teiche und kartieren seltene Arten.|Mit Pflanzaktionen "
        "und Nistkästen schaffen wir Lebensräume für Vögel und Insekten.|Wir beraten Gemeinden zu "
        "naturnahen Grünflächen.",
        "knowledge:Artenkenntnis und Kartierungen;materials:Obst von unseren Wiesen",
        "skills:Helfende für Pflegeeinsätze;tools:Balkenmäher und Astschere", (1, 1.5, 2.5)),
    Archetype("culture", "association", C, "Kulturverein {loc} e.V.;Jugendclub {loc} e.V.;"
        "Soziokulturelles Zentrum {loc} e.V.", (BILDUNG, DOERFER, EHRENAMT),
        "Konzerte, Lesungen und Werkstätten machen unser Haus zu einem Treffpunkt.|Jugendliche "
        "gestalten hier ihr eigenes Programm.", "spaces:Saal und Bühne;tools:Veranstaltungstechnik",
        f"{_FUNDS};{_HELP}", (2, 1.5, 1.2)),
    Archetype("cycling", "association", C,
        "Fahrradclub {loc} e.V.;Verkehrswende {loc} e.V.", (MOBILITAET, BETEILIGUNG),
        "Wir bieten Radtouren an und sprechen bei der Verkehrsplanung mit.|Der Verein setzt sich für "
        "mehr Platz für Fuß- und Radverkehr ein.",
        "knowledge:Radverkehrs-Checks für Gemeinden;skills:Geführte Radtouren", _HELP, (2, 1.2, 0.6)),
    Archetype("agenda", "association", C, "Lokale Agenda 21 {loc} e.V.;Verein für Umweltbildung {loc} e.V.;"
        "Ökostation {loc} e.V.", (BILDUNG, NATUR, BETEILIGUNG),
        "Wir bieten Umweltbildung für Kitas, Schulen und Erwachsene an.|Projekttage zu Klima, Wasser "
        "und Wald führen Kinder an nachhaltiges Handeln heran.",
        "knowledge:Projekttage zur Umweltbildung;skills:Referentinnen und Referenten",
        f"{_FUNDS};spaces:Seminarraum", (2, 1.5, 1)),
    Archetype("housing", "association", C, "Wohnprojekt {loc} e.V.;Mehrgenerationenhaus {loc};"
        "Gemeinschaftlich Wohnen {loc} e.V.", (BAUEN, DOERFER),
        "Wir planen generationenübergreifendes Wohnen in einem sanierten Altbau.|Das Haus verbindet "
        "bezahlbares Wohnen mit Räumen für die Nachbarschaft.",
        "knowledge:Erfahrung mit Wohnprojekten;spaces:Gästezimmer für Veranstaltungen",
        "money:Direktkredite für den Umbau;skills:Beratung zur Altbausanierung", (2, 1.2, 0.8)),
    Archetype("utility", "company", B,
        "Stadtwerke {loc};Energieversorgung {loc} GmbH;Wärmeversorgung {loc} GmbH",
        (ENERGIE, MOBILITAET),
        "Wir versorgen die Region mit Strom, Wärme und Wasser und bauen erneuerbare Energien aus.|Das "
        "Unternehmen plant ein Wärmenetz und Ladesäulen für Elektroautos.",
        "knowledge:Energieberatung für Haushalte;spaces:Dachflächen für Photovoltaik",
        "skills:Fachkräfte für die Wärmewende", (1, 1, 0.2), 15_000,
        "Nahwärme {loc} GmbH;Quartiersstrom {loc} GmbH"),
    Archetype("energycoop", "company", B, "Energiegenossenschaft {land} eG;Bürgerenergie {loc} eG;"
        "Sonnenstrom {loc} eG", (ENERGIE, BETEILIGUNG, STRUKTUR),
        "Bürgerinnen und Bürger betreiben gemeinsam Solaranlagen auf Schulen und Hallen.|Die "
        "Genossenschaft investiert in Wind- und Sonnenstrom aus der Region.",
        "knowledge:Beratung zu Bürgerenergie-Projekten;money:Genossenschaftsanteile",
        "spaces:Dachflächen für neue Solaranlagen;skills:Mitglieder für den Vorstand", (1, 1.5, 2)),
    Archetype("farm", "company", B, "Biohof {loc};Hofladen {loc};Gärtnerei {loc};Mosterei {land};"
        "Agrargenossenschaft {loc} eG", (ERNAEHRUNG, NATUR, ZIRKULAER),
        "Wir wirtschaften ökologisch und verkaufen unsere Erzeugnisse ab Hof.|Reststoffe gehen als "
        "Kompost zurück aufs Feld.|Aus dem Obst der Streuobstwiesen pressen wir Saft für die Region.",
        "materials:Kompost und Grünschnitt;spaces:Hoffläche für Veranstaltungen",
        "skills:Saisonkräfte für die Ernte;materials:Mehrwegkisten", (0.3, 1.2, 3)),
    Archetype("building", "company", B, "Lehmbau {loc} GmbH;Zimmerei {loc} GmbH;Holzbau {land} GmbH;"
        "Planungsbüro Ökobau {loc}", (BAUEN, ROHSTOFFE, ENERGIE),
        "Wir bauen und sanieren mit Lehm, Holz und Stroh aus der Region.|Das Büro plant "
        "energieeffiziente Sanierungen mit nachwachsenden Rohstoffen.",
        "materials:Restholz und Verschnitt;knowledge:Fachberatung zum ökologischen Bauen",
        "materials:gebrauchte Bauteile;skills:Auszubildende im Handwerk", (1, 1.5, 1.5)),
    Archetype("recycling", "company", B,
        "Baustoffrecycling {loc} GmbH;Wertstoffhof {loc};Kieswerk {land} GmbH;"
        "Textilrecycling {loc} GmbH", (ROHSTOFFE, ZIRKULAER),
        "Wir bereiten Bauschutt zu geprüften Recycling-Baustoffen auf.|Sortierte Wertstoffe gehen als "
        "Sekundärrohstoffe zurück in die Produktion.",
        "materials:Recycling-Schotter;materials:sortierte Wertstoffe",
        "materials:mineralische Bauabfälle;knowledge:Partner für Stoffstromanalysen", (0.8, 1.2, 1.2)),
    Archetype("shop", "company", B, "Unverpackt-Laden {loc};Weltladen {loc};Carsharing {loc} eG;"
        "Fahrradwerkstatt {loc}", (ZIRKULAER, MOBILITAET, ERNAEHRUNG),
        "Bei uns kaufen Sie Lebensmittel ohne Verpackung.|Wir verbinden fairen Handel mit "
        "Bildungsarbeit.|Gemeinsam genutzte Autos und Räder ersetzen den Zweitwagen.",
        "spaces:Schaufenster für Aktionen;tools:Fahrzeuge zum Teilen",
        "materials:Pfandgläser und Mehrwegbehälter",
        (3, 1.5, 0.3), 5_000),
    Archetype("industry", "company", B, "Maschinenbau {loc} GmbH;Metallverarbeitung {land} GmbH;"
        "Kunststofftechnik {loc} GmbH", (ZIRKULAER, ROHSTOFFE, STRUKTUR),
        "Der Betrieb senkt seinen Energiebedarf und sucht Abnehmer für Produktionsreste.|Wir arbeiten "
        "an geschlossenen Materialkreisläufen.",
        "materials:Metallspäne und Verschnitt;spaces:Hallenfläche zur "
        "Zwischennutzung", "knowledge:Beratung zur Abwärmenutzung;skills:Fachkräfte", (1, 1.5, 1)),
    Archetype("administration", "administration", A,
        "{muni} {loc} Klimaschutzmanagement;{muni} {loc} Umweltamt;"
        "{muni} {loc} Wirtschaftsförderung;{muni} {loc} Stadtentwicklung;{muni} {loc} Bürgerbeteiligung",
        (ENERGIE, BETEILIGUNG, STRUKTUR, ANPASSUNG),
        "Das Klimaschutzmanagement setzt die kommunale Klimaschutzstrategie um.|Wir suchen Partner, "
        "die Maßnahmen des Klimaschutzkonzepts mit umsetzen.|Die Verwaltung begleitet Projekte zur "
        "Anpassung an Hitze und Starkregen.",
        "knowledge:Daten zum kommunalen Energieverbrauch;money:Klimaschutzfonds für Vereine",
        "skills:Partner für Beteiligungsformate", (0.6, 1, 1.6), 0,
        "Quartiersmanagement {loc};Ortschaftsrat {loc};Stadtteilbüro {loc}"),
    Archetype("school", "education", S,
        "Grundschule {loc};Oberschule {loc};Gymnasium {loc};Volkshochschule {loc};"
        "Kita Regenbogen {loc};Umweltbildungszentrum {land}", (BILDUNG, NATUR, ENERGIE),
        "Unsere Schülerinnen und Schüler betreiben einen Schulgarten und eine Energiespar-AG.|Wir "
        "verankern Bildung für nachhaltige Entwicklung im Alltag.",
        "spaces:Aula und Schulgarten;knowledge:Projektwochen zur Nachhaltigkeit",
        "skills:Fachleute für Projekttage;materials:Material für den Schulgarten", (1.2, 1.2, 1)),
    Archetype("research", "research", S, "Hochschule {loc} Institut für Ressourcenwirtschaft;"
        "Forschungsstelle Kreislaufwirtschaft {loc};Institut für Regionalentwicklung {loc};"
        "Reallabor Strukturwandel {land}", (ROHSTOFFE, STRUKTUR, ZIRKULAER),
        "Wir erforschen regionale Stoffkreisläufe und begleiten Praxispartner.|Das Institut untersucht, "
        "wie ländliche Räume den Strukturwandel gestalten können.",
        "knowledge:Stoffstromanalysen;skills:Studierende für Praxisprojekte",
        "knowledge:Praxispartner für Forschungsprojekte", (1.5, 0.6, 0.02), 20_000,
        "Reallabor Quartier {loc};Forschungsstelle Stadtumbau {loc}"),
    Archetype("church", "religious", R, "Evangelische Kirchgemeinde {loc};Katholische Pfarrei {loc};"
        "Umweltgruppe der Kirchgemeinde {loc}", (EHRENAMT, DOERFER, NATUR),
        "Die Gemeinde engagiert sich für die Bewahrung der Schöpfung.|Auf dem Kirchengelände entsteht "
        "eine Blühwiese; das Gemeindehaus steht Gruppen offen.", "spaces:Gemeindehaus für Gruppen",
        f"{_HELP};money:Spenden für die Dachsanierung", (0.8, 1, 1.2)),
    Archetype("foundation", "foundation", C, "Bürgerstiftung {loc};Stiftung Lebendige Landschaft {land}",
        (EHRENAMT, DOERFER, NATUR),
        "Die Stiftung fördert Projekte, die Zusammenhalt und Natur vor Ort stärken.",
        "money:Förderung für Vereinsprojekte", "skills:Ehrenamtliche für den Stiftungsrat", (1.5, 1, 0.5)),
    Archetype("network", "network", C,
        "Netzwerk Nachhaltigkeit {loc};Klimabündnis {land};Ernährungsrat {loc};"
        "Bündnis Zukunft {land}", (BETEILIGUNG, STRUKTUR, ERNAEHRUNG),
        "Das Netzwerk verbindet Initiativen, Verwaltung und Unternehmen.|Wir organisieren "
        "Netzwerktreffen und eine jährliche Mitmach-Konferenz.",
        "knowledge:Kontakte in die ganze Region;skills:Moderation von Netzwerktreffen",
        _FUNDS, (1.5, 1, 0.5)),
    Archetype("person", "person", C, "{person}", (EHRENAMT, NATUR, ENERGIE, BILDUNG, DOERFER),
        "Ich engagiere mich ehrenamtlich für Klimaschutz in meinem Ort.|Nach vielen Jahren in der "
        "Energieberatung gebe ich mein Wissen gern weiter.|Ich organisiere Pflanzaktionen und suche "
        "Mitstreitende.",
        "skills:Zeit für ehrenamtliche Mitarbeit;knowledge:Erfahrung mit Förderanträgen",
        "knowledge:Kontakt zu Gleichgesinnten", (1.5, 1.5, 1.5)),
)

TOPIC_SENTENCES: dict[str, str] = {
    EHRENAMT: "Viele Ehrenamtliche tragen unsere Arbeit.",
    BETEILIGUNG: "Wir wollen, dass alle bei der Gestaltung des Ortes mitreden können.",
    DOERFER: "Uns liegt ein lebendiger Ort mit gutem Miteinander am Herzen.",
    BILDUNG: "Bildungsangebote für alle Generationen gehören fest dazu.",
    ZIRKULAER: "Ressourcen sollen im Kreislauf bleiben statt im Müll zu landen.",
    MOBILITAET: "Gute Mobilität ohne eigenes Auto ist uns wichtig.",
    ENERGIE: "Wir tragen zur Energiewende und zum Klimaschutz vor Ort bei.",
    NATUR: "Artenvielfalt und intakte Landschaften wollen wir erhalten.",
    ERNAEHRUNG: "Regionale, saisonale Lebensmittel stehen bei uns im Mittelpunkt.",
    BAUEN: "Nachhaltiges Bauen und bezahlbares Wohnen gehören für uns zusammen.",
    ROHSTOFFE: "Wir denken Rohstoffe vom Abbau bis zum Recycling.",
    STRUKTUR: "Wir wollen den Strukturwandel in der Region aktiv mitgestalten.",
    ANPASSUNG: "Die Anpassung an Hitze, Trockenheit und Starkregen ist uns ein Anliegen.",
}
CLOSERS = ("Neue Mitstreiterinnen und Mitstreiter sind herzlich willkommen.", "Wir freuen uns über "
           "Kooperationen in der Region.", "Sprechen Sie uns gern an.", "", "")
# Quarter names are composed ("Ober" + "linden" + "hof"): used in cities and to keep names distinct.
QUARTER_PREFIXES = ("", "", "", "Ober", "Unter", "Alt", "Neu", "Groß", "Klein", "Nieder", "Hohen")
QUARTER_HEADS = _words("Linden Birken Eichen Buchen Erlen Tannen Rosen Wiesen Mühl Kirch Schloss "
                       "Sonnen Stein Berg Wald Feld Brunnen Garten Heide Bach See Fichten Ahorn "
                       "Weiden Kastanien Holunder Kirsch Apfel Hasel Auen")
QUARTER_TAILS = _words("hof au grund hain feld tal berg winkel siedlung viertel anger höhe park "
                       "garten blick")
STREETS = _words("Linden Goethe Schiller Bahnhof Kirch Mühlen Schul Garten Berg Wiesen Rosen "
                 "Birken Ahorn Buchen Friedens Post Markt Brunnen Feld Wald")
STREET_TAILS = ("straße", "weg", "ring", "platz", "allee", "gasse")
FIRST_NAMES = _words("Anna Lena Marie Sophie Laura Julia Katrin Sabine Petra Susanne Claudia "
                     "Andrea Monika Ute Birgit Jana Franziska Johanna Clara Paula Emma Lea Hannah "
                     "Charlotte Greta Ines Kerstin Doreen Anke Heike Thomas Michael Andreas "
                     "Stefan Frank Jens Uwe Matthias Martin Peter Jan Tobias Florian Felix Paul "
                     "Lukas Jonas Leon David Simon Daniel Sebastian Christian Robert Karl "
                     "Friedrich Philipp Johannes Moritz Ralf")
LAST_NAMES = _words("Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann "
                    "Schäfer Koch Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann "
                    "Braun Krüger Hofmann Hartmann Lange Schmitt Werner Schmitz Krause Meier "
                    "Lehmann Schmid Schulze Maier Köhler Herrmann König Walter Mayer Huber Kaiser "
                    "Fuchs Peters Lang Scholz Möller Weiß Jung Hahn Schubert Vogel Keller Günther "
                    "Berger Winkler Roth Beck Lorenz Baumann Franke Albrecht Schuster Ludwig Böhm "
                    "Winter Kraus Schumacher Krämer Vogt Stein Jäger Otto Sommer Groß Seidel "
                    "Heinrich")
# Landscapes by county key (AGS 5) in the demo regions of Saxony and Saxony-Anhalt.
LANDSCAPES: dict[str, tuple[str, ...]] = {
    "14521": ("Erzgebirge",), "14522": ("Mittelsachsen", "Muldental"), "14523": ("Vogtland",),
    "14524": ("Westsachsen",), "14625": ("Oberlausitz", "Lausitzer Seenland"),
    "14626": ("Zittauer Gebirge", "Oberlausitz", "Neißetal"), "14627": ("Elbland",),
    "14628": ("Sächsische Schweiz", "Osterzgebirge"), "14729": ("Leipziger Neuseenland",),
    "14730": ("Dübener Heide",), "15082": ("Mittelelbe",), "15084": ("Saale-Unstrut",),
    "15087": ("Südharz", "Mansfelder Land"), "15088": ("Saaletal",),
}
# Words that occur in names and descriptions above (the benchmark's text queries use them).
SEARCH_WORDS = _words("Repair Garten Solawi Lebensmittel Lastenrad Klimainitiative "
                      "Nachbarschaftshilfe Bürgerverein Streuobstwiesen Kulturverein Fahrradclub "
                      "Umweltbildung Wohnprojekt Stadtwerke Energiegenossenschaft Biohof Lehmbau "
                      "Recycling Unverpackt Maschinenbau Grundschule Kirchgemeinde Stiftung "
                      "Netzwerk Kompost Solaranlagen Wärmenetz Radwege")
# fmt: on


# --- inputs and output ------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Municipality:
    id: int
    county_id: int
    state_id: int
    ags: str
    name: str
    lat: float
    lon: float
    bbox: tuple[float, float, float, float]  # min_lon, min_lat, max_lon, max_lat
    population: int
    regiostar7: int | None = None


@dataclass(frozen=True, slots=True)
class SynthTopic:
    id: int
    slug: str


@dataclass(frozen=True, slots=True)
class Mix:
    """Shares of non-public records. Persons without consent are never public (members or private)."""

    pending: float = 0.02
    members: float = 0.04
    private: float = 0.01
    person_consent: float = 0.6

    def __post_init__(self) -> None:
        for name in ("pending", "members", "private", "person_consent"):
            if not 0.0 <= getattr(self, name) <= 1.0:
                raise ValueError(f"{name} must lie between 0 and 1")
        if self.members + self.private > 1.0:
            raise ValueError("members + private must not exceed 1")


@dataclass(slots=True)
class SynthActor:
    n: int
    natural_key: str
    name: str
    kind: str
    sector: str
    municipality_id: int
    county_id: int
    state_id: int
    lat: float
    lon: float
    precision: str
    description: str
    street: str
    place: str
    website: str
    email: str
    visibility: str
    status: str
    topic_ids: tuple[int, ...]
    resources: tuple[tuple[str, str, str, str], ...]  # direction, category, title, description
    person_consent: bool
    last_confirmed: dt.date | None
    is_demo: bool = True
    source: str = "demo"


# --- helpers ------------------------------------------------------------------------------------------------
_NOT_SLUG = re.compile(r"[^\w\s-]")
_DASHES = re.compile(r"[-\s]+")
# fast path for the letters our names use: the same result as the NFKD route below
_FOLD = str.maketrans(
    {"ä": "a", "ö": "o", "ü": "u", "é": "e", "ß": None}
    | {c: None for c in "!\"#$%&'()*+,./:;<=>?@[\\]^`{|}~–’"}
)


def slug_key(text: str) -> str:
    """The slug Django's ``slugify`` makes of ``text`` (ASCII-folded, lower case, dashes)."""
    folded = text.lower().translate(_FOLD)
    if not folded.isascii():
        ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
        folded = _NOT_SLUG.sub("", ascii_text.lower())
    return _DASHES.sub("-", folded).strip("-_")


def short_place(name: str) -> str:
    """ "Hoyerswerda / Wojerecy, Stadt" → "Hoyerswerda"; "Halle (Saale), Stadt" → "Halle (Saale)"."""
    return name.split(",")[0].split(" / ")[0].strip() or name


def place_adjective(place: str) -> str | None:
    """ "Freiberg" → "Freiberger", "Dresden" → "Dresdner"; None where no simple form exists."""
    if not place.isalpha() or len(place) < 3:
        return None
    if place.endswith("en"):
        return place[:-2] + "ner" if place[-3] == "d" else None
    if place.endswith(("e", "i", "o", "u", "y")):
        return None
    return place + "er"


def area_class(regiostar7: int | None) -> int:
    return _CLASS.get(regiostar7 or 0, TOWN)


def municipality_weights(municipalities: Sequence[Municipality]) -> npt.NDArray[np.float64]:
    """Relative chance of each municipality: population × rural damping (uniform if all are zero)."""
    weights = np.array(
        [
            max(m.population, 0) * RURAL_DAMPING.get(m.regiostar7 or 0, DEFAULT_DAMPING)
            for m in municipalities
        ],
        dtype=np.float64,
    )
    if weights.sum() <= 0:
        weights = np.ones(len(municipalities), dtype=np.float64)
    return weights


# --- generation ---------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Kind:
    """An archetype unpacked for the hot loop."""

    kind: str
    sector: str
    person: bool
    min_population: int
    names: tuple[str, ...]
    quarter_names: tuple[str, ...]
    sentences: tuple[str, ...]
    offers: tuple[tuple[str, str, str, str], ...]
    needs: tuple[tuple[str, str, str, str], ...]
    topics: tuple[int, ...]


def _resources(direction: str, spec: str) -> tuple[tuple[str, str, str, str], ...]:
    items = (item.partition(":") for item in spec.split(";") if item)
    return tuple((direction, category, title, "") for category, _, title in items)


class _Generator:
    def __init__(
        self,
        municipalities: Sequence[Municipality],
        topics: Sequence[SynthTopic],
        *,
        seed: int,
        mix: Mix,
        reference_date: dt.date,
    ) -> None:
        if not municipalities:
            raise ValueError("no municipalities to place actors in")
        self.munis = list(municipalities)
        self.seed, self.mix, self.reference_date = seed, mix, reference_date
        self.cum_weights = np.cumsum(municipality_weights(self.munis))
        self.classes = np.array([area_class(m.regiostar7) for m in self.munis], dtype=np.int64)
        self.places = [short_place(m.name) for m in self.munis]
        self.lands = [
            (*LANDSCAPES.get(m.ags[:5], ()), f"{adj} Land" if (adj := place_adjective(p)) else f"Region {p}")
            for m, p in zip(self.munis, self.places, strict=True)
        ]
        self.munis_word = [
            "Stadt"
            if "Stadt" in m.name or area_class(m.regiostar7) == CITY or m.population >= 10_000
            else "Gemeinde"
            for m in self.munis
        ]
        box = np.array([m.bbox for m in self.munis], dtype=np.float64).reshape(len(self.munis), 4)
        self.box = box
        self.lat0 = np.array([m.lat for m in self.munis], dtype=np.float64)
        self.lon0 = np.array([m.lon for m in self.munis], dtype=np.float64)
        # scatter: a sixth of the box size (at least a few hundred metres), clipped to the box
        self.sig_lon = np.maximum((box[:, 2] - box[:, 0]) / 6.0, 0.004)
        self.sig_lat = np.maximum((box[:, 3] - box[:, 1]) / 6.0, 0.003)
        # big cities: most names carry a quarter ("Repair-Café Leipzig-Lindenau"), as there are many actors
        self.quarter_share = np.array(
            [0.9 if m.population >= 500_000 else 0.6 if m.population >= 100_000 else 0.35 for m in self.munis]
        ) * (self.classes == CITY)
        self.arch_cum = np.cumsum(np.array([a.weights for a in ARCHETYPES], dtype=np.float64).T, axis=1)
        by_slug = {t.slug: t.id for t in topics}
        self.topic_slug = {t.id: t.slug for t in topics}
        self.all_topics = tuple(t.id for t in topics)
        self.kinds = [
            _Kind(
                a.kind,
                a.sector,
                a.kind == "person",
                a.min_population,
                tuple(a.names.split(";")),
                tuple((a.quarter_names or a.names).split(";")),
                tuple(a.sentences.split("|")),
                _resources("offer", a.offers),
                _resources("need", a.needs),
                tuple(by_slug[s] for s in a.topics if s in by_slug) or self.all_topics,
            )
            for a in ARCHETYPES
        ]
        self.fallback = [i for i, a in enumerate(ARCHETYPES) if a.min_population == 0 and a.kind != "person"]
        self.used: set[str] = set()

    def _quarter(self, r: int) -> str:
        prefix = QUARTER_PREFIXES[r % len(QUARTER_PREFIXES)]
        r //= len(QUARTER_PREFIXES)
        head = QUARTER_HEADS[r % len(QUARTER_HEADS)]
        tail = QUARTER_TAILS[(r // len(QUARTER_HEADS)) % len(QUARTER_TAILS)]
        return f"{prefix}{head.lower()}{tail}" if prefix else f"{head}{tail}"

    def _person(self, r: int, attempt: int) -> str:
        r += attempt * 104_729
        i = r % len(FIRST_NAMES)
        first, last = FIRST_NAMES[i], LAST_NAMES[(r >> 6) % len(LAST_NAMES)]
        if (r >> 13) % 10 == 0 or attempt > 2:  # a double first name of the same half (female/male)
            half = len(FIRST_NAMES) // 2
            j = (i // half) * half + (i + 1 + (r >> 17) % (half - 1)) % half
            first = f"{first}-{FIRST_NAMES[j]}"
        if (r >> 13) % 12 == 1 or attempt > 5:
            last = f"{last}-{LAST_NAMES[(r >> 21) % len(LAST_NAMES)]}"
        return f"{first} {last}"

    def _name(self, k: _Kind, mi: int, r0: int, r1: int, in_quarter: bool) -> tuple[str, str]:
        """A name not used before in this run (compared as slug), and its slug."""
        place = self.places[mi]
        for attempt in range(60):
            if k.person:
                name = self._person(r1, attempt)
            elif attempt == 0 and not in_quarter:
                lands = self.lands[mi]
                template = k.names[r0 % len(k.names)]
                name = template.format(loc=place, land=lands[r1 % len(lands)], muni=self.munis_word[mi])
            else:
                loc = f"{place}-{self._quarter(r1 + attempt * 7919)}"
                template = k.quarter_names[(r0 + attempt) % len(k.quarter_names)]
                name = template.format(loc=loc, land=loc, muni=self.munis_word[mi])
            key = slug_key(name)
            if key not in self.used:
                self.used.add(key)
                return name, key
        raise RuntimeError("no distinct name found")  # pragma: no cover - the quarter space is large

    def _topics(self, k: _Kind, r: int) -> tuple[int, ...]:
        everything, preferred = self.all_topics, k.topics
        if not everything:
            return ()
        size = r % 100
        wanted = min(1 if size < 50 else 2 if size < 85 else 3, len(everything))
        chosen = [preferred[(r // 100) % len(preferred)]]
        step = r // 10_000
        while len(chosen) < wanted:
            pool = preferred if step % 10 < 7 and len(preferred) > len(chosen) else everything
            candidate = pool[(step // 10) % len(pool)]
            if candidate not in chosen:
                chosen.append(candidate)
            step = step * 31 + 7
        return tuple(chosen)

    def block(self, b: int, size: int) -> list[SynthActor]:
        # always draw a full block, so that record n does not depend on where the run ends
        rng = np.random.default_rng(np.random.SeedSequence([self.seed, b]))
        u_muni, u_arch = rng.random(BLOCK)[:size], rng.random(BLOCK)[:size]
        jitter = rng.standard_normal((BLOCK, 2))[:size]
        ints = rng.integers(0, 1 << 30, size=(BLOCK, 8))[:size]
        floats = rng.random((BLOCK, 6))[:size]

        last = len(self.munis) - 1
        midx = np.minimum(
            np.searchsorted(self.cum_weights, u_muni * self.cum_weights[-1], side="right"), last
        )
        classes = self.classes[midx]
        arch = np.zeros(size, dtype=np.int64)
        for c in (CITY, TOWN, RURAL):
            mask = classes == c
            cum = self.arch_cum[c]
            arch[mask] = np.minimum(np.searchsorted(cum, u_arch[mask] * cum[-1], side="right"), len(cum) - 1)
        box = self.box[midx]
        lats = np.clip((self.lat0[midx] + jitter[:, 0] * self.sig_lat[midx]).round(6), box[:, 1], box[:, 3])
        lons = np.clip((self.lon0[midx] + jitter[:, 1] * self.sig_lon[midx]).round(6), box[:, 0], box[:, 2])
        in_quarter = floats[:, 5] < self.quarter_share[midx]

        mix, munis, kinds, places, out = self.mix, self.munis, self.kinds, self.places, []
        public_cut, members_cut = mix.private, mix.private + mix.members
        rows = zip(
            midx.tolist(), arch.tolist(), lats.tolist(), lons.tolist(), ints.tolist(), floats.tolist(),
            in_quarter.tolist(), strict=True,
        )  # fmt: skip
        for i, (mi, ai, lat, lon, r, f, quarter) in enumerate(rows):
            n = b * BLOCK + i
            m, k = munis[mi], kinds[ai]
            if k.min_population > m.population:
                k = kinds[self.fallback[r[7] % len(self.fallback)]]
            name, key = self._name(k, mi, r[0], r[1], quarter)
            topic_ids = self._topics(k, r[2])
            place = places[mi]
            text = [k.sentences[r[3] % len(k.sentences)]]
            if len(topic_ids) > 1 and (extra := TOPIC_SENTENCES.get(self.topic_slug[topic_ids[-1]])):
                text.append(extra)
            if not k.person:
                text.append(f"Aktiv in {place} und Umgebung. {CLOSERS[(r[3] >> 4) % len(CLOSERS)]}")
            n_offers, n_needs, start = (0, 1, 1, 2)[r[4] & 3], (0, 1, 1, 2)[(r[4] >> 2) & 3], r[4] >> 4
            resources = tuple(
                k.offers[(start + j) % len(k.offers)] for j in range(min(n_offers, len(k.offers)))
            )
            resources += tuple(k.needs[(start + j) % len(k.needs)] for j in range(min(n_needs, len(k.needs))))
            consent = k.person and f[2] < mix.person_consent
            if k.person and not consent:
                visibility = "members" if f[1] < 0.5 else "private"
            else:
                visibility = "private" if f[1] < public_cut else "members" if f[1] < members_cut else "public"
            street = ""
            if not k.person:
                house = 1 + (r[5] >> 8) % 97
                street = (
                    f"{STREETS[r[5] % len(STREETS)]}{STREET_TAILS[(r[5] >> 5) % len(STREET_TAILS)]} {house}"
                )
            out.append(
                SynthActor(
                    n=n,
                    natural_key=f"demo:{self.seed}:{n}",
                    name=name,
                    kind=k.kind,
                    sector=k.sector,
                    municipality_id=m.id,
                    county_id=m.county_id,
                    state_id=m.state_id,
                    lat=m.lat if k.person else lat,
                    lon=m.lon if k.person else lon,
                    precision="municipality" if k.person else "address",
                    description=" ".join(text).strip(),
                    street=street,
                    place=place,
                    website="" if k.person or f[3] >= 0.7 else f"https://example.org/{key}",
                    email="" if k.person or f[4] >= 0.5 else f"info@{key[:50].strip('-')}.example.org",
                    visibility=visibility,
                    status="pending" if f[0] < mix.pending else "published",
                    topic_ids=topic_ids,
                    resources=resources,
                    person_consent=consent,
                    last_confirmed=(
                        self.reference_date - dt.timedelta(days=r[6] % 730) if r[6] % 10 < 7 else None
                    ),
                )
            )
        return out


def generate(
    municipalities: Sequence[Municipality],
    topics: Sequence[SynthTopic],
    *,
    count: int,
    seed: int,
    mix: Mix | None = None,
    reference_date: dt.date = dt.date(2026, 1, 1),
) -> Iterator[SynthActor]:
    """Yields ``count`` synthetic actors numbered 0 … count-1, block by block (memory stays bounded)."""
    if count < 0:
        raise ValueError("count must not be negative")
    generator = _Generator(municipalities, topics, seed=seed, mix=mix or Mix(), reference_date=reference_date)
    for b in range((count + BLOCK - 1) // BLOCK):
        yield from generator.block(b, min(BLOCK, count - b * BLOCK))
