"""The assembled cluster of an environment: what runs once Argo CD has synced everything.

Our manifests are a part of it only. The add-ons (rendered by helm with the values our Argo
CD Applications pass), the objects the operators create from our custom resources
(tests/platform/operators.py, and here the Prometheus operator's StatefulSets and Services),
the namespaces Argo CD creates for the add-ons and what every cluster runs before anything is
installed (kube-system's DNS, the API server behind `default/kubernetes`) complete it. Checks
of the whole platform (connectivity, admission, Argo CD, observability) read it from here:
`assemble(env_name, env_docs)`, cached per environment.
"""

from __future__ import annotations

import copy
import functools
import ipaddress
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

import yaml

from ecommerce.model.environments import ENVIRONMENTS
from tests.platform.addons import argocd_applies, rendered_addons
from tests.platform.operators import operator_objects

ROOT = Path(__file__).resolve().parents[2]
# Where the bootstrap Applications are read from; a test may point it at another synth.
DIST = Path(os.environ.get("ECOMMERCE_DIST", ROOT / "dist"))

# Kinds whose objects carry a pod template, and where the template lies in them.
POD_TEMPLATE_PATHS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "Deployment": ("spec", "template"),
        "StatefulSet": ("spec", "template"),
        "DaemonSet": ("spec", "template"),
        "ReplicaSet": ("spec", "template"),
        "ReplicationController": ("spec", "template"),
        "Job": ("spec", "template"),
        "CronJob": ("spec", "jobTemplate", "spec", "template"),
    }
)
NAME_LABEL = "kubernetes.io/metadata.name"

# Where the API server and the nodes answer when the environment's model does not say
# (environments.TargetCluster.infrastructure): the private ranges.
DEFAULT_INFRASTRUCTURE = ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16")


def infrastructure_addresses(env_name: str) -> tuple[str, ...]:
    """Representative addresses of the API server's endpoints and of the nodes, as pods see
    them once the `kubernetes` Service is resolved: the first and the last address of each
    block the environment declares. Policies can only select them by CIDR, so a policy that
    allows less than the declared blocks misses one of them."""
    cluster = ENVIRONMENTS[env_name].target_cluster
    addresses = []
    for cidr in getattr(cluster, "infrastructure", DEFAULT_INFRASTRUCTURE):
        network = ipaddress.ip_network(cidr)
        addresses += [str(network[1]), str(network[-2])] if network.num_addresses > 2 else [str(network[0])]
    return tuple(dict.fromkeys(addresses))


def api_server_port(env_name: str) -> int:
    """The port of the API server's endpoints: a managed control plane (EKS, GKE, AKS) answers
    on 443, kube-apiserver's own default secure port is 6443 (kubeadm and the like)."""
    return 443 if getattr(ENVIRONMENTS[env_name].target_cluster, "managed_control_plane", True) else 6443


@dataclass(frozen=True)
class Workload:
    """An object that makes pods (or a bare Pod), with its pod template."""

    kind: str
    name: str
    namespace: str
    # How many pods run at once: replicas, a Job's parallelism, 1 for a Pod.
    replicas: int
    template: Mapping
    origin: str
    source: Mapping = field(repr=False, compare=False)

    @property
    def key(self) -> str:
        return f"{self.namespace}/{self.kind}/{self.name}"

    @property
    def label(self) -> str:
        return f"{self.namespace}/{self.name}"

    @property
    def labels(self) -> Mapping[str, str]:
        return (self.template.get("metadata") or {}).get("labels") or {}

    @property
    def spec(self) -> Mapping:
        return self.template.get("spec") or {}

    @property
    def service_account(self) -> str:
        return self.spec.get("serviceAccountName") or self.spec.get("serviceAccount") or "default"

    def containers(self) -> list[dict]:
        return list(self.spec.get("initContainers") or []) + list(self.spec.get("containers") or [])

    def container_ports(self) -> list[dict]:
        return [port for container in self.containers() for port in container.get("ports") or []]

    def port_number(self, name_or_number: int | str) -> int | None:
        """A container port given by number or by name (as Services and monitors name them)."""
        if isinstance(name_or_number, int):
            return name_or_number
        if isinstance(name_or_number, str) and name_or_number.isdigit():
            return int(name_or_number)
        for port in self.container_ports():
            if port.get("name") == name_or_number:
                return int(port["containerPort"])
        return None


