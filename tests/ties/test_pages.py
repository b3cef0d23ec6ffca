"""Network structure page, its CSVs and graph JSON, the actor's tie list, snapshots: figures match an
independent count, query budgets hold."""

from __future__ import annotations

import datetime as dt

from django.core.management import call_command
from django.urls import reverse

from wandelwerk.actors.models import Actor
from wandelwerk.ties.models import NetworkSnapshot, TieKind
from wandelwerk.ties.services import tie_create


def _ties(world):
    a = world["actors"]
    tie_create(source=a["stadt"], target=a["verein"], kind=TieKind.COOPERATION)
    tie_create(source=a["stadt"], target=a["hof"], kind=TieKind.FUNDING)
    tie_create(source=a["intern"], target=a["verein"], kind=TieKind.COOPERATION)  # members-only end
    tie_create(source=a["stadt"], target=a["zittau"], kind=TieKind.COOPERATION)  # other network
    tie_create(
        source=a["verein"],
        target=a["hof"],
        kind=TieKind.SUPPLY,
        started=dt.date(2020, 1, 1),
        ended=dt.date(2021, 1, 1),
    )


def test_public_page_shows_figures_matching_an_independent_count(
    world, client, django_assert_max_num_queries
):
    _ties(world)
    public = set(
        Actor.objects.filter(county=world["geo"]["zwickau_lk"], visibility="public").values_list(
            "id", flat=True
        )
    )
    from wandelwerk.ties.models import Tie

    today = dt.date.today()
    current = [
        (t.source_id, t.target_id)
        for t in Tie.objects.all()
        if t.source_id in public and t.target_id in public and (t.ended is None or t.ended >= today)
    ]
    tied = {x for pair in current for x in pair}
    with django_assert_max_num_queries(16):
        response = client.get(reverse("ties:network", args=["netz-a"]))
    assert response.status_code == 200
    a = response.context["a"]
    assert (a.actors, a.ties, a.isolated) == (len(public), len(current), len(public - tied))
    html = response.content.decode()
    assert f'<dd id="fig-isolated">{len(public - tied)}</dd>' in html
    assert (
        "Dieser 1 Akteur im ländlichen Raum hat keine Verbindung" in html and "Dorfladen Crimmitschau" in html
    )
    assert "Stadtverwaltung Zwickau" in html  # the broker between the village farm and the association
    assert html.count("<h1>") == 1


def test_second_load_comes_from_the_cache(world, client, django_assert_max_num_queries):
    _ties(world)
    url = reverse("ties:network", args=["netz-a"])
    client.get(url)
    with django_assert_max_num_queries(6):
        assert client.get(url).status_code == 200


def test_new_tie_invalidates_the_cached_analysis(world, client):
    url = reverse("ties:network", args=["netz-a"])
    assert client.get(url).context["a"].ties == 0
    _ties(world)
    assert client.get(url).context["a"].ties == 2


def test_csv_downloads_are_german_excel_with_all_actors(world, client):
    _ties(world)
    response = client.get(reverse("ties:network", args=["netz-a"]) + "?format=csv&table=akteure")
    text = response.content.decode("utf-8")
    assert response["Content-Type"].startswith("text/csv") and text.startswith("\ufeffAkteur;Sektor")
    assert len(text.strip().splitlines()) == 1 + 4
    isolated = client.get(reverse("ties:network", args=["netz-a"]) + "?format=csv&table=isolierte")
    assert "Dorfladen Crimmitschau;" in isolated.content.decode()


def test_graph_json_has_positions_and_edges_between_drawn_nodes(world, client):
    _ties(world)
    data = client.get(reverse("ties:graph", args=["netz-a"])).json()
    assert len(data["nodes"]) == 4 and len(data["edges"]) == 2
    node = next(n for n in data["nodes"] if n["name"] == "Stadtverwaltung Zwickau")
    assert node["degree"] == 2 and node["is_broker"] and 0 <= node["x"] <= 1 and node["url"].startswith("/")
    assert all(0 <= u < 4 and 0 <= v < 4 for u, v, _w in data["edges"])
    assert "Interner Kreis" not in str(data)


def test_actor_tie_list_hides_ties_to_actors_the_visitor_cannot_see(
    world, client, django_assert_max_num_queries
):
    _ties(world)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("ties:actor", args=["umweltverein-zwickau"]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Stadtverwaltung Zwickau" in html and "Biohof Crimmitschau" in html
    assert "Interner Kreis" not in html


def test_snapshot_command_stores_figures_and_the_page_lists_them(world, client):
    _ties(world)
    call_command("snapshot_networks", "--network", "netz-a")
    snapshot = NetworkSnapshot.objects.get(network=world["net_a"])
    assert snapshot.figures["ties"] == 2 and snapshot.figures["actors"] == 4
    call_command("snapshot_networks", "--network", "netz-a")  # same day: replaced, not doubled
    assert NetworkSnapshot.objects.count() == 1
    history = client.get(reverse("ties:network", args=["netz-a"])).context["history"]
    assert [h["figures"]["ties"] for h in history] == [2, 2]


def test_past_snapshot_counts_only_ties_current_then(world):
    from wandelwerk.ties.services import network_snapshot_take

    _ties(world)
    snap = network_snapshot_take(network=world["net_a"], on=dt.date(2020, 6, 1))
    assert snap.figures["ties"] == 3  # undated ties count always, the supply tie ran in 2020
    assert network_snapshot_take(network=world["net_a"], on=dt.date(2022, 6, 1)).figures["ties"] == 2


def test_empty_network_page_says_so(world, client):
    response = client.get(reverse("ties:network", args=["netz-b"]))
    assert response.status_code == 200
    assert "noch keine Beziehung erfasst" in response.content.decode()
    assert client.get(reverse("ties:index")).status_code == 200
