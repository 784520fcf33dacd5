"""`warta eval quotes`: the CoNLL rebuild and the score on a slice of PFSA-ID."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tests.conftest import shared_path
from warta.cli import main
from warta.extract.quotes_eval import documents, evaluate

CONLL = """JAKARTA\tO
,\tO
KOMPAS\tO
—\tO
Harga\tO
beras\tO
naik\tO
.\tO
”\tB-STATEMENT

Stok\tI-STATEMENT
kita\tI-STATEMENT
aman\tI-STATEMENT
,\tI-STATEMENT
”\tL-STATEMENT
kata\tU-CUE
Budi\tU-PERSONCOREF
.\tO

BANDUNG\tO
,\tO
KOMPAS\tO
—\tO
Hujan\tO
turun\tO
.\tO
"""


def test_rebuild_detokenises_and_splits_articles(tmp_path: Path) -> None:
    path = tmp_path / "mini.txt"
    path.write_text(CONLL, encoding="utf-8")
    docs = list(documents(path))
    assert len(docs) == 2
    assert docs[0].body == "JAKARTA, KOMPAS — Harga beras naik.\n\n”Stok kita aman,” kata Budi."
    assert docs[0].statements == [(8, 13)]
    token = docs[0].tokens[9]
    assert docs[0].body[token.start:token.end] == "Stok"


def test_perfect_on_the_mini_corpus(tmp_path: Path) -> None:
    path = tmp_path / "mini.txt"
    path.write_text(CONLL, encoding="utf-8")
    lines = evaluate(path, with_entities=False).lines()
    assert lines[-1] == "quotes F1 1.000"
    assert "speaker accuracy 1.000" in lines[3] and "cue accuracy 1.000" in lines[4]


def test_eval_quotes_on_a_slice_of_pfsa_id() -> None:
    path = shared_path("data", "quotes", "pfsa-id", "pfsa-id__dev-40.txt")
    result = CliRunner().invoke(main, ["eval", "quotes", "--limit", "25", "--no-entities", str(path)])
    assert result.exit_code == 0, result.output
    last = result.output.strip().splitlines()[-1]
    assert last.startswith("quotes F1 ")
    assert float(last.split()[-1]) > 0.82  # the published PFSA-ID baseline
