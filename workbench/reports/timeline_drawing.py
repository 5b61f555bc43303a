"""The timeline as an SVG picture (SVG Tiny 1.2, which Qt draws to PNG), from its layout
(timeline_picture.py): lane names, event bars coloured by kind, the reports track and the
time axis. Each bar's tooltip says the event, its date as precisely as known, and its claims.
"""

from __future__ import annotations

from collections.abc import Iterator
from xml.sax.saxutils import escape

from workbench.reports.safe_text import xml_safe
from workbench.reports.timeline_model import Timeline
from workbench.reports.timeline_picture import (
    BAR,
    FONT_SIZE,
    Bar,
    TimelinePicture,
    fitting_zoom,
    lay_out_timeline,
    short,
)

FONT = "DejaVu Sans, Arial, sans-serif"
KIND_COLOURS = {
    "light": (
        "#2f6fb3",
        "#c26a12",
        "#2e8540",
        "#7b4bb7",
        "#b3261e",
        "#00838f",
        "#8d6e63",
        "#5c6bc0",
    ),
    "dark": (
        "#6ea8e8",
        "#f0a049",
        "#4cc463",
        "#b48ef0",
        "#ff6b6b",
        "#4dd0e1",
        "#bcaaa4",
        "#9fa8da",
    ),
}
COLOURS = {
    "light": {
        "background": "#ffffff",
        "text": "#1f2328",
        "muted": "#6b7785",
        "band": "#f3f5f7",
        "line": "#d0d7de",
        "report": "#2e7d4f",
    },
    "dark": {
        "background": "#1e2126",
        "text": "#e6e8eb",
        "muted": "#9aa6b2",
        "band": "#262a30",
        "line": "#3d444d",
        "report": "#5cc38a",
    },
}
DEFAULT_WIDTH = 1400.0


def kind_colour(kind: str, kinds: list[str], scheme: str) -> str:
    """The colour of an event kind: kinds in order of first appearance, round the palette."""
    colours = KIND_COLOURS[scheme]
    return colours[kinds.index(kind) % len(colours)] if kind in kinds else colours[0]


def timeline_svg(
    timeline: Timeline, lanes_by: str = "kind", scheme: str = "light", width: float = DEFAULT_WIDTH
) -> str:
    """The whole timeline fitted to `width` pixels, as SVG text."""
    return "\n".join(timeline_lines(timeline, lanes_by, scheme, width))


def timeline_lines(
    timeline: Timeline, lanes_by: str = "kind", scheme: str = "light", width: float = DEFAULT_WIDTH
) -> Iterator[str]:
    """`timeline_svg` a line at a time (the palette checked at once)."""
    if scheme not in COLOURS:
        raise ValueError(f"a palette is {' or '.join(COLOURS)}, not {scheme!r}")
    picture = lay_out_timeline(timeline, fitting_zoom(timeline, width), lanes_by)
    return svg_lines(picture, scheme)


def picture_svg(picture: TimelinePicture, scheme: str = "light") -> str:
    return "\n".join(svg_lines(picture, scheme))


def svg_lines(picture: TimelinePicture, scheme: str = "light") -> Iterator[str]:
    """The picture's SVG a line at a time (joined by newlines, `picture_svg`): a report's
    figure is written as it is drawn, never held whole."""
    colours = COLOURS[scheme]
    kinds = list(dict.fromkeys(picture.bar_kinds()))
    w, h = picture.width, picture.height
    yield '<?xml version="1.0" encoding="UTF-8"?>'
    yield (
        f'<svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny" '
        f'width="{w:.0f}" height="{h:.0f}" viewBox="0 0 {w:.1f} {h:.1f}" '
        f'font-family="{FONT}" font-size="{FONT_SIZE:.0f}">'
    )
    yield f'<rect x="0" y="0" width="{w:.1f}" height="{h:.1f}" fill="{colours["background"]}"/>'
    yield from _axis(picture, colours)
    yield from _lanes(picture, colours)
    yield from (
        f'<line x1="{c.start[0]:.1f}" y1="{c.start[1]:.1f}" x2="{c.end[0]:.1f}" '
        f'y2="{c.end[1]:.1f}" stroke="{colours["line"]}" stroke-width="0.8"/>'
        for c in picture.drawn_connectors()
    )
    yield from (
        _bar(bar, kind_colour(bar.event.kind, kinds, scheme), colours) for bar in picture.each_bar()
    )
    yield from _reports(picture, colours)
    yield "</svg>"


