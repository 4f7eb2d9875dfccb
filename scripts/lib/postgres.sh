# Shared by scripts/run.sh, scripts/test.sh and scripts/users.sh: a project-local PostgreSQL cluster.
# Source it, then call: ensure_postgres; start_cluster NAME PREFERRED_PORT [fast]; create_database DB
# Afterwards PG_PORT, PG_DATA, PG_BIN and PG_AS (command prefix that runs as the cluster's owner) are set.

repo_root() { cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd; }

log() { printf '%s\n' "$*" >&2; }

find_pg_bin() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/pg_ctl" ] && [ -x "$dir/initdb" ]; then echo "$dir"; return 0; fi
  done
  if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v pg_ctl)"; return 0
  fi
  return 1
}

ensure_postgres() {
  if PG_BIN=$(find_pg_bin); then return 0; fi
  log "PostgreSQL is not installed; installing Debian's postgresql package..."
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >&2
  PG_BIN=$(find_pg_bin) || { log "PostgreSQL installation failed."; exit 1; }
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# PostgreSQL refuses to run as root: then the cluster belongs to the 'postgres' user, and lives where that user can
# reach it (the repository's .local/ if its parent folders allow, else a folder under /var/tmp named after the repo).
cluster_dir() {
  local name=$1 root; root=$(repo_root)
  local local_dir="$root/.local/postgres/$name"
  if [ "$(id -u)" -ne 0 ]; then echo "$local_dir"; return; fi
  id -u postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
  mkdir -p "$local_dir" && chown postgres "$local_dir"
  if runuser -u postgres -- test -w "$local_dir" 2>/dev/null; then echo "$local_dir"; return; fi
  local fallback; fallback="/var/tmp/incidents-postgres-$(printf '%s' "$root" | sha1sum | cut -c1-12)/$name"
  mkdir -p "$fallback" && chown -R postgres "$(dirname "$fallback")"
  echo "$fallback"
}

start_cluster() {
  local name=$1 preferred=$2 mode=${3:-durable}
  PG_DATA=$(cluster_dir "$name")/data
  PG_AS=""
  [ "$(id -u)" -eq 0 ] && PG_AS="runuser -u postgres --"
  local port_file; port_file="$(dirname "$PG_DATA")/port"

  if [ -f "$PG_DATA/PG_VERSION" ] && $PG_AS "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
    PG_PORT=$(cat "$port_file")
    log "PostgreSQL ($name) is already running on port $PG_PORT ($PG_DATA)."
    return 0
  fi

  if [ ! -f "$PG_DATA/PG_VERSION" ]; then
    log "Creating a PostgreSQL cluster for '$name' in $PG_DATA ..."
    $PG_AS mkdir -p "$PG_DATA"
    $PG_AS "$PG_BIN/initdb" -D "$PG_DATA" -U incidents --auth=trust --no-locale -E UTF8 >/dev/null
  fi

  PG_PORT=$preferred
  while port_in_use "$PG_PORT"; do PG_PORT=$((PG_PORT + 1)); done
  echo "$PG_PORT" | $PG_AS tee "$port_file" >/dev/null

  local options="-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c unix_socket_directories='' -c max_connections=300"
  if [ "$mode" = fast ]; then
    # Test clusters skip fsync: a PostgreSQL crash still loses nothing committed (the OS has the writes);
    # only a crash of the whole machine could. synchronous_commit stays on so fault tests stay honest.
    options="$options -c fsync=off -c full_page_writes=off"
  fi
  $PG_AS "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$(dirname "$PG_DATA")/postgres.log" -o "$options" -w -t 60 start >/dev/null
  log "PostgreSQL ($name) is running on 127.0.0.1:$PG_PORT."
}

stop_cluster() {
  [ -n "${PG_DATA:-}" ] && $PG_AS "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1 || true
}

create_database() {
  local db=$1
  local psql="$PG_BIN/psql"
  [ -x "$psql" ] || psql=psql
  if ! "$psql" -h 127.0.0.1 -p "$PG_PORT" -U incidents -d postgres -tAc "select 1 from pg_database where datname = '$db'" | grep -q 1; then
    "$psql" -h 127.0.0.1 -p "$PG_PORT" -U incidents -d postgres -qc "create database \"$db\"" >/dev/null
  fi
}

connection_string() { echo "Host=127.0.0.1;Port=$PG_PORT;Username=incidents;Database=$1"; }

# Used by run.sh and users.sh: without a configured database, start the local 'run' cluster and point the service at it.
use_local_database_unless_configured() {
  if [ -z "${ConnectionStrings__Incidents:-}" ]; then
    ensure_postgres
    start_cluster run 55432
    create_database incidents
    export ConnectionStrings__Incidents; ConnectionStrings__Incidents=$(connection_string incidents)
  fi
}
