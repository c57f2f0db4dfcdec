"""What the operators create at run time from our custom resources, modelled from their source.

A network-policy analyser, Pod Security admission and quota checks only see objects; the pods behind
an InnoDBCluster, a RabbitmqCluster or an ACME Certificate exist only once an operator reconciles
them. `operator_objects` rebuilds those objects from the custom resources of one environment's dist,
following each operator's own code at the pinned release (each builder names the upstream file and
function it follows). Only the operators' *inputs* are read, never today's dist values, so a change
to a custom resource shows up here as it would in the cluster.

Modelled:

- MySQL Operator 9.1.0-2.2.2 (`InnoDBCluster`, `MySQLBackup`): the server StatefulSet (and one per
  read replica), the `<name>-instances` headless Service, the router Service `<name>`, the router
  Deployment, the backup CronJob of each `spec.backupSchedules` entry and the Job that the schedule's
  MySQLBackup turns into, and the Job of each `MySQLBackup` in the dist. A dist without an
  InnoDBCluster (dev runs MySQL as a plain StatefulSet of ours) yields nothing.
- RabbitMQ Cluster Operator v2.22.3 (`RabbitmqCluster`): StatefulSet `<name>-server`, client Service
  `<name>` and headless Service `<name>-nodes`, with `spec.override` applied as the operator applies it.
- cert-manager v1.21.1 (`Certificate` whose Issuer/ClusterIssuer is in the dist and uses ACME): for
  each identifier whose selected solver is HTTP-01, the solver Pod and Service and (ingress solver)
  the Ingress that exist while the challenge is presented.

Not modelled, because they create no pods or Services from our custom resources:

- RabbitMQ Messaging Topology Operator v1.20.1: Vhost, Queue, Exchange, Binding, Permission and User
  become definitions inside RabbitMQ through its management API; a `User` without imported
  credentials only adds a `<name>-user-credentials` Secret.
- External Secrets: an `ExternalSecret` becomes a Secret (and a `ClusterSecretStore` nothing).

Objects carry `metadata.namespace` and an annotation `e-commerce.test/modelled-from:
<repo>@<tag>:<path>` naming the upstream file they follow. Names the API server or the ACME server
would choose at random (generateName suffixes, challenge tokens, a CronJob's firing time) are derived
deterministically from the inputs so the output is reproducible.

A custom resource that uses a feature not reproduced here raises `UnmodelledSpec` rather than being
modelled wrongly; one the operator or API server would refuse raises `Rejected`.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import ipaddress
import re
import shlex
import zlib
from collections.abc import Iterable
from typing import Any

MODELLED_FROM = "e-commerce.test/modelled-from"

_MYSQL = ("mysql/mysql-operator", "9.1.0-2.2.2")
_RABBITMQ = ("rabbitmq/cluster-operator", "v2.22.3")
_CERT_MANAGER = ("cert-manager/cert-manager", "v1.21.1")


class UnmodelledSpec(NotImplementedError):
    """The custom resource uses an operator feature this model does not reproduce."""


class Rejected(ValueError):
    """The operator (or its admission webhook, or the API server) would refuse this custom resource."""


def operator_objects(env_docs: list[dict]) -> list[dict]:
    """The Kubernetes objects the operators create from the custom resources in `env_docs`.

    `env_docs` is every object of one environment's dist (as the `documents` fixture gives them).
    """
    docs = [doc for doc in env_docs if isinstance(doc, dict) and doc.get("kind")]
    clusters = {(_namespace(doc), doc["metadata"]["name"]): doc for doc in docs if _is(doc, "mysql.oracle.com", "InnoDBCluster")}
    objects: list[dict] = []
    for doc in docs:
        if _is(doc, "mysql.oracle.com", "InnoDBCluster"):
            objects.extend(_mysql_cluster_objects(doc, docs))
        elif _is(doc, "mysql.oracle.com", "MySQLBackup"):
            objects.extend(_mysql_backup_objects(doc, clusters))
        elif _is(doc, "rabbitmq.com", "RabbitmqCluster"):
            objects.extend(_rabbitmq_cluster_objects(doc))
        elif _is(doc, "cert-manager.io", "Certificate"):
            objects.extend(_acme_http01_objects(doc, docs))
    return objects


# --- shared helpers ---------------------------------------------------------------------------------


def _is(doc: dict, group: str, kind: str) -> bool:
    return doc.get("kind") == kind and doc.get("apiVersion", "").split("/")[0] == group


def _namespace(doc: dict) -> str:
    namespace = doc.get("metadata", {}).get("namespace")
    if not namespace:
        # Argo CD would apply it to the Application's destination namespace, which the dist does not say.
        raise UnmodelledSpec(f"{doc['kind']}/{doc['metadata']['name']} has no metadata.namespace")
    return namespace


def _stamp(obj: dict, upstream: tuple[str, str], path: str) -> dict:
    repo, tag = upstream
    obj["metadata"].setdefault("annotations", {})[MODELLED_FROM] = f"{repo}@{tag}:{path}"
    return obj


def _drop_empty(mapping: dict) -> dict:
    """Go's `omitempty`: what a typed client would not send."""
    return {key: value for key, value in mapping.items() if value not in (None, {}, [], "")}


def _quantity_is_zero(quantity: str | int | float) -> bool:
    match = re.fullmatch(r"\s*([+-]?[0-9.]+(?:[eE][+-]?[0-9]+)?)\s*[A-Za-z]*\s*", str(quantity))
    if not match:
        raise Rejected(f"invalid quantity {quantity!r}")
    return float(match.group(1)) == 0


def _generated_name(prefix: str, *seed: str) -> str:
    """A stand-in for the API server's generateName suffix (5 characters of its alphabet), stable per seed."""
    alphabet = "bcdfghjklmnpqrstvwxz2456789"  # k8s.io/apimachinery/pkg/util/rand
    digest = hashlib.sha256("\0".join(seed).encode()).digest()
    return prefix + "".join(alphabet[byte % len(alphabet)] for byte in digest[:5])


# --- MySQL Operator 9.1.0-2.2.2 -----------------------------------------------------------------------

_CLUSTER_OBJECTS = "mysqloperator/controller/innodbcluster/cluster_objects.py"
_ROUTER_OBJECTS = "mysqloperator/controller/innodbcluster/router_objects.py"
_BACKUP_OBJECTS = "mysqloperator/controller/backup/backup_objects.py"

# mysqloperator/controller/config.py: DEFAULT_VERSION_TAG, DEFAULT_OPERATOR_VERSION_TAG (the sidecar),
# DEFAULT_IMAGE_REPOSITORY (the chart leaves envs.imagesDefaultRegistry/Repository empty).
_MYSQL_DEFAULT_VERSION = "9.1.0"
_MYSQL_SIDECAR_VERSION = "9.1.0-2.2.2"
_MYSQL_IMAGE_REPOSITORY = "container-registry.oracle.com/mysql"
# The chart's envs.imagesPullPolicy becomes MYSQL_OPERATOR_IMAGE_PULL_POLICY, the default when the
# InnoDBCluster sets none (config.default_image_pull_policy).
_MYSQL_DEFAULT_PULL_POLICY = "IfNotPresent"
# kubeutils.k8s_cluster_domain: chart envs.k8sClusterDomain unset.
_CLUSTER_DOMAIN = "cluster.local"
# cluster_api.AbstractServerSetSpec: "(currently) non-configurable constants".
_MYSQL_PORT, _MYSQL_XPORT, _MYSQL_GRPORT = 3306, 33060, 33061
_ROUTER_RW, _ROUTER_RO, _ROUTER_RWX, _ROUTER_ROX, _ROUTER_RWSPLIT, _ROUTER_HTTP = 6446, 6447, 6448, 6449, 6450, 8443
_MYSQL_METRICS_PORT = 9104  # cluster_api.MetriscSpec.port
# backup_objects.backup_job_name appends utils.timestamp(dash=False, four_digit_year=False) in UTC
# when the CronJob fires; a fixed instant keeps the model reproducible.
_BACKUP_FIRED_AT = "250101020000"

# Fields of the operator's own YAML templates that are not in the Kubernetes schema. The API server
# drops unknown fields (default field validation), so they are absent from what is stored:
# the StatefulSet's probes say `timeout:` (not timeoutSeconds) and the router Deployment's metadata
# says `label:` (so that Deployment ends up with no labels at all).


def _mysql_merge_patch(base: dict, patch: dict, prefix: str) -> None:
    """utils.merge_patch_object: maps merged, lists of objects merged by `name` (else appended),
    other lists and scalars replaced. Mutates `base`."""
    for key, value in patch.items():
        current = base.get(key)
        where = f"{prefix}.{key}"
        if current is None:
            base[key] = copy.deepcopy(value)
        elif isinstance(current, dict):
            if not isinstance(value, dict):
                raise Rejected(f"mysql-operator: invalid type in patch at {where}")
            _mysql_merge_patch(current, value, where)
        elif isinstance(current, list):
            if not isinstance(value, list):
                raise Rejected(f"mysql-operator: invalid type in patch at {where}")
            if not current:
                base[key] = copy.deepcopy(value)
            elif not value:
                # value[0] of an empty list: the operator fails with IndexError.
                raise Rejected(f"mysql-operator cannot merge an empty list at {where}")
            elif not isinstance(value[0], dict):
                base[key] = copy.deepcopy(value)
            else:
                for index, element in enumerate(value):
                    if not isinstance(element, dict) or not element.get("name"):
                        raise Rejected(f"mysql-operator: object in list must have name at {where}[{index}]")
                    if any(not isinstance(item, dict) or "name" not in item for item in current):
                        raise Rejected(f"mysql-operator cannot merge by name into {where}: an element has no name")
                    match = next((item for item in current if item["name"] == element["name"]), None)
                    if match is None:
                        current.append(copy.deepcopy(element))
                    else:
                        _mysql_merge_patch(match, element, f"{where}[{index}]")
        elif isinstance(value, (dict, list)):
            raise Rejected(f"mysql-operator: invalid type in patch at {where}")
        else:
            base[key] = value


class _MySQLServerSet:
    """cluster_api.AbstractServerSetSpec._load for the cluster itself or one read replica."""

    def __init__(self, cluster: dict, specific: dict, read_replica: str | None) -> None:
        root = cluster["spec"]
        for feature in ("logs", "keyring"):
            if feature in root:
                # logs adds a collector sidecar and mounts; keyring adds volumes and init steps.
                raise UnmodelledSpec(f"InnoDBCluster spec.{feature} is not modelled")
        self.namespace = _namespace(cluster)
        self.cluster_name = cluster["metadata"]["name"]
        self.name = self.cluster_name if read_replica is None else f"{self.cluster_name}-{read_replica}"
        self.instance_type = "group-member" if read_replica is None else "read-replica"
        self.extra_labels = {} if read_replica is None else {"mysql.oracle.com/read-replica": self.name}
        self.root = root
        self.instances = specific.get("instances", 1)
        self.version = specific.get("version", _MYSQL_DEFAULT_VERSION)
        self.pod_spec = specific.get("podSpec") or {}
        self.pod_annotations = specific.get("podAnnotations")
        self.pod_labels = specific.get("podLabels")
        self.datadir_claim = specific.get("datadirVolumeClaimTemplate")
        self.secret_name = root["secretName"]
        # Defaults built from the server set's own name (`<cluster>-<replica>` for a read replica).
        self.tls_ca_secret = root.get("tlsCASecretName", f"{self.name}-ca")
        self.tls_secret = root.get("tlsSecretName", f"{self.name}-tls")
        self.tls_self_signed = root.get("tlsUseSelfSigned", False)
        self.edition = root.get("edition", "community")
        self.image_repository = root.get("imageRepository", _MYSQL_IMAGE_REPOSITORY)
        self.pull_policy = root.get("imagePullPolicy", _MYSQL_DEFAULT_PULL_POLICY)
        self.service_account = root.get("serviceAccountName", f"{self.name}-sidecar-sa")
        permissions = root.get("datadirPermissions", {})
        self.fix_datadir = permissions.get("setRightsUsingInitContainer", True)
        self.fs_group_change_policy = permissions.get("fsGroupChangePolicy", "")
        self.fqdn_template = root.get("serviceFqdnTemplate") or "{service}.{namespace}.svc.{domain}"
        self.metrics = root.get("metrics", {})

    def _image(self, image: str, version: str) -> str:
        # AbstractServerSetSpec.format_image
        return f"{self.image_repository}/{image}:{version}" if self.image_repository else f"{image}:{version}"

    @property
    def mysql_image(self) -> str:
        return self._image("community-server" if self.edition == "community" else "enterprise-server", self.version)

    @property
    def operator_image(self) -> str:
        image = "community-operator" if self.edition == "community" else "enterprise-operator"
        return self._image(image, _MYSQL_SIDECAR_VERSION)


