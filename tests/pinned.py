"""Tests that need pinned upstream files kept beside the clone (../shared): skipped, with how to
get the files, where they are absent; a failure instead where CI says they must run."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


def needs_folder(folder: Path | None, how_to_get_it: str, required_by: str) -> pytest.MarkDecorator:
    """A marker skipping a test without `folder`; with `required_by` set in the environment (CI
    sets it), a missing folder stops the run at once rather than skipping its checks."""
    if folder is None and os.environ.get(required_by):
        raise RuntimeError(how_to_get_it)
    return pytest.mark.skipif(folder is None, reason=how_to_get_it)
