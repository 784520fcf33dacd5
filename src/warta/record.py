"""The article record that every stage shares."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field, fields
from typing import Any

# Fields that travel between stages but are not part of the published record.
INTERNAL_FIELDS = frozenset({"raw", "raw_format"})


@dataclass(slots=True)
class Article:
    """One news article, from raw input to extracted knowledge.

    Ingest fills `source`, `raw`, `raw_format` and whatever metadata the input
    carries (title, url, published); `clean` turns `raw` into `body`, `noise`,
    `related` and `images`; later stages fill the lists.
    """

    id: str = ""
    source: str = ""
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    lang: str | None = None
    place: str | None = None
    dateline: str | None = None
    body: str = ""
    noise: list[dict[str, Any]] = field(default_factory=list)
    related: list[dict[str, Any]] = field(default_factory=list)
    images: list[dict[str, Any]] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    figures: list[dict[str, Any]] = field(default_factory=list)
    dates: list[dict[str, Any]] = field(default_factory=list)
    duplicate_of: str | None = None
    story: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    raw: str | None = None
    raw_format: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The published record: every field except the internal ones."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name not in INTERNAL_FIELDS}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Article":
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.body.split("\n\n") if p.strip()]


# Invisible format characters (Unicode category Cf) that scrapers leave in: soft hyphen, zero-width
# spaces and joiners, direction marks, BOM.
_FORMAT_CHARS = re.compile("[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u180e\u200b-\u200f\u202a-\u202e"
                           "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]")


def normalise_body(body: str) -> str:
    """Body text reduced to what identifies it: NFKC, no format characters, single spaces, casefolded."""
    text = unicodedata.normalize("NFKC", body)
    text = _FORMAT_CHARS.sub("", text)
    return " ".join(text.split()).casefold()


def article_id(body: str) -> str:
    """Stable id: a hash of the normalised body, so re-runs and exact duplicates agree."""
    return hashlib.sha1(normalise_body(body).encode("utf-8")).hexdigest()[:20]
