"""Editing a strategy (period, targets, measures) and the public dashboard: filters that recompute the
key figures, the timeline, drafts that never leak, and a constant query budget."""

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import NetworkFactory, TopicFactory, UserFactory, make_actor, make_member
from wandelwerk.networks.models import Role
from wandelwerk.projects import strategy_selectors, strategy_services
from wandelwerk.projects.models import Measure, Milestone, Project, StageChange, Strategy, Target
from wandelwerk.projects.services import ProjectError, project_create

ROLES = ["anonymous", "stranger", "owner", "coordinator", "staff"]
EDITORS = {"owner", "coordinator", "staff"}


@pytest.fixture
def people(geo, strategy):
    """One person per role; the owner runs the publishing administration, the coordinator a network
    covering the strategy's county, the stranger coordinates elsewhere."""
    owner = UserFactory()
    strategy.publisher.owner = owner
    strategy.publisher.save()
    return {
        "anonymous": None,
        "stranger": make_member(NetworkFactory(areas=[geo["goerlitz_lk"]]), Role.COORDINATOR),
        "owner": owner,
        "coordinator": make_member(NetworkFactory(areas=[geo["zwickau_lk"]]), Role.COORDINATOR),
        "staff": UserFactory(is_staff=True),
    }


def client_for(user):
    c = Client()
    if user is not None:
        c.force_login(user)
    return c


def topic(slug):
    return TopicFactory(slug=slug)


def _project(geo, title, *, area="zwickau", measures=(), stage="idea", co2=None, people=None, public=True):
    """A project put straight into ``stage`` (the stage rules are tested elsewhere)."""
    p = project_create(
        user=UserFactory(),
        title=title,
        summary="s",
        area=geo[area],
        measure_ids=[m.pk for m in measures],
        effect_co2_t=co2,
        effect_people=people,
        is_public=public,
    )
    Project.objects.filter(pk=p.pk).update(stage=stage)
    return p


# --- who may write -----------------------------------------------------------------------------------


