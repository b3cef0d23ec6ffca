"""Full-text search, filters and facets behave the same on SQLite and PostgreSQL."""

import pytest

from tests.factories import TopicFactory, make_actor
from wandelwerk.actors.query import FilterError, parse_query
from wandelwerk.actors.selectors import actor_filter, facets


def search(user, **params):
    return list(actor_filter(user=user, query=parse_query(params)).values_list("name", flat=True))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "term", ["Gemeinschaftsgärten", "gemeinschaftsgarten", "Gemeinschaftsgaerten", "GEMEINSCHAFTSG"]
)
def test_german_spellings_and_plurals_find_the_same_actor(geo, term, django_user_model):
    from django.contrib.auth.models import AnonymousUser

    make_actor(geo["zwickau"], name="Gemeinschaftsgarten Nordvorstadt")
    make_actor(geo["zwickau"], name="Repair-Café Zwickau")
    assert search(AnonymousUser(), q=term) == ["Gemeinschaftsgarten Nordvorstadt"]


@pytest.mark.django_db
def test_all_words_must_match_and_description_and_topics_are_searched(geo):
    from django.contrib.auth.models import AnonymousUser

    energy = TopicFactory(slug="energie", name="Energie und Klimaschutz")
    make_actor(
        geo["zwickau"], name="Bürgerenergie Westsachsen eG", description="Solaranlagen auf Schuldächern"
    )
    make_actor(geo["zittau"], name="Umweltbibliothek", topics=[energy])
    assert search(AnonymousUser(), q="Solaranlage Schuldach") == ["Bürgerenergie Westsachsen eG"]
    assert search(AnonymousUser(), q="Klimaschutz") == ["Umweltbibliothek"]
    assert search(AnonymousUser(), q="Solaranlage Zittau") == []


@pytest.mark.django_db
def test_bbox_topic_kind_and_area_filters_combine(geo):
    from django.contrib.auth.models import AnonymousUser

    garden = TopicFactory(slug="garten", name="Ernährung")
    make_actor(geo["zwickau"], name="A", topics=[garden], kind="initiative")
    make_actor(geo["crimmitschau"], name="B", topics=[garden], kind="company", sector="business")
    make_actor(geo["zittau"], name="C", topics=[garden], kind="initiative")
    anon = AnonymousUser()
    assert search(anon, bbox="12.3,50.6,12.6,50.9") == ["A", "B"]
    assert search(anon, bbox="12.3,50.6,12.6,50.9", kind="initiative") == ["A"]
    assert search(anon, topic="garten", area="14626") == ["C"]
    assert search(anon, sector="business") == ["B"]
    assert search(anon, area="14") == ["A", "B", "C"]


@pytest.mark.django_db
def test_facet_counts_ignore_their_own_selection(geo):
    from django.contrib.auth.models import AnonymousUser

    make_actor(geo["zwickau"], name="A", kind="initiative")
    make_actor(geo["zwickau"], name="B", kind="company", sector="business")
    make_actor(geo["zittau"], name="C", kind="initiative")
    groups = facets(user=AnonymousUser(), query=parse_query({"kind": "initiative"}))
    kinds = {v.key: (v.count, v.selected) for v in groups["kind"]}
    assert kinds == {"initiative": (2, True), "company": (1, False)}
    assert {v.key: v.count for v in groups["sector"]} == {"civil_society": 2}
    assert {v.key: v.count for v in groups["area"]} == {"14524": 1, "14626": 1}


@pytest.mark.parametrize(
    "params,param",
    [
        ({"bbox": "1,2,3"}, "bbox"),
        ({"bbox": "13,51,12,52"}, "bbox"),
        ({"bbox": "a,b,c,d"}, "bbox"),
        ({"bbox": "0,0,200,10"}, "bbox"),
        ({"kind": "alien"}, "kind"),
        ({"area": "12ab"}, "area"),
        ({"q": "x" * 201}, "q"),
    ],
)
def test_bad_filters_are_refused_naming_the_parameter(params, param):
    with pytest.raises(FilterError) as err:
        parse_query(params)
    assert err.value.param == param


@pytest.mark.django_db
def test_facets_work_together_with_full_text(geo):
    from django.contrib.auth.models import AnonymousUser

    energy = TopicFactory(slug="energie", name="Energie")
    make_actor(geo["zwickau"], name="Solarverein Zwickau", topics=[energy])
    make_actor(geo["zittau"], name="Solarinitiative Zittau", kind="initiative")
    make_actor(geo["zittau"], name="Kleiderkammer", kind="initiative")
    groups = facets(user=AnonymousUser(), query=parse_query({"q": "Solar*"}))
    assert {v.key: v.count for v in groups["topic"]} == {"energie": 1}
    assert {v.key: v.count for v in groups["kind"]} == {"association": 1, "initiative": 1}
    assert sum(v.count for v in groups["area"]) == 2


@pytest.mark.django_db
def test_postgresql_full_text_query_can_use_the_gin_index(geo):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("the GIN index exists on PostgreSQL only; SQLite uses FTS5")
    from wandelwerk.actors.models import Actor
    from wandelwerk.actors.selectors import _fulltext

    make_actor(geo["zwickau"], name="Repair-Café")
    qs = _fulltext(Actor.objects.all(), ["repair"], [])
    assert list(qs.values_list("name", flat=True)) == ["Repair-Café"]
    with connection.cursor() as cursor:
        # GIN is read by bitmap scans: rule out the alternatives to see whether the index matches at all
        cursor.execute("SET enable_seqscan = off; SET enable_indexscan = off")
        plan = qs.explain()
        cursor.execute("SET enable_seqscan = on; SET enable_indexscan = on")
    assert "actors_actor_search_gin" in plan
