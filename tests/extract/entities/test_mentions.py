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


def test_a_person_read_with_the_office_before_the_rank_starts_after_the_rank() -> None:
    body = "Kata Karo Monev Stamarena Polri Brigjen Hadi Utomo di Mapolda Babel."
    found = labels(body, [("Karo Monev Stamarena Polri Brigjen Hadi Utomo", "PER")])
    assert found.get("Hadi Utomo") == "PER" and not any("Brigjen" in text for text in found)


def test_what_follows_a_title_is_kept_only_when_it_holds_a_person() -> None:
    body = "Kata Mesza kemudian. Managing Director Galderma Indonesia Mesza Reinaldo menyampaikan itu."
    found = labels(body, [("Director Galderma Indonesia Mesza Reinaldo", "ORG"), ("Mesza", "PER")])
    assert found.get("Galderma Indonesia") == "ORG" and found.get("Mesza Reinaldo") == "PER"
    body = "Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi hadir."
    assert labels(body, [("Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi", "ORG")]) == {}


def test_an_organisation_named_with_a_centre_keeps_its_tail() -> None:
    body = "Euroskinlab (ESL) hadir. Talk show oleh dokter di Euroskinlab Aesthetic Centre dr Eliza Ennio Gunawan."
    found = labels(body, [("Euroskinlab Aesthetic Centre", "ORG"), ("Eliza Ennio Gunawan", "PER"), ("Euroskinlab", "ORG")])
    assert found.get("Euroskinlab Aesthetic Centre") == "ORG" and "Aesthetic Centre" not in found


def test_a_venue_is_a_place() -> None:
    body = "Acara itu digelar di The Dome, Senayan Park, pada Sabtu."
    assert labels(body, [("The Dome", "ORG"), ("Senayan Park", "LOC")])["The Dome"] == "LOC"


def test_a_balinese_birth_order_name_opens_the_person() -> None:
    body = "Perbekel Cemagi Putu Hendra Sastrawan mengakui wilayahnya ramai."
    found = labels(body, [("Perbekel Cemagi Putu", "ORG"), ("Hendra Sastrawan", "PER")])
    assert found.get("Putu Hendra Sastrawan") == "PER"


def test_a_first_name_read_as_an_organisation_is_the_person_named_in_full() -> None:
    body = "Vera juga menyampaikan rasa bangganya. Kata VP Danone Indonesia, Vera Galuh Sugijanto, kemarin."
    found = labels(body, [("Danone Indonesia", "ORG"), ("Vera Galuh Sugijanto", "PER"), ("Vera", "ORG")])
    assert found.get("Vera Galuh Sugijanto") == "PER" and found.get("Vera") == "PER"


def test_an_abstract_noun_never_joins_a_persons_name() -> None:
    body = "Bersama Direktur Kepesertaan BPJS Ketenagakerjaan Eko Nugriyanto di Jakarta."
    found = labels(body, [("BPJS", "ORG"), ("Eko Nugriyanto", "PER"), ("Jakarta", "LOC")])
    assert found.get("Eko Nugriyanto") == "PER" and "Ketenagakerjaan Eko Nugriyanto" not in found


def test_a_middle_name_read_as_an_organisation_is_the_person() -> None:
    body = "Calvijn mengatakan pelaku ditangkap. Kata Kapolrestabes Medan Kombes Jean Calvijn Simanjuntak kemarin."
    found = labels(body, [("Calvijn", "ORG"), ("Jean Calvijn Simanjuntak", "PER")])
    assert found.get("Jean Calvijn Simanjuntak") == "PER" and found.get("Calvijn") == "PER"


def test_a_person_span_that_opens_with_a_title_and_an_office_is_no_person() -> None:
    body = "Kata Kalakhar Badan Penanggulangan Bencana Daerah (BPBD) Kabupaten Boyolali, Suratno, kemarin."
    found = labels(body, [("Kalakhar Badan", "PER"), ("BPBD", "ORG"), ("Kabupaten Boyolali", "LOC"), ("Suratno", "PER")])
    assert found.get("Suratno") == "PER" and all(label != "PER" for text, label in found.items() if text != "Suratno")


def test_a_first_name_read_as_the_end_of_a_known_organisation_joins_the_person() -> None:
    body = "Bank Indonesia membeli SBN. Kepala Departemen Komunikasi Bank Indonesia Ramdan Denny Prakoso mengatakan itu."
    found = labels(body, [("Bank Indonesia", "ORG"), ("Departemen Komunikasi Bank Indonesia Ramdan", "ORG"),
                          ("Denny Prakoso", "PER")])
    assert found.get("Ramdan Denny Prakoso") == "PER" and "Departemen Komunikasi Bank Indonesia Ramdan" not in found


def test_an_organisation_the_model_missed_inside_a_role_is_found() -> None:
    body = ("Direktur Penyuluhan Ditjen Pajak Kementerian Keuangan Rosmauli menjelaskan target itu. "
            "Kepala Dinas PUPR Kota Medan Budi Santoso hadir bersama Ketua Majelis Hakim Agus Salim.")
    found = labels(body, [("Rosmauli", "PER"), ("Medan", "LOC"), ("Budi Santoso", "PER"), ("Agus Salim", "PER")])
    assert found["Ditjen Pajak"] == found["Kementerian Keuangan"] == "ORG"   # a second organisation word splits
    assert found["Dinas PUPR"] == "ORG" and found["Medan"] == "LOC"        # the place word is not the office's
    assert "Majelis Hakim" not in found                                     # a generic body is no entity
    assert found["Rosmauli"] == "PER"


