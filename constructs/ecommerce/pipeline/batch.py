"""A synthesis process is one short batch run that loads thousands of generated jsii classes.

Only the standard library here: a process can still end through it when the model itself
failed to load.
"""

from __future__ import annotations

import gc
import signal
from types import FrameType


class Stopped(KeyboardInterrupt):
    """SIGTERM (a CI job cancelled, `kill`): the run stops as on Ctrl-C, cleaning up after itself."""


def start_batch() -> None:
    """Turn the cyclic garbage collector off: a synth makes little cyclic garbage, and the
    collector's repeated passes over the generated classes cost about a tenth of a second.

    SIGTERM stops the run like Ctrl-C does, through the same clean-up, instead of ending the
    process where it stands."""
    gc.disable()
    signal.signal(signal.SIGTERM, _stop)


def _stop(number: int, frame: FrameType | None) -> None:
    raise Stopped
