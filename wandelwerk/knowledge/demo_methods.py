"""Demo methods and templates for the toolbox (written for Wandelwerk; texts are our own).

Checklists and templates carry a file (name, text) that the loader stores as a downloadable file.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class MethodSpec:
    title: str
    kind: str
    summary: str
    body: str
    duration: str
    group_size: str
    topics: tuple[str, ...]
    file: tuple[str, str, str] | None = None  # (title, file name, content)


NETWORK_CHECKLIST = """# Checkliste Netzwerktreffen

## Sechs Wochen vorher
- [ ] Ziel des Treffens in einem Satz formulieren
- [ ] Termin mit zwei bis drei Schlüsselpersonen abstimmen (nicht in den Ferien)
- [ ] Raum buchen: barrierefrei, mit Bus oder Mitfahrgelegenheit erreichbar
- [ ] Budget klären: Raum, Verpflegung, Moderation, Fahrtkosten

## Vier Wochen vorher
- [ ] Einladung verschicken (E-Mail, Amtsblatt, Aushang, persönliche Anrufe)
- [ ] Anmeldung mit Frage nach Ernährung und Barrieren einrichten
- [ ] Ablauf und Methoden festlegen, Moderation anfragen

## Eine Woche vorher
- [ ] Erinnerung an Angemeldete senden
- [ ] Material packen: Namensschilder, Moderationskarten, Stifte, Pinnwände
- [ ] Teilnehmendenliste für Kontakte (mit Einwilligung) vorbereiten

## Am Tag
- [ ] Ankommen mit Getränk, Namensschild und Landkarte der Akteure
- [ ] Kurze Vorstellungsrunde mit einer Frage, die verbindet
- [ ] Vereinbarungen sichtbar festhalten: Wer macht was bis wann?

## Danach
- [ ] Protokoll und Fotos innerhalb einer Woche versenden
- [ ] Nächsten Termin festlegen
- [ ] Neue Kontakte in Wandelwerk eintragen (mit Einwilligung)
"""

ACTOR_MAPPING = (
    "Name;Art (Verein, Kommune, Unternehmen …);Ort;Handlungsfeld;Angebote;Bedarfe;"
    "Ansprechperson;Kontakt erlaubt (ja/nein);Bereits im Netzwerk (ja/nein);Nächster Schritt\n"
    "Repair-Café Beispielstadt;Initiative;Beispielstadt;Zirkuläres Wirtschaften;Reparaturwissen;"
    "Raum für Treffen;Vorname Name;ja;nein;Zum Netzwerktreffen einladen\n"
    "Gemeinde Beispieldorf;Kommune;Beispieldorf;Energie und Klimaschutz;Dachflächen;"
    "Mitstreiter für Bürgerenergie;Klimaschutzmanagerin;ja;ja;Termin im Rathaus\n"
    ";;;;;;;;;\n"
)

FUNDING_CHECKLIST = """# Fördermittel-Checkliste

## Passt das Programm?
- [ ] Fördergegenstand passt zum Vorhaben (Richtlinie genau lesen)
- [ ] Antragsberechtigt: Verein, Kommune, Unternehmen, Einzelperson?
- [ ] Fördergebiet: Land, Landkreis, LEADER-Region, Revier?
- [ ] Fristen: Stichtag oder laufende Antragstellung?
- [ ] Kein vorzeitiger Maßnahmebeginn vor Bewilligung (oder Ausnahme beantragt)

## Finanzen
- [ ] Kosten- und Finanzierungsplan mit Eigenanteil
- [ ] Eigenmittel oder Drittmittel nachweisbar (Zusagen schriftlich)
- [ ] Angebote für größere Anschaffungen eingeholt
- [ ] Liquidität bis zur Auszahlung gesichert (Vorleistung!)

## Unterlagen
- [ ] Satzung, Registerauszug, Freistellungsbescheid
- [ ] Projektbeschreibung: Ziel, Zielgruppe, Maßnahmen, Zeitplan, Wirkung
- [ ] Kooperationszusagen der Partner
- [ ] Unterschriften der vertretungsberechtigten Personen

