"""MySQL backups off the cluster: the bucket's retention (dumps.py: lock, and prune so that the
newest dumps always stay), the bucket's properties (backups.py), and the restore drill
(scripts/mysql_restore.sh).

No MySQL server, MySQL Shell or S3 can be had where these tests run (Debian has MariaDB only,
and MySQL Shell comes from Oracle's own repositories): the restore script runs under sh against
fake mysqld, mysqladmin, mysqlsh and mysql that record what they are asked, and dumps.py's S3
calls go to a stand-in for urllib that answers as S3's documentation says. Its request
signing is checked against AWS's published Signature Version 4 examples.
"""

from __future__ import annotations

import base64
import datetime
import hashlib
import io
import json
import os
import random
import stat
import subprocess
import urllib.error
import urllib.request
from collections.abc import Callable
from email.message import Message
from pathlib import Path
from typing import Any

import pytest

from ecommerce.components.mysql.dumps import (
    DONE,
    EMPTY_SHA256,
    Bucket,
    Credentials,
    DumpsError,
    authorization,
    group_dumps,
    load_credentials,
    main,
    newest_complete,
    prune_plan,
    to_seal,
)
from ecommerce.derived import backups
from ecommerce.errors import ConfigError
from ecommerce.model.environments import PROD, Backup, BackupBucket

ROOT = Path(__file__).resolve().parent.parent
RESTORE = ROOT / "scripts" / "mysql_restore.sh"
UTC = datetime.UTC
NOW = datetime.datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


def days_ago(days: float) -> datetime.datetime:
    return NOW - datetime.timedelta(days=days)


def dump_objects(
    name: str, finished: datetime.datetime | None, at: datetime.datetime = NOW
) -> list[tuple[str, datetime.datetime]]:
    """What util.dumpInstance leaves in a folder; @.done.json only if it finished (at `at`)."""
    prefix = "mysql"
    started = (finished or at) - datetime.timedelta(minutes=20)
    objects = [
        (f"{prefix}/{name}/@.json", started),
        (f"{prefix}/{name}/orders@orders@@0.tsv.zst", started + datetime.timedelta(minutes=10)),
    ]
    if finished is not None:
        objects.append((f"{prefix}/{name}/{DONE}", finished))
    return objects


def daily(count: int, newest_days_ago: float, unfinished: tuple[int, ...] = ()) -> list[tuple[str, datetime.datetime]]:
    objects = []
    for index in range(count):
        finished = days_ago(newest_days_ago + index)
        objects += dump_objects(f"mysql-daily{index:02d}", None if index in unfinished else finished, finished)
    return objects


# --- signing ------------------------------------------------------------------------------------------------

# The example key pair of AWS's documentation.
AWS_EXAMPLE = Credentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")


@pytest.mark.parametrize(
    ("path", "query", "extra", "signature"),
    [
        # Amazon S3 API reference, "Signature Calculations for the Authorization Header":
        # GET Object with a Range header, and GET Bucket (list objects).
        ("/test.txt", [], {"range": "bytes=0-9"}, "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"),
        ("/", [("max-keys", "2"), ("prefix", "J")], {}, "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7"),
    ],
)
def test_requests_are_signed_as_aws_documents(path, query, extra, signature):
    headers = {"host": "examplebucket.s3.amazonaws.com", **extra}
    headers |= {"x-amz-content-sha256": EMPTY_SHA256, "x-amz-date": "20130524T000000Z"}
    header = authorization(
        "GET", path, query, headers, EMPTY_SHA256, AWS_EXAMPLE, region="us-east-1", amz_date="20130524T000000Z"
    )
    assert header.endswith(f"Signature={signature}")
    assert header.startswith("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,")


def test_credentials_come_from_the_environment_or_the_profile_file(tmp_path):
    assert load_credentials({"AWS_ACCESS_KEY_ID": "a", "AWS_SECRET_ACCESS_KEY": "s"}) == Credentials("a", "s", None)
    path = tmp_path / "credentials"
    path.write_text("[default]\naws_access_key_id = AKID\naws_secret_access_key = SECRET\n")
    assert load_credentials({"AWS_SHARED_CREDENTIALS_FILE": str(path)}) == Credentials("AKID", "SECRET", None)
    with pytest.raises(DumpsError, match="no AWS credentials"):
        load_credentials({"AWS_SHARED_CREDENTIALS_FILE": str(path), "AWS_PROFILE": "other"})


