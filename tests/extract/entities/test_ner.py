"""The tokenizer and the shipped tagger."""
from __future__ import annotations

import pytest

from warta.extract.entities.ner import MODEL_DIR, MODEL_FILE, Span, load_tagger, split_sentences, token_columns, tokenize

TEXT = ("Presiden Prabowo Subianto bertemu Dr. B.J. Habibie di Jl. Sudirman, Jakarta, Jumat (17/10/2025). "
        "Ia membayar US$ 1.000,5 ke-18 kali, kata detik.com.\nGubernur Jawa Barat Dedi Mulyadi hadir.")


def test_tokens_point_at_their_text() -> None:
    tokens = tokenize(TEXT)
    assert all(TEXT[start:end] == token for token, start, end in tokens)
    words = [token for token, _, _ in tokens]
    for kept in ("Dr.", "B.J.", "Jl.", "17/10/2025", "US$", "1.000,5", "ke-18", "detik.com"):
        assert kept in words
    assert words[-1] == "." and "(" in words and ")" in words


def test_tokenize_empty_and_odd_text() -> None:
    assert tokenize("") == []
    assert tokenize("   \n ") == []
    text = "«Halo» — emoji 🙂 dan tab\tjuga"
    assert all(text[s:e] == t for t, s, e in tokenize(text))


def test_sentences_split_at_full_stops_and_lines() -> None:
    sentences = split_sentences(TEXT, tokenize(TEXT))
    firsts = [s[0][0] for s in sentences]
    assert firsts == ["Presiden", "Ia", "Gubernur"]


needs_model = pytest.mark.skipif(not (MODEL_DIR / MODEL_FILE).exists(), reason="no shipped NER model")


@needs_model
def test_shipped_model_finds_people_and_places() -> None:
    spans = load_tagger().find_spans(TEXT)
    found = {(s.text, s.label) for s in spans}
    assert ("Prabowo Subianto", "PER") in found
    assert ("Jakarta", "LOC") in found
    assert ("Dedi Mulyadi", "PER") in found
    assert all(isinstance(s, Span) and TEXT[s.start:s.end] == s.text for s in spans)


@needs_model
def test_tag_returns_one_bio_tag_per_token() -> None:
    tagger = load_tagger()
    tokens = ["Menteri", "Keuangan", "Sri", "Mulyani", "berkunjung", "ke", "Surabaya", "."]
    tags = tagger.tag(tokens)
    assert len(tags) == len(tokens)
    assert tags[2:4] == ["B-PER", "I-PER"] and tags[6] == "B-LOC"
    assert tagger.tag([]) == []
    assert load_tagger() is tagger


def test_gazetteer_marks_the_longest_known_name() -> None:
    from warta.extract.entities.features import Gazetteer

    names = Gazetteer.from_spans([(["Bank", "Indonesia"], "ORG"), (["Indonesia"], "LOC"), (["indonesia"], "LOC"),
                                  (["Jakarta"], "LOC"), (["Jakarta"], "ORG"), (["Jakarta"], "LOC")])
    assert names.match("kata bank Indonesia di Jakarta , Indonesia".split()) == \
        ["", "B-ORG", "I-ORG", "", "B-LOC", "", "B-LOC"]
    assert names.match([]) == []


def test_a_word_carries_the_kinds_of_place_it_names() -> None:
    from warta.extract.entities.features import FeatureExtractor

    features = FeatureExtractor()
    assert {"pl=negara", "pli=negara"} <= set(features.word("Iran").own)   # alone, and in "Republik Islam Iran"
    assert "pl=kawasan" in features.word("asia").own                       # lower-case text too (NERP)
    assert not any(f.startswith("pl") for f in features.word("Bistamam").own)


@needs_model
def test_batch_decoder_gives_crfsuite_tags() -> None:
    """The numpy Viterbi over cached word and pair scores tags exactly as CRFsuite does."""
    import pycrfsuite

    from tests.conftest import shared_path
    from warta.extract.entities.conll import read_conll

    sentences = [s.tokens for s in read_conll(shared_path("data", "ner", "indonlu-nergrit", "train.txt"))[:400]]
    sentences += [[], ["Jakarta"], ["Presiden", "Joko", "Widodo"] * 60, ["jakarta", "bandung", "."]]
    tagger = load_tagger()
    crf = pycrfsuite.Tagger()
    crf.open(str(tagger.path / MODEL_FILE))
    expected = [list(crf.tag(tagger.features.sentence(tokens))) if tokens else [] for tokens in sentences]
    assert tagger.tag_sentences(sentences) == expected
    assert [tagger.tag(tokens) for tokens in sentences[:50]] == expected[:50]  # one at a time, caches warm
    assert tagger.tag_sentences([["Jakarta"], []]) == [list(crf.tag(tagger.features.sentence(["Jakarta"]))), []]


@needs_model
def test_find_spans_many_matches_one_at_a_time() -> None:
    texts = [TEXT, "", "Menteri Keuangan Sri Mulyani berkunjung ke Surabaya.", TEXT.upper()]
    tagger = load_tagger()
    assert tagger.find_spans_many(texts, [None, None, token_columns(texts[2]), None]) == \
        [tagger.find_spans(text) for text in texts]


@needs_model
def test_weight_arrays_are_rebuilt_when_the_model_changes(tmp_path) -> None:
    import shutil

    import numpy as np

    from warta.extract.entities.ner import WEIGHTS_FILE, Tagger

    shutil.copytree(MODEL_DIR, tmp_path / "model")
    arrays = tmp_path / "model" / WEIGHTS_FILE
    np.savez(arrays, digest="from another model")
    tokens = ["Menteri", "Keuangan", "Sri", "Mulyani", "berkunjung", "ke", "Surabaya", "."]
    assert Tagger(tmp_path / "model").tag(tokens) == load_tagger().tag(tokens)
    assert str(np.load(arrays)["digest"]) != "from another model"
