"""The cluster add-ons the platform needs, from pinned upstream releases, with Helm values
derived from the environment model. Argo CD installs them (components/argocd.py); docs/operators.md
lists the same installs as commands for clusters without Argo CD."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import yaml

from ecommerce.derived.labels import ALERTMANAGER_SELECTOR, DASHBOARD_LABEL, PROMETHEUS_SELECTOR
from ecommerce.derived.secret_specs import GRAFANA_ADMIN_SECRET
from ecommerce.model.environments import Environment, LoadBalancer, SecretStoreKind
from ecommerce.model.installed_add_ons import (
    CERT_MANAGER_METRICS,
    EXTERNAL_SECRETS_METRICS,
    GRAFANA_SERVICE,
    MYSQL_OPERATOR,
    RABBITMQ_CLUSTER_OPERATOR,
    TRAEFIK_METRICS,
    MetricsEndpoint,
    image_digest,
)
from ecommerce.model.project import REPOSITORY_URL


@dataclass(frozen=True)
class AddOn:
    """A cluster add-on installed from a pinned upstream release."""

    name: str
    # The upstream version it installs, which must be the one whose CRDs imports/ holds.
    app_version: str
    namespace: str
    wave: int
    repo_url: str
    # A Helm chart and its exact version, or a path of this repository whose
    # kustomization references a versioned upstream release manifest.
    chart: str | None
    version: str | None
    values: Callable[[Environment], dict] | None = None
    path: str | None = None
    wanted: Callable[[Environment], bool] = lambda env: True
    # Pod Security Standard of the namespace its Application creates; None where another
    # owns the namespace: the platform (monitoring) or the add-on's own manifest.
    pod_security: str | None = "restricted"
    # What its own ServiceMonitors scrape, which Prometheus' network policy must reach.
    metrics: tuple[MetricsEndpoint, ...] = ()
    # Namespaces besides its own where its Application writes (the Roles of a namespaced
    # RBAC), which its project must accept as destinations.
    other_namespaces: Callable[[Environment], tuple[str, ...]] = lambda env: ()


def _replicas(env: Environment) -> int:
    """Two of each controller wherever the services themselves run more than one replica."""
    return 1 if env.replicas == 1 else 2


def _requests(cpu: str, memory: str) -> dict:
    return {"requests": {"cpu": cpu, "memory": memory}, "limits": {"memory": memory}}


# Images pinned by digest (cluster_addons.ADD_ON_IMAGE_DIGESTS), in each chart's own value
# names; the platform check holds every rendered image to the lock, so a chart that ignored
# one of these would fail it.
def _sha(image: str) -> dict:
    """kube-prometheus-stack's and Grafana's `image.sha`: the hex digest, the tag left to the chart."""
    return {"sha": image_digest(image).removeprefix("sha256:")}


def _tag_and_digest(image: str) -> dict:
    """cert-manager's `image.tag` and `image.digest`, rendered `<repository>:<tag>@<digest>`."""
    return {"tag": image.rpartition(":")[2], "digest": image_digest(image)}


PROMETHEUS_OPERATOR_VERSION = "v0.93.0"
CERT_MANAGER_VERSION = "v1.21.1"
TRAEFIK_VERSION = "v3.7.9"