_MYSQL_CONTAINER_SECURITY = {
    "allowPrivilegeEscalation": False,
    "privileged": False,
    "readOnlyRootFilesystem": True,
    "runAsNonRoot": True,
    "capabilities": {"drop": ["ALL"]},
}


def _mysql_statefulset(spec: _MySQLServerSet) -> dict:
    """cluster_objects.prepare_cluster_stateful_set."""
    selector = {
        "component": "mysqld",
        "tier": "mysql",
        "mysql.oracle.com/cluster": spec.cluster_name,
        "mysql.oracle.com/instance-type": spec.instance_type,
        **spec.extra_labels,
        "app.kubernetes.io/name": "mysql-innodbcluster-mysql-server",
        "app.kubernetes.io/instance": f"mysql-innodbcluster-{spec.name}-mysql-server",
        "app.kubernetes.io/component": "database",
        "app.kubernetes.io/managed-by": "mysql-operator",
        "app.kubernetes.io/created-by": "mysql-operator",
    }
    env_fields = [
        {"name": "POD_NAME", "valueFrom": {"fieldRef": {"fieldPath": "metadata.name"}}},
        {"name": "POD_NAMESPACE", "valueFrom": {"fieldRef": {"fieldPath": "metadata.namespace"}}},
    ]
    ssl_mounts = [] if spec.tls_self_signed else [{"mountPath": "/etc/mysql-ssl", "name": "ssldata"}]
    init_containers = []
    if spec.fix_datadir:
        init_containers.append(
            {
                "name": "fixdatadir",
                "image": spec.operator_image,
                "imagePullPolicy": spec.pull_policy,
                "command": ["bash", "-c", "chown 27:27 /var/lib/mysql && chmod 0700 /var/lib/mysql"],
                "securityContext": {
                    "runAsNonRoot": False,
                    "runAsUser": 0,
                    "allowPrivilegeEscalation": False,
                    "privileged": False,
                    "readOnlyRootFilesystem": True,
                    "capabilities": {"add": ["CHOWN", "FOWNER"], "drop": ["ALL"]},
                },
                "volumeMounts": [{"name": "datadir", "mountPath": "/var/lib/mysql"}],
                "env": [
                    {"name": "MYSQL_OPERATOR_K8S_CLUSTER_DOMAIN", "value": _CLUSTER_DOMAIN},
                    {"name": "MYSQLSH_CREDENTIAL_STORE_SAVE_PASSWORDS", "value": "never"},
                ],
            }
        )
    init_containers += [
        {
            "name": "initconf",
            "image": spec.operator_image,
            "imagePullPolicy": spec.pull_policy,
            "command": [
                "mysqlsh",
                "--log-level=@INFO",
                "--pym",
                "mysqloperator",
                "init",
                "--pod-name",
                "$(POD_NAME)",
                "--pod-namespace",
                "$(POD_NAMESPACE)",
                "--datadir",
                "/var/lib/mysql",
            ],
            "securityContext": copy.deepcopy(_MYSQL_CONTAINER_SECURITY),
            "env": [
                *copy.deepcopy(env_fields),
                {"name": "MYSQL_OPERATOR_K8S_CLUSTER_DOMAIN", "value": _CLUSTER_DOMAIN},
                {"name": "MYSQLSH_USER_CONFIG_HOME", "value": "/tmp"},
                {"name": "MYSQLSH_CREDENTIAL_STORE_SAVE_PASSWORDS", "value": "never"},
            ],
            "volumeMounts": [
                {"name": "initconfdir", "mountPath": "/mnt/initconf", "readOnly": True},
                {"name": "datadir", "mountPath": "/var/lib/mysql"},
                {"name": "mycnfdata", "mountPath": "/mnt/mycnfdata"},
                {"name": "initconf-tmp", "mountPath": "/tmp"},
                {"name": "rootcreds", "readOnly": True, "subPath": "rootHost", "mountPath": "/rootcreds/rootHost"},
            ],
        },
        {
            "name": "initmysql",
            "image": spec.mysql_image,
            "imagePullPolicy": spec.pull_policy,
            "args": ["mysqld", "--user=mysql"],
            "securityContext": copy.deepcopy(_MYSQL_CONTAINER_SECURITY),
            "env": [
                {"name": "MYSQL_INITIALIZE_ONLY", "value": "1"},
                {"name": "MYSQL_RANDOM_ROOT_PASSWORD", "value": "1"},
                {"name": "MYSQLSH_USER_CONFIG_HOME", "value": "/tmp"},
            ],
            "volumeMounts": [
                {"name": "datadir", "mountPath": "/var/lib/mysql"},
                {"name": "rundir", "mountPath": "/var/run/mysqld"},
                {"name": "mycnfdata", "mountPath": "/etc/my.cnf.d", "subPath": "my.cnf.d"},
                {"name": "mycnfdata", "mountPath": "/docker-entrypoint-initdb.d", "subPath": "docker-entrypoint-initdb.d"},
                {"name": "mycnfdata", "mountPath": "/etc/my.cnf", "subPath": "my.cnf"},
                {"name": "initmysql-tmp", "mountPath": "/tmp"},
                {"name": "varlibmysqlfiles", "mountPath": "/var/lib/mysql-files"},
            ],
        },
    ]
    containers = [
        {
            "name": "sidecar",
            "image": spec.operator_image,
            "imagePullPolicy": spec.pull_policy,
            "command": [
                "mysqlsh",
                "--pym",
                "mysqloperator",
                "sidecar",
                "--pod-name",
                "$(POD_NAME)",
                "--pod-namespace",
                "$(POD_NAMESPACE)",
                "--datadir",
                "/var/lib/mysql",
            ],
            "securityContext": copy.deepcopy(_MYSQL_CONTAINER_SECURITY),
            "env": [
                *copy.deepcopy(env_fields),
                {"name": "MYSQL_UNIX_PORT", "value": "/var/run/mysqld/mysql.sock"},
                {"name": "MYSQLSH_USER_CONFIG_HOME", "value": "/mysqlsh"},
                {"name": "MYSQL_OPERATOR_K8S_CLUSTER_DOMAIN", "value": _CLUSTER_DOMAIN},
                {"name": "MYSQLSH_CREDENTIAL_STORE_SAVE_PASSWORDS", "value": "never"},
            ],
            "volumeMounts": [
                {"name": "rundir", "mountPath": "/var/run/mysqld"},
                {"name": "mycnfdata", "mountPath": "/etc/my.cnf.d", "subPath": "my.cnf.d"},
                {"name": "mycnfdata", "mountPath": "/etc/my.cnf", "subPath": "my.cnf"},
                {"name": "shellhome", "mountPath": "/mysqlsh"},
                {"name": "sidecar-tmp", "mountPath": "/tmp"},
                *copy.deepcopy(ssl_mounts),
            ],
        },
        {
            "name": "mysql",
            "image": spec.mysql_image,
            "imagePullPolicy": spec.pull_policy,
            "args": ["mysqld", "--user=mysql"],
            "securityContext": copy.deepcopy(_MYSQL_CONTAINER_SECURITY),
            "lifecycle": {"preStop": {"exec": {"command": ["sh", "-c", "sleep 60 && mysqladmin -ulocalroot shutdown"]}}},
            "startupProbe": {
                "exec": {"command": ["/livenessprobe.sh", "8"]},
                "initialDelaySeconds": 5,
                "periodSeconds": 3,
                "failureThreshold": 10000,
                "successThreshold": 1,
            },
            "readinessProbe": {
                "exec": {"command": ["/readinessprobe.sh"]},
                "periodSeconds": 5,
                "initialDelaySeconds": 10,
                "failureThreshold": 10000,
            },
            "livenessProbe": {
                "exec": {"command": ["/livenessprobe.sh"]},
                "initialDelaySeconds": 15,
                "periodSeconds": 15,
                "failureThreshold": 10,
                "successThreshold": 1,
            },
            "env": [
                {"name": "MYSQL_UNIX_PORT", "value": "/var/run/mysqld/mysql.sock"},
                {"name": "MYSQLSH_CREDENTIAL_STORE_SAVE_PASSWORDS", "value": "never"},
            ],
            "ports": [
                {"containerPort": _MYSQL_PORT, "name": "mysql"},
                {"containerPort": _MYSQL_XPORT, "name": "mysqlx"},
                {"containerPort": _MYSQL_GRPORT, "name": "gr-xcom"},
            ],
            "volumeMounts": [
                {"name": "datadir", "mountPath": "/var/lib/mysql"},
                {"name": "rundir", "mountPath": "/var/run/mysqld"},
                {"name": "mycnfdata", "mountPath": "/etc/my.cnf.d", "subPath": "my.cnf.d"},
                {"name": "mycnfdata", "mountPath": "/etc/my.cnf", "subPath": "my.cnf"},
                {"name": "initconfdir", "mountPath": "/livenessprobe.sh", "subPath": "livenessprobe.sh"},
                {"name": "initconfdir", "mountPath": "/readinessprobe.sh", "subPath": "readinessprobe.sh"},
                {"name": "varlibmysqlfiles", "mountPath": "/var/lib/mysql-files"},
                {"name": "mysql-tmp", "mountPath": "/tmp"},
                *copy.deepcopy(ssl_mounts),
            ],
        },
    ]
    volumes = [
        {"name": "mycnfdata", "emptyDir": {}},
        {"name": "rundir", "emptyDir": {}},
        {"name": "varlibmysqlfiles", "emptyDir": {}},
        {"name": "initconfdir", "configMap": {"name": f"{spec.name}-initconf", "defaultMode": 0o755}},
        {"name": "shellhome", "emptyDir": {}},
        {"name": "initconf-tmp", "emptyDir": {}},
        {"name": "initmysql-tmp", "emptyDir": {}},
        {"name": "mysql-tmp", "emptyDir": {}},
        {"name": "sidecar-tmp", "emptyDir": {}},
        {"name": "rootcreds", "secret": {"secretName": spec.secret_name, "defaultMode": 0o400}},
    ]
    if not spec.tls_self_signed:
        # AbstractServerSetSpec.extra_volumes
        sources = [{"secret": {"name": spec.tls_secret}}]
        if spec.tls_ca_secret != spec.tls_secret:
            sources.append({"secret": {"name": spec.tls_ca_secret}})
        volumes.append({"name": "ssldata", "projected": {"sources": sources}})
    pod_security = {"runAsUser": 27, "runAsGroup": 27, "fsGroup": 27}
    if spec.fs_group_change_policy:
        pod_security["fsGroupChangePolicy"] = spec.fs_group_change_policy
    pod_security["runAsNonRoot"] = True
    fqdn_annotation = {"mysql.oracle.com/fqdn-template": spec.fqdn_template}
    statefulset: dict[str, Any] = {
        "apiVersion": "apps/v1",
        "kind": "StatefulSet",
        "metadata": {
            "name": spec.name,
            "namespace": spec.namespace,
            "annotations": dict(fqdn_annotation),
            "labels": {
                "tier": "mysql",
                "mysql.oracle.com/cluster": spec.cluster_name,
                "mysql.oracle.com/instance-type": spec.instance_type,
                **spec.extra_labels,
                "app.kubernetes.io/name": "mysql-innodbcluster",
                "app.kubernetes.io/instance": f"mysql-innodbcluster-{spec.name}",
                "app.kubernetes.io/component": "database",
                "app.kubernetes.io/managed-by": "mysql-operator",
                "app.kubernetes.io/created-by": "mysql-operator",
            },
        },
        "spec": {
            "serviceName": f"{spec.name}-instances",
            "replicas": spec.instances,
            "podManagementPolicy": "Parallel",
            "selector": {"matchLabels": dict(selector)},
            "template": {
                "metadata": {"annotations": dict(fqdn_annotation), "labels": dict(selector)},
                "spec": {
                    "subdomain": spec.name,
                    "readinessGates": [
                        {"conditionType": "mysql.oracle.com/configured"},
                        {"conditionType": "mysql.oracle.com/ready"},
                    ],
                    "serviceAccountName": spec.service_account,
                    "securityContext": pod_security,
                    "terminationGracePeriodSeconds": 120,
                    "initContainers": init_containers,
                    "containers": containers,
                    "volumes": volumes,
                },
            },
            "volumeClaimTemplates": [
                {
                    "metadata": {"name": "datadir"},
                    "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "2Gi"}}},
                }
            ],
        },
    }
    template = statefulset["spec"]["template"]
    metadata = _drop_empty({"annotations": spec.pod_annotations, "labels": spec.pod_labels})
    if metadata:
        _mysql_merge_patch(template, {"metadata": metadata}, "template")
    if spec.metrics.get("enable", False):
        _mysql_add_metrics(template["spec"], spec)
    if spec.pod_spec:
        _mysql_merge_patch(template["spec"], spec.pod_spec, "spec.podSpec")
    if spec.datadir_claim:
        _mysql_merge_patch(
            statefulset["spec"]["volumeClaimTemplates"][0]["spec"], spec.datadir_claim, "spec.volumeClaimTemplates[0].spec"
        )
    _check_selector(statefulset)
    return _stamp(statefulset, _MYSQL, _CLUSTER_OBJECTS)


