"""Training the CRF tagger from CoNLL files (`warta train ner`)."""
from __future__ import annotations

import gzip
import hashlib
import json
import os
import time
from collections.abc import Iterable
from pathlib import Path

from warta.extract.entities.clusters import build_clusters, detik_texts, load_clusters, save_clusters
from warta.extract.entities.conll import Sentence, bio_spans, read_conll
from warta.extract.entities.features import FeatureExtractor, Gazetteer
from warta.extract.entities.lexicon import PLACES_FILE
from warta.extract.entities.ner import CLUSTERS_FILE, GAZETTEER_FILE, MODEL_DIR, MODEL_FILE, split_sentences, tokenize

REPO = Path(__file__).resolve().parents[4]
# L-BFGS with elastic-net regularisation, chosen on NER-UI folds and held-out NERP/NERGrit.
CRF_PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True,
              "feature.minfreq": 1}

RECORD_FILE = "training.json"  # written beside the model by `warta train ner`: see `training_record`
GAZETTEER_PARTS = int(os.environ.get("WARTA_NER_GAZETTEER_PARTS", "0"))  # 5: jackknifed name-list features


def shared_dir() -> Path:
    return Path(os.environ.get("WARTA_SHARED", REPO.parent / "shared"))


def default_train_files() -> list[Path]:
    """Every NER set under ../shared/data/ner (the NER-UI folds are covered by its unsplit nergithub.txt)."""
    return sorted((shared_dir() / "data" / "ner").glob("*/*.txt"))


def unlabelled_files() -> list[Path]:
    """The raw news text the word clusters learn from: the detik bodies and the Kompas text of the
    quote-attribution corpus (its quote tags are not read)."""
    data = shared_dir() / "data"
    return [path for path in (data / "news" / "detik-2025" / "articles.csv",
                              *sorted((data / "quotes" / "pfsa-id").glob("*.txt"))) if path.exists()]


def news_sentences() -> list[list[str]]:
    """Tokenised sentences of the unlabelled news text (`unlabelled_files`), each distinct sentence once."""
    sentences = []
    for path in unlabelled_files():
        if path.suffix == ".csv":
            for body in detik_texts(path):
                sentences.extend([t for t, _, _ in s] for s in split_sentences(body, tokenize(body)))
        else:
            sentences.extend(s.tokens for s in read_conll(path))
    return [list(sentence) for sentence in dict.fromkeys(map(tuple, sentences))]


def read_sentences(files: Iterable[str | Path]) -> list[Sentence]:
    return [sentence for path in files for sentence in read_conll(path)]


def gazetteer_of(sentences: Iterable[Sentence]) -> Gazetteer:
    return Gazetteer.from_spans((s.tokens[a:b], label) for s in sentences for a, b, label in bio_spans(s.tags))


def jackknifed_gazetteers(sentences: list[Sentence], parts: int) -> list[Gazetteer]:
    """Gazetteer k holds the names of every sentence except those with index % parts == k.

    Training features then see a name list that, as at tagging time, misses some names,
    so the CRF learns how far to trust it instead of copying it.
    """
    return [gazetteer_of(s for i, s in enumerate(sentences) if i % parts != k) for k in range(parts)]


def train_model(sentences: list[Sentence], out_dir: str | Path, params: dict | None = None,
                clusters_from: Path | None = None, verbose: bool = True) -> Path:
    """Fit the word clusters (unless `clusters_from` gives a file) and the CRF; write both to out_dir."""
    import pycrfsuite

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    started = time.time()
    if clusters_from is not None:
        clusters = load_clusters(clusters_from)
        save_clusters({w: tuple(map(int, ids)) for w, ids in clusters.items()}, out / CLUSTERS_FILE)
    else:
        unlabelled = news_sentences() + [s.tokens for s in sentences]
        save_clusters(build_clusters(unlabelled), out / CLUSTERS_FILE)
        if verbose:
            print(f"clusters: {len(unlabelled)} sentences, {time.time() - started:.0f}s", flush=True)
    if GAZETTEER_PARTS:
        gazetteer_of(sentences).save(out / GAZETTEER_FILE)
    extractor = FeatureExtractor(load_clusters(out / CLUSTERS_FILE))
    held_out_names = jackknifed_gazetteers(sentences, GAZETTEER_PARTS) if GAZETTEER_PARTS else None
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    trainer.set_params({**CRF_PARAMS, **(params or {})})
    for index, sentence in enumerate(sentences):
        names = held_out_names[index % GAZETTEER_PARTS] if held_out_names else None
        trainer.append(extractor.sentence(sentence.tokens, names), sentence.tags)
    trainer.train(str(out / MODEL_FILE))
    if verbose:
        tokens = sum(len(s.tokens) for s in sentences)
        print(f"trained on {len(sentences)} sentences / {tokens} tokens in {time.time() - started:.0f}s -> {out}",
              flush=True)
    return out


def train_from_files(files: Iterable[str | Path] | None = None, out_dir: str | Path | None = None) -> Path:
    files = [Path(f) for f in files] if files else default_train_files()
    if not files:
        raise FileNotFoundError(f"no training files (looked in {shared_dir() / 'data' / 'ner'})")
    out = train_model(read_sentences(files), out_dir or MODEL_DIR)
    record = training_record(files, out)
    (out / RECORD_FILE).write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return out


def training_record(train_files: list[Path], model_dir: Path) -> dict:
    """What a model was built from: its input files, the place list its features read and the artefacts, by SHA-256,
    and the CRF parameters."""
    return {"command": "warta train ner",
            "train_files": {data_name(p): file_digest(p) for p in train_files},
            "unlabelled_files": {data_name(p): file_digest(p) for p in unlabelled_files()},
            "crf_params": CRF_PARAMS,
            # the tagger's place-word features read the shipped place list
            "feature_files": {f"data/{PLACES_FILE.name}": file_digest(PLACES_FILE)},
            "artefacts": {name: file_digest(model_dir / name) for name in (MODEL_FILE, CLUSTERS_FILE)}}


def data_name(path: Path) -> str:
    """A data file's path relative to ../shared, or as given when it lies elsewhere."""
    try:
        return path.resolve().relative_to(shared_dir().resolve()).as_posix()
    except ValueError:
        return str(path)


def file_digest(path: Path) -> str:
    """SHA-256 of a file's content; of a .gz file's decompressed content, which no zlib build changes."""
    data = path.read_bytes()
    return hashlib.sha256(gzip.decompress(data) if path.suffix == ".gz" else data).hexdigest()
