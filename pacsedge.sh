#!/usr/bin/env bash
# The README's run command: builds PacsEdge if needed and runs the `pacsedge` command with your arguments,
# e.g. ./pacsedge.sh dump some.dcm --json
set -euo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
out="$root/artifacts/pacsedge"
if [[ ! -x "$out/pacsedge" || -n "$(find "$root/server" -newer "$out/pacsedge" \( -name '*.cs' -o -name '*.csproj' -o -name 'appsettings.json' \) -print -quit 2>/dev/null)" ]]; then
  "$root/scripts/install-prerequisites.sh" >&2
  dotnet publish "$root/server/PacsEdge.Cli/PacsEdge.Cli.csproj" -c Release -o "$out" --nologo -v quiet >&2
fi
exec "$out/pacsedge" "$@"
