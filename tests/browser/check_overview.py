#!/usr/bin/env python3
"""Checks the overview page as headless Chromium rendered it against acta's CSV files.

Usage: check_overview.py OUT_DIR DOM_FILE CONSOLE_LOG FILTER

- every chart is present, with as many bars as rows in its data table;
- every number shown (totals, bars, data tables) equals the count computed here from the CSV files;
- the page's script ran: the speakers table, filtered by FILTER from the URL, shows as many rows
  as the CSV speakers whose cells contain every word of FILTER;
- the browser logged no console message (the page logs none; an error would show here).
Exits 1 and says what differs otherwise.
"""

import csv
import sys
from collections import Counter, defaultdict
from html.parser import HTMLParser

CHARTS = [
    "reports-by-language",
    "reports-over-time",
    "speakers-by-country",
    "stakeholder-groups",
    "panels-by-share-of-women",
    "top-ministries",
    "top-organizations",
]
MAX_MONTHS = 36


class Page(HTMLParser):
    """Collects the bars of each chart, the rows of each data table, totals and the speaker count."""

    def __init__(self):
        super().__init__()
        self.section = None
        self.bars = defaultdict(list)
        self.tables = defaultdict(list)
        self.table = None
        self.cells = None
        self.cell_text = None
        self.totals = {}
        self.shown = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "section" and a.get("class") == "chart":
            self.section = a.get("id")
        if tag == "g" and a.get("class") == "bar" and self.section:
            self.bars[self.section].append((a["data-label"], int(a["data-value"])))
        if tag == "table" and "data-chart" in a:
            self.table = a["data-chart"]
        if tag == "tr" and self.table:
            self.cells = []
        if tag in ("td", "th") and self.cells is not None:
            self.cell_text = ""
        if tag == "span" and a.get("id", "").startswith("total-"):
            self.totals[a["id"]] = int(a["data-value"])
        if tag == "span" and a.get("id") == "speaker-count" and "data-shown" in a:
            self.shown = int(a["data-shown"])

    def handle_data(self, data):
        if self.cell_text is not None:
            self.cell_text += data

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell_text is not None:
            self.cells.append(self.cell_text)
            self.cell_text = None
        if tag == "tr" and self.cells is not None:
            if len(self.cells) == 2 and self.cells[1].strip().isdigit():
                self.tables[self.table].append((self.cells[0], int(self.cells[1])))
            self.cells = None
        if tag == "table":
            self.table = None


def read(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def top(counter, n):
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0].encode()))[:n]


def expected(out):
    reports, speakers, entities, errors = (read(f"{out}/{t}.csv") for t in ("reports", "speakers", "entities", "errors"))
    want = {}
    want["reports-by-language"] = top(Counter(r["language"] or "unknown" for r in reports), 10**6)
    dated = [r["date"] for r in reports if len(r["date"]) >= 7]
    width = 4 if len({d[:7] for d in dated}) > MAX_MONTHS else 7
    want["reports-over-time"] = sorted(Counter(d[:width] for d in dated).items())
    want["speakers-by-country"] = top(Counter(s["country"] for s in speakers if s["country"]), 25)
    want["stakeholder-groups"] = top(
        Counter(s["stakeholder_group"].replace("_", " ") or "unknown" for s in speakers), 10**6
    )
    panels = defaultdict(lambda: [0, 0])
    for s in speakers:
        panels[s["report_id"]][0] += s["gender"] == "female"
        panels[s["report_id"]][1] += s["gender"] != ""
    buckets = Counter()
    for women, known in panels.values():
        if known == 0:
            buckets["no gender stated"] += 1
        elif women == 0:
            buckets["no women"] += 1
        elif women * 3 < known:
            buckets["under a third"] += 1
        elif women * 3 < known * 2:
            buckets["a third to two thirds"] += 1
        elif women < known:
            buckets["over two thirds"] += 1
        else:
            buckets["only women"] += 1
    order = ["no women", "under a third", "a third to two thirds", "over two thirds", "only women", "no gender stated"]
    want["panels-by-share-of-women"] = [(b, buckets[b]) for b in order]
    for chart, kind in (("top-ministries", "ministry"), ("top-organizations", "organization")):
        reports_naming = defaultdict(set)
        for e in entities:
            if e["kind"] == kind:
                reports_naming[e["canonical"]].add(e["report_id"])
        want[chart] = top(Counter({k: len(v) for k, v in reports_naming.items()}), 15)
    totals = {"total-reports": len(reports), "total-speakers": len(speakers), "total-errors": len(errors)}
    return want, totals, speakers, reports


def label_key(chart, label):
    # Country bars read "BR Brazil": the code is what the CSV holds.
    return label.split(" ")[0] if chart == "speakers-by-country" else label


def main():
    out, dom_file, console_log, filter_words = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
    page = Page()
    with open(dom_file, encoding="utf-8") as f:
        page.feed(f.read())
    want, totals, speakers, reports = expected(out)
    problems = []
    for chart in CHARTS:
        got_bars = [(label_key(chart, l), v) for l, v in page.bars.get(chart, [])]
        got_table = [(label_key(chart, l), v) for l, v in page.tables.get(chart, [])]
        if chart not in page.bars and want[chart]:
            problems.append(f"{chart}: no chart on the page")
        if got_bars != want[chart]:
            problems.append(f"{chart}: bars {got_bars[:5]}... but the CSV files give {want[chart][:5]}...")
        if got_table != got_bars:
            problems.append(f"{chart}: its data table differs from its bars")
        print(f"{chart:<26} {len(got_bars):>3} bars, {sum(v for _, v in got_bars):>5} in all: "
              f"{'as in the CSV files' if got_bars == want[chart] else 'DIFFERENT'}")
    for key, value in totals.items():
        if page.totals.get(key) != value:
            problems.append(f"{key}: page says {page.totals.get(key)}, CSV files {value}")
    titles = {r["id"]: r["title"] or r["id"] for r in reports}
    words = filter_words.lower().split()
    matching = sum(
        all(w in "".join([s["name"], s["role"], s["organization"], s["country"], s["session_roles"], titles[s["report_id"]]]).lower() for w in words)
        for s in speakers
    )
    if page.shown != matching:
        problems.append(f"speaker filter {filter_words!r}: the page shows {page.shown} rows, the CSV has {matching}")
    print(f"speaker filter {filter_words!r}: {page.shown} of {len(speakers)} rows shown, {matching} expected")
    with open(console_log, encoding="utf-8", errors="replace") as f:
        console = [l for l in f if "CONSOLE" in l or "Uncaught" in l]
    # The page logs nothing by design, and Chromium's log does not say a message's level: any
    # console message (console.error, an uncaught exception...) fails the check.
    if console:
        problems.append("console messages: " + " | ".join(c.strip() for c in console[:5]))
    print(f"console: {len(console)} messages")
    for p in problems:
        print("FAIL:", p)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
