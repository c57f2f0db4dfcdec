"""MySQL Shell dumps in an S3 bucket: list them, find the newest complete one, lock them, and
prune them so that the newest `keep_last` complete dumps are never deleted, however old.

- `seal` puts each complete dump under Object Lock in compliance mode until `lock_days`
  after it finished. The bucket cannot do it by default retention: S3 then requires a
  Content-MD5 header on every upload, which MySQL Shell's S3 client does not send
  (mysqlshdk/libs/aws/s3_bucket.cc sends it for DeleteObjects only), so the dumps would fail.
- `prune` deletes the dumps past `retention_days` that are not among the newest `keep_last`
  complete ones. The bucket's lifecycle cannot count dumps (it expires objects by age, and
  every dump is a folder of its own), so this is the one thing that deletes dumps; the bucket
  being versioned, a deletion only adds delete markers, and locked versions stay.
- `apply` does both, as the in-cluster CronJob runs it; `list`, `latest` and `plan` read only.

It runs in the cluster under MySQL Shell's embedded Python (`mysqlsh --py --file dumps.py`,
with DUMPS_COMMAND; the mysql image has no other Python) and on a workstation (`python3
dumps.py list`), so it uses the standard library only and signs its requests itself (AWS
Signature Version 4).

A dump is the folder `<prefix>/<name>/` that `util.dumpInstance` writes; it is complete once
MySQL Shell has written its `@.done.json`, last. Settings come from the environment:
DUMPS_BUCKET, DUMPS_PREFIX, DUMPS_REGION, DUMPS_ENDPOINT (an S3-compatible store; path-style
requests), DUMPS_RETENTION_DAYS, DUMPS_KEEP_LAST and DUMPS_LOCK_DAYS, and the AWS credentials
as the AWS CLI reads them (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN, else the
AWS_PROFILE profile of AWS_SHARED_CREDENTIALS_FILE or ~/.aws/credentials).
"""

from __future__ import annotations

import base64
import configparser
import datetime
import hashlib
import hmac
import os
import sys
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

# Not datetime.UTC: MySQL Shell may embed a Python older than 3.11.
UTC = datetime.timezone.utc  # noqa: UP017
DONE = "@.done.json"
EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()
S3_NAMESPACE = "{http://s3.amazonaws.com/doc/2006-03-01/}"
COMMANDS = ("list", "latest", "plan", "seal", "prune", "apply")


