#!/usr/bin/env bash
# Peak memory of dev mode for large writes: the KV sample (`--dev`, JIT build) receives one 32 MiB
# write (a body just under Vault's 32 MiB max_request_size), then four at once. Prints VmRSS before,
# the peak (VmHWM) after each step, and VmRSS once the secrets are destroyed again (memory given back).
# Usage: bench/dev-memory.sh. Needs curl and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
port=18299
token=bench-token
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

dotnet build samples/KvEngine -c Release -nodeReuse:false >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
python3 - "$work/body.json" <<'PY'
import sys
size = 32 * 1024 * 1024
head, tail = b'{"data":{"v":"', b'"}}'
with open(sys.argv[1], "wb") as f:
    f.write(head + b"x" * (size - len(head) - len(tail)) + tail)
PY

dotnet samples/KvEngine/bin/Release/net10.0/KvEngine.dll --dev --dev-listen-address=127.0.0.1:$port --dev-root-token-id=$token >"$work/dev.log" 2>&1 &
pid=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/v1/sys/health" >/dev/null && break; sleep 0.1; done

mib() { awk -v k="$1" '$1 == k":" { printf "%.0f", $2 / 1024 }' "/proc/$pid/status"; }
write() { curl -sf -o /dev/null -H "X-Vault-Token: $token" --data-binary @"$work/body.json" "http://127.0.0.1:$port/v1/secret/data/$1"; }
destroy() { curl -sf -o /dev/null -X DELETE -H "X-Vault-Token: $token" "http://127.0.0.1:$port/v1/secret/metadata/$1"; }

printf '%-36s %10s %10s\n' "step" "peak MiB" "RSS MiB"
printf '%-36s %10s %10s\n' "started" "$(mib VmHWM)" "$(mib VmRSS)"
write one
printf '%-36s %10s %10s\n' "one 32 MiB write" "$(mib VmHWM)" "$(mib VmRSS)"
destroy one; sleep 2
printf '%-36s %10s %10s\n' "destroyed, 2 s later" "$(mib VmHWM)" "$(mib VmRSS)"
writers=()
for i in 1 2 3 4; do write "four$i" & writers+=($!); done
wait "${writers[@]}"
printf '%-36s %10s %10s\n' "four concurrent 32 MiB writes" "$(mib VmHWM)" "$(mib VmRSS)"
for i in 1 2 3 4; do destroy "four$i"; done; sleep 2
printf '%-36s %10s %10s\n' "destroyed, 2 s later" "$(mib VmHWM)" "$(mib VmRSS)"
