"""MySQL backups off the cluster: what the MySQL Operator calls them, and what the S3 bucket
they go to must be (its lifecycle and who may do what), derived from the environment's
`database.backup`. Kept apart from components/mysql/server.py (and free of jsii) so that the backup-freshness
alert and the docs can name the same objects.

Who does what with the bucket:
- the operator's backup Jobs write dumps (`mysql-backup-storage`: put and list, never delete);
- our retention CronJob (constructs/ecommerce/components/mysql/dumps.py) puts each complete dump under Object
  Lock in compliance mode for `lock_days`, then deletes the dumps past `retention_days`,
  never the newest `keep_last` complete ones (`mysql-backup-retention`: list, lock, delete;
  a deletion only adds delete markers, since the bucket is versioned, and locked versions stay);
- the bucket's lifecycle removes what was deleted (noncurrent versions) `noncurrent_days`
  later, once no lock holds it, and never expires a current object by age: that would delete
  the last dumps of a cluster whose backups stopped.
The bucket has Object Lock enabled but no default retention: S3 would then require a
Content-MD5 header on every upload, which MySQL Shell does not send (see dumps.py).
"""

from __future__ import annotations

from ecommerce.derived.endpoints import MYSQL
from ecommerce.model.environments import BackupBucket

SCHEDULE = "daily"
PROFILE = "daily-dump"
# The MySQL Operator mounts this Secret at /mysqlsh/.aws of its backup Jobs (storage_api.py,
# S3StorageSpec): AWS `credentials` and `config` files, profile "default".
STORAGE_SECRET = "mysql-backup-storage"
RETENTION = "mysql-backup-retention"


def operator_cronjob(cluster: str = MYSQL) -> str:
    """The CronJob the operator makes for our schedule (backup_objects.schedule_cron_job_name).
    Its Jobs only create a MySQLBackup object, and succeed whether or not the dump does."""
    return f"{cluster}-{SCHEDULE}-cb"


def manual_backup_prefix(cluster: str = MYSQL) -> str:
    """How a MySQLBackup made by hand is named (its generateName), so that its Job counts as a
    backup too (README, "MySQL backups")."""
    return f"{cluster}-manual-"


def operator_job_pattern(cluster: str = MYSQL) -> str:
    """The names of the Jobs that dump, as a PromQL regular expression: the schedule's
    (backup_objects.backup_job_name: the schedule's name and a yymmddHHMMSS timestamp) and
    those of manual MySQLBackups (operator_backup.on_mysqlbackup_create: its name, a
    timestamp). Not the Jobs of the schedule's CronJob, `<cluster>-<schedule>-cb-<n>`."""
    return f"{cluster}-{SCHEDULE}[0-9]+|{manual_backup_prefix(cluster)}.+"


def aws_config(bucket: BackupBucket) -> str:
    """The `config` file of the backup Jobs' profile: MySQL Shell reads the region from it (the
    operator's S3 storage has no region field)."""
    return f"[default]\nregion = {bucket.region}\n"


def _arn(bucket: BackupBucket, path: str = "") -> str:
    return f"arn:aws:s3:::{bucket.name}{path}"


def lifecycle(bucket: BackupBucket) -> dict:
    """The bucket's lifecycle configuration (S3 PutBucketLifecycleConfiguration, as JSON)."""
    return {
        "Rules": [
            {
                "ID": "remove-pruned-dumps",
                "Status": "Enabled",
                "Filter": {"Prefix": f"{bucket.prefix}/"},
                # Only what the prune deleted: versions that are no longer current.
                "NoncurrentVersionExpiration": {"NoncurrentDays": bucket.noncurrent_days},
                "AbortIncompleteMultipartUpload": {"DaysAfterInitiation": 2},
            },
            {
                "ID": "remove-expired-delete-markers",
                "Status": "Enabled",
                "Filter": {"Prefix": f"{bucket.prefix}/"},
                "Expiration": {"ExpiredObjectDeleteMarker": True},
            },
        ]
    }


def object_lock(bucket: BackupBucket) -> dict:
    """The bucket's Object Lock configuration (PutObjectLockConfiguration): enabled, without a
    default retention; the retention CronJob locks each dump for `lock_days`."""
    return {"ObjectLockEnabled": "Enabled"}


def encryption(bucket: BackupBucket) -> dict:
    """The bucket's default encryption (PutBucketEncryption)."""
    return {
        "Rules": [
            {
                "ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": bucket.kms_key},
                "BucketKeyEnabled": True,
            }
        ]
    }


def _list_dumps(bucket: BackupBucket) -> dict:
    """The statement both identities need: list the dumps under the prefix, nothing else."""
    return {
        "Sid": "ListDumps",
        "Effect": "Allow",
        "Action": ["s3:ListBucket"],
        "Resource": [_arn(bucket)],
        "Condition": {"StringLike": {"s3:prefix": [f"{bucket.prefix}/*"]}},
    }


def writer_policy(bucket: BackupBucket) -> dict:
    """The IAM policy of the identity in `mysql-backup-storage`: write dumps, never delete."""
    return {
        "Version": "2012-10-17",
        "Statement": [
            _list_dumps(bucket),
            {
                "Sid": "WriteDumps",
                "Effect": "Allow",
                "Action": ["s3:PutObject", "s3:GetObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"],
                "Resource": [_arn(bucket, f"/{bucket.prefix}/*")],
            },
            {"Sid": "Encrypt", "Effect": "Allow", "Action": ["kms:GenerateDataKey", "kms:Decrypt"], "Resource": [bucket.kms_key]},
        ],
    }


def retention_policy(bucket: BackupBucket) -> dict:
    """The IAM policy of the identity in `mysql-backup-retention`: list, lock and delete current
    objects (delete markers); no s3:DeleteObjectVersion, no s3:BypassGovernanceRetention, no
    bucket settings, so it can neither shorten a lock nor remove a locked version."""
    return {
        "Version": "2012-10-17",
        "Statement": [
            _list_dumps(bucket),
            {
                "Sid": "LockAndDeleteDumps",
                "Effect": "Allow",
                "Action": ["s3:GetObjectRetention", "s3:PutObjectRetention", "s3:DeleteObject"],
                "Resource": [_arn(bucket, f"/{bucket.prefix}/*")],
            },
        ],
    }
