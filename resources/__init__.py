"""Icons, desktop files, report templates, fonts and the sample project's material; installed as
`workbench._resources` (setup.py) and read through `workbench.resources`."""
