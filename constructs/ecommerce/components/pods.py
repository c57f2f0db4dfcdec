"""Small typed builders shared by every workload's pod template."""

from __future__ import annotations

from cdk8s_plus_27 import k8s

from ecommerce.components.meta import int_or_string, quantity
from ecommerce.model.environments import Resources

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


def secret_volume(name: str, secret: str, keys: list[str] | None = None) -> k8s.Volume:
    """A Secret as read-only files (group-readable: pods share the fsGroup)."""
    return k8s.Volume(
        name=name,
        secret=k8s.SecretVolumeSource(
            secret_name=secret,
            default_mode=0o440,
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


def anti_affinity(match: dict[str, str]) -> k8s.Affinity:
    """One pod per node, spread over zones where possible."""
    selector = k8s.LabelSelector(match_labels=match)
    return k8s.Affinity(
        pod_anti_affinity=k8s.PodAntiAffinity(
            required_during_scheduling_ignored_during_execution=[
                k8s.PodAffinityTerm(label_selector=selector, topology_key="kubernetes.io/hostname")
            ],
            preferred_during_scheduling_ignored_during_execution=[
                k8s.WeightedPodAffinityTerm(
                    weight=100,
                    pod_affinity_term=k8s.PodAffinityTerm(label_selector=selector, topology_key="topology.kubernetes.io/zone"),
                )
            ],
        )
    )
