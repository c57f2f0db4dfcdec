"""Merge the SARIF files of one tool (one per image, per file or per environment) into one run.

    python3 scripts/merge_sarif.py OUTPUT.sarif INPUT.sarif...

Code scanning refuses an upload with several runs of the same tool in one category; the scanners
that read one target at a time (Trivy's image scan, kubesec) write one file each. The results of
every input run go into the first run, each rule once, each result's ruleIndex pointing at it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def merge(documents: list[dict]) -> dict:
    runs = [run for document in documents for run in document.get("runs", [])]
    if not runs:
        raise ValueError("no SARIF run to merge")
    merged = json.loads(json.dumps(runs[0]))
    driver = merged["tool"]["driver"]
    rules: list[dict] = []
    index: dict[str, int] = {}
    results: list[dict] = []
    for run in runs:
        names = {run["tool"]["driver"].get("name"), driver.get("name")}
        if len(names) != 1:
            raise ValueError(f"runs of different tools: {sorted(map(str, names))}")
        run_rules = run["tool"]["driver"].get("rules", [])
        for rule in run_rules:
            if rule["id"] not in index:
                index[rule["id"]] = len(rules)
                rules.append(rule)
        for result in run.get("results", []):
            result = dict(result)
            rule_id = result.get("ruleId")
            if rule_id is None and "ruleIndex" in result:
                rule_id = run_rules[result["ruleIndex"]]["id"]
            if rule_id in index:
                result["ruleIndex"] = index[rule_id]
            else:
                result.pop("ruleIndex", None)
            results.append(result)
    driver["rules"] = rules
    merged["results"] = results
    merged.pop("automationDetails", None)
    return {"version": documents[0].get("version", "2.1.0"), "$schema": documents[0].get("$schema"), "runs": [merged]}


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    output, *inputs = argv
    document = merge([json.loads(Path(path).read_text()) for path in inputs])
    Path(output).write_text(json.dumps(document))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
