"""MySQL per environment, and the script that gives each service its schema and user."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import pytest

from ecommerce.catalog import CATALOG
from ecommerce.environments import DEV, PROD, STAGING
from ecommerce.errors import ConfigError
from ecommerce.images import parse_image
from ecommerce.mysql import ACCOUNTS_WAIT_SECONDS, SCHEMA_PRIVILEGES, MySql, MySqlProps, accounts_script

from .helpers import of_kind, one, release, synth

SCHEMAS = tuple(service.schema for service in CATALOG)


def build(env):
    platform = release(env).platform
    props = MySqlProps(SCHEMAS, platform["mysql"], platform["mysqld-exporter"])
    return synth(lambda scope: MySql(scope, "mysql", env, props))


def test_dev_runs_a_standalone_statefulset_with_a_volume():
    objects = build(DEV)
    assert not of_kind(objects, "InnoDBCluster")
    statefulset = one(objects, "StatefulSet", "mysql")
    assert statefulset["metadata"]["namespace"] == "e-commerce-data"
    assert statefulset["spec"]["replicas"] == 1
    (claim,) = statefulset["spec"]["volumeClaimTemplates"]
    assert claim["spec"]["resources"]["requests"]["storage"] == DEV.database.storage
    pod = statefulset["spec"]["template"]["spec"]
    server = next(c for c in pod["containers"] if c["name"] == "mysql")
    assert server["image"].startswith("docker.io/library/mysql:8.4")
    assert {"startupProbe", "readinessProbe", "livenessProbe"} <= server.keys()
    assert server["securityContext"]["readOnlyRootFilesystem"] is True
    assert {"name": "MYSQL_ROOT_PASSWORD_FILE", "value": "/run/secrets/mysql/rootPassword"} in server["env"]
    secrets = {v["secret"]["secretName"] for v in pod["volumes"] if "secret" in v}
    assert secrets == {"mysql-root-credentials", "mysql-exporter"}
    service = one(objects, "Service", "mysql")
    assert {p["name"]: p["port"] for p in service["spec"]["ports"]} == {"mysql": 3306, "metrics": 9104}


def test_staging_is_primary_replica_through_the_operator():
    spec = one(build(STAGING), "InnoDBCluster", "mysql")["spec"]
    assert (spec["instances"], spec["router"]["instances"]) == (2, 1)
    assert "backupSchedules" not in spec
    assert "affinity" not in spec["podSpec"]


def test_prod_is_an_ha_innodb_cluster_with_tls_resources_and_anti_affinity():
    objects = build(PROD)
    cluster = one(objects, "InnoDBCluster", "mysql")
    spec = cluster["spec"]
    assert (spec["instances"], spec["router"]["instances"]) == (3, 2)
    assert spec["tlsUseSelfSigned"] is True
    assert spec["secretName"] == "mysql-root-credentials"
    assert spec["version"] == "8.4.11"
    assert spec["datadirVolumeClaimTemplate"]["resources"]["requests"]["storage"] == "100Gi"
    (mysql,) = spec["podSpec"]["containers"]
    assert mysql["resources"]["requests"] == {"cpu": "1", "memory": "4Gi"}
    required = spec["podSpec"]["affinity"]["podAntiAffinity"]["requiredDuringSchedulingIgnoredDuringExecution"]
    assert required[0]["topologyKey"] == "kubernetes.io/hostname"
    assert spec["router"]["podSpec"]["affinity"]["podAntiAffinity"]
    # MySQLReplicationLag reads a metric of a collector mysqld_exporter leaves off by default.
    assert spec["metrics"] == {
        "enable": True,
        "image": str(release(PROD).platform["mysqld-exporter"]),
        "options": ["--collect.perf_schema.replication_group_member_stats"],
    }
    assert cluster["metadata"]["annotations"]["argocd.argoproj.io/sync-options"] == "SkipDryRunOnMissingResource=true"


def test_operator_pods_are_hardened_where_the_custom_resource_allows():
    spec = one(build(PROD), "InnoDBCluster", "mysql")["spec"]
    assert spec["datadirPermissions"]["setRightsUsingInitContainer"] is False
    for pod in (spec["podSpec"], spec["router"]["podSpec"]):
        assert pod["securityContext"] == {"runAsNonRoot": True, "seccompProfile": {"type": "RuntimeDefault"}}


def test_prod_backs_up_daily_and_keeps_fourteen_days():
    objects = build(PROD)
    spec = one(objects, "InnoDBCluster", "mysql")["spec"]
    (profile,) = spec["backupProfiles"]
    assert profile["dumpInstance"]["storage"]["persistentVolumeClaim"] == {"claimName": "mysql-backups"}
    (schedule,) = spec["backupSchedules"]
    assert schedule == {
        "name": "daily",
        "schedule": "0 2 * * *",
        "timeZone": "Etc/UTC",
        "backupProfileName": "daily-dump",
        "enabled": True,
        "deleteBackupData": False,
    }
    assert one(objects, "PersistentVolumeClaim", "mysql-backups")["spec"]["resources"]["requests"]["storage"] == "200Gi"
    retention = one(objects, "CronJob", "mysql-backup-retention")
    assert retention["spec"]["schedule"] == "0 4 * * *"
    (prune,) = retention["spec"]["jobTemplate"]["spec"]["template"]["spec"]["containers"]
    assert "-mtime +14" in prune["command"][-1]


def test_accounts_run_at_sync_and_on_a_schedule():
    objects = build(PROD)
    job = one(objects, "Job", "mysql-accounts")
    assert job["metadata"]["annotations"]["argocd.argoproj.io/hook"] == "Sync"
    cronjob = one(objects, "CronJob", "mysql-accounts")
    assert cronjob["spec"]["schedule"] == "*/10 * * * *", "prod rotates secrets: re-apply passwords often"
    assert one(build(STAGING), "CronJob", "mysql-accounts")["spec"]["schedule"] == "17 * * * *"
    pod = job["spec"]["template"]["spec"]
    items = next(v for v in pod["volumes"] if v["name"] == "accounts")["secret"]["items"]
    assert [item["key"] for item in items] == list(SCHEMAS)


@pytest.mark.parametrize(
    ("schemas", "image", "message"),
    [
        (("orders", "orders"), "docker.io/library/mysql:8.4.11", "mysql: schemas: duplicate schema"),
        (("Orders",), "docker.io/library/mysql:8.4.11", "mysql: schemas: Orders: invalid schema name"),
        (("orders",), "docker.io/library/mysql:lts", "mysql: image: the tag must be the MySQL version"),
    ],
)
def test_bad_props(schemas, image, message):
    exporter = parse_image("docker.io/prom/mysqld-exporter:v0.19.0", "test")
    with pytest.raises(ConfigError, match=message):
        MySqlProps(schemas, parse_image(image, "test"), exporter)


FAKE_MYSQL = """#!/bin/sh
# Stands in for the MySQL client: answers the primary's read-only flag ($READ_ONLY_ANSWERS:
# one answer per call, the last one repeated), records the options file and the SQL it is given.
for arg in "$@"; do
  if [ "$arg" = "-e" ]; then
    calls=$(( $(cat "$RECORD.calls" 2>/dev/null || echo 0) + 1 )); echo "$calls" > "$RECORD.calls"
    answer=$(printf '%s\\n' $READ_ONLY_ANSWERS | sed -n "${calls}p"); [ -n "$answer" ] || answer="${READ_ONLY_ANSWERS##* }"
    [ "$answer" = "down" ] && exit 1
    echo "$answer"; exit 0
  fi
