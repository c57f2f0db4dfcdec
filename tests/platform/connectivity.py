"""Connectivity of the assembled cluster, computed by network-config-analyzer (NCA).

NCA reads the namespaces, pods and NetworkPolicies of the assembly and reports, for every
ordered pair of pods (and of pods and address ranges), the connections the policies allow
(`--connectivity -o txt_no_fw_rules --output_endpoints pods`). What the platform needs is
derived separately, from the model (the catalog, the environment's endpoints) and from the
assembled objects (Services, ServiceMonitors, webhooks, routes, operators' custom
resources), never listed per environment:

- required flows, each of which the policies must allow;
- flows that must stay denied (no connection at all on any port).

Each workload is handed to NCA as one pod, or two where it runs more than one replica, so
that traffic between the replicas of a workload (replication, clustering) is analysed too.
Services and Ingresses are resolved here, not by NCA: a NetworkPolicy only ever sees pods and
their target ports.

The API server, the nodes and the internet are addresses: the API server's and the nodes'
are the endpoints of `default/kubernetes` and of the kubelet Service in the assembly (the
first and last address of each block environments.TargetCluster.infrastructure declares,
since policies can only select them by CIDR), the internet is a documentation address
(RFC 5737). NCA, like the Kubernetes specification, never counts a pod as part of an
ipBlock, so a rule for "0.0.0.0/0 on 443" grants the API server and the internet but no pod.

`check(cluster)` runs one NCA process per assembly (its answer cached under .cache/nca by a
hash of its input) and returns a Report: counts, and one line per failure such as
"monitoring/prometheus-... -> cert-manager/cert-manager:9402/TCP (ServiceMonitor cert-manager/cert-manager): denied".
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import re
import subprocess
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from ecommerce.derived.endpoints import REDIS_PORT, REDIS_SENTINEL_PORT, mysql_host, rabbitmq_host, redis_endpoint
from ecommerce.derived.wiring import wire
from ecommerce.model.catalog import CATALOG, Catalog
from ecommerce.model.environments import ENVIRONMENTS, CacheMode, Environment
from tests.platform.addons import nca_binary
from tests.platform.assembly import ROOT, Cluster, Workload, namespace_of

CACHE = ROOT / ".cache" / "nca"
# A public address (RFC 5737 TEST-NET-3) standing for any client or server on the internet.
INTERNET = "203.0.113.10"
# RabbitMQ's CLI tools reach other nodes on this range (rabbitmq.com/docs/networking#ports);
# no container port declares it.
RABBITMQ_CLI_PORTS = (35672, 35682)
# Ports of the InnoDB Cluster members' Service (classic, X protocol, Group Replication's XCom),
# as the MySQL Operator names them (cluster_objects.py prepare_cluster_service).
MYSQL_MEMBER_PORTS = ("mysql", "mysqlx", "gr-xcom")
# The label of the MySQL Operator's backup Jobs (and their CronJobs' templates).
MYSQL_BACKUP_TASK = "mysql-innodbcluster-backup-task"
# Add-ons that manage the custom resources of the platform (keys of rendered_addons).
MYSQL_OPERATOR = "mysql-operator"
RABBITMQ_OPERATORS = ("rabbitmq-cluster-operator", "rabbitmq-messaging-topology-operator")
TRAEFIK = "traefik"
# The label Grafana's datasource sidecar loads ConfigMaps by (grafana chart's default).
GRAFANA_DATASOURCE_LABEL = "grafana_datasource"


# --- the assembly as NCA's input --------------------------------------------------------------


@dataclass(frozen=True)
class Peer:
    """Pods of one workload (NCA pod names "ns/pod"), or one address."""

    label: str
    pods: tuple[str, ...] = ()
    address: str | None = None

    @property
    def nodes(self) -> tuple[str, ...]:
        return (self.address,) if self.address else self.pods


THE_INTERNET = Peer(f"the internet ({INTERNET})", address=INTERNET)


def pod_names(workload: Workload) -> tuple[str, ...]:
    """The pods that stand for a workload: two where it runs more than one replica, so that
    traffic between replicas is analysed; one otherwise; none when scaled to zero."""
    count = min(workload.replicas, 2)
    kind = workload.kind.lower()
    return tuple(f"{workload.namespace}/{workload.name}.{kind}-{index}" for index in range(1, count + 1))


def nca_input(cluster: Cluster) -> dict[str, list[dict]]:
    """The files NCA reads: namespaces, pods, network policies."""
    namespaces = [
        {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name, "labels": dict(obj["metadata"].get("labels") or {})}}
        for name, obj in sorted(cluster.namespaces().items())
    ]
    pods = []
    for workload in cluster.workloads():
        containers = [
            {
                "name": container.get("name", "main"),
                "ports": [
                    {key: port[key] for key in ("name", "containerPort", "protocol") if key in port}
                    for port in container.get("ports") or []
                ],
            }
            for container in workload.containers()
        ]
        for name in pod_names(workload):
            pods.append(
                {
                    "apiVersion": "v1",
                    "kind": "Pod",
                    "metadata": {"name": name.split("/", 1)[1], "namespace": workload.namespace, "labels": dict(workload.labels)},
                    "spec": {"serviceAccountName": workload.service_account, "containers": containers},
                }
            )
    policies = []
    for policy in cluster.of_kind("NetworkPolicy"):
        metadata = {"name": policy["metadata"]["name"], "namespace": namespace_of(policy)}
        policies.append(
            {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": metadata, "spec": policy["spec"]}
        )
    return {"namespaces.yaml": namespaces, "pods.yaml": pods, "policies.yaml": policies}


def _nca_version(nca: Path) -> str:
    """The installed NCA release, for the cache key (no process to start)."""
    found = sorted(p.name for p in nca.resolve().parent.parent.glob("lib/python*/site-packages/network_config_analyzer-*"))
    return ",".join(found) or str(nca)


def run_nca(files: Mapping[str, list[dict]]) -> str:
    """NCA's connectivity report for `files`, cached under .cache/nca by a hash of its input."""
    nca = nca_binary()
    key = hashlib.sha256(json.dumps([_nca_version(nca), files], sort_keys=True).encode()).hexdigest()
    cached = CACHE / f"{key}.txt"
    if cached.exists():
        return cached.read_text()
    with tempfile.TemporaryDirectory(prefix="nca-") as tmp:
        folder = Path(tmp) / "resources"
        folder.mkdir()
        for name, objects in files.items():
            (folder / name).write_text(yaml.safe_dump_all(objects, sort_keys=False))
        out = Path(tmp) / "connectivity.txt"
        command = [
            str(nca),
            "--connectivity",
            "--resource_list",
            str(folder),
            "--output_format",
            "txt_no_fw_rules",
            "--output_endpoints",
            "pods",
            "--file_out",
            str(out),
        ]
        result = subprocess.run(command, capture_output=True, text=True, timeout=600)
        # An error, or a field NCA does not analyse ("over-approximation"), makes the answer wrong.
        errors = [
            line for line in (result.stdout + result.stderr).splitlines() if re.search(r"\bError\b|over-approximation", line)
        ]
        if result.returncode != 0 or errors or not out.exists():
            raise RuntimeError(f"nca failed (exit {result.returncode}):\n{result.stdout}\n{result.stderr}")
        text = out.read_text()
    CACHE.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", dir=CACHE, suffix=".tmp", delete=False) as partial:
        partial.write(text)
    Path(partial.name).replace(cached)
    return text