def _kube_prometheus_stack(env: Environment) -> dict:
    monitoring = env.monitoring
    prometheus_spec: dict = {
        "image": _sha("quay.io/prometheus/prometheus:v3.13.2-distroless"),
        "retention": monitoring.retention,
        "scrapeInterval": monitoring.scrape_interval,
        "replicas": _replicas(env),
        "serviceMonitorSelector": {"matchLabels": PROMETHEUS_SELECTOR},
        "podMonitorSelector": {"matchLabels": PROMETHEUS_SELECTOR},
        "ruleSelector": {"matchLabels": PROMETHEUS_SELECTOR},
        "serviceMonitorNamespaceSelector": {},
        "ruleNamespaceSelector": {},
        "resources": _requests(monitoring.prometheus_cpu, monitoring.prometheus_memory),
        "storageSpec": {
            "volumeClaimTemplate": {
                "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": monitoring.prometheus_storage}}}
            }
        },
    }
    # A managed control plane hides the scheduler, the controller manager and etcd, and its
    # nodes keep kube-proxy's metrics on localhost (or replace kube-proxy): scraping them
    # would only fire their Down alerts and TargetDown forever. Their rules go with them.
    self_managed = not env.target_cluster.managed_control_plane
    control_plane = {
        component: {"enabled": self_managed} for component in ("kubeControllerManager", "kubeScheduler", "kubeEtcd", "kubeProxy")
    }
    return control_plane | {
        # The CRDs come first, from their own Application (MONITORING_CRDS).
        "crds": {"enabled": False},
        # node-exporter needs the host's network and PID namespaces, which the restricted
        # monitoring namespace refuses; node metrics belong to the cluster's own stack, and
        # so do the alerts on them.
        "nodeExporter": {"enabled": False},
        "defaultRules": {
            "rules": {
                # Rules on node_* metrics, which only node-exporter serves.
                "nodeExporterAlerting": False,
                "nodeExporterRecording": False,
                "node": False,
                "kubePrometheusNodeRecording": False,
                "network": False,
                # The chart's kubelet ServiceMonitor drops container_memory_swap, which this
                # recording rule reads: it would record nothing, forever.
                "k8sContainerMemorySwap": False,
                # Alertmanager's own rules, where there is an Alertmanager.
                "alertmanager": monitoring.alerting,
            }
        },
        "prometheusOperator": {
            "image": _sha(f"quay.io/prometheus-operator/prometheus-operator:{PROMETHEUS_OPERATOR_VERSION}"),
            "prometheusConfigReloader": {
                "image": _sha(f"quay.io/prometheus-operator/prometheus-config-reloader:{PROMETHEUS_OPERATOR_VERSION}")
            },
            "thanosImage": _sha("quay.io/thanos/thanos:v0.42.4"),
        },
        "kube-state-metrics": {
            # Its chart wants the digest with its algorithm, unlike the others' `sha`.
            "image": {"sha": image_digest("registry.k8s.io/kube-state-metrics/kube-state-metrics:v2.19.1")},
            # kube-state-metrics' own metrics (its telemetry port), which its
            # KubeStateMetrics* alerts read.
            "selfMonitor": {"enabled": True},
            # Its secrets collector lists every Secret of the cluster (and its ClusterRole
            # grants that) for kube_secret_* series no rule or dashboard reads.
            "collectorsExclude": ["secrets"],
        },
        "prometheus": {"prometheusSpec": prometheus_spec},
        "grafana": _grafana(env),
        "alertmanager": {
            "enabled": monitoring.alerting,
            "alertmanagerSpec": {
                "image": _sha("quay.io/prometheus/alertmanager:v0.33.1"),
                "replicas": _replicas(env),
                "alertmanagerConfigSelector": {"matchLabels": ALERTMANAGER_SELECTOR},
                # Route alerts of every namespace, not only of the AlertmanagerConfig's own.
                "alertmanagerConfigMatcherStrategy": {"type": "None"},
            },
        },
    }


# kube-prometheus-stack's namespace (its Application's destination, ADD_ONS), where Grafana runs.
MONITORING_STACK_NAMESPACE = "monitoring"
# The Role Grafana's sidecars get instead of the chart's, which reads every Secret.
GRAFANA_SIDECAR_ROLE = "grafana-sidecar"


def grafana_namespaces(env: Environment) -> list[str]:
    """Where Grafana's sidecars look for ConfigMaps: its own namespace (datasources) and the one
    of the dashboards."""
    return sorted({MONITORING_STACK_NAMESPACE, env.monitoring_namespace})


