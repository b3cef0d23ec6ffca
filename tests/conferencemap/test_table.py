"""The area × topic table: rows = municipalities of the map's county, columns = action fields."""

import re

import pytest

from tests.conferencemap.conftest import client_for
from tests.factories import UserFactory, make_actor
from wandelwerk.conferencemap import selectors, services


def _cell(rows, topics, row_name, topic_slug):
    row = next(r for r in rows if r.name == row_name)
    return row.cells[[t.slug for t in topics].index(topic_slug)]


@pytest.mark.django_db
def test_cells_show_existing_actors_wishes_and_supporters(world, geo, topics):
    # given a linked energy actor in Zwickau, the repair-café wish in Crimmitschau with two supporters,
    # and a wish about the whole county
    cmap = world["map"]
    services.actor_link(cmap=cmap, user=world["users"]["stranger"], actor=world["energy"])
    for _ in range(2):
        services.wish_support(wish=world["wish"], user=UserFactory())
    services.wish_create(cmap=cmap, user=UserFactory(), title="Bürgerbus", topic=topics["mobilitaet"])
    # when the table is built
    columns, rows = selectors.landkarte(cmap)
    # then each fact sits in its row and column
    assert [r.name for r in rows] == ["Crimmitschau, Stadt", "Zwickau, Stadt", "ganzes Gebiet (Zwickau)"]
    energy = _cell(rows, columns, "Zwickau, Stadt", "energie-klimaschutz")
    assert energy.actors == [("Energiegenossenschaft Zwickau", world["energy"].get_absolute_url())]
    cafe = _cell(rows, columns, "Crimmitschau, Stadt", "bildung-kultur")
    assert [(t, n) for t, _url, n in cafe.wishes] == [("Repair-Café", 2)] and cafe.supporters == 2
    assert _cell(rows, columns, "ganzes Gebiet (Zwickau)", "mobilitaet").wishes[0][0] == "Bürgerbus"
    assert _cell(rows, columns, "Crimmitschau, Stadt", "energie-klimaschutz").empty


@pytest.mark.django_db
def test_table_page_is_an_accessible_table_with_print_styles(world, django_assert_max_num_queries):
    services.actor_link(cmap=world["map"], user=world["users"]["stranger"], actor=world["energy"])
    c = client_for(world, "anonymous")
    with django_assert_max_num_queries(10):
        response = c.get(f"/landkarte/{world['map'].pk}/tabelle/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<caption" in html and '<th scope="col">Energie und Klimaschutz</th>' in html
    assert '<th scope="row">Zwickau, Stadt</th>' in html
    assert "1 Akteur:" in html and "Energiegenossenschaft Zwickau" in html
    assert "conferencemap/conferencemap.css" in html


@pytest.mark.django_db
def test_table_query_count_does_not_grow_with_content(world, geo, topics, django_assert_max_num_queries):
    cmap = world["map"]
    for i in range(15):
        actor = make_actor(geo["crimmitschau"], name=f"Verein {i}", topics=[topics["mobilitaet"]])
        services.actor_link(cmap=cmap, user=None or world["users"]["stranger"], actor=actor)
        wish = services.wish_create(
            cmap=cmap, user=UserFactory(), title=f"Wunsch {i}", topic=topics["mobilitaet"]
        )
        services.wish_support(wish=wish, user=UserFactory())
    with django_assert_max_num_queries(10):
        response = client_for(world, "anonymous").get(f"/landkarte/{cmap.pk}/tabelle/")
    assert "16 Wünsche" not in response.content.decode()
    assert re.search(r"15 Akteure", response.content.decode())


def test_print_stylesheet_is_a3_landscape_without_navigation_or_forms():
    from pathlib import Path

    css = Path("wandelwerk/conferencemap/static/conferencemap/conferencemap.css").read_text()
    printed = css[css.index("@media print") :]
    assert "size: A3 landscape" in printed
    hidden = printed[printed.index(".site-header") : printed.index("display: none")]
    assert "nav" in hidden and "form" in hidden


@pytest.mark.django_db
def test_state_map_has_a_row_per_county_and_counts_municipal_wishes_there(world, geo, topics):
    # given a map of all of Saxony (staff may make one for a network covering the state)
    from tests.factories import NetworkFactory

    state_net = NetworkFactory(slug="land", areas=[geo["sn"]])
    cmap = services.map_create(user=None, network=state_net, title="Sachsen", area=geo["sn"])
    services.wish_create(
        cmap=cmap, user=UserFactory(), title="Tauschbörse", topic=topics["mobilitaet"], area=geo["zittau"]
    )
    services.actor_link(cmap=cmap, user=UserFactory(), actor=world["energy"])
    # when the table is built
    columns, rows = selectors.landkarte(cmap)
    # then the rows are the counties, Zittau's wish sits in Görlitz, the Zwickau actor in Zwickau
    assert [r.name for r in rows] == ["Görlitz", "Zwickau"]
    assert _cell(rows, columns, "Görlitz", "mobilitaet").wishes[0][0] == "Tauschbörse"
    assert (
        _cell(rows, columns, "Zwickau", "energie-klimaschutz").actors[0][0] == "Energiegenossenschaft Zwickau"
    )
