"""Synthesise environments into dist/<env>/, all or nothing."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

import cdk8s

from .argocd import ArgoCdBootstrap
from .catalog import CATALOG, Catalog
from .docs import architecture, metrics, operators, runbooks, write_if_changed
from .environments import ENVIRONMENTS, PROD, get_environment
from .platform import EcommercePlatform
from .releases import RELEASES_DIR, load_release


def generated_documents(catalog: Catalog = CATALOG) -> dict[str, str]:
    """docs/ files derived from the model, by path relative to docs/."""
    return {
        "architecture.md": architecture(catalog, tuple(ENVIRONMENTS.values())),
        "runbooks.md": runbooks(PROD),
        "metrics.md": metrics(),
        "operators.md": operators(tuple(ENVIRONMENTS.values()), Path(__file__).resolve().parents[2]),
    }


def write_documents(docs_dir: Path, catalog: Catalog = CATALOG) -> None:
    for name, content in generated_documents(catalog).items():
        write_if_changed(docs_dir / name, content)


def synthesize(
    names: Sequence[str],
    outdir: Path,
    catalog: Catalog = CATALOG,
    releases_dir: Path = RELEASES_DIR,
) -> list[Path]:
    """Write dist/<env>/ for each named environment (all of them when `names` is empty).

    Every input is validated and every environment is built in a staging folder beside
    `outdir` before anything in `outdir` changes; a failure leaves `outdir` as it was.
    """
    environments = [get_environment(name) for name in (names or ENVIRONMENTS)]
    releases = [load_release(env, catalog, releases_dir) for env in environments]
    outdir = outdir.resolve()
    outdir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{outdir.name}.new-", dir=outdir.parent))
    staging.chmod(0o755)
    try:
        for env, release in zip(environments, releases, strict=True):
            app = cdk8s.App(outdir=str(staging / env.name), yaml_output_type=cdk8s.YamlOutputType.FILE_PER_CHART)
            EcommercePlatform(app, env, catalog, release)
            app.synth()
            # A folder of its own: `kubectl apply -f dist/<env>` and the platform's Argo CD
            # Application (not recursive) both leave it out.
            bootstrap = cdk8s.App(outdir=str(staging / env.name / "argocd"), yaml_output_type=cdk8s.YamlOutputType.FILE_PER_CHART)
            ArgoCdBootstrap(cdk8s.Chart(bootstrap, "bootstrap", disable_resource_name_hashes=True), "argocd", env)
            bootstrap.synth()
        whole = not names or set(names) == set(ENVIRONMENTS)
        _swap_in(staging, outdir, None if whole else [env.name for env in environments])
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [outdir / env.name for env in environments]


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