def _mysql_add_metrics(pod_spec: dict, spec: _MySQLServerSet) -> None:
    """cluster_api.MetriscSpec.get_add_to_sts_cb: the exporter container, its volumes and config mount."""
    metrics = spec.metrics
    if not metrics.get("image"):
        raise Rejected("InnoDBCluster spec.metrics.image is required when metrics are enabled")
    web_config, tls_secret = metrics.get("webConfig", ""), metrics.get("tlsSecret", "")
    args = [*metrics.get("options", []), "--config.my-cnf=/tmp/metrics/metrics.cnf"]
    if web_config:
        args.append("--web.config.file=/config/web.config")
    mounts: list[dict[str, Any]] = [{"name": "rundir", "mountPath": "/var/run/mysqld"}]
    if web_config:
        mounts.append({"name": "metrics-web-config", "mountPath": "/config", "readOnly": True})
    if tls_secret:
        mounts.append({"name": "metrics-tls", "mountPath": "/tls", "readOnly": True})
    # MetricsConfigMap (ConfigMapMountBase._add_containers_to_sts_spec) appends the my.cnf mount.
    mounts.append({"name": "metrics", "mountPath": "/tmp/metrics/metrics.cnf", "subPath": "metrics.cnf"})
    user = metrics.get("dbUser", {}).get("name", "mysqlmetrics")
    pod_spec["containers"].append(
        {
            "name": "metrics",
            "image": metrics["image"],
            "imagePullPolicy": "IfNotPresent",
            "args": args,
            "securityContext": {
                "allowPrivilegeEscalation": False,
                "privileged": False,
                "readOnlyRootFilesystem": True,
                "capabilities": {"drop": ["ALL"]},
                "runAsUser": 2,
                "runAsGroup": 27,
            },
            "env": [{"name": "DATA_SOURCE_NAME", "value": f"{user}:@unix(/var/run/mysqld/mysql.sock)/"}],
            "ports": [{"name": "metrics", "containerPort": _MYSQL_METRICS_PORT, "protocol": "TCP"}],
            "volumeMounts": mounts,
        }
    )
    if web_config:
        pod_spec["volumes"].append({"name": "metrics-web-config", "configMap": {"name": web_config, "defaultMode": 0o444}})
    if tls_secret:
        # The operator writes `secret: {name: ...}`; SecretVolumeSource has no `name`, so the API
        # server keeps an empty secret source (and the pod would not start).
        raise UnmodelledSpec("InnoDBCluster spec.metrics.tlsSecret is not modelled")
    pod_spec["volumes"].append(
        {
            "name": "metrics",
            "configMap": {
                "name": f"{spec.cluster_name}-metricsconf",
                "defaultMode": 0o644,
                "items": [{"key": "metrics.cnf", "path": "metrics.cnf"}],
            },
        }
    )


def _mysql_metrics_config(spec: _MySQLServerSet) -> dict:
    """cluster_api.MetriscSpec.get_configmaps_cb: the exporter's my.cnf, whose socket is written as
    a URL (which mysqld_exporter 0.15+ reads as a file path on /metrics)."""
    user = spec.metrics.get("dbUser", {}).get("name", "mysqlmetrics")
    config_map = {
        "apiVersion": "v1",
        "kind": "ConfigMap",
        "metadata": {"name": f"{spec.cluster_name}-metricsconf", "namespace": spec.namespace},
        "data": {"metrics.cnf": f"[client]\nuser={user}\nsocket=unix:///var/run/mysqld/mysql.sock\n"},
    }
    return _stamp(config_map, _MYSQL, "mysqloperator/controller/innodbcluster/cluster_api.py")


def _mysql_instances_service(spec: _MySQLServerSet) -> dict:
    """cluster_objects.prepare_cluster_service, with MetriscSpec.get_add_to_svc_cb."""
    ports = [
        {"name": "mysql", "port": _MYSQL_PORT, "targetPort": _MYSQL_PORT},
        {"name": "mysqlx", "port": _MYSQL_XPORT, "targetPort": _MYSQL_XPORT},
        {"name": "gr-xcom", "port": _MYSQL_GRPORT, "targetPort": _MYSQL_GRPORT},
    ]
    if spec.metrics.get("enable", False):
        ports.append({"name": "metrics", "port": _MYSQL_METRICS_PORT, "targetPort": _MYSQL_METRICS_PORT})
    labels = {
        "tier": "mysql",
        "mysql.oracle.com/cluster": spec.cluster_name,
        "mysql.oracle.com/instance-type": spec.instance_type,
        **spec.extra_labels,
    }
    service = {
        "apiVersion": "v1",
        "kind": "Service",
        "metadata": {"name": f"{spec.name}-instances", "namespace": spec.namespace, "labels": labels},
        "spec": {
            "clusterIP": "None",
            "publishNotReadyAddresses": True,
            "ports": ports,
            "selector": {"component": "mysqld", **labels},
            "type": "ClusterIP",
        },
    }
    return _stamp(service, _MYSQL, _CLUSTER_OBJECTS)


def _mysql_router_service(spec: _MySQLServerSet) -> dict:
    """router_objects.prepare_router_service."""
    service_spec = spec.root.get("service", {})
    default_port = {"mysql-ro": _ROUTER_RO, "mysql-rw": _ROUTER_RW, "mysql-rw-split": _ROUTER_RWSPLIT}
    try:
        target = default_port[service_spec.get("defaultPort", "mysql-rw")]
    except KeyError as error:
        raise Rejected(f"InnoDBCluster spec.service.defaultPort {error} is not one of {sorted(default_port)}") from None
    named = [
        ("mysql", _MYSQL_PORT, target),
        ("mysqlx", _MYSQL_XPORT, _ROUTER_RWX),
        ("mysql-alternate", _ROUTER_RW, _ROUTER_RW),
        ("mysqlx-alternate", _ROUTER_RWX, _ROUTER_RWX),
        ("mysql-ro", _ROUTER_RO, _ROUTER_RO),
        ("mysqlx-ro", _ROUTER_ROX, _ROUTER_ROX),
        ("mysql-rw-split", _ROUTER_RWSPLIT, _ROUTER_RWSPLIT),
        ("router-rest", _ROUTER_HTTP, _ROUTER_HTTP),
    ]
    labels = {"tier": "mysql", "mysql.oracle.com/cluster": spec.name}
    metadata = {"name": spec.name, "namespace": spec.namespace, "labels": {**service_spec.get("labels", {}), **labels}}
    if service_spec.get("annotations"):
        metadata["annotations"] = dict(service_spec["annotations"])
    service = {
        "apiVersion": "v1",
        "kind": "Service",
        "metadata": metadata,
        "spec": {
            "ports": [{"name": n, "port": p, "protocol": "TCP", "targetPort": t} for n, p, t in named],
            "selector": {"component": "mysqlrouter", **labels},
            "type": service_spec.get("type", "ClusterIP"),
        },
    }
    return _stamp(service, _MYSQL, _ROUTER_OBJECTS)


def _mysql_router_deployment(spec: _MySQLServerSet, router: dict, router_tls: bool, ca_file: str = "ca.pem") -> dict:
    """router_objects.prepare_router_deployment, at the size update_size gives it once the cluster is online."""
    version = router.get("version") or spec.version
    image = spec._image("community-router" if spec.edition == "community" else "enterprise-router", version)
    pod_spec_patch = router.get("podSpec") or {}
    # InnoDBClusterSpec.router_image_pull_policy reads imagePullPolicy from the router podSpec.
    pull_policy = pod_spec_patch.get("imagePullPolicy", spec.pull_policy)
    bootstrap = ["--conf-set-option=DEFAULT.unknown_config_option=warning", *router.get("bootstrapOptions", [])]
    mounts, volumes = [], []
    if not spec.tls_self_signed:
        # get_bootstrap_and_tls_options: the CA file name comes from the CA secret at run time
        # (cluster_api.InnoDBCluster.get_ca_and_tls: "ca.pem", else "ca.crt"; "ca.pem" without either).
        bootstrap += [
            f"--server-ssl-ca=/router-ssl/ca/{ca_file}",
            "--server-ssl-verify=VERIFY_IDENTITY",
            f"--ssl-ca=/router-ssl/ca/{ca_file}",
        ]
        mounts.append({"mountPath": "/router-ssl/ca/", "name": "ssl-ca-data"})
        volumes.append({"name": "ssl-ca-data", "projected": {"sources": [{"secret": {"name": spec.tls_ca_secret}}]}})
        if router_tls:
            bootstrap += ["--client-ssl-cert=/router-ssl/key/tls.crt", "--client-ssl-key=/router-ssl/key/tls.key"]
            mounts.append({"mountPath": "/router-ssl/key/", "name": "ssl-key-data"})
            router_secret = router.get("tlsSecretName") or f"{spec.name}-router-tls"
            volumes.append({"name": "ssl-key-data", "projected": {"sources": [{"secret": {"name": router_secret}}]}})
    labels = {
        "component": "mysqlrouter",
        "tier": "mysql",
        "mysql.oracle.com/cluster": spec.name,
        "app.kubernetes.io/name": "mysql-router",
        "app.kubernetes.io/instance": f"mysql-innodbcluster-{spec.name}-router",
        "app.kubernetes.io/component": "router",
        "app.kubernetes.io/managed-by": "mysql-operator",
        "app.kubernetes.io/created-by": "mysql-operator",
    }
    router_target = spec.fqdn_template.format(service=f"{spec.name}-instances", namespace=spec.namespace, domain=_CLUSTER_DOMAIN)
    deployment: dict[str, Any] = {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "metadata": {"name": f"{spec.name}-router", "namespace": spec.namespace},
        "spec": {
            "replicas": router.get("instances", 1),
            "selector": {"matchLabels": dict(labels)},
            "template": {
                "metadata": {"labels": dict(labels)},
                "spec": {
                    "serviceAccountName": spec.service_account,
                    "securityContext": {"runAsUser": 999, "runAsGroup": 999, "fsGroup": 999, "runAsNonRoot": True},
                    "containers": [
                        {
                            "name": "router",
                            "image": image,
                            "imagePullPolicy": pull_policy,
                            "securityContext": {
                                "allowPrivilegeEscalation": False,
                                "privileged": False,
                                "readOnlyRootFilesystem": True,
                                "capabilities": {"drop": ["ALL"]},
                            },
                            "env": [
                                {"name": "MYSQL_HOST", "value": router_target},
                                {"name": "MYSQL_PORT", "value": "3306"},
                                {"name": "MYSQL_USER_FILE", "value": "/.routeruser"},
                                {"name": "MYSQL_PASSWORD_FILE", "value": "/.routerpw"},
                                {"name": "MYSQL_CREATE_ROUTER_USER", "value": "0"},
                                {"name": "MYSQL_ROUTER_BOOTSTRAP_EXTRA_OPTIONS", "value": " ".join(map(shlex.quote, bootstrap))},
                            ],
                            "volumeMounts": [
                                {"name": "tmpdir", "mountPath": "/tmp"},
                                {
                                    "name": "initconfdir",
                                    "subPath": "router-entrypoint-run.sh.tpl",
                                    "mountPath": "/run.sh",
                                    "readOnly": True,
                                },
                                {
                                    "name": "routercredentials",
                                    "subPath": "routerUsername",
                                    "mountPath": "/.routeruser",
                                    "readOnly": True,
                                },
                                {
                                    "name": "routercredentials",
                                    "subPath": "routerPassword",
                                    "mountPath": "/.routerpw",
                                    "readOnly": True,
                                },
                                *mounts,
                            ],
                            "ports": [
                                {"containerPort": _ROUTER_RW, "name": "mysqlrw"},
                                {"containerPort": _ROUTER_RWX, "name": "mysqlxrw"},
                                {"containerPort": _ROUTER_RWSPLIT, "name": "mysqlrwsplit"},
                                {"containerPort": _ROUTER_RO, "name": "mysqlro"},
                                {"containerPort": _ROUTER_ROX, "name": "mysqlxro"},
                                {"containerPort": _ROUTER_HTTP, "name": "http"},
                            ],
                            "readinessProbe": {"exec": {"command": ["cat", "/tmp/mysqlrouter/mysqlrouter.conf"]}},
                            "livenessProbe": {
                                "failureThreshold": 3,
                                "httpGet": {"path": "/api/20190715/swagger.json", "port": "http", "scheme": "HTTPS"},
                                "periodSeconds": 10,
                                "successThreshold": 1,
                                "timeoutSeconds": 1,
                            },
                            "args": ["mysqlrouter", *router.get("options", [])],
                        }
                    ],
                    "volumes": [
                        {"name": "tmpdir", "emptyDir": {}},
                        {"name": "initconfdir", "configMap": {"name": f"{spec.name}-initconf", "defaultMode": 0o755}},
                        {"name": "routercredentials", "secret": {"secretName": f"{spec.name}-router", "defaultMode": 0o440}},
                        *volumes,
                    ],
                },
            },
        },
    }
    template = deployment["spec"]["template"]
    metadata = _drop_empty({"annotations": router.get("podAnnotations"), "labels": router.get("podLabels")})
    if metadata:
        _mysql_merge_patch(template, {"metadata": metadata}, "template")
    if pod_spec_patch:
        _mysql_merge_patch(template["spec"], pod_spec_patch, "spec.router.podSpec")
        # Read above as the router's pull policy; in the pod spec it is an unknown field the API server drops.
        template["spec"].pop("imagePullPolicy", None)
    _check_selector(deployment)
    return _stamp(deployment, _MYSQL, _ROUTER_OBJECTS)


