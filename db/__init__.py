"""The Alembic environment and revisions; installed as `workbench._migrations` (setup.py)."""
