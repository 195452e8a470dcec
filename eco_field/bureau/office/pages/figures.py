"""Part 5: the year's figures in the console — totals with their definitions, charts by month and by county,
and the XLSX/PDF exports (the same service as `eco-field bureau figures`)."""

from __future__ import annotations

from datetime import date

from fastapi.responses import Response

from eco_field.bureau.office import audit, exports, figure_charts, figures
from eco_field.bureau.office.web import HEADERS, Ctx, page
from eco_field.errors import BadInput
from eco_field.records import COUNTIES

VIEW = ("leader", "admin", "dispatcher", "reviewer")
CHARTED = ("spot_checks", "cases_filed", "fines_yuan", "complaints_received")
audit.LABELS.update({"figures_exported": "导出年度统计"})


def _scope(ctx: Ctx) -> tuple[int, str | None]:
    query = ctx.request.query_params
    try:
        year = int(query.get("year") or date.today().year)
    except ValueError as exc:
        raise BadInput("dispatch.bad_year", year=query.get("year")) from exc
    if not 2000 <= year <= 2100:
        raise BadInput("dispatch.bad_year", year=year)
    county = query.get("county") or None
    if county and county not in COUNTIES:
        raise BadInput("dispatch.unknown_county", county=county)
    return year, county


@page("/figures", roles=VIEW, title="年度统计", nav=True, order=45)
def figures_page(ctx: Ctx):
    year, county = _scope(ctx)
    data = figures.figures(ctx.office, year, county)
    key = ctx.request.query_params.get("chart") or "spot_checks"
    key = key if key in figures.KEYS else "spot_checks"
    by_month = figure_charts.bars(f"{figures.LABELS[key]} · 按月", {m[5:] + "月": v[key] for m, v in data["by_month"].items()})
    by_county = figure_charts.bars(f"{figures.LABELS[key]} · 按区县", {c: v[key] for c, v in data["by_county"].items()})
    return ctx.render("figures.html", title="年度统计", data=data, keys=figures.KEYS, labels=figures.LABELS,
                      definitions=figures.DEFINITIONS, year=year, county=county, counties=COUNTIES, chart_key=key,
                      charts=[by_month, by_county], charted=figures.KEYS)


@page("/figures/export", roles=VIEW, title="年度统计")
def figures_export(ctx: Ctx):
    year, county = _scope(ctx)
    data = figures.figures(ctx.office, year, county)
    kind = ctx.request.query_params.get("format", "xlsx")
    ctx.audit("figures_exported", target=str(year), county=county or "", format=kind)
    name = f"figures-{year}{'-' + county if county else ''}"
    if kind == "pdf":
        return Response(exports.figures_pdf(data), media_type="application/pdf",
                        headers={**HEADERS, "Content-Disposition": f"attachment; filename*=UTF-8''{_quote(name)}.pdf"})
    return Response(exports.figures_xlsx(data), media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    headers={**HEADERS, "Content-Disposition": f"attachment; filename*=UTF-8''{_quote(name)}.xlsx"})


def _quote(name: str) -> str:
    from urllib.parse import quote

    return quote(name)
