#!/bin/sh
# Restores a MySQL Shell dump (what the MySQL Operator's backups write: util.dumpInstance)
# into a scratch MySQL server, then checks what it loaded. The restore drill of the README
# ("Restoring MySQL"); it never loads into a server that already holds a user schema.
#
#   scripts/mysql_restore.sh --dump LOCATION (--scratch DIR | --target USER@HOST:PORT) [options]
#
#   --dump LOCATION      a dump folder on disk, or s3://BUCKET/PREFIX/NAME (`python3
#                        constructs/ecommerce/components/mysql/dumps.py latest` prints the newest complete one);
#                        S3 credentials as the AWS CLI reads them (AWS_* variables, ~/.aws)
#   --s3-region REGION   the bucket's region (default: AWS_REGION, else the AWS config file)
#   --s3-endpoint URL    an S3-compatible store instead of AWS S3
#   --scratch DIR        start a throwaway mysqld with its data in DIR, load into it, check,
#                        and stop it (needs mysqld and mysqlsh of the dump's MySQL version:
#                        the mysql image of releases/<env>.yaml has both)
#   --keep               leave the scratch server running, for a look (its socket is printed)
#   --target URI         an empty server someone runs (its password on standard input)
#   --expect SCHEMAS     comma-separated schemas that must be there afterwards (default: at
#                        least one user schema)
#   --threads N          loader threads (default 4)
#
# Needs: mysqlsh (MySQL Shell 8.4+, for util.loadDump), mysql; mysqld and mysqladmin with --scratch.
set -eu
umask 077

usage() {
  sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}
fail() {
  echo "mysql_restore: $*" >&2
  exit 1
}

dump='' scratch='' target='' expect='' threads=4 keep=0 region=${AWS_REGION:-} endpoint=
while [ $# -gt 0 ]; do
  case $1 in
    --dump) dump=${2:?}; shift 2 ;;
    --scratch) scratch=${2:?}; shift 2 ;;
    --target) target=${2:?}; shift 2 ;;
    --expect) expect=${2:?}; shift 2 ;;
    --threads) threads=${2:?}; shift 2 ;;
    --s3-region) region=${2:?}; shift 2 ;;
    --s3-endpoint) endpoint=${2:?}; shift 2 ;;
    --keep) keep=1; shift ;;
    -h | --help) usage ;;
    *) echo "mysql_restore: unknown argument: $1" >&2; usage ;;
  esac
done
[ -n "$dump" ] || usage
if { [ -n "$scratch" ] && [ -n "$target" ]; } || { [ -z "$scratch" ] && [ -z "$target" ]; }; then
  echo "mysql_restore: give exactly one of --scratch DIR and --target URI" >&2
  usage
fi
case $threads in '' | *[!0-9]*) fail "--threads must be a number (got $threads)" ;; esac

