"""The cleaner's rules one by one: datelines, corpus rules, language, non-news, published dates."""
from __future__ import annotations

import io
import json

import pytest

from warta.clean.profile import CorpusProfile
from warta.clean.published import date_in_body
from warta.clean.rules import POSITIONAL_KINDS, datelines, kinds, noise_rules, read_table
from warta.clean.stage import CleanStage
from warta.pipeline import Pipeline
from warta.record import Article
from warta.report import RunReport
from tests.clean.helpers import clean

PROSE = ("Pemerintah provinsi menyiapkan anggaran tambahan untuk perbaikan jalan yang rusak akibat banjir "
         "pekan lalu, kata kepala dinas pekerjaan umum kepada wartawan di kantornya.")


def article(lines: list[str], title: str = "Judul Berita Hari Ini", **fields) -> Article:
    return Article(source="test", title=title, raw="\n".join(lines), raw_format="text", **fields)


@pytest.mark.parametrize("first_line, outlet, place, dateline", [
    ("VIVA.co.id – Menteri datang.", "VIVA.co.id", None, "VIVA.co.id –"),
    ("JAKARTA, KOMPAS.com - Menteri datang.", "KOMPAS.com", "JAKARTA", "JAKARTA, KOMPAS.com -"),
    ("Jakarta, CNN Indonesia -- Menteri datang.", "CNN Indonesia", "Jakarta", "Jakarta, CNN Indonesia --"),
    ("Liputan6.com, Jakarta: Menteri datang.", "Liputan6.com", "Jakarta", "Liputan6.com, Jakarta:"),
    ("TEMPO.CO, Jakarta - Menteri datang.", "TEMPO.CO", "Jakarta", "TEMPO.CO, Jakarta -"),
    ("Mataram, NTB (ANTARA News) - Menteri datang.", "ANTARA", "Mataram, NTB", "Mataram, NTB (ANTARA News) -"),
    ("REPUBLIKA.CO.ID, JAKARTA -- Menteri datang.", "Republika", "JAKARTA", "REPUBLIKA.CO.ID, JAKARTA --"),
    ("Jakarta - Menteri datang ke kantor hari ini.", None, "Jakarta", "Jakarta -"),
])
def test_dateline_gives_outlet_and_place_and_leaves_the_paragraph(first_line, outlet, place, dateline):
    [doc], _ = clean([article([first_line + " " + PROSE, PROSE])])
    assert (doc.outlet, doc.place, doc.dateline) == (outlet, place, dateline)
    assert doc.paragraphs[0] == "Menteri datang" + first_line.split("Menteri datang", 1)[1] + " " + PROSE


def test_outlet_from_the_url_when_there_is_no_dateline():
    [doc], _ = clean([article([PROSE], url="https://finance.detik.com/berita/d-1/x")])
    assert doc.outlet == "detik.com" and doc.dateline is None


def test_every_table_row_is_well_formed():
    known = set(kinds())
    assert {"ad", "teaser", "promo", "image_caption", "image_credit", "byline", "related_card", "other"} <= known
    assert len(noise_rules().rules) == len(read_table("noise_lines.tsv"))
    assert all(rule.kind in known | POSITIONAL_KINDS for rule in noise_rules().rules)
    assert len(datelines()) == len(read_table("datelines.tsv"))


@pytest.mark.parametrize("line, kind", [
    ("SCROLL TO CONTINUE WITH CONTENT", "ad"),
    ("Baca juga: Harga Beras Naik Lagi di Pasar Induk", "teaser"),
    ("Berita Terkait", "related"),
    ("(bgs/rul)", "byline"),
    ("Editor: Ade Marboen", "byline"),
    ("COPYRIGHT © ANTARA 2015", "footer"),
    ("Tags: banjir, jakarta", "tag"),
    ("17Shares / Facebook Twitter Google+ Email Copy Link", "share"),
    ("(Foto: dok. Humas)", "image_credit"),
    ('"Detik Sore, Nggak Cuma Hore-hore!"', "promo"),
    ("Saksikan LiveDetikpagi:", "promo"),
])
def test_noise_lines_are_labelled(line, kind):
    [doc], _ = clean([article([PROSE, line, PROSE + " Lagi."])])
    assert {"text": line, "kind": kind} in doc.noise and line not in doc.paragraphs


