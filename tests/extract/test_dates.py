"""Dates: absolute and relative expressions, times, durations, resolution against `published`."""
from __future__ import annotations

import random

import pytest
from click.testing import CliRunner

from tests.conftest import REPO
from warta.extract.dates import DatesStage, find_dates
from warta.extract.dates_eval import eval_dates, read_tml
from warta.record import Article
from warta.report import RunReport

PUBLISHED = "2014-12-30"  # a Tuesday


def values(text: str, published: str | None = PUBLISHED) -> list[tuple[str, str | None]]:
    return [(d["text"], d["value"]) for d in find_dates(text, published)]


@pytest.mark.parametrize("text, expected", [
    ("pada 5 Mei 2021 lalu", [("5 Mei 2021", "2021-05-05")]),
    ("kata dia, Senin (3/5/2021).", [("Senin (3/5/2021)", "2021-05-03")]),
    ("di Jakarta, Selasa ( 30/12/2014 ) malam", [("Selasa ( 30/12/2014 ) malam", "2014-12-30TNI")]),
    ("Jumat, 18 Oktober 2013", [("Jumat, 18 Oktober 2013", "2013-10-18")]),
    ("sejak September 2010", [("September 2010", "2010-09")]),
    ("sejak pertengahan September 2010", [("pertengahan September 2010", "2010-09")]),
    ("pada tahun 2009.", [("tahun 2009", "2009")]),
    ("era 1990-an", [("1990-an", "199")]),
    ("pada kuartal III-2014", [("kuartal III-2014", "2014-Q3")]),
    ("semester I 2015", [("semester I 2015", "2015-H1")]),
    ("tanggal 2021-05-03", [("2021-05-03", "2021-05-03")]),
    ("pada 17/10/2013 lalu", [("17/10/2013", "2013-10-17")]),
    ("tanggal 5-5-2021.", [("5-5-2021", "2021-05-05")]),
])
def test_absolute_dates(text, expected):
    assert values(text) == expected


def test_day_month_year_in_digits_without_parentheses():
    """"17/10/2013", "5-5-2021": day, month and year with the same separator twice."""
    assert values("dari 1/2/2014 hingga 05-06-1999") == [("1/2/2014", "2014-02-01"), ("05-06-1999", "1999-06-05")]
    # a weekday before it joins it, as it joins "Kamis (17/10/2013)", and names the date
    assert values("Kamis, 17/10/2013 malam") == [("Kamis, 17/10/2013 malam", "2013-10-17TNI")]
    assert values("Rapat Kamis, 1/1/2015. Pada rapat Kamis itu") == [("Kamis, 1/1/2015", "2015-01-01"),
                                                                   ("Kamis", "2015-01-01")]
    assert values("Kamis, 17/10/2013 pukul 10.00 WIB")[-1] == ("pukul 10.00 WIB", "2013-10-17T10:00")
    # the parenthesised form still reads a date with its weekday; "(" with no weekday starts none, so the
    # date inside is read without the parentheses
    assert values("kata dia, Kamis (17/10/2013).") == [("Kamis (17/10/2013)", "2013-10-17")]
    assert values("Kamis, (17/10/2013)") == [("Kamis, (17/10/2013)", "2013-10-17")]
    assert values("jadwal pemilu (Detik, 26/06/2025).") == [("26/06/2025", "2025-06-26")]


@pytest.mark.parametrize("text", [
    "31/2/2020", "29-2-2021", "17/13/2013", "0/5/2014",  # no such day
    "12-10-2019-001", "001-12-10-2019", "17/10/2013/1", "1/17/10/2013", "No: Ft.1/10/2025", "17/10/2013an",  # numbers
    "17/10-2013", "2010-2014", "tahun 2010-2014", "1/1/1899", "1/1/2100", "123/10/2013", "17/123/2013",
    "17/10/20135", "17/10/13",
])
def test_digits_that_are_no_day_month_year(text):
    assert [d for d in find_dates(text, PUBLISHED) if len(d["value"] or "") >= 10] == []


@pytest.mark.parametrize("text, expected", [
    ("kemarin", "2014-12-29"), ("hari ini", "2014-12-30"), ("besok", "2014-12-31"), ("lusa", "2015-01-01"),
    ("pekan lalu", "2014-W52"), ("pekan depan", "2015-W02"), ("bulan lalu", "2014-11"),
    ("tahun ini", "2014"), ("tahun depan", "2015"), ("dua hari lalu", "2014-12-28"),
    ("tiga bulan lalu", "2014-09"), ("setahun lalu", "2013"), ("tadi malam", "2014-12-29TNI"),
    ("Juli lalu", "2014-07"), ("Januari", "2015-01"), ("Juni", "2014-06"), ("Senin", "2014-12-29"),
    ("Selasa", "2014-12-30"), ("Rabu", "2014-12-24"), ("Senin depan", "2015-01-05"), ("saat ini", "2014-12-30"),
    ("akhir tahun lalu", "2013"), ("akhir tahun", "2014"),
])
def test_relative_expressions_resolve_against_published(text, expected):
    assert values(f"terjadi {text} di sana") == [(text, expected)]


@pytest.mark.parametrize("text, expected", [
    ("selama tiga bulan", ("tiga bulan", "P3M")), ("dalam 24 jam", ("24 jam", "PT24H")),
    ("lima tahun terakhir", ("lima tahun terakhir", "P5Y")), ("sepekan", ("sepekan", "P1W")),
    ("beberapa hari", ("beberapa hari", "PXD")),
])
def test_durations(text, expected):
    assert values(text) == [expected]


