"""CoNLL-style NER files: reading, label mapping to PER/ORG/LOC, BIO spans."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

LABELS_FILE = Path(__file__).with_name("ner_labels.tsv")
LABELS = ("PER", "ORG", "LOC")
# BILOU / BIOES prefixes rewritten to BIO.
_PREFIX_TO_BIO = {"B": "B", "I": "I", "L": "I", "E": "I", "U": "B", "S": "B"}


@dataclass(slots=True)
class Sentence:
    tokens: list[str]
    tags: list[str]


@cache
def label_map() -> dict[str, str]:
    """Dataset label (lowercased) -> PER/ORG/LOC, from ner_labels.tsv."""
    table = {}
    for line in LABELS_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            source, target = line.split("\t")
            table[source.strip().lower()] = target.strip()
    return table


def normalise_tags(raw_tags: Iterable[str]) -> list[str]:
    """Any of BIO, BILOU, BIOES or prefix-less IO tags -> valid BIO over PER/ORG/LOC."""
    mapping = label_map()
    tags: list[str] = []
    previous = "O"
    for raw in raw_tags:
        raw = raw.strip()
        if len(raw) > 2 and raw[1] in "-_" and raw[0].upper() in _PREFIX_TO_BIO:
            prefix, label = _PREFIX_TO_BIO[raw[0].upper()], raw[2:]
        else:  # IO scheme: a run of one label is one span
            prefix, label = "I", raw
        label = mapping.get(label.lower(), "")
        if not label:
            tag = "O"
        elif prefix == "I" and previous[2:] == label:
            tag = "I-" + label
        else:
            tag = "B-" + label
        tags.append(tag)
        previous = tag
    return tags


def read_conll(path: str | Path) -> list[Sentence]:
    """Sentences of a file: token in the first column, tag in the last; blank lines separate sentences."""
    sentences: list[Sentence] = []
    tokens: list[str] = []
    raw_tags: list[str] = []
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            columns = line.split()
            if not columns:
                if tokens:
                    sentences.append(Sentence(tokens, normalise_tags(raw_tags)))
                    tokens, raw_tags = [], []
                continue
            tokens.append(columns[0])
            raw_tags.append(columns[-1] if len(columns) > 1 else "O")
    if tokens:
        sentences.append(Sentence(tokens, normalise_tags(raw_tags)))
    return sentences


def bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end exclusive, label) token spans, conlleval rules (an I- of a new label opens a span)."""
    if tags.count("O") == len(tags):  # most sentences: nothing to read
        return []
    spans = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, tag_label = tag.partition("-")
        continues = prefix == "I" and tag_label == label and start >= 0
        if start >= 0 and not continues:
            spans.append((start, i, label))
            start, label = -1, ""
        if prefix in ("B", "I") and not continues:
            start, label = i, tag_label
    return spans
