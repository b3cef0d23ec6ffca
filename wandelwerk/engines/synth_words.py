"""Word material for the synthetic actors (engines/synth.py): archetypes, name parts, sentences.
Invented German text; no Django."""

from __future__ import annotations

from dataclasses import dataclass

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