@dataclass(frozen=True)
class Cluster:
    env: str
    ours: tuple[dict, ...]
    addons: Mapping[str, tuple[dict, ...]]
    # What the operators create: operator_objects(ours), and the Prometheus operator's pods.
    runtime: tuple[dict, ...]
    # What the cluster itself runs and nobody in the assembly creates.
    cluster: tuple[dict, ...] = ()
    # Namespaces Argo CD creates for the add-ons (CreateNamespace=true).
    argocd_namespaces: tuple[dict, ...] = ()

    @property
    def objects(self) -> tuple[dict, ...]:
        return (*self.ours, *(obj for objects in self.addons.values() for obj in objects), *self.runtime, *self.cluster)

    def origins(self) -> Iterator[tuple[str, dict]]:
        """(origin, object): "ours", the add-on's name, "runtime" or "cluster"."""
        yield from (("ours", obj) for obj in self.ours)
        for name, objects in self.addons.items():
            yield from ((name, obj) for obj in objects)
        yield from (("runtime", obj) for obj in self.runtime)
        yield from (("cluster", obj) for obj in self.cluster)

    def of_kind(self, *kinds: str) -> list[dict]:
        return [obj for obj in self.objects if obj.get("kind") in kinds]

    def workloads(self) -> list[Workload]:
        """Every object with a pod template, and every bare Pod, each with its namespace."""
        found = []
        for origin, obj in self.origins():
            kind = obj.get("kind", "")
            template: Mapping | None
            if kind == "Pod":
                template = {"metadata": obj.get("metadata") or {}, "spec": obj.get("spec") or {}}
            elif kind in POD_TEMPLATE_PATHS:
                template = _dig(obj, POD_TEMPLATE_PATHS[kind])
                if template is None:
                    continue
                if kind in ("Job", "CronJob"):
                    template = _with_job_labels(template, obj["metadata"]["name"])
            else:
                continue
            found.append(Workload(kind, obj["metadata"]["name"], namespace_of(obj), _replicas(obj), template, origin, obj))
        return found

    def namespaces(self) -> dict[str, dict]:
        """Every namespace an object of the assembly lives in or a policy names, as a Namespace.

        Ours and the add-ons' Namespace objects win; then those Argo CD creates; the rest
        (kube-system, default, ...) exist in every cluster with no label but the name,
        which the API server always sets.
        """
        found: dict[str, dict] = {}
        for namespace in (*self.argocd_namespaces, *self.of_kind("Namespace")):
            name = namespace["metadata"]["name"]
            merged = found.get(name, {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name, "labels": {}}})
            labels = {**merged["metadata"].get("labels", {}), **(namespace["metadata"].get("labels") or {})}
            labels[NAME_LABEL] = name
            found[name] = {**namespace, "metadata": {**namespace["metadata"], "labels": labels}}
        for name in sorted(self._named_namespaces() - found.keys()):
            found[name] = {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name, "labels": {NAME_LABEL: name}}}
        return found

    def _named_namespaces(self) -> set[str]:
        names = {namespace_of(obj) for obj in self.objects if "namespace" in (obj.get("metadata") or {})}
        for policy in self.of_kind("NetworkPolicy"):
            spec = policy.get("spec") or {}
            for rule in (*(spec.get("ingress") or []), *(spec.get("egress") or [])):
                for peer in (*(rule.get("from") or []), *(rule.get("to") or [])):
                    selector = peer.get("namespaceSelector") or {}
                    name = (selector.get("matchLabels") or {}).get(NAME_LABEL)
                    if name:
                        names.add(name)
        return names


