"""Scoring the tagger: exact-span micro P/R/F1 per label (`warta eval ner`), and the published protocols.

    python -m warta.extract.entities.ner_eval cv [FOLD...] [--nerui-only] [--iterations N]  # NER-UI fold models
    python -m warta.extract.entities.ner_eval heldout [--offset K] [--per-corpus] [--iterations N]
        # every 10th NERP / NERGrit sentence held out, from the K-th (default 0): other K, other splits
"""
from __future__ import annotations

import sys
import tempfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from warta.extract.entities.clusters import build_clusters, save_clusters
from warta.extract.entities.conll import LABELS, Sentence, bio_spans, read_conll
from warta.extract.entities.ner import CLUSTERS_FILE, Tagger, load_tagger
from warta.extract.entities.train import default_train_files, news_sentences, read_sentences, shared_dir, train_model


@dataclass
class Scores:
    true_positives: Counter
    predicted: Counter
    gold: Counter

    def prf(self, label: str | None = None) -> tuple[float, float, float]:
        """Precision, recall and F1 for one label, or micro-averaged over all when label is None."""
        tp = self.true_positives[label] if label else sum(self.true_positives.values())
        pred = self.predicted[label] if label else sum(self.predicted.values())
        gold = self.gold[label] if label else sum(self.gold.values())
        precision = tp / pred if pred else 0.0
        recall = tp / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    def lines(self) -> list[str]:
        rows = [f"{'label':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}"]
        for label in [*LABELS, None]:
            p, r, f = self.prf(label)
            name = label or "all"
            gold = self.gold[label] if label else sum(self.gold.values())
            pred = self.predicted[label] if label else sum(self.predicted.values())
            rows.append(f"{name:<6} {p:6.3f} {r:6.3f} {f:6.3f} {gold:6d} {pred:6d}")
        rows.append(f"ner F1 {self.prf()[2]:.3f}")
        return rows


def score(gold_tags: Iterable[list[str]], predicted_tags: Iterable[list[str]]) -> Scores:
    """Exact-span matches between gold and predicted BIO sequences."""
    tp, pred_count, gold_count = Counter(), Counter(), Counter()
    for gold, predicted in zip(gold_tags, predicted_tags, strict=True):
        gold_spans = set(bio_spans(gold))
        predicted_spans = set(bio_spans(predicted))
        gold_count.update(label for _, _, label in gold_spans)
        pred_count.update(label for _, _, label in predicted_spans)
        tp.update(label for _, _, label in gold_spans & predicted_spans)
    return Scores(tp, pred_count, gold_count)


def write_predictions(sentences: list[Sentence], predicted: list[list[str]], out: TextIO) -> None:
    """One `token<TAB>tag` line per token, a blank line after each sentence."""
    for sentence, tags in zip(sentences, predicted, strict=True):
        for token, tag in zip(sentence.tokens, tags, strict=True):
            out.write(f"{token}\t{tag}\n")
        out.write("\n")


def evaluate(sentences: list[Sentence], tagger: Tagger) -> tuple[Scores, list[list[str]]]:
    predicted = [tagger.tag(sentence.tokens) for sentence in sentences]
    return score([s.tags for s in sentences], predicted), predicted


def evaluate_files(files: Iterable[str | Path], model_dir: str | None = None,
                   predictions_path: str | None = None) -> Scores:
    sentences = read_sentences(files)
    scores, predicted = evaluate(sentences, load_tagger(model_dir))
    if predictions_path:
        with open(predictions_path, "w", encoding="utf-8") as out:
            write_predictions(sentences, predicted, out)
    return scores


def _without(sentences: list[Sentence], held_out: list[Sentence]) -> list[Sentence]:
    """Training sentences minus any whose token sequence also occurs in the held-out set."""
    banned = {tuple(s.tokens) for s in held_out}
    return [s for s in sentences if tuple(s.tokens) not in banned]