def _routes(strategy):
    """(name, method, path, data, changed?) for every write route, on a fresh target and measure."""
    target = Target.objects.create(strategy=strategy, label="CO₂ senken", year=2030, value=-65, unit="%")
    measure = strategy.measures.get(code="M 1.1")
    doomed = Measure.objects.create(strategy=strategy, code="M 9", title="Wird gelöscht")
    base = f"/strategien/{strategy.slug}"
    return [
        (
            "strategy-edit",
            f"{base}/bearbeiten/",
            {"title": "Klimaplan neu", "period_start": "2024", "period_end": "2035", "is_published": "on"},
            lambda: Strategy.objects.get(pk=strategy.pk).title == "Klimaplan neu",
        ),
        (
            "target-add",
            f"{base}/ziele/",
            {"new-label": "Ökostrom", "new-year": "2030", "new-value": "80", "new-unit": "%"},
            lambda: strategy.targets.filter(label="Ökostrom").exists(),
        ),
        (
            "target-edit",
            f"{base}/ziele/{target.pk}/",
            {
                f"t{target.pk}-label": "CO₂ halbieren",
                f"t{target.pk}-year": "2035",
                f"t{target.pk}-value": "-50",
                f"t{target.pk}-unit": "%",
            },
            lambda: Target.objects.get(pk=target.pk).label == "CO₂ halbieren",
        ),
        (
            "measure-edit",
            f"{base}/massnahmen/{measure.pk}/bearbeiten/",
            {"code": "M 1.1", "title": "PV überall"},
            lambda: Measure.objects.get(pk=measure.pk).title == "PV überall",
        ),
        (
            "target-delete",
            f"{base}/ziele/{target.pk}/loeschen/",
            {},
            lambda: not Target.objects.filter(pk=target.pk).exists(),
        ),
        (
            "measure-delete",
            f"{base}/massnahmen/{doomed.pk}/loeschen/",
            {},
            lambda: not Measure.objects.filter(pk=doomed.pk).exists(),
        ),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_every_strategy_write_route_answers_each_role_and_only_editors_change_anything(
    strategy, people, role
):
    # given the strategy, one target, measures, and a person in the role
    c = client_for(people[role])
    for name, path, data, changed in _routes(strategy):
        # when they post
        r = c.post(path, data)
        # then anonymous people are sent to log in, strangers refused, editors redirected after the change
        if role == "anonymous":
            assert r.status_code == 302 and "next=" in r["Location"], name
        elif role == "stranger":
            assert r.status_code == 403, name
        else:
            assert r.status_code == 302, (name, r.content.decode()[:2000])
        assert changed() == (role in EDITORS), name


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_edit_pages_open_for_editors_only(strategy, people, role):
    c = client_for(people[role])
    measure = strategy.measures.get(code="M 1.1")
    base = f"/strategien/{strategy.slug}"
    expected = {"anonymous": 302, "stranger": 403}.get(role, 200)
    for path in (
        f"{base}/bearbeiten/",
        f"{base}/massnahmen/{measure.pk}/bearbeiten/",
        f"{base}/massnahmen/{measure.pk}/loeschen/",
    ):
        assert c.get(path).status_code == expected, path


@pytest.mark.django_db
def test_a_draft_strategy_is_404_for_outsiders_and_editable_by_its_area_coordinator(strategy, people):
    # given an unpublished strategy
    Strategy.objects.filter(pk=strategy.pk).update(is_published=False)
    # then the public and strangers do not see it at all, not even the edit page
    assert Client().get("/strategien/kk-zwickau/").status_code == 404
    stranger = client_for(people["stranger"])
    assert stranger.get("/strategien/kk-zwickau/").status_code == 404
    assert stranger.post("/strategien/kk-zwickau/bearbeiten/", {"title": "x"}).status_code == 404
    # and the coordinator of the area sees and edits it
    coordinator = client_for(people["coordinator"])
    assert coordinator.get("/strategien/kk-zwickau/").status_code == 200
    r = coordinator.post(
        "/strategien/kk-zwickau/bearbeiten/",
        {"title": "Klimaplan", "period_start": "2024", "period_end": "2030", "is_published": "on"},
    )
    assert r.status_code == 302
    assert Client().get("/strategien/kk-zwickau/").status_code == 200


@pytest.mark.django_db
def test_dashboard_shows_edit_links_to_editors_only(strategy, people):
    measure = strategy.measures.get(code="M 1.1")
    edit = f"/strategien/kk-zwickau/massnahmen/{measure.pk}/bearbeiten/"
    assert edit not in Client().get("/strategien/kk-zwickau/").content.decode()
    assert edit not in client_for(people["stranger"]).get("/strategien/kk-zwickau/").content.decode()
    html = client_for(people["owner"]).get("/strategien/kk-zwickau/").content.decode()
    assert edit in html and "/strategien/kk-zwickau/bearbeiten/" in html


# --- bad input ---------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_reversed_period_names_the_end_year_and_changes_nothing(strategy, people):
    c = client_for(people["owner"])
    r = c.post(
        "/strategien/kk-zwickau/bearbeiten/",
        {"title": "Neuer Titel", "period_start": "2030", "period_end": "2025", "description": "x"},
    )
    assert r.status_code == 400
    html = r.content.decode()
    assert "Laufzeit bis (Jahr)" in html and "liegt vor ihrem Anfang" in html
    strategy.refresh_from_db()
    assert (strategy.title, strategy.period_start, strategy.period_end) == (
        "Klimaschutzkonzept Zwickau 2030",
        2024,
        2030,
    )
    with pytest.raises(ProjectError, match="Laufzeit"):
        strategy_services.strategy_update(strategy=strategy, title="X", period_start=2030, period_end=2020)


@pytest.mark.django_db
def test_duplicate_measure_code_is_refused_with_the_code_named_and_nothing_changed(strategy, people):
    m1 = strategy.measures.get(code="M 1.1")
    r = client_for(people["owner"]).post(
        f"/strategien/kk-zwickau/massnahmen/{m1.pk}/bearbeiten/",
        {"code": "M 3.2", "title": "Umbenannt", "target_value": "5"},
    )
    assert r.status_code == 400
    html = r.content.decode()
    assert "Kennung" in html and "M 3.2" in html
    assert sorted(strategy.measures.values_list("code", "title")) == [
        ("M 1.1", "PV auf kommunalen Dächern"),
        ("M 3.2", "Radverkehr stärken"),
    ]


@pytest.mark.django_db
def test_non_numeric_values_are_named_and_nothing_is_written(strategy, people):
    c = client_for(people["owner"])
    r = c.post(
        "/strategien/kk-zwickau/ziele/",
        {"new-label": "Ökostrom", "new-year": "2030", "new-value": "viel", "new-unit": "%"},
    )
    assert r.status_code == 400
    assert "Wert" in r.content.decode() and "Zahl" in r.content.decode()
    r = c.post(
        "/strategien/kk-zwickau/ziele/",
        {"new-label": "Ökostrom", "new-year": "1850", "new-value": "80", "new-unit": "%"},
    )
    assert r.status_code == 400 and "Jahr" in r.content.decode()
    assert not Target.objects.exists()
    m1 = strategy.measures.get(code="M 1.1")
    r = c.post(
        f"/strategien/kk-zwickau/massnahmen/{m1.pk}/bearbeiten/",
        {"code": "M 1.1", "title": "PV", "target_value": "abc"},
    )
    assert r.status_code == 400 and "Zielwert" in r.content.decode()
    assert Measure.objects.get(pk=m1.pk).title == "PV auf kommunalen Dächern"
    with pytest.raises(ProjectError, match="Jahr"):
        strategy_services.target_add(strategy=strategy, label="x", year=2200, value=1, unit="%")
    with pytest.raises(ProjectError, match="Wert"):
        strategy_services.target_add(strategy=strategy, label="x", year=2030, value=float("nan"), unit="%")


@pytest.mark.django_db
def test_target_values_accept_the_german_decimal_comma(strategy, people):
    client_for(people["owner"]).post(
        "/strategien/kk-zwickau/ziele/",
        {"new-label": "Sanierungsrate", "new-year": "2030", "new-value": "2,5", "new-unit": "% pro Jahr"},
    )
    assert Target.objects.get().value == 2.5


@pytest.mark.django_db
def test_measure_edit_changes_every_field_and_offers_organisations_of_the_county_by_name(
    geo, strategy, people
):
    # given organisations in and outside the strategy's county
    b = make_actor(geo["crimmitschau"], name="Bürgerenergie Crimmitschau eG")
    a = make_actor(geo["zwickau"], name="Agenda-Büro Zwickau")
    far = make_actor(geo["zittau"], name="Klimabündnis Zittau")
    m = strategy.measures.get(code="M 1.1")
    url = f"/strategien/kk-zwickau/massnahmen/{m.pk}/bearbeiten/"
    c = client_for(people["owner"])
    html = c.get(url).content.decode()
    # then the county's organisations are offered in name order, others not
    assert (
        html.index("Agenda-Büro Zwickau")
        < html.index("Bürgerenergie Crimmitschau")
        < html.index("Stadt Zwickau")
    )
    assert "Klimabündnis Zittau" not in html
    assert c.post(url, {"code": "M 1.1", "title": "PV", "responsible": far.pk}).status_code == 400
    # when every field is changed
    energy = topic("energie-klimaschutz")
    r = c.post(
        url,
        {
            "code": "M 1.2",
            "title": "PV auf allen Dächern",
            "description": "Mit **Bürgerbeteiligung**",
            "topic": energy.pk,
            "indicator": "Leistung",
            "unit": "kWp",
            "target_value": "4000",
            "current_value": "1150,5",
            "responsible": b.pk,
        },
    )
    assert r.status_code == 302
    m.refresh_from_db()
    assert (m.code, m.title, m.description, m.topic, m.indicator, m.unit) == (
        "M 1.2",
        "PV auf allen Dächern",
        "Mit **Bürgerbeteiligung**",
        energy,
        "Leistung",
        "kWp",
    )
    assert (m.target_value, m.current_value, m.responsible) == (4000, 1150.5, b)
    assert a.pk  # offered, not chosen
    # and the dashboard shows the progress as text and as a <progress> element
    html = Client().get("/strategien/kk-zwickau/").content.decode()
    assert "(29&nbsp;%)" in html and '<progress value="1150.5" max="4000.0"' in html
    assert "<strong>Bürgerbeteiligung</strong>" in html


@pytest.mark.django_db
def test_deleting_a_measure_says_how_many_projects_lose_the_link_and_keeps_them(geo, strategy, people):
    m1 = strategy.measures.get(code="M 1.1")
    m2 = strategy.measures.get(code="M 3.2")
    p1 = _project(geo, "Bürgersolar", measures=[m1, m2])
    p2 = _project(geo, "Solarschule", measures=[m1], public=False)
    c = client_for(people["owner"])
    html = c.get(f"/strategien/kk-zwickau/massnahmen/{m1.pk}/loeschen/").content.decode()
    assert "2 Projekte" in html and "verlieren die Verknüpfung" in html
    assert Measure.objects.filter(pk=m1.pk).exists()  # the question changes nothing
    r = c.post(f"/strategien/kk-zwickau/massnahmen/{m1.pk}/loeschen/", follow=True)
    assert "2 Projekte sind nicht mehr" in r.content.decode()
    assert not Measure.objects.filter(pk=m1.pk).exists()
    assert set(Project.objects.values_list("pk", flat=True)) == {p1.pk, p2.pk}
    assert list(p1.measures.all()) == [m2] and not p2.measures.exists()


# --- dashboard: filters, figures, timeline -------------------------------------------------------------


@pytest.fixture
def portfolio(geo, strategy):
    """Three measures (two on energy, one on mobility) and projects in Zwickau and Crimmitschau; a
    draft with large effects that outsiders must never count."""
    energy, mobility = topic("energie-klimaschutz"), topic("mobilitaet")
    m11 = strategy.measures.get(code="M 1.1")
    m32 = strategy.measures.get(code="M 3.2")
    Measure.objects.filter(pk=m11.pk).update(topic=energy)
    Measure.objects.filter(pk=m32.pk).update(topic=mobility)
    m41 = Measure.objects.create(strategy=strategy, code="M 4.1", title="Wärmenetz", topic=energy)
    _project(geo, "Solar Zwickau", measures=[m11], stage="implementation", co2=100, people=10)
    _project(
        geo, "Radweg Crimmitschau", area="crimmitschau", measures=[m32], stage="planning", co2=20, people=7
    )
    _project(
        geo,
        "Nahwärme Crimmitschau",
        area="crimmitschau",
        measures=[m11, m41],
        stage="completed",
        co2=50,
        people=5,
    )
    _project(
        geo,
        "Geheimes Kraftwerk",
        area="zittau",
        measures=[m41],
        stage="implementation",
        co2=1000,
        people=1000,
        public=False,
    )
    return {"energy": energy, "mobility": mobility}


def figures(r):
    d = r.context["d"]
    share = None if d.share_in_implementation is None else round(100 * d.share_in_implementation)
    return len(d.rows), share, d.effect_co2_t, d.effect_people, dict(d.stage_totals)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", (3, 67, 170, 22, {"implementation": 1, "planning": 1, "completed": 1})),
        ("topic=energie-klimaschutz", (2, 100, 150, 15, {"implementation": 1, "completed": 1})),
        ("topic=mobilitaet", (1, 0, 20, 7, {"planning": 1})),
        ("area=14524060", (3, 67, 70, 12, {"planning": 1, "completed": 1})),
        ("area=14524330", (3, 33, 100, 10, {"implementation": 1})),
        ("area=14524", (3, 67, 170, 22, {"implementation": 1, "planning": 1, "completed": 1})),
        ("topic=mobilitaet&area=14524330", (1, 0, 0, 0, {})),
        ("topic=naturschutz-oekologie", (0, None, 0, 0, {})),
    ],
)
def test_filters_recompute_every_key_figure(portfolio, query, expected):
    r = Client().get(f"/strategien/kk-zwickau/?{query}")
    assert r.status_code == 200
    assert figures(r) == expected


