"""Mention rules that keep the records right when the model reads a name with the wrong label."""
from __future__ import annotations

from warta.extract.entities.mentions import Tokens
from warta.extract.entities.ner import Span
from warta.extract.entities.stage import mentions_from_spans


def labels(body: str, spans: list[tuple[str, str]]) -> dict[str, str]:
    """Label of each record's text, the model's spans given as (text, label) at their first occurrence."""
    model = [Span(body.index(text), body.index(text) + len(text), label, text) for text, label in spans]
    return {e["text"]: e["label"] for e in mentions_from_spans(Tokens(body), model)}


def test_a_person_read_before_an_organisation_tail_is_the_organisation() -> None:
    body = "Sesi bersama Affiliate Edu TikTok Shop by Tokopedia Celestine Astinissa Indraswari mengenai video."
    assert labels(body, [("Edu TikTok", "PER")]).get("Edu TikTok Shop") == "ORG"


def test_a_one_word_person_followed_by_a_code_is_an_organisation() -> None:
    body = "Aplikasi itu sudah disiapkan oleh Pusdatin (SIKS-NG), kata Gus Ipul."
    assert labels(body, [("Pusdatin", "PER"), ("Gus Ipul", "PER")])["Pusdatin"] == "ORG"


def test_a_place_after_a_role_and_a_comma_is_the_role_holder() -> None:
    body = "Proyek itu batal, kata Sekretaris Utama Bappenas, Syahrial Loetan di Jakarta, Jumat."
    assert labels(body, [("Syahrial Loetan", "LOC"), ("Jakarta", "LOC")])["Syahrial Loetan"] == "PER"
    body = "Sean Duffy, yang juga Menteri Perhubungan, Amerika Serikat, mengungkapkan hal itu."
    assert labels(body, [("Sean Duffy", "PER"), ("Amerika Serikat", "LOC")])["Amerika Serikat"] == "LOC"


def test_a_founders_company_read_as_a_place_is_the_organisation() -> None:
    body = "Pendiri Alibaba, Jack Ma, tiba. Ma mengatakan Alibaba Group akan berinvestasi."
    found = labels(body, [("Alibaba", "LOC"), ("Jack Ma", "PER"), ("Alibaba Group", "ORG")])
    assert found["Alibaba"] == "ORG"


def test_an_office_acronym_or_a_titles_object_does_not_join_the_name_after_it() -> None:
    body = "Kata Kepala Bappenas Suharso Monoarfa dan Menteri PU Dody Hanggodo di Jakarta."
    found = labels(body, [("Suharso Monoarfa", "PER"), ("Dody Hanggodo", "PER"), ("Jakarta", "LOC")])
    assert found.get("Suharso Monoarfa") == "PER" and found.get("Dody Hanggodo") == "PER"
    body = "Kata Kasat Reskrim Gian Wiatma kepada wartawan."
    assert labels(body, [("Gian Wiatma", "PER")]).get("Gian Wiatma") == "PER"


def test_a_first_name_the_model_left_off_still_joins_the_name() -> None:
    body = "Kata Presiden Joko Widodo dan Kapolri Jenderal Listyo Sigit Prabowo."
    found = labels(body, [("Widodo", "PER"), ("Sigit Prabowo", "PER")])
    assert found.get("Joko Widodo") == "PER" and found.get("Listyo Sigit Prabowo") == "PER"
