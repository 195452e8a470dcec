"""Canonical pollutant codes and the names instruments and officers use for them.

Codes: SO2, NO, NO2, NOx, CO, CO2, H2S, NH3, O2, CH4, LEL (combustibles), VOC, PM (particulates, 颗粒物),
PM1, PM2.5, PM10, TSP, O3, H2O, N2O, TEMP, RH, PRESSURE; water: COD, NH3-N, TP, PH, DO, DO_SAT, COND,
SPCOND, TURB, CHLA, ORP, SAL, TDS, DEPTH; noise (A-weighted sound levels, dB(A)): LAeq, LAmax, LAmin, L10,
L50, L90, LCpeak. A "pH mV" channel (the electrode's millivolts) is not pH.
`match(name)` turns a column or sensor name (English, Chinese, formula, RAE mnemonic) into a code.
"""

from __future__ import annotations

import re
import unicodedata

CODES = ("SO2", "NO", "NO2", "NOx", "CO", "CO2", "H2S", "NH3", "O2", "CH4", "LEL", "VOC", "PM", "PM1", "PM2.5",
         "PM10", "PM4", "TSP", "O3", "H2O", "N2O", "TEMP", "RH", "PRESSURE", "COD", "NH3-N", "TP", "PH", "DO", "DO_SAT",
         "COND", "SPCOND", "TURB", "CHLA", "ORP", "SAL", "TDS", "DEPTH", "LAeq", "LAmax", "LAmin", "L10", "L50",
         "L90", "LCpeak", "C2H6")
# Sound levels: averaged as energy (10·lg of the mean of 10^(L/10)), never as plain numbers.
NOISE = frozenset({"LAeq", "LAmax", "LAmin", "L10", "L50", "L90", "LCpeak"})

# g/mol, for ppm -> mg/m³ at the standard state. NOx is expressed as NO2 (HJ 76-2017 practice).
MOLAR_MASS = {"SO2": 64.06, "NO": 30.01, "NO2": 46.01, "NOx": 46.01, "CO": 28.01, "CO2": 44.01, "H2S": 34.08,
              "NH3": 17.03, "CH4": 16.04, "O3": 48.00, "N2O": 44.01}

_ALIASES = {
    "SO2": ["二氧化硫", "SULFURDIOXIDE", "SULPHURDIOXIDE"],
    "NO": ["一氧化氮", "NITRICOXIDE", "NITROGENMONOXIDE"],
    "NO2": ["二氧化氮", "NITROGENDIOXIDE"],
    "NOx": ["NOX", "氮氧化物", "NITROGENOXIDES"],
    "CO": ["一氧化碳", "CARBONMONOXIDE"],
    "CO2": ["二氧化碳", "CARBONDIOXIDE"],
    "H2S": ["硫化氢", "HYDROGENSULFIDE", "HYDROGENSULPHIDE"],
    "NH3": ["氨", "氨气", "AMMONIA"],
    "O2": ["氧气", "氧", "含氧量", "氧含量", "OXY", "OXYGEN"],
    "CH4": ["甲烷", "METHANE", "%CH4"],
    "LEL": ["可燃气", "可燃气体", "EX", "%LEL", "COMBUSTIBLE", "COMBUSTIBLES", "CXHY", "METHANELEL"],
    "VOC": ["VOCS", "TVOC", "挥发性有机物", "总挥发性有机物", "PID", "FID"],
    "PM": ["颗粒物", "烟尘", "PARTICULATES", "PARTICULATEMATTER", "DUST", "粉尘"],
    "TSP": ["总悬浮颗粒物", "TOTALSUSPENDEDPARTICULATE", "TOTALSUSPENDEDPARTICULATES"],
    "PM1": ["PM1.0"],
    "PM2.5": ["PM25", "PM2_5", "细颗粒物", "PM2-5"],
    "PM10": ["可吸入颗粒物", "PM10.0"],
    "O3": ["臭氧", "OZONE", "O3+NO2", "OX"],
    "H2O": ["水汽", "水蒸气", "WATERVAPOR", "WATERVAPOUR", "WATER"],
    "N2O": ["氧化亚氮", "NITROUSOXIDE"],
    "TEMP": ["温度", "水温", "T", "TEMP.", "TEMPERATURE", "WATERTEMPERATURE", "烟温", "AMBIENTTEMPERATURE", "CELLTEMPERATURE",
             "INTERFEROMETERTEMPERATURE", "DETECTORTEMPERATURE", "ELECTRONICSTEMPERATURE"],
    "RH": ["湿度", "相对湿度", "HUMIDITY", "RELATIVEHUMIDITY"],
    "PRESSURE": ["气压", "压力", "大气压", "PRESS", "AMBIENTPRESSURE", "BAROMETRICPRESSURE"],
    "COD": ["化学需氧量", "CODCR"],
    "NH3-N": ["氨氮", "NH3N", "NH4-N", "NH4N", "NH4+-N", "AMMONIUM", "AMMONIANITROGEN", "AMMONIUM-N"],
    "TP": ["总磷", "TOTALPHOSPHORUS"],
    "PH": ["PH值", "酸碱度"],
    "DO": ["溶解氧", "DISSOLVEDOXYGEN", "ODO", "LDO", "DOCONC", "ODOMG/L", "DOMG/L"],
    "DO_SAT": ["溶解氧饱和度", "DOSAT", "ODO%", "DO%", "ODO%SAT", "DO%SAT", "DOSATURATION", "ODOSAT"],
    "COND": ["电导率", "CONDUCTIVITY", "COND", "EC"],
    "SPCOND": ["比电导", "比电导率", "SPECIFICCONDUCTANCE", "SPCOND", "SC", "SPC"],
    "TURB": ["浊度", "TURBIDITY", "TURB"],
    "CHLA": ["叶绿素", "叶绿素A", "CHLOROPHYLL", "CHLOROPHYLLA", "CHL", "CHL-A"],
    "ORP": ["氧化还原电位", "REDOX"],
    "SAL": ["盐度", "SALINITY", "SALIN"],
    "TDS": ["溶解性总固体", "TOTALDISSOLVEDSOLIDS"],
    "DEPTH": ["水深", "深度", "LEVEL", "WATERLEVEL"],
    "LAeq": ["等效声级", "等效连续A声级", "LEQ", "LAEQ", "LEQDB-A", "LEQ(A)", "LAEQ,T"],
    "LAmax": ["最大声级", "LMAX", "LAFMAX", "LASMAX", "LMAXDB-A"],
    "LAmin": ["最小声级", "LMIN", "LAFMIN", "LASMIN"],
    "L10": ["LA10", "L10DB-A"], "L50": ["LA50", "L50DB-A"], "L90": ["LA90", "L90DB-A"],
    "LCpeak": ["LCPK", "LCPEAK", "LCPKMAX"],
    "C2H6": ["乙烷", "ETHANE"],
}

