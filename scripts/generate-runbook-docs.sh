#!/usr/bin/env bash
# Regenerates docs/runbooks from the runbook definitions in src/Incidents.Domain/Runbooks (the one source of truth).
# A test (RunbookDocsTests) fails while the committed files and the definitions disagree.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Incidents.Api -c Release -v quiet -nologo >&2
exec dotnet src/Incidents.Api/bin/Release/net10.0/Incidents.Api.dll runbook-docs docs/runbooks