def _grafana(env: Environment) -> dict:
    """Grafana, published to admins, whose sidecars load dashboards and datasources. The chart
    binds them a ClusterRole that reads every ConfigMap and Secret of the cluster; ours
    (namespaced, through a Role of our own) reads the ConfigMaps of the namespaces they search,
    and no Secret: the dashboards and datasources are ConfigMaps."""
    namespaces = grafana_namespaces(env)
    configmaps_only = {"resource": "configmap"}
    return {
        "enabled": env.monitoring.dashboards,
        "fullnameOverride": GRAFANA_SERVICE,
        "image": _sha("docker.io/grafana/grafana:13.1.3"),
        "admin": {"existingSecret": GRAFANA_ADMIN_SECRET, "userKey": "admin-user", "passwordKey": "admin-password"},
        "rbac": {
            "namespaced": True,
            "useExistingRole": GRAFANA_SIDECAR_ROLE,
            # The chart binds the Role in its own namespace and in these.
            "namespaces": [namespace for namespace in namespaces if namespace != MONITORING_STACK_NAMESPACE],
        },
        "extraObjects": [
            {
                "apiVersion": "rbac.authorization.k8s.io/v1",
                "kind": "Role",
                "metadata": {"name": GRAFANA_SIDECAR_ROLE, "namespace": namespace},
                "rules": [{"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get", "list", "watch"]}],
            }
            for namespace in namespaces
        ],
        "sidecar": {
            "image": _sha("quay.io/kiwigrid/k8s-sidecar:2.10.1"),
            "dashboards": configmaps_only
            | {
                "enabled": True,
                "label": next(iter(DASHBOARD_LABEL)),
                "labelValue": next(iter(DASHBOARD_LABEL.values())),
                "folderAnnotation": "grafana_folder",
                "searchNamespace": env.monitoring_namespace,
                "provider": {"foldersFromFilesStructure": True},
            },
            "datasources": configmaps_only
            | {
                "defaultDatasourceEnabled": True,
                "uid": "prometheus",
                # A datasource pointing at an Alertmanager that does not run only errors.
                "alertmanager": {"enabled": env.monitoring.alerting},
            },
        },
    }


def _monitoring_crds(env: Environment) -> dict:
    """Only the Prometheus Operator's CRDs, from the same chart: the other add-ons' and the
    platform's ServiceMonitors need them before the stack itself can run."""
    components = (
        "alertmanager",
        "grafana",
        "kubeStateMetrics",
        "nodeExporter",
        "prometheus",
        "prometheusOperator",
        "windowsMonitoring",
        "kubeApiServer",
        "kubelet",
        "kubeControllerManager",
        "coreDns",
        "kubeDns",
        "kubeEtcd",
        "kubeScheduler",
        "kubeProxy",
    )
    return {component: {"enabled": False} for component in components} | {
        "crds": {"enabled": True},
        "defaultRules": {"create": False},
    }


def _cert_manager(env: Environment) -> dict:
    return {
        "crds": {"enabled": True},
        # Where ClusterIssuers keep their keys (the internal CA's, the ACME account's): a
        # namespace the platform owns, so that its Application creates the CA (components/internal_tls.py).
        "clusterResourceNamespace": env.data_namespace,
        "replicaCount": _replicas(env),
        "image": _tag_and_digest(f"quay.io/jetstack/cert-manager-controller:{CERT_MANAGER_VERSION}"),
        "webhook": {
            "replicaCount": _replicas(env),
            "image": _tag_and_digest(f"quay.io/jetstack/cert-manager-webhook:{CERT_MANAGER_VERSION}"),
        },
        "cainjector": {
            "replicaCount": _replicas(env),
            "image": _tag_and_digest(f"quay.io/jetstack/cert-manager-cainjector:{CERT_MANAGER_VERSION}"),
        },
        "startupapicheck": {"image": _tag_and_digest(f"quay.io/jetstack/cert-manager-startupapicheck:{CERT_MANAGER_VERSION}")},
        "prometheus": {"enabled": True, "servicemonitor": {"enabled": True, "labels": PROMETHEUS_SELECTOR}},
        "resources": _requests("50m", "128Mi"),
    }


def _external_secrets(env: Environment) -> dict:
    store = env.secrets.store
    service_account: dict = {"name": "external-secrets"}
    if store is not None and store.kind is SecretStoreKind.AWS_SECRETS_MANAGER:
        # IAM Roles for Service Accounts: the operator assumes the store's role.
        service_account["annotations"] = {"eks.amazonaws.com/role-arn": store.role}
    return {
        "installCRDs": True,
        "replicaCount": _replicas(env),
        "serviceAccount": service_account,
        "serviceMonitor": {"enabled": True, "additionalLabels": PROMETHEUS_SELECTOR},
        "resources": _requests("50m", "128Mi"),
    }


