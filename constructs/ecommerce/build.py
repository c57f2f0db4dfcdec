"""One environment's manifests, built with cdk8s: the part of a synth that runs in jsii."""

from __future__ import annotations

from pathlib import Path

import cdk8s

from .argocd import synth_argocd
from .catalog import Catalog
from .environments import Environment
from .errors import ConfigError
from .platform import EcommercePlatform
from .releases import Release


def build_environment(env: Environment, catalog: Catalog, release: Release, outdir: Path) -> None:
    """Writes the environment's charts (one file each) into `outdir`, and its Argo CD bootstrap."""
    app = cdk8s.App(outdir=str(outdir), yaml_output_type=cdk8s.YamlOutputType.FILE_PER_CHART)
    try:
        EcommercePlatform(app, env, catalog, release)
    except ConfigError as error:
        raise error.within(env.name) from None
    app.synth()
    synth_argocd(env, outdir)
