#!/usr/bin/env bash
# Starts a PostgreSQL 15 cluster for the benchmark (fsync on: figures must be ones a real server would give;
# jit off, as in docker-compose.yml; wal_level=minimal, as on a server without replicas, so the seeder's COPY
# into tables it truncated in the same transaction, and the indexes it builds there, skip the WAL) and prints its connection string. `scripts/bench-postgres.sh stop` stops it. Runs as root or as a normal user.
set -euo pipefail
dir=${BENCH_PG_DIR:-/tmp/supportdesk-bench}
port=${BENCH_PG_PORT:-55432}
bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
as() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if [ "${1:-start}" = stop ]; then
    as "$bin/pg_ctl" -D "$dir/data" -m fast stop
    exit 0
fi

if [ ! -d "$dir/data" ]; then
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
    as "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi
as "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o \
    "-p $port -c listen_addresses=127.0.0.1 -k $dir -c shared_buffers=1GB -c max_wal_size=4GB -c work_mem=32MB -c maintenance_work_mem=1GB -c jit=off -c wal_level=minimal -c max_wal_senders=0" \
    start >/dev/null
as "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'supportdesk_bench'" | grep -q 1 ||
    as "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres supportdesk_bench
echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=supportdesk_bench"
