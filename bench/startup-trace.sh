#!/usr/bin/env bash
# Where a plugin's start-up goes, from a system-call trace: starts the plugin once under the Go host's
# startup scenario (a real go-plugin host with AutoMTLS) inside `strace -f -tt` and prints, in ms from
# exec, when it loaded OpenSSL, read the system's CA store (and how many CA files), bound its socket
# (builds before the listener hand-over bound a probe first), listened and wrote the handshake line.
# strace slows every system call, so read the gaps, not the total.
# Usage: bench/startup-trace.sh <plugin executable> [gohost]. Needs strace (Debian) and, without a
# gohost argument, scripts/install-test-deps.sh for the Go host.
set -euo pipefail
cd "$(dirname "$0")/.."
plugin="$(realpath "$1")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
gohost="${2:-}"
if [ -z "$gohost" ]; then
  bash tests/GoHost/build.sh "$work/gohost" >&2
  gohost="$work/gohost"
fi
command -v strace >/dev/null || { echo "strace is needed (apt-get install strace)" >&2; exit 1; }

# go-plugin execs the path it is given: a wrapper puts strace between it and the plugin.
cat >"$work/wrap.sh" <<WRAP
#!/bin/sh
exec strace -f -tt -e trace=execve,openat,bind,listen,write -o "$work/trace" "$plugin" "\$@"
WRAP
chmod +x "$work/wrap.sh"
"$gohost" -plugin "$work/wrap.sh" -scenario startup -idle-wait 0 | grep '"check":"startup"' >&2

python3 - "$work/trace" <<'PY'
import re, sys
def ms(stamp):
    h, m, s = stamp.split(":")
    return (int(h) * 3600 + int(m) * 60 + float(s)) * 1000
start = None
events = []
ca_files = 0
binds = 0
for line in open(sys.argv[1]):
    parts = line.split(None, 2)
    if len(parts) < 3:
        continue
    t, call = ms(parts[1]), parts[2]
    if start is None and call.startswith("execve("):
        start = t
    if start is None or "ENOENT" in call:
        continue
    if "libssl.so" in call and "openat(" in call:
        events.append((t, "OpenSSL loaded"))
    elif re.search(r'openat\(.*"/etc/ssl/certs/', call) or re.search(r'openat\(.*"/usr/lib/ssl/certs/', call):
        ca_files += 1
        if ca_files == 1:
            events.append((t, "first CA file of the system store read"))
        last_ca = t
    elif call.startswith("bind(") and "plugin" in call:
        binds += 1
        events.append((t, f"bind #{binds} of the plugin socket"))
    elif call.startswith("listen("):
        events.append((t, "listening"))
    elif re.match(r'write\(\d+, "1\|5\|', call):
        # .NET writes stdout through a dup of fd 1: the line itself says what it is.
        events.append((t, "handshake line written"))
if ca_files:
    events.append((last_ca, f"last CA file read ({ca_files} files)"))
for t, what in sorted(events):
    print(f"{t - start:8.1f} ms  {what}")
PY
