"""Where a project file's search index lives, by the file's identity, not by one of its names.

The index is `<project>.index` beside the project's real path (symlinks resolved). A hard
link is another name of the same file (same device and inode, the identity the single-writer
lock also takes): it must use the same index, or two indexes would share one outbox, each
missing what the other drained and going silently stale. So the index folder each file uses
is noted by the file's identity in the user's cache, and another name of the file finds it
there — only while the noted name is still that very file (so a new file that happens to
reuse a deleted file's inode never takes over its index). A project renamed, moved or copied
is found at its new name with no index beside it: the index is rebuilt, and the search says so
("the search index is missing; it was rebuilt from the project …").
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from platformdirs import user_cache_dir

NOTES_VARIABLE = "WORKBENCH_INDEX_NOTES"  # another folder for the notes (the test suite's)


def registry_folder() -> Path:
    chosen = os.environ.get(NOTES_VARIABLE)
    return (
        Path(chosen)
        if chosen
        else Path(user_cache_dir("analyst-workbench")) / "indexes" / "by-file"
    )


def file_identity(path: Path) -> str:
    """ "device-inode" of the file behind `path`."""
    status = os.stat(path)
    return f"{status.st_dev}-{status.st_ino}"


def index_home(project: Path, *, record: bool) -> Path:
    """The index folder of the project file at `project` (its real path); `record`: note it
    for the file's other names (only when the project is open for writing)."""
    own = project.with_name(project.name + ".index")
    try:
        identity = file_identity(project)
    except OSError:
        return own
    chosen = _shared_home(identity, project) or own
    if record:
        _note(identity, project, chosen)
    return chosen


def _shared_home(identity: str, project: Path) -> Path | None:
    """The index of another name of this very file, if it has one."""
    try:
        noted = json.loads(_note_path(identity).read_text(encoding="utf-8"))
        earlier, folder = Path(noted["project"]), Path(noted["index"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if earlier == project or not folder.is_dir():
        return None
    try:
        return folder if os.path.samefile(earlier, project) else None
    except OSError:  # the earlier name is gone: nothing to share
        return None


def _note_path(identity: str) -> Path:
    return registry_folder() / f"{identity}.json"


def _note(identity: str, project: Path, folder: Path) -> None:
    """Remember the folder for this identity (best effort: a cache that cannot be written
    only means another name of the file would build an index of its own)."""
    note = _note_path(identity)
    try:
        note.parent.mkdir(parents=True, exist_ok=True)
        partial = note.with_name(f"{note.name}.{os.getpid()}.partial")
        partial.write_text(json.dumps({"project": str(project), "index": str(folder)}), "utf-8")
        partial.replace(note)
    except OSError:
        return
