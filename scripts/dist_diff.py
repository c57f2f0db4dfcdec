"""Markdown summary of what a change does to each environment's manifests.

    .venv/bin/python scripts/dist_diff.py BASE_REVISION > dist-diff.md

The CI posts it on the pull request: the diff of dist/ is the review of a change.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Past this many lines, an environment's diff is summarised by its stat only.
MAX_LINES = 400


def git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, check=True, capture_output=True, text=True).stdout


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: dist_diff.py BASE_REVISION", file=sys.stderr)
        return 2
    base = sys.argv[1]
    environments = sorted(path.name for path in (ROOT / "dist").iterdir() if path.is_dir())
    print("## Effect on the manifests\n")
    for env in environments:
        stat = git("diff", "--stat", base, "--", f"dist/{env}").strip()
        if not stat:
            print(f"**{env}**: no change\n")
            continue
        diff = git("diff", base, "--", f"dist/{env}")
        lines = diff.splitlines()
        print(f"<details><summary><b>{env}</b>: {stat.splitlines()[-1].strip()}</summary>\n")
        print("```diff")
        print("\n".join(lines[:MAX_LINES]))
        if len(lines) > MAX_LINES:
            print(f"... {len(lines) - MAX_LINES} more lines: see the full diff of dist/{env}")
        print("```\n</details>\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