# --- NCA's report -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Connections:
    """Allowed connections between two nodes: the union of cubes (protocols, destination
    ports); None in a dimension means every value. `negated` reads "All but ..."."""

    cubes: tuple[tuple[frozenset[str] | None, tuple[tuple[int, int], ...] | None], ...]
    negated: bool = False

    def allows(self, port: int | None, protocol: str) -> bool:
        """`port` None: any connection at all."""
        if port is None:
            return self.negated or bool(self.cubes)
        hit = any(
            (protocols is None or protocol in protocols) and (ports is None or any(low <= port <= high for low, high in ports))
            for protocols, ports in self.cubes
        )
        return not hit if self.negated else hit

    def __str__(self) -> str:
        if self.negated and not self.cubes:
            return "all connections"
        cubes = []
        for protocols, ports in self.cubes:
            where = ",".join(f"{low}-{high}" if high != low else str(low) for low, high in ports) if ports else "any port"
            cubes.append(f"{'/'.join(sorted(protocols)) if protocols else 'any protocol'} {where}")
        return ("all but " if self.negated else "") + "; ".join(cubes)


ALL = Connections((), negated=True)
_DIMENSION = re.compile(r"(?:^|,)(\w+):")


def parse_connections(text: str) -> Connections:
    text = text.strip()
    if text == "All connections":
        return ALL
    if text == "No connections":
        return Connections(())
    negated = text.startswith("All but ")
    body = text.removeprefix("All but ").strip()
    if not (body.startswith("{") and body.endswith("}")):
        raise ValueError(f"unexpected NCA connections {text!r}")
    cubes = []
    for cube in body[1:-1].split("},{"):
        parts = _DIMENSION.split(cube)
        values = dict(zip(parts[1::2], parts[2::2], strict=True))
        unknown = set(values) - {"protocols", "dst_ports"}
        if unknown:
            raise ValueError(f"NCA reported dimensions this check does not read: {sorted(unknown)} in {text!r}")
        protocols = frozenset(p.strip() for p in values["protocols"].split(",")) if "protocols" in values else None
        ports = None
        if "dst_ports" in values:
            ranges = []
            for item in values["dst_ports"].split(","):
                low, _, high = item.strip().partition("-")
                ranges.append((int(low), int(high or low)))
            ports = tuple(ranges)
        cubes.append((protocols, ports))
    return Connections(tuple(cubes), negated)


def _address_block(text: str) -> list[tuple[int, int]] | None:
    """The address ranges of an NCA node name ("a.b.c.d-e.f.g.h", CIDRs, comma-separated), or
    None for a pod ("namespace/name")."""
    ranges = []
    for item in text.split(","):
        item = item.strip()
        try:
            if "/" in item:
                network = ipaddress.ip_network(item, strict=False)
                ranges.append((int(network[0]), int(network[-1])))
            else:
                low, _, high = item.partition("-")
                ranges.append((int(ipaddress.ip_address(low)), int(ipaddress.ip_address(high or low))))
        except ValueError:
            return None
    return ranges


@dataclass
class ConnectivityMap:
    """NCA's report, indexed. NCA may give one pair several lines (one per group of pairs
    sharing a connection set): they add up."""

    pairs: dict[tuple[str, str], list[Connections]] = field(default_factory=lambda: defaultdict(list))
    # Per pod: (address ranges, connections) towards or from blocks of addresses.
    to_blocks: dict[str, list[tuple[list[tuple[int, int]], Connections]]] = field(default_factory=lambda: defaultdict(list))
    from_blocks: dict[str, list[tuple[list[tuple[int, int]], Connections]]] = field(default_factory=lambda: defaultdict(list))

    def connections(self, src: str, dst: str) -> list[Connections]:
        for node, blocks, other in ((dst, self.to_blocks, src), (src, self.from_blocks, dst)):
            if _is_address(node):
                value = int(ipaddress.ip_address(node))
                return [c for ranges, c in blocks.get(other, ()) if any(low <= value <= high for low, high in ranges)]
        return self.pairs.get((src, dst), [])

    def allows(self, src: str, dst: str, port: int | None, protocol: str) -> bool:
        """Whether `src` may open a connection to `dst` on `port` (None: on any port)."""
        return any(c.allows(port, protocol) for c in self.connections(src, dst))