# --- which dumps stay ---------------------------------------------------------------------------------------


def test_dumps_are_the_folders_under_the_prefix_complete_once_done():
    objects = dump_objects("mysql-daily1", days_ago(1)) + dump_objects("mysql-daily2", None)
    objects += [("mysql/stray-file", NOW), ("other/mysql-daily3/@.done.json", NOW)]
    found = {dump.name: dump for dump in group_dumps(objects, "mysql")}
    assert set(found) == {"mysql-daily1", "mysql-daily2"}
    assert found["mysql-daily1"].complete and found["mysql-daily1"].finished == days_ago(1)
    assert not found["mysql-daily2"].complete
    assert found["mysql-daily1"].folder == "mysql/mysql-daily1/" and len(found["mysql-daily1"].keys) == 3
    newest = newest_complete(found.values())
    assert newest is not None and newest.name == "mysql-daily1"


def test_daily_dumps_older_than_the_retention_go():
    kept, deleted = prune_plan(group_dumps(daily(20, newest_days_ago=0.5), "mysql"), NOW, retention_days=14, keep_last=7)
    assert len(kept) == 14 and len(deleted) == 6
    assert all(dump.time < days_ago(14) for dump in deleted)


def test_the_newest_dumps_stay_however_old_when_backups_stopped():
    """The old retention job deleted every dump older than 14 days: two weeks without a
    backup left nothing. Now the newest keep_last complete dumps always stay."""
    dumps = group_dumps(daily(10, newest_days_ago=60), "mysql")
    kept, deleted = prune_plan(dumps, NOW, retention_days=14, keep_last=7)
    assert [dump.name for dump in kept] == [f"mysql-daily{index:02d}" for index in range(7)]
    assert len(deleted) == 3


def test_unfinished_dumps_never_count_towards_the_newest():
    dumps = group_dumps(daily(12, newest_days_ago=30, unfinished=(0, 1, 2)), "mysql")
    kept, deleted = prune_plan(dumps, NOW, retention_days=14, keep_last=3)
    assert [dump.name for dump in kept] == ["mysql-daily03", "mysql-daily04", "mysql-daily05"]
    assert {dump.name for dump in deleted} >= {"mysql-daily00", "mysql-daily01", "mysql-daily02"}


def test_the_newest_complete_dumps_stay_whatever_the_history():
    generator = random.Random(15)
    for _ in range(300):
        objects = []
        for index in range(generator.randint(0, 25)):
            age = generator.uniform(0, 90)
            objects += dump_objects(f"dump{index}", None if generator.random() < 0.2 else days_ago(age), days_ago(age))
        dumps = group_dumps(objects, "mysql")
        keep_last, retention = generator.randint(1, 10), generator.randint(1, 30)
        kept, deleted = prune_plan(dumps, NOW, retention_days=retention, keep_last=keep_last)
        newest = sorted((d for d in dumps if d.complete), key=lambda d: d.time, reverse=True)[:keep_last]
        assert set(newest) <= set(kept)
        assert set(kept) | set(deleted) == set(dumps) and not set(kept) & set(deleted)
        assert all(dump.time < days_ago(retention) for dump in deleted)


def test_keep_last_is_at_least_one():
    with pytest.raises(DumpsError, match="keep_last must be at least 1"):
        prune_plan([], NOW, 14, 0)


def test_only_dumps_whose_lock_would_still_hold_are_locked():
    dumps = group_dumps(daily(20, newest_days_ago=0.5, unfinished=(1,)), "mysql")
    assert {dump.name for dump in to_seal(dumps, NOW, lock_days=14)} == {f"mysql-daily{i:02d}" for i in range(14) if i != 1}


# --- against S3, as its API reference describes it --------------------------------------------------------


