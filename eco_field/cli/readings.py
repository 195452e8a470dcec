"""`eco-field readings ...`: import instrument exports into an inspection, list and show series."""

from __future__ import annotations

import argparse
from pathlib import Path

from eco_field import messages
from eco_field.cli.output import Progress, add_json_flag, emit, open_workspace, print_json, table
from eco_field.errors import BadInput
from eco_field.readings import limits, pollutants, service

ORDER = 30


def register(commands) -> None:
    group = commands.group("readings", "instrument readings (gas detectors, FID/PID, FTIR, drone payloads)")
    p = commands.command("formats", cmd_formats, "the export formats that can be imported", parent=group)
    add_json_flag(p)
    p = commands.command("import", cmd_import, "import an instrument export into an inspection", parent=group)
    p.add_argument("inspection_id")
    p.add_argument("file", type=Path)
    p.add_argument("--format", dest="fmt", help="importer name (see `readings formats`); default: detected")
    p.add_argument("--outlet", help="outlet code of the inspection's enterprise, e.g. DA001: check its limits")
    p.add_argument("--map", action="append", default=[], metavar="K=V",
                   help="column mapping: time=采样时间, pollutant=气体名称, value=浓度, unit=单位, lat=纬度, "
                        "lon=经度, or a pollutant code to a column (SO2=二氧化硫, SO2=二氧化硫|mg/m3)")
    p.add_argument("--tz", dest="tz", metavar="ZONE",
                   help="time zone of times written without one (Asia/Shanghai, UTC+08:00); replaces the zone the "
                        "file states or the configured one")
    p.add_argument("--time-format", dest="time_format", metavar="FMT",
                   help="strptime pattern of the time column, e.g. '%%d/%%m/%%Y %%H:%%M:%%S' (day first)")
    p.add_argument("--profile", help="use a saved column mapping")
    p.add_argument("--save-profile", metavar="NAME", help="save the --map entries under this name")
    add_json_flag(p)
    p = commands.command("list", cmd_list, "the reading series of an inspection", parent=group)
    p.add_argument("inspection_id")
    add_json_flag(p)
    p = commands.command("show", cmd_show, "one reading series", parent=group)
    p.add_argument("series_id")
    p.add_argument("--samples", action="store_true", help="include every sample")
    add_json_flag(p)
    p = commands.command("profiles", cmd_profiles, "saved column mappings", parent=group)
    add_json_flag(p)


def cmd_formats(args: argparse.Namespace) -> int:
    items = service.formats()
    emit(args, items, lambda: table([(f["name"], _format_text(f)) for f in items],
                                    ["readings.col.format_name", "readings.col.format_text"]))
    return 0


def _format_text(item: dict) -> str:
    """The format's name in Chinese (the catalog's); in English its fuller description (the module's own)."""
    code = f"readings.format.{item['name']}"
    return messages.text(code) if messages.language() == "zh_CN" and messages.has(code) else item["description"]


