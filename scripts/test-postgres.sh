#!/usr/bin/env bash
# A throw-away PostgreSQL server for the tests, from Debian's packages (apt-get install postgresql; installed by
# install-prerequisites.sh --test). Its own cluster under /tmp on a free loopback port, so it never touches a
# cluster the machine already runs; fsync off (test data only).
#   scripts/test-postgres.sh start   prints "export PACSEDGE_TEST_POSTGRES=...; export PACSEDGE_TEST_PGDATA=..." (eval it)
#   scripts/test-postgres.sh stop DIR  stops the cluster started in DIR and removes DIR
set -euo pipefail

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [[ -z "$bindir" || ! -x "$bindir/initdb" ]]; then
  echo "test-postgres: PostgreSQL is not installed (apt-get install postgresql)" >&2
  exit 1
fi

# initdb and postgres refuse to run as root: run them as the postgres user when we are root.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  local port
  for port in $(seq 55432 55532); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  echo "test-postgres: no free port in 55432-55532" >&2
  return 1
}

case "${1:-}" in
  start)
    dir=$(mktemp -d /tmp/pacsedge-test-pg.XXXXXX)
    chmod 755 "$dir"
    [[ $(id -u) -eq 0 ]] && chown postgres: "$dir"
    port=$(free_port)
    as_owner "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    as_owner "$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
      -c "CREATE ROLE pacsedge_test LOGIN" -c "CREATE DATABASE pacsedge_test OWNER pacsedge_test" >&2
    echo "export PACSEDGE_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=pacsedge_test;Database=pacsedge_test;Pooling=true;Maximum Pool Size=40'"
    echo "export PACSEDGE_TEST_PGDATA='$dir'"
    ;;
  stop)
    dir="${2:?stop needs the directory that start printed}"
    [[ "$dir" == /tmp/pacsedge-test-pg.* ]] || { echo "test-postgres: refusing to remove $dir" >&2; exit 1; }
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start | stop DIR" >&2
    exit 2
    ;;
esac