class FakeS3:
    """Stands in for urllib's opener: a versioned bucket with Object Lock, answering ListObjectsV2
    (a page at a time), GetObjectRetention, PutObjectRetention (Content-MD5 required, as S3 does
    for Object Lock calls) and DeleteObject (a delete marker: the version stays)."""

    def __init__(self, objects: list[tuple[str, datetime.datetime]], page: int = 3) -> None:
        self.objects = dict(objects)
        self.retention: dict[str, str] = {}
        self.deleted: list[str] = []
        self.requests: list[tuple[str, str]] = []
        self.page = page

    def __call__(self, request, timeout):
        from urllib.parse import parse_qs, unquote, urlsplit

        url = urlsplit(request.full_url)
        query = parse_qs(url.query, keep_blank_values=True)
        path = unquote(url.path.lstrip("/"))
        # Virtual-hosted requests name the bucket in the host, path-style ones in the path.
        key = path if url.netloc.startswith("shop-backups.") else path.partition("/")[2]
        method = request.get_method()
        self.requests.append((method, request.full_url))
        headers = {name.lower(): value for name, value in request.header_items()}
        assert headers["authorization"].startswith("AWS4-HMAC-SHA256 Credential=AKID/")
        assert headers["x-amz-content-sha256"] == hashlib.sha256(request.data or b"").hexdigest()
        if method == "GET" and "list-type" in query:
            names = sorted(k for k in self.objects if k.startswith(query["prefix"][0]))
            start = int(query.get("continuation-token", ["0"])[0])
            chunk = names[start : start + self.page]
            truncated = start + self.page < len(names)
            contents = "".join(
                f"<Contents><Key>{k}</Key><LastModified>{self.objects[k].strftime('%Y-%m-%dT%H:%M:%S.000Z')}</LastModified></Contents>"
                for k in chunk
            )
            token = f"<NextContinuationToken>{start + self.page}</NextContinuationToken>" if truncated else ""
            body = (
                '<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">'
                f"{contents}<IsTruncated>{'true' if truncated else 'false'}</IsTruncated>{token}</ListBucketResult>"
            )
            return io.BytesIO(body.encode())
        if "retention" in query and method == "GET":
            if key not in self.retention:
                raise urllib.error.HTTPError(
                    request.full_url,
                    404,
                    "Not Found",
                    Message(),
                    io.BytesIO(b"<Error><Code>NoSuchObjectLockConfiguration</Code></Error>"),
                )
            body = f'<Retention xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Mode>COMPLIANCE</Mode><RetainUntilDate>{self.retention[key]}</RetainUntilDate></Retention>'
            return io.BytesIO(body.encode())
        if "retention" in query and method == "PUT":
            assert headers["content-md5"] == base64.b64encode(hashlib.md5(request.data).digest()).decode()
            # Not urllib's default for a body (a form), which servers then parse as one.
            assert headers["content-type"] == "application/xml"
            assert b"<Mode>COMPLIANCE</Mode>" in request.data
            self.retention[key] = request.data.decode().split("<RetainUntilDate>")[1].split("<")[0]
            return io.BytesIO(b"")
        if method == "DELETE":
            self.deleted.append(key)
            del self.objects[key]
            return io.BytesIO(b"")
        raise AssertionError(f"unexpected request {method} {request.full_url}")


def bucket(fake: Callable[[urllib.request.Request, float], Any], endpoint: str | None = None) -> Bucket:
    return Bucket("shop-backups", "eu-west-3", Credentials("AKID", "SECRET"), endpoint, opener=fake, clock=lambda: NOW)


def prod_backup() -> Backup:
    backup = PROD.database.backup
    assert backup is not None, "prod backs its database up"
    return backup


SETTINGS = {"DUMPS_PREFIX": "mysql", "DUMPS_RETENTION_DAYS": "14", "DUMPS_KEEP_LAST": "7", "DUMPS_LOCK_DAYS": "14"}


