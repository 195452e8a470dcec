"""Demo data: clearly fictitious enterprises (名称带“演示”), officers and tasks across Lüliang's 13 counties.

Deterministic (ids are UUID5 of stable keys), so the bureau server's demo holds the same records as the
laptop's, and idempotent: seeding twice changes nothing.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from eco_field import credit_code
from eco_field.records import COUNTIES, Enterprise, Limit, Officer, Outlet, Task
from eco_field.store import enterprises, officers, tasks
from eco_field.store.database import write_transaction
from eco_field.workspace import Workspace

NAMESPACE = uuid.UUID("6f1d6c1e-7c55-4f7a-9a0e-ec0f1e1d2026")

# county -> (administrative division code, approximate seat coordinates)
COUNTY_INFO = {
    "离石区": ("141102", 37.517, 111.143), "孝义市": ("141181", 37.146, 111.778),
    "汾阳市": ("141182", 37.262, 111.788), "文水县": ("141121", 37.438, 112.028),
    "交城县": ("141122", 37.552, 112.156), "兴县": ("141123", 38.463, 111.127),
    "临县": ("141124", 37.951, 110.992), "柳林县": ("141125", 37.429, 110.889),
    "石楼县": ("141126", 36.998, 110.835), "岚县": ("141127", 38.279, 111.671),
    "方山县": ("141128", 37.894, 111.244), "中阳县": ("141129", 37.357, 111.179),
    "交口县": ("141130", 36.982, 111.181),
}

# Limits from shared/domain/enforcement.md §6 (mg/m³ at standard state, dry gas, reference O2 where set).
OUTLETS = {
    "coking": [Outlet("DA001", "air", [Limit("PM", 15, "mg/m³", 8, "GB 16171-2012 表6"),
                                       Limit("SO2", 30, "mg/m³", 8, "GB 16171-2012 表6"),
                                       Limit("NOx", 150, "mg/m³", 8, "GB 16171-2012 表6")], "焦炉烟囱"),
               Outlet("DA002", "air", [Limit("PM", 50, "mg/m³", None, "GB 16171-2012"),
                                       Limit("SO2", 100, "mg/m³", None, "GB 16171-2012")], "装煤地面站")],
    "steel": [Outlet("DA001", "air", [Limit("PM", 10, "mg/m³", 16, "环大气〔2019〕35号 超低排放"),
                                      Limit("SO2", 35, "mg/m³", 16, "环大气〔2019〕35号 超低排放"),
                                      Limit("NOx", 50, "mg/m³", 16, "环大气〔2019〕35号 超低排放")], "烧结机头"),
              Outlet("DA002", "air", [Limit("PM", 10, "mg/m³", None, "环大气〔2019〕35号"),
                                      Limit("SO2", 50, "mg/m³", None, "环大气〔2019〕35号"),
                                      Limit("NOx", 200, "mg/m³", None, "环大气〔2019〕35号")], "其他主要排放口")],
    "cement": [Outlet("DA001", "air", [Limit("PM", 20, "mg/m³", 10, "GB 4915-2013 表2"),
                                       Limit("SO2", 100, "mg/m³", 10, "GB 4915-2013 表2"),
                                       Limit("NOx", 320, "mg/m³", 10, "GB 4915-2013 表2")], "水泥窑窑尾")],
    "coal_mine": [Outlet("DA001", "air", [Limit("PM", 30, "mg/m³", 9, "GB 13271-2014 表3"),
                                          Limit("SO2", 200, "mg/m³", 9, "GB 13271-2014 表3"),
                                          Limit("NOx", 200, "mg/m³", 9, "GB 13271-2014 表3")], "燃煤锅炉"),
                  Outlet("DW001", "water", [Limit("COD", 20, "mg/L", None, "GB 3838-2002 III类"),
                                            Limit("NH3-N", 1.0, "mg/L", None, "GB 3838-2002 III类")], "矿井水排口")],
    "sewage_plant": [Outlet("DW001", "water", [Limit("COD", 50, "mg/L", None, "GB 18918-2002 一级A"),
                                               Limit("NH3-N", 5, "mg/L", None, "GB 18918-2002 一级A"),
                                               Limit("TP", 0.5, "mg/L", None, "GB 18918-2002 一级A")], "总排口")],
    "hazardous_waste": [Outlet("DA001", "air", [Limit("PM", 30, "mg/m³", 11, "GB 18484-2020"),
                                                Limit("SO2", 100, "mg/m³", 11, "GB 18484-2020"),
                                                Limit("NOx", 300, "mg/m³", 11, "GB 18484-2020"),
                                                Limit("CO", 100, "mg/m³", 11, "GB 18484-2020")], "焚烧炉烟囱")],
    "tailings_pond": [Outlet("DW001", "water", [Limit("COD", 20, "mg/L", None, "GB 3838-2002 III类")], "渗滤液排口")],
    "gas_station": [Outlet("DA001", "air", [Limit("VOC", 25000, "mg/m³", None, "GB 20952-2020 处理装置")],
                           "油气处理装置")],
    "radiation": [],
}

NAME_STEMS = {
    "coking": "焦化", "steel": "钢铁", "cement": "水泥", "coal_mine": "煤业", "sewage_plant": "污水处理",
    "hazardous_waste": "危废处置", "tailings_pond": "矿业尾矿库", "gas_station": "加油站", "radiation": "检测",
}
BRANDS = ("恒源", "鑫泰", "瑞达", "金晖", "宏盛", "晋峰", "永昌", "华润", "东方", "聚源", "汇丰", "盛世", "鼎新")
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = ("建国", "海峰", "丽娜", "志强", "晓东", "文静", "国华", "玉梅", "振宇", "秀英", "卫东", "红梅", "立新")


def demo_officers() -> list[Officer]:
    result = [Officer("14110000001", "吕示例", "吕梁市"), Officer("14110000002", "梁演示", "吕梁市")]
    for index, county in enumerate(COUNTIES):
        for n in range(3):
            name = SURNAMES[(index * 3 + n) % len(SURNAMES)] + GIVEN[(index + n * 5) % len(GIVEN)]
            result.append(Officer(f"1411{index + 1:02d}00{n + 1:03d}", name, county))
    return result


def demo_enterprises() -> list[Enterprise]:
    industries = list(NAME_STEMS)
    result = []
    for i in range(44):
        county = COUNTIES[i % len(COUNTIES)]
        industry = industries[i % len(industries)]
        division, lat, lon = COUNTY_INFO[county]
        org = f"MA0D{i:04d}X"
        code = credit_code.complete("91" + division + org[:8] + str(i % 10))
        brand = BRANDS[(i * 7) % len(BRANDS)]
        name = f"{county[:-1] if len(county) > 2 else county}{brand}{NAME_STEMS[industry]}有限公司（演示）"
        result.append(Enterprise(
            id=str(uuid.uuid5(NAMESPACE, code)), name=name, credit_code=code, county=county, industry=industry,
            address=f"山西省吕梁市{county}示例工业园{i + 1}号", legal_rep=SURNAMES[i % len(SURNAMES)] + "某",
            lat=round(lat + ((i * 37) % 21 - 10) * 0.004, 6), lon=round(lon + ((i * 53) % 21 - 10) * 0.004, 6),
            radius_m=800.0 if industry in ("coking", "steel", "coal_mine") else 500.0,
            permit_no=f"{code}001P" if OUTLETS[industry] else "",
            outlets=[Outlet(o.code, o.kind, [Limit(**vars(lim)) for lim in o.limits], o.name)
                     for o in OUTLETS[industry]],
        ))
    return result


def demo_tasks(today: date | None = None) -> list[Task]:
    today = today or date.today()
    kinds = ("random", "complaint", "reform", "routine")
    officers_by_county: dict[str, list[str]] = {}
    for officer in demo_officers():
        officers_by_county.setdefault(officer.unit, []).append(officer.cert_no)
    result = []
    for i, ent in enumerate(demo_enterprises()[:18]):
        kind = kinds[i % len(kinds)]
        result.append(Task(
            id=str(uuid.uuid5(NAMESPACE, f"task-{ent.credit_code}")), kind=kind, enterprise_id=ent.id,
            title=f"{ent.name} {('双随机抽查', '信访核查', '督察整改复查', '日常检查')[i % 4]}",
            officers=officers_by_county[ent.county][:2], due_date=(today + timedelta(days=7 + 3 * i)).isoformat(),
        ))
    return result


def seed(ws: Workspace) -> dict[str, int]:
    """Add whatever demo records are missing; records already present are left as they are."""
    added = {"officers": 0, "enterprises": 0, "tasks": 0}
    with write_transaction(ws.db):
        known = {o.cert_no for o in officers.list_officers(ws.db)}
        for officer in demo_officers():
            if officer.cert_no not in known:
                officers.upsert(ws.db, officer, sync=False)
                added["officers"] += 1
        codes = {row[0] for row in ws.db.execute("SELECT credit_code FROM enterprises")}
        for ent in demo_enterprises():
            if ent.credit_code not in codes:
                enterprises.upsert(ws.db, ent, sync=False)
                added["enterprises"] += 1
        task_ids = {row[0] for row in ws.db.execute("SELECT id FROM tasks")}
        for task in demo_tasks():
            if task.id not in task_ids:
                tasks.save(ws.db, task, sync=False)
                added["tasks"] += 1
    return added
