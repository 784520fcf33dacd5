"""Alias linking: every mention of one entity shares the fullest name the body gives."""
from __future__ import annotations

import pytest

from tests.conftest import shared_path
from warta.extract.entities.linking import display_name, name_key
from warta.extract.entities.mentions import abbreviation_matches
from warta.extract.entities.ner import MODEL_DIR, MODEL_FILE, load_tagger
from warta.extract.entities.stage import extract_entities

needs_model = pytest.mark.skipif(not (MODEL_DIR / MODEL_FILE).exists(), reason="no shipped NER model")


def canonicals(body: str, surface: str) -> set[str]:
    """The canonical names given to every mention whose text is `surface`."""
    found = {e["canonical"] for e in extract_entities(body, load_tagger()) if e["text"] == surface}
    assert found, f"no mention {surface!r} in {[e['text'] for e in extract_entities(body, load_tagger())]}"
    return found


def test_abbreviations_match_their_long_form() -> None:
    assert abbreviation_matches("BPS", "Badan Pusat Statistik")
    assert abbreviation_matches("HIPMI", "Himpunan Pengusaha Muda Indonesia")
    assert abbreviation_matches("DKPKP", "Dinas Ketahanan Pangan, Kelautan, dan Pertanian")
    assert abbreviation_matches("Jabar", "Jawa Barat")
    assert not abbreviation_matches("BI", "Lembaga Penjamin Simpanan")
    assert not abbreviation_matches("AS", "Badan Pengawas Obat dan Makanan Republik Indonesia")


def test_name_keys_spell_out_acronyms_and_drop_honorifics() -> None:
    assert name_key("Kementerian Kominfo", "ORG", {}) == name_key("Kementerian Komunikasi dan Informatika", "ORG", {})
    assert name_key("Kemenkeu", "ORG", {}) == name_key("Kementerian Keuangan", "ORG", {})
    assert name_key("PT Pos Indonesia", "ORG", {}) == name_key("Pos Indonesia", "ORG", {})
    assert name_key("Pak Tito", "PER", {}) == name_key("Tito", "PER", {})
    assert name_key("Kang Dedi Mulyadi", "PER", {}) == name_key("Dedi Mulyadi", "PER", {})
    assert name_key("KDM", "PER", {"KDM": "Kang Dedi Mulyadi"}) == ("dedi", "mulyadi")
    assert name_key("DKI Jakarta", "LOC", {}) == name_key("Kota Jakarta", "LOC", {}) == ("jakarta",)
    assert name_key("Jabar", "LOC", {}) == name_key("Jawa Barat", "LOC", {})


def test_display_names_drop_parentheses_honorifics_and_place_words() -> None:
    assert display_name("Pemerintah Provinsi (Pemprov) DKI Jakarta", "ORG") == "Pemerintah Provinsi DKI Jakarta"
    assert display_name("Kang Dedi Mulyadi", "PER") == "Dedi Mulyadi"
    assert display_name("dr Eliza Ennio Gunawan", "PER") == "Eliza Ennio Gunawan"
    assert display_name("Provinsi Jakarta", "LOC") == "Jakarta"


@needs_model
def test_short_name_and_role_nouns_link_to_the_full_name() -> None:
    body = ("Pendiri Alibaba, Jack Ma, tiba di Jakarta. Ma mengatakan Alibaba Group akan berinvestasi.\n\n"
            "Bos Alibaba itu juga bertemu sejumlah pengusaha. Namun, Ma menolak berkomentar.")
    assert canonicals(body, "Ma") == {"Jack Ma"}
    assert canonicals(body, "Bos Alibaba") == {"Jack Ma"}
    assert canonicals(body, "Alibaba") == {"Alibaba Group"}


@needs_model
def test_ministry_spellings_are_one_organisation() -> None:
    body = ("Kementerian Komunikasi dan Informatika (Kominfo) menggelar rapat. Juru bicara Kementerian Kominfo "
            "mengatakan, Kominfo akan menindak situs judi.")
    full = "Kementerian Komunikasi dan Informatika"
    assert canonicals(body, "Kominfo") == canonicals(body, "Kementerian Kominfo") == canonicals(body, full) == {full}


