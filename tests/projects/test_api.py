"""Projects and strategies through the API: drafts never leak, filters work, bad filters are named."""

import pytest
from django.test import Client

from tests.factories import TopicFactory, UserFactory
from wandelwerk.projects.services import project_advance, project_create


@pytest.fixture
def world(geo, strategy):
    m1, m2 = strategy.measures.get(code="M 1.1"), strategy.measures.get(code="M 3.2")
    energy = TopicFactory(slug="energie", name="Energie")
    lead = UserFactory()
    public = project_create(
        user=lead,
        title="Bürgersolar",
        summary="PV",
        area=geo["zwickau"],
        topics=[energy],
        measure_ids=[m1.pk],
        is_public=True,
        effect_co2_t=120,
    )
    project_advance(project=public, user=lead, to_stage="planning")
    draft = project_create(
        user=lead,
        title="Geheimer Entwurf",
        summary="noch nicht",
        area=geo["zwickau"],
        measure_ids=[m1.pk, m2.pk],
    )
    return {"strategy": strategy, "m1": m1, "m2": m2, "public": public, "draft": draft, "lead": lead}


@pytest.mark.django_db
def test_anonymous_never_sees_drafts(world):
    c = Client()
    body = c.get("/api/v1/projects").json()
    assert body["count"] == 1 and body["items"][0]["title"] == "Bürgersolar"
    assert body["items"][0]["stage"] == "planning"
    assert c.get(f"/api/v1/projects/{world['draft'].pk}").status_code == 404
    assert "Geheimer" not in c.get("/api/v1/projects.geojson").content.decode()
    assert "Geheimer" not in c.get("/api/v1/projects?q=Geheimer").content.decode()
    strategy = c.get(f"/api/v1/strategies/{world['strategy'].pk}").json()
    assert [m["project_ids"] for m in strategy["measures"]] == [[world["public"].pk], []]


@pytest.mark.django_db
def test_the_team_sees_its_draft(world):
    c = Client()
    c.force_login(world["lead"])
    assert c.get("/api/v1/projects").json()["count"] == 2
    assert c.get(f"/api/v1/projects/{world['draft'].pk}").status_code == 200


@pytest.mark.django_db
def test_filters_by_stage_topic_measure_area_and_text(world):
    c = Client()
    c.force_login(world["lead"])

    def titles(qs):
        return sorted(i["title"] for i in c.get("/api/v1/projects?" + qs).json()["items"])

    assert titles("stage=planning") == ["Bürgersolar"]
    assert titles("stage=idea") == ["Geheimer Entwurf"]
    assert titles("topic=energie") == ["Bürgersolar"]
    assert titles(f"measure={world['m2'].pk}") == ["Geheimer Entwurf"]
    assert titles("area=14524") == ["Bürgersolar", "Geheimer Entwurf"]
    assert titles("area=14626") == []
    assert titles("q=solar") == ["Bürgersolar"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "qs,word",
    [("stage=flying", "stage"), ("bbox=1,2", "bbox"), ("area=99999", "area"), ("measure=abc", "measure")],
)
def test_bad_filters_are_refused_naming_the_parameter(world, qs, word):
    r = Client().get("/api/v1/projects?" + qs)
    assert r.status_code in (400, 422) and word in r.content.decode()


@pytest.mark.django_db
def test_strategy_csv_lists_measures_with_visible_projects_only(world):
    r = Client().get("/strategien/kk-zwickau/massnahmen.csv")
    assert r["Content-Type"].startswith("text/csv")
    text = r.content.decode("utf-8-sig")
    lines = text.strip().splitlines()
    assert lines[0].startswith("measure_code;")
    assert any(line.startswith("M 1.1;") and "Bürgersolar;planning;120.0" in line for line in lines)
    assert any(line.startswith("M 3.2;") for line in lines)
    assert "Geheimer" not in text


@pytest.mark.django_db
def test_project_detail_carries_budget_funding_and_sdgs(world):
    from wandelwerk.actors.models import Topic

    project = world["public"]
    project.budget_eur = 250000
    project.funding = "Kommunalrichtlinie"
    project.save()
    project.topics.add(Topic.objects.get(slug="sdg-7"))
    body = Client().get(f"/api/v1/projects/{project.pk}").json()
    assert body["budget_eur"] == 250000.0 and body["funding"] == "Kommunalrichtlinie"
    assert "sdg-7" in body["topics"] and "energie" in body["topics"]


@pytest.mark.django_db
def test_text_search_finds_other_word_forms_and_needs_every_word(geo):
    user = UserFactory()
    project_create(
        user=user, title="Solaranlage Grundschule", summary="PV", area=geo["zwickau"], is_public=True
    )
    project_create(user=user, title="Straßenbäume", summary="Bäume", area=geo["zwickau"], is_public=True)
    titles = lambda q: [i["title"] for i in Client().get("/api/v1/projects", {"q": q}).json()["items"]]  # noqa: E731
    assert titles("Solaranlagen") == ["Solaranlage Grundschule"]
    assert titles("solaranlagen grundschule") == ["Solaranlage Grundschule"]
    assert titles("Solaranlagen Kita") == []
    assert titles("Straßenbäume") == ["Straßenbäume"]
