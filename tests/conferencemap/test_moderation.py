"""Wishes and comments hidden by moderation leave every public list, page, table and API answer."""

import pytest

from tests.conferencemap.conftest import client_for
from tests.factories import UserFactory
from wandelwerk.conferencemap import services


def _hide(obj):
    from wandelwerk.moderation.models import Reason
    from wandelwerk.moderation.services import report_create

    results = [report_create(obj=obj, reporter=UserFactory(), reason=Reason.values[0]) for _ in range(3)]
    assert results[-1].hid


@pytest.mark.django_db
def test_hidden_wish_disappears_everywhere(world):
    # given the repair-café wish hidden after three reports
    cmap, wish = world["map"], world["wish"]
    _hide(wish)
    c = client_for(world, "anonymous")
    # then it is on no page and in no API answer
    assert c.get(f"/landkarte/wuensche/{wish.pk}/").status_code == 404
    for url in (
        f"/landkarte/{cmap.pk}/",
        f"/landkarte/{cmap.pk}/tabelle/",
        f"/landkarte/{cmap.pk}/karte.geojson",
        f"/api/v1/conference-maps/{cmap.pk}/wishes",
        f"/api/v1/conference-maps/{cmap.pk}/wishes.geojson",
    ):
        assert "Repair-Café" not in c.get(url).content.decode(), url
    assert c.get("/api/v1/conference-maps").json()["items"][0]["wish_count"] == 0


@pytest.mark.django_db
def test_hidden_comment_disappears_from_the_wish_page(world):
    wish = world["wish"]
    services.comment_create(wish=wish, user=world["users"]["stranger"], text="Bleibt sichtbar")
    bad = services.comment_create(wish=wish, user=world["users"]["stranger"], text="Beleidigung")
    _hide(bad)
    html = client_for(world, "anonymous").get(f"/landkarte/wuensche/{wish.pk}/").content.decode()
    assert "Bleibt sichtbar" in html and "Beleidigung" not in html