def test_times_take_the_date_of_their_sentence_or_publication():
    body = "Pesawat hilang Minggu (28/12/2014) pukul 06.17 WIB. Harga naik pukul 10:14 WIB."
    assert values(body) == [("Minggu (28/12/2014)", "2014-12-28"), ("pukul 06.17 WIB", "2014-12-28T06:17"),
                            ("pukul 10:14 WIB", "2014-12-30T10:14")]
    assert values("pukul 8 malam") == [("pukul 8 malam", "2014-12-30T20:00")]


def test_weekday_settled_by_a_dated_mention():
    body = "OPEC bertemu Kamis (1/1/2015). Pada pertemuan Kamis itu"
    assert values(body)[-1] == ("Kamis", "2015-01-01")


def test_without_published_relative_values_are_null():
    assert values("kemarin dan Senin serta 5 Mei", None) == [("kemarin", None), ("Senin", None), ("5 Mei", None)]
    assert values("pukul 06.14 WIB", None) == [("pukul 06.14 WIB", "T06:14")]
    assert values("5 Mei 2021 selama dua hari", None) == [("5 Mei 2021", "2021-05-05"), ("dua hari", "P2D")]


@pytest.mark.parametrize("text", [
    "Rp 2.000 per liter", "naik 2014 persen", "31/31/2014", "45 Mei 2014", "pukul 99.99", "versi 2.0.1",
    "skor 3/5", "", "ラ 5 Mei ٢٠١٤", "Senin (99/99)",
])
def test_non_dates_and_odd_input(text):
    for found in find_dates(text, PUBLISHED):
        assert text[found["start"]:found["end"]] == found["text"]
    assert values("Rp 2.000 per liter") == [] and values("31/31/2014") == [] and values("pukul 99.99") == []


def test_random_garbage_never_crashes():
    rng = random.Random(7)
    alphabet = "0123456789/.-() SeninMeiJulitahunlalukemarinpukulWIBharijam\n"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 90)))
        for found in find_dates(text, rng.choice([None, PUBLISHED, "garbage", "0000-00-00"])):
            assert text[found["start"]:found["end"]] == found["text"]


def test_stage_uses_published():
    doc = Article(body="Ia tiba kemarin.", published="2025-10-21T10:00:00")
    (out,) = DatesStage().run([doc], RunReport())
    assert out.dates == [{"text": "kemarin", "value": "2025-10-20", "start": 8, "end": 15}]


TIMEML = REPO / "tests" / "extract" / "data" / "timeml"


def test_read_tml_keeps_gold_offsets():
    doc = read_tml(next(TIMEML.glob("*.tml")))
    assert doc.dct and doc.gold
    for timex in doc.gold:
        assert doc.text[timex.start:timex.end] == timex.text


@pytest.mark.parametrize("folder", ["timeml", "timeml_heldout"])
def test_eval_dates_on_hand_annotated_timeml(folder):
    result = CliRunner().invoke(eval_dates, [str(REPO / "tests" / "extract" / "data" / folder)])
    assert result.exit_code == 0, result.output
    last = result.output.strip().splitlines()[-1].split()
    assert last[:2] == ["dates", "F1"] and last[3] == "value-accuracy"
    assert float(last[2]) >= 0.9 and float(last[4]) >= 0.85


def test_read_tml_handles_empty_timex_and_cp1252(tmp_path):
    source = ('<TimeML><DCT><TIMEX3 tid="t0" value="2014-12-30" functionInDocument="CREATION_TIME">x</TIMEX3></DCT>'
              '<TEXT>Dia “tiba” <TIMEX3 tid="t1" type="DATE" value="2014-12-29">kemarin</TIMEX3>'
              '<TIMEX3 tid="t9" value="P1D" />. Ini &amp; <SIGNAL sid="s1">pada</SIGNAL> '
              '<TIMEX3 tid="t2" value="2014-12-30T06:14">pukul 06.14 WIB</TIMEX3>.</TEXT></TimeML>')
    path = tmp_path / "doc.tml"
    path.write_bytes(source.encode("cp1252"))
    doc = read_tml(path)
    assert doc.dct == "2014-12-30"
    assert [(t.text, t.value) for t in doc.gold] == [("kemarin", "2014-12-29"), ("pukul 06.14 WIB", "2014-12-30T06:14")]
    result = CliRunner().invoke(eval_dates, [str(path)])
    assert result.output.strip().splitlines()[-1] == "dates F1 1.000 value-accuracy 1.000"


@pytest.mark.parametrize("text", ["Senin " * 3000, "2014 " * 3000, "dua hari " * 2000, "pukul 1" + "0" * 3000])
def test_long_degenerate_input_is_read_in_one_pass(text):
    found = find_dates(text, PUBLISHED)
    assert all(text[d["start"]:d["end"]] == d["text"] for d in found)
    assert all(a["end"] <= b["start"] for a, b in zip(found, found[1:]))


def test_weekday_beyond_the_calendar_has_no_value():
    """A publication date at the calendar's edge leaves the weekday that would fall outside it unresolved."""
    early = find_dates("Rapat digelar Senin lalu dan Jumat depan.", "0001-01-01")
    late = find_dates("Rapat digelar Senin lalu dan Jumat depan.", "9999-12-31")
    assert [d["value"] for d in early] == [None, "0001-01-05"]
    assert [d["value"] for d in late] == ["9999-12-27", None]
