"""Sample files and helpers for the import/export tests (tests/actors/test_import*.py, test_export*.py)."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).parent


def sample(name: str) -> bytes:
    return (HERE / name).read_bytes()


def add_postcodes(geo: dict) -> None:
    """Postcodes for the test geography: 08056 in Zwickau, 08451 in Crimmitschau."""
    from wandelwerk.geo.models import PostalCode, PostalCodeArea

    for plz, area, lat, lon in (
        ("08056", geo["zwickau"], 50.71, 12.48),
        ("08451", geo["crimmitschau"], 50.81, 12.38),
        ("02763", geo["zittau"], 50.89, 14.79),
    ):
        PostalCode.objects.create(plz=plz, lat=lat, lon=lon)
        PostalCodeArea.objects.create(plz=plz, area=area, place_name=area.name.split(",")[0])


def make_topics() -> dict:
    from tests.factories import TopicFactory

    return {
        "energie": TopicFactory(slug="energie", name="Energie"),
        "gaerten": TopicFactory(slug="gaerten", name="Gemeinschaftsgärten"),
        "sdg-16": TopicFactory(slug="sdg-16", name="Frieden, Gerechtigkeit und starke Institutionen"),
    }