def parse_mapping(entries: list[str]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for entry in entries:
        key, sep, value = entry.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise BadInput("readings.map_syntax", entry=entry)
        mapping[key.strip()] = value.strip()
    return mapping


def cmd_import(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        mapping = service.load_profile(ws.db, args.profile) if args.profile else {}
        mapping.update(parse_mapping(args.map))
        if args.save_profile:
            service.save_profile(ws.db, args.save_profile, mapping)
        progress = Progress("samples")
        result = service.import_file(ws, args.inspection_id, args.file, fmt=args.fmt, outlet=args.outlet,
                                     mapping=mapping or None,
                                     progress=lambda done: progress.advance(done - progress.done),
                                     time_zone=args.tz, time_format=args.time_format)
        progress.finish()
    emit(args, result, lambda: _import_text(result))
    return 0


def _format_name(name: str) -> str:
    key = "readings.format." + name
    return messages.text(key) if messages.has(key) else name


def _import_text(result: dict) -> str:
    lines = [messages.text("readings.cli.format", format=_format_name(result["format"]))
             + ("  " + messages.text("readings.cli.already") if result["already_imported"] else "")]
    lines.append(_series_table(result["series"]))
    if result.get("time_basis"):
        lines.append(result["time_basis"])
    lines += [messages.text("readings.cli.warning", text=w) for w in result["warnings"]]
    lines.append(result["screening_note"])
    return "\n".join(lines)


def _series_table(series: list[dict]) -> str:
    rows = [(s["id"], pollutants.label(s["pollutant"]), _statistic(s["statistic"]), s["unit"], s["n"], s["flagged"], s["t_start"], s["t_end"],
             s["min"], s["max"], _fmt(s["mean"]), _limit(s), s["exceed_count"], s["max_exceed_multiple"])
            for s in series]
    return table(rows, ["id", "readings.col.pollutant", "readings.col.statistic", "readings.col.unit", "readings.col.n",
                        "readings.col.flagged", "readings.col.start", "readings.col.end", "readings.col.min",
                        "readings.col.max",
                        "readings.col.mean", "readings.col.limit", "readings.col.exceed", "readings.col.multiple"])


def _statistic(name: str) -> str:
    code = f"readings.statistic.{name}"
    return messages.text(code) if messages.has(code) else name


def _flag(flag: str | None) -> str:
    """An instrument's own marker (OVR, ---, Warning) as it wrote it; ours ("negative") in the language."""
    parts = (flag or "").split(";") if flag else []
    return ";".join(messages.text(f"readings.flag.{p}") if messages.has(f"readings.flag.{p}") else p for p in parts)


def _fmt(value) -> str:
    return "" if value is None else f"{value:.4g}"


def _limit(s: dict) -> str:
    if s["limit"] is None:
        return ""
    o2 = f" @{s['o2_ref']}%O2" if s["o2_ref"] is not None else ""
    evaluation = s.get("evaluation") or {}
    unit = f" {s['limit_unit']}" if s["limit_unit"] else ""
    if evaluation.get("kind") == "min":
        return f"≥{s['limit']:g}{unit}"
    if evaluation.get("kind") == "range":
        return f"{evaluation['low']:g}–{evaluation['high']:g}{unit}"
    return f"{s['limit']:g}{unit}{o2}"


def cmd_list(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        series = service.list_series(ws.db, args.inspection_id)
    emit(args, series, lambda: _series_table(series) if series else messages.text("readings.cli.none"))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        series = service.get_series(ws.db, args.series_id, samples=args.samples)
    if args.json:
        print_json(series)
        return 0
    print(_series_table([series]))
    ins = series["instrument"]
    instrument = " ".join(v for v in (ins["make"], ins["model"], ins["serial"]) if v)
    print(messages.text("readings.cli.sensor", sensor=series["sensor"])
          + (messages.text("readings.cli.instrument", instrument=instrument) if instrument else ""))
    noise = series["meta"].get("noise")
    if noise:
        day, night = noise["day"], noise["night"]
        print(messages.text("readings.cli.noise", leq=noise["leq"], day=_fmt(day["leq"]) or "—", day_n=day["n"],
                            night=_fmt(night["leq"]) or "—", night_n=night["n"]))
    for hour in series["evaluation"].get("hourly", []):
        print(messages.text("readings.cli.hour", hour=hour["hour"], n=hour["n"], mean=hour["mean"],
                            multiple=hour["exceed_multiple"]))
    waiver = series["evaluation"].get("first_violation_waiver")
    if waiver:
        print(limits.waiver_text(waiver))
    for sample in series.get("samples", []):
        converted = sample.get("converted")
        flagged = "" if sample["ok"] else messages.text("readings.cli.flagged") + " "
        print(f"  {sample['line']:>7}  {sample['t']}  {'' if sample['value'] is None else sample['value']}"
              f"  {'' if converted is None else converted}  {flagged}{_flag(sample['flag'])}")
    return 0


def cmd_profiles(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        names = service.profiles(ws.db)
        items = [{"name": n, "mapping": service.load_profile(ws.db, n)} for n in names]
    emit(args, items, lambda: "\n".join(f"{i['name']}: " + " ".join(f"{k}={v}" for k, v in i["mapping"].items())
                                        for i in items) or messages.text("readings.cli.no_profiles"))
    return 0
