"""Bar charts of the figures for the console, computed here and drawn by the template as inline SVG (no
script, no style attribute: the console's CSP allows neither)."""

from __future__ import annotations

from typing import Any

WIDTH, HEIGHT, LEFT, BOTTOM, TOP = 600, 200, 44, 30, 30


def _nice_top(value: float) -> float:
    if value <= 0:
        return 1
    step = 10 ** (len(str(int(value))) - 1)
    for m in (1, 2, 2.5, 5, 10):
        if value <= m * step:
            return m * step
    return 10 * step


def bars(title: str, values: dict[str, float], short: bool = False) -> dict[str, Any]:
    """title, bars [{x, y, w, h, label, value, text}], ticks [{y, text}], width/height of the SVG."""
    top = _nice_top(max(values.values(), default=0))
    inner_w, inner_h = WIDTH - LEFT - 8, HEIGHT - BOTTOM - TOP
    n = max(len(values), 1)
    slot = inner_w / n
    out = []
    for i, (label, value) in enumerate(values.items()):
        h = inner_h * (value / top) if top else 0
        text = f"{value:,.0f}" if value >= 100 or float(value).is_integer() else f"{value:,.2f}"
        out.append({"x": round(LEFT + i * slot + slot * 0.18, 1), "w": round(slot * 0.64, 1),
                    "y": round(TOP + inner_h - h, 1), "h": round(h, 1), "value": value, "text": text,
                    "label": label[-2:] if short else label, "cx": round(LEFT + (i + 0.5) * slot, 1)})
    ticks = [{"y": round(TOP + inner_h * (1 - f), 1), "text": f"{top * f:,.0f}" if top >= 4 else f"{top * f:g}"}
             for f in (0, 0.5, 1)]
    return {"title": title, "bars": out, "ticks": ticks, "width": WIDTH, "height": HEIGHT, "left": LEFT,
            "base": TOP + inner_h, "right": WIDTH - 8}
