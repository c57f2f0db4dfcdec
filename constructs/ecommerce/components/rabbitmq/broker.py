"""RabbitMQ: a cluster run by the RabbitMQ Cluster Operator, and its topology, derived from
the catalog, run by the Messaging Topology Operator.

Topology: one vhost for the shop; a topic exchange for domain events, routed by event name
("order.placed"); one durable queue per consuming service (quorum queues where the
environment says so), bound to the events it consumes; a dead-letter exchange and queue
for messages that fail too often; one user per service with exactly the rights it needs:
write to the events exchange if it publishes, read its own queue if it consumes, and
never declare or delete anything (the operator owns the topology).

Decided: the services do not declare their own queues. A queue declared by a client would
escape the catalog (no binding, dead-lettering or quorum type from the model) and need the
configure permission, which would also let it delete queues. Clients that declare at start-up
declare passively (the wiring says `RABBITMQ_DECLARE=passive`), which RabbitMQ allows
without any permission and which fails fast if the topology is missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, TypedDict

from cdk8s_plus_27 import k8s
from constructs import Construct

from ecommerce.components.internal_tls import certificate, service_dns_names
from ecommerce.components.meta import Part, int_or_string
from ecommerce.components.pods import anti_affinity, typed
from ecommerce.derived.endpoints import DEAD_LETTER_EXCHANGE, DEAD_LETTER_QUEUE, EVENTS_EXCHANGE, RABBITMQ, RABBITMQ_VHOST
from ecommerce.derived.labels import labels
from ecommerce.derived.secret_specs import rabbitmq_user_secret
from ecommerce.errors import require
from ecommerce.model.catalog import Catalog, Service
from ecommerce.model.environments import Environment
from ecommerce.model.images import ImageRef
from imports.rabbitmq_bindings.com import rabbitmq as bindings
from imports.rabbitmq_clusters.com import rabbitmq as clusters
from imports.rabbitmq_exchanges.com import rabbitmq as exchanges
from imports.rabbitmq_permissions.com import rabbitmq as permissions
from imports.rabbitmq_queues.com import rabbitmq as queues
from imports.rabbitmq_users.com import rabbitmq as users
from imports.rabbitmq_vhosts.com import rabbitmq as vhosts

# A message redelivered this many times goes to the dead-letter queue instead of looping.
DELIVERY_LIMIT = 10
SERVER_CONFIG = """\
cluster_partition_handling = pause_minority
vm_memory_high_watermark.relative = 0.6
disk_free_limit.relative = 1.5
collect_statistics_interval = 10000
"""
NOTHING = "^$"
# The server's certificate from the internal CA, with the CA's certificate as `ca.crt`.
TLS_CERTIFICATE = "rabbitmq-tls"
# The operator labels the pods of a cluster with its name.
OPERATOR_POD_LABELS = {"app.kubernetes.io/name": RABBITMQ}


class _HardenedContainer(TypedDict):
    """One container's restricted security context, the same for the override's two container
    classes (generated separately, though they take the same fields)."""

    allow_privilege_escalation: bool
    run_as_non_root: bool
    capabilities: dict[str, Any]
    seccomp_profile: dict[str, Any]


@dataclass(frozen=True)
class RabbitMqProps:
    catalog: Catalog
    image: ImageRef

    def __post_init__(self) -> None:
        require(
            bool(self.catalog.rabbitmq_users),
            "rabbitmq",
            "no service publishes or consumes events: the catalog gives RabbitMQ nothing to do",
        )


def resource_name(text: str) -> str:
    """A Kubernetes object name for a RabbitMQ entity name ("orders.events" -> "orders-events")."""
    return re.sub(r"[^a-z0-9-]+", "-", text.lower()).strip("-")


def exact(name: str) -> str:
    """A permission regex matching exactly one entity name."""
    return f"^{re.escape(name)}$"


class RabbitMq(Part):
    def __init__(self, scope: Construct, id: str, env: Environment, props: RabbitMqProps) -> None:
        super().__init__(scope, id, env)
        self.props = props
        self.namespace = env.messaging_namespace
        self.labels = labels(env, RABBITMQ, "messaging", props.image.tag)
        self.topology_labels = labels(env, RABBITMQ, "messaging-topology")
        self._certificate()
        self._cluster()
        if env.messaging.replicas > 1:
            self._disruption_budget()
        self._topology()

    def _cluster(self) -> None:
        env, props = self.env, self.props
        messaging = env.messaging
        sizes = messaging.resources
        spec = clusters.RabbitmqClusterSpec(
            replicas=messaging.replicas,
            image=str(props.image),
            resources=clusters.RabbitmqClusterSpecResources(
                requests={
                    "cpu": clusters.RabbitmqClusterSpecResourcesRequests.from_string(sizes.cpu_request),
                    "memory": clusters.RabbitmqClusterSpecResourcesRequests.from_string(sizes.memory_request),
                },
                limits={
                    "cpu": clusters.RabbitmqClusterSpecResourcesLimits.from_string(sizes.cpu_limit),
                    "memory": clusters.RabbitmqClusterSpecResourcesLimits.from_string(sizes.memory_limit),
                },
            ),
            persistence=clusters.RabbitmqClusterSpecPersistence(
                storage=clusters.RabbitmqClusterSpecPersistenceStorage.from_string(messaging.storage)
            ),
            # Management UI and the Prometheus endpoint are always on (the operator's required plugins).
            rabbitmq=clusters.RabbitmqClusterSpecRabbitmq(additional_config=SERVER_CONFIG),
            service=clusters.RabbitmqClusterSpecService(type=clusters.RabbitmqClusterSpecServiceType.CLUSTER_IP),
            # AMQPS on 5671 for the services (components/network_policies.py admits them there only). The plain
            # listeners stay for the Topology Operator, whose HTTPS client would not trust the
            # internal CA (it runs with CONNECT_USING_PLAIN_HTTP), and for Prometheus (15692).
            tls=clusters.RabbitmqClusterSpecTls(secret_name=TLS_CERTIFICATE, ca_secret_name=TLS_CERTIFICATE),
            affinity=typed(clusters.RabbitmqClusterSpecAffinity, anti_affinity(OPERATOR_POD_LABELS))
            if env.spread_across_zones
            else None,
            override=self._restricted_pods(),
        )
        clusters.RabbitmqCluster(
            self,
            "cluster",
            metadata=self.cr_meta(RABBITMQ, self.labels, self.namespace),
            spec=spec,
        )

    def _certificate(self) -> None:
        """The Service's names and each node's (cluster peers reach each other by pod name)."""
        names = service_dns_names(RABBITMQ, self.namespace)
        nodes = f"*.{RABBITMQ}-nodes.{self.namespace}.svc"
        certificate(self, self.env, "tls", TLS_CERTIFICATE, self.namespace, dns_names=(*names, nodes))

    def _disruption_budget(self) -> None:
        """The operator creates none: without it, a node drain may evict two of three nodes at
        once, and quorum queues, which need a majority, stop taking messages."""
        k8s.KubePodDisruptionBudget(
            self,
            "disruption-budget",
            metadata=self.meta(RABBITMQ, self.labels, self.namespace),
            spec=k8s.PodDisruptionBudgetSpec(
                # One node at a time whatever the size: each quorum queue needs a majority of
                # its members up.
                max_unavailable=int_or_string(1),
                selector=k8s.LabelSelector(match_labels=OPERATOR_POD_LABELS),
            ),
        )

    def _restricted_pods(self) -> clusters.RabbitmqClusterSpecOverride:
        """Makes the operator's pods meet the restricted Pod Security Standard.

        The operator merges this into its StatefulSet by container name; it keeps its own
        user (999), which is not root.
        """
        c = clusters
        seccomp = {"type": "RuntimeDefault"}
        hardened: _HardenedContainer = {
            "allow_privilege_escalation": False,
            "run_as_non_root": True,
            "capabilities": {"drop": ["ALL"]},
            "seccomp_profile": seccomp,
        }
        return c.RabbitmqClusterSpecOverride(
            stateful_set=c.RabbitmqClusterSpecOverrideStatefulSet(
                spec=c.RabbitmqClusterSpecOverrideStatefulSetSpec(
                    template=c.RabbitmqClusterSpecOverrideStatefulSetSpecTemplate(
                        spec=c.RabbitmqClusterSpecOverrideStatefulSetSpecTemplateSpec(
                            security_context=c.RabbitmqClusterSpecOverrideStatefulSetSpecTemplateSpecSecurityContext(
                                run_as_non_root=True,
                                seccomp_profile=c.RabbitmqClusterSpecOverrideStatefulSetSpecTemplateSpecSecurityContextSeccompProfile(
                                    **seccomp
                                ),
                            ),
                            containers=[
                                c.RabbitmqClusterSpecOverrideStatefulSetSpecTemplateSpecContainers(
                                    name="rabbitmq",
                                    security_context=c.RabbitmqClusterSpecOverrideStatefulSetSpecTemplateSpecContainersSecurityContext(
                                        **hardened
                                    ),
                                )
                            ],
                            init_containers=[
                                c.RabbitmqClusterSpecOverrideStatefulSetSpecTemplateSpecInitContainers(
                                    name="setup-container",
                                    security_context=c.RabbitmqClusterSpecOverrideStatefulSetSpecTemplateSpecInitContainersSecurityContext(
                                        **hardened
                                    ),
                                )
                            ],
                        )
                    )
                )
            )
        )

    def _topology(self) -> None:
        env, catalog = self.env, self.props.catalog
        quorum = env.messaging.quorum_queues
        vhosts.Vhost(
            self,
            "vhost",
            metadata=self.cr_meta(RABBITMQ_VHOST, self.topology_labels, self.namespace),
            spec=vhosts.VhostSpec(
                name=RABBITMQ_VHOST,
                rabbitmq_cluster_reference=vhosts.VhostSpecRabbitmqClusterReference(name=RABBITMQ),
                default_queue_type=vhosts.VhostSpecDefaultQueueType.QUORUM
                if quorum
                else vhosts.VhostSpecDefaultQueueType.CLASSIC,
            ),
        )
        for exchange in (EVENTS_EXCHANGE, DEAD_LETTER_EXCHANGE):
            exchanges.Exchange(
                self,
                f"exchange-{exchange}",
                metadata=self.cr_meta(resource_name(exchange), self.topology_labels, self.namespace),
                spec=exchanges.ExchangeSpec(
                    name=exchange,
                    type="topic",
                    durable=True,
                    auto_delete=False,
                    vhost=RABBITMQ_VHOST,
                    rabbitmq_cluster_reference=exchanges.ExchangeSpecRabbitmqClusterReference(name=RABBITMQ),
                ),
            )
        # Dead letters keep their routing key, so one queue bound to everything collects them.
        self._queue(DEAD_LETTER_QUEUE, dead_letters=False)
        self._binding(DEAD_LETTER_EXCHANGE, DEAD_LETTER_QUEUE, "#")
        for service in catalog.rabbitmq_users:
            if service.consumes:
                self._queue(service.queue, dead_letters=True)
                for event in service.consumes:
                    self._binding(EVENTS_EXCHANGE, service.queue, event)
            self._user(service)

    def _queue(self, name: str, dead_letters: bool) -> None:
        quorum = self.env.messaging.quorum_queues
        arguments: dict[str, object] = {}
        if dead_letters:
            arguments["x-dead-letter-exchange"] = DEAD_LETTER_EXCHANGE
            if quorum:
                arguments["x-delivery-limit"] = DELIVERY_LIMIT
        queues.Queue(
            self,
            f"queue-{name}",
            metadata=self.cr_meta(resource_name(name), self.topology_labels, self.namespace),
            spec=queues.QueueSpec(
                name=name,
                type="quorum" if quorum else "classic",
                durable=True,
                auto_delete=False,
                vhost=RABBITMQ_VHOST,
                arguments=arguments or None,
                rabbitmq_cluster_reference=queues.QueueSpecRabbitmqClusterReference(name=RABBITMQ),
            ),
        )

    def _binding(self, source: str, queue: str, routing_key: str) -> None:
        name = resource_name(f"{queue}.{'all' if routing_key == '#' else routing_key}")
        bindings.Binding(
            self,
            f"binding-{name}",
            metadata=self.cr_meta(name, self.topology_labels, self.namespace),
            spec=bindings.BindingSpec(
                source=source,
                destination=queue,
                destination_type=bindings.BindingSpecDestinationType.QUEUE,
                routing_key=routing_key,
                vhost=RABBITMQ_VHOST,
                rabbitmq_cluster_reference=bindings.BindingSpecRabbitmqClusterReference(name=RABBITMQ),
            ),
        )

    def _user(self, service: Service) -> None:
        name = service.name
        users.User(
            self,
            f"user-{name}",
            metadata=self.cr_meta(name, self.topology_labels, self.namespace),
            spec=users.UserSpec(
                import_credentials_secret=users.UserSpecImportCredentialsSecret(name=rabbitmq_user_secret(service)),
                rabbitmq_cluster_reference=users.UserSpecRabbitmqClusterReference(name=RABBITMQ),
            ),
        )
        permissions.Permission(
            self,
            f"permission-{name}",
            metadata=self.cr_meta(name, self.topology_labels, self.namespace),
            spec=permissions.PermissionSpec(
                vhost=RABBITMQ_VHOST,
                user_reference=permissions.PermissionSpecUserReference(name=name),
                permissions=permissions.PermissionSpecPermissions(
                    configure=NOTHING,
                    write=exact(EVENTS_EXCHANGE) if service.publishes else NOTHING,
                    read=exact(service.queue) if service.consumes else NOTHING,
                ),
                rabbitmq_cluster_reference=permissions.PermissionSpecRabbitmqClusterReference(name=RABBITMQ),
            ),
        )