def namespace_of(obj: Mapping) -> str:
    return (obj.get("metadata") or {}).get("namespace") or "default"


def _dig(obj: Mapping, path: tuple[str, ...]) -> Mapping | None:
    for key in path:
        if not isinstance(obj, Mapping) or key not in obj:
            return None
        obj = obj[key]
    return obj


def _replicas(obj: Mapping) -> int:
    spec = obj.get("spec") or {}
    kind = obj.get("kind")
    if kind == "Job":
        return int(spec.get("parallelism", 1))
    if kind == "CronJob":
        return int(((spec.get("jobTemplate") or {}).get("spec") or {}).get("parallelism", 1))
    if kind == "DaemonSet":
        # One per node: at least two nodes in any cluster worth the name.
        return 2
    if kind == "Pod":
        return 1
    return int(spec.get("replicas", 1))


def argocd_namespaces(env_name: str) -> tuple[dict, ...]:
    """The namespaces Argo CD creates for the bootstrap Applications that ask it to
    (CreateNamespace=true), with their managedNamespaceMetadata (see constructs/ecommerce/components/argocd.py)."""
    folder = DIST / env_name / "argocd"
    namespaces = []
    for path in sorted(folder.glob("*.yaml")):
        for doc in yaml.safe_load_all(path.read_text()):
            if not doc or doc.get("kind") != "Application":
                continue
            spec = doc.get("spec") or {}
            policy = spec.get("syncPolicy") or {}
            name = (spec.get("destination") or {}).get("namespace")
            if not name or "CreateNamespace=true" not in (policy.get("syncOptions") or []):
                continue
            managed = policy.get("managedNamespaceMetadata") or {}
            metadata: dict = {"name": name, "labels": {**(managed.get("labels") or {}), NAME_LABEL: name}}
            if managed.get("annotations"):
                metadata["annotations"] = dict(managed["annotations"])
            namespaces.append({"apiVersion": "v1", "kind": "Namespace", "metadata": metadata})
    return tuple(namespaces)


def cluster_objects(env_name: str) -> tuple[dict, ...]:
    """What a cluster runs before anything is installed, as far as the platform relies on it."""
    dns_labels = {"k8s-app": "kube-dns"}
    dns_ports = (("dns", 53, "UDP"), ("dns-tcp", 53, "TCP"), ("metrics", 9153, "TCP"))
    # CoreDNS as kubeadm and the managed offerings deploy it, after kubernetes/kubernetes
    # (v1.33.0) cluster/addons/dns/coredns/coredns.yaml.base: pods and Service keep the
    # historical kube-dns label and name.
    coredns = {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "metadata": {"name": "coredns", "namespace": "kube-system", "labels": dict(dns_labels)},
        "spec": {
            "replicas": 2,
            "selector": {"matchLabels": dict(dns_labels)},
            "template": {
                "metadata": {"labels": dict(dns_labels)},
                "spec": {
                    "serviceAccountName": "coredns",
                    "containers": [
                        {
                            "name": "coredns",
                            "image": "registry.k8s.io/coredns/coredns:v1.12.0",
                            "ports": [
                                {"name": name, "containerPort": port, "protocol": protocol} for name, port, protocol in dns_ports
                            ],
                        }
                    ],
                },
            },
        },
    }
    kube_dns = {
        "apiVersion": "v1",
        "kind": "Service",
        "metadata": {"name": "kube-dns", "namespace": "kube-system", "labels": {**dns_labels, "kubernetes.io/name": "CoreDNS"}},
        "spec": {
            "selector": dict(dns_labels),
            "ports": [
                {"name": name, "port": port, "targetPort": port, "protocol": protocol} for name, port, protocol in dns_ports
            ],
        },
    }
    # The API server's own Service: no selector, its endpoints are the control plane's addresses.
    kubernetes = {
        "apiVersion": "v1",
        "kind": "Service",
        "metadata": {
            "name": "kubernetes",
            "namespace": "default",
            "labels": {"component": "apiserver", "provider": "kubernetes"},
        },
        "spec": {"ports": [{"name": "https", "port": 443, "protocol": "TCP"}]},
    }
    endpoints = {
        "apiVersion": "v1",
        "kind": "Endpoints",
        "metadata": {"name": "kubernetes", "namespace": "default", "labels": {"endpointslice.kubernetes.io/skip-mirror": "true"}},
        "subsets": [
            {
                "addresses": [{"ip": address} for address in infrastructure_addresses(env_name)],
                "ports": [{"name": "https", "port": api_server_port(env_name), "protocol": "TCP"}],
            }
        ],
    }
    return (coredns, kube_dns, kubernetes, endpoints)


