#!/usr/bin/env bash
# Installs what PacsEdge's build and tests need on a fresh Debian machine (bookworm), skipping what is
# already there. The .NET 10 SDK is expected on PATH (Debian does not package it).
#   scripts/install-prerequisites.sh          what running PacsEdge needs: npm and openssl (to fetch OHIF)
#   scripts/install-prerequisites.sh --test   plus what the tests run: referee tools (dcmtk, dicom3tools, pydicom),
#                                             strace (the durable-write syscall order), curl (a real STOW client)
#                                             and PostgreSQL (the index tests start their own cluster: scripts/test-postgres.sh),
#                                             chromium (the OHIF viewer test drives it headless),
#                                             Orthanc + orthanc-dicomweb (the interop peer and the benchmark's)
# Both fetch the prebuilt OHIF viewer into artifacts/ohif (scripts/fetch-ohif.sh, needs npm).
set -euo pipefail

if ! command -v dotnet >/dev/null 2>&1; then
  echo "install-prerequisites: the .NET 10 SDK is missing (https://learn.microsoft.com/dotnet/core/install/linux)" >&2
  exit 1
fi

packages=()
command -v npm >/dev/null 2>&1 || packages+=(npm)
command -v openssl >/dev/null 2>&1 || packages+=(openssl) # fetch-ohif.sh checks the tarball's SHA-512 with it
if [[ "${1:-}" == "--test" ]]; then
  command -v dcmdump >/dev/null 2>&1 || packages+=(dcmtk)
  command -v dciodvfy >/dev/null 2>&1 || packages+=(dicom3tools)
  [[ -d /usr/lib/python3/dist-packages/pydicom/data/test_files ]] || packages+=(python3-pydicom)
  command -v strace >/dev/null 2>&1 || packages+=(strace)
  command -v curl >/dev/null 2>&1 || packages+=(curl)
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || packages+=(postgresql)
  command -v chromium >/dev/null 2>&1 || packages+=(chromium)
  # Orthanc and its DICOMweb plugin: the interop tests and bench/run-peer-bench.sh start their own Orthanc
  # from a generated configuration (tests/PacsEdge.Testing/Orthanc), never the system service.
  [[ -x /usr/sbin/Orthanc ]] || packages+=(orthanc)
  [[ -e /usr/share/orthanc/plugins/libOrthancDicomWeb.so ]] || packages+=(orthanc-dicomweb)
fi

if ((${#packages[@]})); then
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  echo "install-prerequisites: apt-get install ${packages[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi

"$(dirname "${BASH_SOURCE[0]}")/fetch-ohif.sh"
