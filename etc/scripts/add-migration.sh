#!/usr/bin/env bash
# Adds an EF Core migration to one module: etc/scripts/add-migration.sh Tenancy AddSomething
set -euo pipefail
module=${1:?module name, e.g. Tenancy}
name=${2:?migration name}
cd "$(dirname "$0")/../.."
dotnet tool restore >/dev/null
dotnet ef migrations add "$name" \
  --project src/Inburgering.Modules --startup-project src/Inburgering.Modules \
  --context "${module}DbContext" --output-dir "$module/Data/Migrations"
