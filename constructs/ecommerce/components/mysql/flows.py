"""MySQL's network policies: the services with a schema and the accounts job reach the
`mysql` Service's pods; in operator mode, the router reaches the members, members replicate
among themselves, and the operator and its backup jobs reach them; dumps go to the bucket."""

from __future__ import annotations

from ecommerce.derived.endpoints import (
    MYSQL,
    MYSQL_EXPORTER_PORT,
    MYSQL_GROUP_REPLICATION_PORT,
    MYSQL_OPERATOR_ROUTER_PODS,
    MYSQL_OPERATOR_SERVER_PODS,
    MYSQL_PORT,
    MYSQLX_PORT,
    mysql_client_pods,
    mysql_client_port,
)
from ecommerce.derived.flows import Peer, Policy, Rule, api_server, pods_of, ports, prometheus
from ecommerce.derived.labels import selector
from ecommerce.model.catalog import Catalog
from ecommerce.model.environments import Environment
from ecommerce.model.installed_add_ons import MYSQL_OPERATOR

# The MySQL Operator's backup Job pods carry no label of their own
# (mysqloperator/controller/backup/backup_objects.py, 9.1.0-2.2.2): they are the Job pods
# (Kubernetes labels every Job's pods with its name) without our recommended labels.
OPERATOR_JOB_HAVING = ("batch.kubernetes.io/job-name",)
OPERATOR_JOB_LACKING = ("app.kubernetes.io/name",)


def mysql_policies(env: Environment, catalog: Catalog) -> list[Policy]:
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
    clients = Rule((*pods_of(env, users), accounts), client_port, "services with a schema, and the accounts job")
    if not env.database.operator_managed:
        policies.append(
            Policy(
                MYSQL,
                data,
                selector(env, MYSQL),
                ingress=(clients, Rule((prometheus(env),), ports(MYSQL_EXPORTER_PORT), "Prometheus scrapes mysqld-exporter")),
                component="database",
                owner=MYSQL,
            )
        )
        return policies
    servers = Peer(data, MYSQL_OPERATOR_SERVER_PODS)
    routers = Peer(data, MYSQL_OPERATOR_ROUTER_PODS)
    operator_jobs = Peer(data, having=OPERATOR_JOB_HAVING, lacking=OPERATOR_JOB_LACKING)
    uses_api = api_server(env, "the operator's sidecars and backup jobs use the API")
    # The classic protocol and the X protocol, as the router and the operator use them; group
    # replication also needs its own port.
    classic_and_x = ports(MYSQL_PORT, MYSQLX_PORT)
    group = ports(MYSQL_PORT, MYSQLX_PORT, MYSQL_GROUP_REPLICATION_PORT)
    policies += [
        Policy(
            "mysql-router",
            data,
            MYSQL_OPERATOR_ROUTER_PODS,
            ingress=(clients,),
            egress=(Rule((servers,), classic_and_x, "routes to the cluster members"),),
            component="database",
            owner=MYSQL,
        ),
        Policy(
            "mysql-server",
            data,
            MYSQL_OPERATOR_SERVER_PODS,
            ingress=(
                Rule((routers,), classic_and_x, "MySQL Router"),
                Rule((servers,), group, "group replication between members"),
                Rule((Peer(MYSQL_OPERATOR.namespace, MYSQL_OPERATOR.pods),), classic_and_x, "the MySQL Operator"),
                Rule((operator_jobs,), ports(MYSQL_PORT), "the operator's backup jobs"),
                Rule((prometheus(env),), ports(MYSQL_EXPORTER_PORT), "Prometheus scrapes the metrics sidecar"),
            ),
            egress=(
                Rule((servers,), group, "group replication between members"),
                uses_api,
            ),
            component="database",
            owner=MYSQL,
        ),
        # Backup jobs dump the cluster to the bucket and report to the API.
        Policy(
            "mysql-operator-jobs",
            data,
            {},
            egress=(Rule((servers,), ports(MYSQL_PORT), "dumps for backups"), uses_api, *object_store),
            component="database",
            owner=MYSQL,
            types=("Egress",),
            pods_having=OPERATOR_JOB_HAVING,
            pods_lacking=OPERATOR_JOB_LACKING,
        ),
    ]
    return policies
