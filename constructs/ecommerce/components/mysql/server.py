"""MySQL for the environment's database mode, and one schema and users per service.

- standalone (dev): a MySQL 8 StatefulSet of our own, with a mysqld-exporter sidecar.
- primary-replica / innodb-cluster: an InnoDBCluster run by the MySQL Operator, with
  routers, TLS, metrics, and in prod anti-affinity and daily dumps to an S3 bucket off the
  cluster, locked and pruned by a retention CronJob that always keeps the newest dumps.

Where the environment requires TLS, every server clients reach (the standalone server, or the
MySQL Routers in front of the cluster) presents a certificate of the internal CA (components/internal_tls.py)
naming the Service clients dial, so that they verify it (VERIFY_IDENTITY); the cluster's members
use one too, and verify each other and the Routers verify them.

Schemas and users are applied by a small idempotent script, run as a Job at each sync and
as a CronJob afterwards, so that a new service, a lost user or a rotated password is
reconciled without anyone running SQL by hand. It runs as a dedicated admin account, not
root: root may log in from inside the server's own pod only (rootHost localhost), and the
admin account is created by a second script run there as root (`admin.sh`). Each service
has an application user with data privileges only (no DDL) and a migration user
(`<schema>_migrate`) with DDL on its schema, for its migration job alone.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cdk8s_plus_27 import k8s
from constructs import Construct

from ecommerce.components.internal_tls import certificate, service_dns_names
from ecommerce.components.meta import Part, int_or_string
from ecommerce.components.pods import (
    JOB,
    SIDECAR,
    anti_affinity,
    claim_template,
    config_map_volume,
    empty_dir,
    exec_probe,
    http_probe,
    resources,
    secret_volume,
    tcp_probe,
)
from ecommerce.components.security import container_security_context, pod_security_context
from ecommerce.derived import backups
from ecommerce.derived.endpoints import (
    CA_FILE,
    CA_KEY,
    CA_MOUNT,
    CA_SECRET,
    MYSQL,
    MYSQL_EXPORTER_PORT,
    MYSQL_OPERATOR_ROUTER_PODS,
    MYSQL_OPERATOR_SERVER_PODS,
    MYSQL_PORT,
    MYSQL_VERIFY_MODE,
    mysql_host,
)
from ecommerce.derived.labels import labels, selector
from ecommerce.derived.secret_specs import (
    MYSQL_ACCOUNTS_SECRET,
    MYSQL_ADMIN_KEY,
    MYSQL_EXPORTER_SECRET,
    MYSQL_ROOT_SECRET,
    NEXT_PASSWORD_SUFFIX,
)
from ecommerce.derived.wiring import migration_user
from ecommerce.errors import require
from ecommerce.model.environments import Environment, Resources, SecretsMode, duration_seconds
from ecommerce.model.images import ImageRef

if TYPE_CHECKING:
    from imports.mysql.com.oracle import mysql as operator

# A schema's migration user, `<schema>_migrate`, must fit MySQL's 32 characters.
SCHEMA_NAME = re.compile(r"^[a-z][a-z0-9_]{0,23}$")
MYSQL_VERSION = re.compile(r"^\d+\.\d+\.\d+$")
# Collectors that mysqld_exporter leaves off by default and our alerts need:
# MySQLReplicationLag reads mysql_perf_schema_transactions_in_queue.
EXPORTER_COLLECTORS = ("--collect.perf_schema.replication_group_member_stats",)
# The MySQL Operator writes `socket=unix:///var/run/mysqld/mysql.sock` into its metrics
# sidecar's my.cnf (mysqloperator/controller/innodbcluster/cluster_api.py, 9.1.0-2.2.2);
# mysqld_exporter 0.15+ takes that value as a file path and never connects. Its multi-target
# endpoint parses the same address correctly, so Prometheus scrapes /probe with this target.
OPERATOR_EXPORTER_TARGET = "unix:///var/run/mysqld/mysql.sock"
# How long the accounts Job waits for a writable primary: a new InnoDB cluster takes several
# minutes to provision its members, elect a primary and start its routers.
ACCOUNTS_WAIT_SECONDS = 1800
# The account the accounts Job runs as (admin.sh creates it).
ACCOUNTS_ADMIN = "accounts_admin"
# What a service's application user may do on its own schema: data, not structure.
APP_PRIVILEGES = ("SELECT", "INSERT", "UPDATE", "DELETE", "EXECUTE", "CREATE TEMPORARY TABLES", "LOCK TABLES")
# What its migration user may do there besides: the schema's structure. Nothing global.
DDL_PRIVILEGES = (
    "CREATE",
    "ALTER",
    "DROP",
    "INDEX",
    "REFERENCES",
    "CREATE VIEW",
    "SHOW VIEW",
    "TRIGGER",
    "CREATE ROUTINE",
    "ALTER ROUTINE",
)
MIGRATION_PRIVILEGES = APP_PRIVILEGES + DDL_PRIVILEGES
# Our standalone server's exporter (the operator runs its own metrics user).
EXPORTER_PRIVILEGES = ("PROCESS", "REPLICATION CLIENT", "SELECT")
SERVER_CONFIG = """\
[mysqld]
character-set-server = utf8mb4
collation-server = utf8mb4_0900_ai_ci
max_connections = 500
# No server-side file import or export.
secure-file-priv = NULL
# Lets the accounts admin hold privileges on every schema but the system ones (admin.sh).
partial_revokes = ON
"""
# The retention CronJob runs dumps.py under MySQL Shell, from the mysql image.
DUMPS_SOURCE = Path(__file__).with_name("dumps.py")
DUMPS_MAIN_GUARD = 'if __name__ == "__main__":'
# Where the official mysql image runs first-start scripts, as root over its local socket.
INITDB = "/docker-entrypoint-initdb.d"
# The official image's socket (its /etc/my.cnf), in the pod's shared `run` volume.
SOCKET = "/var/run/mysqld/mysqld.sock"

# --- TLS from the internal CA ---
# The servers' certificate (cert-manager: tls.crt, tls.key, ca.crt): the standalone server's, or
# the InnoDB cluster members' (the operator's spec.tlsSecretName).
SERVER_CERTIFICATE = "mysql-tls"
# The Routers' certificate, the one clients of an InnoDB cluster see (spec.router.tlsSecretName).
ROUTER_CERTIFICATE = "mysql-router-tls"
# The MySQL Operator 9.1.0-2.2.2 reads the CA from spec.tlsCASecretName, preferring `ca.pem`
# (cluster_api.py, InnoDBCluster.get_ca_and_tls), but its sidecar sets ssl_ca and
# group_replication_recovery_ssl_ca to /etc/mysql-ssl/ca.pem whatever the key is, at every start
# and certificate change (sidecar_main.py, ensure_correct_tls_sysvars), and reloads on a change
# of that Secret's `ca.pem` only (on_ca_secret_create_or_change). cert-manager writes `ca.crt`,
# so External Secrets copies it into a Secret of its own under the key `ca.pem`.
OPERATOR_CA = "mysql-ca"
OPERATOR_CA_KEY = "ca.pem"
# Who External Secrets reads that CA certificate as: the CA Secret of the data namespace only.
CA_READER = "mysql-ca-reader"
CA_REFRESH = "1h"
# Where the standalone server finds its key pair and the CA.
TLS_MOUNT = "/etc/mysql/tls"
# How often the standalone server's pod looks for a renewed certificate (cert-manager renews it
# 30 days before it expires; mysqld reads it at start and on ALTER INSTANCE RELOAD TLS only).
TLS_RELOAD_SECONDS = 60
# The reload loop writes the time of each turn here; its probes fail once it stops turning.
TLS_RELOAD_HEARTBEAT = "/tmp/heartbeat"


@dataclass(frozen=True)
class MySqlProps:
    # One schema (and user of the same name) per service that uses MySQL.
    schemas: tuple[str, ...]
    image: ImageRef
    exporter_image: ImageRef

    def __post_init__(self) -> None:
        for schema in self.schemas:
            require(
                isinstance(schema, str) and SCHEMA_NAME.match(schema) is not None,
                f"mysql: schemas: {schema}",
                "invalid schema name (lower-case letters, digits, underscores; at most 24,"
                " so that `<schema>_migrate` fits MySQL's 32)",
            )
        require(len(set(self.schemas)) == len(self.schemas), "mysql: schemas", "duplicate schema")
        require(
            self.image.tag is not None and MYSQL_VERSION.match(self.image.tag) is not None,
            "mysql: image",
            f"the tag must be the MySQL version, e.g. 8.4.11 (got {self.image.tag!r}; platform.mysql in releases/<env>.yaml)",
        )


class MySql(Part):
    def __init__(self, scope: Construct, id: str, env: Environment, props: MySqlProps) -> None:
        super().__init__(scope, id, env)
        self.props = props
        self.namespace = env.data_namespace
        self.labels = labels(env, MYSQL, "database", props.image.tag)
        if env.database.require_tls:
            # The accounts Job's trust in the internal CA, as the services' (components/internal_tls.py): a
            # certificate nobody presents, whose `ca.crt` it mounts.
            certificate(self, env, "trust", CA_SECRET, self.namespace, common_name=f"clients.{self.namespace}", server=False)
        if env.database.operator_managed:
            self._innodb_cluster()
            if env.database.backup is not None:
                self._backups()
        else:
            self._standalone()
        self._accounts()

    # --- standalone (dev) -------------------------------------------------------------

    def _standalone(self) -> None:
        env, props = self.env, self.props
        tls = env.database.require_tls
        config = {"shop.cnf": SERVER_CONFIG}
        if tls:
            certificate(self, env, "tls", SERVER_CERTIFICATE, self.namespace, dns_names=service_dns_names(MYSQL, self.namespace))
            config["tls.cnf"] = standalone_tls_config()
        k8s.KubeConfigMap(
            self,
            "config",
            metadata=self.meta("mysql-config", self.labels, self.namespace),
            data=config,
        )
        ports = [
            k8s.ServicePort(name="mysql", port=MYSQL_PORT, target_port=int_or_string("mysql")),
            k8s.ServicePort(name="metrics", port=MYSQL_EXPORTER_PORT, target_port=int_or_string("metrics")),
        ]
        k8s.KubeService(
            self,
            "headless",
            metadata=self.meta("mysql-headless", self.labels, self.namespace),
            spec=k8s.ServiceSpec(cluster_ip="None", selector=selector(env, MYSQL), ports=ports),
        )
        k8s.KubeService(
            self,
            "service",
            metadata=self.meta(MYSQL, self.labels, self.namespace),
            spec=k8s.ServiceSpec(type="ClusterIP", selector=selector(env, MYSQL), ports=ports),
        )
        sizes = env.database.resources
        ping = ["mysqladmin", "ping", "--host=127.0.0.1", "--silent"]
        server = k8s.Container(
            name="mysql",
            image=str(props.image),
            image_pull_policy="IfNotPresent",
            # No MYSQL_ROOT_HOST: root exists at localhost only, so it cannot log in over the
            # network; admin.sh (run from the entrypoint's first start) creates the admin.
            env=[k8s.EnvVar(name="MYSQL_ROOT_PASSWORD_FILE", value="/run/secrets/mysql/rootPassword")],
            ports=[k8s.ContainerPort(name="mysql", container_port=MYSQL_PORT, protocol="TCP")],
            resources=resources(sizes),
            # First start initialises the data directory, which takes a while.
            startup_probe=exec_probe(ping, period=5, failures=60),
            readiness_probe=exec_probe(ping, period=10),
            liveness_probe=tcp_probe("mysql", period=20, timeout=5),
            security_context=container_security_context(),
            volume_mounts=[
                k8s.VolumeMount(name="data", mount_path="/var/lib/mysql"),
                k8s.VolumeMount(name="run", mount_path="/var/run/mysqld"),
                k8s.VolumeMount(name="tmp", mount_path="/tmp"),
                k8s.VolumeMount(name="config", mount_path="/etc/mysql/conf.d", read_only=True),
                k8s.VolumeMount(name="root-credentials", mount_path="/run/secrets/mysql", read_only=True),
                k8s.VolumeMount(name="admin-credentials", mount_path="/run/secrets/admin", read_only=True),
                k8s.VolumeMount(name="initdb", mount_path=INITDB, read_only=True),
                *([k8s.VolumeMount(name="tls", mount_path=TLS_MOUNT, read_only=True)] if tls else []),
            ],
        )
        exporter = k8s.Container(
            name="exporter",
            image=str(props.exporter_image),
            image_pull_policy="IfNotPresent",
            args=[
                "--config.my-cnf=/run/secrets/exporter/my.cnf",
                # Over the local socket, which require_secure_transport lets in without TLS (its
                # my.cnf names no socket, so this address wins over its host and port).
                f"--mysqld.address=unix://{SOCKET}",
                f"--web.listen-address=:{MYSQL_EXPORTER_PORT}",
                *EXPORTER_COLLECTORS,
            ],
            ports=[k8s.ContainerPort(name="metrics", container_port=MYSQL_EXPORTER_PORT, protocol="TCP")],
            resources=resources(SIDECAR),
            readiness_probe=http_probe("/", "metrics", period=10),
            liveness_probe=http_probe("/", "metrics", period=20),
            security_context=container_security_context(),
            volume_mounts=[
                k8s.VolumeMount(name="exporter-credentials", mount_path="/run/secrets/exporter", read_only=True),
                k8s.VolumeMount(name="run", mount_path="/var/run/mysqld"),
            ],
        )
        containers = [server, exporter]
        if tls:
            containers.append(self._tls_reloader())
        k8s.KubeStatefulSet(
            self,
            "statefulset",
            metadata=self.meta(MYSQL, self.labels, self.namespace),
            spec=k8s.StatefulSetSpec(
                service_name="mysql-headless",
                replicas=1,
                selector=k8s.LabelSelector(match_labels=selector(env, MYSQL)),
                template=k8s.PodTemplateSpec(
                    metadata=k8s.ObjectMeta(labels=self.labels),
                    spec=k8s.PodSpec(
                        service_account_name=MYSQL,
                        automount_service_account_token=False,
                        enable_service_links=False,
                        termination_grace_period_seconds=60,
                        security_context=pod_security_context(),
                        containers=containers,
                        volumes=[
                            empty_dir("run", "1Mi"),
                            empty_dir("tmp", "1Gi"),
                            *([empty_dir("reload-tmp", "1Mi")] if tls else []),
                            config_map_volume("config", "mysql-config"),
                            secret_volume("root-credentials", MYSQL_ROOT_SECRET, ["rootPassword"]),
                            k8s.Volume(
                                name="admin-credentials",
                                secret=k8s.SecretVolumeSource(
                                    secret_name=MYSQL_ACCOUNTS_SECRET,
                                    default_mode=0o440,
                                    items=[k8s.KeyToPath(key=MYSQL_ADMIN_KEY, path="password")],
                                ),
                            ),
                            k8s.Volume(
                                name="initdb",
                                config_map=k8s.ConfigMapVolumeSource(
                                    name="mysql-accounts",
                                    default_mode=0o555,
                                    items=[k8s.KeyToPath(key="admin.sh", path="10-accounts-admin.sh")],
                                ),
                            ),
                            secret_volume("exporter-credentials", MYSQL_EXPORTER_SECRET, ["my.cnf"]),
                            *([secret_volume("tls", SERVER_CERTIFICATE, ["tls.crt", "tls.key", CA_KEY])] if tls else []),
                        ],
                    ),
                ),
                volume_claim_templates=[claim_template("data", env.database.storage, self.labels)],
            ),
        )
        self.service_account(MYSQL, self.labels, self.namespace)

    def _tls_reloader(self) -> k8s.Container:
        """Has the standalone server take a renewed certificate without a restart: root, over the
        pod's own socket (the only place root may log in from)."""
        # Alive while the loop turned within five of its intervals.
        alive = ["sh", "-c", f"[ $(($(date +%s) - $(cat {TLS_RELOAD_HEARTBEAT}))) -lt {5 * TLS_RELOAD_SECONDS} ]"]
        return k8s.Container(
            name="tls-reload",
            image=str(self.props.image),
            image_pull_policy="IfNotPresent",
            command=["sh", "-c", TLS_RELOAD_SCRIPT],
            env=[
                k8s.EnvVar(name="TLS_DIR", value=TLS_MOUNT),
                k8s.EnvVar(name="MYSQL_SOCKET", value=SOCKET),
                k8s.EnvVar(name="ROOT_PASSWORD_FILE", value="/run/secrets/mysql/rootPassword"),
                k8s.EnvVar(name="INTERVAL", value=str(TLS_RELOAD_SECONDS)),
                k8s.EnvVar(name="HEARTBEAT", value=TLS_RELOAD_HEARTBEAT),
            ],
            readiness_probe=exec_probe(alive, period=30),
            liveness_probe=exec_probe(alive, period=60),
            resources=resources(SIDECAR),
            security_context=container_security_context(),
            volume_mounts=[
                k8s.VolumeMount(name="run", mount_path="/var/run/mysqld"),
                k8s.VolumeMount(name="reload-tmp", mount_path="/tmp"),
                k8s.VolumeMount(name="root-credentials", mount_path="/run/secrets/mysql", read_only=True),
                k8s.VolumeMount(name="tls", mount_path=TLS_MOUNT, read_only=True),
            ],
        )

    # --- MySQL Operator (staging, prod) ---------------------------------------------------

    def _innodb_cluster(self) -> None:
        # Loaded only where the MySQL Operator runs: each generated CRD module costs its
        # jsii assembly load.
        from imports.mysql.com.oracle import mysql as operator

        env, props = self.env, self.props
        database = env.database
        resources = database.resources
        server_pods = MYSQL_OPERATOR_SERVER_PODS
        router_pods = MYSQL_OPERATOR_ROUTER_PODS
        restricted = {"runAsNonRoot": True, "seccompProfile": {"type": "RuntimeDefault"}}
        server_spec: dict = {
            "securityContext": restricted,
            "containers": [
                {
                    "name": "mysql",
                    "resources": _as_json(resources),
                }
            ],
        }
        router_spec: dict = {
            "securityContext": restricted,
            "containers": [{"name": "router", "resources": _as_json(database.router_resources)}],
        }
        if env.spread_across_zones:
            server_spec["affinity"] = anti_affinity(server_pods)
            router_spec["affinity"] = anti_affinity(router_pods)
        tls = database.require_tls
        if tls:
            self._operator_tls()
        operator.InnoDbCluster(
            self,
            "cluster",
            metadata=self.cr_meta(MYSQL, self.labels, self.namespace),
            spec=operator.InnoDbClusterSpec(
                secret_name=MYSQL_ROOT_SECRET,
                # Certificates of the internal CA (_operator_tls); without, the operator's own
                # self-signed ones, which nobody can verify.
                tls_use_self_signed=not tls,
                tls_secret_name=SERVER_CERTIFICATE if tls else None,
                tls_ca_secret_name=OPERATOR_CA if tls else None,
                instances=database.instances,
                version=props.image.tag,
                edition="community",
                image_pull_policy="IfNotPresent",
                mycnf=SERVER_CONFIG,
                datadir_volume_claim_template={
                    "accessModes": ["ReadWriteOnce"],
                    "resources": {"requests": {"storage": database.storage}},
                },
                # No root init container to chown the data directory: fsGroup does it.
                datadir_permissions=operator.InnoDbClusterSpecDatadirPermissions(
                    set_rights_using_init_container=False,
                    fs_group_change_policy="OnRootMismatch",
                ),
                pod_labels={"environment": env.name, "app.kubernetes.io/part-of": "e-commerce"},
                pod_spec=server_spec,
                router=operator.InnoDbClusterSpecRouter(
                    instances=database.routers,
                    tls_secret_name=ROUTER_CERTIFICATE if tls else None,
                    pod_labels={"environment": env.name, "app.kubernetes.io/part-of": "e-commerce"},
                    pod_spec=router_spec,
                ),
                metrics=operator.InnoDbClusterSpecMetrics(
                    enable=True, image=str(props.exporter_image), options=list(EXPORTER_COLLECTORS)
                ),
                backup_profiles=self._backup_profiles(),
                backup_schedules=self._backup_schedules(),
            ),
        )

    def _operator_tls(self) -> None:
        """The members' and the Routers' certificates, and the CA as the operator reads it."""
        env, namespace = self.env, self.namespace
        # Members reach each other (group replication, VERIFY_IDENTITY) and the Routers reach
        # them (--server-ssl-verify=VERIFY_IDENTITY) by the names the operator gives them:
        # `<pod>.<cluster>-instances.<namespace>.svc.<cluster domain>` (fqdn.py, pod_fqdn) and
        # the instances Service (idc_service_fqdn), the Routers' bootstrap address.
        instances = f"{MYSQL}-instances"
        members = (*service_dns_names(instances, namespace), *(f"*.{name}" for name in service_dns_names(instances, namespace)))
        certificate(self, env, "server-tls", SERVER_CERTIFICATE, namespace, dns_names=members)
        # Clients reach the Routers, which end their TLS, through the Service named after the cluster.
        certificate(self, env, "router-tls", ROUTER_CERTIFICATE, namespace, dns_names=service_dns_names(MYSQL, namespace))
        self._operator_ca()

    def _operator_ca(self) -> None:
        """The internal CA's certificate under the key the operator's sidecar reads (`ca.pem`):
        External Secrets reads `ca.crt` of the data namespace's CA Secret through the Kubernetes
        API, as a service account allowed to get that one Secret and nothing else."""
        from imports.external_secrets_externalsecrets.io import external_secrets as es
        from imports.external_secrets_secretstores.io import external_secrets as ss

        env, namespace = self.env, self.namespace
        require(
            env.secrets.external,
            "database.mode",
            f"{env.database.mode} with require_tls copies the CA with External Secrets, which secrets.mode"
            f" {env.secrets.mode} does not install",
        )
        reader_labels = labels(env, CA_READER, "tls")
        self.service_account(CA_READER, reader_labels, self.namespace)
        k8s.KubeRole(
            self,
            "ca-reader-role",
            metadata=self.meta(CA_READER, reader_labels, namespace),
            rules=[k8s.PolicyRule(api_groups=[""], resources=["secrets"], resource_names=[CA_SECRET], verbs=["get"])],
        )
        k8s.KubeRoleBinding(
            self,
            "ca-reader-binding",
            metadata=self.meta(CA_READER, reader_labels, namespace),
            role_ref=k8s.RoleRef(api_group="rbac.authorization.k8s.io", kind="Role", name=CA_READER),
            subjects=[k8s.Subject(kind="ServiceAccount", name=CA_READER, namespace=namespace)],
        )
        ss.SecretStore(
            self,
            "ca-store",
            metadata=self.cr_meta(CA_READER, reader_labels, namespace),
            spec=ss.SecretStoreSpec(
                provider=ss.SecretStoreSpecProvider(
                    kubernetes=ss.SecretStoreSpecProviderKubernetes(
                        remote_namespace=namespace,
                        server=ss.SecretStoreSpecProviderKubernetesServer(
                            url="https://kubernetes.default.svc",
                            # Every namespace's copy of the API server's CA.
                            ca_provider=ss.SecretStoreSpecProviderKubernetesServerCaProvider(
                                type=ss.SecretStoreSpecProviderKubernetesServerCaProviderType.CONFIG_MAP,
                                name="kube-root-ca.crt",
                                key="ca.crt",
                            ),
                        ),
                        auth=ss.SecretStoreSpecProviderKubernetesAuth(
                            service_account=ss.SecretStoreSpecProviderKubernetesAuthServiceAccount(name=CA_READER)
                        ),
                    )
                )
            ),
        )
        es.ExternalSecret(
            self,
            "operator-ca",
            metadata=self.cr_meta(OPERATOR_CA, reader_labels, namespace),
            spec=es.ExternalSecretSpec(
                refresh_interval=CA_REFRESH,
                secret_store_ref=es.ExternalSecretSpecSecretStoreRef(
                    kind=es.ExternalSecretSpecSecretStoreRefKind.SECRET_STORE, name=CA_READER
                ),
                target=es.ExternalSecretSpecTarget(
                    name=OPERATOR_CA,
                    creation_policy=es.ExternalSecretSpecTargetCreationPolicy.OWNER,
                    deletion_policy=es.ExternalSecretSpecTargetDeletionPolicy.RETAIN,
                ),
                data=[
                    es.ExternalSecretSpecData(
                        secret_key=OPERATOR_CA_KEY,
                        remote_ref=es.ExternalSecretSpecDataRemoteRef(key=CA_SECRET, property=CA_KEY),
                    )
                ],
            ),
        )

    def _backup_profiles(self) -> list[operator.InnoDbClusterSpecBackupProfiles] | None:
        from imports.mysql.com.oracle import mysql as operator

        backup = self.env.database.backup
        if backup is None:
            return None
        bucket = backup.bucket
        return [
            operator.InnoDbClusterSpecBackupProfiles(
                name=backups.PROFILE,
                dump_instance=operator.InnoDbClusterSpecBackupProfilesDumpInstance(
                    storage=operator.InnoDbClusterSpecBackupProfilesDumpInstanceStorage(
                        # Off the cluster: nothing that deletes the namespace, the cluster or its
                        # volumes deletes the dumps (backups.py says who may).
                        s3=operator.InnoDbClusterSpecBackupProfilesDumpInstanceStorageS3(
                            bucket_name=bucket.name,
                            prefix=bucket.prefix,
                            # Credentials and region as AWS profile files: IRSA is not an option,
                            # since MySQL Shell 9.1 reads no web identity token, and the backup
                            # Jobs run as the server pods' service account.
                            config=backups.STORAGE_SECRET,
                            profile="default",
                            endpoint=bucket.endpoint,
                        )
                    )
                ),
            )
        ]

    def _backup_schedules(self) -> list[operator.InnoDbClusterSpecBackupSchedules] | None:
        from imports.mysql.com.oracle import mysql as operator

        backup = self.env.database.backup
        if backup is None:
            return None
        return [
            operator.InnoDbClusterSpecBackupSchedules(
                name=backups.SCHEDULE,
                schedule=backup.schedule,
                time_zone="Etc/UTC",
                backup_profile_name=backups.PROFILE,
                enabled=True,
                delete_backup_data=False,
            )
        ]

    def _backups(self) -> None:
        """The retention the operator does not offer: lock each new dump, prune old ones, always
        keeping the newest complete ones (dumps.py)."""
        env = self.env
        backup = env.database.backup
        assert backup is not None
        bucket = backup.bucket
        retention_labels = labels(env, backups.RETENTION, "database-backup")
        self.service_account(backups.RETENTION, retention_labels, self.namespace)
        source = DUMPS_SOURCE.read_text()
        require(source.count(DUMPS_MAIN_GUARD) == 1, "mysql: dumps.py", 'must end in one `if __name__ == "__main__":` block')
        k8s.KubeConfigMap(
            self,
            "retention-script",
            metadata=self.meta(backups.RETENTION, retention_labels, self.namespace),
            # MySQL Shell may not run a --file script as __main__.
            data={"dumps.py": source.replace(DUMPS_MAIN_GUARD, "if True:  # run by mysqlsh --py --file")},
        )
        settings = {
            "DUMPS_COMMAND": "apply",
            "DUMPS_BUCKET": bucket.name,
            "DUMPS_PREFIX": bucket.prefix,
            "DUMPS_REGION": bucket.region,
            "DUMPS_RETENTION_DAYS": str(backup.retention_days),
            "DUMPS_KEEP_LAST": str(backup.keep_last),
            "DUMPS_LOCK_DAYS": str(bucket.lock_days),
            "AWS_SHARED_CREDENTIALS_FILE": "/run/secrets/aws/credentials",
            "HOME": "/tmp",
            "MYSQLSH_USER_CONFIG_HOME": "/tmp",
        }
        if bucket.endpoint is not None:
            settings["DUMPS_ENDPOINT"] = bucket.endpoint
        retention = k8s.PodSpec(
            restart_policy="OnFailure",
            service_account_name=backups.RETENTION,
            automount_service_account_token=False,
            enable_service_links=False,
            security_context=pod_security_context(),
            containers=[
                k8s.Container(
                    name="retention",
                    image=str(self.props.image),
                    image_pull_policy="IfNotPresent",
                    command=["mysqlsh", "--py", "--file", "/scripts/dumps.py"],
                    env=[k8s.EnvVar(name=name, value=value) for name, value in settings.items()],
                    resources=resources(JOB),
                    security_context=container_security_context(),
                    volume_mounts=[
                        k8s.VolumeMount(name="scripts", mount_path="/scripts", read_only=True),
                        k8s.VolumeMount(name="aws", mount_path="/run/secrets/aws", read_only=True),
                        k8s.VolumeMount(name="tmp", mount_path="/tmp"),
                    ],
                )
            ],
            volumes=[
                config_map_volume("scripts", backups.RETENTION),
                secret_volume("aws", backups.RETENTION, ["credentials"]),
                empty_dir("tmp", "16Mi"),
            ],
        )
        k8s.KubeCronJob(
            self,
            "retention",
            metadata=self.meta(backups.RETENTION, retention_labels, self.namespace),
            spec=k8s.CronJobSpec(
                # Hourly, so that a new dump is locked within the hour it finished.
                schedule="40 * * * *",
                time_zone="Etc/UTC",
                concurrency_policy="Forbid",
                successful_jobs_history_limit=3,
                failed_jobs_history_limit=3,
                job_template=k8s.JobTemplateSpec(
                    spec=k8s.JobSpec(
                        backoff_limit=2,
                        active_deadline_seconds=1800,
                        template=k8s.PodTemplateSpec(metadata=k8s.ObjectMeta(labels=retention_labels), spec=retention),
                    )
                ),
            ),
        )

    # --- schemas and users --------------------------------------------------------------

    def _accounts(self) -> None:
        env, props = self.env, self.props
        account_labels = labels(env, "mysql-accounts", "database-setup")
        self.service_account("mysql-accounts", account_labels, self.namespace)
        k8s.KubeConfigMap(
            self,
            "accounts-script",
            metadata=self.meta("mysql-accounts", account_labels, self.namespace),
            data={"accounts.sh": accounts_script(props.schemas, env), "admin.sh": admin_script(env)},
        )
        job = k8s.JobSpec(
            backoff_limit=6,
            # Room for the script's own wait for the cluster, then the accounts themselves.
            active_deadline_seconds=ACCOUNTS_WAIT_SECONDS + 300,
            ttl_seconds_after_finished=600,
            template=k8s.PodTemplateSpec(
                metadata=k8s.ObjectMeta(labels=account_labels),
                spec=self._accounts_pod(),
            ),
        )
        # Runs at every Argo CD sync (and on `kubectl apply` once its previous run expired)...
        k8s.KubeJob(
            self,
            "accounts-job",
            metadata=self.meta(
                "mysql-accounts",
                account_labels,
                self.namespace,
                annotations={
                    "argocd.argoproj.io/hook": "Sync",
                    "argocd.argoproj.io/hook-delete-policy": "BeforeHookCreation",
                },
            ),
            spec=job,
        )
        # ...and on a schedule, to move rotations along and repair drift.
        k8s.KubeCronJob(
            self,
            "accounts-cronjob",
            metadata=self.meta("mysql-accounts", account_labels, self.namespace),
            spec=k8s.CronJobSpec(
                schedule="*/10 * * * *" if env.secrets.mode is SecretsMode.EXTERNAL_ROTATION else "17 * * * *",
                concurrency_policy="Forbid",
                successful_jobs_history_limit=1,
                failed_jobs_history_limit=3,
                job_template=k8s.JobTemplateSpec(spec=job),
            ),
        )

    def _accounts_pod(self) -> k8s.PodSpec:
        env, props = self.env, self.props
        tls = env.database.require_tls
        return k8s.PodSpec(
            restart_policy="OnFailure",
            service_account_name="mysql-accounts",
            automount_service_account_token=False,
            enable_service_links=False,
            security_context=pod_security_context(),
            containers=[
                k8s.Container(
                    name="accounts",
                    image=str(props.image),
                    image_pull_policy="IfNotPresent",
                    command=["sh", "/scripts/accounts.sh"],
                    # The name the server's certificate gives it, verified as the services verify it.
                    env=[
                        k8s.EnvVar(name="DATABASE_HOST", value=mysql_host(env)),
                        k8s.EnvVar(name="DATABASE_PORT", value=str(MYSQL_PORT)),
                        k8s.EnvVar(name="SSL_MODE", value=MYSQL_VERIFY_MODE if tls else "PREFERRED"),
                        *([k8s.EnvVar(name="SSL_CA", value=CA_FILE)] if tls else []),
                    ],
                    resources=resources(JOB),
                    security_context=container_security_context(),
                    volume_mounts=[
                        k8s.VolumeMount(name="scripts", mount_path="/scripts", read_only=True),
                        k8s.VolumeMount(name="accounts", mount_path="/run/secrets/accounts", read_only=True),
                        k8s.VolumeMount(name="tmp", mount_path="/tmp"),
                        *([k8s.VolumeMount(name="internal-ca", mount_path=CA_MOUNT, read_only=True)] if tls else []),
                    ],
                )
            ],
            # The admin's password and every user's (and next password): never root's.
            volumes=[
                config_map_volume("scripts", "mysql-accounts"),
                secret_volume("accounts", MYSQL_ACCOUNTS_SECRET),
                empty_dir("tmp", "16Mi"),
                *([secret_volume("internal-ca", CA_SECRET, [CA_KEY])] if tls else []),
            ],
        )


