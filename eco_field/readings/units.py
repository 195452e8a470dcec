"""Unit spellings, ppm -> mg/m³ at the standard state, reference-oxygen correction, 超标倍数.

Standard state (标准状态): 273.15 K, 101.325 kPa, molar volume 22.4 L/mol, so C(mg/m³) = M / 22.4 × C(ppm)
(HJ 76-2017 B3). NOx is expressed as NO2. C_ref = C × (21 − O2_ref) / (21 − O2_measured).
"""

from __future__ import annotations

import re
import unicodedata

from eco_field.readings.pollutants import MOLAR_MASS

MOLAR_VOLUME = 22.4  # L/mol at 273.15 K, 101.325 kPa

_SPELLINGS = {
    "PPM": "ppm", "PPMV": "ppm", "PPB": "ppb", "PPBV": "ppb",
    "%LEL": "%LEL", "LEL": "%LEL", "LEL%": "%LEL",
    "%VOL": "%VOL", "VOL": "%VOL", "VOL%": "%VOL", "VOL-%": "%VOL", "%V/V": "%VOL", "%CH4": "%VOL",
    "MG/M3": "mg/m³", "MG/NM3": "mg/m³", "MG/M^3": "mg/m³",
    "UG/M3": "µg/m³", "ΜG/M3": "µg/m³", "UG/NM3": "µg/m³", "ΜG/NM3": "µg/m³", "UG/M^3": "µg/m³",
    "G/M3": "g/m³", "MG/L": "mg/L", "UG/L": "µg/L", "ΜG/L": "µg/L",
    "°C": "°C", "C": "°C", "-°C": "°C", "DEGC": "°C", "DEG C": "°C", "CELSIUS": "°C",
    "%": "%", "%RH": "%RH", "RH%": "%RH",
    "PA": "Pa", "KPA": "kPa", "HPA": "hPa", "MBAR": "mbar", "TORR": "Torr", "BAR": "bar",
    "V": "V", "MV": "mV", "M": "m", "FT": "ft", "FEET": "ft", "M/S": "m/s",
    # water
    "ΜS/CM": "µS/cm", "US/CM": "µS/cm", "MS/CM": "mS/cm", "NTU": "NTU", "FNU": "FNU", "RFU": "RFU",
    "PSU": "psu", "PPT": "ppt", "%SAT": "%sat", "%LOCAL": "%sat", "MGL": "mg/L",
    "°F": "°F", "F": "°F",
    # noise
    "DB": "dB", "DB(A)": "dB(A)", "DBA": "dB(A)", "DB-A": "dB(A)", "DB(C)": "dB(C)", "DBC": "dB(C)",
    # gas analysers
    "MB": "mbar", "MBARS": "mbar", "MMOL/MOL": "mmol/mol", "CC/MIN": "mL/min", "ML/MIN": "mL/min", "PPTV": "ppt",
}

_MASS_PER_VOLUME = {"g/m³": 1000.0, "mg/m³": 1.0, "µg/m³": 0.001}


def normalize_unit(text: str | None) -> str:
    """The house spelling of a unit ('Mg/m3' -> 'mg/m³', 'vol-%' -> '%VOL', '℃' -> '°C'); unknown kept."""
    if not text:
        return ""
    raw = unicodedata.normalize("NFKC", text).strip()
    key = raw.upper().replace("³", "3").replace("µ", "Μ").replace("℃", "°C").replace(" ", "")
    key = key.replace("MICROG", "UG")
    if key in _SPELLINGS:
        return _SPELLINGS[key]
    return raw


_PERCENT_OF = {"O2": "%VOL", "CH4": "%VOL", "CO2": "%VOL", "H2O": "%VOL", "LEL": "%LEL", "RH": "%RH",
               "DO_SAT": "%sat"}


def for_pollutant(pollutant: str, unit: str) -> str:
    """A bare '%' means %VOL for O2/CH4/CO2/H2O, %LEL for combustibles, %RH for humidity."""
    unit = normalize_unit(unit)
    if unit == "%":
        return _PERCENT_OF.get(pollutant, unit)
    return unit


def looks_like_unit(text: str) -> bool:
    return normalize_unit(text) in set(_SPELLINGS.values())


def mg_m3_factor(pollutant: str, unit: str) -> float | None:
    """Multiplier taking a value in unit to mg/m³ at the standard state, or None when it cannot be done."""
    if unit in _MASS_PER_VOLUME:
        return _MASS_PER_VOLUME[unit]
    mass = MOLAR_MASS.get(pollutant)
    if mass is None:
        return None
    per_ppm = mass / MOLAR_VOLUME
    return {"ppm": per_ppm, "ppb": per_ppm / 1000.0, "%VOL": per_ppm * 10000.0}.get(unit)


def conversion_factor(pollutant: str, unit: str, limit_unit: str) -> float | None:
    """Multiplier taking the series unit to the limit's unit, or None when they are not comparable."""
    if normalize_unit(unit) == normalize_unit(limit_unit):
        return 1.0
    target = normalize_unit(limit_unit)
    if target in _MASS_PER_VOLUME:
        to_mg = mg_m3_factor(pollutant, normalize_unit(unit))
        return None if to_mg is None else to_mg / _MASS_PER_VOLUME[target]
    for family in ({"mg/L": 1.0, "µg/L": 0.001}, {"µS/cm": 1.0, "mS/cm": 1000.0}, {"dB": 1.0, "dB(A)": 1.0}):
        if target in family and normalize_unit(unit) in family:
            return family[normalize_unit(unit)] / family[target]
    return None


def o2_correct(value: float, o2_measured: float, o2_ref: float) -> float | None:
    """C_ref = C × (21 − O2_ref) / (21 − O2_measured); None when O2 is at or above 21 % (no flue gas)."""
    if o2_measured >= 21.0:
        return None
    return value * (21.0 - o2_ref) / (21.0 - o2_measured)


def exceed_multiple(value: float, limit: float) -> float:
    """超标倍数 as the bureau's decisions compute it: (value − limit) / limit."""
    return (value - limit) / limit


UNIT_IN_NAME = re.compile(
    r"^(?P<name>.*?)[\s_]*(?:[(（\[]\s*(?P<u1>[^()（）\[\]]+?)\s*[)）\]]|[\s_](?P<u2>[%A-Za-zµμ°℃/³3^\-]+))\s*$")


def split_name_unit(header: str) -> tuple[str, str]:
    """'SO2(mg/m3)' -> ('SO2', 'mg/m³'); 'CO2concentration_ppm' -> ('CO2concentration', 'ppm'); else (h, '')."""
    text = header.strip()
    m = UNIT_IN_NAME.match(text)
    if m:
        unit = m.group("u1") or m.group("u2") or ""
        if looks_like_unit(unit):
            return m.group("name").strip(), normalize_unit(unit)
    for sep in ("_", " "):
        if sep in text:
            head, _, tail = text.rpartition(sep)
            if head and looks_like_unit(tail):
                return head.strip(), normalize_unit(tail)
    return text, ""
