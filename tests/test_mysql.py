"""MySQL per environment, and the script that gives each service its schema and user."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ecommerce.components.mysql.server import (
    ACCOUNTS_ADMIN,
    ACCOUNTS_WAIT_SECONDS,
    APP_PRIVILEGES,
    DDL_PRIVILEGES,
    MIGRATION_PRIVILEGES,
    MySql,
    MySqlProps,
    accounts_script,
    admin_script,
)
from ecommerce.derived.endpoints import CA_FILE, CA_SECRET
from ecommerce.derived.secret_specs import MYSQL_ROOT_SECRET, Remote, migration_secret, secret_specs
from ecommerce.errors import ConfigError
from ecommerce.model.catalog import CATALOG
from ecommerce.model.environments import DEV, PROD, STAGING, duration_seconds
from ecommerce.model.images import parse_image

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
    secrets = {v["secret"]["secretName"]: v["secret"].get("items") for v in pod["volumes"] if "secret" in v}
    # Of the accounts Secret, the server sees the admin's password only (admin.sh at first start).
    assert secrets["mysql-accounts"] == [{"key": "admin", "path": "password"}]
    assert set(secrets) == {"mysql-root-credentials", "mysql-exporter", "mysql-accounts", "mysql-tls"}
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
    database = PROD.database
    assert (spec["instances"], spec["router"]["instances"]) == (database.instances, database.routers)
    assert spec["tlsUseSelfSigned"] is False
    assert spec["secretName"] == "mysql-root-credentials"
    assert spec["version"] == release(PROD).platform["mysql"].tag
    assert spec["datadirVolumeClaimTemplate"]["resources"]["requests"]["storage"] == database.storage
    (mysql,) = spec["podSpec"]["containers"]
    sizes = database.resources
    assert mysql["resources"]["requests"] == {"cpu": sizes.cpu_request, "memory": sizes.memory_request}
    assert mysql["resources"]["limits"] == {"cpu": sizes.cpu_limit, "memory": sizes.memory_limit}
    (router,) = spec["router"]["podSpec"]["containers"]
    assert router["resources"]["limits"] == {
        "cpu": database.router_resources.cpu_limit,
        "memory": database.router_resources.memory_limit,
    }
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


def test_accounts_job_logs_in_as_its_admin_and_never_sees_root():
    for env in (DEV, PROD):
        pod = one(build(env), "Job", "mysql-accounts")["spec"]["template"]["spec"]
        secrets = {v["secret"]["secretName"] for v in pod["volumes"] if "secret" in v}
        # Besides, the internal CA's certificate only (a certificate nobody presents: no key of use).
        assert secrets == {"mysql-accounts", CA_SECRET}, env.name
        assert MYSQL_ROOT_SECRET not in json.dumps(pod)
    accounts = next(spec for spec in secret_specs(PROD, CATALOG) if spec.name == "mysql-accounts")
    assert {"admin", "orders", "orders.next", "orders_migrate", "orders_migrate.next"} <= set(accounts.data)
    assert "root" not in json.dumps({k: str(v) for k, v in accounts.data.items()})


def test_root_logs_in_from_inside_the_server_pod_only():
    for env in (DEV, STAGING, PROD):
        root = next(spec for spec in secret_specs(env, CATALOG) if spec.name == MYSQL_ROOT_SECRET)
        assert root.data["rootHost"] == "localhost", env.name
    statefulset = one(build(DEV), "StatefulSet", "mysql")["spec"]["template"]["spec"]
    server = next(c for c in statefulset["containers"] if c["name"] == "mysql")
    assert "MYSQL_ROOT_HOST" not in {variable["name"] for variable in server["env"]}
    # The dev server creates the accounts admin at its first start, as root over its socket.
    initdb = next(v for v in statefulset["volumes"] if v["name"] == "initdb")["configMap"]
    assert initdb["name"] == "mysql-accounts" and initdb["items"] == [{"key": "admin.sh", "path": "10-accounts-admin.sh"}]
    assert {"name": "initdb", "mountPath": "/docker-entrypoint-initdb.d", "readOnly": True} in server["volumeMounts"]


def test_prod_dumps_go_to_a_bucket_off_the_cluster():
    objects = build(PROD)
    spec = one(objects, "InnoDBCluster", "mysql")["spec"]
    (profile,) = spec["backupProfiles"]
    backup = PROD.database.backup
    assert backup is not None
    bucket = backup.bucket
    assert profile["dumpInstance"]["storage"] == {
        "s3": {"bucketName": bucket.name, "prefix": bucket.prefix, "config": "mysql-backup-storage", "profile": "default"}
    }
    (schedule,) = spec["backupSchedules"]
    assert schedule == {
        "name": "daily",
        "schedule": "0 2 * * *",
        "timeZone": "Etc/UTC",
        "backupProfileName": "daily-dump",
        "enabled": True,
        "deleteBackupData": False,
    }
    # Nothing in the cluster holds dumps any longer: deleting the namespace cannot delete them.
    assert not of_kind(objects, "PersistentVolumeClaim")
    storage = next(s for s in secret_specs(PROD, CATALOG) if s.name == "mysql-backup-storage")
    assert storage.namespace == "e-commerce-data"
    assert storage.data["config"] == "[default]\nregion = eu-west-3\n"
    credentials = storage.data["credentials"]
    assert isinstance(credentials, Remote) and credentials.key == "mysql/backups/writer"


def test_retention_locks_and_prunes_the_bucket_hourly_and_never_by_age_alone():
    objects = build(PROD)
    cronjob = one(objects, "CronJob", "mysql-backup-retention")
    assert cronjob["spec"]["schedule"] == "40 * * * *"
    pod = cronjob["spec"]["jobTemplate"]["spec"]["template"]["spec"]
    (container,) = pod["containers"]
    assert container["command"] == ["mysqlsh", "--py", "--file", "/scripts/dumps.py"]
    assert container["image"] == str(release(PROD).platform["mysql"])
    settings = {variable["name"]: variable["value"] for variable in container["env"]}
    assert settings["DUMPS_COMMAND"] == "apply"
    assert (settings["DUMPS_RETENTION_DAYS"], settings["DUMPS_KEEP_LAST"], settings["DUMPS_LOCK_DAYS"]) == ("14", "7", "14")
    assert {v["secret"]["secretName"] for v in pod["volumes"] if "secret" in v} == {"mysql-backup-retention"}
    script = one(objects, "ConfigMap", "mysql-backup-retention")["data"]["dumps.py"]
    # MySQL Shell runs the script whatever __name__ it gives it.
    assert 'if __name__ == "__main__":' not in script and "if True:  # run by mysqlsh --py --file" in script
    compile(script, "dumps.py", "exec")


def test_accounts_run_at_sync_and_on_a_schedule():
    objects = build(PROD)
    job = one(objects, "Job", "mysql-accounts")
    assert job["metadata"]["annotations"]["argocd.argoproj.io/hook"] == "Sync"
    cronjob = one(objects, "CronJob", "mysql-accounts")
    assert cronjob["spec"]["schedule"] == "*/10 * * * *", "prod rotates secrets: move rotations along often"
    assert one(build(STAGING), "CronJob", "mysql-accounts")["spec"]["schedule"] == "17 * * * *"


@pytest.mark.parametrize(
    ("schemas", "image", "message"),
    [
        (("orders", "orders"), "docker.io/library/mysql:8.4.11", "mysql: schemas: duplicate schema"),
        (("Orders",), "docker.io/library/mysql:8.4.11", "mysql: schemas: Orders: invalid schema name"),
        (("a" * 25,), "docker.io/library/mysql:8.4.11", "so that `<schema>_migrate` fits MySQL's 32"),
        (("orders",), "docker.io/library/mysql:lts", "mysql: image: the tag must be the MySQL version"),
    ],
)
def test_bad_props(schemas, image, message):
    exporter = parse_image("docker.io/prom/mysqld-exporter:v0.19.0", "test")
    with pytest.raises(ConfigError, match=message):
        MySqlProps(schemas, parse_image(image, "test"), exporter)


# --- the accounts script, under sh, against a fake MySQL (tests/fake_mysql.py) ---------------------

FAKE_MYSQL = Path(__file__).with_name("fake_mysql.py")
ADMIN_PW = "admin-pw"
# Where admin.sh reads root's and the admin's passwords (under /run/secrets).
ROOT_FILE, ADMIN_FILE = "mysql/rootPassword", "admin/password"


class Server:
    """The fake server's accounts, and how to run the generated scripts against it."""

    def __init__(self, tmp_path: Path, users: dict[str, str] | None = None, mysql: str | None = None) -> None:
        self.tmp = tmp_path
        self.state = tmp_path / "server.json"
        accounts = {f"{ACCOUNTS_ADMIN}@%": ADMIN_PW, **(users or {})}
        self.state.write_text(
            json.dumps(
                {
                    "users": {
                        key: {"primary": password, "secondary": None, "attributes": {}, "grants": []}
                        for key, password in accounts.items()
                    },
                    "variables": {},
                }
            )
        )
        self.bin = tmp_path / "bin"
        self.bin.mkdir()
        tools = {
            "mysql": mysql or f'#!/bin/sh\nexec "{sys.executable}" "{FAKE_MYSQL}" "$@"\n',
            "sleep": "#!/bin/sh\nexit 0\n",
            "date": '#!/bin/sh\necho "$FAKE_NOW"\n',
        }
        for tool, body in tools.items():
            (self.bin / tool).write_text(body)
            (self.bin / tool).chmod(stat.S_IRWXU)
        self.now = int(time.time())

    @property
    def users(self) -> dict[str, dict]:
        return json.loads(self.state.read_text())["users"]

    def accepts(self, user: str, password: str) -> bool:
        account = self.users.get(f"{user}@%")
        return account is not None and password in (account["primary"], account["secondary"])

    def log(self) -> list[str]:
        path = self.state.with_suffix(".log")
        return path.read_text().splitlines() if path.exists() else []

    def run(self, script: str, secrets: dict[str, str], extra: dict[str, str] | None = None, stdin: str = "", check=True):
        folder = self.tmp / "secrets"
        for key, value in secrets.items():
            (folder / key).parent.mkdir(parents=True, exist_ok=True)
            (folder / key).write_text(value)
        environment = dict(
            os.environ,
            PATH=f"{self.bin}:{os.environ['PATH']}",
            DATABASE_HOST="mysql",
            DATABASE_PORT="3306",
            SSL_MODE="VERIFY_IDENTITY",
            SSL_CA=CA_FILE,
            FAKE_MYSQL_STATE=str(self.state),
            FAKE_NOW=str(self.now),
            **(extra or {}),
        )
        return subprocess.run(
            ["sh", "-c", script.replace("/run/secrets", str(folder))],
            env=environment,
            input=stdin,
            check=check,
            capture_output=True,
            text=True,
            timeout=60,
        )

    def accounts(self, env, store: dict[str, str], schemas=("orders",), **kwargs):
        secrets = {"accounts/admin": ADMIN_PW, **{f"accounts/{k}": v for k, v in store.items()}}
        return self.run(accounts_script(schemas, env), secrets, **kwargs)


