"""Passwords of shared cases, kept in the system keyring (never in settings or the URL that
is remembered): the keyring package, under this application's service name, keyed by the
case's URL without its password."""

from __future__ import annotations

from sqlalchemy.engine import make_url

from workbench.store.engine import is_database_url
from workbench.store.shared import normalized_url, without_password

SERVICE = "analyst-workbench"


def _key(location: str) -> str:
    return without_password(normalized_url(location))


def remember_password(location: str, password: str) -> None:
    """Keep the case's password in the system keyring."""
    import keyring

    keyring.set_password(SERVICE, _key(location), password)


def forget_password(location: str) -> None:
    import keyring
    from keyring.errors import PasswordDeleteError

    try:
        keyring.delete_password(SERVICE, _key(location))
    except PasswordDeleteError:
        return


def with_password(location: str, password: str | None = None) -> str:
    """The URL to connect with: with `password` if given, else the one the keyring keeps for
    the case (if any); a project file's path, or a URL that has a password, as it is."""
    if not is_database_url(location):
        return location
    url = make_url(normalized_url(location))
    if url.password and password is None:
        return location
    if password is None:
        import keyring

        password = keyring.get_password(SERVICE, _key(location))
    if not password:
        return without_password(normalized_url(location))
    return url.set(password=password).render_as_string(hide_password=False)
