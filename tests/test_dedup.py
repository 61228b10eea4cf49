"""Duplicate detection: MinHash estimates against brute-force shingle Jaccard on edited news text."""
import random
import re

import numpy as np

from analysis.dedup import SHINGLE, DuplicateIndex, exact_key, signature


def shingles(text):
    w = re.findall(r"\w+", text.lower())
    return {tuple(w[i:i + SHINGLE]) for i in range(max(1, len(w) - SHINGLE + 1))}


def jaccard(a, b):
    return len(a & b) / len(a | b)


def edited(text, share, rng):
    words = text.split()
    for _ in range(max(1, int(len(words) * share))):
        words[rng.randrange(len(words))] = "xq" + str(rng.randrange(10**6))
    return " ".join(words)


def variants(seed_text):
    rng = random.Random(7)
    body = seed_text.split("Sign up for our")[0]
    paras = [p for p in body.split("\n\n") if len(p.split()) > 20]
    docs = [body, body.replace(",", ";")]                                # same words, other punctuation
    docs += [edited(body, s, rng) for s in (0.005, 0.01, 0.03, 0.1, 0.3)]
    docs += ["\n\n".join(rng.sample(paras, len(paras))) for _ in range(2)]   # shuffled paragraphs
    docs += paras + ["Putin said.", ""]
    return docs


def test_signature_estimates_jaccard(seed_text):
    docs = variants(seed_text)
    sh = [shingles(d) for d in docs]
    sig = [signature(d).astype(np.uint32) for d in docs]
    errors = [abs(jaccard(sh[i], sh[j]) - (sig[i] == sig[j]).mean())
              for i in range(len(docs)) for j in range(i + 1, len(docs))]
    assert np.mean(errors) < 0.03 and max(errors) < 0.2


def test_near_duplicates_are_the_pairs_with_high_jaccard(seed_text):
    docs = variants(seed_text)
    sh = [shingles(d) for d in docs]
    index = DuplicateIndex()
    for d in docs:
        index.add(exact_key(d), signature(d))
    exact_of, near_of = index.resolve()
    assert exact_of[1] == -1 and near_of[1] == 0          # punctuation differs: not exact, but a near copy
    for i in range(2, len(docs)):
        best = max(jaccard(sh[i], sh[j]) for j in range(i))
        if best >= 0.9:
            assert near_of[i] >= 0, (i, best)
        if best < 0.5:
            assert near_of[i] == -1, (i, best)
    assert (near_of >= 0).sum() >= 3


def test_exact_duplicates_ignore_case_and_spacing():
    index = DuplicateIndex()
    for d in ["Kyiv  said X.", "kyiv said x.", "Kyiv said Y."]:
        index.add(exact_key(d), signature(d))
    exact_of, _ = index.resolve()
    assert exact_of.tolist() == [-1, 0, -1]
