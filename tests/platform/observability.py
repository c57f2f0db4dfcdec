"""Whether what the rules and monitors expect is what the assembled platform serves.

- Every ServiceMonitor selects a Service (its namespaceSelector and selector) with the
  endpoint's port (by name, or targetPort), and some pod behind that Service serves it; every
  PodMonitor selects pods with the named port. A target nothing serves (a managed control
  plane's scheduler, etcd, kube-proxy) fails here.
- Every metric of every alerting and recording rule (ours and the add-ons') is served by an
  exporter that a monitor scrapes, in the version and with the flags it runs with: EXPORTERS
  below says which release serves which metric under which flag, each with its evidence.

Each check is a pure function over lists of objects.
"""

from __future__ import annotations

import configparser
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ecommerce.components.monitoring.metrics import ALL_SERVICES, SERVICE_METRICS
from tests.promql import metric_names

# Series Prometheus writes itself, whatever it scrapes.
PROMETHEUS_SERIES = frozenset({"up", "scrape_duration_seconds", "scrape_samples_scraped", "ALERTS", "ALERTS_FOR_STATE"})


def labels_match(selector: Mapping | None, labels: Mapping[str, str]) -> bool:
    """A LabelSelector (matchLabels and matchExpressions) against labels; None selects nothing."""
    if selector is None:
        return False
    if any(labels.get(k) != v for k, v in (selector.get("matchLabels") or {}).items()):
        return False
    for expression in selector.get("matchExpressions") or []:
        key, operator, values = expression["key"], expression["operator"], expression.get("values") or []
        ok = {
            "In": key in labels and labels[key] in values,
            "NotIn": key not in labels or labels[key] not in values,
            "Exists": key in labels,
            "DoesNotExist": key not in labels,
        }[operator]
        if not ok:
            return False
    return True


def _labels(obj: Mapping) -> Mapping[str, str]:
    return (obj.get("metadata") or {}).get("labels") or {}


def _namespace(obj: Mapping) -> str:
    return (obj.get("metadata") or {}).get("namespace") or "default"


def _in_namespaces(monitor: dict, namespace: str, namespaces: Mapping[str, dict]) -> bool:
    selector = monitor["spec"].get("namespaceSelector") or {}
    if selector.get("any"):
        return True
    if "matchNames" in selector:
        return namespace in selector["matchNames"]
    if selector.get("matchLabels") or selector.get("matchExpressions"):
        return labels_match(selector, _labels(namespaces.get(namespace, {})))
    return namespace == _namespace(monitor)


@dataclass(frozen=True)
class Pod:
    """A pod that some workload runs: its labels and containers."""

    owner: str
    namespace: str
    labels: Mapping[str, str]
    spec: Mapping

    def containers(self) -> list[dict]:
        return list(self.spec.get("containers") or [])

    def container_with_port(self, port: int | str) -> dict | None:
        for container in self.containers():
            for declared in container.get("ports") or []:
                if port in (declared.get("name"), declared.get("containerPort"), str(declared.get("containerPort"))):
                    return container
        return None


def pods(objects: Iterable[dict]) -> list[Pod]:
    found = []
    for obj in objects:
        kind, spec = obj.get("kind"), obj.get("spec") or {}
        if kind == "Pod":
            template = {"metadata": obj["metadata"], "spec": spec}
        elif kind in ("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"):
            template = spec.get("template") or {}
        elif kind == "CronJob":
            template = spec["jobTemplate"]["spec"]["template"]
        else:
            continue
        found.append(Pod(f"{kind}/{obj['metadata']['name']}", _namespace(obj), _labels(template), template.get("spec") or {}))
    return found


@dataclass(frozen=True)
class Target:
    """What one monitor endpoint scrapes: the container serving it (None for an endpoint of a
    selector-less Service, such as the API server's or the kubelet's), and the Service."""

    monitor: str
    endpoint: Mapping
    service: dict | None
    pod: Pod | None
    container: dict | None

    @property
    def path(self) -> str:
        return self.endpoint.get("path") or "/metrics"

    @property
    def params(self) -> Mapping[str, list[str]]:
        return self.endpoint.get("params") or {}