def _is_address(node: str) -> bool:
    try:
        ipaddress.ip_address(node)
    except ValueError:
        return False
    return True


def parse_report(text: str) -> ConnectivityMap:
    result = ConnectivityMap()
    for line in text.splitlines():
        if not line.strip():
            continue
        src, arrow, rest = line.partition(" => ")
        dst, colon, connections = rest.partition(" : ")
        if not arrow or not colon:
            raise ValueError(f"unexpected line in NCA's report: {line!r}")
        src, dst = src.strip(), dst.strip()
        value = parse_connections(connections)
        src_block, dst_block = _address_block(src), _address_block(dst)
        if src_block is not None and dst_block is not None:
            continue
        if dst_block is not None:
            result.to_blocks[src].append((dst_block, value))
        elif src_block is not None:
            result.from_blocks[dst].append((src_block, value))
        else:
            result.pairs[(src, dst)].append(value)
    return result


# --- resolving the assembly -------------------------------------------------------------------


def selects(selector: Mapping | None, labels: Mapping[str, str]) -> bool:
    """A LabelSelector (matchLabels, matchExpressions); an empty one selects everything."""
    if selector is None:
        return False
    for key, value in (selector.get("matchLabels") or {}).items():
        if labels.get(key) != value:
            return False
    for expression in selector.get("matchExpressions") or []:
        key, operator, values = expression["key"], expression["operator"], expression.get("values") or []
        if operator == "In" and labels.get(key) not in values:
            return False
        if operator == "NotIn" and key in labels and labels[key] in values:
            return False
        if operator == "Exists" and key not in labels:
            return False
        if operator == "DoesNotExist" and key in labels:
            return False
    return True


@dataclass(frozen=True)
class Target:
    peer: Peer
    port: int
    protocol: str


class Resolver:
    """Finds pods, Services and their backends in an assembled cluster."""

    def __init__(self, cluster: Cluster) -> None:
        self.cluster = cluster
        self.workloads = [w for w in cluster.workloads() if pod_names(w)]
        self.namespaces = cluster.namespaces()
        self.services = {(namespace_of(s), s["metadata"]["name"]): s for s in cluster.of_kind("Service")}
        self.endpoints = {(namespace_of(e), e["metadata"]["name"]): e for e in cluster.of_kind("Endpoints")}
        self.unresolved: list[str] = []
        names: defaultdict[str, int] = defaultdict(int)
        for workload in self.workloads:
            names[workload.label] += 1
        # A Job and a CronJob may share a name: tell them apart where they do.
        self._ambiguous = {label for label, count in names.items() if count > 1}

    def peer(self, workload: Workload) -> Peer:
        label = workload.label
        if label in self._ambiguous:
            label += f" ({workload.kind})"
        return Peer(label, pod_names(workload))

    def pods(self, namespace: str, selector: Mapping[str, str] | None) -> list[Workload]:
        """Workloads whose pods a Service selector (a plain map) picks."""
        if not selector:
            return []
        return [w for w in self.workloads if w.namespace == namespace and all(w.labels.get(k) == v for k, v in selector.items())]

    def by_labels(self, namespace: str | None, selector: Mapping | None) -> list[Workload]:
        return [w for w in self.workloads if (namespace is None or w.namespace == namespace) and selects(selector, w.labels)]

    def of_origin(self, origin: str) -> list[Workload]:
        return [w for w in self.workloads if w.origin == origin]

    def backends(self, namespace: str, name: str, port: int | str | None, why: str) -> list[Target]:
        """The pods (or addresses) behind a Service port, given by number or by name
        (None: every port), with the target port each listens on."""
        service = self.services.get((namespace, name))
        if service is None:
            self.unresolved.append(f"{why}: no Service {namespace}/{name} in the assembly")
            return []
        spec = service.get("spec") or {}
        ports = [p for p in spec.get("ports") or [] if port is None or p.get("name") == port or p.get("port") == port]
        if not ports:
            self.unresolved.append(f"{why}: Service {namespace}/{name} has no port {port}")
            return []
        targets = []
        if not spec.get("selector"):
            endpoints = self.endpoints.get((namespace, name))
            for subset in (endpoints or {}).get("subsets") or []:
                for service_port in ports:
                    for endpoint_port in subset.get("ports") or []:
                        # Endpoint ports pair with the Service's by name (a single port may go unnamed).
                        if endpoint_port.get("name") != service_port.get("name"):
                            continue
                        for address in subset.get("addresses") or []:
                            peer = Peer(f"{address['ip']} ({namespace}/{name})", address=address["ip"])
                            targets.append(Target(peer, int(endpoint_port["port"]), endpoint_port.get("protocol", "TCP")))
            if not targets:
                self.unresolved.append(f"{why}: Service {namespace}/{name} has no selector and no endpoints in the assembly")
            return targets
        workloads = self.pods(namespace, spec["selector"])
        if not workloads:
            self.unresolved.append(f"{why}: Service {namespace}/{name} selects no pod of the assembly")
        for service_port in ports:
            target_port = service_port.get("targetPort", service_port.get("port"))
            for workload in workloads:
                number = workload.port_number(target_port)
                if number is None:
                    self.unresolved.append(f"{why}: {workload.label} has no container port {target_port!r}")
                    continue
                targets.append(Target(self.peer(workload), number, service_port.get("protocol", "TCP")))
        return targets

    def host(self, host: str, namespace: str) -> tuple[str, str]:
        """(namespace, Service) a DNS name stands for, as seen from `namespace`."""
        parts = host.split(".")
        return (parts[1], parts[0]) if len(parts) > 1 else (namespace, parts[0])


