"""Suggestions the analyst accepts or rejects: attribution (cue, source, content, chain),
mentions of actors, and dates resolved against the article's publication date.

Plain Python over plain values (the article's text, its publication date, the names the project
already knows); nothing here reads the project or imports Qt. Accepting a suggestion is an ordinary
service call (workbench/services/), so it is undoable and journalled like any edit.
"""
