#!/usr/bin/env bash
# Runs the whole test suite: README's test command and what CI runs.
# Installs what the suites need on a fresh Debian/Ubuntu machine with the .NET 10 SDK.
#
# Builds the solution once, then runs the test projects $VPG_TEST_JOBS at a time (default: one per
# core), the longest first. `dotnet test VaultPathGen.sln` does both in one MSBuild run, but MSBuild
# runs a project's tests on the node that built it: projects built on the node that runs the
# package tests queued behind them for their whole length while the other node sat idle.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -x scripts/install-test-deps.sh ]; then
  scripts/install-test-deps.sh
fi

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

if ! dotnet build VaultPathGen.sln -c Release -nodeReuse:false 2>&1 | tee "$results/build.log"; then
  echo "the build failed: no test ran" >&2
  exit 1
fi

# The suites that take minutes, longest first; every other test project of the solution follows.
longest=(
  tests/VaultPathGen.Package.Tests/VaultPathGen.Package.Tests.csproj
  tests/VaultPathGen.Plugin.Tests/VaultPathGen.Plugin.Tests.csproj
  tests/VaultPathGen.Generator.Tests/VaultPathGen.Generator.Tests.csproj
)
projects=("${longest[@]}")
while read -r project; do
  if grep -q '<IsTestProject>true</IsTestProject>' "$project" && [[ ! " ${longest[*]} " == *" $project "* ]]; then
    projects+=("$project")
  fi
done < <(dotnet sln VaultPathGen.sln list | grep '\.csproj$')

# One project's run: its output goes to its own log, printed whole when it finishes.
run_one() {
  local project=$1 results=$2 name log
  name=$(basename "$project" .csproj)
  log="$results/$name.log"
  if dotnet test "$project" -c Release --no-build -nodeReuse:false --logger "trx" --results-directory "$results/$name" >"$log" 2>&1; then
    cat "$log"
  else
    cat "$log"
    touch "$results/failed"
  fi
}
export -f run_one

jobs=${VPG_TEST_JOBS:-$(nproc)}
printf '%s\0' "${projects[@]}" | xargs -0 -P "$jobs" -I{} bash -c 'run_one "$1" "$2"' _ {} "$results"

status=0
[ -e "$results/failed" ] && status=1

passed=0; failed=0; skipped=0
for trx in "$results"/*/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  n=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${n:-0}))
done

echo "tests: $passed passed, $failed failed, $skipped skipped"
if [ "$passed" -eq 0 ]; then
  echo "no test ran: failing" >&2
  exit 1
fi
if [ "$skipped" -ne 0 ]; then
  echo "skipped tests are not allowed: failing" >&2
  exit 1
fi
exit "$status"
