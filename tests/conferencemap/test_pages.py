"""Map and wish pages: map with equivalent list, query budgets, inert XSS, closed maps, bad input."""

import pytest

from tests.conferencemap.conftest import client_for
from tests.factories import UserFactory, make_actor
from wandelwerk.conferencemap import services
from wandelwerk.conferencemap.models import Comment, MapActor, Support, Wish

XSS = [
    '<script>alert("x")</script>',
    '<img src=x onerror="alert(1)">',
    "[klick](javascript:alert(1))",
    '<a href="#" onclick="alert(1)">a</a>',
]


@pytest.mark.django_db
def test_map_page_has_leaflet_map_and_equivalent_lists(world):
    services.actor_link(cmap=world["map"], user=world["users"]["stranger"], actor=world["energy"])
    html = client_for(world, "anonymous").get(f"/landkarte/{world['map'].pk}/").content.decode()
    assert 'id="map"' in html and "core/map.js" in html and "vendor/leaflet/leaflet.js" in html
    assert f'data-actors-url="/landkarte/{world["map"].pk}/karte.geojson"' in html
    assert "Repair-Café" in html and "Energiegenossenschaft Zwickau" in html
    assert "<script>" not in html.replace("<script src=", "")


@pytest.mark.django_db
def test_map_page_query_budget_holds_with_many_entries(world, geo, topics, django_assert_max_num_queries):
    cmap = world["map"]
    for i in range(20):
        actor = make_actor(geo["zwickau"], name=f"Initiative {i}", topics=[topics["mobilitaet"]])
        services.actor_link(cmap=cmap, user=world["users"]["stranger"], actor=actor)
        wish = services.wish_create(
            cmap=cmap, user=UserFactory(), title=f"Wunsch {i}", topic=topics["mobilitaet"]
        )
        services.wish_support(wish=wish, user=world["users"]["stranger"])
    c = client_for(world, "stranger")
    with django_assert_max_num_queries(14):
        response = c.get(f"/landkarte/{cmap.pk}/")
    assert response.status_code == 200 and "Initiative 19" in response.content.decode()
    with django_assert_max_num_queries(8):
        geojson = c.get(f"/landkarte/{cmap.pk}/karte.geojson").json()
    assert len(geojson["features"]) == 41  # 21 wishes, 20 actors


@pytest.mark.django_db
def test_wishes_are_clustered_by_topic_on_the_map_page(world, topics):
    services.wish_create(cmap=world["map"], user=UserFactory(), title="Bürgerbus", topic=topics["mobilitaet"])
    html = client_for(world, "anonymous").get(f"/landkarte/{world['map'].pk}/").content.decode()
    assert html.index("Bildung und Kultur") < html.index("Repair-Café")
    assert html.index("Gute Mobilität für alle") < html.index("Bürgerbus")


@pytest.mark.django_db
@pytest.mark.parametrize("payload", XSS)
def test_xss_in_comments_and_wishes_stays_inert(world, topics, payload):
    author = world["users"]["stranger"]
    services.comment_create(wish=world["wish"], user=author, text=payload)
    wish = services.wish_create(
        cmap=world["map"], user=author, title=payload[:200], topic=topics["mobilitaet"], description=payload
    )
    c = client_for(world, "anonymous")
    for url in (
        f"/landkarte/wuensche/{world['wish'].pk}/",
        f"/landkarte/wuensche/{wish.pk}/",
        f"/landkarte/{world['map'].pk}/",
        f"/landkarte/{world['map'].pk}/tabelle/",
    ):
        html = c.get(url).content.decode()
        assert "<script>alert" not in html and "<img src=x" not in html
        assert 'onerror="alert' not in html and 'onclick="alert' not in html
        assert 'href="javascript:' not in html
    geo = c.get(f"/api/v1/conference-maps/{world['map'].pk}/wishes.geojson").json()
    assert any(f["properties"]["title"] == payload[:200] for f in geo["features"])  # JSON-escaped data