def test_an_office_acronym_the_model_missed_is_an_organisation() -> None:
    body = "Laporan itu diserahkan ke Bawaslu dan Polres Garut, lalu diteruskan oleh Korlantas Polri kemarin."
    found = labels(body, [])
    assert found["Bawaslu"] == found["Polres Garut"] == "ORG"
    assert "Polri" not in found   # the end of a name the model left unread: "Korlantas Polri" stays whole


def test_an_organisation_span_gives_a_trailing_rank_to_the_person() -> None:
    body = "Kasat Reskrim Polrestabes Palembang AKBP Andrie Setiawan tak menampik kabar tersebut."
    found = labels(body, [("Polrestabes Palembang AKBP", "ORG"), ("Andrie Setiawan", "PER")])
    assert found["Polrestabes Palembang"] == "ORG" and found["Andrie Setiawan"] == "PER"


def test_an_offices_roman_numeral_is_not_part_of_the_name_after_it() -> None:
    body = ("Kepala Satgas KPK Wilayah V Dian Patria hadir, kata Teradu I Muhammad Afifuddin. "
            "Rektor I Made Anom Wiranata dan Mayor Chk Fredy Ferdian menyusul.")
    found = labels(body, [("V Dian Patria", "PER"), ("I Muhammad Afifuddin", "PER"), ("I Made Anom Wiranata", "PER"),
                          ("Chk Fredy Ferdian", "PER")])
    assert found["Dian Patria"] == found["Muhammad Afifuddin"] == "PER"
    assert found["I Made Anom Wiranata"] == "PER"      # the Balinese "I" opens the name
    assert found["Fredy Ferdian"] == "PER"             # a military corps after the rank is no name word
    assert found["KPK"] == "ORG"                       # "Wilayah V" stays with the office


def test_a_pronoun_or_a_technology_term_is_no_entity() -> None:
    body = "Sistem AI dan rekaman CCTV membantu Anda, kata Budi Santoso."
    assert labels(body, [("AI", "ORG"), ("CCTV", "ORG"), ("Anda", "ORG"), ("Budi Santoso", "PER")]) == \
        {"Budi Santoso": "PER"}


def test_initials_after_inisial_are_people_wherever_repeated() -> None:
    body = "Polisi menahan tersangka berinisial AR dan BS. Saat ini AR masih diperiksa oleh Polres Garut."
    found = labels(body, [("AR", "ORG"), ("Polres Garut", "ORG")])
    assert found["AR"] == found["BS"] == "PER" and found["Polres Garut"] == "ORG"


def test_initials_right_after_a_suspect_or_victim_are_people_but_an_office_is_not() -> None:
    body = "Polisi menetapkan tersangka BS. Tersangka KPK itu diperiksa, kata penyidik. BS diduga menerima suap."
    found = labels(body, [("BS", "ORG"), ("KPK", "ORG")])
    assert found == {"BS": "PER", "KPK": "ORG"}


def test_an_office_named_by_two_fields_is_one_organisation() -> None:
    body = "Pembentukan Kementerian Haji dan Umrah disahkan, kata KPU dan Bawaslu. Partai Republik dan Demokrat menolak."
    found = labels(body, [("Kementerian Haji", "ORG"), ("KPU", "ORG"), ("Bawaslu", "ORG"), ("Partai Republik", "ORG")])
    assert found["Kementerian Haji dan Umrah"] == "ORG"
    assert "KPU dan Bawaslu" not in found and "Partai Republik dan Demokrat" not in found


def test_newer_institution_acronyms_are_organisations() -> None:
    body = "Laporan itu diterima Komnas HAM dan diteruskan ke Bareskrim serta BRIN pekan lalu."
    found = labels(body, [])
    assert found["Komnas HAM"] == found["Bareskrim"] == found["BRIN"] == "ORG"


def test_a_region_run_into_the_name_after_it_ends_where_the_person_begins() -> None:
    body = "Aliran dana ke mantan Kepala Dinas PUPR Kabupaten Mandailing Natal Elpi Yanti Harahap sebesar Rp 7 miliar."
    found = labels(body, [("Kabupaten Mandailing Natal Elpi Yanti Harahap", "PER")])
    assert found.get("Elpi Yanti Harahap") == "PER" and found.get("Kabupaten Mandailing Natal") == "LOC"
    body = "Bupati Rokan Hilir Bistamam meninjau lokasi."
    found = labels(body, [("Rokan Hilir Bistamam", "ORG")])
    assert found.get("Rokan Hilir") == "LOC" and found.get("Bistamam") == "PER"