class DumpsError(Exception):
    """A problem this tool reports in one line (`status`: the HTTP status, if S3 answered)."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Dump:
    name: str
    # The key prefix of its objects, ending in "/".
    folder: str
    keys: tuple[str, ...]
    # When MySQL Shell finished it (its @.done.json was written); None if it never did.
    finished: datetime.datetime | None
    # The newest of its objects: how recent an unfinished dump is.
    last_written: datetime.datetime

    @property
    def complete(self) -> bool:
        return self.finished is not None

    @property
    def time(self) -> datetime.datetime:
        return self.finished or self.last_written


def group_dumps(objects: Iterable[tuple[str, datetime.datetime]], prefix: str) -> list[Dump]:
    """The dumps among (key, last modified) objects under `prefix`, newest first. Objects that
    are not inside a folder of the prefix are not dumps and are left alone."""
    base = prefix.strip("/") + "/"
    folders: dict[str, list[tuple[str, datetime.datetime]]] = {}
    for key, modified in objects:
        if not key.startswith(base):
            continue
        name, slash, rest = key[len(base) :].partition("/")
        if not name or not slash or not rest:
            continue
        folders.setdefault(name, []).append((key, modified))
    found = []
    for name, items in folders.items():
        folder = f"{base}{name}/"
        done = [modified for key, modified in items if key == folder + DONE]
        found.append(
            Dump(
                name=name,
                folder=folder,
                keys=tuple(sorted(key for key, _ in items)),
                finished=done[0] if done else None,
                last_written=max(modified for _, modified in items),
            )
        )
    return sorted(found, key=lambda dump: (dump.time, dump.name), reverse=True)


def prune_plan(
    dumps: Iterable[Dump], now: datetime.datetime, retention_days: int, keep_last: int
) -> tuple[list[Dump], list[Dump]]:
    """(kept, deleted): a dump goes once it is older than `retention_days`, unless it is one of
    the newest `keep_last` complete dumps. An unfinished dump never counts towards those: it
    cannot be restored, and goes at the same age as the others."""
    if keep_last < 1:
        raise DumpsError(f"keep_last must be at least 1 (got {keep_last})")
    limit = now - datetime.timedelta(days=retention_days)
    ordered = sorted(dumps, key=lambda dump: (dump.time, dump.name), reverse=True)
    protected = {dump.folder for dump in [d for d in ordered if d.complete][:keep_last]}
    kept: list[Dump] = []
    deleted: list[Dump] = []
    for dump in ordered:
        (kept if dump.folder in protected or dump.time >= limit else deleted).append(dump)
    return kept, deleted


def to_seal(dumps: Iterable[Dump], now: datetime.datetime, lock_days: int) -> list[Dump]:
    """The complete dumps whose lock would still hold: locking an older one achieves nothing."""
    return [dump for dump in dumps if dump.finished is not None and lock_until(dump, lock_days) > now]


def lock_until(dump: Dump, lock_days: int) -> datetime.datetime:
    assert dump.finished is not None
    return dump.finished + datetime.timedelta(days=lock_days)


def newest_complete(dumps: Iterable[Dump]) -> Dump | None:
    return next((dump for dump in sorted(dumps, key=lambda d: (d.time, d.name), reverse=True) if dump.complete), None)


# --- AWS Signature Version 4 -----------------------------------------------------------------------


def _hmac(key: bytes, message: str) -> bytes:
    return hmac.new(key, message.encode(), hashlib.sha256).digest()


def _quote(value: str, safe: str) -> str:
    return urllib.parse.quote(value, safe=safe)


@dataclass(frozen=True)
class Credentials:
    access_key: str
    # The secret access key, which signs the requests.
    signing_key: str
    session_token: str | None = None


def authorization(
    method: str,
    path: str,
    query: Iterable[tuple[str, str]],
    headers: Mapping[str, str],
    payload_hash: str,
    credentials: Credentials,
    region: str,
    amz_date: str,
    service: str = "s3",
) -> str:
    """The Authorization header of a request whose `headers` (x-amz-date and host included) are
    all signed. S3 takes the path encoded once (not twice, as other services do)."""
    canonical_headers = {name.lower(): " ".join(value.split()) for name, value in headers.items()}
    signed = ";".join(sorted(canonical_headers))
    canonical_request = "\n".join(
        [
            method,
            _quote(path, "/-_.~"),
            "&".join(f"{_quote(k, '-_.~')}={_quote(v, '-_.~')}" for k, v in sorted(query)),
            "".join(f"{name}:{canonical_headers[name]}\n" for name in sorted(canonical_headers)),
            signed,
            payload_hash,
        ]
    )
    day = amz_date[:8]
    scope = f"{day}/{region}/{service}/aws4_request"
    string_to_sign = "\n".join(["AWS4-HMAC-SHA256", amz_date, scope, hashlib.sha256(canonical_request.encode()).hexdigest()])
    key = _hmac(_hmac(_hmac(_hmac(("AWS4" + credentials.signing_key).encode(), day), region), service), "aws4_request")
    signature = hmac.new(key, string_to_sign.encode(), hashlib.sha256).hexdigest()
    return f"AWS4-HMAC-SHA256 Credential={credentials.access_key}/{scope},SignedHeaders={signed},Signature={signature}"


def load_credentials(environ: Mapping[str, str]) -> Credentials:
    """As the AWS CLI does: the environment first, then the profile of the credentials file."""
    if environ.get("AWS_ACCESS_KEY_ID") and environ.get("AWS_SECRET_ACCESS_KEY"):
        return Credentials(environ["AWS_ACCESS_KEY_ID"], environ["AWS_SECRET_ACCESS_KEY"], environ.get("AWS_SESSION_TOKEN"))
    path = environ.get("AWS_SHARED_CREDENTIALS_FILE") or os.path.join(environ.get("HOME", "~"), ".aws", "credentials")
    profile = environ.get("AWS_PROFILE", "default")
    parser = configparser.ConfigParser()
    if not parser.read(os.path.expanduser(path)) or not parser.has_section(profile):
        raise DumpsError(f"no AWS credentials: neither AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY nor profile {profile!r} in {path}")
    section = parser[profile]
    if "aws_access_key_id" not in section or "aws_secret_access_key" not in section:
        raise DumpsError(f"profile {profile!r} in {path} lacks aws_access_key_id or aws_secret_access_key")
    return Credentials(section["aws_access_key_id"], section["aws_secret_access_key"], section.get("aws_session_token"))


class Bucket:
    """The few S3 calls this tool makes: list a prefix, delete an object."""

    def __init__(
        self,
        name: str,
        region: str,
        credentials: Credentials,
        endpoint: str | None = None,
        opener=urllib.request.urlopen,
        clock=lambda: datetime.datetime.now(UTC),
    ) -> None:
        self.name, self.region, self.credentials = name, region, credentials
        if endpoint:
            parsed = urllib.parse.urlsplit(endpoint)
            self.scheme, self.host, self.base = parsed.scheme, parsed.netloc, f"/{name}"
        else:
            self.scheme, self.host, self.base = "https", f"{name}.s3.{region}.amazonaws.com", ""
        self._open, self._clock = opener, clock

    def _request(self, method: str, key: str, query: list[tuple[str, str]], body: bytes = b"") -> bytes:
        path = f"{self.base}/{key}"
        amz_date = self._clock().strftime("%Y%m%dT%H%M%SZ")
        payload_hash = hashlib.sha256(body).hexdigest()
        headers = {"host": self.host, "x-amz-content-sha256": payload_hash, "x-amz-date": amz_date}
        if body:
            # S3 requires Content-MD5 of the Object Lock calls; without a Content-Type urllib
            # would call the XML a form.
            headers["content-md5"] = base64.b64encode(hashlib.md5(body).digest()).decode()
            headers["content-type"] = "application/xml"
        if self.credentials.session_token:
            headers["x-amz-security-token"] = self.credentials.session_token
        headers["Authorization"] = authorization(
            method,
            path,
            query,
            headers,
            payload_hash,
            self.credentials,
            self.region,
            amz_date,
        )
        url = f"{self.scheme}://{self.host}{_quote(path, '/-_.~')}"
        if query:
            # A subresource without a value (?retention) as the AWS SDKs send it; signed as "retention=".
            url += "?" + "&".join(_quote(k, "-_.~") + (f"={_quote(v, '-_.~')}" if v else "") for k, v in query)
        request = urllib.request.Request(
            url, data=body or None, method=method, headers={k: v for k, v in headers.items() if k != "host"}
        )
        try:
            with self._open(request, timeout=60) as response:
                return response.read()
        except urllib.error.HTTPError as error:
            detail = error.read().decode(errors="replace")[:300]
            raise DumpsError(f"{method} s3://{self.name}/{key}: HTTP {error.code}: {detail}", error.code) from None
        except urllib.error.URLError as error:
            raise DumpsError(f"{method} s3://{self.name}/{key}: {error.reason}") from None

    def objects(self, prefix: str) -> Iterator[tuple[str, datetime.datetime]]:
        """Every (key, last modified) under `prefix`, following continuation tokens."""
        token = None
        while True:
            query = [("list-type", "2"), ("prefix", prefix)]
            if token:
                query.append(("continuation-token", token))
            root = _xml(self._request("GET", "", query), f"s3://{self.name}/{prefix}")
            for item in root.iter(f"{S3_NAMESPACE}Contents"):
                key = item.findtext(f"{S3_NAMESPACE}Key", "")
                modified = item.findtext(f"{S3_NAMESPACE}LastModified", "")
                yield key, parse_time(modified)
            if root.findtext(f"{S3_NAMESPACE}IsTruncated") != "true":
                return
            token = root.findtext(f"{S3_NAMESPACE}NextContinuationToken")
            if not token:
                raise DumpsError(f"s3://{self.name}/{prefix}: a truncated listing without a continuation token")

    def retention(self, key: str) -> datetime.datetime | None:
        """Until when Object Lock holds the object's current version; None if it does not."""
        try:
            body = self._request("GET", key, [("retention", "")])
        except DumpsError as error:
            # NoSuchObjectLockConfiguration: the object has no retention.
            if error.status == 404 and "NoSuchObjectLockConfiguration" in str(error):
                return None
            raise
        if not body.strip():
            # Some S3-compatible stores answer so for an object without retention.
            return None
        until = _xml(body, f"s3://{self.name}/{key}?retention").findtext(f"{S3_NAMESPACE}RetainUntilDate")
        return parse_time(until) if until else None

    def lock(self, key: str, until: datetime.datetime) -> None:
        """Compliance-mode retention of the object's current version: from then on nobody can
        delete or overwrite that version, or shorten its retention, before `until`."""
        body = (
            f'<Retention xmlns="{S3_NAMESPACE[1:-1]}"><Mode>COMPLIANCE</Mode>'
            f"<RetainUntilDate>{until.strftime('%Y-%m-%dT%H:%M:%SZ')}</RetainUntilDate></Retention>"
        ).encode()
        self._request("PUT", key, [("retention", "")], body)

    def delete(self, key: str) -> None:
        # The bucket is versioned: this adds a delete marker; the versions stay until the
        # lifecycle removes them, and cannot be removed while Object Lock holds them.
        self._request("DELETE", key, [])


