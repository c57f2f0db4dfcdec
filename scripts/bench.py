"""Benchmarks (not tests): median wall times of the cdk8s import floor and of synths.

    .venv/bin/python scripts/bench.py [--runs 7]

Each measurement runs a fresh Python process, as a user's `make synth` does.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
ENV = dict(os.environ, JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION="20")
ENV.pop("PYTHONDONTWRITEBYTECODE", None)


def median_seconds(command: list[str], runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, env=ENV, check=True, stdout=subprocess.DEVNULL)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        outdir = str(Path(scratch) / "dist")
        # Warm the OS file cache and bytecode once so every sample measures the same thing.
        subprocess.run([PYTHON, "main.py", "--outdir", outdir], cwd=ROOT, env=ENV, check=True, stdout=subprocess.DEVNULL)
        floor = median_seconds([PYTHON, "-c", "import cdk8s_plus_27"], args.runs)
        full = median_seconds([PYTHON, "main.py", "--outdir", outdir], args.runs)
        single = median_seconds([PYTHON, "main.py", "--env", "prod", "--outdir", outdir], args.runs)
    print(f"runs per measurement: {args.runs} (median wall time)")
    print(f"import floor  python -c 'import cdk8s_plus_27' : {floor:6.3f} s")
    print(f"full synth    main.py (dev, staging, prod)     : {full:6.3f} s  = {full / floor:4.2f} x floor")
    print(f"single synth  main.py --env prod               : {single:6.3f} s  = {single / floor:4.2f} x floor")
    return 0


if __name__ == "__main__":
    sys.exit(main())