@pytest.mark.django_db
def test_filtered_page_names_the_filter_and_lists_only_matching_measures(portfolio):
    html = Client().get("/strategien/kk-zwickau/?topic=mobilitaet&area=14524060").content.decode()
    assert "Gefilterte Ansicht" in html and "Gute Mobilität für alle" in html
    assert "Radweg Crimmitschau" in html and "Solar Zwickau" not in html and "Wärmenetz" not in html
    assert '<label for="filter-topic">' in html and '<label for="filter-area">' in html
    # the area choices: the strategy's own municipality and those of visible projects only
    assert '<option value="14524060" selected>' in html and '<option value="14524330">' in html
    assert '<option value="14626610"' not in html  # Zittau: only the draft lies there


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "param"),
    [
        ("topic=gibt-es-nicht", "topic"),
        ("area=99999999", "area"),
        ("area=14", "area"),
        ("area=%3Cb%3E", "area"),
    ],
)
def test_unknown_filter_values_give_400_naming_the_parameter(portfolio, query, param):
    r = Client().get(f"/strategien/kk-zwickau/?{query}")
    assert r.status_code == 400
    html = r.content.decode()
    assert f"{param}: " in html and "<b>" not in html.split("<main")[1]
    assert Client().get(f"/strategien/kk-zwickau/massnahmen.csv?{query}").status_code == 400


