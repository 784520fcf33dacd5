"""The function-word shortcut for Indonesian agrees with the language model and never catches other languages."""
from __future__ import annotations

import csv

from tests.conftest import shared_path
from warta.clean.lang import SAMPLE_CHARS, clearly_indonesian, detect_text, identifier

ENGLISH = ("Indonesia can learn from Finland's peatland fire control. The minister said on Monday that the "
           "country has numerous peatlands in several provinces and must improve their management.")
JAVANESE = ("Wonten ing dinten punika, kula badhe nyuwun pirsa dhumateng panjenengan babagan acara ingkang "
            "badhe dipunwontenaken ing dalem kula.")
INDONESIAN = ("Pemerintah akan menaikkan anggaran untuk pendidikan pada tahun depan karena jumlah siswa yang "
              "terus bertambah di daerah.")


def test_shortcut_takes_plain_indonesian_and_leaves_other_languages_to_the_model():
    assert clearly_indonesian(INDONESIAN)
    assert not clearly_indonesian(ENGLISH) and not clearly_indonesian(JAVANESE)
    assert detect_text(ENGLISH) == "en"
    assert detect_text(INDONESIAN) == "id"


def test_shortcut_agrees_with_the_model_on_the_detik_corpus():
    with open(shared_path("data", "news", "detik-2025", "articles.csv"), encoding="utf-8") as f:
        samples = [row["isi_berita"][:SAMPLE_CHARS] for row in csv.DictReader(f)]
    taken = [s for s in samples if clearly_indonesian(s)]
    assert len(taken) > len(samples) // 2
    assert all(identifier().classify(s)[0] == "id" for s in taken)
