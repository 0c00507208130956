#!/usr/bin/env bash
# Where a plugin's CPU goes per request, by layer of the stack: a perf profile (call graphs, 4 kHz) of
# the plugin under go-plugin's host, its steady state only (the last <seconds>), each sample charged to
# the layer of the innermost frame that belongs to one (our runtime and the backend, Kestrel, the
# HTTP/2 client, System.IO.Pipelines, SslStream, sockets, protobuf, JSON); a sample inside OpenSSL counts
# as OpenSSL, one with no such frame as "runtime, thread pool, other". Prints µs of CPU per request per
# layer. The plugin needs its symbols: publish NativeAOT with -p:StripSymbols=false (Go keeps them).
# Needs perf (Debian: linux-perf), the rights to profile, and python3.
# Usage: bench/cpu-by-layer.sh <gohost> <read|update> <callers> <seconds> <plugin>
set -euo pipefail
[ $# -eq 5 ] || { echo "usage: $0 <gohost> <read|update> <callers> <seconds> <plugin>" >&2; exit 2; }
gohost="$1" op="$2" callers="$3" seconds="$4" plugin="$5"
for tool in perf python3; do
  command -v "$tool" >/dev/null || { echo "$0: $tool is required (Debian: linux-perf, python3)" >&2; exit 1; }
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "load: $(uptime)" >&2
perf record -q -F 4000 -g -e cpu-clock -o "$work/perf.data" -- \
  "$gohost" -plugin "$plugin" -scenario load -op "$op" -callers "$callers" -duration "${seconds}s" -warmup 1s >"$work/out" 2>&1 \
  || { cat "$work/out" >&2; exit 1; }
grep -q '"check":"load","ok":true' "$work/out" || { cat "$work/out" >&2; exit 1; }
rps="$(grep -o 'rps=[0-9]*' "$work/out" | cut -d= -f2)"
perf script -i "$work/perf.data" -F comm,pid,time,ip,sym,dso 2>/dev/null >"$work/script.txt"

python3 - "$work/script.txt" "$rps" "$seconds" 4000 <<'EOF'
import collections, re, sys
path, rps, seconds, hz = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
records = []
for block in open(path).read().split('\n\n'):
    lines = block.strip('\n').split('\n')
    head = lines[0].split()
    if len(head) < 3:
        continue
    records.append((int(head[-2]), float(head[-1].rstrip(':')), [l.strip() for l in lines[1:]]))
if not records:
    sys.exit('no samples: is perf allowed to profile here?')
pids = collections.Counter(r[0] for r in records)
host = records[0][0]                      # gohost starts first and starts the plugin
plugin = max((p for p in pids if p != host), key=lambda p: pids[p])
end = max(t for p, t, _ in records if p == plugin)
start = end - seconds                     # the measured seconds, not start-up or warm-up
samples = [st for p, t, st in records if p == plugin and t >= start and st]

LAYERS = [
    ('OpenSSL', ('libcrypto', 'libssl')),
    ('SslStream', ('System_Net_Security',)),
    ('HTTP/2 client (SocketsHttpHandler)', ('System_Net_Http',)),
    ('Kestrel (HTTP/2 server)', ('Microsoft_AspNetCore',)),
    ('System.IO.Pipelines', ('System_IO_Pipelines',)),
    ('sockets (syscalls, epoll)', ('System_Net_Sockets',)),
    ('protobuf', ('Google_Protobuf',)),
    ('System.Text.Json', ('System_Text_Json',)),
    ('VaultPathGen runtime and the backend', ('VaultPathGen', 'KvTwin')),
    ('Go: grpc-go, x/net/http2', ('grpc.', 'golang.org/x/net/http2')),
    ('Go: crypto/tls', ('crypto/tls', 'crypto/aes', 'crypto/cipher', 'crypto/internal')),
    ('Go: net, syscalls, netpoll', ('net.(', 'syscall.', 'internal/poll', 'runtime.netpoll')),
    ('Go: protobuf, encoding/json', ('protobuf', 'encoding/json')),
]
def layer(frame):
    for name, keys in LAYERS:
        if any(k in frame for k in keys):
            return name
    return None
charged = collections.Counter()
for st in samples:
    first = layer(st[0])
    if first == 'OpenSSL':
        charged[first] += 1
        continue
    charged[next((l for l in map(layer, st) if l), 'runtime, thread pool, kernel, other')] += 1
requests = rps * seconds
total = len(samples) / hz * 1e6 / requests
print(f'{len(samples)} samples over the last {seconds:.0f} s, {rps:.0f} req/s: {total:.0f} µs of plugin CPU per request')
print('| layer | µs per request | share |')
print('|---|---|---|')
for name, n in charged.most_common():
    print(f'| {name} | {n / hz * 1e6 / requests:.0f} | {100 * n / len(samples):.0f} % |')
EOF