# prometheus-operator v0.93.0 (the operator kube-prometheus-stack 88.2.0 installs), as far as
# pods, ports and Services go. It creates no object from our resources, only from the stack's
# own Prometheus and Alertmanager, so tests/platform/operators.py leaves it out.
_PROMETHEUS_OPERATOR = "prometheus-operator/prometheus-operator@v0.93.0"
# pkg/operator/config_reloader.go: the config-reloader sidecar's "reloader-web" port.
_RELOADER_PORT = {"name": "reloader-web", "containerPort": 8080, "protocol": "TCP"}


# The securityContext the operator gives every container it adds
# (pkg/prometheus/server/statefulset.go, pkg/alertmanager/statefulset.go, pkg/operator/config_reloader.go).
_CONTAINER_SECURITY = {"allowPrivilegeEscalation": False, "readOnlyRootFilesystem": True, "capabilities": {"drop": ["ALL"]}}


def _reloader_resources(objects: tuple[dict, ...]) -> dict:
    """The config reloader's resources, from the operator's --config-reloader-* flags (cmd/operator/main.go:
    10m CPU and 50Mi memory by default; "0" sets none)."""
    flags = {"cpu-request": "10m", "cpu-limit": "10m", "memory-request": "50Mi", "memory-limit": "50Mi"}
    for obj in objects:
        if obj.get("kind") != "Deployment":
            continue
        for container in (_dig(obj, ("spec", "template", "spec")) or {}).get("containers") or []:
            for arg in container.get("args") or []:
                flag, _, value = str(arg).removeprefix("--config-reloader-").partition("=")
                if str(arg).startswith("--config-reloader-") and flag in flags:
                    flags[flag] = value
    resources: dict = {}
    for flag, value in flags.items():
        if value not in ("0", ""):
            resource, _, which = flag.partition("-")
            resources.setdefault("requests" if which == "request" else "limits", {})[resource] = value
    return resources


def _operated(kind: str, obj: dict, labels: dict, ports: list[dict], service: dict, reloader: dict) -> list[dict]:
    spec = obj.get("spec") or {}
    namespace = namespace_of(obj)
    pod_labels = {**((spec.get("podMetadata") or {}).get("labels") or {}), **labels}
    annotation = {"e-commerce.test/modelled-from": f"{_PROMETHEUS_OPERATOR}:pkg/{kind}/statefulset.go"}
    reloader_image = "quay.io/prometheus-operator/prometheus-config-reloader"

    def reloader_container(name: str, ports: list[dict]) -> dict:
        return {
            "name": name,
            "image": reloader_image,
            "ports": ports,
            "resources": copy.deepcopy(reloader),
            "securityContext": copy.deepcopy(_CONTAINER_SECURITY),
        }

    main = {
        "name": kind,
        "image": spec.get("image") or kind,
        "ports": ports,
        "securityContext": copy.deepcopy(_CONTAINER_SECURITY),
    }
    if spec.get("resources"):
        main["resources"] = copy.deepcopy(spec["resources"])
    template_spec = {
        "serviceAccountName": spec.get("serviceAccountName") or "default",
        "securityContext": copy.deepcopy(spec.get("securityContext") or {}),
        "initContainers": [reloader_container("init-config-reloader", [])],
        "containers": [main, reloader_container("config-reloader", [_RELOADER_PORT])],
    }
    if spec.get("automountServiceAccountToken") is not None:
        template_spec["automountServiceAccountToken"] = spec["automountServiceAccountToken"]
    statefulset = {
        "apiVersion": "apps/v1",
        "kind": "StatefulSet",
        "metadata": {"name": f"{kind}-{obj['metadata']['name']}", "namespace": namespace, "annotations": annotation},
        "spec": {
            "replicas": int(spec.get("replicas", 1)) * int(spec.get("shards", 1) or 1),
            "serviceName": service["metadata"]["name"],
            "selector": {"matchLabels": labels},
            "template": {"metadata": {"labels": pod_labels}, "spec": template_spec},
        },
    }
    service["metadata"].update({"namespace": namespace, "annotations": annotation})
    return [statefulset, service]


