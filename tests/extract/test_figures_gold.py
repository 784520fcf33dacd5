"""Precision and recall of money and percent figures on hand-checked sentences and the golden files."""
from __future__ import annotations

import json
from collections.abc import Iterable

import pytest

from tests.conftest import REPO, shared_path
from warta.extract.figures import find_figures

GOLD = REPO / "tests" / "extract" / "data" / "figures_gold.jsonl"


def key(figure: dict) -> tuple[str, float, str, bool]:
    return figure["text"], round(float(figure["value"]), 6), figure["unit"], bool(figure["approximate"])


def precision_recall(cases: Iterable[tuple[str, list[dict]]]) -> tuple[float, float, int]:
    """Figures match on text, value, unit and approximate; each gold figure counts once."""
    correct = predicted = gold = 0
    for text, expected in cases:
        remaining = [key(f) for f in expected]
        found = [key(f) for f in find_figures(text) if f["kind"] in ("money", "percent")]
        gold += len(remaining)
        predicted += len(found)
        for figure in found:
            if figure in remaining:
                remaining.remove(figure)
                correct += 1
    return correct / max(predicted, 1), correct / max(gold, 1), gold


def test_hand_checked_sentences_precision_and_recall():
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 150
    precision, recall, gold = precision_recall((r["sentence"], r["figures"]) for r in rows)
    assert gold >= 150
    assert precision >= 0.98, precision
    assert recall >= 0.95, recall


def test_golden_files_precision_and_recall():
    cases = []
    for path in sorted(shared_path("golden").glob("*.expected.json")):
        expected = json.loads(path.read_text(encoding="utf-8"))
        cases.append(("\n\n".join(expected["body_paragraphs"]), dedupe_by_text(expected["figures"], expected["body_paragraphs"])))
    precision, recall, _ = precision_recall(cases)
    assert precision >= 0.98, precision
    assert recall >= 0.95, recall


def dedupe_by_text(figures: list[dict], paragraphs: list[str]) -> list[dict]:
    """Golden files list a recurring text once; every occurrence in the body is a figure."""
    body = "\n\n".join(paragraphs)
    return [f for f in figures for _ in range(max(1, body.count(f["text"])))]


@pytest.mark.parametrize("line", range(0, 200, 37))
def test_gold_rows_are_verbatim_spans(line):
    row = json.loads(GOLD.read_text(encoding="utf-8").splitlines()[line])
    for figure in row["figures"]:
        assert figure["text"] in row["sentence"]