done
cp /tmp/client.cnf "$RECORD.cnf"; cat > "$RECORD.sql"
"""


def run_accounts(tmp_path: Path, env, passwords: dict[str, str], read_only_answers: str = "0") -> tuple[str, str]:
    """Runs the generated script under sh, with a fake mysql client and sleep, as the Job would."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool, body in (("mysql", FAKE_MYSQL), ("sleep", "#!/bin/sh\nexit 0\n")):
        (bin_dir / tool).write_text(body)
        (bin_dir / tool).chmod(stat.S_IRWXU)
    secrets = tmp_path / "secrets"
    (secrets / "accounts").mkdir(parents=True)
    (secrets / "root").mkdir()
    (secrets / "root" / "rootPassword").write_text('r"oot\\pass')
    for schema, password in passwords.items():
        (secrets / "accounts" / schema).write_text(password)
    script = accounts_script(tuple(p for p in passwords if p != "exporter"), env).replace("/run/secrets", str(secrets))
    record = tmp_path / "record"
    environment = dict(
        os.environ,
        PATH=f"{bin_dir}:{os.environ['PATH']}",
        DATABASE_HOST="mysql",
        DATABASE_PORT="3306",
        SSL_MODE="REQUIRED",
        RECORD=str(record),
        READ_ONLY_ANSWERS=read_only_answers,
    )
    subprocess.run(["sh", "-c", script], env=environment, check=True, capture_output=True, timeout=30)
    return (tmp_path / "record.sql").read_text(), (tmp_path / "record.cnf").read_text()


