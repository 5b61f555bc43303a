"""E-mail (.eml) and web archives (.mhtml), both MIME messages.

An e-mail becomes an article with its subject as title, its sender as author and its date;
the text part is preferred, an HTML-only message is cleaned like a web page. An MHTML
archive is the web page it holds, read by the web page reader.
"""

from __future__ import annotations

import email
import email.policy
from dataclasses import replace
from email.message import EmailMessage, MIMEPart
from email.utils import getaddresses

from workbench.ingest.dates import parse_date
from workbench.ingest.document import ExtractedDocument
from workbench.ingest.encoding import binary_kind, decode
from workbench.ingest.errors import ExtractionError
from workbench.ingest.plaintext import text_document
from workbench.ingest.webpage import read_webpage


def read_eml(data: bytes, name: str) -> ExtractedDocument:
    """An e-mail: subject, sender, date and the message text."""
    message = _message(data, name, "an e-mail")
    plain = message.get_body(preferencelist=("plain",))
    rich = message.get_body(preferencelist=("html",))
    if plain is not None and _payload_text(plain, name).strip():
        document = text_document(_payload_text(plain, name), name, format="eml")
        encoding = _charset(plain)
    elif rich is not None:
        page = _payload_bytes(rich)
        document = read_webpage(page, name, declared=rich.get_content_charset(), whole_page=False)
        encoding = document.encoding
    else:
        raise ExtractionError(f"{name} has no text or HTML part to import")
    subject = " ".join(str(message.get("subject", "")).split())
    return replace(
        document,
        title=subject or document.title,
        authors=_senders(message) or document.authors,
        published=parse_date(message.get("date")),
        language=str(message.get("content-language", "")).split("-")[0].strip().lower(),
        format="eml",
        encoding=encoding,
        extractor="workbench e-mail",
        original=data,
    )


def read_mhtml(data: bytes, name: str) -> ExtractedDocument:
    """A web archive (.mhtml): the page it holds; its other parts (images) are ignored."""
    message = _message(data, name, "a web archive")
    for part in message.walk():
        if part.get_content_type() == "text/html":
            page = read_webpage(_payload_bytes(part), name, declared=part.get_content_charset())
            location = str(message.get("snapshot-content-location") or "")
            location = location or str(part.get("content-location") or "")
            return replace(
                page,
                url=page.url or location.strip(),
                published=page.published or parse_date(message.get("date")),
                format="mhtml",
                original=data,
            )
    raise ExtractionError(f"{name} holds no web page (no text/html part)")


def _message(data: bytes, name: str, what: str) -> EmailMessage:
    if not data.strip():
        raise ExtractionError(f"{name} is empty (0 bytes)")
    kind = binary_kind(data)
    if kind is not None:
        raise ExtractionError(f"{name} is {kind}, not {what}")
    message = email.message_from_bytes(data, policy=email.policy.default)
    if not isinstance(message, EmailMessage) or not message.keys():
        raise ExtractionError(f"{name} is not {what} (it has no message headers)")
    return message


def _payload_bytes(part: MIMEPart) -> bytes:
    payload = part.get_payload(decode=True)
    return payload if isinstance(payload, bytes) else b""


def _payload_text(part: MIMEPart, name: str) -> str:
    payload = _payload_bytes(part)
    return decode(payload, name, declared=part.get_content_charset()).text if payload else ""


def _charset(part: MIMEPart) -> str:
    charset = part.get_content_charset()
    return f"{charset} (declared)" if charset else "us-ascii (MIME default)"


def _senders(message: EmailMessage) -> tuple[str, ...]:
    addresses = getaddresses([str(value) for value in message.get_all("from", [])])
    return tuple(display or address for display, address in addresses if display or address)
