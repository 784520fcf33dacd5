"""warta's organisation-name rules over the tagger's BIO tags."""
from __future__ import annotations

from warta.extract.entities.conll import bio_spans
from warta.extract.entities.org_names import apply_org_rules


def names(tokens: list[str], tags: list[str]) -> list[tuple[str, str]]:
    return [(" ".join(tokens[a:b]), label) for a, b, label in bio_spans(apply_org_rules(tokens, tags))]


def test_government_body_before_a_place_becomes_one_org() -> None:
    tokens = "kata Pemprov DKI Jakarta dan DPRD Jabar kemarin".split()
    tags = ["O", "O", "B-LOC", "I-LOC", "O", "B-ORG", "B-LOC", "O"]
    assert names(tokens, tags) == [("Pemprov DKI Jakarta", "ORG"), ("DPRD Jabar", "ORG")]


def test_joined_heads_run_over_dan_and_commas_but_stop_at_people() -> None:
    tokens = "Kepala Dinas Ketahanan Pangan , Kelautan , dan Pertanian Hasudungan Sidabalok".split()
    tags = ["O"] * 9 + ["B-PER", "I-PER"]
    assert names(tokens, tags) == [("Dinas Ketahanan Pangan , Kelautan , dan Pertanian", "ORG"),
                                   ("Hasudungan Sidabalok", "PER")]
    # an ordinary head does not cross "dan"
    assert names("BPJS Kesehatan dan Jakarta".split(), ["B-ORG", "O", "O", "B-LOC"]) == \
        [("BPJS Kesehatan", "ORG"), ("Jakarta", "LOC")]


def test_heads_alone_days_and_office_buildings() -> None:
    assert names("Pemprov menolak".split(), ["O", "O"]) == []
    assert names("Kementerian Sosial Jumat lalu".split(), ["O"] * 4) == [("Kementerian Sosial", "ORG")]
    assert names("di Kantor Kementerian Sosial".split(), ["O", "B-LOC", "I-LOC", "I-LOC"]) == \
        [("Kementerian Sosial", "ORG")]


def test_ministry_acronyms_are_organisations_but_common_words_are_not() -> None:
    tokens = ["Kemenkeu", "dan", "Kemensos", ".", "Kemenangan", "Kemen"]
    assert names(tokens, ["O"] * 6) == [("Kemenkeu", "ORG"), ("Kemensos", "ORG")]
