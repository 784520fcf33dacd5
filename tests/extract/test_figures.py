"""Figures: Indonesian number formats, currencies, ranges, approximations and the golden files."""
from __future__ import annotations

import json
import random

import pytest

from tests.conftest import shared_path
from warta.extract.dates import find_dates
from warta.extract.figures import FiguresStage, find_figures, parse_number, parse_number_words
from warta.extract.tables import body_index
from warta.record import Article
from warta.report import RunReport


def only(text: str) -> dict:
    figures = [f for f in find_figures(text) if f["kind"] != "quantity"]
    assert len(figures) == 1, figures
    return figures[0]


@pytest.mark.parametrize("text, value", [
    ("1.500", 1500), ("13,2", 13.2), ("852.798", 852798), ("1.234.567,89", 1234567.89),
    ("20.8", 20.8), ("7", 7), ("1,000,000", 1000000),
])
def test_parse_number_reads_indonesian_formats(text, value):
    assert float(parse_number(text)) == pytest.approx(value)


@pytest.mark.parametrize("text", ["2.0.1", "1.2345", "12.34.5"])
def test_parse_number_rejects_malformed(text):
    assert parse_number(text) is None


@pytest.mark.parametrize("words, value", [
    ("dua", 2), ("setengah", 0.5), ("dua puluh lima", 25), ("seratus dua puluh", 120),
    ("dua belas", 12), ("satu setengah", 1.5), ("tiga ratus", 300), ("sebelas", 11),
])
def test_spelled_out_numbers(words, value):
    assert float(parse_number_words(words)) == pytest.approx(value)


@pytest.mark.parametrize("sentence, text, value, unit", [
    ("dana sebesar Rp 1,5 juta per bulan", "Rp 1,5 juta", 1_500_000, "IDR"),
    ("senilai US$ 2,22 juta.", "US$ 2,22 juta", 2_220_000, "USD"),
    ("hanya sekitar 100 miliar dollar AS.", "100 miliar dollar AS", 100_000_000_000, "USD"),
    ("harga Rp852.798 per gram", "Rp852.798", 852_798, "IDR"),
    ("mencapai Rp 1.500 triliun", "Rp 1.500 triliun", 1_500_000_000_000_000, "IDR"),
    ("bantuan Rp5 jt tiap keluarga", "Rp5 jt", 5_000_000, "IDR"),
    ("utang Rp 13 T tahun ini", "Rp 13 T", 13_000_000_000_000, "IDR"),
    ("biaya Rp. 25.000,- per orang", "Rp. 25.000", 25_000, "IDR"),
    ("investasi S$ 3 miliar", "S$ 3 miliar", 3_000_000_000, "SGD"),
    ("gaji RM 4.500 sebulan", "RM 4.500", 4_500, "MYR"),
    ("sebesar 2 miliar euro", "2 miliar euro", 2_000_000_000, "EUR"),
    ("pinjaman 10 miliar yuan", "10 miliar yuan", 10_000_000_000, "CNY"),
    ("senilai 500 juta yen", "500 juta yen", 500_000_000, "JPY"),
    ("dana USD 5 juta", "USD 5 juta", 5_000_000, "USD"),
    ("hadiah dua juta rupiah", "dua juta rupiah", 2_000_000, "IDR"),
    ("inflasi 4,28 persen", "4,28 persen", 4.28, "%"),
    ("naik 5,87% pada", "5,87%", 5.87, "%"),
    ("turun setengah persen", "setengah persen", 0.5, "%"),
    ("Promo Bunga 0 Persen Saat 11.11", "0 Persen", 0, "%"),
])
def test_money_and_percent(sentence, text, value, unit):
    figure = only(sentence)
    assert (figure["text"], figure["unit"]) == (text, unit)
    assert figure["value"] == pytest.approx(value)
    assert sentence[figure["start"]:figure["end"]] == text


def test_ranges_keep_both_bounds():
    money = only("kerugian Rp5-10 juta per hari")
    assert (money["text"], money["value"], money["value_max"]) == ("Rp5-10 juta", 5_000_000, 10_000_000)
    percent = only("tumbuh antara 3 hingga 5 persen")
    assert (percent["text"], percent["value"], percent["value_max"]) == ("3 hingga 5 persen", 3, 5)
    assert not percent["approximate"]


@pytest.mark.parametrize("sentence, approximate", [
    ("sekitar Rp13,2 triliun", True), ("(sekitar Rp13,2 triliun)", True), ("Hampir 70% populasi", True),
    ("lebih dari Rp 30 triliun", True), ("kurang lebih 5 persen", True), ("kira-kira Rp 2 juta", True),
    ("sekira Rp 2 juta", True), ("kurang dari Rp 50 triliun", False), ("mencapai Rp 4,1 triliun", False),
    ("menembus Rp 540 triliun", False), ("senilai Rp 42 juta", False), ("sedikitnya Rp 5 juta", False),
    ("hampir mencapai Rp 5 juta", False),
])
def test_approximate_only_right_after_an_approximator(sentence, approximate):
    assert only(sentence)["approximate"] is approximate