def test_apply_locks_new_dumps_then_prunes_old_ones(tmp_path):
    fake = FakeS3([*daily(20, newest_days_ago=0.5), ("mysql/stray-file", days_ago(90))])
    out = io.StringIO()
    assert main(["apply"], SETTINGS, bucket=bucket(fake), now=NOW, out=out) == 0
    # Every listing page was read: the dumps of the last page were seen too.
    assert sum(1 for method, url in fake.requests if "list-type=2" in url) > 1
    locked = {key.split("/")[1] for key in fake.retention}
    assert locked == {f"mysql-daily{i:02d}" for i in range(14)}
    newest = "mysql/mysql-daily00/"
    assert fake.retention[newest + DONE] == (days_ago(0.5) + datetime.timedelta(days=14)).strftime("%Y-%m-%dT%H:%M:%SZ")
    # A dump's @.done.json is locked last: when it is, the whole dump is.
    locks = [url for method, url in fake.requests if method == "PUT" and "mysql-daily00" in url]
    assert "%40.done.json" in locks[-1]
    # The subresource as the AWS SDKs send it (some servers ignore "?retention=").
    assert all(url.endswith("?retention") for method, url in fake.requests if method == "PUT")
    deleted = {key.split("/")[1] for key in fake.deleted}
    assert deleted == {f"mysql-daily{i:02d}" for i in range(14, 20)}
    assert "mysql/stray-file" in fake.objects
    # @.done.json goes first: a half-deleted dump is never taken for a complete one.
    first = [key for key in fake.deleted if key.startswith("mysql/mysql-daily14/")]
    assert first[0].endswith(DONE)
    assert "locked 14 new dumps" in out.getvalue() and "deleting 6" in out.getvalue()
    # A second run locks nothing again: it reads one retention per recent dump.
    fake.requests.clear()
    out = io.StringIO()
    assert main(["apply"], SETTINGS, bucket=bucket(fake), now=NOW, out=out) == 0
    assert not [url for method, url in fake.requests if method in ("PUT", "DELETE")]
    assert "locked 0 new dumps" in out.getvalue()


def test_plan_and_list_only_read(tmp_path):
    fake = FakeS3(daily(20, newest_days_ago=0.5, unfinished=(0,)))
    out = io.StringIO()
    assert main(["plan"], SETTINGS, bucket=bucket(fake), now=NOW, out=out) == 0
    assert main(["list"], SETTINGS, bucket=bucket(fake), now=NOW, out=out) == 0
    assert main(["latest"], SETTINGS, bucket=bucket(fake), now=NOW, out=out) == 0
    assert {method for method, _ in fake.requests} == {"GET"}
    assert out.getvalue().count("would delete") == 6
    assert "unfinished\ts3://shop-backups/mysql/mysql-daily00/" in out.getvalue()
    assert out.getvalue().strip().endswith("s3://shop-backups/mysql/mysql-daily01/")


def test_requests_go_to_the_bucket_or_the_endpoint_with_encoded_keys():
    fake = FakeS3(dump_objects("d", days_ago(1)))
    bucket(fake).delete("mysql/d/@.done.json")
    assert fake.requests[-1] == ("DELETE", "https://shop-backups.s3.eu-west-3.amazonaws.com/mysql/d/%40.done.json")
    fake.objects["mysql/d/@.json"] = NOW
    bucket(fake, "https://minio.example.com:9000").delete("mysql/d/@.json")
    assert fake.requests[-1] == ("DELETE", "https://minio.example.com:9000/shop-backups/mysql/d/%40.json")


def test_an_s3_error_is_one_line_and_a_failure():
    def refuse(request, timeout):
        raise urllib.error.HTTPError(
            request.full_url, 403, "Forbidden", Message(), io.BytesIO(b"<Error><Code>AccessDenied</Code></Error>")
        )

    err = io.StringIO()
    assert main(["apply"], SETTINGS, bucket=bucket(refuse), now=NOW, err=err) == 1
    assert err.getvalue().startswith("error: GET s3://shop-backups/: HTTP 403: <Error><Code>AccessDenied")
    assert main([], {}, err=err) == 2


def test_latest_fails_without_a_complete_dump():
    err = io.StringIO()
    assert main(["latest"], SETTINGS, bucket=bucket(FakeS3(dump_objects("d", None))), err=err) == 1
    assert "no complete dump" in err.getvalue()


# --- the bucket's properties --------------------------------------------------------------------------------


def test_the_bucket_lifecycle_never_expires_a_current_dump():
    bucket = prod_backup().bucket
    rules = backups.lifecycle(bucket)["Rules"]
    for rule in rules:
        assert rule["Status"] == "Enabled" and rule["Filter"]["Prefix"] == "mysql/"
        # Only noncurrent versions, delete markers and unfinished uploads: what is current stays.
        assert "Days" not in rule.get("Expiration", {}) and "Date" not in rule.get("Expiration", {})
        assert "Transition" not in json.dumps(rule)
    assert {"NoncurrentDays": 30} in [rule.get("NoncurrentVersionExpiration") for rule in rules]
    assert backups.encryption(bucket)["Rules"][0]["ApplyServerSideEncryptionByDefault"] == {
        "SSEAlgorithm": "aws:kms",
        "KMSMasterKeyID": bucket.kms_key,
    }
    # No default retention (MySQL Shell sends no Content-MD5): the retention job locks each dump.
    assert backups.object_lock(bucket) == {"ObjectLockEnabled": "Enabled"}


