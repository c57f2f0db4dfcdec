"""The alerts, by domain; each domain's promtool unit tests are tests/alerts/<domain>.test.yaml.

Every alert carries a severity, a summary, a description and a runbook link into
docs/runbooks.md, generated from the `runbook` text below.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ecommerce.derived import backups
from ecommerce.model.environments import Environment
from ecommerce.model.project import REPOSITORY_URL

RUNBOOKS = f"{REPOSITORY_URL}/blob/main/docs/runbooks.md"


@dataclass(frozen=True)
class Alert:
    name: str
    expr: str
    duration: str
    severity: str
    summary: str
    description: str
    # What to look at and do when it fires (docs/runbooks.md).
    runbook: str

    @property
    def runbook_url(self) -> str:
        return f"{RUNBOOKS}#{self.name.lower()}"


def services_alerts(env: Environment) -> tuple[Alert, ...]:
    """The platform's own services: up, erroring, slow."""
    app = f'namespace="{env.namespace}"'
    return (
        Alert(
            "ServiceDown",
            f'up{{{app}, service!~"redis.*"}} == 0',
            "2m",
            "critical",
            "{{ $labels.service }} is down",
            "Prometheus cannot scrape {{ $labels.pod }} of {{ $labels.service }} for 2 minutes.",
            "Check the pod's events and logs (`kubectl describe pod`, `kubectl logs`). A failing readiness "
            "probe or an OOM kill usually explains it; roll back the last release if it started with one.",
        ),
        Alert(
            "HighErrorRate",
            "service:http_errors:ratio_rate5m > 0.05 and service:http_requests:rate5m > 0.1",
            "5m",
            "critical",
            "{{ $labels.service }} answers more than 5% of requests with 5xx",
            "{{ $value | humanizePercentage }} of requests to {{ $labels.service }} failed over 5 minutes.",
            "Read the service's error logs for the failing route; check its dependencies (MySQL, Redis, "
            "RabbitMQ alerts). Roll back if the errors began with a release.",
        ),
        Alert(
            "HighLatency",
            "service:http_request_duration_seconds:p95_5m > 1",
            "10m",
            "warning",
            "{{ $labels.service }} is slow (p95 above 1s)",
            "The 95th percentile latency of {{ $labels.service }} is {{ $value | humanizeDuration }}.",
            "Look at CPU throttling and memory on the Infrastructure dashboard, MySQL connections and "
            "slow queries, and whether the HPA is at its maximum.",
        ),
    )


def workloads_alerts(env: Environment) -> tuple[Alert, ...]:
    """Pods and their controllers, from kube-state-metrics."""
    app = f'namespace="{env.namespace}"'
    ours = f'namespace=~"{"|".join(env.owned_namespaces)}"'
    return (
        Alert(
            "PodCrashLooping",
            f'max_over_time(kube_pod_container_status_waiting_reason{{{ours}, reason="CrashLoopBackOff"}}[5m]) >= 1',
            "10m",
            "warning",
            "{{ $labels.pod }} is crash-looping",
            "Container {{ $labels.container }} of {{ $labels.pod }} keeps restarting.",
            "`kubectl logs --previous` shows why it exits; a missing Secret or a failing migration are the usual causes.",
        ),
        Alert(
            "DeploymentReplicasUnavailable",
            f"kube_deployment_status_replicas_unavailable{{{app}}} > 0",
            "10m",
            "warning",
            "{{ $labels.deployment }} has unavailable replicas",
            "{{ $value }} replicas of {{ $labels.deployment }} have been unavailable for 10 minutes.",
            "Check scheduling (quota, node capacity, topology spread) and the pods' readiness.",
        ),
        Alert(
            "HPAAtMaximum",
            f"kube_horizontalpodautoscaler_status_current_replicas{{{app}}}"
            f" >= kube_horizontalpodautoscaler_spec_max_replicas{{{app}}}",
            "15m",
            "warning",
            "{{ $labels.horizontalpodautoscaler }} is pinned at its maximum",
            "The autoscaler has run at its maximum replicas for 15 minutes; demand may exceed capacity.",
            "Confirm the load is legitimate (Business dashboard), then raise `autoscaling.max_replicas` in "
            "model/environments.py or the resources of the service.",
        ),
    )


