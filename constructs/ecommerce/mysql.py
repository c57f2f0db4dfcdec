"""MySQL for the environment's database mode, and one schema and user per service.

- standalone (dev): a MySQL 8 StatefulSet of our own, with a mysqld-exporter sidecar.
- primary-replica / innodb-cluster: an InnoDBCluster run by the MySQL Operator, with
  routers, TLS, metrics, and in prod anti-affinity and daily backups with retention.

Schemas and users are applied by a small idempotent script, run as a Job at each sync and
as a CronJob afterwards, so that a new service, a lost user or a rotated password is
reconciled without anyone running SQL by hand.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cdk8s_plus_27 import k8s
from constructs import Construct

from .credentials import MYSQL_ACCOUNTS_SECRET, MYSQL_EXPORTER_SECRET, MYSQL_ROOT_SECRET
from .endpoints import MYSQL, MYSQL_PORT
from .environments import Environment
from .errors import require
from .images import ImageRef
from .meta import Part, int_or_string, labels, quantity, selector
from .pods import (
    JOB,
    SIDECAR,
    claim_template,
    config_map_volume,
    empty_dir,
    exec_probe,
    http_probe,
    resources,
    secret_volume,
    tcp_probe,
)
from .security import container_security_context, pod_security_context

if TYPE_CHECKING:
    from imports.mysql.com.oracle import mysql as operator

SCHEMA_NAME = re.compile(r"^[a-z][a-z0-9_]{0,31}$")
MYSQL_VERSION = re.compile(r"^\d+\.\d+\.\d+$")
# The uid and gid the MySQL Operator runs MySQL and its backup Jobs as.
OPERATOR_MYSQL_GID = 27
EXPORTER_PORT = 9104
# Collectors that mysqld_exporter leaves off by default and our alerts need:
# MySQLReplicationLag reads mysql_perf_schema_transactions_in_queue.
EXPORTER_COLLECTORS = ("--collect.perf_schema.replication_group_member_stats",)
# The MySQL Operator writes `socket=unix:///var/run/mysqld/mysql.sock` into its metrics
# sidecar's my.cnf (mysqloperator/controller/innodbcluster/cluster_api.py, 9.1.0-2.2.2);
# mysqld_exporter 0.15+ takes that value as a file path and never connects. Its multi-target
# endpoint parses the same address correctly, so Prometheus scrapes /probe with this target.
OPERATOR_EXPORTER_TARGET = "unix:///var/run/mysqld/mysql.sock"
BACKUPS_CLAIM = "mysql-backups"
# How long the accounts Job waits for a writable primary: a new InnoDB cluster takes several
# minutes to provision its members, elect a primary and start its routers.
ACCOUNTS_WAIT_SECONDS = 1800
# Privileges an application needs on its own schema, migrations included; nothing global.
SCHEMA_PRIVILEGES = (
    "SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, DROP, INDEX, REFERENCES, "
    "CREATE TEMPORARY TABLES, LOCK TABLES, CREATE VIEW, SHOW VIEW, TRIGGER, EXECUTE"
)
SERVER_CONFIG = """\
[mysqld]
character-set-server = utf8mb4
collation-server = utf8mb4_0900_ai_ci
max_connections = 500
# No server-side file import or export.
secure-file-priv = NULL
"""
ROUTER_RESOURCES = {"requests": {"cpu": "100m", "memory": "128Mi"}, "limits": {"cpu": "500m", "memory": "256Mi"}}


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
                "invalid schema name (lower-case letters, digits, underscores; at most 32)",
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
        k8s.KubeConfigMap(
            self,
            "config",
            metadata=self.meta("mysql-config", self.labels, self.namespace),
            data={"shop.cnf": SERVER_CONFIG},
        )
        ports = [
            k8s.ServicePort(name="mysql", port=MYSQL_PORT, target_port=int_or_string("mysql")),
            k8s.ServicePort(name="metrics", port=EXPORTER_PORT, target_port=int_or_string("metrics")),
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
            env=[
                k8s.EnvVar(name="MYSQL_ROOT_PASSWORD_FILE", value="/run/secrets/mysql/rootPassword"),
                k8s.EnvVar(name="MYSQL_ROOT_HOST", value="%"),
            ],
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
            ],
        )
        exporter = k8s.Container(
            name="exporter",
            image=str(props.exporter_image),
            image_pull_policy="IfNotPresent",
            args=[
                "--config.my-cnf=/run/secrets/exporter/my.cnf",
                f"--web.listen-address=:{EXPORTER_PORT}",
                *EXPORTER_COLLECTORS,
            ],
            ports=[k8s.ContainerPort(name="metrics", container_port=EXPORTER_PORT, protocol="TCP")],
            resources=resources(SIDECAR),
            readiness_probe=http_probe("/", "metrics", period=10),
            liveness_probe=http_probe("/", "metrics", period=20),
            security_context=container_security_context(),
            volume_mounts=[k8s.VolumeMount(name="exporter-credentials", mount_path="/run/secrets/exporter", read_only=True)],
        )
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
                        containers=[server, exporter],
                        volumes=[
                            empty_dir("run", "1Mi"),
                            empty_dir("tmp", "1Gi"),
                            config_map_volume("config", "mysql-config"),
                            secret_volume("root-credentials", MYSQL_ROOT_SECRET, ["rootPassword"]),
                            secret_volume("exporter-credentials", MYSQL_EXPORTER_SECRET, ["my.cnf"]),
                        ],
                    ),
                ),
                volume_claim_templates=[claim_template("data", env.database.storage, self.labels)],
            ),
        )
        self._service_account(MYSQL, self.labels)

    # --- MySQL Operator (staging, prod) ---------------------------------------------------

    def _innodb_cluster(self) -> None:
        # Loaded only where the MySQL Operator runs: each generated CRD module costs its
        # jsii assembly load.
        from imports.mysql.com.oracle import mysql as operator

        env, props = self.env, self.props
        database = env.database
        resources = database.resources
        server_pods = {"mysql.oracle.com/cluster": MYSQL, "component": "mysqld"}
        router_pods = {"mysql.oracle.com/cluster": MYSQL, "component": "mysqlrouter"}
        restricted = {"runAsNonRoot": True, "seccompProfile": {"type": "RuntimeDefault"}}
        server_spec: dict = {
            "securityContext": restricted,
            "containers": [
                {
                    "name": "mysql",
                    "resources": {
                        "requests": {"cpu": resources.cpu_request, "memory": resources.memory_request},
                        "limits": {"cpu": resources.cpu_limit, "memory": resources.memory_limit},
                    },
                }
            ],
        }
        router_spec: dict = {
            "securityContext": restricted,
            "containers": [{"name": "router", "resources": ROUTER_RESOURCES}],
        }
        if env.spread_across_zones:
            server_spec["affinity"] = _anti_affinity(server_pods)
            router_spec["affinity"] = _anti_affinity(router_pods)
        operator.InnoDbCluster(
            self,
            "cluster",
            metadata=self.cr_meta(MYSQL, self.labels, self.namespace),
            spec=operator.InnoDbClusterSpec(
                secret_name=MYSQL_ROOT_SECRET,
                # The operator issues and rotates the server certificates itself: traffic is
                # encrypted (clients use ssl-mode REQUIRED), without a CA clients could verify.
                tls_use_self_signed=True,
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

    def _backup_profiles(self) -> list[operator.InnoDbClusterSpecBackupProfiles] | None:
        from imports.mysql.com.oracle import mysql as operator

        if self.env.database.backup is None:
            return None
        return [
            operator.InnoDbClusterSpecBackupProfiles(
                name="daily-dump",
                dump_instance=operator.InnoDbClusterSpecBackupProfilesDumpInstance(
                    storage=operator.InnoDbClusterSpecBackupProfilesDumpInstanceStorage(
                        persistent_volume_claim={"claimName": BACKUPS_CLAIM}
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
                name="daily",
                schedule=backup.schedule,
                time_zone="Etc/UTC",
                backup_profile_name="daily-dump",
                enabled=True,
                delete_backup_data=False,
            )
        ]

    def _backups(self) -> None:
        """The claim backups are written to, and the retention the operator does not offer."""
        env = self.env
        backup = env.database.backup
        assert backup is not None
        backup_labels = labels(env, "mysql-backups", "database-backup")
        k8s.KubePersistentVolumeClaim(
            self,
            "backups",
            metadata=self.meta(BACKUPS_CLAIM, backup_labels, self.namespace),
            spec=k8s.PersistentVolumeClaimSpec(
                access_modes=["ReadWriteOnce"],
                resources=k8s.ResourceRequirements(requests={"storage": quantity(backup.storage)}),
            ),
        )
        prune = f"find /backups -mindepth 1 -maxdepth 1 -type d -mtime +{backup.retention_days} -print -exec rm -rf {{}} +"
        retention_labels = labels(env, "mysql-backup-retention", "database-backup")
        self._service_account("mysql-backup-retention", retention_labels)
        retention = k8s.PodSpec(
            restart_policy="OnFailure",
            service_account_name="mysql-backup-retention",
            automount_service_account_token=False,
            enable_service_links=False,
            # The operator's backup Jobs write as the mysql user; with its group as fsGroup
            # (changed on every mount) this unprivileged user may delete expired dumps.
            security_context=pod_security_context(fs_group=OPERATOR_MYSQL_GID, fs_group_change_policy="Always"),
            containers=[
                k8s.Container(
                    name="prune",
                    image=str(self.props.image),
                    image_pull_policy="IfNotPresent",
                    command=["sh", "-c", prune],
                    resources=resources(JOB),
                    security_context=container_security_context(),
                    volume_mounts=[k8s.VolumeMount(name="backups", mount_path="/backups")],
                )
            ],
            volumes=[
                k8s.Volume(
                    name="backups",
                    persistent_volume_claim=k8s.PersistentVolumeClaimVolumeSource(claim_name=BACKUPS_CLAIM),
                )
            ],
        )
        k8s.KubeCronJob(
            self,
            "retention",
            metadata=self.meta("mysql-backup-retention", retention_labels, self.namespace),
            spec=k8s.CronJobSpec(
                # Two hours after the daily backup starts.
                schedule=_hours_later(backup.schedule, 2),
                time_zone="Etc/UTC",
                concurrency_policy="Forbid",
                successful_jobs_history_limit=3,
                failed_jobs_history_limit=3,
                job_template=k8s.JobTemplateSpec(
                    spec=k8s.JobSpec(
                        backoff_limit=2,
                        template=k8s.PodTemplateSpec(metadata=k8s.ObjectMeta(labels=retention_labels), spec=retention),
                    )
                ),
            ),
        )

    # --- schemas and users --------------------------------------------------------------

    def _accounts(self) -> None:
        env, props = self.env, self.props
        account_labels = labels(env, "mysql-accounts", "database-setup")
        self._service_account("mysql-accounts", account_labels)
        k8s.KubeConfigMap(
            self,
            "accounts-script",
            metadata=self.meta("mysql-accounts", account_labels, self.namespace),
            data={"accounts.sh": accounts_script(props.schemas, env)},
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
        # ...and on a schedule, to pick up rotated passwords and repair drift.
        k8s.KubeCronJob(
            self,
            "accounts-cronjob",
            metadata=self.meta("mysql-accounts", account_labels, self.namespace),
            spec=k8s.CronJobSpec(
                schedule="*/10 * * * *" if env.secrets.mode.value == "external-rotation" else "17 * * * *",
                concurrency_policy="Forbid",
                successful_jobs_history_limit=1,
                failed_jobs_history_limit=3,
                job_template=k8s.JobTemplateSpec(spec=job),
            ),
        )

    def _accounts_pod(self) -> k8s.PodSpec:
        env, props = self.env, self.props
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
                    env=[
                        k8s.EnvVar(name="DATABASE_HOST", value=MYSQL),
                        k8s.EnvVar(name="DATABASE_PORT", value=str(MYSQL_PORT)),
                        k8s.EnvVar(name="SSL_MODE", value="REQUIRED" if env.database.require_tls else "PREFERRED"),
                    ],
                    resources=resources(JOB),
                    security_context=container_security_context(),
                    volume_mounts=[
                        k8s.VolumeMount(name="scripts", mount_path="/scripts", read_only=True),
                        k8s.VolumeMount(name="root", mount_path="/run/secrets/root", read_only=True),
                        k8s.VolumeMount(name="accounts", mount_path="/run/secrets/accounts", read_only=True),
                        k8s.VolumeMount(name="tmp", mount_path="/tmp"),
                    ],
                )
            ],
            volumes=[
                config_map_volume("scripts", "mysql-accounts"),
                secret_volume("root", MYSQL_ROOT_SECRET, ["rootPassword"]),
                secret_volume("accounts", MYSQL_ACCOUNTS_SECRET, list(self._account_keys())),
                empty_dir("tmp", "16Mi"),
            ],
        )

    def _service_account(self, name: str, account_labels: dict[str, str]) -> None:
        """Every workload runs as itself, with no API token: none of them calls the API."""
        k8s.KubeServiceAccount(
            self,
            f"service-account-{name}",
            metadata=self.meta(name, account_labels, self.namespace),
            automount_service_account_token=False,
        )

    def _account_keys(self) -> tuple[str, ...]:
        exporter = () if self.env.database.operator_managed else ("exporter",)
        return (*self.props.schemas, *exporter)


def accounts_script(schemas: tuple[str, ...], env: Environment) -> str:
    """Shell script creating each schema and its user, idempotently, passwords read from files."""
    require_ssl = " REQUIRE SSL" if env.database.require_tls else ""
    lines = [
        "#!/bin/sh",
        "# Generated from the service catalog: one schema and one user per service, each",
        "# allowed on its own schema only. Idempotent; also applies rotated passwords.",
        "set -eu",
        "umask 077",
        "# A value as a quoted SQL string literal.",
        "literal() { printf \"'%s'\" \"$(printf '%s' \"$1\" | sed -e 's/\\\\/\\\\\\\\/g' -e \"s/'/''/g\")\"; }",
        "# One statement, verbatim (echo would interpret backslashes).",
        "sql() { printf '%s\\n' \"$1\"; }",
        "# A value as a quoted option-file value.",
        "option() { printf '\"%s\"' \"$(printf '%s' \"$1\" | sed -e 's/\\\\/\\\\\\\\/g' -e 's/\"/\\\\\"/g')\"; }",
        "{",
        '  printf \'[client]\\nhost=%s\\nport=%s\\nuser=root\\nssl-mode=%s\\n\' "$DATABASE_HOST" "$DATABASE_PORT" "$SSL_MODE"',
        '  printf \'password=%s\\n\' "$(option "$(cat /run/secrets/root/rootPassword)")"',
        "} > /tmp/client.cnf",
        "# Wait, within this one run, until a writable primary answers as root: `mysqladmin ping`",
        "# succeeds as soon as anything listens (even refusing the login), long before a new",
        "# InnoDB cluster has elected a primary behind its routers.",
        'writable() { [ "$(mysql --defaults-extra-file=/tmp/client.cnf --connect-timeout=5 -N -B \\',
        "  -e 'SELECT @@global.super_read_only' 2>/dev/null)\" = 0 ]; }",
        "attempt=0",
        "until writable; do",
        "  attempt=$((attempt + 1))",
        f'  if [ "$attempt" -ge {ACCOUNTS_WAIT_SECONDS // 5} ]; then',
        f'    echo "no writable MySQL primary at $DATABASE_HOST after {ACCOUNTS_WAIT_SECONDS}s" >&2; exit 1',
        "  fi",
        "  sleep 5",
        "done",
        "{",
    ]
    for schema in schemas:
        password = f'$(literal "$(cat /run/secrets/accounts/{schema})")'
        lines += [
            f'  sql "CREATE DATABASE IF NOT EXISTS \\`{schema}\\` CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci;"',
            f"  sql \"CREATE USER IF NOT EXISTS '{schema}'@'%' IDENTIFIED BY {password}{require_ssl};\"",
            f"  sql \"ALTER USER '{schema}'@'%' IDENTIFIED BY {password}{require_ssl};\"",
            f"  sql \"GRANT {SCHEMA_PRIVILEGES} ON \\`{schema}\\`.* TO '{schema}'@'%';\"",
        ]
    if not env.database.operator_managed:
        # The operator runs its own metrics user; our standalone server's exporter needs one.
        password = '$(literal "$(cat /run/secrets/accounts/exporter)")'
        lines += [
            f"  sql \"CREATE USER IF NOT EXISTS 'exporter'@'%' IDENTIFIED BY {password} WITH MAX_USER_CONNECTIONS 3;\"",
            f"  sql \"ALTER USER 'exporter'@'%' IDENTIFIED BY {password} WITH MAX_USER_CONNECTIONS 3;\"",
            "  sql \"GRANT PROCESS, REPLICATION CLIENT, SELECT ON *.* TO 'exporter'@'%';\"",
        ]
    lines += [
        "} | mysql --defaults-extra-file=/tmp/client.cnf",
        f"echo {shlex.quote(f'{len(schemas)} schemas and users are in place')}",
        "",
    ]
    return "\n".join(lines)


def _anti_affinity(match: dict[str, str]) -> dict:
    """One pod per node, and spread over zones where possible (as pods.anti_affinity does,
    but as plain data: the operator's podSpec fields are untyped)."""
    return {
        "podAntiAffinity": {
            "requiredDuringSchedulingIgnoredDuringExecution": [
                {"labelSelector": {"matchLabels": match}, "topologyKey": "kubernetes.io/hostname"}
            ],
            "preferredDuringSchedulingIgnoredDuringExecution": [
                {
                    "weight": 100,
                    "podAffinityTerm": {"labelSelector": {"matchLabels": match}, "topologyKey": "topology.kubernetes.io/zone"},
                }
            ],
        }
    }


def _hours_later(schedule: str, hours: int) -> str:
    """A daily cron schedule `hours` after `schedule` (which must name a fixed hour)."""
    minute, hour, *rest = schedule.split()
    require(
        hour.isdigit(), "database.backup.schedule", f"the hour must be a number to schedule retention after it (got {hour!r})"
    )
    return " ".join([minute, str((int(hour) + hours) % 24), *rest])