def test_the_writer_cannot_delete_and_the_retention_job_cannot_unlock():
    bucket = prod_backup().bucket
    writer = {a for s in backups.writer_policy(bucket)["Statement"] for a in s["Action"]}
    retention = {a for s in backups.retention_policy(bucket)["Statement"] for a in s["Action"]}
    assert not any("Delete" in action for action in writer)
    assert "s3:PutObject" in writer and "s3:PutObject" not in retention
    assert not {"s3:DeleteObjectVersion", "s3:BypassGovernanceRetention", "s3:PutBucketLifecycleConfiguration"} & retention
    for policy in (backups.writer_policy(bucket), backups.retention_policy(bucket)):
        resources = {r for s in policy["Statement"] for r in s["Resource"]}
        assert all(r.startswith(f"arn:aws:s3:::{bucket.name}") or r == bucket.kms_key for r in resources)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": "Bad_Bucket"}, "bucket.name: not a valid S3 bucket name"),
        ({"prefix": "/mysql"}, "bucket.prefix: not a valid key prefix"),
        ({"kms_key": "alias/x"}, "bucket.kms_key: not a valid KMS key or alias ARN"),
        ({"network": ()}, "bucket.network: must name where the object store answers"),
        ({"network": ("10.0.0.0/33",)}, r"bucket.network\[0\]: not a valid CIDR block"),
        ({"endpoint": "http://minio:9000"}, "bucket.endpoint: must be an https:// URL"),
        ({"lock_days": 0}, "bucket.lock_days: must be a whole number from 1 to 3650"),
    ],
)
def test_bad_bucket_settings_name_the_field(changes, message):
    import dataclasses

    backup = prod_backup()
    bucket = dataclasses.replace(backup.bucket, **changes)
    with pytest.raises(ConfigError, match=message):
        dataclasses.replace(PROD, database=dataclasses.replace(PROD.database, backup=dataclasses.replace(backup, bucket=bucket)))


def test_keep_last_and_the_alert_age_are_checked():
    import dataclasses

    def with_backup(backup: Backup) -> None:
        dataclasses.replace(PROD, database=dataclasses.replace(PROD.database, backup=backup))

    with pytest.raises(ConfigError, match=r"backup\.keep_last"):
        with_backup(dataclasses.replace(prod_backup(), keep_last=0))
    with pytest.raises(ConfigError, match=r"backup\.max_age_hours"):
        with_backup(dataclasses.replace(prod_backup(), max_age_hours=0))


def test_the_old_password_outlasts_the_secret_refresh():
    import dataclasses

    with pytest.raises(ConfigError, match=r"database\.old_password_grace: must outlast the secret store's refresh"):
        dataclasses.replace(PROD, database=dataclasses.replace(PROD.database, old_password_grace="4m"))


def test_bucket_model_is_typed():
    assert isinstance(prod_backup().bucket, BackupBucket)


# --- the restore drill, under sh, with fake MySQL tools ---------------------------------------------------