def _endpoint_addresses(objects: list[dict], service: dict) -> list[dict]:
    """Ports of the Endpoints of a selector-less Service (kept by its owner, not by Kubernetes)."""
    for obj in objects:
        if (
            obj.get("kind") == "Endpoints"
            and _namespace(obj) == _namespace(service)
            and obj["metadata"]["name"] == service["metadata"]["name"]
        ):
            return [port for subset in obj.get("subsets") or [] if subset.get("addresses") for port in subset.get("ports") or []]
    return []


def service_monitor_targets(monitor: dict, objects: list[dict], namespaces: Mapping[str, dict]) -> tuple[list[Target], list[str]]:
    """The targets of each endpoint of a ServiceMonitor, and one line per endpoint that has none."""
    name = f"{_namespace(monitor)}/ServiceMonitor/{monitor['metadata']['name']}"
    services = [
        s
        for s in objects
        if s.get("kind") == "Service"
        and _in_namespaces(monitor, _namespace(s), namespaces)
        and labels_match(monitor["spec"].get("selector"), _labels(s))
    ]
    all_pods = pods(objects)
    targets, failures = [], []
    if not services:
        return [], [
            f"{name}: selects no Service (selector {monitor['spec'].get('selector')}, namespaceSelector "
            f"{monitor['spec'].get('namespaceSelector', 'its own namespace')})"
        ]
    for endpoint in monitor["spec"].get("endpoints") or []:
        found = []
        wanted = endpoint.get("port") or endpoint.get("targetPort")
        for service in services:
            for port in service["spec"].get("ports") or []:
                if endpoint.get("port") is not None and port.get("name") != endpoint["port"]:
                    continue
                if endpoint.get("targetPort") is not None and endpoint["targetPort"] not in (
                    port.get("targetPort", port.get("port")),
                ):
                    continue
                selector = service["spec"].get("selector")
                if not selector:
                    if _endpoint_addresses(objects, service):
                        found.append(Target(name, endpoint, service, None, None))
                    continue
                target_port = port.get("targetPort", port.get("port"))
                for pod in all_pods:
                    if pod.namespace == _namespace(service) and all(pod.labels.get(k) == v for k, v in selector.items()):
                        container = pod.container_with_port(target_port)
                        if container is not None:
                            found.append(Target(name, endpoint, service, pod, container))
        if not found:
            failures.append(
                f"{name}: endpoint port {wanted!r} path {endpoint.get('path', '/metrics')}: no selected Service "
                f"({', '.join(_namespace(s) + '/' + s['metadata']['name'] for s in services)}) has it with a pod serving it"
            )
        targets += found
    return targets, failures


def pod_monitor_targets(monitor: dict, objects: list[dict], namespaces: Mapping[str, dict]) -> tuple[list[Target], list[str]]:
    name = f"{_namespace(monitor)}/PodMonitor/{monitor['metadata']['name']}"
    selected = [
        p
        for p in pods(objects)
        if _in_namespaces(monitor, p.namespace, namespaces) and labels_match(monitor["spec"].get("selector"), p.labels)
    ]
    targets, failures = [], []
    for endpoint in monitor["spec"].get("podMetricsEndpoints") or []:
        wanted = endpoint.get("port") or endpoint.get("portNumber") or endpoint.get("targetPort")
        found = [
            Target(name, endpoint, None, p, p.container_with_port(wanted)) for p in selected if p.container_with_port(wanted)
        ]
        if not found:
            failures.append(f"{name}: port {wanted!r}: no selected pod ({len(selected)} selected) has that container port")
        targets += found
    return targets, failures


def monitor_failures(objects: Iterable[dict], namespaces: Mapping[str, dict]) -> list[str]:
    """One line per ServiceMonitor or PodMonitor endpoint that scrapes nothing."""
    objects = list(objects)
    failures = []
    for monitor in objects:
        if monitor.get("kind") == "ServiceMonitor":
            failures += service_monitor_targets(monitor, objects, namespaces)[1]
        elif monitor.get("kind") == "PodMonitor":
            failures += pod_monitor_targets(monitor, objects, namespaces)[1]
    return failures


