"""Exact and near-duplicate articles (wire copy republished), reported not dropped.

Exact: the same text after folding case and white space. Near: MinHash over
word 5-shingles with LSH banding, confirmed by estimated Jaccard similarity.
"""
from __future__ import annotations

import hashlib
import re

import numpy as np

SHINGLE = 5
N_HASH = 32
BANDS = 8                # 8 bands of 4 rows: pairs above ~0.6 Jaccard usually collide
NEAR_THRESHOLD = 0.8     # estimated Jaccard at or above this is a near duplicate
_PRIME = np.uint64((1 << 61) - 1)
_rng = np.random.default_rng(20240517)
_A = _rng.integers(1, 1 << 31, N_HASH, dtype=np.uint64)
_B = _rng.integers(0, 1 << 31, N_HASH, dtype=np.uint64)
_WORD = re.compile(r"\w+")


def exact_key(text: str) -> str:
    return hashlib.sha1(" ".join(text.lower().split()).encode()).hexdigest()


def signature(text: str) -> np.ndarray:
    """MinHash signature (N_HASH uint64 values) of the text's word shingles."""
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        words = words + [""] * (SHINGLE - len(words))
    shingles = {" ".join(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
    h = np.fromiter((int.from_bytes(hashlib.blake2b(s.encode(), digest_size=4).digest(), "little") for s in shingles),
                    dtype=np.uint64, count=len(shingles))
    return ((h[:, None] * _A[None, :] + _B[None, :]) % _PRIME).min(axis=0)


class DuplicateFinder:
    """Feed articles in corpus order; each gets the doc_id of the first it repeats."""

    def __init__(self) -> None:
        self._exact: dict[str, str] = {}
        self._buckets: dict[tuple, list[str]] = {}
        self._sigs: dict[str, np.ndarray] = {}

    def add(self, doc_id: str, text: str) -> tuple[str | None, str | None]:
        """Return (duplicate_of, near_duplicate_of) for this article."""
        key = exact_key(text)
        if key in self._exact:
            return self._exact[key], None
        self._exact[key] = doc_id
        sig = signature(text)
        rows = N_HASH // BANDS
        near = None
        for b in range(BANDS):
            band = (b, sig[b * rows:(b + 1) * rows].tobytes())
            for other in self._buckets.get(band, ()):
                if near is None and float(np.mean(self._sigs[other] == sig)) >= NEAR_THRESHOLD:
                    near = other
            self._buckets.setdefault(band, []).append(doc_id)
        self._sigs[doc_id] = sig
        return None, near
