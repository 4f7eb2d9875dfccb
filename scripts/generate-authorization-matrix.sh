#!/usr/bin/env bash
# Regenerates the authorisation table in README.md from src/Incidents.Api/Access/Matrix/AuthorizationMatrix.cs (the one
# source of truth). A test (AuthorizationMatrixDocsTests) fails while the README and the code disagree.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Incidents.Api -c Release -v quiet -nologo >&2
exec dotnet src/Incidents.Api/bin/Release/net10.0/Incidents.Api.dll authorization-matrix README.md