@pytest.mark.django_db
def test_csv_export_follows_the_filter(portfolio):
    text = Client().get("/strategien/kk-zwickau/massnahmen.csv?topic=mobilitaet").content.decode("utf-8-sig")
    rows = text.strip().splitlines()
    assert len(rows) == 2 and rows[1].startswith("M 3.2;") and "Radweg Crimmitschau" in rows[1]


def _at(year, month, day):
    return timezone.make_aware(dt.datetime(year, month, day, 12, 0))


@pytest.mark.django_db
def test_timeline_lists_period_years_and_visible_events_in_date_order(geo, strategy):
    m = strategy.measures.get(code="M 1.1")
    public = _project(geo, "Bürgersolar", measures=[m], stage="planning")
    draft = _project(geo, "Geheimprojekt", measures=[m], stage="planning", public=False)
    for p in (public, draft):
        change = StageChange.objects.create(project=p, from_stage="idea", to_stage="planning")
        StageChange.objects.filter(pk=change.pk).update(changed_at=_at(2025, 3, 14))
    Milestone.objects.create(
        project=public, title="Dach geprüft", due=dt.date(2025, 2, 1), done_at=_at(2025, 2, 3)
    )
    Milestone.objects.create(project=public, title="Module montiert", due=dt.date(2026, 6, 30))
    Milestone.objects.create(project=public, title="Nachrüstung", due=dt.date(2033, 1, 15))
    Milestone.objects.create(project=draft, title="Geheimer Meilenstein", due=dt.date(2025, 2, 2))

    r = Client().get("/strategien/kk-zwickau/")
    html = r.content.decode()
    timeline = html.split('id="zeitleiste"')[1]
    # the period's years, then a year outside it that has an event
    positions = [timeline.index(f"{y}\n") for y in range(2024, 2031)]
    assert positions == sorted(positions)
    assert "2033" in timeline and "außerhalb der Laufzeit" in timeline
    # the events in date order, grouped under their month
    order = [
        timeline.index(s)
        for s in (
            "Februar 2025",
            "Dach geprüft",
            "März 2025",
            "Projektidee",
            "Juni 2026",
            "Module montiert",
            "Nachrüstung",
        )
    ]
    assert order == sorted(order)
    assert "erledigt am" in timeline and '<time datetime="2025-03-14">' in timeline
    # drafts never show to outsiders, but do to their team
    assert "Geheim" not in html
    years = r.context["d"].timeline
    assert [y.year for y in years] == [*range(2024, 2031), 2033]
    assert [len(mo.events) for mo in years[1].months] == [1, 1]
    team = Client()
    team.force_login(draft.created_by)
    assert "Geheimer Meilenstein" in team.get("/strategien/kk-zwickau/").content.decode()