# --- what each exporter serves ---------------------------------------------------------------


@dataclass(frozen=True)
class Family:
    """Metrics an exporter serves on a path, when its flags (or the scrape's parameters) ask for them."""

    names: frozenset[str] = frozenset()
    # Names by prefix, for a component's own instrumentation (every `prometheus_` series of Prometheus).
    prefixes: tuple[str, ...] = ()
    # A boolean command-line flag (kingpin: --flag / --no-flag) that turns the family on, and its default.
    flag: str | None = None
    default: bool = True
    # A list flag (--resources=a,b) that must hold `item`, and the list when the flag is absent.
    list_flag: tuple[str, str] | None = None
    list_default: tuple[str, ...] = ()
    # The paths that serve it (None: every path of the exporter).
    paths: tuple[str, ...] | None = None
    # A scrape parameter the family must be asked for with (rabbitmq_prometheus' family=).
    param: tuple[str, str] | None = None
    # Only served when the exporter can reach what it exports (a database it connects to).
    connected: bool = False

    def serves(self, metric: str) -> bool:
        return metric in self.names or any(metric.startswith(prefix) for prefix in self.prefixes)

    def enabled(self, args: list[str], path: str, params: Mapping[str, list[str]]) -> str | None:
        """None when on, else why not."""
        if self.paths is not None and path not in self.paths:
            return f"served on {' or '.join(self.paths)}, scraped on {path}"
        if self.param is not None and self.param[1] not in params.get(self.param[0], []):
            return f"served only when the scrape asks {self.param[0]}={self.param[1]}"
        if self.flag is not None:
            value = self.default
            for arg in args:
                if arg in (f"--{self.flag}", f"--{self.flag}=true"):
                    value = True
                elif arg in (f"--no-{self.flag}", f"--{self.flag}=false"):
                    value = False
            if not value:
                return f"needs --{self.flag}, off by default and not set"
        if self.list_flag is not None:
            option, item = self.list_flag
            chosen = list(self.list_default)
            for arg in args:
                if arg.startswith(f"--{option}="):
                    chosen = arg.split("=", 1)[1].split(",")
            if item not in chosen:
                return f"needs {item} in --{option} (set to {','.join(chosen)})"
        return None


@dataclass(frozen=True)
class Exporter:
    name: str
    # The image (repository, without registry or tag) it runs as, as a regex.
    image: str
    # The release the families were read at; another deployed tag fails until re-read.
    version: str | None
    evidence: str
    families: tuple[Family, ...]
    # For selector-less Services (the kubelet's, the API server's): their labels.
    service_labels: Mapping[str, str] = field(default_factory=dict)

    def matches(self, target: Target) -> bool:
        if target.container is not None:
            return re.fullmatch(self.image, image_name(target.container.get("image", ""))) is not None
        return (
            bool(self.service_labels)
            and target.service is not None
            and all(_labels(target.service).get(k) == v for k, v in self.service_labels.items())
        )


def image_name(image: str) -> str:
    """`registry/path/name:tag@digest` -> `path/name`, Docker Hub's library/ and registry dropped."""
    image = image.split("@", 1)[0]
    image = image.rsplit(":", 1)[0] if ":" in image.rsplit("/", 1)[-1] else image
    parts = image.split("/")
    if len(parts) > 1 and ("." in parts[0] or ":" in parts[0] or parts[0] == "localhost"):
        parts = parts[1:]
    if parts[0] == "library":
        parts = parts[1:]
    return "/".join(parts)


def image_tag(image: str) -> str | None:
    image = image.split("@", 1)[0]
    last = image.rsplit("/", 1)[-1]
    return last.split(":", 1)[1] if ":" in last else None


