"""Small CSV samples in the real layouts of the shipped files (lines copied from them, AGS adapted
to the test geography of tests/factories.make_geography)."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import IO

from wandelwerk.analysis import statfiles

BOM = "\ufeff"
WASTE_HEADER = (
    "statistics_code;statistics_label;time_code;time_label;time;1_variable_code;1_variable_label;"
    "1_variable_attribute_code;1_variable_attribute_label;2_variable_code;2_variable_label;"
    "2_variable_attribute_code;2_variable_attribute_label;value;value_unit;value_variable_code;value_variable_label"
)
_W = (
    "32121;Erhebung der öffentlich-rechtlichen Abfallentsorgung;JAHR;Jahr;2023;KREISE;"
    "Kreise und kreisfreie Städte;"
)
_WT = ";t;AEW009;Aufkommen an Haushaltsabfällen (oh.Elektroaltger.)"


def waste_line(ags: str, name: str, code: str, label: str, value: str) -> str:
    return f"{_W}{ags};{name};ABFA01;Abfallarten von Haushaltsabfällen;{code};{label};{value}{_WT}"


WASTE = "\n".join(
    [
        BOM + WASTE_HEADER,
        waste_line("14524", "Zwickau, Landkreis", "", "Insgesamt", "124000"),
        waste_line("14524", "Zwickau, Landkreis", "ABFALLART100", "Haus- und Sperrmüll", "62000"),
        waste_line("14524", "Zwickau, Landkreis", "ABFALLART201", "Abfälle aus der Biotonne", "-"),
        waste_line("14524", "Zwickau, Landkreis", "ABFALLART300", "Getrennt erfasste Wertstoffe", "31000"),
        waste_line("14524", "Zwickau, Landkreis", "ABFALLART400", "Sonstige Abfälle", "."),
        # Görlitz: total secret → no figures at all
        waste_line("14626", "Görlitz, Landkreis", "", "Insgesamt", "."),
        waste_line("14626", "Görlitz, Landkreis", "ABFALLART100", "Haus- und Sperrmüll", "50000"),
        # historic county: only "-"
        waste_line("14161", "Chemnitzer Land, Kreis", "", "Insgesamt", "-"),
        # 8-digit sub-unit
        waste_line("14524330", "Zwickau, Stadt", "", "Insgesamt", "40000"),
    ]
)

EMP_HEADER = (
    "statistics_code;statistics_label;time_code;time_label;time;1_variable_code;1_variable_label;"
    "1_variable_attribute_code;1_variable_attribute_label;2_variable_code;2_variable_label;2_variable_attribute_code;"
    "2_variable_attribute_label;3_variable_code;3_variable_label;3_variable_attribute_code;3_variable_attribute_label;"
    "value;value_unit;value_variable_code;value_variable_label"
)
_E = "13111;Statistik der sozialversicherungspflichtig Beschäftigten;STAG;Stichtag;2025-06-30;"
_ET = ";Anzahl;ERW032;Sozialversicherungspfl. Beschäftigte (Arbeitsort)"


def emp_line(level: str, ags: str, nat: tuple[str, str], sex: tuple[str, str], value: str) -> str:
    breakdown = f"NAT;Nationalität;{nat[0]};{nat[1]};GES;Geschlecht;{sex[0]};{sex[1]}"
    return f"{_E}{level};x;{ags};x;{breakdown};{value}{_ET}"


ALL = ("", "Insgesamt")
EMPLOYEES = "\n".join(
    [
        BOM + EMP_HEADER,
        emp_line("DLAND", "14", ALL, ALL, "1645000"),
        emp_line("DLAND", "14", ALL, ("GESM", "männlich"), "830000"),
        emp_line("DLAND", "14", ("NATA", "ausländisch"), ALL, "150000"),
        emp_line("KREISE", "14524", ALL, ALL, "-"),
        emp_line("KREISE", "14626", ALL, ALL, "98765"),
        emp_line("REGBEZ", "145", ALL, ALL, "500000"),
    ]
)

SET_HEADER = (
    "statistics_code;statistics_label;time_code;time_label;time;1_variable_code;1_variable_label;"
    "1_variable_attribute_code;1_variable_attribute_label;value;value_unit;value_variable_code;value_variable_label"
)
_S = "99910;Regionalatlas Deutschland;JAHR;Jahr;2023;GEMEIN;Gemeinden;"
_SH = ";Prozent;AI0111;Anteil Siedlungs- und Verkehrsfläche an Gesamtfläche"
SETTLEMENT = "\n".join(
    [
        BOM + SET_HEADER,
        f"{_S}14524330;Zwickau, Stadt;-0,3;Prozent;AI0112;Veränderung der Siedlungs- und Verkehrsfläche",
        f"{_S}14524330;Zwickau, Stadt;32,2{_SH}",
        f"{_S}14524060;Crimmitschau, Stadt;12,5{_SH}",
        f"{_S}14626610;Zittau, Stadt;-{_SH}",
        f"{_S}09999999;Aufgelöst;10,0{_SH}",
    ]
)

RENEWABLES = "\n".join(
    [
        "ags,pv,wind_on,biomass,water",
        "14000000,3000000.500,1300000.000,300000.000,100.0",
        "14524000,155000.000,31000.000,6200.000,0",
        "14524330,40000.250,0,1000.000,0",
        "DG000000,1,1,1,1",
    ]
)

FILES = {
    statfiles.WASTE_2023: WASTE,
    statfiles.EMPLOYEES_2025: EMPLOYEES,
    statfiles.SETTLEMENT_2023: SETTLEMENT,
    statfiles.RENEWABLES_2024: RENEWABLES,
}


def opener(**replace: str) -> Callable[[str], IO[str]]:
    """An opener for statistics_load serving the samples (``replace`` by file constant name)."""
    files = dict(FILES)
    for name, text in replace.items():
        files[getattr(statfiles, name)] = text

    def open_(relative: str) -> IO[str]:
        return io.StringIO(files[relative].removeprefix(BOM), newline="")

    return open_