@needs_model
def test_parenthesised_abbreviations_link_everywhere() -> None:
    body = ("Berdasarkan laporan Badan Pusat Statistik (BPS), kemiskinan naik.\n\n"
            "Data BPS menunjukkan hal itu, kata Lembaga Penjamin Simpanan (LPS). LPS menambahkan datanya.")
    assert canonicals(body, "BPS") == {"Badan Pusat Statistik"}
    assert canonicals(body, "LPS") == {"Lembaga Penjamin Simpanan"}


@needs_model
def test_president_title_and_ordinal_link_to_the_president() -> None:
    body = "Presiden Prabowo Subianto tiba di Bandung. Prabowo mengatakan, Presiden ke-8 itu akan kembali."
    assert canonicals(body, "Prabowo") == canonicals(body, "Presiden ke-8") == {"Prabowo Subianto"}


@needs_model
def test_office_acronym_links_to_the_person_holding_the_office() -> None:
    body = ("Menteri Komunikasi dan Informatika, Rudiantara, hadir di China. Dalam kunjungan itu menkominfo "
            "bertemu Menteri Koordinator Perekonomian, Darmin Nasution. Rapat itu dipimpin menko Perekonomian.")
    assert canonicals(body, "menkominfo") == {"Rudiantara"}
    assert canonicals(body, "menko Perekonomian") == {"Darmin Nasution"}


@needs_model
def test_surnames_and_alternative_names_link() -> None:
    body = ("Menteri Sosial, Saifullah Yusuf atau Gus Ipul mengatakan bantuan disalurkan. "
            "Menurut Gus Ipul, data sudah siap.\n\nWakil Presiden Jusuf Kalla hadir. Kalla menambahkan hal itu.")
    assert canonicals(body, "Gus Ipul") == {"Saifullah Yusuf"}
    assert canonicals(body, "Kalla") == {"Jusuf Kalla"}


@needs_model
def test_different_people_with_one_first_name_stay_apart() -> None:
    body = "Budi Santoso bertemu Budi Gunadi di Jakarta. Santoso mengatakan, Gunadi setuju."
    assert canonicals(body, "Santoso") == {"Budi Santoso"}
    assert canonicals(body, "Gunadi") == {"Budi Gunadi"}


@needs_model
def test_alias_linking_on_the_gold_coreference_chains() -> None:
    """A floor under the figure in the report: gold name/title links in id-coref-news that the stage recovers."""
    from warta.extract.entities.linking_eval import evaluate

    counts = evaluate(shared_path("data", "coref", "id-coref-news", "training__data.xml"), window=12)
    assert counts["gold_links"] > 200
    assert counts["found"] / counts["gold_links"] >= 0.7
    assert counts["alias_found"] / counts["alias_links"] >= 0.6



@needs_model
def test_a_bare_presidential_title_does_not_make_another_president_ours() -> None:
    body = ("Presiden Prabowo Subianto menerima tamu negara di Istana Merdeka, Jakarta. Presiden Ramaphosa tiba "
            "pagi ini dan disambut Menteri Perdagangan Budi Santoso. Presiden Afrika Selatan itu akan bertemu Prabowo.")
    entities = extract_entities(body, load_tagger())
    prabowo = {e["text"] for e in entities if e["canonical"] == "Prabowo Subianto"}
    assert not prabowo & {"Ramaphosa", "Afrika Selatan"}


@needs_model
def test_compound_offices_and_month_ranges_are_not_names() -> None:
    body = ("Jaksa Agung ST Burhanuddin berjanji menindak korupsi. Pada periode Juli-September 2025, Kejaksaan Agung "
            "menyita Rp13 triliun, kata Burhanuddin.")
    entities = extract_entities(body, load_tagger())
    assert not any("Juli" in e["text"] for e in entities)
    people = [e for e in entities if e["label"] == "PER"]
    assert all(not e["text"].startswith("Agung") for e in people)
    assert {e["canonical"] for e in people} == {"ST Burhanuddin"}   # a degree's letters before a name: initials


