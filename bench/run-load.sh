#!/usr/bin/env bash
# Side-by-side throughput: the Go peer plugin (bench/GoPeer) against its C# twin (bench/KvTwin) as a user
# publishes it (NativeAOT, the default) and as the single-file ReadyToRun opt-out, all driven by the same go-plugin
# host (tests/GoHost, scenario "load"): read and update of one key at 1, 16 and 64 callers. Runs are
# interleaved (every variant once per round, rounds repeated) so load on the machine hits all alike;
# prints per cell the median over rounds of req/s, p50 and p99, and each C# variant's ratio to Go.
# Usage: bench/run-load.sh [rounds=3] [seconds per run=3]. Env SKIP_AOT=1 leaves NativeAOT out;
# BENCH_BIN=<dir> uses binaries bench/build-peers.sh already built there.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-3}"
seconds="${2:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

bin="${BENCH_BIN:-}"
if [ -z "$bin" ]; then
  echo "building the Go host, the Go peer and the C# twin (a few minutes)..." >&2
  bin="$work/bin"
  bash bench/build-peers.sh "$bin"
fi
variants=("go|$bin/gopeer" "single-file R2R|$bin/single/KvTwin")
[ -x "$bin/aot/KvTwin" ] && variants+=("NativeAOT|$bin/aot/KvTwin")

echo "load before the runs: $(uptime)" >&2
: >"$work/results"
for round in $(seq "$rounds"); do
  for op in read update; do
    for callers in 1 16 64; do
      for variant in "${variants[@]}"; do
        IFS='|' read -r name path <<<"$variant"
        line=$("$bin/gohost" -plugin "$path" -scenario load -op "$op" -callers "$callers" -duration "${seconds}s" -warmup 1s | grep '"check":"load"')
        grep -q '"ok":true' <<<"$line" || { echo "run failed ($name $op $callers): $line" >&2; exit 1; }
        sed -E "s/.*rps=([0-9.]+) p50_us=([0-9]+) p99_us=([0-9]+) plugin_cpu_ms_per_kreq=([0-9.]+) ctxsw_per_req=([0-9.]+) rss_kib=([0-9]+).*/$op|$callers|$name|\1|\2|\3|\4|\5|\6/" <<<"$line" >>"$work/results"
      done
    done
  done
  echo "round $round done: $(uptime)" >&2
done

# Medians per cell, then each variant beside Go's figures of the same cell.
python3 - "$work/results" <<'PY'
import statistics, sys
cells = {}
for line in open(sys.argv[1]):
    op, callers, name, *values = line.strip().split("|")
    cells.setdefault((op, int(callers), name), []).append([float(v) for v in values])
med = {k: [statistics.median(col) for col in zip(*rows)] for k, rows in cells.items()}
names = list(dict.fromkeys(k[2] for k in cells))
print(f"| op | callers | variant | req/s | p50 µs | p99 µs | CPU µs/req | ctx sw/req | RSS MiB | req/s vs Go | p99 vs Go |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
for op in ("read", "update"):
    for callers in (1, 16, 64):
        go = med[(op, callers, "go")]
        for name in names:
            rps, p50, p99, cpu, sw, rss = med[(op, callers, name)]
            ratio = "" if name == "go" else f"{rps / go[0]:.2f}×"
            p99r = "" if name == "go" else f"{p99 / go[2]:.2f}×"
            print(f"| {op} | {callers} | {name} | {rps:,.0f} | {p50:,.0f} | {p99:,.0f} | {cpu:.0f} | {sw:.1f} | {rss / 1024:.1f} | {ratio} | {p99r} |")
PY
