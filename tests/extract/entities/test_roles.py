"""Role phrases before and after names, and the office-acronym table that compares them."""
from __future__ import annotations

import pytest

from tests.conftest import shared_path
from warta.extract.entities.lexicon import DATA, expand_office, is_title, office_acronyms
from warta.extract.entities.mentions import Tokens
from warta.extract.entities.ner import MODEL_DIR, MODEL_FILE
from warta.extract.entities.roles import role_after, role_before, role_key

needs_model = pytest.mark.skipif(not (MODEL_DIR / MODEL_FILE).exists(), reason="no shipped NER model")


def role_of(text: str, name: str) -> str | None:
    """The role the text gives `name` (located by its words, so the test does not depend on the model)."""
    tokens = Tokens(text)
    start = text.index(name)
    first = tokens.starts.index(start)
    last = tokens.ends.index(start + len(name))
    span = role_before(tokens, first, set()) or role_after(tokens, last, set())
    return tokens.text(*span) if span else None


@pytest.mark.parametrize("text, name, role", [
    ("Menteri Dalam Negeri, Tito Karnavian, hadir.", "Tito Karnavian", "Menteri Dalam Negeri"),
    ("Menyoroti hal ini, Gubernur DKI Jakarta, Pramono Anung, menyampaikan.", "Pramono Anung", "Gubernur DKI Jakarta"),
    ("Menteri Keuangan (Menkeu) Purbaya Yudhi Sadewa menjawab.", "Purbaya Yudhi Sadewa", "Menteri Keuangan (Menkeu)"),
    ("Wakil Presiden Jusuf Kalla menyampaikan bahwa.", "Jusuf Kalla", "Wakil Presiden"),
    ("menyambangi Bos Alibaba, Jack Ma, di China.", "Jack Ma", "Bos Alibaba"),
    ("apresiasi dari Anggota Komisi C DPRD DKI Jakarta dari Fraksi PDI Perjuangan, Hardiyanto Kenneth. Ia",
     "Hardiyanto Kenneth", "Anggota Komisi C DPRD DKI Jakarta dari Fraksi PDI Perjuangan"),
    ("Kepala Dinas Ketahanan Pangan, Kelautan, dan Pertanian (DKPKP) Pemprov DKI, Hasudungan Sidabalok, bilang",
     "Hasudungan Sidabalok", "Kepala Dinas Ketahanan Pangan, Kelautan, dan Pertanian (DKPKP) Pemprov DKI"),
    ("Menurut Imam Besar Masjid Istiqlal, Nasaruddin Umar, doa itu penting.", "Nasaruddin Umar",
     "Imam Besar Masjid Istiqlal"),   # "Imam" is a title only before "Besar" (and a first name elsewhere)
])
def test_preposed_roles(text: str, name: str, role: str) -> None:
    assert role_of(text, name) == role


@pytest.mark.parametrize("text, name, role", [
    ("Kapolri Jenderal Listyo Sigit mengatakan.", "Listyo Sigit", "Kapolri"),
    ("oleh Head of Skin Aesthetic Doctor di Euroskinlab Aesthetic Centre dr Eliza Ennio Gunawan, bertajuk",
     "Eliza Ennio Gunawan", "Head of Skin Aesthetic Doctor di Euroskinlab Aesthetic Centre"),
    ("kata Kombes Pol Budi Santoso.", "Budi Santoso", None),
    ("Panglima TNI Jenderal Agus Subiyanto hadir.", "Agus Subiyanto", "Panglima TNI"),
    ("kata Kapuspen TNI Mayjen TNI Kristomei Sianturi.", "Kristomei Sianturi", "Kapuspen TNI"),
])
def test_ranks_and_academic_titles_are_not_part_of_the_role(text: str, name: str, role: str | None) -> None:
    assert role_of(text, name) == role


@pytest.mark.parametrize("text, name, role", [
    ("mendampingi Darmin Nasution (Menko Perekonomian) ke China.", "Darmin Nasution", "Menko Perekonomian"),
    ("yang ditemani Angel Zhao, vice president Alibaba Group. Ini", "Angel Zhao", "vice president Alibaba Group"),
    ("Budi Santoso, Ketua Umum Partai Maju Bersama, mengatakan hal itu.", "Budi Santoso", "Ketua Umum Partai Maju Bersama"),
    ("ujar Dedi, Selasa (21/10/2025).", "Dedi", None),
    ("menyambangi Jack Ma, di China.", "Jack Ma", None),
])
def test_postposed_and_parenthesised_roles(text: str, name: str, role: str | None) -> None:
    assert role_of(text, name) == role


