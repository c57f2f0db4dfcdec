"""One environment's manifests, built with cdk8s: the part of a synth that runs in jsii."""

from __future__ import annotations

from pathlib import Path

import cdk8s

from .argocd import ArgoCdBootstrap
from .catalog import Catalog
from .environments import Environment
from .errors import ConfigError
from .platform import EcommercePlatform
from .releases import Release


def build_environment(env: Environment, catalog: Catalog, release: Release, outdir: Path) -> None:
    app = cdk8s.App(outdir=str(outdir), yaml_output_type=cdk8s.YamlOutputType.FILE_PER_CHART)
    try:
        EcommercePlatform(app, env, catalog, release)
    except ConfigError as error:
        raise error.within(env.name) from None
    app.synth()
    # A folder of its own: `kubectl apply -f dist/<env>` and the platform's Argo CD
    # Application (not recursive) both leave it out.
    bootstrap = cdk8s.App(outdir=str(outdir / "argocd"), yaml_output_type=cdk8s.YamlOutputType.FILE_PER_CHART)
    ArgoCdBootstrap(cdk8s.Chart(bootstrap, "bootstrap", disable_resource_name_hashes=True), "argocd", env)
    bootstrap.synth()