def _mysql_backup_cronjob(spec: _MySQLServerSet, schedule: dict, profile: dict) -> dict:
    """backup_objects.get_cron_job_template patched by patch_cron_template_for_backup_schedule."""
    pod_template = {
        "spec": {
            "securityContext": {"runAsUser": 27, "runAsGroup": 27, "fsGroup": 27, "runAsNonRoot": True},
            "containers": [
                {
                    "name": "operator-backup-job-cron",
                    "image": spec.operator_image,
                    "imagePullPolicy": spec.pull_policy,
                    "command": [
                        "mysqlsh",
                        "--pym",
                        "mysqloperator",
                        "backup",
                        "--command",
                        "create-backup-object",
                        "--namespace",
                        spec.namespace,
                        "--cluster-name",
                        spec.name,
                        "--schedule-name",
                        schedule["name"],
                    ],
                    "securityContext": copy.deepcopy(_MYSQL_CONTAINER_SECURITY),
                    "env": [{"name": "MYSQLSH_USER_CONFIG_HOME", "value": "/mysqlsh"}],
                    "volumeMounts": [{"name": "shellhome", "mountPath": "/mysqlsh"}],
                }
            ],
            "volumes": [{"name": "shellhome", "emptyDir": {}}],
            "restartPolicy": "Never",
            "terminationGracePeriodSeconds": 60,
            "serviceAccountName": spec.service_account,
        }
    }
    metadata = _drop_empty({"annotations": profile.get("podAnnotations"), "labels": profile.get("podLabels")})
    if metadata:
        _mysql_merge_patch(pod_template, {"metadata": metadata}, "template")
    cronjob_spec = {
        "concurrencyPolicy": "Forbid",
        "jobTemplate": {"spec": {"backoffLimit": 0, "template": pod_template}},
        "suspend": not schedule.get("enabled", True),
        "schedule": schedule["schedule"],
    }
    if schedule.get("timeZone"):
        cronjob_spec["timeZone"] = schedule["timeZone"]
    cronjob = {
        "apiVersion": "batch/v1",
        "kind": "CronJob",
        "metadata": {
            "name": f"{spec.name}-{schedule['name']}-cb",
            "namespace": spec.namespace,
            "labels": {
                "tier": "mysql",
                "mysql.oracle.com/cluster": spec.name,
                "app.kubernetes.io/name": "mysql-innodbcluster",
                "app.kubernetes.io/instance": f"idc-{spec.name}",
                "app.kubernetes.io/managed-by": "mysql-operator",
                "app.kubernetes.io/created-by": "mysql-operator",
            },
        },
        "spec": cronjob_spec,
    }
    return _stamp(cronjob, _MYSQL, _BACKUP_OBJECTS)


def _mysql_backup_job(spec: _MySQLServerSet, job_name: str, backup_name: str, profile: dict) -> dict:
    """backup_objects.prepare_backup_job; `backup_name` is the MySQLBackup's name, which the operator
    (MySQLBackupSpec.name) also puts in the `mysql.oracle.com/cluster` label."""
    pod_template = {
        "spec": {
            "serviceAccountName": spec.service_account,
            "securityContext": {"runAsUser": 27, "runAsGroup": 27, "fsGroup": 27},
            "containers": [
                {
                    "name": "operator-backup-job",
                    "image": spec.operator_image,
                    "imagePullPolicy": spec.pull_policy,
                    "command": [
                        "mysqlsh",
                        "--pym",
                        "mysqloperator",
                        "backup",
                        "--command",
                        "execute-backup",
                        "--namespace",
                        spec.namespace,
                        "--backup-object-name",
                        backup_name,
                        "--job-name",
                        job_name,
                        "--backup-dir",
                        "/mnt/storage",
                    ],
                    "securityContext": {k: v for k, v in _MYSQL_CONTAINER_SECURITY.items() if k != "runAsNonRoot"},
                    "env": [
                        {"name": "MYSQLSH_USER_CONFIG_HOME", "value": "/mysqlsh"},
                        {"name": "MYSQL_OPERATOR_K8S_CLUSTER_DOMAIN", "value": _CLUSTER_DOMAIN},
                    ],
                    "volumeMounts": [{"name": "shellhome", "mountPath": "/mysqlsh"}],
                }
            ],
            "volumes": [{"name": "shellhome", "emptyDir": {}}],
            "restartPolicy": "Never",
            "terminationGracePeriodSeconds": 60,
        }
    }
    metadata = _drop_empty({"annotations": profile.get("podAnnotations"), "labels": profile.get("podLabels")})
    if metadata:
        _mysql_merge_patch(pod_template, {"metadata": metadata}, "template")
    _mysql_add_backup_storage(pod_template, profile)
    job = {
        "apiVersion": "batch/v1",
        "kind": "Job",
        "metadata": {
            "name": job_name,
            "namespace": spec.namespace,
            "labels": {
                "tier": "mysql",
                "mysql.oracle.com/cluster": backup_name,
                "app.kubernetes.io/name": "mysql-innodbcluster-backup-task",
                "app.kubernetes.io/instance": f"idc-{backup_name}",
                "app.kubernetes.io/managed-by": "mysql-operator",
                "app.kubernetes.io/created-by": "mysql-operator",
            },
        },
        "spec": {"template": pod_template},
    }
    return _stamp(job, _MYSQL, _BACKUP_OBJECTS)


def _mysql_add_backup_storage(pod_template: dict, profile: dict) -> None:
    """storage_api.*StorageSpec.add_to_pod_spec for the profile's dumpInstance or snapshot storage."""
    methods = [profile[m] for m in ("dumpInstance", "snapshot") if profile.get(m)]
    if len(methods) != 1:
        raise Rejected(f"backup profile {profile.get('name')!r} needs exactly one of dumpInstance or snapshot")
    storage = methods[0].get("storage", {})
    kinds = [k for k in ("ociObjectStorage", "persistentVolumeClaim", "s3", "azure") if storage.get(k)]
    if len(kinds) != 1:
        raise Rejected(f"backup profile {profile.get('name')!r} needs exactly one storage kind, found {kinds}")
    kind, settings = kinds[0], storage[kinds[0]]
    container = pod_template["spec"]["containers"][0]
    name = container["name"]
    # The s3/azure/oci patches put container-only fields (allowPrivilegeEscalation, privileged,
    # readOnlyRootFilesystem) into the pod securityContext; the API server drops them.
    pod_security = {"runAsNonRoot": True, "runAsUser": 27, "fsGroup": 27}
    patch: dict[str, Any]
    if kind == "persistentVolumeClaim":
        patch = {
            "initContainers": [
                {
                    "name": "fixdumpdir",
                    "image": container["image"],
                    "imagePullPolicy": container["imagePullPolicy"],
                    "command": ["bash", "-c", "chown 27:27 /mnt/storage && chmod 0700 /mnt/storage"],
                    "securityContext": {"runAsUser": 0},
                    "volumeMounts": [{"name": "tmp-storage", "mountPath": "/mnt/storage"}],
                }
            ],
            "containers": [
                {
                    "name": name,
                    "env": [{"name": "DUMP_MOUNT_PATH", "value": "/mnt/storage"}],
                    "volumeMounts": [{"name": "tmp-storage", "mountPath": "/mnt/storage"}],
                }
            ],
            "volumes": [{"name": "tmp-storage", "persistentVolumeClaim": copy.deepcopy(settings)}],
        }
    elif kind in ("s3", "azure"):
        volume = f"{kind}-config-volume"
        patch = {
            "securityContext": pod_security,
            "containers": [
                {
                    "name": name,
                    "volumeMounts": [
                        {"name": volume, "readOnly": True, "mountPath": f"/mysqlsh/.{'aws' if kind == 's3' else 'azure'}"}
                    ],
                }
            ],
            "volumes": [{"name": volume, "secret": {"secretName": settings["config"]}}],
        }
    else:
        credentials = settings["credentials"]
        secret_env = [
            {"name": f"OCI_{key.upper()}", "valueFrom": {"secretKeyRef": {"name": credentials, "key": key}}}
            for key in ("user", "fingerprint", "tenancy", "region", "passphrase")
        ]
        secret_env[0]["name"] = "OCI_USER_NAME"
        patch = {
            "securityContext": pod_security,
            "containers": [
                {
                    "name": name,
                    "env": [
                        *secret_env,
                        {"name": "OCI_CONFIG_NAME", "value": "/mysqlsh/oci_config"},
                        {"name": "OCI_API_KEY_NAME", "value": "/.oci/privatekey.pem"},
                    ],
                    "volumeMounts": [{"name": "privatekey-volume", "readOnly": True, "mountPath": "/.oci"}],
                }
            ],
            "volumes": [
                {
                    "name": "privatekey-volume",
                    "secret": {
                        "secretName": credentials,
                        "items": [{"key": "privatekey", "path": "privatekey.pem", "mode": 400}],
                    },
                }
            ],
        }
    _mysql_merge_patch(pod_template["spec"], patch, "spec")


def _mysql_secret_keys(namespace: str, name: str, docs: Iterable[dict]) -> set[str] | None:
    """The keys Secret `name` will hold, from what writes it in the dist (a Secret, the target of an
    ExternalSecret, a cert-manager Certificate's kubernetes.io/tls Secret with the issuer's
    `ca.crt`); None if nothing does, as the operator's 404 when it reads the Secret at run time."""
    keys: set[str] | None = None
    for doc in docs:
        if doc.get("metadata", {}).get("namespace") != namespace:
            continue
        found: set[str] | None = None
        if doc["kind"] == "Secret" and doc["metadata"]["name"] == name:
            found = {*doc.get("data", {}), *doc.get("stringData", {})}
        elif _is(doc, "external-secrets.io", "ExternalSecret"):
            target = doc.get("spec", {}).get("target", {})
            if (target.get("name") or doc["metadata"]["name"]) == name:
                template = target.get("template", {}).get("data")
                found = set(template) if template else {item["secretKey"] for item in doc["spec"].get("data", [])}
        elif _is(doc, "cert-manager.io", "Certificate") and doc.get("spec", {}).get("secretName") == name:
            found = {"tls.crt", "tls.key", "ca.crt"}
        if found is not None:
            keys = (keys or set()) | found
    return keys