def _xml(body: bytes, what: str) -> ElementTree.Element:
    try:
        return ElementTree.fromstring(body)
    except ElementTree.ParseError as error:
        raise DumpsError(f"{what}: not the XML S3 answers with ({error}): {body[:200]!r}") from None


def parse_time(value: str) -> datetime.datetime:
    """S3's LastModified, e.g. 2025-01-01T02:03:04.000Z."""
    try:
        return datetime.datetime.strptime(value.replace("Z", "+0000"), "%Y-%m-%dT%H:%M:%S.%f%z")
    except ValueError:
        try:
            return datetime.datetime.strptime(value.replace("Z", "+0000"), "%Y-%m-%dT%H:%M:%S%z")
        except ValueError:
            raise DumpsError(f"unreadable LastModified {value!r}") from None


def _setting(environ: Mapping[str, str], name: str) -> str:
    value = environ.get(name, "")
    if not value:
        raise DumpsError(f"{name} is not set")
    return value


def _number(environ: Mapping[str, str], name: str) -> int:
    value = _setting(environ, name)
    if not value.isdigit() or int(value) < 1:
        raise DumpsError(f"{name} must be a whole number of at least 1 (got {value!r})")
    return int(value)


def seal_dump(bucket: Bucket, dump: Dump, lock_days: int, out) -> bool:
    """Locks every object of the dump, @.done.json last: a locked @.done.json says the whole
    dump is, so each run checks one object per dump. False if it already was."""
    done = dump.folder + DONE
    if bucket.retention(done) is not None:
        return False
    until = lock_until(dump, lock_days)
    for key in sorted(dump.keys, key=lambda key: key == done):
        bucket.lock(key, until)
    print(f"locked {dump.folder} ({len(dump.keys)} objects) until {until.isoformat()}", file=out)
    return True


