"""`copydesk audit-report`: one HTML page summing up an audit's results.

The chart of findings by month is drawn by Bokeh, with its JavaScript
inlined, so the page opens without a network; the rest is a Jinja2
template (autoescaped: document ids, texts and messages come from the
archive).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, cast

from jinja2 import Environment, PackageLoader, select_autoescape

from lint.audit.runner import MANIFEST
from lint.audit.summary import AuditSummary, summarise


def render_page(results: Path) -> str:
    """The summary page of a results folder."""
    summary = summarise(results)
    try:
        source = json.loads((results / MANIFEST).read_text(encoding="utf-8"))["source"]
    except (OSError, ValueError, KeyError):
        source = str(results)
    chart = month_chart(summary)
    environment = Environment(loader=PackageLoader("lint.audit", "templates"),
                              autoescape=select_autoescape(["html", "j2"]))
    return environment.get_template("summary.html.j2").render(
        summary=summary, source=source, **chart)


def month_chart(summary: AuditSummary) -> dict:
    """The Bokeh chart of findings (and documents) by month; nothing without dates."""
    if not summary.by_month:
        return {"chart_resources": "", "chart_div": "", "chart_script": ""}
    from bokeh.embed import components
    from bokeh.models import ColumnDataSource, HoverTool
    from bokeh.plotting import figure
    from bokeh.resources import INLINE

    months = [m for m, _, _ in summary.by_month]
    data = ColumnDataSource({"month": months, "findings": [f for _, f, _ in summary.by_month],
                             "documents": [d for _, _, d in summary.by_month],
                             "per_document": [round(f / d, 2) if d else 0 for _, f, d in summary.by_month]})
    chart = figure(x_range=cast(Any, months), height=320, sizing_mode="stretch_width", toolbar_location=None,
                   y_axis_label="findings")
    chart.vbar(x="month", top="findings", width=0.8, source=data, color="#4a78a8")
    chart.add_tools(HoverTool(tooltips=[("month", "@month"), ("findings", "@findings"),
                                        ("documents", "@documents"), ("per document", "@per_document")]))
    chart.xaxis.major_label_orientation = 1.0
    cast(Any, chart.y_range).start = 0
    script, div = components(chart)
    return {"chart_resources": INLINE.render(), "chart_div": div, "chart_script": script}
