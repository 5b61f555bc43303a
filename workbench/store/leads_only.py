"""Only a lead deletes what others made: the shared store's own rule, not only the window's.

On PostgreSQL a BEFORE DELETE trigger on each record table (`RECORD_TABLES`: what an analyst
makes as a whole) looks up who created the row (`row_versions`) and refuses the delete when
the deleting role is one of the case's analysts (a member of `<case>_analyst`, not of
`<case>_lead`) and someone else created it: whatever the client, the workbench, psql or a
script, and a delete by cascade (an article taking a colleague's claims with it) alike. The
case's owner, outside the team, and its leads may. A merge deletes the record merged away,
so the same rule covers merging. The refusal carries the table, the row and its creator in
the error's fields, and `refusal()` turns it into the analyst's words.
"""

from __future__ import annotations

from sqlalchemy import Connection

from workbench.store.provenance import noun

# The records an analyst makes as a whole; deleting (or merging away) another's is for leads.
RECORD_TABLES = (
    "articles",
    "claims",
    "sources",
    "actors",
    "events",
    "notes",
    "hypotheses",
)
SQLSTATE = "WB403"  # the trigger's own error code (class WB: the workbench's)
FUNCTION = "wb_leads_only"
TRIGGER = "wb_leads_only"

_MEMBER_OF = """EXISTS (SELECT 1 FROM pg_auth_members a
      JOIN pg_roles m ON m.oid = a.member JOIN pg_roles g ON g.oid = a.roleid
      WHERE m.rolname = current_user AND g.rolname = left(current_database() || '_{role}', 63))"""

_ANALYST, _LEAD = _MEMBER_OF.format(role="analyst"), _MEMBER_OF.format(role="lead")
_FUNCTION_SQL = f"""
CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  creator text;
BEGIN
  SELECT created_by INTO creator FROM row_versions
    WHERE table_name = TG_TABLE_NAME AND row_key = OLD.id::text;
  IF creator IS NOT NULL AND creator <> '' AND creator <> current_user
     AND {_ANALYST} AND NOT {_LEAD} THEN
    RAISE EXCEPTION USING
      ERRCODE = '{SQLSTATE}',
      MESSAGE = 'only a lead may delete ' || TG_TABLE_NAME || ' ' || OLD.id || ': '
                || creator || ' created it',
      TABLE = TG_TABLE_NAME, DETAIL = creator, HINT = OLD.id::text;
  END IF;
  RETURN OLD;
END $$
"""


def install(connection: Connection) -> None:
    """The rule's function and its trigger on every record table (PostgreSQL)."""
    connection.exec_driver_sql(_FUNCTION_SQL)
    for table in RECORD_TABLES:
        connection.exec_driver_sql(
            f'CREATE OR REPLACE TRIGGER {TRIGGER} BEFORE DELETE ON "{table}"'
            f" FOR EACH ROW EXECUTE FUNCTION {FUNCTION}()"
        )


def refusal(error: BaseException) -> str | None:
    """For the database's refusal of a delete, the one line to show; None for other errors."""
    if getattr(error, "sqlstate", None) != SQLSTATE:
        return None
    diag = getattr(error, "diag", None)
    table = getattr(diag, "table_name", None) or "record"
    key = getattr(diag, "message_hint", None) or "?"
    creator = getattr(diag, "message_detail", None) or "a colleague"
    return (
        f"only a lead may delete or merge records others made: {noun(table)} {key} was created"
        f" by {creator}; nothing was changed"
    )
