#!/usr/bin/env bash
# What a plugin's resident memory is made of, right after its handshake: starts the plugin the way
# go-plugin does (magic cookie, AutoMTLS host certificate made here with openssl, unix socket), waits
# for the handshake line, then sums /proc/<pid>/smaps by mapping: the executable's own pages
# (file-backed, clean: reclaimable and shared with the page cache), OpenSSL's, anonymous memory
# (GC heap, stacks, runtime data) and the rest. Usage: bench/rss-breakdown.sh <plugin executable>...
set -euo pipefail
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:secp521r1 -nodes -keyout "$work/key.pem" \
  -out "$work/cert.pem" -days 1 -subj "/CN=localhost/O=HashiCorp" 2>/dev/null
printf '%-40s %8s %8s %8s %8s %8s\n' "plugin (MiB)" RSS binary OpenSSL anon other
for plugin in "$@"; do
  VAULT_BACKEND_PLUGIN=6669da05-b1c8-4f49-97d9-c8e5bed98e20 PLUGIN_PROTOCOL_VERSIONS=5 \
    PLUGIN_CLIENT_CERT="$(cat "$work/cert.pem")" PLUGIN_UNIX_SOCKET_DIR="$work" \
    "$plugin" >"$work/out" 2>/dev/null &
  pid=$!
  for _ in $(seq 400); do [ -s "$work/out" ] && break; sleep 0.05; done
  sleep 0.5
  python3 - "$pid" "$(realpath "$plugin")" <<'PY'
import re, sys
pid, exe = sys.argv[1], sys.argv[2]
sums = {"binary": 0, "OpenSSL": 0, "anon": 0, "other": 0}
kind = "other"
for line in open(f"/proc/{pid}/smaps"):
    m = re.match(r"[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)", line)
    if m:
        name = m.group(1).strip()
        kind = ("binary" if name == exe else "OpenSSL" if "libcrypto" in name or "libssl" in name
                else "anon" if name in ("", "[heap]") else "other")
    elif line.startswith("Rss:"):
        sums[kind] += int(line.split()[1])
total = sum(sums.values())
print(f"{exe[-40:]:40} {total/1024:8.1f} " + " ".join(f"{sums[k]/1024:8.1f}" for k in ("binary", "OpenSSL", "anon", "other")))
PY
  kill "$pid"; wait "$pid" 2>/dev/null || true
  : >"$work/out"
done
