#!/usr/bin/env bash
# Fetches the prebuilt OHIF viewer (npm package @ohif/app, its dist/ folder) into artifacts/ohif/ (ignored by git),
# checked against the SHA-512 integrity npm's registry metadata gives for the pinned version. Idempotent: does nothing
# when artifacts/ohif/.version already names the pinned version. The Ohif plugin serves this folder at /ohif/.
#   scripts/fetch-ohif.sh [TARGET_DIR]    (default: artifacts/ohif next to this script's repository)
set -euo pipefail

version="3.13.2"
# dist.integrity of @ohif/app@3.13.2 (npm view @ohif/app@3.13.2 dist.integrity); pinned so a changed tarball fails.
integrity="sha512-WZdxmpmG7rqFgW9ZJLcbgr3XCtLi1KDNPoMaeY5PPe6j4G4fjEjjkycZM6C6Zk2F87BKxFfpq+jd5xXZB9E8EA=="

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="${1:-$repo/artifacts/ohif}"

if [[ -f "$target/.version" && "$(cat "$target/.version")" == "$version" && -f "$target/index.html" ]]; then
  exit 0
fi
command -v npm >/dev/null 2>&1 || { echo "fetch-ohif: npm is missing (apt-get install npm)" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "fetch-ohif: npm pack @ohif/app@$version"
(cd "$work" && npm pack --silent "@ohif/app@$version" >/dev/null)
tarball="$work/ohif-app-$version.tgz"
actual="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
if [[ "$actual" != "$integrity" ]]; then
  echo "fetch-ohif: integrity mismatch for @ohif/app@$version: expected $integrity, got $actual" >&2
  exit 1
fi
tar -xzf "$tarball" -C "$work" package/dist package/LICENSE
rm -rf "$target.tmp"
mkdir -p "$(dirname "$target")"
mv "$work/package/dist" "$target.tmp"
cp "$work/package/LICENSE" "$target.tmp/LICENSE.ohif"
echo "$version" > "$target.tmp/.version"
rm -rf "$target"
mv "$target.tmp" "$target"
echo "fetch-ohif: OHIF $version in $target"