MYSQLD = "prometheus/mysqld_exporter@v0.19.0"
# kube-state-metrics' resources when --resources is not given (internal/store/builder.go DefaultResources).
KSM_DEFAULT_RESOURCES = (
    "certificatesigningrequests",
    "configmaps",
    "cronjobs",
    "daemonsets",
    "deployments",
    "endpointslices",
    "horizontalpodautoscalers",
    "ingresses",
    "jobs",
    "leases",
    "limitranges",
    "mutatingwebhookconfigurations",
    "namespaces",
    "networkpolicies",
    "nodes",
    "persistentvolumeclaims",
    "persistentvolumes",
    "poddisruptionbudgets",
    "pods",
    "replicasets",
    "replicationcontrollers",
    "resourcequotas",
    "secrets",
    "services",
    "statefulsets",
    "storageclasses",
    "validatingwebhookconfigurations",
    "volumeattachments",
)
# kube-state-metrics names each resource's metrics kube_<singular>_ (docs/metrics/*/<resource>-metrics.md).
KSM_PREFIXES = {
    "certificatesigningrequests": "kube_certificatesigningrequest_",
    "configmaps": "kube_configmap_",
    "cronjobs": "kube_cronjob_",
    "daemonsets": "kube_daemonset_",
    "deployments": "kube_deployment_",
    "endpointslices": "kube_endpointslice_",
    "horizontalpodautoscalers": "kube_horizontalpodautoscaler_",
    "ingresses": "kube_ingress_",
    "jobs": "kube_job_",
    "leases": "kube_lease_",
    "limitranges": "kube_limitrange",
    "mutatingwebhookconfigurations": "kube_mutatingwebhookconfiguration_",
    "namespaces": "kube_namespace_",
    "networkpolicies": "kube_networkpolicy_",
    "nodes": "kube_node_",
    "persistentvolumeclaims": "kube_persistentvolumeclaim_",
    "persistentvolumes": "kube_persistentvolume_",
    "poddisruptionbudgets": "kube_poddisruptionbudget_",
    "pods": "kube_pod_",
    "replicasets": "kube_replicaset_",
    "replicationcontrollers": "kube_replicationcontroller_",
    "resourcequotas": "kube_resourcequota",
    "secrets": "kube_secret_",
    "services": "kube_service_",
    "statefulsets": "kube_statefulset_",
    "storageclasses": "kube_storageclass_",
    "validatingwebhookconfigurations": "kube_validatingwebhookconfiguration_",
    "volumeattachments": "kube_volumeattachment_",
}
GO_RUNTIME = ("go_", "process_", "promhttp_")


def _service_families() -> dict[str, Family]:
    """The PHP services' metrics, from the project's catalog (ecommerce.components.monitoring.metrics)."""
    every = frozenset(n for m in SERVICE_METRICS if m.source == ALL_SERVICES for n in m.series_names)
    own: dict[str, set[str]] = {}
    for metric in SERVICE_METRICS:
        if metric.source != ALL_SERVICES:
            own.setdefault(metric.source, set()).update(metric.series_names)
    return {service: Family(names=every | frozenset(names)) for service, names in own.items()} | {"": Family(names=every)}


SERVICE_FAMILIES = _service_families()