# Words around a pollutant name that say nothing about which pollutant it is.
_NOISE = re.compile(r"(CONCENTRATION|CONC\.?|READING|VALUE|实测|测量|监测|浓度|含量|读数|值|数值|LEVEL|GAS|气体)")
_STATS = [
    ("twa", re.compile(r"\bTWA\b|时间加权")), ("stel", re.compile(r"\bSTEL\b|短时间")),
    ("peak", re.compile(r"\b(PEAK|MAX)\b|峰值|最大")), ("min", re.compile(r"\bMIN\b|最小")),
    ("average", re.compile(r"\b(AVG|AVERAGE|MEAN)\b|平均|均值")),
]


def _key(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).upper()
    text = text.replace("₂", "2").replace("₃", "3").replace("₄", "4").replace("Ｘ", "X")
    return re.sub(r"[\s_:：]+", "", text)


_LOOKUP: dict[str, str] = {}
for _code in CODES:
    _LOOKUP[_key(_code)] = _code
for _code, _names in _ALIASES.items():
    for _name in _names:
        _LOOKUP[_key(_name)] = _code


def canonical(name: str) -> str | None:
    """The code for a bare name ('二氧化硫', 'so2', 'OXY'), or None."""
    key = _key(name)
    if not key:
        return None
    found = _LOOKUP.get(key)
    if found is None:
        stripped = _NOISE.sub("", key)
        found = _LOOKUP.get(stripped) if stripped else None
    return found


def match(name: str) -> str | None:
    """The code for a column/sensor name, trying the whole name, a parenthesised formula, and its last word.
    'pH mV' (the pH electrode's millivolts) is not pH: None."""
    found = _match(name)
    if found == "PH" and re.search(r"\bmV\b", name, re.IGNORECASE):
        return None
    return found


def _match(name: str) -> str | None:
    found = canonical(name)
    if found:
        return found
    inner = re.findall(r"[(（]([^()（）]+)[)）]", name)
    for part in inner:
        found = canonical(part)
        if found:
            return found
    words = re.split(r"[\s_/]+", name.strip())
    if len(words) > 1:
        for word in (words[-1], words[0]):
            found = canonical(word)
            if found:
                return found
    # '硫化氢H2S', 'CO浓度值': a Chinese name glued to a formula
    formulas = re.findall(r"[A-Za-z][A-Za-z0-9.+\-]*", name)
    chinese = re.sub(r"[\x00-\x7f]+", "", name)
    for part in (*sorted(formulas, key=len, reverse=True), chinese):
        found = canonical(part) if part and part != name else None
        if found:
            return found
    return None


def statistic(name: str) -> str | None:
    """'twa', 'stel', 'peak', 'min' or 'average' when a column name says so."""
    upper = unicodedata.normalize("NFKC", name).upper()
    return next((kind for kind, pattern in _STATS if pattern.search(upper)), None)


def limit_pollutants(series_pollutant: str) -> tuple[str, ...]:
    """Limit codes that apply to a series: a PM limit covers PM10 and particulates (PM); NOx covers NO2/NO."""
    if series_pollutant in ("PM", "PM10"):
        return ("PM", "PM10")
    if series_pollutant == "TSP":
        return ("TSP", "PM")
    if series_pollutant in ("NOx", "NO2", "NO"):
        return ("NOx",) if series_pollutant == "NOx" else (series_pollutant, "NOx")
    return (series_pollutant,)


def label(code: str) -> str:
    """The parameter's name in the interface language ('DO' -> 溶解氧); the code itself when unknown."""
    from eco_field import messages

    key = "readings.pollutant." + code.lower().replace(".", "_")
    return messages.text(key) if messages.has(key) else code
