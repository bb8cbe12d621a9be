#!/usr/bin/env bash
# The README's test command: installs what the tests need, builds, runs every test suite, and ends
# with one summary line "N passed, N failed, N skipped" over all of them.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# A set-up or build failure still ends with the summary line, counted as one failure.
setup_failed() { echo "$1 failed"; echo "0 passed, 1 failed, 0 skipped"; exit 1; }
scripts/install-prerequisites.sh --test || setup_failed "installing prerequisites"
dotnet restore PacsEdge.sln --nologo -v quiet || setup_failed "dotnet restore"
dotnet build PacsEdge.sln -c Release --no-restore --nologo -v quiet || setup_failed "dotnet build"

# The index tests run against SQLite and a real PostgreSQL: start a throw-away cluster unless the caller
# already points PACSEDGE_TEST_POSTGRES at a server. Without it the PostgreSQL tests fail (never skip).
if [[ -z "${PACSEDGE_TEST_POSTGRES:-}" ]]; then
  if pg_env=$(scripts/test-postgres.sh start); then
    eval "$pg_env"
    trap 'scripts/test-postgres.sh stop "$PACSEDGE_TEST_PGDATA"' EXIT
  else
    echo "starting the test PostgreSQL failed: the PostgreSQL index tests will fail"
  fi
fi

log=$(mktemp)
status=0
for project in tests/*/*.Tests.csproj; do
  echo "== $project"
  dotnet test "$project" -c Release --no-build --nologo 2>&1 | tee -a "$log"
  [[ ${PIPESTATUS[0]} -eq 0 ]] || status=1
done

# Sum the per-suite lines VSTest prints: "Passed!  - Failed: 0, Passed: 525, Skipped: 0, Total: 525".
read -r passed failed skipped < <(grep -E 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$log" |
  sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\2 \1 \3/' |
  awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
rm -f "$log"
if [[ $passed -eq 0 && $status -eq 0 ]]; then status=1; echo "no test ran"; fi
[[ $failed -eq 0 ]] || status=1
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
