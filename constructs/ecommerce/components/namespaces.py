"""The namespaces of an environment, each enforcing the Pod Security Standards."""

from __future__ import annotations

from dataclasses import dataclass

from cdk8s_plus_27 import k8s
from constructs import Construct

from ecommerce.components.meta import Part
from ecommerce.derived.labels import labels
from ecommerce.errors import require
from ecommerce.model.environments import Environment

# Enforce the policy as of the oldest Kubernetes we support, so a cluster upgrade never
# starts rejecting pods; warn and audit against the newest so changes show up early.
PSS_VERSION = "v1.27"


@dataclass(frozen=True)
class NamespaceSpec:
    name: str
    component: str
    pod_security: str = "restricted"

    def __post_init__(self) -> None:
        require(
            self.pod_security in ("restricted", "baseline", "privileged"),
            f"namespace {self.name}",
            f"unknown Pod Security Standard {self.pod_security!r} (allowed: restricted, baseline, privileged)",
        )


def namespaces_of(env: Environment) -> tuple[NamespaceSpec, ...]:
    # The MySQL Operator's backup Job pods set no seccomp profile and their custom resource
    # cannot add one, so where it runs backups the data namespace can only enforce
    # "baseline" (still warning and auditing against "restricted"). Every pod template the
    # platform writes itself meets "restricted" everywhere.
    data_security = "baseline" if env.database.backup is not None else "restricted"
    return (
        NamespaceSpec(env.namespace, "application"),
        NamespaceSpec(env.data_namespace, "database", data_security),
        NamespaceSpec(env.messaging_namespace, "messaging"),
        NamespaceSpec(env.monitoring_namespace, "monitoring"),
    )


class Namespaces(Part):
    def __init__(self, scope: Construct, id: str, env: Environment) -> None:
        super().__init__(scope, id, env)
        for spec in namespaces_of(env):
            namespace_labels = labels(env, spec.name, spec.component)
            namespace_labels.update(
                {
                    "kubernetes.io/metadata.name": spec.name,
                    "pod-security.kubernetes.io/enforce": spec.pod_security,
                    "pod-security.kubernetes.io/enforce-version": PSS_VERSION,
                    "pod-security.kubernetes.io/audit": "restricted",
                    "pod-security.kubernetes.io/audit-version": "latest",
                    "pod-security.kubernetes.io/warn": "restricted",
                    "pod-security.kubernetes.io/warn-version": "latest",
                }
            )
            k8s.KubeNamespace(self, spec.name, metadata=self.meta(spec.name, namespace_labels))
