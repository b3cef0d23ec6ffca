"""Directory, profile and form pages: what a visitor sees, bad input, query budgets."""

import pytest
from django.test import Client

from tests.factories import NetworkFactory, TopicFactory, UserFactory, make_actor
from wandelwerk.actors.models import Actor


@pytest.fixture
def many(geo):
    topic = TopicFactory(slug="energie", name="Energie und Klimaschutz")
    NetworkFactory(slug="zwickau", name="Region Zwickau", areas=[geo["zwickau_lk"]])
    for i in range(40):
        make_actor(geo["zwickau"] if i % 2 else geo["zittau"], name=f"Initiative {i:02d}", topics=[topic])
    return topic


@pytest.mark.django_db
def test_directory_lists_filters_and_pages_within_a_query_budget(many, django_assert_max_num_queries):
    c = Client()
    with django_assert_max_num_queries(18):
        r = c.get("/akteure/?topic=energie&network=zwickau")
    html = r.content.decode()
    assert r.status_code == 200
    assert "20 Treffer" in html
    assert "Initiative 01" in html and "Initiative 02" not in html
    with django_assert_max_num_queries(18):
        r = c.get("/akteure/?page=2")
    assert "Seite 2 von 2" in r.content.decode()


@pytest.mark.django_db
def test_partial_results_follow_the_map_bbox(many):
    r = Client().get("/akteure/?partial=1&bbox=12.3,50.6,12.6,50.8")
    html = r.content.decode()
    assert "<html" not in html and "20 Treffer" in html


@pytest.mark.django_db
def test_bad_filter_gives_400_with_a_named_message(many):
    r = Client().get("/akteure/?bbox=1,2,3")
    assert r.status_code == 400
    assert "bbox" in r.content.decode()


@pytest.mark.django_db
def test_api_list_has_count_items_and_a_query_budget(many, django_assert_max_num_queries):
    c = Client()
    with django_assert_max_num_queries(6):
        body = c.get("/api/v1/actors?topic=energie&limit=10&offset=5").json()
    assert body["count"] == 40 and len(body["items"]) == 10
    assert body["items"][0]["name"] == "Initiative 05"
    with django_assert_max_num_queries(6):
        geo = c.get("/api/v1/actors.geojson?area=14524").json()
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == 20
    lon, lat = geo["features"][0]["geometry"]["coordinates"]
    assert 12 < lon < 13 and 50 < lat < 51  # RFC 7946 order: [lon, lat]


@pytest.mark.django_db
def test_clusters_aggregate_per_county_then_municipality_then_points(many):
    c = Client()
    county = c.get("/api/v1/actors/clusters?zoom=6").json()
    assert county["mode"] == "county"
    assert sorted(f["properties"]["count"] for f in county["features"]) == [20, 20]
    muni = c.get("/api/v1/actors/clusters?zoom=9").json()
    assert muni["mode"] == "municipality"
    points = c.get("/api/v1/actors/clusters?zoom=12&bbox=12.3,50.6,12.6,50.8").json()
    assert points["mode"] == "points" and len(points["features"]) == 20


@pytest.mark.django_db
def test_register_organisation_goes_to_review_and_bad_input_names_fields(geo):
    user = UserFactory()
    c = Client()
    c.force_login(user)
    r = c.post(
        "/akteure/neu/",
        {
            "name": "",
            "kind": "association",
            "sector": "civil_society",
            "postcode": "123",
            "visibility": "public",
        },
    )
    assert r.status_code == 400
    html = r.content.decode()
    assert "Name" in html and "fünf Ziffern" in html
    assert Actor.objects.count() == 0
    r = c.post(
        "/akteure/neu/",
        {
            "name": "Solawi Zwickau",
            "kind": "initiative",
            "sector": "civil_society",
            "place": "Zwickau",
            "visibility": "public",
        },
    )
    assert r.status_code == 302
    actor = Actor.objects.get()
    assert actor.status == "pending" and actor.owner == user and actor.municipality == geo["zwickau"]
    assert Client().get(actor.get_absolute_url()).status_code == 404
    assert c.get(actor.get_absolute_url()).status_code == 200


@pytest.mark.django_db
def test_public_counts_follow_every_write_path(geo):
    """The trigger-kept counts equal a live count after create, review, visibility change, move, delete."""
    from django.db.models import Count

    from wandelwerk.actors.models import PublicCount
    from wandelwerk.actors.services import actor_delete, actor_review

    def live():
        qs = Actor.objects.filter(status="published", visibility="public")
        return {m: n for m, n in qs.values_list("municipality_id").annotate(n=Count("id"))}

    def kept():
        return {m: n for m, n in PublicCount.objects.values_list("municipality_id", "n") if n}

    a = make_actor(geo["zwickau"], name="A")
    b = make_actor(geo["zwickau"], name="B", status="pending")
    c = make_actor(geo["zittau"], name="C", visibility="members")
    assert kept() == live() == {geo["zwickau"].pk: 1}
    actor_review(actor=b, reviewer=UserFactory(), approve=True)
    Actor.objects.filter(pk=c.pk).update(visibility="public")
    assert kept() == live() == {geo["zwickau"].pk: 2, geo["zittau"].pk: 1}
    Actor.objects.filter(pk=a.pk).update(municipality=geo["crimmitschau"])
    actor_delete(actor=Actor.objects.get(pk=c.pk))
    assert kept() == live() == {geo["zwickau"].pk: 1, geo["crimmitschau"].pk: 1}


@pytest.mark.django_db
def test_signed_in_member_sees_members_only_actors_in_the_overview(geo):
    from tests.factories import make_member

    network = NetworkFactory(slug="z", areas=[geo["zwickau_lk"]])
    make_actor(geo["zwickau"], name="Öffentlich")
    make_actor(geo["zwickau"], name="Intern", visibility="members")
    anonymous = Client().get("/api/v1/actors/clusters?zoom=6").json()
    member = Client()
    member.force_login(make_member(network))
    signed_in = member.get("/api/v1/actors/clusters?zoom=6").json()
    assert [f["properties"]["count"] for f in anonymous["features"]] == [1]
    assert [f["properties"]["count"] for f in signed_in["features"]] == [2]
