"""Inline SVG charts for the HTML report (pure functions; no scripts, no network)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

__all__ = ["bar_chart", "histogram", "histogram_bins"]

_FONT = 'font-family="system-ui, sans-serif" font-size="12"'


def _colour(fraction: float) -> str:
    if fraction >= 0.9:
        return "#2e7d32"
    if fraction >= 0.7:
        return "#f9a825"
    return "#c62828"


def bar_chart(rows: Sequence[tuple[str, float, int]], *, title: str, width: int = 640) -> str:
    """Horizontal bars of fractions (0..1): ``rows`` are ``(label, fraction, n)``."""
    label_w, bar_h, gap, top = 140, 20, 8, 28
    plot_w = width - label_w - 90
    height = top + len(rows) * (bar_h + gap) + 24
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{escape(title)}" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" {_FONT}>',
        f'<text x="0" y="16" font-weight="bold">{escape(title)}</text>',
    ]
    for i, (label, frac, n) in enumerate(rows):
        frac = min(max(frac, 0.0), 1.0)
        y = top + i * (bar_h + gap)
        w = round(plot_w * frac, 1)
        parts += [
            f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end">{escape(label)}</text>',
            f'<rect x="{label_w}" y="{y}" width="{plot_w}" height="{bar_h}" fill="#eeeeee"/>',
            f'<rect x="{label_w}" y="{y}" width="{w}" height="{bar_h}" fill="{_colour(frac)}">'
            f"<title>{escape(label)}: {frac:.0%} of {n}</title></rect>",
            f'<text x="{label_w + plot_w + 6}" y="{y + 14}">{frac:.0%} (n={n})</text>',
        ]
    axis_y = top + len(rows) * (bar_h + gap) + 12
    for tick in (0.0, 0.25, 0.5, 0.75, 1.0):
        x = label_w + plot_w * tick
        parts.append(f'<text x="{x:.1f}" y="{axis_y}" text-anchor="middle" fill="#666">{tick:.0%}</text>')
    parts.append("</svg>")
    return "".join(parts)


def histogram_bins(values: Sequence[float], bins: int = 12) -> list[tuple[float, float, int]]:
    """Equal-width bins ``(low, high, count)`` from 0 to the largest value (last bin closed)."""
    if not values:
        return []
    top = max(values) or 1.0
    width = top / bins
    counts = [0] * bins
    for v in values:
        counts[min(int(v / width), bins - 1)] += 1
    return [(i * width, (i + 1) * width, c) for i, c in enumerate(counts)]


def histogram(
    values: Sequence[float], *, title: str, unit: str = "ms", marks: Sequence[tuple[str, float]] = ()
) -> str:
    """A histogram of ``values`` with labelled vertical lines at ``marks`` (e.g. p50, p95)."""
    width, height, left, bottom, top = 640, 250, 40, 36, 44
    plot_w, plot_h = width - left - 40, height - top - bottom
    bins = histogram_bins(values)
    peak = max((c for _, _, c in bins), default=1) or 1
    hi = bins[-1][1] if bins else 1.0
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{escape(title)}" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" {_FONT}>',
        f'<text x="0" y="16" font-weight="bold">{escape(title)}</text>',
    ]
    bw = plot_w / max(len(bins), 1)
    for i, (lo, up, count) in enumerate(bins):
        h = plot_h * count / peak
        x, y = left + i * bw, top + plot_h - h
        parts.append(
            f'<rect x="{x + 1:.1f}" y="{y:.1f}" width="{bw - 2:.1f}" height="{h:.1f}" fill="#1565c0">'
            f"<title>{lo:.0f}-{up:.0f} {unit}: {count}</title></rect>"
        )
        if count:
            parts.append(f'<text x="{x + bw / 2:.1f}" y="{y - 3:.1f}" text-anchor="middle">{count}</text>')
    base = top + plot_h
    parts.append(f'<line x1="{left}" y1="{base}" x2="{left + plot_w}" y2="{base}" stroke="#444"/>')
    for frac in (0.0, 0.25, 0.5, 0.75, 1.0):
        x = left + plot_w * frac
        parts.append(
            f'<text x="{x:.1f}" y="{base + 16}" text-anchor="middle" fill="#666">{hi * frac:.0f}</text>'
        )
    parts.append(
        f'<text x="{left + plot_w}" y="{base + 32}" text-anchor="end" fill="#666">{escape(unit)}</text>'
    )
    for i, (label, value) in enumerate(marks):
        x = left + plot_w * min(value / hi, 1.0)
        parts += [
            f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{base}" stroke="#c62828" '
            'stroke-dasharray="4 3"/>',
            f'<text x="{x + 3:.1f}" y="{top - 14 + 11 * i}" fill="#c62828">'
            f"{escape(label)} {value:.0f}</text>",
        ]
    parts.append("</svg>")
    return "".join(parts)
