#!/usr/bin/env bash
# Runs every test: starts its own PostgreSQL cluster (installing Debian's postgresql if needed), builds, runs each
# test project, then the benchmark program's --quick run as a smoke test (it must work; its numbers mean nothing on the
# fsync-off test cluster), and ends with one summary line. INCIDENTS_KEEP_POSTGRES=1 leaves the cluster running afterwards.
set -uo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
source scripts/lib/postgres.sh
source scripts/lib/chromium.sh
started=$(date +%s)

ensure_postgres
ensure_chromium
start_cluster test 55433 fast || exit 1
[ "${INCIDENTS_KEEP_POSTGRES:-0}" = 1 ] || trap stop_cluster EXIT
export INCIDENTS_TEST_POSTGRES; INCIDENTS_TEST_POSTGRES=$(connection_string postgres)

results=artifacts/test-results
rm -rf "$results" && mkdir -p "$results"

if ! dotnet build Incidents.sln -c Release -nologo -v quiet; then
  echo "TEST SUMMARY: build failed"
  exit 1
fi

status=0
for project in tests/*/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  log ""
  log "=== $name ==="
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
    --logger "console;verbosity=minimal" || status=1
done

log ""
log "=== bench --quick (smoke test: the benchmark program works) ==="
bench_started=$(date +%s)
if dotnet bench/Incidents.Bench/bin/Release/net10.0/Incidents.Bench.dll all --quick \
     --connection "$INCIDENTS_TEST_POSTGRES" --output "$results/bench" > "$results/bench.log" 2>&1; then
  bench="bench --quick worked in $(( $(date +%s) - bench_started ))s"
else
  status=1
  bench="bench --quick FAILED (see $results/bench.log)"
  tail -n 60 "$results/bench.log" >&2
fi
log "$bench"

sum() { grep -ho "$1=\"[0-9]*\"" "$results"/*.trx 2>/dev/null | grep -o '[0-9]*' | awk '{s+=$1} END {print s+0}'; }
total=$(sum total); passed=$(sum passed); failed=$(sum failed); skipped=$(sum notExecuted)
elapsed=$(( $(date +%s) - started ))
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$total" -eq 0 ]; then
  echo "TEST SUMMARY: FAILED — $passed passed, $failed failed, $skipped skipped of $total tests in ${elapsed}s; $bench"
  exit 1
fi
echo "TEST SUMMARY: OK — $passed passed, $failed failed, $skipped skipped of $total tests in ${elapsed}s; $bench"