def test_a_region_name_that_goes_on_is_not_cut_into_a_person() -> None:
    body = "Kata Wali Kota Jakarta Timur dan Kapolsek Denpasar Barat kepada Polda Metro Jaya di wilayah Nusa Tenggara Timur NTT."
    found = labels(body, [("Jakarta Timur", "LOC"), ("Denpasar Barat", "LOC"), ("Polda Metro Jaya", "ORG"),
                          ("Nusa Tenggara Timur NTT", "LOC")])
    assert "PER" not in found.values()
    body = "Kata Direktur Toba Pulp, Firman Mulya Nauli."
    assert labels(body, [("Toba Pulp", "ORG"), ("Firman Mulya Nauli", "PER")]).get("Toba Pulp") == "ORG"


def test_a_region_read_as_a_person_or_an_organisation_is_the_place() -> None:
    body = "Mantan Kepala Baznas Jawa Barat itu diperiksa di Kejaksaan Negeri (Kejari) Jayawijaya, bukan di Wajo."
    found = labels(body, [("Jawa Barat", "PER"), ("Kejari) Jayawijaya", "ORG"), ("Wajo", "PER")])
    assert found.get("Wajo") == "LOC" and found.get("Jayawijaya") != "ORG" and found.get("Jawa Barat") != "PER"
    body = "Hal itu disampaikan Bima kepada wartawan."
    assert labels(body, [("Bima", "PER")]).get("Bima") == "PER"   # a one-word region alone may be a person


def test_a_name_stops_at_figures_quotation_marks_and_unopened_parentheses() -> None:
    body = 'Skor Kemenag 3,26 dan Kementerian Pertanian skor 3,216, kata Fox News "Sunday Morning Futures" di Kampung Muara RT 08/06.'
    found = labels(body, [("Kemenag 3,26", "ORG"), ("Kementerian Pertanian skor 3,216", "ORG"),
                          ('Fox News "Sunday Morning Futures', "ORG"), ("Kampung Muara RT 08/06", "LOC")])
    assert {"Kemenag", "Kementerian Pertanian", "Fox News", "Kampung Muara"} <= set(found)
    body = "Sidang di Pengadilan Tinggi (PT) Jakarta ditunda."
    assert not any(")" in text and "(" not in text for text in labels(body, [("PT) Jakarta", "ORG")]))


def test_a_rank_or_honorific_ending_an_organisation_opens_the_person() -> None:
    body = "Kata Wasekjen PBNU KH Maksum Faqih dan Kapolsek Tanah Sareal Kompol Aji Riznaldi di RSUD Dr. Soetomo."
    found = labels(body, [("PBNU KH", "ORG"), ("Maksum Faqih", "PER"), ("Tanah Sareal Kompol", "LOC"),
                          ("Aji Riznaldi", "PER"), ("RSUD Dr.", "ORG")])
    assert found.get("PBNU") == "ORG" and found.get("Tanah Sareal") == "LOC"
    assert found.get("RSUD Dr. Soetomo") == "ORG"   # an academic title: a hospital named after a person


def test_a_list_of_acronyms_is_split_into_organisations() -> None:
    body = "Laporan WHO & FAO serta OECD, Asian Development Bank menyebutkan hal itu."
    found = labels(body, [("WHO & FAO", "ORG"), ("OECD, Asian Development Bank", "ORG")])
    assert {"WHO", "FAO", "OECD", "Asian Development Bank"} <= set(found)


def test_a_clitic_after_a_hyphen_is_not_part_of_the_name() -> None:
    body = "Pengguna YouTube-nya bertambah setelah Coretax-nya diperbaiki."
    found = labels(body, [("YouTube", "ORG"), ("Coretax", "ORG")])
    assert found.get("YouTube") == "ORG" and not any("-nya" in text for text in found)


def test_a_title_ending_an_organisation_is_the_role_of_the_person_after_it() -> None:
    body = "Program itu sejalan dengan visi Asta Cita Presiden Prabowo Subianto menuju Indonesia Emas 2045."
    records = mentions_from_spans(Tokens(body), [Span(body.index("Asta"), body.index(" Prabowo"), "ORG", ""),
                                                 Span(body.index("Prabowo"), body.index(" menuju"), "PER", "")])
    assert {(e["text"], e["label"], e["role"]) for e in records} >= {("Prabowo Subianto", "PER", "Presiden")}
    assert not any(e["text"].endswith("Presiden") for e in records)


def test_document_tax_and_programme_acronyms_are_no_entities() -> None:
    body = "Data DTSEN memuat NIK penerima BLTS, sedangkan IHSG turun dan Kemensos menyalurkan bantuan."
    found = labels(body, [("DTSEN", "ORG"), ("NIK", "ORG"), ("BLTS", "ORG"), ("IHSG", "ORG"), ("Kemensos", "ORG")])
    assert found == {"Kemensos": "ORG"}


def test_mojibake_is_no_entity() -> None:
    body = "Allah SWT berfirman,\nÙ\x8aÙ\x8eÙ°Ù\x93Ø£Ù\x8eÙ\x8aÙ\x91Ù\x8fÙ\x87Ù\x8eØ§ Ù±Ù\x84Ù\x91Ù\x8eØ°Ù\x90Ù\x8aÙ\x86Ù\x8e\nkata Budi Santoso."
    arabic = body.split("\n")[1]
    assert labels(body, [(arabic, "LOC"), ("Budi Santoso", "PER")]) == {"Budi Santoso": "PER"}