def _mysql_ca_file(spec: _MySQLServerSet, docs: Iterable[dict]) -> str:
    """cluster_api.InnoDBCluster.get_ca_and_tls: the CA Secret's "ca.pem", else its "ca.crt"; the
    callers default to "ca.pem" when the Secret (or the TLS Secret read first) is missing."""
    if _mysql_secret_keys(spec.namespace, spec.tls_secret, docs) is None:
        return "ca.pem"
    keys = _mysql_secret_keys(spec.namespace, spec.tls_ca_secret, docs) or set()
    return "ca.pem" if "ca.pem" in keys or "ca.crt" not in keys else "ca.crt"


def _mysql_router_tls_secret_exists(spec: _MySQLServerSet, router: dict, docs: Iterable[dict]) -> bool:
    """InnoDBCluster.router_tls_exists looks the secret up at run time: here, in the dist."""
    name = router.get("tlsSecretName") or f"{spec.name}-router-tls"
    return _mysql_secret_keys(spec.namespace, name, docs) is not None


def _mysql_cluster_objects(cluster: dict, docs: list[dict]) -> list[dict]:
    """operator_cluster.on_innodbcluster_create (steps 7-11) and on_innodbcluster_field_backup_schedules."""
    spec = _MySQLServerSet(cluster, cluster["spec"], None)
    objects = [_mysql_instances_service(spec), _mysql_statefulset(spec)]
    if spec.metrics.get("enable"):
        objects.append(_mysql_metrics_config(spec))
    for replica in cluster["spec"].get("readReplicas", []):
        replica_spec = _MySQLServerSet(cluster, replica, replica["name"])
        objects += [_mysql_instances_service(replica_spec), _mysql_statefulset(replica_spec)]
    objects.append(_mysql_router_service(spec))
    router = cluster["spec"].get("router", {})
    if router.get("instances", 1) > 0:
        router_tls = _mysql_router_tls_secret_exists(spec, router, docs)
        objects.append(_mysql_router_deployment(spec, router, router_tls, _mysql_ca_file(spec, docs)))
    profiles = {profile["name"]: profile for profile in cluster["spec"].get("backupProfiles", [])}
    for schedule in cluster["spec"].get("backupSchedules", []):
        if "backupProfile" in schedule:
            profile = schedule["backupProfile"]
        elif schedule.get("backupProfileName") in profiles:
            profile = profiles[schedule["backupProfileName"]]
        else:
            raise Rejected(f"InnoDBCluster {spec.name}: invalid backupProfileName {schedule.get('backupProfileName')!r}")
        objects.append(_mysql_backup_cronjob(spec, schedule, profile))
        if schedule.get("enabled", True):
            # backup_main.command_create_backup_object: a MySQLBackup named like the Job, without a
            # timestamp added to its directory, hence a Job of the same name.
            backup_name = f"{spec.name}-{schedule['name']}{_BACKUP_FIRED_AT}"
            objects.append(_mysql_backup_job(spec, backup_name, backup_name, profile))
    return objects


def _mysql_backup_objects(backup: dict, clusters: dict[tuple[str, str], dict]) -> list[dict]:
    """backup.operator_backup.on_mysqlbackup_create."""
    namespace, name = _namespace(backup), backup["metadata"]["name"]
    backup_spec = backup["spec"]
    cluster = clusters.get((namespace, backup_spec["clusterName"]))
    if cluster is None:
        raise UnmodelledSpec(f"MySQLBackup {namespace}/{name}: cluster {backup_spec['clusterName']!r} is not in the dist")
    spec = _MySQLServerSet(cluster, cluster["spec"], None)
    if backup_spec.get("backupProfileName") and backup_spec.get("backupProfile"):
        raise Rejected("Only one of spec.backupProfileName or spec.backupProfile must be set")
    if backup_spec.get("backupProfile"):
        profile = backup_spec["backupProfile"]
    else:
        profiles = {profile["name"]: profile for profile in cluster["spec"].get("backupProfiles", [])}
        if backup_spec.get("backupProfileName") not in profiles:
            raise Rejected(f"MySQLBackup {namespace}/{name}: invalid backupProfileName")
        profile = profiles[backup_spec["backupProfileName"]]
    job_name = name
    if backup_spec.get("addTimestampToBackupDirectory", True):
        job_name = f"{name}-20{_BACKUP_FIRED_AT[:6]}-{_BACKUP_FIRED_AT[6:]}"  # utils.timestamp()
    return [_mysql_backup_job(spec, job_name, name, profile)]


# --- RabbitMQ Cluster Operator v2.22.3 --------------------------------------------------------------

_STATEFULSET_GO = "internal/resource/statefulset.go"
_SERVICE_GO = "internal/resource/service.go"
_HEADLESS_GO = "internal/resource/headless_service.go"

# Defaults the API server applies from the RabbitmqCluster CRD (config/crd/bases) and the mutating
# webhook's DEFAULT_RABBITMQ_IMAGE (cmd/main.go, not overridden by the release manifest).
_RABBITMQ_DEFAULTS = {
    "replicas": 1,
    "resources": {"limits": {"cpu": "2000m", "memory": "2Gi"}, "requests": {"cpu": "1000m", "memory": "2Gi"}},
    "terminationGracePeriodSeconds": 604800,
    "delayStartSeconds": 30,
    "service": {"type": "ClusterIP"},
    "persistence": {"storage": "10Gi"},
    "image": "rabbitmq:4.2.6-management",
}

# patchMergeKey of the lists with patchStrategy "merge" (k8s.io/api/core/v1/types.go struct tags),
# which strategicpatch.StrategicMergePatch merges element by element; every other list is replaced.
_SMP_LISTS: dict[str, dict[str, tuple[str, str | None]]] = {
    "PodSpec": {
        "volumes": ("name", None),
        "initContainers": ("name", "Container"),
        "containers": ("name", "Container"),
        "ephemeralContainers": ("name", "Container"),
        "imagePullSecrets": ("name", None),
        "hostAliases": ("ip", None),
        "topologySpreadConstraints": ("topologyKey", None),
        "resourceClaims": ("name", None),
        "schedulingGates": ("name", None),
    },
    "Container": {
        "ports": ("containerPort", None),
        "env": ("name", None),
        "volumeMounts": ("mountPath", None),
        "volumeDevices": ("devicePath", None),
    },
    "ServiceSpec": {"ports": ("port", None)},
}


def _strategic_merge(original: dict, patch: dict, type_name: str | None) -> dict:
    """strategicpatch.StrategicMergePatch(original, patch, <type>) for the patches the operator builds.

    The operator marshals a typed Go struct as the patch, so `$patch`/`$retainKeys` directives of the
    custom resource never reach it, and nulls cannot occur (omitempty); both are ignored here.
    """
    result = copy.deepcopy(original)
    lists = _SMP_LISTS.get(type_name or "", {})
    for key, value in patch.items():
        if key.startswith("$") or value is None:
            continue
        current = result.get(key)
        if key in lists and isinstance(value, list) and isinstance(current, list):
            merge_key, element_type = lists[key]
            merged = list(current)
            for element in value:
                if not isinstance(element, dict) or merge_key not in element:
                    raise Rejected(f"strategic merge: an element of {key} does not contain declared merge key {merge_key}")
                index = next((i for i, item in enumerate(merged) if item.get(merge_key) == element[merge_key]), None)
                if index is None:
                    merged.append(copy.deepcopy(element))
                else:
                    merged[index] = _strategic_merge(merged[index], element, element_type)
            result[key] = merged
        elif isinstance(value, dict) and isinstance(current, dict):
            result[key] = _strategic_merge(current, value, None)
        else:
            result[key] = copy.deepcopy(value)
    return result


def _rabbitmq_labels(name: str) -> dict:
    # internal/metadata/label.go Label
    return {"app.kubernetes.io/name": name, "app.kubernetes.io/component": "rabbitmq", "app.kubernetes.io/part-of": "rabbitmq"}


def _rabbitmq_object_labels(cluster: dict) -> dict:
    # metadata.GetLabels: the instance's labels except app.kubernetes.io/* ones.
    instance = cluster["metadata"].get("labels", {})
    return {
        **_rabbitmq_labels(cluster["metadata"]["name"]),
        **{k: v for k, v in instance.items() if not k.startswith("app.kubernetes.io")},
    }


def _rabbitmq_object_annotations(cluster: dict) -> dict:
    # metadata.ReconcileAndFilterAnnotations: the instance's annotations except *kubernetes.io* / *k8s.io*.
    instance = cluster["metadata"].get("annotations", {})
    return {k: v for k, v in instance.items() if "kubernetes.io" not in k and "k8s.io" not in k}


def _with_metadata(metadata: dict, labels: dict, annotations: dict) -> dict:
    if labels:
        metadata["labels"] = labels
    if annotations:
        metadata["annotations"] = annotations
    return metadata


class _RabbitmqCluster:
    def __init__(self, cluster: dict) -> None:
        self.doc = cluster
        self.name = cluster["metadata"]["name"]
        self.namespace = _namespace(cluster)
        self.annotations = cluster["metadata"].get("annotations", {})
        spec = {**_RABBITMQ_DEFAULTS, **cluster.get("spec", {})}
        if not spec.get("image"):
            spec["image"] = _RABBITMQ_DEFAULTS["image"]
        # Nested CRD defaults: the API server fills them inside a given `persistence` or `service` too.
        spec["persistence"] = {"storage": "10Gi", **spec["persistence"]}
        spec["service"] = {"type": "ClusterIP", **spec["service"]}
        self.spec = spec
        backend = spec.get("secretBackend", {})
        if backend.get("vault") is not None:
            raise UnmodelledSpec("RabbitmqCluster spec.secretBackend.vault is not modelled")
        self.external_secret = backend.get("externalSecret", {}).get("name", "")
        self.plugins = set(spec.get("rabbitmq", {}).get("additionalPlugins", []))
        self.tls = spec.get("tls", {})

    def child(self, suffix: str) -> str:
        return f"{self.name}-{suffix}" if suffix else self.name

    @property
    def tls_enabled(self) -> bool:
        return bool(self.tls.get("secretName"))

    @property
    def only_tls(self) -> bool:
        return bool(self.tls.get("disableNonTLSListeners"))

    @property
    def stream(self) -> bool:
        return bool(self.plugins & {"rabbitmq_stream", "rabbitmq_stream_management", "rabbitmq_multi_dc_replication"})


def _rabbitmq_container_ports(rmq: _RabbitmqCluster) -> list[dict]:
    """StatefulSetBuilder.updateContainerPorts (and updateContainerPortsOnlyTLSListeners)."""
    ports = [("epmd", 4369)]
    if rmq.only_tls:
        ports += [("amqps", 5671), ("management-tls", 15671), ("prometheus-tls", 15691)]
        ports += [
            p
            for plugin, p in (("rabbitmq_mqtt", ("mqtts", 8883)), ("rabbitmq_stomp", ("stomps", 61614)))
            if plugin in rmq.plugins
        ]
        if rmq.stream:
            ports.append(("streams", 5551))
        return [{"name": n, "containerPort": p} for n, p in ports]
    ports += [("amqp", 5672), ("management", 15672), ("prometheus", 15692)]
    plugin_ports = [
        ("rabbitmq_mqtt", ("mqtt", 1883)),
        ("rabbitmq_web_mqtt", ("web-mqtt", 15675)),
        ("rabbitmq_stomp", ("stomp", 61613)),
        ("rabbitmq_web_stomp", ("web-stomp", 15674)),
        ("rabbitmq_web_amqp", ("web-amqp", 15678)),
    ]
    ports += [port for plugin, port in plugin_ports if plugin in rmq.plugins]
    if rmq.stream:
        ports.append(("stream", 5552))
    if rmq.tls_enabled:
        ports += [("amqps", 5671), ("management-tls", 15671), ("prometheus-tls", 15691)]
        if "rabbitmq_mqtt" in rmq.plugins:
            ports.append(("mqtts", 8883))
        if "rabbitmq_stomp" in rmq.plugins:
            ports.append(("stomps", 61614))
        if rmq.stream:
            ports.append(("streams", 5551))
        tls_plugin_ports = [
            ("rabbitmq_web_mqtt", ("web-mqtt-tls", 15676)),
            ("rabbitmq_web_stomp", ("web-stomp-tls", 15673)),
            ("rabbitmq_web_amqp", ("web-amqp-tls", 15677)),
        ]
        ports += [port for plugin, port in tls_plugin_ports if plugin in rmq.plugins]
    return [{"name": n, "containerPort": p} for n, p in ports]