# --- flows ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Flow:
    src: Peer
    dst: Peer
    # None: any connection (for flows that must stay denied).
    port: int | None
    protocol: str
    why: str

    def __str__(self) -> str:
        where = self.dst.label if self.port is None else f"{self.dst.label}:{self.port}/{self.protocol}"
        return f"{self.src.label} -> {where} ({self.why})"


class Flows:
    """Flows keyed by their endpoints and port; the first reason given is kept."""

    def __init__(self) -> None:
        self.flows: dict[tuple, Flow] = {}

    def add(self, src: Peer, dst: Peer, port: int | None, protocol: str, why: str) -> None:
        if not src.nodes or not dst.nodes:
            return
        if src == dst and len(src.nodes) < 2:
            # A single pod talks to itself over loopback, which no policy governs.
            return
        self.flows.setdefault((src, dst, port, protocol), Flow(src, dst, port, protocol, why))

    def to_targets(self, sources: Iterable[Peer], targets: Iterable[Target], why: str) -> None:
        targets = list(targets)
        for src in sources:
            for target in targets:
                self.add(src, target.peer, target.port, target.protocol, why)

    def __iter__(self):
        return iter(self.flows.values())

    def __len__(self) -> int:
        return len(self.flows)


def _api_server(resolver: Resolver) -> list[Target]:
    return resolver.backends("default", "kubernetes", "https", "the API server")


def _catalog_service(resolver: Resolver, env: Environment, name: str, why: str) -> list[Workload]:
    service = resolver.services.get((env.namespace, name))
    if service is None:
        resolver.unresolved.append(f"{why}: no Service {env.namespace}/{name}")
        return []
    return resolver.pods(env.namespace, (service.get("spec") or {}).get("selector"))


def required_flows(cluster: Cluster, resolver: Resolver, catalog: Catalog = CATALOG) -> Flows:
    env = ENVIRONMENTS[cluster.env]
    flows = Flows()
    _catalog_flows(flows, resolver, env, catalog)
    _monitoring_flows(flows, resolver, cluster)
    _webhook_flows(flows, resolver, cluster)
    _operator_flows(flows, resolver, cluster, env)
    _edge_flows(flows, resolver, cluster)
    _dns_flows(flows, resolver)
    return flows


def _catalog_flows(flows: Flows, resolver: Resolver, env: Environment, catalog: Catalog) -> None:
    """Each service's calls, data stores and outside endpoints, as the catalog declares them,
    reached through the host names the platform hands the services (ecommerce.derived.endpoints)."""
    mysql_ns, mysql_service = resolver.host(mysql_host(env), env.namespace)
    redis_host, redis_port = redis_endpoint(env)
    redis_ns, redis_service = resolver.host(redis_host, env.namespace)
    amqp_ns, amqp_service = resolver.host(rabbitmq_host(env), env.namespace)
    for service in catalog:
        sources = [resolver.peer(w) for w in _catalog_service(resolver, env, service.name, f"catalog service {service.name}")]
        for call in service.call_targets:
            callee = catalog.get(call.service)
            why = f"catalog: {service.name} calls {callee.name}"
            for workload in _catalog_service(resolver, env, callee.name, why):
                port = callee.ports[call.port]
                flows.to_targets(sources, [Target(resolver.peer(workload), port, "TCP")], why)
        if service.database:
            flows.to_targets(
                sources, resolver.backends(mysql_ns, mysql_service, 3306, "MySQL"), f"catalog: {service.name} uses MySQL"
            )
        if service.uses_redis:
            why = f"catalog: {service.name} uses Redis"
            targets = resolver.backends(redis_ns, redis_service, redis_port, why)
            flows.to_targets(sources, targets, why)
            if env.cache.mode is CacheMode.CLUSTER:
                # Sentinel hands out the primary's pod address: the data port of every Redis pod.
                flows.to_targets(sources, [Target(t.peer, REDIS_PORT, "TCP") for t in targets], why + " (primary from Sentinel)")
        if service.uses_rabbitmq:
            # The port the services are wired to (AMQPS since the internal CA), not the plain 5672.
            amqp_port = int(wire(service, env, catalog).settings["RABBITMQ_PORT"])
            flows.to_targets(
                sources, resolver.backends(amqp_ns, amqp_service, amqp_port, "RabbitMQ"), f"catalog: {service.name} uses RabbitMQ"
            )
        for endpoint in service.egress:
            network = ipaddress.ip_network(endpoint.cidr)
            address = INTERNET if ipaddress.ip_address(INTERNET) in network else str(network[1])
            peer = THE_INTERNET if address == INTERNET else Peer(f"{endpoint.name} ({address})", address=address)
            for src in sources:
                flows.add(src, peer, endpoint.port, "TCP", f"catalog: {service.name} reaches {endpoint.name}")
    # Every other client of MySQL the platform wires (the accounts job): DATABASE_HOST/PORT.
    for workload in resolver.workloads:
        env_vars = {e.get("name"): e.get("value") for c in workload.containers() for e in c.get("env") or []}
        if workload.origin == "ours" and env_vars.get("DATABASE_HOST"):
            namespace, name = resolver.host(env_vars["DATABASE_HOST"], workload.namespace)
            port = int(env_vars.get("DATABASE_PORT") or 3306)
            why = f"{workload.label} connects to DATABASE_HOST"
            flows.to_targets([resolver.peer(workload)], resolver.backends(namespace, name, port, why), why)
    _replication_flows(flows, resolver, env)


