"""Small charts as inline SVG rendered on the server (no script, no CDN); every label is escaped."""
from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

from markupsafe import Markup, escape

WIDTH = 640  # horizontal bar charts
COLUMNS_WIDTH = 960  # time series: wide and short
BAR_HEIGHT = 22


def fmt_number(value: float | None) -> str:
    """Indonesian style: dot groups thousands, comma is the decimal mark."""
    if value is None:
        return "–"
    if not math.isfinite(value):
        return str(value)
    if value == int(value):
        return f"{int(value):,}".replace(",", ".")
    return f"{value:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")


def column_chart(points: Sequence[tuple[str, float]], title: str, height: int = 180,
                 css_class: str = "chart chart-columns") -> Markup:
    """Vertical bars over time (label, value), oldest first; axis labels on the first and last column."""
    if not points:
        return Markup('<p class="chart-empty">No data for this chart.</p>')
    top = max(value for _, value in points) or 1
    plot_h = height - 30
    step = min(COLUMNS_WIDTH / len(points), 60.0)  # few points: narrow columns from the left, not slabs
    bar_w = max(step * 0.8, 1.0)
    bars = []
    for i, (label, value) in enumerate(points):
        h = max(plot_h * value / top, 1.0 if value else 0.0)
        x, y = i * step + (step - bar_w) / 2, 10 + plot_h - h
        bars.append(f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}">'
                    f"<title>{escape(label)}: {escape(fmt_number(value))}</title></rect>")
    axis = [f'<text class="axis" x="0" y="{height - 4}">{escape(points[0][0])}</text>']
    if len(points) > 1:
        right = max(step * len(points), 160.0)
        axis.append(f'<text class="axis" x="{right:.1f}" y="{height - 4}" text-anchor="end">{escape(points[-1][0])}</text>')
    axis.append(f'<text class="axis" x="{COLUMNS_WIDTH}" y="10" text-anchor="end">max {escape(fmt_number(top))}</text>')
    return Markup(
        f'<svg class="{escape(css_class)}" role="img" aria-label="{escape(title)}" viewBox="0 0 {COLUMNS_WIDTH} {height}">'
        f'<title>{escape(title)}</title>{"".join(bars)}{"".join(axis)}</svg>'
    )


def bar_chart(rows: Sequence[tuple[str, float]], title: str, css_class: str = "chart chart-bars",
              links: Sequence[str | None] = ()) -> Markup:
    """Horizontal bars (label, value), largest first as given, the value at the end; labels link where given."""
    if not rows:
        return Markup('<p class="chart-empty">No data for this chart.</p>')
    top = max(value for _, value in rows) or 1
    label_w, value_w = 200, 90
    plot_w = WIDTH - label_w - value_w
    height = BAR_HEIGHT * len(rows)
    parts = []
    for i, (label, value) in enumerate(rows):
        y = i * BAR_HEIGHT
        w = max(plot_w * value / top, 1.0 if value else 0.0)
        short = label if len(label) <= 24 else label[:23] + "…"
        text = f'<text class="label" x="{label_w - 6}" y="{y + 15}" text-anchor="end">{escape(short)}</text>'
        link = links[i] if i < len(links) else None
        parts.append(
            (f'<a href="{escape(link)}">{text}</a>' if link else text) +
            f'<rect class="bar" x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{BAR_HEIGHT - 6}">'
            f"<title>{escape(label)}: {escape(fmt_number(value))}</title></rect>"
            f'<text class="value" x="{label_w + w + 4:.1f}" y="{y + 15}">{escape(fmt_number(value))}</text>'
        )
    return Markup(
        f'<svg class="{escape(css_class)}" role="img" aria-label="{escape(title)}" viewBox="0 0 {WIDTH} {height}">'
        f'<title>{escape(title)}</title>{"".join(parts)}</svg>'
    )


def continuous(points: Sequence[tuple[str, float]], max_days: int = 120) -> list[tuple[str, float]]:
    """Day counts (YYYY-MM-DD, n) with the missing days as zeros; per month when they span more than `max_days`."""
    days: dict[dt.date, float] = {}
    for key, value in points:
        try:
            days[dt.date.fromisoformat(key)] = days.get(dt.date.fromisoformat(key), 0) + value
        except (TypeError, ValueError):
            continue
    if not days:
        return []
    first, last = min(days), max(days)
    if (last - first).days <= max_days:
        return [((first + dt.timedelta(n)).isoformat(), days.get(first + dt.timedelta(n), 0))
                for n in range((last - first).days + 1)]
    months: dict[str, float] = {}
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months[f"{year:04d}-{month:02d}"] = 0
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    for day, value in days.items():
        months[day.isoformat()[:7]] += value
    return list(months.items())
