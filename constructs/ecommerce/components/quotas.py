"""ResourceQuota and LimitRange of the application namespace, sized from what runs there.

Each workload reports its footprint (pods at their most, with the resources of their
containers); the quota is their sum plus headroom, so it can never block a rollout or a
scale-up the environment allows, yet stops anything beyond it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from cdk8s_plus_27 import k8s
from constructs import Construct

from ecommerce.components.meta import Part, quantity
from ecommerce.derived.labels import labels
from ecommerce.model.environments import Environment, Resources
from ecommerce.model.units import parse_quantity

# Room for a rollout of everything at once, debugging pods and the unexpected.
HEADROOM = Decimal("1.25")
MEBIBYTE = Decimal(2) ** 20


@dataclass(frozen=True)
class Footprint:
    pods: int
    containers: tuple[Resources, ...]
    # Bytes of persistent volume claims, and how many.
    storage: Decimal = Decimal(0)
    claims: int = 0

    def total(self, field: str, kind: str) -> Decimal:
        """`field` (e.g. "cpu_request") of every container, times the number of pods."""
        per_pod = sum((parse_quantity(getattr(c, field), field, kind) for c in self.containers), Decimal(0))
        return per_pod * self.pods


# ResourceQuota key -> the Resources field and the kind of quantity it sums.
SUMMED = {
    "requests.cpu": ("cpu_request", "cpu"),
    "requests.memory": ("memory_request", "memory"),
    "limits.cpu": ("cpu_limit", "cpu"),
    "limits.memory": ("memory_limit", "memory"),
}


def total(footprints: Iterable[Footprint]) -> dict[str, Decimal]:
    footprints = list(footprints)
    return {key: sum((f.total(field, kind) for f in footprints), Decimal(0)) for key, (field, kind) in SUMMED.items()}


def _cpu(cores: Decimal) -> str:
    return f"{math.ceil(cores * 1000)}m"


def _memory(amount: Decimal) -> str:
    return f"{math.ceil(amount / MEBIBYTE)}Mi" if amount else "0"


class NamespaceLimits(Part):
    def __init__(self, scope: Construct, id: str, env: Environment, footprints: tuple[Footprint, ...]) -> None:
        super().__init__(scope, id, env)
        namespace = env.namespace
        sums = total(footprints)
        hard = {
            "pods": quantity(str(math.ceil(sum(f.pods for f in footprints) * HEADROOM))),
            **{key: quantity((_cpu if key.endswith("cpu") else _memory)(amount * HEADROOM)) for key, amount in sums.items()},
            "persistentvolumeclaims": quantity(str(sum(f.claims for f in footprints))),
            "requests.storage": quantity(_memory(sum((f.storage for f in footprints), Decimal(0)))),
            # Traffic enters through Traefik only.
            "services.loadbalancers": quantity("0"),
            "services.nodeports": quantity("0"),
        }
        quota_labels = labels(env, namespace, "quota")
        k8s.KubeResourceQuota(
            self,
            "quota",
            metadata=self.meta("e-commerce", quota_labels, namespace),
            spec=k8s.ResourceQuotaSpec(hard=hard),
        )
        largest_cpu = max((c.cpu_limit for f in footprints for c in f.containers), key=lambda v: parse_quantity(v, "cpu", "cpu"))
        largest_memory = max(
            (c.memory_limit for f in footprints for c in f.containers), key=lambda v: parse_quantity(v, "memory", "memory")
        )
        defaults = env.resources
        k8s.KubeLimitRange(
            self,
            "limits",
            metadata=self.meta("e-commerce", quota_labels, namespace),
            spec=k8s.LimitRangeSpec(
                limits=[
                    k8s.LimitRangeItem(
                        type="Container",
                        # A container that forgets its resources gets a service's.
                        default_request={"cpu": quantity(defaults.cpu_request), "memory": quantity(defaults.memory_request)},
                        default={"cpu": quantity(defaults.cpu_limit), "memory": quantity(defaults.memory_limit)},
                        max={"cpu": quantity(largest_cpu), "memory": quantity(largest_memory)},
                    )
                ]
            ),
        )