def test_accounts_give_each_schema_a_data_user_and_a_migration_user(tmp_path):
    server = Server(tmp_path)
    server.accounts(
        PROD, {"orders": "app-pw", "orders.next": "app-pw", "orders_migrate": "ddl-pw", "orders_migrate.next": "ddl-pw"}
    )
    users = server.users
    assert server.accepts("orders", "app-pw") and server.accepts("orders_migrate", "ddl-pw")
    assert "CREATE DATABASE IF NOT EXISTS `orders` CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci;" in server.log()
    assert users["orders@%"]["grants"] == [
        f"GRANT {', '.join(APP_PRIVILEGES)} ON `orders`.*",
        f"REVOKE IF EXISTS {', '.join(DDL_PRIVILEGES)} ON `orders`.*",
    ]
    assert users["orders_migrate@%"]["grants"] == [f"GRANT {', '.join(MIGRATION_PRIVILEGES)} ON `orders`.*"]
    # The application user cannot change the schema's structure; nobody gets anything global.
    assert not set(DDL_PRIVILEGES) & set(APP_PRIVILEGES)
    assert not any("*.*" in grant or "ALL" in grant or "GRANT OPTION" in grant for u in users.values() for grant in u["grants"])
    assert "CREATE USER IF NOT EXISTS 'orders'@'%' IDENTIFIED BY 'app-pw' REQUIRE SSL;" in server.log()
    # Every login the script made was as the admin account, or as a user checking its password.
    sessions = [json.loads(line) for line in tmp_path.joinpath("server.sessions").read_text().splitlines()]
    assert {session["user"] for session in sessions} <= {ACCOUNTS_ADMIN, "orders", "orders_migrate"}
    assert all(session["ssl-mode"] == "VERIFY_IDENTITY" for session in sessions)
    assert all(session["ssl-ca"] == CA_FILE for session in sessions)


