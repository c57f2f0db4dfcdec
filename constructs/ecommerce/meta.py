"""Names, labels and annotations shared by every object the platform synthesises."""

from __future__ import annotations

import functools
from collections.abc import Mapping

import cdk8s
from cdk8s_plus_27 import k8s
from constructs import Construct

from .environments import Environment

PART_OF = "e-commerce"
MANAGED_BY = "cdk8s"
SYNC_WAVE = "argocd.argoproj.io/sync-wave"
# Custom resources whose CRD an earlier wave installs: Argo CD must not dry-run them first.
SKIP_DRY_RUN = {"argocd.argoproj.io/sync-options": "SkipDryRunOnMissingResource=true"}


def labels(env: Environment, name: str, component: str, version: str | None = None) -> dict[str, str]:
    """The recommended app.kubernetes.io labels plus the environment, for objects and pods alike."""
    result = {
        "app.kubernetes.io/name": name,
        "app.kubernetes.io/instance": instance(env),
        "app.kubernetes.io/component": component,
        "app.kubernetes.io/part-of": PART_OF,
        "app.kubernetes.io/managed-by": MANAGED_BY,
        "environment": env.name,
    }
    if version:
        result["app.kubernetes.io/version"] = version
    return result


def selector(env: Environment, name: str) -> dict[str, str]:
    """The stable subset of labels that selects one workload's pods."""
    return {"app.kubernetes.io/name": name, "app.kubernetes.io/instance": instance(env)}


def instance(env: Environment) -> str:
    """One installation of the platform: the same value on everything of an environment."""
    return f"{PART_OF}-{env.name}"


class Part(Construct):
    """A construct that knows its environment and the Argo CD sync wave of its chart.

    Both are read from the scope once, in Python, so stamping them on every object costs
    no round trip to the jsii runtime.
    """

    def __init__(self, scope: Construct, id: str, env: Environment) -> None:
        super().__init__(scope, id)
        self.env = env
        self.wave: int | None = getattr(scope, "wave", None)

    def meta(
        self,
        name: str,
        labels: Mapping[str, str],
        namespace: str | None = None,
        annotations: Mapping[str, str] | None = None,
    ) -> k8s.ObjectMeta:
        """Metadata of a core object."""
        return k8s.ObjectMeta(
            name=name,
            namespace=namespace,
            labels=dict(labels),
            annotations=self._annotations(annotations) or None,
        )

    def cr_meta(
        self,
        name: str,
        labels: Mapping[str, str],
        namespace: str | None = None,
        annotations: Mapping[str, str] | None = None,
    ) -> cdk8s.ApiObjectMetadata:
        """Metadata of a custom resource, whose CRD an operator installed in an earlier wave."""
        merged = self._annotations(annotations)
        merged.update(SKIP_DRY_RUN)
        return cdk8s.ApiObjectMetadata(name=name, namespace=namespace, labels=dict(labels), annotations=merged)

    def _annotations(self, annotations: Mapping[str, str] | None) -> dict[str, str]:
        merged = {SYNC_WAVE: str(self.wave)} if self.wave is not None else {}
        # An object may name its own wave (the Argo CD bootstrap orders its objects itself).
        merged.update(annotations or {})
        return merged


@functools.cache
def quantity(value: str) -> k8s.Quantity:
    """A k8s.Quantity, created once per distinct value (each creation is a jsii round trip)."""
    return k8s.Quantity.from_string(value)


@functools.cache
def int_or_string(value: int | str) -> k8s.IntOrString:
    if isinstance(value, int):
        return k8s.IntOrString.from_number(value)
    return k8s.IntOrString.from_string(value)
