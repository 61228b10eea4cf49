"""Record types shared by every module: one dataclass per unit of analysis.

Every span record carries ``start``/``end`` character offsets into the article
text, so that ``text[start:end] == record.text`` (see DESIGN.md, "Offsets are
the truth"). Tables are built from these records at the edge (``tables.py``).
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import NamedTuple, Optional


@dataclass(frozen=True)
class Zone:
    """A stretch of the article: headline, body, caption or boilerplate."""

    kind: str
    start: int
    end: int
    rule: str = ""


@dataclass
class Article:
    """One news item as read: its text is never altered, so offsets hold."""

    doc_id: str
    text: str
    source: str = ""
    meta: dict = field(default_factory=dict)
    zones: list[Zone] = field(default_factory=list)

    def zone_at(self, offset: int) -> str:
        """Name of the zone that holds ``offset`` ("body" when none does)."""
        for zone in self.zones:
            if zone.start <= offset < zone.end:
                return zone.kind
        return "body"

    def in_boilerplate(self, start: int, end: int) -> bool:
        """True when the span [start, end) overlaps a boilerplate zone."""
        return any(
            z.kind == "boilerplate" and start < z.end and z.start < end
            for z in self.zones
        )


class Span(NamedTuple):
    """A stretch of text with its offsets (a tuple: made by the thousand per article)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    doc_id: str
    start: int
    end: int
    text: str
    actor: str
    side: Optional[str]
    rule: str


@dataclass
class Quote:
    doc_id: str
    quote_id: str
    kind: str  # direct | indirect | mixed
    start: int
    end: int
    text: str
    speaker: Optional[str]
    speaker_start: Optional[int]
    speaker_end: Optional[int]
    speaker_actor: Optional[str]
    speaker_side: Optional[str]
    cue: Optional[str]
    cue_start: Optional[int]
    cue_end: Optional[int]
    cue_category: Optional[str]
    zone: str
    rule: str


@dataclass
class Justification:
    doc_id: str
    start: int
    end: int
    text: str
    marker: str
    action: str
    reason: str
    justifier: Optional[str]
    justifier_side: Optional[str]
    quote_id: Optional[str]
    rule: str


@dataclass
class Blame:
    doc_id: str
    start: int
    end: int
    text: str
    cue: str
    blamer: Optional[str]
    blamer_side: Optional[str]
    target: Optional[str]
    target_side: Optional[str]
    reason: str
    quote_id: Optional[str]
    rule: str


@dataclass
class Harm:
    doc_id: str
    start: int
    end: int
    text: str
    trigger: str
    construction: str  # active | passive_agent | passive_agentless | nominal
    agent: Optional[str]
    agent_side: Optional[str]
    patient: Optional[str]
    patient_side: Optional[str]
    quote_id: Optional[str]
    rule: str


@dataclass
class Marker:
    doc_id: str
    start: int
    end: int
    text: str
    kind: str  # distancing | scare_quote | hedge | naming
    label: str
    side: Optional[str]
    quote_id: Optional[str]
    rule: str


@dataclass
class ErrorRecord:
    doc_id: str
    source: str
    reason: str


def columns(record_type: type) -> list[str]:
    """Column names of a record type, in declaration order."""
    return [f.name for f in fields(record_type)]
