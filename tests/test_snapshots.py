"""syrupy snapshots of every environment: each change to the output shows up for review.

Update deliberately with `.venv/bin/python -m pytest tests/test_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

import pytest

from ecommerce.environments import ENVIRONMENTS


@pytest.mark.parametrize("env", list(ENVIRONMENTS))
def test_environment_snapshot(synthesized, snapshot, env):
    files = {path.name: path.read_text() for path in sorted((synthesized / env).glob("*.yaml"))}
    assert files == snapshot
