#!/usr/bin/env bash
# Runs the service. Without a configured ConnectionStrings__Incidents it starts a local PostgreSQL (installing
# Debian's postgresql package if needed) under .local/, creates the schema, and serves on http://127.0.0.1:5080.
# Extra arguments go to the service, e.g. --urls http://0.0.0.0:8080
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
source scripts/lib/postgres.sh

use_local_database_unless_configured

urls="http://127.0.0.1:5080"
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  if [ "${args[$i]}" = "--urls" ]; then urls="${args[$((i + 1))]}"; fi
done
[[ " ${args[*]-} " == *" --urls "* ]] || args+=(--urls "$urls")

log "Building the service..."
dotnet build src/Incidents.Api -c Release -v quiet -nologo >&2
cat >&2 <<MSG

Incidents is starting on ${urls%%;*}
  API:        ${urls%%;*}/api/incidents      OpenAPI: ${urls%%;*}/openapi/v1.json
  First admin token (in another terminal):  scripts/users.sh add admin --role admin
  A token for a reporter:                   scripts/users.sh add alice --role staff

MSG
exec dotnet src/Incidents.Api/bin/Release/net10.0/Incidents.Api.dll "${args[@]}"