def mysql_alerts(env: Environment) -> tuple[Alert, ...]:
    """MySQL members, from mysqld_exporter."""
    data = f'namespace="{env.data_namespace}"'
    return (
        Alert(
            "MySQLDown",
            f"mysql_up{{{data}}} == 0",
            "1m",
            "critical",
            "MySQL instance {{ $labels.pod }} is down",
            "mysqld_exporter cannot reach MySQL on {{ $labels.pod }}.",
            "Check the InnoDBCluster status (`kubectl get innodbcluster -n e-commerce-data`) and the mysql "
            "container logs. With 3 members the cluster survives one loss; restore the member.",
        ),
        Alert(
            "MySQLReplicationLag",
            f"max by (pod) (mysql_perf_schema_transactions_in_queue{{{data}}}) > 100",
            "5m",
            "warning",
            "MySQL member {{ $labels.pod }} lags behind",
            "{{ $value }} transactions wait to be applied on {{ $labels.pod }}.",
            "A member that cannot keep up usually lacks I/O or CPU; look at its disk and the write load.",
        ),
        Alert(
            "MySQLConnectionsNearLimit",
            f"max by (pod) (mysql_global_status_threads_connected{{{data}}}"
            f" / mysql_global_variables_max_connections{{{data}}}) > 0.8",
            "5m",
            "warning",
            "MySQL {{ $labels.pod }} uses over 80% of its connections",
            "{{ $value | humanizePercentage }} of max_connections are in use.",
            "More replicas mean more connection pools: check the HPA, and raise max_connections in "
            "components/mysql/server.py if the load is legitimate.",
        ),
    )


def mysql_backups_alerts(env: Environment) -> tuple[Alert, ...]:
    """The newest successful dump is too old. The operator's backup CronJob only creates a
    MySQLBackup object, and succeeds whether the dump does or not (its
    kube_cronjob_status_last_successful_time would say nothing): the dump is the Job the
    operator makes for that object, which kube-state-metrics gives a completion time only
    when it succeeded. A schedule older than the limit without any successful Job fires too."""
    backup = env.database.backup
    if backup is None:
        return ()
    data = f'namespace="{env.data_namespace}"'
    limit = backup.max_age_hours * 3600
    dumps = f'kube_job_status_completion_time{{{data}, job_name=~"{backups.operator_job_pattern()}"}}'
    schedule = f'kube_cronjob_created{{{data}, cronjob="{backups.operator_cronjob()}"}}'
    bucket = backup.bucket
    return (
        Alert(
            "MySQLBackupTooOld",
            f"time() - max by (namespace) ({dumps}) > {limit}"
            f" or (time() - max by (namespace) ({schedule}) > {limit} unless on (namespace) max by (namespace) ({dumps}))",
            "15m",
            "critical",
            f"No MySQL dump has succeeded for more than {backup.max_age_hours} hours",
            "The newest successful dump of MySQL (or the backup schedule, if none ever succeeded) is"
            " {{ $value | humanizeDuration }} old.",
            f"`kubectl -n {env.data_namespace} get mysqlbackups` lists the backups and their status; "
            f"`kubectl -n {env.data_namespace} logs job/<name>` shows why one failed. Usual causes: the "
            "`mysql-backup-storage` ExternalSecret (the writer's AWS credentials) not syncing, the bucket "
            f"`{bucket.name}` refusing the writer (its bucket or KMS key policy), the `mysql-operator-jobs` "
            "network policy or the S3 endpoint, or a cluster with no healthy member to dump. Once fixed, "
            "take a dump now rather than wait for the schedule: create a MySQLBackup with "
            f"`generateName: {backups.manual_backup_prefix()}`, `clusterName: mysql` and "
            f"`backupProfileName: {backups.PROFILE}` (README, MySQL backups), and check that "
            "`python3 constructs/ecommerce/components/mysql/dumps.py list` shows it complete.",
        ),
    )


def rabbitmq_alerts(env: Environment) -> tuple[Alert, ...]:
    """The RabbitMQ cluster and the queues of the topology."""
    messaging = f'namespace="{env.messaging_namespace}"'
    return (
        Alert(
            "RabbitMQQueueBacklog",
            f'rabbitmq_detailed_queue_messages_ready{{{messaging}, queue!="shop.dead-letter"}} > 1000',
            "10m",
            "warning",
            "Queue {{ $labels.queue }} is backing up",
            "{{ $value }} messages wait in {{ $labels.queue }}.",
            "The consuming service is too slow or failing: check its logs and replicas.",
        ),
        Alert(
            "RabbitMQQueueWithoutConsumers",
            f'rabbitmq_detailed_queue_consumers{{{messaging}, queue!="shop.dead-letter"}} == 0',
            "5m",
            "critical",
            "Nobody consumes {{ $labels.queue }}",
            "Queue {{ $labels.queue }} has had no consumer for 5 minutes; its events are not handled.",
            "The owning service is down or cannot log in to RabbitMQ (check its RabbitMQ user and password).",
        ),
        Alert(
            "RabbitMQDeadLetters",
            f'rabbitmq_detailed_queue_messages_ready{{{messaging}, queue="shop.dead-letter"}} > 0',
            "15m",
            "warning",
            "Messages are dead-lettered",
            "{{ $value }} messages failed too often and wait in shop.dead-letter.",
            "Inspect them in the management UI, fix the consumer, then move them back with a shovel.",
        ),
        Alert(
            "RabbitMQMemoryAlarm",
            f"max(rabbitmq_alarms_memory_used_watermark{{{messaging}}}) > 0",
            "1m",
            "critical",
            "RabbitMQ raised its memory alarm",
            "Publishers are blocked until memory drops below the watermark.",
            "Find the growing queues (Infrastructure dashboard); scale or fix their consumers.",
        ),
    )


