"""Builders for ingest test inputs: WARC crawls and cut-off copies of files."""
from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples"


def write_warc(path: Path, pages: list[tuple[str, bytes, str]], gzip: bool = True) -> Path:
    """A crawl with a request record and a response record (url, body, content type) per page."""
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=gzip)
        for url, body, content_type in pages:
            writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
    return path


def cut(path: Path, fraction: float, target: Path) -> Path:
    """A copy of `path` that ends after `fraction` of its bytes, as an interrupted download does."""
    data = path.read_bytes()
    target.write_bytes(data[: int(len(data) * fraction)])
    return target


def sample_page(name: str) -> bytes:
    return (SAMPLES / "html" / name).read_bytes()
