"""Reading our own pages in tests: radios, charts, tables and report cells."""

from html.parser import HTMLParser


class _Inputs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.inputs = []

    def handle_starttag(self, tag, attrs):
        if tag == "input":
            self.inputs.append(dict(attrs))


def checked_value(page: str, name: str) -> str | None:
    """The value of the checked radio called `name` in an HTML page, if any."""
    parser = _Inputs()
    parser.feed(page)
    chosen = [i["value"] for i in parser.inputs if i.get("name") == name and "checked" in i]
    return chosen[0] if chosen else None


class ChartAndTables(HTMLParser):
    """Collects chart bars (data-chart → [(row, series, value)]) and table cells."""

    def __init__(self):
        super().__init__()
        self.chart = None
        self.bars: dict[str, list[tuple[str, str, str]]] = {}
        self.table = None
        self.tables: dict[str, list[list[str]]] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "svg" and "data-chart" in attrs:
            self.chart = attrs["data-chart"]
            self.bars[self.chart] = []
        elif tag == "rect" and self.chart and "data-series" in attrs:
            self.bars[self.chart].append(
                (attrs["data-row"], attrs["data-series"], attrs["data-value"])
            )
        elif tag == "table" and "data-table" in attrs:
            self.table = attrs["data-table"]
            self.tables[self.table] = []
        elif tag == "tr" and self.table:
            self.tables[self.table].append([])
        elif tag in {"td"} and self.table and "data-value" in attrs:
            self.tables[self.table][-1].append(attrs["data-value"])

    def handle_endtag(self, tag):
        if tag == "svg":
            self.chart = None
        elif tag == "table":
            self.table = None


def parse(page: str) -> ChartAndTables:
    parser = ChartAndTables()
    parser.feed(page)
    return parser


class ReportCells(HTMLParser):
    """{statement code: {group: cell text}} and {group: "In this report" text}."""

    def __init__(self):
        super().__init__()
        self.statement = None
        self.group_row = None
        self.cell = None
        self.cells: dict[str, dict[str, str]] = {}
        self.groups: dict[str, list[str]] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "tr" and "data-statement" in attrs:
            self.statement = attrs["data-statement"]
            self.cells[self.statement] = {}
        elif tag == "tr" and "data-group" in attrs:
            self.group_row = attrs["data-group"]
            self.groups[self.group_row] = []
        elif tag == "td" and self.statement and "data-group" in attrs:
            self.cell = attrs["data-group"]
            self.cells[self.statement][self.cell] = ""
        elif tag == "td" and self.group_row:
            self.groups[self.group_row].append("")
            self.cell = "group-row"

    def handle_data(self, data):
        if self.cell == "group-row":
            self.groups[self.group_row][-1] += data.strip()
        elif self.cell:
            self.cells[self.statement][self.cell] += data.strip()

    def handle_endtag(self, tag):
        if tag == "td":
            self.cell = None
        elif tag == "tr":
            self.statement = self.group_row = None


def cells_of(page: str) -> ReportCells:
    parser = ReportCells()
    parser.feed(page)
    return parser
