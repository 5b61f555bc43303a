"""The sources and actors of an exchange import, matched by name key in sets and added in bulk.

Every name and alias the project knows is read once, when the import starts (one query per
table), as `name_key → id`; a name in the file is then matched without a query, and a new
source or actor (with its aliases) is gathered as rows for `exchange_bulk`, checked as
`services.entities` checks what an analyst types.
"""

from __future__ import annotations

from sqlalchemy import select

from workbench.domain.name_keys import name_key
from workbench.services import entities
from workbench.services.exchange_bulk import BulkRows
from workbench.services.names import NAMED, clean_name

ALIAS_TABLES = {"source": "source_aliases", "actor": "actor_aliases"}


class NameBook:
    """Names and aliases of sources and actors, the project's and this import's, by key."""

    def __init__(self, bulk: BulkRows) -> None:
        self.bulk = bulk
        self.keys: dict[str, dict[str, int]] = {}
        for kind, (model, alias_model, owner) in NAMED.items():
            owners = getattr(alias_model, owner)
            aliases = bulk.batches.session.execute(select(alias_model.name_key, owners))
            names = bulk.batches.session.execute(select(model.name_key, model.id))
            self.keys[kind] = {key: id_ for key, id_ in [*aliases, *names]}

    def find(self, kind: str, name: str) -> int | None:
        """The source or actor whose name or alias is `name` in any case."""
        return self.keys[kind].get(name_key(name))

    def add(
        self, kind: str, name: str, fields: dict[str, str], aliases: tuple[str, ...]
    ) -> tuple[int, list[str]]:
        """A new source or actor; returns its id and the aliases left out (and why)."""
        name = clean_name(name, kind)
        row = {
            "name": name,
            "kind": entities.vocabulary_value(kind, fields["kind"]),
            "reliability": entities.reliability_grade(fields["reliability"]),
            "description": fields["description"].strip(),
        }
        record_id = self.bulk.new_id(f"{kind}s")
        self.bulk.add(f"{kind}s", {"id": record_id, **row})
        self.keys[kind][name_key(name)] = record_id
        return record_id, self._aliases(kind, record_id, aliases)

    def _aliases(self, kind: str, record_id: int, aliases: tuple[str, ...]) -> list[str]:
        left_out = []
        for alias in aliases:
            alias = clean_name(alias, f"{kind} alias")
            owner = self.keys[kind].get(name_key(alias))
            if owner is None:
                self.keys[kind][name_key(alias)] = record_id
                row = {"name": alias, f"{kind}_id": record_id}
                self.bulk.add(ALIAS_TABLES[kind], row)
            elif owner != record_id:
                left_out.append(f"alias “{alias}” is already another {kind}'s name")
        return left_out
