"""Command-line commands, one module per area; each module's `register` adds its commands."""


class CommandError(Exception):
    """A command could not do what was asked; the CLI shows the message as one line."""
