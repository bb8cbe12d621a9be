#!/usr/bin/env bash
# PacsEdge against Debian's Orthanc (with its DICOMweb plugin) on this machine, same synthetic CT data, one
# markdown table of ratios on stdout (progress on stderr).
#   bench/run-peer-bench.sh --quick   300 studies indexed, small samples, a few minutes (CI)
#   bench/run-peer-bench.sh           10k studies indexed and a 2 GB STOW-RS upload (tens of minutes)
# Extra arguments go to the harness (bench/PacsEdge.PeerBench), e.g. --studies 2000 or --no-large-upload.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

[[ -x /usr/sbin/Orthanc ]] || { echo "Orthanc is missing: scripts/install-prerequisites.sh --test" >&2; exit 1; }
out="${TMPDIR:-/tmp}/pacsedge-peer-bench"
dotnet publish server/PacsEdge.Cli -c Release -o "$out/pacsedge" --nologo -v quiet >&2
dotnet build bench/PacsEdge.PeerBench -c Release --nologo -v quiet >&2
exec dotnet bench/PacsEdge.PeerBench/bin/Release/net10.0/PacsEdge.PeerBench.dll --pacsedge "$out/pacsedge/pacsedge.dll" "$@"