def _replication_flows(flows: Flows, resolver: Resolver, env: Environment) -> None:
    redis_host, redis_port = redis_endpoint(env)
    redis_ns, redis_service = resolver.host(redis_host, env.namespace)
    for target in resolver.backends(redis_ns, redis_service, redis_port, "Redis"):
        flows.add(target.peer, target.peer, REDIS_PORT, "TCP", "replication between Redis pods")
        if env.cache.mode is CacheMode.CLUSTER:
            flows.add(target.peer, target.peer, REDIS_SENTINEL_PORT, "TCP", "Sentinels between Redis pods")


def _monitoring_flows(flows: Flows, resolver: Resolver, cluster: Cluster) -> None:
    """Prometheus to every target of the monitors it selects, Prometheus to Alertmanager,
    Grafana to its datasources, Alertmanager to its receivers."""
    monitors = cluster.of_kind("ServiceMonitor", "PodMonitor")
    for prometheus in cluster.of_kind("Prometheus"):
        spec = prometheus.get("spec") or {}
        home = namespace_of(prometheus)
        name = prometheus["metadata"]["name"]
        servers = resolver.by_labels(
            home, {"matchLabels": {"app.kubernetes.io/name": "prometheus", "app.kubernetes.io/instance": name}}
        )
        if not servers:
            resolver.unresolved.append(f"Prometheus {home}/{name}: no pods in the assembly")
            continue
        sources = [resolver.peer(w) for w in servers]
        for monitor in monitors:
            kind = monitor["kind"]
            prefix = "serviceMonitor" if kind == "ServiceMonitor" else "podMonitor"
            if not _selected(resolver, monitor, spec.get(f"{prefix}Selector"), spec.get(f"{prefix}NamespaceSelector"), home):
                continue
            why = f"{kind} {namespace_of(monitor)}/{monitor['metadata']['name']}"
            flows.to_targets(sources, _monitor_targets(resolver, monitor, why), why)
        for alertmanager in (spec.get("alerting") or {}).get("alertmanagers") or []:
            why = f"Prometheus {name} alerts"
            targets = resolver.backends(alertmanager.get("namespace", home), alertmanager["name"], alertmanager.get("port"), why)
            flows.to_targets(sources, targets, why)
    for datasource in cluster.of_kind("ConfigMap"):
        if GRAFANA_DATASOURCE_LABEL not in (datasource["metadata"].get("labels") or {}):
            continue
        home = namespace_of(datasource)
        grafanas = resolver.by_labels(home, {"matchLabels": {"app.kubernetes.io/name": "grafana"}})
        for text in (datasource.get("data") or {}).values():
            for source in (yaml.safe_load(text) or {}).get("datasources") or []:
                url = urlsplit(source.get("url") or "")
                if not url.hostname or url.hostname.count(".") < 1:
                    continue
                namespace, service = resolver.host(url.hostname, home)
                port = url.port or (443 if url.scheme == "https" else 80)
                why = f"Grafana datasource {source.get('name')}"
                flows.to_targets([resolver.peer(w) for w in grafanas], resolver.backends(namespace, service, port, why), why)
    alertmanagers = {(namespace_of(a), a["metadata"]["name"]): a for a in cluster.of_kind("Alertmanager")}
    for namespace, name in alertmanagers:
        # Replicas gossip on the mesh ports (prometheus-operator pkg/alertmanager/statefulset.go).
        for workload in _alertmanager_pods(resolver, namespace, name):
            for port_name, protocol in (("mesh-tcp", "TCP"), ("mesh-udp", "UDP")):
                gossip_port = workload.port_number(port_name)
                if gossip_port is not None:
                    peer = resolver.peer(workload)
                    flows.add(peer, peer, gossip_port, protocol, f"Alertmanager {namespace}/{name} cluster gossip")
    for config in cluster.of_kind("AlertmanagerConfig"):
        ports = set()
        for receiver in (config.get("spec") or {}).get("receivers") or []:
            for email in receiver.get("emailConfigs") or []:
                ports.add(int(str(email.get("smarthost", ":587")).rpartition(":")[2]))
            for key in (
                "slackConfigs",
                "webhookConfigs",
                "pagerdutyConfigs",
                "opsgenieConfigs",
                "msteamsConfigs",
                "telegramConfigs",
            ):
                if receiver.get(key):
                    # Their endpoints are https URLs, held in Secrets.
                    ports.add(443)
        for (namespace, name), alertmanager in alertmanagers.items():
            spec = alertmanager.get("spec") or {}
            selector, namespaces = spec.get("alertmanagerConfigSelector"), spec.get("alertmanagerConfigNamespaceSelector")
            if not _selected(resolver, config, selector, namespaces, namespace):
                continue
            for workload in _alertmanager_pods(resolver, namespace, name):
                for port in sorted(ports):
                    flows.add(
                        resolver.peer(workload),
                        THE_INTERNET,
                        port,
                        "TCP",
                        f"AlertmanagerConfig {namespace_of(config)}/{config['metadata']['name']} receivers",
                    )


def _alertmanager_pods(resolver: Resolver, namespace: str, name: str) -> list[Workload]:
    return resolver.by_labels(
        namespace, {"matchLabels": {"app.kubernetes.io/name": "alertmanager", "app.kubernetes.io/instance": name}}
    )


def _selected(resolver: Resolver, monitor: dict, selector: Mapping | None, namespace_selector: Mapping | None, home: str) -> bool:
    """Whether a Prometheus (Alertmanager) picks a monitor (config): by its labels, and its
    namespace's (a missing namespace selector means the picker's own namespace only)."""
    if not selects(selector, monitor["metadata"].get("labels") or {}):
        return False
    namespace = namespace_of(monitor)
    if namespace_selector is None:
        return namespace == home
    return selects(namespace_selector, resolver.namespaces.get(namespace, {}).get("metadata", {}).get("labels") or {})


