#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on 127.0.0.1 for the test run, from Debian's packages.
#   eval "$(.ci/postgres.sh start)"          # prints: export ECO_FIELD_TEST_PG_URL=... ECO_FIELD_TEST_PG_DIR=...
#   .ci/postgres.sh stop "$ECO_FIELD_TEST_PG_DIR"
# Only the export lines go to stdout. initdb refuses root, so as root the cluster runs as `postgres`.
# Listens on 127.0.0.1 only (no Unix socket), password auth with a random password; fsync off (throwaway).
set -euo pipefail

find_bindir() {
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
    pg_config --bindir; return
  fi
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n | tail -1
}

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

install_postgres() {
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 || return 1
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq postgresql-common >/dev/null
  # no system-wide "main" cluster: we start our own below
  sed -i 's/^#\?\s*create_main_cluster.*/create_main_cluster = false/' /etc/postgresql-common/createcluster.conf
  apt-get install -y -qq postgresql >/dev/null
}

start() {
  local bindir dir port password
  bindir=$(find_bindir)
  if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
    echo "installing Debian's postgresql" >&2
    install_postgres >&2 || { echo "postgresql is not installed and cannot be installed here" >&2; exit 1; }
    bindir=$(find_bindir)
  fi
  dir=$(mktemp -d /tmp/eco-pg.XXXXXX)
  password=$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  printf '%s\n' "$password" > "$dir/pw"
  [ "$(id -u)" = 0 ] && chown -R postgres "$dir"
  as_postgres "$bindir/initdb" -D "$dir/data" -U postgres --auth=scram-sha-256 --pwfile="$dir/pw" \
      -E UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
  rm -f "$dir/pw"
  as_postgres "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories='' -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >&2 || { cat "$dir/server.log" >&2; exit 1; }
  echo "export ECO_FIELD_TEST_PG_URL='postgresql://postgres:$password@127.0.0.1:$port/postgres'"
  echo "export ECO_FIELD_TEST_PG_DIR='$dir'"
}

stop() {
  local dir=${1:-${ECO_FIELD_TEST_PG_DIR:-}}
  [ -n "$dir" ] && [ -d "$dir/data" ] || { echo "no cluster folder given" >&2; exit 1; }
  as_postgres "$(find_bindir)/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
  rm -rf "$dir"
}

case "${1:-start}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start | stop DIR" >&2; exit 2 ;;
esac
