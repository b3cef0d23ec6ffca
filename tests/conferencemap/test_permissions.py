"""Every write route for anonymous, a stranger, the wish's author, the map's coordinator, a coordinator
of another network and staff: "login" (sent to sign in), "ok" (done), 403, or 400 (refused input)."""

import pytest

from tests.conferencemap.conftest import ROLES, client_for
from wandelwerk.conferencemap import services
from wandelwerk.conferencemap.models import Comment, ConferenceMap, MapActor, Wish
from wandelwerk.projects.models import Project


def expect(role, table):
    assert len(table) == len(ROLES)
    return table[ROLES.index(role)]


def outcome(response):
    if response.status_code == 302:
        return "login" if "/konto/login/" in response["Location"] else "ok"
    return response.status_code


def _routes(world, geo, topics):
    cmap, wish, author = world["map"], world["wish"], world["users"]["author"]
    comment = services.comment_create(wish=wish, user=author, text="Gute Idee")
    link = services.actor_link(cmap=cmap, user=author, actor=world["energy"])
    w, m = f"/landkarte/wuensche/{wish.pk}", f"/landkarte/{cmap.pk}"
    mapdata = {"title": "Neue Karte", "network": world["net_a"].pk, "area_ags": "14524", "is_open": "on"}
    return {
        "map_create": ("/landkarte/neu/", mapdata),
        "map_edit": (f"{m}/bearbeiten/", {**mapdata, "title": "Umbenannt"}),
        "wish_create": (f"{m}/wuensche/neu/", {"title": "Bürgerbus", "topic": topics["mobilitaet"].pk}),
        "wish_edit": (
            f"{w}/bearbeiten/",
            {"title": "Repair-Café Plus", "topic": topics["bildung-kultur"].pk},
        ),
        "support": (f"{w}/unterstuetzen/", {"help_role": "money"}),
        "comment": (f"{w}/kommentare/", {"text": "Ich bin dabei"}),
        "comment_delete": (f"/landkarte/kommentare/{comment.pk}/loeschen/", {}),
        "link": (f"{m}/akteure/", {"actor": _other_actor(geo, topics).pk}),
        "unlink": (f"/landkarte/verknuepfungen/{link.pk}/entfernen/", {}),
        "propose": (
            f"{m}/akteure/vorschlagen/",
            {"name": "Foodsharing", "kind": "initiative", "place": "Zwickau"},
        ),
        "to_project": (f"{w}/projekt/", {}),
        "to_consulting": (f"{w}/beratung/", {}),
    }


def _other_actor(geo, topics):
    from tests.factories import make_actor

    return make_actor(geo["crimmitschau"], name="Tafel Crimmitschau", topics=[topics["bildung-kultur"]])


ALL_SIGNED_IN = ["login", "ok", "ok", "ok", "ok", "ok"]
AUTHOR_OR_MANAGER = ["login", 403, "ok", "ok", 403, "ok"]
MANAGER = ["login", 403, 403, "ok", 403, "ok"]
EXPECTED = {
    "map_create": ["login", 403, 403, "ok", 400, "ok"],
    "map_edit": MANAGER,
    "wish_create": ALL_SIGNED_IN,
    "wish_edit": AUTHOR_OR_MANAGER,
    "support": ALL_SIGNED_IN,
    "comment": ALL_SIGNED_IN,
    "comment_delete": AUTHOR_OR_MANAGER,
    "link": ALL_SIGNED_IN,
    "unlink": AUTHOR_OR_MANAGER,
    "propose": ALL_SIGNED_IN,
    "to_project": MANAGER,
    "to_consulting": MANAGER,
}


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_write_routes(world, geo, topics, role):
    routes = _routes(world, geo, topics)
    got = {}
    for name, (url, data) in routes.items():
        if name == "to_consulting":  # a fresh open wish: the project conversion may have taken the first
            wish = services.wish_create(
                cmap=world["map"],
                user=world["users"]["author"],
                title="Beratung",
                topic=topics["mobilitaet"],
                area=geo["zwickau"],
            )
            url = f"/landkarte/wuensche/{wish.pk}/beratung/"
        got[name] = outcome(client_for(world, role).post(url, data))
    assert got == {name: expect(role, table) for name, table in EXPECTED.items()}


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_refused_writes_change_nothing(world, geo, topics, role):
    # given the state before any write
    before = (
        ConferenceMap.objects.count(),
        Comment.objects.count(),
        MapActor.objects.count(),
        Project.objects.count(),
    )
    routes = _routes(world, geo, topics)
    after_setup = (
        ConferenceMap.objects.count(),
        Comment.objects.count(),
        MapActor.objects.count(),
        Project.objects.count(),
    )
    # when someone without the right tries the manager-only writes
    if expect(role, MANAGER) == "ok":
        return
    c = client_for(world, role)
    for name in ("map_edit", "to_project", "comment_delete", "unlink"):
        if expect(role, EXPECTED[name]) != "ok":
            c.post(*routes[name])
    # then nothing changed
    assert before[0] == after_setup[0]
    assert (
        ConferenceMap.objects.count(),
        Comment.objects.count(),
        MapActor.objects.count(),
        Project.objects.count(),
    ) == after_setup
    assert ConferenceMap.objects.get(pk=world["map"].pk).title == "Landkarte Zwickau"
    assert Wish.objects.get(pk=world["wish"].pk).project is None


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_manager_pages(world, role):
    c = client_for(world, role)
    got = {
        "create": outcome(c.get("/landkarte/neu/")),
        "edit": outcome(c.get(f"/landkarte/{world['map'].pk}/bearbeiten/")),
        "wish_edit": outcome(c.get(f"/landkarte/wuensche/{world['wish'].pk}/bearbeiten/")),
    }
    ok = {"create": 200, "edit": 200, "wish_edit": 200}
    assert got == {
        "create": expect(role, ["login", 403, 403, ok["create"], 200, 200]),
        "edit": expect(role, ["login", 403, 403, 200, 403, 200]),
        "wish_edit": expect(role, ["login", 403, 200, 200, 403, 200]),
    }