@dataclass(frozen=True)
class Account:
    """A MySQL user the accounts Job keeps: its privileges, given and taken each run."""

    user: str
    grants: tuple[str, ...]
    # What it must not hold (any longer): application users lost DDL.
    revokes: tuple[str, ...] = ()
    # Kept on every run: TLS and connection limits.
    settings: str = ""


def accounts(schemas: tuple[str, ...], env: Environment) -> tuple[Account, ...]:
    """Per schema an application user (data only) and a migration user (its structure too)."""
    tls = " REQUIRE SSL" if env.database.require_tls else ""
    found = []
    for schema in schemas:
        target = f"`{schema}`.*"
        app, ddl, migration = (", ".join(p) for p in (APP_PRIVILEGES, DDL_PRIVILEGES, MIGRATION_PRIVILEGES))
        found.append(Account(schema, (f"{app} ON {target}",), (f"{ddl} ON {target}",), tls))
        found.append(Account(migration_user(schema), (f"{migration} ON {target}",), (), tls))
    if not env.database.operator_managed:
        # The operator runs its own metrics user; our standalone server's exporter needs one.
        found.append(Account("exporter", (f"{', '.join(EXPORTER_PRIVILEGES)} ON *.*",), (), " WITH MAX_USER_CONNECTIONS 3"))
    return tuple(found)


