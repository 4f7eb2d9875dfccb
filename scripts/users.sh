#!/usr/bin/env bash
# Manages users of the local service (see scripts/run.sh): users.sh add NAME --role ROLE … prints the new token.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
source scripts/lib/postgres.sh

if [ -z "${ConnectionStrings__Incidents:-}" ]; then
  ensure_postgres
  start_cluster run 55432
  create_database incidents
  export ConnectionStrings__Incidents; ConnectionStrings__Incidents=$(connection_string incidents)
fi

dotnet build src/Incidents.Api -c Release -v quiet -nologo >&2
exec dotnet src/Incidents.Api/bin/Release/net10.0/Incidents.Api.dll users "$@"