@pytest.mark.django_db
def test_drafts_never_reach_outsiders_through_figures_rows_or_timeline(portfolio, people):
    # the draft lies in Zittau: the public, a plain account and Zwickau's coordinator never see it
    for c in (Client(), client_for(UserFactory()), client_for(people["coordinator"])):
        r = c.get("/strategien/kk-zwickau/")
        assert "Geheimes Kraftwerk" not in r.content.decode()
        assert figures(r)[2] == 170
    # the coordinator of Görlitz (Zittau's county) and staff see it and count it
    for who in ("stranger", "staff"):
        r = client_for(people[who]).get("/strategien/kk-zwickau/")
        assert "Geheimes Kraftwerk" in r.content.decode() and figures(r)[2] == 1170


def _fill(geo, strategy, n, start=0):
    """``n`` measures with two projects each, every project with a stage change and two milestones."""
    lead = UserFactory()
    for i in range(start, start + n):
        m = Measure.objects.create(
            strategy=strategy, code=f"X {i}", title=f"Maßnahme {i}", target_value=10, current_value=i
        )
        for j in range(2):
            p = project_create(
                user=lead,
                title=f"P {i}-{j}",
                summary="s",
                area=geo["crimmitschau"],
                measure_ids=[m.pk],
                is_public=True,
                effect_co2_t=1,
            )
            StageChange.objects.create(project=p, from_stage="idea", to_stage="planning")
            Milestone.objects.create(project=p, title="a", due=dt.date(2026, 1 + i % 12, 1))
            Milestone.objects.create(project=p, title="b", due=dt.date(2027, 1, 1), done_at=timezone.now())


