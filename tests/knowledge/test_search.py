"""German search (stems, compounds, AND of words), filters, bad input naming the parameter, and the
query budget of the list pages."""

import pytest

from tests.knowledge.conftest import client_for, make_method, make_practice
from wandelwerk.actors.models import Topic
from wandelwerk.knowledge.search import index_text
from wandelwerk.knowledge.selectors import KnowledgeQuery, method_filter, practice_filter


def titles(qs):
    return sorted(p.title for p in qs)


def search(q, **filters):
    return titles(practice_filter(user=None, query=KnowledgeQuery(q=q, **filters)))


@pytest.fixture
def pool(db):
    circular = Topic.objects.get(slug="zirkulaeres-wirtschaften")
    mobility = Topic.objects.get(slug="mobilitaet")
    make_practice(
        title="Reparatur-Café", summary="Ehrenamtliche reparieren Geräte.", effort="low", topics=[circular]
    )
    make_practice(title="Repair Café im Dorfgemeinschaftshaus", summary="Monatlicher Treff.", effort="low")
    make_practice(
        title="Mitfahrbänke",
        summary="Bänke am Ortsausgang: wer sitzt, wird mitgenommen.",
        effort="low",
        topics=[mobility],
    )
    make_practice(
        title="Bürgersolaranlage",
        summary="Eine Genossenschaft baut Photovoltaik auf Schuldächer.",
        effort="high",
    )
    make_practice(
        title="Lastenrad-Verleih",
        summary="Freie Lastenräder für alle im Quartier.",
        effort="medium",
        topics=[mobility],
    )
    make_practice(title="Entwurf Reparatur", summary="nicht veröffentlicht", publish=False)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Reparaturcafés", ["Repair Café im Dorfgemeinschaftshaus", "Reparatur-Café"]),
        ("reparieren", ["Repair Café im Dorfgemeinschaftshaus", "Reparatur-Café"]),
        ("Mitfahrbank", ["Mitfahrbänke"]),
        ("Lastenräder", ["Lastenrad-Verleih"]),
        ("Solar", ["Bürgersolaranlage"]),
        ("Genossenschaften", ["Bürgersolaranlage"]),
        ("Dorf", ["Repair Café im Dorfgemeinschaftshaus"]),
        ("buergersolaranlagen", ["Bürgersolaranlage"]),
    ],
)
def test_german_search_finds_plural_compounds_and_spelling_variants(pool, query, expected):
    assert search(query) == expected


@pytest.mark.django_db
def test_all_words_must_match(pool):
    assert search("Lastenrad Quartier") == ["Lastenrad-Verleih"]
    assert search("Lastenrad Photovoltaik") == []


@pytest.mark.django_db
def test_topic_and_effort_filters_combine_with_the_search(pool):
    assert search("", topic=("mobilitaet",)) == ["Lastenrad-Verleih", "Mitfahrbänke"]
    assert search("", topic=("mobilitaet",), effort=("low",)) == ["Mitfahrbänke"]
    assert search("Café", effort=("high",)) == []


@pytest.mark.django_db
def test_method_kind_filter_and_search(db):
    make_method(title="World Café", kind="workshop", summary="Gespräche an Tischen")
    make_method(title="Fördermittel-Checkliste", kind="checklist", summary="Anträge vorbereiten")
    make_method(title="Pressemitteilung", kind="template", summary="Vorlage für die Lokalzeitung")
    query = KnowledgeQuery(kind=("checklist", "template"))
    assert titles(method_filter(user=None, query=query)) == ["Fördermittel-Checkliste", "Pressemitteilung"]
    assert titles(method_filter(user=None, query=KnowledgeQuery(q="Fördermitteln"))) == [
        "Fördermittel-Checkliste"
    ]
    assert titles(method_filter(user=None, query=KnowledgeQuery(q="Checklisten"))) == [
        "Fördermittel-Checkliste"
    ]


def test_index_joins_neighbouring_words_and_adds_synonyms():
    text = index_text(["Repair-Café"]).split()
    assert {"repair", "cafe", "repaircafe", "reparatur"} <= set(text)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "param"),
    [
        ("/wissen/praxisbeispiele/?effort=riesig", "effort"),
        ("/wissen/methoden/?kind=roman", "kind"),
        ("/wissen/?topic=gibt-es-nicht", "topic"),
        ("/wissen/praxisbeispiele/?q=" + "x" * 201, "q"),
    ],
)
def test_bad_filter_values_are_refused_naming_the_parameter(client, pool, url, param):
    r = client.get(url)
    assert r.status_code == 400
    assert f"{param}:" in r.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "budget"), [("anonymous", 9), ("coordinator", 14)])
def test_list_pages_stay_within_a_query_budget(users, pool, role, budget, django_assert_max_num_queries):
    """25 more practices and methods with three topics each: the number of queries does not grow."""
    topics = list(Topic.objects.all()[:3])
    for i in range(25):
        make_method(title=f"Methode {i}", kind="guide", topics=topics)
        make_practice(title=f"Praxis {i}", topics=topics)
    c = client_for(users[role])
    for url in (
        "/wissen/",
        "/wissen/praxisbeispiele/",
        "/wissen/methoden/",
        "/wissen/praxisbeispiele/?q=Reparatur&topic=mobilitaet&effort=low",
    ):
        with django_assert_max_num_queries(budget):
            assert c.get(url).status_code == 200


@pytest.mark.django_db
def test_search_finds_from_the_overview_page(client, pool):
    html = client.get("/wissen/?q=Mitfahrbank").content.decode()
    assert "Mitfahrbänke" in html
    assert "Lastenrad-Verleih" not in html


@pytest.mark.django_db
def test_a_title_that_would_clash_with_the_propose_url_gets_another_slug(db):
    p = make_practice(title="Neu")
    assert p.slug != "neu"