def test_a_doctors_specialist_degree_is_not_part_of_the_name() -> None:
    body = "Kata dr Wismandari Wisnu SpPD-KEMD dan dr Andi Saputra SpOG. di Jakarta, soal motor sport Ducati."
    found = labels(body, [("Wismandari Wisnu SpPD-KEMD", "PER"), ("Andi Saputra SpOG.", "PER"), ("Jakarta", "LOC"),
                          ("Ducati", "ORG")])
    assert found.get("Wismandari Wisnu") == "PER" and found.get("Andi Saputra") == "PER"
    assert found.get("Ducati") == "ORG"


def test_a_portfolio_party_or_titled_region_does_not_open_the_persons_name() -> None:
    body = ("Hal itu dituturkan Menteri Komunikasi dan Informatika Johnny G Plate, Wakil Gubernur DKI Jakarta "
            "Ahmad Riza Patria dan Wakil Ketua Komisi II DPR dari Fraksi Nasdem Saan Mustopa. Kata Bima Arya.")
    found = labels(body, [("Johnny G Plate", "PER"), ("Ahmad Riza Patria", "PER"), ("Saan Mustopa", "PER"),
                          ("Arya", "PER")])
    assert {"Johnny G Plate", "Ahmad Riza Patria", "Saan Mustopa"} <= set(found)
    assert found.get("Bima Arya") == "PER"   # a first name that is also a regency still joins the name


def test_an_initial_before_a_name_joins_it_and_an_office_word_does_not() -> None:
    body = "Kata Bupati Tangerang A Zaki Iskandar dan Kepala Staf Kepresidenan Moeldoko di PN Kelas I A PHI Palu."
    found = labels(body, [("Zaki Iskandar", "PER"), ("Kepresidenan Moeldoko", "PER"), ("PHI", "PER")])
    assert found.get("A Zaki Iskandar") == "PER" and found.get("Moeldoko") == "PER"
    assert "A PHI" not in found



def test_a_place_acronym_does_not_open_a_persons_name() -> None:
    body = "Pelaksana Harian Ketua KPU Tangsel M Taufiq MZ mengatakan hal itu."
    found = labels(body, [("KPU", "ORG"), ("Tangsel M Taufiq MZ", "PER")])
    assert found.get("M Taufiq MZ") == "PER" and "Tangsel M Taufiq MZ" not in found


def test_a_first_name_shared_with_a_place_stays_in_the_name() -> None:
    body = ("Hal itu diungkapkan Menteri Keuangan Sri Mulyani Indrawati. Menurut Sri Mulyani, negara seperti "
            "Sri Lanka terdampak, ujar Sri Mulyani.")
    at = [i for i in range(len(body)) if body.startswith("Sri Mulyani", i)]
    spans = [Span(at[0], at[0] + len("Sri Mulyani Indrawati"), "PER", ""), Span(at[1], at[1] + 11, "PER", ""),
             Span(at[2], at[2] + 11, "PER", ""), Span(body.index("Sri Lanka"), body.index("Sri Lanka") + 9, "LOC", "")]
    records = mentions_from_spans(Tokens(body), spans)
    assert {(e["text"], e["role"]) for e in records if e["label"] == "PER"} >= {("Sri Mulyani Indrawati", "Menteri Keuangan")}


def test_a_country_is_a_place_and_ends_where_the_name_after_its_office_begins() -> None:
    body = ("Harga jatuh setelah Kuwait memangkas harga. Menteri Perminyakan Iran Bijan Namdar Zanganeh dan "
            "juru bicara Kementerian Perminyakan Irak Asim Jihad berbicara. Timor Leste menang.")
    at = body.index("Iran Bijan")
    spans = [Span(body.index("Kuwait"), body.index("Kuwait") + 6, "PER", ""),
             Span(at + 5, at + len("Iran Bijan Namdar Zanganeh"), "PER", ""),
             Span(body.index("Kementerian Perminyakan"), body.index(" berbicara"), "ORG", ""),
             Span(body.index("Timor Leste"), body.index("Timor Leste") + 11, "ORG", "")]
    records = {e["text"]: e for e in mentions_from_spans(Tokens(body), spans)}
    assert records["Kuwait"]["label"] == records["Timor Leste"]["label"] == "LOC"
    assert records["Bijan Namdar Zanganeh"]["role"] == "Menteri Perminyakan Iran"   # "Iran" does not open the name
    assert records["Asim Jihad"]["label"] == "PER" and records["Kementerian Perminyakan Irak"]["label"] == "ORG"


def test_a_one_word_country_given_an_age_is_a_person() -> None:
    body = '"Motornya mogok," kata Vatikan (27), pengendara asal Demak.'
    assert labels(body, [("Vatikan", "PER")])["Vatikan"] == "PER"


def test_a_name_word_read_as_a_person_of_its_own_joins_the_name_after_it() -> None:
    body = "Kata I Made Agus Hartawiguna dan Kepala Departemen Komunikasi Bank Indonesia Ramdan Denny Prakoso hadir."
    found = labels(body, [("I", "PER"), ("Made Agus Hartawiguna", "PER"),
                          ("Departemen Komunikasi Bank Indonesia Ramdan", "ORG"), ("Denny Prakoso", "PER")])
    assert found.get("Ramdan Denny Prakoso") == found.get("I Made Agus Hartawiguna") == "PER"
    assert "Denny Prakoso" not in found and "Ramdan" not in found