def _rabbitmq_pod_template(rmq: _RabbitmqCluster) -> dict:
    """StatefulSetBuilder.podTemplateSpec and setupContainer."""
    spec = rmq.spec
    rabbitmq_config = spec.get("rabbitmq", {})
    zero_storage = _quantity_is_zero(spec["persistence"]["storage"])
    grace = spec["terminationGracePeriodSeconds"]
    confd_sources = [
        {
            "configMap": {
                "name": rmq.child("server-conf"),
                "items": [
                    {"key": "operatorDefaults.conf", "path": "operatorDefaults.conf"},
                    {"key": "userDefinedConfiguration.conf", "path": "userDefinedConfiguration.conf"},
                ],
            }
        },
        # appendDefaultUserSecretVolumeProjection: the operator's default-user Secret, or the external one.
        {
            "secret": {
                "name": rmq.external_secret or rmq.child("default-user"),
                "items": [{"key": "default_user.conf", "path": "default_user.conf"}],
            }
        },
    ]
    volumes = [
        {"name": "plugins-conf", "configMap": {"name": rmq.child("plugins-conf")}},
        {"name": "rabbitmq-confd", "projected": {"sources": confd_sources}},
        {"name": "rabbitmq-erlang-cookie", "emptyDir": {}},
        {"name": "erlang-cookie-secret", "secret": {"secretName": rmq.child("erlang-cookie")}},
        {"name": "rabbitmq-plugins", "emptyDir": {}},
        {
            "name": "pod-info",
            "downwardAPI": {
                "items": [{"path": "skipPreStopChecks", "fieldRef": {"fieldPath": "metadata.labels['skipPreStopChecks']"}}]
            },
        },
    ]
    if any(rabbitmq_config.get(k) for k in ("advancedConfig", "envConfig", "erlangInetConfig")):
        volumes.append({"name": "server-conf", "configMap": {"name": rmq.child("server-conf")}})
    if zero_storage:
        empty_dir = _drop_empty(
            {
                "sizeLimit": spec["persistence"].get("emptyDir", {}).get("sizeLimit"),
                "medium": spec["persistence"].get("emptyDir", {}).get("medium"),
            }
        )
        volumes.append({"name": "persistence", "emptyDir": empty_dir})
    mounts: list[dict[str, Any]] = [
        {"name": "rabbitmq-erlang-cookie", "mountPath": "/var/lib/rabbitmq/"},
        {"name": "persistence", "mountPath": "/var/lib/rabbitmq/mnesia/"},
        {"name": "rabbitmq-plugins", "mountPath": "/operator"},
        {
            "name": "rabbitmq-confd",
            "mountPath": "/etc/rabbitmq/conf.d/10-operatorDefaults.conf",
            "subPath": "operatorDefaults.conf",
        },
        {
            "name": "rabbitmq-confd",
            "mountPath": "/etc/rabbitmq/conf.d/90-userDefinedConfiguration.conf",
            "subPath": "userDefinedConfiguration.conf",
        },
        {"name": "pod-info", "mountPath": "/etc/pod-info/"},
        {"name": "rabbitmq-confd", "mountPath": "/etc/rabbitmq/conf.d/11-default_user.conf", "subPath": "default_user.conf"},
    ]
    for key, path, sub_path in (
        ("envConfig", "/etc/rabbitmq/rabbitmq-env.conf", "rabbitmq-env.conf"),
        ("advancedConfig", "/etc/rabbitmq/advanced.config", "advanced.config"),
        ("erlangInetConfig", "/etc/rabbitmq/erl_inetrc", "erl_inetrc"),
    ):
        if rabbitmq_config.get(key):
            mounts.append({"name": "server-conf", "mountPath": path, "subPath": sub_path})
    if rmq.tls_enabled:
        mounts.append({"name": "rabbitmq-tls", "mountPath": "/etc/rabbitmq-tls/", "readOnly": True})
        sources = [
            {
                "secret": {
                    "name": rmq.tls["secretName"],
                    "optional": True,
                    "items": [{"key": "tls.crt", "path": "tls.crt"}, {"key": "tls.key", "path": "tls.key"}],
                }
            }
        ]
        if rmq.tls.get("caSecretName"):
            sources.append(
                {"secret": {"name": rmq.tls["caSecretName"], "optional": True, "items": [{"key": "ca.crt", "path": "ca.crt"}]}}
            )
        volumes.append({"name": "rabbitmq-tls", "projected": {"sources": sources, "defaultMode": 400}})
    env_k8s = [
        {"name": "MY_POD_NAME", "valueFrom": {"fieldRef": {"fieldPath": "metadata.name", "apiVersion": "v1"}}},
        {"name": "MY_POD_NAMESPACE", "valueFrom": {"fieldRef": {"fieldPath": "metadata.namespace", "apiVersion": "v1"}}},
        {"name": "K8S_SERVICE_NAME", "value": rmq.child("nodes")},
    ]
    if "rabbitmq.com/legacy-startup-probe" in rmq.annotations:
        startup_probe = {
            "exec": {
                "command": [
                    "/bin/bash",
                    "-c",
                    '[[ "true" == "$(rabbitmqctl eval \'rabbit_nodes:reached_target_cluster_size().\')" ]]',
                ]
            },
            "initialDelaySeconds": 10,
            "timeoutSeconds": 5,
            "periodSeconds": 10,
            "failureThreshold": 30,
        }
    else:
        port, scheme = ("management-tls", "HTTPS") if rmq.only_tls else ("management", "HTTP")
        startup_probe = {
            "httpGet": {"path": "/api/health/checks/reached-target-cluster-size", "port": port, "scheme": scheme},
            "initialDelaySeconds": 10,
            "timeoutSeconds": 5,
            "periodSeconds": 10,
            "failureThreshold": 30,
        }
    restricted = {
        "allowPrivilegeEscalation": False,
        "capabilities": {"drop": ["ALL"]},
        "privileged": False,
        "readOnlyRootFilesystem": True,
        "runAsNonRoot": True,
        "seccompProfile": {"type": "RuntimeDefault"},
    }
    setup_command = (
        "cp /tmp/erlang-cookie-secret/.erlang.cookie /var/lib/rabbitmq/.erlang.cookie "
        "&& chmod 600 /var/lib/rabbitmq/.erlang.cookie ; "
        "cp /tmp/rabbitmq-plugins/enabled_plugins /operator/enabled_plugins ; "
        "echo '[default]' > /var/lib/rabbitmq/.rabbitmqadmin.conf "
        "&& sed -e 's/default_user/username/' -e 's/default_pass/password/' /tmp/default_user.conf "
        ">> /var/lib/rabbitmq/.rabbitmqadmin.conf "
        f"&& chmod 600 /var/lib/rabbitmq/.rabbitmqadmin.conf ; sleep {spec['delayStartSeconds']}"
    )
    setup_container = {
        "name": "setup-container",
        "image": spec["image"],
        "command": ["sh", "-c", setup_command],
        "resources": {"limits": {"cpu": "20m", "memory": "64Mi"}, "requests": {"cpu": "20m", "memory": "64Mi"}},
        "volumeMounts": [
            {"name": "plugins-conf", "mountPath": "/tmp/rabbitmq-plugins/"},
            {"name": "rabbitmq-erlang-cookie", "mountPath": "/var/lib/rabbitmq/"},
            {"name": "erlang-cookie-secret", "mountPath": "/tmp/erlang-cookie-secret/"},
            {"name": "rabbitmq-plugins", "mountPath": "/operator"},
            {"name": "persistence", "mountPath": "/var/lib/rabbitmq/mnesia/"},
            {"name": "rabbitmq-confd", "mountPath": "/tmp/default_user.conf", "subPath": "default_user.conf"},
        ],
        "securityContext": copy.deepcopy(restricted),
    }
    pre_stop = (
        'if [ ! -z "$(cat /etc/pod-info/skipPreStopChecks)" ]; then exit 0; fi;'
        f" rabbitmq-upgrade await_online_quorum_plus_one -t {grace} &&"
        f" rabbitmq-upgrade await_online_synchronized_mirror -t {grace} || true &&"
        f" rabbitmq-upgrade drain -t {grace}"
    )
    rabbitmq_container = {
        "name": "rabbitmq",
        "resources": copy.deepcopy(spec["resources"]),
        "image": spec["image"],
        "env": [
            *env_k8s,
            {"name": "RABBITMQ_ENABLED_PLUGINS_FILE", "value": "/operator/enabled_plugins"},
            {"name": "RABBITMQ_USE_LONGNAME", "value": "true"},
            {"name": "RABBITMQ_NODENAME", "value": "rabbit@$(MY_POD_NAME).$(K8S_SERVICE_NAME).$(MY_POD_NAMESPACE)"},
            {"name": "K8S_HOSTNAME_SUFFIX", "value": ".$(K8S_SERVICE_NAME).$(MY_POD_NAMESPACE)"},
        ],
        "ports": _rabbitmq_container_ports(rmq),
        "volumeMounts": mounts,
        "readinessProbe": {
            "tcpSocket": {"port": "amqps" if rmq.only_tls else "amqp"},
            "initialDelaySeconds": 10,
            "timeoutSeconds": 5,
            "periodSeconds": 10,
            "successThreshold": 1,
            "failureThreshold": 3,
        },
        "startupProbe": startup_probe,
        "lifecycle": {"preStop": {"exec": {"command": ["/bin/bash", "-c", pre_stop]}}},
        "securityContext": copy.deepcopy(restricted),
    }
    pod_spec = {
        "securityContext": {"fsGroup": 0, "runAsUser": 999, "runAsNonRoot": True, "seccompProfile": {"type": "RuntimeDefault"}},
        "imagePullSecrets": copy.deepcopy(spec.get("imagePullSecrets")),
        "terminationGracePeriodSeconds": grace,
        "affinity": copy.deepcopy(spec.get("affinity")),
        "tolerations": copy.deepcopy(spec.get("tolerations")),
        "initContainers": [setup_container],
        "volumes": volumes,
        "containers": [rabbitmq_container],
        "serviceAccountName": rmq.child("server"),
        "automountServiceAccountToken": True,
    }
    if rmq.annotations.get("rabbitmq.com/disable-default-topology-spread-constraints", "").strip() != "true":
        pod_spec["topologySpreadConstraints"] = [
            {
                "maxSkew": 1,
                "topologyKey": "topology.kubernetes.io/zone",
                "whenUnsatisfiable": "ScheduleAnyway",
                "labelSelector": {"matchLabels": {"app.kubernetes.io/name": rmq.name}},
            }
        ]
    return {"metadata": {"labels": _rabbitmq_labels(rmq.name)}, "spec": _drop_empty(pod_spec)}


def _rabbitmq_validate_override(pod_spec: dict) -> None:
    """internal/webhook/v1beta1/rabbitmqcluster_webhook.go validatePodSpecOverride (admission refuses)."""
    problems = [f"{field} is not permitted in override" for field in ("hostPID", "hostNetwork", "hostIPC") if pod_spec.get(field)]
    if pod_spec.get("serviceAccountName"):
        problems.append("serviceAccountName is managed by the operator and cannot be overridden")
    problems += [
        f"hostPath volume {v.get('name')} is not permitted in override" for v in pod_spec.get("volumes", []) if "hostPath" in v
    ]
    for kind in ("containers", "initContainers"):
        for container in pod_spec.get(kind, []):
            context = container.get("securityContext") or {}
            where = f"{kind}[{container.get('name')}]"
            if context.get("privileged"):
                problems.append(f"{where}: privileged containers are not permitted in override")
            if context.get("allowPrivilegeEscalation"):
                problems.append(f"{where}: allowPrivilegeEscalation is not permitted in override")
            if context.get("runAsUser") == 0:
                problems.append(f"{where}: runAsUser 0 is not permitted in override")
            if context.get("runAsNonRoot") is False:
                problems.append(f"{where}: runAsNonRoot false is not permitted in override")
            if (context.get("capabilities") or {}).get("add") is not None:
                problems.append(f"{where}: adding capabilities is not permitted in override")
    if problems:
        raise Rejected("RabbitmqCluster override refused by the operator's webhook: " + "; ".join(problems))


