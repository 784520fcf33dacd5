"""Reading the data tables that hold warta's rules and word lists."""
from __future__ import annotations

from pathlib import Path


def read_rows(path: Path) -> list[list[str]]:
    """Rows of a tab-separated data file, without `#` comment lines and blank lines."""
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