def test_a_companys_name_read_as_a_person_after_its_legal_form_is_the_company() -> None:
    body = "Lokasi pertama adalah PT Jaya Abadi Steel di Ciruas."
    assert labels(body, [("PT Jaya", "ORG"), ("Abadi Steel", "PER")]).get("PT Jaya Abadi Steel") == "ORG"
    body = "Tergugat antara lain PT Taru Martani. Dari pimpinan Taru Martani tidak mengakui PKB."
    found = labels(body, [("PT Taru Martani", "ORG"), ("pimpinan Taru Martani", "PER")])
    assert found.get("PT Taru Martani") == "ORG"   # not "PT" + "Taru Martani", as the person elsewhere suggested
    assert found.get("Taru Martani") == "ORG"      # the company's name without its legal form is the company
    body = "Kata Vice President Fuel Retail PT Pertamina (Persero) Muhammad Iskandar di Jakarta."
    found = labels(body, [("PT Pertamina (Persero)", "ORG"), ("Muhammad Iskandar", "PER")])
    assert found.get("Muhammad Iskandar") == "PER"   # the company's name ended at "(Persero)"


def test_a_one_word_region_after_an_office_is_the_place() -> None:
    body = "Pengadilan Negeri (PN) Palu menerima permohonan itu."
    found = labels(body, [("Pengadilan Negeri", "ORG"), ("PN", "ORG"), ("Palu", "PER")])
    assert "PER" not in found.values()


def test_a_capitalised_abstract_noun_with_se_does_not_open_a_name() -> None:
    body = "Sepengetahuan Bambang, alat itu belum dipakai."
    assert labels(body, [("Sepengetahuan Bambang", "PER")]).get("Bambang") == "PER"


def test_a_name_nothing_explains_is_a_place_when_the_place_list_says_so() -> None:
    body = "Venezuela menyerukan pemangkasan dan Iran mengisyaratkan kebutuhan, seperti halnya Aramco."
    found = labels(body, [("Venezuela", "LOC")])
    assert found.get("Iran") == "LOC" and found.get("Aramco") == "ORG"


def test_a_nickname_in_single_quotes_between_names_is_one_person() -> None:
    body = "Ketua DPD II Golkar Makassar Munafri 'Appi' Arifuddin menyinggung soal itu. Menurut Appi, hal itu benar."
    at = body.index("Appi' ")
    spans = [Span(body.index("Golkar"), body.index(" '"), "ORG", ""), Span(at, at + len("Appi' Arifuddin"), "PER", ""),
             Span(body.rindex("Appi"), body.rindex("Appi") + 4, "PER", "")]
    records = mentions_from_spans(Tokens(body), spans)
    people = {(e["text"], e["canonical"], e["role"]) for e in records if e["label"] == "PER"}
    assert people == {("Munafri 'Appi' Arifuddin", "Munafri Arifuddin", "Ketua DPD II Golkar Makassar"),
                      ("Appi", "Munafri Arifuddin", None)}
    assert ("Golkar Makassar", "ORG") in {(e["text"], e["label"]) for e in records}


def test_a_nickname_in_parentheses_after_a_person_is_that_person() -> None:
    body = ('Menteri Sosial Saifullah Yusuf (Gus Ipul) hadir. "Ini arahan Presiden," ujar Gus Ipul. Dirjen Integrasi '
            "Transportasi dan Multimoda (Ditjen Intram) Kemenhub juga hadir.")
    at = body.rindex("Gus Ipul")
    spans = [Span(body.index("Saifullah"), body.index(" (Gus"), "PER", ""), Span(at, at + 8, "PER", ""),
             Span(body.index("Multimoda"), body.index("Multimoda") + 9, "PER", "")]
    records = mentions_from_spans(Tokens(body), spans)
    assert [e["canonical"] for e in records if e["text"] == "Gus Ipul"] == ["Saifullah Yusuf", "Saifullah Yusuf"]
    assert all(e["label"] != "PER" for e in records if "Intram" in e["text"])   # an office's short name


def test_an_arabic_surname_after_a_person_is_part_of_the_name() -> None:
    body = "Menteri Perminyakan Saudi Ali al-Naimi seperti dikutip mengatakan itu."
    assert labels(body, [("Ali", "PER")]).get("Ali al-Naimi") == "PER"


def test_a_name_after_a_role_holding_an_organisation_and_a_comma_is_the_person() -> None:
    body = "Ketua DPRD Kota Bogor, Adityawarman Adil mengingatkan warga Kota Bogor."
    found = labels(body, [("DPRD Kota Bogor", "ORG"), ("Kota Bogor", "LOC")])
    assert found.get("Adityawarman Adil") == "PER"   # "Adil" is an ordinary word, but not the name's first
    body = "Direktur Utama AirNav Indonesia, Capt. Avi Rianto Suratno menambahkan."
    assert "Capt" not in labels(body, [("AirNav Indonesia", "ORG"), ("Avi Rianto Suratno", "PER")])
    body = "untuk memilih anggota House of Representatives, Senat, serta sejumlah gubernur."
    assert "Senat" not in labels(body, [("House of Representatives", "ORG")])


