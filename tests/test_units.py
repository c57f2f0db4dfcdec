"""Quantities read as Kubernetes reads them: the pinned kubectl (resource.ParseQuantity) is the judge."""

from __future__ import annotations

import json
import subprocess
from decimal import Decimal

import pytest

from ecommerce.model.units import quantity_value
from scripts.addons import kubectl_binary

POD = {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "q"}, "spec": {"containers": [{"name": "c", "image": "x"}]}}

TAKEN = {
    "1e3": Decimal(1000),
    "1E3": Decimal(1000),
    "1e-3": Decimal("0.001"),
    "1e+3": Decimal(1000),
    "1n": Decimal("1e-9"),
    "1u": Decimal("1e-6"),
    "250m": Decimal("0.25"),
    "1k": Decimal(1000),
    "1M": Decimal(10**6),
    "1P": Decimal(10**15),
    "1E": Decimal(10**18),
    "1Ki": Decimal(1024),
    "1.5Gi": Decimal(3 * 2**29),
    ".5Gi": Decimal(2**29),
    "1Pi": Decimal(2**50),
    "1Ei": Decimal(2**60),
    "+1": Decimal(1),
    "-1": Decimal(-1),
    "1.": Decimal(1),
    ".5": Decimal("0.5"),
    "007": Decimal(7),
    # Rounded up to a nano; binary values capped at int64.
    "0.1n": Decimal("1e-9"),
    "1e-12": Decimal("1e-9"),
    "16Ei": Decimal(2**63 - 1),
    # Zero, however written.
    "Gi": Decimal(0),
    "-": Decimal(0),
    ".": Decimal(0),
    "e3": Decimal(0),
}
REFUSED = ["", "1K", "1e", "1E+", "1Ki5", "1.2.3", "Pi", "Ei", ".e-10", "+e-10", "1 Gi", "1Gi ", "one", "0x10", "1_000"]


def kubectl_limits(quantities: list[str]) -> subprocess.CompletedProcess[str]:
    limits = ",".join(f"example.com/q{index}={quantity}" for index, quantity in enumerate(quantities))
    command = [str(kubectl_binary()), "set", "resources", "--local", "-f", "-", "-o", "json", f"--limits={limits}"]
    return subprocess.run(command, input=json.dumps(POD), capture_output=True, text=True, timeout=60, check=False)


def test_values_are_the_ones_kubernetes_gives():
    assert {text: quantity_value(text) for text in TAKEN} == TAKEN
    result = kubectl_limits(list(TAKEN))
    assert result.returncode == 0, result.stderr
    canonical = json.loads(result.stdout)["spec"]["containers"][0]["resources"]["limits"]
    # kubectl prints each in canonical form ("1536Mi", "500m"), which reads back to the same value.
    assert {text: quantity_value(canonical[f"example.com/q{index}"]) for index, text in enumerate(TAKEN)} == TAKEN


@pytest.mark.parametrize("text", REFUSED)
def test_refused_as_kubernetes_refuses(text):
    assert quantity_value(text) is None
    result = kubectl_limits([text])
    assert result.returncode != 0 and "quantit" in result.stderr, result.stdout
