"""Reading CoNLL files in any tag scheme, span scoring, and the train/eval commands."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from warta.cli import main
from warta.extract.entities.conll import bio_spans, normalise_tags, read_conll
from warta.extract.entities.ner import MODEL_DIR, MODEL_FILE
from warta.extract.entities.ner_eval import score
from tests.conftest import shared_path

SMALL = """Presiden\tO
Joko\tB-PERSON
Widodo\tI-PERSON
tiba\tO
di\tO
Bandung\tB-LOCATION
.\tO

Menteri NNO O
Keuangan NNO O
Sri NNP B-PPL
Mulyani NNP I-PPL
memimpin VB O
Kementerian NNO B-IND
Keuangan NNO I-IND
saat NNO O
Piala NNP B-EVT
Dunia NNP I-EVT
.
"""


def test_label_mapping_and_dropped_labels(tmp_path: Path) -> None:
    path = tmp_path / "small.txt"
    path.write_text(SMALL, encoding="utf-8")
    first, second = read_conll(path)
    assert first.tags == ["O", "B-PER", "I-PER", "O", "O", "B-LOC", "O"]
    assert second.tokens[2:4] == ["Sri", "Mulyani"] and second.tags[2:4] == ["B-PER", "I-PER"]
    assert second.tags[5:7] == ["B-ORG", "I-ORG"]
    assert second.tags[8:] == ["O", "O", "O"]  # EVT dropped; a missing tag column is O


def test_bilou_and_io_schemes_become_bio() -> None:
    assert normalise_tags(["U-PER", "B-ORG", "I-ORG", "L-ORG", "O", "S-LOC", "E-LOC"]) == \
        ["B-PER", "B-ORG", "I-ORG", "I-ORG", "O", "B-LOC", "I-LOC"]
    assert normalise_tags(["Person", "Person", "O", "Place", "Organisation"]) == \
        ["B-PER", "I-PER", "O", "B-LOC", "B-ORG"]
    assert normalise_tags(["O", "I-PLACE", "I-PLC"]) == ["O", "B-LOC", "I-LOC"]


def test_spans_and_scores() -> None:
    assert bio_spans(["B-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"]) == \
        [(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "LOC"), (5, 6, "ORG")]
    scores = score([["B-PER", "I-PER", "O", "B-LOC"]], [["B-PER", "O", "O", "B-LOC"]])
    assert scores.prf("LOC") == (1.0, 1.0, 1.0)
    assert scores.prf("PER") == (0.0, 0.0, 0.0)
    assert scores.prf() == (0.5, 0.5, 0.5)
    assert scores.lines()[-1] == "ner F1 0.500"


def test_eval_command_prints_f1_last_and_writes_predictions(tmp_path: Path) -> None:
    if not (MODEL_DIR / MODEL_FILE).exists():
        import pytest
        pytest.skip("no shipped NER model")
    gold = tmp_path / "gold.txt"
    gold.write_text(SMALL, encoding="utf-8")
    predictions = tmp_path / "pred.txt"
    result = CliRunner().invoke(main, ["eval", "ner", str(gold), "--write-predictions", str(predictions)])
    assert result.exit_code == 0, result.output
    last = result.output.strip().splitlines()[-1]
    assert last.startswith("ner F1 ") and 0.0 <= float(last.split()[-1]) <= 1.0
    blocks = predictions.read_text(encoding="utf-8").strip("\n").split("\n\n")
    gold_sentences = read_conll(gold)
    assert len(blocks) == len(gold_sentences)
    for block, sentence in zip(blocks, gold_sentences):
        rows = [line.split("\t") for line in block.splitlines()]
        assert [r[0] for r in rows] == sentence.tokens
        assert all(r[1] == "O" or r[1][:2] in ("B-", "I-") for r in rows)
    # seqeval, an independent scorer, agrees with the printed F1
    from seqeval.metrics import f1_score
    predicted = [[line.split("\t")[1] for line in block.splitlines()] for block in blocks]
    assert abs(f1_score([s.tags for s in gold_sentences], predicted) - float(last.split()[-1])) < 1e-3


def test_train_command_builds_a_model_that_eval_loads(tmp_path: Path) -> None:
    source = shared_path("data", "ner", "idner-news-2k", "train.txt")
    sample = tmp_path / "sample.txt"
    sample.write_text("\n\n".join(source.read_text(encoding="utf-8").split("\n\n")[:150]) + "\n", encoding="utf-8")
    out = tmp_path / "model"
    runner = CliRunner()
    trained = runner.invoke(main, ["train", "ner", "--train", str(sample), "--out", str(out)])
    assert trained.exit_code == 0, trained.output
    assert (out / MODEL_FILE).exists()
    scored = runner.invoke(main, ["eval", "ner", str(sample), "--model", str(out)])
    assert scored.exit_code == 0, scored.output
    assert float(scored.output.strip().splitlines()[-1].split()[-1]) > 0.8  # fits its own training data