def test_a_world_area_read_as_a_person_or_an_organisation_is_the_place() -> None:
    body = "Ia menyoroti pentingnya mendorong agar negara-negara Asia juga mendapat pengakuan."
    assert labels(body, [("Asia", "PER")]).get("Asia") == "LOC"


def test_a_balinese_caste_name_opens_the_person_after_a_region() -> None:
    body = "Wali Kota Denpasar Ida Bagus Rai Mantra meresmikan pasar. Bupati Gianyar Anak Agung Gde Agung hadir."
    found = labels(body, [("Kota Denpasar Ida Bagus", "LOC"), ("Rai Mantra", "PER"),
                          ("Gianyar Anak Agung Gde Agung", "ORG")])
    assert found.get("Ida Bagus Rai Mantra") == "PER" and found.get("Kota Denpasar") == "LOC"
    assert found.get("Anak Agung Gde Agung") == "PER" and found.get("Gianyar") == "LOC"


def test_an_ordinary_word_opens_a_name_after_a_rank_a_code_or_a_comma() -> None:
    body = ("Ketua Umum Partai NasDem Surya Paloh hadir bersama Ipda Setia Gunawan, Suci Anggraini dan Wakil Ketua MPR RI"
            " Lestari Moerdijat.")
    found = labels(body, [("Partai NasDem", "ORG"), ("Surya Paloh", "PER"), ("Setia Gunawan", "PER"),
                          ("Suci Anggraini", "PER"), ("MPR RI", "ORG"), ("Lestari Moerdijat", "PER")])
    people = {text for text, label in found.items() if label == "PER"}
    assert {"Surya Paloh", "Setia Gunawan", "Suci Anggraini", "Lestari Moerdijat"} <= people
    body = "Proyek itu rampung. Janji Burhanuddin ditepati, ujarnya."
    # sentence-initial: an ordinary word
    assert labels(body, [("Janji Burhanuddin", "PER")]).get("Burhanuddin") == "PER"


def test_a_clinic_is_an_organisation() -> None:
    body = ("Kepala Klinik Cahaya Kebagusan Grace Maria Kendek Allo menyebut bahwa pihaknya siap. "
            "Untuk menarik minat peserta, Klinik Cahaya Kebagusan juga menciptakan inovasi.")
    person, clinic = "Klinik Cahaya Kebagusan Grace Maria Kendek Allo", "Klinik Cahaya Kebagusan"
    model = [Span(body.index(person), body.index(person) + len(person), "PER", person),
             Span(body.rindex(clinic), body.rindex(clinic) + len(clinic), "PER", clinic)]
    found = {e["text"]: e["label"] for e in mentions_from_spans(Tokens(body), model)}
    assert found == {"Klinik Cahaya Kebagusan": "ORG", "Grace Maria Kendek Allo": "PER"}


def test_a_person_span_ending_in_an_organisation_tail_is_the_organisation() -> None:
    body = "Ivana Delevska, pendiri Spear Invest yang menjual saham Tesla, mengatakan hal itu."
    found = labels(body, [("Ivana Delevska", "PER"), ("Spear Invest", "PER"), ("Tesla", "ORG")])
    assert found["Spear Invest"] == "ORG" and found["Ivana Delevska"] == "PER"


def test_a_name_followed_by_an_age_is_a_person() -> None:
    body = "Wanita di Palembang, Suci Anggraini (30) mengaku menjadi korban. Pelaku berinisial YZ (26) ditangkap."
    found = labels(body, [("Palembang", "LOC"), ("Suci Anggraini", "LOC"), ("YZ", "ORG")])
    assert found["Suci Anggraini"] == "PER" and found["YZ"] == "PER" and found["Palembang"] == "LOC"
    body = "Pengemudi itu diketahui berinsial AR (37), warga Bandung. Saat ini AR masih diperiksa."
    assert labels(body, [("Bandung", "LOC")]) == {"AR": "PER", "Bandung": "LOC"}   # initials the model missed


def test_a_first_name_read_as_a_place_joins_the_person_after_it() -> None:
    body = "Pengacara Ridwan Kamil, Muslim Jaya Butar Butar, turut berkomentar. Ia tinggal di Bogor Budi Santoso."
    found = labels(body, [("Ridwan Kamil", "PER"), ("Muslim", "LOC"), ("Jaya Butar Butar", "PER")])
    assert found.get("Muslim Jaya Butar Butar") == "PER"


def test_a_long_form_with_a_conjunction_is_no_person() -> None:
    body = "Dapur itu belum memiliki Sertifikat Laik Higiene dan Sanitasi (SLHS), kata Eni Suhaeni."
    found = labels(body, [("Laik Higiene", "PER"), ("Eni Suhaeni", "PER")])
    assert found == {"Eni Suhaeni": "PER"}
    body = "Tarif PPh dinaikkan, kata Sri Mulyani."
    assert labels(body, [("PPh", "PER"), ("Sri Mulyani", "PER")]) == {"Sri Mulyani": "PER"}   # a tax, whatever the label