@pytest.mark.parametrize("text, name, role", [
    ("di bawah pimpinan Presiden Prabowo Subianto, negara", "Prabowo Subianto", "Presiden"),
    ("lewat Keputusan Presiden (Keppres) dari Presiden Prabowo Subianto.", "Prabowo Subianto", "Presiden"),
    ("bertemu Perdana Menteri Australia Anthony Albanese.", "Anthony Albanese", "Perdana Menteri Australia"),
    ("Pelaksana Tugas Kepala Informasi dan Humas, Noor Iza, terkuak", "Noor Iza",
     "Pelaksana Tugas Kepala Informasi dan Humas"),
])
def test_where_a_role_starts(text: str, name: str, role: str) -> None:
    assert role_of(text, name) == role


def test_a_title_after_other_capitalised_words_is_still_the_persons_role() -> None:
    assert role_of("pencemaran nama baik Mantan Gubernur Jawa Barat, Ridwan Kamil (RK).", "Ridwan Kamil") \
        == "Mantan Gubernur Jawa Barat"   # a former office is written with its "mantan"
    assert role_of("sejalan dengan visi Asta Cita Presiden Prabowo Subianto menuju", "Prabowo Subianto") == "Presiden"
    # but a title inside a place's or an organisation's name is theirs
    text = "bertemu di Rumah Dinas Bupati Agam, Lubuk Basung, Kamis."
    tokens = Tokens(text)
    building = range(tokens.starts.index(text.index("Rumah")), tokens.ends.index(text.index(",")) + 1)
    assert role_before(tokens, tokens.starts.index(text.index("Lubuk")), set(), frozenset(building)) is None


def test_a_role_does_not_run_across_another_person() -> None:
    text = "Presiden Prabowo, Menteri Keuangan Sri Mulyani hadir."
    tokens = Tokens(text)
    prabowo = tokens.texts.index("Prabowo")
    sri = tokens.texts.index("Sri")
    span = role_before(tokens, sri, {prabowo})
    assert span is not None and tokens.text(*span) == "Menteri Keuangan"


def role_after_first_person(text: str, first: str, second: str) -> str | None:
    """The role after `first` with `second`'s words blocked (as the stage blocks other people's names)."""
    tokens = Tokens(text)
    start = text.index(first)
    last = tokens.ends.index(start + len(first))
    second_at = tokens.starts.index(text.index(second))
    blocked = set(range(second_at, second_at + len(second.split())))
    span = role_after(tokens, last, blocked)
    return tokens.text(*span) if span else None


@pytest.mark.parametrize("text, first, second, role", [
    ("Senada dengan Deddy, anggota Komisi II DPR RI Ahmad Doli Kurnia mengatakan hal itu.", "Deddy", "Ahmad Doli Kurnia", None),
    ("Senada dengan Eddy, Waketum Partai Demokrat, Dede Yusuf, mendukung instruksi itu.", "Eddy", "Dede Yusuf", None),
    ("hadir Jusuf Kalla, Wakil Presiden ke-11 Boediono, dan lainnya.", "Jusuf Kalla", "Boediono", None),
    ("Sedangkan Jed Dorsheimer, analis di William Blair, menyebutkan.", "Jed Dorsheimer", "William Blair", "analis"),
    ("menurut Jhony Boy Nababan, pengacara Lisa Mariana, kliennya siap.", "Jhony Boy Nababan", "Lisa Mariana", "pengacara"),
])
def test_a_role_that_introduces_the_next_person_is_theirs(text: str, first: str, second: str, role: str | None) -> None:
    assert role_after_first_person(text, first, second) == role


def test_office_acronyms_expand_to_their_full_form() -> None:
    assert expand_office("Menkominfo") == "Menteri Komunikasi dan Informatika"
    assert expand_office("Kapolri") == "Kepala Kepolisian Negara Republik Indonesia"
    assert expand_office("dubes") == "Duta Besar"
    assert expand_office("Kadis") == "Kepala Dinas"
    # built from the same table: wamen/kemen + a minister's portfolio
    assert expand_office("Wamenaker") == "Wakil Menteri Ketenagakerjaan"
    assert expand_office("Kemenkeu") == "Kementerian Keuangan"
    assert expand_office("Rudiantara") == "Rudiantara"
    assert is_title("menkominfo") and is_title("Mendagri") and not is_title("Kominfo")


