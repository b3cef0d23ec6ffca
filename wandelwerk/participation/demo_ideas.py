"""German demo ideas for the reuse contest (title, category, description)."""

from __future__ import annotations

CATEGORIES = ("Bauen & Wohnen", "Alltag & Haushalt", "Landwirtschaft & Garten", "Gewerbe & Handwerk")

IDEAS: tuple[tuple[str, str, str], ...] = (
    (
        "Tauschregal am Rathaus",
        "Alltag & Haushalt",
        "Ein wetterfestes Regal für Bücher, Spiele und Geschirr, gepflegt von Freiwilligen.",
    ),
    (
        "Reparaturbonus für den Landkreis",
        "Alltag & Haushalt",
        "Zuschuss von 50 % bis 100 Euro für die Reparatur von Elektrogeräten in örtlichen Werkstätten.",
    ),
    (
        "Bauteilbörse Mittelsachsen",
        "Bauen & Wohnen",
        "Fenster, Türen, Ziegel und Balken aus Rückbau werden erfasst, gelagert und weitervermittelt.",
    ),
    (
        "Repair-Café in der Dorfschule",
        "Alltag & Haushalt",
        "Einmal im Monat reparieren Ehrenamtliche Toaster, Fahrräder und Kleidung mit den Besitzern.",
    ),
    (
        "Werkzeugbibliothek",
        "Alltag & Haushalt",
        "Bohrmaschine, Leiter und Häcksler ausleihen statt kaufen – mit Ausweis der Stadtbibliothek.",
    ),
    (
        "Saatgut-Tauschbörse",
        "Landwirtschaft & Garten",
        "Alte Sorten aus Hausgärten werden im Frühjahr getauscht und dokumentiert.",
    ),
    (
        "Mehrweg-Geschirrmobil für Vereinsfeste",
        "Alltag & Haushalt",
        "Ein Anhänger mit Spülmaschine und 500 Gedecken ersetzt Einweggeschirr bei Festen.",
    ),
    (
        "Lehmputz aus Baugrubenaushub",
        "Bauen & Wohnen",
        "Lehm aus Baugruben wird aufbereitet und als Putz für Sanierungen angeboten.",
    ),
    (
        "Kleiderkammer mit Nähwerkstatt",
        "Alltag & Haushalt",
        "Gespendete Kleidung wird ausgebessert, umgenäht und günstig weitergegeben.",
    ),
    (
        "Holzreste-Lager für Schulen",
        "Gewerbe & Handwerk",
        "Tischlereien geben Verschnitt an Schulen und Kitas für Werkunterricht ab.",
    ),
    (
        "Obstwiesen-Saftmobil",
        "Landwirtschaft & Garten",
        "Fallobst von Streuobstwiesen wird vor Ort gepresst statt zu verderben.",
    ),
    (
        "Paletten-Möbel aus dem Gewerbegebiet",
        "Gewerbe & Handwerk",
        "Einwegpaletten werden in einer Jugendwerkstatt zu Bänken und Hochbeeten.",
    ),
    (
        "Leihladen im Leerstand",
        "Alltag & Haushalt",
        "Ein leerstehendes Ladengeschäft wird zum Verleih für Campingzubehör, Partyzelte und Spielzeug.",
    ),
    (
        "Ziegelrecycling aus Scheunenabriss",
        "Bauen & Wohnen",
        "Historische Ziegel aus Abrissen werden geputzt und für Denkmalsanierungen vermittelt.",
    ),
    (
        "Gemeinschaftskompost mit Bokashi",
        "Landwirtschaft & Garten",
        "Küchenabfälle aus Mehrfamilienhäusern werden zu Dünger für Gemeinschaftsgärten.",
    ),
    (
        "Fahrradwerkstatt für Geflüchtete",
        "Alltag & Haushalt",
        "Gebrauchte Räder werden gemeinsam repariert und an Menschen ohne Auto weitergegeben.",
    ),
    (
        "Digitale Resteplattform für Betriebe",
        "Gewerbe & Handwerk",
        "Handwerksbetriebe melden Restmaterial, Nachbarn holen es ab.",
    ),
    (
        "Baustoff-Wiederverwendung im Gemeindebau",
        "Bauen & Wohnen",
        "Bei kommunalen Bauten wird ein Anteil gebrauchter Bauteile ausgeschrieben.",
    ),
    (
        "Tauschtag für Kinderkleidung",
        "Alltag & Haushalt",
        "Zweimal im Jahr tauschen Eltern Kinderkleidung und Spielsachen in der Turnhalle.",
    ),
    (
        "Landmaschinen-Ersatzteilbörse",
        "Landwirtschaft & Garten",
        "Gebrauchte Ersatzteile alter Landmaschinen werden katalogisiert und getauscht.",
    ),
    (
        "Upcycling-Kurse in der Volkshochschule",
        "Alltag & Haushalt",
        "Aus Planen, Schläuchen und Stoffresten entstehen Taschen und Möbel.",
    ),
    (
        "Elektroschrott-Schatzsuche",
        "Gewerbe & Handwerk",
        "Funktionierende Geräte werden vor dem Wertstoffhof aussortiert und geprüft weitergegeben.",
    ),
    (
        "Glasflaschen-Pfand für Hofläden",
        "Landwirtschaft & Garten",
        "Hofläden nutzen ein gemeinsames Mehrwegglas für Honig, Säfte und Eingemachtes.",
    ),
    (
        "Möbelbörse im Bauhof",
        "Bauen & Wohnen",
        "Gut erhaltene Möbel aus Haushaltsauflösungen werden gelagert und abgegeben.",
    ),
    (
        "Gemeinsame Bauwagen-Werkstatt",
        "Bauen & Wohnen",
        "Ausrangierte Bauwagen werden zu Treffpunkten für Jugendliche umgebaut.",
    ),
    (
        "Stoffbeutel aus Vereinsbannern",
        "Alltag & Haushalt",
        "Alte Banner und Fahnen werden zu Einkaufstaschen vernäht.",
    ),
    (
        "Regenwasser aus alten IBC-Tanks",
        "Landwirtschaft & Garten",
        "Gereinigte Tanks sammeln Regenwasser für Schul- und Gemeinschaftsgärten.",
    ),
    (
        "Secondhand-Ecke im Kaufhaus",
        "Gewerbe & Handwerk",
        "Ein örtliches Kaufhaus nimmt Gebrauchtes zurück und verkauft es aufbereitet.",
    ),
    (
        "Dämmstoff aus Schafwolle",
        "Landwirtschaft & Garten",
        "Wolle regionaler Schäfereien wird als Dämmstoff verarbeitet statt entsorgt.",
    ),
    (
        "Reparaturführer für den Landkreis",
        "Alltag & Haushalt",
        "Eine gedruckte und digitale Liste aller Werkstätten, die reparieren statt ersetzen.",
    ),
    (
        "Sperrmüll-Tauschbörse vor der Abholung",
        "Alltag & Haushalt",
        "Zwei Tage vor der Sperrmüllabfuhr dürfen Nachbarn angemeldete Stücke mitnehmen.",
    ),
    (
        "Kabeltrommeln als Gartenmöbel",
        "Gewerbe & Handwerk",
        "Leere Kabeltrommeln von Netzbetreibern werden zu Tischen für Dorfplätze.",
    ),
)

PENDING = (
    (
        "Leihräder an Bahnhöfen",
        "Alltag & Haushalt",
        "Alte Fahrräder werden hergerichtet und an kleinen Bahnhöfen verliehen.",
    ),
    (
        "Gebrauchte Fliesen für Sozialwohnungen",
        "Bauen & Wohnen",
        "Fliesen aus Musterausstellungen gehen an Wohnungsgenossenschaften.",
    ),
)
REJECTED = ("Kauft mehr neue Sachen!", "Alltag & Haushalt", "Werbung für einen Onlineshop.")