FAKES = {
    # The scratch server: initialises a data folder, or "runs" until mysqladmin shuts it down.
    "mysqld": r"""#!/bin/sh
echo "mysqld $*" >> "$FAKE_LOG"
for arg; do
  case $arg in
    --initialize-insecure) init=1 ;;
    --datadir=*) datadir=${arg#--datadir=} ;;
    --socket=*) socket=${arg#--socket=} ;;
    --pid-file=*) pidfile=${arg#--pid-file=} ;;
  esac
done
if [ -n "${init:-}" ]; then mkdir -p "$datadir"; exit 0; fi
echo $$ > "$pidfile"
: > "$socket"
trap 'rm -f "$socket"; exit 0' TERM
while :; do sleep 1; done
""",
    "mysqladmin": r"""#!/bin/sh
echo "mysqladmin $*" >> "$FAKE_LOG"
socket=$(sed -n 's/^socket=//p' "${1#--defaults-extra-file=}")
case "$*" in
  *ping*) [ -e "$socket" ] ;;
  *shutdown*) kill "$(cat "$(dirname "$socket")/mysqld.pid")" ;;
esac
""",
    # Loads the schemas listed in $FAKE_DUMP_SCHEMAS, or fails with $FAKE_LOAD_STATUS.
    "mysqlsh": r"""#!/bin/sh
echo "mysqlsh $*" >> "$FAKE_LOG"
echo "stdin: $(cat)" >> "$FAKE_LOG"
[ "${FAKE_LOAD_STATUS:-0}" = 0 ] || exit "$FAKE_LOAD_STATUS"
for schema in $FAKE_DUMP_SCHEMAS; do echo "$schema" >> "$FAKE_DB"; done
""",
    "mysql": r"""#!/bin/sh
echo "mysql $*" >> "$FAKE_LOG"
cat "${1#--defaults-extra-file=}" >> "$FAKE_LOG"
touch "$FAKE_DB"
case "$*" in
  *"SELECT COUNT(*) FROM information_schema.schemata"*) wc -l < "$FAKE_DB" | tr -d ' ' ;;
  *local_infile*) echo "${FAKE_LOCAL_INFILE:-1}" ;;
  *"GROUP BY table_schema"*) while read -r s; do printf '%s\t3\t42\n' "$s"; done < "$FAKE_DB" ;;
  *"SELECT schema_name"*) sort "$FAKE_DB" ;;
  *) echo "unexpected query: $*" >&2; exit 1 ;;
esac
""",
}


class Drill:
    def __init__(self, tmp_path: Path) -> None:
        self.tmp = tmp_path
        self.bin = tmp_path / "bin"
        self.bin.mkdir()
        for tool, body in FAKES.items():
            (self.bin / tool).write_text(body)
            (self.bin / tool).chmod(stat.S_IRWXU)
        self.log = tmp_path / "tools.log"
        self.db = tmp_path / "schemas"

    def run(self, *args: str, schemas: str = "auth orders", stdin: str = "", **env: str):
        environment = dict(
            os.environ,
            PATH=f"{self.bin}:{os.environ['PATH']}",
            FAKE_LOG=str(self.log),
            FAKE_DB=str(self.db),
            FAKE_DUMP_SCHEMAS=schemas,
            TMPDIR=str(self.tmp),
            **env,
        )
        return subprocess.run(
            ["sh", str(RESTORE), *args], env=environment, input=stdin, capture_output=True, text=True, timeout=60
        )

    def calls(self, tool: str) -> list[str]:
        return [line for line in self.log.read_text().splitlines() if line.startswith(f"{tool} ")] if self.log.exists() else []

    def dump(self, complete: bool = True) -> Path:
        folder = self.tmp / "mysql-daily250101020000"
        folder.mkdir()
        (folder / "@.json").write_text("{}")
        if complete:
            (folder / DONE).write_text("{}")
        return folder


def test_restore_into_a_scratch_server_loads_checks_and_stops_it(tmp_path):
    drill = Drill(tmp_path)
    dump = drill.dump()
    result = drill.run("--dump", str(dump), "--scratch", str(tmp_path / "scratch"), "--expect", "orders,auth")
    assert result.returncode == 0, result.stderr
    (init, server) = drill.calls("mysqld")
    assert "--initialize-insecure" in init
    assert "--skip-networking" in server and "--local-infile=ON" in server and "--no-defaults" in server
    (load,) = drill.calls("mysqlsh")
    assert f"-- util load-dump {dump} --threads=4 --loadUsers=false" in load
    assert "--skipBinlog=true" in load and "--no-password" in load and f"--socket={tmp_path}/scratch/mysqld.sock" in load
    assert "restored 2 schemas" in result.stdout and "orders\t3\t42" in result.stdout
    # The scratch server was stopped, and nothing of the run stays in the temporary folder.
    assert any("shutdown" in call for call in drill.calls("mysqladmin"))
    assert not (tmp_path / "scratch" / "mysqld.sock").exists()
    assert not list(tmp_path.glob("mysql-restore.*"))