@needs_model
def test_a_reporters_credit_closing_the_body_is_not_an_entity() -> None:
    body = ("Harga minyak Brent turun 28 sen menjadi 69,64 dollar AS per barel di bursa ICE Futures Europe, London. "
            "Ini level terendah sejak Mei 2010, kata analis Pratama Wijaya. (Sanny Cicilia)")
    texts = {e["text"] for e in extract_entities(body, load_tagger())}
    assert "Sanny Cicilia" not in texts and "Pratama Wijaya" in texts
    named = body.replace("kata analis Pratama Wijaya", "kata analis Sanny Cicilia")
    assert "Sanny Cicilia" in {e["text"] for e in extract_entities(named, load_tagger())}


def test_a_companys_short_name_read_as_a_person_links_to_the_company() -> None:
    from warta.extract.entities.mentions import Tokens
    from warta.extract.entities.ner import Span
    from warta.extract.entities.stage import mentions_from_spans

    body = ("Saham PT Toba Pulp Lestari Tbk naik. Toba Pulp mencatat laba, kata Aburizal Bakrie. "
            "Bakrie hadir di PT Bakrie Sumatera Plantations.")
    spans = [("PT Toba Pulp Lestari Tbk", "ORG", 0), ("Toba Pulp", "PER", 1), ("Aburizal Bakrie", "PER", 0),
             ("Bakrie", "PER", 1), ("PT Bakrie Sumatera Plantations", "ORG", 0)]
    model = []
    for text, label, nth in spans:
        start = -1
        for _ in range(nth + 1):
            start = body.index(text, start + 1)
        model.append(Span(start, start + len(text), label, text))
    records = {(e["text"], e["start"]): e for e in mentions_from_spans(Tokens(body), model)}
    toba = records[("Toba Pulp", body.index("Toba Pulp mencatat"))]
    assert (toba["label"], toba["canonical"]) == ("ORG", "PT Toba Pulp Lestari Tbk")
    bakrie = records[("Bakrie", body.index("Bakrie hadir"))]
    assert bakrie["label"] == "PER"   # part of a person's full name in the article: not the company


def test_a_persons_abbreviation_is_the_person_everywhere() -> None:
    from warta.extract.entities.mentions import Tokens
    from warta.extract.entities.ner import Span
    from warta.extract.entities.stage import mentions_from_spans

    body = ('Wakil Ketua MPR RI Dr M Hidayat Nur Wahid (HNW) mendukung sikap itu. "Kami menolak," ujar HNW. '
            'HNW juga meminta FIFA bertindak. Menurut HNW, sikap itu tegas.')
    at = [i for i in range(len(body)) if body.startswith("HNW", i)]
    # the model reads the name whole, the letters in parentheses as an organisation, and most later uses as a person
    spans = [Span(body.index("M Hidayat"), body.index(" ("), "PER", ""), Span(at[0], at[0] + 3, "ORG", ""),
             Span(at[1], at[1] + 3, "PER", ""), Span(at[2], at[2] + 3, "ORG", "")]
    records = [e for e in mentions_from_spans(Tokens(body), spans) if e["text"] == "HNW"]
    assert len(records) == 4
    assert {(e["label"], e["canonical"]) for e in records} == {("PER", "M Hidayat Nur Wahid")}