@pytest.mark.django_db
def test_closed_map_refuses_every_contribution(world, topics):
    # given a closed map
    cmap = world["map"]
    cmap.is_open = False
    cmap.save()
    c = client_for(world, "stranger")
    wish = world["wish"]
    # when a participant tries each contribution
    responses = [
        c.post(f"/landkarte/{cmap.pk}/wuensche/neu/", {"title": "Neu", "topic": topics["mobilitaet"].pk}),
        c.post(f"/landkarte/wuensche/{wish.pk}/unterstuetzen/", {}),
        c.post(f"/landkarte/wuensche/{wish.pk}/kommentare/", {"text": "Hallo"}),
        c.post(f"/landkarte/{cmap.pk}/akteure/", {"actor": world["energy"].pk}),
        c.post(
            f"/landkarte/{cmap.pk}/akteure/vorschlagen/",
            {"name": "X", "kind": "initiative", "place": "Zwickau"},
        ),
    ]
    # then each is refused with the reason, and nothing was written
    for r in responses:
        assert r.status_code == 400
        assert "geschlossen" in r.content.decode()
    assert Wish.objects.count() == 1
    assert not Support.objects.exists() and not Comment.objects.exists() and not MapActor.objects.exists()


@pytest.mark.django_db
def test_bad_wish_input_names_the_field(world):
    c = client_for(world, "stranger")
    response = c.post(f"/landkarte/{world['map'].pk}/wuensche/neu/", {"title": "", "place": "Atlantis"})
    html = response.content.decode()
    assert response.status_code == 400
    assert 'href="#id_title"' in html and 'href="#id_topic"' in html and 'href="#id_place"' in html
    assert "Diesen Ort finden wir nicht." in html
    assert Wish.objects.count() == 1


@pytest.mark.django_db
def test_wish_outside_the_map_area_is_refused_naming_the_place(world, topics):
    c = client_for(world, "stranger")
    response = c.post(
        f"/landkarte/{world['map'].pk}/wuensche/neu/",
        {"title": "Gemeinschaftsgarten", "topic": topics["mobilitaet"].pk, "place": "Zittau"},
    )
    assert response.status_code == 400
    assert "Der Ort liegt nicht im Gebiet der Landkarte." in response.content.decode()


@pytest.mark.django_db
def test_wish_form_places_the_wish_by_place_name(world, geo, topics):
    c = client_for(world, "stranger")
    response = c.post(
        f"/landkarte/{world['map'].pk}/wuensche/neu/",
        {
            "title": "Lastenrad-Verleih",
            "topic": topics["mobilitaet"].pk,
            "place": "Zwickau",
            "help_role": "join",
        },
    )
    wish = Wish.objects.get(title="Lastenrad-Verleih")
    assert response.status_code == 302
    assert wish.area == geo["zwickau"] and (wish.lat, wish.lon) == (geo["zwickau"].lat, geo["zwickau"].lon)
    assert wish.help_role == "join" and wish.author == world["users"]["stranger"]


@pytest.mark.django_db
def test_wish_page_query_budget_and_login_hint(world, django_assert_max_num_queries):
    for i in range(10):
        services.comment_create(wish=world["wish"], user=UserFactory(), text=f"Kommentar {i}")
        services.wish_support(wish=world["wish"], user=UserFactory(), help_role="join")
    anonymous = client_for(world, "anonymous")
    with django_assert_max_num_queries(8):
        html = anonymous.get(f"/landkarte/wuensche/{world['wish'].pk}/").content.decode()
    assert "Kommentar 9" in html and "Anmelden, um zu unterstützen" in html
    assert "mitmachen: 10" in html
    coordinator = client_for(world, "coordinator")
    with django_assert_max_num_queries(16):
        html = coordinator.get(f"/landkarte/wuensche/{world['wish'].pk}/").content.decode()
    assert "Als Projektidee anlegen" in html and "Beratung anfragen" in html


@pytest.mark.django_db
def test_unknown_map_and_wish_are_not_found(world):
    c = client_for(world, "anonymous")
    assert c.get("/landkarte/999999/").status_code == 404
    assert c.get("/landkarte/wuensche/999999/").status_code == 404
    assert c.get("/landkarte/999999/tabelle/").status_code == 404
