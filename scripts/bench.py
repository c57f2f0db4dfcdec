"""Benchmarks (not tests): median wall times of the cdk8s import floor and of synths.

    .venv/bin/python scripts/bench.py [--runs 7] [--readme [README.md]]

With --readme (`make bench`), the results also replace README's benchmark table, between
its `make bench` markers: every number there comes from this command, on the machine that
ran it, which the table names.

Each measurement runs a fresh Python process, as a user's `make synth` does:
- the import floor, `python -c "import cdk8s_plus_27"`;
- a full synth (main.py, every environment) and a single-environment synth (prod), both
  run with -O as `make synth` runs them;
- a scaling run: prod synthesised from synthetic catalogs of 12, 60 and 120 services
  (the real 12, cloned), reporting the time per service.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NoReturn

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "constructs"), str(ROOT)]
PYTHON = sys.executable
ENV = dict(os.environ, JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION="20")
ENV.pop("PYTHONDONTWRITEBYTECODE", None)
SCALES = (12, 60, 120)
# Synths run the way `make synth` runs them; the floor is measured exactly as the target defines it.
OPTIMISED = [PYTHON, "-O"]


def median_seconds(command: list[str], runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, env=ENV, check=True, stdout=subprocess.DEVNULL)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def synthetic_catalog(size: int):
    """The real catalog cloned into size/12 groups; each clone calls and messages its own group."""
    from ecommerce.model.catalog import CATALOG, Catalog

    groups = size // len(CATALOG)
    services = list(CATALOG.services)
    for group in range(1, groups):
        code = chr(ord("a") + group)

        def rename(name: str, code: str = code) -> str:
            return f"{name}-{code}"

        def event(name: str, code: str = code) -> str:
            aggregate, action = name.split(".")
            return f"{aggregate}{code}.{action}"

        for service in CATALOG.services:
            services.append(
                dataclasses.replace(
                    service,
                    name=rename(service.name),
                    route_prefix=f"/{code}{service.route_prefix}".rstrip("/"),
                    redis=(),
                    calls=tuple(rename(call) for call in service.calls),
                    publishes=tuple(map(event, service.publishes)),
                    consumes=tuple(map(event, service.consumes)),
                    secrets=tuple(f"{rename(s.split(':')[0])}:{s.split(':')[1]}" if ":" in s else s for s in service.secrets),
                )
            )
    return Catalog(tuple(services))


def synth_scaled(size: int) -> NoReturn:
    """Worker mode: synthesise prod for a synthetic catalog of `size` services."""
    catalog = synthetic_catalog(size)
    from ecommerce.pipeline.synth import synthesize

    release = yaml.safe_load((ROOT / "releases" / "prod.yaml").read_text())
    base = {service.name: service.name.rsplit("-", 1)[0] for service in catalog}
    images = {name: release["images"].get(name) or release["images"][base[name]] for name in catalog.names}
    with tempfile.TemporaryDirectory() as scratch:
        releases = Path(scratch) / "releases"
        releases.mkdir()
        (releases / "prod.yaml").write_text(yaml.safe_dump({"images": images, "platform": release["platform"]}))
        synthesize(["prod"], Path(scratch) / "dist", catalog=catalog, releases_dir=releases)
    sys.exit(0)


BEGIN = "<!-- make bench: generated from here -->"
END = "<!-- make bench: to here -->"


@dataclasses.dataclass(frozen=True)
class Results:
    runs: int
    cores: int
    python: str
    floor: float
    full: float
    single: float
    scaled: dict[int, float]


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def render(results: Results) -> str:
    """README's benchmark block."""
    floor = results.floor
    smallest, *_ = SCALES
    per_service = [(results.scaled[size] - results.scaled[smallest]) / (size - smallest) * 1000 for size in SCALES[1:]]
    scaled = " / ".join(f"{results.scaled[size]:.2f}" for size in SCALES)
    lines = [
        BEGIN,
        f"Medians of {results.runs} runs, each a fresh process, on {results.cores} cores with Python {results.python}:",
        "",
        "| measurement | seconds | × import floor | target |",
        "|---|---|---|---|",
        f'| import floor, `python -c "import cdk8s_plus_27"` | {floor:.2f} | 1 | |',
        f"| full synth, `python -O main.py` (every environment) | {results.full:.2f} | {results.full / floor:.2f} | 2 |",
        f"| single synth, `python -O main.py --env prod` | {results.single:.2f} | {results.single / floor:.2f} | 1.5 |",
        f"| prod from a synthetic catalog of {' / '.join(map(str, SCALES))} services | {scaled} | | linear |",
        "",
        f"Each service beyond {smallest} adds {min(per_service):.0f}–{max(per_service):.0f} ms "
        "(its objects, its network policy, its share of the RabbitMQ topology).",
        END,
    ]
    return "\n".join(lines)


def write_readme(readme: Path, results: Results) -> None:
    """Replace the block between README's markers with `results`; nothing else changes."""
    text = readme.read_text()
    start, end = text.find(BEGIN), text.find(END)
    if start < 0 or end < start:
        raise SystemExit(f"bench: {readme} has no `{BEGIN}` … `{END}` block")
    readme.write_text(text[:start] + render(results) + text[end + len(END) :])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--readme", type=Path, nargs="?", const=ROOT / "README.md", help="write the results into README's benchmark table"
    )
    parser.add_argument("--synth-scaled", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.synth_scaled:
        from ecommerce.pipeline.batch import start_batch

        start_batch()  # as main.py does
        synth_scaled(args.synth_scaled)
    with tempfile.TemporaryDirectory() as scratch:
        outdir = str(Path(scratch) / "dist")
        # Warm the OS file cache and bytecode once so every sample measures the same thing.
        subprocess.run([*OPTIMISED, "main.py", "--outdir", outdir], cwd=ROOT, env=ENV, check=True, stdout=subprocess.DEVNULL)
        floor = median_seconds([PYTHON, "-c", "import cdk8s_plus_27"], args.runs)
        full = median_seconds([*OPTIMISED, "main.py", "--outdir", outdir], args.runs)
        single = median_seconds([*OPTIMISED, "main.py", "--env", "prod", "--outdir", outdir], args.runs)
        scaled = {size: median_seconds([*OPTIMISED, __file__, "--synth-scaled", str(size)], args.runs) for size in SCALES}
    print(f"runs per measurement: {args.runs} (median wall time, fresh process each)")
    print(f"import floor  python -c 'import cdk8s_plus_27' : {floor:6.3f} s")
    print(f"full synth    main.py (dev, staging, prod)     : {full:6.3f} s  = {full / floor:4.2f} x floor (target 2)")
    print(f"single synth  main.py --env prod               : {single:6.3f} s  = {single / floor:4.2f} x floor (target 1.5)")
    smallest = SCALES[0]
    for size in SCALES:
        extra = ""
        if size != smallest:
            per_service = (scaled[size] - scaled[smallest]) / (size - smallest)
            extra = f"  +{per_service * 1000:5.1f} ms per service beyond {smallest}"
        print(f"scaling       prod, {size:3d} services               : {scaled[size]:6.3f} s{extra}")
    if args.readme:
        python = ".".join(map(str, sys.version_info[:2]))
        write_readme(args.readme, Results(args.runs, cores(), python, floor, full, single, scaled))
        print(f"written into {args.readme}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
