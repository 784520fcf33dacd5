"""Text dumps: the title on the first non-empty line, the article below it."""
from __future__ import annotations

from warta.record import Article


class NotText(ValueError):
    """Bytes that are not UTF-8 text."""


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM; UTF-16 when it has a BOM) with line endings made LF."""
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            text = data.decode("utf-16")
        else:
            text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise NotText(f"not UTF-8 text (byte {error.start})") from error
    return text.replace("\r\n", "\n").replace("\r", "\n")


def article_from_text(text: str, source: str, title: str | None = None, url: str | None = None,
                      published: str | None = None, raw_format: str = "text") -> Article:
    """An Article from a text dump; without `title`, the first non-empty line is the title."""
    text = text.replace("\r\n", "\n").lstrip("\ufeff")
    if title is None:
        lines = text.lstrip().split("\n", 1)
        title = lines[0].strip() or None
        text = lines[1] if len(lines) > 1 else ""
    raw = text.strip("\n").rstrip()
    return Article(source=source, title=title, url=url, published=published, raw=raw, raw_format=raw_format)