def test_accounts_script_grants_each_user_its_own_schema_only(tmp_path):
    sql, options = run_accounts(tmp_path, PROD, {"orders": "s3cret", "auth": "it's \\tricky"})
    assert "CREATE DATABASE IF NOT EXISTS `orders` CHARACTER SET utf8mb4" in sql
    assert "CREATE USER IF NOT EXISTS 'orders'@'%' IDENTIFIED BY 's3cret' REQUIRE SSL;" in sql
    assert "ALTER USER 'orders'@'%' IDENTIFIED BY 's3cret' REQUIRE SSL;" in sql
    # Quotes are doubled and backslashes escaped inside SQL string literals.
    assert "IDENTIFIED BY 'it''s \\\\tricky' REQUIRE SSL;" in sql
    grants = [line for line in sql.splitlines() if line.startswith("GRANT")]
    assert grants == [f"GRANT {SCHEMA_PRIVILEGES} ON `{schema}`.* TO '{schema}'@'%';" for schema in ("orders", "auth")]
    assert "ALL" not in SCHEMA_PRIVILEGES and "GRANT OPTION" not in SCHEMA_PRIVILEGES
    assert 'password="r\\"oot\\\\pass"' in options
    assert "ssl-mode=REQUIRED" in options


def test_accounts_wait_for_a_writable_primary_before_any_statement(tmp_path):
    """A router that listens before the cluster has a primary, then a read-only member, must not
    end the wait: only a writable primary does."""
    sql, _ = run_accounts(tmp_path, PROD, {"orders": "s3cret"}, read_only_answers="down down 1 1 0")
    assert (tmp_path / "record.calls").read_text().strip() == "5"
    assert "CREATE USER IF NOT EXISTS 'orders'@'%'" in sql


def test_accounts_give_up_with_a_clear_message_when_no_primary_comes(tmp_path):
    with pytest.raises(subprocess.CalledProcessError) as failure:
        run_accounts(tmp_path, PROD, {"orders": "s3cret"}, read_only_answers="1")
    assert f"no writable MySQL primary at mysql after {ACCOUNTS_WAIT_SECONDS}s" in failure.value.stderr.decode()
    assert not (tmp_path / "record.sql").exists()


def test_standalone_accounts_add_the_exporter_user(tmp_path):
    sql, _ = run_accounts(tmp_path, DEV, {"orders": "a", "exporter": "b"})
    assert "CREATE USER IF NOT EXISTS 'exporter'@'%' IDENTIFIED BY 'b' WITH MAX_USER_CONNECTIONS 3;" in sql
    assert "GRANT PROCESS, REPLICATION CLIENT, SELECT ON *.* TO 'exporter'@'%';" in sql
    assert "REQUIRE SSL" not in sql


def test_accounts_script_is_idempotent_sql():
    script = accounts_script(SCHEMAS, PROD)
    assert script.count("IF NOT EXISTS") == 2 * len(SCHEMAS)
    assert "DROP" not in script.replace("DROP, ", "")