def _axis(picture: TimelinePicture, colours: dict[str, str]) -> list[str]:
    parts = []
    for x, label in picture.ticks:
        parts.append(
            f'<line x1="{x:.1f}" y1="18" x2="{x:.1f}" y2="{picture.height - 8:.1f}" '
            f'stroke="{colours["line"]}" stroke-width="0.6"/>'
            f'<text x="{x + 3:.1f}" y="14" fill="{colours["muted"]}">{escape(label)}</text>'
        )
    return parts


def _lanes(picture: TimelinePicture, colours: dict[str, str]) -> list[str]:
    parts = []
    for number, lane in enumerate(picture.lanes):
        if number % 2 == 0:
            parts.append(
                f'<rect x="0" y="{lane.y:.1f}" width="{picture.width:.1f}" '
                f'height="{lane.height:.1f}" fill="{colours["band"]}"/>'
            )
        parts.append(
            f'<text x="8" y="{lane.y + 4 + BAR - 2:.1f}" fill="{colours["text"]}" '
            f'font-weight="bold">{escape(xml_safe(short(lane.name, 24)))}</text>'
        )
    top = picture.reports_y
    parts.append(
        f'<line x1="0" y1="{top - 8:.1f}" x2="{picture.width:.1f}" y2="{top - 8:.1f}" '
        f'stroke="{colours["muted"]}" stroke-width="1"/>'
        f'<text x="8" y="{top + 12:.1f}" fill="{colours["text"]}" font-weight="bold">'
        "Reported</text>"
    )
    return parts


def _bar(bar: Bar, fill: str, colours: dict[str, str]) -> str:
    event = bar.event
    claims = f"{len(event.claims)} claim{'s' if len(event.claims) != 1 else ''}"
    title = escape(xml_safe(f"{event.title} — {event.when} · {event.kind or 'event'} · {claims}"))
    label = (
        f'<text x="{bar.x + bar.width + 4:.1f}" y="{bar.y + BAR - 3:.1f}" '
        f'fill="{colours["text"]}">{escape(xml_safe(bar.label))}</text>'
        if bar.label
        else ""
    )
    return (
        f'<rect x="{bar.x:.1f}" y="{bar.y:.1f}" width="{bar.width:.1f}" height="{BAR:.1f}" '
        f'rx="3" ry="3" fill="{fill}"><title>{title}</title></rect>{label}'
    )


def _reports(picture: TimelinePicture, colours: dict[str, str]) -> Iterator[str]:
    """Each article's mark, from the marks' columns (no ReportMark made)."""
    marks = picture.marks
    track, labels, fill, text = marks.track, marks.labels, colours["report"], colours["text"]
    claims = track.claims.tolist()
    for number, (x, y) in enumerate(zip(marks.x.tolist(), marks.y.tolist(), strict=True)):
        said = f"{track.title(number)} — {claims[number]} claims about these events"
        yield (
            f'<polygon points="{x:.1f},{y - 6:.1f} {x + 6:.1f},{y:.1f} {x:.1f},{y + 6:.1f} '
            f'{x - 6:.1f},{y:.1f}" fill="{fill}"><title>{escape(xml_safe(said))}</title></polygon>'
        )
        label = labels.get(number)
        if label:
            yield (
                f'<text x="{x + 9:.1f}" y="{y + 4:.1f}" fill="{text}">'
                f"{escape(xml_safe(label))}</text>"
            )
