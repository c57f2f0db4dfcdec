"""One environment's manifests, built with cdk8s: the part of a synth that runs in jsii."""

from __future__ import annotations

from pathlib import Path

import cdk8s

from .catalog import Catalog
from .environments import Environment
from .errors import ConfigError
from .platform import EcommercePlatform
from .releases import Release
from .waves import WHOLE, Share


def build_environment(env: Environment, catalog: Catalog, release: Release, outdir: Path, share: Share = WHOLE) -> None:
    """Writes the charts of `share` (one file each) into `outdir`, and the bootstrap if it is part of it."""
    app = cdk8s.App(outdir=str(outdir), yaml_output_type=cdk8s.YamlOutputType.FILE_PER_CHART)
    try:
        EcommercePlatform(app, env, catalog, release, share.waves)
    except ConfigError as error:
        raise error.within(env.name) from None
    app.synth()
    if share.bootstrap:
        from .argocd import synth_argocd  # its generated CRD modules, only where needed

        synth_argocd(env, outdir)
