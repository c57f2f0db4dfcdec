"""Synthesise environments into dist/<env>/, all or nothing."""

from __future__ import annotations

import atexit
import multiprocessing
import os
import shutil
import sys
import tempfile
import traceback
from collections.abc import Sequence
from multiprocessing.connection import Connection
from pathlib import Path

from .catalog import CATALOG, Catalog
from .docs import architecture, metrics, operators, runbooks, write_if_changed
from .environments import ENVIRONMENTS, PROD, Environment, get_environment
from .errors import ConfigError
from .releases import RELEASES_DIR, Release, load_release
from .waves import HALVES, WHOLE, Share

ROOT = Path(__file__).resolve().parents[2]


def generated_documents(catalog: Catalog = CATALOG) -> dict[str, str]:
    """docs/ files derived from the model, by path relative to docs/."""
    return {
        "architecture.md": architecture(catalog, tuple(ENVIRONMENTS.values())),
        "runbooks.md": runbooks(PROD),
        "metrics.md": metrics(),
        "operators.md": operators(tuple(ENVIRONMENTS.values())),
    }


def write_documents(docs_dir: Path, catalog: Catalog = CATALOG) -> None:
    for name, content in generated_documents(catalog).items():
        write_if_changed(docs_dir / name, content)


def synthesize(
    names: Sequence[str],
    outdir: Path,
    catalog: Catalog = CATALOG,
    releases_dir: Path = RELEASES_DIR,
    parallel: bool = False,
) -> list[Path]:
    """Write dist/<env>/ for each named environment (all of them when `names` is empty).

    Every input is validated and every environment is built in a staging folder beside
    `outdir` before anything in `outdir` changes; a failure leaves `outdir` as it was.
    With `parallel`, each environment is built in two halves (`waves.HALVES`) by worker
    processes, one per core.
    """
    environments = [get_environment(name) for name in (names or ENVIRONMENTS)]
    releases = [load_release(env, catalog, releases_dir) for env in environments]
    outdir = outdir.resolve()
    outdir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{outdir.name}.new-", dir=outdir.parent))
    staging.chmod(0o755)
    targets = [(env, release, staging / env.name) for env, release in zip(environments, releases, strict=True)]
    workers = _usable_cores()
    try:
        if parallel and workers > 1 and _jsii_not_started():
            _build_in_workers([(*target, share) for share in HALVES for target in targets], catalog, workers)
        else:
            _build([(*target, WHOLE) for target in targets], catalog)
        whole = not names or set(names) == set(ENVIRONMENTS)
        _swap_in(staging, outdir, None if whole else [env.name for env in environments])
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [outdir / env.name for env in environments]


Job = tuple[Environment, Release, Path, Share]


def _build(jobs: list[Job], catalog: Catalog) -> None:
    from .build import build_environment

    for env, release, folder, share in jobs:
        build_environment(env, catalog, release, folder, share)


def _usable_cores() -> int:
    # The cores this process may run on (a container's CPU set), not all of the host's.
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _jsii_not_started() -> bool:
    # Forked workers must each start their own jsii runtime: a child sharing its parent's
    # would corrupt it. Until cdk8s is imported, no runtime exists.
    return "cdk8s" not in sys.modules and "fork" in multiprocessing.get_all_start_methods()


def _build_in_workers(jobs: list[Job], catalog: Catalog, cores: int) -> None:
    """Builds the jobs in forked processes, one per core, each paying the jsii start-up once.

    `jobs` come grouped by share; each worker takes a consecutive run of them, so that it
    loads the generated CRD modules of as few shares as possible.
    """
    workers = min(cores, len(jobs))
    size, extra = divmod(len(jobs), workers)
    batches, start = [], 0
    for index in range(workers):
        end = start + size + (index < extra)
        batches.append(jobs[start:end])
        start = end

    context = multiprocessing.get_context("fork")
    running = []
    for batch in batches:
        receiver, sender = context.Pipe(duplex=False)
        process = context.Process(target=_work, args=(batch, catalog, sender))
        process.start()
        sender.close()
        running.append((process, receiver))
    failures = []
    for process, receiver in running:
        outcome = receiver.recv() if receiver.poll(None) else ("crash", "worker died without a word")
        process.join()
        if outcome is not None:
            failures.append(outcome)
    for kind, *details in failures:
        if kind == "config":
            raise ConfigError(*details)
    if failures:
        raise RuntimeError("synthesis failed in a worker:\n" + "\n".join(details[0] for _, *details in failures))


def _work(batch: list[Job], catalog: Catalog, sender: Connection) -> None:
    # multiprocessing ends a forked child without running atexit handlers. The parent's are
    # not the child's business; the child's own (the jsii runtime's stop, which removes the
    # runtime's temporary folder) must run, once the outcome is sent.
    atexit._clear()
    try:
        _build(batch, catalog)
        sender.send(None)
    except ConfigError as error:
        sender.send(("config", error.where, error.message))
    except BaseException:
        sender.send(("crash", traceback.format_exc()))
    finally:
        sender.close()
        atexit._run_exitfuncs()


def _swap_in(staging: Path, outdir: Path, subdirs: list[str] | None) -> None:
    """Replace `outdir` (or only its `subdirs`) by the staged output with renames."""
    pairs = [(staging, outdir)] if subdirs is None else [(staging / sub, outdir / sub) for sub in subdirs]
    if subdirs is not None:
        outdir.mkdir(exist_ok=True)
    retired = []
    for new, target in pairs:
        if target.exists():
            old = target.with_name(f".{target.name}.old")
            shutil.rmtree(old, ignore_errors=True)
            target.rename(old)
            retired.append(old)
        new.rename(target)
    for old in retired:
        shutil.rmtree(old, ignore_errors=True)
