#!/usr/bin/env bash
# Start-up time and memory of the KV sample as a Vault plugin, three ways: JIT (`dotnet KvEngine.dll`,
# the framework-dependent build), NativeAOT (`dotnet publish -r linux-x64`, the default) and the
# single-file ReadyToRun trimmed executable (`-p:PublishAot=false`). Each runs N times (default 10) under the Go host's startup
# scenario, a real go-plugin host with AutoMTLS like Vault: time from exec to the parsed handshake
# line, time from exec to the first answer (the mount's setup, over the plugin's first connection), the
# 40 requests' time, then VmRSS right after the handshake, after a mount plus 20 writes and 20 reads, and
# idle, 2 s after those requests (the C# runtime gives memory back after 1 s without requests).
# Runs are interleaved (each variant once per round); prints the medians. Usage: bench/plugin-startup.sh [N] [name=path ...]: with name=path pairs it measures
# those plugin executables instead (any engine that serves data/<key> reads and writes, such as
# bench/GoPeer and bench/KvTwin). Needs scripts/install-test-deps.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
shift || true
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

variants=()
for pair in "$@"; do
  variants+=("${pair%%=*}|${pair#*=}|")
done

echo "building the Go host..." >&2
bash tests/GoHost/build.sh "$work/gohost"
if [ "${#variants[@]}" -eq 0 ]; then
echo "building the KV sample three ways (a few minutes)..." >&2
dotnet build samples/KvEngine -c Release -nodeReuse:false >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
dotnet publish samples/KvEngine -c Release -r linux-x64 -p:PublishAot=false --artifacts-path "$work/single" -nodeReuse:false >"$work/single.log" 2>&1 || { cat "$work/single.log"; exit 1; }
dotnet publish samples/KvEngine -c Release -r linux-x64 --artifacts-path "$work/aot" -nodeReuse:false >"$work/aot.log" 2>&1 || { cat "$work/aot.log"; exit 1; }
variants=(
  "JIT (dotnet KvEngine.dll)|$PWD/samples/KvEngine/bin/Release/net10.0/KvEngine.dll|$PWD/samples/KvEngine/bin/Release/net10.0"
  "single-file R2R trimmed (net10.0)|$work/single/publish/KvEngine/release_linux-x64/KvEngine|"
  "NativeAOT (net10.0)|$work/aot/publish/KvEngine/release_linux-x64/KvEngine|"
)
fi

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

printf '%-34s %8s %8s %8s %14s %14s %13s %12s\n' "variant (median of $runs)" "start ms" "ready ms" "40 req ms" "RSS MiB start" "RSS MiB after" "RSS MiB idle" "size MiB"
echo "load: $(uptime)" >&2
# Interleaved: every variant once per round, so load on the machine hits all alike.
for round in $(seq "$runs"); do
  for i in "${!variants[@]}"; do
    IFS='|' read -r name path dir <<<"${variants[$i]}"
    line=$("$work/gohost" -plugin "$path" -scenario startup | grep '"check":"startup"')
    grep -q '"ok":true' <<<"$line" || { echo "run failed ($name): $line" >&2; exit 1; }
    sed -E 's/.*handshake_ms=([0-9.]+) rss_handshake_kib=([0-9]+) rss_after_requests_kib=([0-9]+) requests_ms=([0-9.]+) ready_ms=([0-9.]+) rss_idle_kib=([0-9]+).*/\1 \2 \3 \4 \5 \6/' <<<"$line" >>"$work/runs$i"
  done
done
for i in "${!variants[@]}"; do
  IFS='|' read -r name path dir <<<"${variants[$i]}"
  ms=$(cut -d' ' -f1 "$work/runs$i" | median)
  rss1=$(cut -d' ' -f2 "$work/runs$i" | median)
  rss2=$(cut -d' ' -f3 "$work/runs$i" | median)
  req=$(cut -d' ' -f4 "$work/runs$i" | median)
  ready=$(cut -d' ' -f5 "$work/runs$i" | median)
  rss3=$(cut -d' ' -f6 "$work/runs$i" | median)
  if [ -n "$dir" ]; then size=$(du -sk "$dir" | cut -f1); else size=$(( $(stat -c %s "$path") / 1024 )); fi
  awk -v n="$name" -v ms="$ms" -v rd="$ready" -v rq="$req" -v r1="$rss1" -v r2="$rss2" -v r3="$rss3" -v sz="$size" \
    'BEGIN { printf "%-34s %8.0f %8.0f %8.0f %14.1f %14.1f %13.1f %12.1f\n", n, ms, rd, rq, r1 / 1024, r2 / 1024, r3 / 1024, sz / 1024 }'
done
echo "load after: $(uptime)" >&2
echo "size: the executable; for JIT the app's folder, without the shared .NET runtime it needs"