def prometheus_operator_objects(env_name: str, objects: tuple[dict, ...]) -> list[dict]:
    """The StatefulSets and Services the Prometheus operator makes from the Prometheus and
    Alertmanager resources among `objects`, and the kubelet Service it keeps."""
    made: list[dict] = []
    reloader = _reloader_resources(objects)
    for obj in objects:
        kind, name = obj.get("kind"), (obj.get("metadata") or {}).get("name")
        spec = obj.get("spec") or {}
        if kind == "Prometheus":
            # pkg/prometheus/server/operator.go makeSelectorLabels, common.go MakeContainerPorts.
            labels = {
                "app.kubernetes.io/managed-by": "prometheus-operator",
                "app.kubernetes.io/name": "prometheus",
                "app.kubernetes.io/instance": name,
                "operator.prometheus.io/name": name,
                "prometheus": name,
                "operator.prometheus.io/shard": "0",
            }
            web = spec.get("portName") or "web"
            ports = [] if spec.get("listenLocal") else [{"name": web, "containerPort": 9090, "protocol": "TCP"}]
            service = {
                "apiVersion": "v1",
                "kind": "Service",
                "metadata": {"name": "prometheus-operated", "labels": {"operated-prometheus": "true"}},
                "spec": {
                    "clusterIP": "None",
                    "selector": {"app.kubernetes.io/name": "prometheus"},
                    "ports": [{"name": web, "port": 9090, "targetPort": web, "protocol": "TCP"}],
                },
            }
            made += _operated("prometheus", obj, labels, ports, service, reloader)
        elif kind == "Alertmanager":
            # pkg/alertmanager/operator.go makeSelectorLabels, statefulset.go makeStatefulSetSpec
            # and makeStatefulSetService: web 9093, cluster gossip 9094 over TCP and UDP.
            labels = {
                "app.kubernetes.io/name": "alertmanager",
                "app.kubernetes.io/managed-by": "prometheus-operator",
                "app.kubernetes.io/instance": name,
                "alertmanager": name,
            }
            web = spec.get("portName") or "web"
            ports = [
                {"name": "mesh-tcp", "containerPort": 9094, "protocol": "TCP"},
                {"name": "mesh-udp", "containerPort": 9094, "protocol": "UDP"},
            ]
            if not spec.get("listenLocal"):
                ports.insert(0, {"name": web, "containerPort": 9093, "protocol": "TCP"})
            service = {
                "apiVersion": "v1",
                "kind": "Service",
                "metadata": {"name": "alertmanager-operated", "labels": {"operated-alertmanager": "true"}},
                "spec": {
                    "clusterIP": "None",
                    "selector": {"app.kubernetes.io/name": "alertmanager"},
                    "ports": [
                        {"name": web, "port": 9093, "targetPort": web, "protocol": "TCP"},
                        {"name": "tcp-mesh", "port": 9094, "targetPort": "mesh-tcp", "protocol": "TCP"},
                        {"name": "udp-mesh", "port": 9094, "targetPort": "mesh-udp", "protocol": "UDP"},
                    ],
                },
            }
            made += _operated("alertmanager", obj, labels, ports, service, reloader)
        elif kind == "Deployment":
            made += _kubelet_service(obj, infrastructure_addresses(env_name))
    return made