def test_restore_refuses_an_unfinished_dump(tmp_path):
    drill = Drill(tmp_path)
    result = drill.run("--dump", str(drill.dump(complete=False)), "--scratch", str(tmp_path / "scratch"))
    assert result.returncode == 1 and "is not a complete dump (no @.done.json)" in result.stderr
    assert not drill.calls("mysqlsh") and not drill.calls("mysqld")


def test_restore_from_the_bucket_passes_its_s3_settings(tmp_path):
    drill = Drill(tmp_path)
    result = drill.run(
        "--dump",
        "s3://shop-backups/mysql/mysql-daily250101020000/",
        "--s3-region",
        "eu-west-3",
        "--scratch",
        str(tmp_path / "scratch"),
    )
    assert result.returncode == 0, result.stderr
    (load,) = drill.calls("mysqlsh")
    assert "-- util load-dump mysql/mysql-daily250101020000 " in load
    assert "--s3BucketName=shop-backups --s3Region=eu-west-3" in load


def test_restore_never_loads_into_a_server_with_user_schemas(tmp_path):
    drill = Drill(tmp_path)
    drill.db.write_text("orders\n")
    result = drill.run("--dump", str(drill.dump()), "--target", "restore@scratch.example:3306", stdin="pw\n")
    assert result.returncode == 1 and "already holds 1 user schema(s)" in result.stderr
    assert not drill.calls("mysqlsh")


def test_restore_into_a_target_takes_its_password_on_standard_input(tmp_path):
    drill = Drill(tmp_path)
    result = drill.run("--dump", str(drill.dump()), "--target", "restore@scratch.example:3306", stdin='p"w\n')
    assert result.returncode == 0, result.stderr
    (load,) = drill.calls("mysqlsh")
    assert "--uri=restore@scratch.example:3306 --passwords-from-stdin" in load and "--skipBinlog" not in load
    assert 'stdin: p"w' in drill.log.read_text()
    assert 'password="p\\"w"' in drill.log.read_text()
    assert not drill.calls("mysqld")


@pytest.mark.parametrize(
    ("env", "schemas", "expect", "message"),
    [
        ({"FAKE_LOAD_STATUS": "1"}, "orders", "orders", "util.loadDump failed"),
        ({}, "orders", "orders,questions", "missing after the restore: questions"),
        ({}, "", "", "the dump held no user schema"),
        ({"FAKE_LOCAL_INFILE": "0"}, "orders", "orders", "local_infile off"),
    ],
)
def test_restore_fails_loudly(tmp_path, env, schemas, expect, message):
    drill = Drill(tmp_path)
    args = ["--dump", str(drill.dump()), "--target", "restore@scratch.example:3306"] + (["--expect", expect] if expect else [])
    result = drill.run(*args, schemas=schemas, stdin="pw\n", **env)
    assert result.returncode == 1 and message in result.stderr


def test_restore_usage_errors(tmp_path):
    drill = Drill(tmp_path)
    assert drill.run().returncode == 2
    both = drill.run("--dump", "x", "--scratch", "a", "--target", "u@h:1")
    assert both.returncode == 2 and "exactly one of --scratch DIR and --target URI" in both.stderr


# --- who reaches the bucket --------------------------------------------------------------------------------


def test_only_the_backup_pods_reach_the_bucket_and_only_there():
    import dataclasses

    from ecommerce.model.catalog import CATALOG
    from ecommerce.pipeline.platform import network_policies

    backup = prod_backup()
    elsewhere = dataclasses.replace(backup.bucket, network=("172.20.5.0/24",))
    env = dataclasses.replace(
        PROD, database=dataclasses.replace(PROD.database, backup=dataclasses.replace(backup, bucket=elsewhere))
    )
    reaching = {}
    for policy in network_policies(env, CATALOG):
        for rule in policy.egress:
            if any(peer.cidr == "172.20.5.0/24" for peer in rule.peers):
                assert {port.port for port in rule.ports} == {443} and len(rule.peers) == 1, policy.name
                reaching[policy.name] = rule.reason
    # The operator's backup Jobs write dumps, the retention CronJob locks and prunes them.
    assert reaching == {"mysql-operator-jobs": "the backup bucket (S3)", "mysql-backup-retention": "the backup bucket (S3)"}
    retention = next(p for p in network_policies(env, CATALOG) if p.name == "mysql-backup-retention")
    assert len(retention.egress) == 1 and not retention.ingress