def _rabbitmq_patch_pod_spec(pod_spec: dict, override: dict) -> dict:
    """statefulset.go patchPodSpec."""
    patched = _strategic_merge(pod_spec, override, "PodSpec")
    rabbitmq: dict[str, Any] = next((c for c in override.get("containers", []) if c.get("name") == "rabbitmq"), {})
    first = patched["containers"][0]
    if rabbitmq.get("env") is not None:
        # sortEnvVar: MY_POD_NAME, MY_POD_NAMESPACE, K8S_SERVICE_NAME first, so later values can refer to them.
        env = first["env"]
        for index in range(len(env)):
            name = env[index]["name"]
            slot = {"MY_POD_NAME": 0, "MY_POD_NAMESPACE": 1, "K8S_SERVICE_NAME": 2}.get(name)
            if slot is not None:
                env[slot], env[index] = env[index], env[slot]
    if rabbitmq.get("volumeMounts") is not None:
        # sortVolumeMounts: /var/lib/rabbitmq/ before /var/lib/rabbitmq/mnesia/.
        mounts = first["volumeMounts"]
        for index in range(len(mounts)):
            slot = {"rabbitmq-erlang-cookie": 0, "persistence": 1}.get(mounts[index]["name"])
            if slot is not None:
                mounts[slot], mounts[index] = mounts[index], mounts[slot]
    for probe in ("livenessProbe", "readinessProbe", "startupProbe"):
        if rabbitmq.get(probe) is not None:
            first[probe] = copy.deepcopy(rabbitmq[probe])
    # An empty securityContext in the override removes the operator's (indexes as upstream does).
    if override.get("securityContext") == {}:
        patched.pop("securityContext", None)
    for kind in ("initContainers", "containers"):
        for index, container in enumerate(override.get(kind, [])):
            if container.get("securityContext") == {}:
                patched[kind][index].pop("securityContext", None)
    return patched


def _rabbitmq_statefulset(rmq: _RabbitmqCluster) -> dict:
    """StatefulSetBuilder.Build and Update, with applyStsOverride."""
    spec = rmq.spec
    claims = []
    if not _quantity_is_zero(spec["persistence"]["storage"]):
        claim_metadata = _with_metadata(
            {"name": "persistence", "namespace": rmq.namespace}, _rabbitmq_labels(rmq.name), _rabbitmq_object_annotations(rmq.doc)
        )
        claim_spec = {
            "resources": {"requests": {"storage": spec["persistence"]["storage"]}},
            "accessModes": ["ReadWriteOnce"],
        }
        if spec["persistence"].get("storageClassName"):
            claim_spec["storageClassName"] = spec["persistence"]["storageClassName"]
        claims.append({"metadata": claim_metadata, "spec": claim_spec})
    statefulset = {
        "apiVersion": "apps/v1",
        "kind": "StatefulSet",
        "metadata": _with_metadata(
            {"name": rmq.child("server"), "namespace": rmq.namespace},
            _rabbitmq_object_labels(rmq.doc),
            _rabbitmq_object_annotations(rmq.doc),
        ),
        "spec": _drop_empty(
            {
                "serviceName": rmq.child("nodes"),
                "selector": {"matchLabels": {"app.kubernetes.io/name": rmq.name}},
                "volumeClaimTemplates": claims,
                "podManagementPolicy": "Parallel",
                "replicas": spec["replicas"],
                "updateStrategy": {"rollingUpdate": {"partition": 0}, "type": "RollingUpdate"},
                "template": _rabbitmq_pod_template(rmq),
            }
        ),
    }
    override = spec.get("override", {}).get("statefulSet")
    if override:
        _rabbitmq_apply_sts_override(rmq, statefulset, override)
    _check_selector(statefulset)
    return _stamp(statefulset, _RABBITMQ, _STATEFULSET_GO)


def _rabbitmq_apply_sts_override(rmq: _RabbitmqCluster, statefulset: dict, override: dict) -> None:
    """applyStsOverride (and the selector/serviceName part of Build)."""
    metadata = override.get("metadata") or {}
    for field in ("labels", "annotations"):
        if metadata.get(field) is not None:
            statefulset["metadata"][field] = {**statefulset["metadata"].get(field, {}), **metadata[field]}
    sts_spec = statefulset["spec"]
    override_spec = override.get("spec")
    if not override_spec:
        return
    # Pointers are taken when set, strings when non-empty, minReadySeconds when non-zero (as in Go).
    for field in ("selector", "replicas", "updateStrategy", "persistentVolumeClaimRetentionPolicy"):
        if override_spec.get(field) is not None:
            sts_spec[field] = copy.deepcopy(override_spec[field])
    for field in ("serviceName", "podManagementPolicy", "minReadySeconds"):
        if override_spec.get(field):
            sts_spec[field] = override_spec[field]
    if override_spec.get("volumeClaimTemplates") and not _quantity_is_zero(rmq.spec["persistence"]["storage"]):
        claims = []
        for claim in override_spec["volumeClaimTemplates"]:
            claim_metadata = {k: v for k, v in (claim.get("metadata") or {}).items() if k in ("name", "labels", "annotations")}
            claims.append(
                {"metadata": {**claim_metadata, "namespace": rmq.namespace}, "spec": copy.deepcopy(claim.get("spec", {}))}
            )
        sts_spec["volumeClaimTemplates"] = claims
    template_override = override_spec.get("template")
    if not template_override:
        return
    template = sts_spec["template"]
    template_metadata = template_override.get("metadata") or {}
    for field in ("labels", "annotations"):
        if template_metadata.get(field) is not None:
            template["metadata"][field] = {**template["metadata"].get(field, {}), **template_metadata[field]}
    if template_override.get("spec") is not None:
        _rabbitmq_validate_override(template_override["spec"])
        template["spec"] = _rabbitmq_patch_pod_spec(template["spec"], template_override["spec"])
    # Operator-controlled identity, restored whatever the override says.
    template["spec"]["serviceAccountName"] = rmq.child("server")
    template["spec"]["automountServiceAccountToken"] = True


def _rabbitmq_service(rmq: _RabbitmqCluster) -> dict:
    """ServiceBuilder.Update (generateServicePortsMap, applySvcOverride)."""
    service_spec = rmq.spec["service"]
    ports: list[tuple[str, int, str]] = []
    if not rmq.only_tls:
        ports += [("amqp", 5672, "amqp"), ("management", 15672, "http")]
        plugin_ports = [
            ("rabbitmq_mqtt", ("mqtt", 1883, "mqtt")),
            ("rabbitmq_web_mqtt", ("web-mqtt", 15675, "http")),
            ("rabbitmq_stomp", ("stomp", 61613, "stomp.github.io/stomp")),
            ("rabbitmq_web_stomp", ("web-stomp", 15674, "http")),
            ("rabbitmq_web_amqp", ("web-amqp", 15678, "http")),
        ]
        ports += [port for plugin, port in plugin_ports if plugin in rmq.plugins]
        if rmq.stream:
            ports.append(("stream", 5552, "rabbitmq.com/stream"))
    if rmq.tls_enabled:
        ports += [("amqps", 5671, "amqps"), ("management-tls", 15671, "https")]
        tls_plugin_ports = [
            ("rabbitmq_stomp", ("stomps", 61614, "stomp.github.io/stomp-tls")),
            ("rabbitmq_mqtt", ("mqtts", 8883, "mqtts")),
            ("rabbitmq_web_stomp", ("web-stomp-tls", 15673, "https")),
            ("rabbitmq_web_mqtt", ("web-mqtt-tls", 15676, "https")),
            ("rabbitmq_web_amqp", ("web-amqp-tls", 15677, "https")),
        ]
        ports += [port for plugin, port in tls_plugin_ports if plugin in rmq.plugins]
        if rmq.stream:
            ports.append(("streams", 5551, "rabbitmq.com/stream-tls"))
        ports.append(("prometheus-tls", 15691, "prometheus.io/metric-tls"))
    else:
        ports.append(("prometheus", 15692, "prometheus.io/metrics"))
    labels = _rabbitmq_object_labels(rmq.doc)
    for key, value in (service_spec.get("labels") or {}).items():
        labels.setdefault(key, value)
    annotations = {**_rabbitmq_object_annotations(rmq.doc), **(service_spec.get("annotations") or {})}
    # Ports come from a Go map, in no fixed order on creation; the order here is the source's.
    spec = _drop_empty(
        {
            "type": service_spec.get("type") or "ClusterIP",
            "selector": {"app.kubernetes.io/name": rmq.name},
            "ipFamilyPolicy": service_spec.get("ipFamilyPolicy"),
            "ports": [{"protocol": "TCP", "port": p, "targetPort": p, "name": n, "appProtocol": a} for n, p, a in ports],
        }
    )
    service: dict[str, Any] = {
        "apiVersion": "v1",
        "kind": "Service",
        "metadata": _with_metadata({"name": rmq.name, "namespace": rmq.namespace}, labels, annotations),
        "spec": spec,
    }
    override = rmq.spec.get("override", {}).get("service")
    if override:
        metadata = override.get("metadata") or {}
        for field in ("labels", "annotations"):
            if metadata.get(field) is not None:
                service["metadata"][field] = {**service["metadata"].get(field, {}), **metadata[field]}
        if override.get("spec") is not None:
            service["spec"] = _strategic_merge(service["spec"], override["spec"], "ServiceSpec")
    return _stamp(service, _RABBITMQ, _SERVICE_GO)


def _rabbitmq_headless_service(rmq: _RabbitmqCluster) -> dict:
    """HeadlessServiceBuilder.Update."""
    service: dict[str, Any] = {
        "apiVersion": "v1",
        "kind": "Service",
        "metadata": _with_metadata(
            {"name": rmq.child("nodes"), "namespace": rmq.namespace},
            _rabbitmq_object_labels(rmq.doc),
            _rabbitmq_object_annotations(rmq.doc),
        ),
        "spec": _drop_empty(
            {
                "type": "ClusterIP",
                "clusterIP": "None",
                "sessionAffinity": "None",
                "selector": {"app.kubernetes.io/name": rmq.name},
                "ports": [
                    {"protocol": "TCP", "port": 4369, "targetPort": 4369, "name": "epmd"},
                    {"protocol": "TCP", "port": 25672, "targetPort": 25672, "name": "cluster-rpc"},
                ],
                "publishNotReadyAddresses": True,
                "ipFamilyPolicy": rmq.spec["service"].get("ipFamilyPolicy"),
            }
        ),
    }
    return _stamp(service, _RABBITMQ, _HEADLESS_GO)


def _rabbitmq_cluster_objects(cluster: dict) -> list[dict]:
    """rabbitmq_resource_builder.go ResourceBuilders: the Services and the StatefulSet."""
    rmq = _RabbitmqCluster(cluster)
    return [_rabbitmq_headless_service(rmq), _rabbitmq_service(rmq), _rabbitmq_statefulset(rmq)]


# --- cert-manager v1.21.1: ACME HTTP-01 solver --------------------------------------------------------

_POD_GO = "pkg/issuer/acme/http/pod.go"
_SOLVER_SERVICE_GO = "pkg/issuer/acme/http/service.go"
_INGRESS_GO = "pkg/issuer/acme/http/ingress.go"

# internal/apis/config/controller/v1alpha1/defaults.go (the chart passes only the solver image,
# built the same way, and no extra labels unless global.commonLabels is set).
_SOLVER_IMAGE = "quay.io/jetstack/cert-manager-acmesolver:v1.21.1"
_SOLVER_REQUESTS = {"cpu": "10m", "memory": "64Mi"}
_SOLVER_LIMITS = {"cpu": "100m", "memory": "64Mi"}
_SOLVER_PORT = 8089  # http.go acmeSolverListenPort
# Feature gate ACMEHTTP01IngressPathTypeExact is Beta and on by default (internal/controller/feature).
_SOLVER_PATH_TYPE = "Exact"


def _find_issuer(certificate: dict, docs: list[dict]) -> dict | None:
    ref = certificate["spec"]["issuerRef"]
    if ref.get("group", "cert-manager.io") != "cert-manager.io":
        return None
    kind = ref.get("kind") or "Issuer"
    for doc in docs:
        if not _is(doc, "cert-manager.io", kind) or doc["metadata"]["name"] != ref["name"]:
            continue
        if kind == "ClusterIssuer" or doc["metadata"].get("namespace") == certificate["metadata"].get("namespace"):
            return doc
    return None


def _identifiers(certificate: dict) -> list[str]:
    """The Order's identifiers (certificaterequests/acme buildOrder, acmeorders/sync.go): dnsNames,
    a fully-qualified commonName and ipAddresses, each once."""
    spec = certificate["spec"]
    names = list(spec.get("dnsNames", []))
    common_name = spec.get("commonName", "")
    if common_name and (_is_ip(common_name) or "." in common_name) and common_name not in names:
        names.append(common_name)
    names += [ip for ip in spec.get("ipAddresses", []) if ip not in names]
    return sorted(set(names))


