"""The importer's reading half: files in, `ExtractedDocument`s out (no project, no database).

Readers, one module per format: `webpage` (HTML), `mail` (e-mail, MHTML), `plaintext` (text,
Markdown), `pdf`, `word` (DOCX), `feeds` (RSS/Atom). `extract` picks the reader for a file;
`batch` walks folders and spreads extraction over worker processes; `normalize` holds the
boilerplate rules; `encoding` decodes bytes without guessing; `dedupe` finds near-duplicates.
"""

from workbench.ingest.batch import CollectedFiles, collect_files, extract_all
from workbench.ingest.document import ExtractedDocument, FileExtraction
from workbench.ingest.errors import ExtractionError
from workbench.ingest.extract import SUPPORTED_SUFFIXES, extract_file, extract_pasted

__all__ = [
    "SUPPORTED_SUFFIXES",
    "CollectedFiles",
    "ExtractedDocument",
    "ExtractionError",
    "FileExtraction",
    "collect_files",
    "extract_all",
    "extract_file",
    "extract_pasted",
]
