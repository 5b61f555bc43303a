"""Analyst Workbench: claims, sources and attribution in news articles."""

__version__ = "0.4.2"