def _queries(c, url):
    with CaptureQueriesContext(connection) as ctx:
        assert c.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["anonymous", "coordinator"])
def test_dashboard_query_count_stays_small_and_constant(
    geo, strategy, people, role, django_assert_max_num_queries
):
    c = client_for(people[role])
    url = "/strategien/kk-zwickau/?topic=&area=14524"
    _fill(geo, strategy, 2)
    few = _queries(c, url)
    _fill(geo, strategy, 10, start=2)
    many = _queries(c, url)
    assert many == few
    # a coordinator's network areas are looked up three times (strategy, permission, projects)
    with django_assert_max_num_queries({"anonymous": 9, "coordinator": 21}[role]):
        r = c.get(url)
    assert len(r.context["d"].rows) == 14


@pytest.mark.django_db
def test_dashboard_links_a_print_stylesheet_and_has_one_h1(strategy):
    from django.contrib.staticfiles import finders

    html = Client().get("/strategien/kk-zwickau/").content.decode()
    assert "projects/strategy.css" in html and html.count("<h1") == 1
    assert "<title>Klimaschutzkonzept Zwickau 2030 · Wandelwerk</title>" in html
    with open(finders.find("projects/strategy.css"), encoding="utf-8") as f:
        css = f.read()
    assert "@media print" in css and "size: A4" in css


@pytest.mark.django_db
def test_selector_counts_shares_over_measures_not_projects(geo, strategy):
    m11 = strategy.measures.get(code="M 1.1")
    _project(geo, "A", measures=[m11], stage="implementation", co2=5, people=1)
    _project(geo, "B", measures=[m11], stage="completed", co2=5, people=1)
    d = strategy_selectors.strategy_dashboard(strategy=strategy, user=None)
    assert d.share_in_implementation == 0.5 and d.effect_co2_t == 10 and d.project_count == 2


@pytest.mark.django_db
def test_measure_update_refuses_a_responsible_actor_outside_the_county_and_changes_nothing(geo, strategy):
    far = make_actor(geo["zittau"], name="Klimabündnis Zittau")
    m = strategy.measures.get(code="M 1.1")
    with pytest.raises(ProjectError, match="Verantwortlich"):
        strategy_services.measure_update(measure=m, code="M 1.1", title="Neu", responsible=far)
    with pytest.raises(ProjectError, match="Kennung"):
        strategy_services.measure_update(measure=m, code="M 3.2", title="Neu")
    assert Measure.objects.get(pk=m.pk).title == "PV auf kommunalen Dächern"