# Where the dump is, as util.loadDump takes it.
load_options=
case $dump in
  s3://*)
    location=${dump#s3://}
    bucket=${location%%/*}
    path=${location#"$bucket"}
    path=${path#/}
    path=${path%/}
    if [ -z "$bucket" ] || [ -z "$path" ]; then fail "an S3 dump is s3://BUCKET/PREFIX/NAME (got $dump)"; fi
    set -- "--s3BucketName=$bucket"
    [ -z "$region" ] || set -- "$@" "--s3Region=$region"
    [ -z "$endpoint" ] || set -- "$@" "--s3EndpointOverride=$endpoint"
    load_options="$*"
    source=$path
    ;;
  *)
    [ -d "$dump" ] || fail "no dump folder at $dump"
    # MySQL Shell writes @.done.json last: without it the dump never finished.
    [ -f "$dump/@.done.json" ] || fail "$dump is not a complete dump (no @.done.json): take another one"
    source=$dump
    ;;
esac

work=$(mktemp -d "${TMPDIR:-/tmp}/mysql-restore.XXXXXX")
server_pid=
cleanup() {
  if [ -n "$server_pid" ] && [ "$keep" = 0 ]; then
    mysqladmin --defaults-extra-file="$work/client.cnf" shutdown >/dev/null 2>&1 || kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -n "$scratch" ]; then
  # A server of its own, reachable through its socket only, that exists for this restore.
  mkdir -p "$scratch"
  [ ! -e "$scratch/data" ] || fail "$scratch/data exists: give an empty folder for the scratch server"
  socket="$scratch/mysqld.sock"
  mysqld --no-defaults --initialize-insecure --user="$(id -un)" --datadir="$scratch/data" --log-error="$scratch/init.log" ||
    fail "mysqld --initialize failed: see $scratch/init.log"
  mysqld --no-defaults --user="$(id -un)" --datadir="$scratch/data" --socket="$socket" --skip-networking \
    --mysqlx=OFF --local-infile=ON --pid-file="$scratch/mysqld.pid" --log-error="$scratch/error.log" &
  server_pid=$!
  printf '[client]\nuser=root\nprotocol=socket\nsocket=%s\n' "$socket" > "$work/client.cnf"
  tries=0
  until mysqladmin --defaults-extra-file="$work/client.cnf" --connect-timeout=2 ping >/dev/null 2>&1; do
    tries=$((tries + 1))
    kill -0 "$server_pid" 2>/dev/null || fail "the scratch mysqld stopped: see $scratch/error.log"
    [ "$tries" -lt 120 ] || fail "the scratch mysqld did not answer within 2 minutes: see $scratch/error.log"
    sleep 1
  done
  set -- --socket="$socket" --user=root --no-password
  # No binary log to keep on a server that exists for this restore only.
  load_options="$load_options --skipBinlog=true"
  password=
else
  case $target in *@*:*) ;; *) fail "--target is USER@HOST:PORT (got $target)" ;; esac
  IFS= read -r password || true
  user=${target%%@*} hostport=${target#*@}
  host=${hostport%:*} port=${hostport##*:}
  printf '[client]\nuser=%s\nhost=%s\nport=%s\npassword="%s"\n' "$user" "$host" "$port" \
    "$(printf '%s' "$password" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g')" > "$work/client.cnf"
  set -- --uri="$target" --passwords-from-stdin
fi

ask() { mysql --defaults-extra-file="$work/client.cnf" -N -B -e "$1"; }
system="'mysql', 'sys', 'information_schema', 'performance_schema'"
present=$(ask "SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name NOT IN ($system)") ||
  fail "cannot query the target server"
[ "$present" = 0 ] || fail "the target already holds $present user schema(s): restore into an empty scratch server only"
[ "$(ask 'SELECT @@global.local_infile')" = 1 ] || fail "the target has local_infile off, which util.loadDump needs"

echo "loading $dump"
# shellcheck disable=SC2086 # load_options is a list of --name=value words without spaces
printf '%s\n' "$password" | mysqlsh "$@" -- util load-dump "$source" \
  --threads="$threads" --loadUsers=false --progressFile="$work/load-progress.json" $load_options ||
  fail "util.loadDump failed: nothing checked (the scratch server is kept with --keep)"

ask "SELECT table_schema, COUNT(*), COALESCE(SUM(table_rows), 0) FROM information_schema.tables
     WHERE table_schema NOT IN ($system) GROUP BY table_schema ORDER BY table_schema" > "$work/loaded.tsv"
loaded=$(ask "SELECT schema_name FROM information_schema.schemata WHERE schema_name NOT IN ($system) ORDER BY schema_name")
[ -n "$loaded" ] || fail "the dump held no user schema"
missing=
for schema in $(printf '%s' "$expect" | tr ',' ' '); do
  printf '%s\n' "$loaded" | grep -qx "$schema" || missing="$missing $schema"
done
[ -z "$missing" ] || fail "missing after the restore:$missing"

echo "restored $(printf '%s\n' "$loaded" | wc -l | tr -d ' ') schemas (schema, tables, estimated rows):"
cat "$work/loaded.tsv"
if [ -n "$scratch" ] && [ "$keep" = 1 ]; then
  echo "the scratch server keeps running: mysql --socket=$socket --user=root; stop it with mysqladmin --socket=$socket --user=root shutdown"
fi