# Shell helpers both scripts share.
_QUOTING = r"""# A value as a quoted SQL string literal.
literal() { printf "'%s'" "$(printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e "s/'/''/g")"; }
# A value as a quoted option-file value.
option() { printf '"%s"' "$(printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g')"; }
"""

# The users' state: whether the account exists, whether it has a second (old) password, and
# since when the services have been given its new one (a user attribute this script keeps).
_STATE_QUERY = (
    "SELECT COUNT(*),"
    " COALESCE(MAX(JSON_CONTAINS_PATH(User_attributes, 'one', '$.additional_password')), 0),"
    " COALESCE(MAX(JSON_EXTRACT(User_attributes, '$.metadata.promoted_at')), 0)"
    " FROM mysql.user WHERE Host = '%' AND User = "
)

_ACCOUNTS_BODY = r"""set -eu
umask 077
secrets=/run/secrets/accounts
@QUOTING@work=$(mktemp -d /tmp/accounts.XXXXXX)
trap 'rm -rf "$work"' EXIT
statements="$work/accounts.sql"
: > "$statements"
# One statement for the final batch, verbatim (echo would interpret backslashes).
sql() { printf '%s\n' "$1" >> "$statements"; }
# An options file that logs in as $1 with the password in the file $2.
login() {
  file="$work/$1.cnf"
  {
    printf '[client]\nhost=%s\nport=%s\nuser=%s\nssl-mode=%s\n' "$DATABASE_HOST" "$DATABASE_PORT" "$1" "$SSL_MODE"
    [ -z "${SSL_CA:-}" ] || printf 'ssl-ca=%s\n' "$SSL_CA"
    printf 'password=%s\n' "$(option "$(cat "$2")")"
  } > "$file"
  printf '%s' "$file"
}
admin=$(login @ADMIN@ "$secrets/@ADMIN_KEY@")
ask() { mysql --defaults-extra-file="$admin" --connect-timeout=5 -N -B -e "$1"; }
# Wait, within this one run, until a writable primary answers: `mysqladmin ping` succeeds as
# soon as anything listens (even refusing the login), long before a new InnoDB cluster has
# elected a primary behind its routers.
writable() { [ "$(ask 'SELECT @@global.super_read_only' 2>/dev/null)" = 0 ]; }
attempt=0
until writable; do
  attempt=$((attempt + 1))
  if [ "$attempt" -ge @ATTEMPTS@ ]; then
    echo "no writable MySQL primary at $DATABASE_HOST let @ADMIN@ in after @WAIT@s" \
      "(on a new server, run admin.sh as root first: README, MySQL accounts)" >&2
    exit 1
  fi
  sleep 5
done
now=$(date +%s)
# Whether the server lets $1 in with the password in the file $2: 0 it does, 1 it refuses
# that password, 2 something else went wrong (then nothing is changed on that evidence).
takes() {
  if output=$(mysql --defaults-extra-file="$(login "$1" "$2")" --connect-timeout=5 -N -B -e 'SELECT 1' 2>&1); then
    return 0
  fi
  case $output in
    *"ERROR 1045"*) return 1 ;;
    *) printf '%s: %s\n' "$1" "$output" >&2; return 2 ;;
  esac
}
state_query=@STATE_QUERY@
# One user through a password rotation with dual passwords (README, MySQL accounts). The
# store holds two values per user: `<user>`, the password the services are given, and
# `<user>.next`, where a rotation starts:
#   1. `.next` changes: the server takes it as the new password and keeps the current one as
#      well (RETAIN CURRENT PASSWORD), which the services go on using;
#   2. the services are given it (`<user>` = `<user>.next`): once they have had it for the
#      grace period, the old password goes (DISCARD OLD PASSWORD).
account() {
  user=$1 settings=$2
  current="$secrets/$user" next="$secrets/$user@NEXT@"
  [ -s "$next" ] || next=$current
  password=$(literal "$(cat "$next")")
  # shellcheck disable=SC2046 # three numbers, split on purpose
  set -- $(ask "$state_query$(literal "$user")")
  exists=$1 old=$2 promoted=$3
  if [ "$exists" = 0 ]; then
    sql "CREATE USER IF NOT EXISTS '$user'@'%' IDENTIFIED BY $(literal "$(cat "$current")")$settings;"
    if [ "$(cat "$current")" != "$(cat "$next")" ]; then
      sql "ALTER USER '$user'@'%' IDENTIFIED BY $password RETAIN CURRENT PASSWORD;"
    fi
    return 0
  fi
  [ -z "$settings" ] || sql "ALTER USER '$user'@'%'$settings;"
  outcome=0
  takes "$user" "$next" || outcome=$?
  if [ "$outcome" = 1 ]; then
    sql "ALTER USER '$user'@'%' IDENTIFIED BY $password RETAIN CURRENT PASSWORD;"
    sql "ALTER USER '$user'@'%' ATTRIBUTE '{\"promoted_at\": null}';"
    echo "$user: new password taken, the current one kept until the services have the new one"
  elif [ "$outcome" = 0 ] && [ "$old" = 1 ] && [ "$(cat "$current")" = "$(cat "$next")" ]; then
    if [ "$promoted" = 0 ]; then
      sql "ALTER USER '$user'@'%' ATTRIBUTE '{\"promoted_at\": $now}';"
    elif [ $((now - promoted)) -ge @GRACE@ ]; then
      # The services' password as the primary one (whichever of the two it was), then the
      # other goes.
      sql "ALTER USER '$user'@'%' IDENTIFIED BY $password;"
      sql "ALTER USER '$user'@'%' DISCARD OLD PASSWORD;"
      sql "ALTER USER '$user'@'%' ATTRIBUTE '{\"promoted_at\": null}';"
      echo "$user: old password discarded"
    fi
  fi
}
"""


