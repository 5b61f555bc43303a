"""Why a file could not be read: one sentence an analyst can act on."""


class ExtractionError(Exception):
    """A file (or one entry of it) cannot become an article; the message says why."""
