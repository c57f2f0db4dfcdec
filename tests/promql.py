"""PromQL helpers for tests: metric names of an expression, and promtool runs."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import promql_parser
import pytest
import yaml

PROMTOOL = shutil.which("promtool")
NO_PROMTOOL = "promtool is not installed: `sudo apt-get install prometheus` (Debian/Ubuntu) or `make tools`"
# Grafana's variables, replaced by what they stand for at query time.
GRAFANA_VARIABLES = {"$__rate_interval": "5m", "$__range": "1d", "$__interval": "1m", "$site": ".*"}


def require_promtool() -> str:
    if PROMTOOL is None:
        pytest.fail(NO_PROMTOOL)
    return PROMTOOL


def metric_names(expr: str) -> set[str]:
    """Names of every series selector in `expr`, found by a real PromQL parser."""
    names: set[str] = set()

    def walk(node: object) -> None:
        kind = type(node).__name__
        if kind == "VectorSelector":
            names.add(node.name)  # type: ignore[attr-defined]
            return
        for attribute in ("expr", "lhs", "rhs", "vector_selector", "param"):
            child = getattr(node, attribute, None)
            if child is not None and not isinstance(child, (str, int, float)):
                walk(child)
        for child in getattr(node, "args", None) or []:
            walk(child)

    walk(promql_parser.parse(expr))
    return names


def substitute_grafana_variables(expr: str) -> str:
    for variable, value in GRAFANA_VARIABLES.items():
        expr = expr.replace(variable, value)
    leftover = re.findall(r"\$[A-Za-z_]\w*", expr)
    assert not leftover, f"unknown dashboard variable(s) {leftover} in {expr}"
    return expr


def check_rules(groups: list[dict], directory: Path) -> subprocess.CompletedProcess[str]:
    path = directory / "rules.yaml"
    path.write_text(yaml.safe_dump({"groups": groups}, sort_keys=False))
    return subprocess.run([require_promtool(), "check", "rules", str(path)], capture_output=True, text=True, timeout=60)
