"""Import needs no network: nothing opens a socket, in this process or in the workers."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from tests.ingest import makers
from workbench.ingest.batch import forbid_network
from workbench.services import Project
from workbench.services.importing import import_paths


def test_every_format_imports_with_sockets_blocked(
    project: Project, tmp_path: Path, corpus: Path, libraries_loaded: None, socket_disabled: None
) -> None:
    """Pages with remote images and scripts, feeds, e-mail, PDF and Word import offline."""
    files = {
        "page.html": (corpus / "seed" / "putin-iran-deftechtimes.html").read_bytes(),
        "wire.rss": makers.RSS.format(broken="").encode(),
        "desk.eml": makers.eml_bytes(html_only=True),
        "brief.docx": makers.docx_bytes(),
        "report.pdf": makers.pdf_bytes(["Talks stall in Vienna."]),
        "saved.mhtml": makers.mhtml_bytes(b"<html><body><p>Archived story text.</p></body></html>"),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    summary = import_paths(project, [tmp_path], workers=1)
    assert summary.failures == []
    assert len(summary.imported) == 7


def test_workers_cannot_open_connections(monkeypatch: pytest.MonkeyPatch) -> None:
    """The guard each extraction worker runs makes any connection attempt fail."""
    for name in ("connect", "connect_ex"):
        monkeypatch.setattr(socket.socket, name, getattr(socket.socket, name))
    for name in ("create_connection", "getaddrinfo"):
        monkeypatch.setattr(socket, name, getattr(socket, name))
    forbid_network()
    with pytest.raises(OSError, match="the importer does not use the network"):
        socket.create_connection(("192.0.2.1", 80), timeout=1)
