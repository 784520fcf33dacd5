"""`warta train ner` records what it built the model from, and rebuilds the shipped model."""
from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from warta.cli import main
from warta.extract.entities.lexicon import PLACES_FILE
from warta.extract.entities.ner import MODEL_DIR, Tagger
from warta.extract.entities.train import (
    CRF_PARAMS, RECORD_FILE, data_name, default_train_files, file_digest, news_sentences, unlabelled_files,
)


def shipped_record() -> dict:
    return json.loads((MODEL_DIR / RECORD_FILE).read_text(encoding="utf-8"))


def test_shipped_model_is_the_one_its_training_record_describes() -> None:
    record = shipped_record()
    assert record["crf_params"] == CRF_PARAMS, "CRF_PARAMS changed since the shipped model was trained: run `warta train ner`"
    for name, digest in record["artefacts"].items():
        assert file_digest(MODEL_DIR / name) == digest, f"model/{name} is not the file `warta train ner` wrote"
    assert record["feature_files"] == {f"data/{PLACES_FILE.name}": file_digest(PLACES_FILE)}, \
        "the place list changed since the shipped model was trained: run `warta train ner`"


def test_shipped_model_was_trained_on_the_shared_data_as_it_is(shared: Path) -> None:
    record = shipped_record()
    assert sorted(record["train_files"]) == sorted(map(data_name, default_train_files()))
    assert sorted(record["unlabelled_files"]) == sorted(map(data_name, unlabelled_files()))
    for name, digest in {**record["train_files"], **record["unlabelled_files"]}.items():
        assert file_digest(shared / name) == digest, f"{name} changed since the shipped model was trained"


CLUSTER_SAMPLE = """
import json, sys
from warta.extract.entities.clusters import build_clusters
from warta.extract.entities.train import news_sentences
json.dump(build_clusters(news_sentences()), sys.stdout, sort_keys=True)
"""


@pytest.mark.skipif(platform.machine() not in {"x86_64", "AMD64"}, reason="the kernels named are x86-64 ones")
def test_word_clusters_do_not_depend_on_the_cpus_blas_kernels(shared: Path) -> None:
    """OpenBLAS picks kernels by CPU; their last bits of rounding used to move k-means to other clusters."""
    def clusters(**env: str) -> str:
        run = subprocess.run([sys.executable, "-c", CLUSTER_SAMPLE], capture_output=True, text=True, check=True,
                             env={**os.environ, **env})
        return run.stdout

    here = clusters()
    assert len(json.loads(here)) > 1000
    assert clusters(OPENBLAS_CORETYPE="Haswell", NPY_DISABLE_CPU_FEATURES=AVX512) == here
    assert clusters(OPENBLAS_CORETYPE="Sandybridge", NPY_DISABLE_CPU_FEATURES=AVX512 + " AVX2 FMA3") == here


AVX512 = "AVX512F AVX512CD AVX512_SKX AVX512_CLX AVX512_CNL AVX512_ICL AVX512_SPR"


@pytest.mark.slow
def test_train_ner_rebuilds_the_shipped_model(shared: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["train", "ner", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    rebuilt, shipped = json.loads((tmp_path / RECORD_FILE).read_text(encoding="utf-8")), shipped_record()
    assert rebuilt["train_files"] == shipped["train_files"]
    if rebuilt["artefacts"] == shipped["artefacts"]:
        return  # byte for byte
    # Not byte for byte (another CPU's arithmetic): the two models must still tag alike.
    sentences = news_sentences()[::20]
    old, new = Tagger(MODEL_DIR).tag_sentences(sentences), Tagger(tmp_path).tag_sentences(sentences)
    tags = [(a, b) for x, y in zip(old, new) for a, b in zip(x, y)]
    agreement = sum(a == b for a, b in tags) / len(tags)
    assert agreement >= 0.995, f"the rebuilt model agrees with the shipped one on only {agreement:.4f} of the tags"
