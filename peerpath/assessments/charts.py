"""Bar charts as SVG geometry. Pure: numbers in, shapes out; the template draws them.

Charts use only SVG attributes (no style), so they pass the Content Security Policy,
print in PDFs, and always sit beside a table with the same numbers for anyone who
cannot see them. Each bar carries its value in `data-value` so tests can check the
picture against the table and the stored ratings.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

WIDTH = 680
LEFT = 8
RIGHT = 56  # room for the value printed after a bar
LABEL_HEIGHT = 22
BAR_HEIGHT = 16
BAR_GAP = 3
ROW_GAP = 14
AXIS_HEIGHT = 28
LABEL_CHARS = 90

# GOV.UK colours with strong contrast to white and to each other.
SERIES_FILLS = ["#1d70b8", "#505a5f", "#b1b4b6", "#912b88", "#f47738", "#00703c"]


@dataclass(frozen=True)
class Bar:
    series: int
    value: float | None
    x: float
    y: float
    width: float
    text: str
    text_x: float
    text_y: float
    fill: str
    name: str


@dataclass(frozen=True)
class Row:
    label: str
    label_y: float
    bars: list[Bar]


@dataclass(frozen=True)
class Tick:
    x: float
    text: str


@dataclass(frozen=True)
class Chart:
    title: str
    width: int
    height: int
    rows: list[Row]
    ticks: list[Tick]
    legend: list[tuple[str, str]]
    axis_y: float
    tick_label_y: float
    plot_left: float
    plot_right: float


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"


def bar_chart(
    *,
    title: str,
    labels: list[str],
    series: list[str],
    values: list[list[float | None]],
    scale_max: int,
    missing_text: str = "–",
) -> Chart:
    """A horizontal grouped bar chart: one row per label, one bar per series.

    `values[row][series]` is a rating average between 0 and `scale_max` (None: no figure).
    """
    plot_left, plot_right = LEFT, WIDTH - RIGHT
    scale = (plot_right - plot_left) / scale_max
    # The last series is the one the chart is about ("this one", "you"): it gets the
    # strongest colour, and earlier ones fade.
    fills = {i: SERIES_FILLS[(len(series) - 1 - i) % len(SERIES_FILLS)] for i in range(len(series))}
    rows, y = [], 0.0
    for label, row_values in zip(labels, values, strict=True):
        label_y = y + LABEL_HEIGHT - 6
        y += LABEL_HEIGHT
        bars = []
        for i, value in enumerate(row_values):
            width = (value or 0) * scale
            text = missing_text if value is None else _number(value)
            bars.append(
                Bar(
                    series=i,
                    value=value,
                    x=plot_left,
                    y=y,
                    width=width,
                    text=text,
                    text_x=plot_left + width + 4,
                    text_y=y + BAR_HEIGHT - 3,
                    fill=fills[i],
                    name=series[i],
                )
            )
            y += BAR_HEIGHT + BAR_GAP
        rows.append(Row(_short(label), label_y, bars))
        y += ROW_GAP
    ticks = [Tick(plot_left + n * scale, str(n)) for n in range(scale_max + 1)]
    legend = [(name, fills[i]) for i, name in enumerate(series)]
    return Chart(
        title=title,
        width=WIDTH,
        height=int(y + AXIS_HEIGHT),
        rows=rows,
        ticks=ticks,
        legend=legend,
        axis_y=y,
        tick_label_y=y + 18,
        plot_left=plot_left,
        plot_right=plot_right,
    )


def _number(value: float) -> str:
    """Whole ratings as "3", averages to one decimal place as "2.7", halves rounded up."""
    if float(value).is_integer():
        return str(int(value))
    rounded = Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return str(rounded)
