"""Small typed builders shared by every workload's pod template."""

from __future__ import annotations

import builtins
import re
import sys
import typing
from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

import jsii
from cdk8s_plus_27 import k8s

from ecommerce.components.meta import int_or_string, quantity
from ecommerce.model.environments import Resources

T = TypeVar("T")

# Small helpers beside a main container: exporters, Sentinel, one-shot jobs.
SIDECAR = Resources(cpu_request="25m", memory_request="32Mi", cpu_limit="100m", memory_limit="64Mi")
JOB = Resources(cpu_request="50m", memory_request="64Mi", cpu_limit="200m", memory_limit="128Mi")


def resources(sizes: Resources) -> k8s.ResourceRequirements:
    return k8s.ResourceRequirements(
        requests={"cpu": quantity(sizes.cpu_request), "memory": quantity(sizes.memory_request)},
        limits={"cpu": quantity(sizes.cpu_limit), "memory": quantity(sizes.memory_limit)},
    )


def empty_dir(name: str, size: str, in_memory: bool = False) -> k8s.Volume:
    return k8s.Volume(
        name=name,
        empty_dir=k8s.EmptyDirVolumeSource(medium="Memory" if in_memory else None, size_limit=quantity(size)),
    )


def secret_volume(name: str, secret: str, keys: list[str] | None = None, mode: int = 0o440) -> k8s.Volume:
    """A Secret as read-only files (by default group-readable: pods share the fsGroup)."""
    return k8s.Volume(
        name=name,
        secret=k8s.SecretVolumeSource(
            secret_name=secret,
            default_mode=mode,
            items=[k8s.KeyToPath(key=key, path=key) for key in keys] if keys else None,
        ),
    )


def config_map_volume(name: str, config_map: str, executable: bool = False) -> k8s.Volume:
    return k8s.Volume(
        name=name,
        config_map=k8s.ConfigMapVolumeSource(name=config_map, default_mode=0o555 if executable else None),
    )


# Labels that change with each release. A StatefulSet's volumeClaimTemplates cannot change
# once created, so carrying one there would make the first image bump a rejected update.
RELEASE_LABELS = ("app.kubernetes.io/version",)


def claim_template(name: str, size: str, labels: dict[str, str]) -> k8s.KubePersistentVolumeClaimProps:
    stable = {key: value for key, value in labels.items() if key not in RELEASE_LABELS}
    return k8s.KubePersistentVolumeClaimProps(
        metadata=k8s.ObjectMeta(name=name, labels=stable),
        spec=k8s.PersistentVolumeClaimSpec(
            access_modes=["ReadWriteOnce"],
            resources=k8s.ResourceRequirements(requests={"storage": quantity(size)}),
        ),
    )


def tcp_probe(port: str, period: int, timeout: int = 3, failures: int = 3) -> k8s.Probe:
    return k8s.Probe(
        tcp_socket=k8s.TcpSocketAction(port=int_or_string(port)),
        period_seconds=period,
        timeout_seconds=timeout,
        failure_threshold=failures,
    )


def http_probe(path: str, port: str, period: int, failures: int = 3, timeout: int = 2) -> k8s.Probe:
    return k8s.Probe(
        http_get=k8s.HttpGetAction(path=path, port=int_or_string(port)),
        period_seconds=period,
        timeout_seconds=timeout,
        failure_threshold=failures,
    )


def exec_probe(command: list[str], period: int, failures: int = 3, timeout: int = 5) -> k8s.Probe:
    return k8s.Probe(
        exec=k8s.ExecAction(command=command),
        period_seconds=period,
        timeout_seconds=timeout,
        failure_threshold=failures,
    )


def anti_affinity(match: dict[str, str]) -> dict:
    """One pod per node, spread over zones where possible; as Kubernetes writes it, for the
    operators' untyped pod specs, and through `typed` for the typed ones."""
    selector = {"matchLabels": match}
    return {
        "podAntiAffinity": {
            "requiredDuringSchedulingIgnoredDuringExecution": [
                {"labelSelector": selector, "topologyKey": "kubernetes.io/hostname"}
            ],
            "preferredDuringSchedulingIgnoredDuringExecution": [
                {"weight": 100, "podAffinityTerm": {"labelSelector": selector, "topologyKey": "topology.kubernetes.io/zone"}}
            ],
        }
    }


def typed(struct: type[T], value: Mapping[str, Any]) -> T:
    """The jsii struct `struct` (a Kubernetes type of cdk8s-plus, or of an imported CRD) built from
    the same value as Kubernetes writes it (camelCase JSON), so that one plain definition serves
    typed objects and the operators' untyped pod specs alike."""
    # jsii's generated modules drop `typing` and `builtins` from their namespace once loaded
    # (publication.publish()), while their annotations still name them.
    namespace = {**vars(sys.modules[struct.__module__]), "typing": typing, "builtins": builtins, "jsii": jsii}
    hints = typing.get_type_hints(struct.__init__, namespace)
    arguments = {}
    for key, item in value.items():
        name = re.sub(r"(?<!^)(?=[A-Z])", "_", key).lower()
        arguments[name] = _typed_value(hints[name], item)
    return struct(**arguments)


def _typed_value(hint: Any, value: Any) -> Any:
    structs = [arg for arg in _flatten(hint) if isinstance(arg, type) and hasattr(arg, "__jsii_type__")]
    if isinstance(value, Mapping) and structs:
        return typed(structs[0], value)
    if isinstance(value, list):
        (element,) = [typing.get_args(arg)[0] for arg in _flatten(hint) if typing.get_origin(arg) in (list, Sequence)]
        return [_typed_value(element, item) for item in value]
    return value


def _flatten(hint: Any) -> list[Any]:
    """The types a hint allows: the members of a Union (Optional included), else the hint itself."""
    if typing.get_origin(hint) is typing.Union:
        return [member for arg in typing.get_args(hint) for member in _flatten(arg)]
    return [hint]