def test_accounts_take_away_ddl_from_an_application_user_that_had_it(tmp_path):
    server = Server(tmp_path, {"orders@%": "app-pw"})
    server.accounts(PROD, {"orders": "app-pw", "orders.next": "app-pw", "orders_migrate": "d", "orders_migrate.next": "d"})
    assert f"REVOKE IF EXISTS {', '.join(DDL_PRIVILEGES)} ON `orders`.* FROM 'orders'@'%';" in server.log()
    assert not any("IDENTIFIED BY" in line and "'orders'@" in line for line in server.log()), "a steady password is left alone"


def test_rotation_with_dual_passwords_never_refuses_the_services_password(tmp_path):
    """The store starts a rotation in `<user>.next`, then gives the services the new password;
    through every run of the Job the server takes the password the services have."""
    server = Server(tmp_path, {"orders@%": "old", "orders_migrate@%": "m"})
    grace = duration_seconds(PROD.database.old_password_grace)
    migrate = {"orders_migrate": "m", "orders_migrate.next": "m"}

    def run(services: str, next_password: str, after: int = 0) -> None:
        server.now += after
        server.accounts(PROD, {"orders": services, "orders.next": next_password, **migrate})
        assert server.accepts("orders", services), "the services' password must always be taken"

    run("old", "old")
    run("old", "new")  # 1. rotation starts: the server takes the new one, keeps the old one
    assert server.users["orders@%"]["primary"] == "new" and server.accepts("orders", "old")
    run("old", "new", after=600)  # nothing more until the services are given the new one
    assert server.accepts("orders", "old")
    run("new", "new", after=600)  # 2. the services have it: the grace period starts
    promoted = server.users["orders@%"]["attributes"]["promoted_at"]
    assert promoted == server.now and server.accepts("orders", "old")
    run("new", "new", after=grace - 1)
    assert server.accepts("orders", "old"), "the old password stays for the whole grace period"
    run("new", "new", after=1)
    assert not server.accepts("orders", "old") and server.accepts("orders", "new")
    assert "ALTER USER 'orders'@'%' DISCARD OLD PASSWORD;" in server.log()
    assert "promoted_at" not in server.users["orders@%"]["attributes"]
    assert any("IDENTIFIED BY 'new' RETAIN CURRENT PASSWORD" in line for line in server.log())


