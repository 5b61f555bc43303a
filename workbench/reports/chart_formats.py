"""The files the link chart and the timeline are written as (light: the command line's parser
reads it)."""

CHART_FORMATS = ("graphml", "gexf", "svg", "png")
TIMELINE_FORMATS = ("svg", "png", "csv")