# The AWS Load Balancer Controller's annotations for an internet-facing NLB that sends
# traffic straight to Traefik's pods and prefixes each connection with a proxy-protocol v2
# header carrying the client's address.
AWS_NLB_ANNOTATIONS = {
    "service.beta.kubernetes.io/aws-load-balancer-type": "external",
    "service.beta.kubernetes.io/aws-load-balancer-nlb-target-type": "ip",
    "service.beta.kubernetes.io/aws-load-balancer-scheme": "internet-facing",
    "service.beta.kubernetes.io/aws-load-balancer-proxy-protocol": "*",
}


def _traefik_client_addresses(env: Environment) -> dict:
    """Values that let Traefik see each client's own address, which the admin IP allow-lists
    and the per-client rate limits match on: behind a balancer that hides it, every request
    would come from the balancer, and the allow-list would let everyone in."""
    cluster = env.target_cluster
    if cluster.load_balancer is LoadBalancer.AWS_NLB:
        trusted = {"proxyProtocol": {"trustedIPs": list(cluster.trusted_proxies)}}
        return {"service": {"annotations": AWS_NLB_ANNOTATIONS}, "ports": {"web": trusted, "websecure": trusted}}
    return {"service": {"spec": {"externalTrafficPolicy": "Local"}}}


def traefik_namespaces(env: Environment) -> tuple[str, ...]:
    """The namespaces Traefik watches: those of the platform's routes (and of the Ingresses
    cert-manager makes beside their Certificates to answer HTTP-01), and its own, where its
    TLS options and stores belong. It reads every Secret of these, for their certificates,
    and of no other (the data stores' namespace in particular)."""
    return tuple(sorted({env.namespace, env.messaging_namespace, env.monitoring_namespace, env.ingress_namespace}))


# Traefik's `default` TLSOption applies to every TLS route that names none: TLS 1.2 and 1.3
# only, forward-secret AEAD suites for 1.2 (Go fixes 1.3's, all modern), and no answer to a
# client that names no host we serve (sniStrict), so scanners of the balancer's address learn
# nothing. Set through the chart: the pinned CRDs generate no TLSOption class (cdk8s.yaml).
TRAEFIK_TLS_OPTIONS = {
    "default": {
        "minVersion": "VersionTLS12",
        "sniStrict": True,
        "cipherSuites": [
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
        ],
        "curvePreferences": ["X25519", "CurveP256", "CurveP384"],
    }
}


def _traefik(env: Environment) -> dict:
    namespaces = list(traefik_namespaces(env))
    return _traefik_client_addresses(env) | {
        # With a digest the chart renders no tag, and learns the version it adapts to from versionOverride.
        "image": {"digest": image_digest(f"docker.io/traefik:{TRAEFIK_VERSION}")},
        "versionOverride": TRAEFIK_VERSION,
        "deployment": {"replicas": env.ingress_replicas},
        "podDisruptionBudget": {"enabled": env.ingress_replicas > 1, "maxUnavailable": 1},
        "ingressClass": {"enabled": True, "isDefaultClass": True, "name": "traefik"},
        # Internet-facing: Roles in the namespaces it watches instead of a ClusterRole that
        # reads every Secret of the cluster. Traefik then looks no cluster-scoped object up
        # (--providers.*.disableClusterScopeResources), IngressClasses included, so it serves
        # the Ingresses that name it by the kubernetes.io/ingress.class annotation only.
        "rbac": {"namespaced": True},
        "providers": {
            "kubernetesCRD": {"enabled": True, "allowCrossNamespace": False, "namespaces": namespaces},
            # cert-manager answers HTTP-01 challenges with an Ingress.
            "kubernetesIngress": {"enabled": True, "namespaces": namespaces},
        },
        # A metrics Service of its own, so that the scraped port is not on the public balancer.
        "metrics": {
            "prometheus": {
                "service": {"enabled": True},
                "serviceMonitor": {"enabled": True, "additionalLabels": PROMETHEUS_SELECTOR},
            }
        },
        "resources": _requests("100m", "128Mi"),
        "tlsOptions": TRAEFIK_TLS_OPTIONS,
    }


PROMETHEUS_COMMUNITY_CHARTS = "https://prometheus-community.github.io/helm-charts"