## Nach der Bewilligung
- [ ] Auflagen im Bescheid lesen und Fristen eintragen
- [ ] Förderhinweis und Logos in der Öffentlichkeitsarbeit verwenden
- [ ] Belege sammeln, Verwendungsnachweis rechtzeitig vorbereiten
"""

PRESS_RELEASE = """PRESSEMITTEILUNG

[Ort], [Datum]

Überschrift: Wer macht was, wo? (höchstens eine Zeile)
Unterzeile: Warum ist das wichtig für die Region?

[Ort]. Der erste Absatz beantwortet die W-Fragen: Wer lädt ein oder hat etwas erreicht?
Was passiert? Wann und wo? Warum? Zwei bis drei Sätze.

Im zweiten Absatz folgen Hintergründe: Wie ist die Idee entstanden, wer ist beteiligt, was
ist das Ziel? Zahlen machen es greifbar (z. B. „In einem Jahr wurden 240 Geräte repariert“).

„Ein Zitat einer beteiligten Person bringt die Motivation auf den Punkt“, sagt
[Vorname Name], [Funktion] bei [Organisation].

Zum Schluss: Wie können Leserinnen und Leser mitmachen? Termin, Ort, Anmeldung, Website.

Kontakt für Rückfragen:
[Name], [Telefon], [E-Mail]

Bildhinweis: Foto [Dateiname], Bildrechte: [Name]. Abgebildete Personen haben der
Veröffentlichung zugestimmt.
"""

COOPERATION = """# Kooperationsvereinbarung

zwischen
**[Organisation A]**, vertreten durch [Name], [Anschrift]
und
**[Organisation B]**, vertreten durch [Name], [Anschrift]

## 1. Ziel der Zusammenarbeit
Die Partner arbeiten im Vorhaben „[Titel]“ zusammen, um [Ziel in einem Satz] zu erreichen.

## 2. Laufzeit
Die Vereinbarung gilt vom [Datum] bis zum [Datum]. Sie verlängert sich um ein Jahr, wenn
keiner der Partner drei Monate vor Ende widerspricht.

## 3. Beiträge der Partner
- [Organisation A]: [z. B. Räume, Öffentlichkeitsarbeit, Koordination]
- [Organisation B]: [z. B. Fachwissen, Material, Ehrenamtliche]

## 4. Ansprechpersonen und Abstimmung
Jeder Partner benennt eine Ansprechperson. Die Partner stimmen sich [monatlich] ab.

## 5. Kosten und Finanzierung
[Wer trägt welche Kosten? Gemeinsame Förderanträge werden vorher abgestimmt.]

## 6. Öffentlichkeitsarbeit
Die Partner nennen einander in Veröffentlichungen zum Vorhaben. Logos werden nur nach
Freigabe verwendet.

## 7. Daten und Vertraulichkeit
Personenbezogene Daten werden nur im Rahmen des Vorhabens und nach der DSGVO verarbeitet.

## 8. Beendigung
Die Vereinbarung kann mit einer Frist von [drei Monaten] schriftlich gekündigt werden.

[Ort, Datum] — Unterschrift [Organisation A]
[Ort, Datum] — Unterschrift [Organisation B]
"""

MINUTES = """# Protokoll Netzwerktreffen

- Datum, Ort:
- Moderation:
- Protokoll:
- Anwesend (Organisationen):

## Tagesordnung
1. Ankommen und Neuigkeiten aus den Initiativen
2. Schwerpunktthema:
3. Vorhaben und Kooperationen
4. Verschiedenes, nächster Termin

## Ergebnisse

| Was? | Wer? | Bis wann? |
|------|------|-----------|
|      |      |           |