def test_a_programme_plug_of_several_paragraphs_at_the_end_is_promo():
    plug = [
        "Lalu bagaimana kebijakan ini akan berjalan? Ikuti diskusinya dalam Editorial Review.",
        "Siapa sosok di balik kasus ini? Ikuti laporan langsung jurnalis detikBali selengkapnya.",
        "Menjelang petang nanti, detikSore akan mengulas lebih dalam polemik soal data pribadi.",
        '"Ini kutipan yang diulas dalam acara itu," kata seorang narasumber.',
        "Ikuti terus ulasan mendalam berita-berita hangat detikcom yang disiarkan secara langsung (live streaming) "
        "pada Senin-Jumat, pukul 15.30-18.00 WIB, di 20.detik.com dan TikTok detikcom.",
        '"Detik Sore, Nggak Cuma Hore-hore!"',
    ]
    [doc], _ = clean([article([PROSE, PROSE + " Lagi.", *plug])])
    assert [p for p in doc.paragraphs if p in plug] == [plug[3]]  # the quote matches no rule; the plug above it is reached
    assert {"text": plug[0], "kind": "promo"} in doc.noise and {"text": plug[2], "kind": "promo"} in doc.noise


def test_a_quoted_paragraph_ending_in_a_plug_stays():
    quoted = '"Kenapa kok tiba-tiba ada aturan ini?" ujar Doli. Ada apa di balik aturan ini? Ikuti ulasannya dalam Editorial Review.'
    [doc], _ = clean([article([PROSE, PROSE + " Lagi.", quoted])])
    assert quoted in doc.paragraphs


def test_baca_juga_headline_goes_to_related():
    [doc], _ = clean([article([PROSE, "Baca juga: Harga Beras Naik Lagi di Pasar Induk", PROSE + " Lagi."])])
    assert doc.related == [{"title": "Harga Beras Naik Lagi di Pasar Induk"}]


def test_a_line_recurring_across_an_outlet_is_noise_with_a_profile_only():
    footer = "Ikuti terus perkembangan berita pilihan redaksi setiap hari"
    docs = [article([f"{PROSE} Nomor {i}.", footer], title=f"Berita nomor {i} hari ini", url=f"https://www.contoh.co.id/{i}")
            for i in range(10)]
    alone, _ = clean([article([PROSE, footer], url="https://www.contoh.co.id/x")])
    assert footer in alone[0].paragraphs
    profile = CorpusProfile.build(docs)
    cleaned, _ = clean(docs, profile=profile)
    assert all({"text": footer, "kind": "other"} in doc.noise for doc in cleaned)
    assert all(footer not in doc.paragraphs for doc in cleaned)


def test_a_long_sentence_shared_by_a_few_stories_stays():
    shared = PROSE + " Ini kalimat yang dikutip ulang."
    docs = [article([f"{PROSE} Nomor {i}.", shared], title=f"Berita nomor {i} hari ini", url=f"https://www.contoh.co.id/{i}")
            for i in range(3)] + [article([f"{PROSE} Lain {i}."], title=f"Berita lain {i} di sini", url=f"https://www.contoh.co.id/l{i}")
                                 for i in range(7)]
    cleaned, _ = clean(docs, profile=CorpusProfile.build(docs))
    assert all(shared in doc.paragraphs for doc in cleaned[:3])


def test_the_title_of_another_article_of_the_run_is_a_teaser():
    other_title = "Harga Cabai Rawit Melonjak Jelang Akhir Tahun"
    docs = [article([PROSE, other_title, PROSE + " Lagi."]), article([PROSE + " Dua."], title=other_title)]
    alone, _ = clean([docs[0]])
    assert other_title in alone[0].paragraphs
    cleaned, _ = clean(docs, profile=CorpusProfile.build(docs))
    assert {"text": other_title, "kind": "teaser"} in cleaned[0].noise
    assert cleaned[0].related == [{"title": other_title}]
    assert cleaned[1].paragraphs == [PROSE + " Dua."]


def test_profile_survives_json_and_merges_across_shards(tmp_path):
    docs = [article([f"{PROSE} {i}.", "Baris sama di semua berita"], title=f"Judul berita nomor {i}") for i in range(6)]
    whole = CorpusProfile.build(docs)
    merged = CorpusProfile.build(docs[:3]).merge(CorpusProfile.build(docs[3:]))
    path = tmp_path / "profile.json"
    merged.save(path)
    loaded = CorpusProfile.load(path)
    assert loaded.documents == whole.documents == 6
    assert loaded.is_recurring("", "Baris sama di semua berita") and not loaded.is_recurring("", PROSE + " 1.")
    assert loaded.is_other_title("Judul berita nomor 2", "Judul berita nomor 1")
    assert not loaded.is_other_title("Judul berita nomor 2", "Judul berita nomor 2")
    # the engines hand the stage the JSON form
    stage = Pipeline(["clean"], config={"clean": {"profile": json.loads(path.read_text())}}).stages[0]
    assert isinstance(stage, CleanStage) and stage.profile.documents == 6


