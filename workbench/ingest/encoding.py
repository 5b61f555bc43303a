"""Bytes to text without guessing: byte-order mark, then the declared charset, then detection.

A file is never decoded with a fallback that cannot fail (such as Latin-1): when the encoding
cannot be told with confidence, the analyst gets an error naming the file and the reason.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from workbench.ingest.errors import ExtractionError

# Leading bytes of common binary formats, and what an analyst would call them.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "a program (ELF executable)"),
    (b"MZ", "a Windows program"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office file (.doc, .xls)"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"ID3", "an MP3 audio file"),
    (b"OggS", "an Ogg media file"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Labels that the web treats as Windows-1252 (WHATWG Encoding Standard).
_WINDOWS_1252_LABELS = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "ascii", "us-ascii"}
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_CONTROL_BYTES = re.compile(rb"[\x01-\x08\x0e-\x1a\x1c-\x1f]")
_MAX_CHAOS = 0.2


@dataclass(frozen=True)
class Decoded:
    """Text and how its encoding was known (`how`: byte-order mark, declared, detected...)."""

    text: str
    encoding: str
    how: str

    @property
    def label(self) -> str:
        return f"{self.encoding} ({self.how})"


def binary_kind(data: bytes) -> str | None:
    """What binary format the bytes start with ("a PNG image"), or None for anything else."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    return None


def decode(
    data: bytes, name: str, declared: str | None = None, what: str = "a text file"
) -> Decoded:
    """Decode a file's bytes, or raise ExtractionError saying why they are not readable text."""
    if not data:
        raise ExtractionError(f"{name} is empty (0 bytes)")
    kind = binary_kind(data)
    if kind is not None:
        raise ExtractionError(f"{name} is {kind}, not {what}")
    decoded = (
        _by_bom(data, name) or _by_declaration(data, name, declared) or _by_content(data, name)
    )
    _refuse_binary(decoded.text, name, what)
    return decoded


def _by_bom(data: bytes, name: str) -> Decoded | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return Decoded(_strict(data[len(bom) :], encoding, name), encoding, "byte-order mark")
    return None


def _by_declaration(data: bytes, name: str, declared: str | None) -> Decoded | None:
    encoding = known_encoding(declared)
    if encoding is None:
        return None
    if encoding != "utf-8" and _single_byte(encoding) and _is_utf8_text(data):
        # A page that declares Latin-1 but is valid UTF-8 with accents is UTF-8: the other
        # reading would turn every "é" into "Ã©".
        return Decoded(data.decode("utf-8"), "utf-8", f"valid UTF-8, though it declares {declared}")
    if encoding.startswith("utf-16") and _utf16_byte_order(data) is None:
        return None  # an HTML page "declaring" UTF-16 in ASCII bytes is not UTF-16
    return Decoded(_strict(data, encoding, name, declared=True), encoding, "declared")


def _by_content(data: bytes, name: str) -> Decoded:
    utf16 = _utf16_byte_order(data)
    if utf16 is not None:
        return Decoded(_strict(data, utf16, name), utf16, "detected, no byte-order mark")
    if b"\x00" in data:
        raise ExtractionError(f"{name} contains binary data (NUL bytes), not text")
    sample = data[:100_000]
    if len(_CONTROL_BYTES.findall(sample)) > max(8, len(sample) // 100):
        raise ExtractionError(f"{name} holds binary data (control bytes), not text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", "valid UTF-8")
    except UnicodeDecodeError as error:
        if _UTF8_SEQUENCE.search(data):
            raise ExtractionError(
                f"{name} is not valid UTF-8: byte 0x{data[error.start]:02x} at position "
                f"{error.start} breaks it, yet other parts are UTF-8 (the file is damaged or "
                "mixes encodings)"
            ) from None
    return _detected(data, name)


def _detected(data: bytes, name: str) -> Decoded:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None or best.chaos > _MAX_CHAOS:
        raise ExtractionError(
            f"{name} is not UTF-8 and its text encoding cannot be told with confidence; "
            "save it as UTF-8 and import it again"
        )
    encoding = codecs.lookup(best.encoding).name
    return Decoded(_strict(data, encoding, name), encoding, "detected")


def known_encoding(label: str | None) -> str | None:
    """The codec for a declared charset label, or None when the label names no encoding."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in _WINDOWS_1252_LABELS:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _single_byte(encoding: str) -> bool:
    return encoding.startswith(("cp125", "iso8859", "latin", "mac-", "cp437", "cp850", "koi8"))


def _is_utf8_text(data: bytes) -> bool:
    if not _UTF8_SEQUENCE.search(data):
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _utf16_byte_order(data: bytes) -> str | None:
    """UTF-16 without a byte-order mark shows as zero bytes on every other position."""
    sample = data[:65536]
    pairs = len(sample) // 2
    if pairs < 2 or len(data) % 2:
        return None
    even_zero = sample[0::2].count(0) / pairs
    odd_zero = sample[1::2].count(0) / pairs
    if odd_zero > 0.3 and even_zero < 0.02:
        return "utf-16-le"
    if even_zero > 0.3 and odd_zero < 0.02:
        return "utf-16-be"
    return None


def _strict(data: bytes, encoding: str, name: str, *, declared: bool = False) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        said = "says it is" if declared else "looks like"
        raise ExtractionError(
            f"{name} {said} {encoding} but is not: byte 0x{data[error.start]:02x} at position "
            f"{error.start} is invalid in that encoding"
        ) from None


def _refuse_binary(text: str, name: str, what: str) -> None:
    sample = text[:100_000]
    if sample and len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        raise ExtractionError(f"{name} holds binary data, not {what}")