EXPORTERS = (
    Exporter(
        "mysqld_exporter",
        r"prom/mysqld-exporter",
        "v0.19.0",
        f"{MYSQLD}: mysqld_exporter.go (scrapers: collector -> default), collector/*.go (names)",
        (
            # collector/exporter.go: always, 0 when it cannot connect.
            Family(
                names=frozenset({"mysql_up", "mysql_exporter_last_scrape_error", "mysql_exporter_scrapes_total"}),
                prefixes=GO_RUNTIME,
            ),
            # collector/global_status.go: every SHOW GLOBAL STATUS variable, lower-cased.
            Family(prefixes=("mysql_global_status_",), flag="collect.global_status", connected=True),
            # collector/global_variables.go: every SHOW GLOBAL VARIABLES variable, lower-cased.
            Family(prefixes=("mysql_global_variables_", "mysql_version_info"), flag="collect.global_variables", connected=True),
            Family(prefixes=("mysql_slave_status_",), flag="collect.slave_status", connected=True),
            # collector/perf_schema_replication_group_member_stats.go: off by default.
            Family(
                names=frozenset(
                    {
                        "mysql_perf_schema_transactions_in_queue",
                        "mysql_perf_schema_transactions_checked_total",
                        "mysql_perf_schema_conflicts_detected_total",
                        "mysql_perf_schema_transactions_rows_validating_total",
                        "mysql_perf_schema_transactions_remote_in_applier_queue",
                        "mysql_perf_schema_transactions_remote_applied_total",
                        "mysql_perf_schema_transactions_local_proposed_total",
                        "mysql_perf_schema_transactions_local_rollback_total",
                    }
                ),
                flag="collect.perf_schema.replication_group_member_stats",
                default=False,
                connected=True,
            ),
            Family(
                prefixes=("mysql_info_schema_processlist_",),
                flag="collect.info_schema.processlist",
                default=False,
                connected=True,
            ),
        ),
    ),
    Exporter(
        "redis_exporter",
        r"oliver006/redis_exporter",
        "v1.66.0",
        "oliver006/redis_exporter@v1.66.0: exporter/exporter.go (metricMapGauges, metricMapCounters, redis_up)",
        (
            Family(
                names=frozenset(
                    {
                        "redis_up",
                        "redis_memory_used_bytes",
                        "redis_memory_max_bytes",
                        "redis_evicted_keys_total",
                        "redis_expired_keys_total",
                        "redis_connected_clients",
                        "redis_blocked_clients",
                        "redis_commands_processed_total",
                        "redis_keyspace_hits_total",
                        "redis_keyspace_misses_total",
                        "redis_uptime_in_seconds",
                        "redis_db_keys",
                    }
                ),
                prefixes=GO_RUNTIME,
            ),
        ),
    ),
    Exporter(
        "rabbitmq_prometheus",
        r"rabbitmq",
        None,
        "rabbitmq/rabbitmq-server v4.1: deps/rabbitmq_prometheus (aggregated rabbitmq_ on /metrics; rabbitmq_detailed_ "
        "on /metrics/detailed, one family per family= parameter: queue_coarse_metrics, queue_consumer_count)",
        (
            Family(
                names=frozenset(
                    {
                        "rabbitmq_alarms_memory_used_watermark",
                        "rabbitmq_alarms_free_disk_space_watermark",
                        "rabbitmq_process_resident_memory_bytes",
                        "rabbitmq_resident_memory_limit_bytes",
                        "rabbitmq_queue_messages_ready",
                        "rabbitmq_queue_messages",
                        "rabbitmq_queues",
                        "rabbitmq_connections",
                        "rabbitmq_consumers",
                        "rabbitmq_identity_info",
                        "rabbitmq_build_info",
                    }
                ),
                paths=("/metrics",),
            ),
            Family(
                names=frozenset(
                    {
                        "rabbitmq_detailed_queue_messages_ready",
                        "rabbitmq_detailed_queue_messages_unacked",
                        "rabbitmq_detailed_queue_messages",
                    }
                ),
                paths=("/metrics/detailed",),
                param=("family", "queue_coarse_metrics"),
            ),
            Family(
                names=frozenset({"rabbitmq_detailed_queue_consumers"}),
                paths=("/metrics/detailed",),
                param=("family", "queue_consumer_count"),
            ),
        ),
    ),
    Exporter(
        "kube-state-metrics",
        r"kube-state-metrics/kube-state-metrics",
        None,
        "kubernetes/kube-state-metrics: docs/metrics (kube_<resource>_ per enabled --resources), internal/store/builder.go",
        (
            *(
                Family(prefixes=(prefix,), list_flag=("resources", resource), list_default=KSM_DEFAULT_RESOURCES)
                for resource, prefix in KSM_PREFIXES.items()
            ),
            # Its own instrumentation, on the telemetry port (the chart's selfMonitor).
            Family(prefixes=("kube_state_metrics_", *GO_RUNTIME)),
        ),
    ),
    Exporter(
        "kubelet",
        r"kubelet",
        None,
        "kubernetes/kubernetes v1.33: the kubelet's /metrics (kubelet_, rest_client_, storage_operation_, "
        "kubernetes_build_info), /metrics/cadvisor (google/cadvisor metrics/prometheus.go: container_), "
        "/metrics/probes (prober_)",
        (
            Family(
                prefixes=(
                    "kubelet_",
                    "rest_client_",
                    "storage_operation_",
                    "volume_manager_",
                    "kubernetes_build_info",
                    *GO_RUNTIME,
                ),
                paths=("/metrics",),
            ),
            Family(prefixes=("container_", "machine_"), paths=("/metrics/cadvisor",)),
            Family(prefixes=("prober_",), paths=("/metrics/probes",)),
        ),
        service_labels={"k8s-app": "kubelet"},
    ),
    Exporter(
        "kube-apiserver",
        r"kube-apiserver",
        None,
        "kubernetes/kubernetes v1.33: the API server's /metrics",
        (
            Family(
                prefixes=(
                    "apiserver_",
                    "aggregator_",
                    "etcd_",
                    "workqueue_",
                    "rest_client_",
                    "authentication_",
                    "authorization_",
                    "kubernetes_build_info",
                    *GO_RUNTIME,
                )
            ),
        ),
        service_labels={"component": "apiserver", "provider": "kubernetes"},
    ),
    Exporter(
        "prometheus",
        r"prometheus/prometheus",
        None,
        "prometheus/prometheus: its own instrumentation",
        (Family(prefixes=("prometheus_", "net_conntrack_", *GO_RUNTIME)),),
    ),
    Exporter(
        "alertmanager",
        r"prometheus/alertmanager",
        None,
        "prometheus/alertmanager: its own instrumentation",
        (Family(prefixes=("alertmanager_", "net_conntrack_", *GO_RUNTIME)),),
    ),
    Exporter(
        "config-reloader",
        r"prometheus-operator/prometheus-config-reloader",
        None,
        "prometheus-operator/prometheus-operator: cmd/prometheus-config-reloader (reloader_)",
        (Family(prefixes=("reloader_", *GO_RUNTIME)),),
    ),
    Exporter(
        "prometheus-operator",
        r"prometheus-operator/prometheus-operator",
        None,
        "prometheus-operator/prometheus-operator: pkg/operator/metrics.go (prometheus_operator_)",
        (Family(prefixes=("prometheus_operator_", *GO_RUNTIME)),),
    ),
    Exporter(
        "grafana",
        r"grafana/grafana",
        None,
        "grafana/grafana: its own instrumentation",
        (Family(prefixes=("grafana_", *GO_RUNTIME)),),
    ),
    Exporter(
        "cert-manager",
        r"jetstack/cert-manager-(controller|cainjector|webhook)",
        None,
        "cert-manager/cert-manager v1.21.1: pkg/metrics/metrics.go (certmanager_)",
        (Family(prefixes=("certmanager_", "controller_runtime_", "workqueue_", *GO_RUNTIME)),),
    ),
    Exporter(
        "external-secrets",
        r"external-secrets/external-secrets",
        None,
        "external-secrets/external-secrets v2.3.0: pkg/controllers/*/metrics (externalsecret_, clustersecretstore_, ...)",
        (
            Family(
                prefixes=(
                    "externalsecret_",
                    "secretstore_",
                    "clustersecretstore_",
                    "controller_runtime_",
                    "workqueue_",
                    *GO_RUNTIME,
                )
            ),
        ),
    ),
    Exporter(
        "traefik",
        r"traefik",
        None,
        "traefik/traefik v3: pkg/metrics/prometheus.go (traefik_)",
        (Family(prefixes=("traefik_", *GO_RUNTIME)),),
    ),
    Exporter(
        "coredns",
        r"coredns/coredns",
        None,
        "coredns/coredns: plugin/metrics (coredns_)",
        (Family(prefixes=("coredns_", *GO_RUNTIME)),),
    ),
)