def test_an_suffix_is_not_part_of_the_figure_nor_approximate():
    figure = only("kurs Rp 16.200-an per dolar")
    assert (figure["text"], figure["value"], figure["approximate"]) == ("Rp 16.200", 16_200, False)


def test_quantities_are_a_separate_kind():
    figures = find_figures("produksi 26 juta ton beras untuk sekitar 15.800 orang dan 35,04 juta KPM")
    assert [(f["text"], f["kind"], f["unit"]) for f in figures] == [
        ("26 juta ton", "quantity", "ton"), ("15.800 orang", "quantity", "orang"), ("35,04 juta KPM", "quantity", "KPM")]
    assert figures[1]["approximate"] is True


@pytest.mark.parametrize("sentence", [
    "sekitar pukul 09.00 WIB", "versi 2.0.1 dirilis", "Rp tanpa angka", "Rp", "harga Rp.", "pada 17/10/2013",
    "COVID-19 melanda", "tahun 2025 M", "10 juta kendaraan", "",
])
def test_non_figures(sentence):
    assert [f for f in find_figures(sentence) if f["kind"] != "quantity"] == []


@pytest.mark.parametrize("sentence", ["٣٤ persen?", "Rp 5 ٣ juta", "Rp５ juta", "harga 5 % 日本 Rp ру 3 juta", "\u200bRp\u200b5 juta"])
def test_mixed_scripts_keep_offsets_consistent(sentence):
    for figure in find_figures(sentence):
        assert sentence[figure["start"]:figure["end"]] == figure["text"]
        assert isinstance(figure["value"], (int, float))


def test_huge_numbers_do_not_crash_or_overflow():
    assert find_figures("Rp " + "9" * 400 + " triliun") == []
    figure = only("Rp 999.999.999.999 triliun")
    assert figure["value"] == pytest.approx(999_999_999_999e12)
    json.dumps(find_figures("Rp " + "1" * 30 + " juta"), allow_nan=False)


def test_random_garbage_never_crashes():
    rng = random.Random(4)
    alphabet = "0123456789.,-–%$ RpUSjutamiliarpersen()/\n\u200b日本語ابت"
    for _ in range(400):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        for figure in find_figures(text):
            assert text[figure["start"]:figure["end"]] == figure["text"]


def test_stage_fills_figures_from_body_only():
    doc = Article(body="Dana Rp 2 juta cair.", noise=[{"kind": "teaser", "text": "Rp370 triliun"}])
    (out,) = FiguresStage().run([doc], RunReport())
    assert [f["text"] for f in out.figures] == ["Rp 2 juta"]


GOLDEN = ["detik-182", "detik-739", "detik-877", "detik-891", "detik-913", "detik-93",
          "kompas-20141230-225310526", "seed-viva-alibaba"]


@pytest.mark.parametrize("name", GOLDEN)
def test_golden_figures_from_expected_body(name):
    expected = json.loads(shared_path("golden", f"{name}.expected.json").read_text(encoding="utf-8"))
    body = "\n\n".join(expected["body_paragraphs"])
    found = {f["text"]: f for f in find_figures(body) if f["kind"] != "quantity"}
    for want in expected["figures"]:
        got = found.get(want["text"])
        assert got is not None, want["text"]
        assert got["value"] == pytest.approx(want["value"], rel=1e-6)
        assert (got["unit"], got["approximate"]) == (want["unit"], want["approximate"])
    assert set(found) == {f["text"] for f in expected["figures"]}
    for absent in expected.get("figures_absent") or []:
        assert absent not in found


@pytest.mark.parametrize("text", ["1." * 5000, "1," * 5000 + "%", "Rp " + "satu " * 3000 + "persen", "5 " * 5000 + "juta rupiah"])
def test_long_degenerate_input_is_read_in_one_pass(text):
    for figure in find_figures(text):
        assert text[figure["start"]:figure["end"]] == figure["text"]


@pytest.mark.parametrize("text, starts", [
    ("", []), ("tanpa angka", []), ("2025", [0]), ("Rp1.500,25 dan 39,1%", [2, 4, 8, 15, 18]),
    ("a1b22c333", [1, 3, 6]), ("٣ angka Arab-Indic bukan ASCII 7", [31]),
])
def test_digit_runs_are_where_each_run_of_ascii_digits_begins(text, starts):
    assert body_index(text).digit_runs == starts
    assert body_index(text).digit_runs == starts  # the kept answer for the same text


def test_figures_and_dates_of_one_body_agree_whichever_stage_scans_it_first():
    body = "Pada 5 Mei 2021 harga naik 12,5 persen menjadi Rp13.200 per kg."
    other = "Tahun 2019 ada 3 ton beras senilai US$2 juta."
    first = (find_figures(body), find_dates(body, "2021-05-06"))
    find_dates(other, None), find_figures(other)
    assert (find_figures(body), find_dates(body, "2021-05-06")) == first
    assert [d["value"] for d in first[1]] == ["2021-05-05"]
    assert [f["value"] for f in first[0]] == [12.5, 13200]
