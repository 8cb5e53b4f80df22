#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for the tests (Unix socket only, no TCP) and print its URL.
#   eval "$(bash scripts/test-postgres.sh start /tmp/sharedsvc-pg)"   -> exports SHAREDSVC_TEST_DATABASE_URL
#   bash scripts/test-postgres.sh stop /tmp/sharedsvc-pg
set -euo pipefail
action=${1:?start or stop}
dir=${2:-/tmp/sharedsvc-pg}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bin" ] || { echo "PostgreSQL server is not installed (apt-get install postgresql)" >&2; exit 1; }
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "$action" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      as_pg "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-k $dir -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
          -c max_connections=200" start >/dev/null
    echo "export SHAREDSVC_TEST_DATABASE_URL='postgresql+psycopg://postgres@/postgres?host=$dir'"
    ;;
  stop)
    as_pg "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null || true
    ;;
  *) echo "usage: $0 start|stop [DIR]" >&2; exit 2 ;;
esac