def test_a_district_after_its_local_office_ends_where_the_person_begins() -> None:
    body = ("Kepala Puskesmas Margadana Wahidin mengatakan hal itu. Kepala Puskesmas Pamulang Fitri menambahkan, "
            "warga Desa Sepang Tokong sudah divaksin, kata Pj Kepala Desa Sekapuk Musholikhin.")
    found = labels(body, [("Margadana Wahidin", "PER"), ("Pamulang", "LOC"), ("Desa Sepang Tokong", "LOC"),
                          ("Desa Sekapuk Musholikhin", "LOC")])
    assert found.get("Margadana") == "LOC" and found.get("Wahidin") == "PER"
    assert found.get("Pamulang") == "LOC" and found.get("Fitri") == "PER"   # the model missed the person
    assert found.get("Musholikhin") == "PER" and found.get("Desa Sekapuk") == "LOC"
    assert found.get("Desa Sepang Tokong") == "LOC"   # without an office before it, a village's name may run on


def test_ordinary_words_the_model_left_off_a_name_set_off_by_a_comma_join_it() -> None:
    body = "kata kuasa hukum keluarga korban, Putri Maya Rumanti, kepada wartawan. Dia memuji Danone, PM Abe dan Putri."
    found = labels(body, [("Maya Rumanti", "PER"), ("Danone", "ORG"), ("Abe", "PER")])
    assert found.get("Putri Maya Rumanti") == "PER"
    assert found.get("Abe") == "PER"   # an office's acronym is no ordinary word


def test_the_first_word_of_a_two_word_title_is_no_person() -> None:
    body = "Imam Besar Masjid Istiqlal Nasaruddin Umar berdoa bersama Imam Nahrawi. Imam Besar juga berdoa."
    found = labels(body, [("Imam", "PER"), ("Masjid Istiqlal", "LOC"), ("Nasaruddin Umar", "PER"),
                          ("Imam Nahrawi", "PER")])
    assert "Imam" not in found and found.get("Nasaruddin Umar") == found.get("Imam Nahrawi") == "PER"
    body = "Imam Besar Masjid Istiqlal Nasaruddin Umar berdoa."
    found = labels(body, [("Imam Besar Masjid Istiqlal", "LOC"), ("Nasaruddin Umar", "PER")])
    assert found == {"Masjid Istiqlal": "LOC", "Nasaruddin Umar": "PER"}   # the title opens no place either


def test_a_degree_in_capitals_before_a_name_is_initials_and_after_one_no_entity() -> None:
    body = "Jaksa Agung ST Burhanuddin berjanji. Hal itu kata Budi Santoso SH, MH kemarin."
    found = labels(body, [("ST", "ORG"), ("Burhanuddin", "PER"), ("Budi Santoso", "PER"), ("SH", "ORG")])
    assert found == {"ST Burhanuddin": "PER", "Budi Santoso": "PER"}


def test_an_organisation_stops_at_the_abbreviated_tail_that_ends_its_sentence() -> None:
    body = "KPK menyidik korupsi di PT Antam Tbk. Perusahaan itu ditetapkan sebagai tersangka."
    found = labels(body, [("KPK", "ORG"), ("PT Antam Tbk. Perusahaan", "ORG")])
    assert found == {"KPK": "ORG", "PT Antam Tbk.": "ORG"}


def test_a_kind_of_regulation_or_a_possessive_word_is_no_entity() -> None:
    body = "Aturan itu tertuang dalam Perpres dan Perda. Instagramnya ramai. Dia pegawai PT PGB Legalitasnya lengkap."
    found = labels(body, [("Perpres", "ORG"), ("Perda", "ORG"), ("Instagramnya", "ORG"), ("PT PGB", "ORG")])
    assert found == {"PT PGB": "ORG"}


def test_name_words_after_an_organisations_code_hold_the_title_before_it() -> None:
    body = ("Direktur PT Prima Global Baverindo (PGB) Mustika Aji Jaya Binangun bersaksi. Kepala Dinas Pendidikan "
            "Pemerintah Provinsi (Pemprov) DKI Jakarta hadir.")
    found = labels(body, [("PT Prima Global Baverindo", "ORG"), ("PGB", "ORG"), ("Mustika Aji Jaya Binangun", "LOC"),
                          ("Pemerintah Provinsi", "ORG"), ("Pemprov", "ORG"), ("DKI Jakarta", "LOC")])
    assert found.get("Mustika Aji Jaya Binangun") == "PER" and found.get("PT Prima Global Baverindo") == "ORG"
    assert found.get("Pemerintah Provinsi (Pemprov) DKI Jakarta") == "ORG"   # a place after the code joins it


def test_a_co_title_is_a_title_and_a_reservoir_or_lake_is_a_place() -> None:
    body = "Hal itu disampaikan Co-Owner Rinawati Prihatiningsih. Jika pembangunan Waduk Karian tersendat, warga resah."
    found = labels(body, [("Co-Owner", "ORG"), ("Rinawati Prihatiningsih", "PER")])
    assert found == {"Rinawati Prihatiningsih": "PER", "Waduk Karian": "LOC"}