def test_english_article_is_labelled_and_kept_whole():
    english = ["TEMPO.CO, Jakarta - Indonesia could learn from Finland's experience in handling peatlands, "
               "as they cover about one-third of Finland's territory.",
               "Peatlands Are Managed Carefully In Northern Europe",
               "\"We must improve the management of peatlands,\" the minister said on Tuesday."]
    [doc], _ = clean([article(english, title="Indonesia can Learn from Finland")])
    assert doc.lang == "en"
    assert len(doc.paragraphs) == 3


@pytest.mark.parametrize("lines", [
    ["12.500", "13.100", "14.200", "15.900"],
    ["Harga Emas Hari Ini"],
    ["Berita Terkait", "Baca juga: Sesuatu Yang Lain", "ADVERTISEMENT"],
])
def test_non_news_is_rejected_with_a_reason(lines):
    report = RunReport(stderr=io.StringIO())
    out = list(CleanStage().run([article(lines)], report))
    assert out == [] and report.rejected == 1
    assert report.rejections[0].reason.startswith("not a news article: ")


def test_published_comes_from_the_article_head_or_body_never_from_a_card():
    head = article(["Selasa, 23 Februari 2016, 17:15 WIB", PROSE])
    body = article([PROSE, "Hal itu disampaikan di Jakarta, Selasa (30/12/2014)."])
    card = article([PROSE, "Tren Keuangan Digital 2020 Naik", "img_title", "5 Mei 2021"])
    cleaned, _ = clean([head, body, card])
    assert [doc.published for doc in cleaned] == ["2016-02-23", "2014-12-30", None]
    meta, _ = clean([article([PROSE], published="2020-01-02T10:00:00+07:00")])
    assert meta[0].published == "2020-01-02T10:00:00+07:00"


def test_body_date_needs_a_weekday():
    assert date_in_body(["Pada (30/12/2014) terjadi."]) is None
    assert date_in_body(["Rabu, 4 November 2015, acara digelar."]) == "2015-11-04"


VIVA_DUMP = """
Menteri Perindustrian Agus Gumiwang.
Sumber :
  • VIVA/Muhamad Solihin

VIVA – Pemerintah menyiapkan insentif bagi pembeli mobil listrik mulai tahun depan. Kebijakan itu diharapkan mendorong penjualan kendaraan ramah lingkungan di dalam negeri.

Harga Minyak Dunia Anjlok, Rupiah Menguat Tipis

"Kami ingin industri otomotif nasional ikut bertransformasi. Insentif ini bagian dari peta jalan kendaraan listrik," kata Agus di Jakarta.

Apa Kabar Proyek Baterai Listrik di Morowali?

Sebelumnya, sejumlah produsen telah menyatakan minat membangun pabrik di Indonesia.

Ilustrasi pabrik baterai.
Investasi Baterai Kendaraan Listrik Capai Rp50 Triliun
Pemerintah mencatat investasi di sektor baterai terus meningkat sepanjang tahun ini.
img_title
VIVA.co.id
12 Juni 2022
Penjualan Mobil Listrik Naik Dua Kali Lipat
img_title
VIVA.co.id
3 Juni 2022"""


def test_viva_dump_with_two_trailing_cards():
    [doc], _ = clean([Article(source="viva", title="Pemerintah Siapkan Insentif Mobil Listrik", raw=VIVA_DUMP)])
    assert doc.outlet == "VIVA.co.id" and doc.dateline == "VIVA –" and doc.published is None
    assert len(doc.paragraphs) == 3 and doc.paragraphs[0].startswith("Pemerintah menyiapkan insentif")
    assert [r["title"] for r in doc.related] == [
        "Harga Minyak Dunia Anjlok, Rupiah Menguat Tipis", "Apa Kabar Proyek Baterai Listrik di Morowali?",
        "Investasi Baterai Kendaraan Listrik Capai Rp50 Triliun", "Penjualan Mobil Listrik Naik Dua Kali Lipat"]
    assert doc.images == [{"caption": "Menteri Perindustrian Agus Gumiwang.", "credit": "VIVA/Muhamad Solihin"}]
    assert sum(n["kind"] == "related_card" for n in doc.noise) == 10
