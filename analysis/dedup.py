"""Exact and near-duplicate articles (wire copy republished), reported not dropped.

Exact: the same text after folding case and white space. Near: MinHash over
word 5-shingles with LSH banding, confirmed by estimated Jaccard similarity.
"""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache

import numpy as np

SHINGLE = 5
N_HASH = 64
BANDS = 16               # 16 bands of 4 rows: a pair at Jaccard 0.8 shares a band with probability 0.9998
NEAR_THRESHOLD = 0.75    # estimated Jaccard at or above this is a near duplicate (64 hashes: sd about 0.05)
_WORD = re.compile(r"\w+")
_M1, _M2, _GOLD = np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB), np.uint64(0x9E3779B97F4A7C15)
_BIN_SHIFT = np.uint64(64 - 6)                 # top 6 bits: one of N_HASH = 64 bins
_LOW_BITS = np.uint64((1 << 58) - 1)


def exact_key(text: str) -> int:
    """The text's key for exact duplicates: the same after folding case and white space
    (60 bits of SHA-1; computed with the signature, in the workers)."""
    return int(hashlib.sha1(" ".join(text.lower().split()).encode()).hexdigest()[:15], 16)


@lru_cache(maxsize=200_000)
def _word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser: a well-mixed 64-bit hash of each value (wraps mod 2**64)."""
    z = x + _GOLD
    z = (z ^ (z >> np.uint64(30))) * _M1
    z = (z ^ (z >> np.uint64(27))) * _M2
    return z ^ (z >> np.uint64(31))


def _rotl(x: np.ndarray, r: int) -> np.ndarray:
    return (x << np.uint64(r)) | (x >> np.uint64(64 - r))


def signature(text: str) -> np.ndarray:
    """MinHash signature (N_HASH uint64 values) of the text's word 5-shingles, by
    one-permutation hashing: each shingle hash falls in one of N_HASH bins by its top
    bits and a bin keeps its smallest hash; an empty bin borrows from the next full one
    (rotation densification, Shrivastava 2017). One hash per shingle instead of N_HASH.

    Words are hashed once each (cached); a shingle's hash combines its words'
    hashes by rotation, mixed by splitmix64.
    """
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        words = words + [""] * (SHINGLE - len(words))
    wh = np.fromiter(map(_word_hash, words), dtype=np.uint64, count=len(words))
    n = len(wh) - SHINGLE + 1
    with np.errstate(over="ignore"):
        sh = wh[:n].copy()
        for k in range(1, SHINGLE):
            sh ^= _rotl(wh[k:k + n], 13 * k)
        h = _mix(sh)
        bins = (h >> _BIN_SHIFT).astype(np.intp)
        smallest = np.full(N_HASH, np.iinfo(np.uint64).max, dtype=np.uint64)
        np.minimum.at(smallest, bins, h)           # each bin's smallest hash, without sorting them all
        full = np.zeros(N_HASH, dtype=bool)
        full[bins] = True
        sig = np.where(full, smallest & _LOW_BITS, np.uint64(0))
        if not full.all():
            # each empty bin takes the next full bin's value, marked with the distance
            idx = np.flatnonzero(full)
            nxt = idx[np.searchsorted(idx, np.arange(N_HASH)) % len(idx)]
            dist = ((nxt - np.arange(N_HASH)) % N_HASH).astype(np.uint64)
            sig = np.where(full, sig, _mix(sig[nxt] + dist * _GOLD))
        return sig


class DuplicateIndex:
    """Collect every article's text key and signature (264 bytes each), then find
    duplicates in one vectorised pass at the end: memory stays small at any size.

    ``resolve`` returns, per article index, the index of the first article it
    repeats exactly, and of the earlier article it nearly repeats (-1: none).
    """

    def __init__(self) -> None:
        self._keys: list[int] = []
        self._sigs: list[np.ndarray] = []

    def add(self, key: int, sig) -> int:
        """Add an article by its ``exact_key`` and ``signature``; returns its index."""
        self._keys.append(key)
        self._sigs.append(np.asarray(sig, dtype=np.uint64).astype(np.uint32))
        return len(self._keys) - 1

    def resolve(self) -> tuple[np.ndarray, np.ndarray]:
        n = len(self._keys)
        exact_of = np.full(n, -1, dtype=np.int64)
        near_of = np.full(n, -1, dtype=np.int64)
        if n == 0:
            return exact_of, near_of
        keys = np.array(self._keys, dtype=np.int64)
        order = np.lexsort((np.arange(n), keys))
        same = np.r_[False, keys[order][1:] == keys[order][:-1]]
        first = order[_group_starts(same)]
        exact_of[order[same]] = first[same]
        sigs = np.vstack(self._sigs)
        rows = N_HASH // BANDS
        live = exact_of < 0
        for b in range(BANDS):
            band = sigs[:, b * rows:(b + 1) * rows]
            bkey = np.ascontiguousarray(band).view(np.dtype((np.void, band.dtype.itemsize * rows))).ravel()
            idx = np.flatnonzero(live)
            o = idx[np.lexsort((idx, np.unique(bkey[idx], return_inverse=True)[1]))]
            dup = np.r_[False, bkey[o][1:] == bkey[o][:-1]]
            grp_first = o[_group_starts(dup)]
            cand_doc, cand_first = o[dup], grp_first[dup]
            est = (sigs[cand_doc] == sigs[cand_first]).mean(axis=1)
            ok = est >= NEAR_THRESHOLD
            for d, f in zip(cand_doc[ok], cand_first[ok]):
                if near_of[d] < 0 or f < near_of[d]:
                    near_of[d] = f
        return exact_of, near_of


def _group_starts(same: np.ndarray) -> np.ndarray:
    """For sorted rows where ``same[i]`` says row i equals row i-1: the position of each row's group start."""
    pos = np.where(same, 0, np.arange(len(same)))
    return np.maximum.accumulate(pos)
