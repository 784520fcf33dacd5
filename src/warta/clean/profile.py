"""What a corpus teaches the cleaner: lines an outlet repeats in many documents, and the titles of the run.

Built in a first pass (`CorpusProfile.build(docs)`), mergeable across shards (`merge`), saved to
and loaded from JSON, and handed to the clean stage as config (`CleanStage(profile=...)`).
Lines and titles are kept as 64-bit hashes of their normalised text, so a profile stays small.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from warta.record import Article
from warta.clean.rules import host_key

_NOT_WORD = re.compile(r"[\W_]+")

# A line longer than this is prose, never boilerplate; it is not counted.
LONGEST_COUNTED = 200
# A line is recurring noise for an outlet when it appears in at least MIN_DOCS of its documents and
# in at least MIN_SHARE of them; a long line (more than SHORT_WORDS words) needs MIN_SHARE_LONG,
# because near-duplicate stories share their sentences.
MIN_DOCS = 3
MIN_SHARE = 0.05
SHORT_WORDS = 12
MIN_SHARE_LONG = 0.5
# A title shorter than this many words is too generic to mark another article's line as a teaser.
MIN_TITLE_WORDS = 4


def line_key(text: str) -> int:
    """A stable 64-bit key of a line: casefolded, punctuation and spacing ignored."""
    normal = _NOT_WORD.sub(" ", text.casefold()).strip()
    return int.from_bytes(hashlib.blake2b(normal.encode("utf-8"), digest_size=8).digest(), "big")


def outlet_key(doc: Article) -> str:
    """How documents are grouped by outlet: the url's host, else the outlet already known, else ''."""
    return host_key(doc.url) or (doc.outlet or "").casefold()


def raw_lines(raw: str | None) -> list[str]:
    return [line.strip() for line in (raw or "").splitlines() if line.strip()]


@dataclass
class CorpusProfile:
    docs: Counter[str] = field(default_factory=Counter)  # outlet key -> documents
    lines: dict[str, Counter[int]] = field(default_factory=dict)  # outlet key -> line key -> documents
    titles: Counter[int] = field(default_factory=Counter)  # title key -> documents with that title

    @classmethod
    def build(cls, docs: Iterable[Article]) -> "CorpusProfile":
        profile = cls()
        for doc in docs:
            profile.add(doc)
        return profile

    @property
    def documents(self) -> int:
        return sum(self.docs.values())

    def add(self, doc: Article) -> None:
        group = outlet_key(doc)
        self.docs[group] += 1
        counts = self.lines.setdefault(group, Counter())
        counts.update({line_key(line) for line in raw_lines(doc.raw) if len(line) <= LONGEST_COUNTED})
        if doc.title and len(doc.title.split()) >= MIN_TITLE_WORDS:
            self.titles[line_key(doc.title)] += 1

    def merge(self, other: "CorpusProfile") -> "CorpusProfile":
        self.docs.update(other.docs)
        for group, counts in other.lines.items():
            self.lines.setdefault(group, Counter()).update(counts)
        self.titles.update(other.titles)
        return self

    def is_recurring(self, group: str, text: str) -> bool:
        """True when `text` is boilerplate that this outlet repeats across documents."""
        counts = self.lines.get(group)
        if not counts or len(text) > LONGEST_COUNTED:
            return False
        seen = counts.get(line_key(text), 0)
        share = seen / self.docs[group]
        needed = MIN_SHARE if len(text.split()) <= SHORT_WORDS else MIN_SHARE_LONG
        return seen >= MIN_DOCS and share >= needed

    def is_other_title(self, text: str, own_title: str | None) -> bool:
        """True when `text` is the title of another document of the run."""
        if len(text.split()) < MIN_TITLE_WORDS:
            return False
        key = line_key(text)
        seen = self.titles.get(key, 0)
        if own_title is not None and line_key(own_title) == key:
            seen -= 1
        return seen > 0

    def to_json(self) -> dict:
        """The profile without lines seen only once (they can never recur), as plain JSON."""
        return {
            "version": 1,
            "docs": dict(self.docs),
            "lines": {g: {f"{k:016x}": n for k, n in c.items() if n > 1} for g, c in self.lines.items()},
            "titles": {f"{k:016x}": n for k, n in self.titles.items()},
        }

    @classmethod
    def from_json(cls, data: dict) -> "CorpusProfile":
        return cls(
            docs=Counter(data["docs"]),
            lines={g: Counter({int(k, 16): n for k, n in c.items()}) for g, c in data["lines"].items()},
            titles=Counter({int(k, 16): n for k, n in data["titles"].items()}),
        )

    def save(self, path: str | Path) -> None:
        Path(path).write_text(json.dumps(self.to_json()), encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> "CorpusProfile":
        return cls.from_json(json.loads(Path(path).read_text(encoding="utf-8")))
