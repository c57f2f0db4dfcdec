"""The charts of an environment, in Argo CD sync-wave order, and the shares a build divides them into.

Plain data: the parent process of a parallel synth reads it without starting jsii.
"""

from __future__ import annotations

from dataclasses import dataclass

# Each chart is one Argo CD sync wave and one file named after it ("20-data.k8s.yaml"), so
# `kubectl apply -f dist/<env>` (files in name order) and Argo CD create things in the same
# order: namespaces and policies, then secrets, data stores, services, edge, monitoring.
WAVES = ("foundation", "secrets", "data", "services", "edge", "monitoring")


@dataclass(frozen=True)
class Share:
    """Charts of one environment that a process can build on its own."""

    waves: tuple[str, ...]
    # The Argo CD bootstrap (dist/<env>/argocd/), an app of its own.
    bootstrap: bool


WHOLE = Share(WAVES, bootstrap=True)
# No chart refers to another chart's objects, so an environment splits into shares that
# worker processes build side by side. These two cost about the same (each about half of
# the objects and of the generated CRD modules to load), and every worker that builds the
# same share of several environments loads those modules once.
HALVES = (Share(WAVES[:3], bootstrap=False), Share(WAVES[3:], bootstrap=True))
