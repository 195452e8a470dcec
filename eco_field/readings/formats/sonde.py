"""Water-quality sonde columns (YSI, Hydrolab, Eureka, HOBO): which parameter a column is, in which unit.

Sondes name a parameter and its unit in one header cell (`ODO mg/L`, `Cond µS/cm`, `Temp °C`) or in a
units row under the header (`DO` / `mg/l`). The same parameter often comes in two units (DO in mg/L and in
% saturation; conductivity raw and specific); each is its own code. The pH electrode's millivolts, battery
and cable voltages and position are not water parameters and are not imported.
"""

from __future__ import annotations

import re

from eco_field.readings import pollutants
from eco_field.readings.formats.family import Channel
from eco_field.readings.units import looks_like_unit, normalize_unit

# Parameter words (upper case, no spaces) -> code; the unit then decides between DO and DO_SAT.
WORDS = {"ODO": "DO", "DO": "DO", "LDO": "DO", "DOCONC": "DO", "DISSOLVEDOXYGEN": "DO", "DOSAT": "DO_SAT",
         "COND": "COND", "CONDUCTIVITY": "COND", "SPCOND": "SPCOND", "SC": "SPCOND", "SAL": "SAL", "SALIN": "SAL",
         "SALINITY": "SAL", "TDS": "TDS", "PH": "PH", "TEMP": "TEMP", "TEMP.": "TEMP", "TEMPERATURE": "TEMP",
         "TURBIDITY": "TURB", "TURB": "TURB", "TURB.": "TURB", "TURBID": "TURB", "TURBID+": "TURB", "CHLOROPHYLL": "CHLA", "CHL": "CHLA", "ORP": "ORP",
         "DEPTH": "DEPTH", "LEVEL": "DEPTH", "NH4+-N": "NH3-N", "NH4-N": "NH3-N", "NH3-N": "NH3-N",
         "AMMONIUM": "NH3-N", "COD": "COD"}
SKIP = {"BATTERY", "BATT", "BAT.", "BAT", "CABLEPWR", "SITENAME", "NLFCOND", "ODO%LOCAL", "PHMV", "VERTICALPOSITION",
        "PRESSURE", "WIPERPOSITION"}


def split_unit(cell: str) -> tuple[str, str]:
    """'ODO % sat' -> ('ODO', '%sat'); 'Temp °C' -> ('Temp', '°C'); 'pH' -> ('pH', '')."""
    words = cell.strip().split()
    for take in (2, 1):
        if len(words) > take:
            tail = " ".join(words[-take:])
            if looks_like_unit(tail) or tail.lower() in ("% sat", "% local"):
                return " ".join(words[:-take]), normalize_unit(tail.replace(" ", ""))
    return cell.strip(), ""


def water_channel(index: int, header: str, unit: str = "") -> Channel | None:
    """The channel of a sonde column, or None (not a water parameter, or pH millivolts)."""
    if "% local" in header.lower():
        return None  # the same DO saturation against local pressure: a duplicate of "% sat"
    name, header_unit = split_unit(header)
    unit = normalize_unit(unit.strip()) or header_unit
    key = re.sub(r"\s+", "", name).upper()
    if key in SKIP or (key == "PH" and unit == "mV") or (key + unit.upper()).replace("%", "%") in SKIP:
        return None
    if key == "ODO" and unit == "%" or key in ("DO%", "ODO%"):
        key, unit = "DOSAT", "%sat"
    code = WORDS.get(key) or pollutants.match(name)
    if code is None:
        return None
    if code == "DO" and unit in ("%sat", "%", "% Sat"):
        code, unit = "DO_SAT", "%sat"
    if code == "TEMP" and unit.upper() in ("C", "DEGC", "DEG C"):
        unit = "°C"
    if code == "DO_SAT" and unit in ("", "%", "%SAT"):
        unit = "%sat"
    return Channel(index, code, unit, header.strip())