def test_a_rotation_rolled_back_keeps_the_services_password(tmp_path):
    """The store goes back to the old password after step 1: after the grace period the
    server takes that one only, whichever of its two passwords it was."""
    server = Server(tmp_path, {"orders@%": "old", "orders_migrate@%": "m"})
    migrate = {"orders_migrate": "m", "orders_migrate.next": "m"}
    server.accounts(PROD, {"orders": "old", "orders.next": "new", **migrate})
    server.accounts(PROD, {"orders": "old", "orders.next": "old", **migrate})
    server.now += duration_seconds(PROD.database.old_password_grace)
    server.accounts(PROD, {"orders": "old", "orders.next": "old", **migrate})
    assert server.accepts("orders", "old") and not server.accepts("orders", "new")


def test_a_failed_password_check_changes_nothing(tmp_path):
    server = Server(tmp_path, {"orders@%": "old", "orders_migrate@%": "m"})
    result = server.accounts(
        PROD,
        {"orders": "old", "orders.next": "new", "orders_migrate": "m", "orders_migrate.next": "m"},
        extra={"FAKE_MYSQL_LOST": "orders"},
    )
    assert server.users["orders@%"]["primary"] == "old" and server.users["orders@%"]["secondary"] is None
    assert "orders: ERROR 2013" in result.stderr


