"""Export then import into an empty directory gives back the same data, in every export format."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.actors.fixtures_io import make_topics
from tests.factories import UserFactory, make_actor
from wandelwerk.actors.importing import actors_import
from wandelwerk.actors.models import Actor, Kind, Precision, Sector, Visibility

RESOURCES = (
    ("offer", "skills", "Reparieren: Räder & Radios"),
    ("offer", "spaces", 'Saal "Zur Linde"'),
    ("need", "money", "Förderung für 2027"),
)


@pytest.fixture
def originals(geo):
    topics = make_topics()
    zwickau, zittau = geo["zwickau"], geo["zittau"]
    make_actor(
        zwickau,
        name='Verein "Grüne Mitte" e.V.',
        description='=1+1 ist keine Formel.\r\nZeile 2 mit „Zitat“, "Quote"; Semikolon, Komma\n- Punkt',
        topics=[topics["energie"], topics["sdg-16"]],
        street="Äußere Schneeberger Straße 12",
        postcode="08056",
        place="Zwickau-Marienthal",
        lat=50.7312345678,
        lon=12.4787654321,
        website="https://gruene-mitte.example/wir?x=1&y=ä",
        email="info@gruene-mitte.example",
        phone="+49 375 987654",
        contact_name="Jörg Weiß",
        last_confirmed=dt.date(2026, 3, 1),
        resources=[(*r, "") for r in RESOURCES],
    )
    make_actor(
        zittau,
        name="Stadtverwaltung Zittau – Klimaschutz",
        kind=Kind.ADMINISTRATION,
        sector=Sector.ADMINISTRATION,
        precision=Precision.POSTCODE,
        lat=50.89,
        lon=14.79,
        visibility=Visibility.MEMBERS,
        natural_key="id:zittau/klima 1",
    )
    make_actor(zwickau, name="Ida Ökö", kind=Kind.PERSON, email="ida@example.org", person_consent=True)
    make_actor(
        zwickau, name="@Tabellen-Fan", description="\tbeginnt mit Tab", precision=Precision.MUNICIPALITY
    )


def snapshot() -> dict[str, tuple]:
    out = {}
    for a in Actor.objects.prefetch_related("topics", "resources"):
        out[a.natural_key] = (
            a.name,
            a.kind,
            a.sector,
            a.description,
            a.street,
            a.postcode,
            a.place,
            a.municipality_id,
            a.county_id,
            a.state_id,
            a.lat,
            a.lon,
            a.precision,
            a.website,
            a.email,
            a.phone,
            a.contact_name,
            a.visibility,
            a.last_confirmed,
            sorted(t.slug for t in a.topics.all()),
            sorted((r.direction, r.category, r.title) for r in a.resources.all()),
        )
    return out


@pytest.mark.parametrize(
    "path",
    [
        "/akteure/export.csv",
        "/akteure/export.csv?delimiter=semicolon",
        "/akteure/export.geojson",
        "/akteure/export.json",
    ],
)
def test_export_then_import_gives_back_the_same_data(client, originals, path):
    # given the actors as staff export them
    before = snapshot()
    client.force_login(UserFactory(is_staff=True))
    response = client.get(path)
    data = b"".join(response.streaming_content)

    # when they are imported into an empty directory
    Actor.objects.all().delete()
    report = actors_import(data=data, filename=path.rsplit("/", 1)[1].split("?")[0])

    # then every field comes back as it was
    assert report.ok, report.lines()
    assert report.created == 4
    assert snapshot() == before
    # and importing the same export again changes nothing
    assert actors_import(data=data, filename="again").unchanged == 4