def _monitor_namespaces(resolver: Resolver, monitor: dict) -> list[str] | None:
    selector = (monitor.get("spec") or {}).get("namespaceSelector") or {}
    if selector.get("any"):
        return None
    return list(selector.get("matchNames") or [namespace_of(monitor)])


def _monitor_targets(resolver: Resolver, monitor: dict, why: str) -> list[Target]:
    spec = monitor.get("spec") or {}
    namespaces = _monitor_namespaces(resolver, monitor)
    targets: list[Target] = []
    if monitor["kind"] == "ServiceMonitor":
        services = [
            key
            for key, service in resolver.services.items()
            if (namespaces is None or key[0] in namespaces)
            and selects(spec.get("selector"), service["metadata"].get("labels") or {})
        ]
        if not services:
            resolver.unresolved.append(f"{why}: selects no Service of the assembly")
        for endpoint in spec.get("endpoints") or []:
            for namespace, name in services:
                if endpoint.get("port") is not None:
                    # A selected Service without the endpoint's port yields no target (Prometheus
                    # skips it): only one that has it counts.
                    service_ports = resolver.services[(namespace, name)].get("spec", {}).get("ports") or []
                    if any(p.get("name") == endpoint["port"] for p in service_ports):
                        targets += resolver.backends(namespace, name, endpoint["port"], why)
                elif endpoint.get("targetPort") is not None:
                    selector = resolver.services[(namespace, name)].get("spec", {}).get("selector")
                    for workload in resolver.pods(namespace, selector):
                        number = workload.port_number(endpoint["targetPort"])
                        if number is not None:
                            targets.append(Target(resolver.peer(workload), number, "TCP"))
        if services and not targets:
            resolver.unresolved.append(f"{why}: no endpoint of it resolves to a pod or address")
        return targets
    workloads = [w for w in resolver.by_labels(None, spec.get("selector")) if namespaces is None or w.namespace in namespaces]
    if not workloads:
        resolver.unresolved.append(f"{why}: selects no pod of the assembly")
    for endpoint in spec.get("podMetricsEndpoints") or []:
        reference = endpoint.get("port") or endpoint.get("portNumber") or endpoint.get("targetPort")
        for workload in workloads:
            number = workload.port_number(reference)
            if number is None:
                resolver.unresolved.append(f"{why}: {workload.label} has no container port {reference!r}")
                continue
            targets.append(Target(resolver.peer(workload), number, "TCP"))
    return targets


def _webhook_flows(flows: Flows, resolver: Resolver, cluster: Cluster) -> None:
    """The API server calls every admission webhook, conversion webhook and aggregated API."""
    api_server = [t.peer for t in _api_server(resolver)]
    for config in cluster.of_kind("ValidatingWebhookConfiguration", "MutatingWebhookConfiguration"):
        for webhook in config.get("webhooks") or []:
            service = (webhook.get("clientConfig") or {}).get("service")
            if service:
                why = f"{config['kind']} {config['metadata']['name']} ({webhook.get('name')})"
                targets = resolver.backends(service["namespace"], service["name"], service.get("port", 443), why)
                flows.to_targets(api_server, targets, why)
    for crd in cluster.of_kind("CustomResourceDefinition"):
        conversion = (crd.get("spec") or {}).get("conversion") or {}
        service = ((conversion.get("webhook") or {}).get("clientConfig") or {}).get("service")
        if conversion.get("strategy") == "Webhook" and service:
            why = f"conversion webhook of {crd['metadata']['name']}"
            flows.to_targets(
                api_server, resolver.backends(service["namespace"], service["name"], service.get("port", 443), why), why
            )
    for api in cluster.of_kind("APIService"):
        service = (api.get("spec") or {}).get("service")
        if service:
            why = f"APIService {api['metadata']['name']}"
            flows.to_targets(
                api_server, resolver.backends(service["namespace"], service["name"], service.get("port", 443), why), why
            )


def _api_clients(resolver: Resolver, cluster: Cluster) -> list[Workload]:
    """Pods that talk to the API server: those whose service account some (Cluster)RoleBinding
    of the assembly grants rights, unless they refuse its token."""
    bound = set()
    for binding in cluster.of_kind("RoleBinding", "ClusterRoleBinding"):
        for subject in binding.get("subjects") or []:
            if subject.get("kind") == "ServiceAccount":
                bound.add((subject.get("namespace") or namespace_of(binding), subject.get("name")))
    clients = []
    for workload in resolver.workloads:
        if workload.origin == "cluster" or (workload.namespace, workload.service_account) not in bound:
            continue
        projected = any(
            "serviceAccountToken" in source
            for volume in workload.spec.get("volumes") or []
            for source in (volume.get("projected") or {}).get("sources") or []
        )
        if workload.spec.get("automountServiceAccountToken") is False and not projected:
            continue
        clients.append(workload)
    return clients


