"""Re-run the commands of README's tour and paste their real output under them.

    python scripts/update_readme_tour.py

Each fenced block in the "A short tour" and "For fact-checkers" sections that starts with
``$ quotecli …`` is run against a fresh index of the bundled seed, made at
the default index location of a temporary data directory, as on a fresh install. ``console``
blocks show what a pipe receives and are checked by tests/test_docs.py;
``text`` blocks show what a terminal shows, so they are run as a 100-column
table without colour.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
SECTIONS = ("## A short tour", "## For fact-checkers")
BLOCK = re.compile(r"^```(console|text)\n\$ (quotecli [^\n]*)\n.*?^```", re.MULTILINE | re.DOTALL)


def run(kind: str, command: str, data: Path) -> str:
    args = shlex.split(command)[1:]
    if kind == "text":
        args += ["--format", "table", "--no-color"]
    # The default index location, the only one a fresh install seeds.
    env = {**os.environ, "XDG_DATA_HOME": str(data), "COLUMNS": "100"}
    env.pop("QUOTECLI_DB", None)
    result = subprocess.run(
        [sys.executable, "-m", "quotecli", *args], capture_output=True, text=True, env=env
    )
    if kind == "console":
        # Exactly what a pipe receives: an empty last field leaves a trailing tab.
        return result.stdout
    return "".join(line.rstrip() + "\n" for line in result.stdout.splitlines())


def main() -> int:
    text = README.read_text(encoding="utf-8")
    for heading in SECTIONS:
        start = text.index(heading)
        end = text.index("\n## ", start + 1)
        with tempfile.TemporaryDirectory() as tmp:
            section = BLOCK.sub(
                lambda m, tmp=tmp: f"```{m[1]}\n$ {m[2]}\n{run(m[1], m[2], Path(tmp))}```",
                text[start:end],
            )
        text = text[:start] + section + text[end:]
    README.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
