"""The compiled part of warta (everything else is declared in pyproject.toml)."""
from Cython.Build import cythonize
from setuptools import Extension, setup

setup(ext_modules=cythonize([
    Extension("warta.extract.keyword_scan", ["src/warta/extract/keyword_scan.pyx"]),
    Extension("warta.extract.date_scan", ["src/warta/extract/date_scan.pyx"]),
    Extension("warta.extract.figure_scan", ["src/warta/extract/figure_scan.pyx"]),
    Extension("warta.extract.quote_scan", ["src/warta/extract/quote_scan.pyx"]),
    Extension("warta.extract.quote_mentions", ["src/warta/extract/quote_mentions.pyx"]),
    Extension("warta.extract.entities.crf_decode", ["src/warta/extract/entities/crf_decode.pyx"]),
    Extension("warta.extract.entities.tokenizer", ["src/warta/extract/entities/tokenizer.pyx"]),
]))