def test_role_keys_compare_acronyms_with_full_titles() -> None:
    assert role_key("menkominfo") == role_key("Menteri Komunikasi dan Informatika")
    assert role_key("Menkeu") == role_key("Menteri Keuangan (Menkeu)") == "menteri keuangan"
    assert role_key("Menteri Koordinator Perekonomian Indonesia").startswith(role_key("menko Perekonomian") + " ")
    assert role_key("Presiden ke-8") == role_key("Presiden")
    assert role_key("Mendagri") == role_key("Menteri Dalam Negeri")


def test_the_acronym_table_is_one_clean_table() -> None:
    rows = [line.split("\t") for line in (DATA / "office_acronyms.tsv").read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    assert all(len(row) == 2 and row[0] == row[0].casefold() and " " not in row[0] for row in rows)
    assert len({row[0] for row in rows}) == len(rows) == len(office_acronyms())
    for acronym in ("menkominfo", "menko", "menkeu", "kapolri", "dubes", "wamen", "mendagri", "kadis"):
        assert acronym in office_acronyms()


@needs_model
def test_roles_on_detik_stakeholder_strings() -> None:
    """A floor under the silver role figure in the report (first 80 detik articles)."""
    from warta.extract.entities.roles_eval import evaluate

    checks, correct, _ = evaluate(shared_path("data", "news", "detik-2025", "articles.csv"), limit=80)
    assert checks >= 20
    assert correct / checks >= 0.85


@needs_model
def test_roles_on_pfsa_gold_role_spans() -> None:
    """A floor under the gold role figure on Kompas text (the first 60 PFSA-ID articles)."""
    from warta.extract.entities.roles_eval import evaluate_pfsa

    checks, correct, _ = evaluate_pfsa(shared_path("data", "quotes", "pfsa-id", "pfsa-id__dev-40.txt"), limit=60)
    assert checks >= 20
    assert correct / checks >= 0.75


def test_a_lower_case_noun_before_a_name_is_the_role_of_the_person_apposed_after_it() -> None:
    from warta.extract.entities.ner import Span
    from warta.extract.entities.stage import mentions_from_spans

    body = "\"Dia siap,\" kata pengacara Lisa, Jhony Boy Nababan, kepada wartawan."
    spans = [Span(body.index(n), body.index(n) + len(n), "PER", n) for n in ("Lisa", "Jhony Boy Nababan")]
    roles = {e["text"]: e["role"] for e in mentions_from_spans(Tokens(body), spans)}
    assert roles == {"Lisa": None, "Jhony Boy Nababan": "pengacara Lisa"}
    body = ("Menurut kuasa hukum Joko Tjandra, Anita Kolopaking, properti itu sah. Kuasa hukum Rina, Dadang Aprianto, "
            "membantahnya.")
    names = ("Joko Tjandra", "Anita Kolopaking", "Rina", "Dadang Aprianto")
    spans = [Span(body.index(n), body.index(n) + len(n), "PER", n) for n in names]
    roles = {e["text"]: e["role"] for e in mentions_from_spans(Tokens(body), spans)}
    # a field title's lower-case field ("kuasa hukum"), capitalised only as the sentence's first word
    assert roles == {"Joko Tjandra": None, "Anita Kolopaking": "kuasa hukum Joko Tjandra", "Rina": None,
                     "Dadang Aprianto": "Kuasa hukum Rina"}


def test_a_number_inside_a_schools_name_stays_in_the_role() -> None:
    assert role_of("kata Kepala SMA Negeri 16 Palembang Ema Nurnisya Putri kepada wartawan.", "Ema Nurnisya Putri") \
        == "Kepala SMA Negeri 16 Palembang"
    assert role_of("pada 2025 Budi Santoso datang.", "Budi Santoso") is None   # a year after a lower-case word



@pytest.mark.parametrize("text, name, role", [
    ("Pengamat pertanian Khudori menilai, harga naik.", "Khudori", "Pengamat pertanian"),
    ("Pakar psikologi forensik, Reza Indragiri Amriel, menjelaskan.", "Reza Indragiri Amriel", "Pakar psikologi forensik"),
    ("kata juru bicara KPK Budi Prasetyo kepada wartawan.", "Budi Prasetyo", "juru bicara KPK"),
    ("Presiden meminta menteri Budi Santoso bekerja.", "Budi Santoso", "menteri"),          # prose, not a field
    ("Dia memberikan kuasa kepada Ibnu Syamsu Hidayat.", "Ibnu Syamsu Hidayat", None),
    ("ujar Menteri Riset dan Teknologi / Kepala Badan Riset dan Inovasi Nasional Bambang Brodjonegoro.",
     "Bambang Brodjonegoro", "Menteri Riset dan Teknologi / Kepala Badan Riset dan Inovasi Nasional"),
    ("Lobi-lobi PSBB Menteri Koordinator Bidang Perekonomian Airlangga Hartarto menegaskan.", "Airlangga Hartarto",
     "Menteri Koordinator Bidang Perekonomian"),
    ("Kepala Kepolisian Resor Kota Tangerang Komisaris Besar Ade Ary Syam Indradi menjelaskan.",
     "Ade Ary Syam Indradi", "Kepala Kepolisian Resor Kota Tangerang"),
    ("kata Kapolda Kaltim Inspektur Jenderal Imam Sugianto.", "Imam Sugianto", "Kapolda Kaltim"),
    ("menurut Aktivis demokrasi Budi Santoso, hal itu", "Budi Santoso", "Aktivis demokrasi"),
    ("kata Pelaksana tugas Kepala Dinas Pendidikan Jateng Uswatun Hasanah.", "Uswatun Hasanah",
     "Pelaksana tugas Kepala Dinas Pendidikan Jateng"),
    ("kata mantan Menteri Pertanian Syahrul Yasin Limpo.", "Syahrul Yasin Limpo", "mantan Menteri Pertanian"),
    ("waktu yang berbeda, Camat Tanah Abang, Jakarta Pusat, Yassin Pasaribu mengungkapkan.", "Yassin Pasaribu",
     "Camat Tanah Abang, Jakarta Pusat"),
    ("kata Kepala Dusun Nglahar, Kelurahan Sumbersari, Wahyu Wibowo di sana.", "Wahyu Wibowo",
     "Kepala Dusun Nglahar, Kelurahan Sumbersari"),
    ("ujar Kepala Humas Daop 1 Eva Chairunisa dalam keterangan.", "Eva Chairunisa", "Kepala Humas Daop 1"),
    ("Sementara itu, Pejabat Sementara (Pjs) Gubernur Sulut Agus Fatoni berharap.", "Agus Fatoni",
     "Pejabat Sementara (Pjs) Gubernur Sulut"),
    ("kata Kapolri Jenderal (Pol) Idham Azis di Jakarta.", "Idham Azis", "Kapolri"),
    ("dihadiri Menteri BUMN Rini Soemarno, Direktur Utama Pertamina, dan Kepala BPH Migas Andi Noorsaman Someng.",
     "Andi Noorsaman Someng", "Kepala BPH Migas"),   # the last office of a list
    ("kata Menko Perekonomian dan Ketua Umum Partai Golkar Airlangga Hartarto.", "Airlangga Hartarto",
     "Menko Perekonomian dan Ketua Umum Partai Golkar"),   # two offices of one person
])
def test_kompas_style_roles(text: str, name: str, role: str | None) -> None:
    """Kompas writes fields in lower case, joins two offices with a slash and spells ranks out."""
    assert role_of(text, name) == role


def test_the_name_after_a_lawyers_title_is_the_clients() -> None:
    from warta.extract.entities.ner import Span
    from warta.extract.entities.stage import mentions_from_spans

    body = "Tim kuasa hukum Rizieq datang ke sana. Sahara didampingi kuasa hukumnya Moh Zakki."
    spans = [Span(body.index(n), body.index(n) + len(n), "PER", n) for n in ("Rizieq", "Sahara", "Moh Zakki")]
    roles = {e["text"]: e["role"] for e in mentions_from_spans(Tokens(body), spans)}
    assert roles == {"Rizieq": None, "Sahara": None, "Moh Zakki": "kuasa hukumnya"}
