#!/usr/bin/env bash
# Runs bench/Incidents.Bench against a project-local PostgreSQL (started like the test cluster, but with fsync on, so
# commit latency is real). Usage: scripts/bench.sh all|SCENARIO [--quick] [--setting value …] (no scenario: the list).
# `scripts/bench.sh all` is the documented full run (under 10 minutes on 2 cores): it prints the results table and writes
# artifacts/bench/results.md and results.json. INCIDENTS_BENCH_POSTGRES=… uses another server instead (a database the
# bench may create others on).
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
source scripts/lib/postgres.sh

if [ -z "${INCIDENTS_BENCH_POSTGRES:-}" ]; then
  ensure_postgres
  start_cluster bench 55440
  trap stop_cluster EXIT
  export INCIDENTS_BENCH_POSTGRES; INCIDENTS_BENCH_POSTGRES=$(connection_string postgres)
fi

dotnet build bench/Incidents.Bench -c Release -v quiet -nologo >&2
dotnet bench/Incidents.Bench/bin/Release/net10.0/Incidents.Bench.dll "$@" --connection "$INCIDENTS_BENCH_POSTGRES"