def _operator_flows(flows: Flows, resolver: Resolver, cluster: Cluster, env: Environment) -> None:
    """Operators to what they manage, members of a cluster to each other, controllers to the API."""
    api_server = _api_server(resolver)
    for workload in _api_clients(resolver, cluster):
        flows.to_targets([resolver.peer(workload)], api_server, f"{workload.label} uses the API (RBAC)")
    mysql_operators = [resolver.peer(w) for w in resolver.of_origin(MYSQL_OPERATOR)]
    for innodb in cluster.of_kind("InnoDBCluster"):
        namespace, name = namespace_of(innodb), innodb["metadata"]["name"]
        where = f"InnoDBCluster {namespace}/{name}"
        # mysql/mysql-operator (9.1.0-2.2.2) mysqloperator/controller/innodbcluster/cluster_objects.py:
        # the members are behind the "<name>-instances" headless Service, the routers behind "<name>".
        routers = {t.peer for t in resolver.backends(namespace, name, "mysql", f"{where} routers")}
        for port_name in MYSQL_MEMBER_PORTS:
            for target in resolver.backends(namespace, f"{name}-instances", port_name, f"{where} members"):
                flows.add(target.peer, target.peer, target.port, target.protocol, f"{where}: group replication")
                if port_name == "gr-xcom":
                    continue
                for operator in mysql_operators:
                    flows.add(operator, target.peer, target.port, target.protocol, "the MySQL Operator manages the members")
                for router in routers:
                    flows.add(router, target.peer, target.port, target.protocol, "MySQL Router routes to the members")
                if port_name == "mysql":
                    # backup/backup_objects.py: the backup Job dumps the cluster from a member.
                    # Its pods carry no label: the Job (or its CronJob) does.
                    for job in resolver.workloads:
                        labels = {**(job.source.get("metadata") or {}).get("labels", {}), **job.labels}
                        if job.namespace == namespace and labels.get("app.kubernetes.io/name") == MYSQL_BACKUP_TASK:
                            flows.add(resolver.peer(job), target.peer, target.port, target.protocol, f"{where}: backups")
    rabbitmq_operators = [resolver.peer(w) for origin in RABBITMQ_OPERATORS for w in resolver.of_origin(origin)]
    for rabbitmq in cluster.of_kind("RabbitmqCluster"):
        namespace, name = namespace_of(rabbitmq), rabbitmq["metadata"]["name"]
        # rabbitmq/cluster-operator (v2.22.3) internal/resource/statefulset.go: "<name>-server".
        nodes = [w for w in resolver.workloads if (w.namespace, w.kind, w.name) == (namespace, "StatefulSet", f"{name}-server")]
        if not nodes:
            resolver.unresolved.append(f"RabbitmqCluster {namespace}/{name}: no server StatefulSet in the assembly")
        # Nodes find each other through the headless "<name>-nodes" Service (service.go):
        # every port of it is a clustering port.
        why = f"RabbitmqCluster {namespace}/{name} clustering"
        for target in resolver.backends(namespace, f"{name}-nodes", None, why):
            flows.add(target.peer, target.peer, target.port, target.protocol, why)
        for node in nodes:
            peer = resolver.peer(node)
            management = node.port_number("management")
            if management is None:
                resolver.unresolved.append(f"{node.label}: no container port management")
            else:
                for operator in rabbitmq_operators:
                    flows.add(operator, peer, management, "TCP", "the RabbitMQ operators use the management API")
            for port in RABBITMQ_CLI_PORTS:
                flows.add(peer, peer, port, "TCP", "RabbitMQ CLI tools between nodes")


def _edge_flows(flows: Flows, resolver: Resolver, cluster: Cluster) -> None:
    """The internet to what LoadBalancer Services expose, Traefik to every route's backend.
    (A NodePort alone says nothing of who reaches the nodes.)"""
    for (namespace, name), service in resolver.services.items():
        if (service.get("spec") or {}).get("type") == "LoadBalancer":
            why = f"LoadBalancer Service {namespace}/{name}"
            flows.to_targets([THE_INTERNET], resolver.backends(namespace, name, None, why), why)
    traefik = [resolver.peer(w) for w in resolver.of_origin(TRAEFIK)]
    for route in cluster.of_kind("IngressRoute", "IngressRouteTCP"):
        namespace = namespace_of(route)
        for rule in (route.get("spec") or {}).get("routes") or []:
            for backend in rule.get("services") or []:
                if backend.get("kind", "Service") != "Service":
                    continue
                why = f"{route['kind']} {namespace}/{route['metadata']['name']}"
                targets = resolver.backends(backend.get("namespace", namespace), backend["name"], backend.get("port"), why)
                flows.to_targets(traefik, targets, why)
    for ingress in cluster.of_kind("Ingress"):
        spec = ingress.get("spec") or {}
        annotations = ingress["metadata"].get("annotations") or {}
        if (spec.get("ingressClassName") or annotations.get("kubernetes.io/ingress.class") or TRAEFIK) != TRAEFIK:
            continue
        namespace = namespace_of(ingress)
        backends = [spec["defaultBackend"]] if spec.get("defaultBackend") else []
        backends += [path["backend"] for rule in spec.get("rules") or [] for path in (rule.get("http") or {}).get("paths") or []]
        for backend in backends:
            service = backend.get("service")
            if not service:
                continue
            port = service.get("port") or {}
            why = f"Ingress {namespace}/{ingress['metadata']['name']}"
            flows.to_targets(
                traefik, resolver.backends(namespace, service["name"], port.get("number", port.get("name")), why), why
            )


def _dns_flows(flows: Flows, resolver: Resolver) -> None:
    targets = [t for port in ("dns", "dns-tcp") for t in resolver.backends("kube-system", "kube-dns", port, "name resolution")]
    for workload in resolver.workloads:
        if workload.origin != "cluster" and not workload.spec.get("hostNetwork"):
            flows.to_targets([resolver.peer(workload)], targets, "name resolution through kube-dns")


def _ingress_backends(resolver: Resolver, cluster: Cluster) -> set[Peer]:
    """Pods Traefik serves through plain Ingresses (cert-manager's HTTP-01 solvers)."""
    found = Flows()
    _edge_flows(found, resolver, cluster)
    return {flow.dst for flow in found if flow.why.startswith("Ingress ")}


