#!/usr/bin/env bash
# Manages users of the local service (see scripts/run.sh): users.sh add NAME --role ROLE … prints the new token.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
source scripts/lib/postgres.sh

use_local_database_unless_configured

dotnet build src/Incidents.Api -c Release -v quiet -nologo >&2
exec dotnet src/Incidents.Api/bin/Release/net10.0/Incidents.Api.dll users "$@"
