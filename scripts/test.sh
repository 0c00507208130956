#!/usr/bin/env bash
# Runs the whole test suite: README's test command and what CI runs.
# Installs what the suites need on a fresh Debian/Ubuntu machine with the .NET 10 SDK.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -x scripts/install-test-deps.sh ]; then
  scripts/install-test-deps.sh
fi

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

status=0
dotnet test VaultPathGen.sln -c Release --logger "trx" --results-directory "$results" 2>&1 | tee "$results/console.log" || status=$?

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
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