def redis_alerts(env: Environment) -> tuple[Alert, ...]:
    """Redis, from redis_exporter."""
    app = f'namespace="{env.namespace}"'
    return (
        Alert(
            "RedisDown",
            f"redis_up{{{app}}} == 0",
            "1m",
            "critical",
            "Redis {{ $labels.pod }} is down",
            "redis_exporter cannot reach Redis on {{ $labels.pod }}; sessions and baskets are affected.",
            "Check the redis pod; in prod Sentinel promotes a replica within seconds.",
        ),
        Alert(
            "RedisMemoryNearLimit",
            f"redis_memory_used_bytes{{{app}}} / (redis_memory_max_bytes{{{app}}} > 0) > 0.9",
            "5m",
            "warning",
            "Redis {{ $labels.pod }} is close to maxmemory",
            "{{ $value | humanizePercentage }} of maxmemory is used; keys with a TTL will be evicted.",
            "Raise cache.max_memory in model/environments.py, or look for a key pattern that grows without TTL.",
        ),
        Alert(
            "RedisEvictions",
            f"increase(redis_evicted_keys_total{{{app}}}[10m]) > 0",
            "0m",
            "warning",
            "Redis evicts keys",
            "{{ $value }} keys were evicted in 10 minutes: sessions or baskets may be lost early.",
            "Redis is full; see RedisMemoryNearLimit.",
        ),
    )


def certificates_and_secrets_alerts(env: Environment) -> tuple[Alert, ...]:
    """What cert-manager and External Secrets keep fresh in our namespaces."""
    ours = f'namespace=~"{"|".join(env.owned_namespaces)}"'
    return (
        Alert(
            "CertificateExpiringSoon",
            f"certmanager_certificate_expiration_timestamp_seconds{{{ours}}} - time() < 14 * 86400",
            "1h",
            "warning",
            "Certificate {{ $labels.name }} expires in less than 14 days",
            "cert-manager renews 30 days ahead, so renewal has been failing.",
            "`kubectl describe certificate`, then the Order and Challenge: HTTP-01 needs Traefik to route "
            "/.well-known/acme-challenge to the solver pod.",
        ),
        Alert(
            "ExternalSecretSyncFailing",
            f'externalsecret_status_condition{{{ours}, condition="Ready", status="False"}} == 1',
            "10m",
            "critical",
            "ExternalSecret {{ $labels.name }} does not sync",
            "The Secret is stale: rotated values are not applied, and new pods may not start.",
            "`kubectl describe externalsecret`: usually a missing key in the secret store or an expired store credential.",
        ),
    )


def business_alerts(_env: Environment) -> tuple[Alert, ...]:
    """The shop's own numbers, compared with last week."""
    return (
        Alert(
            "OrdersCollapsed",
            "sum(site:shop_orders_placed:increase1h) < 0.5 * sum(site:shop_orders_placed:increase1h offset 1w)"
            " and sum(site:shop_orders_placed:increase1h offset 1w) > 10",
            "15m",
            "critical",
            "Orders per hour fell by more than half",
            "{{ $value }} orders in the last hour, less than half of the same hour last week.",
            "Check checkout errors, payment provider status and the api-gateway; a broken release or an "
            "outage of a dependency is likely.",
        ),
        Alert(
            "CartAbandonmentSpike",
            "sum(site:shop_baskets_abandoned:increase1h) / sum(site:shop_baskets_created:increase1h) > 0.8"
            " and sum(site:shop_baskets_created:increase1h) > 20",
            "30m",
            "warning",
            "Most baskets are abandoned",
            "{{ $value | humanizePercentage }} of the last hour's baskets were abandoned.",
            "Look for errors or latency in baskets, orders and products; then for a pricing or stock issue.",
        ),
        Alert(
            "CheckoutErrors",
            "shop:checkout_failures:ratio10m > 0.05",
            "10m",
            "critical",
            "More than 5% of checkouts fail",
            "{{ $value | humanizePercentage }} of checkouts failed over 10 minutes.",
            "Break the failures down by reason on the Business dashboard: payment (provider), stock "
            "(products), error (orders' logs).",
        ),
    )


# Domain -> its alerts, in the order the PrometheusRule lists them.
DOMAINS: dict[str, Callable[[Environment], tuple[Alert, ...]]] = {
    "services": services_alerts,
    "workloads": workloads_alerts,
    "mysql": mysql_alerts,
    "mysql-backups": mysql_backups_alerts,
    "rabbitmq": rabbitmq_alerts,
    "redis": redis_alerts,
    "certificates-and-secrets": certificates_and_secrets_alerts,
    "business": business_alerts,
}


def alerts(env: Environment) -> tuple[Alert, ...]:
    return tuple(alert for domain in DOMAINS.values() for alert in domain(env))