def _kubelet_service(deployment: dict, nodes: tuple[str, ...]) -> list[dict]:
    """pkg/kubelet/controller.go: with --kubelet-service=<namespace>/<name> the operator keeps
    a selector-less Service whose endpoints are the nodes' addresses."""
    containers = ((deployment.get("spec") or {}).get("template") or {}).get("spec", {}).get("containers") or []
    for arg in (a for c in containers for a in c.get("args") or []):
        if not str(arg).startswith("--kubelet-service="):
            continue
        namespace, _, name = str(arg).split("=", 1)[1].partition("/")
        labels = {
            "app.kubernetes.io/managed-by": "prometheus-operator",
            "app.kubernetes.io/name": "kubelet",
            "k8s-app": "kubelet",
        }
        ports = [("https-metrics", 10250), ("http-metrics", 10255), ("cadvisor", 4194)]
        annotation = {"e-commerce.test/modelled-from": f"{_PROMETHEUS_OPERATOR}:pkg/kubelet/controller.go"}
        metadata = {"name": name, "namespace": namespace, "labels": labels, "annotations": annotation}
        service = {
            "apiVersion": "v1",
            "kind": "Service",
            "metadata": metadata,
            "spec": {"clusterIP": "None", "ports": [{"name": n, "port": p, "protocol": "TCP"} for n, p in ports]},
        }
        endpoints = {
            "apiVersion": "v1",
            "kind": "Endpoints",
            "metadata": dict(metadata),
            "subsets": [
                {
                    "addresses": [{"ip": node} for node in nodes],
                    "ports": [{"name": n, "port": p, "protocol": "TCP"} for n, p in ports],
                }
            ],
        }
        return [service, endpoints]
    return []


@functools.cache
def _assemble(env_name: str, ours: tuple[dict, ...]) -> Cluster:
    addons = rendered_addons(env_name)
    return Cluster(
        env=env_name,
        ours=ours,
        addons=MappingProxyType({name: tuple(objects) for name, objects in addons.items()}),
        runtime=(
            *operator_objects(list(ours)),
            *prometheus_operator_objects(env_name, tuple(o for objs in addons.values() for o in objs)),
        ),
        cluster=cluster_objects(env_name),
        argocd_namespaces=argocd_namespaces(env_name),
    )


class _Documents(tuple):
    """The environment's documents, hashed by identity: the session fixtures hand the same
    list to every check, and hashing the dicts themselves is neither possible nor cheap."""

    __slots__ = ()

    def __hash__(self) -> int:
        return hash(tuple(id(doc) for doc in self))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, tuple) and len(self) == len(other) and all(a is b for a, b in zip(self, other, strict=True))


def assemble(env_name: str, env_docs: list[dict]) -> Cluster:
    """The assembled cluster of `env_name` from its synthesised documents (cached per
    environment and document list)."""
    return _assemble(env_name, _Documents(env_docs))


def _with_job_labels(template: Mapping, name: str) -> dict:
    """The template as the Job's pods get it: the API server labels every Job's pod template with
    the Job's name (kubernetes pkg/registry/batch/job/strategy.go, generateSelector; the
    batch.kubernetes.io/ keys since 1.27). A CronJob's Jobs are named after it plus a time."""
    metadata = dict(template.get("metadata") or {})
    metadata["labels"] = {**(metadata.get("labels") or {}), "batch.kubernetes.io/job-name": name, "job-name": name}
    return {**template, "metadata": metadata}


def applied(cluster: Cluster) -> list[dict]:
    """What exists once Argo CD has synced the assembly: not the Helm hooks it never runs."""
    return [obj for obj in cluster.objects if argocd_applies(obj)]
