"""Score roles against the detik corpus's stakeholder strings (silver: "Menteri Lingkungan Hidup Hanif Faisol Nurofiq"),
or against the ROLE spans of PFSA-ID's Kompas articles (gold, evaluation only: CC BY-NC-SA).

    .venv/bin/python -m warta.extract.entities.roles_eval [articles.csv] [--limit N]
    .venv/bin/python -m warta.extract.entities.roles_eval --pfsa [pfsa-id.txt] [--limit N]

Each stakeholder string that occurs verbatim in its article and ends with a person's
canonical name (two words or more) is a check: the role the stage gives that person
must equal the rest of the string without trailing honorifics and ranks
("Kapolri Jenderal Listyo Sigit Prabowo" -> "Kapolri").

With --pfsa, each ROLE span right before a PERSON span (a comma between allowed) is a check: the
role the stage gives the person mention there must equal the ROLE text.
"""
from __future__ import annotations

import argparse
import csv
import json
from collections import defaultdict
from pathlib import Path

from warta.extract.entities.lexicon import honorific_kind, honorifics, is_honorific
from warta.extract.entities.ner import load_tagger
from warta.extract.entities.stage import extract_entities

DEFAULT_CSV = Path(__file__).resolve().parents[4].parent / "shared/data/news/detik-2025/articles.csv"
DEFAULT_PFSA = DEFAULT_CSV.parents[2] / "quotes/pfsa-id/pfsa-id__dev-40.txt"


def expected_role(stakeholder: str, name: str) -> str:
    """The stakeholder string before the name, without the honorifics and ranks written just before it."""
    words = stakeholder[: -len(name)].strip().rstrip(",").split()
    while words and honorific_kind(words[-1]) in {"honorific", "rank", "academic", "degree"} \
            or (len(words) >= 2 and honorifics().get(words[-1].casefold()) == "service" and is_honorific(words[-2])):
        words.pop()
    return " ".join(words)


def evaluate(path: Path, limit: int) -> tuple[int, int, list[tuple[str, list[str]]]]:
    tagger = load_tagger()
    csv.field_size_limit(10**8)
    with open(path, encoding="utf-8", newline="") as f:
        rows = [row for row, _ in zip(csv.DictReader(f), range(limit))]
    checks = correct = 0
    wrong: list[tuple[str, list[str]]] = []
    for row in rows:
        body = "\n\n".join(line.strip() for line in row["isi_berita"].split("\n") if line.strip())
        try:
            stakeholders = [s for group in json.loads(row["entity"]).values() for s in group]
        except (json.JSONDecodeError, AttributeError):
            continue
        roles: dict[str, set[str]] = defaultdict(set)
        for entity in extract_entities(body, tagger):
            if entity["label"] == "PER":
                roles[entity["canonical"]].add(entity["role"] or "")
        for stakeholder in stakeholders:
            if stakeholder not in body:
                continue
            name = next((c for c in roles if len(c.split()) >= 2 and stakeholder.endswith(" " + c)), None)
            want = expected_role(stakeholder, name) if name else ""
            if not want:
                continue
            checks += 1
            if want in roles[name]:
                correct += 1
            else:
                wrong.append((stakeholder, sorted(r for r in roles[name] if r)))
    return checks, correct, wrong


def evaluate_pfsa(path: Path, limit: int | None) -> tuple[int, int, list[tuple[str, list[str]]]]:
    """(checks, correct, wrong) for the gold roles written right before a person in PFSA-ID's articles."""
    from warta.extract.quotes_eval import documents, spans_of

    tagger = load_tagger()
    checks = correct = 0
    wrong: list[tuple[str, list[str]]] = []
    for doc in documents(path, limit):
        people = {first: last for first, last in spans_of(doc.tokens, "PERSON")}
        pairs = []
        for first, last in spans_of(doc.tokens, "ROLE"):
            after = last + 2 if last + 1 < len(doc.tokens) and doc.tokens[last + 1].text == "," else last + 1
            if after in people:
                pairs.append((first, last, after, people[after]))
        if not pairs:
            continue
        persons = [e for e in extract_entities(doc.body, tagger) if e["label"] == "PER"]
        for role_first, role_last, first, last in pairs:
            want = doc.body[doc.tokens[role_first].start:doc.tokens[role_last].end]
            start, end = doc.tokens[first].start, doc.tokens[last].end
            got = [e["role"] or "" for e in persons if e["start"] < end and e["end"] > start]
            checks += 1
            if want in got:
                correct += 1
            else:
                wrong.append((want, got))
    return checks, correct, wrong


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", nargs="?", help=f"default {DEFAULT_CSV}, or with --pfsa {DEFAULT_PFSA}")
    parser.add_argument("--pfsa", action="store_true", help="score PFSA-ID's gold ROLE spans instead")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--show", action="store_true", help="print the checks that fail")
    args = parser.parse_args(argv)
    if args.pfsa:
        checks, correct, wrong = evaluate_pfsa(Path(args.path or DEFAULT_PFSA), args.limit)
        what = "PFSA-ID ROLE-before-PERSON pairs"
    else:
        checks, correct, wrong = evaluate(Path(args.path or DEFAULT_CSV), args.limit or 600)
        what = "stakeholder 'ROLE NAME' strings"
    if args.show:
        for want, got in wrong:
            print(f"  {want!r}: got {got}")
    print(f"role accuracy {correct / max(1, checks):.3f} ({correct}/{checks} {what})")


if __name__ == "__main__":
    main()
