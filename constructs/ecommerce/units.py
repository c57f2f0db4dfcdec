"""Kubernetes quantities as numbers, so the model can compare requests with limits."""

from __future__ import annotations

import re
from decimal import Decimal

from .errors import ConfigError

_QUANTITY = re.compile(r"^(?P<number>\d+(\.\d+)?)(?P<suffix>Ki|Mi|Gi|Ti|m|k|M|G|T)?$")
_FACTORS = {
    None: Decimal(1),
    "m": Decimal("0.001"),
    "k": Decimal(10) ** 3,
    "M": Decimal(10) ** 6,
    "G": Decimal(10) ** 9,
    "T": Decimal(10) ** 12,
    "Ki": Decimal(2) ** 10,
    "Mi": Decimal(2) ** 20,
    "Gi": Decimal(2) ** 30,
    "Ti": Decimal(2) ** 40,
}
CPU_SUFFIXES = (None, "m")
MEMORY_SUFFIXES = ("Ki", "Mi", "Gi", "Ti", "k", "M", "G", "T")


def parse_quantity(value: object, where: str, kind: str) -> Decimal:
    """The value of a CPU (`kind="cpu"`) or memory/storage quantity, or a ConfigError."""
    allowed = CPU_SUFFIXES if kind == "cpu" else MEMORY_SUFFIXES
    example = "'250m' or '1'" if kind == "cpu" else "'512Mi' or '10Gi'"
    match = _QUANTITY.match(value) if isinstance(value, str) else None
    if match is None or match["suffix"] not in allowed:
        raise ConfigError(where, f"not a {kind} quantity: {value!r} (use e.g. {example})")
    amount = Decimal(match["number"]) * _FACTORS[match["suffix"]]
    if amount <= 0:
        raise ConfigError(where, f"must be greater than zero (got {value!r})")
    return amount
