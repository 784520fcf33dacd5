"""Where input comes from: paths, folders and globs; gzip; which format a file holds."""
from __future__ import annotations

import glob
import gzip
import os
import zlib
from collections.abc import Iterable
from pathlib import Path

from warta.report import RunReport

GZIP_MAGIC = b"\x1f\x8b"
SNIFF_BYTES = 65536
# Signatures of common binary files, so they are rejected by name rather than as bad text.
BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK\x03\x04", b"BZh", b"\xfd7zXZ", b"7z\xbc\xaf",
                b"\x7fELF", b"SQLite format 3")
EXTENSIONS = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".warc": "warc", ".arc": "warc",
    ".csv": "csv", ".tsv": "csv",
}


class BadInput(ValueError):
    """A file that cannot be read; the message is the reason printed for it."""


def expand_paths(paths: Iterable[str], report: RunReport) -> list[str]:
    """Files named, files under folders (recursively, sorted) and glob matches; missing paths are rejected."""
    files: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            found = sorted(str(p) for p in Path(path).rglob("*") if _is_input(p, path))
            if not found:
                report.reject(path, None, "no input files in folder")
            files.extend(found)
        elif os.path.isfile(path):
            files.append(path)
        elif glob.has_magic(path) and (matches := sorted(glob.glob(path, recursive=True))):
            files.extend(m for m in matches if os.path.isfile(m))
        else:
            report.reject(path, None, "no such file")
    return list(dict.fromkeys(files))


def _is_input(path: Path, root: str) -> bool:
    """In a folder, input is a file with an input extension (or none), outside dot folders; READMEs and scripts are not."""
    if not path.is_file() or any(part.startswith(".") for part in path.relative_to(root).parts):
        return False
    name = path.name.removesuffix(".gz")
    return format_from_name(name) is not None or not os.path.splitext(name)[1]


def is_gzip(path: str) -> bool:
    with open(path, "rb") as handle:
        return handle.read(2) == GZIP_MAGIC


def read_head(path: str) -> bytes:
    """The first bytes of a file's content, decompressed when it is gzip (a cut-off gzip gives what it has)."""
    with open(path, "rb") as handle:
        if handle.read(2) != GZIP_MAGIC:
            handle.seek(0)
            return handle.read(SNIFF_BYTES)
        handle.seek(0)
        inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
        head = b""
        try:
            while len(head) < SNIFF_BYTES and (chunk := handle.read(SNIFF_BYTES)):
                head += inflate.decompress(chunk, SNIFF_BYTES - len(head))
        except zlib.error as error:
            raise BadInput(f"corrupt gzip: {error}") from None
        return head


def read_content(path: str) -> bytes:
    """A whole file, decompressed when it is gzip."""
    if not is_gzip(path):
        return Path(path).read_bytes()
    try:
        with gzip.open(path, "rb") as handle:
            return handle.read()
    except EOFError:
        raise BadInput("truncated gzip") from None
    except (gzip.BadGzipFile, zlib.error, OSError) as error:
        raise BadInput(f"corrupt gzip: {error}") from None


def looks_binary(head: bytes) -> bool:
    """NUL bytes or many control characters in the first bytes: not text (UTF-16 with a BOM is text)."""
    if head.startswith(BINARY_MAGIC):
        return True
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    sample = head[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    return controls > len(sample) * 0.05


def format_from_name(path: str) -> str | None:
    name = path.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return EXTENSIONS.get(os.path.splitext(name)[1])


def sniff_format(head: bytes) -> str:
    """The format of content whose file name says nothing (or says something it is not)."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:4096]
    if start.startswith(b"WARC/"):
        return "warc"
    if start.startswith((b"{", b"[")):
        return "jsonl"
    lower = start.lower()
    if lower.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in lower or b"<head" in lower:
        return "html"
    return "text"


def detect_format(path: str, head: bytes) -> str:
    """WARC and HTML content win over the name; otherwise the extension, then the content."""
    sniffed = sniff_format(head)
    if sniffed == "warc":
        return "warc"
    named = format_from_name(path)
    if named == "text" and sniffed == "html":
        return "html"
    return named or sniffed
