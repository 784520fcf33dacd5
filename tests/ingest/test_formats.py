"""Every input format read through read_paths, as the pipeline and the engines call it."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from tests.ingest.conftest import SAMPLES, sample_page, write_warc
from warta.ingest import JsonFields, article_from_text, expand_paths, read_paths
from warta.report import RunReport

SEED = SAMPLES / "seed-viva-alibaba.txt"


def read(paths: list[Path | str], **options) -> tuple[list, RunReport]:
    report = RunReport()
    return list(read_paths([str(p) for p in paths], report, **options)), report


def test_text_dump_title_is_the_first_line_and_lines_are_kept():
    [doc], report = read([SEED])
    assert doc.title == "Menkominfo dan Menko Perekonomian Rayu Bos Alibaba"
    assert doc.raw_format == "text" and doc.source == str(SEED)
    assert doc.raw.split("\n")[0] == "Pendiri Alibaba Jack Ma."
    assert "Sumber :" in doc.raw.split("\n")
    assert report.read == 1 and report.rejected == 0


def test_article_from_text_with_a_given_title_keeps_the_whole_text():
    doc = article_from_text("Baris satu.\nBaris dua.", source="<text>", title="Judul", published="2020-01-01")
    assert (doc.title, doc.raw, doc.published) == ("Judul", "Baris satu.\nBaris dua.", "2020-01-01")
    crlf = article_from_text("\ufeffJudul\r\n\r\nIsi.\r\nLagi.", source="x")
    assert (crlf.title, crlf.raw) == ("Judul", "Isi.\nLagi.")


def test_gzip_is_detected_by_its_bytes_not_its_name(tmp_path):
    target = tmp_path / "seed.dat"
    target.write_bytes(gzip.compress(SEED.read_bytes()))
    [doc], _ = read([target])
    assert doc.title.startswith("Menkominfo") and doc.raw_format == "text"


def test_html_page_gives_title_date_url_and_text_lines():
    [doc], _ = read([SAMPLES / "html" / "kompas-singlepage2.html"])
    assert doc.raw_format == "html"
    assert doc.title == 'Menteri Yuddy Ancam PNS yang Rankingnya Terendah Akan "Dipangkas"'
    assert doc.published == "2016-02-16T14:38:00+07:00"
    assert doc.url.startswith("http://nasional.kompas.com/read/2016/02/16/")
    lines = doc.raw.split("\n")
    assert all(line.strip() == line and line for line in lines)
    assert any(line.startswith("JAKARTA, KOMPAS.com") for line in lines)
    assert doc.title not in lines  # the title line and what sits above it are not body


def test_html_inside_a_txt_file_is_read_as_html(tmp_path):
    target = tmp_path / "page.txt"
    target.write_bytes(sample_page("viva-singlepage.html"))
    [doc], _ = read([target])
    assert doc.raw_format == "html" and doc.title == "Taylor Swift Standing Ovation untuk Pianis Cilik Indonesia"


def test_jsonl_with_the_scrapers_own_field_names():
    docs, report = read([SAMPLES / "detik-sample.jsonl"])
    assert len(docs) == 30 and report.read == 30 and report.rejected == 0
    first = json.loads((SAMPLES / "detik-sample.jsonl").read_text(encoding="utf-8").split("\n")[0])
    assert docs[0].title == first["judul"] and docs[0].url == first["tautan"]
    assert docs[0].raw == first["isi_berita"].strip("\n").rstrip()
    assert docs[0].source.endswith("detik-sample.jsonl#1") and docs[29].source.endswith("#30")
    assert all(doc.published and doc.published.startswith("2025-") for doc in docs)
    assert "SCROLL TO CONTINUE WITH CONTENT" in docs[0].raw.split("\n")


def test_configured_fields_replace_the_defaults(tmp_path):
    target = tmp_path / "custom.jsonl"
    record = {"naskah": ["Paragraf satu.", "Paragraf dua."], "kepala": "Judul", "meta": {"terbit": "2024-03-01"},
              "text": "not this"}
    target.write_text(json.dumps(record) + "\n", encoding="utf-8")
    fields = JsonFields.from_options(text="naskah", title="kepala", date="meta.terbit")
    [doc], _ = read([target], fields=fields)
    assert (doc.raw, doc.title, doc.published) == ("Paragraf satu.\nParagraf dua.", "Judul", "2024-03-01")


def test_json_array_and_html_bodies(tmp_path):
    target = tmp_path / "export.json"
    target.write_text(json.dumps([{"title": "A", "content": "<p>Satu.</p><p>Dua &amp; tiga.</p>"},
                                  {"title": "B", "body": "Teks."}]), encoding="utf-8")
    docs, report = read([target])
    assert [d.raw for d in docs] == ["Satu.\nDua & tiga.", "Teks."]
    assert [d.source for d in docs] == [f"{target}#1", f"{target}#2"] and report.read == 2


def test_csv_with_header_and_gzip(tmp_path):
    target = tmp_path / "berita.csv.gz"
    text = 'judul,tautan,tanggal,isi_berita\nSatu,http://x/1,10/17/2025 15:00,"Baris.\nBaris dua."\n'
    target.write_bytes(gzip.compress(text.encode()))
    [doc], _ = read([target])
    assert (doc.title, doc.url, doc.published, doc.raw) == ("Satu", "http://x/1", "2025-10-17T15:00:00+07:00",
                                                            "Baris.\nBaris dua.")
    assert doc.raw_format == "csv" and doc.source == f"{target}#1"


@pytest.mark.parametrize("compressed", [True, False])
def test_warc_reads_html_responses_only(tmp_path, compressed):
    crawl = write_warc(tmp_path / ("crawl.warc.gz" if compressed else "crawl.warc"), [
        ("http://example.id/berita/1", sample_page("viva-singlepage.html"), "text/html; charset=utf-8"),
        ("http://example.id/logo.png", b"\x89PNG....", "image/png"),
        ("http://example.id/berita/2", sample_page("tempo-singlepage.html"), "text/html"),
    ], gzip=compressed)
    docs, report = read([crawl])
    assert [d.url for d in docs] == ["http://example.id/berita/1", "http://example.id/berita/2"]
    assert [d.source for d in docs] == [f"{crawl}#2", f"{crawl}#6"]
    assert docs[0].title == "Taylor Swift Standing Ovation untuk Pianis Cilik Indonesia"
    assert docs[1].published == "2015-11-05T11:13:00+07:00"
    assert all(d.raw_format == "warc" for d in docs)
    assert report.read == 2 and report.rejected == 0  # requests and the image are skipped, not counted


def test_the_bundled_samples_folder():
    report = RunReport()
    files = expand_paths([str(SAMPLES)], report)
    assert not any(f.endswith((".md", ".py")) for f in files)
    docs = list(read_paths(files, report))
    assert len(docs) == 39 and report.read == 39 and report.rejected == 0
    assert {d.raw_format for d in docs} == {"text", "html", "jsonl", "warc"}
    assert all(d.title and d.raw for d in docs)


def test_folders_recursively_sorted_globs_and_missing_paths(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text("Judul A\n\nIsi A.")
    (tmp_path / "b" / "c.txt").write_text("Judul C\n\nIsi C.")
    (tmp_path / "b" / "notes.md").write_text("# not input")
    (tmp_path / "b" / "dump.gz").write_bytes(gzip.compress(b"Judul D\n\nIsi D."))
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("not input")
    report = RunReport()
    assert expand_paths([str(tmp_path)], report) == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "c.txt"),
                                                    str(tmp_path / "b" / "dump.gz")]
    assert expand_paths([str(tmp_path / "**" / "*.txt")], report) == [str(tmp_path / "a.txt"),
                                                                       str(tmp_path / "b" / "c.txt")]
    assert expand_paths([str(tmp_path / "b" / "notes.md")], report) == [str(tmp_path / "b" / "notes.md")]
    assert expand_paths([str(tmp_path / "nope.txt"), str(tmp_path / "a.txt")], report) == [str(tmp_path / "a.txt")]
    assert [(r.file, r.reason) for r in report.rejections] == [(str(tmp_path / "nope.txt"), "no such file")]


def test_format_option_overrides_detection(tmp_path):
    target = tmp_path / "page.html"
    target.write_text("Judul Biasa\n\n<b> bukan HTML, hanya teks.", encoding="utf-8")
    [doc], _ = read([target], fmt="text")
    assert (doc.title, doc.raw_format) == ("Judul Biasa", "text")


def test_an_empty_folder_is_named(tmp_path):
    (tmp_path / "kosong").mkdir()
    report = RunReport()
    assert expand_paths([str(tmp_path / "kosong")], report) == []
    assert [r.reason for r in report.rejections] == ["no input files in folder"]


def test_a_page_without_title_tags_takes_its_heading(tmp_path):
    target = tmp_path / "bare.html"
    target.write_text("<html><body><h1>Banjir Rendam Tiga Kecamatan</h1><p>Isi berita yang cukup panjang "
                      "untuk dibaca sebagai paragraf utama halaman ini oleh pengekstrak.</p></body></html>")
    [doc], _ = read([target])
    assert doc.title == "Banjir Rendam Tiga Kecamatan" and doc.published is None


PROSE = ("Pemerintah provinsi menyiapkan anggaran tambahan untuk perbaikan jalan yang rusak akibat banjir "
         "di sejumlah kecamatan, kata kepala dinas kepada wartawan pada Senin siang.")


def test_json_ld_graph_and_a_site_name_in_the_title(tmp_path):
    target = tmp_path / "modern.html"
    target.write_text(f"""<html><head><title>Jalan Rusak Diperbaiki | Halaman all - Warta Kota</title>
      <script type="application/ld+json">{{"@context": "https://schema.org", "@graph": [
        {{"@type": "WebSite", "name": "Warta Kota"}},
        {{"@type": "NewsArticle", "headline": "Jalan Rusak Diperbaiki", "datePublished": "2025-03-04T09:15:00+07:00",
          "url": "https://wartakota.example.id/read/1"}}]}}</script>
      <meta property="og:site_name" content="Warta Kota"></head>
      <body><ul><li><a href="/2"><span class="date">Selasa, 1 Maret 2025 08:00 WIB</span> Berita lain</a></li></ul>
      <article><h1>Jalan Rusak Diperbaiki</h1><p>{PROSE}</p></article></body></html>""", encoding="utf-8")
    [doc], _ = read([target])
    assert doc.title == "Jalan Rusak Diperbaiki"
    assert doc.published == "2025-03-04T09:15:00+07:00" and doc.url == "https://wartakota.example.id/read/1"


def test_dates_in_related_cards_are_never_the_publication_date(tmp_path):
    target = tmp_path / "cards.html"
    target.write_text(f"""<html><head><title>Banjir Surut - Contoh</title></head><body>
      <ul class="terkait"><li><a href="/x"><div class="date">Rabu, 5 Mei 2021 10:00 WIB</div>Teaser</a></li></ul>
      <article><h1>Banjir Surut di Tiga Kecamatan</h1><p>{PROSE}</p></article></body></html>""", encoding="utf-8")
    [doc], _ = read([target])
    assert doc.published is None


def test_detik_style_publishdate_meta(tmp_path):
    target = tmp_path / "detik.html"
    target.write_text(f"""<html><head><meta name="dtk:publishdate" content="2025/10/17 15:00:00">
      <meta property="og:title" content="Menteri LH: Bogor Kunci Ketahanan Lingkungan"></head>
      <body><h1>Menteri LH: Bogor Kunci Ketahanan Lingkungan</h1><p>{PROSE}</p></body></html>""", encoding="utf-8")
    [doc], _ = read([target])
    assert doc.published == "2025-10-17T15:00:00+07:00"
    assert doc.title == "Menteri LH: Bogor Kunci Ketahanan Lingkungan"