def standalone_tls_config() -> str:
    """The standalone server's TLS: the internal CA's certificate, and no connection without TLS
    but over the local socket (the exporter's, and root's)."""
    return "\n".join(
        [
            "[mysqld]",
            f"ssl_ca = {TLS_MOUNT}/{CA_KEY}",
            f"ssl_cert = {TLS_MOUNT}/tls.crt",
            f"ssl_key = {TLS_MOUNT}/tls.key",
            "require_secure_transport = ON",
            "",
        ]
    )


# Loads the certificate files into the running server whenever they differ from the ones it
# last loaded (first, once the server answers: this container may have restarted alone).
TLS_RELOAD_SCRIPT = (
    r"""set -eu
umask 077
@QUOTING@fingerprint() { cat "$TLS_DIR/tls.crt" "$TLS_DIR/tls.key" "$TLS_DIR/ca.crt" | cksum; }
loaded=
date +%s > "$HEARTBEAT"
while sleep "$INTERVAL"; do
  date +%s > "$HEARTBEAT"
  current=$(fingerprint)
  [ "$current" != "$loaded" ] || continue
  {
    printf '[client]\nuser=root\nprotocol=socket\nsocket=%s\n' "$MYSQL_SOCKET"
    printf 'password=%s\n' "$(option "$(cat "$ROOT_PASSWORD_FILE")")"
  } > /tmp/root.cnf
  if mysql --defaults-extra-file=/tmp/root.cnf -e 'ALTER INSTANCE RELOAD TLS'; then
    loaded=$current
    echo "certificate loaded ($current)"
  fi
done
"""
).replace("@QUOTING@", _QUOTING)


