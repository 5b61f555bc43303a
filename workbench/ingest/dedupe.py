"""Near-duplicates: the same wire story syndicated by several outlets, found by shared phrases.

Each text becomes its set of five-word phrases (shingles). The resemblance of two texts is the
share of phrases they have in common (Jaccard). To find candidates without reading every stored
text, each text gets a MinHash signature (datasketch) cut into bands; each band hashes to a key,
and texts sharing a key are candidates (locality-sensitive hashing). The band shape is the one
datasketch's `MinHashLSH` chooses for `CANDIDATE_THRESHOLD`, set low so that copies sharing half
their phrases are almost never missed; candidates are then compared in full.
"""

from __future__ import annotations

import hashlib
import re
import struct
import zlib
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datasketch import MinHash

SHINGLE_WORDS = 5
NEAR_DUPLICATE = 0.5
# The signature: datasketch's MinHash with these settings. Stored signatures are compared with
# new ones, so changing any of these (or datasketch changing what they produce) needs every
# stored signature recomputed; tests/ingest/test_dedupe_and_folders.py guards the last.
PERMUTATIONS = 128
SEED = 1
SCHEME = "affine32"
# MinHashLSH(threshold=CANDIDATE_THRESHOLD, num_perm=PERMUTATIONS) picks BANDS bands of ROWS.
CANDIDATE_THRESHOLD = 0.3
BANDS = 37
ROWS = 3
_WORD = re.compile(r"\w+")
_VALUES = struct.Struct(f"<{PERMUTATIONS}I")

Signature = tuple[int, ...]


def shingles(text: str) -> set[int]:
    """Hashes of the text's five-word phrases (case and punctuation ignored)."""
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE_WORDS:
        return {_hash(" ".join(words))} if words else set()
    return {
        _hash(" ".join(words[start : start + SHINGLE_WORDS]))
        for start in range(len(words) - SHINGLE_WORDS + 1)
    }


def sketch(text: str) -> Signature:
    """The text's MinHash signature over its phrases; empty for a text without words."""
    phrases = shingles(text)
    if not phrases:
        return ()
    minhash = _new_minhash()
    minhash.update_batch(sorted(phrases))
    return tuple(int(value) for value in minhash.hashvalues)


def resemblance(a: set[int], b: set[int]) -> float:
    """Share of phrases two texts have in common: 1.0 for the same words, 0.0 for none."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def estimated_resemblance(a: Signature, b: Signature) -> float:
    """Resemblance estimated from two signatures (MinHash's estimate of Jaccard)."""
    if not a or not b:
        return 0.0
    return _new_minhash(a).jaccard(_new_minhash(b))


def band_keys(signature: Signature) -> list[int]:
    """The signature's locality-sensitive keys: one signed 32-bit number per band.

    32 bits keep the index small; a rare chance collision only adds a candidate, which the
    estimate and the full comparison then set aside."""
    if not signature:
        return []
    packed = pack(signature)
    width = ROWS * 4
    return [
        int.from_bytes(
            hashlib.blake2b(packed[band * width : (band + 1) * width], digest_size=4,
                            person=band.to_bytes(2, "little")).digest(),
            "little",
            signed=True,
        )
        for band in range(BANDS)
    ]  # fmt: skip


def pack(signature: Signature) -> bytes:
    """A signature as stored: little-endian unsigned 32-bit values (empty for no words)."""
    return _VALUES.pack(*signature) if signature else b""


def unpack(stored: bytes) -> Signature:
    """A stored signature back as numbers."""
    return _VALUES.unpack(stored) if stored else ()


def _hash(phrase: str) -> int:
    return zlib.crc32(phrase.encode("utf-8"))


def _phrase_hash(value: int) -> int:
    """Phrases are hashed already (CRC-32); MinHash permutes those hashes."""
    return value


@cache
def _permutations() -> object:
    from datasketch import MinHash

    return MinHash(num_perm=PERMUTATIONS, seed=SEED, scheme=SCHEME).permutations


def _new_minhash(values: Signature | None = None) -> MinHash:
    from datasketch import MinHash

    return MinHash(
        num_perm=PERMUTATIONS,
        seed=SEED,
        scheme=SCHEME,
        hashfunc=_phrase_hash,
        hashvalues=values,
        permutations=_permutations(),
    )
