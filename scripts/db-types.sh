#!/usr/bin/env bash
# Regenerates src/platform/db/types.ts from the migrated schema (needs a PostgreSQL server; default: local).
set -euo pipefail
base=${CODEGEN_SERVER_URL:-postgres://postgres@127.0.0.1:5432}
psql "$base/postgres" -qc 'DROP DATABASE IF EXISTS jichi_codegen' -c 'CREATE DATABASE jichi_codegen'
DATABASE_URL="$base/jichi_codegen" node bin/jichi.js migrate
npx kysely-codegen --dialect postgres --url "$base/jichi_codegen" --camel-case \
  --exclude-pattern 'platform.schema_migration' --out-file src/platform/db/types.ts
psql "$base/postgres" -qc 'DROP DATABASE jichi_codegen'
