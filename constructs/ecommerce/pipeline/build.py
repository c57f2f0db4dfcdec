"""One environment's manifests, built with cdk8s: the part of a synth that runs in jsii."""

from __future__ import annotations

from pathlib import Path

import cdk8s

from ecommerce.components.argocd import synth_argocd
from ecommerce.errors import ConfigError
from ecommerce.model.catalog import Catalog
from ecommerce.model.environments import Environment
from ecommerce.model.releases import Release
from ecommerce.pipeline.platform import EcommercePlatform


def build_environment(env: Environment, catalog: Catalog, release: Release, outdir: Path) -> None:
    """Writes the environment's charts (one file each) into `outdir`, and its Argo CD bootstrap."""
    app = cdk8s.App(outdir=str(outdir), yaml_output_type=cdk8s.YamlOutputType.FILE_PER_CHART)
    try:
        EcommercePlatform(app, env, catalog, release)
    except ConfigError as error:
        raise error.within(env.name) from None
    app.synth()
    synth_argocd(env, outdir)
