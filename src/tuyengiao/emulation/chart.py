"""An inline SVG bar chart of commendations per year (no script, no library)."""

from __future__ import annotations

from django.utils.html import escape


def year_bars(years: list[int], series: list[tuple[str, list[int]]]) -> str:
    totals = [sum(counts[i] for _name, counts in series) for i in range(len(years))]
    if not years:
        return ""
    top = max(totals) or 1
    bar, gap, height = 36, 18, 160
    width = len(years) * (bar + gap) + gap
    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {width} {height + 40}" width="{width}" '
        f'height="{height + 40}" aria-label="Số khen thưởng theo năm">'
    ]
    for i, (year, total) in enumerate(zip(years, totals, strict=True)):
        h = round(height * total / top)
        x = gap + i * (bar + gap)
        parts.append(
            f'<rect x="{x}" y="{height - h + 10}" width="{bar}" height="{h}" fill="#b71c1c">'
            f"<title>{year}: {total}</title></rect>"
            f'<text x="{x + bar / 2}" y="{height - h + 6}" text-anchor="middle" '
            f'font-size="12">{total}</text>'
            f'<text x="{x + bar / 2}" y="{height + 28}" text-anchor="middle" '
            f'font-size="12">{escape(str(year))}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
