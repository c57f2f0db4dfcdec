"""Secret scanning with detect-secrets, configured by .secrets.baseline.

    .venv/bin/python scripts/scan_secrets.py [PATH ...]     (default: every file git tracks)
    .venv/bin/python scripts/scan_secrets.py --update       (rescan into the baseline, keeping audits)

The baseline holds the exclusions (references to secrets such as `secretName: x` are not
values; generated and lock files are left out, and so are the snapshots under
tests/__snapshots__: the constructs' own output, which dist/ holds too, and dist/ is
scanned) and the findings a person audited as false positives. detect-secrets 1.5 does not
re-apply a baseline's line and file filters by itself, so this passes them explicitly, then
fails on any finding that is not an audited false positive.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / ".secrets.baseline"
DETECT_SECRETS = Path(sys.executable).parent / "detect-secrets"


def filter_patterns(baseline: dict, name: str) -> list[str]:
    for entry in baseline["filters_used"]:
        if entry["path"] == f"detect_secrets.filters.regex.{name}":
            return list(entry["pattern"])
    return []


def scan(paths: list[str], baseline: dict) -> dict[str, list[dict]]:
    """Findings by file name; with no paths, of every file git tracks (names relative to the repository)."""
    command = [str(DETECT_SECRETS), "scan"]
    for pattern in filter_patterns(baseline, "should_exclude_line"):
        command += ["--exclude-lines", pattern]
    for pattern in filter_patterns(baseline, "should_exclude_file"):
        command += ["--exclude-files", pattern]
    cwd = ROOT
    if paths:
        # Inside a git checkout detect-secrets only reads the files git tracks: scan the
        # given files from their own folder, all of them.
        files = [Path(path).resolve() for path in paths]
        cwd = Path(os.path.commonpath([file.parent for file in files]))
        command.append("--all-files")
        paths = [str(file.relative_to(cwd)) for file in files]
    result = subprocess.run([*command, *paths], cwd=cwd, capture_output=True, text=True, check=True)
    return {str(cwd / name) if paths else name: findings for name, findings in json.loads(result.stdout)["results"].items()}


def update(baseline: dict) -> int:
    """Rescans the repository into the baseline; findings already audited keep their verdict."""
    verdicts = {
        (filename, finding["hashed_secret"]): finding["is_secret"]
        for filename, findings in baseline["results"].items()
        for finding in findings
        if "is_secret" in finding
    }
    results = scan([], baseline)
    unaudited = 0
    for filename, findings in results.items():
        for finding in findings:
            verdict = verdicts.get((filename, finding["hashed_secret"]))
            if verdict is None:
                unaudited += 1
            else:
                finding["is_secret"] = verdict
    baseline["results"] = dict(sorted(results.items()))
    BASELINE.write_text(json.dumps(baseline, indent=2) + "\n")
    print(f"{unaudited} new finding(s): review them with `.venv/bin/detect-secrets audit .secrets.baseline`")
    return 0


def main(argv: list[str]) -> int:
    baseline = json.loads(BASELINE.read_text())
    if argv == ["--update"]:
        return update(baseline)
    audited = {
        (filename, finding["hashed_secret"])
        for filename, findings in baseline["results"].items()
        for finding in findings
        if finding.get("is_secret") is False
    }
    new = [
        (filename, finding)
        for filename, findings in scan(argv, baseline).items()
        for finding in findings
        if (filename, finding["hashed_secret"]) not in audited
    ]
    for filename, finding in new:
        print(f"{filename}:{finding['line_number']}: {finding['type']}")
    if new:
        print(f"{len(new)} possible secret(s). A false positive? `make secrets-baseline`, then audit it.", file=sys.stderr)
    return 1 if new else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