def delete_dump(bucket: Bucket, dump: Dump, out) -> None:
    """@.done.json first: from then on nothing takes the dump for a complete one, even if the
    rest of the deletion fails half-way."""
    keys = sorted(dump.keys, key=lambda key: key != dump.folder + DONE)
    for key in keys:
        bucket.delete(key)
    print(f"deleted {dump.folder} ({len(keys)} objects, {dump.time.isoformat()})", file=out)


def main(
    argv: list[str],
    environ: Mapping[str, str],
    bucket: Bucket | None = None,
    now: datetime.datetime | None = None,
    out=sys.stdout,
    err=sys.stderr,
) -> int:
    command = argv[0] if argv else environ.get("DUMPS_COMMAND", "")
    if command not in COMMANDS:
        print(f"usage: dumps.py {{{'|'.join(COMMANDS)}}} (or DUMPS_COMMAND), settings in DUMPS_* variables", file=err)
        return 2
    try:
        prefix = _setting(environ, "DUMPS_PREFIX").strip("/") + "/"
        if bucket is None:
            bucket = Bucket(
                _setting(environ, "DUMPS_BUCKET"),
                _setting(environ, "DUMPS_REGION"),
                load_credentials(environ),
                environ.get("DUMPS_ENDPOINT") or None,
            )
        dumps = group_dumps(bucket.objects(prefix), prefix)
        if command == "list":
            for dump in dumps:
                state = "complete" if dump.complete else "unfinished"
                print(f"{dump.time.isoformat()}\t{state}\ts3://{bucket.name}/{dump.folder}", file=out)
            return 0
        if command == "latest":
            newest = newest_complete(dumps)
            if newest is None:
                raise DumpsError(f"no complete dump under s3://{bucket.name}/{prefix}")
            print(f"s3://{bucket.name}/{newest.folder}", file=out)
            return 0
        now = now or datetime.datetime.now(UTC)
        if command in ("seal", "apply"):
            lock_days = _number(environ, "DUMPS_LOCK_DAYS")
            sealed = sum(seal_dump(bucket, dump, lock_days, out) for dump in to_seal(dumps, now, lock_days))
            print(f"locked {sealed} new dumps", file=out)
            if command == "seal":
                return 0
        kept, deleted = prune_plan(dumps, now, _number(environ, "DUMPS_RETENTION_DAYS"), _number(environ, "DUMPS_KEEP_LAST"))
        complete = sum(dump.complete for dump in kept)
        print(f"keeping {len(kept)} dumps ({complete} complete), deleting {len(deleted)}", file=out)
        for dump in deleted:
            if command == "plan":
                print(f"would delete {dump.folder} ({dump.time.isoformat()})", file=out)
            else:
                delete_dump(bucket, dump, out)
        return 0
    except DumpsError as error:
        print(f"error: {error}", file=err)
        return 1


if __name__ == "__main__":
    status = main(sys.argv[1:], os.environ)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)
