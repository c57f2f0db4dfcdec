"""The base of every construct, and the jsii values it creates once per distinct value."""

from __future__ import annotations

import functools
from collections.abc import Mapping

import cdk8s
from cdk8s_plus_27 import k8s
from constructs import Construct

from ecommerce.derived.labels import SKIP_DRY_RUN, SYNC_WAVE
from ecommerce.model.environments import Environment


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

    def service_account(self, name: str, labels: Mapping[str, str], namespace: str) -> k8s.KubeServiceAccount:
        """The identity a workload runs as: its own, with no API token mounted unless its pods ask."""
        return k8s.KubeServiceAccount(
            self,
            f"service-account-{name}",
            metadata=self.meta(name, labels, namespace),
            automount_service_account_token=False,
        )

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