def accounts_script(schemas: tuple[str, ...], env: Environment) -> str:
    """Shell script that keeps every schema and user, idempotently, as the admin account,
    passwords read from files; it also moves password rotations along."""
    users = accounts(schemas, env)
    body = (
        _ACCOUNTS_BODY.replace("@QUOTING@", _QUOTING)
        .replace("@ADMIN_KEY@", MYSQL_ADMIN_KEY)
        .replace("@ADMIN@", ACCOUNTS_ADMIN)
        .replace("@ATTEMPTS@", str(ACCOUNTS_WAIT_SECONDS // 5))
        .replace("@WAIT@", str(ACCOUNTS_WAIT_SECONDS))
        .replace("@STATE_QUERY@", shlex.quote(_STATE_QUERY))
        .replace("@NEXT@", NEXT_PASSWORD_SUFFIX)
        .replace("@GRACE@", str(duration_seconds(env.database.old_password_grace)))
    )
    lines = [
        "#!/bin/sh",
        "# Generated from the service catalog: per schema, an application user with data",
        "# privileges on it and a migration user with its structure too, nothing global.",
        "# Idempotent; runs as the admin account (admin.sh), never as root.",
        body,
    ]
    for schema in schemas:
        statement = f"CREATE DATABASE IF NOT EXISTS `{schema}` CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci;"
        lines.append(f"sql {shlex.quote(statement)}")
    for account in users:
        lines.append(f"account {account.user} {shlex.quote(account.settings)}")
    for account in users:
        grantee = f"'{account.user}'@'%'"
        lines += [f"sql {shlex.quote(f'GRANT {grant} TO {grantee};')}" for grant in account.grants]
        lines += [f"sql {shlex.quote(f'REVOKE IF EXISTS {revoke} FROM {grantee};')}" for revoke in account.revokes]
    lines += [
        'mysql --defaults-extra-file="$admin" < "$statements"',
        f"echo {shlex.quote(f'{len(schemas)} schemas and {len(users)} users are in place')}",
        "",
    ]
    return "\n".join(lines)


_ADMIN_BODY = r"""set -eu
umask 077
@QUOTING@root_file=${ROOT_PASSWORD_FILE:-/run/secrets/mysql/rootPassword}
admin_file=${ADMIN_PASSWORD_FILE:-/run/secrets/admin/password}
if [ -r "$root_file" ] && [ -r "$admin_file" ]; then
  root_password=$(cat "$root_file")
  admin_password=$(cat "$admin_file")
else
  IFS= read -r root_password || true
  IFS= read -r admin_password || true
fi
if [ -z "$root_password" ] || [ -z "$admin_password" ]; then
  echo "admin.sh: needs root's password and the admin's (files, or two lines on standard input)" >&2
  exit 2
fi
work=$(mktemp -d /tmp/admin.XXXXXX)
trap 'rm -rf "$work"' EXIT
{
  printf '[client]\nuser=root\nprotocol=socket\n'
  [ -z "${MYSQL_SOCKET:-}" ] || printf 'socket=%s\n' "$MYSQL_SOCKET"
  printf 'password=%s\n' "$(option "$root_password")"
} > "$work/root.cnf"
if [ "$(mysql --defaults-extra-file="$work/root.cnf" -N -B -e 'SELECT @@global.partial_revokes')" != 1 ]; then
  echo "admin.sh: partial_revokes is off; apply the server configuration of components/mysql/server.py (a restart) first" >&2
  exit 1
fi
root=$(literal "$root_password")
admin=$(literal "$admin_password")
mysql --defaults-extra-file="$work/root.cnf" <<SQL
CREATE USER IF NOT EXISTS 'root'@'localhost' IDENTIFIED BY $root;
GRANT ALL ON *.* TO 'root'@'localhost' WITH GRANT OPTION;
GRANT PROXY ON ''@'' TO 'root'@'localhost' WITH GRANT OPTION;
DROP USER IF EXISTS 'root'@'%';
CREATE USER IF NOT EXISTS '@ADMIN@'@'%' IDENTIFIED BY $admin@SETTINGS@;
ALTER USER '@ADMIN@'@'%' IDENTIFIED BY $admin@SETTINGS@;
GRANT @GLOBAL@ ON *.* TO '@ADMIN@'@'%';
GRANT @GRANTABLE@ ON *.* TO '@ADMIN@'@'%' WITH GRANT OPTION;
REVOKE @SYSTEM_WRITES@ ON mysql.* FROM '@ADMIN@'@'%';
REVOKE @SYSTEM_ALL@ ON sys.* FROM '@ADMIN@'@'%';
SQL
echo "@ADMIN@ is in place; root logs in from inside this pod only"
"""


def admin_script(env: Environment) -> str:
    """Shell script run as root over the server's local socket: root becomes local only, and
    the accounts Job's admin gets what it hands out (with GRANT OPTION) on every schema but
    the system ones, which it may only read (partial revokes), plus CREATE USER."""
    grantable = MIGRATION_PRIVILEGES + (() if env.database.operator_managed else ("PROCESS", "REPLICATION CLIENT"))
    settings = (" REQUIRE SSL" if env.database.require_tls else "") + " WITH MAX_USER_CONNECTIONS 3"
    body = (
        _ADMIN_BODY.replace("@QUOTING@", _QUOTING)
        .replace("@ADMIN@", ACCOUNTS_ADMIN)
        .replace("@SETTINGS@", settings)
        .replace("@GLOBAL@", "CREATE USER")
        .replace("@GRANTABLE@", ", ".join(grantable))
        .replace("@SYSTEM_WRITES@", ", ".join(p for p in MIGRATION_PRIVILEGES if p != "SELECT"))
        .replace("@SYSTEM_ALL@", ", ".join(MIGRATION_PRIVILEGES))
    )
    return "\n".join(
        [
            "#!/bin/sh",
            f"# Creates or updates {ACCOUNTS_ADMIN}, the account the accounts Job runs as, and leaves root",
            "# able to log in from inside the server's pod only. Runs as root over the local socket: in",
            "# dev at the server's first start (docker-entrypoint-initdb.d), on the MySQL Operator's",
            "# primary by hand, once and after the admin's password changes (README, MySQL accounts).",
            "# Passwords from ROOT_PASSWORD_FILE and ADMIN_PASSWORD_FILE, else two lines on standard input.",
            body,
        ]
    )


def _as_json(sizes: Resources) -> dict:
    """Resources as the operator's untyped pod specs take them."""
    return {
        "requests": {"cpu": sizes.cpu_request, "memory": sizes.memory_request},
        "limits": {"cpu": sizes.cpu_limit, "memory": sizes.memory_limit},
    }
