#!/usr/bin/env bash
# The README's run command: builds PacsEdge if needed (and fetches the OHIF viewer into artifacts/ohif, where the
# server finds it) and runs the `pacsedge` command with your arguments, e.g. ./pacsedge.sh dump some.dcm --json.
# With no arguments it runs `pacsedge serve --demo`: the server on http://127.0.0.1:8080 with the demo study.
set -euo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
out="$root/artifacts/pacsedge"
if [[ ! -x "$out/pacsedge" || -n "$(find "$root/server" "$root/plugins" -newer "$out/pacsedge" \( -name '*.cs' -o -name '*.csproj' -o -name 'appsettings.json' \) -print -quit 2>/dev/null)" ]]; then
  "$root/scripts/install-prerequisites.sh" >&2
  dotnet publish "$root/server/PacsEdge.Cli/PacsEdge.Cli.csproj" -c Release -o "$out" --nologo -v quiet >&2
fi
# The viewer is fetched apart from the build, so a missing artifacts/ohif comes back; without it (no network) the
# server still runs and /ohif/ explains what is missing.
"$root/scripts/fetch-ohif.sh" >&2 || echo "pacsedge.sh: the OHIF viewer could not be fetched; /ohif/ stays unavailable" >&2
(($#)) || set -- serve --demo
exec "$out/pacsedge" "$@"
