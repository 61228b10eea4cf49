"""A set of character spans: is an offset inside, which spans overlap a range (log time)."""
from __future__ import annotations

import bisect


class SpanSet:
    """Character spans kept sorted and merged where they overlap: whether an offset is inside,
    which spans overlap a range, in log time (a document can hold thousands of statements).
    Only spans that never overlap (quotes) keep their own bounds."""

    def __init__(self, spans: list[tuple[int, int]] = ()):
        self.spans: list[tuple[int, int]] = []
        for a, b in sorted(spans):
            if self.spans and a < self.spans[-1][1]:
                self.spans[-1] = (self.spans[-1][0], max(b, self.spans[-1][1]))
            else:
                self.spans.append((a, b))
        self.starts = [a for a, _ in self.spans]

    def add(self, a: int, b: int) -> None:
        i = bisect.bisect_left(self.starts, a)
        j = i
        while j < len(self.spans) and self.spans[j][0] < b:  # swallow the spans it overlaps
            b = max(b, self.spans[j][1])
            j += 1
        if i > 0 and self.spans[i - 1][1] > a:
            i -= 1
            a, b = self.spans[i][0], max(b, self.spans[i][1])
        self.spans[i:j] = [(a, b)]
        self.starts[i:j] = [a]

    def contains(self, offset: int) -> bool:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i >= 0 and offset < self.spans[i][1]

    def overlapping(self, a: int, b: int) -> list[tuple[int, int]]:
        i = max(bisect.bisect_right(self.starts, a) - 1, 0)
        out = []
        while i < len(self.spans) and self.spans[i][0] < b:
            if self.spans[i][1] > a:
                out.append(self.spans[i])
            i += 1
        return out


class SortedSpans:
    """Records with ``start`` and ``end`` (mentions), sorted by start and possibly overlapping:
    the ones that overlap a range, in log time plus the ones returned."""

    def __init__(self, items: list):
        self.items = items
        self.reach: list[int] = []   # the furthest end of any item up to each index
        far = -1
        for it in items:
            far = max(far, it.end)
            self.reach.append(far)

    def overlapping(self, a: int, b: int) -> list:
        k = bisect.bisect_right(self.reach, a)   # every item before k ends at or before a
        out = []
        items = self.items
        while k < len(items) and items[k].start < b:
            if items[k].end > a:
                out.append(items[k])
            k += 1
        return out