# Waves, each waiting for the health of the one before (README, "Argo CD health of
# Applications"): the monitoring CRDs that every add-on's ServiceMonitor needs; cert-manager,
# External Secrets and Traefik; the operators; the topology operator, which needs
# cert-manager and the cluster operator; the platform (wave 0, components/argocd.py), whose Secrets
# Grafana reads; then the monitoring stack itself.
ADD_ONS = (
    AddOn(
        "prometheus-operator-crds",
        PROMETHEUS_OPERATOR_VERSION,
        "monitoring",
        -6,
        PROMETHEUS_COMMUNITY_CHARTS,
        "kube-prometheus-stack",
        "88.2.0",
        _monitoring_crds,
        pod_security=None,
    ),
    AddOn(
        "kube-prometheus-stack",
        PROMETHEUS_OPERATOR_VERSION,
        "monitoring",
        1,
        PROMETHEUS_COMMUNITY_CHARTS,
        "kube-prometheus-stack",
        "88.2.0",
        _kube_prometheus_stack,
        pod_security=None,
        other_namespaces=lambda env: tuple(grafana_namespaces(env)),
    ),
    AddOn(
        "cert-manager",
        CERT_MANAGER_VERSION,
        "cert-manager",
        -5,
        "https://charts.jetstack.io",
        "cert-manager",
        CERT_MANAGER_VERSION,
        _cert_manager,
        metrics=(CERT_MANAGER_METRICS,),
    ),
    AddOn(
        "external-secrets",
        "v2.3.0",
        "external-secrets",
        -5,
        "https://charts.external-secrets.io",
        "external-secrets",
        "2.3.0",
        _external_secrets,
        wanted=lambda env: env.secrets.external,
        metrics=(EXTERNAL_SECRETS_METRICS,),
    ),
    AddOn(
        "traefik",
        TRAEFIK_VERSION,
        "traefik",
        -5,
        "https://traefik.github.io/charts",
        "traefik",
        "41.1.0",
        _traefik,
        metrics=(TRAEFIK_METRICS,),
        other_namespaces=traefik_namespaces,
    ),
    AddOn(
        "mysql-operator",
        "9.1.0-2.2.2",
        MYSQL_OPERATOR.namespace,
        -4,
        "https://mysql.github.io/mysql-operator/",
        "mysql-operator",
        "2.2.2",
        wanted=lambda env: env.database.operator_managed,
        # Not verified against the restricted profile (see README).
        pod_security="baseline",
    ),
    AddOn(
        "rabbitmq-cluster-operator",
        "v2.22.3",
        RABBITMQ_CLUSTER_OPERATOR.namespace,
        -4,
        REPOSITORY_URL,
        None,
        None,
        # Its manifest holds Namespace rabbitmq-system, labelled by the kustomization.
        path="deploy/operators/rabbitmq-cluster-operator",
        pod_security=None,
    ),
    AddOn(
        "rabbitmq-messaging-topology-operator",
        "v1.20.1",
        RABBITMQ_CLUSTER_OPERATOR.namespace,
        -3,
        REPOSITORY_URL,
        None,
        None,
        # Its manifest's copy of Namespace rabbitmq-system is dropped by the kustomization:
        # the cluster operator's Application owns it.
        path="deploy/operators/rabbitmq-messaging-topology-operator",
        pod_security=None,
    ),
)


def add_ons(env: Environment) -> tuple[AddOn, ...]:
    return tuple(add_on for add_on in ADD_ONS if add_on.wanted(env))


class _PlainDumper(yaml.SafeDumper):
    """Writes repeated values out instead of YAML anchors, for people to read."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def install_commands(env: Environment) -> list[str]:
    """The same add-ons as the Argo CD Applications, as helm/kubectl commands, in wave order."""
    commands = []
    for add_on in sorted(add_ons(env), key=lambda a: a.wave):
        if add_on.chart is not None:
            values = yaml.dump(add_on.values(env), Dumper=_PlainDumper, sort_keys=False) if add_on.values else "{}\n"
            commands.append(
                f"helm upgrade --install {add_on.name} {add_on.chart} --repo {add_on.repo_url} --version {add_on.version} \\\n"
                f"  --namespace {add_on.namespace} --create-namespace --values - <<'VALUES'\n{values}VALUES"
            )
        else:
            commands.append(f"kubectl apply --server-side -k {add_on.path}")
    return commands