def test_accounts_quote_passwords(tmp_path):
    password = "it's \\tricky\""
    server = Server(tmp_path)
    server.accounts(PROD, {"orders": password, "orders.next": password, "orders_migrate": "m", "orders_migrate.next": "m"})
    assert server.accepts("orders", password)
    assert "IDENTIFIED BY 'it''s \\\\tricky\"' REQUIRE SSL;" in "\n".join(server.log())


def test_accounts_wait_for_a_writable_primary_before_any_statement(tmp_path):
    """A router that listens before the cluster has a primary, then a read-only member, must not
    end the wait: only a writable primary does."""
    server = Server(tmp_path)
    server.accounts(
        PROD,
        {"orders": "a", "orders.next": "a", "orders_migrate": "m", "orders_migrate.next": "m"},
        extra={"READ_ONLY_ANSWERS": "down down 1 1 0"},
    )
    assert (tmp_path / "server.calls").read_text().strip() == "5"
    assert server.accepts("orders", "a")


def test_accounts_give_up_with_a_clear_message_when_no_primary_comes(tmp_path):
    # A read-only member answers every time (a plain sh fake: the wait makes hundreds of calls).
    read_only = '#!/bin/sh\ncase "$*" in *" -e "*) echo 1 ;; *) touch "$FAKE_MYSQL_STATE.batch" ;; esac\n'
    server = Server(tmp_path, mysql=read_only)
    result = server.accounts(PROD, {"orders": "a"}, check=False)
    assert result.returncode != 0
    assert f"no writable MySQL primary at mysql let {ACCOUNTS_ADMIN} in after {ACCOUNTS_WAIT_SECONDS}s" in result.stderr
    assert "run admin.sh as root first" in result.stderr
    assert not tmp_path.joinpath("server.json.batch").exists()


def test_standalone_accounts_add_the_exporter_user(tmp_path):
    server = Server(tmp_path)
    server.accounts(DEV, {"orders": "a", "orders_migrate": "m", "exporter": "b"})
    assert "CREATE USER IF NOT EXISTS 'exporter'@'%' IDENTIFIED BY 'b' WITH MAX_USER_CONNECTIONS 3;" in server.log()
    assert server.users["exporter@%"]["grants"] == ["GRANT PROCESS, REPLICATION CLIENT, SELECT ON *.*"]
    # It logs in over the server's socket (no TLS there), whatever the other users require.
    assert not any("REQUIRE SSL" in line for line in server.log() if "'exporter'" in line)


# --- admin.sh, run as root over the server's socket ---------------------------------------------------


def test_admin_script_makes_root_local_and_creates_the_accounts_admin(tmp_path):
    """On a server the MySQL Operator made with rootHost "%" (before this change)."""
    server = Server(tmp_path, {"root@%": "root-pw"})
    result = server.run(
        admin_script(PROD),
        {ROOT_FILE: "root-pw", ADMIN_FILE: "new-admin-pw"},
        extra={"FAKE_MYSQL_ANSWERS": json.dumps({"SELECT @@global.partial_revokes": "1"})},
    )
    users = server.users
    assert "root@%" not in users and users["root@localhost"]["primary"] == "root-pw"
    assert users[f"{ACCOUNTS_ADMIN}@%"]["primary"] == "new-admin-pw"
    grants = users[f"{ACCOUNTS_ADMIN}@%"]["grants"]
    assert "GRANT CREATE USER ON *.*" in grants
    assert f"GRANT {', '.join(MIGRATION_PRIVILEGES)} ON *.* WITH GRANT OPTION" in grants
    # It may read the system schema (its users' state), never write it: no way to root.
    revoked = next(g for g in grants if g.startswith("REVOKE") and g.endswith("ON mysql.*"))
    assert "SELECT" not in revoked and "UPDATE" in revoked and "INSERT" in revoked
    assert any(g.startswith("REVOKE SELECT") and g.endswith("ON sys.*") for g in grants)
    assert not any(word in grant for grant in grants for word in ("SUPER", "ALL", "SYSTEM_USER", "FILE"))
    assert "root logs in from inside this pod only" in result.stdout
    sessions = [json.loads(line) for line in tmp_path.joinpath("server.sessions").read_text().splitlines()]
    assert all(session["user"] == "root" and session["protocol"] == "socket" for session in sessions)


