#!/usr/bin/env bash
# Adds the same-named migration to both engines' sets, so they stay in step (a test checks it).
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh MigrationName}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for engine in Sqlite Postgres; do
    dotnet ef migrations add "$name" --project SupportDesk.Data \
        --context "${engine}SupportDbContext" --output-dir "Migrations/$engine"
done