def _is_ip(identifier: str) -> bool:
    try:
        ipaddress.ip_address(identifier)
    except ValueError:
        return False
    return True


def _domain_labels_in_common(zone: str, name: str) -> int:
    """miekg/dns CompareDomainName: how many labels match, counting from the right."""
    zone_labels = [label for label in zone.lower().rstrip(".").split(".") if label]
    name_labels = [label for label in name.lower().rstrip(".").split(".") if label]
    count = 0
    while count < min(len(zone_labels), len(name_labels)) and zone_labels[-1 - count] == name_labels[-1 - count]:
        count += 1
    return count


def _selector_matches(selector: dict, order_labels: dict, domain: str) -> tuple[bool, int, int, int]:
    """acmeorders/selectors: (matches, labels matched, dnsNames matched, dnsZone labels matched)."""
    required = selector.get("matchLabels") or {}
    labels_match = all(order_labels.get(k) == v for k, v in required.items())
    num_labels = len(required) if labels_match else 0
    names = selector.get("dnsNames") or []
    names_match, num_names = (True, 0) if not names else (domain in names, int(domain in names))
    zones = selector.get("dnsZones") or []
    if not zones:
        zones_match, num_zones = True, 0
    else:
        counts = [
            _domain_labels_in_common(z, domain)
            for z in zones
            if _domain_labels_in_common(z, domain) == len([label for label in z.rstrip(".").split(".") if label])
        ]
        num_zones = max(counts, default=0)
        zones_match = num_zones > 0
    return labels_match and names_match and zones_match, num_labels, num_names, num_zones


def _pick_solver(solvers: list[dict], domain: str, offered: set[str], order_labels: dict) -> dict | None:
    """pkg/util/solverpicker Pick."""
    selected, selected_labels, selected_names, selected_zones = None, 0, 0, 0
    for solver in solvers:
        usable = ("http-01" in offered and solver.get("http01") is not None) or (
            "dns-01" in offered and solver.get("dns01") is not None
        )
        if not usable:
            continue
        if solver.get("selector") is None:
            if selected is None:
                selected = solver
            continue
        matches, num_labels, num_names, num_zones = _selector_matches(solver["selector"], order_labels, domain)
        if not matches:
            continue
        better = False
        if selected is None:
            better = True
        elif (selected_names > 0) != (num_names > 0):
            better = num_names > 0
        elif num_names > 0 or (selected_zones > 0 and num_zones > 0):
            better = num_zones > selected_zones or (num_zones == selected_zones and num_labels > selected_labels)
        elif (selected_zones > 0) != (num_zones > 0):
            better = num_zones > 0
        else:
            better = num_labels > selected_labels
        if better:
            selected, selected_labels, selected_names, selected_zones = solver, num_labels, num_names, num_zones
    return selected


def _fake_token(*seed: str) -> str:
    """ACME tokens are 32 random bytes, base64url: stand in with a digest of the inputs."""
    return base64.urlsafe_b64encode(hashlib.sha256("\0".join(seed).encode()).digest()).decode().rstrip("=")


def _solver_pod(namespace: str, domain: str, token: str, key: str, http01: dict, seed: str) -> dict:
    """pod.go buildPod: buildDefaultPod merged with the solver's podTemplate (mergePodObjectMetaWithPodTemplate)."""
    labels = {
        "acme.cert-manager.io/http-domain": str(zlib.adler32(domain.encode())),
        "acme.cert-manager.io/http-token": str(zlib.adler32(token.encode())),
        "acme.cert-manager.io/http01-solver": "true",
    }
    pod: dict[str, Any] = {
        "apiVersion": "v1",
        "kind": "Pod",
        "metadata": {
            "name": _generated_name("cm-acme-http-solver-", "pod", seed),
            "namespace": namespace,
            "labels": dict(labels),
            "annotations": {"sidecar.istio.io/inject": "false", "cluster-autoscaler.kubernetes.io/safe-to-evict": "true"},
        },
        "spec": {
            "automountServiceAccountToken": False,
            "nodeSelector": {"kubernetes.io/os": "linux"},
            "restartPolicy": "OnFailure",
            "enableServiceLinks": False,
            "securityContext": {"runAsNonRoot": True, "seccompProfile": {"type": "RuntimeDefault"}},
            "containers": [
                {
                    "name": "acmesolver",
                    "image": _SOLVER_IMAGE,
                    "imagePullPolicy": "IfNotPresent",
                    "args": [f"--listen-port={_SOLVER_PORT}", f"--domain={domain}", f"--token={token}", f"--key={key}"],
                    "resources": {"requests": dict(_SOLVER_REQUESTS), "limits": dict(_SOLVER_LIMITS)},
                    "ports": [{"name": "http", "containerPort": _SOLVER_PORT}],
                    "securityContext": {
                        "readOnlyRootFilesystem": True,
                        "allowPrivilegeEscalation": False,
                        "capabilities": {"drop": ["ALL"]},
                    },
                }
            ],
        },
    }
    for source in ("ingress", "gatewayHTTPRoute"):
        template = (http01.get(source) or {}).get("podTemplate")
        if template is None:
            continue
        template_metadata, template_spec = template.get("metadata") or {}, template.get("spec") or {}
        pod["metadata"]["labels"].update(template_metadata.get("labels") or {})
        pod["metadata"]["annotations"].update(template_metadata.get("annotations") or {})
        spec = pod["spec"]
        spec["nodeSelector"].update(template_spec.get("nodeSelector") or {})
        spec["tolerations"] = [*spec.get("tolerations", []), *copy.deepcopy(template_spec.get("tolerations") or [])]
        for field in ("affinity", "priorityClassName", "serviceAccountName"):
            if template_spec.get(field):
                spec[field] = copy.deepcopy(template_spec[field])
        spec["imagePullSecrets"] = [
            *spec.get("imagePullSecrets", []),
            *copy.deepcopy(template_spec.get("imagePullSecrets") or []),
        ]
        if template_spec.get("securityContext") is not None:
            # Replaced, not merged: only the template's fields remain (a template without
            # seccompProfile leaves the pod without one).
            kept = (
                "seLinuxOptions",
                "runAsUser",
                "runAsGroup",
                "runAsNonRoot",
                "supplementalGroups",
                "fsGroup",
                "sysctls",
                "fsGroupChangePolicy",
                "seccompProfile",
            )
            spec["securityContext"] = {
                k: copy.deepcopy(v) for k, v in template_spec["securityContext"].items() if k in kept and v is not None
            }
        resources = template_spec.get("resources")
        if resources is not None:
            container_resources = spec["containers"][0]["resources"]
            for field in ("requests", "limits"):
                if resources.get(field) is not None:
                    container_resources.setdefault(field, {}).update(resources[field])
    pod["spec"] = _drop_empty(pod["spec"])
    return _stamp(pod, _CERT_MANAGER, _POD_GO)


def _solver_service(namespace: str, pod: dict, http01: dict, seed: str) -> dict:
    """service.go buildService: selects the pod by its ACME labels; NodePort unless serviceType is set."""
    selector = {k: v for k, v in pod["metadata"]["labels"].items() if k.startswith("acme.cert-manager.io/")}
    solver = http01["ingress"] if http01.get("ingress") is not None else http01.get("gatewayHTTPRoute") or {}
    service = {
        "apiVersion": "v1",
        "kind": "Service",
        "metadata": {
            "name": _generated_name("cm-acme-http-solver-", "service", seed),
            "namespace": namespace,
            "labels": dict(selector),
            "annotations": {"auth.istio.io/8089": "NONE"},
        },
        "spec": {
            "type": solver.get("serviceType") or "NodePort",
            "ports": [{"name": "http", "port": _SOLVER_PORT, "targetPort": _SOLVER_PORT}],
            "selector": selector,
        },
    }
    return _stamp(service, _CERT_MANAGER, _SOLVER_SERVICE_GO)


def _solver_ingress(namespace: str, domain: str, token: str, service: dict, ingress_solver: dict, seed: str) -> dict:
    """ingress.go buildIngressResource, mergeIngressObjectMetaWithIngressResourceTemplate."""
    if ingress_solver.get("class") is not None and ingress_solver.get("ingressClassName") is not None:
        raise Rejected("the fields ingressClassName and class cannot be set at the same time")
    annotations = {"nginx.ingress.kubernetes.io/whitelist-source-range": "0.0.0.0/0,::/0"}
    if ingress_solver.get("class") is not None:
        annotations["kubernetes.io/ingress.class"] = ingress_solver["class"]
    rule: dict[str, Any] = {
        "http": {
            "paths": [
                {
                    "path": f"/.well-known/acme-challenge/{token}",
                    "pathType": _SOLVER_PATH_TYPE,
                    "backend": {"service": {"name": service["metadata"]["name"], "port": {"number": _SOLVER_PORT}}},
                }
            ]
        }
    }
    if not _is_ip(domain):
        rule["host"] = domain
    ingress: dict[str, Any] = {
        "apiVersion": "networking.k8s.io/v1",
        "kind": "Ingress",
        "metadata": {
            "name": _generated_name("cm-acme-http-solver-", "ingress", seed),
            "namespace": namespace,
            "labels": dict(service["spec"]["selector"]),
            "annotations": annotations,
        },
        "spec": _drop_empty({"ingressClassName": ingress_solver.get("ingressClassName"), "rules": [rule]}),
    }
    template_metadata = (ingress_solver.get("ingressTemplate") or {}).get("metadata") or {}
    ingress["metadata"]["labels"].update(template_metadata.get("labels") or {})
    for key, value in (template_metadata.get("annotations") or {}).items():
        if key.rsplit("/", 1)[-1] == "whitelist-source-range":
            ingress["metadata"]["annotations"].pop("nginx.ingress.kubernetes.io/whitelist-source-range", None)
        ingress["metadata"]["annotations"][key] = value
    return _stamp(ingress, _CERT_MANAGER, _INGRESS_GO)


def _acme_http01_objects(certificate: dict, docs: list[dict]) -> list[dict]:
    """One challenge per identifier, each presented by http.go Solver.Present (pod, service, ingress).

    All challenges of an Order are presented at once, so every identifier gets its own pod and
    service here (quota sees them together). Let's Encrypt offers http-01 and dns-01 for a name,
    only dns-01 for a wildcard and only http-01 for an IP address.
    """
    issuer = _find_issuer(certificate, docs)
    acme = (issuer or {}).get("spec", {}).get("acme")
    if issuer is None or not acme:
        return []
    namespace, name = _namespace(certificate), certificate["metadata"]["name"]
    order_labels = certificate["metadata"].get("labels", {})  # Certificate → CertificateRequest → Order
    objects = []
    for identifier in _identifiers(certificate):
        if identifier.startswith("*."):
            offered, domain = {"dns-01"}, identifier[2:]
        elif _is_ip(identifier):
            offered, domain = {"http-01"}, identifier
        else:
            offered, domain = {"http-01", "dns-01"}, identifier
        solver = _pick_solver(acme.get("solvers") or [], identifier, offered, order_labels)
        if solver is None or solver.get("http01") is None or "http-01" not in offered:
            continue
        http01 = solver["http01"]
        if http01.get("ingress") is None and http01.get("gatewayHTTPRoute") is None:
            raise Rejected(f"Certificate {namespace}/{name}: neither HTTP01 Ingress nor Gateway solvers were found")
        seed = f"{namespace}/{name}/{identifier}"
        token = _fake_token("token", seed)
        key = f"{token}.{_fake_token('account', issuer['metadata']['name'])}"
        pod = _solver_pod(namespace, domain, token, key, http01, seed)
        service = _solver_service(namespace, pod, http01, seed)
        objects += [pod, service]
        ingress_solver = http01.get("ingress")
        # With `name`, the solver adds its path to that existing Ingress instead of creating one; a
        # gatewayHTTPRoute solver creates an HTTPRoute, which is not modelled here.
        if ingress_solver is not None and not ingress_solver.get("name"):
            objects.append(_solver_ingress(namespace, domain, token, service, ingress_solver, seed))
    return objects


def _check_selector(workload: dict) -> None:
    """The API server refuses a workload whose selector does not select its own pod template."""
    selector = workload["spec"]["selector"].get("matchLabels", {})
    labels = workload["spec"]["template"]["metadata"].get("labels", {})
    if any(labels.get(k) != v for k, v in selector.items()):
        raise Rejected(f"{workload['kind']}/{workload['metadata']['name']}: selector does not match the pod template labels")
