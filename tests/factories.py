"""Factories shared by all test packages: a small, real-shaped geography, users, networks, actors."""

from __future__ import annotations

import factory
from django.contrib.auth import get_user_model

from wandelwerk.actors.models import Actor, Kind, Precision, Sector, Status, Topic, Visibility
from wandelwerk.geo.models import Area, AreaKind
from wandelwerk.networks.models import Membership, Network, Role


def _square(lon: float, lat: float, half: float) -> str:
    ring = [
        [lon - half, lat - half],
        [lon + half, lat - half],
        [lon + half, lat + half],
        [lon - half, lat + half],
    ]
    ring.append(ring[0])
    return '{"type":"Polygon","coordinates":[' + str(ring).replace(" ", "") + "]}"


class AreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Area
        django_get_or_create = ("ags",)

    ags = factory.Sequence(lambda n: f"{n:08d}")
    ars = factory.LazyAttribute(lambda o: o.ags + "0" * (12 - len(o.ags)))
    name = factory.Sequence(lambda n: f"Gebiet {n}")
    search_name = factory.LazyAttribute(lambda o: o.name.lower())
    kind = AreaKind.MUNICIPALITY
    population = 10_000
    lat = 50.8
    lon = 12.5
    min_lon = factory.LazyAttribute(lambda o: o.lon - 0.05)
    max_lon = factory.LazyAttribute(lambda o: o.lon + 0.05)
    min_lat = factory.LazyAttribute(lambda o: o.lat - 0.05)
    max_lat = factory.LazyAttribute(lambda o: o.lat + 0.05)
    boundary = factory.LazyAttribute(lambda o: _square(o.lon, o.lat, 0.05))


def make_geography() -> dict[str, Area]:
    """Saxony with two counties and three municipalities (real keys, square boundaries)."""
    sn = AreaFactory(
        ags="14",
        ars="140000000000",
        name="Sachsen",
        kind=AreaKind.STATE,
        population=4_000_000,
        lat=51.0,
        lon=13.3,
    )
    zwickau_lk = AreaFactory(
        ags="14524",
        ars="145240000000",
        name="Zwickau",
        kind=AreaKind.COUNTY,
        parent=sn,
        population=310_000,
        lat=50.72,
        lon=12.49,
    )
    goerlitz_lk = AreaFactory(
        ags="14626",
        ars="146260000000",
        name="Görlitz",
        kind=AreaKind.COUNTY,
        parent=sn,
        population=250_000,
        lat=51.15,
        lon=14.8,
    )
    zwickau = AreaFactory(
        ags="14524330",
        ars="145240330330",
        name="Zwickau, Stadt",
        parent=zwickau_lk,
        population=87_000,
        lat=50.72,
        lon=12.49,
    )
    crimmitschau = AreaFactory(
        ags="14524060",
        ars="145240060060",
        name="Crimmitschau, Stadt",
        parent=zwickau_lk,
        population=18_000,
        lat=50.82,
        lon=12.39,
    )
    zittau = AreaFactory(
        ags="14626610",
        ars="146260610610",
        name="Zittau, Stadt",
        parent=goerlitz_lk,
        population=25_000,
        lat=50.9,
        lon=14.8,
    )
    return {
        "sn": sn,
        "zwickau_lk": zwickau_lk,
        "goerlitz_lk": goerlitz_lk,
        "zwickau": zwickau,
        "crimmitschau": crimmitschau,
        "zittau": zittau,
    }


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.Sequence(lambda n: f"user{n}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "ein-langes-test-passwort")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):  # noqa: N805
        if create:
            obj.save()


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"netz-{n}")
    name = factory.Sequence(lambda n: f"Netzwerk {n}")

    @factory.post_generation
    def areas(obj, create, extracted, **kwargs):  # noqa: N805
        if create and extracted:
            obj.areas.set(extracted)


def make_member(network: Network, role: str = Role.MEMBER, **user_kwargs) -> object:
    user = UserFactory(**user_kwargs)
    Membership.objects.create(network=network, user=user, role=role)
    return user


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"thema-{n}")
    name = factory.Sequence(lambda n: f"Thema {n}")


def make_actor(municipality: Area, *, topics=(), **kwargs) -> Actor:
    """A published public actor via the real service (so the search index is filled)."""
    from wandelwerk.actors.services import ActorData, actor_create

    status = kwargs.pop("status", Status.PUBLISHED)
    owner = kwargs.pop("owner", None)
    data = ActorData(
        name=kwargs.pop("name", "Testverein"),
        kind=kwargs.pop("kind", Kind.ASSOCIATION),
        sector=kwargs.pop("sector", Sector.CIVIL_SOCIETY),
        municipality=municipality,
        lat=kwargs.pop("lat", municipality.lat),
        lon=kwargs.pop("lon", municipality.lon),
        precision=kwargs.pop("precision", Precision.ADDRESS),
        topic_ids=[t.pk for t in topics],
        visibility=kwargs.pop("visibility", Visibility.PUBLIC),
        **kwargs,
    )
    return actor_create(data=data, owner=owner, status=status)