def denied_flows(cluster: Cluster, resolver: Resolver, required: Flows, catalog: Catalog = CATALOG) -> Flows:
    """Flows that must stay denied: no connection at all on any port."""
    env = ENVIRONMENTS[cluster.env]
    flows = Flows()
    by_service = {s.name: [resolver.peer(w) for w in _catalog_service(resolver, env, s.name, "catalog")] for s in catalog}
    for caller in catalog:
        called = {call.service for call in caller.call_targets}
        for callee in catalog:
            if callee.name == caller.name or callee.name in called:
                continue
            for src in by_service[caller.name]:
                for dst in by_service[callee.name]:
                    flows.add(src, dst, None, "TCP", f"catalog: {caller.name} does not call {callee.name}")
    _mysql_denials(flows, cluster, resolver, required, env)
    solvers = _ingress_backends(resolver, cluster)
    for workload in resolver.workloads:
        peer = resolver.peer(workload)
        if workload.namespace in env.owned_namespaces and peer not in solvers:
            flows.add(
                THE_INTERNET,
                peer,
                None,
                "TCP",
                "nothing in the platform's namespaces is reachable from outside but through Traefik",
            )
    needed = {(flow.src, flow.dst) for flow in required}
    application = [resolver.peer(w) for w in resolver.workloads if w.namespace == env.namespace]
    others = [resolver.peer(w) for w in resolver.workloads if w.namespace != env.namespace]
    for src in application:
        for dst in others:
            if (src, dst) not in needed:
                flows.add(src, dst, None, "TCP", f"{env.namespace} has no need to reach {dst.label.split('/')[0]}")
    return flows


def _mysql_denials(flows: Flows, cluster: Cluster, resolver: Resolver, required: Flows, env: Environment) -> None:
    """Only the declared users, the accounts job, the operator, Prometheus and the database's
    own pods (members, routers, the operator's backup jobs) reach MySQL: whoever a required
    flow lets in."""
    namespace, name = resolver.host(mysql_host(env), env.namespace)
    servers = {t.peer for t in resolver.backends(namespace, name, 3306, "MySQL")}
    members = {
        target.peer
        for innodb in cluster.of_kind("InnoDBCluster")
        for target in resolver.backends(namespace_of(innodb), f"{innodb['metadata']['name']}-instances", "mysql", "MySQL")
    }
    databases = servers | members
    # Whoever a required flow lets in: the declared users, the accounts job, the operator and
    # its backup jobs, Prometheus, the routers, the members themselves.
    allowed = databases | {flow.src for flow in required if flow.dst in databases}
    # And what the operator itself runs there (its backup schedule's CronJob, whose pods carry
    # no label a policy could tell apart from the backup Jobs').
    allowed |= {
        resolver.peer(w)
        for w in resolver.workloads
        if ((w.source.get("metadata") or {}).get("labels") or {}).get("app.kubernetes.io/created-by") == MYSQL_OPERATOR
    }
    for workload in resolver.workloads:
        src = resolver.peer(workload)
        if src in allowed:
            continue
        for dst in databases:
            flows.add(src, dst, None, "TCP", "not a declared client of MySQL")


# --- the check --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Report:
    env: str
    required: int
    permitted: int
    must_deny: int
    denied: int
    failures: tuple[str, ...]
    # What the check could not resolve (a monitor selecting nothing, a missing Service).
    unresolved: tuple[str, ...]
    # Namespaces where no NetworkPolicy applies: every pod there is open to everything.
    unprotected: tuple[str, ...]
    # Pods of the platform's namespaces that may reach the internet although no required
    # flow needs it (rules meant for the API server, whose address is unknown, often do this).
    open_egress: tuple[str, ...] = ()

    def __str__(self) -> str:
        lines = [
            f"{self.env}: {self.required} required flows, {self.permitted} permitted, {self.required - self.permitted} denied; "
            f"{self.must_deny} must stay denied, {self.denied} denied, {self.must_deny - self.denied} permitted",
            *self.failures,
        ]
        return "\n".join(lines)


def _allowed(connectivity: ConnectivityMap, flow: Flow) -> list[bool]:
    """Whether each pair of nodes standing for the flow's ends has the connection."""
    results = []
    for src in flow.src.nodes:
        for dst in flow.dst.nodes:
            if src != dst:
                results.append(connectivity.allows(src, dst, flow.port, flow.protocol))
    return results


def check(cluster: Cluster, catalog: Catalog = CATALOG) -> Report:
    resolver = Resolver(cluster)
    required = required_flows(cluster, resolver, catalog)
    must_deny = denied_flows(cluster, resolver, required, catalog)
    connectivity = parse_report(run_nca(nca_input(cluster)))
    failures = []
    permitted = 0
    for flow in sorted(required, key=str):
        if all(_allowed(connectivity, flow)):
            permitted += 1
        else:
            failures.append(f"{flow}: denied")
    denied = 0
    for flow in sorted(must_deny, key=str):
        if any(_allowed(connectivity, flow)):
            failures.append(f"{flow}: permitted")
        else:
            denied += 1
    env = ENVIRONMENTS[cluster.env]
    reaching = {flow.src for flow in required if flow.dst.address == INTERNET}
    open_egress = []
    for workload in resolver.workloads:
        peer = resolver.peer(workload)
        if workload.namespace in env.owned_namespaces and peer not in reaching:
            allowed = connectivity.connections(peer.pods[0], INTERNET)
            if any(c.allows(None, "TCP") for c in allowed):
                open_egress.append(f"{peer.label} -> the internet: {' | '.join(str(c) for c in allowed)}")
    protected = {namespace_of(p) for p in cluster.of_kind("NetworkPolicy")}
    pods_in = {w.namespace for w in resolver.workloads}
    return Report(
        env=cluster.env,
        required=len(required),
        permitted=permitted,
        must_deny=len(must_deny),
        denied=denied,
        failures=tuple(failures),
        unresolved=tuple(dict.fromkeys(resolver.unresolved)),
        unprotected=tuple(sorted(pods_in - protected)),
        open_egress=tuple(open_egress),
    )
