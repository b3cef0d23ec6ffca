"""Admin: areas and postcodes can be searched and viewed, not added, changed or deleted."""

from __future__ import annotations

import pytest

from tests.factories import UserFactory
from wandelwerk.geo.models import Area, PostalCode


@pytest.fixture
def admin_client(saxony, db, client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_admin_searches_areas_by_name_and_key(admin_client, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        by_name = admin_client.get("/admin/geo/area/", {"q": "Zwickau"})
    assert by_name.status_code == 200
    assert "14524330" in by_name.content.decode()
    assert "14713000" in admin_client.get("/admin/geo/area/", {"q": "14713000"}).content.decode()


def test_admin_shows_an_area_and_a_postcode_read_only(admin_client):
    area = Area.objects.get(ags="14524330")
    page = admin_client.get(f"/admin/geo/area/{area.pk}/change/")
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    postcode = PostalCode.objects.get(plz="08056")
    assert "Zwickau" in admin_client.get(f"/admin/geo/postalcode/{postcode.pk}/change/").content.decode()
    assert admin_client.get("/admin/geo/area/add/").status_code == 403
    assert admin_client.post(f"/admin/geo/area/{area.pk}/delete/", {"post": "yes"}).status_code == 403
    assert Area.objects.filter(pk=area.pk).exists()