def test_a_shortened_first_name_links_to_the_fuller_name_written_before_it() -> None:
    from warta.extract.entities.mentions import Tokens
    from warta.extract.entities.ner import Span
    from warta.extract.entities.stage import mentions_from_spans

    body = ("Korban, Indra, disekap. Mensesneg Prasetyo Hadi dan Kabid Humas Ade Ary Syam Indradi hadir bersama "
            "Nonato Da Purificacao Sarmento. Menurut Pras, Indra sudah pulang, kata Nanato.")
    names = ["Indra", "Prasetyo Hadi", "Ade Ary Syam Indradi", "Nonato Da Purificacao Sarmento", "Pras", "Indra",
             "Nanato"]
    spans, at = [], 0
    for name in names:
        at = body.index(name, at)
        spans.append(Span(at, at + len(name), "PER", name))
        at += len(name)
    records = mentions_from_spans(Tokens(body), spans)
    canonical = {(e["text"], e["canonical"]) for e in records if e["label"] == "PER"}
    assert ("Pras", "Prasetyo Hadi") in canonical and ("Nanato", "Nonato Da Purificacao Sarmento") in canonical
    assert ("Indra", "Indra") in canonical and ("Indra", "Ade Ary Syam Indradi") not in canonical   # named first


def test_a_name_given_after_alias_or_akrab_disapa_is_the_same_person_and_not_the_canonical() -> None:
    from warta.extract.entities.mentions import Tokens
    from warta.extract.entities.ner import Span
    from warta.extract.entities.stage import mentions_from_spans

    body = ("Mensos Saifullah Yusuf atau yang akrab disapa Gus Ipul hadir. Hak milik Gusti Raden Mas Moertedjo alias "
            "Sultan HB VII Tanjungsari itu sah.")
    names = ["Saifullah Yusuf", "Gus Ipul", "Gusti Raden Mas Moertedjo", "Sultan HB VII Tanjungsari"]
    spans = [Span(body.index(n), body.index(n) + len(n), "PER", n) for n in names]
    canonical = {e["text"]: e["canonical"] for e in mentions_from_spans(Tokens(body), spans)}
    assert canonical["Gus Ipul"] == "Saifullah Yusuf"
    assert canonical["Sultan HB VII Tanjungsari"] == canonical["Gusti Raden Mas Moertedjo"] != "Sultan HB VII Tanjungsari"


def test_a_companys_own_name_is_canonical_over_the_name_of_one_of_its_sites() -> None:
    from warta.extract.entities.linking import names_a_site

    assert names_a_site("Pertamina Plumpang") and names_a_site("Pos Indonesia Cabang Cikini")
    assert not names_a_site("Polrestabes Palembang")     # an office of its own
    assert not names_a_site("Unilever Indonesia")        # a company's Indonesian arm
    assert not names_a_site("PDI Perjuangan Bali")       # a province's branch


@needs_model
def test_a_companys_site_links_to_the_company_by_its_own_name() -> None:
    body = ("PT Pertamina memasang alat itu di 266 SPBU. Vice President Corporate Communication Pertamina Ali Mundakir "
            "mengatakan hal itu di Depo Pertamina Plumpang, Jakarta Utara. Pemasangan oleh Pertamina terus berjalan.")
    assert canonicals(body, "Pertamina Plumpang") == canonicals(body, "Pertamina") == {"PT Pertamina"}


def test_a_fuller_name_with_another_given_name_before_it_is_another_person() -> None:
    from warta.extract.entities.linking import names_another_person

    assert names_another_person(("joko", "widodo"), ("iriana", "joko", "widodo"))       # the wife
    assert not names_another_person(("rizieq", "shihab"), ("muhammad", "rizieq", "shihab"))
    assert not names_another_person(("john", "darmawan"), ("i", "gede", "john", "darmawan"))
    assert not names_another_person(("widodo",), ("joko", "widodo"))                    # a surname alone
    assert not names_another_person(("sri", "mulyani"), ("sri", "mulyani", "indrawati"))


@needs_model
def test_the_presidents_wife_is_not_the_president() -> None:
    body = "Presiden Joko Widodo bersama Ibu Negara Iriana Joko Widodo tiba di Istana. Joko Widodo lalu berpidato."
    assert canonicals(body, "Joko Widodo") == {"Joko Widodo"}
