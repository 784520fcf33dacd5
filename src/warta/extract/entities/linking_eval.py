"""Score alias linking on the id-coref-news gold coreference links.

    .venv/bin/python -m warta.extract.entities.linking_eval [training__data.xml] [--window N]

The corpus has no document boundaries in this file, so the text is cut into windows
of N consecutive sentences (links that cross a window edge are left out and counted).
A gold link counts when both phrases are names or titles (they hold a capitalised
proper-noun token and are not pronouns). Recall: the entity stage gives both phrases
one canonical name, or gives one the other as its role ("Direktur Utama IATA, Roekman ..."). Precision: of the stage's links between differently spelled
mentions (each mention to the nearest earlier mention of its entity), the share that
gold links too; gold marks only some chains, so this is a lower bound.
"""
from __future__ import annotations

import argparse
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from warta.unionfind import UnionFind
from warta.extract.entities.ner import load_tagger
from warta.extract.entities.stage import extract_entities

DEFAULT_XML = Path(__file__).resolve().parents[4].parent / "shared/data/coref/id-coref-news/training__data.xml"
PRONOUNS = frozenset({"dia", "ia", "nya", "mereka", "saya", "kami", "kita", "aku", "beliau", "anda", "engkau", "kamu"})


@dataclass(slots=True)
class Phrase:
    id: str
    sentence: int
    words: list[str]
    pos: list[str]
    antecedent: str | None
    start: int = 0
    end: int = 0

    @property
    def text(self) -> str:
        return " ".join(self.words)

    def is_name_or_title(self) -> bool:
        words = [w.strip(".,") for w in self.words]
        named = any(p == "NNP" and w[:1].isupper() for w, p in zip(words, self.pos))
        return named and not all(w.casefold() in PRONOUNS for w in words)


def read_corpus(path: Path) -> list[list[Phrase]]:
    """Sentences of phrases (words without their POS tags)."""
    sentences = []
    for number, sentence in enumerate(ET.parse(path).getroot().iter("sentence")):
        phrases = []
        for element in sentence.iter("phrase"):
            tokens = (element.text or "").split()
            words = [t.rsplit("\\", 1)[0] for t in tokens]
            pos = [t.rsplit("\\", 1)[1] if "\\" in t else "" for t in tokens]
            phrases.append(Phrase(element.get("id") or "", number, words, pos, element.get("coref")))
        sentences.append(phrases)
    return sentences


def window_text(sentences: list[list[Phrase]]) -> str:
    """The window as one paragraph, recording each phrase's character span."""
    parts: list[str] = []
    offset = 0
    for sentence in sentences:
        for phrase in sentence:
            if not phrase.words:
                continue
            if parts:
                parts.append(" ")
                offset += 1
            phrase.start = offset
            parts.append(phrase.text)
            offset += len(phrase.text)
            phrase.end = offset
    return "".join(parts)


def mention_for(phrase: Phrase, entities: list[dict]) -> dict | None:
    """The system mention overlapping the phrase most."""
    best, best_overlap = None, 0
    for entity in entities:
        overlap = min(entity["end"], phrase.end) - max(entity["start"], phrase.start)
        if overlap > best_overlap:
            best, best_overlap = entity, overlap
    return best


def evaluate(path: Path, window: int) -> dict[str, float]:
    tagger = load_tagger()
    sentences = read_corpus(path)
    every = [p for s in sentences for p in s if p.id]
    by_id = {p.id: p for p in every}
    gold = UnionFind(len(every))
    index = {p.id: i for i, p in enumerate(every)}
    for p in every:
        if p.antecedent in index:
            gold.union(index[p.id], index[p.antecedent])

    counts = dict(gold_links=0, crossing=0, found=0, alias_links=0, alias_found=0, system_links=0, system_correct=0)
    for first in range(0, len(sentences), window):
        block = sentences[first:first + window]
        text = window_text(block)
        entities = extract_entities(text, tagger)
        phrases = [p for s in block for p in s if p.id]
        inside = {p.id for p in phrases}
        for p in phrases:
            if not p.antecedent or p.antecedent not in by_id:
                continue
            antecedent = by_id[p.antecedent]
            if not (p.is_name_or_title() and antecedent.is_name_or_title()):
                continue
            if p.antecedent not in inside:
                counts["crossing"] += 1
                continue
            alias = p.text.casefold().strip(".,") != antecedent.text.casefold().strip(".,")
            mine, theirs = mention_for(p, entities), mention_for(antecedent, entities)
            hit = (mine is not None and theirs is not None and mine["canonical"] == theirs["canonical"]) \
                or _role_names(mine, antecedent) or _role_names(theirs, p)
            counts["gold_links"] += 1
            counts["found"] += hit
            counts["alias_links"] += alias
            counts["alias_found"] += hit and alias
        _score_system_links(entities, phrases, gold, index, counts)
    return counts


def _role_names(mention: dict | None, phrase: Phrase) -> bool:
    """An appositive link ("Roekman Prawirasastra" / "Direktur Utama IATA,") that the stage gives as the role (or
    as one office of a double role: "Meneg Perencanaan Pembangunan Nasional/ Kepala Bappenas")."""
    role = (mention or {}).get("role") or ""
    return any(part.strip() and part.strip().casefold() in phrase.text.casefold() for part in role.split("/"))


def _score_system_links(entities: list[dict], phrases: list[Phrase], gold: UnionFind, index: dict[str, int],
                        counts: dict[str, int]) -> None:
    """Each system mention linked to the nearest earlier, differently spelled mention of its entity."""
    last_seen: dict[str, dict] = {}
    for entity in entities:
        earlier = last_seen.get(entity["canonical"])
        last_seen[entity["canonical"]] = entity
        if earlier is None or earlier["text"].casefold() == entity["text"].casefold():
            continue
        a, b = _phrase_at(entity, phrases), _phrase_at(earlier, phrases)
        if a is None or b is None or a is b:
            continue
        counts["system_links"] += 1
        counts["system_correct"] += gold.find(index[a.id]) == gold.find(index[b.id])


def _phrase_at(entity: dict, phrases: list[Phrase]) -> Phrase | None:
    for phrase in phrases:
        if phrase.start <= entity["start"] and entity["end"] <= phrase.end:
            return phrase
    return None


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("xml", nargs="?", default=str(DEFAULT_XML))
    parser.add_argument("--window", type=int, default=12)
    args = parser.parse_args(argv)
    c = evaluate(Path(args.xml), args.window)
    recall = c["found"] / max(1, c["gold_links"])
    alias_recall = c["alias_found"] / max(1, c["alias_links"])
    precision = c["system_correct"] / max(1, c["system_links"])
    print(f"gold name/title links {c['gold_links']} (left out, crossing a window: {c['crossing']})")
    print(f"link recall {recall:.3f} ({c['found']}/{c['gold_links']})")
    print(f"alias link recall (different spellings) {alias_recall:.3f} ({c['alias_found']}/{c['alias_links']})")
    print(f"alias link precision (lower bound) {precision:.3f} ({c['system_correct']}/{c['system_links']})")


if __name__ == "__main__":
    main()
