"""The quotes stage on hand-written Indonesian news text, with hand-built entity mentions."""
from __future__ import annotations

import random
import re

import pytest

from warta.extract.quotes import QuotesStage, extract_quotes, lexicon, quoted_spans
from warta.record import Article
from warta.report import RunReport


def person(body: str, surface: str, canonical: str | None = None, role: str | None = None,
           label: str = "PER") -> list[dict]:
    """Every whole-word occurrence of `surface` as an entity mention, as the entities stage writes them."""
    return [{"text": surface, "label": label, "start": m.start(), "end": m.end(),
             "canonical": canonical or surface, "role": role}
            for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", body)]


def only(quotes: list[dict], direct: bool = True) -> dict:
    chosen = [q for q in quotes if q["direct"] is direct]
    assert len(chosen) == 1, chosen
    return chosen[0]


def assert_offsets(body: str, quotes: list[dict]) -> None:
    for q in quotes:
        assert 0 <= q["start"] < q["end"] <= len(body)
        assert body[q["start"]:q["end"]] == q["text"]


# -- direct quotes and where the attribution is -------------------------------------------------

@pytest.mark.parametrize("verb", ["ujar", "kata", "ungkap", "jelas", "tutur", "terang", "imbuh", "tambah",
                                  "sebut", "beber", "papar", "tegas", "urai", "ucap", "lanjut", "pungkas", "tutup"])
def test_quote_then_short_verb_then_name(verb: str) -> None:
    body = f"Rapat berlangsung lama.\n\n\"Kami akan segera menyalurkan bantuan,\" {verb} Rudiantara di Jakarta."
    q = only(extract_quotes(body, person(body, "Rudiantara")))
    assert q["text"] == "Kami akan segera menyalurkan bantuan,"
    assert (q["speaker"], q["verb"], q["direct"]) == ("Rudiantara", verb, True)
    assert_offsets(body, [q])


@pytest.mark.parametrize("form, root", [("tegasnya", "tegas"), ("imbuhnya", "imbuh"), ("tambahnya", "tambah"),
                                        ("tuturnya", "tutur"), ("ucapnya lanjut", "ucap")])
def test_nya_verbs_report_the_root_and_resolve_to_the_last_person(form: str, root: str) -> None:
    body = (f"Menteri Pertanian Andi Amran Sulaiman meninjau gudang Bulog.\n\n"
            f"\u201cStok beras kita aman sampai akhir tahun,\u201d {form}.")
    ents = person(body, "Andi Amran Sulaiman", role="Menteri Pertanian")
    q = only(extract_quotes(body, ents))
    assert q["verb"] == root
    assert q["speaker"] == "Andi Amran Sulaiman"
    assert q["speaker_role"] == "Menteri Pertanian"


def test_speaker_is_the_canonical_entity_not_the_surface() -> None:
    body = ("Menkominfo Rudiantara bertemu Jack Ma.\n\n"
            "\"Ini untuk menindaklanjuti peta jalan e-commerce,\" ujar Menkominfo.")
    ents = person(body, "Rudiantara", role="Menkominfo") + person(body, "Jack Ma")
    ents += [dict(e, canonical="Rudiantara") for e in person(body, "Menkominfo") if e["start"] > 10]
    q = only(extract_quotes(body, ents))
    assert q["speaker"] == "Rudiantara"


def test_the_person_set_off_after_whom_a_noun_relates_to_speaks() -> None:
    body = "\"Dia siap menghadapi semua ini,\" kata pengacara Lisa, Jhony Boy Nababan, kepada wartawan."
    ents = person(body, "Lisa", "Lisa Mariana") + person(body, "Jhony Boy Nababan")
    assert only(extract_quotes(body, ents))["speaker"] == "Jhony Boy Nababan"
    body = "\"Dia siap menghadapi semua ini,\" kata Lisa, Jhony Boy Nababan, dan kawan-kawan."
    ents = person(body, "Lisa", "Lisa Mariana") + person(body, "Jhony Boy Nababan")
    assert only(extract_quotes(body, ents))["speaker"] == "Lisa Mariana"


def test_role_only_attribution_resolves_through_the_entity_role() -> None:
    body = ("Presiden Joko Widodo memimpin rapat terbatas.\n\n"
            "\u201dSemuanya harus jalan minggu ini,\u201d kata Presiden dalam rapat itu.")
    ents = person(body, "Joko Widodo", role="Presiden")
    assert only(extract_quotes(body, ents))["speaker"] == "Joko Widodo"
    body = ("Kanit Reskrim Polsek Sako Iptu Apriansyah membenarkan penahanan itu.\n\n"
            '"Statusnya masih saksi, ditahan 1x24 jam," kata Kanit, terpisah.')
    ents = person(body, "Apriansyah", role="Kanit Reskrim Polsek Sako")
    assert only(extract_quotes(body, ents))["speaker"] == "Apriansyah"


def test_name_after_a_postposed_role() -> None:
    body = ("\"Begitu garis kemiskinan naik, penduduk bisa langsung terdampak,\" papar Kepala BPS "
            "Provinsi DKI Jakarta, Nurul Hasanudin.")
    ents = person(body, "Nurul Hasanudin", role="Kepala BPS Provinsi DKI Jakarta")
    ents += person(body, "BPS", label="ORG")
    q = only(extract_quotes(body, ents))
    assert (q["speaker"], q["verb"]) == ("Nurul Hasanudin", "papar")


def test_quote_glued_to_the_previous_word() -> None:
    body = ("Managing Director Galderma Indonesia Mesza Reinaldo menyampaikan pihaknya percaya pada kulit "
            "sensitif.\"Dengan pengetahuan yang tepat, kita dapat memberikan solusi,\" kata Mesza, Senin (28/7/2025).")
    ents = person(body, "Mesza Reinaldo") + [dict(e, canonical="Mesza Reinaldo") for e in person(body, "Mesza")
                                             if body[e["end"]] == ","]
    q = only(extract_quotes(body, ents))
    assert q["text"].startswith("Dengan pengetahuan")
    assert (q["speaker"], q["verb"]) == ("Mesza Reinaldo", "kata")


def test_quote_ending_in_a_question_mark() -> None:
    body = "Timboel Siregar menilai program itu keliru.\n\n\"Cuma Rp 16.800 per bulan, masa tidak mampu, sih?\" ucapnya."
    q = only(extract_quotes(body, person(body, "Timboel Siregar")))
    assert q["text"].endswith("masa tidak mampu, sih?")
    assert q["speaker"] == "Timboel Siregar"


def test_quote_running_over_several_paragraphs() -> None:
    body = ("Kalla menjelaskan rencana pemerintah.\n\n"
            "\u201cPertama, subsidi akan dipangkas. Anggarannya dialihkan ke infrastruktur.\n\n"
            "\u201cKedua, birokrasi dihemat. Semuanya akan lebih efisien,\u201d papar Kalla.")
    q = only(extract_quotes(body, person(body, "Kalla", "Jusuf Kalla")))
    assert q["text"].startswith("Pertama, subsidi")
    assert q["text"].endswith("lebih efisien,")
    assert (q["speaker"], q["verb"]) == ("Jusuf Kalla", "papar")
    assert_offsets(body, [q])


def test_attribution_first_with_a_verb() -> None:
    body = ("Koordinator Advokasi BPJS Watch, Timboel Siregar mengatakan, \"Pemda lain sudah menjaminkan "
            "pekerja informal.\"")
    q = only(extract_quotes(body, person(body, "Timboel Siregar")))
    assert q["text"] == "Pemda lain sudah menjaminkan pekerja informal."
    assert (q["speaker"], q["verb"]) == ("Timboel Siregar", "kata")


def test_attribution_first_with_menurut() -> None:
    body = "Menurut Sri Mulyani, \u201cdefisit anggaran masih terkendali tahun ini.\u201d"
    q = only(extract_quotes(body, person(body, "Sri Mulyani", "Sri Mulyani Indrawati")))
    assert (q["speaker"], q["verb"]) == ("Sri Mulyani Indrawati", "menurut")


def test_attribution_on_the_previous_line_ending_in_a_colon() -> None:
    body = "Gubernur Anies Baswedan berkata:\n\n\"Kami akan menutup jalan itu selama dua pekan.\""
    q = only(extract_quotes(body, person(body, "Anies Baswedan")))
    assert (q["speaker"], q["verb"]) == ("Anies Baswedan", "kata")


def test_split_quote_keeps_its_speaker() -> None:
    body = "\"Kami siap,\" kata Dedi Mulyadi, \"asal datanya terbuka untuk publik.\""
    quotes = extract_quotes(body, person(body, "Dedi Mulyadi"))
    assert [q["speaker"] for q in quotes] == ["Dedi Mulyadi", "Dedi Mulyadi"]
    assert quotes[1]["text"] == "asal datanya terbuka untuk publik."


def test_subject_after_the_quote() -> None:
    body = "Hasudungan meninjau Puskeswan.\n\n\"Layanan ini masih berbayar,\" ia menambahkan."
    q = only(extract_quotes(body, person(body, "Hasudungan", "Hasudungan Sidabalok")))
    assert (q["speaker"], q["verb"]) == ("Hasudungan Sidabalok", "tambah")


# -- pronouns and null speakers -----------------------------------------------------------------

def test_pronoun_skips_people_named_inside_quotes() -> None:
    body = ("\"Tanya saja ke Bank Sentral, datanya mirip,\" beber Purbaya.\n\n"
            "\"Jadi, pak Dedi tahu semua bank? Kan dia hanya tahu Jabar,\" tuturnya.")
    ents = person(body, "Purbaya", "Purbaya Yudhi Sadewa") + person(body, "Dedi", "Dedi Mulyadi")
    quotes = extract_quotes(body, ents)
    assert [q["speaker"] for q in quotes] == ["Purbaya Yudhi Sadewa", "Purbaya Yudhi Sadewa"]


def test_pronoun_takes_the_subject_of_the_last_sentence_naming_a_person() -> None:
    body = ("Koordinator BPJS Watch, Timboel Siregar mengatakan pemerintah harus mendahulukan manusia. "
            "Ia menegaskan, wacana itu sebaiknya ditunda.\n\n"
            "\"Pemda-pemda lain sudah menjaminkan,\" ucapnya saat dihubungi.")
    ents = person(body, "Timboel Siregar")
    assert only(extract_quotes(body, ents))["speaker"] == "Timboel Siregar"


def test_kata_dia_resolves_like_nya() -> None:
    body = "Jusuf Kalla menutup perdagangan saham.\n\n\"Devisa harus masuk,\" ucap dia."
    q = only(extract_quotes(body, person(body, "Jusuf Kalla")))
    assert (q["speaker"], q["verb"]) == ("Jusuf Kalla", "ucap")


def test_unresolvable_pronoun_is_null_not_a_guess() -> None:
    body = "\"Harga beras akan turun pekan depan,\" ujarnya."
    q = only(extract_quotes(body, []))
    assert q["speaker"] is None and q["verb"] == "ujar"


def test_plural_speaker_is_null() -> None:
    body = "Purbaya dan Dedi berdebat.\n\n\"Kami belum sepakat,\" kata mereka."
    ents = person(body, "Purbaya") + person(body, "Dedi")
    assert only(extract_quotes(body, ents))["speaker"] is None


def test_organisation_named_after_the_verb_speaks_for_itself() -> None:
    body = "\"Inflasi terkendali,\" kata Bank Indonesia dalam siaran pers."
    q = only(extract_quotes(body, person(body, "Bank Indonesia", label="ORG")))
    assert (q["speaker"], q["speaker_role"]) == ("Bank Indonesia", None)


def test_organisation_inside_a_role_is_not_the_speaker() -> None:
    body = "\"Inflasi terkendali,\" kata Gubernur Bank Indonesia Perry Warjiyo."
    ents = person(body, "Bank Indonesia", label="ORG") + person(body, "Perry Warjiyo")
    assert only(extract_quotes(body, ents))["speaker"] == "Perry Warjiyo"


def test_name_the_entities_stage_missed_is_not_invented() -> None:
    body = "Andi Amran meninjau gudang.\n\n\"Stok aman,\" kata Kepala Gudang Bulog."
    q = only(extract_quotes(body, person(body, "Andi Amran")))
    assert q["speaker"] is None


def test_without_entities_the_written_name_is_used() -> None:
    body = "\"Stok aman,\" kata Pak Budi Santoso dalam keterangannya."
    assert only(extract_quotes(body, []))["speaker"] == "Budi Santoso"


# -- indirect statements ------------------------------------------------------------------------

def test_indirect_statement_with_bahwa() -> None:
    body = "Wakil Presiden Jusuf Kalla mengatakan bahwa pemerintah akan memangkas subsidi BBM tahun depan."
    q = only(extract_quotes(body, person(body, "Jusuf Kalla", role="Wakil Presiden")), direct=False)
    assert q["text"] == "pemerintah akan memangkas subsidi BBM tahun depan"
    assert (q["speaker"], q["verb"], q["speaker_role"]) == ("Jusuf Kalla", "kata", "Wakil Presiden")


def test_indirect_statement_with_menurut_and_a_pronoun() -> None:
    body = ("Kalla berbicara di Bursa Efek Jakarta. Menurut dia, masyarakat baru bisa merasakan manfaatnya "
            "dua tahun lagi.")
    q = only(extract_quotes(body, person(body, "Kalla", "Jusuf Kalla")), direct=False)
    assert q["text"].startswith("masyarakat baru bisa")
    assert (q["speaker"], q["verb"]) == ("Jusuf Kalla", "menurut")


def test_indirect_statement_with_menurut_and_a_name_set_off_by_commas() -> None:
    body = "Menurut kuasa hukum Joko Tjandra, Anita Kolopaking, kepemilikan Joko atas properti itu sah."
    entities = person(body, "Joko Tjandra") + person(body, "Anita Kolopaking", role="kuasa hukum Joko Tjandra")
    q = only(extract_quotes(body, entities), direct=False)
    assert q["text"] == "kepemilikan Joko atas properti itu sah"   # the name is the who's, not the statement's
    assert q["speaker"] == "Anita Kolopaking"
    body = "Kalla berbicara di Bursa Efek Jakarta. Menurut dia, Jakarta, Bandung dan Medan siap menjadi tuan rumah."
    q = only(extract_quotes(body, person(body, "Kalla", "Jusuf Kalla")), direct=False)
    assert q["text"].startswith("Jakarta, Bandung") and q["speaker"] == "Jusuf Kalla"   # a pronoun takes no name


def test_indirect_statement_needs_a_person() -> None:
    body = "Menurut data BPS, angka kemiskinan turun tahun ini."
    assert extract_quotes(body, person(body, "BPS", label="ORG")) == []


# -- not quotes ---------------------------------------------------------------------------------

@pytest.mark.parametrize("body", [
    "Banyak yang menyebut program ini dengan istilah 'BPJS Hewan'.",
    "Saksikan pembahasan lengkapnya di detikPagi.\n\n\"Detik Pagi, Jangan Tidur Lagi!\"",
    "Tonton juga video \"Purbaya Ungkap Rahasia Soeharto Bertahan 32 Tahun\" di sini:",
    "Penanganan ekonomi pemerintah belum \"menendang\" dan belum efektif.",
    "Ia membaca buku \u201cBumi Manusia\u201d karya Pramoedya.",
])
def test_titles_taglines_and_scare_quotes_are_not_quotes(body: str) -> None:
    assert [q for q in extract_quotes(body, []) if q["direct"]] == []


# -- odd input ----------------------------------------------------------------------------------

@pytest.mark.parametrize("body", [
    "", "\"", "\"\"", "\u201c\u201d", "\"ujarnya", "\"Tanpa penutup, kata Budi.", "Tanpa pembuka,\" kata Budi.",
    "\"A,\" \"B,\" \"C", "\n\n\n", "\"\u0627\u0644\u0633\u0644\u0627\u0645 \u4f60\u597d \u0416,\" kata \u5f20\u4e09.",
    "\u201d\u201d\u201d\u201c\u201c kata", "Menurut , ,", "ujarnya." * 3,
])
def test_odd_input_never_crashes(body: str) -> None:
    assert_offsets(body, extract_quotes(body, []))


def test_random_text_never_crashes_and_offsets_hold() -> None:
    rng = random.Random(4)
    alphabet = list("ab cD,.\n\"\u201c\u201d'?!:") + ["kata ", "ujarnya ", "Menurut ", "Budi ", "mengatakan ", "bahwa "]
    for _ in range(300):
        body = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        ents = person(body, "Budi")
        assert_offsets(body, extract_quotes(body, ents))


def test_malformed_entities_are_ignored() -> None:
    body = "\"Stok aman,\" kata Budi."
    ents = [{"label": "PER"}, {"start": "x", "end": 3}, {"start": 40, "end": 90, "label": "PER"}, "Budi"]
    assert only(extract_quotes(body, ents))["verb"] == "kata"  # type: ignore[arg-type]


def test_unbalanced_quote_does_not_swallow_the_next_paragraph() -> None:
    body = "\"Kalimat tanpa penutup.\n\nBudi pulang ke rumah. \"Saya lelah,\" kata Budi."
    assert quoted_spans(body) == [(body.index("Saya"), body.index(",\" kata") + 1)]


def test_every_verb_in_the_table_has_a_root() -> None:
    lex = lexicon()
    assert lex.root("mengatakan") == "kata" and lex.root("tegasnya") == "tegas" and lex.root("Ujar") == "ujar"
    assert all(root for root in lex.verb_roots.values())


def test_stage_fills_article_quotes() -> None:
    body = "\"Stok aman,\" kata Budi."
    doc = Article(body=body, entities=person(body, "Budi", "Budi Santoso"))
    out = list(QuotesStage().run([doc, Article(body="")], RunReport()))
    assert out[0].quotes[0]["speaker"] == "Budi Santoso"
    assert out[1].quotes == []


def test_role_phrase_with_a_demonstrative_points_back() -> None:
    body = ("Appi hadir di Sekretariat Golkar Makassar.\n\n"
            "\"Golkar kehilangan pucuk pimpinan DPRD provinsi,\" lanjut Wali Kota Makassar ini.")
    q = only(extract_quotes(body, person(body, "Appi", "Munafri Arifuddin")))
    assert (q["speaker"], q["verb"]) == ("Munafri Arifuddin", "lanjut")


@pytest.mark.parametrize("lead", ["Dedi Mulyadi mengatakan kepada wartawan, ", "Dedi Mulyadi menegaskan bahwa ",
                                  "Dedi Mulyadi berkata: "])
def test_attribution_first_with_a_phrase_or_bahwa(lead: str) -> None:
    body = lead + "\u201cdatanya harus dibuka untuk publik.\u201d"
    q = only(extract_quotes(body, person(body, "Dedi Mulyadi")))
    assert q["speaker"] == "Dedi Mulyadi" and q["text"] == "datanya harus dibuka untuk publik."


def test_a_verb_right_before_a_quoted_term_is_not_an_attribution() -> None:
    body = "Dedi Mulyadi menyebut \"BPJS Hewan\" sebagai istilah saja."
    assert [q for q in extract_quotes(body, person(body, "Dedi Mulyadi")) if q["direct"]] == []


def test_quote_continuing_after_the_attribution_sentence() -> None:
    body = "\"Stok beras aman,\" kata Budi Santoso. \"Harga juga akan turun pekan depan.\""
    quotes = extract_quotes(body, person(body, "Budi Santoso"))
    assert [(q["text"], q["speaker"], q["verb"]) for q in quotes] == [
        ("Stok beras aman,", "Budi Santoso", "kata"), ("Harga juga akan turun pekan depan.", "Budi Santoso", "kata")]


def test_a_quoted_title_after_an_attribution_in_another_paragraph_is_not_a_quote() -> None:
    body = "\"Stok beras aman,\" kata Budi Santoso.\n\nIa menonton film \"Laskar Pelangi\" kemarin."
    assert len(extract_quotes(body, person(body, "Budi Santoso"))) == 1


def test_a_person_after_a_hard_stop_is_not_the_speaker() -> None:
    body = ("Presiden Joko Widodo meninjau pembagian bansos.\n\n"
            "\"Bansos harus tepat sasaran,\" ujar Presiden, yang datang bersama Menko PMK Muhadjir Effendy.")
    ents = person(body, "Joko Widodo", role="Presiden") + person(body, "Muhadjir Effendy", role="Menko PMK")
    assert only(extract_quotes(body, ents))["speaker"] == "Joko Widodo"


def test_a_role_with_a_capitalised_stop_word_keeps_its_person() -> None:
    body = "\"Pilkada tetap berjalan,\" kata Menteri Dalam Negeri Tito Karnavian."
    assert only(extract_quotes(body, person(body, "Tito Karnavian")))["speaker"] == "Tito Karnavian"


def test_a_name_the_entities_stage_missed_after_a_role_with_an_organisation() -> None:
    body = "\"Harga beras naik,\" kata Kepala BPS Jawa Barat, Marsudijono."
    ents = person(body, "BPS Jawa Barat", label="ORG")
    assert only(extract_quotes(body, ents))["speaker"] == "Marsudijono"


def test_a_quoted_term_before_a_common_word_is_not_a_quote() -> None:
    body = "Program \"Sekolah Rakyat\" lanjut dibahas pekan depan oleh Budi."
    assert [q for q in extract_quotes(body, person(body, "Budi")) if q["direct"]] == []


def test_a_person_known_only_by_initials_is_a_pronouns_speaker_only_in_the_first_person() -> None:
    about = ("Kapolsek Sako Iptu Apriansyah menjelaskan kasus itu. Saat ini AR masih menjalani pemeriksaan.\n\n"
             "\"Dia juga sudah membuat video permintaan maaf,\" ujarnya.")
    ents = person(about, "Apriansyah") + person(about, "AR")
    assert only(extract_quotes(about, ents))["speaker"] == "Apriansyah"
    own = "Polisi menangkap HM pekan lalu. HM mengaku bersyukur.\n\n\"Saya ikhlas dan tidak ada dendam,\" katanya."
    assert only(extract_quotes(own, person(own, "HM")))["speaker"] == "HM"


@pytest.mark.parametrize("attribution, speaker", [
    ("kata M. Iftitah Sulaiman Suryanagara di kantornya.", "M. Iftitah Sulaiman Suryanagara"),
    ("ujar Plt. Direktur Jenderal Imigrasi Yuldi Yusman di Jakarta.", "Yuldi Yusman"),
])
def test_an_initial_or_an_abbreviated_title_does_not_end_the_attribution(attribution: str, speaker: str) -> None:
    body = f'"Kami terus bekerja," {attribution} Ia menambahkan hal lain.'
    assert only(extract_quotes(body, person(body, speaker)))["speaker"] == speaker
