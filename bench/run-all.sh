#!/usr/bin/env bash
# Every benchmark, in one command: the side-by-side throughput run (bench/run-load.sh), start-up and
# memory of the Go peer and the C# twin (bench/plugin-startup.sh), the per-leg latency and CPU by layer at one caller (bench/leg-latency.sh, bench/cpu-by-layer.sh), socket calls per request (bench/socket-calls.sh), start-up of the KV sample three ways,
# and the BenchmarkDotNet suites (routing, field binding, generator time). Tables go to stdout, progress to stderr. Takes 15-30 minutes.
# Usage: bench/run-all.sh. Needs scripts/install-test-deps.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-test-deps.sh
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "== machine: $(nproc) cores; $(uptime)"
bash bench/build-peers.sh "$work"

echo "== side by side: read and update at 1/16/64 callers (bench/run-load.sh 3 3)"
BENCH_BIN="$work" bash bench/run-load.sh 3 3

echo "== where one request's time goes at one caller: leg by leg (bench/leg-latency.sh), CPU by layer (bench/cpu-by-layer.sh)"
if command -v perf >/dev/null; then
  for op in read update; do
    aot=(); [ -x "$work/aot/KvTwin" ] && aot=("C# twin NativeAOT=$work/aot/KvTwin")
    bash bench/leg-latency.sh "$work/gohost" "$op" 1 3 "Go peer=$work/gopeer" "${aot[@]}" "C# twin single-file R2R=$work/single/KvTwin"
  done
  # The CPU by layer needs the twin's symbols: one more NativeAOT publish, kept.
  dotnet publish bench/KvTwin -c Release -r linux-x64 --artifacts-path "$work/artifacts-symbols" -nodeReuse:false -p:StripSymbols=false >"$work/symbols.log" 2>&1 \
    || { cat "$work/symbols.log"; exit 1; }
  for op in read update; do
    echo "-- CPU by layer, $op at one caller: Go peer, then the C# twin NativeAOT (bench/cpu-by-layer.sh)"
    bash bench/cpu-by-layer.sh "$work/gohost" "$op" 1 3 "$work/gopeer"
    bash bench/cpu-by-layer.sh "$work/gohost" "$op" 1 3 "$work/artifacts-symbols/publish/KvTwin/release_linux-x64/KvTwin"
  done
else
  echo "(no leg breakdown or CPU by layer: perf is not installed; apt-get install linux-perf)"
fi

echo "== socket writes, reads and futex calls per request at one caller (bench/socket-calls.sh)"
if command -v strace >/dev/null; then
  aot=(); [ -x "$work/aot/KvTwin" ] && aot=("C# twin NativeAOT=$work/aot/KvTwin")
  bash bench/socket-calls.sh "$work/gohost" read 2 "Go peer=$work/gopeer" "${aot[@]}" "C# twin single-file R2R=$work/single/KvTwin"
else
  echo "(no socket calls: strace is not installed; apt-get install strace)"
fi

echo "== KV v2 sample: reads of one key at 1 and 16 callers (gohost -scenario load, JIT build)"
dotnet build samples/KvEngine -c Release -nodeReuse:false >"$work/kv.log" 2>&1 || { cat "$work/kv.log"; exit 1; }
for callers in 1 16; do
  "$work/gohost" -plugin samples/KvEngine/bin/Release/net10.0/KvEngine -scenario load -op read -callers "$callers" -duration 5s | grep '"check":"load"'
done

echo "== start-up and RSS, Go peer and C# twin (bench/plugin-startup.sh 10 ...)"
pairs=("Go peer=$work/gopeer" "C# twin single-file R2R=$work/single/KvTwin")
[ -x "$work/aot/KvTwin" ] && pairs+=("C# twin NativeAOT=$work/aot/KvTwin")
bash bench/plugin-startup.sh 10 "${pairs[@]}"

echo "== where start-up goes (bench/startup-trace.sh) and what RSS is made of (bench/rss-breakdown.sh)"
if command -v strace >/dev/null; then
  [ -x "$work/aot/KvTwin" ] && bash bench/startup-trace.sh "$work/aot/KvTwin" "$work/gohost"
  bash bench/startup-trace.sh "$work/single/KvTwin" "$work/gohost"
else
  echo "(no start-up trace: strace is not installed; apt-get install strace)"
fi
bash bench/rss-breakdown.sh "$work/gopeer" "$work/single/KvTwin" $([ -x "$work/aot/KvTwin" ] && echo "$work/aot/KvTwin")

echo "== start-up and RSS, the KV sample three ways (bench/plugin-startup.sh 10)"
bash bench/plugin-startup.sh 10

echo "== BenchmarkDotNet: routing at 30 and 200 templates, field binding per type, generator time (--filter '*' --job short)"
dotnet run -c Release --project bench/VaultPathGen.Benchmarks -- --filter '*' --job short --buildTimeout 900
echo "== done: $(uptime)"
