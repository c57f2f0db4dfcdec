"""Network policies: deny everything in every namespace the platform owns, then allow only
what the catalog and the data stores need.

`network_policies(env, catalog)` derives the whole set as plain data, so a test can show
that removing a dependency from the catalog removes its allow rule; the NetworkPolicies
construct renders it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from cdk8s_plus_27 import k8s
from constructs import Construct

from .addons import add_ons
from .catalog import Catalog, Service
from .cluster_addons import (
    ACME_SOLVER_PODS,
    ACME_SOLVER_PORT,
    ALERTMANAGER_PODS,
    GRAFANA_PODS,
    GRAFANA_PORT,
    KUBE_DNS,
    KUBE_DNS_METRICS_PORT,
    MYSQL_OPERATOR,
    PROMETHEUS_PODS,
    RABBITMQ_CLUSTER_OPERATOR,
    RABBITMQ_TOPOLOGY_OPERATOR,
    SELF_MANAGED_CONTROL_PLANE_PORTS,
    TRAEFIK_PODS,
)
from .endpoints import AMQPS_PORT, MYSQL, RABBITMQ, REDIS, REDIS_PORT, REDIS_SENTINEL_PORT
from .environments import CacheMode, Environment
from .errors import require
from .meta import Part, int_or_string, labels, selector
from .mysql import EXPORTER_PORT as MYSQL_EXPORTER_PORT
from .redis import EXPORTER_PORT as REDIS_EXPORTER_PORT

# Outside the cluster: anything but private, link-local and metadata addresses.
PRIVATE_RANGES = ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16", "100.64.0.0/10")
# The API server as pods reach it (the kubernetes Service, and its endpoints' port).
API_SERVER_PORTS = (443, 6443)
KUBELET_PORT = 10250
RABBITMQ_MANAGEMENT_PORT = 15672
# rabbitmq_prometheus over TLS: with TLS on, the operator publishes only this metrics port.
RABBITMQ_PROMETHEUS_PORT = 15691
# Erlang distribution: epmd, inter-node traffic, CLI tools.
RABBITMQ_CLUSTERING = ((4369, None), (25672, None), (35672, 35682))
# MySQL Router's read-write classic-protocol port; the Service maps 3306 to it.
ROUTER_RW_PORT = 6446
MYSQL_GROUP_PORTS = (3306, 33060, 33061)
OPERATOR_MYSQL_PODS = {"mysql.oracle.com/cluster": MYSQL, "component": "mysqld"}
OPERATOR_ROUTER_PODS = {"mysql.oracle.com/cluster": MYSQL, "component": "mysqlrouter"}


@dataclass(frozen=True)
class Peer:
    """Pods in a namespace (None: the policy's own), all of them if `pods` is None; or an address block."""

    namespace: str | None = None
    pods: Mapping[str, str] | None = None
    cidr: str | None = None
    excluded: tuple[str, ...] = ()
    # Label keys the pods must carry, and must not carry: for pods made by others, whose only
    # mark is the absence of ours.
    having: tuple[str, ...] = ()
    lacking: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        selects_pods = self.namespace is not None or self.pods is not None or self.having or self.lacking
        require(not (self.cidr is not None and selects_pods), "network peer", "either pods or an address block, not both")


# The MySQL Operator's backup Job pods carry no label of their own
# (mysqloperator/controller/backup/backup_objects.py, 9.1.0-2.2.2): they are the Job pods
# (Kubernetes labels every Job's pods with its name) without our recommended labels.
OPERATOR_JOB_HAVING = ("batch.kubernetes.io/job-name",)
OPERATOR_JOB_LACKING = ("app.kubernetes.io/name",)


@dataclass(frozen=True)
class Port:
    port: int
    end_port: int | None = None
    protocol: str = "TCP"


@dataclass(frozen=True)
class Rule:
    peers: tuple[Peer, ...]
    ports: tuple[Port, ...]
    # Why this traffic is allowed, for readers of the policy.
    reason: str = ""


@dataclass(frozen=True)
class Policy:
    name: str
    namespace: str
    # The pods it applies to; empty: every pod of the namespace (narrowed by `pods_having`
    # and `pods_lacking`, label keys they must and must not carry).
    pods: Mapping[str, str]
    ingress: tuple[Rule, ...] = ()
    egress: tuple[Rule, ...] = ()
    component: str = "network-policy"
    owner: str = "network"
    types: tuple[str, ...] = field(default=("Ingress", "Egress"))
    pods_having: tuple[str, ...] = ()
    pods_lacking: tuple[str, ...] = ()


def ports(*numbers: int) -> tuple[Port, ...]:
    return tuple(Port(number) for number in numbers)


def outside() -> Peer:
    return Peer(cidr="0.0.0.0/0", excluded=PRIVATE_RANGES)


def infrastructure(env: Environment) -> tuple[Peer, ...]:
    """The cluster's API server and nodes (environments.TargetCluster.infrastructure)."""
    return tuple(Peer(cidr=cidr) for cidr in env.target_cluster.infrastructure)


def api_server(env: Environment, reason: str) -> Rule:
    return Rule(infrastructure(env), ports(*API_SERVER_PORTS), reason)


def network_policies(env: Environment, catalog: Catalog) -> tuple[Policy, ...]:
    policies: list[Policy] = []
    for namespace in env.owned_namespaces:
        policies.append(Policy("default-deny", namespace, {}))
        policies.append(
            Policy(
                "allow-dns",
                namespace,
                {},
                egress=(
                    Rule(
                        (Peer(KUBE_DNS.namespace, KUBE_DNS.pods),),
                        (Port(53, protocol="UDP"), Port(53, protocol="TCP")),
                        "name resolution through kube-dns",
                    ),
                ),
                types=("Egress",),
            )
        )
    policies.extend(_service_policy(env, catalog, service) for service in catalog)
    policies.extend(_redis_policies(env, catalog))
    policies.extend(_mysql_policies(env, catalog))
    policies.extend(_rabbitmq_policies(env, catalog))
    policies.extend(_monitoring_policies(env, catalog))
    if env.tls.enabled:
        policies.extend(_acme_solver_policies(env))
    return tuple(policies)


def _prometheus(env: Environment) -> Peer:
    return Peer(env.monitoring_namespace, PROMETHEUS_PODS)


def _traefik(env: Environment) -> Peer:
    return Peer(env.ingress_namespace, TRAEFIK_PODS)


def _pods_of(env: Environment, services: tuple[Service, ...]) -> tuple[Peer, ...]:
    return tuple(Peer(env.namespace, selector(env, service.name)) for service in services)


def mysql_client_port(env: Environment) -> int:
    """The pod port behind the `mysql` Service: the router's in operator mode, else the server's."""
    return ROUTER_RW_PORT if env.database.operator_managed else 3306


def mysql_client_pods(env: Environment) -> dict[str, str]:
    return OPERATOR_ROUTER_PODS if env.database.operator_managed else selector(env, MYSQL)


def _service_policy(env: Environment, catalog: Catalog, service: Service) -> Policy:
    ingress = []
    callers = catalog.callers_of(service.name)
    for port_name in sorted({call.port for _, call in callers}):
        peers = tuple(Peer(env.namespace, selector(env, caller.name)) for caller, call in callers if call.port == port_name)
        ingress.append(Rule(peers, ports(service.ports[port_name]), f"{port_name} calls declared in the catalog"))
    if service.is_entry_point:
        ingress.append(Rule((_traefik(env),), ports(service.http_port), "the public entry point, through Traefik only"))
    ingress.append(Rule((_prometheus(env),), ports(service.metrics_port), "Prometheus scrapes the metrics port"))
    egress = []
    for call in service.call_targets:
        target = catalog.get(call.service)
        egress.append(
            Rule((Peer(env.namespace, selector(env, target.name)),), ports(target.ports[call.port]), f"calls {target.name}")
        )
    if service.database:
        egress.append(
            Rule((Peer(env.data_namespace, mysql_client_pods(env)),), ports(mysql_client_port(env)), "its MySQL schema")
        )
    if service.uses_redis:
        egress.append(Rule((Peer(env.namespace, selector(env, REDIS)),), _redis_ports(env), "Redis"))
    if service.uses_rabbitmq:
        egress.append(
            Rule(
                (Peer(env.messaging_namespace, {"app.kubernetes.io/name": RABBITMQ}),),
                ports(AMQPS_PORT),
                "RabbitMQ (AMQP over TLS)",
            )
        )
    for endpoint in service.egress:
        egress.append(Rule((Peer(cidr=endpoint.cidr, excluded=PRIVATE_RANGES),), ports(endpoint.port), endpoint.name))
    return Policy(
        service.name,
        env.namespace,
        selector(env, service.name),
        tuple(ingress),
        tuple(egress),
        component="backend",
        owner=service.name,
    )


def _redis_ports(env: Environment) -> tuple[Port, ...]:
    if env.cache.mode is CacheMode.CLUSTER:
        return ports(REDIS_PORT, REDIS_SENTINEL_PORT)
    return ports(REDIS_PORT)


def _redis_policies(env: Environment, catalog: Catalog) -> list[Policy]:
    users = catalog.using("uses_redis")
    if not users:
        return []
    own = Peer(env.namespace, selector(env, REDIS))
    ingress = [
        Rule(_pods_of(env, users), _redis_ports(env), "services that declare Redis in the catalog"),
        Rule((_prometheus(env),), ports(REDIS_EXPORTER_PORT), "Prometheus scrapes redis_exporter"),
    ]
    egress = []
    if env.cache.mode is CacheMode.CLUSTER:
        ingress.append(Rule((own,), _redis_ports(env), "replication and Sentinel between Redis pods"))
        egress.append(Rule((own,), _redis_ports(env), "replication and Sentinel between Redis pods"))
    return [Policy(REDIS, env.namespace, selector(env, REDIS), tuple(ingress), tuple(egress), "cache", REDIS)]


def _mysql_policies(env: Environment, catalog: Catalog) -> list[Policy]:
    users = tuple(service for service in catalog if service.database)
    data = env.data_namespace
    accounts = Peer(data, selector(env, "mysql-accounts"))
    client_port = ports(mysql_client_port(env))
    policies = [
        Policy(
            "mysql-accounts",
            data,
            selector(env, "mysql-accounts"),
            egress=(Rule((Peer(data, mysql_client_pods(env)),), client_port, "applies schemas and users"),),
            component="database-setup",
            owner="mysql-accounts",
        )
    ]
    backup = env.database.backup
    object_store = (
        ()
        if backup is None
        else (Rule(tuple(Peer(cidr=cidr) for cidr in backup.bucket.network), ports(443), "the backup bucket (S3)"),)
    )
    if backup is not None:
        # Locks and prunes the dumps in the bucket: it talks to nothing else.
        policies.append(
            Policy(
                "mysql-backup-retention",
                data,
                selector(env, "mysql-backup-retention"),
                egress=object_store,
                component="database-backup",
                owner="mysql-backup-retention",
            )
        )
    clients = Rule((*_pods_of(env, users), accounts), client_port, "services with a schema, and the accounts job")
    if not env.database.operator_managed:
        policies.append(
            Policy(
                MYSQL,
                data,
                selector(env, MYSQL),
                ingress=(clients, Rule((_prometheus(env),), ports(MYSQL_EXPORTER_PORT), "Prometheus scrapes mysqld-exporter")),
                component="database",
                owner=MYSQL,
            )
        )
        return policies
    servers = Peer(data, OPERATOR_MYSQL_PODS)
    routers = Peer(data, OPERATOR_ROUTER_PODS)
    operator_jobs = Peer(data, having=OPERATOR_JOB_HAVING, lacking=OPERATOR_JOB_LACKING)
    uses_api = api_server(env, "the operator's sidecars and backup jobs use the API")
    policies += [
        Policy(
            "mysql-router",
            data,
            OPERATOR_ROUTER_PODS,
            ingress=(clients,),
            egress=(Rule((servers,), ports(3306, 33060), "routes to the cluster members"),),
            component="database",
            owner=MYSQL,
        ),
        Policy(
            "mysql-server",
            data,
            OPERATOR_MYSQL_PODS,
            ingress=(
                Rule((routers,), ports(3306, 33060), "MySQL Router"),
                Rule((servers,), ports(*MYSQL_GROUP_PORTS), "group replication between members"),
                Rule((Peer(MYSQL_OPERATOR.namespace, MYSQL_OPERATOR.pods),), ports(3306, 33060), "the MySQL Operator"),
                Rule((operator_jobs,), ports(3306), "the operator's backup jobs"),
                Rule((_prometheus(env),), ports(MYSQL_EXPORTER_PORT), "Prometheus scrapes the metrics sidecar"),
            ),
            egress=(Rule((servers,), ports(*MYSQL_GROUP_PORTS), "group replication between members"), uses_api),
            component="database",
            owner=MYSQL,
        ),
        # Backup jobs dump the cluster to the bucket and report to the API.
        Policy(
            "mysql-operator-jobs",
            data,
            {},
            egress=(Rule((servers,), ports(3306), "dumps for backups"), uses_api, *object_store),
            component="database",
            owner=MYSQL,
            types=("Egress",),
            pods_having=OPERATOR_JOB_HAVING,
            pods_lacking=OPERATOR_JOB_LACKING,
        ),
    ]
    return policies


def _rabbitmq_policies(env: Environment, catalog: Catalog) -> list[Policy]:
    pods = {"app.kubernetes.io/name": RABBITMQ}
    own = Peer(env.messaging_namespace, pods)
    clustering = tuple(Port(port, end) for port, end in RABBITMQ_CLUSTERING)
    operators = tuple(Peer(addon.namespace, addon.pods) for addon in (RABBITMQ_CLUSTER_OPERATOR, RABBITMQ_TOPOLOGY_OPERATOR))
    ingress = [
        Rule(
            _pods_of(env, catalog.using("uses_rabbitmq")), ports(AMQPS_PORT), "services that publish or consume events (TLS only)"
        ),
        Rule((own,), clustering, "clustering between nodes"),
        Rule(operators, ports(RABBITMQ_MANAGEMENT_PORT), "the operators manage users and topology over the HTTP API"),
        Rule((_prometheus(env),), ports(RABBITMQ_PROMETHEUS_PORT), "Prometheus scrapes the rabbitmq_prometheus plugin"),
    ]
    if env.admin_source_ranges:
        ingress.append(Rule((_traefik(env),), ports(RABBITMQ_MANAGEMENT_PORT), "management UI, through Traefik's IP allow-list"))
    egress = (
        Rule((own,), clustering, "clustering between nodes"),
        api_server(env, "peer discovery through the Kubernetes API"),
    )
    return [Policy(RABBITMQ, env.messaging_namespace, pods, tuple(ingress), egress, "messaging", RABBITMQ)]


def _monitoring_policies(env: Environment, catalog: Catalog) -> list[Policy]:
    monitoring = env.monitoring_namespace
    service_ports = {service.metrics_port for service in catalog}
    metrics_ports = sorted(service_ports | {MYSQL_EXPORTER_PORT, REDIS_EXPORTER_PORT, RABBITMQ_PROMETHEUS_PORT})
    scraped = tuple(Peer(namespace) for namespace in (env.namespace, env.data_namespace, env.messaging_namespace))
    stack = Peer(monitoring)
    policies = [
        # The stack's own components (Prometheus, Alertmanager, Grafana, operator,
        # kube-state-metrics) talk to each other and to the API server.
        Policy(
            "monitoring-stack",
            monitoring,
            {},
            ingress=(Rule((stack,), (), "between the monitoring stack's components"),),
            egress=(
                Rule((stack,), (), "between the monitoring stack's components"),
                api_server(env, "service discovery and the operator use the API"),
            ),
            component="monitoring",
            owner="monitoring",
        ),
        Policy(
            "prometheus",
            monitoring,
            PROMETHEUS_PODS,
            egress=(
                Rule(scraped, ports(*metrics_ports), "scrapes the platform's metrics ports"),
                *_addon_scrape_rules(env),
                Rule((Peer(KUBE_DNS.namespace, KUBE_DNS.pods),), ports(KUBE_DNS_METRICS_PORT), "scrapes CoreDNS"),
                # node-exporter is not installed (addons.py): only the kubelets' cAdvisor.
                Rule(infrastructure(env), ports(KUBELET_PORT), "scrapes the kubelets' container metrics"),
                *(
                    ()
                    if env.target_cluster.managed_control_plane
                    else (Rule(infrastructure(env), ports(*SELF_MANAGED_CONTROL_PLANE_PORTS), "scrapes the control plane"),)
                ),
            ),
            component="monitoring",
            owner="prometheus",
            types=("Egress",),
        ),
        Policy(
            "alertmanager",
            monitoring,
            ALERTMANAGER_PODS,
            egress=(Rule((outside(),), ports(443, 587), "Slack, webhooks and the SMTP relay"),),
            component="monitoring",
            owner="alertmanager",
            types=("Egress",),
        ),
        # The operator's admission webhook is called by the API server.
        Policy(
            "prometheus-operator-webhook",
            monitoring,
            {"app": "kube-prometheus-stack-operator"},
            ingress=(Rule(infrastructure(env), ports(10250), "admission webhook calls from the API server"),),
            component="monitoring",
            owner="prometheus-operator",
            types=("Ingress",),
        ),
    ]
    if env.admin_source_ranges:
        policies.append(
            Policy(
                "grafana",
                monitoring,
                GRAFANA_PODS,
                ingress=(Rule((_traefik(env),), ports(GRAFANA_PORT), "Grafana UI, through Traefik's IP allow-list"),),
                component="monitoring",
                owner="grafana",
                types=("Ingress",),
            )
        )
    return policies


def _addon_scrape_rules(env: Environment) -> tuple[Rule, ...]:
    """The add-ons' own ServiceMonitors: their alerts fire only if Prometheus reaches them."""
    return tuple(
        Rule((Peer(add_on.namespace, endpoint.pods),), ports(endpoint.port), f"scrapes {add_on.name}")
        for add_on in add_ons(env)
        for endpoint in add_on.metrics
    )


def _acme_solver_policies(env: Environment) -> list[Policy]:
    """cert-manager answers HTTP-01 challenges from pods beside each Certificate."""
    namespaces = [env.namespace]
    if env.admin_source_ranges:
        namespaces += [env.monitoring_namespace, env.messaging_namespace]
    return [
        Policy(
            "acme-http01-solver",
            namespace,
            ACME_SOLVER_PODS,
            ingress=(Rule((_traefik(env),), ports(ACME_SOLVER_PORT), "Let's Encrypt reaches the solver through Traefik"),),
            component="tls",
            owner="cert-manager",
            types=("Ingress",),
        )
        for namespace in namespaces
    ]


class NetworkPolicies(Part):
    def __init__(self, scope: Construct, id: str, env: Environment, policies: tuple[Policy, ...]) -> None:
        super().__init__(scope, id, env)
        for policy in policies:
            k8s.KubeNetworkPolicy(
                self,
                f"{policy.namespace}-{policy.name}",
                metadata=self.meta(
                    policy.name,
                    labels(env, policy.owner, policy.component),
                    policy.namespace,
                    annotations=_explanation(policy),
                ),
                spec=k8s.NetworkPolicySpec(
                    pod_selector=_selector(policy.pods, policy.pods_having, policy.pods_lacking),
                    policy_types=list(policy.types),
                    # No rule at all denies everything in that direction.
                    ingress=[_ingress(rule, policy.namespace) for rule in policy.ingress] or None,
                    egress=[_egress(rule, policy.namespace) for rule in policy.egress] or None,
                ),
            )


def _explanation(policy: Policy) -> dict[str, str] | None:
    """Why each rule exists, since a NetworkPolicy has nowhere else to say it."""
    reasons = [f"ingress: {rule.reason}" for rule in policy.ingress] + [f"egress: {rule.reason}" for rule in policy.egress]
    return {"e-commerce/allows": "; ".join(reasons)} if reasons else None


def _peer(peer: Peer, own_namespace: str) -> k8s.NetworkPolicyPeer:
    if peer.cidr is not None:
        return k8s.NetworkPolicyPeer(ip_block=k8s.IpBlock(cidr=peer.cidr, except_=list(peer.excluded) or None))
    namespace = peer.namespace or own_namespace
    return k8s.NetworkPolicyPeer(
        namespace_selector=k8s.LabelSelector(match_labels={"kubernetes.io/metadata.name": namespace}),
        pod_selector=_selector(peer.pods, peer.having, peer.lacking),
    )


def _selector(pods: Mapping[str, str] | None, having: tuple[str, ...], lacking: tuple[str, ...]) -> k8s.LabelSelector:
    expressions = [k8s.LabelSelectorRequirement(key=key, operator="Exists") for key in having]
    expressions += [k8s.LabelSelectorRequirement(key=key, operator="DoesNotExist") for key in lacking]
    return k8s.LabelSelector(match_labels=dict(pods) if pods else None, match_expressions=expressions or None)


def _ports(rule: Rule) -> list[k8s.NetworkPolicyPort] | None:
    if not rule.ports:
        return None
    return [k8s.NetworkPolicyPort(port=int_or_string(p.port), end_port=p.end_port, protocol=p.protocol) for p in rule.ports]


def _ingress(rule: Rule, namespace: str) -> k8s.NetworkPolicyIngressRule:
    return k8s.NetworkPolicyIngressRule(from_=[_peer(peer, namespace) for peer in rule.peers], ports=_ports(rule))


def _egress(rule: Rule, namespace: str) -> k8s.NetworkPolicyEgressRule:
    return k8s.NetworkPolicyEgressRule(to=[_peer(peer, namespace) for peer in rule.peers], ports=_ports(rule))