def service_exporter(target: Target) -> tuple[str, Family] | None:
    """Our PHP services (images ghcr.io/e-commerce-back/<service>) and their catalogued metrics."""
    if target.container is None:
        return None
    name = image_name(target.container.get("image", ""))
    match = re.fullmatch(r"e-commerce-back/([a-z-]+)", name)
    if match is None:
        return None
    return match[1], SERVICE_FAMILIES.get(match[1], SERVICE_FAMILIES[""])


def _dropped(endpoint: Mapping, metric: str) -> bool:
    """The endpoint's metricRelabelings that drop (or do not keep) this metric name."""
    for relabel in endpoint.get("metricRelabelings") or []:
        if relabel.get("sourceLabels") != ["__name__"]:
            continue
        matched = re.fullmatch(relabel.get("regex", "(.*)"), metric) is not None
        action = relabel.get("action", "replace").lower()
        if (action == "drop" and matched) or (action == "keep" and not matched):
            return True
    return False


def my_cnf_socket(target: Target, objects: list[dict]) -> str | None:
    """The [client] socket of the exporter's --config.my-cnf, read from the ConfigMap mounted there."""
    if target.container is None or target.pod is None:
        return None
    path = next((a.split("=", 1)[1] for a in target.container.get("args") or [] if a.startswith("--config.my-cnf=")), None)
    if path is None:
        return None
    for mount in target.container.get("volumeMounts") or []:
        if mount["mountPath"] != path and not path.startswith(mount["mountPath"].rstrip("/") + "/"):
            continue
        volume = next((v for v in target.pod.spec.get("volumes") or [] if v["name"] == mount["name"]), None)
        if volume is None or "configMap" not in volume:
            return None
        key = mount.get("subPath") or path.rsplit("/", 1)[-1]
        for item in volume["configMap"].get("items") or []:
            if item["path"] == key:
                key = item["key"]
        config_map = next(
            (
                o
                for o in objects
                if o.get("kind") == "ConfigMap"
                and o["metadata"]["name"] == volume["configMap"]["name"]
                and _namespace(o) == target.pod.namespace
            ),
            None,
        )
        if config_map is None or key not in (config_map.get("data") or {}):
            return None
        parser = configparser.ConfigParser(strict=False, allow_no_value=True)
        parser.read_string(config_map["data"][key])
        return parser.get("client", "socket", fallback=None)
    return None