## Nächstes Treffen
- Termin:
- Ort:
- Schwerpunkt:
"""

METHODS: tuple[MethodSpec, ...] = (
    MethodSpec(
        "Mitmach-Konferenz",
        "guide",
        "Ein bis zwei Tage, an denen Zivilgesellschaft, Verwaltung, Politik und Wirtschaft einer Region "
        "gemeinsam Ideen und Projekte für die nachhaltige Gestaltung ihrer Region entwickeln.",
        "### Vorbereitung (drei bis sechs Monate)\n"
        "1. **Regionalteam bilden**: fünf bis acht Menschen aus verschiedenen Bereichen – Verein, "
        "Verwaltung, Unternehmen, Kirche, Jugend.\n"
        "2. **Landkarte der Initiativen** anlegen: Wer ist schon aktiv? Wer fehlt? (siehe "
        "Akteursmapping-Vorlage)\n"
        "3. **Ort und Termin**: zentral, barrierefrei, mit Kinderbetreuung; ein Samstag erreicht "
        "Berufstätige.\n"
        "4. **Persönlich einladen**: Anrufe und Besuche wirken stärker als Flyer.\n\n"
        "### Ablauf\n"
        "- Begrüßung und kurze Impulse (höchstens 20 Minuten) zu den Handlungsfeldern der Region.\n"
        "- Gemeinsame Landkarte: Was gibt es schon, was braucht es noch?\n"
        "- Ideen sammeln im Open Space oder World Café.\n"
        "- Projektgruppen bilden: Jede Gruppe verabredet erste Schritte und einen nächsten Termin.\n"
        "- Abschluss im Plenum: Alle Vorhaben werden sichtbar gemacht.\n\n"
        "### Danach\n"
        "Die Ergebnisse dokumentieren, die Projektgruppen begleiten und nach einem halben Jahr zu "
        "einem Nachtreffen einladen. Projekte in Wandelwerk eintragen, damit andere mitmachen können.",
        "1–2 Tage",
        "40–200 Personen",
        ("beteiligung-demokratie", "strukturwandel-regionalentwicklung", "ehrenamt-engagement"),
    ),
    MethodSpec(
        "World Café",
        "workshop",
        "Gespräche in kleinen Runden an Cafétischen; nach jeder Runde wechseln die Gäste die Tische, "
        "so verknüpfen sich die Gedanken aller.",
        "### So geht es\n"
        "1. Tische für vier bis sechs Personen mit Papiertischdecken und Stiften vorbereiten.\n"
        "2. Zwei bis drei Fragen formulieren, die wirklich offen sind – z. B. „Was braucht unser Ort, "
        "damit junge Familien bleiben?“\n"
        "3. Je Tisch bleibt eine Gastgeberin sitzen, fasst die vorige Runde zusammen und lädt zum "
        "Weiterdenken ein.\n"
        "4. Drei Runden à 20 Minuten, danach wechseln alle außer den Gastgebern.\n"
        "5. Ernte im Plenum: Jeder Tisch nennt die zwei wichtigsten Erkenntnisse.\n\n"
        "### Tipps\n"
        "Musik und Kaffee schaffen Café-Atmosphäre. Die Tischdecken fotografieren – sie sind das "
        "Protokoll.",
        "1,5–3 Stunden",
        "12–100 Personen",
        ("beteiligung-demokratie",),
    ),
    MethodSpec(
        "Open Space",
        "workshop",
        "Die Teilnehmenden bestimmen selbst, worüber sie sprechen: Wer ein Anliegen hat, bietet eine "
        "Gesprächsrunde an; die anderen wählen, wo sie mitmachen.",
        "### Ablauf\n"
        "1. Im Stuhlkreis das Leitthema vorstellen und die Grundsätze erklären: „Wer da ist, sind die "
        "Richtigen. Es beginnt, wenn die Zeit reif ist. Vorbei ist vorbei.“\n"
        "2. Gesetz der zwei Füße: Wer nichts beitragen oder lernen kann, wechselt die Gruppe.\n"
        "3. Anliegen auf Karten schreiben, laut vorstellen und an der Zeit-Raum-Wand einplanen.\n"
        "4. Arbeitsphasen à 45–60 Minuten; jede Gruppe schreibt ein kurzes Ergebnisprotokoll.\n"
        "5. Abschluss: Protokolle aushängen, Vorhaben priorisieren, Verantwortliche finden.\n\n"
        "### Wann geeignet?\n"
        "Bei komplexen Themen mit vielen Beteiligten, wenn echte Offenheit für Ergebnisse besteht.",
        "3 Stunden bis 2 Tage",
        "20–500 Personen",
        ("beteiligung-demokratie", "ehrenamt-engagement"),
    ),
    MethodSpec(
        "Fishbowl-Diskussion",
        "workshop",
        "Eine Diskussion im Innenkreis mit einem freien Stuhl: Wer aus dem Publikum mitreden will, "
        "setzt sich dazu – so wird aus einem Podium ein Gespräch.",
        "### So geht es\n"
        "1. Innenkreis mit vier bis fünf Stühlen, einer davon bleibt frei; außen sitzt das Publikum.\n"
        "2. Moderation eröffnet mit einer Leitfrage und stellt die Gäste im Innenkreis vor.\n"
        "3. Wer mitreden will, setzt sich auf den freien Stuhl; eine Person aus dem Innenkreis macht "
        "dann Platz.\n"
        "4. Nach 45–60 Minuten fasst die Moderation zusammen.\n\n"
        "### Tipps\n"
        "Gut für Streitthemen im Strukturwandel: Verwaltung und Bürgerschaft sprechen auf Augenhöhe. "
        "Mikrofone für alle Plätze bereithalten.",
        "45–90 Minuten",
        "15–150 Personen",
        ("beteiligung-demokratie", "strukturwandel-regionalentwicklung"),
    ),
    MethodSpec(
        "Zukunftswerkstatt",
        "workshop",
        "In drei Phasen vom Ärger zur Umsetzung: Kritik sammeln, Utopien entwerfen und daraus "
        "machbare Schritte ableiten.",
        "### Die drei Phasen\n"
        "1. **Kritikphase**: Was stört uns? Alle Beschwerden auf Karten, danach clustern.\n"
        "2. **Fantasiephase**: Alles ist möglich – Geld, Recht und Gewohnheiten spielen keine Rolle. "
        "Kritikpunkte ins Positive wenden und Zukunftsbilder malen.\n"
        "3. **Verwirklichungsphase**: Welche Ideen lassen sich umsetzen? Wer macht was mit wem bis "
        "wann?\n\n"
        "### Tipps\n"
        "Zwischen den Phasen eine Pause mit Bewegung einplanen. Die Fantasiephase braucht Mut: Bilder, "
        "Collagen oder kleine Theaterszenen helfen.",
        "1 Tag (oder 3 Abende)",
        "10–30 Personen",
        ("beteiligung-demokratie", "lebendige-doerfer"),
    ),
    MethodSpec(
        "Kollegiale Beratung",
        "workshop",
        "Engagierte beraten sich gegenseitig in einer festen Abfolge: Eine Person schildert einen "
        "Fall, die anderen helfen mit Fragen und Ideen.",
        "### Ablauf (etwa 45 Minuten)\n"
        "1. Rollen verteilen: Fallgeberin, Moderation, Beratende.\n"
        "2. Fall schildern (10 Min.), Verständnisfragen (5 Min.).\n"
        "3. Schlüsselfrage formulieren: Was möchte die Fallgeberin herausfinden?\n"
        "4. Beratende sammeln Ideen, während die Fallgeberin nur zuhört (15 Min.).\n"
        "5. Fallgeberin sagt, was sie mitnimmt; kurze Runde zum Abschluss.\n\n"
        "Gut geeignet für Netzwerktreffen und landesweite Austauschtreffen.",
        "45–60 Minuten je Fall",
        "5–10 Personen",
        ("ehrenamt-engagement",),
    ),
    MethodSpec(
        "Checkliste Netzwerktreffen",
        "checklist",
        "Alles für ein gelungenes regionales Netzwerktreffen: von der Einladung über den Ablauf bis "
        "zum Protokoll.",
        "Die Checkliste hilft, an Raum, Erreichbarkeit, Einladung, Ablauf und Nachbereitung zu denken. "
        "Besonders wichtig auf dem Land: Mitfahrgelegenheiten anbieten und Termine nicht auf "
        "Erntezeiten oder Vereinsfeste legen.\n\n"
        "Die Datei zum Herunterladen lässt sich in jedem Texteditor abhaken.",
        "",
        "",
        ("ehrenamt-engagement", "lebendige-doerfer"),
        ("Checkliste Netzwerktreffen", "checkliste-netzwerktreffen.md", NETWORK_CHECKLIST),
    ),
    MethodSpec(
        "Akteursmapping-Vorlage",
        "template",
        "Eine Tabelle, um alle Aktiven einer Region zu erfassen: Wer macht was, was bieten sie, was "
        "brauchen sie, wie erreichen wir sie?",
        "### So geht es\n"
        "1. Mit dem Regionalteam eine Stunde lang alle bekannten Akteure eintragen.\n"
        "2. Lücken suchen: Welche Handlungsfelder, Orte oder Sektoren fehlen?\n"
        "3. Verantwortliche für die Ansprache festlegen.\n"
        "4. Kontaktdaten nur mit Einwilligung weitergeben.\n\n"
        "Die CSV-Datei öffnet sich in LibreOffice Calc und Excel (Trennzeichen Semikolon) und lässt "
        "sich in Wandelwerk importieren.",
        "1–2 Stunden",
        "3–10 Personen",
        ("strukturwandel-regionalentwicklung", "beteiligung-demokratie"),
        ("Akteursmapping (Tabelle)", "akteursmapping.csv", ACTOR_MAPPING),
    ),
    MethodSpec(
        "Fördermittel-Checkliste",
        "checklist",
        "Prüfen, ob ein Förderprogramm passt, und den Antrag vollständig und fristgerecht einreichen.",
        "Viele Anträge scheitern an Formalien: fehlende Eigenmittel, vorzeitiger Maßnahmebeginn, "
        "unvollständige Unterlagen. Die Checkliste führt durch Programmwahl, Finanzplan, Unterlagen "
        "und die Pflichten nach der Bewilligung.\n\n"
        "Tipp: Förderlotsen der Landkreise und LEADER-Regionalmanagements beraten kostenlos.",
        "",
        "",
        ("ehrenamt-engagement", "strukturwandel-regionalentwicklung"),
        ("Fördermittel-Checkliste", "foerdermittel-checkliste.md", FUNDING_CHECKLIST),
    ),
    MethodSpec(
        "Pressemitteilung-Vorlage",
        "template",
        "Eine Vorlage für Pressemitteilungen an Lokalzeitung, Amtsblatt und Lokalradio – mit den "
        "W-Fragen im ersten Absatz.",
        "### Worauf es ankommt\n"
        "- Das Wichtigste zuerst: Redaktionen kürzen von hinten.\n"
        "- Eine Seite genügt; ein gutes Foto mit Bildrechten erhöht die Chance auf Abdruck.\n"
        "- Zwei Wochen vor Terminen verschicken, am Tag davor freundlich nachfragen.\n"
        "- Ansprechperson mit Telefonnummer nennen, die auch erreichbar ist.",
        "",
        "",
        ("bildung-kultur",),
        ("Vorlage Pressemitteilung", "pressemitteilung-vorlage.txt", PRESS_RELEASE),
    ),
    MethodSpec(
        "Kooperationsvereinbarung-Vorlage",
        "template",
        "Eine schlanke Vereinbarung, in der zwei oder mehr Partner Ziel, Beiträge, Laufzeit und "
        "Öffentlichkeitsarbeit ihrer Zusammenarbeit festhalten.",
        "Eine schriftliche Vereinbarung schafft Klarheit – und wird von vielen Förderprogrammen "
        "verlangt. Die Vorlage enthält die üblichen Abschnitte; streichen Sie, was Sie nicht brauchen. "
        "Bei Geldflüssen zwischen den Partnern lohnt eine rechtliche Prüfung.",
        "",
        "",
        ("strukturwandel-regionalentwicklung", "ehrenamt-engagement"),
        ("Vorlage Kooperationsvereinbarung", "kooperationsvereinbarung.md", COOPERATION),
    ),
    MethodSpec(
        "Protokollvorlage Netzwerktreffen",
        "template",
        "Ein kurzes Protokoll mit Ergebnistabelle: Was wurde vereinbart, wer kümmert sich, bis wann?",
        "Gute Protokolle sind kurz: Ergebnisse und Vereinbarungen statt Wortbeiträgen. Das Protokoll "
        "innerhalb einer Woche verschicken und beim nächsten Treffen die Tabelle durchgehen.",
        "",
        "",
        ("ehrenamt-engagement",),
        ("Vorlage Protokoll", "protokoll-netzwerktreffen.md", MINUTES),
    ),
)
