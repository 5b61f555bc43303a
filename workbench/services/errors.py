"""Errors a use case reports to the analyst: one clear sentence, nothing stored."""

from workbench.store.errors import ProjectError


class InvalidInput(ProjectError):
    """The request cannot be carried out as given (an empty selection, a grade of 9...)."""


class DuplicateArticle(ProjectError):
    """The same content is already in the project."""

    def __init__(self, message: str, existing_id: int) -> None:
        super().__init__(message)
        self.existing_id = existing_id


class NameTaken(ProjectError):
    """A source or actor with that name or alias already exists."""

    def __init__(self, message: str, existing_id: int) -> None:
        super().__init__(message)
        self.existing_id = existing_id


class StillInUse(ProjectError):
    """A record cannot be removed while other records rest on it."""