def connection_problem(exporter: Exporter, target: Target, objects: list[dict]) -> str | None:
    """Why the exporter cannot reach what it exports, where the scrape decides (mysqld_exporter)."""
    if exporter.name != "mysqld_exporter":
        return None
    # config/config.go FormDSN: /probe?target=unix://<path> strips the scheme; a plain /metrics
    # scrape dials my.cnf's socket as it is written, so "unix:///..." is a path that does not exist.
    if target.path == "/probe":
        probe = (target.params.get("target") or [""])[0]
        if not probe:
            return "/probe without a target parameter"
        return None
    socket = my_cnf_socket(target, objects)
    if socket is not None and "://" in socket:
        return f"its my.cnf socket is {socket!r}, which mysqld_exporter {exporter.version} dials as a file path on {target.path}"
    return None


@dataclass
class Served:
    """For each metric the scraped exporters serve, who; for each they could serve but do not, why."""

    by: dict[str, set[str]] = field(default_factory=dict)
    withheld: dict[str, list[str]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def serves(self, metric: str) -> bool:
        return metric in self.by


def served_metrics(objects: Iterable[dict], namespaces: Mapping[str, dict], wanted: Iterable[str]) -> Served:
    """Which of the `wanted` metric names the scraped targets serve, with their flags and paths."""
    objects = list(objects)
    wanted = set(wanted)
    served = Served()
    targets: list[Target] = []
    for monitor in objects:
        if monitor.get("kind") == "ServiceMonitor":
            targets += service_monitor_targets(monitor, objects, namespaces)[0]
        elif monitor.get("kind") == "PodMonitor":
            targets += pod_monitor_targets(monitor, objects, namespaces)[0]
    for target in targets:
        where = target.monitor + (
            f" -> {target.pod.namespace}/{target.pod.owner} container {target.container['name']}"
            if target.pod and target.container
            else ""
        )
        service = service_exporter(target)
        if service is not None:
            for metric in wanted:
                if service[1].serves(metric) and not _dropped(target.endpoint, metric):
                    served.by.setdefault(metric, set()).add(where)
            continue
        exporter = next((e for e in EXPORTERS if e.matches(target)), None)
        if exporter is None:
            continue
        if exporter.version is not None and target.container is not None:
            tag = image_tag(target.container.get("image", ""))
            if tag != exporter.version:
                served.problems.append(
                    f"{where}: runs {exporter.name} {tag}, whose metrics were read at {exporter.version} ({exporter.evidence})"
                )
                continue
        args = [str(a) for a in (target.container or {}).get("args") or []]
        unreachable = connection_problem(exporter, target, objects)
        for family in exporter.families:
            why = family.enabled(args, target.path, target.params)
            if why is None and family.connected and unreachable:
                why = f"cannot connect: {unreachable}"
            for metric in wanted:
                if not family.serves(metric):
                    continue
                if why is not None:
                    served.withheld.setdefault(metric, []).append(
                        f"{exporter.name} {exporter.version or ''} at {where} {why}".replace("  ", " ")
                    )
                elif _dropped(target.endpoint, metric):
                    served.withheld.setdefault(metric, []).append(f"{where}: dropped by the endpoint's metricRelabelings")
                else:
                    served.by.setdefault(metric, set()).add(where)
    return served


def rules(objects: Iterable[dict]) -> list[tuple[str, str, dict]]:
    """(PrometheusRule, group, rule) of every rule."""
    return [
        (f"{_namespace(o)}/PrometheusRule/{o['metadata']['name']}", group["name"], rule)
        for o in objects
        if o.get("kind") == "PrometheusRule"
        for group in o["spec"].get("groups") or []
        for rule in group.get("rules") or []
    ]


def rule_metric_failures(objects: Iterable[dict], namespaces: Mapping[str, dict], unrendered: Iterable[str] = ()) -> list[str]:
    """One line per rule metric that no scraped exporter serves, with what would serve it.
    Metrics of the exporters named in `unrendered` (add-on parts the add-ons folder lacks) are
    not judged: `unrendered_metrics` lists them."""
    objects = list(objects)
    unjudged = set(unrendered_metrics(objects, unrendered))
    all_rules = rules(objects)
    recorded = {rule["record"] for _, _, rule in all_rules if "record" in rule}
    used = {
        (where, group, rule.get("alert") or rule.get("record")): metric_names(rule["expr"]) for where, group, rule in all_rules
    }
    wanted = {m for names in used.values() for m in names} - recorded - PROMETHEUS_SERIES
    served = served_metrics(objects, namespaces, wanted)
    failures = list(served.problems)
    for (where, group, name), names in used.items():
        for metric in sorted(names - recorded - PROMETHEUS_SERIES):
            if served.serves(metric) or metric in unjudged:
                continue
            why = "; ".join(served.withheld.get(metric, [])) or "no scraped exporter serves it"
            failures.append(f"{where} group {group} rule {name}: {metric}: {why}")
    return failures


def parse_ini(text: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, allow_no_value=True)
    parser.read_string(text)
    return parser


def unrendered_metrics(objects: Iterable[dict], unrendered: Iterable[str]) -> list[str]:
    """The rules' metrics that only the exporters named in `unrendered` could serve."""
    absent = [exporter for exporter in EXPORTERS if exporter.name in set(unrendered)]
    names = {metric for _, _, rule in rules(objects) for metric in metric_names(rule["expr"])}
    return sorted(metric for metric in names if any(family.serves(metric) for e in absent for family in e.families))
