"""The README's Python example runs as written."""
from __future__ import annotations

import os
import re

from tests.conftest import REPO


def test_readme_python_example_runs(capsys):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```python\n(.*?)```", readme, re.S).group(1)
    cwd = os.getcwd()
    os.chdir(REPO)
    try:
        exec(compile(block, "README.md", "exec"), {})
    finally:
        os.chdir(cwd)
    assert len(capsys.readouterr().out.splitlines()) == 3  # the three pages of the sample WARC