@pytest.mark.django_db
def test_coordinator_elsewhere_cannot_make_a_map_for_another_network(world):
    other = world["users"]["coordinator_elsewhere"]
    with pytest.raises(services.MapError) as exc:
        services.map_create(user=other, network=world["net_b"], title="Falsch", area=world["map"].area)
    assert exc.value.field == "area"


@pytest.mark.django_db
def test_author_cannot_edit_own_wish_on_a_closed_map_but_coordinator_can(world, topics):
    cmap, wish = world["map"], world["wish"]
    ConferenceMap.objects.filter(pk=cmap.pk).update(is_open=False)
    data = {"title": "Neu", "topic": topics["bildung-kultur"].pk}
    assert (
        client_for(world, "author").post(f"/landkarte/wuensche/{wish.pk}/bearbeiten/", data).status_code
        == 400
    )
    assert (
        outcome(client_for(world, "coordinator").post(f"/landkarte/wuensche/{wish.pk}/bearbeiten/", data))
        == "ok"
    )
    assert Wish.objects.get(pk=wish.pk).title == "Neu"


@pytest.mark.django_db
def test_map_form_names_bad_area_and_foreign_event(world, geo):
    from datetime import timedelta

    from django.utils import timezone

    from wandelwerk.events.models import Event

    start = timezone.now() + timedelta(days=3)
    foreign = Event.objects.create(
        kind="conference",
        title="Andere Konferenz",
        slug="andere",
        network=world["net_b"],
        area=geo["zittau"],
        start=start,
        end=start + timedelta(hours=2),
    )
    with pytest.raises(services.MapError) as exc:
        services.map_create(
            user=None, network=world["net_a"], title="X", area=geo["zwickau_lk"], event=foreign
        )
    assert exc.value.field == "event"
    c = client_for(world, "coordinator")
    response = c.post("/landkarte/neu/", {"title": "", "network": world["net_a"].pk, "area_ags": "99999"})
    html = response.content.decode()
    assert response.status_code == 400
    assert 'href="#id_title"' in html and 'href="#id_area_ags"' in html
    assert "Ein Gebiet mit diesem Schlüssel gibt es nicht." in html
    assert ConferenceMap.objects.count() == 1


@pytest.mark.django_db
def test_coordinator_closes_the_map_through_the_form(world):
    c = client_for(world, "coordinator")
    data = {
        "title": "Landkarte Zwickau",
        "network": world["net_a"].pk,
        "area_ags": "14524",
    }  # is_open unticked
    assert outcome(c.post(f"/landkarte/{world['map'].pk}/bearbeiten/", data)) == "ok"
    assert not ConferenceMap.objects.get(pk=world["map"].pk).is_open
    response = client_for(world, "stranger").post(
        f"/landkarte/wuensche/{world['wish'].pk}/unterstuetzen/", {}
    )
    assert response.status_code == 400
