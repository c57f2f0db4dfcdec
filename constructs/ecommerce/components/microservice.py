"""One catalog service in one environment: ServiceAccount, ConfigMap, Deployment, Service,
and where the environment asks for them a HorizontalPodAutoscaler and a PodDisruptionBudget."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from cdk8s_plus_27 import k8s
from constructs import Construct

from ecommerce.components.meta import Part, int_or_string
from ecommerce.components.pods import empty_dir, http_probe, resources, secret_volume
from ecommerce.components.quotas import Footprint
from ecommerce.components.security import container_security_context, pod_security_context
from ecommerce.derived.endpoints import CA_FILE, CA_KEY, CA_MOUNT, CA_SECRET
from ecommerce.derived.labels import labels, selector
from ecommerce.derived.wiring import SECRETS_MOUNT, SERVICE_HTTP_PORT
from ecommerce.errors import ConfigError, require
from ecommerce.model.catalog import Service
from ecommerce.model.environments import Environment
from ecommerce.model.images import ImageRef

COMPONENT = "backend"
CONTAINER = "app"
# Settings whose name says "credential" must come from the Secret, never from the ConfigMap.
CREDENTIAL_NAME = re.compile(r"(PASSWORD|SECRET|TOKEN|PRIVATE_KEY|API_KEY)$")
# PHP writes compiled templates and opcache files here; the root filesystem is read-only.
WRITABLE_PATHS = {"tmp": ("/tmp", "64Mi"), "cache": ("/app/var/cache", "256Mi")}
# Seconds the pod keeps serving after it is marked terminating, so that endpoints and the
# ingress stop sending it traffic before the process is told to stop.
PRE_STOP_PAUSE = 5
TERMINATION_GRACE_SECONDS = 30


@dataclass(frozen=True)
class MicroserviceProps:
    service: Service
    image: ImageRef
    # Non-secret settings, published in the ConfigMap and as environment variables.
    settings: Mapping[str, str] = field(default_factory=dict)
    # Keys of the Secret `service.secret_name`, mounted as files under SECRETS_MOUNT.
    secret_keys: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "settings", MappingProxyType(dict(self.settings)))
        where = f"{self.service.name}: settings"
        for key, value in self.settings.items():
            require(isinstance(value, str), f"{where}: {key}", f"must be a string (got {value!r})")
            if CREDENTIAL_NAME.search(key):
                raise ConfigError(f"{where}: {key}", "looks like a credential: put it in secret_keys, not in the ConfigMap")
        require(len(set(self.secret_keys)) == len(self.secret_keys), f"{self.service.name}: secret_keys", "duplicate key")


class Microservice(Part):
    def __init__(self, scope: Construct, id: str, env: Environment, props: MicroserviceProps) -> None:
        super().__init__(scope, id, env)
        service = props.service
        self.props = props
        self.name = service.name
        self.object_labels = labels(env, service.name, COMPONENT, props.image.tag)
        self.selector = selector(env, service.name)
        namespace = env.namespace

        self.service_account(service.name, self.object_labels, namespace)
        self.config_map = k8s.KubeConfigMap(
            self,
            "config",
            metadata=self.meta(f"{service.name}-config", self.object_labels, namespace),
            data=dict(props.settings),
        )
        self.deployment = k8s.KubeDeployment(
            self,
            "deployment",
            metadata=self.meta(service.name, self.object_labels, namespace),
            spec=self._deployment_spec(env, props),
        )
        self.service = k8s.KubeService(
            self,
            "service",
            metadata=self.meta(service.name, self.object_labels, namespace),
            spec=k8s.ServiceSpec(
                type="ClusterIP",
                selector=self.selector,
                ports=[
                    k8s.ServicePort(name="http", port=SERVICE_HTTP_PORT, target_port=int_or_string("http"), protocol="TCP"),
                    k8s.ServicePort(
                        name="metrics",
                        port=service.metrics_port,
                        target_port=int_or_string("metrics"),
                        protocol="TCP",
                    ),
                ],
            ),
        )
        if env.autoscaling is not None:
            self._autoscaler(env)
        if env.pod_disruption_budget:
            k8s.KubePodDisruptionBudget(
                self,
                "disruption-budget",
                metadata=self.meta(service.name, self.object_labels, namespace),
                spec=k8s.PodDisruptionBudgetSpec(
                    max_unavailable=int_or_string(env.max_unavailable),
                    selector=k8s.LabelSelector(match_labels=self.selector),
                ),
            )

    def _deployment_spec(self, env: Environment, props: MicroserviceProps) -> k8s.DeploymentSpec:
        service = props.service
        pod_labels = dict(self.object_labels)
        return k8s.DeploymentSpec(
            # With an autoscaler the HPA owns the replica count: a fixed number here would
            # be re-applied on every sync and fight it.
            replicas=None if env.autoscaling is not None else env.replicas,
            revision_history_limit=5,
            selector=k8s.LabelSelector(match_labels=self.selector),
            strategy=k8s.DeploymentStrategy(
                type="RollingUpdate",
                rolling_update=k8s.RollingUpdateDeployment(max_surge=int_or_string(1), max_unavailable=int_or_string(0)),
            ),
            template=k8s.PodTemplateSpec(
                metadata=k8s.ObjectMeta(
                    labels=pod_labels,
                    annotations={
                        # A settings change rolls the pods, which read them only at start.
                        "checksum/config": _checksum(props.settings),
                        "kubectl.kubernetes.io/default-container": CONTAINER,
                        # Services log one JSON object per line; Fluent Bit parses it as such.
                        "fluentbit.io/parser": "json",
                    },
                ),
                spec=k8s.PodSpec(
                    service_account_name=service.name,
                    automount_service_account_token=False,
                    enable_service_links=False,
                    termination_grace_period_seconds=TERMINATION_GRACE_SECONDS,
                    security_context=pod_security_context(),
                    topology_spread_constraints=self._spread(env) or None,
                    containers=[self._container(env, props)],
                    volumes=self._volumes(props),
                ),
            ),
        )

    def _container(self, env: Environment, props: MicroserviceProps) -> k8s.Container:
        service = props.service
        mounts = [k8s.VolumeMount(name=name, mount_path=path) for name, (path, _) in WRITABLE_PATHS.items()]
        if props.secret_keys:
            mounts.append(k8s.VolumeMount(name="secrets", mount_path=SECRETS_MOUNT, read_only=True))
        if _trusts_internal_ca(props):
            mounts.append(k8s.VolumeMount(name="internal-ca", mount_path=CA_MOUNT, read_only=True))
        return k8s.Container(
            name=CONTAINER,
            image=str(props.image),
            image_pull_policy="IfNotPresent",
            ports=[
                k8s.ContainerPort(name="http", container_port=service.http_port, protocol="TCP"),
                k8s.ContainerPort(name="metrics", container_port=service.metrics_port, protocol="TCP"),
            ],
            env_from=[k8s.EnvFromSource(config_map_ref=k8s.ConfigMapEnvSource(name=f"{service.name}-config"))],
            env=[_from_pod_field("POD_NAME", "metadata.name"), _from_pod_field("POD_NAMESPACE", "metadata.namespace")],
            resources=resources(env.resources),
            startup_probe=http_probe(service.startup_path, "http", period=5, failures=24),
            readiness_probe=http_probe(service.readiness_path, "http", period=5, failures=3),
            liveness_probe=http_probe(service.liveness_path, "http", period=10, failures=3),
            lifecycle=k8s.Lifecycle(
                pre_stop=k8s.LifecycleHandler(exec=k8s.ExecAction(command=["sleep", str(PRE_STOP_PAUSE)])),
            ),
            security_context=container_security_context(),
            volume_mounts=mounts,
        )

    def _volumes(self, props: MicroserviceProps) -> list[k8s.Volume]:
        volumes = [empty_dir(name, size) for name, (_, size) in WRITABLE_PATHS.items()]
        if props.secret_keys:
            volumes.append(secret_volume("secrets", props.service.secret_name, list(props.secret_keys)))
        if _trusts_internal_ca(props):
            # The CA certificate only: the same Secret holds a key pair nobody here uses.
            volumes.append(secret_volume("internal-ca", CA_SECRET, [CA_KEY], mode=0o444))
        return volumes

    def _spread(self, env: Environment) -> list[k8s.TopologySpreadConstraint]:
        if not env.spread_across_zones:
            return []
        match = k8s.LabelSelector(match_labels=self.selector)
        # Zones strictly (a zone outage must leave replicas), nodes as far as possible.
        # pod-template-hash: each rollout's pods are spread on their own.
        return [
            k8s.TopologySpreadConstraint(
                topology_key=key,
                max_skew=1,
                when_unsatisfiable=when,
                label_selector=match,
                match_label_keys=["pod-template-hash"],
            )
            for key, when in (("topology.kubernetes.io/zone", "DoNotSchedule"), ("kubernetes.io/hostname", "ScheduleAnyway"))
        ]

    def _autoscaler(self, env: Environment) -> None:
        scaling = env.autoscaling
        assert scaling is not None

        def utilization(resource: str, percent: int) -> k8s.MetricSpecV2:
            return k8s.MetricSpecV2(
                type="Resource",
                resource=k8s.ResourceMetricSourceV2(
                    name=resource,
                    target=k8s.MetricTargetV2(type="Utilization", average_utilization=percent),
                ),
            )

        k8s.KubeHorizontalPodAutoscalerV2(
            self,
            "autoscaler",
            metadata=self.meta(self.name, self.object_labels, env.namespace),
            spec=k8s.HorizontalPodAutoscalerSpecV2(
                scale_target_ref=k8s.CrossVersionObjectReferenceV2(api_version="apps/v1", kind="Deployment", name=self.name),
                min_replicas=scaling.min_replicas,
                max_replicas=scaling.max_replicas,
                metrics=[utilization("cpu", scaling.cpu_utilization), utilization("memory", scaling.memory_utilization)],
                behavior=k8s.HorizontalPodAutoscalerBehaviorV2(
                    # Scale down slowly: a shop's traffic comes in waves.
                    scale_down=k8s.HpaScalingRulesV2(
                        stabilization_window_seconds=300,
                        policies=[k8s.HpaScalingPolicyV2(type="Pods", value=1, period_seconds=60)],
                    ),
                ),
            ),
        )


def _from_pod_field(name: str, path: str) -> k8s.EnvVar:
    return k8s.EnvVar(name=name, value_from=k8s.EnvVarSource(field_ref=k8s.ObjectFieldSelector(field_path=path)))


def _checksum(settings: Mapping[str, str]) -> str:
    return hashlib.sha256(json.dumps(dict(settings), sort_keys=True).encode()).hexdigest()


def microservice_footprint(env: Environment) -> Footprint:
    """A service's pods at their most: every replica the environment allows, plus one rollout surge."""
    most = env.autoscaling.max_replicas if env.autoscaling is not None else env.replicas
    return Footprint(most + 1, (env.resources,))


def _trusts_internal_ca(props: MicroserviceProps) -> bool:
    """Whether the wiring points the service at the internal CA's certificate (a TLS data store)."""
    return CA_FILE in props.settings.values()
