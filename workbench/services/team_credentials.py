"""Passwords of shared cases, kept in the system keyring (never in settings or the URL that
is remembered): the keyring package, under this application's service name, keyed by the
case's URL without its password. A machine with no keyring (a server, CI) keeps nothing: the
password is then typed each time, or kept where libpq looks for it (PGPASSWORD, ~/.pgpass)."""

from __future__ import annotations

from sqlalchemy.engine import make_url

from workbench.store.engine import is_database_url
from workbench.store.errors import ProjectError
from workbench.store.shared import normalized_url, without_password

SERVICE = "analyst-workbench"


def _key(location: str) -> str:
    return without_password(normalized_url(location))


def keyring_available() -> bool:
    """Whether this machine has a system keyring to keep passwords in."""
    import keyring
    from keyring.backends.fail import Keyring as NoKeyring

    return not isinstance(keyring.get_keyring(), NoKeyring)


def remember_password(location: str, password: str) -> None:
    """Keep the case's password in the system keyring."""
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(SERVICE, _key(location), password)
    except KeyringError as error:
        raise ProjectError(
            f"the password could not be kept in the system keyring ({error}); open the case"
            " without keeping it, or keep it in ~/.pgpass"
        ) from error


def kept_password(location: str) -> str | None:
    """The password the keyring keeps for the case; None if none is kept or there is no
    keyring on this machine."""
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(SERVICE, _key(location))
    except KeyringError:  # no keyring here: nothing can have been kept
        return None


def forget_password(location: str) -> None:
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.delete_password(SERVICE, _key(location))
    except KeyringError:  # none kept, or no keyring here
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
        password = kept_password(location)
    if not password:
        return without_password(normalized_url(location))
    return url.set(password=password).render_as_string(hide_password=False)
