"""Hearing a shared store's commits as they happen: PostgreSQL's LISTEN/NOTIFY.

Every unit of work that commits changes to a shared store sends a notification on the feed's
channel (`capture_pg.announce_feed`, delivered at commit). A `FeedListener` keeps one
connection of its own listening on that channel, in a thread, and calls back on each one
(several at once are heard as one). A dropped connection is opened again; a commit missed in
between is still caught up, since the caller reads what is new, not what was announced.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import psycopg
from sqlalchemy import Engine

from workbench.store.capture_pg import FEED_CHANNEL

RETRY_SECONDS = 2.0
WAIT_SECONDS = 0.5


class FeedListener:
    """`FeedListener(engine, heard).start()`; `heard()` runs in the listener's thread."""

    def __init__(self, engine: Engine, heard: Callable[[], object]) -> None:
        url = engine.url.set(drivername="postgresql")
        self._dsn = url.render_as_string(hide_password=False)
        self._heard = heard
        self._stopping = threading.Event()
        self._listening = threading.Event()
        self._thread = threading.Thread(target=self._run, name="feed-listener", daemon=True)

    def start(self, timeout: float = 5.0) -> bool:
        """Start listening; True once the channel is listened to (within `timeout`)."""
        self._thread.start()
        return self._listening.wait(timeout)

    def stop(self) -> None:
        self._stopping.set()
        self._thread.join(WAIT_SECONDS * 4)

    def _run(self) -> None:
        while not self._stopping.is_set():
            try:
                self._listen()
            except psycopg.Error:
                self._listening.clear()
                self._stopping.wait(RETRY_SECONDS)

    def _listen(self) -> None:
        with psycopg.connect(self._dsn, autocommit=True) as connection:
            connection.execute(f"LISTEN {FEED_CHANNEL}")
            self._listening.set()
            self._heard()  # whatever was committed while nobody listened
            while not self._stopping.is_set():
                heard = False
                for _ in connection.notifies(timeout=WAIT_SECONDS, stop_after=1):
                    heard = True
                if heard:
                    self._heard()