def cross_validate_nerui(folds: Iterable[int] = range(1, 6), extra: bool = True,
                         params: dict | None = None) -> list[float]:
    """IndoLEM NER-UI: per fold, train on train+dev of the fold (+ the other NER sets), score on test.0k."""
    nerui = shared_dir() / "data" / "ner" / "indolem-nerui"
    others = [p for p in default_train_files() if p.parent != nerui] if extra else []
    f1s = []
    with tempfile.TemporaryDirectory() as shared_clusters:
        # the word clusters see no NER-UI text at all, so one set serves every fold
        clusters = Path(shared_clusters) / CLUSTERS_FILE
        save_clusters(build_clusters(news_sentences() + [s.tokens for s in read_sentences(others)]), clusters)
        for fold in folds:
            f1s.append(_score_fold(nerui, fold, others, clusters, params))
    print(f"NER-UI {len(f1s)}-fold mean F1 {sum(f1s) / len(f1s):.3f}  folds {' '.join(f'{f:.3f}' for f in f1s)}")
    return f1s


def _score_fold(nerui: Path, fold: int, others: list[Path], clusters: Path, params: dict | None) -> float:
    test = read_conll(nerui / f"test.0{fold}.tsv")
    train = read_sentences([nerui / f"train.0{fold}.tsv", nerui / f"dev.0{fold}.tsv", *others])
    with tempfile.TemporaryDirectory() as model_dir:
        train_model(_without(train, test), model_dir, params, clusters_from=clusters)
        scores, _ = evaluate(test, Tagger(model_dir))
    print(f"fold {fold}: " + " | ".join(scores.lines()[1:]), flush=True)
    return scores.prf()[2]


HELD_OUT_CORPORA = ("indonlu-nerp", "indonlu-nergrit")


def held_out_split(every: int = 10, offset: int = 0) -> tuple[dict[str, list[Sentence]], dict[str, list[Sentence]]]:
    """Per corpus directory: the training sentences left, and every `every`-th NERP / NERGrit sentence
    (from the `offset`-th) held out."""
    tests = {name: read_conll(shared_dir() / "data" / "ner" / name / "train.txt")[offset::every]
             for name in HELD_OUT_CORPORA}
    train: dict[str, list[Sentence]] = {}
    for path in default_train_files():
        sentences = read_conll(path)
        if path.parent.name in tests:
            sentences = [s for i, s in enumerate(sentences) if i % every != offset]
        train.setdefault(path.parent.name, []).extend(sentences)
    held_out = [s for test in tests.values() for s in test]
    return {name: _without(sentences, held_out) for name, sentences in train.items()}, tests


def heldout_nerp_nergrit(every: int = 10, params: dict | None = None, per_corpus: bool = False,
                         offset: int = 0) -> dict[str, float]:
    """Hold out every `every`-th sentence of NERP and NERGrit and score each held-out set.

    One model trains on the rest of all sets; with `per_corpus`, as in the published baselines,
    each corpus gets its own model trained on the rest of that corpus only.
    """
    train, tests = held_out_split(every, offset)
    if per_corpus:
        return {name: _train_and_score(train[name], {name: test}, params)[name] for name, test in tests.items()}
    return _train_and_score([s for sentences in train.values() for s in sentences], tests, params)


def _train_and_score(train: list[Sentence], tests: dict[str, list[Sentence]], params: dict | None) -> dict[str, float]:
    results = {}
    with tempfile.TemporaryDirectory() as model_dir:
        train_model(train, model_dir, params)
        tagger = Tagger(model_dir)
        for name, test in tests.items():
            scores, _ = evaluate(test, tagger)
            results[name] = scores.prf()[2]
            print(f"{name} held-out ({len(test)} sentences, model trained on {len(train)}):", *scores.lines(),
                  sep="\n", flush=True)
    return results


def main(argv: list[str]) -> None:
    params = {"max_iterations": int(argv[argv.index("--iterations") + 1])} if "--iterations" in argv else None
    if argv[:1] == ["cv"]:
        folds = [int(a) for a in argv[1:] if a.isdigit() and "--iterations" not in argv[:argv.index(a)]] or range(1, 6)
        cross_validate_nerui(folds, extra="--nerui-only" not in argv, params=params)
    elif argv[:1] == ["heldout"]:
        offset = int(argv[argv.index("--offset") + 1]) if "--offset" in argv else 0
        heldout_nerp_nergrit(params=params, per_corpus="--per-corpus" in argv, offset=offset)
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
