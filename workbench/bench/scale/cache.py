"""The cache of generated cases, kept across schema changes.

A case is named by what made it: `case-<size>-g<generator>-s<schema>.wbproj` was generated at
schema `<schema>`. When the schema moves on, the newest cached case of the same size and
generator is not generated again (minutes at 100,000 articles) but upgraded: a copy of it is
run through the project's own Alembic scripts, exactly as an analyst's older project is, and
kept as `case-<size>-g<generator>-s<schema>-u<head>.wbproj`, so its name still says it was
generated at `<schema>` and upgraded to `<head>`. Cached cases are never deleted here; a new
generator version (its data changed) generates afresh.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

NAME = re.compile(r"^case-(\d+)-g(\d+)-s([^-.]+)(?:-u([^-.]+))?\.wbproj$")
Say = Callable[[str], None]


@dataclass(frozen=True)
class CachedCase:
    """One cached case file and what its name says about it."""

    path: Path
    size: int
    generator: int
    generated_at: str
    upgraded_to: str | None

    @property
    def schema(self) -> str:
        """The schema revision the file is at."""
        return self.upgraded_to or self.generated_at


def case_name(size: int, generator: int, schema: str, upgraded_to: str | None = None) -> str:
    upgraded = f"-u{upgraded_to}" if upgraded_to else ""
    return f"case-{size}-g{generator}-s{schema}{upgraded}.wbproj"


def schema_head() -> str:
    """The one head revision of the project's migrations (a clear error if there are more)."""
    from alembic.script import ScriptDirectory

    from workbench.store.migrations import migrations_dir

    heads = ScriptDirectory(str(migrations_dir())).get_heads()
    if len(heads) != 1:
        raise RuntimeError(
            f"the migrations in db/versions have {len(heads)} heads ({', '.join(sorted(heads))});"
            " a case can be made only for one schema"
        )
    return str(heads[0])


def cached_cases(folder: Path, size: int, generator: int) -> list[CachedCase]:
    """The cached cases of this size made by this generator version."""
    found = []
    for path in folder.glob(f"case-{size}-g{generator}-s*.wbproj"):
        match = NAME.match(path.name)
        if match and int(match[1]) == size and int(match[2]) == generator:
            found.append(CachedCase(path, size, generator, match[3], match[4]))
    return found


def at_head(cases: list[CachedCase], head: str) -> Path | None:
    """A cached case already at `head`, a generated one before an upgraded one."""
    ready = sorted((c for c in cases if c.schema == head), key=lambda c: c.upgraded_to is not None)
    return ready[0].path if ready else None


def upgradable(cases: list[CachedCase], head: str) -> CachedCase | None:
    """The cached case nearest to `head` among those at one of its ancestor revisions."""
    from alembic.script import ScriptDirectory

    from workbench.store.migrations import migrations_dir

    scripts = ScriptDirectory(str(migrations_dir()))
    order = [revision.revision for revision in scripts.walk_revisions("base", head)]
    distance = {revision: steps for steps, revision in enumerate(order)}  # head first
    older = [c for c in cases if c.schema in distance and c.schema != head]
    older.sort(key=lambda c: (distance[c.schema], c.upgraded_to is not None))
    return older[0] if older else None


def upgraded_copy(case: CachedCase, head: str, say: Say) -> Path:
    """A copy of `case` upgraded to `head` by the project's migrations, beside it in the cache."""
    from workbench.store.engine import sqlite_engine
    from workbench.store.migrations import upgrade_to_head

    target = case.path.with_name(case_name(case.size, case.generator, case.generated_at, head))
    partial = target.with_suffix(".partial")
    say(f"  upgrading the cached {case.path.name} to schema {head} (a copy; Alembic)")
    shutil.copyfile(case.path, partial)
    engine = sqlite_engine(partial)
    try:
        upgrade_to_head(engine)
    finally:
        engine.dispose()
    _checkpoint(partial)
    partial.rename(target)
    return target


def _checkpoint(path: Path) -> None:
    """Fold the write-ahead log into the file, so the file alone is the whole case."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
    for leftover in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)
