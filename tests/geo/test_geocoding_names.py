"""Ambiguous place names: the town people mean comes first."""

import pytest

from tests.factories import AreaFactory
from wandelwerk.geo import selectors
from wandelwerk.geo.names import fold_name
from wandelwerk.geo.resolver import GeoResolver


@pytest.mark.django_db
def test_halle_finds_halle_saale_before_the_villages_called_halle(geo):
    county = geo["zwickau_lk"]
    for ags, name, population in [
        ("03456001", "Halle", 1_500),
        ("05754012", "Halle (Westf.), Stadt", 22_000),
        ("15002000", "Halle (Saale), Stadt", 238_000),
        ("14524999", "Hallenberg", 4_000),
    ]:
        AreaFactory(ags=ags, name=name, search_name=fold_name(name), parent=county, population=population)
    names = [h.area.name for h in selectors.geocode_place(name="Halle")]
    assert names[:3] == ["Halle (Saale), Stadt", "Halle (Westf.), Stadt", "Halle"]
    assert names[-1] == "Hallenberg"
    assert GeoResolver().by_name("halle").ags == "15002000"