def test_a_numeral_a_letter_an_election_or_mojibake_alone_is_no_entity() -> None:
    body = "Kata Ipda P. sanksi untuk Teradu VII dan Komisi C soal PSU. Teks: junÄ\x81á¸¥un allÄ\x81 taktub."
    found = labels(body, [("VII", "ORG"), ("C", "LOC"), ("PSU", "ORG"), ("P", "PER"), ("Ä", "LOC")])
    assert found == {"P": "PER"}   # a person's initial stays


def test_an_office_stopped_inside_its_known_fields_joined_by_dan_runs_to_their_end() -> None:
    body = ("Rencana yang dilontarkan Kementerian Energi dan Sumber Daya Mineral itu memakai RFID. Kementerian Sosial "
            "dan Kementerian Keuangan hadir.")
    found = labels(body, [("Kementerian Energi", "ORG"), ("Sumber Daya Mineral", "ORG"), ("RFID", "ORG"),
                          ("Kementerian Sosial", "ORG"), ("Kementerian Keuangan", "ORG")])
    assert found == {"Kementerian Energi dan Sumber Daya Mineral": "ORG", "Kementerian Sosial": "ORG",
                     "Kementerian Keuangan": "ORG"}   # RFID is a technology, not an organisation


def test_an_ordinary_lower_case_word_splits_a_name_the_model_ran_on() -> None:
    body = ("Bansos disalurkan Kementerian Sosial melalui Program Keluarga Harapan. Minyak mentah Brent North Sea "
            "turun, kata Centre for Peace and Security.")
    found = labels(body, [("Kementerian Sosial melalui Program Keluarga Harapan", "ORG"),
                          ("Minyak mentah Brent North Sea", "ORG"), ("Centre for Peace and Security", "ORG")])
    assert found == {"Kementerian Sosial": "ORG", "Program Keluarga Harapan": "ORG", "Brent North Sea": "ORG",
                     "Centre for Peace and Security": "ORG"}   # other languages' function words stay inside


def test_places_listed_with_figures_in_parentheses_are_no_people() -> None:
    body = "Cadangan minyak: Irak (141), Kuwait (101), Uni Emirat Arab (98), dan Rusia (80)."
    found = labels(body, [("Irak", "LOC"), ("Kuwait", "LOC"), ("Uni Emirat Arab", "LOC"), ("Rusia", "LOC")])
    assert set(found.values()) == {"LOC"}


def test_a_sentences_first_ordinary_word_before_a_country_is_no_part_of_it() -> None:
    body = "Patokan AS, West Texas Intermediate, turun. Kota Bandung ramai saat Natal, kata Nordea Markets."
    found = labels(body, [("Patokan AS", "ORG"), ("West Texas Intermediate", "ORG"), ("Kota Bandung", "LOC"),
                          ("Natal", "ORG"), ("Nordea Markets", "PER")])
    assert found == {"AS": "LOC", "West Texas Intermediate": "ORG", "Kota Bandung": "LOC", "Nordea Markets": "ORG"}


def test_a_company_cut_between_its_legal_form_and_its_tail_is_one_and_a_rank_ends_an_office() -> None:
    body = ("PT Bank OCBC NISP Tbk berupaya berubah. Kepala Kepolisian Daerah Metro Jaya Inspektur Jenderal M Fadil "
            "Imran mengajak warga.")
    found = labels(body, [("PT Bank OCBC", "ORG"), ("NISP Tbk", "ORG"), ("M Fadil Imran", "PER")])
    assert found == {"PT Bank OCBC NISP Tbk": "ORG", "Kepolisian Daerah Metro Jaya": "ORG", "M Fadil Imran": "PER"}


def test_an_organisation_word_labels_its_long_form_and_a_sasak_opener_stays_with_the_person() -> None:
    body = ("Ketua Perhimpunan Hotel dan Restoran Indonesia (PHRI) DIY Deddy Pranowo mengatakan pasien Covid-19 turun. "
            "Ketua Gili Hotel Association Lalu Kusnawan setuju. Yogyakarta International Airport ramai.")
    found = labels(body, [("Restoran Indonesia", "LOC"), ("PHRI", "ORG"), ("DIY", "LOC"), ("Deddy Pranowo", "PER"),
                          ("Covid-19", "ORG"), ("Gili Hotel Association", "ORG"), ("Lalu Kusnawan", "PER"),
                          ("Yogyakarta International Airport", "PER")])
    assert found.get("Perhimpunan Hotel dan Restoran Indonesia") == found.get("PHRI") == "ORG"
    assert found.get("Lalu Kusnawan") == "PER" and found.get("Gili Hotel Association") == "ORG"
    assert found.get("Yogyakarta International Airport") == "LOC" and "Covid-19" not in found


def test_a_rank_in_words_or_its_force_in_parentheses_is_no_part_of_an_organisation() -> None:
    body = ("Hal itu disampaikan Kepala Polri Jenderal (Pol) Idham Azis di Jakarta. Kepala Bareskrim Polri Komisaris "
            "Jenderal Listyo Sigit Prabowo menambahkan.")
    found = labels(body, [("Idham Azis", "PER"), ("Jakarta", "LOC"), ("Polri Komisaris", "ORG"),
                          ("Listyo Sigit Prabowo", "PER")])
    assert found.get("Polri") == "ORG" and "Pol" not in found and "Polri Komisaris" not in found