def test_admin_script_reads_passwords_on_standard_input_and_refuses_without_partial_revokes(tmp_path):
    server = Server(tmp_path, {"root@%": "root-pw"})
    answers = {"FAKE_MYSQL_ANSWERS": json.dumps({"SELECT @@global.partial_revokes": "0"})}
    result = server.run(admin_script(PROD), {}, extra=answers, stdin="root-pw\nadmin-pw\n", check=False)
    assert result.returncode == 1 and "partial_revokes is off" in result.stderr
    assert not server.log()
    answers = {"FAKE_MYSQL_ANSWERS": json.dumps({"SELECT @@global.partial_revokes": "1"})}
    server.run(admin_script(PROD), {}, extra=answers, stdin="root-pw\nadmin-pw\n")
    assert server.users[f"{ACCOUNTS_ADMIN}@%"]["primary"] == "admin-pw"
    missing = server.run(admin_script(PROD), {}, extra=answers, stdin="", check=False)
    assert missing.returncode == 2 and "needs root's password and the admin's" in missing.stderr


def test_admin_and_accounts_scripts_work_together(tmp_path):
    """admin.sh's account is the one the accounts Job logs in as, with the same password."""
    server = Server(tmp_path, {"root@localhost": "root-pw"})
    users = server.users
    del users[f"{ACCOUNTS_ADMIN}@%"]
    server.state.write_text(json.dumps({"users": users, "variables": {}}))
    answers = {"FAKE_MYSQL_ANSWERS": json.dumps({"SELECT @@global.partial_revokes": "1"})}
    server.run(admin_script(DEV), {ROOT_FILE: "root-pw", ADMIN_FILE: ADMIN_PW}, extra=answers)
    server.accounts(DEV, {"orders": "a", "orders_migrate": "m", "exporter": "b"})
    assert server.accepts("orders", "a")
    admin_grants = server.users[f"{ACCOUNTS_ADMIN}@%"]["grants"]
    assert f"GRANT {', '.join(MIGRATION_PRIVILEGES)}, PROCESS, REPLICATION CLIENT ON *.* WITH GRANT OPTION" in admin_grants


def test_migration_secret_is_apart_from_the_services_own():
    specs = {(spec.namespace, spec.name): spec for spec in secret_specs(PROD, CATALOG)}
    orders = next(service for service in CATALOG if service.name == "orders")
    migrations = specs[("e-commerce-prod", migration_secret(orders))]
    assert set(migrations.data) == {"DATABASE_PASSWORD"}
    password = migrations.data["DATABASE_PASSWORD"]
    assert isinstance(password, Remote) and password.key == "mysql/users/orders_migrate"
    own = specs[("e-commerce-prod", "orders-credentials")]
    assert "mysql/users/orders_migrate" not in {remote.key for remote in own.remotes}


def test_a_migration_job_is_told_the_applications_settings_but_the_migration_user():
    from ecommerce.derived.wiring import migration_wiring, wire

    orders = next(service for service in CATALOG if service.name == "orders")
    application = wire(orders, PROD, CATALOG).settings
    migration = migration_wiring(orders, PROD)
    assert application["DATABASE_USER"] == "orders"
    assert migration.settings["DATABASE_USER"] == "orders_migrate"
    for key in ("DATABASE_HOST", "DATABASE_PORT", "DATABASE_NAME", "DATABASE_SSL_MODE", "DATABASE_PASSWORD_FILE"):
        assert migration.settings[key] == application[key], key
    assert migration.secret_keys == ("DATABASE_PASSWORD",)
